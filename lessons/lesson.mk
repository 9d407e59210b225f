# Included by every lessons/NN-name/Makefile: `make check` inside a lesson
# folder checks just that lesson (WORK= and FORMAT= pass through).
LESSON_NAME := $(notdir $(CURDIR))
.PHONY: check solution
check:
	@$(MAKE) --no-print-directory -C ../.. check LESSON=$(LESSON_NAME)
solution:
	@$(MAKE) --no-print-directory -C ../.. check LESSON=$(LESSON_NAME) WORK=solutions
