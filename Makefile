# forklab -- process programming in C, checked by what the kernel saw.
#
#   make                      build the kit, your exercises and the solutions
#   make check                run every lesson's checks on exercises/
#   make check LESSON=04      one lesson (LESSON="01 04" for several)
#   make check WORK=DIR       check DIR (same layout as exercises/) instead
#   make check FORMAT=tap     TAP 14 (also: tap13, json)
#   make check ONLY=ID        one check (FORCE=1 runs a check this machine would skip)
#   make progress             every lesson: checks passed, and what to do next
#   make hint LESSON=04       the next hint for the lesson's first failing check
#   make watch                check the lesson you work on each time you save a file
#   make debug LESSON=04 CHECK=ID   how to run one check under gdb or strace
#   make test                 the kit's own tests
#   make bench                how long the checks take on the solutions
#   make check SHAKE=SEED     with seeded random delays around process calls
#   make soak                 every check on the solutions, 200 rounds under load
#   make memcheck             the checks under valgrind: leaks, bad reads, open fds
#   make coverage             which lines of your code the checks ran (gcovr)
#   make handout OUT=DIR      the repository students get: no solutions
#
# Student code is compiled with warnings but without -Werror; the kit's own
# code with -Werror.

CC      ?= cc
WORK    ?= exercises
LESSON  ?=
FORMAT  ?= human
# Checks run at once (empty: the driver's default, 8 a CPU; it prints in
# lesson order all the same); ONLY=ID runs one check, FORCE=1 runs checks
# this machine would skip.
JOBS    ?=
ONLY    ?=
FORCE   ?=
PYTHON  ?= python3

KIT_CFLAGS     := -std=c11 -D_GNU_SOURCE -O1 -g -Wall -Wextra -Werror
STUDENT_CFLAGS := -std=c11 -D_GNU_SOURCE -O0 -g -Wall -Wextra
EXTRA_CFLAGS   ?=
EXTRA_LDFLAGS  ?=

