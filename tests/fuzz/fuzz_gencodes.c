/* fuzz_gencodes.c -- libFuzzer target: the data generator, as a command, on any file. The
 * input is written to a data file and the generator run on it (reading, checking and the
 * outputs' atomic writes): a file it accepts must give every output, one it rejects must give
 * a message and leave no output, not even a temporary one. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gencodes.h" /* built with -DGENCODES_FUZZ: no main */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64], input[96], messages[96];

static int exists(const char *name, const char *suffix)
{
	char path[160];
	struct stat st;

	snprintf(path, sizeof path, "%s/%s%s", dir, name, suffix);
	return stat(path, &st) == 0;
}

static long file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static void remove_outputs(void)
{
	static const char *const names[] = { "codes.gperf", "codes-table.inc", "pairs-table.inc" };
	char path[160];
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		remove(path);
		if (exists(names[i], ".tmp"))
			abort(); /* a temporary file left behind */
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[] = { (char *)"gencodes", (char *)"-o", dir, input, NULL };
	FILE *fp;
	int status;

	if (dir[0] == '\0') {
		snprintf(dir, sizeof dir, "/tmp/fuzz-gencodes-%ld", (long)getpid());
		snprintf(input, sizeof input, "%s/fuzz.codes", dir);
		snprintf(messages, sizeof messages, "%s/messages", dir);
		if (mkdir(dir, 0700) != 0)
			abort();
	}
	if ((fp = fopen(input, "wb")) == NULL || fwrite(data, 1, size, fp) != size ||
	    fclose(fp) != 0)
		abort();
	if ((diag_fp = fopen(messages, "w")) == NULL)
		abort();
	status = gencodes_main(4, argv);
	fclose(diag_fp);
	diag_fp = NULL;
	if (status == 0 && (!exists("codes.gperf", "") || !exists("codes-table.inc", "") ||
			    !exists("pairs-table.inc", "")))
		abort(); /* accepted, but an output is missing */
	if (status == 1 && (exists("codes.gperf", "") || exists("codes-table.inc", "")))
		abort(); /* rejected, but written */
	if (status == 1 && file_size(messages) <= 0 && size > 0)
		abort(); /* rejected without a word (messages past the 50th are counted only) */
	if (status != 0 && status != 1)
		abort();
	remove_outputs();
	return 0;
}
