/* test_cli.c -- the smtpcode command run as a function: exit statuses, streams, options. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "layout.h"
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
					   ("5\xc3\xa9" "35"), "-" };
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
	assert_one_error_line(&r);
	assert_non_null(strstr(r.err, "no code given"));
	run(&r, "--list", "--search", "tls", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_USAGE);
	assert_one_error_line(&r);
	run(&r, "--search", "", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_USAGE);
	run(&r, "5.XXX", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_USAGE);
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
	char want[160];

	(void)state;
	run(&r, "--help", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	assert_non_null(strstr(r.out, "usage: smtpcode"));
	assert_non_null(strstr(r.out, "Exit status"));
	run(&r, "-h", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	run(&r, "--version", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	snprintf(want, sizeof want, "smtpcode %s\nprovider data of %zu providers, verified up to %s\n",
		 smtpcode_version(), smtpcode_provider_count(), smtpcode_data_verified());
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

/* 1 when the n bytes at s are a provider entry's id, which is written whole. */
static int is_entry_id(const char *s, size_t n)
{
	size_t i, j;

	for (i = 0; i < smtpcode_provider_count(); i++) {
		const struct smtpcode_provider_entry *e;

		for (j = 0; (e = smtpcode_provider_entry_at(smtpcode_provider_at(i), j)) != NULL; j++)
			if (strlen(e->id) == n && memcmp(e->id, s, n) == 0)
				return 1;
	}
	return 0;
}

/* Fails when a line of out takes more than limit columns (but for an id alone). */
static void assert_fits(const char *out, size_t limit, const char *what)
{
	const char *line;

	for (line = out; *line != '\0';) {
		size_t n = strcspn(line, "\n"), cols = smtpcode_text_columns(line, n);

		if (cols > limit && !is_entry_id(line, n))
			fail_msg("%s at %zu columns: a line of %zu: %.*s", what, limit, cols, (int)n, line);
		line += n + (line[n] != '\0');
	}
}

/* The provider lists and cards fit the width too: an id longer than its field, or a name
 * column that leaves fewer than 10 columns, once made lines of 81 and 41 columns (found by
 * fuzz_cli). An id longer than the width is written whole, on a line of its own. */
static void test_cli_provider_lists_fit_the_width(void **state)
{
	static const char *const widths[] = { "40", "80" };
	static struct run r;
	size_t w, i;

	(void)state;
	for (w = 0; w < sizeof widths / sizeof widths[0]; w++) {
		setenv("COLUMNS", widths[w], 1);
		run(&r, "--list", "providers", NULL);
		assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
		assert_fits(r.out, (size_t)atoi(widths[w]), "--list providers");
		for (i = 0; i < smtpcode_provider_count(); i++) {
			const struct smtpcode_provider *p = smtpcode_provider_at(i);
			const struct smtpcode_provider_entry *e = smtpcode_provider_entry_at(p, 0);

			run(&r, "--list", p->id, NULL);
			assert_true(strlen(r.out) < sizeof r.out - 1);
			assert_fits(r.out, (size_t)atoi(widths[w]), p->id);
			if (e != NULL && e->marker_count > 0) {
				run(&r, e->markers[0], NULL);
				assert_fits(r.out, (size_t)atoi(widths[w]), e->markers[0]);
			}
		}
	}
	unsetenv("COLUMNS");
}

/* ---- layout ------------------------------------------------------------------------------ */

static void test_cli_wrap_next_cuts_long_words(void **state)
{
	const char *text = "  short averyveryverylongword end", *line;
	size_t n, cols;

	(void)state;
	n = wrap_next(&text, 10, &line, &cols);
	assert_int_equal(n, 5);
	assert_int_equal(cols, 5);
	assert_true(strncmp(line, "short", 5) == 0);
	n = wrap_next(&text, 10, &line, &cols);
	assert_int_equal(n, 10);
	assert_true(strncmp(line, "averyveryv", 10) == 0);
	n = wrap_next(&text, 10, &line, &cols);
	assert_int_equal(n, 10);
	n = wrap_next(&text, 10, &line, &cols);
	assert_int_equal(n, 5); /* the cut word's end joins the next word: "d end" */
	assert_true(strncmp(line, "d end", 5) == 0);
	assert_int_equal(wrap_next(&text, 10, &line, &cols), 0);
	text = "x";
	assert_int_equal(wrap_next(&text, 0, &line, &cols), 0);
}

/* Lines are measured in terminal columns: two-byte letters take one, CJK two, and a word is
 * cut only between characters. */
