/* providers.c -- provider files (codes/providers/ID.codes): how to recognise a provider's
 * replies, and what it means by them. The format is described in codes/providers/FORMAT. */
#include <ctype.h>
#include <string.h>

#include "gencodes.h"
#include "smtpcode.h"

#define DOC_TOKEN_(name, token, value) #token,
static const char *const documented_tokens[] = { SMTPCODE_DOCUMENTED_LIST(DOC_TOKEN_, DOC_TOKEN_) };
#undef DOC_TOKEN_
static const char *const yes_no[] = { "no", "yes" };

/* A list field, split. */
struct list {
	char *item[MAX_LIST];
	int n;
};

struct provider {
	const char *file;
	int line;
	struct text f[V_COUNT];
	struct list lists[4]; /* signatures, help_hosts, mx_suffixes, domains */
};

/* A code an entry names: basic -1 or the number; enhanced "" or the code. */
struct pcode {
	int basic;
	char enhanced[16];
};

struct pentry {
	const char *file;
	int line;
	long provider;
	struct text f[E_COUNT];
	struct list markers, texts;
	struct pcode codes[MAX_LIST], wire[MAX_LIST];
	int ncodes, nwire;
	int range_cls, range_subject, range_lo, range_hi; /* range_cls 0: no range */
	int actor, retry, suppress, documented;
};

static struct provider *providers;
static size_t nproviders, capproviders;
static struct pentry *pentries;
static size_t npentries, cappentries;
static const char *provider_file; /* the file whose provider block was read last */
static long file_provider = -1;    /* its index, or -1 */

static void free_list(struct list *l)
{
	free_items(l->item, l->n);
	l->n = 0;
}

static int is_key_char(int c)
{
	return isalnum(c) || c == '.' || c == '_' || c == '-' || c == '#';
}

/* Splits a list field; items that fail ok() are reported with what they should be. */
static void read_list(const char *file, const struct text *t, const char *field, const char *sep,
		      struct list *l, int (*ok)(const char *), const char *what)
{
	int i;

	l->n = 0;
	if (t->s == NULL || (l->n = split_items(file, t, field, sep, l->item)) < 0) {
		l->n = 0;
		return;
	}
	for (i = 0; ok != NULL && i < l->n; i++)
		if (!ok(l->item[i]))
			error_at(file, t->line, "%s: '%s' is not %s", field, l->item[i], what);
}

static int is_provider_id(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s) && *s != '-')
			return 0;
	return 1;
}

static int is_key(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!is_key_char((unsigned char)*s))
			return 0;
	return 1;
}

static int is_signature(const char *s)
{
	return strlen(s) >= 4 && strlen(s) <= 200; /* the table holds a length below 256 */
}

static int is_host(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!isalnum((unsigned char)*s) && *s != '.' && *s != '-')
			return 0;
	return 1;
}

static int is_fragment(const char *s)
{
	return strlen(s) >= 6;
}

/* "YYYY-MM-DD" with a month and a day that exist. */
static int is_date(const char *s)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int i, y, m, d;

	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !isdigit((unsigned char)s[i]))
			return 0;
	if (s[10] != '\0')
		return 0;
	y = (int)strtol(s, NULL, 10);
	m = (int)strtol(s + 5, NULL, 10);
	d = (int)strtol(s + 8, NULL, 10);
	return y >= 1990 && m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1];
}

/* Removes the spaces continuation lines put into a text that holds none. */
static void squeeze_spaces(struct text *t)
{
	size_t i, k = 0;

	for (i = 0; t->s != NULL && i < t->len; i++)
		if (t->s[i] != ' ')
			t->s[k++] = t->s[i];
	if (t->s != NULL)
		t->s[t->len = k] = '\0';
}

/* "owner/repo:path" */
static int is_repo_path(const char *s)
{
	const char *slash = strchr(s, '/'), *colon = strchr(s, ':');

	return slash != NULL && colon != NULL && slash > s && colon > slash + 1 &&
	       colon[1] != '\0' && strchr(s, ' ') == NULL;
}

/* A source names a page or a file: "https://host/path..." with a path, or "owner/repo:path". */
static int is_source(const char *s)
{
	const char *p;

	if (strncmp(s, "https://", 8) == 0 || strncmp(s, "http://", 7) == 0) {
		p = strchr(strstr(s, "://") + 3, '/');
		return p != NULL && p[1] != '\0' && strchr(s, ' ') == NULL;
	}
	return is_repo_path(s);
}

