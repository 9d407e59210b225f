/* 10-producer-consumer: the texts of the lesson's checks in 简体中文, one FL_MSG(english, chinese)
 * each (see tools/messages.py). */

FL_MSG("no more items consumed than were put",
       "被消费的数据项不应多于 put 进去的")
FL_MSG("consume was called %d times for %d items",
       "consume 被调用了 %d 次，而数据项只有 %d 个")
FL_MSG("consumers to run in child processes",
       "消费者应在子进程里运行")
FL_MSG("consume ran in the process that called pc_run itself (pid %d)",
       "consume 就在调用 pc_run 的进程本身里运行了（pid %d）")
FL_MSG("a consumer to stop at a sentinel, never to hand it to consume",
       "消费者应在哨兵处停下，绝不能把它交给 consume")
FL_MSG("consumer %d (pid %d) passed a sentinel to consume as an item",
       "消费者 %d（pid %d）把哨兵当作数据项交给了 consume")
FL_MSG("only the items the producers put to be consumed",
       "被消费的应只有生产者 put 的数据项")
FL_MSG("consumer pid %d got {producer %d, seq %d}, which no producer puts (%d "
       "producers, %d items each)",
       "消费者 pid %d 拿到了 {producer %d, seq %d}，没有哪个生产者会 put 它（%d "
       "个生产者，每个 %d 项）")
FL_MSG("every item consumed exactly once",
       "每个数据项应恰好被消费一次")
FL_MSG("item {producer %d, seq %d} was consumed twice: by pid %d and by pid %d",
       "数据项 {producer %d, seq %d} 被消费了两次：分别由 pid %d 和 pid %d")
FL_MSG("item {producer %d, seq %d} was never consumed (%d of %d items were)",
       "数据项 {producer %d, seq %d} 一次也没被消费（被消费的有 %d 项，共 %d 项）")
FL_MSG("each producer's items to reach a consumer in the order they were put",
       "每个生产者的数据项应按 put 的顺序到达消费者")
FL_MSG("consumer pid %d got item %d of producer %d before item %d of it",
       "消费者 pid %d 先拿到了编号 %d 的数据项（生产者 %d），后拿到它编号 %d 的数据项")
FL_MSG("a child left by pc_run",
       "pc_run 留下的子进程")
FL_MSG("pc_run to join every producer and consumer before it returns",
       "pc_run 返回之前应 join 每一个生产者和消费者")
FL_MSG("when pc_run returned (and its process ended), %d child it started had not been joined: %s",
       "pc_run 返回（它的进程也结束）时，"
       "它启动的子进程中有 %d 个没有被 join：%s")
FL_MSG("when pc_run returned (and its process ended), %d children it started had "
       "not been joined: %s",
       "pc_run 返回（它的进程也结束）时，"
       "它启动的子进程中有 %d 个没有被 join：%s")
FL_MSG("calling queue_new(%d) (given)",
       "调用 queue_new(%d)（现成的）")
FL_MSG("the given queue_new to work",
       "现成的 queue_new 应能正常工作")
FL_MSG("it returned NULL (%s)",
       "返回了 NULL（%s）")
FL_MSG("the check to start a consumer",
       "检查程序应能启动消费者")
FL_MSG("a consumer",
       "一个消费者")
FL_MSG("a consumer to stop at the first sentinel it gets",
       "消费者应在拿到的第一个哨兵处停下")
FL_MSG("consumer pid %d went on after a sentinel and took the item put after the %d sentinel",
       "消费者 pid %d 拿到哨兵后还在继续，"
       "取走了排在 %d 个哨兵之后的那一项")
FL_MSG("consumer pid %d went on after a sentinel and took the item put after the %d sentinels",
       "消费者 pid %d 拿到哨兵后还在继续，"
       "取走了排在 %d 个哨兵之后的那一项")
FL_MSG("the process running pc_run",
       "运行 pc_run 的进程")
FL_MSG("a child pc_run left",
       "pc_run 留下的子进程")
FL_MSG("the check to start a process for pc_run",
       "检查程序应能为 pc_run 启动一个进程")
FL_MSG("waiting for pc_run (in process %d): %d producers x %d items, %d consumers, "
       "capacity %d; it is given %.1f s",
       "等待 pc_run（在进程 %d 里）：%d 个生产者 × 每个 %d 项，%d 个消费者，容量 %d；"
       "时限 %.1f s")
