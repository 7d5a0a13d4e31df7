/* color.c -- colour by class, on a terminal that wants it. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "layout.h"

int want_color(enum color c, FILE *out)
{
	const char *term = getenv("TERM");
	const char *no_color = getenv("NO_COLOR");

	if (c != COLOR_AUTO)
		return c == COLOR_ALWAYS;
	if (no_color != NULL && *no_color != '\0')
		return 0;
	return isatty(fileno(out)) && term != NULL && strcmp(term, "dumb") != 0;
}

void put_colored(FILE *out, const char *text, int cls, int color)
{
	static const char *const by_class[] = { "\033[32m", "\033[36m", "\033[33m", "\033[31m" };

	if (!color) {
		fputs(text, out);
		return;
	}
	fputs(cls >= 2 && cls <= 5 ? by_class[cls - 2] : "\033[1m", out);
	fputs(text, out);
	fputs("\033[0m", out);
}
