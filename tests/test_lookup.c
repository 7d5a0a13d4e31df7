/* test_lookup.c -- code parsing, lookup, iteration and names of libsmtpcode. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smtpcode.h"

static void test_lookup_round_trips_every_entry(void **state)
{
	size_t i, n = smtpcode_entry_count();

	(void)state;
	assert_true(n > 0);
	for (i = 0; i < n; i++) {
		const struct smtpcode_entry *e = smtpcode_entry_at(i);
		int err = 1;

		assert_non_null(e);
		assert_ptr_equal(smtpcode_lookup_err(e->code, &err), e);
		assert_int_equal(err, SMTPCODE_OK);
		assert_non_null(e->title);
		assert_true(strlen(e->title) > 0);
		assert_true(strlen(e->description) > 0);
		assert_true(strlen(e->when_seen) > 0);
		assert_true(strlen(e->how_to_fix) > 0);
		assert_true(e->reference_count > 0);
		assert_non_null(smtpcode_actor_name(e->who_acts));
		assert_non_null(smtpcode_retry_name(e->retry));
	}
	assert_null(smtpcode_entry_at(n));
	assert_null(smtpcode_entry_at((size_t)-1));
}

/* An "X.S.D" entry is what "C.S.D" finds in each class the registry uses it in. */
static void test_lookup_enhanced_in_each_class(void **state)
{
	size_t i, j, checked = 0;

	(void)state;
	for (i = 0; i < smtpcode_entry_count(); i++) {
		const struct smtpcode_entry *e = smtpcode_entry_at(i);

		if (e->kind != SMTPCODE_ENHANCED || e->reply_class != 0 || e->detail < 0)
			continue;
		for (j = 0; j < e->basic_code_count; j++) {
			char code[16];
			int cls = e->basic_codes[j] / 100;
			const struct smtpcode_entry *found;

			if (cls == 3)
				continue; /* 3xx replies carry no enhanced code */
			snprintf(code, sizeof code, "%d.%d.%d", cls, e->subject, e->detail);
			found = smtpcode_lookup(code);
			assert_non_null(found);
			assert_int_equal(found->subject, e->subject);
			assert_int_equal(found->detail, e->detail);
			checked++;
		}
	}
	assert_true(checked > 0);
}

static void test_lookup_starter_set(void **state)
{
	static const char *const codes[] = {
		"235", "250", "354", "421", "450", "451", "454", "500", "530", "535", "550",
		"552", "554", "X.7.8", "X.1.1", "X.2.2", "5.7.8", "4.7.8", "5.1.1", "4.2.2"
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		const struct smtpcode_entry *e = smtpcode_lookup(codes[i]);

		assert_non_null(e);
		if (e->kind == SMTPCODE_BASIC)
			assert_string_equal(e->code, codes[i]);
	}
	assert_string_equal(smtpcode_lookup("535")->title, smtpcode_lookup("535")->title);
	assert_int_equal(smtpcode_lookup("535")->reply_class, 5);
	assert_int_equal(smtpcode_lookup("235")->reply_class, 2);
	assert_int_equal(smtpcode_lookup("354")->reply_class, 3);
	assert_string_equal(smtpcode_lookup("5.7.8")->code, "X.7.8");
	assert_string_equal(smtpcode_lookup("5.7.8")->subject_name, "Security or Policy Status");
	assert_ptr_equal(smtpcode_lookup("x.7.8"), smtpcode_lookup("X.7.8"));
}

struct bad_input {
	const char *code;
	int err;
};

