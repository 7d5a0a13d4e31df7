/* options.c -- the command line: options and operands, --help, and the one error line. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <smtpcode.h>

#include "cli.h"
#include "layout.h"
#include "options.h"

static const char usage_text[] =
	"usage: smtpcode [options] CODE...\n"
	"       smtpcode [options] --list [FILTER]\n"
	"       smtpcode [options] --search WORD...\n"
	"       smtpcode [options] --explain [TEXT | -]\n"
	"       smtpcode [options] --scan [FILE... | -]\n"
	"       smtpcode -h | --help | -V | --version\n";

static const char help_text[] =
	"Explain SMTP reply codes (535) and enhanced status codes (5.7.8).\n"
	"\n"
	"  smtpcode CODE           print what the code means, when you see it, how to fix it\n"
	"  smtpcode CODE CODE      compare two codes side by side, with the key differences\n"
	"  smtpcode CODE CODE...   print each code in turn\n"
	"  smtpcode MARKER         a provider's entry by its marker (TSS04, S3140)\n"
	"  smtpcode --explain TEXT explain a reply as pasted (a bounce, a log line, an error)\n"
	"  smtpcode --explain A --explain B, smtpcode 'REPLY' 'REPLY'\n"
	"                          compare two replies: their codes, and what each provider means\n"
	"  smtpcode --list providers | PROVIDER\n"
	"                          the providers smtpcode knows, or one provider's entries\n"
	"  smtpcode --scan [FILE... | -]\n"
	"                          what a whole mail log says (plain or gzip): failing replies\n"
	"                          ranked by count, explained, with their domains and hosts\n"
	"\n"
	"Options:\n"
	"  --json, --format=json   print JSON (one object, or an array for several codes)\n"
	"  --format=text           print text cards (the default)\n"
	"  --format=markdown       print markdown (a page, for a comparison)\n"
	"  --format=html           print one self-contained HTML page (inline CSS, no script)\n"
	"  -q, --brief             one line per code: code, class, title\n"
	"  --provider ID, --host HOST, --rcpt DOMAIN\n"
	"                          who sent the reply being explained: a provider id\n"
	"                          (smtpcode --list providers), the server it came from,\n"
	"                          the domain of the refused address\n"
	"  with --scan: --each     one JSON line per reply line instead of the report\n"
	"  --since T, --until T    only lines logged from/until T (2026-12-02, 2026-12-02T03:00,\n"
	"                          'Dec  2 03:00:00'); --provider ID only that provider's\n"
	"  --class 4|5, --code CODE, --domain D\n"
	"                          only that class, code (550, 5.7.1, 5.7, 55x), recipient domain\n"
	"  --jobs N                read N files at once (the report is the same)\n"
	"  --color=auto|always|never\n"
	"                          colour codes by class (auto: only on a terminal, and not\n"
	"                          when NO_COLOR is set)\n"
	"  -h, --help              print this help\n"
	"  -V, --version           print the version\n"
	"\n"
	"Codes: a basic reply code has three digits, the first 2-5 (535); an enhanced status\n"
	"code is CLASS.SUBJECT.DETAIL with class 2, 4 or 5 (5.7.8), or X for any class (X.7.8).\n"
	"\n"
	"Text is wrapped to COLUMNS, else the terminal's width, else 80 columns; a width below\n"
	"40 is raised to 40. Server text is shown as UTF-8 that cannot move the terminal:\n"
	"invalid bytes become U+FFFD, controls and bidi overrides <U+XXXX>.\n"
	"\n"
	"Exit status: 0 every code was found; 1 a well-formed code is unknown, or nothing was\n"
	"found; 2 bad usage or malformed input; 3 the output could not be written.\n";

int fail(FILE *err, int status, const char *fmt, ...)
{
	va_list ap;

	fputs("smtpcode: ", err);
	va_start(ap, fmt);
	vfprintf(err, fmt, ap);
	va_end(ap);
	fputc('\n', err);
	return status;
}

void put_quoted(FILE *fp, const char *s)
{
	size_t i;

	fputc('\'', fp);
	for (i = 0; i < 40 && s[i] != '\0'; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c < 0x7f)
			fputc(c, fp);
		else
			fprintf(fp, "\\x%02X", c);
	}
	fputs(s[i] != '\0' ? "'..." : "'", fp);
}

int usage_error(FILE *err, const char *what, const char *arg)
{
	fprintf(err, "smtpcode: %s ", what);
	put_quoted(err, arg);
	fputs("; see 'smtpcode --help'\n", err);
	return SMTPCODE_EXIT_USAGE;
}

#define OPTION_DONE (-1)    /* an option was taken */
#define OPTION_UNKNOWN (-2) /* no option of ours */

