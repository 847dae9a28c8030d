/* cmd_action.c — `healgrid action add|list|delete`: what was done about
 * the recovery (saw a GP, started antibiotics), dated, who did it, and the
 * flags each action is for; `flags resolve` records its action here too. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "healgrid/cli.h"
#include "healgrid/date.h"
#include "healgrid/record.h"
#include "healgrid/json.h"
#include "healgrid/rules.h"
#include "healgrid/util.h"

enum { FMT_TEXT, FMT_JSON };

int cli_parse_action_text(const char *s)
{
	int rc = cli_parse_note("--text", s);

	if (rc == HG_OK && !*s)
		rc = hg_fail(HG_ERR_INPUT, "--text: say what was done, e.g. \"saw GP,"
			     " antibiotics for 7 days\"");
	if (rc == HG_OK && strlen(s) > HG_ACTION_TEXT_MAX)
		rc = hg_fail(HG_ERR_INPUT, "--text: longer than %d bytes (got %zu)",
			     HG_ACTION_TEXT_MAX, strlen(s));
	return rc;
}

int cli_parse_by(const char *opt, const char *s, enum hg_by *out)
{
	int v = model_by_lookup(s);

	if (v < 0) {
		static const char *const names[] = { "clinician", "self", NULL };
		const char *near = cli_nearest(s, names);

		if (near)
			return hg_fail(HG_ERR_INPUT, "%s: expected clinician or self, got \"%s\""
				       " (did you mean %s?)", opt, s, near);
		return hg_fail(HG_ERR_INPUT, "%s: expected clinician (a doctor, nurse,"
			       " pharmacist or the clinic) or self, got \"%s\"", opt, s);
	}
	*out = (enum hg_by)v;
	return HG_OK;
}

/* Add the flag ids of a comma-separated list to *ids (owned copies). */
static int split_ids(const char *list, char ***ids, size_t *n)
{
	const char *p = list;

	while (*p) {
		size_t len = strcspn(p, ",");

		if (len > 0) {
			char *id = xmalloc(len + 1);

			memcpy(id, p, len);
			id[len] = '\0';
			*ids = xrealloc(*ids, (*n + 1) * sizeof **ids);
			(*ids)[(*n)++] = id;
		}
		p += len;
		if (*p)
			p++;
	}
	return HG_OK;
}

static void free_ids(char **ids, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
}

/* The flag's level on day `day`: the highest of its findings by then. */
static enum hg_level level_on(const struct hg_flag *f, int day)
{
	enum hg_level level = HG_LEVEL_WATCH;

	for (size_t i = 0; i < f->nfindings; i++)
		if (f->findings[i].day <= day && f->findings[i].level < level)
			level = f->findings[i].level;
	return level;
}

