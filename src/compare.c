/* compare.c -- two codes side by side: the key differences as data and as sentences. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "smtpcode.h"
#include "util.h"

/* One side of a comparison: the code as asked, its entry and the class it was met in. */
struct side {
	const char *code;
	const struct smtpcode_entry *e;
	int cls;
};

size_t smtpcode_first_sentence(const char *text, char *buf, size_t size)
{
	size_t n = 0, copy;

	if (text == NULL)
		text = "";
	for (; text[n] != '\0'; n++) {
		if ((text[n] != '.' && text[n] != '?' && text[n] != '!') ||
		    (text[n + 1] != ' ' && text[n + 1] != '\0'))
			continue;
		/* "e.g." and "i.e." do not end a sentence */
		if (n >= 3 && (strncmp(text + n - 3, "e.g", 3) == 0 ||
			       strncmp(text + n - 3, "i.e", 3) == 0))
			continue;
		n++;
		break;
	}
	if (size > 0) {
		copy = n < size - 1 ? n : size - 1;
		memcpy(buf, text, copy);
		buf[copy] = '\0';
	}
	return n;
}

/* Appends formatted text to a difference, truncating at its buffer. */
static void add_text(struct smtpcode_difference *d, const char *fmt, ...) PRINTF_LIKE(2, 3);

static void add_text(struct smtpcode_difference *d, const char *fmt, ...)
{
	size_t used = strlen(d->text);
	va_list ap;

	if (used + 1 >= sizeof d->text)
		return;
	va_start(ap, fmt);
	vsnprintf(d->text + used, sizeof d->text - used, fmt, ap);
	va_end(ap);
}

static struct smtpcode_difference *add_difference(struct smtpcode_comparison *c,
						  enum smtpcode_aspect aspect, int same)
{
	struct smtpcode_difference *d = &c->differences[c->count++];

	d->aspect = aspect;
	d->same = same;
	d->text[0] = '\0';
	return d;
}

/* What a class means for the client, in a few words. */
static const char *class_gloss(int cls)
{
	switch (cls) {
	case 2:
		return "the request succeeded";
	case 3:
		return "the server is waiting for more input";
	case 4:
		return "a temporary failure, so the same request may succeed later";
	case 5:
		return "a permanent failure, so repeating the request unchanged fails again";
	default:
		return "valid in any class";
	}
}

/* "a 5xx Permanent Negative Completion reply (a permanent failure, ...)", "an enhanced status
 * code of class 5 (Permanent Failure: a permanent failure, ...)"; plural forms for "Both ...
 * are ...". The gloss, when asked for, says what the class means for the client. */
static void describe_class(struct smtpcode_difference *d, const struct side *s, int plural,
			   int gloss)
{
	const char *name = smtpcode_class_name(s->e->kind, s->cls);

	if (name == NULL) {
		add_text(d, plural ? "enhanced status codes valid in any class"
				   : "an enhanced status code valid in any class");
		return;
	}
	if (s->e->kind == SMTPCODE_BASIC)
		add_text(d, plural ? "%dxx %s replies" : "a %dxx %s reply", s->cls, name);
	else
		add_text(d, plural ? "enhanced status codes of class %d (%s" :
				     "an enhanced status code of class %d (%s", s->cls, name);
	if (gloss)
		add_text(d, s->e->kind == SMTPCODE_BASIC ? " (%s)" : ": %s", class_gloss(s->cls));
	if (s->e->kind != SMTPCODE_BASIC)
		add_text(d, ")");
}

static void compare_class(struct smtpcode_comparison *c, const struct side *a,
			  const struct side *b)
{
	int same = a->cls == b->cls;
	struct smtpcode_difference *d = add_difference(c, SMTPCODE_ASPECT_CLASS, same);

	if (same && a->e->kind == b->e->kind) {
		add_text(d, "Both %s and %s are ", a->code, b->code);
		describe_class(d, a, 1, 1);
		add_text(d, ".");
		return;
	}
	add_text(d, "%s is ", a->code);
	describe_class(d, a, 0, !same);
	add_text(d, same ? " and %s is " : ", while %s is ", b->code);
	describe_class(d, b, 0, !same);
	if (same && a->cls != 0)
		add_text(d, "; both mean %s.", class_gloss(a->cls));
	else
		add_text(d, ".");
}

static int lists_basic(const struct smtpcode_entry *enhanced, int basic)
{
	size_t i;

	for (i = 0; i < enhanced->basic_code_count; i++)
		if (enhanced->basic_codes[i] == basic)
			return 1;
	return 0;
}

/* A basic code and an enhanced code: what each kind is, and whether the registry pairs them. */
static void compare_kind(struct smtpcode_comparison *c, const struct side *a,
			 const struct side *b)
{
	const struct side *basic = a->e->kind == SMTPCODE_BASIC ? a : b;
	const struct side *enh = basic == a ? b : a;
	struct smtpcode_difference *d = add_difference(c, SMTPCODE_ASPECT_KIND, 0);
	int paired, number = (basic->code[0] - '0') * 100 + (basic->code[1] - '0') * 10 +
			     (basic->code[2] - '0');
	size_t i;

	add_text(d, "%s is a basic reply code (RFC 5321), the number every reply starts with; "
		 "%s is an enhanced status code (RFC 3463) that a server adds after it to say "
		 "more precisely what happened.", basic->code, enh->code);
	if (enh->e->basic_code_count == 0 || enh->e->subject < 0 || enh->e->detail < 0)
		return;
	paired = lists_basic(enh->e, number);
	d = add_difference(c, SMTPCODE_ASPECT_PAIRING, paired);
	if (paired) {
		add_text(d, "The IANA registry lists %s among the reply codes used with %s, so "
			 "\"%s %s\" is an expected pair.", basic->code, enh->e->code, basic->code,
			 enh->code);
		return;
	}
	add_text(d, "The IANA registry does not list %s with %s; it names ", basic->code,
		 enh->e->code);
	for (i = 0; i < enh->e->basic_code_count; i++)
		add_text(d, "%s%u", i ? ", " : "", (unsigned)enh->e->basic_codes[i]);
	add_text(d, ".");
}

