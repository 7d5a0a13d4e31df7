/* scan.c -- the reply reader as a log scanner: a generated 200 MB mail log walked with
 * smtpcode_reply_next, against what a user would run instead (grep -E -o | wc -l, a Python re
 * loop) and wc -l as the floor; and the walk's linearity on the shapes that could make it
 * quadratic. */
#define _DEFAULT_SOURCE /* wait4: the peak RSS of one child */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <smtpcode.h>

#include "bench.h"

#define LOG_BYTES (200u << 20)
#define LOG_SEED 0x4c4f4753u /* "LOGS" */
#define RUNS 5               /* of each whole scan, interleaved: the median counts */
#define LINEAR_ROUNDS 7

/* The naive extraction of issue 13: a code not inside a longer number, then maybe an
 * enhanced code. grep runs it in the C locale, its fastest. */
#define NAIVE_RE "(^|[^0-9.])[2-5][0-9][0-9][ -]([245]\\.[0-9]{1,3}\\.[0-9]{1,3})?"

static const char *const hosts[] = {
	"mx.example.net", "gmail-smtp-in.l.google.com", "example-net.mail.protection.outlook.com",
	"mx1.example.org", "mta5.am0.example.com", "mail.example.com"
};
static const char *const replies[] = {
	"550 5.1.1 <@>: Recipient address rejected: User unknown in virtual mailbox table",
	"450 4.2.0 <@>: Recipient address rejected: Greylisted, try again in 300 seconds",
	"552 5.2.2 <@>: Mailbox full",
	"421 4.7.0 Try again later, closing connection.",
	"554 5.7.1 Service unavailable; Client host [198.51.100.23] blocked using zen.example.org",
	"550 5.7.26 This mail has been blocked because the sender is unauthenticated."
};

static unsigned pick(uint64_t *rng, unsigned n)
{
	return (unsigned)(bench_random(rng) % n);
}

