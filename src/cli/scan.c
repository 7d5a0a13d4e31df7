/* scan.c -- smtpcode --scan: mail logs (plain, or gzip through zlib) fed to the library's
 * scanner, files read by --jobs threads, and the report (text, JSON) or --each's lines. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include <smtpcode.h>

#include "cli.h"
#include "scan.h"

#define CHUNK ((size_t)1 << 20) /* bytes read (or inflated) at a time */

/* One file of the scan, as one job reads it. */
struct job {
	const char *name;       /* as given; "-" for standard input */
	const struct options *o;
	struct smtpcode_scan *scan;
	FILE *out, *err;        /* --each writes to out; warnings go to err */
	char error[256];        /* why the file could not be read (whole), or "" */
	unsigned long long lines;
	int warned_binary;
	char *in, *inflated;    /* CHUNK each */
	pthread_mutex_t *lock;  /* around err (and out) when jobs run at once */
	/* progress (one job, stderr a terminal) */
	int progress;
	unsigned long long total, done;
	struct timespec began, shown;
	unsigned long long lines_at_start;
};

static void lock(const struct job *j)
{
	if (j->lock != NULL)
		pthread_mutex_lock(j->lock);
}

static void unlock(const struct job *j)
{
	if (j->lock != NULL)
		pthread_mutex_unlock(j->lock);
}

/* A file name as it may be shown: sanitised, so that no name can move the terminal. */
static const char *shown_name(const char *name, char *buf, size_t size)
{
	if (smtpcode_sanitize(name, strlen(name), buf, size) < 0)
		buf[0] = '\0';
	return buf;
}

static void on_event(void *ctx, const struct smtpcode_scan_event *ev)
{
	struct job *j = ctx;
	char name[512];

	if (ev->flags & SMTPCODE_SCAN_CUT) {
		lock(j);
		fprintf(j->err, "smtpcode: %s:%llu: %s\n", shown_name(j->name, name, sizeof name),
			(unsigned long long)ev->line, smtpcode_label(SMTPCODE_LABEL_SCAN_CUT_LINE));
		unlock(j);
	}
	if ((ev->flags & SMTPCODE_SCAN_BINARY) && !j->warned_binary++) {
		lock(j);
		fprintf(j->err, "smtpcode: %s:%llu: %s\n", shown_name(j->name, name, sizeof name),
			(unsigned long long)ev->line, smtpcode_label(SMTPCODE_LABEL_SCAN_BINARY_LINE));
		unlock(j);
	}
	if ((ev->flags & SMTPCODE_SCAN_REPLY) && j->o->each) {
		char line[8192];
		int n = smtpcode_json_scan_event(ev, j->name, line, sizeof line);

		if (n > 0 && (size_t)n < sizeof line)
			fprintf(j->out, "%s\n", line);
	}
}

static double seconds_since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

/* The progress line on a terminal's stderr: at most four updates a second. */
static void progress(struct job *j, int last)
{
	struct timespec now;
	struct smtpcode_scan_totals tot = { .size = sizeof tot };
	double t, rate, lines;

	if (!j->progress)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (last) {
		fputs("\r\033[K", j->err);
		return;
	}
	/* a file known to be over 8 MiB from its start, standard input once 8 MiB came */
	if (seconds_since(&j->shown, &now) < 0.25 ||
	    (j->total <= ((unsigned long long)8 << 20) && j->done < ((unsigned long long)8 << 20)))
		return;
	j->shown = now;
	smtpcode_scan_totals(j->scan, &tot);
	t = seconds_since(&j->began, &now);
	lines = t > 0 ? (double)(tot.lines - j->lines_at_start) / t : 0;
	rate = t > 0 ? (double)j->done / t : 0;
	if (j->total > 0)
		fprintf(j->err, "\r\033[K%.1f MB %3.0f%% %.0f lines/s %.0f s left", (double)j->done / 1e6,
			100.0 * (double)j->done / (double)j->total, lines,
			rate > 0 && j->total > j->done ? (double)(j->total - j->done) / rate : 0);
	else
		fprintf(j->err, "\r\033[K%.1f MB %.0f lines/s", (double)j->done / 1e6, lines);
	fflush(j->err);
}

static void feed(struct job *j, const char *buf, size_t n)
{
	smtpcode_scan_feed(j->scan, buf, n, on_event, j);
	j->done += n;
	progress(j, 0);
}

