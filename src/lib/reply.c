/* reply.c -- find the codes in a server reply as people paste it: plain and multi-line
 * replies, DSN fields, MTA bounces and log lines. */
#include <stdio.h>

#include "internal.h"

/* The caller's text: not NUL-terminated, any bytes. Positions are offsets into it. */
struct input {
	const char *s;
	size_t n;
};

/* ---- bytes --------------------------------------------------------------------------- */

/* The byte at i, or -1 past the end: readers then stop at the end like at any delimiter. */
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

static int is_quote(int c)
{
	return c == '\'' || c == '"';
}

static int to_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static size_t skip_blanks(const struct input *in, size_t i)
{
	while (is_blank(byte_at(in, i)))
		i++;
	return i;
}

/* ---- lines --------------------------------------------------------------------------- */

/* End of the line that holds i: the first CR or LF, or the end of the text. */
static size_t line_end(const struct input *in, size_t i)
{
	while (i < in->n && !is_eol(byte_at(in, i)))
		i++;
	return i;
}

/* Start of the line after the one ending at end (CRLF, LF or a lone CR). */
static size_t next_line(const struct input *in, size_t end)
{
	if (byte_at(in, end) == '\r' && byte_at(in, end + 1) == '\n')
		return end + 2;
	return is_eol(byte_at(in, end)) ? end + 1 : end;
}

/* Past the indentation and mail quoting ("> ") that pasting adds in front of a line. */
static size_t skip_quoting(const struct input *in, size_t i)
{
	while (is_blank(byte_at(in, i)) || byte_at(in, i) == '>')
		i++;
	return i;
}

/* A blank in a phrase stands for up to this many white-space bytes, line breaks included:
 * MTAs wrap long lines ("(in reply to end of DATA\n    command)"). The bound keeps every
 * match attempt short, so scanning stays linear. */
#define MAX_GAP 16

/* Matches phrase at i. A blank in phrase matches 1..MAX_GAP white-space bytes; letters match
 * in any case when any_case. Returns the end of the match, or 0 when it does not match (a
 * match never ends at 0, the phrase being non-empty). */
static size_t match_phrase(const struct input *in, size_t i, const char *phrase, int any_case)
{
	for (; *phrase != '\0'; phrase++) {
		int c = byte_at(in, i);

		if (*phrase == ' ') {
			size_t gap = 0;

			while (gap < MAX_GAP && (is_blank(c) || is_eol(c))) {
				gap++;
				c = byte_at(in, ++i);
			}
			if (gap == 0)
				return 0;
			continue;
		}
		if (c == *phrase || (any_case && c >= 0 && to_lower(c) == to_lower(*phrase))) {
			i++;
			continue;
		}
		return 0;
	}
	return i;
}

/* A phrase that starts with a letter must start a word: "after" is not in "thereafter". */
static int starts_word(const struct input *in, size_t i, const char *phrase)
{
	return !is_alpha((unsigned char)phrase[0]) || i == 0 || !is_alnum(byte_at(in, i - 1));
}

/* ---- codes --------------------------------------------------------------------------- */

/* What may follow a basic code: white space, '-' (a multi-line reply), the end, or the
 * closing quote, bracket or ';' of a wrapped form ("returned '550'", "(#550);"). */
static int ends_basic(int c)
{
	return c == -1 || c == '\0' || is_blank(c) || is_eol(c) || c == '-' || c == '\'' ||
	       c == '"' || c == ')' || c == ';';
}

/* The basic code at i (three digits, first 2-5, properly ended), or -1. */
static int read_basic(const struct input *in, size_t i)
{
	int a = byte_at(in, i), b = byte_at(in, i + 1), c = byte_at(in, i + 2);

	if (a < '2' || a > '5' || !is_digit(b) || !is_digit(c) || !ends_basic(byte_at(in, i + 3)))
		return -1;
	return (a - '0') * 100 + (b - '0') * 10 + (c - '0');
}

/* An enhanced code ends where a longer dotted number or a word cannot go on: "5.1.1:" and
 * "5.1.1." end a code, "5.1.1.1" and "5.1.1a" do not; "5.1.1_" only in qmail's log, which
 * writes blanks as '_' (underscores). */
static int ends_enhanced(const struct input *in, size_t i, int underscores)
{
	int c = byte_at(in, i);

	if (is_alnum(c) || (c == '_' && !underscores))
		return 0;
	return c != '.' || !is_alnum(byte_at(in, i + 1));
}

enum shape {
	SHAPE_NONE,  /* not an enhanced code at all: a word, an IP address, a version */
	SHAPE_VALID, /* "5.1.1", "4.7.650" */
	SHAPE_BAD    /* shaped like one but malformed: "5.1", "6.1.1", "5.1234.1" */
};

struct enhanced_token {
	enum shape shape;
	size_t len;
	struct smtpcode_code code; /* set only when SHAPE_VALID */
};

/* Parts of a dotted number read before giving up: four already make it no enhanced code. */
#define MAX_PARTS 4

/* Reads what may be an enhanced code at i: one digit, then one or two more dotted numbers.
 * Four or more parts (1.2.3.4) or a first part of several digits (192.0.2.7, 10.1.2) make a
 * number that is no code at all; the caller has checked what comes before i. */
static void read_enhanced(const struct input *in, size_t i, int underscores,
			  struct enhanced_token *t)
{
	char copy[SMTPCODE_CODE_MAX + 1];
	size_t j = i, parts = 0, first_len = 0;

	t->shape = SHAPE_NONE;
	t->len = 0;
	/* the usual case, checked first: no digit and dot here at all */
	if (!is_digit(byte_at(in, i)) || byte_at(in, i + 1) != '.')
		return;
	while (parts < MAX_PARTS) {
		size_t start = j;

		while (is_digit(byte_at(in, j)))
			j++;
		if (j == start)
			return;
		if (parts++ == 0)
			first_len = j - start;
		if (byte_at(in, j) != '.' || !is_digit(byte_at(in, j + 1)))
			break;
		j++;
	}
	if (first_len != 1 || parts < 2 || parts > 3 || !ends_enhanced(in, j, underscores))
		return;
	t->len = j - i;
	t->shape = SHAPE_BAD;
	if (parts == 3 && t->len <= SMTPCODE_CODE_MAX) {
		memcpy(copy, in->s + i, t->len);
		copy[t->len] = '\0';
		if (smtpcode_parse_code(copy, &t->code) == SMTPCODE_OK)
			t->shape = SHAPE_VALID;
	}
}