/* One log line into buf; *reply says whether it holds a server reply. */
static int log_line(char *buf, size_t size, uint64_t *rng, unsigned long t, int *reply)
{
	unsigned kind = pick(rng, 100), pid = 1000 + pick(rng, 30000);
	unsigned q = (unsigned)bench_random(rng), ip = 1 + pick(rng, 250);
	const char *host = hosts[pick(rng, sizeof hosts / sizeof hosts[0])];
	char stamp[32], rcpt[64], reply_text[256];
	int n;

	snprintf(stamp, sizeof stamp, "Nov %2lu %02lu:%02lu:%02lu", 1 + t / 86400 % 28,
		 t / 3600 % 24, t / 60 % 60, t % 60);
	snprintf(rcpt, sizeof rcpt, "user%u@example.%s", pick(rng, 5000),
		 pick(rng, 2) ? "net" : "org");
	snprintf(reply_text, sizeof reply_text, "%s", replies[pick(rng, 6)]);
	{
		char *at = strstr(reply_text, "<@>");

		if (at != NULL) {
			char tail[256];

			snprintf(tail, sizeof tail, "%s", at + 3);
			snprintf(at, sizeof reply_text - (size_t)(at - reply_text), "<%s>%s", rcpt, tail);
		}
	}
	*reply = 0;
	if (kind < 2) { /* a bounce or deferral quoting the remote server */
		*reply = 1;
		n = snprintf(buf, size, "%s mail postfix/smtp[%u]: %08X%02X: to=<%s>, relay=%s[192.0.2.%u]:25, "
			     "delay=%u.%u, delays=0.0%u/0/0.%u/0.%u, dsn=%c.%u.%u, status=%s (host %s[192.0.2.%u] "
			     "said: %s (in reply to RCPT TO command))\n",
			     stamp, pid, q, q & 0xff, rcpt, host, ip, pick(rng, 9), pick(rng, 99),
			     pick(rng, 9), pick(rng, 99), pick(rng, 99), reply_text[0], pick(rng, 8),
			     pick(rng, 4), reply_text[0] == '4' ? "deferred" : "bounced", host, ip,
			     reply_text);
	} else if (kind < 3) { /* Exim refusing remotely */
		*reply = 1;
		n = snprintf(buf, size, "2026-11-%02lu %02lu:%02lu:%02lu 1t%05X-%06X-%02X ** %s R=dnslookup "
			     "T=remote_smtp H=%s [192.0.2.%u]: SMTP error from remote mail server after "
			     "RCPT TO:<%s>: %s\n",
			     1 + t / 86400 % 28, t / 3600 % 24, t / 60 % 60, t % 60, q & 0xfffff,
			     q >> 8 & 0xffffff, q & 0xff, rcpt, host, ip, rcpt, reply_text);
	} else if (kind < 5) { /* a delivery: the MTA's status, the remote's 250 in it */
		*reply = 1;
		n = snprintf(buf, size, "%s mail postfix/smtp[%u]: %08X%02X: to=<%s>, relay=%s[192.0.2.%u]:25, "
			     "delay=%u.%u, delays=0.0%u/0/0.%u/0.%u, dsn=2.0.0, status=sent (250 2.0.0 Ok: "
			     "queued as %08X)\n",
			     stamp, pid, q, q & 0xff, rcpt, host, ip, pick(rng, 9), pick(rng, 99),
			     pick(rng, 9), pick(rng, 99), pick(rng, 99), q ^ 0x5a5a5a5au);
	} else if (kind < 45) {
		n = snprintf(buf, size, "%s mail postfix/smtpd[%u]: connect from unknown[198.51.100.%u]\n",
			     stamp, pid, ip);
	} else if (kind < 65) {
		n = snprintf(buf, size, "%s mail postfix/smtpd[%u]: disconnect from unknown[198.51.100.%u] "
			     "ehlo=1 mail=1 rcpt=%u data=1 quit=1 commands=%u\n",
			     stamp, pid, ip, 1 + pick(rng, 3), 5 + pick(rng, 3));
	} else if (kind < 80) {
		n = snprintf(buf, size, "%s mail postfix/qmgr[%u]: %08X%02X: from=<sender%u@example.com>, "
			     "size=%u, nrcpt=%u (queue active)\n",
			     stamp, pid, q, q & 0xff, pick(rng, 900), 1000 + pick(rng, 90000),
			     1 + pick(rng, 4));
	} else if (kind < 90) {
		n = snprintf(buf, size, "%s mail postfix/cleanup[%u]: %08X%02X: message-id=<%u.%u@example.com>\n",
			     stamp, pid, q, q & 0xff, q, pick(rng, 100000));
	} else {
		n = snprintf(buf, size, "2026-11-%02lu %02lu:%02lu:%02lu 1t%05X-%06X-%02X <= sender%u@example.com "
			     "H=client.example.org [198.51.100.%u]:%u P=esmtpsa X=TLS1.3:TLS_AES_256_GCM_SHA384:256 "
			     "S=%u id=%u.%u@example.org\n",
			     1 + t / 86400 % 28, t / 3600 % 24, t / 60 % 60, t % 60, q & 0xfffff,
			     q >> 8 & 0xffffff, q & 0xff, pick(rng, 900), ip, 1024 + pick(rng, 60000),
			     2000 + pick(rng, 90000), q, pick(rng, 1000));
	}
	return n;
}

/* Writes the log if it is missing or of another size; returns the share of lines with a
 * reply, or -1. */
static double make_log(const char *path, size_t *lines)
{
	struct stat st;
	uint64_t rng = LOG_SEED;
	unsigned long t = 0;
	size_t total = 0, replies_n = 0;
	char line[1024];
	FILE *fp;
	int reply;

	*lines = 0;
	if (stat(path, &st) == 0 && (size_t)st.st_size >= LOG_BYTES && (size_t)st.st_size < LOG_BYTES + 1024) {
		/* count again: the share is part of the report */
		while (total < LOG_BYTES) {
			int n = log_line(line, sizeof line, &rng, t++, &reply);

			total += (size_t)n;
			replies_n += (size_t)reply;
			++*lines;
		}
		return (double)replies_n / (double)*lines;
	}
	if ((fp = fopen(path, "w")) == NULL)
		return -1;
	while (total < LOG_BYTES) {
		int n = log_line(line, sizeof line, &rng, t++, &reply);

		fwrite(line, 1, (size_t)n, fp);
		total += (size_t)n;
		replies_n += (size_t)reply;
		++*lines;
	}
	if (fclose(fp) != 0)
		return -1;
	return (double)replies_n / (double)*lines;
}