/* Takes one option word; returns OPTION_DONE, OPTION_UNKNOWN, or an exit status (help,
 * version, a bad value). */
static int take_option(const char *a, struct options *o, enum color *color, FILE *out,
		       FILE *err)
{
	if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
		fputs(usage_text, out);
		fputc('\n', out);
		fputs(help_text, out);
		return SMTPCODE_EXIT_FOUND;
	} else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
		fprintf(out, "smtpcode %s\nprovider data of %zu providers, verified up to %s\n",
			smtpcode_version(), smtpcode_provider_count(), smtpcode_data_verified());
		return SMTPCODE_EXIT_FOUND;
	} else if (strcmp(a, "--json") == 0 || strcmp(a, "--format=json") == 0) {
		o->format = FORMAT_JSON;
	} else if (strcmp(a, "--format=text") == 0) {
		o->format = FORMAT_TEXT;
	} else if (strcmp(a, "--format=markdown") == 0) {
		o->format = FORMAT_MARKDOWN;
	} else if (strcmp(a, "--format=html") == 0) {
		o->format = FORMAT_HTML;
	} else if (strncmp(a, "--format=", 9) == 0) {
		return usage_error(err, "unknown format", a + 9);
	} else if (strcmp(a, "-q") == 0 || strcmp(a, "--brief") == 0) {
		o->brief = 1;
	} else if (strcmp(a, "--list") == 0) {
		o->mode = MODE_LIST;
	} else if (strcmp(a, "--search") == 0) {
		o->mode = MODE_SEARCH;
	} else if (strcmp(a, "--scan") == 0) {
		o->mode = MODE_SCAN;
	} else if (strcmp(a, "--each") == 0) {
		o->each = 1;
	} else if (strcmp(a, "--explain") == 0) {
		o->mode = MODE_EXPLAIN;
		o->explains++;
	} else if (strcmp(a, "--color=auto") == 0 || strcmp(a, "--color") == 0) {
		*color = COLOR_AUTO; /* the default, named to undo an earlier --color= */
	} else if (strcmp(a, "--color=always") == 0) {
		*color = COLOR_ALWAYS;
	} else if (strcmp(a, "--color=never") == 0) {
		*color = COLOR_NEVER;
	} else if (strncmp(a, "--color=", 8) == 0) {
		return usage_error(err, "--color takes auto, always or never, not", a + 8);
	} else {
		return OPTION_UNKNOWN;
	}
	return OPTION_DONE;
}

/* The options --scan takes, and only it: -1 to go on, or the exit status of a usage error. */
static int scan_options(struct options *o, const char *jobs, FILE *err)
{
	o->jobs = 1;
	if (o->mode != MODE_SCAN) {
		if (o->each || jobs != NULL || o->since != NULL || o->until != NULL ||
		    o->reply_class != NULL || o->code != NULL || o->domain != NULL)
			return fail(err, SMTPCODE_EXIT_USAGE, "--each, --since, --until, --class, "
				    "--code, --domain and --jobs go with --scan");
		return -1;
	}
	if (o->host != NULL || o->rcpt != NULL)
		return fail(err, SMTPCODE_EXIT_USAGE, "--host and --rcpt explain one reply; with "
			    "--scan, each line names its own (filter with --domain)");
	if (o->reply_class != NULL && strcmp(o->reply_class, "4") != 0 &&
	    strcmp(o->reply_class, "5") != 0)
		return usage_error(err, "--class takes 4 or 5, not", o->reply_class);
	if (jobs != NULL) {
		char *end;
		long n = strtol(jobs, &end, 10);

		if (*end != '\0' || n < 1 || n > 64)
			return usage_error(err, "--jobs takes a number from 1 to 64, not", jobs);
		o->jobs = (int)n;
	}
	if (o->each && o->format != FORMAT_TEXT && o->format != FORMAT_JSON)
		return fail(err, SMTPCODE_EXIT_USAGE, "--each writes JSON lines; "
			    "give no other --format");
	if (!o->each && o->format != FORMAT_TEXT && o->format != FORMAT_JSON)
		return fail(err, SMTPCODE_EXIT_USAGE, "a scan's report is text or JSON");
	return -1;
}

