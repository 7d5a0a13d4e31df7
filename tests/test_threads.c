/* test_threads.c -- libsmtpcode called from 8 threads at once gives the single-threaded
 * answers: lookups, comparisons, and every reply of the case tables. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smtpcode.h"
#include "tsv.h"

#define THREADS 8
#define ROUNDS 20

/* Inputs that are not codes, with the error each must give. */
static const char *const malformed[] = {
	"", "5", "55", "5555", "135", "635", "5.7", "5.7.", "5..8", "3.1.1", "5.XXX.7",
	"X.XXX.XXX", "5.7.8 ", " 5.7.8", "5.1234.1", "5.7.8.9", "abc", "\x7f", "5.7.\xc3\xa9"
};

#define NMALFORMED (sizeof malformed / sizeof malformed[0])
#define MAX_FILES 64

/* The replies of the case tables (tests/data/replies/), one after the other. */
struct reply_text {
	const char *s;
	size_t len;
};

/* Every answer, computed once on one thread before any other thread starts. */
struct expected {
	size_t nentries;
	int malformed_err[NMALFORMED];
	struct smtpcode_comparison *comparisons; /* entry i against entry (i * 7 + 3) % n */
	int compare_rc[1024];
	struct tsv tables[MAX_FILES];
	int ntables;
	struct reply_text *replies;
	size_t nreplies;
	struct smtpcode_reply *reply;
	int *reply_rc;
	char (*explain)[512];
	int *explain_rc;
};

static struct expected want;

enum work { WORK_LOOKUP, WORK_COMPARE, WORK_REPLY, WORK_ALL };

struct worker {
	pthread_t thread;
	pthread_barrier_t *start;
	enum work work;
	long checks;     /* answers compared */
	long mismatches; /* answers that differ from the single-threaded ones */
};

static size_t partner(size_t i, size_t n)
{
	return (i * 7 + 3) % n;
}

static long check_lookups(long *checks)
{
	long bad = 0;
	size_t i;

	for (i = 0; i < want.nentries; i++) {
		const struct smtpcode_entry *e = smtpcode_entry_at(i);
		int err = 1;

		bad += smtpcode_lookup_err(e->code, &err) != e || err != SMTPCODE_OK;
		bad += smtpcode_lookup(e->code) != e;
		*checks += 2;
	}
	for (i = 0; i < NMALFORMED; i++) {
		int err = 1;

		bad += smtpcode_lookup_err(malformed[i], &err) != NULL;
		bad += err != want.malformed_err[i];
		*checks += 1;
	}
	return bad;
}

static long check_comparisons(long *checks)
{
	long bad = 0;
	size_t i;

	for (i = 0; i < want.nentries; i++) {
		struct smtpcode_comparison c;
		const char *a = smtpcode_entry_at(i)->code;
		const char *b = smtpcode_entry_at(partner(i, want.nentries))->code;
		int rc;

		memset(&c, 0xA5, sizeof c);
		c.size = sizeof c;
		rc = smtpcode_compare(a, b, &c);
		bad += rc != want.compare_rc[i];
		if (rc == SMTPCODE_OK)
			bad += memcmp(&c, &want.comparisons[i], sizeof c) != 0;
		*checks += 1;
	}
	return bad;
}

static long check_replies(long *checks)
{
	long bad = 0;
	size_t i;

	for (i = 0; i < want.nreplies; i++) {
		struct smtpcode_reply r;
		char buf[512];
		int rc;

		memset(&r, 0, sizeof r);
		r.size = sizeof r;
		rc = smtpcode_parse_reply(want.replies[i].s, want.replies[i].len, &r);
		bad += rc != want.reply_rc[i] || memcmp(&r, &want.reply[i], sizeof r) != 0;
		rc = smtpcode_explain_reply(want.replies[i].s, want.replies[i].len, buf, sizeof buf);
		bad += rc != want.explain_rc[i] || (rc >= 0 && strcmp(buf, want.explain[i]) != 0);
		*checks += 2;
	}
	return bad;
}

static void *run_worker(void *arg)
{
	struct worker *w = arg;
	int round;

	pthread_barrier_wait(w->start); /* all threads start together */
	for (round = 0; round < ROUNDS; round++) {
		if (w->work == WORK_LOOKUP || w->work == WORK_ALL)
			w->mismatches += check_lookups(&w->checks);
		if (w->work == WORK_COMPARE || w->work == WORK_ALL)
			w->mismatches += check_comparisons(&w->checks);
		if (w->work == WORK_REPLY || w->work == WORK_ALL)
			w->mismatches += check_replies(&w->checks);
	}
	return NULL;
}

