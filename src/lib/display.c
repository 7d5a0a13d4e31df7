/* display.c -- server text made fit to show a person: one sanitiser for every output, and
 * the width of text in terminal columns, from a table made from the Unicode data. */
#include <stdio.h>

#include "internal.h"

struct width_run {
	unsigned long lo, hi;
	unsigned char columns;
};

#include "width-table.inc"

size_t INTERNAL(utf8_decode)(const unsigned char *p, size_t avail, unsigned long *cp)
{
	size_t n, i;
	unsigned long c;

	if (avail == 0)
		return 0;
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2, c = p[0] & 0x1fu;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		n = 3, c = p[0] & 0x0fu;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		n = 4, c = p[0] & 0x07u;
	else
		return 0;
	if (n > avail)
		return 0;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (p[i] & 0x3fu);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

int INTERNAL(is_hidden)(unsigned long cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || /* C0, DEL, C1 */
	       cp == 0x061c || cp == 0x200e || cp == 0x200f || /* bidi marks */
	       (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x2028 || cp == 0x2029 || cp == 0xfeff; /* line breaks, the BOM */
}

/* The next character of [p, end): its length in bytes (1 for an invalid byte, which stands
 * for U+FFFD) and its code point. */
static size_t next_char(const unsigned char *p, const unsigned char *end, unsigned long *cp)
{
	size_t n = INTERNAL(utf8_decode)(p, (size_t)(end - p), cp);

	if (n == 0) {
		*cp = 0xfffd;
		n = 1;
	}
	return n;
}

int smtpcode_sanitize(const char *text, size_t length, char *buf, size_t size)
{
	const unsigned char *p = (const unsigned char *)text, *end;
	struct sink s;

	if ((text == NULL && length > 0) || (buf == NULL && size > 0))
		return SMTPCODE_ENULL;
	INTERNAL(sink_init)(&s, buf, size);
	if (text == NULL)
		return 0;
	end = p + length;
	while (p < end) {
		unsigned long cp;
		size_t n = next_char(p, end, &cp);

		if (cp == '\t' || cp == '\n')
			INTERNAL(put)(&s, " ");
		else if (INTERNAL(is_hidden)(cp))
			INTERNAL(putf)(&s, "<U+%04lX>", cp);
		else if (cp == 0xfffd && n == 1)
			INTERNAL(put)(&s, "\xef\xbf\xbd"); /* an invalid byte */
		else
			INTERNAL(put_n)(&s, (const char *)p, n);
		p += n;
	}
	return INTERNAL(sink_result)(&s);
}

int smtpcode_char_columns(unsigned long cp)
{
	size_t lo = 0, hi = sizeof width_runs / sizeof width_runs[0];

	if (INTERNAL(is_hidden)(cp))
		return 0; /* shown as <U+XXXX> once sanitised; as nothing raw */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp < width_runs[mid].lo)
			hi = mid;
		else if (cp > width_runs[mid].hi)
			lo = mid + 1;
		else
			return width_runs[mid].columns;
	}
	return 1;
}

size_t smtpcode_text_columns(const char *text, size_t length)
{
	const unsigned char *p = (const unsigned char *)text, *end;
	size_t columns = 0;

	if (text == NULL)
		return 0;
	end = p + length;
	while (p < end) {
		unsigned long cp;

		p += next_char(p, end, &cp);
		columns += (size_t)smtpcode_char_columns(cp);
	}
	return columns;
}

size_t smtpcode_text_fit(const char *text, size_t length, size_t columns, size_t *used)
{
	const unsigned char *p = (const unsigned char *)text, *end, *q;
	size_t taken = 0;

	if (used != NULL)
		*used = 0;
	if (text == NULL)
		return 0;
	end = p + length;
	while (p < end) {
		unsigned long cp;
		size_t n = next_char(p, end, &cp);
		size_t w = (size_t)smtpcode_char_columns(cp);

		/* a character with the marks that follow it: they are never cut off */
		for (q = p + n; q < end; q += n) {
			n = next_char(q, end, &cp);
			if (smtpcode_char_columns(cp) != 0 || INTERNAL(is_hidden)(cp))
				break;
		}
		if (taken + w > columns && p != (const unsigned char *)text)
			break;
		taken += w;
		p = q;
		if (taken >= columns)
			break;
	}
	if (used != NULL)
		*used = taken;
	return (size_t)(p - (const unsigned char *)text);
}

const char *smtpcode_unicode_version(void)
{
	return SMTPCODE_UNICODE_VERSION_;
}