FL_MSG("pc_run to finish: no process waiting for another that waits for it",
       "pc_run 应能结束：不能有进程在等一个同时也在等它的进程")
FL_MSG("after %.1f s pc_run had not returned; %d of %d items consumed; process %d "
       "(running pc_run) still waited, with children %s. %s",
       "%.1f s 之后 pc_run 仍未返回；已消费 %d 项，共 %d 项；进程 %d（运行 pc_run "
       "的那个）仍在等待，它的子进程：%s。%s")
FL_MSG("pc_run to return to its caller",
       "pc_run 应返回到它的调用方")
FL_MSG("process %d, running pc_run, was %s",
       "运行 pc_run 的进程 %d %s")
FL_MSG("pc_run returned %d%s%s%s, not %d",
       "pc_run 返回了 %d%s%s%s，而不是 %d")
FL_MSG("every item is consumed exactly once",
       "每个数据项恰好被消费一次")
FL_MSG("each producer's items reach a consumer in the order they were put",
       "每个生产者的数据项按 put 的顺序到达消费者")
FL_MSG("a consumer stops at its sentinel and leaves the rest",
       "消费者在自己的哨兵处停下，其余的留在队列里")
FL_MSG("waiting for consumer %d: 3 items, a sentinel, then one more item queued",
       "等待消费者 %d：队列里有 3 项、一个哨兵，后面还有一项")
FL_MSG("the consumer to hand the 3 items before its sentinel to consume",
       "消费者应把哨兵之前的 3 项交给 consume")
FL_MSG("consume was called %d times",
       "consume 被调用了 %d 次")
FL_MSG("the item after the sentinel to stay in the queue",
       "哨兵之后的那一项应留在队列里")
FL_MSG("the queue holds %d items after consumer %d ended",
       "队列里还有 %d 项，而消费者 %d 已经结束")
FL_MSG("every consumer exits 0 after its sentinel",
       "每个消费者拿到自己的哨兵后以 0 退出")
FL_MSG("waiting for consumers %d and %d: 6 items, 2 sentinels",
       "等待消费者 %d 和 %d：6 项，2 个哨兵")
FL_MSG("a consumer to return 0 from pc_consumer after its sentinel",
       "消费者拿到哨兵后，pc_consumer 应返回 0")
FL_MSG("consumer %d %s",
       "消费者 %d %s")
FL_MSG("pc_run joins every producer and consumer before it returns",
       "pc_run 返回之前 join 每一个生产者和消费者")
FL_MSG("producers and consumers to be children of the process that called pc_run",
       "生产者和消费者应是调用 pc_run 的那个进程的子进程")
FL_MSG("consumer pid %d had parent %d; pc_run ran in %d",
       "消费者 pid %d 的父进程是 %d；pc_run 运行在 %d 里")
FL_MSG("pc_run reports a consumer that did not exit 0",
       "pc_run 会报告没有以 0 退出的消费者")
FL_MSG("the check's consume function ends the first consumer that calls it with _exit(3)",
       "检查程序的 consume 函数会让第一个调用它的消费者以 _exit(3) 结束")
FL_MSG("then it kills the first consumer that calls it with SIGKILL: a killed child "
       "counts as failed too (exit code -9)",
       "接着它会用 SIGKILL 杀死第一个调用它的消费者：被杀死的子进程也算失败（退出码 -9）")
FL_MSG("with a queue of capacity 1 the pipeline still finishes",
       "队列容量为 1 时，流水线照样能走完")
FL_MSG("running %s in a child",
       "让子进程运行 %s")
FL_MSG("the child running a worker",
       "运行工作进程代码的子进程")
FL_MSG("a worker exits 0 when its puts and gets work, 1 once its queue is closed",
       "工作进程在 put 和 get 都成功时以 0 退出，队列一关闭就以 1 退出")
FL_MSG("calling queue_new(4) (given)",
       "调用 queue_new(4)（现成的）")
FL_MSG("pc_producer to put its items and return 0",
       "pc_producer 应 put 完它的数据项并返回 0")
FL_MSG("it %s",
       "结果：%s")
