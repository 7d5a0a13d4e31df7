/* code.c -- take a code string apart: basic reply codes and enhanced status codes. */
#include "smtpcode.h"
#include "util.h"

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
