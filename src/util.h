/* util.h -- small helpers shared by the library and the command; not installed. */
#ifndef SMTPCODE_UTIL_H
#define SMTPCODE_UTIL_H

#include <string.h>

#include "smtpcode.h"

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
/* Writes the data form of an enhanced code ("5.7.8", "X.7.XXX") into buf; returns its
 * length. buf holds at least 10 bytes. */
static inline size_t format_enhanced(char *buf, char cls, int subject, int detail)
{
	size_t n = 0;
	int parts[2], i;

	parts[0] = subject;
	parts[1] = detail;
	buf[n++] = cls;
	for (i = 0; i < 2; i++) {
		int v = parts[i];

		buf[n++] = '.';
		if (v < 0) {
			memcpy(buf + n, "XXX", 3);
			n += 3;
			continue;
		}
		if (v >= 100)
			buf[n++] = (char)('0' + v / 100);
		if (v >= 10)
			buf[n++] = (char)('0' + v / 10 % 10);
		buf[n++] = (char)('0' + v % 10);
	}
	buf[n] = '\0';
	return n;
}

#endif

static inline int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* The entry that answers for a resolved code: its own, or its subject's when the detail is
 * not registered ("5.7.708"). */
static inline const struct smtpcode_entry *resolved_entry(const struct smtpcode_resolution *r)
{
	return r->entry != NULL ? r->entry : r->subject_entry;
}

/* Writes the data form of an enhanced code ("5.7.8", "X.7.XXX") into buf; returns its
 * length. buf holds at least 10 bytes. */
static inline size_t format_enhanced(char *buf, char cls, int subject, int detail)
{
	size_t n = 0;
	int parts[2], i;

	parts[0] = subject;
	parts[1] = detail;
	buf[n++] = cls;
	for (i = 0; i < 2; i++) {
		int v = parts[i];

		buf[n++] = '.';
		if (v < 0) {
			memcpy(buf + n, "XXX", 3);
			n += 3;
			continue;
		}
		if (v >= 100)
			buf[n++] = (char)('0' + v / 100);
		if (v >= 10)
			buf[n++] = (char)('0' + v / 10 % 10);
		buf[n++] = (char)('0' + v % 10);
	}
	buf[n] = '\0';
	return n;
}

#endif
