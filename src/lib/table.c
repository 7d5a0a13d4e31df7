/* table.c -- the generated table and gperf hash, and the lookups built on them. */
#include "internal.h"

struct smtpcode_key {
	const char *name;
	int index;
};

/* Declared static before the generated definition, so the hash stays internal. */
static const struct smtpcode_key *smtpcode_find_(const char *str, size_t len);

#include "codes-table.inc"

struct smtpcode_pair_ {
	long entry_a, entry_b; /* indices into smtpcode_table_ */
	int class_a, class_b;  /* the class each note is for; 0: any */
	struct smtpcode_pair_note note;
};

#include "pairs-table.inc"

GPERF_OUTPUT_BEGIN
#include "codes-hash.inc"
GPERF_OUTPUT_END

#define TABLE_SIZE (sizeof smtpcode_table_ / sizeof smtpcode_table_[0])

const struct smtpcode_entry *INTERNAL(find)(const char *key, size_t len)
{
	const struct smtpcode_key *k = smtpcode_find_(key, len);

	return k != NULL ? &smtpcode_table_[k->index] : NULL;
}

/* The digit at s as a number, or a value over 9 for any other byte. */
static unsigned digit(const char *s)
{
	return (unsigned)(unsigned char)*s - '0';
}

/* Reads 1-3 digits at *s into *v and moves past them; 0 when there is no digit. Unrolled:
 * the lookup runs on every code and the loop's branches cost more than the digits. */
static int read_number(const char **s, unsigned *v)
{
	const char *p = *s;
	unsigned a = digit(p), b, c;

	if (a > 9)
		return 0;
	if ((b = digit(p + 1)) > 9) {
		*v = a;
		*s = p + 1;
		return 1;
	}
	if ((c = digit(p + 2)) > 9) {
		*v = a * 10 + b;
		*s = p + 2;
		return 1;
	}
	*v = a * 100 + b * 10 + c;
	*s = p + 3;
	return 1;
}

/* For each byte that may start an enhanced code, its class's row of smtpcode_enhanced_index_
 * plus one: X (any class), 2, 4, 5; 0 for every other byte. */
static const unsigned char class_row[256] = { ['X'] = 1, ['x'] = 1, ['2'] = 2, ['4'] = 3,
					       ['5'] = 4 };

/* Codes as people write them, with no parsing beyond the digits: a three-digit code is a
 * direct index; "C.S.D" is a direct index too, with the class-specific entry or the X entry.
 * Returns 1 with *e set when the answer is final (an entry or, for a well-formed code beyond
 * the table, none), 0 when the code has another shape ("X.7.XXX", malformed) and the hash and
 * the parser must decide. */
static int find_direct(const char *code, const struct smtpcode_entry **e)
{
	const char *p = code + 2;
	unsigned a = digit(code), b, c, subject, detail, row;
	int index;

	if (a <= 9 && (b = digit(code + 1)) <= 9) {
		if ((c = digit(code + 2)) > 9 || code[3] != '\0' || a < 2 || a > 5)
			return 0;
		index = smtpcode_basic_index_[(a - 2) * 100 + b * 10 + c];
		*e = index >= 0 ? &smtpcode_table_[index] : NULL;
		return 1;
	}
	row = class_row[(unsigned char)code[0]];
	if (row == 0 || code[1] != '.' || !read_number(&p, &subject) || *p++ != '.' ||
	    !read_number(&p, &detail) || *p != '\0')
		return 0;
	if (subject >= SMTPCODE_SUBJECTS_ || detail >= SMTPCODE_DETAILS_) {
		*e = NULL; /* well-formed, and past every code the data has */
		return 1;
	}
	index = smtpcode_enhanced_index_[row - 1][subject][detail];
	*e = index >= 0 ? &smtpcode_table_[index] : NULL;
	return 1;
}

