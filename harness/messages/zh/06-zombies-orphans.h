/* 06-zombies-orphans: the texts of the lesson's checks in 简体中文, one FL_MSG(english, chinese)
 * each (see tools/messages.py). */

FL_MSG("calling proc_start (given, from lesson 01)",
       "调用 proc_start（现成的，来自第 01 课）")

FL_MSG("proc_start (given) to start a child",
       "proc_start（现成的）应启动一个子进程")

FL_MSG("calling reaper_install",
       "调用 reaper_install")

FL_MSG("reaper_install to return 0",
       "reaper_install 应返回 0")

FL_MSG("waiting on child %d's pidfd until it has exited (SIGCHLD blocked)",
       "在子进程 %d 的 pidfd 上等它退出（SIGCHLD 被屏蔽着）")

FL_MSG("child to wait as a zombie while SIGCHLD is blocked",
       "SIGCHLD 被屏蔽期间，子进程应作为僵尸进程留着")
FL_MSG("child %d is not a zombie, although SIGCHLD was blocked so no handler could "
       "reap it: does reaper_install unblock SIGCHLD, or reap outside the handler?",
       "子进程 %d 不是僵尸进程，可是 SIGCHLD 被屏蔽着，"
       "没有哪个处理函数能回收它："
       "reaper_install 是不是解除了对 SIGCHLD 的屏蔽，"
       "或者在处理函数之外回收了子进程？")
FL_MSG("child %d is already reaped, although SIGCHLD was blocked so no handler "
       "could reap it: does reaper_install unblock SIGCHLD, or reap outside the handler?",
       "子进程 %d 已经被回收，可是 SIGCHLD 被屏蔽着，"
       "没有哪个处理函数能回收它："
       "reaper_install 是不是解除了对 SIGCHLD 的屏蔽，"
       "或者在处理函数之外回收了子进程？")


FL_MSG("checking what the handler did",
       "查看处理函数做了什么")

FL_MSG("the SIGCHLD handler to reap every child that had exited",
       "SIGCHLD 处理函数应回收每个已经退出的子进程")
FL_MSG("child %d is still a zombie after the handler ran",
       "处理函数运行之后，子进程 %d 仍是僵尸进程，没有被回收")
FL_MSG("child %d is still there after the handler ran",
       "处理函数运行之后，子进程 %d 仍然存在，没有被回收")


FL_MSG("reaper_status to return the status recorded for a reaped child",
       "对已回收的子进程，reaper_status 应返回为它记录的状态")

FL_MSG("reaper_status(%d) returned %d (errno %d: %s)",
       "reaper_status(%d) 返回了 %d（errno %d：%s）")

FL_MSG("the recorded status to be the child's own wait status",
       "记录的状态应是这个子进程自己的等待状态")

FL_MSG("child %d exited with %d; reaper_status gave %s",
       "子进程 %d 以 %d 退出；reaper_status 给出的是 %s")

FL_MSG("a child that exited and was not waited for is a zombie: proc_state says 'Z'",
       "已经退出、还没被等待的子进程是僵尸进程：proc_state 给出 'Z'")

FL_MSG("calling proc_state on the caller itself",
       "对调用方自己调用 proc_state")

FL_MSG("proc_state(getpid()) to be 'R': a process reading its own state runs",
       "proc_state(getpid()) 应为 'R'：读取自己状态的进程正在运行")

FL_MSG("it returned %d%s%c%s (errno %d: %s)",
       "它返回了 %d%s%c%s（errno %d：%s）")

FL_MSG("waiting on child %d's pidfd until it has exited",
       "在子进程 %d 的 pidfd 上等它退出")

FL_MSG("the child to be a zombie (nobody waited yet)",
       "子进程应是僵尸进程（还没有人等待它）")

FL_MSG("the kernel says child %d is in state '%c'",
       "内核显示子进程 %d 处于 '%c' 状态")

FL_MSG("calling proc_state on zombie %d",
       "对僵尸进程 %d 调用 proc_state")

FL_MSG("proc_state to return 'Z' for a child that exited and was not reaped",
       "对已经退出、尚未回收的子进程，proc_state 应返回 'Z'")

