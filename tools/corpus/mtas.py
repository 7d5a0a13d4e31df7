"""mtas.py -- the MTAs of the corpus: Postfix, Exim and OpenSMTPD.

Each relays all mail to the scripted server at [127.0.0.1]:2525 (STARTTLS required, AUTH
PLAIN/LOGIN with made-up credentials: the common "smarthost" set-up) and its bounces for
example.org, the sender's domain, to the sink at [127.0.0.1]:2526. No DNS, no listener on
port 25. What is recorded for a scenario: the log lines of the delivery attempt for each
refused recipient, and the DSN that the MTA sent back, whole and part by part.

The three conflict on mail-transport-agent: installing one removes the last.
"""

import glob
import os
import re
import shutil
import time
from dataclasses import dataclass

import dsn
from producer import Output, Producer, Skip, message_for
from smtpserver import wait_until
from system import Daemon, Tail, apt_get, debconf_set, package_version, run

SERVER = ("127.0.0.1", 2525)
SINK = ("127.0.0.1", 2526)
SENDER = "sender@example.org"
AUTH_USER, AUTH_PASS = "relayuser", "s3cret-relay"
MY_HOSTNAME = "relay.example.org"
ATTEMPT_TIMEOUT = 40  # seconds for one delivery attempt to show in the log
BOUNCE_TIMEOUT = 20


@dataclass
class Result:
    """What an MTA logged about one recipient's delivery."""
    text: str           # the log line
    status: str         # the MTA's own status code in it (Postfix dsn=), or "-"
    permanent: bool     # a bounce follows
    failed: bool


class MTA(Producer):
    """What the three MTAs share: submit, wait for the log, wait for the bounce, clean up."""

    kind = "mta"
    package = None
    server_tls_always = True   # smarthost over STARTTLS: the server offers and does TLS
    sink_tls = True

    def __init__(self, workdir):
        super().__init__(workdir)
        self.daemon = None

    def version(self):
        return package_version(self.package)

    def install(self):
        if not package_version(self.package):
            apt_get("install", "--no-install-recommends", self.package)

    # ---- one scenario ---------------------------------------------------------------------
    def run(self, plan, server, sink):
        tail = Tail(self.log_path)
        msgid, message = message_for(plan, SENDER)
        self.submit(plan, message)
        lines = []

        def outcomes():
            """{recipient: its result line}, once every recipient has one: the message is
            done with (a recipient still in flight would meet the next scenario's plan)."""
            lines.extend(tail.new_lines())
            found = {}
            for line in lines:
                for rcpt in plan.recipients:
                    result = self.outcome(line, rcpt)
                    if result and (rcpt not in found or result.failed):
                        found[rcpt] = result
            return found if len(found) == len(plan.recipients) else None

        found = wait_until(outcomes, ATTEMPT_TIMEOUT, step=0.2) or {}
        failed = [found[r] for r in plan.refused if r in found and found[r].failed]
        if not failed:
            raise Skip("no failure logged for %s (%s)" % (
                " ".join(plan.refused),
                "delivered after all" if found else "no result within %ds" % ATTEMPT_TIMEOUT))
        outputs = [Output(f.text, "log", f.status) for f in failed]
        outputs += [Output(text, "log, other line of the attempt", "-")
                    for text in self.other_lines(lines, msgid)]
        if any(f.permanent for f in failed):
            bounce = wait_until(lambda: sink_message(sink, msgid), BOUNCE_TIMEOUT)
            if bounce:
                outputs += dsn.outputs(bounce)
        self.clear_queue()
        return outputs

    def outcome(self, line, rcpt):
        """A Result when line is the final word on rcpt's delivery (sent, deferred, failed)."""
        raise NotImplementedError

    def other_lines(self, lines, msgid):
        """Lines of the attempt that report the failure apart from the recipient's line."""
        return []

    def submit(self, plan, message):
        raise NotImplementedError

    def clear_queue(self):
        raise NotImplementedError

    def stop(self):
        if self.daemon:
            self.daemon.stop()
            self.daemon = None


def sink_message(sink, msgid):
    """The bounce of the message msgid, once the sink has it (it quotes the original's
    headers, Message-ID included)."""
    for m in list(sink.messages):
        if msgid.encode() in m:
            return m
    return None


# ---- Postfix ------------------------------------------------------------------------------

POSTFIX_MAIN = """\
# written by tools/corpus (make corpus); the original is put back afterwards
compatibility_level = 3.6
myhostname = {host}
mydomain = relay.example.org
myorigin = $myhostname
mydestination =
inet_interfaces = loopback-only
inet_protocols = ipv4
relayhost = [{srv[0]}]:{srv[1]}
transport_maps = inline:{{example.org=smtp:[{sink[0]}]:{sink[1]}}}
smtp_host_lookup = native
disable_dns_lookups = yes
maillog_file = {log}
alias_maps =
alias_database =
local_recipient_maps =
smtp_tls_security_level = encrypt
smtp_sasl_auth_enable = yes
smtp_sasl_password_maps = inline:{{[{srv[0]}]:{srv[1]}={user}:{pw}}}
smtp_sasl_security_options = noanonymous
smtp_sasl_tls_security_options = noanonymous
# one scenario after the other to the same host: no connection reuse, and no marking the
# host dead after a refused connection, or the next scenario would never reach it
smtp_connection_cache_on_demand = no
default_destination_concurrency_failed_cohort_limit = 1000
"""


