/* reply.c -- smtpcode_parse_reply and smtpcode_explain_reply over the replies of the case
 * tables, against memchr over the same bytes: the floor of touching every byte once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <smtpcode.h>

#include "bench.h"
#include "tsv.h"

#define WORKLOAD 4096
#define SAMPLE_NS 15000000.0
#define SEED 0x52504c59u /* "RPLY" */
#define MAX_FILES 64
#define MAX_TEXTS 8192

/* The workload: every reply of the case tables (tests/data/replies/), copied back to back
 * without NULs (the parser may not rely on a terminator), drawn at random. */
static char *bytes;
static const char *text[MAX_TEXTS];
static size_t length[MAX_TEXTS], ntexts;
static unsigned order[WORKLOAD];
static size_t workload_bytes;

enum { PARSE, EXPLAIN, FLOOR };

static int load_texts(void)
{
	static char names[MAX_FILES][512];
	struct tsv tables[MAX_FILES];
	int nfiles = tsv_list("tests/data/replies", names, MAX_FILES), f;
	size_t total = 0, off = 0, i;

	if (nfiles <= 0)
		return -1;
	for (f = 0; f < nfiles; f++) {
		if (tsv_load(names[f], &tables[f]) != 0)
			return -1;
		for (i = 0; i < tables[f].nrows; i++)
			total += tsv_get(&tables[f], i, tsv_column(&tables[f], "text"))->len;
	}
	if ((bytes = malloc(total + 1)) == NULL)
		return -1;
	for (f = 0; f < nfiles; f++) {
		for (i = 0; i < tables[f].nrows && ntexts < MAX_TEXTS; i++) {
			const struct tsv_field *t = tsv_get(&tables[f], i,
							    tsv_column(&tables[f], "text"));

			memcpy(bytes + off, t->s, t->len);
			text[ntexts] = bytes + off;
			length[ntexts++] = t->len;
			off += t->len;
		}
		tsv_free(&tables[f]);
	}
	return ntexts > 0 ? 0 : -1;
}

static double time_passes(int what, unsigned passes)
{
	struct smtpcode_reply reply = { .size = sizeof reply };
	char buf[512];
	uintptr_t acc = 0;
	uint64_t t0, t1;
	unsigned p;
	size_t i;

	t0 = bench_now_ns();
	for (p = 0; p < passes; p++) {
		for (i = 0; i < WORKLOAD; i++) {
			const char *t = text[order[i]];
			size_t n = length[order[i]];

			if (what == PARSE)
				acc += (uintptr_t)smtpcode_parse_reply(t, n, &reply) +
				       (uintptr_t)reply.basic + reply.warnings;
			else if (what == EXPLAIN)
				acc += (uintptr_t)smtpcode_explain_reply(t, n, buf, sizeof buf) +
				       (unsigned char)buf[0];
			else
				acc += (uintptr_t)memchr(t, '\0', n);
		}
	}
	t1 = bench_now_ns();
	bench_sink += acc;
	return (double)(t1 - t0) / ((double)passes * WORKLOAD);
}

int bench_reply(void)
{
	static const char *const names[] = { "smtpcode_parse_reply", "smtpcode_explain_reply",
					     "memchr over the same bytes" };
	double ns[3][BENCH_ROUNDS], ratio[BENCH_ROUNDS], med[3];
	unsigned passes[3];
	uint64_t rng = SEED;
	size_t i, r;
	char value[48], cell[48], title[160];
	int w;

	if (load_texts() != 0) {
		fprintf(stderr, "smtpcode-bench: cannot read tests/data/replies (run from the top "
			"of the tree)\n");
		return -1;
	}
	for (i = 0; i < WORKLOAD; i++) {
		order[i] = (unsigned)(bench_random(&rng) % ntexts);
		workload_bytes += length[order[i]];
	}
	for (w = 0; w < 3; w++) {
		double per_pass = time_passes(w, 1) * WORKLOAD;

		passes[w] = per_pass > 0 ? (unsigned)(SAMPLE_NS / per_pass) + 1 : 1;
	}
	for (r = 0; r < BENCH_ROUNDS; r++)
		for (w = 0; w < 3; w++)
			ns[w][r] = time_passes(w, passes[w]);

	snprintf(title, sizeof title, "replies: the %zu cases of tests/data/replies/, %.0f bytes on "
		 "average", ntexts, (double)workload_bytes / WORKLOAD);
	bench_section(title);
	for (w = 0; w < 3; w++) {
		double mb_s;

		for (r = 0; r < BENCH_ROUNDS; r++)
			ratio[r] = ns[w][r] / ns[FLOOR][r];
		memcpy(cell, "1.00", 5);
		if (w != FLOOR)
			snprintf(cell, sizeof cell, "%.1fx the floor", bench_median(ratio, BENCH_ROUNDS));
		for (r = 0; r < BENCH_ROUNDS; r++)
			ratio[r] = ns[w][r];
		med[w] = bench_median(ratio, BENCH_ROUNDS);
		mb_s = (double)workload_bytes / WORKLOAD / med[w] * 1e9 / 1e6;
		snprintf(value, sizeof value, "%.0f ns, %.0f MB/s", med[w], mb_s);
		bench_row(names[w], value, cell, "");
	}
	free(bytes);
	return 0;
}
