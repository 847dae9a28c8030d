/* ui_grid.c — the home screen: the current treatment's days as a grid of
 * weeks.  Each cell shows the day number and date, the four ratings as
 * digits ('-' not rated, a dot for days still to come), a marker for the
 * most serious open flag (its symbol gives the level), a check mark for a
 * resolved flag or an action, a photo mark and a note mark; colour only
 * adds.  The header counts open flags per level and resolved ones.
 *
 * The grid uses the terminal it has (the man page, "The grid", says the
 * same):
 *   compact   fewer than 80 columns or 24 rows: four digits per day
 *             (R S B L) with the marker before them, week days heading
 *             the columns from day 0's week day, the selected day below;
 *   standard  80 columns and 24 rows up to the wide sizes: cells 9
 *             columns wide and 3 rows high, the selected day on one line
 *             (or in full, when rows are left below the grid);
 *   wide      at least 100 columns and 30 rows: wider and taller cells
 *             (signs, temperature, care, marks) and a day panel with the
 *             selected day in full, at the right from 140 columns, else
 *             below the grid.
 * When today lies past the window, the grid runs to today.  Moving,
 * opening a day and mouse clicks live here; editing a day lives in
 * ui_day.c. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "healgrid/date.h"
#include "healgrid/ui_core.h"

enum {
	PER_ROW = 7,
	GRID_Y = 3,             /* row of the top border (standard, wide) */
	WIDE_COLS = 100, WIDE_LINES = 30,
	PANEL_RIGHT_COLS = 140,
	PANEL_BELOW_MIN = 8,    /* rows kept for the panel under the grid */
	CELL_W_MAX = 24, CELL_H_MAX = 6,
	C_LABEL = 1, C_FIRST = 3, C_CELL = 5   /* compact columns */
};

enum layout { L_COMPACT, L_STANDARD, L_WIDE };

/* Where everything goes for this terminal size. */
struct geo {
	enum layout layout;
	int cell_w, cell_h;     /* inside the borders (compact: 5 x 1) */
	int grid_x;             /* column of the left border */
	int vis;                /* weeks on screen */
	int detail_y, detail_h; /* the selected day under the grid */
	int px, py, pw, ph;     /* the panel at the right (pw 0: none) */
};

static const char *const weekdays[7] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

static int weeks_total(const struct ui *ui)
{
	return (ui_grid_days(ui) + PER_ROW - 1) / PER_ROW;
}

