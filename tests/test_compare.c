/* test_compare.c -- two codes side by side: the differences as data and as sentences. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "smtpcode.h"

static const struct smtpcode_difference *find_aspect(const struct smtpcode_comparison *c,
						     enum smtpcode_aspect aspect)
{
	size_t i;

	for (i = 0; i < c->count; i++)
		if (c->differences[i].aspect == aspect)
			return &c->differences[i];
	return NULL;
}

/* The sentence of a difference, in a buffer that holds any of them. */
static const char *text(const struct smtpcode_comparison *c, const struct smtpcode_difference *d)
{
	static char buf[2048];
	int n = smtpcode_difference_text(c, (size_t)(d - c->differences), buf, sizeof buf);

	assert_true(n > 0 && (size_t)n < sizeof buf);
	return buf;
}

static void test_compare_class_contrast_comes_first(void **state)
{
	struct smtpcode_comparison c = { .size = sizeof c };
	const char *want;

	(void)state;
	assert_int_equal(smtpcode_compare("235", "535", &c), SMTPCODE_OK);
	assert_ptr_equal(c.a, smtpcode_lookup("235"));
	assert_ptr_equal(c.b, smtpcode_lookup("535"));
	assert_int_equal(c.class_a, 2);
	assert_int_equal(c.class_b, 5);
	assert_true(c.count >= 5);
	assert_int_equal(c.differences[0].aspect, SMTPCODE_ASPECT_CLASS);
	assert_int_equal(c.differences[0].same, 0);
	want = "235 is a 2xx Positive Completion reply (the request succeeded), while 535 is "
	       "a 5xx Permanent Negative Completion reply";
	assert_true(strncmp(text(&c, &c.differences[0]), want, strlen(want)) == 0);
	assert_non_null(find_aspect(&c, SMTPCODE_ASPECT_MEANING));
	assert_non_null(find_aspect(&c, SMTPCODE_ASPECT_STAGE));
	assert_int_equal(find_aspect(&c, SMTPCODE_ASPECT_WHO_ACTS)->same, 0);
	assert_int_equal(find_aspect(&c, SMTPCODE_ASPECT_RETRY)->same, 0);
	assert_null(find_aspect(&c, SMTPCODE_ASPECT_KIND));
	assert_null(find_aspect(&c, SMTPCODE_ASPECT_SAME_CODE));
}

/* Same class: say they share it, and never call the classes different. */
static void test_compare_same_class_says_so(void **state)
{
	struct smtpcode_comparison c = { .size = sizeof c };
	size_t i;

	(void)state;
	assert_int_equal(smtpcode_compare("450", "451", &c), SMTPCODE_OK);
	assert_int_equal(c.differences[0].same, 1);
	assert_string_equal(text(&c, &c.differences[0]),
			    "Both 450 and 451 are 4xx Transient Negative Completion replies (a "
			    "temporary failure, so the same request may succeed later).");
	for (i = 0; i < c.count; i++)
		assert_null(strstr(text(&c, &c.differences[i]), "while"));
}

static void test_compare_identical_codes(void **state)
{
	struct smtpcode_comparison c = { .size = sizeof c };
	const struct smtpcode_difference *d;

	(void)state;
	assert_int_equal(smtpcode_compare("550", "550", &c), SMTPCODE_OK);
	assert_int_equal(c.differences[0].same, 1);
	d = find_aspect(&c, SMTPCODE_ASPECT_SAME_CODE);
	assert_non_null(d);
	assert_non_null(strstr(text(&c, d), "same entry"));
	assert_null(find_aspect(&c, SMTPCODE_ASPECT_MEANING));
	assert_int_equal(find_aspect(&c, SMTPCODE_ASPECT_WHO_ACTS)->same, 1);
	assert_int_equal(find_aspect(&c, SMTPCODE_ASPECT_RETRY)->same, 1);
	/* 4.2.2 and 5.2.2 are one entry met in two classes: the classes differ */
	assert_int_equal(smtpcode_compare("4.2.2", "5.2.2", &c), SMTPCODE_OK);
	assert_ptr_equal(c.a, c.b);
	assert_int_equal(c.differences[0].same, 0);
	assert_int_equal(find_aspect(&c, SMTPCODE_ASPECT_RETRY)->same, 0);
	assert_non_null(strstr(text(&c, find_aspect(&c, SMTPCODE_ASPECT_RETRY)), "later"));
}

