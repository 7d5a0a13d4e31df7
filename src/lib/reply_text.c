/* reply_text.c -- the text of a parsed reply, and what explains it: the whole text of a
 * multi-line reply, the entries, the one-line explanation, telling a reply from a code. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

static int byte_of(const char *s, size_t n, size_t i)
{
	return i < n ? (unsigned char)s[i] : -1;
}

static int is_blank(int c)
{
	return c == ' ' || c == '\t';
}

static int is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int is_alnum(int c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int to_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* ---- trimming what an MTA wrapped around the server's words ------------------------------- */

static size_t trim_right(const char *s, size_t start, size_t end)
{
	while (end > start && is_space((unsigned char)s[end - 1]))
		end--;
	return end;
}

/* Brackets and quotes the text may be wrapped in: "(reason: 550 ...)", "{550 5.1.1 ...}",
 * "'<... smtp;550 User unknown>'". A quote is its own partner. */
static const char openers[] = "(<['\"{";
static const char closers[] = ")>]'\"}";
#define NPAIRS (sizeof closers - 1)

/* Strips the closing brackets and quotes at the end of [start, end) that nothing in the text
 * opened. One count up front keeps this linear however many there are. */
static size_t trim_unopened(const char *s, size_t start, size_t end)
{
	size_t opens[NPAIRS] = { 0 }, closes[NPAIRS] = { 0 }, i, k;

	for (i = start; i < end; i++) {
		for (k = 0; k < NPAIRS; k++) {
			opens[k] += s[i] == openers[k];
			closes[k] += s[i] == closers[k];
		}
	}
	while (end > start) {
		const char *p = s[end - 1] != '\0' ? memchr(closers, s[end - 1], NPAIRS) : NULL;
		int unopened;

		if (p == NULL)
			break;
		k = (size_t)(p - closers);
		/* a quote counts in both columns: an odd number leaves the last one unpaired */
		unopened = openers[k] == closers[k] ? opens[k] % 2 == 1 : closes[k] > opens[k];
		if (!unopened)
			break;
		opens[k] -= openers[k] == closers[k];
		closes[k]--;
		end = trim_right(s, start, end - 1);
	}
	return end;
}

/* Strips the transport that closes an Exchange 2003 line, "#< #5.1.1 smtp;550 ...> #SMTP#":
 * a word between two '#' after a blank. */
static size_t trim_transport(const char *s, size_t start, size_t end)
{
	size_t i = end;

	if (i <= start || s[i - 1] != '#')
		return end;
	i--;
	while (i > start && (is_alnum((unsigned char)s[i - 1]) || s[i - 1] == '-'))
		i--;
	if (i == end - 1 || i < start + 2 || s[i - 1] != '#' || !is_blank((unsigned char)s[i - 2]))
		return end;
	return trim_right(s, start, i - 1);
}

/* Where Postfix's "(in reply to RCPT TO command)" starts in [start, end), or end. Its
 * blanks may be line breaks: Postfix wraps it. */
static size_t in_reply_to(const char *s, size_t start, size_t end)
{
	static const char *const phrases[] = { "(in reply to ", "(als antwort auf das " };
	size_t i, p, j, k;

	for (i = start; i < end; i++) {
		if (s[i] != '(')
			continue;
		for (p = 0; p < sizeof phrases / sizeof phrases[0]; p++) {
			const char *phrase = phrases[p];

			for (j = i, k = 0; phrase[k] != '\0'; k++) {
				if (phrase[k] == ' ') {
					size_t gap = 0;

					while (j < end && is_space((unsigned char)s[j]) && gap < 16) {
						j++;
						gap++;
					}
					if (gap == 0)
						break;
				} else if (j < end && to_lower((unsigned char)s[j]) == phrase[k]) {
					j++;
				} else {
					break;
				}
			}
			if (phrase[k] == '\0')
				return i;
		}
	}
	return end;
}

/* Where Postfix's smtpd log adds the envelope to its reject line, "...; from=<s@example.net>
 * to=<a@example.com> proto=ESMTP helo=<...>", in [start, end), or end. */