static int clampi(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static void geometry(const struct ui *ui, struct geo *g)
{
	int body = ui_body_rows(), total = weeks_total(ui);

	memset(g, 0, sizeof *g);
	if (COLS < UI_MIN_COLS || LINES < UI_MIN_LINES) {
		g->layout = L_COMPACT;
		g->cell_w = C_CELL;
		g->cell_h = 1;
		/* at least two lines for the selected day */
		g->vis = clampi(body - GRID_Y - 2, 1, total);
		g->detail_y = GRID_Y + g->vis;
		g->detail_h = body - g->detail_y;
		return;
	}
	g->grid_x = 1;
	if (COLS < WIDE_COLS || LINES < WIDE_LINES) {
		g->layout = L_STANDARD;
		g->cell_w = 9;
		g->cell_h = 3;
		g->vis = clampi((body - GRID_Y - 2) / (g->cell_h + 1), 1, total);
		g->detail_y = GRID_Y + g->vis * (g->cell_h + 1) + 1;
		g->detail_h = body - g->detail_y;
		return;
	}
	g->layout = L_WIDE;
	int avail = body - GRID_Y - 1;
	if (COLS >= PANEL_RIGHT_COLS) {
		g->pw = COLS >= 180 ? 48 : 38;
		g->cell_w = clampi((COLS - g->pw - 3) / PER_ROW - 1, 9, CELL_W_MAX);
		g->px = COLS - g->pw - 1;
		g->py = GRID_Y;
		g->ph = body - GRID_Y;
		avail -= 1;
	} else {
		g->cell_w = clampi((COLS - 2) / PER_ROW - 1, 9, CELL_W_MAX);
		avail -= PANEL_BELOW_MIN;
	}
	g->cell_h = clampi(avail / total - 1, 4, CELL_H_MAX);
	g->vis = clampi(avail / (g->cell_h + 1), 1, total);
	g->detail_y = GRID_Y + g->vis * (g->cell_h + 1) + 1;
	g->detail_h = g->pw ? 0 : body - g->detail_y;
}

static void scroll_to_cursor(struct ui *ui, const struct geo *g)
{
	int total = weeks_total(ui);
	int week = ui->cursor / PER_ROW;

	if (week < ui->top_week)
		ui->top_week = week;
	if (week >= ui->top_week + g->vis)
		ui->top_week = week - g->vis + 1;
	if (ui->top_week > total - g->vis)
		ui->top_week = total - g->vis;
	if (ui->top_week < 0)
		ui->top_week = 0;
}

/* ---- what a day has ------------------------------------------------------ */

static int belongs(const struct hg_flag *f, int day)
{
	return day >= f->day && day <= f->last_day;
}

/* The flag whose mark the day shows: of the flags it belongs to, an open
 * one before one in care before a settled one, the most serious first. */
static const struct hg_flag *day_flag(const struct ui *ui, int day)
{
	const struct hg_flag *best = NULL;

	for (size_t i = 0; i < ui->nflags; i++) {
		const struct hg_flag *f = &ui->flags[i];

		if (belongs(f, day) && (!best || f->status < best->status ||
					(f->status == best->status && f->level < best->level)))
			best = f;
	}
	return best;
}

static int open_flags_on(const struct ui *ui, int day)
{
	int n = 0;

	for (size_t i = 0; i < ui->nflags; i++)
		n += belongs(&ui->flags[i], day);
	return n;
}

/* A flag's mark, readable without colour: the level's symbol while open,
 * a tick in care, a ring once settled. */
static const char *flag_mark(const struct ui *ui, const struct hg_flag *f, int compact)
{
	static const char *const ascii[HG_LEVEL_COUNT] = { "E", "U", "D", "W" };

	if (f->status == HG_STATUS_IN_CARE)
		return ui_glyph(ui, UI_G_CHECK);
	if (f->status == HG_STATUS_SETTLED)
		return ui->utf8 ? "\u25cb" : "o";
	return compact && !ui->utf8 ? ascii[f->level] : ui_level_symbol(ui, f->level);
}

static attr_t flag_attr(const struct ui *ui, const struct hg_flag *f)
{
	if (f->status == HG_STATUS_OPEN)
		return ui_level_attr(ui, f->level);
	return f->status == HG_STATUS_SETTLED ? A_DIM : A_BOLD;
}

/* A flag of the day resolved, or an action dated that day. */
static int day_done(const struct ui *ui, int day)
{
	int date = ui->rec.t.date + day;

	for (size_t i = 0; i < ui->nflags; i++)
		if (ui->flags[i].day == day && ui->flags[i].care)
			return 1;
	for (size_t i = 0; i < ui->nactions; i++)
		if (ui->actions[i].date == date)
			return 1;
	return 0;
}

static int day_photos(const struct ui *ui, int day)
{
	return day >= 0 && day < ui->nphoto_days ? ui->photo_days[day] : 0;
}

static int has_note(const struct hg_checkin *c)
{
	return c && c->note && *c->note;
}

/* The marks after a cell's flag: resolved or action, photos, note. */
static void day_marks(const struct ui *ui, int day, const struct hg_checkin *c, struct strbuf *sb)
{
	if (day_done(ui, day))
		sb_puts(sb, ui_glyph(ui, UI_G_CHECK));
	if (day_photos(ui, day))
		sb_puts(sb, ui_glyph(ui, UI_G_PHOTO));
	if (has_note(c))
		sb_puts(sb, ui_glyph(ui, UI_G_NOTE));
}

/* One column for a level (compact cells): the symbol in UTF-8, a letter
 * in any other locale. */
static const char *level_mark(const struct ui *ui, enum hg_level l)
{
	static const char *const ascii[HG_LEVEL_COUNT] = { "E", "U", "D", "W" };

	return ui->utf8 ? ui_level_symbol(ui, l) : ascii[l];
}

/* ---- header -------------------------------------------------------------- */

/* Open flags per level; in care and settled ones counted apart. */
static void flag_counts(const struct ui *ui, int open[HG_LEVEL_COUNT], int *in_care, int *settled)
{
	*in_care = *settled = 0;
	for (int l = 0; l < HG_LEVEL_COUNT; l++)
		open[l] = 0;
	for (size_t i = 0; i < ui->nflags; i++) {
		if (ui->flags[i].status == HG_STATUS_IN_CARE)
			(*in_care)++;
		else if (ui->flags[i].status == HG_STATUS_SETTLED)
			(*settled)++;
		else
			open[ui->flags[i].level]++;
	}
}

/* Once daily tracking has ended, or while a follow-up look is due: what
 * the header says instead of the key to the ratings (empty otherwise). */
static void tracking_line(const struct ui *ui, struct strbuf *sb)
{
	int due = ui->look_due, next = ui->look_next, ended = ui->tracking_ended;

	if (due >= 0) {
		sb_printf(sb, "%s look due (day %d): look for dark or light patches, bumps or"
			  " lines, and check in", rules_look_name(due), rules_look_day(due));
	} else if (ended && next >= 0) {
		int when = ui->rec.t.date + rules_look_day(next);
		char d[HG_DATE_LEN];

		date_format(when, d);
		sb_printf(sb, "daily check-ins can stop%snext look: %s, %s %s (day %d)",
			  ui_glyph(ui, UI_G_SEP), rules_look_name(next), ui_weekday(when), d + 5,
			  rules_look_day(next));
	} else if (ended) {
		sb_puts(sb, "daily check-ins can stop");
	}
}

static void where_in_window(const struct ui *ui, int compact, struct strbuf *sb)
{
	int day = ui->today - ui->rec.t.date, w = ui->rec.t.window;

	if (day < 0)
		sb_printf(sb, "starts in %d day%s", -day, day == -1 ? "" : "s");
	else if (day < w)
		sb_printf(sb, compact ? "day %d/%d" : "day %d of %d", day, w);
	else if (day < HG_WINDOW_MAX)
		sb_printf(sb, compact ? "day %d (%d)" : "day %d (%d-day window)", day, w);
	else
		sb_printf(sb, "ended after %d days", w);
}

static void draw_header(struct ui *ui, const struct geo *g)
{
	struct strbuf left = STRBUF_INIT, right = STRBUF_INIT;
	static const char *const words[HG_LEVEL_COUNT] = { "emergency", "urgent", "doctor", "watch" };
	int open[HG_LEVEL_COUNT], in_care, settled, x = 1, compact = g->layout == L_COMPACT;
	struct strbuf track = STRBUF_INIT;

	if (compact) {
		char date[HG_DATE_LEN];

		date_format(ui->rec.t.date, date);
		sb_printf(&left, "%s%s%s", ui->rec.t.area, ui_glyph(ui, UI_G_SEP), date + 5);
		if (ui->rec.t.depth > 0) {
			char depth[16];

			model_format_depth(ui->rec.t.depth, depth, sizeof depth);
			sb_printf(&left, "%s%s mm", ui_glyph(ui, UI_G_SEP), depth);
		}
	} else {
		sb_puts(&left, "healgrid");
		sb_puts(&left, ui_glyph(ui, UI_G_SEP));
		ui_describe_treatment(ui, &ui->rec.t, &left);
		if (ui->rec.t.skin_type != HG_SKIN_NONE)
			sb_printf(&left, "%sskin %s", ui_glyph(ui, UI_G_SEP),
				  model_skin_type_name(ui->rec.t.skin_type));
	}
	where_in_window(ui, compact, &right);
	int rw = ui_put_right(ui, 0, COLS - 1, A_NORMAL, sb_str(&right));
	ui_put(ui, 0, 1, COLS - rw - 3, A_BOLD | ui_pair(ui, UI_PAIR_TITLE), sb_str(&left));

	flag_counts(ui, open, &in_care, &settled);
	tracking_line(ui, &track);
	const char *hint = !compact ? "f: review flags" : ui->look_due >= 0 ? "look due"
		: track.len ? "can stop" : "f flags";
	int hint_w = ui->nflags ? (int)strlen(hint) + 2 : 0;
	int limit = COLS - 1 - hint_w;
	/* Open flags per level (emergency only when raised; the compact line
	 * names only the levels raised), then the resolved ones: spaced
	 * widely when that fits, tighter, then in shorter words. */
	for (int pass = 0; pass < 3; pass++) {
		const char *gap = pass == 0 ? "   " : "  ";
		char item[HG_LEVEL_COUNT + 1][48];
		attr_t attr[HG_LEVEL_COUNT + 1];
		int n = 0, width = 0;

		for (int l = 0; l < HG_LEVEL_COUNT; l++) {
			if (!open[l] && (l == HG_LEVEL_EMERGENCY || compact))
				continue;
			snprintf(item[n], sizeof item[n], "%s %d %s",
				 compact ? level_mark(ui, (enum hg_level)l)
				 : ui_level_symbol(ui, (enum hg_level)l), open[l],
				 l == HG_LEVEL_DOCTOR && pass < 2 && !compact ? "see doctor" : words[l]);
			attr[n++] = open[l] ? ui_level_attr(ui, (enum hg_level)l) : A_NORMAL;
		}
		if (compact && (in_care || settled)) {
			snprintf(item[n], sizeof item[n], "%s%d/%d", ui_glyph(ui, UI_G_CHECK),
				 in_care, settled);
			attr[n++] = A_NORMAL;
		} else if (!compact && (in_care || settled)) {
			snprintf(item[n], sizeof item[n], "%s %d in care%s%d settled",
				 ui_glyph(ui, UI_G_CHECK), in_care, pass < 2 ? ui_glyph(ui, UI_G_SEP) : ", ",
				 settled);
			attr[n++] = A_NORMAL;
		}
		if (!n) {
			snprintf(item[n], sizeof item[n], "no flags");
			attr[n++] = A_NORMAL;
		}
		for (int i = 0; i < n; i++)
			width += hg_utf8_width(item[i]) + (i ? (int)strlen(gap) : 0);
		if (width > limit - x && pass < 2)
			continue;
		for (int i = 0; i < n && x < limit; i++)
			x += ui_put(ui, 1, x, limit - x, attr[i], item[i]) + (int)strlen(gap);
		break;
	}
	if (ui->nflags || (compact && track.len))
		ui_put_right(ui, 1, COLS - 1, A_NORMAL, hint);
	if (!compact && track.len)
		ui_put(ui, 2, 1, COLS - 2, A_BOLD, sb_str(&track));
	else if (!compact)
		ui_putf(ui, 2, 6, COLS - 7, A_DIM,
			"R S B L = redness swelling bruising bleeding%s0-3%s- not rated",
			ui_glyph(ui, UI_G_SEP), ui_glyph(ui, UI_G_SEP));
	sb_free(&track);
	sb_free(&left);
	sb_free(&right);
}

/* ---- the day in full ----------------------------------------------------- */

struct lines {
	char **v;
	size_t n, cap;
};

static void lines_push(struct lines *L, char *s)
{
	if (L->n == L->cap) {
		L->cap = L->cap ? 2 * L->cap : 16;
		L->v = xrealloc(L->v, L->cap * sizeof *L->v);
	}
	L->v[L->n++] = s;
}

static void lines_free(struct lines *L)
{
	for (size_t i = 0; i < L->n; i++)
		free(L->v[i]);
	free(L->v);
	memset(L, 0, sizeof *L);
}

/* text (line breaks kept) wrapped to width, continuation lines indented. */
static void lines_wrapped(struct lines *L, const char *text, int width, int indent)
{
	struct strbuf sb = STRBUF_INIT;
	struct hg_wrap w;
	const char *p = text;

	if (width < indent + 4)
		indent = 0;
	hg_wrap_start(&w, &sb, width, indent);
	for (;;) {
		size_t n = strcspn(p, "\n");

		hg_wrap_words(&w, p, n);
		if (!p[n])
			break;
		hg_wrap_newline(&w);
		p += n + 1;
	}
	for (const char *s = sb_str(&sb);;) {
		size_t n = strcspn(s, "\n");
		char *line = xmalloc(n + 1);

		memcpy(line, s, n);
		line[n] = '\0';
		lines_push(L, line);
		if (!s[n])
			break;
		s += n + 1;
	}
	sb_free(&sb);
}

static void linef(struct lines *L, int width, int indent, const char *fmt, ...) HG_PRINTF(4, 5);
static void linef(struct lines *L, int width, int indent, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0)
		return;
	sb.s = xmalloc((size_t)len + 1);
	sb.cap = (size_t)len + 1;
	va_start(ap, fmt);
	vsnprintf(sb.s, (size_t)len + 1, fmt, ap);
	va_end(ap);
	sb.len = (size_t)len;
	lines_wrapped(L, sb.s, width, indent);
	sb_free(&sb);
}

