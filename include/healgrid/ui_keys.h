/* ui_keys.h — the one action enum and the one key table of the terminal
 * interface.  The status line, the help screen and the man page's KEYS
 * section all come from this table (tests/unit/test_ui_keys.c checks the
 * man page against it), so a key is added or renamed here only.
 *
 * No curses here: key codes are plain ints (curses KEY_* values or
 * characters), so the unit test can read the table without a terminal.
 */
#ifndef HEALGRID_UI_KEYS_H
#define HEALGRID_UI_KEYS_H

#include <stddef.h>

enum ui_action {
	ACT_NONE,
	ACT_LEFT, ACT_RIGHT, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN,
	ACT_TODAY, ACT_OPEN, ACT_MOUSE,
	ACT_FLAGS, ACT_TRENDS, ACT_TREATMENTS, ACT_REPORT, ACT_HELP, ACT_QUIT,
	ACT_BACK, ACT_REDRAW,
	/* day editor */
	ACT_RATE, ACT_UNRATE, ACT_TOGGLE, ACT_COPY_PREVIOUS, ACT_NOTE, ACT_SAVE,
	ACT_CANCEL,
	/* text fields */
	ACT_TEXT_LEFT, ACT_TEXT_RIGHT, ACT_TEXT_HOME, ACT_TEXT_END,
	ACT_TEXT_BACKSPACE, ACT_TEXT_DELETE, ACT_TEXT_CLEAR,
	/* treatments */
	ACT_ADD, ACT_EDIT, ACT_DELETE,
	/* questions */
	ACT_YES, ACT_NO,
	/* day editor: the note outside, photos; flags: resolve; treatments:
	 * the profile */
	ACT_NOTE_EDITOR, ACT_NOTE_VIEW, ACT_PHOTO_ATTACH, ACT_PHOTO_OPEN, ACT_RESOLVE,
	ACT_PROFILE,
	/* photos in the terminal */
	ACT_PHOTO_SHOW, ACT_PHOTO_NEXT, ACT_PHOTO_NEXT_OTHER, ACT_PHOTO_COMPARE,
	/* flags: a medicine */
	ACT_MEDICINE,
	ACT_COUNT
};

/* Key contexts: a screen says which are active (a day editor with the
 * note focused is UI_K_DAY | UI_K_TEXT), and a binding applies where its
 * mask meets them. */
enum {
	UI_K_GRID = 1 << 0,
	UI_K_DAY = 1 << 1,       /* day editor, any field */
	UI_K_RATE = 1 << 2,      /* day editor, a rating or a sign focused */
	UI_K_TEXT = 1 << 3,      /* a text field focused (note, form fields) */
	UI_K_FLAGS = 1 << 4,
	UI_K_TRENDS = 1 << 5,
	UI_K_TREATS = 1 << 6,
	UI_K_FORM = 1 << 7,      /* treatment form, any field */
	UI_K_CHOICE = 1 << 8,    /* treatment form, device or a risk focused */
	UI_K_HELP = 1 << 9,
	UI_K_CONFIRM = 1 << 10,  /* a yes/no question is open */
	UI_K_SMALL = 1 << 11,    /* the terminal is too small */
	UI_K_FIRST = 1 << 12,    /* the grid with no treatment yet (first run) */
	UI_K_PHOTO = 1 << 13,    /* a day's photos drawn in the terminal */
	UI_K_ALL = (1 << 14) - 1
};

/* Sections of the help screen and of the man page, in that order. */
enum ui_section {
	UI_SEC_GRID, UI_SEC_DAY, UI_SEC_PHOTO, UI_SEC_TEXT, UI_SEC_FLAGS, UI_SEC_TRENDS,
	UI_SEC_TREATS, UI_SEC_FORM, UI_SEC_LISTS, UI_SEC_CONFIRM, UI_SEC_GLOBAL,
	UI_SEC_COUNT
};

enum { UI_KEYS_MAX = 6 };

struct ui_binding {
	enum ui_action act;
	unsigned ctx;                 /* UI_K_* where it applies */
	enum ui_section section;      /* where help and man page list it */
	int keys[UI_KEYS_MAX];        /* curses key codes or characters, 0 ends */
	const char *label;            /* keys for help and man page (ASCII) */
	const char *status_utf8;      /* key in the status line (UTF-8 locale) */
	const char *status_ascii;     /* ... in any other locale */
	const char *status;           /* status-line word; NULL: help only */
	const char *help;             /* one line for help and man page */
};

size_t ui_keys_count(void);
const struct ui_binding *ui_keys_get(size_t i);
/* The first binding whose context meets ctx and that lists key, or NULL. */
const struct ui_binding *ui_keys_find(unsigned ctx, int key);
const char *ui_section_title(enum ui_section s);

/* The status line for the active contexts: "key word" pairs in table
 * order, fitted into width columns (narrower separators first, then
 * dropping pairs from the end; help, quit, save, cancel and back stay).  Returns a
 * malloc'd string. */
char *ui_keys_status(unsigned ctx, int utf8, int width);

#endif
