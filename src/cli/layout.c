/* layout.c -- text layout for the terminal: wrapping to a width, the label column. */
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "layout.h"

#define MIN_WIDTH 40
#define MAX_WIDTH 1000

void put_spaces(FILE *fp, int n)
{
	while (n-- > 0)
		fputc(' ', fp);
}

size_t wrap_next(const char **text, size_t width, const char **line, size_t *columns)
{
	const char *p = *text, *end, *stop;
	size_t used = 0; /* columns of [p, stop) */

	while (*p == ' ')
		p++;
	*columns = 0;
	if (*p == '\0' || width == 0) {
		*text = p;
		return 0;
	}
	*line = p;
	stop = p; /* end of the last word that fits */
	for (end = p; *end != '\0'; ) {
		const char *word_end = end + strcspn(end, " ");
		size_t cols = used + (size_t)(end - stop) + /* the spaces before the word */
			      smtpcode_text_columns(end, (size_t)(word_end - end));

		if (cols > width)
			break;
		stop = word_end;
		used = cols;
		end = word_end;
		while (*end == ' ')
			end++;
	}
	if (stop == p) /* a word longer than the line: cut it between characters */
		stop = p + smtpcode_text_fit(p, strcspn(p, " "), width, &used);
	*text = stop;
	*columns = used;
	return (size_t)(stop - p);
}

void out_wrapped(FILE *fp, const char *text, int indent, int width)
{
	int room = width - indent;
	const char *line;
	size_t n, lines = 0, columns;

	if (room < MIN_ROOM) /* the further lines: at least MIN_ROOM columns, within the width */
		indent = width - MIN_ROOM > 0 ? width - MIN_ROOM : 0;
	while ((n = wrap_next(&text, (size_t)(room > 1 ? room : 1), &line, &columns)) > 0) {
		if (lines++ > 0) {
			fputc('\n', fp);
			put_spaces(fp, indent);
		}
		fwrite(line, 1, n, fp);
		room = width - indent;
	}
	fputc('\n', fp);
}

void put_field(FILE *fp, enum smtpcode_label label, const char *text, int width)
{
	fprintf(fp, "  %-*s", LABEL_WIDTH - 2, smtpcode_label(label));
	out_wrapped(fp, text, LABEL_WIDTH, width);
}

int terminal_width(FILE *out)
{
	const char *columns = getenv("COLUMNS");
	struct winsize ws;
	long v = 0;

	if (columns != NULL && *columns != '\0') {
		char *end;

		v = strtol(columns, &end, 10);
		if (*end != '\0' || v <= 0)
			v = 0;
	}
	if (v == 0 && ioctl(fileno(out), TIOCGWINSZ, &ws) == 0)
		v = ws.ws_col;
	if (v == 0)
		return 80;
	return v < MIN_WIDTH ? MIN_WIDTH : v > MAX_WIDTH ? MAX_WIDTH : (int)v;
}
