/* scan.c -- mail logs read line by line: each line holding a reply becomes an event (time,
 * queue id, recipient domain, remote host, what the MTA did), and failures are tallied into
 * ranked rows, in one caller-provided block of bounded size. */
#include <stdint.h>
#include <stdio.h>

#include "internal.h"

#define TRACKED 16  /* domains or hosts a row tracks (Space-Saving); the top of them is shown */
#define NAME_MAX_ 64 /* bytes of a tracked name kept, with its NUL */
#define SAMPLE_MAX 240
#define SLOTS ((size_t)2 * SMTPCODE_SCAN_ROWS)

/* One tracked name: counts of Space-Saving (count over-estimates by at most err). */
struct tracked {
	uint64_t hash;
	uint64_t count, err;
	char name[NAME_MAX_];
};

struct tally {
	unsigned n;
	struct tracked item[TRACKED];
};

struct row {
	int basic;
	char enhanced[SMTPCODE_CODE_MAX + 1];
	const struct smtpcode_provider *provider;
	const struct smtpcode_provider_entry *entry;
	char marker[64];
	uint64_t hash;
	uint64_t count, deferred, bounced, rejected;
	int64_t first_time, last_time;
	struct tally domains, hosts;
	size_t sample_length;
	char sample[SAMPLE_MAX];
};

/* The filters, parsed once */
struct filters {
	int64_t since, until;
	int reply_class;
	int code_kind;                   /* 0 none, 1 an exact code, 2 a list filter */
	struct smtpcode_code code;
	struct smtpcode_filter list;
	char domain[256];
	const struct smtpcode_provider *provider;
};

struct smtpcode_scan {
	uint32_t magic;
	struct filters f;
	int year, month;
	uint64_t line; /* lines of the stream so far */
	uint64_t lines, replies, failures, unranked, cut_lines, binary_lines;
	int64_t first_time, last_time;
	size_t nrows;
	int ranked;
	uint16_t slot[SLOTS];        /* row index + 1, 0 empty */
	uint16_t order[SMTPCODE_SCAN_ROWS];
	struct row rows[SMTPCODE_SCAN_ROWS];
	int carrying;                /* a partial line is kept */
	size_t carry_length;         /* bytes kept (at most LINE_MAX) */
	size_t carry_total;          /* bytes the partial line has had */
	char carry[SMTPCODE_SCAN_LINE_MAX];
};

#define SCAN_MAGIC 0x5343414eu /* "SCAN" */

/* ---- small helpers ----------------------------------------------------------------------- */

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static int is_alnum(int c)
{
	return is_digit(c) || (lower(c) >= 'a' && lower(c) <= 'z');
}

static uint64_t hash_lower(const char *p, size_t n, uint64_t h)
{
	for (size_t i = 0; i < n; ++i)
		h = (h ^ (unsigned char)lower((unsigned char)p[i])) * 0x100000001b3ull;
	return h;
}

#define HASH_SEED 0xcbf29ce484222325ull

/* The first occurrence of the NUL-terminated needle in [p, p+n), or NULL. */
static const char *find(const char *p, size_t n, const char *needle)
{
	size_t k = strlen(needle);

	if (k == 0 || k > n)
		return NULL;
	for (const char *q = p, *end = p + n - k + 1; q < end; ++q) {
		q = memchr(q, needle[0], (size_t)(end - q));
		if (q == NULL)
			return NULL;
		if (memcmp(q, needle, k) == 0)
			return q;
	}
	return NULL;
}

/* ---- times ------------------------------------------------------------------------------- */

static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + (int64_t)doe - 719468;
}

/* Digits at p[0..k) as a number, or -1 */
static int digits(const char *p, size_t n, size_t k)
{
	int v = 0;

	if (n < k)
		return -1;
	for (size_t i = 0; i < k; ++i) {
		if (!is_digit(p[i]))
			return -1;
		v = v * 10 + (p[i] - '0');
	}
	return v;
}

/* "HH:MM" and maybe ":SS" at p: the bytes taken, or 0 */
static size_t clock_time(const char *p, size_t n, int64_t *secs)
{
	int h = digits(p, n, 2), m = n > 3 ? digits(p + 3, n - 3, 2) : -1, s = 0;
	size_t k = 5;

	if (h < 0 || h > 23 || p[2] != ':' || m < 0 || m > 59)
		return 0;
	if (n > 6 && p[5] == ':' && (s = digits(p + 6, n - 6, 2)) >= 0 && s <= 60)
		k = 8;
	else
		s = 0;
	*secs = h * 3600LL + m * 60LL + s;
	return k;
}

size_t smtpcode_scan_time(const char *p, size_t n, int year, int month, int64_t *seconds)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	int64_t clock = 0;
	int y, mo, d;
	size_t k;

	if (p == NULL || seconds == NULL)
		return 0;
	if ((y = digits(p, n, 4)) >= 0) { /* ISO: 2026-12-02, then T or a space and a clock */
		if (n < 10 || p[4] != '-' || p[7] != '-' || (mo = digits(p + 5, n - 5, 2)) < 1 ||
		    mo > 12 || (d = digits(p + 8, n - 8, 2)) < 1 || d > 31)
			return 0;
		k = 10;
		if (n > 11 && (p[10] == 'T' || p[10] == ' ')) {
			size_t c = clock_time(p + 11, n - 11, &clock);

			if (c > 0) {
				k = 11 + c;
				if (k < n && (p[k] == '.' || p[k] == ',')) /* a fraction */
					for (++k; k < n && is_digit(p[k]); ++k)
						;
				if (k < n && p[k] == 'Z')
					++k;
				else if (k + 5 <= n && (p[k] == '+' || p[k] == '-') && is_digit(p[k + 1]) &&
					 is_digit(p[k + 2])) /* a zone, +00:00 or +0000 */
					k += k + 6 <= n && p[k + 3] == ':' ? 6 : 5;
			}
		}
	} else { /* syslog: "Dec  2 03:00:00" */
		const char *m;

		if (n < 15 || year <= 0 || p[3] != ' ')
			return 0;
		for (m = months, mo = 0; *m != '\0'; m += 3)
			if (memcmp(p, m, 3) == 0) {
				mo = (int)((m - months) / 3) + 1;
				break;
			}
		if (mo == 0)
			return 0;
		d = p[4] == ' ' ? digits(p + 5, n - 5, 1) : digits(p + 4, n - 4, 2);
		if (d < 1 || d > 31 || p[6] != ' ' || clock_time(p + 7, n - 7, &clock) != 8)
			return 0;
		y = month >= 1 && mo > month ? year - 1 : year;
		k = 15;
	}
	*seconds = days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 + clock;
	return k;
}