FL_MSG("producer 0 to put {0, 0}, {0, 1}, {0, 2}, each sizeof(struct pc_item) bytes",
       "生产者 0 应 put {0, 0}、{0, 1}、{0, 2}，每项 sizeof(struct pc_item) 字节")
FL_MSG("get %d of 3 gave result %d, %zu bytes, {%d, %d}",
       "第 %d 次 get（共 3 次）的结果是 %d，%zu 字节，{%d, %d}")
FL_MSG("pc_consumer to return 0 at its sentinel",
       "pc_consumer 遇到哨兵应返回 0")
FL_MSG("a worker whose put or get returns QUEUE_CLOSED to stop and return 1",
       "put 或 get 返回 QUEUE_CLOSED 的工作进程应停下并返回 1")
FL_MSG("%s on a closed queue %s",
       "%s 在已关闭的队列上 %s")
FL_MSG("every refusal pipeline.h promises: the documented result and errno, nothing "
       "started",
       "pipeline.h 承诺的每一种拒绝：返回写明的结果和 errno，什么都不启动")
FL_MSG("calling queue_new(2) (given)",
       "调用 queue_new(2)（现成的）")
FL_MSG("each refusal the header documents, with its errno, before anything starts",
       "头文件写明的每一种拒绝，都应带上相应的 errno，而且发生在任何东西启动之前")
FL_MSG("%s returned %d (errno %d: %s); the header says %d with errno %d (%s)",
       "%s 返回了 %d（errno %d：%s）；头文件规定返回 %d，errno 为 %d（%s）")
FL_MSG("pc_run finishes, and counts them, when every consumer dies early, with capacity "
       "1",
       "容量为 1、所有消费者都提前死掉时，pc_run 仍能结束，并把它们计入失败个数")
FL_MSG("the check's consume function ends every consumer that calls it with _exit(3)",
       "检查程序的 consume 函数会让每个调用它的消费者都以 _exit(3) 结束")
FL_MSG("pc_run to return how many children did not exit 0: both consumers (3), and the "
       "producers if they could not finish (at most 4)",
       "pc_run 应返回没有以 0 退出的子进程个数：两个消费者（以 3 退出），"
       "再加上没能完成的生产者（最多 4）")
FL_MSG("pc_run returned %d%s%s",
       "pc_run 返回了 %d%s%s")
FL_MSG("pc_run to return 2: two consumers died on their item, the producer and the "
       "third consumer exited 0",
       "pc_run 应返回 2：两个消费者在拿到数据项时死掉，生产者和第三个消费者以 0 退出")
FL_MSG("pc_run returned %d%s%s (1 producer x 2 items, 3 consumers, capacity 1)",
       "pc_run 返回了 %d%s%s（1 个生产者 × 2 项，3 个消费者，容量 1）")
FL_MSG("nothing left behind: every child pc_run started joined",
       "不留下任何东西：pc_run 启动的每个子进程都应已被 join")
FL_MSG("%s, the caller still had %d child: %s",
       "%s，调用方仍有 %d 个子进程：%s")
FL_MSG("%s, the caller still had %d children: %s",
       "%s，调用方仍有 %d 个子进程：%s")
FL_MSG("nothing left behind: every descriptor pc_run opened closed",
       "不留下任何东西：pc_run 打开的每个文件描述符都应已关闭")
FL_MSG("%s, %d descriptor was still open: %s",
       "%s，还有 %d 个文件描述符没关：%s")
FL_MSG("%s, %d descriptors were still open: %s",
       "%s，还有 %d 个文件描述符没关：%s")
FL_MSG("nothing left behind: the queue's memory unmapped (queue_free)",
       "不留下任何东西：队列的内存应已解除映射（queue_free）")
FL_MSG("%s, %d shared mapping was still there: %s",
       "%s，还有 %d 个共享映射没解除：%s")
FL_MSG("%s, %d shared mappings were still there: %s",
       "%s，还有 %d 个共享映射没解除：%s")
FL_MSG("when a fork fails, pc_run returns -1 with EAGAIN and leaves nothing",
       "某次 fork 失败时，pc_run 返回 -1 并设 EAGAIN，且不留下任何东西")
