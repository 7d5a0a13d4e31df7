# mk/bench.mk -- `make bench` (benchmarks, issue 9) and the no-allocation test's link flags.
# `make bench` builds $(B)/bench/smtpcode-bench and runs it once: it prints ratios measured in one
# run (lookup, reply parsing, log scans, CLI start-up, the generator's growth, sizes). It is
# not part of `make check` or `make ci`.

SIZE ?= size

BENCH_SRC := $(filter-out bench/hello.c,$(wildcard bench/*.c)) tests/tsv.c
# The benchmark sees only the public header, as any program would (and tests/tsv.h, to read
# the reply tables that are its workload). It is built optimised whatever CFLAGS says; the
# library keeps the user's CFLAGS.
BENCH_CFLAGS = $(ALL_CFLAGS) -Itests -I$(B)/bench -O2 -DBENCH_DIR='"$(B)/bench"' \
               -DBENCH_GENCODES='"$(B)/gencodes"'

.PHONY: bench

bench: $(B)/bench/smtpcode-bench $(B)/bench/hello $(B)/smtpcode $(B)/libsmtpcode.a \
       $(B)/libsmtpcode.so $(B)/gencodes
	@echo "library and CLI built with: $(CC) $(CFLAGS) $(SANFLAGS)"
	$(B)/bench/smtpcode-bench $(B)/smtpcode $(B)/bench/hello $(B)/libsmtpcode.a \
		$(B)/$(REALNAME) $(B)/smtpcode

$(B)/bench/smtpcode-bench: $(BENCH_SRC) bench/bench.h include/smtpcode.h $(B)/libsmtpcode.a \
                           $(B)/bench/basic-codes.inc | $(B)/bench
	$(CC) $(BENCH_CFLAGS) -o $@ $(BENCH_SRC) $(B)/libsmtpcode.a $(ALL_LDFLAGS)

# The switch the lookup is measured against has a case for every basic code the data has:
# written from the command's list, so the benchmark holds no list of codes of its own.
$(B)/bench/basic-codes.inc: $(B)/smtpcode | $(B)/bench
	$(B)/smtpcode --list basic --color=never | \
		awk '{ print "BASIC_CODE(" $$1 ")" }' >$@.tmp && mv $@.tmp $@

# Built and linked as the CLI is, so the start-up ratio compares like with like.
$(B)/bench/hello: bench/hello.c | $(B)/bench
	$(CC) $(ALL_CFLAGS) -o $@ $< $(ALL_LDFLAGS)

$(B)/bench:
	mkdir -p $@

# tests/test_noalloc.c counts allocations through the linker's --wrap; without these flags it
# does not link. private: the flags must not leak into the library objects built for it.
NOALLOC_WRAP := malloc calloc realloc free strdup strndup aligned_alloc posix_memalign
$(B)/tests/test_noalloc: private ALL_LDFLAGS += $(NOALLOC_WRAP:%=-Wl,--wrap=%)
