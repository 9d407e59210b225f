/* driver: the texts forklab (the driver) shows in 简体中文, one
 * FL_MSG(english, chinese) each (see tools/messages.py). */

/* ---- driver.c: the command line ---- */
FL_MSG("usage: forklab [OPTION]... LESSON_BUILD_DIR...\n"
       "Runs each lesson's checker (LESSON_BUILD_DIR/check) and shows the results.\n"
       "\n"
       "  -f, --format=FMT    human (default), tap (TAP 14), tap13 (TAP 13, for prove),\n"
       "                      json, progress (a line a lesson and what to do next),\n"
       "                      hint (the next hint for the first failing check),\n"
       "                      next (the name of the first lesson that does not pass)\n"
       "      --color=WHEN    auto (default: on a terminal, unless NO_COLOR), always, never\n"
       "      --work=NAME     how the work folder is called in messages (exercises)\n"
       "  -j, --jobs=N        run up to N checks at once, each in its own sandbox\n"
       "                      (default: FORKLAB_JOBS, else 8 a CPU: checks mostly\n"
       "                      wait); results print in lesson order all the same\n"
       "      --alone=LESSON  run LESSON while no other checker runs (12-parallelism\n"
       "                      always does: it measures CPU parallelism)\n"
       "      --only=ID       run only check ID (repeatable)\n"
       "      --full          human: every check, even of a lesson not started\n"
       "      --brief         human: the first failure in full, the others in a line\n"
       "      --kit=DIR       the kit's build folder (default: this program's folder)\n"
       "      --root=DIR      the kit's source folder (default: KIT/../..)\n"
       "      --catalog=FILE  the hint catalogue (default: ROOT/harness/hints/catalog.txt)\n"
       "      --hint-state=F  where make hint keeps its stages (.forklab-hints)\n"
       "  -h, --help          this text\n",
       "用法：forklab [选项]... LESSON_BUILD_DIR...\n"
       "运行每一课的检查程序（LESSON_BUILD_DIR/check），并显示结果。\n"
       "\n"
       "  -f, --format=FMT    human（默认）、tap（TAP 14）、tap13（TAP 13，供 prove 使用）、\n"
       "                      json、progress（每课一行，以及下一步做什么）、\n"
       "                      hint（第一个失败检查的下一条提示）、\n"
       "                      next（第一个还没通过的课的名字）\n"
       "      --color=WHEN    auto（默认：在终端上且没有设置 NO_COLOR 时）、always、never\n"
       "      --work=NAME     消息里怎么称呼作业目录（exercises）\n"
       "  -j, --jobs=N        同时最多运行 N 个检查，每个在自己的沙箱里\n"
       "                      （默认：FORKLAB_JOBS，否则每个 CPU 8 个，因为检查\n"
       "                      大多在等待）；\n"
       "                      结果照样按课的顺序输出\n"
       "      --alone=LESSON  运行 LESSON 时不运行别的检查程序（12-parallelism\n"
       "                      总是这样：它要测量 CPU 并行）\n"
       "      --only=ID       只运行检查 ID（可以重复）\n"
       "      --full          human：显示每个检查，即使这一课还没开始\n"
       "      --brief         human：完整显示第一个失败，其余的各占一行\n"
       "      --kit=DIR       kit 的构建目录（默认：本程序所在的目录）\n"
       "      --root=DIR      kit 的源代码目录（默认：KIT/../..）\n"
       "      --catalog=FILE  提示目录（默认：ROOT/harness/hints/catalog.txt）\n"
       "      --hint-state=F  make hint 记录提示进度的文件（.forklab-hints）\n"
       "  -h, --help          显示本帮助\n")
FL_MSG("FORMAT must be human, tap, tap13, json, progress, hint or next",
       "FORMAT 只能是 human、tap、tap13、json、progress、hint 或 next")
FL_MSG("--jobs takes a number of checks, 1 or more",
       "--jobs 需要同时运行的检查个数，至少为 1")
FL_MSG("this option needs a value",
       "这个选项需要一个值")
FL_MSG("unknown option",
       "未知的选项")
FL_MSG("no lesson selected (is LESSON= right?)",
       "没有选中任何一课（LESSON= 写对了吗？）")
FL_MSG("forklab: no check named %s in %s; make progress or "
       "build/harness/lessons/*/list --list show the ids\n",
       "forklab：没有名为 %s 的检查（在 %s 里）；make progress 或 "
       "build/harness/lessons/*/list --list 会列出所有检查的 id\n")
FL_MSG("these lessons",
       "这些课")

/* ---- hint.c: make hint ---- */
FL_MSG("There is no %s/%s yet: copy it from exercises/.\n",
       "还没有 %s/%s：先从 exercises/ 复制一份。\n")
FL_MSG("%s/%s does not compile yet; the first thing the compiler said:\n",
       "%s/%s 还编译不过；编译器的第一条消息：\n")
