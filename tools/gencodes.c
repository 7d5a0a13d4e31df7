/* gencodes: validate the data in codes/ and emit the gperf keyword file and the const entry table. */
/*
 * usage: gencodes GPERF_OUT TABLE_OUT FILE...   validate, then write both outputs
 *        gencodes --check FILE...               only validate
 *
 * Every problem is reported as "FILE:LINE: what is wrong" on stderr and the exit status is 1;
 * nothing is written then. Outputs are written to "OUT.tmp" and renamed, so a failed or
 * interrupted run never leaves a half-written file behind.
 *
 * Built with -DGENCODES_FUZZ, the file has no main and its parser is driven by
 * tests/fuzz/fuzz_gencodes.c through parse_buffer(), check_table() and free_table().
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LINE 100       /* columns a data line may use */
#define MAX_TITLE 60       /* characters a title may have */
#define MAX_FILE (8 << 20) /* bytes a data file may have */
#define MAX_ERRORS 50      /* stop reporting after this many */
#define MAX_LIST 32        /* items in a references/related/basic_codes list */

enum field {
	F_CODE, F_CLASS, F_STATUS, F_TITLE, F_DESCRIPTION, F_WHEN_SEEN, F_HOW_TO_FIX,
	F_WHO_ACTS, F_RETRY, F_REFERENCES, F_RELATED, F_BASIC_CODES, F_COUNT
};

static const char *const field_names[F_COUNT] = {
	"code", "class", "status", "title", "description", "when_seen", "how_to_fix",
	"who_acts", "retry", "references", "related", "basic_codes"
};

static const char *const status_tokens[] = { "standard", "nonstandard", "deprecated", NULL };
static const char *const status_enums[] = {
	"SMTPCODE_STANDARD", "SMTPCODE_NONSTANDARD", "SMTPCODE_DEPRECATED"
};
static const char *const actor_tokens[] = {
	"none", "sender", "sender_admin", "recipient", "recipient_admin", NULL
};
static const char *const actor_enums[] = {
	"SMTPCODE_ACTOR_NONE", "SMTPCODE_ACTOR_SENDER", "SMTPCODE_ACTOR_SENDER_ADMIN",
	"SMTPCODE_ACTOR_RECIPIENT", "SMTPCODE_ACTOR_RECIPIENT_ADMIN"
};
static const char *const retry_tokens[] = { "none", "later", "after_change", "never", NULL };
static const char *const retry_enums[] = {
	"SMTPCODE_RETRY_NONE", "SMTPCODE_RETRY_LATER", "SMTPCODE_RETRY_AFTER_CHANGE",
	"SMTPCODE_RETRY_NEVER"
};

struct text {
	char *s;     /* joined text, NUL-terminated; NULL when the field is absent */
	size_t len;
	int line;    /* line of the field's first line */
};

struct entry {
	const char *file;
	int line; /* line of the block's first field */
	struct text f[F_COUNT];
	/* derived from the code */
	int kind; /* 1 basic, 2 enhanced */
	int cls;  /* 2..5, 0 for X */
	int subject, detail; /* -1 where absent or XXX */
	int status, actor, retry;
	char *refs[MAX_LIST];
	int nrefs;
	char *related[MAX_LIST];
	int nrelated;
	int basic[MAX_LIST];
	int nbasic;
	int subject_entry; /* index of the "X.S.XXX" entry, -1 if none */
	size_t seq;        /* order of appearance, to report the later of two duplicates */
};

static struct entry *entries;
static size_t nentries, capentries;
static int nerrors;
static FILE *diag_fp; /* where problems are reported; NULL means stderr */

static FILE *diag(void)
{
	return diag_fp != NULL ? diag_fp : stderr;
}

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

static void error_at(const char *file, int line, const char *fmt, ...) PRINTF_LIKE(3, 4);

static void error_at(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	nerrors++;
	if (nerrors > MAX_ERRORS)
		return;
	fprintf(diag(), "%s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(diag(), fmt, ap);
	va_end(ap);
	fputc('\n', diag());
}

static void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n > 0 ? n : 1); /* realloc(p, 0) may free p and return NULL */

	if (q == NULL) {
		fprintf(stderr, "gencodes: out of memory\n");
		exit(1);
	}
	return q;
}

