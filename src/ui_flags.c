/* ui_flags.c — the flags screen: every flag the rules raise for the
 * current treatment, most serious first (the order rules_eval gives),
 * each with its level, day, rule and the advice in full.  Enter shows
 * the flag's day on the grid.  The flags themselves come from rules.c. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "healgrid/date.h"
#include "healgrid/ui_core.h"

enum { TOP = 3, INDENT = 5, MAX_WRAP = 8 };

/* The screen's own state: which flag is selected, which is on top. */
static struct {
	struct ui_sel sel;
} fs;

static int flags_open(struct ui *ui, int64_t arg)
{
	(void)arg;
	memset(&fs, 0, sizeof fs);
	ui_sel_set_count(&fs.sel, ui->nflags);
	return 0;
}

/* The flags were read again: the selection stays within them. */
static void flags_reload(struct ui *ui)
{
	ui_sel_set_count(&fs.sel, ui->nflags);
}

/* Lines flag i takes: its heading and the wrapped advice. */
static int entry_lines(const struct ui *ui, size_t i, char **lines)
{
	size_t n = ui_wrap(ui->flags[i].message, COLS - INDENT - 2, lines, MAX_WRAP);

	if (n > MAX_WRAP)
		n = MAX_WRAP;
	return 1 + (int)n;
}

static int entry_height(const struct ui *ui, size_t i)
{
	char *lines[MAX_WRAP];
	int h = entry_lines(ui, i, lines);

	for (int k = 0; k < h - 1; k++)
		free(lines[k]);
	return h;
}

static void keep_visible(struct ui *ui, int rows)
{
	ui_sel_show(&fs.sel, (size_t)rows);
	for (;;) {
		int used = 0;
		for (size_t i = fs.sel.top; i <= fs.sel.selected; i++)
			used += entry_height(ui, i) + 1;
		if (used - 1 <= rows || fs.sel.top == fs.sel.selected)
			break;
		fs.sel.top++;
	}
}

static void flags_draw(struct ui *ui)
{
	struct strbuf title = STRBUF_INIT;
	const char *sep = ui_glyph(ui, UI_G_SEP);
	int rows = ui_body_rows() - TOP, y = TOP;
	char right[32];

	sb_puts(&title, "Flags");
	if (ui->have) {
		sb_puts(&title, sep);
		ui_describe_treatment(ui, &ui->rec.t, &title);
	}
	snprintf(right, sizeof right, "%zu flag%s", ui->nflags, ui->nflags == 1 ? "" : "s");
	ui_title(ui, sb_str(&title), right);
	sb_free(&title);
	int emergency = 0;
	for (size_t i = 0; i < ui->nflags; i++)
		emergency |= ui->flags[i].level == HG_LEVEL_EMERGENCY;
	ui_putf(ui, 2, 1, COLS - 2, A_DIM, "%s%s%s care today   %s call your dermatologist soon   "
		"%s mention at the next visit",
		emergency ? ui_level_symbol(ui, HG_LEVEL_EMERGENCY) : "",
		emergency ? " call 112/911/999 now   " : "",
		ui_level_symbol(ui, HG_LEVEL_URGENT),
		ui_level_symbol(ui, HG_LEVEL_DOCTOR), ui_level_symbol(ui, HG_LEVEL_WATCH));
	if (ui->nflags == 0) {
		ui_put(ui, y + 1, 3, COLS - 6, A_BOLD, "No flags.");
		ui_put(ui, y + 3, 3, COLS - 6, A_NORMAL,
		       "healgrid raises a flag when a warning sign or a rating should go to a");
		ui_put(ui, y + 4, 3, COLS - 6, A_NORMAL,
		       "doctor.  Every rule is listed in the manual (man healgrid, WARNING RULES).");
		return;
	}
	ui_sel_set_count(&fs.sel, ui->nflags);
	keep_visible(ui, rows);
	for (size_t i = fs.sel.top; i < ui->nflags && y < TOP + rows; i++) {
		const struct hg_flag *f = &ui->flags[i];
		char *lines[MAX_WRAP], date[HG_DATE_LEN];
		int h = entry_lines(ui, i, lines);
		attr_t sel = i == fs.sel.selected ? A_REVERSE : A_NORMAL;

		date_format(f->date, date);
		mvhline(y, 1, ' ' | sel, COLS - 2);
		int x = 2 + ui_put(ui, y, 1, 2, sel | ui_level_attr(ui, f->level),
				   ui_level_symbol(ui, f->level));
		ui_putf(ui, y, x, COLS - x - 1, sel | A_BOLD, "%-6s  day %d%s%s%s%s (%s)%s",
			rules_level_name(f->level), f->day, sep, date, sep, f->rule,
			rules_category_name(f->category), f->action ? " resolved" : "");
		for (int k = 0; k < h - 1; k++) {
			if (y + 1 + k < TOP + rows)
				ui_put(ui, y + 1 + k, INDENT, COLS - INDENT - 1, A_NORMAL, lines[k]);
			free(lines[k]);
		}
		y += h + 1;
	}
	if (fs.sel.top > 0)
		ui_put_right(ui, TOP - 1, COLS - 1, A_BOLD, ui_glyph(ui, UI_G_UP));
	if (y > TOP + rows)
		ui_put_right(ui, TOP + rows - 1, COLS - 1, A_BOLD, ui_glyph(ui, UI_G_DOWN));
}

static int flags_act(struct ui *ui, enum ui_action act, int key)
{
	size_t i;

	(void)key;
	switch (act) {
	case ACT_UP:
		ui_sel_move(&fs.sel, -1);
		return 1;
	case ACT_DOWN:
		ui_sel_move(&fs.sel, 1);
		return 1;
	case ACT_PAGE_UP:
		ui_sel_move(&fs.sel, -5);
		return 1;
	case ACT_PAGE_DOWN:
		ui_sel_move(&fs.sel, 5);
		return 1;
	case ACT_OPEN:
		if (ui->have && ui_sel_get(&fs.sel, &i) && i < ui->nflags) {
			ui->cursor = ui->flags[i].day;
			ui_home(ui);
		}
		return 1;
	default:
		return 0;
	}
}

static unsigned flags_context(struct ui *ui)
{
	(void)ui;
	return UI_K_FLAGS;
}

const struct screen_ops ui_flags_screen = {
	.name = "flags",
	.open = flags_open,
	.draw = flags_draw,
	.context = flags_context,
	.act = flags_act,
	.reload = flags_reload,
};
