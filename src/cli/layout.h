/* layout.h -- text layout for the terminal: wrapping, the label column, colour by class. */
#ifndef SMTPCODE_CLI_LAYOUT_H
#define SMTPCODE_CLI_LAYOUT_H

#include <stdio.h>

#include <smtpcode.h>

#define LABEL_WIDTH 19 /* "  When you see it  ": the label column of cards and tables */
#define MIN_ROOM 10    /* columns a wrapped text is given at least */

/* Takes the next line of at most width terminal columns from *text (valid UTF-8, as the
 * sanitiser leaves it): sets *line to its start and *columns to the columns it takes, returns
 * its length in bytes and advances *text past it. Words are kept whole unless one is longer
 * than a line; then it is cut between characters. Returns 0 when nothing is left. */
size_t wrap_next(const char **text, size_t width, const char **line, size_t *columns);

/* Writes n spaces (nothing when n <= 0). */
void put_spaces(FILE *fp, int n);

/* Writes text wrapped at width columns. The cursor is assumed to be at column indent; every
 * further line starts with indent spaces, fewer where indent would leave less than MIN_ROOM
 * columns. A word longer than a line is cut. Ends with '\n'. */
void out_wrapped(FILE *fp, const char *text, int indent, int width);

/* "  Label            text wrapped in the column after the label\n" */
void put_field(FILE *fp, enum smtpcode_label label, const char *text, int width);

/* The width to wrap at: COLUMNS, else the terminal's, else 80; a value below 40 is raised
 * to 40 (and one above 1000 lowered to 1000). */
int terminal_width(FILE *out);

/* Whether to colour: "auto" never into a pipe or file, and not when NO_COLOR is set. */
enum color { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };
int want_color(enum color c, FILE *out);

/* Writes text, coloured by class (2 green, 3 cyan, 4 yellow, 5 red, else bold) when color. */
void put_colored(FILE *out, const char *text, int cls, int color);

#endif
