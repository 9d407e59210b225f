/* 07-daemon: the texts of the lesson's checks in 简体中文, one FL_MSG(english, chinese)
 * each (see tools/messages.py). */

FL_MSG("the main process",
       "主进程")

FL_MSG("the main process to start its children and go on",
       "主进程应启动它的子进程，然后继续运行")

FL_MSG("main process %d %s inside proc_set_daemon or proc_start",
       "主进程 %d 在 proc_set_daemon 或 proc_start 里就结束了（%s）")
FL_MSG("waiting for the task of daemon %d to start",
       "等待守护进程 %d 的任务开始运行")
FL_MSG("waiting for the task of child %d to start",
       "等待子进程 %d 的任务开始运行")


FL_MSG("the task to start in the new process",
       "任务应在新进程里开始运行")
FL_MSG("daemon %d was gone before its task was ready to work",
       "守护进程 %d 在它的任务准备好开始工作之前就已经不在了")
FL_MSG("child %d was gone before its task was ready to work",
       "子进程 %d 在它的任务准备好开始工作之前就已经不在了")


FL_MSG("pipes for the check",
       "能为检查创建几个管道")

FL_MSG("starting the main process",
       "启动主进程")

FL_MSG("a main process for the check",
       "能为检查创建主进程")

FL_MSG("waiting for main process %d to start its children",
       "等待主进程 %d 启动它的子进程")

FL_MSG("proc_set_daemon before start to return 0",
       "启动之前调用 proc_set_daemon 应返回 0")

FL_MSG("in main process %d it returned %d (errno %d: %s)",
       "在主进程 %d 里，它返回了 %d（errno %d：%s）")

FL_MSG("proc_start to start the child",
       "proc_start 应启动子进程")
FL_MSG("in main process %d, proc_start for a daemon child returned %d with p->pid "
       "%d (errno %d: %s)",
       "在主进程 %d 里，"
       "为一个守护子进程调用的 proc_start 返回了 %d，"
       "p->pid 为 %d（errno %d：%s）")
FL_MSG("in main process %d, proc_start for a non-daemon child returned %d with "
       "p->pid %d (errno %d: %s)",
       "在主进程 %d 里，"
       "为一个非守护子进程调用的 proc_start 返回了 %d，"
       "p->pid 为 %d（errno %d：%s）")


FL_MSG("proc_main_exit to wait blocked (on a wait, or poll on pidfds)",
       "proc_main_exit 应阻塞着等待（在 wait 里，"
       "或在 pidfd 上 poll）")

FL_MSG("main process %d kept running inside proc_main_exit for 2 s without ever sleeping "
       "for a whole window: a loop that keeps looking (WNOHANG, a short sleep) burns a CPU; "
       "block until something happens",
       "主进程 %d 在 proc_main_exit 里持续运行了 2 s，"
       "没有一次在整个观察窗口内睡眠："
       "不停查看的循环（WNOHANG 加短暂的 sleep）会烧掉一个 CPU；要阻塞，"
       "直到有事发生")

FL_MSG("the daemon flag is set before start and refused after",
       "daemon 标志在启动之前设置，启动之后拒绝修改")

FL_MSG("calling proc_set_daemon(p, 0) before start",
       "启动之前调用 proc_set_daemon(p, 0)")

FL_MSG("calling proc_set_daemon(p, 1) on running child %d",
       "对正在运行的子进程 %d 调用 proc_set_daemon(p, 1)")

FL_MSG("calling proc_start again on running child %d",
       "对正在运行的子进程 %d 再次调用 proc_start")

FL_MSG("calling proc_set_daemon(NULL, 1)",
       "调用 proc_set_daemon(NULL, 1)")

FL_MSG("it returned %d (errno %d: %s); p->pid is %d (was %d); the task ran %d times",
       "它返回了 %d（errno %d：%s）；p->pid 为 %d（原来是 %d）；"
       "任务运行了 %d 次")

FL_MSG("proc_set_daemon(NULL, 1) to fail with EINVAL",
       "proc_set_daemon(NULL, 1) 应以 EINVAL 失败")

FL_MSG("proc_set_daemon after start to fail with EBUSY",
       "启动之后调用 proc_set_daemon 应以 EBUSY 失败")

FL_MSG("child %d was already running and proc_set_daemon returned %d (errno %d: %s): the "
       "child was started as a non-daemon, and changing the flag now would not change how "
       "it was started",
       "子进程 %d 已经在运行，"
       "而 proc_set_daemon 返回了 %d（errno %d：%s）："
       "这个子进程是作为非守护进程启动的，现在改标志也改变不了它当初的启动方式")

FL_MSG("a refused proc_set_daemon to leave the flag as it was",
       "被拒绝的 proc_set_daemon 应让标志保持原样")

FL_MSG("p->daemon is %d after the refused call",
       "被拒绝的调用之后，p->daemon 为 %d")

FL_MSG("daemon %d got no SIGTERM from proc_main_exit; the check ended it itself",
       "守护进程 %d 没有从 proc_main_exit 收到 SIGTERM；"
       "是检查程序自己结束了它")

FL_MSG("proc_main_exit to send SIGTERM to every daemon child before it joins any",
       "proc_main_exit 应先向每个守护子进程发送 SIGTERM，"
       "再去 join 任何子进程")

FL_MSG("main process %d is blocked inside proc_main_exit, and daemon %d never got SIGTERM: "
       "it would wait for the daemon for ever",
       "主进程 %d 阻塞在 proc_main_exit 里，"
       "而守护进程 %d 从没收到 SIGTERM：它会永远等着这个守护进程")

