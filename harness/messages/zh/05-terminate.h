/* 05-terminate: the texts of the lesson's checks in 简体中文, one FL_MSG(english, chinese)
 * each (see tools/messages.py). */

FL_MSG("a pipe for the stand-in process",
       "能为替身进程创建管道")

FL_MSG("pipe failed: %s",
       "pipe 失败：%s")

FL_MSG("a stand-in process",
       "能创建替身进程")

FL_MSG("the stand-in process",
       "替身进程")

FL_MSG("waiting for child %d to end after %s",
       "等待子进程 %d 在 %s 之后结束")

FL_MSG("the child to end soon after the signal",
       "子进程收到信号后应很快结束")

FL_MSG("child %d was still running 1 s after %s returned 0: no signal that ends it reached "
       "it",
       "子进程 %d 在 %s 返回 0 之后过了 1 s 仍在运行："
       "没有任何能让它结束的信号送到它那里")

FL_MSG("proc_is_alive is 1 while the child runs",
       "子进程运行期间 proc_is_alive 为 1")

FL_MSG("calling proc_is_alive on running child %d (it must not wait)",
       "对正在运行的子进程 %d 调用 proc_is_alive（它不能等待）")

FL_MSG("proc_is_alive to return 1 for a child that runs",
       "对正在运行的子进程，proc_is_alive 应返回 1")

FL_MSG("it returned %d (errno %d: %s) while child %d waited at a gate (state %c)",
       "它返回了 %d（errno %d：%s），而子进程 %d 正被拦在闸门前（状态 %c）")

FL_MSG("no exit code while the child runs (p->ended stays 0)",
       "子进程运行期间没有退出码（p->ended 保持为 0）")

FL_MSG("after proc_is_alive returned 1 for running child %d, p->ended is %d and "
       "proc_exitcode gives %d: only a wait that reaped the child may record an end",
       "proc_is_alive 对正在运行的子进程 %d 返回 1 之后，"
       "p->ended 为 %d，proc_exitcode 给出 %d："
       "只有真正回收了子进程的那次等待才能记录它已结束")

FL_MSG("proc_is_alive is 0 for a child that ended (a zombie is not alive)",
       "对已结束的子进程，proc_is_alive 为 0（僵尸进程不算活着）")

FL_MSG("calling proc_is_alive on ended child %d",
       "对已结束的子进程 %d 调用 proc_is_alive")

FL_MSG("proc_is_alive to return 0 for a child that has ended",
       "对已结束的子进程，proc_is_alive 应返回 0")

FL_MSG("it returned %d (errno %d: %s); child %d had ended and was a zombie (state %c)%s",
       "它返回了 %d（errno %d：%s）；子进程 %d 已经结束，"
       "是一个僵尸进程（状态 %c）%s")

FL_MSG("proc_is_alive reaps an ended child and keeps its exit code",
       "proc_is_alive 回收已结束的子进程，并保存它的退出码")

FL_MSG("no zombie after proc_is_alive said 0: it reaps the child",
       "proc_is_alive 返回 0 之后不应留下僵尸进程：它要回收子进程")
FL_MSG("child %d is still a zombie (state Z) after proc_is_alive returned 0: nobody "
       "waited for it (waitpid with WNOHANG, without WNOWAIT)",
       "proc_is_alive 返回 0 之后，"
       "子进程 %d 仍然是僵尸进程（状态 Z）："
       "没有人等待过它（waitpid 要带 WNOHANG，"
       "不带 WNOWAIT）")
FL_MSG("child %d is still there, unreaped after proc_is_alive returned 0: nobody "
       "waited for it (waitpid with WNOHANG, without WNOWAIT)",
       "proc_is_alive 返回 0 之后，子进程 %d 还在，"
       "没有被回收：没有人等待过它（waitpid 要带 WNOHANG，"
       "不带 WNOWAIT）")


FL_MSG("p->ended set and exit code 7 (what the task returned) after proc_is_alive reaped "
       "the child",
       "proc_is_alive 回收子进程之后，p->ended 应已置位，"
       "退出码应为 7（任务的返回值）")

