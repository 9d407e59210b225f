/* 12-parallelism: the texts of the lesson's checks in 简体中文, one FL_MSG(english, chinese)
 * each (see tools/messages.py). */
FL_MSG("no child left when the function returns, not even a zombie",
       "函数返回时不应留下任何子进程，僵尸进程也不行")
FL_MSG("after %s returned, pid %d is still a child of the caller (state %c), and others",
       "%s 返回之后，pid %d 仍是调用方的子进程（状态 %c），"
       "还有别的子进程也一样")
FL_MSG("after %s returned, pid %d is still a child of the caller (state %c)",
       "%s 返回之后，pid %d 仍是调用方的子进程（状态 %c）")
FL_MSG("calling %s with %d tasks",
       "调用 %s，共 %d 个任务")
FL_MSG("the function to return 0 after running every task",
       "执行完每个任务后，函数应返回 0")
FL_MSG("every task to run",
       "每个任务都应执行")
FL_MSG("%s returned 0 but task %d never ran",
       "%s 返回了 0，但任务 %d 从未执行")
FL_MSG("each task to run exactly once",
       "每个任务应正好执行一次")
FL_MSG("%d tasks ran for %d given",
       "执行了 %d 个任务，而交给它的是 %d 个")
FL_MSG("each task in a child of the caller",
       "每个任务都应在调用方的子进程里执行")
FL_MSG("task %d ran in pid %d whose parent is %d; the caller is %d",
       "任务 %d 在 pid %d 里执行，它的父进程是 %d；调用方是 %d")
FL_MSG("all children alive at the same time: every one started before any is waited "
       "for",
       "所有子进程应同时活着：在等待任何一个之前，每个都已启动")
FL_MSG("child %d (task %d) waited %.2f s for the other children, but only %d of %d "
       "had started by then: %s waited for a child before starting the next",
       "子进程 %d（任务 %d）等其他子进程等了 %.2f s，但到那时只有 %d 个（共 %d 个）已经启动："
       "%s 在启动下一个子进程之前就等待了前一个")
FL_MSG("every argument parallel.h calls an error is refused with EINVAL; nothing "
       "starts",
       "parallel.h 列为错误的每种参数都以 EINVAL 被拒绝；什么也不启动")
FL_MSG("-1 with the errno parallel.h names",
       "应返回 -1，errno 为 parallel.h 指定的值")
FL_MSG("%s: expected -1 with errno %s; %s",
       "%s：应返回 -1 并设置 errno 为 %s；实际：%s")
FL_MSG("%s ran %d task and left %d child",
       "%s 执行了 %d 个任务，留下了 %d 个子进程")
FL_MSG("%s ran %d task and left %d children",
       "%s 执行了 %d 个任务，留下了 %d 个子进程")
FL_MSG("%s ran %d tasks and left %d child",
       "%s 执行了 %d 个任务，留下了 %d 个子进程")
FL_MSG("%s ran %d tasks and left %d children",
       "%s 执行了 %d 个任务，留下了 %d 个子进程")
FL_MSG("args = NULL gives every task NULL",
       "args = NULL 时每个任务都得到 NULL")
FL_MSG("calling %s(3, task, NULL, codes)",
       "调用 %s(3, task, NULL, codes)")
FL_MSG("0 with args = NULL",
       "args = NULL 时应返回 0")
FL_MSG("every task to get NULL (the task then returns 7)",
       "每个任务都应得到 NULL（此时任务返回 7）")
FL_MSG("%s with args = NULL: codes is %s",
       "%s 在 args = NULL 时：codes 是 %s")
FL_MSG("when a fork fails, the children already started are reaped, codes say which "
       "ran, errno is fork's",
       "某次 fork 失败时，已经启动的子进程被回收，codes 表明哪些执行了，errno 是 fork 的")
FL_MSG("calling %s with %d tasks, fork failing after %d",
       "调用 %s，共 %d 个任务，fork 在 %d 次之后失败")
FL_MSG("-1 with fork's errno (EAGAIN) when a start fails",
       "启动失败时应返回 -1 并设置 fork 的 errno（EAGAIN）")
FL_MSG("%s with fork failing after %d starts returned %d (errno %d: %s)",
       "%s（fork 在启动 %d 次之后失败）返回了 %d（errno %d：%s）")
FL_MSG("the children already started joined: none left, not even a zombie",
       "已经启动的子进程应都被 join：一个也不留下，僵尸进程也不行")
FL_MSG("after %s failed, pid %d is still a child of the caller (state %c)",
       "%s 失败之后，pid %d 仍是调用方的子进程（状态 %c）")
FL_MSG("exactly the children that could be started to run",
       "执行的应正好是能启动起来的那些子进程")
FL_MSG("%d tasks ran; fork allowed %d",
       "执行了 %d 个任务；fork 只允许了 %d 次")
