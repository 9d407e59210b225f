/* 02-arguments: the texts of the lesson's checks in 简体中文, one FL_MSG(english, chinese)
 * each (see tools/messages.py). */

FL_MSG("proc_init_args to return 0 for a valid argument",
       "参数有效时 proc_init_args 应返回 0")
FL_MSG("proc_init_args with %s returned %d (errno %d: %s)",
       "proc_init_args（参数：%s）返回了 %d（errno %d：%s）")
FL_MSG("the child to run the task and exit with 0",
       "子进程应运行任务并以 0 退出")
FL_MSG("child %d %s%s",
       "子进程 %d：%s%s")
FL_MSG("the task to run once, in child",
       "任务应在子进程里运行一次")
FL_MSG("the task ran %d times, last in pid %d; the child is %d",
       "任务运行了 %d 次，最后一次在 pid %d 里；子进程是 %d")
FL_MSG("an int argument reaches the task intact",
       "int 参数原样到达任务")
FL_MSG("calling proc_init_args with an int",
       "用一个 int 调用 proc_init_args")
FL_MSG("the task to receive the int the caller passed",
       "任务应收到调用方传入的那个 int")
FL_MSG("the caller passed %d; the task in child %d received %d",
       "调用方传入 %d；子进程 %d 里的任务收到的是 %d")
FL_MSG("a string argument reaches the task whole",
       "字符串参数完整地到达任务")
FL_MSG("calling proc_init_args with a string",
       "用一个字符串调用 proc_init_args")
FL_MSG("the task to receive every byte of the string (strlen + 1 of them)",
       "任务应收到字符串的每一个字节（共 strlen + 1 个）")
FL_MSG("the caller passed \"%s\" (%zu bytes); the task in child %d received "
       "\"%.*s\"",
       "调用方传入 \"%s\"（%zu 个字节）；"
       "子进程 %d 里的任务收到的是 \"%.*s\"")
FL_MSG("a struct of named fields (the C kwargs) reaches the task with every "
       "field",
       "带具名字段的结构体（C 版的 kwargs）连同每个字段一起到达任务")
FL_MSG("calling proc_init_args with a struct person",
       "用一个 struct person 调用 proc_init_args")
FL_MSG("the task to receive the struct with every field as the caller set it",
       "任务收到的结构体，每个字段都应和调用方设置的一样")
FL_MSG("the caller passed {name \"%s\", age %d, height %.2f, id %#lx}; the task "
       "in child %d received {name \"%.15s\", age %d, height %.2f, id %#lx}",
       "调用方传入 {name \"%s\", age %d, height %.2f, id %#lx}；"
       "子进程 %d 里的任务收到的是 {name \"%.15s\", age %d, height %.2f, id %#lx}")
FL_MSG("the task gets the argument as it was at proc_init_args, not later",
       "任务拿到的是 proc_init_args 那一刻的参数值，而不是之后的")
FL_MSG("the task to receive the value the int had at proc_init_args (18)",
       "任务应收到 int 在 proc_init_args 时的值（18）")
FL_MSG("the caller changed its int to 99 after proc_init_args; the task in "
       "child %d received %d%s",
       "调用方在 proc_init_args 之后把它的 int 改成了 99；"
       "子进程 %d 里的任务收到的是 %d%s")
FL_MSG("PROC_ARG_MAX bytes fit; one more, or NULL with a size, is refused",
       "PROC_ARG_MAX 个字节放得下；多一个字节，"
       "或者 NULL 配上非零的 size，都会被拒绝")
FL_MSG("calling proc_init_args with PROC_ARG_MAX + 1 bytes",
       "用 PROC_ARG_MAX + 1 个字节调用 proc_init_args")
FL_MSG("proc_init_args with PROC_ARG_MAX + 1 bytes to return -1 with errno E2BIG",
       "传入 PROC_ARG_MAX + 1 个字节时，"
       "proc_init_args 应返回 -1 并把 errno 设为 E2BIG")
FL_MSG("calling proc_init_args with NULL and a size of 4",
       "用 NULL 和 size 4 调用 proc_init_args")
FL_MSG("proc_init_args with arg NULL and size 4 to return -1 with errno EINVAL",
       "arg 为 NULL、size 为 4 时，"
       "proc_init_args 应返回 -1 并把 errno 设为 EINVAL")
FL_MSG("calling proc_init_args with exactly PROC_ARG_MAX bytes",
       "用正好 PROC_ARG_MAX 个字节调用 proc_init_args")
FL_MSG("all PROC_ARG_MAX bytes to reach the task",
       "全部 PROC_ARG_MAX 个字节都应到达任务")
FL_MSG("the task in child %d received different bytes",
       "子进程 %d 里的任务收到的字节不一样")
