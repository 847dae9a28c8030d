/* cmd_treatment.c — `healgrid treatment add|edit|list|delete`. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "healgrid/cli.h"
#include "healgrid/date.h"
#include "healgrid/export.h"
#include "healgrid/record.h"
#include "healgrid/util.h"
#include "healgrid/validate.h"

static const char *risk_name(int i)
{
	return model_risk_name((enum hg_risk)i);
}

static int parse_depth(const char *s, double *out)
{
	char msg[HG_VALID_MSG];

	if (validate_depth(s, 0, out, msg) != 0)
		return hg_fail(HG_ERR_INPUT, "--depth: %s", msg);
	return HG_OK;
}

static int parse_text(const char *opt, const char *s, size_t max)
{
	char msg[HG_VALID_MSG];

	if (validate_text(s, max, msg) != 0)
		return hg_fail(HG_ERR_INPUT, "%s: %s", opt, msg);
	return HG_OK;
}

/* ---- the options of add and edit: one table, one parser --------------- */

enum {
	G_DATE = 1 << 0, G_DEVICE = 1 << 1, G_DEPTH = 1 << 2, G_AREA = 1 << 3,
	G_PRODUCTS = 1 << 4, G_RISKS = 1 << 5, G_WINDOW = 1 << 6, G_NOTE = 1 << 7,
	G_SKIN = 1 << 8
};

enum { NOT_OURS = 100 };       /* parse_one: c is not one of the table's */

/* What the options said; `given` has a G_ bit for each field named.  The
 * strings point into argv. */
struct tchange {
	unsigned given;
	int date;
	enum hg_device device;
	double depth;           /* 0 = cleared */
	unsigned risks;
	int skin_type;          /* HG_SKIN_NONE = cleared */
	int window;
	const char *area, *products, *note;
};

static const struct option treatment_opts[] = {
	CLI_COMMON_OPTIONS,
	{ "date", required_argument, NULL, 'd' },
	{ "device", required_argument, NULL, 'v' },
	{ "depth", required_argument, NULL, 'm' },
	{ "area", required_argument, NULL, 'a' },
	{ "products", required_argument, NULL, 'p' },
	{ "risk", required_argument, NULL, 'r' },
	{ "skin-type", required_argument, NULL, 'k' },
	{ "window", required_argument, NULL, 'w' },
	{ "note", required_argument, NULL, 'n' },
	{ NULL, 0, NULL, 0 }
};

/* `-` or '' clears an optional field (depth, products, risks, note). */
static int clears(const char *s)
{
	return !*s || strcmp(s, "-") == 0;
}

static int parse_one(int c, const char *arg, struct tchange *ch)
{
	switch (c) {
	case 'd':
		ch->given |= G_DATE;
		return cli_parse_treatment_date("--date", arg, &ch->date);
	case 'v': {
		int d = model_device_lookup(arg);
		ch->given |= G_DEVICE;
		if (d < 0)
			return hg_fail(HG_ERR_INPUT, "--device: expected professional or home,"
				       " got \"%s\"", arg);
		ch->device = (enum hg_device)d;
		return HG_OK;
	}
	case 'm':
		ch->given |= G_DEPTH;
		ch->depth = 0;
		return clears(arg) ? HG_OK : parse_depth(arg, &ch->depth);
	case 'a':
		ch->given |= G_AREA;
		ch->area = arg;
		if (!*arg || strcmp(arg, "-") == 0)
			return hg_fail(HG_ERR_INPUT, "--area: expected a name such as face, got \"%s\"",
				       arg);
		return parse_text("--area", arg, HG_AREA_MAX);
	case 'p':
		ch->given |= G_PRODUCTS;
		ch->products = clears(arg) ? "" : arg;
		return parse_text("--products", arg, HG_PRODUCTS_MAX);
	case 'r': {
		unsigned bits;
		char *bad;
		ch->given |= G_RISKS;
		if (clears(arg)) {
			ch->risks = 0;
			return HG_OK;
		}
		if (model_parse_risks(arg, &bits, &bad) != 0) {
			int rc = cli_unknown_name("--risk", "risk", bad, risk_name, HG_RISK_COUNT, 0);
			free(bad);
			return rc;
		}
		ch->risks |= bits;
		return HG_OK;
	}
	case 'k':
		ch->given |= G_SKIN;
		ch->skin_type = HG_SKIN_NONE;
		if (clears(arg))
			return HG_OK;
		ch->skin_type = model_parse_skin_type(arg);
		if (ch->skin_type < 0)
			return hg_fail(HG_ERR_INPUT, "--skin-type: expected a Fitzpatrick skin type"
				       " 1-6 or I-VI, got \"%s\"", arg);
		return HG_OK;
	case 'w': {
		char msg[HG_VALID_MSG];
		ch->given |= G_WINDOW;
		if (validate_window(arg, &ch->window, msg) != 0)
			return hg_fail(HG_ERR_INPUT, "--window: %s", msg);
		return HG_OK;
	}
	case 'n':
		ch->given |= G_NOTE;
		ch->note = clears(arg) ? "" : arg;
		return cli_parse_note("--note", arg);
	default:
		return NOT_OURS;
	}
}

