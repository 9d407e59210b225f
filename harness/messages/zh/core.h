/* core: the texts the harness itself shows (harness/ and its .c files) in 简体中文, one
 * FL_MSG(english, chinese) each (see tools/messages.py). */

/* ---- runtime.c, around.c, inject.c: the harness's own means ---- */
FL_MSG("shared memory for the check's board",
       "应能为检查的记录板分配共享内存")
FL_MSG("mmap of %zu bytes failed: %s",
       "mmap %zu 字节失败：%s")
FL_MSG("a pipe for the check",
       "能为检查创建管道")
FL_MSG("pipe2 failed: %s",
       "pipe2 失败：%s")
FL_MSG("memory for a probe",
       "应能为探针分配内存")
FL_MSG("mmap failed: %s",
       "mmap 失败：%s")
FL_MSG("pipes for a probe",
       "应能为探针创建管道")
FL_MSG("pipe failed: %s",
       "pipe 失败：%s")
FL_MSG("a decoy child for the check",
       "应能为检查创建一个诱饵子进程")
FL_MSG("fork failed: %s",
       "fork 失败：%s")
FL_MSG("a helper process for the check",
       "检查程序应能创建一个辅助进程")
FL_MSG("the task to start running in the child",
       "任务应在子进程里开始运行")
FL_MSG("child %d ended (%s) before the task started; %d of %d task runs seen",
       "子进程 %d 在任务开始之前就结束了（%s）；任务只运行了 %d 次，应为 %d 次")

/* ---- around.c: what every check body gets ---- */
FL_MSG("pipe end",
       "管道端")
FL_MSG("socket",
       "套接字")
FL_MSG("file",
       "文件")
FL_MSG("anonymous",
       "匿名")
FL_MSG("the code to wait only for the children it started",
       "代码应只等待它自己启动的子进程")
FL_MSG("your code reaped process %d, which it did not start: the caller already had "
       "that child (it had ended) before the check called your code. wait() and "
       "waitpid(-1, ...) take whichever child ended; waitpid(pid, ...) with your own "
       "child's pid takes only that one",
       "你的代码回收了进程 %d，而它并不是你的代码启动的：在检查调用你的代码之前，"
       "调用方就已经有这个子进程了（它早已结束）。wait() 和 waitpid(-1, ...) "
       "会回收任意一个已结束的子进程；用你自己子进程的 pid 调用 waitpid(pid, ...) "
       "才只回收那一个")
FL_MSG("received SIG%s from process %d",
       "收到了 SIG%s（来自进程 %d）")
FL_MSG("was stopped",
       "被暂停了")
FL_MSG("was sent SIG%s",
       "被发送了 SIG%s")
FL_MSG("was killed",
       "被杀死了")
FL_MSG("the code to signal only the processes it started",
       "代码应只向它自己启动的进程发送信号")
FL_MSG("process %d, which your code did not start (the caller already had it as a "
       "child), %s: kill(0, ...) signals the whole process group and kill(-1, ...) "
       "every process you may signal; a pid of 0 or -1 is never a child's pid",
       "进程 %d 不是你的代码启动的（调用方本来就有这个子进程），它%s："
       "kill(0, ...) 会向整个进程组发送信号，kill(-1, ...) 会发给你有权发送信号的每一个进程；"
       "子进程的 pid 永远不会是 0 或 -1")
FL_MSG("a child to end with _exit(), which runs no atexit handler and flushes no stdio "
       "buffer of the parent's",
       "子进程应用 _exit() 结束：它不运行 atexit 注册的函数，也不冲刷从父进程继承来的 stdio 缓冲区")
FL_MSG("child %d ended with exit() (or returned from main's code): the caller's atexit "
       "handlers ran in it",
       "子进程 %d 用 exit() 结束（或者回到了 main 的代码里）：调用方的 atexit 函数在它里面运行了")
FL_MSG("a child to end with _exit(), which flushes no stdio buffer of the parent's",
       "子进程应用 _exit() 结束：它不冲刷从父进程继承来的 stdio 缓冲区")
FL_MSG("text the caller had buffered in a stdio stream before fork() was written %d times: "
       "a child flushed its copy of the buffer (exit(), or fflush(NULL) in the child)",
       "调用方在 fork() 之前缓冲在 stdio 流里的文字被写出了 %d 次：有子进程冲刷了它那份缓冲区的副本"
       "（exit()，或者在子进程里 fflush(NULL)）")
FL_MSG("zombie: exited but never waited for",
       "僵尸进程：已经退出，却没有被等待")
FL_MSG("still running",
       "仍在运行")
FL_MSG("every child the check started to be waited for before the check ended",
       "检查结束之前，它启动的每个子进程都应已被等待回收")
FL_MSG("1 child of the caller %d left behind: %s",
       "1 个子进程没有被调用方 %d 回收：%s")
FL_MSG("%d children of the caller %d left behind: %s",
       "%d 个子进程没有被调用方 %d 回收：%s")
FL_MSG("every descriptor the code opened to be closed by the end of the check (a pipe "
       "end left open means its reader never sees end-of-file)",
       "检查结束时，代码打开的每个文件描述符都应已关闭（管道端没关，读端就永远读不到文件结束）")
FL_MSG("still open in the caller %d when the check ended: %s",
       "检查结束时调用方 %d 里仍然打开着：%s")
FL_MSG("every shared region the code mapped to be unmapped, all of it, by the end of the "
       "check",
       "检查结束时，代码映射的每块共享内存都应已完整解除映射")
FL_MSG("still mapped in the caller %d when the check ended: %s",
       "检查结束时调用方 %d 里仍然映射着：%s")

/* ---- deadlock.c: who waits for whom ---- */
FL_MSG("the caller %d",
       "调用方 %d")
FL_MSG("child %d of the caller",
       "调用方的子进程 %d")
FL_MSG("process %d",
       "进程 %d")
FL_MSG("waits to write descriptor %d",
       "等着写文件描述符 %d")
FL_MSG("waits to read descriptor %d",
       "等着读文件描述符 %d")
FL_MSG("waits to write to pipe:[%lu] (fd %d); its read end is held by nobody who could use it",
       "等着写 pipe:[%lu]（fd %d）；它的读端不在任何能用它的进程手里")
FL_MSG("waits to read pipe:[%lu] (fd %d); its write end is held by nobody who could use it",
       "等着读 pipe:[%lu]（fd %d）；它的写端不在任何能用它的进程手里")
