/* providers.c -- the provider data (codes/providers/, compiled into providers-table.inc and
 * the gperf hash of markers) and the matcher: which provider sent a reply, and which of its
 * entries explains it. Literal fragments only: one pass over the text for the signatures (by
 * first byte, as the forms), gperf for the marker tokens, plain comparisons for hosts. */
#include <stdio.h>

#include "internal.h"

/* What the matcher needs of an entry: its codes parsed, its range. */
struct pcode_ {
	short basic;        /* -1: any */
	signed char cls;    /* -1: no enhanced code */
	short subject, detail;
};

struct pmatch_ {
	unsigned short code_first, code_count;
	signed char range_cls; /* 0: no range */
	short range_subject, range_lo, range_hi;
};

struct psig_ {
	const char *s;
	unsigned char len;
	unsigned char provider;
};

struct smtpcode_mkey {
	/* cppcheck-suppress unusedStructMember ; gperf's lookup compares it */
	const char *name;
	int entry;
};

/* Declared static before the generated definition, so the hash stays internal. */
static const struct smtpcode_mkey *smtpcode_mfind_(const char *str, size_t len);

#include "providers-table.inc"

GPERF_OUTPUT_BEGIN
#include "markers-hash.inc"
GPERF_OUTPUT_END

#define MAX_TOKEN 63 /* no marker is longer (the generator checks) */

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int is_token_byte(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '.' ||
	       c == '_' || c == '-' || c == '#';
}

/* ---- the tables ----------------------------------------------------------------------------- */

size_t smtpcode_provider_count(void)
{
	return SMTPCODE_PROVIDER_COUNT_;
}

const struct smtpcode_provider *smtpcode_provider_at(size_t i)
{
	return i < SMTPCODE_PROVIDER_COUNT_ ? &smtpcode_providers_[i] : NULL;
}

const struct smtpcode_provider *smtpcode_provider_find(const char *id)
{
	size_t i;

	for (i = 0; id != NULL && i < SMTPCODE_PROVIDER_COUNT_; i++)
		if (strcmp(smtpcode_providers_[i].id, id) == 0)
			return &smtpcode_providers_[i];
	return NULL;
}

static size_t provider_index(const struct smtpcode_provider *p)
{
	return (size_t)(p - smtpcode_providers_);
}

/* Whether e is one of the library's entries, compared as addresses before any arithmetic. */
static int is_entry(const struct smtpcode_provider_entry *e)
{
	size_t i;

	for (i = 0; i < sizeof smtpcode_pentries_ / sizeof smtpcode_pentries_[0]; i++)
		if (e == &smtpcode_pentries_[i])
			return 1;
	return 0;
}

static int is_provider(const struct smtpcode_provider *p)
{
	return p >= smtpcode_providers_ && p < smtpcode_providers_ + SMTPCODE_PROVIDER_COUNT_;
}

const struct smtpcode_provider_entry *smtpcode_provider_entry_at(const struct smtpcode_provider *p,
								 size_t i)
{
	size_t k;

	if (p == NULL || !is_provider(p))
		return NULL;
	k = provider_index(p);
	if (i >= (size_t)(smtpcode_provider_first_[k + 1] - smtpcode_provider_first_[k]))
		return NULL;
	return &smtpcode_pentries_[smtpcode_provider_first_[k] + i];
}

static const struct smtpcode_provider_entry *marker_entry(const char *s, size_t n)
{
	const struct smtpcode_mkey *k = n > 0 && n <= MAX_TOKEN ? smtpcode_mfind_(s, n) : NULL;

	return k != NULL ? &smtpcode_pentries_[k->entry] : NULL;
}

const struct smtpcode_provider_entry *smtpcode_marker_find(const char *token)
{
	return token != NULL ? marker_entry(token, strlen(token)) : NULL;
}

const char *smtpcode_data_verified(void)
{
	return smtpcode_data_verified_;
}

/* ---- codes -------------------------------------------------------------------------------- */

/* Whether entry e's codes or range hold a reply's codes: basic (-1 none) and the enhanced
 * code's class (-1 none, 0 any), subject and detail. */
