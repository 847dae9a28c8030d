/* ui_day.c — the day editor: the emergency signs first (under the line
 * that says when to call emergency services), the four ratings, the
 * temperature and the care items, the other warning signs, the photos
 * and the note.  Built for the six-key check-in: focus starts on redness,
 * a digit rates and moves on, Enter saves from anywhere.  Below the form
 * a preview lists, live, every rule the day as edited matches.  The form
 * scrolls when it is taller than the terminal.  Nothing is written until
 * Enter, except photos (attached to the day at once).  Saving a day that
 * matches an emergency or urgent rule shows the advice in a box that
 * stays until dismissed. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "healgrid/date.h"
#include "healgrid/record.h"
#include "healgrid/ui_core.h"
#include "healgrid/ui_edit.h"
#include "healgrid/ui_handoff.h"
#include "healgrid/ui_note.h"

/* The fields, in focus order. */
enum {
	F_EMERG = 0,                         /* 0..5: the emergency signs */
	F_RATING = 6,                        /* 6..9: the four symptoms */
	F_SIGN = F_RATING + HG_SYMPTOM_COUNT, /* 10..21: the other signs */
	F_TEMP = F_SIGN + 12,
	F_CARE,                              /* 23..26 */
	F_PHOTOS = F_CARE + HG_CARE_COUNT,   /* the photos row: a attaches */
	F_NOTE,
	F_PREVIEW,                           /* the preview: up and down scroll it */
	F_COUNT
};

enum { N_EMERG = F_RATING - F_EMERG, N_OTHER = F_TEMP - F_SIGN };

enum { TEMP_TEXT_MAX = 12, PATH_MAX_BYTES = 4096, PREVIEW_MIN = 2 };

/* The signs in the order of the form, row by row (three columns at 80,
 * two from 50, else one).  Beside each tick box a short label; the line
 * under the emergency block gives the focused sign's whole meaning. */
static const enum hg_sign emerg_signs[N_EMERG] = {
	HG_SIGN_AIRWAY, HG_SIGN_LIPS, HG_SIGN_EYE,
	HG_SIGN_UNWELL, HG_SIGN_NUMB_MOUTH, HG_SIGN_NONSTOP_BLEEDING
};
static const char *const emerg_labels[N_EMERG] = {
	"breathing or throat", "swollen lips or face", "eye pain or vision",
	"very unwell", "numb mouth, twitching", "bleeding won't stop"
};
static const enum hg_sign other_signs[N_OTHER] = {
	HG_SIGN_WARMTH, HG_SIGN_PUS, HG_SIGN_CRUSTING,
	HG_SIGN_SPREADING, HG_SIGN_PAIN, HG_SIGN_FEVER,
	HG_SIGN_BLISTERS, HG_SIGN_RASH, HG_SIGN_DARK_PATCHES,
	HG_SIGN_LIGHT_PATCHES, HG_SIGN_BUMPS, HG_SIGN_LINES,
};
static const char *const other_labels[N_OTHER] = {
	"skin hot to touch", "pus or cloudy ooze", "yellow/honey crusts",
	"redness spreading", "pain getting worse", "fever, 38.0 C or more",
	"clustered blisters", "itchy rash or hives", "darker patches",
	"lighter patches", "firm bumps, nodules", "lines or track marks",
};
static const char *const symptom_labels[HG_SYMPTOM_COUNT] = {
	"Redness", "Swelling", "Bruising", "Bleeding"
};
static const char *const emergency_line =
	"Call emergency services for trouble breathing, a swollen tongue or throat, eye pain "
	"or changed vision, feeling very unwell, a numb mouth with twitching, or bleeding "
	"that will not stop.";

/* Where a field sits in the form: its row (0 = the form's first) and
 * its columns. */
struct place {
	int row, x, w;
};

static struct {
	int open;
	int day;
	int existed;
	int rating[HG_SYMPTOM_COUNT], orig_rating[HG_SYMPTOM_COUNT];
	unsigned signs, orig_signs;
	unsigned care, orig_care;
	struct ui_edit temp;
	char orig_temp[TEMP_TEXT_MAX];
	struct ui_edit note;
	char *orig_note;
	int focus;
	int scroll;              /* first form row shown */
	int pscroll;             /* first preview line shown */
	int box_scroll;          /* first advice box line shown */
	int photos;              /* photos attached to the day */
	struct hg_day dayv;      /* what the day as edited shows */
	struct hg_day_flag *matches; /* dayv's flags */
	size_t nmatches;
	/* `a`: the path prompt. */
	int prompting;
	struct ui_edit path;
	/* After saving: the advice box, until Enter or Esc. */
	int boxed;
	char *box;
	enum hg_level box_level;
	char saved[160];         /* what the message line says once it is gone */
	/* Layout, computed for the terminal's width on every draw. */
	struct place at[F_COUNT];
	int rows;                /* form rows */
	int first_lines;         /* lines the first match wraps to */
	int plines;              /* lines of the whole preview */
	int row_emerg_text, row_photos, row_note, row_signs_head, row_meaning;
} ed;

static int temp_value(int *out)
{
	const char *why;
	const char *s = ui_edit_text(&ed.temp);

	*out = HG_TEMP_NONE;
	if (!*s)
		return 0;
	return model_parse_temp(s, out, &why);
}

static int dirty(void)
{
	if (!ed.open || ed.boxed)
		return 0;
	return memcmp(ed.rating, ed.orig_rating, sizeof ed.rating) != 0 ||
		ed.signs != ed.orig_signs || ed.care != ed.orig_care ||
		strcmp(ui_edit_text(&ed.temp), ed.orig_temp) != 0 ||
		strcmp(ui_edit_text(&ed.note), ed.orig_note) != 0;
}