FL_MSG("waits to write to pipe:[%lu] (fd %d); its read end is held only by processes "
       "that wait too: %s",
       "等着写 pipe:[%lu]（fd %d）；它的读端只在同样在等待的进程手里：%s")
FL_MSG("waits to read pipe:[%lu] (fd %d); its write end is held only by processes "
       "that wait too: %s",
       "等着读 pipe:[%lu]（fd %d）；它的写端只在同样在等待的进程手里：%s")
FL_MSG("waits for child %ld to end",
       "等着子进程 %ld 结束")
FL_MSG("waits for any child to end",
       "等着任意一个子进程结束")
FL_MSG("waits on a lock or condition (futex at %#lx) that no running process will "
       "release or signal",
       "等着一把锁或一个条件变量（futex，地址 %#lx），而没有哪个还在运行的进程会释放或通知它")
FL_MSG("waits for the others (only the check's ceiling would end its wait)",
       "等着其他进程（只有检查的时限才会结束它的等待）")
FL_MSG("waits in poll or select for descriptors no one will make ready",
       "在 poll 或 select 里等待没有人会让它就绪的文件描述符")
FL_MSG("waits for a signal that nobody will send",
       "等着一个没有人会发送的信号")
FL_MSG("waits in system call %ld",
       "在系统调用 %ld 里等待")

/* ---- ipc.c ---- */
FL_MSG("POSIX shared memory or semaphore /dev/shm/",
       "POSIX 共享内存或信号量 /dev/shm/")
FL_MSG("POSIX message queue /",
       "POSIX 消息队列 /")

/* ---- proc.c ---- */
FL_MSG("the caller to be the one that waits for its child",
       "应由调用方来等待它自己的子进程")
FL_MSG("%s %d had already been waited for when the caller came to wait for it: the code "
       "under test reaped it (wait/waitpid) where it should not",
       "%s %d 在调用方去等待它时已经被回收过了：被测代码在不该回收的地方回收了它（wait/waitpid）")
FL_MSG("a child of the caller to wait for",
       "调用方应有这个子进程可以等待")
FL_MSG("%s %d is not a child of the caller %d (%s)",
       "%s %d 不是调用方 %d 的子进程（%s）")
FL_MSG("not ended",
       "尚未结束")
FL_MSG("exited with %d",
       "以 %d 退出")
FL_MSG("killed by SIG%s (%d)",
       "被 SIG%s（%d）杀死")
FL_MSG("status 0x%x",
       "状态 0x%x")
FL_MSG("the child",
       "子进程")

/* ---- verdict.c (and records.c: a hang's texts) ---- */
FL_MSG("timed out after %g s while %s (a check that times out usually waits for something "
       "that never comes: a pipe end left open, a child that was never started or never ends, "
       "a wait for the wrong pid)",
       "超时：%g s 后仍未结束，当时在%s（超时的检查通常是在等一件永远不会发生的事："
       "某个管道端没关，某个子进程根本没启动或永远不结束，或者等错了 pid）")
FL_MSG("deadlock while %s, found after %.1f s: every process of the check waits for "
       "something only another of them could do: %s",
       "死锁：在%s时，%.1f s 后发现检查的每个进程都在等一件只有它们当中另一个才能做的事：%s")
FL_MSG("the check's sandbox to be set up",
       "检查的沙箱应能建立起来")
FL_MSG("the harness could not set up the sandbox: %s (FORKLAB_SANDBOX=session uses the "
       "plain one)",
       "测试框架无法建立沙箱：%s（FORKLAB_SANDBOX=session 使用简单的那种）")
FL_MSG("at most %d processes at once (the check's ceiling)",
       "同时最多应有 %d 个进程（检查的上限）")
FL_MSG("fork bomb: more than %d processes; the check was stopped while %s",
       "fork 炸弹：超过 %d 个进程；检查在%s时被停止")
FL_MSG("the check's output to stay under %d KB",
       "检查的输出应不超过 %d KB")
FL_MSG("output flood: more than %d KB printed while %s; the output past the cap was cut "
       "and the check stopped",
       "输出泛滥：打印了超过 %d KB（当时在%s）；超出上限的部分被截掉，检查被停止")
FL_MSG("the check's processes to keep making progress until the check ends",
       "检查结束之前，它的进程应一直在向前推进")
FL_MSG("the check to run to its end",
       "检查应一直运行到结束")
FL_MSG("the checker was interrupted (signal %d) while %s; everything the check started "
       "was killed",
       "检查程序被中断（信号 %d），当时在%s；检查启动的一切都已被杀死")
FL_MSG("the check to finish within its ceiling of %g s",
       "检查应在 %g s 的时限之内完成")
FL_MSG("a child to end with _exit after its task, never to return into the caller's code",
       "子进程应在任务之后用 _exit 结束，绝不回到调用方的代码里")
FL_MSG("child %d returned into the caller's code while %s, and would have run the rest of "
       "the caller's program a second time",
       "子进程 %d 在%s时回到了调用方的代码里，本会把调用方程序剩下的部分再运行一遍")
FL_MSG("the check's sandbox to stay up until the check ends",
       "检查结束之前，它的沙箱应一直存在")
FL_MSG("the sandbox's init process was killed from inside while %s (did the code signal "
       "every process it could, kill(-1, ...)?)",
       "沙箱的 init 进程在%s时被里面的进程杀死了（代码是不是向它能发送信号的每个进程都发了信号，"
       "kill(-1, ...)？）")
FL_MSG(" (it used up its CPU-time ceiling of %g s)",
       "（它用完了 %g s 的 CPU 时间上限）")
FL_MSG(" (it wrote a file past the size ceiling of %d KB)",
       "（它写的文件超过了 %d KB 的大小上限）")
FL_MSG(" (by its own code: kill(-1, SIGKILL) or a kill of its process group would do it)",
       "（被它自己的代码杀死：kill(-1, SIGKILL) 或者杀死它的进程组都会这样）")
FL_MSG("the caller's process to survive the calls it made",
       "调用方进程在它发起的调用之后应依然存活")
FL_MSG("the caller's process %d was %s while %s%s",
       "调用方进程 %d %s，当时在%s%s")
FL_MSG("the caller's process to keep running until the check ends",
       "调用方进程应一直运行到检查结束")
