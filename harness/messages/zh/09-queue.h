/* 09-queue: the texts of the lesson's checks in 简体中文, one FL_MSG(english, chinese)
 * each (see tools/messages.py). */

FL_MSG("the check to start a child",
       "检查程序应能启动子进程")
FL_MSG("a process waiting in put or get to sleep until woken (blocked)",
       "在 put 或 get 里等待的进程应睡眠，直到被唤醒（阻塞）")
FL_MSG("process %d kept running (it spins, or polls with short sleeps): it never stayed "
       "asleep without progress for 0.1 s",
       "进程 %d 一直在运行（在空转，或者用短暂的 sleep 轮询）：它从来没有连续 0.1 s "
       "处于睡眠且毫无进展")
FL_MSG("a child the check started",
       "检查程序启动的子进程")
FL_MSG("calling queue_new(%d)",
       "调用 queue_new(%d)")
FL_MSG("queue_new to return a queue",
       "queue_new 应返回一个队列")
FL_MSG("queue_new(%d) returned NULL (errno %d: %s)",
       "queue_new(%d) 返回了 NULL（errno %d：%s）")
FL_MSG("queue_put of a %zu-byte message returned %s",
       "put 一条 %zu 字节的消息时，queue_put 返回了 %s")
FL_MSG("queue_get for %s returned %s",
       "queue_get（要取的是 %s）返回了 %s")
FL_MSG("queue_get for %s returned message %u of producer %u instead",
       "queue_get（要取的是 %s）返回的却是编号 %u 的消息，来自生产者 %u")
FL_MSG("a message put in one process is got in another",
       "一个进程 put 的消息能在另一个进程里 get 到")
FL_MSG("letting child A put one message",
       "让子进程 A put 一条消息")
FL_MSG("child A",
       "子进程 A")
FL_MSG("a put from a child to succeed",
       "子进程的 put 应成功")
FL_MSG("child %d's put was %s",
       "子进程 %d 的 put %s")
FL_MSG("child %d's put got %s",
       "子进程 %d 的 put 得到的是 %s")
FL_MSG("child %d's put got %s but not the message that was put",
       "子进程 %d 的 put 得到了 %s，但不是放进去的那条消息")
FL_MSG("getting child A's message in the caller",
       "由调用方 get 子进程 A 的消息")
FL_MSG("letting children B and C put one message each, one after the other",
       "让子进程 B 和 C 先后各 put 一条消息")
FL_MSG("child B",
       "子进程 B")
FL_MSG("child C",
       "子进程 C")
FL_MSG("two messages queued after two children put one each",
       "两个子进程各 put 一条之后，队列里应有两条消息")
FL_MSG("queue_qsize says %d: children %d and %d wrote into the same place",
       "queue_qsize 为 %d：子进程 %d 和 %d 写进了同一个位置")
FL_MSG("putting in the caller for a child to get",
       "由调用方 put 一条消息，让子进程来 get")
FL_MSG("the getting child",
       "负责 get 的子进程")
FL_MSG("a child to get the message the caller put",
       "子进程应能 get 到调用方 put 的消息")
FL_MSG("child %d was %s",
       "子进程 %d %s")
FL_MSG("child %d got %s",
       "子进程 %d 得到的是 %s")
FL_MSG("child %d got %s but not the message that was put",
       "子进程 %d 得到了 %s，但不是放进去的那条消息")
FL_MSG("messages come out in the order they were put",
       "消息按 put 的顺序出来")
FL_MSG("letting a child put 6 messages of different sizes",
       "让一个子进程 put 6 条大小不同的消息")
FL_MSG("the producer child",
       "生产者子进程")
FL_MSG("6 puts into a queue of 8 to succeed",
       "往容量为 8 的队列里 put 6 次，应全部成功")
FL_MSG("getting %s",
       "get %s")
FL_MSG("messages of every size up to QUEUE_MSG_MAX arrive whole",
       "不超过 QUEUE_MSG_MAX 的各种大小的消息都能完整送达")
FL_MSG("putting and getting a %zu-byte message",
       "put 并 get 一条 %zu 字节的消息")
FL_MSG("putting a message one byte over QUEUE_MSG_MAX",
       "put 一条比 QUEUE_MSG_MAX 多一个字节的消息")
FL_MSG("a message over QUEUE_MSG_MAX to be refused: QUEUE_ERROR with errno EMSGSIZE",
       "超过 QUEUE_MSG_MAX 的消息应被拒绝：返回 QUEUE_ERROR，errno 为 EMSGSIZE")
FL_MSG("queue_put returned %s",
       "queue_put 返回了 %s")
FL_MSG("a refused message to leave the queue as it was",
       "被拒绝的消息应让队列保持原样")
FL_MSG("queue_qsize is %d after the refused put",
       "被拒绝的 put 之后，queue_qsize 为 %d")
FL_MSG("four producers at once: every message whole and in its producer's order",
       "四个生产者同时 put：每条消息都完整，并保持各自生产者的顺序")