FL_MSG("proc_state(%d) returned %d%s%c%s (errno %d: %s); /proc/%d/stat says 'Z'",
       "proc_state(%d) 返回了 %d%s%c%s（errno %d：%s）；"
       "/proc/%d/stat 显示的是 'Z'")

FL_MSG("the zombie child",
       "僵尸子进程")

FL_MSG("proc_state reads the state after the LAST ')' (names may hold ')')",
       "proc_state 读取最后一个 ')' 之后的状态（名字里可能有 ')'）")

FL_MSG("calling proc_state on zombie %d, named \"x) R 1 (y\"",
       "对名为 \"x) R 1 (y\" 的僵尸进程 %d 调用 proc_state")

FL_MSG("proc_state to return 'Z' for a zombie whose name is \"x) R 1 (y\"",
       "对名为 \"x) R 1 (y\" 的僵尸进程，proc_state 应返回 'Z'")

FL_MSG("proc_state(%d) returned %d%s%c%s (errno %d: %s): /proc/%d/stat begins \"%d (x) R 1 "
       "(y) Z\"; the state follows the last ')'",
       "proc_state(%d) 返回了 %d%s%c%s（errno %d：%s）："
       "/proc/%d/stat 的开头是 \"%d (x) R 1 (y) Z\"；"
       "状态跟在最后一个 ')' 之后")

FL_MSG("once reaped, the zombie is gone: proc_state fails with ESRCH",
       "僵尸进程一经回收就不存在了：proc_state 以 ESRCH 失败")

FL_MSG("calling proc_state on reaped child %d",
       "对已回收的子进程 %d 调用 proc_state")

FL_MSG("proc_state to return -1 with errno ESRCH for a pid with no process",
       "对没有对应进程的 pid，"
       "proc_state 应返回 -1 并将 errno 设为 ESRCH")

FL_MSG("child %d was reaped (there is no /proc/%d) and proc_state returned %d (errno %d: %s)",
       "子进程 %d 已被回收（/proc/%d 不存在），"
       "而 proc_state 返回了 %d（errno %d：%s）")

FL_MSG("the SIGCHLD handler reaps an exited child and records its status",
       "SIGCHLD 处理函数回收已退出的子进程，并记录它的状态")

FL_MSG("reaper_count to be 1 after one child was reaped",
       "回收了一个子进程之后，reaper_count 应为 1")

FL_MSG("it is %d",
       "它是 %d")

FL_MSG("reaper_status for a pid the handler never reaped to fail with ECHILD",
       "对处理函数从未回收过的 pid，reaper_status 应以 ECHILD 失败")

FL_MSG("reaper_status(%d, &status), the caller's own pid, returned %d (errno %d: %s)",
       "reaper_status(%d, &status)（调用方自己的 pid）返回了 %d（errno %d：%s）")

FL_MSG("reaper_status(pid, NULL) to fail with EINVAL",
       "reaper_status(pid, NULL) 应以 EINVAL 失败")

FL_MSG("calling reaper_install a second time",
       "第二次调用 reaper_install")

FL_MSG("reaper_install to reset the record: count 0, no status for children reaped before",
       "reaper_install 应清空记录：计数为 0，之前回收的子进程不再有状态")

FL_MSG("after a second reaper_install, reaper_count is %d and reaper_status(%d) returned %d "
       "(errno %d: %s)",
       "第二次 reaper_install 之后，reaper_count 为 %d，"
       "reaper_status(%d) 返回了 %d（errno %d：%s）")

FL_MSG("one SIGCHLD for many exits: the handler reaps them all",
       "多个子进程退出只来一个 SIGCHLD：处理函数要把它们全部回收")

FL_MSG("waiting for %d children to be ready",
       "等待 %d 个子进程就绪")

FL_MSG("letting %d children exit at once",
       "让 %d 个子进程同时退出")

FL_MSG("one run of the handler to reap every child that had exited",
       "处理函数运行一次，就应回收每个已经退出的子进程")
FL_MSG("%d children exited while SIGCHLD was blocked, so one SIGCHLD was delivered "
       "for all of them; after it %d is still a zombie (%s): the handler must loop "
       "waitpid(-1, &status, WNOHANG) until it returns 0 or -1",
       "%d 个子进程在 SIGCHLD 被屏蔽期间退出，"
       "所以只为它们递送了一个 SIGCHLD；"
       "之后仍有 %d 个子进程是僵尸进程（%s）："
       "处理函数必须循环调用 waitpid(-1, &status, WNOHANG)，"
       "直到它返回 0 或 -1")
