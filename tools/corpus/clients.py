"""clients.py -- the mail clients and libraries of the corpus.

Each sends the scenario's message straight to the scripted server (127.0.0.1:2525), logging
in with AUTH wherever it can and using STARTTLS in the STARTTLS scenarios, and what it wrote
(stdout and stderr together, as a user sees them) is recorded. A client that exits 0 took
the delivery for a success: that scenario is left out for it (unless only one of two
recipients was refused, when the message did go).
"""

import json
import os
import subprocess

from producer import Output, Producer, Skip, message_for, workfile
from system import apt_get, package_version, run

HOST, PORT = "127.0.0.1", "2525"
SENDER = "sender@example.org"
USER, PASSWORD = "mailuser", "s3cret-pass"
HELO = "client.example.org"
CLIENT_TIMEOUT = 60


class Client(Producer):
    kind = "client"
    package = None
    variants = [""]  # one run per variant; e.g. curl is run once quietly and once with -v

    def install(self):
        if self.package and not package_version(self.package):
            apt_get("install", "--no-install-recommends", self.package)

    def version(self):
        return package_version(self.package)

    def command(self, plan, variant, message_path):
        """(argv, stdin text or None) of one run."""
        raise NotImplementedError

    def outputs(self, text, variant):
        """The cases of one run's output; by default the output whole."""
        return [Output(text, variant or "output", "-")]

    def run(self, plan, server, sink):
        _, message = message_for(plan, SENDER)
        path = workfile(self.workdir, "message.eml", message.replace("\n", "\r\n"))
        outs, reasons = [], []
        for variant in self.variants:
            server.reset(plan)
            argv, stdin = self.command(plan, variant, path)
            try:
                res = run(argv, input=stdin, timeout=CLIENT_TIMEOUT, env=self.env())
            except subprocess.TimeoutExpired:
                reasons.append("timed out")
                continue
            if not server.fired:
                reasons.append("never reached the stage")
            elif res.returncode == 0 and not plan.refuse_only:
                # (with one of two recipients refused the message did go: exit 0 is right)
                reasons.append("reported the message as sent (exit 0)")
            elif not res.stdout.strip():
                reasons.append("printed nothing (exit %d)" % res.returncode)
            else:
                label = "exit %d" % res.returncode
                for out in self.outputs(res.stdout, variant):
                    out.kind = "%s, %s" % (out.kind, label)
                    outs.append(out)
        if not outs:
            raise Skip("; ".join(sorted(set(reasons))))
        return outs

    def env(self):
        return dict(os.environ, HOME=self.workdir, LC_ALL="C")


class Msmtp(Client):
    name = package = "msmtp"

    def command(self, plan, variant, path):
        conf = workfile(self.workdir, "msmtprc", "# empty: everything is on the command line\n")
        os.chmod(conf, 0o600)
        tls = "on" if plan.offer_starttls else "off"
        return (["msmtp", "-C", conf, "--host=" + HOST, "--port=" + PORT, "--domain=" + HELO,
                 "--auth=plain", "--user=" + USER, "--passwordeval=echo " + PASSWORD,
                 "--from=" + SENDER, "--tls=" + tls, "--tls-starttls=on",
                 "--tls-certcheck=off", "--"] + plan.recipients, open(path).read())


class Swaks(Client):
    name = package = "swaks"

    def command(self, plan, variant, path):
        argv = ["swaks", "--server", HOST, "--port", PORT, "--helo", HELO, "--from", SENDER,
                "--to", ",".join(plan.recipients), "--auth", "--auth-user", USER,
                "--auth-password", PASSWORD, "--data", "@" + path]
        if plan.offer_starttls:
            argv.append("-tls")
        return argv, None


class Curl(Client):
    name = package = "curl"
    variants = ["stderr", "stderr with -v"]

    def command(self, plan, variant, path):
        argv = ["curl", "-sS", "smtp://%s:%s/%s" % (HOST, PORT, HELO), "--mail-from", SENDER]
        for rcpt in plan.recipients:
            argv += ["--mail-rcpt", rcpt]
        argv += ["-T", path, "--user", "%s:%s" % (USER, PASSWORD)]
        if plan.offer_starttls:
            argv += ["--ssl-reqd", "-k"]
        if "-v" in variant:
            argv.append("-v")
        return argv, None


