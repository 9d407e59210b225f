/* 08-process-objects: the texts of the lesson's checks in 简体中文, one FL_MSG(english, chinese)
 * each (see tools/messages.py). */

FL_MSG("calling proc_init_object for a tally",
       "为 tally 调用 proc_init_object")
FL_MSG("proc_init_object to return 0 for a class with a run function",
       "对带 run 函数的类，proc_init_object 应返回 0")
FL_MSG("calling proc_start on %s",
       "对 %s 调用 proc_start")
FL_MSG("proc_start on %s returned %d with p->pid %d (errno %d: %s)",
       "对 %s 调用 proc_start 返回了 %d，p->pid 为 %d（errno %d：%s）")
FL_MSG("pid %d is not a child of the caller %d",
       "pid %d 不是调用方 %d 的子进程")
FL_MSG("proc_exitcode (given) to have a code after the join",
       "join 之后，proc_exitcode（现成的）应能给出退出码")
FL_MSG("it returned 0 for joined child %d (%s): were p->ended and p->exitcode kept?",
       "对已 join 的子进程 %d（%s），它却返回了 0：p->ended 和 p->exitcode "
       "保存下来了吗？")
FL_MSG("a proc of the base class runs task(arg) in the child",
       "基类的 proc 在子进程里运行 task(arg)")
FL_MSG("no exit code before the join (Python's None)",
       "join 之前没有退出码（即 Python 的 None）")
FL_MSG("proc_exitcode gave %d before child %d was joined",
       "proc_exitcode 给出了 %d，而子进程 %d 还没有被 join")
FL_MSG("task(arg) to run once, in the child",
       "task(arg) 应在子进程里运行一次")
FL_MSG("the task ran %d times, first in pid %d; the child is %d",
       "任务运行了 %d 次，第一次在 pid %d 里；子进程是 %d")
FL_MSG("exit code 5, what the task returned",
       "退出码应为 5，即任务的返回值")
FL_MSG("child %d has exit code %d",
       "子进程 %d 的退出码是 %d")
FL_MSG("joining child %d a second time",
       "第二次 join 子进程 %d")
FL_MSG("a second join (given) to return 0 at once and keep the exit code",
       "第二次 join（现成的）应立即返回 0，并保留退出码")
FL_MSG("it returned %d (errno %d: %s), exit code %d",
       "返回了 %d（errno %d：%s），退出码为 %d")
FL_MSG("an object's run runs in the child and sees the object's fields",
       "对象的 run 在子进程里运行，并能看到对象的字段")
FL_MSG("the class's run to run once for one proc_start",
       "一次 proc_start 应让类的 run 恰好运行一次")
FL_MSG("tally_run ran %d times; child %d has exit code %d%s",
       "tally_run 运行了 %d 次；子进程 %d 的退出码是 %d%s")
FL_MSG("run to execute in the child, whose parent is the caller",
       "run 应在子进程里执行，而这个子进程的父进程是调用方")
FL_MSG("run ran in pid %d (parent %d); the child is %d and the caller %d",
       "run 在 pid %d 里运行（父进程 %d）；子进程是 %d，调用方是 %d")
FL_MSG("run to see the fields the caller set (start 40, step 2)",
       "run 应能看到调用方设置的字段（start 40，step 2）")
FL_MSG("run saw start %d, step %d",
       "run 看到的是 start %d，step %d")
FL_MSG("two \"subclasses\" embedding struct proc first go through the same start and "
       "join",
       "两个把 struct proc 嵌在开头的“子类”，走的是同一套 start 和 join")
FL_MSG("calling proc_init_object for a greeter",
       "为 greeter 调用 proc_init_object")
FL_MSG("proc_init_object to return 0",
       "proc_init_object 应返回 0")
FL_MSG("tally's run to see the fields after struct proc in struct tally",
       "tally 的 run 应能看到 struct tally 里排在 struct proc 之后的字段")
