/* reply.c -- find the replies in a text as people paste it: server replies, MTA log lines and
 * bounces, DSN fields, applications' errors, ESP payloads, transcripts.
 *
 * One pass. A fast search finds the next byte that can start a code (three digits 2xx-5xx,
 * or a digit, a dot and a digit); the line that holds it is then read once, token by token:
 * numbers (dotted or not), and at every other byte the phrases of the table of forms
 * (codes/forms.codes, compiled into forms-table.inc) that start with it. The forms say where
 * a reply starts and how far to trust it, which numbers are not codes, what is the MTA's own
 * status, the remote host, the stage and the software. One grammar reads
 *
 *     reply := [form] CODE [- | blank] [ENHANCED] TEXT     and its continuation lines,
 *
 * and one ranking rule picks the reply that matters. Every line is read a bounded number of
 * times, so the whole walk is linear; nothing is allocated. */
#include <stdio.h>

#include "internal.h"
#include "forms.h"
#include "forms-table.inc"

/* The caller's text: not NUL-terminated, any bytes. Positions are offsets into it. */
struct input {
	const char *s;
	size_t n;
};

/* ---- bytes --------------------------------------------------------------------------- */

static int byte_at(const struct input *in, size_t i)
{
	return i < in->n ? (unsigned char)in->s[i] : -1;
}

/* ASCII only: the locale must not decide what a code looks like. */
static int is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_alnum(int c)
{
	return is_alpha(c) || is_digit(c);
}

static int is_blank(int c)
{
	return c == ' ' || c == '\t';
}

static int is_eol(int c)
{
	return c == '\n' || c == '\r';
}

static int to_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static size_t skip_blanks(const struct input *in, size_t i, size_t limit)
{
	while (i < limit && is_blank(byte_at(in, i)))
		i++;
	return i;
}

/* ---- lines --------------------------------------------------------------------------- */

/* A line ends at CR, LF or CRLF, and at a line break written out as "\n" or "\r\n" (a
 * backslash and a letter): Python's bytes reprs, JSON strings and Exim's debug output put
 * the lines of a multi-line reply on one line that way. The length of such a break at i,
 * or 0. */
static size_t literal_break(const struct input *in, size_t i)
{
	if (byte_at(in, i) != '\\')
		return 0;
	if (byte_at(in, i + 1) == 'n')
		return 2;
	if (byte_at(in, i + 1) == 'r')
		return byte_at(in, i + 2) == '\\' && byte_at(in, i + 3) == 'n' ? 4 : 2;
	return 0;
}

/* The end of the line that holds i: its first break, or the end of the text. */
static size_t line_end(const struct input *in, size_t i)
{
	const char *s = in->s;

	for (; i < in->n; i++) {
		if (s[i] == '\n' || s[i] == '\r' || (s[i] == '\\' && literal_break(in, i)))
			break;
	}
	return i;
}

/* The start of the line after the one that ends at end. */
static size_t next_line(const struct input *in, size_t end)
{
	size_t k;

	if (byte_at(in, end) == '\r')
		return byte_at(in, end + 1) == '\n' ? end + 2 : end + 1;
	if (byte_at(in, end) == '\n')
		return end + 1;
	k = literal_break(in, end);
	return end + k;
}

/* The start of the line that holds p, not before floor. */
static size_t line_start(const struct input *in, size_t p, size_t floor)
{
	while (p > floor) {
		int c = byte_at(in, p - 1);

		if (is_eol(c))
			break;
		if (p >= floor + 2 && byte_at(in, p - 2) == '\\' && (c == 'n' || c == 'r'))
			break;
		p--;
	}
	return p;
}

/* Whether the line [ls, le) holds nothing but white space. */
static int is_blank_line(const struct input *in, size_t ls, size_t le)
{
	return skip_blanks(in, ls, le) == le;
}

/* The line before the one starting at ls, not before floor: 0 when there is none. */
static int prev_line(const struct input *in, size_t ls, size_t floor, size_t *pls, size_t *ple)
{
	size_t e = ls;

	if (ls <= floor)
		return 0;
	if (is_eol(byte_at(in, e - 1)))
		e -= byte_at(in, e - 1) == '\n' && e >= floor + 2 && byte_at(in, e - 2) == '\r' ? 2 : 1;
	else if (e >= floor + 2 && byte_at(in, e - 2) == '\\')
		e -= e >= floor + 4 && memcmp(in->s + e - 4, "\\r\\n", 4) == 0 ? 4 : 2;
	else
		return 0;
	*ple = e;
	*pls = line_start(in, e, floor);
	return 1;
}

/* ---- the forms ------------------------------------------------------------------------ */

/* A space in a phrase stands for up to this many white-space bytes, line breaks included:
 * MTAs wrap long lines ("(in reply to end of DATA\n    command)"). The bound keeps every
 * match short. */
#define MAX_GAP 16

/* Matches form f at i, not past limit. Returns the end of the match, or 0. */
static size_t match_form(const struct input *in, size_t i, size_t limit, const struct form_def *f)
{
	const unsigned char *p = (const unsigned char *)f->phrase;
	size_t k, j = i;
	int first = p[0], last = p[f->length - 1];

	if (f->at != FORM_AT_ANY && is_alnum(first) && i > 0 && is_alnum(byte_at(in, i - 1)))
		return 0;
	for (k = 0; k < f->length; k++) {
		int c = j < limit ? (unsigned char)in->s[j] : -1;

		if (p[k] == ' ') {
			size_t gap = 0;

			while (gap < MAX_GAP && (is_blank(c) || is_eol(c))) {
				gap++;
				j++;
				c = j < limit ? (unsigned char)in->s[j] : -1;
			}
			if (gap == 0)
				return 0;
			continue;
		}
		if (c == p[k] || (!f->exact && c >= 0 && to_lower(c) == to_lower(p[k]))) {
			j++;
			continue;
		}
		return 0;
	}
	if (is_alnum(last) && is_alnum(byte_at(in, j)))
		return 0;
	return j;
}

/* Matches a literal phrase at i (letters in any case, not inside a word). */
static size_t match_literal(const struct input *in, size_t i, size_t limit, const char *phrase)
{
	struct form_def f;

	memset(&f, 0, sizeof f);
	f.phrase = phrase;
	f.length = (unsigned char)strlen(phrase);
	f.at = FORM_AT_WORD;
	return match_form(in, i, limit, &f);
}

/* The rows of the table that may start at byte c. */
static void form_rows(int c, size_t *from, size_t *to)
{
	int b = c < 0 ? 0 : to_lower(c);

	*from = smtpcode_form_first_[b];
	*to = c < 0 ? *from : smtpcode_form_first_[b + 1];
}

/* Whether any phrase may start at i: its first two bytes, looked up in one table. Most
 * bytes of a text start none, and this keeps them from trying any row. */
static inline int may_start(const unsigned char *pairs, const struct input *in, size_t i)
{
	int first = byte_at(in, i), c = byte_at(in, i + 1);
	unsigned a, b;

	if (first < 0)
		return 0;
	a = (unsigned)to_lower(first);
	b = c < 0 ? 0u : (unsigned)c;
	return (pairs[(a << 8 | b) >> 3] >> ((a << 8 | b) & 7)) & 1u;
}

/* Whether a row can match at i, from its second byte: most rows of a first byte cannot. */
static inline int second_fits(const struct input *in, size_t i, const struct form_def *f)
{
	return f->second == 0 || to_lower(byte_at(in, i + 1)) == f->second;
}

/* ---- numbers -------------------------------------------------------------------------- */

/* A number as written: digits, or dotted digits ("5.1.1", "192.0.2.1"). */
struct number {
	size_t pos, end;
	int parts;          /* 1, 2, 3, or 4 for four or more */
	int len[3];         /* digits of the first three parts */
	unsigned value[3];
};

/* Reads the number at i (a digit). A dot belongs to it only between digits. */
static size_t read_number(const struct input *in, size_t i, struct number *nb)
{
	size_t j = i;

	nb->pos = i;
	nb->parts = 0;
	for (;;) {
		size_t start = j;
		unsigned v = 0;

		while (is_digit(byte_at(in, j))) {
			if (v < 100000u)
				v = v * 10 + (unsigned)(byte_at(in, j) - '0');
			j++;
		}
		if (nb->parts < 3) {
			nb->len[nb->parts] = (int)(j - start);
			nb->value[nb->parts] = v;
		}
		if (nb->parts < 4)
			nb->parts++;
		if (byte_at(in, j) != '.' || !is_digit(byte_at(in, j + 1)))
			break;
		j++;
	}
	nb->end = j;
	return j;
}

/* A letter or digit right after a number makes it part of a word: "550A1B2C3D". */
static int number_ends(const struct input *in, const struct number *nb)
{
	return !is_alnum(byte_at(in, nb->end));
}

static int is_basic_number(const struct input *in, const struct number *nb)
{
	int c = byte_at(in, nb->pos);

	return nb->parts == 1 && nb->len[0] == 3 && c >= '2' && c <= '5' && number_ends(in, nb);
}

static int is_enhanced_number(const struct input *in, const struct number *nb)
{
	unsigned cls = nb->value[0];

	return nb->parts == 3 && nb->len[0] == 1 && (cls == 2 || cls == 4 || cls == 5) &&
	       nb->len[1] <= 3 && nb->len[2] <= 3 && number_ends(in, nb);
}

/* Shaped like an enhanced code but malformed: "5.1", "6.1.1", "5.1234.1". */
static int is_bad_enhanced(const struct input *in, const struct number *nb)
{
	return nb->len[0] == 1 && nb->parts >= 2 && nb->parts <= 3 && number_ends(in, nb) &&
	       !is_enhanced_number(in, nb);
}

static void enhanced_of(const struct input *in, const struct number *nb, struct smtpcode_code *c)
{
	char copy[SMTPCODE_CODE_MAX + 1];
	size_t n = nb->end - nb->pos;

	memset(c, 0, sizeof *c);
	if (n > SMTPCODE_CODE_MAX)
		n = SMTPCODE_CODE_MAX;
	memcpy(copy, in->s + nb->pos, n);
	copy[n] = '\0';
	smtpcode_parse_code(copy, c);
}

