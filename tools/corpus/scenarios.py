"""scenarios.py -- the plans of the reply corpus: at which stage the server fails, and how.

Every stage gets the eight combinations of 4xx/5xx x one line/several lines x with/without an
enhanced code, plus a dropped connection; a few plans refuse the second of two recipients.
The expected codes of every recorded case come from here, never from what a producer wrote.
The texts are our own, in the manner of real servers; hosts and addresses are invented.
"""

from dataclasses import dataclass, field

STAGES = ["connect", "helo", "starttls", "auth", "mail", "rcpt", "data", "end_of_data"]


@dataclass
class Plan:
    name: str
    stage: str                      # a stage token of tests/data/replies/README, or "none"
    basic: str = "-"                # "-": no reply (a dropped connection)
    enhanced: str = "-"
    lines: list = field(default_factory=list)  # the reply's texts, one per line
    drop: bool = False
    enhanced_codes: bool = True     # whether the server advertises ENHANCEDSTATUSCODES
    refuse_only: str = ""           # "": every RCPT fails; else only the RCPT of this address
    server_name: str = "mx1.example.net"

    @property
    def offer_starttls(self):
        return self.stage == "starttls"

    @property
    def recipients(self):
        """The recipients a producer sends to: two when the plan refuses only one of them."""
        if self.refuse_only:
            return ["anna.berg@example.com", self.refuse_only]
        return ["jane.doe@example.com"]

    @property
    def refused(self):
        """The recipients whose delivery the plan makes fail."""
        return [self.refuse_only] if self.refuse_only else self.recipients

    @property
    def permanent(self):
        return self.basic.startswith("5")

    def fails_at(self, stage, arg):
        """Whether the command of stage, with argument arg, gets the plan's reply. By address,
        not by position: an MTA may send the recipients in any order, or split them over
        connections (Exim retries a recipient refused with 452 in a new one)."""
        if stage != self.stage:
            return False
        return not (stage == "rcpt" and self.refuse_only
                    and "<%s>" % self.refuse_only.lower() not in arg.lower())

    def wire_reply(self):
        """The reply as sent: every line carries the code (and the enhanced code, RFC 2034)."""
        prefix = self.basic
        out = []
        for i, text in enumerate(self.lines):
            sep = " " if i == len(self.lines) - 1 else "-"
            code = prefix + sep + ("" if self.enhanced == "-" else self.enhanced + " ")
            out.append(code + text + "\r\n")
        return "".join(out).encode("ascii")

    @classmethod
    def accept_all(cls):
        return cls(name="sink", stage="none")


