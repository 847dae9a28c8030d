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
	"EMERGENCY", "URGENT", "DOCTOR", "WATCH",
};

/* ---- JSON ------------------------------------------------------------- */

static void write_json(FILE *out, const struct hg_flag *f, size_t n)
{
	struct strbuf sb = STRBUF_INIT;

	sb_puts(&sb, "{\"flags\": [");
	for (size_t i = 0; i < n; i++) {
		char date[HG_DATE_LEN], id[HG_FLAG_ID_MAX];

		date_format(f[i].date, date);
		rules_flag_id(f[i].rule, f[i].day, id, sizeof id);
		sb_puts(&sb, i ? ", {" : "{");
		json_key(&sb, "treatment", 1);
		sb_printf(&sb, "%lld", (long long)f[i].treatment_id);
		json_key(&sb, "id", 0);
		json_string(&sb, id);
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
		json_key(&sb, "status", 0);
		json_string(&sb, f[i].action ? "resolved" : "open");
		json_key(&sb, "action", 0);
		if (f[i].action) {
			char adate[HG_DATE_LEN];

			date_format(f[i].action->date, adate);
			sb_puts(&sb, "{\"id\": ");
			sb_printf(&sb, "%lld", (long long)f[i].action->id);
			json_key(&sb, "date", 0);
			json_string(&sb, adate);
			json_key(&sb, "text", 0);
			json_string(&sb, f[i].action->text);
			sb_putc(&sb, '}');
		} else {
			sb_puts(&sb, "null");
		}
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
	int counts[HG_LEVEL_COUNT] = { 0 }, resolved = 0;
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < n; i++) {
		if (f[i].action)
			resolved++;
		else
			counts[f[i].level]++;
	}
	if (all) {
		sb_printf(&sb, "Flags of all %zu treatment%s:", nr, nr == 1 ? "" : "s");
	} else {
		char date[HG_DATE_LEN], *area = hg_sanitize(r->t.area);

		date_format(r->t.date, date);
		sb_printf(&sb, "Flags of treatment %lld, %s, %s:", (long long)r->t.id,
		          area, date);
		free(area);
	}
	sb_puts(&sb, " open:");
	if (counts[HG_LEVEL_EMERGENCY])
		sb_printf(&sb, " %d emergency,", counts[HG_LEVEL_EMERGENCY]);
	sb_printf(&sb, " %d urgent, %d doctor, %d watch; %d resolved.",
	          counts[HG_LEVEL_URGENT], counts[HG_LEVEL_DOCTOR], counts[HG_LEVEL_WATCH],
	          resolved);
	put_wrapped(out, sb_str(&sb), 0);
	sb_free(&sb);
}

static void write_flag(FILE *out, const struct hg_flag *f, int all)
{
	char date[HG_DATE_LEN], id[HG_FLAG_ID_MAX];

	date_format(f->date, date);
	rules_flag_id(f->rule, f->day, id, sizeof id);
	fputs("  ", out);
	if (all)
		fprintf(out, "treatment %lld: ", (long long)f->treatment_id);
	fprintf(out, "%s, day %d (%s), %s\n", id, f->day, date,
	        rules_category_name(f->category));
	put_wrapped(out, f->message, 4);
	if (f->action) {
		struct strbuf sb = STRBUF_INIT;
		char adate[HG_DATE_LEN], *text = hg_sanitize(f->action->text);

		date_format(f->action->date, adate);
		sb_printf(&sb, "resolved by action %lld (%s): %s", (long long)f->action->id,
		          adate, text);
		put_wrapped(out, sb_str(&sb), 4);
		sb_free(&sb);
		free(text);
	}
}

