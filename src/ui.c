/* ui.c — the terminal interface's frame: curses set-up and the one
 * function that restores the terminal (from atexit, after SIGINT/SIGTERM
 * and from the crash handler), the main loop that routes keys through
 * the key table to the screen showing, navigation between screens, the
 * current treatment's state, the footer (message, key status, the
 * not-medical-advice line), yes/no questions, and drawing helpers.
 *
 * What each screen shows and does lives in its own src/ui_*.c; the keys
 * in src/ui_keys.c.  No SQL here: storage is behind db.h.
 */
#include "config.h"

#include <errno.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

#include "healgrid/date.h"
#include "healgrid/report.h"
#include "healgrid/ui.h"
#include "healgrid/ui_core.h"
#include "healgrid/util.h"

static const char disclaimer[] =
	"healgrid is not medical advice: when in doubt, call your dermatologist.";

/* ---- terminal restore and signals -------------------------------------- */

/* Set by the SIGINT/SIGTERM/SIGHUP handler; the main loop sees it and
 * returns normally, so every clean-up on the way out runs. */
static volatile sig_atomic_t stop_signal;
/* Curses owns the terminal: the restore function has work to do. */
static volatile sig_atomic_t curses_active;

static const int stop_signals[] = { SIGINT, SIGTERM, SIGHUP };
static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGQUIT };
#define NSTOP (sizeof stop_signals / sizeof stop_signals[0])
#define NCRASH (sizeof crash_signals / sizeof crash_signals[0])
static struct sigaction saved_stop[NSTOP], saved_crash[NCRASH];

/* What the crash handler needs, made before curses takes the terminal:
 * the terminal's own sequences to leave the alternate screen, show the
 * cursor, reset the attributes and the keypad and mouse modes, and the
 * terminal modes as they were.  A handler may only call async-signal-safe
 * functions: write(2) and tcsetattr(3) are, curses is not. */
static char crash_reset[256];
static size_t crash_reset_len;
static struct termios saved_tty;
static volatile sig_atomic_t have_saved_tty;

static int cap_ok(const char *seq)
{
	return seq && seq != (const char *)-1;
}

static void crash_reset_add(const char *seq)
{
	size_t n;

	if (!cap_ok(seq))
		return;
	n = strlen(seq);
	if (n < sizeof crash_reset - crash_reset_len) {
		memcpy(crash_reset + crash_reset_len, seq, n);
		crash_reset_len += n;
	}
}

/* After newterm(): the sequences of the terminal curses now drives. */
static void crash_reset_prepare(void)
{
	const char *xm = tigetstr("XM");

	crash_reset_len = 0;
	/* Mouse reporting off: the terminal's XM with 0, else xterm's. */
	if (cap_ok(xm))
		crash_reset_add(tiparm(xm, 0));
	else if (cap_ok(tigetstr("kmous")))
		crash_reset_add("\033[?1000l");
	crash_reset_add(tigetstr("sgr0"));
	crash_reset_add(tigetstr("cnorm"));
	crash_reset_add(tigetstr("rmkx"));
	crash_reset_add(tigetstr("rmcup"));
}

/* The one way back to a usable terminal: leaves the alternate screen,
 * shows the cursor, restores the modes.  Safe to call more than once;
 * not from a signal handler (on_crash has its own). */
static void ui_restore_terminal(void)
{
	if (!curses_active)
		return;
	curses_active = 0;
	curs_set(1);
	endwin();
}

static void on_stop(int sig)
{
	stop_signal = sig;
}

/* A crash: give the terminal back with async-signal-safe calls only,
 * then die of the same signal (installed with SA_RESETHAND, so the
 * re-raise takes the default action). */
static void on_crash(int sig)
{
	int saved = errno;

	if (curses_active) {
		const char *p = crash_reset;
		size_t left = crash_reset_len;

		while (left > 0) {
			ssize_t n = write(STDOUT_FILENO, p, left);

			if (n <= 0)
				break;
			p += n;
			left -= (size_t)n;
		}
		if (have_saved_tty)
			(void)tcsetattr(STDIN_FILENO, TCSANOW, &saved_tty);
		curses_active = 0;
	}
	(void)raise(sig);
	/* raise() does return: sig stays blocked until this handler returns,
	 * and is delivered (fatally) then. */
	/* cppcheck-suppress unreachableCode */
	errno = saved;
}

