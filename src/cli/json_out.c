/* json_out.c -- the JSON writer: the library writes each object of the contract, and this
 * writer puts them into one document (an array for several codes). */
#include <stdlib.h>

#include "writer.h"

/* One object to ask the library for. */
struct request {
	enum { ENTRY, COMPARE, EXPLAIN, PENTRY, PROVIDER, REPLIES } what;
	const char *a, *b; /* the code(s), or the reply text(s) */
	const struct smtpcode_hints *hints;
	const struct smtpcode_provider_entry *pe;
	const struct smtpcode_provider *p;
	size_t len, len_b; /* the reply texts' lengths */
	int indent;
};

static int ask(const struct request *q, char *buf, size_t size)
{
	switch (q->what) {
	case ENTRY:
		return smtpcode_json_entry(q->a, q->indent, buf, size);
	case COMPARE:
		return smtpcode_json_compare(q->a, q->b, q->indent, buf, size);
	case EXPLAIN:
		return smtpcode_json_explain_hints(q->a, q->len, q->hints, q->indent, buf, size);
	case PENTRY:
		return smtpcode_json_provider_entry(q->pe, q->indent, buf, size);
	case PROVIDER:
		return smtpcode_json_provider(q->p, q->indent, buf, size);
	case REPLIES:
		return smtpcode_json_compare_replies(q->a, q->len, q->b, q->len_b, q->hints,
						     q->indent, buf, size);
	}
	return SMTPCODE_ENULL;
}

/* Writes the object, into a buffer on the stack or, for a larger one, on the heap. */
static void put_json(FILE *fp, const struct request *q)
{
	char stack[65536], *buf = stack;
	int n = ask(q, stack, sizeof stack);

	if (n >= 0 && (size_t)n >= sizeof stack) {
		if ((buf = malloc((size_t)n + 1)) == NULL)
			return; /* the output is then incomplete, and the exit status says so */
		n = ask(q, buf, (size_t)n + 1);
	}
	if (n > 0)
		fwrite(buf, 1, (size_t)n, fp);
	if (buf != stack)
		free(buf);
}

static int indent(const struct out *o)
{
	return o->several ? 2 : 0;
}

static void one_code(const struct out *o, const char *asked,
		     const struct smtpcode_resolution *r)
{
	struct request q = { ENTRY, NULL, NULL, NULL, NULL, NULL, 0, 0, 0 };

	(void)r;
	q.a = asked;
	q.indent = indent(o);
	put_json(o->fp, &q);
}

static void compare(const struct out *o, const struct smtpcode_comparison *c)
{
	struct request q = { COMPARE, NULL, NULL, NULL, NULL, NULL, 0, 0, 0 };

	q.a = c->code_a;
	q.b = c->code_b;
	q.indent = indent(o);
	put_json(o->fp, &q);
}

static void explain(const struct out *o, const char *text, size_t len,
		    const struct smtpcode_reply *r)
{
	struct request q = { EXPLAIN, NULL, NULL, NULL, NULL, NULL, 0, 0, 0 };

	(void)r;
	q.a = text;
	q.len = len;
	q.hints = o->hints;
	q.indent = indent(o);
	put_json(o->fp, &q);
}

static void list(const struct out *o, const struct smtpcode_entry *const *entries, size_t n,
		 char shown_class)
{
	char asked[SMTPCODE_CODE_MAX + 1];
	size_t i;

	fputs("[", o->fp);
	for (i = 0; i < n; i++) {
		struct request q = { ENTRY, NULL, NULL, NULL, NULL, NULL, 0, 0, 2 };

		q.a = code_in_class(entries[i], shown_class ? shown_class - '0' : 0, asked,
				    sizeof asked);
		fputs(i ? ",\n  " : "\n  ", o->fp);
		put_json(o->fp, &q);
	}
	fputs(n ? "\n]\n" : "]\n", o->fp);
}

static void pentry(const struct out *o, const struct smtpcode_provider_entry *e)
{
	struct request q = { PENTRY, NULL, NULL, NULL, NULL, NULL, 0, 0, 0 };

	q.pe = e;
	q.indent = indent(o);
	put_json(o->fp, &q);
}

static void providers(const struct out *o, const struct smtpcode_provider *p)
{
	size_t i, n = p != NULL ? p->entry_count : smtpcode_provider_count();

	fputs("[", o->fp);
	for (i = 0; i < n; i++) {
		struct request q = { PROVIDER, NULL, NULL, NULL, NULL, NULL, 0, 0, 2 };

		if (p != NULL) {
			q.what = PENTRY;
			q.pe = smtpcode_provider_entry_at(p, i);
		} else {
			q.p = smtpcode_provider_at(i);
		}
		fputs(i ? ",\n  " : "\n  ", o->fp);
		put_json(o->fp, &q);
	}
	fputs(n ? "\n]\n" : "]\n", o->fp);
}

static void begin(const struct out *o)
{
	if (o->several)
		fputs("[\n  ", o->fp);
}

static void between(const struct out *o)
{
	fputs(",\n  ", o->fp);
}

static void end(const struct out *o, size_t shown)
{
	if (o->several)
		fputs("\n]\n", o->fp);
	else if (shown > 0)
		fputc('\n', o->fp);
}

static void replies(const struct out *o, const char *a, size_t len_a, const char *b,
		    size_t len_b)
{
	struct request q = { REPLIES, NULL, NULL, NULL, NULL, NULL, 0, 0, 0 };

	q.a = a;
	q.len = len_a;
	q.b = b;
	q.len_b = len_b;
	q.hints = o->hints;
	q.indent = indent(o);
	put_json(o->fp, &q);
}

const struct writer json_writer = { begin,   between, end,  one_code, compare,
				    explain, list,    1,    pentry,   providers, replies };
