/* test_reply.c -- finding the codes in server replies, bounces and logs; warnings; explain. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "smtpcode.h"
#include "reply_cases.h"

#define UNKNOWN SMTPCODE_STAGE_UNKNOWN

/* Parses a copy of exactly n bytes on the heap, so that the sanitizers catch any read past the
 * caller's length. The copy is returned for pointer checks; the caller frees it. */
static char *parse_exact(const char *s, size_t n, struct smtpcode_reply *r, int *rc)
{
	char *copy = malloc(n > 0 ? n : 1);

	assert_non_null(copy);
	memcpy(copy, s, n);
	*rc = smtpcode_parse_reply(copy, n, r);
	if (*rc == SMTPCODE_OK || *rc == SMTPCODE_ENOTFOUND) {
		assert_true(r->text >= copy);
		assert_true(r->text_length <= n);
		assert_true((size_t)(r->text - copy) <= n - r->text_length);
	}
	return copy;
}

/* ---- plain replies, as servers send them ----------------------------------------------- */

static const struct reply_case plain_cases[] = {
	{ "550 5.1.1 <a@example.com>: Recipient address rejected: User unknown", 550, "5.1.1",
	  UNKNOWN, "<a@example.com>: Recipient address rejected: User unknown" },
	{ "550 5.7.1 Service unavailable, Client host [192.0.2.1] blocked using Spamhaus. To "
	  "request removal from this list see https://www.spamhaus.org/query/ip/192.0.2.1 "
	  "(AS3130). [BN1NAM02FT003.eop-nam02.prod.protection.outlook.com 2026-11-30T12:34:56.789Z "
	  "08DB1A2B3C4D5E6F]", 550, "5.7.1", UNKNOWN, NULL },
	{ "554 5.7.1 <a@example.net>: Relay access denied", 554, "5.7.1", UNKNOWN,
	  "<a@example.net>: Relay access denied" },
	{ "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected "
	  "volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
	  421, "4.7.0", UNKNOWN, NULL },
	{ "553 5.7.2 [TSS09] All messages from 192.0.2.1 will be permanently deferred; Retrying "
	  "will NOT succeed. See https://postmaster.yahooinc.com/error-codes", 553, "5.7.2",
	  UNKNOWN, NULL },
	{ "554 5.7.9 Message not accepted for policy reasons.  See "
	  "https://postmaster.yahooinc.com/error-codes", 554, "5.7.9", UNKNOWN, NULL },
	{ "450 4.2.0 <a@example.com>: Recipient address rejected: Greylisted, see "
	  "http://postgrey.example.org/help/example.com.html", 450, "4.2.0", UNKNOWN, NULL },
	{ "451 4.7.1 Greylisting in action, please come back later", 451, "4.7.1", UNKNOWN,
	  "Greylisting in action, please come back later" },
	{ "550 5.7.606 Access denied, banned sending IP [192.0.2.1]. To request removal from "
	  "this list please visit https://sender.office.com/ and follow the directions.", 550,
	  "5.7.606", UNKNOWN, NULL },
	{ "550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP.",
	  550, "5.7.708", UNKNOWN, NULL },
	{ "451 4.7.650 The mail server [192.0.2.1] has been temporarily rate limited due to IP "
	  "reputation. For e-mail delivery information, see https://postmaster.live.com (S775) "
	  "[Name=Protocol Filter Agent][AGT=PFA][MxId=11BB5A2F8E7C9D01]", 451, "4.7.650",
	  UNKNOWN, NULL },
	{ "550 5.7.1 [CS01] Message rejected due to local policy. Please visit "
	  "https://support.apple.com/en-us/HT204137", 550, "5.7.1", UNKNOWN, NULL },
	{ "550 5.7.1 [192.0.2.1] Our system has detected that this message is likely "
	  "unsolicited mail.", 550, "5.7.1", UNKNOWN, NULL },
	{ "554 5.7.5 Permanent error evaluating DMARC policy", 554, "5.7.5", UNKNOWN, NULL },
	{ "530 5.7.0 Must issue a STARTTLS command first", 530, "5.7.0", UNKNOWN, NULL },
	{ "553 5.1.8 <s@example.com>... Domain of sender address s@example.com does not exist",
	  553, "5.1.8", UNKNOWN, NULL },
	{ "552 5.3.4 Message size exceeds fixed limit (size 5242880)", 552, "5.3.4", UNKNOWN,
	  "Message size exceeds fixed limit (size 5242880)" },
	{ "250 2.0.0 OK  1700000000 a1si2345678wrb.12 - gsmtp\r\n", 250, "2.0.0", UNKNOWN,
	  "OK  1700000000 a1si2345678wrb.12 - gsmtp" },
	{ "354 End data with <CR><LF>.<CR><LF>", 354, "", UNKNOWN,
	  "End data with <CR><LF>.<CR><LF>" },
	{ "571 Delivery not authorized, message refused", 571, "", UNKNOWN, NULL },
	{ "550 Requested action not taken: mailbox unavailable", 550, "", UNKNOWN,
	  "Requested action not taken: mailbox unavailable" },
	/* a colon or a bracket right after the enhanced code */
	{ "550 5.7.1: Relay access denied", 550, "5.7.1", UNKNOWN, "Relay access denied" },
	{ "554 5.7.1[P4] Message blocked", 554, "5.7.1", UNKNOWN, "[P4] Message blocked" },
	/* bare codes */
	{ "5.7.26", -1, "5.7.26", UNKNOWN, "" },
	{ "550", 550, "", UNKNOWN, "" },
	{ "  550\n", 550, "", UNKNOWN, "" },
	{ "4.4.7 Message delayed", -1, "4.4.7", UNKNOWN, "Message delayed" },
	/* quoted in a forwarded mail */
	{ "> 550 5.7.1 Service unavailable, Client host [192.0.2.1] blocked\n", 550, "5.7.1",
	  UNKNOWN, NULL },
	/* a failure matters more than the success before it */
	{ "250 2.1.0 Sender OK\n550 5.1.1 Recipient unknown\n", 550, "5.1.1", UNKNOWN,
	  "Recipient unknown" },
	/* numbers after the code that are no enhanced code */
	{ "554 192.0.2.1 is listed at zen.example.org", 554, "", UNKNOWN, NULL },
	{ "550 1.2.3.4 blocked", 550, "", UNKNOWN, NULL },
	{ "550 5.1.1.1 odd", 550, "", UNKNOWN, NULL },
};

