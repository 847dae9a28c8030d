/* main.c — process set-up (locale, private file modes) and the single
 * place where an error becomes a line on stderr and an exit status. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <sys/stat.h>

#include "healgrid/cli.h"
#include "healgrid/util.h"

int main(int argc, char **argv)
{
	int rc;

	setlocale(LC_ALL, "");
	/* Health records: every file healgrid creates is private. */
	umask(077);
	rc = cli_main(argc, argv);
	if (rc != HG_OK && *hg_error())
		fprintf(stderr, "healgrid: %s\n", hg_error());
	return rc;
}
