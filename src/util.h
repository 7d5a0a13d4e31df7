/* util.h -- small helpers shared by the library and the command; not installed. */
#ifndef SMTPCODE_UTIL_H
#define SMTPCODE_UTIL_H

#include "smtpcode.h"

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
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

#endif