static void test_reply_plain(void **state)
{
	(void)state;
	check_reply_cases(plain_cases, sizeof plain_cases / sizeof plain_cases[0]);
}

/* ---- multi-line replies ----------------------------------------------------------------- */

static const struct reply_case multiline_cases[] = {
	{ "550-5.1.1 The email account that you tried to reach does not exist. Please try\r\n"
	  "550-5.1.1 double-checking the recipient's email address for typos or\r\n"
	  "550-5.1.1 unnecessary spaces. Learn more at\r\n"
	  "550 5.1.1  https://support.google.com/mail/?p=NoSuchUser a1si123456wrb.1 - gsmtp\r\n",
	  550, "5.1.1", UNKNOWN,
	  "The email account that you tried to reach does not exist. Please try" },
	{ "550-5.7.26 This mail is unauthenticated, which poses a security risk to the\n"
	  "550-5.7.26 sender and Gmail users, and has been blocked. The sender must\n"
	  "550-5.7.26 authenticate with at least one of SPF or DKIM. For this message,\n"
	  "550-5.7.26 DKIM checks did not pass and SPF check for [example.com] did not\n"
	  "550-5.7.26 pass with ip: [192.0.2.1]. To best protect our users from spam, the\n"
	  "550 5.7.26  https://support.google.com/mail/answer/81126#authentication x1si2 - gsmtp\n",
	  550, "5.7.26", UNKNOWN, NULL },
	{ "421-4.7.0 [192.0.2.1      15] Our system has detected an unusual rate of\n"
	  "421-4.7.0 unsolicited mail originating from your IP address. To protect our\n"
	  "421-4.7.0 users from spam, mail sent from your IP address has been temporarily\n"
	  "421 4.7.0 rate limited. https://support.google.com/mail/?p=UnsolicitedRateLimitError\n",
	  421, "4.7.0", UNKNOWN, NULL },
	{ "452-4.2.2 The email account that you tried to reach is over quota. Please direct\n"
	  "452 4.2.2 the recipient to https://support.google.com/mail/?p=OverQuotaTemp\n", 452,
	  "4.2.2", UNKNOWN, NULL },
	{ "535-5.7.8 Username and Password not accepted. Learn more at\n"
	  "535 5.7.8  https://support.google.com/mail/?p=BadCredentials a1sm2 - gsmtp\n", 535,
	  "5.7.8", UNKNOWN, "Username and Password not accepted. Learn more at" },
	/* the enhanced code only on the first line, or only on the last */
	{ "550-5.1.1 User unknown\n550-please check the address\n550 and try again\n", 550,
	  "5.1.1", UNKNOWN, "User unknown" },
	{ "550-Mailbox unavailable\n550 5.2.1 Mailbox disabled\n", 550, "5.2.1", UNKNOWN,
	  "Mailbox unavailable" },
	{ "250-mx.example.net Hello client.example.com [192.0.2.1]\r\n250-SIZE 35882577\r\n"
	  "250-8BITMIME\r\n250 ENHANCEDSTATUSCODES\r\n", 250, "", UNKNOWN,
	  "mx.example.net Hello client.example.com [192.0.2.1]" },
};

static void test_reply_multiline(void **state)
{
	(void)state;
	check_reply_cases(multiline_cases, sizeof multiline_cases / sizeof multiline_cases[0]);
}

/* ---- DSN fields ------------------------------------------------------------------------- */

static const struct reply_case dsn_cases[] = {
	{ "Final-Recipient: rfc822; a@example.net\nAction: failed\nStatus: 5.1.1\n"
	  "Remote-MTA: dns; mx.example.net\n"
	  "Diagnostic-Code: smtp; 550 5.1.1 <a@example.net>: Recipient address rejected: User "
	  "unknown in local recipient table\n", 550, "5.1.1", UNKNOWN,
	  "<a@example.net>: Recipient address rejected: User unknown in local recipient table" },
	{ "Action: failed\nStatus: 5.2.2\nDiagnostic-Code: smtp;552 Mailbox full\n", 552,
	  "5.2.2", UNKNOWN, "Mailbox full" },
	{ "Diagnostic-Code: SMTP; 554 5.7.1 <a@example.net>: Relay access denied", 554,
	  "5.7.1", UNKNOWN, "<a@example.net>: Relay access denied" },
	{ "Reporting-MTA: dns; mail.example.com\nX-Postfix-Queue-ID: 4F3A2B1C9D\n"
	  "Arrival-Date: Mon, 30 Nov 2026 12:34:56 +0000 (UTC)\n\n"
	  "Final-Recipient: rfc822; a@example.net\nAction: failed\nStatus: 5.4.4\n"
	  "Diagnostic-Code: X-Postfix; Host or domain name not found. Name service error for "
	  "name=example.net type=MX: Host not found\n", -1, "5.4.4", UNKNOWN, "" },
	{ "Action: delayed\nStatus: 4.4.1\nWill-Retry-Until: Thu, 3 Dec 2026 12:34:56 +0000\n",
	  -1, "4.4.1", UNKNOWN, "" },
	/* a DSN folded over lines, with a multi-line reply in it */
	{ "Status: 5.1.1\nDiagnostic-Code: smtp; 550-5.1.1 The email account that you tried to\n"
	  "    550-5.1.1 reach does not exist.\n    550 5.1.1  https://support.google.com/mail/\n",
	  550, "5.1.1", UNKNOWN, NULL },
};

static void test_reply_dsn(void **state)
{
	(void)state;
	check_reply_cases(dsn_cases, sizeof dsn_cases / sizeof dsn_cases[0]);
}

/* ---- Postfix ---------------------------------------------------------------------------- */

