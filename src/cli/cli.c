/* cli.c -- the smtpcode command: what each mode shows, through the writer of the format, and
 * the exit status. */
#include <stdlib.h>
#include <string.h>

#include <smtpcode.h>

#include "cli.h"
#include "options.h"
#include "scan.h"
#include "writer.h"

#define MAX_REPLY ((size_t)1 << 20) /* bytes of reply text read from standard input */

/* What one run needs: the options, the writer and where it writes. */
struct run {
	struct options o;
	const struct writer *w;
	struct out out;
	FILE *err;
};

/* Resolves one code; reports a failure on err and returns the exit status. */
static int resolve_or_report(const char *code, struct smtpcode_resolution *r, FILE *err)
{
	int rc;

	r->size = sizeof *r;
	rc = smtpcode_resolve(code, r);
	if (rc == SMTPCODE_OK)
		return SMTPCODE_EXIT_FOUND;
	fputs("smtpcode: ", err);
	put_quoted(err, code);
	if (rc == SMTPCODE_ENOTFOUND) {
		fprintf(err, ": %s\n", smtpcode_label(SMTPCODE_LABEL_UNKNOWN_CODE));
		return SMTPCODE_EXIT_UNKNOWN;
	}
	fprintf(err, ": %s; see 'smtpcode --help'\n", smtpcode_strerror(rc));
	return SMTPCODE_EXIT_USAGE;
}

/* Explains one reply text of len bytes, counting it in *shown. Returns the exit status: as
 * for a code, a reply whose codes are all unknown is "not found". */
