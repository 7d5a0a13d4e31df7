/* text_out.c -- the text writer: cards, brief lines, the comparison table, explained replies,
 * wrapped to the terminal and coloured by class. */
#include <string.h>

#include "layout.h"
#include "writer.h"

#define COLUMN_GAP 3
#define MIN_TABLE_WIDTH 80 /* below this the two cards of a comparison follow each other */

static void label(const struct out *o, enum smtpcode_label l);

static const char *code_of(const struct smtpcode_reply *r, char *buf, size_t size)
{
	snprintf(buf, size, "%d", r->basic);
	return buf;
}

/* ---- one entry ------------------------------------------------------------------------ */

/* "Provider uses": what providers mean by the code asked, one line each; past USES_LISTED
 * of them, how many each provider has, so that a card for 550 stays a card. */
#define USES_LISTED 12
static void uses(const struct out *o, const char *asked)
{
	const struct smtpcode_provider_entry *u[512];
	size_t n = smtpcode_provider_uses(asked, u, 512), i, k, nproviders = 0;
	char line[1024];
	int len;

	if (n > 512)
		n = 512;
	if (n == 0)
		return;
	label(o, SMTPCODE_LABEL_PROVIDER_USES);
	if (n <= USES_LISTED) {
		for (i = 0; i < n; i++) {
			snprintf(line, sizeof line, "%s: %s", u[i]->id, u[i]->title);
			if (i > 0)
				put_spaces(o->fp, LABEL_WIDTH);
			out_wrapped(o->fp, line, LABEL_WIDTH, o->width);
		}
		return;
	}
	/* the uses come grouped by provider, in id order */
	for (i = 0; i < n; i = k, nproviders++)
		for (k = i; k < n && u[k]->provider == u[i]->provider;)
			k++;
	len = snprintf(line, sizeof line, "%zu entries of %zu providers:", n, nproviders);
	for (i = 0; i < n && len > 0 && (size_t)len < sizeof line; i = k) {
		for (k = i; k < n && u[k]->provider == u[i]->provider;)
			k++;
		len += snprintf(line + len, sizeof line - (size_t)len, "%s %s %zu",
				i == 0 ? "" : ",", u[i]->provider->id, k - i);
	}
	out_wrapped(o->fp, line, LABEL_WIDTH, o->width);
	put_spaces(o->fp, LABEL_WIDTH);
	snprintf(line, sizeof line, "smtpcode --json %s lists each, smtpcode --list PROVIDER a provider's entries", asked);
	out_wrapped(o->fp, line, LABEL_WIDTH, o->width);
}

/* A provider entry's card: its id and title (all of --brief), then what it means and what
 * to do. */
static void pentry(const struct out *o, const struct smtpcode_provider_entry *e)
{
	char buf[1024];
	int indent = (int)strlen(e->id) + 2;

	fputs(e->id, o->fp);
	if (indent + MIN_ROOM > o->width) { /* the title under a long id, which is never cut */
		fputc('\n', o->fp);
		indent = 2;
	}
	put_spaces(o->fp, 2);
	out_wrapped(o->fp, e->title, indent, o->width);
	if (o->brief)
		return;
	fputc('\n', o->fp);
	put_field(o->fp, SMTPCODE_LABEL_PROVIDER, e->provider->name, o->width);
	if (e->codes != NULL || e->range != NULL) {
		snprintf(buf, sizeof buf, "%s%s%s", e->codes != NULL ? e->codes : "",
			 e->codes != NULL && e->range != NULL ? ", " : "",
			 e->range != NULL ? e->range : "");
		put_field(o->fp, SMTPCODE_LABEL_REPLY_CODE, buf, o->width);
	}
	put_field(o->fp, SMTPCODE_LABEL_IN_SHORT, e->summary, o->width);
	put_field(o->fp, SMTPCODE_LABEL_MEANING, e->meaning, o->width);
	put_field(o->fp, SMTPCODE_LABEL_HOW_TO_FIX, e->how_to_fix, o->width);
	put_field(o->fp, SMTPCODE_LABEL_WHO_ACTS, smtpcode_actor_text(e->who_acts), o->width);
	put_field(o->fp, SMTPCODE_LABEL_RETRY, smtpcode_retry_text(e->retry), o->width);
	snprintf(buf, sizeof buf, "%s (%s, %s)", e->source, smtpcode_documented_text(e->documented),
		 e->verified);
	put_field(o->fp, SMTPCODE_LABEL_SOURCE, buf, o->width);
}

