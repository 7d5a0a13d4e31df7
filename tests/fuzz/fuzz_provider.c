/* fuzz_provider.c -- libFuzzer target: smtpcode_match_provider with hints, on any reply. The
 * input: one byte choosing the provider hint (an id of the data, one that is no id, or none),
 * then the reply text, the remote host and the recipient domain, separated by NUL bytes. The
 * match must agree with itself and with the hints; what a person or a program reads of it
 * is checked by the oracles. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "smtpcode.h"
#include "oracle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The provider hint the byte chooses: every id, one that is none, or no hint. */
static const char *provider_hint(uint8_t byte)
{
	size_t n = smtpcode_provider_count(), i = byte % (n + 2);

	return i < n ? smtpcode_provider_at(i)->id : i == n ? "no-such-provider" : NULL;
}

/* A snprintf-style writer's output into a buffer of its length, checked as text. */
static void check_line(const struct smtpcode_provider_match *m)
{
	char small[5], *buf, *shown;
	int n = smtpcode_provider_text(m, NULL, 0), k;

	if (n < 0 || smtpcode_provider_text(m, small, sizeof small) != n ||
	    strlen(small) != ((size_t)n < sizeof small ? (size_t)n : sizeof small - 1))
		abort();
	if ((buf = malloc((size_t)n + 1)) == NULL || smtpcode_provider_text(m, buf, (size_t)n + 1) != n)
		abort();
	/* the matched string is the server's: the line is shown through the sanitiser */
	k = smtpcode_sanitize(buf, (size_t)n, NULL, 0);
	if (k < n || (shown = malloc((size_t)k + 1)) == NULL ||
	    smtpcode_sanitize(buf, (size_t)n, shown, (size_t)k + 1) != k)
		abort();
	oracle_text("smtpcode_provider_text, sanitised", shown, (size_t)k, 0);
	free(shown);
	free(buf);
}

static void check_json(const char *text, size_t length, const struct smtpcode_hints *hints)
{
	int n = smtpcode_json_explain_hints(text, length, hints, 2, NULL, 0);
	char *buf;

	if (n < 0)
		return;
	if ((buf = malloc((size_t)n + 1)) == NULL ||
	    smtpcode_json_explain_hints(text, length, hints, 2, buf, (size_t)n + 1) != n)
		abort();
	oracle_json("smtpcode_json_explain_hints", buf, (size_t)n);
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct smtpcode_hints hints = { .size = sizeof hints };
	struct smtpcode_reply r = { .size = sizeof r };
	struct smtpcode_provider_match m = { .size = sizeof m };
	char *piece[3] = { NULL, NULL, NULL }, *text;
	size_t len[3] = { 0, 0, 0 }, n;
	int rc;

	if (size == 0)
		return 0;
	n = oracle_split(data + 1, size - 1, piece, len, 3);
	hints.provider = provider_hint(data[0]);
	hints.remote_host = n > 1 && len[1] > 0 ? piece[1] : NULL;
	hints.recipient_domain = n > 2 && len[2] > 0 ? piece[2] : NULL;
	if ((text = malloc(len[0] ? len[0] : 1)) == NULL) /* exact size, no NUL */
		abort();
	if (n > 0)
		memcpy(text, piece[0], len[0]);
	(void)smtpcode_parse_reply(text, len[0], &r);
	rc = smtpcode_match_provider(text, len[0], &r, &hints, &m);
	if (hints.provider != NULL && smtpcode_provider_find(hints.provider) == NULL) {
		if (rc != SMTPCODE_ESYNTAX)
			abort(); /* a hint that names no provider is an error */
	} else {
		if (rc != SMTPCODE_OK && rc != SMTPCODE_ENOTFOUND)
			abort();
		if ((rc == SMTPCODE_OK) != (m.entry != NULL))
			abort();
		if (m.entry != NULL && (m.provider == NULL || m.entry->provider != m.provider))
			abort(); /* an entry of another provider than the one matched */
		if (hints.provider != NULL && m.provider != smtpcode_provider_find(hints.provider))
			abort(); /* the caller's id overrides what the text says */
		if (memchr(m.matched, '\0', sizeof m.matched) == NULL ||
		    memchr(m.marker, '\0', sizeof m.marker) == NULL)
			abort();
		if (m.provider != NULL && (smtpcode_evidence_name(m.evidence) == NULL ||
					   smtpcode_confidence_name(m.confidence) == NULL))
			abort();
		if (m.entry != NULL && smtpcode_match_name(m.match) == NULL)
			abort();
		check_line(&m);
	}
	check_json(text, len[0], &hints);
	free(text);
	oracle_free(piece, n);
	return 0;
}
