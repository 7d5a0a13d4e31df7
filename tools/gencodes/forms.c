/* forms.c -- form blocks (codes/forms.codes): the phrases around a code that say whether it is
 * a reply, the MTA's status or no code at all, and what else the text says (the remote host,
 * the stage, the software). Compiled into DIR/forms-table.inc for src/lib/reply.c. */
#include <string.h>

#include "gencodes.h"
#include "smtpcode.h"
#include "forms.h"

#define MAX_PHRASE 48 /* bytes a phrase may have once its escapes are read */

#define FORM_TOKEN_(name, token) #token,
static const char *const does_tokens[] = { FORM_DOES_LIST(FORM_TOKEN_) NULL };
static const char *const at_tokens[] = { FORM_AT_LIST(FORM_TOKEN_) NULL };
static const char *const reach_tokens[] = { FORM_REACH_LIST(FORM_TOKEN_) NULL };
static const char *const trust_tokens[] = { FORM_TRUST_LIST(FORM_TOKEN_) NULL };
static const char *const side_tokens[] = { FORM_SIDE_LIST(FORM_TOKEN_) NULL };
#define FORM_ENUM_NAME_(name, token) #name,
static const char *const does_enums[] = { FORM_DOES_LIST(FORM_ENUM_NAME_) NULL };
static const char *const at_enums[] = { FORM_AT_LIST(FORM_ENUM_NAME_) NULL };
static const char *const reach_enums[] = { FORM_REACH_LIST(FORM_ENUM_NAME_) NULL };
static const char *const trust_enums[] = { FORM_TRUST_LIST(FORM_ENUM_NAME_) NULL };
static const char *const side_enums[] = { FORM_SIDE_LIST(FORM_ENUM_NAME_) NULL };
#define KIND_TOKEN_(name, token, value) #token,
#define KIND_ENUM_(name, token, value) "SMTPCODE_FORM_" #name,
static const char *const kind_tokens[] = { SMTPCODE_FORM_LIST(KIND_TOKEN_, KIND_TOKEN_) NULL };
static const char *const kind_enums[] = { SMTPCODE_FORM_LIST(KIND_ENUM_, KIND_ENUM_) NULL };
#define STAGE_ENUM_(name, token, value) "SMTPCODE_STAGE_" #name,
static const char *const stage_enums[] = { SMTPCODE_STAGE_LIST(STAGE_ENUM_, STAGE_ENUM_) NULL };
static const char *const case_tokens[] = { "any", "exact", NULL };

#define NTOK(a) ((int)(sizeof(a) / sizeof((a)[0])) - 1)

struct form {
	const char *file;
	int line;
	unsigned char phrase[MAX_PHRASE];
	size_t length;
	int does, kind, trust, at, reach, side, stage, exact; /* stage: -2 for "command" */
};

static struct form *forms;
static size_t nforms, capforms;