FL_MSG("codes[i] = child i's exit code for the children that ran (each joined, not "
       "killed), RUN_NO_EXITCODE (INT_MIN) for those never started",
       "执行过的子进程，codes[i] 为子进程 i 的退出码（每个都被 join，而不是被杀死）；"
       "从未启动的为 RUN_NO_EXITCODE（INT_MIN）")
FL_MSG("%s with fork failing after %d: codes is %s",
       "%s（fork 在 %d 次之后失败）：codes 是 %s")
FL_MSG("run_sequential starts each child after the previous one ended",
       "run_sequential 在前一个子进程结束之后才启动下一个")
FL_MSG("one child at a time: the next is started only after this one ended and was "
       "reaped",
       "一次只有一个子进程：这一个结束并被回收之后，才启动下一个")
FL_MSG("while task %d ran in child %d and the caller %d waited, the caller had %d "
       "other child already",
       "任务 %d 在子进程 %d 里执行、调用方 %d 在等待时，"
       "调用方已经另有 %d 个子进程")
FL_MSG("while task %d ran in child %d and the caller %d waited, the caller had %d "
       "other children already",
       "任务 %d 在子进程 %d 里执行、调用方 %d 在等待时，"
       "调用方已经另有 %d 个子进程")
FL_MSG("the tasks to run in order: task 0, then 1, then 2",
       "任务应按顺序执行：先任务 0，然后 1，然后 2")
FL_MSG("task %d was number %d to begin",
       "任务 %d 开始的次序是 %d")
FL_MSG("each child gone (ended and reaped) before the next starts",
       "下一个开始之前，前一个子进程应已不在（结束并被回收）")
FL_MSG("when task %d began in pid %d, child %d of task %d was still a zombie "
       "(ended, not yet waited for)",
       "任务 %d 在 pid %d 里开始时，"
       "子进程 %d（任务 %d）仍是僵尸进程（已结束，还没有被等待）")
FL_MSG("when task %d began in pid %d, child %d of task %d was still running",
       "任务 %d 在 pid %d 里开始时，"
       "子进程 %d（任务 %d）仍在运行")
FL_MSG("codes[i] to hold child i's exit code: {10, 11, 12}",
       "codes[i] 应是子进程 i 的退出码：{10, 11, 12}")
FL_MSG("codes is %s",
       "codes 是 %s")
FL_MSG("run_parallel has every child alive at the same time",
       "run_parallel 让所有子进程同时活着")
FL_MSG("three tasks in three processes",
       "三个任务应在三个进程里执行")
FL_MSG("they ran in pids %d, %d and %d",
       "它们在 pid %d、%d 和 %d 里执行")
FL_MSG("run_parallel waits for every child and reaps it",
       "run_parallel 等待每个子进程，并回收它们")
FL_MSG("every child reaped when run_parallel returns",
       "run_parallel 返回时每个子进程都应已被回收")
FL_MSG("child %d (task %d) is still running and was never waited for",
       "子进程 %d（任务 %d）仍在运行，从没有被等待过")
FL_MSG("child %d (task %d) is a zombie and was never waited for",
       "子进程 %d（任务 %d）是僵尸进程，从没有被等待过")
FL_MSG("codes[i] is child i's exit code, whatever order children end in",
       "不管子进程以什么顺序结束，codes[i] 都是子进程 i 的退出码")
FL_MSG("run_sequential's codes {3, -9, 200}: task 1's child was killed by SIGKILL",
       "run_sequential 的 codes 应为 {3, -9, 200}：任务 1 的子进程被 SIGKILL 杀死了")
FL_MSG("run_parallel's codes {3, -9, 200}, by child, though child 2 ended first",
       "run_parallel 的 codes 应按子进程排列为 {3, -9, 200}，尽管子进程 2 最先结束")
FL_MSG("two CPU-bound children run at the same instant on two CPUs",
       "两个 CPU 密集的子进程在同一时刻分别运行在两个 CPU 上")
FL_MSG("this machine lets the check use %d CPU: parallel running needs two or more "
       "(the children did live at the same time: that is concurrency)",
       "这台机器只让检查使用 %d 个 CPU：并行需要两个或更多（子进程确实同时活着：那是并发）")
FL_MSG("the machine is busy: in %.2f s the two children were never seen running at "
       "the same instant (other processes held the CPUs); rerun when it is quieter",
       "机器很忙：%.2f s 内从未看到两个子进程在同一时刻运行（CPU 被别的进程占着）；等机器空闲些再运行一次")
FL_MSG("child %d ran without a break on CPU %d for %ld us while child %d made "
       "progress on CPU %d",
       "子进程 %d 在 CPU %d 上不间断地运行了 %ld us，同时子进程 %d 在 CPU %d 上也在推进")
