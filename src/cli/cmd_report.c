/* cmd_report.c — `healgrid report`: its options, and where the report goes
 * (stdout, or -o FILE written atomically; a PDF never onto a terminal), on
 * which paper (--paper, else the locale's LC_PAPER).  The report itself, made in one
 * pass over the database, lives in src/report*.c. */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "healgrid/atomicfile.h"
#include "healgrid/cli.h"
#include "healgrid/report.h"
#include "healgrid/util.h"

int cmd_report(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "treatment", required_argument, NULL, 't' },
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "paper", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 }
	};
	struct hg_db *db;
	const char *output = NULL;
	int64_t tid = 0;
	int format = REPORT_TEXT, all = 0, have_tid = 0, rc = HG_OK, c;
	int paper = -1;

	while (rc == HG_OK && (c = cli_getopt("report", argc, argv, "o:", opts)) != -1) {
		if (cli_common_option(ctx, "report", c, &rc))
			continue;
		switch (c) {
		case 't':
			rc = cli_parse_id("--treatment", optarg, &tid);
			have_tid = 1;
			break;
		case 'a':
			all = 1;
			break;
		case 'f':
			rc = cli_parse_format("--format", optarg, report_format_names, &format);
			break;
		case 'p':
			rc = cli_parse_format("--paper", optarg, report_paper_names, &paper);
			break;
		case 'o':
			if (!*optarg)
				rc = hg_fail(HG_ERR_INPUT, "-o: expected a file name, got \"\"");
			output = optarg;
			break;
		default:
			rc = cli_bad_option("report", argv);
		}
	}
	if (rc != HG_OK)
		return rc;
	if (optind < argc)
		return hg_fail(HG_ERR_INPUT, "report: unexpected argument \"%s\"", argv[optind]);
	if (all && have_tid)
		return hg_fail(HG_ERR_INPUT, "report: --treatment and --all do not go together");
	if (paper < 0)
		paper = (int)report_paper_default();
	if (format == REPORT_PDF && (!output || strcmp(output, "-") == 0) &&
	    isatty(fileno(ctx->out)))
		return hg_fail(HG_ERR_INPUT, "report: a PDF is not for the terminal: give -o FILE"
			       " or send standard output to a file or a program");
	if (!all)
		rc = cli_pick_treatment(ctx, tid, &tid);
	if (rc == HG_OK)
		rc = cli_db(ctx, &db);
	if (rc != HG_OK)
		return rc;
	/* One pass over every treatment: the earlier ones are the comparison. */
	if (!output || strcmp(output, "-") == 0) {
		rc = report_write_db_paper(ctx->out, db, all ? 0 : tid, (enum report_format)format,
					   ctx->today, (enum report_paper)paper);
	} else {
		struct atomic_file f;

		rc = atomic_open(&f, output);
		if (rc == HG_OK) {
			rc = report_write_db_paper(f.fp, db, all ? 0 : tid,
						   (enum report_format)format, ctx->today,
						   (enum report_paper)paper);
			if (rc == HG_OK)
				rc = atomic_commit(&f);
			else
				atomic_abort(&f);
		}
	}
	return rc;
}
