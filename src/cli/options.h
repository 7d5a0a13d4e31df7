/* options.h -- the command line: options, operands, usage and error messages. */
#ifndef SMTPCODE_CLI_OPTIONS_H
#define SMTPCODE_CLI_OPTIONS_H

#include <stdio.h>

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

enum format { FORMAT_TEXT, FORMAT_JSON, FORMAT_MARKDOWN, FORMAT_HTML };
enum mode { MODE_CODES, MODE_LIST, MODE_SEARCH, MODE_EXPLAIN, MODE_SCAN };

struct options {
	enum mode mode;
	enum format format;
	int brief;
	int color; /* resolved: 1 to colour the output */
	int width;
	int nargs; /* the operands (codes, filter or words): argv[1] .. argv[nargs] */
	int explains; /* how many times --explain was given: 2 compares two texts */
	/* --provider, --host, --rcpt: who sent the reply, as the user knows it */
	const char *provider, *host, *rcpt;
	/* --scan: --each, and the filters as given (checked by the scan) */
	int each;
	int jobs; /* --jobs N: files read at once, 1 when not given */
	const char *since, *until, *reply_class, *code, *domain;
};

/* Parses argv into o, gathering the operands at argv[1..]: returns -1 to go on, or the exit
 * status to end with (help, version, a usage error already reported on err). */
int parse_options(int argc, char **argv, struct options *o, FILE *out, FILE *err);

/* "smtpcode: " and the message on err; returns status. */
int fail(FILE *err, int status, const char *fmt, ...) PRINTF_LIKE(3, 4);

/* "smtpcode: WHAT 'ARG'; see 'smtpcode --help'"; returns the usage exit status. */
int usage_error(FILE *err, const char *what, const char *arg);

/* Writes at most 40 bytes of untrusted input, printable ASCII as is, other bytes as \xNN. */
void put_quoted(FILE *fp, const char *s);

#endif
