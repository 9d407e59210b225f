# forklab -- process programming in C, checked by what the kernel saw.
#
#   make                      build the kit, your exercises and the solutions
#   make check                run every lesson's checks on exercises/
#   make check LESSON=04      one lesson (LESSON="01 04" for several)
#   make check WORK=DIR       check DIR (same layout as exercises/) instead
#   make check FORMAT=tap     TAP 14 (also: json)
#   make test                 the kit's own tests
#   make bench                how long the checks take on the solutions
#   make check SHAKE=SEED     with seeded random delays around process calls
#   make soak                 every check on the solutions, 200 rounds under load
#   make memcheck             the checks under valgrind: leaks, bad reads, open fds
#   make coverage             which lines of your code the checks ran (gcovr)
#
# Student code is compiled with warnings but without -Werror; the kit's own
# code with -Werror.

CC      ?= cc
WORK    ?= exercises
LESSON  ?=
FORMAT  ?= human
PYTHON  ?= python3

KIT_CFLAGS     := -std=c11 -D_GNU_SOURCE -O1 -g -Wall -Wextra -Werror
STUDENT_CFLAGS := -std=c11 -D_GNU_SOURCE -O0 -g -Wall -Wextra
EXTRA_CFLAGS   ?=
EXTRA_LDFLAGS  ?=

