/* lookup.c -- smtpcode_lookup against a binary search, a linear scan and a direct-indexed array,
 * all built at start-up from the library's own iteration API so they hold the same keys. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smtpcode.h"
#include "bench.h"
#include "util.h" /* format_enhanced: the library's own key format */

#define WORKLOAD 8192            /* keys per pass: far more than a branch predictor learns */
#define POOL_MAX 8192            /* distinct key strings */
#define SAMPLE_NS 15000000.0     /* aim for 15 ms per timed sample */
#define SEED 0x534d5450u         /* "SMTP" */

typedef const struct smtpcode_entry *(*lookup_fn)(const char *code);

struct sorted_key {
	const char *code;
	const struct smtpcode_entry *entry;
};

/* The comparison structures. */
static struct sorted_key *sorted;
static size_t sorted_count;
static const struct smtpcode_entry *by_number[1000];

/* Key strings live in one block, so every contender reads the same bytes at the same addresses. */
static char (*pool)[16];
static size_t pool_count;

/* The workloads: pointers into pool. */
enum { AS_WRITTEN, CLASS_FORM, UNKNOWN, MALFORMED, KNOWN_BASIC, UNKNOWN_BASIC, CATEGORIES };
static const char **category[CATEGORIES];
static size_t category_count[CATEGORIES];
static const char *mixed[WORKLOAD], *basic3[WORKLOAD];
static const char *as_written_only[WORKLOAD], *class_form_only[WORKLOAD];

static const char *const malformed_keys[] = {
	"", "5", "55", "5555", "abc", "5.7", "5.7.", "5.7.8.", "5..8", "1.2.3", "6.7.8", "135",
	"099", "5.7.8 ", " 535", "5,7,8", "5.1234.5", "5.XXX.7", "X.XXX.XXX", "toolong.code.1",
	"\x01\x02\x03", "55a", "x.x.x", "5.7.8\t",
};

static void add_key(int cat, const char *s)
{
	if (pool_count == POOL_MAX || strlen(s) >= sizeof pool[0])
		return;
	strcpy(pool[pool_count], s);
	category[cat][category_count[cat]++] = pool[pool_count++];
}

