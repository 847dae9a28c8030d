/* ui_grid.c — the home screen: the current treatment's days as a grid of
 * weeks (SCREENS.md).  Each cell shows the day number and date, the four
 * ratings as digits ('-' not rated, a dot for days still to come) and a
 * flag marker whose symbol gives the level; colour only adds.  The
 * header counts open flags per level; the line under the grid details
 * the selected day.  Moving, opening a day and mouse clicks live here;
 * editing a day lives in ui_day.c. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "healgrid/date.h"
#include "healgrid/ui_core.h"

enum {
	PER_ROW = 7,
	CELL_W = 9,             /* inside the borders */
	CELL_H = 3,
	GRID_X = 1,             /* column of the left border */
	GRID_Y = 3,             /* row of the top border */
	DETAIL_ROWS = 1         /* the selected day's line under the grid */
};

static const char *const weekdays[7] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

static int weeks_total(const struct ui *ui)
{
	return (ui->rec.t.window + PER_ROW - 1) / PER_ROW;
}

/* Weeks that fit between the header and the detail line. */
static int weeks_visible(void)
{
	int v = (ui_body_rows() - GRID_Y - 1 - DETAIL_ROWS) / (CELL_H + 1);

	return v < 1 ? 1 : v;
}

static void scroll_to_cursor(struct ui *ui)
{
	int vis = weeks_visible(), total = weeks_total(ui);
	int week = ui->cursor / PER_ROW;

	if (week < ui->top_week)
		ui->top_week = week;
	if (week >= ui->top_week + vis)
		ui->top_week = week - vis + 1;
	if (ui->top_week > total - vis)
		ui->top_week = total - vis;
	if (ui->top_week < 0)
		ui->top_week = 0;
}

/* Highest-level flag first raised on `day`, or NULL. */
static const struct hg_flag *day_flag(const struct ui *ui, int day)
{
	const struct hg_flag *best = NULL;

	for (size_t i = 0; i < ui->nflags; i++)
		if (ui->flags[i].day == day && (!best || ui->flags[i].level < best->level))
			best = &ui->flags[i];
	return best;
}

static int flags_on(const struct ui *ui, int day)
{
	int n = 0;

	for (size_t i = 0; i < ui->nflags; i++)
		n += ui->flags[i].day == day;
	return n;
}

static void draw_header(struct ui *ui)
{
	struct strbuf left = STRBUF_INIT, right = STRBUF_INIT;
	int counts[HG_LEVEL_COUNT] = { 0 };
	static const char *const words[HG_LEVEL_COUNT] = { "emergency", "urgent", "see doctor", "watch" };
	int day = ui->today - ui->rec.t.date, x = 1;

	sb_puts(&left, "healgrid");
	sb_puts(&left, ui_glyph(ui, UI_G_SEP));
	ui_describe_treatment(ui, &ui->rec.t, &left);
	if (day < 0)
		sb_printf(&right, "starts in %d day%s", -day, day == -1 ? "" : "s");
	else if (day < ui->rec.t.window)
		sb_printf(&right, "day %d of %d", day, ui->rec.t.window);
	else
		sb_printf(&right, "ended after %d days", ui->rec.t.window);
	int rw = ui_put_right(ui, 0, COLS - 1, A_NORMAL, sb_str(&right));
	ui_put(ui, 0, 1, COLS - rw - 3, A_BOLD | ui_pair(ui, UI_PAIR_TITLE), sb_str(&left));

	for (size_t i = 0; i < ui->nflags; i++)
		counts[ui->flags[i].level]++;
	for (int l = 0; l < HG_LEVEL_COUNT; l++) {
		attr_t a = counts[l] ? ui_level_attr(ui, (enum hg_level)l) : A_NORMAL;

		if (l == HG_LEVEL_EMERGENCY && !counts[l])
			continue;       /* named only when raised, to keep the line short */

		x += ui_put(ui, 1, x, 4, a, ui_level_symbol(ui, (enum hg_level)l));
		x += ui_putf(ui, 1, x, 20, a, " %d %s", counts[l], words[l]);
		x += 3;
	}
	if (ui->nflags)
		ui_put_right(ui, 1, COLS - 1, A_NORMAL, "f: review flags");
	ui_putf(ui, 2, 6, COLS - 7, A_DIM, "R S B L = redness swelling bruising bleeding%s0-3%s- not rated",
		ui_glyph(ui, UI_G_SEP), ui_glyph(ui, UI_G_SEP));
	sb_free(&left);
	sb_free(&right);
}

static void draw_rule(int y, const cchar_t *l, const cchar_t *m, const cchar_t *r)
{
	mvadd_wch(y, GRID_X, l);
	for (int c = 0; c < PER_ROW; c++) {
		mvhline_set(y, GRID_X + 1 + c * (CELL_W + 1), WACS_HLINE, CELL_W);
		mvadd_wch(y, GRID_X + (c + 1) * (CELL_W + 1), c == PER_ROW - 1 ? r : m);
	}
}

