# Makefile for smtpcode: the data in codes/ -> tools/gencodes -> gperf -> libsmtpcode + CLI.

# ---- settings (override on the command line) -------------------------------------------
CC       ?= cc
CFLAGS   ?= -O2 -g
LDFLAGS  ?=
GPERF    ?= gperf
PYTHON   ?= /usr/bin/python3
SANITIZE ?=
PREFIX   ?= /usr/local
B        := build

# ---- derived settings -------------------------------------------------------------------
# The versions live in include/smtpcode.h only: the API version names the release, the ABI
# version the soname (libsmtpcode.so.ABI), and the file is libsmtpcode.so.ABI.MINOR.PATCH.
HEADER_NUMBER = $(shell sed -n 's/^\#define SMTPCODE_$(1) \([0-9]*\)$$/\1/p' include/smtpcode.h)
MAJOR   := $(call HEADER_NUMBER,VERSION_MAJOR)
MINOR   := $(call HEADER_NUMBER,VERSION_MINOR)
PATCH   := $(call HEADER_NUMBER,VERSION_PATCH)
ABI     := $(call HEADER_NUMBER,ABI_VERSION)
VERSION := $(MAJOR).$(MINOR).$(PATCH)

WARN     := -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wformat=2 -Wcast-qual -Wswitch-enum
SANFLAGS := $(if $(SANITIZE),-fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all)
# Every program is built with these; the library adds its private and generated headers.
ALL_CFLAGS  = $(CFLAGS) $(WARN) $(SANFLAGS) -D_POSIX_C_SOURCE=200809L -Iinclude
LIB_CFLAGS  = $(ALL_CFLAGS) -Isrc/lib -I$(B)/gen -fPIC -fvisibility=hidden
ALL_LDFLAGS = $(LDFLAGS) $(SANFLAGS)

