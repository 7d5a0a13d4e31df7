/* compare.c -- two codes side by side: which aspects differ, as data. The sentences that say
 * them are written by smtpcode_difference_text (text.c). */
#include <stdio.h>
#include <stdlib.h>

#include "internal.h"

int INTERNAL(lists_basic)(const struct smtpcode_entry *enhanced, int basic)
{
	size_t i;

	for (i = 0; i < enhanced->basic_code_count; i++)
		if (enhanced->basic_codes[i] == basic)
			return 1;
	return 0;
}

int INTERNAL(lists_class)(const struct smtpcode_entry *enhanced, int reply_class)
{
	size_t i;

	for (i = 0; i < enhanced->basic_code_count; i++)
		if (enhanced->basic_codes[i] / 100 == reply_class)
			return 1;
	return 0;
}

int INTERNAL(unusual_pair)(const struct smtpcode_entry *enhanced, int basic)
{
	int cls = basic / 100;

	/* The registry's lists are examples, not a closed set (554 5.7.1 and 421 4.7.0 are
	 * everyday pairs it does not list), so a pair is unusual only when neither the registry
	 * nor the detail's RFC gives it this class: 401 4.1.3 (X.1.3 is "only useful for
	 * permanent failures"), not 452 4.2.2 (X.2.2 "should be used as a persistent transient
	 * failure"). Where the RFC says nothing, a failure's class digit only says whether it is
	 * transient: Gmail's 421 4.7.26 is its 550 5.7.26 for now. */
	if (enhanced->basic_code_count == 0 || INTERNAL(lists_basic)(enhanced, basic) ||
	    INTERNAL(lists_class)(enhanced, cls))
		return 0;
	if (enhanced->rfc_classes != 0)
		return !(enhanced->rfc_classes & 1ul << cls);
	return !((cls == 4 || cls == 5) && INTERNAL(lists_class)(enhanced, 9 - cls));
}

static void add(struct smtpcode_comparison *c, enum smtpcode_aspect aspect, int same)
{
	if (c->count < SMTPCODE_DIFF_MAX) {
		c->differences[c->count].aspect = aspect;
		c->differences[c->count].same = same;
		c->count++;
	}
}

/* A basic code and an enhanced code: what each kind is, and whether the registry pairs them
 * (only for an enhanced code with a detail that names any basic code). */
static void compare_kind(struct smtpcode_comparison *c)
{
	const struct smtpcode_entry *basic = c->a->kind == SMTPCODE_BASIC ? c->a : c->b;
	const struct smtpcode_entry *enh = basic == c->a ? c->b : c->a;
	int number = (int)strtol(basic->code, NULL, 10);

	add(c, SMTPCODE_ASPECT_KIND, 0);
	if (enh->basic_code_count == 0 || enh->subject < 0 || enh->detail < 0)
		return;
	add(c, SMTPCODE_ASPECT_PAIRING, INTERNAL(lists_basic)(enh, number));
}

enum smtpcode_stage INTERNAL(one_step)(const struct smtpcode_entry *a, const struct smtpcode_entry *b,
				       int class_a, int class_b)
{
	unsigned long common = a->stages & b->stages;
	const struct smtpcode_entry *failure = class_a == 2 ? b : a;
	int stage, failed = class_a == 2 ? class_b : class_a;

	/* a success and a failure of the same command, and of that command only (235 and 535
	 * of AUTH), not a failure that may answer anything (421) nor an intermediate reply */
	if (a->kind != b->kind || (class_a == 2) == (class_b == 2) || (failed != 4 && failed != 5) ||
	    common == 0 || (common & (common - 1)) != 0 || failure->stages != common)
		return SMTPCODE_STAGE_UNKNOWN;
	for (stage = 0; !(common & 1ul << stage); stage++)
		;
	return (enum smtpcode_stage)stage;
}

/* A code's entry (its subject's when the detail is not registered), the class it was met in
 * and the resolution's note; the code as asked is copied into code. */
static int resolve_side(const char *asked, const struct smtpcode_entry **e, int *cls,
			enum smtpcode_note *note, char *code, size_t size)
{
	struct smtpcode_resolution r = { .size = sizeof r };
	int err = smtpcode_resolve(asked, &r);

	if (err != SMTPCODE_OK)
		return err;
	*e = smtpcode_resolved_entry(&r);
	*cls = r.reply_class;
	*note = r.note;
	snprintf(code, size, "%s", asked);
	return SMTPCODE_OK;
}

int smtpcode_compare(const char *code_a, const char *code_b, struct smtpcode_comparison *out)
{
	struct smtpcode_comparison c;
	int err = check_size(out, SIZE_TO(struct smtpcode_comparison, differences));

	if (err != SMTPCODE_OK)
		return err;
	memset(&c, 0, sizeof c);
	c.size = sizeof c;
	if ((err = resolve_side(code_a, &c.a, &c.class_a, &c.note_a, c.code_a,
				sizeof c.code_a)) != SMTPCODE_OK ||
	    (err = resolve_side(code_b, &c.b, &c.class_b, &c.note_b, c.code_b,
				sizeof c.code_b)) != SMTPCODE_OK)
		return err;
	add(&c, SMTPCODE_ASPECT_CLASS, c.class_a == c.class_b);
	if (c.a != c.b && INTERNAL(one_step)(c.a, c.b, c.class_a, c.class_b) != SMTPCODE_STAGE_UNKNOWN)
		add(&c, SMTPCODE_ASPECT_OUTCOME, 0);
	/* what each refuses, for two failures that refuse different things */
	if (c.a != c.b && c.a->kind == SMTPCODE_BASIC && c.b->kind == SMTPCODE_BASIC &&
	    c.a->scope != c.b->scope &&
	    c.a->scope != SMTPCODE_SCOPE_NONE &&
	    c.b->scope != SMTPCODE_SCOPE_NONE && (c.class_a == 4 || c.class_a == 5) &&
	    (c.class_b == 4 || c.class_b == 5))
		add(&c, SMTPCODE_ASPECT_SCOPE, 0);
	if (c.a == c.b) {
		add(&c, SMTPCODE_ASPECT_SAME_CODE, 1);
	} else {
		if (c.a->kind != c.b->kind)
			compare_kind(&c);
		add(&c, SMTPCODE_ASPECT_MEANING, 0);
		add(&c, SMTPCODE_ASPECT_STAGE, INTERNAL(same_stage)(c.a, c.b));
	}
	add(&c, SMTPCODE_ASPECT_WHO_ACTS, c.a->who_acts == c.b->who_acts);
	add(&c, SMTPCODE_ASPECT_RETRY,
	    smtpcode_retry_for(c.a, c.class_a) == smtpcode_retry_for(c.b, c.class_b));
	if (c.a->status != c.b->status)
		add(&c, SMTPCODE_ASPECT_STATUS, 0);
	c.note = smtpcode_pair_note(c.code_a, c.code_b);
	copy_out(out, &c, sizeof c);
	return SMTPCODE_OK;
}
