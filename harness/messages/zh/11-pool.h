/* 11-pool: the texts of the lesson's checks in 简体中文, one FL_MSG(english, chinese)
 * each (see tools/messages.py). */
FL_MSG("calling pool_new(%d, %d)",
       "调用 pool_new(%d, %d)")
FL_MSG("looking at the workers pool_new(%d, %d) started",
       "查看 pool_new(%d, %d) 启动的工作进程")
FL_MSG("pool_new to return a pool with its workers running",
       "pool_new 应返回一个工作进程都已在运行的进程池")
FL_MSG("it returned NULL (errno %d: %s)",
       "它返回了 NULL（errno %d：%s）")
FL_MSG("pool_new(n) to start exactly n worker processes, children of the caller",
       "pool_new(n) 应正好启动 n 个工作进程，它们都是调用方的子进程")
FL_MSG("pool_new(%d, %d) left the caller %d with %d living children (%s) besides an earlier pool's",
       "pool_new(%d, %d) 之后，除了之前那个进程池的子进程，"
       "调用方 %d 还有 %d 个活着的子进程（%s）")
FL_MSG("pool_new(%d, %d) left the caller %d with %d living children (%s)",
       "pool_new(%d, %d) 之后，"
       "调用方 %d 有 %d 个活着的子进程（%s）")
FL_MSG("calling pool_apply_async(%s)",
       "调用 pool_apply_async(%s)")
FL_MSG("pool_apply_async to return a handle >= 0 on an open pool",
       "对未关闭的进程池，pool_apply_async 应返回 >= 0 的句柄")
FL_MSG("it returned %d (errno %d: %s) for %s",
       "它返回了 %d（errno %d：%s），提交的是 %s")
FL_MSG("calling pool_result_get for task %d (%s)",
       "为任务 %d（%s）调用 pool_result_get")
FL_MSG("pool_result_get to return the status it stores in out->status",
       "pool_result_get 的返回值应与它存入 out->status 的状态相同")
FL_MSG("it returned %d but out->status is %d",
       "它返回了 %d，但 out->status 是 %d")
FL_MSG("the result of a task that could finish at once",
       "能立即完成的任务应已有结果")
FL_MSG("after %.1f s pool_result_get for task %d (%s) still says %s (errno %d: %s)%s",
       "%.1f s 之后，pool_result_get 对任务 %d（%s）仍然回答 %s（errno %d：%s）%s")
FL_MSG("out->task to be the handle that was asked for",
       "out->task 应是所查询的句柄")
FL_MSG("asked for task %d, got a result for task %d",
       "查询的是任务 %d，得到的却是任务 %d 的结果")
FL_MSG("POOL_OK for a task that returned normally",
       "正常返回的任务应得到 POOL_OK")
FL_MSG("task %d (%s): %s",
       "任务 %d（%s）：%s")
FL_MSG("no worker left after pool_join, not even a zombie",
       "pool_join 之后不应留下任何工作进程，僵尸进程也不行")
FL_MSG("after pool_join the caller %d still has %d child process: %s (state %c)",
       "pool_join 之后，调用方 %d 仍有 %d 个子进程："
       "%s（状态 %c）")
FL_MSG("after pool_join the caller %d still has %d child processes: %s (state %c)",
       "pool_join 之后，调用方 %d 仍有 %d 个子进程："
       "%s（状态 %c）")
FL_MSG("calling pool_close",
       "调用 pool_close")
FL_MSG("pool_close to return 0",
       "pool_close 应返回 0")
FL_MSG("calling pool_join (it should return once every worker has exited; a worker "
       "that still holds the write end of its own task pipe never reads end-of-file)",
       "调用 pool_join（每个工作进程都退出后它就应返回；仍持有自己任务管道写端的工作进程永远读不到文件结束）")
FL_MSG("pool_join to return 0 after pool_close",
       "pool_close 之后 pool_join 应返回 0")
FL_MSG("calling pool_free",
       "调用 pool_free")