int smtpcode_scan_time_text(int64_t t, char *buf, size_t size)
{
	struct sink s;
	int64_t z, era, y;
	unsigned doe, yoe, doy, mp, d, m;

	if (buf == NULL && size > 0)
		return SMTPCODE_ENULL;
	INTERNAL(sink_init)(&s, buf, size);
	if (t >= 0) { /* civil_from_days */
		z = t / 86400 + 719468;
		era = z / 146097;
		doe = (unsigned)(z - era * 146097);
		yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
		y = (int64_t)yoe + era * 400;
		doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
		mp = (5 * doy + 2) / 153;
		d = doy - (153 * mp + 2) / 5 + 1;
		m = mp < 10 ? mp + 3 : mp - 9;
		INTERNAL(putf)(&s, "%04lld-%02u-%02uT%02lld:%02lld:%02lld", (long long)y + (m <= 2), m, d,
			    (long long)(t % 86400 / 3600), (long long)(t % 3600 / 60), (long long)(t % 60));
	}
	return INTERNAL(sink_result)(&s);
}

/* ---- what a log line says around its reply ----------------------------------------------- */

/* The time at the line's start, after a syslog priority "<13>" or an RFC 5424 "1 " version. */
static void line_time(const struct smtpcode_scan *s, const char *p, size_t n,
		      struct smtpcode_scan_event *ev)
{
	size_t i = 0, k;

	if (n > 0 && p[0] == '<') {
		for (i = 1; i < n && i < 5 && is_digit(p[i]); ++i)
			;
		i = i < n && p[i] == '>' ? i + 1 : 0;
		if (i > 0 && i + 1 < n && p[i] == '1' && p[i + 1] == ' ')
			i += 2;
	}
	k = smtpcode_scan_time(p + i, n - i, s->year, s->month, &ev->time);
	if (k > 0) {
		ev->time_offset = i;
		ev->time_length = k;
	}
}

/* Exim's message id: 1t2AbC-000123-AB (or the older 1t2AbC-0001Ab-Cd) */
static size_t exim_id(const char *p, size_t n)
{
	size_t i = 0, a, b, c;

	for (a = 0; i < n && is_alnum(p[i]); ++i, ++a)
		;
	if (a != 6 || i >= n || p[i++] != '-')
		return 0;
	for (b = 0; i < n && is_alnum(p[i]); ++i, ++b)
		;
	if (b < 6 || b > 11 || i >= n || p[i++] != '-')
		return 0;
	for (c = 0; i < n && is_alnum(p[i]); ++i, ++c)
		;
	return c >= 2 && c <= 4 && (i == n || p[i] == ' ') ? i : 0;
}

/* The queue id: Postfix's and Sendmail's "4ABC123DEF:" after "prog[pid]: ", OpenSMTPD's
 * 16 hex digits there, Exim's message id after its time. */
static void line_queue_id(const char *p, size_t n, struct smtpcode_scan_event *ev)
{
	size_t from = ev->time_offset + ev->time_length, i, k;
	const char *q;

	if (ev->time_length > 0 && from < n && p[from] == ' ') { /* Exim: the id after the time */
		i = from + 1;
		if (i < n && p[i] == '[') /* its [pid] */
			while (i < n && p[i++] != ' ')
				;
		if ((k = exim_id(p + i, n - i)) > 0) {
			ev->queue_id_offset = i;
			ev->queue_id_length = k;
			return;
		}
	}
	q = from < n ? find(p + from, n - from < 160 ? n - from : 160, "]: ") : NULL;
	if (q != NULL || ev->time_length == 0) { /* syslog: after "prog[pid]: "; or at the start */
		i = q != NULL ? (size_t)(q - p) + 3 : 0;
		for (k = i; k < n && is_alnum(p[k]); ++k)
			;
		if (k - i >= 5 && k - i <= 32 && k < n &&
		    ((p[k] == ':' && memcmp(p + i, "NOQUEUE", 7 < k - i ? 7 : k - i) != 0) ||
		     (p[k] == ' ' && k - i == 16))) {
			ev->queue_id_offset = i;
			ev->queue_id_length = k - i;
		}
	}
}

/* The domain of an address at p ("user@example.com>" ...), ending at the first of ">, ;:" */
static int address_domain(const char *line, const char *p, const char *end,
			  struct smtpcode_scan_event *ev)
{
	const char *at = NULL, *q;

	for (q = p; q < end && *q != '>' && *q != ',' && *q != ' ' && *q != ';' && *q != '"' &&
		    *q != ')';
	     ++q)
		if (*q == '@')
			at = q;
	if (at == NULL || q - at < 2)
		return 0;
	if (q[-1] == ':' && q - at > 2) /* Exim's "** a@b.example: reason" */
		--q;
	ev->domain_offset = (size_t)(at + 1 - line);
	ev->domain_length = (size_t)(q - at - 1);
	return 1;
}