/* Inflates a gzip stream (members one after another) that begins with the n bytes in j->in. */
static void read_gzip(struct job *j, int fd, size_t n)
{
	z_stream z;
	int rc = Z_OK;

	memset(&z, 0, sizeof z);
	if (inflateInit2(&z, 15 + 16) != Z_OK) {
		snprintf(j->error, sizeof j->error, "%s", "cannot start zlib");
		return;
	}
	z.next_in = (unsigned char *)j->in;
	z.avail_in = (unsigned)n;
	for (;;) {
		if (z.avail_in == 0) {
			ssize_t got = read(fd, j->in, CHUNK);

			if (got < 0) {
				snprintf(j->error, sizeof j->error, "%s", strerror(errno));
				break;
			}
			if (got == 0) {
				if (rc != Z_STREAM_END)
					snprintf(j->error, sizeof j->error, "%s",
						 "the gzip data is truncated");
				break;
			}
			z.next_in = (unsigned char *)j->in;
			z.avail_in = (unsigned)got;
			j->done += (unsigned long long)got;
		}
		if (rc == Z_STREAM_END) { /* another member follows */
			if (inflateReset(&z) != Z_OK)
				break;
		}
		z.next_out = (unsigned char *)j->inflated;
		z.avail_out = (unsigned)CHUNK;
		rc = inflate(&z, Z_NO_FLUSH);
		if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
			snprintf(j->error, sizeof j->error, "%s%s%s", "corrupt gzip data",
				 z.msg != NULL ? ": " : "", z.msg != NULL ? z.msg : "");
			break;
		}
		smtpcode_scan_feed(j->scan, j->inflated, CHUNK - z.avail_out, on_event, j);
		progress(j, 0);
	}
	inflateEnd(&z);
}

/* Reads one file (or standard input) into the job's scan. */
static void read_file(struct job *j)
{
	int fd = strcmp(j->name, "-") == 0 ? STDIN_FILENO : open(j->name, O_RDONLY);
	struct stat st;
	struct tm tm;
	int year = 0, month = 0;
	ssize_t got;
	size_t n = 0;
	struct smtpcode_scan_totals before = { .size = sizeof before };

	if (fd < 0) {
		snprintf(j->error, sizeof j->error, "%s", strerror(errno));
		return;
	}
	if (fstat(fd, &st) == 0) {
		time_t mt = S_ISREG(st.st_mode) ? st.st_mtime : time(NULL);

		if (localtime_r(&mt, &tm) != NULL) {
			year = tm.tm_year + 1900;
			month = tm.tm_mon + 1;
		}
		if (S_ISDIR(st.st_mode)) {
			snprintf(j->error, sizeof j->error, "%s", strerror(EISDIR));
			if (fd != STDIN_FILENO)
				close(fd);
			return;
		}
		j->total = S_ISREG(st.st_mode) ? (unsigned long long)st.st_size : 0;
	}
	smtpcode_scan_totals(j->scan, &before);
	j->lines_at_start = before.lines;
	clock_gettime(CLOCK_MONOTONIC, &j->began);
	j->shown = j->began;
	smtpcode_scan_begin(j->scan, year, month);
	while (n < 2 && (got = read(fd, j->in + n, CHUNK - n)) > 0)
		n += (size_t)got;
	if (n < 2 && got < 0) {
		snprintf(j->error, sizeof j->error, "%s", strerror(errno));
	} else if (n >= 2 && (unsigned char)j->in[0] == 0x1f && (unsigned char)j->in[1] == 0x8b) {
		j->done = n;
		read_gzip(j, fd, n);
	} else {
		feed(j, j->in, n);
		while ((got = read(fd, j->in, CHUNK)) > 0)
			feed(j, j->in, (size_t)got);
		if (got < 0)
			snprintf(j->error, sizeof j->error, "%s", strerror(errno));
	}
	smtpcode_scan_end(j->scan, on_event, j);
	progress(j, 1);
	{
		struct smtpcode_scan_totals after = { .size = sizeof after };

		smtpcode_scan_totals(j->scan, &after);
		j->lines = after.lines - before.lines;
	}
	if (fd != STDIN_FILENO)
		close(fd);
}

static void *run_job(void *arg)
{
	read_file(arg);
	return NULL;
}

/* ---- the text report ------------------------------------------------------------------- */

