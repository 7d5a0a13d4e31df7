/* fuzz_cli.c -- libFuzzer target: the smtpcode command with any arguments. The input is the
 * argument list, the arguments separated by NUL bytes; output goes to /dev/null. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define MAX_ARGS 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *sink;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[MAX_ARGS + 2], *owned[MAX_ARGS + 1];
	int argc = 0, status, i;
	size_t pos = 0;

	if (sink == NULL) {
		sink = fopen("/dev/null", "w");
		/* "--explain -" reads standard input: give it an empty one, never the terminal */
		if (sink == NULL || freopen("/dev/null", "r", stdin) == NULL)
			abort();
	}
	argv[argc++] = (char *)"smtpcode";
	while (size > 0 && pos <= size && argc <= MAX_ARGS) { /* empty input: no argument */
		const uint8_t *nul = memchr(data + pos, '\0', size - pos);
		size_t n = nul ? (size_t)(nul - (data + pos)) : size - pos;
		char *arg = malloc(n + 1); /* exact size: ASan sees any read past the end */

		if (arg == NULL)
			abort();
		memcpy(arg, data + pos, n);
		arg[n] = '\0';
		owned[argc - 1] = arg;
		argv[argc++] = arg;
		pos += n + 1;
	}
	argv[argc] = NULL;
	status = smtpcode_cli(argc, argv, sink, sink);
	if (status < 0 || status > SMTPCODE_EXIT_IO)
		abort();
	clearerr(sink);
	for (i = 0; i < argc - 1; i++)
		free(owned[i]);
	return 0;
}