FL_MSG("procs without a name are Process-1, Process-2... in start order",
       "没有名字的 proc 按启动顺序叫 Process-1、Process-2……")
FL_MSG("calling proc_set_name(\"worker\") on the second proc",
       "对第二个 proc 调用 proc_set_name(\"worker\")")
FL_MSG("proc_set_name to return 0",
       "proc_set_name 应返回 0")
FL_MSG("after three starts (the second one named \"worker\") the names to be "
       "Process-1, worker, Process-3: each start takes the next number",
       "启动三次（第二个起名为 \"worker\"）之后，"
       "名字应依次是 Process-1、worker、Process-3："
       "每次启动都占用下一个编号")
FL_MSG("start %d has the name \"%.63s\" in p->name, not \"%s\"",
       "第 %d 次启动的 p->name 是 \"%.63s\"，而不是 \"%s\"")
FL_MSG("the kernel to know each child by its name (/proc/PID/comm)",
       "内核应以各自的名字认识每个子进程（/proc/PID/comm）")
FL_MSG("child %d of start %d is called \"%s\" by the kernel, not \"%s\"",
       "子进程 %d（第 %d 次启动）在内核里叫 \"%s\"，而不是 \"%s\"")
FL_MSG("a given name is the child's name in /proc/PID/comm, and only the child's",
       "起好的名字会成为子进程在 /proc/PID/comm 里的名字，而且只改子进程的名字")
FL_MSG("calling proc_set_name(\"dancer\")",
       "调用 proc_set_name(\"dancer\")")
FL_MSG("the child's name in the kernel to be \"dancer\"",
       "子进程在内核里的名字应是 \"dancer\"")
FL_MSG("child %d is called \"%s\" by the kernel",
       "子进程 %d 在内核里叫 \"%s\"")
FL_MSG("the caller to keep its own name: only the child is renamed",
       "调用方应保留自己的名字：只有子进程改名")
FL_MSG("the caller %d was \"%s\" before proc_start and \"%s\" after it: the "
       "name was set before fork, in the caller",
       "调用方 %d 在 proc_start 之前叫 \"%s\"，"
       "之后叫 \"%s\"：名字是在 fork 之前、在调用方里设置的")
FL_MSG("a long name is kept whole in p->name and cut to 15 bytes by the kernel",
       "长名字在 p->name 里完整保留，内核则把它截断为 15 个字节")
FL_MSG("calling proc_set_name with a %zu-byte name",
       "用一个 %zu 字节的名字调用 proc_set_name")
FL_MSG("proc_set_name to accept a name shorter than PROC_NAME_MAX",
       "proc_set_name 应接受短于 PROC_NAME_MAX 的名字")
FL_MSG("p->name to keep the whole name",
       "p->name 应保存完整的名字")
FL_MSG("p->name is \"%.63s\"",
       "p->name 是 \"%.63s\"")
FL_MSG("the kernel to show the name's first 15 bytes, \"a-name-longer-t\"",
       "内核应显示名字的前 15 个字节，即 \"a-name-longer-t\"")
FL_MSG("proc_set_name refuses \"\", a name too long, and a started proc",
       "proc_set_name 拒绝 \"\"、过长的名字和已经启动的 proc")
FL_MSG("calling proc_set_name with \"\"",
       "用 \"\" 调用 proc_set_name")
FL_MSG("proc_set_name(p, \"\") to fail with EINVAL",
       "proc_set_name(p, \"\") 应以 EINVAL 失败")
FL_MSG("calling proc_set_name with a %d-byte name",
       "用一个 %d 字节的名字调用 proc_set_name")
FL_MSG("a name of PROC_NAME_MAX bytes to fail with ENAMETOOLONG",
       "PROC_NAME_MAX 个字节的名字应以 ENAMETOOLONG 失败")
FL_MSG("a refused name to leave p->name unchanged (\"\")",
       "被拒绝的名字不应改动 p->name（仍为 \"\"）")
FL_MSG("p->name is now \"%.63s\"",
       "p->name 现在是 \"%.63s\"")
FL_MSG("calling proc_set_name on a proc that was started",
       "对已经启动的 proc 调用 proc_set_name")
FL_MSG("naming a started proc to fail with EINVAL",
       "给已经启动的 proc 起名应以 EINVAL 失败")
FL_MSG("proc_name_default refuses a NULL proc with EINVAL, and the refusal "
       "takes no number",
       "proc_name_default 以 EINVAL 拒绝 NULL，"
       "而且被拒绝的调用不占用编号")
FL_MSG("calling proc_name_default(NULL)",
       "调用 proc_name_default(NULL)")
FL_MSG("proc_name_default(NULL) to fail with EINVAL",
       "proc_name_default(NULL) 应以 EINVAL 失败")
