# site.mk -- `make site`: the static reference site in $(B)/site/, written through the library
# by the command's HTML writer (src/cli/html_out.c) driven by tools/site/site.c: an index of
# every code by class and subject, a page per code, provider, provider entry and pair of
# codes/pairs.codes (read through the library: the site build reads nothing under codes/),
# and explain.html, which explains a pasted reply with the WebAssembly build (make wasm) in
# the page, offline. No external resource, no framework. tests/suite-site.sh checks it in
# headless Chromium.
# EMCC: as wasm.mk (included after this fragment) sets it
EMCC     ?= emcc
SITE_SRC := $(sort $(wildcard tools/site/*.c))
SITE_OBJ := $(B)/cli/html_out.o $(B)/cli/common.o

.PHONY: site

site: $(B)/site/index.html

$(B)/site-gen: $(SITE_SRC) src/cli/writer.h include/smtpcode.h $(SITE_OBJ) $(B)/libsmtpcode.a | $(B)
	$(CC) $(ALL_CFLAGS) -Isrc/cli -o $@ $(SITE_SRC) $(SITE_OBJ) $(B)/libsmtpcode.a $(ALL_LDFLAGS)

# Written into a fresh directory that replaces the old one whole: no page of an older build
# stays behind.
$(B)/site/index.html: $(B)/site-gen $(B)/wasm/smtpcode.js bindings/js/index.js tools/site/explain.js
	rm -rf $(B)/site.tmp && mkdir -p $(B)/site.tmp && $(B)/site-gen $(B)/site.tmp && \
		cp $(B)/wasm/smtpcode.js bindings/js/index.js tools/site/explain.js $(B)/site.tmp/ && \
		rm -rf $(B)/site && mv $(B)/site.tmp $(B)/site

# make check runs tests/suite-site.sh on the site when emcc is here (as mk/wasm.mk does for
# the module); without it the suite says so (and fails in CI).
ifneq ($(shell command -v $(EMCC) 2>/dev/null),)
ifeq ($(SANITIZE),)
check: site
endif
endif