/* Words that make the number before them a quantity, not a reply: "552 bytes". */
static const char *const units[] = { "bytes", "octets", "kb", "mb", "gb", "ms", "seconds" };

static int is_quantity(const struct input *in, size_t i)
{
	size_t k, j;

	for (k = 0; k < sizeof units / sizeof units[0]; k++) {
		j = match_phrase(in, i, units[k], 1);
		if (j != 0 && !is_alnum(byte_at(in, j)))
			return 1;
	}
	return 0;
}

/* ---- candidates: a code found at a place where a reply starts ---------------------------- */

struct candidate {
	size_t pos;      /* where the first code starts */
	size_t line_end; /* end of the line it is on */
	size_t prev_end; /* end of the last line before it with a basic code (0 if none) */
	int basic;       /* -1: an enhanced code alone ("Status: 5.1.1") */
	int sep;         /* the byte after the basic code: '-' continues a multi-line reply */
	struct enhanced_token enhanced;
	size_t enhanced_pos;
	size_t text;     /* where the reply text starts */
	int close;       /* the byte that closes a wrapped form: '\'', '"', '#'; or 0 */
	int field;       /* a DSN or log field ("dsn=5.1.1,"): what follows is no reply text */
};

/* Reads the codes at i. Returns 1 when there is a basic code or a valid enhanced code;
 * otherwise c->enhanced may still tell of a malformed enhanced code there. */
static int read_candidate(const struct input *in, size_t i, int allow_basic, int close,
			  struct candidate *c)
{
	size_t j = i;

	/* field by field: this runs for every line and marker, a memset of it showed in profiles */
	c->pos = c->line_end = c->prev_end = c->enhanced_pos = c->text = i;
	c->close = close;
	c->field = 0;
	c->sep = -1;
	c->enhanced.shape = SHAPE_NONE;
	c->enhanced.len = 0;
	c->basic = allow_basic ? read_basic(in, i) : -1;
	if (c->basic >= 0) {
		j = i + 3;
		c->sep = byte_at(in, j);
		/* after a quote or bracket the wrapped reply is over: no enhanced code follows */
		if (!is_blank(c->sep) && c->sep != '-') {
			c->text = j;
			return 1;
		}
		j = skip_blanks(in, j + 1);
		if (is_blank(c->sep) && is_quantity(in, j)) {
			c->basic = -1;
			return 0;
		}
		/* Gmail quotes the remote reply inside its own: "error 550-'5.1.1 ...'" */
		if (is_quote(byte_at(in, j)) && is_digit(byte_at(in, j + 1))) {
			c->close = byte_at(in, j);
			j++;
		}
	}
	read_enhanced(in, j, 0, &c->enhanced);
	c->enhanced_pos = j;
	j += c->enhanced.len;
	j = skip_blanks(in, j);
	/* "550 5.7.1: Relay access denied": the colon belongs to the codes, not the text */
	if (c->enhanced.shape != SHAPE_NONE && byte_at(in, j) == ':')
		j = skip_blanks(in, j + 1);
	c->text = j;
	return c->basic >= 0 || c->enhanced.shape == SHAPE_VALID;
}

/* Where a reply can start inside a line. */
enum marker_kind {
	MARK_REPLY,      /* a reply follows: "said: 550 5.1.1 ..." */
	MARK_LOOSE,      /* the same after a word that also comes before other numbers
			  * ("Request failed: 404 Not Found"): a code alone must be a known one */
	MARK_QUOTED,     /* a reply in quotes may follow: "returned '550 ...'" */
	MARK_HASH,       /* Exchange "#550 5.1.1 ... ##", qmail "(#5.1.1)", legacy "#5.1.1" */
	MARK_STATUS,     /* an enhanced code alone follows: "Status: 5.1.1", "dsn=5.1.1" */
	MARK_LOG_STATUS, /* Postfix log: "status=sent (250 2.0.0 Ok ...)" */
	MARK_TUPLE,      /* Python smtplib: "(550, b'5.1.1 ...')" */
	MARK_EXIM        /* Exim: the reply follows the next ": " */
};

struct marker {
	const char *phrase;
	enum marker_kind kind;
	int in_word; /* may end a longer word: "SMTPSendFailedException:" */
};

static const struct marker markers[] = {
	/* Postfix "host X said:", qmail "Remote host said:" */
	{ "said:", MARK_REPLY, 0 },
	/* Postfix "refused to talk to me:" at the greeting */
	{ "talk to me:", MARK_REPLY, 0 },
	/* Gmail "The error that the other server returned was:", Apple Mail, .NET */
	{ "was:", MARK_REPLY, 0 },
	/* "Server response: 550 ...", Outlook "Server Response: '550 ...'" */
	{ "response:", MARK_REPLY, 0 },
	/* Thunderbird and Outlook "The server responded: 5.7.1 ..." */
	{ "responded:", MARK_REPLY, 0 },
	/* hMailServer "Remote server replied: 550 ..." */
	{ "replied:", MARK_REPLY, 0 },
	/* SmarterMail "host mx.example.net says: 550 ..." */
	{ "says:", MARK_REPLY, 0 },
	/* Sendmail "(reason: 550 ...)", Exim "reason: 550 ..." */
	{ "reason:", MARK_REPLY, 0 },
	/* Sendmail log "stat=Deferred: 450 ..." */
	{ "deferred:", MARK_REPLY, 0 },
	/* PHPMailer "RCPT TO command failed: 550 ...", nodemailer "Message failed: 550 ..." */
	{ "failed:", MARK_LOOSE, 0 },
	/* nodemailer "Invalid login: 535 ..." */
	{ "login:", MARK_LOOSE, 0 },
	/* Java "SMTPSendFailedException: 554 ...", .NET and MailKit exceptions */
	{ "exception:", MARK_LOOSE, 1 },
	/* PHPMailer's debug output "SERVER -> CLIENT: 550 ..." */
	{ "client:", MARK_LOOSE, 0 },
	/* a DSN field without the "smtp;" type */
	{ "diagnostic-code:", MARK_REPLY, 0 },
	/* DSN "Diagnostic-Code: smtp; 550 ...", "smtp;550" */
	{ "smtp;", MARK_REPLY, 0 },
	/* Sendmail's and MDaemon's transcripts: what the server sent */
	{ "<<<", MARK_REPLY, 0 },
	{ "<--", MARK_REPLY, 0 },
	/* Postfix smtpd "RCPT from h[192.0.2.1]: 550 ...", "milter-reject: ...]: 5.7.1 ..." */
	{ "]:", MARK_REPLY, 0 },
	/* Exchange "Remote Server returned '550 5.1.1 ...'" */
	{ "returned", MARK_QUOTED, 0 },
	{ "#", MARK_HASH, 0 },
	{ "(", MARK_TUPLE, 0 },
	/* DSN "Status: 5.1.1"; Postfix and Sendmail logs "dsn=5.1.1" */
	{ "status:", MARK_STATUS, 0 },
	{ "dsn=", MARK_STATUS, 0 },
	{ "status=", MARK_LOG_STATUS, 0 },
	/* "... mail server" and "... mailer" */
	{ "smtp error from remote mail", MARK_EXIM, 0 }
};