static int basic_value(const struct number *nb)
{
	return (int)nb->value[0];
}

/* A standard code the table knows: what a code must be where the words around it say little. */
static int is_standard_basic(int basic)
{
	const struct smtpcode_entry *e = smtpcode_lookup_basic(basic);

	return e != NULL && e->status != SMTPCODE_NONSTANDARD;
}

/* ---- reading one line ------------------------------------------------------------------ */

enum cand_type {
	CAND_REPLY,  /* a reply: its codes, then its text */
	CAND_CODE,   /* a basic code whose text is elsewhere ("\"code\":550") */
	CAND_STATUS  /* the MTA's own status ("dsn=5.1.1") */
};

/* How much the place of a code says it is one. */
enum strength {
	WEAK = 1,  /* after a colon, or a form trusted little: a standard code */
	STRONG = 2 /* after a trusted form, first on its line, or with an enhanced code */
};

/* A code found on a line. */
struct cand {
	size_t pos;         /* its first code */
	size_t text;        /* where its text starts */
	size_t form_pos;    /* where the form that introduced it starts, or pos */
	struct number enh;  /* the enhanced code, valid when has_enh */
	int basic;          /* -1 for none */
	int has_enh, bad_enh;
	int sep;            /* what follows the basic code: '-' continues a multi-line reply */
	int type, strength, formed;
	int kind, stage;    /* from its form, or FORM_NO_KIND / 0 */
	int close;          /* the quote that closes a quoted reply, or 0 */
	int code_only;      /* a code whose text is the application's, not the server's */
	size_t text_end;    /* where its text must end at the latest, or 0 for its line's end */
};

/* A form seen on the line that a code after it may take up. */
struct pending {
	const struct form_def *f;
	size_t pos, end;
	int active;
};

/* What one line says. */
struct line {
	size_t ls, le;          /* the line, without its break */
	size_t content;         /* after blanks, quoting and a transcript marker */
	const struct form_def *marker; /* the transcript marker ("S: ", "<<< ") that starts it */
	int client;             /* what the client sent: no reply is on it */
	int has_reply, has_status, has_code;
	struct cand reply;      /* the reply that matters on it */
	struct cand code;       /* a code-only candidate not yet merged */
	struct cand status;     /* the first status on it */
	int kind;               /* the last form kind seen on it */
	int json;               /* a JSON key was seen on it */
	int marked;             /* a mark says it is an MTA's log line ("postfix/") */
	int bad_enh;            /* a malformed enhanced code where a code would be */
	struct pending armed;   /* a reach-line form not taken up by the end of the line */
};


/* Failures matter most, then successes, then intermediate replies (354, 334). */
static int weight(const struct cand *c)
{
	int cls = c->basic >= 0 ? c->basic / 100 : c->has_enh ? (int)c->enh.value[0] : 0;

	return cls >= 4 ? 2 : cls == 2 ? 1 : 0;
}

/* Whether a should stand for the line rather than b, found before it. */
static int outranks(const struct cand *a, const struct cand *b)
{
	if (weight(a) != weight(b))
		return weight(a) > weight(b);
	if (a->strength != b->strength)
		return a->strength > b->strength;
	/* a basic code says more than an enhanced code alone ("smtp; 5.1.0 - Unknown address
	 * error 550-'5.1.1 ...'") */
	if ((a->basic >= 0) != (b->basic >= 0))
		return a->basic >= 0;
	/* a reply nested in another's text ("451 4.4.0 ... responded with: \"421 4.4.2 ...\"")
	 * is the remote server's own: the inner one wins unless it only repeats the outer */
	if (a->formed && a->basic >= 0 && a->form_pos > b->pos && a->basic != b->basic)
		return 1;
	return 0;
}

/* The bytes that may stand between a form and its code: blanks, quotes, opening brackets,
 * '#', and the b of a Python bytes literal. */
static int is_filler(const struct input *in, size_t i)
{
	int c = byte_at(in, i);

	if (is_blank(c) || c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' || c == '<' ||
	    c == '#' || c == '`' || c == '_' || c == '=' || c == ':')
		return 1;
	return c == 'b' && (byte_at(in, i + 1) == '\'' || byte_at(in, i + 1) == '"');
}

#define MAX_FILLER 8

/* Whether the pending form reaches a code at p. */
static int reaches(const struct input *in, const struct pending *pf, size_t p)
{
	size_t i;

	if (!pf->active || p < pf->end)
		return 0;
	if (pf->f->reach == FORM_REACH_LINE)
		return 1;
	if (p - pf->end > MAX_FILLER)
		return 0;
	for (i = pf->end; i < p; i++)
		if (!is_filler(in, i))
			return 0;
	return 1;
}

/* A form of the given kind that stands right after a code ending at end: "550 ms", "(550,
 * b'". Returns it, or NULL. */
static const struct form_def *after_form(const struct input *in, size_t end, size_t limit, int does,
					 size_t *match_end)
{
	size_t from, to, k, j = end;

	/* an after-phrase starting with a space ("ms") may follow the code with blanks */
	for (k = 0; k < 2; k++) {
		int c = byte_at(in, j);
		size_t r;

		if (c < 0)
			return NULL;
		form_rows(c, &from, &to);
		if (!may_start(smtpcode_form_pairs_after_, in, j))
			from = to;
		for (r = from; r < to; r++) {
			const struct form_def *f = &smtpcode_forms_[r];
			size_t m;

			if (f->side != FORM_SIDE_AFTER || f->does != does)
				continue;
			m = match_form(in, j, limit, f);
			if (m != 0) {
				if (match_end != NULL)
					*match_end = m;
				return f;
			}
		}
		if (!is_blank(c))
			return NULL;
		j = skip_blanks(in, j, limit);
	}
	return NULL;
}

/* The byte before p on the line, or -1 at its start. */
static int prev_byte(const struct input *in, const struct line *l, size_t p)
{
	return p > l->ls ? byte_at(in, p - 1) : -1;
}

/* UTF-8 of the full-width colon, comma, parentheses and the ideographic comma and stop that
 * CJK text writes around codes: "错误代码：535，", "（550）". */
static int wide_punct_before(const struct input *in, size_t ls, size_t p)
{
	int a, b, c;

	if (p < ls + 3)
		return 0;
	a = byte_at(in, p - 3);
	b = byte_at(in, p - 2);
	c = byte_at(in, p - 1);
	if (a == 0xEF && b == 0xBC && (c == 0x9A || c == 0x88 || c == 0x8C))
		return 1;
	return a == 0xE3 && b == 0x80 && (c == 0x81 || c == 0x82);
}

static int wide_punct_at(const struct input *in, size_t i)
{
	int a = byte_at(in, i), b = byte_at(in, i + 1), c = byte_at(in, i + 2);

	if (a == 0xEF && b == 0xBC && (c == 0x89 || c == 0x8C || c == 0x9A))
		return 1;
	return a == 0xE3 && b == 0x80 && (c == 0x81 || c == 0x82);
}

/* A byte before a code that makes it part of something else: a word, a dotted number, a
 * path, an address, an amount, a port ("host:587"), an id ("worker-421"). */
static int glued_before(const struct input *in, const struct line *l, size_t p)
{
	int c = prev_byte(in, l, p), c2 = p >= l->ls + 2 ? byte_at(in, p - 2) : -1;

	if (c < 0)
		return 0;
	if (is_alnum(c) || c == '.' || c == '@' || c == '$' || c == '/' || c == '+' || c == '\\' ||
	    c == '%' || c == '&' || c == '*' || c == '^' || c == '~')
		return 1;
	if ((c == '-' || c == '_') && is_alnum(c2))
		return 1;
	return c == ':' && (is_alnum(c2) || c2 == ']' || c2 == ')' || c2 == '.' || c2 == ':');
}

/* Whether a code at p with nothing to introduce it follows a colon ("failed: 550",
 * "被拒绝:550"), or stands in CJK text ("返回535"). */
static int after_colon(const struct input *in, const struct line *l, size_t p)
{
	size_t q = p;
	int c;

	while (q > l->ls && is_blank(byte_at(in, q - 1)))
		q--;
	if (q == l->ls)
		return 0;
	c = byte_at(in, q - 1);
	if (c == ':')
		return q < p || !glued_before(in, l, p); /* "host:587" is a port */
	if (wide_punct_before(in, l->ls, q))
		return 1;
	return q == p && c >= 0x80;
}

/* What may follow a basic code: the end, white space, '-', a closing bracket or quote, or
 * punctuation; not a letter, digit or dot of a longer token. */
static int ends_basic(const struct input *in, size_t i)
{
	int c = byte_at(in, i);

	if (c == -1 || c == 0 || is_blank(c) || is_eol(c) || wide_punct_at(in, i))
		return 1;
	if (c == '-')
		return !is_digit(byte_at(in, i + 1)) || byte_at(in, i + 2) == '.';
	return c == ')' || c == ']' || c == '}' || c == '"' || c == '\'' || c == ';' || c == ',' ||
	       c == ':' || c == '.' || c == '_' || c == '>' || c == '\\' || c == '`' || c == '|';
}

/* Whether the text after a code at i reads as a reply's text or its end: one blank and a
 * word, or nothing. Several blanks make a column of numbers ("  550   received"). */
static int text_follows(const struct input *in, size_t i, size_t le)
{
	int c = byte_at(in, i);

	if (i >= le || c == 0)
		return 1;
	if (c == '-')
		return 1;
	if (!is_blank(c))
		return 0;
	return i + 1 >= le || !is_blank(byte_at(in, i + 1));
}

/* Reads the enhanced code that may follow a basic code ending at end: after one blank or
 * '-' ("550 5.1.1", "550-5.1.1"), or after the separator the form wrote ("(550, b'5.1.1",
 * "[554] 5.7.1", ",553,5.7.1"). Returns its position, or 0. */
static size_t enhanced_after(const struct input *in, const struct line *l, size_t end, int prev,
			     struct number *enh)
{
	size_t j = end, m;
	int c = byte_at(in, j);

