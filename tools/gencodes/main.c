/* main.c -- gencodes: validate the data in codes/ and emit what the library is built from.
 *
 * usage: gencodes -o DIR FILE...     validate, then write DIR/codes.gperf (gperf's keywords),
 *                                    DIR/codes-table.inc (the entries), DIR/pairs-table.inc
 *                                    DIR/forms-table.inc (the reply reader's forms),
 *                                    DIR/providers-table.inc and DIR/markers.gperf
 *        gencodes --check FILE...    only validate
 *
 * Every problem is reported as "FILE:LINE: what is wrong" on stderr and the exit status is 1;
 * nothing is written then. Every output is written to "OUT.tmp" first, and only when all of
 * them were written are they renamed, so a failed run leaves the old outputs as they were,
 * never a new one beside an old one.
 */
#include <errno.h>
#include <string.h>

#include "gencodes.h"

struct output {
	const char *name;
	void (*emit)(FILE *fp);
};

static const struct output outputs[] = {
	{ "codes.gperf", write_gperf },
	{ "codes-table.inc", write_table },
	{ "pairs-table.inc", write_pairs },
	{ "forms-table.inc", write_forms },
	{ "providers-table.inc", write_providers },
	{ "markers.gperf", write_markers },
};

#define NOUTPUTS (sizeof outputs / sizeof outputs[0])

static void parse_file(const char *file)
{
	FILE *fp = fopen(file, "rb");
	char *buf;
	size_t size;

	if (fp == NULL) {
		fprintf(diag(), "%s: cannot open: %s\n", file, strerror(errno));
		nerrors++;
		return;
	}
	buf = xrealloc(NULL, MAX_FILE + 1);
	size = fread(buf, 1, MAX_FILE + 1, fp);
	if (ferror(fp)) {
		fprintf(diag(), "%s: cannot read: %s\n", file, strerror(errno));
		nerrors++;
	} else if (size > MAX_FILE) {
		error_at(file, 1, "file is larger than %d bytes", MAX_FILE);
	} else {
		parse_buffer(file, buf, size);
	}
	fclose(fp);
	free(buf);
}

static char *path_in(const char *dir, const char *name, const char *suffix)
{
	size_t n = strlen(dir) + strlen(name) + strlen(suffix) + 2;
	char *p = xrealloc(NULL, n);

	snprintf(p, n, "%s/%s%s", dir, name, suffix);
	return p;
}

/* Writes every output to its .tmp file, then renames them all; on any failure removes the
 * .tmp files and leaves the outputs untouched. Returns 0 on success. */
static int write_outputs(const char *dir)
{
	size_t i, written = 0;
	int status = 0;

	for (i = 0; i < NOUTPUTS && status == 0; i++) {
		char *tmp = path_in(dir, outputs[i].name, ".tmp");
		FILE *fp = fopen(tmp, "w");

		if (fp == NULL) {
			status = -1;
		} else {
			outputs[i].emit(fp);
			if (ferror(fp) | fclose(fp))
				status = -1;
			written++;
		}
		if (status != 0)
			fprintf(diag(), "gencodes: cannot write %s: %s\n", tmp, strerror(errno));
		free(tmp);
	}
	for (i = 0; i < written; i++) {
		char *tmp = path_in(dir, outputs[i].name, ".tmp");
		char *out = path_in(dir, outputs[i].name, "");

		if (status != 0) {
			remove(tmp);
		} else if (rename(tmp, out) != 0) {
			fprintf(diag(), "gencodes: cannot write %s: %s\n", out, strerror(errno));
			status = -1;
			remove(tmp);
		}
		free(tmp);
		free(out);
	}
	return status;
}

/* Forgets everything read, so that another set of files can be read in the same process. */
static void reset(void)
{
	free_entries();
	free_pairs();
	free_providers();
	free_forms();
	nerrors = 0;
}

int gencodes_main(int argc, char **argv)
{
	int check_only = argc > 1 && strcmp(argv[1], "--check") == 0;
	int first = check_only ? 2 : 3;
	int i, status = 0;

	if (argc <= first || (!check_only && strcmp(argv[1], "-o") != 0)) {
		fprintf(diag(), "usage: gencodes -o DIR FILE...\n"
				"       gencodes --check FILE...\n");
		return 2;
	}
	for (i = first; i < argc; i++)
		parse_file(argv[i]);
	check_entries();
	check_pairs();
	check_providers();
	check_forms();
	if (entry_total() == 0 && nerrors == 0) {
		fprintf(diag(), "gencodes: no entries in the data files\n");
		status = 1;
	} else if (nerrors > 0) {
		if (nerrors > MAX_ERRORS)
			fprintf(diag(), "gencodes: %d more errors not shown\n", nerrors - MAX_ERRORS);
		status = 1;
	} else if (!check_only && write_outputs(argv[2]) != 0) {
		status = 1;
	}
	reset();
	return status;
}

#ifndef GENCODES_FUZZ
int main(int argc, char **argv)
{
	return gencodes_main(argc, argv);
}
#endif
