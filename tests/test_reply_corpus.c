/* test_reply_corpus.c -- the reply parser on replies, bounces and logs as real servers, MTAs
 * and client libraries phrase them, provider by provider; and numbers that are no codes. */
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

/* Stages, short, so that a row fits on a line or two. ANY: the text names no stage clearly,
 * and the row does not check it. */
#define ANY ANY_STAGE
#define UNK SMTPCODE_STAGE_UNKNOWN
#define CONN SMTPCODE_STAGE_CONNECT
#define HELO SMTPCODE_STAGE_HELO
#define TLS SMTPCODE_STAGE_STARTTLS
#define AUTH SMTPCODE_STAGE_AUTH
#define MAIL SMTPCODE_STAGE_MAIL
#define RCPT SMTPCODE_STAGE_RCPT
#define DATA SMTPCODE_STAGE_DATA
#define EOD SMTPCODE_STAGE_END_OF_DATA

#define CHECK(cases) check_reply_cases(cases, sizeof cases / sizeof cases[0])

/* ---- Gmail / Google Workspace ------------------------------------------------------------ */

static const struct reply_case gmail_cases[] = {
	{ "550-5.1.1 The email account that you tried to reach does not exist. Please try\r\n"
	  "550-5.1.1 double-checking the recipient's email address for typos or\r\n"
	  "550-5.1.1 unnecessary spaces. For more information, go to\r\n"
	  "550 5.1.1  https://support.google.com/mail/?p=NoSuchUser 5b1f17b1804b1-42f5a1b2c3dsi"
	  "1234567f8.321 - gsmtp\r\n", 550, "5.1.1", ANY,
	  "The email account that you tried to reach does not exist. Please try" },
	{ "421-4.7.28 [192.0.2.15      15] Gmail has detected an unusual rate of unsolicited\n"
	  "421-4.7.28 mail originating from your SPF domain [example.com      1]. To protect\n"
	  "421-4.7.28 our users from spam, mail sent from your domain has been temporarily\n"
	  "421-4.7.28 rate limited. For more information, go to\n"
	  "421-4.7.28  https://support.google.com/mail/?p=UnsolicitedRateLimitError to review\n"
	  "421 4.7.28 our Bulk Email Senders Guidelines. d9443c01a7336-20b1c2d3e4fsi12 - gsmtp\n",
	  421, "4.7.28", ANY, NULL },
	{ "550-5.7.26 Unauthenticated email from example.com is not accepted due to domain's\n"
	  "550-5.7.26 DMARC policy. Please contact the administrator of example.com domain if\n"
	  "550-5.7.26 this was a legitimate mail. To learn about the DMARC initiative, go to\n"
	  "550 5.7.26  https://support.google.com/mail/?p=DmarcRejection a2si9 - gsmtp\n", 550,
	  "5.7.26", ANY, NULL },
	{ "552-5.2.2 The recipient's inbox is out of storage space. Please direct the\n"
	  "552-5.2.2 recipient to\n"
	  "552 5.2.2  https://support.google.com/mail/?p=OverQuotaPerm b3si77 - gsmtp\n", 552,
	  "5.2.2", ANY, "The recipient's inbox is out of storage space. Please direct the" },
	{ "450-4.2.1 The user you are trying to contact is receiving mail at a rate that\n"
	  "450-4.2.1 prevents additional messages from being delivered. Please resend your\n"
	  "450-4.2.1 message at a later time. If the user is able to receive mail at that\n"
	  "450-4.2.1 time, your message will be delivered. For more information, go to\n"
	  "450 4.2.1  https://support.google.com/mail/?p=ReceivingRate c1si4 - gsmtp\n", 450,
	  "4.2.1", ANY, NULL },
	{ "421-4.7.0 This mail has been rejected because TLS is required for this domain.\n"
	  "421-4.7.0 To protect our users the connection is closed. For more information,\n"
	  "421 4.7.0 go to https://support.google.com/mail/?p=TLSRequired z5si1 - gsmtp\n", 421,
	  "4.7.0", ANY, NULL },
	{ "550-5.7.1 [192.0.2.44      12] Our system has detected that this message is\r\n"
	  "550-5.7.1 likely unsolicited mail. To reduce the amount of spam sent to Gmail,\r\n"
	  "550-5.7.1 this message has been blocked. For more information, go to\r\n"
	  "550 5.7.1  https://support.google.com/mail/?p=UnsolicitedMessageError q7si3 - gsmtp\r\n",
	  550, "5.7.1", ANY, NULL },
	{ "552-5.7.0 This message was blocked because its content presents a potential\n"
	  "552-5.7.0 security issue. Please visit\n"
	  "552-5.7.0  https://support.google.com/mail/?p=BlockedMessage to review our\n"
	  "552 5.7.0 message content and attachment content guidelines. r8si2 - gsmtp\n", 552,
	  "5.7.0", ANY, NULL },
	{ "550 5.4.5 Daily user sending limit exceeded. For more information on Gmail\n", 550,
	  "5.4.5", ANY, NULL },
	{ "550-5.2.1 The email account that you tried to reach is disabled. Learn more at\n"
	  "550 5.2.1  https://support.google.com/mail/?p=DisabledUser k2si6 - gsmtp\n", 550,
	  "5.2.1", ANY, NULL },
	{ "553-5.1.2 We weren't able to find the recipient domain. Please check for any\n"
	  "553-5.1.2 spelling errors, and make sure you didn't enter any spaces, periods,\n"
	  "553 5.1.2 or other punctuation after the recipient's email address. m3sm1 - gsmtp",
	  553, "5.1.2", ANY, NULL },
	{ "555 5.5.2 Syntax error, cannot decode response. For more information, go to\n", 555,
	  "5.5.2", ANY, NULL },
	{ "421-4.3.0 Temporary System Problem.  Try again later (10). For more information,\n"
	  "421 4.3.0 go to https://support.google.com/a/answer/3221692 a9si9 - gsmtp\n", 421,
	  "4.3.0", ANY, NULL },
	{ "454 4.7.0 Too many login attempts, please try again later. d2sm5 - gsmtp", 454,
	  "4.7.0", ANY, NULL },
	{ "534-5.7.9 Application-specific password required. For more information, go to\n"
	  "534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor x6sm4 - gsmtp\n",
	  534, "5.7.9", ANY, NULL },
	{ "550-5.7.25 [2001:db8::25] The IP address sending this message does not have a\n"
	  "550-5.7.25 PTR record setup, or the corresponding forward DNS entry does not\n"
	  "550 5.7.25 point to the sending IP. e4si8 - gsmtp\n", 550, "5.7.25", ANY, NULL },
	{ "550-5.7.27 This mail has been blocked because the sender is unauthenticated.\n"
	  "550-5.7.27 Gmail requires all senders to authenticate with either SPF or DKIM.\n"
	  "550 5.7.27  https://support.google.com/mail/answer/81126 f5si1 - gsmtp\n", 550,
	  "5.7.27", ANY, NULL },
	{ "451-4.3.0 Multiple destination domains per transaction is unsupported.  Please\n"
	  "451 4.3.0 try again. g3si2 - gsmtp\n", 451, "4.3.0", ANY, NULL },
	{ "552-5.2.3 Your message exceeded Google's message size limits. For more\n"
	  "552-5.2.3 information, go to\n"
	  "552 5.2.3  https://support.google.com/mail/?p=MaxSizeError h7si3 - gsmtp\n", 552,
	  "5.2.3", ANY, NULL },
	{ "250 2.0.0 OK  1732969496 41be03b00d2f7-7fd0a1b2c3dsi123 - gsmtp", 250, "2.0.0", ANY,
	  "OK  1732969496 41be03b00d2f7-7fd0a1b2c3dsi123 - gsmtp" },
	{ "220 mx.google.com ESMTP a1si1234567qtx.45 - gsmtp", 220, "", ANY, NULL },
	{ "421 4.7.0 Try again later, closing connection. (EHLO) n9si5 - gsmtp", 421, "4.7.0",
	  ANY, NULL },
	/* Gmail's own bounce, written for people */
	{ "** Address not found **\n\nYour message wasn't delivered to a@example.net because "
	  "the address couldn't be found, or is unable to receive mail.\n\n"
	  "Learn more here: https://support.google.com/mail/?p=NoSuchUser\n\n"
	  "The response from the remote server was:\n"
	  "550 5.1.1 <a@example.net>: Recipient address rejected: User unknown in virtual "
	  "mailbox table\n", 550, "5.1.1", ANY,
	  "<a@example.net>: Recipient address rejected: User unknown in virtual mailbox table" },
	{ "** Message blocked **\n\nYour message to a@example.net has been blocked. See "
	  "technical details below for more information.\n\nThe response was:\n"
	  "554 5.7.1 Message rejected due to content restrictions\n", 554, "5.7.1", ANY, NULL },
	{ "Message not delivered\nThere was a problem delivering your message to "
	  "a@example.org. See the technical details below.\n\nThe response from the remote "
	  "server was:\n452 4.2.2 <a@example.org>: Recipient mailbox is full\n", 452, "4.2.2",
	  ANY, NULL },
	{ "The error that the other server returned was: 550 5.1.1 <a@example.org>: "
	  "Recipient address rejected: User unknown", 550, "5.1.1", ANY,
	  "<a@example.org>: Recipient address rejected: User unknown" },
	/* Google's DSN for a delivery it gave up on before any reply */
	{ "Final-Recipient: rfc822; a@example.invalid\nAction: failed\n"
	  "Status: 5.0.0 (permanent failure)\n"
	  "Diagnostic-Code: smtp; 5.1.2 - Bad destination host 'DNS Hard Error looking up "
	  "example.invalid (MX):  NXDomain' (delivery attempts: 0)\n", -1, "5.1.2", ANY, NULL },
	{ "Final-Recipient: rfc822; a@example.net\nAction: failed\n"
	  "Status: 4.0.0 (temporary failure)\n"
	  "Diagnostic-Code: smtp; 4.4.2 - Connection timed out (delivery attempts: 3)\n", -1,
	  "4.4.2", ANY, NULL },
};

static void test_reply_corpus_gmail(void **state)
{
	(void)state;
	CHECK(gmail_cases);
}

/* ---- Microsoft 365 / Outlook.com / Exchange ---------------------------------------------- */