static void test_compare_basic_with_enhanced(void **state)
{
	struct smtpcode_comparison c = { .size = sizeof c };
	const struct smtpcode_difference *d;

	(void)state;
	assert_int_equal(smtpcode_compare("550", "5.7.1", &c), SMTPCODE_OK);
	assert_int_equal(c.differences[0].same, 1);
	assert_non_null(find_aspect(&c, SMTPCODE_ASPECT_KIND));
	d = find_aspect(&c, SMTPCODE_ASPECT_PAIRING);
	assert_non_null(d);
	assert_int_equal(d->same, 1);
	assert_non_null(strstr(text(&c, d), "\"550 5.7.1\" is an expected pair"));
	assert_int_equal(smtpcode_compare("5.7.8", "421", &c), SMTPCODE_OK);
	d = find_aspect(&c, SMTPCODE_ASPECT_PAIRING);
	assert_non_null(d);
	assert_int_equal(d->same, 0);
	assert_non_null(strstr(text(&c, d), "535, 554"));
}

static void test_compare_status_difference(void **state)
{
	struct smtpcode_comparison c = { .size = sizeof c };
	const struct smtpcode_difference *d;

	(void)state;
	assert_int_equal(smtpcode_compare("571", "550", &c), SMTPCODE_OK);
	d = find_aspect(&c, SMTPCODE_ASPECT_STATUS);
	assert_non_null(d);
	assert_non_null(strstr(text(&c, d), "571 is non-standard"));
	assert_int_equal(smtpcode_compare("550", "551", &c), SMTPCODE_OK);
	assert_null(find_aspect(&c, SMTPCODE_ASPECT_STATUS));
}

static void test_compare_errors_leave_out_untouched(void **state)
{
	struct smtpcode_comparison c = { .size = sizeof c };

	(void)state;
	memset(&c, 0x5a, sizeof c);
	c.size = sizeof c;
	assert_int_equal(smtpcode_compare("235", "599", &c), SMTPCODE_ENOTFOUND);
	assert_int_equal(smtpcode_compare("abc", "535", &c), SMTPCODE_ESYNTAX);
	assert_int_equal(smtpcode_compare("535", "", &c), SMTPCODE_EEMPTY);
	assert_int_equal(smtpcode_compare(NULL, "535", &c), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_compare("535", "235", NULL), SMTPCODE_ENULL);
	assert_int_equal(((unsigned char *)&c)[sizeof c.size], 0x5a);
	/* a size below the first version's: nothing written */
	c.size = sizeof c.size;
	assert_int_equal(smtpcode_compare("535", "235", &c), SMTPCODE_ESIZE);
	assert_int_equal(((unsigned char *)&c)[sizeof c.size], 0x5a);
	c.size = sizeof c;
	/* an unregistered detail compares through its subject */
	assert_int_equal(smtpcode_compare("550", "5.7.708", &c), SMTPCODE_OK);
	assert_ptr_equal(c.b, smtpcode_lookup("X.7.XXX"));
}