FL_MSG("proc_main_exit to end daemon children with SIGTERM",
       "proc_main_exit 应用 SIGTERM 结束守护子进程")

FL_MSG("daemon %d ended without a SIGTERM (it held SIGTERM blocked, so only a signal that "
       "cannot be blocked, SIGKILL, ends it): use proc_terminate",
       "守护进程 %d 不是因 SIGTERM 结束的（它屏蔽着 SIGTERM，"
       "所以只有不能被屏蔽的信号 SIGKILL 才能结束它）："
       "要用 proc_terminate")

FL_MSG("main process %d is in proc_main_exit; waiting for it to wait for a child",
       "主进程 %d 在 proc_main_exit 里；等它开始等待某个子进程")

FL_MSG("proc_main_exit to join every child before the main process ends",
       "主进程结束之前，proc_main_exit 应 join 每个子进程")

FL_MSG("main process %d ended without waiting for any child, while daemon %d and child %d "
       "still ran",
       "主进程 %d 没有等待任何子进程就结束了，而守护进程 %d 和子进程 %d 还在运行")

FL_MSG("letting daemon %d take its pending SIGTERM",
       "让守护进程 %d 接收它挂起的 SIGTERM")

FL_MSG("main process %d is in proc_main_exit; waiting for it to wait for child %d",
       "主进程 %d 在 proc_main_exit 里；等它开始等待子进程 %d")

FL_MSG("letting child %d finish its work",
       "让子进程 %d 完成它的工作")

FL_MSG("waiting for main process %d to end",
       "等待主进程 %d 结束")

FL_MSG("proc_main_exit ends daemon children with SIGTERM first",
       "proc_main_exit 先用 SIGTERM 结束守护子进程")

FL_MSG("daemon child to receive SIGTERM from the main process",
       "守护子进程应收到主进程发来的 SIGTERM")
FL_MSG("daemon %d got SIGTERM from another process",
       "守护进程 %d 收到了另一个进程发来的 SIGTERM")
FL_MSG("daemon %d ended without SIGTERM",
       "守护进程 %d 没有收到 SIGTERM 就结束了")

FL_MSG("daemon %d %s",
       "守护进程 %d：%s")

FL_MSG("the daemon's work after the main process ended never to happen",
       "主进程结束之后，守护进程不应再继续工作")

FL_MSG("daemon %d went on working after proc_main_exit",
       "proc_main_exit 之后，守护进程 %d 还在继续工作")

FL_MSG("proc_main_exit to join the daemon with proc_join (p->ended 1)",
       "proc_main_exit 应用 proc_join 来 join 守护进程（p->ended 为 1）")

FL_MSG("in main process %d, daemon %d has ended but its struct proc says ended 0: "
       "proc_terminate would still signal its pid, which the kernel may reuse",
       "在主进程 %d 里，守护进程 %d 已经结束，"
       "可它的 struct proc 里 ended 为 0："
       "proc_terminate 仍会向它的 pid 发信号，"
       "而内核可能已经把这个 pid 分给了别的进程")

FL_MSG("the daemon's exit code to be -15 (-N for a child killed by signal N)",
       "守护进程的退出码应为 -15（被信号 N 杀死的子进程记为 -N）")

FL_MSG("in main process %d, daemon %d died of SIGTERM and its struct proc says exitcode %d",
       "在主进程 %d 里，守护进程 %d 死于 SIGTERM，"
       "而它的 struct proc 里 exitcode 为 %d")

FL_MSG("proc_main_exit waits for non-daemon children to finish",
       "proc_main_exit 等待非守护子进程完成")

FL_MSG("proc_main_exit to join non-daemon children, so their work completes",
       "proc_main_exit 应 join 非守护子进程，让它们的工作完成")

FL_MSG("main process %d ended while its non-daemon child %d was still working: "
       "proc_main_exit returned without joining it",
       "主进程 %d 结束时，它的非守护子进程 %d 还在工作："
       "proc_main_exit 没有 join 它就返回了")

FL_MSG("the non-daemon child's work to complete",
       "非守护子进程的工作应完成")

FL_MSG("child %d never finished its task",
       "子进程 %d 始终没有完成它的任务")

FL_MSG("the main process itself to reap its non-daemon child",
       "主进程应自己回收它的非守护子进程")

FL_MSG("child %d was still there when main process %d had ended",
       "子进程 %d 在主进程 %d 结束时仍然存在")

FL_MSG("proc_main_exit to return 0",
       "proc_main_exit 应返回 0")

FL_MSG("proc_main_exit to join the child with proc_join: p->ended 1, p->exitcode 0",
       "proc_main_exit 应用 proc_join 来 join 子进程："
       "p->ended 为 1，p->exitcode 为 0")

FL_MSG("in main process %d, child %d ended after its task returned 0, and its struct proc "
       "says ended %d, exitcode %d",
       "在主进程 %d 里，子进程 %d 在任务返回 0 之后结束了，"
       "它的 struct proc 里 ended 为 %d，exitcode 为 %d")

FL_MSG("proc_main_exit kills a daemon that ignores SIGTERM after PROC_GRACE_MS, not sooner, "
       "not later",
       "对忽略 SIGTERM 的守护进程，"
       "proc_main_exit 在 PROC_GRACE_MS 之后杀掉它，不早也不晚")

FL_MSG("a pidfd for the daemon (the check needs one)",
       "能为守护进程打开一个 pidfd（检查需要它）")

FL_MSG("pidfd_open(%d): %s",
       "pidfd_open(%d)：%s")

