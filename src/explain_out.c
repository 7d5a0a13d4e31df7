/* explain_out.c -- a server reply explained: the codes found, the stage, both cards and the
 * warnings, as text, markdown or JSON. */
#include <stdio.h>
#include <string.h>

#include "output.h"
#include "render.h"
#include "util.h"

/* Every SMTPCODE_WARN_* bit, in the order they are shown. */
static const unsigned warning_bits[] = {
	SMTPCODE_WARN_NO_CODE, SMTPCODE_WARN_BAD_ENHANCED, SMTPCODE_WARN_CLASS_MISMATCH,
	SMTPCODE_WARN_NOT_ASSOCIATED, SMTPCODE_WARN_NONSTANDARD, SMTPCODE_WARN_UNKNOWN_BASIC,
	SMTPCODE_WARN_UNKNOWN_ENHANCED, SMTPCODE_WARN_INCONSISTENT
};

#define NWARNINGS (sizeof warning_bits / sizeof warning_bits[0])

/* The first line's reply text for display: control bytes shown as spaces, and cut with "..."
 * at a character boundary when longer than the buffer (JSON gets the whole text). */
static const char *reply_text(const struct smtpcode_reply *r, char *buf, size_t size)
{
	size_t n = r->text != NULL ? r->text_length : 0, i;
	int cut = n >= size;

	if (cut) {
		n = size - 4;
		while (n > 0 && ((unsigned char)r->text[n] & 0xc0) == 0x80)
			n--; /* do not split a UTF-8 sequence */
	}
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)r->text[i];

		buf[i] = c < 0x20 || c == 0x7f ? ' ' : (char)c;
	}
	memcpy(buf + n, cut ? "..." : "", cut ? 4 : 1);
	return buf;
}

static void basic_string(char *buf, size_t size, const struct smtpcode_reply *r)
{
	snprintf(buf, size, "%d", r->basic);
}

/* The entries to show: the basic code's and the enhanced code's (its own or its subject's),
 * and how to name the enhanced card: the code itself, or "5.7.XXX" for a subject. Returns
 * whether either is known. */
static int entries_of(const struct smtpcode_reply *r, const struct smtpcode_entry **basic,
		      const struct smtpcode_entry **enhanced, char *asked, size_t size)
{
	char code[16];
	struct smtpcode_resolution res;

	*basic = NULL;
	*enhanced = NULL;
	snprintf(asked, size, "%s", r->enhanced);
	if (r->basic >= 0) {
		basic_string(code, sizeof code, r);
		*basic = smtpcode_lookup(code);
	}
	if (r->enhanced[0] != '\0' && smtpcode_resolve(r->enhanced, &res) == SMTPCODE_OK) {
		*enhanced = resolved_entry(&res);
		if (res.entry == NULL)
			snprintf(asked, size, "%c.%d.XXX", '0' + res.reply_class,
				 res.subject_entry->subject);
	}
	return *basic != NULL || *enhanced != NULL;
}

int render_explain_text(FILE *out, const struct smtpcode_reply *r, const char *message,
			int width, int color)
{
	const struct smtpcode_entry *basic, *enhanced;
	char buf[1024], code[16], asked[32];
	size_t i;
	int known = entries_of(r, &basic, &enhanced, asked, sizeof asked);

	fprintf(out, "  %-*s", LABEL_WIDTH - 2, "Reply code");
	if (r->basic >= 0) {
		basic_string(code, sizeof code, r);
		put_colored(out, code, r->basic / 100, color);
	} else {
		fputs("none found", out);
	}
	fprintf(out, "\n  %-*s", LABEL_WIDTH - 2, "Enhanced code");
	if (r->enhanced[0] != '\0')
		put_colored(out, r->enhanced, r->enhanced_code.reply_class, color);
	else
		fputs("none", out);
	fputc('\n', out);
	if (r->stage != SMTPCODE_STAGE_UNKNOWN)
		fprintf(out, "  %-*s%s\n", LABEL_WIDTH - 2, "In reply to",
			smtpcode_stage_name(r->stage));
	if (r->text != NULL && r->text_length > 0) {
		fprintf(out, "  %-*s", LABEL_WIDTH - 2, "Server said");
		out_wrapped(out, reply_text(r, buf, sizeof buf), LABEL_WIDTH, width);
	}
	if (message != NULL) {
		fprintf(out, "  %-*s", LABEL_WIDTH - 2, "In short");
		out_wrapped(out, message, LABEL_WIDTH, width);
	}
	for (i = 0; i < NWARNINGS; i++) {
		if (!(r->warnings & warning_bits[i]))
			continue;
		fprintf(out, "  %-*s", LABEL_WIDTH - 2, "Warning");
		out_wrapped(out, smtpcode_warning_text(warning_bits[i]), LABEL_WIDTH, width);
	}
	if (basic != NULL) {
		fputc('\n', out);
		render_card(out, basic, code, width, color);
	}
	if (enhanced != NULL) {
		fputc('\n', out);
		render_card(out, enhanced, asked, width, color);
	}
	return known;
}

