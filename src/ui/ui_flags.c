/* ui_flags.c — the flags screen: the open flags first, most serious
 * first (emergency, urgent, doctor, watch), each with its level, day,
 * rule and the advice in full; then the resolved ones, each with the
 * action that resolved it; then actions whose flag is no longer raised.
 * The header counts open flags only.  Enter shows the flag's day on the
 * grid; `r` resolves the selected open flag (it asks what was done and
 * when, today unless told otherwise, and records that as an action), `a`
 * records an action resolving nothing.  The flags themselves come from rules.c. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "healgrid/date.h"
#include "healgrid/ui_core.h"
#include "healgrid/ui_edit.h"

enum { TOP = 3, INDENT = 5, MAX_WRAP = 8 };

/* One line of the list: a flag (open or resolved) or a reference of an
 * action to a flag that is no longer raised. */
struct entry {
	const struct hg_flag *flag;      /* NULL: a vanished reference */
	const struct hg_action *action;  /* resolving it */
	const struct hg_flag_ref *ref;   /* the vanished reference */
};

static struct {
	struct ui_sel sel;
	struct entry *e;
	size_t n, nopen, nresolved;
	/* `r` and `a`: what was done, asked on the bottom line. */
	int prompting;                   /* 0, 'r' or 'a' */
	int asking_date;                 /* the second question: when */
	struct ui_edit text, when;
	char rule[64];                   /* the flag `r` resolves */
	int date;
} fs;

/* Open flags in the engine's order (most serious first), then resolved,
 * then the vanished references. */
static void entries_build(const struct ui *ui)
{
	size_t cap = ui->nflags, n = 0;

	for (size_t i = 0; i < ui->nactions; i++)
		cap += ui->actions[i].nresolves;
	free(fs.e);
	fs.e = xcalloc(cap + 1, sizeof *fs.e);
	for (int lvl = 0; lvl < HG_LEVEL_COUNT; lvl++)
		for (size_t i = 0; i < ui->nflags; i++)
			if (!ui->flags[i].care && (int)ui->flags[i].level == lvl)
				fs.e[n++].flag = &ui->flags[i];
	fs.nopen = n;
	for (size_t i = 0; i < ui->nflags; i++)
		if (ui->flags[i].care) {
			fs.e[n].flag = &ui->flags[i];
			fs.e[n++].action = ui->flags[i].care;
		}
	fs.nresolved = n - fs.nopen;
	for (size_t i = 0; i < ui->nactions; i++)
		for (size_t k = 0; k < ui->actions[i].nresolves; k++) {
			const struct hg_flag_ref *r = &ui->actions[i].resolves[k];

			if (rules_find_flag(ui->flags, ui->nflags, &ui->rec.t, r, ui->actions[i].date))
				continue;
			fs.e[n].action = &ui->actions[i];
			fs.e[n++].ref = r;
		}
	fs.n = n;
	ui_sel_set_count(&fs.sel, fs.n);
}

static int flags_open(struct ui *ui, int64_t arg)
{
	(void)arg;
	memset(&fs, 0, sizeof fs);
	ui_edit_init(&fs.text, "", HG_ACTION_TEXT_MAX);
	ui_edit_init(&fs.when, "", HG_DATE_LEN - 1);
	entries_build(ui);
	return 0;
}

static void flags_close(struct ui *ui)
{
	(void)ui;
	free(fs.e);
	ui_edit_free(&fs.text);
	ui_edit_free(&fs.when);
	memset(&fs, 0, sizeof fs);
}

/* The flags were read again: the selection stays within them. */
static void flags_reload(struct ui *ui)
{
	entries_build(ui);
}

/* The heading of entry i into sb. */
static void heading(const struct ui *ui, size_t i, struct strbuf *sb)
{
	const struct entry *e = &fs.e[i];
	const char *sep = ui_glyph(ui, UI_G_SEP);
	char id[HG_FLAG_ID_MAX], date[HG_DATE_LEN], adate[HG_DATE_LEN];

	if (e->action)
		date_format(e->action->date, adate);
	if (!e->flag) {                     /* a resolved flag no longer raised */
		if (!e->action)
			return;
		snprintf(id, sizeof id, "%s@%d", e->ref->kind ? e->ref->kind : e->ref->rule,
			 e->ref->date - ui->rec.t.date);
		sb_printf(sb, "%s %s no longer raised %s action %s: %s",
			  ui->utf8 ? "\xe2\x9c\x93" : "+", id, ui_glyph(ui, UI_G_DASH), adate + 5,
			  e->action->text);
		return;
	}
	snprintf(id, sizeof id, "%s", e->flag->id);
	date_format(e->flag->date, date);
	if (e->action)
		sb_printf(sb, "%s %-6s  %s%sday %d %s resolved %s: %s",
			  ui->utf8 ? "\xe2\x9c\x93" : "+", rules_level_name(e->flag->level), id, sep,
			  e->flag->day, ui_glyph(ui, UI_G_DASH), adate + 5, e->action->text);
	else
		sb_printf(sb, "%s %-6s  %s%sday %d%s%s (%s)", ui_level_symbol(ui, e->flag->level),
			  rules_level_name(e->flag->level), id, sep, e->flag->day, sep, date,
			  rules_kind_name(e->flag->kind));
}