static void write_text(FILE *out, const struct hg_recovery *r, size_t nr, int all,
                       const struct hg_flag *f, size_t n,
                       const struct hg_action *a, size_t na)
{
	int level = -1, any_resolved = 0, gone = 0;

	write_header(out, r, nr, all, f, n);
	if (n == 0)
		fputs("\nNo warning signs flagged.\n", out);
	for (size_t i = 0; i < n; i++) {
		if (f[i].action) {
			any_resolved = 1;
			continue;
		}
		if ((int)f[i].level != level) {
			struct strbuf sb = STRBUF_INIT;

			level = (int)f[i].level;
			sb_printf(&sb, "%s %s: %s", rules_level_symbol_ascii(f[i].level),
			          level_heading[level], rules_level_action(f[i].level));
			fputc('\n', out);
			put_wrapped(out, sb_str(&sb), 0);
			sb_free(&sb);
		}
		write_flag(out, &f[i], all);
	}
	if (any_resolved) {
		fputs("\nRESOLVED\n", out);
		for (size_t i = 0; i < n; i++)
			if (f[i].action)
				write_flag(out, &f[i], all);
	}
	for (size_t k = 0; k < na; k++) {
		for (size_t j = 0; j < a[k].nresolves; j++) {
			const struct hg_flag_ref *ref = &a[k].resolves[j];
			char date[HG_DATE_LEN];

			if (rules_find_flag(f, n, a[k].treatment_id, ref->rule, ref->date))
				continue;
			if (!gone++)
				fputs("\nNO LONGER RAISED (later edits took these flags away)\n", out);
			date_format(ref->date, date);
			fputs("  ", out);
			if (all)
				fprintf(out, "treatment %lld, ", (long long)a[k].treatment_id);
			fprintf(out, "%s of %s: no longer raised; resolved by action %lld\n",
			        ref->rule, date, (long long)a[k].id);
		}
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

/* Keep the open flags only (messages of the others freed). */
static size_t keep_open(struct hg_flag *f, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		if (f[i].action)
			free(f[i].message);
		else
			f[k++] = f[i];
	}
	return k;
}

static int flags_resolve(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "treatment", required_argument, NULL, 't' },
		{ "text", required_argument, NULL, 'x' },
		{ "date", required_argument, NULL, 'D' },
		{ "by", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 }
	};
	const char *text = NULL;
	int64_t tid = 0;
	enum hg_by by = HG_BY_UNRECORDED;
	int date = ctx->today, rc = HG_OK, c;

	while (rc == HG_OK && (c = cli_getopt("flags resolve", argc, argv, "", opts)) != -1) {
		if (cli_common_option(ctx, "flags", c, &rc))
			continue;
		switch (c) {
		case 't':
			rc = cli_parse_id("--treatment", optarg, &tid);
			break;
		case 'x':
			text = optarg;
			rc = cli_parse_action_text(optarg);
			break;
		case 'D':
			rc = cli_parse_date("--date", optarg, &date);
			break;
		case 'b':
			rc = cli_parse_by("--by", optarg, &by);
			break;
		default:
			rc = cli_bad_option("flags resolve", argv);
		}
	}
	if (rc != HG_OK)
		return rc;
	if (optind >= argc)
		return hg_fail(HG_ERR_INPUT, "flags resolve: which flags? give their ids"
			       " (RULE@DAY, see 'healgrid flags')");
	if (!text)
		return hg_fail(HG_ERR_INPUT, "flags resolve: --text TEXT is required (what"
			       " was done)");
	if (by == HG_BY_UNRECORDED)
		return hg_fail(HG_ERR_INPUT, "flags resolve: --by clinician|self is required"
			       " (was it a doctor, nurse, pharmacist or the clinic, or yourself?)");
	return cli_action_create(ctx, tid, date, by, text, argv + optind,
	                         (size_t)(argc - optind));
}

int cmd_flags(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "treatment", required_argument, NULL, 't' },
		{ "all", no_argument, NULL, 'a' },
		{ "open", no_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const formats[] = { "text", "json", NULL };
	struct hg_recovery one;
	struct gather g = { NULL, 0, 0, 0 };
	struct hg_flag *flags = NULL;
	struct hg_action *actions = NULL;
	size_t nflags = 0, nactions = 0;
	struct hg_db *db;
	int64_t tid = 0;
	int format = FLAGS_TEXT, all = 0, open_only = 0, have_tid = 0, rc = HG_OK, c;

	if (argc >= 2 && strcmp(argv[1], "resolve") == 0)
		return flags_resolve(ctx, argc - 1, argv + 1);
	while (rc == HG_OK && (c = cli_getopt("flags", argc, argv, "", opts)) != -1) {
		if (cli_common_option(ctx, "flags", c, &rc))
			continue;
		if (c == 't') {
			rc = cli_parse_id("--treatment", optarg, &tid);
			have_tid = 1;
		} else if (c == 'a') {
			all = 1;
		} else if (c == 'o') {
			open_only = 1;
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

	memset(&one, 0, sizeof one);
	if (all) {
		rc = cli_db(ctx, &db);
		if (rc == HG_OK)
			rc = db_recovery_each(db, gather_one, &g);
		flags = g.flags;
		nflags = g.n;
	} else {
		rc = cli_pick_treatment(ctx, tid, &tid);
		if (rc == HG_OK)
			rc = cli_db(ctx, &db);
		if (rc == HG_OK)
			rc = db_recovery_load(db, tid, &one);
		if (rc == HG_OK)
			rc = rules_eval(&one, &flags, &nflags);
	}
	if (rc == HG_OK)
		rc = db_action_list(db, all ? 0 : tid, &actions, &nactions);
	if (rc == HG_OK) {
		rules_sort(flags, nflags);
		rules_attach_actions(flags, nflags, actions, nactions);
		if (open_only)
			nflags = keep_open(flags, nflags);
		if (format == FLAGS_JSON)
			write_json(ctx->out, flags, nflags);
		else
			write_text(ctx->out, all ? NULL : &one, all ? g.ntreatments : 1, all,
			           flags, nflags, actions, open_only ? 0 : nactions);
	}
	rules_flags_free(flags, nflags);
	model_actions_free(actions, nactions);
	if (!all)
		model_recovery_free(&one);
	return rc;
}
