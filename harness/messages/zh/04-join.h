/* 04-join: the texts of the lesson's checks in 简体中文, one FL_MSG(english, chinese)
 * each (see tools/messages.py). */

FL_MSG("a second child for the check",
       "检查程序应能创建第二个子进程")
FL_MSG("fork failed: %s",
       "fork 失败：%s")
FL_MSG("proc_join to return 0 once the child has ended",
       "子进程结束后 proc_join 应返回 0")
FL_MSG("it returned %d (errno %d: %s); child %d is reaped%s",
       "它返回了 %d（errno %d：%s）；子进程 %d 已被回收%s")
FL_MSG("it returned %d (errno %d: %s); child %d is a zombie (ended, not reaped)%s",
       "它返回了 %d（errno %d：%s）；"
       "子进程 %d 是僵尸进程（已结束，未回收）%s")
FL_MSG("it returned %d (errno %d: %s); child %d is still running%s",
       "它返回了 %d（errno %d：%s）；子进程 %d 仍在运行%s")
FL_MSG("the caller to continue only after the child has exited",
       "调用方应在子进程退出之后才继续执行")
FL_MSG("proc_join returned 0 while child %d was still running its task: it did "
       "not wait (waitpid without WNOHANG blocks until the end)",
       "子进程 %d 还在运行任务，proc_join 就返回了 0："
       "它没有等待（不带 WNOHANG 的 waitpid 会一直阻塞到子进程结束）")
FL_MSG("proc_join to reap the child it waited for",
       "proc_join 应回收它等待的子进程")
FL_MSG("child %d is still a zombie after proc_join returned 0",
       "proc_join 返回 0 之后，子进程 %d 仍是僵尸进程")
FL_MSG("the caller to sleep in the kernel while proc_join waits (no CPU time, "
       "no wake-ups)",
       "proc_join 等待期间，调用方应在内核里睡眠（不占 CPU 时间，也不被唤醒）")
FL_MSG("the caller %d kept waking up for %.1f s while child %d ran: proc_join "
       "polled (WNOHANG and a nap, in a loop) instead of blocking in waitpid",
       "调用方 %d 在 %.1f s 里不停地醒来，而子进程 %d 一直在运行："
       "proc_join 是在轮询（循环里 WNOHANG 加小睡），"
       "而不是阻塞在 waitpid 里")
FL_MSG("proc_join to return as soon as the child has ended",
       "子进程一结束，proc_join 就应返回")
FL_MSG("it returned %.3f s after child %d ended",
       "它过了 %.3f s 才返回（从子进程 %d 结束时算起）")
FL_MSG("proc_join blocks until the child has ended, then returns",
       "proc_join 阻塞到子进程结束，然后返回")
FL_MSG("calling proc_join (the task ends only once the caller has been blocked, "
       "making no progress, for 0.25 s)",
       "调用 proc_join（只有调用方阻塞、毫无进展地持续 0.25 s 之后，任务才会结束）")
FL_MSG("checking child %d after proc_join returned",
       "proc_join 返回后检查子进程 %d")
FL_MSG("a signal that interrupts proc_join does not end the wait (EINTR is "
       "retried)",
       "打断 proc_join 的信号不会结束等待（遇到 EINTR 要重试）")
FL_MSG("calling proc_join; a handler without SA_RESTART catches SIGUSR1, sent "
       "once the caller is blocked; the task ends only once the caller is "
       "blocked again",
       "调用 proc_join；调用方一阻塞就会收到 SIGUSR1，"
       "由一个不带 SA_RESTART 的处理函数捕获；"
       "任务要等调用方再次阻塞之后才结束")
FL_MSG("waiting for the helper that sent SIGUSR1 to end",
       "等待发送 SIGUSR1 的辅助进程结束")
FL_MSG("the check's signal helper",
       "检查程序发送信号的辅助进程")
FL_MSG("SIGUSR1 to reach the caller while proc_join waited",
       "proc_join 等待期间，SIGUSR1 应送达调用方")
FL_MSG("no signal arrived: the caller was never seen blocked",
       "没有收到信号：从没看到调用方阻塞过")
FL_MSG("proc_join reaps the child: no zombie is left",
       "proc_join 回收子进程：不留下僵尸进程")
FL_MSG("waiting for child %d to end (without reaping it)",
       "等待子进程 %d 结束（不回收它）")
FL_MSG("calling proc_join on child %d, which has ended",
       "对已经结束的子进程 %d 调用 proc_join")
