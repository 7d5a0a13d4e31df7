/* gencodes.c -- the generator's growth: time(100,000 entries) / time(50,000) of the whole
 * command (read, check, write every output) on generated data files; linear is 2.0. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "bench.h"

#define SUBJECTS 100  /* of 1,000 details each: the large set; the small one is the first half */
#define DETAILS 1000
#define GEN_ROUNDS 5  /* of each size, alternating which goes first */

/* Closes fp: 0 when everything written to it reached the file. */
static int finish(FILE *fp)
{
	int err = ferror(fp);

	return (fclose(fp) | err) == 0 ? 0 : -1;
}

/* One data file per subject (a file may hold 8 MiB): the subject's X.S.XXX entry, then its
 * details X.S.0 ... X.S.999, each with a continuation line and a related code to look up. */
static int write_subject(const char *path, int s)
{
	FILE *fp = fopen(path, "w");
	int d;

	if (fp == NULL)
		return -1;
	fprintf(fp, "code: X.%d.XXX\nclass: X\ntitle: Generated subject %d\n"
		"summary: A subject the benchmark writes.\ndescription: Generated.\n"
		"when_seen: Never.\nhow_to_fix: Nothing.\nwho_acts: sender\nretry: never\n"
		"references: RFC 3463 section 2\nbasic_codes: none\n", s, s);
	for (d = 0; d < DETAILS; d++) {
		char related[32];

		if (d > 0)
			snprintf(related, sizeof related, "X.%d.%d", s, d - 1);
		else
			snprintf(related, sizeof related, "550");
		fprintf(fp, "\ncode: X.%d.%d\nclass: X\ntitle: Generated detail %d of subject %d\n"
			"summary: A detail the benchmark writes, with a continuation line\n"
			"  to read.\ndescription: Generated for the generator's benchmark.\n"
			"when_seen: Never on the wire.\nhow_to_fix: Nothing to fix.\n"
			"who_acts: sender\nretry: never\nreferences: RFC 3463 section 3.%d\n"
			"related: %s, X.%d.XXX\nbasic_codes: 550\n", s, d, d, s, s % 9, related, s);
	}
	return finish(fp);
}

static int write_basic(const char *path)
{
	FILE *fp = fopen(path, "w");

	if (fp == NULL)
		return -1;
	fputs("code: 550\nclass: 5\ntitle: Generated basic code\n"
	      "summary: The code every generated detail names.\ndescription: Generated.\n"
	      "when_seen: Never.\nhow_to_fix: Nothing.\nwho_acts: sender\nretry: never\n"
	      "references: RFC 5321 section 4.2.3\n", fp);
	return finish(fp);
}

int bench_gencodes(const char *dir, const char *gencodes)
{
	static char paths[SUBJECTS + 1][256];
	char *argv[SUBJECTS + 5], out[256], value[48], cell[64], target[48];
	double t_small[GEN_ROUNDS], t_large[GEN_ROUNDS], ratio[GEN_ROUNDS], x;
	int i, bad = 0;

	snprintf(out, sizeof out, "%s/gencodes", dir);
	if (mkdir(out, 0777) != 0 && errno != EEXIST)
		return -1;
	snprintf(paths[0], sizeof paths[0], "%s/gencodes/basic.codes", dir);
	bad |= write_basic(paths[0]);
	for (i = 0; i < SUBJECTS; i++) {
		snprintf(paths[i + 1], sizeof paths[i + 1], "%s/gencodes/subject-%d.codes", dir, i);
		bad |= write_subject(paths[i + 1], i);
	}
	if (bad != 0) {
		fprintf(stderr, "smtpcode-bench: cannot write the data files in %s\n", out);
		return -1;
	}
	argv[0] = (char *)(uintptr_t)gencodes;
	argv[1] = (char *)(uintptr_t)"-o";
	argv[2] = out;
	for (i = 0; i < 2 * GEN_ROUNDS; i++) {
		/* large, small; small, large; ...: the small set is the first half of the files */
		int large = (i % 2) == (i / 2 % 2), n = 1 + (large ? SUBJECTS : SUBJECTS / 2), j;
		uint64_t t0;

		for (j = 0; j < n; j++)
			argv[3 + j] = paths[j];
		argv[3 + n] = NULL;
		t0 = bench_now_ns();
		bad |= bench_run(gencodes, argv, -1) != 0;
		(large ? t_large : t_small)[i / 2] = (double)(bench_now_ns() - t0);
	}
	if (bad != 0) {
		fprintf(stderr, "smtpcode-bench: %s rejected the generated data\n", gencodes);
		return -1;
	}
	for (i = 0; i < GEN_ROUNDS; i++)
		ratio[i] = t_large[i] / t_small[i];
	x = bench_median(ratio, GEN_ROUNDS);
	bench_section("generator: time(100,000 entries) / time(50,000), the whole command, "
		      "medians of 5 rounds; linear is 2.0");
	snprintf(value, sizeof value, "%.2f s", bench_median(t_large, GEN_ROUNDS) / 1e9);
	snprintf(cell, sizeof cell, "%.2f (50,000: %.2f s)", x,
		 bench_median(t_small, GEN_ROUNDS) / 1e9);
	snprintf(target, sizeof target, "target <= 2.3: %s", x <= 2.3 ? "met" : "MISSED");
	bench_row("gencodes -o DIR on 100,000 entries", value, cell, target);
	return 0;
}