FL_MSG("waiting for daemon %d (it ignores SIGTERM) to get its SIGTERM",
       "等待守护进程 %d（它忽略 SIGTERM）收到 SIGTERM")

FL_MSG("proc_main_exit to send SIGTERM to every daemon child",
       "proc_main_exit 应向每个守护子进程发送 SIGTERM")

FL_MSG("daemon %d got no SIGTERM within 2 s of main process %d calling proc_main_exit",
       "守护进程 %d 在主进程 %d 调用 proc_main_exit 之后 2 s 内都没有收到 SIGTERM")

FL_MSG("checking that main process %d is blocked during the grace",
       "确认主进程 %d 在宽限期内处于阻塞状态")

FL_MSG("waiting 0.6 of PROC_GRACE_MS on daemon %d's pidfd",
       "在守护进程 %d 的 pidfd 上等待 PROC_GRACE_MS 的 0.6 倍")

FL_MSG("waiting for daemon %d to be killed",
       "等待守护进程 %d 被杀死")

FL_MSG("a daemon that ignores SIGTERM to be killed with SIGKILL once the grace is over",
       "宽限期一过，忽略 SIGTERM 的守护进程就应被 SIGKILL 杀死")

FL_MSG("daemon %d ignored its SIGTERM and was still alive %.1f s after it: proc_main_exit "
       "must send SIGKILL after PROC_GRACE_MS (%d ms)",
       "守护进程 %d 忽略了它的 SIGTERM，收到之后过了 %.1f s 仍然活着："
       "proc_main_exit 必须在 PROC_GRACE_MS（%d ms）之后发送 SIGKILL")

FL_MSG("the daemon to get the whole grace (PROC_GRACE_MS) after its SIGTERM before any "
       "SIGKILL",
       "守护进程收到 SIGTERM 之后，应先得到完整的宽限期（PROC_GRACE_MS），"
       "然后才会有 SIGKILL")

FL_MSG("daemon %d died %.0f ms after its SIGTERM; PROC_GRACE_MS is %d",
       "守护进程 %d 在收到 SIGTERM 之后 %.0f ms 就死了；"
       "PROC_GRACE_MS 是 %d")

FL_MSG("the SIGKILL to come when the grace is over, counted from the SIGTERM: other "
       "children ending meanwhile do not restart the clock",
       "SIGKILL 应在宽限期结束时到来，宽限期从 SIGTERM 算起："
       "期间其他子进程结束，并不会让计时重新开始")

FL_MSG("daemon %d died %.0f ms after its SIGTERM (PROC_GRACE_MS is %d; a daemon and a child "
       "ended at %.0f ms): the wait started again after a wake-up",
       "守护进程 %d 在收到 SIGTERM 之后 %.0f ms 才死（PROC_GRACE_MS 是 %d；"
       "另一个守护进程和一个子进程在 %.0f ms 时结束）：被唤醒之后，等待又从头开始了")

FL_MSG("main process to be blocked while it waits out the grace",
       "主进程在等待宽限期过去时应处于阻塞状态")

FL_MSG("main process %d ran during a 0.1 s window of the grace: a polling loop (WNOHANG and "
       "a short sleep) instead of a blocking wait with a timeout",
       "主进程 %d 在宽限期内的一个 0.1 s 窗口里一直在运行："
       "这是轮询循环（WNOHANG 加短暂的 sleep），而不是带超时的阻塞等待")

FL_MSG("proc_main_exit to return 1: one daemon had to be killed with SIGKILL",
       "proc_main_exit 应返回 1：有一个守护进程不得不用 SIGKILL 杀掉")

FL_MSG("every struct proc joined: the killed daemon -9, the other daemon -15, the child 0",
       "每个 struct proc 都已 join：被杀掉的守护进程为 -9，"
       "另一个守护进程为 -15，子进程为 0")

FL_MSG("ended/exitcode: daemon %d %d/%d, daemon %d %d/%d, child %d %d/%d",
       "ended/exitcode：守护进程 %d %d/%d，守护进程 %d %d/%d，"
       "子进程 %d %d/%d")

FL_MSG("proc_start refuses with EAGAIN once its list of children is full",
       "子进程列表满了之后，proc_start 以 EAGAIN 拒绝")

FL_MSG("calling proc_start for child %d of %d",
       "为第 %d 个子进程（共 %d 个）调用 proc_start")

FL_MSG("proc_start to start up to PROC_MAX_CHILDREN children",
       "proc_start 应能启动最多 PROC_MAX_CHILDREN 个子进程")

FL_MSG("proc_start for child %d returned %d (errno %d: %s)",
       "第 %d 个子进程的 proc_start 返回了 %d（errno %d：%s）")

FL_MSG("calling proc_start with %d children started and none joined",
       "在已启动 %d 个子进程、一个都没有 join 的情况下调用 proc_start")

FL_MSG("the child started beyond the list",
       "超出列表容量启动的子进程")

FL_MSG("calling proc_main_exit to join the %d children",
       "调用 proc_main_exit 来 join 这 %d 个子进程")

FL_MSG("proc_start to fail with EAGAIN when PROC_MAX_CHILDREN children are not joined",
       "有 PROC_MAX_CHILDREN 个子进程尚未 join 时，"
       "proc_start 应以 EAGAIN 失败")

FL_MSG("it returned %d (errno %d: %s): a child the list cannot hold would never be joined "
       "by proc_main_exit (or would be written past the end of the list)",
       "它返回了 %d（errno %d：%s）："
       "列表装不下的子进程永远不会被 proc_main_exit join（或者会被写到列表末尾之外）")

