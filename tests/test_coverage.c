/* test_coverage.c -- the table against independent lists of what each RFC and the IANA
 * registry define, and the content rules (no shared or empty advice). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "smtpcode.h"

struct rfc_codes {
	const char *rfc;
	const char *codes; /* space-separated */
};

/* The three-digit replies each document defines or uses with a meaning of its own. */
static const struct rfc_codes rfc_lists[] = {
	{ "RFC 5321", "211 214 220 221 250 251 252 354 421 450 451 452 455 500 501 502 503 504 "
		      "550 551 552 553 554 555" },
	{ "RFC 4954", "235 334 432 454 500 530 534 535 538" },
	{ "RFC 3207", "220 454 501 530 554" },
	{ "RFC 1870", "452 552 555" },
	{ "RFC 6531", "252 550 553 554" },
	{ "RFC 7504", "521 556" },
	{ "RFC 1985", "250 251 252 253 458 459 500 501" },
	{ "RFC 2645", "250 450 451 453" },
	{ "RFC 5248", "523 525" },
};

/* Numbers only the registry's "associated basic status code" column names, and codes real
 * servers send that no RFC defines: all must be marked non-standard. */
static const char nonstandard_codes[] =
	"422 426 430 431 441 442 446 447 510 511 512 513 522 524 533 540 541 542 571";

struct registry_row {
	const char *code;
	const char *basic; /* the registry's associated basic codes; "" for none/Any/5XX */
};

/* The IANA "SMTP Enhanced Status Codes" registry (2024-12-06), enumerated codes. */
static const struct registry_row registry[] = {
	{ "X.0.0", "" }, { "X.1.0", "" }, { "X.1.1", "451 550" }, { "X.1.2", "" },
	{ "X.1.3", "501" }, { "X.1.4", "" }, { "X.1.5", "250" }, { "X.1.6", "" },
	{ "X.1.7", "" }, { "X.1.8", "451 501" }, { "X.1.9", "" }, { "X.1.10", "556" },
	{ "X.2.0", "" }, { "X.2.1", "" }, { "X.2.2", "552" }, { "X.2.3", "552" },
	{ "X.2.4", "450 452" },
	{ "X.3.0", "221 250 421 451 550 554" }, { "X.3.1", "452" }, { "X.3.2", "453 521" },
	{ "X.3.3", "" }, { "X.3.4", "552 554" }, { "X.3.5", "" }, { "X.3.6", "250 251" },
	{ "X.4.0", "" }, { "X.4.1", "451" }, { "X.4.2", "421" }, { "X.4.3", "451 550" },
	{ "X.4.4", "" }, { "X.4.5", "451" }, { "X.4.6", "" }, { "X.4.7", "" },
	{ "X.5.0", "220 250 251 252 253 451 452 454 458 459 501 502 503 554" },
	{ "X.5.1", "430 500 501 503 530 550 554 555" }, { "X.5.2", "500 501 502 550 555" },
	{ "X.5.3", "451" }, { "X.5.4", "451 501 502 503 504 550 555" }, { "X.5.5", "" },
	{ "X.5.6", "500" },
	{ "X.6.0", "" }, { "X.6.1", "" }, { "X.6.2", "" }, { "X.6.3", "554" }, { "X.6.4", "250" },
	{ "X.6.5", "" }, { "X.6.6", "554" }, { "X.6.7", "553 550" }, { "X.6.8", "252 553 550" },
	{ "X.6.9", "550" }, { "X.6.10", "" },
	{ "X.7.0", "220 235 450 454 500 501 503 504 530 535 550" },
	{ "X.7.1", "451 454 502 503 533 550 551" }, { "X.7.2", "550" }, { "X.7.3", "" },
	{ "X.7.4", "504" }, { "X.7.5", "" }, { "X.7.6", "" }, { "X.7.7", "" },
	{ "X.7.8", "535 554" }, { "X.7.9", "534" }, { "X.7.10", "523" }, { "X.7.11", "524 538" },
	{ "X.7.12", "422 432" }, { "X.7.13", "525" }, { "X.7.14", "535 554" },
	{ "X.7.15", "450 550" }, { "X.7.16", "552" }, { "X.7.17", "" }, { "X.7.18", "" },
	{ "X.7.19", "" }, { "X.7.20", "550" }, { "X.7.21", "550" }, { "X.7.22", "550" },
	{ "X.7.23", "550" }, { "X.7.24", "451 550" }, { "X.7.25", "550" }, { "X.7.26", "550" },
	{ "X.7.27", "550" }, { "X.7.28", "" }, { "X.7.29", "550" }, { "X.7.30", "550" },
};

static const char *const deprecated_codes[] = { "X.6.10" };

static const char *const sub_codes[] = {
	"2.XXX.XXX", "4.XXX.XXX", "5.XXX.XXX", "X.0.XXX", "X.1.XXX", "X.2.XXX", "X.3.XXX",
	"X.4.XXX", "X.5.XXX", "X.6.XXX", "X.7.XXX"
};

