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
#include "healgrid/validate.h"

struct command {
	const char *name;
	int (*run)(struct cli_ctx *, int, char **);
	const char *summary;
	const char *usage;      /* printed by NAME --help */
	enum cli_db_mode db_mode; /* CLI_DB_CREATE unless it only reads */
};

static const struct command commands[] = {
	{ "treatment", cmd_treatment, "add, edit, list or delete treatments",
	  "usage: healgrid treatment add --date D [--device professional|home] [--depth MM]\n"
	  "                              [--area TEXT] [--products TEXT] [--skin-type T]\n"
	  "                              [--risk NAME]... [--window DAYS] [--note TEXT]\n"
	  "       healgrid treatment edit ID [the options of add]\n"
	  "       healgrid treatment list [--format text|json]\n"
	  "       healgrid treatment delete ID --yes\n"
	  "\n"
	  "add prints the new treatment's id.  --date is the treatment day (day 0):\n"
	  "YYYY-MM-DD, today or yesterday.  No two treatments share date and area.\n"
	  "--depth is the needle depth in mm (0.1-3.0); --window the days tracked\n"
	  "(7-180, default 28); --area defaults to face.  --skin-type is the\n"
	  "Fitzpatrick skin type, 1-6 or I-VI.  --risk takes one of\n"
	  "active-infection, active-acne, bleeding-disorder, blood-thinners,\n"
	  "cold-sores, keloids, isotretinoin, dark-skin, pregnancy, weak-immunity,\n"
	  "and may be repeated or given a comma-separated list.\n"
	  "edit changes the options given; - or '' clears --depth, --products,\n"
	  "--skin-type, --risk or --note.  Check-ins keep their calendar dates when\n"
	  "--date moves (their day numbers follow).\n"
	  "delete removes the treatment and all its check-ins; it needs --yes.\n",
	  CLI_DB_CREATE },
	{ "checkin", cmd_checkin, "record or correct one day",
	  "usage: healgrid checkin [--treatment ID] (--day N | --date D) [--redness R]\n"
	  "                        [--swelling R] [--bruising R] [--bleeding R]\n"
	  "                        [--sign NAME]... [--temp T] [--care NAME]...\n"
	  "                        [--photo FILE]... [--note TEXT] [--format text|json]\n"
	  "       healgrid checkin [--treatment ID] (--day N | --date D) --clear\n"
	  "\n"
	  "Ratings are 0 none, 1 mild, 2 moderate, 3 severe, or - for not rated.\n"
	  "Signs: warmth, pus, crusting, spreading, pain, fever, blisters, rash,\n"
	  "dark-patches, light-patches, bumps, lines, lips, eye, unwell,\n"
	  "nonstop-bleeding.  Care: sunscreen, sun, actives, makeup.  Repeat --sign\n"
	  "or --care or give a comma-separated list; '' records none of them; a day\n"
	  "without --sign (or --care) leaves them not assessed, or as stored.  --temp is\n"
	  "the body temperature: 38.2, 38.2C or 100.8F (- clears it).  The day\n"
	  "merges into what is stored: options not given keep their stored value;\n"
	  "a day left with nothing recorded is removed.  --clear removes the day.\n"
	  "Days after today cannot be recorded; a day past the window widens it\n"
	  "(up to 180 days).  Prints what it saved and every warning rule the day\n"
	  "now matches; JSON: {\"treatment\", \"day\", \"date\", \"matches\": [{\"id\",\n"
	  "\"rule\", \"level\", \"category\", \"new\", \"message\"}]}.\n",
	  CLI_DB_CREATE },
	{ "show", cmd_show, "the grid of days as plain text",
	  "usage: healgrid show [--treatment ID]\n"
	  "\n"
	  "Prints the treatment's days as a grid, a row per week, 80 columns wide:\n"
	  "R S B L are redness, swelling, bruising, bleeding (0-3), - is not rated,\n"
	  ". a day still to come; !! ! . mark urgent, doctor and watch flags.\n",
	  CLI_DB_EXISTING },
	{ "flags", cmd_flags, "the warning signs to show a doctor",
	  "usage: healgrid flags [--treatment ID | --all] [--open] [--format text|json]\n"
	  "       healgrid flags resolve [--treatment ID] FLAG_ID... --text TEXT\n"
	  "                              --by clinician|self [--date D]\n"
	  "\n"
	  "Lists the flags the warning rules raise (see WARNING RULES and LEVELS in\n"
	  "the manual), by level (emergency, urgent, doctor, watch), then day, then\n"
	  "rule; a flag per episode, its id RULE@DAY (pus@5).  --open leaves out\n"
	  "resolved flags; --all covers every treatment.  JSON: {\"flags\":\n"
	  "[{\"treatment\", \"id\", \"rule\", \"category\", \"level\", \"day\", \"date\",\n"
	  "\"message\", \"status\", \"action\"}]}, action null or {\"id\", \"date\",\n"
	  "\"text\"}.  resolve records an action (dated today unless --date, done by\n"
	  "a clinician or yourself, see 'healgrid action --help') for the flags\n"
	  "given and prints its id.\n",
	  CLI_DB_EXISTING },
	{ "action", cmd_action, "record what was done about the recovery",
	  "usage: healgrid action add [--treatment ID] [--date D] --text TEXT\n"
	  "                           [--by clinician|self] [--for FLAG_ID,...]\n"
	  "       healgrid action list [--treatment ID | --all] [--format text|json]\n"
	  "       healgrid action delete ID --yes\n"
	  "\n"
	  "An action is something done (\"saw GP, cefalexin 500 mg for 7 days\"),\n"
	  "dated (today unless --date; never after today), up to 500 bytes, who did\n"
	  "it (--by clinician: a doctor, nurse, pharmacist or the clinic; or self),\n"
	  "and the flags of its treatment it is for (--for infection@10,pigment@16;\n"
	  "--resolves is the older name), each raised on or before its date; a flag\n"
	  "may have any number of actions.  --by is required with --for, and is\n"
	  "self without it.  Only a clinician's action covers an urgent or\n"
	  "emergency flag: a self one is saved and the flag stays open.  add prints\n"
	  "the new id.  list shows a flag that later edits took away as \"no longer\n"
	  "raised\", and an action of version 2 as \"who: not recorded\".  JSON:\n"
	  "{\"actions\": [{\"id\", \"treatment\", \"date\", \"by\", \"text\",\n"
	  "\"for\": [...]}]}, by null when not recorded.\n",
	  CLI_DB_CREATE },
	{ "medicine", cmd_medicine, "record the medicines taken during a recovery",
	  "usage: healgrid medicine add [--treatment ID] --name TEXT [--dose TEXT]\n"
	  "                             [--from D] [--to D | --days N]\n"
	  "       healgrid medicine stop ID [--date D]\n"
	  "       healgrid medicine list [--treatment ID | --all] [--format text|json]\n"
	  "       healgrid medicine delete ID --yes\n"
	  "\n"
	  "A medicine is a course taken during the recovery, on a treatment: its\n"
	  "name (\"valaciclovir\") and dose (\"500 mg twice a day\"), up to 100 bytes\n"
	  "each (control characters are stripped), from a date (today unless\n"
	  "--from; any date: a course may begin before the session) to a date on\n"
	  "or after it (--to, or --days N: N days from --from), or still taken.\n"
	  "add prints the new id; stop sets the last day (today unless --date);\n"
	  "delete needs --yes.  The report lists medicines; the warning rules do\n"
	  "not read them.  JSON: {\"medicines\": [{\"id\", \"treatment\", \"name\",\n"
	  "\"dose\", \"from\", \"to\"}]}, to null while still taken.\n",
	  CLI_DB_CREATE },
	{ "due", cmd_due, "say whether a check-in or a follow-up is due",
	  "usage: healgrid due\n"
	  "\n"
	  "Prints a line for each treatment whose check-in of today is missing\n"
	  "while today is inside its window, then one for each whose six-week\n"
	  "follow-up is due (day 42-56, no check-in from day 42 on), and exits 0;\n"
	  "prints nothing and exits 1 when nothing is due.  Planned treatments are\n"
	  "never due.  For a shell profile or a cron reminder.\n",
	  CLI_DB_EXISTING_QUIET },
	{ "report", cmd_report, "the summary for a dermatologist",
	  "usage: healgrid report [--treatment ID | --all] [--format FORMAT]\n"
	  "                       [--paper a4|letter] [-o FILE]\n"
	  "\n"
	  "For the dermatologist, in this order: the procedure, risks and medicines;\n"
	  "the problems healgrid's rules flagged, one line each, in clinical words;\n"
	  "now (the last two check-ins, temperature, care, tracking); what was done;\n"
	  "photos; the day-by-day table; a chart; notes; and a comparison with\n"
	  "earlier treatments.  FORMAT is text (default; 80 columns, for lpr),\n"
	  "markdown, html (one self-contained file, ready to print), pdf (drawn by\n"
	  "healgrid; to -o FILE or to standard output when it is not a terminal),\n"
	  "csv (one row per line of the report) or json.  --paper sets the PDF's\n"
	  "paper; the default is the locale's (LC_PAPER: US Letter where it says\n"
	  "so, else A4).  The report covers the most recent treatment unless\n"
	  "--treatment or --all.  -o FILE writes FILE (mode 0600) completely or not\n"
	  "at all, replacing an existing file.\n",
	  CLI_DB_EXISTING },
	{ "export", cmd_export, "all check-ins as CSV or JSON",
	  "usage: healgrid export [--format csv|json] [-o FILE]\n"
	  "\n"
	  "csv (default): one row per check-in with this header, as import reads it:\n"
	  "  treatment_date,device,depth_mm,area,risks,day,date,redness,swelling,\n"
	  "  bruising,bleeding,signs,note\n"
	  "json: everything, every field of every treatment and check-in.\n"
	  "-o FILE writes FILE (mode 0600) completely or not at all.\n",
	  CLI_DB_EXISTING },
	{ "import", cmd_import, "add check-ins from a CSV export",
	  "usage: healgrid import FILE\n"
	  "\n"
	  "Reads CSV in the format of 'healgrid export' (FILE - reads standard input).\n"
	  "All rows or none: the first bad row stops the import with FILE:LINE and\n"
	  "what is wrong, and nothing is saved.  A treatment is matched by its date\n"
	  "and area and created when missing; a day already stored is replaced, so\n"
	  "importing the same file twice changes nothing.\n",
	  CLI_DB_CREATE },
	{ "photo", cmd_photo, "list, export or delete the photos of check-ins",
	  "usage: healgrid photo list [--treatment ID] [--format text|json]\n"
	  "       healgrid photo export ID -o FILE\n"
	  "       healgrid photo delete ID --yes\n"
	  "\n"
	  "Photos are added with 'healgrid checkin --photo FILE' (JPEG or PNG, up to 4\n"
	  "a day).  healgrid keeps a cleaned copy inside the database: turned upright,\n"
	  "at most 1600 px on the long side, re-encoded as JPEG without any metadata\n"
	  "(no GPS position, camera, time or comment).  The original is never changed.\n"
	  "list shows the treatment's photos (JSON: {\"photos\": [{\"id\", \"treatment\",\n"
	  "\"day\", \"date\", \"width\", \"height\", \"bytes\"}]}); export writes one\n"
	  "as a JPEG file (mode 0600, complete or not at all; -o - for standard\n"
	  "output); delete removes one, and its day too when nothing else is recorded.\n",
	  CLI_DB_CREATE },
	{ "profile", cmd_profile, "your name, birth date and clinic for the report",
	  "usage: healgrid profile [--name TEXT] [--born D] [--clinic TEXT] [--format text|json]\n"
	  "       healgrid profile --clear\n"
	  "\n"
	  "Without options, shows the profile.  Each option sets one field and keeps\n"
	  "the others ('' clears one).  --born is a date not after today.  Only the\n"
	  "report prints the profile.  JSON: {\"profile\": {\"name\", \"born\",\n"
	  "\"clinic\"}}, or {\"profile\": null} when none is set.\n",
	  CLI_DB_CREATE },
	{ "backup", cmd_backup, "a consistent copy of the database",
	  "usage: healgrid backup FILE [--force]\n"
	  "\n"
	  "Copies the database to FILE (mode 0600) with SQLite's online backup, safe\n"
	  "while healgrid is open elsewhere.  An existing FILE is kept unless --force;\n"
	  "the copy appears complete or not at all.\n",
	  CLI_DB_EXISTING },
	{ "check", cmd_check, "integrity and consistency of the database",
	  "usage: healgrid check\n"
	  "\n"
	  "Runs SQLite's integrity and foreign key checks and healgrid's own rules\n"
	  "(dates, windows, ratings, notes ...) over the whole database.  Prints ok\n"
	  "and exits 0, or prints one line per problem and exits 1.  Changes nothing\n"
	  "(a database of an older healgrid is upgraded first, as by every command;\n"
	  "one that is read-only is checked through an upgraded copy in memory).\n",
	  CLI_DB_CHECK },
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
		int rc, missing = 0;

		if (ctx->db_mode == CLI_DB_CREATE)
			rc = db_open(ctx->db_path, ctx->db_path_default, &ctx->db);
		else if (ctx->db_mode == CLI_DB_CHECK)
			rc = db_open_reading(ctx->db_path, &ctx->db, &missing);
		else
			rc = db_open_existing(ctx->db_path, &ctx->db, &missing);
		if (missing && ctx->db_mode == CLI_DB_EXISTING_QUIET) {
			hg_error_clear();
			return CLI_QUIET_FAIL;
		}
		if (missing) {
			(void)hg_fail(HG_ERR_RUNTIME, "no database at %s; start with"
				      " `healgrid treatment add --date D`", ctx->db_path);
			return HG_ERR_RUNTIME;
		}
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

/* ---- option scanning --------------------------------------------------- */

/* Options that collect a list and so may be given again; every other
 * option that takes a value may be given once. */
static const char *const repeatable[] = {
	"sign", "care", "risk", "resolves", "for", "photo", NULL
};

enum { MAX_OPTIONS = 64 };

static struct {
	const struct option *opts;      /* the table being scanned */
	unsigned char seen[MAX_OPTIONS];
	int failed;                     /* the last call recorded an error */
} scan;

const char *cli_nearest(const char *typed, const char *const *names)
{
	return hg_nearest(typed, names);
}

int cli_unknown_name(const char *opt, const char *what, const char *bad,
                     const char *(*name)(int), int count, unsigned skip)
{
	const char *names[64];
	const char *near;
	char *clean = hg_sanitize(bad);
	struct strbuf sb = STRBUF_INIT;
	int n = 0, rc;

	for (int i = 0; i < count && n < 63; i++)
		if (!(skip & (1u << (unsigned)i)))
			names[n++] = name(i);
	names[n] = NULL;
	near = cli_nearest(bad, names);
	sb_printf(&sb, "%s: unknown %s \"%s\"", opt, what, clean);
	if (near) {
		sb_printf(&sb, "; did you mean %s?", near);
	} else {
		sb_puts(&sb, " (known: ");
		for (int i = 0; i < n; i++)
			sb_printf(&sb, "%s%s", i ? ", " : "", names[i]);
		sb_putc(&sb, ')');
	}
	rc = hg_fail(HG_ERR_INPUT, "%s", sb_str(&sb));
	sb_free(&sb);
	free(clean);
	return rc;
}

static const char *nearest_option(const char *typed, const struct option *opts)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1;

	for (size_t i = 0; opts[i].name; i++) {
		size_t dist = hg_edit_distance(typed, opts[i].name);
		if (dist < best_d) {
			best_d = dist;
			best = opts[i].name;
		}
	}
	return best && hg_near_enough(typed, best_d) ? best : NULL;
}

