/* cmd_import.c — `healgrid import FILE`: open the file (or stdin for -),
 * hand it to import_file(), say what was saved. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "healgrid/cli.h"
#include "healgrid/import.h"
#include "healgrid/util.h"

int cmd_import(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	struct import_stats st;
	struct stat fst;
	struct hg_db *db;
	const char *path, *name;
	FILE *in;
	int rc = HG_OK, c;

	while (rc == HG_OK && (c = cli_getopt("import", argc, argv, "", opts)) != -1)
		if (!cli_common_option(ctx, "import", c, &rc))
			rc = cli_bad_option("import", argv);
	if (rc != HG_OK)
		return rc;
	if (optind >= argc)
		return hg_fail(HG_ERR_INPUT, "import: expected a CSV file (see healgrid import --help)");
	if (optind + 1 < argc)
		return hg_fail(HG_ERR_INPUT, "import: unexpected argument \"%s\"", argv[optind + 1]);
	path = argv[optind];
	name = strcmp(path, "-") == 0 ? "stdin" : path;
	in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!in)
		return hg_fail(errno == ENOENT || errno == EISDIR || errno == EACCES
			       ? HG_ERR_INPUT : HG_ERR_RUNTIME, "%s: %s", path, strerror(errno));
	/* fopen() opens a folder for reading too; reading it fails later,
	 * which would look like a runtime failure rather than a wrong name. */
	if (fstat(fileno(in), &fst) == 0 && S_ISDIR(fst.st_mode)) {
		if (in != stdin)
			(void)fclose(in);
		return hg_fail(HG_ERR_INPUT, "%s: is a folder, not a file", path);
	}
	/* A database this import creates goes again when the import fails:
	 * a failed import leaves no trace. */
	int existed = 1;
	if (!ctx->db && !ctx->db_path)
		rc = db_default_path(&ctx->db_path, &ctx->db_path_default);
	if (rc == HG_OK && !ctx->db) {
		struct stat dst;
		existed = stat(ctx->db_path, &dst) == 0 || errno != ENOENT;
	}
	if (rc == HG_OK)
		rc = cli_db(ctx, &db);
	if (rc == HG_OK)
		rc = import_file(db, name, in, ctx->today, &st);
	if (in != stdin)
		(void)fclose(in);       /* read to the end already */
	if (rc != HG_OK && !existed && ctx->db) {
		static const char *const suffix[] = { "", "-wal", "-shm" };

		db_close(ctx->db);
		ctx->db = NULL;
		for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
			struct strbuf f = STRBUF_INIT;

			sb_printf(&f, "%s%s", ctx->db_path, suffix[i]);
			(void)unlink(sb_str(&f));
			sb_free(&f);
		}
	}
	if (rc != HG_OK)
		return rc;
	fprintf(ctx->out, "imported %zu check-in%s of %zu treatment%s (%zu new, %zu widened)\n",
		st.rows, st.rows == 1 ? "" : "s", st.treatments, st.treatments == 1 ? "" : "s",
		st.created, st.widened);
	return HG_OK;
}
