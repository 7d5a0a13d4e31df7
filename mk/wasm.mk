# wasm.mk -- `make wasm`: the library compiled with Debian's emscripten into one self-contained
# classic script, the .wasm embedded (-sSINGLE_FILE) and the module made by a factory
# (-sMODULARIZE: createSmtpcode()), so it loads from file://, any static host and Node alike.
# Debian's emcc only: no emsdk, no -sUSE_* ports (they download), no closure step. The exports
# are the shared library's: every smtpcode_* function it exports, read from it with nm, and
# the allocator the wrapper manages its memory with. The generated tables come from the native
# generator, as for every build. The module leaves the host's process alone: no handlers for
# uncaught exceptions or rejections (emscripten's NODEJS_CATCH_* defaults). CFLAGS and SANITIZE are for the native builds; emcc takes
# WASM_CFLAGS. Output in $(B)/wasm/, copied to bindings/js/dist/ for the npm package.
EMCC        ?= emcc
WASM_CFLAGS ?= -O2
# Emscripten's own tools are JavaScript: with NodeSource's nodejs they need Debian's modules.
EMCC_ENV    := NODE_PATH=/usr/share/nodejs
WASM_FLAGS  := -sSINGLE_FILE=1 -sMODULARIZE=1 -sEXPORT_NAME=createSmtpcode \
               -sALLOW_MEMORY_GROWTH=1 -sENVIRONMENT=web,node -sFILESYSTEM=0 \
               -sNODEJS_CATCH_EXIT=0 -sNODEJS_CATCH_REJECTION=0 \
               -sEXPORTED_RUNTIME_METHODS=HEAPU8

.PHONY: wasm

wasm: bindings/js/dist/smtpcode.js

$(B)/wasm/exports.txt: $(B)/libsmtpcode.so | $(B)/wasm
	nm -D --defined-only $< | awk '$$2 == "T" && $$3 ~ /^smtpcode_/ { printf "_%s\n", $$3 }' \
		>$@.tmp && echo _malloc >>$@.tmp && echo _free >>$@.tmp && mv $@.tmp $@

$(B)/wasm/smtpcode.js: $(LIB_SRC) include/smtpcode.h $(wildcard src/lib/*.h) $(GENERATED) \
		       $(B)/gen/codes-hash.inc $(B)/gen/markers-hash.inc $(B)/wasm/exports.txt mk/wasm.mk
	$(EMCC_ENV) $(EMCC) $(WASM_CFLAGS) -std=c11 -Wall -Wextra -Wpedantic -D_POSIX_C_SOURCE=200809L \
		-Iinclude -Isrc/lib -I$(B)/gen $(LIB_SRC) $(WASM_FLAGS) \
		-sEXPORTED_FUNCTIONS=$$(paste -sd, $(B)/wasm/exports.txt) -o $@.tmp.js && \
		mv $@.tmp.js $@

bindings/js/dist/smtpcode.js: $(B)/wasm/smtpcode.js
	mkdir -p $(@D) && cp $< $@.tmp && mv $@.tmp $@

$(B)/wasm:
	mkdir -p $@

# make check runs the JavaScript package's tests (tests/suite-js.sh) on this build when emcc
# is here; without it the suite says so (and fails in CI). A sanitizer build makes no module.
ifneq ($(shell command -v $(EMCC) 2>/dev/null),)
ifeq ($(SANITIZE),)
check: wasm
endif
endif