static int is_repeatable(const char *name)
{
	for (size_t i = 0; repeatable[i]; i++)
		if (strcmp(name, repeatable[i]) == 0)
			return 1;
	return 0;
}

/* "(see healgrid show --help)" */
static void see_help(struct strbuf *sb, const char *cmd)
{
	sb_printf(sb, " (see healgrid %s%s--help)", cmd ? cmd : "", cmd ? " " : "");
}

static int option_fail(const struct strbuf *sb)
{
	scan.failed = 1;
	return hg_fail(HG_ERR_INPUT, "%s", sb_str(sb));
}

/* "--yes=1": a long option that takes no value, given one.  (Not any '?'
 * with optopt set: an unknown letter of "-xy" leaves optind on the word
 * before.) */
static int takes_no_value(const char *arg, size_t n, const struct option *opts)
{
	if (strncmp(arg, "--", 2) != 0 || arg[n] != '=')
		return 0;
	for (size_t i = 0; opts[i].name; i++)
		if (!opts[i].flag && opts[i].val == optopt && opts[i].has_arg == no_argument &&
		    strncmp(opts[i].name, arg + 2, n - 2) == 0)
			return 1;
	return 0;
}

/* getopt_long said '?' or ':': say which option, and what about it. */
static void bad_option(const char *cmd, int c, char **argv, const struct option *opts)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "";
	int is_long = strncmp(arg, "--", 2) == 0;
	size_t n = strcspn(arg, "=");
	struct strbuf sb = STRBUF_INIT;

	if (c == ':') {
		if (is_long) {
			for (size_t i = 0; opts[i].name; i++)
				if (!opts[i].flag && opts[i].val == optopt &&
				    opts[i].has_arg == required_argument) {
					sb_printf(&sb, "--%s: missing value", opts[i].name);
					break;
				}
			if (!sb.len)
				sb_printf(&sb, "%.*s: missing value", (int)n, arg);
		} else {
			sb_printf(&sb, "-%c: missing value", optopt);
		}
	} else if (takes_no_value(arg, n, opts)) {
		sb_printf(&sb, "%.*s takes no value, got \"%s\"", (int)n, arg, arg + n + 1);
	} else if (optopt != 0) {
		sb_printf(&sb, "%s%sunknown option -%c", cmd ? cmd : "", cmd ? ": " : "", optopt);
		see_help(&sb, cmd);
	} else {
		char *name = xmalloc(n - 1);
		const char *near;
		struct strbuf all = STRBUF_INIT;
		size_t matches = 0;

		memcpy(name, arg + 2, n - 2);
		name[n - 2] = '\0';
		for (size_t i = 0; opts[i].name; i++)
			if (*name && strncmp(opts[i].name, name, n - 2) == 0)
				sb_printf(&all, "%s--%s", matches++ ? ", " : "", opts[i].name);
		near = nearest_option(name, opts);
		if (cmd)
			sb_printf(&sb, "%s: ", cmd);
		if (matches > 1)
			sb_printf(&sb, "ambiguous option --%s: %s?", name, sb_str(&all));
		else if (near)
			sb_printf(&sb, "unknown option --%s; did you mean --%s?", name, near);
		else {
			sb_printf(&sb, "unknown option --%s", name);
			see_help(&sb, cmd);
		}
		sb_free(&all);
		free(name);
	}
	option_fail(&sb);
	sb_free(&sb);
}