FL_MSG("the caller's process %d %s while %s%s",
       "调用方进程 %d %s，当时在%s%s")
FL_MSG(": student code called exit() in the caller (only the child may end, and with _exit)",
       "：学生代码在调用方里调用了 exit()（只有子进程可以结束，而且要用 _exit）")
FL_MSG("nothing the check started to outlive it",
       "检查启动的一切都不应比检查活得更久")
FL_MSG("1 process was still running after the check: %s",
       "检查之后还有 1 个进程在运行：%s")
FL_MSG("%d processes were still running after the check: %s",
       "检查之后还有 %d 个进程在运行：%s")
FL_MSG("every IPC object the check created to be removed before it ended",
       "检查结束之前，它创建的每个 IPC 对象都应已删除")
FL_MSG("1 IPC object outlived the check (removed now): %s",
       "有 1 个 IPC 对象在检查之后仍然存在（现已删除）：%s")
FL_MSG("%d IPC objects outlived the check (removed now): %s",
       "有 %d 个 IPC 对象在检查之后仍然存在（现已删除）：%s")
FL_MSG("; memory: a process of the check used %ld MB of its ceiling of %ld MB, so "
       "allocations past it failed",
       "；内存：检查的一个进程用了 %ld MB，上限是 %ld MB，超出的分配都失败了")
FL_MSG("IPC objects left behind (removed): %s\n",
       "留下的 IPC 对象（已删除）：%s\n")
FL_MSG("race shaker seed %s: `make check SHAKE=%s` repeats these delays\n",
       "竞争扰动器种子 %s：`make check SHAKE=%s` 会重现这些延迟\n")

/* ---- lesson 01-processes: texts its checks.c keeps in tables, variables and
 * helpers' parameters (marked N_ / fl_tr there) ---- */
FL_MSG(": the result of fork was not checked for -1",
       "：没有检查 fork 的结果是否为 -1")
FL_MSG("; it started child %d",
       "；它还启动了子进程 %d")
FL_MSG("proc_start(p) a second time on a started proc",
       "proc_start(p)（对已启动的 proc 第二次调用）")
FL_MSG("proc_start(p) on a proc without a task",
       "proc_start(p)（对没有任务的 proc）")

/* ---- lesson 02-arguments: texts its checks.c keeps in tables, variables and
 * helpers' parameters (marked N_ / fl_tr there) ---- */
FL_MSG(" (127: proc_child_setup failed in the child)",
       "（127：proc_child_setup 在子进程里失败了）")
FL_MSG(" (127: proc_child_setup failed)",
       "（127：proc_child_setup 失败了）")
FL_MSG("(proc_start failed)",
       "（proc_start 失败）")
FL_MSG(": p kept a pointer to the caller's variable instead of a copy",
       "：p 保存的是指向调用方变量的指针，而不是一份副本")
FL_MSG("a read returned data, not end-of-file",
       "read 读到了数据，而不是文件结束")
FL_MSG("a read would wait for ever: fd 0 is still the caller's stdin",
       "read 会永远等下去：fd 0 仍是调用方的 stdin")
FL_MSG("a string",
       "一个字符串")
FL_MSG("a struct",
       "一个结构体")
FL_MSG("an int",
       "一个 int")
FL_MSG("exactly PROC_ARG_MAX bytes",
       "正好 PROC_ARG_MAX 个字节")
FL_MSG("file descriptor 0 is closed",
       "文件描述符 0 已被关闭")
FL_MSG("proc_set_name(p, \"late\") on a started proc",
       "proc_set_name(p, \"late\")（对已启动的 proc）")
FL_MSG("proc_start(p) on a proc already started",
       "proc_start(p)（对已启动的 proc）")
FL_MSG("read failed: %s",
       "read 失败：%s")
FL_MSG("set",
       "已设置")

/* ---- lesson 03-isolated-memory: texts its checks.c keeps in tables, variables and
 * helpers' parameters (marked N_ / fl_tr there) ---- */
FL_MSG(": a child that never wrote its result looks like a result of 0 unless its exit code "
       "is checked",
       "：一个从没写下结果的子进程，看起来就像结果是 0，除非检查它的退出码")
FL_MSG(": out was never written",
       "：out 从来没有被写过")
FL_MSG(": that is the low 8 bits only -- an exit status cannot carry a result",
       "：那只是低 8 位——退出状态带不回一个结果")
FL_MSG("; every result is 0: the children wrote into memory the caller does not see (a "
       "global, a MAP_PRIVATE region, or a region mapped after fork)",
       "；所有结果都是 0：子进程写进了调用方看不到的内存（全局变量、MAP_PRI"
       "VATE 区域，或者 fork 之后才映射的区域）")
FL_MSG("proc_join(NULL) (given)",
       "proc_join(NULL)（现成的）")
FL_MSG("proc_join(p) on a proc never started (given)",
       "proc_join(p)（对从未启动的 proc，现成的）")
FL_MSG("proc_start(NULL) (given)",
       "proc_start(NULL)（现成的）")
FL_MSG("running",
       "正在运行")
FL_MSG("shared_ints_create returned",
       "shared_ints_create 返回")
FL_MSG("shared_ints_create with no descriptor free",
       "shared_ints_create（没有空闲的文件描述符时）")
FL_MSG("shared_ints_create with no memory",
       "shared_ints_create（没有内存时）")
FL_MSG("shared_map failed with %d children started",
       "shared_map 在启动了 %d 个子进程后失败")
FL_MSG("shared_map failed with 1 child started",
       "shared_map 在启动了 1 个子进程后失败")
FL_MSG("shared_map interrupted by SIGUSR1",
       "shared_map 被 SIGUSR1 打断")
FL_MSG("shared_map returned",
       "shared_map 返回")
FL_MSG("shared_map to return -1 with ENOMEM when its region cannot be made",
       "共享区域建不起来时，shared_map 应返回 -1 并设置 ENOMEM")
FL_MSG("shared_map to work (0) or return -1 with ENOMEM (EIO if a child could not allocate)",
       "shared_map 应成功（返回 0），或者返回 -1 并设置 ENOME"
       "M（子进程分配不到内存时为 EIO）")
FL_MSG("shared_map with %d allocations allowed (it returned %d)",
       "shared_map（只允许 %d 次分配时，它返回了 %d）")