/* Runs THREADS workers at once and checks that every answer matched. */
static void run_threads(enum work work)
{
	struct worker w[THREADS];
	pthread_barrier_t start;
	long checks = 0, mismatches = 0;
	int i;

	assert_int_equal(pthread_barrier_init(&start, NULL, THREADS), 0);
	for (i = 0; i < THREADS; i++) {
		w[i].start = &start;
		/* in the mixed run, the threads do different work at the same time */
		w[i].work = work == WORK_ALL ? (enum work)(i % 4) : work;
		w[i].checks = w[i].mismatches = 0;
		assert_int_equal(pthread_create(&w[i].thread, NULL, run_worker, &w[i]), 0);
	}
	for (i = 0; i < THREADS; i++) {
		assert_int_equal(pthread_join(w[i].thread, NULL), 0);
		checks += w[i].checks;
		mismatches += w[i].mismatches;
	}
	pthread_barrier_destroy(&start);
	assert_int_equal(mismatches, 0);
	assert_true(checks > 0);
}

/* Reads every case table and keeps its texts, in the order the files are listed. */
static int load_replies(void)
{
	static char names[MAX_FILES][512];
	size_t total = 0, i;
	int t;

	want.ntables = tsv_list("tests/data/replies", names, MAX_FILES);
	if (want.ntables <= 0)
		return -1;
	for (t = 0; t < want.ntables; t++) {
		if (tsv_load(names[t], &want.tables[t]) != 0)
			return -1;
		total += want.tables[t].nrows;
	}
	want.replies = calloc(total, sizeof *want.replies);
	want.reply = calloc(total, sizeof *want.reply);
	want.reply_rc = calloc(total, sizeof *want.reply_rc);
	want.explain = calloc(total, sizeof *want.explain);
	want.explain_rc = calloc(total, sizeof *want.explain_rc);
	if (want.replies == NULL || want.reply == NULL || want.reply_rc == NULL ||
	    want.explain == NULL || want.explain_rc == NULL)
		return -1;
	for (t = 0; t < want.ntables; t++) {
		int column = tsv_column(&want.tables[t], "text");

		for (i = 0; i < want.tables[t].nrows; i++) {
			const struct tsv_field *f = tsv_get(&want.tables[t], i, column);

			want.replies[want.nreplies].s = f->s;
			want.replies[want.nreplies++].len = f->len;
		}
	}
	return 0;
}

static int compute_expected(void **state)
{
	size_t i;

	(void)state;
	want.nentries = smtpcode_entry_count();
	if (want.nentries == 0 || want.nentries > sizeof want.compare_rc / sizeof want.compare_rc[0])
		return -1;
	for (i = 0; i < NMALFORMED; i++) {
		int err = 0;

		if (smtpcode_lookup_err(malformed[i], &err) != NULL || err == SMTPCODE_OK)
			return -1;
		want.malformed_err[i] = err;
	}
	want.comparisons = calloc(want.nentries, sizeof *want.comparisons);
	if (want.comparisons == NULL)
		return -1;
	for (i = 0; i < want.nentries; i++) {
		want.comparisons[i].size = sizeof want.comparisons[i];
		want.compare_rc[i] = smtpcode_compare(smtpcode_entry_at(i)->code,
						      smtpcode_entry_at(partner(i, want.nentries))->code,
						      &want.comparisons[i]);
		if (want.compare_rc[i] != SMTPCODE_OK)
			return -1;
	}
	if (load_replies() != 0)
		return -1;
	for (i = 0; i < want.nreplies; i++) {
		want.reply[i].size = sizeof want.reply[i];
		want.reply_rc[i] = smtpcode_parse_reply(want.replies[i].s, want.replies[i].len,
							&want.reply[i]);
		want.explain_rc[i] = smtpcode_explain_reply(want.replies[i].s, want.replies[i].len,
							    want.explain[i], sizeof want.explain[i]);
	}
	return 0;
}

static int free_expected(void **state)
{
	int t;

	(void)state;
	free(want.comparisons);
	free(want.replies);
	free(want.reply);
	free(want.reply_rc);
	free(want.explain);
	free(want.explain_rc);
	for (t = 0; t < want.ntables; t++)
		tsv_free(&want.tables[t]);
	return 0;
}

static void test_threads_lookups_agree(void **state)
{
	(void)state;
	run_threads(WORK_LOOKUP);
}

static void test_threads_comparisons_agree(void **state)
{
	(void)state;
	run_threads(WORK_COMPARE);
}

static void test_threads_replies_agree(void **state)
{
	(void)state;
	run_threads(WORK_REPLY);
}

static void test_threads_mixed_work_agrees(void **state)
{
	(void)state;
	run_threads(WORK_ALL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_threads_lookups_agree),
		cmocka_unit_test(test_threads_comparisons_agree),
		cmocka_unit_test(test_threads_replies_agree),
		cmocka_unit_test(test_threads_mixed_work_agrees),
	};

	return cmocka_run_group_tests_name("threads", tests, compute_expected, free_expected);
}
