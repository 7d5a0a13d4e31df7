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

size_t wrap_next(const char **text, size_t width, const char **line)
{
	const char *p = *text, *end, *stop;

	while (*p == ' ')
		p++;
	if (*p == '\0' || width == 0) {
		*text = p;
		return 0;
	}
	*line = p;
	stop = p; /* end of the last word that fits */
	for (end = p; *end != '\0' && (size_t)(end - p) <= width; ) {
		const char *word_end = end + strcspn(end, " ");

		if ((size_t)(word_end - p) > width)
			break;
		stop = word_end;
		end = word_end;
		while (*end == ' ')
			end++;
	}
	if (stop == p) /* a word longer than the line: cut it */
		stop = p + width;
	*text = stop;
	return (size_t)(stop - p);
}

void out_wrapped(FILE *fp, const char *text, int indent, int width)
{
	int room = width - indent;
	const char *line;
	size_t n, lines = 0;

	if (room < 10)
		room = 10;
	while ((n = wrap_next(&text, (size_t)room, &line)) > 0) {
		if (lines++ > 0) {
			fputc('\n', fp);
			put_spaces(fp, indent);
		}
		fwrite(line, 1, n, fp);
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

	if (columns != NULL && *columns != '\0') {
		char *end;
		long v = strtol(columns, &end, 10);

		if (*end == '\0' && v > 0)
			return v < MIN_WIDTH ? MIN_WIDTH : v > MAX_WIDTH ? MAX_WIDTH : (int)v;
	}
	if (ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_col >= MIN_WIDTH)
		return ws.ws_col > MAX_WIDTH ? MAX_WIDTH : ws.ws_col;
	return 80;
}
