/* explain.c -- example: explain a server's SMTP reply and decide whether to send again.
 *
 * usage: explain 'REPLY'    or    ... | explain
 * Prints the explanation and a "retry: yes|no (advice)" line. Exit status: 0 send the
 * message again later, 1 do not (delivered, or it fails until something changes), 2 no reply
 * code in the text, or an error.
 *
 * Build against an installed libsmtpcode:  cc explain.c $(pkg-config --cflags --libs smtpcode)
 */
#include <smtpcode.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(const char *what)
{
	fprintf(stderr, "explain: %s\n", what);
	return 2;
}

/* The most specific entry decides: the enhanced code's, else the basic code's, else the
 * class alone (RFC 5321: 4yz is transient, 5yz must not be repeated as it was). */
static enum smtpcode_retry retry_advice(const struct smtpcode_reply *reply)
{
	int reply_class = reply->basic >= 0 ? reply->basic / 100 : 0;
	const struct smtpcode_entry *entry = NULL;

	if (reply_class == 0 && reply->enhanced[0] != '\0')
		reply_class = reply->enhanced_code.reply_class;
	if (reply_class == 2 || reply_class == 3)
		return SMTPCODE_RETRY_NONE;
	if (reply->enhanced[0] != '\0')
		entry = smtpcode_lookup(reply->enhanced);
	if (entry == NULL)
		entry = smtpcode_lookup_basic(reply->basic);
	if (entry != NULL)
		return smtpcode_retry_for(entry, reply_class);
	return reply_class == 4 ? SMTPCODE_RETRY_LATER : SMTPCODE_RETRY_AFTER_CHANGE;
}

int main(int argc, char **argv)
{
	static char input[64 * 1024];
	const char *text = input;
	size_t length;
	struct smtpcode_reply reply = { .size = sizeof reply }; /* the caller sets the size */
	char small[256];
	char *message = small;
	enum smtpcode_retry advice;
	int n;

	if (argc > 2)
		return fail("usage: explain [REPLY]");
	if (argc == 2) {
		text = argv[1];
		length = strlen(text);
	} else {
		length = fread(input, 1, sizeof input, stdin);
		if (ferror(stdin))
			return fail("cannot read standard input");
		if (length == sizeof input && getchar() != EOF)
			return fail("reply longer than 64 KiB");
	}

	if (smtpcode_parse_reply(text, length, &reply) != SMTPCODE_OK)
		return fail("no SMTP reply code in the text");

	/* Returns the full length, as snprintf does: ask again with room for all of it. */
	n = smtpcode_explain_reply(text, length, small, sizeof small);
	if (n < 0)
		return fail(smtpcode_strerror(n));
	if ((size_t)n >= sizeof small) {
		message = malloc((size_t)n + 1);
		if (message == NULL)
			return fail("out of memory");
		smtpcode_explain_reply(text, length, message, (size_t)n + 1);
	}

	advice = retry_advice(&reply);
	printf("%s\nretry: %s (%s)\n", message, advice == SMTPCODE_RETRY_LATER ? "yes" : "no",
	       smtpcode_retry_text(advice));
	if (message != small)
		free(message);
	if (fflush(stdout) != 0 || ferror(stdout))
		return fail("cannot write standard output");
	return advice == SMTPCODE_RETRY_LATER ? 0 : 1;
}
