/* test_cli.c — cli_main as a library entry point: it must be callable more
 * than once in one process (the command-line fuzzer and any embedding do
 * so), with no state left over from the previous call. */
#include "config.h"

#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <cmocka.h>

#include "tmpdb.h"
#include "healgrid/cli.h"
#include "healgrid/util.h"

/* cli_main on a NULL-terminated argument list, its output thrown away
 * (stdout carries this test's TAP). */
static int run(char **args)
{
	int argc = 0, saved = dup(STDOUT_FILENO), null = open("/dev/null", O_WRONLY), rc;

	assert_true(saved >= 0 && null >= 0);
	while (args[argc])
		argc++;
	fflush(stdout);
	assert_int_equal(dup2(null, STDOUT_FILENO), STDOUT_FILENO);
	rc = cli_main(argc, args);
	fflush(stdout);
	assert_int_equal(dup2(saved, STDOUT_FILENO), STDOUT_FILENO);
	close(saved);
	close(null);
	hg_error_clear();
	return rc;
}

/* glibc's getopt keeps its ordering mode and a half-read "-hh" cluster
 * between scans unless optind is set to 0: cli_main once set it to 1, and
 * a second call then read the command's options as global ones. */
static void cli_main_runs_twice(void **state)
{
	struct tmpdb t;
	char add[][16] = { "healgrid", "--db", "", "treatment", "add", "--date", "2026-11-01" };
	char checkin[][16] = { "healgrid", "checkin", "--day", "0", "--redness", "1" };
	char help[][16] = { "healgrid", "-hh" };
	char *a[8], *c[9], *h[3];

	(void)state;
	tmpdb_open(&t);
	for (int i = 0; i < 7; i++)
		a[i] = add[i];
	a[2] = t.path;
	a[7] = NULL;
	c[0] = checkin[0];
	c[1] = (char *)"--db";
	c[2] = t.path;
	for (int i = 1; i < 6; i++)
		c[i + 2] = checkin[i];
	c[8] = NULL;
	h[0] = help[0];
	h[1] = help[1];
	h[2] = NULL;

	assert_int_equal(run(a), HG_OK);
	assert_int_equal(run(c), HG_OK);
	assert_int_equal(run(h), HG_OK);
	assert_int_equal(run(c), HG_OK);
	a[6] = (char *)"2026-11-02";    /* a second treatment: not the same date and area */
	assert_int_equal(run(a), HG_OK);
	tmpdb_close(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cli_main_runs_twice),
	};

	setenv("HEALGRID_TODAY", "2026-11-10", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