static const struct reply_case postfix_cases[] = {
	{ "Nov 30 12:34:56 mail postfix/smtp[12345]: 4F3A2B1C9D: to=<a@example.net>, "
	  "relay=mx.example.net[192.0.2.7]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=5.1.1, "
	  "status=bounced (host mx.example.net[192.0.2.7] said: 550 5.1.1 <a@example.net>: "
	  "Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT "
	  "TO command))", 550, "5.1.1", SMTPCODE_STAGE_RCPT,
	  "<a@example.net>: Recipient address rejected: User unknown in virtual mailbox table" },
	{ "Nov 30 12:34:56 mail postfix/smtp[1234]: 4F3A2B1C9D: to=<a@example.net>, "
	  "relay=mx.example.net[192.0.2.7]:25, delay=3600, delays=3599/0.01/0.2/0.3, dsn=4.7.0, "
	  "status=deferred (host mx.example.net[192.0.2.7] said: 421 4.7.0 Try again later, "
	  "closing connection. (in reply to MAIL FROM command))", 421, "4.7.0",
	  SMTPCODE_STAGE_MAIL, "Try again later, closing connection." },
	{ "status=deferred (host mx.example.net[192.0.2.7] said: 450 4.1.8 <s@example.com>: "
	  "Sender address rejected: Domain not found (in reply to MAIL FROM command))", 450,
	  "4.1.8", SMTPCODE_STAGE_MAIL, NULL },
	{ "Nov 30 12:34:56 mail postfix/smtp[1234]: 4F3A2B1C9D: to=<a@example.net>, "
	  "relay=mx.example.net[192.0.2.7]:25, delay=0.5, dsn=2.0.0, status=sent (250 2.0.0 Ok: "
	  "queued as 7B8C9D0E1F)", 250, "2.0.0", UNKNOWN, "Ok: queued as 7B8C9D0E1F" },
	{ "Nov 30 12:34:56 mail postfix/smtp[1234]: 4F3A2B1C9D: to=<a@example.net>, "
	  "relay=none, delay=30, dsn=4.4.1, status=deferred (connect to "
	  "mx.example.net[192.0.2.7]:25: Connection refused)", -1, "4.4.1", UNKNOWN, "" },
	{ "<a@example.net>: host mx.example.net[192.0.2.7] said: 550 5.1.1\n"
	  "    <a@example.net>: Recipient address rejected: User unknown in local\n"
	  "    recipient table (in reply to RCPT TO command)\n", 550, "5.1.1",
	  SMTPCODE_STAGE_RCPT,
	  "<a@example.net>: Recipient address rejected: User unknown in local" },
	{ "host mx.example.net[192.0.2.7] said: 554 5.7.1 Message rejected as spam (in reply "
	  "to end of DATA\n    command)", 554, "5.7.1", SMTPCODE_STAGE_END_OF_DATA,
	  "Message rejected as spam" },
	{ "host mx.example.net[192.0.2.7] said: 554 5.5.1 Error: no valid recipients (in reply "
	  "to DATA command)", 554, "5.5.1", SMTPCODE_STAGE_DATA, NULL },
	{ "host mx.example.net[192.0.2.7] refused to talk to me: 554 5.7.1 Service "
	  "unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org", 554, "5.7.1",
	  SMTPCODE_STAGE_CONNECT, NULL },
	{ "host mx.example.net[192.0.2.7] said: 454 4.7.0 TLS not available due to local "
	  "problem (in reply to STARTTLS command)", 454, "4.7.0", SMTPCODE_STAGE_STARTTLS,
	  NULL },
	{ "host mx.example.net[192.0.2.7] said: 550 5.7.1 Client host rejected: cannot find "
	  "your hostname, [192.0.2.1] (in reply to EHLO command)", 550, "5.7.1",
	  SMTPCODE_STAGE_HELO, NULL },
	{ "Nov 30 12:34:56 mail postfix/smtp[1234]: 4F3A2B1C9D: SASL authentication failed; "
	  "server smtp.example.net[192.0.2.7] said: 535 5.7.8 Error: authentication failed: "
	  "authentication failure", 535, "5.7.8", SMTPCODE_STAGE_AUTH, NULL },
	/* Postfix joins a multi-line reply into one line */
	{ "<a@example.com>: host example-com.mail.protection.example.net[192.0.2.7] said: "
	  "550-5.1.1 The email account that you tried to reach does not exist. Please try "
	  "550-5.1.1 double-checking the recipient's email address for typos or 550 5.1.1 "
	  "https://support.google.com/mail/?p=NoSuchUser (in reply to RCPT TO command)", 550,
	  "5.1.1", SMTPCODE_STAGE_RCPT, NULL },
	/* a whole bounce: the human part first, then the DSN */
	{ "This is the mail system at host mail.example.com.\n\n"
	  "I'm sorry to have to inform you that your message could not\n"
	  "be delivered to one or more recipients. It's attached below.\n\n"
	  "<a@example.net>: host mx.example.net[192.0.2.7] said: 552 5.2.2 <a@example.net>:\n"
	  "    Recipient address rejected: Mailbox full (in reply to RCPT TO command)\n\n"
	  "Reporting-MTA: dns; mail.example.com\nX-Postfix-Queue-ID: 4F3A2B1C9D\n\n"
	  "Final-Recipient: rfc822; a@example.net\nAction: failed\nStatus: 5.2.2\n"
	  "Remote-MTA: dns; mx.example.net\n"
	  "Diagnostic-Code: smtp; 552 5.2.2 <a@example.net>: Recipient address rejected:\n"
	  "    Mailbox full\n", 552, "5.2.2", SMTPCODE_STAGE_RCPT, "<a@example.net>:" },
};

static void test_reply_postfix(void **state)
{
	(void)state;
	check_reply_cases(postfix_cases, sizeof postfix_cases / sizeof postfix_cases[0]);
}

/* ---- Exim ------------------------------------------------------------------------------- */