ALL_LESSONS := $(sort $(notdir $(wildcard harness/lessons/[0-9][0-9]-*)))
# LESSON takes numbers exactly (1 and 01 are 01-processes) or full names.
lesson_of    = $(or $(filter $(l),$(ALL_LESSONS)),$(filter $(if $(filter 1 2 3 4 5 6 7 8 9,$(l)),0$(l),$(l))-%,$(ALL_LESSONS)))
LESSONS     := $(if $(strip $(LESSON)),$(sort $(foreach l,$(LESSON),$(or $(lesson_of),$(error LESSON=$(l) is not a lesson; the lessons are: $(patsubst %,%,$(ALL_LESSONS)))))),$(ALL_LESSONS))
WORKDIR     := $(abspath $(WORK))
# Builds of different work folders never share a file: each gets the
# folder's absolute path below build/work.
BUILD       := build/work$(WORKDIR)
CORE_SRC    := $(filter-out harness/driver.c harness/main.c,$(wildcard harness/*.c))
CORE_LIB    := build/harness/libforklab.a
DRIVER      := build/harness/forklab
KIT_CHECKS  := $(foreach l,$(LESSONS),build/harness/lessons/$(l)/checks.o build/harness/lessons/$(l)/list \
                 build/harness/lessons/$(l)/policy/no-use)

checkers = $(foreach l,$(LESSONS),$(if $(wildcard $(1)/$(l)),$(2)/$(l)/check))

# Code a lesson hands over from earlier lessons (lesson 01's proc_start in
# lesson 04, lesson 09's queue in lesson 10) is the kit's, not the
# student's: harness/given/NN-name/*.c, compiled into one object per lesson
# and linked into that lesson's checker, so an exercise never shows an
# earlier lesson's answer.  A handout (make handout) has no sources, only
# the object, prebuilt: harness/given/NN-name.o.
GIVEN_LESSONS := $(sort $(patsubst %.o,%,$(notdir $(wildcard harness/given/[0-9][0-9]-*))))
given_obj      = $(if $(filter $(1),$(GIVEN_LESSONS)),build/harness/given/$(1).o)
GIVEN_OBJS    := $(foreach l,$(LESSONS),$(call given_obj,$(l)))

.PHONY: all check test bench clean kit help
all: kit
	@$(MAKE) --no-print-directory checkers WORK=exercises
	@$(MAKE) --no-print-directory checkers WORK=solutions

kit: $(CORE_LIB) $(DRIVER) build/harness/main.o $(KIT_CHECKS) $(GIVEN_OBJS)

help:
	@sed -n '2,20p' Makefile | sed 's/^# \{0,1\}//'

build/harness/%.o: harness/%.c $(wildcard harness/*.h)
	@mkdir -p $(@D)
	$(CC) $(KIT_CFLAGS) -c -o $@.$$$$.tmp $< && mv -f $@.$$$$.tmp $@

# The message catalogue: messages.c includes every translation file.
build/harness/messages.o: $(wildcard harness/messages/zh/*.h)

$(CORE_LIB): $(patsubst harness/%.c,build/harness/%.o,$(CORE_SRC))
	$(AR) rcs $@.$$$$.tmp $^ && mv -f $@.$$$$.tmp $@

# The driver: driver.c reads options, harness/driver/ runs and renders;
# it speaks through the same message catalogue as the checkers.
DRIVER_OBJ  := $(patsubst harness/%.c,build/harness/%.o,harness/driver.c harness/records.c harness/messages.c $(wildcard harness/driver/*.c))
$(filter-out build/harness/records.o build/harness/messages.o,$(DRIVER_OBJ)): harness/driver/driver.h
$(DRIVER): $(DRIVER_OBJ)
	$(CC) -o $@.$$$$.tmp $^ && mv -f $@.$$$$.tmp $@

# A lesson's checks compile once per kit, against the kit's own copy of
# the lesson's header.  A lesson's checker is then linked from them, the
# student's objects and the core by harness/build-checker, which refuses
# (into build.log, the checker absent, the other lessons unharmed) what
# could change the checks: odd file names, a changed contract header, a
# main, constructors, harness symbols.  It keeps checkers that are up to
# date, so it runs every time.
.SECONDEXPANSION:
build/harness/lessons/%/checks.o: harness/lessons/%/checks.c $$(wildcard harness/lessons/%/*.h) harness/fl.h
	@mkdir -p $(@D)
	$(CC) $(KIT_CFLAGS) -Iharness -Iharness/lessons/$* -DFL_LESSON='"$*"' -c -o $@.$$$$.tmp $< && mv -f $@.$$$$.tmp $@

# A lesson's given object: its sources compiled with the kit's flags against
# the kit's header and joined into one relocatable object (every function in
# it is linked, so a student file defining one again is refused, never
# silently preferred); in a handout, the shipped object, checked to be for
# this machine.
build/harness/given/%.o: $$(wildcard harness/given/%/*.c) $$(wildcard harness/given/%.o) $$(wildcard harness/lessons/%/*.h) $$(wildcard harness/given/common/*.c)
	@mkdir -p $(@D)
	@set -e; if [ -d harness/given/$* ]; then \
	    objs=; for c in harness/given/$*/*.c; do \
	        o=$@.$$$$.$$(basename $$c .c).o; \
	        echo "$(CC) $(KIT_CFLAGS) -Iharness/lessons/$* -c -o $$o $$c"; \
	        $(CC) $(KIT_CFLAGS) -Iharness/lessons/$* -c -o $$o $$c; objs="$$objs $$o"; \
	    done; \
	    $(LD) -r -o $@.$$$$.tmp $$objs && rm -f $$objs && mv -f $@.$$$$.tmp $@; \
	else \
	    want=$$(cat harness/given/MACHINE 2>/dev/null); have=$$($(CC) -dumpmachine); \
	    if [ "$${want%%-*}" != "$${have%%-*}" ]; then \
	        echo "harness/given/$*.o was compiled for $$want, but $(CC) here compiles for $$have:" \
	             "ask for a handout made on a $${have%%-*} machine (make handout)." >&2; exit 1; \
	    fi; \
	    cp harness/given/$*.o $@.$$$$.tmp && mv -f $@.$$$$.tmp $@; \
	fi

.PRECIOUS: build/harness/lessons/%/checks.o build/harness/lessons/%/list build/harness/main.o build/harness/given/%.o build/harness/lessons/%/policy/no-use
# The kit's side of the symbol rules for a lesson's objects (harness/policy.sh):
# made once, read by every build of the lesson.
build/harness/lessons/%/policy/no-use: build/harness/lessons/%/checks.o $(CORE_LIB) build/harness/main.o harness/policy.sh $$(wildcard harness/lessons/%/*.h)
	@harness/policy.sh --sets $* $< build/harness build/harness/lessons/$*/policy
# The kit's list of a lesson's checks, from the checks alone: the driver
# asks it which checks exist and what each is worth, so a lesson that did
# not build, or whose checker died, still counts every check as failed.
build/harness/lessons/%/list: build/harness/lessons/%/checks.o build/harness/main.o $(CORE_LIB)
	$(CC) -no-pie -o $@.$$$$.tmp build/harness/main.o $< $(CORE_LIB) -Wl,--unresolved-symbols=ignore-all && mv -f $@.$$$$.tmp $@
BUILD_CHECKER = CC='$(CC)' STUDENT_CFLAGS='$(STUDENT_CFLAGS)' EXTRA_CFLAGS='$(EXTRA_CFLAGS)' \
    EXTRA_LDFLAGS='$(EXTRA_LDFLAGS)' harness/build-checker
.PHONY: FORCE
$(BUILD)/%/check: FORCE $(CORE_LIB) build/harness/main.o build/harness/lessons/%/checks.o $$(call given_obj,$$*)
	@$(BUILD_CHECKER) plain $* '$(WORKDIR)' '$(WORK)' $(@D)

.PHONY: checkers
checkers: kit $(call checkers,$(WORKDIR),$(BUILD))

DRIVER_RUN = $(if $(FORCE),FORKLAB_FORCE=1 )$(DRIVER) --work $(WORK)$(if $(JOBS), -j $(JOBS)) $(foreach i,$(ONLY),--only $(i))
check: checkers $(if $(SHAKE),shake-checkers)
	@$(if $(SHAKE),FORKLAB_SHAKE=$(SHAKE) )$(DRIVER_RUN) --format $(FORMAT) \
	    $(foreach l,$(LESSONS),$(if $(SHAKE),$(SHAKEBUILD),$(BUILD))/$(l))

# ---- the student's loop: progress, hints, watch, debug ----
.PHONY: progress hint watch debug
progress: checkers
	@$(DRIVER_RUN) --format progress $(foreach l,$(LESSONS),$(BUILD)/$(l))

# Stages shown are kept in HINTS (delete it to start over).
HINTS ?= .forklab-hints
hint: checkers
	@$(DRIVER_RUN) --format hint --hint-state $(HINTS) $(foreach l,$(LESSONS),$(BUILD)/$(l))

WATCH_TOOL := build/harness/student/watch
$(WATCH_TOOL): harness/student/watch.c
	@mkdir -p $(@D)
	$(CC) $(KIT_CFLAGS) -o $@ $<

# The lesson: LESSON=, else the first that does not pass yet.
watch: checkers $(WATCH_TOOL)
	@l=$(if $(strip $(LESSON)),$(firstword $(LESSONS)),$$($(DRIVER_RUN) --format next $(foreach l,$(LESSONS),$(BUILD)/$(l)))); \
	 $(WATCH_TOOL) $(WORK)/$$l -- sh -c '$(MAKE) --no-print-directory -s checkers WORK=$(WORK) LESSON='"$$l"' && \
	    $(DRIVER) --brief --work $(WORK) $(BUILD)/'"$$l"

debug: checkers
	@harness/student/debug '$(BUILD)' '$(firstword $(LESSONS))' '$(CHECK)' '$(WORK)'

# A handout (make handout) has no tests/, solutions/, grading/ or tools/:
# the targets that need them say so instead of failing on a missing file.
kit_only = @if [ ! -e $(1) ]; then echo "make $@: $(1) is not in this handout; it is part of the forklab kit." >&2; exit 2; fi

test: all
	$(call kit_only,tests/run.py)
	@$(PYTHON) tests/run.py

# make bench: the floor (fork round trips, in C), the suite, the harness's
# price per check, deadlock verdicts, builds, grading and memcheck, each the
# median of ROUNDS runs (default 3), against each other as ratios; printed
# and written to bench/results.md.  BENCH_SKIP="grade build memcheck"
# leaves out the long parts.
BENCH_DIR      := build/harness/bench
BENCH_PROGRAMS := $(BENCH_DIR)/floor $(BENCH_DIR)/check
.PHONY: bench-programs
bench-programs: $(BENCH_PROGRAMS)
$(BENCH_DIR)/floor: harness/bench/floor.c
	@mkdir -p $(@D)
	$(CC) $(KIT_CFLAGS) -o $@ $<
# Checks of its own, linked like tests/engine's: with the core, no student.
$(BENCH_DIR)/check: harness/bench/checks.c harness/fl.h $(CORE_LIB) build/harness/main.o
	@mkdir -p $(@D)
	$(CC) $(KIT_CFLAGS) -Iharness -DFL_LESSON='"00-bench"' -o $@ $< build/harness/main.o $(CORE_LIB)

bench: all bench-programs
	$(call kit_only,tests/bench.py)
	@$(PYTHON) tests/bench.py

clean:
	rm -rf build

# ---- deeper tiers: optional tools, each says how to install it ----
# make memcheck: the same checkers, run under valgrind memcheck following
# every fork; only findings in the student's own files are shown.
.PHONY: memcheck coverage need-memcheck need-coverage
need-memcheck:
	@harness/memcheck/need valgrind $(PYTHON)
need-coverage:
	@harness/memcheck/need gcovr $(PYTHON)

memcheck: need-memcheck checkers
	@$(PYTHON) harness/memcheck/memcheck.py --work $(WORK) \
	    --format $(if $(filter json,$(FORMAT)),json,human) $(foreach l,$(LESSONS),$(BUILD)/$(l))

# make coverage: the student's files built with --coverage (the checks and
# the harness without), every _exit wrapped to write gcov's counters first
# (harness/coverage/gcov_exit.c), the checks run, gcovr reads the counters.
COVBUILD    := build/coverage$(WORKDIR)
COVERAGE_OUT ?= coverage
COV_WRAP    := build/harness/coverage/gcov_exit.o
.SECONDARY: $(COV_WRAP)
$(COVBUILD)/%/check: FORCE $(CORE_LIB) build/harness/main.o build/harness/lessons/%/checks.o $$(call given_obj,$$*) $(COV_WRAP)
	@$(BUILD_CHECKER) coverage $* '$(WORKDIR)' '$(WORK)' $(@D)

coverage: need-coverage kit $(call checkers,$(WORKDIR),$(COVBUILD))
	@rm -f $(foreach l,$(LESSONS),$(COVBUILD)/$(l)/obj/*.gcda)
	@$(DRIVER) --format $(FORMAT) --work $(WORK) $(foreach l,$(LESSONS),$(COVBUILD)/$(l)); \
	 st=$$?; $(PYTHON) harness/coverage/coverage.py --work $(WORK) --out $(COVERAGE_OUT) --format $(FORMAT) \
	    $(foreach l,$(LESSONS),$(COVBUILD)/$(l)) && exit $$st

# Gradescope's autograder zip (setup.sh, run_autograder and the kit, never
# solutions/): build/gradescope/autograder.zip.  LESSON= grades only some.
.PHONY: gradescope
gradescope:
	$(call kit_only,grading/gradescope/make_zip.py)
	@$(PYTHON) grading/gradescope/make_zip.py build/gradescope/autograder.zip $(LESSON)

# ---- the race shaker and the soak ----
# make check SHAKE=SEED: the student's objects and the lesson's checks are
# rewritten so that their fork, wait*, kill, read, write and shared-queue
# mutex/condition calls go through harness/shake/shake.c, which adds seeded
# random delays (FORKLAB_SHAKE=SEED at run time): a race fails, and fails
# again with the same seed.  The core is not shaken.
SHAKE       ?=
SHAKEBUILD  := build/shake$(WORKDIR)
SHAKE_OBJ   := build/harness/shake/shake.o
.SECONDARY: $(SHAKE_OBJ)
$(SHAKEBUILD)/%/check: FORCE $(CORE_LIB) build/harness/main.o build/harness/lessons/%/checks.o $$(call given_obj,$$*) $(SHAKE_OBJ)
	@$(BUILD_CHECKER) shake $* '$(WORKDIR)' '$(WORK)' $(@D)

$(SHAKE_OBJ): harness/shake/shake.c
	@mkdir -p $(@D)
	$(CC) $(KIT_CFLAGS) -c -o $@.$$$$.tmp $< && mv -f $@.$$$$.tmp $@

.PHONY: shake-checkers soak
shake-checkers: kit $(call checkers,$(WORKDIR),$(SHAKEBUILD))

# make soak: every check on the solutions, ROUNDS rounds (default 200), odd
# rounds shaken with seed SEED+round, while busy loops load every core;
# reports rounds, failures (must be 0) and the load.
soak: kit
	$(call kit_only,tests/test_soak.py)
	@$(PYTHON) tests/test_soak.py $(if $(ROUNDS),--rounds $(ROUNDS)) $(if $(SEED),--seed $(SEED))

# ---- the timeline of one check ----
# make trace LESSON=NN CHECK=ID: the lesson's checker built in trace mode
# (harness/build-checker: the process calls of the student's objects, the
# checks and the core go through harness/trace/trace.c, which records them
# in a shared file), one check run, and its processes drawn as an SVG
# timeline (harness/trace/timeline.py): build/trace/LESSON-CHECK.svg.  Without
# CHECK, the lesson's first check.  make traces: one per lesson, of the
# solutions' first check, into lessons/NN-name/trace.svg.  The plain build
# never sees any of it.
CHECK       ?=
TRACEBUILD  := build/traced$(WORKDIR)
TRACE_OBJ   := build/harness/trace/trace.o
.SECONDARY: $(TRACE_OBJ)
$(TRACE_OBJ): harness/trace/trace.c
	@mkdir -p $(@D)
	$(CC) $(KIT_CFLAGS) -c -o $@.$$$$.tmp $< && mv -f $@.$$$$.tmp $@

# build-checker keeps a checker newer than its parts; the tracer is one
# more part it does not know of.
$(TRACEBUILD)/%/check: FORCE $(CORE_LIB) build/harness/main.o build/harness/lessons/%/checks.o $$(call given_obj,$$*) $(TRACE_OBJ)
	@if [ -e $@ ] && [ $(TRACE_OBJ) -nt $@ ]; then rm -f $@; fi
	@$(BUILD_CHECKER) trace $* '$(WORKDIR)' '$(WORK)' $(@D)

.PHONY: trace traces trace-checkers
trace-checkers: kit $(TRACE_OBJ) $(call checkers,$(WORKDIR),$(TRACEBUILD))

trace: trace-checkers
	@$(if $(filter 1,$(words $(LESSONS))),,echo 'make trace: name one lesson, e.g. make trace LESSON=04 CHECK=join_waits' >&2; exit 2)
	@$(PYTHON) harness/trace/timeline.py --build $(TRACEBUILD)/$(LESSONS) --work $(WORK) \
	    $(if $(CHECK),--check '$(CHECK)') --outdir build/trace

traces:
	$(call kit_only,solutions)
	@$(MAKE) --no-print-directory trace-checkers WORK=solutions LESSON=
	@for l in $(ALL_LESSONS); do \
	    $(PYTHON) harness/trace/timeline.py --build build/traced$(abspath solutions)/$$l \
	        --work solutions --main --svg lessons/$$l/trace.svg || exit 1; \
	done

# ---- the handout ----
# make handout OUT=DIR: the repository students get (tools/handout): the
# exercises, the lessons, the harness and the build, the given functions
# as compiled objects only; no solutions/, tests/ or grading/.  CLASSROOM=1
# adds GitHub Classroom's workflow (grading/github-classroom/classroom.yml).
OUT ?=
.PHONY: handout
handout:
	$(call kit_only,tools/handout)
	@$(if $(OUT),,echo 'make handout: name the folder, e.g. make handout OUT=/tmp/forklab-handout' >&2; exit 2)
	@CC='$(CC)' $(PYTHON) tools/handout $(if $(filter 1,$(CLASSROOM)),--classroom) '$(OUT)'