int cli_action_create(struct cli_ctx *ctx, int64_t tid, int date, enum hg_by by,
                      const char *text, char *const *ids, size_t nids)
{
	struct hg_db *db;
	struct hg_recovery r;
	struct hg_flag *flags = NULL;
	size_t nflags = 0;
	struct hg_action a;
	struct strbuf notes = STRBUF_INIT;
	char adate[HG_DATE_LEN];
	int rc;

	model_action_init(&a);
	date_format(date, adate);
	if (date > ctx->today) {
		char today[HG_DATE_LEN];

		date_format(ctx->today, today);
		return hg_fail(HG_ERR_INPUT, "--date: %s is after today (%s): record what"
			       " was done once it is done", adate, today);
	}
	rc = cli_db(ctx, &db);
	if (rc == HG_OK)
		rc = db_begin(db);
	if (rc != HG_OK)
		return rc;
	rc = cli_pick_treatment(ctx, tid, &tid);
	if (rc == HG_OK)
		rc = db_recovery_load(db, tid, &r);
	if (rc != HG_OK) {
		db_rollback(db);
		return rc;
	}
	rules_eval(&r, NULL, 0, &flags, &nflags);
	a.treatment_id = tid;
	a.date = date;
	a.by = by;
	a.text = xstrdup(text);
	rc = rules_check_flag_ids(flags, nflags, &r.t, date, ids, nids, &a.resolves,
	                          &a.nresolves);
	/* only a clinician's care covers an urgent or emergency flag */
	for (size_t i = 0; rc == HG_OK && by == HG_BY_SELF && i < a.nresolves; i++) {
		const struct hg_flag *f = rules_find_flag(flags, nflags, &r.t, &a.resolves[i],
		                                          date);
		enum hg_level level = f ? level_on(f, date - r.t.date) : HG_LEVEL_WATCH;

		if (level <= HG_LEVEL_URGENT)
			sb_printf(&notes, "%s is %s: it stays open until a clinician has seen it"
				  " (an %s problem needs a clinician)\n", f->id,
				  rules_level_name(level), rules_level_name(level));
	}
	if (rc == HG_OK)
		rc = record_action_add(db, &a, ctx->today);
	if (rc == HG_OK)
		rc = db_commit(db);
	else
		db_rollback(db);
	if (rc == HG_OK) {
		fprintf(ctx->out, "%lld\n", (long long)a.id);
		fputs(sb_str(&notes), ctx->out);
	}
	sb_free(&notes);
	rules_flags_free(flags, nflags);
	model_recovery_free(&r);
	model_action_free(&a);
	return rc;
}

enum { OPT_BY = 0x1400 };

static int action_add(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "treatment", required_argument, NULL, 't' },
		{ "date", required_argument, NULL, 'D' },
		{ "text", required_argument, NULL, 'x' },
		{ "by", required_argument, NULL, OPT_BY },
		{ "for", required_argument, NULL, 'r' },
		{ "resolves", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	const char *text = NULL;
	char **ids = NULL;
	size_t nids = 0;
	int64_t tid = 0;
	enum hg_by by = HG_BY_UNRECORDED;
	int date = ctx->today, rc = HG_OK, c;

	while (rc == HG_OK && (c = cli_getopt("action add", argc, argv, "", opts)) != -1) {
		if (cli_common_option(ctx, "action", c, &rc))
			continue;
		switch (c) {
		case 't':
			rc = cli_parse_id("--treatment", optarg, &tid);
			break;
		case 'D':
			rc = cli_parse_date("--date", optarg, &date);
			break;
		case 'x':
			text = optarg;
			rc = cli_parse_action_text(optarg);
			break;
		case OPT_BY:
			rc = cli_parse_by("--by", optarg, &by);
			break;
		case 'r':
			rc = split_ids(optarg, &ids, &nids);
			break;
		default:
			rc = cli_bad_option("action add", argv);
		}
	}
	if (rc == HG_OK && optind < argc)
		rc = hg_fail(HG_ERR_INPUT, "action add: unexpected argument \"%s\"", argv[optind]);
	if (rc == HG_OK && !text)
		rc = hg_fail(HG_ERR_INPUT, "action add: --text TEXT is required (what was done)");
	if (rc == HG_OK && nids && by == HG_BY_UNRECORDED)
		rc = hg_fail(HG_ERR_INPUT, "action add: --by clinician|self is required with --for"
			     " (was it a doctor, nurse, pharmacist or the clinic, or yourself?)");
	if (rc == HG_OK && by == HG_BY_UNRECORDED)
		by = HG_BY_SELF;
	if (rc == HG_OK)
		rc = cli_action_create(ctx, tid, date, by, text, ids, nids);
	free_ids(ids, nids);
	return rc;
}

struct listing {
	struct hg_action *a;
	size_t na;
	int64_t tid;            /* 0 = every treatment */
	int format;
	struct strbuf sb;
	size_t shown;
};

/* The id of the flag a reference finds ("infection@3"), or, when it finds
 * none, its kind and day as stored. */
