/* main.c -- the smtpcode command's entry point. */
#include "cli.h"

int main(int argc, char **argv)
{
	return smtpcode_cli(argc, argv, stdout, stderr);
}