FL_MSG("proc_main_exit to join every child and return 0",
       "proc_main_exit 应 join 每个子进程并返回 0")

FL_MSG("proc_main_exit to join every child it started",
       "proc_main_exit 应 join 启动过的每个子进程")

FL_MSG("child %d (number %d of %d) was not reaped",
       "子进程 %d（第 %d 个，共 %d 个）没有被回收")
FL_MSG("calling proc_start for child %d of %d (none joined)",
       "为第 %d 个子进程（共 %d 个）调用 proc_start（还没有 join 任何一个）")
FL_MSG("calling proc_start for child %d of %d before proc_main_exit",
       "在 proc_main_exit 之前，"
       "为第 %d 个子进程（共 %d 个）调用 proc_start")
FL_MSG("calling proc_start for child %d of %d after proc_main_exit had joined the "
       "first ones (its list must be empty again)",
       "为第 %d 个子进程（共 %d 个）调用 proc_start，"
       "此时 proc_main_exit 已经 join 了前面那些（它的列表必须重新为空）")


FL_MSG("proc_start to start up to PROC_MAX_CHILDREN children not yet joined",
       "proc_start 应能启动最多 PROC_MAX_CHILDREN 个尚未 join 的子进程")
FL_MSG("proc_start for child %d (none joined) returned %d (errno %d: %s)",
       "第 %d 个子进程的 proc_start（还没有 join 任何一个）返回了 %d（errno %d：%s）")
FL_MSG("proc_start for child %d before proc_main_exit returned %d (errno %d: %s)",
       "在 proc_main_exit 之前，"
       "第 %d 个子进程的 proc_start 返回了 %d（errno %d：%s）")
FL_MSG("proc_start for child %d after proc_main_exit had joined the first ones (its "
       "list must be empty again) returned %d (errno %d: %s)",
       "proc_main_exit 已经 join 了前面那些之后（它的列表必须重新为空），"
       "第 %d 个子进程的 proc_start 返回了 %d（errno %d：%s）")


FL_MSG("a joined child no longer counts against PROC_MAX_CHILDREN",
       "已 join 的子进程不再计入 PROC_MAX_CHILDREN")

FL_MSG("proc_join to join a child of the list",
       "proc_join 应能 join 列表里的一个子进程")

FL_MSG("proc_join(child %d) failed: %s",
       "对子进程 %d 的 proc_join 失败：%s")

FL_MSG("calling proc_start with %d children started, one of them joined",
       "在已启动 %d 个子进程、其中一个已经 join 的情况下调用 proc_start")

FL_MSG("proc_start to succeed: EAGAIN only while PROC_MAX_CHILDREN children are started and "
       "not joined",
       "proc_start 应成功："
       "只有当 PROC_MAX_CHILDREN 个子进程都已启动且未 join 时才是 EAGAIN")

FL_MSG("with %d children started and child %d already joined, proc_start returned %d (errno "
       "%d: %s): a joined child must leave the list",
       "已启动 %d 个子进程、子进程 %d 已经 join 的情况下，"
       "proc_start 返回了 %d（errno %d：%s）："
       "已 join 的子进程必须离开列表")

FL_MSG("a process for the check",
       "能为检查创建一个进程")

FL_MSG("the check's stand-in process",
       "检查程序的替身进程")

FL_MSG("proc_main_exit to leave alone every process it no longer owns: a pid it reaped may "
       "already name another process",
       "proc_main_exit 不应去碰任何已不属于它的进程："
       "它回收过的 pid 可能已经指向另一个进程")
FL_MSG("%s: process %d (standing in for a process that reused that pid) was reaped by it",
       "%s：进程 %d（代表重新用上那个 pid 的进程）被它回收了")
FL_MSG("%s: process %d (standing in for a process that reused that pid) was killed",
       "%s：进程 %d（代表重新用上那个 pid 的进程）被杀死了")
FL_MSG("%s: process %d (standing in for a process that reused that pid) was sent SIGTERM",
       "%s："
       "进程 %d（代表重新用上那个 pid 的进程）收到了 SIGTERM")
FL_MSG("%s: process %d (standing in for a process that reused that pid) was signalled",
       "%s：进程 %d（代表重新用上那个 pid 的进程）收到了信号")


FL_MSG("after proc_main_exit the process keeps track of no child",
       "proc_main_exit 之后，进程不再记着任何子进程")

FL_MSG("calling proc_main_exit for the first %d children",
       "为前 %d 个子进程调用 proc_main_exit")

FL_MSG("calling proc_main_exit for the next %d children",
       "为接下来的 %d 个子进程调用 proc_main_exit")

FL_MSG("a second proc_main_exit to join the new children and return 0",
       "第二次 proc_main_exit 应 join 新的子进程并返回 0")

FL_MSG("proc_main_exit to join every child started since the last one",
       "proc_main_exit 应 join 上一次之后启动的每个子进程")

FL_MSG("child %d was not joined (its struct proc says ended 0)",
       "子进程 %d 没有被 join（它的 struct proc 里 ended 为 0）")

FL_MSG("proc_main_exit never signals a daemon it already reaped",
       "proc_main_exit 绝不向已经回收的守护进程发信号")

FL_MSG("proc_set_daemon and proc_start to work",
       "proc_set_daemon 和 proc_start 应能成功")

FL_MSG("one failed: %s",
       "其中一个失败了：%s")

FL_MSG("joining daemon %d before proc_main_exit",
       "在 proc_main_exit 之前 join 守护进程 %d")

FL_MSG("proc_join to join the daemon",
       "proc_join 应能 join 守护进程")

