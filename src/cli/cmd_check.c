/* cmd_check.c — `healgrid check`: the integrity and consistency of the
 * database.  Prints "ok", or one line per problem found by db_check()
 * (SQLite's own checks and healgrid's rules about what it stores) and
 * exits 1.  Reads only; a missing database is not created. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "healgrid/cli.h"
#include "healgrid/db.h"
#include "healgrid/util.h"

static void print_problem(const char *line, void *arg)
{
	char *clean = hg_sanitize(line);

	fprintf((FILE *)arg, "%s\n", clean);
	free(clean);
}

int cmd_check(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	struct hg_db *db;
	size_t problems = 0;
	int rc = HG_OK, c;

	while (rc == HG_OK && (c = cli_getopt("check", argc, argv, "", opts)) != -1)
		if (!cli_common_option(ctx, "check", c, &rc))
			rc = cli_bad_option("check", argv);
	if (rc != HG_OK)
		return rc;
	if (optind < argc)
		return hg_fail(HG_ERR_INPUT, "check: unexpected argument \"%s\"", argv[optind]);
	rc = cli_db(ctx, &db);
	if (rc == HG_OK)
		rc = db_check(db, print_problem, ctx->out, &problems);
	if (rc != HG_OK)
		return rc;
	if (problems == 0) {
		fputs("ok\n", ctx->out);
		return HG_OK;
	}
	return hg_fail(HG_ERR_RUNTIME, "%s: %zu problem%s found", db_path(db), problems,
		       problems == 1 ? "" : "s");
}