/* Whether a marker can start with byte c: most bytes start none, and this check is cheaper
 * than trying every marker. */
static int starts_marker(int c)
{
	switch (to_lower(c)) {
	case 's': case 'w': case 'r': case 't': case 'd': case '<': case '#': case ':':
	case 'f': case 'l': case 'e': case 'c': case ']': case '(':
		return 1;
	default:
		return 0;
	}
}

/* What one line offers. */
struct line_scan {
	struct candidate basic;    /* first candidate with a basic code */
	struct candidate enhanced; /* first candidate with an enhanced code alone */
	struct candidate fallback; /* first enhanced code from a DSN or log field, "(#...)" */
	int has_basic, has_enhanced, has_fallback;
	int bad_fallback; /* a malformed code where a DSN or log field puts one: "Status: 5.1" */
	int bad_bare;     /* a line that is only a malformed code: "6.1.1" */
	int ends_hashes;  /* the line ends in Exchange's "##" */
};

static void note(struct line_scan *l, const struct candidate *c, int found, int fallback)
{
	if (!found) {
		if (fallback && c->enhanced.shape == SHAPE_BAD)
			l->bad_fallback = 1;
		return;
	}
	if (c->basic >= 0) {
		if (!l->has_basic)
			l->basic = *c;
		l->has_basic = 1;
		return;
	}
	if (!l->has_enhanced)
		l->enhanced = *c;
	l->has_enhanced = 1;
	if (fallback && !l->has_fallback) {
		l->fallback = *c;
		l->has_fallback = 1;
	}
}

/* Matches the marker phrase at i; one of one word that ends in ':' also matches as a JSON
 * or YAML key: "reason": "550 ...". Returns the end of the match, or 0. */
static size_t match_marker(const struct input *in, size_t i, const char *phrase)
{
	size_t j = match_phrase(in, i, phrase, 1), len = strlen(phrase), k;

	if (j != 0 || len < 2 || phrase[len - 1] != ':' || strchr(phrase, ' ') != NULL)
		return j;
	for (k = 0; k + 1 < len; k++) {
		if (to_lower(byte_at(in, i + k)) != to_lower((unsigned char)phrase[k]))
			return 0;
	}
	if (!is_quote(byte_at(in, i + k)))
		return 0;
	j = skip_blanks(in, i + k + 1);
	return byte_at(in, j) == ':' ? j + 1 : 0;
}

static const struct smtpcode_entry *basic_entry(int basic);

/* Whether a basic code with no enhanced code after it is a reply, after a marker of this
 * kind: after a loose word or in a tuple, only when it is a known code; after '#', only on a
 * line that ends in Exchange's "##" ("Ticket #554 opened" holds no reply). */
static int plausible_alone(enum marker_kind kind, int basic, int ends_hashes)
{
	if (kind == MARK_LOOSE || kind == MARK_TUPLE)
		return basic_entry(basic) != NULL;
	if (kind == MARK_HASH)
		return ends_hashes;
	return 1;
}

/* Python's smtplib shows a reply as a tuple of the code and the text as bytes:
 * "(550, b'5.1.1 <a@example.com>: ...')". j is just past the '('. */
static int read_tuple(const struct input *in, size_t j, struct candidate *c)
{
	size_t k;
	int a = byte_at(in, j), b = byte_at(in, j + 1), d = byte_at(in, j + 2), q;

	if (a < '2' || a > '5' || !is_digit(b) || !is_digit(d) || byte_at(in, j + 3) != ',')
		return 0;
	k = skip_blanks(in, j + 4);
	if (byte_at(in, k) == 'b')
		k++;
	q = byte_at(in, k);
	if (!is_quote(q))
		return 0;
	(void)read_candidate(in, k + 1, 0, q, c);
	c->basic = (a - '0') * 100 + (b - '0') * 10 + (d - '0');
	if (c->enhanced.shape != SHAPE_VALID && !plausible_alone(MARK_TUPLE, c->basic, 0))
		return 0;
	c->pos = j;
	c->sep = ',';
	return 1;
}

/* qmail-send's log writes the reply's blanks as '_': "Remote_host_said:_550_5.1.1_<a@...>".
 * j is at the '_' after the marker. */
static int read_underscored(const struct input *in, size_t j, struct candidate *c)
{
	size_t k = j + 1;
	int a = byte_at(in, k), b = byte_at(in, k + 1), d = byte_at(in, k + 2);
	int e = byte_at(in, k + 3);

	if (a < '2' || a > '5' || !is_digit(b) || !is_digit(d) ||
	    (e != '_' && e != '/' && e != -1 && !is_eol(e)))
		return 0;
	c->basic = (a - '0') * 100 + (b - '0') * 10 + (d - '0');
	c->pos = k;
	c->sep = e;
	c->text = k + 3;
	c->enhanced.shape = SHAPE_NONE;
	c->enhanced.len = 0;
	if (e == '_') {
		c->enhanced_pos = k + 4;
		read_enhanced(in, k + 4, 1, &c->enhanced);
		c->text = k + 4 + c->enhanced.len;
	}
	if (byte_at(in, c->text) == '_')
		c->text++;
	return 1;
}

/* Tries the marker at i; returns 1 when the line's Exim ": " rule is to be armed. */
static int try_marker(const struct input *in, size_t i, const struct marker *m,
		      struct line_scan *l)
{
	struct candidate c;
	size_t j = match_marker(in, i, m->phrase);
	int close = 0, found;

