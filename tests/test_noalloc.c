/* test_noalloc.c -- lookups, comparisons, reply parsing, explanations and JSON never touch
 * the heap. mk/bench.mk links this program with -Wl,--wrap=malloc (calloc, realloc, free,
 * strdup, ...), so every such call from the test and from libsmtpcode.a goes through the
 * counters below; without that link it does not link at all. Calls made inside the C library
 * itself (say, by vsnprintf) are not seen. */
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


static unsigned long allocations; /* heap calls since the last reset */

void *__real_malloc(size_t size);
void *__real_calloc(size_t count, size_t size);
void *__real_realloc(void *p, size_t size);
void __real_free(void *p);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
void *__real_aligned_alloc(size_t alignment, size_t size);
int __real_posix_memalign(void **p, size_t alignment, size_t size);

void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t count, size_t size);
void *__wrap_realloc(void *p, size_t size);
void __wrap_free(void *p);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);
void *__wrap_aligned_alloc(size_t alignment, size_t size);
int __wrap_posix_memalign(void **p, size_t alignment, size_t size);

void *__wrap_malloc(size_t size)
{
	allocations++;
	return __real_malloc(size);
}

void *__wrap_calloc(size_t count, size_t size)
{
	allocations++;
	return __real_calloc(count, size);
}

void *__wrap_realloc(void *p, size_t size)
{
	allocations++;
	return __real_realloc(p, size);
}

void __wrap_free(void *p)
{
	allocations++;
	__real_free(p);
}

char *__wrap_strdup(const char *s)
{
	allocations++;
	return __real_strdup(s);
}

char *__wrap_strndup(const char *s, size_t n)
{
	allocations++;
	return __real_strndup(s, n);
}

void *__wrap_aligned_alloc(size_t alignment, size_t size)
{
	allocations++;
	return __real_aligned_alloc(alignment, size);
}

int __wrap_posix_memalign(void **p, size_t alignment, size_t size)
{
	allocations++;
	return __real_posix_memalign(p, alignment, size);
}

/* Fails the calling test unless a malloc and a free made here are both counted: the wrap
 * must be in the link, and nothing (a sanitizer's interceptor, say) may route around it. */
static void require_counting(void)
{
	void *(*volatile alloc)(size_t) = malloc; /* through a pointer: not optimised away */
	void (*volatile release)(void *) = free;
	unsigned long before = allocations;

	release(alloc(16));
	if (allocations - before != 2)
		fail_msg("the allocation counter saw %lu of 2 calls: the program must be linked "
			 "with -Wl,--wrap=malloc and the others (mk/bench.mk)",
			 allocations - before);
}