FL_MSG("proc_join(daemon %d) failed: %s",
       "对守护进程 %d 的 proc_join 失败：%s")

FL_MSG("calling proc_main_exit with daemon %d already joined",
       "在守护进程 %d 已经 join 的情况下调用 proc_main_exit")

FL_MSG("proc_main_exit to join the other child and return 0",
       "proc_main_exit 应 join 另一个子进程并返回 0")

FL_MSG("proc_main_exit reports the first failed join and still joins the others",
       "proc_main_exit 报告第一个失败的 join，并照样 join 其余子进程")

FL_MSG("proc_start to start a child",
       "proc_start 应启动一个子进程")

FL_MSG("reaping child %d as the check, before proc_main_exit",
       "在 proc_main_exit 之前，由检查程序回收子进程 %d")

FL_MSG("the middle child",
       "中间那个子进程")

FL_MSG("calling proc_main_exit with child %d already reaped elsewhere",
       "在子进程 %d 已在别处被回收的情况下调用 proc_main_exit")

FL_MSG("proc_main_exit to return -1 with the errno of the join that failed (ECHILD)",
       "proc_main_exit 应返回 -1，"
       "errno 为失败的那次 join 的 errno（ECHILD）")

FL_MSG("with child %d reaped elsewhere, it returned %d (errno %d: %s)",
       "子进程 %d 已在别处被回收，它返回了 %d（errno %d：%s）")

FL_MSG("proc_main_exit to go on joining the other children after a failed join",
       "一次 join 失败之后，proc_main_exit 应继续 join 其他子进程")
FL_MSG("child %d was left a zombie after the join of child %d failed",
       "子进程 %d 被留成了僵尸进程，"
       "而此前对子进程 %d 的 join 失败了")
FL_MSG("child %d was left reaped but not recorded (ended 0) after the join of child %d failed",
       "子进程 %d 已被回收却没有记录（ended 为 0），"
       "而此前对子进程 %d 的 join 失败了")


FL_MSG("a daemon child dies when its main process is killed with SIGKILL",
       "主进程被 SIGKILL 杀死时，守护子进程随之死去")

FL_MSG("the daemon's parent to be the main process that started it",
       "守护进程的父进程应是启动它的主进程")

FL_MSG("daemon %d has parent %d; the main process is %d",
       "守护进程 %d 的父进程是 %d；主进程是 %d")

FL_MSG("the daemon child to ask the kernel for SIGKILL when its parent dies "
       "(prctl(PR_SET_PDEATHSIG, SIGKILL) in the child)",
       "守护子进程应请求内核在父进程死亡时给它发 SIGKILL（在子进程里调用 prctl(PR_SET_PDEATHSIG, SIGKILL)）")

FL_MSG("prctl(PR_GET_PDEATHSIG) in daemon %d says %d (%s): nothing would end it when main "
       "process %d is killed",
       "守护进程 %d 里的 prctl(PR_GET_PDEATHSIG) 给出 %d（%s）："
       "主进程 %d 被杀死时，没有什么会结束它")
FL_MSG("prctl(PR_GET_PDEATHSIG) in daemon %d says %d (none): nothing would end it "
       "when main process %d is killed",
       "守护进程 %d 里的 prctl(PR_GET_PDEATHSIG) 给出 %d（没有设置）："
       "主进程 %d 被杀死时，没有什么会结束它")

FL_MSG("killing main process %d with SIGKILL",
       "用 SIGKILL 杀死主进程 %d")

FL_MSG("waiting for daemon %d to die after its main process %d was killed",
       "等待守护进程 %d 在它的主进程 %d 被杀死后死去")

FL_MSG("the daemon to die without working on",
       "守护进程应直接死去，不再继续工作")

FL_MSG("daemon %d went on working after its main process was killed",
       "主进程被杀死之后，守护进程 %d 还在继续工作")

FL_MSG("the main process to be the caller's child",
       "主进程应是调用方的子进程")

FL_MSG("waitpid(%d): %s",
       "waitpid(%d)：%s")

FL_MSG("the main process to start a daemon child",
       "主进程应启动一个守护子进程")

FL_MSG("a pipe for the check",
       "能为检查创建管道")

FL_MSG("this check needs ptrace, which this machine refuses (%s)",
       "这项检查需要 ptrace，而这台机器不允许使用（%s）")

FL_MSG("a daemon whose parent died before PR_SET_PDEATHSIG ends itself",
       "父进程在 PR_SET_PDEATHSIG 之前就死了的守护进程，会自己结束")

FL_MSG("waiting for main process %d to fork in proc_start",
       "等待主进程 %d 在 proc_start 里 fork")

FL_MSG("proc_start to fork a daemon child",
       "proc_start 应 fork 出一个守护子进程")

FL_MSG("in main process %d, proc_start returned %d without forking (errno %d: %s)",
       "在主进程 %d 里，"
       "proc_start 没有 fork 就返回了 %d（errno %d：%s）")

FL_MSG("holding daemon %d before its first instruction",
       "在守护进程 %d 执行第一条指令之前拦住它")

FL_MSG("killing main process %d while its daemon %d is held",
       "杀死主进程 %d，此时它的守护进程 %d 正被拦住")

FL_MSG("letting daemon %d run: its parent %d is dead already",
       "让守护进程 %d 运行：它的父进程 %d 已经死了")

FL_MSG("the orphaned daemon, adopted by the caller",
       "成了孤儿、被调用方收养的守护进程")

FL_MSG("a daemon whose parent is already gone to end before its task runs",
       "父进程已经不在的守护进程，应在任务运行之前就结束")