static const struct reply_case microsoft_cases[] = {
	{ "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient a@example.com not found by SMTP "
	  "address lookup", 550, "5.1.10", ANY,
	  "RESOLVER.ADR.RecipientNotFound; Recipient a@example.com not found by SMTP address "
	  "lookup" },
	{ "550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. "
	  "For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653 "
	  "AS(7230) [DM6NAM12FT045.eop-nam12.prod.protection.outlook.com 2026-11-30T12:34:56."
	  "789Z 08DD0A1B2C3D4E5F]", 550, "5.7.708", ANY, NULL },
	{ "550 5.7.511 Access denied, banned sender[192.0.2.61]. To request removal from this "
	  "list please forward this message to delist@microsoft.com. For more information please "
	  "go to http://go.microsoft.com/fwlink/?LinkID=526655 AS(1440)", 550, "5.7.511", ANY,
	  NULL },
	{ "451 4.7.500 Server busy. Please try again later from [192.0.2.61]. (S77714) "
	  "[Hostname=AM4PEPF00027A5F.eurprd04.prod.outlook.com]", 451, "4.7.500", ANY, NULL },
	{ "452 4.3.1 Insufficient system resources (TQ)", 452, "4.3.1", ANY,
	  "Insufficient system resources (TQ)" },
	{ "554 5.2.0 STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuota"
	  "Exceeded; Failed to process message due to a permanent exception with message "
	  "[BeginDiagnosticData]Cannot open mailbox /o=ExchangeLabs/ou=Exchange Administrative "
	  "Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=0a1b2c3d. 16.55847:A4110000[EndDiagnosticData]",
	  554, "5.2.0", ANY, NULL },
	{ "550 5.4.1 Recipient address rejected: Access denied. AS(201806281) "
	  "[SN1NAM02FT0012.eop-nam02.prod.protection.outlook.com 2026-11-30T12:34:56.000Z "
	  "08DD1A2B3C4D5E6F]", 550, "5.4.1", ANY, NULL },
	{ "554 5.4.14 Hop count exceeded - possible mail loop ATTR34 "
	  "[CO1NAM11FT012.eop-nam11.prod.protection.outlook.com]", 554, "5.4.14", ANY, NULL },
	{ "550 5.7.509 Access denied, sending domain example.com does not pass DMARC "
	  "verification and has a DMARC policy of reject. [BL0PR02MB1234.namprd02.prod."
	  "outlook.com 2026-11-30T12:34:56.123Z 08DD2B3C4D5E6F70] [BN8NAM12FT023.eop-nam12.prod."
	  "protection.outlook.com 2026-11-30T12:34:56.111Z 08DD2B3C4D5E6F71]", 550, "5.7.509",
	  ANY, NULL },
	{ "550 5.7.520 Access denied, Your organization does not allow external forwarding. "
	  "Please contact your administrator for further assistance. AS(7555)", 550, "5.7.520",
	  ANY, NULL },
	{ "554 5.6.211 Invalid MIME Content: Single text value size (32784) exceeded allowed "
	  "maximum (32768) for the 'X-Example' header.", 554, "5.6.211", ANY, NULL },
	{ "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for "
	  "the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. "
	  "[MN2PR05CA0012.namprd05.prod.outlook.com 2026-11-30T12:34:56.789Z 08DD3C4D5E6F7081]",
	  535, "5.7.139", ANY, NULL },
	{ "535 5.7.3 Authentication unsuccessful [SN4PR0601CA0001.namprd06.prod.outlook.com]",
	  535, "5.7.3", ANY, "Authentication unsuccessful [SN4PR0601CA0001.namprd06.prod.outlook"
	  ".com]" },
	{ "530 5.7.57 Client not authenticated to send mail. Error: 535 5.7.139 Authentication "
	  "unsuccessful, SmtpClientAuthentication is disabled for the Tenant.", 530, "5.7.57",
	  ANY, NULL },
	{ "550 5.7.60 SMTP; Client does not have permissions to send as this sender "
	  "[DB9PR01MB1234.eurprd01.prod.exchangelabs.com]", 550, "5.7.60", ANY, NULL },
	{ "554 5.2.252 SendAsDenied; s@example.com not allowed to send as b@example.com; "
	  "STOREDRV.Submit; Can't submit message.", 554, "5.2.252", ANY, NULL },
	{ "550 5.7.64 TenantAttribution; Relay Access Denied ATTR36 [DM3NAM02FT012.eop-nam02."
	  "prod.protection.outlook.com]", 550, "5.7.64", ANY, NULL },
	{ "451 4.4.4 Mail received as unauthenticated, incoming to a recipient domain "
	  "configured in a hosted tenant which has no mail-enabled subscriptions. ATTR5", 451,
	  "4.4.4", ANY, NULL },
	{ "550 5.7.1 Unfortunately, messages from [192.0.2.88] weren't sent. Please contact "
	  "your Internet service provider since part of their network is on our block list "
	  "(S3150). You can also refer your provider to http://mail.live.com/mail/"
	  "troubleshooting.aspx#errors. [VI1EUR04FT012.eop-eur04.prod.protection.outlook.com]",
	  550, "5.7.1", ANY, NULL },
	{ "550 5.7.1 Service unavailable, Client host [192.0.2.88] blocked using Spamhaus. To "
	  "request removal from this list see https://www.spamhaus.org/query/ip/192.0.2.88 "
	  "(AS3130). [HE1EUR02FT012.eop-EUR02.prod.protection.outlook.com]", 550, "5.7.1", ANY,
	  NULL },
	{ "550 5.7.750 Service unavailable. Client blocked from sending from unregistered "
	  "domains. For more information please go to http://go.microsoft.com/fwlink/"
	  "?LinkId=526653", 550, "5.7.750", ANY, NULL },
	{ "421 4.3.2 Service not available, closing transmission channel", 421, "4.3.2", ANY,
	  NULL },
	{ "554 5.7.1 Your access to submit messages to this e-mail system has been rejected.",
	  554, "5.7.1", ANY, NULL },
	{ "550 5.1.8 Access denied, bad outbound sender AS(42004) "
	  "[PH0PR12MB1234.namprd12.prod.outlook.com]", 550, "5.1.8", ANY, NULL },
	{ "550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required; "
	  "Delivery restriction check failed as the sender was not authenticated", 550,
	  "5.7.133", ANY, NULL },
	{ "550 5.1.11 RESOLVER.ADR.ExRecipNotFound; Recipient not found by Exchange Legacy "
	  "encapsulated email address lookup", 550, "5.1.11", ANY, NULL },
	{ "554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException."
	  "MapiExceptionShutoffQuotaExceeded", 554, "5.2.2", ANY, NULL },
	{ "220 BN8NAM12FT012.mail.protection.outlook.com Microsoft ESMTP MAIL Service ready at "
	  "Mon, 30 Nov 2026 12:34:56 +0000 08DD0A1B2C3D4E5F", 220, "", ANY, NULL },
	{ "220 mail.example.com Microsoft ESMTP MAIL Service, Version: 10.0.17763.1 ready at  "
	  "Mon, 30 Nov 2026 12:34:56 +0100", 220, "", ANY, NULL },
	/* the NDR forms */
	{ "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not "
	  "found by SMTP address lookup'", 550, "5.1.10", ANY,
	  "RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup" },
	{ "Remote server returned '554 5.6.0 Invalid message content'", 554, "5.6.0", ANY,
	  "Invalid message content" },
	{ "a@example.com\n#< #5.1.1 smtp;550 5.1.1 <a@example.com>... User unknown> #SMTP#\n",
	  550, "5.1.1", ANY, "<a@example.com>... User unknown" },
	{ "a@example.org\n#< #5.2.2 smtp;552 5.2.2 Mailbox full> #SMTP#", 552, "5.2.2", ANY,
	  "Mailbox full" },
	{ "b@example.org\n#< #4.4.7 smtp;400 4.4.7 Message delayed> #SMTP#\n", 400, "4.4.7",
	  ANY, NULL },
	{ "Diagnostic information for administrators:\n\nGenerating server: "
	  "EX01.corp.example.com\n\na@example.net\nmx.example.net #550 5.1.1 <a@example.net>: "
	  "Recipient address rejected: User unknown in virtual mailbox table ##\n\n"
	  "Original message headers:\n\nReceived: from EX01.corp.example.com (192.0.2.10) by\n"
	  " EX02.corp.example.com (192.0.2.11) with Microsoft SMTP Server (TLS) id\n"
	  " 15.1.2507.39; Mon, 30 Nov 2026 12:34:56 +0100\n", 550, "5.1.1", ANY,
	  "<a@example.net>: Recipient address rejected: User unknown in virtual mailbox table" },
	{ "Diagnostic information for administrators:\n\nGenerating server: "
	  "EX01.corp.example.com\nReceiving server: mx.example.net (192.0.2.7)\n\n"
	  "a@example.net\nRemote Server at mx.example.net (192.0.2.7) returned '550 4.4.7 "
	  "QUEUE.Expired; message expired'\n11/30/2026 12:34:56 PM - Remote Server at "
	  "mx.example.net (192.0.2.7) returned '451 4.4.0 Primary target IP address responded "
	  "with: \"421 4.4.2 Connection dropped due to SocketError.\" Attempted failover to "
	  "alternate host, but that did not succeed. Either there are no alternate hosts, or "
	  "delivery failed to all alternate hosts. The last endpoint attempted was "
	  "192.0.2.7:25'\n", 550, "4.4.7", ANY, "QUEUE.Expired; message expired" },
	{ "Remote Server at example.org (192.0.2.9) returned '400 4.4.7 Message delayed'\n"
	  "11/30/2026 8:00:01 AM - Remote Server at example.org (192.0.2.9) returned '441 4.4.1 "
	  "Error encountered while communicating with primary target IP address: \"Failed to "
	  "connect. Winsock error code: 10060, Win32 error code: 10060.\" Attempted failover "
	  "to alternate host, but that did not succeed.'", 400, "4.4.7", ANY,
	  "Message delayed" },
	{ "Your message to a@example.com couldn't be delivered.\na wasn't found at "
	  "example.com.\n\nDiagnostic information for administrators:\n\nGenerating server: "
	  "BN8PR12MB1234.namprd12.prod.outlook.com\na@example.com\nRemote Server returned '550 "
	  "5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient a@example.com not found by SMTP "
	  "address lookup'\n", 550, "5.1.10", ANY, NULL },
	{ "Delivery has failed to these recipients or groups:\n\na@example.net\nThe e-mail "
	  "address you entered couldn't be found.\n\nDiagnostic information for "
	  "administrators:\n\nGenerating server: EX01.corp.example.com\n\na@example.net\n"
	  "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##\n", 550, "5.1.1", ANY,
	  "RESOLVER.ADR.RecipNotFound; not found" },
	{ "Delivery is delayed to these recipients or groups:\n\na@example.net\n\n"
	  "This message hasn't been delivered yet. Delivery will continue to be attempted.\n\n"
	  "The server will keep trying to deliver this message for the next 1 days, 19 hours "
	  "and 51 minutes. You'll be notified if the message can't be delivered by that time.\n"
	  "\nDiagnostic information for administrators:\n\nGenerating server: "
	  "EX01.corp.example.com\nReceiving server: mx.example.net (192.0.2.7)\n\n"
	  "Remote Server at mx.example.net (192.0.2.7) returned '400 4.4.7 Message delayed'\n",
	  400, "4.4.7", ANY, NULL },
	{ "Remote Server returned '550 5.7.1 RESOLVER.RST.AuthRequired; authentication "
	  "required [Stage: CreateMessage]'", 550, "5.7.1", ANY, NULL },
	{ "Remote Server returned '554 5.4.6 Hop count exceeded - possible mail loop'", 554,
	  "5.4.6", ANY, NULL },
	{ "Remote Server returned '<mx.example.net #5.1.1 smtp;550 Requested action not taken: "
	  "mailbox unavailable>'", 550, "5.1.1", ANY,
	  "Requested action not taken: mailbox unavailable" },
	{ "Remote Server returned '< #5.0.0 smtp; 5.1.0 - Unknown address error 550-'5.1.1 "
	  "<a@example.org>: Recipient address rejected' (delivery attempts: 0)>'", 550, "5.1.1",
	  ANY, NULL },
};

static void test_reply_corpus_microsoft(void **state)
{
	(void)state;
	CHECK(microsoft_cases);
}

/* ---- Yahoo / AOL / Verizon -------------------------------------------------------------- */

static const struct reply_case yahoo_cases[] = {
	{ "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected "
	  "volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/"
	  "error-codes", 421, "4.7.0", ANY, NULL },
	{ "553 5.7.2 [TSS09] All messages from 198.51.100.17 will be permanently deferred; "
	  "Retrying will NOT succeed. See https://postmaster.yahooinc.com/error-codes", 553,
	  "5.7.2", ANY, NULL },
	{ "554 delivery error: dd This user doesn't have a yahoo.com account (a@yahoo.com) [0] "
	  "- mta1234.mail.gq1.yahoo.com", 554, "", ANY,
	  "delivery error: dd This user doesn't have a yahoo.com account (a@yahoo.com) [0] - "
	  "mta1234.mail.gq1.yahoo.com" },
	{ "554 delivery error: dd Sorry your message to a@yahoo.com cannot be delivered. This "
	  "mailbox is disabled (554.30). - mta4017.mail.bf1.yahoo.com", 554, "", ANY, NULL },
	{ "554 30 Sorry, your message to a@aol.com cannot be delivered. This account has been "
	  "disabled or discontinued [#102]. - mta1234.aol.mail.bf1.yahoo.com", 554, "", ANY,
	  NULL },
	{ "552 1 Requested mail action aborted, mailbox not found", 552, "", ANY, NULL },
	{ "421 4.7.0 [TS01] Messages from 203.0.113.40 temporarily deferred due to user "
	  "complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes", 421,
	  "4.7.0", ANY, NULL },
	{ "421 4.7.1 [TS03] All messages from 203.0.113.40 will be permanently deferred; "
	  "Retrying will NOT succeed. See https://postmaster.yahooinc.com/error-codes", 421,
	  "4.7.1", ANY, NULL },
	{ "554 5.7.9 Message not accepted for policy reasons.  See "
	  "https://help.yahoo.com/kb/postmaster/SLN7253.html", 554, "5.7.9", ANY, NULL },
	{ "451 Message temporarily deferred - [160]", 451, "", ANY, NULL },
	{ "421 Message from (198.51.100.3) temporarily deferred - 4.16.50. Please refer to "
	  "http://postmaster.yahoo.com/errors/postmaster-21.html", 421, "", ANY, NULL },
	{ "553 5.7.1 [BL21] Connections will not be accepted from 198.51.100.3, because the ip "
	  "is in Spamhaus's list; see http://postmaster.yahoo.com/550-bl23.html", 553, "5.7.1",
	  ANY, NULL },
	{ "554 5.7.9 Message not accepted for policy reasons.  See "
	  "https://postmaster.yahooinc.com/error-codes", 554, "5.7.9", ANY, NULL },
	{ "550 5.7.9 This mail has been blocked because the sender is unauthenticated. Yahoo "
	  "requires all senders to authenticate with either SPF or DKIM.", 550, "5.7.9", ANY,
	  NULL },
	{ "554-: (RTR:BL) https://postmaster.aol.com/error-codes#554rtrbl\n"
	  "554  Connecting IP: 192.0.2.5\n", 554, "", ANY, NULL },
	{ "521 5.2.1 :  AOL will not accept delivery of this message.", 521, "5.2.1", ANY,
	  NULL },
	{ "550 5.1.1 <a@verizon.net>... User unknown", 550, "5.1.1", ANY, NULL },
	{ "host mta6.am0.yahoodns.net[192.0.2.33] said: 421 4.7.0 [TSS04] Messages from "
	  "198.51.100.9 temporarily deferred due to unexpected volume or user complaints - "
	  "4.16.55.1; see https://postmaster.yahooinc.com/error-codes (in reply to MAIL FROM "
	  "command)", 421, "4.7.0", MAIL, NULL },
};

static void test_reply_corpus_yahoo(void **state)
{
	(void)state;
	CHECK(yahoo_cases);
}

/* ---- other mailbox providers ------------------------------------------------------------- */