/* The providers, one line each; or one provider's entries. */
static void providers(const struct out *o, const struct smtpcode_provider *p)
{
	const struct smtpcode_provider_entry *e;
	size_t i;

	if (p == NULL) {
		for (i = 0; i < smtpcode_provider_count(); i++) {
			const struct smtpcode_provider *q = smtpcode_provider_at(i);

			fprintf(o->fp, "%-13s %4zu %s  ", q->id, q->entry_count, q->verified);
			out_wrapped(o->fp, q->name, 31, o->width);
		}
		return;
	}
	for (i = 0; (e = smtpcode_provider_entry_at(p, i)) != NULL; i++) {
		if (strlen(e->id) > 28) { /* a longer id on a line of its own, whole */
			fprintf(o->fp, "%s\n", e->id);
			put_spaces(o->fp, 29);
		} else {
			fprintf(o->fp, "%-28s ", e->id);
		}
		out_wrapped(o->fp, e->title, 29, o->width);
	}
}

static void card(const struct out *o, const struct smtpcode_entry *e, const char *asked)
{
	int cls = smtpcode_asked_class(e, asked);
	char buf[4096];

	put_colored(o->fp, asked, cls, o->color);
	fputs("  ", o->fp);
	out_wrapped(o->fp, e->title, (int)strlen(asked) + 2, o->width);
	fputc('\n', o->fp);
	put_field(o->fp, SMTPCODE_LABEL_CLASS, class_label(e, cls, 1, buf, sizeof buf), o->width);
	if (smtpcode_subject_label(e, buf, sizeof buf) >= 0)
		put_field(o->fp, SMTPCODE_LABEL_SUBJECT, buf, o->width);
	if (e->status != SMTPCODE_STANDARD)
		put_field(o->fp, SMTPCODE_LABEL_STATUS, smtpcode_status_text(e->status), o->width);
	put_field(o->fp, SMTPCODE_LABEL_DESCRIPTION, e->description, o->width);
	put_field(o->fp, SMTPCODE_LABEL_WHEN_SEEN, e->when_seen, o->width);
	put_field(o->fp, SMTPCODE_LABEL_HOW_TO_FIX, e->how_to_fix, o->width);
	put_field(o->fp, SMTPCODE_LABEL_WHO_ACTS, smtpcode_actor_text(e->who_acts), o->width);
	put_field(o->fp, SMTPCODE_LABEL_RETRY, smtpcode_retry_text(smtpcode_retry_for(e, cls)),
		  o->width);
	put_field(o->fp, SMTPCODE_LABEL_REFERENCES,
		  joined(e, SMTPCODE_LABEL_REFERENCES, buf, sizeof buf), o->width);
	if (e->related_count > 0)
		put_field(o->fp, SMTPCODE_LABEL_RELATED,
			  joined(e, SMTPCODE_LABEL_RELATED, buf, sizeof buf), o->width);
	if (e->kind == SMTPCODE_ENHANCED)
		put_field(o->fp, SMTPCODE_LABEL_BASIC_CODES,
			  joined(e, SMTPCODE_LABEL_BASIC_CODES, buf, sizeof buf), o->width);
}

/* "535 5xx Authentication credentials invalid"; aligned in columns, with the title wrapped
 * within the width, for lists. */
static void brief(const struct out *o, const struct smtpcode_entry *e, const char *asked,
		  int align)
{
	int cls = smtpcode_asked_class(e, asked);
	char klass[32];

	class_label(e, cls, 0, klass, sizeof klass);
	put_colored(o->fp, asked, cls, o->color);
	if (!align) {
		fprintf(o->fp, " %s %s\n", klass, e->title);
		return;
	}
	put_spaces(o->fp, 10 - (int)strlen(asked));
	fprintf(o->fp, " %-9s ", klass);
	out_wrapped(o->fp, e->title, 21, o->width);
}

static void one_code(const struct out *o, const char *asked,
		     const struct smtpcode_resolution *r)
{
	const struct smtpcode_entry *e = smtpcode_resolved_entry(r);
	char subject[32];

	if (o->brief) {
		brief(o, e, asked, 0);
		return;
	}
	if (r->note == SMTPCODE_NOTE_NONE) {
		card(o, e, asked);
		uses(o, asked);
		return;
	}
	/* not registered itself: the note, then its class and its subject in the asked class */
	fprintf(o->fp, "%s  ", asked);
	out_wrapped(o->fp, smtpcode_note_text(r->note), (int)strlen(asked) + 2, o->width);
	fputc('\n', o->fp);
	if (r->class_entry != NULL) {
		card(o, r->class_entry, r->class_entry->code);
		fputc('\n', o->fp);
	}
	card(o, e, code_in_class(e, r->reply_class, subject, sizeof subject));
	uses(o, asked);
}

