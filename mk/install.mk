# install.mk -- `make install` / `make uninstall`, the pkg-config file and `make examples`.
# Directories (defaults under PREFIX; each can be set on the command line, DESTDIR is
# prepended to all of them):
#   make install PREFIX=/usr LIBDIR=/usr/lib/x86_64-linux-gnu DESTDIR=/tmp/stage
BINDIR       ?= $(PREFIX)/bin
LIBDIR       ?= $(PREFIX)/lib
INCLUDEDIR   ?= $(PREFIX)/include
MANDIR       ?= $(PREFIX)/share/man
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
BASHCOMPDIR  ?= $(PREFIX)/share/bash-completion/completions
INSTALL      ?= install

# Pages and completion written elsewhere in the tree; each is installed when it exists.
MAN_PAGES  := $(wildcard man/smtpcode.1 man/smtpcode.3)
COMPLETION := $(wildcard completion/smtpcode.bash)
EXAMPLES   := $(patsubst examples/%.c,$(B)/examples/%,$(wildcard examples/*.c))

.PHONY: install uninstall examples smtpcode-pc-force

all: $(B)/smtpcode.pc
check: examples

# ---- pkg-config file ----------------------------------------------------------------------
# Written from the template with the version from the header and the directories of this run;
# rewritten only when that text changes, so `make install PREFIX=/opt` after `make` is right.
pc_dir = $(patsubst $(PREFIX)/%,$${prefix}/%,$(1))
$(B)/smtpcode.pc: smtpcode.pc.in include/smtpcode.h smtpcode-pc-force | $(B)
	@sed -e '/^#/d' -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@LIBDIR@|$(call pc_dir,$(LIBDIR))|g' \
	    -e 's|@INCLUDEDIR@|$(call pc_dir,$(INCLUDEDIR))|g' -e 's|@VERSION@|$(VERSION)|g' \
	    smtpcode.pc.in >$@.tmp && \
	if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv -f $@.tmp $@; fi
smtpcode-pc-force:

# ---- examples -----------------------------------------------------------------------------
# Compiled and linked in two steps, so side files of the compiler (.gcno) stay in $(B).
examples: $(EXAMPLES) $(EXAMPLES:=.o)
$(B)/examples/%.o: examples/%.c include/smtpcode.h | $(B)/examples
	$(CC) $(ALL_CFLAGS) -c -o $@ $<
$(B)/examples/%: $(B)/examples/%.o $(B)/libsmtpcode.a
	$(CC) -o $@ $^ $(ALL_LDFLAGS)
$(B)/examples:
	mkdir -p $@

# ---- install / uninstall ------------------------------------------------------------------
# Man pages get the version on their .Os line (written bare in the source) and for @VERSION@.
MAN_SED := -e 's/@VERSION@/$(VERSION)/g' -e 's/^\.Os$$/.Os smtpcode $(VERSION)/'

install: all
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) \
	    $(DESTDIR)$(PKGCONFIGDIR)
	$(INSTALL) -m 755 $(B)/smtpcode $(DESTDIR)$(BINDIR)/smtpcode
	$(INSTALL) -m 644 $(B)/libsmtpcode.a $(DESTDIR)$(LIBDIR)/libsmtpcode.a
	$(INSTALL) -m 755 $(B)/$(REALNAME) $(DESTDIR)$(LIBDIR)/$(REALNAME)
	ln -sf $(REALNAME) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libsmtpcode.so
	$(INSTALL) -m 644 include/smtpcode.h $(DESTDIR)$(INCLUDEDIR)/smtpcode.h
	$(INSTALL) -m 644 $(B)/smtpcode.pc $(DESTDIR)$(PKGCONFIGDIR)/smtpcode.pc
	@set -e; for page in $(MAN_PAGES); do \
	    sec=$${page##*.}; dir=$(DESTDIR)$(MANDIR)/man$$sec; \
	    echo "install $$page -> $$dir"; \
	    $(INSTALL) -d $$dir; sed $(MAN_SED) $$page >$$dir/$${page##*/}; \
	    chmod 644 $$dir/$${page##*/}; \
	done
	$(if $(COMPLETION),$(INSTALL) -d $(DESTDIR)$(BASHCOMPDIR) && \
	    $(INSTALL) -m 644 $(COMPLETION) $(DESTDIR)$(BASHCOMPDIR)/smtpcode)

# Removes the files install puts, then each directory it may have created if that is empty,
# going up as far as $(DESTDIR)$(PREFIX) itself; a directory outside PREFIX only itself.
INSTALL_DIRS = $(BINDIR) $(LIBDIR) $(INCLUDEDIR) $(PKGCONFIGDIR) $(MANDIR)/man1 \
               $(MANDIR)/man3 $(BASHCOMPDIR)
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/smtpcode $(DESTDIR)$(LIBDIR)/libsmtpcode.a \
	    $(DESTDIR)$(LIBDIR)/$(REALNAME) $(DESTDIR)$(LIBDIR)/$(SONAME) \
	    $(DESTDIR)$(LIBDIR)/libsmtpcode.so $(DESTDIR)$(INCLUDEDIR)/smtpcode.h \
	    $(DESTDIR)$(PKGCONFIGDIR)/smtpcode.pc $(DESTDIR)$(MANDIR)/man1/smtpcode.1 \
	    $(DESTDIR)$(MANDIR)/man3/smtpcode.3 $(DESTDIR)$(BASHCOMPDIR)/smtpcode
	@top='$(DESTDIR)$(PREFIX)'; for dir in $(INSTALL_DIRS:%=$(DESTDIR)%); do \
	    while [ -d "$$dir" ] && rmdir "$$dir" 2>/dev/null; do \
	        dir=$${dir%/*}; \
	        case $$dir in "$$top" | "$$top"/*) ;; *) break ;; esac; \
	    done; \
	done; true