FL_MSG("proc_join to return 0 for a child that has ended",
       "对已经结束的子进程，proc_join 应返回 0")
FL_MSG("no zombie after proc_join: it reaps the child",
       "proc_join 之后不应有僵尸进程：它要回收子进程")
FL_MSG("child %d is still reaped after proc_join returned 0: seeing the end is not "
       "reaping (no WNOWAIT, no pidfd alone: waitpid collects it)",
       "proc_join 返回 0 之后，"
       "子进程 %d 已被回收。看到它结束不等于回收了它（不能用 WNOWAIT，"
       "也不能只靠 pidfd：要由 waitpid 取走它）")
FL_MSG("child %d is still a zombie (ended, not reaped) after proc_join returned 0: "
       "seeing the end is not reaping (no WNOWAIT, no pidfd alone: waitpid collects it)",
       "proc_join 返回 0 之后，"
       "子进程 %d 仍是僵尸进程（已结束，"
       "未回收）。看到它结束不等于回收了它（不能用 WNOWAIT，"
       "也不能只靠 pidfd：要由 waitpid 取走它）")
FL_MSG("child %d is still running after proc_join returned 0: seeing the end "
       "is not reaping (no WNOWAIT, no pidfd alone: waitpid collects it)",
       "proc_join 返回 0 之后，"
       "子进程 %d 仍在运行。看到它结束不等于回收了它（不能用 WNOWAIT，"
       "也不能只靠 pidfd：要由 waitpid 取走它）")
FL_MSG("joining twice is harmless, and touches no other child",
       "join 两次不会出问题，也不会碰别的子进程")
FL_MSG("the first proc_join to return 0",
       "第一次 proc_join 应返回 0")
FL_MSG("joining child %d a second time (another child, %d, has ended unreaped)",
       "第二次 join 子进程 %d（另一个子进程 %d 已经结束，尚未回收）")
FL_MSG("the check's other child",
       "检查程序的另一个子进程")
FL_MSG("a second proc_join on a joined child to return 0 and change nothing",
       "对已经 join 过的子进程再调用 proc_join，"
       "应返回 0 且不改变任何东西")
FL_MSG("a second proc_join to leave the caller's other children alone",
       "第二次 proc_join 不应碰调用方的其他子进程")
FL_MSG("the second proc_join reaped child %d, which was not the one in p: it "
       "waited for any child (waitpid(-1) or waitpid(0)) instead of returning "
       "at once",
       "第二次 proc_join 回收了子进程 %d，而它并不是 p 里的那个："
       "它等待的是任意子进程（waitpid(-1) 或 waitpid(0)），而不是立即返回")
FL_MSG("calling proc_join_timeout(p, %g) on child %d, joined already",
       "调用 proc_join_timeout(p, %g)，"
       "对象是已经 join 过的子进程 %d")
FL_MSG("proc_join_timeout on a joined child to return 0 at once",
       "对已经 join 过的子进程，"
       "proc_join_timeout 应立即返回 0")
FL_MSG("proc_join_timeout(p, %g) returned %d (errno %d: %s)",
       "proc_join_timeout(p, %g) 返回了 %d（errno %d：%s）")
FL_MSG("the exit code (5) to survive the second join",
       "第二次 join 之后退出码（5）应保持不变")
FL_MSG("proc_exitcode gives %d after the second join",
       "第二次 join 之后 proc_exitcode 给出的是 %d")
FL_MSG("joining a process that was never started is an error",
       "join 一个从未启动的进程是错误")
FL_MSG("calling proc_join on a proc that was never started (another child, %d, "
       "has ended unreaped)",
       "对从未启动的 proc 调用 proc_join（另一个子进程 %d 已经结束，尚未回收）")
FL_MSG("calling proc_join_timeout on a proc that was never started",
       "对从未启动的 proc 调用 proc_join_timeout")
FL_MSG("proc_join on a never-started proc to wait for nobody",
       "对从未启动的 proc，proc_join 不应等待任何进程")
FL_MSG("it reaped child %d, another child of the caller: p->pid is 0, and "
       "waitpid(0, ...) means \"any child in my group\"",
       "它回收了子进程 %d，那是调用方的另一个子进程：p->pid 是 0，"
       "而 waitpid(0, ...) 的意思是“我所在进程组里的任意一个子进程”")
FL_MSG("proc_join to return -1 with errno EINVAL",
       "proc_join 应返回 -1 并把 errno 设为 EINVAL")