FL_MSG("make check LESSON=%s shows all of it.\n",
       "make check LESSON=%s 会显示全部消息。\n")
FL_MSG("%s passes every check: no hint needed.\n",
       "%s 的检查全部通过，不需要提示。\n")
FL_MSG("The first ✗ of %s: %s%s%s  (%s)\n",
       "%s 的第一个 ✗：%s%s%s  (%s)\n")
FL_MSG("expected",
       "期望")
FL_MSG("observed",
       "实际")
FL_MSG("No hint for this check yet; the lesson says, in %s:\n\n",
       "这个检查还没有提示；课文 %s 中写道：\n\n")
FL_MSG("(the section was not found)\n",
       "（没有找到这一节）\n")
FL_MSG("a nudge",
       "提示")
FL_MSG("the call to use",
       "该用的调用")
FL_MSG("the shape of the code",
       "代码的样子")
FL_MSG("%sHint %d of %d%s (%s):\n",
       "%s提示 %d/%d%s（%s）：\n")
FL_MSG("make hint LESSON=%s again for the next step; read %s too.\n",
       "再运行 make hint LESSON=%s 看下一步；也请读 %s。\n")
FL_MSG("That is the last hint for this check: read %s again, or watch the check run:"
       " make debug LESSON=%s CHECK=%s\n",
       "这是这个检查的最后一条提示：再读一遍 %s，或者看它怎么运行："
       "make debug LESSON=%s CHECK=%s\n")
FL_MSG("%s(rm %s starts the hints over)%s\n",
       "%s（删除 %s 可以从头再看提示）%s\n")

/* ---- render_human.c: make check ---- */
FL_MSG("⚠ your code compiled with warnings: fix them, they often point at the bug",
       "⚠ 你的代码编译时有警告：把它们改掉，它们常常指向 bug 所在")
FL_MSG("forklab: checking %s/ (1 lesson)\n",
       "forklab：检查 %s/（1 课）\n")
FL_MSG("forklab: checking %s/ (%d lessons)\n",
       "forklab：检查 %s/（%d 课）\n")
FL_MSG("sandbox: %s\n",
       "沙箱：%s\n")
FL_MSG("a check that times out usually waits for something that never comes: a pipe end "
       "left open, a child never started, a join of the wrong pid",
       "超时的检查通常是在等一件永远不会发生的事：某个管道端没关、子进程根本没启动、"
       "join 了错误的 pid")
FL_MSG("the check asked to be skipped",
       "检查请求跳过")
FL_MSG("(skipped: %s)",
       "（已跳过：%s）")
FL_MSG("run it anyway: make check LESSON=%s ONLY=%s FORCE=1",
       "仍要运行它：make check LESSON=%s ONLY=%s FORCE=1")
FL_MSG("read",
       "阅读")
FL_MSG("note",
       "备注")
FL_MSG("hint",
       "提示")
FL_MSG("your code printed %ld bytes (the first shown):",
       "你的代码打印了 %ld 字节（只显示开头部分）：")
FL_MSG("your code printed %ld bytes:",
       "你的代码打印了 %ld 字节：")
FL_MSG("✗ your code in %s/%s did not compile, so none of its checks ran.",
       "✗ 你在 %s/%s 里的代码没有编译通过，所以它的检查一个也没有运行。")
FL_MSG("    The compiler said:\n",
       "    编译器的消息：\n")
FL_MSG("✗ there is no %s/%s: copy it from exercises/ to work on it.",
       "✗ 没有 %s/%s：从 exercises/ 复制一份过来再做。")
FL_MSG("✗ %s: every check of this lesson counts as failed",
       "✗ %s：这一课的每个检查都算作失败")
FL_MSG("✗ 1 check of %s not run: it counts as failed, with its points",
       "✗ %s 有 1 个检查没有运行：它算作失败，不得分")
FL_MSG("✗ %d checks of %s not run: each counts as failed, with its points",
       "✗ %d 个检查没有运行（%s）：每一个都算作失败，不得分")
FL_MSG("✗ not written yet:",
       "✗ 还没有写：")
FL_MSG("all %d checks get ENOSYS from the stubs",
       "%d 个检查全都从桩函数得到 ENOSYS")
FL_MSG("0/%d checks pass, %d get ENOSYS from the stubs",
       "0/%d 个检查通过，%d 个从桩函数得到 ENOSYS")
FL_MSG("(make check LESSON=%s shows each)",
       "（make check LESSON=%s 会逐个显示）")
FL_MSG("hint: \"Function not implemented\" (ENOSYS) is what the stubs in exercises/ return:",
       "提示：\"Function not implemented\"（ENOSYS）是 exercises/ 里的桩函数返回的错误：")
FL_MSG("that function is still yours to write.",
       "这个函数还等着你来写。")
