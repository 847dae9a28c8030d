/* ui.c — the terminal interface's loop and navigation: the main loop
 * that routes keys through the key table to the screen showing, the
 * stack of screens, the current treatment's state (read again when
 * another program changes the database), the frame around every screen
 * (footer: message, key status, the not-medical-advice line; yes/no
 * questions; the too-small notice) and the actions that mean the same on
 * every screen.
 *
 * The terminal itself (curses set-up, the one restore, signals) is in
 * src/ui_term.c; drawing helpers in src/ui_draw.c; what each screen shows
 * and does in its own src/ui_*.c; the keys in src/ui_keys.c.  No SQL
 * here: storage is behind db.h.
 */
#include "config.h"

#include <langinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

#include "healgrid/date.h"
#include "healgrid/record.h"
#include "healgrid/ui.h"
#include "healgrid/ui_core.h"
#include "healgrid/ui_term.h"
#include "healgrid/util.h"

/* ---- screens and navigation --------------------------------------------- */

static const struct screen_ops *const screens[UI_SCREEN_COUNT] = {
	[UI_GRID] = &ui_grid_screen,
	[UI_DAY] = &ui_day_screen,
	[UI_FLAGS] = &ui_flags_screen,
	[UI_TRENDS] = &ui_trends_screen,
	[UI_TREATMENTS] = &ui_treatments_screen,
	[UI_TFORM] = &ui_tform_screen,
	[UI_HELP] = &ui_help_screen,
	[UI_PHOTO] = &ui_photo_screen,
};

const struct screen_ops *ui_screen(enum ui_screen_id id)
{
	return screens[id];
}

enum ui_screen_id ui_current(const struct ui *ui)
{
	return ui->stack[ui->depth - 1];
}

int ui_push(struct ui *ui, enum ui_screen_id id, int64_t arg)
{
	const struct screen_ops *s = screens[id];

	if (ui->depth >= UI_STACK_MAX)
		return -1;
	for (int i = 0; i < ui->depth; i++)
		if (ui->stack[i] == id)
			return -1;      /* one of each: no loops of screens */
	if (s->open && s->open(ui, arg) != 0)
		return -1;
	ui->stack[ui->depth++] = id;
	return 0;
}

void ui_pop(struct ui *ui)
{
	const struct screen_ops *s;

	if (ui->depth <= 1)
		return;
	s = screens[ui_current(ui)];
	if (s->close)
		s->close(ui);
	ui->depth--;
	/* A question belongs to the screen that asked it. */
	ui->confirm.active = 0;
}

void ui_home(struct ui *ui)
{
	while (ui->depth > 1)
		ui_pop(ui);
}

/* ---- the current treatment ---------------------------------------------- */

void ui_state_free(struct ui *ui)
{
	if (ui->have) {
		model_recovery_free(&ui->rec);
		rules_flags_free(ui->flags, ui->nflags);
		model_actions_free(ui->actions, ui->nactions);
	}
	free(ui->photo_days);
	ui->photo_days = NULL;
	ui->nphoto_days = 0;
	ui->have = 0;
	ui->tracking_ended = 0;
	ui->look_due = ui->look_next = -1;
	ui->flags = NULL;
	ui->nflags = 0;
	ui->actions = NULL;
	ui->nactions = 0;
	memset(&ui->rec, 0, sizeof ui->rec);
}

int ui_grid_days(const struct ui *ui)
{
	int today = ui->today - ui->rec.t.date + 1;

	if (!ui->have)
		return 0;
	/* Past the longest window nothing more can be recorded. */
	if (today > HG_WINDOW_MAX)
		return ui->rec.t.window;
	return today > ui->rec.t.window ? today : ui->rec.t.window;
}

void ui_cursor_today(struct ui *ui)
{
	int day, last;

	if (!ui->have)
		return;
	last = ui_grid_days(ui) - 1;
	day = ui->today - ui->rec.t.date;
	if (day < 0)
		day = 0;
	if (day > last)
		day = last;
	ui->cursor = day;
}

