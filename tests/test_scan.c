/* test_scan.c -- the log scanner: the log lines real Postfix, Exim and OpenSMTPD wrote
 * (tests/data/replies/corpus/, "log" rows) read as one log, whole and in small pieces; times;
 * the tally (rows, ranks, merges, bounded tables); filters; and bad input (NUL bytes, lines
 * over 1 MiB, invalid sizes and options). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smtpcode.h"
#include "tsv.h"

#define CORPUS "tests/data/replies/corpus"
#define MAX_EVENTS 512

/* What the callback heard: a copy of each event's essentials. */
struct heard {
	size_t n;
	struct {
		unsigned flags;
		uint64_t line;
		int basic;
		char enhanced[16], status[16], domain[64], host[64], queue_id[40], time[40];
		enum smtpcode_delivery delivery;
		int failure;
		const char *provider;
	} e[MAX_EVENTS];
};

static void copy_span(char *dst, size_t size, const char *text, size_t off, size_t len)
{
	if (len >= size)
		len = size - 1;
	memcpy(dst, text + off, len);
	dst[len] = '\0';
}

static void hear(void *ctx, const struct smtpcode_scan_event *ev)
{
	struct heard *h = ctx;

	if (h->n == MAX_EVENTS)
		fail_msg("more than %d events", MAX_EVENTS);
	h->e[h->n].flags = ev->flags;
	h->e[h->n].line = ev->line;
	h->e[h->n].basic = ev->reply != NULL ? ev->reply->basic : -2;
	snprintf(h->e[h->n].enhanced, 16, "%s", ev->reply != NULL ? ev->reply->enhanced : "");
	snprintf(h->e[h->n].status, 16, "%s", ev->reply != NULL ? ev->reply->status : "");
	copy_span(h->e[h->n].domain, 64, ev->text, ev->domain_offset, ev->domain_length);
	copy_span(h->e[h->n].host, 64, ev->text, ev->host_offset, ev->host_length);
	copy_span(h->e[h->n].queue_id, 40, ev->text, ev->queue_id_offset, ev->queue_id_length);
	copy_span(h->e[h->n].time, 40, ev->text, ev->time_offset, ev->time_length);
	h->e[h->n].delivery = ev->delivery;
	h->e[h->n].failure = ev->failure;
	h->e[h->n].provider = ev->match != NULL && ev->match->provider != NULL
				      ? ev->match->provider->id : NULL;
	h->n++;
}

static struct smtpcode_scan *new_scan(const struct smtpcode_scan_options *o)
{
	void *block = malloc(smtpcode_scan_size());
	struct smtpcode_scan *s = NULL;

	assert_non_null(block);
	assert_int_equal(smtpcode_scan_init(block, smtpcode_scan_size(), o, &s), SMTPCODE_OK);
	assert_ptr_equal(s, block);
	return s;
}

/* The log lines of a corpus file ("log" rows) joined by newlines; their row indices in rows. */
static char *corpus_log(const char *name, struct tsv *t, size_t *rows, size_t *nrows, size_t *len)
{
	char path[512];
	int note, text;
	size_t cap = 1 << 20, n = 0;
	char *log = malloc(cap);

	snprintf(path, sizeof path, "%s/%s.tsv", CORPUS, name);
	assert_int_equal(tsv_load(path, t), 0);
	note = tsv_column(t, "note");
	text = tsv_column(t, "text");
	assert_true(note >= 0 && text >= 0);
	*nrows = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		const struct tsv_field *nf = tsv_get(t, r, note), *tf = tsv_get(t, r, text);
		const char *last = strrchr(nf->s, ',');

		if (last == NULL || strncmp(last, ", log", 5) != 0 || (last[5] != '\0' && last[5] != ';'))
			continue;
		assert_true(n + tf->len + 1 < cap);
		memcpy(log + n, tf->s, tf->len);
		n += tf->len;
		log[n++] = '\n';
		rows[(*nrows)++] = r;
	}
	*len = n;
	return log;
}

/* Every log line of a real MTA is one event, with the codes the corpus says, what the MTA did,
 * the recipient's domain and the queue id; fed whole and in pieces of every small size. */
static void check_mta(const char *name)
{
	struct tsv t;
	size_t rows[400], nrows, len;
	char *log = corpus_log(name, &t, rows, &nrows, &len);
	static struct heard whole, piece;
	struct smtpcode_scan *s = new_scan(NULL);
	int basic = tsv_column(&t, "basic"), enhanced = tsv_column(&t, "enhanced");

	assert_true(nrows >= 30);
	memset(&whole, 0, sizeof whole);
	smtpcode_scan_begin(s, 2026, 12);
	assert_int_equal(smtpcode_scan_feed(s, log, len, hear, &whole), SMTPCODE_OK);
	assert_int_equal(smtpcode_scan_end(s, hear, &whole), SMTPCODE_OK);
	/* one event for each line with a code, none for a line without */
	for (size_t i = 0, k = 0; i < nrows; i++) {
		const struct tsv_field *b = tsv_get(&t, rows[i], basic), *e = tsv_get(&t, rows[i], enhanced);
		const char *text = tsv_get(&t, rows[i], tsv_column(&t, "text"))->s;
		int want_basic = strcmp(b->s, "-") == 0 ? -1 : atoi(b->s);
		const char *got_enh;
		enum smtpcode_delivery want;
		char at[80];

		if (want_basic < 0 && strcmp(e->s, "-") == 0) {
			if (k < whole.n && whole.e[k].line == i + 1)
				fail_msg("%s.tsv:%d: an event for a line without a code", name, t.lines[rows[i]]);
			continue;
		}
		if (k >= whole.n || whole.e[k].line != i + 1)
			fail_msg("%s.tsv:%d: no event for line %zu", name, t.lines[rows[i]], i + 1);
		got_enh = whole.e[k].enhanced[0] != '\0' ? whole.e[k].enhanced : "-";
		if (whole.e[k].basic != want_basic ||
		    (strcmp(e->s, "-") != 0 && strcmp(got_enh, e->s) != 0) ||
		    !(whole.e[k].flags & SMTPCODE_SCAN_REPLY))
			fail_msg("%s.tsv:%d: basic %d enhanced %s, want %d %s", name, t.lines[rows[i]],
				 whole.e[k].basic, got_enh, want_basic, e->s);
		snprintf(at, sizeof at, "@%s", whole.e[k].domain);
		if (whole.e[k].domain[0] == '\0' || strcmp(whole.e[k].domain, "example.org") == 0 ||
		    strstr(text, at) == NULL) /* the recipient's, not the sender's example.org */
			fail_msg("%s.tsv:%d: recipient domain '%s'", name, t.lines[rows[i]], whole.e[k].domain);
		if (!whole.e[k].failure)
			fail_msg("%s.tsv:%d: not a failure", name, t.lines[rows[i]]);
		/* what the MTA wrote it did, in each one's words */
		want = strstr(text, "status=deferred") || strstr(text, " == ") ||
				       strstr(text, "result=\"TempFail\"")
			       ? SMTPCODE_DELIVERY_DEFERRED
		       : strstr(text, "status=bounced") || strstr(text, " ** ") ||
				       strstr(text, "result=\"PermFail\"")
			       ? SMTPCODE_DELIVERY_BOUNCED
			       : SMTPCODE_DELIVERY_UNKNOWN;
		assert_int_not_equal(want, SMTPCODE_DELIVERY_UNKNOWN);
		if (whole.e[k].delivery != want)
			fail_msg("%s.tsv:%d: delivery %s", name, t.lines[rows[i]],
				 smtpcode_delivery_name(whole.e[k].delivery));
		if (whole.e[k].queue_id[0] == '\0')
			fail_msg("%s.tsv:%d: no queue id", name, t.lines[rows[i]]);
		k++;
		if (i + 1 == nrows)
			assert_int_equal(k, whole.n);
	}
	/* the same events whatever the pieces the bytes come in */
	for (size_t step = 1; step <= 13; step += 4) {
		memset(&piece, 0, sizeof piece);
		smtpcode_scan_begin(s, 2026, 12);
		for (size_t off = 0; off < len; off += step)
			smtpcode_scan_feed(s, log + off, len - off < step ? len - off : step, hear, &piece);
		smtpcode_scan_end(s, hear, &piece);
		assert_int_equal(piece.n, whole.n);
		assert_memory_equal(piece.e, whole.e, whole.n * sizeof whole.e[0]);
	}
	free(s);
	free(log);
	tsv_free(&t);
}