static void edited_checkin(const struct ui *ui, struct hg_checkin *c)
{
	int t;

	model_checkin_init(c);
	c->treatment_id = ui->rec.t.id;
	c->day = ed.day;
	memcpy(c->rating, ed.rating, sizeof c->rating);
	c->signs = ed.signs;
	c->temp = temp_value(&t) == 0 ? t : HG_TEMP_NONE;
	c->care = ed.care;
	c->note = xstrdup(ui_edit_text(&ed.note));    /* owned: free with model_checkin_free */
}

/* Every rule the treatment, with this day as it stands in the editor,
 * matches on this day. */
static void preview_update(const struct ui *ui)
{
	struct hg_recovery r = ui->rec;
	struct hg_checkin *days = xcalloc(ui->rec.ndays + 1, sizeof *days);
	size_t n = 0, i = 0;
	struct hg_checkin mine;

	edited_checkin(ui, &mine);
	mine.signs_assessed = mine.care_assessed = 1;   /* saving assesses both */
	for (; i < ui->rec.ndays && ui->rec.days[i].day < ed.day; i++)
		days[n++] = ui->rec.days[i];
	if (!model_checkin_is_empty(&mine))
		days[n++] = mine;
	if (i < ui->rec.ndays && ui->rec.days[i].day == ed.day)
		i++;
	for (; i < ui->rec.ndays; i++)
		days[n++] = ui->rec.days[i];
	r.days = days;
	r.ndays = n;
	rules_day_free(&ed.dayv);
	if (rules_day(&r, ui->actions, ui->nactions, ed.day, &ed.dayv) != HG_OK)
		hg_error_clear();
	ed.matches = ed.dayv.flags;
	ed.nmatches = ed.dayv.nflags;
	free(days);
	model_checkin_free(&mine);
}

static void count_photos(struct ui *ui)
{
	ed.photos = 0;
	if (db_photo_count(ui->db, ui->rec.t.id, ed.day, &ed.photos) != HG_OK) {
		hg_error_clear();
		ed.photos = 0;
	}
}

static int day_open(struct ui *ui, int64_t day)
{
	const struct hg_checkin *c;
	char t[TEMP_TEXT_MAX] = "";

	/* Past the window too (the six-week follow-up): saving widens it. */
	if (!ui->have || day < 0 || day > HG_WINDOW_MAX - 1)
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
	ed.care = ed.orig_care = c ? c->care : 0;
	if (c && c->temp != HG_TEMP_NONE)
		model_format_temp(c->temp, t, sizeof t);
	ui_edit_init(&ed.temp, t, TEMP_TEXT_MAX - 1);
	snprintf(ed.orig_temp, sizeof ed.orig_temp, "%s", t);
	ui_edit_init(&ed.note, c && c->note ? c->note : "", HG_NOTE_MAX);
	ed.orig_note = xstrdup(ui_edit_text(&ed.note));
	ui_edit_init(&ed.path, "", PATH_MAX_BYTES);
	ed.focus = F_RATING;
	count_photos(ui);
	preview_update(ui);
	return 0;
}

static void day_close(struct ui *ui)
{
	(void)ui;
	if (!ed.open)
		return;
	ui_edit_free(&ed.temp);
	ui_edit_free(&ed.note);
	ui_edit_free(&ed.path);
	free(ed.orig_note);
	free(ed.box);
	rules_day_free(&ed.dayv);
	ed.matches = NULL;
	ed.nmatches = 0;
	memset(&ed, 0, sizeof ed);
}

/* ---- layout ---- */

static int wrap_match(const struct ui *ui, size_t i, struct strbuf *sb);
static size_t preview_count(void);

static int is_text(int f)
{
	return f == F_TEMP || f == F_NOTE;
}

static int is_sign(int f)
{
	return f < F_RATING || (f >= F_SIGN && f < F_TEMP);
}

/* The sign of tick box f (is_sign(f)); HG_SIGN_COUNT for any other field. */
static enum hg_sign sign_of(int f)
{
	if (f >= F_EMERG && f < F_RATING)
		return emerg_signs[f - F_EMERG];
	if (f >= F_SIGN && f < F_TEMP)
		return other_signs[f - F_SIGN];
	return HG_SIGN_COUNT;
}

/* n tick boxes from field f0 on, row by row in as many columns as fit;
 * returns the row after them. */
static int layout_ticks(int f0, int n, int row)
{
	int cols = COLS >= 78 ? 3 : COLS >= 50 ? 2 : 1, cw = (COLS - 2) / cols;

	for (int i = 0; i < n; i++) {
		ed.at[f0 + i].row = row + i / cols;
		ed.at[f0 + i].x = 2 + i % cols * cw;
		ed.at[f0 + i].w = cols > 1 ? cw - 1 : COLS - 3;
	}
	return row + (n + cols - 1) / cols;
}

/* Rows for the meaning of the focused sign (the emergency signs' under
 * their block, the others' in their heading): as many as the longest
 * meaning of that block wraps to, at most two. */
static int meaning_rows_of(int emergency)
{
	int rows = 1;

	for (int i = 0; i < (emergency ? N_EMERG : N_OTHER); i++) {
		enum hg_sign sg = emergency ? emerg_signs[i] : other_signs[i];

		if (hg_utf8_width(model_sign_label(sg)) > COLS - 3)
			rows = 2;
	}
	return rows;
}

static int meaning_rows(void)
{
	return meaning_rows_of(ed.focus < F_RATING);
}