FL_MSG("proc_join_timeout to return -1 with errno EINVAL",
       "proc_join_timeout 应返回 -1 并把 errno 设为 EINVAL")
FL_MSG("proc_join_timeout to return 1: the child still runs",
       "proc_join_timeout 应返回 1：子进程还在运行")
FL_MSG("it returned %d (errno %d: %s) after %.3f s%s; child %d is reaped",
       "它返回了 %d（errno %d：%s），用时 %.3f s%s；"
       "子进程 %d 已被回收")
FL_MSG("it returned %d (errno %d: %s) after %.3f s%s; child %d is a zombie (ended, not reaped)",
       "它返回了 %d（errno %d：%s），用时 %.3f s%s；"
       "子进程 %d 是僵尸进程（已结束，未回收）")
FL_MSG("it returned %d (errno %d: %s) after %.3f s%s; child %d is still running",
       "它返回了 %d（errno %d：%s），用时 %.3f s%s；"
       "子进程 %d 仍在运行")
FL_MSG("proc_join_timeout to wait at least the timeout",
       "proc_join_timeout 至少应等满超时时间")
FL_MSG("it gave up after %.4f s, asked to wait %.4f s%s: one look with WNOHANG "
       "is join(0), not join(timeout); milliseconds must be rounded up, and a "
       "wake-up that is not the child's end goes back to waiting",
       "它等了 %.4f s 就放弃了，而要求等的是 %.4f s%s："
       "用 WNOHANG 看一眼是 join(0)，"
       "不是 join(timeout)；毫秒数必须向上取整，"
       "而且醒来时如果不是因为子进程结束，就要回去接着等")
FL_MSG("proc_join_timeout to return soon after the timeout",
       "超时之后 proc_join_timeout 应很快返回")
FL_MSG("it returned after %.4f s, asked to wait %.4f s (%.3f s allowed)%s: "
       "whole seconds instead of milliseconds, or a clock that starts again "
       "after each wake-up",
       "它过了 %.4f s 才返回，"
       "而要求等的是 %.4f s（最多允许 %.3f s）%s："
       "按整秒而不是按毫秒计时，或者每次醒来之后都重新计时")
FL_MSG("the child to keep running after the timeout",
       "超时之后子进程应继续运行")
FL_MSG("child %d is reaped after proc_join_timeout returned 1: the timeout must not end the child",
       "proc_join_timeout 返回 1 之后，"
       "子进程 %d 已被回收：超时不能结束子进程")
FL_MSG("child %d is dead (a zombie) after proc_join_timeout returned 1: the timeout "
       "must not end the child",
       "proc_join_timeout 返回 1 之后，"
       "子进程 %d 已经结束（成了僵尸进程）：超时不能结束子进程")
FL_MSG("child %d is gone after proc_join_timeout returned 1: the timeout must not end the child",
       "proc_join_timeout 返回 1 之后，"
       "子进程 %d 已经不在了：超时不能结束子进程")
FL_MSG("proc_exitcode to return 0 (no code yet) after a timeout",
       "超时之后 proc_exitcode 应返回 0（还没有退出码）")
FL_MSG("it returned 1 with code %d while child %d still runs",
       "它返回了 1，退出码为 %d，而子进程 %d 还在运行")
FL_MSG("proc_join_timeout waits at least the timeout, not much more, and leaves "
       "a running child running",
       "proc_join_timeout 至少等满超时时间，但不会多等太久，"
       "而且不动仍在运行的子进程")
FL_MSG("calling proc_join_timeout(p, %.4f) on child %d, held at a gate",
       "调用 proc_join_timeout(p, %.4f)，"
       "对象是被拦在闸门前的子进程 %d")
FL_MSG("joining child %d after its gate opened",
       "闸门打开后 join 子进程 %d")
FL_MSG("proc_join after a timed-out join to return 0",
       "超时的 join 之后，proc_join 应返回 0")
FL_MSG("a helper process for the check",
       "检查程序应能创建一个辅助进程")
FL_MSG("signals and other children ending during proc_join_timeout do not "
       "restart its clock",
       "proc_join_timeout 期间到来的信号和其他子进程的结束，不会让它重新计时")
FL_MSG("calling proc_join_timeout(p, %.3f) on child %d, held at a gate, while "
       "SIGUSR1 arrives whenever the caller is blocked and two other children "
       "end",
       "调用 proc_join_timeout(p, %.3f)，"
       "对象是被拦在闸门前的子进程 %d；与此同时，"
       "调用方一阻塞就会收到 SIGUSR1，另外还有两个子进程结束")
