/* replies.c -- two replies side by side: their basic codes compared with each other and their
 * enhanced codes with each other, where they differ, the note of the pair, and what each
 * provider means by its reply. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* Both replies parsed, their providers matched and their differing codes compared. */
struct two {
	struct smtpcode_reply a, b;
	struct smtpcode_provider_match ma, mb;
	struct smtpcode_comparison basic, enhanced; /* count 0 where those codes agree */
	char code_a[32], code_b[32]; /* "550 5.7.1" */
	int same_text; /* the two texts are the same bytes */
};

static int read_two(const char *ta, size_t la, const char *tb, size_t lb,
		    const struct smtpcode_hints *hints, struct two *t)
{
	char x[16], y[16];
	int rc;

	if (ta == NULL || tb == NULL)
		return SMTPCODE_ENULL;
	memset(t, 0, sizeof *t);
	t->a.size = t->b.size = sizeof t->a;
	t->ma.size = t->mb.size = sizeof t->ma;
	t->basic.size = t->enhanced.size = sizeof t->basic;
	if (smtpcode_parse_reply(ta, la, &t->a) != SMTPCODE_OK ||
	    smtpcode_parse_reply(tb, lb, &t->b) != SMTPCODE_OK)
		return SMTPCODE_ENOTFOUND;
	rc = smtpcode_match_provider(ta, la, &t->a, hints, &t->ma);
	if (rc == SMTPCODE_ESYNTAX || rc == SMTPCODE_ESIZE)
		return rc;
	smtpcode_match_provider(tb, lb, &t->b, hints, &t->mb);
	if (t->a.basic >= 0 && t->b.basic >= 0 && t->a.basic != t->b.basic) {
		snprintf(x, sizeof x, "%d", t->a.basic);
		snprintf(y, sizeof y, "%d", t->b.basic);
		if (smtpcode_compare(x, y, &t->basic) != SMTPCODE_OK)
			t->basic.count = 0;
	}
	if (t->a.enhanced[0] != '\0' && t->b.enhanced[0] != '\0' &&
	    strcmp(t->a.enhanced, t->b.enhanced) != 0 &&
	    smtpcode_compare(t->a.enhanced, t->b.enhanced, &t->enhanced) != SMTPCODE_OK)
		t->enhanced.count = 0;
	smtpcode_reply_codes(&t->a, t->code_a, sizeof t->code_a);
	smtpcode_reply_codes(&t->b, t->code_b, sizeof t->code_b);
	t->same_text = la == lb && memcmp(ta, tb, la) == 0;
	return SMTPCODE_OK;
}

/* The sentence of what a provider means by one of the replies. */
static void provider_sentence(struct sink *s, const char *code,
			      const struct smtpcode_provider_match *m)
{
	INTERNAL(putf)(s, "%s here is %s's \"", code, m->provider->name);
	INTERNAL(put)(s, m->entry->title);
	INTERNAL(put)(s, "\": ");
	INTERNAL(put)(s, m->entry->summary);
}

/* Difference i of two replies: the basic codes' differences, the enhanced codes' (after the
 * basic codes', only what they add), what each provider means; when the codes agree, a
 * sentence that says so first. */
static int difference(struct sink *s, const struct two *t, size_t i)
{
	size_t k;
	int none = t->basic.count == 0 && t->enhanced.count == 0;

	if (none && i-- == 0) {
		if (strcmp(t->code_a, t->code_b) != 0)
			/* codes that differ but could not be compared: one side lacks a code, or
			 * it has no entry */
			INTERNAL(putf)(s, "The replies carry %s and %s: ", t->code_a, t->code_b);
		else if (t->same_text)
			INTERNAL(putf)(s, "The two replies are the same, %s with the same text.",
				       t->code_a);
		else
			INTERNAL(putf)(s, "Both replies carry the same codes, %s: ", t->code_a);
		if (strcmp(t->code_a, t->code_b) != 0)
			INTERNAL(put)(s, t->a.basic != t->b.basic
					      ? "one of the reply codes is known to no RFC, so only "
						"its first digit says what it means."
					      : "the same reply code, with an enhanced code on only one "
						"of them, which says more precisely what happened.");
		else if (!t->same_text)
			INTERNAL(put)(s, t->ma.entry != NULL || t->mb.entry != NULL
					      ? "what separates them is what the provider means by "
						"each text."
					      : "only their texts differ, so read those for what "
						"separates them.");
		return SMTPCODE_OK;
	}
	if (i < t->basic.count)
		return INTERNAL(difference)(s, &t->basic, i);
	i -= t->basic.count;
	for (k = 0; k < t->enhanced.count; k++) {
		const struct smtpcode_difference *d = &t->enhanced.differences[k];

		/* after the basic codes' differences, only what the enhanced codes add: what each
		 * means, and who acts where that differs (retry goes by the reply code) */
		if (t->basic.count > 0 && (d->same || (d->aspect != SMTPCODE_ASPECT_MEANING &&
							d->aspect != SMTPCODE_ASPECT_WHO_ACTS)))
			continue;
		if (i-- == 0)
			return INTERNAL(difference)(s, &t->enhanced, k);
	}
	if (t->ma.entry != NULL && i-- == 0) {
		provider_sentence(s, t->code_a, &t->ma);
		return SMTPCODE_OK;
	}
	if (t->mb.entry != NULL && t->mb.entry != t->ma.entry && i == 0) {
		provider_sentence(s, t->code_b, &t->mb);
		return SMTPCODE_OK;
	}
	return SMTPCODE_ENOTFOUND;
}

int smtpcode_reply_difference(const char *text_a, size_t length_a, const char *text_b,
			      size_t length_b, const struct smtpcode_hints *hints, size_t i,
			      char *buf, size_t size)
{
	struct two t;
	struct sink s;
	int rc;

	if (buf == NULL && size > 0)
		return SMTPCODE_ENULL;
	if ((rc = read_two(text_a, length_a, text_b, length_b, hints, &t)) != SMTPCODE_OK)
		return rc;
	INTERNAL(sink_init)(&s, buf, size);
	rc = difference(&s, &t, i);
	return rc != SMTPCODE_OK ? rc : INTERNAL(sink_result)(&s);
}

const struct smtpcode_pair_note *smtpcode_reply_pair_note(const char *text_a, size_t length_a,
							  const char *text_b, size_t length_b)
{
	struct two t;

	if (read_two(text_a, length_a, text_b, length_b, NULL, &t) != SMTPCODE_OK)
		return NULL;
	return t.basic.note != NULL ? t.basic.note : t.enhanced.note;
}

int INTERNAL(json_differences)(struct sink *s, const char *text_a, size_t length_a,
			       const char *text_b, size_t length_b,
			       const struct smtpcode_hints *hints, int indent)
{
	struct two t;
	struct sink probe;
	size_t i, n;
	int rc = read_two(text_a, length_a, text_b, length_b, hints, &t);

	if (rc != SMTPCODE_OK)
		return rc;
	for (n = 0;; n++) {
		INTERNAL(sink_init)(&probe, NULL, 0);
		if (difference(&probe, &t, n) != SMTPCODE_OK)
			break;
	}
	INTERNAL(put)(s, "[");
	for (i = 0; i < n; i++) {
		INTERNAL(putf)(s, "%s\n%*s\"", i ? "," : "", indent + 2, "");
		s->json = 1;
		difference(s, &t, i);
		s->json = 0;
		INTERNAL(put)(s, "\"");
	}
	INTERNAL(putf)(s, "\n%*s]", indent, "");
	return SMTPCODE_OK;
}