FL_MSG("starting %d producer children, %d messages each, sizes up to 20000 bytes",
       "启动 %d 个生产者子进程，每个 %d 条消息，大小最多 20000 字节")
FL_MSG("getting message %d of %d from %d producers",
       "get 第 %d 条消息（共 %d 条，来自 %d 个生产者）")
FL_MSG("every message put to be got, once",
       "put 进去的每条消息都应被 get 到，而且只有一次")
FL_MSG("all %d producers have ended, but only %d of their %d messages came out",
       "全部 %d 个生产者都已结束，但只出来了 %d 条消息，它们一共 put 了 %d 条")
FL_MSG("queue_get to return QUEUE_OK while producers put",
       "生产者 put 期间，queue_get 应返回 QUEUE_OK")
FL_MSG("it returned %s after %d messages",
       "返回了 %s，此前已取到 %d 条消息")
FL_MSG("every message to come out whole, with no other message's bytes in it",
       "每条消息出来时都应完整，不夹杂别的消息的字节")
FL_MSG("message %d that came out was %s",
       "取出的第 %d 条消息：%s")
FL_MSG("only the messages the producers put",
       "出来的应只有生产者 put 的消息")
FL_MSG("message %d that came out names producer %u; there are %d",
       "取出的第 %d 条消息自称来自生产者 %u；而生产者只有 %d 个")
FL_MSG("each producer's messages once each, in the order it put them",
       "每个生产者的消息各出来一次，且按它 put 的顺序")
FL_MSG("the first message of producer %u (child %d) to come out was its message %u, not "
       "0",
       "生产者 %u（子进程 %d）最先出来的是它编号 %u 的消息，而不是 0 号")
FL_MSG("after message %u of producer %u (child %d) came message %u of it",
       "在消息 %u（生产者 %u，子进程 %d）之后，出来的是它的消息 %u")
FL_MSG("waiting for producer %d to end",
       "等待生产者 %d 结束")
FL_MSG("a producer child",
       "生产者子进程")
FL_MSG("every producer's puts to succeed",
       "每个生产者的 put 都应成功")
FL_MSG("producer %d was %s",
       "生产者 %d %s")
FL_MSG("producer %d got %s",
       "生产者 %d 得到的是 %s")
FL_MSG("producer %d got %s but not the message that was put",
       "生产者 %d 得到了 %s，但不是放进去的那条消息")
FL_MSG("nothing left once every message was got",
       "所有消息都 get 出来之后，队列应为空")
FL_MSG("queue_qsize is %d",
       "queue_qsize 为 %d")
FL_MSG("put on a full queue waits until a get makes room",
       "满队列上的 put 会等到某次 get 腾出空位")
FL_MSG("letting a child put into the full queue with QUEUE_FOREVER",
       "让一个子进程以 QUEUE_FOREVER 往满队列里 put")
FL_MSG("waiting for child %d to block in queue_put (a put that spins on the CPU instead "
       "of sleeping never blocks)",
       "等待子进程 %d 阻塞在 queue_put 里（在 CPU 上空转而不睡眠的 put 永远不会阻塞）")
FL_MSG("the putting child",
       "负责 put 的子进程")
FL_MSG("queue_put(QUEUE_FOREVER) on a full queue to wait for room",
       "满队列上的 queue_put(QUEUE_FOREVER) 应等待空位")
FL_MSG("child %d's put returned at once, while the queue was full: it was %s",
       "子进程 %d 的 put 在队列满时立即返回了：它%s")
FL_MSG("child %d's put returned at once, while the queue was full: it got %s",
       "子进程 %d 的 put 在队列满时立即返回了：它得到的是 %s")
FL_MSG("child %d's put returned at once, while the queue was full: it got %s but "
       "not the message that was put",
       "子进程 %d 的 put 在队列满时立即返回了：它得到了 %s，"
       "但不是放进去的那条消息")
FL_MSG("the queue to stay at 2 messages while the put waits",
       "put 等待期间，队列应保持 2 条消息")
FL_MSG("queue_qsize is %d while child %d waits in queue_put",
       "queue_qsize 为 %d，而子进程 %d 正在 queue_put 里等待")
FL_MSG("getting one message, which makes room for child %d",
       "get 一条消息，为子进程 %d 腾出空位")
FL_MSG("waiting for child %d's put to finish now that there is room",
       "等待子进程 %d 的 put 在有了空位之后完成")
FL_MSG("the waiting put to succeed once a get made room",
       "某次 get 腾出空位后，等待中的 put 应成功")
FL_MSG("put on a full queue: QUEUE_FULL at once, or after the timeout",
       "满队列上的 put：立即返回 QUEUE_FULL，或者超时后返回")
FL_MSG("calling queue_put with timeout 0 on a full queue",
       "以超时 0 对满队列调用 queue_put")
FL_MSG("queue_put with timeout 0 on a full queue to return QUEUE_FULL",
       "以超时 0 对满队列调用 queue_put，应返回 QUEUE_FULL")
FL_MSG("it returned %s",
       "返回了 %s")
