/* ui_trends.c — the trends screen: a symptom × day heat map (the ratings
 * as digits, coloured by severity when colour is on), a sparkline per
 * symptom (Unicode blocks in a UTF-8 locale, ASCII otherwise; unrated
 * days stay blank, never drawn as 0) with its peak and the day it
 * cleared, a line marking rebounds (a symptom back at 2 or more after
 * easing) and the days an action was taken, and a table of days-to-clear
 * against earlier treatments.
 *
 * Earlier treatments are read only when this screen opens (the grid
 * never needs them), at most as many as the table shows. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "healgrid/date.h"
#include "healgrid/report.h"
#include "healgrid/ui_core.h"

enum {
	LX = 13,                /* column of day 0 */
	SUMMARY_W = 34,         /* room kept right of the sparklines */
	MAX_EARLIER = 4,
	COL_THIS = 24, COL_W = 12,
	ROW_HEAT = 2, ROW_SPARK = 8, ROW_TABLE = 14
};

static const char *const labels[HG_SYMPTOM_COUNT] = {
	"Redness", "Swelling", "Bruising", "Bleeding"
};

static struct {
	struct hg_recovery earlier[MAX_EARLIER];   /* most recent first */
	int nearlier;
	struct ui_sel days;     /* scrolls only: days.top is the first day shown */
} tr;

/* Days to clear as the report counts them (report_summarize): the first
 * day rated none after the last day rated above none; unrated days are
 * skipped, never read as 0.  Short words for a table cell. */
static void clear_cell(const struct ui *ui, const struct report_symptom *sy, char *buf,
		       size_t len)
{
	switch (sy->clear) {
	case REPORT_CLEARED:
		snprintf(buf, len, "%d", sy->clear_day);
		break;
	case REPORT_NOT_YET:
		snprintf(buf, len, "not yet");
		break;
	case REPORT_LAST_RATED:
		snprintf(buf, len, "last %d", sy->last_day);
		break;
	case REPORT_NEVER:
		snprintf(buf, len, "%s", ui_glyph(ui, UI_G_DASH));
		break;
	case REPORT_UNRATED:
		snprintf(buf, len, "?");
		break;
	}
}

/* Room kept right of the sparklines for their summary: none on a
 * terminal too narrow to show two weeks beside it (the table below still
 * says when each symptom cleared). */
static int summary_w(void)
{
	return COLS - LX - SUMMARY_W >= 14 ? SUMMARY_W : 1;
}

static int days_shown(const struct ui *ui)
{
	int room = COLS - LX - summary_w(), left = ui->rec.t.window - (int)tr.days.top;

	return left < room ? left : room;
}

/* Scroll by delta days, keeping the last day no further left than the
 * right edge (and the window, which an edit elsewhere may have
 * shortened, in view). */
static void scroll_days(struct ui *ui, long delta)
{
	int room = COLS - LX - summary_w();

	ui_sel_set_count(&tr.days, ui->have ? (size_t)ui->rec.t.window : 0);
	ui_sel_scroll(&tr.days, delta, room > 0 ? (size_t)room : 1);
}

static void earlier_free(void)
{
	for (int i = 0; i < tr.nearlier; i++)
		model_recovery_free(&tr.earlier[i]);
	memset(tr.earlier, 0, sizeof tr.earlier);
	tr.nearlier = 0;
}

/* The comparison: up to MAX_EARLIER treatments before the current one. */
static void earlier_read(struct ui *ui)
{
	struct hg_treatment *t = NULL;
	size_t n = 0, cur;

	earlier_free();
	if (!ui->have)
		return;
	if (db_treatment_list(ui->db, &t, &n) != HG_OK) {
		ui_db_error(ui);
		return;
	}
	for (cur = 0; cur < n && t[cur].id != ui->rec.t.id; cur++)
		;
	/* The list runs oldest first: walk back from the current one. */
	for (size_t i = cur; i-- > 0 && tr.nearlier < MAX_EARLIER;) {
		if (db_recovery_load(ui->db, t[i].id, &tr.earlier[tr.nearlier]) != HG_OK) {
			ui_db_error(ui);
			break;
		}
		tr.nearlier++;
	}
	db_treatments_free(t, n);
}

static int trends_open(struct ui *ui, int64_t arg)
{
	(void)arg;
	memset(&tr, 0, sizeof tr);
	if (!ui->have)
		return 0;
	/* Open scrolled, by whole weeks, so that today is in view. */
	int today = ui->today - ui->rec.t.date, room = days_shown(ui);
	scroll_days(ui, today >= room && today < ui->rec.t.window
		    ? ((today - room) / 7 + 1) * 7 : 0);
	earlier_read(ui);
	return 0;
}

static void trends_close(struct ui *ui)
{
	(void)ui;
	earlier_free();
	memset(&tr, 0, sizeof tr);
}