FL_MSG("the child of a proc_start that should have been refused",
       "本应被拒绝的 proc_start 启动的子进程")
FL_MSG("every argument pool.h calls an error is refused with its errno; nothing "
       "starts",
       "pool.h 列为错误的每种参数都被拒绝，并设置相应的 errno；什么也不启动")
FL_MSG("it returned -1",
       "它返回了 -1")
FL_MSG("looking at what %s did",
       "查看 %s 做了什么")
FL_MSG("an error with the errno pool.h names",
       "应返回错误，errno 为 pool.h 指定的值")
FL_MSG("%s: expected the error value (NULL, -1 or POOL_ERROR) with errno %s; %s",
       "%s：应返回错误值（NULL、-1 或 POOL_ERROR）并设置 errno 为 %s；实际：%s")
FL_MSG("a refused call to start no process",
       "被拒绝的调用不应启动任何进程")
FL_MSG("after %s the caller has %d children (%s); it had %d",
       "%s 之后调用方有 %d 个子进程（%s）；之前是 %d 个")
FL_MSG("calling pool_join on the closed pool",
       "对已关闭的进程池调用 pool_join")
FL_MSG("pool_new(3) starts 3 workers at once, before any task",
       "pool_new(3) 立即启动 3 个工作进程，不等任何任务到来")
FL_MSG("6 tasks in a pool of 2 run in at most 2 processes, reused",
       "2 个工作进程的进程池执行 6 个任务，最多用 2 个进程，反复使用")
FL_MSG("each of the 6 tasks to run once",
       "6 个任务应各执行一次")
FL_MSG("the tasks ran %d times",
       "任务一共执行了 %d 次")
FL_MSG("every task to run in a worker, a child of the caller",
       "每个任务都应在工作进程里执行，也就是调用方的子进程里")
FL_MSG("a task ran in pid %d whose parent is %d, not the caller %d",
       "有一个任务在 pid %d 里执行，它的父进程是 %d，而不是调用方 %d")
FL_MSG("the 6 tasks to share the pool's 2 workers: at most 2 different pids",
       "6 个任务应共用进程池的 2 个工作进程：最多出现 2 个不同的 pid")
FL_MSG("they ran in %d different processes (%s): a new process per task is not a "
       "pool",
       "它们在 %d 个不同的进程里执行（%s）：每个任务开一个新进程，那不是进程池")
FL_MSG("with 3 workers and 5 tasks, exactly 3 run at once; the rest wait",
       "3 个工作进程、5 个任务：正好 3 个同时执行，其余的等待")
FL_MSG("waiting until 3 tasks wait at the gate (a pool that sends tasks only when "
       "pool_result_get or pool_join is called must still start the first 3 in "
       "pool_apply_async)",
       "等待 3 个任务到达闸门（只在调用 pool_result_get 或 pool_join 时才派发任务的进程池，"
       "也必须在 pool_apply_async 里就启动前 3 个）")
FL_MSG("3 worker processes while 3 tasks are held",
       "3 个任务被拦住时应有 3 个工作进程")
FL_MSG("the caller has %d living children (%s)",
       "调用方有 %d 个活着的子进程（%s）")
FL_MSG("the 4th and 5th tasks to wait until a worker is free",
       "第 4、5 个任务应等到有工作进程空闲时才开始")
FL_MSG("%d tasks had started while 3 were still held at the gate",
       "已有 %d 个任务开始执行，而 3 个任务还被拦在闸门前")
FL_MSG("never more than 3 tasks running at once",
       "同时执行的任务任何时候都不应超过 3 个")
FL_MSG("%d tasks ran at the same time",
       "有 %d 个任务同时执行过")
FL_MSG("each result belongs to its task, whatever order tasks end in",
       "不管任务以什么顺序结束，每个结果都属于它自己的任务")
FL_MSG("task %d: %s",
       "任务 %d：%s")
FL_MSG("task 1's own value, 5 * 2^32 + the pid of its worker",
       "任务 1 自己的值：5 * 2^32 + 它所在工作进程的 pid")