	if (after_form(in, end, l->le, FORM_DOES_REPLY, &m) != NULL)
		j = m;
	else if (c == ' ' || c == '-' || c == '\t' || (c == ',' && prev == ',') || (c == '_' && prev == '_'))
		j = end + 1;
	else if ((c == ']' && prev == '[') || (c == ')' && prev == '('))
		j = skip_blanks(in, end + 1, l->le);
	else
		return 0;
	if (byte_at(in, j) == '\'' || byte_at(in, j) == '"' || byte_at(in, j) == '#')
		j++; /* Gmail quotes the remote reply in its own: "550-'5.1.1 ...'"; "550 #5.1.0" */
	if (j >= l->le || !is_digit(byte_at(in, j)))
		return 0;
	read_number(in, j, enh);
	return j;
}

/* Where the text of a reply starts once its codes end at i: past blanks and a colon that
 * belongs to the codes ("550 5.7.1: Relay access denied"). */
static size_t text_start(const struct input *in, const struct line *l, size_t i)
{
	/* "（550）：Mailbox not found", "(550): ..." */
	while (i < l->le && (wide_punct_at(in, i) || byte_at(in, i) == ')' || byte_at(in, i) == ']')) {
		i += byte_at(in, i) >= 0x80 ? 3 : 1;
		if (byte_at(in, i) == ':')
			i++;
	}
	i = skip_blanks(in, i, l->le);
	if (byte_at(in, i) == '-' || byte_at(in, i) == '_')
		i++;
	i = skip_blanks(in, i, l->le);
	if (byte_at(in, i) == ':')
		i = skip_blanks(in, i + 1, l->le);
	return i;
}

/* Offers candidate c to the line: a status is kept first come; a code waits for the reply it
 * belongs to; of replies the one that outranks wins. */
static void offer(struct line *l, const struct cand *c)
{
	if (c->type == CAND_STATUS) {
		if (!l->has_status)
			l->status = *c;
		l->has_status = 1;
		return;
	}
	if (c->type == CAND_CODE) {
		if (l->has_reply && l->reply.basic == c->basic)
			return; /* the reply already said it: "\"response\":\"554 ...\",\"responseCode\":554" */
		/* after the reply's enhanced code: Roundcube's "...: 5.1.1 <a@example.org>: ... (Code:
		 * 550)" */
		if (l->has_reply && l->reply.basic < 0 && l->reply.has_enh &&
		    (int)l->reply.enh.value[0] == c->basic / 100) {
			l->reply.basic = c->basic;
			l->reply.code_only = 1;
			l->reply.text_end = c->form_pos;
			return;
		}
		if (!l->has_code || outranks(c, &l->code))
			l->code = *c;
		l->has_code = 1;
		return;
	}
	/* an enhanced code alone after a code-only candidate of its class completes it: Mailgun's
	 * "\"code\":550, ... \"message\":\"5.1.1 ...\"", Roundcube's "SMTP Error (550): ... (5.1.1 ...)" */
	if (c->basic < 0 && l->has_code && c->has_enh && (int)c->enh.value[0] == l->code.basic / 100) {
		struct cand m = *c;

		m.basic = l->code.basic;
		m.pos = l->code.pos;
		m.code_only = 1;
		if (l->code.kind != FORM_NO_KIND)
			m.kind = l->code.kind;
		if (m.stage == 0)
			m.stage = l->code.stage;
		if (l->code.strength > m.strength)
			m.strength = l->code.strength;
		l->has_code = 0;
		c = &m;
		if (!l->has_reply || outranks(c, &l->reply))
			l->reply = *c;
		l->has_reply = 1;
		return;
	}
	if (l->has_code && c->basic == l->code.basic)
		l->has_code = 0; /* "got code \"550\", with message \"550 5.1.1 ...\"" */
	/* an enhanced code alone after a reply that had none: qmail's "Remote host said: 550
	 * sorry, no mailbox here by that name. (#5.1.1)" */
	if (c->basic < 0 && l->has_reply && l->reply.basic >= 0 &&
	    (int)c->enh.value[0] == l->reply.basic / 100) {
		if (!l->reply.has_enh) {
			l->reply.has_enh = 1;
			l->reply.enh = c->enh;
		}
		return;
	}
	/* an enhanced code alone before the reply is the MTA's own status: Exchange 2003's
	 * "#5.0.0 smtp;550 User unknown" */
	if (c->basic >= 0 && l->has_reply && l->reply.basic < 0 && !l->has_status &&
	    outranks(c, &l->reply)) {
		l->status = l->reply;
		l->status.type = CAND_STATUS;
		l->has_status = 1;
	}
	/* the same code again, now with its text: "错误代码：535，错误信息：535 Error: ...", the
	 * first one standing in punctuation */
	if (l->has_reply && l->reply.basic == c->basic && c->basic >= 0 && !is_blank(l->reply.sep) &&
	    l->reply.sep != '-' && (is_blank(c->sep) || c->sep == '-')) {
		int strength = l->reply.strength;

		l->reply = *c;
		if (strength > l->reply.strength)
			l->reply.strength = strength;
		return;
	}
	if (!l->has_reply || outranks(c, &l->reply))
		l->reply = *c;
	l->has_reply = 1;
}

/* The quote a reply at p stands in, if any: the last quote between its form and it, or
 * right before it ("with message \"550 ...", "smtpmsg='550 ...", "\"reason\":\"550 ..."). */
static int opening_quote(const struct input *in, const struct line *l, const struct pending *pf,
			 int formed, size_t p)
{
	size_t i = formed ? pf->pos : p > l->ls ? p - 1 : p;
	int q = 0;

	for (; i < p; i++) {
		int c = byte_at(in, i);

		if (c == '"' || c == '\'')
			q = c;
		else if (formed && i >= pf->end && !is_filler(in, i))
			q = 0;
	}
	return q;
}

/* Judges the number nb on line l: whether it is a code, of what, and how strongly. */
static int judge(const struct input *in, struct line *l, const struct number *nb,
		 const struct pending *pf, int skipped)
{
	struct cand c;
	int prev = prev_byte(in, l, nb->pos), at_start = nb->pos == l->content;
	int formed = reaches(in, pf, nb->pos);
	const struct form_def *f = formed ? pf->f : NULL;
	size_t m;

	if (skipped)
		return 0;
	memset(&c, 0, sizeof c);
	c.pos = c.form_pos = nb->pos;
	c.basic = -1;
	c.kind = l->kind;
	c.formed = formed;
	if (formed) {
		c.form_pos = pf->pos;
		if (f->kind != FORM_NO_KIND)
			c.kind = f->kind;
		c.stage = f->stage == FORM_STAGE_COMMAND ? 0 : f->stage;
	}
	c.close = opening_quote(in, l, pf, formed, nb->pos);
	if (c.close == 0 && prev == '#')
		c.close = '#'; /* Exchange: "#550 5.1.1 ... ##" */
	if (c.close == 0 && prev == ',')
		c.close = ','; /* a CSV field: Exchange's message tracking log */
	if (c.close == 0 && formed && pf->pos > l->ls && byte_at(in, pf->pos - 1) == '{')
		c.close = '}'; /* Exchange's "{LED=550 ...};{MSG=}" */
	if (c.close == 0 && (c.kind == SMTPCODE_FORM_JSON || l->json))
		c.close = '"'; /* a reply inside a JSON string ends with it */
	if (is_basic_number(in, nb)) {
		size_t ep;

		if (!ends_basic(in, nb->end) || after_form(in, nb->end, l->le, FORM_DOES_SKIP, NULL))
			return 0;
		if (glued_before(in, l, nb->pos) && !(formed && prev == ':'))
			return 0;
		c.basic = basic_value(nb);
		c.sep = byte_at(in, nb->end);
		ep = enhanced_after(in, l, nb->end, prev, &c.enh);
		if (ep != 0 && is_enhanced_number(in, &c.enh)) {
			c.has_enh = 1;
			c.text = text_start(in, l, c.enh.end);
		} else {
			if (ep != 0 && is_bad_enhanced(in, &c.enh))
				c.bad_enh = 1;
			c.text = text_start(in, l, nb->end);
		}
		c.type = CAND_REPLY;
		if (formed) {
			if (f->does == FORM_DOES_STATUS)
				return 0; /* a status is an enhanced code */
			if (f->does == FORM_DOES_CODE) {
				c.type = c.has_enh ? CAND_REPLY : CAND_CODE;
				c.text = c.has_enh ? c.text : nb->end;
			}
			if (f->trust == FORM_TRUST_HIGH || c.has_enh) {
				c.strength = STRONG;
			} else if (is_standard_basic(c.basic)) {
				c.strength = WEAK;
			} else {
				return 0;
			}
		} else if ((f = after_form(in, nb->end, l->le, FORM_DOES_REPLY, &m)) != NULL) {
			c.strength = STRONG; /* Python's "(550, b'...')" */
			c.kind = f->kind;
			c.formed = 1;
			c.form_pos = nb->end;
			c.close = f->phrase[f->length - 1] == '\'' || f->phrase[f->length - 1] == '"'
					  ? f->phrase[f->length - 1] : 0;
			if (!c.has_enh)
				c.text = text_start(in, l, m);
		} else if ((at_start && (c.has_enh || text_follows(in, nb->end, l->le))) ||
			   (c.has_enh && (int)c.enh.value[0] == c.basic / 100 &&
			    !glued_before(in, l, nb->pos))) {
			c.strength = STRONG;
		} else if (after_colon(in, l, nb->pos) && is_standard_basic(c.basic) &&
			   (text_follows(in, nb->end, l->le) || wide_punct_at(in, nb->end) ||
			    byte_at(in, nb->end) == ')' || byte_at(in, nb->end) == '"' ||
			    byte_at(in, nb->end) == '\'')) {
			c.strength = WEAK;
		} else {
			return 0;
		}
		offer(l, &c);
		return 1;
	}
	if (is_enhanced_number(in, nb)) {
		int c1 = byte_at(in, nb->end);
		int ends = nb->end >= l->le || is_blank(c1) || c1 == ')' || c1 == '#' || c1 == ';' ||
			   c1 == ',' || c1 == '"' || c1 == '\'' || c1 == ']' || c1 == '}' || c1 == 0 ||
			   c1 == ':' || c1 == '.' || c1 == '_' || c1 == '<' || c1 == '\\' ||
			   wide_punct_at(in, nb->end);

		if (!ends || glued_before(in, l, nb->pos))
			return 0;
		c.has_enh = 1;
		c.enh = *nb;
		c.text = text_start(in, l, nb->end);
		if (formed) {
			c.type = f->does == FORM_DOES_STATUS ? CAND_STATUS : CAND_REPLY;
			c.strength = STRONG;
		} else if (at_start && text_follows(in, nb->end, l->le)) {
			c.type = CAND_REPLY;
			c.strength = STRONG;
		} else if (after_colon(in, l, nb->pos) || prev == '(' || prev == '#' ||
			   wide_punct_before(in, l->ls, nb->pos)) {
			c.type = CAND_REPLY;
			c.strength = WEAK;
			if (c.close == 0)
				c.close = prev == '#' ? '#' : 0;
		} else {
			return 0;
		}
		offer(l, &c);
		return 1;
	}
	if (is_bad_enhanced(in, nb) && (formed || at_start) && !glued_before(in, l, nb->pos))
		l->bad_enh = 1;
	return 0;
}