void finish_provider(struct block *b)
{
	static const int required[] = { V_PROVIDER, V_NAME, V_ABOUT };
	static const int prose[] = { V_ABOUT };
	static const char *const names[4] = { "signatures", "help_hosts", "mx_suffixes", "domains" };
	static const enum provider_field fields[4] = {
		V_SIGNATURES, V_HELP_HOSTS, V_MX_SUFFIXES, V_DOMAINS
	};
	struct provider p;
	const char *base;
	int i, any = 0;

	memset(&p, 0, sizeof p);
	p.file = b->file;
	p.line = b->line;
	check_common(b, required, (int)(sizeof required / sizeof required[0]), prose, 1, -1);
	for (i = 0; i < V_COUNT; i++) {
		p.f[i] = b->f[i];
		b->f[i].s = NULL;
	}
	if (provider_file == p.file)
		error_at(p.file, p.line, "a second provider block; a file describes one provider");
	provider_file = p.file;
	if (p.f[V_PROVIDER].s != NULL) {
		base = strrchr(p.file, '/');
		base = base != NULL ? base + 1 : p.file;
		if (!is_provider_id(p.f[V_PROVIDER].s))
			error_at(p.file, p.f[V_PROVIDER].line, "provider: '%s' is not an id of lower "
				 "case letters, digits and '-'", p.f[V_PROVIDER].s);
		else if (strncmp(base, p.f[V_PROVIDER].s, strlen(p.f[V_PROVIDER].s)) != 0 ||
			 strcmp(base + strlen(p.f[V_PROVIDER].s), ".codes") != 0)
			error_at(p.file, p.f[V_PROVIDER].line, "provider: the file of '%s' is named "
				 "%s.codes", p.f[V_PROVIDER].s, p.f[V_PROVIDER].s);
	}
	read_list(p.file, &p.f[V_SIGNATURES], "signatures", ",", &p.lists[0], is_signature,
		  "a fragment of 4 to 200 characters");
	read_list(p.file, &p.f[V_HELP_HOSTS], "help_hosts", ",", &p.lists[1], is_host, "a host name");
	read_list(p.file, &p.f[V_MX_SUFFIXES], "mx_suffixes", ",", &p.lists[2], is_host,
		  "a host name suffix");
	read_list(p.file, &p.f[V_DOMAINS], "domains", ",", &p.lists[3], is_host, "a domain");
	for (i = 0; i < 4; i++)
		any |= p.f[fields[i]].s != NULL || p.f[fields[i]].line != 0;
	if (!any)
		error_at(p.file, p.line, "a provider needs at least one of %s, %s, %s, %s", names[0],
			 names[1], names[2], names[3]);
	if (nproviders == capproviders) {
		capproviders = capproviders ? 2 * capproviders : 32;
		providers = xrealloc(providers, capproviders * sizeof *providers);
	}
	file_provider = (long)nproviders;
	providers[nproviders++] = p;
}

/* Reads "550 5.7.1", "5.7.1" or "550" into c; 0, or -1 when it is none of these. */
static int parse_pcode(const char *s, struct pcode *c)
{
	const char *space = strchr(s, ' ');
	int kind, cls, subject, detail;
	char basic[8];

	c->basic = -1;
	c->enhanced[0] = '\0';
	if (space != NULL) {
		if ((size_t)(space - s) >= sizeof basic)
			return -1;
		memcpy(basic, s, (size_t)(space - s));
		basic[space - s] = '\0';
		if (parse_data_code(basic, &kind, &cls, &subject, &detail) != 0 || kind != 1)
			return -1;
		c->basic = (int)strtol(basic, NULL, 10);
		s = space + 1;
	}
	if (parse_data_code(s, &kind, &cls, &subject, &detail) != 0 || cls == 0 ||
	    (kind == 2 && (subject < 0 || detail < 0)) || (kind == 1 && c->basic >= 0))
		return -1;
	if (kind == 1)
		c->basic = (int)strtol(s, NULL, 10);
	else
		snprintf(c->enhanced, sizeof c->enhanced, "%s", s);
	return 0;
}

