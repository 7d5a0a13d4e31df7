/* markdown_out.c -- the markdown writer: a card as a section, a comparison as a page ready to
 * publish, an explained reply. Lists and brief lines are the text writer's. */
#include <string.h>

#include "writer.h"

/* Writes text with markdown's special characters escaped. */
static void md_text(FILE *out, const char *text)
{
	for (; *text != '\0'; text++) {
		if (strchr("\\`*_[]<>#|", *text) != NULL)
			fputc('\\', out);
		fputc(*text, out);
	}
}

static void heading(FILE *out, int level)
{
	fprintf(out, "%.*s ", level, "######");
}

/* "- **Label:** text" */
static void item(FILE *out, enum smtpcode_label label, const char *text)
{
	fprintf(out, "- **%s:** %s\n", smtpcode_label(label), text);
}

/* A sub-heading and its prose. */
static void section(FILE *out, int level, enum smtpcode_label label, const char *text)
{
	fputc('\n', out);
	heading(out, level);
	fprintf(out, "%s\n\n", smtpcode_label(label));
	md_text(out, text);
	fputc('\n', out);
}

/* One entry as a section whose heading has the given level (1-5). */
static void card(FILE *out, const struct smtpcode_entry *e, const char *asked, int level)
{
	int cls = smtpcode_asked_class(e, asked);

	heading(out, level);
	fprintf(out, "%s: ", asked);
	md_text(out, e->title);
	fputs("\n\n", out);
	card_fields(e, cls, item, out);
	section(out, level + 1, SMTPCODE_LABEL_DESCRIPTION, e->description);
	section(out, level + 1, SMTPCODE_LABEL_WHEN_SEEN, e->when_seen);
	section(out, level + 1, SMTPCODE_LABEL_HOW_TO_FIX, e->how_to_fix);
}

static void one_code(const struct out *o, const char *asked,
		     const struct smtpcode_resolution *r)
{
	const struct smtpcode_entry *e = smtpcode_resolved_entry(r);
	char subject[32];

	if (r->note == SMTPCODE_NOTE_NONE) {
		card(o->fp, e, asked, 1);
		return;
	}
	/* not registered itself: the note, then its class and its subject in the asked class */
	fprintf(o->fp, "# %s\n\n", asked);
	md_text(o->fp, smtpcode_note_text(r->note));
	fputs("\n\n", o->fp);
	if (r->class_entry != NULL) {
		card(o->fp, r->class_entry, r->class_entry->code, 2);
		fputc('\n', o->fp);
	}
	card(o->fp, e, code_in_class(e, r->reply_class, subject, sizeof subject), 2);
}

/* "- **235** (title): when you see it. What to do: ..." */
static void use(FILE *out, const struct smtpcode_entry *e, const char *asked, int cls)
{
	char buf[2048];

	fprintf(out, "- **%s** (", asked);
	md_text(out, e->title);
	fputs("): ", out);
	smtpcode_first_sentence(e->when_seen, buf, sizeof buf);
	md_text(out, buf);
	fprintf(out, " %s: ", smtpcode_label(SMTPCODE_LABEL_WHAT_TO_DO));
	smtpcode_advice(e, cls, buf, sizeof buf);
	md_text(out, buf);
	fputc('\n', out);
}

/* " 235 (title): first sentence of the description." */
static void summary(FILE *out, const struct smtpcode_entry *e, const char *asked)
{
	char buf[2048];

	smtpcode_first_sentence(e->description, buf, sizeof buf);
	fprintf(out, " %s (", asked);
	md_text(out, e->title);
	fputs("): ", out);
	md_text(out, buf);
}