	if (j == 0 || (!m->in_word && !starts_word(in, i, m->phrase)))
		return 0;
	memset(&c, 0, sizeof c); /* note() reads its shape even when nothing was found */
	switch (m->kind) {
	case MARK_EXIM:
		return 1;
	case MARK_TUPLE:
		if (read_tuple(in, j, &c))
			note(l, &c, 1, 0);
		return 0;
	case MARK_REPLY:
		if (byte_at(in, j) == '_') {
			if (read_underscored(in, j, &c))
				note(l, &c, 1, 0);
			return 0;
		}
		break;
	case MARK_LOG_STATUS:
		while (is_alpha(byte_at(in, j)))
			j++;
		j = skip_blanks(in, j);
		if (byte_at(in, j) != '(')
			return 0;
		j++;
		break;
	case MARK_QUOTED:
		/* Lotus Domino: "Remote SMTP Server Returned: 550 ..." */
		j = skip_blanks(in, j);
		if (byte_at(in, j) == ':')
			j++;
		break;
	case MARK_HASH:
		close = '#';
		break;
	case MARK_LOOSE:
	case MARK_STATUS:
		break;
	}
	j = skip_blanks(in, j);
	/* a reply in quotes: "returned '550 ...'", Outlook "Server Response: '550 ...'" */
	if (m->kind != MARK_HASH && is_quote(byte_at(in, j)) &&
	    (is_digit(byte_at(in, j + 1)) || m->kind == MARK_QUOTED))
		close = byte_at(in, j++);
	found = read_candidate(in, j, m->kind != MARK_STATUS, close, &c);
	if (found && c.basic >= 0 && c.enhanced.shape != SHAPE_VALID &&
	    !plausible_alone(m->kind, c.basic, l->ends_hashes)) {
		c.basic = -1;
		found = 0;
	}
	c.field = m->kind == MARK_STATUS;
	note(l, &c, found, m->kind == MARK_STATUS || m->kind == MARK_HASH);
	return 0;
}

/* A line that is nothing but a malformed enhanced code ("6.1.1", "5.1") earns a warning even
 * though nothing marks it as a code; a malformed code inside prose does not. */
static int is_bad_bare(const struct input *in, size_t i, size_t le)
{
	struct enhanced_token t;

	read_enhanced(in, i, 0, &t);
	return t.shape == SHAPE_BAD && skip_blanks(in, i + t.len) == le;
}

/* What may stand right before a reply inside a line: "error: 550", "reject=550", "[550",
 * "\"550". Not a letter, digit or any byte that joins a number to a word, a path or a URL. */
static int may_precede_code(int c)
{
	return is_blank(c) || c == ':' || c == '=' || c == '(' || c == '[' || c == '{' ||
	       c == '<' || c == '>' || c == ';' || c == '|' || is_quote(c);
}

/* A basic code with an enhanced code of its class right after it is a reply wherever it
 * stands in a line ("NOQUEUE: reject: RCPT from h[192.0.2.1]: 554 5.7.1 ...", "Error: [550
 * 5.7.1 ...]"): two numbers that agree like this are rarely anything else. */
static void try_paired(const struct input *in, size_t i, struct line_scan *l)
{
	struct candidate c;

	if (read_candidate(in, i, 1, 0, &c) && c.basic >= 0 && c.enhanced.shape == SHAPE_VALID &&
	    c.enhanced.code.reply_class == c.basic / 100)
		note(l, &c, 1, 0);
}

/* Past a bracket or quote that opens a line and wraps a reply: "(550 5.1.1 ...)". */
static size_t skip_opener(const struct input *in, size_t i)
{
	int c = byte_at(in, i);

	if ((c == '(' || c == '[' || is_quote(c)) && is_digit(byte_at(in, i + 1)))
		return i + 1;
	return i;
}

/* Finds the candidates on the line [ls, le). *exim_armed carries Exim's "SMTP error from
 * remote mail server after RCPT TO:<a>: host h [192.0.2.7]: 550 ..." over to the lines after
 * it: there, and only there, a reply may follow a plain ": ". */
static void scan_line(const struct input *in, size_t ls, size_t le, int *exim_armed,
		      struct line_scan *l)
{
	struct candidate c;
	size_t i, k, start = skip_opener(in, skip_quoting(in, ls));

	memset(&c, 0, sizeof c); /* read_candidate fills it only when it finds a code */
	/* flags only: the candidates are written before they are read, and clearing them on
	 * every line would cost more than the scan itself */
	l->has_basic = l->has_enhanced = l->has_fallback = 0;
	l->bad_fallback = l->bad_bare = 0;
	for (i = le; i > ls && is_blank(byte_at(in, i - 1)); i--)
		;
	l->ends_hashes = i >= ls + 2 && byte_at(in, i - 1) == '#' && byte_at(in, i - 2) == '#';
	if (skip_blanks(in, ls) == le)
		*exim_armed = 0; /* a blank line ends the Exim message */
	note(l, &c, read_candidate(in, start, 1, 0, &c), 0);
	l->bad_bare = is_bad_bare(in, start, le);
	for (i = ls; i < le; i++) {
		int b = byte_at(in, i);

		if (b >= '2' && b <= '5' && i > start && may_precede_code(byte_at(in, i - 1)))
			try_paired(in, i, l);
		if (!starts_marker(b))
			continue;
		if (*exim_armed && b == ':' && is_blank(byte_at(in, i + 1)) &&
		    read_candidate(in, skip_blanks(in, i + 1), 1, 0, &c) && c.basic >= 0)
			note(l, &c, 1, 0);
		for (k = 0; k < sizeof markers / sizeof markers[0]; k++) {
			if (to_lower(b) == markers[k].phrase[0] && try_marker(in, i, &markers[k], l))
				*exim_armed = 1;
		}
	}
	if (l->has_basic)
		*exim_armed = 0;
	l->basic.line_end = l->enhanced.line_end = l->fallback.line_end = le;
}

/* ---- pass 1: choose the reply ---------------------------------------------------------- */

struct found {
	struct candidate first, first_failure;       /* with a basic code */
	struct candidate first_enh, first_enh_failure; /* an enhanced code alone */
	struct candidate first_field, first_field_failure; /* the same, from a DSN or log field */
	struct candidate fallback;
	int has_first, has_first_failure, has_first_enh, has_first_enh_failure, has_fallback;
	int has_first_field, has_first_field_failure;
	int bad_fallback, bad_bare;
};

/* Keeps the first candidate and the first failure (class 4 or 5): people paste a reply to
 * learn why something failed, and a Sendmail transcript shows "<<< 250 2.1.0 Ok" before the
 * "<<< 550 5.1.1" that matters. */