/* Names of the bits set, joined by ", ". */
static void names(unsigned bits, int count, const char *(*name)(int), struct strbuf *sb)
{
	for (int i = 0; i < count; i++)
		if (bits & HG_BIT(i)) {
			if (sb->len)
				sb_puts(sb, ", ");
			sb_puts(sb, name(i));
		}
}

static const char *sign_name(int i) { return model_sign_name((enum hg_sign)i); }
static const char *care_name(int i) { return model_care_name((enum hg_care)i); }

static void day_title(const struct ui *ui, int day, struct strbuf *sb)
{
	int when = ui->rec.t.date + day;
	char date[HG_DATE_LEN];

	date_format(when, date);
	sb_printf(sb, "Day %d%s%s %s", day, ui_glyph(ui, UI_G_SEP), weekdays[date_weekday(when)], date);
}

/* The selected day in full, wrapped to width: every rating with its
 * label, temperature, signs, care, the note, every flag of the day with
 * its advice or its action, photos. */
static void day_lines(const struct ui *ui, int day, int width, int brief, struct lines *L)
{
	const struct hg_checkin *c = model_recovery_day(&ui->rec, day);
	int when = ui->rec.t.date + day;
	const char *sep = ui_glyph(ui, UI_G_SEP);
	struct strbuf sb = STRBUF_INIT;

	if (when > ui->today) {
		linef(L, width, 2, "still to come: it can be rated from that day on");
		return;
	}
	if (!c)
		linef(L, width, 2, "not checked in: Enter to check in");
	/* The ratings: a line each, aligned, in the panel; one wrapped line
	 * under the grid, where rows are few. */
	for (int s = 0; c && s < HG_SYMPTOM_COUNT; s++) {
		int r = c->rating[s];
		char one[64];

		snprintf(one, sizeof one, brief ? "%s %s %s" : "%-9s %s %s",
			 model_symptom_name((enum hg_symptom)s), r == HG_UNRATED ? "-" : (char[2]){ (char)('0' + r), 0 },
			 model_rating_label(r));
		if (!brief) {
			lines_push(L, xstrdup(one));
			continue;
		}
		if (sb.len)
			sb_puts(&sb, sep);
		sb_puts(&sb, one);
	}
	if (sb.len) {
		lines_wrapped(L, sb_str(&sb), width, 2);
		sb_free(&sb);
	}
	if (c && c->temp != HG_TEMP_NONE) {
		char t[8];

		model_format_temp(c->temp, t, sizeof t);
		linef(L, width, 2, "temperature %s %sC%s", t, ui->utf8 ? "\u00b0" : "", 
		      c->temp >= HG_TEMP_FEVER ? " (fever)" : "");
	}
	if (c && c->signs) {
		names(c->signs, HG_SIGN_COUNT, sign_name, &sb);
		linef(L, width, 2, "signs: %s", sb_str(&sb));
		sb_free(&sb);
	} else if (c && !brief) {
		linef(L, width, 2, "signs: %s", c->signs_assessed ? "none" : "not assessed");
	}
	if (c && c->care) {
		names(c->care, HG_CARE_COUNT, care_name, &sb);
		linef(L, width, 2, "care: %s", sb_str(&sb));
		sb_free(&sb);
	} else if (c && !brief) {
		linef(L, width, 2, "care: %s", c->care_assessed ? "none" : "not assessed");
	}
	if (has_note(c))
		linef(L, width, 2, "note: %s", c->note);
	/* The day's flags as that day shows them: status, alert, findings,
	 * the advice of an alert, what covers one in care; the noted signs. */
	if (c) {
		struct hg_day dv;

		if (rules_day(&ui->rec, ui->actions, ui->nactions, day, &dv) != HG_OK)
			hg_error_clear();
		for (size_t i = 0; i < dv.nflags; i++) {
			const struct hg_day_flag *f = &dv.flags[i];

			for (size_t k = 0; k < f->nfindings; k++)
				sb_printf(&sb, "%s%s", k ? ", " : "", f->findings[k]);
			if (f->status == HG_STATUS_IN_CARE && f->care) {
				char d[HG_DATE_LEN];

				date_format(f->care->date, d);
				linef(L, width, 2, "%s %s %s in care since %s (%s): %s",
				      ui_glyph(ui, UI_G_CHECK), ui_level_symbol(ui, f->level), f->id,
				      d + 5, f->care->text, sb_str(&sb));
			} else if (f->alert) {
				linef(L, width, 2, "%s %s %s (%s)%s%s", ui_level_symbol(ui, f->level),
				      rules_level_name(f->level), f->id, rules_alert_name(f->alert),
				      sep, f->message);
			} else {
				linef(L, width, 2, "%s %s %s%s%s: %s", ui_level_symbol(ui, f->level),
				      rules_level_name(f->level), f->id, sep,
				      rules_status_name(f->status), sb_str(&sb));
			}
			sb_free(&sb);
		}
		if (dv.noted) {
			names(dv.noted, HG_SIGN_COUNT, sign_name, &sb);
			linef(L, width, 2, "noted: %s. %s", sb_str(&sb), rules_noted_advice());
			sb_free(&sb);
		}
		rules_day_free(&dv);
	}
	for (size_t i = 0; i < ui->nactions; i++) {
		const struct hg_action *a = &ui->actions[i];
		int resolves_here = 0;

		if (a->date != when)
			continue;
		for (size_t k = 0; k < ui->nflags; k++)
			resolves_here |= ui->flags[k].care == a && ui->flags[k].day == day;
		if (!resolves_here)
			linef(L, width, 2, "%s action: %s", ui_glyph(ui, UI_G_CHECK), a->text);
	}
	if (day_photos(ui, day))
		linef(L, width, 2, "photos: %d (Enter, then o to open)", day_photos(ui, day));
}

