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

/* Length of the valid UTF-8 sequence at p (avail bytes readable), or 0 if it is not one. */
size_t INTERNAL(utf8_length)(const unsigned char *p, size_t avail)
{
	size_t n, i;
	unsigned long cp;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2, cp = p[0] & 0x1f;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		n = 3, cp = p[0] & 0x0f;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		n = 4, cp = p[0] & 0x07;
	else
		return 0;
	if (n > avail)
		return 0;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

/* The inside of a JSON string: invalid UTF-8 becomes U+FFFD, control characters, quotes and
 * backslashes are escaped. */
static void escaped(struct sink *s, const char *text, size_t len)
{
	const unsigned char *p = (const unsigned char *)text, *end = p + len;
	char esc[8];

	while (p < end) {
		size_t n;

		if (*p == '"' || *p == '\\') {
			esc[0] = '\\';
			esc[1] = (char)*p++;
			raw(s, esc, 2);
		} else if (*p == '\n' || *p == '\t') {
			raw(s, *p++ == '\n' ? "\\n" : "\\t", 2);
		} else if (*p < 0x20 || *p == 0x7f) {
			snprintf(esc, sizeof esc, "\\u%04x", *p++);
			raw(s, esc, 6);
		} else if ((n = INTERNAL(utf8_length)(p, (size_t)(end - p))) == 0) {
			raw(s, "\\ufffd", 6);
			p++;
		} else {
			raw(s, (const char *)p, n);
			p += n;
		}
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