static void signals_install(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a signal interrupts the blocking read of a key. */
	sa.sa_handler = on_stop;
	for (size_t i = 0; i < NSTOP; i++)
		sigaction(stop_signals[i], &sa, &saved_stop[i]);
	sa.sa_handler = on_crash;
	sa.sa_flags = (int)SA_RESETHAND;
	for (size_t i = 0; i < NCRASH; i++)
		sigaction(crash_signals[i], &sa, &saved_crash[i]);
}

static void signals_restore(void)
{
	for (size_t i = 0; i < NSTOP; i++)
		sigaction(stop_signals[i], &saved_stop[i], NULL);
	for (size_t i = 0; i < NCRASH; i++)
		sigaction(crash_signals[i], &saved_crash[i], NULL);
}

/* ---- screens and navigation --------------------------------------------- */

static const struct screen_ops *const screens[UI_SCREEN_COUNT] = {
	[UI_GRID] = &ui_grid_screen,
	[UI_DAY] = &ui_day_screen,
	[UI_FLAGS] = &ui_flags_screen,
	[UI_TRENDS] = &ui_trends_screen,
	[UI_TREATMENTS] = &ui_treatments_screen,
	[UI_TFORM] = &ui_tform_screen,
	[UI_HELP] = &ui_help_screen,
};

const struct screen_ops *ui_screen(enum ui_screen_id id)
{
	return screens[id];
}

enum ui_screen_id ui_current(const struct ui *ui)
{
	return ui->stack[ui->depth - 1];
}

int ui_push(struct ui *ui, enum ui_screen_id id)
{
	const struct screen_ops *s = screens[id];

	if (ui->depth >= UI_STACK_MAX)
		return -1;
	for (int i = 0; i < ui->depth; i++)
		if (ui->stack[i] == id)
			return -1;      /* one of each: no loops of screens */
	if (s->open && s->open(ui) != 0)
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
	}
	ui->have = 0;
	ui->flags = NULL;
	ui->nflags = 0;
	memset(&ui->rec, 0, sizeof ui->rec);
}

