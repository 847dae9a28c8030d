/* ui_treatments.c — the treatments screen: every treatment, oldest first,
 * the current one marked; Enter switches the grid to the selected one,
 * a adds, e edits (both through the form in ui_tform.c), d deletes after
 * asking.  The list is read when the screen opens and again after any
 * change, never at start-up. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "healgrid/date.h"
#include "healgrid/record.h"
#include "healgrid/ui_core.h"
#include "healgrid/ui_edit.h"

enum { TOP = 3, DETAIL_ROWS = 5, NCOLS = 6, PROFILE_TEXT_MAX = 200 };

static const int col_x[NCOLS] = { 3, 9, 21, 35, 44, 62 };
static const char *const col_names[NCOLS] = {
	"  id", "date", "device", "depth", "area", "window"
};

/* The screen's own state: the list as last read, and the selection. */
static struct {
	struct hg_treatment *t;
	size_t n;
	struct ui_sel sel;
	unsigned seen;          /* ui->changes when last read */
	int loaded;
	/* P: the profile, asked one line at a time (1 name, 2 born, 3 clinic). */
	int step;
	struct ui_edit field;
	char *name, *clinic;
	int born, has_born;
} ts;

static void list_free(void)
{
	db_treatments_free(ts.t, ts.n);
	ts.t = NULL;
	ts.n = 0;
	ts.loaded = 0;
}

/* The selected treatment, or NULL when the list is empty. */
static const struct hg_treatment *selected(void)
{
	size_t i;

	return ui_sel_get(&ts.sel, &i) && i < ts.n ? &ts.t[i] : NULL;
}

/* Read the list again, keeping the treatment `select` selected where it
 * is still there (else the same row, or the last). */
static void list_read(struct ui *ui, int64_t select)
{
	list_free();
	if (db_treatment_list(ui->db, &ts.t, &ts.n) != HG_OK) {
		ui_sel_set_count(&ts.sel, 0);
		ui_db_error(ui);
		return;
	}
	ts.loaded = 1;
	ts.seen = ui->changes;
	ui_sel_set_count(&ts.sel, ts.n);
	for (size_t i = 0; i < ts.n; i++)
		if (ts.t[i].id == select)
			ui_sel_set(&ts.sel, i);
}

static int64_t selected_id(void)
{
	const struct hg_treatment *t = selected();

	return t ? t->id : 0;
}

/* A treatment changed, here or elsewhere: read the list again. */
static void treats_reload(struct ui *ui)
{
	if (ts.loaded && ts.seen != ui->changes)
		list_read(ui, selected_id());
}

static int treats_open(struct ui *ui, int64_t arg)
{
	(void)arg;
	memset(&ts, 0, sizeof ts);
	list_read(ui, ui->have ? ui->rec.t.id : 0);
	return 0;
}

static void profile_end(void)
{
	if (ts.step)
		ui_edit_free(&ts.field);
	free(ts.name);
	free(ts.clinic);
	ts.name = ts.clinic = NULL;
	ts.step = 0;
}

static void treats_close(struct ui *ui)
{
	(void)ui;
	profile_end();
	list_free();
	memset(&ts, 0, sizeof ts);
}

static int list_rows(void)
{
	int r = ui_body_rows() - TOP - DETAIL_ROWS - 1;

	return r < 1 ? 1 : r;
}

static void draw_detail(struct ui *ui, const struct hg_treatment *t, int y)
{
	char risks[256];

	model_format_risks(t->risks, ',', risks, sizeof risks);
	mvhline_set(y, 1, WACS_HLINE, COLS - 2);
	ui_putf(ui, y + 1, 1, COLS - 2, A_NORMAL, "Products: %s", *t->products ? t->products
		: ui_glyph(ui, UI_G_DASH));
	ui_putf(ui, y + 2, 1, COLS - 2, A_NORMAL, "Skin:     %s%sRisks: %s",
		*model_skin_type_name(t->skin_type) ? model_skin_type_name(t->skin_type)
		: "type not given", ui_glyph(ui, UI_G_SEP), *risks ? risks : ui_glyph(ui, UI_G_DASH));
	ui_putf(ui, y + 3, 1, COLS - 2, A_NORMAL, "Note:     %s", *t->note ? t->note
		: ui_glyph(ui, UI_G_DASH));
}

/* The profile (name, born, clinic: the report's header), P to edit. */
static void draw_profile(struct ui *ui, int y)
{
	struct hg_profile p;
	int found = 0;
	char born[HG_DATE_LEN] = "";
	const char *dash = ui_glyph(ui, UI_G_DASH), *sep = ui_glyph(ui, UI_G_SEP);

	if (db_profile_get(ui->db, &p, &found) != HG_OK) {
		hg_error_clear();
		return;
	}
	if (p.has_born)
		date_format(p.born, born);
	if (found)
		ui_putf(ui, y, 1, COLS - 2, A_NORMAL, "Profile:  %s%sborn %s%s%s   (P edits)",
			*p.name ? p.name : dash, sep, *born ? born : dash, sep,
			*p.clinic ? p.clinic : dash);
	else
		ui_put(ui, y, 1, COLS - 2, A_DIM, "Profile:  none (P adds your name, birth date and "
		       "clinic for the report)");
	db_profile_free(&p);
}

