/* fuzz_scan.c -- libFuzzer target: the log scanner on any bytes, fed in random pieces. The
 * input: one byte choosing the filters, one seeding the cuts, then the log. Every event's
 * spans lie inside its line and its --each line parses as JSON; the scan fed in pieces hears
 * the same events and gives the same report as the scan fed the whole log at once, and that
 * report parses as JSON. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smtpcode.h"
#include "oracle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const code_filters[] = { NULL, "550", "5.7.1", "5.7", "55x", "4xx" };

/* What the events of one scan were, to compare the two. */
struct heard {
	uint64_t events, replies, last_line, line_sum;
};

static void span(size_t offset, size_t length, size_t line_length)
{
	if (length > 0 && (offset > line_length || length > line_length - offset))
		abort();
}

static void check_event(void *context, const struct smtpcode_scan_event *e)
{
	struct heard *h = context;
	char buf[4096];
	int n = smtpcode_json_scan_event(e, "fuzz.log", buf, sizeof buf);

	if (e->flags & ~(SMTPCODE_SCAN_REPLY | SMTPCODE_SCAN_CUT | SMTPCODE_SCAN_BINARY))
		abort();
	if (e->line == 0 || e->line < h->last_line || (e->length > 0 && e->text == NULL) ||
	    e->length > SMTPCODE_SCAN_LINE_MAX)
		abort();
	h->events++;
	h->last_line = e->line;
	h->line_sum += e->line;
	span(e->time_offset, e->time_length, e->length);
	span(e->queue_id_offset, e->queue_id_length, e->length);
	span(e->domain_offset, e->domain_length, e->length);
	span(e->host_offset, e->host_length, e->length);
	if (!(e->flags & SMTPCODE_SCAN_REPLY)) {
		if (e->reply != NULL || n != SMTPCODE_ENULL)
			abort();
		return;
	}
	h->replies++;
	if (e->reply == NULL || e->match == NULL || e->reply->start > e->reply->end ||
	    e->reply->end > e->length)
		abort();
	span(e->reply->text_offset, e->reply->text_length, e->length);
	if ((e->failure != 0 && e->failure != 1) || n < 0)
		abort();
	if ((size_t)n < sizeof buf) /* a longer line is checked by smtpcode_json_scan's rows */
		oracle_json("smtpcode_json_scan_event", buf, (size_t)n);
}

/* The JSON report of a scan, in a block of its size. */
static char *report(struct smtpcode_scan *scan, int *length)
{
	struct smtpcode_scan_file file = { .size = sizeof file, .name = "fuzz.log" };
	int n = smtpcode_json_scan(scan, &file, 1, 0, NULL, 0);
	char *buf;

	if (n < 0 || (buf = malloc((size_t)n + 1)) == NULL ||
	    smtpcode_json_scan(scan, &file, 1, 0, buf, (size_t)n + 1) != n)
		abort();
	*length = n;
	return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static void *block[2];
	struct smtpcode_scan_options o = { .size = sizeof o, .since = -1, .until = -1 };
	struct smtpcode_scan *whole, *cut;
	struct heard h1 = { 0, 0, 0, 0 }, h2 = { 0, 0, 0, 0 };
	uint64_t rng;
	size_t pos, i;
	char *r1, *r2;
	int n1, n2;

	if (size < 2)
		return 0;
	for (i = 0; i < 2; i++)
		if (block[i] == NULL && (block[i] = malloc(smtpcode_scan_size())) == NULL)
			abort();
	o.reply_class = data[0] % 3 == 0 ? 0 : data[0] % 3 == 1 ? 4 : 5;
	o.code = code_filters[data[0] / 3 % 6];
	o.domain = data[0] & 0x80 ? "example.com" : NULL;
	if (smtpcode_scan_init(block[0], smtpcode_scan_size(), &o, &whole) != SMTPCODE_OK ||
	    smtpcode_scan_init(block[1], smtpcode_scan_size(), &o, &cut) != SMTPCODE_OK)
		abort();
	smtpcode_scan_begin(whole, 2026, 12);
	smtpcode_scan_begin(cut, 2026, 12);
	data += 2;
	size -= 2;
	if (smtpcode_scan_feed(whole, (const char *)data, size, check_event, &h1) != SMTPCODE_OK ||
	    smtpcode_scan_end(whole, check_event, &h1) != SMTPCODE_OK)
		abort();
	rng = data[-1];
	for (pos = 0; pos < size; ) { /* pieces of 0 to 63 bytes, each in a block of its size */
		size_t n = (size_t)((rng = rng * 6364136223846793005u + 1442695040888963407u) >> 58);
		char *piece;

		if (n > size - pos)
			n = size - pos;
		if ((piece = malloc(n ? n : 1)) == NULL)
			abort();
		memcpy(piece, data + pos, n);
		if (smtpcode_scan_feed(cut, piece, n, check_event, &h2) != SMTPCODE_OK)
			abort();
		free(piece);
		pos += n;
	}
	if (smtpcode_scan_end(cut, check_event, &h2) != SMTPCODE_OK)
		abort();
	if (memcmp(&h1, &h2, sizeof h1) != 0) { /* the cuts changed what was heard */
		fprintf(stderr, "fuzz_scan: whole: %llu events, %llu replies, lines to %llu (sum %llu); "
			"in pieces: %llu, %llu, %llu (%llu)\n", (unsigned long long)h1.events,
			(unsigned long long)h1.replies, (unsigned long long)h1.last_line,
			(unsigned long long)h1.line_sum, (unsigned long long)h2.events,
			(unsigned long long)h2.replies, (unsigned long long)h2.last_line,
			(unsigned long long)h2.line_sum);
		abort();
	}
	r1 = report(whole, &n1);
	r2 = report(cut, &n2);
	if (n1 != n2 || memcmp(r1, r2, (size_t)n1) != 0)
		oracle_fail("smtpcode_json_scan", "the log fed in pieces gives another report", r2,
			    (size_t)n2);
	oracle_json("smtpcode_json_scan", r1, (size_t)n1);
	free(r1);
	free(r2);
	return 0;
}