/* The selected day under the grid: one line when only one fits, else the
 * title and as much of the day as fits ("+N more" on the last line). */
static void draw_detail(struct ui *ui, int y, int h)
{
	struct strbuf title = STRBUF_INIT;
	struct lines L = { 0 };
	int w = COLS - 2;

	if (h <= 0)
		return;
	day_title(ui, ui->cursor, &title);
	if (h > 1)
		day_lines(ui, ui->cursor, w - 1, 1, &L);
	if (h == 1) {
		/* One line: the flags of the day, signs, the note. */
		const struct hg_checkin *c = model_recovery_day(&ui->rec, ui->cursor);
		const char *sep = ui_glyph(ui, UI_G_SEP);

		if (ui->rec.t.date + ui->cursor > ui->today) {
			sb_printf(&title, "%sstill to come", sep);
		} else {
			for (size_t i = 0; i < ui->nflags; i++)
				if (ui->flags[i].day == ui->cursor)
					sb_printf(&title, "%s%s %s", sep, ui->flags[i].care
						  ? ui_glyph(ui, UI_G_CHECK)
						  : ui_level_symbol(ui, ui->flags[i].level),
						  ui->flags[i].id);
			if (!c)
				sb_printf(&title, "%snot checked in: Enter to check in", sep);
			if (c && c->signs) {
				struct strbuf signs = STRBUF_INIT;

				names(c->signs, HG_SIGN_COUNT, sign_name, &signs);
				sb_printf(&title, "%ssigns: %s", sep, sb_str(&signs));
				sb_free(&signs);
			}
			if (c && c->temp != HG_TEMP_NONE) {
				char t[8];

				model_format_temp(c->temp, t, sizeof t);
				sb_printf(&title, "%s%s %sC", sep, t, ui->utf8 ? "\u00b0" : "");
			}
			if (day_photos(ui, ui->cursor))
				sb_printf(&title, "%s%s %d", sep, ui_glyph(ui, UI_G_PHOTO),
					  day_photos(ui, ui->cursor));
			if (has_note(c))
				sb_printf(&title, "%s%s", sep, c->note);
		}
		ui_put(ui, y, 1, w, A_NORMAL, sb_str(&title));
	} else {
		ui_put(ui, y, 1, w, A_BOLD, sb_str(&title));
		for (int i = 0; i < h - 1 && (size_t)i < L.n; i++) {
			if (i == h - 2 && (size_t)i + 1 < L.n) {
				ui_putf(ui, y + 1 + i, 1, w, A_DIM, "+%zu more (Enter opens the day)",
					L.n - (size_t)i);
				break;
			}
			ui_put(ui, y + 1 + i, 2, w - 1, A_NORMAL, L.v[i]);
		}
	}
	lines_free(&L);
	sb_free(&title);
}

