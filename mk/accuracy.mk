# mk/accuracy.mk -- `make accuracy`: how often the reply reader finds what the case tables of
# tests/data/replies/ expect, next to two naive regular expressions, by kind of text. A report,
# not a test: make check holds every row to its expectation.

.PHONY: accuracy

$(B)/replies-dump: tools/accuracy/dump.c tests/tsv.c tests/tsv.h include/smtpcode.h \
                   $(B)/libsmtpcode.a
	$(CC) $(ALL_CFLAGS) -Itests -o $@ tools/accuracy/dump.c tests/tsv.c $(B)/libsmtpcode.a \
		$(ALL_LDFLAGS)

accuracy: $(B)/replies-dump
	$(PYTHON) tools/accuracy/report.py --dump $(B)/replies-dump $(ACCURACY_ARGS)