static const struct reply_case provider_cases[] = {
	/* Apple iCloud */
	{ "550 5.7.1 [CS01] Message rejected due to local policy. Please visit "
	  "https://support.apple.com/en-us/HT204137", 550, "5.7.1", ANY, NULL },
	{ "554 5.7.1 [HM08] Message rejected due to local policy. Please visit "
	  "https://support.apple.com/en-us/HT204137", 554, "5.7.1", ANY, NULL },
	{ "550 5.1.1 <a@icloud.com>: inactive email address", 550, "5.1.1", ANY,
	  "<a@icloud.com>: inactive email address" },
	{ "552 5.2.2 <a@me.com>: user is over quota", 552, "5.2.2", ANY, NULL },
	{ "421 4.7.0 [CS01] Message rejected due to local policy. Please visit "
	  "https://support.apple.com/en-us/HT204137", 421, "4.7.0", ANY, NULL },
	/* Zoho */
	{ "550 5.1.1 User does not exist - <a@zohomail.com>", 550, "5.1.1", ANY, NULL },
	{ "554 5.1.8 Email Outgoing Blocked.", 554, "5.1.8", ANY, NULL },
	{ "553 Relaying disallowed. Invalid Domain - example.org", 553, "", ANY, NULL },
	{ "550 5.4.6 Unusual sending activity detected. Please try after sometime.", 550,
	  "5.4.6", ANY, NULL },
	{ "535 Authentication Failed", 535, "", ANY, "Authentication Failed" },
	{ "451 4.7.1 Greylisted, please try again in 120 seconds", 451, "4.7.1", ANY, NULL },
	/* Proton */
	{ "550 5.1.1 Address does not exist", 550, "5.1.1", ANY, NULL },
	{ "554 5.7.1 Message rejected: spam", 554, "5.7.1", ANY, NULL },
	{ "421 4.7.0 Service temporarily unavailable, please try again later", 421, "4.7.0",
	  ANY, NULL },
	/* GMX and web.de */
	{ "550-Requested action not taken: mailbox unavailable\n"
	  "550 invalid DNS PTR resource record, IP=192.0.2.14\n", 550, "", ANY,
	  "Requested action not taken: mailbox unavailable" },
	{ "554-gmx.net (mxgmx112) Nemesis ESMTP Service not available\n554-No SMTP service\n"
	  "554-Bad DNS PTR resource record.\n"
	  "554 For explanation visit https://www.gmx.net/mail/senderguidelines?c=pr\n", 554, "",
	  ANY, NULL },
	{ "554-Transaction failed\n554-Reject due to policy restrictions.\n"
	  "554 For explanation visit https://web.de/email/senderguidelines?ip=192.0.2.14&c=hi\n",
	  554, "", ANY, "Transaction failed" },
	{ "550 Requested action not taken: mailbox unavailable", 550, "", ANY, NULL },
	{ "421-mx.gmx.net (mxgmx009) Nemesis ESMTP Service not available\n"
	  "421-Service unavailable\n421-Reject due to policy restrictions.\n"
	  "421 For explanation visit https://www.gmx.net/mail/senderguidelines?c=bl\n", 421, "",
	  ANY, NULL },
	{ "452-Requested mail action not taken: insufficient storage\n"
	  "452 mailbox full\n", 452, "", ANY, NULL },
	/* mail.ru */
	{ "550 Message was not accepted -- invalid mailbox.  Local mailbox a@mail.ru is "
	  "unavailable: account is disabled", 550, "", ANY, NULL },
	{ "550 spam message rejected. Please visit https://help.mail.ru/notspam-support/id?"
	  "c=AbCdEf0123 or report details to abuse@corp.mail.ru. Error code: 8F3A9B2C. ID: "
	  "0000112233445566.", 550, "", ANY, NULL },
	{ "421 Too many connections from your IP (192.0.2.90), try again later", 421, "", ANY,
	  NULL },
	/* Yandex */
	{ "550 5.7.1 No such user!", 550, "5.7.1", ANY, "No such user!" },
	{ "552 5.2.2 Mailbox size limit exceeded", 552, "5.2.2", ANY, NULL },
	{ "451 4.7.1 Sorry, the service is currently unavailable. Please come back later.",
	  451, "4.7.1", ANY, NULL },
	{ "554 5.7.1 [2] Message rejected under suspicion of SPAM; https://ya.cc/1IrBc "
	  "1732969496-AbCdEfGh1234", 554, "5.7.1", ANY, NULL },
	{ "553 5.7.1 Sender address rejected: not owned by auth user.", 553, "5.7.1", ANY,
	  NULL },
	/* QQ */
	{ "550 Mailbox not found. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022"
	  "&&no=1000728", 550, "", ANY, NULL },
	{ "550 Mail content denied. http://service.mail.qq.com/cgi-bin/help?subtype=1&&"
	  "id=20022&&no=1000726", 550, "", ANY, NULL },
	{ "451 Ip frequency limited [192.0.2.91]. http://service.mail.qq.com/cgi-bin/help?"
	  "subtype=1&&id=20022&&no=1000722", 451, "", ANY, NULL },
	/* NetEase 163 */
	{ "554 DT:SPM 163 smtp14,EsCowAB8N8K5,1732969496 11, please see "
	  "http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.92&hostid=smtp14&"
	  "time=1732969496", 554, "", ANY, NULL },
	{ "550 User not found: a@163.com", 550, "", ANY, NULL },
	/* Fastmail, Comcast, AT&T, Orange, T-Online */
	{ "550 5.1.1 <a@fastmail.com>: Recipient address rejected: User unknown", 550,
	  "5.1.1", ANY, NULL },
	{ "554 5.7.1 [192.0.2.93] Comcast block for spam. Please see "
	  "http://postmaster.comcast.net/smtp-error-codes.php#BL000000", 554, "5.7.1", ANY,
	  NULL },
	{ "421 4.7.1 Too many connections from 192.0.2.93 - Please try again later. "
	  "http://postmaster.comcast.net/smtp-error-codes.php#RL000001", 421, "4.7.1", ANY,
	  NULL },
	{ "553 5.3.0 flph829 DNSBL:RBL 521< 192.0.2.93 >_is_blocked.For assistance forward "
	  "this error to abuse_rbl@abuse-att.net", 553, "5.3.0", ANY, NULL },
	{ "550 5.7.1 Service refuse. Veuillez essayer plus tard. service refused, please try "
	  "later. OFR004_104 [104]", 550, "5.7.1", ANY, NULL },
	{ "421 mwinf5c12 ME Trop de connexions, veuillez verifier votre configuration. Too "
	  "many connections, slow down. OFR005_104 [104]", 421, "", ANY, NULL },
	{ "554 IP=192.0.2.94 - A problem occurred. (Ask your postmaster for help or to contact "
	  "tosa@rx.t-online.de to clarify.) (BL)", 554, "", ANY, NULL },
	/* Amazon SES */
	{ "554 Message rejected: Email address is not verified. The following identities "
	  "failed the check in region US-EAST-1: s@example.com", 554, "", ANY, NULL },
	{ "454 Throttling failure: Maximum sending rate exceeded.", 454, "", ANY, NULL },
	{ "{\"bounceType\":\"Permanent\",\"bouncedRecipients\":[{\"emailAddress\":"
	  "\"a@example.net\",\"action\":\"failed\",\"status\":\"5.1.1\",\"diagnosticCode\":"
	  "\"smtp; 550 5.1.1 user unknown\"}]}", 550, "5.1.1", ANY, NULL },
};

static void test_reply_corpus_providers(void **state)
{
	(void)state;
	CHECK(provider_cases);
}

/* ---- filters and gateways: Mimecast, Proofpoint, Barracuda, IronPort --------------------- */

static const struct reply_case gateway_cases[] = {
	{ "550 Rejected by header based Anti-Spoofing policy: s@example.com - "
	  "https://community.mimecast.com/docs/DOC-1369#550 [AbCdEfGhIjKl-Mn_OpQrSt.uk123]",
	  550, "", ANY, NULL },
	{ "451 Internal resource temporarily unavailable - "
	  "https://community.mimecast.com/docs/DOC-1369#451", 451, "", ANY, NULL },
	{ "550 Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550", 550, "",
	  ANY, NULL },
	{ "554 Email rejected due to security policies - "
	  "https://community.mimecast.com/docs/DOC-1369#554", 554, "", ANY, NULL },
	{ "550 Administrative prohibition - envelope blocked - "
	  "https://community.mimecast.com/docs/DOC-1369#550", 550, "", ANY, NULL },
	{ "host eu-smtp-inbound-1.mimecast.com[192.0.2.120] said: 550 Rejected by header based "
	  "Anti-Spoofing policy: s@example.com - https://community.mimecast.com/docs/"
	  "DOC-1369#550 [xYz-AbC.uk12] (in reply to end of DATA command)", 550, "", EOD, NULL },
	{ "554 5.7.1 Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.121", 554,
	  "5.7.1", ANY, "Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.121" },
	{ "521 5.7.1 Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.121", 521,
	  "5.7.1", ANY, NULL },
	{ "554 5.7.0 Blocked - see https://support.proofpoint.com/dnsbl-lookup.cgi?"
	  "ip=192.0.2.121", 554, "5.7.0", ANY, NULL },
	{ "550 5.7.1 Message blocked due to spam content in the message.", 550, "5.7.1", ANY,
	  NULL },
	{ "451 4.7.1 Service unavailable - try again later", 451, "4.7.1", ANY, NULL },
	{ "550 permanent failure for one or more recipients (a@example.com:blocked)", 550, "",
	  ANY, "permanent failure for one or more recipients (a@example.com:blocked)" },
	{ "554 Service unavailable; Client host [192.0.2.122] blocked using Barracuda "
	  "Reputation; http://www.barracudanetworks.com/reputation/?r=1&ip=192.0.2.122", 554,
	  "", ANY, NULL },
	{ "421 Too many concurrent SMTP connections from this IP address; please try again "
	  "later.", 421, "", ANY, NULL },
	{ "554 Message rejected: Spam detected", 554, "", ANY, NULL },
	{ "550 #5.1.0 Address rejected.", 550, "5.1.0", ANY, NULL },
	{ "550 #5.1.0 Address rejected a@example.org", 550, "5.1.0", ANY, NULL },
	{ "452 Too many recipients received this hour", 452, "", ANY, NULL },
	{ "554 Rejected by recipient's policy.", 554, "", ANY, NULL },
	{ "553 5.3.0 <a@example.com>... Message rejected by the recipient's mail server "
	  "policy", 553, "5.3.0", ANY, NULL },
	{ "550 5.7.1 Message rejected due to content restrictions (SpamTitan)", 550, "5.7.1",
	  ANY, NULL },
	{ "554 5.7.1 Message blocked due to spam content in the message. Reference: "
	  "AbCd-1234-5678", 554, "5.7.1", ANY, NULL },
};

static void test_reply_corpus_gateways(void **state)
{
	(void)state;
	CHECK(gateway_cases);
}

/* ---- block lists and greylisting --------------------------------------------------------- */

static const struct reply_case blocklist_cases[] = {
	{ "554 5.7.1 Service unavailable; Client host [192.0.2.130] blocked using "
	  "zen.spamhaus.org; https://www.spamhaus.org/sbl/query/SBL123456 / "
	  "https://www.spamhaus.org/query/ip/192.0.2.130", 554, "5.7.1", ANY, NULL },
	{ "550 5.7.1 Service unavailable; client [192.0.2.130] blocked using sbl.spamhaus.org",
	  550, "5.7.1", ANY, NULL },
	{ "554 5.7.1 Rejected because 192.0.2.130 is in a black list at "
	  "b.barracudacentral.org", 554, "5.7.1", ANY, NULL },
	{ "550 5.7.1 Mail from 192.0.2.130 refused, see "
	  "https://www.spamcop.net/bl.shtml?192.0.2.130", 550, "5.7.1", ANY, NULL },
	{ "554 Rejected: 192.0.2.130 listed at dnsbl.sorbs.net", 554, "", ANY, NULL },
	{ "550 5.7.1 Rejected: 192.0.2.130 listed at dnsbl-1.uceprotect.net", 550, "5.7.1",
	  ANY, NULL },
	{ "554 5.7.1 Your IP 192.0.2.130 is listed on psbl.surriel.com", 554, "5.7.1", ANY,
	  NULL },
	{ "550-JunkMail rejected - s1.example.net [192.0.2.130]:34567 is in an RBL on\n"
	  "550-bl.spamcop.net, see Blocked - see https://www.spamcop.net/bl.shtml?192.0.2.130\n"
	  "550 Please contact your ISP\n", 550, "", ANY, NULL },
	{ "554 5.7.1 Service unavailable; Client host [2001:db8::130] blocked using "
	  "zen.spamhaus.org; https://www.spamhaus.org/query/ip/2001:db8::130", 554, "5.7.1",
	  ANY, NULL },
	{ "554 5.7.1 Service unavailable; Sender address [s@example.net] blocked using "
	  "dbl.spamhaus.org; https://www.spamhaus.org/query/domain/example.net", 554, "5.7.1",
	  ANY, NULL },
	/* greylisting: postgrey, rspamd, milter-greylist, sqlgrey, Exim */
	{ "450 4.2.0 <a@example.com>: Recipient address rejected: Greylisted, see "
	  "http://postgrey.schweikert.ch/help/example.com.html", 450, "4.2.0", ANY, NULL },
	{ "451 4.7.1 Try again later", 451, "4.7.1", ANY, "Try again later" },
	{ "451 4.7.1 Greylisting in action, please come back in 00:05:00", 451, "4.7.1", ANY,
	  NULL },
	{ "450 4.7.1 <a@example.com>: Recipient address rejected: Policy Rejection- Please try "
	  "later.", 450, "4.7.1", ANY, NULL },
	{ "451 Temporary local problem - please try later", 451, "", ANY, NULL },
	{ "451 4.7.1 Please try again later (TEMPFAIL)", 451, "4.7.1", ANY, NULL },
	{ "450 4.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.131]",
	  450, "4.7.1", ANY, NULL },
	{ "450 4.2.0 <a@example.com>: Recipient address rejected: Greylisted for 300 seconds",
	  450, "4.2.0", ANY, NULL },
	{ "451-You are greylisted. Please try again in 5 minutes.\n451 Greylisted\n", 451, "",
	  ANY, NULL },
	{ "Nov 30 12:34:56 mail postfix/smtp[2211]: 5C1D2E3F4A: to=<a@example.net>, "
	  "relay=mx.example.net[192.0.2.7]:25, delay=0.9, delays=0.1/0/0.4/0.4, dsn=4.7.1, "
	  "status=deferred (host mx.example.net[192.0.2.7] said: 451 4.7.1 <a@example.net>: "
	  "Recipient address rejected: Greylisted, please try again in 300 seconds (in reply "
	  "to RCPT TO command))", 451, "4.7.1", RCPT, NULL },
};

