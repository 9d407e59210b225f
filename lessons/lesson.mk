# Included by every lessons/NN-name/Makefile: `make check` inside a lesson
# folder checks just that lesson (WORK= and FORMAT= pass through).
LESSON_NAME := $(notdir $(CURDIR))
.PHONY: check solution
check:
	@$(MAKE) --no-print-directory -C ../.. check LESSON=$(LESSON_NAME)
solution:
	@if [ ! -d ../../solutions ]; then echo "make solution: this handout has no solutions." >&2; exit 2; fi
	@$(MAKE) --no-print-directory -C ../.. check LESSON=$(LESSON_NAME) WORK=solutions