static const char *const profile_questions[4] = {
	"", "Your name: ", "Born (YYYY-MM-DD, empty if you prefer): ", "Clinic: "
};

static void draw_prompt(struct ui *ui)
{
	int y = ui_body_rows() - 1;
	const char *label = profile_questions[ts.step];
	int lw = hg_utf8_width(label);

	mvhline(y, 0, ' ', COLS);
	ui_put(ui, y, 1, lw, A_BOLD, label);
	ui_edit_draw(ui, &ts.field, y, 1 + lw, COLS - 2 - lw, 1);
}

static void profile_start(struct ui *ui)
{
	struct hg_profile p;
	int found = 0;

	if (db_profile_get(ui->db, &p, &found) != HG_OK) {
		ui_db_error(ui);
		return;
	}
	profile_end();
	ts.name = xstrdup(p.name ? p.name : "");
	ts.clinic = xstrdup(p.clinic ? p.clinic : "");
	ts.born = p.born;
	ts.has_born = p.has_born;
	db_profile_free(&p);
	ts.step = 1;
	ui_edit_init(&ts.field, ts.name, PROFILE_TEXT_MAX);
}

/* Enter on a profile question: check it, then the next one, or save. */
static void profile_next(struct ui *ui)
{
	const char *s = ui_edit_text(&ts.field);
	char born[HG_DATE_LEN] = "";

	if (ts.step == 1) {
		free(ts.name);
		ts.name = xstrdup(s);
		if (ts.has_born)
			date_format(ts.born, born);
		ui_edit_set(&ts.field, born);
	} else if (ts.step == 2) {
		if (!*s) {
			ts.has_born = 0;
		} else if (date_parse(s, &ts.born) != 0) {
			ui_error(ui, "Born: expected a date as YYYY-MM-DD.");
			return;
		} else if (ts.born > ui->today) {
			ui_error(ui, "Born: that is after today.");
			return;
		} else {
			ts.has_born = 1;
		}
		ui_edit_set(&ts.field, ts.clinic);
	} else {
		struct hg_profile p;

		free(ts.clinic);
		ts.clinic = xstrdup(s);
		p.name = ts.name;
		p.clinic = ts.clinic;
		p.born = ts.has_born ? ts.born : 0;
		p.has_born = ts.has_born;
		if (db_profile_put(ui->db, &p) != HG_OK) {
			ui_db_error(ui);
			return;
		}
		profile_end();
		ui_message(ui, "Profile saved: the report's header shows it.");
		return;
	}
	ts.step++;
}

/* Keys no binding took: the profile question's text, Enter and Esc. */
static void treats_text(struct ui *ui, int key)
{
	if (!ts.step)
		return;
	if (key == '\r' || key == '\n') {
		profile_next(ui);
		return;
	}
	if (key == 27) {
		profile_end();
		ui_message(ui, "Profile not changed.");
		return;
	}
	if (key < 0x20 || key == 0x7F)
		return;
	if (ui_edit_insert(&ts.field, (unsigned)key) != 0)
		ui_error(ui, "At most %d bytes.", PROFILE_TEXT_MAX);
}

