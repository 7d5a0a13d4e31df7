/* test_providers.c -- the provider data as the library serves it, and the matcher that finds
 * which provider sent a reply: every entry complete and sourced, every sample explained by
 * its own entry, every marker, signature, help host and MX suffix recognised, hints ranked
 * after the text, and the calls' errors. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smtpcode.h"

/* Whether s is a date "YYYY-MM-DD" from 1990 on. */
static int is_date(const char *s)
{
	size_t i;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-' || strncmp(s, "1990", 4) < 0)
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	return 1;
}

/* Whether a source names a page or a collection's file, not a home page: a URL with a path
 * beyond "/", or "owner/repo:path". */
static int is_source(const char *s)
{
	const char *p;

	if (s == NULL)
		return 0;
	if (strncmp(s, "https://", 8) == 0 || strncmp(s, "http://", 7) == 0) {
		p = strchr(strstr(s, "//") + 2, '/');
		return p != NULL && p[1] != '\0';
	}
	p = strchr(s, ':');
	return p != NULL && p[1] != '\0' && memchr(s, '/', (size_t)(p - s)) != NULL;
}

/* Parses text and matches its provider; returns the match's return value. */
static int match(const char *text, const struct smtpcode_hints *hints,
		 struct smtpcode_provider_match *m)
{
	struct smtpcode_reply r;

	memset(&r, 0, sizeof r);
	r.size = sizeof r;
	memset(m, 0, sizeof *m);
	m->size = sizeof *m;
	smtpcode_parse_reply(text, strlen(text), &r);
	return smtpcode_match_provider(text, strlen(text), &r, hints, m);
}

/* Providers in id order, each found by its id, its entries in its own order and complete. */
static void test_providers_data(void **state)
{
	size_t n = smtpcode_provider_count(), i, k, total = 0;
	const char *newest = "";

	(void)state;
	assert_true(n >= 26);
	assert_null(smtpcode_provider_at(n));
	assert_null(smtpcode_provider_find("no-such-provider"));
	assert_null(smtpcode_provider_find(NULL));
	assert_null(smtpcode_provider_entry_at(NULL, 0));
	for (i = 0; i < n; i++) {
		const struct smtpcode_provider *p = smtpcode_provider_at(i);
		const char *p_newest = "";

		assert_non_null(p);
		assert_ptr_equal(smtpcode_provider_find(p->id), p);
		if (i > 0)
			assert_true(strcmp(smtpcode_provider_at(i - 1)->id, p->id) < 0);
		assert_true(p->name[0] != '\0' && p->about[0] != '\0');
		assert_true(p->signature_count + p->help_host_count + p->mx_suffix_count > 0);
		assert_true(p->entry_count > 0);
		assert_null(smtpcode_provider_entry_at(p, p->entry_count));
		for (k = 0; k < p->entry_count; k++) {
			const struct smtpcode_provider_entry *e = smtpcode_provider_entry_at(p, k);
			size_t idlen = strlen(p->id);

			assert_non_null(e);
			assert_ptr_equal(e->provider, p);
			assert_true(strncmp(e->id, p->id, idlen) == 0 && e->id[idlen] == '/');
			assert_string_equal(e->id + idlen + 1, e->key);
			assert_true(e->marker_count > 0 || e->codes != NULL || e->range != NULL);
			assert_true(e->title[0] != '\0' && e->meaning[0] != '\0' &&
				    e->how_to_fix[0] != '\0');
			assert_true(e->summary[0] != '\0' && e->summary[strlen(e->summary) - 1] == '.');
			assert_true(strchr(e->summary, '\n') == NULL);
			if (!is_source(e->source))
				fail_msg("%s: source '%s' names no page or file", e->id, e->source);
			assert_true(is_date(e->verified));
			assert_non_null(e->sample);
			assert_true((e->documented == SMTPCODE_DOCUMENTED_DOC_DIFFERS) ==
				    (e->wire_code != NULL));
			if (strcmp(e->verified, p_newest) > 0)
				p_newest = e->verified;
		}
		assert_string_equal(p->verified, p_newest);
		if (strcmp(p->verified, newest) > 0)
			newest = p->verified;
		total += p->entry_count;
	}
	assert_true(total >= 300);
	assert_string_equal(smtpcode_data_verified(), newest);
}