FL_MSG("waiting for the check's helper and other children to end",
       "等待检查程序的辅助进程和其他子进程结束")
FL_MSG("proc_join_timeout with 0 seconds looks once and returns at once",
       "超时为 0 秒的 proc_join_timeout 只看一次，然后立即返回")
FL_MSG("calling proc_join_timeout(p, 0) on child %d, held at a gate until it "
       "returns (a 0 taken as \"no limit\" never returns)",
       "调用 proc_join_timeout(p, 0)，对象是子进程 %d，"
       "它被拦在闸门前，直到这次调用返回（把 0 当成“不限时”的实现永远返回不了）")
FL_MSG("proc_join_timeout(p, 0) to return 1 for a running child",
       "对仍在运行的子进程，"
       "proc_join_timeout(p, 0) 应返回 1")
FL_MSG("calling proc_join_timeout(p, 0) on child %d, which has ended",
       "对已经结束的子进程 %d 调用 proc_join_timeout(p, 0)")
FL_MSG("proc_join_timeout(p, 0) to return 0 for a child that ended",
       "对已经结束的子进程，"
       "proc_join_timeout(p, 0) 应返回 0")
FL_MSG("proc_join_timeout returning 0 to have reaped",
       "proc_join_timeout 返回 0 时应已回收子进程")
FL_MSG("proc_join_timeout returns 0 as soon as the child ends, and reaps it",
       "子进程一结束，proc_join_timeout 就返回 0，并回收它")
FL_MSG("calling proc_join_timeout(p, 1e6) on child %d, which ends once the "
       "caller waits (a join that sleeps its whole timeout before looking never "
       "returns in time)",
       "对子进程 %d 调用 proc_join_timeout(p, 1e6)，"
       "调用方一开始等待它就会结束（先睡满整个超时再去查看的 join 无法及时返回）")
FL_MSG("proc_join_timeout to return 0 once the child has ended",
       "子进程结束后 proc_join_timeout 应返回 0")
FL_MSG("no zombie after proc_join_timeout returned 0",
       "proc_join_timeout 返回 0 之后不应有僵尸进程")
FL_MSG("child %d is still reaped: proc_join_timeout saw the end but did not reap "
       "the child (waitpid after the pidfd said it ended)",
       "子进程 %d 已被回收。proc_join_timeout 看到了它结束，"
       "却没有回收它（pidfd 报告结束之后，还要调用 waitpid）")
FL_MSG("child %d is still a zombie (ended, not reaped): proc_join_timeout saw the "
       "end but did not reap the child (waitpid after the pidfd said it ended)",
       "子进程 %d 仍是僵尸进程（已结束，"
       "未回收）。proc_join_timeout 看到了它结束，"
       "却没有回收它（pidfd 报告结束之后，还要调用 waitpid）")
FL_MSG("child %d is still running: proc_join_timeout saw the end but did not "
       "reap the child (waitpid after the pidfd said it ended)",
       "子进程 %d 仍在运行。proc_join_timeout 看到了它结束，"
       "却没有回收它（pidfd 报告结束之后，还要调用 waitpid）")
FL_MSG("proc_join_timeout to return as soon as the child has ended",
       "子进程一结束，proc_join_timeout 就应返回")
FL_MSG("it returned %.3f s after child %d ended: it looks too seldom (a nap "
       "between looks must be short, or poll a pidfd)",
       "它过了 %.3f s 才返回（从子进程 %d 结束时算起）："
       "它查看得太少了（两次查看之间只能睡一小会儿，"
       "或者用 poll 等待 pidfd）")
FL_MSG("proc_exitcode to give 9 (what the task returned) after proc_join_timeout",
       "proc_join_timeout 之后，"
       "proc_exitcode 应给出 9（任务的返回值）")
FL_MSG("proc_exitcode returned %d with code %d: the status was not recorded",
       "proc_exitcode 返回了 %d，退出码为 %d：状态没有被记录下来")
FL_MSG("every refusal in join.h: -1 with its errno, and the running child "
       "untouched",
       "join.h 里的每一种拒绝：返回 -1 并设置对应的 errno，"
       "而且不动正在运行的子进程")
FL_MSG("each refusal of join.h to return -1 with its errno",
       "join.h 列出的每一种拒绝都应返回 -1 并设置对应的 errno")
FL_MSG("a refused call to leave the running child alone",
       "被拒绝的调用不应碰正在运行的子进程")