static void test_reply_corpus_blocklists(void **state)
{
	(void)state;
	CHECK(blocklist_cases);
}

/* ---- Postfix: replies, log lines, bounces ------------------------------------------------ */

static const struct reply_case postfix_cases[] = {
	{ "550 5.1.1 <a@example.com>: Recipient address rejected: User unknown in local "
	  "recipient table", 550, "5.1.1", ANY, NULL },
	{ "550 5.1.0 <s@example.com>: Sender address rejected: User unknown in local "
	  "recipient table", 550, "5.1.0", ANY, NULL },
	{ "504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname", 504,
	  "5.5.2", ANY, NULL },
	{ "450 4.1.2 <a@example.invalid>: Recipient address rejected: Domain not found", 450,
	  "4.1.2", ANY, NULL },
	{ "421 4.4.2 mx.example.net Error: timeout exceeded", 421, "4.4.2", ANY, NULL },
	{ "503 5.5.1 Error: authentication not enabled", 503, "5.5.1", ANY, NULL },
	{ "535 5.7.8 Error: authentication failed: UGFzc3dvcmQ6", 535, "5.7.8", ANY, NULL },
	{ "452 4.5.3 Error: too many recipients", 452, "4.5.3", ANY, NULL },
	{ "452 4.3.1 Insufficient system storage", 452, "4.3.1", ANY, NULL },
	{ "552 5.3.4 Message size exceeds fixed limit", 552, "5.3.4", ANY, NULL },
	{ "451 4.3.0 Error: queue file write error", 451, "4.3.0", ANY, NULL },
	{ "554 5.7.1 <client.example.net[192.0.2.140]>: Client host rejected: Access denied",
	  554, "5.7.1", ANY, NULL },
	{ "554 5.5.1 Error: no valid recipients", 554, "5.5.1", ANY, NULL },
	{ "250 2.0.0 Ok: queued as 4F3A2B1C9D", 250, "2.0.0", ANY, "Ok: queued as 4F3A2B1C9D" },
	/* smtp client log lines */
	{ "Nov 30 12:34:56 mail postfix/smtp[12345]: 7E8F9A0B1C: to=<a@example.net>, "
	  "relay=mx.example.net[192.0.2.7]:25, delay=2.1, delays=0.1/0.01/1.5/0.5, dsn=5.7.1, "
	  "status=bounced (host mx.example.net[192.0.2.7] said: 554 5.7.1 <a@example.net>: "
	  "Relay access denied (in reply to RCPT TO command))", 554, "5.7.1", RCPT,
	  "<a@example.net>: Relay access denied" },
	{ "Nov 30 12:34:56 mail postfix/smtp[12345]: 7E8F9A0B1C: to=<a@example.net>, "
	  "relay=none, delay=30, delays=0.02/0.01/30/0, dsn=4.4.1, status=deferred (connect to "
	  "mx.example.net[192.0.2.7]:25: Connection timed out)", -1, "4.4.1", UNK, NULL },
	{ "status=deferred (connect to mx.example.net[192.0.2.7]:25: Connection timed out)",
	  -1, "", UNK, NULL },
	{ "status=deferred (delivery temporarily suspended: connect to "
	  "mx.example.net[192.0.2.7]:25: Connection refused)", -1, "", UNK, NULL },
	{ "Nov 30 12:34:56 mail postfix/smtp[4321]: 7E8F9A0B1C: to=<a@example.invalid>, "
	  "relay=none, delay=0.12, delays=0.1/0.01/0.01/0, dsn=5.4.4, status=bounced (Host or "
	  "domain name not found. Name service error for name=example.invalid type=MX: Host not "
	  "found, try again)", -1, "5.4.4", UNK, NULL },
	{ "Nov 30 12:34:56 mail postfix/smtp[4321]: 7E8F9A0B1C: to=<a@example.net>, "
	  "relay=mx.example.net[192.0.2.7]:25, delay=300, delays=0.1/0/300/0, dsn=4.4.2, "
	  "status=deferred (lost connection with mx.example.net[192.0.2.7] while receiving the "
	  "initial server greeting)", -1, "4.4.2", ANY, NULL },
	{ "Nov 30 12:34:56 mail postfix/smtp[4321]: 7E8F9A0B1C: to=<a@example.net>, "
	  "relay=mx.example.net[192.0.2.7]:25, delay=1.4, delays=0.2/0/0.6/0.6, dsn=5.1.1, "
	  "status=bounced (host mx.example.net[192.0.2.7] said: 550-5.1.1 The email account "
	  "that you tried to reach does not exist. Please try 550-5.1.1 double-checking the "
	  "recipient's email address for typos or 550-5.1.1 unnecessary spaces. For more "
	  "information, go to 550 5.1.1  https://support.google.com/mail/?p=NoSuchUser "
	  "a1si2 - gsmtp (in reply to RCPT TO command))", 550, "5.1.1", RCPT, NULL },
	{ "Nov 30 12:34:56 mail postfix/smtp[4321]: 7E8F9A0B1C: to=<a@example.net>, "
	  "relay=mx.example.net[192.0.2.7]:25, delay=3.3, delays=0.1/0/0.4/2.8, dsn=5.3.4, "
	  "status=bounced (message size 31457280 exceeds size limit 20971520 of server "
	  "mx.example.net[192.0.2.7])", -1, "5.3.4", ANY, NULL },
	{ "Nov 30 12:34:56 mail postfix/smtp[4321]: 7E8F9A0B1C: to=<a@example.net>, "
	  "relay=mx.example.net[192.0.2.7]:25, delay=0.61, delays=0.02/0.01/0.2/0.38, "
	  "dsn=2.0.0, status=sent (250 2.0.0 OK  1732969496 d75a77b69052e-4605ca1b2c3si12 - "
	  "gsmtp)", 250, "2.0.0", ANY, NULL },
	{ "Nov 30 12:34:56 mail postfix/local[999]: 7E8F9A0B1C: to=<u@example.com>, "
	  "relay=local, delay=0.05, delays=0.03/0.01/0/0.01, dsn=2.0.0, status=sent (delivered "
	  "to command: procmail -a \"$EXTENSION\")", -1, "2.0.0", ANY, NULL },
	{ "Nov 30 12:34:56 mail postfix/lmtp[999]: 7E8F9A0B1C: to=<u@example.com>, "
	  "relay=mail.example.com[private/dovecot-lmtp], delay=0.1, delays=0.05/0.01/0/0.04, "
	  "dsn=5.1.1, status=bounced (host mail.example.com[private/dovecot-lmtp] said: 550 "
	  "5.1.1 <u@example.com> User doesn't exist: u@example.com (in reply to RCPT TO "
	  "command))", 550, "5.1.1", RCPT, NULL },
	{ "Nov 30 12:34:56 mail postfix/lmtp[999]: 7E8F9A0B1C: to=<u@example.com>, "
	  "relay=mail.example.com[private/dovecot-lmtp], delay=0.3, dsn=5.2.2, status=bounced "
	  "(host mail.example.com[private/dovecot-lmtp] said: 552 5.2.2 <u@example.com> Quota "
	  "exceeded (mailbox for user is full) (in reply to end of DATA command))", 552,
	  "5.2.2", EOD, NULL },
	{ "Nov 30 12:34:56 mail postfix/smtp[999]: 7E8F9A0B1C: to=<u@example.com>, "
	  "relay=198.51.100.1[198.51.100.1]:10024, delay=2, delays=0.1/0/0/1.9, dsn=2.0.0, "
	  "status=sent (250 2.0.0 from MTA(smtp:[198.51.100.1]:10025): 250 2.0.0 Ok: queued as "
	  "8A9B0C1D2E)", 250, "2.0.0", ANY, NULL },
	{ "Nov 30 12:34:56 mail postfix/smtp[999]: 7E8F9A0B1C: to=<u@example.com>, "
	  "relay=198.51.100.1[198.51.100.1]:10024, delay=1, dsn=5.7.0, status=bounced (host "
	  "198.51.100.1[198.51.100.1] said: 554 5.7.0 Reject, id=12345-01 - spam (in reply to "
	  "end of DATA command))", 554, "5.7.0", EOD, NULL },
	{ "Nov 30 12:34:56 mail postfix/smtp[999]: 7E8F9A0B1C: to=<a@example.net>, "
	  "relay=mx.example.net[192.0.2.7]:25, delay=5, dsn=4.7.0, status=deferred (host "
	  "mx.example.net[192.0.2.7] said: 421 4.7.0 mx.example.net Error: too many errors "
	  "(in reply to end of DATA command))", 421, "4.7.0", EOD, NULL },
	{ "Nov 30 12:34:56 mail postfix/smtp[999]: 7E8F9A0B1C: host mx.example.net[192.0.2.7] "
	  "said: 452 4.3.1 Insufficient system storage (in reply to MAIL FROM command)", 452,
	  "4.3.1", MAIL, NULL },
	{ "Nov 30 12:34:56 mail postfix/smtp[999]: 7E8F9A0B1C: host mx.example.net[192.0.2.7] "
	  "refused to talk to me: 421 4.7.0 mx.example.net Error: too many connections from "
	  "198.51.100.8", 421, "4.7.0", CONN, NULL },
	{ "Nov 30 12:34:56 mail postfix/smtp[999]: 7E8F9A0B1C: to=<a@example.net>, "
	  "relay=mx.example.net[2001:db8::25]:25, delay=0.8, dsn=5.7.26, status=bounced (host "
	  "mx.example.net[2001:db8::25] said: 550-5.7.26 This mail is unauthenticated, which "
	  "poses a security risk to the 550-5.7.26 sender and Gmail users, and has been "
	  "blocked. (in reply to end of DATA command))", 550, "5.7.26", EOD, NULL },
	/* smtpd: the server's own rejections */
	{ "Nov 30 12:34:56 mx postfix/smtpd[3456]: NOQUEUE: reject: RCPT from "
	  "unknown[192.0.2.141]: 554 5.7.1 <a@example.com>: Relay access denied; "
	  "from=<s@example.net> to=<a@example.com> proto=ESMTP helo=<client.example.net>", 554,
	  "5.7.1", ANY, "<a@example.com>: Relay access denied; from=<s@example.net> "
	  "to=<a@example.com> proto=ESMTP helo=<client.example.net>" },
	{ "Nov 30 12:34:56 mx postfix/smtpd[3456]: NOQUEUE: reject: RCPT from "
	  "unknown[192.0.2.141]: 450 4.7.25 Client host rejected: cannot find your hostname, "
	  "[192.0.2.141]; from=<s@example.net> to=<a@example.com> proto=ESMTP helo=<client>",
	  450, "4.7.25", ANY, NULL },
	{ "Nov 30 12:34:56 mx postfix/smtpd[3456]: NOQUEUE: reject: RCPT from "
	  "client.example.net[192.0.2.141]: 550 5.1.1 <x@example.com>: Recipient address "
	  "rejected: User unknown in virtual mailbox table; from=<s@example.net> "
	  "to=<x@example.com> proto=ESMTP helo=<client.example.net>", 550, "5.1.1", ANY, NULL },
	{ "Nov 30 12:34:56 mx postfix/postscreen[77]: NOQUEUE: reject: RCPT from "
	  "[192.0.2.141]:54321: 550 5.7.1 Service unavailable; client [192.0.2.141] blocked "
	  "using zen.spamhaus.org; from=<s@example.net>, to=<a@example.com>, proto=ESMTP, "
	  "helo=<client.example.net>", 550, "5.7.1", ANY, NULL },
	{ "Nov 30 12:34:56 mx postfix/cleanup[88]: 7E8F9A0B1C: milter-reject: END-OF-MESSAGE "
	  "from client.example.net[192.0.2.141]: 5.7.1 Spam message rejected; "
	  "from=<s@example.net> to=<a@example.com> proto=ESMTP helo=<client.example.net>", -1,
	  "5.7.1", ANY, NULL },
	{ "Nov 30 12:34:56 mx postfix/cleanup[88]: 7E8F9A0B1C: milter-reject: END-OF-MESSAGE "
	  "from client.example.net[192.0.2.141]: 4.7.1 Try again later; from=<s@example.net> "
	  "to=<a@example.com> proto=ESMTP helo=<client.example.net>", -1, "4.7.1", ANY, NULL },
	{ "Nov 30 12:34:56 mx postfix/smtpd[3456]: NOQUEUE: reject: CONNECT from "
	  "unknown[192.0.2.141]: 554 5.7.1 <unknown[192.0.2.141]>: Client host rejected: "
	  "Access denied; proto=SMTP", 554, "5.7.1", ANY, NULL },
	/* lines with no code */
	{ "Nov 30 12:34:56 mx postfix/smtpd[3456]: lost connection after AUTH from "
	  "unknown[192.0.2.141]", -1, "", ANY, NULL },
	{ "Nov 30 12:34:56 mx postfix/smtpd[3456]: disconnect from unknown[192.0.2.141] "
	  "ehlo=1 auth=0/1 quit=1 commands=2/3", -1, "", ANY, NULL },
	{ "Nov 30 12:34:56 mx postfix/smtp[3456]: warning: TLS library problem: "
	  "error:0A000086:SSL routines::certificate verify failed:ssl/statem/statem_clnt.c:2091:",
	  -1, "", ANY, NULL },
	{ "Nov 30 12:34:56 mx postfix/qmgr[555]: 7E8F9A0B1C: from=<s@example.com>, size=4521, "
	  "nrcpt=1 (queue active)", -1, "", ANY, NULL },
	{ "Nov 30 12:34:56 mx postfix/qmgr[555]: 7E8F9A0B1C: removed", -1, "", ANY, NULL },
	/* the bounce itself */
	{ "This is the mail system at host mail.example.com.\n\nI'm sorry to have to inform you "
	  "that your message could not\nbe delivered to one or more recipients. It's attached "
	  "below.\n\nFor further assistance, please send mail to postmaster.\n\nIf you do so, "
	  "please include this problem report. You can\ndelete your own text from the attached "
	  "returned message.\n\n                   The mail system\n\n<a@example.net>: host "
	  "mx.example.net[192.0.2.7] said: 550 5.7.1\n    <a@example.net>: Relay access denied "
	  "(in reply to RCPT TO command)\n", 550, "5.7.1", RCPT,
	  "<a@example.net>: Relay access denied" },
	{ "<a@example.net>: host mx.example.net[192.0.2.7] said: 554 5.7.1 Service\n"
	  "    unavailable; Client host [198.51.100.2] blocked using zen.spamhaus.org;\n"
	  "    https://www.spamhaus.org/query/ip/198.51.100.2 (in reply to RCPT TO command)\n",
	  554, "5.7.1", RCPT, "Service" },
	{ "<a@example.net>: connect to mx.example.net[192.0.2.7]:25: Connection refused\n", -1,
	  "", ANY, NULL },
	{ "<a@example.invalid>: Host or domain name not found. Name service error for\n"
	  "    name=example.invalid type=AAAA: Host not found\n", -1, "", ANY, NULL },
	{ "<a@example.net>: host mx.example.net[192.0.2.7] said: 452 4.2.2 Mailbox full\n"
	  "    (in reply to RCPT TO command)\n\nReporting-MTA: dns; mail.example.com\n"
	  "X-Postfix-Queue-ID: 7E8F9A0B1C\nX-Postfix-Sender: rfc822; s@example.com\n"
	  "Arrival-Date: Mon, 30 Nov 2026 12:34:56 +0100 (CET)\n\n"
	  "Final-Recipient: rfc822; a@example.net\nOriginal-Recipient: rfc822;a@example.net\n"
	  "Action: delayed\nStatus: 4.2.2\nRemote-MTA: dns; mx.example.net\n"
	  "Diagnostic-Code: smtp; 452 4.2.2 Mailbox full\n", 452, "4.2.2", RCPT,
	  "Mailbox full" },
	{ "<u@example.com> (expanded from <alias@example.com>): unknown user: \"u\"\n", -1, "",
	  ANY, NULL },
	{ "<a@example.net>: mail for example.net loops back to myself\n", -1, "", ANY, NULL },
	{ "<a@example.net>: host mx.example.net[192.0.2.7] said: 530 5.7.0 Must issue a\n"
	  "    STARTTLS command first (in reply to MAIL FROM command)\n", 530, "5.7.0", MAIL,
	  NULL },
	{ "<a@example.net>: host mx.example.net[192.0.2.7] said: 421 4.7.0 TLS required\n"
	  "    for this domain (in reply to STARTTLS command)\n", 421, "4.7.0", TLS, NULL },
};