/* Each entry's sample, with its provider named, is explained by that entry; a marker entry's
 * sample by its marker. */
static void test_providers_samples_match_their_entry(void **state)
{
	size_t i, k, wrong = 0, total = 0;

	(void)state;
	for (i = 0; i < smtpcode_provider_count(); i++) {
		const struct smtpcode_provider *p = smtpcode_provider_at(i);
		struct smtpcode_hints h = { sizeof h, p->id, NULL, NULL };

		for (k = 0; k < p->entry_count; k++) {
			const struct smtpcode_provider_entry *e = smtpcode_provider_entry_at(p, k);
			struct smtpcode_provider_match m;
			int rc = match(e->sample, &h, &m);

			total++;
			if (rc != SMTPCODE_OK || m.entry != e ||
			    (e->marker_count > 0) != (m.match == SMTPCODE_MATCH_MARKER) ||
			    m.evidence != SMTPCODE_EVIDENCE_HINT_PROVIDER) {
				print_error("%s: sample '%s' matched %s (%s)\n", e->id, e->sample,
					    m.entry != NULL ? m.entry->id : "nothing",
					    smtpcode_match_name(m.match));
				wrong++;
			}
		}
	}
	print_message("provider samples: %zu of %zu explained by their own entry\n",
		      total - wrong, total);
	assert_int_equal(wrong, 0);
}

/* Every marker finds its entry, exactly: no other case, no part of it. */
static void test_providers_markers(void **state)
{
	size_t i, k, j, markers = 0;

	(void)state;
	assert_null(smtpcode_marker_find(NULL));
	assert_null(smtpcode_marker_find(""));
	assert_null(smtpcode_marker_find("TSS0"));
	assert_null(smtpcode_marker_find("tss04"));
	assert_string_equal(smtpcode_marker_find("TSS04")->id, "yahoo/TSS04");
	for (i = 0; i < smtpcode_provider_count(); i++) {
		const struct smtpcode_provider *p = smtpcode_provider_at(i);

		for (k = 0; k < p->entry_count; k++) {
			const struct smtpcode_provider_entry *e = smtpcode_provider_entry_at(p, k);

			for (j = 0; j < e->marker_count; j++, markers++)
				if (smtpcode_marker_find(e->markers[j]) != e)
					fail_msg("marker %s does not find %s", e->markers[j], e->id);
		}
	}
	assert_true(markers >= 50);
}

/* A text carrying a provider's signature names it, from the signature, with high confidence;
 * so does a link to its help host and a remote host under its MX suffix. */
static void test_providers_recognised_from_the_text(void **state)
{
	size_t i, k;
	char text[512];
	struct smtpcode_provider_match m;

	(void)state;
	for (i = 0; i < smtpcode_provider_count(); i++) {
		const struct smtpcode_provider *p = smtpcode_provider_at(i);

		for (k = 0; k < p->signature_count; k++) {
			snprintf(text, sizeof text, "550 5.9.99 Refused %s", p->signatures[k]);
			match(text, NULL, &m);
			if (m.provider != p || m.evidence != SMTPCODE_EVIDENCE_SIGNATURE ||
			    m.confidence != SMTPCODE_CONFIDENCE_HIGH)
				fail_msg("'%s' names %s, want %s", text,
					 m.provider != NULL ? m.provider->id : "none", p->id);
		}
		for (k = 0; k < p->help_host_count; k++) {
			snprintf(text, sizeof text, "550 5.9.99 Refused, see https://%s/x",
				 p->help_hosts[k]);
			match(text, NULL, &m);
			if (m.provider != p || (m.evidence != SMTPCODE_EVIDENCE_HELP_URL &&
						m.evidence != SMTPCODE_EVIDENCE_SIGNATURE))
				fail_msg("'%s' names %s, want %s", text,
					 m.provider != NULL ? m.provider->id : "none", p->id);
		}
		for (k = 0; k < p->mx_suffix_count; k++) {
			const char *s = p->mx_suffixes[k];

			snprintf(text, sizeof text,
				 "host %s%s[192.0.2.1] said: 550 5.9.99 Refused (in reply to RCPT TO "
				 "command)",
				 s[0] == '.' ? "mx1" : "", s);
			match(text, NULL, &m);
			if (m.provider != p)
				fail_msg("'%s' names %s, want %s", text,
					 m.provider != NULL ? m.provider->id : "none", p->id);
		}
	}
	/* the suffix is a suffix: a host that merely contains it is no sign */
	match("host mx.yahoodns.net.example.org[192.0.2.1] said: 550 5.9.99 Refused (in reply to "
	      "RCPT TO command)",
	      NULL, &m);
	assert_true(m.provider == NULL || strcmp(m.provider->id, "yahoo") != 0 ||
		    m.evidence != SMTPCODE_EVIDENCE_REMOTE_HOST);
}