/* Photos per day of treatment tid, for the grid's marks. */
static int photo_days(struct ui *ui, int64_t tid, int **out, int *n)
{
	struct hg_photo_info *p = NULL;
	size_t np = 0;
	int rc = db_photo_list(ui->db, tid, &p, &np);

	*out = NULL;
	*n = 0;
	if (rc != HG_OK)
		return rc;
	*n = HG_WINDOW_MAX;
	*out = xcalloc((size_t)*n, sizeof **out);
	for (size_t i = 0; i < np; i++)
		if (p[i].day >= 0 && p[i].day < *n)
			(*out)[p[i].day]++;
	free(p);
	return HG_OK;
}

/* Every open screen fits its state to what was just read. */
static void screens_reload(struct ui *ui)
{
	for (int i = 0; i < ui->depth; i++) {
		const struct screen_ops *s = screens[ui->stack[i]];

		if (s->reload)
			s->reload(ui);
	}
}


static int load(struct ui *ui, int64_t tid)
{
	struct hg_recovery r;
	struct hg_flag *flags = NULL;
	size_t nflags = 0;
	int same, rc;

	if (tid == 0) {
		/* The current treatment; with only planned ones, the latest. */
		rc = db_treatment_current(ui->db, ui->today, &tid);
		if (rc == HG_OK && tid == 0)
			rc = db_treatment_latest(ui->db, &tid);
		if (rc != HG_OK) {
			ui_db_error(ui);
			return rc;
		}
		if (tid == 0) {
			ui_state_free(ui);
			return HG_OK;
		}
	}
	rc = db_recovery_load(ui->db, tid, &r);
	if (rc != HG_OK) {
		ui_db_error(ui);
		return rc;
	}
	struct hg_action *actions = NULL;
	size_t nactions = 0;

	int *photos = NULL, nphotos = 0, later = 0;

	rc = db_action_list(ui->db, tid, &actions, &nactions);
	if (rc == HG_OK)
		rc = photo_days(ui, tid, &photos, &nphotos);
	if (rc == HG_OK)
		rc = record_later_same_area(ui->db, &r.t, ui->today, &later);
	if (rc != HG_OK) {
		free(photos);
		model_actions_free(actions, nactions);
		model_recovery_free(&r);
		ui_db_error(ui);
		return rc;
	}
	rules_eval(&r, actions, nactions, &flags, &nflags);
	same = ui->have && ui->rec.t.id == tid;
	ui_state_free(ui);
	ui->rec = r;
	ui->flags = flags;
	ui->nflags = nflags;
	ui->actions = actions;
	ui->nactions = nactions;
	ui->tracking_ended = rules_tracking_end(&ui->rec, flags, nflags) >= 0;
	ui->look_due = rules_look_due(&ui->rec, ui->today, later);
	ui->look_next = rules_look_next(&ui->rec, ui->today, later);
	ui->photo_days = photos;
	ui->nphoto_days = nphotos;
	ui->have = 1;
	if (!same) {
		ui->top_week = 0;
		ui_cursor_today(ui);
	} else if (ui->cursor >= ui_grid_days(ui)) {
		ui->cursor = ui_grid_days(ui) - 1;
	}
	return HG_OK;
}

int ui_load(struct ui *ui, int64_t tid)
{
	int rc = load(ui, tid);

	screens_reload(ui);
	return rc;
}

int ui_reload(struct ui *ui)
{
	return ui_load(ui, ui->have ? ui->rec.t.id : 0);
}

/* ---- messages and questions --------------------------------------------- */

static void message_v(struct ui *ui, int error, const char *fmt, va_list ap)
{
	vsnprintf(ui->message, sizeof ui->message, fmt, ap);
	ui->message_error = error;
}

void ui_message(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	message_v(ui, 0, fmt, ap);
	va_end(ap);
}

void ui_error(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	message_v(ui, 1, fmt, ap);
	va_end(ap);
}

