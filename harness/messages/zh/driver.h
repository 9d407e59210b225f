/* driver: the texts forklab (the driver) shows in 简体中文, one
 * each (see tools/messages.py). */