int cli_getopt(const char *cmd, int argc, char **argv, const char *shortopts,
	       const struct option *opts)
{
	char spec[64];
	int idx = -1, c;

	if (optind == 0 || opts != scan.opts) {
		memset(&scan, 0, sizeof scan);
		scan.opts = opts;
	}
	scan.failed = 0;
	/* A leading ':' makes getopt_long tell a missing value (':') from an
	 * unknown option ('?'); a leading '+' (stop at the first word) stays
	 * first. */
	if (shortopts[0] == '+')
		snprintf(spec, sizeof spec, "+:%s", shortopts + 1);
	else
		snprintf(spec, sizeof spec, ":%s", shortopts);
	c = getopt_long(argc, argv, spec, opts, &idx);
	if (c == -1)
		return -1;
	if (c == '?' || c == ':') {
		bad_option(cmd, c, argv, opts);
		return '?';
	}
	if (idx < 0)                    /* a short option: its long twin */
		for (int i = 0; opts[i].name; i++)
			if (!opts[i].flag && opts[i].val == c) {
				idx = i;
				break;
			}
	if (idx >= 0 && idx < MAX_OPTIONS && opts[idx].has_arg != no_argument &&
	    !is_repeatable(opts[idx].name)) {
		if (scan.seen[idx]) {
			struct strbuf sb = STRBUF_INIT;
			sb_printf(&sb, "--%s given twice", opts[idx].name);
			option_fail(&sb);
			sb_free(&sb);
			return '?';
		}
		scan.seen[idx] = 1;
	}
	return c;
}