static int read_pcodes(const char *file, const struct text *t, const char *field,
		       struct pcode *codes)
{
	char *items[MAX_LIST];
	int n, i, k = 0;

	if (t->s == NULL || (n = split_items(file, t, field, ",", items)) < 0)
		return 0;
	for (i = 0; i < n; i++) {
		if (parse_pcode(items[i], &codes[k]) == 0)
			k++;
		else
			error_at(file, t->line, "%s: '%s' is not a reply code, an enhanced code, or "
				 "both (\"550 5.7.1\")", field, items[i]);
	}
	free_items(items, n);
	return k;
}

/* Reads a number of 1-3 digits at *s into *v and moves past it; 0 when there is none. */
static int read_digits(const char **s, int *v)
{
	const char *p = *s;
	int n = 0;

	*v = 0;
	while (n < 3 && isdigit((unsigned char)p[n]))
		*v = *v * 10 + (p[n++] - '0');
	*s = p + n;
	return n > 0;
}

/* "5.7.700-749": class, subject and a range of details. */
static void read_range(struct pentry *e)
{
	const struct text *t = &e->f[E_RANGE];
	const char *p = t->s;
	int cls = -1, subject = -1, lo = -1, hi = -1;

	if (p == NULL)
		return;
	if (!read_digits(&p, &cls) || *p++ != '.' || !read_digits(&p, &subject) || *p++ != '.' ||
	    !read_digits(&p, &lo) || *p++ != '-' || !read_digits(&p, &hi) || *p != '\0' ||
	    (cls != 2 && cls != 4 && cls != 5) || lo > hi) {
		error_at(e->file, t->line, "range: '%s' is not CLASS.SUBJECT.LOW-HIGH "
			 "(\"5.7.700-749\")", t->s);
		return;
	}
	e->range_cls = cls;
	e->range_subject = subject;
	e->range_lo = lo;
	e->range_hi = hi;
}