/* The caller's hints: a provider id overrides the text; host and recipient rank after it. */
static void test_providers_hints(void **state)
{
	struct smtpcode_provider_match m;
	struct smtpcode_hints h = { sizeof h, NULL, NULL, NULL };
	const char *plain = "550 5.9.99 Refused";
	const char *gmail = "550 5.9.99 Refused - gsmtp";

	(void)state;
	assert_int_equal(match(plain, NULL, &m), SMTPCODE_ENOTFOUND);
	assert_null(m.provider);
	assert_int_equal(m.evidence, SMTPCODE_EVIDENCE_NONE);

	h.remote_host = "example-com.mail.protection.outlook.com";
	match(plain, &h, &m);
	assert_string_equal(m.provider->id, "microsoft365");
	assert_int_equal(m.evidence, SMTPCODE_EVIDENCE_HINT_HOST);
	assert_int_equal(m.confidence, SMTPCODE_CONFIDENCE_MEDIUM);
	assert_string_equal(m.matched, h.remote_host);
	match(gmail, &h, &m); /* the text's own signature ranks first */
	assert_string_equal(m.provider->id, "google");
	assert_int_equal(m.evidence, SMTPCODE_EVIDENCE_SIGNATURE);

	h.remote_host = NULL;
	h.recipient_domain = "yahoo.com";
	match(plain, &h, &m);
	assert_string_equal(m.provider->id, "yahoo");
	assert_int_equal(m.evidence, SMTPCODE_EVIDENCE_HINT_RCPT);
	assert_int_equal(m.confidence, SMTPCODE_CONFIDENCE_LOW);
	h.recipient_domain = "YAHOO.COM";
	match(plain, &h, &m);
	assert_string_equal(m.provider->id, "yahoo");
	h.recipient_domain = "notyahoo.com";
	match(plain, &h, &m);
	assert_null(m.provider);

	h.recipient_domain = NULL;
	h.provider = "yahoo";
	match(gmail, &h, &m); /* the caller's id overrides the text */
	assert_string_equal(m.provider->id, "yahoo");
	assert_int_equal(m.evidence, SMTPCODE_EVIDENCE_HINT_PROVIDER);
	assert_int_equal(m.confidence, SMTPCODE_CONFIDENCE_HIGH);

	h.provider = "no-such-provider";
	assert_int_equal(match(plain, &h, &m), SMTPCODE_ESYNTAX);
	h.provider = NULL;
	h.size = sizeof h - 1;
	assert_int_equal(match(plain, &h, &m), SMTPCODE_ESIZE);
}

/* A marker names its provider and entry at once, in brackets, parentheses or bare; another
 * provider's marker does not count for the provider the caller named. */