class Postfix(MTA):
    name = "postfix"
    package = "postfix"

    @property
    def log_path(self):
        return "/var/log/corpus-postfix.log"

    def install(self):
        debconf_set(["postfix postfix/main_mailer_type select No configuration",
                     "postfix postfix/mailname string %s" % MY_HOSTNAME])
        super().install()

    def configure(self, files):
        files.write("/etc/postfix/main.cf", POSTFIX_MAIN.format(
            host=MY_HOSTNAME, srv=SERVER, sink=SINK, log=self.log_path,
            user=AUTH_USER, pw=AUTH_PASS))
        files.write("/etc/postfix/master.cf", postfix_master_cf())
        run(["postfix", "check"])
        self.clear_queue()

    def start(self):
        # master(8) detaches; its pid file says which process to stop (SIGTERM to master
        # stops its children too). start-fg would not help: off PID 1 it forks as well.
        if run(["postfix", "status"]).returncode == 0:
            raise RuntimeError("a Postfix not started by us is running: stop it first")
        pidfile = "/var/spool/postfix/pid/master.pid"
        if os.path.exists(pidfile):
            os.unlink(pidfile)  # stale, from a master that has stopped
        run(["postfix", "start"])
        self.daemon = Daemon.from_pidfile(pidfile)
        time.sleep(1)

    def submit(self, plan, message):
        run(["sendmail", "-i", "-f", SENDER, "--"] + plan.recipients, input=message)

    def outcome(self, line, rcpt):
        m = re.search(r"\bstatus=(\w+)", line)
        if "to=<%s>" % rcpt not in line or not m:
            return None
        dsn_m = re.search(r"\bdsn=(\d\.\d{1,3}\.\d{1,3})", line)
        return Result(line, dsn_m.group(1) if dsn_m else "-", m.group(1) == "bounced",
                      m.group(1) != "sent")

    def clear_queue(self):
        run(["postsuper", "-d", "ALL"])

    def stop(self):
        super().stop()
        if os.path.exists(self.log_path):  # recorded already; nothing of ours stays behind
            os.unlink(self.log_path)


def postfix_master_cf():
    """The package's master.cf without the smtpd listener on port 25 and without chroot
    (we start Postfix ourselves, so nothing copies the SASL libraries into the jail)."""
    out = ["# written by tools/corpus (make corpus); the original is put back afterwards"]
    for line in open("/usr/share/postfix/master.cf.dist"):
        line = line.rstrip("\n")
        fields = line.split()
        if line and not line[0].isspace() and not line.startswith("#") and len(fields) >= 8:
            if fields[1] == "inet":
                out.append("#" + line)
                continue
            fields[4] = "n"
            line = " ".join(fields[:8]) + ((" " + " ".join(fields[8:])) if fields[8:] else "")
        out.append(line)
    return "\n".join(out) + "\n"


# ---- Exim ---------------------------------------------------------------------------------

EXIM_CONF = """\
# written by tools/corpus (make corpus); removed afterwards
primary_hostname = {host}
qualify_domain = {host}
domainlist local_domains =
log_file_path = {logdir}/%slog
host_lookup =
rfc1413_hosts =
disable_ipv6 = true
tls_advertise_hosts =
never_users =
trusted_users = root
delay_warning =
keep_environment =

begin routers
sink:
  driver = manualroute
  domains = example.org
  route_list = * {sink[0]}
  transport = sink_smtp
  self = send
corpus:
  driver = manualroute
  route_list = * {srv[0]}
  transport = corpus_smtp
  self = send

begin transports
corpus_smtp:
  driver = smtp
  port = {srv[1]}
  allow_localhost
  hosts_require_tls = *
  tls_verify_hosts =
  hosts_require_auth = *
sink_smtp:
  driver = smtp
  port = {sink[1]}
  allow_localhost
  hosts_avoid_tls = *

begin retry
*  *  F,1h,5m

begin authenticators
plain:
  driver = plaintext
  public_name = PLAIN
  client_send = ^{user}^{pw}
login:
  driver = plaintext
  public_name = LOGIN
  client_send = : {user} : {pw}
"""

EXIM_CONF_PATH = "/etc/exim4/exim4.conf"  # read before Debian's generated one


