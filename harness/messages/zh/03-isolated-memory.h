/* 03-isolated-memory: the texts of the lesson's checks in 简体中文, one FL_MSG(english, chinese)
 * each (see tools/messages.py). */

FL_MSG("/proc/self/maps to be readable",
       "/proc/self/maps 应可读")
FL_MSG("fopen failed: %s",
       "fopen 失败：%s")
FL_MSG("no name left in /dev/shm (shm_unlink right after mmap)",
       "/dev/shm 里不应留下名字（mmap 之后立刻 shm_unlink）")
FL_MSG("after %s, /dev/shm holds %s: a shm_open object outlives every process "
       "until it is unlinked",
       "%s 之后，/dev/shm 里还有 %s："
       "shm_open 创建的对象在 unlink 之前会比所有进程都活得久")
FL_MSG("nothing left open after a failed call",
       "失败的调用之后不应留下打开的东西")
FL_MSG("after %s the caller still holds %s",
       "%s 之后，调用方仍持有 %s")
FL_MSG("nothing left mapped after a failed call",
       "失败的调用之后不应留下映射")
FL_MSG("after %s the caller still maps %s",
       "%s 之后，调用方仍映射着 %s")
FL_MSG("no child left after a failed call",
       "失败的调用之后不应留下子进程")
FL_MSG("after %s, child %d of the caller is still there (a zombie): every child "
       "already started must be joined before returning",
       "%s 之后，调用方的子进程 %d 仍然存在（已成僵尸进程）："
       "返回之前必须 join 每一个已经启动的子进程")
FL_MSG("after %s, child %d of the caller is still there (running): every child "
       "already started must be joined before returning",
       "%s 之后，调用方的子进程 %d 仍然存在（还在运行）："
       "返回之前必须 join 每一个已经启动的子进程")
FL_MSG("calling shared_ints_create(&s, %zu)",
       "调用 shared_ints_create(&s, %zu)")
FL_MSG("shared_ints_create to return 0 with s.v set and s.n == n",
       "shared_ints_create 应返回 0，设置好 s.v，并使 s.n == n")
FL_MSG("it returned %d (errno %d: %s), s.v %p, s.n %zu",
       "它返回了 %d（errno %d：%s），s.v 为 %p，s.n 为 %zu")
FL_MSG("calling proc_start (given)",
       "调用 proc_start（现成的）")
FL_MSG("proc_start (given) to start the child",
       "proc_start（现成的）应启动子进程")
FL_MSG("a child's globals, heap and stack are copies: its writes and the "
       "caller's later writes stay apart",
       "子进程的全局变量、堆和栈都是副本：它写入的和调用方之后写入的互不相干")
FL_MSG("memory for the check",
       "检查程序应能分配到所需的内存")
FL_MSG("malloc failed",
       "malloc 失败")
FL_MSG("waiting for child %d to change its copies",
       "等待子进程 %d 修改它的副本")
FL_MSG("joining child %d",
       "join 子进程 %d")
FL_MSG("the check's child",
       "检查程序的子进程")
FL_MSG("the child's report to reach the caller through the shared region",
       "子进程的报告应通过共享区到达调用方")
FL_MSG("nothing arrived in the region from child %d: a region the child writes "
       "into but the caller never sees is not shared (MAP_SHARED, made before "
       "fork)",
       "共享区里没有收到子进程 %d 的任何东西："
       "子进程写了、调用方却看不到的区域并不是共享的（要用 MAP_SHARED，"
       "并在 fork 之前建立）")
FL_MSG("the child's writes to its copies to stay invisible to the caller",
       "子进程对自己副本的写入，调用方应看不到")
FL_MSG("after child %d wrote 100, 110, 120 the caller read %d, %d, %d",
       "子进程 %d 写入 100、110、120 之后，"
       "调用方读到的是 %d、%d、%d")
FL_MSG("the caller's later writes (200, 210, 220) to stay invisible to the child",
       "调用方之后的写入（200、210、220），子进程应看不到")
FL_MSG("child %d read its global %d (own write 100), later %d (2 before the "
       "caller's write), heap %d, stack %d",
       "子进程 %d 读到：全局变量 %d（它自己写的是 100），"
       "调用方后来改写的那一项 %d（改写之前是 2），堆 %d，栈 %d")
