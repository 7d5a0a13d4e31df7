/* scan.h -- smtpcode --scan: mail logs read and reported. */
#ifndef SMTPCODE_CLI_SCAN_H
#define SMTPCODE_CLI_SCAN_H

#include <stdio.h>

#include "options.h"

/* Scans the files (standard input for none, or "-") as o says; writes the report (or --each's
 * lines) to out, messages to err. Returns the exit status: 0, 1 when no line held a reply,
 * 2 for a usage error or a file that could not be read (whole). */
int run_scan(const struct options *o, char **files, int nfiles, FILE *out, FILE *err);

#endif