void ui_db_error(struct ui *ui)
{
	ui_error(ui, "%s", *hg_error() ? hg_error() : "database error");
	hg_error_clear();
}

void ui_ask(struct ui *ui, void (*answer)(struct ui *ui, int64_t subject, int yes),
	    int64_t subject, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->confirm.question, sizeof ui->confirm.question, fmt, ap);
	va_end(ap);
	ui->confirm.answer = answer;
	ui->confirm.subject = subject;
	ui->confirm.active = 1;
}

/* ---- frame --------------------------------------------------------------- */

static unsigned active_context(struct ui *ui)
{
	const struct screen_ops *s = screens[ui_current(ui)];

	if (ui->too_small)
		return UI_K_SMALL;
	if (ui->confirm.active)
		return UI_K_CONFIRM;
	return s->context ? s->context(ui) : 0;
}

static void draw_question(struct ui *ui)
{
	char *lines[4];
	int x = 4, w = COLS - 2 * x;
	size_t n = ui_wrap(ui->confirm.question, w - 4, lines, 4);
	int h = (int)n + 4;
	int y = (ui_body_rows() - h) / 2;

	ui_box(y, x, h, w);
	for (size_t i = 0; i < n; i++) {
		ui_put(ui, y + 1 + (int)i, x + 2, w - 4, A_BOLD, lines[i]);
		free(lines[i]);
	}
	char *answers = ui_keys_status(UI_K_CONFIRM, ui->utf8, w - 4);
	ui_put(ui, y + h - 2, x + 2, w - 4, A_NORMAL, answers);
	free(answers);
}

static void draw_footer(struct ui *ui)
{
	int rows = LINES;
	char *status = ui_keys_status(active_context(ui), ui->utf8, COLS);

	attr_t ma = ui->message_error ? A_BOLD | ui_pair(ui, UI_PAIR_ERROR) : A_BOLD;

	if (ui->message[0] && hg_utf8_width(ui->message) <= COLS - 2) {
		ui_put(ui, rows - 3, 1, COLS - 2, ma, ui->message);
	} else if (ui->message[0]) {
		/* Longer than the line (a report's path, say): wrapped, whole,
		 * in a box over the bottom of the screen. */
		char *lines[8];
		size_t n = ui_wrap(ui->message, COLS - 4, lines, 8);
		int h = (int)n + 2, y = rows - 2 - h;

		if (y < 0)
			y = 0;
		ui_box(y, 0, h, COLS);
		for (size_t i = 0; i < n; i++) {
			ui_put(ui, y + 1 + (int)i, 2, COLS - 4, ma, lines[i]);
			free(lines[i]);
		}
	}
	if (!ui->message[0] && hg_utf8_width(ui_safety_least(ui)) > COLS - 2) {
		/* Too narrow for the least of the safety line: with no message
		 * to show, it takes two rows under the status line. */
		const char *least = ui_safety_least(ui);
		const char *emergency = strstr(least, "emergency");

		ui_put(ui, rows - 3, 0, COLS, A_NORMAL, status);
		ui_putf(ui, rows - 2, 1, COLS - 1, A_DIM, "%.*s", (int)(emergency - least - 1), least);
		ui_put(ui, rows - 1, 1, COLS - 1, A_DIM, emergency);
	} else {
		ui_put(ui, rows - 2, 0, COLS, A_NORMAL, status);
		ui_put(ui, rows - 1, 1, COLS - 1, A_DIM, ui_safety_line(ui, COLS - 2));
	}
	free(status);
}

/* Text wrapped to the screen from row y; returns the row after it. */
static int put_wrapped(struct ui *ui, int y, attr_t attr, const char *s)
{
	char *lines[8];
	size_t n = ui_wrap(s, COLS - 2 > 8 ? COLS - 2 : 8, lines, 8);

	for (size_t i = 0; i < n && i < 8; i++) {
		ui_put(ui, y++, 1, COLS - 1, attr, lines[i]);
		free(lines[i]);
	}
	return y;
}

