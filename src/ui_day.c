/* ui_day.c — the day editor: rate the four symptoms, tick warning signs,
 * write the note, copy the last rated day, save or cancel.  Built for the
 * six-key check-in: focus starts on redness, a digit rates and moves on,
 * Enter saves from anywhere.  Under the note a preview line shows, live,
 * the flags that saving this day will raise (rules_eval over the
 * treatment with this day as edited).  Nothing is written until Enter. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "healgrid/date.h"
#include "healgrid/ui_core.h"
#include "healgrid/ui_edit.h"

enum {
	F_RATING = 0,                        /* 0..3: the four symptoms */
	F_SIGN = HG_SYMPTOM_COUNT,           /* 4..19: signs, row by row */
	F_NOTE = F_SIGN + HG_SIGN_COUNT,
	SIGN_ROWS = HG_SIGN_COUNT / 2,
	ROW_RATINGS = 2, ROW_SIGNS = 7, ROW_NOTE = 15, ROW_PREVIEW = 18,
	PREVIEW_LINES = 3,
	SIGN_COL_X = 33
};

/* The signs as two columns (SCREENS.md), row by row. */
static const enum hg_sign sign_at[HG_SIGN_COUNT] = {
	HG_SIGN_WARMTH, HG_SIGN_FEVER,
	HG_SIGN_PUS, HG_SIGN_BLISTERS,
	HG_SIGN_CRUSTING, HG_SIGN_RASH,
	HG_SIGN_SPREADING, HG_SIGN_DARK_PATCHES,
	HG_SIGN_PAIN, HG_SIGN_LIGHT_PATCHES,
	HG_SIGN_BUMPS, HG_SIGN_LINES,
	HG_SIGN_LIPS, HG_SIGN_EYE,
	HG_SIGN_UNWELL, HG_SIGN_NONSTOP_BLEEDING,
};

static const char *const symptom_labels[HG_SYMPTOM_COUNT] = {
	"Redness", "Swelling", "Bruising", "Bleeding"
};

static struct {
	int open;
	int day;
	int existed;
	int rating[HG_SYMPTOM_COUNT], orig_rating[HG_SYMPTOM_COUNT];
	unsigned signs, orig_signs;
	int temp;                /* kept as stored: the editor has no field yet */
	unsigned care;           /* likewise */
	struct ui_edit note;
	char *orig_note;
	int focus;
	int col;                 /* sign column last used (0, 1) */
	struct hg_flag *preview; /* flags of the treatment as edited */
	size_t npreview;
} ed;

static int dirty(void)
{
	if (!ed.open)
		return 0;
	return memcmp(ed.rating, ed.orig_rating, sizeof ed.rating) != 0 ||
		ed.signs != ed.orig_signs || strcmp(ui_edit_text(&ed.note), ed.orig_note) != 0;
}

static void edited_checkin(const struct ui *ui, struct hg_checkin *c)
{
	model_checkin_init(c);
	c->treatment_id = ui->rec.t.id;
	c->day = ed.day;
	memcpy(c->rating, ed.rating, sizeof c->rating);
	c->signs = ed.signs;
	c->temp = ed.temp;
	c->care = ed.care;
	c->note = xstrdup(ui_edit_text(&ed.note));    /* owned: free with model_checkin_free */
}

static int edited_empty(const struct ui *ui)
{
	struct hg_checkin c;
	int empty;

	edited_checkin(ui, &c);
	empty = model_checkin_is_empty(&c);
	model_checkin_free(&c);
	return empty;
}

/* The rules over the treatment with this day as it stands in the editor. */
static void preview_update(const struct ui *ui)
{
	struct hg_recovery r = ui->rec;
	struct hg_checkin *days = xcalloc(ui->rec.ndays + 1, sizeof *days);
	size_t n = 0, i = 0;
	struct hg_checkin mine;

	edited_checkin(ui, &mine);
	for (; i < ui->rec.ndays && ui->rec.days[i].day < ed.day; i++)
		days[n++] = ui->rec.days[i];
	if (!edited_empty(ui))
		days[n++] = mine;
	if (i < ui->rec.ndays && ui->rec.days[i].day == ed.day)
		i++;
	for (; i < ui->rec.ndays; i++)
		days[n++] = ui->rec.days[i];
	r.days = days;
	r.ndays = n;
	rules_flags_free(ed.preview, ed.npreview);
	ed.preview = NULL;
	ed.npreview = 0;
	rules_eval(&r, &ed.preview, &ed.npreview);
	free(days);
	model_checkin_free(&mine);
}