FL_MSG("%d children exited while SIGCHLD was blocked, so one SIGCHLD was delivered "
       "for all of them; after it %d are still zombies (%s): the handler must loop "
       "waitpid(-1, &status, WNOHANG) until it returns 0 or -1",
       "%d 个子进程在 SIGCHLD 被屏蔽期间退出，"
       "所以只为它们递送了一个 SIGCHLD；"
       "之后仍有 %d 个子进程是僵尸进程（%s）："
       "处理函数必须循环调用 waitpid(-1, &status, WNOHANG)，"
       "直到它返回 0 或 -1")


FL_MSG("reaper_count to count every child reaped",
       "reaper_count 应计入回收的每个子进程")

FL_MSG("%d children were reaped and reaper_count says %d",
       "回收了 %d 个子进程，reaper_count 却是 %d")

FL_MSG("the handler returns while other children still run",
       "其他子进程还在运行时，处理函数照样返回")

FL_MSG("waiting for child %d to be ready",
       "等待子进程 %d 就绪")

FL_MSG("in the SIGCHLD handler while child %d still runs: a handler that calls waitpid "
       "without WNOHANG waits here for %d, which can only end after the handler returns",
       "在 SIGCHLD 处理函数里，子进程 %d 还在运行："
       "不带 WNOHANG 调用 waitpid 的处理函数会在这里等待 %d，"
       "而它要等处理函数返回之后才能结束")

FL_MSG("a child that still runs to be left alone by the handler",
       "处理函数不应去动还在运行的子进程")
FL_MSG("child %d was a zombie",
       "子进程 %d 已成了僵尸进程")
FL_MSG("child %d was gone",
       "子进程 %d 已经不在了")


FL_MSG("the handler leaves errno as it found it",
       "处理函数会让 errno 保持原样")

FL_MSG("checking errno after the handler ran",
       "查看处理函数运行之后的 errno")

FL_MSG("errno after the handler to be what the interrupted code had set",
       "处理函数运行之后，errno 应是被打断的代码设置的那个值")

FL_MSG("the code interrupted by SIGCHLD had errno %d (%s); after the handler it was %d "
       "(%s): the handler's last waitpid changed it. Save errno on entry and restore it "
       "before returning",
       "被 SIGCHLD 打断的代码的 errno 是 %d（%s）；"
       "处理函数运行之后变成了 %d（%s）：是处理函数最后一次 waitpid 改了它。"
       "进入时保存 errno，返回前恢复")

FL_MSG("the handler is installed with SA_RESTART",
       "处理函数是带 SA_RESTART 安装的")

FL_MSG("reaper_install to install a handler for SIGCHLD",
       "reaper_install 应为 SIGCHLD 安装一个处理函数")

FL_MSG("SIGCHLD's action is %s",
       "SIGCHLD 的处理方式是 %s")

FL_MSG("SA_RESTART in the flags, so a read() or waitpid() the signal interrupts goes on",
       "标志里应有 SA_RESTART，"
       "这样被信号打断的 read() 或 waitpid() 会继续进行")

FL_MSG("the flags are 0x%x: without SA_RESTART, any blocking call in the program can fail "
       "with EINTR whenever a child ends",
       "标志是 0x%x：没有 SA_RESTART，每当有子进程结束，"
       "程序里任何阻塞的调用都可能以 EINTR 失败")

FL_MSG("after reaper_uninstall, exited children are zombies again",
       "reaper_uninstall 之后，已退出的子进程又会成为僵尸进程")

FL_MSG("calling reaper_uninstall",
       "调用 reaper_uninstall")

FL_MSG("reaper_uninstall to return 0",
       "reaper_uninstall 应返回 0")

FL_MSG("SIGCHLD's action to be SIG_DFL again",
       "SIGCHLD 的处理方式应恢复为 SIG_DFL")
FL_MSG("it is SIG_IGN",
       "现在是 SIG_IGN")
FL_MSG("it is still a handler",
       "现在仍是一个处理函数")


FL_MSG("the exited child to wait as a zombie",
       "已退出的子进程应作为僵尸进程等着")