static void offer(struct candidate *first, int *has_first, struct candidate *failure,
		  int *has_failure, const struct candidate *c, int reply_class)
{
	if (!*has_first)
		*first = *c;
	*has_first = 1;
	if (!*has_failure && (reply_class == 4 || reply_class == 5)) {
		*failure = *c;
		*has_failure = 1;
	}
}

static void find_candidates(const struct input *in, struct found *f)
{
	size_t ls = 0, le, last_basic_end = 0;
	int armed = 0;
	struct line_scan l;

	memset(f, 0, sizeof *f);
	for (;;) {
		le = line_end(in, ls);
		scan_line(in, ls, le, &armed, &l);
		if (l.has_enhanced && l.enhanced.field) {
			l.enhanced.prev_end = last_basic_end;
			offer(&f->first_field, &f->has_first_field, &f->first_field_failure,
			      &f->has_first_field_failure, &l.enhanced,
			      l.enhanced.enhanced.code.reply_class);
		} else if (l.has_enhanced) {
			l.enhanced.prev_end = last_basic_end;
			offer(&f->first_enh, &f->has_first_enh, &f->first_enh_failure,
			      &f->has_first_enh_failure, &l.enhanced,
			      l.enhanced.enhanced.code.reply_class);
		}
		if (l.has_basic) {
			l.basic.prev_end = last_basic_end;
			offer(&f->first, &f->has_first, &f->first_failure, &f->has_first_failure,
			      &l.basic, l.basic.basic / 100);
			last_basic_end = le;
		}
		if (l.has_fallback && !f->has_fallback) {
			f->fallback = l.fallback;
			f->has_fallback = 1;
		}
		f->bad_fallback |= l.bad_fallback;
		f->bad_bare |= l.bad_bare;
		if (le >= in->n)
			break;
		ls = next_line(in, le);
	}
}

/* The reply: a failure before a success, a basic code before an enhanced code alone, and an
 * enhanced code the reply text carries before a DSN or log field's: Google's DSN says
 * "Status: 5.0.0" above "Diagnostic-Code: smtp; 5.1.2 - Bad destination host ...". */
static const struct candidate *choose(const struct found *f)
{
	if (f->has_first_failure)
		return &f->first_failure;
	if (f->has_first)
		return &f->first;
	if (f->has_first_enh_failure)
		return &f->first_enh_failure;
	if (f->has_first_field_failure)
		return &f->first_field_failure;
	if (f->has_first_enh)
		return &f->first_enh;
	if (f->has_first_field)
		return &f->first_field;
	return NULL;
}

/* ---- pass 2: the lines of a multi-line reply ------------------------------------------- */

/* The basic code that starts the line at ls, after quoting and Sendmail's "<<< ". */
static int lead_candidate(const struct input *in, size_t ls, struct candidate *c)
{
	size_t i = skip_quoting(in, ls), j = match_phrase(in, i, "<<<", 0);

	if (j != 0)
		i = skip_blanks(in, j);
	return read_candidate(in, i, 1, 0, c) && c->basic >= 0;
}

static int same_code(const struct smtpcode_code *a, const struct smtpcode_code *b)
{
	return a->reply_class == b->reply_class && a->subject == b->subject &&
	       a->detail == b->detail;
}

static void set_enhanced(struct smtpcode_reply *out, const struct input *in,
			 const struct candidate *c)
{
	memcpy(out->enhanced, in->s + c->enhanced_pos, c->enhanced.len);
	out->enhanced[c->enhanced.len] = '\0';
	out->enhanced_code = c->enhanced.code;
}

/* Walks the continuation lines of a reply whose first line is c ("550-5.1.1 ..."), checks
 * they agree, and takes the enhanced code from them when the first line had none. Returns the
 * end of the reply's last line. A line without a code ends the walk: it is prose or a wrap,
 * not part of the reply as the server sent it. */
static size_t follow_lines(const struct input *in, const struct candidate *first,
			   struct smtpcode_reply *out)
{
	struct candidate c;
	size_t end = first->line_end, ls;
	int sep = first->sep;

	while (sep == '-' && end < in->n) {
		ls = next_line(in, end);
		if (!lead_candidate(in, ls, &c))
			break;
		if (c.basic != out->basic) {
			out->warnings |= SMTPCODE_WARN_INCONSISTENT;
			break;
		}
		if (c.enhanced.shape == SHAPE_VALID) {
			if (out->enhanced[0] == '\0')
				set_enhanced(out, in, &c);
			else if (!same_code(&c.enhanced.code, &out->enhanced_code))
				out->warnings |= SMTPCODE_WARN_INCONSISTENT;
		}
		end = line_end(in, ls);
		sep = c.sep;
	}
	return end;
}

/* ---- pass 3: the stage -------------------------------------------------------------------- */

struct command {
	const char *name;
	enum smtpcode_stage stage;
	int any_case; /* English words, not verbs: matched in any case everywhere */
};

static const struct command commands[] = {
	{ "RCPT TO", SMTPCODE_STAGE_RCPT, 0 },
	{ "MAIL FROM", SMTPCODE_STAGE_MAIL, 0 },
	{ "end of DATA", SMTPCODE_STAGE_END_OF_DATA, 1 },
	{ "DATA", SMTPCODE_STAGE_DATA, 0 },
	{ "BDAT", SMTPCODE_STAGE_BDAT, 0 },
	{ "EHLO", SMTPCODE_STAGE_HELO, 0 },
	{ "HELO", SMTPCODE_STAGE_HELO, 0 },
	{ "LHLO", SMTPCODE_STAGE_HELO, 0 },
	{ "STARTTLS", SMTPCODE_STAGE_STARTTLS, 0 },
	{ "AUTH", SMTPCODE_STAGE_AUTH, 0 },
	{ "RSET", SMTPCODE_STAGE_RSET, 0 },
	{ "VRFY", SMTPCODE_STAGE_VRFY, 0 },
	{ "EXPN", SMTPCODE_STAGE_EXPN, 0 },
	{ "ETRN", SMTPCODE_STAGE_ETRN, 0 },
	{ "NOOP", SMTPCODE_STAGE_NOOP, 0 },
	{ "QUIT", SMTPCODE_STAGE_QUIT, 0 },
	{ "initial connection", SMTPCODE_STAGE_CONNECT, 1 }, /* Exim */
	{ "initial greeting", SMTPCODE_STAGE_CONNECT, 1 }
};

enum phrase_form {
	FORM_FIXED,      /* the phrase itself names the stage */
	FORM_COMMAND,    /* a command follows */
	FORM_COMMAND_CMD, /* a command follows, then the word "command" */
	FORM_TRANSCRIPT   /* Sendmail's ">>> ": a command or the lone dot that ends DATA */
};