/* Options may stand before, between or after the operands ("--" ends them; once reply text
 * has begun, a word like "-ERR" that is no option is text). */
int parse_options(int argc, char **argv, struct options *o, FILE *out, FILE *err)
{
	int i, rc, only_operands = 0;
	enum color color = COLOR_AUTO;
	enum mode mode = MODE_CODES; /* the first of --list, --search, --explain given */
	const char *jobs = NULL;

	memset(o, 0, sizeof *o);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!only_operands && a[0] == '-' && a[1] != '\0') {
			const char **hint = NULL;
			size_t n = 0;

			if (strcmp(a, "--") == 0) {
				only_operands = 1;
				continue;
			}
			if (strncmp(a, "--provider", n = 10) == 0)
				hint = &o->provider;
			else if (strncmp(a, "--host", n = 6) == 0)
				hint = &o->host;
			else if (strncmp(a, "--rcpt", n = 6) == 0)
				hint = &o->rcpt;
			else if (strncmp(a, "--since", n = 7) == 0)
				hint = &o->since;
			else if (strncmp(a, "--until", n = 7) == 0)
				hint = &o->until;
			else if (strncmp(a, "--class", n = 7) == 0)
				hint = &o->reply_class;
			else if (strncmp(a, "--code", n = 6) == 0)
				hint = &o->code;
			else if (strncmp(a, "--domain", n = 8) == 0)
				hint = &o->domain;
			else if (strncmp(a, "--jobs", n = 6) == 0)
				hint = &jobs;
			if (hint != NULL && (a[n] == '\0' || a[n] == '=')) {
				if (a[n] == '=')
					*hint = a + n + 1;
				else if (i + 1 < argc)
					*hint = argv[++i];
				else
					return usage_error(err, "a value is missing after", a);
				if (hint == &o->provider && smtpcode_provider_find(o->provider) == NULL)
					return usage_error(err, "unknown provider (see 'smtpcode --list "
							   "providers'):", o->provider);
				if (**hint == '\0')
					return usage_error(err, "an empty value for", a);
				continue;
			}
			rc = take_option(a, o, &color, out, err);
			if (rc == OPTION_UNKNOWN && !(o->mode == MODE_EXPLAIN && o->nargs > 0))
				return usage_error(err, "unknown option", a);
			if (rc >= 0)
				return rc;
			if (mode != MODE_CODES && o->mode != mode)
				return fail(err, SMTPCODE_EXIT_USAGE, "--list, --search, --explain and "
					    "--scan exclude each other; give one");
			mode = o->mode;
			if (rc == OPTION_DONE)
				continue;
		}
		argv[1 + o->nargs++] = argv[i]; /* gather operands, in order, at argv[1] */
	}
	if (o->mode == MODE_CODES && o->nargs == 0)
		return fail(err, SMTPCODE_EXIT_USAGE, "no code given; try 'smtpcode 535' or see "
			    "'smtpcode --help'");
	if (o->mode == MODE_SEARCH && (o->nargs == 0 || argv[1][0] == '\0'))
		return fail(err, SMTPCODE_EXIT_USAGE, "--search needs at least one word");
	if (o->mode == MODE_LIST && o->nargs > 1)
		return usage_error(err, "--list takes one filter; unexpected", argv[2]);
	/* --explain A --explain B: each takes exactly one text, and two is the most */
	if (o->explains > 2)
		return fail(err, SMTPCODE_EXIT_USAGE, "--explain compares two texts at most");
	if (o->explains == 2 && o->nargs != 2)
		return fail(err, SMTPCODE_EXIT_USAGE, "with two --explain, each takes one text "
			    "(quote a text that has spaces)");
	if ((rc = scan_options(o, jobs, err)) >= 0)
		return rc;
	o->color = want_color(color, out);
	o->width = terminal_width(out);
	return -1;
}
