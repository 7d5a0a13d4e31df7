/* cli.h -- the smtpcode command as a function, so tests can run it with their own streams. */
#ifndef SMTPCODE_CLI_H
#define SMTPCODE_CLI_H

#include <stdio.h>

/* Exit statuses of the command (see smtpcode(1)). */
enum {
	SMTPCODE_EXIT_FOUND = 0,   /* every code was found */
	SMTPCODE_EXIT_UNKNOWN = 1, /* a well-formed code is unknown, or nothing was found */
	SMTPCODE_EXIT_USAGE = 2,   /* bad usage or malformed input */
	SMTPCODE_EXIT_IO = 3       /* the output could not be written */
};

/* Runs the command with argv (argv[0] is the program name), writing to out and err; returns
 * the exit status. Reads no environment variable but COLUMNS, NO_COLOR and TERM. */
int smtpcode_cli(int argc, char **argv, FILE *out, FILE *err);

#endif
