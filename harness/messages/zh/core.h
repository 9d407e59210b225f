/* core: the texts the harness itself shows (harness/*.c) in 简体中文, one
 * each (see tools/messages.py). */