static void test_cli_wrap_next_counts_columns(void **state)
{
	const char *text = "\xc3\xa9\xc3\xa9\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad", *line;
	size_t n, cols;

	(void)state;
	n = wrap_next(&text, 4, &line, &cols);
	assert_int_equal(n, 6); /* "\xc3\xa9" three times: 3 columns, 6 bytes */
	assert_int_equal(cols, 3);
	n = wrap_next(&text, 4, &line, &cols);
	assert_int_equal(n, 6); /* two CJK characters, 4 columns; the third does not fit */
	assert_int_equal(cols, 4);
	n = wrap_next(&text, 4, &line, &cols);
	assert_int_equal(n, 3);
	assert_int_equal(cols, 2);
	/* a combining mark stays with its letter */
	text = "abce\xcc\x81" "f";
	n = wrap_next(&text, 4, &line, &cols);
	assert_int_equal(n, 6);
	assert_int_equal(cols, 4);
}

/* ---- explain ------------------------------------------------------------------------------ */

/* Runs the command with standard input read from a file holding text. */
static void run_with_stdin(struct run *r, const char *text, size_t len, const char *arg1,
			   const char *arg2)
{
	FILE *in = tmpfile();
	int saved = dup(0);

	assert_non_null(in);
	assert_int_equal(fwrite(text, 1, len, in), len);
	rewind(in);
	assert_true(dup2(fileno(in), 0) == 0);
	clearerr(stdin);
	run(r, arg1, arg2, NULL);
	assert_true(dup2(saved, 0) == 0);
	close(saved);
	fclose(in);
	clearerr(stdin);
}

