/* 13-fork-exec: the texts of the lesson's checks in 简体中文, one FL_MSG(english, chinese)
 * each (see tools/messages.py). */
FL_MSG("calling proc_spawn(\"%s\")",
       "调用 proc_spawn(\"%s\")")
FL_MSG("checking what proc_spawn returned",
       "检查 proc_spawn 的返回值")
FL_MSG("proc_spawn to return 0 for a program that exists",
       "对存在的程序，proc_spawn 应返回 0")
FL_MSG("p->pid is %d, not a child of the caller",
       "p->pid 是 %d，不是调用方的子进程")
FL_MSG("p->pid is %d, no pid",
       "p->pid 是 %d，没有 pid")
FL_MSG("the spawned program to report over the inherited pipe",
       "启动的程序应通过继承下来的管道发回报告")
FL_MSG("no report arrived from child %d: it never ran this program",
       "子进程 %d 没有发来报告：它从没有执行这个程序")
FL_MSG("the report to come from a process that exec replaced",
       "报告应来自被 exec 替换过的进程")
FL_MSG("the process %d that wrote the report still has the caller's shared mapping "
       "at %p: it is a fork of the caller that never called exec",
       "写报告的进程 %d 在 %p 处仍有调用方的共享映射：它是调用方 fork 出来、从没调用过 exec 的拷贝")
FL_MSG("the report to come from the program proc_spawn was given",
       "报告应来自交给 proc_spawn 的那个程序")
FL_MSG("process %d runs %s, not %s",
       "进程 %d 执行的是 %s，而不是 %s")
FL_MSG("the child runs the new program once proc_spawn returns",
       "proc_spawn 一返回，子进程就已在执行新程序")
FL_MSG("a pipe to hold the child",
       "检查应能建立一根用来拦住子进程的管道")
FL_MSG("/bin/sh to exist",
       "/bin/sh 应存在")
FL_MSG("realpath: %s",
       "realpath：%s")
FL_MSG("the child to be held on its pipe",
       "子进程应被拦在它的管道上")
FL_MSG("/proc/PID/exe of the child to be /bin/sh when proc_spawn returns",
       "proc_spawn 返回时，子进程的 /proc/PID/exe 应是 /bin/sh")
FL_MSG("child %d (state %c) runs %s, the caller's own program: proc_spawn returned "
       "before exec replaced it (wait for the close-on-exec pipe's end of file)",
       "子进程 %d（状态 %c）执行的是 %s，也就是调用方自己的程序："
       "proc_spawn 在 exec 替换它之前就返回了（要等 close-on-exec 管道读到文件结束）")
FL_MSG("child %d (state %c) runs %s",
       "子进程 %d（状态 %c）执行的是 %s")
FL_MSG("joining child %d (sh reads one line, then exits 0)",
       "join 子进程 %d（sh 读一行，然后以 0 退出）")
FL_MSG("proc_join (given) to return 0",
       "proc_join（现成的）应返回 0")
FL_MSG("sh to exit 0 after reading its line",
       "sh 读到那一行后应以 0 退出")
FL_MSG("exec keeps the pid and the parent, and starts with fresh globals",
       "exec 保留 pid 和父进程，全局变量从初始值重新开始")
FL_MSG("reading the report of the program in child %d",
       "读取子进程 %d 里程序的报告")
FL_MSG("the child from proc_spawn",
       "proc_spawn 启动的子进程")
FL_MSG("the new program to run in the process whose pid is p->pid",
       "新程序应在 pid 为 p->pid 的进程里运行")
FL_MSG("the program ran in pid %d, p->pid is %d: the caller itself (exec without "
       "fork replaces the caller)",
       "程序在 pid %d 里运行，p->pid 是 %d："
       "程序就运行在调用方自己里（不 fork 就 exec 会替换掉调用方）")
FL_MSG("the program ran in pid %d, p->pid is %d: another process (a grandchild?)",
       "程序在 pid %d 里运行，p->pid 是 %d："
       "那是另一个进程（孙进程？）")
FL_MSG("the new program's parent to be the caller",
       "新程序的父进程应是调用方")
FL_MSG("its parent is %d, the caller is %d",
       "它的父进程是 %d，调用方是 %d")
FL_MSG("the program to start with its globals as compiled (fresh)",
       "程序启动时，全局变量应是编译时的初始值（全新的）")
FL_MSG("it saw the global at %d, the caller's value: it was forked, not exec'd",
       "它看到的全局变量是 %d，即调用方的值：它只是被 fork 出来，没有经过 exec")