static const struct reply_case exim_cases[] = {
	{ "SMTP error from remote mail server after RCPT TO:<a@example.com>: host "
	  "mx.example.net [192.0.2.7]: 550 5.1.1 <a@example.com>: Recipient address rejected",
	  550, "5.1.1", SMTPCODE_STAGE_RCPT, "<a@example.com>: Recipient address rejected" },
	{ "SMTP error from remote mail server after MAIL FROM:<s@example.com> SIZE=2048: 550 "
	  "5.7.1 Sender rejected", 550, "5.7.1", SMTPCODE_STAGE_MAIL, "Sender rejected" },
	{ "2026-11-30 12:34:56 1rXyZ-000123-AB ** a@example.net R=dnslookup T=remote_smtp "
	  "H=mx.example.net [192.0.2.7] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes: SMTP error "
	  "from remote mail server after end of data: 552 5.3.4 Message size exceeds fixed "
	  "maximum message size", 552, "5.3.4", SMTPCODE_STAGE_END_OF_DATA, NULL },
	{ "2026-11-30 12:34:56 1rXyZ-000123-AB SMTP error from remote mail server after "
	  "initial connection: 554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked",
	  554, "5.7.1", SMTPCODE_STAGE_CONNECT, NULL },
	{ "2026-11-30 12:34:56 1rXyZ-000123-AB == a@example.net R=dnslookup T=remote_smtp "
	  "defer (-44) H=mx.example.net [192.0.2.7]: SMTP error from remote mail server after "
	  "pipelined RCPT TO:<a@example.net>: 450 4.2.0 <a@example.net>: Recipient address "
	  "rejected: Greylisted", 450, "4.2.0", SMTPCODE_STAGE_RCPT, NULL },
	{ "SMTP error from remote mail server after pipelined MAIL FROM:<s@example.com>: 530 "
	  "5.7.0 Must issue a STARTTLS command first", 530, "5.7.0", SMTPCODE_STAGE_MAIL, NULL },
	{ "This message was created automatically by mail delivery software.\n\n"
	  "A message that you sent could not be delivered to one or more of its\n"
	  "recipients. This is a permanent error. The following address(es) failed:\n\n"
	  "  a@example.net\n    host mx.example.net [192.0.2.7]\n"
	  "    SMTP error from remote mail server after RCPT TO:<a@example.net>:\n"
	  "    550-5.1.1 The email account that you tried to reach does not exist. Please try\n"
	  "    550-5.1.1 double-checking the recipient's email address for typos or\n"
	  "    550 5.1.1  https://support.google.com/mail/?p=NoSuchUser x1si1 - gsmtp\n", 550,
	  "5.1.1", SMTPCODE_STAGE_RCPT, NULL },
	{ "  a@example.net\n    SMTP error from remote mailer after RCPT TO:<a@example.net>:\n"
	  "    host mx.example.net [192.0.2.7]: 550 5.1.1 <a@example.net>: User unknown\n", 550,
	  "5.1.1", SMTPCODE_STAGE_RCPT, "<a@example.net>: User unknown" },
	{ "SMTP error from remote server for RCPT TO command, host: mx.example.net "
	  "(192.0.2.7) reason: 550 5.1.1 <a@example.net>: Recipient address rejected: User "
	  "unknown", 550, "5.1.1", SMTPCODE_STAGE_RCPT, NULL },
};

static void test_reply_exim(void **state)
{
	(void)state;
	check_reply_cases(exim_cases, sizeof exim_cases / sizeof exim_cases[0]);
}

/* ---- Sendmail --------------------------------------------------------------------------- */

static const struct reply_case sendmail_cases[] = {
	{ "... while talking to mx.example.net.:\n>>> MAIL From:<s@example.com> SIZE=1234\n"
	  "<<< 250 2.1.0 <s@example.com>... Sender ok\n>>> RCPT To:<a@example.net>\n"
	  "<<< 550 5.1.1 <a@example.net>... User unknown\n"
	  "550 5.1.1 <a@example.net>... User unknown\n", 550, "5.1.1", SMTPCODE_STAGE_RCPT,
	  "<a@example.net>... User unknown" },
	{ "... while talking to mx.example.net.:\n>>> DATA\n<<< 354 Enter mail, end with \".\"\n"
	  ">>> .\n<<< 554 5.7.1 Message rejected as spam\n554 5.7.1 Message rejected as spam\n",
	  554, "5.7.1", SMTPCODE_STAGE_END_OF_DATA, "Message rejected as spam" },
	{ "   ----- The following addresses had permanent fatal errors -----\n<a@example.net>\n"
	  "    (reason: 550 5.1.1 <a@example.net>... User unknown)\n\n"
	  "   ----- Transcript of session follows -----\n"
	  "... while talking to mx.example.net.:\n>>> DATA\n"
	  "<<< 550 5.1.1 <a@example.net>... User unknown\n"
	  "550 5.1.1 <a@example.net>... User unknown\n<<< 503 5.0.0 Need RCPT (recipient)\n",
	  550, "5.1.1", SMTPCODE_STAGE_DATA, "<a@example.net>... User unknown" },
	{ "Nov 30 12:34:56 mx sm-mta[1234]: 4F3A2B1C9D: to=<a@example.net>, delay=00:00:01, "
	  "xdelay=00:00:01, mailer=esmtp, pri=120000, relay=mx.example.net. [192.0.2.7], "
	  "dsn=4.2.0, stat=Deferred: 450 4.2.0 <a@example.net>: Recipient address rejected: "
	  "Greylisted", 450, "4.2.0", UNKNOWN, NULL },
	{ "Nov 30 12:34:56 mx sm-mta[1234]: 4F3A2B1C9D: to=<a@example.net>, delay=00:00:02, "
	  "xdelay=00:00:01, mailer=esmtp, pri=120000, relay=mx.example.net. [192.0.2.7], "
	  "dsn=5.1.1, stat=User unknown", -1, "5.1.1", UNKNOWN, "" },
	{ ">>> RCPT To:<a@example.net>\n<<< 550-5.7.1 Recipient rejected by policy\n"
	  "<<< 550 5.7.1 See https://www.example.net/policy\n", 550, "5.7.1",
	  SMTPCODE_STAGE_RCPT, "Recipient rejected by policy" },
};

static void test_reply_sendmail(void **state)
{
	(void)state;
	check_reply_cases(sendmail_cases, sizeof sendmail_cases / sizeof sendmail_cases[0]);
}

/* ---- Exchange / Outlook and qmail ------------------------------------------------------- */

