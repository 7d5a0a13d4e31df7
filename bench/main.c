/* main.c -- `make bench`: runs every benchmark and prints one table of ratios.
 * usage: smtpcode-bench CLI TRIVIAL [FILE...]   (FILEs are measured with size) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "smtpcode.h"
#include "bench.h"

#ifndef BENCH_DIR
#define BENCH_DIR "build/bench" /* where the generated log is kept */
#endif

#ifndef BENCH_GENCODES
#define BENCH_GENCODES "build/gencodes"
#endif

#ifndef __VERSION__
#define __VERSION__ "unknown"
#endif

static void print_machine(void)
{
	char line[256], model[200] = "unknown";
	struct utsname u;
	FILE *f = fopen("/proc/cpuinfo", "r");

	while (f != NULL && fgets(line, sizeof line, f) != NULL) {
		char *colon = strchr(line, ':');

		if (strncmp(line, "model name", 10) == 0 && colon != NULL) {
			snprintf(model, sizeof model, "%s", colon + 2);
			model[strcspn(model, "\n")] = '\0';
			break;
		}
	}
	if (f != NULL)
		fclose(f);
	printf("smtpcode %s benchmark -- ratios within one run; absolute times are this machine's\n",
	       smtpcode_version());
	printf("machine: %ld CPUs online, %s", sysconf(_SC_NPROCESSORS_ONLN), model);
	if (uname(&u) == 0)
		printf(", %s %s %s", u.sysname, u.release, u.machine);
	printf("\ncompiler: %s; medians of %d interleaved rounds\n", __VERSION__, BENCH_ROUNDS);
}

static int want(const char *section)
{
	const char *only = getenv("SMTPCODE_BENCH_ONLY");

	return only == NULL || only[0] == '\0' || strcmp(only, section) == 0;
}

int main(int argc, char **argv)
{
	int failed = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: smtpcode-bench CLI TRIVIAL [FILE...]\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	print_machine();
	/* SMTPCODE_BENCH_ONLY=NAME runs one section (lookup reply linear scan scan-more startup
	 * size gencodes) */
	if (want("lookup"))
		failed |= bench_lookup();
	if (want("reply"))
		failed |= bench_reply();
	if (want("linear"))
		failed |= bench_linear();
	if (want("scan"))
		failed |= bench_scan(BENCH_DIR, argv[1]);
	if (want("scan") || want("scan-more"))
		failed |= bench_scan_more(BENCH_DIR, argv[1]);
	if (want("startup"))
		failed |= bench_startup(argv[1], argv[2]);
	if (want("gencodes"))
		failed |= bench_gencodes(BENCH_DIR, BENCH_GENCODES);
	if (want("size"))
		failed |= bench_size(argv + 3, (size_t)(argc - 3));
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("smtpcode-bench: stdout");
		return 1;
	}
	return failed != 0;
}