FL_MSG("calling queue_put with a timeout of %.3f s on a full queue",
       "以 %.3f s 的超时对满队列调用 queue_put")
FL_MSG("queue_put with a timeout on a full queue to return QUEUE_FULL",
       "带超时对满队列调用 queue_put，应返回 QUEUE_FULL")
FL_MSG("queue_put to wait the whole timeout before QUEUE_FULL",
       "queue_put 应等满整个超时时间，再返回 QUEUE_FULL")
FL_MSG("it gave up after %.4f s; the timeout was %.4f s",
       "它在 %.4f s 后就放弃了；超时是 %.4f s")
FL_MSG("a put that failed to leave the queue as it was",
       "失败的 put 应让队列保持原样")
FL_MSG("get on an empty queue waits until a put",
       "空队列上的 get 会等到有消息 put 进来")
FL_MSG("letting a child get from the empty queue with QUEUE_FOREVER",
       "让一个子进程以 QUEUE_FOREVER 从空队列 get")
FL_MSG("waiting for child %d to block in queue_get (a get that spins on the CPU instead "
       "of sleeping never blocks)",
       "等待子进程 %d 阻塞在 queue_get 里（在 CPU 上空转而不睡眠的 get 永远不会阻塞）")
FL_MSG("queue_get(QUEUE_FOREVER) on an empty queue to wait for a message",
       "空队列上的 queue_get(QUEUE_FOREVER) 应等待消息")
FL_MSG("child %d's get returned at once, while the queue was empty: it was %s",
       "子进程 %d 的 get 在队列为空时立即返回了：它%s")
FL_MSG("child %d's get returned at once, while the queue was empty: it got %s",
       "子进程 %d 的 get 在队列为空时立即返回了：它得到的是 %s")
FL_MSG("child %d's get returned at once, while the queue was empty: it got %s but "
       "not the message that was put",
       "子进程 %d 的 get 在队列为空时立即返回了：它得到了 %s，"
       "但不是放进去的那条消息")
FL_MSG("putting one message for child %d",
       "为子进程 %d put 一条消息")
FL_MSG("waiting for child %d's get to return the message",
       "等待子进程 %d 的 get 返回这条消息")
FL_MSG("the waiting get to return the message put after it began",
       "等待中的 get 应返回在它开始等待之后才 put 的消息")
FL_MSG("the message to be taken out by the child's get",
       "消息应已被子进程的 get 取走")
FL_MSG("get on an empty queue: QUEUE_EMPTY at once, or after the timeout",
       "空队列上的 get：立即返回 QUEUE_EMPTY，或者超时后返回")
FL_MSG("calling queue_get with timeout 0 on an empty queue",
       "以超时 0 对空队列调用 queue_get")
FL_MSG("queue_get with timeout 0 on an empty queue to return QUEUE_EMPTY",
       "以超时 0 对空队列调用 queue_get，应返回 QUEUE_EMPTY")
FL_MSG("calling queue_get with a timeout of %.3f s on an empty queue",
       "以 %.3f s 的超时对空队列调用 queue_get")
FL_MSG("queue_get with a timeout on an empty queue to return QUEUE_EMPTY",
       "带超时对空队列调用 queue_get，应返回 QUEUE_EMPTY")
FL_MSG("queue_get to wait the whole timeout before QUEUE_EMPTY",
       "queue_get 应等满整个超时时间，再返回 QUEUE_EMPTY")
FL_MSG("qsize, full and empty are exact after every put and get",
       "每次 put 和 get 之后，qsize、full 和 empty 都准确")
FL_MSG("checking qsize after %s",
       "检查 %s 之后的 qsize")
FL_MSG("qsize to count the messages held: 0, 1, 2, 1, 0",
       "qsize 应等于队列里的消息数：0、1、2、1、0")
FL_MSG("after %s (the first put by a child) queue_qsize returned %d, not %d",
       "%s 之后（第一次 put 由子进程完成），queue_qsize 返回了 %d，而不是 %d")
FL_MSG("queue_full true only at 2 messages of 2, queue_empty only at 0",
       "只有存满 2 条（容量为 2）时 queue_full 才为真，只有 0 条时 queue_empty 才为真")
FL_MSG("after %s (%d held) queue_full returned %d and queue_empty %d",
       "%s 之后（队列里有 %d 条），queue_full 返回了 %d，queue_empty 返回了 %d")
FL_MSG("after close, put and get return QUEUE_CLOSED, in every process",
       "close 之后，put 和 get 在每个进程里都返回 QUEUE_CLOSED")
FL_MSG("starting a child that will put once the caller has closed the queue",
       "启动一个子进程，它将在调用方关闭队列之后 put")
FL_MSG("calling queue_close",
       "调用 queue_close")
FL_MSG("queue_put after queue_close to return QUEUE_CLOSED",
       "queue_close 之后，queue_put 应返回 QUEUE_CLOSED")
FL_MSG("queue_get after queue_close to return QUEUE_CLOSED, even with a message left",
       "queue_close 之后，queue_get 应返回 QUEUE_CLOSED，即使队列里还剩着消息")
