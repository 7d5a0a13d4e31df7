/* filter.c -- list filters and word search over the table. */
#include "internal.h"

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Case-insensitive substring test; needle is not empty. */
static int contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle), i;

	for (; *hay != '\0'; hay++) {
		for (i = 0; i < n && hay[i] != '\0' && lower(hay[i]) == lower(needle[i]); i++)
			;
		if (i == n)
			return 1;
	}
	return 0;
}

/* Reads a filter into f (the library's full-size copy); SMTPCODE_OK or SMTPCODE_ESYNTAX. */
static int parse(const char *text, struct smtpcode_filter *f)
{
	char s[16];
	size_t n, i;

	f->all = text == NULL || *text == '\0';
	f->kind = 0;
	f->reply_class = 0;
	f->category = -1;
	f->subject = -1;
	f->shown_class = '\0';
	if (f->all)
		return SMTPCODE_OK;
	for (n = 0; text[n] != '\0'; n++) {
		if (n + 1 >= sizeof s)
			return SMTPCODE_ESYNTAX;
		s[n] = lower(text[n]);
	}
	s[n] = '\0';
	if (strcmp(s, "basic") == 0 || strcmp(s, "enhanced") == 0) {
		f->kind = s[0] == 'b' ? SMTPCODE_BASIC : SMTPCODE_ENHANCED;
		return SMTPCODE_OK;
	}
	/* "5xx", "55x": basic codes by their leading digits */
	if (n == 3 && s[0] >= '2' && s[0] <= '5' && s[2] == 'x' && (s[1] == 'x' || is_digit(s[1]))) {
		f->kind = SMTPCODE_BASIC;
		f->reply_class = s[0] - '0';
		f->category = s[1] == 'x' ? -1 : s[1] - '0';
		return SMTPCODE_OK;
	}
	/* "5.7", "x.7", "5.x": enhanced codes by class and subject */
	if (n < 3 || s[1] != '.' || (s[0] != 'x' && s[0] != '2' && s[0] != '4' && s[0] != '5'))
		return SMTPCODE_ESYNTAX;
	if (strcmp(s + 2, "x") != 0) {
		for (i = 2, f->subject = 0; i < n; i++) {
			if (!is_digit(s[i]) || i > 4)
				return SMTPCODE_ESYNTAX;
			f->subject = f->subject * 10 + (s[i] - '0');
		}
	}
	f->kind = SMTPCODE_ENHANCED;
	if (s[0] != 'x') {
		f->reply_class = s[0] - '0';
		f->shown_class = s[0];
	}
	return SMTPCODE_OK;
}

int smtpcode_filter_parse(const char *text, struct smtpcode_filter *out)
{
	struct smtpcode_filter f;
	int rc = check_size(out, SIZE_TO(struct smtpcode_filter, shown_class));

	if (rc != SMTPCODE_OK)
		return rc;
	memset(&f, 0, sizeof f);
	f.size = sizeof f;
	if ((rc = parse(text, &f)) == SMTPCODE_OK)
		copy_out(out, &f, sizeof f);
	return rc;
}

int smtpcode_filter_matches(const struct smtpcode_filter *f, const struct smtpcode_entry *e)
{
	if (f == NULL || e == NULL)
		return 0;
	if (f->all)
		return 1;
	if (f->kind != 0 && (int)e->kind != f->kind)
		return 0;
	if (e->kind == SMTPCODE_BASIC)
		return (f->reply_class == 0 || e->reply_class == f->reply_class) &&
		       (f->category < 0 || e->code[1] - '0' == f->category);
	if (f->reply_class != 0 && e->reply_class != 0 && e->reply_class != f->reply_class)
		return 0;
	if (f->reply_class != 0 && e->reply_class == 0 && e->subject < 0)
		return 0; /* "X.XXX.XXX" does not exist; subject entries have a subject */
	return f->subject < 0 || e->subject == f->subject;
}

int smtpcode_filter_match(const struct smtpcode_entry *e, const char *text)
{
	struct smtpcode_filter f = { .size = sizeof f };
	int rc = smtpcode_filter_parse(text, &f);

	if (rc != SMTPCODE_OK)
		return rc;
	if (e == NULL)
		return SMTPCODE_ENULL;
	return smtpcode_filter_matches(&f, e);
}

/* 2 when every word is in the title, 1 when every word is somewhere, else 0. */
static int score(const struct smtpcode_entry *e, const char *const *words, size_t nwords)
{
	size_t i;
	int in_title = 1;

	for (i = 0; i < nwords; i++) {
		if (words[i] == NULL || words[i][0] == '\0')
			continue;
		if (contains(e->title, words[i]))
			continue;
		in_title = 0;
		if (!contains(e->description, words[i]) && !contains(e->when_seen, words[i]) &&
		    !contains(e->how_to_fix, words[i]))
			return 0;
	}
	return in_title ? 2 : 1;
}

size_t smtpcode_search(const char *const *words, size_t nwords,
		       const struct smtpcode_entry **out, size_t max)
{
	size_t found = 0, n = smtpcode_entry_count(), i;
	int pass;

	if (words == NULL)
		return 0;
	for (i = 0; i < nwords && (words[i] == NULL || words[i][0] == '\0'); i++)
		;
	if (i == nwords) /* no word to look for */
		return 0;
	/* two passes keep the order stable without sorting: title matches, then the rest */
	for (pass = 2; pass >= 1; pass--) {
		for (i = 0; i < n; i++) {
			const struct smtpcode_entry *e = smtpcode_entry_at(i);

			if (score(e, words, nwords) != pass)
				continue;
			if (out != NULL && found < max)
				out[found] = e;
			found++;
		}
	}
	return found;
}