static void layout(const struct ui *ui)
{
	int row = 0;
	char *lines[8];
	size_t n = ui_wrap(emergency_line, COLS - 2, lines, 8);

	for (size_t i = 0; i < n && i < 8; i++)
		free(lines[i]);
	(void)ui;
	ed.row_emerg_text = row;
	row += (int)(n < 8 ? n : 8);
	row = layout_ticks(F_EMERG, N_EMERG, row);
	ed.row_meaning = row;
	row += meaning_rows_of(1);
	for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
		ed.at[F_RATING + s].row = row++;
		ed.at[F_RATING + s].x = 2;
		ed.at[F_RATING + s].w = COLS - 3;
	}
	ed.row_signs_head = row;
	row += meaning_rows_of(0);
	row = layout_ticks(F_SIGN, N_OTHER, row);
	ed.at[F_TEMP].row = row;
	ed.at[F_TEMP].x = 15;
	ed.at[F_TEMP].w = 7;
	{
		/* Care on the temperature's row when it fits, else the next. */
		int x = COLS >= 80 ? 32 : 8, crow = COLS >= 80 ? row : row + 1;
		for (int c = 0; c < HG_CARE_COUNT; c++) {
			int w = 4 + hg_utf8_width(model_care_name(c));

			if (x + w > COLS - 1 && x > 8) {
				crow++;
				x = 8;
			}
			ed.at[F_CARE + c].row = crow;
			ed.at[F_CARE + c].x = x;
			ed.at[F_CARE + c].w = w;
			x += w + 1;
		}
		row = crow + 1;
	}
	ed.row_photos = row++;
	ed.at[F_PHOTOS].row = ed.row_photos;
	ed.at[F_PHOTOS].x = 2;
	ed.at[F_PHOTOS].w = COLS - 3;
	ed.row_note = row++;
	ed.at[F_NOTE].row = ed.row_note;
	ed.at[F_NOTE].x = 8;
	ed.at[F_NOTE].w = COLS - 9;
	ed.rows = row;
	ed.at[F_PREVIEW].row = row;
	ed.at[F_PREVIEW].x = 2;
	ed.at[F_PREVIEW].w = COLS - 3;
	ed.first_lines = 0;
	ed.plines = 0;
	for (size_t i = 0; i < preview_count(); i++) {
		struct strbuf sb = STRBUF_INIT;
		int nl = wrap_match(ui, i, &sb);

		if (i == 0)
			ed.first_lines = nl;
		ed.plines += nl;
		sb_free(&sb);
	}
}

/* Screen rows for the form: from row 2 to the preview. */
static int form_top(void)
{
	return 1;       /* over the title's rule: every row counts at 80x24 */
}

/* Rows of the preview: what the form leaves, at least the first entry's
 * lines up to a third of the body; focused, all it needs but two rows of
 * the form. */
static int preview_rows(void)
{
	int body = ui_body_rows() - form_top();
	int left = body - ed.rows, want = ed.first_lines > PREVIEW_MIN ? ed.first_lines : PREVIEW_MIN;

	if (ed.focus == F_PREVIEW) {
		int need = ed.plines > 1 ? ed.plines : 1;

		want = need < body - 2 ? need : body - 2;
		return want > left ? want : left;
	}
	if (want > body / 3)
		want = body / 3 > PREVIEW_MIN ? body / 3 : PREVIEW_MIN;
	if (left >= want)
		return left;
	return body > want + 3 ? want : 1;
}

static int form_rows(void)
{
	int n = ui_body_rows() - form_top() - preview_rows();

	return n > 1 ? n : 1;
}

/* Scroll so the focused field (and, at the top, the emergency line) shows. */
static void scroll_to_focus(void)
{
	int r = ed.at[ed.focus].row, h = form_rows(), bottom = r;

	/* The first row of emergency signs shows the line above them; an
	 * emergency sign shows its meaning under the block. */
	if (ed.focus < F_RATING && r == ed.at[F_EMERG].row)
		r = 0;
	if (ed.focus < F_RATING)
		bottom = ed.row_meaning;
	if (bottom - r >= h)
		bottom = ed.at[ed.focus].row;
	if (r < ed.scroll)
		ed.scroll = r;
	if (bottom >= ed.scroll + h)
		ed.scroll = bottom - h + 1;
	if (ed.scroll > ed.rows - h)
		ed.scroll = ed.rows - h > 0 ? ed.rows - h : 0;
	if (ed.scroll < 0)
		ed.scroll = 0;
}

/* The screen row of form row r, or -1 when scrolled out. */
static int screen_row(int r)
{
	if (r < ed.scroll || r >= ed.scroll + form_rows())
		return -1;
	return form_top() + r - ed.scroll;
}

/* ---- drawing ---- */

static attr_t focus_attr(int f)
{
	return ed.focus == f && !ed.prompting ? A_REVERSE : A_NORMAL;
}

static void draw_tick(struct ui *ui, int f, int on, const char *label)
{
	int y = screen_row(ed.at[f].row);

	if (y < 0)
		return;
	ui_putf(ui, y, ed.at[f].x, ed.at[f].w, focus_attr(f) | (on ? A_BOLD : A_NORMAL), "[%s] %s",
		on ? "x" : " ", label);
}

/* The focused sign's name and one-line meaning, wrapped into the rows
 * kept for it from form row r, or (r < 0) over the form's bottom rows (its
 * top rows when the focus is at the bottom); the name is left out when
 * that fits better. */
