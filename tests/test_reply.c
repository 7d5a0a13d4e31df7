/* test_reply.c -- finding the codes in server replies, bounces and logs: every case of
 * tests/data/replies/ (every .tsv there), then the API's contract (sizes, NULL, truncation) and inputs no
 * table can hold (megabytes of one pattern). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smtpcode.h"
#include "tsv.h"

#define REPLY_DATA "tests/data/replies"
#define MIN_CASES 2500  /* the cases of the tables, which only ever grow */
#define MAX_FILES 64
#define PREFIX_LIMIT 600 /* rows up to this long are also parsed in every prefix */

/* Parses a copy of exactly n bytes on the heap, so that the sanitizers catch any read past the
 * caller's length, and checks that the offsets stay inside the text. */
static int parse_exact(const char *s, size_t n, struct smtpcode_reply *r)
{
	char *copy = malloc(n > 0 ? n : 1);
	int rc;

	assert_non_null(copy);
	memcpy(copy, s, n);
	r->size = sizeof *r;
	rc = smtpcode_parse_reply(copy, n, r);
	assert_true(rc == SMTPCODE_OK || rc == SMTPCODE_ENOTFOUND);
	assert_true(r->text_offset <= n && r->text_length <= n - r->text_offset);
	if (r->enhanced[0] != '\0') {
		assert_int_equal(r->enhanced_code.kind, SMTPCODE_ENHANCED);
		assert_int_equal(r->enhanced_code.reply_class, r->enhanced[0] - '0');
	}
	free(copy);
	return rc;
}

/* The warning bits a field names ("class_mismatch,no_code"; "-" for none), or ~0u for a
 * token that is no warning. */
