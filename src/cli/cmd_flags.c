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

/* ---- JSON ------------------------------------------------------------- */

static void write_json(FILE *out, const struct hg_flag *f, size_t n,
                       const struct hg_precaution *p, size_t np)
{
	struct strbuf sb = STRBUF_INIT;

	sb_puts(&sb, "{\"flags\": [");
	for (size_t i = 0; i < n; i++) {
		char date[HG_DATE_LEN], last[HG_DATE_LEN];

		date_format(f[i].date, date);
		date_format(f[i].date - f[i].day + f[i].last_day, last);
		sb_puts(&sb, i ? ", {" : "{");
		json_key(&sb, "treatment", 1);
		sb_printf(&sb, "%lld", (long long)f[i].treatment_id);
		json_key(&sb, "id", 0);
		json_string(&sb, f[i].id);
		json_key(&sb, "kind", 0);
		json_string(&sb, rules_kind_name(f[i].kind));
		json_key(&sb, "level", 0);
		json_string(&sb, rules_level_name(f[i].level));
		json_key(&sb, "day", 0);
		sb_printf(&sb, "%d", f[i].day);
		json_key(&sb, "date", 0);
		json_string(&sb, date);
		json_key(&sb, "last_day", 0);
		sb_printf(&sb, "%d", f[i].last_day);
		json_key(&sb, "last_date", 0);
		json_string(&sb, last);
		json_key(&sb, "status", 0);
		json_string(&sb, rules_status_name(f[i].status));
		json_key(&sb, "since", 0);
		sb_printf(&sb, "%d", f[i].since);
		json_key(&sb, "clinician_seen", 0);
		sb_puts(&sb, f[i].clinician_seen ? "true" : "false");
		json_key(&sb, "message", 0);
		json_string(&sb, f[i].message);
		json_key(&sb, "findings", 0);
		sb_putc(&sb, '[');
		for (size_t k = 0; k < f[i].nfindings; k++) {
			const struct hg_finding *fi = &f[i].findings[k];

			sb_puts(&sb, k ? ", {" : "{");
			json_key(&sb, "rule", 1);
			json_string(&sb, fi->rule);
			json_key(&sb, "level", 0);
			json_string(&sb, rules_level_name(fi->level));
			json_key(&sb, "day", 0);
			sb_printf(&sb, "%d", fi->day);
			json_key(&sb, "last_day", 0);
			sb_printf(&sb, "%d}", fi->last_day);
		}
		sb_putc(&sb, ']');
		json_key(&sb, "actions", 0);
		sb_putc(&sb, '[');
		for (size_t k = 0; k < f[i].nactions; k++)
			sb_printf(&sb, "%s%lld", k ? ", " : "", (long long)f[i].actions[k]->id);
		sb_puts(&sb, "]}");
	}
	sb_puts(&sb, "], \"precautions\": [");
	for (size_t i = 0; i < np; i++) {
		sb_puts(&sb, i ? ", {" : "{");
		json_key(&sb, "treatment", 1);
		sb_printf(&sb, "%lld", (long long)p[i].treatment_id);
		json_key(&sb, "id", 0);
		json_string(&sb, p[i].id);
		json_key(&sb, "level", 0);
		json_string(&sb, rules_level_name(p[i].level));
		json_key(&sb, "message", 0);
		json_string(&sb, p[i].message);
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
                         const int *counts)
{
	struct strbuf sb = STRBUF_INIT;

	if (all) {
		sb_printf(&sb, "Flags of all %zu treatment%s:", nr, nr == 1 ? "" : "s");
	} else {
		char date[HG_DATE_LEN], *area = hg_sanitize(r->t.area);

		date_format(r->t.date, date);
		sb_printf(&sb, "Flags of treatment %lld, %s, %s:", (long long)r->t.id,
		          area, date);
		free(area);
	}
	sb_printf(&sb, " %d open, %d in care, %d settled.", counts[HG_STATUS_OPEN],
	          counts[HG_STATUS_IN_CARE], counts[HG_STATUS_SETTLED]);
	put_wrapped(out, sb_str(&sb), 0);
	sb_free(&sb);
}

/* "open since day 10", "in care since day 11 (2026-11-14)", "settled by
 * day 16, no clinician recorded" */
static void put_status(struct strbuf *sb, const struct hg_flag *f)
{
	char date[HG_DATE_LEN];

	date_format(f->date - f->day + f->since, date);
	switch (f->status) {
	case HG_STATUS_OPEN:
		if (f->back_day >= 0)
			sb_printf(sb, "open: back on day %d (%s)", f->since, date);
		else
			sb_printf(sb, "open since day %d (%s)", f->since, date);
		if (f->self_only_urgent)
			sb_printf(sb, "; an %s problem needs a clinician",
			          rules_level_name(f->level));
		break;
	case HG_STATUS_IN_CARE:
		sb_printf(sb, "in care since day %d (%s)", f->since, date);
		break;
	default:
		sb_printf(sb, "settled by day %d (%s)", f->since, date);
		if (f->level <= HG_LEVEL_URGENT && !f->clinician_seen)
			sb_puts(sb, ", no clinician recorded");
		break;
	}
}

static const char *by_name(enum hg_by by)
{
	return by == HG_BY_CLINICIAN ? "clinician" : by == HG_BY_SELF ? "self"
	                                                                : "who: not recorded";
}

static void write_flag(FILE *out, const struct hg_flag *f, int all)
{
	struct strbuf sb = STRBUF_INIT;
	char date[HG_DATE_LEN];

	date_format(f->date, date);
	sb_printf(&sb, "%-3s %s ", rules_level_symbol_ascii(f->level), rules_level_name(f->level));
	if (all)
		sb_printf(&sb, "treatment %lld, ", (long long)f->treatment_id);
	sb_printf(&sb, "%s, ", f->id);
	if (f->last_day > f->day)
		sb_printf(&sb, "days %d-%d", f->day, f->last_day);
	else
		sb_printf(&sb, "day %d", f->day);
	sb_printf(&sb, " (from %s), ", date);
	put_status(&sb, f);
	put_wrapped(out, sb_str(&sb), 2);
	sb_free(&sb);
	put_wrapped(out, f->message, 6);
	sb_puts(&sb, "findings: ");
	for (size_t k = 0; k < f->nfindings; k++) {
		const struct hg_finding *fi = &f->findings[k];

		sb_printf(&sb, "%s%s (", k ? ", " : "", fi->rule);
		if (fi->last_day > fi->day)
			sb_printf(&sb, "days %d-%d", fi->day, fi->last_day);
		else
			sb_printf(&sb, "day %d", fi->day);
		sb_putc(&sb, ')');
	}
	put_wrapped(out, sb_str(&sb), 6);
	sb_free(&sb);
	for (size_t k = 0; k < f->nactions; k++) {
		const struct hg_action *a = f->actions[k];
		char adate[HG_DATE_LEN], *text = hg_sanitize(a->text);

		date_format(a->date, adate);
		sb_printf(&sb, "action %lld (%s, %s): %s", (long long)a->id, adate,
		          by_name(a->by), text);
		put_wrapped(out, sb_str(&sb), 6);
		sb_free(&sb);
		free(text);
	}
}

static void write_text(FILE *out, const struct hg_recovery *r, size_t nr, int all,
                       struct hg_flag *f, size_t n, const int *counts,
                       const struct hg_precaution *p, size_t np)
{
	static const char *const heading[HG_STATUS_COUNT] = {
		"OPEN", "IN CARE", "SETTLED"
	};
	int status = -1;

	write_header(out, r, nr, all, counts);
	if (n == 0)
		fputs("\nNo problem flagged.\n", out);
	rules_sort_by_status(f, n);
	for (size_t i = 0; i < n; i++) {
		if ((int)f[i].status != status) {
			status = (int)f[i].status;
			fprintf(out, "\n%s\n", heading[status]);
		}
		write_flag(out, &f[i], all);
	}
	if (np)
		fputs("\nPRECAUTIONS (before and after this session)\n", out);
	for (size_t i = 0; i < np; i++) {
		struct strbuf sb = STRBUF_INIT;

		sb_printf(&sb, "%-3s %s ", rules_level_symbol_ascii(p[i].level),
		          rules_level_name(p[i].level));
		if (all)
			sb_printf(&sb, "treatment %lld, ", (long long)p[i].treatment_id);
		sb_puts(&sb, p[i].id);
		put_wrapped(out, sb_str(&sb), 2);
		put_wrapped(out, p[i].message, 6);
		sb_free(&sb);
	}
	fprintf(out, "\n%s\n", not_advice);
}

/* ---- the command ------------------------------------------------------ */

/* --all: the flags of every treatment, gathered one recovery at a time
 * (memory stays small at any size) and sorted once at the end. */
struct gather {
	struct hg_flag *flags;
	size_t n, ntreatments;
	struct hg_precaution *pre;
	size_t npre;
	const struct hg_action *actions;
	size_t nactions;
	int today;
};

static int gather_one(const struct hg_recovery *r, size_t i, size_t nr, void *arg)
{
	struct gather *g = arg;
	size_t from = 0, to;

	(void)i;
	g->ntreatments = nr;
	/* the actions come sorted by treatment: hand over this one's only */
	while (from < g->nactions && g->actions[from].treatment_id != r->t.id)
		from++;
	to = from;
	while (to < g->nactions && g->actions[to].treatment_id == r->t.id)
		to++;
	if (from == g->nactions)
		from = to = 0;
	rules_eval(r, to > from ? g->actions + from : NULL, to - from, &g->flags, &g->n);
	return rules_precautions(&r->t, g->today, &g->pre, &g->npre);
}

/* Keep the open flags only (the others freed). */
static size_t keep_open(struct hg_flag *f, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		if (f[i].status != HG_STATUS_OPEN) {
			free(f[i].message);
			free(f[i].findings);
			free(f[i].actions);
		} else {
			f[k++] = f[i];
		}
	}
	return k;
}

