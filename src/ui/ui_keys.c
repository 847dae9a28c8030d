/* ui_keys.c — the key table: every key of every screen, its action, and
 * the words the status line, the help screen and the man page show for
 * it.  Lookup and the status-line builder live here too; what an action
 * does lives in the screen that receives it (src/ui_*.c). */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "healgrid/ui_keys.h"
#include "healgrid/util.h"

#define CTRL(c) ((c) & 0x1f)
#define ESC 27
#define ENTER_KEYS '\n', '\r', KEY_ENTER

/* Where the list-moving keys apply. */
#define K_LISTS (UI_K_FLAGS | UI_K_TREATS | UI_K_HELP)
/* Screens that only show things: the single-letter screen keys work there. */
#define K_NAV (UI_K_GRID | UI_K_FLAGS | UI_K_TRENDS | UI_K_TREATS | UI_K_HELP | UI_K_PHOTO)

/* Table order is status-line order; the help screen and the man page
 * group entries by section.  A context sees the first binding of a key,
 * so a screen's own bindings come before the everywhere ones. */
static const struct ui_binding table[] = {
	/* ---- grid ---- */
	{ ACT_LEFT, UI_K_GRID, UI_SEC_GRID, { KEY_LEFT, 'h' }, "Left, h",
	  "\u2190\u2191\u2193\u2192", "hjkl", "move", "the day before" },
	{ ACT_RIGHT, UI_K_GRID, UI_SEC_GRID, { KEY_RIGHT, 'l' }, "Right, l",
	  NULL, NULL, NULL, "the day after" },
	{ ACT_UP, UI_K_GRID, UI_SEC_GRID, { KEY_UP, 'k' }, "Up, k",
	  NULL, NULL, NULL, "the same weekday a week earlier" },
	{ ACT_DOWN, UI_K_GRID, UI_SEC_GRID, { KEY_DOWN, 'j' }, "Down, j",
	  NULL, NULL, NULL, "the same weekday a week later" },
	{ ACT_PAGE_UP, UI_K_GRID, UI_SEC_GRID, { KEY_PPAGE }, "PgUp",
	  NULL, NULL, NULL, "four weeks earlier" },
	{ ACT_PAGE_DOWN, UI_K_GRID, UI_SEC_GRID, { KEY_NPAGE }, "PgDn",
	  NULL, NULL, NULL, "four weeks later" },
	{ ACT_TODAY, UI_K_GRID, UI_SEC_GRID, { KEY_HOME, 'g' }, "Home, g",
	  NULL, NULL, NULL, "back to today" },
	{ ACT_OPEN, UI_K_GRID, UI_SEC_GRID, { ENTER_KEYS }, "Enter",
	  "\u23ce", "Enter", "check in",
	  "check in or correct the selected day (days still to come cannot be rated)" },
	{ ACT_MOUSE, UI_K_GRID, UI_SEC_GRID, { KEY_MOUSE }, "mouse",
	  NULL, NULL, NULL, "a click selects a day, a double click opens it" },
	{ ACT_PHOTO_SHOW, UI_K_GRID, UI_SEC_GRID, { 'i' }, "i",
	  NULL, NULL, NULL, "show the selected day's photos inside the terminal" },
	{ ACT_ADD, UI_K_FIRST, UI_SEC_GRID, { ENTER_KEYS, 'a' }, "Enter, a",
	  "\u23ce", "Enter", "add a treatment",
	  "with no treatment yet: add the first one (the treatment form)" },

	/* ---- day editor ---- */
	{ ACT_RATE, UI_K_RATE, UI_SEC_DAY, { '0', '1', '2', '3' }, "0 1 2 3",
	  "0-3", "0-3", "rate",
	  "rate the selected symptom (0 none, 1 mild, 2 moderate, 3 severe) and move on" },
	{ ACT_UNRATE, UI_K_RATE, UI_SEC_DAY, { '-', KEY_DC, KEY_BACKSPACE, 127, CTRL('H') },
	  "-, Delete, Backspace", NULL, NULL, NULL, "set the selected symptom back to not rated" },
	{ ACT_LEFT, UI_K_RATE, UI_SEC_DAY, { KEY_LEFT }, "Left",
	  NULL, NULL, NULL, "lower the rating (below 0 is not rated); among signs, the left column" },
	{ ACT_RIGHT, UI_K_RATE, UI_SEC_DAY, { KEY_RIGHT }, "Right",
	  NULL, NULL, NULL, "raise the rating; among signs, the right column" },
	{ ACT_UP, UI_K_DAY, UI_SEC_DAY, { KEY_UP, KEY_BTAB }, "Up, Shift-Tab",
	  NULL, NULL, NULL, "the field above" },
	{ ACT_DOWN, UI_K_DAY, UI_SEC_DAY, { KEY_DOWN, '\t' }, "Down, Tab",
	  "\u2191\u2193", "Up/Down", "field", "the field below" },
	{ ACT_TOGGLE, UI_K_RATE, UI_SEC_DAY, { ' ' }, "Space",
	  "space", "space", "tick", "tick or untick the selected warning sign" },
	{ ACT_COPY_PREVIOUS, UI_K_RATE, UI_SEC_DAY, { 'y' }, "y",
	  "y", "y", "copy prev",
	  "start from the ratings and signs of the most recent earlier rated day" },
	{ ACT_NOTE, UI_K_RATE, UI_SEC_DAY, { 'n' }, "n",
	  NULL, NULL, NULL, "go to the note" },
	{ ACT_NOTE_EDITOR, UI_K_RATE, UI_SEC_DAY, { 'E' }, "E",
	  NULL, NULL, NULL, "write the note in $VISUAL, else $EDITOR, else vi" },
	{ ACT_NOTE_VIEW, UI_K_RATE, UI_SEC_DAY, { 'v' }, "v",
	  NULL, NULL, NULL, "show the whole note" },
	{ ACT_PHOTO_ATTACH, UI_K_RATE, UI_SEC_DAY, { 'a' }, "a",
	  NULL, NULL, NULL, "attach a photo to the day, by its path" },
	{ ACT_PHOTO_OPEN, UI_K_RATE, UI_SEC_DAY, { 'o' }, "o",
	  NULL, NULL, NULL, "open the day's photos ($HEALGRID_VIEWER, else xdg-open)" },
	{ ACT_PHOTO_SHOW, UI_K_RATE, UI_SEC_DAY, { 'i' }, "i",
	  NULL, NULL, NULL, "show the day's photos inside the terminal" },
	{ ACT_SAVE, UI_K_DAY, UI_SEC_DAY, { ENTER_KEYS }, "Enter",
	  "\u23ce", "Enter", "save", "save the day and go back to the grid" },
	{ ACT_CANCEL, UI_K_DAY, UI_SEC_DAY, { ESC }, "Esc",
	  "Esc", "Esc", "cancel", "go back without saving (asks first when something changed)" },

	/* ---- photos in the terminal ---- */
	{ ACT_LEFT, UI_K_PHOTO, UI_SEC_PHOTO, { KEY_LEFT, 'h' }, "Left, h",
	  "\u2190\u2192", "Left/Right", "other day",
	  "the nearest earlier day with photos (comparing: for the day on the right)" },
	{ ACT_RIGHT, UI_K_PHOTO, UI_SEC_PHOTO, { KEY_RIGHT, 'l' }, "Right, l",
	  NULL, NULL, NULL, "the nearest later day with photos (comparing: for the day on the right)" },
	{ ACT_PHOTO_NEXT, UI_K_PHOTO, UI_SEC_PHOTO, { 'n' }, "n",
	  "n", "n", "next photo", "the day's next photo" },
	{ ACT_PHOTO_NEXT_OTHER, UI_K_PHOTO, UI_SEC_PHOTO, { 'N' }, "N",
	  NULL, NULL, NULL, "comparing: the next photo of the day on the right" },
	{ ACT_PHOTO_COMPARE, UI_K_PHOTO, UI_SEC_PHOTO, { 'c' }, "c",
	  "c", "c", "compare",
	  "compare with another day side by side (day 0 first); again for one day" },

	/* ---- text fields ---- */
	{ ACT_TEXT_LEFT, UI_K_TEXT, UI_SEC_TEXT, { KEY_LEFT }, "Left",
	  "\u2190\u2192", "Left/Right", "cursor", "move the cursor one character left" },
	{ ACT_TEXT_RIGHT, UI_K_TEXT, UI_SEC_TEXT, { KEY_RIGHT }, "Right",
	  NULL, NULL, NULL, "move the cursor one character right" },
	{ ACT_TEXT_HOME, UI_K_TEXT, UI_SEC_TEXT, { KEY_HOME, CTRL('A') }, "Home, Ctrl-A",
	  NULL, NULL, NULL, "to the start of the text" },
	{ ACT_TEXT_END, UI_K_TEXT, UI_SEC_TEXT, { KEY_END, CTRL('E') }, "End, Ctrl-E",
	  NULL, NULL, NULL, "to the end of the text" },
	{ ACT_TEXT_BACKSPACE, UI_K_TEXT, UI_SEC_TEXT, { KEY_BACKSPACE, 127, CTRL('H') },
	  "Backspace", NULL, NULL, NULL, "delete the character before the cursor" },
	{ ACT_TEXT_DELETE, UI_K_TEXT, UI_SEC_TEXT, { KEY_DC, CTRL('D') }, "Delete, Ctrl-D",
	  NULL, NULL, NULL, "delete the character under the cursor" },
	{ ACT_TEXT_CLEAR, UI_K_TEXT, UI_SEC_TEXT, { CTRL('U') }, "Ctrl-U",
	  NULL, NULL, NULL, "clear the field" },

	/* ---- lists: flags, treatments, help (first: moving is a list's main
	 * key, the last its status line gives up) ---- */
	{ ACT_UP, K_LISTS, UI_SEC_LISTS, { KEY_UP, 'k' }, "Up, k",
	  "\u2191\u2193", "Up/Down", "move", "the line above" },
	{ ACT_DOWN, K_LISTS, UI_SEC_LISTS, { KEY_DOWN, 'j' }, "Down, j",
	  NULL, NULL, NULL, "the line below" },
	{ ACT_PAGE_UP, K_LISTS, UI_SEC_LISTS, { KEY_PPAGE }, "PgUp",
	  NULL, NULL, NULL, "a page up" },
	{ ACT_PAGE_DOWN, K_LISTS, UI_SEC_LISTS, { KEY_NPAGE }, "PgDn",
	  NULL, NULL, NULL, "a page down" },

	/* ---- flags ---- */
	{ ACT_RESOLVE, UI_K_FLAGS, UI_SEC_FLAGS, { 'r' }, "r",
	  "r", "r", "done",
	  "record what was done for the marked flags, or the selected one: asks what, who"
	  " (a clinician or yourself) and when, and keeps it as one action" },
	{ ACT_TOGGLE, UI_K_FLAGS, UI_SEC_FLAGS, { ' ' }, "Space",
	  "space", "space", "mark", "mark or unmark the selected flag (for r)" },
	{ ACT_ADD, UI_K_FLAGS, UI_SEC_FLAGS, { 'a' }, "a",
	  "a", "a", "action", "record something done that names no flag (an action)" },
	{ ACT_MEDICINE, UI_K_FLAGS, UI_SEC_FLAGS, { 'm' }, "m",
	  "m", "m", "medicine",
	  "record a medicine taken during this recovery: asks its name, its dose, its first"
	  " day and its last (a date, a number of days, or none while still taken)" },
	{ ACT_OPEN, UI_K_FLAGS, UI_SEC_FLAGS, { ENTER_KEYS }, "Enter",
	  "\u23ce", "Enter", "day", "show the selected flag's day on the grid" },

	/* ---- trends ---- */
	{ ACT_LEFT, UI_K_TRENDS, UI_SEC_TRENDS, { KEY_LEFT, 'h' }, "Left, h",
	  "\u2190\u2192", "Left/Right", "scroll", "earlier days (windows wider than the screen)" },
	{ ACT_RIGHT, UI_K_TRENDS, UI_SEC_TRENDS, { KEY_RIGHT, 'l' }, "Right, l",
	  NULL, NULL, NULL, "later days" },

	/* ---- treatments ---- */
	{ ACT_OPEN, UI_K_TREATS, UI_SEC_TREATS, { ENTER_KEYS }, "Enter",
	  "\u23ce", "Enter", "switch", "show the selected treatment on the grid" },
	{ ACT_ADD, UI_K_TREATS, UI_SEC_TREATS, { 'a' }, "a",
	  "a", "a", "add", "add a treatment" },
	{ ACT_EDIT, UI_K_TREATS, UI_SEC_TREATS, { 'e' }, "e",
	  "e", "e", "edit", "edit the selected treatment" },
	{ ACT_DELETE, UI_K_TREATS, UI_SEC_TREATS, { 'd', KEY_DC }, "d, Delete",
	  "d", "d", "delete", "delete the selected treatment and its check-ins (asks first)" },
	{ ACT_PROFILE, UI_K_TREATS, UI_SEC_TREATS, { 'P' }, "P",
	  NULL, NULL, NULL, "edit the profile (name, birth date, clinic) the report shows" },

	/* ---- treatment form ---- */
	{ ACT_LEFT, UI_K_CHOICE, UI_SEC_FORM, { KEY_LEFT }, "Left",
	  NULL, NULL, NULL, "on the device, the other device; among risks, the left column" },
	{ ACT_RIGHT, UI_K_CHOICE, UI_SEC_FORM, { KEY_RIGHT }, "Right",
	  NULL, NULL, NULL, "on the device, the other device; among risks, the right column" },
	{ ACT_UP, UI_K_FORM, UI_SEC_FORM, { KEY_UP, KEY_BTAB }, "Up, Shift-Tab",
	  NULL, NULL, NULL, "the field above" },
	{ ACT_DOWN, UI_K_FORM, UI_SEC_FORM, { KEY_DOWN, '\t' }, "Down, Tab",
	  "\u2191\u2193", "Up/Down", "field", "the field below" },
	{ ACT_TOGGLE, UI_K_CHOICE, UI_SEC_FORM, { ' ' }, "Space",
	  "space", "space", "tick", "tick a risk, or change the device" },
	{ ACT_SAVE, UI_K_FORM, UI_SEC_FORM, { ENTER_KEYS }, "Enter",
	  "\u23ce", "Enter", "save", "save the treatment" },
	{ ACT_CANCEL, UI_K_FORM, UI_SEC_FORM, { ESC }, "Esc",
	  "Esc", "Esc", "cancel", "go back without saving (asks first when something changed)" },

	/* ---- questions ---- */
	{ ACT_YES, UI_K_CONFIRM, UI_SEC_CONFIRM, { 'y', 'Y' }, "y",
	  "y", "y", "yes", "yes" },
	{ ACT_NO, UI_K_CONFIRM, UI_SEC_CONFIRM, { 'n', 'N', ESC }, "n, Esc",
	  "n", "n", "no", "no" },

	/* ---- everywhere ---- */
	{ ACT_FLAGS, K_NAV & ~UI_K_FLAGS, UI_SEC_GLOBAL, { 'f' }, "f",
	  "f", "f", "flags", "the flags: every warning, most serious first" },
	{ ACT_TRENDS, K_NAV & ~UI_K_TRENDS, UI_SEC_GLOBAL, { 't' }, "t",
	  "t", "t", "trends", "trends: heat map, sparklines, comparison with earlier treatments" },
	{ ACT_TREATMENTS, (K_NAV & ~UI_K_TREATS) | UI_K_FIRST, UI_SEC_GLOBAL, { 'T' }, "T",
	  "T", "T", "treatments", "treatments: list, add, edit, delete, switch" },
	{ ACT_REPORT, K_NAV, UI_SEC_GLOBAL, { 'p' }, "p",
	  "p", "p", "report", "the report for your dermatologist" },
	{ ACT_BACK, UI_K_FLAGS | UI_K_TRENDS | UI_K_TREATS | UI_K_HELP | UI_K_PHOTO, UI_SEC_GLOBAL,
	  { ESC }, "Esc", "Esc", "Esc", "back", "back to the previous screen" },
	{ ACT_HELP, K_NAV | UI_K_RATE | UI_K_CHOICE | UI_K_FIRST, UI_SEC_GLOBAL, { '?', KEY_F(1) }, "?, F1",
	  "?", "?", "help", "this help (again, or Esc, to go back)" },
	{ ACT_QUIT, K_NAV | UI_K_RATE | UI_K_CHOICE | UI_K_SMALL | UI_K_FIRST, UI_SEC_GLOBAL, { 'q' }, "q",
	  "q", "q", "quit", "quit healgrid (asks first when there are unsaved edits)" },
	{ ACT_REDRAW, UI_K_ALL, UI_SEC_GLOBAL, { CTRL('L') }, "Ctrl-L",
	  NULL, NULL, NULL, "redraw the screen" },
};