FL_MSG("p->ended is %d and the exit code is %s: the wait status was not recorded in "
       "p->exitcode",
       "p->ended 为 %d，退出码为 %s："
       "等待得到的状态没有记录到 p->exitcode 里")

FL_MSG("joining child %d a second time, after proc_is_alive reaped it",
       "proc_is_alive 回收子进程 %d 之后，再 join 它一次")

FL_MSG("proc_join after proc_is_alive reaped the child to return 0",
       "proc_is_alive 回收子进程之后，proc_join 应返回 0")

FL_MSG("proc_join returned -1 (errno %d: %s)",
       "proc_join 返回了 -1（errno %d：%s）")

FL_MSG("a task that kills itself with SIGKILL has exit code -9",
       "用 SIGKILL 杀死自己的任务，退出码是 -9")

FL_MSG("waiting for child %d to kill itself",
       "等待子进程 %d 杀死自己")

FL_MSG("calling proc_is_alive on child %d",
       "对子进程 %d 调用 proc_is_alive")

FL_MSG("proc_is_alive to return 0 for a child that killed itself",
       "对杀死了自己的子进程，proc_is_alive 应返回 0")

FL_MSG("proc_is_alive to reap the dead child",
       "proc_is_alive 应回收已死的子进程")

FL_MSG("child %d is still a zombie",
       "子进程 %d 仍是僵尸进程")

FL_MSG("the kernel reported child %d %s; after proc_is_alive reaped it, the exit code is "
       "%s%s",
       "内核报告子进程 %d 的结束状态：%s；proc_is_alive 回收它之后，"
       "退出码是 %s%s")

FL_MSG("calling %s on running child %d",
       "调用 %s，对象是正在运行的子进程 %d")

FL_MSG("the call to return 0 after sending the signal",
       "发出信号后，该调用应返回 0")

FL_MSG("%s returned %d (errno %d: %s)",
       "%s 返回了 %d（errno %d：%s）")

FL_MSG("after %s child %d %s, exit code %s",
       "%s 之后，子进程 %d 的结束状态：%s，退出码：%s")

FL_MSG("after proc_terminate and join the exit code is -15",
       "proc_terminate 再 join 之后，退出码是 -15")

FL_MSG("after proc_kill and join the exit code is -9",
       "proc_kill 再 join 之后，退出码是 -9")

FL_MSG("calling proc_terminate, then proc_kill, on the reaped child",
       "对已回收的子进程先调用 proc_terminate，再调用 proc_kill")

FL_MSG("letting the stand-in process %d finish",
       "让替身进程 %d 结束")

FL_MSG("a reaped child to get no signal: its pid may name another process now",
       "已回收的子进程不应再收到信号：它的 pid 现在可能属于另一个进程")

FL_MSG("child %d had been reaped by %s; the check then gave its pid to another process "
       "(%d), as the kernel may; that process was %s by %s: keep p->ended and send nothing",
       "子进程 %d 已经由 %s 回收；随后检查把它的 pid 交给了另一个进程（%d），"
       "内核也可能这样做；那个进程的结束状态是 %s，这是 %s 造成的："
       "应当依据 p->ended，什么也不发送")

FL_MSG("proc_terminate and proc_kill to return 0 on a reaped child (nothing to do)",
       "对已回收的子进程，"
       "proc_terminate 和 proc_kill 应返回 0（无事可做）")

FL_MSG("proc_terminate returned %d (errno %d: %s), proc_kill %d (errno %d: %s)",
       "proc_terminate 返回了 %d（errno %d：%s），"
       "proc_kill 返回了 %d（errno %d：%s）")

FL_MSG("terminate and kill send nothing once join reaped the child",
       "join 回收子进程之后，terminate 和 kill 不再发送任何信号")

FL_MSG("proc_join (given) to reap the child",
       "proc_join（现成的）应回收子进程")

