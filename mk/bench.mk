# mk/bench.mk -- `make bench` (benchmarks, issue 9) and the no-allocation test's link flags.
# `make bench` builds $(B)/bench/smtpcode-bench and runs it once: it prints ratios measured in one
# run (lookup, reply parsing, CLI start-up, sizes). It is not part of `make check` or `make ci`.

NM   ?= nm
SIZE ?= size

BENCH_SRC := $(filter-out bench/hello.c,$(wildcard bench/*.c))
# The benchmark is built optimised whatever CFLAGS says; the library keeps the user's CFLAGS.
BENCH_CFLAGS = $(ALL_CFLAGS) -Isrc -O2

# Whether the built library exports a symbol: "1" or "". Expanded in recipes (and in the
# deferred variables below), so it sees the library the recipe was built against. Parts that
# need the reply parser (src/reply.c, in progress) build only once the library has it.
lib_has = $(shell $(NM) $(B)/libsmtpcode.a 2>/dev/null | grep -q ' T $(1)$$' && echo 1)
BENCH_DEFS = $(if $(call lib_has,smtpcode_parse_reply),-DBENCH_HAVE_PARSE_REPLY) \
             $(if $(call lib_has,smtpcode_explain_reply),-DBENCH_HAVE_EXPLAIN_REPLY)

.PHONY: bench

bench: $(B)/bench/smtpcode-bench $(B)/bench/hello $(B)/smtpcode $(B)/libsmtpcode.a \
       $(B)/libsmtpcode.so
	@echo "library and CLI built with: $(CC) $(CFLAGS) $(SANFLAGS)"
	$(B)/bench/smtpcode-bench $(B)/smtpcode $(B)/bench/hello $(B)/libsmtpcode.a \
		$(B)/$(REALNAME) $(B)/smtpcode

$(B)/bench/smtpcode-bench: $(BENCH_SRC) bench/bench.h include/smtpcode.h src/util.h $(B)/libsmtpcode.a \
                           | $(B)/bench
	$(CC) $(BENCH_CFLAGS) $(BENCH_DEFS) -o $@ $(BENCH_SRC) $(B)/libsmtpcode.a $(ALL_LDFLAGS)

# Built and linked as the CLI is, so the start-up ratio compares like with like.
$(B)/bench/hello: bench/hello.c | $(B)/bench
	$(CC) $(ALL_CFLAGS) -o $@ $< $(ALL_LDFLAGS)

$(B)/bench:
	mkdir -p $@

# tests/test_noalloc.c counts allocations through the linker's --wrap; the define tells it the
# wrap is in place (without it the test skips). private: the flags must not leak into the
# library objects built for this program.
NOALLOC_WRAP := malloc calloc realloc free strdup strndup aligned_alloc posix_memalign
$(B)/tests/test_noalloc: private ALL_LDFLAGS += $(NOALLOC_WRAP:%=-Wl,--wrap=%)
$(B)/tests/test_noalloc: private ALL_CFLAGS += -DNOALLOC_WRAPPED \
	$(if $(call lib_has,smtpcode_parse_reply),-DNOALLOC_HAVE_PARSE_REPLY) \
	$(if $(call lib_has,smtpcode_explain_reply),-DNOALLOC_HAVE_EXPLAIN_REPLY)