void finish_pentry(struct block *b)
{
	static const int required[] = {
		E_ENTRY, E_TITLE, E_SUMMARY, E_MEANING, E_HOW_TO_FIX, E_WHO_ACTS, E_RETRY, E_SUPPRESS,
		E_DOCUMENTED, E_SOURCE, E_VERIFIED, E_SAMPLE
	};
	static const int prose[] = { E_SUMMARY, E_MEANING, E_HOW_TO_FIX };
	struct pentry e;
	int i;

	memset(&e, 0, sizeof e);
	e.file = b->file;
	e.line = b->line;
	check_common(b, required, (int)(sizeof required / sizeof required[0]), prose,
		     (int)(sizeof prose / sizeof prose[0]), E_TITLE);
	for (i = 0; i < E_COUNT; i++) {
		e.f[i] = b->f[i];
		b->f[i].s = NULL;
	}
	/* an address or path holds no space: continuation lines join it without one */
	squeeze_spaces(&e.f[E_SOURCE]);
	squeeze_spaces(&e.f[E_SOURCE_COPY]);
	e.provider = provider_file == e.file ? file_provider : -1;
	if (e.provider < 0)
		error_at(e.file, e.line, "an entry before the provider block; a provider file "
			 "starts with 'provider:'");
	if (e.f[E_ENTRY].s != NULL && !is_key(e.f[E_ENTRY].s))
		error_at(e.file, e.f[E_ENTRY].line, "entry: '%s' is not a key of letters, digits "
			 "and . _ - #", e.f[E_ENTRY].s);
	read_list(e.file, &e.f[E_MARKER], "marker", ",", &e.markers, is_key,
		  "a token of letters, digits and . _ - #");
	for (i = 0; i < e.markers.n; i++)
		if (strlen(e.markers.item[i]) > 63)
			error_at(e.file, e.f[E_MARKER].line, "marker: '%s' is longer than 63 characters",
				 e.markers.item[i]);
	e.ncodes = read_pcodes(e.file, &e.f[E_CODES], "codes", e.codes);
	e.nwire = read_pcodes(e.file, &e.f[E_WIRE_CODE], "wire_code", e.wire);
	read_range(&e);
	read_list(e.file, &e.f[E_TEXT], "text", " | ", &e.texts, is_fragment,
		  "a fragment of at least 6 characters");
	if (e.f[E_MARKER].s == NULL && e.f[E_CODES].s == NULL && e.f[E_RANGE].s == NULL &&
	    e.f[E_MARKER].line == 0 && e.f[E_CODES].line == 0 && e.f[E_RANGE].line == 0)
		error_at(e.file, e.line, "an entry needs at least one of marker, codes, range");
	if (e.f[E_TEXT].s != NULL && e.f[E_CODES].s == NULL && e.f[E_RANGE].s == NULL)
		error_at(e.file, e.f[E_TEXT].line, "text: needs codes or range to go with");
	e.actor = token_field(e.file, &e.f[E_WHO_ACTS], "who_acts", actor_tokens, nactor, 0, 0);
	e.retry = token_field(e.file, &e.f[E_RETRY], "retry", retry_tokens, nretry, 0, 0);
	e.suppress = token_field(e.file, &e.f[E_SUPPRESS], "suppress_recipient", yes_no, 2, 0, 0);
	e.documented = token_field(e.file, &e.f[E_DOCUMENTED], "documented", documented_tokens, 3,
				   0, 0);
	if (e.documented == 2 && e.f[E_WIRE_CODE].s == NULL)
		error_at(e.file, e.f[E_DOCUMENTED].line, "documented: doc_differs needs wire_code "
			 "(the codes the servers send)");
	if (e.documented != 2 && e.f[E_WIRE_CODE].s != NULL)
		error_at(e.file, e.f[E_WIRE_CODE].line, "wire_code: only with documented: "
			 "doc_differs");
	if (e.f[E_SOURCE].s != NULL && !is_source(e.f[E_SOURCE].s))
		error_at(e.file, e.f[E_SOURCE].line, "source: '%s' names no page or file "
			 "(https://host/path or owner/repo:path)", e.f[E_SOURCE].s);
	if (e.f[E_SOURCE_COPY].s != NULL && !is_repo_path(e.f[E_SOURCE_COPY].s))
		error_at(e.file, e.f[E_SOURCE_COPY].line, "source_copy: '%s' is not "
			 "owner/repo:path", e.f[E_SOURCE_COPY].s);
	if (e.f[E_VERIFIED].s != NULL && !is_date(e.f[E_VERIFIED].s))
		error_at(e.file, e.f[E_VERIFIED].line, "verified: '%s' is not a date YYYY-MM-DD",
			 e.f[E_VERIFIED].s);
	if (npentries == cappentries) {
		cappentries = cappentries ? 2 * cappentries : 256;
		pentries = xrealloc(pentries, cappentries * sizeof *pentries);
	}
	pentries[npentries++] = e;
}

/* One string that must be unique within its group (a provider, or -1 for the whole data),
 * and where it was written: duplicates are found by sorting, so checking stays n log n. */
struct key {
	const char *s;
	long group;
	size_t seq;      /* order of appearance: the later of two is reported */
	const char *file;
	int line;
	const char *owner; /* what the string belongs to, for the message */
};

static int compare_keys(const void *pa, const void *pb)
{
	const struct key *a = pa, *b = pb;
	int c;

	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	if ((c = strcmp(a->s, b->s)) != 0)
		return c;
	return (a->seq > b->seq) - (a->seq < b->seq);
}

enum dup { DUP_PROVIDER, DUP_SIGNATURE, DUP_MARKER, DUP_KEY, DUP_MEANING, DUP_HOW_TO_FIX };

static void report_duplicate(enum dup what, const struct key *k, const struct key *first)
{
	switch (what) {
	case DUP_PROVIDER:
		error_at(k->file, k->line, "provider: '%s' is described already (at %s:%d)", k->s,
			 first->file, first->line);
		break;
	case DUP_SIGNATURE:
		error_at(k->file, k->line, "signatures: '%s' is a signature of %s already (at %s:%d)",
			 k->s, first->owner, first->file, first->line);
		break;
	case DUP_MARKER:
		error_at(k->file, k->line, "marker: '%s' is a marker of entry %s already (at %s:%d)",
			 k->s, first->owner, first->file, first->line);
		break;
	case DUP_KEY:
		error_at(k->file, k->line, "entry: '%s' is a key of this provider already (at %s:%d)",
			 k->s, first->file, first->line);
		break;
	case DUP_MEANING:
	case DUP_HOW_TO_FIX:
		error_at(k->file, k->line, "%s: the same text as entry %s (at %s:%d); merge the two "
			 "or say what differs", what == DUP_MEANING ? "meaning" : "how_to_fix",
			 first->owner, first->file, first->line);
		break;
	}
}