static void test_providers_marker_in_text(void **state)
{
	struct smtpcode_provider_match m;
	struct smtpcode_hints h = { sizeof h, "google", NULL, NULL };

	(void)state;
	assert_int_equal(match("421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred",
			       NULL, &m),
			 SMTPCODE_OK);
	assert_string_equal(m.provider->id, "yahoo");
	assert_string_equal(m.entry->id, "yahoo/TSS04");
	assert_int_equal(m.match, SMTPCODE_MATCH_MARKER);
	assert_string_equal(m.marker, "TSS04");
	assert_string_equal(m.matched, "TSS04");

	match("550 5.7.1 ... part of their network is on our block list (S3140).", NULL, &m);
	assert_string_equal(m.provider->id, "outlook");
	assert_string_equal(m.marker, "S3140");

	/* a marker inside a longer token is not a marker */
	match("421 4.7.0 XTSS04X deferred", NULL, &m);
	assert_null(m.provider);

	assert_int_equal(match("421 4.7.0 [TSS04] deferred", &h, &m), SMTPCODE_ENOTFOUND);
	assert_string_equal(m.provider->id, "google");
	assert_null(m.entry);
	assert_string_equal(m.marker, "");
}

/* A provider's own wording of a detail no registry defines names it with medium confidence,
 * the detail alone with low; a registered detail worded as many servers word it, never. */
static void test_providers_own_details(void **state)
{
	struct smtpcode_provider_match m;

	(void)state;
	match("550 5.7.515 Access denied, sending domain example.com does not meet the required "
	      "authentication level.",
	      NULL, &m);
	assert_non_null(m.provider);
	assert_int_equal(m.confidence, SMTPCODE_CONFIDENCE_MEDIUM);
	assert_int_equal(m.evidence, SMTPCODE_EVIDENCE_SIGNATURE);

	match("550 5.7.708 Access denied", NULL, &m);
	assert_string_equal(m.provider->id, "microsoft365");
	assert_int_equal(m.confidence, SMTPCODE_CONFIDENCE_LOW);
	assert_string_equal(m.matched, "5.7.708");

	match("550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown", NULL, &m);
	assert_null(m.provider);
	match("550 5.7.987 Access denied", NULL, &m);
	assert_null(m.provider);
}

/* The uses of a code: its entries, ranges included; a basic code's are those naming it alone. */
static void test_providers_uses(void **state)
{
	const struct smtpcode_provider_entry *u[512];
	size_t n, i, found = 0, range = 0;

	(void)state;
	n = smtpcode_provider_uses("5.7.708", u, 512);
	assert_true(n >= 2 && n <= 512);
	for (i = 0; i < n; i++) {
		found += strcmp(u[i]->id, "microsoft365/5.7.708-ip-not-accepted") == 0;
		range += u[i]->range != NULL;
	}
	assert_int_equal(found, 1);
	assert_true(range >= 1);
	assert_int_equal(smtpcode_provider_uses("5.7.708", NULL, 0), n);
	assert_int_equal(smtpcode_provider_uses("5.7.708", u, 1), n);
	assert_int_equal(smtpcode_provider_uses("X.7.708", NULL, 0), n);

	n = smtpcode_provider_uses("421", u, 512);
	assert_true(n > 0 && n <= 512);
	for (i = 0; i < n; i++)
		assert_non_null(strstr(u[i]->codes, "421"));

	assert_int_equal(smtpcode_provider_uses("5.7.987", u, 512), 0);
	assert_int_equal(smtpcode_provider_uses("abc", u, 512), 0);
	assert_int_equal(smtpcode_provider_uses("5351", u, 512), 0);
	assert_int_equal(smtpcode_provider_uses(NULL, u, 512), 0);
}