static void test_scan_postfix(void **state)
{
	(void)state;
	check_mta("postfix");
}

static void test_scan_exim(void **state)
{
	(void)state;
	check_mta("exim");
}

static void test_scan_opensmtpd(void **state)
{
	(void)state;
	check_mta("opensmtpd");
}

/* The expected delivery of a line, from its MTA's own words; UNKNOWN when it says none. */
static enum smtpcode_delivery said(const char *text)
{
	if (strstr(text, "status=sent") || strstr(text, "stat=Sent") || strstr(text, " => "))
		return SMTPCODE_DELIVERY_SENT;
	if (strstr(text, "status=deferred") || strstr(text, "stat=Deferred") || strstr(text, " == "))
		return SMTPCODE_DELIVERY_DEFERRED;
	if (strstr(text, "status=bounced") || strstr(text, " ** "))
		return SMTPCODE_DELIVERY_BOUNCED;
	if (strstr(text, " reject: ") || strstr(text, "reject=") || strstr(text, "milter-reject: "))
		return SMTPCODE_DELIVERY_REJECTED;
	return SMTPCODE_DELIVERY_UNKNOWN;
}

/* The one-line log cases of the reply tables (Postfix, Sendmail, Exim) read as one log: the
 * codes the tables say, and what each MTA says it did. */
/* The events of one line scanned alone, in a December 2026 log, into h (emptied first). */
static void scan_line(struct smtpcode_scan *s, const char *line, struct heard *h)
{
	memset(h, 0, sizeof *h);
	smtpcode_scan_begin(s, 2026, 12);
	smtpcode_scan_feed(s, line, strlen(line), hear, h);
	smtpcode_scan_end(s, hear, h);
}

/* hear(), after checking that every span of the event lies inside its line. */
static void hear_in_line(void *ctx, const struct smtpcode_scan_event *ev)
{
	const size_t spans[][2] = {
		{ ev->time_offset, ev->time_length }, { ev->queue_id_offset, ev->queue_id_length },
		{ ev->domain_offset, ev->domain_length }, { ev->host_offset, ev->host_length }
	};

	for (size_t i = 0; i < sizeof spans / sizeof spans[0]; i++)
		if (spans[i][1] > 0 && (spans[i][0] > ev->length || spans[i][1] > ev->length - spans[i][0]))
			fail_msg("line %llu: span %zu at %zu+%zu, past the line's %zu bytes",
				 (unsigned long long)ev->line, i, spans[i][0], spans[i][1], ev->length);
	hear(ctx, ev);
}

/* A log of two lines (length bytes) fed whole and a line at a time: n events, the same both
 * ways, the last with the basic code given. */
static void check_two_lines(const char *log, size_t length, size_t n, int basic)
{
	static struct heard whole, lines;
	struct smtpcode_scan *s = new_scan(NULL);
	size_t first = (size_t)((const char *)memchr(log, '\n', length) + 1 - log);

	memset(&whole, 0, sizeof whole);
	memset(&lines, 0, sizeof lines);
	smtpcode_scan_begin(s, 2026, 12);
	smtpcode_scan_feed(s, log, length, hear_in_line, &whole);
	smtpcode_scan_begin(s, 2026, 12);
	smtpcode_scan_feed(s, log, first, hear_in_line, &lines);
	smtpcode_scan_feed(s, log + first, length - first, hear_in_line, &lines);
	assert_int_equal(lines.n, n);
	assert_int_equal(whole.n, n);
	assert_int_equal(whole.e[n - 1].basic, basic);
	assert_memory_equal(whole.e, lines.e, n * sizeof whole.e[0]);
	free(s);
}

/* Found by fuzz_scan: a reply the walk reads on across a newline (a "421-4.3.2 ... 421
 * 4.3.2" line, then another): the next line is still read, as when it comes alone; a reply
 * whose server or text the walk found on another line: that is not the line's. */
static void test_scan_walk_across_lines(void **state)
{
	static const char runs_on[] =
		"Dec 02 07:41:33 relay postfix/smtp[610]: A4D5E13237F: to=<jane.doe@example.com>, "
		"relay=127.0.0.1[127.0.0.1]:2525, delay=0.01, delays=0.01/0/0/0, dsn=4.3.2, "
		"status=deferred (host 127.0.0.1[127.0.0.1] refused to talk to me: 421-4.3.2 "
		"mail.example.org Service temporarily unavailable 421 4.3.2 Snnel)\n"
		"Dec 02 07:41:33 relay postfix/smtp[610]: A4D5E13237F: to=<jane.doe@example.com>, "
		"relay=127.0.0.1[127.0.0.1]:2525, delay=0.01, delays=0.01/0/0/0, dsn=4.3.2, "
		"status=deferred (host 127.0.0.1[127.0.0.1] refused to talk to me: 421-4.3.2 "
		"mail.example.org Service temporarily unavailable 421 4.3.2 System maintenance in "
		"progress, please try again later)\n";
	static const char host_before[] =
		"Dec 02 07:41:33 relay postfix/smtp[610]: 365E613237F: to=<jane.doe@example.com>, "
		"relay=127.0.0\xd2\xd5[127.0.0.1]:2525, delay=0.02, delays=0.01/0.01/0/0, "
		"dsn=4.7.0s,t atus=deferred ter)\n"
		"Dec 02 07:41:33 relay pofused to talk to me: 421 4.7.0 mx1.example.net Too many "
		"connections from your IP, try later)\n";
	static const char host_after[] =
		"postfix/smtp[610]: 365E613237F: to=<ja(n\xd0" "e.doe@exapm.lecom>, relMaray=127.0.0"
		"\xd2\xd5[127.0.0.1]:2525, delay=0.02,ys=m\0\0\0" "0/0/0/0, dsn=4.0.0, rejected "
		"HELOs=deferr\0\a" "2026- to=<jort.google.com/mail/?p=NoSuchUser x1-2 - gsmtp (in "
		"reply to RCPT TO command))\n"
		"Dec  2 03:00:00 mx postfix/smtp[2]: 4A2: to=<b@example.org>, relay=mx.example.org"
		"[192.0\0\aDec 02 07:41:33 relay postfix/smtp[610]: 365E613237F: to=<jane.doe@"
		"example.com>, relay=127.0.0.1[1270..0.1]:2525, delay=0.02, delays=0.01/0.01/0/0, "
		"dsn=4.7.0, status=deferred (host 127.0.0.1[127.0.0.1] refused to talk to me: 421 "
		"4.7.0 mx1.example.net Too many connections from your IP, try later)\n";

	(void)state;
	check_two_lines(runs_on, sizeof runs_on - 1, 2, 421);
	check_two_lines(host_before, sizeof host_before - 1, 1, 421);
	check_two_lines(host_after, sizeof host_after - 1, 2, 421);
}

