# reliability.mk -- proof that nothing a user or a server sends can crash, leak or read out of
# bounds: sanitizer and thread-sanitizer runs of the tests, libFuzzer targets, valgrind,
# coverage and static analysis. Each kind of build lives in its own directory next to $(B).
#
#   make check-sanitize   make check again under ASan+UBSan (gcc, and clang when present)
#   make check-tsan       tests/test_threads under ThreadSanitizer
#   make fuzz             builds the libFuzzer targets (clang) in $(B)-fuzz/fuzz/, each with
#                         output oracles (tests/fuzz/oracle.c)
#   make fuzz-ci          builds them and runs each for FUZZ_TIME seconds (20) on its seeds
#   make fuzz-long        the same for FUZZ_LONG_TIME seconds (600) each, by hand
#   make memcheck         the CLI cases, the cmocka programs and gencodes under valgrind
#   make coverage         make check with gcc --coverage, then line and branch figures
#   make lint             cppcheck and clang-tidy (.clang-tidy) on src/ and tools/
# CI runs all but fuzz-long after make check (CI_STEPS).

CLANG          ?= clang
CPPCHECK       ?= cppcheck
CLANG_TIDY     ?= clang-tidy
GCOVR          ?= gcovr
VALGRIND       ?= valgrind
FUZZ_TIME      ?= 20
FUZZ_LONG_TIME ?= 600
# Floors that make coverage (and so CI) enforces: a ratchet, set just under the figures
# reached; raise them as tests are added, up to the goal of 95% lines and 90% branches.
COVERAGE_MIN_LINES    ?= 97
COVERAGE_MIN_BRANCHES ?= 90

# The sanitizers stop at the first report, and a leak is an error.
SANITIZER_ENV := ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:abort_on_error=0 \
                 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
                 TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1

FUZZ_TARGETS := lookup cli gencodes reply search compare provider scan

.PHONY: check-sanitize check-tsan fuzz fuzz-targets fuzz-ci fuzz-long memcheck tests-built \
        coverage lint

CI_STEPS += check-sanitize check-tsan memcheck fuzz-ci lint coverage

# ---- tests this fragment owns ------------------------------------------------------------
# private: the flags must not leak into the library objects built for these programs.
$(B)/tests/test_threads: private ALL_CFLAGS += -pthread
$(B)/tests/test_threads: private ALL_LDFLAGS += -pthread

# Everything make check runs, built but not run (for memcheck).
tests-built: all $(TESTS) $(B)/gencodes

# ---- sanitizers ------------------------------------------------------------------------------
check-sanitize:
	$(SANITIZER_ENV) $(MAKE) --no-print-directory B=$(B)-asan SANITIZE=address,undefined check
	@if command -v $(CLANG) >/dev/null 2>&1; then \
		echo "$(SANITIZER_ENV) $(MAKE) B=$(B)-asan-clang CC=$(CLANG) SANITIZE=address,undefined check"; \
		$(SANITIZER_ENV) $(MAKE) --no-print-directory B=$(B)-asan-clang CC=$(CLANG) \
			SANITIZE=address,undefined check; \
	elif [ -n "$$CI" ]; then \
		echo "check-sanitize: $(CLANG) not found (make deps-ci installs it)"; exit 1; \
	else \
		echo "SKIP: check-sanitize with clang: $(CLANG) not found (make deps-ci)"; \
	fi

check-tsan:
	$(MAKE) --no-print-directory B=$(B)-tsan CC=$(CLANG) SANITIZE=thread $(B)-tsan/tests/test_threads
	$(SANITIZER_ENV) $(B)-tsan/tests/test_threads

# ---- fuzzing ------------------------------------------------------------------------------------
# The library and the CLI are built with coverage instrumentation (fuzzer-no-link); only the
# targets link libFuzzer's main.
FUZZ_BUILD = $(MAKE) --no-print-directory B=$(B)-fuzz CC=$(CLANG) CFLAGS="-O1 -g" \
             SANITIZE=fuzzer-no-link,address,undefined fuzz-targets

fuzz:
	$(FUZZ_BUILD)

fuzz-targets: $(FUZZ_TARGETS:%=$(B)/fuzz/fuzz_%) $(B)/fuzz/tsv-seeds

# Every target checks its outputs with the oracles of tests/fuzz/oracle.c.
$(FUZZ_TARGETS:%=$(B)/fuzz/fuzz_%): $(B)/fuzz/oracle.o
$(B)/fuzz/oracle.o: tests/fuzz/oracle.c tests/fuzz/oracle.h include/smtpcode.h | $(B)/fuzz
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/fuzz/fuzz_cli: $(CLI_OBJ)
$(B)/fuzz/fuzz_cli: private ALL_CFLAGS += -Isrc/cli
$(B)/fuzz/fuzz_cli: private ALL_LDFLAGS += $(CLI_LIBS)
$(B)/fuzz/fuzz_gencodes: $(filter-out tools/gencodes/main.c,$(GEN_SRC)) tools/gencodes/main.c
$(B)/fuzz/fuzz_gencodes: private ALL_CFLAGS += -DGENCODES_FUZZ -Itools/gencodes -Isrc/lib
$(B)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(B)/libsmtpcode.a | $(B)/fuzz
	$(CC) $(ALL_CFLAGS) -Itests/fuzz -o $@ $< $(filter %.o tools/%.c,$^) $(B)/libsmtpcode.a \
		-fsanitize=fuzzer $(ALL_LDFLAGS)