/* The texts a person reads, the JSON, and their errors. */
static void test_providers_texts(void **state)
{
	struct smtpcode_provider_match m;
	struct smtpcode_hints h = { sizeof h, NULL, NULL, NULL };
	const char *tss = "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred";
	char buf[4096];
	int len;

	(void)state;
	match(tss, NULL, &m);
	len = smtpcode_provider_text(&m, buf, sizeof buf);
	assert_true(len > 0 && (size_t)len == strlen(buf));
	assert_non_null(strstr(buf, "Yahoo"));
	assert_non_null(strstr(buf, "TSS04"));
	assert_non_null(strstr(buf, "high"));
	assert_int_equal(smtpcode_provider_text(NULL, buf, sizeof buf), SMTPCODE_ENULL);
	match("550 5.9.99 Refused", NULL, &m);
	assert_int_equal(smtpcode_provider_text(&m, buf, sizeof buf), 0);

	len = smtpcode_explain_reply_hints(tss, strlen(tss), NULL, buf, sizeof buf);
	assert_true(len > 0);
	assert_true(strncmp(buf, "Yahoo Mail / AOL Mail: ", 23) == 0);
	assert_non_null(strstr(buf, "(421 4.7.0)"));
	h.provider = "nope";
	assert_int_equal(smtpcode_explain_reply_hints(tss, strlen(tss), &h, buf, sizeof buf),
			 SMTPCODE_ESYNTAX);
	h.provider = NULL;
	h.size = 1;
	assert_int_equal(smtpcode_explain_reply_hints(tss, strlen(tss), &h, buf, sizeof buf),
			 SMTPCODE_ESIZE);

	len = smtpcode_json_provider_entry(smtpcode_marker_find("TSS04"), 0, buf, sizeof buf);
	assert_true(len > 0 && (size_t)len < sizeof buf);
	assert_non_null(strstr(buf, "\"id\": \"yahoo/TSS04\""));
	assert_non_null(strstr(buf, "\"match\": \"marker\""));
	assert_non_null(strstr(buf, "\"verified\": \""));
	assert_int_equal(smtpcode_json_provider_entry(NULL, 0, buf, sizeof buf), SMTPCODE_ENULL);
	len = smtpcode_json_provider(smtpcode_provider_find("google"), 0, buf, sizeof buf);
	assert_true(len > 0);
	assert_non_null(strstr(buf, "\"id\": \"google\""));
	assert_non_null(strstr(buf, "\"entries\": "));
	assert_int_equal(smtpcode_json_provider(NULL, 0, buf, sizeof buf), SMTPCODE_ENULL);
	/* snprintf-style: a short buffer is cut and NUL-terminated, the length is the whole */
	assert_int_equal(smtpcode_json_provider(smtpcode_provider_find("google"), 0, buf, 8), len);
	assert_int_equal(strlen(buf), 7);
}

/* The matcher's own errors. */
static void test_providers_errors(void **state)
{
	struct smtpcode_reply r;
	struct smtpcode_provider_match m;

	(void)state;
	memset(&r, 0, sizeof r);
	r.size = sizeof r;
	smtpcode_parse_reply("550 x", 5, &r);
	memset(&m, 0, sizeof m);
	m.size = sizeof m;
	assert_int_equal(smtpcode_match_provider(NULL, 0, &r, NULL, &m), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_match_provider("550 x", 5, NULL, NULL, &m), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_match_provider("550 x", 5, &r, NULL, NULL), SMTPCODE_ENULL);
	m.size = 3;
	assert_int_equal(smtpcode_match_provider("550 x", 5, &r, NULL, &m), SMTPCODE_ESIZE);
}

/* A provider's everyday pair is no unusual pair: Microsoft 365's 550 5.4.1 keeps every warning
 * but that one; the same codes with no sign of Microsoft keep it. */
