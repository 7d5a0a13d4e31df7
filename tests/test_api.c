/* test_api.c -- what the command used to know and the library now says: tokens and texts of
 * the lists, labels, codes in a class, class and subject labels, advice, joined lists,
 * operands, filters, and the fields a binding reads by name. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smtpcode.h"

/* Every item of every list has a token (and the token functions know no other value). */
static void test_api_tokens_of_every_list(void **state)
{
	(void)state;
#define CHECK_(fn, prefix) \
	assert_non_null(fn(prefix)); \
	assert_true(strlen(fn(prefix)) > 2);
#define STATUS_(name, token, value) CHECK_(smtpcode_status_name, SMTPCODE_##name) \
	assert_string_equal(smtpcode_status_name(SMTPCODE_##name), #token);
	SMTPCODE_STATUS_LIST(STATUS_, STATUS_)
#define ACTOR_(name, token, value) CHECK_(smtpcode_actor_name, SMTPCODE_ACTOR_##name) \
	assert_string_equal(smtpcode_actor_name(SMTPCODE_ACTOR_##name), #token); \
	assert_non_null(smtpcode_actor_text(SMTPCODE_ACTOR_##name));
	SMTPCODE_ACTOR_LIST(ACTOR_, ACTOR_)
#define RETRY_(name, token, value) CHECK_(smtpcode_retry_name, SMTPCODE_RETRY_##name) \
	assert_non_null(smtpcode_retry_text(SMTPCODE_RETRY_##name));
	SMTPCODE_RETRY_LIST(RETRY_, RETRY_)
#define SCOPE_(name, token, value) \
	assert_string_equal(smtpcode_scope_name(SMTPCODE_SCOPE_##name), #token);
	SMTPCODE_SCOPE_LIST(SCOPE_, SCOPE_)
#define NEXT_(name, token, value) \
	assert_string_equal(smtpcode_next_name(SMTPCODE_NEXT_##name), #token);
	SMTPCODE_NEXT_LIST(NEXT_, NEXT_)
#define ASPECT_(name, token, value) \
	assert_string_equal(smtpcode_aspect_name(SMTPCODE_ASPECT_##name), #token);
	SMTPCODE_ASPECT_LIST(ASPECT_, ASPECT_)
	assert_null(smtpcode_status_name((enum smtpcode_status)3));
	assert_null(smtpcode_scope_name((enum smtpcode_scope)-1));
	assert_null(smtpcode_next_name((enum smtpcode_next)9));
	assert_null(smtpcode_aspect_name((enum smtpcode_aspect)99));
	assert_null(smtpcode_warning_name((enum smtpcode_warning)0));
}

/* Labels and notes: every one a text, none repeated. */
static void test_api_labels_and_notes(void **state)
{
	const char *seen[128];
	size_t n = 0, i;

	(void)state;
#define LABEL_(name, token, value) \
	{ \
		const char *t = smtpcode_label(SMTPCODE_LABEL_##name); \
		assert_non_null(t); \
		for (i = 0; i < n; i++) \
			assert_string_not_equal(seen[i], t); \
		seen[n++] = t; \
	}
	SMTPCODE_LABEL_LIST(LABEL_, LABEL_)
	assert_string_equal(smtpcode_label(SMTPCODE_LABEL_WHEN_SEEN), "When you see it");
	assert_string_equal(smtpcode_label(SMTPCODE_LABEL_KEY_DIFFERENCES), "Key differences");
	assert_null(smtpcode_label((enum smtpcode_label)-1));
	assert_null(smtpcode_note_text(SMTPCODE_NOTE_NONE));
	assert_non_null(strstr(smtpcode_note_text(SMTPCODE_NOTE_UNREGISTERED_DETAIL), "registry"));
	assert_non_null(smtpcode_note_text(SMTPCODE_NOTE_SHORT_FORM));
	assert_null(smtpcode_note_text((enum smtpcode_note)7));
	assert_null(smtpcode_status_text((enum smtpcode_status)9));
	assert_non_null(strstr(smtpcode_status_text(SMTPCODE_NONSTANDARD), "no RFC"));
}

static void test_api_classes(void **state)
{
	char buf[128];

	(void)state;
	assert_int_equal(smtpcode_class_label(SMTPCODE_BASIC, 5, 0, buf, sizeof buf), 3);
	assert_string_equal(buf, "5xx");
	smtpcode_class_label(SMTPCODE_BASIC, 5, 1, buf, sizeof buf);
	assert_string_equal(buf, "5xx Permanent Negative Completion");
	smtpcode_class_label(SMTPCODE_ENHANCED, 4, 0, buf, sizeof buf);
	assert_string_equal(buf, "4.XXX.XXX");
	smtpcode_class_label(SMTPCODE_ENHANCED, 4, 1, buf, sizeof buf);
	assert_string_equal(buf, "4.XXX.XXX Persistent Transient Failure");
	smtpcode_class_label(SMTPCODE_ENHANCED, 0, 0, buf, sizeof buf);
	assert_string_equal(buf, "X.XXX.XXX");
	smtpcode_class_label(SMTPCODE_ENHANCED, 0, 1, buf, sizeof buf);
	assert_string_equal(buf, smtpcode_label(SMTPCODE_LABEL_ANY_CLASS));
	assert_int_equal(smtpcode_class_label(SMTPCODE_BASIC, 5, 1, NULL, 0), 33);
	assert_int_equal(smtpcode_class_label(SMTPCODE_BASIC, 5, 1, NULL, 5), SMTPCODE_ENULL);
	/* the enhanced classes are named by the data's class entries */
	assert_string_equal(smtpcode_class_name(SMTPCODE_ENHANCED, 5),
			    smtpcode_lookup("5.XXX.XXX")->title);
	assert_non_null(strstr(smtpcode_class_text(4), "temporary"));
	assert_non_null(strstr(smtpcode_class_text(5), "permanent"));
	assert_non_null(smtpcode_class_text(0));
	assert_null(smtpcode_class_text(3 + 4));
	assert_int_equal(smtpcode_asked_class(smtpcode_lookup("X.7.8"), "5.7.8"), 5);
	assert_int_equal(smtpcode_asked_class(smtpcode_lookup("X.7.8"), "X.7.8"), 0);
	assert_int_equal(smtpcode_asked_class(smtpcode_lookup("535"), "535"), 5);
}

static void test_api_codes_in_a_class(void **state)
{
	const struct smtpcode_entry *x = smtpcode_lookup("X.7.8"), *s = smtpcode_lookup("X.7.XXX");
	char buf[64];

	(void)state;
	assert_int_equal(smtpcode_format_code(x, 5, buf, sizeof buf), 5);
	assert_string_equal(buf, "5.7.8");
	smtpcode_format_code(x, 0, buf, sizeof buf);
	assert_string_equal(buf, "X.7.8");
	smtpcode_format_code(s, 4, buf, sizeof buf);
	assert_string_equal(buf, "4.7.XXX");
	smtpcode_format_code(smtpcode_lookup("535"), 4, buf, sizeof buf);
	assert_string_equal(buf, "535"); /* a basic code is always itself */
	smtpcode_format_code(smtpcode_lookup("5.XXX.XXX"), 4, buf, sizeof buf);
	assert_string_equal(buf, "5.XXX.XXX");
	assert_int_equal(smtpcode_format_code(NULL, 5, buf, sizeof buf), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_format_code(x, 5, buf, 3), 5);
	assert_string_equal(buf, "5.");
	assert_int_equal(smtpcode_subject_label(x, buf, sizeof buf), 33);
	assert_string_equal(buf, "X.7.XXX Security or Policy Status");
	assert_int_equal(smtpcode_subject_label(smtpcode_lookup("535"), buf, sizeof buf),
			 SMTPCODE_ENOTFOUND);
	assert_string_equal(buf, "");
}

static void test_api_advice_and_lists(void **state)
{
	const struct smtpcode_entry *e = smtpcode_lookup("535"), *x = smtpcode_lookup("X.7.8");
	char buf[2048], first[1024];

	(void)state;
	assert_true(smtpcode_advice(e, 5, buf, sizeof buf) > 0);
	smtpcode_first_sentence(e->how_to_fix, first, sizeof first);
	assert_true(strncmp(buf, "Retry only after fixing what it names. ", 39) == 0);
	assert_string_equal(buf + 39, first);
	smtpcode_advice(x, 4, buf, sizeof buf);
	assert_true(strncmp(buf, "Retry the same thing later", 26) == 0);
	assert_int_equal(smtpcode_advice(NULL, 5, buf, sizeof buf), SMTPCODE_ENULL);
	assert_true(smtpcode_join(e, SMTPCODE_LABEL_REFERENCES, buf, sizeof buf) > 0);
	assert_true(strncmp(buf, e->references[0], strlen(e->references[0])) == 0);
	smtpcode_join(x, SMTPCODE_LABEL_BASIC_CODES, buf, sizeof buf);
	assert_string_equal(buf, "535, 554");
	smtpcode_join(smtpcode_lookup("X.7.XXX"), SMTPCODE_LABEL_BASIC_CODES, buf, sizeof buf);
	assert_string_equal(buf, smtpcode_label(SMTPCODE_LABEL_NO_BASIC_CODES));
	smtpcode_join(e, SMTPCODE_LABEL_BASIC_CODES, buf, sizeof buf);
	assert_string_equal(buf, ""); /* a basic code has none, and says nothing */
	assert_int_equal(smtpcode_join(e, SMTPCODE_LABEL_TITLE, buf, sizeof buf),
			 SMTPCODE_ENOTFOUND);
	assert_int_equal(smtpcode_join(NULL, SMTPCODE_LABEL_RELATED, buf, sizeof buf),
			 SMTPCODE_ENULL);
}

static void test_api_operands(void **state)
{
	(void)state;
	assert_int_equal(smtpcode_operand_kind("535"), SMTPCODE_OPERAND_CODE);
	assert_int_equal(smtpcode_operand_kind("5.7.8"), SMTPCODE_OPERAND_CODE);
	assert_int_equal(smtpcode_operand_kind("5.7"), SMTPCODE_OPERAND_CODE);
	assert_int_equal(smtpcode_operand_kind("5.9"), SMTPCODE_OPERAND_CODE); /* unknown */
	assert_int_equal(smtpcode_operand_kind("599"), SMTPCODE_OPERAND_CODE);
	assert_int_equal(smtpcode_operand_kind("550 5.1.1 User unknown"), SMTPCODE_OPERAND_REPLY);
	assert_int_equal(smtpcode_operand_kind("550 User unknown"), SMTPCODE_OPERAND_REPLY);
	assert_int_equal(smtpcode_operand_kind("abc"), SMTPCODE_OPERAND_MALFORMED);
	assert_int_equal(smtpcode_operand_kind("135"), SMTPCODE_OPERAND_MALFORMED);
	assert_int_equal(smtpcode_operand_kind("3.7"), SMTPCODE_OPERAND_MALFORMED);
	assert_int_equal(smtpcode_operand_kind(" 535"), SMTPCODE_OPERAND_MALFORMED);
	assert_int_equal(smtpcode_operand_kind(""), SMTPCODE_OPERAND_MALFORMED);
	assert_int_equal(smtpcode_operand_kind(NULL), SMTPCODE_OPERAND_MALFORMED);
}

static void test_api_filters(void **state)
{
	struct smtpcode_filter f = { .size = sizeof f };
	size_t i, n = smtpcode_entry_count(), matched = 0;

	(void)state;
	assert_int_equal(smtpcode_filter_parse("5.7", &f), SMTPCODE_OK);
	assert_int_equal(f.shown_class, '5');
	for (i = 0; i < n; i++) {
		const struct smtpcode_entry *e = smtpcode_entry_at(i);
		int m = smtpcode_filter_matches(&f, e);

		assert_int_equal(m, smtpcode_filter_match(e, "5.7"));
		matched += (size_t)m;
	}
	assert_true(matched > 20);
	assert_int_equal(smtpcode_filter_parse("x.7", &f), SMTPCODE_OK);
	assert_int_equal(f.shown_class, '\0');
	assert_int_equal(smtpcode_filter_parse("55x", &f), SMTPCODE_OK);
	assert_int_equal(f.category, 5);
	assert_int_equal(smtpcode_filter_parse(NULL, &f), SMTPCODE_OK);
	assert_int_equal(f.all, 1);
	assert_int_equal(smtpcode_filter_parse("6xx", &f), SMTPCODE_ESYNTAX);
	assert_int_equal(f.all, 1); /* untouched */
	assert_int_equal(smtpcode_filter_parse("5xx", NULL), SMTPCODE_ENULL);
	f.size = 4;
	assert_int_equal(smtpcode_filter_parse("5xx", &f), SMTPCODE_ESIZE);
	f.size = sizeof f;
	/* NULL on either side matches nothing, and says so without a crash */
	assert_int_equal(smtpcode_filter_matches(NULL, smtpcode_entry_at(0)), 0);
	assert_int_equal(smtpcode_filter_matches(&f, NULL), 0);
	assert_int_equal(smtpcode_filter_match(NULL, "5xx"), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_filter_match(NULL, "bogus"), SMTPCODE_ESYNTAX);
}

/* What a binding reads by name is what the entry holds. */
static void test_api_fields(void **state)
{
	const struct smtpcode_entry *e = smtpcode_lookup("X.7.8");
	size_t i;

	(void)state;
	assert_string_equal(smtpcode_field("5.7.8", "title"), e->title);
	assert_string_equal(smtpcode_field("5.7.8", "canonical"), "X.7.8");
	assert_string_equal(smtpcode_field("5.7.8", "class_name"), "Permanent Failure");
	assert_string_equal(smtpcode_field("4.7.8", "retry"), "later");
	assert_int_equal(smtpcode_field_int("5.7.8", "class"), 5);
	assert_int_equal(smtpcode_field_int("X.7.8", "class"), -1);
	assert_int_equal(smtpcode_field_int("5.7.8", "detail"), 8);
	assert_int_equal(smtpcode_field_int("535", "detail"), -1);
	assert_int_equal(smtpcode_field_int("5.7.8", "registered"), 1);
	assert_int_equal(smtpcode_field_int("5.7.708", "registered"), 0);
	assert_string_equal(smtpcode_field("5.7.708", "note"),
			    smtpcode_note_text(SMTPCODE_NOTE_UNREGISTERED_DETAIL));
	assert_null(smtpcode_field("5.7.8", "note"));
	assert_int_equal(smtpcode_field_count("5.7.8", "references"), e->reference_count);
	for (i = 0; i < e->reference_count; i++)
		assert_string_equal(smtpcode_field_at("5.7.8", "references", i), e->references[i]);
	assert_null(smtpcode_field_at("5.7.8", "references", e->reference_count));
	assert_int_equal(smtpcode_field_count("5.7.8", "basic_codes"), 2);
	assert_string_equal(smtpcode_field_at("5.7.8", "basic_codes", 1), "554");
	assert_null(smtpcode_field("599", "title"));
	assert_null(smtpcode_field("abc", "title"));
	assert_null(smtpcode_field(NULL, "title"));
	assert_null(smtpcode_field("535", NULL));
	assert_null(smtpcode_field("535", "no_such_field"));
	assert_null(smtpcode_field("535", "class")); /* a number: smtpcode_field_int */
	assert_int_equal(smtpcode_field_int("535", "title"), -1);
	assert_int_equal(smtpcode_field_count("535", "title"), 0);
	assert_null(smtpcode_field_at("535", "title", 0));
}

/* Every field of every entry, read by name, is the entry's own member. */
static void test_api_every_field_of_every_entry(void **state)
{
	size_t i, n = smtpcode_entry_count(), k;

	(void)state;
	for (i = 0; i < n; i++) {
		const struct smtpcode_entry *e = smtpcode_entry_at(i);
		const char *c = e->code;
		int cls = e->reply_class;

		assert_string_equal(smtpcode_field(c, "canonical"), e->code);
		assert_string_equal(smtpcode_field(c, "kind"),
				    e->kind == SMTPCODE_BASIC ? "basic" : "enhanced");
		assert_ptr_equal(smtpcode_field(c, "class_name"), smtpcode_class_name(e->kind, cls));
		assert_string_equal(smtpcode_field(c, "status"), smtpcode_status_name(e->status));
		assert_ptr_equal(smtpcode_field(c, "title"), e->title);
		assert_ptr_equal(smtpcode_field(c, "summary"), e->summary);
		assert_ptr_equal(smtpcode_field(c, "description"), e->description);
		assert_ptr_equal(smtpcode_field(c, "when_seen"), e->when_seen);
		assert_ptr_equal(smtpcode_field(c, "how_to_fix"), e->how_to_fix);
		assert_string_equal(smtpcode_field(c, "who_acts"), smtpcode_actor_name(e->who_acts));
		assert_string_equal(smtpcode_field(c, "retry"),
				    smtpcode_retry_name(smtpcode_retry_for(e, cls)));
		assert_string_equal(smtpcode_field(c, "scope"), smtpcode_scope_name(e->scope));
		assert_ptr_equal(smtpcode_field(c, "subject_name"), e->subject_name);
		if (e->next == SMTPCODE_NEXT_UNSPECIFIED)
			assert_null(smtpcode_field(c, "next"));
		else
			assert_string_equal(smtpcode_field(c, "next"), smtpcode_next_name(e->next));
		assert_int_equal(smtpcode_field_int(c, "kind"), e->kind);
		assert_int_equal(smtpcode_field_int(c, "class"), cls > 0 ? cls : -1);
		assert_int_equal(smtpcode_field_int(c, "status"), e->status);
		assert_int_equal(smtpcode_field_int(c, "who_acts"), e->who_acts);
		assert_int_equal(smtpcode_field_int(c, "retry"), smtpcode_retry_for(e, cls));
		assert_int_equal(smtpcode_field_int(c, "scope"), e->scope);
		assert_int_equal(smtpcode_field_int(c, "next"), e->next);
		assert_int_equal(smtpcode_field_int(c, "registered"), 1);
		assert_int_equal(smtpcode_field_int(c, "subject"),
				 e->kind == SMTPCODE_ENHANCED ? e->subject : -1);
		assert_int_equal(smtpcode_field_int(c, "detail"),
				 e->kind == SMTPCODE_ENHANCED ? e->detail : -1);
		assert_int_equal(smtpcode_field_count(c, "related"), e->related_count);
		for (k = 0; k < e->related_count; k++)
			assert_ptr_equal(smtpcode_field_at(c, "related", k), e->related[k]);
		assert_null(smtpcode_field_at(c, "related", e->related_count));
		for (k = 0; k < smtpcode_field_count(c, "stages"); k++) {
			const char *token = smtpcode_field_at(c, "stages", k);

			assert_non_null(token);
			assert_int_not_equal(strcmp(token, "unknown"), 0);
		}
		assert_null(smtpcode_field_at(c, "stages", smtpcode_field_count(c, "stages")));
		for (k = 0; k < e->basic_code_count; k++)
			assert_int_equal(atoi(smtpcode_field_at(c, "basic_codes", k)),
					 e->basic_codes[k]);
		assert_null(smtpcode_field_at(c, "basic_codes", e->basic_code_count));
		/* texts are not numbers, numbers are not texts, neither is a list */
		assert_int_equal(smtpcode_field_int(c, "title"), -1);
		assert_null(smtpcode_field(c, "detail"));
		assert_null(smtpcode_field(c, "references"));
		assert_int_equal(smtpcode_field_count(c, "class"), 0);
	}
	assert_int_equal(smtpcode_field_int("599", "class"), -1);
	assert_int_equal(smtpcode_field_count("599", "references"), 0);
	assert_null(smtpcode_field_at("599", "references", 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_api_tokens_of_every_list),
		cmocka_unit_test(test_api_labels_and_notes),
		cmocka_unit_test(test_api_classes),
		cmocka_unit_test(test_api_codes_in_a_class),
		cmocka_unit_test(test_api_advice_and_lists),
		cmocka_unit_test(test_api_operands),
		cmocka_unit_test(test_api_filters),
		cmocka_unit_test(test_api_fields),
		cmocka_unit_test(test_api_every_field_of_every_entry),
	};

	return cmocka_run_group_tests_name("api", tests, NULL, NULL);
}