static void list(const struct out *o, const struct smtpcode_entry *const *entries, size_t n,
		 char shown_class)
{
	char asked[SMTPCODE_CODE_MAX + 1];
	size_t i;

	for (i = 0; i < n; i++)
		brief(o, entries[i],
		      code_in_class(entries[i], shown_class ? shown_class - '0' : 0, asked,
				    sizeof asked), 1);
}

/* ---- two codes -------------------------------------------------------------------------- */

/* One row of the table: the label, then both texts wrapped into their columns in step. */
static void row(const struct out *o, const char *label, const char *a, const char *b,
		size_t cw)
{
	const char *la = NULL, *lb = NULL;
	size_t na, nb, ca, cb;
	int first = 1;

	for (;;) {
		na = wrap_next(&a, cw, &la, &ca);
		nb = wrap_next(&b, cw, &lb, &cb);
		if (na == 0 && nb == 0 && !first)
			break;
		if (first)
			fprintf(o->fp, "  %-*s", LABEL_WIDTH - 2, label);
		else
			put_spaces(o->fp, LABEL_WIDTH);
		if (na > 0)
			fwrite(la, 1, na, o->fp);
		if (nb > 0) {
			put_spaces(o->fp, (int)(cw - ca) + COLUMN_GAP);
			fwrite(lb, 1, nb, o->fp);
		}
		fputc('\n', o->fp);
		first = 0;
	}
}

static void table(const struct out *o, const struct smtpcode_comparison *c)
{
	size_t cw = (size_t)(o->width - LABEL_WIDTH - COLUMN_GAP) / 2;
	char ca[128], cb[128];

	row(o, "", c->code_a, c->code_b, cw);
	row(o, smtpcode_label(SMTPCODE_LABEL_CLASS), class_label(c->a, c->class_a, 1, ca, sizeof ca),
	    class_label(c->b, c->class_b, 1, cb, sizeof cb), cw);
	row(o, smtpcode_label(SMTPCODE_LABEL_TITLE), c->a->title, c->b->title, cw);
	fputc('\n', o->fp);
	row(o, smtpcode_label(SMTPCODE_LABEL_DESCRIPTION), c->a->description, c->b->description,
	    cw);
	fputc('\n', o->fp);
	row(o, smtpcode_label(SMTPCODE_LABEL_WHEN_SEEN), c->a->when_seen, c->b->when_seen, cw);
	fputc('\n', o->fp);
	row(o, smtpcode_label(SMTPCODE_LABEL_HOW_TO_FIX), c->a->how_to_fix, c->b->how_to_fix, cw);
	fputc('\n', o->fp);
	row(o, smtpcode_label(SMTPCODE_LABEL_WHO_ACTS), smtpcode_actor_text(c->a->who_acts),
	    smtpcode_actor_text(c->b->who_acts), cw);
	row(o, smtpcode_label(SMTPCODE_LABEL_RETRY),
	    smtpcode_retry_text(smtpcode_retry_for(c->a, c->class_a)),
	    smtpcode_retry_text(smtpcode_retry_for(c->b, c->class_b)), cw);
}

/* For a code that is not registered itself, what its column shows instead. */
static void notes(const struct out *o, const struct smtpcode_comparison *c)
{
	if (c->note_a != SMTPCODE_NOTE_NONE) {
		fprintf(o->fp, "  %s: ", c->code_a);
		out_wrapped(o->fp, smtpcode_note_text(c->note_a), (int)strlen(c->code_a) + 4,
			    o->width);
	}
	if (c->note_b != SMTPCODE_NOTE_NONE) {
		fprintf(o->fp, "  %s: ", c->code_b);
		out_wrapped(o->fp, smtpcode_note_text(c->note_b), (int)strlen(c->code_b) + 4,
			    o->width);
	}
	if (c->note_a != SMTPCODE_NOTE_NONE || c->note_b != SMTPCODE_NOTE_NONE)
		fputc('\n', o->fp);
}

static void advice(const struct out *o, const struct smtpcode_entry *e, int cls,
		   const char *asked, int indent)
{
	char buf[2048];

	smtpcode_advice(e, cls, buf, sizeof buf);
	fprintf(o->fp, "  %-*s", indent - 2, asked);
	out_wrapped(o->fp, buf, indent, o->width);
}

/* A pair's hand-written note, which a comparison leads with: what separates them, how to
 * tell, what to do differently. */