#define NTABLE (sizeof table / sizeof table[0])

static const char *const section_titles[UI_SEC_COUNT] = {
	[UI_SEC_GRID] = "Grid",
	[UI_SEC_DAY] = "Day editor",
	[UI_SEC_PHOTO] = "Photos in the terminal",
	[UI_SEC_TEXT] = "Text fields (note, treatment form)",
	[UI_SEC_FLAGS] = "Flags",
	[UI_SEC_TRENDS] = "Trends",
	[UI_SEC_TREATS] = "Treatments",
	[UI_SEC_FORM] = "Treatment form",
	[UI_SEC_LISTS] = "Lists (flags, treatments, help)",
	[UI_SEC_CONFIRM] = "Questions",
	[UI_SEC_GLOBAL] = "Everywhere",
};

size_t ui_keys_count(void)
{
	return NTABLE;
}

const struct ui_binding *ui_keys_get(size_t i)
{
	return i < NTABLE ? &table[i] : NULL;
}

const char *ui_section_title(enum ui_section s)
{
	return (unsigned)s < UI_SEC_COUNT ? section_titles[s] : "?";
}

const struct ui_binding *ui_keys_find(unsigned ctx, int key)
{
	for (size_t i = 0; i < NTABLE; i++) {
		if (!(table[i].ctx & ctx))
			continue;
		for (int k = 0; k < UI_KEYS_MAX && table[i].keys[k]; k++)
			if (table[i].keys[k] == key)
				return &table[i];
	}
	return NULL;
}