FL_MSG("2 equal CPU-bound tasks in run_parallel take well under 2 x one task",
       "run_parallel 里 2 个相同的 CPU 密集任务，用时远少于单个任务的 2 倍")
FL_MSG("this machine lets the check use %d CPU: no speed-up is possible on one (the "
       "tasks take turns)",
       "这台机器只让检查使用 %d 个 CPU：一个 CPU 上不可能加速（任务只能轮流执行）")
FL_MSG("run %d: speed-up %.2f (children had %.0f%% and %.0f%% of a CPU; started "
       "%.1f ms apart; lived together %.1f ms)",
       "第 %d 次：加速比 %.2f（两个子进程分别得到一个 CPU 的 %.0f%% 和 %.0f%%；启动相隔 %.1f ms；"
       "同时存活 %.1f ms）")
FL_MSG("the machine is busy: the children did not get a whole CPU each (speed-up "
       "%.2f, %.2f, %.2f; %.1f needed); rerun when it is quieter",
       "机器很忙：子进程没能各自得到一整个 CPU（加速比 %.2f、%.2f、%.2f；需要 %.1f）；等机器空闲些再运行一次")
FL_MSG("2 tasks of 40 ms of CPU each to finish in well under 80 ms: a speed-up of "
       "at least 1.3 on 2 CPUs",
       "2 个各需 40 ms CPU 时间的任务，应在远少于 80 ms 的时间内完成：在 2 个 CPU 上加速比至少为 1.3")
FL_MSG("speed-up %.2f, %.2f, %.2f with each child running at full speed: the "
       "children never lived at the same time (one after another)",
       "加速比为 %.2f、%.2f、%.2f，而每个子进程都在全速运行："
       "子进程从来没有同时存活过（一个接一个）")
FL_MSG("speed-up %.2f, %.2f, %.2f with each child running at full speed: the "
       "children overlapped only briefly: the second started late",
       "加速比为 %.2f、%.2f、%.2f，而每个子进程都在全速运行："
       "子进程只重叠了很短的时间，第二个启动得太晚")
FL_MSG("when memory runs out, run_parallel fails with ENOMEM and starts nothing",
       "内存用完时，run_parallel 以 ENOMEM 失败，什么也不启动")
FL_MSG("calling run_parallel with %d tasks while every allocation fails",
       "在每次内存分配都失败的情况下，用 %d 个任务调用 run_parallel")
FL_MSG("looking at what run_parallel did",
       "查看 run_parallel 做了什么")
FL_MSG("no child left after run_parallel returned, not even a zombie",
       "run_parallel 返回之后不应留下任何子进程，僵尸进程也不行")
FL_MSG("pid %d is still a child of the caller (state %c); run_parallel returned %d",
       "pid %d 仍是调用方的子进程（状态 %c）；run_parallel 返回了 %d")
FL_MSG("codes[i] = child i's exit code",
       "codes[i] 应是子进程 i 的退出码")
FL_MSG("with no allocation needed it returned 0 and codes is %s",
       "它不需要分配内存，返回了 0，codes 是 %s")
FL_MSG("-1 with ENOMEM when the table of children cannot be allocated",
       "无法分配子进程表时，应返回 -1 并设置 ENOMEM")
FL_MSG("nothing to start when there is no memory for the children",
       "没有内存存放子进程时，什么也不应启动")
FL_MSG("%d task(s) ran",
       "执行了 %d 个任务")
FL_MSG("a join that fails (SIGCHLD ignored: no exit status kept) makes both "
       "functions return -1, not 0",
       "join 失败（SIGCHLD 被忽略：不保留退出状态）时，两个函数都返回 -1，而不是 0")
FL_MSG("calling %s(3, ...) with SIGCHLD ignored",
       "在忽略 SIGCHLD 的情况下调用 %s(3, ...)")
FL_MSG("checking what %s returned",
       "检查 %s 的返回值")
FL_MSG("-1 with the failed join's errno (ECHILD): with SIGCHLD ignored the kernel "
       "keeps no exit code to put in codes[]",
       "应返回 -1，errno 为失败的 join 的 errno（ECHILD）：SIGCHLD 被忽略时，内核不保留退出码，"
       "没有东西可以放进 codes[]")
FL_MSG("%s returned %d (errno %d: %s) with codes %s although proc_join could not "
       "reap any child: check what proc_join returns",
       "%s 返回了 %d（errno %d：%s），codes 为 %s，而 proc_join 一个子进程也没能回收："
       "检查 proc_join 的返回值")
FL_MSG("codes[i] to stay RUN_NO_EXITCODE for a child whose code is lost",
       "退出码丢失的子进程，codes[i] 应保持为 RUN_NO_EXITCODE")
FL_MSG("%s gave codes %s",
       "%s 给出的 codes 是 %s")