class SNail(Client):
    name = package = "s-nail"

    def command(self, plan, variant, path):
        argv = ["s-nail", "-:/", "-Sv15-compat", "-Sttycharset=us-ascii", "-Snosave",
                "-Smta=smtp://%s:%s@%s:%s" % (USER, PASSWORD, HOST, PORT),
                "-Ssmtp-auth=plain", "-Sfrom=" + SENDER, "-Shostname=" + HELO,
                "-s", "smtpcode corpus: " + plan.name]
        if plan.offer_starttls:
            argv += ["-Ssmtp-use-starttls", "-Stls-verify=ignore"]
        return argv + ["-."] + plan.recipients, message_body(path)  # -.: end of options


MUTTRC = """\
# written by tools/corpus for one scenario
set smtp_url = "smtp://{user}@{host}:{port}/"
set smtp_pass = "{password}"
set smtp_authenticators = "plain:login"
set from = "{sender}"
set use_envelope_from = yes
set hostname = "{helo}"
set record = ""
set copy = no
set charset = "us-ascii"
set send_charset = "us-ascii"
set ssl_starttls = {tls}
set ssl_force_tls = {tls}
set ssl_verify_host = no
set ssl_verify_dates = no
"""


class Mutt(Client):
    name = package = "mutt"

    def command(self, plan, variant, path):
        rc = workfile(self.workdir, "muttrc", MUTTRC.format(
            user=USER, password=PASSWORD, host=HOST, port=PORT, sender=SENDER, helo=HELO,
            tls="yes" if plan.offer_starttls else "no"))
        return (["mutt", "-n", "-F", rc, "-s", "smtpcode corpus: " + plan.name, "--"]
                + plan.recipients, message_body(path))


def message_body(path):
    """The body of the message file, for clients that write their own headers."""
    return open(path).read().replace("\r\n", "\n").split("\n\n", 1)[1]


class ScriptClient(Client):
    """A library driven by a script of ours that prints a JSON object of the error's fields;
    each field worth pasting becomes a case, and so does the printed object."""

    fields = ()

    def script_args(self, plan, path):
        return [HOST, PORT, SENDER, ",".join(plan.recipients), path, USER, PASSWORD,
                "1" if plan.offer_starttls else "0"]

    def outputs(self, text, variant):
        outs = []
        try:
            obj = json.loads(text)
        except ValueError:
            return [Output(text, "output", "-")]
        for key in self.fields:
            value = lookup(obj, key)
            if isinstance(value, str) and value:
                outs.append(Output(value, key, "-"))
        outs.append(Output(text.rstrip("\n"), "the printed JSON object", "-"))
        return outs


def lookup(obj, key):
    """obj's value at a dotted key; "rejectedErrors.0.message" indexes into the list."""
    for part in key.split("."):
        if isinstance(obj, list):
            obj = obj[int(part)] if part.isdigit() and int(part) < len(obj) else None
        elif isinstance(obj, dict):
            obj = obj.get(part)
        else:
            return None
    return obj


class Smtplib(ScriptClient):
    name = "smtplib"
    fields = ("repr", "str", "refused")

    def version(self):
        out = run(["/usr/bin/python3", "-c", "import sys; print(sys.version.split()[0])"])
        return "Python " + out.stdout.strip()

    def command(self, plan, variant, path):
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "send_smtplib.py")
        return ["/usr/bin/python3", script] + self.script_args(plan, path), None

    def outputs(self, text, variant):
        # repr and str are what an application prints; the JSON around them is only ours.
        return [o for o in super().outputs(text, variant) if o.kind != "the printed JSON object"]


class Nodemailer(ScriptClient):
    name = "nodemailer"
    # err.response alone is the server's reply verbatim; the printed object holds it too.
    fields = ("message", "rejectedErrors.0.message")

    def install(self):
        """npm install into the work directory: nothing lands in the repository."""
        self.prefix = os.path.join(self.workdir, "node")
        if not os.path.exists(os.path.join(self.prefix, "node_modules", "nodemailer")):
            os.makedirs(self.prefix, exist_ok=True)
            res = run(["npm", "install", "--prefix", self.prefix, "--no-audit", "--no-fund",
                       "--no-save", "nodemailer"])
            if res.returncode != 0:
                raise RuntimeError("npm install nodemailer failed:\n" + res.stdout[-2000:])

    def version(self):
        pkg = os.path.join(self.prefix, "node_modules", "nodemailer", "package.json")
        node = run(["node", "--version"]).stdout.strip()
        return "%s (node %s)" % (json.load(open(pkg))["version"], node)

    def command(self, plan, variant, path):
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "send_nodemailer.js")
        return ["node", script] + self.script_args(plan, path), None

    def env(self):
        return dict(super().env(), NODE_PATH=os.path.join(self.prefix, "node_modules"))


CLIENTS = [Msmtp, Swaks, Curl, SNail, Mutt, Nodemailer, Smtplib]