int cli_bad_option(const char *cmd, char **argv)
{
	(void)argv;
	if (scan.failed)
		return HG_ERR_INPUT;
	return hg_fail(HG_ERR_INPUT, "%s: option not handled (see healgrid %s --help)", cmd, cmd);
}

/* ---- value parsers ---------------------------------------------------- */

/* Each is validate.h's check with the option's name in front. */
static int bad(const char *opt, const char *msg)
{
	return hg_fail(HG_ERR_INPUT, "%s: %s", opt, msg);
}

int cli_parse_int(const char *opt, const char *s, long lo, long hi, long *out)
{
	char msg[HG_VALID_MSG];

	return validate_int(s, lo, hi, out, msg) == 0 ? HG_OK : bad(opt, msg);
}

/* `today` and `yesterday` as YYYY-MM-DD in buf; any other text as it is.
 * cli_main has checked $HEALGRID_TODAY before any command runs. */
static const char *date_keyword(const char *s, char buf[HG_DATE_LEN])
{
	int today;

	if ((strcmp(s, "today") == 0 || strcmp(s, "yesterday") == 0) && date_today(&today) == 0) {
		date_format(s[0] == 't' ? today : today - 1, buf);
		return buf;
	}
	return s;
}

int cli_parse_date(const char *opt, const char *s, int *out)
{
	char msg[HG_VALID_MSG], buf[HG_DATE_LEN];

	return validate_date(date_keyword(s, buf), out, msg) == 0 ? HG_OK : bad(opt, msg);
}