static void test_reply_corpus_postfix(void **state)
{
	(void)state;
	CHECK(postfix_cases);
}

/* ---- Exim: main log, bounces, replies ---------------------------------------------------- */

static const struct reply_case exim_cases[] = {
	{ "2026-11-30 12:34:56 1tHaBc-0001Ab-9Z ** a@example.com R=dnslookup T=remote_smtp "
	  "H=mx.example.net [192.0.2.7]: SMTP error from remote mail server after "
	  "RCPT TO:<a@example.com>: 550 5.1.1 <a@example.com>: Recipient address rejected: User "
	  "unknown in virtual mailbox table", 550, "5.1.1", RCPT,
	  "<a@example.com>: Recipient address rejected: User unknown in virtual mailbox table" },
	{ "2026-11-30 12:34:56 1tHaBc-0001Ab-9Z ** a@example.com <a@example.com> R=dnslookup "
	  "T=remote_smtp H=mx.example.net [192.0.2.7] X=TLS1.2:ECDHE-RSA-AES256-GCM-SHA384:256 "
	  "CV=yes DN=\"CN=mx.example.net\": SMTP error from remote mail server after end of "
	  "data: 550 5.7.1 Message rejected as spam", 550, "5.7.1", EOD,
	  "Message rejected as spam" },
	{ "2026-11-30 12:34:56 1tHaBc-0001Ab-9Z == a@example.com R=dnslookup T=remote_smtp "
	  "defer (-53): retry time not reached for any host for 'example.com'", -1, "", ANY,
	  NULL },
	{ "2026-11-30 12:34:56 1tHaBc-0001Ab-9Z == a@example.com R=dnslookup T=remote_smtp "
	  "defer (110): Connection timed out", -1, "", ANY, NULL },
	{ "2026-11-30 12:34:56 H=(client.example.net) [192.0.2.150] F=<s@example.net> rejected "
	  "RCPT <a@example.com>: relay not permitted", -1, "", ANY, NULL },
	{ "2026-11-30 12:34:56 1tHaBc-0001Ab-9Z H=mx.example.net [192.0.2.7]: SMTP error from "
	  "remote mail server after RCPT TO:<a@example.com>: 451 Temporary local problem - "
	  "please try later", 451, "", RCPT, "Temporary local problem - please try later" },
	{ "2026-11-30 12:34:56 1tHaBc-0001Ab-9Z ** a@example.com R=dnslookup T=remote_smtp "
	  "H=mx.example.net [192.0.2.7]: SMTP error from remote mail server after initial "
	  "connection: 554 mx.example.net ESMTP not accepting messages", 554, "", CONN, NULL },
	{ "2026-11-30 12:34:56 1tHaBc-0001Ab-9Z ** a@example.com R=dnslookup T=remote_smtp "
	  "H=mx.example.net [192.0.2.7]: SMTP error from remote mail server after MAIL "
	  "FROM:<s@example.com> SIZE=10485760: 552 5.3.4 Message size exceeds fixed limit",
	  552, "5.3.4", MAIL, NULL },
	{ "2026-11-30 12:34:56 1tHaBc-0001Ab-9Z == a@example.com R=dnslookup T=remote_smtp "
	  "defer (-46) H=mx.example.net [192.0.2.7]: SMTP error from remote mail server after "
	  "pipelined end of data: 451 4.3.0 Error: queue file write error", 451, "4.3.0", EOD,
	  NULL },
	{ "2026-11-30 12:34:56 1tHaBc-0001Ab-9Z ** a@example.com R=dnslookup T=remote_smtp: "
	  "retry timeout exceeded", -1, "", ANY, NULL },
	{ "2026-11-30 12:34:56 1tHaBc-0001Ab-9Z ** a@example.invalid: Unrouteable address",
	  -1, "", ANY, NULL },
	{ "2026-11-30 12:34:56 1tHaBc-0001Ab-9Z H=client.example.net [192.0.2.150]:49152 "
	  "I=[198.51.100.5]:25 F=<s@example.net> rejected RCPT <a@example.com>: 550 5.7.1 "
	  "blocked", 550, "5.7.1", ANY, "blocked" },
	/* the bounce */
	{ "This message was created automatically by mail delivery software.\n\nA message that "
	  "you sent could not be delivered to one or more of its\nrecipients. This is a "
	  "permanent error. The following address(es) failed:\n\n  a@example.net\n    host "
	  "mx.example.net [192.0.2.7]\n    SMTP error from remote mail server after RCPT "
	  "TO:<a@example.net>:\n    550 5.1.1 <a@example.net>: Recipient address rejected: User "
	  "unknown in virtual mailbox table\n", 550, "5.1.1", RCPT, NULL },
	{ "A message that you sent could not be delivered to one or more of its\nrecipients. "
	  "This is a permanent error. The following address(es) failed:\n\n  a@example.net\n"
	  "    host mx.example.net [192.0.2.7]\n    SMTP error from remote mail server after end "
	  "of data:\n    550-5.7.26 This mail is unauthenticated, which poses a security risk "
	  "to the\n    550-5.7.26 sender and Gmail users, and has been blocked.\n"
	  "    550 5.7.26  https://support.google.com/mail/answer/81126 a1si2 - gsmtp\n", 550,
	  "5.7.26", EOD, NULL },
	{ "This message was created automatically by mail delivery software.\n\nA message that "
	  "you sent has not yet been delivered to one or more of its\nrecipients after more "
	  "than 24 hours on the queue on mail.example.com.\n\nThe message identifier is:     "
	  "1tHaBc-0001Ab-9Z\nThe subject of the message is: Report\nThe date of the message "
	  "is:    Mon, 30 Nov 2026 12:34:56 +0000\n\nThe address to which the message has not "
	  "yet been delivered is:\n\n  a@example.net\n    host mx.example.net [192.0.2.7]\n"
	  "    Delay reason: SMTP error from remote mail server after RCPT TO:<a@example.net>:\n"
	  "    451 4.7.1 Greylisted, please try again later\n\nNo action is required on your "
	  "part. Delivery attempts will continue for\nsome time, and this warning may be "
	  "repeated at intervals if the message\nremains undelivered.\n", 451, "4.7.1", RCPT,
	  NULL },
	{ "  a@example.net\n    Unrouteable address\n", -1, "", ANY, NULL },
	{ "  a@example.net\n    retry timeout exceeded\n", -1, "", ANY, NULL },
	{ "  a@example.net\n    all relevant MX records point to non-existent hosts\n", -1, "",
	  ANY, NULL },
	{ "  a@example.com\n    mailbox is full: retry timeout exceeded\n", -1, "", ANY, NULL },
	{ "  a@example.net\n    host mx.example.net [192.0.2.7]\n    SMTP error from remote "
	  "mail server after MAIL FROM:<s@example.com> SIZE=2345:\n    553 Sender is on user "
	  "denylist\n", 553, "", MAIL, "Sender is on user denylist" },
	/* what Exim and cPanel servers answer */
	{ "550 No Such User Here", 550, "", ANY, "No Such User Here" },
	{ "550-Verification failed for <s@example.com>\n550-No Such User Here\n"
	  "550 Sender verify failed\n", 550, "", ANY, "Verification failed for <s@example.com>" },
	{ "550 Administrative prohibition", 550, "", ANY, NULL },
	{ "550-Your message looks like SPAM or has been reported as SPAM please read\n"
	  "550 https://www.example.net/spam-policy\n", 550, "", ANY, NULL },
	{ "550 Message rejected: remote_smtp transport: delivery failed", 550, "", ANY, NULL },
	{ "220-mx.example.net ESMTP Exim 4.97.1 #2 Mon, 30 Nov 2026 12:34:56 +0000\n"
	  "220-We do not authorize the use of this system to transport unsolicited,\n"
	  "220 and/or bulk e-mail.\n", 220, "", ANY, NULL },
	{ "421 mx.example.net lost input connection", 421, "", ANY, NULL },
	{ "550 Too many bad recipients", 550, "", ANY, NULL },
	{ "451 Could not complete sender verify callout", 451, "", ANY, NULL },
};

static void test_reply_corpus_exim(void **state)
{
	(void)state;
	CHECK(exim_cases);
}

/* ---- Sendmail: transcripts, DSNs, log lines ---------------------------------------------- */

