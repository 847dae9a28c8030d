/* cmd_show.c — `healgrid show`: the grid of days as plain ASCII text, 80
 * columns, readable without colour; and `healgrid due`. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "healgrid/cli.h"
#include "healgrid/date.h"
#include "healgrid/rules.h"
#include "healgrid/util.h"

enum { CELL = 9, PER_ROW = 7 };

static void rule_line(FILE *out)
{
	fputc(' ', out);
	for (int i = 0; i < PER_ROW; i++)
		fprintf(out, "+---------");
	fputs("+\n", out);
}

/* The most serious flag first raised on `day`, and how many were. */
static const struct hg_flag *day_flag(const struct hg_flag *f, size_t n, int day, int *count)
{
	const struct hg_flag *best = NULL;

	*count = 0;
	for (size_t i = 0; i < n; i++)
		if (f[i].day == day) {
			(*count)++;
			if (!best || f[i].level < best->level)
				best = &f[i];
		}
	return best;
}

static void show_grid(FILE *out, const struct hg_recovery *r, const struct hg_flag *flags,
		      size_t nflags, int today)
{
	char date[HG_DATE_LEN], *area = hg_sanitize(r->t.area);
	int counts[HG_LEVEL_COUNT] = { 0 };

	for (size_t i = 0; i < nflags; i++)
		counts[flags[i].level]++;
	date_format(r->t.date, date);
	fprintf(out, " healgrid - treatment %lld - %.*s - %s - %s", (long long)r->t.id,
		(int)hg_utf8_fit(area, 24), area, date, model_device_name(r->t.device));
	if (r->t.depth > 0) {
		char depth[16];
		model_format_depth(r->t.depth, depth, sizeof depth);
		fprintf(out, " %s mm", depth);
	}
	int day = today - r->t.date;
	if (day >= 0 && day < r->t.window)
		fprintf(out, " - day %d of %d\n", day, r->t.window);
	else if (day < 0)
		fprintf(out, " - starts in %d days\n", -day);
	else
		fprintf(out, " - ended (%d days)\n", r->t.window);
	fprintf(out, " flags: %d urgent (!!), %d see doctor (!), %d watch (.)%s\n",
		counts[HG_LEVEL_URGENT], counts[HG_LEVEL_DOCTOR], counts[HG_LEVEL_WATCH],
		nflags ? "   - healgrid flags" : "");
	fputs(" R S B L = redness swelling bruising bleeding, 0-3, - not rated, . to come\n", out);
	rule_line(out);
	for (int week = 0; week * PER_ROW < r->t.window; week++) {
		char line[3][PER_ROW][32];

		for (int col = 0; col < PER_ROW; col++) {
			int d = week * PER_ROW + col;
			int when = r->t.date + d;

			for (int k = 0; k < 3; k++)
				snprintf(line[k][col], sizeof line[0][0], "%*s", CELL, "");
			if (d >= r->t.window)
				continue;
			date_format(when, date);
			snprintf(line[0][col], sizeof line[0][0], "%2d  %s", d, date + 5);
			const struct hg_checkin *c = model_recovery_day(r, d);
			char v[HG_SYMPTOM_COUNT];
			for (int s = 0; s < HG_SYMPTOM_COUNT; s++)
				v[s] = (char)(when > today ? '.' : c && c->rating[s] != HG_UNRATED
					? '0' + c->rating[s] : '-');
			snprintf(line[1][col], sizeof line[0][0], " %c %c %c %c ", v[0], v[1], v[2], v[3]);
			int count;
			const struct hg_flag *f = day_flag(flags, nflags, d, &count);
			if (f && when == today)
				snprintf(line[2][col], sizeof line[0][0], "%-2s today ",
					 rules_level_symbol_ascii(f->level));
			else if (f && count == 1 && strlen(f->rule) <= 6)
				snprintf(line[2][col], sizeof line[0][0], "%-2s %s",
					 rules_level_symbol_ascii(f->level), f->rule);
			else if (f)
				snprintf(line[2][col], sizeof line[0][0], "%s%s%d flag%s",
					 rules_level_symbol_ascii(f->level),
					 f->level == HG_LEVEL_URGENT ? "" : " ", count,
					 count > 1 ? "s" : "");
			else if (when == today)
				snprintf(line[2][col], sizeof line[0][0], "  today  ");
		}
		for (int k = 0; k < 3; k++) {
			fputc(' ', out);
			for (int col = 0; col < PER_ROW; col++)
				fprintf(out, "|%-9.9s", line[k][col]);
			fputs("|\n", out);
		}
		rule_line(out);
	}
	fputs(" healgrid is not medical advice: when in doubt, call your dermatologist.\n", out);
	free(area);
}

int cmd_show(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "treatment", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	struct hg_recovery r;
	struct hg_flag *flags = NULL;
	size_t nflags = 0;
	struct hg_db *db;
	int64_t tid = 0;
	int rc = HG_OK, c;

	while (rc == HG_OK && (c = cli_getopt("show", argc, argv, "", opts)) != -1) {
		if (cli_common_option(ctx, "show", c, &rc))
			continue;
		if (c == 't')
			rc = cli_parse_id("--treatment", optarg, &tid);
		else
			rc = cli_bad_option("show", argv);
	}
	if (rc != HG_OK)
		return rc;
	if (optind < argc)
		return hg_fail(HG_ERR_INPUT, "show: unexpected argument \"%s\"", argv[optind]);
	rc = cli_pick_treatment(ctx, tid, &tid);
	if (rc == HG_OK)
		rc = cli_db(ctx, &db);
	if (rc == HG_OK)
		rc = db_recovery_load(db, tid, &r);
	if (rc != HG_OK)
		return rc;
	rules_eval(&r, &flags, &nflags);
	show_grid(ctx->out, &r, flags, nflags, ctx->today);
	rules_flags_free(flags, nflags);
	model_recovery_free(&r);
	return HG_OK;
}

int cmd_due(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	struct hg_treatment *t;
	struct hg_db *db;
	size_t n;
	int rc = HG_OK, c, due = 0;

	while (rc == HG_OK && (c = cli_getopt("due", argc, argv, "", opts)) != -1)
		if (!cli_common_option(ctx, "due", c, &rc))
			rc = cli_bad_option("due", argv);
	if (rc != HG_OK)
		return rc;
	if (optind < argc)
		return hg_fail(HG_ERR_INPUT, "due: unexpected argument \"%s\"", argv[optind]);
	rc = cli_db(ctx, &db);
	if (rc == HG_OK)
		rc = db_treatment_list(db, &t, &n);
	if (rc != HG_OK)
		return rc;
	/* Newest first: the treatment most likely on the person's mind. */
	for (size_t i = n; i-- > 0 && !due && rc == HG_OK;) {
		int day = ctx->today - t[i].date, found;
		struct hg_checkin ci;

		if (day < 0 || day >= t[i].window)
			continue;
		rc = db_checkin_get(db, t[i].id, day, &ci, &found);
		model_checkin_free(&ci);
		if (rc == HG_OK && !found) {
			char *area = hg_sanitize(t[i].area);
			fprintf(ctx->out, "healgrid: day %d of your %s treatment is not checked in"
				" yet: run healgrid\n", day, area);
			free(area);
			due = 1;
		}
	}
	db_treatments_free(t, n);
	if (rc != HG_OK)
		return rc;
	return due ? HG_OK : CLI_QUIET_FAIL;
}