FL_MSG("shared_map with 1 allocation allowed (it returned %d)",
       "shared_map（只允许 1 次分配时，它返回了 %d）")
FL_MSG("shared_map with no descriptor free",
       "shared_map（没有空闲的文件描述符时）")
FL_MSG("the global list is at %#lx in the child, %p in the caller",
       "全局列表在子进程里的地址是 %#lx，在调用方里是 %p")

/* ---- lesson 04-join: texts its checks.c keeps in tables, variables and
 * helpers' parameters (marked N_ / fl_tr there) ---- */
FL_MSG(" with no descriptor free",
       "（没有空闲的文件描述符）")
FL_MSG(", while %d signals (SIGUSR1, SIGCHLD) arrived",
       "，期间到达了 %d 个信号（SIGUSR1、SIGCHLD）")
FL_MSG(": a signal interrupted waitpid, and EINTR must be retried (the child has not ended)",
       "：信号打断了 waitpid，而遇到 EINTR 必须重试（子进程并没有结束"
       "）")
FL_MSG(": it asked the kernel again about a pid it had already reaped; remember that the "
       "child was joined",
       "：它又向内核询问了一个已经回收过的 pid；要记住这个子进程已经 join "
       "过了")
FL_MSG(": negative codes mean a signal, -WTERMSIG(status)",
       "：负的退出码表示信号，即 -WTERMSIG(status)")
FL_MSG(": that is the raw wait status; WEXITSTATUS decodes it",
       "：那是原始的等待状态；要用 WEXITSTATUS 解码")
FL_MSG("a task that calls _exit(300)",
       "调用 _exit(300) 的任务")
FL_MSG("a task that calls abort()",
       "调用 abort() 的任务")
FL_MSG("a task that gets SIGSEGV",
       "收到 SIGSEGV 的任务")
FL_MSG("a task that returns 0",
       "返回 0 的任务")
FL_MSG("a task that returns 7",
       "返回 7 的任务")
FL_MSG("a task that sends itself SIGKILL",
       "给自己发送 SIGKILL 的任务")
FL_MSG("a task that sends itself SIGTERM",
       "给自己发送 SIGTERM 的任务")
FL_MSG("proc_join(p) on a proc never started",
       "proc_join(p)（对从未启动的 proc）")
FL_MSG("proc_join_timeout(p, -0.001) on a running child",
       "proc_join_timeout(p, -0.001)（对正在运行的子进程"
       "）")
FL_MSG("proc_join_timeout(p, -1) on a running child",
       "proc_join_timeout(p, -1)（对正在运行的子进程）")
FL_MSG("proc_join_timeout(p, 0) on a proc never started",
       "proc_join_timeout(p, 0)（对从未启动的 proc）")
FL_MSG("proc_join_timeout(p, 1) on a proc never started",
       "proc_join_timeout(p, 1)（对从未启动的 proc）")
FL_MSG("proc_start(p) on a started proc (given)",
       "proc_start(p)（对已启动的 proc，现成的）")
FL_MSG("proc_start(p) when fork fails (given)",
       "proc_start(p)（fork 失败时，现成的）")

/* ---- lesson 05-terminate: texts its checks.c keeps in tables, variables and
 * helpers' parameters (marked N_ / fl_tr there) ---- */
FL_MSG(": 0 says it ended, but no exit code was ever recorded",
       "：0 表示它已结束，可是从来没有记录过退出码")
FL_MSG(": SIGKILL reached pid 0, i.e. the caller's whole process group",
       "：SIGKILL 发给了 pid 0，也就是调用方的整个进程组")
FL_MSG(": a signal death became 0, decode the status waitpid gave with WIFSIGNALED",
       "：被信号杀死变成了 0，要用 WIFSIGNALED 解码 waitpid "
       "给出的状态")
FL_MSG(": it asked the kernel about the pid, which now names another running process",
       "：它向内核询问了这个 pid，而这个 pid 现在指的是另一个正在运行的进程")
FL_MSG(": kill(pid, 0) succeeds on a zombie, only wait tells",
       "：对僵尸进程 kill(pid, 0) 也会成功，只有 wait 才能分辨")
FL_MSG("exit code -15: killed by SIGTERM",
       "退出码应为 -15：被 SIGTERM 杀死")
FL_MSG("exit code -9: killed by SIGKILL",
       "退出码应为 -9：被 SIGKILL 杀死")
FL_MSG("none (proc_exitcode returned 0)",
       "没有（proc_exitcode 返回了 0）")
FL_MSG("proc_is_alive(p) never started",
       "proc_is_alive(p)（从未启动）")
FL_MSG("proc_join(p) never started",
       "proc_join(p)（从未启动）")
FL_MSG("proc_kill(p) never started",
       "proc_kill(p)（从未启动）")
FL_MSG("proc_start(p) already started",
       "proc_start(p)（已经启动过）")
FL_MSG("proc_start(p) with no task",
       "proc_start(p)（没有任务）")
FL_MSG("proc_terminate(p) never started",
       "proc_terminate(p)（从未启动）")

/* ---- lesson 06-zombies-orphans: texts its checks.c keeps in tables, variables and
 * helpers' parameters (marked N_ / fl_tr there) ---- */
FL_MSG(": its process would call a NULL task and crash",
       "：它的进程会调用一个 NULL 任务而崩溃")
FL_MSG("unblocking SIGCHLD after the second child exited",
       "在第二个子进程退出后解除对 SIGCHLD 的阻塞")
FL_MSG("unblocking SIGCHLD: one signal for all the exits",
       "解除对 SIGCHLD 的阻塞：所有退出只对应一个信号")
FL_MSG("unblocking SIGCHLD: one signal stands for all the exits",
       "解除对 SIGCHLD 的阻塞：一个信号代表所有的退出")
FL_MSG("unblocking SIGCHLD: the handler runs now",
       "解除对 SIGCHLD 的阻塞：处理函数现在运行")

/* ---- lesson 07-daemon: texts its checks.c keeps in tables, variables and
 * helpers' parameters (marked N_ / fl_tr there) ---- */
FL_MSG(" -- it counted a SIGKILL to the daemon that had died of SIGTERM: without a pidfd it "
       "did not see that daemon end",
       "——它把发给已死于 SIGTERM 的守护进程的 SIGKILL 也算上了："
       "没有 pidfd，它就没看到那个守护进程已经结束")
