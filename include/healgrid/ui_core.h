/* ui_core.h — what the screens of the terminal interface share: the UI
 * state (the database, the current treatment and its flags), the small
 * interface every screen fills (struct screen_ops), navigation between
 * screens, the message line and yes/no questions, and drawing helpers
 * that keep text within its columns and off the control characters.
 *
 * Only src/ui*.c include this (and curses).  Storage stays behind db.h,
 * the warnings behind rules.h.
 */
#ifndef HEALGRID_UI_CORE_H
#define HEALGRID_UI_CORE_H

#include <curses.h>
#include <stddef.h>
#include <stdint.h>

#include "healgrid/db.h"
#include "healgrid/model.h"
#include "healgrid/rules.h"
#include "healgrid/ui_keys.h"
#include "healgrid/ui_sel.h"
#include "healgrid/util.h"

enum ui_screen_id {
	UI_GRID, UI_DAY, UI_FLAGS, UI_TRENDS, UI_TREATMENTS, UI_TFORM, UI_HELP, UI_PHOTO,
	UI_SCREEN_COUNT
};

/* The size every screen is laid out for; the grid has a compact layout
 * below it (src/ui_grid.c). */
enum { UI_MIN_COLS = 80, UI_MIN_LINES = 24 };
/* Below this, only the "terminal too small" notice (where q quits). */
enum { UI_SMALL_COLS = 40, UI_SMALL_LINES = 16 };

/* Rows at the bottom of every screen: message, key status, the
 * not-medical-advice line.  A screen draws in rows 0 .. ui_body_rows()-1. */
enum { UI_FOOTER_ROWS = 3 };

struct ui;

/* One screen.  Every function may be NULL except draw.  A screen keeps
 * its own state (selection, fields being edited) private to its file:
 * a screen is open at most once (ui_push refuses a second), and what it
 * needs from the rest is struct ui and the argument it was opened with. */
struct screen_ops {
	const char *name;
	/* Called when the screen is opened with what it is opened on (the
	 * day editor: the day; the treatment form: the treatment id, 0 for a
	 * new one; others ignore it); returning non-zero refuses. */
	int (*open)(struct ui *ui, int64_t arg);
	void (*draw)(struct ui *ui);
	/* Key contexts now active (UI_K_*). */
	unsigned (*context)(struct ui *ui);
	/* An action from the key table; returns 1 when handled, 0 to let the
	 * UI's everywhere-handling have it. */
	int (*act)(struct ui *ui, enum ui_action act, int key);
	/* A key no binding claimed (text typed into a field). */
	void (*text)(struct ui *ui, int key);
	/* 1 while the screen holds edits not yet saved. */
	int (*busy)(struct ui *ui);
	/* Free what open() made; called on leaving and at exit. */
	void (*close)(struct ui *ui);
	/* The data was read again (a change here or by another program):
	 * fit what the screen keeps (its selection above all) to it.  Runs
	 * for every open screen, before the next key is handled. */
	void (*reload)(struct ui *ui);
	/* Runs after each frame reached the terminal: for output curses does
	 * not know of (pixels of a photo). */
	void (*after)(struct ui *ui);
};

extern const struct screen_ops ui_grid_screen, ui_day_screen, ui_flags_screen,
	ui_trends_screen, ui_treatments_screen, ui_tform_screen, ui_help_screen,
	ui_photo_screen;

/* Colour pairs (only used when colour is on). */
enum ui_pair {
	UI_PAIR_NONE,
	UI_PAIR_R0, UI_PAIR_R1, UI_PAIR_R2, UI_PAIR_R3,          /* rating 0..3 */
	UI_PAIR_URGENT, UI_PAIR_DOCTOR, UI_PAIR_WATCH,           /* flag levels */
	UI_PAIR_H0, UI_PAIR_H1, UI_PAIR_H2, UI_PAIR_H3,          /* heat map */
	UI_PAIR_TITLE, UI_PAIR_ERROR,
	UI_PAIR_COUNT
};

/* Glyphs with an ASCII stand-in for non-UTF-8 locales. */
enum ui_glyph {
	UI_G_DOT,        /* · or . */
	UI_G_DASH,       /* — or - */
	UI_G_SEL_L,      /* ▶ or > */
	UI_G_SEL_R,      /* ◀ or < */
	UI_G_ENTER,      /* ⏎ or Enter */
	UI_G_UP, UI_G_DOWN,
	UI_G_TIMES,      /* × or x */
	UI_G_SEP,        /* " · " or " - " between title parts */
	UI_G_CHECK,      /* ✓ or + : a flag resolved, an action */
	UI_G_PHOTO,      /* ▣ or # : photos */
	UI_G_NOTE,       /* ✎ or n : a note */
	UI_G_COUNT
};

enum { UI_STACK_MAX = 8 };

struct ui {
	struct hg_db *db;
	int today;
	int utf8;                /* locale is UTF-8 */
	int color;               /* colour in use */
	int too_small;

	/* The current treatment: loaded at start and after every change. */
	int have;                /* a treatment exists and is loaded */
	struct hg_recovery rec;
	struct hg_flag *flags;
	size_t nflags;
	struct hg_action *actions;      /* of rec, so flags show resolved */
	size_t nactions;
	/* Where rec stands, worked out at each load (not at each draw): */
	int tracking_ended;      /* daily check-ins can stop */
	int look_due;            /* the follow-up look due today, or -1 */
	int look_next;           /* the next look not yet done, or -1 */
	int *photo_days;         /* photos per day of rec (malloc'd) */
	int nphoto_days;         /* entries in photo_days */
	int cursor;              /* grid: the selected day */
	int top_week;            /* grid: first week on screen */