/* Writes text (the server's bytes, or the library's) sanitised, cut to cols columns. */
static void put_cut(FILE *fp, const char *text, size_t n, int cols)
{
	char clean[2048];
	int k = smtpcode_sanitize(text, n, clean, sizeof clean);
	size_t len = k < 0 ? 0 : (size_t)k < sizeof clean ? (size_t)k : sizeof clean - 1, fit;

	if (cols < 4)
		cols = 4;
	if (smtpcode_text_columns(clean, len) <= (size_t)cols) {
		fwrite(clean, 1, len, fp);
		return;
	}
	fit = smtpcode_text_fit(clean, len, (size_t)cols - 3, NULL);
	fwrite(clean, 1, fit, fp);
	fputs("...", fp);
}

/* Writes the library's text in at most max lines of cols columns, each indented by four,
 * broken at spaces; what does not fit ends in "...". */
static void put_wrapped(FILE *fp, const char *text, size_t n, int cols, int max)
{
	size_t used;

	if (cols < 20)
		cols = 20;
	for (int line = 0; n > 0 && line < max; line++) {
		size_t fit = smtpcode_text_fit(text, n, (size_t)cols, &used), cut = fit;

		if (fit < n) {
			while (cut > 0 && text[cut] != ' ')
				--cut;
			if (cut == 0)
				cut = fit;
		}
		fputs("    ", fp);
		if (line == max - 1 && cut < n) {
			put_cut(fp, text, n, cols);
			fputc('\n', fp);
			return;
		}
		fwrite(text, 1, cut, fp);
		fputc('\n', fp);
		text += cut;
		n -= cut;
		while (n > 0 && *text == ' ')
			++text, --n;
	}
}

static void put_time(FILE *fp, int64_t t)
{
	char buf[32];

	smtpcode_scan_time_text(t, buf, sizeof buf);
	fputs(t >= 0 ? buf : "-", fp);
}

static void put_tallies(FILE *fp, enum smtpcode_label label, const struct smtpcode_scan_tally *t,
			size_t n, uint64_t other, int width)
{
	char line[1024];
	size_t len = 0;

	for (size_t i = 0; i < n && len < sizeof line; i++)
		len += (size_t)snprintf(line + len, sizeof line - len, "%s%s %llu", i > 0 ? ", " : "",
					t[i].name, (unsigned long long)t[i].count);
	if (other > 0 && len < sizeof line)
		len += (size_t)snprintf(line + len, sizeof line - len, "%s%s %llu", n > 0 ? ", " : "",
					smtpcode_label(SMTPCODE_LABEL_SCAN_OTHER), (unsigned long long)other);
	if (len >= sizeof line)
		len = sizeof line - 1;
	fprintf(fp, "    %s: ", smtpcode_label(label));
	put_cut(fp, line, len, width - 6 - (int)strlen(smtpcode_label(label)));
	fputc('\n', fp);
}