static int day_open(struct ui *ui, int64_t day)
{
	const struct hg_checkin *c;

	if (!ui->have || day < 0 || day >= ui->rec.t.window)
		return -1;
	c = model_recovery_day(&ui->rec, (int)day);

	memset(&ed, 0, sizeof ed);
	ed.open = 1;
	ed.day = (int)day;
	ed.existed = c != NULL;
	for (int s = 0; s < HG_SYMPTOM_COUNT; s++)
		ed.rating[s] = c ? c->rating[s] : HG_UNRATED;
	memcpy(ed.orig_rating, ed.rating, sizeof ed.rating);
	ed.signs = ed.orig_signs = c ? c->signs : 0;
	ed.temp = c ? c->temp : HG_TEMP_NONE;
	ed.care = c ? c->care : 0;
	ui_edit_init(&ed.note, c && c->note ? c->note : "", HG_NOTE_MAX);
	ed.orig_note = xstrdup(ui_edit_text(&ed.note));
	ed.focus = F_RATING;
	preview_update(ui);
	return 0;
}

static void day_close(struct ui *ui)
{
	(void)ui;
	if (!ed.open)
		return;
	ui_edit_free(&ed.note);
	free(ed.orig_note);
	rules_flags_free(ed.preview, ed.npreview);
	memset(&ed, 0, sizeof ed);
}

/* ---- drawing ---- */

static void draw_rating(struct ui *ui, int s, int y)
{
	static const char *const words[HG_RATING_MAX + 1] = { "none", "mild", "moderate", "severe" };
	int focused = ed.focus == F_RATING + s, x = 14;

	ui_put(ui, y, 2, 10, focused ? A_REVERSE | A_BOLD : A_NORMAL, symptom_labels[s]);
	for (int v = 0; v <= HG_RATING_MAX; v++) {
		int sel = ed.rating[s] == v;
		attr_t a = sel ? A_BOLD | ui_rating_attr(ui, v) | (focused ? A_REVERSE : A_NORMAL)
			: A_NORMAL;

		x += ui_putf(ui, y, x, 16, a, "[%s%d %s%s]", sel ? ui_glyph(ui, UI_G_SEL_L) : " ", v,
			     words[v], sel ? ui_glyph(ui, UI_G_SEL_R) : " ");
		x++;
	}
	if (ed.rating[s] == HG_UNRATED)
		ui_put(ui, y, x + 1, COLS - x - 2, focused ? A_BOLD : A_DIM, "not rated");
}

static void draw_signs(struct ui *ui)
{
	ui_put(ui, ROW_SIGNS - 1, 2, COLS - 4, A_NORMAL, "Warning signs (space to tick)");
	for (int i = 0; i < HG_SIGN_COUNT; i++) {
		enum hg_sign s = sign_at[i];
		int y = ROW_SIGNS + i / 2, x = i % 2 ? SIGN_COL_X : 2;
		int on = (ed.signs & HG_BIT(s)) != 0;
		attr_t a = ed.focus == F_SIGN + i ? A_REVERSE : A_NORMAL;

		ui_putf(ui, y, x, SIGN_COL_X - 3, a | (on ? A_BOLD : A_NORMAL), "[%s] %s",
			on ? "x" : " ", model_sign_label(s));
	}
}

static void draw_note(struct ui *ui)
{
	int bx = 8, bw = COLS - 10, y = ROW_NOTE;
	int focused = ed.focus == F_NOTE;

	mvhline_set(y, bx + 1, WACS_HLINE, bw - 2);
	mvhline_set(y + 2, bx + 1, WACS_HLINE, bw - 2);
	mvadd_wch(y, bx, WACS_ULCORNER);
	mvadd_wch(y, bx + bw - 1, WACS_URCORNER);
	mvadd_wch(y + 1, bx, WACS_VLINE);
	mvadd_wch(y + 1, bx + bw - 1, WACS_VLINE);
	mvadd_wch(y + 2, bx, WACS_LLCORNER);
	mvadd_wch(y + 2, bx + bw - 1, WACS_LRCORNER);
	ui_put(ui, y + 1, 2, 4, focused ? A_REVERSE | A_BOLD : A_NORMAL, "Note");
	if (focused)
		ui_putf(ui, y + 2, bx + bw - 14, 12, A_DIM, " %zu/%d ", ed.note.text.len, HG_NOTE_MAX);
	ui_edit_draw(ui, &ed.note, y + 1, bx + 2, bw - 4, focused);
}