	enum ui_screen_id stack[UI_STACK_MAX];
	int depth;               /* stack[depth - 1] is showing */

	/* The database's data_version when last read: it moves when another
	 * program commits, and the UI reads the treatment again. */
	int64_t data_version;
	/* Bumped whenever a treatment is added, edited or deleted, so lists
	 * know to read again. */
	unsigned changes;

	char message[512];
	int message_error;

	struct {
		int active;
		char question[256];
		/* What the question is about (a treatment id, say): the
		 * answer acts on this, never on whatever is selected then. */
		int64_t subject;
		void (*answer)(struct ui *ui, int64_t subject, int yes);
	} confirm;

	int quit;
	int show_cursor;         /* a text field placed the cursor this frame */
	int cursor_y, cursor_x;
};

/* ---- navigation and state (ui.c) ---- */
const struct screen_ops *ui_screen(enum ui_screen_id id);
enum ui_screen_id ui_current(const struct ui *ui);
/* Open a screen on top of the current one, on arg (see screen_ops.open;
 * its open() may refuse). */
int ui_push(struct ui *ui, enum ui_screen_id id, int64_t arg);
/* Close the current screen; the grid is never closed. */
void ui_pop(struct ui *ui);
/* Close everything down to the grid. */
void ui_home(struct ui *ui);

/* Make tid the current treatment: load its recovery and flags.  tid 0
 * loads the most recent one (or none).  On failure the old state stays
 * and the message line shows the error. */
int ui_load(struct ui *ui, int64_t tid);
/* Reload the current treatment after a change. */
int ui_reload(struct ui *ui);
/* Days the grid shows: the window, or up to today when today lies past
 * it but within HG_WINDOW_MAX days of the treatment. */
int ui_grid_days(const struct ui *ui);
/* Put the grid cursor on today (or the nearest day of the window). */
void ui_cursor_today(struct ui *ui);

void ui_message(struct ui *ui, const char *fmt, ...) HG_PRINTF(2, 3);
void ui_error(struct ui *ui, const char *fmt, ...) HG_PRINTF(2, 3);
/* Show hg_error() (a failed database call) on the message line. */
void ui_db_error(struct ui *ui);
/* Ask a yes/no question about subject (an id, or 0); answer() runs with
 * that subject and the reply. */
void ui_ask(struct ui *ui, void (*answer)(struct ui *ui, int64_t subject, int yes),
	    int64_t subject, const char *fmt, ...) HG_PRINTF(4, 5);
/* The report action: one place for `p`. */
void ui_report(struct ui *ui);

/* ---- drawing helpers (ui_draw.c) ---- */
int ui_body_rows(void);
const char *ui_glyph(const struct ui *ui, enum ui_glyph g);
const char *ui_level_symbol(const struct ui *ui, enum hg_level l);
attr_t ui_level_attr(const struct ui *ui, enum hg_level l);
attr_t ui_rating_attr(const struct ui *ui, int rating);
attr_t ui_pair(const struct ui *ui, enum ui_pair p);
/* Decode the character at s (which is not empty): returns the bytes it
 * takes, with *cp the code point to show (a control character becomes a
 * space, invalid UTF-8 or, outside a UTF-8 locale, anything not ASCII
 * becomes '?') and *width its columns (0 for a combining mark). */
size_t ui_char(const struct ui *ui, const char *s, unsigned *cp, int *width);
/* Draw UTF-8 text at (y, x) within at most width columns; control
 * characters become spaces and, outside a UTF-8 locale, anything not
 * ASCII becomes '?'.  Returns the columns used. */
int ui_put(const struct ui *ui, int y, int x, int width, attr_t attr, const char *s);
/* Like ui_put, right-aligned so the text ends at column x_end - 1. */
int ui_put_right(const struct ui *ui, int y, int x_end, attr_t attr, const char *s);
/* ui_put with printf formatting. */
int ui_putf(const struct ui *ui, int y, int x, int width, attr_t attr, const char *fmt, ...)
	HG_PRINTF(6, 7);
/* Title line and a rule under it (rows 0 and 1). */
void ui_title(const struct ui *ui, const char *left, const char *right);
/* Word-wrap s into lines of at most width columns (util.c's hg_wrap: a
 * word wider than a line is cut between characters; line breaks in s are
 * kept); fills at most max lines, drops the rest, and returns how many it
 * filled (malloc'd, caller frees each). */
size_t ui_wrap(const char *s, int width, char **lines, size_t max);
/* "face · 2026-11-03 · professional 1.0 mm" appended to sb. */
void ui_describe_treatment(const struct ui *ui, const struct hg_treatment *t, struct strbuf *sb);
/* The safety line every screen keeps at its foot: the longest of its
 * forms that fits width columns, from "Not medical advice · emergency:
 * 112 / 911 / 999" to the whole of the manual's words. */
const char *ui_safety_line(const struct ui *ui, int width);
/* The least form every screen must show ("Not medical advice ·
 * emergency: 112 / 911 / 999"). */
const char *ui_safety_least(const struct ui *ui);
/* "Mon" ... "Sun" for a date. */
const char *ui_weekday(int date);
/* Where the terminal cursor should blink this frame (a text field). */
void ui_place_cursor(struct ui *ui, int y, int x);
/* A blank box with a line border, h rows by w columns from (y, x). */
void ui_box(int y, int x, int h, int w);

/* Free a loaded recovery and its flags. */
void ui_state_free(struct ui *ui);

#endif