/* Calls fn for each space-separated word of list. */
static void each_word(const char *list, void (*fn)(const char *word, const void *ctx),
		      const void *ctx)
{
	char word[16];

	while (*list != '\0') {
		size_t n = strcspn(list, " ");

		assert_true(n > 0 && n < sizeof word);
		memcpy(word, list, n);
		word[n] = '\0';
		fn(word, ctx);
		list += n;
		list += strspn(list, " ");
	}
}

static void expect_basic_entry(const char *code, const void *ctx)
{
	const struct smtpcode_entry *e = smtpcode_lookup(code);

	if (e == NULL)
		fail_msg("%s: %s has no entry", (const char *)ctx, code);
	assert_int_equal(e->kind, SMTPCODE_BASIC);
	assert_int_equal(e->reply_class, code[0] - '0');
}

static void test_coverage_every_rfc_reply_code(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof rfc_lists / sizeof rfc_lists[0]; i++)
		each_word(rfc_lists[i].codes, expect_basic_entry, rfc_lists[i].rfc);
}

/* An entry whose own references name the RFC shows where it comes from. */
static int cites(const struct smtpcode_entry *e, const char *rfc)
{
	size_t i, n = strlen(rfc);

	for (i = 0; i < e->reference_count; i++)
		if (strncmp(e->references[i], rfc, n) == 0 &&
		    (e->references[i][n] == '\0' || e->references[i][n] == ' '))
			return 1;
	return 0;
}