/* Exim's marks after the message id */
static const struct {
	const char *mark;
	enum smtpcode_delivery delivery;
} exim_marks[] = {
	{ " ** ", SMTPCODE_DELIVERY_BOUNCED },
	{ " == ", SMTPCODE_DELIVERY_DEFERRED },
	{ " => ", SMTPCODE_DELIVERY_SENT },
	{ " -> ", SMTPCODE_DELIVERY_SENT },
	{ " *> ", SMTPCODE_DELIVERY_UNKNOWN }, /* delivery suppressed */
};

static void line_recipient(const char *p, size_t n, struct smtpcode_scan_event *ev)
{
	const char *end = p + n, *q;

	if ((q = find(p, n, " to=<")) != NULL && address_domain(p, q + 5, end, ev))
		return;
	if ((q = find(p, n, ",to=<")) != NULL && address_domain(p, q + 5, end, ev))
		return;
	if (ev->queue_id_length > 0 && ev->queue_id_offset + ev->queue_id_length + 4 <= n) {
		const char *mark = p + ev->queue_id_offset + ev->queue_id_length;

		for (size_t i = 0; i < sizeof exim_marks / sizeof exim_marks[0]; ++i)
			if (memcmp(mark, exim_marks[i].mark, 4) == 0 && address_domain(p, mark + 4, end, ev))
				return;
	}
	if ((q = find(p, n, "RCPT TO:<")) != NULL)
		address_domain(p, q + 9, end, ev);
}

/* A host "name[ip]" at q: the name, or the address when the name is "unknown" */
static int host_at(const char *line, const char *q, const char *end,
		   struct smtpcode_scan_event *ev)
{
	const char *h = q;

	while (h < end && *h != '[' && *h != ',' && *h != ' ' && *h != ':' && *h != '"')
		++h;
	if (h - q == 7 && memcmp(q, "unknown", 7) == 0 && h < end && *h == '[') {
		const char *ip = h + 1, *close = memchr(ip, ']', (size_t)(end - ip));

		if (close == NULL || close == ip)
			return 0;
		ev->host_offset = (size_t)(ip - line);
		ev->host_length = (size_t)(close - ip);
		return 1;
	}
	if (h > q && h[-1] == '.') /* Sendmail writes the name as a root-relative one */
		--h;
	if (h == q || (h - q == 4 && (memcmp(q, "none", 4) == 0 || memcmp(q, "local", 4) == 0)))
		return 0;
	if (h - q == 5 && memcmp(q, "local", 5) == 0)
		return 0;
	ev->host_offset = (size_t)(q - line);
	ev->host_length = (size_t)(h - q);
	return 1;
}

static void line_host(const char *p, size_t n, const struct smtpcode_reply *r,
		      struct smtpcode_scan_event *ev)
{
	const char *end = p + n, *q;

	if (r->remote_host_length > 0) {
		ev->host_offset = r->remote_host_offset;
		ev->host_length = r->remote_host_length;
		return;
	}
	if ((q = find(p, n, "relay=")) != NULL) {
		q += 6;
		if (q < end && *q == '"')
			++q;
		if (host_at(p, q, end, ev))
			return;
	}
	if (r->remote_ip_length > 0) {
		ev->host_offset = r->remote_ip_offset;
		ev->host_length = r->remote_ip_length;
		return;
	}
	/* Postfix smtpd and cleanup: the client refused, "RCPT from name[ip]:" */
	for (q = p; (q = find(q, (size_t)(end - q), " from ")) != NULL; q += 6) {
		const char *h = q + 6;

		while (h < end && *h != '[' && *h != ' ' && *h != ',' && *h != ':')
			++h;
		if (h > q + 6 && h < end && *h == '[' && host_at(p, q + 6, end, ev))
			return;
	}
}

/* What an MTA's status field says: Postfix's status=, OpenSMTPD's result=, Sendmail's stat= */
static const struct {
	const char *key, *word;
	enum smtpcode_delivery delivery;
} status_words[] = {
	{ "status=", "sent", SMTPCODE_DELIVERY_SENT },
	{ "status=", "deferred", SMTPCODE_DELIVERY_DEFERRED },
	{ "status=", "bounced", SMTPCODE_DELIVERY_BOUNCED },
	{ "status=", "expired", SMTPCODE_DELIVERY_BOUNCED },
	{ "result=\"", "Ok\"", SMTPCODE_DELIVERY_SENT },
	{ "result=\"", "TempFail", SMTPCODE_DELIVERY_DEFERRED },
	{ "result=\"", "PermFail", SMTPCODE_DELIVERY_BOUNCED },
	{ "stat=", "Sent", SMTPCODE_DELIVERY_SENT },
	{ "stat=", "Deferred", SMTPCODE_DELIVERY_DEFERRED },
};

/* Refusals by this server: Postfix, Sendmail, OpenSMTPD, Exim */
static const char *const refusals[] = {
	" reject: ", "milter-reject: ", "reject=", " failed-command ", " rejected RCPT ",
	" rejected MAIL ", " rejected after DATA", " rejected EHLO", " rejected HELO",
	" rejected connection"
};