static const struct reply_case exchange_qmail_cases[] = {
	{ "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##", 550, "5.1.1", UNKNOWN,
	  "RESOLVER.ADR.RecipNotFound; not found" },
	{ "Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'", 550,
	  "5.1.1", UNKNOWN, "RESOLVER.ADR.RecipNotFound; not found" },
	{ "Remote Server returned '550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; "
	  "authentication required'", 550, "5.7.133", UNKNOWN,
	  "RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required" },
	{ "Diagnostic information for administrators:\n\n"
	  "Generating server: BN8PR12MB1234.namprd12.prod.outlook.com\n\na@example.net\n"
	  "Remote Server returned '550 5.4.1 Recipient address rejected: Access denied. "
	  "AS(201806281) [BN8NAM12FT012.eop-nam12.prod.protection.outlook.com "
	  "2026-11-30T12:34:56.789Z 08DB12345678ABCD]'\n\nOriginal message headers:\n\n"
	  "Received: from BN8PR12MB1234.namprd12.prod.outlook.com (2603:10b6:408:e8::12)\n"
	  " by BN8PR12MB5678.namprd12.prod.outlook.com with Microsoft SMTP Server\n"
	  " (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.7452.28;\n"
	  " Mon, 30 Nov 2026 12:34:56 +0000\n", 550, "5.4.1", UNKNOWN, NULL },
	{ "Remote Server returned '<mx.example.net #5.0.0 smtp;550 User unknown>'", 550,
	  "5.0.0", UNKNOWN, "User unknown" },
	{ "<mx.example.net #5.1.1 smtp;550 5.1.1 <a@example.net>... User unknown>", 550,
	  "5.1.1", UNKNOWN, "<a@example.net>... User unknown" },
	{ "<a@example.net>:\nRemote host said: 550 sorry, no mailbox here by that name. "
	  "(#5.1.1)\n", 550, "5.1.1", UNKNOWN, NULL },
	{ "<a@example.net>:\n192.0.2.7 does not like recipient.\nRemote host said: 550 5.1.1 "
	  "<a@example.net>: Recipient address rejected\nGiving up on 192.0.2.7.\n", 550, "5.1.1",
	  SMTPCODE_STAGE_RCPT, "<a@example.net>: Recipient address rejected" },
	{ "<a@example.net>:\nConnected to 192.0.2.7 but sender was rejected.\nRemote host said: "
	  "553 5.1.8 <s@example.com>... Domain of sender address does not exist\n", 553, "5.1.8",
	  SMTPCODE_STAGE_MAIL, NULL },
	{ "<a@example.net>:\n192.0.2.7 failed after I sent the message.\nRemote host said: 554 "
	  "Message refused as spam\n", 554, "", SMTPCODE_STAGE_END_OF_DATA, NULL },
	{ "<a@example.net>:\nSorry, no mailbox here by that name. (#5.1.1)\n", -1, "5.1.1",
	  UNKNOWN, "" },
	{ "Sorry, I couldn't find any host named example.invalid. (#5.1.2)", -1, "5.1.2",
	  UNKNOWN, NULL },
};

static void test_reply_exchange_and_qmail(void **state)
{
	(void)state;
	check_reply_cases(exchange_qmail_cases,
		    sizeof exchange_qmail_cases / sizeof exchange_qmail_cases[0]);
}

/* ---- numbers that are not codes -------------------------------------------------------- */

static const struct reply_case no_code_cases[] = {
	{ "Postfix 3.5.10 started at 12:34:56 on 2026-11-30", -1, "", UNKNOWN, NULL },
	{ "connect to mx.example.net[192.0.2.7]:25: Connection timed out", -1, "", UNKNOWN,
	  NULL },
	{ "relay=mx.example.net[192.0.2.250]:587, delay=550, delays=0.1/0/0.5/0.6", -1, "",
	  UNKNOWN, NULL },
	{ "Date: Mon, 30 Nov 2026 12:34:56 +0000", -1, "", UNKNOWN, NULL },
	{ "30 Nov 2026 12:34:56 queued as 4F3A2B1C9D", -1, "", UNKNOWN, NULL },
	{ "2026-11-30 12:34:56 1rXyZ-000123-AB <= s@example.com H=client [198.51.100.4]:52144 "
	  "P=esmtps S=5242880 id=550.4F3A@example.com", -1, "", UNKNOWN, NULL },
	{ "Message-ID: <20261130123456.550.4F3A2B1C9D@example.com>", -1, "", UNKNOWN, NULL },
	{ "552 bytes received", -1, "", UNKNOWN, NULL },
	{ "message size 5242880 exceeds the limit of 552 bytes", -1, "", UNKNOWN, NULL },
	{ "error at line 550: unexpected token", -1, "", UNKNOWN, NULL },
	{ "version 1.2.3.4 on 203.0.113.5", -1, "", UNKNOWN, NULL },
	{ "192.0.2.7 did not answer", -1, "", UNKNOWN, NULL },
	{ "Remote-MTA: dns; 192.0.2.7", -1, "", UNKNOWN, NULL },
	{ "5.5.5.5.5.5", -1, "", UNKNOWN, NULL },
	{ "135 nope\n650 nope\n5500 nope\n55 nope", -1, "", UNKNOWN, NULL },
	{ "the server said nothing useful", -1, "", UNKNOWN, NULL },
};

static void test_reply_ignores_other_numbers(void **state)
{
	(void)state;
	check_reply_cases(no_code_cases, sizeof no_code_cases / sizeof no_code_cases[0]);
}

/* ---- warnings ------------------------------------------------------------------------- */

struct warning_case {
	const char *input;
	unsigned set;   /* bits that must be set */
	unsigned clear; /* bits that must not be */
};