static void draw_meaning(struct ui *ui, int r)
{
	enum hg_sign sg = sign_of(ed.focus);
	struct strbuf sb = STRBUF_INIT;
	char *lines[4];
	size_t n;

	sb_printf(&sb, "%s: %s", model_sign_name(sg), model_sign_label(sg));
	n = ui_wrap(sb_str(&sb), COLS - 3, lines, 4);
	if ((int)n > meaning_rows()) {
		for (size_t i = 0; i < n; i++)
			free(lines[i]);
		n = ui_wrap(model_sign_label(sg), COLS - 3, lines, 4);
	}
	int over = form_top() + form_rows() - meaning_rows();

	if (screen_row(ed.at[ed.focus].row) >= over)
		over = form_top();
	for (int i = 0; i < meaning_rows(); i++) {
		int y = r < 0 ? over + i : screen_row(r + i);

		if (y < 0)
			continue;
		mvhline(y, 0, ' ', COLS);
		if (i < (int)n)
			ui_put(ui, y, 2, COLS - 3, A_BOLD, lines[i]);
	}
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	sb_free(&sb);
}

static void draw_rating(struct ui *ui, int s)
{
	static const char *const words[HG_RATING_MAX + 1] = { "none", "mild", "moderate", "severe" };
	static const char *const short_words[HG_RATING_MAX + 1] = { "", "", "", "" };
	int f = F_RATING + s, focused = ed.focus == f && !ed.prompting, x = 14;
	int y = screen_row(ed.at[f].row), wide = COLS >= 66;

	if (y < 0)
		return;
	ui_put(ui, y, 2, 10, focused ? A_REVERSE | A_BOLD : A_NORMAL, symptom_labels[s]);
	for (int v = 0; v <= HG_RATING_MAX; v++) {
		int sel = ed.rating[s] == v;
		attr_t a = sel ? A_BOLD | ui_rating_attr(ui, v) | (focused ? A_REVERSE : A_NORMAL)
			: A_NORMAL;

		if (x >= COLS - 1)
			break;
		x += ui_putf(ui, y, x, COLS - 1 - x, a, "[%s%d%s%s%s]",
			     sel ? ui_glyph(ui, UI_G_SEL_L) : " ", v, wide ? " " : "",
			     wide ? words[v] : short_words[v], sel ? ui_glyph(ui, UI_G_SEL_R) : " ");
		x++;
	}
	if (ed.rating[s] == HG_UNRATED && x < COLS - 2)
		ui_put(ui, y, x + 1, COLS - x - 2, focused ? A_BOLD : A_DIM, "not rated");
	else if (!wide && x < COLS - 2)
		ui_put(ui, y, x + 1, COLS - x - 2, A_DIM, words[ed.rating[s]]);
}

static void draw_form(struct ui *ui)
{
	char *lines[8];
	size_t n = ui_wrap(emergency_line, COLS - 2, lines, 8);
	int y;

	for (size_t i = 0; i < n && i < 8; i++) {
		y = screen_row(ed.row_emerg_text + (int)i);
		if (y >= 0)
			ui_put(ui, y, 1, COLS - 2, A_BOLD | ui_level_attr(ui, HG_LEVEL_EMERGENCY),
			       lines[i]);
		free(lines[i]);
	}
	for (int i = 0; i < N_EMERG; i++)
		draw_tick(ui, F_EMERG + i, (ed.signs & HG_BIT(emerg_signs[i])) != 0, emerg_labels[i]);
	y = screen_row(ed.row_meaning);
	if (ed.focus < F_RATING)
		draw_meaning(ui, ed.row_meaning);
	else if (y >= 0)
		ui_put(ui, y, 2, COLS - 3, A_DIM, "Space ticks; the meaning shows here");
	for (int s = 0; s < HG_SYMPTOM_COUNT; s++)
		draw_rating(ui, s);
	y = screen_row(ed.at[F_TEMP].row);
	if (y >= 0) {
		int t;
		ui_put(ui, y, 2, 12, ed.focus == F_TEMP && !ed.prompting ? A_REVERSE | A_BOLD
		       : A_NORMAL, "Temperature");
		ui_put(ui, y, 14, 1, A_NORMAL, "[");
		ui_put(ui, y, 22, 6, A_NORMAL, "]");
		ui_put(ui, y, 24, 5, A_NORMAL, ui->utf8 ? "\xc2\xb0" "C" : "C");
		if (temp_value(&t) != 0)
			ui_put(ui, y, 27, 4, A_BOLD | ui_pair(ui, UI_PAIR_ERROR), " ?");
	}
	y = screen_row(ed.at[F_CARE].row);
	if (y >= 0)
		ui_put(ui, y, ed.at[F_CARE].x - 5, 4, A_NORMAL, "Care");
	for (int c = 0; c < HG_CARE_COUNT; c++)
		draw_tick(ui, F_CARE + c, (ed.care & HG_BIT(c)) != 0, model_care_name(c));
	y = screen_row(ed.row_signs_head);
	if (ed.focus >= F_SIGN && ed.focus < F_TEMP)
		draw_meaning(ui, ed.row_signs_head);
	else if (y >= 0)
		ui_put(ui, y, 2, COLS - 3, A_NORMAL, "Warning signs (space to tick)");
	for (int i = 0; i < N_OTHER; i++)
		draw_tick(ui, F_SIGN + i, (ed.signs & HG_BIT(other_signs[i])) != 0, other_labels[i]);
	/* The meaning's row scrolled out (a small terminal): over the form. */
	if (is_sign(ed.focus) && !ed.prompting &&
	    screen_row(ed.focus < F_RATING ? ed.row_meaning : ed.row_signs_head) < 0) {
		draw_meaning(ui, -1);
	}
	y = screen_row(ed.row_photos);
	if (y >= 0) {
		int focused = ed.focus == F_PHOTOS && !ed.prompting;

		ui_put(ui, y, 2, 6, focused ? A_REVERSE | A_BOLD : A_NORMAL, "Photos");
		ui_putf(ui, y, 8, COLS - 9, A_NORMAL, "  %d attached   a attach   o open   i show",
			ed.photos);
	}
	y = screen_row(ed.row_note);
	if (y >= 0) {
		int focused = ed.focus == F_NOTE && !ed.prompting;
		char count[32];
		const char *hint = "v view  E edit in $EDITOR";
		int hw;

		/* Focused, the field shows the bytes used instead of the hint. */
		if (focused) {
			snprintf(count, sizeof count, "%zu/%d", ed.note.text.len, HG_NOTE_MAX);
			hint = count;
		}
		hw = COLS >= 60 || focused ? hg_utf8_width(hint) + 2 : 0;

		ui_put(ui, y, 2, 5, focused ? A_REVERSE | A_BOLD : A_NORMAL, "Note");
		if (hw)
			ui_put_right(ui, y, COLS - 1, A_DIM, hint);
		/* The temperature field places the cursor when focused; the
		 * note's is drawn after it. */
		ui_edit_draw(ui, &ed.note, y, 8, COLS - 9 - hw, focused);
	}
	y = screen_row(ed.at[F_TEMP].row);
	if (y >= 0)
		ui_edit_draw(ui, &ed.temp, y, 15, 7, ed.focus == F_TEMP && !ed.prompting);
}