static void draw_cell(struct ui *ui, int day, int y, int x)
{
	const struct hg_checkin *c = model_recovery_day(&ui->rec, day);
	const struct hg_flag *f = day_flag(ui, day);
	int when = ui->rec.t.date + day;
	int future = when > ui->today, today = when == ui->today;
	attr_t base = day == ui->cursor ? A_REVERSE : A_NORMAL;
	char date[HG_DATE_LEN];

	if (future)
		base |= A_DIM;
	for (int k = 0; k < CELL_H; k++)
		ui_put(ui, y + k, x, CELL_W, base, "         ");
	date_format(when, date);
	ui_putf(ui, y, x, CELL_W, base | (today ? A_BOLD : A_NORMAL), "%2d  %s", day, date + 5);
	for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
		int r = c ? c->rating[s] : HG_UNRATED;
		char digit[2] = { (char)('0' + r), '\0' };

		if (future)
			ui_put(ui, y + 1, x + 1 + 2 * s, 1, base, ui_glyph(ui, UI_G_DOT));
		else if (r == HG_UNRATED)
			ui_put(ui, y + 1, x + 1 + 2 * s, 1, base, "-");
		else
			ui_put(ui, y + 1, x + 1 + 2 * s, 1, base | ui_rating_attr(ui, r), digit);
	}
	/* Third line: the flag marker and what it is (the rule, or how many
	 * flags when several or a long rule name), then today, signs, note.
	 * Packed to the left edge when it would not fit, like `show`. */
	char what[32];
	int nf = flags_on(ui, day);
	if (today)
		snprintf(what, sizeof what, "today");
	else if (f && nf == 1 && (int)strlen(f->rule) <= CELL_W - 3)
		snprintf(what, sizeof what, "%s", f->rule);
	else if (f)
		snprintf(what, sizeof what, "%d flag%s", nf, nf > 1 ? "s" : "");
	else if (c && c->signs)
		snprintf(what, sizeof what, "signs");
	else if (c && c->note && *c->note)
		snprintf(what, sizeof what, "note");
	else
		what[0] = '\0';
	if (f) {
		const char *sym = ui_level_symbol(ui, f->level);
		int need = hg_utf8_width(sym) + 1 + (int)strlen(what);
		int fx = need <= CELL_W - 1 ? x + 1 : x;

		fx += ui_put(ui, y + 2, fx, 2, base | ui_level_attr(ui, f->level), sym);
		if (fx - x + 1 + (int)strlen(what) <= CELL_W)
			fx++;
		ui_put(ui, y + 2, fx, x + CELL_W - fx, base | (today ? A_BOLD : A_NORMAL), what);
	} else {
		ui_put(ui, y + 2, x + 1, CELL_W - 1, base | (today ? A_BOLD : A_NORMAL), what);
	}
}

static void draw_detail(struct ui *ui, int y)
{
	const struct hg_checkin *c = model_recovery_day(&ui->rec, ui->cursor);
	int when = ui->rec.t.date + ui->cursor;
	const char *sep = ui_glyph(ui, UI_G_SEP);
	struct strbuf sb = STRBUF_INIT;
	char date[HG_DATE_LEN];

	date_format(when, date);
	sb_printf(&sb, "Day %d%s%s %s", ui->cursor, sep, weekdays[date_weekday(when)], date);
	if (when > ui->today) {
		sb_printf(&sb, "%sstill to come", sep);
	} else {
		for (size_t i = 0; i < ui->nflags; i++)
			if (ui->flags[i].day == ui->cursor)
				sb_printf(&sb, "%s%s %s", sep, ui_level_symbol(ui, ui->flags[i].level),
					  ui->flags[i].rule);
		if (!c)
			sb_printf(&sb, "%snot checked in: Enter to check in", sep);
		if (c && c->signs) {
			char signs[256];

			model_format_signs(c->signs, ',', signs, sizeof signs);
			sb_puts(&sb, sep);
			sb_puts(&sb, "signs: ");
			for (const char *p = signs; *p; p++) {
				if (*p == ',')
					sb_puts(&sb, ", ");
				else
					sb_putc(&sb, *p);
			}
		}
		if (c && c->note && *c->note)
			sb_printf(&sb, "%s%s", sep, c->note);
	}
	ui_put(ui, y, 1, COLS - 2, A_NORMAL, sb_str(&sb));
	sb_free(&sb);
}

static void draw_empty(struct ui *ui)
{
	ui_title(ui, "healgrid", NULL);
	ui_put(ui, 4, 3, COLS - 6, A_BOLD, "No treatment yet.");
	ui_put(ui, 6, 3, COLS - 6, A_NORMAL,
	       "Press Enter to add the microneedling session you want to follow:");
	ui_put(ui, 7, 3, COLS - 6, A_NORMAL,
	       "its date, the device, the needle depth and any risks.");
	ui_put(ui, 9, 3, COLS - 6, A_NORMAL,
	       "Then check in once a day: rate redness, swelling, bruising and");
	ui_put(ui, 10, 3, COLS - 6, A_NORMAL,
	       "bleeding from 0 to 3 and tick any warning signs.  ? shows every key.");
}