static const char *const malformed[] = {
	"", "5", "55", "5555", "abc", "5.7", "5.7.", "5.7.8.", "5..8", "1.2.3", "6.7.8", "135",
	"099", "5.7.8 ", " 535", "5,7,8", "5.1234.5", "5.XXX.7", "X.XXX.XXX", "toolong.code.1",
	"\x01\x02\x03", "\xc3\xa9", "55a", "x.x.x", "5.7.8\t", "999", "5.999.999",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Fails the test, saying what allocated, when the counter moved since `before`. */
static void assert_no_heap_calls(unsigned long before, const char *what)
{
	if (allocations != before)
		print_message("%lu heap calls during %s\n", allocations - before, what);
	assert_int_equal(allocations - before, 0);
}

static void test_noalloc_counter_sees_allocations(void **state)
{
	(void)state;
	require_counting();
}

static void test_noalloc_lookup_every_entry(void **state)
{
	size_t i, n = smtpcode_entry_count(), found = 0;
	unsigned long before;

	(void)state;
	require_counting();
	before = allocations;
	for (i = 0; i < n; i++) {
		const struct smtpcode_entry *e = smtpcode_entry_at(i);
		char key[16];
		int err;

		found += smtpcode_lookup(e->code) == e;
		found += smtpcode_lookup_err(e->code, &err) == e;
		if (e->kind == SMTPCODE_ENHANCED && e->reply_class == 0 && e->subject >= 0) {
			/* "5.7.8" finds "X.7.8" on a second probe */
			memcpy(key, e->code, strlen(e->code) + 1);
			key[0] = '5';
			found += smtpcode_lookup(key) != NULL;
			key[0] = 'x';
			found += smtpcode_lookup(key) != NULL;
		}
	}
	assert_no_heap_calls(before, "smtpcode_lookup of every entry");
	assert_true(found >= 2 * n);
}

static void test_noalloc_lookup_malformed_and_unknown(void **state)
{
	size_t i;
	int err;
	unsigned long before;
	const struct smtpcode_entry *any = NULL;

	(void)state;
	require_counting();
	before = allocations;
	for (i = 0; i < COUNT(malformed); i++) {
		any = smtpcode_lookup(malformed[i]) != NULL ? smtpcode_entry_at(0) : any;
		(void)smtpcode_lookup_err(malformed[i], &err);
		(void)smtpcode_parse_code(malformed[i], NULL);
	}
	any = smtpcode_lookup(NULL) != NULL ? smtpcode_entry_at(0) : any;
	(void)smtpcode_lookup_err(NULL, &err);
	assert_no_heap_calls(before, "smtpcode_lookup of malformed codes");
	assert_null(any);
}

static void test_noalloc_compare(void **state)
{
	struct smtpcode_comparison out = { .size = sizeof out };
	size_t i, n = smtpcode_entry_count();
	int ok = 0;
	unsigned long before;

	(void)state;
	require_counting();
	before = allocations;
	for (i = 0; i < n; i++) {
		const char *a = smtpcode_entry_at(i)->code, *b = smtpcode_entry_at((i + 7) % n)->code;

		ok += smtpcode_compare(a, b, &out) == SMTPCODE_OK;
		ok += smtpcode_compare(a, a, &out) == SMTPCODE_OK;
	}
	ok += smtpcode_compare("535", "5.7.8", &out) == SMTPCODE_OK;
	ok += smtpcode_compare("550", "4.2.2", &out) == SMTPCODE_OK;
	(void)smtpcode_compare("535", "nonsense", &out);
	(void)smtpcode_compare("", "599", &out);
	assert_no_heap_calls(before, "smtpcode_compare");
	assert_int_equal(ok, (int)(2 * n + 2));
}

/* Every reply of the case tables, loaded before any counting. */
#define MAX_FILES 64
static struct tsv tables[MAX_FILES];
static int ntables;

static int load_replies(void **state)
{
	static char names[MAX_FILES][512];
	int i;

	(void)state;
	ntables = tsv_list("tests/data/replies", names, MAX_FILES);
	for (i = 0; i < ntables; i++)
		if (tsv_load(names[i], &tables[i]) != 0)
			return -1;
	return ntables > 0 ? 0 : -1;
}

static int free_replies(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < ntables; i++)
		tsv_free(&tables[i]);
	return 0;
}

/* Calls f on the text of every row, whole and cut in half; returns how many f counted. */
static size_t each_reply(size_t (*f)(const char *text, size_t n))
{
	size_t done = 0, i;
	int t;

	for (t = 0; t < ntables; t++) {
		for (i = 0; i < tables[t].nrows; i++) {
			const struct tsv_field *text = tsv_get(&tables[t], i,
							       tsv_column(&tables[t], "text"));

			done += f(text->s, text->len);
			(void)f(text->s, text->len / 2);
		}
	}
	return done;
}

static size_t parse(const char *text, size_t n)
{
	struct smtpcode_reply out = { .size = sizeof out };
	const struct smtpcode_entry *basic, *enhanced;
	enum smtpcode_note note;

	(void)smtpcode_reply_entries(&out, &basic, &enhanced, &note);
	return smtpcode_parse_reply(text, n, &out) == SMTPCODE_OK;
}

static size_t explain(const char *text, size_t n)
{
	char buf[512], tiny[8];

	(void)smtpcode_explain_reply(text, n, tiny, sizeof tiny);
	return smtpcode_explain_reply(text, n, buf, sizeof buf) > 0;
}

/* Every reply text as a client library's split text under a 550, rebuilt. */
static size_t rejoin(const char *text, size_t n)
{
	static char buf[1 << 16];

	return smtpcode_reply_rejoin(550, text, n, buf, sizeof buf) > 0;
}

static size_t explain_json(const char *text, size_t n)
{
	static char buf[1 << 16];

	return smtpcode_json_explain(text, n, 2, buf, sizeof buf) > 0;
}