FL_MSG("terminate and kill send nothing once is_alive reaped the child",
       "is_alive 回收子进程之后，terminate 和 kill 不再发送任何信号")

FL_MSG("proc_is_alive to return 0 and reap the ended child",
       "proc_is_alive 应返回 0，并回收已结束的子进程")
FL_MSG("it returned %d (errno %d: %s); child %d is not reaped",
       "它返回了 %d（errno %d：%s）；子进程 %d 没有被回收")

FL_MSG("is_alive on a reaped child is 0 without waiting on its old pid",
       "对已回收的子进程，is_alive 直接为 0，不去等待它原来的 pid")

FL_MSG("calling proc_is_alive on the reaped child",
       "对已回收的子进程调用 proc_is_alive")

FL_MSG("proc_is_alive on a reaped child to wait for nothing",
       "对已回收的子进程，proc_is_alive 不应等待任何进程")

FL_MSG("proc_is_alive reaped process %d, which had been given the old pid of child %d",
       "proc_is_alive 回收了进程 %d，"
       "而这个进程拿到的是子进程 %d 原来的 pid")

FL_MSG("proc_is_alive to return 0: the child was reaped by join",
       "proc_is_alive 应返回 0：子进程已经被 join 回收了")

FL_MSG("bad arguments (NULL, never started) are refused with EINVAL, never kill(0, ...)",
       "错误的参数（NULL、从未启动）以 EINVAL 拒绝，"
       "绝不调用 kill(0, ...)")

FL_MSG("calling %s in a helper alone in its process group",
       "在一个独占进程组的辅助进程里调用 %s")

FL_MSG("a helper process",
       "能创建辅助进程")

FL_MSG("the helper process",
       "辅助进程")

FL_MSG("%s left process %d behind",
       "%s 留下了进程 %d")

FL_MSG("the call to return -1 with an errno",
       "该调用应返回 -1 并设置 errno")

FL_MSG("the helper calling %s was %s%s",
       "调用 %s 的辅助进程的结束状态：%s%s")

FL_MSG("no signal to anyone from a call that is refused",
       "被拒绝的调用不应向任何进程发信号")

FL_MSG("%s sent SIGTERM to the caller's own process group: kill(0, SIGTERM) signals every "
       "process in the group, the caller included",
       "%s 向调用方自己的进程组发送了 SIGTERM："
       "kill(0, SIGTERM) 会向组里的每个进程发信号，调用方自己也在内")

FL_MSG("every call the header refuses to return -1 with errno EINVAL",
       "头文件规定要拒绝的每个调用，都应返回 -1 并将 errno 设为 EINVAL")

FL_MSG("a refused fork leaves nothing, and the proc can be started again",
       "fork 被拒绝时不留下任何东西，之后这个 proc 还能再次启动")

FL_MSG("calling proc_start while the kernel refuses to fork (EAGAIN)",
       "在内核拒绝 fork（EAGAIN）时调用 proc_start")

FL_MSG("a failed proc_start to leave no child",
       "失败的 proc_start 不应留下子进程")

FL_MSG("child %d is there after proc_start returned %d",
       "子进程 %d 在 proc_start 返回 %d 之后仍然存在")

FL_MSG("proc_start to return -1 with fork's errno (EAGAIN) and leave p->pid 0",
       "proc_start 应返回 -1 并保留 fork 的 errno（EAGAIN），"
       "p->pid 保持为 0")

FL_MSG("it returned %d (errno %d: %s), p->pid %d",
       "它返回了 %d（errno %d：%s），p->pid 为 %d")

FL_MSG("calling proc_is_alive on the proc whose start failed",
       "对启动失败的 proc 调用 proc_is_alive")

FL_MSG("proc_is_alive on a proc that never started (its fork failed) to fail with EINVAL",
       "对从未启动过的 proc（它的 fork 失败了），"
       "proc_is_alive 应以 EINVAL 失败")

FL_MSG("calling proc_start again, the kernel allowing it",
       "内核重新允许 fork 后，再次调用 proc_start")

