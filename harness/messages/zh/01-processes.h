/* 01-processes: the texts of the lesson's checks in 简体中文, one FL_MSG(english, chinese)
 * each (see tools/messages.py). */

FL_MSG("calling proc_start",
       "调用 proc_start")
FL_MSG("checking what proc_start returned",
       "检查 proc_start 的返回值")
FL_MSG("proc_start to return 0 after starting the child",
       "proc_start 启动子进程后应返回 0")
FL_MSG("it returned %d (errno %d: %s)",
       "它返回了 %d（errno %d：%s）")
FL_MSG("p->pid to hold the child's pid after proc_start",
       "proc_start 之后 p->pid 应保存子进程的 pid")
FL_MSG("p->pid is %d",
       "p->pid 是 %d")
FL_MSG("p->pid to be the child's pid, not the caller's",
       "p->pid 应是子进程的 pid，而不是调用方的")
FL_MSG("p->pid is %d, the caller's own pid",
       "p->pid 是 %d，这是调用方自己的 pid")
FL_MSG("p->pid to be a child of the caller",
       "p->pid 应是调用方的一个子进程")
FL_MSG("pid %d is not a child of the caller %d (it is another process)",
       "pid %d 不是调用方 %d 的子进程（那是另一个进程）")
FL_MSG("pid %d is not a child of the caller %d (no such process)",
       "pid %d 不是调用方 %d 的子进程（没有这个进程）")
FL_MSG("letting the tasks finish",
       "放行任务让它们执行完")
FL_MSG("a child from proc_start",
       "proc_start 启动的一个子进程")
FL_MSG("proc_start runs the task in a new process",
       "proc_start 在一个新进程里运行任务")
FL_MSG("checking where the task ran",
       "检查任务是在哪个进程里运行的")
FL_MSG("the task to run in a child process",
       "任务应在子进程里运行")
FL_MSG("the task ran in the caller itself (pid %d): proc_start called it "
       "without fork",
       "任务就在调用方自己（pid %d）里运行了："
       "proc_start 没有 fork，直接调用了它")
FL_MSG("waiting for the task to start in child %d",
       "等待任务在子进程 %d 里开始运行")
FL_MSG("the task to run in the process whose pid is in p->pid",
       "任务应在 p->pid 所记录的那个进程里运行")
FL_MSG("the task ran in pid %d but p->pid is %d",
       "任务在 pid %d 里运行，但 p->pid 是 %d")
FL_MSG("the child from proc_start",
       "proc_start 启动的子进程")
FL_MSG("the child's parent is the process that called proc_start",
       "子进程的父进程就是调用 proc_start 的那个进程")
FL_MSG("getppid() in the task to be the caller's pid",
       "任务里 getppid() 的结果应是调用方的 pid")
FL_MSG("the task in pid %d has parent %d; the caller is %d (a grandchild of the "
       "caller ran the task?)",
       "pid 为 %d 的任务，其父进程是 %d；"
       "而调用方是 %d（是不是调用方的孙进程执行了任务？）")
FL_MSG("the task runs exactly once",
       "任务恰好运行一次")
FL_MSG("waiting for child %d to end",
       "等待子进程 %d 结束")
FL_MSG("one run of the task for one proc_start",
       "一次 proc_start 只应运行一次任务")
FL_MSG("the task ran %d times (first in pid %d); child %d %s",
       "任务运行了 %d 次（第一次在 pid %d 里）；子进程 %d：%s")
FL_MSG("the task ran %d times (first in pid %d, then in pid of the caller); child %d %s",
       "任务运行了 %d 次（第一次在 pid %d 里，"
       "然后在调用方的 pid 里）；子进程 %d：%s")
FL_MSG("the task ran %d times (first in pid %d, then in pid of another process); child %d %s",
       "任务运行了 %d 次（第一次在 pid %d 里，"
       "然后在另一个进程的 pid 里）；子进程 %d：%s")
FL_MSG("proc_start returns without waiting for the task",
       "proc_start 不等任务结束就返回")
FL_MSG("calling proc_start (the task is held at a gate until proc_start "
       "returns, so a proc_start that waits for its child never returns)",
       "调用 proc_start（任务被拦在闸门前，"
       "直到 proc_start 返回才放行，"
       "所以等待子进程的 proc_start 永远返回不了）")
FL_MSG("proc_start to return 0 and set p->pid",
       "proc_start 应返回 0 并设置 p->pid")
FL_MSG("it returned %d with p->pid %d (errno %d: %s)",
       "它返回了 %d，p->pid 为 %d（errno %d：%s）")
FL_MSG("the child to still be running when proc_start returns",
       "proc_start 返回时子进程应仍在运行")
FL_MSG("child %d was already dead when proc_start returned",
       "proc_start 返回时，子进程 %d 已经结束（成了僵尸进程）")
FL_MSG("child %d was gone, reaped already when proc_start returned",
       "proc_start 返回时，子进程 %d 已经不在了，早被回收")
FL_MSG("two children started one after the other run at the same time",
       "先后启动的两个子进程同时运行")
FL_MSG("two proc_start calls to make two children",
       "两次 proc_start 调用应产生两个子进程")
FL_MSG("both have pid %d",
       "两者的 pid 都是 %d")