FL_MSG("main process %d died before daemon %d could call prctl(PR_SET_PDEATHSIG); the "
       "kernel will never send that signal, and daemon %d ran its task (its parent is now "
       "%d, the caller, a subreaper: not 1): after prctl, compare getppid() with the "
       "parent's pid saved before fork, never with 1",
       "主进程 %d 在守护进程 %d 调用 prctl(PR_SET_PDEATHSIG) 之前就死了；"
       "内核永远不会发那个信号，于是守护进程 %d 运行了它的任务（它现在的父进程是 %d，"
       "即调用方，一个 subreaper：不是 1）：prctl 之后，"
       "要把 getppid() 和 fork 之前保存的父进程 pid 比较，"
       "绝不要和 1 比较")

FL_MSG("a non-daemon child outlives its killed main process",
       "非守护子进程在主进程被杀死后继续存活")

FL_MSG("a non-daemon child to have no parent-death signal",
       "非守护子进程不应设置父进程死亡信号")

FL_MSG("prctl(PR_GET_PDEATHSIG) in non-daemon child %d says %d (%s): it would die with its "
       "parent; only daemon children should",
       "非守护子进程 %d 里的 prctl(PR_GET_PDEATHSIG) 给出 %d（%s）："
       "它会随父进程一起死；只有守护子进程才应如此")

FL_MSG("the non-daemon child to keep running after its parent died",
       "父进程死后，非守护子进程应继续运行")
FL_MSG("child %d is dead",
       "子进程 %d 已经死了")
FL_MSG("child %d is gone",
       "子进程 %d 已经不在了")

FL_MSG("the orphan to be adopted by the nearest subreaper (lesson 06)",
       "孤儿进程应被最近的 subreaper 收养（第 06 课）")

FL_MSG("child %d has parent %d; the harness's init is %d",
       "子进程 %d 的父进程是 %d；检查框架的 init 进程是 %d")

FL_MSG("letting orphan %d finish its work",
       "让孤儿进程 %d 完成它的工作")

FL_MSG("the orphan to finish its work",
       "孤儿进程应完成它的工作")

FL_MSG("child %d never finished",
       "子进程 %d 始终没有完成")

FL_MSG("a daemon child cannot start children: an error, not a crash",
       "守护子进程不能启动子进程：这是一个错误，而不是崩溃")

FL_MSG("calling proc_set_daemon(p, 1)",
       "调用 proc_set_daemon(p, 1)")

FL_MSG("proc_set_daemon before start to return 0 and set p->daemon",
       "启动之前调用 proc_set_daemon 应返回 0 并设置 p->daemon")

FL_MSG("it returned %d and p->daemon is %d (errno %d: %s)",
       "它返回了 %d，p->daemon 为 %d（errno %d：%s）")

FL_MSG("calling proc_start for a daemon whose task calls proc_start",
       "为一个任务里会调用 proc_start 的守护进程调用 proc_start")

FL_MSG("proc_start to start the daemon child",
       "proc_start 应启动守护子进程")

FL_MSG("waiting for daemon %d to end",
       "等待守护进程 %d 结束")

FL_MSG("the daemon child",
       "守护子进程")

FL_MSG("the daemon to survive its attempt to start a child",
       "守护进程试图启动子进程时，自己不应因此死掉")

FL_MSG("proc_start in a daemon child to fail with EPERM",
       "在守护子进程里，proc_start 应以 EPERM 失败")
FL_MSG("in daemon %d, proc_start returned %d (errno %d: %s) and the task ran in a grandchild",
       "在守护进程 %d 里，"
       "proc_start 返回了 %d（errno %d：%s），"
       "而且任务在一个孙进程里运行了")
FL_MSG("in daemon %d, proc_start returned %d (errno %d: %s)",
       "在守护进程 %d 里，"
       "proc_start 返回了 %d（errno %d：%s）")


FL_MSG("no process to be started by a daemon",
       "守护进程不应启动任何进程")

FL_MSG("the task ran in pid %d, a child of daemon %d",
       "任务在 pid %d 里运行了，那是守护进程 %d 的子进程")

FL_MSG("a child's proc_main_exit leaves its parent's children alone",
       "子进程里的 proc_main_exit 不去碰父进程的子进程")

FL_MSG("waiting for child %d, which calls proc_main_exit, to end",
       "等待会调用 proc_main_exit 的子进程 %d 结束")

FL_MSG("letting main process %d end",
       "让主进程 %d 结束")

FL_MSG("proc_main_exit in a child to touch only that child's own children",
       "子进程里的 proc_main_exit 应只处理这个子进程自己的子进程")
FL_MSG("child %d called proc_main_exit, and daemon %d -- its sibling, started by "
       "main process %d before it -- got SIGTERM from it: fork copied the main "
       "process's list of children into the child; the child must start with an empty one",
       "子进程 %d 调用了 proc_main_exit，"
       "而守护进程 %d（它的兄弟进程，"
       "由主进程 %d 在它之前启动）收到了它发来的 SIGTERM："
       "fork 把主进程的子进程列表复制到了子进程里，"
       "子进程必须从空列表开始")
FL_MSG("child %d called proc_main_exit, and daemon %d -- its sibling, started by "
       "main process %d before it -- ended: fork copied the main process's list of "
       "children into the child; the child must start with an empty one",
       "子进程 %d 调用了 proc_main_exit，"
       "而守护进程 %d（它的兄弟进程，"
       "由主进程 %d 在它之前启动）已经结束了："
       "fork 把主进程的子进程列表复制到了子进程里，"
       "子进程必须从空列表开始")