FL_MSG("calling proc_name_default on an unnamed proc, after the refused call",
       "被拒绝的调用之后，"
       "对一个没起名的 proc 调用 proc_name_default")
FL_MSG("proc_name_default on a proc to return 0",
       "对一个 proc 调用 proc_name_default 应返回 0")
FL_MSG("the first proc named after a refused call to be Process-1: only a start "
       "that happens takes a number",
       "被拒绝的调用之后，第一个得到默认名的 proc 应是 Process-1："
       "只有真正发生的启动才占用编号")
FL_MSG("it was named \"%.63s\": the refused call used up a number",
       "它被命名为 \"%.63s\"：被拒绝的调用用掉了一个编号")
FL_MSG("the child's stdin reads end-of-file at once; the caller's stays as it "
       "was",
       "子进程的标准输入立刻读到文件结束；调用方的标准输入保持原样")
FL_MSG("reading fd 0 in the child to give end-of-file at once (fd 0 on "
       "/dev/null)",
       "在子进程里读 fd 0 应立刻得到文件结束（fd 0 指向 /dev/null）")
FL_MSG("in child %d: %s",
       "在子进程 %d 里：%s")
FL_MSG("the task to find only the descriptors the caller had (the one opened on "
       "/dev/null closed once it is fd 0)",
       "任务应只看到调用方原有的文件描述符（打开 /dev/null 得到的那个描述符，"
       "在它成为 fd 0 之后就应关闭）")
FL_MSG("in child %d the task found fd %d open, which the caller did not have: "
       "proc_child_setup left it open",
       "在子进程 %d 里，任务发现 fd %d 是打开的，而调用方并没有它："
       "proc_child_setup 没有关掉它")
FL_MSG("the caller's own fd 0 to be left alone",
       "调用方自己的 fd 0 不应被改动")
FL_MSG("after proc_start, the caller's fd 0 is no longer its stdin: it was "
       "replaced in the caller, not in the child",
       "proc_start 之后，调用方的 fd 0 不再是它原来的标准输入："
       "替换发生在调用方里，而不是在子进程里")
FL_MSG("with the caller's fd 0 closed, the child's fd 0 is still open on "
       "/dev/null",
       "调用方的 fd 0 已关闭时，"
       "子进程的 fd 0 仍然打开并指向 /dev/null")
FL_MSG("the check to keep its stdin aside",
       "检查程序应能先把自己的标准输入另存起来")
FL_MSG("fcntl: %s",
       "fcntl 失败：%s")
FL_MSG("calling proc_start with fd 0 closed in the caller",
       "调用 proc_start（调用方已关闭 fd 0）")
FL_MSG("child %d %s; the task ran %d times%s",
       "子进程 %d：%s；任务运行了 %d 次%s")
FL_MSG("the caller's descriptors to be left alone",
       "调用方的文件描述符不应被改动")
FL_MSG("after proc_start the caller had an fd 0 it had closed: /dev/null was "
       "opened in the caller, not in the child",
       "proc_start 之后，调用方已经关闭的 fd 0 又出现了："
       "/dev/null 是在调用方里打开的，而不是在子进程里")
FL_MSG("fd 0 in the child to stay open on /dev/null when open() itself returned "
       "0",
       "open() 本身返回 0 时，"
       "子进程里的 fd 0 应保持打开并指向 /dev/null")
FL_MSG("the task to find only the descriptors the caller had, and fd 0",
       "任务应只看到调用方原有的文件描述符，外加 fd 0")
FL_MSG("in child %d the task found fd %d open, which the caller did not have",
       "在子进程 %d 里，任务发现 fd %d 是打开的，而调用方并没有它")
FL_MSG("an argument of no bytes (NULL, 0) is accepted and the task runs",
       "零字节的参数（NULL, 0）会被接受，任务照常运行")
FL_MSG("proc_init_args(p, task, NULL, 0) to return 0: only NULL with a size "
       "above 0 is refused",
       "proc_init_args(p, task, NULL, 0) 应返回 0："
       "只有 NULL 配上大于 0 的 size 才会被拒绝")
FL_MSG("p ready to start: pid 0, name \"\", the task set",
       "p 应处于可以启动的状态：pid 为 0，name 为 \"\"，任务已设置")
FL_MSG("pid %d, name \"%.16s\", task set",
       "pid 为 %d，name 为 \"%.16s\"，task 已设置")
FL_MSG("pid %d, name \"%.16s\", task not the one given",
       "pid 为 %d，name 为 \"%.16s\"，"
       "task 不是传入的那个")
FL_MSG("the task to run once in the child and its 5 to be the exit status",
       "任务应在子进程里运行一次，它返回的 5 应成为退出状态")
FL_MSG("child %d %s; the task ran %d times",
       "子进程 %d：%s；任务运行了 %d 次")
