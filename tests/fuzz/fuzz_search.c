/* fuzz_search.c -- libFuzzer target: smtpcode_search with any words (the input split on NUL
 * bytes) and any room for results; what it finds is listed once, its titles are text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "smtpcode.h"
#include "oracle.h"

#define MAX_WORDS 4

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *words[MAX_WORDS];
	const struct smtpcode_entry *found[9];
	size_t nwords = 0, pos = 1, max, total, i, j;

	if (size == 0)
		return 0;
	max = data[0] % 9; /* the first byte: how many results there is room for */
	while (pos <= size && nwords < MAX_WORDS) {
		const uint8_t *nul = memchr(data + pos, '\0', size - pos);
		size_t n = nul ? (size_t)(nul - (data + pos)) : size - pos;

		words[nwords] = malloc(n + 1); /* exact size: ASan sees any read past the end */
		if (words[nwords] == NULL)
			abort();
		memcpy(words[nwords], data + pos, n);
		words[nwords++][n] = '\0';
		pos += n + 1;
	}
	memset(found, 0, sizeof found);
	total = smtpcode_search((const char *const *)words, nwords, found, max);
	if (total > smtpcode_entry_count())
		abort();
	for (i = 0; i < max && i < total; i++) {
		if (found[i] == NULL)
			abort();
		oracle_text("a found entry's title", found[i]->title, strlen(found[i]->title), 0);
		for (j = 0; j < i; j++)
			if (found[j] == found[i])
				abort(); /* an entry listed twice */
	}
	for (; i < sizeof found / sizeof found[0]; i++)
		if (found[i] != NULL)
			abort(); /* written past max or past the matches */
	for (i = 0; i < nwords; i++)
		free(words[i]);
	return 0;
}