/* The panel at the right: a box titled with the day. */
static void draw_panel(struct ui *ui, const struct geo *g)
{
	struct strbuf title = STRBUF_INIT;
	struct lines L = { 0 };
	int inner = g->pw - 4;

	ui_box(g->py, g->px, g->ph, g->pw);
	day_title(ui, ui->cursor, &title);
	sb_puts(&title, " ");
	ui_put(ui, g->py, g->px + 2, g->pw - 4, A_BOLD, " ");
	ui_put(ui, g->py, g->px + 3, g->pw - 5, A_BOLD, sb_str(&title));
	day_lines(ui, ui->cursor, inner, 0, &L);
	for (int i = 0; i < g->ph - 2 && (size_t)i < L.n; i++) {
		if (i == g->ph - 3 && (size_t)i + 1 < L.n) {
			ui_putf(ui, g->py + 1 + i, g->px + 2, inner, A_DIM, "+%zu more", L.n - (size_t)i);
			break;
		}
		ui_put(ui, g->py + 1 + i, g->px + 2, inner, A_NORMAL, L.v[i]);
	}
	lines_free(&L);
	sb_free(&title);
}

/* ---- cells --------------------------------------------------------------- */

static void draw_rule(const struct geo *g, int y, const cchar_t *l, const cchar_t *m,
		      const cchar_t *r)
{
	mvadd_wch(y, g->grid_x, l);
	for (int c = 0; c < PER_ROW; c++) {
		mvhline_set(y, g->grid_x + 1 + c * (g->cell_w + 1), WACS_HLINE, g->cell_w);
		mvadd_wch(y, g->grid_x + (c + 1) * (g->cell_w + 1), c == PER_ROW - 1 ? r : m);
	}
}