FL_MSG("the same address in both processes (a copy of the whole address space)",
       "两个进程里是同一个地址（整个地址空间的副本）")
FL_MSG("a region from shared_ints_create made before fork is seen by both "
       "processes",
       "fork 之前用 shared_ints_create 建立的区域，两个进程都能看到")
FL_MSG("a new region to hold zeros",
       "新区域里应全是 0")
FL_MSG("s.v[%zu] is %d",
       "s.v[%zu] 是 %d")
FL_MSG("waiting for child %d to write 1234567 into s.v[0]",
       "等待子进程 %d 把 1234567 写进 s.v[0]")
FL_MSG("joining child %d a second time (given: harmless)",
       "第二次 join 子进程 %d（现成的实现：无害）")
FL_MSG("a second proc_join (given) to return 0",
       "第二次 proc_join（现成的）应返回 0")
FL_MSG("the child's write to s.v[0] to be seen by the caller",
       "子进程写入 s.v[0] 的值，调用方应能看到")
FL_MSG("the caller read %d after child %d wrote 1234567: the child wrote into "
       "its own copy (MAP_PRIVATE copies pages at fork, like any other memory)",
       "调用方读到 %d，而子进程 %d 写的是 1234567："
       "子进程写进的是它自己的副本（MAP_PRIVATE 的页面在 fork 时会像其他内存一样被复制）")
FL_MSG("the caller's write after fork to be seen by the child",
       "调用方在 fork 之后写入的值，子进程应能看到")
FL_MSG("child %d copied %d from s.v[1], where the caller had written -7654321",
       "子进程 %d 从 s.v[1] 拷贝到的是 %d，"
       "而调用方在那里写的是 -7654321")
FL_MSG("shared_ints_create maps a shared region; shared_ints_destroy unmaps it",
       "shared_ints_create 映射一块共享区；"
       "shared_ints_destroy 解除它的映射")
FL_MSG("calling shared_ints_create(&s, 0)",
       "调用 shared_ints_create(&s, 0)")
FL_MSG("shared_ints_create(&s, 0) to fail with EINVAL",
       "shared_ints_create(&s, 0) 应以 EINVAL 失败")
FL_MSG("shared_ints_create of more ints than memory holds to fail with ENOMEM "
       "and leave s.v NULL, s.n 0",
       "申请的 int 多到内存装不下时，"
       "shared_ints_create 应以 ENOMEM 失败，"
       "并让 s.v 为 NULL、s.n 为 0")
FL_MSG("for n = %zu it returned %d (errno %d: %s), s.v %p, s.n %zu",
       "n = %zu 时它返回了 %d（errno %d：%s），"
       "s.v 为 %p，s.n 为 %zu")
FL_MSG("calling shared_ints_destroy(NULL)",
       "调用 shared_ints_destroy(NULL)")
FL_MSG("shared_ints_destroy(NULL) to fail with EINVAL",
       "shared_ints_destroy(NULL) 应以 EINVAL 失败")
FL_MSG("a new region of 3000 ints to hold zeros",
       "新建的 3000 个 int 的区域里应全是 0")
FL_MSG("the region to be a shared mapping (rw-s in /proc/self/maps)",
       "区域应是共享映射（/proc/self/maps 里显示为 rw-s）")
FL_MSG("the region at %p is mapped %s: a child would get a private copy",
       "位于 %p 的区域映射为 %s：子进程会得到一份私有副本")
FL_MSG("the region at %p is mapped nowhere: a child would get a private copy",
       "位于 %p 的区域根本没有映射：子进程会得到一份私有副本")
FL_MSG("shared_ints_create to leave only the mapping: no descriptor open",
       "shared_ints_create 应只留下映射：不留下打开的文件描述符")
FL_MSG("after shared_ints_create the caller holds %s (close the memfd or "
       "shm_open descriptor once it is mapped)",
       "shared_ints_create 之后，"
       "调用方仍持有 %s（映射完成后就应关闭 memfd 或 shm_open 得到的描述符）")
FL_MSG("calling shared_ints_destroy",
       "调用 shared_ints_destroy")
FL_MSG("shared_ints_destroy to return 0 and clear s.v and s.n",
       "shared_ints_destroy 应返回 0，"
       "并清空 s.v 和 s.n")