/* The first sentence of text, cut at a word boundary with "..." when it is longer than the
 * buffer, so that two of them fit in one difference. */
static void clip_sentence(const char *text, char *buf, size_t size)
{
	size_t n = smtpcode_first_sentence(text, buf, size);
	char *cut;

	if (n < size)
		return;
	buf[size - 4] = '\0'; /* room for "..." */
	cut = strrchr(buf, ' ');
	if (cut == NULL)
		cut = buf + size - 4;
	while (cut > buf && (cut[-1] == ' ' || cut[-1] == ',' || cut[-1] == ';'))
		cut--;
	memcpy(cut, "...", 4);
}

static void compare_texts(struct smtpcode_comparison *c, const struct side *a,
			  const struct side *b)
{
	struct smtpcode_difference *d;
	char sa[280], sb[280];

	d = add_difference(c, SMTPCODE_ASPECT_MEANING, 0);
	add_text(d, "%s means \"%s\"; %s means \"%s\".", a->code, a->e->title, b->code,
		 b->e->title);
	clip_sentence(a->e->when_seen, sa, sizeof sa);
	clip_sentence(b->e->when_seen, sb, sizeof sb);
	d = add_difference(c, SMTPCODE_ASPECT_STAGE, strcmp(sa, sb) == 0);
	add_text(d, "When you see them: %s -- %s %s -- %s", a->code, sa, b->code, sb);
}

static void describe_actor(struct smtpcode_difference *d, enum smtpcode_actor actor)
{
	if (actor == SMTPCODE_ACTOR_NONE)
		add_text(d, "nobody needs to act");
	else
		add_text(d, "%s must act", smtpcode_actor_text(actor));
}

static void compare_actions(struct smtpcode_comparison *c, const struct side *a,
			    const struct side *b)
{
	enum smtpcode_retry ra = smtpcode_retry_for(a->e, a->cls);
	enum smtpcode_retry rb = smtpcode_retry_for(b->e, b->cls);
	struct smtpcode_difference *d;

	d = add_difference(c, SMTPCODE_ASPECT_WHO_ACTS, a->e->who_acts == b->e->who_acts);
	if (d->same) {
		add_text(d, "For both, ");
		describe_actor(d, a->e->who_acts);
		add_text(d, ".");
	} else {
		add_text(d, "For %s, ", a->code);
		describe_actor(d, a->e->who_acts);
		add_text(d, "; for %s, ", b->code);
		describe_actor(d, b->e->who_acts);
		add_text(d, ".");
	}
	d = add_difference(c, SMTPCODE_ASPECT_RETRY, ra == rb);
	if (d->same)
		add_text(d, "Retry advice is the same for both: %s.", smtpcode_retry_text(ra));
	else
		add_text(d, "Retry: for %s, %s; for %s, %s.", a->code, smtpcode_retry_text(ra),
			 b->code, smtpcode_retry_text(rb));
}

static const char *status_phrase(enum smtpcode_status status)
{
	switch (status) {
	case SMTPCODE_NONSTANDARD:
		return "non-standard (no RFC defines it; clients act on its first digit)";
	case SMTPCODE_DEPRECATED:
		return "deprecated in the IANA registry";
	default:
		return "standard";
	}
}

/* A code's own entry, or its subject's when the detail is not registered ("5.7.708"), with
 * the class it was met in and the resolution's note. */
static int resolve_side(const char *code, struct side *side, const char **note)
{
	struct smtpcode_resolution r;
	int err = smtpcode_resolve(code, &r);

	side->code = code;
	side->e = resolved_entry(&r);
	side->cls = r.reply_class;
	*note = r.note;
	return err;
}

int smtpcode_compare(const char *code_a, const char *code_b, struct smtpcode_comparison *out)
{
	struct side a, b;
	const char *note_a, *note_b;
	int err;

	if (out == NULL)
		return SMTPCODE_ENULL;

	if ((err = resolve_side(code_a, &a, &note_a)) != SMTPCODE_OK ||
	    (err = resolve_side(code_b, &b, &note_b)) != SMTPCODE_OK)
		return err;
	memset(out, 0, sizeof *out);
	out->note_a = note_a;
	out->note_b = note_b;
	out->a = a.e;
	out->b = b.e;
	out->class_a = a.cls;
	out->class_b = b.cls;
	compare_class(out, &a, &b);
	if (a.e == b.e) {
		struct smtpcode_difference *d = add_difference(out, SMTPCODE_ASPECT_SAME_CODE, 1);

		if (a.cls == b.cls)
			add_text(d, "%s and %s are the same entry, \"%s\": what they mean, when you "
				 "see them and what to do are the same.", code_a, code_b, a.e->title);
		else
			add_text(d, "%s and %s are one entry, \"%s\", met in two classes: the "
				 "meaning is the same, but the class decides whether to send again.",
				 code_a, code_b, a.e->title);
	} else {
		if (a.e->kind != b.e->kind)
			compare_kind(out, &a, &b);
		compare_texts(out, &a, &b);
	}
	compare_actions(out, &a, &b);
	if (a.e->status != b.e->status) {
		struct smtpcode_difference *d = add_difference(out, SMTPCODE_ASPECT_STATUS, 0);

		add_text(d, "%s is %s, while %s is %s.", code_a, status_phrase(a.e->status),
			 code_b, status_phrase(b.e->status));
	}
	return SMTPCODE_OK;
}