static void test_cli_explain_forms(void **state)
{
	static struct run r;
	static const char multi[] = "550-5.1.1 The account does not exist.\r\n"
				    "550 5.1.1 Check the address.\r\n";

	(void)state;
	run_with_stdin(&r, multi, sizeof multi - 1, "--explain", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	assert_non_null(strstr(r.out, "Reply code       550"));
	assert_non_null(strstr(r.out, "Enhanced code    5.1.1"));
	run_with_stdin(&r, multi, sizeof multi - 1, "--explain", "-");
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	run(&r, "--json", "--explain", "550", "5.7.708", "blocked", "by", "policy", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	assert_non_null(strstr(r.out, "\"enhanced_code\": \"5.7.708\""));
	assert_non_null(strstr(r.out, "\"registered\": false"));
	assert_non_null(strstr(r.out, "\"stage\": null"));
	run(&r, "--format=markdown", "--explain",
	    "host mx.example.net[192.0.2.7] said: 552 5.2.2 Mailbox full (in reply to RCPT TO "
	    "command)", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	assert_non_null(strstr(r.out, "# SMTP reply 552 5.2.2"));
	assert_non_null(strstr(r.out, "**In reply to:** RCPT TO"));
	run(&r, "--format=markdown", "--explain", "Status: 5.7.26", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	run(&r, "--explain", "Status: 5.1.1", NULL);
	assert_non_null(strstr(r.out, "Reply code       none found"));
	run(&r, "--color=always", "--explain", "599 5.9.9 odd", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_UNKNOWN); /* no code of it is known */
	assert_non_null(strstr(r.out, "Warning"));
	run(&r, "--json", "550 5.1.1 User unknown", NULL); /* an operand holding a reply */
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	assert_non_null(strstr(r.out, "\"basic_code\": 550"));
	/* two operands holding replies are compared (issue 15), each explained in one line */
	run(&r, "421 4.7.0 Try later", "550 5.1.1 User unknown", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	assert_non_null(strstr(r.out, "421 4.7.0 vs 550 5.1.1"));
	assert_non_null(strstr(r.out, "Key differences"));
	assert_non_null(strstr(r.out, "421 is a 4xx"));
	/* a reply and a code are not two replies: each is shown in turn */
	run(&r, "421 4.7.0 Try later", "550", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	assert_non_null(strstr(r.out, "Reply code       421"));
	assert_null(strstr(r.out, "Key differences"));
}

static void test_cli_explain_review_findings(void **state)
{
	static struct run r;

	(void)state;
	/* an option after the reply text is still an option; other "-" words are text */
	run(&r, "--explain", "550 5.1.1 user unknown", "--json", NULL);
	assert_true(strncmp(r.out, "{\n", 2) == 0);
	run(&r, "--explain", "550 5.1.1 user", "-ERR", "unknown", NULL);
	assert_non_null(strstr(r.out, "user -ERR unknown"));
	/* a reply whose codes are all unknown is "not found" */
	run(&r, "--explain", "599 foo", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_UNKNOWN);
	/* an unregistered detail met in class 4: the subject card in class 4, retry later */
	run(&r, "--explain", "451 4.7.708 try again later", NULL);
	assert_non_null(strstr(r.out, "4.7.XXX  Security or Policy Status"));
	assert_null(strstr(r.out, "retry only after"));
	/* JSON with several operands holds the explanation in the array */
	run(&r, "--json", "550 5.1.1 user unknown", "535", "421", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	assert_non_null(strstr(r.out, "\"basic_code\": 550"));
	assert_non_null(strstr(r.out, "\"code\": \"535\""));
	/* short forms keep their class everywhere */
	run(&r, "--json", "4.7", NULL);
	assert_non_null(strstr(r.out, "\"class\": 4"));
	assert_non_null(strstr(r.out, "\"retry\": \"later\""));
	run(&r, "--brief", "4.7", NULL);
	assert_true(strncmp(r.out, "4.7 4.XXX.XXX ", 14) == 0);
	/* a comparison with an unregistered detail says so */
	run(&r, "--json", "535", "5.7.708", NULL);
	assert_non_null(strstr(r.out, "\"registered\": false"));
}

static void test_cli_explain_bad_input(void **state)
{
	static struct run r;
	size_t big = 1024 * 1024 + 10;
	char *text = malloc(big);

	(void)state;
	assert_non_null(text);
	memset(text, '5', big);
	run_with_stdin(&r, text, big, "--explain", NULL);
	free(text);
	assert_int_equal(r.status, SMTPCODE_EXIT_USAGE);
	assert_one_error_line(&r);
	run_with_stdin(&r, "", 0, "--explain", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_UNKNOWN);
	assert_one_error_line(&r);
	run(&r, "--explain", "   ", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_UNKNOWN);
	run(&r, "--explain", "12:34:56 192.0.2.7:25 size=5242880", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_UNKNOWN);
	assert_string_equal(r.out, "");
}

/* ---- options and environment ------------------------------------------------------------- */

static void test_cli_width_and_color_environment(void **state)
{
	static struct run r;
	static const char *const columns[] = { "abc", "0", "-5", "10", "99999", "" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof columns / sizeof columns[0]; i++) {
		const char *line;

		setenv("COLUMNS", columns[i], 1);
		run(&r, "550", NULL);
		assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
		for (line = r.out; *line != '\0';) {
			size_t n = strcspn(line, "\n");

			assert_true(n <= 1000);
			line += n + (line[n] != '\0');
		}
	}
	unsetenv("COLUMNS");
	setenv("NO_COLOR", "1", 1);
	run(&r, "--color=auto", "535", NULL);
	assert_null(strchr(r.out, '\033'));
	run(&r, "--color=always", "535", NULL); /* an explicit choice wins over NO_COLOR */
	assert_non_null(strchr(r.out, '\033'));
	unsetenv("NO_COLOR");
	run(&r, "--color", "--color=never", "--color=auto", "535", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
}

static void test_cli_formats_for_every_mode(void **state)
{
	static struct run r;

	(void)state;
	run(&r, "--format=markdown", "5.7.708", NULL);
	assert_non_null(strstr(r.out, "# 5.7.708"));
	run(&r, "--format=markdown", "421", "450", "451", NULL);
	assert_non_null(strstr(r.out, "# 421: "));
	assert_non_null(strstr(r.out, "# 451: "));
	run(&r, "--json", "--list", "x.7", NULL);
	assert_int_equal(r.out[0], '[');
	run(&r, "--json", "--search", "zzzyzzy", NULL);
	assert_string_equal(r.out, "[]\n");
	assert_int_equal(r.status, SMTPCODE_EXIT_UNKNOWN);
	run(&r, "--brief", "5.7.708", "X.7.8", "2.XXX.XXX", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	assert_non_null(strstr(r.out, "X.7.8 X.XXX.XXX "));
	run(&r, "--list", "", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	run(&r, "--list", "2.8", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_UNKNOWN);
	assert_one_error_line(&r);
	run(&r, "--format=yaml", "535", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_USAGE);
	assert_non_null(strstr(r.err, "'yaml'"));
	run(&r, "--json", "599", "abc", "5.9.9", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_USAGE);
	assert_string_equal(r.out, "[\n  \n]\n");
	run(&r, "--json", "599", NULL);
	assert_string_equal(r.out, "");
}

static void test_cli_explain_edges(void **state)
{
	static struct run r;
	static char longtext[3000];

	(void)state;
	/* a control byte in the reply text is shown as its code point, never raw */
	run(&r, "--explain", "550 5.1.1 bad\x01user", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	assert_non_null(strstr(r.out, "bad<U+0001>user"));
	assert_null(strchr(r.out, '\x01'));
	run(&r, "--json", "--explain", "550 5.1.1 bad\x01user", NULL);
	assert_non_null(strstr(r.out, "\"text\": \"bad\\u0001user\"")); /* all of it, escaped */
	/* a reply text longer than the display buffer is cut, not overflowed */
	memset(longtext, 'a', sizeof longtext - 1);
	memcpy(longtext, "550 5.1.1 ", 10);
	run(&r, "--explain", longtext, NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	run(&r, "--json", "--explain", longtext, NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	run(&r, "--format=markdown", "--explain", longtext, NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	/* an enhanced code of an unknown subject: no enhanced card, a warning */
	run(&r, "--explain", "550 5.9.9 odd", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	assert_non_null(strstr(r.out, "Warning"));
	run(&r, "--json", "--explain", "Status: 5.9.9", NULL);
	assert_non_null(strstr(r.out, "\"basic\": null"));
	assert_non_null(strstr(r.out, "\"enhanced\": null"));
	run(&r, "--format=markdown", "--explain", "Status: 5.9.9", NULL);
	assert_true(strncmp(r.out, "# SMTP reply 5.9.9\n", 19) == 0);
	run(&r, "--format=markdown", "--explain", "550 6.1.1 odd", NULL);
	assert_non_null(strstr(r.out, "**Warning:**"));
	run(&r, "--json", "--explain", "250 ok", NULL);
	assert_non_null(strstr(r.out, "\"enhanced_code\": null"));
	assert_non_null(strstr(r.out, "\"warnings\": []"));
	run(&r, "--json", "--explain",
	    "host mx.example.net[192.0.2.7] said: 550 5.1.1 User unknown (in reply to RCPT TO "
	    "command)", NULL);
	assert_non_null(strstr(r.out, "\"stage\": \"RCPT TO\""));
}

/* Long server text and long hosts are cut between characters, never mid-sequence; a marker
 * entry with codes shows them; the provider uses of a code with many are counted. */
static void test_cli_long_text_and_provider_cards(void **state)
{
	static struct run r;
	static char text[9000], host[400], arg[600];
	size_t i, n = 0;
	const char *p;

	(void)state;
	n += (size_t)snprintf(text, sizeof text, "550 5.1.1 ");
	for (i = 0; i < 2000; i++) /* "é" is two bytes: a cut in the middle would show */
		n += (size_t)snprintf(text + n, sizeof text - n, "\xc3\xa9 ");
	run(&r, "--explain", text, NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	p = strstr(r.out, "Server said");
	assert_non_null(p);
	assert_non_null(strstr(p, "..."));
	for (i = 0; r.out[i] != '\0'; i++) /* every continuation byte follows a lead byte */
		if (((unsigned char)r.out[i] & 0xc0) == 0x80)
			assert_true(i > 0 && ((unsigned char)r.out[i - 1] & 0x80) != 0);
	/* a remote host longer than any real one is left out, not cut */
	memset(host, 'a', 250);
	host[250] = '\0';
	snprintf(arg, sizeof arg, "host %s.example[192.0.2.1] said: 550 5.1.1 unknown", host);
	run(&r, "--explain", arg, NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	assert_null(strstr(r.out, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example"));
	/* a marker entry with codes: its card shows them */
	run(&r, "OverQuotaTemp", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	assert_non_null(strstr(r.out, "Reply code       "));
	assert_non_null(strstr(r.out, "Source           "));
	/* a code many providers use: counted per provider, with the commands that list each */
	run(&r, "5.7.1", NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	assert_non_null(strstr(r.out, " providers: "));
	assert_non_null(strstr(r.out, "smtpcode --json 5.7.1 lists each"));
	/* the same in markdown and HTML: no crash, a page */
	run(&r, "--format=html", "--explain", text, NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
	assert_non_null(strstr(r.out, "<!DOCTYPE html>"));
	run(&r, "--format=markdown", "--explain", arg, NULL);
	assert_int_equal(r.status, SMTPCODE_EXIT_FOUND);
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
		cmocka_unit_test(test_cli_provider_lists_fit_the_width),
		cmocka_unit_test(test_cli_wrap_next_cuts_long_words),
		cmocka_unit_test(test_cli_wrap_next_counts_columns),
		cmocka_unit_test(test_cli_explain_forms),
		cmocka_unit_test(test_cli_explain_review_findings),
		cmocka_unit_test(test_cli_explain_bad_input),
		cmocka_unit_test(test_cli_explain_edges),
		cmocka_unit_test(test_cli_width_and_color_environment),
		cmocka_unit_test(test_cli_formats_for_every_mode),
		cmocka_unit_test(test_cli_long_text_and_provider_cards),
	};

	return cmocka_run_group_tests_name("cli", tests, NULL, NULL);
}
