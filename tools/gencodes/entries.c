/* entries.c -- code blocks (codes/basic.codes, codes/enhanced.codes): checks, the gperf
 * keyword file and the const entry table. */
#include <string.h>

#include "gencodes.h"

struct entry {
	const char *file;
	int line; /* line of the block's first field */
	struct text f[F_CODE_COUNT];
	/* derived from the fields */
	int kind; /* 1 basic, 2 enhanced */
	int cls;  /* 2..5, 0 for X */
	int subject, detail; /* -1 where absent or XXX */
	int status, actor, retry, scope, next;
	unsigned long stages;
	unsigned classes; /* bit (1u << class) for each class the defining RFC gives the detail */
	char *refs[MAX_LIST];
	int nrefs;
	char *related[MAX_LIST];
	int nrelated;
	int basic[MAX_LIST];
	int nbasic;
	long subject_entry; /* index of the "X.S.XXX" entry, -1 if none */
	size_t seq;         /* order of appearance, to report the later of two duplicates */
};

static struct entry *entries;
static size_t nentries, capentries;
static size_t *by_code; /* entry indices sorted by code string, for find_entry */

static const char *code_of(const struct entry *e)
{
	return e->f[F_CODE].s;
}

static void check_list_field(struct entry *e, enum code_field f, const char *name)
{
	const struct text *t = &e->f[f];
	char *items[MAX_LIST];
	int n, i, kind, cls, subject, detail;

	if (t->s == NULL || (n = split_items(e->file, t, name, ",", items)) < 0)
		return;
	for (i = 0; i < n; i++) {
		if (f == F_REFERENCES) {
			if (!is_reference(items[i]))
				error_at(e->file, t->line,
					 "references: '%s' does not start with 'RFC <number>'", items[i]);
			e->refs[e->nrefs++] = items[i];
		} else if (f == F_RELATED) {
			if (parse_data_code(items[i], &kind, &cls, &subject, &detail) != 0)
				error_at(e->file, t->line, "related: '%s' is not a code", items[i]);
			e->related[e->nrelated++] = items[i];
		} else if (f == F_STAGES) {
			int s = token_index(stage_tokens, nstage, items[i]);

			if (strcmp(items[i], "any") == 0) {
				e->stages |= ~0ul << 1 & ((1ul << nstage) - 1);
			} else if (s <= 0) {
				char list[512];

				error_at(e->file, t->line, "stages: '%s' is not any or one of %s",
					 items[i], token_list(stage_tokens + 1, nstage - 1, list,
							      sizeof list));
			} else {
				e->stages |= 1ul << s;
			}
			free(items[i]);
		} else if (f == F_CLASSES) {
			if (strcmp(items[i], "2") != 0 && strcmp(items[i], "4") != 0 &&
			    strcmp(items[i], "5") != 0)
				error_at(e->file, t->line, "classes: '%s' is not 2, 4 or 5", items[i]);
			else if (e->classes & 1u << (items[i][0] - '0'))
				error_at(e->file, t->line, "classes: %s is given twice", items[i]);
			else
				e->classes |= 1u << (items[i][0] - '0');
			free(items[i]);
		} else {
			if (parse_data_code(items[i], &kind, &cls, &subject, &detail) != 0 ||
			    kind != 1)
				error_at(e->file, t->line,
					 "basic_codes: '%s' is not a three-digit reply code", items[i]);
			else
				e->basic[e->nbasic++] = (int)strtol(items[i], NULL, 10);
			free(items[i]);
		}
	}
}

static void free_entry(struct entry *e)
{
	int i;

	for (i = 0; i < F_CODE_COUNT; i++)
		free(e->f[i].s);
	free_items(e->refs, e->nrefs);
	free_items(e->related, e->nrelated);
}

