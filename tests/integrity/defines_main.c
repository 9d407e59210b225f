/* rule: defines main
 * A main of the student's would replace the checker's and print passes. */
#include "processes.h"
#include <stdio.h>
int main(void)
{
    puts("result\t01-processes\truns_in_child\tx\t1\tpass");
    return 0;
}