/* Every pair of a sample: sentences end properly and fit their buffers. */
static void test_compare_every_text_is_a_sentence(void **state)
{
	static const char *const codes[] = { "235", "250", "334", "354", "421", "450", "452",
					     "535", "550", "552", "554", "571", "5.7.1", "4.7.1",
					     "X.7.26", "2.0.0", "5.1.1", "5.7.708", "5.7" };
	size_t i, j, k, n = sizeof codes / sizeof codes[0];
	struct smtpcode_comparison c = { .size = sizeof c };

	(void)state;
	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++) {
			assert_int_equal(smtpcode_compare(codes[i], codes[j], &c), SMTPCODE_OK);
			assert_true(c.count >= 3 && c.count <= SMTPCODE_DIFF_MAX);
			for (k = 0; k < c.count; k++) {
				const char *t = text(&c, &c.differences[k]);
				size_t len = strlen(t);

				assert_true(len > 20);
				if (strchr(".)", t[len - 1]) == NULL)
					fail_msg("%s vs %s, item %zu: '%s'", codes[i], codes[j], k, t);
			}
			assert_int_equal(smtpcode_difference_text(&c, c.count, NULL, 0),
					 SMTPCODE_ENOTFOUND);
		}
	}
}

static void test_compare_first_sentence(void **state)
{
	char buf[64];

	(void)state;
	assert_int_equal(smtpcode_first_sentence("One. Two.", buf, sizeof buf), 4);
	assert_string_equal(buf, "One.");
	assert_int_equal(smtpcode_first_sentence("Use e.g. this. Then.", buf, sizeof buf), 14);
	assert_string_equal(buf, "Use e.g. this.");
	assert_int_equal(smtpcode_first_sentence("RFC 5321 section 4.2.1 says so. Yes.", buf,
						 sizeof buf), 31);
	assert_int_equal(smtpcode_first_sentence("No period", buf, sizeof buf), 9);
	assert_int_equal(smtpcode_first_sentence("A long first sentence.", buf, 5), 22);
	assert_string_equal(buf, "A lo");
	assert_int_equal(smtpcode_first_sentence(NULL, buf, sizeof buf), 0);
	assert_string_equal(buf, "");
	assert_int_equal(smtpcode_first_sentence("x.", NULL, 0), 2);
	/* no buffer but a size: the length all the same, nothing written anywhere */
	assert_int_equal(smtpcode_first_sentence("A. B.", NULL, 5), 2);
	/* a quotation is one piece, an ellipsis ends nothing */
	assert_int_equal(smtpcode_first_sentence("Gmail's \"550 5.7.26 Unauthenticated email. "
						 "Blocked.\" ends it. Next.", buf, sizeof buf),
			 61);
	assert_string_equal(buf, "Gmail's \"550 5.7.26 Unauthenticated email. Blocked.\" ends it.");
	assert_int_equal(smtpcode_first_sentence("It says ... and more. Next.", buf, sizeof buf),
			 21);
	assert_string_equal(buf, "It says ... and more.");
	/* an unclosed quotation runs to the end */
	assert_int_equal(smtpcode_first_sentence("A \"b. c", buf, sizeof buf), 7);
}

/* Every pair of codes/pairs.codes has its note, in either order and through smtpcode_compare;
 * a pair with no note has none. */
static void test_compare_pair_notes(void **state)
{
	FILE *fp = fopen("codes/pairs.codes", "r");
	char line[512], a[32], b[32];
	size_t pairs = 0;

	(void)state;
	assert_non_null(fp);
	while (fgets(line, sizeof line, fp) != NULL) {
		const struct smtpcode_pair_note *n, *m;
		struct smtpcode_comparison c = { .size = sizeof c };

		if (sscanf(line, "pair: %31[^,], %31s", a, b) != 2)
			continue;
		pairs++;
		n = smtpcode_pair_note(a, b);
		m = smtpcode_pair_note(b, a);
		if (n == NULL)
			fail_msg("no note for %s, %s", a, b);
		assert_ptr_equal(n, m);
		assert_true(strlen(n->separates) > 20 && strlen(n->how_to_tell) > 20 &&
			    strlen(n->what_to_do) > 20 && n->reference_count > 0);
		assert_int_equal(smtpcode_compare(a, b, &c), SMTPCODE_OK);
		assert_ptr_equal(c.note, n);
	}
	fclose(fp);
	assert_true(pairs >= 60);
	assert_null(smtpcode_pair_note("235", "421"));
	assert_null(smtpcode_pair_note("530", "5351"));
	assert_null(smtpcode_pair_note(NULL, "535"));
	assert_null(smtpcode_pair_note("530", NULL));
	/* a note for an enhanced code in one class does not answer for the other */
	assert_non_null(smtpcode_pair_note("4.7.0", "5.7.0"));
	assert_null(smtpcode_pair_note("4.7.0", "4.7.0"));
}

