# mk/corpus.mk -- `make corpus`: remakes tests/data/replies/corpus/ from real MTAs (Postfix,
# Exim, OpenSMTPD) and mail clients (msmtp, swaks, curl, s-nail, mutt, nodemailer, Python's
# smtplib) run against the scripted SMTP server of tools/corpus/ on 127.0.0.1.
# Run it by hand, as root: it installs the MTAs one at a time with apt-get (and removes them
# again) and takes some minutes. The tests read only the committed output; this target is
# not part of deps, check or ci. CORPUS_ARGS passes options, e.g. CORPUS_ARGS="--only curl".

CORPUS_PYTHON ?= /usr/bin/python3
CORPUS_ARGS   ?=

.PHONY: corpus

corpus:
	$(CORPUS_PYTHON) tools/corpus/corpus.py --out tests/data/replies/corpus $(CORPUS_ARGS)