static void text_report(FILE *fp, struct smtpcode_scan *scan, size_t nfiles, int width)
{
	struct smtpcode_scan_totals t = { .size = sizeof t };
	size_t rows = smtpcode_scan_rank(scan);

	smtpcode_scan_totals(scan, &t);
	fprintf(fp, "%s %zu, %s %llu, %s %llu, %s %llu", smtpcode_label(SMTPCODE_LABEL_SCAN_FILES),
		nfiles, smtpcode_label(SMTPCODE_LABEL_SCAN_LINES), (unsigned long long)t.lines,
		smtpcode_label(SMTPCODE_LABEL_SCAN_REPLIES), (unsigned long long)t.replies,
		smtpcode_label(SMTPCODE_LABEL_SCAN_FAILURES), (unsigned long long)t.failures);
	if (t.first_time >= 0) {
		fprintf(fp, ", %s ", smtpcode_label(SMTPCODE_LABEL_SCAN_SPAN));
		put_time(fp, t.first_time);
		fputs(" .. ", fp);
		put_time(fp, t.last_time);
	}
	fputc('\n', fp);
	if (rows == 0)
		fprintf(fp, "\n%s\n", smtpcode_label(SMTPCODE_LABEL_SCAN_NO_FAILURES));
	for (size_t i = 0; i < rows; i++) {
		struct smtpcode_scan_row r = { .size = sizeof r };
		char head[512];
		int n;

		smtpcode_scan_row(scan, i, &r);
		n = 0;
		if (r.basic >= 0)
			n += snprintf(head + n, sizeof head - (size_t)n, "%d", r.basic);
		if (r.enhanced[0] != '\0')
			n += snprintf(head + n, sizeof head - (size_t)n, "%s%s", n > 0 ? " " : "",
				      r.enhanced);
		if (r.provider != NULL)
			snprintf(head + n, sizeof head - (size_t)n, " (%s%s%s)", r.provider->id,
				 r.marker[0] != '\0' ? " " : "", r.marker);
		fprintf(fp, "\n%2zu. %s  %s %llu  %s %.1f%%", i + 1, head,
			smtpcode_label(SMTPCODE_LABEL_SCAN_COUNT), (unsigned long long)r.count,
			smtpcode_label(SMTPCODE_LABEL_SCAN_SHARE), 100.0 * r.share);
		if (r.deferred > 0)
			fprintf(fp, "  %s %llu", smtpcode_label(SMTPCODE_LABEL_SCAN_DEFERRED),
				(unsigned long long)r.deferred);
		if (r.bounced > 0)
			fprintf(fp, "  %s %llu", smtpcode_label(SMTPCODE_LABEL_SCAN_BOUNCED),
				(unsigned long long)r.bounced);
		if (r.rejected > 0)
			fprintf(fp, "  %s %llu", smtpcode_label(SMTPCODE_LABEL_SCAN_REJECTED),
				(unsigned long long)r.rejected);
		fputc('\n', fp);
		if (r.title != NULL) {
			char line[1024];
			int k = snprintf(line, sizeof line, "%s: %s", r.title,
					 r.summary != NULL ? r.summary : "");

			put_wrapped(fp, line, k < 0 ? 0 : (size_t)k < sizeof line ? (size_t)k : sizeof line - 1,
				    width - 4, 3);
		}
		put_tallies(fp, SMTPCODE_LABEL_SCAN_DOMAINS, r.domains, r.domain_count,
			    r.other_domains, width);
		put_tallies(fp, SMTPCODE_LABEL_SCAN_HOSTS, r.hosts, r.host_count, r.other_hosts, width);
		fprintf(fp, "    %s: ", smtpcode_label(SMTPCODE_LABEL_SCAN_SEEN));
		put_time(fp, r.first_time);
		fputs(" .. ", fp);
		put_time(fp, r.last_time);
		fprintf(fp, "\n    %s: ", smtpcode_label(SMTPCODE_LABEL_SCAN_SAMPLE));
		put_cut(fp, r.sample, r.sample_length,
			width - 6 - (int)strlen(smtpcode_label(SMTPCODE_LABEL_SCAN_SAMPLE)));
		fputc('\n', fp);
	}
	if (t.unranked > 0)
		fprintf(fp, "\n%llu %s\n", (unsigned long long)t.unranked, smtpcode_label(SMTPCODE_LABEL_SCAN_UNRANKED));
}

/* ---- the run ----------------------------------------------------------------------------- */

/* A --since or --until value: seconds, or -1 with a usage error reported. until: a value
 * without seconds means its whole minute, a date alone its whole day. */
static int64_t time_option(const char *opt, const char *v, int until, FILE *err)
{
	time_t now = time(NULL);
	struct tm tm;
	int64_t t;
	size_t n = strlen(v), k;

	if (localtime_r(&now, &tm) == NULL)
		memset(&tm, 0, sizeof tm);
	k = smtpcode_scan_time(v, n, tm.tm_year + 1900, tm.tm_mon + 1, &t);
	if (k == 0 || k != n) {
		usage_error(err, opt, v);
		return -1;
	}
	if (until && n == 10)
		t += 86399;
	else if (until && n == 16)
		t += 59;
	return t;
}

static void *alloc_or_null(size_t n)
{
	return malloc(n);
}

