/* fuzz_compare.c -- libFuzzer target: two codes and two replies side by side
 * (smtpcode_compare, smtpcode_json_compare, smtpcode_reply_difference,
 * smtpcode_json_compare_replies, smtpcode_reply_pair_note). The input: one byte choosing the
 * JSON indent and a provider hint, then two texts, the remote host and the recipient domain,
 * separated by NUL bytes. Every sentence is text a person can be shown; the JSON parses. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "smtpcode.h"
#include "oracle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A copy of n bytes in a block of exactly n (no NUL): the replies are read by length. */
static char *exact(const char *s, size_t n)
{
	char *p = malloc(n ? n : 1);

	if (p == NULL)
		abort();
	memcpy(p, s, n);
	return p;
}

static void check_codes(const char *a, const char *b, int indent)
{
	struct smtpcode_comparison c = { .size = sizeof c };
	int rc = smtpcode_compare(a, b, &c), n = smtpcode_json_compare(a, b, indent, NULL, 0);
	char *buf;

	if ((rc == SMTPCODE_OK) != (n >= 0))
		abort(); /* the JSON fails exactly where the comparison does */
	if (n < 0)
		return;
	if ((buf = malloc((size_t)n + 1)) == NULL ||
	    smtpcode_json_compare(a, b, indent, buf, (size_t)n + 1) != n)
		abort();
	oracle_json("smtpcode_json_compare", buf, (size_t)n);
	free(buf);
}

/* Every difference of two replies, each a sentence of text; ENOTFOUND after the last. */
static void check_replies(const char *a, size_t la, const char *b, size_t lb,
			  const struct smtpcode_hints *hints, int indent)
{
	const struct smtpcode_pair_note *note = smtpcode_reply_pair_note(a, la, b, lb);
	char buf[2048];
	size_t i;
	int n;

	if (note != NULL && (note->separates == NULL || note->how_to_tell == NULL ||
			     note->what_to_do == NULL))
		abort();
	for (i = 0; (n = smtpcode_reply_difference(a, la, b, lb, hints, i, buf, sizeof buf)) >= 0;
	     i++) {
		if (i > 4 * SMTPCODE_DIFF_MAX || n == 0 || (size_t)n >= sizeof buf ||
		    strlen(buf) != (size_t)n)
			abort();
		oracle_text("smtpcode_reply_difference", buf, (size_t)n, 0);
	}
	if (n != SMTPCODE_ENOTFOUND && n != SMTPCODE_ESYNTAX)
		abort();
	n = smtpcode_json_compare_replies(a, la, b, lb, hints, indent, NULL, 0);
	if (n >= 0) {
		char *json = malloc((size_t)n + 1);

		if (json == NULL ||
		    smtpcode_json_compare_replies(a, la, b, lb, hints, indent, json, (size_t)n + 1) != n)
			abort();
		oracle_json("smtpcode_json_compare_replies", json, (size_t)n);
		free(json);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct smtpcode_hints hints = { .size = sizeof hints };
	char *piece[4] = { NULL, NULL, NULL, NULL }, *a, *b;
	size_t len[4] = { 0, 0, 0, 0 }, n, np;
	int indent;

	if (size == 0)
		return 0;
	indent = data[0] % 4 * 2;
	np = smtpcode_provider_count();
	hints.provider = data[0] / 4 % 4 == 0 ? smtpcode_provider_at(data[0] / 16 % np)->id : NULL;
	n = oracle_split(data + 1, size - 1, piece, len, 4);
	hints.remote_host = n > 2 && len[2] > 0 ? piece[2] : NULL;
	hints.recipient_domain = n > 3 && len[3] > 0 ? piece[3] : NULL;
	a = exact(n > 0 ? piece[0] : "", len[0]);
	b = exact(n > 1 ? piece[1] : "", len[1]);
	check_codes(n > 0 ? piece[0] : "", n > 1 ? piece[1] : "", indent);
	check_replies(a, len[0], b, len[1], &hints, indent);
	free(a);
	free(b);
	oracle_free(piece, n);
	return 0;
}