static void test_scan_tables(void **state)
{
	static const char *const files[] = { "postfix", "sendmail", "exim" };
	static struct heard h;

	(void)state;
	for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
		struct tsv t;
		char path[512];
		struct smtpcode_scan *s = new_scan(NULL);
		size_t rows[400], nrows = 0, checked = 0;
		int text, basic, enhanced;

		snprintf(path, sizeof path, "tests/data/replies/%s.tsv", files[f]);
		assert_int_equal(tsv_load(path, &t), 0);
		text = tsv_column(&t, "text");
		basic = tsv_column(&t, "basic");
		enhanced = tsv_column(&t, "enhanced");
		memset(&h, 0, sizeof h);
		smtpcode_scan_begin(s, 2026, 12);
		for (size_t r = 0; r < t.nrows && nrows < 400; r++) {
			const struct tsv_field *tf = tsv_get(&t, r, text);
			int64_t when;

			if (memchr(tf->s, '\n', tf->len) != NULL || memchr(tf->s, '\0', tf->len) != NULL ||
			    smtpcode_scan_time(tf->s, tf->len, 2026, 12, &when) == 0)
				continue; /* a log line: one line that starts with a time */
			smtpcode_scan_feed(s, tf->s, tf->len, hear, &h);
			smtpcode_scan_feed(s, "\n", 1, hear, &h);
			rows[nrows++] = r;
		}
		assert_true(nrows >= 5);
		for (size_t i = 0, k = 0; i < nrows; i++) {
			const char *tx = tsv_get(&t, rows[i], text)->s;
			const char *b = tsv_get(&t, rows[i], basic)->s, *e = tsv_get(&t, rows[i], enhanced)->s;
			enum smtpcode_delivery want = said(tx);

			while (k < h.n && h.e[k].line < i + 1)
				k++;
			if (strcmp(b, "-") == 0 && strcmp(e, "-") == 0)
				continue;
			if (k >= h.n || h.e[k].line != i + 1)
				fail_msg("%s:%d: no event", path, t.lines[rows[i]]);
			if (h.e[k].basic != (strcmp(b, "-") == 0 ? -1 : atoi(b)) ||
			    strcmp(h.e[k].enhanced[0] ? h.e[k].enhanced : "-", e) != 0)
				fail_msg("%s:%d: %d %s", path, t.lines[rows[i]], h.e[k].basic, h.e[k].enhanced);
			if (want != SMTPCODE_DELIVERY_UNKNOWN && h.e[k].delivery != want)
				fail_msg("%s:%d: delivery %s, want %s", path, t.lines[rows[i]],
					 smtpcode_delivery_name(h.e[k].delivery), smtpcode_delivery_name(want));
			if (h.e[k].queue_id[0] == '\0' && strstr(tx, "NOQUEUE") == NULL)
				fail_msg("%s:%d: no queue id", path, t.lines[rows[i]]);
			checked++;
		}
		assert_true(checked >= 5);
		free(s);
		tsv_free(&t);
	}
}

static void test_scan_times(void **state)
{
	int64_t t = -5;
	char buf[32];

	(void)state;
	assert_int_equal(smtpcode_scan_time("2026-12-02", 10, 0, 0, &t), 10);
	assert_int_equal(smtpcode_scan_time_text(t, buf, sizeof buf), 19);
	assert_string_equal(buf, "2026-12-02T00:00:00");
	assert_int_equal(smtpcode_scan_time("2026-12-02T03:04", 16, 0, 0, &t), 16);
	smtpcode_scan_time_text(t, buf, sizeof buf);
	assert_string_equal(buf, "2026-12-02T03:04:00");
	assert_int_equal(smtpcode_scan_time("2026-12-02 03:04:05 1t2", 23, 0, 0, &t), 19);
	assert_int_equal(smtpcode_scan_time("2026-12-02T03:04:05.123456+01:00 x", 34, 0, 0, &t), 32);
	smtpcode_scan_time_text(t, buf, sizeof buf);
	assert_string_equal(buf, "2026-12-02T03:04:05"); /* the zone is not applied */
	/* a yearless time takes the reference year, or the one before for a later month */
	assert_int_equal(smtpcode_scan_time("Dec  2 03:04:05 host", 20, 2026, 12, &t), 15);
	smtpcode_scan_time_text(t, buf, sizeof buf);
	assert_string_equal(buf, "2026-12-02T03:04:05");
	assert_int_equal(smtpcode_scan_time("Dec 12 03:04:05", 15, 2027, 1, &t), 15);
	smtpcode_scan_time_text(t, buf, sizeof buf);
	assert_string_equal(buf, "2026-12-12T03:04:05");
	assert_int_equal(smtpcode_scan_time("Feb 29 00:00:00", 15, 2028, 3, &t), 15);
	smtpcode_scan_time_text(t, buf, sizeof buf);
	assert_string_equal(buf, "2028-02-29T00:00:00");
	/* not times */
	assert_int_equal(smtpcode_scan_time("Dec  2 03:04:05", 15, 0, 0, &t), 0);
	assert_int_equal(smtpcode_scan_time("2026-13-02", 10, 0, 0, &t), 0);
	assert_int_equal(smtpcode_scan_time("2026-12-32", 10, 0, 0, &t), 0);
	assert_int_equal(smtpcode_scan_time("2026-12-0", 9, 0, 0, &t), 0);
	assert_int_equal(smtpcode_scan_time("Foo  2 03:04:05", 15, 2026, 1, &t), 0);
	assert_int_equal(smtpcode_scan_time("Dec  2 25:04:05", 15, 2026, 1, &t), 0);
	assert_int_equal(smtpcode_scan_time("550 5.1.1 x", 11, 2026, 1, &t), 0);
	assert_int_equal(smtpcode_scan_time(NULL, 3, 2026, 1, &t), 0);
	assert_int_equal(smtpcode_scan_time("2026-12-02", 10, 0, 0, NULL), 0);
	/* a time with a clock that is no clock is the date alone */
	assert_int_equal(smtpcode_scan_time("2026-12-02 99:00", 16, 0, 0, &t), 10);
	assert_int_equal(smtpcode_scan_time_text(-1, buf, sizeof buf), 0);
	assert_string_equal(buf, "");
	assert_int_equal(smtpcode_scan_time_text(0, NULL, 0), 19);
	assert_int_equal(smtpcode_scan_time_text(0, NULL, 4), SMTPCODE_ENULL);
}

static const char log_a[] =
	"2026-12-01T10:00:00 mx postfix/smtp[1]: 4A1: to=<a@Example.NET>, relay=mx.example.net[192.0.2.1]:25, dsn=5.1.1, status=bounced (host mx.example.net[192.0.2.1] said: 550 5.1.1 <a@example.net>: User unknown (in reply to RCPT TO command))\n"
	"2026-12-01T10:00:01 mx postfix/smtp[1]: 4A2: to=<b@example.net>, relay=mx.example.net[192.0.2.1]:25, dsn=5.1.1, status=bounced (host mx.example.net[192.0.2.1] said: 550 5.1.1 <b@example.net>: User unknown (in reply to RCPT TO command))\n"
	"2026-12-01T10:00:02 mx postfix/smtp[1]: 4A3: to=<c@sub.example.org>, relay=mx.example.org[192.0.2.2]:25, dsn=4.2.0, status=deferred (host mx.example.org[192.0.2.2] said: 450 4.2.0 <c@sub.example.org>: Greylisted (in reply to RCPT TO command))\n"
	"2026-12-01T10:00:03 mx postfix/smtp[1]: 4A4: to=<d@example.net>, relay=mx.example.net[192.0.2.1]:25, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9)\n"
	"2026-12-01T10:00:04 mx postfix/smtpd[2]: NOQUEUE: reject: RCPT from unknown[198.51.100.7]: 554 5.7.1 <e@example.com>: Relay access denied; from=<x@y.example> to=<e@example.com> proto=ESMTP helo=<h>\n";