void ui_cursor_today(struct ui *ui)
{
	int day;

	if (!ui->have)
		return;
	day = ui->today - ui->rec.t.date;
	if (day < 0)
		day = 0;
	if (day >= ui->rec.t.window)
		day = ui->rec.t.window - 1;
	ui->cursor = day;
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
	rules_eval(&r, &flags, &nflags);
	same = ui->have && ui->rec.t.id == tid;
	ui_state_free(ui);
	ui->rec = r;
	ui->flags = flags;
	ui->nflags = nflags;
	ui->have = 1;
	if (!same) {
		ui->top_week = 0;
		ui_cursor_today(ui);
	} else if (ui->cursor >= r.t.window) {
		ui->cursor = r.t.window - 1;
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

/* `p`: the report for the dermatologist, HTML and text, written beside
 * the database (report_write_files).  The one place that action is
 * carried out. */
void ui_report(struct ui *ui)
{
	struct strbuf paths = STRBUF_INIT;

	if (!ui->have) {
		ui_error(ui, "No treatment yet: nothing to report.");
		return;
	}
	if (report_write_files(ui->db, ui->rec.t.id, NULL, &paths) != HG_OK) {
		ui_db_error(ui);
	} else {
		/* The first path is the HTML one; the text one sits beside it. */
		char *html = paths.s;
		char *nl = strchr(html, '\n');
		const char *slash;

		if (nl)
			*nl = '\0';
		ui_message(ui, "Report written: %s (and .txt)", html);
		if (hg_utf8_width(ui->message) > COLS - 2 && (slash = strrchr(html, '/')) != NULL)
			ui_message(ui, "Report beside the database: %s and .txt", slash + 1);
	}
	sb_free(&paths);
}

/* ---- drawing helpers ---------------------------------------------------- */

int ui_body_rows(void)
{
	return LINES - UI_FOOTER_ROWS;
}

const char *ui_glyph(const struct ui *ui, enum ui_glyph g)
{
	static const char *const utf8[UI_G_COUNT] = {
		"\u00b7", "\u2014", "\u25b6", "\u25c0", "\u23ce", "\u2191", "\u2193", "\u00d7",
		" \u00b7 "
	};
	static const char *const ascii[UI_G_COUNT] = {
		".", "-", ">", "<", "Enter", "^", "v", "x", " - "
	};
	return ui->utf8 ? utf8[g] : ascii[g];
}

const char *ui_level_symbol(const struct ui *ui, enum hg_level l)
{
	return ui->utf8 ? rules_level_symbol(l) : rules_level_symbol_ascii(l);
}

attr_t ui_pair(const struct ui *ui, enum ui_pair p)
{
	return ui->color ? (attr_t)COLOR_PAIR(p) : A_NORMAL;
}

attr_t ui_level_attr(const struct ui *ui, enum hg_level l)
{
	static const enum ui_pair pairs[HG_LEVEL_COUNT] = {
		UI_PAIR_URGENT, UI_PAIR_DOCTOR, UI_PAIR_WATCH
	};
	/* Bold carries urgency without colour; the symbol carries the level. */
	attr_t bold = l == HG_LEVEL_WATCH ? A_NORMAL : A_BOLD;

	return ui_pair(ui, pairs[l]) | bold;
}

attr_t ui_rating_attr(const struct ui *ui, int rating)
{
	if (rating < 0 || rating > HG_RATING_MAX)
		return A_NORMAL;
	return ui_pair(ui, (enum ui_pair)(UI_PAIR_R0 + rating)) |
		(rating == HG_RATING_MAX ? A_BOLD : A_NORMAL);
}

size_t ui_char(const struct ui *ui, const char *s, unsigned *cp, int *width)
{
	size_t n = hg_utf8_decode(s, strnlen(s, 4), cp);
	int w;

	*width = 1;
	if (n == 0) {
		*cp = '?';
		return 1;
	}
	if (*cp < 0x20 || *cp == 0x7F || (*cp >= 0x80 && *cp < 0xA0)) {
		*cp = ' ';
		return n;
	}
	if (*cp < 0x80)
		return n;
	if (!ui->utf8) {
		*cp = '?';
		return n;
	}
	w = wcwidth((wchar_t)*cp);
	if (w < 0)
		*cp = '?';
	else
		*width = w;
	return n;
}

int ui_put(const struct ui *ui, int y, int x, int width, attr_t attr, const char *s)
{
	wchar_t buf[128];
	int used = 0, n = 0;

	if (y < 0 || y >= LINES || x < 0 || width <= 0)
		return 0;
	if (x + width > COLS)
		width = COLS - x;
	attrset(attr);
	move(y, x);
	while (*s) {
		unsigned cp;
		int w;
		size_t len = ui_char(ui, s, &cp, &w);

		if (used + w > width)
			break;
		if (w == 0 && n == 0 && used == 0) {
			s += len;       /* a combining mark with nothing to sit on */
			continue;
		}
		buf[n++] = (wchar_t)cp;
		used += w;
		s += len;
		if (n == (int)(sizeof buf / sizeof buf[0]) - 1) {
			addnwstr(buf, n);
			n = 0;
		}
	}
	if (n)
		addnwstr(buf, n);
	attrset(A_NORMAL);
	return used;
}

int ui_put_right(const struct ui *ui, int y, int x_end, attr_t attr, const char *s)
{
	int w = hg_utf8_width(s);

	if (!ui->utf8) {
		/* Non-ASCII shows as one '?' per character. */
		w = 0;
		for (const char *p = s; *p;) {
			unsigned cp;
			int cw;
			p += ui_char(ui, p, &cp, &cw);
			w += cw;
		}
	}
	if (w > x_end)
		w = x_end;
	return ui_put(ui, y, x_end - w, w, attr, s);
}

int ui_putf(const struct ui *ui, int y, int x, int width, attr_t attr, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	int n, len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0)
		return 0;
	sb.s = xmalloc((size_t)len + 1);
	sb.cap = (size_t)len + 1;
	va_start(ap, fmt);
	vsnprintf(sb.s, (size_t)len + 1, fmt, ap);
	va_end(ap);
	n = ui_put(ui, y, x, width, attr, sb.s);
	sb_free(&sb);
	return n;
}

void ui_title(const struct ui *ui, const char *left, const char *right)
{
	int rw = right ? ui_put_right(ui, 0, COLS - 1, A_NORMAL, right) : 0;

	ui_put(ui, 0, 1, COLS - rw - 3, A_BOLD | ui_pair(ui, UI_PAIR_TITLE), left);
	mvhline_set(1, 1, WACS_HLINE, COLS - 2);
}

size_t ui_wrap(const char *s, int width, char **lines, size_t max)
{
	struct strbuf line = STRBUF_INIT;
	size_t n = 0;
	int used = 0;

	while (*s) {
		size_t wl = strcspn(s, " ");
		char *word = xmalloc(wl + 1);
		int ww;

		memcpy(word, s, wl);
		word[wl] = '\0';
		ww = hg_utf8_width(word);
		if (used > 0 && used + 1 + ww > width) {
			if (n < max)
				lines[n] = sb_detach(&line);
			else
				sb_free(&line);
			n++;
			used = 0;
		}
		if (used > 0) {
			sb_putc(&line, ' ');
			used++;
		}
		sb_puts(&line, word);
		used += ww;
		free(word);
		s += wl;
		while (*s == ' ')
			s++;
	}
	if (line.len) {
		if (n < max)
			lines[n] = sb_detach(&line);
		n++;
	}
	sb_free(&line);
	return n < max ? n : max;
}

void ui_describe_treatment(const struct ui *ui, const struct hg_treatment *t, struct strbuf *sb)
{
	const char *sep = ui_glyph(ui, UI_G_SEP);
	char date[HG_DATE_LEN];

	date_format(t->date, date);
	sb_printf(sb, "%s%s%s%s%s", t->area, sep, date, sep, model_device_name(t->device));
	if (t->depth > 0) {
		char depth[16];

		model_format_depth(t->depth, depth, sizeof depth);
		sb_printf(sb, " %s mm", depth);
	}
}

void ui_place_cursor(struct ui *ui, int y, int x)
{
	ui->show_cursor = 1;
	ui->cursor_y = y;
	ui->cursor_x = x;
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

static void draw_box(int y, int x, int h, int w)
{
	for (int r = y; r < y + h; r++)
		mvhline(r, x, ' ', w);
	mvhline_set(y, x + 1, WACS_HLINE, w - 2);
	mvhline_set(y + h - 1, x + 1, WACS_HLINE, w - 2);
	mvvline_set(y + 1, x, WACS_VLINE, h - 2);
	mvvline_set(y + 1, x + w - 1, WACS_VLINE, h - 2);
	mvadd_wch(y, x, WACS_ULCORNER);
	mvadd_wch(y, x + w - 1, WACS_URCORNER);
	mvadd_wch(y + h - 1, x, WACS_LLCORNER);
	mvadd_wch(y + h - 1, x + w - 1, WACS_LRCORNER);
}

static void draw_question(struct ui *ui)
{
	char *lines[4];
	int x = 4, w = COLS - 2 * x;
	size_t n = ui_wrap(ui->confirm.question, w - 4, lines, 4);
	int h = (int)n + 4;
	int y = (ui_body_rows() - h) / 2;

	draw_box(y, x, h, w);
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

	if (ui->message[0])
		ui_put(ui, rows - 3, 1, COLS - 2,
		       ui->message_error ? A_BOLD | ui_pair(ui, UI_PAIR_ERROR) : A_BOLD,
		       ui->message);
	ui_put(ui, rows - 2, 0, COLS, A_NORMAL, status);
	ui_put(ui, rows - 1, 1, COLS - 1, A_DIM, disclaimer);
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
	snprintf(line, sizeof line, "healgrid needs %d%s%d; this one is %d%s%d.", UI_MIN_COLS,
		 ui_glyph(ui, UI_G_TIMES), UI_MIN_LINES, COLS, ui_glyph(ui, UI_G_TIMES), LINES);
	y = put_wrapped(ui, y, A_BOLD, "terminal too small");
	y = put_wrapped(ui, y, A_NORMAL, line);
	y = put_wrapped(ui, y, A_NORMAL, "Enlarge the window, or press q to quit.");
	put_wrapped(ui, y, A_DIM, disclaimer);
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
		ui_push(ui, UI_HELP);
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
		ui_push(ui, to);
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
		global_act(ui, b->act);
		return;
	}
	if (!(s->act && s->act(ui, b->act, key)))
		global_act(ui, b->act);
}

static void check_size(struct ui *ui)
{
	ui->too_small = LINES < UI_MIN_LINES || COLS < UI_MIN_COLS;
}

static void colors_init(struct ui *ui)
{
	const char *no_color = getenv("NO_COLOR");

	ui->color = has_colors() && !(no_color && *no_color);
	if (!ui->color)
		return;
	if (start_color() != OK) {
		ui->color = 0;
		return;
	}
	short bg = use_default_colors() == OK ? -1 : COLOR_BLACK;
	init_pair(UI_PAIR_R0, COLOR_GREEN, bg);
	init_pair(UI_PAIR_R1, COLOR_YELLOW, bg);
	init_pair(UI_PAIR_R2, COLOR_MAGENTA, bg);
	init_pair(UI_PAIR_R3, COLOR_RED, bg);
	init_pair(UI_PAIR_URGENT, COLOR_RED, bg);
	init_pair(UI_PAIR_DOCTOR, COLOR_YELLOW, bg);
	init_pair(UI_PAIR_WATCH, COLOR_CYAN, bg);
	init_pair(UI_PAIR_H0, COLOR_BLACK, COLOR_GREEN);
	init_pair(UI_PAIR_H1, COLOR_BLACK, COLOR_YELLOW);
	init_pair(UI_PAIR_H2, COLOR_BLACK, COLOR_MAGENTA);
	init_pair(UI_PAIR_H3, COLOR_WHITE, COLOR_RED);
	init_pair(UI_PAIR_TITLE, COLOR_CYAN, bg);
	init_pair(UI_PAIR_ERROR, COLOR_RED, bg);
}

static int curses_start(struct ui *ui, SCREEN **scr)
{
	const char *term = getenv("TERM");

	have_saved_tty = tcgetattr(STDIN_FILENO, &saved_tty) == 0;
	*scr = newterm(NULL, stdout, stdin);
	if (!*scr)
		return hg_fail(HG_ERR_RUNTIME, "cannot drive this terminal (TERM=%s);"
			       " 'healgrid show' prints the grid as text", term ? term : "");
	crash_reset_prepare();
	curses_active = 1;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	/* Esc backs out of screens: do not wait a second to tell it from an
	 * escape sequence. */
	set_escdelay(25);
	/* Wake up now and then even without keys, so a signal that arrived
	 * just before the read is seen within a second. */
	timeout(1000);
	mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED, NULL);
	/* Home and End as terminals really send them, whatever TERM claims
	 * (inside tmux or screen with TERM=xterm, say): an unknown sequence
	 * would otherwise arrive as Esc plus letters. */
	static const struct { const char *seq; int key; } extra_keys[] = {
		{ "\033[1~", KEY_HOME }, { "\033[7~", KEY_HOME }, { "\033[H", KEY_HOME },
		{ "\033OH", KEY_HOME }, { "\033[4~", KEY_END }, { "\033[8~", KEY_END },
		{ "\033[F", KEY_END }, { "\033OF", KEY_END }, { "\033[3~", KEY_DC },
		{ "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE }, { "\033[Z", KEY_BTAB },
	};
	for (size_t i = 0; i < sizeof extra_keys / sizeof extra_keys[0]; i++)
		if (key_defined(extra_keys[i].seq) <= 0)
			define_key(extra_keys[i].seq, extra_keys[i].key);
	colors_init(ui);
	return HG_OK;
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

/* get_wch() also returns ERR, at once and forever, when the terminal has
 * gone (window closed, ssh dropped, tmux killed) and no SIGHUP came: ask
 * the descriptor, so healgrid ends instead of spinning. */
static int terminal_gone(void)
{
	struct pollfd pfd = { .fd = STDIN_FILENO, .events = POLLIN };

	if (poll(&pfd, 1, 0) < 0)
		return errno != EINTR;
	return (pfd.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

static void loop(struct ui *ui)
{
	int redraw = 1;

	while (!ui->quit && !stop_signal) {
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
			if (terminal_gone())
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
	static int registered;
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
		ui_grid_screen.open(&ui);

	stop_signal = 0;
	signals_install();
	if (!registered && atexit(ui_restore_terminal) == 0)
		registered = 1;
	rc = curses_start(&ui, &scr);
	if (rc == HG_OK) {
		check_size(&ui);
		loop(&ui);
		ui_home(&ui);
		mousemask(0, NULL);
		ui_restore_terminal();
		delscreen(scr);
	}
	signals_restore();
	if (ui_grid_screen.close)
		ui_grid_screen.close(&ui);
	ui_state_free(&ui);
	return rc;
}