FL_MSG("calling pc_run (2 producers, 2 consumers) with only %d fork allowed",
       "调用 pc_run（2 个生产者，2 个消费者），"
       "只允许 %d 次 fork")
FL_MSG("calling pc_run (2 producers, 2 consumers) with only %d forks allowed",
       "调用 pc_run（2 个生产者，2 个消费者），"
       "只允许 %d 次 fork")
FL_MSG("pc_run to return -1 with fork's errno (EAGAIN) when a process cannot start",
       "有进程无法启动时，pc_run 应返回 -1，errno 为 fork 给出的 EAGAIN")
FL_MSG("with fork number %d refused (EAGAIN), pc_run returned %d (errno %d: %s)",
       "第 %d 次 fork 被拒绝（EAGAIN）时，pc_run 返回了 %d（errno %d：%s）")
FL_MSG("with few descriptors free, pc_run works or fails with -1 and leaves nothing",
       "空闲文件描述符很少时，pc_run 要么正常工作，要么返回 -1，且不留下任何东西")
FL_MSG("calling pc_run (2 producers, 2 consumers) with every descriptor it wants",
       "调用 pc_run（2 个生产者，2 个消费者），文件描述符要多少有多少")
FL_MSG("pc_run to return 0 when nothing is short",
       "什么都不缺时，pc_run 应返回 0")
FL_MSG("calling pc_run (2 producers, 2 consumers) with %d descriptor free",
       "调用 pc_run（2 个生产者，2 个消费者），"
       "只有 %d 个空闲的文件描述符")
FL_MSG("calling pc_run (2 producers, 2 consumers) with %d descriptors free",
       "调用 pc_run（2 个生产者，2 个消费者），"
       "只有 %d 个空闲的文件描述符")
FL_MSG("pc_run to work (0) or fail as set-up failures do (-1 with the errno)",
       "pc_run 应正常工作（0），或者按准备阶段出错的方式失败（返回 -1 并设 errno）")
FL_MSG("with %d descriptor free pc_run returned %d (errno %d: %s)",
       "只有 %d 个空闲文件描述符时，"
       "pc_run 返回了 %d（errno %d：%s）")
FL_MSG("with %d descriptors free pc_run returned %d (errno %d: %s)",
       "只有 %d 个空闲文件描述符时，"
       "pc_run 返回了 %d（errno %d：%s）")
FL_MSG("after pc_run returns, no child, descriptor or shared mapping of it is left",
       "pc_run 返回后，不留下它的任何子进程、文件描述符或共享映射")
FL_MSG("calling pc_run in the caller",
       "由调用方直接调用 pc_run")
FL_MSG("pc_run to return 0",
       "pc_run 应返回 0")
FL_MSG("waiting for consumer %d of 2 to take an item (pc_run in process %d)",
       "等待第 %d 个消费者（共 2 个）取到一项（pc_run 在进程 %d 里）")
FL_MSG("letting the consumers go on, with main's sentinels waiting for room",
       "让消费者继续，此时主进程的哨兵正在等空位")
FL_MSG("with capacity 1 and busy consumers, every sentinel waits for room",
       "容量为 1 且消费者都在忙时，每个哨兵都要等空位")
FL_MSG("the check's consume function holds each consumer inside consume, once both have "
       "taken their item, until main has put its sentinels",
       "两个消费者都取到数据项之后，检查程序的 consume 函数会把每个消费者扣在 consume "
       "里，直到主进程放完它的哨兵")
FL_MSG("when the queue cannot be made, pc_run returns -1 with its errno and starts "
       "nothing",
       "队列建不起来时，pc_run 返回 -1 并带上相应的 errno，什么都不启动")
FL_MSG("calling pc_run (2 producers, 2 consumers) with %d allocation allowed, then ENOMEM",
       "调用 pc_run（2 个生产者，2 个消费者），"
       "只允许 %d 次内存分配，之后返回 ENOMEM")
FL_MSG("calling pc_run (2 producers, 2 consumers) with %d allocations allowed, then ENOMEM",
       "调用 pc_run（2 个生产者，2 个消费者），"
       "只允许 %d 次内存分配，之后返回 ENOMEM")
FL_MSG("with %d allocation allowed, pc_run returned %d (errno %d: %s)",
       "只允许 %d 次内存分配时，"
       "pc_run 返回了 %d（errno %d：%s）")