FL_MSG("letting a child that was started before the close put into the queue",
       "让一个在关闭之前启动的子进程往队列里 put")
FL_MSG("a pipe to let the child go",
       "应能通过管道放行子进程")
FL_MSG("write failed: %s",
       "write 失败：%s")
FL_MSG("a queue closed in one process to be closed for all of them",
       "在一个进程里关闭的队列，对所有进程都应是关闭的")
FL_MSG("child %d, which had the queue before the caller closed it, put after the "
       "close and was %s",
       "子进程 %d 在调用方关闭队列之前就拿到了它，在关闭之后 put，%s")
FL_MSG("child %d, which had the queue before the caller closed it, put after the "
       "close and got %s",
       "子进程 %d 在调用方关闭队列之前就拿到了它，在关闭之后 put，得到的是 %s")
FL_MSG("child %d, which had the queue before the caller closed it, put after the "
       "close and got %s but not the message that was put",
       "子进程 %d 在调用方关闭队列之前就拿到了它，在关闭之后 put，"
       "得到了 %s，但不是放进去的那条消息")
FL_MSG("calling queue_get with a timeout on a closed, empty queue",
       "带超时对已关闭的空队列调用 queue_get")
FL_MSG("queue_get on a closed, empty queue to say closed, not empty",
       "对已关闭的空队列，queue_get 应报告“已关闭”，而不是“空”")
FL_MSG("close wakes every process waiting in put and get, two of each",
       "close 唤醒所有在 put 和 get 里等待的进程，两种各两个")
FL_MSG("letting two children wait in get on an empty queue, two in put on a full one",
       "让两个子进程在空队列上等待 get，两个在满队列上等待 put")
FL_MSG("waiting for child %d to block in %s",
       "等待子进程 %d 阻塞在 %s 里")
FL_MSG("a waiting child",
       "等待中的子进程")
FL_MSG("put on a full queue and get on an empty one to wait",
       "满队列上的 put 和空队列上的 get 都应等待")
FL_MSG("child %d's %s returned at once: it was %s",
       "子进程 %d 的 %s 立即返回了：它%s")
FL_MSG("child %d's %s returned at once: it got %s",
       "子进程 %d 的 %s 立即返回了：它得到的是 %s")
FL_MSG("child %d's %s returned at once: it got %s but not the message that was put",
       "子进程 %d 的 %s 立即返回了：它得到了 %s，"
       "但不是放进去的那条消息")
FL_MSG("closing both queues while children %d, %d (get) and %d, %d (put) wait in them",
       "关闭两个队列（子进程 %d、%d 在 get 里等待，%d、%d 在 put 里等待）")
FL_MSG("queue_close to wake EVERY process waiting in the queue (a broadcast, not one "
       "wake-up per queue)",
       "queue_close 应唤醒在队列里等待的每一个进程（要 broadcast，"
       "而不是每个队列只唤醒一个）")
FL_MSG("%d of the 4 waiting children still waited %.1f s after the close: %s",
       "4 个等待中的子进程里，有 %d 个在关闭 %.1f s 之后仍在等待：%s")
FL_MSG("a put or get waiting on a queue that gets closed to return QUEUE_CLOSED",
       "在被关闭的队列上等待的 put 或 get 应返回 QUEUE_CLOSED")
FL_MSG("child %d (%s) was %s",
       "子进程 %d（%s）%s")
FL_MSG("child %d (%s) got %s",
       "子进程 %d（%s）得到的是 %s")
FL_MSG("child %d (%s) got %s but not the message that was put",
       "子进程 %d（%s）得到了 %s，但不是放进去的那条消息")
FL_MSG("a getter whose buffer is too small leaves the message to another waiting getter",
       "缓冲区太小的 get 会把消息留给另一个等待中的 get")
FL_MSG("letting a getter with a 100-byte buffer wait on the empty queue",
       "让一个缓冲区只有 100 字节的 get 在空队列上等待")
FL_MSG("queue_get(QUEUE_FOREVER) on an empty queue to wait",
       "空队列上的 queue_get(QUEUE_FOREVER) 应等待")
FL_MSG("child %d's get returned at once: it was %s",
       "子进程 %d 的 get 立即返回了：它%s")
FL_MSG("child %d's get returned at once: it got %s",
       "子进程 %d 的 get 立即返回了：它得到的是 %s")
FL_MSG("child %d's get returned at once: it got %s but not the message that was put",
       "子进程 %d 的 get 立即返回了：它得到了 %s，"
       "但不是放进去的那条消息")
FL_MSG("the small getter",
       "缓冲区小的 get 子进程")
FL_MSG("letting a getter with a big buffer wait too, after the first",
       "让一个缓冲区足够大的 get 也开始等待，排在第一个之后")
FL_MSG("the big getter",
       "缓冲区大的 get 子进程")
FL_MSG("putting one 5000-byte message while children %d (100-byte buffer) and %d (big "
       "buffer) wait",
       "put 一条 5000 字节的消息，此时子进程 %d（100 字节缓冲区）和 %d（大缓冲区）"
       "都在等待")
