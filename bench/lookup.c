/* lookup.c -- smtpcode_lookup against what a C programmer would write instead: bsearch with
 * strcmp over a sorted array of every key the library answers for (the codes as the data
 * writes them and the "5.7.8" forms of the "X.7.8" entries), a linear scan, and for a code
 * held as an integer, smtpcode_lookup_basic against a switch. Every contender is built at
 * start-up from the library's own iteration API, and its answer for every key of a workload is
 * checked against smtpcode_lookup before anything is timed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <smtpcode.h>

#include "bench.h"

#define WORKLOAD 8192            /* keys per pass: far more than a branch predictor learns */
#define POOL_MAX 8192            /* distinct key strings */
#define KEYS_MAX 2048            /* keys of the sorted array */
#define SAMPLE_NS 15000000.0     /* aim for 15 ms per timed sample */
#define SEED 0x534d5450u         /* "SMTP" */

typedef const struct smtpcode_entry *(*lookup_fn)(const char *code);

struct sorted_key {
	char code[SMTPCODE_CODE_MAX + 1];
	const struct smtpcode_entry *entry;
};

/* The contenders' structures. */
static struct sorted_key sorted[KEYS_MAX];
static size_t sorted_count;

/* Key strings live in one block, so every contender reads the same bytes at the same addresses. */
static char (*pool)[16];
static size_t pool_count;

/* The workloads: pointers into pool, or numbers. */
enum { AS_WRITTEN, CLASS_FORM, UNKNOWN, MALFORMED, CATEGORIES };
static const char **category[CATEGORIES];
static size_t category_count[CATEGORIES];
static const char *mixed[WORKLOAD], *as_written_only[WORKLOAD], *class_form_only[WORKLOAD];
static int numbers[WORKLOAD];

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

static int compare_keys(const void *a, const void *b)
{
	return strcmp(((const struct sorted_key *)a)->code, ((const struct sorted_key *)b)->code);
}

static BENCH_NOINLINE const struct smtpcode_entry *bsearch_lookup(const char *code)
{
	struct sorted_key key;
	const struct sorted_key *found;

	if (strlen(code) >= sizeof key.code)
		return NULL;
	strcpy(key.code, code);
	found = bsearch(&key, sorted, sorted_count, sizeof sorted[0], compare_keys);
	return found != NULL ? found->entry : NULL;
}

static BENCH_NOINLINE const struct smtpcode_entry *linear_lookup(const char *code)
{
	size_t i;

	for (i = 0; i < sorted_count; i++)
		if (strcmp(code, sorted[i].code) == 0)
			return sorted[i].entry;
	return NULL;
}

/* The switch a programmer holding the code as a number would write: one case per code of the
 * data, each returning the entry, as generated from `smtpcode --list basic` at build time. */
static const struct smtpcode_entry *basic_entry[1000];

static BENCH_NOINLINE const struct smtpcode_entry *switch_lookup(int code)
{
	switch (code) {
#define BASIC_CODE(n) case n: return basic_entry[n];
#include "basic-codes.inc"
#undef BASIC_CODE
	default:
		return NULL;
	}
}

static void add_sorted(const char *code, const struct smtpcode_entry *e)
{
	if (sorted_count < KEYS_MAX) {
		snprintf(sorted[sorted_count].code, sizeof sorted[0].code, "%s", code);
		sorted[sorted_count++].entry = e;
	}
}

/* Every key smtpcode_lookup answers for as written: each entry's code, and the 2.S.D, 4.S.D
 * and 5.S.D forms of each "X.S.D" entry where the data has no class-specific entry. */
static void build_sorted(void)
{
	size_t i, n = smtpcode_entry_count();
	char key[SMTPCODE_CODE_MAX + 1];
	int cls;

	for (i = 0; i < n; i++) {
		const struct smtpcode_entry *e = smtpcode_entry_at(i);

		add_sorted(e->code, e);
		if (e->kind == SMTPCODE_BASIC)
			basic_entry[e->reply_class * 100 + atoi(e->code + 1)] = e;
		for (cls = 2; e->kind == SMTPCODE_ENHANCED && e->reply_class == 0 && cls <= 5; cls++) {
			if (cls == 3 || smtpcode_format_code(e, cls, key, sizeof key) < 0)
				continue;
			if (smtpcode_lookup(key) == e)
				add_sorted(key, e);
		}
	}
	qsort(sorted, sorted_count, sizeof sorted[0], compare_keys);
}

static void build_pool(void)
{
	size_t i;
	char key[16];
	int s, d, cls;

	for (i = 0; i < sorted_count; i++)
		add_key(strchr("245", sorted[i].code[0]) != NULL && sorted[i].code[1] == '.' &&
			sorted[i].entry->reply_class == 0 ? CLASS_FORM : AS_WRITTEN, sorted[i].code);
	for (i = 200; i < 600; i++) {
		snprintf(key, sizeof key, "%u", (unsigned)i);
		if (smtpcode_lookup(key) == NULL)
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
		as_written_only[i] = pick(AS_WRITTEN, &rng);
		class_form_only[i] = pick(CLASS_FORM, &rng);
		/* three codes of four known, the rest anywhere in 200-599 */
		do {
			numbers[i] = 200 + (int)(bench_random(&rng) % 400);
		} while (bench_random(&rng) % 4 != 0 && basic_entry[numbers[i]] == NULL);
	}
}