FL_MSG("with %d allocations allowed, pc_run returned %d (errno %d: %s)",
       "只允许 %d 次内存分配时，"
       "pc_run 返回了 %d（errno %d：%s）")
FL_MSG("nothing to run when the queue cannot be made",
       "队列建不起来时，什么都不应运行")
FL_MSG("pc_run returned -1, yet %d item had been consumed",
       "pc_run 返回了 -1，却已有 %d 个数据项被消费")
FL_MSG("pc_run returned -1, yet %d items had been consumed",
       "pc_run 返回了 -1，却已有 %d 个数据项被消费")
FL_MSG("with consume NULL, the consumers take every item and do nothing with it",
       "consume 为 NULL 时，消费者取走每一项，但什么也不做")
FL_MSG("pc_config.consume is NULL: \"called for every item; NULL: do nothing\"",
       "pc_config.consume 为 NULL：头文件写的是 \"called for every item; NULL: do "
       "nothing\"（每一项都会调用它；为 NULL 时什么也不做）")
FL_MSG("a consumer run with the given proc calls: exit code 0, joining twice, starting "
       "twice",
       "用现成的 proc 函数运行消费者：退出码 0，join 两次，启动两次")
FL_MSG("proc_exitcode(NULL, &code) to return 0 and leave code alone (given)",
       "proc_exitcode(NULL, &code)（现成的）应返回 0，且不动 code")
FL_MSG("it returned non-zero, or set code to %d",
       "返回了非 0 值，或者把 code 设成了 %d")
FL_MSG("proc_exitcode of a proc never started to return 0 (given)",
       "对从未启动的 proc，proc_exitcode（现成的）应返回 0")
FL_MSG("it returned 1",
       "返回了 1")
FL_MSG("calling proc_start with pc_consumer, a sentinel on the queue (given)",
       "以 pc_consumer 调用 proc_start（现成的），队列里有一个哨兵")
FL_MSG("it returned -1 (%s) or left pid %d",
       "返回了 -1（%s），或者 pid 仍为 %d")
FL_MSG("a second child of the same proc",
       "同一个 proc 的第二个子进程")
FL_MSG("proc_start of a proc already started to return -1 with EINVAL (given)",
       "对已经启动过的 proc，proc_start（现成的）应返回 -1 并设 EINVAL")
FL_MSG("calling proc_join on consumer %d (given)",
       "对消费者 %d 调用 proc_join（现成的）")
FL_MSG("proc_join to return 0 once the child ended",
       "子进程结束后 proc_join 应返回 0")
FL_MSG("proc_join to reap the child",
       "proc_join 应回收该子进程")
FL_MSG("child %d was still unreaped after proc_join returned 0",
       "proc_join 返回 0 之后，子进程 %d 仍未被回收")
FL_MSG("pc_consumer to return 0 at its sentinel, and proc_exitcode to say so",
       "pc_consumer 遇到哨兵应返回 0，proc_exitcode 也应如实给出")
FL_MSG("proc_exitcode gave code %d for consumer %d",
       "proc_exitcode 给出的退出码是 %d（消费者 %d）")
FL_MSG("calling proc_join again on the ended consumer %d (given)",
       "对已结束的消费者 %d 再次调用 proc_join（现成的）")
FL_MSG("joining an ended child again to return 0 at once (given)",
       "再次 join 已结束的子进程（现成的）应立即返回 0")
FL_MSG("the second proc_join returned %d (errno %d: %s)",
       "第二次 proc_join 返回了 %d（errno %d：%s）")
FL_MSG("the exit code to stay 0 after a second join",
       "第二次 join 之后，退出码应仍为 0")
FL_MSG("it became %d",
       "它变成了 %d")
FL_MSG("a queue a producer filled: full, empty, timeouts and message sizes as "
       "pipeline.h says",
       "生产者填满的队列：满、空、超时和消息大小都符合 pipeline.h 的说明")
FL_MSG("queue_full(NULL) and queue_empty(NULL) to return 0 (given)",
       "queue_full(NULL) 和 queue_empty(NULL)（现成的）应返回 0")
FL_MSG("queue_full(NULL) gave %d, queue_empty(NULL) %d",
       "queue_full(NULL) 给出 %d，queue_empty(NULL) 给出 %d")
