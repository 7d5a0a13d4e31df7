/* hello.c -- the trivial program smtpcode's start-up is measured against: prints one line. */
#include <stdio.h>

int main(void)
{
	puts("535 5.7.8 Authentication credentials invalid");
	return 0;
}