static size_t postfix_tail(const char *s, size_t start, size_t end)
{
	static const char *const tails[] = { "; from=<", "; proto=" };
	size_t i, k;

	for (i = start; i + 2 < end; i++) {
		if (s[i] != ';')
			continue;
		for (k = 0; k < sizeof tails / sizeof tails[0]; k++) {
			size_t n = strlen(tails[k]);

			if (i + n <= end && memcmp(s + i, tails[k], n) == 0)
				return i;
		}
	}
	return end;
}

/* Drops what an MTA wrapped around the end of the server's words: Postfix's "(in reply to
 * ...)", a closing quote or "##", Exchange's "#SMTP#", and closing brackets that nothing in
 * the text opened. */
size_t INTERNAL(reply_trim)(const char *s, size_t start, size_t end, int close)
{
	size_t i;

	end = trim_right(s, start, postfix_tail(s, start, in_reply_to(s, start, end)));
	if (close == '#') {
		while (end > start && s[end - 1] == '#')
			end--;
	} else if (close != 0) {
		/* the first quote not written as \" or \' closes the string the reply stands in */
		for (i = start; i < end; i++) {
			/* an apostrophe inside a word ("domain's") closes nothing */
			if ((unsigned char)s[i] == close && (i == start || s[i - 1] != '\\') &&
			    !(close == '\'' && i + 1 < end && is_alnum((unsigned char)s[i + 1]) &&
			      i > start && is_alnum((unsigned char)s[i - 1]))) {
				end = trim_right(s, start, i);
				break;
			}
		}
	} else {
		end = trim_transport(s, start, end);
	}
	end = trim_right(s, start, end);
	/* "(5.1.1 <a@example.org>: ... table)." -- the sentence's stop after an unopened bracket */
	if (end >= start + 2 && s[end - 1] == '.' && s[end - 2] == ')') {
		size_t e2 = trim_unopened(s, start, end - 1);

		end = e2 < end - 1 ? e2 : end;
	}
	/* a full-width closing parenthesis, "）。" and ")。" */
	if (end >= start + 6 && memcmp(s + end - 6, "\xEF\xBC\x89\xE3\x80\x82", 6) == 0)
		end -= 3;
	if ((end >= start + 3 && memcmp(s + end - 3, "\xEF\xBC\x89", 3) == 0) ||
	    (end >= start + 4 && memcmp(s + end - 3, "\xE3\x80\x82", 3) == 0 && s[end - 4] == ')'))
		end -= 3;
	end = trim_unopened(s, start, trim_right(s, start, end));
	/* Ruby names the exception after the reply: "... Relay access denied (Net::SMTPFatalError)" */
	if (end > start && s[end - 1] == ')') {
		for (i = end - 1; i > start && s[i] != '('; i--)
			;
		if (s[i] == '(' && end - i > 7 && memcmp(s + i, "(Net::", 6) == 0)
			end = trim_right(s, start, i);
	}
	return end;
}

/* ---- the whole text --------------------------------------------------------------------------- */

/* Writes the segments of a text one space apart, each without white space at its ends;
 * what is inside a segment is written as it is. */
struct joiner {
	struct sink *sink;
	int pending_space;
	int any;
};

static void join_put(struct joiner *j, const char *s, size_t n)
{
	size_t a = 0;

	while (a < n && is_space((unsigned char)s[a]))
		a++;
	while (n > a && is_space((unsigned char)s[n - 1]))
		n--;
	if (n == a)
		return;
	if (j->pending_space && j->any)
		INTERNAL(put_n)(j->sink, " ", 1);
	INTERNAL(put_n)(j->sink, s + a, n - a);
	j->any = 1;
	j->pending_space = 1;
}