FL_MSG("the getter with a big enough buffer to get the message: a getter that cannot "
       "take it (EMSGSIZE) passes the wake-up on",
       "缓冲区足够大的 get 应取到这条消息：取不了它的 get（EMSGSIZE）要把唤醒传下去")
FL_MSG("child %d (big buffer) still slept %.1f s after the put, with the message at "
       "the head (qsize %d); child %d (100-byte buffer) waited too",
       "子进程 %d（大缓冲区）在 put 之后 %.1f s 仍在睡眠，"
       "而消息就在队头（qsize %d）；"
       "子进程 %d（100 字节缓冲区）也在等待")
FL_MSG("child %d (big buffer) still slept %.1f s after the put, with the message at "
       "the head (qsize %d); child %d (100-byte buffer) was %s",
       "子进程 %d（大缓冲区）在 put 之后 %.1f s 仍在睡眠，"
       "而消息就在队头（qsize %d）；"
       "子进程 %d（100 字节缓冲区）%s")
FL_MSG("child %d (big buffer) still slept %.1f s after the put, with the message at "
       "the head (qsize %d); child %d (100-byte buffer) got %s",
       "子进程 %d（大缓冲区）在 put 之后 %.1f s 仍在睡眠，"
       "而消息就在队头（qsize %d）；"
       "子进程 %d（100 字节缓冲区）得到的是 %s")
FL_MSG("child %d (big buffer) still slept %.1f s after the put, with the message at "
       "the head (qsize %d); child %d (100-byte buffer) got %s but not the message that was put",
       "子进程 %d（大缓冲区）在 put 之后 %.1f s 仍在睡眠，"
       "而消息就在队头（qsize %d）；"
       "子进程 %d（100 字节缓冲区）得到了 %s，"
       "但不是放进去的那条消息")
FL_MSG("the getter with a big enough buffer to get the 5000-byte message",
       "缓冲区足够大的 get 应取到这条 5000 字节的消息")
FL_MSG("child %d (big buffer) was %s",
       "子进程 %d（大缓冲区）%s")
FL_MSG("child %d (big buffer) got %s",
       "子进程 %d（大缓冲区）得到的是 %s")
FL_MSG("child %d (big buffer) got %s but not the message that was put",
       "子进程 %d（大缓冲区）得到了 %s，但不是放进去的那条消息")
FL_MSG("the getter with a 100-byte buffer to get QUEUE_ERROR (EMSGSIZE), or "
       "QUEUE_CLOSED if it never woke before the close",
       "100 字节缓冲区的 get 应得到 QUEUE_ERROR（EMSGSIZE）；"
       "如果它在关闭之前一直没被唤醒，则得到 QUEUE_CLOSED")
FL_MSG("child %d (100-byte buffer) still waited after the close",
       "子进程 %d（100 字节缓冲区）在 close 之后仍在等待")
FL_MSG("child %d (100-byte buffer) was %s",
       "子进程 %d（100 字节缓冲区）%s")
FL_MSG("child %d (100-byte buffer) got %s",
       "子进程 %d（100 字节缓冲区）得到的是 %s")
FL_MSG("child %d (100-byte buffer) got %s but not the message that was put",
       "子进程 %d（100 字节缓冲区）得到了 %s，"
       "但不是放进去的那条消息")
FL_MSG("the child sending signals",
       "发送信号的子进程")
FL_MSG("put and get with timeout t return after at least t and at most a little more, "
       "while signals keep waking them",
       "带超时 t 的 put 和 get 至少等 t、至多稍多于 t 就返回，即使信号不断把它们唤醒")
FL_MSG("calling queue_put with timeout %.2f s on a full queue while child %d "
       "signals the caller every 20 ms",
       "对满的队列调用 queue_put（超时 %.2f s），"
       "同时子进程 %d 每 20 ms 向调用方发一个信号")
FL_MSG("calling queue_get with timeout %.2f s on an empty queue while child %d "
       "signals the caller every 20 ms",
       "对空的队列调用 queue_get（超时 %.2f s），"
       "同时子进程 %d 每 20 ms 向调用方发一个信号")
FL_MSG("it returned %s after %.3f s and %d signals",
       "返回了 %s，用时 %.3f s，其间收到 %d 个信号")
FL_MSG("the whole timeout to pass before giving up",
       "应等满整个超时时间才放弃")
FL_MSG("queue_%s gave up after %.4f s; the timeout was %.4f s (%d signals arrived "
       "meanwhile)",
       "queue_%s 在 %.4f s 后就放弃了；超时是 %.4f s（其间收到 %d 个信号）")
FL_MSG("a timeout t to end the wait after at most a little more than t, counted from "
       "the call, not from the last wake-up",
       "超时 t 应让等待最多在稍多于 t 之后结束，从调用时算起，而不是从最近一次唤醒算起")
FL_MSG("queue_%s with timeout %.2f s returned after %.3f s, while %d signals woke it: "
       "was the clock started again after each wake-up?",
       "queue_%s（超时 %.2f s）过了 %.3f s 才返回，其间 %d 个信号唤醒了它："
       "是不是每次唤醒后都重新开始计时了？")