/* Sorts keys and reports each string that its group holds twice, naming the first place. */
static void report_duplicates(struct key *keys, size_t n, enum dup what)
{
	size_t i, first = 0;

	if (n > 0)
		qsort(keys, n, sizeof *keys, compare_keys);
	for (i = 1; i < n; i++) {
		if (keys[i].group != keys[first].group || strcmp(keys[i].s, keys[first].s) != 0)
			first = i;
		else
			report_duplicate(what, &keys[i], &keys[first]);
	}
}

static struct key *add_key(struct key **keys, size_t *n, size_t *cap)
{
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 256;
		*keys = xrealloc(*keys, *cap * sizeof **keys);
	}
	return &(*keys)[(*n)++];
}

/* Checks what spans blocks: ids, keys, signatures and markers that must be unique, and the
 * entries of one provider that say the same thing twice. */
void check_providers(void)
{
	struct key *keys = NULL;
	size_t n = 0, cap = 0, i, seq = 0;
	int a;

	for (i = 0; i < nproviders; i++) {
		const struct provider *p = &providers[i];
		struct key *k;

		if (p->f[V_PROVIDER].s != NULL) {
			k = add_key(&keys, &n, &cap);
			*k = (struct key){ p->f[V_PROVIDER].s, -1, seq++, p->file,
					   p->f[V_PROVIDER].line, p->f[V_PROVIDER].s };
		}
	}
	report_duplicates(keys, n, DUP_PROVIDER);
	n = 0;
	for (i = 0; i < nproviders; i++) {
		const struct provider *p = &providers[i];

		for (a = 0; a < p->lists[0].n; a++) {
			struct key *k = add_key(&keys, &n, &cap);

			*k = (struct key){ p->lists[0].item[a], -1, seq++, p->file,
					   p->f[V_SIGNATURES].line, p->f[V_PROVIDER].s };
		}
	}
	report_duplicates(keys, n, DUP_SIGNATURE);
	n = 0;
	for (i = 0; i < npentries; i++) {
		const struct pentry *e = &pentries[i];

		for (a = 0; a < e->markers.n; a++) {
			struct key *k = add_key(&keys, &n, &cap);

			*k = (struct key){ e->markers.item[a], -1, seq++, e->file, e->f[E_MARKER].line,
					   e->f[E_ENTRY].s != NULL ? e->f[E_ENTRY].s : "?" };
		}
	}
	report_duplicates(keys, n, DUP_MARKER);
	for (a = 0; a < 3; a++) {
		static const enum pentry_field fields[3] = { E_ENTRY, E_MEANING, E_HOW_TO_FIX };
		static const enum dup what[3] = { DUP_KEY, DUP_MEANING, DUP_HOW_TO_FIX };

		n = 0;
		for (i = 0; i < npentries; i++) {
			const struct pentry *e = &pentries[i];
			struct key *k;

			if (e->f[fields[a]].s == NULL || e->provider < 0)
				continue;
			k = add_key(&keys, &n, &cap);
			*k = (struct key){ e->f[fields[a]].s, e->provider, seq++, e->file,
					   e->f[fields[a]].line,
					   e->f[E_ENTRY].s != NULL ? e->f[E_ENTRY].s : "?" };
		}
		report_duplicates(keys, n, what[a]);
	}
	free(keys);
}

void free_providers(void)
{
	size_t i;
	int k;

	for (i = 0; i < nproviders; i++) {
		for (k = 0; k < V_COUNT; k++)
			free(providers[i].f[k].s);
		for (k = 0; k < 4; k++)
			free_list(&providers[i].lists[k]);
	}
	for (i = 0; i < npentries; i++) {
		for (k = 0; k < E_COUNT; k++)
			free(pentries[i].f[k].s);
		free_list(&pentries[i].markers);
		free_list(&pentries[i].texts);
	}
	free(providers);
	free(pentries);
	providers = NULL;
	pentries = NULL;
	nproviders = capproviders = npentries = cappentries = 0;
	provider_file = NULL;
	file_provider = -1;
}