FL_MSG("a daemon already joined (ended 1) was treated as running",
       "一个已经 join 过的守护进程（ended 为 1）被当成了还在运行")
FL_MSG("the structs of children an earlier proc_main_exit had joined were used again by the "
       "next one",
       "下一次 proc_main_exit 又用到了上一次已经 join 过的子进"
       "程的结构体")

/* ---- lesson 08-process-objects: texts its checks.c keeps in tables, variables and
 * helpers' parameters (marked N_ / fl_tr there) ---- */
FL_MSG(" (it crashed: was the base class's task(arg) called, with task NULL?)",
       "（它崩溃了：是不是调用了基类的 task(arg)，而 task 为 NUL"
       "L？）")
FL_MSG(" (the caller itself: run was called before fork)",
       "（就是调用方自己：run 在 fork 之前就被调用了）")
FL_MSG("; its child had nothing to run",
       "；它的子进程没有东西可运行")
FL_MSG("a base-class proc",
       "一个基类 proc")
FL_MSG("a greeter object",
       "一个 greeter 对象")
FL_MSG("a proc whose task waits until SIGUSR1 interrupts the caller",
       "一个任务会一直等到 SIGUSR1 打断调用方的 proc")
FL_MSG("a tally object",
       "一个 tally 对象")
FL_MSG("a tally object that also has a task",
       "一个同时还设置了 task 的 tally 对象")
FL_MSG("an object whose first start failed",
       "一个第一次启动失败了的对象")
FL_MSG("an object whose run kills its own process with SIGKILL",
       "一个 run 会用 SIGKILL 杀死自己进程的对象")
FL_MSG("an object whose run returns a chosen value",
       "一个 run 返回指定值的对象")
FL_MSG("not the class",
       "不是该类")
FL_MSG("proc_init_object(p, cls) with cls->run NULL",
       "proc_init_object(p, cls)（cls->run 为 NU"
       "LL）")
FL_MSG("proc_join(p) never started (given)",
       "proc_join(p)（从未启动，现成的）")
FL_MSG("proc_run(p) with a class whose run is NULL",
       "proc_run(p)（类的 run 为 NULL）")
FL_MSG("proc_run(p) with no class and no task",
       "proc_run(p)（既没有类也没有任务）")
FL_MSG("proc_start(p) with a class whose run is NULL",
       "proc_start(p)（类的 run 为 NULL）")
FL_MSG("proc_start(p) with no class and no task",
       "proc_start(p)（既没有类也没有任务）")
FL_MSG("the class",
       "该类")

/* ---- lesson 09-queue: texts its checks.c keeps in tables, variables and
 * helpers' parameters (marked N_ / fl_tr there) ---- */
FL_MSG("%zu bytes that do not start like any message put (the start of a message was lost "
       "or overwritten)",
       "%zu 个字节，开头不像任何放进去的消息（某条消息的开头丢了或被覆盖了）")
FL_MSG("a %zu-byte message",
       "一条 %zu 字节的消息")
FL_MSG("a 5000-byte put to succeed",
       "put 一条 5000 字节的消息应成功")
FL_MSG("a message",
       "一条消息")
FL_MSG("a message of %zu bytes, too short to be one that was put",
       "一条 %zu 字节的消息，短得不可能是放进去的任何一条")
FL_MSG("a message too big for the buffer to stay at the head for the next get",
       "缓冲区装不下的消息应留在队头，等下一次 get")
FL_MSG("a new queue",
       "新建的队列")
FL_MSG("a put in the caller after a child's queue_free to succeed",
       "子进程 queue_free 之后，调用方里的 put 应成功")
FL_MSG("a put in the caller to succeed",
       "调用方里的 put 应成功")
FL_MSG("a put into a new queue to succeed",
       "对新队列的 put 应成功")
FL_MSG("a put into an empty queue of 1 to succeed",
       "对容量为 1 的空队列的 put 应成功")
FL_MSG("a put into an empty queue to succeed",
       "对空队列的 put 应成功")
FL_MSG("a put into an open queue to succeed",
       "对打开着的队列的 put 应成功")
FL_MSG("a put of a message up to QUEUE_MSG_MAX to succeed",
       "put 一条不超过 QUEUE_MSG_MAX 的消息应成功")
FL_MSG("a queue made with few descriptors free to work",
       "在空闲文件描述符很少时建起来的队列应能正常工作")
FL_MSG("a queue made with the memory it got to work",
       "用分到的内存建起来的队列应能正常工作")
FL_MSG("a second put into a queue of 2 to succeed",
       "对容量为 2 的队列的第二次 put 应成功")
FL_MSG("a value outside enum queue_result",
       "一个不在 enum queue_result 里的值")
FL_MSG("both children's messages to arrive, B's first",
       "两个子进程的消息都应到达，B 的在前")
FL_MSG("each message to come out with exactly the bytes put",
       "每条消息取出来时应与放进去的字节完全一样")
FL_MSG("message %u of 6",
       "6 条消息中的第 %u 条")
FL_MSG("message %u of producer %u (%zu bytes) is whole in length but byte %zu is not its "
       "own: bytes of another message got into it",
       "第 %u 条消息（生产者 %u，%zu 字节）长度完整，但第 %zu 个字节"
       "不是它自己的：别的消息的字节混了进来")
FL_MSG("message %u of producer %u came out with %zu bytes; it was put with %u",
       "第 %u 条消息（生产者 %u）取出来时有 %zu 字节；放进去时是 %u "
       "字节")
FL_MSG("one put",
       "一次 put")
FL_MSG("queue_get on an empty queue to return QUEUE_EMPTY at its timeout",
       "对空队列的 queue_get 应在超时时返回 QUEUE_EMPTY")
FL_MSG("queue_get with a timeout on an empty queue to return QUEUE_EMPTY, however many "
       "signals arrive (EINTR is not an outcome)",
       "对空队列带超时的 queue_get 应返回 QUEUE_EMPTY，不管来"
       "了多少信号（EINTR 不是一种结果）")
FL_MSG("queue_get(q, buf, 4096, &len, 0) with a 5000-byte message at the head",
       "queue_get(q, buf, 4096, &len, 0)（队头是一条"
       " 5000 字节的消息）")
FL_MSG("queue_put on a full queue to return QUEUE_FULL at its timeout",
       "对满队列的 queue_put 应在超时时返回 QUEUE_FULL")