static void test_noalloc_parse_reply(void **state)
{
	unsigned long before;
	size_t found;

	(void)state;
	require_counting();
	before = allocations;
	found = each_reply(parse);
	assert_no_heap_calls(before, "smtpcode_parse_reply");
	assert_true(found > 500);
	before = allocations;
	found = each_reply(rejoin);
	assert_no_heap_calls(before, "smtpcode_reply_rejoin");
	assert_true(found > 500);
}

/* A log scan in a block made before the count starts: feeding lines in pieces, the tally,
 * the rows and the JSON make no heap call. */
static void test_noalloc_scan(void **state)
{
	static char block[6 << 20];
	static char json[1 << 16];
	static const char log[] =
		"2026-12-01T10:00:00 mx postfix/smtp[1]: 4A1: to=<a@example.net>, relay=mx.example.net[192.0.2.1]:25, dsn=5.1.1, status=bounced (host mx.example.net[192.0.2.1] said: 550 5.1.1 <a@example.net>: User unknown (in reply to RCPT TO command))\n"
		"2026-12-01T10:00:01 mx postfix/smtp[1]: 4A2: to=<g@example.com>, relay=gmail-smtp-in.l.google.com[192.0.2.9]:25, dsn=4.7.28, status=deferred (host gmail-smtp-in.l.google.com[192.0.2.9] said: 421-4.7.28 Gmail has detected an unusual rate of unsolicited mail. x1 - gsmtp (in reply to end of DATA command))\n"
		"2026-12-02 07:42:16 1xYeym-00018z-23 ** jane@example.com R=r T=t H=mx.example.org [192.0.2.3]: SMTP error from remote mail server after end of data: 550 5.7.1 spam\n"
		"no reply here";
	struct smtpcode_scan_options o = { .size = sizeof o, .since = -1, .until = -1, .code = "5xx" };
	struct smtpcode_scan_row r = { .size = sizeof r };
	struct smtpcode_scan *s;
	unsigned long before;

	(void)state;
	assert_true(smtpcode_scan_size() <= sizeof block);
	require_counting();
	before = allocations;
	assert_int_equal(smtpcode_scan_init(block, sizeof block, NULL, &s), SMTPCODE_OK);
	smtpcode_scan_begin(s, 2026, 12);
	for (size_t i = 0; i < sizeof log - 1; i += 7)
		smtpcode_scan_feed(s, log + i, sizeof log - 1 - i < 7 ? sizeof log - 1 - i : 7, NULL, NULL);
	smtpcode_scan_end(s, NULL, NULL);
	assert_int_equal(smtpcode_scan_rank(s), 3);
	assert_int_equal(smtpcode_scan_row(s, 0, &r), SMTPCODE_OK);
	assert_true(smtpcode_json_scan(s, NULL, 0, 0, json, sizeof json) > 0);
	assert_int_equal(smtpcode_scan_init(block, sizeof block, &o, &s), SMTPCODE_OK);
	smtpcode_scan_feed(s, log, sizeof log - 1, NULL, NULL);
	assert_no_heap_calls(before, "a log scan");
}

static void test_noalloc_explain_reply(void **state)
{
	unsigned long before;
	size_t written;

	(void)state;
	require_counting();
	before = allocations;
	written = each_reply(explain) + each_reply(explain_json);
	assert_no_heap_calls(before, "smtpcode_explain_reply and smtpcode_json_explain");
	assert_true(written > 1000);
}

/* The other calls a binding or the command makes, over every entry. */
static void test_noalloc_entries_and_texts(void **state)
{
	static char json[1 << 16];
	char buf[1024];
	struct smtpcode_filter f = { .size = sizeof f };
	size_t i, n = smtpcode_entry_count(), sum = 0;
	unsigned long before;

	(void)state;
	require_counting();
	before = allocations;
	for (i = 0; i < n; i++) {
		const struct smtpcode_entry *e = smtpcode_entry_at(i);

		sum += smtpcode_json_entry(e->code, 0, json, sizeof json) > 0;
		sum += smtpcode_json_compare(e->code, smtpcode_entry_at((i + 3) % n)->code, 0,
					     json, sizeof json) > 0;
		sum += smtpcode_field(e->code, "title") != NULL;
		sum += smtpcode_field_at(e->code, "references", 0) != NULL;
		(void)smtpcode_field_int(e->code, "class");
		(void)smtpcode_format_code(e, 5, buf, sizeof buf);
		(void)smtpcode_class_label(e->kind, e->reply_class, 1, buf, sizeof buf);
		(void)smtpcode_advice(e, 5, buf, sizeof buf);
		(void)smtpcode_join(e, SMTPCODE_LABEL_REFERENCES, buf, sizeof buf);
		(void)smtpcode_operand_kind(e->code);
		sum += smtpcode_filter_parse("5.7", &f) == SMTPCODE_OK &&
		       smtpcode_filter_matches(&f, e) >= 0;
	}
	(void)smtpcode_operand_kind("550 5.1.1 User unknown");
	assert_no_heap_calls(before, "the entry calls");
	assert_int_equal(sum, 5 * n);
}

