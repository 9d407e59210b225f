/* rule: .init_array
 * A constructor runs in the checker before any sandbox. */
#include "processes.h"
#include <unistd.h>
__attribute__((constructor)) static void early(void) { if (fork() == 0) pause(); }
