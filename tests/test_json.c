/* test_json.c -- the JSON the library writes: escaping, NULL, buffers, and that every object
 * the command prints comes from these calls. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smtpcode.h"

/* The "text" member of the explain object of "550 5.1.1 " followed by the n bytes of in. */
static void text_member(const char *in, size_t n, char *out, size_t size)
{
	char reply[512], json[65536];
	const char *start, *end;
	int len;

	assert_true(n + 10 < sizeof reply);
	memcpy(reply, "550 5.1.1 ", 10);
	memcpy(reply + 10, in, n);
	len = smtpcode_json_explain(reply, 10 + n, 0, json, sizeof json);
	assert_true(len > 0 && (size_t)len < sizeof json);
	assert_int_equal((size_t)len, strlen(json));
	start = strstr(json, "\n  \"text\": ");
	assert_non_null(start);
	start += 11;
	end = strstr(start, ",\n  \"message\"");
	assert_non_null(end);
	snprintf(out, size, "%.*s", (int)(end - start), start);
}

#define TEXT(lit, buf) text_member(lit, sizeof lit - 1, buf, sizeof buf)

static void test_json_string_escapes(void **state)
{
	char buf[512];

	(void)state;
	TEXT("a\"b\\c", buf);
	assert_string_equal(buf, "\"a\\\"b\\\\c\"");
	TEXT("tab\there nl\x01\x7f", buf);
	assert_string_equal(buf, "\"tab\\there nl\\u0001\\u007f\"");
	TEXT("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x93\xa7", buf); /* valid UTF-8 stays */
	assert_string_equal(buf, "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x93\xa7\"");
	/* invalid sequences, overlong forms, surrogates and code points past U+10FFFF */
	TEXT("x\xff\xc3(\xe0\x80\x80\xed\xa0\x80\xf4\x90\x80\x80\xc0\xafy", buf);
	assert_null(strchr(buf, '\xff'));
	assert_null(strchr(buf, '\xc0'));
	assert_non_null(strstr(buf, "\\ufffd"));
	TEXT("a\0b", buf);
	assert_string_equal(buf, "\"a\\u0000b\"");
}

static void test_json_buffers(void **state)
{
	char full[16384], buf[16384];
	int n = smtpcode_json_entry("535", 0, full, sizeof full);

	(void)state;
	assert_true(n > 100 && (size_t)n < sizeof full);
	assert_int_equal(smtpcode_json_entry("535", 0, NULL, 0), n);
	memset(buf, 'Z', sizeof buf);
	assert_int_equal(smtpcode_json_entry("535", 0, buf, 50), n);
	assert_int_equal(buf[49], '\0');
	assert_memory_equal(buf, full, 49);
	assert_int_equal(buf[50], 'Z');
	assert_int_equal(smtpcode_json_entry("535", 0, NULL, 10), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_json_entry("599", 0, buf, sizeof buf), SMTPCODE_ENOTFOUND);
	assert_int_equal(smtpcode_json_entry("abc", 0, buf, sizeof buf), SMTPCODE_ESYNTAX);
	assert_int_equal(smtpcode_json_entry(NULL, 0, buf, sizeof buf), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_json_explain(NULL, 0, 0, buf, sizeof buf), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_json_compare("535", "abc", 0, buf, sizeof buf),
			 SMTPCODE_ESYNTAX);
	/* nesting indents every line after the first */
	n = smtpcode_json_entry("535", 4, buf, sizeof buf);
	assert_true(n > 0);
	assert_non_null(strstr(buf, "\n      \"canonical\": \"535\""));
	assert_non_null(strstr(buf, "\n    }"));
}

/* An unregistered detail says so in one text, asked alone or met in a reply. */
static void test_json_note_is_one_text(void **state)
{
	char alone[16384], reply[32768];
	const char *note = smtpcode_note_text(SMTPCODE_NOTE_UNREGISTERED_DETAIL);
	static const char text[] = "550 5.7.708 Access denied";

	(void)state;
	assert_non_null(note);
	assert_true(smtpcode_json_entry("5.7.708", 0, alone, sizeof alone) > 0);
	assert_true(smtpcode_json_explain(text, sizeof text - 1, 0, reply, sizeof reply) > 0);
	assert_non_null(strstr(alone, note));
	assert_non_null(strstr(reply, note));
	assert_non_null(strstr(alone, "\"registered\": false"));
	assert_non_null(strstr(reply, "\"registered\": false"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_string_escapes),
		cmocka_unit_test(test_json_buffers),
		cmocka_unit_test(test_json_note_is_one_text),
	};

	return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
