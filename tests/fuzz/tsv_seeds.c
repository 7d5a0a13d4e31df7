/* tsv_seeds.c -- writes the text of every row of the case tables in DIR as a seed file of the
 * reply fuzzer: usage: tsv-seeds DIR OUT_DIR. Prints how many it wrote. */
#include <stdio.h>

#include "tsv.h"

#define MAX_FILES 64

int main(int argc, char **argv)
{
	static char names[MAX_FILES][512];
	int nfiles, f;
	size_t written = 0, i;

	if (argc != 3) {
		fprintf(stderr, "usage: tsv-seeds DIR OUT_DIR\n");
		return 2;
	}
	if ((nfiles = tsv_list(argv[1], names, MAX_FILES)) <= 0) {
		fprintf(stderr, "tsv-seeds: no tables in %s\n", argv[1]);
		return 1;
	}
	for (f = 0; f < nfiles; f++) {
		struct tsv t;

		if (tsv_load(names[f], &t) != 0)
			return 1;
		for (i = 0; i < t.nrows; i++) {
			const struct tsv_field *text = tsv_get(&t, i, tsv_column(&t, "text"));
			char path[1024];
			FILE *fp;

			snprintf(path, sizeof path, "%s/tsv-%d-%zu", argv[2], f, i);
			if ((fp = fopen(path, "wb")) == NULL || fwrite(text->s, 1, text->len, fp) !=
			    text->len || fclose(fp) != 0) {
				fprintf(stderr, "tsv-seeds: cannot write %s\n", path);
				return 1;
			}
			written++;
		}
		tsv_free(&t);
	}
	printf("tsv-seeds: %zu seeds from %d tables\n", written, nfiles);
	return 0;
}
