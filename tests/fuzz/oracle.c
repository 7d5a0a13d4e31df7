/* oracle.c -- the output checks of the fuzz targets (oracle.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smtpcode.h"
#include "oracle.h"

#define MAX_DEPTH 64 /* of JSON nesting; the writers nest a few levels */

void oracle_fail(const char *what, const char *why, const char *s, size_t n)
{
	size_t i;

	fprintf(stderr, "oracle: %s: %s; the output (%zu bytes, escaped):\n", what, why, n);
	for (i = 0; i < n && i < 8192; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\n' || (c >= 0x20 && c < 0x7f))
			fputc(c, stderr);
		else
			fprintf(stderr, "\\x%02X", c);
	}
	fputc('\n', stderr);
	abort();
}

size_t oracle_split(const unsigned char *data, size_t size, char **pieces, size_t *lengths,
		    size_t max)
{
	size_t count = 0, pos = 0;

	while (size > 0 && pos <= size && count < max) { /* "a\0": "a" and "" */
		const unsigned char *nul = count + 1 < max ? memchr(data + pos, '\0', size - pos) : NULL;
		size_t n = nul != NULL ? (size_t)(nul - (data + pos)) : size - pos;

		if ((pieces[count] = malloc(n + 1)) == NULL)
			abort();
		memcpy(pieces[count], data + pos, n);
		pieces[count][n] = '\0';
		if (lengths != NULL)
			lengths[count] = n;
		count++;
		pos += n + 1;
	}
	return count;
}

void oracle_free(char **pieces, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(pieces[i]);
}

/* The length of the writer's colour sequence at s (ESC [ digits and ';' m), or 0. */
static size_t sgr_length(const char *s, size_t n)
{
	size_t i = 2;

	if (n < 3 || s[0] != '\033' || s[1] != '[')
		return 0;
	while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == ';'))
		i++;
	return i < n && s[i] == 'm' ? i + 1 : 0;
}

/* Decodes one UTF-8 sequence at s strictly (no overlong form, surrogate or value past
 * U+10FFFF): its length, or 0 when invalid; *cp gets the code point. */
static size_t decode(const unsigned char *s, size_t n, unsigned long *cp)
{
	static const unsigned long min[] = { 0, 0, 0x80, 0x800, 0x10000 };
	size_t len, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	len = s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : s[0] >= 0xE0 ? (s[0] < 0xF0 ? 3 : 0) :
	      s[0] >= 0xC2 ? 2 : 0;
	if (len == 0 || len > n)
		return 0;
	*cp = s[0] & (0x7F >> len);
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (s[i] & 0x3F);
	}
	if (*cp < min[len] || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF))
		return 0;
	return len;
}

/* 1 for the code points the sanitiser never lets through raw. */
static int hidden(unsigned long c)
{
	return (c < 0x20 && c != '\n') || (c >= 0x7F && c <= 0x9F) || c == 0x61C ||
	       c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029 || c == 0xFEFF;
}

void oracle_text(const char *what, const char *s, size_t n, unsigned flags)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	char why[96];

	while (i < n) {
		unsigned long cp;
		size_t len = (flags & ORACLE_SGR) ? sgr_length(s + i, n - i) : 0;

		if (len > 0) {
			i += len;
			continue;
		}
		if ((len = decode(u + i, n - i, &cp)) == 0) {
			snprintf(why, sizeof why, "invalid UTF-8 at byte %zu", i);
			oracle_fail(what, why, s, n);
		}
		if (hidden(cp)) {
			snprintf(why, sizeof why, "U+%04lX at byte %zu", cp, i);
			oracle_fail(what, why, s, n);
		}
		i += len;
	}
}

/* 1 when the k bytes at s are "PROVIDER/KEY", an entry's id: written whole, never cut. */
static int entry_id(const char *s, size_t k)
{
	const char *slash = memchr(s, '/', k);
	const struct smtpcode_provider *p;
	const struct smtpcode_provider_entry *e;
	char id[64];
	size_t i, at = slash != NULL ? (size_t)(slash - s) : 0;

	if (slash == NULL || at >= sizeof id)
		return 0;
	memcpy(id, s, at);
	id[at] = '\0';
	if ((p = smtpcode_provider_find(id)) == NULL)
		return 0;
	for (i = 0; (e = smtpcode_provider_entry_at(p, i)) != NULL; i++)
		if (strlen(e->key) == k - at - 1 && memcmp(e->key, s + at + 1, k - at - 1) == 0)
			return 1;
	return 0;
}

void oracle_width(const char *what, const char *s, size_t n, size_t width, unsigned flags)
{
	size_t start = 0;
	char *line = malloc(n + 1), why[96];

	if (line == NULL)
		abort();
	while (start < n) {
		const char *nl = memchr(s + start, '\n', n - start);
		size_t end = nl != NULL ? (size_t)(nl - s) : n, i = start, k = 0, cols;

		while (i < end) { /* the line without its colour sequences */
			size_t len = (flags & ORACLE_SGR) ? sgr_length(s + i, end - i) : 0;

			if (len > 0)
				i += len;
			else
				line[k++] = s[i++];
		}
		cols = smtpcode_text_columns(line, k);
		if (cols > width && !entry_id(line, k)) {
			snprintf(why, sizeof why, "a line of %zu columns at byte %zu, over %zu", cols,
				 start, width);
			free(line);
			oracle_fail(what, why, s, n);
		}
		start = end + 1;
	}
	free(line);
}