/* Lines of the preview: each flag of the day, then the noted signs. */
static size_t preview_count(void)
{
	return ed.nmatches + (ed.dayv.noted != 0);
}

/* Preview entry i wrapped whole into sb, its lines apart by '\n' (the
 * screen's last column left for the scroll marks); returns its lines.  An alert says what it is and the advice; a flag the day only
 * belongs to says its status and the day's findings, quietly. */
static int wrap_match(const struct ui *ui, size_t i, struct strbuf *sb)
{
	struct hg_wrap w;
	struct strbuf head = STRBUF_INIT;
	char *clean;
	int nl = 1, width = COLS - 2;

	if (i >= ed.nmatches) {
		char names[256];

		model_format_signs(ed.dayv.noted, ',', names, sizeof names);
		for (char *p = names; *p; p++)
			if (*p == ',')
				*p = ' ';
		sb_printf(&head, "noted: %s.", names);
		clean = xstrdup(rules_noted_advice());
	} else {
		const struct hg_day_flag *m = &ed.matches[i];

		sb_printf(&head, "%s %s", ui_level_symbol(ui, m->level), m->id);
		if (m->alert)
			sb_printf(&head, " (%s)", rules_alert_name(m->alert));
		if (m->status == HG_STATUS_IN_CARE && m->care) {
			char d[HG_DATE_LEN];

			date_format(m->care->date, d);
			sb_printf(&head, "%sin care since %s", ui_glyph(ui, UI_G_SEP), d + 5);
		} else {
			sb_printf(&head, "%s%s", ui_glyph(ui, UI_G_SEP), rules_status_name(m->status));
		}
		sb_puts(&head, ":");
		for (size_t k = 0; k < m->nfindings; k++)
			sb_printf(&head, "%s%s", k ? ", " : " ", m->findings[k]);
		if (m->nfindings)
			sb_puts(&head, m->alert ? "." : "");
		clean = m->alert ? hg_sanitize(m->message) : xstrdup("");
	}
	hg_wrap_start(&w, sb, width > 10 ? width : 10, 4);
	hg_wrap_words(&w, sb_str(&head), head.len);
	hg_wrap_words(&w, clean, strlen(clean));
	sb_free(&head);
	free(clean);
	for (const char *p = sb_str(sb); *p; p++)
		nl += *p == '\n';
	return nl;
}

/* The preview's lines from ed.pscroll on, every entry wrapped whole.  When
 * it does not fit, the last column says more is above or below; unfocused,
 * its last row says how to read on (the focus goes down into it). */
static void draw_preview(struct ui *ui)
{
	int top = form_top() + form_rows(), rows = preview_rows(), line = 0, used = 0;
	int focused = ed.focus == F_PREVIEW && !ed.prompting, more, room = rows;

	if (preview_count() == 0) {
		ui_put(ui, top, 1, COLS - 2, focused ? A_REVERSE : A_DIM, "No warning from this day.");
		return;
	}
	if (ed.pscroll > ed.plines - rows)
		ed.pscroll = ed.plines - rows > 0 ? ed.plines - rows : 0;
	if (!focused && ed.plines > rows && rows > 1)
		room = rows - 1;        /* the last row tells how to read on */
	for (size_t i = 0; i < preview_count() && used < room; i++) {
		attr_t attr = i < ed.nmatches ? ui_level_attr(ui, ed.matches[i].level) : A_NORMAL;
		struct strbuf sb = STRBUF_INIT;
		const char *p;

		wrap_match(ui, i, &sb);
		for (p = sb_str(&sb); *p && used < room; line++) {
			size_t len = strcspn(p, "\n");

			if (line >= ed.pscroll) {
				char *text = xmalloc(len + 1);

				memcpy(text, p, len);
				text[len] = '\0';
				ui_put(ui, top + used++, 1, COLS - 2, attr, text);
				free(text);
			}
			p += len + (p[len] == '\n');
		}
		sb_free(&sb);
	}
	more = ed.plines - ed.pscroll - used;
	if (ed.pscroll > 0)
		ui_put(ui, top, COLS - 1, 1, A_BOLD, ui_glyph(ui, UI_G_UP));
	if (more > 0 && room == rows)
		ui_put(ui, top + rows - 1, COLS - 1, 1, A_BOLD, ui_glyph(ui, UI_G_DOWN));
	else if (more > 0)
		ui_putf(ui, top + rows - 1, 1, COLS - 2, A_DIM, "%s %d more line%s: Tab down to read",
			ui_glyph(ui, UI_G_DOWN), more, more == 1 ? "" : "s");
}