# One row per combination: (stage, basic, enhanced or "-", lines, server name). The class,
# the line count and whether an enhanced code is there are read off each row.
REPLIES = [
    # ---- greeting ----
    ("connect", "421", "4.7.0", ["mx1.example.net Too many connections from your IP, try later"],
     "mx1.example.net"),
    ("connect", "421", "-", ["smtp.example.com Service not available, closing transmission"
                             " channel"], "smtp.example.com"),
    ("connect", "421", "4.3.2", ["mail.example.org Service temporarily unavailable",
                                 "System maintenance in progress, please try again later"],
     "mail.example.org"),
    ("connect", "421", "-", ["in1.example.net ESMTP not accepting connections right now",
                             "Server busy: too many concurrent sessions, try again in 5 minutes"],
     "in1.example.net"),
    ("connect", "554", "5.7.1", ["mx2.example.com Connection refused: 203.0.113.45 is listed"
                                 " at bl.example.org"], "mx2.example.com"),
    ("connect", "554", "-", ["smtp.example.org No SMTP service here"], "smtp.example.org"),
    ("connect", "554", "5.7.1", ["mx.example.net ESMTP",
                                 "Your IP address 198.51.100.23 has a poor reputation.",
                                 "See https://postmaster.example.net/rbl for delisting"],
     "mx.example.net"),
    ("connect", "550", "-", ["mail.example.com Access denied",
                             "Connections from your network are not accepted"],
     "mail.example.com"),
    # ---- EHLO / HELO ----
    ("helo", "450", "4.7.1", ["<client.example.org>: Helo command rejected: Host not found"],
     "mx1.example.net"),
    ("helo", "451", "-", ["Helo name lookup failed, try again later"], "mail.example.com"),
    ("helo", "421", "4.7.0", ["Your HELO/EHLO greeting is not accepted from this network",
                              "right now. Try again later"], "smtp.example.org"),
    ("helo", "450", "-", ["Helo command rejected:",
                          "client.example.org does not resolve, try again later"],
     "mx3.example.net"),
    ("helo", "504", "5.5.2", ["<localhost>: Helo command rejected: need fully-qualified"
                              " hostname"], "mx1.example.net"),
    ("helo", "550", "-", ["Invalid HELO name (See RFC 5321 section 4.1.1.1)"],
     "mail.example.org"),
    ("helo", "550", "5.7.1", ["Access denied: the HELO name you gave",
                              "is not valid for the address you connect from.",
                              "Contact postmaster@example.net if you believe this is an error"],
     "mx2.example.net"),
    ("helo", "501", "-", ["Syntax error in EHLO parameters",
                          "Use a fully qualified domain name"], "smtp.example.com"),
    # ---- STARTTLS ----
    ("starttls", "454", "4.7.0", ["TLS not available due to temporary reason"],
     "mx1.example.net"),
    ("starttls", "454", "-", ["TLS currently unavailable, try again later"], "mail.example.com"),
    ("starttls", "454", "4.7.0", ["TLS not available:",
                                  "certificate store is being reloaded, try again in a minute"],
     "smtp.example.org"),
    ("starttls", "454", "-", ["Unable to initialize the TLS layer", "please retry later"],
     "mx4.example.net"),
    ("starttls", "554", "5.7.3", ["Unable to initialize security subsystem"],
     "mx1.example.com"),
    ("starttls", "554", "-", ["Security policy violation: TLS negotiation refused"],
     "mail.example.net"),
    ("starttls", "554", "5.7.0", ["STARTTLS refused:",
                                  "your client is on the TLS deny list of this server"],
     "smtp.example.net"),
    ("starttls", "501", "-", ["Syntax error", "STARTTLS takes no parameters"],
     "mx2.example.org"),
    # ---- AUTH ----
    ("auth", "454", "4.7.0", ["Temporary authentication failure"], "smtp.example.com"),
    ("auth", "435", "-", ["Unable to authenticate at present"], "mail.example.org"),
    ("auth", "432", "4.7.12", ["A password transition is needed",
                               "Log in at https://account.example.com to change your password"],
     "smtp.example.net"),
    ("auth", "454", "-", ["Authentication backend unavailable",
                          "Please try again in a few minutes"], "submit.example.com"),
    ("auth", "535", "5.7.8", ["Error: authentication failed: Authentication credentials"
                              " invalid"], "smtp.example.com"),
    ("auth", "535", "-", ["Incorrect authentication data"], "mail.example.net"),
    ("auth", "535", "5.7.8", ["Username and Password not accepted. For more information, visit",
                              "https://help.example.com/smtp-login k3f9q2.41 - esmtp"],
     "smtp.example.org"),
    ("auth", "535", "-", ["Authentication failed: the account is locked",
                          "after too many failed attempts"], "submit.example.net"),
    # ---- MAIL FROM ----
    ("mail", "451", "4.1.8", ["<sender@example.org>: Sender address rejected: Domain not found"],
     "mx1.example.net"),
    ("mail", "452", "-", ["Insufficient system storage"], "mail.example.com"),
    ("mail", "421", "4.7.0", ["Too many messages from 198.51.100.7 in the last hour.",
                              "Please slow down and try again later"], "smtp.example.net"),
    ("mail", "451", "-", ["Temporary local problem - please try later",
                          "(ref. mx3.example.net 20240520T101500)"], "mx3.example.net"),
    ("mail", "550", "5.7.1", ["<sender@example.org>: Sender address rejected: Access denied"],
     "mx1.example.com"),
    ("mail", "553", "-", ["Sender address rejected: not owned by user"], "submit.example.org"),
    ("mail", "550", "5.7.23", ["SPF validation failed for the domain example.org:",
                               "198.51.100.7 is not a permitted sender.",
                               "See https://postmaster.example.net/spf r2-esmtp"],
     "mx.example.net"),
    ("mail", "552", "-", ["Message size exceeds maximum permitted",
                          "Maximum message size for this server is 10 MB"], "mail.example.net"),
    # ---- RCPT TO ----
    ("rcpt", "451", "4.7.1", ["<jane.doe@example.com>: Recipient address rejected: Greylisted,"
                              " see https://grey.example.org/?ip=192.0.2.1"], "mx1.example.net"),
    ("rcpt", "450", "-", ["Mailbox temporarily unavailable"], "mail.example.com"),
    ("rcpt", "452", "4.2.2", ["The email account that you tried to reach is over quota.",
                              "Please direct the recipient to https://help.example.com/quota"
                              " q1w2e3 - esmtp"], "smtp.example.com"),
    ("rcpt", "450", "-", ["Requested mail action not taken: mailbox unavailable",
                          "Recipient is receiving mail too fast, try again later"],
     "mx2.example.org"),
    ("rcpt", "550", "5.1.1", ["<jane.doe@example.com>: Recipient address rejected: User unknown"
                              " in virtual mailbox table"], "mx1.example.com"),
    ("rcpt", "554", "-", ["<jane.doe@example.com>: Relay access denied"], "mail.example.org"),
    ("rcpt", "550", "5.1.1", ["The mailbox you addressed is not known here.",
                              "Check the address for typing errors and try again.",
                              "Details: https://help.example.net/bounce/5.1.1 r7-esmtp"],
     "mx.example.net"),
    ("rcpt", "552", "-", ["Mailbox full", "This mailbox has exceeded its storage limit"],
     "mail.example.net"),
    # ---- DATA ----
    ("data", "451", "4.3.0", ["Temporary local problem, please try again"], "mx1.example.net"),
    ("data", "421", "-", ["mail.example.com Service shutting down, closing transmission"
                          " channel"], "mail.example.com"),
    ("data", "452", "4.5.3", ["Too many recipients this hour", "please try later"],
     "smtp.example.org"),
    ("data", "451", "-", ["Queue file write error", "Try again later"], "mx2.example.net"),
    ("data", "554", "5.5.1", ["Error: no valid recipients"], "mx1.example.com"),
    ("data", "554", "-", ["Transaction failed"], "mail.example.org"),
    ("data", "550", "5.7.1", ["Your account has been suspended for sending spam.",
                              "Contact abuse@example.net to restore access"], "smtp.example.net"),
    ("data", "554", "-", ["Message refused by policy", "Sending quota exceeded for today"],
     "submit.example.net"),
    # ---- end of data ----
    ("end_of_data", "451", "4.7.1", ["Please try again later: content scanner busy"],
     "mx1.example.net"),
    ("end_of_data", "452", "-", ["Insufficient disk space; try again later"],
     "mail.example.com"),
    ("end_of_data", "421", "4.7.28", ["Our system has detected an unusual rate of mail from"
                                      " your domain.",
                                      "Try again later. ref: ab12cd34 - esmtp"],
     "mx.example.net"),
    ("end_of_data", "450", "-", ["Message temporarily rejected",
                                 "Spam score too high; try again later"], "mx2.example.org"),
    ("end_of_data", "550", "5.7.1", ["Message rejected as spam by Content Filtering"],
     "mx1.example.com"),
    ("end_of_data", "552", "-", ["Message size exceeds fixed maximum message size"],
     "mail.example.org"),
    ("end_of_data", "550", "5.7.26", ["Unauthenticated mail from example.org is refused because"
                                      " of the",
                                      "domain's DMARC policy. Ask the domain owner to publish"
                                      " SPF or DKIM",
                                      "records. https://postmaster.example.net/dmarc z9-esmtp"],
     "smtp.example.net"),
    ("end_of_data", "554", "-", ["Transaction failed: message contains a virus",
                                 "(Eicar-Test-Signature)"], "mx3.example.net"),
]