static const char log_b[] =
	"2026-12-02T11:00:00 mx postfix/smtp[1]: 4B1: to=<f@example.net>, relay=mx.example.net[192.0.2.1]:25, dsn=5.1.1, status=bounced (host mx.example.net[192.0.2.1] said: 550 5.1.1 <f@example.net>: No such user (in reply to RCPT TO command))\n"
	"2026-12-02T11:00:01 mx postfix/smtp[1]: 4B2: to=<g@example.com>, relay=gmail-smtp-in.l.google.com[192.0.2.9]:25, dsn=4.7.28, status=deferred (host gmail-smtp-in.l.google.com[192.0.2.9] said: 421-4.7.28 Gmail has detected an unusual rate of unsolicited mail. x1 - gsmtp (in reply to end of DATA command))\n"
	"no reply on this line at all\n";

static char *scan_json(struct smtpcode_scan *s)
{
	int n = smtpcode_json_scan(s, NULL, 0, 0, NULL, 0);
	char *buf;

	assert_true(n > 0);
	buf = malloc((size_t)n + 1);
	assert_int_equal(smtpcode_json_scan(s, NULL, 0, 0, buf, (size_t)n + 1), n);
	return buf;
}

static void test_scan_tally(void **state)
{
	struct smtpcode_scan *one = new_scan(NULL), *a = new_scan(NULL), *b = new_scan(NULL);
	struct smtpcode_scan_totals t = { .size = sizeof t };
	struct smtpcode_scan_row r = { .size = sizeof r };
	char *merged, *single;

	(void)state;
	smtpcode_scan_begin(one, 0, 0);
	smtpcode_scan_feed(one, log_a, sizeof log_a - 1, NULL, NULL);
	smtpcode_scan_begin(one, 0, 0);
	smtpcode_scan_feed(one, log_b, sizeof log_b - 1, NULL, NULL);
	smtpcode_scan_end(one, NULL, NULL);
	assert_int_equal(smtpcode_scan_totals(one, &t), SMTPCODE_OK);
	assert_int_equal(t.lines, 8);
	assert_int_equal(t.replies, 7);
	assert_int_equal(t.failures, 6);
	assert_int_equal(t.rows, 4);
	assert_int_equal(t.first_time, 0 + t.first_time); /* set */
	{
		char buf[32];

		smtpcode_scan_time_text(t.first_time, buf, sizeof buf);
		assert_string_equal(buf, "2026-12-01T10:00:00");
		smtpcode_scan_time_text(t.last_time, buf, sizeof buf);
		assert_string_equal(buf, "2026-12-02T11:00:01");
	}
	assert_int_equal(smtpcode_scan_rank(one), 4);
	/* first the 550 5.1.1 of three lines, two domains: example.net only */
	assert_int_equal(smtpcode_scan_row(one, 0, &r), SMTPCODE_OK);
	assert_int_equal(r.basic, 550);
	assert_string_equal(r.enhanced, "5.1.1");
	assert_int_equal(r.count, 3);
	assert_int_equal(r.bounced, 3);
	assert_int_equal(r.deferred + r.rejected, 0);
	assert_true(r.share > 0.49 && r.share < 0.51);
	assert_int_equal(r.domain_count, 1);
	assert_string_equal(r.domains[0].name, "example.net");
	assert_int_equal(r.domains[0].count, 3);
	assert_int_equal(r.other_domains, 0);
	assert_string_equal(r.hosts[0].name, "mx.example.net");
	assert_string_equal(r.sample, "<a@example.net>: User unknown");
	assert_non_null(r.title);
	/* ties by basic code: 421 (google), 450, 554 */
	assert_int_equal(smtpcode_scan_row(one, 1, &r), SMTPCODE_OK);
	assert_int_equal(r.basic, 421);
	assert_non_null(r.provider);
	assert_string_equal(r.provider->id, "google");
	assert_non_null(r.entry);
	assert_ptr_equal(r.title, r.entry->title);
	assert_int_equal(r.deferred, 1);
	assert_int_equal(smtpcode_scan_row(one, 2, &r), SMTPCODE_OK);
	assert_int_equal(r.basic, 450);
	assert_string_equal(r.domains[0].name, "sub.example.org");
	assert_int_equal(smtpcode_scan_row(one, 3, &r), SMTPCODE_OK);
	assert_int_equal(r.basic, 554);
	assert_int_equal(r.rejected, 1);
	assert_string_equal(r.hosts[0].name, "198.51.100.7");
	assert_int_equal(smtpcode_scan_row(one, 4, &r), SMTPCODE_ENOTFOUND);
	/* two streams in two states, merged, say what one state said */
	smtpcode_scan_begin(a, 0, 0);
	smtpcode_scan_feed(a, log_a, sizeof log_a - 1, NULL, NULL);
	smtpcode_scan_begin(b, 0, 0);
	smtpcode_scan_feed(b, log_b, sizeof log_b - 1, NULL, NULL);
	assert_int_equal(smtpcode_scan_merge(a, b), SMTPCODE_OK);
	merged = scan_json(a);
	single = scan_json(one);
	assert_string_equal(merged, single);
	assert_non_null(strstr(single, "\"top_domains\": [{\"domain\": \"example.net\", \"count\": 3}]"));
	free(merged);
	free(single);
	assert_int_equal(smtpcode_scan_merge(NULL, b), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_scan_merge(a, NULL), SMTPCODE_ENULL);
	free(one);
	free(a);
	free(b);
}

/* Past the names a row tracks, the heaviest still comes first with a count it is sure of,
 * and the rest is "other". */
static void test_scan_bounded(void **state)
{
	struct smtpcode_scan *s = new_scan(NULL);
	struct smtpcode_scan_row r = { .size = sizeof r };
	char line[512];
	uint64_t sum = 0;

	(void)state;
	smtpcode_scan_begin(s, 0, 0);
	for (int i = 0; i < 3000; i++) {
		int n = snprintf(line, sizeof line,
				 "2026-12-01T10:00:00 mx postfix/smtp[1]: 4A1: to=<a@%s%d.example>, "
				 "relay=mx%d.example[192.0.2.1]:25, dsn=5.7.1, status=bounced (host "
				 "mx.example[192.0.2.1] said: 550 5.7.1 refused (in reply to RCPT TO "
				 "command))\n",
				 i % 3 == 0 ? "big" : "d", i % 3 == 0 ? 0 : i, i % 50);
		smtpcode_scan_feed(s, line, (size_t)n, NULL, NULL);
	}
	assert_int_equal(smtpcode_scan_rank(s), 1);
	assert_int_equal(smtpcode_scan_row(s, 0, &r), SMTPCODE_OK);
	assert_int_equal(r.count, 3000);
	assert_true(r.domain_count >= 1 && r.domain_count <= SMTPCODE_SCAN_TOP);
	assert_string_equal(r.domains[0].name, "big0.example");
	assert_true(r.domains[0].count >= 900 && r.domains[0].count <= 1000);
	for (size_t i = 0; i < r.domain_count; i++)
		sum += r.domains[i].count;
	assert_int_equal(r.other_domains, r.count - sum);
	free(s);
}