struct stage_phrase {
	const char *phrase;
	enum phrase_form form;
	enum smtpcode_stage stage; /* FORM_FIXED */
	int follows;   /* the phrase comes after the reply it belongs to (Postfix) */
	int any_case;  /* verbs in any case: "RCPT To" in Sendmail transcripts */
};

static const struct stage_phrase stage_phrases[] = {
	/* Postfix "(in reply to RCPT TO command)", "(in reply to end of DATA command)" */
	{ "in reply to ", FORM_COMMAND_CMD, SMTPCODE_STAGE_UNKNOWN, 1, 1 },
	/* Exim "after RCPT TO:<a>:", "after end of data:"; verbs are upper case there, which
	 * keeps English ("after data loss") out */
	{ "after pipelined ", FORM_COMMAND, SMTPCODE_STAGE_UNKNOWN, 0, 0 },
	{ "after ", FORM_COMMAND, SMTPCODE_STAGE_UNKNOWN, 0, 0 },
	/* Exim "SMTP error from remote server for RCPT TO command" */
	{ "for ", FORM_COMMAND_CMD, SMTPCODE_STAGE_UNKNOWN, 0, 1 },
	/* Sendmail transcript: ">>> RCPT To:<a>" (at the start of a line only) */
	{ ">>> ", FORM_TRANSCRIPT, SMTPCODE_STAGE_UNKNOWN, 0, 1 },
	/* hMailServer "hMailServer sent: RCPT TO:<a>" above "Remote server replied: 550 ..." */
	{ "sent: ", FORM_COMMAND, SMTPCODE_STAGE_UNKNOWN, 0, 0 },
	{ "refused to talk to me", FORM_FIXED, SMTPCODE_STAGE_CONNECT, 0, 0 },
	{ "SASL authentication failed", FORM_FIXED, SMTPCODE_STAGE_AUTH, 0, 0 },
	/* qmail-remote */
	{ "but greeting failed", FORM_FIXED, SMTPCODE_STAGE_CONNECT, 0, 0 },
	{ "but my name was rejected", FORM_FIXED, SMTPCODE_STAGE_HELO, 0, 0 },
	{ "but sender was rejected", FORM_FIXED, SMTPCODE_STAGE_MAIL, 0, 0 },
	{ "does not like recipient", FORM_FIXED, SMTPCODE_STAGE_RCPT, 0, 0 },
	{ "failed on DATA command", FORM_FIXED, SMTPCODE_STAGE_DATA, 0, 0 },
	{ "failed after I sent the message", FORM_FIXED, SMTPCODE_STAGE_END_OF_DATA, 0, 0 }
};

/* Whether a stage phrase can start with byte c (see starts_marker). */
static int starts_stage(int c)
{
	switch (to_lower(c)) {
	case 'i': case 'a': case 'f': case '>': case 'r': case 's': case 'b': case 'd':
		return 1;
	default:
		return 0;
	}
}

/* The command named at i; UNKNOWN when none is. */
static enum smtpcode_stage match_command(const struct input *in, size_t i, int any_case,
					 enum phrase_form form)
{
	size_t k, j;

	/* Sendmail shows the end of the message as the lone dot it sent: ">>> ." */
	if (form == FORM_TRANSCRIPT && byte_at(in, i) == '.' &&
	    (byte_at(in, i + 1) == -1 || is_eol(byte_at(in, i + 1)) ||
	     is_blank(byte_at(in, i + 1))))
		return SMTPCODE_STAGE_END_OF_DATA;
	for (k = 0; k < sizeof commands / sizeof commands[0]; k++) {
		j = match_phrase(in, i, commands[k].name, any_case || commands[k].any_case);
		if (j == 0 || is_alnum(byte_at(in, j)))
			continue;
		if (form == FORM_COMMAND_CMD && match_phrase(in, j, " command", 1) == 0)
			continue;
		return commands[k].stage;
	}
	return SMTPCODE_STAGE_UNKNOWN;
}

/* The stage named by a phrase at i, or UNKNOWN. at_line_start: only blanks precede i. */
static enum smtpcode_stage match_stage(const struct input *in, size_t i, int at_line_start,
				       int *follows)
{
	size_t k, j;

	for (k = 0; k < sizeof stage_phrases / sizeof stage_phrases[0]; k++) {
		const struct stage_phrase *p = &stage_phrases[k];
		enum smtpcode_stage s;

		if (to_lower(byte_at(in, i)) != to_lower((unsigned char)p->phrase[0]))
			continue;
		if (p->phrase[0] == '>' && !at_line_start)
			continue;
		j = match_phrase(in, i, p->phrase, 1);
		if (j == 0 || !starts_word(in, i, p->phrase))
			continue;
		s = p->form == FORM_FIXED ? p->stage : match_command(in, j, p->any_case, p->form);
		if (s != SMTPCODE_STAGE_UNKNOWN) {
			*follows = p->follows;
			return s;
		}
	}
	return SMTPCODE_STAGE_UNKNOWN;
}

/* The stage of the reply c, whose lines end at reply_end, the next reply starting at
 * window_end. In order: a Postfix "(in reply to X command)" after it and before the next
 * reply; the last Exim/Sendmail/qmail phrase between the previous reply and it; failing
 * those, the first phrase after it, then the last one before it. */
static enum smtpcode_stage find_stage(const struct input *in, const struct candidate *c,
				      size_t window_end)
{
	enum smtpcode_stage follow_in = SMTPCODE_STAGE_UNKNOWN, before_in = SMTPCODE_STAGE_UNKNOWN;
	enum smtpcode_stage any_after = SMTPCODE_STAGE_UNKNOWN, any_before = SMTPCODE_STAGE_UNKNOWN;
	size_t i;
	int at_line_start = 1;

	for (i = 0; i < in->n; i++) {
		int b = byte_at(in, i), follows = 0, was_at_line_start = at_line_start;
		enum smtpcode_stage s;

		at_line_start = is_eol(b) || (at_line_start && is_blank(b));
		if (!starts_stage(b))
			continue;
		s = match_stage(in, i, was_at_line_start, &follows);
		if (s == SMTPCODE_STAGE_UNKNOWN)
			continue;
		if (i < c->pos) {
			if (!follows)
				any_before = s;
			if (!follows && i >= c->prev_end)
				before_in = s;
			continue;
		}
		if (follows && i < window_end && follow_in == SMTPCODE_STAGE_UNKNOWN)
			follow_in = s;
		if (any_after == SMTPCODE_STAGE_UNKNOWN)
			any_after = s;
	}
	if (follow_in != SMTPCODE_STAGE_UNKNOWN)
		return follow_in;
	if (before_in != SMTPCODE_STAGE_UNKNOWN)
		return before_in;
	return any_after != SMTPCODE_STAGE_UNKNOWN ? any_after : any_before;
}