static int codes_hold(size_t e, int basic, int cls, int subject, int detail, int *by_range)
{
	const struct pmatch_ *m = &smtpcode_pmatch_[e];
	size_t i;

	*by_range = 0;
	for (i = m->code_first; i < (size_t)m->code_first + m->code_count; i++) {
		const struct pcode_ *c = &smtpcode_pcodes_[i];
		int enh_ok = c->cls < 0 || (cls >= 0 && (cls == 0 || c->cls == cls) &&
					    c->subject == subject && c->detail == detail);

		if ((c->basic < 0 || c->basic == basic) && enh_ok && (c->basic >= 0 || c->cls >= 0))
			return 1;
	}
	if (m->range_cls != 0 && cls >= 0 && (cls == 0 || cls == m->range_cls) &&
	    subject == m->range_subject && detail >= m->range_lo && detail <= m->range_hi) {
		*by_range = 1;
		return 1;
	}
	return 0;
}

/* Whether entry e names code c: the basic code, or the enhanced code (in any class for an
 * "X." code), or a range that holds it. */
static int names_code(size_t e, const struct smtpcode_code *c)
{
	const struct pmatch_ *m = &smtpcode_pmatch_[e];
	int cls = c->reply_class;
	size_t i;

	for (i = m->code_first; i < (size_t)m->code_first + m->code_count; i++) {
		const struct pcode_ *pc = &smtpcode_pcodes_[i];

		/* a basic code's uses are the entries of the basic code alone ("421"): "550 5.7.1"
		 * is a use of 5.7.1 */
		if (c->kind == SMTPCODE_BASIC ? pc->basic == c->basic && pc->cls < 0
					      : pc->cls >= 0 && (cls == 0 || pc->cls == cls) &&
							pc->subject == c->subject && pc->detail == c->detail)
			return 1;
	}
	return c->kind == SMTPCODE_ENHANCED && m->range_cls != 0 &&
	       (cls == 0 || cls == m->range_cls) && c->subject == m->range_subject &&
	       c->detail >= m->range_lo && c->detail <= m->range_hi;
}

const struct smtpcode_provider_entry *INTERNAL(next_use)(const struct smtpcode_code *c, size_t *i)
{
	if (c->kind == SMTPCODE_ENHANCED && (c->subject < 0 || c->detail < 0))
		return NULL;
	for (; *i < SMTPCODE_PENTRY_COUNT_; ++*i)
		if (names_code(*i, c))
			return &smtpcode_pentries_[(*i)++];
	return NULL;
}

size_t smtpcode_provider_uses(const char *code, const struct smtpcode_provider_entry **out,
			      size_t max)
{
	struct smtpcode_code c;
	size_t e, n = 0;

	if (code == NULL || smtpcode_parse_code(code, &c) != SMTPCODE_OK)
		return 0;
	/* a class or subject form ("5.7") is too wide to list uses for */
	if (c.kind == SMTPCODE_ENHANCED && (c.subject < 0 || c.detail < 0))
		return 0;
	for (e = 0; e < SMTPCODE_PENTRY_COUNT_; e++) {
		if (!names_code(e, &c))
			continue;
		if (out != NULL && n < max)
			out[n] = &smtpcode_pentries_[e];
		n++;
	}
	return n;
}

/* ---- text --------------------------------------------------------------------------------- */

/* Whether needle (n bytes) occurs in text, ASCII letters in any case. */
static int contains(const char *text, size_t length, const char *needle, size_t n)
{
	size_t i, k;

	if (n == 0 || n > length)
		return n == 0;
	for (i = 0; i + n <= length; i++) {
		if (lower((unsigned char)text[i]) != lower((unsigned char)needle[0]))
			continue;
		for (k = 1; k < n && lower((unsigned char)text[i + k]) == lower((unsigned char)needle[k]); k++)
			;
		if (k == n)
			return 1;
	}
	return 0;
}

/* The provider whose signatures the text carries, in one pass: at each byte only the
 * signatures that start with it are tried. Where several providers' signatures occur (a
 * consumer reply can carry a business tail too), the one with more different signatures
 * wins, then the one seen first. Returns the row of its first signature, or -1. */
