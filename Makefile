# Makefile for smtpcode: the data in codes/ -> tools/gencodes -> gperf -> libsmtpcode + CLI.

# ---- settings (override on the command line) -------------------------------------------
CC       ?= cc
CFLAGS   ?= -O2 -g
LDFLAGS  ?=
GPERF    ?= gperf
SANITIZE ?=
PREFIX   ?= /usr/local
B        := build

# ---- derived settings -------------------------------------------------------------------
VERSION_PART = $(shell sed -n 's/^\#define SMTPCODE_VERSION_$(1) \([0-9]*\)$$/\1/p' include/smtpcode.h)
MAJOR   := $(call VERSION_PART,MAJOR)
VERSION := $(MAJOR).$(call VERSION_PART,MINOR).$(call VERSION_PART,PATCH)

WARN     := -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wformat=2 -Wcast-qual
SANFLAGS := $(if $(SANITIZE),-fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all)
ALL_CFLAGS  = $(CFLAGS) $(WARN) $(SANFLAGS) -D_POSIX_C_SOURCE=200809L -Iinclude -I$(B)
ALL_LDFLAGS = $(LDFLAGS) $(SANFLAGS)

CODES    := $(sort $(wildcard codes/*.codes))
LIB_SRC  := src/code.c src/compare.c src/lookup.c src/names.c src/reply.c src/search.c
CLI_SRC  := src/card.c src/cli.c src/compare_out.c src/explain_out.c src/output.c
LIB_OBJ  := $(LIB_SRC:src/%.c=$(B)/obj/%.o)
CLI_OBJ  := $(CLI_SRC:src/%.c=$(B)/obj/%.o)
TESTS    := $(patsubst tests/%.c,$(B)/tests/%,$(wildcard tests/test_*.c))

SONAME   := libsmtpcode.so.$(MAJOR)
REALNAME := libsmtpcode.so.$(VERSION)

.PHONY: all check ci deps clean
.DELETE_ON_ERROR:

all: $(B)/smtpcode $(B)/libsmtpcode.a $(B)/libsmtpcode.so

# ---- generated table ----------------------------------------------------------------------
$(B)/gencodes: tools/gencodes.c | $(B)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(ALL_LDFLAGS)

# gencodes writes both outputs (each atomically) in one run: a grouped target, so a missing
# or stale one of the two is remade too. The hash depends on the keyword file.
$(B)/codes.gperf $(B)/codes-table.inc &: $(CODES) $(B)/gencodes
	$(B)/gencodes $(B)/codes.gperf $(B)/codes-table.inc $(CODES)
$(B)/codes-hash.inc: $(B)/codes.gperf
	$(GPERF) --output-file=$@.tmp $< && mv $@.tmp $@

# ---- library ------------------------------------------------------------------------------
$(B)/obj/lookup.o: $(B)/codes-hash.inc $(B)/codes-table.inc
$(B)/obj/%.o: src/%.c include/smtpcode.h $(wildcard src/*.h) | $(B)/obj
	$(CC) $(ALL_CFLAGS) -fPIC -fvisibility=hidden -c -o $@ $<

$(B)/libsmtpcode.a: $(LIB_OBJ)
	rm -f $@ && $(AR) rcs $@ $^

$(B)/$(REALNAME): $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,$(SONAME) -o $@ $^ $(ALL_LDFLAGS)
$(B)/libsmtpcode.so: $(B)/$(REALNAME)
	ln -sf $(notdir $<) $(B)/$(SONAME) && ln -sf $(SONAME) $@

# ---- command ------------------------------------------------------------------------------
$(B)/smtpcode: $(B)/obj/main.o $(CLI_OBJ) $(B)/libsmtpcode.a
	$(CC) -o $@ $^ $(ALL_LDFLAGS)

# ---- tests --------------------------------------------------------------------------------
$(B)/tests/test_cli: $(CLI_OBJ)
$(B)/tests/%: tests/%.c $(wildcard tests/*.h) $(B)/libsmtpcode.a | $(B)/tests
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $(filter %.c %.o,$^) $(B)/libsmtpcode.a -lcmocka $(ALL_LDFLAGS)

check: all $(TESTS)
	sh tests/run.sh $(B)

# The whole suite, as CI runs it: fragments in mk/ add their steps to CI_STEPS.
CI_STEPS :=
ci: check
	@done=1; for step in $(CI_STEPS); do \
		$(MAKE) --no-print-directory $$step || { echo "ci: $$done passed, 1 failed: make $$step"; exit 1; }; \
		done=$$((done + 1)); \
	done; echo "ci steps: check $(CI_STEPS)"; echo "ci: $$done passed, 0 failed"

# ---- optional parts: benchmarks, packaging, reliability (each adds its own targets) ---------
include $(sort $(wildcard mk/*.mk))

# ---- set-up and housekeeping --------------------------------------------------------------
deps:
	sh tools/install-deps.sh

$(B) $(B)/obj $(B)/tests:
	mkdir -p $@

clean:
	rm -rf $(B)