/* Start of the first line after reply_end that holds a basic code: the next reply. */
static size_t next_reply(const struct input *in, size_t reply_end)
{
	size_t ls, le = reply_end;
	int armed = 0;
	struct line_scan l;

	while (le < in->n) {
		ls = next_line(in, le);
		le = line_end(in, ls);
		scan_line(in, ls, le, &armed, &l);
		if (l.has_basic)
			return ls;
	}
	return in->n;
}

/* ---- the reply text ------------------------------------------------------------------- */

static size_t trim_right(const struct input *in, size_t start, size_t end)
{
	while (end > start && is_blank(byte_at(in, end - 1)))
		end--;
	return end;
}

/* Brackets and quotes the text may be wrapped in: "(reason: 550 ...)",
 * "'<... smtp;550 User unknown>'". A quote is its own partner. */
static const char openers[] = "(<['\"";
static const char closers[] = ")>]'\"";
#define NPAIRS (sizeof closers - 1)

/* Strips the closing brackets and quotes at the end of [start, end) that nothing in the text
 * opened. One count up front keeps this linear however many there are. */
static size_t trim_unopened(const struct input *in, size_t start, size_t end)
{
	size_t opens[NPAIRS] = { 0 }, closes[NPAIRS] = { 0 }, i, k;

	for (i = start; i < end; i++) {
		for (k = 0; k < NPAIRS; k++) {
			opens[k] += byte_at(in, i) == (unsigned char)openers[k];
			closes[k] += byte_at(in, i) == (unsigned char)closers[k];
		}
	}
	while (end > start) {
		const char *p = memchr(closers, byte_at(in, end - 1), NPAIRS);
		int unopened;

		if (p == NULL || byte_at(in, end - 1) == 0)
			break;
		k = (size_t)(p - closers);
		/* a quote counts in both columns: an odd number leaves the last one unpaired */
		unopened = openers[k] == closers[k] ? opens[k] % 2 == 1 : closes[k] > opens[k];
		if (!unopened)
			break;
		opens[k] -= openers[k] == closers[k];
		closes[k]--;
		end = trim_right(in, start, end - 1);
	}
	return end;
}

/* Strips the transport that closes an Exchange 2003 line, "#< #5.1.1 smtp;550 ...> #SMTP#":
 * a word between two '#' after a blank. */
static size_t trim_transport(const struct input *in, size_t start, size_t end)
{
	size_t i = end;

	if (i <= start || byte_at(in, i - 1) != '#')
		return end;
	i--;
	while (i > start && (is_alnum(byte_at(in, i - 1)) || byte_at(in, i - 1) == '-'))
		i--;
	if (i == end - 1 || i < start + 2 || byte_at(in, i - 1) != '#' ||
	    !is_blank(byte_at(in, i - 2)))
		return end;
	return trim_right(in, start, i - 1);
}

/* Drops what an MTA wrapped around the server's words: Postfix's "(in reply to ...)", a
 * closing quote or "##", Exchange's "#SMTP#", and closing brackets that nothing in the text
 * opened. */
static size_t trim_text(const struct input *in, size_t start, size_t end, int close)
{
	size_t i;

	for (i = start; i < end; i++) {
		if (match_phrase(in, i, "(in reply to ", 1) != 0) {
			end = i;
			break;
		}
	}
	end = trim_right(in, start, end);
	if (close == '#') {
		while (end > start && byte_at(in, end - 1) == '#')
			end--;
	} else if (close != 0) {
		for (i = end; i > start; i--) {
			if (byte_at(in, i - 1) == close) {
				end = i - 1;
				break;
			}
		}
	} else {
		end = trim_transport(in, start, end);
	}
	return trim_unopened(in, start, trim_right(in, start, end));
}

/* The first line's text. Postfix wraps "said: 550 5.1.1" and puts the words on the next,
 * indented, line; then that line is the text. */
static void set_text(const struct input *in, const struct candidate *c,
		     struct smtpcode_reply *out)
{
	struct candidate next;
	size_t start = c->text, end = trim_text(in, c->text, c->line_end, c->close), ls;

	if (c->field)
		end = start;
	if (start == end && !c->field && c->line_end < in->n) {
		ls = next_line(in, c->line_end);
		if (is_blank(byte_at(in, ls)) && !lead_candidate(in, ls, &next)) {
			start = skip_blanks(in, ls);
			end = trim_text(in, start, line_end(in, start), c->close);
		}
	}
	out->text_offset = start;
	out->text_length = end - start;
}

/* ---- warnings ------------------------------------------------------------------------- */

static const struct smtpcode_entry *basic_entry(int basic)
{
	return smtpcode_lookup_basic(basic);
}

/* Warnings that come from the two codes themselves and the table. */
static unsigned code_warnings(const struct smtpcode_reply *r)
{
	const struct smtpcode_entry *be = basic_entry(r->basic), *ee = NULL;
	int cls = r->basic / 100;
	unsigned w = 0;

	if (r->basic >= 0 && be == NULL)
		w |= SMTPCODE_WARN_UNKNOWN_BASIC;
	if (be != NULL && be->status == SMTPCODE_NONSTANDARD)
		w |= SMTPCODE_WARN_NONSTANDARD;
	if (r->enhanced[0] == '\0')
		return w;
	ee = smtpcode_lookup(r->enhanced);
	if (ee == NULL)
		w |= SMTPCODE_WARN_UNKNOWN_ENHANCED;
	/* RFC 3463 has no class 3: a 354 carrying 2.0.0 is no mismatch */
	if ((cls == 2 || cls == 4 || cls == 5) && cls != r->enhanced_code.reply_class)
		w |= SMTPCODE_WARN_CLASS_MISMATCH;
	/* The registry's lists are examples, not a closed set (554 5.7.1 and 421 4.7.0 are
	 * everyday pairs it does not list): warn only when it pairs the enhanced code with no
	 * reply code of this class at all, as with 401 4.1.3. */
	if (ee != NULL && ee->basic_code_count > 0 && !INTERNAL(lists_basic)(ee, r->basic) &&
	    !INTERNAL(lists_class)(ee, cls))
		w |= SMTPCODE_WARN_NOT_ASSOCIATED;
	return w;
}