/* Read again: the window and the earlier treatments may have changed. */
static void trends_reload(struct ui *ui)
{
	scroll_days(ui, 0);
	earlier_read(ui);
}

static void draw_scale(struct ui *ui, int y, const char *title, int n)
{
	ui_put(ui, y, 1, LX - 2, A_BOLD, title);
	int first = (int)tr.days.top;

	for (int d = first; d < first + n; d++)
		if (d % 5 == 0 && d - first + 3 <= n)
			ui_putf(ui, y, LX + d - first, 3, A_DIM, "%d", d);
}

static const char *spark(const struct ui *ui, int v)
{
	static const char *const blocks[HG_RATING_MAX + 1] = {
		"\u2581", "\u2583", "\u2585", "\u2588"
	};
	/* Every other step of " .:-=+*#", so the four ratings stay apart. */
	static const char *const ascii[HG_RATING_MAX + 1] = { ".", "-", "+", "#" };

	return ui->utf8 ? blocks[v] : ascii[v];
}

/* A symptom rebounds on day d when it is rated 2 or more there, its most
 * recent earlier rating is 1 or less, and some rating before that one is
 * 2 or more: it was getting better and came back. */
static int rebound(const struct hg_recovery *r, int s, int d)
{
	int last = HG_UNRATED, high_before_last = 0, high = 0;
	const struct hg_checkin *c = model_recovery_day(r, d);

	if (!c || c->rating[s] < 2)         /* unrated (-1) included */
		return 0;
	for (size_t i = 0; i < r->ndays && r->days[i].day < d; i++) {
		int v = r->days[i].rating[s];

		if (v == HG_UNRATED)
			continue;
		high_before_last = high;
		last = v;
		high |= v >= 2;
	}
	return last != HG_UNRATED && last <= 1 && high_before_last;
}

/* Any action dated on day d of the treatment. */
static int action_on(const struct ui *ui, int d)
{
	for (size_t i = 0; i < ui->nactions; i++)
		if (ui->actions[i].date == ui->rec.t.date + d)
			return 1;
	return 0;
}

static void draw_rows(struct ui *ui, int n)
{
	struct report_summary sum;

	int first = (int)tr.days.top;

	report_summarize(&ui->rec, &sum);
	for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
		int yh = ROW_HEAT + 1 + s, ys = ROW_SPARK + 1 + s;

		ui_put(ui, yh, 3, LX - 4, A_NORMAL, labels[s]);
		ui_put(ui, ys, 3, LX - 4, A_NORMAL, labels[s]);
		for (int d = first; d < first + n; d++) {
			const struct hg_checkin *c = model_recovery_day(&ui->rec, d);
			int v = c ? c->rating[s] : HG_UNRATED, x = LX + d - first;
			char digit[2] = { (char)('0' + v), '\0' };

			if (ui->rec.t.date + d > ui->today) {
				ui_put(ui, yh, x, 1, A_DIM, ui_glyph(ui, UI_G_DOT));
				continue;
			}
			if (v == HG_UNRATED)
				continue;       /* a gap stays blank */
			ui_put(ui, yh, x, 1, (ui->color
			       ? ui_pair(ui, (enum ui_pair)(UI_PAIR_H0 + v))
			       : v == HG_RATING_MAX ? A_BOLD : A_NORMAL) |
			       (rebound(&ui->rec, s, d) ? A_UNDERLINE : A_NORMAL), digit);
			ui_put(ui, ys, x, 1, ui_rating_attr(ui, v), spark(ui, v));
		}
	}
	/* Under the heat map: rebounds and actions, readable without colour. */
	{
		int y = ROW_HEAT + 1 + HG_SYMPTOM_COUNT, any = 0;

		for (int d = first; d < first + n; d++) {
			int up = 0, x = LX + d - first;

			for (int s = 0; s < HG_SYMPTOM_COUNT; s++)
				up |= rebound(&ui->rec, s, d);
			if (up)
				ui_put(ui, y, x, 1, A_BOLD, ui->utf8 ? "\xe2\x86\x91" : "^");
			else if (action_on(ui, d))
				ui_put(ui, y, x, 1, A_BOLD, ui->utf8 ? "\xe2\x9c\x93" : "+");
			any |= up || action_on(ui, d);
		}
		if (any) {
			ui_put(ui, y, 3, LX - 4, A_DIM, "marks");
			ui_putf(ui, y, LX + n + 2, summary_w() - 2, A_DIM, "%s rebound  %s action",
				ui->utf8 ? "\xe2\x86\x91" : "^", ui->utf8 ? "\xe2\x9c\x93" : "+");
		}
	}
	for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
		const struct report_symptom *sy = &sum.s[s];
		int ys = ROW_SPARK + 1 + s, x = LX + n + 2;

		if (sy->clear == REPORT_UNRATED)
			ui_put(ui, ys, x, summary_w() - 2, A_DIM, "not rated yet");
		else if (sy->clear == REPORT_NEVER)
			ui_put(ui, ys, x, summary_w() - 2, A_NORMAL, "never above none");
		else if (sy->clear == REPORT_NOT_YET)
			ui_putf(ui, ys, x, summary_w() - 2, A_NORMAL, "peak %d on day %d%snot clear yet",
				sy->peak, sy->peak_day, ui_glyph(ui, UI_G_SEP));
		else
			ui_putf(ui, ys, x, summary_w() - 2, A_NORMAL, "peak %d on day %d%sclear day %d",
				sy->peak, sy->peak_day, ui_glyph(ui, UI_G_SEP), sy->clear_day);
	}
}