FL_MSG("a put or get waiting for ever goes on waiting when a signal interrupts it",
       "无限期等待的 put 或 get 被信号打断后会继续等待")
FL_MSG("letting a child wait in get (QUEUE_FOREVER) with a SIGUSR1 handler, no "
       "SA_RESTART",
       "让一个装了 SIGUSR1 处理函数（不带 SA_RESTART）的子进程在 get（QUEUE_FOREVER）"
       "里等待")
FL_MSG("the harness's signalling helper",
       "检查程序用来发信号的辅助进程")
FL_MSG("checking that child %d, interrupted by SIGUSR1, waits again",
       "确认被 SIGUSR1 打断的子进程 %d 又回去等待了")
FL_MSG("a get waiting with QUEUE_FOREVER to go on waiting after a signal's handler "
       "returns (the contract names no EINTR outcome)",
       "以 QUEUE_FOREVER 等待的 get，在信号处理函数返回后应继续等待（约定里没有 EINTR "
       "这种结果）")
FL_MSG("after SIGUSR1, child %d was %s",
       "收到 SIGUSR1 之后，子进程 %d %s")
FL_MSG("after SIGUSR1, child %d got %s",
       "收到 SIGUSR1 之后，子进程 %d 得到的是 %s")
FL_MSG("after SIGUSR1, child %d got %s but not the message that was put",
       "收到 SIGUSR1 之后，子进程 %d 得到了 %s，"
       "但不是放进去的那条消息")
FL_MSG("after SIGUSR1, child %d kept running instead of waiting",
       "收到 SIGUSR1 之后，子进程 %d 一直在运行，而不是在等待")
FL_MSG("putting the message child %d waits for",
       "put 子进程 %d 在等的那条消息")
FL_MSG("the interrupted get to return the message put later",
       "被打断过的 get 应返回之后才 put 的消息")
FL_MSG("child %d still waited after the put",
       "子进程 %d 在 put 之后仍在等待")
FL_MSG("queue_free leaves no descriptor and no shared mapping in the caller",
       "queue_free 之后，调用方里不留下任何文件描述符和共享映射")
FL_MSG("calling queue_close and queue_free",
       "调用 queue_close 和 queue_free")
FL_MSG("every descriptor the queue opened to be closed by queue_free",
       "队列打开的每个文件描述符都应由 queue_free 关闭")
FL_MSG("after queue_free, %d descriptor opened by the queue is still open: %s",
       "queue_free 之后，队列打开的文件描述符还有 %d 个没关：%s")
FL_MSG("after queue_free, %d descriptors opened by the queue are still open: %s",
       "queue_free 之后，队列打开的文件描述符还有 %d 个没关：%s")
FL_MSG("queue_free to unmap all of the queue's shared memory",
       "queue_free 应解除队列全部共享内存的映射")
FL_MSG("after queue_free, %d shared mapping is still there: %s",
       "queue_free 之后，还有 %d 个共享映射没解除：%s")
FL_MSG("after queue_free, %d shared mappings are still there: %s",
       "queue_free 之后，还有 %d 个共享映射没解除：%s")
FL_MSG("queue_free in a child releases that child's hold (descriptors, memory)",
       "子进程里的 queue_free 释放该子进程持有的那份（文件描述符、内存）")
FL_MSG("letting a child call queue_free on its copy of the queue",
       "让一个子进程对它那份队列调用 queue_free")
FL_MSG("the child calling queue_free",
       "调用 queue_free 的子进程")
FL_MSG("queue_free in a child to close the queue's descriptors and unmap its memory in "
       "that child",
       "子进程里的 queue_free 应在该子进程中关闭队列的文件描述符，并解除其内存映射")
FL_MSG("child %d still held some of the queue's descriptors or mappings after queue_free",
       "子进程 %d 在 queue_free 之后仍持有队列的一些文件描述符或映射")
FL_MSG("the caller's queue to stay usable after a child freed its hold",
       "子进程释放了它持有的那份之后，调用方的队列应仍然可用")
FL_MSG("queue_qsize in the caller returned %d",
       "调用方里的 queue_qsize 返回了 %d")
FL_MSG("every refusal queue.h promises: the documented result and errno, the queue "
       "untouched",
       "queue.h 承诺的每一种拒绝：返回写明的结果和 errno，队列保持不变")
FL_MSG("each refusal the header documents, with its errno",
       "头文件写明的每一种拒绝，都应带上相应的 errno")
FL_MSG("%s returned %ld (errno %d: %s); queue.h says %ld with errno %s",
       "%s 返回了 %ld（errno %d：%s）；"
       "queue.h 规定返回 %ld，errno 为 %s")
FL_MSG("%s returned %ld (errno %d: %s); queue.h says %ld",
       "%s 返回了 %ld（errno %d：%s）；"
       "queue.h 规定返回 %ld")