FL_MSG("got value %ld (%s); expected %ld: a value from another task, or cut to an "
       "int on the way",
       "得到的值是 %ld（%s）；应为 %ld：这是别的任务的值，或者在传递途中被截断成了 int")
FL_MSG("letting task 0 finish",
       "放行任务 0，让它完成")
FL_MSG("task 0's own value, 9007",
       "任务 0 自己的值：9007")
FL_MSG("got %s",
       "得到的是 %s")
FL_MSG("out->worker to be the pid that ran the task",
       "out->worker 应是执行该任务的 pid")
FL_MSG("the task ran in pid %d but out->worker is %d",
       "任务在 pid %d 里执行，但 out->worker 是 %d")
FL_MSG("each task's own return value, as a whole long",
       "每个任务应得到自己的返回值，并完整保持为 long")
FL_MSG("task %d (argument %d) gave %ld; expected %ld for worker %d",
       "任务 %d（参数 %d）给出了 %ld；应为 %ld（工作进程为 %d）")
FL_MSG("out->worker to be one of the pool's workers",
       "out->worker 应是进程池的某个工作进程")
FL_MSG("out->worker is %d, whose parent is %d",
       "out->worker 是 %d，它的父进程是 %d")
FL_MSG("asking with a timeout before the task ends reports a timeout",
       "在任务结束之前带超时查询，得到的是超时")
FL_MSG("waiting for the task to reach the gate",
       "等待任务到达闸门")
FL_MSG("calling pool_result_get with timeout 0 on a running task",
       "对正在执行的任务以超时 0 调用 pool_result_get")
FL_MSG("POOL_TIMEOUT at once for a task still running (timeout 0)",
       "对仍在执行的任务应立即返回 POOL_TIMEOUT（超时为 0）")
FL_MSG("pool_result_get returned %s (%s)",
       "pool_result_get 返回了 %s（%s）")
FL_MSG("calling pool_result_get with timeout %.3f s on a task held at a gate",
       "对拦在闸门前的任务以超时 %.3f s 调用 pool_result_get")
FL_MSG("POOL_TIMEOUT for a task still running when the time is up",
       "时间到了任务仍在执行，应返回 POOL_TIMEOUT")
FL_MSG("pool_result_get to wait the whole timeout before POOL_TIMEOUT",
       "pool_result_get 应等满整个超时时间再返回 POOL_TIMEOUT")
FL_MSG("it gave up after %.3f s of %.3f s",
       "它等了 %.3f s 就放弃了，超时是 %.3f s")
FL_MSG("the timeout to leave the task running",
       "超时之后任务应继续执行")
FL_MSG("worker %d is done with the task",
       "工作进程 %d 已经做完了任务")
FL_MSG("worker %d is dead",
       "工作进程 %d 已经结束了")
FL_MSG("letting the task finish",
       "放行任务，让它完成")
FL_MSG("the task's value once it has ended",
       "任务结束后应得到它的值")
FL_MSG("after pool_close, submitting fails; queued tasks still run",
       "pool_close 之后提交任务会失败；已排队的任务照常执行")
FL_MSG("calling pool_apply_async on a closed pool",
       "对已关闭的进程池调用 pool_apply_async")
FL_MSG("pool_apply_async on a closed pool to return -1 with errno ESHUTDOWN",
       "对已关闭的进程池，pool_apply_async 应返回 -1 并设置 errno 为 ESHUTDOWN")
FL_MSG("its own value",
       "应得到它自己的值")
FL_MSG("calling pool_join",
       "调用 pool_join")
FL_MSG("pool_join to return 0",
       "pool_join 应返回 0")
FL_MSG("pool_join runs every queued task before it returns",
       "pool_join 在返回之前执行完每个排队的任务")
FL_MSG("waiting until 2 tasks run",
       "等待 2 个任务开始执行")
FL_MSG("calling pool_join with 3 tasks still queued, before pool_close",
       "在 pool_close 之前、还有 3 个任务排队时调用 pool_join")
