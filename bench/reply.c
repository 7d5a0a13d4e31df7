/* reply.c -- smtpcode_parse_reply (and smtpcode_explain_reply) over realistic replies, against
 * memchr over the same bytes: the floor of touching every byte once. */
#include <stdio.h>
#include <string.h>

#include "smtpcode.h"
#include "bench.h"

#ifdef BENCH_HAVE_PARSE_REPLY

#define WORKLOAD 4096
#define SAMPLE_NS 15000000.0
#define SEED 0x52504c59u /* "RPLY" */

/* Replies as people paste them. */
static const char *const samples[] = {
	/* plain */
	"250 2.0.0 Ok: queued as 4Xyz1234AbC\r\n",
	"550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in virtual "
	"mailbox table\r\n",
	"451 4.7.1 Greylisting in action, please come back later\r\n",
	"535 5.7.8 Error: authentication failed: authentication failure\r\n",
	"421 mx.example.org Service not available, closing transmission channel\r\n",
	/* multi-line */
	"550-5.7.1 [203.0.113.5] Our system has detected that this message is\r\n"
	"550-5.7.1 likely unsolicited mail. To reduce the amount of spam sent to Gmail,\r\n"
	"550-5.7.1 this message has been blocked. Please visit\r\n"
	"550 5.7.1  https://support.google.com/mail/?p=UnsolicitedMessageError a1si2 - gsmtp\r\n",
	/* DSN */
	"Final-Recipient: rfc822; bob@example.org\n"
	"Action: failed\n"
	"Status: 5.1.1\n"
	"Remote-MTA: dns; mx.example.org\n"
	"Diagnostic-Code: smtp; 550 5.1.1 <bob@example.org>: Recipient address rejected: "
	"User unknown in local recipient table\n",
	"Diagnostic-Code: smtp; 552 5.2.2 <carol@example.net>... Mailbox full\n",
	/* Postfix log line */
	"Nov 30 14:02:11 mx1 postfix/smtp[12345]: 4Xyz1234AbC: to=<bob@example.org>, "
	"relay=mx.example.org[198.51.100.7]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=5.1.1, "
	"status=bounced (host mx.example.org[198.51.100.7] said: 550 5.1.1 <bob@example.org>: "
	"Recipient address rejected: User unknown (in reply to RCPT TO command))",
	/* Exim bounce */
	"  bob@example.org\n"
	"    host mx.example.org [198.51.100.7]\n"
	"    SMTP error from remote mail server after RCPT TO:<bob@example.org>:\n"
	"    550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown\n",
	/* Exchange, qmail, bare code */
	"Remote Server returned '550 5.7.708 Service unavailable. Access denied, traffic not "
	"accepted from this IP.'",
	"Sorry, I couldn't find any host named example.invalid. (#5.1.2)",
	"5.7.26",
};

#define SAMPLES (sizeof samples / sizeof samples[0])

/* The sample bytes, back to back without NULs: the parser may not rely on a terminator. */
static char bytes[1 << 14];
static const char *text[SAMPLES];
static size_t length[SAMPLES];
static unsigned order[WORKLOAD];
static size_t workload_bytes;

enum { PARSE, EXPLAIN, FLOOR };

#ifdef BENCH_HAVE_EXPLAIN_REPLY
static const int have_explain = 1;
#else
static const int have_explain = 0; /* explain rows are left out until the library has it */
#endif

static double time_passes(int what, unsigned passes)
{
	struct smtpcode_reply reply;
#ifdef BENCH_HAVE_EXPLAIN_REPLY
	char buf[512];
#endif
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
#ifdef BENCH_HAVE_EXPLAIN_REPLY
			else if (what == EXPLAIN)
				acc += (uintptr_t)smtpcode_explain_reply(t, n, buf, sizeof buf) +
				       (unsigned char)buf[0];
#endif
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
	size_t i, off = 0, r;
	char value[48], cell[48], title[160];
	int w;

	for (i = 0; i < SAMPLES; i++) {
		length[i] = strlen(samples[i]);
		if (off + length[i] > sizeof bytes)
			return -1;
		memcpy(bytes + off, samples[i], length[i]);
		text[i] = bytes + off;
		off += length[i];
	}
	for (i = 0; i < WORKLOAD; i++) {
		order[i] = (unsigned)(bench_random(&rng) % SAMPLES);
		workload_bytes += length[order[i]];
	}
	for (w = 0; w < 3; w++) {
		double per_pass;

		passes[w] = 0;
		if (w == EXPLAIN && !have_explain)
			continue;
		per_pass = time_passes(w, 1) * WORKLOAD;

		passes[w] = per_pass > 0 ? (unsigned)(SAMPLE_NS / per_pass) + 1 : 1;
	}
	for (r = 0; r < BENCH_ROUNDS; r++)
		for (w = 0; w < 3; w++)
			ns[w][r] = passes[w] != 0 ? time_passes(w, passes[w]) : 0;

	snprintf(title, sizeof title, "replies: %zu forms (plain, multi-line, DSN, Postfix, Exim, "
		 "Exchange, qmail), %.0f bytes on average", SAMPLES,
		 (double)workload_bytes / WORKLOAD);
	bench_section(title);
	for (w = 0; w < 3; w++) {
		double mb_s;

		if (passes[w] == 0)
			continue;
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
	return 0;
}

#else

int bench_reply(void)
{
	bench_section("replies: skipped, the library has no smtpcode_parse_reply yet (src/reply.c)");
	return 0;
}

#endif