void finish_code(struct block *b)
{
	static const int required[] = {
		F_CODE, F_CLASS, F_TITLE, F_SUMMARY, F_DESCRIPTION, F_WHEN_SEEN, F_HOW_TO_FIX, F_WHO_ACTS,
		F_RETRY, F_REFERENCES
	};
	static const int prose[] = { F_SUMMARY, F_DESCRIPTION, F_WHEN_SEEN, F_HOW_TO_FIX };
	struct entry e;
	const struct text *t;
	int i, code_ok = 0;

	memset(&e, 0, sizeof e);
	e.file = b->file;
	e.line = b->line;
	check_common(b, required, (int)(sizeof required / sizeof required[0]), prose,
		     (int)(sizeof prose / sizeof prose[0]), F_TITLE);
	for (i = 0; i < F_CODE_COUNT; i++) {
		e.f[i] = b->f[i];
		b->f[i].s = NULL;
	}
	t = &e.f[F_CODE];
	if (t->s != NULL) {
		code_ok = parse_data_code(t->s, &e.kind, &e.cls, &e.subject, &e.detail) == 0;
		if (!code_ok)
			error_at(e.file, t->line,
				 "code: '%s' is not a reply code (535) or an enhanced status code "
				 "(5.7.8, X.7.8, 5.XXX.XXX, X.7.XXX)", t->s);
	}
	t = &e.f[F_CLASS];
	if (code_ok && t->s != NULL && (strlen(t->s) != 1 || t->s[0] != code_of(&e)[0]))
		error_at(e.file, t->line, "class: '%s' disagrees with code %s (expected %c)", t->s,
			 code_of(&e), code_of(&e)[0]);
	e.status = token_field(e.file, &e.f[F_STATUS], "status", status_tokens, nstatus, 0, 0);
	e.actor = token_field(e.file, &e.f[F_WHO_ACTS], "who_acts", actor_tokens, nactor, 0, 0);
	e.retry = token_field(e.file, &e.f[F_RETRY], "retry", retry_tokens, nretry, 0, 0);
	e.scope = token_field(e.file, &e.f[F_SCOPE], "scope", scope_tokens, nscope, 0, 0);
	/* "unspecified" is what an absent next means; the data never writes it */
	e.next = token_field(e.file, &e.f[F_NEXT], "next", next_tokens, nnext, 1, 0);
	check_list_field(&e, F_REFERENCES, "references");
	check_list_field(&e, F_RELATED, "related");
	check_list_field(&e, F_STAGES, "stages");
	t = &e.f[F_BASIC_CODES];
	if (code_ok && e.kind == 1 && t->s != NULL)
		error_at(e.file, t->line, "basic_codes: only enhanced codes have basic_codes");
	else if (code_ok && e.kind == 2 && t->s == NULL && t->line == 0)
		error_at(e.file, e.line,
			 "missing required field 'basic_codes' (an enhanced code; 'none' if the "
			 "registry gives none)");
	else if (t->s != NULL && strcmp(t->s, "none") != 0)
		check_list_field(&e, F_BASIC_CODES, "basic_codes");
	t = &e.f[F_CLASSES];
	if (code_ok && t->s != NULL && (e.kind != 2 || e.cls != 0 || e.subject < 0 || e.detail < 0))
		error_at(e.file, t->line, "classes: only a detail in any class (X.1.3) has classes");
	else
		check_list_field(&e, F_CLASSES, "classes");
	if (!code_ok) {
		free_entry(&e);
		return;
	}
	if (nentries == capentries) {
		capentries = capentries ? 2 * capentries : 256;
		entries = xrealloc(entries, capentries * sizeof *entries);
	}
	e.seq = nentries;
	entries[nentries++] = e;
}

/* ---- the whole table ------------------------------------------------------------------- */

