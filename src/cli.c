/* cli.c — global options, the command table and its help texts, and the
 * parsing helpers every src/cmd_*.c shares.  No SQL and no curses here. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "healgrid/cli.h"
#include "healgrid/date.h"
#include "healgrid/demo.h"
#include "healgrid/ui.h"
#include "healgrid/util.h"

struct command {
	const char *name;
	int (*run)(struct cli_ctx *, int, char **);
	const char *summary;
	const char *usage;      /* printed by NAME --help */
};

static const struct command commands[] = {
	{ "treatment", cmd_treatment, "add, list or delete treatments",
	  "usage: healgrid treatment add --date D [--device professional|home] [--depth MM]\n"
	  "                              [--area TEXT] [--products TEXT] [--risk NAME]...\n"
	  "                              [--window DAYS] [--note TEXT]\n"
	  "       healgrid treatment list [--format text|json]\n"
	  "       healgrid treatment delete ID --yes\n"
	  "\n"
	  "add prints the new treatment's id.  --date is the treatment day (day 0).\n"
	  "--depth is the needle depth in mm (0.1-3.0); --window the days tracked\n"
	  "(7-90, default 28); --area defaults to face.  --risk takes one of\n"
	  "active-infection, active-acne, bleeding-disorder, blood-thinners,\n"
	  "cold-sores, keloids, isotretinoin, dark-skin, pregnancy, and may be\n"
	  "repeated or given a comma-separated list.\n"
	  "delete removes the treatment and all its check-ins; it needs --yes.\n" },
	{ "checkin", cmd_checkin, "record or correct one day",
	  "usage: healgrid checkin [--treatment ID] (--day N | --date D) [--redness R]\n"
	  "                        [--swelling R] [--bruising R] [--bleeding R]\n"
	  "                        [--sign NAME]... [--note TEXT]\n"
	  "\n"
	  "Ratings are 0 none, 1 mild, 2 moderate, 3 severe, or - for not rated.\n"
	  "Signs: warmth, pus, crusting, spreading, pain, fever, blisters, rash,\n"
	  "dark-patches, light-patches, bumps, lines (repeat --sign or give a\n"
	  "comma-separated list; --sign '' clears them).  The day merges into what\n"
	  "is stored: options not given keep their stored value.  Days after today\n"
	  "cannot be rated.\n" },
	{ "show", cmd_show, "the grid of days as plain text",
	  "usage: healgrid show [--treatment ID]\n"
	  "\n"
	  "Prints the treatment's days as a grid, a row per week, 80 columns wide:\n"
	  "R S B L are redness, swelling, bruising, bleeding (0-3), - is not rated,\n"
	  ". a day still to come; !! ! . mark urgent, doctor and watch flags.\n" },
	{ "flags", cmd_flags, "the warning signs to show a doctor",
	  "usage: healgrid flags [--treatment ID | --all] [--format text|json]\n"
	  "\n"
	  "Lists the flags the warning rules raise (see WARNING RULES in the manual),\n"
	  "highest level first: urgent (get medical care today), doctor (call your\n"
	  "dermatologist within a day or two), watch (mention it at your next visit);\n"
	  "each rule once per treatment, at the first day it applies.  --all covers\n"
	  "every treatment.  JSON: {\"flags\": [{\"treatment\", \"rule\", \"category\",\n"
	  "\"level\", \"day\", \"date\", \"message\"}]}.\n" },
	{ "due", cmd_due, "say whether today's check-in is missing",
	  "usage: healgrid due\n"
	  "\n"
	  "Prints one line and exits 0 when today's check-in of a treatment being\n"
	  "tracked is missing; prints nothing and exits 1 when it is done or no\n"
	  "treatment is being tracked.  For a shell profile or a cron reminder.\n" },
	{ "report", cmd_report, "the summary for a dermatologist",
	  "usage: healgrid report [--treatment ID | --all] [--format FORMAT] [-o FILE]\n"
	  "\n"
	  "FORMAT is text (default; 80 columns, for lpr), markdown, html (one\n"
	  "self-contained file with a chart, ready to print), csv (the day table) or\n"
	  "json.  The report covers the most recent treatment unless --treatment or\n"
	  "--all: details and risks, every flag with its advice, peak day and days\n"
	  "to clear per symptom, the day-by-day table, warning signs, notes, and a\n"
	  "comparison with earlier treatments.  -o FILE writes FILE (mode 0600)\n"
	  "completely or not at all, replacing an existing file.\n" },
	{ "export", cmd_export, "all check-ins as CSV or JSON",
	  "usage: healgrid export [--format csv|json] [-o FILE]\n"
	  "\n"
	  "csv (default): one row per check-in with this header, as import reads it:\n"
	  "  treatment_date,device,depth_mm,area,risks,day,date,redness,swelling,\n"
	  "  bruising,bleeding,signs,note\n"
	  "json: everything, every field of every treatment and check-in.\n"
	  "-o FILE writes FILE (mode 0600) completely or not at all.\n" },
	{ "import", cmd_import, "add check-ins from a CSV export",
	  "usage: healgrid import FILE\n"
	  "\n"
	  "Reads CSV in the format of 'healgrid export' (FILE - reads standard input).\n"
	  "All rows or none: the first bad row stops the import with FILE:LINE and\n"
	  "what is wrong, and nothing is saved.  A treatment is matched by its date\n"
	  "and area and created when missing; a day already stored is replaced, so\n"
	  "importing the same file twice changes nothing.\n" },
	{ "backup", cmd_backup, "a consistent copy of the database",
	  "usage: healgrid backup FILE [--force]\n"
	  "\n"
	  "Copies the database to FILE (mode 0600) with SQLite's online backup, safe\n"
	  "while healgrid is open elsewhere.  An existing FILE is kept unless --force;\n"
	  "the copy appears complete or not at all.\n" },
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static const char program_usage[] =
	"usage: healgrid [--db PATH] [--demo]\n"
	"       healgrid [--db PATH] COMMAND [OPTIONS]\n"
	"       healgrid --help | --version | COMMAND --help\n"
	"\n"
	"With no command, healgrid opens the full-screen tracker.  --demo opens it\n"
	"on a throw-away database filled with a sample recovery.\n"
	"\n"
	"Commands:\n";

static const char program_footer[] =
	"\n"
	"The database is --db PATH, else $HEALGRID_DB, else\n"
	"$XDG_DATA_HOME/healgrid/healgrid.db, else ~/.local/share/healgrid/healgrid.db.\n"
	"HEALGRID_TODAY=YYYY-MM-DD sets the date healgrid takes as today.\n"
	"Exit status: 0 success, 1 runtime failure, 2 bad usage or input.\n"
	"healgrid is not medical advice: when in doubt, call your dermatologist.\n";

static void program_help(FILE *to)
{
	fputs(program_usage, to);
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(to, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fputs(program_footer, to);
}

void cli_usage(const char *cmd, FILE *to)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, cmd) == 0) {
			fputs(commands[i].usage, to);
			return;
		}
	program_help(to);
}

