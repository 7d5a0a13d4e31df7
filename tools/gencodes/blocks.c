/* blocks.c -- reading data files into blocks of fields, and what every kind of block shares. */
#include <ctype.h>
#include <stdarg.h>
#include <string.h>

#include "gencodes.h"
#include "smtpcode.h"

int nerrors;
FILE *diag_fp;

static const char *const code_fields[F_CODE_COUNT] = {
	"code", "class", "status", "title", "summary", "description", "when_seen", "how_to_fix",
	"who_acts", "retry", "scope", "stages", "next", "references", "related", "basic_codes",
	"classes"
};
static const char *const pair_fields[P_COUNT] = {
	"pair", "separates", "how_to_tell", "what_to_do", "references"
};
static const char *const provider_fields[V_COUNT] = {
	"provider", "name", "signatures", "help_hosts", "mx_suffixes", "domains", "about"
};
static const char *const pentry_fields[E_COUNT] = {
	"entry", "marker", "codes", "range", "text", "title", "summary", "meaning", "how_to_fix",
	"who_acts", "retry", "suppress_recipient", "documented", "wire_code", "source",
	"source_copy", "verified", "sample"
};

static const char *const form_fields[R_COUNT] = {
	"form", "does", "kind", "trust", "at", "reach", "side", "stage", "case", "note"
};

const struct kind_def kinds[K_COUNT] = {
	{ code_fields, F_CODE_COUNT, finish_code },
	{ pair_fields, P_COUNT, finish_pair },
	{ provider_fields, V_COUNT, finish_provider },
	{ pentry_fields, E_COUNT, finish_pentry },
	{ form_fields, R_COUNT, finish_form },
};

/* ---- the token lists of include/smtpcode.h --------------------------------------------- */

#define TOKEN_(name, token, value) #token,
#define STATUS_ENUM_(name, token, value) "SMTPCODE_" #name,
#define ACTOR_ENUM_(name, token, value) "SMTPCODE_ACTOR_" #name,
#define RETRY_ENUM_(name, token, value) "SMTPCODE_RETRY_" #name,
#define SCOPE_ENUM_(name, token, value) "SMTPCODE_SCOPE_" #name,
#define NEXT_ENUM_(name, token, value) "SMTPCODE_NEXT_" #name,

const char *const status_tokens[] = { SMTPCODE_STATUS_LIST(TOKEN_, TOKEN_) NULL };
const char *const actor_tokens[] = { SMTPCODE_ACTOR_LIST(TOKEN_, TOKEN_) NULL };
const char *const retry_tokens[] = { SMTPCODE_RETRY_LIST(TOKEN_, TOKEN_) NULL };
const char *const scope_tokens[] = { SMTPCODE_SCOPE_LIST(TOKEN_, TOKEN_) NULL };
const char *const next_tokens[] = { SMTPCODE_NEXT_LIST(TOKEN_, TOKEN_) NULL };
const char *const stage_tokens[] = { SMTPCODE_STAGE_LIST(TOKEN_, TOKEN_) NULL };
const char *const status_enums[] = { SMTPCODE_STATUS_LIST(STATUS_ENUM_, STATUS_ENUM_) NULL };
const char *const actor_enums[] = { SMTPCODE_ACTOR_LIST(ACTOR_ENUM_, ACTOR_ENUM_) NULL };
const char *const retry_enums[] = { SMTPCODE_RETRY_LIST(RETRY_ENUM_, RETRY_ENUM_) NULL };
const char *const scope_enums[] = { SMTPCODE_SCOPE_LIST(SCOPE_ENUM_, SCOPE_ENUM_) NULL };
const char *const next_enums[] = { SMTPCODE_NEXT_LIST(NEXT_ENUM_, NEXT_ENUM_) NULL };

#define COUNT_(list) ((int)(sizeof(list) / sizeof((list)[0])) - 1)
const int nstatus = COUNT_(status_tokens), nactor = COUNT_(actor_tokens);
const int nretry = COUNT_(retry_tokens), nscope = COUNT_(scope_tokens);
const int nnext = COUNT_(next_tokens), nstage = COUNT_(stage_tokens);

/* ---- errors and memory ----------------------------------------------------------------- */

FILE *diag(void)
{
	return diag_fp != NULL ? diag_fp : stderr;
}

