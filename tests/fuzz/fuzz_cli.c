/* fuzz_cli.c -- libFuzzer target: the smtpcode command with any arguments and any standard
 * input, its output checked. The input: one byte choosing COLUMNS (40 to 120), two bytes
 * (big-endian) giving the length of standard input, those bytes, then the argument list, the
 * arguments separated by NUL bytes. Standard output and standard error are kept in memory:
 * both must be text a terminal can show (oracle_text); JSON must parse, each line of --each
 * too; wrapped text must fit COLUMNS. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "oracle.h"

#define MAX_ARGS 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum shape { SHAPE_TEXT, SHAPE_WRAPPED, SHAPE_JSON, SHAPE_NDJSON };

/* What the output must be, from the arguments as the command reads them (options.c): the
 * last format wins, "--" ends the options, the hints and filters take the next word. */
static enum shape shape_of(char **argv, int argc, unsigned *flags)
{
	static const char *const valued[] = {
		"--provider", "--host", "--rcpt", "--since", "--until", "--class", "--code",
		"--domain", "--jobs"
	};
	int i, json = 0, other = 0, scan = 0, each = 0, brief = 0, info = 0;
	size_t k;

	*flags = 0;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "--") == 0)
			break;
		for (k = 0; k < sizeof valued / sizeof valued[0]; k++)
			if (strcmp(a, valued[k]) == 0)
				break;
		if (k < sizeof valued / sizeof valued[0]) {
			i++;
			continue;
		}
		if (strcmp(a, "--json") == 0 || strcmp(a, "--format=json") == 0)
			json = 1, other = 0;
		else if (strcmp(a, "--format=text") == 0)
			json = other = 0;
		else if (strncmp(a, "--format=", 9) == 0)
			json = 0, other = 1;
		else if (strcmp(a, "--scan") == 0)
			scan = 1;
		else if (strcmp(a, "--each") == 0)
			each = 1;
		else if (strcmp(a, "-q") == 0 || strcmp(a, "--brief") == 0)
			brief = 1;
		else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0 ||
			 strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0)
			info = 1;
		else if (strcmp(a, "--color=always") == 0)
			*flags |= ORACLE_SGR;
	}
	if (info)
		return SHAPE_TEXT;
	if (scan && each)
		return SHAPE_NDJSON;
	if (json)
		return SHAPE_JSON;
	/* Wrapped: cards, comparisons, explained replies and the scan report. Not wrapped: markdown
	 * and HTML (a browser wraps them), and -q, one line per code by its contract. */
	return other || brief ? SHAPE_TEXT : SHAPE_WRAPPED;
}

/* Standard input for this run: the bytes, through a file (a stream the command reads as it
 * reads a pipe). */
static void set_stdin(const uint8_t *data, size_t n)
{
	static char path[64];
	FILE *fp;

	if (path[0] == '\0')
		snprintf(path, sizeof path, "/tmp/fuzz-cli-stdin-%ld", (long)getpid());
	if ((fp = fopen(path, "wb")) == NULL || fwrite(data, 1, n, fp) != n || fclose(fp) != 0 ||
	    freopen(path, "rb", stdin) == NULL)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[MAX_ARGS + 2], *owned[MAX_ARGS], *out_buf = NULL, *err_buf = NULL;
	char columns[8];
	size_t out_len = 0, err_len = 0, pos, in_len, nargs;
	int argc, status, width;
	unsigned flags;
	enum shape shape;
	FILE *out, *err;

	if (size < 3)
		return 0;
	width = 40 + data[0] % 81;
	in_len = (size_t)data[1] << 8 | data[2];
	if (in_len > size - 3)
		in_len = size - 3;
	set_stdin(data + 3, in_len);
	snprintf(columns, sizeof columns, "%d", width);
	setenv("COLUMNS", columns, 1);
	pos = 3 + in_len;
	argv[0] = (char *)"smtpcode";
	nargs = oracle_split(data + pos, size - pos, argv + 1, NULL, MAX_ARGS);
	argc = 1 + (int)nargs;
	memcpy(owned, argv + 1, nargs * sizeof owned[0]); /* the command reorders argv */
	argv[argc] = NULL;
	shape = shape_of(argv, argc, &flags); /* before the command reorders argv */
	if ((out = open_memstream(&out_buf, &out_len)) == NULL ||
	    (err = open_memstream(&err_buf, &err_len)) == NULL)
		abort();
	status = smtpcode_cli(argc, argv, out, err);
	if (status < 0 || status > SMTPCODE_EXIT_IO || fclose(out) != 0 || fclose(err) != 0)
		abort();
	oracle_text("standard error", err_buf, err_len, 0);
	if (shape == SHAPE_JSON && status <= SMTPCODE_EXIT_UNKNOWN && out_len > 0)
		oracle_json("JSON output", out_buf, out_len);
	else if (shape == SHAPE_NDJSON && status != SMTPCODE_EXIT_USAGE)
		oracle_ndjson("--each output", out_buf, out_len);
	else
		oracle_text("output", out_buf, out_len, flags);
	if (shape == SHAPE_WRAPPED)
		oracle_width("text output", out_buf, out_len, (size_t)width, flags);
	free(out_buf);
	free(err_buf);
	oracle_free(owned, nargs);
	return 0;
}
