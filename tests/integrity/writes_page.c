/* rule: fl_page
 * The verdict page, named through the harness's own symbol. */
#include "processes.h"
struct fl_page;
extern struct fl_page *fl_page;
void forklab_helper(void) { *(int *)fl_page = 1; }