static enum smtpcode_delivery line_delivery(const char *p, size_t n,
					    const struct smtpcode_scan_event *ev)
{
	size_t i;

	if (ev->queue_id_length > 0 && ev->queue_id_offset + ev->queue_id_length + 4 <= n) {
		const char *mark = p + ev->queue_id_offset + ev->queue_id_length;

		for (i = 0; i < sizeof exim_marks / sizeof exim_marks[0]; ++i)
			if (memcmp(mark, exim_marks[i].mark, 4) == 0 &&
			    exim_marks[i].delivery != SMTPCODE_DELIVERY_UNKNOWN)
				return exim_marks[i].delivery;
	}
	for (i = 0; i < sizeof status_words / sizeof status_words[0]; ++i) {
		const char *q = find(p, n, status_words[i].key);
		size_t k = strlen(status_words[i].word);

		if (q != NULL) {
			q += strlen(status_words[i].key);
			if ((size_t)(p + n - q) >= k && memcmp(q, status_words[i].word, k) == 0)
				return status_words[i].delivery;
		}
	}
	for (i = 0; i < sizeof refusals / sizeof refusals[0]; ++i)
		if (find(p, n, refusals[i]) != NULL)
			return SMTPCODE_DELIVERY_REJECTED;
	if (find(p, n, "stat=") != NULL) { /* Sendmail's other stat= words: its dsn= says */
		if (find(p, n, "dsn=5.") != NULL)
			return SMTPCODE_DELIVERY_BOUNCED;
		if (find(p, n, "dsn=4.") != NULL)
			return SMTPCODE_DELIVERY_DEFERRED;
	}
	return SMTPCODE_DELIVERY_UNKNOWN;
}

/* ---- filters ----------------------------------------------------------------------------- */

/* The class, subject and detail of a reply's enhanced code (its own, else the MTA's). */
static const struct smtpcode_code *reply_enhanced(const struct smtpcode_reply *r)
{
	if (r->enhanced[0] != '\0')
		return &r->enhanced_code;
	return r->status[0] != '\0' ? &r->status_code : NULL;
}

static int reply_class_of(const struct smtpcode_reply *r)
{
	const struct smtpcode_code *e = reply_enhanced(r);

	if (r->basic >= 0)
		return r->basic / 100;
	return e != NULL ? e->reply_class : 0;
}

static int code_passes(const struct filters *f, const struct smtpcode_reply *r)
{
	const struct smtpcode_code *e = reply_enhanced(r);
	const struct smtpcode_code *c = &f->code;
	const struct smtpcode_filter *l = &f->list;

	if (f->code_kind == 1) {
		if (c->kind == SMTPCODE_BASIC)
			return r->basic == c->basic;
		return e != NULL && e->subject == c->subject && e->detail == c->detail &&
		       (c->reply_class == 0 || e->reply_class == c->reply_class);
	}
	if (l->all)
		return 1;
	if (l->kind == SMTPCODE_BASIC || l->category >= 0 ||
	    (l->kind == 0 && l->subject < 0 && l->shown_class == '\0' && l->reply_class > 0))
		return r->basic >= 0 && (l->reply_class == 0 || r->basic / 100 == l->reply_class) &&
		       (l->category < 0 || r->basic / 10 % 10 == l->category);
	if (e == NULL)
		return 0;
	if (l->shown_class != '\0' && e->reply_class != l->shown_class - '0')
		return 0;
	return l->subject < 0 || e->subject == l->subject;
}

static int domain_passes(const struct filters *f, const char *p, size_t n)
{
	size_t k = strlen(f->domain);

	if (n < k)
		return 0;
	for (size_t i = 0; i < k; ++i)
		if (lower((unsigned char)p[n - k + i]) != f->domain[i])
			return 0;
	return n == k || p[n - k - 1] == '.';
}

static int passes(const struct filters *f, const struct smtpcode_scan_event *ev)
{
	if ((f->since >= 0 || f->until >= 0) &&
	    (ev->time < 0 || (f->since >= 0 && ev->time < f->since) ||
	     (f->until >= 0 && ev->time > f->until)))
		return 0;
	if (f->reply_class != 0 && reply_class_of(ev->reply) != f->reply_class)
		return 0;
	if (f->code_kind != 0 && !code_passes(f, ev->reply))
		return 0;
	if (f->domain[0] != '\0' && !domain_passes(f, ev->text + ev->domain_offset, ev->domain_length))
		return 0;
	return f->provider == NULL || ev->match->provider == f->provider;
}

/* ---- the tally --------------------------------------------------------------------------- */

/* Counts a name (weight, with err of its own) in a Space-Saving table: a new name past the
 * table takes the place of the least counted, inheriting its count as error. */
static void tally_add(struct tally *t, uint64_t hash, const char *name, size_t len,
		      uint64_t weight, uint64_t err)
{
	unsigned i, least = 0;

	for (i = 0; i < t->n; ++i)
		if (t->item[i].hash == hash) {
			t->item[i].count += weight;
			t->item[i].err += err;
			return;
		}
	if (t->n < TRACKED) {
		i = t->n++;
		t->item[i].count = weight;
		t->item[i].err = err;
	} else {
		for (i = 1; i < TRACKED; ++i)
			if (t->item[i].count < t->item[least].count)
				least = i;
		i = least;
		t->item[i].err = t->item[i].count + err;
		t->item[i].count += weight;
	}
	t->item[i].hash = hash;
	if (name != NULL) {
		size_t k = len < NAME_MAX_ - 1 ? len : NAME_MAX_ - 4;

		for (size_t j = 0; j < k; ++j)
			t->item[i].name[j] = (char)lower((unsigned char)name[j]);
		if (k < len)
			memcpy(t->item[i].name + k, "...", 3), k += 3;
		t->item[i].name[k] = '\0';
	}
}

static void tally_name(struct tally *t, const char *p, size_t len)
{
	if (len > 0)
		tally_add(t, hash_lower(p, len, HASH_SEED), p, len, 1, 0);
}