# One of two recipients refused (the second one given), the other accepted.
PARTIAL = [
    ("550", "5.1.1", ["<tom.hale@example.net>: Recipient address rejected: User unknown in"
                      " local recipient table"], "mx1.example.net"),
    ("550", "-", ["No such user here"], "mail.example.com"),
    ("452", "4.2.2", ["Mailbox full:", "tom.hale@example.net has exceeded the storage quota"],
     "mx.example.org"),
    ("450", "-", ["Recipient temporarily deferred", "try again later"], "smtp.example.net"),
]


def reply_name(stage, basic, enhanced, lines):
    shape = "multi" if len(lines) > 1 else "single"
    return "%s-%sxx-%s-%s" % (stage, basic[0], shape, "noenh" if enhanced == "-" else "enh")


def build():
    plans = []
    for stage, basic, enhanced, lines, host in REPLIES:
        plans.append(Plan(reply_name(stage, basic, enhanced, lines), stage, basic, enhanced,
                          lines, enhanced_codes=enhanced != "-", server_name=host))
    for stage in STAGES:
        plans.append(Plan("%s-drop" % stage, stage, drop=True))
    for basic, enhanced, lines, host in PARTIAL:
        name = "second-" + reply_name("rcpt", basic, enhanced, lines)
        plans.append(Plan(name, "rcpt", basic, enhanced, lines, enhanced_codes=enhanced != "-",
                          refuse_only="tom.hale@example.net", server_name=host))
    names = [p.name for p in plans]
    assert len(names) == len(set(names)), "scenario names must be unique"
    return plans


SCENARIOS = build()