/* Success and failure of one step, and what two failures refuse. */
static void test_compare_outcome_and_scope(void **state)
{
	struct smtpcode_comparison c = { .size = sizeof c };
	const struct smtpcode_difference *d;

	(void)state;
	assert_int_equal(smtpcode_compare("235", "535", &c), SMTPCODE_OK);
	d = find_aspect(&c, SMTPCODE_ASPECT_OUTCOME);
	assert_non_null(d);
	assert_ptr_equal(d, &c.differences[1]);
	assert_non_null(strstr(text(&c, d), "two outcomes of the same step, AUTH"));
	assert_null(find_aspect(&c, SMTPCODE_ASPECT_SCOPE));

	assert_int_equal(smtpcode_compare("421", "450", &c), SMTPCODE_OK);
	assert_null(find_aspect(&c, SMTPCODE_ASPECT_OUTCOME));
	d = find_aspect(&c, SMTPCODE_ASPECT_SCOPE);
	assert_non_null(d);
	assert_non_null(strstr(text(&c, d), "421 ends the whole session"));
	assert_non_null(strstr(text(&c, d), "450 refuses only the one recipient"));

	/* 250 and 550 answer many commands: not one step */
	assert_int_equal(smtpcode_compare("250", "550", &c), SMTPCODE_OK);
	assert_null(find_aspect(&c, SMTPCODE_ASPECT_OUTCOME));
	/* a basic code and an enhanced code are one reply: no scope contrast */
	assert_int_equal(smtpcode_compare("451", "4.1.3", &c), SMTPCODE_OK);
	assert_null(find_aspect(&c, SMTPCODE_ASPECT_SCOPE));
	/* an intermediate reply is no failure; a failure that answers anything is not the
	 * failure of one step; enhanced codes have no scope of their own */
	assert_int_equal(smtpcode_compare("235", "334", &c), SMTPCODE_OK);
	assert_null(find_aspect(&c, SMTPCODE_ASPECT_OUTCOME));
	assert_int_equal(smtpcode_compare("221", "421", &c), SMTPCODE_OK);
	assert_null(find_aspect(&c, SMTPCODE_ASPECT_OUTCOME));
	assert_int_equal(smtpcode_compare("5.7.1", "5.7.26", &c), SMTPCODE_OK);
	assert_null(find_aspect(&c, SMTPCODE_ASPECT_SCOPE));
	/* a note for one class is no note for an "X." code */
	assert_int_equal(smtpcode_compare("X.7.1", "X.7.1", &c), SMTPCODE_OK);
	assert_null(c.note);
	assert_null(smtpcode_pair_note("X.7.1", "5.7.1"));
	/* classes that disagree are said to, with the registry's list */
	assert_int_equal(smtpcode_compare("550", "4.2.2", &c), SMTPCODE_OK);
	d = find_aspect(&c, SMTPCODE_ASPECT_PAIRING);
	assert_non_null(d);
	assert_non_null(strstr(text(&c, d), "The classes disagree: 550 is a 5xx reply"));
	assert_int_equal(smtpcode_compare("451", "4.1.3", &c), SMTPCODE_OK);
	d = find_aspect(&c, SMTPCODE_ASPECT_PAIRING);
	assert_non_null(strstr(text(&c, d), "its RFC gives the detail no 4xx use"));
}