/* Reads the whole file and walks every reply in it: the time from open to the last reply. */
static double scan_in_process(const char *path, size_t *found)
{
	uint64_t t0 = bench_now_ns();
	int fd = open(path, O_RDONLY);
	struct stat st;
	struct smtpcode_reply r = { .size = sizeof r };
	size_t off = 0, got = 0, count = 0;
	char *buf;

	if (fd < 0 || fstat(fd, &st) != 0 || (buf = malloc((size_t)st.st_size + 1)) == NULL) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, buf + got, (size_t)st.st_size - got);

		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	while (smtpcode_reply_next(buf, got, &off, &r) == SMTPCODE_OK)
		count++;
	free(buf);
	*found = count;
	return (double)(bench_now_ns() - t0);
}

/* Runs "sh -c CMD" with its output to /dev/null: the whole process, timed. */
static double run_shell(const char *cmd)
{
	uint64_t t0 = bench_now_ns();
	pid_t pid = fork();
	int status;

	if (pid < 0)
		return -1;
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);

		if (null >= 0) {
			dup2(null, STDOUT_FILENO);
			dup2(null, STDERR_FILENO);
		}
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return -1;
	return (double)(bench_now_ns() - t0);
}

/* The count a shell command prints. */
static long shell_count(const char *cmd)
{
	FILE *p = popen(cmd, "r");
	long n = -1;

	if (p == NULL)
		return -1;
	if (fscanf(p, "%ld", &n) != 1)
		n = -1;
	pclose(p);
	return n;
}

enum { OURS, SCAN, GREP, PYTHON, WC, NCONTENDERS };