static size_t count_passing(const struct smtpcode_scan_options *o)
{
	struct smtpcode_scan *s = new_scan(o);
	struct smtpcode_scan_totals t = { .size = sizeof t };

	smtpcode_scan_begin(s, 0, 0);
	smtpcode_scan_feed(s, log_a, sizeof log_a - 1, NULL, NULL);
	smtpcode_scan_feed(s, log_b, sizeof log_b - 1, NULL, NULL);
	smtpcode_scan_totals(s, &t);
	free(s);
	return (size_t)t.replies;
}

/* Every kind of --code against four lines: a 550 5.1.1, a 421 alone, an MTA status 4.4.1
 * alone, a 250 2.0.0. A basic filter needs a basic code; an enhanced one, an enhanced code (the
 * reply's, else the MTA's). */
static void test_scan_code_filters(void **state)
{
	static const char log[] =
		"2026-12-01T10:00:00 mx postfix/smtp[1]: 4A1: to=<a@x.example>, relay=mx.x.example[192.0.2.1]:25, dsn=5.1.1, status=bounced (host mx.x.example[192.0.2.1] said: 550 5.1.1 gone (in reply to RCPT TO command))\n"
		"2026-12-01T10:00:01 mx postfix/smtp[1]: 4A2: to=<a@x.example>, relay=mx.x.example[192.0.2.1]:25, status=deferred (host mx.x.example[192.0.2.1] said: 421 busy (in reply to RCPT TO command))\n"
		"2026-12-01T10:00:02 mx postfix/smtp[1]: 4A3: to=<a@x.example>, relay=none, dsn=4.4.1, status=deferred (connect to mx.x.example[192.0.2.1]:25: Connection timed out)\n"
		"2026-12-01T10:00:03 mx postfix/smtp[1]: 4A4: to=<a@x.example>, relay=mx.x.example[192.0.2.1]:25, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 7)\n";
	static const struct {
		const char *code;
		unsigned replies;
	} cases[] = {
		{ "5xx", 1 }, { "4xx", 1 }, { "2xx", 1 }, { "55x", 1 }, { "42x", 1 }, { "5.1", 1 },
		{ "x.4", 1 }, { "5.x", 1 }, { "4.x", 1 }, { "basic", 3 }, { "enhanced", 3 },
		{ "X.1.1", 1 }, { "5.1.1", 1 }, { "421", 1 }, { "4.4.1", 1 }, { "2.0.0", 1 },
		{ "X.4.1", 1 }, { "2.x", 1 }, { "551", 0 }, { "4.1.1", 0 }, { "x.9", 0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct smtpcode_scan_options o = { .size = sizeof o, .since = -1, .until = -1,
						   .code = cases[i].code };
		struct smtpcode_scan *s = new_scan(&o);
		struct smtpcode_scan_totals t = { .size = sizeof t };

		smtpcode_scan_feed(s, log, sizeof log - 1, NULL, NULL);
		smtpcode_scan_totals(s, &t);
		if (t.replies != cases[i].replies)
			fail_msg("--code %s: %u replies, want %u", cases[i].code, (unsigned)t.replies,
				 cases[i].replies);
		free(s);
	}
}

static void test_scan_filters(void **state)
{
	struct smtpcode_scan_options o = { .size = sizeof o, .since = -1, .until = -1 };
	void *block = malloc(smtpcode_scan_size());
	struct smtpcode_scan *s;

	(void)state;
	assert_int_equal(count_passing(&o), 7);
	o.reply_class = 4;
	assert_int_equal(count_passing(&o), 2);
	o.reply_class = 5;
	assert_int_equal(count_passing(&o), 4);
	o.reply_class = 0;
	o.code = "550";
	assert_int_equal(count_passing(&o), 3);
	o.code = "5.7.1";
	assert_int_equal(count_passing(&o), 1);
	o.code = "X.1.1";
	assert_int_equal(count_passing(&o), 3);
	o.code = "4.7";
	assert_int_equal(count_passing(&o), 1);
	o.code = "x.7";
	assert_int_equal(count_passing(&o), 2);
	o.code = "55x";
	assert_int_equal(count_passing(&o), 4);
	o.code = "2xx";
	assert_int_equal(count_passing(&o), 1);
	o.code = NULL;
	o.domain = "EXAMPLE.org";
	assert_int_equal(count_passing(&o), 1); /* sub.example.org */
	o.domain = "ample.org";
	assert_int_equal(count_passing(&o), 0);
	o.domain = NULL;
	o.provider = "google";
	assert_int_equal(count_passing(&o), 1);
	o.provider = NULL;
	assert_int_equal(smtpcode_scan_time("2026-12-02", 10, 0, 0, &o.since), 10);
	assert_int_equal(count_passing(&o), 2);
	o.until = o.since + 3600 + 59;
	o.since = -1;
	assert_int_equal(count_passing(&o), 5);
	/* bad options */
	o.until = -1;
	o.code = "abc";
	assert_int_equal(smtpcode_scan_init(block, smtpcode_scan_size(), &o, &s), SMTPCODE_ESYNTAX);
	o.code = NULL;
	o.reply_class = 3;
	assert_int_equal(smtpcode_scan_init(block, smtpcode_scan_size(), &o, &s), SMTPCODE_ESYNTAX);
	o.reply_class = 0;
	o.provider = "nosuchprovider";
	assert_int_equal(smtpcode_scan_init(block, smtpcode_scan_size(), &o, &s), SMTPCODE_ENOTFOUND);
	o.provider = NULL;
	o.domain = "";
	assert_int_equal(smtpcode_scan_init(block, smtpcode_scan_size(), &o, &s), SMTPCODE_ESYNTAX);
	o.domain = NULL;
	o.size = 4;
	assert_int_equal(smtpcode_scan_init(block, smtpcode_scan_size(), &o, &s), SMTPCODE_ESIZE);
	assert_int_equal(smtpcode_scan_init(block, smtpcode_scan_size() - 1, NULL, &s), SMTPCODE_ESIZE);
	assert_int_equal(smtpcode_scan_init(NULL, smtpcode_scan_size(), NULL, &s), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_scan_init(block, smtpcode_scan_size(), NULL, NULL), SMTPCODE_ENULL);
	free(block);
}

/* NUL bytes, a line over 1 MiB (its reply past the cut unread, one in its first MiB read), a
 * last line without a newline, invalid UTF-8 in the JSON of an event. */
static void test_scan_bad_input(void **state)
{
	static struct heard h;
	struct smtpcode_scan *s = new_scan(NULL);
	struct smtpcode_scan_totals t = { .size = sizeof t };
	struct smtpcode_scan_row r = { .size = sizeof r };
	size_t big = SMTPCODE_SCAN_LINE_MAX + 4096;
	char *line = malloc(big + 64);
	static const char nul[] = "x\0y 550 5.1.1 gone\n";
	static const char bad[] = "550 5.7.1 bad \xff\xfe bytes \x1b[31m";
	char json[512];

	(void)state;
	memset(&h, 0, sizeof h);
	smtpcode_scan_begin(s, 0, 0);
	smtpcode_scan_feed(s, nul, sizeof nul - 1, hear, &h);
	assert_int_equal(h.n, 1);
	assert_int_equal(h.e[0].flags, SMTPCODE_SCAN_BINARY | SMTPCODE_SCAN_REPLY);
	assert_int_equal(h.e[0].basic, 550);
	/* a long line with its reply past the first MiB, fed in two pieces: cut, no reply */
	memset(line, 'a', big);
	memcpy(line + big - 20, " 550 5.1.1 far\n", 15);
	smtpcode_scan_feed(s, line, big / 2, hear, &h);
	smtpcode_scan_feed(s, line + big / 2, big - 20 + 15 - big / 2, hear, &h);
	assert_int_equal(h.n, 2);
	assert_int_equal(h.e[1].flags, SMTPCODE_SCAN_CUT);
	assert_int_equal(h.e[1].line, 2);
	/* one in a single buffer, its reply at the start: cut, and read */
	memcpy(line, "451 4.3.0 near ", 15);
	line[big - 6] = '\n';
	smtpcode_scan_feed(s, line, big - 5, hear, &h);
	assert_int_equal(h.n, 3);
	assert_int_equal(h.e[2].flags, SMTPCODE_SCAN_CUT | SMTPCODE_SCAN_REPLY);
	assert_int_equal(h.e[2].basic, 451);
	/* the last line, without a newline, is read at the end */
	smtpcode_scan_feed(s, bad, sizeof bad - 1, hear, &h);
	assert_int_equal(h.n, 3);
	smtpcode_scan_end(s, hear, &h);
	assert_int_equal(h.n, 4);
	assert_int_equal(h.e[3].line, 4);
	smtpcode_scan_totals(s, &t);
	assert_int_equal(t.lines, 4);
	assert_int_equal(t.cut_lines, 2);
	assert_int_equal(t.binary_lines, 1);
	/* the sample keeps the server's bytes; its JSON shows them escaped */
	smtpcode_scan_rank(s);
	for (size_t i = 0; smtpcode_scan_row(s, i, &r) == SMTPCODE_OK; i++)
		if (r.basic == 550 && strcmp(r.enhanced, "5.7.1") == 0)
			assert_non_null(strstr(r.sample, "\x1b[31m"));
	{
		char *all = scan_json(s);

		assert_null(strchr(all, '\x1b'));
		assert_non_null(strstr(all, "\\u001b[31m"));
		assert_non_null(strstr(all, "\\ufffd"));
		free(all);
	}
	/* the event's JSON line, and its errors */
	{
		struct smtpcode_scan_event ev = { 0 };

		assert_int_equal(smtpcode_json_scan_event(&ev, "f", json, sizeof json), SMTPCODE_ENULL);
		assert_int_equal(smtpcode_json_scan_event(NULL, "f", json, sizeof json), SMTPCODE_ENULL);
		assert_int_equal(smtpcode_json_scan_event(&ev, "f", NULL, 3), SMTPCODE_ENULL);
	}
	assert_int_equal(smtpcode_json_scan(NULL, NULL, 0, 0, json, sizeof json), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_json_scan(s, NULL, 1, 0, json, sizeof json), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_scan_feed(NULL, "x", 1, NULL, NULL), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_scan_feed(s, NULL, 1, NULL, NULL), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_scan_feed(s, NULL, 0, NULL, NULL), SMTPCODE_OK);
	assert_int_equal(smtpcode_scan_end(NULL, NULL, NULL), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_scan_rank(NULL), 0);
	assert_int_equal(smtpcode_scan_totals(NULL, &t), SMTPCODE_ENULL);
	t.size = 3;
	assert_int_equal(smtpcode_scan_totals(s, &t), SMTPCODE_ESIZE);
	r.size = 3;
	assert_int_equal(smtpcode_scan_row(s, 0, &r), SMTPCODE_ESIZE);
	assert_int_equal(smtpcode_scan_row(NULL, 0, NULL), SMTPCODE_ENULL);
	smtpcode_scan_begin(NULL, 0, 0); /* nothing to do, no crash */
	assert_null(smtpcode_delivery_name(SMTPCODE_DELIVERY_UNKNOWN));
	assert_string_equal(smtpcode_delivery_name(SMTPCODE_DELIVERY_REJECTED), "rejected");
	assert_null(smtpcode_delivery_name((enum smtpcode_delivery)99));
	free(line);
	free(s);
}

/* The shapes a log line takes around its reply, one line each, with what must be read. */
static void test_scan_shapes(void **state)
{
	static const struct {
		const char *line, *time, *queue_id, *domain, *host;
		enum smtpcode_delivery delivery;
	} cases[] = {
		{ "<22>Dec  2 03:00:00 mx postfix/smtp[9]: 4AB12: to=<a@x.example>, relay=mx.x.example[192.0.2.1]:25, dsn=5.1.1, status=expired (host mx.x.example[192.0.2.1] said: 550 5.1.1 gone (in reply to RCPT TO command))",
		  "Dec  2 03:00:00", "4AB12", "x.example", "mx.x.example", SMTPCODE_DELIVERY_BOUNCED },
		{ "<22>1 2026-12-02T03:00:00.123Z mx postfix/smtp 9 - - 4AB13: to=<a@y.example>, relay=none, delay=1, dsn=4.4.1, status=deferred (connect to mx.y.example[192.0.2.2]:25: Connection refused)",
		  "2026-12-02T03:00:00.123Z", NULL, "y.example", NULL, SMTPCODE_DELIVERY_DEFERRED },
		{ "2026-12-02T03:00:00,5+0100 mx postfix/lmtp[9]: 4AB14: to=<b@z.example>, relay=local, dsn=5.2.2, status=bounced (host local said: 552 5.2.2 full (in reply to RCPT TO command))",
		  "2026-12-02T03:00:00,5+0100", "4AB14", "z.example", NULL, SMTPCODE_DELIVERY_BOUNCED },
		{ "2026-12-02 03:00:00 [1234] 1t2AbC-000123-AB -> c@w.example R=r T=t H=mx.w.example [192.0.2.3] C=\"250 2.0.0 OK\"",
		  "2026-12-02 03:00:00", "1t2AbC-000123-AB", "w.example", NULL, SMTPCODE_DELIVERY_SENT },
		{ "2026-12-02 03:00:00 1t2AbC-0001Ab-Cd ** d@v.example: R=r T=t: SMTP error from remote mail server after RCPT TO:<d@v.example>: 550 5.1.1 no",
		  "2026-12-02 03:00:00", "1t2AbC-0001Ab-Cd", "v.example", NULL, SMTPCODE_DELIVERY_BOUNCED },
		{ "Dec  2 03:00:00 mx smtpd[77]: 1a2b3c4d5e6f7a8b smtp failed-command command=\"RCPT TO:<e@u.example>\" result=\"550 5.7.1 no relay\"",
		  "Dec  2 03:00:00", "1a2b3c4d5e6f7a8b", "u.example", NULL, SMTPCODE_DELIVERY_REJECTED },
		{ "Dec  2 03:00:00 mx sm-mta[5]: 4AUCYu0e012345: to=<f@t.example>, relay=mx.t.example. [192.0.2.7], dsn=5.1.1, stat=User unknown",
		  "Dec  2 03:00:00", "4AUCYu0e012345", "t.example", "mx.t.example", SMTPCODE_DELIVERY_BOUNCED },
		{ "Dec  2 03:00:00 mx sm-mta[5]: 4AUCYu0e012346: to=<f@t.example>, relay=mx.t.example. [192.0.2.7], dsn=4.4.1, stat=Host down",
		  "Dec  2 03:00:00", "4AUCYu0e012346", "t.example", "mx.t.example", SMTPCODE_DELIVERY_DEFERRED },
		{ "Dec  2 03:00:00 mx postfix/cleanup[8]: 4AB15: milter-reject: END-OF-MESSAGE from client.s.example[192.0.2.9]: 5.7.1 spam; from=<s@r.example> to=<g@s.example>",
		  "Dec  2 03:00:00", "4AB15", "s.example", "client.s.example", SMTPCODE_DELIVERY_REJECTED },
		{ "450 4.2.0 <h@q.example>: Recipient address rejected: Greylisted",
		  NULL, NULL, NULL, NULL, SMTPCODE_DELIVERY_UNKNOWN },
	};
	static struct heard h;
	struct smtpcode_scan *s = new_scan(NULL);

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		scan_line(s, cases[i].line, &h);
		if (h.n != 1)
			fail_msg("case %zu: %zu events", i, h.n);
		if (strcmp(h.e[0].time, cases[i].time ? cases[i].time : "") != 0 ||
		    strcmp(h.e[0].queue_id, cases[i].queue_id ? cases[i].queue_id : "") != 0 ||
		    strcmp(h.e[0].domain, cases[i].domain ? cases[i].domain : "") != 0 ||
		    (cases[i].host != NULL && strcmp(h.e[0].host, cases[i].host) != 0) ||
		    h.e[0].delivery != cases[i].delivery)
			fail_msg("case %zu: time '%s' queue '%s' domain '%s' host '%s' delivery %s", i,
				 h.e[0].time, h.e[0].queue_id, h.e[0].domain, h.e[0].host,
				 smtpcode_delivery_name(h.e[0].delivery));
	}
	free(s);
}