static void draw_too_small(struct ui *ui)
{
	char line[128];
	int y = LINES / 2 - 2;

	if (y < 0)
		y = 0;
	snprintf(line, sizeof line, "healgrid needs %d%s%d; this one is %d%s%d.", UI_SMALL_COLS,
		 ui_glyph(ui, UI_G_TIMES), UI_SMALL_LINES, COLS, ui_glyph(ui, UI_G_TIMES), LINES);
	y = put_wrapped(ui, y, A_BOLD, "terminal too small");
	y = put_wrapped(ui, y, A_NORMAL, line);
	y = put_wrapped(ui, y, A_NORMAL, "Enlarge the window, or press q to quit.");
	put_wrapped(ui, y, A_DIM, hg_utf8_width(ui_safety_least(ui)) <= COLS - 2
		    ? ui_safety_line(ui, COLS - 2) : ui_safety_least(ui));
}

static void draw(struct ui *ui)
{
	erase();
	ui->show_cursor = 0;
	if (ui->too_small) {
		draw_too_small(ui);
	} else {
		screens[ui_current(ui)]->draw(ui);
		if (ui->confirm.active) {
			ui->show_cursor = 0;
			draw_question(ui);
		}
		draw_footer(ui);
	}
	curs_set(ui->show_cursor ? 1 : 0);
	if (ui->show_cursor)
		move(ui->cursor_y, ui->cursor_x);
	refresh();
	if (!ui->too_small && screens[ui_current(ui)]->after)
		screens[ui_current(ui)]->after(ui);
}

/* ---- keys ---------------------------------------------------------------- */

/* The stack index of the topmost screen holding unsaved edits, or -1. */
static int busy_screen(struct ui *ui)
{
	for (int i = ui->depth - 1; i >= 0; i--) {
		const struct screen_ops *s = screens[ui->stack[i]];

		if (s->busy && s->busy(ui))
			return i;
	}
	return -1;
}

/* What no screen took: the actions that mean the same everywhere. */
static void global_act(struct ui *ui, enum ui_action act)
{
	int editing = busy_screen(ui);

	switch (act) {
	case ACT_QUIT:
		/* An editor under this screen with unsaved edits asks first. */
		if (editing >= 0) {
			while (ui->depth > editing + 1)
				ui_pop(ui);
			if (screens[ui_current(ui)]->act(ui, ACT_QUIT, 'q'))
				break;
		}
		ui->quit = 1;
		break;
	case ACT_HELP:
		ui_push(ui, UI_HELP, 0);
		break;
	case ACT_FLAGS:
	case ACT_TRENDS:
	case ACT_TREATMENTS: {
		enum ui_screen_id to = act == ACT_FLAGS ? UI_FLAGS
			: act == ACT_TRENDS ? UI_TRENDS : UI_TREATMENTS;
		if (ui_current(ui) == to)
			break;
		if (editing >= 0) {
			ui_error(ui, "First save (Enter) or cancel (Esc) the %s.",
				 screens[ui->stack[editing]]->name);
			break;
		}
		ui_home(ui);
		ui_push(ui, to, 0);
		break;
	}
	case ACT_REPORT:
		ui_report(ui);
		break;
	case ACT_BACK:
		ui_pop(ui);
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	default:
		break;
	}
}

