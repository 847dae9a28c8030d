/* cmd_backup.c — `healgrid backup FILE [--force]`: a consistent copy of the
 * database through db_backup() (SQLite's online backup API). */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "healgrid/cli.h"
#include "healgrid/db.h"
#include "healgrid/util.h"

int cmd_backup(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "force", no_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct hg_db *db;
	struct stat st, dest;
	int force = 0, rc = HG_OK, c;

	while (rc == HG_OK && (c = cli_getopt("backup", argc, argv, "", opts)) != -1) {
		if (cli_common_option(ctx, "backup", c, &rc))
			continue;
		if (c == 'f')
			force = 1;
		else
			rc = cli_bad_option("backup", argv);
	}
	if (rc != HG_OK)
		return rc;
	if (optind >= argc)
		return hg_fail(HG_ERR_INPUT, "backup: expected the file to write (see healgrid backup --help)");
	if (optind + 1 < argc)
		return hg_fail(HG_ERR_INPUT, "backup: unexpected argument \"%s\"", argv[optind + 1]);
	if (!*argv[optind])
		return hg_fail(HG_ERR_INPUT, "backup: expected a file name, got \"\"");
	/* Backing up must never create an empty database where there was none. */
	if (!ctx->db_path) {
		rc = db_default_path(&ctx->db_path, &ctx->db_path_default);
		if (rc != HG_OK)
			return rc;
	}
	if (stat(ctx->db_path, &st) != 0)
		return hg_fail(errno == ENOENT ? HG_ERR_INPUT : HG_ERR_RUNTIME,
			       "%s: no database to back up (%s)", ctx->db_path, strerror(errno));
	/* Before "file exists": --force would not help here. */
	if (stat(argv[optind], &dest) == 0 && dest.st_dev == st.st_dev && dest.st_ino == st.st_ino)
		return hg_fail(HG_ERR_INPUT, "%s: that is the database itself; a backup goes to"
			       " another file", argv[optind]);
	rc = cli_db(ctx, &db);
	if (rc == HG_OK)
		rc = db_backup(db, argv[optind], force);
	return rc;
}