FL_MSG("a refused call to leave the queue as it was (one message)",
       "被拒绝的调用应让队列保持原样（一条消息）")
FL_MSG("after %s, queue_qsize is %d",
       "%s 之后，queue_qsize 为 %d")
FL_MSG("putting an empty message: queue_put(q, NULL, 0, 0)",
       "put 一条空消息：queue_put(q, NULL, 0, 0)")
FL_MSG("a NULL message of length 0 to be a valid, empty message",
       "长度为 0 的 NULL 消息应是一条合法的空消息")
FL_MSG("queue_put(q, NULL, 0, 0) returned %s",
       "queue_put(q, NULL, 0, 0) 返回了 %s")
FL_MSG("the empty message to come out with length 0",
       "空消息出来时长度应为 0")
FL_MSG("queue_get returned %s with length %zu",
       "queue_get 返回了 %s，长度为 %zu")
FL_MSG("queue_new that cannot get descriptors or memory returns NULL with errno and "
       "leaves nothing",
       "拿不到文件描述符或内存的 queue_new 返回 NULL 并设 errno，且不留下任何东西")
FL_MSG("calling queue_new(4) with %d descriptor free",
       "调用 queue_new(4)，只有 %d 个空闲的文件描述符")
FL_MSG("calling queue_new(4) with %d descriptors free",
       "调用 queue_new(4)，只有 %d 个空闲的文件描述符")
FL_MSG("a NULL from queue_new to come with the system's errno",
       "queue_new 返回 NULL 时应带上系统给出的 errno")
FL_MSG("with %d descriptor free queue_new returned NULL with errno 0",
       "只有 %d 个空闲文件描述符时，"
       "queue_new 返回了 NULL，errno 却是 0")
FL_MSG("with %d descriptors free queue_new returned NULL with errno 0",
       "只有 %d 个空闲文件描述符时，"
       "queue_new 返回了 NULL，errno 却是 0")
FL_MSG("a failed queue_new to close what it opened",
       "失败的 queue_new 应关闭它打开过的东西")
FL_MSG("after queue_new failed (%s) with %d descriptor free, %d descriptor is still open: %s",
       "queue_new 失败了（%s），"
       "当时只有 %d 个空闲文件描述符；之后仍有 %d 个文件描述符没关：%s")
FL_MSG("after queue_new failed (%s) with %d descriptor free, %d descriptors are still open: %s",
       "queue_new 失败了（%s），"
       "当时只有 %d 个空闲文件描述符；之后仍有 %d 个文件描述符没关：%s")
FL_MSG("after queue_new failed (%s) with %d descriptors free, %d descriptor is still open: %s",
       "queue_new 失败了（%s），"
       "当时只有 %d 个空闲文件描述符；之后仍有 %d 个文件描述符没关：%s")
FL_MSG("after queue_new failed (%s) with %d descriptors free, %d descriptors are still open: %s",
       "queue_new 失败了（%s），"
       "当时只有 %d 个空闲文件描述符；之后仍有 %d 个文件描述符没关：%s")
FL_MSG("a failed queue_new to unmap what it mapped",
       "失败的 queue_new 应解除它建立过的映射")
FL_MSG("after queue_new failed (%s), %d shared mapping is still there: %s",
       "queue_new 失败（%s）之后，还有 %d 个共享映射没解除：%s")
FL_MSG("after queue_new failed (%s), %d shared mappings are still there: %s",
       "queue_new 失败（%s）之后，还有 %d 个共享映射没解除：%s")
FL_MSG("calling queue_new(4) with %d allocation allowed, then ENOMEM",
       "调用 queue_new(4)，只允许 %d 次内存分配，"
       "之后返回 ENOMEM")
FL_MSG("calling queue_new(4) with %d allocations allowed, then ENOMEM",
       "调用 queue_new(4)，只允许 %d 次内存分配，"
       "之后返回 ENOMEM")
FL_MSG("a NULL from queue_new to come with errno (ENOMEM)",
       "queue_new 返回 NULL 时应带上 errno（ENOMEM）")
FL_MSG("with %d allocation allowed queue_new returned NULL with errno 0",
       "只允许 %d 次内存分配时，queue_new 返回了 NULL，"
       "errno 却是 0")
FL_MSG("with %d allocations allowed queue_new returned NULL with errno 0",
       "只允许 %d 次内存分配时，queue_new 返回了 NULL，"
       "errno 却是 0")
FL_MSG("after queue_new failed (%s) with %d allocation allowed, %d shared mapping "
       "is still there: %s",
       "queue_new 失败了（%s），当时只允许 %d 次内存分配；"
       "之后仍有 %d 个共享映射没解除：%s")
FL_MSG("after queue_new failed (%s) with %d allocation allowed, %d shared mappings "
       "are still there: %s",
       "queue_new 失败了（%s），当时只允许 %d 次内存分配；"
       "之后仍有 %d 个共享映射没解除：%s")
FL_MSG("after queue_new failed (%s) with %d allocations allowed, %d shared mapping "
       "is still there: %s",
       "queue_new 失败了（%s），当时只允许 %d 次内存分配；"
       "之后仍有 %d 个共享映射没解除：%s")
