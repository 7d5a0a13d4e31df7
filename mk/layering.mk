# mk/layering.mk -- the architecture, checked: the command uses the library only through its
# exported API and holds no text of the library's (check-layering); the library builds without
# GNU C, so no #else goes unbuilt (check-nongnu); the shared library keeps its ABI unless the
# ABI version says otherwise (check-abi). All three are CI steps.
#
#   make check-layering   nm of the command's objects, and its string literals (tests/layering/)
#   make check-nongnu     every library source with __GNUC__ undefined, syntax only
#   make check-abi        abidiff of the library against tests/abi/libsmtpcode.abi
#   make abi-dump         remakes tests/abi/libsmtpcode.abi (after a compatible addition, or with
#                         an ABI bump in the same commit)

ABIDW   ?= abidw
ABIDIFF ?= abidiff
ABI_DUMP := tests/abi/libsmtpcode.abi
ABI_SUPPRESSIONS := tests/abi/suppressions

.PHONY: check-layering check-nongnu check-abi abi-dump

CI_STEPS += check-layering check-nongnu check-abi

# Preprocessed as they are compiled, so that what macros put into the code is seen too.
$(B)/cli/%.i: src/cli/%.c include/smtpcode.h $(wildcard src/cli/*.h) | $(B)/cli
	$(CC) $(ALL_CFLAGS) -E -o $@ $<

check-layering: $(B)/cli/main.o $(CLI_OBJ) $(B)/libsmtpcode.so $(B)/libsmtpcode.a \
                $(CLI_SRC:src/cli/%.c=$(B)/cli/%.i) $(B)/cli/main.i
	$(PYTHON) tests/layering/check.py tests/layering/cli-strings.txt $(B)/$(REALNAME) \
		$(B)/libsmtpcode.a $(B)/cli/main.o $(CLI_OBJ) -- \
		$(CLI_SRC:src/cli/%.c=$(B)/cli/%.i) $(B)/cli/main.i

# clang, because gcc with __GNUC__ undefined stumbles over glibc's own headers (its builtin
# _Float32 against glibc's typedef of it), which no code of ours can change. Without GNU C
# printf-like functions lose their format attribute, so -Wformat-nonliteral means nothing here.
check-nongnu: $(B)/gen/codes-hash.inc $(GENERATED)
	@for f in $(LIB_SRC); do \
		echo "$(CLANG) -U__GNUC__ -fsyntax-only $$f"; \
		$(CLANG) $(CFLAGS) $(WARN) -Werror -Wno-format-nonliteral -U__GNUC__ \
			-D_POSIX_C_SOURCE=200809L -Iinclude \
			-Isrc/lib -I$(B)/gen -fsyntax-only $$f || exit 1; \
	done

# abidiff's exit status is a bit mask: 1 an error, 2 a usage error, 4 an ABI change,
# 8 an incompatible one. The dump must describe the library as built (any change: remake the
# dump in the same commit), and the dump's own history may change incompatibly only where the
# soname changed with it (the ABI version was bumped).
check-abi: $(B)/$(REALNAME)
	@$(ABIDIFF) --suppressions $(ABI_SUPPRESSIONS) $(ABI_DUMP) $(B)/$(REALNAME) \
		>$(B)/abidiff.log 2>&1; rc=$$?; \
	if [ $$rc -eq 0 ]; then echo "check-abi: $(B)/$(REALNAME) matches $(ABI_DUMP)"; \
	elif [ $$((rc & 8)) -ne 0 ]; then cat $(B)/abidiff.log; \
		echo "check-abi: an incompatible change: bump SMTPCODE_ABI_VERSION and run make abi-dump"; exit 1; \
	elif [ $$((rc & 4)) -ne 0 ]; then cat $(B)/abidiff.log; \
		echo "check-abi: a compatible change: run make abi-dump and commit $(ABI_DUMP)"; exit 1; \
	else cat $(B)/abidiff.log; echo "check-abi: abidiff failed (exit status $$rc)"; exit 1; fi
	@sh tests/abi/history.sh $(ABI_DUMP) $(ABI_SUPPRESSIONS) $(ABIDIFF)

abi-dump: $(B)/$(REALNAME)
	$(ABIDW) --no-corpus-path --out-file $(ABI_DUMP).tmp $(B)/$(REALNAME) && \
		mv $(ABI_DUMP).tmp $(ABI_DUMP)