static const struct hg_flag *ref_id(const struct hg_flag *flags, size_t nflags,
                                    const struct hg_recovery *r, const struct hg_action *a,
                                    const struct hg_flag_ref *ref, char *buf, size_t len)
{
	const struct hg_flag *f = rules_find_flag(flags, nflags, &r->t, ref, a->date);
	int kind = ref->kind ? rules_kind_lookup(ref->kind) : rules_rule_kind(ref->rule, &r->t);

	if (f)
		snprintf(buf, len, "%s", f->id);
	else
		snprintf(buf, len, "%s@%d", kind >= 0 ? rules_kind_name((enum hg_kind)kind)
		         : ref->rule, ref->date - r->t.date);
	return f;
}

/* Reference j of action a as shown: 2 with the id of the flag it finds,
 * 1 with its stored kind and day when it finds none ("no longer raised"),
 * 0 when an earlier reference of a finds the same flag (references landing
 * on one flag are one). */
static int ref_shown(const struct hg_flag *flags, size_t nflags, const struct hg_recovery *r,
                     const struct hg_action *a, size_t j, char *buf, size_t len)
{
	const struct hg_flag *f = ref_id(flags, nflags, r, a, &a->resolves[j], buf, len);

	for (size_t k = 0; f && k < j; k++)
		if (rules_find_flag(flags, nflags, &r->t, &a->resolves[k], a->date) == f)
			return 0;
	return f ? 2 : 1;
}

/* One treatment's actions, with its flags to tell raised from gone. */
static int list_one(const struct hg_recovery *r, size_t i, size_t n, void *arg)
{
	struct listing *l = arg;
	struct hg_flag *flags = NULL;
	size_t nflags = 0;

	(void)i;
	(void)n;
	if (l->tid && r->t.id != l->tid)
		return HG_OK;
	rules_eval(r, l->a, l->na, &flags, &nflags);
	for (size_t k = 0; k < l->na; k++) {
		const struct hg_action *a = &l->a[k];
		const char *by = model_by_name(a->by);
		char date[HG_DATE_LEN];

		if (a->treatment_id != r->t.id)
			continue;
		date_format(a->date, date);
		if (l->format == FMT_JSON) {
			sb_puts(&l->sb, l->shown ? ", {" : "{");
			json_key(&l->sb, "id", 1);
			sb_printf(&l->sb, "%lld", (long long)a->id);
			json_key(&l->sb, "treatment", 0);
			sb_printf(&l->sb, "%lld", (long long)a->treatment_id);
			json_key(&l->sb, "date", 0);
			json_string(&l->sb, date);
			json_key(&l->sb, "by", 0);
			if (by)
				json_string(&l->sb, by);
			else
				sb_puts(&l->sb, "null");
			json_key(&l->sb, "text", 0);
			json_string(&l->sb, a->text);
			json_key(&l->sb, "for", 0);
			sb_putc(&l->sb, '[');
			for (size_t j = 0, shown = 0; j < a->nresolves; j++) {
				char id[HG_FLAG_ID_MAX];

				if (!ref_shown(flags, nflags, r, a, j, id, sizeof id))
					continue;
				if (shown++)
					sb_puts(&l->sb, ", ");
				json_string(&l->sb, id);
			}
			sb_puts(&l->sb, "]}");
		} else {
			char *text = hg_sanitize(a->text);

			sb_printf(&l->sb, "action %lld, treatment %lld, %s, %s%s: %s\n",
				  (long long)a->id, (long long)a->treatment_id, date,
				  by ? "by " : "who: not recorded", by ? by : "", text);
			free(text);
			for (size_t j = 0; j < a->nresolves; j++) {
				char id[HG_FLAG_ID_MAX];
				int shown = ref_shown(flags, nflags, r, a, j, id, sizeof id);

				if (shown)
					sb_printf(&l->sb, "  for %s%s\n", id,
						  shown > 1 ? "" : " (no longer raised)");
			}
		}
		l->shown++;
	}
	rules_flags_free(flags, nflags);
	return HG_OK;
}