FL_MSG("proc_main_exit in a child without children to return 0",
       "在没有子进程的子进程里，proc_main_exit 应返回 0")

FL_MSG("in child %d it returned %d (errno %d: %s)",
       "在子进程 %d 里，它返回了 %d（errno %d：%s）")

FL_MSG("a proc_start whose fork fails returns fork's errno and leaves nothing to join",
       "fork 失败的 proc_start 返回 fork 的 errno，"
       "不留下任何需要 join 的东西")

FL_MSG("calling proc_start while fork fails with EAGAIN",
       "在 fork 以 EAGAIN 失败时调用 proc_start")

FL_MSG("a child started although fork failed",
       "fork 失败却仍被启动的子进程")

FL_MSG("proc_start to return -1 with fork's errno (EAGAIN) and p->pid still 0",
       "proc_start 应返回 -1 并保留 fork 的 errno（EAGAIN），"
       "p->pid 仍为 0")

FL_MSG("it returned %d (errno %d: %s) with p->pid %d; %d child(ren) exist, the task ran %d "
       "time(s)",
       "它返回了 %d（errno %d：%s），p->pid 为 %d；存在 %d 个子进程，"
       "任务运行了 %d 次")

FL_MSG("calling proc_main_exit after the failed start",
       "启动失败之后调用 proc_main_exit")

FL_MSG("proc_main_exit to return 0: a proc whose fork failed is not one of the process's "
       "children",
       "proc_main_exit 应返回 0："
       "fork 失败的 proc 不是这个进程的子进程")

FL_MSG("it returned %d (errno %d: %s): the failed proc was kept in the list of children and "
       "proc_main_exit tried to join it",
       "它返回了 %d（errno %d：%s）：启动失败的 proc 被留在了子进程列表里，"
       "proc_main_exit 试图 join 它")

FL_MSG("calling proc_start again on the same proc, fork working again",
       "fork 恢复正常后，对同一个 proc 再次调用 proc_start")

FL_MSG("the proc to be startable once fork works again (it was never started)",
       "fork 恢复正常后，这个 proc 应能启动（它从未启动过）")

FL_MSG("proc_start returned %d with p->pid %d (errno %d: %s)",
       "proc_start 返回了 %d，p->pid 为 %d（errno %d：%s）")

FL_MSG("calling proc_main_exit to join child %d",
       "调用 proc_main_exit 来 join 子进程 %d")

FL_MSG("proc_main_exit to join the child and return 0",
       "proc_main_exit 应 join 子进程并返回 0")

FL_MSG("it returned %d (errno %d: %s); child %d ended %d",
       "它返回了 %d（errno %d：%s）；子进程 %d 的 ended 为 %d")

FL_MSG("a proc never started or without a task is refused with EINVAL, never signalled",
       "从未启动或没有任务的 proc 以 EINVAL 拒绝，绝不向它发信号")

FL_MSG("calling proc_start(NULL)",
       "调用 proc_start(NULL)")

FL_MSG("proc_start(NULL) to fail with EINVAL",
       "proc_start(NULL) 应以 EINVAL 失败")

FL_MSG("calling proc_start on a proc whose task is NULL",
       "对任务为 NULL 的 proc 调用 proc_start")

FL_MSG("a child started without a task",
       "没有任务却被启动的子进程")

FL_MSG("proc_start on a proc without a task to fail with EINVAL and start nothing",
       "对没有任务的 proc，proc_start 应以 EINVAL 失败，且什么也不启动")

FL_MSG("it returned %d (errno %d: %s) with p->pid %d and %d child(ren)",
       "它返回了 %d（errno %d：%s），p->pid 为 %d，有 %d 个子进程")

FL_MSG("calling proc_terminate on the proc never started (p->pid 0)",
       "对从未启动的 proc（p->pid 为 0）调用 proc_terminate")

FL_MSG("calling proc_join on the proc never started (p->pid 0)",
       "对从未启动的 proc（p->pid 为 0）调用 proc_join")

FL_MSG("proc_terminate on a proc never started to fail with EINVAL",
       "对从未启动的 proc，proc_terminate 应以 EINVAL 失败")

FL_MSG("it returned %d (errno %d: %s): kill(0, SIGTERM) would signal the whole process group",
       "它返回了 %d（errno %d：%s）："
       "kill(0, SIGTERM) 会向整个进程组发信号")

FL_MSG("proc_join on a proc never started to fail with EINVAL",
       "对从未启动的 proc，proc_join 应以 EINVAL 失败")

FL_MSG("it returned %d (errno %d: %s), p->ended %d: waitpid(0, ...) waits for any child of "
       "the group",
       "它返回了 %d（errno %d：%s），p->ended 为 %d："
       "waitpid(0, ...) 会等待同一进程组里的任意子进程")

FL_MSG("calling proc_main_exit after the refused starts",
       "在启动被拒绝之后调用 proc_main_exit")

FL_MSG("proc_main_exit to return 0: nothing was started",
       "proc_main_exit 应返回 0：什么也没有启动")

FL_MSG("it returned %d (errno %d: %s): a refused proc was kept in the list",
       "它返回了 %d（errno %d：%s）：被拒绝的 proc 被留在了列表里")

FL_MSG("proc_main_exit ends its daemons even when descriptors run short",
       "即使文件描述符不够用，proc_main_exit 也会结束它的守护进程")

FL_MSG("it failed: %s",
       "它失败了：%s")

FL_MSG("proc_start to start the daemon",
       "proc_start 应启动守护进程")

FL_MSG("waiting for daemons %d, %d and %d to be ready",
       "等待守护进程 %d、%d 和 %d 就绪")