FL_MSG("in child %d, tally_run saw magic %#lx (want %#lx) but a different label: "
       "run got a copy of the struct proc alone, cut from the object around it",
       "在子进程 %d 里，"
       "tally_run 看到的 magic 是 %#lx（应为 %#lx），"
       "但 label 不对："
       "run 拿到的只是单独复制出来的 struct proc，"
       "它和外面的对象被切开了（对象切片）")
FL_MSG("in child %d, tally_run saw magic %#lx (want %#lx): run got a copy of the "
       "struct proc alone, cut from the object around it",
       "在子进程 %d 里，"
       "tally_run 看到的 magic 是 %#lx（应为 %#lx）："
       "run 拿到的只是单独复制出来的 struct proc，"
       "它和外面的对象被切开了（对象切片）")
FL_MSG("greeter's run to see who \"ann\" and times 4",
       "greeter 的 run 应看到 who 为 \"ann\"、times 为 4")
FL_MSG("in child %d, greeter_run saw who \"%.15s\" and times %d",
       "在子进程 %d 里，greeter_run 看到的 who 是 \"%.15s\"，times 是 %d")
FL_MSG("exit codes 42 (tally: 40 + 2) and 12 (greeter: 3 * 4), what each run returned",
       "退出码应为 42（tally：40 + 2）和 12（greeter：3 * 4），即各自 run 的返回值")
FL_MSG("tally child %d has exit code %d, greeter child %d has %d",
       "tally 子进程 %d 的退出码是 %d，greeter 子进程 %d 的是 %d")
FL_MSG("a second proc_start is refused, while the child runs and after join",
       "第二次 proc_start 会被拒绝：无论子进程还在运行，还是已经 join")
FL_MSG("waiting for run to start in child %d",
       "等待 run 在子进程 %d 里开始运行")
FL_MSG("calling proc_start a second time while child %d runs",
       "第二次调用 proc_start（子进程 %d 仍在运行）")
FL_MSG("the first child",
       "第一个子进程")
FL_MSG("the second child",
       "第二个子进程")
FL_MSG("a second proc_start on a running object to return -1 with EINVAL and make no "
       "child",
       "对正在运行的对象再次调用 proc_start，应返回 -1 并设 EINVAL，且不创建子进程")
FL_MSG("it returned %d and p->pid went from %d to %d: a second child ran the same object",
       "返回了 %d，p->pid 从 %d 变成了 %d：第二个子进程执行了同一个对象")
FL_MSG("the second proc_start to fail with EINVAL",
       "第二次 proc_start 应以 EINVAL 失败")
FL_MSG("it returned -1 with errno %d (%s)",
       "返回了 -1，errno 为 %d（%s）")
FL_MSG("calling proc_start again after child %d was joined",
       "再次调用 proc_start（子进程 %d 已被 join）")
FL_MSG("the child of the restart",
       "再次启动产生的子进程")
FL_MSG("proc_start after join to fail with EINVAL too: an object starts once",
       "join 之后的 proc_start 也应以 EINVAL 失败：一个对象只能启动一次")
FL_MSG("it returned %d (errno %d: %s) and started child %d",
       "返回了 %d（errno %d：%s），并启动了子进程 %d")
FL_MSG("run changes only the child's copy of the object; the caller's later changes do "
       "not reach it",
       "run 只改动子进程里的那份对象；调用方之后的修改也传不到子进程")
FL_MSG("run to execute in the child",
       "run 应在子进程里执行")
FL_MSG("run ran in pid %d; the child is %d%s",
       "run 在 pid %d 里运行；子进程是 %d%s")
FL_MSG("the caller's object to keep its fields (start 7) while run changes its own copy",
       "run 修改它自己那份副本时，调用方的对象应保持原有字段（start 7）")
FL_MSG("after run set start = 100 in child %d, the caller's object had start %d and "
       "label \"%.23s\"",
       "run 在子进程 %d 里把 start 设为 100 之后，调用方对象的 start 是 %d，label 是 "
       "\"%.23s\"")
FL_MSG("the child's object to keep what run wrote (100), not the caller's later 2",
       "子进程的对象应保留 run 写入的值（100），而不是调用方之后设的 2")
FL_MSG("run read start %d after the caller set its own to 2",
       "调用方把自己的 start 设为 2 之后，run 读到的 start 是 %d")