int cli_db(struct cli_ctx *ctx, struct hg_db **out)
{
	if (!ctx->db) {
		if (!ctx->db_path) {
			int rc = db_default_path(&ctx->db_path, &ctx->db_path_default);
			if (rc != HG_OK)
				return rc;
		}
		int rc = db_open(ctx->db_path, ctx->db_path_default, &ctx->db);
		if (rc != HG_OK)
			return rc;
	}
	*out = ctx->db;
	return HG_OK;
}

static void set_db_path(struct cli_ctx *ctx, const char *path)
{
	free(ctx->db_path);
	ctx->db_path = xstrdup(path);
	ctx->db_path_default = 0;
}

int cli_common_option(struct cli_ctx *ctx, const char *cmd, int opt, int *status)
{
	if (opt == CLI_OPT_DB) {
		if (!*optarg) {
			*status = hg_fail(HG_ERR_INPUT, "--db: expected a file path, got \"\"");
			return 1;
		}
		set_db_path(ctx, optarg);
		*status = HG_OK;
		return 1;
	}
	if (opt == CLI_OPT_HELP) {
		cli_usage(cmd, stdout);
		*status = CLI_DONE;
		return 1;
	}
	return 0;
}

int cli_bad_option(const char *cmd, char **argv)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "";
	size_t n = strcspn(arg, "=");

	return hg_fail(HG_ERR_INPUT, "%s: unknown option or missing value: %.*s"
		       " (see healgrid %s --help)", cmd, (int)n, arg, cmd);
}

/* ---- value parsers ---------------------------------------------------- */

int cli_parse_int(const char *opt, const char *s, long lo, long hi, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (!*s || *end || errno || v < lo || v > hi || s[0] == ' ' || s[0] == '+')
		return hg_fail(HG_ERR_INPUT, "%s: expected a whole number %ld-%ld, got \"%s\"",
			       opt, lo, hi, s);
	*out = v;
	return HG_OK;
}

int cli_parse_date(const char *opt, const char *s, int *out)
{
	if (date_parse(s, out) != 0)
		return hg_fail(HG_ERR_INPUT, "%s: expected a real date YYYY-MM-DD, got \"%s\"",
			       opt, s);
	return HG_OK;
}

int cli_parse_rating(const char *opt, const char *s, int *out)
{
	if (strcmp(s, "-") == 0) {
		*out = HG_UNRATED;
		return HG_OK;
	}
	if (s[0] >= '0' && s[0] <= '3' && s[1] == '\0') {
		*out = s[0] - '0';
		return HG_OK;
	}
	return hg_fail(HG_ERR_INPUT, "%s: expected 0-3, got \"%s\"", opt, s);
}

