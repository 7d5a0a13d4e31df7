/* reply_cases.h -- table-driven checks of smtpcode_parse_reply, shared by the reply tests. */
#ifndef SMTPCODE_TESTS_REPLY_CASES_H
#define SMTPCODE_TESTS_REPLY_CASES_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smtpcode.h"

#define ANY_STAGE (-1) /* the row does not check the stage */

/* One pasted reply and what must be found in it: basic -1 and enhanced "" when it holds no
 * code; text is the first line's reply text, or NULL when the row does not check it. */
struct reply_case {
	const char *input;
	int basic;
	const char *enhanced;
	int stage;
	const char *text;
};

/* The start of s on one line, line ends shown as "|", for a failure message. */
static const char *reply_case_line(const char *s, char *buf, size_t size)
{
	size_t i;

	for (i = 0; i + 1 < size && s[i] != '\0'; i++)
		buf[i] = s[i] == '\n' || s[i] == '\r' ? '|' : s[i];
	buf[i] = '\0';
	return buf;
}

/* Parses an exact-length heap copy of each input (so the sanitizers see any over-read) and
 * reports every row that differs before failing, so one run shows all of them. */
static void check_reply_cases(const struct reply_case *cases, size_t count)
{
	size_t i, failures = 0;

	for (i = 0; i < count; i++) {
		const struct reply_case *c = &cases[i];
		char shown[100];
		size_t n = strlen(c->input);
		char *copy = malloc(n > 0 ? n : 1);
		struct smtpcode_reply r;
		int rc, want_rc = c->basic >= 0 || c->enhanced[0] != '\0' ? SMTPCODE_OK :
			SMTPCODE_ENOTFOUND;

		assert_non_null(copy);
		memcpy(copy, c->input, n);
		rc = smtpcode_parse_reply(copy, n, &r);
		assert_true(r.text >= copy && r.text_length <= n &&
			    (size_t)(r.text - copy) <= n - r.text_length);
		if (r.enhanced[0] != '\0') {
			assert_int_equal(r.enhanced_code.kind, SMTPCODE_ENHANCED);
			assert_int_equal(r.enhanced_code.reply_class, r.enhanced[0] - '0');
		}
		if (r.basic != c->basic || strcmp(r.enhanced, c->enhanced) != 0 || rc != want_rc ||
		    (c->stage != ANY_STAGE && (int)r.stage != c->stage) ||
		    (c->text != NULL && (r.text_length != strlen(c->text) ||
					 memcmp(r.text, c->text, r.text_length) != 0))) {
			print_error("row %zu (%s): got %d '%s' stage %d text '%.*s'; want %d '%s' "
				    "stage %d\n", i, reply_case_line(c->input, shown, sizeof shown),
				    r.basic, r.enhanced, (int)r.stage, (int)r.text_length, r.text,
				    c->basic, c->enhanced, c->stage);
			failures++;
		}
		free(copy);
	}
	if (failures > 0)
		fail_msg("%zu of %zu rows differ", failures, count);
}

#endif