static void note_block(const struct out *o, const struct smtpcode_pair_note *n)
{
	if (n == NULL)
		return;
	fprintf(o->fp, "%s\n\n  ", smtpcode_label(SMTPCODE_LABEL_SEPARATES));
	out_wrapped(o->fp, n->separates, 2, o->width);
	fprintf(o->fp, "\n%s\n\n  ", smtpcode_label(SMTPCODE_LABEL_HOW_TO_TELL));
	out_wrapped(o->fp, n->how_to_tell, 2, o->width);
	fprintf(o->fp, "\n%s\n\n  ", smtpcode_label(SMTPCODE_LABEL_WHAT_TO_DO_DIFFERENTLY));
	out_wrapped(o->fp, n->what_to_do, 2, o->width);
	fputc('\n', o->fp);
}

static void compare(const struct out *o, const struct smtpcode_comparison *c)
{
	char buf[2048];
	size_t i, la = strlen(c->code_a), lb = strlen(c->code_b);
	int indent;

	put_colored(o->fp, c->code_a, c->class_a, o->color);
	fprintf(o->fp, " %s ", smtpcode_label(SMTPCODE_LABEL_VERSUS));
	put_colored(o->fp, c->code_b, c->class_b, o->color);
	fputs("\n\n", o->fp);
	notes(o, c);
	note_block(o, c->note);
	if (o->width >= MIN_TABLE_WIDTH) {
		table(o, c);
	} else {
		card(o, c->a, c->code_a);
		fputc('\n', o->fp);
		card(o, c->b, c->code_b);
	}
	fprintf(o->fp, "\n%s\n\n", smtpcode_label(SMTPCODE_LABEL_KEY_DIFFERENCES));
	for (i = 0; i < c->count; i++) {
		indent = fprintf(o->fp, "  %zu. ", i + 1);
		smtpcode_difference_text(c, i, buf, sizeof buf);
		out_wrapped(o->fp, buf, indent, o->width);
	}
	fprintf(o->fp, "\n%s\n\n", smtpcode_label(SMTPCODE_LABEL_WHAT_TO_DO));
	indent = (int)(la > lb ? la : lb) + 4;
	advice(o, c->a, c->class_a, c->code_a, indent);
	if (c->a != c->b || c->class_a != c->class_b)
		advice(o, c->b, c->class_b, c->code_b, indent);
}

/* ---- a reply ------------------------------------------------------------------------------ */

static void label(const struct out *o, enum smtpcode_label l)
{
	fprintf(o->fp, "  %-*s", LABEL_WIDTH - 2, smtpcode_label(l));
}