int cli_parse_id(const char *opt, const char *s, int64_t *out)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (!*s || *end || errno || v < 1 || s[0] == ' ' || s[0] == '+')
		return hg_fail(HG_ERR_INPUT, "%s: expected a treatment id (a number from"
			       " 'healgrid treatment list'), got \"%s\"", opt, s);
	*out = v;
	return HG_OK;
}

int cli_parse_note(const char *opt, const char *s)
{
	size_t n = strlen(s);

	if (n > HG_NOTE_MAX)
		return hg_fail(HG_ERR_INPUT, "%s: longer than %d bytes (got %zu)", opt,
			       HG_NOTE_MAX, n);
	if (!hg_utf8_valid(s, n))
		return hg_fail(HG_ERR_INPUT, "%s: not valid UTF-8 text", opt);
	return HG_OK;
}

int cli_parse_format(const char *opt, const char *s, const char *const *allowed, int *out)
{
	struct strbuf list = STRBUF_INIT;

	for (int i = 0; allowed[i]; i++) {
		if (strcmp(s, allowed[i]) == 0) {
			*out = i;
			sb_free(&list);
			return HG_OK;
		}
		sb_printf(&list, "%s%s", i ? "|" : "", allowed[i]);
	}
	int rc = hg_fail(HG_ERR_INPUT, "%s: expected %s, got \"%s\"", opt, sb_str(&list), s);
	sb_free(&list);
	return rc;
}

int cli_pick_treatment(struct cli_ctx *ctx, int64_t id, int64_t *out)
{
	struct hg_db *db;
	struct hg_treatment t;
	int rc = cli_db(ctx, &db);

	if (rc != HG_OK)
		return rc;
	if (id == 0) {
		rc = db_treatment_latest(db, out);
		if (rc == HG_OK && *out == 0)
			rc = hg_fail(HG_ERR_INPUT, "no treatment yet: add one with"
				     " 'healgrid treatment add --date YYYY-MM-DD'");
		return rc;
	}
	rc = db_treatment_get(db, id, &t);
	if (rc == HG_OK)
		model_treatment_free(&t);
	*out = id;
	return rc;
}

/* ---- entry ------------------------------------------------------------ */

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* No command: the full-screen interface, on the database opened here. */
static int run_ui(struct cli_ctx *ctx)
{
	struct hg_db *db;
	int rc = ui_need_terminal();

	if (rc == HG_OK)
		rc = cli_db(ctx, &db);
	if (rc == HG_OK)
		rc = ui_run(db, ctx->today);
	return rc;
}

int cli_main(int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "version", no_argument, NULL, 'V' },
		{ "demo", no_argument, NULL, 'D' },
		{ NULL, 0, NULL, 0 }
	};
	struct cli_ctx ctx = { .out = stdout };
	int demo = 0, rc = HG_OK, c;

	opterr = 0;
	/* 0, not 1: glibc then forgets the previous scan (its ordering mode
	 * and a half-read "-abc" cluster), so cli_main can run twice. */
	optind = 0;
	while (rc == HG_OK && (c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		if (c == 'h')
			c = CLI_OPT_HELP;
		if (cli_common_option(&ctx, "", c, &rc))
			continue;
		if (c == 'V') {
			printf("healgrid %s\n", PACKAGE_VERSION);
			rc = CLI_DONE;
		} else if (c == 'D') {
			demo = 1;
		} else {
			rc = cli_bad_option("healgrid", argv);
		}
	}
	if (rc == HG_OK && date_today(&ctx.today) != 0)
		rc = hg_fail(HG_ERR_INPUT, "HEALGRID_TODAY: expected a real date YYYY-MM-DD,"
			     " got \"%s\"", getenv("HEALGRID_TODAY"));
	if (rc == HG_OK) {
		if (optind >= argc) {
			rc = demo ? demo_run(ctx.today) : run_ui(&ctx);
		} else if (demo) {
			rc = hg_fail(HG_ERR_INPUT, "--demo takes no command");
		} else if (strcmp(argv[optind], "help") == 0) {
			cli_usage(optind + 1 < argc ? argv[optind + 1] : "", stdout);
		} else {
			const struct command *cmd = find_command(argv[optind]);

			if (!cmd)
				rc = hg_fail(HG_ERR_INPUT, "unknown command \"%s\" (see healgrid --help)",
					     argv[optind]);
			else {
				argv += optind;
				argc -= optind;
				optind = 0;
				rc = cmd->run(&ctx, argc, argv);
			}
		}
	}
	if (rc == HG_OK && (fflush(stdout) != 0 || ferror(stdout)))
		rc = hg_fail(HG_ERR_RUNTIME, "cannot write output: %s", strerror(errno));
	db_close(ctx.db);
	free(ctx.db_path);
	if (rc == CLI_QUIET_FAIL)
		return HG_ERR_RUNTIME;
	return rc == CLI_DONE ? HG_OK : rc;
}