FL_MSG("pool_join before pool_close to fail with EINVAL",
       "在 pool_close 之前调用 pool_join 应以 EINVAL 失败")
FL_MSG("calling pool_join with 3 tasks still queued",
       "在还有 3 个任务排队时调用 pool_join")
FL_MSG("it returned %d (%s)",
       "它返回了 %d（%s）")
FL_MSG("all 5 tasks to have run to the end when pool_join returns",
       "pool_join 返回时 5 个任务应都已执行完毕")
FL_MSG("%d of 5 tasks started and %d ended: pool_join let the workers go with tasks "
       "still queued",
       "5 个任务中有 %d 个开始、%d 个结束：pool_join 在还有任务排队时就让工作进程退出了")
FL_MSG("every result kept after pool_join",
       "pool_join 之后每个结果都应还在")
FL_MSG("pool_join waits for every worker to exit and reaps it",
       "pool_join 等待每个工作进程退出，并回收它们")
FL_MSG("every worker gone after pool_join",
       "pool_join 之后每个工作进程都应已不存在")
FL_MSG("worker %d still exists (state %c)",
       "工作进程 %d 仍然存在（状态 %c）")
FL_MSG("a task that kills its worker is reported: which task, worker, signal",
       "杀死自己所在工作进程的任务会被报告出来：哪个任务、哪个工作进程、什么信号")
FL_MSG("POOL_FAILED with signal 9 (SIGKILL) and worker = the pid that died",
       "应得到 POOL_FAILED，signal 为 9（SIGKILL），worker 为死掉的那个 pid")
FL_MSG("the task died in worker %d; the result says %s",
       "任务在工作进程 %d 里死掉了；结果是 %s")
FL_MSG("the dead worker reaped by the time its failure is reported",
       "报告失败时，死掉的工作进程应已被回收")
FL_MSG("worker %d is still a zombie child of the caller",
       "工作进程 %d 仍是调用方的僵尸子进程")
FL_MSG("POOL_FAILED with signal 0, exit_code 3 and the worker's pid",
       "应得到 POOL_FAILED，signal 为 0，exit_code 为 3，并带上工作进程的 pid")
FL_MSG("the task ended worker %d with _exit(3); the result says %s",
       "任务用 _exit(3) 结束了工作进程 %d；结果是 %s")
FL_MSG("the pool to go on working",
       "进程池应继续工作")
FL_MSG("a worker that died is replaced by a new process",
       "死掉的工作进程由一个新进程接替")
FL_MSG("2 living workers again by the time the failure is reported, none of them "
       "the dead one",
       "报告失败时应重新有 2 个活着的工作进程，而且都不是死掉的那个")
FL_MSG("worker %d died; the caller's living children are now %s",
       "工作进程 %d 死了；调用方现在活着的子进程是 %s")
FL_MSG("waiting until both workers hold a task at the gate",
       "等待两个工作进程各有一个任务停在闸门前")
FL_MSG("two different living workers, neither of them the dead one",
       "应是两个不同的、活着的工作进程，都不是死掉的那个")
FL_MSG("the tasks ran in %d and %d; the dead worker was %d",
       "任务在 %d 和 %d 里执行；死掉的工作进程是 %d")
FL_MSG("with at most 2 tasks per worker, each worker serves 2 and is replaced",
       "每个工作进程最多执行 2 个任务时，每个执行完 2 个就被替换")
FL_MSG("each worker process to serve at most 2 tasks, then make way for a new one",
       "每个工作进程最多执行 2 个任务，然后让位给一个新的")
FL_MSG("worker %d ran %d tasks",
       "工作进程 %d 执行了 %d 个任务")
FL_MSG("7 tasks at 2 per worker process to need at least 4 processes",
       "每个工作进程执行 2 个，7 个任务至少要用 4 个进程")
FL_MSG("they ran in %d processes (%s)",
       "它们在 %d 个进程里执行（%s）")
FL_MSG("pool_free on a pool not joined kills and reaps its workers",
       "对没有 join 过的进程池调用 pool_free，会杀死并回收它的工作进程")