static int explain_text(const struct run *run, const char *text, size_t len, size_t *shown)
{
	struct smtpcode_reply r = { .size = sizeof r };

	if (smtpcode_parse_reply(text, len, &r) != SMTPCODE_OK) {
		/* JSON answers every input: the explain object with null codes */
		if (run->w->explains_nothing) {
			if ((*shown)++ > 0)
				run->w->between(&run->out);
			run->w->explain(&run->out, text, len, &r);
		}
		return fail(run->err, SMTPCODE_EXIT_UNKNOWN, "%s",
			    smtpcode_label(SMTPCODE_LABEL_NO_REPLY_FOUND));
	}
	if ((*shown)++ > 0)
		run->w->between(&run->out);
	run->w->explain(&run->out, text, len, &r);
	return smtpcode_reply_entries(&r, NULL, NULL, NULL) ? SMTPCODE_EXIT_FOUND
							    : SMTPCODE_EXIT_UNKNOWN;
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

/* The operands as one reply (several are one reply split by the shell: joined with spaces),
 * or standard input for none or "-". */
static int run_explain(struct run *run, char **args)
{
	size_t len = 0, i, shown = 0;
	int nargs = run->o.nargs, status;
	char *text;

	if (nargs == 0 || (nargs == 1 && strcmp(args[0], "-") == 0)) {
		text = read_stdin(&len, run->err); /* it reports its own failure */
		if (text == NULL)
			return SMTPCODE_EXIT_USAGE;
	} else {
		for (i = 0; i < (size_t)nargs; i++)
			len += strlen(args[i]) + 1;
		text = malloc(len + 1); /* never 0 bytes, whatever the analyser assumes */
		if (text == NULL)
			return fail(run->err, SMTPCODE_EXIT_USAGE, "out of memory for the reply text");
		for (len = 0, i = 0; i < (size_t)nargs; i++) {
			size_t n = strlen(args[i]);

			memcpy(text + len, args[i], n);
			len += n;
			text[len++] = ' ';
		}
		len--;
	}
	run->w->begin(&run->out);
	status = explain_text(run, text, len, &shown);
	run->w->end(&run->out, shown);
	free(text);
	return status;
}

static int is_reply(const char *arg)
{
	return smtpcode_operand_kind(arg) == SMTPCODE_OPERAND_REPLY;
}

/* A marker of the provider data, exactly ("TSS04"); never a code or a reply. */
static const struct smtpcode_provider_entry *marker_of(const char *arg)
{
	if (smtpcode_operand_kind(arg) != SMTPCODE_OPERAND_MALFORMED)
		return NULL;
	return smtpcode_marker_find(arg);
}

/* Each operand in turn: a code's card, or a reply explained. */
static int run_codes(struct run *run, char **args)
{
	int status = SMTPCODE_EXIT_FOUND, i;
	size_t shown = 0;

	run->out.several = run->o.nargs > 1;
	/* a marker's entries are a list: JSON prints them as an array */
	for (i = 0; i < run->o.nargs; i++)
		if (marker_of(args[i]) != NULL)
			run->out.several = 1;
	run->w->begin(&run->out);
	for (i = 0; i < run->o.nargs; i++) {
		struct smtpcode_resolution r;
		int rc, reply = is_reply(args[i]);
		const struct smtpcode_provider_entry *pe = reply ? NULL : marker_of(args[i]);

		if (pe != NULL) {
			if (shown++ > 0)
				run->w->between(&run->out);
			run->w->pentry(&run->out, pe);
			continue;
		}

		if (!reply && (rc = resolve_or_report(args[i], &r, run->err)) != SMTPCODE_EXIT_FOUND) {
			status = rc > status ? rc : status;
			continue;
		}
		if (reply) {
			rc = explain_text(run, args[i], strlen(args[i]), &shown);
		} else {
			if (shown++ > 0)
				run->w->between(&run->out);
			run->w->code(&run->out, args[i], &r);
		}
		status = rc > status ? rc : status;
	}
	run->w->end(&run->out, shown);
	return status;
}

/* Two codes side by side; a code that cannot be looked up is reported as for a single one. */
/* Two reply texts side by side; each must hold a code. */
static int run_replies(struct run *run, char **texts)
{
	struct smtpcode_reply r = { .size = sizeof r };
	int i;

	for (i = 0; i < 2; i++)
		if (smtpcode_parse_reply(texts[i], strlen(texts[i]), &r) != SMTPCODE_OK) {
			fail(run->err, SMTPCODE_EXIT_UNKNOWN, "no reply code in the %s text",
			     i == 0 ? "first" : "second");
			return SMTPCODE_EXIT_UNKNOWN;
		}
	run->w->begin(&run->out);
	run->w->replies(&run->out, texts[0], strlen(texts[0]), texts[1], strlen(texts[1]));
	run->w->end(&run->out, 1);
	return SMTPCODE_EXIT_FOUND;
}

static int run_compare(struct run *run, char **codes)
{
	struct smtpcode_comparison c = { .size = sizeof c };
	struct smtpcode_resolution r;
	int status = resolve_or_report(codes[0], &r, run->err);
	int status_b = resolve_or_report(codes[1], &r, run->err);

	if (status_b > status)
		status = status_b;
	if (status != SMTPCODE_EXIT_FOUND)
		return status;
	if (smtpcode_compare(codes[0], codes[1], &c) != SMTPCODE_OK)
		return fail(run->err, SMTPCODE_EXIT_USAGE, "cannot compare these codes");
	run->w->begin(&run->out);
	run->w->compare(&run->out, &c);
	run->w->end(&run->out, 1);
	return SMTPCODE_EXIT_FOUND;
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

static int run_list(struct run *run, const char *text)
{
	struct smtpcode_filter f = { .size = sizeof f };
	const struct smtpcode_entry **list;
	size_t n = 0, i;

	if (text != NULL && (strcmp(text, "providers") == 0 || smtpcode_provider_find(text) != NULL)) {
		run->w->providers(&run->out, smtpcode_provider_find(text));
		return SMTPCODE_EXIT_FOUND;
	}
	if (smtpcode_filter_parse(text, &f) != SMTPCODE_OK)
		return usage_error(run->err, "unknown --list filter (try 2xx 4xx 5xx 55x 5.7 x.7 "
				   "5.x basic enhanced):", text);
	if ((list = entry_list(run->err)) == NULL)
		return SMTPCODE_EXIT_USAGE;
	for (i = 0; i < smtpcode_entry_count(); i++)
		if (smtpcode_filter_matches(&f, smtpcode_entry_at(i)))
			list[n++] = smtpcode_entry_at(i);
	run->w->list(&run->out, list, n, f.shown_class);
	free(list);
	if (n == 0)
		return fail(run->err, SMTPCODE_EXIT_UNKNOWN, "%s",
			    smtpcode_label(SMTPCODE_LABEL_NO_MATCH));
	return SMTPCODE_EXIT_FOUND;
}

static int run_search(struct run *run, char **words)
{
	const struct smtpcode_entry **list = entry_list(run->err);
	size_t n;

	if (list == NULL)
		return SMTPCODE_EXIT_USAGE;
	n = smtpcode_search((const char *const *)words, (size_t)run->o.nargs, list,
			    smtpcode_entry_count());
	run->w->list(&run->out, list, n, '\0');
	free(list);
	if (n == 0)
		return fail(run->err, SMTPCODE_EXIT_UNKNOWN, "%s",
			    smtpcode_label(SMTPCODE_LABEL_NO_SEARCH_MATCH));
	return SMTPCODE_EXIT_FOUND;
}

/* The writer of the format: JSON whatever else was asked, then brief lines, which are text. */
static const struct writer *writer_for(const struct options *o)
{
	if (o->format == FORMAT_JSON)
		return &json_writer;
	if (o->format == FORMAT_MARKDOWN && !o->brief)
		return &markdown_writer;
	if (o->format == FORMAT_HTML && !o->brief)
		return &html_writer;
	return &text_writer;
}

int smtpcode_cli(int argc, char **argv, FILE *out, FILE *err)
{
	struct run run;
	struct smtpcode_hints hints = { .size = sizeof hints };
	int status = parse_options(argc, argv, &run.o, out, err);
	char **args = argv + 1;

	run.w = writer_for(&run.o);
	run.err = err;
	memset(&run.out, 0, sizeof run.out); /* every field the command does not set is 0 */
	run.out.fp = out;
	run.out.width = run.o.width;
	run.out.color = run.o.color;
	run.out.brief = run.o.brief && run.o.format != FORMAT_JSON;
	run.out.several = 0;
	run.out.hints = NULL;
	if (status < 0 && (run.o.provider != NULL || run.o.host != NULL || run.o.rcpt != NULL)) {
		hints.provider = run.o.provider;
		hints.remote_host = run.o.host;
		hints.recipient_domain = run.o.rcpt;
		run.out.hints = &hints;
	}
	if (status >= 0)
		; /* done: help, version or a usage error */
	else if (run.o.mode == MODE_LIST)
		status = run_list(&run, run.o.nargs ? args[0] : NULL);
	else if (run.o.mode == MODE_SCAN)
		status = run_scan(&run.o, args, run.o.nargs, out, err);
	else if (run.o.mode == MODE_SEARCH)
		status = run_search(&run, args);
	else if ((run.o.mode == MODE_EXPLAIN && run.o.explains == 2) ||
		 (run.o.mode == MODE_CODES && run.o.nargs == 2 && is_reply(args[0]) &&
		  is_reply(args[1])))
		status = run_replies(&run, args);
	else if (run.o.mode == MODE_EXPLAIN)
		status = run_explain(&run, args);
	else if (run.o.nargs == 2 && !run.o.brief && !is_reply(args[0]) && !is_reply(args[1]) &&
		 marker_of(args[0]) == NULL && marker_of(args[1]) == NULL)
		status = run_compare(&run, args);
	else
		status = run_codes(&run, args);
	if (fflush(out) != 0 || ferror(out))
		return fail(err, SMTPCODE_EXIT_IO, "cannot write the output");
	return status;
}
