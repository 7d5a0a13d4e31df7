/* internal.h -- what the library's own files share; never installed, never included outside
 * src/lib/ (the command and the benchmark see only include/smtpcode.h). */
#ifndef SMTPCODE_INTERNAL_H
#define SMTPCODE_INTERNAL_H

#include <stddef.h>
#include <string.h>

#include "smtpcode.h"

/* Around an #include of gperf's output, which trips warnings the rest of the code keeps. */
#if defined(__GNUC__)
#define GPERF_OUTPUT_BEGIN                                                   \
	_Pragma("GCC diagnostic push")                                       \
	_Pragma("GCC diagnostic ignored \"-Wimplicit-fallthrough\"")         \
	_Pragma("GCC diagnostic ignored \"-Wmissing-field-initializers\"")   \
	_Pragma("GCC diagnostic ignored \"-Wunused-parameter\"")
#define GPERF_OUTPUT_END _Pragma("GCC diagnostic pop")
#else
#define GPERF_OUTPUT_BEGIN
#define GPERF_OUTPUT_END
#endif

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

/* Hidden functions shared between the library's files carry this prefix, so that the static
 * library defines no global name outside smtpcode_. */
#define INTERNAL(name) smtpcode_internal_##name

static inline int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* ---- the size protocol of caller-allocated structs (see the top of smtpcode.h) -------- */

/* Bytes of a struct up to and including a field: the first published size is that of the
 * last field of the first version. */
#define SIZE_TO(type, field) (offsetof(type, field) + sizeof(((type *)0)->field))

/* Whether a caller's struct may be written: SMTPCODE_OK, SMTPCODE_ENULL or SMTPCODE_ESIZE. */
static inline int check_size(const void *out, size_t first_size)
{
	if (out == NULL)
		return SMTPCODE_ENULL;
	return *(const size_t *)out < first_size ? SMTPCODE_ESIZE : SMTPCODE_OK;
}

/* Copies a filled struct of own bytes into the caller's, at most as many bytes as the
 * caller's size says, keeping the caller's size field. */
static inline void copy_out(void *out, const void *filled, size_t own)
{
	size_t size = *(const size_t *)out;
	size_t n = size < own ? size : own;

	memcpy((char *)out + sizeof(size_t), (const char *)filled + sizeof(size_t),
	       n - sizeof(size_t));
}

/* ---- text into a caller's buffer, snprintf-style ---------------------------------------- */

/* A buffer being written: writes stop at its end but len keeps counting, so that the call
 * can return the length of the whole text. */
struct sink {
	char *buf;
	size_t size;
	size_t len;
	int json; /* escape what is put as the inside of a JSON string */
};

void INTERNAL(sink_init)(struct sink *s, char *buf, size_t size);
void INTERNAL(put)(struct sink *s, const char *text);
void INTERNAL(put_n)(struct sink *s, const char *text, size_t n);
void INTERNAL(putf)(struct sink *s, const char *fmt, ...) PRINTF_LIKE(2, 3);
/* The length of the valid UTF-8 sequence at p (avail bytes readable) and its code point in
 * *cp, or 0 when it is not one (display.c). */
size_t INTERNAL(utf8_decode)(const unsigned char *p, size_t avail, unsigned long *cp);
/* Whether a code point is shown as <U+XXXX> (JSON: \uXXXX) rather than itself: C0, DEL, C1,
 * the bidi controls, U+2028, U+2029 and the BOM. */
int INTERNAL(is_hidden)(unsigned long cp);
/* The length written, as an int result of a snprintf-style call. */
int INTERNAL(sink_result)(const struct sink *s);

/* Writes the data form of an enhanced code ("5.7.8", "X.7.XXX") into buf, which holds at least
 * SMTPCODE_CODE_MAX + 1 bytes; returns its length. */
size_t INTERNAL(format_enhanced)(char *buf, char cls, int subject, int detail);

/* Entry lookup by the data form of a code ("X.7.XXX"), as the hash holds it. */
const struct smtpcode_entry *INTERNAL(find)(const char *key, size_t len);

/* Whether the registry lists a basic code with an enhanced entry, or any code of a class. */
int INTERNAL(lists_basic)(const struct smtpcode_entry *enhanced, int basic);
int INTERNAL(lists_class)(const struct smtpcode_entry *enhanced, int reply_class);
/* Whether a reply pairing basic with this enhanced entry is unusual: neither the registry's
 * basic codes nor the detail's RFC give the enhanced code that class. */
int INTERNAL(unusual_pair)(const struct smtpcode_entry *enhanced, int basic);
/* The one step two codes of one kind are the success and the failure of (235 and 535:
 * AUTH), or SMTPCODE_STAGE_UNKNOWN. */
enum smtpcode_stage INTERNAL(one_step)(const struct smtpcode_entry *a, const struct smtpcode_entry *b,
				       int class_a, int class_b);

/* The differences of two replies as a JSON array (replies.c); SMTPCODE_ENOTFOUND, nothing
 * written, when a text holds no code. */
int INTERNAL(json_differences)(struct sink *s, const char *text_a, size_t length_a,
			       const char *text_b, size_t length_b,
			       const struct smtpcode_hints *hints, int indent);
/* Whether the first sentences of two entries' when-seen texts are the same (text.c). */
int INTERNAL(same_stage)(const struct smtpcode_entry *a, const struct smtpcode_entry *b);

/* The one-line explanation of a reply whose codes are written in codes (text.c). */
void INTERNAL(explain_line)(struct sink *s, const struct smtpcode_entry *e,
			    enum smtpcode_kind kind, int reply_class, const char *codes);


/* Whether the first sentences of two entries' when-seen texts are the same (text.c). */
int INTERNAL(same_stage)(const struct smtpcode_entry *a, const struct smtpcode_entry *b);

/* The one-line explanation of a reply whose codes are written in codes (text.c). */
void INTERNAL(explain_line)(struct sink *s, const struct smtpcode_entry *e,
			    enum smtpcode_kind kind, int reply_class, const char *codes);

/* The sentence of difference i of a comparison (text.c); 0, or SMTPCODE_ENOTFOUND. */
int INTERNAL(difference)(struct sink *s, const struct smtpcode_comparison *c, size_t i);

/* The one-line explanation of a parsed reply (reply.c). */
void INTERNAL(explain_parsed)(struct sink *s, const struct smtpcode_reply *r);
void INTERNAL(explain_matched)(struct sink *s, const struct smtpcode_reply *r,
			       const struct smtpcode_provider_match *m);
/* The end of a reply's text in [start, end) once what an MTA wrapped around it is dropped
 * (reply_text.c); close is the quote that closes a quoted reply, or 0. */
size_t INTERNAL(reply_trim)(const char *s, size_t start, size_t end, int close);
/* The next provider entry from *i on that gives code c its own meaning, or NULL (providers.c;
 * smtpcode_provider_uses without an array). */
const struct smtpcode_provider_entry *INTERNAL(next_use)(const struct smtpcode_code *c, size_t *i);
/* The one-line explanation when a provider entry explains the reply (providers.c). */
void INTERNAL(explain_provider_line)(struct sink *s, const struct smtpcode_provider_match *m,
				     const char *codes);
/* The quote (or '#') that closes a parsed reply's text, or 0 (reply.c). */
int INTERNAL(reply_close)(const char *text, size_t length, const struct smtpcode_reply *r);
#endif
