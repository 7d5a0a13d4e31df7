/* fuzz_reply.c -- libFuzzer target: smtpcode_parse_reply and smtpcode_explain_reply on any
 * bytes, into output buffers of small and odd sizes; what is shown of the text is checked by
 * the oracles. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "smtpcode.h"
#include "oracle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const size_t buffer_sizes[] = { 0, 1, 2, 3, 5, 8, 13, 31, 64, 100, 255, 1024 };

/* The whole text fits where snprintf would put it, and is never longer than the text. */
static void check_text(const char *text, size_t size, const struct smtpcode_reply *r)
{
	char small[7], *big = malloc(size + 1);
	int n = smtpcode_reply_text(text, size, r, small, sizeof small), m;

	if (big == NULL || n < 0 || (size_t)n > size)
		abort();
	m = smtpcode_reply_text(text, size, r, big, size + 1);
	if (m != n || big[m] != '\0' || memcmp(small, big, (size_t)n < sizeof small ? (size_t)n
										 : sizeof small - 1) != 0)
		abort();
	free(big);
}

/* The walk over every reply ends, moves forward every step, and finds a reply wherever
 * the single call finds one. */
static void check_walk(const char *text, size_t size)
{
	struct smtpcode_reply r = { .size = sizeof r }, one = { .size = sizeof one };
	size_t offset = 0, last = 0, steps = 0;
	int any = 0, rc;

	while ((rc = smtpcode_reply_next(text, size, &offset, &r)) == SMTPCODE_OK) {
		if (offset == 0 || (steps > 0 && offset <= last))
			abort(); /* every step moves on */
		if (r.start > r.end || r.end > size || offset > size)
			abort();
		last = offset;
		any = 1;
		if (++steps > size + 1)
			abort();
	}
	if (rc != SMTPCODE_ENOTFOUND || offset != size)
		abort();
	if (smtpcode_parse_reply(text, size, &one) == SMTPCODE_OK && !any)
		abort();
}

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
	if (r.start > size || r.end > size || (rc == SMTPCODE_OK && r.start > r.end))
		abort();
	if (r.remote_host_offset > size || r.remote_host_length > size - r.remote_host_offset ||
	    r.remote_ip_offset > size || r.remote_ip_length > size - r.remote_ip_offset)
		abort();
	if (memchr(r.status, '\0', sizeof r.status) == NULL ||
	    (r.status[0] != '\0' && smtpcode_parse_code(r.status, NULL) != SMTPCODE_OK))
		abort();
	if (smtpcode_form_name(r.form) == NULL)
		abort();
	check_text(text, size, &r);
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

/* What a person and a program are shown of the text: the sanitised text (valid UTF-8 with
 * nothing hidden raw, idempotent, snprintf-style), the explanation and the JSON. */
static void check_shown(const char *text, size_t size, int full)
{
	int n = smtpcode_sanitize(text, size, NULL, 0), m;
	char *buf, *again;

	if (n < 0 || (buf = malloc((size_t)n + 1)) == NULL ||
	    smtpcode_sanitize(text, size, buf, (size_t)n + 1) != n)
		abort();
	oracle_text("smtpcode_sanitize", buf, (size_t)n, 0);
	if ((again = malloc((size_t)n + 1)) == NULL ||
	    smtpcode_sanitize(buf, (size_t)n, again, (size_t)n + 1) != n || memcmp(buf, again, (size_t)n))
		abort(); /* sanitised text is left as it is */
	free(again);
	free(buf);
	if (full >= 0) {
		if ((buf = malloc((size_t)full + 1)) == NULL ||
		    smtpcode_explain_reply(text, size, buf, (size_t)full + 1) != full)
			abort();
		oracle_text("smtpcode_explain_reply", buf, (size_t)full, 0);
		free(buf);
	}
	m = smtpcode_json_explain(text, size, 0, NULL, 0);
	if (m < 0 || (buf = malloc((size_t)m + 1)) == NULL ||
	    smtpcode_json_explain(text, size, 0, buf, (size_t)m + 1) != m)
		abort();
	oracle_json("smtpcode_json_explain", buf, (size_t)m);
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
	check_walk(text, size);
	full = smtpcode_explain_reply(text, size, NULL, 0);
	for (i = 0; i < sizeof buffer_sizes / sizeof buffer_sizes[0]; i++)
		check_explain(text, size, buffer_sizes[i], full);
	check_shown(text, size, full);
	free(text);
	return 0;
}
