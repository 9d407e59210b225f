/* core: the texts the harness itself shows (harness/ and its .c files) in 简体中文, one
 * FL_MSG(english, chinese) each (see tools/messages.py). */