FL_MSG("the region to be unmapped after shared_ints_destroy",
       "shared_ints_destroy 之后区域应已解除映射")
FL_MSG("%p is still mapped (%s): the pages stay until munmap",
       "%p 仍然被映射着（%s）：在 munmap 之前页面一直都在")
FL_MSG("calling shared_ints_destroy a second time",
       "第二次调用 shared_ints_destroy")
FL_MSG("destroying a region twice to return 0",
       "对同一区域第二次调用 destroy 应返回 0")
FL_MSG("calling shared_map on %zu inputs",
       "对 %zu 个输入调用 shared_map")
FL_MSG("shared_map to return 0",
       "shared_map 应返回 0")
FL_MSG("shared_map brings every child's whole result back",
       "shared_map 把每个子进程的完整结果带回来")
FL_MSG("out[i] == fn(in[i]) for every input, whole ints",
       "对每个输入都有 out[i] == fn(in[i])，而且是完整的 int")
FL_MSG("out[%d] is %d, fn(%d) is %d%s",
       "out[%d] 是 %d，而 fn(%d) 是 %d%s")
FL_MSG("shared_map runs fn in children: the caller's globals stay unchanged",
       "shared_map 在子进程里运行 fn：调用方的全局变量保持不变")
FL_MSG("calling shared_map on 3 inputs",
       "对 3 个输入调用 shared_map")
FL_MSG("fn to run in child processes, never in the caller",
       "fn 应在子进程里运行，绝不在调用方里运行")
FL_MSG("fn ran in the caller itself (pid %d): the caller's global counter went "
       "to %d",
       "fn 就在调用方自己（pid %d）里运行了：调用方的全局计数器变成了 %d")
FL_MSG("the caller's global to stay unchanged by fn in the children",
       "子进程里的 fn 不应改变调用方的全局变量")
FL_MSG("the caller's global counter is %d",
       "调用方的全局计数器是 %d")
FL_MSG("one child per input",
       "每个输入一个子进程")
FL_MSG("fn ran %d times for 3 inputs",
       "3 个输入，fn 却运行了 %d 次")
FL_MSG("each fn to run in a child of the caller",
       "每个 fn 都应在调用方的子进程里运行")
FL_MSG("fn ran in pid %d, whose parent is %d; the caller is %d",
       "fn 在 pid %d 里运行，它的父进程是 %d；而调用方是 %d")
FL_MSG("out to be 10, 12, 14",
       "out 应是 10、12、14")
FL_MSG("out is %d, %d, %d",
       "out 是 %d、%d、%d")
FL_MSG("shared_map starts all children before it joins any",
       "shared_map 先启动所有子进程，再去 join 其中任何一个")
FL_MSG("calling shared_map on 3 inputs; each child waits until all 3 run at "
       "once (a shared_map that joins each child before starting the next never "
       "returns)",
       "对 3 个输入调用 shared_map；"
       "每个子进程都要等到 3 个同时在运行才继续（每启动一个就先 join 它、再启动下一个的 shared_map 永远返回不了）")
FL_MSG("out to be 1, 2, 3",
       "out 应是 1、2、3")
FL_MSG("shared_map reaps every child before it returns",
       "shared_map 返回之前回收每一个子进程")
FL_MSG("calling shared_map on 4 inputs",
       "对 4 个输入调用 shared_map")
FL_MSG("waiting until the 4 children have run fn",
       "等待 4 个子进程都运行过 fn")
FL_MSG("a child of shared_map",
       "shared_map 的一个子进程")
FL_MSG("every child to be joined (reaped) when shared_map returns",
       "shared_map 返回时，每个子进程都应已被 join（回收）")
FL_MSG("%d of 4 children (the first: %d) were still unreaped when shared_map "
       "returned: results are only complete once every child has ended",
       "4 个子进程中有 %d 个（第一个是 %d）"
       "在 shared_map 返回时还没被回收：只有每个子进程都结束了，结果才是完整的")
FL_MSG("shared_map unmaps its region before it returns",
       "shared_map 返回之前解除共享区的映射")
FL_MSG("as many shared mappings after shared_map as before",
       "shared_map 之后共享映射的数量应和之前一样")
FL_MSG("the caller had %d shared mappings before and %d after: the region was "
       "never unmapped (shared_ints_destroy)",
       "调用方之前有 %d 个共享映射，之后有 %d 个："
       "共享区一直没有解除映射（shared_ints_destroy）")