FL_MSG("the new program's exit status reaches the parent",
       "新程序的退出状态会传给父进程")
FL_MSG("no exit code before the join",
       "join 之前不应有退出码")
FL_MSG("proc_exitcode (given) gave %d",
       "proc_exitcode（现成的）给出了 %d")
FL_MSG("exit code 42, what the spawned program exited with",
       "退出码应为 42，也就是启动的程序退出时用的值")
FL_MSG("a program that cannot be run is an error (ENOENT, EACCES), and no child is "
       "left",
       "无法执行的程序是一个错误（ENOENT、EACCES），而且不留下子进程")
FL_MSG("calling proc_spawn(\"%s\"), which exec cannot run",
       "调用 proc_spawn(\"%s\")，exec 无法执行它")
FL_MSG("checking what proc_spawn returned for %s",
       "检查 proc_spawn 对 %s 的返回值")
FL_MSG("proc_spawn to return -1 when exec fails",
       "exec 失败时 proc_spawn 应返回 -1")
FL_MSG("it returned 0 for %s; child %d then %s: the failure was only in the exit "
       "status (a close-on-exec pipe tells the parent before proc_spawn returns)",
       "对 %s 它返回了 0；子进程 %d 随后的结果：%s。"
       "失败只体现在退出状态里（close-on-exec 管道能在 proc_spawn 返回之前告诉父进程）")
FL_MSG("proc_spawn to return -1 with exec's errno",
       "proc_spawn 应返回 -1 并设置 exec 的 errno")
FL_MSG("for %s it returned %d (errno %d: %s); exec says %s",
       "对 %s 它返回了 %d（errno %d：%s）；exec 给出的是 %s")
FL_MSG("p->pid to stay 0 when exec failed",
       "exec 失败时 p->pid 应保持为 0")
FL_MSG("the child whose exec failed to be reaped by proc_spawn",
       "exec 失败的子进程应由 proc_spawn 回收")
FL_MSG("child %d, whose exec of %s failed, was left a zombie",
       "子进程 %d exec %s 失败后被留成了僵尸进程")
FL_MSG("child %d, whose exec of %s failed, was left running",
       "子进程 %d exec %s 失败后被留了下来，仍在运行")
FL_MSG("the new program inherits no descriptor of proc_spawn's own",
       "新程序不继承 proc_spawn 自己打开的任何文件描述符")
FL_MSG("no descriptor of proc_spawn's own in the new program",
       "新程序里不应有 proc_spawn 自己打开的文件描述符")
FL_MSG("the program in child %d has pipe descriptor %d open, which the caller did "
       "not hand down: open proc_spawn's pipe with O_CLOEXEC",
       "子进程 %d 里的程序打开着管道描述符 %d，而调用方并没有把它传下去："
       "用 O_CLOEXEC 打开 proc_spawn 的管道")
FL_MSG("the child of a proc_spawn that should have been refused",
       "本应被拒绝的 proc_spawn 启动的子进程")
FL_MSG("every argument forkexec.h calls an error is refused with EINVAL; nothing "
       "starts",
       "forkexec.h 列为错误的每种参数都以 EINVAL 被拒绝；什么也不启动")
FL_MSG("-1 with the errno forkexec.h names",
       "应返回 -1，errno 为 forkexec.h 指定的值")
FL_MSG("after %s the caller has %d children; only %d was expected",
       "%s 之后调用方有 %d 个子进程；应该只有 %d 这一个")
FL_MSG("a refused proc_spawn to leave p->pid alone",
       "被拒绝的 proc_spawn 不应改动 p->pid")
FL_MSG("p->pid changed from %d to %d",
       "p->pid 从 %d 变成了 %d")
FL_MSG("a failed proc_spawn to leave no process",
       "失败的 proc_spawn 不应留下任何进程")
FL_MSG("after %s child %d is still there (state %c)",
       "%s 之后子进程 %d 仍然存在（状态 %c）")
FL_MSG("a failed proc_spawn to close every descriptor it opened",
       "失败的 proc_spawn 应关闭它打开的每个文件描述符")
FL_MSG("when fork fails, proc_spawn returns -1 with fork's errno and leaves nothing",
       "fork 失败时，proc_spawn 返回 -1 并设置 fork 的 errno，不留下任何东西")
FL_MSG("calling proc_spawn(\"/bin/sh\") with fork failing",
       "在 fork 会失败的情况下调用 proc_spawn(\"/bin/sh\")")
