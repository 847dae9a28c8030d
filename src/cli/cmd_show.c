/* cmd_show.c — `healgrid show`: the grid of days as plain ASCII text, 80
 * columns, readable without colour; and `healgrid due`. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "healgrid/cli.h"
#include "healgrid/date.h"
#include "healgrid/record.h"
#include "healgrid/rules.h"
#include "healgrid/util.h"

enum { CELL = 9, PER_ROW = 7, AREA_COLS = 24 };

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

/* Below the grid: the temperatures and care of each day, and every flag
 * with its status. */
static void show_details(FILE *out, const struct hg_recovery *r,
			 const struct hg_flag *flags, size_t nflags)
{
	int heading = 0;

	for (size_t i = 0; i < r->ndays; i++) {
		const struct hg_checkin *c = &r->days[i];
		char date[HG_DATE_LEN], temp[16], care[128];

		if (c->temp == HG_TEMP_NONE && c->care == 0)
			continue;
		if (!heading++)
			fputs(" temperature and care:\n", out);
		date_format(r->t.date + c->day, date);
		fprintf(out, "   day %d (%s):", c->day, date);
		if (c->temp != HG_TEMP_NONE) {
			model_format_temp(c->temp, temp, sizeof temp);
			fprintf(out, " %s C%s", temp, c->temp >= HG_TEMP_FEVER ? " (fever)" : "");
		}
		if (c->care) {
			model_format_care(c->care, ',', care, sizeof care);
			fprintf(out, "%s care: %s", c->temp != HG_TEMP_NONE ? ";" : "", care);
		}
		fputc('\n', out);
	}
	if (nflags)
		fputs(" flags (open first, then in care, then settled):\n", out);
	for (int st = 0; st < HG_STATUS_COUNT; st++) {
		for (size_t i = 0; i < nflags; i++) {
			const struct hg_flag *f = &flags[i];
			char date[HG_DATE_LEN];

			if ((int)f->status != st)
				continue;
			date_format(f->date - f->day + f->since, date);
			fprintf(out, "   %-3s %-9s %s  %s %s %s\n", rules_level_symbol_ascii(f->level),
				rules_level_name(f->level), f->id,
				f->status == HG_STATUS_IN_CARE ? "in care" : rules_status_name(f->status),
				f->status == HG_STATUS_SETTLED ? "by" : "since", date);
		}
	}
}