static const struct reply_case sendmail_cases[] = {
	{ "----- The following addresses had permanent fatal errors -----\n<a@example.net>\n"
	  "    (reason: 550 5.1.1 <a@example.net>... User unknown)\n\n"
	  "   ----- Transcript of session follows -----\n... while talking to "
	  "mx.example.net.:\n>>> RCPT To:<a@example.net>\n"
	  "<<< 550 5.1.1 <a@example.net>... User unknown\n"
	  "550 5.1.1 <a@example.net>... User unknown\n", 550, "5.1.1", RCPT,
	  "<a@example.net>... User unknown" },
	{ "   ----- The following addresses had transient non-fatal errors -----\n"
	  "<a@example.net>\n    (reason: 451 4.7.1 Please try again later)\n", 451, "4.7.1",
	  ANY, NULL },
	{ "<a@example.net>... Deferred: Connection timed out with mx.example.net.\n", -1, "",
	  ANY, NULL },
	{ "<a@example.net>... Deferred: 451 4.3.0 Temporary system failure. Please try again "
	  "later.\n", 451, "4.3.0", ANY, NULL },
	{ "Nov 30 12:34:56 mx sm-mta[1234]: 4AUCYu0e012345: to=<a@example.net>, "
	  "ctladdr=<s@example.com> (1000/1000), delay=00:00:01, xdelay=00:00:01, mailer=esmtp, "
	  "pri=120345, relay=mx.example.net. [192.0.2.7], dsn=2.0.0, stat=Sent (Ok: queued as "
	  "7E8F9A0B1C)", -1, "2.0.0", ANY, NULL },
	{ "Nov 30 12:34:56 mx sm-mta[1234]: 4AUCYu0e012345: to=<a@example.net>, delay=00:00:00, "
	  "xdelay=00:00:00, mailer=esmtp, pri=30345, relay=mx.example.net. [192.0.2.7], "
	  "dsn=5.1.1, stat=User unknown", -1, "5.1.1", ANY, NULL },
	{ "Nov 30 12:34:56 mx sm-mta[1234]: 4AUCYu0e012345: to=<a@example.net>, delay=00:10:00, "
	  "xdelay=00:00:30, mailer=esmtp, pri=210345, relay=mx.example.net. [192.0.2.7], "
	  "dsn=4.0.0, stat=Deferred: Connection refused by mx.example.net.", -1, "4.0.0", ANY,
	  NULL },
	{ "Nov 30 12:34:56 mx sm-mta[1234]: 4AUCYu0e012345: ruleset=check_rcpt, "
	  "arg1=<a@example.com>, relay=client.example.net [192.0.2.160], reject=550 5.7.1 "
	  "<a@example.com>... Relaying denied", 550, "5.7.1", ANY,
	  "<a@example.com>... Relaying denied" },
	{ "Nov 30 12:34:56 mx sm-mta[1234]: 4AUCYu0e012345: ruleset=check_mail, "
	  "arg1=<s@example.invalid>, relay=client.example.net [192.0.2.160], reject=553 5.1.8 "
	  "<s@example.invalid>... Domain of sender address s@example.invalid does not exist",
	  553, "5.1.8", ANY, NULL },
	{ "Nov 30 12:34:56 mx sm-mta[1234]: 4AUCYu0e012345: ruleset=check_mail, "
	  "arg1=<s@example.org>, relay=client.example.net [192.0.2.160], reject=451 4.1.8 "
	  "Domain of sender address s@example.org does not resolve", 451, "4.1.8", ANY, NULL },
	{ "Nov 30 12:34:56 mx sendmail[1234]: 4AUCYu0e012345: lost input channel from "
	  "client.example.net [192.0.2.160] to MTA after rcpt", -1, "", ANY, NULL },
	{ "Nov 30 12:34:56 mx sm-mta[1234]: 4AUCYu0e012345: Milter: data, reject=554 5.7.1 "
	  "Rejected by content filter", 554, "5.7.1", ANY, NULL },
	{ "... while talking to mx.example.net.:\n>>> MAIL From:<s@example.com> SIZE=20480\n"
	  "<<< 553 5.1.8 <s@example.com>... Domain of sender address s@example.com does not "
	  "exist\n554 5.0.0 Service unavailable\n", 553, "5.1.8", MAIL, NULL },
	{ "... while talking to mx.example.net.:\n>>> DATA\n<<< 354 Enter mail, end with \".\" "
	  "on a line by itself\n>>> .\n<<< 552 5.2.2 Mailbox full\n554 5.0.0 Service "
	  "unavailable\n", 552, "5.2.2", EOD, "Mailbox full" },
	{ "----- Transcript of session follows -----\n550 5.1.1 <a@example.com>... User "
	  "unknown\n", 550, "5.1.1", ANY, NULL },
	{ "Reporting-MTA: dns; mx.example.com\nReceived-From-MTA: DNS; client.example.net\n"
	  "Arrival-Date: Mon, 30 Nov 2026 12:34:56 -0500\n\nFinal-Recipient: RFC822; "
	  "a@example.net\nAction: failed\nStatus: 5.1.1\nRemote-MTA: DNS; mx.example.net\n"
	  "Diagnostic-Code: SMTP; 550 5.1.1 <a@example.net>... User unknown\n"
	  "Last-Attempt-Date: Mon, 30 Nov 2026 12:34:57 -0500\n", 550, "5.1.1", ANY,
	  "<a@example.net>... User unknown" },
	{ "Nov 30 12:34:56 mx sm-mta[1234]: 4AUCYu0e012345: SYSERR(root): "
	  "mx.example.net. config error: mail loops back to me (MX problem?)", -1, "", ANY,
	  NULL },
	{ "550 5.7.1 <a@example.com>... Relaying denied. Proper authentication required.",
	  550, "5.7.1", ANY, NULL },
	{ "553 5.3.0 <s@example.com>... Spammer access rejected", 553, "5.3.0", ANY, NULL },
	{ "421 4.3.2 mx.example.com Too many connections, try again later", 421, "4.3.2", ANY,
	  NULL },
};

static void test_reply_corpus_sendmail(void **state)
{
	(void)state;
	CHECK(sendmail_cases);
}

/* ---- qmail, Courier, Exchange on premises, other MTAs ------------------------------------ */

static const struct reply_case mta_cases[] = {
	{ "Hi. This is the qmail-send program at mail.example.com.\nI'm afraid I wasn't able "
	  "to deliver your message to the following addresses.\nThis is a permanent error; "
	  "I've given up. Sorry it didn't work out.\n\n<a@example.net>:\n192.0.2.7 does not "
	  "like recipient.\nRemote host said: 550 5.1.1 <a@example.net>: Recipient address "
	  "rejected: User unknown\nGiving up on 192.0.2.7.\n", 550, "5.1.1", RCPT,
	  "<a@example.net>: Recipient address rejected: User unknown" },
	{ "<a@example.net>:\nSorry, I wasn't able to establish an SMTP connection. (#4.4.1)\n"
	  "I'm not going to try again; this message has been in the queue too long.\n", -1,
	  "4.4.1", ANY, NULL },
	{ "<u@example.com>:\nThis message is looping: it already has my Delivered-To line. "
	  "(#5.4.6)\n", -1, "5.4.6", ANY, NULL },
	{ "<u@example.com>:\nThe users mailfolder is over the allowed quota (size). (#5.2.2)\n",
	  -1, "5.2.2", ANY, NULL },
	{ "<a@example.net>:\nConnected to 192.0.2.7 but greeting failed.\nRemote host said: "
	  "421 4.7.0 Try again later\n", 421, "4.7.0", CONN, NULL },
	{ "<a@example.net>:\nConnected to 192.0.2.7 but my name was rejected.\nRemote host "
	  "said: 501 5.5.2 Syntax: HELO hostname\n", 501, "5.5.2", HELO, NULL },
	{ "<a@example.net>:\n192.0.2.7 failed on DATA command.\nRemote host said: 554 5.5.1 "
	  "Error: no valid recipients\n", 554, "5.5.1", DATA, NULL },
	{ "<u@example.com>:\nSorry, no mailbox here by that name. vpopmail (#5.1.1)\n", -1,
	  "5.1.1", ANY, NULL },
	{ "<a@example.net>:\nCNAME lookup failed temporarily. (#4.4.3)\nI'm not going to try "
	  "again; this message has been in the queue too long.\n", -1, "4.4.3", ANY, NULL },
	{ "Nov 30 12:34:56 mail qmail: 1732969496.123456 delivery 4321: failure: "
	  "192.0.2.7_does_not_like_recipient./Remote_host_said:_550_5.1.1_<a@example.net>:"
	  "_Recipient_address_rejected:_User_unknown/Giving_up_on_192.0.2.7./", 550, "5.1.1",
	  ANY, NULL },
	{ "@400000006748a1b2c3d4e5f6 delivery 4322: deferral: Connected_to_192.0.2.7_but_"
	  "greeting_failed./Remote_host_said:_421_4.7.0_Try_again_later/", 421, "4.7.0", ANY,
	  NULL },
	/* Courier */
	{ "<a@example.net>: mx.example.net [192.0.2.7]:\n>>> RCPT TO:<a@example.net>\n"
	  "<<< 550 5.1.1 <a@example.net>: Recipient address rejected: User unknown\n", 550,
	  "5.1.1", RCPT, NULL },
	{ "Nov 30 12:34:56 mail courieresmtp: id=0000ABCD.6748A1B2.00001234,"
	  "from=<s@example.com>,addr=<a@example.net>: 550 5.1.1 <a@example.net>: User unknown",
	  550, "5.1.1", ANY, NULL },
	{ "517-SPF fail validation for [192.0.2.170]: ...\n517 SPF fail\n", 517, "", ANY,
	  NULL },
	{ "511 Undeliverable address: a@example.com", 511, "", ANY, NULL },
	/* Lotus Domino, MDaemon, hMailServer, SmarterMail, Kerio, Zimbra */
	{ "Your message\n\n  Subject: Report\n\nwas not delivered to:\n\n  a@example.com\n\n"
	  "because:\n\n  Reason: Remote SMTP Server Returned: 550 5.1.1 User Unknown\n", 550,
	  "5.1.1", ANY, "User Unknown" },
	{ "  Reason: Remote SMTP Server Returned: 554 Transaction failed\n", 554, "", ANY,
	  "Transaction failed" },
	{ "Mon 2026-11-30 12:34:56.789: Session 1234; child 1\n"
	  "Mon 2026-11-30 12:34:56.790: Attempting SMTP connection to [192.0.2.7 : 25]\n"
	  "Mon 2026-11-30 12:34:56.801: <-- 220 mx.example.net ESMTP\n"
	  "Mon 2026-11-30 12:34:56.802: --> RCPT To:<a@example.net>\n"
	  "Mon 2026-11-30 12:34:56.815: <-- 550 Mailbox unavailable\n", 550, "", ANY,
	  "Mailbox unavailable" },
	{ "Your message did not reach some or all of the intended recipients.\n\n"
	  "Error Type: SMTP\nRemote server (192.0.2.7) issued an error.\nhMailServer sent: RCPT "
	  "TO:<a@example.net>\nRemote server replied: 550 5.1.1 <a@example.net>: Recipient "
	  "address rejected: User unknown\n", 550, "5.1.1", RCPT, NULL },
	{ "Error Type: SMTP\nRemote server (192.0.2.7) issued an error.\nhMailServer sent: "
	  "MAIL FROM:<s@example.com>\nRemote server replied: 553 Sender is not allowed\n", 553,
	  "", MAIL, "Sender is not allowed" },
	{ "Failed to deliver to '<a@example.net>'\nSMTP module(domain example.net) reports:\n"
	  " host mx.example.net says:\n 550 5.1.1 <a@example.net>: Recipient address rejected\n",
	  550, "5.1.1", ANY, NULL },
	{ "Failed to deliver to 'a@example.net'\nLOCAL module(account a@example.net) reports:"
	  "\n mailbox size limit exceeded\n", -1, "", ANY, NULL },
	{ "host mx.example.net says: 552 5.2.2 Mailbox full", 552, "5.2.2", ANY,
	  "Mailbox full" },
	{ "Remote server replied: 554 Rejected due to policy", 554, "", ANY,
	  "Rejected due to policy" },
	{ "Error: Connection to 192.0.2.7:587 failed: Connection refused (errno 111)", -1, "",
	  ANY, NULL },
};

static void test_reply_corpus_other_mtas(void **state)
{
	(void)state;
	CHECK(mta_cases);
}

/* ---- DSN parts --------------------------------------------------------------------------- */