FL_MSG("calling pool_free with a task still running and no pool_join (the gate "
       "never opens and the task ignores SIGTERM: pool_free must kill with SIGKILL, "
       "not wait)",
       "任务仍在执行、没调 pool_join 就调用 pool_free（闸门永不打开，任务忽略 SIGTERM："
       "pool_free 必须用 SIGKILL 杀，不能等）")
FL_MSG("no worker left after pool_free: each killed and reaped",
       "pool_free 之后不应留下任何工作进程：每个都被杀死并回收")
FL_MSG("after pool_free the caller still has %d child process: %s (state %c)",
       "pool_free 之后调用方仍有 %d 个子进程："
       "%s（状态 %c）")
FL_MSG("after pool_free the caller still has %d child processes: %s (state %c)",
       "pool_free 之后调用方仍有 %d 个子进程："
       "%s（状态 %c）")
FL_MSG("every worker gone after pool_free",
       "pool_free 之后每个工作进程都应已不存在")
FL_MSG("a worker killed from outside while idle is replaced; the caller lives",
       "空闲时被外部杀死的工作进程会被替换；调用方安然无恙")
FL_MSG("one worker",
       "应有一个工作进程")
FL_MSG("the caller has %d children",
       "调用方有 %d 个子进程")
FL_MSG("killing idle worker %d with SIGKILL and waiting until it has died",
       "用 SIGKILL 杀死空闲的工作进程 %d，并等它死掉")
FL_MSG("the task to run in a new worker and succeed: it never started in the dead "
       "one",
       "任务应在新的工作进程里执行并成功：它从没在死掉的那个里开始过")
FL_MSG("worker %d was killed before the task was given; the result says %s",
       "工作进程 %d 在任务交出之前就被杀死了；结果是 %s")
FL_MSG("the killed worker reaped",
       "被杀死的工作进程应已被回收")
FL_MSG("the proc_start that tested the fork gate",
       "测试 fork 闸门时 proc_start 启动的子进程")
FL_MSG("this build does not route the code's fork through the harness's gate: fork "
       "failures could not be injected",
       "这次构建没有让代码的 fork 经过检查框架的闸门：无法注入 fork 失败")
FL_MSG("a failed pool_new to leave no process: workers already started are ended "
       "and reaped",
       "失败的 pool_new 不应留下任何进程：已经启动的工作进程要结束并回收")
FL_MSG("after %s the caller still has %d child: %s (state %c)",
       "%s 之后调用方仍有 %d 个子进程：%s（状态 %c）")
FL_MSG("after %s the caller still has %d children: %s (state %c)",
       "%s 之后调用方仍有 %d 个子进程：%s（状态 %c）")
FL_MSG("a failed pool_new to close every descriptor it opened",
       "失败的 pool_new 应关闭它打开的每个文件描述符")
FL_MSG("after %s the caller still has %d new descriptor: %s",
       "%s 之后调用方仍多出 %d 个文件描述符：%s")
FL_MSG("after %s the caller still has %d new descriptors: %s",
       "%s 之后调用方仍多出 %d 个文件描述符：%s")
FL_MSG("a failed pool_new to unmap the shared memory it mapped",
       "失败的 pool_new 应解除它映射的共享内存")
FL_MSG("after %s the caller still has %d new shared mapping: %s",
       "%s 之后调用方仍多出 %d 个共享映射：%s")
FL_MSG("after %s the caller still has %d new shared mappings: %s",
       "%s 之后调用方仍多出 %d 个共享映射：%s")
FL_MSG("pool_result_get with timeout 0 reports a task that has already ended",
       "超时为 0 的 pool_result_get 能报告已经结束的任务")
FL_MSG("waiting until the task has run and its worker waits for the next one",
       "等待任务执行完、它的工作进程开始等下一个任务")
FL_MSG("the worker to wait (blocked) for its next task once it has sent the result",
       "工作进程送出结果后，应（阻塞着）等待下一个任务")
