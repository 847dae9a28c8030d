/* cli.h — the command line: global options, the command table, and the
 * helpers every command shares (opening the database, parsing and
 * validating option values with the messages the man page shows).
 *
 * Each command lives in its own src/cmd_*.c as `int cmd_NAME(struct
 * cli_ctx *, int argc, char **argv)` and returns an hg_status; main()
 * prints the recorded error.
 */
#ifndef HEALGRID_CLI_H
#define HEALGRID_CLI_H

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>

#include "healgrid/db.h"
#include "healgrid/model.h"

/* How cli_db() treats a database that does not exist yet: create it,
 * refuse ("no database at PATH; start with ..."), or end quietly with
 * exit 1 (`due`).  Commands that only read never create one. */
/* CLI_DB_CHECK: as CLI_DB_EXISTING, but an older read-only file is read
 * through an upgraded copy in memory (check). */
enum cli_db_mode { CLI_DB_CREATE, CLI_DB_EXISTING, CLI_DB_EXISTING_QUIET, CLI_DB_CHECK };

struct cli_ctx {
	char *db_path;          /* from --db, else NULL until resolved */
	int db_path_default;    /* folder may be created */
	enum cli_db_mode db_mode; /* set from the command table; a subcommand
	                           * that only reads (treatment list) sets
	                           * CLI_DB_EXISTING before opening */
	struct hg_db *db;       /* opened on demand by cli_db() */
	int today;              /* date.h day number */
	FILE *out;              /* stdout */
};

/* Statuses a command may return besides hg_status: CLI_DONE stops with
 * exit 0 (after --help); CLI_QUIET_FAIL exits 1 printing nothing (`due`). */
enum { CLI_DONE = -1, CLI_QUIET_FAIL = -2 };

/* Entry point: argv as given to main.  Returns the exit status. */
int cli_main(int argc, char **argv);

/* Open the database once (path order: see db_default_path), as
 * ctx->db_mode says. */
int cli_db(struct cli_ctx *ctx, struct hg_db **out);

/* Every command accepts --db PATH and --help among its own options:
 * CLI_COMMON_OPTIONS goes first in its struct option array, and
 * cli_common_option() handles those two (returns 1 when it did, with
 * *status set; a --help sets status to CLI_DONE). */
enum { CLI_OPT_DB = 0x1000, CLI_OPT_HELP };
#define CLI_COMMON_OPTIONS \
	{ "db", required_argument, NULL, CLI_OPT_DB }, \
	{ "help", no_argument, NULL, CLI_OPT_HELP }
int cli_common_option(struct cli_ctx *ctx, const char *cmd, int opt, int *status);
/* getopt_long for every command: the same arguments and returns, but an
 * unknown option (with the nearest one suggested), a missing value, or a
 * one-value option given twice records its message and returns '?'.
 * Options that collect a list (--sign, --care, --risk, --resolves,
 * --photo) may be repeated.  cmd names the command in messages ("show",
 * "treatment add"; NULL for the global options). */
int cli_getopt(const char *cmd, int argc, char **argv, const char *shortopts,
	       const struct option *opts);
/* Status for cli_getopt's '?' (the message is recorded already). */
int cli_bad_option(const char *cmd, char **argv);
/* The name in the NULL-terminated list nearest to typed (at most two
 * edits away, fewer than half its length), else NULL. */
const char *cli_nearest(const char *typed, const char *const *names);
/* Record "--sign: unknown sign "puss"; did you mean pus?" (or, with none
 * near, the known names) for an unknown name of a list; name(i) for i <
 * count gives the names, those with their bit in skip left out.  Returns
 * HG_ERR_INPUT. */
int cli_unknown_name(const char *opt, const char *what, const char *bad,
                     const char *(*name)(int), int count, unsigned skip);
void cli_usage(const char *cmd, FILE *to);

/* Value parsers: each records a one-line message on failure and returns
 * HG_ERR_INPUT.  `opt` is the option as typed ("--redness"). */
int cli_parse_int(const char *opt, const char *s, long lo, long hi, long *out);
int cli_parse_date(const char *opt, const char *s, int *out);
int cli_parse_treatment_date(const char *opt, const char *s, int *out);
int cli_parse_rating(const char *opt, const char *s, int *out);
int cli_parse_id(const char *opt, const char *s, int64_t *out);
/* The one id left after the options of `cmd` ("action delete"), a `noun`
 * ("action"): missing, one too many or not an id is HG_ERR_INPUT, the
 * message pointing at 'healgrid NOUN list'. */
int cli_one_id(const char *cmd, const char *noun, int argc, char **argv, int64_t *out);
int cli_parse_note(const char *opt, const char *s);
int cli_parse_format(const char *opt, const char *s, const char *const *allowed, int *out);

/* The treatment of --treatment (id may be 0 = most recent). */
int cli_pick_treatment(struct cli_ctx *ctx, int64_t id, int64_t *out);

int cmd_treatment(struct cli_ctx *ctx, int argc, char **argv);
int cmd_checkin(struct cli_ctx *ctx, int argc, char **argv);
int cmd_show(struct cli_ctx *ctx, int argc, char **argv);
int cmd_due(struct cli_ctx *ctx, int argc, char **argv);
int cmd_flags(struct cli_ctx *ctx, int argc, char **argv);
int cmd_report(struct cli_ctx *ctx, int argc, char **argv);
int cmd_export(struct cli_ctx *ctx, int argc, char **argv);
int cmd_import(struct cli_ctx *ctx, int argc, char **argv);
int cmd_backup(struct cli_ctx *ctx, int argc, char **argv);
int cmd_check(struct cli_ctx *ctx, int argc, char **argv);
int cmd_action(struct cli_ctx *ctx, int argc, char **argv);
/* --text of an action (action add, flags resolve): 1 to HG_ACTION_TEXT_MAX
 * bytes of UTF-8 saying what was done. */
int cli_parse_action_text(const char *s);
/* --by: clinician or self. */
int cli_parse_by(const char *opt, const char *s, enum hg_by *out);
/* Record an action of treatment tid (0 = the current one), done by `by`,
 * for the flags ids[] (KIND@DAY); prints its id, then a line for each
 * urgent or emergency flag a self action leaves open.  Every flag must be
 * raised on or before the action's date, else HG_ERR_INPUT naming the
 * flags there are, and nothing is saved. */
int cli_action_create(struct cli_ctx *ctx, int64_t tid, int date, enum hg_by by,
                      const char *text, char *const *ids, size_t nids);
int cmd_photo(struct cli_ctx *ctx, int argc, char **argv);
int cmd_medicine(struct cli_ctx *ctx, int argc, char **argv);
int cmd_profile(struct cli_ctx *ctx, int argc, char **argv);

#endif