int run_scan(const struct options *o, char **files, int nfiles, FILE *out, FILE *err)
{
	struct smtpcode_scan_options so = { .size = sizeof so, .since = -1, .until = -1 };
	static char stdin_name[] = "-";
	char *dash[1] = { stdin_name };
	struct smtpcode_scan *total = NULL;
	struct job *jobs = NULL;
	struct smtpcode_scan_file *list = NULL;
	char (*errors)[256] = NULL; /* each file's, kept for the report */
	pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
	void *total_block = NULL;
	int status = SMTPCODE_EXIT_FOUND, njobs, rc, i;
	struct smtpcode_scan_totals t = { .size = sizeof t };

	if (nfiles == 0) {
		files = dash;
		nfiles = 1;
	}
	if (o->since != NULL && (so.since = time_option("--since takes a time like "
							 "2026-12-02T03:00, not", o->since, 0, err)) < 0)
		return SMTPCODE_EXIT_USAGE;
	if (o->until != NULL && (so.until = time_option("--until takes a time like "
							 "2026-12-02T03:00, not", o->until, 1, err)) < 0)
		return SMTPCODE_EXIT_USAGE;
	so.reply_class = o->reply_class != NULL ? o->reply_class[0] - '0' : 0;
	so.code = o->code;
	so.domain = o->domain;
	so.provider = o->provider;
	njobs = o->each ? 1 : o->jobs < nfiles ? o->jobs : nfiles;
	total_block = alloc_or_null(smtpcode_scan_size());
	jobs = calloc((size_t)njobs, sizeof *jobs);
	list = calloc((size_t)nfiles, sizeof *list);
	errors = calloc((size_t)nfiles, sizeof *errors);
	if (total_block == NULL || jobs == NULL || list == NULL || errors == NULL) {
		status = fail(err, SMTPCODE_EXIT_USAGE, "out of memory for the scan");
		goto done;
	}
	rc = smtpcode_scan_init(total_block, smtpcode_scan_size(), &so, &total);
	if (rc == SMTPCODE_ESYNTAX) {
		status = usage_error(err, "--code takes a code (550, 5.7.1) or a filter "
				     "(5.7, 55x, 5xx), not", o->code);
		goto done;
	}
	if (rc != SMTPCODE_OK) {
		status = usage_error(err, "unknown provider (see 'smtpcode --list "
				     "providers'):", o->provider);
		goto done;
	}
	for (i = 0; i < njobs; i++) {
		struct job *j = &jobs[i];

		j->o = o;
		j->out = out;
		j->err = err;
		j->lock = njobs > 1 ? &mutex : NULL;
		j->in = malloc(CHUNK);
		j->inflated = malloc(CHUNK);
		j->scan = alloc_or_null(smtpcode_scan_size());
		if (j->in == NULL || j->inflated == NULL || j->scan == NULL) {
			status = fail(err, SMTPCODE_EXIT_USAGE, "out of memory for the scan");
			goto done;
		}
	}
	/* files in rounds of njobs, each into a state of its own, merged in the order given:
	 * the report is the same whatever --jobs is */
	for (int first = 0; first < nfiles; first += njobs) {
		int n = nfiles - first < njobs ? nfiles - first : njobs;
		pthread_t tid[64];
		int started[64] = { 0 };

		for (i = 0; i < n; i++) {
			struct job *j = &jobs[i];
			void *block = j->scan;

			smtpcode_scan_init(block, smtpcode_scan_size(), &so, &j->scan);
			j->name = files[first + i];
			j->error[0] = '\0';
			j->warned_binary = 0;
			j->done = j->total = 0;
			j->progress = njobs == 1 && !o->each && o->format == FORMAT_TEXT &&
				      isatty(fileno(err));
			if (n > 1 && pthread_create(&tid[i], NULL, run_job, j) == 0)
				started[i] = 1;
			else
				read_file(j);
		}
		for (i = 0; i < n; i++) {
			struct job *j = &jobs[i];
			char name[512];

			if (started[i])
				pthread_join(tid[i], NULL);
			smtpcode_scan_merge(total, j->scan);
			list[first + i].size = sizeof list[0];
			list[first + i].name = j->name;
			list[first + i].lines = j->lines;
			if (j->error[0] != '\0') {
				memcpy(errors[first + i], j->error, sizeof errors[0]);
				list[first + i].error = errors[first + i];
				fprintf(err, "smtpcode: %s: %s\n", shown_name(j->name, name, sizeof name),
					j->error);
				status = SMTPCODE_EXIT_USAGE;
			}
		}
	}
	if (!o->each && o->format == FORMAT_JSON) {
		int n = smtpcode_json_scan(total, list, (size_t)nfiles, 0, NULL, 0);
		char *buf = n > 0 ? malloc((size_t)n + 1) : NULL;

		if (buf == NULL) {
			status = fail(err, SMTPCODE_EXIT_USAGE, "out of memory for the scan");
			goto done;
		}
		smtpcode_json_scan(total, list, (size_t)nfiles, 0, buf, (size_t)n + 1);
		fprintf(out, "%s\n", buf);
		free(buf);
	} else if (!o->each) {
		text_report(out, total, (size_t)nfiles, o->width);
	}
	smtpcode_scan_totals(total, &t);
	if (status == SMTPCODE_EXIT_FOUND && t.replies == 0)
		status = SMTPCODE_EXIT_UNKNOWN;
done:
	for (i = 0; jobs != NULL && i < njobs; i++) {
		free(jobs[i].in);
		free(jobs[i].inflated);
		free(jobs[i].scan);
	}
	free(errors);
	free(list);
	free(jobs);
	free(total_block);
	return status;
}