/* Lines that almost have a field: none is taken from them. */
static void test_scan_near_misses(void **state)
{
	static const struct {
		const char *line, *queue_id, *domain, *host, *time;
	} cases[] = {
		{ "<13>Dec  2 03:00:00 mx postfix/smtp[9]: NOQUEUE: to=<>, relay=unknown[]: 550 5.1.1 x", "", "", "", "Dec  2 03:00:00" },
		{ "<1234567>Dec  2 03:00:00 mx postfix/smtp[9]: 4AB: to=<a@>, 550 5.1.1 x", "", "", "", "" },
		{ "<13 Dec  2 03:00:00 mx x[1]: 1a2b3c4d5e6f7a8b: 550 5.1.1 x", "1a2b3c4d5e6f7a8b", "", "", "" },
		{ "2026-12-02 03:00:00 1t2Ab-000123-AB ** a@b.example 550 5.1.1 x", "", "", "", "2026-12-02 03:00:00" },
		{ "2026-12-02 03:00:00 1t2AbC-00012-AB ** a@b.example 550 5.1.1 x", "", "", "", "2026-12-02 03:00:00" },
		{ "2026-12-02 03:00:00 1t2AbC-000123-A ** a@b.example 550 5.1.1 x", "", "", "", "2026-12-02 03:00:00" },
		{ "2026-12-02 03:00:00 1t2AbC-000123-ABCDE: 550 5.1.1 x", "", "", "", "2026-12-02 03:00:00" },
		{ "Dec  2 03:00:00 mx postfix/smtpd[9]: connect from nowhere: 550 5.1.1 x", "", "", "", "Dec  2 03:00:00" },
		{ "Dec  2 03:00:00 mx postfix/smtp[9]: 4AB12: to=<a@b.example>, relay=local, status=bounced (550 5.1.1 x)", "4AB12", "b.example", "", "Dec  2 03:00:00" },
	};
	static struct heard h;
	struct smtpcode_scan *s = new_scan(NULL);
	struct smtpcode_scan_row r = { .size = sizeof r };

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		scan_line(s, cases[i].line, &h);
		if (h.n != 1 || strcmp(h.e[0].queue_id, cases[i].queue_id) != 0 ||
		    strcmp(h.e[0].domain, cases[i].domain) != 0 || strcmp(h.e[0].host, cases[i].host) != 0 ||
		    strcmp(h.e[0].time, cases[i].time) != 0)
			fail_msg("case %zu: %zu events, queue '%s' domain '%s' host '%s' time '%s'", i, h.n,
				 h.e[0].queue_id, h.e[0].domain, h.e[0].host, h.e[0].time);
	}
	/* a row read before the rows are ranked: in the order they came */
	assert_int_equal(smtpcode_scan_row(s, 0, &r), SMTPCODE_OK);
	assert_int_equal(r.basic, 550);
	free(s);
}