FL_MSG("exit code 8 (7 + 1, from the fields at start)",
       "退出码应为 8（7 + 1，取自启动时的字段）")
FL_MSG("nothing to run is refused: a class without run, a proc without task or class",
       "没有东西可执行时要拒绝：没有 run 的类，既没有 task 也没有类的 proc")
FL_MSG("calling proc_init_object with a class whose run is NULL",
       "用 run 为 NULL 的类调用 proc_init_object")
FL_MSG("proc_init_object with run NULL to fail with EINVAL",
       "run 为 NULL 时，proc_init_object 应以 EINVAL 失败")
FL_MSG("calling proc_run on a proc with no class and no task",
       "对既没有类也没有 task 的 proc 调用 proc_run")
FL_MSG("proc_run with nothing to run to fail with EINVAL",
       "没有东西可执行时，proc_run 应以 EINVAL 失败")
FL_MSG("calling proc_start on a proc with no class and no task",
       "对既没有类也没有 task 的 proc 调用 proc_start")
FL_MSG("the child of a proc with nothing to run",
       "没有东西可执行的 proc 的子进程")
FL_MSG("proc_start with nothing to run to fail with EINVAL, before fork",
       "没有东西可执行时，proc_start 应在 fork 之前就以 EINVAL 失败")
FL_MSG("proc_run called directly runs the work in the calling process",
       "直接调用 proc_run，活就在调用它的进程里干")
FL_MSG("calling proc_run directly",
       "直接调用 proc_run")
FL_MSG("proc_run to call the class's run once, right here in the caller",
       "proc_run 应就在调用方进程里调用一次类的 run")
FL_MSG("tally_run ran %d times, last in pid %d; the caller is %d (errno %d: %s)",
       "tally_run 运行了 %d 次，最后一次在 pid %d 里；调用方是 %d（errno %d：%s）")
FL_MSG("proc_run to return what run returned (23)",
       "proc_run 应返回 run 的返回值（23）")
FL_MSG("it returned %d",
       "返回了 %d")
FL_MSG("proc_run to start no process (p->pid stays 0)",
       "proc_run 不应启动任何进程（p->pid 保持为 0）")
FL_MSG("every refusal objects.h promises: -1 with EINVAL, and no child",
       "objects.h 承诺的每一种拒绝：返回 -1 并设 EINVAL，且不创建子进程")
FL_MSG("a child of a refused call",
       "被拒绝的调用创建的子进程")
FL_MSG("each refusal the header documents: -1 with its errno",
       "头文件写明的每一种拒绝都应返回 -1，并设相应的 errno")
FL_MSG("%s returned %d (errno %d: %s); objects.h says -1 with %s",
       "%s 返回了 %d（errno %d：%s）；objects.h 规定返回 -1，errno 为 %s")
FL_MSG("a refused call to start no process (refuse before fork)",
       "被拒绝的调用不应启动任何进程（要在 fork 之前拒绝）")
FL_MSG("%s returned -1 but started %d child, first %d",
       "%s 返回了 -1，却启动了 %d 个子进程，第一个是 %d")
FL_MSG("%s returned -1 but started %d children, first %d",
       "%s 返回了 -1，却启动了 %d 个子进程，第一个是 %d")
FL_MSG("proc_init_object makes a clean proc of the class and touches nothing around it",
       "proc_init_object 得到一个干净的、属于该类的 proc，且不碰它周围的任何东西")
FL_MSG("calling proc_init_object on a tally whose own fields were set first",
       "对一个已先设好自身字段的 tally 调用 proc_init_object")
FL_MSG("a clean proc of the class: pid 0, task and arg NULL, cls set, not ended",
       "一个干净的、属于该类的 proc：pid 为 0，task 和 arg 为 NULL，cls 已设置，未结束")
FL_MSG("after proc_init_object: pid %d, task %s, arg %s, cls %s, ended %d",
       "proc_init_object 之后：pid %d，task %s，arg %s，cls %s，ended %d")
FL_MSG("no exit code for an object never started",
       "从未启动过的对象不应有退出码")