int bench_scan(const char *dir, const char *cli)
{
	static const char *const names[NCONTENDERS] = {
		"smtpcode_reply_next, read + walk", "smtpcode --scan LOG (the report)",
		"grep -E -o ... | wc -l (C locale)",
		"Python re, the same extraction", "wc -l (the floor)"
	};
	char path[512], cmd[NCONTENDERS][1024], value[64], cell[64], title[200], target[32];
	double ns[NCONTENDERS][RUNS], v[RUNS], share;
	size_t lines, found = 0, r;
	int c;

	snprintf(path, sizeof path, "%s/mail.log", dir);
	if ((share = make_log(path, &lines)) < 0) {
		fprintf(stderr, "smtpcode-bench: cannot write %s\n", path);
		return -1;
	}
	snprintf(cmd[GREP], sizeof cmd[GREP], "LC_ALL=C grep -E -o '%s' '%s' | wc -l", NAIVE_RE, path);
	snprintf(cmd[PYTHON], sizeof cmd[PYTHON],
		 "/usr/bin/python3 -c 'import re, sys\n"
		 "r = re.compile(rb\"%s\")\n"
		 "n = 0\n"
		 "with open(sys.argv[1], \"rb\") as f:\n"
		 "    for line in f:\n"
		 "        for m in r.finditer(line):\n"
		 "            n += 1\n"
		 "print(n)' '%s'",
		 NAIVE_RE, path);
	snprintf(cmd[WC], sizeof cmd[WC], "wc -l '%s'", path);
	snprintf(cmd[SCAN], sizeof cmd[SCAN], "'%s' --scan '%s'", cli, path);
	snprintf(title, sizeof title, "log scan: a generated %u MB Postfix and Exim log, %zu lines, "
		 "%.1f%% holding a reply; median of %d runs, warm page cache", LOG_BYTES >> 20, lines,
		 100 * share, RUNS);
	bench_section(title);
	/* warm the page cache, and see that every contender runs */
	if (run_shell(cmd[WC]) < 0 || run_shell(cmd[GREP]) < 0 || run_shell(cmd[PYTHON]) < 0 ||
	    run_shell(cmd[SCAN]) < 0) {
		fprintf(stderr, "smtpcode-bench: grep, wc, /usr/bin/python3 or smtpcode --scan did not run\n");
		return -1;
	}
	for (r = 0; r < RUNS; r++) {
		for (c = 0; c < NCONTENDERS; c++) {
			ns[c][r] = c == OURS ? scan_in_process(path, &found) : run_shell(cmd[c]);
			if (ns[c][r] < 0)
				return -1;
		}
	}
	for (c = 0; c < NCONTENDERS; c++) {
		for (r = 0; r < RUNS; r++)
			v[r] = ns[c][r];
		snprintf(value, sizeof value, "%.2f s, %.0f MB/s", bench_median(v, RUNS) / 1e9,
			 (double)LOG_BYTES / (bench_median(v, RUNS) / 1e9) / 1e6);
		cell[0] = target[0] = '\0';
		if (c != OURS && c != SCAN) {
			double ratio;

			for (r = 0; r < RUNS; r++)
				v[r] = ns[OURS][r] / ns[c][r];
			ratio = bench_median(v, RUNS);
			snprintf(cell, sizeof cell, "walk/this %.2f", ratio);
			if (c == GREP || c == PYTHON)
				snprintf(target, sizeof target, "target <= 1.0: %s",
					 ratio <= 1.0 ? "met" : "missed");
		}
		bench_row(names[c], value, cell, target);
		if (c == GREP || c == PYTHON || c == WC) { /* the whole report against the same */
			double ratio;

			for (r = 0; r < RUNS; r++)
				v[r] = ns[SCAN][r] / ns[c][r];
			ratio = bench_median(v, RUNS);
			snprintf(cell, sizeof cell, "--scan/this %.2f", ratio);
			target[0] = '\0';
			if (c == GREP)
				snprintf(target, sizeof target, "target <= 1.0: %s",
					 ratio <= 1.0 ? "met" : "missed");
			bench_row("", "", cell, target);
		}
	}
	snprintf(value, sizeof value, "%zu", found);
	bench_row("replies smtpcode found", value, "", "");
	snprintf(value, sizeof value, "%ld", shell_count(cmd[GREP]));
	bench_row("matches grep found", value, "", "");
	return 0;
}

/* ---- linearity --------------------------------------------------------------------------- */

/* n bytes of pattern repeated. */
static char *repeated(const char *pattern, size_t n)
{
	size_t len = strlen(pattern), i;
	char *s = malloc(n);

	for (i = 0; s != NULL && i < n; i++)
		s[i] = pattern[i % len];
	return s;
}

static double walk_ns(const char *s, size_t n, int single)
{
	struct smtpcode_reply r = { .size = sizeof r };
	uint64_t t0 = bench_now_ns();
	size_t off = 0, count = 0;

	if (single)
		count = (size_t)smtpcode_parse_reply(s, n, &r);
	else
		while (smtpcode_reply_next(s, n, &off, &r) == SMTPCODE_OK)
			count++;
	bench_sink += count;
	return (double)(bench_now_ns() - t0);
}