FL_MSG("after queue_new failed (%s) with %d allocations allowed, %d shared mappings "
       "are still there: %s",
       "queue_new 失败了（%s），当时只允许 %d 次内存分配；"
       "之后仍有 %d 个共享映射没解除：%s")
FL_MSG("after queue_new failed (%s) with %d allocation allowed, %d descriptor is still open: %s",
       "queue_new 失败了（%s），当时只允许 %d 次内存分配；"
       "之后仍有 %d 个文件描述符没关：%s")
FL_MSG("after queue_new failed (%s) with %d allocation allowed, %d descriptors are still open: %s",
       "queue_new 失败了（%s），当时只允许 %d 次内存分配；"
       "之后仍有 %d 个文件描述符没关：%s")
FL_MSG("after queue_new failed (%s) with %d allocations allowed, %d descriptor is still open: %s",
       "queue_new 失败了（%s），当时只允许 %d 次内存分配；"
       "之后仍有 %d 个文件描述符没关：%s")
FL_MSG("after queue_new failed (%s) with %d allocations allowed, %d descriptors are still open: %s",
       "queue_new 失败了（%s），当时只允许 %d 次内存分配；"
       "之后仍有 %d 个文件描述符没关：%s")
FL_MSG("calling queue_new(QUEUE_MAXSIZE_MAX) with at most 48 MB of address space",
       "调用 queue_new(QUEUE_MAXSIZE_MAX)，地址空间最多 48 MB")
FL_MSG("queue_new(QUEUE_MAXSIZE_MAX) returned NULL with errno 0",
       "queue_new(QUEUE_MAXSIZE_MAX) 返回了 NULL，errno 却是 0")
FL_MSG("after queue_new failed (%s), %d descriptor is still open: %s",
       "queue_new 失败（%s）之后，还有 %d 个文件描述符没关：%s")
FL_MSG("after queue_new failed (%s), %d descriptors are still open: %s",
       "queue_new 失败（%s）之后，还有 %d 个文件描述符没关：%s")
FL_MSG("a timed put or get ends after at least t and at most a little more, however "
       "often it is woken to find nothing",
       "带超时的 put 或 get 至少等 t、至多稍多于 t 就结束，不管它被唤醒后扑空了多少次")
FL_MSG("letting a child call queue_put with timeout %.2f s on a full queue",
       "让一个子进程对满的队列调用 queue_put（超时 %.2f s）")
FL_MSG("letting a child call queue_get with timeout %.2f s on an empty queue",
       "让一个子进程对空的队列调用 queue_get（超时 %.2f s）")
FL_MSG("waking child %d in queue_put with a get and a put it cannot use (wake-up %d)",
       "唤醒在 queue_put 里等待的子进程 %d，"
       "用的是它用不上的一次 get 和一次 put（第 %d 次唤醒）")
FL_MSG("waking child %d in queue_get with a put and a get it cannot use (wake-up %d)",
       "唤醒在 queue_get 里等待的子进程 %d，"
       "用的是它用不上的一次 put 和一次 get（第 %d 次唤醒）")
FL_MSG("the timed call to return",
       "带超时的调用应该返回")
FL_MSG("child %d's queue_%s with timeout %.2f s had not returned %.1f s after the "
       "wake-ups stopped",
       "子进程 %d 的 queue_%s（超时 %.2f s）在唤醒停止 %.1f s 之后仍未返回")
FL_MSG("child %d's queue_%s returned %s after %.3f s and %d wake-ups",
       "子进程 %d 的 queue_%s 返回了 %s，用时 %.3f s，其间被唤醒 %d 次")
FL_MSG("a wake-up that finds the queue as it was to go back to waiting: the timeout is "
       "not over yet",
       "唤醒后发现队列没变，应回去接着等：超时还没到")
FL_MSG("child %d's queue_%s gave up after %.4f s, after %d wake-up; the timeout was %.4f s",
       "子进程 %d 的 queue_%s 在 %.4f s 后就放弃了，"
       "其间被唤醒 %d 次；超时是 %.4f s")
FL_MSG("child %d's queue_%s gave up after %.4f s, after %d wake-ups; the timeout was %.4f s",
       "子进程 %d 的 queue_%s 在 %.4f s 后就放弃了，"
       "其间被唤醒 %d 次；超时是 %.4f s")
FL_MSG("a timeout t to end the wait after at most a little more than t, counted from "
       "the call: one deadline, not one per wake-up",
       "超时 t 应让等待最多在稍多于 t 之后结束，从调用时算起：只有一个截止时间，"
       "而不是每次唤醒重新算一个")
FL_MSG("child %d's queue_%s with timeout %.2f s returned after %.3f s, while %d "
       "wake-ups found the queue as it was: was the clock started again at each?",
       "子进程 %d 的 queue_%s（超时 %.2f s）过了 %.3f s 才返回，其间 %d "
       "次唤醒都发现队列没变：是不是每次唤醒都重新开始计时了？")