int cli_parse_treatment_date(const char *opt, const char *s, int *out)
{
	char msg[HG_VALID_MSG], buf[HG_DATE_LEN];

	return validate_treatment_date(date_keyword(s, buf), out, msg) == 0 ? HG_OK : bad(opt, msg);
}

int cli_parse_rating(const char *opt, const char *s, int *out)
{
	char msg[HG_VALID_MSG];

	return validate_rating(s, "-", out, msg) == 0 ? HG_OK : bad(opt, msg);
}

int cli_one_id(const char *cmd, const char *noun, int argc, char **argv, int64_t *out)
{
	if (optind >= argc)
		return hg_fail(HG_ERR_INPUT, "%s: which %s? give its id (see 'healgrid %s list')",
			       cmd, noun, noun);
	if (optind + 1 < argc)
		return hg_fail(HG_ERR_INPUT, "%s: unexpected argument \"%s\"", cmd, argv[optind + 1]);
	return cli_parse_id(cmd, argv[optind], out);
}

int cli_parse_id(const char *opt, const char *s, int64_t *out)
{
	char msg[HG_VALID_MSG];

	return validate_id(s, out, msg) == 0 ? HG_OK : bad(opt, msg);
}

int cli_parse_note(const char *opt, const char *s)
{
	char msg[HG_VALID_MSG];

	return validate_note(s, msg) == 0 ? HG_OK : bad(opt, msg);
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
		struct hg_treatment *all = NULL;
		size_t n = 0;

		rc = db_treatment_current(db, ctx->today, out);
		if (rc != HG_OK || *out != 0)
			return rc;
		/* None dated today or earlier: name the next planned one. */
		rc = db_treatment_list(db, &all, &n);
		if (rc == HG_OK && n > 0) {
			char date[HG_DATE_LEN];

			date_format(all[0].date, date);
			if (n == 1)
				rc = hg_fail(HG_ERR_INPUT, "no current treatment: treatment %lld is"
					     " planned for %s, after today; give --treatment %lld"
					     " to use it", (long long)all[0].id, date,
					     (long long)all[0].id);
			else
				rc = hg_fail(HG_ERR_INPUT, "no current treatment: all %zu are planned"
					     " after today, the next is treatment %lld on %s; give"
					     " --treatment ID to use one", n, (long long)all[0].id, date);
		} else if (rc == HG_OK) {
			rc = hg_fail(HG_ERR_INPUT, "no treatment yet: add one with"
				     " 'healgrid treatment add --date YYYY-MM-DD'");
		}
		db_treatments_free(all, n);
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

static int unknown_command(const char *name)
{
	const char *names[NCOMMANDS + 2];
	const char *near;

	for (size_t i = 0; i < NCOMMANDS; i++)
		names[i] = commands[i].name;
	names[NCOMMANDS] = "help";
	names[NCOMMANDS + 1] = NULL;
	near = cli_nearest(name, names);
	if (near)
		return hg_fail(HG_ERR_INPUT, "unknown command \"%s\"; did you mean %s?", name, near);
	return hg_fail(HG_ERR_INPUT, "unknown command \"%s\" (see healgrid --help)", name);
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
	while (rc == HG_OK && (c = cli_getopt(NULL, argc, argv, "+h", opts)) != -1) {
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
			if (optind + 1 < argc && !find_command(argv[optind + 1]))
				rc = unknown_command(argv[optind + 1]);
			else
				cli_usage(optind + 1 < argc ? argv[optind + 1] : "", stdout);
		} else {
			const struct command *cmd = find_command(argv[optind]);

			if (!cmd)
				rc = unknown_command(argv[optind]);
			else {
				argv += optind;
				argc -= optind;
				optind = 0;
				ctx.db_mode = cmd->db_mode;
				rc = cmd->run(&ctx, argc, argv);
			}
		}
	}
	/* --help and --version too: output that did not reach its file is
	 * a failure like any other. */
	if ((rc == HG_OK || rc == CLI_DONE) && (fflush(stdout) != 0 || ferror(stdout)))
		rc = hg_fail(HG_ERR_RUNTIME, "cannot write output: %s", strerror(errno));
	db_close(ctx.db);
	free(ctx.db_path);
	if (rc == CLI_QUIET_FAIL)
		return HG_ERR_RUNTIME;
	return rc == CLI_DONE ? HG_OK : rc;
}