/* Two replies: the differences of their codes, the note, the providers, and the errors. */
static void test_compare_replies(void **state)
{
	const char *a = "550 5.7.1 Relay access denied", *b = "554 5.7.1 Service unavailable";
	const char *g = "550 5.7.1 The user or domain that you are sending to (or from) has a "
			"policy that prohibited the mail that you sent. - gsmtp";
	struct smtpcode_hints bad = { sizeof bad, "no-such-provider", NULL, NULL };
	static char json[1 << 18];
	char buf[2048];
	size_t i;
	int n;

	(void)state;
	n = smtpcode_reply_difference(a, strlen(a), b, strlen(b), NULL, 0, buf, sizeof buf);
	assert_true(n > 0 && (size_t)n == strlen(buf));
	assert_non_null(strstr(buf, "Both 550 and 554 are 5xx"));
	for (i = 0; smtpcode_reply_difference(a, strlen(a), b, strlen(b), NULL, i, NULL, 0) > 0; i++)
		;
	assert_true(i >= 4);
	assert_int_equal(smtpcode_reply_difference(a, strlen(a), b, strlen(b), NULL, i, buf,
						   sizeof buf),
			 SMTPCODE_ENOTFOUND);
	assert_non_null(smtpcode_reply_pair_note(a, strlen(a), b, strlen(b)));
	assert_ptr_equal(smtpcode_reply_pair_note(a, strlen(a), b, strlen(b)),
			 smtpcode_pair_note("550", "554"));

	/* the same codes: that first, then what the provider means */
	smtpcode_reply_difference(a, strlen(a), g, strlen(g), NULL, 0, buf, sizeof buf);
	assert_non_null(strstr(buf, "same codes, 550 5.7.1"));
	smtpcode_reply_difference(a, strlen(a), g, strlen(g), NULL, 1, buf, sizeof buf);
	assert_non_null(strstr(buf, "Gmail"));
	assert_int_equal(smtpcode_reply_difference(a, strlen(a), g, strlen(g), NULL, 2, buf,
						   sizeof buf),
			 SMTPCODE_ENOTFOUND);
	assert_null(smtpcode_reply_pair_note(a, strlen(a), g, strlen(g)));

	n = smtpcode_json_compare_replies(a, strlen(a), b, strlen(b), NULL, 0, json, sizeof json);
	assert_true(n > 0 && (size_t)n < sizeof json);
	assert_non_null(strstr(json, "\"kind\": \"replies\""));
	assert_non_null(strstr(json, "\"separates\": \"550 refuses"));

	assert_int_equal(smtpcode_reply_difference(NULL, 0, b, strlen(b), NULL, 0, buf, sizeof buf),
			 SMTPCODE_ENULL);
	assert_int_equal(smtpcode_reply_difference(a, strlen(a), b, strlen(b), NULL, 0, NULL, 8),
			 SMTPCODE_ENULL);
	assert_int_equal(smtpcode_reply_difference("no code", 7, b, strlen(b), NULL, 0, buf,
						   sizeof buf),
			 SMTPCODE_ENOTFOUND);
	assert_int_equal(smtpcode_reply_difference(a, strlen(a), b, strlen(b), &bad, 0, buf,
						   sizeof buf),
			 SMTPCODE_ESYNTAX);
	assert_int_equal(smtpcode_json_compare_replies(a, strlen(a), b, strlen(b), &bad, 0, json,
						       sizeof json),
			 SMTPCODE_ESYNTAX);
	assert_int_equal(smtpcode_json_compare_replies(a, strlen(a), NULL, 0, NULL, 0, json,
						       sizeof json),
			 SMTPCODE_ENULL);
	assert_null(smtpcode_reply_pair_note(NULL, 0, b, strlen(b)));
	assert_int_equal(smtpcode_reply_difference(a, strlen(a), NULL, 0, NULL, 0, buf, sizeof buf),
			 SMTPCODE_ENULL);
	assert_int_equal(smtpcode_reply_difference(a, strlen(a), "no code", 7, NULL, 0, buf,
						   sizeof buf),
			 SMTPCODE_ENOTFOUND);

	/* only one has an enhanced code: the basic codes' differences alone */
	n = smtpcode_reply_difference("550 Mailbox unavailable", 23, b, strlen(b), NULL, 0, buf,
				      sizeof buf);
	assert_true(n > 0);
	assert_non_null(strstr(buf, "550 and 554"));
	/* the same codes and no provider: only the texts differ; the same text: the same reply */
	assert_int_equal(smtpcode_reply_difference(a, strlen(a), b, 0, NULL, 0, buf, sizeof buf),
			 SMTPCODE_ENOTFOUND);
	smtpcode_reply_difference(a, strlen(a), "550 5.7.1 No relay", 18, NULL, 0, buf, sizeof buf);
	assert_non_null(strstr(buf, "same codes, 550 5.7.1: only their texts differ"));
	smtpcode_reply_difference(a, strlen(a), a, strlen(a), NULL, 0, buf, sizeof buf);
	assert_string_equal(buf, "The two replies are the same, 550 5.7.1 with the same text.");
	/* codes that differ but that no comparison covers */
	smtpcode_reply_difference(a, strlen(a), "550 No relay", 12, NULL, 0, buf, sizeof buf);
	assert_non_null(strstr(buf, "an enhanced code on only one"));
	smtpcode_reply_difference(a, strlen(a), "599 5.7.1 Odd", 13, NULL, 0, buf, sizeof buf);
	assert_non_null(strstr(buf, "known to no RFC"));
	assert_int_equal(smtpcode_reply_difference(a, strlen(a), a, strlen(a), NULL, 1, buf,
						   sizeof buf),
			 SMTPCODE_ENOTFOUND);
	/* one provider entry for both: said once */
	assert_true(smtpcode_reply_difference(g, strlen(g), g, strlen(g), NULL, 1, buf,
					      sizeof buf) > 0);
	assert_non_null(strstr(buf, "Gmail"));
	assert_int_equal(smtpcode_reply_difference(g, strlen(g), g, strlen(g), NULL, 2, buf,
						   sizeof buf),
			 SMTPCODE_ENOTFOUND);
	/* bad hints reach the comparison whichever text they would apply to */
	bad.size = 1;
	assert_int_equal(smtpcode_reply_difference(a, strlen(a), b, strlen(b), &bad, 0, buf,
						   sizeof buf),
			 SMTPCODE_ESIZE);
}

