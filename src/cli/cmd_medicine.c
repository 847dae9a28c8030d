/* cmd_medicine.c — `healgrid medicine add|stop|list|delete`: the courses
 * of medicines taken during a recovery (name, dose, from, to), each on a
 * treatment.  The report lists them; the warning rules never read them. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "healgrid/cli.h"
#include "healgrid/date.h"
#include "healgrid/json.h"
#include "healgrid/record.h"
#include "healgrid/util.h"
#include "healgrid/validate.h"

enum { FMT_TEXT, FMT_JSON };

/* --name or --dose, cleaned (validate_medicine_text); *out is the
 * caller's. */
static int parse_text(const char *opt, const char *s, int required, char **out)
{
	char msg[HG_VALID_MSG];

	free(*out);
	*out = NULL;
	if (validate_medicine_text(s, required, out, msg) != 0)
		return hg_fail(HG_ERR_INPUT, "%s: %s", opt, msg);
	return HG_OK;
}

enum { OPT_NAME = 0x1500, OPT_DOSE, OPT_FROM, OPT_TO, OPT_DAYS };

static int medicine_add(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "treatment", required_argument, NULL, 't' },
		{ "name", required_argument, NULL, OPT_NAME },
		{ "dose", required_argument, NULL, OPT_DOSE },
		{ "from", required_argument, NULL, OPT_FROM },
		{ "to", required_argument, NULL, OPT_TO },
		{ "days", required_argument, NULL, OPT_DAYS },
		{ NULL, 0, NULL, 0 }
	};
	struct hg_medicine m;
	struct hg_db *db;
	int64_t tid = 0;
	long days = 0;
	int have_to = 0, rc = HG_OK, c;

	memset(&m, 0, sizeof m);
	m.from = ctx->today;
	while (rc == HG_OK && (c = cli_getopt("medicine add", argc, argv, "", opts)) != -1) {
		if (cli_common_option(ctx, "medicine", c, &rc))
			continue;
		switch (c) {
		case 't':
			rc = cli_parse_id("--treatment", optarg, &tid);
			break;
		case OPT_NAME:
			rc = parse_text("--name", optarg, 1, &m.name);
			break;
		case OPT_DOSE:
			rc = parse_text("--dose", optarg, 0, &m.dose);
			break;
		case OPT_FROM:
			rc = cli_parse_date("--from", optarg, &m.from);
			break;
		case OPT_TO:
			rc = cli_parse_date("--to", optarg, &m.to);
			have_to = 1;
			break;
		case OPT_DAYS:
			rc = cli_parse_int("--days", optarg, 1, HG_MEDICINE_DAYS_MAX, &days);
			break;
		default:
			rc = cli_bad_option("medicine add", argv);
		}
	}
	if (rc == HG_OK && optind < argc)
		rc = hg_fail(HG_ERR_INPUT, "medicine add: unexpected argument \"%s\"", argv[optind]);
	if (rc == HG_OK && !m.name)
		rc = hg_fail(HG_ERR_INPUT, "medicine add: --name TEXT is required"
			     " (\"valaciclovir\")");
	if (rc == HG_OK && have_to && days)
		rc = hg_fail(HG_ERR_INPUT, "medicine add: give --to or --days, not both");
	if (rc == HG_OK && days)
		m.to = m.from + (int)days - 1;
	if (!m.dose)
		m.dose = xstrdup("");
	if (rc == HG_OK)
		rc = cli_db(ctx, &db);
	if (rc == HG_OK)
		rc = cli_pick_treatment(ctx, tid, &m.treatment_id);
	if (rc == HG_OK)
		rc = record_medicine_add(db, &m, "--to");
	if (rc == HG_OK)
		fprintf(ctx->out, "%lld\n", (long long)m.id);
	model_medicine_free(&m);
	return rc;
}

/* The one argument ID of stop and delete. */
static int medicine_stop(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "date", required_argument, NULL, 'D' },
		{ NULL, 0, NULL, 0 }
	};
	struct hg_db *db;
	int64_t id = 0;
	int date = ctx->today, rc = HG_OK, c;

	while (rc == HG_OK && (c = cli_getopt("medicine stop", argc, argv, "", opts)) != -1) {
		if (cli_common_option(ctx, "medicine", c, &rc))
			continue;
		if (c == 'D')
			rc = cli_parse_date("--date", optarg, &date);
		else
			rc = cli_bad_option("medicine stop", argv);
	}
	if (rc == HG_OK)
		rc = cli_one_id("medicine stop", "medicine", argc, argv, &id);
	if (rc == HG_OK)
		rc = cli_db(ctx, &db);
	if (rc == HG_OK)
		rc = record_medicine_stop(db, id, date, "--date");
	if (rc == HG_OK) {
		char d[HG_DATE_LEN];

		date_format(date, d);
		fprintf(ctx->out, "medicine %lld taken until %s\n", (long long)id, d);
	}
	return rc;
}

static void list_json(struct strbuf *sb, const struct hg_medicine *m, size_t n)
{
	sb_puts(sb, "{\"medicines\": [");
	for (size_t i = 0; i < n; i++) {
		char d[HG_DATE_LEN];

		sb_puts(sb, i ? ", {" : "{");
		json_key(sb, "id", 1);
		sb_printf(sb, "%lld", (long long)m[i].id);
		json_key(sb, "treatment", 0);
		sb_printf(sb, "%lld", (long long)m[i].treatment_id);
		json_key(sb, "name", 0);
		json_string(sb, m[i].name);
		json_key(sb, "dose", 0);
		json_string(sb, m[i].dose);
		json_key(sb, "from", 0);
		date_format(m[i].from, d);
		json_string(sb, d);
		json_key(sb, "to", 0);
		if (m[i].to) {
			date_format(m[i].to, d);
			json_string(sb, d);
		} else {
			sb_puts(sb, "null");
		}
		sb_putc(sb, '}');
	}
	sb_puts(sb, "]}\n");
}