static void test_reply_warnings(void **state)
{
	static const struct warning_case cases[] = {
		{ "550 5.1.1 <a@example.com>: User unknown", 0, 0xffu },
		{ "535 5.7.8 Authentication credentials invalid", 0, 0xffu },
		{ "550 4.2.2 Mailbox full", SMTPCODE_WARN_CLASS_MISMATCH, SMTPCODE_WARN_NO_CODE },
		{ "451 5.7.1 Try later", SMTPCODE_WARN_CLASS_MISMATCH, 0 },
		{ "354 2.0.0 Go ahead", 0, SMTPCODE_WARN_CLASS_MISMATCH },
		/* the registry pairs X.1.3 only with 501: a 4xx reply carrying it is odd */
		{ "451 4.1.3 Bad address syntax", SMTPCODE_WARN_NOT_ASSOCIATED,
		  SMTPCODE_WARN_CLASS_MISMATCH },
		{ "401 4.1.3 Bad address syntax", SMTPCODE_WARN_NOT_ASSOCIATED |
		  SMTPCODE_WARN_UNKNOWN_BASIC, SMTPCODE_WARN_CLASS_MISMATCH },
		/* everyday pairs the registry's example lists leave out are not flagged */
		{ "554 5.7.1 Relay access denied", 0, SMTPCODE_WARN_NOT_ASSOCIATED },
		{ "421 4.7.0 Try again later", 0, SMTPCODE_WARN_NOT_ASSOCIATED },
		{ "550 5.7.8 Authentication credentials invalid", 0, SMTPCODE_WARN_NOT_ASSOCIATED },
		{ "571 5.7.1 Delivery not authorized", SMTPCODE_WARN_NONSTANDARD,
		  SMTPCODE_WARN_UNKNOWN_BASIC },
		{ "550 5.1 User unknown", SMTPCODE_WARN_BAD_ENHANCED, SMTPCODE_WARN_NO_CODE },
		{ "550 6.1.1 User unknown", SMTPCODE_WARN_BAD_ENHANCED, SMTPCODE_WARN_NO_CODE },
		{ "550 5.1234.1 User unknown", SMTPCODE_WARN_BAD_ENHANCED, 0 },
		{ "Status: 5.1\nDiagnostic-Code: smtp; 550 User unknown",
		  SMTPCODE_WARN_BAD_ENHANCED, SMTPCODE_WARN_NO_CODE },
		{ "6.1.1", SMTPCODE_WARN_BAD_ENHANCED | SMTPCODE_WARN_NO_CODE, 0 },
		{ "554 192.0.2.1 is listed", 0, SMTPCODE_WARN_BAD_ENHANCED },
		{ "599 Something odd", SMTPCODE_WARN_UNKNOWN_BASIC, SMTPCODE_WARN_NONSTANDARD },
		{ "550 5.7.708 Access denied", SMTPCODE_WARN_UNKNOWN_ENHANCED,
		  SMTPCODE_WARN_BAD_ENHANCED },
		{ "550 5.9.9 What", SMTPCODE_WARN_UNKNOWN_ENHANCED, 0 },
		{ "550-5.1.1 User unknown\n550 5.7.1 Policy", SMTPCODE_WARN_INCONSISTENT, 0 },
		{ "550-5.1.1 User unknown\n451 4.3.0 Later", SMTPCODE_WARN_INCONSISTENT, 0 },
		{ "550-5.1.1 a\n550-b\n550 5.1.1 c", 0, SMTPCODE_WARN_INCONSISTENT },
		{ "550-5.1.1 a\n550 5.01.001 c", 0, SMTPCODE_WARN_INCONSISTENT },
		{ "", SMTPCODE_WARN_NO_CODE, 0 },
		{ "no code at all", SMTPCODE_WARN_NO_CODE, SMTPCODE_WARN_BAD_ENHANCED },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct smtpcode_reply r;
		int rc;
		char *copy = parse_exact(cases[i].input, strlen(cases[i].input), &r, &rc);

		if ((r.warnings & cases[i].set) != cases[i].set || (r.warnings & cases[i].clear))
			fail_msg("'%s': warnings 0x%x, want set 0x%x, clear 0x%x", cases[i].input,
				 r.warnings, cases[i].set, cases[i].clear);
		assert_int_equal(rc, (r.warnings & SMTPCODE_WARN_NO_CODE) ? SMTPCODE_ENOTFOUND :
				 SMTPCODE_OK);
		free(copy);
	}
}

static void test_reply_warning_texts(void **state)
{
	unsigned bit;
	const char *seen[8];
	size_t i, n = 0;

	(void)state;
	for (bit = 1; bit <= SMTPCODE_WARN_NO_CODE; bit <<= 1) {
		const char *t = smtpcode_warning_text(bit);
		size_t len;

		assert_non_null(t);
		len = strlen(t);
		assert_true(len > 20);
		assert_int_equal(t[len - 1], '.');
		assert_null(strchr(t, '\n'));
		for (i = 0; i < n; i++)
			assert_string_not_equal(seen[i], t);
		seen[n++] = t;
	}
	/* the class-mismatch sentence says which code to trust */
	assert_non_null(strstr(smtpcode_warning_text(SMTPCODE_WARN_CLASS_MISMATCH), "trust"));
	assert_null(smtpcode_warning_text(0));
	assert_null(smtpcode_warning_text(0x100));
	assert_null(smtpcode_warning_text(SMTPCODE_WARN_CLASS_MISMATCH |
					  SMTPCODE_WARN_NO_CODE));
}

static void test_reply_stage_names(void **state)
{
	int s;

	(void)state;
	for (s = SMTPCODE_STAGE_UNKNOWN; s <= SMTPCODE_STAGE_QUIT; s++)
		assert_non_null(smtpcode_stage_name((enum smtpcode_stage)s));
	assert_string_equal(smtpcode_stage_name(SMTPCODE_STAGE_RCPT), "RCPT TO");
	assert_string_equal(smtpcode_stage_name(SMTPCODE_STAGE_MAIL), "MAIL FROM");
	assert_string_equal(smtpcode_stage_name(SMTPCODE_STAGE_END_OF_DATA), "end of DATA");
	assert_null(smtpcode_stage_name((enum smtpcode_stage)(SMTPCODE_STAGE_QUIT + 1)));
	assert_null(smtpcode_stage_name((enum smtpcode_stage)-1));
}

/* ---- explain -------------------------------------------------------------------------- */

static int explain(const char *text, char *buf, size_t size)
{
	return smtpcode_explain_reply(text, strlen(text), buf, size);
}

/* The explanation starts with "<title> (<codes>): " of the entry for want_code. */
static void assert_explains(const char *text, const char *want_code, const char *codes)
{
	char buf[1024], prefix[256];
	const struct smtpcode_entry *e = smtpcode_lookup(want_code);
	int n = explain(text, buf, sizeof buf);

	assert_non_null(e);
	assert_true(n > 0);
	assert_int_equal((size_t)n, strlen(buf));
	snprintf(prefix, sizeof prefix, "%s (%s): ", e->title, codes);
	if (strncmp(buf, prefix, strlen(prefix)) != 0)
		fail_msg("'%s' explained as '%s', want a start of '%s'", text, buf, prefix);
	assert_int_equal(buf[n - 1], '.');
	assert_null(strchr(buf, '\n'));
}

