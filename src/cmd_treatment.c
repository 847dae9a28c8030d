/* cmd_treatment.c — `healgrid treatment add|list|delete`. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "healgrid/cli.h"
#include "healgrid/date.h"
#include "healgrid/export.h"
#include "healgrid/util.h"

static int parse_depth(const char *s, double *out)
{
	char *end;
	double v = strtod(s, &end);

	if (!*s || *end || s[0] == ' ' || !(v >= HG_DEPTH_MIN - 1e-9 && v <= HG_DEPTH_MAX + 1e-9))
		return hg_fail(HG_ERR_INPUT, "--depth: expected millimetres from 0.1 to 3.0,"
			       " got \"%s\"", s);
	*out = v;
	return HG_OK;
}

static int parse_text(const char *opt, const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n > max)
		return hg_fail(HG_ERR_INPUT, "%s: longer than %zu bytes (got %zu)", opt, max, n);
	if (!hg_utf8_valid(s, n))
		return hg_fail(HG_ERR_INPUT, "%s: not valid UTF-8 text", opt);
	return HG_OK;
}

static int treatment_add(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
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
	struct hg_treatment t;
	struct hg_db *db;
	int have_date = 0, rc = HG_OK, c;
	const char *area = "face", *products = "", *note = "";

	model_treatment_init(&t);
	while (rc == HG_OK && (c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (cli_common_option(ctx, "treatment", c, &rc))
			continue;
		switch (c) {
		case 'd':
			rc = cli_parse_date("--date", optarg, &t.date);
			have_date = 1;
			break;
		case 'v': {
			int d = model_device_lookup(optarg);
			if (d < 0)
				rc = hg_fail(HG_ERR_INPUT, "--device: expected professional or home,"
					     " got \"%s\"", optarg);
			else
				t.device = (enum hg_device)d;
			break;
		}
		case 'm':
			rc = parse_depth(optarg, &t.depth);
			break;
		case 'a':
			area = optarg;
			rc = parse_text("--area", optarg, 200);
			if (rc == HG_OK && !*optarg)
				rc = hg_fail(HG_ERR_INPUT, "--area: expected a name such as face, got \"\"");
			break;
		case 'p':
			products = optarg;
			rc = parse_text("--products", optarg, HG_NOTE_MAX);
			break;
		case 'r': {
			unsigned bits;
			char *bad;
			if (model_parse_risks(optarg, &bits, &bad) != 0) {
				rc = hg_fail(HG_ERR_INPUT, "--risk: unknown risk \"%s\" (known:"
					     " active-infection, active-acne, bleeding-disorder,"
					     " blood-thinners, cold-sores, keloids, isotretinoin,"
					     " dark-skin, pregnancy, weak-immunity)", bad);
				free(bad);
			} else {
				t.risks |= bits;
			}
			break;
		}
		case 'k':
			t.skin_type = model_parse_skin_type(optarg);
			if (t.skin_type < 0)
				rc = hg_fail(HG_ERR_INPUT, "--skin-type: expected a Fitzpatrick"
					     " skin type 1-6 or I-VI, got \"%s\"", optarg);
			break;
		case 'w': {
			long w;
			rc = cli_parse_int("--window", optarg, HG_WINDOW_MIN, HG_WINDOW_MAX, &w);
			t.window = (int)w;
			break;
		}
		case 'n':
			note = optarg;
			rc = cli_parse_note("--note", optarg);
			break;
		default:
			rc = cli_bad_option("treatment add", argv);
		}
	}
	if (rc == HG_OK && optind < argc)
		rc = hg_fail(HG_ERR_INPUT, "treatment add: unexpected argument \"%s\"", argv[optind]);
	if (rc == HG_OK && !have_date)
		rc = hg_fail(HG_ERR_INPUT, "treatment add: --date YYYY-MM-DD is required");
	if (rc == HG_OK)
		rc = cli_db(ctx, &db);
	if (rc == HG_OK) {
		t.area = xstrdup(area);
		t.products = xstrdup(products);
		t.note = xstrdup(note);
		rc = db_treatment_add(db, &t);
	}
	if (rc == HG_OK)
		fprintf(ctx->out, "%lld\n", (long long)t.id);
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

	while (rc == HG_OK && (c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (cli_common_option(ctx, "treatment", c, &rc))
			continue;
		if (c == 'f')
			rc = cli_parse_format("--format", optarg, formats, &format);
		else
			rc = cli_bad_option("treatment list", argv);
	}
	if (rc == HG_OK && optind < argc)
		rc = hg_fail(HG_ERR_INPUT, "treatment list: unexpected argument \"%s\"", argv[optind]);
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

	while (rc == HG_OK && (c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (cli_common_option(ctx, "treatment", c, &rc))
			continue;
		if (c == 'y')
			yes = 1;
		else
			rc = cli_bad_option("treatment delete", argv);
	}
	if (rc != HG_OK)
		return rc;
	if (optind >= argc)
		return hg_fail(HG_ERR_INPUT, "treatment delete: which treatment? give its id"
			       " (see 'healgrid treatment list')");
	if (optind + 1 < argc)
		return hg_fail(HG_ERR_INPUT, "treatment delete: unexpected argument \"%s\"",
			       argv[optind + 1]);
	rc = cli_parse_id("treatment delete", argv[optind], &id);
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
		rc = db_treatment_delete(db, id);
	if (rc == HG_OK)
		fprintf(ctx->out, "deleted treatment %lld (%s) and %zu check-ins\n",
			(long long)id, date, r.ndays);
	model_recovery_free(&r);
	return rc;
}

int cmd_treatment(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc < 2)
		return hg_fail(HG_ERR_INPUT, "treatment: expected add, list or delete"
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
	if (strcmp(sub, "delete") == 0)
		return treatment_delete(ctx, argc - 1, argv + 1);
	return hg_fail(HG_ERR_INPUT, "treatment: unknown action \"%s\" (expected add, list"
		       " or delete)", sub);
}