int render_explain_markdown(FILE *out, const struct smtpcode_reply *r, const char *message)
{
	const struct smtpcode_entry *basic, *enhanced;
	char buf[1024], code[16] = "", asked[32];
	size_t i;
	int known = entries_of(r, &basic, &enhanced, asked, sizeof asked);

	if (r->basic >= 0)
		basic_string(code, sizeof code, r);
	fprintf(out, "# SMTP reply %s%s%s\n\n", code, code[0] && r->enhanced[0] ? " " : "",
		r->enhanced);
	if (message != NULL) {
		md_text(out, message);
		fputs("\n\n", out);
	}
	if (r->stage != SMTPCODE_STAGE_UNKNOWN)
		fprintf(out, "- **In reply to:** %s\n", smtpcode_stage_name(r->stage));
	if (r->text != NULL && r->text_length > 0) {
		fputs("- **Server said:** ", out);
		md_text(out, reply_text(r, buf, sizeof buf));
		fputc('\n', out);
	}
	for (i = 0; i < NWARNINGS; i++) {
		if (!(r->warnings & warning_bits[i]))
			continue;
		fputs("- **Warning:** ", out);
		md_text(out, smtpcode_warning_text(warning_bits[i]));
		fputc('\n', out);
	}
	if (basic != NULL) {
		fputc('\n', out);
		render_card_markdown(out, basic, code, 2);
	}
	if (enhanced != NULL) {
		fputc('\n', out);
		render_card_markdown(out, enhanced, asked, 2);
	}
	return known;
}

int render_explain_json(FILE *out, const struct smtpcode_reply *r, const char *message)
{
	const struct smtpcode_entry *basic, *enhanced;
	char code[16], asked[32];
	size_t i, shown = 0;
	int known = entries_of(r, &basic, &enhanced, asked, sizeof asked);

	fputs("{\n  \"basic_code\": ", out);
	if (r->basic >= 0)
		fprintf(out, "%d", r->basic);
	else
		fputs("null", out);
	fputs(",\n  \"enhanced_code\": ", out);
	if (r->enhanced[0] != '\0')
		json_string(out, r->enhanced);
	else
		fputs("null", out);
	fputs(",\n  \"stage\": ", out);
	if (r->stage != SMTPCODE_STAGE_UNKNOWN)
		json_string(out, smtpcode_stage_name(r->stage));
	else
		fputs("null", out);
	fputs(",\n  \"text\": ", out);
	json_string_n(out, r->text != NULL ? r->text : "", r->text != NULL ? r->text_length : 0);
	fputs(",\n  \"message\": ", out);
	if (message != NULL)
		json_string(out, message);
	else
		fputs("null", out);
	fputs(",\n  \"basic\": ", out);
	if (basic != NULL) {
		basic_string(code, sizeof code, r);
		json_entry(out, basic, code, NULL, 2);
	} else {
		fputs("null", out);
	}
	fputs(",\n  \"enhanced\": ", out);
	if (enhanced != NULL)
		json_entry(out, enhanced, r->enhanced,
			   enhanced->detail >= 0 ? NULL : "The detail is not registered: only the "
			   "class and subject are known.", 2);
	else
		fputs("null", out);
	fputs(",\n  \"warnings\": [", out);
	for (i = 0; i < NWARNINGS; i++) {
		if (!(r->warnings & warning_bits[i]))
			continue;
		fputs(shown++ ? ",\n    " : "\n    ", out);
		json_string(out, smtpcode_warning_text(warning_bits[i]));
	}
	fputs(shown ? "\n  ]\n}\n" : "]\n}\n", out);
	return known;
}