static long find_signature(const char *text, size_t length)
{
	unsigned char hits[SMTPCODE_PROVIDER_COUNT_ + 1], seen[sizeof smtpcode_psigs_ / sizeof smtpcode_psigs_[0]];
	long first[SMTPCODE_PROVIDER_COUNT_ + 1];
	size_t i, r, best = SMTPCODE_PROVIDER_COUNT_;

	memset(hits, 0, sizeof hits);
	memset(seen, 0, sizeof seen);
	for (i = 0; i <= SMTPCODE_PROVIDER_COUNT_; i++)
		first[i] = -1;
	for (i = 0; i < length; i++) {
		int c = lower((unsigned char)text[i]);

		for (r = smtpcode_psig_first_[c]; r < smtpcode_psig_first_[c + 1]; r++) {
			const struct psig_ *sg = &smtpcode_psigs_[r];
			size_t k;

			if (seen[r] || i + sg->len > length)
				continue;
			for (k = 1; k < sg->len &&
				    lower((unsigned char)text[i + k]) == lower((unsigned char)sg->s[k]);
			     k++)
				;
			if (k < sg->len)
				continue;
			seen[r] = 1;
			if (hits[sg->provider]++ == 0)
				first[sg->provider] = (long)r;
			if (best == SMTPCODE_PROVIDER_COUNT_)
				best = sg->provider;
		}
	}
	for (i = 0; i < SMTPCODE_PROVIDER_COUNT_; i++)
		if (hits[i] > hits[best]) /* hits[SMTPCODE_PROVIDER_COUNT_] is 0 */
			best = i;
	return best < SMTPCODE_PROVIDER_COUNT_ ? first[best] : -1;
}

/* Whether a byte ends what may stand before a help host */
static int after_boundary(int before)
{
	return before == '/' || before == ' ' || before == '.' || before == '(' || before == '<';
}

/* A hash of the first three bytes at p (lower case). */
static unsigned start_hash(const char *p)
{
	return ((unsigned)lower((unsigned char)p[0]) * 961u + (unsigned)lower((unsigned char)p[1]) * 31u +
		(unsigned)lower((unsigned char)p[2])) & 255u;
}

#define MAX_STARTS 128

/* Where a help host could start in a text: after a boundary, each with the hash of its
 * first three bytes; all positions count when there are more than MAX_STARTS. */
struct starts {
	size_t n;
	int all;
	size_t pos[MAX_STARTS];
	unsigned char hash[MAX_STARTS];
};

static void find_starts(const char *text, size_t length, struct starts *st)
{
	st->n = 0;
	st->all = 0;
	for (size_t i = 0; i + 3 <= length; i++)
		if (i == 0 || after_boundary((unsigned char)text[i - 1])) {
			if (st->n == MAX_STARTS) {
				st->all = 1;
				return;
			}
			st->pos[st->n] = i;
			st->hash[st->n++] = (unsigned char)start_hash(text + i);
		}
}

/* Whether host (n bytes) stands at i, as a link writes it: after a boundary, before '/', ' ',
 * '?', ')' or '>' or the end. */
static int host_at(const char *text, size_t length, size_t i, const char *host, size_t n)
{
	int before = i > 0 ? (unsigned char)text[i - 1] : ' ';
	int after = i + n < length ? (unsigned char)text[i + n] : ' ';

	return i + n <= length && after_boundary(before) &&
	       (after == '/' || after == ' ' || after == '?' || after == ')' || after == '>') &&
	       contains(text + i, n, host, n);
}

/* Whether the text links to one of p's help hosts: "://HOST/", "://HOST " or " HOST/". */
static const char *find_help_host(const char *text, size_t length, const struct smtpcode_provider *p,
				  const struct starts *st)
{
	for (size_t h = 0; h < p->help_host_count; h++) {
		const char *host = p->help_hosts[h];
		size_t n = strlen(host);

		if (st->all || n < 3) {
			for (size_t i = 0; i + n <= length; i++)
				if (host_at(text, length, i, host, n))
					return host;
			continue;
		}
		for (size_t k = 0; k < st->n; k++)
			if (st->hash[k] == start_hash(host) && host_at(text, length, st->pos[k], host, n))
				return host;
	}
	return NULL;
}

/* Whether host (n bytes) is one of the provider's servers: a suffix starting with '.' matches
 * a whole label, one without matches the host or any host below it. */
static int is_mx_of(const struct smtpcode_provider *p, const char *host, size_t n)
{
	size_t s;

	while (n > 0 && host[n - 1] == '.')
		n--;
	for (s = 0; s < p->mx_suffix_count; s++) {
		const char *suffix = p->mx_suffixes[s];
		size_t m = strlen(suffix);

		if (m > n || !contains(host + n - m, m, suffix, m))
			continue;
		if (suffix[0] == '.' || m == n || host[n - m - 1] == '.')
			return 1;
	}
	return 0;
}

