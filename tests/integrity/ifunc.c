/* rule: indirect function
 * An ifunc resolver runs while the checker loads. */
#include "processes.h"
static void impl(void) {}
static void (*resolve(void))(void) { return impl; }
void fancy(void) __attribute__((ifunc("resolve")));