static void test_reply_explain_text(void **state)
{
	char buf[512];

	(void)state;
	assert_explains("550 5.1.1 <a@example.com>: Recipient address rejected: User unknown",
			"5.1.1", "550 5.1.1");
	/* the enhanced entry's title wins over the basic entry's */
	assert_explains("550 5.7.1 Relay denied", "5.7.1", "550 5.7.1");
	assert_explains("host mx.example.net[192.0.2.7] said: 535 5.7.8 Error: authentication "
			"failed (in reply to AUTH command)", "5.7.8", "535 5.7.8");
	assert_explains("550 Mailbox unavailable", "550", "550");
	assert_explains("Status: 5.2.2", "5.2.2", "5.2.2");
	/* an unregistered enhanced code: the basic entry explains */
	assert_explains("550 5.7.708 Access denied", "550", "550 5.7.708");
	/* the first sentence of how_to_fix, not all of it */
	assert_true(explain("550 5.1.1 User unknown", buf, sizeof buf) > 0);
	assert_true(strlen(buf) < strlen(smtpcode_lookup("5.1.1")->title) + 14 +
		    strlen(smtpcode_lookup("5.1.1")->how_to_fix));
	/* nothing known: the class says what it means */
	assert_true(explain("599 5.9.9 Something odd", buf, sizeof buf) > 0);
	assert_non_null(strstr(buf, "(599 5.9.9)"));
	assert_non_null(strstr(buf, "permanent"));
	assert_true(explain("499 Try again", buf, sizeof buf) > 0);
	assert_non_null(strstr(buf, "(499)"));
	assert_non_null(strstr(buf, "temporary"));
}

/* An "other or undefined" enhanced code (X.S.0) says less than the reply code's entry. */
static void test_reply_explain_prefers_specific_entry(void **state)
{
	static const struct {
		const char *reply, *code;
	} cases[] = {
		{ "421 4.7.0 Try again later", "421" }, { "250 2.0.0 OK queued", "250" },
		{ "530 5.7.0 Must issue a STARTTLS command first", "530" },
		{ "550 5.1.1 User unknown", "X.1.1" }, { "Status: 4.4.0", "X.4.0" },
	};
	char buf[512], want[128];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_true(smtpcode_explain_reply(cases[i].reply, strlen(cases[i].reply), buf,
						   sizeof buf) > 0);
		snprintf(want, sizeof want, "%s (", smtpcode_lookup(cases[i].code)->title);
		if (strncmp(buf, want, strlen(want)) != 0)
			fail_msg("'%s' explained as '%s'", cases[i].reply, buf);
	}
}

static void test_reply_explain_truncation(void **state)
{
	static const char text[] = "550 5.1.1 <a@example.com>: User unknown";
	static const size_t sizes[] = { 1, 2, 10, 40, 4096 };
	char full[4096], buf[4200];
	int n = explain(text, full, sizeof full);
	size_t i;

	(void)state;
	assert_true(n > 10);
	assert_int_equal(explain(text, NULL, 0), n);
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		size_t size = sizes[i], kept = size - 1 < (size_t)n ? size - 1 : (size_t)n;

		memset(buf, 'Z', sizeof buf);
		assert_int_equal(explain(text, buf, size), n);
		assert_int_equal(buf[kept], '\0');
		assert_memory_equal(buf, full, kept);
		assert_int_equal(buf[size], 'Z'); /* nothing written past size */
	}
	/* size 0 writes nothing at all */
	memset(buf, 'Z', sizeof buf);
	assert_int_equal(explain(text, buf, 0), n);
	assert_int_equal(buf[0], 'Z');
}

static void test_reply_explain_errors(void **state)
{
	char buf[64];

	(void)state;
	assert_int_equal(smtpcode_explain_reply(NULL, 3, buf, sizeof buf), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_explain_reply("550", 3, NULL, 10), SMTPCODE_ENULL);
	memset(buf, 'Z', sizeof buf);
	assert_int_equal(explain("no code in here", buf, sizeof buf), SMTPCODE_ENOTFOUND);
	assert_int_equal(buf[0], '\0');
	assert_int_equal(explain("", buf, sizeof buf), SMTPCODE_ENOTFOUND);
	assert_int_equal(explain("", NULL, 0), SMTPCODE_ENOTFOUND);
}

/* ---- adversarial input ---------------------------------------------------------------- */

static void test_reply_null_and_empty(void **state)
{
	struct smtpcode_reply r;
	const char *text = "";

	(void)state;
	assert_int_equal(smtpcode_parse_reply(NULL, 0, &r), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_parse_reply("550", 3, NULL), SMTPCODE_ENULL);
	assert_int_equal(smtpcode_parse_reply(text, 0, &r), SMTPCODE_ENOTFOUND);
	assert_int_equal(r.basic, -1);
	assert_string_equal(r.enhanced, "");
	assert_ptr_equal(r.text, text);
	assert_int_equal(r.text_length, 0);
	assert_int_equal(r.stage, SMTPCODE_STAGE_UNKNOWN);
	assert_int_equal(r.warnings, SMTPCODE_WARN_NO_CODE);
	/* the length is what counts: "550 5.1.1" cut after three bytes is "550" */
	assert_int_equal(smtpcode_parse_reply("550 5.1.1 x", 3, &r), SMTPCODE_OK);
	assert_int_equal(r.basic, 550);
	assert_string_equal(r.enhanced, "");
	assert_int_equal(smtpcode_parse_reply("550 5.1.1 x", 0, &r), SMTPCODE_ENOTFOUND);
}

static void test_reply_white_space_only(void **state)
{
	static const char *const inputs[] = { " ", "     ", "\t\t", "\n\n\n", "\r\n \r\n\t" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		struct smtpcode_reply r;
		int rc;
		char *copy = parse_exact(inputs[i], strlen(inputs[i]), &r, &rc);

		assert_int_equal(rc, SMTPCODE_ENOTFOUND);
		assert_int_equal(r.warnings, SMTPCODE_WARN_NO_CODE);
		free(copy);
	}
}

static void test_reply_nul_bytes_inside(void **state)
{
	static const char a[] = "550 5.1.1 User\0unknown";
	static const char b[] = "garbage\0\0\n550 5.1.1 ok\0";
	static const char c[] = "550\0";
	static const char d[] = "\0\0\0\0";
	struct smtpcode_reply r;
	int rc;
	char *copy;

	(void)state;
	copy = parse_exact(a, sizeof a - 1, &r, &rc);
	assert_int_equal(rc, SMTPCODE_OK);
	assert_int_equal(r.basic, 550);
	assert_string_equal(r.enhanced, "5.1.1");
	assert_int_equal(r.text_length, 12); /* "User\0unknown": the NUL is part of the text */
	free(copy);
	copy = parse_exact(b, sizeof b - 1, &r, &rc);
	assert_int_equal(r.basic, 550);
	assert_string_equal(r.enhanced, "5.1.1");
	free(copy);
	copy = parse_exact(c, sizeof c - 1, &r, &rc);
	assert_int_equal(r.basic, 550);
	free(copy);
	copy = parse_exact(d, sizeof d - 1, &r, &rc);
	assert_int_equal(rc, SMTPCODE_ENOTFOUND);
	free(copy);
}