/* ---- a strict JSON reader ---------------------------------------------------------------- */

struct json {
	const char *s;
	size_t n, i;
};

static void skip_space(struct json *j)
{
	while (j->i < j->n && (j->s[j->i] == ' ' || j->s[j->i] == '\t' || j->s[j->i] == '\n' ||
			       j->s[j->i] == '\r'))
		j->i++;
}

static int peek(const struct json *j)
{
	return j->i < j->n ? (unsigned char)j->s[j->i] : -1;
}

static int literal(struct json *j, const char *word)
{
	size_t len = strlen(word);

	if (j->n - j->i < len || memcmp(j->s + j->i, word, len) != 0)
		return 0;
	j->i += len;
	return 1;
}

static int digits(struct json *j)
{
	size_t start = j->i;

	while (peek(j) >= '0' && peek(j) <= '9')
		j->i++;
	return j->i > start;
}

static int number(struct json *j)
{
	if (peek(j) == '-')
		j->i++;
	if (peek(j) == '0')
		j->i++;
	else if (!digits(j))
		return 0;
	if (peek(j) == '.') {
		j->i++;
		if (!digits(j))
			return 0;
	}
	if (peek(j) == 'e' || peek(j) == 'E') {
		j->i++;
		if (peek(j) == '+' || peek(j) == '-')
			j->i++;
		if (!digits(j))
			return 0;
	}
	return 1;
}

/* Four hex digits after "\u": their value, or -1. */
static long hex4(struct json *j)
{
	long v = 0;
	size_t k;

	if (j->n - j->i < 4)
		return -1;
	for (k = 0; k < 4; k++) {
		int c = (unsigned char)j->s[j->i + k];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	j->i += 4;
	return v;
}

static int string(struct json *j)
{
	j->i++; /* the opening quote */
	while (j->i < j->n) {
		unsigned char c = (unsigned char)j->s[j->i++];
		long u;

		if (c == '"')
			return 1;
		if (c < 0x20)
			return 0;
		if (c != '\\')
			continue;
		if (j->i >= j->n)
			return 0;
		c = (unsigned char)j->s[j->i++];
		if (strchr("\"\\/bfnrt", c) != NULL && c != '\0')
			continue;
		if (c != 'u' || (u = hex4(j)) < 0 || (u >= 0xDC00 && u <= 0xDFFF))
			return 0;
		if (u >= 0xD800 && u <= 0xDBFF) { /* a high surrogate: a low one must follow */
			if (!literal(j, "\\u") || (u = hex4(j)) < 0xDC00 || u > 0xDFFF)
				return 0;
		}
	}
	return 0;
}

static int value(struct json *j, int depth);

/* An array or object after its opening bracket, up to and including close. */
static int members(struct json *j, int depth, int object, int close)
{
	j->i++;
	skip_space(j);
	if (peek(j) == close) {
		j->i++;
		return 1;
	}
	for (;;) {
		if (object) {
			if (peek(j) != '"' || !string(j))
				return 0;
			skip_space(j);
			if (peek(j) != ':')
				return 0;
			j->i++;
		}
		if (!value(j, depth + 1))
			return 0;
		skip_space(j);
		if (peek(j) == close) {
			j->i++;
			return 1;
		}
		if (peek(j) != ',')
			return 0;
		j->i++;
		skip_space(j);
	}
}

static int value(struct json *j, int depth)
{
	if (depth > MAX_DEPTH)
		return 0;
	skip_space(j);
	switch (peek(j)) {
	case '{':
		return members(j, depth, 1, '}');
	case '[':
		return members(j, depth, 0, ']');
	case '"':
		return string(j);
	case 't':
		return literal(j, "true");
	case 'f':
		return literal(j, "false");
	case 'n':
		return literal(j, "null");
	default:
		return number(j);
	}
}

int oracle_is_json(const char *s, size_t n)
{
	struct json j = { s, n, 0 };

	if (!value(&j, 0))
		return 0;
	skip_space(&j);
	return j.i == n;
}

void oracle_json(const char *what, const char *s, size_t n)
{
	oracle_text(what, s, n, 0);
	if (!oracle_is_json(s, n))
		oracle_fail(what, "not one JSON value", s, n);
}

void oracle_ndjson(const char *what, const char *s, size_t n)
{
	size_t start = 0;

	oracle_text(what, s, n, 0);
	if (n > 0 && s[n - 1] != '\n')
		oracle_fail(what, "the last JSON line has no newline", s, n);
	while (start < n) {
		const char *nl = memchr(s + start, '\n', n - start);
		size_t end = (size_t)(nl - s);

		if (end == start || !oracle_is_json(s + start, end - start))
			oracle_fail(what, "a line that is not one JSON value", s, n);
		start = end + 1;
	}
}