CODES    := $(sort $(wildcard codes/*.codes codes/providers/*.codes))
GEN_SRC  := $(sort $(wildcard tools/gencodes/*.c))
LIB_SRC  := $(sort $(wildcard src/lib/*.c))
CLI_SRC  := $(filter-out src/cli/main.c,$(sort $(wildcard src/cli/*.c)))
LIB_OBJ  := $(LIB_SRC:src/lib/%.c=$(B)/lib/%.o)
CLI_OBJ  := $(CLI_SRC:src/cli/%.c=$(B)/cli/%.o)
TESTS    := $(patsubst tests/%.c,$(B)/tests/%,$(wildcard tests/test_*.c))
# What the generator writes in one run; gperf turns the keywords into the hash.
GENERATED := $(B)/gen/codes.gperf $(B)/gen/codes-table.inc $(B)/gen/pairs-table.inc \
             $(B)/gen/forms-table.inc $(B)/gen/providers-table.inc $(B)/gen/markers.gperf

SONAME   := libsmtpcode.so.$(ABI)
REALNAME := libsmtpcode.so.$(ABI).$(MINOR).$(PATCH)

.PHONY: all check ci deps deps-ci clean
.DELETE_ON_ERROR:

all: $(B)/smtpcode $(B)/libsmtpcode.a $(B)/libsmtpcode.so

# ---- generated tables ---------------------------------------------------------------------
$(B)/gencodes: $(GEN_SRC) tools/gencodes/gencodes.h include/smtpcode.h src/lib/forms.h | $(B)
	$(CC) $(ALL_CFLAGS) -Isrc/lib -o $@ $(GEN_SRC) $(ALL_LDFLAGS)

# A grouped target: one run writes every output (all or none), so a missing or stale one
# is remade with the others.
$(GENERATED) &: $(CODES) $(B)/gencodes | $(B)/gen
	$(B)/gencodes -o $(B)/gen $(CODES)
$(B)/gen/codes-hash.inc: $(B)/gen/codes.gperf
	$(GPERF) --output-file=$@.tmp $< && mv $@.tmp $@
$(B)/gen/markers-hash.inc: $(B)/gen/markers.gperf
	$(GPERF) --output-file=$@.tmp $< && mv $@.tmp $@

# The terminal width of characters: a committed table, remade from the Unicode data files
# (Debian's unicode-data) by hand, with `make width-table`; tests/suite-display.sh checks it.
UNICODE_DIR ?= /usr/share/unicode
.PHONY: width-table
width-table:
	$(PYTHON) tools/width/gen-width.py $(UNICODE_DIR) >src/lib/width-table.inc.tmp && \
		mv src/lib/width-table.inc.tmp src/lib/width-table.inc

# ---- library: src/lib/ ------------------------------------------------------------------
$(B)/lib/table.o: $(B)/gen/codes-hash.inc $(B)/gen/codes-table.inc
$(B)/lib/reply.o: $(B)/gen/forms-table.inc
$(B)/lib/providers.o: $(B)/gen/providers-table.inc $(B)/gen/markers-hash.inc
$(B)/lib/%.o: src/lib/%.c include/smtpcode.h $(wildcard src/lib/*.h) | $(B)/lib
	$(CC) $(LIB_CFLAGS) -c -o $@ $<

$(B)/libsmtpcode.a: $(LIB_OBJ)
	rm -f $@ && $(AR) rcs $@ $^

$(B)/$(REALNAME): $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,$(SONAME) -o $@ $^ $(ALL_LDFLAGS)
$(B)/libsmtpcode.so: $(B)/$(REALNAME)
	ln -sf $(notdir $<) $(B)/$(SONAME) && ln -sf $(SONAME) $@

# ---- command: src/cli/, which sees only the public header -------------------------------
$(B)/cli/%.o: src/cli/%.c include/smtpcode.h $(wildcard src/cli/*.h) | $(B)/cli
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# gzip logs (--scan) are read through zlib, by the command only; --jobs runs threads
CLI_LIBS = -lz -lpthread
$(B)/smtpcode: $(B)/cli/main.o $(CLI_OBJ) $(B)/libsmtpcode.a
	$(CC) -o $@ $^ $(CLI_LIBS) $(ALL_LDFLAGS)

# ---- tests --------------------------------------------------------------------------------
$(B)/tests/test_cli: $(CLI_OBJ)
$(B)/tests/test_cli: private ALL_CFLAGS += -Isrc/cli
$(B)/tests/test_cli: private ALL_LDFLAGS += $(CLI_LIBS)
$(B)/tests/%: tests/%.c tests/tsv.c $(wildcard tests/*.h) $(B)/libsmtpcode.a | $(B)/tests
	$(CC) $(ALL_CFLAGS) -Itests -o $@ $(filter %.c %.o,$^) $(B)/libsmtpcode.a -lcmocka $(ALL_LDFLAGS)

# Headless Chromium, as the HTML tests (and the site's) run it: one browser profile per run.
CHROMIUM ?= chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
	    --disable-component-update --disable-sync --no-first-run --user-data-dir=$$(mktemp -d)
export CHROMIUM

check: all $(TESTS) $(B)/replies-dump
	sh tests/run.sh $(B)

# The whole suite, as CI runs it: fragments in mk/ add their steps to CI_STEPS. CI is set
# for every step, so that a missing test tool is a failure, never a skip.
CI_STEPS :=
ci: export CI := 1
ci: check
	@done=1; for step in $(CI_STEPS); do \
		$(MAKE) --no-print-directory $$step || { echo "ci: $$done passed, 1 failed: make $$step"; exit 1; }; \
		done=$$((done + 1)); \
	done; echo "ci steps: check $(CI_STEPS)"; echo "ci: $$done passed, 0 failed"

# ---- optional parts: benchmarks, packaging, reliability (each adds its own targets) ---------
include $(sort $(wildcard mk/*.mk))

# ---- set-up and housekeeping --------------------------------------------------------------
# deps: what `make all` needs; deps-ci: everything the tests need as well.
deps:
	sh tools/install-deps.sh build
deps-ci:
	sh tools/install-deps.sh ci

$(B) $(B)/gen $(B)/lib $(B)/cli $(B)/tests:
	mkdir -p $@

clean:
	rm -rf $(B)
