/* test_noalloc.c -- lookup, compare and reply parsing never touch the heap.
 * mk/bench.mk links this program with -Wl,--wrap=malloc (calloc, realloc, free, strdup, ...),
 * so every such call from the test and from libsmtpcode.a goes through the counters below.
 * Calls made inside the C library itself (say, by vsnprintf) are not seen. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smtpcode.h"

#ifdef NOALLOC_WRAPPED

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

/* Skips the calling test unless a malloc and a free made here are both counted: the wrap must
 * be in the link, and nothing (a sanitizer's interceptor, say) may route around it. */
static void require_counting(void)
{
	void *(*volatile alloc)(size_t) = malloc; /* through a pointer: not optimised away */
	void (*volatile release)(void *) = free;
	unsigned long before = allocations;

	release(alloc(16));
	if (allocations - before != 2) {
		print_message("allocation counter saw %lu of 2 calls; cannot check\n",
			      allocations - before);
		skip();
	}
}

#else

static unsigned long allocations;

static void require_counting(void)
{
	print_message("built without -Wl,--wrap=malloc (see mk/bench.mk); cannot count\n");
	skip();
}

#endif

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
	struct smtpcode_comparison out;
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

#if defined(NOALLOC_HAVE_PARSE_REPLY) || defined(NOALLOC_HAVE_EXPLAIN_REPLY)
/* Replies as people paste them; the last ones hold no code or junk. */
static const char *const replies[] = {
	"250 2.0.0 Ok: queued as 4Xyz1234AbC\r\n",
	"550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown\r\n",
	"550-5.7.1 [203.0.113.5] Our system has detected that this message is\r\n"
	"550-5.7.1 likely unsolicited mail.\r\n"
	"550 5.7.1  https://support.google.com/mail/?p=UnsolicitedMessageError - gsmtp\r\n",
	"Status: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 <bob@example.org>... User unknown\n",
	"Nov 30 14:02:11 mx1 postfix/smtp[12345]: 4Xyz1234AbC: to=<bob@example.org>, "
	"dsn=5.1.1, status=bounced (host mx.example.org[198.51.100.7] said: 550 5.1.1 "
	"<bob@example.org>: User unknown (in reply to RCPT TO command))",
	"  bob@example.org\n"
	"    SMTP error from remote mail server after RCPT TO:<bob@example.org>:\n"
	"    550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown\n",
	"Remote Server returned '550 5.7.708 Service unavailable. Access denied.'",
	"Sorry, I couldn't find any host named example.invalid. (#5.1.2)",
	"550 4.2.2 mailbox full",
	"571 Delivery not authorized",
	"5.7.26",
	"no code here at all",
	"",
	"\xff\xfe\x00\x01 550",
};
#endif

static void test_noalloc_parse_reply(void **state)
{
	(void)state;
#ifdef NOALLOC_HAVE_PARSE_REPLY
	struct smtpcode_reply out;
	size_t i;
	unsigned long before;
	int found = 0;

	require_counting();
	before = allocations;
	for (i = 0; i < COUNT(replies); i++) {
		size_t n = strlen(replies[i]);

		found += smtpcode_parse_reply(replies[i], n, &out) == SMTPCODE_OK;
		(void)smtpcode_parse_reply(replies[i], n / 2, &out); /* cut anywhere */
	}
	(void)smtpcode_parse_reply("\xff\xfe\x00\x01 550", 8, &out); /* a NUL inside */
	assert_no_heap_calls(before, "smtpcode_parse_reply");
	assert_true(found > 0);
#else
	print_message("the library has no smtpcode_parse_reply yet\n");
	skip();
#endif
}

static void test_noalloc_explain_reply(void **state)
{
	(void)state;
#ifdef NOALLOC_HAVE_EXPLAIN_REPLY
	char buf[512], tiny[8];
	size_t i;
	unsigned long before;
	int written = 0;

	require_counting();
	before = allocations;
	for (i = 0; i < COUNT(replies); i++) {
		size_t n = strlen(replies[i]);

		written += smtpcode_explain_reply(replies[i], n, buf, sizeof buf) > 0;
		(void)smtpcode_explain_reply(replies[i], n, tiny, sizeof tiny);
	}
	assert_no_heap_calls(before, "smtpcode_explain_reply");
	assert_true(written > 0);
#else
	print_message("the library has no smtpcode_explain_reply yet\n");
	skip();
#endif
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
	};

	return cmocka_run_group_tests_name("noalloc", tests, NULL, NULL);
}