static int serves_domain(const struct smtpcode_provider *p, const char *domain)
{
	size_t d, n = strlen(domain);

	for (d = 0; d < p->domain_count; d++) {
		const char *dom = p->domains[d];
		size_t m = strlen(dom);

		if (m == n && contains(domain, n, dom, m))
			return 1;
		if (dom[0] == '.' && m < n && contains(domain + n - m, m, dom, m))
			return 1;
	}
	return 0;
}

/* ---- the match ------------------------------------------------------------------------------- */

static void set_matched(struct smtpcode_provider_match *m, const char *s, size_t n)
{
	if (n >= sizeof m->matched)
		n = sizeof m->matched - 1;
	memcpy(m->matched, s, n);
	m->matched[n] = '\0';
}

static void found_provider(struct smtpcode_provider_match *m, const struct smtpcode_provider *p,
			   enum smtpcode_evidence evidence, enum smtpcode_confidence confidence,
			   const char *matched, size_t n)
{
	m->provider = p;
	m->evidence = evidence;
	m->confidence = confidence;
	set_matched(m, matched, n);
}

/* The first marker token of the text, of provider p if p is not NULL: a run of letters,
 * digits and ". _ - #" that equals a marker, as written or without a final '.' or with only
 * what follows its last '#' ("...php#BL000000"). */
static const struct smtpcode_provider_entry *find_marker(const char *text, size_t length,
							 const struct smtpcode_provider *p,
							 char *marker, size_t size)
{
	size_t i = 0;

	while (i < length) {
		size_t start, n, k;

		while (i < length && !is_token_byte((unsigned char)text[i]))
			i++;
		start = i;
		while (i < length && is_token_byte((unsigned char)text[i]))
			i++;
		n = i - start;
		for (k = 0; k < 3 && n > 0; k++) {
			const char *s = text + start;
			size_t len = n;
			const struct smtpcode_provider_entry *e;

			if (k == 1) {
				while (len > 0 && s[len - 1] == '.')
					len--;
			} else if (k == 2) {
				const char *hash = memchr(s, '#', len);

				if (hash == NULL)
					break;
				len -= (size_t)(hash + 1 - s);
				s = hash + 1;
			}
			e = marker_entry(s, len);
			if (e != NULL && (p == NULL || e->provider == p)) {
				if (len >= size)
					len = size - 1;
				memcpy(marker, s, len);
				marker[len] = '\0';
				return e;
			}
		}
	}
	return NULL;
}

/* The entry of p that explains the reply, most specific kind first, the first of a kind in
 * the file. */
static const struct smtpcode_provider_entry *pick_entry(const char *text, size_t length,
							const struct smtpcode_reply *r,
							const struct smtpcode_provider *p,
							enum smtpcode_match *match)
{
	size_t k = provider_index(p), e, first = smtpcode_provider_first_[k];
	size_t last = smtpcode_provider_first_[k + 1];
	const struct smtpcode_provider_entry *best = NULL;
	enum smtpcode_match kind = SMTPCODE_MATCH_NONE;
	int cls = -1, subject = -1, detail = -1;

	if (r->enhanced[0] != '\0') {
		cls = r->enhanced_code.reply_class;
		subject = r->enhanced_code.subject;
		detail = r->enhanced_code.detail;
	}
	if (r->basic < 0 && cls < 0)
		return NULL;
	for (e = first; e < last; e++) {
		const struct smtpcode_provider_entry *pe = &smtpcode_pentries_[e];
		enum smtpcode_match this = SMTPCODE_MATCH_NONE;
		int by_range;
		size_t t;

		if (!codes_hold(e, r->basic, cls, subject, detail, &by_range))
			continue;
		if (pe->text_count > 0) {
			for (t = 0; t < pe->text_count; t++)
				if (contains(text, length, pe->texts[t], strlen(pe->texts[t])))
					break;
			if (t == pe->text_count)
				continue;
			this = SMTPCODE_MATCH_CODES_TEXT;
		} else {
			this = by_range ? SMTPCODE_MATCH_RANGE : SMTPCODE_MATCH_CODES;
		}
		if (best == NULL || this < kind) {
			best = pe;
			kind = this;
		}
	}
	*match = kind;
	return best;
}