FL_MSG("a child that dies is reported (EIO), the other results still arrive",
       "死掉的子进程会被报告出来（EIO），其他结果照样送达")
FL_MSG("calling shared_map where the child for 13 is killed by SIGKILL",
       "调用 shared_map，"
       "其中处理 13 的子进程会被 SIGKILL 杀死")
FL_MSG("shared_map to return -1 with errno EIO",
       "shared_map 应返回 -1 并把 errno 设为 EIO")
FL_MSG("the other children's results (13, 15) in out",
       "out 里应有其他子进程的结果（13、15）")
FL_MSG("out[0] is %d, out[2] is %d",
       "out[0] 是 %d，out[2] 是 %d")
FL_MSG("every refusal in memory.h: -1 with EINVAL, nothing started or left",
       "memory.h 里的每一种拒绝：返回 -1 并设置 EINVAL，不启动也不留下任何东西")
FL_MSG("each refusal of memory.h to return -1 with its errno",
       "memory.h 列出的每一种拒绝都应返回 -1 并设置对应的 errno")
FL_MSG("a refused shared_map to run fn nowhere",
       "被拒绝的 shared_map 不应在任何地方运行 fn")
FL_MSG("after %s, fn ran in pid %d",
       "%s 之后，fn 在 pid %d 里运行了")
FL_MSG("when a child cannot be started, shared_map reports fork's error and "
       "joins the children it started",
       "子进程启动不了时，shared_map 报告 fork 的错误，"
       "并 join 它已经启动的子进程")
FL_MSG("calling shared_map on 3 inputs when only %d process can be created",
       "对 3 个输入调用 shared_map，此时只能创建 %d 个进程")
FL_MSG("calling shared_map on 3 inputs when only %d processes can be created",
       "对 3 个输入调用 shared_map，此时只能创建 %d 个进程")
FL_MSG("shared_map to return -1 with fork's errno (EAGAIN) when a child cannot "
       "be started",
       "子进程启动不了时，shared_map 应返回 -1，"
       "并保留 fork 的 errno（EAGAIN）")
FL_MSG("with %d process creation allowed it returned %d (errno %d: %s)",
       "只允许创建 %d 次进程时，它返回了 %d（errno %d：%s）")
FL_MSG("with %d process creations allowed it returned %d (errno %d: %s)",
       "只允许创建 %d 次进程时，它返回了 %d（errno %d：%s）")
FL_MSG("calling shared_map again, with process creation allowed",
       "恢复进程创建之后，再次调用 shared_map")
FL_MSG("out to be 2, 4, 6 after the retry",
       "重试之后 out 应是 2、4、6")
FL_MSG("a region that cannot be made is reported with its errno, and nothing is "
       "started or left",
       "建不成的共享区会连同它的 errno 一起报告，而且不启动、不留下任何东西")
FL_MSG("calling shared_map with n = SIZE_MAX / 2",
       "以 n = SIZE_MAX / 2 调用 shared_map")
FL_MSG("shared_map with more inputs than memory holds to fail with ENOMEM (its "
       "region cannot be made) before starting anything",
       "输入多到内存装不下时，"
       "shared_map 应在启动任何东西之前以 ENOMEM 失败（它的共享区建不成）")
FL_MSG("it returned %d (errno %d: %s) and fn ran %d times",
       "它返回了 %d（errno %d：%s），fn 运行了 %d 次")
FL_MSG("calling shared_ints_create(&s, 4) with no descriptor free",
       "调用 shared_ints_create(&s, 4)（没有空闲的文件描述符）")
FL_MSG("shared_ints_create to set s.v and s.n",
       "shared_ints_create 应设置 s.v 和 s.n")
FL_MSG("with no descriptor free, shared_ints_create to succeed (MAP_ANONYMOUS) "
       "or fail with EMFILE and leave s.v NULL, s.n 0",
       "没有空闲文件描述符时，"
       "shared_ints_create 应成功（MAP_ANONYMOUS），"
       "或者以 EMFILE 失败并让 s.v 为 NULL、s.n 为 0")
FL_MSG("calling shared_map on 3 inputs with no descriptor free",
       "对 3 个输入调用 shared_map（没有空闲的文件描述符）")