static uint64_t row_hash(int basic, const char *enhanced, const struct smtpcode_provider *pv,
			 const char *marker)
{
	uint64_t h = hash_lower((const char *)&basic, sizeof basic, HASH_SEED);

	h = hash_lower(enhanced, strlen(enhanced), h ^ 1);
	h = hash_lower(pv != NULL ? pv->id : "", pv != NULL ? strlen(pv->id) : 0, h ^ 2);
	return hash_lower(marker, strlen(marker), h ^ 3);
}

/* The row of a key, made when missing; NULL when the table is full. */
static struct row *row_for(struct smtpcode_scan *s, int basic, const char *enhanced,
			   const struct smtpcode_provider *pv, const char *marker)
{
	uint64_t h = row_hash(basic, enhanced, pv, marker);
	size_t i = (size_t)(h % SLOTS);
	struct row *r;

	for (; s->slot[i] != 0; i = (i + 1) % SLOTS) {
		r = &s->rows[s->slot[i] - 1];
		if (r->hash == h && r->basic == basic && r->provider == pv &&
		    strcmp(r->enhanced, enhanced) == 0 && strcmp(r->marker, marker) == 0)
			return r;
	}
	if (s->nrows == SMTPCODE_SCAN_ROWS)
		return NULL;
	r = &s->rows[s->nrows];
	memset(r, 0, sizeof *r);
	r->basic = basic;
	snprintf(r->enhanced, sizeof r->enhanced, "%s", enhanced);
	r->provider = pv;
	snprintf(r->marker, sizeof r->marker, "%s", marker);
	r->hash = h;
	r->first_time = r->last_time = -1;
	s->slot[i] = (uint16_t)(++s->nrows);
	s->ranked = 0;
	return r;
}

static void span(int64_t *first, int64_t *last, int64_t a, int64_t b)
{
	if (a >= 0 && (*first < 0 || a < *first))
		*first = a;
	if (b >= 0 && b > *last)
		*last = b;
}

static void count_failure(struct smtpcode_scan *s, const struct smtpcode_scan_event *ev)
{
	const struct smtpcode_reply *r = ev->reply;
	const char *enh = r->enhanced[0] != '\0' ? r->enhanced : r->status;
	struct row *row = row_for(s, r->basic, enh, ev->match->provider, ev->match->marker);

	if (row == NULL) {
		s->unranked++;
		return;
	}
	if (row->count++ == 0) {
		int k = smtpcode_reply_text(ev->text, ev->length, r, row->sample, sizeof row->sample);
		size_t len;

		if (k <= 0) { /* only the MTA's status: what the line says from its status on */
			static const char *const from[] = { " status=", " stat=", " result=", " == ",
							    " ** " };
			size_t at = ev->time_offset + ev->time_length;

			for (size_t i = 0; i < sizeof from / sizeof from[0]; ++i) {
				const char *q = find(ev->text, ev->length, from[i]);

				if (q != NULL) {
					at = (size_t)(q - ev->text) + 1;
					break;
				}
			}

			while (at < ev->length && ev->text[at] == ' ')
				++at;
			k = (int)(ev->length - at < sizeof row->sample ? ev->length - at : sizeof row->sample);
			memcpy(row->sample, ev->text + at, (size_t)k);
			if ((size_t)k == sizeof row->sample)
				++k; /* cut below */
		}
		len = k < 0 ? 0 : (size_t)k < sizeof row->sample ? (size_t)k : sizeof row->sample - 1;

		while (len > 0 && len < (size_t)k && ((unsigned char)row->sample[len] & 0xc0) == 0x80)
			--len; /* cut between characters */
		row->sample[len] = '\0';
		row->sample_length = len;
		row->entry = ev->match->entry;
	}
	row->deferred += ev->delivery == SMTPCODE_DELIVERY_DEFERRED;
	row->bounced += ev->delivery == SMTPCODE_DELIVERY_BOUNCED;
	row->rejected += ev->delivery == SMTPCODE_DELIVERY_REJECTED;
	span(&row->first_time, &row->last_time, ev->time, ev->time);
	tally_name(&row->domains, ev->text + ev->domain_offset, ev->domain_length);
	tally_name(&row->hosts, ev->text + ev->host_offset, ev->host_length);
}

/* ---- lines ------------------------------------------------------------------------------- */

/* A copy of at most size-1 bytes of [p, p+n) as a string, for a hint */
static const char *hint(char *buf, size_t size, const char *p, size_t n)
{
	if (n == 0)
		return NULL;
	if (n >= size)
		n = size - 1;
	memcpy(buf, p, n);
	buf[n] = '\0';
	return buf;
}

/* Reads a line that may hold a reply: fills ev and, when it passes, counts it. */
static void reply_line(struct smtpcode_scan *s, const char *p, size_t n, int parsed,
		       struct smtpcode_scan_event *ev, struct smtpcode_reply *r,
		       struct smtpcode_provider_match *m)
{
	struct smtpcode_hints hints = { .size = sizeof hints };
	char domain[256], host[256];

	r->size = sizeof *r;
	if (!parsed && smtpcode_parse_reply(p, n, r) != SMTPCODE_OK && r->enhanced[0] == '\0')
		return;
	ev->reply = r;
	ev->match = m;
	line_time(s, p, n, ev);
	line_queue_id(p, n, ev);
	line_recipient(p, n, ev);
	line_host(p, n, r, ev);
	ev->delivery = line_delivery(p, n, ev);
	hints.recipient_domain = hint(domain, sizeof domain, p + ev->domain_offset, ev->domain_length);
	hints.remote_host = hint(host, sizeof host, p + ev->host_offset, ev->host_length);
	m->size = sizeof *m;
	ev->failure = reply_class_of(r) == 4 || reply_class_of(r) == 5;
	/* who sent it matters for what failed (and for a provider filter), not for a 250 */
	if (ev->failure || s->f.provider != NULL)
		smtpcode_match_provider(p, n, r, &hints, m);
	else
		memset(m, 0, sizeof *m);
	if (!passes(&s->f, ev)) {
		ev->reply = NULL;
		ev->match = NULL;
		ev->failure = 0;
		return;
	}
	ev->flags |= SMTPCODE_SCAN_REPLY;
	s->replies++;
	span(&s->first_time, &s->last_time, ev->time, ev->time);
	if (ev->failure) {
		s->failures++;
		count_failure(s, ev);
	}
}