/* Every contender must give the same answer for every key, or the comparison means nothing. */
static int agree(const char *const *keys, lookup_fn fn, const char *what)
{
	size_t i;

	for (i = 0; i < WORKLOAD; i++) {
		if (fn(keys[i]) != smtpcode_lookup(keys[i])) {
			fprintf(stderr, "smtpcode-bench: %s disagrees with smtpcode_lookup on \"%s\"\n",
				what, keys[i]);
			return -1;
		}
	}
	return 0;
}

static int agree_numbers(void)
{
	size_t i;

	for (i = 0; i < WORKLOAD; i++) {
		if (switch_lookup(numbers[i]) != smtpcode_lookup_basic(numbers[i])) {
			fprintf(stderr, "smtpcode-bench: the switch disagrees with smtpcode_lookup_basic "
				"on %d (regenerate basic-codes.inc)\n", numbers[i]);
			return -1;
		}
	}
	return 0;
}

struct contender {
	const char *name;
	lookup_fn fn;                                  /* or: */
	const struct smtpcode_entry *(*by_number)(int);
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
			acc += c->fn != NULL ? (uintptr_t)c->fn(c->keys[i])
					     : (uintptr_t)c->by_number(numbers[i]);
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

/* "time(smtpcode)/time(contender) = x", and whether it meets the target bound. */
static void print_ratio(const struct contender *us, const struct contender *them, double bound)
{
	char ratio[64], target[64];
	double x = median_ratio(us, them);

	snprintf(ratio, sizeof ratio, "smtpcode/this %.2f", x);
	if (bound > 0)
		snprintf(target, sizeof target, "target <= %.2f: %s", bound,
			 x <= bound ? "met" : "MISSED");
	else
		target[0] = '\0';
	print_row(them, ratio, target);
}

int bench_lookup(void)
{
	struct contender c[] = {
		{ "smtpcode_lookup", smtpcode_lookup, NULL, mixed, 0, { 0 } },
		{ "bsearch + strcmp, every key", bsearch_lookup, NULL, mixed, 0, { 0 } },
		{ "linear strcmp scan, every key", linear_lookup, NULL, mixed, 0, { 0 } },
		{ "smtpcode_lookup_basic(int)", NULL, smtpcode_lookup_basic, NULL, 0, { 0 } },
		{ "switch (int), one case a code", NULL, switch_lookup, NULL, 0, { 0 } },
		{ "lookup, codes as written", smtpcode_lookup, NULL, as_written_only, 0, { 0 } },
		{ "bsearch, codes as written", bsearch_lookup, NULL, as_written_only, 0, { 0 } },
		{ "lookup, class forms (5.7.8)", smtpcode_lookup, NULL, class_form_only, 0, { 0 } },
		{ "bsearch, class forms", bsearch_lookup, NULL, class_form_only, 0, { 0 } },
	};
	char title[192];
	size_t k;

	for (k = 0; k < CATEGORIES; k++) {
		category[k] = malloc(POOL_MAX * sizeof *category[k]);
		if (category[k] == NULL)
			return -1;
	}
	pool = malloc(POOL_MAX * sizeof *pool);
	if (pool == NULL)
		return -1;
	build_sorted();
	build_pool();
	build_workloads();
	if (agree(mixed, bsearch_lookup, "bsearch") != 0 ||
	    agree(mixed, linear_lookup, "linear scan") != 0 ||
	    agree(as_written_only, bsearch_lookup, "bsearch") != 0 ||
	    agree(class_form_only, bsearch_lookup, "bsearch") != 0 || agree_numbers() != 0)
		return -1;
	measure(c, sizeof c / sizeof c[0]);

	snprintf(title, sizeof title, "lookup: %zu entries, %zu keys; %d lookups drawn from %zu: "
		 "35%% as written, 35%% \"5.7.8\" forms, 25%% unknown, 5%% malformed",
		 smtpcode_entry_count(), sorted_count, WORKLOAD, pool_count);
	bench_section(title);
	print_row(&c[0], "", "");
	print_ratio(&c[0], &c[1], 0.25);
	print_ratio(&c[0], &c[2], 0);

	bench_section("lookup: a code held as an integer (75% known, 25% unknown)");
	print_row(&c[3], "", "");
	print_ratio(&c[3], &c[4], 1.3);

	bench_section("lookup: by kind of key");
	for (k = 5; k < 9; k += 2) {
		print_row(&c[k], "", "");
		print_ratio(&c[k], &c[k + 1], 0);
	}
	for (k = 0; k < CATEGORIES; k++)
		free(category[k]);
	free(pool);
	return 0;
}