FL_MSG("worker %d never blocked after the task ended (state %c)",
       "任务结束后工作进程 %d 一直没有阻塞（状态 %c）")
FL_MSG("calling pool_result_get(p, %d, 0, &r) on a task that has ended",
       "对已经结束的任务调用 pool_result_get(p, %d, 0, &r)")
FL_MSG("POOL_OK with the value: timeout 0 still collects what the workers have sent "
       "(look first, then judge the clock) -- a caller that polls with 0 would "
       "otherwise wait for ever",
       "应得到 POOL_OK 和值：超时为 0 也要收取工作进程已经送来的结果（先看，"
       "再判断时间）——否则用 0 轮询的调用方会永远等下去")
FL_MSG("task %d ended in worker %d, and pool_result_get(..., 0, ...) returned %s "
       "(errno %d: %s; %s)",
       "任务 %d 已在工作进程 %d 里结束，"
       "而 pool_result_get(..., 0, ...) 返回了 %s（errno %d：%s；%s）")
FL_MSG("a task that reports an error gives POOL_FAILED with its code; the worker "
       "lives on",
       "报告错误的任务得到带错误码的 POOL_FAILED；工作进程继续活着")
FL_MSG("the caller has other children",
       "调用方还有别的子进程")
FL_MSG("POOL_FAILED with error 17, signal 0, exit_code -1, value 0 and the pid of "
       "the worker that ran the task",
       "应得到 POOL_FAILED：error 为 17，signal 为 0，exit_code 为 -1，value 为 0，"
       "并带上执行该任务的工作进程的 pid")
FL_MSG("the task called pool_task_error(17) in worker %d and returned 5; the result "
       "says %s",
       "任务在工作进程 %d 里调用了 pool_task_error(17)，然后返回 5；结果是 %s")
FL_MSG("the worker to live on after a task reported an error (Python's worker "
       "survives an exception too)",
       "任务报告错误之后，工作进程应继续活着（Python 的工作进程遇到异常也不会死）")
FL_MSG("worker %d is a zombie",
       "工作进程 %d 成了僵尸进程")
FL_MSG("worker %d is gone",
       "工作进程 %d 已经不在了")
FL_MSG("pool_task_error(0) to be ignored: POOL_OK with the value 5, in the same "
       "worker",
       "pool_task_error(0) 应被忽略：在同一个工作进程里得到 POOL_OK，值为 5")
FL_MSG("worker %d: %s",
       "工作进程 %d：%s")
FL_MSG("the same worker to serve the next task: a reported error ends only the task",
       "同一个工作进程应接着执行下一个任务：报告的错误只结束这个任务")
FL_MSG("the next task ran in %d; the worker was %d (%s)",
       "下一个任务在 %d 里执行；原来的工作进程是 %d（%s）")
FL_MSG("pool_result_get(t) gives up after t, not sooner, not much later, though "
       "results keep coming",
       "即使结果不断到来，pool_result_get(t) 也在 t 之后放弃：不提前，也不会晚很多")
FL_MSG("waiting for the held task to reach the gate",
       "等待被拦住的任务到达闸门")
FL_MSG("calling pool_result_get with timeout %.3f s while other tasks end",
       "在其他任务陆续结束时，以超时 %.3f s 调用 pool_result_get")
FL_MSG("POOL_TIMEOUT for a task still held when the time is up",
       "时间到了任务仍被拦住，应返回 POOL_TIMEOUT")
FL_MSG("pool_result_get returned %s (errno %d: %s; %s)",
       "pool_result_get 返回了 %s（errno %d：%s；%s）")
FL_MSG("pool_result_get to give up once t has passed: one deadline, computed once, "
       "however many results arrive meanwhile",
       "t 过去后 pool_result_get 应放弃：只有一个截止时间，只算一次，不管期间到来多少结果")
FL_MSG("with t = %.3f s it returned after %.3f s, while a task ended every %.3f s: "
       "was the wait restarted at each wake-up?",
       "t = %.3f s，它却在 %.3f s 后才返回，而期间每 %.3f s 就有一个任务结束：是不是每次醒来都重新开始计时了？")