static int command_at(const struct input *in, size_t i, size_t limit);

/* Whether the rest of a line is one base64 token: what a client sends during AUTH. */
static int is_base64_rest(const struct input *in, size_t i, size_t le)
{
	size_t j = skip_blanks(in, i, le), k;

	for (k = j; k < le; k++) {
		int c = byte_at(in, k);

		if (!is_alnum(c) && c != '+' && c != '/' && c != '=')
			return 0;
	}
	return le - j >= 4;
}

/* The content of a line: past blanks and mail quoting ("> "), unless the '>' is curl's
 * marker of what the client sent ("> RCPT TO:"), which the forms know. */
static size_t skip_quoting(const struct input *in, size_t i, size_t le)
{
	size_t j = skip_blanks(in, i, le);

	while (byte_at(in, j) == '>' && is_blank(byte_at(in, j + 1))) {
		size_t k = skip_blanks(in, j + 1, le);

		if (command_at(in, k, le) != 0)
			break;
		j = k;
	}
	return j;
}

/* Reads line [ls, le): the codes on it and what the forms say. armed is a reach-line form
 * left by the line before, if any. */
static void read_line(const struct input *in, size_t ls, size_t le, const struct pending *armed,
		      struct line *l)
{
	struct pending pf, sk;
	size_t i;

	memset(l, 0, sizeof *l);
	l->ls = ls;
	l->le = le;
	l->kind = FORM_NO_KIND;
	l->content = skip_quoting(in, ls, le);
	memset(&sk, 0, sizeof sk);
	pf = *armed;
	if (pf.active)
		pf.end = ls; /* it reaches into this line */
	for (i = ls; i < le;) {
		int c = (unsigned char)in->s[i];
		size_t from, to, r, next = i + 1;

		if (is_digit(c) && (i == ls || !is_digit(byte_at(in, i - 1)))) {
			struct number nb;

			next = read_number(in, i, &nb);
			{
				int reached = reaches(in, &pf, i), took = 0, skipped = reaches(in, &sk, i);

				if (!l->client)
					took = judge(in, l, &nb, &pf, skipped);
				if (reached && pf.f != NULL && (took || pf.f->reach == FORM_REACH_NEAR))
					pf.active = 0; /* a form introduces one code */
				if (skipped && sk.f != NULL && sk.f->reach == FORM_REACH_NEAR)
					sk.active = 0; /* and a skip passes over one number */
			}
			i = next;
			continue;
		}
		if (!may_start(smtpcode_form_pairs_codes_, in, i)) {
			i = next;
			continue;
		}
		form_rows(c, &from, &to);
		for (r = from; r < to; r++) {
			const struct form_def *f = &smtpcode_forms_[r];
			size_t m;

			if (f->side == FORM_SIDE_AFTER || f->does == FORM_DOES_COMMAND ||
			    f->does == FORM_DOES_TEXT || f->does == FORM_DOES_HOST ||
			    f->does == FORM_DOES_STAGE || !second_fits(in, i, f))
				continue;
			if ((f->at == FORM_AT_LINE || f->at == FORM_AT_WHOLE) && i != l->content &&
			    i != skip_blanks(in, ls, le))
				continue;
			m = match_form(in, i, le, f);
			if (m == 0)
				continue;
			if (f->at == FORM_AT_WHOLE && skip_blanks(in, m, le) != le)
				continue;
			if (f->kind != FORM_NO_KIND && f->does != FORM_DOES_CLIENT)
				l->kind = f->kind;
			if (f->kind == SMTPCODE_FORM_JSON)
				l->json = 1;
			if (f->does == FORM_DOES_MARK)
				l->marked = 1;
			switch ((enum form_does)f->does) {
			case FORM_DOES_REPLY:
			case FORM_DOES_CODE:
			case FORM_DOES_STATUS:
				pf.f = f;
				pf.pos = i;
				pf.end = m;
				pf.active = 1;
				if (i == l->content) {
					l->marker = f;
					l->content = skip_blanks(in, m, le);
				}
				break;
			case FORM_DOES_SKIP:
				sk.f = f;
				sk.pos = i;
				sk.end = m;
				sk.active = 1;
				break;
			case FORM_DOES_CLIENT:
				/* a client marker before a code is mail quoting after all ("> 550"); curl's
				 * "> " marks the client's line only before a command ("> RCPT TO:") */
				if (!is_digit(byte_at(in, skip_blanks(in, m, le))) &&
				    (f->at != FORM_AT_LINE || byte_at(in, i) != '>' ||
				     command_at(in, m, le) != 0 || is_base64_rest(in, m, le)))
					l->client = 1;
				break;
			case FORM_DOES_HOST:
			case FORM_DOES_STAGE:
			case FORM_DOES_COMMAND:
			case FORM_DOES_MARK:
			case FORM_DOES_TEXT:
			case FORM_DOES_COUNT:
				break;
			}
			next = m; /* the longest phrase at i speaks for it, and for its bytes */
			break;
		}
		i = next;
	}
	/* a form that ends its line, or reaches past it, introduces the code that starts the
	 * next: Postfix wraps "said:\n    552 5.2.2 ...", Exim "after RCPT TO:<a>:\n    550 ..." */
	if (pf.active && !l->has_reply && !l->has_code &&
	    (pf.f->reach == FORM_REACH_LINE || skip_blanks(in, pf.end, le) == le))
		l->armed = pf;
	if (l->has_code && !l->has_reply) {
		/* a code whose text never came: the code is the reply ("curl: ... failed: 550" is a
		 * reply, "\"code\": 550" of a payload whose message holds no code is too) */
		l->reply = l->code;
		l->reply.type = CAND_REPLY;
		l->reply.code_only = 1;
		l->reply.text = le; /* the words after it are the application's */
		l->has_reply = 1;
	}
}

/* ---- groups: a reply and its lines ----------------------------------------------------- */

/* One reply as found: its first line, the line's best candidate, where its lines end. */
struct group {
	struct line first;
	size_t end;          /* end of its last line */
	size_t after;        /* where the next search starts */
	unsigned lines;
	unsigned warnings;
	struct number enh;   /* the reply's enhanced code (from its first line or a later one) */
	int has_enh;
	int status_only;     /* the line holds only the MTA's status */
	int saw_bad;         /* a malformed enhanced code on a line read on the way to it */
	size_t floor;        /* where its window of earlier lines may start */
};

/* The next byte at or after i that can start a code: a digit 2-5 not inside a longer number,
 * followed by two digits and no third, or by a dot and a digit. */
static size_t find_code_start(const struct input *in, size_t i)
{
	const unsigned char *s = (const unsigned char *)in->s;
	size_t n = in->n;

	for (; i < n; i++) {
		unsigned c = s[i];

		if (c - '2' > 3u)
			continue;
		/* what touches a code on the left makes it part of a word, a number or an id */
		if (i > 0 && (is_alnum(s[i - 1]) || s[i - 1] == '.'))
			continue;
		/* a cipher's "_256" or ":256" after a digit is no code: skip it without reading
		 * its line ("TLS1.3:TLS_AES_256_GCM_SHA384:256") */
		if (i > 1 && (s[i - 1] == '_' || s[i - 1] == ':') && is_alnum(s[i - 2]) &&
		    (s[i - 1] == '_' || is_digit(s[i - 2])))
			continue;
		if (i + 2 < n && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
		    (i + 3 == n || !is_alnum(s[i + 3])))
			return i;
		if (c != '3' && i + 2 < n && s[i + 1] == '.' && is_digit(s[i + 2]))
			return i;
	}
	return n;
}

/* Whether line [ls, le) continues a reply whose previous line ended with sep: the same basic
 * code after the same prefix, or the same enhanced code where the reply's lines repeat only
 * that (a Python repr: "b'5.1.1 ...\\n5.1.1 ..."). *text gets where its text starts. */
static int continues(const struct input *in, const struct group *g, size_t ls, size_t le,
		     int *sep, size_t *text)
{
	const struct line *f = &g->first;
	size_t plen = f->reply.pos - f->ls, j;
	struct number nb;

	/* the first line's prefix again ("S: ", "msmtp: server message: ", a log's time), or
	 * nothing but white space and quoting ("Error: Invalid login: 535-5.7.8 ...\n535 ...") */
	if (plen > 0 && le - ls > plen && memcmp(in->s + ls, in->s + f->ls, plen) == 0) {
		j = ls + plen;
	} else {
		j = skip_quoting(in, ls, le);
		/* the same marker with other quoting: smtplib's "reply: b'550-...'" then
		 * "reply: b\"550-...\"" */
		if (f->marker != NULL && (plen = match_form(in, j, le, f->marker)) != 0) {
			size_t k = 0;

			for (j = plen; j < le && k < MAX_FILLER && is_filler(in, j); j++, k++)
				;
		}
	}
	if (!is_digit(byte_at(in, j)))
		return 0;
	read_number(in, j, &nb);
	if (f->reply.basic >= 0 && is_basic_number(in, &nb)) {
		int c = byte_at(in, nb.end);

		if (*sep != '-' || (!is_blank(c) && c != '-' && nb.end < le))
			return 0;
		if (basic_value(&nb) != f->reply.basic)
			return -1;
		*sep = c;
		*text = nb.end;
		return 1;
	}
	if (g->has_enh && is_enhanced_number(in, &nb) && (f->reply.basic < 0 || f->reply.sep != '-')) {
		if (nb.value[0] != g->enh.value[0] || nb.value[1] != g->enh.value[1] ||
		    nb.value[2] != g->enh.value[2])
			return 0;
		*text = nb.end;
		return 1;
	}
	return 0;
}