static void compare(const struct out *o, const struct smtpcode_comparison *c)
{
	char buf[2048];
	size_t i;

	fprintf(o->fp, "# %s %s %s %s\n\n", smtpcode_label(SMTPCODE_LABEL_SMTP), c->code_a,
		smtpcode_label(SMTPCODE_LABEL_VERSUS), c->code_b);
	if (c->note != NULL) {
		/* the hand-written note leads: the sentence that separates them */
		md_text(o->fp, c->note->separates);
		fprintf(o->fp, "\n\n## %s\n\n", smtpcode_label(SMTPCODE_LABEL_HOW_TO_TELL));
		md_text(o->fp, c->note->how_to_tell);
	} else {
		smtpcode_difference_text(c, 0, buf, sizeof buf);
		md_text(o->fp, buf);
		if (c->a != c->b) {
			summary(o->fp, c->a, c->code_a);
			summary(o->fp, c->b, c->code_b);
		}
	}
	fputs("\n\n", o->fp);
	card(o->fp, c->a, c->code_a, 2);
	if (c->a != c->b) {
		fputc('\n', o->fp);
		card(o->fp, c->b, c->code_b, 2);
	}
	fprintf(o->fp, "\n## %s\n\n", smtpcode_label(SMTPCODE_LABEL_KEY_DIFFERENCES));
	for (i = 0; i < c->count; i++) {
		fprintf(o->fp, "%zu. ", i + 1);
		smtpcode_difference_text(c, i, buf, sizeof buf);
		md_text(o->fp, buf);
		fputc('\n', o->fp);
	}
	fprintf(o->fp, "\n## %s\n\n", smtpcode_label(SMTPCODE_LABEL_WHEN_TO_USE_WHICH));
	if (c->note != NULL) {
		md_text(o->fp, c->note->what_to_do);
		fputs("\n\n", o->fp);
	}
	use(o->fp, c->a, c->code_a, c->class_a);
	if (c->a != c->b || c->class_a != c->class_b)
		use(o->fp, c->b, c->code_b, c->class_b);
}

