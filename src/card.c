/* card.c -- one entry as a text card, a brief line or a markdown section. */
#include <stdio.h>
#include <string.h>

#include "output.h"
#include "render.h"

int asked_class(const struct smtpcode_entry *e, const char *asked)
{
	int cls = smtpcode_code_class(asked);

	return cls != 0 ? cls : e->reply_class;
}

const char *format_class(char *buf, size_t size, const struct smtpcode_entry *e, int cls)
{
	const char *name = smtpcode_class_name(e->kind, cls);

	if (name == NULL)
		snprintf(buf, size, "X (any class: the meaning does not depend on it)");
	else if (e->kind == SMTPCODE_BASIC)
		snprintf(buf, size, "%dxx %s", cls, name);
	else
		snprintf(buf, size, "%d.XXX.XXX %s", cls, name);
	return buf;
}

const char *join_list(char *buf, size_t size, const char *const *items, size_t n)
{
	size_t used = 0, i;

	buf[0] = '\0';
	for (i = 0; i < n && used + 1 < size; i++) {
		int w = snprintf(buf + used, size - used, "%s%s", i ? ", " : "", items[i]);

		if (w < 0)
			break;
		used += (size_t)w;
	}
	return buf;
}

const char *join_basic_codes(char *buf, size_t size, const struct smtpcode_entry *e)
{
	size_t used = 0, i;

	buf[0] = '\0';
	for (i = 0; i < e->basic_code_count && used + 1 < size; i++) {
		int w = snprintf(buf + used, size - used, "%s%u", i ? ", " : "",
				 (unsigned)e->basic_codes[i]);

		if (w < 0)
			break;
		used += (size_t)w;
	}
	return e->basic_code_count ? buf : "none given by the registry";
}

const char *status_text(const struct smtpcode_entry *e)
{
	switch (e->status) {
	case SMTPCODE_NONSTANDARD:
		return "non-standard: no RFC defines this code; a client acts on its first digit";
	case SMTPCODE_DEPRECATED:
		return "deprecated in the IANA registry";
	default:
		return NULL;
	}
}

static void put_field(FILE *out, const char *label, const char *text, int width)
{
	fprintf(out, "  %-*s", LABEL_WIDTH - 2, label);
	out_wrapped(out, text, LABEL_WIDTH, width);
}

void put_colored(FILE *out, const char *text, int cls, int color)
{
	static const char *const by_class[] = { "\033[32m", "\033[36m", "\033[33m", "\033[31m" };

	if (!color) {
		fputs(text, out);
		return;
	}
	fputs(cls >= 2 && cls <= 5 ? by_class[cls - 2] : "\033[1m", out);
	fputs(text, out);
	fputs("\033[0m", out);
}

void render_card(FILE *out, const struct smtpcode_entry *e, const char *asked, int width,
		 int color)
{
	int cls = asked_class(e, asked);
	char buf[1024];

	put_colored(out, asked, cls, color);
	fputs("  ", out);
	out_wrapped(out, e->title, (int)strlen(asked) + 2, width);
	fputc('\n', out);
	put_field(out, "Class", format_class(buf, sizeof buf, e, cls), width);
	if (e->subject_name != NULL) {
		snprintf(buf, sizeof buf, "X.%d.XXX %s", e->subject, e->subject_name);
		put_field(out, "Subject", buf, width);
	}
	if (status_text(e) != NULL)
		put_field(out, "Status", status_text(e), width);
	put_field(out, "Description", e->description, width);
	put_field(out, "When you see it", e->when_seen, width);
	put_field(out, "How to fix", e->how_to_fix, width);
	put_field(out, "Who acts", smtpcode_actor_text(e->who_acts), width);
	put_field(out, "Retry", smtpcode_retry_text(smtpcode_retry_for(e, cls)), width);
	put_field(out, "References", join_list(buf, sizeof buf, e->references, e->reference_count),
		  width);
	if (e->related_count > 0)
		put_field(out, "Related", join_list(buf, sizeof buf, e->related, e->related_count),
			  width);
	if (e->kind == SMTPCODE_ENHANCED)
		put_field(out, "Basic codes", join_basic_codes(buf, sizeof buf, e), width);
}

void render_brief(FILE *out, const struct smtpcode_entry *e, const char *asked, int color,
		  int align, int width)
{
	int cls = asked_class(e, asked);
	char klass[32];

	if (e->kind == SMTPCODE_BASIC)
		snprintf(klass, sizeof klass, "%dxx", cls);
	else if (cls > 0)
		snprintf(klass, sizeof klass, "%d.XXX.XXX", cls);
	else
		snprintf(klass, sizeof klass, "X.XXX.XXX");
	put_colored(out, asked, cls, color);
	if (!align) {
		fprintf(out, " %s %s\n", klass, e->title);
		return;
	}
	/* aligned list lines wrap their title within the width */
	put_spaces(out, 10 - (int)strlen(asked));
	fprintf(out, " %-9s ", klass);
	out_wrapped(out, e->title, 21, width);
}

void md_text(FILE *out, const char *text)
{
	for (; *text != '\0'; text++) {
		if (strchr("\\`*_[]<>#|", *text) != NULL)
			fputc('\\', out);
		fputc(*text, out);
	}
}

void render_card_markdown(FILE *out, const struct smtpcode_entry *e, const char *asked,
			  int level)
{
	int cls = asked_class(e, asked);
	char buf[1024];

	fprintf(out, "%.*s %s: ", level, "######", asked);
	md_text(out, e->title);
	fprintf(out, "\n\n- **Class:** %s\n", format_class(buf, sizeof buf, e, cls));
	if (e->subject_name != NULL)
		fprintf(out, "- **Subject:** X.%d.XXX %s\n", e->subject, e->subject_name);
	if (status_text(e) != NULL)
		fprintf(out, "- **Status:** %s\n", status_text(e));
	fprintf(out, "- **Who acts:** %s\n", smtpcode_actor_text(e->who_acts));
	fprintf(out, "- **Retry:** %s\n", smtpcode_retry_text(smtpcode_retry_for(e, cls)));
	fprintf(out, "- **References:** %s\n",
		join_list(buf, sizeof buf, e->references, e->reference_count));
	if (e->related_count > 0)
		fprintf(out, "- **Related:** %s\n",
			join_list(buf, sizeof buf, e->related, e->related_count));
	if (e->kind == SMTPCODE_ENHANCED)
		fprintf(out, "- **Basic codes:** %s\n", join_basic_codes(buf, sizeof buf, e));
	fprintf(out, "\n%.*s Description\n\n", level + 1, "######");
	md_text(out, e->description);
	fprintf(out, "\n\n%.*s When you see it\n\n", level + 1, "######");
	md_text(out, e->when_seen);
	fprintf(out, "\n\n%.*s How to fix\n\n", level + 1, "######");
	md_text(out, e->how_to_fix);
	fputc('\n', out);
}