FL_MSG("stuck? make hint LESSON=%s: a hint for the first ✗, one step more each time",
       "卡住了？make hint LESSON=%s：给第一个 ✗ 一条提示，每次多给一步")
FL_MSG("\"not written yet\": the stubs in exercises/ answer -1 with ENOSYS (\"Function not "
       "implemented\"); those functions are yours to write.",
       "“还没有写”：exercises/ 里的桩函数返回 -1 并设置 ENOSYS（\"Function not "
       "implemented\"）；这些函数要由你来写。")
FL_MSG("%2d/%-2d checks  %3d/%-3d points",
       "%2d/%-2d 个检查  %3d/%-3d 分")
FL_MSG("  (did not compile)",
       "  （没有编译通过）")
FL_MSG("  (missing)",
       "  （缺失）")
FL_MSG("  (checker crashed)",
       "  （检查程序崩溃）")
FL_MSG("%d passed, %d failed",
       "%d 个通过，%d 个失败")
FL_MSG(" · %d/%d points · %.2f s\n",
       " · %d/%d 分 · %.2f s\n")
FL_MSG("%d skipped: this machine could not test them; they keep their points\n",
       "%d 个跳过：这台机器无法测试它们；它们照样得分\n")
FL_MSG("Each ✗ says what the lesson expects, what your code did, and where to read.\n",
       "每个 ✗ 都写明了课文期望什么、你的代码做了什么，以及该去读哪里。\n")

/* ---- render_progress.c: make progress, and "Next" ---- */
FL_MSG("(%s passes)",
       "（%s 已通过）")
FL_MSG("(%s passes: solutions/%s/ shows another way to write it)",
       "（%s 已通过：solutions/%s/ 有另一种写法）")
FL_MSG("Only %s ran:",
       "只运行了 %s：")
FL_MSG("Only the checks named ran:",
       "只运行了指定的检查：")
FL_MSG("make check LESSON=%s runs the whole lesson.\n",
       "make check LESSON=%s 会运行整课。\n")
FL_MSG("Next:",
       "下一步：")
FL_MSG("put %s/%s back (cp -r exercises/%s %s/, or git checkout exercises/%s)\n",
       "把 %s/%s 放回去（cp -r exercises/%s %s/，或者 git checkout exercises/%s）\n")
FL_MSG("make %s/%s compile: make check LESSON=%s shows the compiler's messages\n",
       "让 %s/%s 编译通过：make check LESSON=%s 会显示编译器的消息\n")
FL_MSG("make check LESSON=%s again: its checker died (%s)\n",
       "再运行一次 make check LESSON=%s：它的检查程序死掉了（%s）\n")
FL_MSG("lessons/%s/%s, then write %s/%s/",
       "先读 lessons/%s/%s，再写 %s/%s/")
FL_MSG("(for \"%s\"; make hint LESSON=%s if stuck)",
       "（针对“%s”；卡住了就运行 make hint LESSON=%s）")
FL_MSG("nothing: every lesson checked passes.",
       "没有了：检查过的每一课都已通过。")
FL_MSG("make memcheck and make coverage look deeper at your code.",
       "make memcheck 和 make coverage 会更深入地查看你的代码。")
FL_MSG("forklab progress: %s/\n\n",
       "forklab 进度：%s/\n\n")
FL_MSG("does not compile",
       "编译不通过")
FL_MSG("missing",
       "缺失")
FL_MSG("checker died",
       "检查程序死掉了")
FL_MSG("not started",
       "还没开始")
FL_MSG("\n  %d/%d lessons · %d/%d checks · %d/%d points · %.1f s\n\n",
       "\n  %d/%d 课 · %d/%d 个检查 · %d/%d 分 · %.1f s\n\n")

/* ---- render_tap.c: TAP comments ---- */
FL_MSG("did not compile",
       "没有编译通过")
FL_MSG("checker crashed",
       "检查程序崩溃")

/* ---- driver/run.c: lessons that could not run ---- */
FL_MSG("the lesson's checks to run",
       "这一课的检查应当能运行")
FL_MSG("the lesson's checker to run to its end",
       "这一课的检查程序应当运行到结束")
FL_MSG("the checker crashed",
       "检查程序崩溃了")
FL_MSG("your code did not build, so this check could not run (the messages are above)",
       "你的代码没能构建，所以这个检查无法运行（编译器的消息在上面）")
FL_MSG("there is no %s/%s",
       "没有 %s/%s")
FL_MSG("the lesson's checker never reported this check",
       "这一课的检查程序始终没有报告这个检查")
FL_MSG("the lesson's checker %s/check ended abnormally (exit status %d) after %d checks",
       "这一课的检查程序 %s/check 异常结束（退出状态 %d），此前完成了 %d 个检查")
FL_MSG("the lesson's checker %s/check ended abnormally (signal %d) after %d checks",
       "这一课的检查程序 %s/check 异常结束（信号 %d），此前完成了 %d 个检查")