FL_MSG("child %d is gone already",
       "子进程 %d 已经不在了")

FL_MSG("with SIGCHLD ignored, no zombie is kept and the exit status is lost",
       "忽略 SIGCHLD 时不会留下僵尸进程，退出状态也就丢了")

FL_MSG("starting a helper process that calls reaper_discard",
       "启动一个调用 reaper_discard 的辅助进程")

FL_MSG("reaper_discard to return 0",
       "reaper_discard 应返回 0")

FL_MSG("reaper_discard to set SIGCHLD's action to SIG_IGN",
       "reaper_discard 应把 SIGCHLD 的处理方式设为 SIG_IGN")

FL_MSG("after reaper_discard, SIGCHLD has a handler or SIG_DFL: the kernel still keeps each "
       "exited child as a zombie for someone to collect",
       "reaper_discard 之后，"
       "SIGCHLD 的处理方式是处理函数或 SIG_DFL："
       "内核仍会把每个退出的子进程留成僵尸进程，等人来回收")

FL_MSG("it returned %d after reaper_discard",
       "reaper_discard 之后它返回了 %d")

FL_MSG("waitpid for the child to fail with ECHILD: the kernel removed it at exit",
       "对这个子进程的 waitpid 应以 ECHILD 失败：内核在它退出时就把它清除了")
FL_MSG("waitpid(%d) returned %d with the status %s: the child was kept as a zombie, "
       "so SIGCHLD was not ignored (SIG_IGN)",
       "waitpid(%d) 返回了 %d，状态为 %s："
       "子进程被留成了僵尸进程，"
       "所以 SIGCHLD 并没有被忽略（SIG_IGN）")
FL_MSG("waitpid(%d) returned %d: %s",
       "waitpid(%d) 返回了 %d：%s")


FL_MSG("calling proc_start_orphan",
       "调用 proc_start_orphan")

FL_MSG("checking what proc_start_orphan returned",
       "查看 proc_start_orphan 返回了什么")

FL_MSG("proc_start_orphan to return 0",
       "proc_start_orphan 应返回 0")

FL_MSG("p->pid to hold the pid the task runs in",
       "p->pid 应是运行任务的那个进程的 pid")

FL_MSG("an orphan is adopted by the nearest subreaper and its getppid() changes",
       "孤儿进程被最近的 subreaper 收养，它的 getppid() 随之改变")

FL_MSG("waiting for the task to start in process %d",
       "等待任务在进程 %d 里开始运行")

FL_MSG("p->pid to be the pid of the process that runs the task",
       "p->pid 应是运行任务的那个进程的 pid")

FL_MSG("the task runs in pid %d but p->pid is %d (the middle child's pid?)",
       "任务运行在 pid %d 里，p->pid 却是 %d（是中间子进程的 pid？）")

FL_MSG("the task to run in a new process",
       "任务应在一个新进程里运行")

FL_MSG("it ran in the caller itself (pid %d)",
       "它就在调用方自己（pid %d）里运行了")

FL_MSG("the task's process not to be the caller's child: its parent has exited",
       "任务所在的进程不应是调用方的子进程：它的父进程已经退出")

FL_MSG("process %d is a child of the caller %d: its parent is alive, so it is no orphan "
       "(fork twice, and let the middle child exit)",
       "进程 %d 是调用方 %d 的子进程：它的父进程还活着，"
       "所以它不是孤儿进程（要 fork 两次，并让中间子进程退出）")

FL_MSG("the orphan's parent to be the nearest subreaper: the harness's init, pid getppid() "
       "of the caller",
       "孤儿进程的父进程应是最近的 subreaper：检查框架的 init 进程，"
       "也就是调用方的 getppid()")

FL_MSG("the kernel says process %d has parent %d; the harness's init is %d and the caller "
       "is %d",
       "内核显示进程 %d 的父进程是 %d；检查框架的 init 进程是 %d，调用方是 %d")

FL_MSG("the task's process to have no descriptor the caller does not have",
       "任务所在的进程不应持有调用方没有的文件描述符")

FL_MSG("orphan %d has %s open, which the caller has not: the pipe used to learn its pid "
       "must be closed in it",
       "孤儿进程 %d 打开着 %s，而调用方没有：用来得知它 pid 的管道必须在它里面关掉")

