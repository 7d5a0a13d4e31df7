/* cli.c -- argument handling and the text and JSON output of the smtpcode command. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "output.h"
#include "render.h"
#include "smtpcode.h"
#include "util.h"

#define MIN_WIDTH 40
#define MAX_WIDTH 1000
#define MAX_REPLY ((size_t)1 << 20) /* bytes of reply text read from standard input */

enum format { FORMAT_TEXT, FORMAT_JSON, FORMAT_MARKDOWN };
enum mode { MODE_CODES, MODE_LIST, MODE_SEARCH, MODE_EXPLAIN };
enum color { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

struct options {
	enum mode mode;
	enum format format;
	int brief;
	int color; /* resolved: 1 to colour the output */
	int width;
	int nargs; /* the operands (codes, filter or words): argv[1] .. argv[nargs] */
};

static const char usage_text[] =
	"usage: smtpcode [options] CODE...\n"
	"       smtpcode [options] --list [FILTER]\n"
	"       smtpcode [options] --search WORD...\n"
	"       smtpcode [options] --explain [TEXT | -]\n"
	"       smtpcode -h | --help | -V | --version\n";

static const char help_text[] =
	"Explain SMTP reply codes (535) and enhanced status codes (5.7.8).\n"
	"\n"
	"  smtpcode CODE           print what the code means, when you see it, how to fix it\n"
	"  smtpcode CODE CODE      compare two codes side by side, with the key differences\n"
	"  smtpcode CODE CODE...   print each code in turn\n"
	"\n"
	"Options:\n"
	"  --json, --format=json   print JSON (one object, or an array for several codes)\n"
	"  --format=text           print text cards (the default)\n"
	"  --format=markdown       print markdown (a page, for a comparison)\n"
	"  -q, --brief             one line per code: code, class, title\n"
	"  --color=auto|always|never\n"
	"                          colour codes by class (auto: only on a terminal, and not\n"
	"                          when NO_COLOR is set)\n"
	"  -h, --help              print this help\n"
	"  -V, --version           print the version\n"
	"\n"
	"Codes: a basic reply code has three digits, the first 2-5 (535); an enhanced status\n"
	"code is CLASS.SUBJECT.DETAIL with class 2, 4 or 5 (5.7.8), or X for any class (X.7.8).\n"
	"\n"
	"Text is wrapped to COLUMNS, else the terminal's width, else 80 columns.\n"
	"\n"
	"Exit status: 0 every code was found; 1 a well-formed code is unknown, or nothing was\n"
	"found; 2 bad usage or malformed input; 3 the output could not be written.\n";

static int fail(FILE *err, int status, const char *fmt, ...) PRINTF_LIKE(3, 4);

static int fail(FILE *err, int status, const char *fmt, ...)
{
	va_list ap;

	fputs("smtpcode: ", err);
	va_start(ap, fmt);
	vfprintf(err, fmt, ap);
	va_end(ap);
	fputc('\n', err);
	return status;
}

/* Writes at most 40 bytes of untrusted input, printable ASCII as is, other bytes as \xNN. */
static void put_quoted(FILE *fp, const char *s)
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

static int terminal_width(FILE *out)
{
	const char *columns = getenv("COLUMNS");
	struct winsize ws;

	if (columns != NULL && *columns != '\0') {
		char *end;
		long v = strtol(columns, &end, 10);

		if (*end == '\0' && v > 0)
			return v < MIN_WIDTH ? MIN_WIDTH : v > MAX_WIDTH ? MAX_WIDTH : (int)v;
	}
	if (ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_col >= MIN_WIDTH)
		return ws.ws_col > MAX_WIDTH ? MAX_WIDTH : ws.ws_col;
	return 80;
}

static int usage_error(FILE *err, const char *what, const char *arg)
{
	fprintf(err, "smtpcode: %s ", what);
	put_quoted(err, arg);
	fputs("; see 'smtpcode --help'\n", err);
	return SMTPCODE_EXIT_USAGE;
}

/* Whether to colour: never into a pipe or file by default, NO_COLOR honoured. */
static int want_color(enum color c, FILE *out)
{
	const char *term = getenv("TERM");
	const char *no_color = getenv("NO_COLOR");

	if (c != COLOR_AUTO)
		return c == COLOR_ALWAYS;
	if (no_color != NULL && *no_color != '\0')
		return 0;
	return isatty(fileno(out)) && term != NULL && strcmp(term, "dumb") != 0;
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
		fprintf(out, "smtpcode %s\n", smtpcode_version());
		return SMTPCODE_EXIT_FOUND;
	} else if (strcmp(a, "--json") == 0 || strcmp(a, "--format=json") == 0) {
		o->format = FORMAT_JSON;
	} else if (strcmp(a, "--format=text") == 0) {
		o->format = FORMAT_TEXT;
	} else if (strcmp(a, "--format=markdown") == 0) {
		o->format = FORMAT_MARKDOWN;
	} else if (strncmp(a, "--format=", 9) == 0) {
		return usage_error(err, "unknown format", a + 9);
	} else if (strcmp(a, "-q") == 0 || strcmp(a, "--brief") == 0) {
		o->brief = 1;
	} else if (strcmp(a, "--list") == 0) {
		o->mode = MODE_LIST;
	} else if (strcmp(a, "--search") == 0) {
		o->mode = MODE_SEARCH;
	} else if (strcmp(a, "--explain") == 0) {
		o->mode = MODE_EXPLAIN;
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

/* Parses the options, which may stand before, between or after the operands ("--" ends
 * them; once reply text has begun, a word like "-ERR" that is no option is text); returns
 * -1 to go on, or an exit status. */
static int parse_options(int argc, char **argv, struct options *o, FILE *out, FILE *err)
{
	int i, only_operands = 0;
	enum color color = COLOR_AUTO;
	enum mode mode = MODE_CODES; /* the first of --list, --search, --explain given */

	memset(o, 0, sizeof *o);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		int rc;

		if (!only_operands && a[0] == '-' && a[1] != '\0') {
			if (strcmp(a, "--") == 0) {
				only_operands = 1;
				continue;
			}
			rc = take_option(a, o, &color, out, err);
			if (rc == OPTION_UNKNOWN && !(o->mode == MODE_EXPLAIN && o->nargs > 0))
				return usage_error(err, "unknown option", a);
			if (rc >= 0)
				return rc;
			if (mode != MODE_CODES && o->mode != mode)
				return fail(err, SMTPCODE_EXIT_USAGE, "--list, --search and --explain "
					    "exclude each other; give one");
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
	o->color = want_color(color, out);
	o->width = terminal_width(out);
	return -1;
}

/* Resolves one code; reports a failure on err and returns the exit status. */
static int resolve_or_report(const char *code, struct smtpcode_resolution *r, FILE *err)
{
	int rc = smtpcode_resolve(code, r);

	if (rc == SMTPCODE_OK)
		return SMTPCODE_EXIT_FOUND;
	fputs("smtpcode: ", err);
	put_quoted(err, code);
	if (rc == SMTPCODE_ENOTFOUND) {
		fputs(": no such code is known; 'smtpcode --list' shows every known code\n", err);
		return SMTPCODE_EXIT_UNKNOWN;
	}
	fprintf(err, ": %s; see 'smtpcode --help'\n", smtpcode_strerror(rc));
	return SMTPCODE_EXIT_USAGE;
}

/* Explains one reply text of len bytes. Returns the exit status. */
static int explain_text(const struct options *o, const char *text, size_t len, FILE *out,
			FILE *err)
{
	struct smtpcode_reply r;
	char message[1024];
	int n, known;

	if (smtpcode_parse_reply(text, len, &r) != SMTPCODE_OK)
		return fail(err, SMTPCODE_EXIT_UNKNOWN, "no reply code found in the text; expected "
			    "something like '550 5.1.1 User unknown'");
	/* a message longer than the buffer is cut at a word with "..." rather than dropped */
	n = smtpcode_explain_reply(text, len, message, sizeof message);
	if (n >= (int)sizeof message)
		memcpy(message + sizeof message - 4, "...", 4);
	if (o->format == FORMAT_JSON)
		known = render_explain_json(out, &r, n >= 0 ? message : NULL);
	else if (o->format == FORMAT_MARKDOWN)
		known = render_explain_markdown(out, &r, n >= 0 ? message : NULL);
	else
		known = render_explain_text(out, &r, n >= 0 ? message : NULL, o->width, o->color);
	/* as for a code: a reply whose codes are all unknown is "not found" */
	return known ? SMTPCODE_EXIT_FOUND : SMTPCODE_EXIT_UNKNOWN;
}

/* Reads all of standard input, at most MAX_REPLY bytes, into a new buffer. */
static char *read_stdin(size_t *len, FILE *err)
{
	char *buf = malloc(MAX_REPLY + 1);

	if (buf == NULL) {
		fail(err, SMTPCODE_EXIT_USAGE, "out of memory for the reply text");
		return NULL;
	}
	*len = fread(buf, 1, MAX_REPLY + 1, stdin);
	if (ferror(stdin)) {
		fail(err, SMTPCODE_EXIT_USAGE, "cannot read standard input");
	} else if (*len > MAX_REPLY) {
		fail(err, SMTPCODE_EXIT_USAGE, "the reply on standard input is longer than 1 MiB; "
		     "pass the part with the reply code");
	} else {
		return buf;
	}
	free(buf);
	return NULL;
}

static int run_explain(const struct options *o, char **args, FILE *out, FILE *err)
{
	size_t len = 0, i;
	char *text;
	int status;

	if (o->nargs == 0 || (o->nargs == 1 && strcmp(args[0], "-") == 0)) {
		text = read_stdin(&len, err); /* it reports its own failure */
		if (text == NULL)
			return SMTPCODE_EXIT_USAGE;
	} else {
		/* several operands are one reply split by the shell: join them with spaces */
		for (i = 0; i < (size_t)o->nargs; i++)
			len += strlen(args[i]) + 1;
		text = malloc(len + 1); /* never 0 bytes, whatever the analyser assumes */
		if (text == NULL)
			return fail(err, SMTPCODE_EXIT_USAGE, "out of memory for the reply text");
		for (len = 0, i = 0; i < (size_t)o->nargs; i++) {
			size_t n = strlen(args[i]);

			memcpy(text + len, args[i], n);
			len += n;
			text[len++] = ' ';
		}
		len--;
	}
	status = explain_text(o, text, len, out, err);
	free(text);
	return status;
}

/* Whether an operand is no code but holds a server reply ("550 5.1.1 User unknown"). */
static int holds_reply(const char *arg)
{
	struct smtpcode_reply r;
	int rc = smtpcode_parse_code(arg, NULL);

	if (rc == SMTPCODE_OK || rc == SMTPCODE_EEMPTY || rc == SMTPCODE_ECLASS)
		return 0;
	/* a reply has words besides its code; " 535" alone is a malformed code, not a reply */
	return smtpcode_parse_reply(arg, strlen(arg), &r) == SMTPCODE_OK && r.basic >= 0 &&
	       (r.enhanced[0] != '\0' || r.text_length > 0);
}

/* A code that is not registered itself: the note, then its class and subject. */
static void render_fallback(const struct options *o, const struct smtpcode_resolution *r,
			    const char *code, FILE *out)
{
	char asked[32];

	/* the subject card in the asked class: "5.7.XXX" */
	snprintf(asked, sizeof asked, "%c.%d.XXX", r->reply_class ? '0' + r->reply_class : 'X',
		 resolved_entry(r)->subject);
	if (o->format == FORMAT_MARKDOWN) {
		fprintf(out, "# %s\n\n", code);
		md_text(out, r->note);
		fputs("\n\n", out);
		if (r->class_entry != NULL) {
			render_card_markdown(out, r->class_entry, r->class_entry->code, 2);
			fputc('\n', out);
		}
		render_card_markdown(out, resolved_entry(r), asked, 2);
		return;
	}
	fprintf(out, "%s  ", code);
	out_wrapped(out, r->note, (int)strlen(code) + 2, o->width);
	fputc('\n', out);
	if (r->class_entry != NULL) {
		render_card(out, r->class_entry, r->class_entry->code, o->width, o->color);
		fputc('\n', out);
	}
	render_card(out, resolved_entry(r), asked, o->width, o->color);
}

static int run_codes(const struct options *o, char **codes, FILE *out, FILE *err)
{
	int status = SMTPCODE_EXIT_FOUND, shown = 0, i;
	int as_array = o->format == FORMAT_JSON && o->nargs > 1;

	if (as_array)
		fputs("[\n  ", out);
	for (i = 0; i < o->nargs; i++) {
		struct smtpcode_resolution r;
		int rc;

		if (holds_reply(codes[i])) {
			if (o->format == FORMAT_JSON)
				fputs(shown ? ",\n  " : "", out);
			else if (shown)
				fputc('\n', out);
			shown++;
			rc = explain_text(o, codes[i], strlen(codes[i]), out, err);
			status = rc > status ? rc : status;
			continue;
		}
		rc = resolve_or_report(codes[i], &r, err);

		if (rc > status)
			status = rc;
		if (rc != SMTPCODE_EXIT_FOUND)
			continue;
		if (o->format == FORMAT_JSON) {
			fputs(shown ? ",\n  " : "", out);
			json_entry(out, resolved_entry(&r), codes[i], r.note, as_array ? 2 : 0);
		} else if (o->brief) {
			render_brief(out, resolved_entry(&r), codes[i], o->color, 0, o->width);
		} else {
			if (shown)
				fputc('\n', out);
			if (r.note != NULL)
				render_fallback(o, &r, codes[i], out);
			else if (o->format == FORMAT_MARKDOWN)
				render_card_markdown(out, r.entry, codes[i], 1);
			else
				render_card(out, r.entry, codes[i], o->width, o->color);
		}
		shown++;
	}
	if (as_array)
		fputs("\n]\n", out);
	else if (o->format == FORMAT_JSON && shown)
		fputc('\n', out);
	return status;
}

/* Two codes side by side; a code that cannot be looked up is reported as for a single one. */
static int run_compare(const struct options *o, char **codes, FILE *out, FILE *err)
{
	struct smtpcode_comparison c;
	struct smtpcode_resolution r;
	int status = resolve_or_report(codes[0], &r, err);
	int status_b = resolve_or_report(codes[1], &r, err);

	if (status_b > status)
		status = status_b;
	if (status != SMTPCODE_EXIT_FOUND)
		return status;
	if (smtpcode_compare(codes[0], codes[1], &c) != SMTPCODE_OK)
		return fail(err, SMTPCODE_EXIT_USAGE, "cannot compare these codes");
	if (o->format == FORMAT_JSON)
		render_compare_json(out, &c, codes[0], codes[1]);
	else if (o->format == FORMAT_MARKDOWN)
		render_compare_markdown(out, &c, codes[0], codes[1]);
	else
		render_compare_text(out, &c, codes[0], codes[1], o->width, o->color);
	return SMTPCODE_EXIT_FOUND;
}

/* Prints entries as list lines or a JSON array. A class filter ("5.7") shows "X." codes in
 * that class ("5.7.8"). */
static void print_entries(const struct options *o, const struct smtpcode_entry **list,
			  size_t n, char shown_class, FILE *out)
{
	size_t i;

	if (o->format == FORMAT_JSON)
		fputs("[", out);
	for (i = 0; i < n; i++) {
		char code[SMTPCODE_CODE_MAX + 1];

		snprintf(code, sizeof code, "%s", list[i]->code);
		if (shown_class != 0 && code[0] == 'X' && list[i]->subject >= 0)
			code[0] = shown_class;
		if (o->format == FORMAT_JSON) {
			fputs(i ? ",\n  " : "\n  ", out);
			json_entry(out, list[i], code, NULL, 2);
		} else {
			render_brief(out, list[i], code, o->color, 1, o->width);
		}
	}
	if (o->format == FORMAT_JSON)
		fputs(n ? "\n]\n" : "]\n", out);
}

/* Room for every entry: a list or search result never holds more. */
static const struct smtpcode_entry **entry_list(FILE *err)
{
	const struct smtpcode_entry **list =
		malloc(smtpcode_entry_count() * sizeof(const struct smtpcode_entry *));

	if (list == NULL)
		fail(err, SMTPCODE_EXIT_USAGE, "out of memory for the list");
	return list;
}

static int run_list(const struct options *o, const char *filter, FILE *out, FILE *err)
{
	const struct smtpcode_entry **list;
	size_t n = 0, i;
	char shown_class = 0;

	if (filter != NULL && smtpcode_filter_match(smtpcode_entry_at(0), filter) < 0)
		return usage_error(err, "unknown --list filter (try 2xx 4xx 5xx 55x 5.7 x.7 5.x "
				   "basic enhanced):", filter);
	if ((list = entry_list(err)) == NULL)
		return SMTPCODE_EXIT_USAGE;
	for (i = 0; i < smtpcode_entry_count(); i++)
		if (smtpcode_filter_match(smtpcode_entry_at(i), filter) == 1)
			list[n++] = smtpcode_entry_at(i);
	if (filter != NULL && filter[0] >= '2' && filter[0] <= '5' && filter[1] == '.')
		shown_class = filter[0];
	print_entries(o, list, n, shown_class, out);
	free(list);
	if (n == 0)
		return fail(err, SMTPCODE_EXIT_UNKNOWN, "no code matches this filter");
	return SMTPCODE_EXIT_FOUND;
}

static int run_search(const struct options *o, char **words, FILE *out, FILE *err)
{
	const struct smtpcode_entry **list = entry_list(err);
	size_t n;

	if (list == NULL)
		return SMTPCODE_EXIT_USAGE;
	n = smtpcode_search((const char *const *)words, (size_t)o->nargs, list,
			    smtpcode_entry_count());
	print_entries(o, list, n, 0, out);
	free(list);
	if (n == 0)
		return fail(err, SMTPCODE_EXIT_UNKNOWN, "no code mentions every word given; try "
			    "fewer or shorter words");
	return SMTPCODE_EXIT_FOUND;
}

int smtpcode_cli(int argc, char **argv, FILE *out, FILE *err)
{
	struct options o;
	int status = parse_options(argc, argv, &o, out, err);

	if (status >= 0)
		; /* done: help, version or a usage error */
	else if (o.mode == MODE_LIST)
		status = run_list(&o, o.nargs ? argv[1] : NULL, out, err);
	else if (o.mode == MODE_SEARCH)
		status = run_search(&o, argv + 1, out, err);
	else if (o.mode == MODE_EXPLAIN)
		status = run_explain(&o, argv + 1, out, err);
	else if (o.nargs == 1 && o.format == FORMAT_JSON && holds_reply(argv[1]))
		status = explain_text(&o, argv[1], strlen(argv[1]), out, err);
	else if (o.nargs == 2 && !o.brief && !holds_reply(argv[1]) && !holds_reply(argv[2]))
		status = run_compare(&o, argv + 1, out, err);
	else
		status = run_codes(&o, argv + 1, out, err);
	if (fflush(out) != 0 || ferror(out))
		return fail(err, SMTPCODE_EXIT_IO, "cannot write the output");
	return status;
}
