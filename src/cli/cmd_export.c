/* cmd_export.c — `healgrid export`: every treatment and check-in as the CSV
 * that import reads back, or as complete JSON; to stdout or, atomically,
 * to -o FILE.  The writers live in src/export.c. */
#include "config.h"

#include <string.h>

#include "healgrid/atomicfile.h"
#include "healgrid/cli.h"
#include "healgrid/export.h"
#include "healgrid/report.h"
#include "healgrid/util.h"

/* CSV rows are check-ins: name the treatments it could not carry. */
static void note_skipped(size_t count, const char *ids)
{
	if (count)
		fprintf(stderr, "healgrid: note: treatment%s %s%s without check-ins %s not in the"
			" CSV; 'healgrid export --format json' keeps everything\n",
			count == 1 ? "" : "s", ids, count > 10 ? " and more" : "",
			count == 1 ? "is" : "are");
}

/* What the CSV leaves out, when the database holds any of it. */
static int note_beyond_csv(struct hg_db *db)
{
	static const char *const names[] = { "photos", "actions", "medicines", "profile" };
	struct strbuf sb = STRBUF_INIT;
	unsigned held = 0;
	int rc = db_beyond_csv(db, &held), n = 0, seen = 0;

	for (int i = 0; i < 4; i++)
		n += (int)((held >> i) & 1u);
	for (int i = 0; rc == HG_OK && i < 4; i++) {
		if (!(held >> i & 1))
			continue;
		seen++;
		sb_printf(&sb, "%s%s", seen == 1 ? "" : seen == n ? " or " : ", ", names[i]);
	}
	if (rc == HG_OK && n)
		fprintf(stderr, "healgrid: note: CSV carries no %s: use --format json to keep"
			" them\n", sb_str(&sb));
	sb_free(&sb);
	return rc;
}

int cmd_export(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const formats[] = { "csv", "json", NULL };
	struct strbuf ids = STRBUF_INIT;
	struct hg_db *db;
	const char *output = NULL;
	size_t without = 0;
	int format = EXPORT_CSV, rc = HG_OK, c;

	while (rc == HG_OK && (c = cli_getopt("export", argc, argv, "o:", opts)) != -1) {
		if (cli_common_option(ctx, "export", c, &rc))
			continue;
		if (c == 'f') {
			rc = cli_parse_format("--format", optarg, formats, &format);
		} else if (c == 'o') {
			output = optarg;
			if (!*optarg)
				rc = hg_fail(HG_ERR_INPUT, "-o: expected a file name, got \"\"");
		} else {
			rc = cli_bad_option("export", argv);
		}
	}
	if (rc != HG_OK)
		return rc;
	if (optind < argc)
		return hg_fail(HG_ERR_INPUT, "export: unexpected argument \"%s\"", argv[optind]);
	rc = cli_db(ctx, &db);
	if (rc != HG_OK)
		return rc;
	if (!output || strcmp(output, "-") == 0) {
		rc = export_write_db(ctx->out, (enum export_format)format, db, &without, &ids);
	} else {
		struct atomic_file f;

		rc = atomic_open(&f, output);
		if (rc == HG_OK) {
			rc = export_write_db(f.fp, (enum export_format)format, db, &without, &ids);
			if (rc == HG_OK)
				rc = atomic_commit(&f);
			else
				atomic_abort(&f);
		}
	}
	if (rc == HG_OK && format == EXPORT_CSV) {
		note_skipped(without, sb_str(&ids));
		rc = note_beyond_csv(db);
	}
	sb_free(&ids);
	return rc;
}
