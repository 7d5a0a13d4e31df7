/* test_display.c -- server text shown to a person: the sanitiser and terminal widths, every
 * case of tests/data/display.tsv, then what no table holds (buffers, NULL, fitting). */
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

/* Whether n bytes are valid UTF-8 with no C0 but space, no DEL, C1, bidi control, line
 * separator or BOM: what every shown text must be. */
static int is_safe(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned long cp;
		size_t k, len = s[i] < 0x80 ? 1 : s[i] >= 0xf0 ? 4 : s[i] >= 0xe0 ? 3 : 2;

		if ((s[i] >= 0x80 && s[i] < 0xc2) || s[i] > 0xf4 || i + len > n)
			return 0;
		cp = len == 1 ? s[i] : s[i] & (0x7fu >> len);
		for (k = 1; k < len; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + k] & 0x3fu);
		}
		if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x061c || cp == 0x200e ||
		    cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
		    cp == 0x2028 || cp == 0x2029 || cp == 0xfeff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		i += len;
	}
	return 1;
}

static void test_display_cases(void **state)
{
	struct tsv t;
	size_t i, failures = 0;

	(void)state;
	if (tsv_load("tests/data/display.tsv", &t) != 0)
		fail_msg("tests/data/display.tsv cannot be read (run from the top of the tree)");
	for (i = 0; i < t.nrows; i++) {
		const struct tsv_field *text = tsv_get(&t, i, tsv_column(&t, "text"));
		const struct tsv_field *want = tsv_get(&t, i, tsv_column(&t, "sanitized"));
		const struct tsv_field *cols = tsv_get(&t, i, tsv_column(&t, "columns"));
		char buf[512];
		int n = smtpcode_sanitize(text->s, text->len, buf, sizeof buf);
		size_t columns = smtpcode_text_columns(buf, (size_t)n);

		if (n < 0 || (size_t)n != want->len || memcmp(buf, want->s, want->len) != 0 ||
		    !is_safe((const unsigned char *)buf, (size_t)n) ||
		    columns != (size_t)strtoul(cols->s, NULL, 10)) {
			print_error("tests/data/display.tsv:%d: shown as '%s' (%d bytes, %zu columns)\n",
				    t.lines[i], buf, n, columns);
			failures++;
		}
	}
	print_message("display cases: %zu rows\n", t.nrows);
	assert_true(t.nrows >= 20);
	tsv_free(&t);
	if (failures > 0)
		fail_msg("%zu rows differ", failures);
}

/* Every byte value, alone and after a lead byte: the output is always safe. */
static void test_display_every_byte(void **state)
{
	unsigned char in[4], out[64];
	unsigned a, b;

	(void)state;
	for (a = 0; a < 256; a++) {
		for (b = 0; b < 256; b += 17) {
			int n;

			in[0] = (unsigned char)a;
			in[1] = (unsigned char)b;
			in[2] = 0x80;
			n = smtpcode_sanitize((const char *)in, 3, (char *)out, sizeof out);
			assert_true(n > 0 && (size_t)n < sizeof out);
			assert_true(is_safe(out, (size_t)n));
		}
	}
}

static void test_display_buffers(void **state)
{
	char buf[64];

	(void)state;
	assert_int_equal(smtpcode_sanitize("a\x01", 2, NULL, 0), 9);
	memset(buf, 'Z', sizeof buf);
	assert_int_equal(smtpcode_sanitize("a\x01", 2, buf, 4), 9);
	assert_string_equal(buf, "a<U");
	assert_int_equal(buf[4], 'Z');
	assert_int_equal(smtpcode_sanitize(NULL, 0, buf, sizeof buf), 0);
	assert_string_equal(buf, "");
	assert_int_equal(smtpcode_sanitize(NULL, 3, buf, sizeof buf), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_sanitize("abc", 3, NULL, 5), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_text_columns(NULL, 5), 0);
	assert_string_equal(smtpcode_unicode_version(), "15.0.0");
}

static void test_display_fit(void **state)
{
	static const char cjk[] = "\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad"; /* 3 wide characters */
	static const char mark[] = "ae\xcc\x81" "b";                     /* e and a combining accent */
	size_t used;

	(void)state;
	assert_int_equal(smtpcode_text_fit(cjk, 9, 4, &used), 6);
	assert_int_equal(used, 4);
	assert_int_equal(smtpcode_text_fit(cjk, 9, 3, &used), 3); /* never half a character */
	assert_int_equal(used, 2);
	assert_int_equal(smtpcode_text_fit(cjk, 9, 1, &used), 3); /* one, even if too wide */
	assert_int_equal(used, 2);
	assert_int_equal(smtpcode_text_fit(mark, 5, 2, &used), 4); /* the mark stays */
	assert_int_equal(used, 2);
	assert_int_equal(smtpcode_text_fit("", 0, 5, &used), 0);
	assert_int_equal(used, 0);
	assert_int_equal(smtpcode_text_fit(NULL, 3, 5, NULL), 0);
	assert_int_equal(smtpcode_char_columns(0x4e2d), 2);
	assert_int_equal(smtpcode_char_columns(0x0301), 0);
	assert_int_equal(smtpcode_char_columns('a'), 1);
	assert_int_equal(smtpcode_char_columns(0x1b), 0);
}

/* The JSON writers escape what the sanitiser hides, and keep the rest as it is. */
static void test_display_json_escapes_the_same(void **state)
{
	static const char reply[] = "550 5.1.1 A\xc2\x9b" "2J \xe2\x80\xae" "x \xe2\x80\xa8y "
				    "\xef\xbb\xbf" "z caf\xc3\xa9";
	char json[16384];

	(void)state;
	assert_true(smtpcode_json_explain(reply, sizeof reply - 1, 0, json, sizeof json) > 0);
	assert_non_null(strstr(json, "\"text\": \"A\\u009b2J \\u202ex \\u2028y \\ufeffz caf\xc3\xa9\""));
	assert_true(is_safe((const unsigned char *)json, strlen(json) - 0) ||
		    strchr(json, '\n') != NULL); /* JSON's own newlines aside */
	assert_null(strstr(json, "\xc2\x9b"));
	assert_null(strstr(json, "\xe2\x80\xae"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_display_cases),
		cmocka_unit_test(test_display_every_byte),
		cmocka_unit_test(test_display_buffers),
		cmocka_unit_test(test_display_fit),
		cmocka_unit_test(test_display_json_escapes_the_same),
	};

	return cmocka_run_group_tests_name("display", tests, NULL, NULL);
}
