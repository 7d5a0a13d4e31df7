/* fuzz_reply.c -- libFuzzer target: smtpcode_parse_reply and smtpcode_explain_reply on any
 * bytes, into output buffers of small and odd sizes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "smtpcode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const size_t buffer_sizes[] = { 0, 1, 2, 3, 5, 8, 13, 31, 64, 100, 255, 1024 };

/* What the parser found must point into the text and be well-formed. */
static void check_parse(const char *text, size_t size)
{
	struct smtpcode_reply r = { .size = sizeof r };
	int rc = smtpcode_parse_reply(text, size, &r);

	if (rc != SMTPCODE_OK && rc != SMTPCODE_ENOTFOUND)
		abort();
	if ((rc == SMTPCODE_ENOTFOUND) != ((r.warnings & SMTPCODE_WARN_NO_CODE) != 0))
		abort();
	if (r.text_offset > size || r.text_length > size - r.text_offset)
		abort();
	if (memchr(r.enhanced, '\0', sizeof r.enhanced) == NULL)
		abort();
	if (r.enhanced[0] != '\0' && smtpcode_parse_code(r.enhanced, NULL) != SMTPCODE_OK)
		abort();
	if (r.basic != -1 && (r.basic < 200 || r.basic > 599))
		abort();
	if (smtpcode_stage_name(r.stage) == NULL)
		abort();
#define WARNING_(name, token, value) r.warnings &= ~(unsigned)SMTPCODE_WARN_##name;
	SMTPCODE_WARNING_LIST(WARNING_, WARNING_)
#undef WARNING_
	if (r.warnings != 0)
		abort(); /* a bit that is no warning */
	if (smtpcode_parse_reply(NULL, size, &r) != SMTPCODE_ENULL ||
	    smtpcode_parse_reply(text, size, NULL) != SMTPCODE_ENULL)
		abort();
}

/* The explanation, into a buffer of exactly size bytes (none for 0), behaves like snprintf. */
static void check_explain(const char *text, size_t length, size_t size, int full)
{
	char *buf = size ? malloc(size) : NULL;
	int n;

	if (size && buf == NULL)
		abort();
	n = smtpcode_explain_reply(text, length, buf, size);
	if (n >= 0 && size > 0) {
		size_t want = (size_t)n < size ? (size_t)n : size - 1;

		if (strlen(buf) != want)
			abort();
	}
	if (full >= 0 && n != full)
		abort(); /* the length does not depend on the buffer */
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* exact size and not NUL-terminated: the parser must respect length */
	char *text = malloc(size ? size : 1);
	size_t i;
	int full;

	if (text == NULL)
		abort();
	memcpy(text, data, size);
	check_parse(text, size);
	full = smtpcode_explain_reply(text, size, NULL, 0);
	for (i = 0; i < sizeof buffer_sizes / sizeof buffer_sizes[0]; i++)
		check_explain(text, size, buffer_sizes[i], full);
	free(text);
	return 0;
}
