/* test_search.c -- list filters and word search over the table. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "smtpcode.h"

static int match(const char *code, const char *filter)
{
	const struct smtpcode_entry *e = smtpcode_lookup(code);

	assert_non_null(e);
	return smtpcode_filter_match(e, filter);
}

static void test_search_filters_select_members(void **state)
{
	(void)state;
	assert_int_equal(match("535", NULL), 1);
	assert_int_equal(match("535", ""), 1);
	assert_int_equal(match("535", "5xx"), 1);
	assert_int_equal(match("535", "5XX"), 1);
	assert_int_equal(match("535", "4xx"), 0);
	assert_int_equal(match("535", "53x"), 1);
	assert_int_equal(match("535", "55x"), 0);
	assert_int_equal(match("354", "3xx"), 1);
	assert_int_equal(match("535", "basic"), 1);
	assert_int_equal(match("535", "BASIC"), 1);
	assert_int_equal(match("535", "enhanced"), 0);
	assert_int_equal(match("535", "5.7"), 0);
	assert_int_equal(match("X.7.8", "enhanced"), 1);
	assert_int_equal(match("X.7.8", "basic"), 0);
	assert_int_equal(match("X.7.8", "5xx"), 0);
	assert_int_equal(match("X.7.8", "5.7"), 1);
	assert_int_equal(match("X.7.8", "4.7"), 1);
	assert_int_equal(match("X.7.8", "x.7"), 1);
	assert_int_equal(match("X.7.8", "X.7"), 1);
	assert_int_equal(match("X.7.8", "x.1"), 0);
	assert_int_equal(match("X.7.8", "5.x"), 1);
	assert_int_equal(match("X.7.8", "x.x"), 1);
	assert_int_equal(match("X.7.XXX", "5.7"), 1);
	assert_int_equal(match("5.XXX.XXX", "5.x"), 1);
	assert_int_equal(match("5.XXX.XXX", "4.x"), 0);
	assert_int_equal(match("5.XXX.XXX", "5.7"), 0);
	assert_int_equal(match("5.XXX.XXX", "x.x"), 1);
	assert_int_equal(match("X.1.10", "x.1"), 1);
}

static void test_search_filters_reject_nonsense(void **state)
{
	static const char *const bad[] = { "6xx", "1xx", "5x5", "5", "5.", "x.", "5.1234",
					   "5.7a", "3.7", "y.7", "x.7.8", "abc", "55y",
					   "a-very-long-filter-name" };
	const struct smtpcode_entry *e = smtpcode_lookup("535");
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (smtpcode_filter_match(e, bad[i]) != SMTPCODE_ESYNTAX)
			fail_msg("filter '%s' accepted", bad[i]);
}

static void test_search_words(void **state)
{
	const struct smtpcode_entry *out[8];
	const char *const none[] = { "", NULL };
	const char *const tls[] = { "starttls" };
	const char *const two[] = { "mailbox", "", "full" };
	size_t n, all, i;

	(void)state;
	assert_int_equal(smtpcode_search(NULL, 1, out, 8), 0);
	assert_int_equal(smtpcode_search(none, 0, out, 8), 0);
	assert_int_equal(smtpcode_search(none, 2, out, 8), 0); /* only empty words */
	all = smtpcode_search(tls, 1, NULL, 0); /* counting only */
	assert_true(all >= 3);
	n = smtpcode_search(tls, 1, out, 2);
	assert_int_equal(n, all); /* the count is of all matches, out holds the first 2 */
	for (i = 0; i < 2; i++)
		assert_non_null(out[i]);
	n = smtpcode_search(two, 3, out, 8);
	assert_true(n >= 2);
	assert_true(strstr(out[0]->title, "ull") != NULL); /* a title match comes first */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_search_filters_select_members),
		cmocka_unit_test(test_search_filters_reject_nonsense),
		cmocka_unit_test(test_search_words),
	};

	return cmocka_run_group_tests_name("search", tests, NULL, NULL);
}