static void test_coverage_defining_rfc_is_cited(void **state)
{
	static const struct {
		const char *code, *rfc;
	} pairs[] = {
		{ "235", "RFC 4954" }, { "334", "RFC 4954" }, { "432", "RFC 4954" },
		{ "534", "RFC 4954" }, { "535", "RFC 4954" }, { "538", "RFC 4954" },
		{ "521", "RFC 7504" }, { "556", "RFC 7504" }, { "523", "RFC 5248" },
		{ "525", "RFC 5248" }, { "253", "RFC 1985" }, { "458", "RFC 1985" },
		{ "459", "RFC 1985" }, { "453", "RFC 2645" }, { "555", "RFC 5321" },
		{ "X.7.8", "RFC 4954" }, { "X.7.10", "RFC 5248" }, { "X.7.13", "RFC 5248" },
		{ "X.7.23", "RFC 7372" }, { "X.7.26", "RFC 7372" }, { "X.7.27", "RFC 7505" },
		{ "X.1.10", "RFC 7505" }, { "X.7.30", "RFC 8689" }, { "X.6.7", "RFC 6531" },
		{ "X.1.1", "RFC 3463" }, { "455", "RFC 5321" }, { "501", "RFC 1985" },
		{ "450", "RFC 2645" }, { "X.6.9", "RFC 6531" }, { "X.6.10", "RFC 5336" },
		{ "550", "RFC 7372" }, { "550", "RFC 7505" }, { "550", "RFC 8689" },
		{ "554", "RFC 6531" }, { "252", "RFC 6531" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
		if (!cites(smtpcode_lookup(pairs[i].code), pairs[i].rfc))
			fail_msg("%s does not cite %s", pairs[i].code, pairs[i].rfc);
}

static void expect_nonstandard(const char *code, const void *ctx)
{
	const struct smtpcode_entry *e = smtpcode_lookup(code);

	(void)ctx;
	if (e == NULL || e->status != SMTPCODE_NONSTANDARD)
		fail_msg("%s: missing or not marked nonstandard", code);
}

static void test_coverage_nonstandard_codes(void **state)
{
	size_t i, j;

	(void)state;
	each_word(nonstandard_codes, expect_nonstandard, NULL);
	/* and nothing an RFC defines is marked non-standard */
	for (i = 0; i < sizeof rfc_lists / sizeof rfc_lists[0]; i++) {
		const char *p = rfc_lists[i].codes;

		for (j = 0; p[j] != '\0'; j += 4) {
			char code[4] = { p[j], p[j + 1], p[j + 2], '\0' };

			assert_int_equal(smtpcode_lookup(code)->status, SMTPCODE_STANDARD);
			if (p[j + 3] == '\0')
				break;
		}
	}
}

/* Sorted copy of a row's codes as a string, for comparison with the entry. */
static void registry_basics(const char *list, unsigned *out, size_t *n)
{
	*n = 0;
	while (*list != '\0') {
		out[(*n)++] = (unsigned)strtoul(list, NULL, 10);
		list += strcspn(list, " ");
		list += strspn(list, " ");
	}
}

static int has_basic(const struct smtpcode_entry *e, unsigned code)
{
	size_t i;

	for (i = 0; i < e->basic_code_count; i++)
		if (e->basic_codes[i] == code)
			return 1;
	return 0;
}

static void test_coverage_registry_codes_and_basic_codes(void **state)
{
	size_t i, j, enumerated = 0;

	(void)state;
	for (i = 0; i < sizeof registry / sizeof registry[0]; i++) {
		const struct smtpcode_entry *e = smtpcode_lookup(registry[i].code);
		unsigned want[32];
		size_t n;

		if (e == NULL)
			fail_msg("%s: registered, but no entry", registry[i].code);
		assert_string_equal(e->code, registry[i].code);
		assert_int_equal(e->kind, SMTPCODE_ENHANCED);
		registry_basics(registry[i].basic, want, &n);
		if (n != e->basic_code_count)
			fail_msg("%s: %zu basic codes, the registry names %zu", e->code,
				 e->basic_code_count, n);
		for (j = 0; j < n; j++) {
			char code[8];

			if (!has_basic(e, want[j]))
				fail_msg("%s: basic code %u missing", e->code, want[j]);
			snprintf(code, sizeof code, "%u", want[j]);
			assert_non_null(smtpcode_lookup(code));
		}
	}
	/* and the table holds no enumerated code the registry does not */
	for (i = 0; i < smtpcode_entry_count(); i++) {
		const struct smtpcode_entry *e = smtpcode_entry_at(i);

		if (e->kind != SMTPCODE_ENHANCED || e->detail < 0)
			continue;
		enumerated++;
		for (j = 0; j < sizeof registry / sizeof registry[0]; j++)
			if (strcmp(registry[j].code, e->code) == 0)
				break;
		if (j == sizeof registry / sizeof registry[0])
			fail_msg("%s is not in the registry", e->code);
	}
	assert_int_equal(enumerated, sizeof registry / sizeof registry[0]);
}

static void test_coverage_deprecated_and_sub_codes(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof deprecated_codes / sizeof deprecated_codes[0]; i++)
		assert_int_equal(smtpcode_lookup(deprecated_codes[i])->status,
				 SMTPCODE_DEPRECATED);
	for (i = 0; i < sizeof registry / sizeof registry[0]; i++)
		if (strcmp(registry[i].code, "X.6.10") != 0)
			assert_int_not_equal(smtpcode_lookup(registry[i].code)->status,
					     SMTPCODE_DEPRECATED);
	for (i = 0; i < sizeof sub_codes / sizeof sub_codes[0]; i++) {
		const struct smtpcode_entry *e = smtpcode_lookup(sub_codes[i]);

		if (e == NULL)
			fail_msg("%s: no entry", sub_codes[i]);
		assert_int_equal(e->detail, -1);
	}
}

/* Advice must be specific: long enough to name what to check, never shared between entries,
 * never only "contact your administrator". */
static void test_coverage_advice_is_specific(void **state)
{
	size_t i, j, n = smtpcode_entry_count();

	(void)state;
	for (i = 0; i < n; i++) {
		const struct smtpcode_entry *a = smtpcode_entry_at(i);

		if (strlen(a->how_to_fix) < 120)
			fail_msg("%s: how_to_fix is too short to be specific", a->code);
		if (strncasecmp(a->how_to_fix, "contact your", 12) == 0 &&
		    strlen(a->how_to_fix) < 200)
			fail_msg("%s: how_to_fix only says to contact someone", a->code);
		if (strlen(a->description) < 80 || strlen(a->when_seen) < 40)
			fail_msg("%s: description or when_seen too thin", a->code);
		for (j = i + 1; j < n; j++) {
			const struct smtpcode_entry *b = smtpcode_entry_at(j);

			if (strcmp(a->how_to_fix, b->how_to_fix) == 0)
				fail_msg("%s and %s share their how_to_fix", a->code, b->code);
			if (strcmp(a->description, b->description) == 0)
				fail_msg("%s and %s share their description", a->code, b->code);
		}
	}
}

/* Success and intermediate replies need nobody to act and nothing retried; 4xx replies are
 * never "never retry"; 5xx replies are never "retry later as is" unless non-standard. */
static void test_coverage_advice_fits_the_class(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < smtpcode_entry_count(); i++) {
		const struct smtpcode_entry *e = smtpcode_entry_at(i);

		if (e->kind != SMTPCODE_BASIC)
			continue;
		if (e->reply_class <= 3 && (e->retry != SMTPCODE_RETRY_NONE))
			fail_msg("%s: a %dxx reply with retry advice", e->code, e->reply_class);
		if (e->reply_class == 4 && e->retry == SMTPCODE_RETRY_NONE)
			fail_msg("%s: a 4xx reply without retry advice", e->code);
		if (e->reply_class == 5 && e->retry == SMTPCODE_RETRY_NONE)
			fail_msg("%s: a 5xx reply without retry advice", e->code);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_coverage_every_rfc_reply_code),
		cmocka_unit_test(test_coverage_defining_rfc_is_cited),
		cmocka_unit_test(test_coverage_nonstandard_codes),
		cmocka_unit_test(test_coverage_registry_codes_and_basic_codes),
		cmocka_unit_test(test_coverage_deprecated_and_sub_codes),
		cmocka_unit_test(test_coverage_advice_is_specific),
		cmocka_unit_test(test_coverage_advice_fits_the_class),
	};

	return cmocka_run_group_tests_name("coverage", tests, NULL, NULL);
}
