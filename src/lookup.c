/* lookup.c -- the generated table and gperf hash, and the lookups built on them. */
#include <string.h>

#include "smtpcode.h"
#include "util.h"

struct smtpcode_key {
	const char *name;
	int index;
};

/* Declared static before the generated definition, so the hash stays internal. */
static const struct smtpcode_key *smtpcode_find_(const char *str, size_t len);

#include "codes-table.inc"

#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#endif
#include "codes-hash.inc"
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#define TABLE_SIZE (sizeof smtpcode_table_ / sizeof smtpcode_table_[0])

static const struct smtpcode_entry *find(const char *key, size_t len)
{
	const struct smtpcode_key *k = smtpcode_find_(key, len);

	return k != NULL ? &smtpcode_table_[k->index] : NULL;
}

/* The common case, with no parsing: every key of the table is a valid code, so a code found
 * as written needs no other check. Three-digit codes are indexed directly; the hash also
 * holds "5.7.8" as an alias of "X.7.8", so each is one probe. */
static const struct smtpcode_entry *find_as_written(const char *code, size_t *length)
{
	size_t len = 0;

	while (len <= SMTPCODE_CODE_MAX && code[len] != '\0')
		len++;
	*length = len;
	if (len == 3 && code[0] >= '2' && code[0] <= '5' && code[1] >= '0' && code[1] <= '9' &&
	    code[2] >= '0' && code[2] <= '9') {
		int index = smtpcode_basic_index_[(code[0] - '2') * 100 + (code[1] - '0') * 10 +
						  (code[2] - '0')];

		return index >= 0 ? &smtpcode_table_[index] : NULL;
	}
	if (len < 5 || len > SMTPCODE_CODE_MAX) /* "5.7.8" is the shortest enhanced code */
		return NULL;
	return find(code, len);
}

/* Whether a code of len bytes may be spelt other than the table spells it. */
static int other_spelling(const char *code, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (code[i] == 'x' || (code[i] == '0' && i > 0 && code[i - 1] == '.' &&
				       i + 1 < len && code[i + 1] >= '0' && code[i + 1] <= '9'))
			return 1;
	return 0;
}

const struct smtpcode_entry *smtpcode_lookup_err(const char *code, int *err)
{
	struct smtpcode_code c;
	const struct smtpcode_entry *e = NULL;
	char key[16];
	size_t len, written = 0;
	int rc;

	if (code != NULL && (e = find_as_written(code, &written)) != NULL) {
		if (err != NULL)
			*err = SMTPCODE_OK;
		return e;
	}
	/* Without an error to report, a miss is final unless another spelling of the code
	 * could hit: a lowercase "x" or a leading zero ("5.07.8"). */
	if (err == NULL && code != NULL && written <= SMTPCODE_CODE_MAX &&
	    !other_spelling(code, written))
		return NULL;
	rc = smtpcode_parse_code(code, &c);
	if (rc == SMTPCODE_OK) {
		/* Only a spelling the fast path did not try can still be found: "x.7.8",
		 * "5.07.8". The class-specific form comes first, as there. */
		if (c.kind == SMTPCODE_ENHANCED) {
			if (c.reply_class != 0) {
				len = format_enhanced(key, (char)('0' + c.reply_class), c.subject,
						      c.detail);
				if (len != written || memcmp(key, code, len) != 0)
					e = find(key, len);
			}
			if (e == NULL && c.subject >= 0) {
				len = format_enhanced(key, 'X', c.subject, c.detail);
				if (len != written || memcmp(key + 1, code + 1, len - 1) != 0 ||
				    code[0] == 'x')
					e = find(key, len);
			}
		}
		if (e == NULL)
			rc = SMTPCODE_ENOTFOUND;
	}
	if (err != NULL)
		*err = rc;
	return e;
}

const struct smtpcode_entry *smtpcode_lookup(const char *code)
{
	return smtpcode_lookup_err(code, NULL);
}

size_t smtpcode_entry_count(void)
{
	return TABLE_SIZE;
}

const struct smtpcode_entry *smtpcode_entry_at(size_t index)
{
	return index < TABLE_SIZE ? &smtpcode_table_[index] : NULL;
}

/* "5.7" -> "5.7.XXX": the registry's own way to name a subject within a class. */
static int expand_short_form(const char *code, char *buf, size_t size)
{
	size_t n = 0;

	while (n < SMTPCODE_CODE_MAX && code[n] != '\0')
		n++;
	/* the subject must be a number: "5.XXX" names no subject */
	if (n < 3 || n + 4 >= size || code[1] != '.' || code[2] < '0' || code[2] > '9' ||
	    strchr(code + 2, '.') != NULL)
		return 0;
	memcpy(buf, code, n);
	memcpy(buf + n, ".XXX", 5);
	return 1;
}

int smtpcode_resolve(const char *code, struct smtpcode_resolution *out)
{
	struct smtpcode_code c;
	char expanded[SMTPCODE_CODE_MAX + 8], key[16];
	int rc;

	if (out == NULL)
		return SMTPCODE_ENULL;
	memset(out, 0, sizeof *out);
	rc = smtpcode_parse_code(code, &c);
	if (rc == SMTPCODE_ESYNTAX && expand_short_form(code, expanded, sizeof expanded)) {
		int short_rc = smtpcode_parse_code(expanded, &c);

		if (short_rc == SMTPCODE_OK) {
			code = expanded;
			rc = SMTPCODE_OK;
			out->note = "A class and a subject without a detail: this is what the "
				    "class and the subject say.";
		} else if (short_rc == SMTPCODE_ECLASS) {
			rc = short_rc; /* "3.7": the shape is right, the class is not */
		}
	}
	if (rc != SMTPCODE_OK)
		return rc;
	out->reply_class = c.reply_class;
	out->entry = smtpcode_lookup(code);
	if (c.kind == SMTPCODE_BASIC)
		return out->entry != NULL ? SMTPCODE_OK : SMTPCODE_ENOTFOUND;
	if (c.subject >= 0) {
		size_t len = format_enhanced(key, 'X', c.subject, -1);

		out->subject_entry = find(key, len);
	}
	if (c.reply_class != 0) {
		size_t len = format_enhanced(key, (char)('0' + c.reply_class), -1, -1);

		out->class_entry = find(key, len);
	}
	if (out->entry == NULL && out->subject_entry != NULL)
		out->note = "The IANA registry has no such detail under this subject: servers use "
			    "unregistered details for their own, provider-specific reasons, so only the "
			    "class and the subject below apply, and the reply text tells the rest.";
	return out->entry != NULL || out->subject_entry != NULL ? SMTPCODE_OK
								: SMTPCODE_ENOTFOUND;
}