static int compare_entries(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;

	if (a->kind != b->kind)
		return a->kind - b->kind;
	if (a->kind == 1 && strcmp(code_of(a), code_of(b)) != 0)
		return strcmp(code_of(a), code_of(b));
	if (a->subject != b->subject)
		return a->subject - b->subject;
	if (a->detail != b->detail)
		return a->detail - b->detail;
	if (a->cls != b->cls)
		return a->cls - b->cls;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int compare_by_code(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	int c = strcmp(code_of(&entries[a]), code_of(&entries[b]));

	return c != 0 ? c : (a > b) - (a < b);
}

long find_entry(const char *code)
{
	size_t lo = 0, hi = nentries;

	while (lo < hi) { /* the first of equal codes, so a duplicate finds the earlier one */
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(code_of(&entries[by_code[mid]]), code) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < nentries && strcmp(code_of(&entries[by_code[lo]]), code) == 0 ?
		(long)by_code[lo] : -1;
}

size_t entry_total(void)
{
	return nentries;
}

long resolve_user_code(const char *code, int *cls)
{
	int kind, subject, detail;
	char key[32];

	if (parse_data_code(code, &kind, cls, &subject, &detail) != 0)
		return -1;
	if (find_entry(code) >= 0 || kind == 1)
		return find_entry(code);
	snprintf(key, sizeof key, "X%s", code + 1);
	return find_entry(key);
}

static void check_refs(struct entry *e)
{
	int j;

	for (j = 0; j < e->nrelated; j++) {
		if (find_entry(e->related[j]) < 0)
			error_at(e->file, e->f[F_RELATED].line, "related: %s has no entry",
				 e->related[j]);
		if (strcmp(e->related[j], code_of(e)) == 0)
			error_at(e->file, e->f[F_RELATED].line, "related: %s names itself",
				 e->related[j]);
	}
	for (j = 0; j < e->nbasic; j++) {
		char code[16];

		snprintf(code, sizeof code, "%d", e->basic[j]);
		if (find_entry(code) < 0)
			error_at(e->file, e->f[F_BASIC_CODES].line, "basic_codes: %s has no entry",
				 code);
	}
	e->subject_entry = -1;
	if (e->kind == 2 && e->subject >= 0) {
		char code[32];

		snprintf(code, sizeof code, "X.%d.XXX", e->subject);
		e->subject_entry = find_entry(code);
		if (e->subject_entry < 0)
			error_at(e->file, e->f[F_CODE].line, "code %s: its subject has no entry %s",
				 code_of(e), code);
	}
}

/* Orders the entries as the table lists them, then checks what spans entries: duplicates,
 * related codes, subjects, associated basic codes. */
void check_entries(void)
{
	size_t i;

	if (nentries > 0) /* qsort's base may not be NULL, even for no elements */
		qsort(entries, nentries, sizeof *entries, compare_entries);
	by_code = xrealloc(by_code, (nentries ? nentries : 1) * sizeof *by_code);
	for (i = 0; i < nentries; i++)
		by_code[i] = i;
	if (nentries > 0)
		qsort(by_code, nentries, sizeof *by_code, compare_by_code);
	for (i = 1; i < nentries; i++) {
		const struct entry *a = &entries[by_code[i - 1]], *b = &entries[by_code[i]];

		/* equal codes sort in the order they were written: b is the later one */
		if (strcmp(code_of(a), code_of(b)) != 0)
			continue;
		error_at(b->file, b->f[F_CODE].line, "duplicate code %s (also at %s:%d)",
			 code_of(b), a->file, a->f[F_CODE].line);
	}
	for (i = 0; i < nentries; i++)
		check_refs(&entries[i]);
}

void free_entries(void)
{
	size_t i;

	for (i = 0; i < nentries; i++)
		free_entry(&entries[i]);
	free(entries);
	free(by_code);
	entries = NULL;
	by_code = NULL;
	nentries = capentries = 0;
}

/* ---- output ------------------------------------------------------------------------------ */

void write_gperf(FILE *fp)
{
	size_t i;

	fprintf(fp, "%%{\n/* %s */\n%%}\n", banner);
	fputs("%language=ANSI-C\n"
	      "%struct-type\n"
	      "%omit-struct-type\n"
	      "%readonly-tables\n"
	      "%compare-lengths\n"
	      "%define hash-function-name smtpcode_hash_\n"
	      "%define lookup-function-name smtpcode_find_\n"
	      "%define word-array-name smtpcode_words_\n"
	      "%define initializer-suffix ,0\n"
	      "%define constants-prefix SMTPCODE_GPERF_\n"
	      "struct smtpcode_key;\n"
	      "%%\n", fp);
	for (i = 0; i < nentries; i++)
		fprintf(fp, "\"%s\", %zu\n", code_of(&entries[i]), i);
	/* Aliases, so that "5.7.8" finds the X.7.8 entry in one probe; a class-specific entry
	 * of the same code, where the data has one, keeps its own key instead. */
	for (i = 0; i < nentries; i++) {
		const struct entry *e = &entries[i];
		const char *cls;

		if (e->kind != 2 || e->cls != 0 || e->subject < 0)
			continue;
		for (cls = "245"; *cls != '\0'; cls++) {
			char alias[32];

			snprintf(alias, sizeof alias, "%c%s", *cls, code_of(e) + 1);
			if (find_entry(alias) < 0)
				fprintf(fp, "\"%s\", %zu\n", alias, i);
		}
	}
	fputs("%%\n", fp);
}

/* The entry of each three-digit code 200-599, or -1: three-digit codes need no hash. */
static void write_basic_index(FILE *fp)
{
	int code;

	fputs("\nstatic const short smtpcode_basic_index_[400] = {", fp);
	for (code = 200; code < 600; code++) {
		char key[16];

		snprintf(key, sizeof key, "%d", code);
		fprintf(fp, "%s%ld,", code % 16 == 8 ? "\n\t" : " ", find_entry(key));
	}
	fputs("\n};\n", fp);
}

/* The entry of each enhanced code C.S.D with the subjects and details the data uses, in each
 * class (X, 2, 4, 5), or -1: a class-specific entry where the data has one, else the X entry.
 * An enhanced code as people write it then needs no hash either. */
static void write_enhanced_index(FILE *fp)
{
	static const char classes[] = "X245";
	int max_subject = 0, max_detail = 0, c, s, d;
	size_t i;

	for (i = 0; i < nentries; i++) {
		if (entries[i].subject > max_subject)
			max_subject = entries[i].subject;
		if (entries[i].detail > max_detail)
			max_detail = entries[i].detail;
	}
	fprintf(fp, "\n#define SMTPCODE_SUBJECTS_ %d\n#define SMTPCODE_DETAILS_ %d\n",
		max_subject + 1, max_detail + 1);
	fputs("static const short smtpcode_enhanced_index_[4][SMTPCODE_SUBJECTS_]"
	      "[SMTPCODE_DETAILS_] = {\n", fp);
	for (c = 0; c < 4; c++) {
		fputs("\t{\n", fp);
		for (s = 0; s <= max_subject; s++) {
			fputs("\t\t{", fp);
			for (d = 0; d <= max_detail; d++) {
				char key[32];
				long index;

				snprintf(key, sizeof key, "%c.%d.%d", classes[c], s, d);
				index = find_entry(key);
				if (index < 0 && c > 0) {
					key[0] = 'X';
					index = find_entry(key);
				}
				fprintf(fp, "%s%ld", d ? ", " : " ", index);
			}
			fputs(" },\n", fp);
		}
		fputs("\t},\n", fp);
	}
	fputs("};\n", fp);
}

static void write_lists(FILE *fp, size_t i, const struct entry *e)
{
	int j;

	put_string_array(fp, "refs", i, e->refs, e->nrefs);
	if (e->nrelated > 0)
		put_string_array(fp, "related", i, e->related, e->nrelated);
	if (e->nbasic > 0) {
		fprintf(fp, "static const unsigned short smtpcode_basic_%zu_[] = {", i);
		for (j = 0; j < e->nbasic; j++)
			fprintf(fp, "%s%d", j ? ", " : " ", e->basic[j]);
		fputs(" };\n", fp);
	}
}

static void put_field(FILE *fp, const char *name, const char *value)
{
	fprintf(fp, "\t\t.%s = ", name);
	if (value != NULL)
		put_c_string(fp, value);
	else
		fputs("NULL", fp);
	fputs(",\n", fp);
}

void write_table(FILE *fp)
{
	size_t i;

	fprintf(fp, "/* %s */\n\n", banner);
	for (i = 0; i < nentries; i++)
		write_lists(fp, i, &entries[i]);
	fprintf(fp, "\nstatic const struct smtpcode_entry smtpcode_table_[%zu] = {\n", nentries);
	for (i = 0; i < nentries; i++) {
		const struct entry *e = &entries[i];

		fputs("\t{\n", fp);
		put_field(fp, "code", code_of(e));
		fprintf(fp, "\t\t.kind = %s,\n\t\t.reply_class = %d,\n"
			"\t\t.subject = %d,\n\t\t.detail = %d,\n\t\t.status = %s,\n",
			e->kind == 1 ? "SMTPCODE_BASIC" : "SMTPCODE_ENHANCED", e->cls, e->subject,
			e->detail, status_enums[e->status]);
		put_field(fp, "title", e->f[F_TITLE].s);
		put_field(fp, "description", e->f[F_DESCRIPTION].s);
		put_field(fp, "when_seen", e->f[F_WHEN_SEEN].s);
		put_field(fp, "how_to_fix", e->f[F_HOW_TO_FIX].s);
		fprintf(fp, "\t\t.who_acts = %s,\n\t\t.retry = %s,\n", actor_enums[e->actor],
			retry_enums[e->retry]);
		fprintf(fp, "\t\t.references = smtpcode_refs_%zu_,\n"
			"\t\t.reference_count = %d,\n", i, e->nrefs);
		if (e->nrelated > 0)
			fprintf(fp, "\t\t.related = smtpcode_related_%zu_,\n", i);
		fprintf(fp, "\t\t.related_count = %d,\n", e->nrelated);
		if (e->nbasic > 0)
			fprintf(fp, "\t\t.basic_codes = smtpcode_basic_%zu_,\n", i);
		fprintf(fp, "\t\t.basic_code_count = %d,\n", e->nbasic);
		if (e->subject_entry >= 0)
			put_field(fp, "subject_name", entries[e->subject_entry].f[F_TITLE].s);
		put_field(fp, "summary", e->f[F_SUMMARY].s);
		fprintf(fp, "\t\t.scope = %s,\n\t\t.stages = 0x%lxul,\n\t\t.next = %s,\n",
			scope_enums[e->scope], e->stages, next_enums[e->next]);
		fprintf(fp, "\t\t.rfc_classes = 0x%xul,\n", e->classes);
		fputs("\t},\n", fp);
	}
	fputs("};\n", fp);
	write_basic_index(fp);
	write_enhanced_index(fp);
}