static void draw_cell(struct ui *ui, const struct geo *g, int day, int y, int x)
{
	const struct hg_checkin *c = model_recovery_day(&ui->rec, day);
	const struct hg_flag *f = day_flag(ui, day);
	int when = ui->rec.t.date + day, cw = g->cell_w;
	int future = when > ui->today, today = when == ui->today;
	attr_t base = (day == ui->cursor ? A_REVERSE : A_NORMAL) | (future ? A_DIM : A_NORMAL);
	attr_t strong = base | (today ? A_BOLD : A_NORMAL);
	struct strbuf sb = STRBUF_INIT;
	char date[HG_DATE_LEN];

	for (int k = 0; k < g->cell_h; k++)
		mvhline(y + k, x, ' ' | base, cw);
	date_format(when, date);
	if (cw >= 13) {
		ui_putf(ui, y, x, 4, strong, "%2d", day);
		ui_putf(ui, y, x + cw - 10, 10, strong, "%s %s", weekdays[date_weekday(when)], date + 5);
	} else {
		ui_putf(ui, y, x, cw, strong, day < 100 ? "%2d  %s" : "%3d %s", day, date + 5);
	}
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
	if (c && c->temp != HG_TEMP_NONE && cw >= 14) {
		char t[8];

		model_format_temp(c->temp, t, sizeof t);
		ui_putf(ui, y + 1, x + 9, cw - 9,
			base | (c->temp >= HG_TEMP_FEVER ? A_BOLD : A_NORMAL), "%s%s", t,
			ui->utf8 ? "\u00b0" : "C");
	}
	/* Third line: the flag marker and what it is (the rule, or how many
	 * flags when several or a long rule name), then today, signs, note;
	 * the marks (resolved or action, photos, note) at its right end.
	 * Packed to the left edge when it would not fit. */
	day_marks(ui, day, c, &sb);
	int mw = hg_utf8_width(sb_str(&sb));
	if (mw)
		ui_put(ui, y + 2, x + cw - mw, mw, base, sb_str(&sb));
	int room = cw - (mw ? mw + 1 : 0);
	char what[64];
	int nf = open_flags_on(ui, day);
	int wide = g->layout == L_WIDE;
	/* Standard cells say "today" before the flag; wide ones mark today
	 * only when no flag needs the line. */
	if (f && !(today && !wide)) {
		if (nf == 1 && (int)strlen(f->id) <= room - 2)
			snprintf(what, sizeof what, "%s", f->id);
		else
			snprintf(what, sizeof what, "%d flag%s", nf, nf > 1 ? "s" : "");
	} else if (today)
		snprintf(what, sizeof what, "today");
	else if (c && c->signs && !wide)
		snprintf(what, sizeof what, "signs");
	else if (has_note(c) && !mw)
		snprintf(what, sizeof what, "note");
	else
		what[0] = '\0';
	if (f) {
		const char *sym = flag_mark(ui, f, 0);
		int need = hg_utf8_width(sym) + 1 + (int)strlen(what);
		int fx = need <= room - 1 ? x + 1 : x;

		fx += ui_put(ui, y + 2, fx, 3, base | flag_attr(ui, f), sym);
		if (fx - x + 1 + (int)strlen(what) <= room)
			fx++;
		ui_put(ui, y + 2, fx, x + room - fx, strong, what);
	} else {
		ui_put(ui, y + 2, x + 1, room - 1, strong, what);
	}
	sb_free(&sb);
	if (!wide || !c)
		return;
	/* Wide cells: the signs' names and the care items below. */
	struct lines L = { 0 };
	if (c->signs) {
		names(c->signs, HG_SIGN_COUNT, sign_name, &sb);
		lines_wrapped(&L, sb_str(&sb), cw - 1, 0);
		sb_free(&sb);
	}
	if (c->care) {
		names(c->care, HG_CARE_COUNT, care_name, &sb);
		lines_wrapped(&L, sb_str(&sb), cw - 1, 0);
		sb_free(&sb);
	}
	for (int k = 3; k < g->cell_h && (size_t)(k - 3) < L.n; k++) {
		if (k == g->cell_h - 1 && (size_t)(k - 2) < L.n)
			ui_putf(ui, y + k, x + 1, cw - 1, base, "%s %s", L.v[k - 3],
				ui->utf8 ? "\u2026" : "~");
		else
			ui_put(ui, y + k, x + 1, cw - 1, base, L.v[k - 3]);
	}
	lines_free(&L);
}