FL_MSG("letting orphan %d go on",
       "让孤儿进程 %d 继续运行")

FL_MSG("waiting on orphan %d's pidfd until it has exited",
       "在孤儿进程 %d 的 pidfd 上等它退出")

FL_MSG("getppid() in the orphan to return its new parent, the harness's init",
       "孤儿进程里的 getppid() 应返回它的新父进程，即检查框架的 init 进程")

FL_MSG("getppid() in process %d returned %d at the start of the task and %d later; the "
       "harness's init is %d",
       "进程 %d 里的 getppid() 在任务开始时返回 %d，后来返回 %d；"
       "检查框架的 init 进程是 %d")

FL_MSG("getppid() in the task: %d at its start, %d after its parent had exited",
       "任务里的 getppid()：开始时为 %d，父进程退出之后为 %d")

FL_MSG("proc_start_orphan waits for its middle child: no zombie is left",
       "proc_start_orphan 会等待它的中间子进程：不留下僵尸进程")

FL_MSG("the caller to have no child left when proc_start_orphan returns",
       "proc_start_orphan 返回时，调用方不应再有子进程")
FL_MSG("child %d has exited but nobody waited for it: it is a zombie of the caller "
       "(the middle child, never reaped) after proc_start_orphan returned: wait for "
       "the middle child before returning",
       "proc_start_orphan 返回之后，"
       "子进程 %d 已经退出却没有人等待它："
       "它是调用方的僵尸进程（中间子进程，从未被回收）；"
       "返回之前要等待中间子进程")
FL_MSG("child %d still runs after proc_start_orphan returned: wait for the middle "
       "child before returning",
       "proc_start_orphan 返回之后，"
       "子进程 %d 仍在运行；返回之前要等待中间子进程")


FL_MSG("waiting for the task to run in process %d",
       "等待任务在进程 %d 里运行")

FL_MSG("calling proc_start_orphan again on the same proc",
       "对同一个 proc 再次调用 proc_start_orphan")

FL_MSG("proc_start_orphan on a started proc to fail with EINVAL",
       "对已经启动的 proc，proc_start_orphan 应以 EINVAL 失败")

FL_MSG("it returned %d (errno %d: %s) and p->pid is %d (was %d)",
       "它返回了 %d（errno %d：%s），p->pid 为 %d（原来是 %d）")

FL_MSG("a refused fork: proc_start_orphan fails with EAGAIN and leaves nothing",
       "fork 被拒绝：proc_start_orphan 以 EAGAIN 失败，"
       "不留下任何东西")
FL_MSG("calling proc_start_orphan while the kernel refuses the second (the task's) fork",
       "在内核拒绝第二次 fork（任务的那次）时调用 proc_start_orphan")
FL_MSG("calling proc_start_orphan while the kernel refuses the first (the middle child's) fork",
       "在内核拒绝第一次 fork（中间子进程的那次）时调用 proc_start_orphan")


FL_MSG("a failed proc_start_orphan to leave no child",
       "失败的 proc_start_orphan 不应留下子进程")

FL_MSG("child %d is there after it returned %d",
       "子进程 %d 在它返回 %d 之后仍然存在")

FL_MSG("proc_start_orphan to return -1 with fork's errno (EAGAIN), p->pid left 0",
       "proc_start_orphan 应返回 -1 并保留 fork 的 errno（EAGAIN），"
       "p->pid 保持为 0")
FL_MSG("with the second fork refused it returned %d (errno %d: %s), p->pid %d",
       "在第二次 fork 被拒绝的情况下，"
       "它返回了 %d（errno %d：%s），p->pid 为 %d")
FL_MSG("with the first fork refused it returned %d (errno %d: %s), p->pid %d",
       "在第一次 fork 被拒绝的情况下，"
       "它返回了 %d（errno %d：%s），p->pid 为 %d")


FL_MSG("a failed proc_start_orphan to close every descriptor it opened",
       "失败的 proc_start_orphan 应关闭它打开的每个文件描述符")

FL_MSG("still open after it failed: %s",
       "失败之后仍然打开着：%s")

FL_MSG("no task to run when a fork was refused",
       "fork 被拒绝时，任务不应运行")

FL_MSG("the task ran in pid %d",
       "任务在 pid %d 里运行了")

