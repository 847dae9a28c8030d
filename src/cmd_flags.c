/* cmd_flags.c — `healgrid flags`: the warning flags of one treatment or of
 * all of them, as text for people (80 columns, highest level first, ending
 * with the not-medical-advice line) or as JSON (fields in the man page).  The rules
 * themselves live in rules.c; this file only loads, evaluates and writes.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "healgrid/cli.h"
#include "healgrid/date.h"
#include "healgrid/json.h"
#include "healgrid/rules.h"
#include "healgrid/util.h"

enum { FLAGS_TEXT, FLAGS_JSON };
enum { TEXT_WIDTH = 80 };

static const char not_advice[] =
	"healgrid is not medical advice: when in doubt, call your dermatologist.";

/* What each level asks of the person, as a heading. */
static const char *const level_heading[HG_LEVEL_COUNT] = {
	"URGENT: get medical care today",
	"SEE YOUR DERMATOLOGIST within a day or two",
	"WATCH: note it and mention it at your next visit",
};

/* ---- JSON ------------------------------------------------------------- */

static void write_json(FILE *out, const struct hg_flag *f, size_t n)
{
	struct strbuf sb = STRBUF_INIT;

	sb_puts(&sb, "{\"flags\": [");
	for (size_t i = 0; i < n; i++) {
		char date[HG_DATE_LEN];

		date_format(f[i].date, date);
		sb_puts(&sb, i ? ", {" : "{");
		json_key(&sb, "treatment", 1);
		sb_printf(&sb, "%lld", (long long)f[i].treatment_id);
		json_key(&sb, "rule", 0);
		json_string(&sb, f[i].rule);
		json_key(&sb, "category", 0);
		json_string(&sb, rules_category_name(f[i].category));
		json_key(&sb, "level", 0);
		json_string(&sb, rules_level_name(f[i].level));
		json_key(&sb, "day", 0);
		sb_printf(&sb, "%d", f[i].day);
		json_key(&sb, "date", 0);
		json_string(&sb, date);
		json_key(&sb, "message", 0);
		json_string(&sb, f[i].message);
		sb_putc(&sb, '}');
	}
	sb_puts(&sb, "]}\n");
	fputs(sb_str(&sb), out);
	sb_free(&sb);
}

/* ---- text ------------------------------------------------------------- */

/* Write text word-wrapped to TEXT_WIDTH columns, every line starting with
 * `indent` spaces, and a line end. */
static void put_wrapped(FILE *out, const char *text, int indent)
{
	struct strbuf sb = STRBUF_INIT;
	struct hg_wrap w;

	hg_spaces(&sb, indent);
	hg_wrap_start(&w, &sb, TEXT_WIDTH, indent);
	hg_wrap_words(&w, text, strlen(text));
	sb_putc(&sb, '\n');
	fputs(sb_str(&sb), out);
	sb_free(&sb);
}

static void write_header(FILE *out, const struct hg_recovery *r, size_t nr, int all,
                         const struct hg_flag *f, size_t n)
{
	int counts[HG_LEVEL_COUNT] = { 0 };
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < n; i++)
		counts[f[i].level]++;
	if (all) {
		sb_printf(&sb, "Flags of all %zu treatment%s:", nr, nr == 1 ? "" : "s");
	} else {
		char date[HG_DATE_LEN], *area = hg_sanitize(r->t.area);

		date_format(r->t.date, date);
		sb_printf(&sb, "Flags of treatment %lld, %s, %s:", (long long)r->t.id,
		          area, date);
		free(area);
	}
	sb_printf(&sb, " %d urgent, %d see your dermatologist, %d watch.",
	          counts[HG_LEVEL_URGENT], counts[HG_LEVEL_DOCTOR], counts[HG_LEVEL_WATCH]);
	put_wrapped(out, sb_str(&sb), 0);
	sb_free(&sb);
}