/* Past SMTPCODE_SCAN_ROWS distinct replies, the rest is unranked, also in a merge; names over
 * 63 bytes are cut; a merge of full tables keeps counts it is sure of. */
static void test_scan_limits(void **state)
{
	struct smtpcode_scan *s = new_scan(NULL), *t = new_scan(NULL);
	struct smtpcode_scan_totals tot = { .size = sizeof tot };
	struct smtpcode_scan_row r = { .size = sizeof r };
	char line[512], longname[100];
	size_t rows;

	(void)state;
	memset(longname, 'l', 80);
	longname[80] = '\0';
	smtpcode_scan_begin(s, 0, 0);
	smtpcode_scan_begin(t, 0, 0);
	for (int i = 0; i < 1100; i++) {
		int n = snprintf(line, sizeof line, "2026-12-01T10:00:00 mx postfix/smtp[1]: 4A1: to=<a@%s%d.example>, relay=mx.example[192.0.2.1]:25, status=bounced (host mx.example[192.0.2.1] said: 550 5.%d.%d no (in reply to RCPT TO command))\n",
				 longname, i % 40, 1 + i / 1000, i % 1000);

		smtpcode_scan_feed(s, line, (size_t)n, NULL, NULL);
		smtpcode_scan_feed(t, line, (size_t)n, NULL, NULL);
	}
	smtpcode_scan_totals(s, &tot);
	assert_int_equal(tot.rows, SMTPCODE_SCAN_ROWS);
	assert_int_equal(tot.unranked, 1100 - SMTPCODE_SCAN_ROWS);
	rows = smtpcode_scan_rank(s);
	assert_int_equal(rows, SMTPCODE_SCAN_ROWS);
	assert_int_equal(smtpcode_scan_row(s, 0, &r), SMTPCODE_OK);
	assert_int_equal(r.count, 1);
	assert_int_equal(strlen(r.domains[0].name), 63);
	assert_string_equal(r.domains[0].name + 60, "...");
	/* merging a full state into a full one: what has no row is unranked */
	assert_int_equal(smtpcode_scan_merge(s, t), SMTPCODE_OK);
	smtpcode_scan_totals(s, &tot);
	assert_int_equal(tot.failures, 2200);
	assert_int_equal(tot.unranked, 2 * (1100 - SMTPCODE_SCAN_ROWS));
	smtpcode_scan_rank(s);
	assert_int_equal(smtpcode_scan_row(s, 0, &r), SMTPCODE_OK);
	assert_int_equal(r.count, 2);
	free(s);
	free(t);
	/* Space-Saving tables merged: the heavy name stays first */
	s = new_scan(NULL);
	t = new_scan(NULL);
	for (int k = 0; k < 2; k++)
		for (int i = 0; i < 200; i++) {
			int n = snprintf(line, sizeof line, "2026-12-01T10:00:00 mx postfix/smtp[1]: 4A1: to=<a@%s.example>, relay=mx.example[192.0.2.1]:25, status=bounced (host mx.example[192.0.2.1] said: 550 5.1.1 no (in reply to RCPT TO command))\n",
					 i % 2 ? "heavy" : (snprintf(longname, sizeof longname, "d%d-%d", k, i), longname));

			smtpcode_scan_feed(k ? t : s, line, (size_t)n, NULL, NULL);
		}
	smtpcode_scan_merge(s, t);
	smtpcode_scan_rank(s);
	assert_int_equal(smtpcode_scan_row(s, 0, &r), SMTPCODE_OK);
	assert_int_equal(r.count, 400);
	assert_string_equal(r.domains[0].name, "heavy.example");
	assert_true(r.domains[0].count >= 150 && r.domains[0].count <= 200);
	free(s);
	free(t);
}