void error_at(const char *file, int line, const char *fmt, ...)
{
	FILE *fp = diag();
	va_list ap;

	nerrors++;
	if (nerrors > MAX_ERRORS)
		return;
	fprintf(fp, "%s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(fp, fmt, ap);
	va_end(ap);
	fputc('\n', fp);
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n > 0 ? n : 1); /* realloc(p, 0) may free p and return NULL */

	if (q == NULL) {
		fprintf(stderr, "gencodes: out of memory\n");
		exit(1);
	}
	return q;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xrealloc(NULL, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *take_text(struct text *t)
{
	char *s = t->s;

	t->s = NULL;
	return s;
}

void free_block(struct block *b)
{
	int i;

	for (i = 0; i < MAX_FIELDS; i++)
		free(b->f[i].s);
	memset(b, 0, sizeof *b);
}

/* ---- validation helpers ---------------------------------------------------------------- */

int token_index(const char *const *tokens, int n, const char *s)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(tokens[i], s) == 0)
			return i;
	return -1;
}

const char *token_list(const char *const *tokens, int n, char *buf, size_t size)
{
	size_t used = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < n && used + 1 < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? ", " : "", tokens[i]);
	return buf;
}

int token_field(const char *file, const struct text *t, const char *field,
		const char *const *tokens, int n, int first, int def)
{
	char list[512];
	int v;

	if (t->s == NULL)
		return def;
	v = token_index(tokens, n, t->s);
	if (v < first) {
		error_at(file, t->line, "%s: '%s' is not one of %s", field, t->s,
			 token_list(tokens + first, n - first, list, sizeof list));
		return -1;
	}
	return v;
}

int ends_with_sentence(const char *s, size_t n)
{
	return n > 0 && (s[n - 1] == '.' || s[n - 1] == '?' || s[n - 1] == '!');
}

int split_items(const char *file, const struct text *t, const char *field, const char *sep,
		char **items)
{
	const char *s = t->s;
	size_t seplen = strlen(sep);
	int n = 0;

	for (;;) {
		const char *end = strstr(s, sep);
		const char *a = s, *b = end != NULL ? end : s + strlen(s);

		while (a < b && *a == ' ')
			a++;
		while (b > a && b[-1] == ' ')
			b--;
		if (a == b || n == MAX_LIST) {
			if (a == b)
				error_at(file, t->line, "%s: empty item in the list", field);
			else
				error_at(file, t->line, "%s: more than %d items in the list", field,
					 MAX_LIST);
			free_items(items, n);
			return -1;
		}
		items[n++] = xstrndup(a, (size_t)(b - a));
		if (end == NULL)
			return n;
		s = end + seplen;
	}
}

void free_items(char **items, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(items[i]);
}

int is_reference(const char *s)
{
	size_t i = 4;

	if (strncmp(s, "RFC ", 4) != 0 || !isdigit((unsigned char)s[4]))
		return 0;
	while (isdigit((unsigned char)s[i]))
		i++;
	return s[i] == '\0' || s[i] == ' ';
}

int parse_number(const char *s, size_t n)
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

int parse_data_code(const char *s, int *kind, int *cls, int *subject, int *detail)
{
	const char *dot1, *dot2;
	size_t n = strlen(s);

	if (n == 3 && isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
	    isdigit((unsigned char)s[2])) {
		if (s[0] < '2' || s[0] > '5')
			return -1;
		*kind = 1;
		*cls = s[0] - '0';
		*subject = *detail = -1;
		return 0;
	}
	if (n < 5 || s[1] != '.')
		return -1;
	if (s[0] == '2' || s[0] == '4' || s[0] == '5')
		*cls = s[0] - '0';
	else if (s[0] == 'X')
		*cls = 0;
	else
		return -1;
	*kind = 2;
	dot1 = s + 1;
	dot2 = strchr(dot1 + 1, '.');
	if (dot2 == NULL || strchr(dot2 + 1, '.') != NULL)
		return -1;
	if (strcmp(dot1 + 1, "XXX.XXX") == 0) { /* class sub-code: only 2, 4, 5 */
		*subject = *detail = -1;
		return *cls == 0 ? -1 : 0;
	}
	*subject = parse_number(dot1 + 1, (size_t)(dot2 - dot1 - 1));
	if (*subject < 0)
		return -1;
	if (strcmp(dot2 + 1, "XXX") == 0) { /* subject sub-code: only X */
		*detail = -1;
		return *cls == 0 ? 0 : -1;
	}
	*detail = parse_number(dot2 + 1, strlen(dot2 + 1));
	return *detail < 0 ? -1 : 0;
}