FL_MSG("NULL, no task or a refused fork: proc_start and proc_start_orphan fail and start "
       "nothing",
       "NULL、没有任务或 fork 被拒绝："
       "proc_start 和 proc_start_orphan 都失败，什么也不启动")

FL_MSG("calling %s(NULL)",
       "调用 %s(NULL)")

FL_MSG("a start of NULL to fail with EINVAL",
       "启动 NULL 应以 EINVAL 失败")

FL_MSG("%s(NULL) returned %d (errno %d: %s)",
       "%s(NULL) 返回了 %d（errno %d：%s）")

FL_MSG("calling %s on a proc without a task",
       "对没有任务的 proc 调用 %s")

FL_MSG("a refused start to leave no child",
       "被拒绝的启动不应留下子进程")

FL_MSG("%s on a proc without a task returned %d and child %d is there",
       "%s 对没有任务的 proc 返回了 %d，而子进程 %d 存在")

FL_MSG("a start of a proc without a task to fail with EINVAL, p->pid left 0",
       "启动没有任务的 proc 应以 EINVAL 失败，p->pid 保持为 0")

FL_MSG("%s returned %d (errno %d: %s), p->pid %d%s",
       "%s 返回了 %d（errno %d：%s），p->pid 为 %d%s")

FL_MSG("calling proc_start (given) while the kernel refuses fork",
       "在内核拒绝 fork 时调用 proc_start（现成的）")

FL_MSG("a child started although fork was refused",
       "fork 被拒绝却仍被启动的子进程")

FL_MSG("proc_start to return -1 with fork's errno (EAGAIN), p->pid left 0",
       "proc_start 应返回 -1 并保留 fork 的 errno（EAGAIN），"
       "p->pid 保持为 0")

FL_MSG("it returned %d (errno %d: %s), p->pid %d, the task ran %d time(s)",
       "它返回了 %d（errno %d：%s），p->pid 为 %d，任务运行了 %d 次")

FL_MSG("calling proc_start (given) on a proc, then again on the started proc",
       "对一个 proc 调用 proc_start（现成的），"
       "然后对这个已启动的 proc 再调用一次")

FL_MSG("proc_start to start the proc once fork works again",
       "fork 恢复正常后，proc_start 应能启动这个 proc")

FL_MSG("proc_start on a started proc to fail with EINVAL and start nothing",
       "对已经启动的 proc，proc_start 应以 EINVAL 失败，且什么也不启动")

FL_MSG("it returned %d (errno %d: %s), p->pid %d (was %d), the task ran %d time(s)",
       "它返回了 %d（errno %d：%s），p->pid 为 %d（原来是 %d），"
       "任务运行了 %d 次")

FL_MSG("no descriptor free: proc_start_orphan fails with pipe's errno and leaves nothing",
       "没有空闲的文件描述符："
       "proc_start_orphan 带着 pipe 的 errno 失败，不留下任何东西")

FL_MSG("calling proc_start_orphan with %d descriptor(s) free (a pipe needs 2)",
       "在只有 %d 个空闲文件描述符时调用 proc_start_orphan（一个管道需要 2 个）")

FL_MSG("setrlimit: %s",
       "setrlimit：%s")

FL_MSG("proc_start_orphan to return -1 with pipe's errno (EMFILE), p->pid left 0",
       "proc_start_orphan 应返回 -1 并保留 pipe 的 errno（EMFILE），"
       "p->pid 保持为 0")

FL_MSG("with %d descriptor(s) free it returned %d (errno %d: %s), p->pid %d",
       "在有 %d 个空闲文件描述符时，它返回了 %d（errno %d：%s），"
       "p->pid 为 %d")

FL_MSG("no task to run when the pipe was refused",
       "管道被拒绝时，任务不应运行")

FL_MSG("beyond REAPER_RECORDS children the handler still reaps and counts them all",
       "子进程超过 REAPER_RECORDS 个之后，处理函数仍然回收并计数每一个")

FL_MSG("the handler to reap every child, recorded or not",
       "处理函数应回收每个子进程，不管有没有记录")

FL_MSG("child %d (number %d of %d; REAPER_RECORDS is %d) is still a zombie",
       "子进程 %d（第 %d 个，共 %d 个；"
       "REAPER_RECORDS 为 %d）仍是僵尸进程")