static void draw_prompt(struct ui *ui)
{
	int y = ui_body_rows() - 1;
	const char *label = "Attach photo (path): ";
	int lw = hg_utf8_width(label);

	mvhline(y, 0, ' ', COLS);
	ui_put(ui, y, 1, lw, A_BOLD, label);
	ui_edit_draw(ui, &ed.path, y, 1 + lw, COLS - 2 - lw, 1);
}

/* The advice box, scrolled by ed.box_scroll when it does not fit. */
static void draw_box(struct ui *ui)
{
	enum { BOX_LINES = 128 };
	char **lines = xcalloc(BOX_LINES, sizeof *lines);
	int x = COLS >= 60 ? 4 : 1, w = COLS - 2 * x;
	int n = (int)ui_wrap(ed.box, w - 4, lines, BOX_LINES), shown = n, h, y;

	if (shown > ui_body_rows() - 4)
		shown = ui_body_rows() - 4;
	if (shown < 1)
		shown = 1;
	if (ed.box_scroll > n - shown)
		ed.box_scroll = n - shown;
	if (ed.box_scroll < 0)
		ed.box_scroll = 0;
	h = shown + 4;
	y = (ui_body_rows() - h) / 2;
	if (y < 0)
		y = 0;
	ui_box(y, x, h, w);
	for (int i = 0; i < shown && ed.box_scroll + i < n; i++)
		ui_put(ui, y + 1 + i, x + 2, w - 4, A_BOLD | ui_level_attr(ui, ed.box_level),
		       lines[ed.box_scroll + i]);
	if (ed.box_scroll > 0)
		ui_put(ui, y + 1, x + w - 2, 1, A_BOLD, ui_glyph(ui, UI_G_UP));
	if (ed.box_scroll + shown < n)
		ui_put(ui, y + shown, x + w - 2, 1, A_BOLD, ui_glyph(ui, UI_G_DOWN));
	ui_put(ui, y + h - 2, x + 2, w - 4, A_NORMAL, ed.box_scroll + shown < n
	       ? "more below: Down reads on; Enter or Esc: I have read this"
	       : "Enter or Esc: I have read this");
	for (int i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

static void day_draw(struct ui *ui)
{
	struct strbuf left = STRBUF_INIT;
	const char *sep = ui_glyph(ui, UI_G_SEP);
	int when = ui->rec.t.date + ed.day, ago = ui->today - when;
	char date[HG_DATE_LEN], right[32];
	static const char *const weekdays[7] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

	layout(ui);
	scroll_to_focus();
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
	mvhline(1, 0, ' ', COLS);
	draw_preview(ui);
	draw_form(ui);
	/* More of the form above or below: "more" where there is room. */
	if (ed.scroll > 0)
		ui_putf(ui, form_top(), COLS >= 60 ? COLS - 7 : COLS - 1, 7, A_BOLD,
			COLS >= 60 ? " %s more" : "%s", ui_glyph(ui, UI_G_UP));
	if (ed.scroll + form_rows() < ed.rows)
		ui_putf(ui, form_top() + form_rows() - 1, COLS >= 60 ? COLS - 7 : COLS - 1, 7,
			A_BOLD, COLS >= 60 ? " %s more" : "%s", ui_glyph(ui, UI_G_DOWN));
	if (ed.prompting)
		draw_prompt(ui);
	if (ed.boxed) {
		ui->show_cursor = 0;
		draw_box(ui);
	}
}

/* ---- moving between fields ---- */

static int focus_vertical(int f, int dir)
{
	int row = ed.at[f].row, x = ed.at[f].x, best = -1, best_row = 0, best_dx = 0;

	for (int g = 0; g < F_COUNT; g++) {
		int r = ed.at[g].row, dx = abs(ed.at[g].x - x);

		if (dir > 0 ? r <= row : r >= row)
			continue;
		if (best < 0 || (dir > 0 ? r < best_row : r > best_row) ||
		    (r == best_row && dx < best_dx)) {
			best = g;
			best_row = r;
			best_dx = dx;
		}
	}
	return best < 0 ? f : best;
}

static int focus_horizontal(int f, int dir)
{
	int g = f + dir;

	if (g >= 0 && g < F_COUNT && ed.at[g].row == ed.at[f].row)
		return g;
	return f;
}

/* ---- actions ---- */

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

/* The advice for the alerts of urgent or emergency flags that this save
 * makes (a new, worse or back that the day as stored did not show), the
 * most serious first: an emergency flag gives one paragraph per urgent or
 * emergency finding of the day (each its own message, first aid
 * included), any other flag one paragraph.  NULL when there is none: a
 * day of a flag in care, or a day saved again, shows no box. */
static char *serious_advice(const struct ui *ui, const struct hg_day *before,
			    enum hg_level *level)
{
	struct strbuf sb = STRBUF_INIT;

	*level = HG_LEVEL_WATCH;
	for (size_t i = 0; i < ed.nmatches; i++) {
		const struct hg_day_flag *m = &ed.matches[i];
		int had = 0, paragraphs = 0;

		if (m->level > HG_LEVEL_URGENT || m->alert == HG_ALERT_NONE)
			continue;
		for (size_t k = 0; k < before->nflags && !had; k++)
			had = strcmp(before->flags[k].id, m->id) == 0 &&
				before->flags[k].alert == m->alert &&
				before->flags[k].level <= m->level;
		if (had)
			continue;
		if (m->level < *level)
			*level = m->level;
		/* emergency findings first, then urgent ones (a back flag's
		 * message says what came back after what was done: kept whole) */
		for (int lv = HG_LEVEL_EMERGENCY; lv <= HG_LEVEL_URGENT; lv++)
			for (size_t k = 0; k < m->nfindings; k++) {
				if (m->level != HG_LEVEL_EMERGENCY || m->alert == HG_ALERT_BACK ||
				    (int)m->finding_levels[k] != lv)
					continue;
				if (sb.len)
					sb_puts(&sb, "\n\n");
				sb_printf(&sb, "%s %s, %s (%s), %s: %s", ui_level_symbol(ui, lv),
					  rules_level_name((enum hg_level)lv), m->id,
					  rules_alert_name(m->alert), m->findings[k],
					  m->finding_messages[k]);
				paragraphs++;
			}
		if (paragraphs)
			continue;
		if (sb.len)
			sb_puts(&sb, "\n\n");
		sb_printf(&sb, "%s %s, %s (%s): %s", ui_level_symbol(ui, m->level),
			  rules_level_name(m->level), m->id, rules_alert_name(m->alert), m->message);
	}
	if (!sb.len) {
		sb_free(&sb);
		return NULL;
	}
	return sb_detach(&sb);
}

static void save(struct ui *ui)
{
	struct record_result res;
	struct hg_checkin c;
	int day = ed.day, rc = HG_OK, t;
	const char *why;
	char *advice;
	enum hg_level level;
	struct hg_day before;

	if (!dirty()) {
		ui_pop(ui);
		ui_message(ui, "Day %d unchanged.", day);
		return;
	}
	if (*ui_edit_text(&ed.temp) && model_parse_temp(ui_edit_text(&ed.temp), &t, &why) != 0) {
		ed.focus = F_TEMP;
		ui_error(ui, "Temperature: %s", why);
		return;
	}
	/* What the day showed as stored, to tell the alerts this save makes. */
	memset(&before, 0, sizeof before);
	if (rules_day(&ui->rec, ui->actions, ui->nactions, day, &before) != HG_OK)
		hg_error_clear();
	edited_checkin(ui, &c);
	c.signs_assessed = c.care_assessed = 1;   /* saving assesses both */
	rc = record_checkin_save(ui->db, &c, NULL, 0, ui->today, &res);
	model_checkin_free(&c);
	if (rc != HG_OK) {
		/* Stay in the editor with the edits: nothing is lost. */
		rules_day_free(&before);
		ui_db_error(ui);
		return;
	}
	{
		size_t n = ed.nmatches, len;

		/* the widening first: the flag's line may be cut at the edge */
		snprintf(ed.saved, sizeof ed.saved, "Saved day %d.", day);
		len = strlen(ed.saved);
		if (res.widened_from)
			snprintf(ed.saved + len, sizeof ed.saved - len, " The window widened from"
				 " %d to %d days.", res.widened_from, res.window);
		len = strlen(ed.saved);
		if (n)
			snprintf(ed.saved + len, sizeof ed.saved - len, " %s %s%s: f shows what to do.",
				 ui_level_symbol(ui, ed.matches[0].level), ed.matches[0].id,
				 n > 1 ? " and more" : "");
	}
	advice = serious_advice(ui, &before, &level);
	rules_day_free(&before);
	if (!advice) {
		char msg[sizeof ed.saved];

		memcpy(msg, ed.saved, sizeof msg);
		ui_pop(ui);
		if (ui_reload(ui) == HG_OK)
			ui_message(ui, "%s", msg);
		return;
	}
	/* Serious: the advice stays on screen until dismissed. */
	ed.boxed = 1;
	ed.box = advice;
	ed.box_level = level;
	if (ui_reload(ui) != HG_OK)
		return;
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

static void attach(struct ui *ui)
{
	const char *p = ui_edit_text(&ed.path);
	struct strbuf path = STRBUF_INIT;
	struct record_result res;
	char *paths[1];
	int rc;

	if (!*p) {
		ed.prompting = 0;
		return;
	}
	if (p[0] == '~' && p[1] == '/' && getenv("HOME"))
		sb_printf(&path, "%s%s", getenv("HOME"), p + 1);
	else
		sb_puts(&path, p);
	paths[0] = path.s;
	/* The day's check-in as stored stays (the edits stay in the editor). */
	rc = record_photo_attach(ui->db, ui->rec.t.id, ed.day, paths, 1, &res);
	sb_free(&path);
	if (rc != HG_OK) {
		ui_db_error(ui);
		return;
	}
	ed.prompting = 0;
	ui_edit_set(&ed.path, "");
	count_photos(ui);
	ed.existed = 1;
	ui_reload(ui);
	if (res.widened_from)
		ui_message(ui, "Photo attached to day %d (%d in all). The window widened from %d to"
			   " %d days.", ed.day, ed.photos, res.widened_from, res.window);
	else
		ui_message(ui, "Photo attached to day %d (%d in all).", ed.day, ed.photos);
}

/* E, v, a and o, outside a text field. */
static void outside_key(struct ui *ui, enum ui_action act)
{
	struct strbuf text = STRBUF_INIT;
	char title[64];

	switch (act) {
	case ACT_NOTE_EDITOR:
		if (ui_handoff_note(ui, ui_edit_text(&ed.note), &text))
			ui_edit_set(&ed.note, sb_str(&text));
		sb_free(&text);
		preview_update(ui);
		break;
	case ACT_PHOTO_ATTACH:
		ed.prompting = 1;
		ui_edit_set(&ed.path, "");
		break;
	case ACT_PHOTO_OPEN:
		ui_handoff_photos(ui, ui->rec.t.id, ed.day);
		break;
	case ACT_NOTE_VIEW:
		snprintf(title, sizeof title, "Note%sday %d (as edited)", ui_glyph(ui, UI_G_SEP),
			 ed.day);
		ui_note_view_text(ui, title, ui_edit_text(&ed.note));
		break;
	default:
		break;
	}
}

static int prompt_act(struct ui *ui, enum ui_action act)
{
	if (ui_edit_act(&ed.path, act))
		return 1;
	if (act == ACT_SAVE)
		attach(ui);
	else if (act == ACT_CANCEL)
		ed.prompting = 0;
	else if (act == ACT_QUIT)
		return 0;
	return 1;
}

static int day_act(struct ui *ui, enum ui_action act, int key)
{
	int f = ed.focus, on_rating = f >= F_RATING && f < F_SIGN;
	int on_tick = f < F_RATING || (f >= F_SIGN && f < F_TEMP) || (f >= F_CARE && f < F_PHOTOS);

	if (ed.boxed) {
		if (act == ACT_DOWN || act == ACT_UP) {
			ed.box_scroll += act == ACT_DOWN ? 1 : -1;      /* draw_box keeps it in range */
			return 1;
		}
		if (act == ACT_SAVE || act == ACT_CANCEL || act == ACT_BACK) {
			char msg[sizeof ed.saved];

			memcpy(msg, ed.saved, sizeof msg);
			ui_pop(ui);
			ui_message(ui, "%s", msg);
			return 1;
		}
		return act == ACT_QUIT ? 0 : 1;
	}
	if (ed.prompting)
		return prompt_act(ui, act);
	if (f == F_NOTE && ui_edit_act(&ed.note, act))
		return 1;
	if (f == F_TEMP && ui_edit_act(&ed.temp, act)) {
		preview_update(ui);
		return 1;
	}
	if (f == F_PREVIEW && (act == ACT_UP || act == ACT_DOWN)) {
		layout(ui);
		if (act == ACT_DOWN && ed.pscroll < ed.plines - preview_rows())
			ed.pscroll++;
		else if (act == ACT_UP && ed.pscroll > 0)
			ed.pscroll--;
		else if (act == ACT_UP)
			ed.focus = focus_vertical(f, -1);
		return 1;
	}
	switch (act) {
	case ACT_UP:
		ed.focus = focus_vertical(f, -1);
		break;
	case ACT_DOWN:
		ed.focus = focus_vertical(f, 1);
		ed.pscroll = 0;
		break;
	case ACT_LEFT:
	case ACT_RIGHT:
		if (on_rating) {
			int s = f - F_RATING, r = ed.rating[s] + (act == ACT_LEFT ? -1 : 1);
			if (r >= HG_UNRATED && r <= HG_RATING_MAX)
				ed.rating[s] = r;
		} else {
			ed.focus = focus_horizontal(f, act == ACT_LEFT ? -1 : 1);
		}
		break;
	case ACT_RATE:
		if (!on_rating) {
			ui_error(ui, "0-3 rate the symptoms; Space ticks a sign or care item.");
			return 1;
		}
		ed.rating[f - F_RATING] = key - '0';
		ed.focus = f + 1;
		break;
	case ACT_UNRATE:
		if (on_rating)
			ed.rating[f - F_RATING] = HG_UNRATED;
		else if (is_sign(f))
			ed.signs &= ~HG_BIT(sign_of(f));
		else if (f >= F_CARE && f < F_PHOTOS)
			ed.care &= ~HG_BIT(f - F_CARE);
		break;
	case ACT_TOGGLE:
		if (f == F_PHOTOS) {
			outside_key(ui, ACT_PHOTO_ATTACH);
			return 1;
		}
		if (!on_tick) {
			ui_error(ui, "Space ticks a sign or care item; rate symptoms with 0-3.");
			return 1;
		}
		if (is_sign(f))
			ed.signs ^= HG_BIT(sign_of(f));
		else if (f >= F_CARE && f < F_PHOTOS)
			ed.care ^= HG_BIT(f - F_CARE);
		break;
	case ACT_NOTE:
		ed.focus = F_NOTE;
		break;
	case ACT_COPY_PREVIOUS:
		copy_previous(ui);
		break;
	case ACT_NOTE_EDITOR:
	case ACT_NOTE_VIEW:
	case ACT_PHOTO_ATTACH:
	case ACT_PHOTO_OPEN:
		outside_key(ui, act);
		return 1;
	case ACT_PHOTO_SHOW:
		ui_push(ui, UI_PHOTO, ed.day);
		return 1;
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
	struct ui_edit *e = ed.prompting ? &ed.path : ed.focus == F_NOTE ? &ed.note
		: ed.focus == F_TEMP ? &ed.temp : NULL;

	if (ed.boxed)
		return;
	if (!e) {
		if (key > ' ')
			ui_error(ui, "0-3 rate, Space ticks, n note, E editor, v view note, a/o photos.");
		return;
	}
	if (key < 0x20 || key == 0x7F)
		return;
	if (ui_edit_insert(e, (unsigned)key) != 0) {
		if (e == &ed.note)
			ui_error(ui, "The note is full (%d bytes).", HG_NOTE_MAX);
		return;
	}
	if (e == &ed.temp)
		preview_update(ui);
}

static int day_busy(struct ui *ui)
{
	(void)ui;
	return dirty();
}

static unsigned day_context(struct ui *ui)
{
	(void)ui;
	if (ed.boxed)
		return UI_K_DAY;
	if (ed.prompting || is_text(ed.focus))
		return UI_K_DAY | UI_K_TEXT;
	return UI_K_DAY | UI_K_RATE;
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