static void test_reply_invalid_utf8(void **state)
{
	static const char a[] = "\xc3\x28\xff\xfe said: 550 5.1.1 Us\xe2\x82 er \x80\xbf";
	static const char b[] = "\xff\xfe\xfd\xfc\x80\x81\x82";
	struct smtpcode_reply r;
	int rc;
	char *copy;

	(void)state;
	copy = parse_exact(a, sizeof a - 1, &r, &rc);
	assert_int_equal(r.basic, 550);
	assert_string_equal(r.enhanced, "5.1.1");
	free(copy);
	copy = parse_exact(b, sizeof b - 1, &r, &rc);
	assert_int_equal(rc, SMTPCODE_ENOTFOUND);
	free(copy);
}

/* Fills n bytes with a repeated pattern. */
static char *repeated(const char *pattern, size_t n)
{
	char *s = malloc(n);
	size_t i, len = strlen(pattern);

	assert_non_null(s);
	for (i = 0; i < n; i++)
		s[i] = pattern[i % len];
	return s;
}

static void test_reply_huge_inputs(void **state)
{
	static const char *const patterns[] = {
		"1234567890", "5", "5.", "#", "<<<", "said: ", ": ", "(in reply to ", " ",
		"\n", "550-", "after ", ")", "'", "550 5.1.1 ", "(550, b'", "]: ", "said:_550_",
		"\"reason\": ", "x #SMTP#", "Exception: ", "[550 5.7.1 "
	};
	const size_t mb = 1024 * 1024;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof patterns / sizeof patterns[0]; i++) {
		struct smtpcode_reply r;
		char *s = repeated(patterns[i], mb);

		(void)smtpcode_parse_reply(s, mb, &r);
		assert_true(r.text_length <= mb);
		free(s);
	}
}

static void test_reply_huge_inputs_find_codes(void **state)
{
	static const char tail[] = " said: 550 5.1.1 User unknown (in reply to RCPT TO command)";
	const size_t mb = 1024 * 1024, kb100 = 100 * 1024;
	struct smtpcode_reply r;
	char *s = repeated("a", mb + sizeof tail);

	(void)state;
	/* a 1 MB line with the reply at its very end */
	memcpy(s + mb, tail, sizeof tail - 1);
	assert_int_equal(smtpcode_parse_reply(s, mb + sizeof tail - 1, &r), SMTPCODE_OK);
	assert_int_equal(r.basic, 550);
	assert_string_equal(r.enhanced, "5.1.1");
	assert_int_equal(r.stage, SMTPCODE_STAGE_RCPT);
	free(s);
	/* digits everywhere, no newline */
	s = repeated("1234567890", mb);
	assert_int_equal(smtpcode_parse_reply(s, mb, &r), SMTPCODE_ENOTFOUND);
	free(s);
	/* a line of 100 kB of '5' */
	s = repeated("5", kb100);
	assert_int_equal(smtpcode_parse_reply(s, kb100, &r), SMTPCODE_ENOTFOUND);
	assert_int_equal(r.warnings, SMTPCODE_WARN_NO_CODE);
	free(s);
	/* a long multi-line reply */
	s = repeated("550-5.1.1 x\n", mb);
	assert_int_equal(smtpcode_parse_reply(s, mb, &r), SMTPCODE_OK);
	assert_int_equal(r.basic, 550);
	assert_int_equal(r.warnings & SMTPCODE_WARN_INCONSISTENT, 0);
	free(s);
}

/* Every prefix of a realistic bounce parses without reading past its end. */
static void test_reply_every_prefix(void **state)
{
	static const char bounce[] =
		"<a@example.net>: host mx.example.net[192.0.2.7] said: 550-5.1.1 x\r\n"
		"    550 5.1.1 y (in reply to RCPT TO command)\n"
		"Status: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 z\n"
		"Remote Server returned '554 5.7.1 no' (#5.7.1) >>> .\n<<< 421 4.7.0 ##\n"
		"#< #5.1.1 smtp;550 5.1.1 u> #SMTP#\nsmtplib.SMTPDataError: (554, b'5.7.1 no')\n"
		"reject: RCPT from h[192.0.2.1]: 450 4.7.1 x\nsaid:_550_5.1.1_y/\n"
		"{\"reason\": \"550 z\"}\nerror 550-'5.1.1 w'";
	size_t n;

	(void)state;
	for (n = 0; n <= sizeof bounce - 1; n++) {
		struct smtpcode_reply r;
		int rc;
		char *copy = parse_exact(bounce, n, &r, &rc);

		assert_true(rc == SMTPCODE_OK || rc == SMTPCODE_ENOTFOUND);
		free(copy);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reply_plain),
		cmocka_unit_test(test_reply_multiline),
		cmocka_unit_test(test_reply_dsn),
		cmocka_unit_test(test_reply_postfix),
		cmocka_unit_test(test_reply_exim),
		cmocka_unit_test(test_reply_sendmail),
		cmocka_unit_test(test_reply_exchange_and_qmail),
		cmocka_unit_test(test_reply_ignores_other_numbers),
		cmocka_unit_test(test_reply_warnings),
		cmocka_unit_test(test_reply_warning_texts),
		cmocka_unit_test(test_reply_stage_names),
		cmocka_unit_test(test_reply_explain_text),
		cmocka_unit_test(test_reply_explain_prefers_specific_entry),
		cmocka_unit_test(test_reply_explain_truncation),
		cmocka_unit_test(test_reply_explain_errors),
		cmocka_unit_test(test_reply_null_and_empty),
		cmocka_unit_test(test_reply_white_space_only),
		cmocka_unit_test(test_reply_nul_bytes_inside),
		cmocka_unit_test(test_reply_invalid_utf8),
		cmocka_unit_test(test_reply_huge_inputs),
		cmocka_unit_test(test_reply_huge_inputs_find_codes),
		cmocka_unit_test(test_reply_every_prefix),
	};

	return cmocka_run_group_tests_name("reply", tests, NULL, NULL);
}