FL_MSG("-1 with fork's errno (EAGAIN)",
       "应返回 -1 并设置 fork 的 errno（EAGAIN）")
FL_MSG("proc_spawn with fork failing returned %d (errno %d: %s)",
       "fork 失败时 proc_spawn 返回了 %d（errno %d：%s）")
FL_MSG("p->pid to stay 0",
       "p->pid 应保持为 0")
FL_MSG("the same struct to work once fork works again",
       "fork 恢复正常后，同一个结构体应能再次使用")
FL_MSG("proc_join returned -1",
       "proc_join 返回了 -1")
FL_MSG("when descriptors run out, proc_spawn returns -1 with EMFILE and leaves "
       "nothing",
       "文件描述符用完时，proc_spawn 返回 -1 并设置 EMFILE，不留下任何东西")
FL_MSG("calling proc_spawn(\"/bin/sh\") with %d more descriptor allowed",
       "在只允许再打开 %d 个文件描述符的情况下调用 proc_spawn(\"/bin/sh\")")
FL_MSG("calling proc_spawn(\"/bin/sh\") with %d more descriptors allowed",
       "在只允许再打开 %d 个文件描述符的情况下调用 proc_spawn(\"/bin/sh\")")
FL_MSG("errno to be pipe's (EMFILE)",
       "errno 应为 pipe 的 errno（EMFILE）")
FL_MSG("%s returned -1 with errno %d (%s)",
       "%s 返回了 -1，errno 为 %d（%s）")
FL_MSG("proc_spawn to succeed with 16 descriptors free",
       "有 16 个空闲的文件描述符时，proc_spawn 应成功")
FL_MSG("envp = NULL gives the new program the caller's own environment",
       "envp = NULL 时，新程序得到调用方自己的环境变量")
FL_MSG("calling proc_spawn with envp = NULL",
       "以 envp = NULL 调用 proc_spawn")
FL_MSG("reading the report of the program in child %d (it reports only when it "
       "finds the caller's environment)",
       "读取子进程 %d 里程序的报告（只有找到调用方的环境变量时它才会报告）")
FL_MSG("a program killed while proc_join waits: the join goes on after EINTR and "
       "reports -9",
       "proc_join 等待期间程序被杀死：join 在 EINTR 之后继续等待，并报告 -9")
FL_MSG("calling proc_join on child %d (sh held on a pipe); SIGUSR1 comes once the "
       "caller is blocked, and its handler (no SA_RESTART) kills the child",
       "对子进程 %d 调用 proc_join（sh 被拦在管道上）；调用方阻塞后 SIGUSR1 到来，"
       "其处理函数（无 SA_RESTART）杀死子进程")
FL_MSG("proc_join to go on waiting when a signal interrupts it (EINTR is retried), "
       "then reap the child",
       "信号打断 proc_join 时它应继续等待（遇到 EINTR 就重试），然后回收子进程")
FL_MSG("after %d signal(s) proc_join returned %d (errno %d: %s) and child %d was "
       "not reaped",
       "收到 %d 个信号后，proc_join 返回了 %d（errno %d：%s），而子进程 %d 没有被回收")
FL_MSG("proc_join to return 0 and proc_exitcode to give -9 for a program killed by "
       "SIGKILL",
       "对被 SIGKILL 杀死的程序，proc_join 应返回 0，proc_exitcode 应给出 -9")
FL_MSG("proc_join returned %d (errno %d: %s); proc_exitcode returned %d with code %d",
       "proc_join 返回了 %d（errno %d：%s）；proc_exitcode 返回了 %d，退出码为 %d")
FL_MSG("calling proc_join again on child %d, already joined",
       "对已经 join 过的子进程 %d 再次调用 proc_join")
FL_MSG("joining again to return 0 at once and keep the exit code (lesson 04)",
       "再次 join 应立即返回 0，并保留退出码（第 04 课）")
FL_MSG("the second proc_join returned %d (errno %d: %s); proc_exitcode then "
       "returned %d with code %d",
       "第二次 proc_join 返回了 %d（errno %d：%s）；随后 proc_exitcode 返回了 %d，"
       "退出码为 %d")
FL_MSG("a signal while proc_spawn waits for exec's outcome: the wait is retried, "
       "exec's errno still comes back",
       "proc_spawn 等待 exec 的结果时来了信号：等待会重试，exec 的 errno 照样传回来")