int bench_linear(void)
{
	static const struct {
		const char *name, *pattern;
	} shapes[] = {
		{ "100,000 replies per MB (\"550 5.1.1\\n\")", "550 5.1.1\n" },
		{ "\"550-\" repeated", "550-" },
		{ "digits and dots", "1.2.3.4.5.6.7.8.9." },
		{ "enhanced codes on one line", "5.1.1 " },
		{ "a multi-line reply", "550-5.1.1 x\n" },
		{ "Postfix \"said:\" repeated", "said: " },
	};
	size_t k, r;
	int single;

	bench_section("linearity: time(2 MB) / time(1 MB), medians; linear is 2.0");
	for (k = 0; k < sizeof shapes / sizeof shapes[0]; k++) {
		char *one = repeated(shapes[k].pattern, 1u << 20), *two = repeated(shapes[k].pattern, 2u << 20);

		if (one == NULL || two == NULL)
			return -1;
		for (single = 0; single < 2; single++) {
			double a[LINEAR_ROUNDS], b[LINEAR_ROUNDS], ratio;
			char name[96], cell[32];

			for (r = 0; r < LINEAR_ROUNDS; r++) {
				a[r] = walk_ns(one, 1u << 20, single);
				b[r] = walk_ns(two, 2u << 20, single);
			}
			ratio = bench_median(b, LINEAR_ROUNDS) / bench_median(a, LINEAR_ROUNDS);
			snprintf(name, sizeof name, "%s: %s", single ? "parse" : "walk", shapes[k].name);
			snprintf(cell, sizeof cell, "%.2f", ratio);
			bench_row(name, "", cell, ratio <= 2.3 ? "target <= 2.3: met" : "target <= 2.3: missed");
		}
		free(one);
		free(two);
	}
	return 0;
}

/* ---- --scan: memory on a huge log, and --jobs ---------------------------------------------- */

#define HUGE_BYTES ((size_t)1 << 30)
#define HUGE_DOMAINS 1000000u

/* Runs argv with stdout to out_path (or /dev/null): the time, and the peak RSS in KiB. */
static double run_measured(char *const argv[], const char *out_path, long *rss_kib)
{
	uint64_t t0 = bench_now_ns();
	pid_t pid = fork();
	struct rusage ru;
	int status;

	if (pid < 0)
		return -1;
	if (pid == 0) {
		int out = open(out_path != NULL ? out_path : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);
		int null = open("/dev/null", O_WRONLY);

		if (out >= 0)
			dup2(out, STDOUT_FILENO);
		if (null >= 0)
			dup2(null, STDERR_FILENO);
		execv(argv[0], argv);
		_exit(127);
	}
	while (wait4(pid, &status, 0, &ru) < 0)
		if (errno != EINTR)
			return -1;
	if (!WIFEXITED(status) || WEXITSTATUS(status) > 1)
		return -1;
	if (rss_kib != NULL)
		*rss_kib = ru.ru_maxrss;
	return (double)(bench_now_ns() - t0);
}

/* A 1 GB log of bounces to a million distinct recipient domains, scanned: peak RSS. */
static int scan_memory(const char *dir, const char *cli)
{
	char path[512], value[64], line[512];
	size_t total = 0;
	unsigned i = 0;
	long rss = 0;
	FILE *fp;
	double ns;

	snprintf(path, sizeof path, "%s/huge.log", dir);
	if ((fp = fopen(path, "w")) == NULL)
		return -1;
	while (total < HUGE_BYTES) {
		int n = snprintf(line, sizeof line,
				 "Nov %2u %02u:%02u:%02u mail postfix/smtp[%u]: %08X: to=<u%u@d%u.example>, "
				 "relay=mx%u.d%u.example[192.0.2.%u]:25, delay=1.2, dsn=5.1.1, status=bounced "
				 "(host mx.d%u.example[192.0.2.%u] said: 550 5.1.1 <u%u@d%u.example>: User "
				 "unknown (in reply to RCPT TO command))\n",
				 1 + i / 86400 % 28, i / 3600 % 24, i / 60 % 60, i % 60, 1000 + i % 30000, i,
				 i, i % HUGE_DOMAINS, i % 7, i % HUGE_DOMAINS, 1 + i % 250, i % HUGE_DOMAINS,
				 1 + i % 250, i, i % HUGE_DOMAINS);
		fwrite(line, 1, (size_t)n, fp);
		total += (size_t)n;
		i++;
	}
	if (fclose(fp) != 0) {
		unlink(path);
		return -1;
	}
	{
		char prog[512], scan[] = "--scan";
		char *argv[] = { prog, scan, path, NULL };

		snprintf(prog, sizeof prog, "%s", cli);
		ns = run_measured(argv, NULL, &rss);
	}
	unlink(path);
	if (ns < 0)
		return -1;
	snprintf(value, sizeof value, "%.1f MiB peak RSS, %.1f s", (double)rss / 1024, ns / 1e9);
	bench_row("smtpcode --scan, 1 GB, 1,000,000 domains", value, "",
		  rss < 64 * 1024 ? "target < 64 MiB: met" : "target < 64 MiB: missed");
	return 0;
}