FL_MSG("after %s, child %d is reaped",
       "%s 之后，子进程 %d 已被回收")
FL_MSG("after %s, child %d is a zombie (ended, not reaped)",
       "%s 之后，子进程 %d 成了僵尸进程（已结束，未回收）")
FL_MSG("after %s, child %d is still running",
       "%s 之后，子进程 %d 仍在运行")
FL_MSG("proc_join after refused calls to return 0",
       "经过被拒绝的调用之后，proc_join 应返回 0")
FL_MSG("joining child %d (%s)",
       "join 子进程 %d（%s）")
FL_MSG("proc_join to return 0",
       "proc_join 应返回 0")
FL_MSG("proc_exitcode to return 1 after a join",
       "join 之后 proc_exitcode 应返回 1")
FL_MSG("it returned %d for child %d (%s), which was joined",
       "它返回了 %d，而子进程 %d（%s）已经 join 过了")
FL_MSG("exit codes: 0, 7, and 300 seen as 44 (n & 0xFF)",
       "退出码：0、7，以及显示为 44 的 300（n & 0xFF）")
FL_MSG("exit code 0 for a task that returned 0",
       "任务返回 0 时退出码应为 0")
FL_MSG("proc_exitcode gave %d",
       "proc_exitcode 给出的是 %d")
FL_MSG("exit code 7 for a task that returned 7",
       "任务返回 7 时退出码应为 7")
FL_MSG("proc_exitcode gave %d%s",
       "proc_exitcode 给出的是 %d%s")
FL_MSG("exit code 44 for _exit(300): only the low 8 bits reach the parent",
       "_exit(300) 的退出码应为 44：只有低 8 位能传到父进程")
FL_MSG("a child killed by signal N has exit code -N",
       "被信号 N 杀死的子进程，退出码是 -N")
FL_MSG("joining child %d, which the check sent SIGUSR1",
       "join 子进程 %d（检查程序向它发送了 SIGUSR1）")
FL_MSG("it returned -1 (errno %d: %s)",
       "它返回了 -1（errno %d：%s）")
FL_MSG("exit code -9 for a child killed by SIGKILL",
       "被 SIGKILL 杀死的子进程，退出码应为 -9")
FL_MSG("exit code -15 for a child killed by SIGTERM",
       "被 SIGTERM 杀死的子进程，退出码应为 -15")
FL_MSG("exit code -10 for a child killed by the check with SIGUSR1",
       "被检查程序用 SIGUSR1 杀死的子进程，退出码应为 -10")
FL_MSG("proc_exitcode gave %d for child %d",
       "proc_exitcode 给出的是 %d（子进程 %d）")
FL_MSG("a crash or abort is reported (negative code), never as 0",
       "崩溃或 abort 会被报告出来（负的退出码），绝不会报告为 0")
FL_MSG("a task that crashed never to look like a success (code 0)",
       "崩溃的任务绝不能看起来像成功（退出码 0）")
FL_MSG("proc_exitcode gave %d after abort() and %d after SIGSEGV: the status "
       "was decoded as if the child had exited (check WIFSIGNALED too)",
       "abort() 之后 proc_exitcode 给出 %d，"
       "SIGSEGV 之后给出 %d："
       "状态被当成正常退出来解码了（还要检查 WIFSIGNALED）")
FL_MSG("exit codes -6 (SIGABRT) and -11 (SIGSEGV)",
       "退出码应为 -6（SIGABRT）和 -11（SIGSEGV）")
FL_MSG("proc_exitcode gave %d and %d",
       "proc_exitcode 给出的是 %d 和 %d")
FL_MSG("proc_exitcode has no code before start and while the child runs",
       "启动之前和子进程运行期间，proc_exitcode 都没有退出码")
FL_MSG("calling proc_exitcode on a proc never started",
       "对从未启动的 proc 调用 proc_exitcode")
FL_MSG("proc_exitcode to return 0 (Python's None) before start",
       "启动之前 proc_exitcode 应返回 0（相当于 Python 的 None）")
FL_MSG("it returned %d with code %d",
       "它返回了 %d，退出码为 %d")
FL_MSG("calling proc_exitcode while child %d runs",
       "子进程 %d 运行期间调用 proc_exitcode")
FL_MSG("proc_exitcode to return 0 (no code yet) while the child runs",
       "子进程运行期间 proc_exitcode 应返回 0（还没有退出码）")