FL_MSG("pool_result_get sleeps while it waits, and a signal does not end the wait",
       "pool_result_get 等待时处于睡眠，信号也不会结束等待")
FL_MSG("calling pool_result_get (timeout %.1f s): a helper sends SIGUSR1 once the "
       "caller sleeps, and the signal's handler lets the task end",
       "调用 pool_result_get（超时 %.1f s）：调用方睡眠后辅助进程发来 SIGUSR1，信号处理函数放行任务")
FL_MSG("the helper that signals the caller",
       "向调用方发信号的辅助进程")
FL_MSG("the caller to sleep (blocked in poll or read) while it waits for a result",
       "等待结果时调用方应处于睡眠（阻塞在 poll 或 read 里）")
FL_MSG("caller %d never stayed blocked for 0.1 s in %.1f s: pool_result_get polled "
       "in a loop (a poll or read with timeout 0, or a sleep between looks) instead "
       "of sleeping in the kernel (pool_result_get returned %s)",
       "调用方 %d 在 %.1f s 内从未连续阻塞 0.1 s："
       "pool_result_get 在循环里轮询（超时为 0 的 poll 或 read，或者两次查看之间小睡），"
       "而不是在内核里睡眠（pool_result_get 返回了 %s）")
FL_MSG("POOL_OK: a signal that interrupts the wait (EINTR) does not end it",
       "应得到 POOL_OK：打断等待的信号（EINTR）不会结束等待")
FL_MSG("after the signal, pool_result_get returned %s (errno %d: %s; %s)",
       "信号之后，pool_result_get 返回了 %s（errno %d：%s；%s）")
FL_MSG("when fork fails part-way, pool_new returns NULL with fork's errno and "
       "leaves nothing",
       "fork 中途失败时，pool_new 返回 NULL 并设置 fork 的 errno，不留下任何东西")
FL_MSG("calling pool_new(3, 0) with only %d fork allowed",
       "在只允许 %d 次 fork 的情况下调用 pool_new(3, 0)")
FL_MSG("calling pool_new(3, 0) with only %d forks allowed",
       "在只允许 %d 次 fork 的情况下调用 pool_new(3, 0)")
FL_MSG("pool_new to return NULL when a worker cannot be started",
       "无法启动工作进程时 pool_new 应返回 NULL")
FL_MSG("%s returned a pool",
       "%s 返回了一个进程池")
FL_MSG("errno to be fork's (EAGAIN)",
       "errno 应为 fork 的 errno（EAGAIN）")
FL_MSG("%s set errno %d (%s)",
       "%s 把 errno 设为 %d（%s）")
FL_MSG("when descriptors run out, pool_new returns NULL with EMFILE and leaves "
       "nothing",
       "文件描述符用完时，pool_new 返回 NULL 并设置 EMFILE，不留下任何东西")
FL_MSG("calling pool_new(2, 0) with only %d more descriptor allowed",
       "在只允许再打开 %d 个文件描述符的情况下调用 pool_new(2, 0)")
FL_MSG("calling pool_new(2, 0) with only %d more descriptors allowed",
       "在只允许再打开 %d 个文件描述符的情况下调用 pool_new(2, 0)")
FL_MSG("errno to be pipe's (EMFILE) when descriptors run out",
       "文件描述符用完时，errno 应为 pipe 的 errno（EMFILE）")
FL_MSG("%s returned NULL with errno %d (%s)",
       "%s 返回了 NULL，errno 为 %d（%s）")
FL_MSG("pool_new(2, 0) to succeed with 64 descriptors free",
       "有 64 个空闲的文件描述符时，pool_new(2, 0) 应成功")
FL_MSG("it never did",
       "它一次也没有成功")
FL_MSG("pool_new(2, 0) needed %d descriptors at once",
       "pool_new(2, 0) 同时需要 %d 个文件描述符")