/* Last, a detail no registry defines that a provider uses as its own ("550 5.7.515 ...
 * required authentication level"): the first provider with a codes and text entry for it,
 * else the first with an entry that names the detail itself (not a range, not a basic code
 * alone). Registered details are
 * left out: many servers word "550 5.1.1 User unknown" alike. */
static void own_detail(const char *text, size_t length, const struct smtpcode_reply *r,
		       struct smtpcode_provider_match *m)
{
	const struct smtpcode_provider *by_codes = NULL;
	int cls = r->enhanced_code.reply_class, by_range;
	size_t i, e, t;

	for (i = 0; i < SMTPCODE_PROVIDER_COUNT_; i++)
		for (e = smtpcode_provider_first_[i]; e < smtpcode_provider_first_[i + 1]; e++) {
			const struct smtpcode_provider_entry *pe = &smtpcode_pentries_[e];

			/* only an entry that names this very detail, with the reply's basic code */
			if (!names_code(e, &r->enhanced_code) ||
			    !codes_hold(e, r->basic, cls, r->enhanced_code.subject,
					r->enhanced_code.detail, &by_range) ||
			    by_range)
				continue;
			for (t = 0; t < pe->text_count; t++)
				if (contains(text, length, pe->texts[t], strlen(pe->texts[t]))) {
					found_provider(m, &smtpcode_providers_[i],
						       SMTPCODE_EVIDENCE_SIGNATURE,
						       SMTPCODE_CONFIDENCE_MEDIUM, pe->texts[t],
						       strlen(pe->texts[t]));
					return;
				}
			if (pe->text_count == 0 && by_codes == NULL)
				by_codes = &smtpcode_providers_[i];
		}
	if (by_codes != NULL)
		found_provider(m, by_codes, SMTPCODE_EVIDENCE_SIGNATURE, SMTPCODE_CONFIDENCE_LOW,
			       r->enhanced, strlen(r->enhanced));
}

int smtpcode_match_provider(const char *text, size_t length, const struct smtpcode_reply *r,
			    const struct smtpcode_hints *hints, struct smtpcode_provider_match *out)
{
	struct smtpcode_provider_match m;
	const struct smtpcode_provider_entry *marked = NULL;
	const char *hint_provider = NULL, *hint_host = NULL, *hint_rcpt = NULL;
	char marker[sizeof m.marker] = "";
	struct starts starts;
	size_t i;
	int rc = check_size(out, SIZE_TO(struct smtpcode_provider_match, marker));

	if (rc != SMTPCODE_OK)
		return rc;
	if (text == NULL || r == NULL)
		return SMTPCODE_ENULL;
	if (hints != NULL && hints->size >= SIZE_TO(struct smtpcode_hints, recipient_domain)) {
		hint_provider = hints->provider;
		hint_host = hints->remote_host;
		hint_rcpt = hints->recipient_domain;
	} else if (hints != NULL) {
		return SMTPCODE_ESIZE;
	}
	memset(&m, 0, sizeof m);
	m.size = sizeof m;
	if (hint_provider != NULL) {
		const struct smtpcode_provider *p = smtpcode_provider_find(hint_provider);

		if (p == NULL)
			return SMTPCODE_ESYNTAX;
		found_provider(&m, p, SMTPCODE_EVIDENCE_HINT_PROVIDER, SMTPCODE_CONFIDENCE_HIGH,
			       p->id, strlen(p->id));
	}
	/* a marker names its provider and its entry at once */
	marked = find_marker(text, length, m.provider, marker, sizeof marker);
	if (marked != NULL && m.provider == NULL)
		found_provider(&m, marked->provider, SMTPCODE_EVIDENCE_SIGNATURE,
			       SMTPCODE_CONFIDENCE_HIGH, marker, strlen(marker));
	if (m.provider == NULL) {
		long sg = find_signature(text, length);

		if (sg >= 0)
			found_provider(&m, &smtpcode_providers_[smtpcode_psigs_[sg].provider],
				       SMTPCODE_EVIDENCE_SIGNATURE, SMTPCODE_CONFIDENCE_HIGH,
				       smtpcode_psigs_[sg].s, smtpcode_psigs_[sg].len);
	}
	if (m.provider == NULL)
		find_starts(text, length, &starts);
	for (i = 0; m.provider == NULL && i < SMTPCODE_PROVIDER_COUNT_; i++) {
		const char *host = find_help_host(text, length, &smtpcode_providers_[i], &starts);

		if (host != NULL)
			found_provider(&m, &smtpcode_providers_[i], SMTPCODE_EVIDENCE_HELP_URL,
				       SMTPCODE_CONFIDENCE_HIGH, host, strlen(host));
	}
	if (r->size >= SIZE_TO(struct smtpcode_reply, remote_ip_length) && r->remote_host_length > 0 &&
	    r->remote_host_offset + r->remote_host_length <= length) {
		for (i = 0; m.provider == NULL && i < SMTPCODE_PROVIDER_COUNT_; i++)
			if (is_mx_of(&smtpcode_providers_[i], text + r->remote_host_offset,
				     r->remote_host_length))
				found_provider(&m, &smtpcode_providers_[i], SMTPCODE_EVIDENCE_REMOTE_HOST,
					       SMTPCODE_CONFIDENCE_HIGH, text + r->remote_host_offset,
					       r->remote_host_length);
	}
	for (i = 0; m.provider == NULL && hint_host != NULL && i < SMTPCODE_PROVIDER_COUNT_; i++)
		if (is_mx_of(&smtpcode_providers_[i], hint_host, strlen(hint_host)))
			found_provider(&m, &smtpcode_providers_[i], SMTPCODE_EVIDENCE_HINT_HOST,
				       SMTPCODE_CONFIDENCE_MEDIUM, hint_host, strlen(hint_host));
	for (i = 0; m.provider == NULL && hint_rcpt != NULL && i < SMTPCODE_PROVIDER_COUNT_; i++)
		if (serves_domain(&smtpcode_providers_[i], hint_rcpt))
			found_provider(&m, &smtpcode_providers_[i], SMTPCODE_EVIDENCE_HINT_RCPT,
				       SMTPCODE_CONFIDENCE_LOW, hint_rcpt, strlen(hint_rcpt));
	if (m.provider == NULL && r->enhanced[0] != '\0' && smtpcode_lookup(r->enhanced) == NULL)
		own_detail(text, length, r, &m);
	if (m.provider != NULL) {
		if (marked != NULL && marked->provider == m.provider) {
			m.entry = marked;
			m.match = SMTPCODE_MATCH_MARKER;
			memcpy(m.marker, marker, sizeof m.marker);
		} else {
			m.entry = pick_entry(text, length, r, m.provider, &m.match);
		}
	}
	copy_out(out, &m, sizeof m);
	return m.entry != NULL ? SMTPCODE_OK : SMTPCODE_ENOTFOUND;
}