FL_MSG("the same proc to start once fork works again",
       "fork 恢复正常后，同一个 proc 应能启动")

FL_MSG("proc_start returned %d (errno %d: %s)",
       "proc_start 返回了 %d（errno %d：%s）")

FL_MSG("calling proc_kill on child %d",
       "对子进程 %d 调用 proc_kill")

FL_MSG("proc_kill on a running child to return 0",
       "对正在运行的子进程，proc_kill 应返回 0")

FL_MSG("exit code -9 after proc_kill and join",
       "proc_kill 再 join 之后，退出码应为 -9")

FL_MSG("the exit code is %s",
       "退出码是 %s")

FL_MSG("a child some other wait reaped: ESRCH from terminate and kill, ECHILD from is_alive",
       "子进程被别处的等待回收了：terminate 和 kill 得到 ESRCH，"
       "is_alive 得到 ECHILD")

FL_MSG("reaping child %d behind the proc's back (another wait of the program)",
       "背着 proc 回收子进程 %d（程序里另外某处的等待）")

FL_MSG("the child",
       "子进程")

FL_MSG("calling proc_terminate on child %d, reaped elsewhere",
       "对已在别处被回收的子进程 %d 调用 proc_terminate")

FL_MSG("calling proc_kill on child %d, reaped elsewhere",
       "对已在别处被回收的子进程 %d 调用 proc_kill")

FL_MSG("calling proc_is_alive on child %d, reaped elsewhere",
       "对已在别处被回收的子进程 %d 调用 proc_is_alive")

FL_MSG("proc_terminate and proc_kill to pass on kill's error: -1 with ESRCH (no such "
       "process)",
       "proc_terminate 和 proc_kill 应传出 kill 的错误："
       "返回 -1，errno 为 ESRCH（没有这个进程）")

FL_MSG("child %d was reaped by a wait that was not proc_join's (p->ended is 0); "
       "proc_terminate returned %d (errno %d: %s), proc_kill %d (errno %d: %s)",
       "子进程 %d 是被 proc_join 以外的等待回收的（p->ended 为 0）；"
       "proc_terminate 返回了 %d（errno %d：%s），"
       "proc_kill 返回了 %d（errno %d：%s）")

FL_MSG("proc_is_alive to pass on the kernel's error: -1 with ECHILD (not our child any more)",
       "proc_is_alive 应传出内核的错误：返回 -1，"
       "errno 为 ECHILD（它已经不是我们的子进程了）")

FL_MSG("child %d was reaped elsewhere; proc_is_alive returned %d (errno %d: %s)%s",
       "子进程 %d 已在别处被回收；"
       "proc_is_alive 返回了 %d（errno %d：%s）%s")

FL_MSG("p->ended to stay 0: nothing was recorded by the proc",
       "p->ended 应保持为 0：这个 proc 什么也没有记录")

FL_MSG("p->ended is %d after the failed calls",
       "这些调用失败之后，p->ended 为 %d")

FL_MSG("right after proc_terminate the child may still be alive: join tells",
       "刚调用完 proc_terminate 时，子进程可能还活着：要由 join 来确定")

FL_MSG("calling proc_terminate on child %d, which holds SIGTERM blocked: it must return at "
       "once, without waiting for the child to end",
       "对屏蔽了 SIGTERM 的子进程 %d 调用 proc_terminate："
       "它必须立即返回，不等子进程结束")

FL_MSG("proc_terminate on a running child to return 0",
       "对正在运行的子进程，proc_terminate 应返回 0")

FL_MSG("proc_terminate to send SIGTERM to the child",
       "proc_terminate 应向子进程发送 SIGTERM")

FL_MSG("child %d holds SIGTERM blocked and has none pending after proc_terminate returned 0",
       "子进程 %d 屏蔽着 SIGTERM，"
       "可是 proc_terminate 返回 0 之后，它并没有挂起的 SIGTERM")

FL_MSG("calling proc_is_alive on child %d right after proc_terminate",
       "刚调用完 proc_terminate，"
       "就对子进程 %d 调用 proc_is_alive")

