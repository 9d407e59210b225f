/* records.h -- the line format between a lesson's checker and the driver.
 *
 * One record a line, fields separated by tabs.  Inside a field, backslash,
 * tab, newline and every other control byte are escaped (\\ \t \n \xHH), so
 * any text a student's program printed travels intact. */
#ifndef FL_RECORDS_H
#define FL_RECORDS_H

#include <stdio.h>

#define FL_MAX_FIELDS 16

/* Write `s` to `f` escaped as one field (no separator). */
void fl_rec_put(FILE *f, const char *s);

/* Split `line` (without its newline) into at most FL_MAX_FIELDS fields,
 * unescaping each in place.  Returns the number of fields. */
int fl_rec_split(char *line, char **fields);

#endif