/* Scan add's or edit's options into ch; argv[optind] is then the first
 * word that is not an option. */
static int parse_treatment_options(struct cli_ctx *ctx, const char *cmd, int argc, char **argv,
				   struct tchange *ch)
{
	int rc = HG_OK, c;

	memset(ch, 0, sizeof *ch);
	while (rc == HG_OK && (c = cli_getopt(cmd, argc, argv, "", treatment_opts)) != -1) {
		if (cli_common_option(ctx, "treatment", c, &rc))
			continue;
		rc = parse_one(c, optarg, ch);
		if (rc == NOT_OURS)
			rc = cli_bad_option(cmd, argv);
	}
	return rc;
}

static void set_text(char **field, const char *s)
{
	free(*field);
	*field = xstrdup(s);
}

/* Apply what was given to t (the stored treatment, or add's defaults). */
static void apply_change(const struct tchange *ch, struct hg_treatment *t)
{
	if (ch->given & G_DATE)
		t->date = ch->date;
	if (ch->given & G_DEVICE)
		t->device = ch->device;
	if (ch->given & G_DEPTH)
		t->depth = ch->depth;
	if (ch->given & G_AREA)
		set_text(&t->area, ch->area);
	if (ch->given & G_PRODUCTS)
		set_text(&t->products, ch->products);
	if (ch->given & G_RISKS)
		t->risks = ch->risks;
	if (ch->given & G_SKIN)
		t->skin_type = ch->skin_type;
	if (ch->given & G_WINDOW)
		t->window = ch->window;
	if (ch->given & G_NOTE)
		set_text(&t->note, ch->note);
}

static int treatment_add(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct record_names add_names = { "treatment add", "--date", "--window" };
	struct tchange ch;
	struct hg_treatment t;
	struct hg_db *db;
	int rc = parse_treatment_options(ctx, "treatment add", argc, argv, &ch);

	if (rc != HG_OK)
		return rc;
	if (optind < argc)
		return hg_fail(HG_ERR_INPUT, "treatment add: unexpected argument \"%s\"", argv[optind]);
	if (!(ch.given & G_DATE))
		return hg_fail(HG_ERR_INPUT, "treatment add: --date YYYY-MM-DD is required");
	model_treatment_init(&t);
	t.area = xstrdup("face");
	t.products = xstrdup("");
	t.note = xstrdup("");
	apply_change(&ch, &t);
	rc = cli_db(ctx, &db);
	if (rc == HG_OK)
		rc = record_treatment_add(db, &t, &add_names);
	if (rc == HG_OK)
		fprintf(ctx->out, "%lld\n", (long long)t.id);
	model_treatment_free(&t);
	return rc;
}

static int treatment_edit(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct record_names edit_names = { "treatment edit", "--date", "--window" };
	struct tchange ch;
	struct hg_treatment t;
	struct record_result res;
	struct hg_db *db;
	int64_t id;
	size_t moved = 0;
	int old_date;
	int rc = parse_treatment_options(ctx, "treatment edit", argc, argv, &ch);

	if (rc != HG_OK)
		return rc;
	rc = cli_one_id("treatment edit", "treatment", argc, argv, &id);
	if (rc != HG_OK)
		return rc;
	if (!ch.given)
		return hg_fail(HG_ERR_INPUT, "treatment edit: nothing to change: give --date,"
			       " --device, --depth, --area, --products, --risk, --window or --note");
	rc = cli_db(ctx, &db);
	if (rc == HG_OK)
		rc = db_begin(db);
	if (rc != HG_OK)
		return rc;
	rc = db_treatment_get(db, id, &t);
	old_date = t.date;
	apply_change(&ch, &t);
	if (rc == HG_OK)
		rc = record_treatment_edit(db, &t, (ch.given & G_WINDOW) != 0, &edit_names, &moved,
					   &res);
	if (rc == HG_OK)
		rc = db_commit(db);
	else
		db_rollback(db);
	if (rc == HG_OK) {
		char date[HG_DATE_LEN];
		date_format(t.date, date);
		fprintf(ctx->out, "updated treatment %lld (%s)\n", (long long)id, date);
		if (t.date != old_date && moved > 0)
			fprintf(ctx->out, "its %zu check-in%s keep their dates; day numbers moved"
				" by %+d\n", moved, moved == 1 ? "" : "s", old_date - t.date);
		if (res.widened_from)
			fprintf(ctx->out, "window widened to %d days to keep day %d\n", t.window,
				t.window - 1);
	}
	model_treatment_free(&t);
	return rc;
}