/* The length of the reply's own codes at i ("550-5.1.1 ", "550 ", "5.1.1 "), or 0. */
static size_t own_codes(const char *s, size_t n, size_t i, const struct smtpcode_reply *r)
{
	size_t j = i, k;
	size_t elen = strlen(r->enhanced);

	if (r->basic >= 0 && j + 3 <= n && is_digit((unsigned char)s[j]) &&
	    (s[j] - '0') * 100 + (s[j + 1] - '0') * 10 + (s[j + 2] - '0') == r->basic &&
	    is_digit((unsigned char)s[j + 1]) && is_digit((unsigned char)s[j + 2])) {
		int c = byte_of(s, n, j + 3);

		if (c != -1 && c != ' ' && c != '-' && c != '\t')
			return 0;
		j += 3;
		if (c == ' ' || c == '-' || c == '\t')
			j++;
	}
	if (elen > 0 && j + elen <= n && memcmp(s + j, r->enhanced, elen) == 0 &&
	    !is_digit(byte_of(s, n, j + elen)) && byte_of(s, n, j + elen) != '.') {
		j += elen;
	} else if (j == i) {
		return 0;
	}
	for (k = j; k < n && is_blank((unsigned char)s[k]); k++)
		;
	return k - i;
}

/* Writes [start, end) of the text, leaving out the reply's codes where a joined multi-line
 * reply repeats them after white space ("Please try 550-5.1.1 double-checking"). */
static void put_segment(struct joiner *j, const char *s, size_t n, size_t start, size_t end,
			const struct smtpcode_reply *r)
{
	size_t i, from = start;

	for (i = start; i < end; i++) {
		size_t k;

		if (i == start || !is_space((unsigned char)s[i - 1]) || !is_digit((unsigned char)s[i]))
			continue;
		k = own_codes(s, n, i, r);
		if (k == 0)
			continue;
		join_put(j, s + from, i - from);
		from = i + k < end ? i + k : end;
		i = from - 1;
	}
	join_put(j, s + from, end - from);
}

/* A line left of a Python repr's line break: its closing quote and the like. */
static int only_quotes(const char *s, size_t i, size_t e)
{
	for (; i < e; i++)
		if (s[i] != '\'' && s[i] != '"' && s[i] != ')' && s[i] != ',' && !is_blank((unsigned char)s[i]))
			return 0;
	return 1;
}

/* The end of the line holding i: the first CR, LF or written-out break ("\n"). */
static size_t end_of_line(const char *s, size_t n, size_t i)
{
	for (; i < n; i++) {
		if (s[i] == '\n' || s[i] == '\r')
			break;
		if (s[i] == '\\' && i + 1 < n && (s[i + 1] == 'n' || s[i + 1] == 'r'))
			break;
	}
	return i;
}

static size_t after_break(const char *s, size_t n, size_t e)
{
	if (e < n && s[e] == '\r')
		return e + 1 < n && s[e + 1] == '\n' ? e + 2 : e + 1;
	if (e < n && s[e] == '\n')
		return e + 1;
	if (e + 1 < n && s[e] == '\\') {
		if (s[e + 1] == 'r' && e + 3 < n && s[e + 2] == '\\' && s[e + 3] == 'n')
			return e + 4;
		return e + 2;
	}
	return e;
}