static char *xstrndup(const char *s, size_t n)
{
	char *p = xrealloc(NULL, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static int token_index(const char *const *tokens, const char *s)
{
	int i;

	for (i = 0; tokens[i] != NULL; i++)
		if (strcmp(tokens[i], s) == 0)
			return i;
	return -1;
}

/* Parses 1-3 decimal digits without a leading zero (or "0"); returns the value or -1. */
static int parse_number(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	if (n < 1 || n > 3 || (n > 1 && s[0] == '0'))
		return -1;
	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Takes a data code apart. Returns 0 and fills e->kind, cls, subject, detail, or -1. */
static int parse_code(const char *s, struct entry *e)
{
	const char *dot1, *dot2;
	size_t n = strlen(s);

	if (n == 3 && isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
	    isdigit((unsigned char)s[2])) {
		if (s[0] < '2' || s[0] > '5')
			return -1;
		e->kind = 1;
		e->cls = s[0] - '0';
		e->subject = e->detail = -1;
		return 0;
	}
	if (n < 5 || s[1] != '.')
		return -1;
	if (s[0] == '2' || s[0] == '4' || s[0] == '5')
		e->cls = s[0] - '0';
	else if (s[0] == 'X')
		e->cls = 0;
	else
		return -1;
	e->kind = 2;
	dot1 = s + 1;
	dot2 = strchr(dot1 + 1, '.');
	if (dot2 == NULL || strchr(dot2 + 1, '.') != NULL)
		return -1;
	if (strcmp(dot1 + 1, "XXX.XXX") == 0) { /* class sub-code: only 2, 4, 5 */
		e->subject = e->detail = -1;
		return e->cls == 0 ? -1 : 0;
	}
	e->subject = parse_number(dot1 + 1, (size_t)(dot2 - dot1 - 1));
	if (e->subject < 0)
		return -1;
	if (strcmp(dot2 + 1, "XXX") == 0) { /* subject sub-code: only X */
		e->detail = -1;
		return e->cls == 0 ? 0 : -1;
	}
	e->detail = parse_number(dot2 + 1, strlen(dot2 + 1));
	return e->detail < 0 ? -1 : 0;
}

/* Splits a comma-separated list into trimmed items. Returns the count, -1 on an empty item
 * or -2 on too many items; *made is how many items were allocated either way. */
static int split_list(const char *s, char **items, int *made)
{
	int n = 0;

	for (;;) {
		const char *end = strchr(s, ',');
		const char *stop = end ? end : s + strlen(s);
		const char *a = s, *b = stop;

		while (a < b && *a == ' ')
			a++;
		while (b > a && b[-1] == ' ')
			b--;
		if (a == b)
			return -1;
		if (n == MAX_LIST)
			return -2;
		items[n++] = xstrndup(a, (size_t)(b - a));
		*made = n;
		if (end == NULL)
			return n;
		s = end + 1;
	}
}

static int is_reference(const char *s)
{
	size_t i = 4;

	if (strncmp(s, "RFC ", 4) != 0 || !isdigit((unsigned char)s[4]))
		return 0;
	while (isdigit((unsigned char)s[i]))
		i++;
	return s[i] == '\0' || s[i] == ' ';
}

static void check_list_field(struct entry *e, enum field f)
{
	const struct text *t = &e->f[f];
	char *items[MAX_LIST];
	int n, i, count = 0;

	if (t->s == NULL)
		return;
	n = split_list(t->s, items, &count);
	if (n < 0) {
		for (i = 0; i < count; i++)
			free(items[i]);
	}
	if (n == -1) {
		error_at(e->file, t->line, "%s: empty item in the list", field_names[f]);
		return;
	}
	if (n == -2) {
		error_at(e->file, t->line, "%s: more than %d items in the list", field_names[f],
			 MAX_LIST);
		return;
	}
	for (i = 0; i < n; i++) {
		struct entry tmp;

		if (f == F_REFERENCES) {
			if (!is_reference(items[i]))
				error_at(e->file, t->line,
					 "references: '%s' does not start with 'RFC <number>'",
					 items[i]);
			e->refs[e->nrefs++] = items[i];
		} else if (f == F_RELATED) {
			if (parse_code(items[i], &tmp) != 0)
				error_at(e->file, t->line, "related: '%s' is not a code", items[i]);
			e->related[e->nrelated++] = items[i];
		} else {
			if (parse_code(items[i], &tmp) != 0 || tmp.kind != 1) {
				error_at(e->file, t->line,
					 "basic_codes: '%s' is not a three-digit reply code", items[i]);
			} else {
				e->basic[e->nbasic++] = (int)strtol(items[i], NULL, 10);
			}
			free(items[i]);
		}
	}
}

/* Frees what an entry owns: its texts and list items. */
static void free_entry(struct entry *e)
{
	int i;

	for (i = 0; i < F_COUNT; i++)
		free(e->f[i].s);
	for (i = 0; i < e->nrefs; i++)
		free(e->refs[i]);
	for (i = 0; i < e->nrelated; i++)
		free(e->related[i]);
}

static int ends_with_sentence(const char *s, size_t n)
{
	return n > 0 && (s[n - 1] == '.' || s[n - 1] == '?' || s[n - 1] == '!');
}

/* Checks one finished block; the entry is kept only when its code parsed. */
static void finish_entry(struct entry *e)
{
	static const enum field required[] = {
		F_CODE, F_CLASS, F_TITLE, F_DESCRIPTION, F_WHEN_SEEN, F_HOW_TO_FIX,
		F_WHO_ACTS, F_RETRY, F_REFERENCES
	};
	static const enum field prose[] = { F_DESCRIPTION, F_WHEN_SEEN, F_HOW_TO_FIX };
	const struct text *t;
	size_t i;
	int code_ok = 0;

	/* A field line with no value and no continuation: report it, then treat it as absent. */
	for (i = 0; i < F_COUNT; i++) {
		if (e->f[i].s != NULL && e->f[i].len == 0) {
			error_at(e->file, e->f[i].line, "%s: empty text", field_names[i]);
			free(e->f[i].s);
			e->f[i].s = NULL;
			e->f[i].line = -e->f[i].line; /* present, so not also "missing" */
		}
	}
	for (i = 0; i < sizeof required / sizeof required[0]; i++)
		if (e->f[required[i]].s == NULL && e->f[required[i]].line == 0)
			error_at(e->file, e->line, "missing required field '%s'",
				 field_names[required[i]]);
	t = &e->f[F_CODE];
	if (t->s != NULL) {
		code_ok = parse_code(t->s, e) == 0;
		if (!code_ok)
			error_at(e->file, t->line,
				 "code: '%s' is not a reply code (535) or an enhanced status code "
				 "(5.7.8, X.7.8, 5.XXX.XXX, X.7.XXX)", t->s);
	}
	t = &e->f[F_CLASS];
	if (code_ok && t->s != NULL &&
	    (strlen(t->s) != 1 || t->s[0] != e->f[F_CODE].s[0]))
		error_at(e->file, t->line, "class: '%s' disagrees with code %s (expected %c)",
			 t->s, e->f[F_CODE].s, e->f[F_CODE].s[0]);
	t = &e->f[F_STATUS];
	e->status = t->s ? token_index(status_tokens, t->s) : 0;
	if (e->status < 0)
		error_at(e->file, t->line,
			 "status: '%s' is not one of standard, nonstandard, deprecated", t->s);
	t = &e->f[F_TITLE];
	if (t->s != NULL && (t->len > MAX_TITLE || t->s[t->len - 1] == '.'))
		error_at(e->file, t->line,
			 "title: at most %d characters and no final period", MAX_TITLE);
	for (i = 0; i < sizeof prose / sizeof prose[0]; i++) {
		t = &e->f[prose[i]];
		if (t->s != NULL && !ends_with_sentence(t->s, t->len))
			error_at(e->file, t->line,
				 "%s: text does not end with '.'; is a sentence cut off?",
				 field_names[prose[i]]);
	}
	t = &e->f[F_WHO_ACTS];
	if (t->s != NULL && (e->actor = token_index(actor_tokens, t->s)) < 0)
		error_at(e->file, t->line,
			 "who_acts: '%s' is not one of none, sender, sender_admin, recipient, "
			 "recipient_admin", t->s);
	t = &e->f[F_RETRY];
	if (t->s != NULL && (e->retry = token_index(retry_tokens, t->s)) < 0)
		error_at(e->file, t->line,
			 "retry: '%s' is not one of none, later, after_change, never", t->s);
	check_list_field(e, F_REFERENCES);
	check_list_field(e, F_RELATED);
	t = &e->f[F_BASIC_CODES];
	if (code_ok && e->kind == 1 && t->s != NULL)
		error_at(e->file, t->line, "basic_codes: only enhanced codes have basic_codes");
	else if (code_ok && e->kind == 2 && t->s == NULL && t->line == 0)
		error_at(e->file, e->line,
			 "missing required field 'basic_codes' (an enhanced code; 'none' if the "
			 "registry gives none)");
	else if (t->s != NULL && strcmp(t->s, "none") != 0)
		check_list_field(e, F_BASIC_CODES);
	if (code_ok) {
		if (nentries == capentries) {
			capentries = capentries ? 2 * capentries : 256;
			entries = xrealloc(entries, capentries * sizeof *entries);
		}
		e->seq = nentries;
		entries[nentries++] = *e;
	} else {
		free_entry(e);
	}
}

/* Checks one physical line for bytes and lengths the data may not have. Returns 0 if it is
 * clean, -1 after reporting a problem that still lets the line be read, -2 when the file
 * cannot be read on (CRLF: every line would report it). */
static int check_line_bytes(const char *file, int lineno, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\r') {
			error_at(file, lineno, "carriage return (CRLF line end); save the file with "
				 "LF line ends (the rest of the file is not read)");
			return -2;
		}
		if (c == '\t') {
			error_at(file, lineno, "TAB character at column %zu; indent with spaces",
				 i + 1);
			return -1;
		}
		if (c < 0x20 || c > 0x7e) {
			error_at(file, lineno, "byte 0x%02X at column %zu is not printable ASCII; "
				 "the data is ASCII only", c, i + 1);
			return -1;
		}
	}
	if (n > MAX_LINE) {
		error_at(file, lineno, "line is %zu characters long; wrap at %d", n, MAX_LINE);
		return -1;
	}
	if (n > 0 && s[n - 1] == ' ') {
		error_at(file, lineno, "trailing white space");
		return -1;
	}
	return 0;
}

static void append_text(struct text *t, const char *s, size_t n)
{
	size_t add;

	while (n > 0 && s[n - 1] == ' ') /* reported already; keep it out of the text */
		n--;
	add = n + (t->len ? 1 : 0);

	t->s = xrealloc(t->s, t->len + add + 1);
	if (t->len)
		t->s[t->len++] = ' ';
	memcpy(t->s + t->len, s, n);
	t->len += n;
	t->s[t->len] = '\0';
}

/* Parses the data of one file, size bytes at buf (need not be NUL-terminated): every block
 * becomes an entry, every problem a message naming file and line. */
static void parse_buffer(const char *file, const char *buf, size_t size)
{
	size_t pos = 0;
	int lineno = 0, in_block = 0;
	int skipping = 0; /* the field line above was bad: ignore its continuation lines */
	struct entry e;
	enum field cur = F_COUNT; /* field that continuation lines extend */

	memset(&e, 0, sizeof e);
	while (pos < size) {
		const char *line = buf + pos;
		const char *nl = memchr(line, '\n', size - pos);
		size_t n = nl ? (size_t)(nl - line) : size - pos;
		const char *colon;

		pos += n + 1;
		lineno++;
		if (check_line_bytes(file, lineno, line, n) == -2)
			break;
		/* cppcheck-suppress knownConditionTrueFalse ; n is 0 when nl == line */
		if (n == 0) { /* blank line: the block ends */
			if (in_block)
				finish_entry(&e);
			memset(&e, 0, sizeof e);
			in_block = 0;
			cur = F_COUNT;
			skipping = 0;
			continue;
		}
		if (line[0] == '#')
			continue;
		if (line[0] == ' ') {
			size_t indent = 0;

			while (indent < n && line[indent] == ' ') /* the line may end the buffer */
				indent++;
			if (indent != 2)
				error_at(file, lineno, "continuation lines are indented by exactly two "
					 "spaces");
			if (skipping || indent == n)
				continue;
			if (cur == F_COUNT) {
				error_at(file, lineno, "continuation line with no field above it");
				continue;
			}
			append_text(&e.f[cur], line + indent, n - indent);
			continue;
		}
		skipping = 1;
		colon = memchr(line, ':', n);
		if (colon == NULL) {
			error_at(file, lineno, "expected 'field: value', a comment or a blank line");
			cur = F_COUNT;
			continue;
		}
		for (cur = 0; cur < F_COUNT; cur++)
			if (strlen(field_names[cur]) == (size_t)(colon - line) &&
			    memcmp(field_names[cur], line, (size_t)(colon - line)) == 0)
				break;
		if (cur == F_COUNT) {
			error_at(file, lineno, "unknown field '%.*s'", (int)(colon - line), line);
			continue;
		}
		if (!in_block) {
			in_block = 1;
			e.file = file;
			e.line = lineno;
		}
		if (e.f[cur].line != 0) {
			error_at(file, lineno, "field '%s' given twice (first at line %d)",
				 field_names[cur], e.f[cur].line);
			cur = F_COUNT;
			continue;
		}
		e.f[cur].line = lineno;
		if (colon + 1 < line + n && colon[1] != ' ') {
			error_at(file, lineno, "a space must follow '%s:'", field_names[cur]);
			cur = F_COUNT;
			continue;
		}
		skipping = 0;
		if (colon + 2 < line + n)
			append_text(&e.f[cur], colon + 2, (size_t)(line + n - colon - 2));
		else
			e.f[cur].s = xstrndup("", 0);
	}
	if (in_block)
		finish_entry(&e);
}

#ifndef GENCODES_FUZZ
static void parse_file(const char *file)
{
	FILE *fp = fopen(file, "rb");
	char *buf;
	size_t size;

	if (fp == NULL) {
		fprintf(stderr, "%s: cannot open: %s\n", file, strerror(errno));
		nerrors++;
		return;
	}
	buf = xrealloc(NULL, MAX_FILE + 1);
	size = fread(buf, 1, MAX_FILE + 1, fp);
	fclose(fp);
	if (size > MAX_FILE)
		error_at(file, 1, "file is larger than %d bytes", MAX_FILE);
	else
		parse_buffer(file, buf, size);
	free(buf);
}
#endif

static int compare_entries(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;

	if (a->kind != b->kind)
		return a->kind - b->kind;
	if (a->kind == 1 && strcmp(a->f[F_CODE].s, b->f[F_CODE].s) != 0)
		return strcmp(a->f[F_CODE].s, b->f[F_CODE].s);
	if (a->subject != b->subject)
		return a->subject - b->subject;
	if (a->detail != b->detail)
		return a->detail - b->detail;
	if (a->cls != b->cls)
		return a->cls - b->cls;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static long find_code(const char *code)
{
	size_t i;

	for (i = 0; i < nentries; i++)
		if (strcmp(entries[i].f[F_CODE].s, code) == 0)
			return (long)i;
	return -1;
}

/* Checks what spans entries: duplicates, related codes, subjects, associated basic codes. */
static void check_table(void)
{
	size_t i;
	int j;

	for (i = 1; i < nentries; i++)
		if (strcmp(entries[i].f[F_CODE].s, entries[i - 1].f[F_CODE].s) == 0)
			error_at(entries[i].file, entries[i].f[F_CODE].line,
				 "duplicate code %s (also at %s:%d)", entries[i].f[F_CODE].s,
				 entries[i - 1].file, entries[i - 1].f[F_CODE].line);
	for (i = 0; i < nentries; i++) {
		struct entry *e = &entries[i];

		for (j = 0; j < e->nrelated; j++) {
			if (find_code(e->related[j]) < 0)
				error_at(e->file, e->f[F_RELATED].line,
					 "related: %s has no entry", e->related[j]);
			if (strcmp(e->related[j], e->f[F_CODE].s) == 0)
				error_at(e->file, e->f[F_RELATED].line,
					 "related: %s names itself", e->related[j]);
		}
		for (j = 0; j < e->nbasic; j++) {
			char code[16];

			snprintf(code, sizeof code, "%d", e->basic[j]);
			if (find_code(code) < 0)
				error_at(e->file, e->f[F_BASIC_CODES].line,
					 "basic_codes: %s has no entry", code);
		}
		e->subject_entry = -1;
		if (e->kind == 2 && e->subject >= 0) {
			char code[32];

			snprintf(code, sizeof code, "X.%d.XXX", e->subject);
			e->subject_entry = (int)find_code(code);
			if (e->subject_entry < 0)
				error_at(e->file, e->f[F_CODE].line,
					 "code %s: its subject has no entry %s", e->f[F_CODE].s, code);
		}
	}
}

/* Orders the entries as the table lists them, then checks what spans entries. */
static void sort_and_check_table(void)
{
	if (nentries > 0) /* qsort's base may not be NULL, even for no elements */
		qsort(entries, nentries, sizeof *entries, compare_entries);
	check_table();
}

/* Frees every entry and forgets the errors, so that another set of files can be read. */
static void free_table(void)
{
	size_t i;

	for (i = 0; i < nentries; i++)
		free_entry(&entries[i]);
	free(entries);
	entries = NULL;
	nentries = capentries = 0;
	nerrors = 0;
}

/* Writes s as a C string literal; the data is printable ASCII, so only " and \ need escapes.
 * Long texts are split into adjacent literals to stay within C's minimum literal limits. */
static void put_c_string(FILE *fp, const char *s)
{
	size_t col = 0;

	fputc('"', fp);
	for (; *s; s++, col++) {
		if (col == 500) {
			fputs("\"\n\t\t\"", fp);
			col = 0;
		}
		if (*s == '"' || *s == '\\')
			fputc('\\', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}

static const char banner[] = "Generated from the data in codes/ by tools/gencodes.c -- do not edit.";

static void write_gperf(FILE *fp)
{
	size_t i;

	fprintf(fp, "%%{\n/* %s */\n%%}\n", banner);
	fputs("%language=ANSI-C\n"
	      "%struct-type\n"
	      "%omit-struct-type\n"
	      "%readonly-tables\n"
	      "%compare-lengths\n"
	      "%define hash-function-name smtpcode_hash_\n"
	      "%define lookup-function-name smtpcode_find_\n"
	      "%define word-array-name smtpcode_words_\n"
	      "%define initializer-suffix ,0\n"
	      "%define constants-prefix SMTPCODE_GPERF_\n"
	      "struct smtpcode_key;\n"
	      "%%\n", fp);
	for (i = 0; i < nentries; i++)
		fprintf(fp, "\"%s\", %zu\n", entries[i].f[F_CODE].s, i);
	/* Aliases, so that "5.7.8" finds the X.7.8 entry in one probe; a class-specific entry
	 * of the same code, where the data has one, keeps its own key instead. */
	for (i = 0; i < nentries; i++) {
		const struct entry *e = &entries[i];
		const char *cls;

		if (e->kind != 2 || e->cls != 0 || e->subject < 0)
			continue;
		for (cls = "245"; *cls != '\0'; cls++) {
			char alias[32];

			snprintf(alias, sizeof alias, "%c%s", *cls, e->f[F_CODE].s + 1);
			if (find_code(alias) < 0)
				fprintf(fp, "\"%s\", %zu\n", alias, i);
		}
	}
	fputs("%%\n", fp);
}

/* The entry of each three-digit code 200-599, or -1: three-digit codes need no hash. */
static void write_basic_index(FILE *fp)
{
	int code;

	fputs("\nstatic const short smtpcode_basic_index_[400] = {", fp);
	for (code = 200; code < 600; code++) {
		char key[16];
		long index;

		snprintf(key, sizeof key, "%d", code);
		index = find_code(key);
		fprintf(fp, "%s%ld,", code % 16 == 8 ? "\n\t" : " ", index);
	}
	fputs("\n};\n", fp);
}

static void write_table(FILE *fp)
{
	size_t i;
	int j;

	fprintf(fp, "/* %s */\n\n", banner);
	for (i = 0; i < nentries; i++) {
		const struct entry *e = &entries[i];

		fprintf(fp, "static const char *const smtpcode_refs_%zu_[] = {", i);
		for (j = 0; j < e->nrefs; j++) {
			fputs(j ? ", " : " ", fp);
			put_c_string(fp, e->refs[j]);
		}
		fputs(" };\n", fp);
		if (e->nrelated > 0) {
			fprintf(fp, "static const char *const smtpcode_related_%zu_[] = {", i);
			for (j = 0; j < e->nrelated; j++) {
				fputs(j ? ", " : " ", fp);
				put_c_string(fp, e->related[j]);
			}
			fputs(" };\n", fp);
		}
		if (e->nbasic > 0) {
			fprintf(fp, "static const unsigned short smtpcode_basic_%zu_[] = {", i);
			for (j = 0; j < e->nbasic; j++)
				fprintf(fp, "%s%d", j ? ", " : " ", e->basic[j]);
			fputs(" };\n", fp);
		}
	}
	fprintf(fp, "\nstatic const struct smtpcode_entry smtpcode_table_[%zu] = {\n", nentries);
	for (i = 0; i < nentries; i++) {
		const struct entry *e = &entries[i];

		fputs("\t{\n\t\t.code = ", fp);
		put_c_string(fp, e->f[F_CODE].s);
		fprintf(fp, ",\n\t\t.kind = %s,\n\t\t.reply_class = %d,\n"
			"\t\t.subject = %d,\n\t\t.detail = %d,\n\t\t.status = %s,\n",
			e->kind == 1 ? "SMTPCODE_BASIC" : "SMTPCODE_ENHANCED", e->cls, e->subject,
			e->detail, status_enums[e->status]);
		fputs("\t\t.title = ", fp);
		put_c_string(fp, e->f[F_TITLE].s);
		fputs(",\n\t\t.description = ", fp);
		put_c_string(fp, e->f[F_DESCRIPTION].s);
		fputs(",\n\t\t.when_seen = ", fp);
		put_c_string(fp, e->f[F_WHEN_SEEN].s);
		fputs(",\n\t\t.how_to_fix = ", fp);
		put_c_string(fp, e->f[F_HOW_TO_FIX].s);
		fprintf(fp, ",\n\t\t.who_acts = %s,\n\t\t.retry = %s,\n",
			actor_enums[e->actor], retry_enums[e->retry]);
		fprintf(fp, "\t\t.references = smtpcode_refs_%zu_,\n"
			"\t\t.reference_count = %d,\n", i, e->nrefs);
		if (e->nrelated > 0)
			fprintf(fp, "\t\t.related = smtpcode_related_%zu_,\n", i);
		fprintf(fp, "\t\t.related_count = %d,\n", e->nrelated);
		if (e->nbasic > 0)
			fprintf(fp, "\t\t.basic_codes = smtpcode_basic_%zu_,\n", i);
		fprintf(fp, "\t\t.basic_code_count = %d,\n", e->nbasic);
		if (e->subject_entry >= 0) {
			fputs("\t\t.subject_name = ", fp);
			put_c_string(fp, entries[e->subject_entry].f[F_TITLE].s);
			fputs(",\n", fp);
		}
		fputs("\t},\n", fp);
	}
	fputs("};\n", fp);
	write_basic_index(fp);
}

#ifndef GENCODES_FUZZ
/* Writes through PATH.tmp and renames it onto PATH. Returns 0 on success. */
static int write_atomically(const char *path, void (*emit)(FILE *))
{
	size_t n = strlen(path);
	char *tmp = xrealloc(NULL, n + 5);
	FILE *fp;

	memcpy(tmp, path, n);
	memcpy(tmp + n, ".tmp", 5);
	fp = fopen(tmp, "w");
	if (fp == NULL) {
		fprintf(stderr, "gencodes: cannot write %s: %s\n", tmp, strerror(errno));
		free(tmp);
		return -1;
	}
	emit(fp);
	if (ferror(fp) | fclose(fp) || rename(tmp, path) != 0) {
		fprintf(stderr, "gencodes: cannot write %s: %s\n", path, strerror(errno));
		remove(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}

int main(int argc, char **argv)
{
	int check_only = argc > 1 && strcmp(argv[1], "--check") == 0;
	int first = check_only ? 2 : 3;
	int i, status = 0;

	if (argc <= first) {
		fprintf(stderr, "usage: gencodes GPERF_OUT TABLE_OUT FILE...\n"
				"       gencodes --check FILE...\n");
		return 2;
	}
	for (i = first; i < argc; i++)
		parse_file(argv[i]);
	sort_and_check_table();
	if (nentries == 0 && nerrors == 0) {
		fprintf(stderr, "gencodes: no entries in the data files\n");
		status = 1;
	} else if (nerrors > 0) {
		if (nerrors > MAX_ERRORS)
			fprintf(stderr, "gencodes: %d more errors not shown\n",
				nerrors - MAX_ERRORS);
		status = 1;
	} else if (!check_only && (write_atomically(argv[1], write_gperf) != 0 ||
				   write_atomically(argv[2], write_table) != 0)) {
		status = 1;
	}
	free_table();
	return status;
}
#endif