FL_MSG("queue_put with a timeout on a full queue to return QUEUE_FULL, however many signals "
       "arrive (EINTR is not an outcome)",
       "对满队列带超时的 queue_put 应返回 QUEUE_FULL，不管来了"
       "多少信号（EINTR 不是一种结果）")
FL_MSG("the 5000-byte message, with a buffer big enough this time",
       "那条 5000 字节的消息，这次缓冲区够大")
FL_MSG("the caller to get the message child A put",
       "调用方应取到子进程 A 放进去的消息")
FL_MSG("the caller's queue to work after a child's queue_free",
       "子进程 queue_free 之后，调用方的队列应仍能工作")
FL_MSG("the first message",
       "第一条消息")
FL_MSG("the first message put to come out first",
       "先放进去的消息应先出来")
FL_MSG("the first of the messages of children B and C",
       "子进程 B 和 C 的消息中的第一条")
FL_MSG("the message",
       "那条消息")
FL_MSG("the message child A put",
       "子进程 A 放进去的消息")
FL_MSG("the message put",
       "应取到放进去的那条消息")
FL_MSG("the message that waited to come out last",
       "等待过的那条消息应最后出来")
FL_MSG("the messages put, in order",
       "应按顺序取到放进去的消息")
FL_MSG("the oldest message first, the newest last (FIFO)",
       "最早的消息先出来，最新的最后出来（FIFO）")
FL_MSG("the queue's older message before the one that waited",
       "队列里较早的消息应在等待过的那条之前出来")
FL_MSG("the queued messages untouched by the failed puts",
       "失败的 put 不应动到队列里已有的消息")
FL_MSG("the second message",
       "第二条消息")
FL_MSG("the second of the messages of children B and C",
       "子进程 B 和 C 的消息中的第二条")
FL_MSG("the third message",
       "第三条消息")
FL_MSG("two puts",
       "两次 put")
FL_MSG("two puts and a get",
       "两次 put 和一次 get")
FL_MSG("two puts and two gets",
       "两次 put 和两次 get")
FL_MSG("two puts into a queue of 2 to succeed",
       "对容量为 2 的队列的两次 put 应成功")

/* ---- lesson 10-producer-consumer: texts its checks.c keeps in tables, variables and
 * helpers' parameters (marked N_ / fl_tr there) ---- */
FL_MSG("Every item was consumed, yet consumers still wait: each consumer needs a sentinel "
       "of its own, put after the producers are joined and before the consumers are",
       "每个数据项都被消费了，消费者却还在等：每个消费者都需要一个自己的哨兵，在生产"
       "者 join 之后、消费者 join 之前放进去")
FL_MSG("Items were left: producers waiting in put for room that no consumer makes, or "
       "consumers stopped early",
       "还有数据项剩下：生产者在 put 里等待空位，却没有消费者腾出空位；或者消费"
       "者提前停下了")
FL_MSG("Nothing was consumed at all: were the producers joined before any consumer ran?",
       "什么都没有被消费：是不是在任何消费者运行之前就先 join 了生产者？")
FL_MSG("a zombie: exited, never joined",
       "僵尸进程：已退出，从未被 join")
FL_MSG("after pc_run failed with fork number %d refused",
       "pc_run 因第 %d 次 fork 被拒绝而失败之后")
FL_MSG("after pc_run returned",
       "pc_run 返回之后")
FL_MSG("after pc_run with %d allocations allowed returned %d",
       "只允许 %d 次分配的 pc_run 返回 %d 之后")
FL_MSG("after pc_run with %d descriptors free returned %d",
       "只有 %d 个空闲文件描述符的 pc_run 返回 %d 之后")
FL_MSG("after pc_run with 1 allocation allowed returned %d",
       "只允许 1 次分配的 pc_run 返回 %d 之后")
FL_MSG("after pc_run with 1 descriptor free returned %d",
       "只有 1 个空闲文件描述符的 pc_run 返回 %d 之后")
FL_MSG("consumer",
       "消费者")
FL_MSG("exited",
       "已退出")
FL_MSG("none",
       "没有")
FL_MSG("pc_consumer (a sentinel, an open queue)",
       "pc_consumer（一个哨兵，打开着的队列）")
FL_MSG("pc_producer (2 items, a queue of 2)",
       "pc_producer（2 个数据项，容量为 2 的队列）")
FL_MSG("pc_producer (3 items, an open queue)",
       "pc_producer（3 个数据项，打开着的队列）")
FL_MSG("pc_run to return -1 with queue_new's errno (ENOMEM) when no memory can be had for "
       "the queue",
       "队列分配不到内存时，pc_run 应返回 -1 并保留 queue_new "
       "的 errno（ENOMEM）")
FL_MSG("pc_run to return 0: every producer and consumer exited 0",
       "pc_run 应返回 0：每个生产者和消费者都以 0 退出")
FL_MSG("pc_run to return how many children did not exit 0",
       "pc_run 应返回没有以 0 退出的子进程个数")
FL_MSG("pc_run to work (0, or the count of workers that could not allocate) or return -1 "
       "with ENOMEM",
       "pc_run 应正常完成（返回 0，或者分配不到内存的工作进程个数），或者返"
       "回 -1 并设置 ENOMEM")
FL_MSG("pc_run with -1 items",
       "pc_run（-1 个数据项）")
FL_MSG("pc_run with 0 consumers",
       "pc_run（0 个消费者）")
FL_MSG("pc_run with 0 producers",
       "pc_run（0 个生产者）")
FL_MSG("pc_run with PC_MAX_WORKERS + 1 consumers",
       "pc_run（PC_MAX_WORKERS + 1 个消费者）")
FL_MSG("pc_run with PC_MAX_WORKERS + 1 producers",
       "pc_run（PC_MAX_WORKERS + 1 个生产者）")
FL_MSG("pc_run with capacity 0",
       "pc_run（容量为 0）")
FL_MSG("pc_run with capacity QUEUE_MAXSIZE_MAX + 1",
       "pc_run（容量为 QUEUE_MAXSIZE_MAX + 1）")
FL_MSG("proc_join of a proc never started (given)",
       "proc_join（对从未启动的 proc，现成的）")
FL_MSG("proc_start of a proc with no task (given)",
       "proc_start（对没有任务的 proc，现成的）")
FL_MSG("producer, or a consumer that got no item",
       "生产者，或者没拿到数据项的消费者")