/* Rows whose codes are only the MTA's status, or an unregistered detail: titles from the
 * registry; ties ranked by codes, then provider. */
static void test_scan_titles(void **state)
{
	static const char log[] =
		"Dec  2 03:00:00 mx postfix/smtp[9]: 4AB13: to=<a@y.example>, relay=none, delay=1, dsn=4.4.1, status=deferred (connect to mx.y.example[192.0.2.2]:25: Connection refused)\n"
		"2026-12-02T03:00:01 mx postfix/smtp[1]: 4A1: to=<a@x.example>, relay=mx.x.example[192.0.2.1]:25, status=bounced (host mx.x.example[192.0.2.1] said: 550 5.7.509 Access denied (in reply to end of DATA command))\n"
		"2026-12-02T03:00:02 mx postfix/smtp[1]: 4A2: to=<a@x.example>, relay=mx.x.example[192.0.2.1]:25, status=bounced (host mx.x.example[192.0.2.1] said: 550 no code (in reply to RCPT TO command))\n";
	struct smtpcode_scan *s = new_scan(NULL);
	struct smtpcode_scan_row r = { .size = sizeof r };
	int seen = 0;

	(void)state;
	smtpcode_scan_begin(s, 2026, 12);
	smtpcode_scan_feed(s, log, sizeof log - 1, NULL, NULL);
	assert_int_equal(smtpcode_scan_rank(s), 3);
	for (size_t i = 0; smtpcode_scan_row(s, i, &r) == SMTPCODE_OK; i++) {
		assert_non_null(r.title);
		if (r.basic < 0) {
			assert_string_equal(r.enhanced, "4.4.1");
			assert_int_equal(r.deferred, 1);
			assert_non_null(strstr(r.sample, "status=deferred"));
			seen |= 1;
		} else if (r.enhanced[0] == '\0') {
			assert_int_equal(r.basic, 550);
			seen |= 2;
		} else {
			assert_string_equal(r.enhanced, "5.7.509");
			seen |= 4;
		}
	}
	assert_int_equal(seen, 7);
	free(s);
}

/* Every prefix of every shape, and every one-byte change of them: no crash, and every span an
 * event gives lies inside its line. */
static void check_spans(void *ctx, const struct smtpcode_scan_event *ev)
{
	size_t *n = ctx;

	(*n)++;
	assert_true(ev->time_offset + ev->time_length <= ev->length);
	assert_true(ev->queue_id_offset + ev->queue_id_length <= ev->length);
	assert_true(ev->domain_offset + ev->domain_length <= ev->length);
	assert_true(ev->host_offset + ev->host_length <= ev->length);
	if (ev->reply != NULL)
		assert_true(ev->reply->end <= ev->length);
}

static void test_scan_prefixes(void **state)
{
	static const char *const lines[] = {
		"<22>1 2026-12-02T03:00:00.123+01:00 mx postfix/smtp[9]: 4AB12: to=<a@x.example>, relay=mx.x.example[192.0.2.1]:25, dsn=5.1.1, status=bounced (host mx.x.example[192.0.2.1] said: 550 5.1.1 gone (in reply to RCPT TO command))",
		"Dec 12 03:00:00 mx postfix/smtpd[9]: NOQUEUE: reject: RCPT from unknown[192.0.2.9]: 554 5.7.1 <a@x.example>: Relay access denied; from=<s@y.example> to=<a@x.example>",
		"2026-12-02 03:00:00 [12] 1t2AbC-000123-AB == d@v.example R=r T=t H=mx.v.example [192.0.2.3]: SMTP error from remote mail server after RCPT TO:<d@v.example>: 451 4.7.1 later",
		"Dec  2 03:00:00 mx smtpd[77]: 1a2b3c4d5e6f7a8b mta delivery evpid=1 from=<s@y.example> to=<e@u.example> rcpt=<-> relay=\"mx.u.example [192.0.2.4]\" result=\"PermFail\" stat=\"550 5.1.1 no\"",
		"Dec  2 03:00:00 mx sm-mta[5]: 4AUCYu0e012345: to=<f@t.example>, relay=mx.t.example. [192.0.2.7], dsn=4.4.1, stat=Deferred: Connection refused by mx.t.example.",
		"Dec  2 03:00:00 mx sm-mta[5]: 4AUCYu0e012345: ruleset=check_rcpt, arg1=<a@example.com>, relay=client.example.net [192.0.2.160], reject=550 5.7.1 <a@example.com>... Relaying denied",
	};
	static struct smtpcode_scan_options o = { .size = sizeof o, .since = 0, .until = 4102444800LL,
						   .code = "5.7", .domain = "example" };
	struct smtpcode_scan *s = new_scan(NULL), *f = new_scan(&o);
	char buf[512];
	size_t events = 0;

	(void)state;
	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		size_t n = strlen(lines[i]);

		assert_true(n < sizeof buf);
		for (size_t k = 0; k <= n; k++) {
			int64_t t;

			smtpcode_scan_begin(s, 2026, 12);
			smtpcode_scan_feed(s, lines[i], k, check_spans, &events);
			smtpcode_scan_end(s, check_spans, &events);
			smtpcode_scan_begin(f, 2026, 12);
			smtpcode_scan_feed(f, lines[i], k, check_spans, &events);
			smtpcode_scan_end(f, check_spans, &events);
			assert_true(smtpcode_scan_time(lines[i], k, 2026, 12, &t) <= k);
			/* one byte changed to each of a few that matter to the readers */
			for (const char *c = "<> :-[]@\"=.1aZ"; *c != '\0'; c++) {
				memcpy(buf, lines[i], n);
				buf[k < n ? k : n - 1] = *c;
				smtpcode_scan_begin(s, 2026, 12);
				smtpcode_scan_feed(s, buf, n, check_spans, &events);
				smtpcode_scan_end(s, check_spans, &events);
			}
		}
	}
	assert_true(events > 1000);
	free(s);
	free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scan_postfix),
		cmocka_unit_test(test_scan_exim),
		cmocka_unit_test(test_scan_opensmtpd),
		cmocka_unit_test(test_scan_tables),
		cmocka_unit_test(test_scan_walk_across_lines),
		cmocka_unit_test(test_scan_shapes),
		cmocka_unit_test(test_scan_near_misses),
		cmocka_unit_test(test_scan_limits),
		cmocka_unit_test(test_scan_titles),
		cmocka_unit_test(test_scan_prefixes),
		cmocka_unit_test(test_scan_times),
		cmocka_unit_test(test_scan_tally),
		cmocka_unit_test(test_scan_bounded),
		cmocka_unit_test(test_scan_filters),
		cmocka_unit_test(test_scan_code_filters),
		cmocka_unit_test(test_scan_bad_input),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