FL_MSG("reaper_count to count every child reaped, beyond REAPER_RECORDS too",
       "reaper_count 应计入回收的每个子进程，"
       "超过 REAPER_RECORDS 的也算")

FL_MSG("%d children were reaped and reaper_count says %d (REAPER_RECORDS is %d)",
       "回收了 %d 个子进程，"
       "reaper_count 却是 %d（REAPER_RECORDS 为 %d）")

FL_MSG("a child reaped beyond REAPER_RECORDS to be only counted (ECHILD), never given a "
       "wrong status",
       "超过 REAPER_RECORDS 之后回收的子进程只应计数（ECHILD），"
       "绝不能给出错误的状态")

FL_MSG("reaper_status(%d) for child number %d returned %d (errno %d: %s), status %s",
       "reaper_status(%d)（第 %d 个子进程）返回了 %d（errno %d："
       "%s），状态为 %s")

FL_MSG("the check to register its fork handler",
       "检查程序能注册它的 fork 处理函数")

FL_MSG("pthread_atfork failed",
       "pthread_atfork 失败")
FL_MSG("calling proc_start_orphan; its middle child is held before it forks the "
       "task, and SIGUSR1 (handler without SA_RESTART) kills the middle child once "
       "the caller is blocked",
       "调用 proc_start_orphan；"
       "中间子进程在 fork 出任务之前被拦住，调用方一阻塞，"
       "SIGUSR1（处理函数不带 SA_RESTART）就会杀死中间子进程")
FL_MSG("calling proc_start_orphan; its middle child is held before it forks the "
       "task, and SIGUSR1 (handler without SA_RESTART) lets it go on once the "
       "caller is blocked",
       "调用 proc_start_orphan；"
       "中间子进程在 fork 出任务之前被拦住，调用方一阻塞，"
       "SIGUSR1（处理函数不带 SA_RESTART）就会让它继续运行")


FL_MSG("a signal while proc_start_orphan waits for the task's pid: the read is retried",
       "proc_start_orphan 等待任务的 pid 时来了一个信号：read 要重试")

FL_MSG("checking what proc_start_orphan returned after the signal",
       "查看信号之后 proc_start_orphan 返回了什么")

FL_MSG("SIGUSR1 to reach the caller while proc_start_orphan waited",
       "proc_start_orphan 等待期间，SIGUSR1 应送达调用方")

FL_MSG("proc_start_orphan to retry the read a signal interrupted (EINTR) and return 0",
       "proc_start_orphan 应重试被信号打断（EINTR）的 read，"
       "并返回 0")

FL_MSG("it returned %d (errno %d: %s), p->pid %d, after a signal whose handler has no "
       "SA_RESTART interrupted it: a read or waitpid that fails with EINTR must be called "
       "again",
       "它返回了 %d（errno %d：%s），p->pid 为 %d，"
       "此前一个处理函数不带 SA_RESTART 的信号打断了它："
       "以 EINTR 失败的 read 或 waitpid 必须再调用一次")

FL_MSG("child %d is there after the interrupted call returned",
       "被打断的调用返回之后，子进程 %d 仍然存在")

FL_MSG("the task runs in pid %d but p->pid is %d",
       "任务运行在 pid %d 里，p->pid 却是 %d")

FL_MSG("the middle child killed before it reports: proc_start_orphan fails and leaves "
       "nothing",
       "中间子进程在汇报之前被杀死：proc_start_orphan 失败，不留下任何东西")

FL_MSG("checking what proc_start_orphan returned after its middle child %d was killed",
       "查看中间子进程 %d 被杀死之后 proc_start_orphan 返回了什么")

FL_MSG("the killed middle child to be waited for",
       "被杀死的中间子进程应被等待（回收）")

FL_MSG("child %d is still there after proc_start_orphan returned %d",
       "子进程 %d 在 proc_start_orphan 返回 %d 之后仍然存在")

FL_MSG("the middle child to be killed while the caller waited for the task's pid",
       "中间子进程应在调用方等待任务的 pid 时被杀死")

FL_MSG("no signal arrived (%d) or no middle child was held (%d)",
       "没有信号到来（%d），或者没有中间子进程被拦住（%d）")