static void draw_preview(struct ui *ui)
{
	int y = ROW_PREVIEW, used = 0, mine = 0, shown = 0;

	for (size_t i = 0; i < ed.npreview; i++)
		if (ed.preview[i].day == ed.day)
			mine++;
	if (!mine) {
		ui_put(ui, y, 1, COLS - 2, A_DIM, "No warning from this day.");
		return;
	}
	for (size_t i = 0; i < ed.npreview && used < PREVIEW_LINES; i++) {
		const struct hg_flag *f = &ed.preview[i];
		char *lines[PREVIEW_LINES];
		size_t n;

		if (f->day != ed.day)
			continue;
		if (used == PREVIEW_LINES - 1 && mine - shown > 1) {
			ui_putf(ui, y + used, 4, COLS - 5, A_BOLD, "... and %d more (f after saving)",
				mine - shown);
			return;
		}
		int x = 2 + ui_put(ui, y + used, 1, 2, ui_level_attr(ui, f->level),
				   ui_level_symbol(ui, f->level));
		n = ui_wrap(f->message, COLS - x - 1, lines, PREVIEW_LINES);
		for (size_t k = 0; k < n && k < PREVIEW_LINES; k++) {
			if (used < PREVIEW_LINES)
				ui_put(ui, y + used++, x, COLS - x - 1, ui_level_attr(ui, f->level),
				       lines[k]);
			free(lines[k]);
		}
		shown++;
	}
}

static void day_draw(struct ui *ui)
{
	struct strbuf left = STRBUF_INIT;
	const char *sep = ui_glyph(ui, UI_G_SEP);
	int when = ui->rec.t.date + ed.day, ago = ui->today - when;
	char date[HG_DATE_LEN], right[32];
	static const char *const weekdays[7] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

	date_format(when, date);
	sb_printf(&left, "Day %d%s%s %s%s%s", ed.day, sep, weekdays[date_weekday(when)], date, sep,
		  ui->rec.t.area);
	if (ago == 0)
		snprintf(right, sizeof right, "today");
	else if (ago == 1)
		snprintf(right, sizeof right, "yesterday");
	else
		snprintf(right, sizeof right, "%d days ago", ago);
	ui_title(ui, sb_str(&left), right);
	sb_free(&left);
	for (int s = 0; s < HG_SYMPTOM_COUNT; s++)
		draw_rating(ui, s, ROW_RATINGS + s);
	draw_signs(ui);
	draw_preview(ui);
	draw_note(ui);      /* last: it places the cursor */
}

/* ---- actions ---- */

static int focus_down(int f)
{
	if (f < F_SIGN - 1)
		return f + 1;
	if (f == F_SIGN - 1)
		return F_SIGN + ed.col;
	if (f < F_NOTE)
		return f + 2 < F_NOTE ? f + 2 : F_NOTE;
	return F_NOTE;
}

static int focus_up(int f)
{
	if (f == F_NOTE)
		return F_SIGN + 2 * (SIGN_ROWS - 1) + ed.col;
	if (f >= F_SIGN)
		return f - 2 >= F_SIGN ? f - 2 : F_SIGN - 1;
	return f > 0 ? f - 1 : 0;
}

static void set_focus(int f)
{
	ed.focus = f;
	if (f >= F_SIGN && f < F_NOTE)
		ed.col = (f - F_SIGN) % 2;
}

static void discard_answer(struct ui *ui, int64_t day, int yes)
{
	if (yes && ui_current(ui) == UI_DAY) {
		ui_pop(ui);
		ui_message(ui, "Day %lld not changed.", (long long)day);
	}
}

static void quit_answer(struct ui *ui, int64_t day, int yes)
{
	(void)day;
	if (yes)
		ui->quit = 1;
}

static void save(struct ui *ui)
{
	struct hg_checkin c;
	const struct hg_flag *top = NULL;
	int day = ed.day, raised = 0, rc = HG_OK;
	char rule[64] = "";
	enum hg_level level = HG_LEVEL_WATCH;

	if (!dirty()) {
		ui_pop(ui);
		ui_message(ui, "Day %d unchanged.", day);
		return;
	}
	edited_checkin(ui, &c);
	if (!edited_empty(ui))
		rc = db_checkin_put(ui->db, &c);
	else if (ed.existed)
		rc = db_checkin_delete(ui->db, c.treatment_id, c.day);
	model_checkin_free(&c);
	if (rc != HG_OK) {
		/* Stay in the editor with the edits: nothing is lost. */
		ui_db_error(ui);
		return;
	}
	for (size_t i = 0; i < ed.npreview; i++)
		if (ed.preview[i].day == day) {
			if (!top)
				top = &ed.preview[i];
			raised++;
		}
	if (top) {
		snprintf(rule, sizeof rule, "%s", top->rule);
		level = top->level;
	}
	ui_pop(ui);
	if (ui_reload(ui) != HG_OK)
		return;
	if (raised)
		ui_message(ui, "Saved day %d. %s %s%s: f shows what to do.", day,
			   ui_level_symbol(ui, level), rule, raised > 1 ? " and more" : "");
	else
		ui_message(ui, "Saved day %d.", day);
}

