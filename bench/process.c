/* process.c -- CLI start-up time and peak RSS against a trivial program, and binary sizes. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

#define RUNS 200 /* of each program, alternating */

int bench_run(const char *path, char *const argv[], int out_fd)
{
	pid_t pid = fork();
	int status;

	if (pid < 0)
		return -1;
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);

		if (null >= 0) {
			dup2(null, STDIN_FILENO);
			dup2(out_fd >= 0 ? out_fd : null, STDOUT_FILENO);
			dup2(null, STDERR_FILENO);
		}
		execvp(path, argv);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Peak RSS in KiB of one run: a helper process runs it, so RUSAGE_CHILDREN sees only it. */
static long peak_rss_kib(const char *path, char *const argv[])
{
	int fd[2];
	long kib = -1;
	pid_t pid;

	if (pipe(fd) != 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		struct rusage ru;
		long v = -1;

		close(fd[0]);
		if (bench_run(path, argv, -1) == 0 && getrusage(RUSAGE_CHILDREN, &ru) == 0)
			v = ru.ru_maxrss; /* KiB on Linux */
		if (write(fd[1], &v, sizeof v) != (ssize_t)sizeof v)
			_exit(1);
		_exit(0);
	}
	close(fd[1]);
	if (pid > 0) {
		if (read(fd[0], &kib, sizeof kib) != (ssize_t)sizeof kib)
			kib = -1;
		waitpid(pid, NULL, 0);
	}
	close(fd[0]);
	return kib;
}

static double run_timed(const char *path, char *const argv[], int *status)
{
	uint64_t t0 = bench_now_ns();

	*status = bench_run(path, argv, -1);
	return (double)(bench_now_ns() - t0);
}

int bench_startup(const char *cli, const char *hello)
{
	char *cli_argv[] = { (char *)(uintptr_t)cli, (char *)(uintptr_t)"535", NULL };
	char *hello_argv[] = { (char *)(uintptr_t)hello, NULL };
	static double t_cli[RUNS], t_hello[RUNS], ratio[RUNS];
	char value[48], cell[48], target[48], name[64];
	double x, m_cli, m_hello;
	int i, status = 0, bad = 0;
	long rss_cli, rss_hello;

	for (i = 0; i < RUNS; i++) {
		/* alternate which goes first, so drift hits both alike */
		if (i % 2 == 0) {
			t_cli[i] = run_timed(cli, cli_argv, &status);
			bad |= status;
			t_hello[i] = run_timed(hello, hello_argv, &status);
		} else {
			t_hello[i] = run_timed(hello, hello_argv, &status);
			bad |= status;
			t_cli[i] = run_timed(cli, cli_argv, &status);
		}
		bad |= status;
		ratio[i] = t_cli[i] / t_hello[i];
	}
	if (bad != 0) {
		fprintf(stderr, "smtpcode-bench: %s 535 or %s did not exit 0\n", cli, hello);
		return -1;
	}
	x = bench_median(ratio, RUNS);
	m_cli = bench_median(t_cli, RUNS);
	m_hello = bench_median(t_hello, RUNS);
	rss_cli = peak_rss_kib(cli, cli_argv);
	rss_hello = peak_rss_kib(hello, hello_argv);

	bench_section("start-up: fork, exec and wait, output to /dev/null, 200 alternating runs "
		      "each");
	snprintf(name, sizeof name, "%s 535", cli);
	snprintf(value, sizeof value, "%.0f us", m_cli / 1000);
	snprintf(cell, sizeof cell, "%.2fx the trivial one", x);
	snprintf(target, sizeof target, "target <= 1.3x: %s", x <= 1.3 ? "met" : "MISSED");
	bench_row(name, value, cell, target);
	snprintf(value, sizeof value, "%.0f us", m_hello / 1000);
	bench_row("trivial C program printing one line", value, "1.00", "");
	snprintf(name, sizeof name, "peak RSS of %s 535", cli);
	snprintf(value, sizeof value, "%ld KiB", rss_cli);
	snprintf(cell, sizeof cell, "trivial one: %ld KiB", rss_hello);
	bench_row(name, value, cell, "");
	return 0;
}

/* text, data and bss of a file as `size` reports them (an archive: summed over members). */
static int size_of(const char *file, unsigned long sum[3])
{
	char *argv[] = { (char *)(uintptr_t)"size", (char *)(uintptr_t)file, NULL };
	char line[512];
	int fd[2], status, ok = 0;
	FILE *in;
	pid_t pid;

	sum[0] = sum[1] = sum[2] = 0;
	if (pipe(fd) != 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		close(fd[0]);
		dup2(fd[1], STDOUT_FILENO);
		execvp("size", argv);
		_exit(127);
	}
	close(fd[1]);
	in = fdopen(fd[0], "r");
	while (in != NULL && fgets(line, sizeof line, in) != NULL) {
		unsigned long t, d, b;

		if (sscanf(line, "%lu %lu %lu", &t, &d, &b) == 3) {
			sum[0] += t;
			sum[1] += d;
			sum[2] += b;
			ok = 1;
		}
	}
	if (in != NULL)
		fclose(in);
	else
		close(fd[0]);
	if (pid < 0 || waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		return -1;
	return ok ? 0 : -1;
}

int bench_size(char *const *files, size_t count)
{
	size_t i;

	bench_section("size (text + data + bss, bytes, as `size` reports)");
	for (i = 0; i < count; i++) {
		unsigned long s[3];
		char value[48], cell[64];

		if (size_of(files[i], s) != 0) {
			fprintf(stderr, "smtpcode-bench: size %s failed\n", files[i]);
			return -1;
		}
		snprintf(value, sizeof value, "%lu + %lu + %lu", s[0], s[1], s[2]);
		snprintf(cell, sizeof cell, "%.1f KiB in all", (double)(s[0] + s[1] + s[2]) / 1024);
		bench_row(files[i], value, cell, "");
	}
	return 0;
}