void check_common(struct block *b, const int *required, int nrequired, const int *prose,
		  int nprose, int title)
{
	const char *const *names = kinds[b->kind].fields;
	int i;

	/* A field line with no value and no continuation: report it, then treat it as absent. */
	for (i = 0; i < kinds[b->kind].nfields; i++) {
		if (b->f[i].s != NULL && b->f[i].len == 0) {
			error_at(b->file, b->f[i].line, "%s: empty text", names[i]);
			free(b->f[i].s);
			b->f[i].s = NULL;
			b->f[i].line = -b->f[i].line; /* present, so not also "missing" */
		}
	}
	for (i = 0; i < nrequired; i++)
		if (b->f[required[i]].s == NULL && b->f[required[i]].line == 0)
			error_at(b->file, b->line, "missing required field '%s'", names[required[i]]);
	for (i = 0; i < nprose; i++) {
		const struct text *t = &b->f[prose[i]];

		if (t->s != NULL && !ends_with_sentence(t->s, t->len))
			error_at(b->file, t->line,
				 "%s: text does not end with '.'; is a sentence cut off?",
				 names[prose[i]]);
	}
	if (title >= 0 && b->f[title].s != NULL &&
	    (b->f[title].len > MAX_TITLE || b->f[title].s[b->f[title].len - 1] == '.'))
		error_at(b->file, b->f[title].line,
			 "title: at most %d characters and no final period", MAX_TITLE);
}

/* ---- reading a file ------------------------------------------------------------------------ */

/* Checks one physical line for bytes and lengths the data may not have, reporting the first
 * bad byte, and copies it into clean without the bytes it reported (so that one bad byte gives
 * one message, not a second one about the field it spoiled). Returns 0 when the line can be
 * read on, -1 when the file cannot (CRLF: every line would report it). */
static int check_line(const char *file, int lineno, const char *s, size_t n, char *clean,
		      size_t *clean_len)
{
	size_t i, k = 0;
	int reported = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\r') {
			error_at(file, lineno, "carriage return (CRLF line end); save the file with "
				 "LF line ends (the rest of the file is not read)");
			return -1;
		}
		if (c >= 0x20 && c <= 0x7e) {
			clean[k++] = (char)c;
			continue;
		}
		if (reported++)
			continue;
		if (c == '\t')
			error_at(file, lineno, "TAB character at column %zu; indent with spaces",
				 i + 1);
		else if (i == 0 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
			error_at(file, lineno, "a byte order mark (UTF-8 BOM) starts the line; save "
				 "the file without it: the data is ASCII only");
		else
			error_at(file, lineno, "byte 0x%02X at column %zu is not printable ASCII; "
				 "the data is ASCII only", c, i + 1);
	}
	*clean_len = k;
	if (!reported && n > MAX_LINE)
		error_at(file, lineno, "line is %zu characters long; wrap at %d", n, MAX_LINE);
	else if (!reported && n > 0 && s[n - 1] == ' ')
		error_at(file, lineno, "trailing white space");
	return 0;
}

/* Appends a continuation to a field, growing its buffer geometrically. */
static void append_text(struct text *t, const char *s, size_t n)
{
	size_t need;

	while (n > 0 && s[n - 1] == ' ') /* reported already; keep it out of the text */
		n--;
	need = t->len + n + 2;
	if (need > t->cap) {
		t->cap = need > 2 * t->cap ? need : 2 * t->cap;
		t->s = xrealloc(t->s, t->cap);
	}
	if (t->len)
		t->s[t->len++] = ' ';
	memcpy(t->s + t->len, s, n);
	t->len += n;
	t->s[t->len] = '\0';
}

/* The field named by the n bytes at name within kind, or -1. */
static int field_index(enum kind kind, const char *name, size_t n)
{
	int i;

	for (i = 0; i < kinds[kind].nfields; i++)
		if (strlen(kinds[kind].fields[i]) == n && memcmp(kinds[kind].fields[i], name, n) == 0)
			return i;
	return -1;
}

/* The kind a block starting with this field has: the kind the field starts, else the first
 * kind that has it (a code block without its code line is still a code block). */
static int block_kind(const char *name, size_t n, int *field)
{
	int k;

	for (k = 0; k < K_COUNT; k++) {
		if (field_index((enum kind)k, name, n) == 0) {
			*field = 0;
			return k;
		}
	}
	for (k = 0; k < K_COUNT; k++)
		if ((*field = field_index((enum kind)k, name, n)) >= 0)
			return k;
	return -1;
}