static void explain(const struct out *o, const char *text, size_t len,
		    const struct smtpcode_reply *r)
{
	const struct smtpcode_entry *basic, *enhanced;
	struct smtpcode_provider_match m;
	unsigned warnings;
	char buf[1024], code[16] = "", asked[32];

	reply_cards(r, &basic, &enhanced, asked, sizeof asked);
	if (r->basic >= 0)
		snprintf(code, sizeof code, "%d", r->basic);
	fprintf(o->fp, "# %s %s%s%s\n\n", smtpcode_label(SMTPCODE_LABEL_SMTP_REPLY), code,
		code[0] && r->enhanced[0] ? " " : "", r->enhanced);
	if (explain_message(text, len, o->hints, buf, sizeof buf) != NULL) {
		md_text(o->fp, buf);
		fputs("\n\n", o->fp);
	}
	if (r->stage != SMTPCODE_STAGE_UNKNOWN)
		item(o->fp, SMTPCODE_LABEL_IN_REPLY_TO, smtpcode_stage_name(r->stage));
	provider_of(text, len, r, o->hints, &m);
	if (provider_line(&m, buf, sizeof buf) != NULL) {
		fprintf(o->fp, "- **%s:** ", smtpcode_label(SMTPCODE_LABEL_PROVIDER));
		md_text(o->fp, buf);
		fputc('\n', o->fp);
	}
	if (m.entry != NULL) {
		item(o->fp, SMTPCODE_LABEL_PROVIDER_ENTRY, m.entry->id);
		item(o->fp, SMTPCODE_LABEL_MEANING, m.entry->meaning);
		item(o->fp, SMTPCODE_LABEL_WHAT_TO_DO, m.entry->how_to_fix);
		item(o->fp, SMTPCODE_LABEL_SOURCE, m.entry->source);
	}
	if (r->status[0] != '\0')
		item(o->fp, SMTPCODE_LABEL_MTA_STATUS, r->status);
	if (remote_server(text, r, buf, sizeof buf) != NULL) {
		fprintf(o->fp, "- **%s:** ", smtpcode_label(SMTPCODE_LABEL_REMOTE_SERVER));
		md_text(o->fp, buf);
		fputc('\n', o->fp);
	}
	if (r->text_length > 0 || r->lines > 1) {
		fprintf(o->fp, "- **%s:** ", smtpcode_label(SMTPCODE_LABEL_SERVER_SAID));
		md_text(o->fp, reply_text(text, len, r, buf, sizeof buf));
		fputc('\n', o->fp);
	}
	warnings = smtpcode_reply_warnings(r, &m); /* once, not per bit the macro tests */
#define WARNING_(name, token, value) \
	if (warnings & SMTPCODE_WARN_##name) { \
		fprintf(o->fp, "- **%s:** ", smtpcode_label(SMTPCODE_LABEL_WARNING)); \
		md_text(o->fp, smtpcode_warning_text(SMTPCODE_WARN_##name)); \
		fputc('\n', o->fp); \
	}
	SMTPCODE_WARNING_LIST(WARNING_, WARNING_)
#undef WARNING_
	if (basic != NULL) {
		fputc('\n', o->fp);
		card(o->fp, basic, code, 2);
	}
	if (enhanced != NULL) {
		fputc('\n', o->fp);
		card(o->fp, enhanced, asked, 2);
	}
}

static void begin(const struct out *o)
{
	(void)o;
}

static void between(const struct out *o)
{
	fputc('\n', o->fp);
}

static void end(const struct out *o, size_t shown)
{
	(void)o;
	(void)shown;
}

static void list(const struct out *o, const struct smtpcode_entry *const *entries, size_t n,
		 char shown_class)
{
	text_writer.list(o, entries, n, shown_class);
}

/* A provider entry, as a section of the page. */
static void pentry(const struct out *o, const struct smtpcode_provider_entry *e)
{
	fprintf(o->fp, "## %s: ", e->id);
	md_text(o->fp, e->title);
	fputs("\n\n", o->fp);
	md_text(o->fp, e->summary);
	fputs("\n\n", o->fp);
	item(o->fp, SMTPCODE_LABEL_PROVIDER, e->provider->name);
	item(o->fp, SMTPCODE_LABEL_MEANING, e->meaning);
	item(o->fp, SMTPCODE_LABEL_HOW_TO_FIX, e->how_to_fix);
	item(o->fp, SMTPCODE_LABEL_SOURCE, e->source);
}

static void providers(const struct out *o, const struct smtpcode_provider *p)
{
	const struct smtpcode_provider_entry *e;
	size_t i;

	fprintf(o->fp, "# %s\n\n", p != NULL ? p->name : smtpcode_label(SMTPCODE_LABEL_PROVIDERS));
	for (i = 0; p == NULL && i < smtpcode_provider_count(); i++) {
		fprintf(o->fp, "- **%s:** ", smtpcode_provider_at(i)->id);
		md_text(o->fp, smtpcode_provider_at(i)->name);
		fputc('\n', o->fp);
	}
	for (i = 0; p != NULL && (e = smtpcode_provider_entry_at(p, i)) != NULL; i++) {
		fprintf(o->fp, "- **%s:** ", e->id);
		md_text(o->fp, e->title);
		fputc('\n', o->fp);
	}
}

/* Two replies, as a page: the separating sentence, how to tell, each reply explained, the
 * differences, what to do differently. */
static void replies(const struct out *o, const char *a, size_t len_a, const char *b,
		    size_t len_b)
{
	struct smtpcode_reply ra = { .size = sizeof ra }, rb = { .size = sizeof rb };
	const struct smtpcode_pair_note *n = smtpcode_reply_pair_note(a, len_a, b, len_b);
	char ca[32], cb[32], buf[2048];
	size_t i;

	smtpcode_parse_reply(a, len_a, &ra);
	smtpcode_parse_reply(b, len_b, &rb);
	smtpcode_reply_codes(&ra, ca, sizeof ca);
	smtpcode_reply_codes(&rb, cb, sizeof cb);
	fprintf(o->fp, "# %s %s %s %s\n\n", smtpcode_label(SMTPCODE_LABEL_SMTP), ca,
		smtpcode_label(SMTPCODE_LABEL_VERSUS), cb);
	if (n != NULL) {
		md_text(o->fp, n->separates);
		fprintf(o->fp, "\n\n## %s\n\n", smtpcode_label(SMTPCODE_LABEL_HOW_TO_TELL));
		md_text(o->fp, n->how_to_tell);
		fputs("\n\n", o->fp);
	}
	fprintf(o->fp, "- **%s**: ", ca);
	md_text(o->fp, explain_message(a, len_a, o->hints, buf, sizeof buf));
	fprintf(o->fp, "\n- **%s**: ", cb);
	md_text(o->fp, explain_message(b, len_b, o->hints, buf, sizeof buf));
	fprintf(o->fp, "\n\n## %s\n\n", smtpcode_label(SMTPCODE_LABEL_KEY_DIFFERENCES));
	for (i = 0; smtpcode_reply_difference(a, len_a, b, len_b, o->hints, i, buf, sizeof buf) >= 0;
	     i++) {
		fprintf(o->fp, "%zu. ", i + 1);
		md_text(o->fp, buf);
		fputc('\n', o->fp);
	}
	if (n != NULL) {
		fprintf(o->fp, "\n## %s\n\n", smtpcode_label(SMTPCODE_LABEL_WHAT_TO_DO_DIFFERENTLY));
		md_text(o->fp, n->what_to_do);
		fputc('\n', o->fp);
	}
}

const struct writer markdown_writer = { begin,	 between, end,	one_code, compare,
					explain, list,	  0,	pentry,	  providers, replies };