FL_MSG("queue_get into a NULL buffer (given)",
       "queue_get（缓冲区为 NULL，现成的）")
FL_MSG("queue_get with a NULL len (given)",
       "queue_get（len 为 NULL，现成的）")
FL_MSG("queue_get(NULL, ...) (given)",
       "queue_get(NULL, ...)（现成的）")
FL_MSG("queue_new(0) (given)",
       "queue_new(0)（现成的）")
FL_MSG("queue_new(QUEUE_MAXSIZE_MAX + 1) (given)",
       "queue_new(QUEUE_MAXSIZE_MAX + 1)（现成的）")
FL_MSG("queue_put of a NULL message with length 1 (given)",
       "queue_put（消息为 NULL、长度为 1，现成的）")
FL_MSG("queue_put(NULL, ...) (given)",
       "queue_put(NULL, ...)（现成的）")
FL_MSG("queue_qsize(NULL) (given)",
       "queue_qsize(NULL)（现成的）")
FL_MSG("waiting",
       "正在等待")

/* ---- lesson 11-pool: texts its checks.c keeps in tables, variables and
 * helpers' parameters (marked N_ / fl_tr there) ---- */
FL_MSG(": the pool never noticed that the worker died (end-of-file on its result pipe says "
       "so, unless the caller still holds the pipe's write end) -- Python's pool hangs here "
       "for ever",
       "：进程池一直没发现工作进程已经死了（它的结果管道读到文件结束就说明了这一点，"
       "除非调用方自己还拿着管道的写端）——Python 的进程池在这里会永远卡住")
FL_MSG(": was its result credited to task 0, which is still held at the gate?",
       "：它的结果是不是记到了仍被拦在闸门处的任务 0 头上？")
FL_MSG("a probe task",
       "一个探针任务")
FL_MSG("a task",
       "一个任务")
FL_MSG("a task after the one that reported an error",
       "报告过错误的那个任务之后的一个任务")
FL_MSG("a task after two workers died",
       "两个工作进程死掉之后的一个任务")
FL_MSG("a task before pool_close",
       "pool_close 之前的一个任务")
FL_MSG("a task given after the only worker was killed",
       "唯一的工作进程被杀死之后交来的一个任务")
FL_MSG("a task held at a gate",
       "一个被拦在闸门处的任务")
FL_MSG("a task queued before pool_close",
       "pool_close 之前排进队列的一个任务")
FL_MSG("a task returning a long",
       "一个返回 long 的任务")
FL_MSG("a task returning a long, while task 0 is held",
       "一个返回 long 的任务，此时任务 0 被拦着")
FL_MSG("a task that calls _exit(3)",
       "一个调用 _exit(3) 的任务")
FL_MSG("a task that calls pool_task_error(0)",
       "一个调用 pool_task_error(0) 的任务")
FL_MSG("a task that calls pool_task_error(0), which is ignored",
       "一个调用 pool_task_error(0) 的任务，这个调用会被忽略")
FL_MSG("a task that calls pool_task_error(17)",
       "一个调用 pool_task_error(17) 的任务")
FL_MSG("a task that ends at once",
       "一个马上就结束的任务")
FL_MSG("a task that ignores SIGTERM, held at a gate for ever",
       "一个忽略 SIGTERM、永远被拦在闸门处的任务")
FL_MSG("a task that killed its worker while fork fails",
       "一个在 fork 失败期间杀死了自己工作进程的任务")
FL_MSG("a task that kills its only worker, with fork failing",
       "一个杀死唯一工作进程的任务，同时 fork 会失败")
FL_MSG("a task that kills its own worker",
       "一个杀死自己工作进程的任务")
FL_MSG("a task that kills its own worker with SIGKILL",
       "一个用 SIGKILL 杀死自己工作进程的任务")
FL_MSG("a task that sleeps t/4",
       "一个睡眠 t/4 的任务")
FL_MSG("a task while no worker can be started",
       "无法启动任何工作进程时的一个任务")
FL_MSG("a task, after its only worker was killed (writing to the dead worker's task pipe "
       "raises SIGPIPE, which kills the caller unless it is ignored around the write)",
       "一个任务，此前唯一的工作进程已被杀死（往死掉的工作进程的任务管道里写会引发 "
       "SIGPIPE，除非在写的前后忽略它，否则调用方会被杀死）")
FL_MSG("a task, asked again after the refused calls",
       "一个任务，在那些被拒绝的调用之后再取一次")
FL_MSG("an unknown status",
       "一个未知的状态")
FL_MSG("pid_job(0), once memory is there again",
       "pid_job(0)，内存恢复之后")
FL_MSG("pid_job(0), queued while memory ran out",
       "pid_job(0)，在内存耗尽时排进队列")
FL_MSG("pool_apply_async on a closed pool",
       "pool_apply_async（对已关闭的进程池）")
FL_MSG("pool_apply_async(NULL, task, 1): p is NULL",
       "pool_apply_async(NULL, task, 1)：p 为 NU"
       "LL")
FL_MSG("pool_apply_async(p, NULL, 1): task is NULL",
       "pool_apply_async(p, NULL, 1)：task 为 NU"
       "LL")
FL_MSG("pool_join(p) before pool_close(p)",
       "pool_join(p)（在 pool_close(p) 之前）")
FL_MSG("pool_new(2, 0) with %d allocations allowed",
       "pool_new(2, 0)（只允许 %d 次分配）")
FL_MSG("pool_new(2, 0) with %d descriptors free",
       "pool_new(2, 0)（只有 %d 个空闲文件描述符）")
FL_MSG("pool_new(2, 0) with 1 allocation allowed",
       "pool_new(2, 0)（只允许 1 次分配）")
FL_MSG("pool_new(2, 0) with 1 descriptor free",
       "pool_new(2, 0)（只有 1 个空闲文件描述符）")
FL_MSG("pool_new(3, 0) with fork failing after %d",
       "pool_new(3, 0)（fork 在成功 %d 次之后失败）")
FL_MSG("pool_result_get(NULL, h, 0, &r): p is NULL",
       "pool_result_get(NULL, h, 0, &r)：p 为 NU"
       "LL")
FL_MSG("pool_result_get(p, -1, 0, &r): a handle never returned",
       "pool_result_get(p, -1, 0, &r)：一个从未返回过的"
       "句柄")