FL_MSG("out to be 8, 10, 12",
       "out 应是 8、10、12")
FL_MSG("with no descriptor free, shared_map to succeed or fail with its "
       "region's errno (EMFILE) before starting any child",
       "没有空闲文件描述符时，shared_map 应成功，"
       "或者在启动任何子进程之前以共享区的 errno（EMFILE）失败")
FL_MSG("when memory runs out, shared_ints_create and shared_map fail with "
       "ENOMEM and leave nothing",
       "内存耗尽时，"
       "shared_ints_create 和 shared_map 以 ENOMEM 失败，不留下任何东西")
FL_MSG("calling shared_ints_create(&s, 4) with no memory to be had",
       "调用 shared_ints_create(&s, 4)（分配不到任何内存）")
FL_MSG("shared_ints_create to return -1 with mmap's ENOMEM and leave s.v NULL, "
       "s.n 0",
       "shared_ints_create 应返回 -1 并带上 mmap 的 ENOMEM，"
       "让 s.v 为 NULL、s.n 为 0")
FL_MSG("calling shared_map on 3 inputs with %d allocation allowed, then ENOMEM",
       "对 3 个输入调用 shared_map，只允许 %d 次内存分配，"
       "之后一律 ENOMEM")
FL_MSG("calling shared_map on 3 inputs with %d allocations allowed, then ENOMEM",
       "对 3 个输入调用 shared_map，只允许 %d 次内存分配，"
       "之后一律 ENOMEM")
FL_MSG("with %d allocation allowed, out is %d, %d, %d",
       "允许 %d 次内存分配时，out 是 %d、%d、%d")
FL_MSG("with %d allocations allowed, out is %d, %d, %d",
       "允许 %d 次内存分配时，out 是 %d、%d、%d")
FL_MSG("with %d allocation allowed it returned %d (errno %d: %s)",
       "允许 %d 次内存分配时，它返回了 %d（errno %d：%s）")
FL_MSG("with %d allocations allowed it returned %d (errno %d: %s)",
       "允许 %d 次内存分配时，它返回了 %d（errno %d：%s）")
FL_MSG("the region to be made before any fork: with no memory, no child starts",
       "共享区应在任何 fork 之前建立：没有内存时，一个子进程也不启动")
FL_MSG("fn ran in %d child though the region could not be made",
       "共享区没能建立，fn 却在 %d 个子进程里运行了")
FL_MSG("fn ran in %d children though the region could not be made",
       "共享区没能建立，fn 却在 %d 个子进程里运行了")
FL_MSG("a signal that interrupts shared_map's waiting does not stop it reaping "
       "every child",
       "打断 shared_map 等待的信号，不会妨碍它回收每一个子进程")
FL_MSG("calling shared_map; its children wait until SIGUSR1 interrupts the "
       "caller",
       "调用 shared_map；它的子进程会一直等到 SIGUSR1 打断调用方")
FL_MSG("the helper that sent SIGUSR1",
       "发送 SIGUSR1 的辅助进程")
FL_MSG("a child shared_map left",
       "shared_map 留下的子进程")
FL_MSG("shared_map to reap every child before it returns, even when a signal "
       "interrupts its wait (EINTR: wait again)",
       "即使信号打断了等待，"
       "shared_map 也应在返回之前回收每一个子进程（遇到 EINTR 就再等一次）")
FL_MSG("after SIGUSR1 interrupted it, shared_map returned %d (errno %d: %s) with "
       "child %d still a zombie",
       "被 SIGUSR1 打断之后，"
       "shared_map 返回了 %d（errno %d：%s），"
       "而子进程 %d 还是僵尸进程，没有被回收")
FL_MSG("after SIGUSR1 interrupted it, shared_map returned %d (errno %d: %s) with "
       "child %d still running",
       "被 SIGUSR1 打断之后，"
       "shared_map 返回了 %d（errno %d：%s），"
       "而子进程 %d 还在运行")
FL_MSG("shared_map to return 0 with out 3, 6, 9: an interrupted wait is not a "
       "failed child",
       "shared_map 应返回 0，out 为 3、6、9："
       "等待被打断不等于子进程失败")
FL_MSG("it returned %d (errno %d: %s), out %d, %d, %d",
       "它返回了 %d（errno %d：%s），out 为 %d、%d、%d")