static void list_text(struct strbuf *sb, const struct hg_medicine *m, size_t n)
{
	if (n == 0)
		sb_puts(sb, "No medicines recorded.\n");
	for (size_t i = 0; i < n; i++) {
		char from[HG_DATE_LEN], to[HG_DATE_LEN];
		char *name = hg_sanitize(m[i].name), *dose = hg_sanitize(m[i].dose);

		date_format(m[i].from, from);
		sb_printf(sb, "medicine %lld, treatment %lld: %s%s%s, ", (long long)m[i].id,
			  (long long)m[i].treatment_id, name, *dose ? ", " : "", dose);
		if (m[i].to) {
			date_format(m[i].to, to);
			sb_printf(sb, "%s to %s\n", from, to);
		} else {
			sb_printf(sb, "from %s, still taken\n", from);
		}
		free(name);
		free(dose);
	}
}

static int medicine_list(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "treatment", required_argument, NULL, 't' },
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const formats[] = { "text", "json", NULL };
	struct hg_medicine *m = NULL;
	struct strbuf sb = STRBUF_INIT;
	struct hg_db *db;
	size_t n = 0;
	int64_t tid = 0;
	int all = 0, have_tid = 0, format = FMT_TEXT, rc = HG_OK, c;

	while (rc == HG_OK && (c = cli_getopt("medicine list", argc, argv, "", opts)) != -1) {
		if (cli_common_option(ctx, "medicine", c, &rc))
			continue;
		if (c == 't') {
			rc = cli_parse_id("--treatment", optarg, &tid);
			have_tid = 1;
		} else if (c == 'a') {
			all = 1;
		} else if (c == 'f') {
			rc = cli_parse_format("--format", optarg, formats, &format);
		} else {
			rc = cli_bad_option("medicine list", argv);
		}
	}
	if (rc == HG_OK && optind < argc)
		rc = hg_fail(HG_ERR_INPUT, "medicine list: unexpected argument \"%s\"",
			     argv[optind]);
	if (rc == HG_OK && all && have_tid)
		rc = hg_fail(HG_ERR_INPUT, "medicine list: --treatment and --all do not go"
			     " together");
	ctx->db_mode = CLI_DB_EXISTING;     /* listing never creates a database */
	if (rc == HG_OK)
		rc = cli_db(ctx, &db);
	if (rc == HG_OK && !all)
		rc = cli_pick_treatment(ctx, tid, &tid);
	if (rc == HG_OK)
		rc = db_medicine_list(db, all ? 0 : tid, &m, &n);
	if (rc == HG_OK) {
		if (format == FMT_JSON)
			list_json(&sb, m, n);
		else
			list_text(&sb, m, n);
		fputs(sb_str(&sb), ctx->out);
	}
	sb_free(&sb);
	model_medicines_free(m, n);
	return rc;
}

static int medicine_delete(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "yes", no_argument, NULL, 'y' },
		{ NULL, 0, NULL, 0 }
	};
	struct hg_db *db;
	int64_t id = 0;
	int yes = 0, rc = HG_OK, c;

	while (rc == HG_OK && (c = cli_getopt("medicine delete", argc, argv, "", opts)) != -1) {
		if (cli_common_option(ctx, "medicine", c, &rc))
			continue;
		if (c == 'y')
			yes = 1;
		else
			rc = cli_bad_option("medicine delete", argv);
	}
	if (rc == HG_OK)
		rc = cli_one_id("medicine delete", "medicine", argc, argv, &id);
	if (rc == HG_OK && !yes)
		rc = hg_fail(HG_ERR_INPUT, "medicine delete: this removes medicine %lld for good;"
			     " add --yes to confirm", (long long)id);
	if (rc == HG_OK)
		rc = cli_db(ctx, &db);
	if (rc == HG_OK)
		rc = record_medicine_delete(db, id);
	if (rc == HG_OK)
		fprintf(ctx->out, "deleted medicine %lld\n", (long long)id);
	return rc;
}

int cmd_medicine(struct cli_ctx *ctx, int argc, char **argv)
{
	static const char *const subs[] = { "add", "stop", "list", "delete", NULL };

	if (argc < 2)
		return hg_fail(HG_ERR_INPUT, "medicine: expected add, stop, list or delete"
			       " (see healgrid medicine --help)");
	const char *sub = argv[1];
	if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0) {
		cli_usage("medicine", stdout);
		return HG_OK;
	}
	if (strcmp(sub, "add") == 0)
		return medicine_add(ctx, argc - 1, argv + 1);
	if (strcmp(sub, "stop") == 0)
		return medicine_stop(ctx, argc - 1, argv + 1);
	if (strcmp(sub, "list") == 0)
		return medicine_list(ctx, argc - 1, argv + 1);
	if (strcmp(sub, "delete") == 0)
		return medicine_delete(ctx, argc - 1, argv + 1);
	const char *near = cli_nearest(sub, subs);
	if (near)
		return hg_fail(HG_ERR_INPUT, "medicine: unknown action \"%s\" (did you mean %s?)",
			       sub, near);
	return hg_fail(HG_ERR_INPUT, "medicine: unknown action \"%s\" (expected add, stop,"
		       " list or delete)", sub);
}