FL_MSG("proc_init_object to touch only the struct proc, not the fields after it",
       "proc_init_object 应只改动 struct proc，不碰它后面的字段")
FL_MSG("the subclass's own fields changed: magic %#lx, start %d, step %d",
       "子类自己的字段被改了：magic %#lx，start %d，step %d")
FL_MSG("an object with a class runs cls->run even when a task is set too",
       "有类的对象运行 cls->run，即使同时也设置了 task")
FL_MSG("the class's run, and only it, to run (exit code 35 = 30 + 5)",
       "应运行类的 run，而且只运行它（退出码 35 = 30 + 5）")
FL_MSG("tally_run ran %d times, the task %d times; child %d has exit code %d",
       "tally_run 运行了 %d 次，task 运行了 %d 次；子进程 %d 的退出码是 %d")
FL_MSG("the child's exit status is run's return value, low 8 bits",
       "子进程的退出状态是 run 的返回值的低 8 位")
FL_MSG("run's return value, & 0xff, as the child's exit status",
       "子进程的退出状态应为 run 的返回值 & 0xff")
FL_MSG("run returned %d; child %d %s (exit code %d), not exit status %d",
       "run 返回了 %d；子进程 %d %s（退出码 %d），而不是退出状态 %d")
FL_MSG("when fork fails, proc_start returns -1 with EAGAIN, keeps pid 0 and may be "
       "retried",
       "fork 失败时，proc_start 返回 -1 并设 EAGAIN，pid 保持为 0，之后还可以重试")
FL_MSG("calling proc_start with fork failing (EAGAIN)",
       "调用 proc_start（fork 会失败，EAGAIN）")
FL_MSG("proc_start to fail when fork fails",
       "fork 失败时，proc_start 也应失败")
FL_MSG("it returned 0 with p->pid %d: was fork called at all?",
       "返回了 0，p->pid 为 %d：到底有没有调用 fork？")
FL_MSG("proc_start to return -1 with fork's errno, EAGAIN",
       "proc_start 应返回 -1，errno 为 fork 给出的 EAGAIN")
FL_MSG("a failed start to start nothing: p->pid stays 0, no child",
       "失败的启动不应启动任何东西：p->pid 保持为 0，没有子进程")
FL_MSG("p->pid is %d; the caller has %d child",
       "p->pid 为 %d；调用方有 %d 个子进程")
FL_MSG("p->pid is %d; the caller has %d children",
       "p->pid 为 %d；调用方有 %d 个子进程")
FL_MSG("calling proc_start again, fork working",
       "再次调用 proc_start（fork 已恢复正常）")
FL_MSG("the retried start to run the task once (exit code 6)",
       "重试的启动应让任务运行一次（退出码 6）")
FL_MSG("the task ran %d times; child %d has exit code %d",
       "任务运行了 %d 次；子进程 %d 的退出码是 %d")
FL_MSG("a child killed by signal N has exit code -N, and none before the join",
       "被信号 N 杀死的子进程退出码为 -N，join 之前则没有退出码")
FL_MSG("proc_exitcode of a proc never started to return 0 (Python's None)",
       "对从未启动的 proc，proc_exitcode 应返回 0（即 Python 的 None）")
FL_MSG("it returned 1 with code %d",
       "返回了 1，退出码为 %d")
FL_MSG("proc_exitcode to return 0 until the child is joined (given)",
       "子进程被 join 之前，proc_exitcode（现成的）应返回 0")
FL_MSG("it returned 1 with code %d for child %d, which was not joined yet",
       "返回了 1，退出码为 %d，而子进程 %d 还没有被 join")
FL_MSG("the exit code of a child killed by SIGKILL to be -9",
       "被 SIGKILL 杀死的子进程，退出码应为 -9")
FL_MSG("child %d %s; proc_exitcode gave %d",
       "子进程 %d %s；proc_exitcode 给出了 %d")
FL_MSG("a signal that interrupts proc_join does not end the wait: it returns once the "
       "child ended",
       "打断 proc_join 的信号不会结束等待：子进程结束后它才返回")