struct status_item {
	const char *key, *word;
	int keep;
};

static char *status_join(const struct status_item *it, size_t n, const char *sep)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < n; i++) {
		if (!it[i].key)
			continue;
		if (sb.len)
			sb_puts(&sb, sep);
		sb_printf(&sb, "%s %s", it[i].key, it[i].word);
	}
	return sb_detach(&sb);
}

char *ui_keys_status(unsigned ctx, int utf8, int width)
{
	struct status_item it[NTABLE];
	size_t n = 0;

	for (size_t i = 0; i < NTABLE; i++) {
		const struct ui_binding *b = &table[i];
		int seen = 0;

		if (!(b->ctx & ctx) || !b->status)
			continue;
		/* A key another binding already claimed in this context is not
		 * this binding's to advertise. */
		for (int k = 0; k < UI_KEYS_MAX && b->keys[k] && !seen; k++)
			seen = ui_keys_find(ctx, b->keys[k]) != b;
		if (seen)
			continue;
		it[n].key = utf8 ? b->status_utf8 : b->status_ascii;
		it[n].word = b->status;
		it[n].keep = b->act == ACT_HELP || b->act == ACT_QUIT || b->act == ACT_SAVE ||
			b->act == ACT_CANCEL || b->act == ACT_BACK || b->act == ACT_YES ||
			b->act == ACT_NO;
		n++;
	}
	for (;;) {
		static const char *const seps[] = { "  ", " " };
		for (size_t s = 0; s < 2; s++) {
			char *line = status_join(it, n, seps[s]);
			if (hg_utf8_width(line) <= width)
				return line;
			free(line);
		}
		/* Too wide even tight: drop the last pair that may go. */
		size_t drop = n;
		for (size_t i = n; i-- > 0;)
			if (it[i].key && !it[i].keep) {
				drop = i;
				break;
			}
		if (drop == n)
			return status_join(it, n, " ");
		it[drop].key = NULL;
	}
}