/* One whole line of full bytes, of which n are at p; try: the walk found a reply in it. */
static void line_done(struct smtpcode_scan *s, const char *p, size_t full,
		      const struct smtpcode_reply *walked, int try, smtpcode_scan_fn fn, void *ctx)
{
	struct smtpcode_scan_event ev;
	struct smtpcode_reply r;
	struct smtpcode_provider_match m;
	size_t n = full;

	memset(&ev, 0, sizeof ev);
	ev.time = -1;
	ev.line = ++s->line;
	s->lines++;
	if (n > SMTPCODE_SCAN_LINE_MAX) {
		n = SMTPCODE_SCAN_LINE_MAX;
		ev.flags |= SMTPCODE_SCAN_CUT;
		s->cut_lines++;
	}
	if (n > 0 && p[n - 1] == '\r')
		--n;
	if (memchr(p, '\0', n) != NULL) {
		ev.flags |= SMTPCODE_SCAN_BINARY;
		s->binary_lines++;
	}
	ev.text = p;
	ev.length = n;
	if (walked != NULL)
		r = *walked;
	if (try)
		reply_line(s, p, n, walked != NULL, &ev, &r, &m);
	if (ev.flags != 0 && fn != NULL)
		fn(ctx, &ev);
}

/* 1 when the span of length bytes at offset (none when length is 0) lies in [from, to). */
static int within(size_t offset, size_t length, size_t from, size_t to)
{
	return length == 0 || (offset >= from && offset <= to && length <= to - offset);
}

/* Reads complete lines [b, b+n), n ending in a newline: the reply walk finds the lines worth
 * reading; every other line is only counted. A line a walked reply ran into (a multi-line
 * reply read on across the newline) is read alone too, as it would be in a block of its own. */
static void read_block(struct smtpcode_scan *s, const char *b, size_t n, smtpcode_scan_fn fn,
		       void *ctx)
{
	struct smtpcode_reply r = { .size = sizeof r }, next = { .size = sizeof next };
	size_t off = 0, cursor = 0, walked = 0; /* walked: the end of the replies read so far */
	int have_next = 0;

	while (cursor < n) {
		size_t at = n;
		int found = 0;

		if (have_next) {
			r = next;
			have_next = 0;
			found = 1;
		} else {
			if (off < cursor)
				off = cursor;
			found = off < n && smtpcode_reply_next(b, n, &off, &r) == SMTPCODE_OK;
			if (!found)
				off = n;
		}
		if (found)
			at = r.start < cursor ? cursor : r.start;
		for (;;) { /* the lines before the one holding at, then that one */
			const char *nl = memchr(b + cursor, '\n', n - cursor);
			size_t end = nl != NULL ? (size_t)(nl - b) : n;

			if (at <= end && at < n) {
				/* the walk's reply serves when it is the line's only one, ends in it and
				 * names its server there, its text and host inside the line (parsing the
				 * line alone would then find the same); else the line is parsed alone,
				 * as smtpcode_parse_reply picks */
				size_t reply_end = r.end;
				int alone = r.start >= cursor && r.end <= end && r.remote_host_length > 0 &&
					    within(r.remote_host_offset, r.remote_host_length, cursor, end) &&
					    within(r.remote_ip_offset, r.remote_ip_length, cursor, end) &&
					    within(r.text_offset, r.text_length, cursor, end) &&
					    end - cursor <= SMTPCODE_SCAN_LINE_MAX;

				if (alone && off < n) {
					size_t peek = off > end ? off : end;

					if (smtpcode_reply_next(b, n, &off, &next) == SMTPCODE_OK) {
						have_next = next.start >= end;
						alone = have_next;
						if (!have_next)
							off = peek;
					} else {
						off = n;
					}
				}
				if (alone) {
					r.start -= cursor;
					r.end -= cursor;
					r.text_offset -= r.text_length > 0 ? cursor : 0;
					r.remote_host_offset -= r.remote_host_length > 0 ? cursor : 0;
					r.remote_ip_offset -= r.remote_ip_length > 0 ? cursor : 0;
				}
				line_done(s, b + cursor, end - cursor, alone ? &r : NULL, 1, fn, ctx);
				if (found && reply_end > walked) /* only now: the lines before were not in it */
					walked = reply_end;
				cursor = end + 1;
				break;
			}
			line_done(s, b + cursor, end - cursor, NULL, cursor < walked, fn, ctx);
			cursor = end + 1;
			if (cursor >= n)
				break;
		}
	}
}

/* ---- the API ----------------------------------------------------------------------------- */

size_t smtpcode_scan_size(void)
{
	return sizeof(struct smtpcode_scan);
}

int smtpcode_scan_init(void *block, size_t size, const struct smtpcode_scan_options *o,
		       struct smtpcode_scan **out)
{
	struct smtpcode_scan *s = block;
	struct filters f;