static void write_text(FILE *out, const struct hg_recovery *r, size_t nr, int all,
                       const struct hg_flag *f, size_t n)
{
	int level = -1;

	write_header(out, r, nr, all, f, n);
	if (n == 0)
		fputs("\nNo warning signs flagged.\n", out);
	for (size_t i = 0; i < n; i++) {
		char date[HG_DATE_LEN];

		if ((int)f[i].level != level) {
			level = (int)f[i].level;
			fprintf(out, "\n%s %s\n", rules_level_symbol_ascii(f[i].level),
			        level_heading[level]);
		}
		date_format(f[i].date, date);
		fputs("  ", out);
		if (all)
			fprintf(out, "treatment %lld, ", (long long)f[i].treatment_id);
		fprintf(out, "day %d (%s): %s, %s\n", f[i].day, date, f[i].rule,
		        rules_category_name(f[i].category));
		put_wrapped(out, f[i].message, 4);
	}
	fprintf(out, "\n%s\n", not_advice);
}

/* ---- the command ------------------------------------------------------ */

/* --all: the flags of every treatment, gathered one recovery at a time
 * (memory stays small at any size) and sorted once at the end. */
struct gather {
	struct hg_flag *flags;
	size_t n, cap, ntreatments;
};

static int gather_one(const struct hg_recovery *r, size_t i, size_t nr, void *arg)
{
	struct gather *g = arg;
	struct hg_flag *f = NULL;
	size_t n = 0;
	int rc = rules_eval(r, &f, &n);

	(void)i;
	g->ntreatments = nr;
	if (rc == HG_OK && g->n + n > g->cap) {
		g->cap = (g->n + n) * 2;
		g->flags = xrealloc(g->flags, g->cap * sizeof *g->flags);
	}
	if (rc == HG_OK && n)
		memcpy(g->flags + g->n, f, n * sizeof *f);   /* messages move over */
	if (rc == HG_OK)
		g->n += n;
	else
		rules_flags_free(f, n);
	free(rc == HG_OK ? f : NULL);
	return rc;
}

int cmd_flags(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "treatment", required_argument, NULL, 't' },
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const formats[] = { "text", "json", NULL };
	struct hg_recovery one;
	struct gather g = { NULL, 0, 0, 0 };
	struct hg_flag *flags = NULL;
	size_t nflags = 0;
	struct hg_db *db;
	int64_t tid = 0;
	int format = FLAGS_TEXT, all = 0, have_tid = 0, rc = HG_OK, c;

	while (rc == HG_OK && (c = cli_getopt("flags", argc, argv, "", opts)) != -1) {
		if (cli_common_option(ctx, "flags", c, &rc))
			continue;
		if (c == 't') {
			rc = cli_parse_id("--treatment", optarg, &tid);
			have_tid = 1;
		} else if (c == 'a') {
			all = 1;
		} else if (c == 'f') {
			rc = cli_parse_format("--format", optarg, formats, &format);
		} else {
			rc = cli_bad_option("flags", argv);
		}
	}
	if (rc != HG_OK)
		return rc;
	if (optind < argc)
		return hg_fail(HG_ERR_INPUT, "flags: unexpected argument \"%s\"", argv[optind]);
	if (all && have_tid)
		return hg_fail(HG_ERR_INPUT, "flags: --treatment and --all do not go together");

	if (all) {
		rc = cli_db(ctx, &db);
		if (rc == HG_OK)
			rc = db_recovery_each(db, gather_one, &g);
		flags = g.flags;
		nflags = g.n;
		if (rc == HG_OK)
			rules_sort(flags, nflags);
		if (rc == HG_OK && format == FLAGS_JSON)
			write_json(ctx->out, flags, nflags);
		else if (rc == HG_OK)
			write_text(ctx->out, NULL, g.ntreatments, 1, flags, nflags);
		rules_flags_free(flags, nflags);
		return rc;
	}
	rc = cli_pick_treatment(ctx, tid, &tid);
	if (rc == HG_OK)
		rc = cli_db(ctx, &db);
	if (rc == HG_OK)
		rc = db_recovery_load(db, tid, &one);
	if (rc != HG_OK)
		return rc;
	rc = rules_eval(&one, &flags, &nflags);
	if (rc == HG_OK) {
		if (format == FLAGS_JSON)
			write_json(ctx->out, flags, nflags);
		else
			write_text(ctx->out, &one, 1, 0, flags, nflags);
	}
	rules_flags_free(flags, nflags);
	model_recovery_free(&one);
	return rc;
}