static void handle_key(struct ui *ui, int key, int is_code)
{
	const struct screen_ops *s = screens[ui_current(ui)];
	const struct ui_binding *b = NULL;
	unsigned ctx = active_context(ui);

	ui->message[0] = '\0';
	/* Key codes and plain characters share numbers above 0xFF (KEY_LEFT is
	 * also U+0104): only codes and 8-bit characters go to the table. */
	if (is_code || (key >= 0 && key < 0x100))
		b = ui_keys_find(ctx, key);
	if (!b) {
		if (!is_code && !ui->too_small && !ui->confirm.active && s->text)
			s->text(ui, key);
		return;
	}
	if (ui->confirm.active && (b->act == ACT_YES || b->act == ACT_NO)) {
		void (*answer)(struct ui *, int64_t, int) = ui->confirm.answer;

		ui->confirm.active = 0;
		if (answer)
			answer(ui, ui->confirm.subject, b->act == ACT_YES);
		return;
	}
	if (ui->too_small) {
		/* Nothing can be seen here, so nothing is asked: q quits at
		 * once, as SIGTERM does (what was saved is on disk, an unsaved
		 * edit is dropped). */
		if (b->act == ACT_QUIT)
			ui->quit = 1;
		else
			global_act(ui, b->act);
		return;
	}
	if (!(s->act && s->act(ui, b->act, key)))
		global_act(ui, b->act);
}

static void check_size(struct ui *ui)
{
	ui->too_small = LINES < UI_SMALL_LINES || COLS < UI_SMALL_COLS;
}

/* Another program (the command line, a second healgrid) committed a
 * change: read the current treatment again.  Returns 1 when it did. */
static int outside_changes(struct ui *ui)
{
	int64_t v, id = ui->have ? ui->rec.t.id : 0;

	if (db_data_version(ui->db, &v) != HG_OK) {
		hg_error_clear();
		return 0;
	}
	if (v == ui->data_version)
		return 0;
	ui->data_version = v;
	ui->changes++;
	if (ui_load(ui, id) == HG_OK)
		return 1;
	if (id) {
		/* The treatment itself went away: back to the most recent one. */
		ui_home(ui);
		if (ui_load(ui, 0) == HG_OK)
			ui_error(ui, "Treatment %lld was deleted by another program.", (long long)id);
	}
	return 1;
}

static void loop(struct ui *ui)
{
	int redraw = 1;

	while (!ui->quit && !ui_term_stop_requested()) {
		wint_t wc;
		int r;

		if (redraw)
			draw(ui);
		redraw = 0;
		r = get_wch(&wc);
		if (outside_changes(ui))
			redraw = 1;
		/* Left open past midnight: tomorrow is today now. */
		int today;
		if (date_today(&today) == 0 && today != ui->today) {
			ui->today = today;
			redraw = 1;
		}
		if (r == ERR) {
			if (ui_term_gone())
				ui->quit = 1;
			continue;
		}
		redraw = 1;
		if (r == KEY_CODE_YES && wc == KEY_RESIZE) {
			check_size(ui);
			continue;
		}
		handle_key(ui, (int)wc, r == KEY_CODE_YES);
	}
}

int ui_need_terminal(void)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return hg_fail(HG_ERR_INPUT, "the full-screen interface needs a terminal;"
			       " 'healgrid show' prints the grid as text");
	return HG_OK;
}

int ui_run(struct hg_db *db, int today)
{
	struct ui ui;
	SCREEN *scr;
	int rc;

	memset(&ui, 0, sizeof ui);
	rc = ui_need_terminal();
	if (rc != HG_OK)
		return rc;
	ui.db = db;
	ui.today = today;
	ui.utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	/* Only what the grid draws: the current treatment's recovery. */
	rc = ui_load(&ui, 0);
	if (rc != HG_OK) {
		hg_fail(HG_ERR_RUNTIME, "%s", ui.message);
		return HG_ERR_RUNTIME;
	}
	ui.message[0] = '\0';
	if (db_data_version(ui.db, &ui.data_version) != HG_OK)
		hg_error_clear();
	ui.stack[0] = UI_GRID;
	ui.depth = 1;
	if (ui_grid_screen.open)
		ui_grid_screen.open(&ui, 0);

	rc = ui_term_start(&ui, &scr);
	if (rc == HG_OK) {
		check_size(&ui);
		loop(&ui);
		ui_home(&ui);
		ui_term_stop(scr);
	}
	if (ui_grid_screen.close)
		ui_grid_screen.close(&ui);
	ui_state_free(&ui);
	return rc;
}