static const struct smtpcode_entry *binary_find(const char *key)
{
	size_t lo = 0, hi = sorted_count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(key, sorted[mid].code);

		if (c == 0)
			return sorted[mid].entry;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

static const struct smtpcode_entry *linear_find(const char *key)
{
	size_t i, n = smtpcode_entry_count();

	for (i = 0; i < n; i++) {
		const struct smtpcode_entry *e = smtpcode_entry_at(i);

		if (strcmp(key, e->code) == 0)
			return e;
	}
	return NULL;
}

/* smtpcode_lookup's steps, with find() in place of the gperf probe. */
static const struct smtpcode_entry *normalised_lookup(const char *code,
							const struct smtpcode_entry *(*find)(const char *))
{
	struct smtpcode_code c;
	const struct smtpcode_entry *e = NULL;
	char key[16];

	if (smtpcode_parse_code(code, &c) != SMTPCODE_OK)
		return NULL;
	if (c.kind == SMTPCODE_BASIC)
		return find(code);
	if (c.reply_class != 0) {
		format_enhanced(key, (char)('0' + c.reply_class), c.subject, c.detail);
		e = find(key);
	}
	if (e == NULL && c.subject >= 0) {
		format_enhanced(key, 'X', c.subject, c.detail);
		e = find(key);
	}
	return e;
}

static BENCH_NOINLINE const struct smtpcode_entry *binary_lookup(const char *code)
{
	return normalised_lookup(code, binary_find);
}

static BENCH_NOINLINE const struct smtpcode_entry *linear_lookup(const char *code)
{
	return normalised_lookup(code, linear_find);
}

/* The lower bound for three-digit codes: check the shape, index an array. */
static BENCH_NOINLINE const struct smtpcode_entry *direct_lookup(const char *code)
{
	unsigned a = (unsigned char)code[0] - '0', b, c;

	if (a > 9 || (b = (unsigned char)code[1] - '0') > 9 ||
	    (c = (unsigned char)code[2] - '0') > 9 || code[3] != '\0')
		return NULL;
	return by_number[a * 100 + b * 10 + c];
}

/* For the breakdown: the parse alone. */
static const struct smtpcode_entry parsed_marker;
static BENCH_NOINLINE const struct smtpcode_entry *parse_only(const char *code)
{
	struct smtpcode_code c;

	return smtpcode_parse_code(code, &c) == SMTPCODE_OK ? &parsed_marker : NULL;
}

static int compare_sorted(const void *a, const void *b)
{
	return strcmp(((const struct sorted_key *)a)->code, ((const struct sorted_key *)b)->code);
}

static int build_structures(void)
{
	size_t i, n = smtpcode_entry_count();

	sorted = calloc(n, sizeof *sorted);
	if (sorted == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		const struct smtpcode_entry *e = smtpcode_entry_at(i);

		sorted[i].code = e->code;
		sorted[i].entry = e;
		if (e->kind == SMTPCODE_BASIC)
			by_number[atoi(e->code)] = e;
	}
	sorted_count = n;
	qsort(sorted, n, sizeof *sorted, compare_sorted);
	return 0;
}

static void add_class_forms(const struct smtpcode_entry *e, unsigned *lowercase)
{
	char key[16];
	int seen[6] = { 0 };
	size_t j;

	if (e->kind != SMTPCODE_ENHANCED || e->reply_class != 0)
		return;
	for (j = 0; j < e->basic_code_count; j++)
		if (e->basic_codes[j] / 100 < 6)
			seen[e->basic_codes[j] / 100] = 1;
	seen[3] = 0; /* 3xx replies carry no enhanced code */
	if (!seen[2] && !seen[4])
		seen[5] = 1;
	for (j = 2; j < 6; j++) {
		if (!seen[j])
			continue;
		format_enhanced(key, (char)('0' + j), e->subject, e->detail);
		add_key(CLASS_FORM, key);
	}
	/* now and then the class-independent form typed in lower case */
	if (++*lowercase % 8 == 0) {
		format_enhanced(key, 'x', e->subject, e->detail);
		add_key(CLASS_FORM, key);
	}
}

static void build_pool(void)
{
	size_t i, n = smtpcode_entry_count();
	unsigned lowercase = 0;
	char key[16];
	int s, d, cls;

	for (i = 0; i < n; i++) {
		const struct smtpcode_entry *e = smtpcode_entry_at(i);

		add_key(AS_WRITTEN, e->code);
		if (e->kind == SMTPCODE_BASIC)
			add_key(KNOWN_BASIC, e->code);
		add_class_forms(e, &lowercase);
	}
	for (i = 0; i < 1000; i++) {
		if (by_number[i] != NULL)
			continue;
		snprintf(key, sizeof key, "%03u", (unsigned)i);
		add_key(UNKNOWN_BASIC, key);
		if (i >= 200 && i < 600)
			add_key(UNKNOWN, key);
	}
	for (cls = 2; cls <= 5; cls += cls == 2 ? 2 : 1)
		for (s = 0; s < 10; s++)
			for (d = 0; d < 40; d += 3)
				if (snprintf(key, sizeof key, "%d.%d.%d", cls, s, d) > 0 &&
				    smtpcode_lookup(key) == NULL)
					add_key(UNKNOWN, key);
	for (i = 0; i < sizeof malformed_keys / sizeof malformed_keys[0]; i++)
		add_key(MALFORMED, malformed_keys[i]);
}

static const char *pick(int cat, uint64_t *rng)
{
	return category[cat][bench_random(rng) % category_count[cat]];
}

static void build_workloads(void)
{
	uint64_t rng = SEED;
	size_t i;

	for (i = 0; i < WORKLOAD; i++) {
		unsigned r = (unsigned)(bench_random(&rng) % 100);

		/* 35% codes as written, 35% class forms ("5.7.8"), 25% unknown, 5% malformed */
		mixed[i] = pick(r < 35 ? AS_WRITTEN : r < 70 ? CLASS_FORM : r < 95 ? UNKNOWN
									 : MALFORMED, &rng);
		basic3[i] = pick(bench_random(&rng) % 4 != 0 ? KNOWN_BASIC : UNKNOWN_BASIC, &rng);
		as_written_only[i] = pick(AS_WRITTEN, &rng);
		class_form_only[i] = pick(CLASS_FORM, &rng);
	}
}

/* Every contender must give the same answer for every key, or the comparison means nothing. */
static int agree(const char *const *keys, lookup_fn a, lookup_fn b, const char *what)
{
	size_t i;

	for (i = 0; i < WORKLOAD; i++) {
		if (a(keys[i]) != b(keys[i])) {
			fprintf(stderr, "smtpcode-bench: %s disagrees with smtpcode_lookup on \"%s\"\n",
				what, keys[i]);
			return -1;
		}
	}
	return 0;
}

struct contender {
	const char *name;
	lookup_fn fn;
	const char *const *keys;
	unsigned passes;
	double ns[BENCH_ROUNDS];
};

/* Nanoseconds per call over `passes` passes of the workload; the results are consumed. */
static double time_passes(const struct contender *c, unsigned passes)
{
	uintptr_t acc = 0;
	uint64_t t0, t1;
	unsigned p;
	size_t i;

	t0 = bench_now_ns();
	for (p = 0; p < passes; p++)
		for (i = 0; i < WORKLOAD; i++)
			acc += (uintptr_t)c->fn(c->keys[i]);
	t1 = bench_now_ns();
	bench_sink += acc;
	return (double)(t1 - t0) / ((double)passes * WORKLOAD);
}

static void measure(struct contender *c, size_t count)
{
	size_t i, r;

	for (i = 0; i < count; i++) {
		double per_pass = time_passes(&c[i], 1) * WORKLOAD; /* also warms the caches */

		c[i].passes = per_pass > 0 ? (unsigned)(SAMPLE_NS / per_pass) + 1 : 1;
	}
	for (r = 0; r < BENCH_ROUNDS; r++)
		for (i = 0; i < count; i++)
			c[i].ns[r] = time_passes(&c[i], c[i].passes);
}

/* Median over rounds of c/ref, each round's pair measured back to back. */
static double median_ratio(const struct contender *c, const struct contender *ref)
{
	double v[BENCH_ROUNDS];
	size_t r;

	for (r = 0; r < BENCH_ROUNDS; r++)
		v[r] = c->ns[r] / ref->ns[r];
	return bench_median(v, BENCH_ROUNDS);
}

static double median_ns(const struct contender *c)
{
	double v[BENCH_ROUNDS];

	memcpy(v, c->ns, sizeof v);
	return bench_median(v, BENCH_ROUNDS);
}

static void print_row(const struct contender *c, const char *ratio, const char *target)
{
	char value[32];

	snprintf(value, sizeof value, "%.1f ns/lookup", median_ns(c));
	bench_row(c->name, value, ratio, target);
}

int bench_lookup(void)
{
	struct contender c[] = {
		{ "smtpcode_lookup (gperf)", smtpcode_lookup, mixed, 0, { 0 } },
		{ "binary search, same parse", binary_lookup, mixed, 0, { 0 } },
		{ "linear scan, same parse", linear_lookup, mixed, 0, { 0 } },
		{ "smtpcode_lookup (gperf)", smtpcode_lookup, basic3, 0, { 0 } },
		{ "direct-indexed array", direct_lookup, basic3, 0, { 0 } },
		{ "binary search, same parse", binary_lookup, basic3, 0, { 0 } },
		{ "smtpcode_parse_code alone", parse_only, mixed, 0, { 0 } },
		{ "lookup, codes as written", smtpcode_lookup, as_written_only, 0, { 0 } },
		{ "binary search, codes as written", binary_lookup, as_written_only, 0, { 0 } },
		{ "lookup, class forms (5.7.8)", smtpcode_lookup, class_form_only, 0, { 0 } },
		{ "binary search, class forms", binary_lookup, class_form_only, 0, { 0 } },
	};
	char ratio[64], target[64], title[192];
	double x;
	size_t i, k;

	for (k = 0; k < CATEGORIES; k++) {
		category[k] = malloc(POOL_MAX * sizeof *category[k]);
		if (category[k] == NULL)
			return -1;
	}
	pool = malloc(POOL_MAX * sizeof *pool);
	if (pool == NULL || build_structures() != 0)
		return -1;
	build_pool();
	build_workloads();
	if (agree(mixed, smtpcode_lookup, binary_lookup, "binary search") != 0 ||
	    agree(mixed, smtpcode_lookup, linear_lookup, "linear scan") != 0 ||
	    agree(basic3, smtpcode_lookup, direct_lookup, "direct index") != 0 ||
	    agree(basic3, smtpcode_lookup, binary_lookup, "binary search") != 0)
		return -1;
	measure(c, sizeof c / sizeof c[0]);

	snprintf(title, sizeof title, "lookup: %zu entries; %d keys drawn from %zu: 35%% codes as "
		 "written, 35%% \"5.7.8\" forms, 25%% unknown, 5%% malformed", smtpcode_entry_count(),
		 WORKLOAD, pool_count);
	bench_section(title);
	print_row(&c[0], "1.00", "");
	x = median_ratio(&c[1], &c[0]);
	snprintf(ratio, sizeof ratio, "%.2fx (lookup faster)", x);
	snprintf(target, sizeof target, "target >= 4x: %s", x >= 4 ? "met" : "MISSED");
	print_row(&c[1], ratio, target);
	snprintf(ratio, sizeof ratio, "%.2fx (lookup faster)", median_ratio(&c[2], &c[0]));
	print_row(&c[2], ratio, "");

	bench_section("lookup: three-digit codes only (75% known, 25% unknown)");
	print_row(&c[3], "1.00", "");
	x = median_ratio(&c[3], &c[4]);
	snprintf(ratio, sizeof ratio, "lookup takes %.2fx", x);
	snprintf(target, sizeof target, "target <= 5x: %s", x <= 5 ? "met" : "MISSED");
	print_row(&c[4], ratio, target);
	snprintf(ratio, sizeof ratio, "%.2fx (lookup faster)", median_ratio(&c[5], &c[3]));
	print_row(&c[5], ratio, "");

	bench_section("lookup: where the time goes");
	snprintf(ratio, sizeof ratio, "%.0f%% of a lookup", 100 * median_ratio(&c[6], &c[0]));
	print_row(&c[6], ratio, "");
	for (i = 7; i < 11; i += 2) {
		print_row(&c[i], "", "");
		snprintf(ratio, sizeof ratio, "%.2fx (lookup faster)", median_ratio(&c[i + 1], &c[i]));
		print_row(&c[i + 1], ratio, "");
	}
	for (k = 0; k < CATEGORIES; k++)
		free(category[k]);
	free(pool);
	free(sorted);
	return 0;
}