int smtpcode_reply_text(const char *text, size_t length, const struct smtpcode_reply *r,
			char *buf, size_t size)
{
	struct sink sink;
	struct joiner j;
	size_t ls, plen, le, end, cut, i;
	unsigned line;
	int close;

	if (text == NULL || r == NULL || (buf == NULL && size > 0))
		return SMTPCODE_ENULL;
	if (r->size < SIZE_TO(struct smtpcode_reply, warnings))
		return SMTPCODE_ESIZE;
	INTERNAL(sink_init)(&sink, buf, size);
	j.sink = &sink;
	j.pending_space = 0;
	j.any = 0;
	if (r->text_offset > length)
		return INTERNAL(sink_result)(&sink);
	if (r->size < SIZE_TO(struct smtpcode_reply, lines) || r->lines <= 1) {
		size_t e = r->text_offset + r->text_length;

		put_segment(&j, text, length, r->text_offset, e <= length ? e : length, r);
		return INTERNAL(sink_result)(&sink);
	}
	end = r->end <= length ? r->end : length;
	cut = in_reply_to(text, r->text_offset, end);
	close = INTERNAL(reply_close)(text, length, r);
	/* the first line's prefix: what stands before the reply's code on it */
	for (ls = r->start < length ? r->start : length; ls > 0; ls--)
		if (text[ls - 1] == '\n' || text[ls - 1] == '\r' ||
		    (ls >= 2 && text[ls - 2] == '\\' && (text[ls - 1] == 'n' || text[ls - 1] == 'r')))
			break;
	plen = r->start >= ls ? r->start - ls : 0;
	le = end_of_line(text, length, r->text_offset);
	/* the first line as far as it goes: its own trimming is for one line */
	if (le > cut)
		le = cut;
	put_segment(&j, text, length, r->text_offset, le, r);
	for (line = 1, i = after_break(text, length, end_of_line(text, length, r->text_offset));
	     line < r->lines && i < end && i < cut; line++) {
		size_t s0 = i, e = end_of_line(text, length, i), k;

		if (plen > 0 && e - s0 > plen && memcmp(text + s0, text + ls, plen) == 0) {
			s0 += plen;
		} else if (plen > 1) {
			/* the prefix with other quoting: smtplib's "reply: b'550-..." then
			 * "reply: b\"550-..." -- the same up to its quotes */
			size_t p2 = plen;

			while (p2 > 0 && (text[ls + p2 - 1] == '\'' || text[ls + p2 - 1] == '"' ||
					  text[ls + p2 - 1] == 'b' || is_blank((unsigned char)text[ls + p2 - 1])))
				p2--;
			if (p2 > 0 && e - s0 > p2 && memcmp(text + s0, text + ls, p2) == 0) {
				s0 += p2;
				while (s0 < e && (text[s0] == '\'' || text[s0] == '"' || text[s0] == 'b' ||
						  is_blank((unsigned char)text[s0])))
					s0++;
			}
		}
		while (s0 < e && (is_blank((unsigned char)text[s0]) || text[s0] == '>'))
			s0++;
		k = own_codes(text, length, s0, r);
		s0 += k;
		if (e > cut)
			e = cut;
		if (line + 1 == r->lines || e == cut)
			e = INTERNAL(reply_trim)(text, s0, e, close);
		if (e > s0 && !only_quotes(text, s0, e)) {
			j.pending_space = j.any;
			put_segment(&j, text, length, s0, e, r);
		}
		i = after_break(text, length, end_of_line(text, length, i));
	}
	return INTERNAL(sink_result)(&sink);
}

/* ---- what explains a reply ------------------------------------------------------------------ */