ALL_LESSONS := $(sort $(notdir $(wildcard harness/lessons/[0-9][0-9]-*)))
LESSONS     := $(if $(strip $(LESSON)),$(sort $(foreach l,$(LESSON),$(filter $(l)%,$(ALL_LESSONS)))),$(ALL_LESSONS))
WORKDIR     := $(abspath $(WORK))
# Builds of different work folders never share a file: each gets the
# folder's absolute path below build/work.
BUILD       := build/work$(WORKDIR)
CORE_SRC    := $(filter-out harness/driver.c,$(wildcard harness/*.c))
CORE_LIB    := build/harness/libforklab.a
DRIVER      := build/harness/forklab

checkers = $(foreach l,$(LESSONS),$(if $(wildcard $(1)/$(l)),$(2)/$(l)/check))

.PHONY: all check test bench clean kit help
all: kit
	@$(MAKE) --no-print-directory checkers WORK=exercises
	@$(MAKE) --no-print-directory checkers WORK=solutions

kit: $(CORE_LIB) $(DRIVER)

help:
	@sed -n '2,14p' Makefile | sed 's/^# \{0,1\}//'

build/harness/%.o: harness/%.c $(wildcard harness/*.h)
	@mkdir -p $(@D)
	$(CC) $(KIT_CFLAGS) -c -o $@ $<

$(CORE_LIB): $(patsubst harness/%.c,build/harness/%.o,$(CORE_SRC))
	@rm -f $@.tmp
	$(AR) rcs $@.tmp $^ && mv -f $@.tmp $@

$(DRIVER): build/harness/driver.o build/harness/records.o
	$(CC) -o $@ $^

# A lesson's checker: its checks + the student's files + the core.  A
# student's compile error must not stop the other lessons, so the messages go
# to build.log and the checker is simply absent; the driver reports it.  The
# link goes to a temporary name first: a checker is never seen half written.
.SECONDEXPANSION:
$(BUILD)/%/check: harness/lessons/%/checks.c $$(wildcard $(WORKDIR)/%/*.c $(WORKDIR)/%/*.h) $(CORE_LIB)
	@mkdir -p $(@D)
	@rm -f $@
	@$(CC) $(STUDENT_CFLAGS) $(EXTRA_CFLAGS) -I$(WORKDIR)/$* -Iharness -DFL_LESSON='"$*"' \
	    -o $@.tmp harness/lessons/$*/checks.c $(wildcard $(WORKDIR)/$*/*.c) $(CORE_LIB) \
	    $(EXTRA_LDFLAGS) >$(@D)/build.log 2>&1 && mv -f $@.tmp $@ || rm -f $@.tmp

.PHONY: checkers
checkers: kit $(call checkers,$(WORKDIR),$(BUILD))

check: checkers $(if $(SHAKE),shake-checkers)
	@$(if $(SHAKE),FORKLAB_SHAKE=$(SHAKE) )$(DRIVER) --format $(FORMAT) --work $(WORK) \
	    $(foreach l,$(LESSONS),$(if $(SHAKE),$(SHAKEBUILD),$(BUILD))/$(l))

test: all
	@$(PYTHON) tests/run.py

# Timings of the checks on the solutions (median of ROUNDS runs).
bench: all
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
$(COVBUILD)/%/check: harness/lessons/%/checks.c $$(wildcard $(WORKDIR)/%/*.c $(WORKDIR)/%/*.h) $(CORE_LIB) $(COV_WRAP)
	@mkdir -p $(@D)
	@rm -f $@ $(@D)/*.o $(@D)/*.gcno $(@D)/*.gcda
	@{ for f in $(wildcard $(WORKDIR)/$*/*.c); do \
	     $(CC) $(STUDENT_CFLAGS) $(EXTRA_CFLAGS) --coverage -I$(WORKDIR)/$* -Iharness \
	         -c -o $(@D)/$$(basename $$f .c).o $$f || exit 1; done && \
	   $(CC) $(STUDENT_CFLAGS) $(EXTRA_CFLAGS) -I$(WORKDIR)/$* -Iharness -DFL_LESSON='"$*"' \
	     -c -o $(@D)/fl-checks.o harness/lessons/$*/checks.c && \
	   $(CC) -o $@.tmp $(@D)/*.o $(COV_WRAP) $(CORE_LIB) --coverage -Wl,--wrap=_exit,--wrap=_Exit \
	     $(EXTRA_LDFLAGS); \
	 } >$(@D)/build.log 2>&1 && mv -f $@.tmp $@ || rm -f $@.tmp

coverage: need-coverage kit $(call checkers,$(WORKDIR),$(COVBUILD))
	@rm -f $(foreach l,$(LESSONS),$(COVBUILD)/$(l)/*.gcda)
	@$(DRIVER) --format $(FORMAT) --work $(WORK) $(foreach l,$(LESSONS),$(COVBUILD)/$(l)); \
	 st=$$?; $(PYTHON) harness/coverage/coverage.py --work $(WORK) --out $(COVERAGE_OUT) --format $(FORMAT) \
	    $(foreach l,$(LESSONS),$(COVBUILD)/$(l)) && exit $$st

# Gradescope's autograder zip (setup.sh, run_autograder and the kit, never
# solutions/): build/gradescope/autograder.zip.  LESSON= grades only some.
.PHONY: gradescope
gradescope:
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
SHAKE_SYMS  := fork wait waitpid waitid kill read write pthread_mutex_lock pthread_mutex_unlock \
               pthread_cond_wait pthread_cond_timedwait pthread_cond_signal pthread_cond_broadcast
OBJCOPY     ?= objcopy
.SECONDARY: $(SHAKE_OBJ)
$(SHAKEBUILD)/%/check: harness/lessons/%/checks.c $$(wildcard $(WORKDIR)/%/*.c $(WORKDIR)/%/*.h) $(CORE_LIB) $(SHAKE_OBJ)
	@mkdir -p $(@D)
	@rm -f $@ $(@D)/*.o
	@{ for f in $(wildcard $(WORKDIR)/$*/*.c); do \
	     $(CC) $(STUDENT_CFLAGS) $(EXTRA_CFLAGS) -I$(WORKDIR)/$* -Iharness \
	         -c -o $(@D)/$$(basename $$f .c).o $$f || exit 1; done && \
	   $(CC) $(STUDENT_CFLAGS) $(EXTRA_CFLAGS) -I$(WORKDIR)/$* -Iharness -DFL_LESSON='"$*"' \
	     -c -o $(@D)/fl-checks.o harness/lessons/$*/checks.c && \
	   for o in $(@D)/*.o; do \
	     $(OBJCOPY) $(foreach s,$(SHAKE_SYMS),--redefine-sym $(s)=fl_shake_$(s)) $$o || exit 1; done && \
	   $(CC) -o $@.tmp $(@D)/*.o $(SHAKE_OBJ) $(CORE_LIB) $(EXTRA_LDFLAGS); \
	 } >$(@D)/build.log 2>&1 && mv -f $@.tmp $@ || rm -f $@.tmp

$(SHAKE_OBJ): harness/shake/shake.c
	@mkdir -p $(@D)
	$(CC) $(KIT_CFLAGS) -c -o $@ $<

.PHONY: shake-checkers soak
shake-checkers: kit $(call checkers,$(WORKDIR),$(SHAKEBUILD))

# make soak: every check on the solutions, ROUNDS rounds (default 200), odd
# rounds shaken with seed SEED+round, while busy loops load every core;
# reports rounds, failures (must be 0) and the load.
soak: kit
	@$(PYTHON) tests/test_soak.py $(if $(ROUNDS),--rounds $(ROUNDS)) $(if $(SEED),--seed $(SEED))