/* The 200 MB log split in two files: --jobs 2 against --jobs 1, the same bytes out. */
static int scan_jobs(const char *dir, const char *cli, const char *log)
{
	char a[512], b[512], out1[512], out2[512], value[64], cell[64];
	double one[RUNS], two[RUNS], v[RUNS], ratio;
	int same = 1;
	FILE *in, *fa, *fb;
	char line[4096];
	size_t half = LOG_BYTES / 2, n = 0;

	snprintf(a, sizeof a, "%s/half-a.log", dir);
	snprintf(b, sizeof b, "%s/half-b.log", dir);
	snprintf(out1, sizeof out1, "%s/jobs1.out", dir);
	snprintf(out2, sizeof out2, "%s/jobs2.out", dir);
	if ((in = fopen(log, "r")) == NULL || (fa = fopen(a, "w")) == NULL || (fb = fopen(b, "w")) == NULL)
		return -1;
	while (fgets(line, sizeof line, in) != NULL) {
		size_t k = strlen(line);

		fwrite(line, 1, k, n < half ? fa : fb);
		n += k;
	}
	fclose(in);
	if (fclose(fa) != 0 || fclose(fb) != 0)
		return -1;
	for (size_t r = 0; r < RUNS; r++) {
		char prog[512], scan[] = "--scan", jobs[] = "--jobs", j1[] = "1", j2[] = "2";
		char cmpprog[] = "/usr/bin/cmp", quiet[] = "-s";
		char *argv1[] = { prog, scan, jobs, j1, a, b, NULL };
		char *argv2[] = { prog, scan, jobs, j2, a, b, NULL };
		char *cmp[] = { cmpprog, quiet, out1, out2, NULL };

		snprintf(prog, sizeof prog, "%s", cli);

		one[r] = run_measured(argv1, out1, NULL);
		two[r] = run_measured(argv2, out2, NULL);
		if (one[r] < 0 || two[r] < 0)
			return -1;
		same &= run_measured(cmp, NULL, NULL) >= 0 && same;
	}
	for (size_t r = 0; r < RUNS; r++)
		v[r] = two[r] / one[r];
	ratio = bench_median(v, RUNS);
	snprintf(value, sizeof value, "%.2f s, --jobs 1 %.2f s", bench_median(two, RUNS) / 1e9,
		 bench_median(one, RUNS) / 1e9);
	snprintf(cell, sizeof cell, "jobs 2/jobs 1 %.2f", ratio);
	bench_row("smtpcode --scan --jobs 2, two 100 MB files", value, cell,
		  ratio <= 0.65 ? "target <= 0.65: met" : "target <= 0.65: missed");
	bench_row("--jobs 2 output, byte for byte", same ? "the same as --jobs 1" : "DIFFERS", "",
		  same ? "target same: met" : "target same: missed");
	unlink(a);
	unlink(b);
	unlink(out1);
	unlink(out2);
	return same ? 0 : -1;
}

int bench_scan_more(const char *dir, const char *cli)
{
	char path[512];

	snprintf(path, sizeof path, "%s/mail.log", dir);
	bench_section("smtpcode --scan: bounded memory, and --jobs");
	if (scan_jobs(dir, cli, path) != 0 || scan_memory(dir, cli) != 0) {
		fprintf(stderr, "smtpcode-bench: the --scan memory or --jobs run failed\n");
		return -1;
	}
	return 0;
}
