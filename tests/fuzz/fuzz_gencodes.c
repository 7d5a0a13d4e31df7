/* fuzz_gencodes.c -- libFuzzer target: the generator's data-file parser on any bytes. A file
 * it accepts must give a complete table (both outputs written); one it rejects, a message. */
#include <stdint.h>

#include "gencodes.c" /* built with -DGENCODES_FUZZ: no main */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *sink;
	char *buf;
	size_t i;

	if (sink == NULL && (sink = fopen("/dev/null", "w")) == NULL)
		abort();
	diag_fp = sink;
	buf = malloc(size ? size : 1); /* exact size, not NUL-terminated, as read from a file */
	if (buf == NULL)
		abort();
	memcpy(buf, data, size);
	parse_buffer("fuzz.codes", buf, size);
	sort_and_check_table();
	if (nerrors == 0) {
		/* accepted: every field the table prints must be there and valid */
		for (i = 0; i < nentries; i++) {
			const struct entry *e = &entries[i];

			if (e->f[F_CODE].s == NULL || e->f[F_TITLE].s == NULL ||
			    e->f[F_DESCRIPTION].s == NULL || e->f[F_WHEN_SEEN].s == NULL ||
			    e->f[F_HOW_TO_FIX].s == NULL || e->nrefs == 0 || e->status < 0 ||
			    e->actor < 0 || e->retry < 0 || strlen(e->f[F_TITLE].s) > MAX_TITLE)
				abort();
			if (i > 0 && strcmp(e->f[F_CODE].s, entries[i - 1].f[F_CODE].s) == 0)
				abort();
		}
		write_gperf(sink);
		write_table(sink);
	}
	free_table();
	free(buf);
	return 0;
}