static void test_providers_reply_warnings(void **state)
{
	const char *ms = "550 5.4.1 Recipient address rejected: Access denied. AS(201806281) "
			 "[DM6NAM12FT045.eop-nam12.prod.protection.outlook.com]";
	const char *plain = "550 5.4.1 Recipient address rejected: Access denied";
	struct smtpcode_reply r = { .size = sizeof r };
	struct smtpcode_provider_match m;

	(void)state;
	assert_int_equal(smtpcode_reply_warnings(NULL, NULL), 0);
	match(ms, NULL, &m);
	smtpcode_parse_reply(ms, strlen(ms), &r);
	assert_true(r.warnings & SMTPCODE_WARN_NOT_ASSOCIATED);
	assert_string_equal(m.entry->provider->id, "microsoft365");
	assert_int_equal(smtpcode_reply_warnings(&r, &m), r.warnings & ~(unsigned)SMTPCODE_WARN_NOT_ASSOCIATED);
	assert_int_equal(smtpcode_reply_warnings(&r, NULL), r.warnings);
	match(plain, NULL, &m);
	smtpcode_parse_reply(plain, strlen(plain), &r);
	assert_null(m.entry);
	assert_int_equal(smtpcode_reply_warnings(&r, &m), r.warnings);
	assert_true(smtpcode_reply_warnings(&r, &m) & SMTPCODE_WARN_NOT_ASSOCIATED);
	/* a match too small to hold an entry, or a reply too small to hold warnings */
	m.size = sizeof(size_t);
	assert_int_equal(smtpcode_reply_warnings(&r, &m), r.warnings);
	r.size = sizeof(size_t);
	assert_int_equal(smtpcode_reply_warnings(&r, NULL), 0);
}

/* The edges of the lookups and of the caller's host and domain. */
static void test_providers_edges(void **state)
{
	struct smtpcode_provider other = *smtpcode_provider_at(0);
	struct smtpcode_provider_match m;
	struct smtpcode_hints h = { sizeof h, NULL, NULL, NULL };
	const struct smtpcode_provider_entry *u[4];
	char long_sig[200];

	(void)state;
	/* a provider struct that is not the library's has no entries */
	assert_null(smtpcode_provider_entry_at(&other, 0));
	/* a subject or class alone names no detail */
	assert_int_equal(smtpcode_provider_uses("5.7.XXX", u, 4), 0);
	assert_int_equal(smtpcode_provider_uses("5.XXX.XXX", u, 4), 0);
	/* a host hint with a final dot, in capitals; a host that only ends like a suffix */
	h.remote_host = "EXAMPLE-COM.MAIL.PROTECTION.OUTLOOK.COM.";
	match("550 5.9.99 Refused", &h, &m);
	assert_non_null(m.provider);
	assert_string_equal(m.provider->id, "microsoft365");
	h.remote_host = "notmail.protection.outlook.com.example";
	match("550 5.9.99 Refused", &h, &m);
	assert_null(m.provider);
	/* a subdomain of a provider's domain is no mailbox domain of it */
	h.remote_host = NULL;
	h.recipient_domain = "mail.gmail.com";
	match("550 5.9.99 Refused", &h, &m);
	assert_null(m.provider);
	/* what matched is cut to fit, NUL-terminated */
	memset(long_sig, 'a', sizeof long_sig);
	memcpy(long_sig + 150, " - gsmtp", 9);
	h.recipient_domain = NULL;
	match("550 5.9.99 x - gsmtp", &h, &m);
	assert_string_equal(m.matched, "- gsmtp");
	h.provider = "google";
	match(long_sig, &h, &m);
	assert_true(strlen(m.matched) < sizeof m.matched);
	/* a marker in a long run of token bytes is no marker */
	match("421 4.7.0 [TSS04TSS04TSS04TSS04TSS04TSS04TSS04TSS04TSS04TSS04TSS04TSS04TSS04TSS04]",
	      NULL, &m);
	assert_null(m.entry);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_providers_data),
		cmocka_unit_test(test_providers_samples_match_their_entry),
		cmocka_unit_test(test_providers_markers),
		cmocka_unit_test(test_providers_recognised_from_the_text),
		cmocka_unit_test(test_providers_hints),
		cmocka_unit_test(test_providers_marker_in_text),
		cmocka_unit_test(test_providers_own_details),
		cmocka_unit_test(test_providers_uses),
		cmocka_unit_test(test_providers_texts),
		cmocka_unit_test(test_providers_errors),
		cmocka_unit_test(test_providers_reply_warnings),
		cmocka_unit_test(test_providers_edges),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