static void list_text(FILE *out, const struct hg_treatment *t, size_t n)
{
	if (n == 0) {
		fputs("no treatments yet: add one with 'healgrid treatment add --date YYYY-MM-DD'\n",
		      out);
		return;
	}
	fprintf(out, "%4s  %-10s  %-12s  %5s  %6s  %s\n", "id", "date", "device", "depth",
		"window", "area / risks");
	for (size_t i = 0; i < n; i++) {
		char date[HG_DATE_LEN], risks[256], depth[16];
		char *area = hg_sanitize(t[i].area);

		date_format(t[i].date, date);
		model_format_risks(t[i].risks, ',', risks, sizeof risks);
		model_format_depth(t[i].depth, depth, sizeof depth);
		if (t[i].depth <= 0)
			snprintf(depth, sizeof depth, "-");
		fprintf(out, "%4lld  %-10s  %-12s  %5s  %6d  %.*s%s%s\n", (long long)t[i].id,
			date, model_device_name(t[i].device), depth, t[i].window,
			(int)hg_utf8_fit(area, 30), area, *risks ? " / " : "", risks);
		free(area);
	}
}

static void list_json(FILE *out, const struct hg_treatment *t, size_t n)
{
	struct strbuf sb = STRBUF_INIT;

	sb_puts(&sb, "{\"treatments\": [");
	for (size_t i = 0; i < n; i++) {
		sb_puts(&sb, i ? ", {" : "{");
		export_treatment_fields(&sb, &t[i]);
		sb_putc(&sb, '}');
	}
	sb_puts(&sb, "]}\n");
	fputs(sb_str(&sb), out);
	sb_free(&sb);
}

static int treatment_list(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const formats[] = { "text", "json", NULL };
	struct hg_treatment *t = NULL;
	struct hg_db *db;
	size_t n = 0;
	int format = 0, rc = HG_OK, c;

	while (rc == HG_OK && (c = cli_getopt("treatment list", argc, argv, "", opts)) != -1) {
		if (cli_common_option(ctx, "treatment", c, &rc))
			continue;
		if (c == 'f')
			rc = cli_parse_format("--format", optarg, formats, &format);
		else
			rc = cli_bad_option("treatment list", argv);
	}
	if (rc == HG_OK && optind < argc)
		rc = hg_fail(HG_ERR_INPUT, "treatment list: unexpected argument \"%s\"", argv[optind]);
	ctx->db_mode = CLI_DB_EXISTING;
	if (rc == HG_OK)
		rc = cli_db(ctx, &db);
	if (rc == HG_OK)
		rc = db_treatment_list(db, &t, &n);
	if (rc == HG_OK) {
		if (format == 1)
			list_json(ctx->out, t, n);
		else
			list_text(ctx->out, t, n);
	}
	db_treatments_free(t, n);
	return rc;
}

static int treatment_delete(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "yes", no_argument, NULL, 'y' },
		{ NULL, 0, NULL, 0 }
	};
	struct hg_recovery r;
	struct hg_db *db;
	int64_t id = 0;
	int yes = 0, rc = HG_OK, c;

	while (rc == HG_OK && (c = cli_getopt("treatment delete", argc, argv, "", opts)) != -1) {
		if (cli_common_option(ctx, "treatment", c, &rc))
			continue;
		if (c == 'y')
			yes = 1;
		else
			rc = cli_bad_option("treatment delete", argv);
	}
	if (rc != HG_OK)
		return rc;
	rc = cli_one_id("treatment delete", "treatment", argc, argv, &id);
	if (rc == HG_OK)
		rc = cli_db(ctx, &db);
	if (rc == HG_OK)
		rc = db_recovery_load(db, id, &r);
	if (rc != HG_OK)
		return rc;
	char date[HG_DATE_LEN];
	date_format(r.t.date, date);
	if (!yes)
		rc = hg_fail(HG_ERR_INPUT, "treatment delete: this removes treatment %lld (%s)"
			     " and its %zu check-ins for good; add --yes to confirm",
			     (long long)id, date, r.ndays);
	else
		rc = record_treatment_delete(db, id);
	if (rc == HG_OK)
		fprintf(ctx->out, "deleted treatment %lld (%s) and %zu check-ins\n",
			(long long)id, date, r.ndays);
	model_recovery_free(&r);
	return rc;
}

int cmd_treatment(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc < 2)
		return hg_fail(HG_ERR_INPUT, "treatment: expected add, edit, list or delete"
			       " (see healgrid treatment --help)");
	const char *sub = argv[1];
	if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0) {
		cli_usage("treatment", stdout);
		return HG_OK;
	}
	if (strcmp(sub, "add") == 0)
		return treatment_add(ctx, argc - 1, argv + 1);
	if (strcmp(sub, "list") == 0)
		return treatment_list(ctx, argc - 1, argv + 1);
	if (strcmp(sub, "edit") == 0)
		return treatment_edit(ctx, argc - 1, argv + 1);
	if (strcmp(sub, "delete") == 0)
		return treatment_delete(ctx, argc - 1, argv + 1);
	static const char *const actions[] = { "add", "edit", "list", "delete", NULL };
	const char *near = cli_nearest(sub, actions);
	if (near)
		return hg_fail(HG_ERR_INPUT, "treatment: unknown action \"%s\"; did you mean %s?",
			       sub, near);
	return hg_fail(HG_ERR_INPUT, "treatment: unknown action \"%s\" (expected add, edit,"
		       " list or delete)", sub);
}