static void draw_cells(struct ui *ui, const struct geo *g)
{
	int total = weeks_total(ui), ndays = ui_grid_days(ui), y = GRID_Y;

	draw_rule(g, y, WACS_ULCORNER, WACS_TTEE, WACS_URCORNER);
	for (int w = ui->top_week; w < total && w < ui->top_week + g->vis; w++) {
		for (int k = 0; k < g->cell_h; k++)
			for (int c = 0; c <= PER_ROW; c++)
				mvadd_wch(y + 1 + k, g->grid_x + c * (g->cell_w + 1), WACS_VLINE);
		for (int c = 0; c < PER_ROW; c++) {
			int day = w * PER_ROW + c;

			if (day < ndays)
				draw_cell(ui, g, day, y + 1, g->grid_x + 1 + c * (g->cell_w + 1));
		}
		y += g->cell_h + 1;
		if (w + 1 < total && w + 1 < ui->top_week + g->vis)
			draw_rule(g, y, WACS_LTEE, WACS_PLUS, WACS_RTEE);
		else
			draw_rule(g, y, WACS_LLCORNER, WACS_BTEE, WACS_LRCORNER);
	}
	if (total > g->vis) {
		int last = ui->top_week + g->vis < total ? ui->top_week + g->vis : total;

		ui_putf(ui, y, g->grid_x + 2, 7 * (g->cell_w + 1) - 3, A_NORMAL, " weeks %d-%d of %d%s ",
			ui->top_week + 1, last, total, last < total ? ": more below" : "");
	}
}

/* Compact: a row per week, five columns a day (marker, R S B L). */
static void draw_compact(struct ui *ui, const struct geo *g)
{
	int total = weeks_total(ui), ndays = ui_grid_days(ui);
	static const char *const heads[7] = { "Mo", "Tu", "We", "Th", "Fr", "Sa", "Su" };
	int first = date_weekday(ui->rec.t.date);

	for (int c = 0; c < PER_ROW; c++)
		ui_put(ui, 2, C_FIRST + 2 + c * C_CELL, 2, A_DIM, heads[(first + c) % 7]);
	for (int w = ui->top_week, row = 0; w < total && row < g->vis; w++, row++) {
		int y = GRID_Y + row;

		ui_putf(ui, y, C_LABEL, 2, A_DIM, "%2d", w * PER_ROW);
		for (int c = 0; c < PER_ROW; c++) {
			int day = w * PER_ROW + c, x = C_FIRST + c * C_CELL;
			const struct hg_checkin *ci;
			const struct hg_flag *f;
			int when;
			attr_t base;

			if (day >= ndays)
				break;
			ci = model_recovery_day(&ui->rec, day);
			f = day_flag(ui, day);
			when = ui->rec.t.date + day;
			base = day == ui->cursor ? A_REVERSE : A_NORMAL;
			if (when > ui->today)
				base |= A_DIM;
			if (when == ui->today)
				base |= A_BOLD | A_UNDERLINE;
			if (f)
				ui_put(ui, y, x, 1, flag_attr(ui, f), flag_mark(ui, f, 1));
			else if (day_done(ui, day))
				ui_put(ui, y, x, 1, A_NORMAL, ui_glyph(ui, UI_G_CHECK));
			else if (day_photos(ui, day))
				ui_put(ui, y, x, 1, A_NORMAL, ui_glyph(ui, UI_G_PHOTO));
			else if (has_note(ci))
				ui_put(ui, y, x, 1, A_NORMAL, ui_glyph(ui, UI_G_NOTE));
			for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
				int r = ci ? ci->rating[s] : HG_UNRATED;
				char digit[2] = { (char)('0' + r), '\0' };

				if (when > ui->today)
					ui_put(ui, y, x + 1 + s, 1, base, ui_glyph(ui, UI_G_DOT));
				else if (r == HG_UNRATED)
					ui_put(ui, y, x + 1 + s, 1, base, "-");
				else
					ui_put(ui, y, x + 1 + s, 1, base | ui_rating_attr(ui, r), digit);
			}
		}
	}
}