	if (block == NULL || out == NULL)
		return SMTPCODE_ENULL;
	if (size < sizeof *s || (o != NULL && o->size < SIZE_TO(struct smtpcode_scan_options, provider)))
		return SMTPCODE_ESIZE;
	memset(&f, 0, sizeof f);
	f.since = f.until = -1;
	f.list.size = sizeof f.list;
	if (o != NULL) {
		f.since = o->since;
		f.until = o->until;
		if (o->reply_class != 0 && o->reply_class != 4 && o->reply_class != 5)
			return SMTPCODE_ESYNTAX;
		f.reply_class = o->reply_class;
		if (o->code != NULL && o->code[0] != '\0') {
			if (smtpcode_parse_code(o->code, &f.code) == SMTPCODE_OK &&
			    (f.code.kind == SMTPCODE_BASIC || (f.code.subject >= 0 && f.code.detail >= 0)))
				f.code_kind = 1;
			else if (smtpcode_filter_parse(o->code, &f.list) == SMTPCODE_OK)
				f.code_kind = 2;
			else
				return SMTPCODE_ESYNTAX;
		}
		if (o->domain != NULL) {
			size_t k = strlen(o->domain);

			if (k == 0 || k >= sizeof f.domain)
				return SMTPCODE_ESYNTAX;
			for (size_t i = 0; i < k; ++i)
				f.domain[i] = (char)lower((unsigned char)o->domain[i]);
		}
		if (o->provider != NULL && (f.provider = smtpcode_provider_find(o->provider)) == NULL)
			return SMTPCODE_ENOTFOUND;
	}
	memset(s, 0, offsetof(struct smtpcode_scan, rows));
	s->magic = SCAN_MAGIC;
	s->f = f;
	s->first_time = s->last_time = -1;
	s->carrying = 0;
	s->carry_length = s->carry_total = 0;
	*out = s;
	return SMTPCODE_OK;
}

void smtpcode_scan_begin(struct smtpcode_scan *s, int year, int month)
{
	if (s == NULL)
		return;
	s->year = year;
	s->month = month;
	s->line = 0;
	s->carrying = 0;
	s->carry_length = s->carry_total = 0;
}

/* Keeps the bytes of a partial line, at most LINE_MAX of them. */
static void carry(struct smtpcode_scan *s, const char *p, size_t n)
{
	size_t room = SMTPCODE_SCAN_LINE_MAX - s->carry_length;

	memcpy(s->carry + s->carry_length, p, n < room ? n : room);
	s->carry_length += n < room ? n : room;
	s->carry_total += n;
	s->carrying = 1;
}

int smtpcode_scan_feed(struct smtpcode_scan *s, const char *buf, size_t n, smtpcode_scan_fn fn,
		       void *ctx)
{
	const char *nl, *last;

	if (s == NULL || (buf == NULL && n > 0))
		return SMTPCODE_ENULL;
	if (n == 0)
		return SMTPCODE_OK;
	if (s->carrying) { /* the line begun in an earlier buffer */
		nl = memchr(buf, '\n', n);
		carry(s, buf, nl != NULL ? (size_t)(nl - buf) : n);
		if (nl == NULL)
			return SMTPCODE_OK;
		line_done(s, s->carry, s->carry_total > s->carry_length ? SMTPCODE_SCAN_LINE_MAX + 1 : s->carry_length, NULL, 1, fn, ctx);
		s->carrying = 0;
		s->carry_length = s->carry_total = 0;
		n -= (size_t)(nl + 1 - buf);
		buf = nl + 1;
	}
	for (last = buf + n; last > buf && last[-1] != '\n';)
		--last;
	if (last > buf)
		read_block(s, buf, (size_t)(last - buf), fn, ctx);
	if (last < buf + n)
		carry(s, last, (size_t)(buf + n - last));
	return SMTPCODE_OK;
}

int smtpcode_scan_end(struct smtpcode_scan *s, smtpcode_scan_fn fn, void *ctx)
{
	if (s == NULL)
		return SMTPCODE_ENULL;
	if (s->carrying && s->carry_total > 0)
		line_done(s, s->carry, s->carry_total > s->carry_length ? SMTPCODE_SCAN_LINE_MAX + 1 : s->carry_length, NULL, 1, fn, ctx);
	s->carrying = 0;
	s->carry_length = s->carry_total = 0;
	return SMTPCODE_OK;
}

static void tally_merge(struct tally *into, const struct tally *from)
{
	for (unsigned i = 0; i < from->n; ++i) {
		const struct tracked *t = &from->item[i];

		tally_add(into, t->hash, t->name, strlen(t->name), t->count, t->err);
	}
}

int smtpcode_scan_merge(struct smtpcode_scan *into, const struct smtpcode_scan *from)
{
	if (into == NULL || from == NULL)
		return SMTPCODE_ENULL;
	into->lines += from->lines;
	into->replies += from->replies;
	into->failures += from->failures;
	into->unranked += from->unranked;
	into->cut_lines += from->cut_lines;
	into->binary_lines += from->binary_lines;
	span(&into->first_time, &into->last_time, from->first_time, from->last_time);
	for (size_t i = 0; i < from->nrows; ++i) {
		const struct row *f = &from->rows[i];
		struct row *r = row_for(into, f->basic, f->enhanced, f->provider, f->marker);

		if (r == NULL) {
			into->unranked += f->count;
			continue;
		}
		if (r->count == 0) {
			memcpy(r->sample, f->sample, sizeof r->sample);
			r->sample_length = f->sample_length;
			r->entry = f->entry;
		}
		r->count += f->count;
		r->deferred += f->deferred;
		r->bounced += f->bounced;
		r->rejected += f->rejected;
		span(&r->first_time, &r->last_time, f->first_time, f->last_time);
		tally_merge(&r->domains, &f->domains);
		tally_merge(&r->hosts, &f->hosts);
	}
	return SMTPCODE_OK;
}

static int valid(const struct smtpcode_scan *s)
{
	return s != NULL && s->magic == SCAN_MAGIC;
}