FL_MSG("a new queue to be empty (1) and not full (0)",
       "新队列应为空（1）且不满（0）")
FL_MSG("queue_empty gave %d, queue_full %d",
       "queue_empty 给出 %d，queue_full 给出 %d")
FL_MSG("a queue holding maxsize messages to be full (1), not empty (0), qsize 2",
       "存有 maxsize 条消息的队列应为满（1）、非空（0），qsize 为 2")
FL_MSG("queue_full gave %d, queue_empty %d, queue_qsize %d",
       "queue_full 给出 %d，queue_empty 给出 %d，queue_qsize 给出 %d")
FL_MSG("putting into a full queue with timeout 0",
       "以超时 0 往满队列里 put")
FL_MSG("a put into a full queue with timeout 0 to be QUEUE_FULL at once",
       "以超时 0 往满队列里 put，应立即得到 QUEUE_FULL")
FL_MSG("it returned %d after %.3f s",
       "返回了 %d，用时 %.3f s")
FL_MSG("putting into a full queue with timeout 0.05 s",
       "以 0.05 s 的超时往满队列里 put")
FL_MSG("a put into a full queue with timeout 0.05 to be QUEUE_FULL after at least 0.05 s",
       "以 0.05 的超时往满队列里 put，应至少 0.05 s 之后才得到 QUEUE_FULL")
FL_MSG("a get of a struct pc_item into 4 bytes to be QUEUE_ERROR with EMSGSIZE",
       "把一个 struct pc_item get 进 4 字节的缓冲区，应得到 QUEUE_ERROR，errno 为 "
       "EMSGSIZE")
FL_MSG("a message too long for the buffer to stay at the head",
       "缓冲区放不下的消息应留在队头")
FL_MSG("queue_qsize became %d",
       "queue_qsize 变成了 %d")
FL_MSG("the producer's items {0, 0}, {0, 1} to come out whole, in order",
       "生产者的数据项 {0, 0}、{0, 1} 应完整地按顺序出来")
FL_MSG("get %d gave result %d, %zu bytes, {%d, %d}",
       "第 %d 次 get 的结果是 %d，%zu 字节，{%d, %d}")
FL_MSG("a queue of 2 holding fewer to be not full, and empty only with none",
       "容量为 2 的队列存得更少时应不满，一条都没有时才为空")
FL_MSG("holding %d: queue_full gave %d, queue_empty %d",
       "存有 %d 条时：queue_full 给出 %d，queue_empty 给出 %d")
FL_MSG("a put of NULL with length 0 (an empty message) to be QUEUE_OK",
       "put 长度为 0 的 NULL（一条空消息）应得到 QUEUE_OK")
FL_MSG("it returned %d (errno %s)",
       "返回了 %d（errno %s）")
FL_MSG("the empty message to come out, length 0",
       "空消息应能取出，长度为 0")
FL_MSG("get gave %d with length %zu",
       "get 给出 %d，长度为 %zu")
FL_MSG("getting from an empty queue with timeout 0.05 s",
       "以 0.05 s 的超时从空队列 get")
FL_MSG("a get from an empty queue with timeout 0.05 to be QUEUE_EMPTY after at least "
       "0.05 s",
       "以 0.05 的超时从空队列 get，应至少 0.05 s 之后才得到 QUEUE_EMPTY")
FL_MSG("a put longer than QUEUE_MSG_MAX to be QUEUE_ERROR with EMSGSIZE",
       "超过 QUEUE_MSG_MAX 的 put 应得到 QUEUE_ERROR，errno 为 EMSGSIZE")
FL_MSG("a put after closing twice to be QUEUE_CLOSED",
       "关闭两次之后的 put 应得到 QUEUE_CLOSED")
FL_MSG("waiting for process %d (pc_run) to block while both consumers hold an item",
       "等待运行 pc_run 的进程 %d 在两个消费者各拿着一项数据时进入阻塞")
FL_MSG("the check's consume function holds both consumers at their first item until "
       "the process running pc_run is blocked, then lets them go",
       "检查的 consume 函数让两个消费者停在各自的第一项数据上，直到运行 pc_run 的进程阻塞，"
       "再放它们继续")
