/* main.c — process set-up (locale, private file modes) and the single
 * place where an error becomes a line on stderr and an exit status. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "healgrid/cli.h"
#include "healgrid/util.h"

int main(int argc, char **argv)
{
	int rc;

	/* Text (UTF-8, widths) follows the user's locale; numbers never do:
	 * option values, JSON, CSV and SQL text always use the decimal
	 * point, so every printf/strtod in the program sees LC_NUMERIC "C". */
	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");
	/* Health records: every file healgrid creates is private. */
	umask(077);
	rc = cli_main(argc, argv);
	if (rc != HG_OK && *hg_error()) {
		/* Messages quote what was typed or stored: keep them one
		 * harmless line on a terminal. */
		char *msg = hg_sanitize(hg_error());
		fprintf(stderr, "healgrid: %s\n", msg);
		free(msg);
	}
	return rc;
}