FL_MSG("it returned %d with code %d while child %d waited at a gate: a code "
       "exists only once the child was joined",
       "它返回了 %d，退出码为 %d，而子进程 %d 正在闸门前等待："
       "只有 join 之后才有退出码")
FL_MSG("with no descriptor free, the joins still work or say EMFILE, and leave "
       "the child alone",
       "没有空闲文件描述符时，join 照样能用或者报告 EMFILE，而且不动子进程")
FL_MSG("calling proc_join_timeout(p, %.3f) with no descriptor free",
       "调用 proc_join_timeout(p, %.3f)（没有空闲的文件描述符）")
FL_MSG("a failed proc_join_timeout to leave the child alone",
       "失败的 proc_join_timeout 不应碰子进程")
FL_MSG("child %d is reaped",
       "子进程 %d 已被回收")
FL_MSG("child %d is a zombie (ended, not reaped)",
       "子进程 %d 是僵尸进程（已结束，未回收）")
FL_MSG("child %d is still running",
       "子进程 %d 仍在运行")
FL_MSG("calling proc_join_timeout(p, 1e6) on ended child %d with no descriptor "
       "free",
       "对已经结束的子进程 %d 调用 proc_join_timeout(p, 1e6)（没有空闲的文件描述符）")
FL_MSG("child %d was reaped although the call returned -1 (EMFILE)",
       "子进程 %d 被回收了，调用却返回了 -1（EMFILE）")
FL_MSG("joining child %d with descriptors free again",
       "文件描述符恢复空闲之后 join 子进程 %d")
FL_MSG("proc_join_timeout to return 0 for an ended child (or -1 with EMFILE)",
       "对已经结束的子进程，"
       "proc_join_timeout 应返回 0（或者返回 -1 并设置 EMFILE）")
FL_MSG("proc_join_timeout returning 0 to reap",
       "proc_join_timeout 返回 0 时应回收子进程")
FL_MSG("exit code 0 once joined",
       "join 之后退出码应为 0")
FL_MSG("proc_join on a child someone else reaped fails, and records no code",
       "对已被别处回收的子进程，proc_join 会失败，也不记录退出码")
FL_MSG("reaping child %d behind proc_join's back",
       "背着 proc_join 回收子进程 %d")
FL_MSG("calling proc_join on child %d, which the check already reaped",
       "对已被检查程序回收的子进程 %d 调用 proc_join")
FL_MSG("proc_join of a pid that is no longer the caller's child to fail with "
       "waitpid's errno (ECHILD)",
       "对一个已经不是调用方子进程的 pid，"
       "proc_join 应以 waitpid 的 errno（ECHILD）失败")
FL_MSG("no exit code after a join that failed",
       "失败的 join 之后不应有退出码")
FL_MSG("proc_exitcode returned %d with code %d",
       "proc_exitcode 返回了 %d，退出码为 %d")
FL_MSG("proc_join_timeout on a child someone else reaped fails, never says "
       "\"still running\", records no code",
       "对已被别处回收的子进程，proc_join_timeout 会失败，"
       "绝不说“还在运行”，也不记录退出码")
FL_MSG("reaping child %d behind proc_join_timeout's back",
       "背着 proc_join_timeout 回收子进程 %d")
FL_MSG("calling proc_join_timeout(p, 0.2) on child %d, which the check already "
       "reaped",
       "对已被检查程序回收的子进程 %d 调用 proc_join_timeout(p, 0.2)")
FL_MSG("proc_join_timeout of a pid that is no longer the caller's child to fail "
       "like proc_join (-1, ECHILD), not to report a child still running (1)",
       "对一个已经不是调用方子进程的 pid，"
       "proc_join_timeout 应像 proc_join 一样失败（-1，"
       "ECHILD），而不是报告子进程还在运行（1）")
FL_MSG("it returned %d (errno %d: %s); child %d is reaped",
       "它返回了 %d（errno %d：%s）；子进程 %d 已被回收")
FL_MSG("it returned %d (errno %d: %s); child %d is a zombie (ended, not reaped)",
       "它返回了 %d（errno %d：%s）；"
       "子进程 %d 是僵尸进程（已结束，未回收）")
FL_MSG("it returned %d (errno %d: %s); child %d is still running",
       "它返回了 %d（errno %d：%s）；子进程 %d 仍在运行")
FL_MSG("child %d is still reaped",
       "子进程 %d 已被回收")
FL_MSG("child %d is still a zombie (ended, not reaped)",
       "子进程 %d 仍是僵尸进程（已结束，未回收）")