static void grid_draw(struct ui *ui)
{
	int vis, total, y;

	if (!ui->have) {
		draw_empty(ui);
		return;
	}
	scroll_to_cursor(ui);
	vis = weeks_visible();
	total = weeks_total(ui);
	draw_header(ui);
	y = GRID_Y;
	draw_rule(y, WACS_ULCORNER, WACS_TTEE, WACS_URCORNER);
	for (int w = ui->top_week; w < total && w < ui->top_week + vis; w++) {
		for (int k = 0; k < CELL_H; k++)
			for (int c = 0; c <= PER_ROW; c++)
				mvadd_wch(y + 1 + k, GRID_X + c * (CELL_W + 1), WACS_VLINE);
		for (int c = 0; c < PER_ROW; c++) {
			int day = w * PER_ROW + c;

			if (day < ui->rec.t.window)
				draw_cell(ui, day, y + 1, GRID_X + 1 + c * (CELL_W + 1));
		}
		y += CELL_H + 1;
		if (w + 1 < total && w + 1 < ui->top_week + vis)
			draw_rule(y, WACS_LTEE, WACS_PLUS, WACS_RTEE);
		else
			draw_rule(y, WACS_LLCORNER, WACS_BTEE, WACS_LRCORNER);
	}
	if (total > vis) {
		int last = ui->top_week + vis < total ? ui->top_week + vis : total;

		ui_putf(ui, y, GRID_X + 2, 40, A_NORMAL, " weeks %d-%d of %d%s ", ui->top_week + 1,
			last, total, last < total ? ": more below" : "");
	}
	draw_detail(ui, y + 1);
}

static void move_cursor(struct ui *ui, int by)
{
	int d = ui->cursor + by, last = ui->rec.t.window - 1;

	if (d < 0)
		/* a week up from the first week stays; a page up lands on the
		 * same weekday of the first week */
		d = by == -1 ? 0 : by == -PER_ROW ? ui->cursor : ui->cursor % PER_ROW;
	else if (d > last)
		d = by == PER_ROW ? ui->cursor : last;
	ui->cursor = d;
}

static void open_day(struct ui *ui)
{
	int when = ui->rec.t.date + ui->cursor;

	if (when > ui->today) {
		char date[HG_DATE_LEN];

		date_format(when, date);
		ui_error(ui, "Day %d (%s) is still to come: it can be rated from that day on.",
			 ui->cursor, date);
		return;
	}
	ui_push(ui, UI_DAY, ui->cursor);
}

/* The cell under a mouse position, or -1. */
static int day_at(struct ui *ui, int y, int x)
{
	int row = y - GRID_Y - 1, col = x - GRID_X - 1;

	if (row < 0 || col < 0 || row % (CELL_H + 1) == CELL_H || col % (CELL_W + 1) == CELL_W)
		return -1;
	int week = ui->top_week + row / (CELL_H + 1), c = col / (CELL_W + 1);
	if (row / (CELL_H + 1) >= weeks_visible() || c >= PER_ROW)
		return -1;
	int day = week * PER_ROW + c;
	return day < ui->rec.t.window ? day : -1;
}

static void mouse(struct ui *ui)
{
	MEVENT ev;
	int day;

	if (getmouse(&ev) != OK || !ui->have)
		return;
	day = day_at(ui, ev.y, ev.x);
	if (day < 0)
		return;
	ui->cursor = day;
	if (ev.bstate & BUTTON1_DOUBLE_CLICKED)
		open_day(ui);
}

static int grid_act(struct ui *ui, enum ui_action act, int key)
{
	(void)key;
	if (!ui->have) {
		if (act == ACT_OPEN) {
			if (ui_push(ui, UI_TREATMENTS, 0) == 0)
				ui_push(ui, UI_TFORM, 0);
			return 1;
		}
		return 0;
	}
	switch (act) {
	case ACT_LEFT: move_cursor(ui, -1); return 1;
	case ACT_RIGHT: move_cursor(ui, 1); return 1;
	case ACT_UP: move_cursor(ui, -PER_ROW); return 1;
	case ACT_DOWN: move_cursor(ui, PER_ROW); return 1;
	case ACT_PAGE_UP: move_cursor(ui, -4 * PER_ROW); return 1;
	case ACT_PAGE_DOWN: move_cursor(ui, 4 * PER_ROW); return 1;
	case ACT_TODAY: ui_cursor_today(ui); return 1;
	case ACT_OPEN: open_day(ui); return 1;
	case ACT_MOUSE: mouse(ui); return 1;
	default: return 0;
	}
}

static unsigned grid_context(struct ui *ui)
{
	(void)ui;
	return UI_K_GRID;
}

const struct screen_ops ui_grid_screen = {
	.name = "grid",
	.draw = grid_draw,
	.context = grid_context,
	.act = grid_act,
};