static int only_quotes(const struct input *in, size_t i, size_t e)
{
	for (; i < e; i++) {
		int c = byte_at(in, i);

		if (c != '\'' && c != '"' && !is_blank(c) && c != ')' && c != ',')
			return 0;
	}
	return 1;
}

/* Whether the reply's form wraps long lines onto indented ones (Postfix's and Exim's bounces,
 * a DSN's folded fields): an indented line after it is more of its text. */
static int wraps(const struct group *g)
{
	int k = g->first.reply.kind != FORM_NO_KIND ? g->first.reply.kind : g->first.kind;

	return k == SMTPCODE_FORM_POSTFIX || k == SMTPCODE_FORM_DSN || k == SMTPCODE_FORM_EXIM ||
	       k == SMTPCODE_FORM_QMAIL;
}

/* Reads the lines after the group's first that belong to its reply. */
static void follow(const struct input *in, struct group *g)
{
	size_t le = g->first.le;
	int sep = g->first.reply.sep;

	for (;;) {
		size_t ls = next_line(in, le), nle, text = 0;
		int r;

		if (ls >= in->n || ls == le)
			break;
		nle = line_end(in, ls);
		/* what Python's repr leaves after a written-out "\r\n": the closing quote */
		if (nle - ls <= 3 && nle > ls && only_quotes(in, ls, nle) && next_line(in, nle) > nle) {
			size_t ls2 = next_line(in, nle), le2 = line_end(in, ls2), t2 = 0;
			int sep2 = sep;

			if (continues(in, g, ls2, le2, &sep2, &t2) == 1) {
				le = nle;
				g->lines++;
				continue;
			}
		}
		r = continues(in, g, ls, nle, &sep, &text);
		if (r < 0) {
			g->warnings |= SMTPCODE_WARN_INCONSISTENT;
			break;
		}
		if (r == 0) {
			size_t j = skip_blanks(in, ls, nle);
			struct number nb;

			/* a wrapped line: indented, not blank, no reply code of its own first */
			if (!wraps(g) || !is_blank(byte_at(in, ls)) || j == nle)
				break;
			if (is_digit(byte_at(in, j))) {
				read_number(in, j, &nb);
				if (is_basic_number(in, &nb))
					break;
				/* Postfix wraps right after the code: "talk to me: 554\n    5.7.1 ..." */
				if (g->lines == 1 && !g->has_enh && g->first.reply.basic >= 0 &&
				    is_enhanced_number(in, &nb) &&
				    skip_blanks(in, g->first.reply.pos + 3, g->first.le) == g->first.le) {
					g->enh = nb;
					g->has_enh = 1;
				}
			}
		} else {
			struct number nb;
			size_t j = skip_blanks(in, text, nle);

			/* the line's own enhanced code: the first line may have had none, or another */
			if (g->first.reply.basic >= 0 && is_digit(byte_at(in, j))) {
				read_number(in, j, &nb);
				if (is_enhanced_number(in, &nb)) {
					if (!g->has_enh) {
						g->enh = nb;
						g->has_enh = 1;
					} else if (nb.value[0] != g->enh.value[0] ||
						   nb.value[1] != g->enh.value[1] ||
						   nb.value[2] != g->enh.value[2]) {
						g->warnings |= SMTPCODE_WARN_INCONSISTENT;
					}
				}
			}
		}
		le = nle;
		g->lines++;
	}
	g->end = le;
}

/* Finds the first group at or after from; floor is where its window may start. Returns 0 when
 * none is left. */
static int find_group(const struct input *in, size_t from, size_t floor, struct group *g)
{
	struct pending none;
	size_t p = from;
	int bad = 0;

	memset(&none, 0, sizeof none);
	while ((p = find_code_start(in, p)) < in->n) {
		size_t ls = line_start(in, p, from), le = line_end(in, p);
		struct pending armed = none;
		struct line *l = &g->first;

		/* a form at the end of the line before may reach into this one (Exim's "SMTP error
		 * from remote mail server after RCPT TO:<a>:" above "    550 5.1.1 ..."); only a
		 * code first on its line can be its */
		if (p == skip_quoting(in, ls, le)) {
			size_t pls, ple;
			struct line prev;

			if (prev_line(in, ls, floor, &pls, &ple) && ple - pls < 4096) {
				read_line(in, pls, ple, &none, &prev);
				if (!prev.has_reply && !prev.has_status)
					armed = prev.armed;
			}
		}
		read_line(in, ls, le, &armed, l);
		bad |= l->bad_enh;
		if (l->has_reply || l->has_status) {
			g->saw_bad = bad;
			g->floor = floor;
			g->lines = 1;
			g->warnings = 0;
			g->status_only = !l->has_reply;
			g->has_enh = l->has_reply ? l->reply.has_enh : 1;
			g->enh = l->has_reply ? l->reply.enh : l->status.enh;
			if (l->has_reply)
				follow(in, g);
			else
				g->end = le;
			g->after = next_line(in, g->end);
			if (g->after <= g->end)
				g->after = g->end;
			return 1;
		}
		p = le > p ? le : p + 1;
	}
	return 0;
}

/* ---- what the text says around a reply ---------------------------------------------------- */

/* The command named at i, or 0. */
static int command_at(const struct input *in, size_t i, size_t limit)
{
	size_t from, to, r;

	i = skip_blanks(in, i, limit);
	if (match_literal(in, i, limit, "pipelined ") != 0)
		i = skip_blanks(in, match_literal(in, i, limit, "pipelined "), limit);
	form_rows(byte_at(in, i), &from, &to);
	for (r = from; r < to; r++) {
		const struct form_def *f = &smtpcode_forms_[r];

		if (f->does == FORM_DOES_COMMAND && match_form(in, i, limit, f) != 0)
			return f->stage;
	}
	return 0;
}

/* What the forms of one line say besides its codes. */
struct notes {
	int stage_before, stage_after; /* the last stage named before pos, the first after */
	int stage_after_fixed; /* the first after pos named by a phrase, not by a command */
	size_t stage_after_fixed_pos;
	int kind;
	size_t host, host_len, ip, ip_len;
	int has_host;
	int transcript; /* a client's line or a command alone: the text is a transcript */
};

static int is_host_byte(int c)
{
	return is_alnum(c) || c == '.' || c == '-';
}