/* ui_put for the table, which gives up its last rows on a short
 * terminal rather than draw over the footer. */
static void table_put(const struct ui *ui, int y, int x, int width, attr_t attr, const char *s)
{
	if (y < ui_body_rows())
		ui_put(ui, y, x, width, attr, s);
}

static void draw_table(struct ui *ui)
{
	int cols = (COLS - COL_THIS - COL_W) / COL_W;
	char date[HG_DATE_LEN];
	char legend[64];

	if (cols > tr.nearlier)
		cols = tr.nearlier;
	table_put(ui, ROW_TABLE, 1, COL_THIS - 2, A_BOLD, "Days until clear");
	table_put(ui, ROW_TABLE, COL_THIS, COL_W, A_NORMAL, "this");
	if (tr.nearlier)
		table_put(ui, ROW_TABLE, COL_THIS + COL_W, COLS - COL_THIS - COL_W - 1, A_NORMAL,
		       "earlier treatments");
	else
		table_put(ui, ROW_TABLE, COL_THIS + COL_W, COLS - COL_THIS - COL_W - 1, A_DIM,
		       "(no earlier treatment to compare)");
	for (int k = -1; k < cols; k++) {
		const struct hg_recovery *r = k < 0 ? &ui->rec : &tr.earlier[k];
		int x = COL_THIS + (k + 1) * COL_W;

		date_format(r->t.date, date);
		table_put(ui, ROW_TABLE + 1, x, COL_W - 1, A_DIM, date);
		struct report_summary sum;

		report_summarize(r, &sum);
		for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
			char cell[16];

			clear_cell(ui, &sum.s[s], cell, sizeof cell);
			table_put(ui, ROW_TABLE + 2 + s, x, COL_W - 1,
			       sum.s[s].clear == REPORT_CLEARED ? A_NORMAL : A_DIM, cell);
		}
	}
	for (int s = 0; s < HG_SYMPTOM_COUNT; s++)
		table_put(ui, ROW_TABLE + 2 + s, 3, COL_THIS - 4, A_NORMAL, model_symptom_name(s));
	snprintf(legend, sizeof legend, "%s never above none   ? not rated", ui_glyph(ui, UI_G_DASH));
	table_put(ui, ROW_TABLE + 6, 3, COLS - 4, A_DIM, legend);
}

static void trends_draw(struct ui *ui)
{
	struct strbuf title = STRBUF_INIT;
	char right[48];
	int n;

	sb_puts(&title, "Trends");
	if (!ui->have) {
		ui_title(ui, sb_str(&title), NULL);
		ui_put(ui, 4, 3, COLS - 6, A_BOLD, "No treatment yet: T then a adds one.");
		sb_free(&title);
		return;
	}
	sb_puts(&title, ui_glyph(ui, UI_G_SEP));
	ui_describe_treatment(ui, &ui->rec.t, &title);
	n = days_shown(ui);
	snprintf(right, sizeof right, "days %d-%d of %d", (int)tr.days.top, (int)tr.days.top + n - 1,
		 ui->rec.t.window);
	ui_title(ui, sb_str(&title), right);
	sb_free(&title);
	draw_scale(ui, ROW_HEAT, "Heat map", n);
	draw_scale(ui, ROW_SPARK, "Sparklines", n);
	draw_rows(ui, n);
	draw_table(ui);
}

static int trends_act(struct ui *ui, enum ui_action act, int key)
{
	(void)key;
	if (!ui->have || (act != ACT_LEFT && act != ACT_RIGHT))
		return 0;
	scroll_days(ui, act == ACT_LEFT ? -7 : 7);
	return 1;
}

static unsigned trends_context(struct ui *ui)
{
	(void)ui;
	return UI_K_TRENDS;
}

const struct screen_ops ui_trends_screen = {
	.name = "trends",
	.open = trends_open,
	.draw = trends_draw,
	.context = trends_context,
	.act = trends_act,
	.close = trends_close,
	.reload = trends_reload,
};
