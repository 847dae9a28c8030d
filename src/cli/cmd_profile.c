/* cmd_profile.c — `healgrid profile`: show, set or clear the optional
 * name, birth date and clinic that head the report.  Storage in db.c. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "healgrid/cli.h"
#include "healgrid/date.h"
#include "healgrid/json.h"
#include "healgrid/util.h"

enum { PROFILE_TEXT_MAX = 200 };

/* One line of UTF-8 text, at most PROFILE_TEXT_MAX bytes. */
static int parse_line(const char *opt, const char *s)
{
	size_t n = strlen(s);

	if (n > PROFILE_TEXT_MAX)
		return hg_fail(HG_ERR_INPUT, "%s: longer than %d bytes (got %zu)", opt,
			       PROFILE_TEXT_MAX, n);
	if (!hg_utf8_valid(s, n))
		return hg_fail(HG_ERR_INPUT, "%s: not valid UTF-8 text", opt);
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return hg_fail(HG_ERR_INPUT, "%s: one line of text, without control"
				       " characters", opt);
	return HG_OK;
}

static void show_text(FILE *out, const struct hg_profile *p, int found)
{
	char born[HG_DATE_LEN] = "";
	char *name, *clinic;

	if (!found) {
		fputs("no profile (set one with 'healgrid profile --name TEXT --born YYYY-MM-DD"
		      " --clinic TEXT')\n", out);
		return;
	}
	if (p->has_born)
		date_format(p->born, born);
	name = hg_sanitize(p->name);
	clinic = hg_sanitize(p->clinic);
	fprintf(out, "name:   %s\nborn:   %s\nclinic: %s\n", *name ? name : "-",
		*born ? born : "-", *clinic ? clinic : "-");
	free(name);
	free(clinic);
}

static void show_json(FILE *out, const struct hg_profile *p, int found)
{
	struct strbuf sb = STRBUF_INIT;

	sb_puts(&sb, "{\"profile\": ");
	if (!found) {
		sb_puts(&sb, "null");
	} else {
		sb_putc(&sb, '{');
		json_key(&sb, "name", 1);
		json_string(&sb, p->name);
		json_key(&sb, "born", 0);
		if (p->has_born) {
			char born[HG_DATE_LEN];

			date_format(p->born, born);
			json_string(&sb, born);
		} else {
			sb_puts(&sb, "null");
		}
		json_key(&sb, "clinic", 0);
		json_string(&sb, p->clinic);
		sb_putc(&sb, '}');
	}
	sb_puts(&sb, "}\n");
	fputs(sb_str(&sb), out);
	sb_free(&sb);
}

int cmd_profile(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "name", required_argument, NULL, 'n' },
		{ "born", required_argument, NULL, 'b' },
		{ "clinic", required_argument, NULL, 'c' },
		{ "clear", no_argument, NULL, 'x' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const formats[] = { "text", "json", NULL };
	const char *name = NULL, *clinic = NULL;
	int born = 0, have_born = 0, clear_born = 0, clear = 0, format = -1;
	int rc = HG_OK, c;

	while (rc == HG_OK && (c = cli_getopt("profile", argc, argv, "", opts)) != -1) {
		if (cli_common_option(ctx, "profile", c, &rc))
			continue;
		const char *arg = optarg ? optarg : "";
		switch (c) {
		case 'n':
			rc = parse_line("--name", name = arg);
			break;
		case 'c':
			rc = parse_line("--clinic", clinic = arg);
			break;
		case 'b':
			/* cli_getopt refuses a second --born. */
			if (strcmp(arg, "") == 0 || strcmp(arg, "-") == 0) {
				clear_born = 1;
			} else {
				rc = cli_parse_date("--born", arg, &born);
				have_born = 1;
				if (rc == HG_OK && born > ctx->today) {
					char today[HG_DATE_LEN];

					date_format(ctx->today, today);
					rc = hg_fail(HG_ERR_INPUT, "--born: %s is after today (%s)",
						     arg, today);
				}
			}
			break;
		case 'x':
			clear = 1;
			break;
		case 'f':
			rc = cli_parse_format("--format", optarg, formats, &format);
			break;
		default:
			rc = cli_bad_option("profile", argv);
		}
	}
	if (rc != HG_OK)
		return rc;
	if (optind < argc)
		return hg_fail(HG_ERR_INPUT, "profile: unexpected argument \"%s\"", argv[optind]);
	int set = name || clinic || have_born || clear_born;
	if (clear && set)
		return hg_fail(HG_ERR_INPUT, "profile: --clear removes the whole profile; it"
			       " takes no --name, --born or --clinic");

	struct hg_db *db;
	struct hg_profile p = { 0 };
	int found = 0;

	rc = cli_db(ctx, &db);
	if (rc != HG_OK)
		return rc;
	if (clear) {
		rc = db_profile_clear(db);
		if (rc == HG_OK && format != 1)
			fputs("profile cleared\n", ctx->out);
		else if (rc == HG_OK)
			show_json(ctx->out, NULL, 0);
		return rc;
	}
	if (set)
		rc = db_begin(db);
	if (rc == HG_OK)
		rc = db_profile_get(db, &p, &found);
	if (rc == HG_OK && set) {
		if (name) {
			free(p.name);
			p.name = xstrdup(name);
		}
		if (clinic) {
			free(p.clinic);
			p.clinic = xstrdup(clinic);
		}
		if (have_born) {
			p.born = born;
			p.has_born = 1;
		} else if (clear_born) {
			p.has_born = 0;
		}
		found = 1;
		rc = db_profile_put(db, &p);
		if (rc == HG_OK)
			rc = db_commit(db);
		else
			db_rollback(db);
	} else if (set) {
		db_rollback(db);
	}
	if (rc == HG_OK) {
		if (format == 1)
			show_json(ctx->out, &p, found);
		else
			show_text(ctx->out, &p, found);
	}
	db_profile_free(&p);
	return rc;
}