FL_MSG("waiting until both tasks run at once (children %d and %d)",
       "等待两个任务同时运行（子进程 %d 和 %d）")
FL_MSG("the two tasks to run in two processes",
       "两个任务应在两个不同的进程里运行")
FL_MSG("both ran in pid %d",
       "两个任务都在 pid %d 里运行")
FL_MSG("what the caller buffered appears once and what the task printed is kept",
       "调用方缓冲区里的内容只出现一次，任务打印的内容也不会丢")
FL_MSG("calling proc_start with text in the caller's stdout buffer",
       "调用 proc_start（调用方的 stdout 缓冲区里还有文字）")
FL_MSG("proc_start to return 0",
       "proc_start 应返回 0")
FL_MSG("text the caller had buffered before proc_start to be written once",
       "调用方在 proc_start 之前缓冲的文字应只写出一次")
FL_MSG("it was written %d times: the child inherited the caller's stdio buffer "
       "and flushed it too (fflush(NULL) before fork empties it)",
       "它被写出了 %d 次：子进程继承了调用方的 stdio 缓冲区，"
       "也把它刷新了一遍（在 fork 之前调用 fflush(NULL) 就能清空它）")
FL_MSG("what the task printed to reach stdout once",
       "任务打印的内容应在 stdout 上出现一次")
FL_MSG("it reached stdout %d times: the child ended without flushing its stdio "
       "buffer (fflush(NULL), then _exit)",
       "它在 stdout 上出现了 %d 次："
       "子进程结束前没有刷新自己的 stdio 缓冲区（先 fflush(NULL)，再 _exit）")
FL_MSG("the child ends with _exit, not exit: the caller's atexit handlers stay "
       "in the caller",
       "子进程用 _exit 而不是 exit 结束："
       "调用方用 atexit 注册的函数只在调用方里执行")
FL_MSG("the child to end with _exit, which skips atexit handlers",
       "子进程应以 _exit 结束，它不会执行 atexit 注册的函数")
FL_MSG("the caller's atexit handlers ran in child %d: it ended with exit() (or "
       "returned from main)",
       "调用方用 atexit 注册的函数在子进程 %d 里执行了："
       "它是用 exit() 结束的（或者从 main 返回了）")
FL_MSG("proc_start refuses a NULL proc, one without a task, or one already "
       "started",
       "proc_start 拒绝 NULL、没有任务的 proc 和已经启动过的 proc")
FL_MSG("calling %s",
       "调用 %s")
FL_MSG("a child started by a refused call",
       "被拒绝的调用启动的子进程")
FL_MSG("each refusal of processes.h to return -1 with its errno and start "
       "nothing",
       "processes.h 列出的每一种拒绝都应返回 -1 并设置对应的 errno，而且不启动任何东西")
FL_MSG("%s returned %d (errno %d: %s)%s",
       "%s 返回了 %d（errno %d：%s）%s")
FL_MSG("the child of the first proc_start",
       "第一次 proc_start 启动的子进程")
FL_MSG("the task to run once: the refused calls start nothing",
       "任务应只运行一次：被拒绝的调用不启动任何东西")
FL_MSG("the task ran %d times",
       "任务运行了 %d 次")
FL_MSG("when fork fails, proc_start returns its error, starts nothing, and the "
       "proc can be started later",
       "fork 失败时，proc_start 返回它的错误，不启动任何东西，"
       "而且这个 proc 之后还能再启动")
FL_MSG("calling proc_start when no process can be created",
       "调用 proc_start（此时无法创建任何进程）")
FL_MSG("no child after a proc_start that failed",
       "失败的 proc_start 之后不应有子进程")
FL_MSG("child %d of the caller is there after proc_start returned %d",
       "调用方却有一个子进程 %d，而 proc_start 返回的是 %d")
FL_MSG("proc_start to return -1 with fork's errno (EAGAIN) when fork fails",
       "fork 失败时，proc_start 应返回 -1，"
       "并保留 fork 的 errno（EAGAIN）")
FL_MSG("it returned %d (errno %d: %s)%s",
       "它返回了 %d（errno %d：%s）%s")
FL_MSG("p->pid to stay 0 after a failed start",
       "启动失败后 p->pid 应保持为 0")
FL_MSG("the task not to run when no child could be made",
       "无法创建子进程时任务不应运行")
FL_MSG("the task ran in pid %d (the caller is %d)",
       "任务在 pid %d 里运行了（调用方是 %d）")
FL_MSG("calling proc_start again once processes can be created",
       "恢复进程创建之后再次调用 proc_start")
FL_MSG("the child's exit status is the low 8 bits of what the task returned",
       "子进程的退出状态是任务返回值的低 8 位")
FL_MSG("calling proc_start with a task that returns %d",
       "用一个返回 %d 的任务调用 proc_start")
FL_MSG("the child to exit with the task's return value's low 8 bits (_exit(n) "
       "keeps n & 0xFF)",
       "子进程应以任务返回值的低 8 位退出（_exit(n) 只保留 n & 0xFF）")
FL_MSG("the task returned %d and child %d %s, not \"exited with %d\"",
       "任务返回了 %d，子进程 %d 的结束状态是 %s，"
       "而不是以退出码 %d 正常退出")
