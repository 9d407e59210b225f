"""forklab's grader: grade a class of submissions with the kit's own checks.

Modules: kit (lessons, check declarations, rubric), submission (finding and
safely unpacking what students handed in), runner (building and checking one
submission in its own scratch copy, as its own user), model (the typed
records: the driver's report read safely, the grade, the class's run),
marks (turning the driver's verdicts and the rubric into a grade), reports
(one student's files), classfiles (the class's files), cli (the command)."""