FL_MSG("every refusal in arguments.h: -1 with its errno, the proc unchanged, "
       "nothing started",
       "arguments.h 里的每一种拒绝："
       "返回 -1 并设置对应的 errno，proc 保持不变，不启动任何东西")
FL_MSG("proc_init_args and proc_set_name to accept valid arguments",
       "proc_init_args 和 proc_set_name 应接受有效的参数")
FL_MSG("one of them returned -1 (errno %d: %s)",
       "其中一个返回了 -1（errno %d：%s）")
FL_MSG("a refused call to start nothing",
       "被拒绝的调用不应启动任何东西")
FL_MSG("after %s (it returned %d), child %d of the caller is there",
       "%s（返回了 %d）之后，出现了调用方的子进程 %d")
FL_MSG("each refusal of arguments.h to return -1 with its errno",
       "arguments.h 列出的每一种拒绝都应返回 -1 并设置对应的 errno")
FL_MSG("%s returned %d (errno %d: %s), not -1 with %s",
       "%s 返回了 %d（errno %d：%s），而不是返回 -1 并设置 %s")
FL_MSG("a refused call to leave p unchanged",
       "被拒绝的调用不应改动 p")
FL_MSG("%s changed p (name now \"%.63s\", pid %d): check every argument before "
       "writing anything",
       "%s 改动了 p（name 现在是 \"%.63s\"，pid 为 %d）："
       "先检查所有参数，再写入任何东西")
FL_MSG("no task to run for a refused call",
       "被拒绝的调用不应运行任何任务")
FL_MSG("a task ran in pid %d",
       "有任务在 pid %d 里运行了")
FL_MSG("when fork fails, proc_start returns its error and starts nothing",
       "fork 失败时，proc_start 返回它的错误，不启动任何东西")
FL_MSG("p->pid to stay 0 and the task not to run",
       "p->pid 应保持为 0，任务也不应运行")
FL_MSG("p->pid is %d and the task ran %d times",
       "p->pid 是 %d，任务运行了 %d 次")
FL_MSG("a child whose setup fails ends with 127 without running the task",
       "准备工作失败的子进程以 127 结束，不运行任务")
FL_MSG("calling proc_start with no descriptor free",
       "调用 proc_start（没有空闲的文件描述符）")
FL_MSG("the check to limit descriptors",
       "检查程序应能限制文件描述符的数量")
FL_MSG("setrlimit failed: %s",
       "setrlimit 失败：%s")
FL_MSG("proc_start to return 0 (the descriptor is the child's affair)",
       "proc_start 应返回 0（文件描述符是子进程自己的事）")
FL_MSG("the task not to run when proc_child_setup failed",
       "proc_child_setup 失败时任务不应运行")
FL_MSG("child %d ended with 127 but the task ran first",
       "子进程 %d 以 127 结束，但任务已经先运行了")
FL_MSG("a child whose stdin cannot be put on /dev/null to end with 127 before "
       "the task (or, if it managed, the task to read end-of-file)",
       "标准输入无法换成 /dev/null 的子进程应在运行任务之前以 127 结束（如果换成功了，任务应读到文件结束）")
FL_MSG("child %d %s; the task ran %d times and saw: %s",
       "子进程 %d：%s；任务运行了 %d 次，它看到的是：%s")
FL_MSG("child %d %s; the task ran %d times%.0s",
       "子进程 %d：%s；任务运行了 %d 次%.0s")
FL_MSG("a child's starts are numbered on (or afresh) in the child and never "
       "count in its parent",
       "子进程里的启动在子进程里接着编号（或重新编号），永远不计入父进程")
FL_MSG("waiting for child %d, which starts a proc of its own, to end",
       "等待子进程 %d 结束（它会自己再启动一个 proc）")
FL_MSG("the child to start its own proc and exit with 0",
       "子进程应启动它自己的 proc 并以 0 退出")
FL_MSG("child %d %s",
       "子进程 %d：%s")
FL_MSG("the first unnamed start inside the child of start 2 to be Process-3 "
       "(the parent's count carried on), Process-1 (a count of its own) or "
       "Process-2:1 (CPython's)",
       "第 2 次启动的子进程里，"
       "第一次没起名的启动应叫 Process-3（接着父进程的计数）"
       "、Process-1（自己重新计数）"
       "或 Process-2:1（CPython 的叫法）")
FL_MSG("child %d named it \"%s\"",
       "子进程 %d 把它命名为 \"%s\"")
FL_MSG("the caller's third start to be Process-3: a child's starts do not count "
       "in its parent",
       "调用方的第三次启动应是 Process-3：子进程里的启动不计入父进程")
FL_MSG("it is \"%.63s\"",
       "它是 \"%.63s\"")