static void treats_draw(struct ui *ui)
{
	char right[32];
	int rows = list_rows();

	if (ts.seen != ui->changes || !ts.loaded)
		list_read(ui, selected_id());
	snprintf(right, sizeof right, "%zu treatment%s", ts.n, ts.n == 1 ? "" : "s");
	ui_title(ui, "Treatments", right);
	if (ts.n == 0) {
		ui_put(ui, TOP + 1, 3, COLS - 6, A_BOLD, "No treatment yet: press a to add one.");
		draw_profile(ui, TOP + 3);
		if (ts.step)
			draw_prompt(ui);
		return;
	}
	for (int c = 0; c < NCOLS; c++)
		ui_put(ui, 2, col_x[c], COLS - col_x[c] - 1, A_DIM, col_names[c]);
	ui_sel_show(&ts.sel, (size_t)rows);
	for (size_t i = ts.sel.top; i < ts.n && i < ts.sel.top + (size_t)rows; i++) {
		const struct hg_treatment *t = &ts.t[i];
		int y = TOP + (int)(i - ts.sel.top), cur = ui->have && t->id == ui->rec.t.id;
		attr_t a = (i == ts.sel.selected ? A_REVERSE : A_NORMAL) | (cur ? A_BOLD : A_NORMAL);
		char date[HG_DATE_LEN], depth[16];

		date_format(t->date, date);
		if (t->depth > 0)
			model_format_depth(t->depth, depth, sizeof depth);
		else
			snprintf(depth, sizeof depth, "%s", "?");
		mvhline(y, 1, ' ' | a, COLS - 2);
		if (cur)
			ui_put(ui, y, 1, 1, a, ui_glyph(ui, UI_G_SEL_L));
		ui_putf(ui, y, col_x[0], 4, a, "%4lld", (long long)t->id);
		ui_put(ui, y, col_x[1], 10, a, date);
		ui_put(ui, y, col_x[2], 12, a, model_device_name(t->device));
		ui_putf(ui, y, col_x[3], 8, a, "%s mm", depth);
		ui_put(ui, y, col_x[4], col_x[5] - col_x[4] - 2, a, t->area);
		/* "viewing": the treatment the grid shows; "planned": dated after
		 * today, nothing to check in yet. */
		ui_putf(ui, y, col_x[5], COLS - col_x[5] - 1, a, "%2d days%s%s", t->window,
			t->date > ui->today ? "  planned" : "", cur ? "  viewing" : "");
	}
	const struct hg_treatment *sel = selected();
	if (sel)
		draw_detail(ui, sel, TOP + rows);
	draw_profile(ui, TOP + rows + DETAIL_ROWS - 1);
	if (ts.step)
		draw_prompt(ui);
}

/* The answer acts on the treatment the question named, wherever the
 * list has moved since (another program may have changed it). */
static void delete_answer(struct ui *ui, int64_t id, int yes)
{
	int was_current;

	if (!yes || ui_current(ui) != UI_TREATMENTS)
		return;
	was_current = ui->have && ui->rec.t.id == id;
	if (record_treatment_delete(ui->db, id) != HG_OK) {
		ui_db_error(ui);
		list_read(ui, selected_id());
		return;
	}
	ui->changes++;
	if (was_current)
		ui_load(ui, 0);
	list_read(ui, selected_id());
	ui_message(ui, "Deleted treatment %lld and its check-ins.", (long long)id);
}

static void ask_delete(struct ui *ui, const struct hg_treatment *t)
{
	struct hg_recovery r;
	char date[HG_DATE_LEN];
	size_t days = 0;

	if (db_recovery_load(ui->db, t->id, &r) == HG_OK) {
		days = r.ndays;
		model_recovery_free(&r);
	} else {
		ui_db_error(ui);
		return;
	}
	date_format(t->date, date);
	char *area = hg_sanitize(t->area);
	ui_ask(ui, delete_answer, t->id, "Delete the %.40s treatment of %s and its %zu check-in%s?"
	       " This cannot be undone.", area, date, days, days == 1 ? "" : "s");
	free(area);
}

static int treats_act(struct ui *ui, enum ui_action act, int key)
{
	const struct hg_treatment *t;

	(void)key;
	if (ts.step) {
		ui_edit_act(&ts.field, act);
		return 1;
	}
	switch (act) {
	case ACT_UP:
		ui_sel_move(&ts.sel, -1);
		return 1;
	case ACT_DOWN:
		ui_sel_move(&ts.sel, 1);
		return 1;
	case ACT_PAGE_UP:
		ui_sel_move(&ts.sel, -list_rows());
		return 1;
	case ACT_PAGE_DOWN:
		ui_sel_move(&ts.sel, list_rows());
		return 1;
	case ACT_ADD:
		ui_push(ui, UI_TFORM, 0);
		return 1;
	case ACT_PROFILE:
		profile_start(ui);
		return 1;
	case ACT_EDIT:
	case ACT_DELETE:
	case ACT_OPEN:
		break;
	default:
		return 0;
	}
	t = selected();
	if (!t) {
		ui_error(ui, "No treatment yet: press a to add one.");
		return 1;
	}
	if (act == ACT_EDIT) {
		ui_push(ui, UI_TFORM, t->id);
	} else if (act == ACT_DELETE) {
		ask_delete(ui, t);
	} else if (ui_load(ui, t->id) == HG_OK) {
		char date[HG_DATE_LEN];

		date_format(ui->rec.t.date, date);
		ui_home(ui);
		ui_message(ui, "Showing treatment %lld of %s.", (long long)ui->rec.t.id, date);
	}
	return 1;
}

static unsigned treats_context(struct ui *ui)
{
	(void)ui;
	/* While asking, only the text keys: every letter is text. */
	return ts.step ? UI_K_TEXT : UI_K_TREATS;
}

const struct screen_ops ui_treatments_screen = {
	.name = "treatments",
	.open = treats_open,
	.draw = treats_draw,
	.context = treats_context,
	.act = treats_act,
	.text = treats_text,
	.close = treats_close,
	.reload = treats_reload,
};