FL_MSG("pool_result_get(p, h + 1, 0, &r): a handle never returned",
       "pool_result_get(p, h + 1, 0, &r)：一个从未返"
       "回过的句柄")
FL_MSG("pool_result_get(p, h, 0, NULL): out is NULL",
       "pool_result_get(p, h, 0, NULL)：out 为 N"
       "ULL")
FL_MSG("proc_start on a proc with no task (given)",
       "proc_start（对没有任务的 proc，现成的）")
FL_MSG("the call did not report an error",
       "这个调用没有报告错误")
FL_MSG("the same task once fork works again (the empty slot is retried)",
       "fork 恢复之后的同一个任务（空出的位置会再试一次）")
FL_MSG("the task after its gate opened",
       "闸门打开之后的那个任务")
FL_MSG("the task that was held at the gate",
       "被拦在闸门处的那个任务")

/* ---- lesson 12-parallelism: texts its checks.c keeps in tables, variables and
 * helpers' parameters (marked N_ / fl_tr there) ---- */
FL_MSG("an unknown errno",
       "一个未知的 errno")
FL_MSG("errno was 0",
       "errno 为 0")
FL_MSG("it did not return -1",
       "它没有返回 -1")
FL_MSG("proc_join on a proc never started (given)",
       "proc_join（对从未启动的 proc，现成的）")
FL_MSG("proc_start on a proc already started (given)",
       "proc_start（对已启动的 proc，现成的）")
FL_MSG("run_parallel(2, NULL, args, codes): task is NULL",
       "run_parallel(2, NULL, args, codes)：tas"
       "k 为 NULL")
FL_MSG("run_parallel(2, task, args, NULL): codes is NULL",
       "run_parallel(2, task, args, NULL)：code"
       "s 为 NULL")
FL_MSG("run_sequential(2, NULL, args, codes): task is NULL",
       "run_sequential(2, NULL, args, codes)：t"
       "ask 为 NULL")
FL_MSG("run_sequential(2, task, args, NULL): codes is NULL",
       "run_sequential(2, task, args, NULL)：co"
       "des 为 NULL")

/* ---- lesson 13-fork-exec: texts its checks.c keeps in tables, variables and
 * helpers' parameters (marked N_ / fl_tr there) ---- */
FL_MSG("proc_spawn interrupted by a signal",
       "proc_spawn 被信号打断")
FL_MSG("proc_spawn interrupted while it reaped",
       "proc_spawn 在回收时被打断")
FL_MSG("proc_spawn on a proc already started",
       "proc_spawn（对已启动的 proc）")
FL_MSG("proc_spawn with %d descriptors free",
       "proc_spawn（只有 %d 个空闲文件描述符）")
FL_MSG("proc_spawn with 1 descriptor free",
       "proc_spawn（只有 1 个空闲文件描述符）")
FL_MSG("proc_spawn with SIGCHLD ignored",
       "proc_spawn（SIGCHLD 被忽略时）")
FL_MSG("proc_spawn with fork failing",
       "proc_spawn（fork 失败时）")
FL_MSG("proc_spawn(NULL, path, argv, NULL): p is NULL",
       "proc_spawn(NULL, path, argv, NULL)：p 为"
       " NULL")
FL_MSG("proc_spawn(p, NULL, argv, NULL): path is NULL",
       "proc_spawn(p, NULL, argv, NULL)：path 为"
       " NULL")
FL_MSG("proc_spawn(p, path, NULL, NULL): argv is NULL",
       "proc_spawn(p, path, NULL, NULL)：argv 为"
       " NULL")

/* ---- sandbox.c ---- */
FL_MSG("starting the check",
       "开始检查")
FL_MSG(" and %d more",
       "，另外还有 %d 个")
FL_MSG("this machine lets the check use 1 CPU; it needs %d to see processes run in parallel "
       "(FORKLAB_FORCE=1 runs it anyway)",
       "这台机器只让检查使用 1 个 CPU；要看出进程是否并行运行，它需要 %d 个"
       "（FORKLAB_FORCE=1 可以照样运行它）")
FL_MSG("this machine lets the check use %d CPUs; it needs %d to see processes run in parallel "
       "(FORKLAB_FORCE=1 runs it anyway)",
       "这台机器只让检查使用 %d 个 CPU；要看出进程是否并行运行，它需要 %d 个"
       "（FORKLAB_FORCE=1 可以照样运行它）")
FL_MSG("under valgrind this check cannot work (it measures time valgrind stretches, or needs "
       "calls valgrind lacks); make check runs it",
       "这个检查在 valgrind 下无法进行（它要测量被 valgrind 拉长的时间，或者要用 valgrind "
       "不支持的调用）；make check 会运行它")
FL_MSG("this machine refuses ptrace to the check's processes (Yama or a container); the check "
       "needs it (FORKLAB_FORCE=1 runs it anyway)",
       "这台机器不允许对检查的进程使用 ptrace（Yama 或容器的限制），而这个检查需要它"
       "（FORKLAB_FORCE=1 可以照样运行它）")
FL_MSG("%.900s (the harness's own two processes also shared one CPU just now: %.1fx the time "
       "of one)",
       "%.900s（检查程序自己的两个进程刚才也只能共用一个 CPU：用时是单个进程的 %.1f 倍）")
FL_MSG("the check's processes to run in parallel on a machine with two free CPUs",
       "在有两个空闲 CPU 的机器上，检查的进程应当并行运行")
FL_MSG("the check found no parallel running (%.900s), yet two of the harness's own processes "
       "ran in parallel each of ten times right after it (at most %.1fx the time of one): the "
       "CPUs were free, so it was the code that did not run its children at the same time",
       "检查没有看到并行运行（%.900s），可紧接着检查程序自己的两个进程十次都是并行运行的"
       "（用时至多是单个进程的 %.1f 倍）：CPU 是空闲的，所以是代码没有让子进程同时运行")
FL_MSG("a check to be skipped only when the machine lacks what it declares it needs",
       "只有机器缺少检查声明需要的条件时，检查才可以跳过")
FL_MSG("the check asked to be skipped (%.900s), but the machine offers everything the check "
       "needs: a skip is the harness's to decide, and student code cannot ask for one",
       "检查要求跳过（%.900s），但这台机器具备检查所需的一切：跳过与否由检查程序决定，"
       "学生代码不能要求跳过")
