/* fuzz_lookup.c -- libFuzzer target: code parsing, lookup, comparison and list filters on any
 * bytes; the sentences are text (oracle_text), the entry's JSON parses. (The search, much
 * slower per input, has its own target: fuzz_search.c.) */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "smtpcode.h"
#include "oracle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A NUL-terminated copy of n bytes in a block of exactly that size, so that reading past the
 * end is caught by AddressSanitizer. */
static char *copy(const uint8_t *data, size_t n)
{
	char *s = malloc(n + 1);

	if (s == NULL)
		abort();
	memcpy(s, data, n);
	s[n] = '\0';
	return s;
}

/* The lookup and the parser must agree with each other and with the table. */
static void check_code(const char *code)
{
	struct smtpcode_code c;
	int rc = smtpcode_parse_code(code, &c);
	int err = 1;
	const struct smtpcode_entry *e = smtpcode_lookup_err(code, &err);

	if (smtpcode_strerror(rc) == NULL || smtpcode_strerror(err) == NULL)
		abort();
	if (rc != SMTPCODE_OK && (e != NULL || err != rc))
		abort();
	if (e == NULL)
		return;
	if (err != SMTPCODE_OK || smtpcode_lookup(code) != e || smtpcode_lookup(e->code) != e)
		abort();
	if (strlen(code) > SMTPCODE_CODE_MAX || e->kind != c.kind)
		abort();
	if (smtpcode_retry_name(smtpcode_retry_for(e, c.reply_class)) == NULL)
		abort();
}

/* A comparison, and every sentence of it into a small buffer and a sized one. */
static void check_compare(const char *a, const char *b)
{
	struct smtpcode_comparison cmp = { .size = sizeof cmp };
	char small[7], buf[4096];
	size_t i;

	if (smtpcode_compare(a, b, &cmp) != SMTPCODE_OK)
		return;
	if (cmp.count == 0 || cmp.count > SMTPCODE_DIFF_MAX || cmp.size != sizeof cmp)
		abort();
	for (i = 0; i < cmp.count; i++) {
		int n = smtpcode_difference_text(&cmp, i, buf, sizeof buf);

		if (n <= 0 || (size_t)n >= sizeof buf || strlen(buf) != (size_t)n ||
		    smtpcode_difference_text(&cmp, i, small, sizeof small) != n ||
		    strlen(small) != sizeof small - 1)
			abort();
		oracle_text("smtpcode_difference_text", buf, (size_t)n, 0);
	}
	if (smtpcode_difference_text(&cmp, cmp.count, buf, sizeof buf) != SMTPCODE_ENOTFOUND)
		abort();
}

/* The entry object of a code as asked parses, wherever the code resolves. */
static void check_json(const char *code)
{
	int n = smtpcode_json_entry(code, 0, NULL, 0);
	char *buf;

	if (n < 0)
		return;
	if ((buf = malloc((size_t)n + 1)) == NULL || smtpcode_json_entry(code, 0, buf, (size_t)n + 1) != n)
		abort();
	oracle_json("smtpcode_json_entry", buf, (size_t)n);
	free(buf);
}

/* Everything a binding reads by name agrees with the resolution. */
static void check_fields(const char *code)
{
	struct smtpcode_resolution r = { .size = sizeof r };
	int rc = smtpcode_resolve(code, &r);
	const char *title = smtpcode_field(code, "title");

	if ((rc == SMTPCODE_OK) != (title != NULL))
		abort();
	if (rc == SMTPCODE_OK && strcmp(title, smtpcode_resolved_entry(&r)->title) != 0)
		abort();
	if (smtpcode_field_count(code, "references") > 0 &&
	    smtpcode_field_at(code, "references", 0) == NULL)
		abort();
}

/* smtpcode_first_sentence into buffers of exactly 0..15 bytes. */
static void check_sentence(const char *text, size_t size)
{
	char *buf = size ? malloc(size) : NULL;
	size_t n;

	if (size && buf == NULL)
		abort();
	n = smtpcode_first_sentence(text, buf, size);
	if (n > strlen(text) || (size > 0 && strlen(buf) != (n < size ? n : size - 1)))
		abort();
	free(buf);
}

static void check_filters(const char *a, const char *b)
{
	size_t i, n = smtpcode_entry_count();

	for (i = 0; i < n; i++) {
		int m = smtpcode_filter_match(smtpcode_entry_at(i), a);

		if (m != 0 && m != 1 && m != SMTPCODE_ESYNTAX)
			abort();
	}
	(void)smtpcode_filter_match(smtpcode_entry_at(0), b);
	(void)smtpcode_filter_match(NULL, a);
}

/* The input is two strings separated by a NUL: each is looked up, then compared. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, '\0', size);
	size_t la = nul ? (size_t)(nul - data) : size;
	char *a = copy(data, la);
	char *b = nul ? copy(nul + 1, size - la - 1) : copy(data, 0);

	check_code(a);
	check_code(b);
	check_compare(a, b);
	check_fields(a);
	check_json(a);
	check_sentence(a, size % 16);
	check_filters(a, b);
	if (smtpcode_class_name(SMTPCODE_BASIC, (int)la % 8) == NULL && la % 8 >= 2 && la % 8 <= 5)
		abort();
	free(a);
	free(b);
	return 0;
}