int smtpcode_reply_entries(const struct smtpcode_reply *r, const struct smtpcode_entry **basic,
			   const struct smtpcode_entry **enhanced, enum smtpcode_note *note)
{
	struct smtpcode_resolution res = { .size = sizeof res };
	const struct smtpcode_entry *b = NULL, *e = NULL;
	enum smtpcode_note n = SMTPCODE_NOTE_NONE;

	if (r != NULL) {
		b = smtpcode_lookup_basic(r->basic);
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
	const struct smtpcode_entry *e = NULL, *subject = NULL, *b = smtpcode_lookup_basic(r->basic);
	enum smtpcode_note why;

	if (r->enhanced[0] != '\0')
		e = smtpcode_lookup(r->enhanced);
	/* "Other or undefined ... status" (X.S.0) says less than the reply code's own entry:
	 * 421 4.7.0 is best explained by 421 */
	if (e == NULL || (e->detail == 0 && b != NULL))
		e = b;
	if (e == NULL && smtpcode_reply_entries(r, NULL, &subject, &why) &&
	    why == SMTPCODE_NOTE_UNREGISTERED_DETAIL)
		e = subject;
	return e;
}

int smtpcode_reply_codes(const struct smtpcode_reply *r, char *buf, size_t size)
{
	if (r == NULL || (buf == NULL && size > 0))
		return SMTPCODE_ENULL;
	if (r->basic >= 0 && r->enhanced[0] != '\0')
		return snprintf(buf, size, "%d %s", r->basic, r->enhanced);
	if (r->basic >= 0)
		return snprintf(buf, size, "%d", r->basic);
	return snprintf(buf, size, "%s", r->enhanced);
}

void INTERNAL(explain_parsed)(struct sink *s, const struct smtpcode_reply *r)
{
	char codes[32];

	smtpcode_reply_codes(r, codes, sizeof codes);
	INTERNAL(explain_line)(s, explaining_entry(r),
			       r->basic >= 0 ? SMTPCODE_BASIC : SMTPCODE_ENHANCED,
			       r->basic >= 0 ? r->basic / 100 : r->enhanced_code.reply_class, codes);
}

/* The line for a parsed reply: the provider's meaning where an entry of its explains it, the
 * registry's otherwise. */
void INTERNAL(explain_matched)(struct sink *s, const struct smtpcode_reply *r,
			       const struct smtpcode_provider_match *m)
{
	char codes[32];

	if (m != NULL && m->entry != NULL) {
		smtpcode_reply_codes(r, codes, sizeof codes);
		INTERNAL(explain_provider_line)(s, m, codes);
		return;
	}
	INTERNAL(explain_parsed)(s, r);
}

int smtpcode_explain_reply_hints(const char *text, size_t length,
				 const struct smtpcode_hints *hints, char *buf, size_t size)
{
	struct smtpcode_reply r = { .size = sizeof r };
	struct smtpcode_provider_match m = { .size = sizeof m };
	struct sink s;
	int rc;

	if (text == NULL || (buf == NULL && size > 0))
		return SMTPCODE_ENULL;
	INTERNAL(sink_init)(&s, buf, size);
	rc = smtpcode_parse_reply(text, length, &r);
	if (rc != SMTPCODE_OK)
		return rc;
	rc = smtpcode_match_provider(text, length, &r, hints, &m);
	if (rc != SMTPCODE_OK && rc != SMTPCODE_ENOTFOUND)
		return rc;
	INTERNAL(explain_matched)(&s, &r, &m);
	return INTERNAL(sink_result)(&s);
}

int smtpcode_explain_reply(const char *text, size_t length, char *buf, size_t size)
{
	return smtpcode_explain_reply_hints(text, length, NULL, buf, size);
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

/* How long the reply's code and its separator are at the start of a line ("550-", "550 ",
 * or "550" alone), as some client libraries keep them; 0 when the line does not begin so. */
static size_t code_prefix(const char *p, size_t n, const char *digits)
{
	if (n < 3 || memcmp(p, digits, 3) != 0)
		return 0;
	return n == 3 ? 3 : p[3] == ' ' || p[3] == '-' ? 4 : 0;
}

int smtpcode_reply_rejoin(int code, const char *lines, size_t length, char *buf, size_t size)
{
	struct sink s;
	char digits[8];
	size_t i = 0;
	int rc, last;

	if ((lines == NULL && length > 0) || (buf == NULL && size > 0))
		return SMTPCODE_ENULL;
	if (lines == NULL)
		lines = ""; /* no text: "CODE" alone */
	if (code == 0 && length >= 3 && (length == 3 || lines[3] == ' ' || lines[3] == '-' ||
					 lines[3] == '\r' || lines[3] == '\n') &&
	    lines[0] >= '0' && lines[0] <= '9' && lines[1] >= '0' && lines[1] <= '9' &&
	    lines[2] >= '0' && lines[2] <= '9')
		code = (lines[0] - '0') * 100 + (lines[1] - '0') * 10 + (lines[2] - '0');
	if (code < 100 || code > 999)
		return SMTPCODE_ESYNTAX;
	snprintf(digits, sizeof digits, "%d", code);
	rc = smtpcode_parse_code(digits, NULL);
	if (rc != SMTPCODE_OK)
		return rc;
	while (length > 0 && (lines[length - 1] == '\n' || lines[length - 1] == '\r'))
		length--; /* a final line break ends the last line, it opens no other */
	INTERNAL(sink_init)(&s, buf, size);
	do {
		size_t e = i, n, skip;

		while (e < length && lines[e] != '\n')
			e++;
		last = e >= length;
		n = e > i && lines[e - 1] == '\r' ? e - 1 - i : e - i;
		skip = code_prefix(lines + i, n, digits);
		i += skip, n -= skip; /* the line's own code gives way to the reply's */
		INTERNAL(put)(&s, digits);
		if (n > 0 || !last)
			INTERNAL(put)(&s, last ? " " : "-");
		INTERNAL(put_n)(&s, lines + i, n);
		if (!last)
			INTERNAL(put)(&s, "\r\n");
		i = e + 1;
	} while (!last);
	return INTERNAL(sink_result)(&s);
}
