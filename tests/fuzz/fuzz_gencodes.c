/* fuzz_gencodes.c -- libFuzzer target: the data generator, as a command (gencodes_main), on
 * any file, writing real files into a temporary directory. The input is written to a data
 * file and the generator run on it (reading, checking and the outputs' atomic writes). The
 * last byte of the input may also make one output's write fail (its .tmp path is then a
 * directory). A file it accepts must give every output; a run that fails must leave the
 * outputs of the run before as they were and no temporary file; every message is one line
 * "FILE:LINE: what is wrong" (or "gencodes: ...") of printable ASCII. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gencodes.h" /* built with -DGENCODES_FUZZ: no main */
#include "oracle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const names[] = {
	"codes.gperf", "codes-table.inc", "pairs-table.inc", "forms-table.inc",
	"providers-table.inc", "markers.gperf"
};
#define NNAMES (sizeof names / sizeof names[0])

static char dir[64], input[96], messages[96];
static long sizes[NNAMES]; /* of the outputs there, -1 for none */

static char *path_of(char *buf, size_t size, const char *name, const char *suffix)
{
	snprintf(buf, size, "%s/%s%s", dir, name, suffix);
	return buf;
}

static long file_size(const char *name, const char *suffix)
{
	char path[160];
	struct stat st;

	return stat(path_of(path, sizeof path, name, suffix), &st) == 0 ? (long)st.st_size : -1;
}

/* The messages: lines of printable ASCII, each naming the data file and a line, or the
 * generator. */
static void check_messages(int status, size_t size)
{
	FILE *fp = fopen(messages, "r");
	char *line = NULL;
	size_t prefix = strlen(input), count = 0, cap = 0;
	ssize_t got;

	if (fp == NULL)
		abort();
	while ((got = getline(&line, &cap, fp)) > 0) {
		size_t n = (size_t)got, i;

		count++;
		if (line[n - 1] != '\n' || memchr(line, '\0', n) != NULL)
			oracle_fail("a generator message", "no newline, or a NUL byte", line, n);
		for (i = 0; i + 1 < n; i++)
			if (line[i] < 0x20 || line[i] > 0x7e)
				oracle_fail("a generator message", "not printable ASCII", line, n);
		if (strncmp(line, "gencodes: ", 10) == 0)
			continue;
		i = prefix + 1;
		if (strncmp(line, input, prefix) != 0 || line[prefix] != ':' || line[i] < '1' ||
		    line[i] > '9')
			oracle_fail("a generator message", "not FILE:LINE: what is wrong", line, n);
		while (line[i] >= '0' && line[i] <= '9')
			i++;
		if (line[i] != ':' || line[i + 1] != ' ')
			oracle_fail("a generator message", "not FILE:LINE: what is wrong", line, n);
	}
	free(line);
	fclose(fp);
	if (status == 1 && count == 0 && size > 0)
		abort(); /* rejected without a word */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[] = { (char *)"gencodes", (char *)"-o", dir, input, NULL };
	char path[160];
	size_t fail_at = size > 0 ? data[size - 1] % 32 : NNAMES, i; /* mostly no failure */
	FILE *fp;
	int status;

	if (dir[0] == '\0') {
		snprintf(dir, sizeof dir, "/tmp/fuzz-gencodes-%ld", (long)getpid());
		snprintf(input, sizeof input, "%s/fuzz.codes", dir);
		snprintf(messages, sizeof messages, "%s/messages", dir);
		if (mkdir(dir, 0700) != 0)
			abort();
		for (i = 0; i < NNAMES; i++)
			sizes[i] = -1;
	}
	if ((fp = fopen(input, "wb")) == NULL || fwrite(data, 1, size, fp) != size ||
	    fclose(fp) != 0)
		abort();
	if (fail_at < NNAMES && mkdir(path_of(path, sizeof path, names[fail_at], ".tmp"), 0700) != 0)
		abort();
	if ((diag_fp = fopen(messages, "w")) == NULL)
		abort();
	status = gencodes_main(4, argv);
	fclose(diag_fp);
	diag_fp = NULL;
	if (fail_at < NNAMES && rmdir(path) != 0)
		abort();
	if (status != 0 && status != 1)
		abort();
	check_messages(status, size);
	for (i = 0; i < NNAMES; i++) {
		long now = file_size(names[i], "");

		if (file_size(names[i], ".tmp") >= 0)
			abort(); /* a temporary file left behind */
		if (status == 0 && now < 0)
			abort(); /* accepted, but an output is missing */
		if (status != 0 && now != sizes[i])
			abort(); /* a failed run changed an output of the run before */
		sizes[i] = now;
	}
	if (status == 0 && fail_at < NNAMES)
		abort(); /* an output could not be written, yet the run succeeded */
	return 0;
}