/* ---- public functions --------------------------------------------------------------- */

static void clear_reply(struct smtpcode_reply *out)
{
	memset(out, 0, sizeof *out);
	out->size = sizeof *out;
	out->basic = -1;
	out->enhanced_code.kind = SMTPCODE_ENHANCED;
	out->enhanced_code.basic = -1;
	out->enhanced_code.subject = -1;
	out->enhanced_code.detail = -1;
	out->stage = SMTPCODE_STAGE_UNKNOWN;
}

/* Fills out (the library's full-size copy) from the text; returns the call's result. */
static int parse(const struct input *in, struct smtpcode_reply *out)
{
	struct found f;
	const struct candidate *c;
	size_t reply_end;

	find_candidates(in, &f);
	c = choose(&f);
	if (c == NULL) {
		out->warnings = SMTPCODE_WARN_NO_CODE;
		if (f.bad_bare || f.bad_fallback)
			out->warnings |= SMTPCODE_WARN_BAD_ENHANCED;
		return SMTPCODE_ENOTFOUND;
	}
	out->basic = c->basic;
	if (c->enhanced.shape == SHAPE_VALID)
		set_enhanced(out, in, c);
	else if (c->enhanced.shape == SHAPE_BAD)
		out->warnings |= SMTPCODE_WARN_BAD_ENHANCED;
	reply_end = c->basic >= 0 ? follow_lines(in, c, out) : c->line_end;
	/* the DSN Status, the log's dsn= or qmail's "(#5.1.1)" when the reply itself has none */
	if (out->enhanced[0] == '\0' && f.has_fallback)
		set_enhanced(out, in, &f.fallback);
	if (out->enhanced[0] == '\0' && f.bad_fallback)
		out->warnings |= SMTPCODE_WARN_BAD_ENHANCED;
	set_text(in, c, out);
	out->stage = find_stage(in, c, next_reply(in, reply_end));
	out->warnings |= code_warnings(out);
	return SMTPCODE_OK;
}

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

int smtpcode_reply_entries(const struct smtpcode_reply *r, const struct smtpcode_entry **basic,
			   const struct smtpcode_entry **enhanced, enum smtpcode_note *note)
{
	struct smtpcode_resolution res = { .size = sizeof res };
	const struct smtpcode_entry *b = NULL, *e = NULL;
	enum smtpcode_note n = SMTPCODE_NOTE_NONE;

	if (r != NULL) {
		b = basic_entry(r->basic);
		if (r->enhanced[0] != '\0' && smtpcode_resolve(r->enhanced, &res) == SMTPCODE_OK) {
			e = smtpcode_resolved_entry(&res);
			n = res.note;
		}
	}
	if (basic != NULL)
		*basic = b;
	if (enhanced != NULL)
		*enhanced = e;
	if (note != NULL)
		*note = n;
	return b != NULL || e != NULL;
}

/* The entry that explains the reply best: the enhanced code's own entry, then the basic
 * code's, then the enhanced code's subject ("5.7.708" falls back to "X.7.XXX"). */
static const struct smtpcode_entry *explaining_entry(const struct smtpcode_reply *r)
{
	const struct smtpcode_entry *e = NULL, *subject = NULL;
	enum smtpcode_note why;

	if (r->enhanced[0] != '\0')
		e = smtpcode_lookup(r->enhanced);
	/* "Other or undefined ... status" (X.S.0) says less than the reply code's own entry:
	 * 421 4.7.0 is best explained by 421 */
	if (e == NULL || (e->detail == 0 && basic_entry(r->basic) != NULL))
		e = basic_entry(r->basic);
	if (e == NULL && smtpcode_reply_entries(r, NULL, &subject, &why) &&
	    why == SMTPCODE_NOTE_UNREGISTERED_DETAIL)
		e = subject;
	return e;
}

void INTERNAL(explain_parsed)(struct sink *s, const struct smtpcode_reply *r)
{
	char codes[32];

	if (r->basic >= 0 && r->enhanced[0] != '\0')
		snprintf(codes, sizeof codes, "%d %s", r->basic, r->enhanced);
	else if (r->basic >= 0)
		snprintf(codes, sizeof codes, "%d", r->basic);
	else
		snprintf(codes, sizeof codes, "%s", r->enhanced);
	INTERNAL(explain_line)(s, explaining_entry(r),
			       r->basic >= 0 ? SMTPCODE_BASIC : SMTPCODE_ENHANCED,
			       r->basic >= 0 ? r->basic / 100 : r->enhanced_code.reply_class, codes);
}

int smtpcode_explain_reply(const char *text, size_t length, char *buf, size_t size)
{
	struct smtpcode_reply r = { .size = sizeof r };
	struct sink s;
	int rc;

	if (text == NULL || (buf == NULL && size > 0))
		return SMTPCODE_ENULL;
	INTERNAL(sink_init)(&s, buf, size);
	rc = smtpcode_parse_reply(text, length, &r);
	if (rc != SMTPCODE_OK)
		return rc;
	INTERNAL(explain_parsed)(&s, &r);
	return INTERNAL(sink_result)(&s);
}

enum smtpcode_operand smtpcode_operand_kind(const char *text)
{
	struct smtpcode_reply r = { .size = sizeof r };
	struct smtpcode_resolution res = { .size = sizeof res };
	int rc = smtpcode_parse_code(text, NULL);

	if (rc == SMTPCODE_OK)
		return SMTPCODE_OPERAND_CODE;
	if (rc == SMTPCODE_ENULL || rc == SMTPCODE_EEMPTY || rc == SMTPCODE_ECLASS)
		return SMTPCODE_OPERAND_MALFORMED;
	/* a reply has words besides its code; " 535" alone is a malformed code, not a reply */
	if (smtpcode_parse_reply(text, strlen(text), &r) == SMTPCODE_OK && r.basic >= 0 &&
	    (r.enhanced[0] != '\0' || r.text_length > 0))
		return SMTPCODE_OPERAND_REPLY;
	/* a short form ("5.7"), known or not, is a code too */
	rc = smtpcode_resolve(text, &res);
	return rc == SMTPCODE_OK || rc == SMTPCODE_ENOTFOUND ? SMTPCODE_OPERAND_CODE
							      : SMTPCODE_OPERAND_MALFORMED;
}