static void test_lookup_rejects_malformed(void **state)
{
	static const struct bad_input bad[] = {
		{ "", SMTPCODE_EEMPTY },
		{ "55", SMTPCODE_ESYNTAX },
		{ "5555", SMTPCODE_ESYNTAX },
		{ "5.7", SMTPCODE_ESYNTAX },
		{ "abc", SMTPCODE_ESYNTAX },
		{ " 535", SMTPCODE_ESYNTAX },
		{ "535 ", SMTPCODE_ESYNTAX },
		{ "53a", SMTPCODE_ESYNTAX },
		{ "5.7.", SMTPCODE_ESYNTAX },
		{ ".7.8", SMTPCODE_ESYNTAX },
		{ "5..8", SMTPCODE_ESYNTAX },
		{ "5.7.8.", SMTPCODE_ESYNTAX },
		{ "5.7.8.1", SMTPCODE_ESYNTAX },
		{ "5.1234.1", SMTPCODE_ESYNTAX },
		{ "5.7.1234", SMTPCODE_ESYNTAX },
		{ "5.XXX.1", SMTPCODE_ESYNTAX },
		{ "X.XXX.XXX", SMTPCODE_ESYNTAX },
		{ "Y.7.8", SMTPCODE_ESYNTAX },
		{ "-535", SMTPCODE_ESYNTAX },
		{ "135", SMTPCODE_ECLASS },
		{ "635", SMTPCODE_ECLASS },
		{ "035", SMTPCODE_ECLASS },
		{ "3.1.1", SMTPCODE_ECLASS },
		{ "1.0.0", SMTPCODE_ECLASS },
		{ "5\xc3\xa9" "35", SMTPCODE_ENOTASCII },
		{ "\xff", SMTPCODE_ENOTASCII },
		{ "53\t5", SMTPCODE_ENOTASCII },
		{ "535\n", SMTPCODE_ENOTASCII },
		{ "1234567890", SMTPCODE_ETOOLONG },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int err = 0;

		assert_null(smtpcode_lookup(bad[i].code));
		assert_null(smtpcode_lookup_err(bad[i].code, &err));
		if (err != bad[i].err)
			fail_msg("'%s': got %d, want %d", bad[i].code, err, bad[i].err);
		assert_int_equal(smtpcode_parse_code(bad[i].code, NULL), bad[i].err);
	}
	assert_null(smtpcode_lookup(NULL));
	assert_int_equal(smtpcode_parse_code(NULL, NULL), SMTPCODE_ENULL);
}

static void test_lookup_rejects_huge_input(void **state)
{
	size_t n = 100 * 1024;
	char *big = malloc(n + 1);
	int err = 0;

	(void)state;
	assert_non_null(big);
	memset(big, '5', n);
	big[n] = '\0';
	assert_null(smtpcode_lookup_err(big, &err));
	assert_int_equal(err, SMTPCODE_ETOOLONG);
	memset(big, 0xff, n);
	assert_null(smtpcode_lookup_err(big, &err));
	assert_int_equal(err, SMTPCODE_ENOTASCII);
	free(big);
}

static void test_lookup_unknown_but_well_formed(void **state)
{
	static const char *const unknown[] = { "599", "299", "5.9.9", "4.7.999", "2.5.999" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
		int err = 0;

		assert_null(smtpcode_lookup_err(unknown[i], &err));
		assert_int_equal(err, SMTPCODE_ENOTFOUND);
	}
}

