/* compare_out.c -- two codes side by side as a text table, a markdown page or JSON. */
#include <stdio.h>
#include <string.h>

#include "output.h"
#include "render.h"

#define COLUMN_GAP 3
#define MIN_TABLE_WIDTH 80 /* below this the two cards follow each other */

/* One row of the table: the label, then both texts wrapped into their columns in step. */
static void put_row(FILE *out, const char *label, const char *a, const char *b, size_t cw)
{
	const char *la = NULL, *lb = NULL;
	size_t na, nb;
	int first = 1;

	for (;;) {
		na = wrap_next(&a, cw, &la);
		nb = wrap_next(&b, cw, &lb);
		if (na == 0 && nb == 0 && !first)
			break;
		if (first)
			fprintf(out, "  %-*s", LABEL_WIDTH - 2, label);
		else
			put_spaces(out, LABEL_WIDTH);
		if (na > 0)
			fwrite(la, 1, na, out);
		if (nb > 0) {
			put_spaces(out, (int)(cw - na) + COLUMN_GAP);
			fwrite(lb, 1, nb, out);
		}
		fputc('\n', out);
		first = 0;
	}
}

static void put_table(FILE *out, const struct smtpcode_comparison *c, const char *code_a,
		      const char *code_b, int width)
{
	size_t cw = (size_t)(width - LABEL_WIDTH - COLUMN_GAP) / 2;
	char ca[128], cb[128];

	put_row(out, "", code_a, code_b, cw);
	put_row(out, "Class", format_class(ca, sizeof ca, c->a, c->class_a),
		format_class(cb, sizeof cb, c->b, c->class_b), cw);
	put_row(out, "Title", c->a->title, c->b->title, cw);
	fputc('\n', out);
	put_row(out, "Description", c->a->description, c->b->description, cw);
	fputc('\n', out);
	put_row(out, "When you see it", c->a->when_seen, c->b->when_seen, cw);
	fputc('\n', out);
	put_row(out, "How to fix", c->a->how_to_fix, c->b->how_to_fix, cw);
	fputc('\n', out);
	put_row(out, "Who acts", smtpcode_actor_text(c->a->who_acts),
		smtpcode_actor_text(c->b->who_acts), cw);
	put_row(out, "Retry", smtpcode_retry_text(smtpcode_retry_for(c->a, c->class_a)),
		smtpcode_retry_text(smtpcode_retry_for(c->b, c->class_b)), cw);
}

/* "Retry only after fixing what it names. <first sentence of how to fix>" */
static void what_to_do(char *buf, size_t size, const struct smtpcode_entry *e, int cls)
{
	char first[512];
	const char *retry = smtpcode_retry_text(smtpcode_retry_for(e, cls));

	smtpcode_first_sentence(e->how_to_fix, first, sizeof first);
	snprintf(buf, size, "%c%s. %s", retry[0] - 'a' + 'A', retry + 1, first);
}

/* For a code that is not registered itself, what its column shows instead. */
static void put_notes(FILE *out, const struct smtpcode_comparison *c, const char *code_a,
		      const char *code_b, int width)
{
	if (c->note_a != NULL) {
		fprintf(out, "  %s: ", code_a);
		out_wrapped(out, c->note_a, (int)strlen(code_a) + 4, width);
	}
	if (c->note_b != NULL) {
		fprintf(out, "  %s: ", code_b);
		out_wrapped(out, c->note_b, (int)strlen(code_b) + 4, width);
	}
	if (c->note_a != NULL || c->note_b != NULL)
		fputc('\n', out);
}

void render_compare_text(FILE *out, const struct smtpcode_comparison *c, const char *code_a,
			 const char *code_b, int width, int color)
{
	char buf[1024];
	size_t i;
	int indent;

	put_colored(out, code_a, c->class_a, color);
	fputs(" vs ", out);
	put_colored(out, code_b, c->class_b, color);
	fputs("\n\n", out);
	put_notes(out, c, code_a, code_b, width);
	if (width >= MIN_TABLE_WIDTH) {
		put_table(out, c, code_a, code_b, width);
	} else {
		render_card(out, c->a, code_a, width, color);
		fputc('\n', out);
		render_card(out, c->b, code_b, width, color);
	}
	fputs("\nKey differences\n\n", out);
	for (i = 0; i < c->count; i++) {
		indent = fprintf(out, "  %zu. ", i + 1);
		out_wrapped(out, c->differences[i].text, indent, width);
	}
	fputs("\nWhat to do\n\n", out);
	indent = (int)(strlen(code_a) > strlen(code_b) ? strlen(code_a) : strlen(code_b)) + 4;
	what_to_do(buf, sizeof buf, c->a, c->class_a);
	fprintf(out, "  %-*s", indent - 2, code_a);
	out_wrapped(out, buf, indent, width);
	if (c->a == c->b && c->class_a == c->class_b)
		return;
	what_to_do(buf, sizeof buf, c->b, c->class_b);
	fprintf(out, "  %-*s", indent - 2, code_b);
	out_wrapped(out, buf, indent, width);
}

/* "- **235** (title): when you see it. What to do: ..." */
static void put_use(FILE *out, const struct smtpcode_entry *e, const char *code, int cls)
{
	char buf[1024];

	fprintf(out, "- **%s** (", code);
	md_text(out, e->title);
	fputs("): ", out);
	smtpcode_first_sentence(e->when_seen, buf, sizeof buf);
	md_text(out, buf);
	fputs(" What to do: ", out);
	what_to_do(buf, sizeof buf, e, cls);
	md_text(out, buf);
	fputc('\n', out);
}

void render_compare_markdown(FILE *out, const struct smtpcode_comparison *c,
			     const char *code_a, const char *code_b)
{
	char buf[1024];
	size_t i;

	fprintf(out, "# SMTP %s vs %s\n\n", code_a, code_b);
	md_text(out, c->differences[0].text);
	if (c->a != c->b) {
		smtpcode_first_sentence(c->a->description, buf, sizeof buf);
		fprintf(out, " %s (", code_a);
		md_text(out, c->a->title);
		fputs("): ", out);
		md_text(out, buf);
		smtpcode_first_sentence(c->b->description, buf, sizeof buf);
		fprintf(out, " %s (", code_b);
		md_text(out, c->b->title);
		fputs("): ", out);
		md_text(out, buf);
	}
	fputs("\n\n", out);
	render_card_markdown(out, c->a, code_a, 2);
	if (c->a != c->b) {
		fputc('\n', out);
		render_card_markdown(out, c->b, code_b, 2);
	}
	fputs("\n## Key differences\n\n", out);
	for (i = 0; i < c->count; i++) {
		fprintf(out, "%zu. ", i + 1);
		md_text(out, c->differences[i].text);
		fputc('\n', out);
	}
	fputs("\n## When to use which\n\n", out);
	put_use(out, c->a, code_a, c->class_a);
	if (c->a != c->b || c->class_a != c->class_b)
		put_use(out, c->b, code_b, c->class_b);
}

void render_compare_json(FILE *out, const struct smtpcode_comparison *c, const char *code_a,
			 const char *code_b)
{
	size_t i;

	fputs("{\n  \"a\": ", out);
	json_entry(out, c->a, code_a, c->note_a, 2);
	fputs(",\n  \"b\": ", out);
	json_entry(out, c->b, code_b, c->note_b, 2);
	fputs(",\n  \"differences\": [", out);
	for (i = 0; i < c->count; i++) {
		fputs(i ? ",\n    " : "\n    ", out);
		json_string(out, c->differences[i].text);
	}
	fputs("\n  ]\n}\n", out);
}