int smtpcode_scan_totals(const struct smtpcode_scan *s, struct smtpcode_scan_totals *out)
{
	struct smtpcode_scan_totals t;
	int rc = check_size(out, SIZE_TO(struct smtpcode_scan_totals, rows));

	if (rc != SMTPCODE_OK)
		return rc;
	if (!valid(s))
		return SMTPCODE_ENULL;
	memset(&t, 0, sizeof t);
	t.lines = s->lines;
	t.replies = s->replies;
	t.failures = s->failures;
	t.unranked = s->unranked;
	t.cut_lines = s->cut_lines;
	t.binary_lines = s->binary_lines;
	t.first_time = s->first_time;
	t.last_time = s->last_time;
	t.rows = s->nrows;
	copy_out(out, &t, sizeof t);
	return SMTPCODE_OK;
}

/* The order of two enhanced codes as written: by class, subject, detail; "" first. */
static int enhanced_order(const char *a, const char *b)
{
	struct smtpcode_code x, y;
	int ha = a[0] != '\0' && smtpcode_parse_code(a, &x) == SMTPCODE_OK;
	int hb = b[0] != '\0' && smtpcode_parse_code(b, &y) == SMTPCODE_OK;

	if (!ha || !hb)
		return ha - hb;
	if (x.reply_class != y.reply_class)
		return x.reply_class - y.reply_class;
	if (x.subject != y.subject)
		return x.subject - y.subject;
	return x.detail - y.detail;
}

static int row_order(const struct row *a, const struct row *b)
{
	int d;

	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	if (a->basic != b->basic)
		return a->basic - b->basic;
	if ((d = enhanced_order(a->enhanced, b->enhanced)) != 0)
		return d;
	if (a->provider != b->provider)
		return a->provider == NULL ? -1 : b->provider == NULL ? 1
									: strcmp(a->provider->id, b->provider->id);
	return strcmp(a->marker, b->marker);
}

size_t smtpcode_scan_rank(struct smtpcode_scan *s)
{
	if (!valid(s))
		return 0;
	if (!s->ranked) { /* insertion sort of indices: at most SCAN_ROWS rows, once per report */
		for (size_t i = 0; i < s->nrows; ++i) {
			size_t j = i;
			uint16_t v = (uint16_t)i;

			for (; j > 0 && row_order(&s->rows[v], &s->rows[s->order[j - 1]]) < 0; --j)
				s->order[j] = s->order[j - 1];
			s->order[j] = v;
		}
		s->ranked = 1;
	}
	return s->nrows;
}

/* The top of a tally into out: by guaranteed count (count less error), then name. */
static size_t tally_top(const struct tally *t, struct smtpcode_scan_tally *out,
			uint64_t *shown)
{
	size_t k = 0;
	unsigned char used[TRACKED] = { 0 };

	*shown = 0;
	for (; k < SMTPCODE_SCAN_TOP; ++k) {
		int best = -1;

		for (unsigned i = 0; i < t->n; ++i) {
			const struct tracked *x = &t->item[i], *b;

			if (used[i] || x->count == x->err)
				continue;
			b = best >= 0 ? &t->item[best] : NULL;
			if (b == NULL || x->count - x->err > b->count - b->err ||
			    (x->count - x->err == b->count - b->err && strcmp(x->name, b->name) < 0))
				best = (int)i;
		}
		if (best < 0)
			break;
		used[best] = 1;
		out[k].name = t->item[best].name;
		out[k].count = t->item[best].count - t->item[best].err;
		*shown += out[k].count;
	}
	return k;
}

int smtpcode_scan_row(const struct smtpcode_scan *s, size_t i, struct smtpcode_scan_row *out)
{
	struct smtpcode_scan_row w;
	const struct row *r;
	const struct smtpcode_entry *basic = NULL, *enhanced = NULL;
	uint64_t shown;
	int rc = check_size(out, SIZE_TO(struct smtpcode_scan_row, sample_length));

	if (rc != SMTPCODE_OK)
		return rc;
	if (!valid(s))
		return SMTPCODE_ENULL;
	if (i >= s->nrows)
		return SMTPCODE_ENOTFOUND;
	r = &s->rows[s->ranked ? s->order[i] : i];
	memset(&w, 0, sizeof w);
	w.basic = r->basic;
	memcpy(w.enhanced, r->enhanced, sizeof w.enhanced);
	w.provider = r->provider;
	w.entry = r->entry;
	memcpy(w.marker, r->marker, sizeof w.marker);
	w.count = r->count;
	w.deferred = r->deferred;
	w.bounced = r->bounced;
	w.rejected = r->rejected;
	w.share = s->failures > 0 ? (double)r->count / (double)s->failures : 0;
	w.first_time = r->first_time;
	w.last_time = r->last_time;
	if (r->entry != NULL) {
		w.title = r->entry->title;
		w.summary = r->entry->summary;
	} else {
		struct smtpcode_reply rep = { .size = sizeof rep, .basic = r->basic };

		if (r->enhanced[0] != '\0' &&
		    smtpcode_parse_code(r->enhanced, &rep.enhanced_code) == SMTPCODE_OK)
			memcpy(rep.enhanced, r->enhanced, sizeof rep.enhanced);
		smtpcode_reply_entries(&rep, &basic, &enhanced, NULL);
		if (enhanced == NULL)
			enhanced = basic;
		if (enhanced != NULL) {
			w.title = enhanced->title;
			w.summary = enhanced->summary;
		}
	}
	w.domain_count = tally_top(&r->domains, w.domains, &shown);
	w.other_domains = r->count - shown;
	w.host_count = tally_top(&r->hosts, w.hosts, &shown);
	w.other_hosts = r->count - shown;
	w.sample = r->sample;
	w.sample_length = r->sample_length;
	copy_out(out, &w, sizeof w);
	return SMTPCODE_OK;
}