static void draw_empty(struct ui *ui)
{
	static const char *const text[] = {
		"\1No treatment yet.",
		"",
		"It follows the days after a microneedling treatment: once a day you "
		"rate redness, swelling, bruising and bleeding from 0 to 3 and tick "
		"any warning signs, and healgrid tells you which signs should go to a "
		"doctor.",
		"",
		"\1First, add your treatment: press Enter.",
		"A form asks for its date, the device (professional pen or home "
		"roller), the needle depth, the area and any risks; Enter saves it.",
		"",
		"Then check in from the grid every day: Enter on today, four digits, "
		"Enter.",
		"",
		"Press ? for every key, q to quit.",
	};
	int y = 2, w = COLS - 4;

	ui_title(ui, "healgrid", "no treatment yet");
	for (size_t i = 0; i < sizeof text / sizeof text[0] && y < ui_body_rows(); i++) {
		struct lines L = { 0 };
		int bold = text[i][0] == '\1';
		const char *s = text[i] + bold;

		if (!*s) {
			y++;
			continue;
		}
		lines_wrapped(&L, s, w, 0);
		for (size_t k = 0; k < L.n && y < ui_body_rows(); k++)
			ui_put(ui, y++, 2, w, bold ? A_BOLD : A_NORMAL, L.v[k]);
		lines_free(&L);
	}
}

static void grid_draw(struct ui *ui)
{
	struct geo g;

	if (!ui->have) {
		draw_empty(ui);
		return;
	}
	geometry(ui, &g);
	scroll_to_cursor(ui, &g);
	draw_header(ui, &g);
	if (g.layout == L_COMPACT)
		draw_compact(ui, &g);
	else
		draw_cells(ui, &g);
	if (g.pw)
		draw_panel(ui, &g);
	else
		draw_detail(ui, g.detail_y, g.detail_h);
}

/* ---- keys ---------------------------------------------------------------- */

static void move_cursor(struct ui *ui, int by)
{
	int d = ui->cursor + by, last = ui_grid_days(ui) - 1;

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
	char date[HG_DATE_LEN];

	date_format(when, date);
	if (when > ui->today) {
		ui_error(ui, "Day %d (%s) is still to come: it can be rated from that day on.",
			 ui->cursor, date);
		return;
	}
	if (ui_push(ui, UI_DAY, ui->cursor) != 0 && ui->cursor >= ui->rec.t.window)
		ui_error(ui, "Day %d is past the %d-day window: 'healgrid checkin --day %d' "
			 "records it and widens the window.", ui->cursor, ui->rec.t.window,
			 ui->cursor);
}

/* The day under a mouse position, or -1. */
static int day_at(struct ui *ui, int y, int x)
{
	struct geo g;
	int week, c;

	geometry(ui, &g);
	if (g.layout == L_COMPACT) {
		if (y < GRID_Y || y >= GRID_Y + g.vis || x < C_FIRST)
			return -1;
		week = ui->top_week + y - GRID_Y;
		c = (x - C_FIRST) / C_CELL;
	} else {
		int row = y - GRID_Y - 1, col = x - g.grid_x - 1;

		if (row < 0 || col < 0 || row % (g.cell_h + 1) == g.cell_h ||
		    col % (g.cell_w + 1) == g.cell_w || row / (g.cell_h + 1) >= g.vis)
			return -1;
		week = ui->top_week + row / (g.cell_h + 1);
		c = col / (g.cell_w + 1);
	}
	if (c >= PER_ROW)
		return -1;
	int day = week * PER_ROW + c;
	return day < ui_grid_days(ui) ? day : -1;
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
		if (act == ACT_OPEN || act == ACT_ADD) {
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
	case ACT_PHOTO_SHOW: ui_push(ui, UI_PHOTO, ui->cursor); return 1;
	default: return 0;
	}
}

static unsigned grid_context(struct ui *ui)
{
	return ui->have ? UI_K_GRID : UI_K_FIRST;
}

const struct screen_ops ui_grid_screen = {
	.name = "grid",
	.draw = grid_draw,
	.context = grid_context,
	.act = grid_act,
};
