"""corpus.py -- remakes tests/data/replies/corpus/: what real MTAs and mail clients write when a
scripted SMTP server refuses them. Run by hand, as root, with `make corpus` (never from make
check or make ci: it installs and removes MTAs with apt-get).

    /usr/bin/python3 tools/corpus/corpus.py [--out DIR] [--only NAME[,NAME]] [--scenarios RE]

For every producer (the MTAs one at a time: they conflict) and every scenario of scenarios.py:
the server plays the plan, the producer is made to send, what it wrote is recorded. The
expected codes of a case are the plan's, never read from the output; a plan code that the
text does not show at all is expected as "-" (and the note says so).
"""

import argparse
import os
import re
import shutil
import signal
import sys
import tempfile
import textwrap
import time

sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import scenarios  # noqa: E402
from clients import CLIENTS  # noqa: E402
from mtas import MTAS  # noqa: E402
from producer import Skip  # noqa: E402
from smtpserver import Server, Sink  # noqa: E402
from system import Files, apt_get, forbid_service_starts, run  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PRODUCERS = CLIENTS + MTAS
COLUMNS = ["text", "basic", "enhanced", "plan_stage", "status_code", "note"]


# ---- the cases -----------------------------------------------------------------------------

def shows(text, code):
    """Whether text holds code as a code of its own (not inside a longer number or id)."""
    return re.search(r"(?<![\w.])%s(?![\w]|\.\d)" % re.escape(code), text) is not None


def case(producer, version, plan, out):
    basic = plan.basic if plan.basic != "-" and shows(out.text, plan.basic) else "-"
    enhanced = plan.enhanced if plan.enhanced != "-" and shows(out.text, plan.enhanced) else "-"
    note = "%s %s, %s, %s" % (producer.name, version, plan.name, out.kind)
    hidden = [c for c, got in ((plan.basic, basic), (plan.enhanced, enhanced))
              if c != "-" and got == "-"]
    if plan.drop:
        note += "; the server dropped the connection without a reply"
    if hidden:
        note += "; the server sent %s but the text does not show it" % " ".join(hidden)
    # a text that shows no reply of the server but the MTA's own status: that status is
    # what there is to explain (tests/data/replies/README, "enhanced")
    if basic == "-" and enhanced == "-" and out.status_code not in ("", "-"):
        enhanced = out.status_code
    return {"text": out.text, "basic": basic, "enhanced": enhanced, "plan_stage": plan.stage,
            "status_code": out.status_code, "note": note}


def escape(field):
    """The escapes of tests/data/replies/README; anything outside printable ASCII is \\xHH."""
    out = []
    for ch in field:
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif " " <= ch <= "~":
            out.append(ch)
        else:
            out.extend("\\x%02x" % b for b in ch.encode("utf-8"))
    return "".join(out)


def write_tsv(path, producer, version, rows):
    with open(path, "w") as f:
        f.write("# %s.tsv -- what %s %s wrote when the scripted server of tools/corpus refused\n"
                "# it; made by `make corpus` (see README here). Do not edit by hand.\n"
                % (producer.name, producer.name, version))
        f.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            f.write("\t".join(escape(row[c]) for c in COLUMNS) + "\n")


# ---- one producer --------------------------------------------------------------------------

def record(producer, plans, server, sink, files):
    """Runs every plan with one producer: (version, cases, {plan name: why left out})."""
    producer.install()
    version = producer.version()
    print("== %s %s" % (producer.name, version), flush=True)
    server.tls_always = producer.server_tls_always
    sink.tls_always = producer.sink_tls
    rows, skipped = [], {}
    try:
        producer.configure(files)
        producer.start()
        for plan in plans:
            server.reset(plan)
            sink.reset()
            try:
                outs = producer.run(plan, server, sink)
                if not server.fired:
                    raise Skip("never reached the stage")
                outs = [o for o in outs if o.text.strip()]
                if not outs:
                    raise Skip("wrote nothing about the failure")
            except Skip as why:
                skipped[plan.name] = str(why)
                print("   %-28s left out: %s" % (plan.name, why), flush=True)
                continue
            rows += [case(producer, version, plan, o) for o in outs]
            print("   %-28s %d case(s)" % (plan.name, len(outs)), flush=True)
    finally:
        producer.stop()
        files.restore()
    return version, rows, skipped


# ---- the README ----------------------------------------------------------------------------

