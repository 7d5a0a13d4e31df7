/* resolve.c -- what the registry lets us say about a code that has no entry of its own:
 * an unregistered detail ("5.7.708") or a class and subject ("5.7"). */
#include "internal.h"

/* "5.7" -> "5.7.XXX": the registry's own way to name a subject within a class. */
static int expand_short_form(const char *code, char *buf, size_t size)
{
	size_t n = 0;

	while (n < SMTPCODE_CODE_MAX && code[n] != '\0')
		n++;
	/* the subject must be a number: "5.XXX" names no subject */
	if (n < 3 || n + 4 >= size || code[1] != '.' || !is_digit(code[2]) ||
	    strchr(code + 2, '.') != NULL)
		return 0;
	memcpy(buf, code, n);
	memcpy(buf + n, ".XXX", 5);
	return 1;
}

/* Fills r (the library's own, full-size copy) for a code; returns the call's result. */
static int resolve(const char *code, struct smtpcode_resolution *r)
{
	struct smtpcode_code c;
	char expanded[SMTPCODE_CODE_MAX + 8], key[SMTPCODE_CODE_MAX + 1];
	int rc;

	rc = smtpcode_parse_code(code, &c);
	if (rc == SMTPCODE_ESYNTAX && code != NULL &&
	    expand_short_form(code, expanded, sizeof expanded)) {
		int short_rc = smtpcode_parse_code(expanded, &c);

		if (short_rc == SMTPCODE_OK) {
			code = expanded;
			rc = SMTPCODE_OK;
			r->note = SMTPCODE_NOTE_SHORT_FORM;
		} else if (short_rc == SMTPCODE_ECLASS) {
			rc = short_rc; /* "3.7": the shape is right, the class is not */
		}
	}
	if (rc != SMTPCODE_OK)
		return rc;
	r->reply_class = c.reply_class;
	r->entry = smtpcode_lookup(code);
	if (c.kind == SMTPCODE_BASIC)
		return r->entry != NULL ? SMTPCODE_OK : SMTPCODE_ENOTFOUND;
	if (c.subject >= 0) {
		size_t len = INTERNAL(format_enhanced)(key, 'X', c.subject, -1);

		r->subject_entry = INTERNAL(find)(key, len);
	}
	if (c.reply_class != 0) {
		size_t len = INTERNAL(format_enhanced)(key, (char)('0' + c.reply_class), -1, -1);

		r->class_entry = INTERNAL(find)(key, len);
	}
	if (r->entry == NULL && r->subject_entry != NULL)
		r->note = SMTPCODE_NOTE_UNREGISTERED_DETAIL;
	return r->entry != NULL || r->subject_entry != NULL ? SMTPCODE_OK : SMTPCODE_ENOTFOUND;
}

int smtpcode_resolve(const char *code, struct smtpcode_resolution *out)
{
	struct smtpcode_resolution r;
	int rc = check_size(out, SIZE_TO(struct smtpcode_resolution, reply_class));

	if (rc != SMTPCODE_OK)
		return rc;
	memset(&r, 0, sizeof r);
	r.size = sizeof r;
	rc = resolve(code, &r);
	copy_out(out, &r, sizeof r);
	return rc;
}

const struct smtpcode_entry *smtpcode_resolved_entry(const struct smtpcode_resolution *r)
{
	if (r == NULL)
		return NULL;
	return r->entry != NULL ? r->entry : r->subject_entry;
}
