/* code.c -- the code grammar: taking a code string apart, and writing codes and class labels
 * as met in a class. */
#include "internal.h"

/* Reads 1-3 digits, or "XXX" when allow_xxx; stores the number (-1 for XXX) and returns how
 * many bytes it used, or 0 when there is no such field. */
static size_t read_field(const char *s, int allow_xxx, int *value)
{
	size_t n = 0;
	int v = 0;

	if (allow_xxx && (s[0] == 'X' || s[0] == 'x') && (s[1] == 'X' || s[1] == 'x') &&
	    (s[2] == 'X' || s[2] == 'x')) {
		*value = -1;
		return 3;
	}
	while (n < 3 && s[n] >= '0' && s[n] <= '9') {
		v = v * 10 + (s[n] - '0');
		n++;
	}
	*value = v;
	return n;
}

int smtpcode_parse_code(const char *code, struct smtpcode_code *out)
{
	struct smtpcode_code c;
	size_t len, n;

	if (code == NULL)
		return SMTPCODE_ENULL;
	for (len = 0; code[len] != '\0'; len++) {
		unsigned char b = (unsigned char)code[len];

		if (len == SMTPCODE_CODE_MAX)
			return SMTPCODE_ETOOLONG;
		if (b < 0x20 || b > 0x7e)
			return SMTPCODE_ENOTASCII;
	}
	if (len == 0)
		return SMTPCODE_EEMPTY;
	if (len == 3 && is_digit(code[0]) && is_digit(code[1]) && is_digit(code[2])) {
		if (code[0] < '2' || code[0] > '5')
			return SMTPCODE_ECLASS;
		c.kind = SMTPCODE_BASIC;
		c.reply_class = code[0] - '0';
		c.basic = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
		c.subject = c.detail = -1;
	} else {
		if (len < 5 || code[1] != '.')
			return SMTPCODE_ESYNTAX;
		if (code[0] == 'X' || code[0] == 'x')
			c.reply_class = 0;
		else if (code[0] == '2' || code[0] == '4' || code[0] == '5')
			c.reply_class = code[0] - '0';
		else
			return is_digit(code[0]) ? SMTPCODE_ECLASS : SMTPCODE_ESYNTAX;
		c.kind = SMTPCODE_ENHANCED;
		c.basic = -1;
		code += 2;
		n = read_field(code, 1, &c.subject);
		if (n == 0 || code[n] != '.')
			return SMTPCODE_ESYNTAX;
		code += n + 1;
		n = read_field(code, 1, &c.detail);
		if (n == 0 || code[n] != '\0')
			return SMTPCODE_ESYNTAX;
		/* "5.XXX.7" means nothing; "X.XXX.XXX" names no class */
		if (c.subject < 0 && (c.detail >= 0 || c.reply_class == 0))
			return SMTPCODE_ESYNTAX;
	}
	if (out != NULL)
		*out = c;
	return SMTPCODE_OK;
}

size_t INTERNAL(format_enhanced)(char *buf, char cls, int subject, int detail)
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

int smtpcode_code_class(const char *code)
{
	return code != NULL && code[0] >= '2' && code[0] <= '5' ? code[0] - '0' : 0;
}

int smtpcode_asked_class(const struct smtpcode_entry *e, const char *code)
{
	int cls = smtpcode_code_class(code);

	if (cls != 0 || e == NULL)
		return cls;
	return e->reply_class;
}

int smtpcode_format_code(const struct smtpcode_entry *e, int reply_class, char *buf,
			 size_t size)
{
	char code[SMTPCODE_CODE_MAX + 1];
	struct sink s;
	char cls;

	if (e == NULL || (buf == NULL && size > 0))
		return SMTPCODE_ENULL;
	INTERNAL(sink_init)(&s, buf, size);
	if (e->kind == SMTPCODE_BASIC || e->reply_class != 0 || reply_class < 2 ||
	    reply_class > 5) {
		INTERNAL(put)(&s, e->code);
		return INTERNAL(sink_result)(&s);
	}
	cls = (char)('0' + reply_class);
	INTERNAL(format_enhanced)(code, cls, e->subject, e->detail);
	INTERNAL(put)(&s, code);
	return INTERNAL(sink_result)(&s);
}

int smtpcode_class_label(enum smtpcode_kind kind, int reply_class, int with_name, char *buf,
			 size_t size)
{
	const char *name = smtpcode_class_name(kind, reply_class);
	struct sink s;

	if (buf == NULL && size > 0)
		return SMTPCODE_ENULL;
	INTERNAL(sink_init)(&s, buf, size);
	if (with_name && name == NULL && kind == SMTPCODE_ENHANCED) /* "X (any class: ...)" */
		INTERNAL(put)(&s, smtpcode_label(SMTPCODE_LABEL_ANY_CLASS));
	else if (kind == SMTPCODE_BASIC)
		INTERNAL(putf)(&s, "%dxx", reply_class);
	else if (reply_class >= 2 && reply_class <= 5)
		INTERNAL(putf)(&s, "%d.XXX.XXX", reply_class);
	else
		INTERNAL(put)(&s, "X.XXX.XXX");
	if (with_name && name != NULL)
		INTERNAL(putf)(&s, " %s", name);
	return INTERNAL(sink_result)(&s);
}

int smtpcode_subject_label(const struct smtpcode_entry *e, char *buf, size_t size)
{
	char code[SMTPCODE_CODE_MAX + 1];
	struct sink s;

	if (buf == NULL && size > 0)
		return SMTPCODE_ENULL;
	INTERNAL(sink_init)(&s, buf, size);
	if (e == NULL || e->subject_name == NULL)
		return SMTPCODE_ENOTFOUND;
	INTERNAL(format_enhanced)(code, 'X', e->subject, -1);
	INTERNAL(putf)(&s, "%s %s", code, e->subject_name);
	return INTERNAL(sink_result)(&s);
}