/* Every other code the table holds is one gperf probe as written ("X.7.XXX", "5.XXX.XXX"). */
static const struct smtpcode_entry *find_as_written(const char *code, size_t *length)
{
	size_t len = 0;

	while (len <= SMTPCODE_CODE_MAX && code[len] != '\0')
		len++;
	*length = len;
	if (len < 5 || len > SMTPCODE_CODE_MAX) /* "5.7.8" is the shortest enhanced code */
		return NULL;
	return INTERNAL(find)(code, len);
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

/* Everything but the direct index: the hash for the other shapes, then the parser for the
 * spellings the table does not hold ("x.7.XXX", "5.07.XXX") and for the error. Apart from
 * the fast path, so that the common case stays a short function. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static const struct smtpcode_entry *lookup_slow(const char *code, int *err)
{
	struct smtpcode_code c;
	const struct smtpcode_entry *e = NULL;
	char key[16];
	size_t len, written = 0;
	int rc;

	if (code == NULL) {
		if (err != NULL)
			*err = SMTPCODE_ENULL;
		return NULL;
	}
	if ((e = find_as_written(code, &written)) != NULL) {
		if (err != NULL)
			*err = SMTPCODE_OK;
		return e;
	}
	/* Without an error to report, a miss is final unless another spelling of the code
	 * could hit: a lowercase "x" or a leading zero ("5.07.XXX"). */
	if (err == NULL && written <= SMTPCODE_CODE_MAX && !other_spelling(code, written))
		return NULL;
	rc = smtpcode_parse_code(code, &c);
	if (rc == SMTPCODE_OK) {
		/* Only a spelling the fast paths did not try can still be found. The
		 * class-specific form comes first, as there. */
		if (c.kind == SMTPCODE_ENHANCED) {
			if (c.reply_class != 0) {
				len = INTERNAL(format_enhanced)(key, (char)('0' + c.reply_class),
								c.subject, c.detail);
				if (len != written || memcmp(key, code, len) != 0)
					e = INTERNAL(find)(key, len);
			}
			if (e == NULL && c.subject >= 0) {
				len = INTERNAL(format_enhanced)(key, 'X', c.subject, c.detail);
				if (len != written || memcmp(key + 1, code + 1, len - 1) != 0 ||
				    code[0] == 'x')
					e = INTERNAL(find)(key, len);
			}
		}
		if (e == NULL)
			rc = SMTPCODE_ENOTFOUND;
	}
	if (err != NULL)
		*err = rc;
	return e;
}

const struct smtpcode_entry *smtpcode_lookup_err(const char *code, int *err)
{
	const struct smtpcode_entry *e;

	if (code == NULL || !find_direct(code, &e))
		return lookup_slow(code, err);
	if (err != NULL)
		*err = e != NULL ? SMTPCODE_OK : SMTPCODE_ENOTFOUND;
	return e;
}

const struct smtpcode_entry *smtpcode_lookup(const char *code)
{
	return smtpcode_lookup_err(code, NULL);
}

const struct smtpcode_entry *smtpcode_lookup_basic(int code)
{
	int index;

	if (code < 200 || code > 599)
		return NULL;
	index = smtpcode_basic_index_[code - 200];
	return index >= 0 ? &smtpcode_table_[index] : NULL;
}

size_t smtpcode_entry_count(void)
{
	return TABLE_SIZE;
}

const struct smtpcode_entry *smtpcode_entry_at(size_t index)
{
	return index < TABLE_SIZE ? &smtpcode_table_[index] : NULL;
}

/* Whether one side of a pair note is the entry e met in class cls (0: an "X." code). */
static int pair_side(long entry, int note_class, const struct smtpcode_entry *e, int cls)
{
	/* a note for one class answers only for that class, not for an "X." code */
	return entry >= 0 && &smtpcode_table_[entry] == e && (note_class == 0 || note_class == cls);
}

const struct smtpcode_pair_note *smtpcode_pair_note(const char *code_a, const char *code_b)
{
	struct smtpcode_resolution ra = { .size = sizeof ra }, rb = { .size = sizeof rb };
	const struct smtpcode_entry *a, *b;
	size_t i;

	if (smtpcode_resolve(code_a, &ra) != SMTPCODE_OK ||
	    smtpcode_resolve(code_b, &rb) != SMTPCODE_OK)
		return NULL;
	a = smtpcode_resolved_entry(&ra);
	b = smtpcode_resolved_entry(&rb);
	for (i = 0; i < SMTPCODE_PAIR_COUNT_; i++) {
		const struct smtpcode_pair_ *p = &smtpcode_pairs_[i];

		if ((pair_side(p->entry_a, p->class_a, a, ra.reply_class) &&
		     pair_side(p->entry_b, p->class_b, b, rb.reply_class)) ||
		    (pair_side(p->entry_a, p->class_a, b, rb.reply_class) &&
		     pair_side(p->entry_b, p->class_b, a, ra.reply_class)))
			return &p->note;
	}
	return NULL;
}

size_t smtpcode_pair_count(void)
{
	return SMTPCODE_PAIR_COUNT_;
}

const struct smtpcode_pair_note *smtpcode_pair_at(size_t i, char *code_a, char *code_b,
						  size_t size)
{
	const struct smtpcode_pair_ *p;

	if (i >= SMTPCODE_PAIR_COUNT_)
		return NULL;
	p = &smtpcode_pairs_[i];
	if (code_a != NULL && size > 0)
		smtpcode_format_code(&smtpcode_table_[p->entry_a], p->class_a, code_a, size);
	if (code_b != NULL && size > 0)
		smtpcode_format_code(&smtpcode_table_[p->entry_b], p->class_b, code_b, size);
	return &p->note;
}
