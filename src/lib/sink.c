/* sink.c -- writing text into a caller's buffer as snprintf does: cut at the end of the
 * buffer, always terminated, and the length of the whole text counted. A sink in JSON mode
 * escapes what it is given as the inside of a JSON string. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>

#include "internal.h"

void INTERNAL(sink_init)(struct sink *s, char *buf, size_t size)
{
	s->buf = buf;
	s->size = buf != NULL ? size : 0;
	s->len = 0;
	s->json = 0;
	if (s->size > 0)
		s->buf[0] = '\0';
}

static void raw(struct sink *s, const char *text, size_t n)
{
	if (s->len + 1 < s->size) {
		size_t room = s->size - 1 - s->len;
		size_t copy = n < room ? n : room;

		memcpy(s->buf + s->len, text, copy);
		s->buf[s->len + copy] = '\0';
	}
	s->len += n;
}

/* The inside of a JSON string: invalid UTF-8 becomes U+FFFD; quotes, backslashes and every
 * code point the sanitiser would show as <U+XXXX> (C0, DEL, C1, bidi controls, U+2028,
 * U+2029, the BOM) are escaped, newline and tab in their short forms. */
static void escaped(struct sink *s, const char *text, size_t len)
{
	const unsigned char *p = (const unsigned char *)text, *end = p + len;
	char esc[8];

	while (p < end) {
		unsigned long cp;
		size_t n = INTERNAL(utf8_decode)(p, (size_t)(end - p), &cp);

		if (n == 0) {
			raw(s, "\\ufffd", 6);
			p++;
			continue;
		}
		if (cp == '"' || cp == '\\') {
			esc[0] = '\\';
			esc[1] = (char)cp;
			raw(s, esc, 2);
		} else if (cp == '\n' || cp == '\t') {
			raw(s, cp == '\n' ? "\\n" : "\\t", 2);
		} else if (INTERNAL(is_hidden)(cp)) {
			snprintf(esc, sizeof esc, "\\u%04lx", cp);
			raw(s, esc, 6);
		} else {
			raw(s, (const char *)p, n);
		}
		p += n;
	}
}

void INTERNAL(put_n)(struct sink *s, const char *text, size_t n)
{
	if (s->json)
		escaped(s, text, n);
	else
		raw(s, text, n);
}

void INTERNAL(put)(struct sink *s, const char *text)
{
	if (text != NULL)
		INTERNAL(put_n)(s, text, strlen(text));
}

void INTERNAL(putf)(struct sink *s, const char *fmt, ...)
{
	char *at = s->len < s->size ? s->buf + s->len : NULL;
	size_t room = s->len < s->size ? s->size - s->len : 0;
	char local[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	if (s->json) { /* formats of at most a short sentence: the texts go through put */
		n = vsnprintf(local, sizeof local, fmt, ap);
		if (n > 0)
			escaped(s, local, (size_t)n < sizeof local ? (size_t)n : sizeof local - 1);
	} else {
		n = vsnprintf(at, room, fmt, ap);
		if (n > 0)
			s->len += (size_t)n;
	}
	va_end(ap);
}

int INTERNAL(sink_result)(const struct sink *s)
{
	return s->len > (size_t)INT_MAX ? INT_MAX : (int)s->len;
}