static void copy_previous(struct ui *ui)
{
	const struct hg_checkin *prev = NULL;

	for (size_t i = 0; i < ui->rec.ndays && ui->rec.days[i].day < ed.day; i++)
		for (int s = 0; s < HG_SYMPTOM_COUNT; s++)
			if (ui->rec.days[i].rating[s] != HG_UNRATED)
				prev = &ui->rec.days[i];
	if (!prev) {
		ui_error(ui, "No earlier rated day to copy.");
		return;
	}
	memcpy(ed.rating, prev->rating, sizeof ed.rating);
	ed.signs = prev->signs;
	ui_message(ui, "Copied day %d: change what differs, then Enter to save.", prev->day);
}

static int day_act(struct ui *ui, enum ui_action act, int key)
{
	int f = ed.focus, on_rating = f < F_SIGN, on_sign = f >= F_SIGN && f < F_NOTE;

	if (ui_edit_act(&ed.note, act))
		return 1;
	switch (act) {
	case ACT_UP:
		set_focus(focus_up(f));
		break;
	case ACT_DOWN:
		set_focus(focus_down(f));
		break;
	case ACT_LEFT:
	case ACT_RIGHT:
		if (on_rating) {
			int r = ed.rating[f] + (act == ACT_LEFT ? -1 : 1);
			if (r >= HG_UNRATED && r <= HG_RATING_MAX)
				ed.rating[f] = r;
		} else if (on_sign) {
			set_focus(F_SIGN + ((f - F_SIGN) & ~1) + (act == ACT_LEFT ? 0 : 1));
		}
		break;
	case ACT_RATE:
		if (!on_rating) {
			ui_error(ui, "0-3 rate the symptoms above; Space ticks a sign.");
			return 1;
		}
		ed.rating[f] = key - '0';
		set_focus(focus_down(f));
		break;
	case ACT_UNRATE:
		if (on_rating)
			ed.rating[f] = HG_UNRATED;
		else if (on_sign)
			ed.signs &= ~HG_BIT(sign_at[f - F_SIGN]);
		break;
	case ACT_TOGGLE:
		if (!on_sign) {
			ui_error(ui, "Space ticks a warning sign; rate symptoms with 0-3.");
			return 1;
		}
		ed.signs ^= HG_BIT(sign_at[f - F_SIGN]);
		break;
	case ACT_NOTE:
		set_focus(F_NOTE);
		break;
	case ACT_COPY_PREVIOUS:
		copy_previous(ui);
		break;
	case ACT_SAVE:
		save(ui);
		return 1;
	case ACT_CANCEL:
		if (dirty())
			ui_ask(ui, discard_answer, ed.day, "Throw away your changes to day %d?", ed.day);
		else
			ui_pop(ui);
		return 1;
	case ACT_QUIT:
		if (!dirty())
			return 0;
		ui_ask(ui, quit_answer, ed.day, "Quit without saving your changes to day %d?", ed.day);
		return 1;
	default:
		return 0;
	}
	preview_update(ui);
	return 1;
}

static void day_text(struct ui *ui, int key)
{
	if (ed.focus != F_NOTE) {
		if (key > ' ')
			ui_error(ui, "0-3 rate, Space ticks a sign, n goes to the note, ? lists every key.");
		return;
	}
	if (key < 0x20 || key == 0x7F)
		return;
	if (ui_edit_insert(&ed.note, (unsigned)key) != 0)
		ui_error(ui, "The note is full (%d bytes).", HG_NOTE_MAX);
}

static int day_busy(struct ui *ui)
{
	(void)ui;
	return dirty();
}

static unsigned day_context(struct ui *ui)
{
	(void)ui;
	return UI_K_DAY | (ed.focus == F_NOTE ? UI_K_TEXT : UI_K_RATE);
}

const struct screen_ops ui_day_screen = {
	.name = "day editor",
	.open = day_open,
	.draw = day_draw,
	.context = day_context,
	.act = day_act,
	.text = day_text,
	.busy = day_busy,
	.close = day_close,
};