/* The texts of the provider enums, and the errors of the texts' calls. */
static void test_compare_texts_and_errors(void **state)
{
	struct smtpcode_comparison c = { .size = sizeof c };
	char buf[256];

	(void)state;
#define EVIDENCE_(name, token, value) \
	assert_true((SMTPCODE_EVIDENCE_##name == SMTPCODE_EVIDENCE_NONE) == \
		    (smtpcode_evidence_text(SMTPCODE_EVIDENCE_##name) == NULL));
	SMTPCODE_EVIDENCE_LIST(EVIDENCE_, EVIDENCE_)
#undef EVIDENCE_
#define DOCUMENTED_(name, token, value) \
	assert_non_null(smtpcode_documented_text(SMTPCODE_DOCUMENTED_##name));
	SMTPCODE_DOCUMENTED_LIST(DOCUMENTED_, DOCUMENTED_)
#undef DOCUMENTED_
	assert_null(smtpcode_evidence_text((enum smtpcode_evidence)99));
	assert_null(smtpcode_documented_text((enum smtpcode_documented)99));
	assert_int_equal(smtpcode_provider_text(NULL, buf, sizeof buf), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_advice(NULL, 5, buf, sizeof buf), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_advice(smtpcode_lookup("535"), 5, NULL, 4), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_compare("235", "535", &c), SMTPCODE_OK);
	assert_int_equal(smtpcode_difference_text(NULL, 0, buf, sizeof buf), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_difference_text(&c, 0, NULL, 4), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_difference_text(&c, c.count, buf, sizeof buf), SMTPCODE_ENOTFOUND);
	assert_int_equal(smtpcode_difference_text(&c, 99, buf, sizeof buf), SMTPCODE_ENOTFOUND);
	/* "i.e." ends no sentence, nor "?" inside a word */
	assert_int_equal(smtpcode_first_sentence("One i.e. two. Three.", buf, sizeof buf), 13);
	assert_int_equal(smtpcode_first_sentence("Why? Because.", buf, sizeof buf), 4);
	/* a sentence cut to fit a comparison ends in "..." (clip_sentence): 4.4.7 and 5.4.7
	 * have long when-seen texts */
	assert_int_equal(smtpcode_compare("X.7.8", "535", &c), SMTPCODE_OK);
	/* lookups of spellings the fast paths leave to the parser */
	assert_ptr_equal(smtpcode_lookup("x.7.8"), smtpcode_lookup("X.7.8"));
	assert_ptr_equal(smtpcode_lookup("5.07.8"), smtpcode_lookup("X.7.8"));
	assert_ptr_equal(smtpcode_lookup("X.07.008"), smtpcode_lookup("X.7.8"));
	assert_ptr_equal(smtpcode_lookup("x.7.XXX"), smtpcode_lookup("X.7.XXX"));
}

/* The codes of a reply as a person writes them. */
static void test_compare_reply_codes(void **state)
{
	struct smtpcode_reply r = { .size = sizeof r };
	char buf[32];

	(void)state;
	smtpcode_parse_reply("550 5.7.1 No", 12, &r);
	assert_int_equal(smtpcode_reply_codes(&r, buf, sizeof buf), 9);
	assert_string_equal(buf, "550 5.7.1");
	smtpcode_parse_reply("Status: 5.1.1", 13, &r);
	smtpcode_reply_codes(&r, buf, sizeof buf);
	assert_string_equal(buf, "5.1.1");
	smtpcode_parse_reply("421 Later", 9, &r);
	assert_int_equal(smtpcode_reply_codes(&r, buf, 2), 3);
	assert_string_equal(buf, "4");
	assert_int_equal(smtpcode_reply_codes(NULL, buf, sizeof buf), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_reply_codes(&r, NULL, 4), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_reply_codes(&r, NULL, 0), 3);
}

/* The pairs with a note, in the file's order, each with its codes as written there. */
static void test_compare_pair_at(void **state)
{
	char a[16], b[16], small[3];
	size_t i, n = smtpcode_pair_count();
	const struct smtpcode_pair_note *note;

	(void)state;
	assert_true(n >= 10);
	note = smtpcode_pair_at(0, a, b, sizeof a);
	assert_non_null(note);
	assert_string_equal(a, "530");
	assert_string_equal(b, "535");
	assert_ptr_equal(note, smtpcode_pair_note("535", "530"));
	for (i = 0; i < n; i++) {
		note = smtpcode_pair_at(i, a, b, sizeof a);
		assert_non_null(note);
		assert_non_null(note->separates);
		/* each pair's codes find its own note again */
		assert_ptr_equal(smtpcode_pair_note(a, b), note);
	}
	strcpy(a, "unchanged");
	assert_null(smtpcode_pair_at(n, a, b, sizeof a));
	assert_string_equal(a, "unchanged");
	assert_non_null(smtpcode_pair_at(0, NULL, NULL, 0));
	assert_non_null(smtpcode_pair_at(0, small, small, sizeof small));
	assert_string_equal(small, "53");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compare_class_contrast_comes_first),
		cmocka_unit_test(test_compare_same_class_says_so),
		cmocka_unit_test(test_compare_identical_codes),
		cmocka_unit_test(test_compare_basic_with_enhanced),
		cmocka_unit_test(test_compare_status_difference),
		cmocka_unit_test(test_compare_errors_leave_out_untouched),
		cmocka_unit_test(test_compare_every_text_is_a_sentence),
		cmocka_unit_test(test_compare_first_sentence),
		cmocka_unit_test(test_compare_pair_notes),
		cmocka_unit_test(test_compare_pair_at),
		cmocka_unit_test(test_compare_outcome_and_scope),
		cmocka_unit_test(test_compare_replies),
		cmocka_unit_test(test_compare_reply_codes),
		cmocka_unit_test(test_compare_texts_and_errors),
	};

	return cmocka_run_group_tests_name("compare", tests, NULL, NULL);
}