static int is_ip_byte(int c)
{
	return is_digit(c) || c == '.' || c == ':' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Whether [i, e) is an IP address: four dotted numbers, or an IPv6 address with "::" or
 * several ':'. */
static int is_ip(const struct input *in, size_t i, size_t e)
{
	size_t k, colons = 0, dots = 0;

	if (e - i > 5 && match_literal(in, i, e, "IPv6:") != 0)
		i += 5;
	if (e <= i || e - i > 45)
		return 0;
	for (k = i; k < e; k++) {
		int c = byte_at(in, k);

		if (!is_ip_byte(c))
			return 0;
		colons += c == ':';
		dots += c == '.';
	}
	if (colons == 0)
		return dots == 3 && is_digit(byte_at(in, i)) && is_digit(byte_at(in, e - 1));
	return colons >= 2;
}

/* Reads a host named at i: "mx.example.net[192.0.2.1]", "mx.example.net [192.0.2.1]",
 * "mx.example.net (192.0.2.1)", "[192.0.2.1]", "192.0.2.7 (mx.example.net)". */
static void read_host(const struct input *in, size_t i, size_t limit, struct notes *n)
{
	size_t j = i, e, a, b;
	int open;

	if (byte_at(in, j) == '=' || byte_at(in, j) == ':')
		j++; /* "host=smtp.example.org", not "server = self.connect()" */
	while (j < limit && (byte_at(in, j) == '"' || byte_at(in, j) == '\'' || byte_at(in, j) == '(' ||
			     is_blank(byte_at(in, j))))
		j++;
	e = j;
	while (e < limit && is_host_byte(byte_at(in, e)))
		e++;
	a = e;
	while (e > j && byte_at(in, e - 1) == '.')
		e--; /* Sendmail writes "relay=mx.example.net.", telnet "Trying 192.0.2.7..." */
	if (e > j && is_ip(in, j, e)) {
		n->ip = j;
		n->ip_len = e - j;
		n->has_host = 1;
		/* OpenSMTPD: relay="192.0.2.7 (mx.example.net)" */
		b = skip_blanks(in, a, limit);
		if (byte_at(in, b) == '(') {
			size_t h = b + 1, he = h;

			while (he < limit && is_host_byte(byte_at(in, he)))
				he++;
			if (byte_at(in, he) == ')' && memchr(in->s + h, '.', he - h) != NULL) {
				n->host = h;
				n->host_len = he - h;
			}
		}
		return;
	}
	if (e > j && (memchr(in->s + j, '.', e - j) != NULL ||
		      match_literal(in, j, e, "localhost") == e)) {
		if (!is_digit(byte_at(in, j)) || !is_ip(in, j, e)) {
			n->host = j;
			n->host_len = e - j;
			n->has_host = 1;
		}
	} else if (e > j || (j > i && byte_at(in, i - 1) != ';')) {
		/* "relay=none", "unknown[192.0.2.1]": no name, and no remote server; "Client host
		 * [192.0.2.1]", "server [192.0.2.1]": an address alone counts only right after its
		 * phrase ("relay=[192.0.2.1]", "dns; [192.0.2.1]") */
		return;
	}
	b = skip_blanks(in, a, limit);
	open = byte_at(in, b);
	if (open != '[' && open != '(')
		return;
	b++;
	for (e = b; e < limit && is_ip_byte(byte_at(in, e)); e++)
		;
	if (e < limit && byte_at(in, e) == (open == '[' ? ']' : ')') && is_ip(in, b, e)) {
		n->ip = b;
		n->ip_len = e - b;
		n->has_host = 1;
	}
}

/* Reads a host named right before a phrase at p: qmail's "192.0.2.7 does not like
 * recipient.", "192.0.2.7_does_not_like_recipient". */
static void read_host_before(const struct input *in, size_t ls, size_t p, struct notes *n)
{
	size_t e = p, b;

	while (e > ls && (is_blank(byte_at(in, e - 1)) || byte_at(in, e - 1) == '_'))
		e--;
	for (b = e; b > ls && is_host_byte(byte_at(in, b - 1)); b--)
		;
	while (e > b && byte_at(in, e - 1) == '.')
		e--;
	if (e == b)
		return;
	if (is_ip(in, b, e)) {
		n->ip = b;
		n->ip_len = e - b;
		n->has_host = 1;
	} else if (memchr(in->s + b, '.', e - b) != NULL && !is_digit(byte_at(in, b))) {
		n->host = b;
		n->host_len = e - b;
		n->has_host = 1;
	}
}

/* The first "name [192.0.2.1]" or "name[192.0.2.1]" in [i, e), a name with a dot in it. */
static int name_with_address(const struct input *in, size_t i, size_t e, struct notes *n)
{
	for (; i < e; i++) {
		size_t b, a, c;

		if (byte_at(in, i) != '[')
			continue;
		for (c = i + 1; c < e && is_ip_byte(byte_at(in, c)); c++)
			;
		if (c >= e || byte_at(in, c) != ']' || !is_ip(in, i + 1, c))
			continue;
		a = i;
		if (a > 0 && is_blank(byte_at(in, a - 1)))
			a--;
		while (a > 0 && byte_at(in, a - 1) == '.')
			a--;
		for (b = a; b > 0 && is_host_byte(byte_at(in, b - 1)); b--)
			;
		if (a > b && memchr(in->s + b, '.', a - b) != NULL && !is_digit(byte_at(in, b)) &&
		    byte_at(in, b) != '.') {
			n->host = b;
			n->host_len = a - b;
			n->ip = i + 1;
			n->ip_len = c - i - 1;
			n->has_host = 1;
			return 1;
		}
	}
	return 0;
}

/* Reads the forms of line [ls, le) for the stage, the host and the kind; pos splits "before"
 * from "after" (the reply's code on its own line, or le for a line above it). */
static void read_notes(const struct input *in, size_t ls, size_t le, size_t pos, int commands,
		       struct notes *n)
{
	size_t i, content = skip_blanks(in, ls, le);
	int client = 0;

	memset(n, 0, sizeof *n);
	n->kind = FORM_NO_KIND;
	for (i = ls; i < le; i++) {
		size_t from, to, r, skip = i;
		int c = (unsigned char)in->s[i];

		if (is_digit(c) || !may_start(smtpcode_form_pairs_notes_, in, i))
			continue;
		form_rows(c, &from, &to);
		/* every form at i speaks: "SMTP ERROR:" introduces a reply and names its command */
		for (r = from; r < to; r++) {
			const struct form_def *f = &smtpcode_forms_[r];
			size_t m;
			int st = 0;

			if ((f->side == FORM_SIDE_AFTER && f->does != FORM_DOES_HOST) || !second_fits(in, i, f))
				continue;
			if ((f->at == FORM_AT_LINE || f->at == FORM_AT_WHOLE) && i != content)
				continue;
			if (f->does == FORM_DOES_COMMAND && (i != content || !commands) && !client)
				continue;
			m = match_form(in, i, le, f);
			if (m == 0 || (f->at == FORM_AT_WHOLE && skip_blanks(in, m, le) != le))
				continue;
			if (f->kind != FORM_NO_KIND && f->does == FORM_DOES_MARK)
				n->kind = f->kind;
			if (i == content && (f->does == FORM_DOES_CLIENT || f->does == FORM_DOES_COMMAND ||
					     (f->does == FORM_DOES_STAGE && f->stage == SMTPCODE_STAGE_CONNECT)))
				n->transcript = 1;
			if (f->does == FORM_DOES_CLIENT && !is_digit(byte_at(in, skip_blanks(in, m, le)))) {
				client = 1;
				st = command_at(in, m, le);
				content = skip_blanks(in, m, le);
			} else if (f->does == FORM_DOES_STAGE || f->does == FORM_DOES_COMMAND ||
				   ((f->does == FORM_DOES_REPLY || f->does == FORM_DOES_CODE) && f->stage != 0)) {
				st = f->stage == FORM_STAGE_COMMAND ? command_at(in, m, le) : f->stage;
			} else if (f->does == FORM_DOES_HOST && f->side == FORM_SIDE_AFTER) {
				if (!n->has_host)
					read_host_before(in, ls, i, n);
			} else if (f->does == FORM_DOES_HOST && !n->has_host) {
				read_host(in, m, le, n);
			} else if (f->does == FORM_DOES_HOST && n->ip_len == 0) {
				struct notes ipn;

				/* Exchange's "{FQDN=mx.example.net};{IP=192.0.2.7}" */
				memset(&ipn, 0, sizeof ipn);
				read_host(in, m, le, &ipn);
				if (ipn.host_len == 0 && ipn.ip_len > 0) {
					n->ip = ipn.ip;
					n->ip_len = ipn.ip_len;
				}
			}
			if (st != 0) {
				if (i < pos)
					n->stage_before = st;
				else if (f->stage != FORM_STAGE_COMMAND && f->does != FORM_DOES_COMMAND &&
					 f->phrase[0] != '(' && f->phrase[0] != '[')
				{
					if (n->stage_after_fixed == 0)
						n->stage_after_fixed_pos = i;
					n->stage_after_fixed = n->stage_after_fixed ? n->stage_after_fixed : st;
				}
				else if (n->stage_after == 0)
					n->stage_after = st;
			}
			if (m > skip + 1)
				skip = m - 1;
		}
		i = skip;
	}
}

/* The lines of the window before a group: back from its first line to its floor, at most
 * this many, stopping at a blank line. */
#define WINDOW_LINES 4

/* ---- warnings ---------------------------------------------------------------------------- */

static unsigned code_warnings(const struct smtpcode_reply *r)
{
	const struct smtpcode_entry *be = smtpcode_lookup_basic(r->basic), *ee = NULL;
	int cls = r->basic / 100;
	unsigned w = 0;

	if (r->basic >= 0 && be == NULL)
		w |= SMTPCODE_WARN_UNKNOWN_BASIC;
	if (be != NULL && be->status == SMTPCODE_NONSTANDARD)
		w |= SMTPCODE_WARN_NONSTANDARD;
	if (r->enhanced[0] == '\0' || r->basic < 0)
		return r->enhanced[0] != '\0' && smtpcode_lookup(r->enhanced) == NULL
			       ? w | SMTPCODE_WARN_UNKNOWN_ENHANCED
			       : w;
	ee = smtpcode_lookup(r->enhanced);
	if (ee == NULL)
		w |= SMTPCODE_WARN_UNKNOWN_ENHANCED;
	/* RFC 3463 has no class 3: a 354 carrying 2.0.0 is no mismatch */
	if ((cls == 2 || cls == 4 || cls == 5) && cls != r->enhanced_code.reply_class)
		w |= SMTPCODE_WARN_CLASS_MISMATCH;
	if (ee != NULL && INTERNAL(unusual_pair)(ee, r->basic))
		w |= SMTPCODE_WARN_NOT_ASSOCIATED;
	return w;
}

/* ---- filling the struct -------------------------------------------------------------------- */

static void clear_reply(struct smtpcode_reply *out)
{
	memset(out, 0, sizeof *out);
	out->size = sizeof *out;
	out->basic = -1;
	out->enhanced_code.kind = SMTPCODE_ENHANCED;
	out->enhanced_code.basic = -1;
	out->enhanced_code.subject = -1;
	out->enhanced_code.detail = -1;
	out->status_code = out->enhanced_code;
	out->stage = SMTPCODE_STAGE_UNKNOWN;
	out->form = SMTPCODE_FORM_PLAIN;
}

static void copy_code(const struct input *in, const struct number *nb, char *dst,
		      struct smtpcode_code *code)
{
	size_t n = nb->end - nb->pos;

	if (n > SMTPCODE_CODE_MAX)
		n = SMTPCODE_CODE_MAX;
	memcpy(dst, in->s + nb->pos, n);
	dst[n] = '\0';
	enhanced_of(in, nb, code);
}

/* Where a text form on line l puts the reply's text apart from its code ("Detail: ...",
 * "\"response\":\"...\"") : the first one after from with any text, ending at its closing
 * quote or at a code form after it. Returns 0 when there is none. */
static int text_form(const struct input *in, const struct line *l, size_t from, int after_code,
		     size_t *start, size_t *end)
{
	size_t i;

	for (i = from; i < l->le; i++) {
		size_t rf, rt, r;

		if (!may_start(smtpcode_form_pairs_notes_, in, i))
			continue;
		form_rows(byte_at(in, i), &rf, &rt);
		for (r = rf; r < rt; r++) {
			const struct form_def *f = &smtpcode_forms_[r];
			size_t m = f->does == FORM_DOES_TEXT ? match_form(in, i, l->le, f) : 0, e, k;
			int q = (unsigned char)f->phrase[f->length - 1];

			if (m == 0)
				continue;
			m = skip_blanks(in, m, l->le);
			for (e = m; e < l->le; e++) {
				if ((q == '"' || q == '\'') && byte_at(in, e) == q && byte_at(in, e - 1) != '\\')
					break;
				if (!may_start(smtpcode_form_pairs_codes_, in, e))
					continue;
				form_rows(byte_at(in, e), &rf, &rt);
				for (k = rf; k < rt; k++)
					if (smtpcode_forms_[k].does == FORM_DOES_CODE &&
					    match_form(in, e, l->le, &smtpcode_forms_[k]) != 0)
						break;
				if (k < rt)
					break;
			}
			while (e > m && is_blank(byte_at(in, e - 1)))
				e--;
			if (e > m && !(after_code && is_digit(byte_at(in, m)))) {
				*start = m;
				*end = e;
				return 1;
			}
		}
	}
	return 0;
}

/* The first line's text of a group. */
static void set_line_text(const struct input *in, const struct group *g, struct smtpcode_reply *out)
{
	const struct cand *c = &g->first.reply;
	size_t start = c->text, end;

	if (c->type == CAND_STATUS || g->status_only || start > g->first.le) {
		out->text_offset = g->first.le;
		out->text_length = 0;
		return;
	}
	end = INTERNAL(reply_trim)(in->s, start, c->text_end > start ? c->text_end : g->first.le,
				   c->close);
	/* Postfix wraps "said: 550 5.1.1" and puts the words on the next, indented, line, after
	 * the enhanced code where it wrapped before that ("talk to me: 554\n    5.7.1 ...") */
	if (end == start && g->end > g->first.le) {
		size_t ls = next_line(in, g->first.le), le;
		struct number nb;

		start = skip_blanks(in, ls, in->n);
		le = line_end(in, start);
		if (is_digit(byte_at(in, start))) {
			read_number(in, start, &nb);
			if (g->has_enh && nb.pos == start && is_enhanced_number(in, &nb) &&
			    nb.value[1] == g->enh.value[1] && nb.value[2] == g->enh.value[2])
				start = skip_blanks(in, nb.end, le);
		}
		end = INTERNAL(reply_trim)(in->s, start, le, c->close);
	}
	{
		size_t ts, te;

		/* the server's words apart from the code: PHPMailer's "Detail: ... SMTP code: 554",
		 * a payload's "\"response\":\"...\"" beside its "\"code\":550" */
		if (((end == start || c->code_only) && text_form(in, &g->first, g->first.ls, 0, &ts, &te)) ||
		    (end > start && text_form(in, &g->first, c->pos, 1, &ts, &te))) {
			struct number nb;

			start = ts;
			end = te;
			/* Mailgun repeats the enhanced code in its message: "5.1.1 The email ..." */
			if (is_digit(byte_at(in, start)) && g->has_enh) {
				read_number(in, start, &nb);
				if (is_enhanced_number(in, &nb) && nb.value[1] == g->enh.value[1] &&
				    nb.value[2] == g->enh.value[2])
					start = skip_blanks(in, nb.end, end);
			}
		}
	}
	out->text_offset = start;
	out->text_length = end > start ? end - start : 0;
}

/* Fills out from group g: its codes, text, form, stage, status, host. */
static void fill(const struct input *in, const struct group *g, struct smtpcode_reply *out)
{
	const struct line *l = &g->first;
	const struct cand *c = &l->reply;
	struct notes own, win = { 0 };
	size_t ls, k;
	int stage = 0, kind = FORM_NO_KIND, have_host = 0, transcript = 0;

	clear_reply(out);
	out->lines = g->lines;
	out->warnings = g->warnings;
	if (g->status_only) {
		copy_code(in, &l->status.enh, out->enhanced, &out->enhanced_code);
		copy_code(in, &l->status.enh, out->status, &out->status_code);
		out->start = l->status.pos;
	} else {
		out->basic = c->basic;
		out->start = c->pos;
		if (g->has_enh)
			copy_code(in, &g->enh, out->enhanced, &out->enhanced_code);
		if (c->bad_enh && !g->has_enh)
			out->warnings |= SMTPCODE_WARN_BAD_ENHANCED;
		if (l->has_status)
			copy_code(in, &l->status.enh, out->status, &out->status_code);
		kind = c->kind;
		stage = c->stage;
	}
	if (l->bad_enh && out->enhanced[0] == '\0')
		out->warnings |= SMTPCODE_WARN_BAD_ENHANCED;
	out->end = g->end;
	set_line_text(in, g, out);
	/* the reply's own lines first, read as one: Postfix's "(in reply to RCPT TO command)"
	 * after the code (wrapped onto the next line, too), Exim's "after RCPT TO:<a>:" before
	 * it; a phrase after the code names the stage only for a code whose text is the
	 * application's own ("SMTP Error (535): Authentication failed.") */
	read_notes(in, l->ls, g->end, out->start, 0, &own);
	if (own.stage_after != 0)
		stage = own.stage_after;
	else if (own.stage_before != 0 && stage == 0)
		stage = own.stage_before;
	else if (stage == 0 && (c->code_only ||
				(own.stage_after_fixed != 0 && out->text_length > 0 &&
				 own.stage_after_fixed_pos > out->text_offset + out->text_length + 1)))
		stage = own.stage_after_fixed; /* msmtp's "smtpmsg='550 ...' errormsg='recipient ..." */
	if (kind == FORM_NO_KIND)
		kind = l->kind != FORM_NO_KIND ? l->kind : own.kind;
	if (own.has_host) {
		have_host = 1;
		win = own;
	}
	/* then the lines above it, nearest first, back to the reply before */
	ls = l->ls;
	/* a log line stands alone: the lines above it are other events */
	for (k = l->marked ? WINDOW_LINES : 0;
	     k < WINDOW_LINES && (stage == 0 || kind == FORM_NO_KIND || !have_host); k++) {
		size_t pls, ple;
		struct notes up;

		if (!prev_line(in, ls, g->floor, &pls, &ple) || is_blank_line(in, pls, ple))
			break;
		read_notes(in, pls, ple, ple, 1, &up);
		transcript |= up.transcript;
		if (stage == 0)
			stage = up.stage_before != 0 ? up.stage_before : up.stage_after;
		if (kind == FORM_NO_KIND)
			kind = up.kind;
		if (!have_host && up.has_host) {
			have_host = 1;
			win = up;
		}
		ls = pls;
	}
	/* last, a line or two after it: MailKit's "ErrorCode: RecipientNotAccepted" */
	for (ls = g->end, k = l->marked ? 2 : 0; stage == 0 && k < 2; k++) {
		size_t nls = next_line(in, ls), nle;
		struct notes down;

		if (nls <= ls || nls >= in->n)
			break;
		nle = line_end(in, nls);
		if (is_blank_line(in, nls, nle))
			break;
		read_notes(in, nls, nle, nls, 0, &down);
		stage = down.stage_before != 0 ? down.stage_before : down.stage_after_fixed;
		ls = nle;
	}
	/* a status alone names its server after it: "Status: 4.4.1\nDiagnostic-Code: X-Postfix;
	 * connect to mx.example.net[192.0.2.7]:25: ..." */
	for (ls = g->end, k = 0; g->status_only && !have_host && k < 2; k++) {
		size_t nls = next_line(in, ls), nle;
		struct notes down;

		if (nls <= ls || nls >= in->n)
			break;
		nle = line_end(in, nls);
		read_notes(in, nls, nle, nls, 0, &down);
		if (down.has_host) {
			have_host = 1;
			win = down;
		}
		ls = nle;
	}
	/* Exchange writes the server before the code: "mx.example.net #550 5.1.1 ... ##" */
	if (!have_host && c->close == '#' && c->pos > l->ls) {
		read_host_before(in, l->ls, c->pos - 1, &win);
		have_host = win.has_host;
	}
	if (have_host) {
		out->remote_host_offset = win.host;
		out->remote_host_length = win.host_len;
		out->remote_ip_offset = win.ip;
		out->remote_ip_length = win.ip_len;
	}
	out->stage = (enum smtpcode_stage)stage;
	if (kind == FORM_NO_KIND && (l->json || c->close == '"'))
		kind = l->json ? SMTPCODE_FORM_JSON : FORM_NO_KIND;
	if (kind == FORM_NO_KIND && c->close == '#')
		kind = SMTPCODE_FORM_EXCHANGE;
	if (kind == FORM_NO_KIND && transcript && c->pos == l->content)
		kind = SMTPCODE_FORM_TRANSCRIPT;
	if (kind != FORM_NO_KIND) {
		out->form = (enum smtpcode_form)kind;
	} else if (!g->status_only && c->basic >= 0 && !c->has_enh && out->text_length == 0 &&
		   c->pos == l->content && skip_blanks(in, c->pos + 3, l->le) == l->le) {
		out->form = SMTPCODE_FORM_BARE;
	} else if (!g->status_only && c->pos != l->content && !c->formed) {
		out->form = SMTPCODE_FORM_APPLICATION;
	}
	if (!g->status_only)
		out->warnings |= code_warnings(out);
}

/* ---- the reply that matters ------------------------------------------------------------------ */

/* The ranking of whole groups: a failure first, a reply over a status alone, then strength. */
static int group_outranks(const struct group *a, const struct group *b)
{
	const struct cand *x = &a->first.reply, *y = &b->first.reply;
	int wa = a->status_only ? 0 : weight(x), wb = b->status_only ? 0 : weight(y);

	if (wa != wb)
		return wa > wb;
	if (a->status_only != b->status_only)
		return !a->status_only;
	if (a->status_only)
		return 0;
	return x->strength > y->strength;
}

/* A bare code ("Code: 552", a form field "550", "\"code\":550") whose enhanced code and text
 * follow on a line of their own within a few lines: the two are one reply. */
#define MERGE_LINES 8

static int bare_code(const struct group *g)
{
	const struct cand *c = &g->first.reply;

	return !g->status_only && c->basic >= 0 && !c->has_enh && g->lines == 1 &&
	       (c->type == CAND_CODE || c->text >= g->first.le);
}

static void merge_following(const struct input *in, struct group *g)
{
	struct group next;
	size_t i, lines = 0;

	if (!bare_code(g) || !find_group(in, g->after, g->end, &next))
		return;
	for (i = g->end; i < next.first.ls && lines <= MERGE_LINES; i++)
		lines += byte_at(in, i) == '\n';
	if (lines > MERGE_LINES || next.status_only || next.first.reply.basic >= 0 ||
	    (int)next.enh.value[0] != g->first.reply.basic / 100)
		return;
	next.first.reply.basic = g->first.reply.basic;
	next.first.reply.pos = g->first.reply.pos;
	if (next.first.reply.kind == FORM_NO_KIND)
		next.first.reply.kind = g->first.reply.kind;
	next.floor = g->floor;
	*g = next;
}

/* Session chatter of a transcript: a success the client went on from (the greeting, the
 * answer to EHLO, an AUTH challenge, 250 to MAIL FROM). Only a transcript's last reply, or a
 * failure, is its outcome: one that ends in a dropped connection holds none. */
static int chatter(const struct input *in, const struct group *g)
{
	size_t ls = g->after;
	struct pending none;
	struct line l;
	int k;

	if (g->status_only || weight(&g->first.reply) == 2)
		return 0;
	memset(&none, 0, sizeof none);
	/* 334 and 354 wait for the client: whatever follows them is its part */
	if (g->first.reply.basic == 334 || g->first.reply.basic == 354)
		return skip_blanks(in, g->after, in->n) < in->n &&
		       !is_blank_line(in, g->after, in->n);
	for (k = 0; k < 4 && ls < in->n; k++) {
		size_t le = line_end(in, ls);

		if (!is_blank_line(in, ls, le)) {
			read_line(in, ls, le, &none, &l);
			return l.client;
		}
		if (next_line(in, le) <= ls)
			break;
		ls = next_line(in, le);
	}
	return 0;
}

/* The first remote server the text names before limit, for a reply whose own lines name
 * none; failing that, the host name a greeting ("220 mx.example.net ESMTP") gives. */
static void text_host(const struct input *in, size_t limit, size_t greeting,
		      struct smtpcode_reply *out)
{
	size_t ls = 0;
	int have_ip = 0;

	while (ls < limit) {
		size_t le = line_end(in, ls);
		struct notes n;

		read_notes(in, ls, le, le, 1, &n);
		/* a name is worth going on for: curl says "Trying 192.0.2.7:587..." before
		 * "Connected to smtp.example.net (192.0.2.7)" */
		if (n.has_host && (n.host_len > 0 || !have_ip)) {
			out->remote_host_offset = n.host;
			out->remote_host_length = n.host_len;
			if (n.ip_len > 0 || !have_ip) {
				out->remote_ip_offset = n.ip;
				out->remote_ip_length = n.ip_len;
			}
			have_ip = 1;
			if (n.host_len > 0)
				return;
		}
		if (le >= in->n)
			break;
		ls = next_line(in, le);
	}
	if (greeting < in->n && out->remote_host_length == 0) {
		size_t e = greeting;

		while (e < in->n && is_host_byte(byte_at(in, e)))
			e++;
		while (e > greeting && byte_at(in, e - 1) == '.')
			e--;
		if (e > greeting && memchr(in->s + greeting, '.', e - greeting) != NULL &&
		    !is_ip(in, greeting, e)) {
			out->remote_host_offset = greeting;
			out->remote_host_length = e - greeting;
		}
	}
}

/* Last, a name with its address in brackets near the reply, where no phrase names the
 * server: Gmail's "... for the recipient domain example.org by mx.example.org. [192.0.2.30]." */
static void guess_host(const struct input *in, const struct group *g, struct smtpcode_reply *out)
{
	struct notes n;
	size_t ls = g->first.ls, pls, ple, k;

	memset(&n, 0, sizeof n);
	for (k = 0; k <= WINDOW_LINES; k++) {
		if (name_with_address(in, ls, k == 0 ? g->end : line_end(in, ls), &n)) {
			out->remote_host_offset = n.host;
			out->remote_host_length = n.host_len;
			out->remote_ip_offset = n.ip;
			out->remote_ip_length = n.ip_len;
			return;
		}
		if (!prev_line(in, ls, g->floor, &pls, &ple))
			return;
		ls = pls;
	}
}

static int parse(const struct input *in, struct smtpcode_reply *out)
{
	struct group best, g, first_status;
	struct smtpcode_reply r;
	size_t from = 0, floor = 0, greeting = in->n;
	int found = 0, have_status = 0, saw_bad = 0, prev_basic = -1, groups = 0;

	while (find_group(in, from, floor, &g)) {
		merge_following(in, &g);
		saw_bad |= g.saw_bad;
		groups += !g.status_only;
		fill(in, &g, &r);
		/* after a 334 the client answers AUTH; after a 354 it sends the message */
		if (r.stage == SMTPCODE_STAGE_UNKNOWN && prev_basic == 334)
			r.stage = SMTPCODE_STAGE_AUTH;
		else if (r.stage == SMTPCODE_STAGE_UNKNOWN && prev_basic == 354)
			r.stage = SMTPCODE_STAGE_END_OF_DATA;
		prev_basic = r.basic;
		if (g.status_only && !have_status) {
			first_status = g;
			have_status = 1;
		}
		if (r.basic == 220 && greeting == in->n)
			greeting = r.text_offset;
		/* of equals, the first failure and the last success: a transcript ends in its
		 * outcome, a bounce says the failure first */
		/* a bounce repeats its reply in its transcript or DSN, which may name the stage */
		if (found && out->stage == SMTPCODE_STAGE_UNKNOWN && r.stage != SMTPCODE_STAGE_UNKNOWN &&
		    r.basic == out->basic && strcmp(r.enhanced, out->enhanced) == 0)
			out->stage = r.stage;
		if (!chatter(in, &g) && !(found && r.basic == 221) &&
		    (!found || group_outranks(&g, &best) ||
		     (!group_outranks(&best, &g) && !g.status_only && weight(&g.first.reply) < 2))) {
			best = g;
			*out = r;
			found = 1;
		}
		floor = g.end;
		from = g.after > from ? g.after : from + 1;
	}
	if (!found) {
		size_t ls = 0;

		out->warnings = SMTPCODE_WARN_NO_CODE;
		/* a malformed code where a code would be ("6.1.1" alone, "Status: 5.1") */
		while (ls < in->n) {
			size_t le = line_end(in, ls);
			struct pending none;
			struct line l;

			memset(&none, 0, sizeof none);
			read_line(in, ls, le, &none, &l);
			if (l.bad_enh)
				out->warnings |= SMTPCODE_WARN_BAD_ENHANCED;
			if (le >= in->n)
				break;
			ls = next_line(in, le);
		}
		text_host(in, in->n, greeting, out);
		return SMTPCODE_ENOTFOUND;
	}
	if (out->status[0] == '\0' && have_status && !best.status_only)
		copy_code(in, &first_status.first.status.enh, out->status, &out->status_code);
	if (saw_bad && out->enhanced[0] == '\0')
		out->warnings |= SMTPCODE_WARN_BAD_ENHANCED;
	/* a refused greeting names the server first: "554 mx.example.net ESMTP not accepting" */
	if (out->stage == SMTPCODE_STAGE_CONNECT && out->text_length > 0 && greeting == in->n)
		greeting = out->text_offset;
	if (out->remote_host_length == 0)
		text_host(in, best.first.ls, greeting, out);
	if (out->remote_host_length == 0 && out->remote_ip_length == 0)
		text_host(in, in->n, greeting, out); /* Sendmail names it after: "while talking to" */
	if (out->remote_host_length == 0 && out->remote_ip_length == 0)
		guess_host(in, &best, out);
	/* a reply among others, first on its line, with nothing to say how: a transcript
	 * written without markers (telnet, openssl s_client) */
	if (out->form == SMTPCODE_FORM_PLAIN && groups > 1 && best.first.reply.pos == best.first.content)
		out->form = SMTPCODE_FORM_TRANSCRIPT;
	/* a transcript connects to the address it tried: "Trying 192.0.2.7..." */
	if (out->form == SMTPCODE_FORM_TRANSCRIPT && out->remote_ip_length == 0) {
		struct smtpcode_reply t = *out;

		t.remote_host_length = t.remote_ip_length = 0;
		text_host(in, best.first.ls, in->n, &t);
		if (t.remote_ip_length > 0 &&
		    (t.remote_host_length == 0 ||
		     (t.remote_host_length == out->remote_host_length &&
		      memcmp(in->s + t.remote_host_offset, in->s + out->remote_host_offset,
			     t.remote_host_length) == 0))) {
			out->remote_ip_offset = t.remote_ip_offset;
			out->remote_ip_length = t.remote_ip_length;
		}
	}
	return SMTPCODE_OK;
}

/* The quote or '#' that closes the reply parsed at r->start, for its whole text. */
int INTERNAL(reply_close)(const char *text, size_t length, const struct smtpcode_reply *r)
{
	struct input in;
	struct pending none;
	struct line l;
	size_t ls;

	if (r->start >= length)
		return 0;
	in.s = text;
	in.n = length;
	memset(&none, 0, sizeof none);
	ls = line_start(&in, r->start, 0);
	read_line(&in, ls, line_end(&in, r->start), &none, &l);
	return l.has_reply && l.reply.pos == r->start ? l.reply.close : 0;
}

/* ---- public functions --------------------------------------------------------------------- */

int smtpcode_parse_reply(const char *text, size_t length, struct smtpcode_reply *out)
{
	struct smtpcode_reply r;
	struct input in;
	int rc = check_size(out, SIZE_TO(struct smtpcode_reply, warnings));

	if (rc != SMTPCODE_OK)
		return rc;
	if (text == NULL)
		return SMTPCODE_ENULL;
	clear_reply(&r);
	in.s = text;
	in.n = length;
	rc = parse(&in, &r);
	copy_out(out, &r, sizeof r);
	return rc;
}

int smtpcode_reply_next(const char *text, size_t length, size_t *offset,
			struct smtpcode_reply *out)
{
	struct smtpcode_reply r;
	struct input in;
	struct group g;
	int rc = check_size(out, SIZE_TO(struct smtpcode_reply, warnings));

	if (rc != SMTPCODE_OK)
		return rc;
	if (text == NULL || offset == NULL)
		return SMTPCODE_ENULL;
	if (*offset > length)
		*offset = length;
	in.s = text;
	in.n = length;
	clear_reply(&r);
	if (!find_group(&in, *offset, *offset, &g)) {
		*offset = length;
		r.warnings = SMTPCODE_WARN_NO_CODE;
		copy_out(out, &r, sizeof r);
		return SMTPCODE_ENOTFOUND;
	}
	merge_following(&in, &g);
	fill(&in, &g, &r);
	*offset = g.after > *offset ? g.after : *offset + 1;
	if (*offset > length)
		*offset = length;
	copy_out(out, &r, sizeof r);
	return SMTPCODE_OK;
}