/* Lines entry i takes: its heading and, for an open flag, the advice. */
static int entry_lines(const struct ui *ui, size_t i, char **lines)
{
	size_t n;

	(void)ui;
	if (!fs.e[i].flag || fs.e[i].action)
		return 1;
	n = ui_wrap(fs.e[i].flag->message, COLS - INDENT - 2, lines, MAX_WRAP);
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

static int gap(size_t i)
{
	return fs.e[i].flag && !fs.e[i].action ? 1 : 0;
}

static void keep_visible(struct ui *ui, int rows)
{
	ui_sel_show(&fs.sel, (size_t)rows);
	for (;;) {
		int used = 0;
		for (size_t i = fs.sel.top; i <= fs.sel.selected && i < fs.n; i++)
			used += entry_height(ui, i) + gap(i);
		if (used - 1 <= rows || fs.sel.top == fs.sel.selected)
			break;
		fs.sel.top++;
	}
}

static void draw_prompt(struct ui *ui)
{
	int y = ui_body_rows() - 1;
	const char *label = fs.asking_date ? "When (YYYY-MM-DD, Enter for today): "
		: fs.prompting == 'r' ? "What was done? " : "Action (what was done): ";
	int lw = hg_utf8_width(label);

	mvhline(y, 0, ' ', COLS);
	ui_put(ui, y, 1, lw, A_BOLD, label);
	ui_edit_draw(ui, fs.asking_date ? &fs.when : &fs.text, y, 1 + lw, COLS - 2 - lw, 1);
}

static void flags_draw(struct ui *ui)
{
	struct strbuf title = STRBUF_INIT;
	const char *sep = ui_glyph(ui, UI_G_SEP);
	int rows = ui_body_rows() - TOP - (fs.prompting ? 1 : 0), y = TOP;
	char right[64];

	entries_build(ui);
	sb_puts(&title, "Flags");
	if (ui->have) {
		sb_puts(&title, sep);
		ui_describe_treatment(ui, &ui->rec.t, &title);
	}
	if (fs.nresolved)
		snprintf(right, sizeof right, "%zu open (%zu resolved below)", fs.nopen,
			 fs.nresolved);
	else
		snprintf(right, sizeof right, "%zu open", fs.nopen);
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
	if (fs.n == 0) {
		ui_put(ui, y + 1, 3, COLS - 6, A_BOLD, "No flags.");
		ui_put(ui, y + 3, 3, COLS - 6, A_NORMAL,
		       "healgrid raises a flag when a warning sign or a rating should go to a");
		ui_put(ui, y + 4, 3, COLS - 6, A_NORMAL,
		       "doctor.  Every rule is listed in the manual (man healgrid, WARNING RULES).");
		ui_put(ui, y + 6, 3, COLS - 6, A_NORMAL, "a records something done (an action).");
		if (fs.prompting)
			draw_prompt(ui);
		return;
	}
	keep_visible(ui, rows);
	for (size_t i = fs.sel.top; i < fs.n && y < TOP + rows; i++) {
		const struct entry *e = &fs.e[i];
		char *lines[MAX_WRAP];
		struct strbuf head = STRBUF_INIT;
		int h = entry_lines(ui, i, lines);
		attr_t sel = i == fs.sel.selected ? A_REVERSE : A_NORMAL;
		attr_t lvl = e->flag && !e->action ? ui_level_attr(ui, e->flag->level) : A_DIM;

		heading(ui, i, &head);
		mvhline(y, 1, ' ' | sel, COLS - 2);
		ui_put(ui, y, 1, COLS - 2, sel | lvl | (e->action ? A_NORMAL : A_BOLD), sb_str(&head));
		if (e->flag && !e->action)
			ui_put_right(ui, y, COLS - 1, sel | A_BOLD, " open");
		sb_free(&head);
		for (int k = 0; k < h - 1; k++) {
			if (y + 1 + k < TOP + rows)
				ui_put(ui, y + 1 + k, INDENT, COLS - INDENT - 1, A_NORMAL, lines[k]);
			free(lines[k]);
		}
		y += h + gap(i);
	}
	if (fs.sel.top > 0)
		ui_put_right(ui, TOP - 1, COLS - 1, A_BOLD, ui_glyph(ui, UI_G_UP));
	if (y > TOP + rows)
		ui_put_right(ui, TOP + rows - 1, COLS - 1, A_BOLD, ui_glyph(ui, UI_G_DOWN));
	if (fs.prompting)
		draw_prompt(ui);
}

/* Record the action typed at the prompt (resolving fs.rule@fs.date for
 * `r`): the same checks as `healgrid action add`. */
static void submit(struct ui *ui)
{
	const char *text = ui_edit_text(&fs.text);
	struct hg_action a;
	int64_t by = 0;
	int rc, date;

	while (*text == ' ')
		text++;
	if (!*text) {
		ui_error(ui, "Say what was done, e.g. \"saw GP, antibiotics for 7 days\" (Esc: never mind).");
		return;
	}
	if (strlen(text) > HG_ACTION_TEXT_MAX) {
		ui_error(ui, "Longer than %d bytes.", HG_ACTION_TEXT_MAX);
		return;
	}
	if (!fs.asking_date) {
		char today[HG_DATE_LEN];

		/* Then when it was done: today unless told otherwise. */
		date_format(ui->today, today);
		ui_edit_set(&fs.when, today);
		fs.asking_date = 1;
		return;
	}
	if (date_parse(ui_edit_text(&fs.when), &date) != 0) {
		ui_error(ui, "When: expected a date as YYYY-MM-DD.");
		return;
	}
	if (date > ui->today) {
		ui_error(ui, "When: that is after today; record what was done once it is done.");
		return;
	}
	model_action_init(&a);
	a.treatment_id = ui->rec.t.id;
	a.date = date;
	a.text = xstrdup(text);
	rc = db_begin(ui->db);
	if (rc == HG_OK && fs.prompting == 'r') {
		rc = db_flag_resolver(ui->db, a.treatment_id, fs.rule, fs.date, &by);
		if (rc == HG_OK && by != 0)
			rc = hg_fail(HG_ERR_INPUT, "already resolved by action %lld", (long long)by);
		if (rc == HG_OK) {
			a.resolves = xcalloc(1, sizeof *a.resolves);
			a.resolves[0].rule = xstrdup(fs.rule);
			a.resolves[0].kind = xstrdup(rules_kind_name((enum hg_kind)
				rules_rule_kind(fs.rule, &ui->rec.t)));
			a.resolves[0].date = fs.date;
			a.nresolves = 1;
		}
	}
	if (rc == HG_OK)
		rc = db_action_add(ui->db, &a);
	if (rc == HG_OK)
		rc = db_commit(ui->db);
	else
		db_rollback(ui->db);
	model_action_free(&a);
	if (rc != HG_OK) {
		ui_db_error(ui);
		return;
	}
	if (fs.prompting == 'r') {
		char id[HG_FLAG_ID_MAX];

		rules_flag_id((enum hg_kind)rules_rule_kind(fs.rule, &ui->rec.t),
			      fs.date - ui->rec.t.date, id, sizeof id);
		fs.prompting = fs.asking_date = 0;
		ui_reload(ui);
		ui_message(ui, "Resolved %s.", id);
	} else {
		fs.prompting = fs.asking_date = 0;
		ui_reload(ui);
		ui_message(ui, "Action recorded.");
	}
	entries_build(ui);
}

static void prompt(struct ui *ui, int kind)
{
	size_t i;

	if (!ui->have) {
		ui_error(ui, "No treatment yet: T adds one.");
		return;
	}
	if (kind == 'r') {
		if (!ui_sel_get(&fs.sel, &i) || i >= fs.n || !fs.e[i].flag) {
			ui_error(ui, "No flag selected.");
			return;
		}
		if (fs.e[i].action) {
			ui_error(ui, "That flag is resolved already.");
			return;
		}
		snprintf(fs.rule, sizeof fs.rule, "%s", fs.e[i].flag->nfindings
			 ? fs.e[i].flag->findings[0].rule : "");
		fs.date = fs.e[i].flag->date;
	}
	fs.prompting = kind;
	fs.asking_date = 0;
	ui_edit_set(&fs.text, "");
}

static int flags_act(struct ui *ui, enum ui_action act, int key)
{
	size_t i;

	(void)key;
	if (fs.prompting) {
		ui_edit_act(fs.asking_date ? &fs.when : &fs.text, act);
		return 1;
	}
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
	case ACT_RESOLVE:
		prompt(ui, 'r');
		return 1;
	case ACT_ADD:
		prompt(ui, 'a');
		return 1;
	case ACT_OPEN:
		if (ui->have && ui_sel_get(&fs.sel, &i) && i < fs.n && fs.e[i].flag) {
			ui->cursor = fs.e[i].flag->day;
			ui_home(ui);
		}
		return 1;
	default:
		return 0;
	}
}

/* Keys no binding took: the prompt's text, Enter and Esc. */
static void flags_text(struct ui *ui, int key)
{
	if (!fs.prompting)
		return;
	if (key == '\r' || key == '\n') {
		submit(ui);
		return;
	}
	if (key == 27) {
		fs.prompting = fs.asking_date = 0;
		return;
	}
	if (key < 0x20 || key == 0x7F)
		return;
	if (ui_edit_insert(fs.asking_date ? &fs.when : &fs.text, (unsigned)key) != 0)
		ui_error(ui, "At most %d bytes.", fs.asking_date ? HG_DATE_LEN - 1
			 : HG_ACTION_TEXT_MAX);
}

static unsigned flags_context(struct ui *ui)
{
	(void)ui;
	/* While asking, only the text keys: every letter is text. */
	return fs.prompting ? UI_K_TEXT : UI_K_FLAGS;
}

const struct screen_ops ui_flags_screen = {
	.name = "flags",
	.open = flags_open,
	.draw = flags_draw,
	.context = flags_context,
	.act = flags_act,
	.text = flags_text,
	.close = flags_close,
	.reload = flags_reload,
};
