/* tsv.h -- reading the case tables of tests/data/ (format: tests/data/replies/README), for the
 * tests, the benchmark and the fuzzers' seeds. */
#ifndef SMTPCODE_TESTS_TSV_H
#define SMTPCODE_TESTS_TSV_H

#include <stddef.h>

#define TSV_MAX_COLUMNS 32

/* One field, unescaped: it may hold NUL bytes, so it has a length; it is also
 * NUL-terminated. */
struct tsv_field {
	const char *s;
	size_t len;
};

/* One file's table. */
struct tsv {
	char path[512];
	char *data;              /* the file's bytes, unescaped in place */
	size_t ncolumns, nrows;
	const char *columns[TSV_MAX_COLUMNS];
	struct tsv_field *fields; /* nrows * ncolumns */
	int *lines;              /* the file line of each row, for messages */
};

/* Loads a file; returns 0, or -1 after printing "PATH:LINE: what is wrong" to stderr (a row
 * with the wrong number of fields, an unknown escape, no header). */
int tsv_load(const char *path, struct tsv *t);
void tsv_free(struct tsv *t);

/* The column's index, or -1 when the file has no such column. */
int tsv_column(const struct tsv *t, const char *name);

/* The field of a row in a column found by tsv_column; NULL for column -1. */
const struct tsv_field *tsv_get(const struct tsv *t, size_t row, int column);

/* The paths of the *.tsv files directly in dir, sorted; returns how many (at most max), or -1
 * when dir cannot be read. The names are written into names, each up to 512 bytes. */
int tsv_list(const char *dir, char (*names)[512], int max);

#endif