/* ---- output ----------------------------------------------------------------------------- */

static const char *const actor_c[] = {
#define ACTOR_C_(name, token, value) "SMTPCODE_ACTOR_" #name,
	SMTPCODE_ACTOR_LIST(ACTOR_C_, ACTOR_C_)
#undef ACTOR_C_
};
static const char *const retry_c[] = {
#define RETRY_C_(name, token, value) "SMTPCODE_RETRY_" #name,
	SMTPCODE_RETRY_LIST(RETRY_C_, RETRY_C_)
#undef RETRY_C_
};
static const char *const documented_c[] = {
#define DOC_C_(name, token, value) "SMTPCODE_DOCUMENTED_" #name,
	SMTPCODE_DOCUMENTED_LIST(DOC_C_, DOC_C_)
#undef DOC_C_
};

/* Providers in id order: where provider i of the files is in the table. */
static size_t *provider_order(void)
{
	size_t *order = xrealloc(NULL, (nproviders + 1) * sizeof *order), i, j;

	for (i = 0; i < nproviders; i++)
		order[i] = i;
	for (i = 1; i < nproviders; i++) /* insertion sort: a few dozen */
		for (j = i; j > 0 && strcmp(providers[order[j - 1]].f[V_PROVIDER].s,
					    providers[order[j]].f[V_PROVIDER].s) > 0; j--) {
			size_t t = order[j];

			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	return order;
}

static void put_opt_string(FILE *fp, const char *s)
{
	if (s == NULL)
		fputs("NULL", fp);
	else
		put_c_string(fp, s);
}

static int lower_c(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* A signature of the table: its text and the provider it names. */
struct sig {
	const char *s;
	size_t provider; /* index in id order */
};

static int compare_sigs(const void *pa, const void *pb)
{
	const struct sig *a = pa, *b = pb;
	int ca = lower_c((unsigned char)a->s[0]), cb = lower_c((unsigned char)b->s[0]);
	size_t la = strlen(a->s), lb = strlen(b->s);

	if (ca != cb)
		return ca - cb;
	if (la != lb)
		return la > lb ? -1 : 1; /* the longest first */
	return strcmp(a->s, b->s);
}

/* Writes the provider tables (providers-table.inc): the providers in id order, their entries
 * in file order, what the matcher needs of each entry, and the signatures by first byte. */
void write_providers(FILE *fp)
{
	size_t *order = provider_order(), *rank = xrealloc(NULL, (nproviders + 1) * sizeof *rank);
	size_t i, k, nsig = 0, ncodes = 0, e, first;
	struct sig *sigs;
	const char *newest = "0000-00-00";
	unsigned sig_first[257];
	int a, c;

	for (i = 0; i < nproviders; i++)
		rank[order[i]] = i;
	fprintf(fp, "/* %s */\n\n", banner);
	/* the providers' lists */
	for (i = 0; i < nproviders; i++) {
		static const char *const names[4] = { "psig", "phelp", "pmx", "pdom" };
		const struct provider *p = &providers[order[i]];

		for (a = 0; a < 4; a++)
			put_string_array(fp, names[a], i, p->lists[a].item, p->lists[a].n);
	}
	/* the entries' lists, in id order of their providers */
	for (i = 0, e = 0; i < nproviders; i++) {
		for (k = 0; k < npentries; k++) {
			const struct pentry *pe = &pentries[k];

			if (pe->provider != (long)order[i])
				continue;
			put_string_array(fp, "pmark", e, pe->markers.item, pe->markers.n);
			put_string_array(fp, "ptext", e, pe->texts.item, pe->texts.n);
			e++;
		}
	}
	fprintf(fp, "\nstatic const struct smtpcode_provider smtpcode_providers_[%zu] = {\n",
		nproviders ? nproviders : 1);
	for (i = 0; i < nproviders; i++) {
		const struct provider *p = &providers[order[i]];
		const char *verified = "0000-00-00";
		size_t n = 0;

		for (k = 0; k < npentries; k++) {
			if (pentries[k].provider != (long)order[i])
				continue;
			n++;
			if (pentries[k].f[E_VERIFIED].s != NULL &&
			    strcmp(pentries[k].f[E_VERIFIED].s, verified) > 0)
				verified = pentries[k].f[E_VERIFIED].s;
		}
		if (strcmp(verified, newest) > 0)
			newest = verified;
		fputs("\t{ ", fp);
		put_c_string(fp, p->f[V_PROVIDER].s);
		fputs(", ", fp);
		put_c_string(fp, p->f[V_NAME].s);
		fputs(",\n\t  ", fp);
		put_c_string(fp, p->f[V_ABOUT].s);
		fprintf(fp, ",\n\t  smtpcode_psig_%zu_, %d, smtpcode_phelp_%zu_, %d, smtpcode_pmx_%zu_, %d, "
			    "smtpcode_pdom_%zu_, %d, %zu, \"%s\" },\n",
			i, p->lists[0].n, i, p->lists[1].n, i, p->lists[2].n, i, p->lists[3].n, n, verified);
	}
	fputs("};\n\n", fp);
	fprintf(fp, "static const char smtpcode_data_verified_[] = \"%s\";\n\n", newest);
	/* the entries */
	fprintf(fp, "static const struct smtpcode_provider_entry smtpcode_pentries_[%zu] = {\n",
		npentries ? npentries : 1);
	for (i = 0, e = 0; i < nproviders; i++) {
		for (k = 0; k < npentries; k++) {
			const struct pentry *pe = &pentries[k];
			char id[256];

			if (pe->provider != (long)order[i])
				continue;
			snprintf(id, sizeof id, "%s/%s", providers[order[i]].f[V_PROVIDER].s,
				 pe->f[E_ENTRY].s);
			fputs("\t{ ", fp);
			put_c_string(fp, id);
			fputs(", ", fp);
			put_c_string(fp, pe->f[E_ENTRY].s);
			fprintf(fp, ", &smtpcode_providers_[%zu], smtpcode_pmark_%zu_, %d, ", i, e,
				pe->markers.n);
			put_opt_string(fp, pe->f[E_CODES].s);
			fputs(", ", fp);
			put_opt_string(fp, pe->f[E_RANGE].s);
			fprintf(fp, ", smtpcode_ptext_%zu_, %d,\n\t  ", e, pe->texts.n);
			put_c_string(fp, pe->f[E_TITLE].s);
			fputs(",\n\t  ", fp);
			put_c_string(fp, pe->f[E_SUMMARY].s);
			fputs(",\n\t  ", fp);
			put_c_string(fp, pe->f[E_MEANING].s);
			fputs(",\n\t  ", fp);
			put_c_string(fp, pe->f[E_HOW_TO_FIX].s);
			fprintf(fp, ",\n\t  %s, %s, %d, %s, ", actor_c[pe->actor], retry_c[pe->retry],
				pe->suppress, documented_c[pe->documented]);
			put_opt_string(fp, pe->f[E_WIRE_CODE].s);
			fputs(",\n\t  ", fp);
			put_c_string(fp, pe->f[E_SOURCE].s);
			fputs(", ", fp);
			put_opt_string(fp, pe->f[E_SOURCE_COPY].s);
			fputs(", ", fp);
			put_c_string(fp, pe->f[E_VERIFIED].s);
			fputs(",\n\t  ", fp);
			put_c_string(fp, pe->f[E_SAMPLE].s);
			fputs(" },\n", fp);
			e++;
		}
	}
	fputs("};\n\n", fp);
	/* where each provider's entries start */
	fprintf(fp, "static const unsigned short smtpcode_provider_first_[%zu] = {", nproviders + 1);
	for (i = 0, first = 0; i <= nproviders; i++) {
		fprintf(fp, "%s%zu", i ? ", " : " ", first);
		if (i < nproviders)
			for (k = 0; k < npentries; k++)
				first += pentries[k].provider == (long)order[i];
	}
	fputs(" };\n\n", fp);
	/* what the matcher needs: the codes parsed, the range */
	fputs("static const struct pcode_ smtpcode_pcodes_[] = {\n", fp);
	for (i = 0; i < nproviders; i++)
		for (k = 0; k < npentries; k++) {
			const struct pentry *pe = &pentries[k];

			if (pe->provider != (long)order[i])
				continue;
			for (a = 0; a < pe->ncodes; a++) {
				int kind = 0, cls = -1, subject = -1, detail = -1;

				if (pe->codes[a].enhanced[0] != '\0')
					parse_data_code(pe->codes[a].enhanced, &kind, &cls, &subject, &detail);
				fprintf(fp, "\t{ %d, %d, %d, %d },\n", pe->codes[a].basic,
					pe->codes[a].enhanced[0] ? cls : -1, subject, detail);
				ncodes++;
			}
		}
	if (ncodes == 0)
		fputs("\t{ -1, -1, -1, -1 }\n", fp);
	fputs("};\n\n", fp);
	fprintf(fp, "static const struct pmatch_ smtpcode_pmatch_[%zu] = {\n", npentries ? npentries : 1);
	for (i = 0, ncodes = 0; i < nproviders; i++)
		for (k = 0; k < npentries; k++) {
			const struct pentry *pe = &pentries[k];

			if (pe->provider != (long)order[i])
				continue;
			fprintf(fp, "\t{ %zu, %d, %d, %d, %d, %d },\n", ncodes, pe->ncodes, pe->range_cls,
				pe->range_subject, pe->range_lo, pe->range_hi);
			ncodes += (size_t)pe->ncodes;
		}
	fputs("};\n\n", fp);
	/* the signatures, by first byte (letters in lower case), the longest first */
	for (i = 0; i < nproviders; i++)
		nsig += (size_t)providers[order[i]].lists[0].n;
	sigs = xrealloc(NULL, (nsig + 1) * sizeof *sigs);
	for (i = 0, nsig = 0; i < nproviders; i++)
		for (a = 0; a < providers[order[i]].lists[0].n; a++) {
			sigs[nsig].s = providers[order[i]].lists[0].item[a];
			sigs[nsig++].provider = i;
		}
	qsort(sigs, nsig, sizeof *sigs, compare_sigs);
	fputs("static const struct psig_ smtpcode_psigs_[] = {\n", fp);
	for (i = 0; i < nsig; i++) {
		fputs("\t{ ", fp);
		put_c_string(fp, sigs[i].s);
		fprintf(fp, ", %zu, %zu },\n", strlen(sigs[i].s), sigs[i].provider);
	}
	if (nsig == 0)
		fputs("\t{ \"\", 0, 0 }\n", fp);
	fputs("};\n\n", fp);
	for (c = 0, i = 0; c <= 256; c++) {
		while (i < nsig && lower_c((unsigned char)sigs[i].s[0]) < c)
			i++;
		sig_first[c] = (unsigned)i;
	}
	fputs("static const unsigned short smtpcode_psig_first_[257] = {", fp);
	for (c = 0; c <= 256; c++)
		fprintf(fp, "%s%u%s", c % 16 == 0 ? "\n\t" : "", sig_first[c], c < 256 ? ", " : "\n");
	fputs("};\n", fp);
	fprintf(fp, "#define SMTPCODE_PROVIDER_COUNT_ %zu\n#define SMTPCODE_PENTRY_COUNT_ %zu\n",
		nproviders, npentries);
	free(sigs);
	free(order);
	free(rank);
}

/* The markers, as gperf keywords: marker, entry index in the table. */
void write_markers(FILE *fp)
{
	size_t *order = provider_order(), i, k, e = 0;
	int a, any = 0;

	fprintf(fp, "%%{\n/* %s */\n%%}\n", banner);
	fputs("%language=ANSI-C\n%struct-type\n%omit-struct-type\n%readonly-tables\n"
	      "%compare-lengths\n%define hash-function-name smtpcode_mhash_\n"
	      "%define lookup-function-name smtpcode_mfind_\n"
	      "%define word-array-name smtpcode_mwords_\n%define initializer-suffix ,0\n"
	      "%define constants-prefix SMTPCODE_MGPERF_\nstruct smtpcode_mkey;\n%%\n", fp);
	for (i = 0; i < nproviders; i++)
		for (k = 0; k < npentries; k++) {
			const struct pentry *pe = &pentries[k];

			if (pe->provider != (long)order[i])
				continue;
			for (a = 0; a < pe->markers.n; a++) {
				put_c_string(fp, pe->markers.item[a]);
				fprintf(fp, ", %zu\n", e);
				any = 1;
			}
			e++;
		}
	if (!any)
		fputs("\"\", 0\n", fp);
	fputs("%%\n", fp);
	free(order);
}
