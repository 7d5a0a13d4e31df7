/* search.c -- list filters and word search over the table. */
#include <string.h>

#include "smtpcode.h"
#include "util.h"

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

int smtpcode_filter_match(const struct smtpcode_entry *e, const char *filter)
{
	char f[16];
	size_t n, i;

	if (filter == NULL || *filter == '\0')
		return 1;
	for (n = 0; filter[n] != '\0'; n++) {
		if (n + 1 >= sizeof f)
			return SMTPCODE_ESYNTAX;
		f[n] = lower(filter[n]);
	}
	f[n] = '\0';
	if (strcmp(f, "basic") == 0)
		return e->kind == SMTPCODE_BASIC;
	if (strcmp(f, "enhanced") == 0)
		return e->kind == SMTPCODE_ENHANCED;
	/* "5xx", "55x": basic codes by their leading digits */
	if (n == 3 && f[0] >= '2' && f[0] <= '5' && f[2] == 'x' && (f[1] == 'x' || is_digit(f[1])))
		return e->kind == SMTPCODE_BASIC && e->code[0] == f[0] &&
		       (f[1] == 'x' || e->code[1] == f[1]);
	/* "5.7", "x.7", "5.x": enhanced codes by class and subject */
	if (n >= 3 && f[1] == '.' && (f[0] == 'x' || f[0] == '2' || f[0] == '4' || f[0] == '5')) {
		int subject = -1;

		if (strcmp(f + 2, "x") != 0) {
			for (i = 2, subject = 0; i < n; i++) {
				if (!is_digit(f[i]) || i > 4)
					return SMTPCODE_ESYNTAX;
				subject = subject * 10 + (f[i] - '0');
			}
		}
		if (e->kind != SMTPCODE_ENHANCED)
			return 0;
		if (f[0] != 'x' && e->reply_class != 0 && e->reply_class != f[0] - '0')
			return 0;
		if (f[0] != 'x' && e->reply_class == 0 && e->subject < 0)
			return 0; /* "X.XXX.XXX" does not exist; subject entries have a subject */
		return subject < 0 || e->subject == subject;
	}
	return SMTPCODE_ESYNTAX;
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
