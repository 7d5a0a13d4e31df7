/* tsv.c -- reading the case tables of tests/data/. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tsv.h"

static int hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Unescapes [s, end) in place into s; returns the new length, or -1 for a bad escape. */
static long unescape(char *s, const char *end)
{
	char *o = s;
	const char *p = s;

	while (p < end) {
		if (*p != '\\') {
			*o++ = *p++;
			continue;
		}
		if (p + 1 >= end)
			return -1;
		switch (p[1]) {
		case 'n': *o++ = '\n'; p += 2; break;
		case 'r': *o++ = '\r'; p += 2; break;
		case 't': *o++ = '\t'; p += 2; break;
		case '\\': *o++ = '\\'; p += 2; break;
		case 'x':
			if (p + 3 >= end || hex(p[2]) < 0 || hex(p[3]) < 0)
				return -1;
			*o++ = (char)(hex(p[2]) * 16 + hex(p[3]));
			p += 4;
			break;
		default:
			return -1;
		}
	}
	return (long)(o - s);
}

static int bad(const char *path, int line, const char *what)
{
	fprintf(stderr, "%s:%d: %s\n", path, line, what);
	return -1;
}

/* Splits one line at TABs into at most max fields; returns the count. */
static size_t split(char *line, char **starts, char **ends, size_t max)
{
	size_t n = 0;
	char *p = line;

	for (;;) {
		char *tab = strchr(p, '\t');

		if (n == max)
			return max + 1;
		starts[n] = p;
		ends[n] = tab != NULL ? tab : p + strlen(p);
		n++;
		if (tab == NULL)
			return n;
		*tab = '\0';
		p = tab + 1;
	}
}

static int read_file(const char *path, struct tsv *t)
{
	FILE *fp = fopen(path, "rb");
	long size;

	if (fp == NULL || fseek(fp, 0, SEEK_END) != 0 || (size = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) != 0) {
		if (fp != NULL)
			fclose(fp);
		return bad(path, 0, "cannot read the file");
	}
	t->data = malloc((size_t)size + 1);
	if (t->data == NULL || fread(t->data, 1, (size_t)size, fp) != (size_t)size) {
		fclose(fp);
		return bad(path, 0, "cannot read the file");
	}
	t->data[size] = '\0';
	fclose(fp);
	return 0;
}

int tsv_load(const char *path, struct tsv *t)
{
	char *line, *next, *starts[TSV_MAX_COLUMNS + 1], *ends[TSV_MAX_COLUMNS + 1];
	size_t cap = 0, n, i;
	int lineno = 0;

	memset(t, 0, sizeof *t);
	snprintf(t->path, sizeof t->path, "%s", path);
	if (read_file(path, t) != 0)
		return -1;
	for (line = t->data; line != NULL && *line != '\0'; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		lineno++;
		if (line[0] == '#' || line[0] == '\0')
			continue;
		n = split(line, starts, ends, TSV_MAX_COLUMNS);
		if (t->ncolumns == 0) { /* the header */
			if (n > TSV_MAX_COLUMNS)
				return bad(path, lineno, "too many columns");
			for (i = 0; i < n; i++)
				t->columns[i] = starts[i];
			t->ncolumns = n;
			if (tsv_column(t, "text") < 0)
				return bad(path, lineno, "the header names no column 'text'");
			continue;
		}
		if (n != t->ncolumns)
			return bad(path, lineno, "a row with another number of fields than the header");
		if (t->nrows == cap) {
			cap = cap ? 2 * cap : 64;
			t->fields = realloc(t->fields, cap * t->ncolumns * sizeof *t->fields);
			t->lines = realloc(t->lines, cap * sizeof *t->lines);
			if (t->fields == NULL || t->lines == NULL)
				return bad(path, lineno, "out of memory");
		}
		for (i = 0; i < n; i++) {
			long len = unescape(starts[i], ends[i]);

			if (len < 0)
				return bad(path, lineno, "a backslash that starts no escape "
					   "(\\n \\r \\t \\\\ \\xHH)");
			starts[i][len] = '\0';
			t->fields[t->nrows * t->ncolumns + i].s = starts[i];
			t->fields[t->nrows * t->ncolumns + i].len = (size_t)len;
		}
		t->lines[t->nrows++] = lineno;
	}
	if (t->ncolumns == 0)
		return bad(path, lineno, "no header line");
	return 0;
}

void tsv_free(struct tsv *t)
{
	free(t->data);
	free(t->fields);
	free(t->lines);
	memset(t, 0, sizeof *t);
}

int tsv_column(const struct tsv *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->ncolumns; i++)
		if (strcmp(t->columns[i], name) == 0)
			return (int)i;
	return -1;
}

const struct tsv_field *tsv_get(const struct tsv *t, size_t row, int column)
{
	if (column < 0 || row >= t->nrows)
		return NULL;
	return &t->fields[row * t->ncolumns + (size_t)column];
}

static int by_name(const void *a, const void *b)
{
	return strcmp((const char *)a, (const char *)b);
}

int tsv_list(const char *dir, char (*names)[512], int max)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL && n < max) {
		size_t len = strlen(e->d_name);

		if (len > 4 && strcmp(e->d_name + len - 4, ".tsv") == 0)
			snprintf(names[n++], 512, "%s/%s", dir, e->d_name);
	}
	closedir(d);
	qsort(names, (size_t)n, sizeof names[0], by_name);
	return n;
}