static void explain(const struct out *o, const char *text, size_t len,
		    const struct smtpcode_reply *r)
{
	const struct smtpcode_entry *basic, *enhanced;
	struct smtpcode_provider_match m;
	unsigned warnings;
	char buf[1024], message[1024], code[16], asked[32];

	reply_cards(r, &basic, &enhanced, asked, sizeof asked);
	label(o, SMTPCODE_LABEL_REPLY_CODE);
	if (r->basic >= 0) {
		snprintf(code, sizeof code, "%d", r->basic);
		put_colored(o->fp, code, r->basic / 100, o->color);
	} else {
		fputs(smtpcode_label(SMTPCODE_LABEL_NONE_FOUND), o->fp);
	}
	fputc('\n', o->fp);
	label(o, SMTPCODE_LABEL_ENHANCED_CODE);
	if (r->enhanced[0] != '\0')
		put_colored(o->fp, r->enhanced, r->enhanced_code.reply_class, o->color);
	else
		fputs(smtpcode_label(SMTPCODE_LABEL_NONE), o->fp);
	fputc('\n', o->fp);
	if (r->stage != SMTPCODE_STAGE_UNKNOWN) {
		label(o, SMTPCODE_LABEL_IN_REPLY_TO);
		fprintf(o->fp, "%s\n", smtpcode_stage_name(r->stage));
	}
	if (r->status[0] != '\0') {
		label(o, SMTPCODE_LABEL_MTA_STATUS);
		fprintf(o->fp, "%s\n", r->status);
	}
	if (remote_server(text, r, buf, sizeof buf) != NULL) {
		label(o, SMTPCODE_LABEL_REMOTE_SERVER);
		out_wrapped(o->fp, buf, LABEL_WIDTH, o->width);
	}
	if (r->text_length > 0 || r->lines > 1) {
		label(o, SMTPCODE_LABEL_SERVER_SAID);
		out_wrapped(o->fp, reply_text(text, len, r, buf, sizeof buf), LABEL_WIDTH, o->width);
	}
	if (explain_message(text, len, o->hints, message, sizeof message) != NULL) {
		label(o, SMTPCODE_LABEL_IN_SHORT);
		out_wrapped(o->fp, message, LABEL_WIDTH, o->width);
	}
	provider_of(text, len, r, o->hints, &m);
	if (provider_line(&m, buf, sizeof buf) != NULL) {
		label(o, SMTPCODE_LABEL_PROVIDER);
		out_wrapped(o->fp, buf, LABEL_WIDTH, o->width);
	}
	/* codes alone ("550 5.7.1"): what the providers mean by them */
	if (m.provider == NULL && r->text_length == 0 && r->lines <= 1)
		uses(o, r->enhanced[0] != '\0' ? r->enhanced : code_of(r, code, sizeof code));
	if (m.entry != NULL) {
		snprintf(buf, sizeof buf, "%s; %s, %s", m.entry->id,
			 smtpcode_documented_text(m.entry->documented), m.entry->verified);
		put_field(o->fp, SMTPCODE_LABEL_PROVIDER_ENTRY, buf, o->width);
		put_field(o->fp, SMTPCODE_LABEL_MEANING, m.entry->meaning, o->width);
		put_field(o->fp, SMTPCODE_LABEL_WHAT_TO_DO, m.entry->how_to_fix, o->width);
		put_field(o->fp, SMTPCODE_LABEL_SOURCE, m.entry->source, o->width);
	}
	warnings = smtpcode_reply_warnings(r, &m); /* once, not per bit the macro tests */
#define WARNING_(name, token, value) \
	if (warnings & SMTPCODE_WARN_##name) { \
		label(o, SMTPCODE_LABEL_WARNING); \
		out_wrapped(o->fp, smtpcode_warning_text(SMTPCODE_WARN_##name), LABEL_WIDTH, \
			    o->width); \
	}
	SMTPCODE_WARNING_LIST(WARNING_, WARNING_)
#undef WARNING_
	if (basic != NULL) {
		fputc('\n', o->fp);
		card(o, basic, code);
	}
	if (enhanced != NULL) {
		fputc('\n', o->fp);
		card(o, enhanced, asked);
	}
}

/* ---- the document ------------------------------------------------------------------------ */

static void begin(const struct out *o)
{
	(void)o;
}

static void between(const struct out *o)
{
	if (!o->brief)
		fputc('\n', o->fp);
}

static void end(const struct out *o, size_t shown)
{
	(void)o;
	(void)shown;
}

/* Two replies: the note of their codes, each reply's one-line explanation, the differences. */
static void replies(const struct out *o, const char *a, size_t len_a, const char *b,
		    size_t len_b)
{
	struct smtpcode_reply ra = { .size = sizeof ra }, rb = { .size = sizeof rb };
	char ca[32], cb[32], buf[2048];
	size_t i, la, lb;
	int indent;

	smtpcode_parse_reply(a, len_a, &ra);
	smtpcode_parse_reply(b, len_b, &rb);
	smtpcode_reply_codes(&ra, ca, sizeof ca);
	smtpcode_reply_codes(&rb, cb, sizeof cb);
	put_colored(o->fp, ca, ra.basic >= 0 ? ra.basic / 100 : ra.enhanced_code.reply_class,
		    o->color);
	fprintf(o->fp, " %s ", smtpcode_label(SMTPCODE_LABEL_VERSUS));
	put_colored(o->fp, cb, rb.basic >= 0 ? rb.basic / 100 : rb.enhanced_code.reply_class,
		    o->color);
	fputs("\n\n", o->fp);
	note_block(o, smtpcode_reply_pair_note(a, len_a, b, len_b));
	la = strlen(ca);
	lb = strlen(cb);
	indent = (int)(la > lb ? la : lb) + 4;
	fprintf(o->fp, "  %-*s", indent - 2, ca);
	out_wrapped(o->fp, explain_message(a, len_a, o->hints, buf, sizeof buf), indent, o->width);
	fprintf(o->fp, "  %-*s", indent - 2, cb);
	out_wrapped(o->fp, explain_message(b, len_b, o->hints, buf, sizeof buf), indent, o->width);
	fprintf(o->fp, "\n%s\n\n", smtpcode_label(SMTPCODE_LABEL_KEY_DIFFERENCES));
	for (i = 0; smtpcode_reply_difference(a, len_a, b, len_b, o->hints, i, buf, sizeof buf) >= 0;
	     i++) {
		indent = fprintf(o->fp, "  %zu. ", i + 1);
		out_wrapped(o->fp, buf, indent, o->width);
	}
}

const struct writer text_writer = { begin,   between, end,	   one_code,
				    compare, explain, list,	   0,
				    pentry,  providers, replies };