static int action_treatment_cmp(const void *pa, const void *pb)
{
	const struct hg_action *a = pa, *b = pb;

	if (a->treatment_id != b->treatment_id)
		return a->treatment_id < b->treatment_id ? -1 : 1;
	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
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
	struct gather g = { NULL, 0, 0, NULL, 0, NULL, 0, 0 };
	struct hg_flag *flags = NULL;
	struct hg_precaution *pre = NULL;
	size_t npre = 0;
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
			rc = db_action_list(db, 0, &actions, &nactions);
		if (rc == HG_OK) {
			if (nactions > 1)        /* none: the list may be NULL */
				qsort(actions, nactions, sizeof *actions, action_treatment_cmp);
			g.actions = actions;
			g.nactions = nactions;
			g.today = ctx->today;
			rc = db_recovery_each(db, gather_one, &g);
		}
		flags = g.flags;
		nflags = g.n;
		pre = g.pre;
		npre = g.npre;
	} else {
		rc = cli_pick_treatment(ctx, tid, &tid);
		if (rc == HG_OK)
			rc = cli_db(ctx, &db);
		if (rc == HG_OK)
			rc = db_recovery_load(db, tid, &one);
		if (rc == HG_OK)
			rc = db_action_list(db, tid, &actions, &nactions);
		if (rc == HG_OK)
			rc = rules_eval(&one, actions, nactions, &flags, &nflags);
		if (rc == HG_OK)
			rc = rules_precautions(&one.t, ctx->today, &pre, &npre);
	}
	if (rc == HG_OK) {
		int counts[HG_STATUS_COUNT] = { 0 };

		for (size_t i = 0; i < nflags; i++)
			counts[flags[i].status]++;
		rules_sort(flags, nflags);
		if (open_only)
			nflags = keep_open(flags, nflags);
		if (format == FLAGS_JSON)
			write_json(ctx->out, flags, nflags, pre, npre);
		else
			write_text(ctx->out, all ? NULL : &one, all ? g.ntreatments : 1, all,
			           flags, nflags, counts, pre, npre);
	}
	rules_precautions_free(pre, npre);
	rules_flags_free(flags, nflags);
	model_actions_free(actions, nactions);
	if (!all)
		model_recovery_free(&one);
	return rc;
}