FL_MSG("calling proc_main_exit with one descriptor free (one pidfd at most)",
       "在只有一个空闲文件描述符（最多一个 pidfd）时调用 proc_main_exit")

FL_MSG("a daemon",
       "守护进程")

FL_MSG("proc_main_exit to join every daemon it started",
       "proc_main_exit 应 join 它启动的每个守护进程")

FL_MSG("it returned %d (errno %d: %s) and daemon %d was not reaped",
       "它返回了 %d（errno %d：%s），而守护进程 %d 没有被回收")

FL_MSG("with too few descriptors for a pidfd each, the daemons that ignore SIGTERM to be "
       "killed (-9) and the one that dies of SIGTERM to end by it (-15)",
       "文件描述符不够每个守护进程一个 pidfd 时，"
       "忽略 SIGTERM 的守护进程应被杀掉（-9），"
       "会死于 SIGTERM 的那个应因 SIGTERM 结束（-15）")

FL_MSG("daemon %d: ended %d, exitcode %d; daemon %d: ended %d, exitcode %d; daemon %d: "
       "ended %d, exitcode %d",
       "守护进程 %d：ended %d，exitcode %d；守护进程 %d："
       "ended %d，exitcode %d；守护进程 %d：ended %d，"
       "exitcode %d")

FL_MSG("the daemons that ignore SIGTERM to get the whole grace first",
       "忽略 SIGTERM 的守护进程应先得到完整的宽限期")

FL_MSG("they were killed %.0f ms after proc_main_exit began; PROC_GRACE_MS is %d",
       "它们在 proc_main_exit 开始后 %.0f ms 就被杀掉了；"
       "PROC_GRACE_MS 是 %d")

FL_MSG("proc_main_exit to return 2: two daemons killed; a pidfd it cannot open is no error, "
       "and the daemon that died of SIGTERM was not killed",
       "proc_main_exit 应返回 2：杀掉了两个守护进程；"
       "打不开 pidfd 不算错误，而死于 SIGTERM 的那个守护进程不算被杀掉的")

FL_MSG("a signal during the grace neither cuts it short nor ends proc_main_exit",
       "宽限期内来的信号既不会缩短宽限期，也不会让 proc_main_exit 结束")

FL_MSG("waiting for daemon %d (it ignores SIGTERM) to be ready",
       "等待守护进程 %d（它忽略 SIGTERM）就绪")

FL_MSG("calling proc_main_exit; SIGUSR1 (a handler without SA_RESTART) comes once the "
       "caller is blocked in the grace",
       "调用 proc_main_exit；调用方在宽限期内一阻塞，"
       "SIGUSR1（处理函数不带 SA_RESTART）就会到来")

FL_MSG("proc_main_exit to go on after a signal and join the daemon",
       "收到信号后，proc_main_exit 应继续下去并 join 守护进程")

FL_MSG("after %d signal(s) it returned %d (errno %d: %s) with daemon %d still there",
       "收到 %d 个信号之后，它返回了 %d（errno %d：%s），而守护进程 %d 还在")

FL_MSG("SIGUSR1 to reach the caller while proc_main_exit waited",
       "proc_main_exit 等待期间，SIGUSR1 应送达调用方")

FL_MSG("the daemon to get the whole grace (PROC_GRACE_MS) although a signal woke the "
       "caller: an interrupted wait (EINTR) is resumed for the time left",
       "即使有信号唤醒了调用方，守护进程也应得到完整的宽限期（PROC_GRACE_MS）："
       "被打断的等待（EINTR）要用剩余的时间继续等")

FL_MSG("daemon %d was killed %.0f ms after proc_main_exit began; PROC_GRACE_MS is %d",
       "守护进程 %d 在 proc_main_exit 开始后 %.0f ms 就被杀掉了；"
       "PROC_GRACE_MS 是 %d")

FL_MSG("proc_main_exit to return 1 with the daemon killed by SIGKILL (exitcode -9)",
       "proc_main_exit 应返回 1，"
       "守护进程被 SIGKILL 杀死（exitcode -9）")

FL_MSG("it returned %d (errno %d: %s); daemon %d: ended %d, exitcode %d",
       "它返回了 %d（errno %d：%s）；守护进程 %d：ended %d，"
       "exitcode %d")

FL_MSG("a signal while proc_main_exit joins a child does not end the join",
       "proc_main_exit join 子进程时来的信号不会让 join 结束")

FL_MSG("calling proc_main_exit; child %d ends only once SIGUSR1 (a handler without "
       "SA_RESTART) interrupted the caller's wait",
       "调用 proc_main_exit；"
       "只有在 SIGUSR1（处理函数不带 SA_RESTART）打断了调用方的等待之后，"
       "子进程 %d 才会结束")

FL_MSG("proc_main_exit to join every non-daemon child, whatever signal the process handles "
       "meanwhile (EINTR is retried)",
       "不管进程在此期间处理什么信号，"
       "proc_main_exit 都应 join 每个非守护子进程（遇到 EINTR 要重试）")

FL_MSG("after %d signal(s) it returned %d (errno %d: %s) with child %d not reaped",
       "收到 %d 个信号之后，它返回了 %d（errno %d：%s），"
       "而子进程 %d 没有被回收")

FL_MSG("proc_main_exit to return 0 with the child joined (exitcode 7)",
       "proc_main_exit 应返回 0，子进程已被 join（exitcode 7）")

FL_MSG("it returned %d (errno %d: %s); child %d: ended %d, exitcode %d",
       "它返回了 %d（errno %d：%s）；子进程 %d：ended %d，"
       "exitcode %d")