unsigned smtpcode_reply_warnings(const struct smtpcode_reply *reply,
				 const struct smtpcode_provider_match *match)
{
	unsigned w;
	size_t e, i;

	if (reply == NULL || reply->size < SIZE_TO(struct smtpcode_reply, warnings))
		return 0;
	w = reply->warnings;
	if (match == NULL || match->size < SIZE_TO(struct smtpcode_provider_match, match) ||
	    match->entry == NULL || reply->enhanced[0] == '\0')
		return w;
	if (!is_entry(match->entry))
		return w;
	e = (size_t)(match->entry - smtpcode_pentries_);
	/* the provider's own entry for these very codes: the pair is its everyday one */
	for (i = smtpcode_pmatch_[e].code_first;
	     i < (size_t)smtpcode_pmatch_[e].code_first + smtpcode_pmatch_[e].code_count; i++) {
		const struct pcode_ *c = &smtpcode_pcodes_[i];

		if ((c->basic < 0 || c->basic == reply->basic) && c->cls >= 0 &&
		    (c->cls == 0 || c->cls == reply->enhanced_code.reply_class) &&
		    c->subject == reply->enhanced_code.subject && c->detail == reply->enhanced_code.detail)
			return w & ~(unsigned)SMTPCODE_WARN_NOT_ASSOCIATED;
	}
	return w;
}

/* The one-line explanation of a reply that a provider entry explains: "Gmail / Google
 * Workspace: SPF check failed (421 4.7.27): summary". */
void INTERNAL(explain_provider_line)(struct sink *s, const struct smtpcode_provider_match *m,
				     const char *codes)
{
	INTERNAL(put)(s, m->provider->name);
	INTERNAL(put)(s, ": ");
	INTERNAL(put)(s, m->entry->title);
	INTERNAL(put)(s, " (");
	INTERNAL(put)(s, codes);
	INTERNAL(put)(s, "): ");
	INTERNAL(put)(s, m->entry->summary);
}
