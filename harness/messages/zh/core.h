/* core: the texts the harness itself shows (harness/ and its .c files) in 简体中文, one
 * FL_MSG(english, chinese) each (see tools/messages.py). */

/* ---- runtime.c, around.c, inject.c: the harness's own means ---- */
FL_MSG("shared memory for the check's board",
       "为检查的记录板分配共享内存")
FL_MSG("mmap of %zu bytes failed: %s",
       "mmap %zu 字节失败：%s")
FL_MSG("a pipe for the check",
       "为检查创建一个管道")
FL_MSG("pipe2 failed: %s",
       "pipe2 失败：%s")
FL_MSG("memory for a probe",
       "为探针分配内存")
FL_MSG("mmap failed: %s",
       "mmap 失败：%s")
FL_MSG("pipes for a probe",
       "为探针创建管道")
FL_MSG("pipe failed: %s",
       "pipe 失败：%s")
FL_MSG("a decoy child for the check",
       "为检查创建一个诱饵子进程")
FL_MSG("fork failed: %s",
       "fork 失败：%s")
FL_MSG("a helper process for the check",
       "为检查启动一个辅助进程")
FL_MSG("the task to start running in the child",
       "任务在子进程里开始运行")
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
FL_MSG("%lu KB at %#lx (%s)",
       "%lu KB，位于 %#lx（%s）")
FL_MSG("the code to wait only for the children it started",
       "代码只等待它自己启动的子进程")
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
FL_MSG("was killed",
       "被杀死了")
FL_MSG("the code to signal only the processes it started",
       "代码只向它自己启动的进程发送信号")
FL_MSG("process %d, which your code did not start (the caller already had it as a "
       "child), %s: kill(0, ...) signals the whole process group and kill(-1, ...) "
       "every process you may signal; a pid of 0 or -1 is never a child's pid",
       "进程 %d 不是你的代码启动的（调用方本来就有这个子进程），它%s："
       "kill(0, ...) 会向整个进程组发送信号，kill(-1, ...) 会发给你有权发送信号的每一个进程；"
       "子进程的 pid 永远不会是 0 或 -1")
FL_MSG("a child to end with _exit(), which runs no atexit handler and flushes no stdio "
       "buffer of the parent's",
       "子进程用 _exit() 结束：它不运行 atexit 注册的函数，也不冲刷从父进程继承来的 stdio 缓冲区")
FL_MSG("child %d ended with exit() (or returned from main's code): the caller's atexit "
       "handlers ran in it",
       "子进程 %d 用 exit() 结束（或者回到了 main 的代码里）：调用方的 atexit 函数在它里面运行了")
FL_MSG("a child to end with _exit(), which flushes no stdio buffer of the parent's",
       "子进程用 _exit() 结束：它不冲刷从父进程继承来的 stdio 缓冲区")
FL_MSG("text the caller had buffered in a stdio stream before fork() was written %d times: "
       "a child flushed its copy of the buffer (exit(), or fflush(NULL) in the child)",
       "调用方在 fork() 之前缓冲在 stdio 流里的文字被写出了 %d 次：有子进程冲刷了它那份缓冲区的副本"
       "（exit()，或者在子进程里 fflush(NULL)）")
FL_MSG("zombie: exited but never waited for",
       "僵尸进程：已经退出，却没有被等待")
FL_MSG("still running",
       "仍在运行")
FL_MSG("every child the check started to be waited for before the check ended",
       "检查结束之前，它启动的每个子进程都已被等待回收")
FL_MSG("1 child of the caller %d left behind: %s",
       "1 个子进程没有被调用方 %d 回收：%s")
FL_MSG("%d children of the caller %d left behind: %s",
       "%d 个子进程没有被调用方 %d 回收：%s")
FL_MSG("every descriptor the code opened to be closed by the end of the check (a pipe "
       "end left open means its reader never sees end-of-file)",
       "检查结束时，代码打开的每个文件描述符都已关闭（管道端没关，读端就永远读不到文件结束）")
FL_MSG("still open in the caller %d when the check ended: %s",
       "检查结束时调用方 %d 里仍然打开着：%s")
FL_MSG("every shared region the code mapped to be unmapped, all of it, by the end of the "
       "check",
       "检查结束时，代码映射的每块共享内存都已完整解除映射")
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
       "由调用方来等待它自己的子进程")
FL_MSG("%s %d had already been waited for when the caller came to wait for it: the code "
       "under test reaped it (wait/waitpid) where it should not",
       "%s %d 在调用方去等待它时已经被回收过了：被测代码在不该回收的地方回收了它（wait/waitpid）")
FL_MSG("a child of the caller to wait for",
       "调用方有这个子进程可以等待")
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
       "检查的沙箱能够建立起来")
FL_MSG("the harness could not set up the sandbox: %s (FORKLAB_SANDBOX=session uses the "
       "plain one)",
       "测试框架无法建立沙箱：%s（FORKLAB_SANDBOX=session 使用简单的那种）")
FL_MSG("at most %d processes at once (the check's ceiling)",
       "同时最多 %d 个进程（检查的上限）")
FL_MSG("fork bomb: more than %d processes; the check was stopped while %s",
       "fork 炸弹：超过 %d 个进程；检查在%s时被停止")
FL_MSG("the check's output to stay under %d KB",
       "检查的输出不超过 %d KB")
FL_MSG("output flood: more than %d KB printed while %s; the output past the cap was cut "
       "and the check stopped",
       "输出泛滥：打印了超过 %d KB（当时在%s）；超出上限的部分被截掉，检查被停止")
FL_MSG("the check's processes to keep making progress until the check ends",
       "检查结束之前，它的进程一直在向前推进")
FL_MSG("the check to run to its end",
       "检查一直运行到结束")
FL_MSG("the checker was interrupted (signal %d) while %s; everything the check started "
       "was killed",
       "检查程序被中断（信号 %d），当时在%s；检查启动的一切都已被杀死")
FL_MSG("the check to finish within its ceiling of %g s",
       "检查在 %g s 的时限之内完成")
FL_MSG("a child to end with _exit after its task, never to return into the caller's code",
       "子进程在任务之后用 _exit 结束，绝不回到调用方的代码里")
FL_MSG("child %d returned into the caller's code while %s, and would have run the rest of "
       "the caller's program a second time",
       "子进程 %d 在%s时回到了调用方的代码里，本会把调用方程序剩下的部分再运行一遍")
FL_MSG("the check's sandbox to stay up until the check ends",
       "检查结束之前，它的沙箱一直存在")
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
       "调用方进程在它发起的调用之后依然存活")
FL_MSG("the caller's process %d was %s while %s%s",
       "调用方进程 %d %s，当时在%s%s")
FL_MSG("the caller's process to keep running until the check ends",
       "调用方进程一直运行到检查结束")
FL_MSG("the caller's process %d %s while %s%s",
       "调用方进程 %d %s，当时在%s%s")
FL_MSG(": student code called exit() in the caller (only the child may end, and with _exit)",
       "：学生代码在调用方里调用了 exit()（只有子进程可以结束，而且要用 _exit）")
FL_MSG("nothing the check started to outlive it",
       "检查启动的一切都不比检查活得更久")
FL_MSG("1 process was still running after the check: %s",
       "检查之后还有 1 个进程在运行：%s")
FL_MSG("%d processes were still running after the check: %s",
       "检查之后还有 %d 个进程在运行：%s")
FL_MSG("every IPC object the check created to be removed before it ended",
       "检查结束之前，它创建的每个 IPC 对象都已删除")
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