static const struct reply_case dsn_cases[] = {
	{ "Final-Recipient: rfc822; a@example.net\nAction: failed\nStatus: 5.1.1\n"
	  "Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does\n"
	  "    not exist. Please try 550-5.1.1 double-checking the recipient's email\n"
	  "    address for typos or 550-5.1.1 unnecessary spaces.\n", 550, "5.1.1", ANY, NULL },
	{ "Final-Recipient: rfc822;a@example.net\nAction: failed\nStatus: 5.7.1\n"
	  "Diagnostic-Code: smtp;550 5.7.1 Unfortunately, messages from [192.0.2.180]\n"
	  " weren't sent.\n", 550, "5.7.1", ANY, NULL },
	{ "Action: failed\nStatus: 5.1.1\nDiagnostic-Code: 550 5.1.1 User unknown\n", 550,
	  "5.1.1", ANY, "User unknown" },
	{ "Action: failed\nStatus: 5.0.0\nDiagnostic-Code: 550 Requested action not taken: "
	  "mailbox unavailable\n", 550, "5.0.0", ANY, NULL },
	{ "Action: failed\nStatus: 5.0.0\nDiagnostic-Code: X-Postfix; unknown user: \"u\"\n",
	  -1, "5.0.0", ANY, NULL },
	{ "Action: delayed\nStatus: 4.4.7\nWill-Retry-Until: Wed, 2 Dec 2026 12:34:56 +0000\n"
	  "Diagnostic-Code: smtp; 421 4.4.2 mx.example.net Error: timeout exceeded\n", 421,
	  "4.4.2", ANY, NULL },
	{ "Final-Recipient: rfc822;a@example.com\nAction: failed\nStatus: 5.1.10\n"
	  "Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found "
	  "by SMTP address lookup\nRemote-MTA: dns;mx.example.com\nX-Display-Name: A\n", 550,
	  "5.1.10", ANY, NULL },
	{ "Original-Recipient: rfc822;a@example.com\nFinal-Recipient: rfc822;a@example.com\n"
	  "Action: failed\nStatus: 5.2.2\nRemote-MTA: dns;mx.example.net (192.0.2.7)\n"
	  "Diagnostic-Code: smtp;552 5.2.2 Mailbox full\nLast-Attempt-Date: Mon, 30 Nov 2026 "
	  "12:34:56 +0000\n", 552, "5.2.2", ANY, "Mailbox full" },
	{ "Final-Recipient: rfc822;a@example.com\nAction: failed\nStatus: 5.1.1\n"
	  "Diagnostic-Code: X-Notes; User a (a@example.com) not listed in Domino Directory\n",
	  -1, "5.1.1", ANY, NULL },
	{ "Diagnostic-Code: smtp;\n    550 5.1.1 <a@example.net>: Recipient address rejected\n",
	  550, "5.1.1", ANY, NULL },
	{ "Reporting-MTA: dns; mail.example.com\nX-Postfix-Queue-ID: 7E8F9A0B1C\n"
	  "X-Postfix-Sender: rfc822; s@example.com\nArrival-Date: Mon, 30 Nov 2026 12:34:56 "
	  "+0000 (UTC)\n\nFinal-Recipient: rfc822; a@example.net\nOriginal-Recipient: rfc822;"
	  "a@example.net\nAction: failed\nStatus: 5.7.1\nRemote-MTA: dns; mx.example.net\n"
	  "Diagnostic-Code: smtp; 554 5.7.1 <a@example.net>: Relay access denied\n", 554, "5.7.1",
	  ANY, "<a@example.net>: Relay access denied" },
	{ "Reporting-MTA: dns;EX01.corp.example.com\nReceived-From-MTA: dns;EX02.corp.example.com"
	  "\nArrival-Date: Mon, 30 Nov 2026 11:34:56 +0000\n\nFinal-Recipient: "
	  "rfc822;a@example.net\nAction: delayed\nStatus: 4.4.7\nX-Display-Name: a@example.net\n",
	  -1, "4.4.7", ANY, NULL },
	{ "Action: failed\nStatus: 5.4.1\nDiagnostic-Code: smtp; 550 5.4.1 Recipient address "
	  "rejected: Access denied. AS(201806281)\n", 550, "5.4.1", ANY, NULL },
	{ "Status: 5.1.2\nDiagnostic-Code: smtp; 550 Host unknown\n", 550, "5.1.2", ANY,
	  "Host unknown" },
	{ "Status: 2.0.0\nAction: delivered\nDiagnostic-Code: smtp; 250 2.0.0 Ok: queued as "
	  "7E8F9A0B1C\n", 250, "2.0.0", ANY, NULL },
	{ "Status: 2.0.0\nAction: relayed\n", -1, "2.0.0", ANY, NULL },
	{ "Final-Recipient: rfc822;a@example.net\r\nAction: failed\r\nStatus: 5.7.26\r\n"
	  "Remote-MTA: dns;mx.example.net\r\nDiagnostic-Code: smtp;550-5.7.26 This mail is "
	  "unauthenticated\r\n", 550, "5.7.26", ANY, NULL },
	{ "Diagnostic-Code: smtp; 5.1.0 - Unknown address error 550-'5.1.1 <a@example.net>: "
	  "Recipient address rejected: User unknown' (delivery attempts: 0)\n", 550, "5.1.1",
	  ANY, NULL },
};

static void test_reply_corpus_dsn(void **state)
{
	(void)state;
	CHECK(dsn_cases);
}

/* ---- mail clients and libraries ---------------------------------------------------------- */

static const struct reply_case client_cases[] = {
	/* Thunderbird drops the reply code and shows the rest */
	{ "An error occurred while sending mail. The mail server responded: 5.7.1 Client does "
	  "not have permissions to send as this sender. Please verify that your email address "
	  "is correct in your account settings and try again.", -1, "5.7.1", ANY, NULL },
	{ "An error occurred while sending mail. The mail server responded:  5.1.1 "
	  "<a@example.com>: Recipient address rejected: User unknown. Please check the message "
	  "recipient \"a@example.com\" and try again.", -1, "5.1.1", ANY, NULL },
	{ "Sending of the message failed.\nAn error occurred while sending mail: Outgoing "
	  "server (SMTP) error. The server responded: 5.7.60 SMTP; Client does not have "
	  "permissions to send as this sender.", -1, "5.7.60", ANY, NULL },
	{ "An error occurred while sending mail. The mail server responded: 550 5.7.1 Relaying "
	  "denied. Please check the message recipient a@example.com and try again.", 550,
	  "5.7.1", ANY, NULL },
	{ "Sending of the message failed.\nThe message could not be sent because the "
	  "connection to Outgoing server (SMTP) smtp.example.com timed out. Try again.", -1, "",
	  ANY, NULL },
	/* Outlook */
	{ "Send test e-mail message: Your outgoing (SMTP) e-mail server has reported an "
	  "internal error. If you continue to receive this message, contact your server "
	  "administrator or Internet service provider (ISP). The server responded: 530 5.7.0 "
	  "Must issue a STARTTLS command first", 530, "5.7.0", ANY,
	  "Must issue a STARTTLS command first" },
	{ "The message could not be sent because one of the recipients was rejected by the "
	  "server. The rejected e-mail address was 'a@example.com'. Subject 'Report', Account: "
	  "'example', Server: 'smtp.example.com', Protocol: SMTP, Server Response: '550 5.1.1 "
	  "<a@example.com>: Recipient address rejected: User unknown', Port: 587, Secure(SSL): "
	  "No, Server Error: 550, Error Number: 0x800CCC79", 550, "5.1.1", ANY,
	  "<a@example.com>: Recipient address rejected: User unknown" },
	{ "Task 'smtp.example.com - Sending' reported error (0x800CCC0F) : 'The connection to "
	  "the server was interrupted. If this problem continues, contact your server "
	  "administrator or Internet service provider (ISP).'", -1, "", ANY, NULL },
	{ "Your server has unexpectedly terminated the connection. Possible causes for this "
	  "include server problems, network problems, or a long period of inactivity. Account: "
	  "'example', Server: 'smtp.example.com', Protocol: SMTP, Port: 465, Secure(SSL): Yes, "
	  "Error Number: 0x800CCC0F", -1, "", ANY, NULL },
	/* Apple Mail */
	{ "The server response was: 5.7.1 <a@example.com>: Relay access denied", -1, "5.7.1",
	  ANY, NULL },
	{ "Cannot send message using the server smtp.example.com. The server response was: "
	  "554 5.7.1 <a@example.com>: Relay access denied", 554, "5.7.1", ANY, NULL },
	/* Python smtplib */
	{ "smtplib.SMTPRecipientsRefused: {'a@example.com': (550, b'5.1.1 <a@example.com>: "
	  "Recipient address rejected: User unknown in virtual mailbox table')}", 550, "5.1.1",
	  ANY, "<a@example.com>: Recipient address rejected: User unknown in virtual mailbox "
	  "table" },
	{ "smtplib.SMTPAuthenticationError: (535, b'5.7.8 Username and Password not accepted. "
	  "For more information, go to\\n5.7.8  https://support.google.com/mail/?p="
	  "BadCredentials a1sm2 - gsmtp')", 535, "5.7.8", ANY, NULL },
	{ "smtplib.SMTPDataError: (554, b'5.7.1 Message rejected under suspicion of SPAM')",
	  554, "5.7.1", ANY, NULL },
	{ "smtplib.SMTPSenderRefused: (553, b'5.7.1 <s@example.com>: Sender address rejected: "
	  "not owned by user a@example.com', 's@example.com')", 553, "5.7.1", ANY, NULL },
	{ "smtplib.SMTPConnectError: (421, b'4.7.0 Try again later, closing connection.')",
	  421, "4.7.0", ANY, NULL },
	{ "smtplib.SMTPResponseException: (451, b'4.3.0 Error: queue file write error')", 451,
	  "4.3.0", ANY, NULL },
	{ "smtplib.SMTPDataError: (550, b'Message rejected')", 550, "", ANY,
	  "Message rejected" },
	{ "smtplib.SMTPServerDisconnected: Connection unexpectedly closed", -1, "", ANY, NULL },
	{ "smtplib.SMTPNotSupportedError: SMTP AUTH extension not supported by server.", -1, "",
	  ANY, NULL },
	{ "Traceback (most recent call last):\n  File \"send.py\", line 42, in <module>\n"
	  "    server.sendmail(sender, [rcpt], msg.as_string())\n  File \"/usr/lib/python3.12/"
	  "smtplib.py\", line 890, in sendmail\n    raise SMTPRecipientsRefused(senderrs)\n"
	  "smtplib.SMTPRecipientsRefused: {'a@example.com': (554, b'5.7.1 <a@example.com>: "
	  "Relay access denied')}\n", 554, "5.7.1", ANY, NULL },
	/* PHPMailer */
	{ "SMTP ERROR: RCPT TO command failed: 550 5.1.1 <a@example.com>: Recipient address "
	  "rejected: User unknown", 550, "5.1.1", ANY, NULL },
	{ "SMTP ERROR: Password command failed: 535-5.7.8 Username and Password not accepted. "
	  "For more information, go to", 535, "5.7.8", ANY, NULL },
	{ "SMTP ERROR: MAIL FROM command failed: 550 Sender rejected", 550, "", ANY,
	  "Sender rejected" },
	{ "2026-11-30 12:34:56 SERVER -> CLIENT: 535 Incorrect authentication data", 535, "",
	  ANY, "Incorrect authentication data" },
	{ "2026-11-30 12:34:56 SERVER -> CLIENT: 550-5.1.1 The email account that you tried to "
	  "reach does not exist.", 550, "5.1.1", ANY, NULL },
	{ "SMTP Error: Could not authenticate.", -1, "", ANY, NULL },
	{ "Mailer Error: SMTP connect() failed. "
	  "https://github.com/PHPMailer/PHPMailer/wiki/Troubleshooting", -1, "", ANY, NULL },
	/* Java */
	{ "com.sun.mail.smtp.SMTPSendFailedException: 554 5.7.1 Message rejected due to local "
	  "policy", 554, "5.7.1", ANY, NULL },
	{ "javax.mail.SendFailedException: Invalid Addresses;\n  nested exception is:\n"
	  "\tcom.sun.mail.smtp.SMTPAddressFailedException: 550 5.1.1 <a@example.com>: Recipient "
	  "address rejected: User unknown in local recipient table\n", 550, "5.1.1", ANY, NULL },
	{ "com.sun.mail.smtp.SMTPSendFailedException: 530 5.7.0 Must issue a STARTTLS command "
	  "first. a1sm2 - gsmtp\n;\n  nested exception is:\n\tcom.sun.mail.smtp."
	  "SMTPSenderFailedException: 530 5.7.0 Must issue a STARTTLS command first.\n", 530,
	  "5.7.0", ANY, NULL },
	{ "javax.mail.AuthenticationFailedException: 535-5.7.8 Username and Password not "
	  "accepted. Learn more at\n535 5.7.8  https://support.google.com/mail/?p="
	  "BadCredentials a1sm2 - gsmtp\n", 535, "5.7.8", ANY, NULL },
	{ "jakarta.mail.MessagingException: 421 Service not available", 421, "", ANY,
	  "Service not available" },
	{ "org.springframework.mail.MailSendException: Failed messages: "
	  "com.sun.mail.smtp.SMTPSendFailedException: 552 5.3.4 Message size exceeds fixed "
	  "limit", 552, "5.3.4", ANY, NULL },
	{ "javax.mail.MessagingException: Could not connect to SMTP host: smtp.example.com, "
	  "port: 465;\n  nested exception is:\n\tjava.net.ConnectException: Connection timed out",
	  -1, "", ANY, NULL },
	/* Go */
	{ "550 5.1.1 <a@example.com>: Recipient address rejected: User unknown", 550, "5.1.1",
	  ANY, NULL },
	{ "failed to send email: 550 5.7.1 Sender rejected", 550, "5.7.1", ANY,
	  "Sender rejected" },
	{ "gomail: could not send email 1: 554 5.7.1 Message rejected", 554, "5.7.1", ANY,
	  NULL },
	{ "dial tcp 192.0.2.7:25: connect: connection refused", -1, "", ANY, NULL },
	{ "dial tcp: lookup smtp.example.com on 198.51.100.53:53: no such host", -1, "", ANY,
	  NULL },
	/* Node nodemailer */
	{ "Error: Invalid login: 535-5.7.8 Username and Password not accepted. For more "
	  "information, go to\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials "
	  "a1sm2 - gsmtp", 535, "5.7.8", ANY, NULL },
	{ "Error: Message failed: 550 5.7.1 Message rejected: spam", 550, "5.7.1", ANY, NULL },
	{ "Error: Can't send mail - all recipients were rejected: 550 5.1.1 <a@example.com>: "
	  "Recipient address rejected: User unknown", 550, "5.1.1", ANY, NULL },
	{ "Error: Mail command failed: 553 Sender is not allowed to relay emails", 553, "", ANY,
	  "Sender is not allowed to relay emails" },
	{ "Error: Data command failed: 421 Timeout waiting for data from client.", 421, "", ANY,
	  NULL },
	{ "Error: connect ECONNREFUSED 192.0.2.7:587", -1, "", ANY, NULL },
	{ "Error: Connection timeout\n    at SMTPConnection._formatError (/app/node_modules/"
	  "nodemailer/lib/smtp-connection/index.js:790:19)", -1, "", ANY, NULL },
	/* .NET */
	{ "System.Net.Mail.SmtpException: Mailbox unavailable. The server response was: 5.7.1 "
	  "Client does not have permissions to send as this sender", -1, "5.7.1", ANY, NULL },
	{ "System.Net.Mail.SmtpException: The SMTP server requires a secure connection or the "
	  "client was not authenticated. The server response was: 5.7.0 Must issue a STARTTLS "
	  "command first.", -1, "5.7.0", ANY, NULL },
	{ "MailKit.Net.Smtp.SmtpCommandException: 5.7.1 Client does not have permissions to "
	  "send as this sender", -1, "5.7.1", ANY, NULL },
	/* JSON and structured logs */
	{ "{\"level\":\"error\",\"ts\":\"2026-11-30T12:34:56Z\",\"msg\":\"send failed\","
	  "\"to\":\"a@example.com\",\"error\":\"550 5.1.1 <a@example.com>: Recipient address "
	  "rejected\"}", 550, "5.1.1", ANY, NULL },
	{ "{\"event\":\"bounce\",\"email\":\"a@example.com\",\"reason\":\"550 5.1.1 The email "
	  "account that you tried to reach does not exist.\",\"status\":\"5.1.1\",\"type\":"
	  "\"bounce\"}", 550, "5.1.1", ANY, NULL },
	{ "{\"event\":\"bounce\",\"reason\":\"550 Mailbox unavailable\",\"status\":\"5.0.0\"}",
	  550, "5.0.0", ANY, NULL },
	{ "{\"event\": \"deferred\", \"response\": \"451 4.7.1 Try again later\", "
	  "\"attempt\": 3}", 451, "4.7.1", ANY, NULL },
	{ "level=error msg=\"delivery failed\" rcpt=a@example.com code=550 "
	  "reply=\"550 5.7.1 Message rejected\"", 550, "5.7.1", ANY, NULL },
	{ "{\"status\":200,\"latency_ms\":550,\"path\":\"/api/v1/send\"}", -1, "", ANY, NULL },
};