static void test_lookup_resolve_falls_back_to_subject_and_class(void **state)
{
	struct smtpcode_resolution r = { .size = sizeof r };

	(void)state;
	assert_int_equal(smtpcode_resolve("5.7.8", &r), SMTPCODE_OK);
	assert_ptr_equal(r.entry, smtpcode_lookup("X.7.8"));
	assert_ptr_equal(r.subject_entry, smtpcode_lookup("X.7.XXX"));
	assert_ptr_equal(r.class_entry, smtpcode_lookup("5.XXX.XXX"));
	assert_int_equal(r.note, SMTPCODE_NOTE_NONE);
	assert_int_equal(r.reply_class, 5);
	assert_int_equal(smtpcode_resolve("5.7.708", &r), SMTPCODE_OK);
	assert_null(r.entry);
	assert_ptr_equal(r.subject_entry, smtpcode_lookup("X.7.XXX"));
	assert_ptr_equal(r.class_entry, smtpcode_lookup("5.XXX.XXX"));
	assert_int_equal(r.note, SMTPCODE_NOTE_UNREGISTERED_DETAIL);
	assert_ptr_equal(smtpcode_resolved_entry(&r), r.subject_entry);
	assert_int_equal(smtpcode_resolve("4.2", &r), SMTPCODE_OK);
	assert_ptr_equal(r.entry, smtpcode_lookup("X.2.XXX"));
	assert_ptr_equal(r.class_entry, smtpcode_lookup("4.XXX.XXX"));
	assert_int_equal(r.note, SMTPCODE_NOTE_SHORT_FORM);
	assert_ptr_equal(smtpcode_resolved_entry(&r), r.entry);
	assert_int_equal(smtpcode_resolve("X.7.999", &r), SMTPCODE_OK);
	assert_null(r.entry);
	assert_null(r.class_entry);
	assert_int_equal(smtpcode_resolve("535", &r), SMTPCODE_OK);
	assert_ptr_equal(r.entry, smtpcode_lookup("535"));
	assert_null(r.subject_entry);
	assert_int_equal(smtpcode_resolve("599", &r), SMTPCODE_ENOTFOUND);
	assert_null(r.entry);
	assert_int_equal(smtpcode_resolve("5.9.1", &r), SMTPCODE_ENOTFOUND);
	assert_int_equal(smtpcode_resolve("5.", &r), SMTPCODE_ESYNTAX);
	assert_int_equal(smtpcode_resolve("5.7.", &r), SMTPCODE_ESYNTAX);
	assert_int_equal(smtpcode_resolve("3.7", &r), SMTPCODE_ECLASS);
	assert_int_equal(smtpcode_resolve("5.1234", &r), SMTPCODE_ESYNTAX);
	assert_int_equal(smtpcode_resolve("abc", &r), SMTPCODE_ESYNTAX);
	assert_int_equal(smtpcode_resolve(NULL, &r), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_resolve("535", NULL), SMTPCODE_ENULL);
	assert_null(smtpcode_resolved_entry(NULL));
	/* a size below the first version's: nothing written, the call refused */
	memset(&r, 0x5a, sizeof r);
	r.size = sizeof r.size;
	assert_int_equal(smtpcode_resolve("535", &r), SMTPCODE_ESIZE);
	assert_int_equal(((unsigned char *)&r)[sizeof r.size], 0x5a);
	assert_int_equal(r.size, sizeof r.size);
}

static void test_lookup_basic_number(void **state)
{
	int code;

	(void)state;
	for (code = 0; code < 1000; code++) {
		char text[8];

		snprintf(text, sizeof text, "%d", code);
		assert_ptr_equal(smtpcode_lookup_basic(code),
				 code >= 100 ? smtpcode_lookup(text) : NULL);
	}
	assert_null(smtpcode_lookup_basic(-1));
	assert_null(smtpcode_lookup_basic(1 << 30));
	assert_non_null(smtpcode_lookup_basic(550));
}

static void test_lookup_parse_code_fields(void **state)
{
	struct smtpcode_code c;

	(void)state;
	assert_int_equal(smtpcode_parse_code("535", &c), SMTPCODE_OK);
	assert_int_equal(c.kind, SMTPCODE_BASIC);
	assert_int_equal(c.reply_class, 5);
	assert_int_equal(c.basic, 535);
	assert_int_equal(c.subject, -1);
	assert_int_equal(smtpcode_parse_code("4.7.650", &c), SMTPCODE_OK);
	assert_int_equal(c.kind, SMTPCODE_ENHANCED);
	assert_int_equal(c.reply_class, 4);
	assert_int_equal(c.basic, -1);
	assert_int_equal(c.subject, 7);
	assert_int_equal(c.detail, 650);
	assert_int_equal(smtpcode_parse_code("X.7.XXX", &c), SMTPCODE_OK);
	assert_int_equal(c.reply_class, 0);
	assert_int_equal(c.subject, 7);
	assert_int_equal(c.detail, -1);
	assert_int_equal(smtpcode_parse_code("5.XXX.XXX", &c), SMTPCODE_OK);
	assert_int_equal(c.reply_class, 5);
	assert_int_equal(c.subject, -1);
	/* leading zeros are allowed by RFC 3463's 1*3digit and read as numbers */
	assert_int_equal(smtpcode_parse_code("5.07.008", &c), SMTPCODE_OK);
	assert_int_equal(c.subject, 7);
	assert_int_equal(c.detail, 8);
	assert_ptr_equal(smtpcode_lookup("5.07.008"), smtpcode_lookup("5.7.8"));
}