static int hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Appends code point cp as UTF-8. */
static size_t put_utf8(unsigned char *out, unsigned long cp)
{
	if (cp < 0x80) {
		out[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (unsigned char)(0xC0 | (cp >> 6));
		out[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	out[0] = (unsigned char)(0xE0 | (cp >> 12));
	out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	out[2] = (unsigned char)(0x80 | (cp & 0x3F));
	return 3;
}

/* Reads the quoted phrase of a form field: "said:", with \" \\ \t \xHH and \uXXXX (a code
 * point of the Basic Multilingual Plane, written as UTF-8). Returns 0, or -1 (reported). */
static int read_phrase(struct form *f, const struct text *t)
{
	const char *s = t->s;
	size_t n = t->len, i, len = 0;

	if (n < 2 || s[0] != '"' || s[n - 1] != '"') {
		error_at(f->file, t->line, "form: the phrase must be written in double quotes");
		return -1;
	}
	for (i = 1; i + 1 < n; i++) {
		unsigned char buf[4];
		size_t k = 1;

		buf[0] = (unsigned char)s[i];
		if (s[i] == '"') {
			error_at(f->file, t->line, "form: a '\"' inside the phrase must be written \\\"");
			return -1;
		}
		if (s[i] == '\\') {
			int c = i + 2 < n ? s[i + 1] : 0;

			if (c == '"' || c == '\\') {
				buf[0] = (unsigned char)c;
				i++;
			} else if (c == 't') {
				buf[0] = '\t';
				i++;
			} else if (c == 'x' && i + 4 < n && hex_value(s[i + 2]) >= 0 &&
				   hex_value(s[i + 3]) >= 0) {
				buf[0] = (unsigned char)(hex_value(s[i + 2]) * 16 + hex_value(s[i + 3]));
				i += 3;
			} else if (c == 'u' && i + 6 < n && hex_value(s[i + 2]) >= 0 &&
				   hex_value(s[i + 3]) >= 0 && hex_value(s[i + 4]) >= 0 &&
				   hex_value(s[i + 5]) >= 0) {
				unsigned long cp = 0;
				int d;

				for (d = 2; d < 6; d++)
					cp = cp * 16 + (unsigned long)hex_value(s[i + d]);
				if (cp < 0x80 || (cp >= 0xD800 && cp <= 0xDFFF)) {
					error_at(f->file, t->line,
						 "form: \\u%04lX is ASCII or a surrogate; write it plainly", cp);
					return -1;
				}
				k = put_utf8(buf, cp);
				i += 5;
			} else {
				error_at(f->file, t->line,
					 "form: unknown escape in the phrase (use \\\" \\\\ \\t \\xHH \\uXXXX)");
				return -1;
			}
		}
		if (buf[0] == 0 || len + k > MAX_PHRASE) {
			error_at(f->file, t->line, buf[0] == 0 ? "form: a NUL byte in the phrase"
							       : "form: the phrase is longer than %d bytes",
				 MAX_PHRASE);
			return -1;
		}
		memcpy(f->phrase + len, buf, k);
		len += k;
	}
	if (len == 0) {
		error_at(f->file, t->line, "form: the phrase is empty");
		return -1;
	}
	if (f->phrase[0] == ' ' || (len > 1 && f->phrase[len - 1] == ' ' && f->phrase[len - 2] == ' ')) {
		error_at(f->file, t->line,
			 "form: a phrase may not start with a space or end with two");
		return -1;
	}
	for (i = 0; i + 1 < len; i++)
		if (f->phrase[i] == ' ' && f->phrase[i + 1] == ' ') {
			error_at(f->file, t->line,
				 "form: two spaces in a row; one space already stands for any run of white space");
			return -1;
		}
	f->length = len;
	return 0;
}

/* A field that only some kinds of form may have. */
static void only_for(const struct form *f, const struct text *t, const char *field, int ok,
		     const char *which)
{
	if (t->s != NULL && !ok)
		error_at(f->file, t->line, "%s: only a form that does %s has one", field, which);
}

void finish_form(struct block *b)
{
	static const int required[] = { R_FORM, R_DOES, R_NOTE };
	static const int prose[] = { R_NOTE };
	struct form f;
	const struct text *t = b->f;
	int d, bad = 0;

	memset(&f, 0, sizeof f);
	f.file = b->file;
	f.line = b->line;
	check_common(b, required, (int)(sizeof required / sizeof required[0]), prose, 1, -1);
	if (t[R_FORM].s == NULL || read_phrase(&f, &t[R_FORM]) != 0)
		bad = 1;
	d = f.does = token_field(f.file, &t[R_DOES], "does", does_tokens, NTOK(does_tokens), 0, -1);
	f.kind = token_field(f.file, &t[R_KIND], "kind", kind_tokens, NTOK(kind_tokens), 0, -1);
	f.trust = token_field(f.file, &t[R_TRUST], "trust", trust_tokens, NTOK(trust_tokens), 0,
			      FORM_TRUST_HIGH);
	f.at = token_field(f.file, &t[R_AT], "at", at_tokens, NTOK(at_tokens), 0, FORM_AT_WORD);
	f.reach = token_field(f.file, &t[R_REACH], "reach", reach_tokens, NTOK(reach_tokens), 0,
			      FORM_REACH_NEAR);
	f.side = token_field(f.file, &t[R_SIDE], "side", side_tokens, NTOK(side_tokens), 0,
			     FORM_SIDE_BEFORE);
	f.exact = token_field(f.file, &t[R_CASE], "case", case_tokens, NTOK(case_tokens), 0, 0);
	f.stage = 0;
	if (t[R_STAGE].s != NULL) {
		if (strcmp(t[R_STAGE].s, "command") == 0) {
			f.stage = -2;
		} else {
			f.stage = token_field(f.file, &t[R_STAGE], "stage", stage_tokens, nstage, 1, -1);
		}
	}
	if (d < 0 || f.trust < 0 || f.at < 0 || f.reach < 0 || f.side < 0 || f.exact < 0 ||
	    f.stage == -1 || (t[R_KIND].s != NULL && f.kind < 0))
		bad = 1;
	if (d >= 0) {
		only_for(&f, &t[R_KIND], "kind",
			 d == FORM_DOES_REPLY || d == FORM_DOES_CODE || d == FORM_DOES_STATUS ||
				 d == FORM_DOES_MARK || d == FORM_DOES_CLIENT,
			 "reply, code, status, client or mark");
		only_for(&f, &t[R_TRUST], "trust", d == FORM_DOES_REPLY || d == FORM_DOES_CODE,
			 "reply or code");
		only_for(&f, &t[R_REACH], "reach",
			 d == FORM_DOES_REPLY || d == FORM_DOES_CODE || d == FORM_DOES_STATUS ||
				 d == FORM_DOES_SKIP,
			 "reply, code, status or skip");
		only_for(&f, &t[R_SIDE], "side",
			 d == FORM_DOES_REPLY || d == FORM_DOES_SKIP || d == FORM_DOES_HOST,
			 "reply, skip or host");
		only_for(&f, &t[R_STAGE], "stage",
			 d == FORM_DOES_REPLY || d == FORM_DOES_CODE || d == FORM_DOES_STAGE ||
				 d == FORM_DOES_COMMAND || d == FORM_DOES_CLIENT,
			 "reply, code, stage, command or client");
		if ((d == FORM_DOES_STAGE || d == FORM_DOES_COMMAND) && t[R_STAGE].s == NULL)
			error_at(f.file, b->line, "missing required field 'stage' (a %s form names one)",
				 does_tokens[d]);
		if (d == FORM_DOES_COMMAND && f.stage == -2)
			error_at(f.file, t[R_STAGE].line, "stage: a command form names its own stage");
		if (d == FORM_DOES_MARK && t[R_KIND].s == NULL)
			error_at(f.file, b->line, "missing required field 'kind' (a mark names one)");
		if (f.side == FORM_SIDE_AFTER && f.reach == FORM_REACH_LINE)
			error_at(f.file, t[R_REACH].line,
				 "reach: a form after its code touches it; it cannot reach a line");
		if ((f.at == FORM_AT_LINE || f.at == FORM_AT_WHOLE) && f.side == FORM_SIDE_AFTER)
			error_at(f.file, t[R_AT].line, "at: a form after its code is not first on a line");
	}
	if (bad)
		return;
	if (nforms == capforms) {
		capforms = capforms ? 2 * capforms : 128;
		forms = xrealloc(forms, capforms * sizeof *forms);
	}
	forms[nforms++] = f;
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* The table order: by first byte as the reader indexes it (letters in lower case), then the
 * longest phrase first, so that of two phrases matching at one place the longer wins. */
static int compare_forms(const void *pa, const void *pb)
{
	const struct form *a = pa, *b = pb;
	int ca = lower(a->phrase[0]), cb = lower(b->phrase[0]);
	size_t n = a->length < b->length ? a->length : b->length, i;

	if (ca != cb)
		return ca - cb;
	if (a->length != b->length)
		return a->length > b->length ? -1 : 1;
	for (i = 0; i < n; i++)
		if (lower(a->phrase[i]) != lower(b->phrase[i]))
			return lower(a->phrase[i]) - lower(b->phrase[i]);
	return a->does - b->does;
}

static int same_phrase(const struct form *a, const struct form *b)
{
	size_t i;

	if (a->length != b->length || a->does != b->does || a->side != b->side)
		return 0;
	for (i = 0; i < a->length; i++) {
		int x = a->phrase[i], y = b->phrase[i];

		/* two forms whose letters match only as written differ in any letter's case */
		if (a->exact && b->exact ? x != y : lower(x) != lower(y))
			return 0;
	}
	return 1;
}

void check_forms(void)
{
	size_t i, j;

	if (nforms == 0)
		return;
	qsort(forms, nforms, sizeof *forms, compare_forms);
	for (i = 1; i < nforms; i++)
		for (j = i; j-- > 0 && forms[j].length == forms[i].length &&
			    lower(forms[j].phrase[0]) == lower(forms[i].phrase[0]);)
			if (same_phrase(&forms[j], &forms[i]))
				error_at(forms[i].file, forms[i].line,
					 "form: this phrase repeats the form at %s:%d",
					 forms[j].file, forms[j].line);
}

static void put_phrase(FILE *fp, const struct form *f)
{
	size_t i;

	fputc('"', fp);
	for (i = 0; i < f->length; i++) {
		int c = f->phrase[i];

		if (c == '"' || c == '\\')
			fprintf(fp, "\\%c", c);
		else if (c >= 0x20 && c < 0x7F)
			fputc(c, fp);
		else
			fprintf(fp, "\\%03o", c);
	}
	fputc('"', fp);
}

/* The pairs of first bytes a phrase can start with, as bits (letters in lower case; a space
 * as the second stands for any white space): the reader tries the rows of a byte only where
 * the pair's bit is set, which is rare. */
static void write_pair_table(FILE *fp, const char *name, int (*wanted)(const struct form *))
{
	static unsigned char bits[256 * 256 / 8];
	size_t i;
	int b;

	memset(bits, 0, sizeof bits);
	for (i = 0; i < nforms; i++) {
		const struct form *f = &forms[i];
		int a = lower(f->phrase[0]);

		if (!wanted(f))
			continue;
		for (b = 0; b < 256; b++) {
			int second = f->length == 1 ||
				     (f->phrase[1] == ' ' ? b == ' ' || b == '\t' || b == '\n' || b == '\r'
							  : lower(b) == lower(f->phrase[1]));

			if (second)
				bits[(a << 8 | b) >> 3] |= (unsigned char)(1u << ((a << 8 | b) & 7));
		}
	}
	fprintf(fp, "static const unsigned char %s[8192] = {", name);
	for (i = 0; i < sizeof bits; i++)
		fprintf(fp, "%s%u%s", i % 24 == 0 ? "\n\t" : "", bits[i], i + 1 < sizeof bits ? ", " : "\n");
	fprintf(fp, "};\n\n");
}

/* What reading a line for its codes tries: the phrases before a code, and the marks. */
static int for_codes(const struct form *f)
{
	return f->side == FORM_SIDE_BEFORE &&
	       (f->does == FORM_DOES_REPLY || f->does == FORM_DOES_CODE || f->does == FORM_DOES_STATUS ||
		f->does == FORM_DOES_SKIP || f->does == FORM_DOES_CLIENT || f->does == FORM_DOES_MARK);
}

/* What reading the lines around a reply tries: all but the skips. */
static int for_notes(const struct form *f)
{
	return f->does != FORM_DOES_SKIP && (f->side == FORM_SIDE_BEFORE || f->does == FORM_DOES_HOST);
}

static int for_after(const struct form *f)
{
	return f->side == FORM_SIDE_AFTER && f->does != FORM_DOES_HOST;
}

/* The pairs of first bytes a phrase can start with, as bits (letters in lower case; a space
 * as the second stands for any white space), one table for each way the reader reads: it
 * tries the rows of a byte only where the pair's bit is set, which is rare. */
static void write_pairs_of_forms(FILE *fp)
{
	fprintf(fp, "/* Bit (lower(first) << 8 | second) is set when a phrase of the kind may start "
		    "with the two bytes. */\n");
	write_pair_table(fp, "smtpcode_form_pairs_codes_", for_codes);
	write_pair_table(fp, "smtpcode_form_pairs_notes_", for_notes);
	write_pair_table(fp, "smtpcode_form_pairs_after_", for_after);
}

void write_forms(FILE *fp)
{
	unsigned first[257];
	size_t i;
	int c;

	fprintf(fp, "/* %s */\n\n", banner);
	fprintf(fp, "/* The forms of codes/forms.codes, by first byte (letters in lower case), the "
		    "longest first. */\n");
	fprintf(fp, "static const struct form_def smtpcode_forms_[] = {\n");
	for (i = 0; i < nforms; i++) {
		const struct form *f = &forms[i];

		fprintf(fp, "\t{ ");
		put_phrase(fp, f);
		fprintf(fp, ", %u, FORM_DOES_%s, FORM_AT_%s, FORM_REACH_%s, FORM_TRUST_%s, FORM_SIDE_%s, "
			    "%d, %s, %s, %d }, /* %s:%d */\n",
			(unsigned)f->length, does_enums[f->does], at_enums[f->at],
			reach_enums[f->reach], trust_enums[f->trust], side_enums[f->side], f->exact,
			f->kind >= 0 ? kind_enums[f->kind] : "FORM_NO_KIND",
			f->stage == -2 ? "FORM_STAGE_COMMAND" : stage_enums[f->stage],
			f->length < 2 || f->phrase[1] == ' ' ? 0 : lower(f->phrase[1]), f->file, f->line);
	}
	if (nforms == 0)
		fprintf(fp, "\t{ \"\", 0, 0, 0, 0, 0, 0, 0, FORM_NO_KIND, 0, 0 }\n");
	fprintf(fp, "};\n\n");
	/* first[c] .. first[c + 1]: the rows whose phrase starts with byte c */
	for (c = 0, i = 0; c <= 256; c++) {
		while (i < nforms && lower(forms[i].phrase[0]) < c)
			i++;
		first[c] = (unsigned)i;
	}
	fprintf(fp, "/* Rows [smtpcode_form_first_[b], smtpcode_form_first_[b + 1]) start with byte b. */\n");
	fprintf(fp, "static const unsigned short smtpcode_form_first_[257] = {");
	for (c = 0; c <= 256; c++)
		fprintf(fp, "%s%u%s", c % 16 == 0 ? "\n\t" : "", first[c], c < 256 ? ", " : "\n");
	fprintf(fp, "};\n");
	fprintf(fp, "#define SMTPCODE_FORM_COUNT_ %u\n\n", (unsigned)nforms);
	write_pairs_of_forms(fp);
}

void free_forms(void)
{
	free(forms);
	forms = NULL;
	nforms = capforms = 0;
}
