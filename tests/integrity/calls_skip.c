/* rule: fl_skip
 * A skip kept its points: calling the harness's fl_skip from student code. */
#include "processes.h"
void fl_skip(const char *why, ...);
int forklab_helper(void) { fl_skip("no"); return 0; }