/* The provider calls: every entry's sample matched with and without its provider named,
 * markers, uses and the provider JSON. */
static void test_noalloc_providers(void **state)
{
	static char json[1 << 16];
	const struct smtpcode_provider_entry *u[64];
	unsigned long before;
	size_t i, k, sum = 0;

	(void)state;
	require_counting();
	before = allocations;
	for (i = 0; i < smtpcode_provider_count(); i++) {
		const struct smtpcode_provider *p = smtpcode_provider_at(i);
		struct smtpcode_hints h = { .size = sizeof h, .provider = p->id,
					    .remote_host = "mx.example.org",
					    .recipient_domain = "example.org" };

		sum += smtpcode_json_provider(p, 0, json, sizeof json) > 0;
		for (k = 0; k < p->entry_count; k++) {
			const struct smtpcode_provider_entry *e = smtpcode_provider_entry_at(p, k);
			struct smtpcode_reply r = { .size = sizeof r };
			struct smtpcode_provider_match m = { .size = sizeof m };
			size_t n = strlen(e->sample);

			(void)smtpcode_parse_reply(e->sample, n, &r);
			sum += smtpcode_match_provider(e->sample, n, &r, &h, &m) == SMTPCODE_OK;
			sum += smtpcode_match_provider(e->sample, n, &r, NULL, &m) == SMTPCODE_OK;
			sum += smtpcode_provider_text(&m, json, sizeof json) > 0;
			sum += smtpcode_explain_reply_hints(e->sample, n, &h, json, sizeof json) > 0;
			sum += smtpcode_json_explain_hints(e->sample, n, &h, 2, json, sizeof json) > 0;
			sum += smtpcode_json_provider_entry(e, 2, json, sizeof json) > 0;
			if (e->marker_count > 0)
				sum += smtpcode_marker_find(e->markers[0]) == e;
			if (e->codes != NULL)
				sum += smtpcode_provider_uses(e->codes, u, 64) > 0;
		}
	}
	/* two replies side by side: every sample against the next */
	for (i = 0; i + 1 < smtpcode_provider_count(); i++) {
		const struct smtpcode_provider_entry *a = smtpcode_provider_entry_at(smtpcode_provider_at(i), 0);
		const struct smtpcode_provider_entry *b = smtpcode_provider_entry_at(smtpcode_provider_at(i + 1), 0);
		size_t la = strlen(a->sample), lb = strlen(b->sample);

		for (k = 0; smtpcode_reply_difference(a->sample, la, b->sample, lb, NULL, k, json,
						      sizeof json) > 0;
		     k++)
			sum++;
		sum += smtpcode_json_compare_replies(a->sample, la, b->sample, lb, NULL, 2, json,
						     sizeof json) > 0;
		sum += smtpcode_reply_pair_note(a->sample, la, b->sample, lb) != NULL;
	}
	assert_no_heap_calls(before, "the provider calls");
	assert_true(sum > 2000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_noalloc_counter_sees_allocations),
		cmocka_unit_test(test_noalloc_lookup_every_entry),
		cmocka_unit_test(test_noalloc_lookup_malformed_and_unknown),
		cmocka_unit_test(test_noalloc_compare),
		cmocka_unit_test(test_noalloc_parse_reply),
		cmocka_unit_test(test_noalloc_explain_reply),
		cmocka_unit_test(test_noalloc_scan),
		cmocka_unit_test(test_noalloc_entries_and_texts),
		cmocka_unit_test(test_noalloc_providers),
	};

	return cmocka_run_group_tests_name("noalloc", tests, load_replies, free_replies);
}