README_HEAD = """\
tests/data/replies/corpus/ -- what real MTAs and mail clients wrote when a scripted SMTP server
refused them. Do not edit by hand: remake it, as root, from the top of the repository, with

    make corpus

(tools/corpus/corpus.py; by hand only, never from deps, check or ci). It installs the MTAs one
at a time with apt-get, puts every config file back and removes the MTAs again; it took
{minutes} minutes. `make corpus CORPUS_ARGS="--only curl"` remakes one file (not this one).

Made on {date}, Debian {debian}, with these producers:
{versions}

HOW. tools/corpus/smtpserver.py listens on 127.0.0.1:2525 and plays one plan per scenario
(tools/corpus/scenarios.py): at one stage (greeting, EHLO/HELO, STARTTLS, AUTH, MAIL, RCPT,
DATA, end of data) it sends the plan's reply -- 4xx or 5xx, one line or several, with or
without an enhanced code (ENHANCEDSTATUSCODES is advertised only with) -- or drops the
connection; a few plans refuse only the second of two recipients. The MTAs relay everything
to it (STARTTLS required, AUTH PLAIN/LOGIN) and send their bounces to a sink on
127.0.0.1:2526; the clients send to it directly (AUTH where they can, STARTTLS in the
STARTTLS plans).

WHAT. One file per producer, the columns of ../README. text is exactly what the producer
wrote: an MTA's log line(s) for the refused recipient, and for a bounce its text/plain part,
its message/delivery-status part and the whole bounce (line ends as a mailbox stores them,
LF); a client's output (stdout and stderr together). basic and enhanced are the plan's: the
codes the server sent at the failing stage; plan_stage is that stage, even where the text
does not name it (the tests do not check it). A plan code that the text does not show at all
(a client that prints only "550", a dropped connection) is "-", and the note says so; when
the text then shows no reply but the MTA's own status, enhanced is that status, as
../README says. status_code is the MTA's own status: Postfix's dsn=, a DSN's Status: field;
"-" where the text has none (all the clients). Dates, pids and queue ids are those of the
run.
Hosts and addresses are invented (example.com/.net/.org); the server is 127.0.0.1.

Cases:
{counts}

LEFT OUT. A scenario is left out for a producer that never reached its stage (a client that
does no STARTTLS, a reply it never waits for), that took the delivery for a success (exit 0),
or that wrote nothing about it. Left out in this run:
{skipped}
"""


def write_readme(path, results, seconds):
    versions = "\n".join("  %-11s %s" % (name, v) for name, (v, _, _) in results.items())
    counts = ", ".join("%s %d" % (name, len(r)) for name, (_, r, _) in results.items())
    counts += "; %d in all." % sum(len(r) for _, r, _ in results.values())
    counts = textwrap.fill(counts, 98, initial_indent="  ", subsequent_indent="  ")
    skipped = []
    for name, (_, _, why) in results.items():
        for plan, reason in why.items():
            skipped.append("  %s: %s -- %s" % (name, plan, reason))
    debian = open("/etc/debian_version").read().strip()
    with open(path, "w") as f:
        f.write(README_HEAD.format(date=time.strftime("%Y-%m-%d"), debian=debian,
                                   minutes=round(seconds / 60),
                                   versions=versions, counts=counts,
                                   skipped="\n".join(skipped) or "  nothing"))


# ---- main ----------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(REPO, "tests/data/replies/corpus"))
    ap.add_argument("--only", help="comma-separated producer names (default: all)")
    ap.add_argument("--scenarios", help="regular expression: only the plans it matches")
    ap.add_argument("--keep", action="store_true",
                    help="keep the MTA installed last and the work directory (for debugging)")
    args = ap.parse_args()
    if os.geteuid() != 0:
        sys.exit("corpus: run as root (it installs the MTAs with apt-get)")
    chosen = [p for p in PRODUCERS if not args.only or p.name in args.only.split(",")]
    plans = [p for p in scenarios.SCENARIOS
             if not args.scenarios or re.search(args.scenarios, p.name)]
    os.makedirs(args.out, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="smtpcode-corpus-")
    os.chmod(workdir, 0o711)  # the MTAs' own users write their logs below it
    # make corpus interrupted: still stop the daemons and put the config files back
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("corpus: terminated"))
    started = time.monotonic()
    system_files = Files()  # policy-rc.d: kept until the very end
    mtas_before = {p for p in MTA_PACKAGES if dpkg_state(p)}
    server = Server(2525, certdir=workdir).start()
    sink = Sink(2526).start()
    results = {}
    try:
        forbid_service_starts(system_files)
        # The MTA packages create /etc/mailname when it is missing: put back what was there.
        system_files.save("/etc/mailname")
        if any(p.kind == "mta" for p in chosen):
            apt_get("update")
        for cls in chosen:
            producer = cls(workdir)
            version, rows, skipped = record(producer, plans, server, sink, Files())
            write_tsv(os.path.join(args.out, producer.name + ".tsv"), producer, version, rows)
            results[producer.name] = (version, rows, skipped)
        if not args.only and not args.scenarios:
            write_readme(os.path.join(args.out, "README"), results, time.monotonic() - started)
    finally:
        server.shutdown()
        sink.shutdown()
        if not args.keep:
            purge_new_mtas(mtas_before)
            shutil.rmtree(workdir, ignore_errors=True)
        system_files.restore()
    print("corpus: %s in %.0f s" % (", ".join("%s %d" % (n, len(r[1]))
                                              for n, r in results.items()),
                                    time.monotonic() - started))


# The MTA packages and the ones they bring that hold config files: what a run leaves behind.
MTA_PACKAGES = ["postfix", "exim4-daemon-light", "exim4-base", "exim4-config", "opensmtpd"]


def dpkg_state(package):
    """"ii", "rc" (removed, config files left) and so on; "" when dpkg does not know it."""
    res = run(["dpkg-query", "-W", "-f", "${db:Status-Abbrev}", package])
    return res.stdout.strip() if res.returncode == 0 else ""


def purge_new_mtas(before):
    """Purges the MTA packages that this run brought (installed, or removed by the next MTA
    with their config files left), unless that would take other packages along."""
    targets = [p for p in MTA_PACKAGES if p not in before and dpkg_state(p)]
    if not targets:
        return
    sim = run(["apt-get", "-s", "purge"] + targets).stdout
    purged = re.findall(r"^Purg (\S+)", sim, re.M)
    if set(purged) <= set(targets):
        apt_get("purge", *targets)
    else:
        print("corpus: left %s (purging them purges %s)" % (" ".join(targets), purged))


if __name__ == "__main__":
    main()