FL_MSG("proc_start_orphan to return -1 with an errno, p->pid left 0: no task's pid ever came",
       "proc_start_orphan 应返回 -1 并设置 errno，"
       "p->pid 保持为 0：任务的 pid 始终没有传来")

FL_MSG("middle child %d was killed before it forked the task; proc_start_orphan returned %d "
       "(errno %d: %s), p->pid %d: check what read returned (0 is end of file: nothing was "
       "written)",
       "中间子进程 %d 在 fork 出任务之前就被杀死了；"
       "proc_start_orphan 返回了 %d（errno %d：%s），"
       "p->pid 为 %d：看看 read 返回了什么（0 表示文件结束：什么也没写过来）")

FL_MSG("no task to run when the middle child died first",
       "中间子进程先死了，任务就不应运行")

FL_MSG("a signal while proc_start_orphan waits for its middle child: the wait is retried, "
       "no zombie is left",
       "proc_start_orphan 等待中间子进程时来了一个信号：等待要重试，"
       "不留下僵尸进程")

FL_MSG("the check to start its tracer",
       "检查程序能启动它的跟踪进程")

FL_MSG("fork: %s",
       "fork：%s")

FL_MSG("calling proc_start_orphan; its middle child is held at its exit, after it reported "
       "the task's pid, until SIGUSR1 (handler without SA_RESTART) interrupts the caller's "
       "wait for it",
       "调用 proc_start_orphan；中间子进程汇报完任务的 pid 后，"
       "在退出时被拦住，直到 SIGUSR1（处理函数不带 SA_RESTART）打断调用方对它的等待")

FL_MSG("the check's tracer",
       "检查程序的跟踪进程")

FL_MSG("PTRACE_SEIZE of middle child %d was refused (%s): it was not held at its exit",
       "对中间子进程 %d 的 PTRACE_SEIZE 被拒绝（%s）：它没有在退出时被拦住")

FL_MSG("proc_start_orphan to wait again when a signal interrupts its wait for the middle "
       "child (EINTR is retried)",
       "信号打断 proc_start_orphan 对中间子进程的等待时，"
       "它应再等一次（遇到 EINTR 要重试）")
FL_MSG("child %d (the middle child %d) is a zombie after a signal interrupted "
       "proc_start_orphan's waitpid: call waitpid again when it fails with EINTR",
       "信号打断 proc_start_orphan 的 waitpid 之后，"
       "子进程 %d（中间子进程 %d）成了僵尸进程；"
       "waitpid 以 EINTR 失败时要再调用一次")
FL_MSG("child %d (the middle child %d) is still there after a signal interrupted "
       "proc_start_orphan's waitpid: call waitpid again when it fails with EINTR",
       "信号打断 proc_start_orphan 的 waitpid 之后，"
       "子进程 %d（中间子进程 %d）仍然存在；"
       "waitpid 以 EINTR 失败时要再调用一次")


FL_MSG("SIGUSR1 to reach the caller",
       "SIGUSR1 应送达调用方")

FL_MSG("proc_start_orphan to return 0 with the task's pid after the signal",
       "信号过后，proc_start_orphan 应返回 0 并给出任务的 pid")

FL_MSG("with SIGCHLD ignored (reaper_discard), proc_start_orphan still starts the task and "
       "returns its pid",
       "忽略 SIGCHLD 时（reaper_discard），"
       "proc_start_orphan 照样启动任务并返回它的 pid")

FL_MSG("calling reaper_discard",
       "调用 reaper_discard")

FL_MSG("calling proc_start_orphan with SIGCHLD ignored",
       "在忽略 SIGCHLD 的情况下调用 proc_start_orphan")

FL_MSG("proc_start_orphan to return 0 with the task's pid: the middle child the kernel "
       "removed at its exit (ECHILD for the wait) had already reported it",
       "proc_start_orphan 应返回 0 并给出任务的 pid："
       "内核在中间子进程退出时就把它清除了（所以等待得到 ECHILD），"
       "但它在此之前已经汇报了任务的 pid")

FL_MSG("with SIGCHLD ignored it returned %d (errno %d: %s), p->pid %d",
       "在忽略 SIGCHLD 的情况下，它返回了 %d（errno %d：%s），"
       "p->pid 为 %d")