static void test_lookup_class_names(void **state)
{
	(void)state;
	assert_string_equal(smtpcode_class_name(SMTPCODE_BASIC, 2), "Positive Completion");
	assert_string_equal(smtpcode_class_name(SMTPCODE_BASIC, 3), "Positive Intermediate");
	assert_string_equal(smtpcode_class_name(SMTPCODE_BASIC, 4),
			    "Transient Negative Completion");
	assert_string_equal(smtpcode_class_name(SMTPCODE_BASIC, 5),
			    "Permanent Negative Completion");
	assert_string_equal(smtpcode_class_name(SMTPCODE_ENHANCED, 2), "Success");
	assert_string_equal(smtpcode_class_name(SMTPCODE_ENHANCED, 4),
			    "Persistent Transient Failure");
	assert_string_equal(smtpcode_class_name(SMTPCODE_ENHANCED, 5), "Permanent Failure");
	assert_null(smtpcode_class_name(SMTPCODE_ENHANCED, 3));
	assert_null(smtpcode_class_name(SMTPCODE_BASIC, 1));
	assert_null(smtpcode_class_name(SMTPCODE_BASIC, 6));
	assert_null(smtpcode_class_name(SMTPCODE_BASIC, 0));
	assert_null(smtpcode_class_name((enum smtpcode_kind)7, 5));
}

static void test_lookup_names_and_retry(void **state)
{
	const struct smtpcode_entry *x = smtpcode_lookup("X.7.8");

	(void)state;
	assert_string_equal(smtpcode_actor_name(SMTPCODE_ACTOR_SENDER_ADMIN), "sender_admin");
	assert_string_equal(smtpcode_retry_name(SMTPCODE_RETRY_AFTER_CHANGE), "after_change");
	assert_non_null(smtpcode_actor_text(SMTPCODE_ACTOR_RECIPIENT));
	assert_non_null(smtpcode_retry_text(SMTPCODE_RETRY_NEVER));
	assert_null(smtpcode_actor_name((enum smtpcode_actor)99));
	assert_null(smtpcode_actor_text((enum smtpcode_actor)-1));
	assert_null(smtpcode_retry_name((enum smtpcode_retry)4));
	assert_null(smtpcode_retry_text((enum smtpcode_retry)-1));
	assert_int_equal(smtpcode_retry_for(x, 4), SMTPCODE_RETRY_LATER);
	assert_int_equal(smtpcode_retry_for(x, 2), SMTPCODE_RETRY_NONE);
	assert_int_equal(smtpcode_retry_for(x, 5), x->retry);
	assert_int_equal(smtpcode_retry_for(smtpcode_lookup("235"), 2), SMTPCODE_RETRY_NONE);
	assert_int_equal(smtpcode_retry_for(NULL, 5), SMTPCODE_RETRY_NONE);
}

static void test_lookup_strerror_and_version(void **state)
{
	int e;
	char version[32];

	(void)state;
	for (e = SMTPCODE_ESIZE; e <= SMTPCODE_OK; e++) {
		assert_non_null(smtpcode_strerror(e));
		assert_string_not_equal(smtpcode_strerror(e), "unknown error");
	}
	assert_string_equal(smtpcode_strerror(-99), "unknown error");
	snprintf(version, sizeof version, "%d.%d.%d", SMTPCODE_VERSION_MAJOR,
		 SMTPCODE_VERSION_MINOR, SMTPCODE_VERSION_PATCH);
	assert_string_equal(smtpcode_version(), version);
	assert_int_equal(smtpcode_abi_version(), SMTPCODE_ABI_VERSION);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookup_round_trips_every_entry),
		cmocka_unit_test(test_lookup_enhanced_in_each_class),
		cmocka_unit_test(test_lookup_starter_set),
		cmocka_unit_test(test_lookup_rejects_malformed),
		cmocka_unit_test(test_lookup_rejects_huge_input),
		cmocka_unit_test(test_lookup_unknown_but_well_formed),
		cmocka_unit_test(test_lookup_resolve_falls_back_to_subject_and_class),
		cmocka_unit_test(test_lookup_basic_number),
		cmocka_unit_test(test_lookup_parse_code_fields),
		cmocka_unit_test(test_lookup_class_names),
		cmocka_unit_test(test_lookup_names_and_retry),
		cmocka_unit_test(test_lookup_strerror_and_version),
	};

	return cmocka_run_group_tests_name("lookup", tests, NULL, NULL);
}
