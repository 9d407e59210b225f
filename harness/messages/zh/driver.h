/* driver: the texts forklab (the driver) shows in 简体中文, one
 * FL_MSG(english, chinese) each (see tools/messages.py). */