class Exim(MTA):
    name = "exim"
    package = "exim4-daemon-light"

    @property
    def log_path(self):
        return os.path.join(self.logdir, "mainlog")

    @property
    def logdir(self):
        return os.path.join(self.workdir, "exim-log")

    def configure(self, files):
        os.makedirs(self.logdir, exist_ok=True)
        shutil.chown(self.logdir, "Debian-exim", "Debian-exim")
        files.write(EXIM_CONF_PATH, EXIM_CONF.format(
            host=MY_HOSTNAME, srv=SERVER, sink=SINK, logdir=self.logdir,
            user=AUTH_USER, pw=AUTH_PASS))
        self.clear_queue()

    def start(self):
        """Nothing to start: exim -odf delivers in the foreground, in the submitting process,
        and the bounce is sent by a process of its own that it starts."""

    def submit(self, plan, message):
        run(["exim4", "-odf", "-oi", "-f", SENDER, "--"] + plan.recipients, input=message)

    def outcome(self, line, rcpt):
        m = re.search(r" (\*\*|==|=>) (\S+)", line)
        if not m or m.group(2) != rcpt:
            return None
        return Result(line, "-", m.group(1) == "**", m.group(1) != "=>")

    def other_lines(self, lines, msgid):
        """E.g. "plain authenticator failed H=... 535 ...": the only line with the reply
        when AUTH fails. Lines of our message (its exim id), less the routine ones."""
        ids = {line.split()[2] for line in lines if " <= " in line and "id=" + msgid in line}
        routine = re.compile(r" (<=|=>|->|\*\*|==) |Completed$")
        return [line for line in lines
                if len(line.split()) > 3 and line.split()[2] in ids and not routine.search(line)]

    def clear_queue(self):
        ids = run(["exiqgrep", "-i"]).stdout.split()
        if ids:
            run(["exim4", "-Mrm"] + ids)
        # The retry hints: a host that failed once would be skipped in the next scenario.
        for path in glob.glob("/var/spool/exim4/db/*"):
            os.unlink(path)


# ---- OpenSMTPD ----------------------------------------------------------------------------

SMTPD_CONF = """\
# written by tools/corpus (make corpus)
table secrets file:{secrets}
action "sink" relay host smtp+notls://{sink[0]}:{sink[1]}
action "relay" relay host smtp+tls://corpus@{srv[0]}:{srv[1]} auth <secrets> tls no-verify
match from local for domain "example.org" action "sink"
match from local for any action "relay"
"""


class OpenSMTPD(MTA):
    name = "opensmtpd"
    package = "opensmtpd"

    @property
    def log_path(self):
        return os.path.join(self.workdir, "smtpd.log")

    def install(self):
        debconf_set(["opensmtpd opensmtpd/mailname string %s" % MY_HOSTNAME,
                     "opensmtpd opensmtpd/root_address string"])
        super().install()

    def configure(self, files):
        secrets = os.path.join(self.workdir, "smtpd-secrets")
        with open(secrets, "w") as f:
            f.write("corpus %s:%s\n" % (AUTH_USER, AUTH_PASS))
        os.chmod(secrets, 0o640)
        shutil.chown(secrets, "root", smtpd_group())
        # smtpd names itself (Received:, Reporting-MTA:, MAILER-DAEMON@) after /etc/mailname
        files.write("/etc/mailname", MY_HOSTNAME + "\n")
        self.conf = os.path.join(self.workdir, "smtpd.conf")
        with open(self.conf, "w") as f:
            f.write(SMTPD_CONF.format(secrets=secrets, srv=SERVER, sink=SINK))

    def start(self):
        """Nothing yet: smtpd is started afresh for every scenario (run)."""

    def run(self, plan, server, sink):
        # After a failed connection smtpd disables the route for a while ("Disabling route
        # ... for 15s") and keeps idle connections for the next message: in a new smtpd
        # every scenario starts clean.
        # -d: foreground, log to stderr (no syslog here); -v: the per-delivery lines.
        self.daemon = Daemon.spawn(["smtpd", "-d", "-v", "-f", self.conf], self.log_path)
        try:
            if not wait_until(lambda: run(["smtpctl", "show", "queue"]).returncode == 0, 20):
                raise RuntimeError("smtpd did not start; see " + self.log_path)
            self.clear_queue()
            return super().run(plan, server, sink)
        finally:
            self.stop()

    def other_lines(self, lines, msgid):
        """ "mta error reason=AUTH rejected: 535 ...": when the session fails before a
        recipient, the delivery line says only "Network error on destination MXs"."""
        return [line for line in lines if " mta error reason=" in line]

    def submit(self, plan, message):
        run(["sendmail", "-i", "-f", SENDER, "--"] + plan.recipients, input=message)

    def outcome(self, line, rcpt):
        m = re.search(r'\bresult="?(\w+)', line)
        if not m or "to=<%s>" % rcpt not in line:
            return None
        return Result(line, "-", m.group(1) == "PermFail", m.group(1) != "Ok")

    def clear_queue(self):
        run(["smtpctl", "remove", "all"])


def smtpd_group():
    for name in ("_smtpd", "opensmtpd"):
        if run(["getent", "group", name]).returncode == 0:
            return name
    return "root"


MTAS = [Postfix, Exim, OpenSMTPD]