FL_MSG("a dead worker that cannot be replaced is an error, not a hang; it is "
       "retried later",
       "死掉的工作进程无法替换时报告错误，而不是卡死；之后会再试")
FL_MSG("POOL_FAILED with signal 9 though no new worker could be started",
       "即使启动不了新的工作进程，也应得到 signal 为 9 的 POOL_FAILED")
FL_MSG("the result says %s",
       "结果是 %s")
FL_MSG("calling pool_result_get for a task no worker can run (fork fails)",
       "为一个没有工作进程能执行的任务调用 pool_result_get（fork 失败）")
FL_MSG("POOL_ERROR with fork's errno (EAGAIN) while no worker can be started",
       "一个工作进程也启动不了时，应返回 POOL_ERROR 并设置 fork 的 errno（EAGAIN）")
FL_MSG("pool_result_get returned %s (errno %d: %s)",
       "pool_result_get 返回了 %s（errno %d：%s）")
FL_MSG("exactly one worker again",
       "应重新正好有一个工作进程")
FL_MSG("the caller has %d children (%s)",
       "调用方有 %d 个子进程（%s）")
FL_MSG("when memory runs out, pool_new and pool_apply_async fail with ENOMEM, leave "
       "nothing, and the pool stays usable",
       "内存用完时，pool_new 和 pool_apply_async 以 ENOMEM 失败，不留下任何东西，进程池仍然可用")
FL_MSG("calling pool_new(2, 0) with %d allocation allowed, then ENOMEM",
       "在只允许 %d 次内存分配、"
       "之后返回 ENOMEM 的情况下调用 pool_new(2, 0)")
FL_MSG("calling pool_new(2, 0) with %d allocations allowed, then ENOMEM",
       "在只允许 %d 次内存分配、"
       "之后返回 ENOMEM 的情况下调用 pool_new(2, 0)")
FL_MSG("pool_new to return NULL with ENOMEM when no memory can be had (the pool "
       "itself is memory)",
       "一点内存都拿不到时，pool_new 应返回 NULL 并设置 ENOMEM（进程池本身就要占内存）")
FL_MSG("a pool_new that runs out of memory to return NULL with ENOMEM",
       "内存不足的 pool_new 应返回 NULL 并设置 ENOMEM")
FL_MSG("calling pool_apply_async with no allocation allowed",
       "在不允许任何内存分配的情况下调用 pool_apply_async")
FL_MSG("pool_apply_async to work or, out of memory, return -1 with ENOMEM",
       "pool_apply_async 应正常工作，或者在内存不足时返回 -1 并设置 ENOMEM")
FL_MSG("40 tasks in a pool of 3: handles 0..39 in order, each result its own, got "
       "with timeout -1",
       "3 个工作进程的进程池执行 40 个任务：句柄依次为 0..39，每个结果都是自己的，用超时 -1 取得")
FL_MSG("handles 0, 1, 2... in the order tasks were queued",
       "句柄应按任务排队的顺序依次为 0、1、2……")
FL_MSG("task %d of %d got handle %d",
       "第 %d 个任务（共 %d 个）得到的句柄是 %d")
FL_MSG("calling pool_result_get(p, %d, -1, &r): as long as it takes",
       "调用 pool_result_get(p, %d, -1, &r)：要等多久就等多久")
FL_MSG("with timeout -1, pool_result_get to wait for the task and give POOL_OK",
       "超时为 -1 时，pool_result_get 应等到任务结束并返回 POOL_OK")
FL_MSG("for task %d it returned %s (errno %d: %s): %s",
       "对任务 %d 它返回了 %s（errno %d：%s）：%s")
FL_MSG("each task's own value, computed in one of the 3 workers, which out->worker "
       "names",
       "每个任务应得到自己的值，在 3 个工作进程之一里算出，out->worker 指明是哪一个")
FL_MSG("task %d: value %ld (argument %ld, pid %d), worker %d; the workers are %s",
       "任务 %d：值为 %ld（参数 %ld，pid %d），worker 为 %d；工作进程是 %s")
