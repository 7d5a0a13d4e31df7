/* bench.h -- what the benchmark's parts share: clock, medians, a seeded PRNG, a result sink. */
#ifndef SMTPCODE_BENCH_H
#define SMTPCODE_BENCH_H

#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define BENCH_NOINLINE __attribute__((noinline))
#else
#define BENCH_NOINLINE
#endif

/* Rounds of every measurement; contenders run interleaved within a round. */
#define BENCH_ROUNDS 15

/* CLOCK_MONOTONIC in nanoseconds. */
uint64_t bench_now_ns(void);

/* Median of n values (n > 0); v is left in any order. */
double bench_median(double *v, size_t n);

/* splitmix64: a fixed seed gives the same workload on every run and machine. */
uint64_t bench_random(uint64_t *state);

/* Results are folded in here so the compiler cannot drop the work that made them. */
extern volatile uintptr_t bench_sink;

/* Table printing: one section heading, one row of a measurement. */
void bench_section(const char *title);
void bench_row(const char *name, const char *value, const char *ratio, const char *target);

/* Runs path with its output to /dev/null (or to out_fd when >= 0); returns the exit status,
 * or -1 when it could not run. */
int bench_run(const char *path, char *const argv[], int out_fd);

/* The parts, each printing its own section; 0 on success, -1 when it could not measure. */
int bench_lookup(void);
int bench_reply(void);
int bench_startup(const char *cli, const char *hello);
int bench_size(char *const *files, size_t count);
int bench_scan(const char *dir, const char *cli);
int bench_scan_more(const char *dir, const char *cli); /* after bench_scan: its log */
int bench_linear(void);
int bench_gencodes(const char *dir, const char *gencodes);

#endif
