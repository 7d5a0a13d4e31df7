/* test_cli.c -- the smtpcode command run as a function: exit statuses, streams, options. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "smtpcode.h"

struct run {
	int status;
	char out[65536];
	char err[4096];
};

static void slurp(FILE *fp, char *buf, size_t size)
{
	size_t n;

	rewind(fp);
	n = fread(buf, 1, size - 1, fp);
	buf[n] = '\0';
	fclose(fp);
}

/* Runs the command with the NULL-terminated arguments after argv[0]. */
static void run(struct run *r, ...)
{
	char *argv[32];
	int argc = 0;
	va_list ap;
	FILE *out = tmpfile(), *err = tmpfile();

	assert_non_null(out);
	assert_non_null(err);
	argv[argc++] = (char *)"smtpcode";
	va_start(ap, r);
	while (argc < 31 && (argv[argc] = va_arg(ap, char *)) != NULL)
		argc++;
	va_end(ap);
	argv[argc] = NULL;
	r->status = smtpcode_cli(argc, argv, out, err);
	slurp(out, r->out, sizeof r->out);
	slurp(err, r->err, sizeof r->err);
}

/* Every line of err starts with "smtpcode: " and there is exactly one. */
static void assert_one_error_line(const struct run *r)
{
	const char *nl = strchr(r->err, '\n');

	assert_true(strncmp(r->err, "smtpcode: ", 10) == 0);
	assert_non_null(nl);
	assert_int_equal(nl[1], '\0');
}

static void test_cli_found_exits_0(void **state)
{
	static struct run r;

	(void)state;
	run(&r, "535", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	assert_string_equal(r.err, "");
	assert_non_null(strstr(r.out, "5xx Permanent Negative Completion"));
	assert_non_null(strstr(r.out, smtpcode_lookup("535")->title));
	assert_non_null(strstr(r.out, "How to fix"));
	assert_non_null(strstr(r.out, "RFC 4954"));
}

static void test_cli_unknown_exits_1(void **state)
{
	static struct run r;

	(void)state;
	run(&r, "599", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_UNKNOWN);
	assert_string_equal(r.out, "");
	assert_one_error_line(&r);
	assert_non_null(strstr(r.err, "599"));
}

static void test_cli_malformed_exits_2(void **state)
{
	static const char *const bad[] = { "abc", "", "55", "5555", "5.7.", " 535", "135",
					   "5\xc3\xa9" "35", "-" };
	static struct run r;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		run(&r, bad[i], NULL);
		assert_int_equal(r.status, SMTPCODE_EXIT_USAGE);
		assert_string_equal(r.out, "");
		assert_one_error_line(&r);
	}
	/* untrusted bytes are not echoed raw */
	run(&r, "5\xc3\xa9" "35", NULL);
	assert_non_null(strstr(r.err, "\\xC3\\xA9"));
}