/* Reading state of one file. */
struct reader {
	const char *file;
	struct block b;
	int in_block;
	int cur;      /* field that continuation lines extend, or -1 */
	int skipping; /* the field line above was bad: ignore its continuation lines */
};

static void end_block(struct reader *r)
{
	if (r->in_block)
		kinds[r->b.kind].finish(&r->b);
	free_block(&r->b);
	r->in_block = 0;
	r->cur = -1;
	r->skipping = 0;
}

static void read_continuation(struct reader *r, int lineno, const char *line, size_t n)
{
	size_t indent = 0;

	while (indent < n && line[indent] == ' ')
		indent++;
	if (indent != 2)
		error_at(r->file, lineno, "continuation lines are indented by exactly two spaces");
	if (r->skipping || indent == n)
		return;
	if (r->cur < 0) {
		error_at(r->file, lineno, "continuation line with no field above it");
		return;
	}
	append_text(&r->b.f[r->cur], line + indent, n - indent);
}

static void read_field(struct reader *r, int lineno, const char *line, size_t n)
{
	const char *colon = memchr(line, ':', n);
	size_t name_len;
	int f;

	r->skipping = 1;
	r->cur = -1;
	if (colon == NULL) {
		error_at(r->file, lineno, "expected 'field: value', a comment or a blank line");
		return;
	}
	name_len = (size_t)(colon - line);
	if (r->in_block) {
		f = field_index(r->b.kind, line, name_len);
	} else {
		int k = block_kind(line, name_len, &f);

		if (k >= 0) {
			r->b.kind = (enum kind)k;
			r->b.file = r->file;
			r->b.line = lineno;
			r->in_block = 1;
		}
	}
	if (f < 0) {
		error_at(r->file, lineno, "unknown field '%.*s'", (int)name_len, line);
		return;
	}
	if (r->b.f[f].line != 0 || r->b.f[f].s != NULL) {
		error_at(r->file, lineno, "field '%s' given twice (first at line %d)",
			 kinds[r->b.kind].fields[f], r->b.f[f].line);
		return;
	}
	r->b.f[f].line = lineno;
	if (colon + 1 < line + n && colon[1] != ' ') {
		error_at(r->file, lineno, "a space must follow '%s:'", kinds[r->b.kind].fields[f]);
		return;
	}
	/* The analyzer takes f[f] with an unknown f for another field than the one it saw
	 * allocated: every text is freed by free_block or taken over by a finish function. */
	/* NOLINTNEXTLINE(clang-analyzer-unix.Malloc) */
	r->skipping = 0;
	r->cur = f;
	r->b.f[f].s = xstrndup("", 0);
	r->b.f[f].cap = 1;
	if (colon + 2 < line + n)
		append_text(&r->b.f[f], colon + 2, (size_t)(line + n - colon - 2));
}

void parse_buffer(const char *file, const char *buf, size_t size)
{
	struct reader r;
	size_t pos = 0;
	int lineno = 0;
	char *clean = xrealloc(NULL, size + 1);

	memset(&r, 0, sizeof r);
	r.file = file;
	r.cur = -1;
	while (pos < size) {
		const char *start = buf + pos;
		const char *nl = memchr(start, '\n', size - pos);
		size_t raw = nl ? (size_t)(nl - start) : size - pos, n;

		pos += raw + 1;
		lineno++;
		if (check_line(file, lineno, start, raw, clean, &n) < 0)
			break;
		/* cppcheck-suppress knownConditionTrueFalse ; raw is 0 when nl == start */
		if (n == 0 && raw == 0) { /* blank line: the block ends */
			end_block(&r);
			continue;
		}
		if (n == 0 || clean[0] == '#')
			continue;
		if (clean[0] == ' ')
			read_continuation(&r, lineno, clean, n);
		else
			read_field(&r, lineno, clean, n);
	}
	end_block(&r);
	free(clean);
}

/* ---- output ------------------------------------------------------------------------------ */

const char banner[] = "Generated from the data in codes/ by tools/gencodes -- do not edit.";

void put_string_array(FILE *fp, const char *name, size_t i, char *const *items, int n)
{
	int j;

	fprintf(fp, "static const char *const smtpcode_%s_%zu_[] = {", name, i);
	for (j = 0; j < n; j++) {
		fputs(j ? ", " : " ", fp);
		put_c_string(fp, items[j]);
	}
	fputs(n ? " };\n" : " NULL };\n", fp);
}

void put_c_string(FILE *fp, const char *s)
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