FL_MSG("calling proc_spawn(\"%s\") with an environment of its own; the child is "
       "held before exec until SIGUSR1 (handler without SA_RESTART) interrupts the "
       "caller",
       "带自己的环境变量调用 proc_spawn(\"%s\")；子进程在 exec 之前被拦住，"
       "直到 SIGUSR1（处理函数无 SA_RESTART）打断调用方")
FL_MSG("checking what proc_spawn returned after the signal",
       "检查信号之后 proc_spawn 的返回值")
FL_MSG("proc_spawn to retry a read that a signal interrupted (EINTR)",
       "被信号打断（EINTR）的 read，proc_spawn 应重试")
FL_MSG("it returned 0 for %s, which exec cannot run: the read on the close-on-exec "
       "pipe failed with EINTR and was taken for end of file (exec succeeded); call "
       "read again when it fails with EINTR",
       "对 exec 无法执行的 %s，它返回了 0：close-on-exec 管道上的 read 以 EINTR 失败，"
       "却被当成了文件结束（exec 成功）；read 以 EINTR 失败时要再调用一次")
FL_MSG("proc_spawn to return -1 with exec's errno (ENOENT)",
       "proc_spawn 应返回 -1 并设置 exec 的 errno（ENOENT）")
FL_MSG("after a signal interrupted it, it returned %d (errno %d: %s)",
       "被信号打断之后，它返回了 %d（errno %d：%s）")
FL_MSG("a signal while proc_spawn reaps the child whose exec failed: the wait is "
       "retried, no zombie is left",
       "proc_spawn 回收 exec 失败的子进程时来了信号：等待会重试，不留下僵尸进程")
FL_MSG("calling proc_spawn(\"%s\"); the child is held at its exit after it reported "
       "exec's failure, until SIGUSR1 (handler without SA_RESTART) interrupts the "
       "caller's wait for it",
       "调用 proc_spawn(\"%s\")；子进程报告 exec 失败后停在退出处，"
       "直到 SIGUSR1（无 SA_RESTART）打断调用方对它的等待")
FL_MSG("PTRACE_SEIZE of child %d was refused (%s): it was not held at its exit",
       "对子进程 %d 的 PTRACE_SEIZE 被拒绝（%s）：它没有被拦在退出处")
FL_MSG("it returned 0 for %s after a signal interrupted it",
       "被信号打断之后，它对 %s 返回了 0")
FL_MSG("the failed child %d was held at its exit while the caller waited",
       "调用方等待期间，失败的子进程 %d 在退出处被拦住了")
FL_MSG("the failed child %d was not held at its exit while the caller waited",
       "调用方等待期间，失败的子进程 %d 在退出处没有被拦住")
FL_MSG("proc_spawn to wait again when a signal interrupts its wait for the failed "
       "child (EINTR is retried)",
       "信号打断 proc_spawn 对失败子进程的等待时，它应再次等待（遇到 EINTR 就重试）")
FL_MSG("child %d, whose exec failed, was left a zombie after a signal interrupted "
       "proc_spawn's waitpid: call waitpid again when it fails with EINTR",
       "信号打断 proc_spawn 的 waitpid 之后，"
       "exec 失败的子进程 %d 被留成了僵尸进程；"
       "waitpid 以 EINTR 失败时要再调用一次")
FL_MSG("child %d, whose exec failed, was left there after a signal interrupted "
       "proc_spawn's waitpid: call waitpid again when it fails with EINTR",
       "信号打断 proc_spawn 的 waitpid 之后，"
       "exec 失败的子进程 %d 仍然存在；"
       "waitpid 以 EINTR 失败时要再调用一次")
FL_MSG("with SIGCHLD ignored, a failed exec still returns exec's errno and leaves "
       "nothing",
       "SIGCHLD 被忽略时，exec 失败照样返回 exec 的 errno，不留下任何东西")
FL_MSG("calling proc_spawn(\"%s\") with SIGCHLD ignored",
       "在忽略 SIGCHLD 的情况下调用 proc_spawn(\"%s\")")
FL_MSG("it returned 0 for %s with SIGCHLD ignored",
       "SIGCHLD 被忽略时，它对 %s 返回了 0")
FL_MSG("with SIGCHLD ignored it returned %d (errno %d: %s): the wait for the failed "
       "child fails with ECHILD there; set errno to exec's after that wait",
       "SIGCHLD 被忽略时它返回了 %d（errno %d：%s）：这时对失败子进程的等待会以 ECHILD 失败；"
       "在那次等待之后再把 errno 设为 exec 的 errno")