/* A code whose detail is not registered, or the short form C.S, explains class and subject. */
static void test_cli_unregistered_detail_falls_back(void **state)
{
	static struct run r;

	(void)state;
	run(&r, "5.7.708", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	assert_string_equal(r.err, "");
	assert_non_null(strstr(r.out, "provider-specific"));
	assert_non_null(strstr(r.out, "5.XXX.XXX  Permanent Failure"));
	assert_non_null(strstr(r.out, "5.7.XXX  Security or Policy Status"));
	run(&r, "5.7", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	assert_non_null(strstr(r.out, "5.7.XXX  Security or Policy Status"));
	run(&r, "--json", "4.7.650", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	assert_non_null(strstr(r.out, "\"registered\": false"));
	assert_non_null(strstr(r.out, "\"class\": 4"));
	assert_non_null(strstr(r.out, "\"retry\": \"later\""));
	run(&r, "5.9.1", NULL); /* no subject 9 either: nothing to say */
	assert_int_equal(r.status, SMTPCODE_EXIT_UNKNOWN);
	assert_one_error_line(&r);
}

static void test_cli_huge_argument(void **state)
{
	static struct run r;
	char *big = malloc(100 * 1024 + 1);

	(void)state;
	assert_non_null(big);
	memset(big, '7', 100 * 1024);
	big[100 * 1024] = '\0';
	run(&r, big, NULL);
	free(big);
	assert_int_equal(r.status, SMTPCODE_EXIT_USAGE);
	assert_one_error_line(&r);
	assert_true(strlen(r.err) < 200);
}

static void test_cli_usage_errors(void **state)
{
	static struct run r;

	(void)state;
	run(&r, NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_USAGE);
	assert_non_null(strstr(r.err, "usage: smtpcode"));
	run(&r, "--frobnicate", "535", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_USAGE);
	assert_one_error_line(&r);
	assert_non_null(strstr(r.err, "--frobnicate"));
	run(&r, "--format=yaml", "535", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_USAGE);
	assert_one_error_line(&r);
	run(&r, "--json", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_USAGE);
	run(&r, "-x", "535", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_USAGE);
	assert_one_error_line(&r);
}

static void test_cli_options_after_codes(void **state)
{
	static struct run r;

	(void)state;
	run(&r, "535", "--json", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	assert_true(strncmp(r.out, "{\n  \"code\": \"535\",", strlen("{\n  \"code\": \"535\",")) == 0);
	run(&r, "--", "535", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	run(&r, "--", "--json", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_USAGE);
	assert_non_null(strstr(r.err, "'--json'"));
}

static void test_cli_help_and_version(void **state)
{
	static struct run r;
	char want[64];

	(void)state;
	run(&r, "--help", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	assert_non_null(strstr(r.out, "usage: smtpcode"));
	assert_non_null(strstr(r.out, "Exit status"));
	run(&r, "-h", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	run(&r, "--version", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	snprintf(want, sizeof want, "smtpcode %s\n", smtpcode_version());
	assert_string_equal(r.out, want);
	run(&r, "-V", NULL);
	assert_string_equal(r.out, want);
}

static void test_cli_several_codes_report_each(void **state)
{
	static struct run r;

	(void)state;
	run(&r, "421", "599", "550", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_UNKNOWN);
	assert_non_null(strstr(r.out, "421  "));
	assert_non_null(strstr(r.out, "550  "));
	assert_one_error_line(&r);
	run(&r, "421", "abc", "599", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_USAGE);
	assert_non_null(strstr(r.out, "421  "));
}

static void test_cli_brief(void **state)
{
	static struct run r;
	char want[256];

	(void)state;
	run(&r, "--brief", "535", "5.7.8", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	snprintf(want, sizeof want, "535 5xx %s\n5.7.8 5.XXX.XXX %s\n",
		 smtpcode_lookup("535")->title, smtpcode_lookup("5.7.8")->title);
	assert_string_equal(r.out, want);
}

static void test_cli_write_error_exits_3(void **state)
{
	FILE *full = fopen("/dev/full", "w"), *err = tmpfile();
	char *argv[] = { (char *)"smtpcode", (char *)"535", NULL };
	char msg[256];

	(void)state;
	if (full == NULL)
		skip();
	assert_non_null(err);
	assert_int_equal(smtpcode_cli(2, argv, full, err), SMTPCODE_EXIT_IO);
	fclose(full);
	slurp(err, msg, sizeof msg);
	assert_string_equal(msg, "smtpcode: cannot write the output\n");
}


/* Counts lines of out that hold text (the list prints one entry per line). */
static size_t count_lines(const char *out)
{
	size_t n = 0;

	for (; *out != '\0'; out++)
		n += *out == '\n';
	return n;
}

static void test_cli_list_filters(void **state)
{
	static const struct {
		const char *filter, *must, *must_not;
	} cases[] = {
		{ "4xx", "\n421 ", "\n535 " },    { "5xx", "\n535 ", "\n421 " },
		{ "55x", "\n550 ", "\n535 " },    { "5.7", "\n5.7.8 ", "\n5.1.1 " },
		{ "x.7", "\nX.7.8 ", "\nX.1.1 " }, { "X.1", "\nX.1.1 ", "\nX.7.8 " },
		{ "basic", "\n250 ", "X.7.8" },     { "enhanced", "\nX.2.2 ", "\n250 " },
		{ "4.2", "\n4.2.2 ", "\n535 " },
	};
	static struct run r;
	size_t i, all;

	(void)state;
	run(&r, "--list", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	all = count_lines(r.out);
	assert_int_equal(all, smtpcode_entry_count());
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		static char with_nl[sizeof r.out + 1];

		run(&r, "--list", cases[i].filter, NULL);
		assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
		with_nl[0] = '\n';
		strcpy(with_nl + 1, r.out);
		if (strstr(with_nl, cases[i].must) == NULL ||
		    strstr(with_nl, cases[i].must_not) != NULL)
			fail_msg("--list %s: wrong members", cases[i].filter);
		assert_true(count_lines(r.out) < all);
	}
	run(&r, "--list", "9xx", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_USAGE);
	assert_one_error_line(&r);
	run(&r, "--list", "4xx", "5xx", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_USAGE);
	assert_one_error_line(&r);
}

static void test_cli_search_ranks_title_hits_first(void **state)
{
	static struct run r;
	static const char *const auth[] = { "235 ", "534 ", "535 ", "538 ", "X.7.8 " };
	size_t i;

	(void)state;
	run(&r, "--search", "tls", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	assert_non_null(strstr(r.out, "220 "));
	assert_non_null(strstr(r.out, "X.7.10 "));
	assert_non_null(strstr(r.out, "X.7.11 "));
	run(&r, "--search", "AUTH", NULL);
	for (i = 0; i < sizeof auth / sizeof auth[0]; i++)
		assert_non_null(strstr(r.out, auth[i]));
	/* "credentials invalid" is in 535's title: it comes before mere mentions */
	run(&r, "--search", "credentials", "invalid", NULL);
	assert_true(strncmp(r.out, "535 ", 4) == 0);
	run(&r, "--search", "zzzyzzy", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_UNKNOWN);
	assert_string_equal(r.out, "");
	assert_one_error_line(&r);
	run(&r, "--search", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_USAGE);
	assert_one_error_line(&r);
}

static void test_cli_color(void **state)
{
	static struct run r;

	(void)state;
	run(&r, "--color=always", "535", NULL);
	assert_true(strncmp(r.out, "\033[31m535\033[0m", 12) == 0);
	run(&r, "--color=always", "--brief", "250", "421", NULL);
	assert_non_null(strstr(r.out, "\033[32m250"));
	assert_non_null(strstr(r.out, "\033[33m421"));
	run(&r, "--color=never", "535", NULL);
	assert_null(strchr(r.out, '\033'));
	run(&r, "535", NULL); /* auto: a file is not a terminal */
	assert_null(strchr(r.out, '\033'));
	run(&r, "--color=sometimes", "535", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_USAGE);
	assert_one_error_line(&r);
}

/* No line of text output is wider than COLUMNS, for cards and comparisons. */
static void test_cli_output_fits_the_width(void **state)
{
	static const char *const widths[] = { "40", "60", "80", "100", "160" };
	static const char *const pairs[][2] = {
		{ "235", "535" }, { "550", "5.7.1" }, { "4.2.2", "5.2.2" }, { "421", "421" },
		{ "X.7.26", "571" }, { "5.7.708", "550" },
	};
	static struct run r;
	size_t w, p;

	(void)state;
	for (w = 0; w < sizeof widths / sizeof widths[0]; w++) {
		size_t limit = (size_t)atoi(widths[w]);

		setenv("COLUMNS", widths[w], 1);
		for (p = 0; p < sizeof pairs / sizeof pairs[0]; p++) {
			const char *line;

			run(&r, pairs[p][0], pairs[p][1], NULL);
			assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
			for (line = r.out; *line != '\0';) {
				size_t n = strcspn(line, "\n");

				if (n > limit)
					fail_msg("%s vs %s at %zu columns: a line of %zu", pairs[p][0],
						 pairs[p][1], limit, n);
				line += n + (line[n] != '\0');
			}
			/* the table below 80 columns becomes two cards */
			assert_int_equal(strstr(r.out, "  Description      ") != NULL, 1);
		}
		run(&r, "552", NULL);
		assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	}
	unsetenv("COLUMNS");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cli_found_exits_0),
		cmocka_unit_test(test_cli_unknown_exits_1),
		cmocka_unit_test(test_cli_malformed_exits_2),
		cmocka_unit_test(test_cli_unregistered_detail_falls_back),
		cmocka_unit_test(test_cli_huge_argument),
		cmocka_unit_test(test_cli_usage_errors),
		cmocka_unit_test(test_cli_options_after_codes),
		cmocka_unit_test(test_cli_help_and_version),
		cmocka_unit_test(test_cli_several_codes_report_each),
		cmocka_unit_test(test_cli_brief),
		cmocka_unit_test(test_cli_write_error_exits_3),
		cmocka_unit_test(test_cli_list_filters),
		cmocka_unit_test(test_cli_search_ranks_title_hits_first),
		cmocka_unit_test(test_cli_color),
		cmocka_unit_test(test_cli_output_fits_the_width),
	};

	return cmocka_run_group_tests_name("cli", tests, NULL, NULL);
}