FL_MSG("proc_is_alive to return 1 right after proc_terminate while the child still runs, "
       "and no end to be recorded",
       "刚调用完 proc_terminate、子进程还在运行时，"
       "proc_is_alive 应返回 1，且不记录结束")

FL_MSG("child %d had not acted on its SIGTERM yet (it held it blocked); proc_is_alive "
       "returned %d (errno %d: %s), p->ended is %d: a signal sent is not a child ended, "
       "only a wait tells",
       "子进程 %d 还没有处理它的 SIGTERM（它屏蔽着这个信号）；"
       "proc_is_alive 返回了 %d（errno %d：%s），"
       "p->ended 为 %d：信号发出去了不等于子进程结束了，只有等待才能确定")

FL_MSG("proc_join to tell the child ended of SIGTERM: exit code -15",
       "proc_join 应得知子进程死于 SIGTERM：退出码为 -15")

FL_MSG("proc_join returned %d (errno %d: %s), exit code %s",
       "proc_join 返回了 %d（errno %d：%s），退出码为 %s")

FL_MSG("a stopped child is alive: proc_is_alive is 1 and records no end",
       "停止的子进程还活着：proc_is_alive 为 1，且不记录结束")

FL_MSG("stopping child %d with SIGSTOP",
       "用 SIGSTOP 停止子进程 %d")

FL_MSG("calling proc_is_alive on stopped child %d",
       "对已停止的子进程 %d 调用 proc_is_alive")

FL_MSG("proc_is_alive to return 1 for a stopped child (it has not ended) and record nothing",
       "对已停止的子进程（它并没有结束），proc_is_alive 应返回 1，且什么也不记录")

FL_MSG("child %d was stopped (state T); proc_is_alive returned %d (errno %d: %s) and "
       "p->ended is %d: a stop is not an end (no WUNTRACED)",
       "子进程 %d 已停止（状态 T）；"
       "proc_is_alive 返回了 %d（errno %d：%s），"
       "p->ended 为 %d：停止不是结束（不要用 WUNTRACED）")

FL_MSG("exit code 0 after the stopped child went on and returned 0",
       "已停止的子进程继续运行并返回 0 之后，退出码应为 0")

FL_MSG("alive until joined, through a signal that interrupts the join; not alive after",
       "join 之前一直活着，即使有信号打断 join 也是如此；join 之后不再活着")

FL_MSG("proc_start to return 0 with p.pid set",
       "proc_start 应返回 0 并设置 p.pid")

FL_MSG("it returned -1 (%s)",
       "它返回了 -1（%s）")

FL_MSG("proc_is_alive to be 1 while the child waits",
       "子进程等待期间，proc_is_alive 应为 1")

FL_MSG("it returned %d (errno %d: %s) for child %d",
       "它返回了 %d（errno %d：%s），针对的是子进程 %d")

FL_MSG("calling proc_join on child %d; SIGUSR1 comes once the caller is blocked",
       "对子进程 %d 调用 proc_join；调用方一阻塞，SIGUSR1 就会到来")

FL_MSG("the child proc_join left",
       "proc_join 留下的子进程")

FL_MSG("proc_join (given) to wait until the child has ended and reap it, whatever signal "
       "interrupts waitpid (EINTR: wait again)",
       "proc_join（现成的）应一直等到子进程结束并回收它，"
       "不管什么信号打断了 waitpid（遇到 EINTR 就再等）")
FL_MSG("proc_join returned %d (errno %d: %s) with child %d not reaped",
       "proc_join 返回了 %d（errno %d：%s），"
       "子进程 %d 没有被回收")
FL_MSG("proc_join returned %d (errno %d: %s) with child %d reaped",
       "proc_join 返回了 %d（errno %d：%s），"
       "子进程 %d 已被回收")


FL_MSG("proc_is_alive to be 0 once the child was joined",
       "子进程被 join 之后，proc_is_alive 应为 0")

FL_MSG("the exit code 4 the task returned",
       "退出码应为任务返回的 4")

