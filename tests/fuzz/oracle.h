/* oracle.h -- what the fuzz targets check of every output, shared by them all, and how they
 * cut their input. Each check aborts, after printing what is wrong and where on stderr, when
 * the output breaks it. */
#ifndef SMTPCODE_FUZZ_ORACLE_H
#define SMTPCODE_FUZZ_ORACLE_H

#include <stddef.h>

/* The writer's own colour sequences (ESC [ digits m) are allowed in the text. */
#define ORACLE_SGR 1u

/* Text shown to a person: valid UTF-8 holding no C0 control but newline, no DEL, C1 control,
 * bidi control (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), U+2028, U+2029 or BOM
 * (the writers show those as the text "<U+XXXX>"). what names the output in the message. */
void oracle_text(const char *what, const char *s, size_t n, unsigned flags);

/* Every line of s takes at most width terminal columns (smtpcode_text_columns; colour
 * sequences take none), but for a line that is a provider entry's id alone: an id is never
 * cut, and one may be longer than the width. */
void oracle_width(const char *what, const char *s, size_t n, size_t width, unsigned flags);

/* 1 when s is exactly one JSON value (RFC 8259, strictly: no trailing comma, no leading
 * zero, no raw control character in a string, escapes and surrogate pairs well-formed),
 * with white space around it only; 0 otherwise. */
int oracle_is_json(const char *s, size_t n);

/* oracle_is_json, aborting when it is not; oracle_ndjson: for every line of s (each ends
 * with a newline). Both apply oracle_text too: JSON escapes the hidden code points. */
void oracle_json(const char *what, const char *s, size_t n);
void oracle_ndjson(const char *what, const char *s, size_t n);

/* Splits data at NUL bytes into at most max pieces (the last takes the rest), each a
 * NUL-terminated copy in a block of exactly its size, so that AddressSanitizer sees a read
 * past its end; lengths[i] (when lengths is not NULL) gets each piece's length. A final NUL
 * ends a last, empty piece. Returns the count: 0 for no data. Free them with oracle_free. */
size_t oracle_split(const unsigned char *data, size_t size, char **pieces, size_t *lengths,
		    size_t max);
void oracle_free(char **pieces, size_t n);

/* Prints what failed and the output, then aborts. */
void oracle_fail(const char *what, const char *why, const char *s, size_t n);

#endif
