/* ui_help.c — the help screen, generated from the key table (ui_keys.c):
 * every key grouped by section, the symbols of the grid, and the
 * not-medical-advice line.  It opens scrolled to the section of the
 * screen it was called from. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "healgrid/ui_core.h"

enum { TOP = 2, LABEL_W = 24 };

struct line {
	char *text;
	attr_t attr;
};

static struct {
	struct line *lines;
	size_t n, cap;
	struct ui_sel view;     /* scrolls only: view.top is the first line */
	int width;              /* COLS the lines were wrapped for */
	enum ui_section from;
} hs;

static size_t page(void);
static void add(attr_t attr, const char *fmt, ...) HG_PRINTF(2, 3);
static void add(attr_t attr, const char *fmt, ...)
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
	va_start(ap, fmt);
	vsnprintf(sb.s, (size_t)len + 1, fmt, ap);
	va_end(ap);
	if (hs.n == hs.cap) {
		hs.cap = hs.cap ? hs.cap * 2 : 64;
		hs.lines = xrealloc(hs.lines, hs.cap * sizeof *hs.lines);
	}
	hs.lines[hs.n].text = sb.s;
	hs.lines[hs.n].attr = attr;
	hs.n++;
}

/* Columns of the key column: narrower on a narrow terminal. */
static int label_w(void)
{
	return COLS < 60 ? 12 : LABEL_W;
}

/* A key and its words, wrapped under the words' column.  The key column
 * is padded by display width (a symbol may take several bytes); a label
 * wider than its column gets a line of its own. */
static void add_entry(const char *label, const char *words)
{
	char *lines[8];
	int lw = label_w(), width = hg_utf8_width(label);
	size_t n = ui_wrap(words, COLS - lw - 2 > 10 ? COLS - lw - 2 : 10, lines, 8);
	size_t i = 0;

	if (width > lw - 3) {
		add(A_NORMAL, "  %s", label);
		label = "";
		width = 0;
	}
	for (; i < n; i++) {
		add(A_NORMAL, "  %s%*s%s", i ? "" : label, lw - 2 - (i ? 0 : width), "", lines[i]);
		free(lines[i]);
	}
}

static enum ui_section section_of(enum ui_screen_id id)
{
	switch (id) {
	case UI_DAY: return UI_SEC_DAY;
	case UI_FLAGS: return UI_SEC_FLAGS;
	case UI_TRENDS: return UI_SEC_TRENDS;
	case UI_TREATMENTS: return UI_SEC_TREATS;
	case UI_TFORM: return UI_SEC_FORM;
	default: return UI_SEC_GRID;
	}
}

static void lines_free(void)
{
	for (size_t i = 0; i < hs.n; i++)
		free(hs.lines[i].text);
	free(hs.lines);
	hs.lines = NULL;
	hs.n = hs.cap = 0;
}

/* The lines for this width, starting at the section of `from`. */
static void build(struct ui *ui, enum ui_section from)
{
	const char *sep = ui_glyph(ui, UI_G_SEP);
	size_t start = 0;

	lines_free();
	hs.width = COLS;
	for (int s = 0; s < UI_SEC_COUNT; s++) {
		if (s == (int)from)
			start = hs.n;
		add(A_BOLD, "%s", ui_section_title((enum ui_section)s));
		for (size_t i = 0; i < ui_keys_count(); i++) {
			const struct ui_binding *b = ui_keys_get(i);

			if (b->section == (enum ui_section)s)
				add_entry(b->label, b->help);
		}
		add(A_NORMAL, "%s", "");
	}
	add(A_BOLD, "Symbols");
	add_entry("0 1 2 3", "0 none, 1 mild, 2 moderate, 3 severe, in the order R S B L: "
		  "redness, swelling, bruising, bleeding");
	add_entry("-", "not rated (never the same as 0)");
	add_entry(ui_glyph(ui, UI_G_DOT), "a day still to come");
	for (int l = 0; l < HG_LEVEL_COUNT; l++) {
		struct strbuf label = STRBUF_INIT, words = STRBUF_INIT;

		sb_puts(&label, ui_level_symbol(ui, (enum hg_level)l));
		if (!ui->utf8) {
			static const char *const letter[HG_LEVEL_COUNT] = { "E", "U", "D", "W" };

			sb_printf(&label, " or %s", letter[l]);
		}
		sb_printf(&words, "an open flag, %s: %s", rules_level_name((enum hg_level)l),
			  rules_level_action((enum hg_level)l));
		add_entry(sb_str(&label), sb_str(&words));
		sb_free(&label);
		sb_free(&words);
	}
	add_entry(ui_glyph(ui, UI_G_CHECK), "a flag in care (an action covers it), "
		  "or an action that day");
	add_entry(ui->utf8 ? "\u25cb" : "o", "a settled flag (three clear check-in days)");
	add_entry(ui_glyph(ui, UI_G_PHOTO), "photos of the day");
	add_entry(ui_glyph(ui, UI_G_NOTE), "a note");
	add_entry("grid sizes", "from 40x16 a compact grid (four digits a day); from 80x24 "
		  "cells; from 100x30 wider cells and the selected day in full");
	add(A_NORMAL, "%s", "");
	add(A_NORMAL, "The manual (man healgrid) lists every warning rule and its source%s", sep);
	add(A_NORMAL, "healgrid --help lists the commands for the shell.");
	ui_sel_set_count(&hs.view, hs.n);
	hs.view.top = 0;
	ui_sel_scroll(&hs.view, (long)start, page());
}

static int help_open(struct ui *ui, int64_t arg)
{
	(void)arg;
	memset(&hs, 0, sizeof hs);
	hs.from = section_of(ui_current(ui));
	build(ui, hs.from);
	return 0;
}

static void help_close(struct ui *ui)
{
	(void)ui;
	lines_free();
	memset(&hs, 0, sizeof hs);
}

static size_t page(void)
{
	int r = ui_body_rows() - TOP;

	return r < 1 ? 1 : (size_t)r;
}


static void help_draw(struct ui *ui)
{
	char right[32];
	size_t rows = page();

	if (hs.width != COLS)
		build(ui, hs.from);
	ui_sel_scroll(&hs.view, 0, rows);
	snprintf(right, sizeof right, "lines %zu-%zu of %zu", hs.view.top + 1,
		 hs.view.top + rows < hs.n ? hs.view.top + rows : hs.n, hs.n);
	ui_title(ui, "Help: keys and symbols", right);
	for (size_t i = 0; i < rows && hs.view.top + i < hs.n; i++)
		ui_put(ui, TOP + (int)i, 1, COLS - 2, hs.lines[hs.view.top + i].attr,
		       hs.lines[hs.view.top + i].text);
}

static int help_act(struct ui *ui, enum ui_action act, int key)
{
	(void)key;
	switch (act) {
	case ACT_UP:
		ui_sel_scroll(&hs.view, -1, page());
		return 1;
	case ACT_DOWN:
		ui_sel_scroll(&hs.view, 1, page());
		return 1;
	case ACT_PAGE_UP:
		ui_sel_scroll(&hs.view, -(long)page(), page());
		return 1;
	case ACT_PAGE_DOWN:
		ui_sel_scroll(&hs.view, (long)page(), page());
		return 1;
	case ACT_HELP:
		ui_pop(ui);
		return 1;
	default:
		return 0;
	}
}

static unsigned help_context(struct ui *ui)
{
	(void)ui;
	return UI_K_HELP;
}

const struct screen_ops ui_help_screen = {
	.name = "help",
	.open = help_open,
	.draw = help_draw,
	.context = help_context,
	.act = help_act,
	.close = help_close,
};