# Writes the text of every row of the reply tables as a seed file (tests/fuzz/tsv_seeds.c).
$(B)/fuzz/tsv-seeds: tests/fuzz/tsv_seeds.c tests/tsv.c tests/tsv.h | $(B)/fuzz
	$(CC) $(ALL_CFLAGS) -Itests -o $@ tests/fuzz/tsv_seeds.c tests/tsv.c $(ALL_LDFLAGS)

$(B)/fuzz:
	mkdir -p $@

# Each target runs on a copy of its seeds in $(B)-fuzz/corpus (the repository is never
# written): tests/fuzz/corpus/TARGET, every case of tests/data/replies/ for the reply
# parser, and the data files and the generator's test files for the generator. Crashes land
# in $(B)-fuzz/artifacts.
FUZZ_SEED = mkdir -p $(B)-fuzz/corpus/reply $(B)-fuzz/corpus/gencodes && \
            $(B)-fuzz/fuzz/tsv-seeds tests/data/replies $(B)-fuzz/corpus/reply && \
            cp $(CODES) tests/generator/*.codes $(B)-fuzz/corpus/gencodes/
fuzz-ci: fuzz
	$(FUZZ_SEED)
	$(SANITIZER_ENV) sh tests/fuzz/run.sh $(B)-fuzz $(FUZZ_TIME) $(FUZZ_TARGETS)

fuzz-long: fuzz
	$(FUZZ_SEED)
	$(SANITIZER_ENV) sh tests/fuzz/run.sh $(B)-fuzz $(FUZZ_LONG_TIME) $(FUZZ_TARGETS)

# ---- valgrind --------------------------------------------------------------------------------
memcheck:
	$(MAKE) --no-print-directory B=$(B)-memcheck CFLAGS="-O1 -g" tests-built
	VALGRIND="$(VALGRIND)" sh tests/memcheck.sh $(B)-memcheck

# ---- coverage ------------------------------------------------------------------------------
# Fresh counts every time: the old .gcda files are removed before make check runs. The
# instrumented build is not a release build (gcov's own symbols are exported, C++ links lack
# --coverage), so the suites that check exactly that may fail here: make check, run just
# before in CI, is the gate for test results; this step gates the figures. Counters are
# updated atomically: test_threads runs the library on 8 threads.
coverage:
	rm -f $(B)-cov/lib/*.gcda $(B)-cov/cli/*.gcda $(B)-cov/tests/*.gcda $(B)-cov/*.gcda
	mkdir -p $(B)-cov
	-$(MAKE) --no-print-directory B=$(B)-cov CC=gcc CFLAGS="-O0 -g --coverage -fprofile-update=atomic" \
		LDFLAGS=--coverage check >$(B)-cov/check.log 2>&1
	@grep -e '^FAIL' -e ' passed, ' $(B)-cov/check.log | sed 's/^/coverage build: /'
	$(GCOVR) --root . --filter 'src/' --exclude-unreachable-branches \
		--txt $(B)-cov/coverage.txt --print-summary \
		--fail-under-line $(COVERAGE_MIN_LINES) --fail-under-branch $(COVERAGE_MIN_BRANCHES) \
		$(B)-cov || { cat $(B)-cov/coverage.txt; exit 1; }
	@echo "per file: $(B)-cov/coverage.txt; tools/gencodes.c (for information):"
	@$(GCOVR) --root . --filter 'tools/' --exclude-unreachable-branches --print-summary \
		$(B)-cov | grep -e lines -e branches

# ---- static analysis ------------------------------------------------------------------------
# cppcheck: every check of the warning, style, performance and portability groups except
#  - variableScope: the project declares a function's variables at the top of its block;
#  - missingIncludeSystem: the system headers are not cppcheck's to read.
# clang-tidy: the checks in .clang-tidy. It runs once per file: clang-tidy 14 given several
# files carries analyzer state from one to the next (valist.Uninitialized then fires on a
# va_start a file earlier in the list never saw).
# The generated .inc files are analysed as part of table.c but never reported.
LINT_SRC   = $(LIB_SRC) $(CLI_SRC) src/cli/main.c $(GEN_SRC) $(SITE_SRC)
LINT_FLAGS = -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc/lib -Isrc/cli -Itools/gencodes \
             -I$(B)-lint/gen
lint:
	$(MAKE) --no-print-directory B=$(B)-lint $(B)-lint/gen/codes-hash.inc $(B)-lint/gen/markers-hash.inc
	$(CPPCHECK) --quiet --error-exitcode=1 --inline-suppr --std=c11 \
		--enable=warning,style,performance,portability --suppress=missingIncludeSystem \
		--suppress=variableScope --suppress='*:$(B)-lint/*' $(LINT_FLAGS) $(LINT_SRC)
	@status=0; for f in $(LINT_SRC); do \
		echo "$(CLANG_TIDY) $$f"; \
		$(CLANG_TIDY) --quiet $$f -- $(LINT_FLAGS) $(WARN) >$(B)-lint/tidy.log 2>&1 || status=1; \
		grep -v '^[0-9]* warnings\{0,1\} generated\.$$' $(B)-lint/tidy.log; \
	done; exit $$status
	@echo "lint: cppcheck and clang-tidy found nothing in $(LINT_SRC)"