static void test_reply_corpus_clients(void **state)
{
	(void)state;
	CHECK(client_cases);
}

/* ---- how people paste: quoting, case, white space, line ends ----------------------------- */

static const struct reply_case paste_cases[] = {
	{ "> 550 5.1.1 <a@example.com>: Recipient address rejected: User unknown\n", 550,
	  "5.1.1", ANY, "<a@example.com>: Recipient address rejected: User unknown" },
	{ ">> 554 5.7.1 Message rejected\n", 554, "5.7.1", ANY, "Message rejected" },
	{ "> > host mx.example.net[192.0.2.7] said: 550 5.1.1 User unknown (in reply to RCPT TO "
	  "command)\n", 550, "5.1.1", RCPT, "User unknown" },
	{ "> 550-5.1.1 The email account that you tried to reach does not exist.\n"
	  "> 550 5.1.1  https://support.google.com/mail/?p=NoSuchUser\n", 550, "5.1.1", ANY,
	  NULL },
	{ "HOST MX.EXAMPLE.NET[192.0.2.7] SAID: 550 5.1.1 USER UNKNOWN (IN REPLY TO RCPT TO "
	  "COMMAND)", 550, "5.1.1", RCPT, "USER UNKNOWN" },
	{ "remote host said: 553 sorry, that domain isn't in my list of allowed rcpthosts "
	  "(#5.7.1)", 553, "5.7.1", ANY, NULL },
	{ "550 5.1.1 User unknown   \t\r\n", 550, "5.1.1", ANY, "User unknown" },
	{ "\t550 5.1.1\tUser unknown\n", 550, "5.1.1", ANY, "User unknown" },
	{ "   \r\n\r\n550 5.2.1 Mailbox disabled\r\n\r\n", 550, "5.2.1", ANY,
	  "Mailbox disabled" },
	{ "550 5.1.1 User unknown\r", 550, "5.1.1", ANY, "User unknown" },
	{ "\"550 5.1.1 User unknown\"", 550, "5.1.1", ANY, "User unknown" },
	{ "'554 5.7.1 Spam detected'", 554, "5.7.1", ANY, "Spam detected" },
	{ "[550 5.7.1 Rejected by policy]", 550, "5.7.1", ANY, "Rejected by policy" },
	{ "(550 5.1.1 User unknown)", 550, "5.1.1", ANY, "User unknown" },
	{ "Error: [550 5.7.1 Rejected by policy]", 550, "5.7.1", ANY, NULL },
	{ "bounce reason: 550 5.1.1 mailbox does not exist", 550, "5.1.1", ANY,
	  "mailbox does not exist" },
	{ "Reason: 552 5.2.2 Quota exceeded", 552, "5.2.2", ANY, "Quota exceeded" },
	{ "Server replied: 421 4.7.0 Try again later", 421, "4.7.0", ANY, "Try again later" },
	{ "got 550 5.7.1 from the server", 550, "5.7.1", ANY, NULL },
	{ "The message was rejected with 554 5.7.9 Message not accepted for policy reasons.",
	  554, "5.7.9", ANY, NULL },
	{ "5.1.1 <a@example.com>: Recipient address rejected: User unknown", -1, "5.1.1", ANY,
	  "<a@example.com>: Recipient address rejected: User unknown" },
	{ "550\t5.7.1 Denied", 550, "5.7.1", ANY, "Denied" },
	{ "421-4.7.0 Try again later\r\n421 4.7.0 closing connection\r\n", 421, "4.7.0", ANY,
	  "Try again later" },
	{ "550 5.1.1 <a@example.com>: Recipient address rejected: User unknown (#5.1.1)", 550,
	  "5.1.1", ANY, NULL },
	{ "smtp; 550 5.1.1 User unknown", 550, "5.1.1", ANY, "User unknown" },
	{ "SMTP;550 5.1.1 User unknown", 550, "5.1.1", ANY, "User unknown" },
	{ "550 5.1.1 <a@example.com>... User unknown\n\n--\nSent from my phone\n", 550, "5.1.1",
	  ANY, NULL },
	{ "554 5.7.1 Message rejected\x00garbage", 554, "5.7.1", ANY, NULL },
};

static void test_reply_corpus_pasted(void **state)
{
	(void)state;
	CHECK(paste_cases);
}

/* ---- numbers that are no codes, and the right one among them ----------------------------- */

static const struct reply_case number_cases[] = {
	{ "552 5.3.4 Message size exceeds fixed limit 10485760", 552, "5.3.4", ANY,
	  "Message size exceeds fixed limit 10485760" },
	{ "552 5.3.4 Message too big: 31457280 bytes exceeds limit of 26214400 bytes", 552,
	  "5.3.4", ANY, NULL },
	{ "250-SIZE 52428800\n250 2.0.0 Ok", 250, "2.0.0", ANY, "SIZE 52428800" },
	{ "Error 404: page not found", -1, "", ANY, NULL },
	{ "HTTP/1.1 503 Service Unavailable", -1, "", ANY, NULL },
	{ "HTTP error 500 while calling https://api.example.com/v3/mail/send", -1, "", ANY,
	  NULL },
	{ "See https://www.example.com/errors/550 for details", -1, "", ANY, NULL },
	{ "See https://status.example.com/incidents/421-outage", -1, "", ANY, NULL },
	{ "Please call our support line at +1 555 0100 or 555-0199.", -1, "", ANY, NULL },
	{ "Ticket #550123 has been opened for your request", -1, "", ANY, NULL },
	{ "Your ticket number is 4512 and reference 550-1234-AB", -1, "", ANY, NULL },
	{ "Server version 5.1.1 build 2024 released", -1, "", ANY, NULL },
	{ "Dovecot 2.3.16 (7e2e900c1a) ready.", -1, "", ANY, NULL },
	{ "Postfix 3.8.4 on Debian 12.5", -1, "", ANY, NULL },
	{ "Exim version 4.97 #2 built 30-Nov-2026 12:34:56", -1, "", ANY, NULL },
	{ "OpenSSL 3.0.13 30 Jan 2024 (Library: OpenSSL 3.0.13 30 Jan 2024)", -1, "", ANY,
	  NULL },
	{ "Mon, 30 Nov 2026 12:34:56 +0000", -1, "", ANY, NULL },
	{ "2026-11-30T12:34:56.550Z sent", -1, "", ANY, NULL },
	{ "12:34:56.421 connection closed", -1, "", ANY, NULL },
	{ "connect to 192.0.2.250:25 timed out after 450 seconds", -1, "", ANY, NULL },
	{ "IPv6 address 2001:db8::550 is not permitted", -1, "", ANY, NULL },
	{ "Queue ID 550A2B1C9D deferred", -1, "", ANY, NULL },
	{ "4F3A2B1C9D: message-id=<550.421.1732969496@example.com>", -1, "", ANY, NULL },
	{ "queued as 250A1B2C3D", -1, "", ANY, NULL },
	{ "Message size: 552 KB", -1, "", ANY, NULL },
	{ "Attachment size 421 MB exceeds the limit", -1, "", ANY, NULL },
	{ "Sent 250 messages in 5.1 seconds", -1, "", ANY, NULL },
	{ "Processed 550 of 1000 recipients", -1, "", ANY, NULL },
	{ "Listening on port 587 and 465", -1, "", ANY, NULL },
	{ "load average: 4.52, 5.01, 5.10", -1, "", ANY, NULL },
	{ "uptime 421 days", -1, "", ANY, NULL },
	{ "pid 5501 exited with status 1", -1, "", ANY, NULL },
	{ "550 5.1.1 User unknown; next retry at 12:45:00, attempt 4 of 10", 550, "5.1.1", ANY,
	  NULL },
	{ "421 4.7.0 [192.0.2.199 15] Try again in 300 seconds", 421, "4.7.0", ANY, NULL },
	{ "451 4.7.1 Rate limit: 250 messages per 3600 seconds exceeded", 451, "4.7.1", ANY,
	  NULL },
	{ "550 5.7.1 Listed on bl.example.org since 2026-11-30 12:34:56, ref 550-12", 550,
	  "5.7.1", ANY, NULL },
	{ "554 5.7.1 See http://www.example.org/errors/554-5.7.1.html", 554, "5.7.1", ANY,
	  NULL },
	{ "Version: 4.5.6", -1, "", ANY, NULL },
	{ "Error code 0x800CCC79", -1, "", ANY, NULL },
	{ "Request failed: 404 Not Found", -1, "", ANY, NULL },
	{ "urllib.error.HTTPError: (404, 'Not Found')", -1, "", ANY, NULL },
	{ "Ticket #554 opened for your request", -1, "", ANY, NULL },
	{ "Login failed: 3 attempts left", -1, "", ANY, NULL },
	{ "Error: Invalid login: 535 Incorrect authentication data", 535, "", ANY,
	  "Incorrect authentication data" },
};

static void test_reply_corpus_numbers(void **state)
{
	(void)state;
	CHECK(number_cases);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reply_corpus_gmail),
		cmocka_unit_test(test_reply_corpus_microsoft),
		cmocka_unit_test(test_reply_corpus_yahoo),
		cmocka_unit_test(test_reply_corpus_providers),
		cmocka_unit_test(test_reply_corpus_gateways),
		cmocka_unit_test(test_reply_corpus_blocklists),
		cmocka_unit_test(test_reply_corpus_postfix),
		cmocka_unit_test(test_reply_corpus_exim),
		cmocka_unit_test(test_reply_corpus_sendmail),
		cmocka_unit_test(test_reply_corpus_other_mtas),
		cmocka_unit_test(test_reply_corpus_dsn),
		cmocka_unit_test(test_reply_corpus_clients),
		cmocka_unit_test(test_reply_corpus_pasted),
		cmocka_unit_test(test_reply_corpus_numbers),
	};

	return cmocka_run_group_tests_name("reply_corpus", tests, NULL, NULL);
}