static int action_list(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "treatment", required_argument, NULL, 't' },
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const formats[] = { "text", "json", NULL };
	struct listing l = { NULL, 0, 0, FMT_TEXT, STRBUF_INIT, 0 };
	struct hg_db *db;
	int all = 0, have_tid = 0, rc = HG_OK, c;

	while (rc == HG_OK && (c = cli_getopt("action list", argc, argv, "", opts)) != -1) {
		if (cli_common_option(ctx, "action", c, &rc))
			continue;
		if (c == 't') {
			rc = cli_parse_id("--treatment", optarg, &l.tid);
			have_tid = 1;
		} else if (c == 'a') {
			all = 1;
		} else if (c == 'f') {
			rc = cli_parse_format("--format", optarg, formats, &l.format);
		} else {
			rc = cli_bad_option("action list", argv);
		}
	}
	if (rc == HG_OK && optind < argc)
		rc = hg_fail(HG_ERR_INPUT, "action list: unexpected argument \"%s\"", argv[optind]);
	if (rc == HG_OK && all && have_tid)
		rc = hg_fail(HG_ERR_INPUT, "action list: --treatment and --all do not go together");
	ctx->db_mode = CLI_DB_EXISTING;     /* listing never creates a database */
	if (rc == HG_OK)
		rc = cli_db(ctx, &db);
	if (rc == HG_OK && !all)
		rc = cli_pick_treatment(ctx, l.tid, &l.tid);
	if (rc == HG_OK)
		rc = db_action_list(db, l.tid, &l.a, &l.na);
	if (rc == HG_OK && l.format == FMT_JSON)
		sb_puts(&l.sb, "{\"actions\": [");
	if (rc == HG_OK)
		rc = db_recovery_each(db, list_one, &l);
	if (rc == HG_OK) {
		if (l.format == FMT_JSON)
			sb_puts(&l.sb, "]}\n");
		else if (l.shown == 0)
			sb_puts(&l.sb, "No actions recorded.\n");
		fputs(sb_str(&l.sb), ctx->out);
	}
	sb_free(&l.sb);
	model_actions_free(l.a, l.na);
	return rc;
}

static int action_delete(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "yes", no_argument, NULL, 'y' },
		{ NULL, 0, NULL, 0 }
	};
	struct hg_db *db;
	int64_t id;
	int yes = 0, rc = HG_OK, c;

	while (rc == HG_OK && (c = cli_getopt("action delete", argc, argv, "", opts)) != -1) {
		if (cli_common_option(ctx, "action", c, &rc))
			continue;
		if (c == 'y')
			yes = 1;
		else
			rc = cli_bad_option("action delete", argv);
	}
	if (rc != HG_OK)
		return rc;
	rc = cli_one_id("action delete", "action", argc, argv, &id);
	if (rc == HG_OK && !yes)
		rc = hg_fail(HG_ERR_INPUT, "action delete: this removes action %lld for good"
			     " (the flags it was for lose it); add --yes to confirm",
			     (long long)id);
	if (rc == HG_OK)
		rc = cli_db(ctx, &db);
	if (rc == HG_OK)
		rc = record_action_delete(db, id);
	if (rc == HG_OK)
		fprintf(ctx->out, "deleted action %lld\n", (long long)id);
	return rc;
}

int cmd_action(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc < 2)
		return hg_fail(HG_ERR_INPUT, "action: expected add, list or delete"
			       " (see healgrid action --help)");
	const char *sub = argv[1];
	if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0) {
		cli_usage("action", stdout);
		return HG_OK;
	}
	if (strcmp(sub, "add") == 0)
		return action_add(ctx, argc - 1, argv + 1);
	if (strcmp(sub, "list") == 0)
		return action_list(ctx, argc - 1, argv + 1);
	if (strcmp(sub, "delete") == 0)
		return action_delete(ctx, argc - 1, argv + 1);
	return hg_fail(HG_ERR_INPUT, "action: unknown action \"%s\" (expected add, list"
		       " or delete)", sub);
}
