/* output.h -- text wrapping and JSON writing shared by the command's output formats. */
#ifndef SMTPCODE_OUTPUT_H
#define SMTPCODE_OUTPUT_H

#include <stdio.h>

#include "smtpcode.h"

/* Takes the next line of at most width columns from *text: sets *line to its start, returns
 * its length and advances *text past it. Words are kept whole unless one is longer than a
 * line. Returns 0 when nothing is left. */
size_t wrap_next(const char **text, size_t width, const char **line);

/* Writes n spaces (nothing when n <= 0). */
void put_spaces(FILE *fp, int n);

/* Writes text wrapped at width columns. The cursor is assumed to be at column indent; every
 * further line starts with indent spaces. A word longer than a line is cut. Ends with '\n'. */
void out_wrapped(FILE *fp, const char *text, int indent, int width);

/* Writes s as a JSON string literal (quotes included). Bytes that are not valid UTF-8 become
 * U+FFFD; control characters are escaped. */
void json_string(FILE *fp, const char *s);

/* The same for len bytes that may hold anything, NUL included. */
void json_string_n(FILE *fp, const char *s, size_t len);

/* Writes the JSON entry object of DESIGN.md for entry, met as the code asked ("5.7.8"); every
 * line after the first is indented by indent spaces. note is NULL for a registered code, else
 * the resolution's note (the object then says "registered": false). */
void json_entry(FILE *fp, const struct smtpcode_entry *entry, const char *asked, const char *note,
		int indent);

#endif