static unsigned warning_bits(const char *list)
{
	unsigned bits = 0;
	char token[64];
	const char *p = list;

	if (strcmp(list, "-") == 0)
		return 0;
	while (*p != '\0') {
		size_t n = strcspn(p, ",");
		unsigned bit = 0;

		snprintf(token, sizeof token, "%.*s", (int)n, p);
#define WARNING_(name, tok, value) \
		if (strcmp(token, smtpcode_warning_name(SMTPCODE_WARN_##name)) == 0) \
			bit = SMTPCODE_WARN_##name;
		SMTPCODE_WARNING_LIST(WARNING_, WARNING_)
#undef WARNING_
		if (bit == 0)
			return ~0u;
		bits |= bit;
		p += n + (p[n] == ',');
	}
	return bits;
}

/* The stage a token names ("rcpt"; "-" for none), or -1. */
static int stage_of(const char *token)
{
	int s;

	if (strcmp(token, "-") == 0)
		return SMTPCODE_STAGE_UNKNOWN;
	for (s = 1; smtpcode_stage_token((enum smtpcode_stage)s) != NULL; s++)
		if (strcmp(token, smtpcode_stage_token((enum smtpcode_stage)s)) == 0)
			return s;
	return -1;
}

/* Whether the one-line explanation of the text comes from the entry named by code ("-": from
 * the class, for a code nothing is known about). */
static int explained_by(const char *text, size_t n, const char *code,
			const struct smtpcode_reply *r, char *why, size_t size)
{
	char message[2048], prefix[256];
	const struct smtpcode_entry *e = strcmp(code, "-") != 0 ? smtpcode_lookup(code) : NULL;
	int len = smtpcode_explain_reply(text, n, message, sizeof message);
	int cls = r->basic >= 0 ? r->basic / 100 : r->enhanced_code.reply_class;

	if (len <= 0 || (size_t)len >= sizeof message || message[len - 1] != '.' ||
	    strchr(message, '\n') != NULL) {
		snprintf(why, size, "explanation '%s' (%d bytes) is not one sentence", message, len);
		return 0;
	}
	if (e != NULL)
		snprintf(prefix, sizeof prefix, "%s (", e->title);
	if ((e != NULL && strncmp(message, prefix, strlen(prefix)) != 0) ||
	    (e == NULL && (strncmp(message, "Unregistered code", 17) != 0 ||
			   strstr(message, smtpcode_class_text(cls)) == NULL))) {
		snprintf(why, size, "explained as '%s', want %s", message, code);
		return 0;
	}
	return 1;
}

/* A found span against a column's expectation ("-": none); letters in lower case when fold. */
static int same_span(const char *s, size_t n, const char *want, int fold)
{
	size_t i, wn = strcmp(want, "-") == 0 ? 0 : strlen(want);

	if (n != wn)
		return 0;
	for (i = 0; i < n; i++) {
		int c = (unsigned char)s[i];

		if (fold && c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c != (unsigned char)want[i])
			return 0;
	}
	return 1;
}

/* The provider and provider entry a row expects, with the hints its columns give. */
static int check_provider(const struct tsv *t, size_t row, const struct tsv_field *text,
			  const struct smtpcode_reply *r, char *why, size_t size)
{
	const struct tsv_field *prov = tsv_get(t, row, tsv_column(t, "provider"));
	const struct tsv_field *pent = tsv_get(t, row, tsv_column(t, "provider_entry"));
	const struct tsv_field *hp = tsv_get(t, row, tsv_column(t, "hint_provider"));
	const struct tsv_field *hh = tsv_get(t, row, tsv_column(t, "hint_host"));
	const struct tsv_field *hr = tsv_get(t, row, tsv_column(t, "hint_rcpt"));
	struct smtpcode_hints h = { .size = sizeof h };
	struct smtpcode_provider_match m = { .size = sizeof m };
	const char *got_p, *got_e;

	if ((prov == NULL || prov->len == 0) && (pent == NULL || pent->len == 0))
		return 1;
	h.provider = hp != NULL && hp->len > 0 ? hp->s : NULL;
	h.remote_host = hh != NULL && hh->len > 0 ? hh->s : NULL;
	h.recipient_domain = hr != NULL && hr->len > 0 ? hr->s : NULL;
	smtpcode_match_provider(text->s, text->len, r, &h, &m);
	got_p = m.provider != NULL ? m.provider->id : "-";
	got_e = m.entry != NULL ? m.entry->id : "-";
	if ((prov != NULL && prov->len > 0 && strcmp(prov->s, got_p) != 0) ||
	    (pent != NULL && pent->len > 0 && strcmp(pent->s, got_e) != 0)) {
		snprintf(why, size, "provider %s entry %s, want %s %s", got_p, got_e,
			 prov != NULL ? prov->s : "", pent != NULL ? pent->s : "");
		return 0;
	}
	return 1;
}

/* The columns of the reply reader's whole answer: the whole text, the MTA's status, the
 * remote server, the form. */
static int check_more(const struct tsv *t, size_t row, const struct tsv_field *text,
		      const struct smtpcode_reply *r, char *why, size_t size)
{
	const struct tsv_field *whole = tsv_get(t, row, tsv_column(t, "explain_text"));
	const struct tsv_field *status = tsv_get(t, row, tsv_column(t, "status_code"));
	const struct tsv_field *host = tsv_get(t, row, tsv_column(t, "remote_host"));
	const struct tsv_field *ip = tsv_get(t, row, tsv_column(t, "remote_ip"));
	const struct tsv_field *form = tsv_get(t, row, tsv_column(t, "form"));
	static char buf[8192];

	if (whole != NULL && whole->len > 0) {
		int n = smtpcode_reply_text(text->s, text->len, r, buf, sizeof buf);

		if (n < 0 || (size_t)n >= sizeof buf || !same_span(buf, (size_t)n, whole->s, 0)) {
			snprintf(why, size, "whole text '%.*s', want '%s'", n < 0 ? 0 : n % 1000, buf,
				 whole->s);
			return 0;
		}
	}
	if (status != NULL && status->len > 0 &&
	    !same_span(r->status, strlen(r->status), status->s, 0)) {
		snprintf(why, size, "status_code '%s', want '%s'", r->status, status->s);
		return 0;
	}
	if (host != NULL && host->len > 0 &&
	    !same_span(text->s + r->remote_host_offset, r->remote_host_length, host->s, 1)) {
		snprintf(why, size, "remote_host '%.*s', want '%s'", (int)r->remote_host_length,
			 text->s + r->remote_host_offset, host->s);
		return 0;
	}
	if (ip != NULL && ip->len > 0 &&
	    !same_span(text->s + r->remote_ip_offset, r->remote_ip_length, ip->s, 0)) {
		snprintf(why, size, "remote_ip '%.*s', want '%s'", (int)r->remote_ip_length,
			 text->s + r->remote_ip_offset, ip->s);
		return 0;
	}
	if (!check_provider(t, row, text, r, why, size))
		return 0;
	if (form != NULL && form->len > 0 && (r->basic >= 0 || r->enhanced[0] != '\0') &&
	    strcmp(smtpcode_form_name(r->form), form->s) != 0) {
		snprintf(why, size, "form %s, want %s", smtpcode_form_name(r->form), form->s);
		return 0;
	}
	return 1;
}

/* Checks one row against every expectation column its file has; returns 0 and says why in
 * why when it differs. */
static int check_row(const struct tsv *t, size_t row, char *why, size_t size)
{
	const struct tsv_field *text = tsv_get(t, row, tsv_column(t, "text"));
	const struct tsv_field *basic = tsv_get(t, row, tsv_column(t, "basic"));
	const struct tsv_field *enh = tsv_get(t, row, tsv_column(t, "enhanced"));
	const struct tsv_field *stage = tsv_get(t, row, tsv_column(t, "stage"));
	const struct tsv_field *line = tsv_get(t, row, tsv_column(t, "line_text"));
	const struct tsv_field *warn = tsv_get(t, row, tsv_column(t, "warnings"));
	const struct tsv_field *by = tsv_get(t, row, tsv_column(t, "explained_by"));
	struct smtpcode_reply r;
	int rc = parse_exact(text->s, text->len, &r);
	int want_basic = basic == NULL || strcmp(basic->s, "-") == 0 ? -1 : atoi(basic->s);
	const char *want_enh = enh == NULL || strcmp(enh->s, "-") == 0 ? "" : enh->s;

	if (basic == NULL || enh == NULL) {
		snprintf(why, size, "the file has no basic or enhanced column");
		return 0;
	}
	if (r.basic != want_basic || strcmp(r.enhanced, want_enh) != 0 ||
	    rc != (want_basic >= 0 || *want_enh ? SMTPCODE_OK : SMTPCODE_ENOTFOUND)) {
		snprintf(why, size, "found %d '%s', want %s '%s'", r.basic, r.enhanced, basic->s,
			 enh->s);
		return 0;
	}
	if (stage != NULL && stage->len > 0 && (int)r.stage != stage_of(stage->s)) {
		snprintf(why, size, "stage %s, want %s", smtpcode_stage_token(r.stage), stage->s);
		return 0;
	}
	if (line != NULL && line->len > 0) {
		size_t want = strcmp(line->s, "-") == 0 ? 0 : line->len;

		if (r.text_length != want ||
		    memcmp(text->s + r.text_offset, line->s, want) != 0) {
			snprintf(why, size, "text '%.*s', want '%s'", (int)r.text_length,
				 text->s + r.text_offset, line->s);
			return 0;
		}
	}
	if (!check_more(t, row, text, &r, why, size))
		return 0;
	if (warn != NULL && warn->len > 0 && r.warnings != warning_bits(warn->s)) {
		snprintf(why, size, "warnings 0x%x, want %s", r.warnings, warn->s);
		return 0;
	}
	if (by != NULL && by->len > 0)
		return explained_by(text->s, text->len, by->s, &r, why, size);
	return 1;
}

/* Every prefix of a row parses without reading past its end (the sanitizers watch). */
static void parse_every_prefix(const struct tsv_field *text)
{
	struct smtpcode_reply r;
	size_t n;

	for (n = 0; n <= text->len && text->len <= PREFIX_LIMIT; n++)
		parse_exact(text->s, n, &r);
}

/* Every row of every table, all differences reported before the test fails. */
static void test_reply_cases(void **state)
{
	static char names[MAX_FILES][512];
	int nfiles = tsv_list(REPLY_DATA, names, MAX_FILES), f, more;
	size_t rows = 0, failures = 0, i;

	(void)state;
	if (nfiles <= 0)
		fail_msg("no case tables in %s (run the tests from the top of the tree)", REPLY_DATA);
	/* and what real MTAs and clients wrote (make corpus) */
	more = tsv_list(REPLY_DATA "/corpus", names + nfiles, MAX_FILES - nfiles);
	if (more <= 0)
		fail_msg("no case tables in %s/corpus", REPLY_DATA);
	nfiles += more;
	for (f = 0; f < nfiles; f++) {
		struct tsv t;
		char why[2300];

		if (tsv_load(names[f], &t) != 0)
			fail_msg("%s cannot be read", names[f]);
		for (i = 0; i < t.nrows; i++, rows++) {
			if (!check_row(&t, i, why, sizeof why)) {
				print_error("%s:%d: %s\n", t.path, t.lines[i], why);
				failures++;
			}
			parse_every_prefix(tsv_get(&t, i, tsv_column(&t, "text")));
		}
		tsv_free(&t);
	}
	print_message("reply cases: %zu rows in %d files\n", rows, nfiles);
	if (failures > 0)
		fail_msg("%zu of %zu rows differ", failures, rows);
	if (rows < MIN_CASES)
		fail_msg("only %zu reply cases; the tables hold at least %d", rows, MIN_CASES);
}

/* ---- texts of warnings and stages ------------------------------------------------------ */

static void test_reply_warning_texts(void **state)
{
	const char *seen[16];
	size_t n = 0, i;

	(void)state;
#define WARNING_(name, token, value) \
	{ \
		const char *t = smtpcode_warning_text(SMTPCODE_WARN_##name); \
		assert_non_null(t); \
		assert_true(strlen(t) > 20); \
		assert_int_equal(t[strlen(t) - 1], '.'); \
		assert_null(strchr(t, '\n')); \
		for (i = 0; i < n; i++) \
			assert_string_not_equal(seen[i], t); \
		seen[n++] = t; \
		assert_string_equal(smtpcode_warning_name(SMTPCODE_WARN_##name), #token); \
	}
	SMTPCODE_WARNING_LIST(WARNING_, WARNING_)
#undef WARNING_
	assert_int_equal(n, 8);
	/* the class-mismatch sentence says which code to trust */
	assert_non_null(strstr(smtpcode_warning_text(SMTPCODE_WARN_CLASS_MISMATCH), "trust"));
	assert_null(smtpcode_warning_text((enum smtpcode_warning)0));
	assert_null(smtpcode_warning_text((enum smtpcode_warning)0x100));
	assert_null(smtpcode_warning_text((enum smtpcode_warning)(SMTPCODE_WARN_CLASS_MISMATCH |
								  SMTPCODE_WARN_NO_CODE)));
}

static void test_reply_stage_names(void **state)
{
	int s;

	(void)state;
	for (s = SMTPCODE_STAGE_UNKNOWN; s <= SMTPCODE_STAGE_ATRN; s++) {
		assert_non_null(smtpcode_stage_name((enum smtpcode_stage)s));
		assert_non_null(smtpcode_stage_token((enum smtpcode_stage)s));
		assert_int_equal(stage_of(smtpcode_stage_token((enum smtpcode_stage)s)),
				 s == SMTPCODE_STAGE_UNKNOWN ? -1 : s);
	}
	assert_string_equal(smtpcode_stage_name(SMTPCODE_STAGE_RCPT), "RCPT TO");
	assert_string_equal(smtpcode_stage_name(SMTPCODE_STAGE_MAIL), "MAIL FROM");
	assert_string_equal(smtpcode_stage_name(SMTPCODE_STAGE_END_OF_DATA), "end of DATA");
	assert_string_equal(smtpcode_stage_token(SMTPCODE_STAGE_END_OF_DATA), "end_of_data");
	assert_null(smtpcode_stage_name((enum smtpcode_stage)(SMTPCODE_STAGE_ATRN + 1)));
	assert_null(smtpcode_stage_name((enum smtpcode_stage)-1));
	assert_null(smtpcode_stage_token((enum smtpcode_stage)-1));
}

/* ---- the explanation's buffer ------------------------------------------------------------ */

static int explain(const char *text, char *buf, size_t size)
{
	return smtpcode_explain_reply(text, strlen(text), buf, size);
}

static void test_reply_explain_truncation(void **state)
{
	static const char text[] = "550 5.1.1 <a@example.com>: User unknown";
	static const size_t sizes[] = { 1, 2, 10, 40, 4096 };
	char full[4096], buf[4200];
	int n = explain(text, full, sizeof full);
	size_t i;

	(void)state;
	assert_true(n > 10);
	assert_int_equal(explain(text, NULL, 0), n);
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		size_t size = sizes[i], kept = size - 1 < (size_t)n ? size - 1 : (size_t)n;

		memset(buf, 'Z', sizeof buf);
		assert_int_equal(explain(text, buf, size), n);
		assert_int_equal(buf[kept], '\0');
		assert_memory_equal(buf, full, kept);
		assert_int_equal(buf[size], 'Z'); /* nothing written past size */
	}
	/* size 0 writes nothing at all */
	memset(buf, 'Z', sizeof buf);
	assert_int_equal(explain(text, buf, 0), n);
	assert_int_equal(buf[0], 'Z');
}

static void test_reply_explain_errors(void **state)
{
	char buf[64];

	(void)state;
	assert_int_equal(smtpcode_explain_reply(NULL, 3, buf, sizeof buf), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_explain_reply("550", 3, NULL, 10), SMTPCODE_ENULL);
	memset(buf, 'Z', sizeof buf);
	assert_int_equal(explain("no code in here", buf, sizeof buf), SMTPCODE_ENOTFOUND);
	assert_int_equal(buf[0], '\0');
	assert_int_equal(explain("", buf, sizeof buf), SMTPCODE_ENOTFOUND);
	assert_int_equal(explain("", NULL, 0), SMTPCODE_ENOTFOUND);
}

/* ---- the struct's contract ------------------------------------------------------------------ */

static void test_reply_null_and_empty(void **state)
{
	struct smtpcode_reply r = { .size = sizeof r };

	(void)state;
	assert_int_equal(smtpcode_parse_reply(NULL, 0, &r), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_parse_reply("550", 3, NULL), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_parse_reply("", 0, &r), SMTPCODE_ENOTFOUND);
	assert_int_equal(r.size, sizeof r);
	assert_int_equal(r.basic, -1);
	assert_string_equal(r.enhanced, "");
	assert_int_equal(r.text_offset, 0);
	assert_int_equal(r.text_length, 0);
	assert_int_equal(r.stage, SMTPCODE_STAGE_UNKNOWN);
	assert_int_equal(r.warnings, SMTPCODE_WARN_NO_CODE);
	/* the length is what counts: "550 5.1.1" cut after three bytes is "550" */
	assert_int_equal(smtpcode_parse_reply("550 5.1.1 x", 3, &r), SMTPCODE_OK);
	assert_int_equal(r.basic, 550);
	assert_string_equal(r.enhanced, "");
	assert_int_equal(smtpcode_parse_reply("550 5.1.1 x", 0, &r), SMTPCODE_ENOTFOUND);
}

/* Below the first published size nothing is written; a smaller (older) struct gets only its
 * own bytes, and the size field is never changed. */
static void test_reply_struct_sizes(void **state)
{
	union {
		struct smtpcode_reply r;
		unsigned char bytes[sizeof(struct smtpcode_reply) + 16];
	} u;
	size_t first = offsetof(struct smtpcode_reply, warnings) + sizeof u.r.warnings, i;

	(void)state;
	memset(&u, 0xAB, sizeof u);
	u.r.size = first - 1;
	assert_int_equal(smtpcode_parse_reply("550 5.1.1 x", 11, &u.r), SMTPCODE_ESIZE);
	for (i = sizeof(size_t); i < sizeof u.bytes; i++)
		assert_int_equal(u.bytes[i], 0xAB);
	assert_int_equal(u.r.size, first - 1);
	u.r.size = first;
	assert_int_equal(smtpcode_parse_reply("550 5.1.1 x", 11, &u.r), SMTPCODE_OK);
	assert_int_equal(u.r.size, first);
	assert_int_equal(u.r.basic, 550);
	for (i = first; i < sizeof u.bytes; i++)
		assert_int_equal(u.bytes[i], 0xAB);
	/* a newer, larger struct: the library writes what it knows and leaves the rest */
	u.r.size = sizeof u.bytes;
	assert_int_equal(smtpcode_parse_reply("550 5.1.1 x", 11, &u.r), SMTPCODE_OK);
	assert_int_equal(u.r.size, sizeof u.bytes);
	for (i = sizeof u.r; i < sizeof u.bytes; i++)
		assert_int_equal(u.bytes[i], 0xAB);
}

/* ---- inputs no table holds ------------------------------------------------------------------ */

/* Fills n bytes with a repeated pattern. */
static char *repeated(const char *pattern, size_t n)
{
	char *s = malloc(n);
	size_t i, len = strlen(pattern);

	assert_non_null(s);
	for (i = 0; i < n; i++)
		s[i] = pattern[i % len];
	return s;
}

/* The replies a walk finds, as "BASIC ENHANCED STATUS" joined by " | " ("-" for none). */
static void walk(const char *text, size_t len, char *out, size_t size)
{
	struct smtpcode_reply r = { .size = sizeof r };
	size_t offset = 0, used = 0, steps = 0;

	out[0] = '\0';
	while (smtpcode_reply_next(text, len, &offset, &r) == SMTPCODE_OK) {
		char basic[16] = "-";

		if (r.basic >= 0)
			snprintf(basic, sizeof basic, "%d", r.basic);
		used += (size_t)snprintf(out + used, size - used, "%s%s %s %s", used ? " | " : "",
					 basic, r.enhanced[0] ? r.enhanced : "-",
					 r.status[0] ? r.status : "-");
		assert_true(used < size);
		assert_true(++steps <= len + 1);
	}
	assert_int_equal(offset, len);
	if (used == 0)
		snprintf(out, size, "-");
}

static void test_reply_walk(void **state)
{
	struct tsv t;
	size_t i, failures = 0;
	char got[2048];

	(void)state;
	if (tsv_load("tests/data/walk/walk.tsv", &t) != 0)
		fail_msg("tests/data/walk/walk.tsv cannot be read");
	for (i = 0; i < t.nrows; i++) {
		const struct tsv_field *text = tsv_get(&t, i, tsv_column(&t, "text"));
		const struct tsv_field *want = tsv_get(&t, i, tsv_column(&t, "replies"));

		walk(text->s, text->len, got, sizeof got);
		if (strcmp(got, want->s) != 0) {
			print_error("%s:%d: walked '%s', want '%s'\n", t.path, t.lines[i], got, want->s);
			failures++;
		}
	}
	assert_true(t.nrows >= 5);
	tsv_free(&t);
	if (failures > 0)
		fail_msg("%zu walks differ", failures);
}

static void test_reply_next_contract(void **state)
{
	struct smtpcode_reply r = { .size = sizeof r };
	size_t offset = 0;
	static const char text[] = "550 5.1.1 a\n451 4.3.0 b";

	(void)state;
	assert_int_equal(smtpcode_reply_next(NULL, 3, &offset, &r), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_reply_next(text, 3, NULL, &r), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_reply_next(text, 3, &offset, NULL), SMTPCODE_ENULL);
	r.size = 4;
	assert_int_equal(smtpcode_reply_next(text, 3, &offset, &r), SMTPCODE_ESIZE);
	r.size = sizeof r;
	/* each reply in turn, then the end, with the offset at the length */
	assert_int_equal(smtpcode_reply_next(text, sizeof text - 1, &offset, &r), SMTPCODE_OK);
	assert_int_equal(r.basic, 550);
	assert_int_equal(offset, 12);
	assert_int_equal(smtpcode_reply_next(text, sizeof text - 1, &offset, &r), SMTPCODE_OK);
	assert_int_equal(r.basic, 451);
	assert_int_equal(offset, sizeof text - 1);
	assert_int_equal(smtpcode_reply_next(text, sizeof text - 1, &offset, &r), SMTPCODE_ENOTFOUND);
	assert_int_equal(r.warnings, SMTPCODE_WARN_NO_CODE);
	/* an offset past the end is the end */
	offset = 1000;
	assert_int_equal(smtpcode_reply_next(text, sizeof text - 1, &offset, &r), SMTPCODE_ENOTFOUND);
	assert_int_equal(offset, sizeof text - 1);
	offset = 0;
	assert_int_equal(smtpcode_reply_next("", 0, &offset, &r), SMTPCODE_ENOTFOUND);
	assert_int_equal(offset, 0);
}

/* A reply a client library split into code and text is rebuilt as the server sent it. */
static void test_reply_rejoin(void **state)
{
	static const char gmail[] = "5.7.8 Username and Password not accepted.\n"
				    "5.7.8 https://support.google.com/mail/?p=BadCredentials";
	struct smtpcode_reply r = { .size = sizeof r };
	char buf[256], whole[256];
	int n;

	(void)state;
	n = smtpcode_reply_rejoin(535, gmail, sizeof gmail - 1, buf, sizeof buf);
	assert_string_equal(buf, "535-5.7.8 Username and Password not accepted.\r\n"
				 "535 5.7.8 https://support.google.com/mail/?p=BadCredentials");
	assert_int_equal(n, (int)strlen(buf));
	assert_int_equal(smtpcode_parse_reply(buf, (size_t)n, &r), SMTPCODE_OK);
	assert_int_equal(r.basic, 535);
	assert_string_equal(r.enhanced, "5.7.8");
	assert_int_equal(r.lines, 2);
	smtpcode_reply_text(buf, (size_t)n, &r, whole, sizeof whole);
	assert_string_equal(whole, "Username and Password not accepted. "
				   "https://support.google.com/mail/?p=BadCredentials");
	/* snprintf-style */
	assert_int_equal(smtpcode_reply_rejoin(535, gmail, sizeof gmail - 1, NULL, 0), n);
	assert_int_equal(smtpcode_reply_rejoin(535, gmail, sizeof gmail - 1, buf, 5), n);
	assert_string_equal(buf, "535-");
	/* one line; no text; a final line break; CRLF; lines without an enhanced code */
	smtpcode_reply_rejoin(250, "OK", 2, buf, sizeof buf);
	assert_string_equal(buf, "250 OK");
	assert_int_equal(smtpcode_reply_rejoin(221, "", 0, buf, sizeof buf), 3);
	assert_string_equal(buf, "221");
	assert_int_equal(smtpcode_reply_rejoin(221, NULL, 0, buf, sizeof buf), 3);
	smtpcode_reply_rejoin(550, "a\r\nb\r\n", 6, buf, sizeof buf);
	assert_string_equal(buf, "550-a\r\n550 b");
	smtpcode_reply_rejoin(550, "a\n\nb", 4, buf, sizeof buf);
	assert_string_equal(buf, "550-a\r\n550-\r\n550 b");
	n = smtpcode_reply_rejoin(550, "Requested action not taken:\nmailbox unavailable", 48, buf,
				  sizeof buf);
	assert_int_equal(smtpcode_parse_reply(buf, (size_t)n, &r), SMTPCODE_OK);
	smtpcode_reply_text(buf, (size_t)n, &r, whole, sizeof whole);
	assert_string_equal(whole, "Requested action not taken: mailbox unavailable");
	/* a line that kept the reply's code keeps one; another number is text */
	smtpcode_reply_rejoin(550, "550-5.1.1 a\n550 5.1.1 b", 23, buf, sizeof buf);
	assert_string_equal(buf, "550-5.1.1 a\r\n550 5.1.1 b");
	smtpcode_reply_rejoin(550, "421 later", 9, buf, sizeof buf);
	assert_string_equal(buf, "550 421 later");
	smtpcode_reply_rejoin(550, "550", 3, buf, sizeof buf);
	assert_string_equal(buf, "550");
	smtpcode_reply_rejoin(550, "5500 x", 6, buf, sizeof buf);
	assert_string_equal(buf, "550 5500 x");
	/* bytes are copied as they are: NUL and 8-bit too */
	assert_int_equal(smtpcode_reply_rejoin(554, "x\0\xff", 3, buf, sizeof buf), 7);
	assert_memory_equal(buf, "554 x\0\xff", 8);
	/* code 0: the first line's own */
	n = smtpcode_reply_rejoin(0, "421 4.7.0 Try again later\nclosing", 33, buf, sizeof buf);
	assert_string_equal(buf, "421-4.7.0 Try again later\r\n421 closing");
	assert_int_equal(n, (int)strlen(buf));
	smtpcode_reply_rejoin(0, "250-a\n250 b", 11, buf, sizeof buf);
	assert_string_equal(buf, "250-a\r\n250 b");
	smtpcode_reply_rejoin(0, "221", 3, buf, sizeof buf);
	assert_string_equal(buf, "221");
	smtpcode_reply_rejoin(0, "554\r\nx", 6, buf, sizeof buf);
	assert_string_equal(buf, "554-\r\n554 x");
	assert_int_equal(smtpcode_reply_rejoin(0, "4210 x", 6, buf, sizeof buf), SMTPCODE_ESYNTAX);
	assert_int_equal(smtpcode_reply_rejoin(0, "42 x", 4, buf, sizeof buf), SMTPCODE_ESYNTAX);
	assert_int_equal(smtpcode_reply_rejoin(0, "4a1 x", 5, buf, sizeof buf), SMTPCODE_ESYNTAX);
	assert_int_equal(smtpcode_reply_rejoin(0, "x21 x", 5, buf, sizeof buf), SMTPCODE_ESYNTAX);
	assert_int_equal(smtpcode_reply_rejoin(0, "4x1 x", 5, buf, sizeof buf), SMTPCODE_ESYNTAX);
	assert_int_equal(smtpcode_reply_rejoin(0, "42x x", 5, buf, sizeof buf), SMTPCODE_ESYNTAX);
	assert_int_equal(smtpcode_reply_rejoin(0, "Error connecting", 16, buf, sizeof buf),
			 SMTPCODE_ESYNTAX);
	assert_int_equal(smtpcode_reply_rejoin(0, "", 0, buf, sizeof buf), SMTPCODE_ESYNTAX);
	assert_int_equal(smtpcode_reply_rejoin(0, "135 x", 5, buf, sizeof buf), SMTPCODE_ECLASS);
	/* codes no reply has */
	assert_int_equal(smtpcode_reply_rejoin(-1, "x", 1, buf, sizeof buf), SMTPCODE_ESYNTAX);
	assert_int_equal(smtpcode_reply_rejoin(99, "x", 1, buf, sizeof buf), SMTPCODE_ESYNTAX);
	assert_int_equal(smtpcode_reply_rejoin(1000, "x", 1, buf, sizeof buf), SMTPCODE_ESYNTAX);
	assert_int_equal(smtpcode_reply_rejoin(135, "x", 1, buf, sizeof buf), SMTPCODE_ECLASS);
	assert_int_equal(smtpcode_reply_rejoin(650, "x", 1, buf, sizeof buf), SMTPCODE_ECLASS);
	/* NULL */
	assert_int_equal(smtpcode_reply_rejoin(550, NULL, 1, buf, sizeof buf), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_reply_rejoin(550, "x", 1, NULL, 1), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_reply_rejoin(550, "x", 1, NULL, 0), 5);
}

static void test_reply_text_contract(void **state)
{
	struct smtpcode_reply r = { .size = sizeof r };
	static const char text[] = "550-5.1.1 The email account\n550-5.1.1 does not exist.\n550 5.1.1 Bye";
	char buf[128];
	int n;

	(void)state;
	assert_int_equal(smtpcode_parse_reply(text, sizeof text - 1, &r), SMTPCODE_OK);
	assert_int_equal(r.lines, 3);
	n = smtpcode_reply_text(text, sizeof text - 1, &r, buf, sizeof buf);
	assert_string_equal(buf, "The email account does not exist. Bye");
	assert_int_equal(n, (int)strlen(buf));
	/* snprintf-style: the full length, whatever fits, NUL-terminated */
	assert_int_equal(smtpcode_reply_text(text, sizeof text - 1, &r, NULL, 0), n);
	assert_int_equal(smtpcode_reply_text(text, sizeof text - 1, &r, buf, 4), n);
	assert_string_equal(buf, "The");
	assert_int_equal(smtpcode_reply_text(text, sizeof text - 1, &r, buf, 1), n);
	assert_string_equal(buf, "");
	assert_int_equal(smtpcode_reply_text(NULL, 3, &r, buf, sizeof buf), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_reply_text(text, 3, NULL, buf, sizeof buf), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_reply_text(text, 3, &r, NULL, 5), SMTPCODE_ENULL);
	/* a struct of the first published size has the first line only */
	r.size = offsetof(struct smtpcode_reply, warnings) + sizeof r.warnings;
	assert_int_equal(smtpcode_parse_reply(text, sizeof text - 1, &r), SMTPCODE_OK);
	smtpcode_reply_text(text, sizeof text - 1, &r, buf, sizeof buf);
	assert_string_equal(buf, "The email account");
	r.size = 3;
	assert_int_equal(smtpcode_reply_text(text, sizeof text - 1, &r, buf, sizeof buf), SMTPCODE_ESIZE);
}

static void test_reply_huge_inputs(void **state)
{
	/* every byte that could start something the reader looks for, a megabyte of it */
	static const char *const patterns[] = {
		"1234567890", "5", "5.", "#", "<<<", "said: ", ": ", "(in reply to ", " ",
		"\n", "550-", "after ", ")", "'", "550 5.1.1 ", "(550, b'", "]: ", "said:_550_",
		"\"reason\": ", "x #SMTP#", "Exception: ", "[550 5.7.1 "
	};
	const size_t mb = 1024 * 1024;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof patterns / sizeof patterns[0]; i++) {
		struct smtpcode_reply r = { .size = sizeof r };
		char *s = repeated(patterns[i], mb);

		(void)smtpcode_parse_reply(s, mb, &r);
		assert_true(r.text_offset <= mb && r.text_length <= mb - r.text_offset);
		free(s);
	}
}

static void test_reply_huge_inputs_find_codes(void **state)
{
	static const char tail[] = " said: 550 5.1.1 User unknown (in reply to RCPT TO command)";
	const size_t mb = 1024 * 1024, kb100 = 100 * 1024;
	struct smtpcode_reply r = { .size = sizeof r };
	char *s = repeated("a", mb + sizeof tail);

	(void)state;
	/* a 1 MB line with the reply at its very end */
	memcpy(s + mb, tail, sizeof tail - 1);
	assert_int_equal(smtpcode_parse_reply(s, mb + sizeof tail - 1, &r), SMTPCODE_OK);
	assert_int_equal(r.basic, 550);
	assert_string_equal(r.enhanced, "5.1.1");
	assert_int_equal(r.stage, SMTPCODE_STAGE_RCPT);
	free(s);
	/* digits everywhere, no newline */
	s = repeated("1234567890", mb);
	assert_int_equal(smtpcode_parse_reply(s, mb, &r), SMTPCODE_ENOTFOUND);
	free(s);
	/* a line of 100 kB of '5' */
	s = repeated("5", kb100);
	assert_int_equal(smtpcode_parse_reply(s, kb100, &r), SMTPCODE_ENOTFOUND);
	assert_int_equal(r.warnings, SMTPCODE_WARN_NO_CODE);
	free(s);
	/* a long multi-line reply */
	s = repeated("550-5.1.1 x\n", mb);
	assert_int_equal(smtpcode_parse_reply(s, mb, &r), SMTPCODE_OK);
	assert_int_equal(r.basic, 550);
	assert_int_equal(r.warnings & SMTPCODE_WARN_INCONSISTENT, 0);
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reply_cases),
		cmocka_unit_test(test_reply_warning_texts),
		cmocka_unit_test(test_reply_stage_names),
		cmocka_unit_test(test_reply_explain_truncation),
		cmocka_unit_test(test_reply_explain_errors),
		cmocka_unit_test(test_reply_null_and_empty),
		cmocka_unit_test(test_reply_struct_sizes),
		cmocka_unit_test(test_reply_walk),
		cmocka_unit_test(test_reply_next_contract),
		cmocka_unit_test(test_reply_text_contract),
		cmocka_unit_test(test_reply_rejoin),
		cmocka_unit_test(test_reply_huge_inputs),
		cmocka_unit_test(test_reply_huge_inputs_find_codes),
	};

	return cmocka_run_group_tests_name("reply", tests, NULL, NULL);
}