static void show_grid(FILE *out, const struct hg_recovery *r, const struct hg_flag *flags,
		      size_t nflags, int today, int later_same_area)
{
	char date[HG_DATE_LEN], *area = hg_sanitize(r->t.area);
	int counts[HG_STATUS_COUNT] = { 0 };
	int ended = rules_tracking_end(r, flags, nflags);

	for (size_t i = 0; i < nflags; i++)
		counts[flags[i].status]++;
	struct strbuf head = STRBUF_INIT, tail = STRBUF_INIT, status = STRBUF_INIT;
	int day = today - r->t.date, cols;
	size_t fit;

	date_format(r->t.date, date);
	sb_printf(&head, " treatment %lld - ", (long long)r->t.id);
	sb_printf(&tail, " - %s - %s", date, model_device_name(r->t.device));
	if (r->t.depth > 0) {
		char depth[16];
		model_format_depth(r->t.depth, depth, sizeof depth);
		sb_printf(&tail, " %s mm", depth);
	}
	if (day >= 0 && day < r->t.window)
		sb_printf(&status, "day %d of %d", day, r->t.window);
	else if (day < 0)
		sb_printf(&status, "starts in %d days", -day);
	else
		sb_printf(&status, "ended (%d days)", r->t.window);
	/* The area shows 24 columns at most; the status moves to the next
	 * line when the first would pass 80 columns. */
	fit = hg_utf8_fit(area, AREA_COLS);
	{
		char save = area[fit];

		area[fit] = '\0';
		cols = hg_utf8_width(area);
		area[fit] = save;
	}
	if ((int)(head.len + tail.len + 3 + status.len) + cols <= 80) {
		fprintf(out, "%s%.*s%s - %s\n", sb_str(&head), (int)fit, area, sb_str(&tail),
			sb_str(&status));
	} else {
		fprintf(out, "%s%.*s%s\n", sb_str(&head), (int)fit, area, sb_str(&tail));
		fprintf(out, " %s\n", sb_str(&status));
	}
	sb_free(&head);
	sb_free(&tail);
	sb_free(&status);
	fprintf(out, " flags: %d open, %d in care, %d settled%s\n", counts[HG_STATUS_OPEN],
		counts[HG_STATUS_IN_CARE], counts[HG_STATUS_SETTLED],
		nflags ? "   - healgrid flags" : "");
	if (ended >= 0) {
		int look = rules_look_next(r, today, later_same_area);

		fprintf(out, " daily check-ins can stop (since day %d)", ended);
		if (look >= 0) {
			date_format(r->t.date + rules_look_day(look), date);
			fprintf(out, "; next: the %s look, day %d (%s)%s", rules_look_name(look),
				rules_look_day(look), date,
				rules_look_due(r, today, later_same_area) == look ? ", due now" : "");
		}
		fputc('\n', out);
	}
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
			else if (f && count == 1 && strlen(rules_kind_name(f->kind)) <= 6)
				snprintf(line[2][col], sizeof line[0][0], "%-2s %s",
					 rules_level_symbol_ascii(f->level), rules_kind_name(f->kind));
			else if (f && f->level == HG_LEVEL_EMERGENCY)
				snprintf(line[2][col], sizeof line[0][0], "%s %d",
					 rules_level_symbol_ascii(f->level), count);
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
	show_details(out, r, flags, nflags);
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
	struct hg_action *actions = NULL;
	size_t nactions = 0;

	int later = 0;

	rc = db_action_list(db, tid, &actions, &nactions);
	if (rc == HG_OK)
		rc = record_later_same_area(db, &r.t, ctx->today, &later);
	if (rc == HG_OK) {
		rules_eval(&r, actions, nactions, &flags, &nflags);
		show_grid(ctx->out, &r, flags, nflags, ctx->today, later);
	}
	rules_flags_free(flags, nflags);
	model_actions_free(actions, nactions);
	model_recovery_free(&r);
	return rc;
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
	/* Daily check-ins first, newest treatment first (the one most likely
	 * on the person's mind); then follow-up looks.  Planned treatments
	 * (dated after today) are never due. */
	for (int pass = 0; pass < 2 && rc == HG_OK; pass++) {
		for (size_t i = n; i-- > 0 && rc == HG_OK;) {
			int day = ctx->today - t[i].date, look = -1, asked = 0;
			struct hg_recovery r;
			struct hg_action *actions = NULL;
			struct hg_flag *flags = NULL;
			size_t nactions = 0, nflags = 0;
			char date[HG_DATE_LEN], *area;

			if (day < 0)
				continue;
			rc = db_recovery_load(db, t[i].id, &r);
			if (rc != HG_OK)
				break;
			if (pass == 0) {
				rc = db_action_list(db, t[i].id, &actions, &nactions);
				if (rc == HG_OK)
					rules_eval(&r, actions, nactions, &flags, &nflags);
				asked = rc == HG_OK && !model_recovery_day(&r, day) &&
				        rules_daily_asked(&r, flags, nflags, ctx->today);
				rules_flags_free(flags, nflags);
				model_actions_free(actions, nactions);
			} else {
				look = rules_look_due(&r, ctx->today,
				                      rules_later_same_area(t, n, &t[i], ctx->today));
			}
			model_recovery_free(&r);
			if (rc != HG_OK || (!asked && look < 0))
				continue;
			area = hg_sanitize(t[i].area);
			date_format(t[i].date, date);
			if (pass == 0)
				fprintf(ctx->out, "treatment %lld (%s, %s): day %d is not checked in"
					" yet\n", (long long)t[i].id, area, date, day);
			else
				fprintf(ctx->out, "treatment %lld (%s, %s): the %s look is due (day"
					" %d): look for dark or light patches, bumps or lines, and check"
					" in\n", (long long)t[i].id, area, date, rules_look_name(look),
					rules_look_day(look));
			free(area);
			due = 1;
		}
	}
	db_treatments_free(t, n);
	if (rc != HG_OK)
		return rc;
	return due ? HG_OK : CLI_QUIET_FAIL;
}
