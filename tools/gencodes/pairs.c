/* pairs.c -- pair blocks (codes/pairs.codes): hand-written notes for two codes people compare. */
#include <string.h>

#include "gencodes.h"

struct pair {
	const char *file;
	int line;
	struct text f[P_COUNT];
	char *codes[2];
	char *refs[MAX_LIST];
	int nrefs;
	long entry[2]; /* resolved by check_pairs */
	int cls[2];
};

static struct pair *pairs;
static size_t npairs, cappairs;

void finish_pair(struct block *b)
{
	static const int required[] = {
		P_PAIR, P_SEPARATES, P_HOW_TO_TELL, P_WHAT_TO_DO, P_REFERENCES
	};
	static const int prose[] = { P_SEPARATES, P_HOW_TO_TELL, P_WHAT_TO_DO };
	struct pair p;
	char *items[MAX_LIST];
	int i, n = -1;

	memset(&p, 0, sizeof p);
	p.file = b->file;
	p.line = b->line;
	check_common(b, required, (int)(sizeof required / sizeof required[0]), prose,
		     (int)(sizeof prose / sizeof prose[0]), -1);
	for (i = 0; i < P_COUNT; i++) {
		p.f[i] = b->f[i];
		b->f[i].s = NULL;
	}
	if (p.f[P_PAIR].s != NULL && (n = split_items(p.file, &p.f[P_PAIR], "pair", ",", items)) >= 0 &&
	    n != 2) {
		error_at(p.file, p.f[P_PAIR].line, "pair: names %d codes; a pair has two", n);
		free_items(items, n);
	} else if (n == 2) {
		p.codes[0] = items[0];
		p.codes[1] = items[1];
	}
	if (p.f[P_REFERENCES].s != NULL &&
	    (p.nrefs = split_items(p.file, &p.f[P_REFERENCES], "references", ",", p.refs)) > 0) {
		for (i = 0; i < p.nrefs; i++)
			if (!is_reference(p.refs[i]))
				error_at(p.file, p.f[P_REFERENCES].line,
					 "references: '%s' does not start with 'RFC <number>'", p.refs[i]);
	}
	if (p.nrefs < 0)
		p.nrefs = 0;
	if (npairs == cappairs) {
		cappairs = cappairs ? 2 * cappairs : 64;
		pairs = xrealloc(pairs, cappairs * sizeof *pairs);
	}
	pairs[npairs++] = p;
}

static int same_codes(const struct pair *a, const struct pair *b)
{
	return (a->entry[0] == b->entry[0] && a->cls[0] == b->cls[0] &&
		a->entry[1] == b->entry[1] && a->cls[1] == b->cls[1]) ||
	       (a->entry[0] == b->entry[1] && a->cls[0] == b->cls[1] &&
		a->entry[1] == b->entry[0] && a->cls[1] == b->cls[0]);
}

/* Resolves both codes of every pair and rejects a pair or a sentence written twice. */
void check_pairs(void)
{
	static const int prose[] = { P_SEPARATES, P_HOW_TO_TELL, P_WHAT_TO_DO };
	size_t i, j;
	int k, m;

	for (i = 0; i < npairs; i++) {
		struct pair *p = &pairs[i];

		for (k = 0; k < 2 && p->codes[0] != NULL; k++) {
			p->entry[k] = resolve_user_code(p->codes[k], &p->cls[k]);
			if (p->entry[k] < 0)
				error_at(p->file, p->f[P_PAIR].line, "pair: %s has no entry",
					 p->codes[k]);
		}
		if (p->codes[0] == NULL || p->entry[0] < 0 || p->entry[1] < 0)
			continue;
		if (p->entry[0] == p->entry[1] && p->cls[0] == p->cls[1])
			error_at(p->file, p->f[P_PAIR].line, "pair: %s and %s are the same code",
				 p->codes[0], p->codes[1]);
		for (j = 0; j < i; j++) {
			if (pairs[j].codes[0] != NULL && same_codes(p, &pairs[j]))
				error_at(p->file, p->f[P_PAIR].line,
					 "pair: %s and %s have a note already (at %s:%d)", p->codes[0],
					 p->codes[1], pairs[j].file, pairs[j].line);
		}
	}
	/* the notes are few; every sentence field against every other one */
	for (i = 0; i < npairs; i++)
		for (k = 0; k < 3; k++)
			for (j = 0; j <= i; j++)
				for (m = 0; m < 3; m++) {
					const struct text *a = &pairs[i].f[prose[k]];
					const struct text *b = &pairs[j].f[prose[m]];

					if ((j == i && m >= k) || a->s == NULL || b->s == NULL ||
					    strcmp(a->s, b->s) != 0)
						continue;
					error_at(pairs[i].file, a->line, "this text is written already "
						 "(at %s:%d)", pairs[j].file, b->line);
				}
}

void free_pairs(void)
{
	size_t i;
	int k;

	for (i = 0; i < npairs; i++) {
		for (k = 0; k < P_COUNT; k++)
			free(pairs[i].f[k].s);
		free(pairs[i].codes[0]);
		free(pairs[i].codes[1]);
		free_items(pairs[i].refs, pairs[i].nrefs);
	}
	free(pairs);
	pairs = NULL;
	npairs = cappairs = 0;
}

void write_pairs(FILE *fp)
{
	size_t i;

	fprintf(fp, "/* %s */\n\n", banner);
	for (i = 0; i < npairs; i++)
		put_string_array(fp, "pair_refs", i, pairs[i].refs, pairs[i].nrefs);
	fprintf(fp, "\n#define SMTPCODE_PAIR_COUNT_ %zu\n", npairs);
	fprintf(fp, "static const struct smtpcode_pair_ smtpcode_pairs_[%zu] = {\n",
		npairs ? npairs : 1);
	for (i = 0; i < npairs; i++) {
		const struct pair *p = &pairs[i];

		fprintf(fp, "\t{ %ld, %ld, %d, %d, {\n\t\t", p->entry[0], p->entry[1], p->cls[0],
			p->cls[1]);
		put_c_string(fp, p->f[P_SEPARATES].s);
		fputs(",\n\t\t", fp);
		put_c_string(fp, p->f[P_HOW_TO_TELL].s);
		fputs(",\n\t\t", fp);
		put_c_string(fp, p->f[P_WHAT_TO_DO].s);
		fprintf(fp, ",\n\t\tsmtpcode_pair_refs_%zu_, %d } },\n", i, p->nrefs);
	}
	if (npairs == 0)
		fputs("\t{ -1, -1, 0, 0, { NULL, NULL, NULL, NULL, 0 } },\n", fp);
	fputs("};\n", fp);
}
