/* ui_flags.c — the flags screen: one entry per problem, open ones first,
 * then in care, then settled, the most serious first within each; each
 * with its level, kind, days and status, its findings, the advice while
 * it is open, and the actions that name it.  Then actions whose flag is
 * no longer raised, the precautions of the treatment (apart: never
 * flags), and what was done.  The header counts open, in care and
 * settled flags.
 *
 * Space marks flags; `r` records what was done for the marked flags (or
 * the selected one when none is marked) as one action, asking what, who
 * (a clinician or the person) and when; `a` records an action naming no
 * flag; `m` a medicine, asking as `medicine add` takes it (name, dose,
 * first day, then the last day, a number of days or none).  Enter shows
 * the flag's first day on the grid.  The flags come from rules.c; actions
 * and medicines are stored through record.h. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "healgrid/date.h"
#include "healgrid/record.h"
#include "healgrid/ui_core.h"
#include "healgrid/ui_edit.h"
#include "healgrid/validate.h"

/* TEXT_END: the column after the text, left to the ↑ and ↓ that say more
 * lies above or below, so they never cover a letter. */
enum { TOP = 3, INDENT = 5 };
#define TEXT_END (COLS - 2)

/* What the `r` and `a` questions are asking now. */
enum stage {
	ASK_NONE, ASK_WHAT, ASK_WHO, ASK_WHEN, ASK_MED_NAME, ASK_MED_DOSE, ASK_MED_FROM, ASK_MED_TO
};

/* One entry of the list: a flag, a reference of an action to a flag no
 * longer raised, or a block of text (precautions, what was done). */
struct entry {
	const struct hg_flag *flag;
	const struct hg_action *action;         /* of a vanished reference */
	const struct hg_flag_ref *ref;
	int block;                              /* 1 precautions, 2 what was done */
	/* What it is, whatever its place, as a copy that outlives a reload
	 * (which frees the flags first): the flag's id, or the reference. */
	char key[HG_FLAG_ID_MAX + 32];
};

static struct {
	struct ui_sel sel;
	struct entry *e;
	size_t n;
	size_t count[HG_STATUS_COUNT];
	int lost;                               /* the selected entry went */
	/* An entry taller than the list's room scrolls by lines under its
	 * heading: how many of the selected entry's lines are scrolled off,
	 * and the room the last frame had. */
	int skip;
	int rows;
	/* Marked flags, by id (kept across reloads while the flag exists). */
	char (*marks)[HG_FLAG_ID_MAX];
	size_t nmarks;
	/* The questions of `r` and `a`. */
	enum stage stage;
	int for_flags;                          /* r: for ids; a: for none */
	char (*ids)[HG_FLAG_ID_MAX];            /* the flags r records for */
	size_t nids;
	enum hg_by by;
	struct ui_edit text, when, dose, until;
	struct hg_medicine *meds;               /* this treatment's, for what was done */
	size_t nmeds;
	struct hg_precaution *prec;
	size_t nprec;
} fs;

/* ---- the list ----------------------------------------------------------- */

static int marked(const char *id)
{
	for (size_t i = 0; i < fs.nmarks; i++)
		if (strcmp(fs.marks[i], id) == 0)
			return 1;
	return 0;
}

static void mark_toggle(const char *id)
{
	for (size_t i = 0; i < fs.nmarks; i++)
		if (strcmp(fs.marks[i], id) == 0) {
			memmove(fs.marks[i], fs.marks[i + 1],
				(fs.nmarks - i - 1) * sizeof fs.marks[0]);
			fs.nmarks--;
			return;
		}
	fs.marks = xrealloc(fs.marks, (fs.nmarks + 1) * sizeof fs.marks[0]);
	snprintf(fs.marks[fs.nmarks++], sizeof fs.marks[0], "%s", id);
}

/* Marks of flags that went (a change elsewhere) are dropped. */
static void marks_fit(const struct ui *ui)
{
	size_t k = 0;

	for (size_t i = 0; i < fs.nmarks; i++) {
		int there = 0;

		for (size_t j = 0; j < ui->nflags && !there; j++)
			there = strcmp(ui->flags[j].id, fs.marks[i]) == 0;
		if (there)
			memmove(fs.marks[k++], fs.marks[i], sizeof fs.marks[0]);
	}
	fs.nmarks = k;
}

static void entries_build(struct ui *ui)
{
	size_t cap = ui->nflags + 3, n = 0, at;
	char was[sizeof fs.e[0].key] = "";
	int had = 0;

	if (fs.e && ui_sel_get(&fs.sel, &at) && at < fs.n) {
		memcpy(was, fs.e[at].key, sizeof was);
		had = 1;
	}
	for (size_t i = 0; i < ui->nactions; i++)
		cap += ui->actions[i].nresolves;
	free(fs.e);
	fs.e = xcalloc(cap, sizeof *fs.e);
	memset(fs.count, 0, sizeof fs.count);
	for (int st = 0; st < HG_STATUS_COUNT; st++)
		for (int lvl = 0; lvl < HG_LEVEL_COUNT; lvl++)
			for (size_t i = 0; i < ui->nflags; i++) {
				const struct hg_flag *f = &ui->flags[i];

				if ((int)f->status != st || (int)f->level != lvl)
					continue;
				fs.e[n].flag = f;
				snprintf(fs.e[n++].key, sizeof fs.e[0].key, "%s", f->id);
				fs.count[st]++;
			}
	for (size_t i = 0; i < ui->nactions; i++)
		for (size_t k = 0; k < ui->actions[i].nresolves; k++) {
			const struct hg_action *a = &ui->actions[i];
			const struct hg_flag_ref *r = &a->resolves[k];

			if (rules_find_flag(ui->flags, ui->nflags, &ui->rec.t, r, a->date))
				continue;
			fs.e[n].action = a;
			fs.e[n].ref = r;
			snprintf(fs.e[n++].key, sizeof fs.e[0].key, "ref %lld %zu", (long long)a->id, k);
		}
	rules_precautions_free(fs.prec, fs.nprec);
	fs.prec = NULL;
	fs.nprec = 0;
	if (ui->have)
		rules_precautions(&ui->rec.t, ui->today, &fs.prec, &fs.nprec);
	model_medicines_free(fs.meds, fs.nmeds);
	fs.meds = NULL;
	fs.nmeds = 0;
	if (ui->have && db_medicine_list(ui->db, ui->rec.t.id, &fs.meds, &fs.nmeds) != HG_OK) {
		ui_db_error(ui);
		fs.meds = NULL;
		fs.nmeds = 0;
	}
	if (fs.nprec) {
		fs.e[n].block = 1;
		snprintf(fs.e[n++].key, sizeof fs.e[0].key, "precautions");
	}
	if (ui->have) {
		fs.e[n].block = 2;
		snprintf(fs.e[n++].key, sizeof fs.e[0].key, "done");
	}
	fs.n = n;
	marks_fit(ui);
	ui_sel_set_count(&fs.sel, fs.n);
	if (!had)
		return;
	for (at = 0; at < fs.n; at++)
		if (strcmp(fs.e[at].key, was) == 0) {
			ui_sel_set(&fs.sel, at);
			return;
		}
	fs.lost = 1;
	/* The selection stays on a flag while there is one: the nearest
	 * before where it was. */
	if (ui_sel_get(&fs.sel, &at) && at < fs.n && !fs.e[at].flag)
		while (at > 0 && !fs.e[at].flag)
			at--;
	if (at < fs.n && fs.e[at].flag)
		ui_sel_set(&fs.sel, at);
}

/* ---- what an entry says ------------------------------------------------- */

/* An entry's lines under its heading, as many as it takes: every line
 * is shown, the list scrolling through an entry taller than the screen. */
struct lines {
	char **v;
	attr_t *attr;
	int n, cap;
};

static void lines_free(struct lines *L)
{
	for (int i = 0; i < L->n; i++)
		free(L->v[i]);
	free(L->v);
	free(L->attr);
	memset(L, 0, sizeof *L);
}

enum { WRAP_MAX = 512 };        /* lines of one paragraph, more than any can take */

/* Text wrapped into L from its indent (the first entry line has none). */
static void add(struct lines *L, attr_t attr, const char *s)
{
	char *w[WRAP_MAX];
	int width = TEXT_END - INDENT;
	size_t n = ui_wrap(s, width > 10 ? width : 10, w, WRAP_MAX);

	for (size_t i = 0; i < n; i++) {
		if (L->n == L->cap) {
			L->cap = L->cap ? 2 * L->cap : 16;
			L->v = xrealloc(L->v, (size_t)L->cap * sizeof *L->v);
			L->attr = xrealloc(L->attr, (size_t)L->cap * sizeof *L->attr);
		}
		L->attr[L->n] = attr;
		L->v[L->n++] = w[i];
	}
}

static void addf(struct lines *L, attr_t attr, const char *fmt, ...) HG_PRINTF(3, 4);
static void addf(struct lines *L, attr_t attr, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	add(L, attr, buf);
}

static const char *who(enum hg_by by)
{
	return by == HG_BY_CLINICIAN ? "clinician" : by == HG_BY_SELF ? "self"
		: "who: not recorded";
}

static void days_of(const struct ui *ui, int first, int last, char *buf, size_t len)
{
	if (first == last)
		snprintf(buf, len, "day %d", first);
	else
		snprintf(buf, len, "days %d%s%d", first, ui->utf8 ? "\xe2\x80\x93" : "-", last);
}

/* "in care since 11-23", "open (back on day 14)", "settled by day 11". */
static void status_of(const struct ui *ui, const struct hg_flag *f, char *buf, size_t len)
{
	char d[HG_DATE_LEN];

	switch (f->status) {
	case HG_STATUS_IN_CARE:
		date_format(ui->rec.t.date + f->since, d);
		snprintf(buf, len, "in care since %s", d + 5);
		break;
	case HG_STATUS_SETTLED:
		snprintf(buf, len, "settled by day %d%s", f->settled_day >= 0 ? f->settled_day
			 : f->since, f->level <= HG_LEVEL_URGENT && !f->clinician_seen
			 ? ", no clinician recorded" : "");
		break;
	default:
		if (f->back_day >= 0)
			snprintf(buf, len, "open (back on day %d)", f->back_day);
		else
			snprintf(buf, len, "open");
		break;
	}
}

static void action_line(const struct ui *ui, struct lines *L, const struct hg_action *a,
			int with_flags)
{
	char d[HG_DATE_LEN];
	struct strbuf sb = STRBUF_INIT;

	date_format(a->date, d);
	sb_printf(&sb, "%s %s: %s", d + 5, who(a->by), a->text);
	if (with_flags && a->nresolves) {
		sb_puts(&sb, " (for ");
		for (size_t k = 0; k < a->nresolves; k++) {
			const struct hg_flag *f = rules_find_flag(ui->flags, ui->nflags, &ui->rec.t,
								  &a->resolves[k], a->date);
			char id[HG_FLAG_ID_MAX];

			if (f)
				snprintf(id, sizeof id, "%s", f->id);
			else
				snprintf(id, sizeof id, "%s@%d", a->resolves[k].kind
					 ? a->resolves[k].kind : a->resolves[k].rule,
					 a->resolves[k].date - ui->rec.t.date);
			sb_printf(&sb, "%s%s", k ? ", " : "", id);
		}
		sb_puts(&sb, ")");
	}
	add(L, A_NORMAL, sb_str(&sb));
	sb_free(&sb);
}

/* "medicine valaciclovir 500 mg twice a day, 11-05 to 11-11" (or "since"). */
static void medicine_line(struct lines *L, const struct hg_medicine *m)
{
	char from[HG_DATE_LEN], to[HG_DATE_LEN];

	date_format(m->from, from);
	if (m->to) {
		date_format(m->to, to);
		addf(L, A_NORMAL, "medicine %s%s%s, %s to %s", m->name, *m->dose ? " " : "",
		     m->dose, from + 5, to + 5);
	} else {
		addf(L, A_NORMAL, "medicine %s%s%s, since %s", m->name, *m->dose ? " " : "",
		     m->dose, from + 5);
	}
}

/* The heading of entry i (its first line, drawn by the caller) and the
 * lines under it. */
static void entry_text(const struct ui *ui, size_t i, struct strbuf *head, struct lines *L)
{
	const struct entry *e = &fs.e[i];
	const char *sep = ui_glyph(ui, UI_G_SEP);
	char days[48], status[96];

	memset(L, 0, sizeof *L);
	if (e->block == 1) {
		sb_puts(head, "Precautions, before and after this session:");
		for (size_t k = 0; k < fs.nprec; k++) {
			const struct hg_rule_info *r = rules_find_rule(fs.prec[k].id);

			addf(L, A_NORMAL, "%s %s: %s", ui_level_symbol(ui, fs.prec[k].level),
			     r && r->short_name ? r->short_name : fs.prec[k].id, fs.prec[k].message);
		}
		return;
	}
	if (e->block == 2) {
		sb_printf(head, "What was done: %zu action%s, %zu medicine%s", ui->nactions,
			  ui->nactions == 1 ? "" : "s", fs.nmeds, fs.nmeds == 1 ? "" : "s");
		for (size_t k = 0; k < ui->nactions; k++)
			action_line(ui, L, &ui->actions[k], 1);
		for (size_t k = 0; k < fs.nmeds; k++)
			medicine_line(L, &fs.meds[k]);
		if (!ui->nactions && !fs.nmeds)
			add(L, A_DIM, "nothing recorded yet: r records what was done for a flag,"
			    " a an action of its own, m a medicine");
		return;
	}
	if (!e->flag) {
		char adate[HG_DATE_LEN];

		date_format(e->action->date, adate);
		sb_printf(head, "  %s %s@%d no longer raised %s action %s: %s",
			  ui_glyph(ui, UI_G_CHECK), e->ref->kind ? e->ref->kind : e->ref->rule,
			  e->ref->date - ui->rec.t.date, ui_glyph(ui, UI_G_DASH), adate + 5,
			  e->action->text);
		return;
	}
	days_of(ui, e->flag->day, e->flag->last_day, days, sizeof days);
	status_of(ui, e->flag, status, sizeof status);
	sb_printf(head, "%s %s %-6s  %s%s%s%s%s", marked(e->flag->id) ? "*" : " ",
		  e->flag->status == HG_STATUS_SETTLED ? ui_glyph(ui, UI_G_CHECK)
		  : ui_level_symbol(ui, e->flag->level), rules_level_name(e->flag->level),
		  e->flag->id, sep, days, sep, status);
	if (e->flag->status == HG_STATUS_OPEN)
		add(L, A_NORMAL, e->flag->message);
	if (e->flag->nfindings) {
		struct strbuf sb = STRBUF_INIT;

		sb_puts(&sb, "findings: ");
		for (size_t k = 0; k < e->flag->nfindings; k++) {
			const struct hg_finding *fd = &e->flag->findings[k];

			days_of(ui, fd->day, fd->last_day, days, sizeof days);
			sb_printf(&sb, "%s%s (%s)", k ? ", " : "", fd->rule, days);
		}
		add(L, A_DIM, sb_str(&sb));
		sb_free(&sb);
	}
	for (size_t k = 0; k < e->flag->nactions; k++)
		action_line(ui, L, e->flag->actions[k], 0);
	if (e->flag->status == HG_STATUS_OPEN && e->flag->self_only_urgent)
		add(L, A_BOLD, "an urgent problem needs a clinician: r records who saw it");
}

static int entry_height(const struct ui *ui, size_t i)
{
	struct strbuf head = STRBUF_INIT;
	struct lines L;
	int h;

	entry_text(ui, i, &head, &L);
	h = 1 + L.n;
	lines_free(&L);
	sb_free(&head);
	return h;
}

static void keep_visible(struct ui *ui, int rows)
{
	ui_sel_show(&fs.sel, (size_t)rows);
	for (;;) {
		int used = 0;

		for (size_t i = fs.sel.top; i <= fs.sel.selected && i < fs.n; i++)
			used += entry_height(ui, i);
		if (used <= rows || fs.sel.top == fs.sel.selected)
			break;
		fs.sel.top++;
	}
	if (fs.sel.top != fs.sel.selected || fs.sel.selected >= fs.n) {
		fs.skip = 0;
	} else {
		/* At most what shows the entry's last line at the foot. */
		int most = entry_height(ui, fs.sel.selected) - rows;

		if (fs.skip > most)
			fs.skip = most > 0 ? most : 0;
	}
}

/* Down and Up through an entry taller than the room, a line at a time,
 * before going on to the next entry or back to the one before: 1 when it
 * scrolled. */
static int scroll_within(struct ui *ui, int delta)
{
	size_t i;

	if (!ui_sel_get(&fs.sel, &i) || i >= fs.n || fs.rows <= 0)
		return 0;
	if (delta < 0) {
		if (fs.skip == 0 || fs.sel.top != i)
			return 0;
		fs.skip--;
		return 1;
	}
	int h = entry_height(ui, i);

	if (h <= fs.rows)
		return 0;
	if (fs.sel.top != i) {
		/* Bring it to the top first: its lines then scroll. */
		fs.sel.top = i;
		fs.skip = 0;
		return 1;
	}
	if (h - fs.skip <= fs.rows)
		return 0;
	fs.skip++;
	return 1;
}

/* Up and Down (delta -1, 1: through a tall entry first), PgUp and PgDn. */
static void sel_move(struct ui *ui, long delta)
{
	size_t was = fs.sel.selected;

	if ((delta == 1 || delta == -1) && scroll_within(ui, (int)delta))
		return;
	ui_sel_move(&fs.sel, delta);
	if (fs.sel.selected != was)
		fs.skip = 0;
}

/* ---- drawing ------------------------------------------------------------ */

/* The field the question being asked fills. */
static struct ui_edit *field(void)
{
	switch (fs.stage) {
	case ASK_WHEN: case ASK_MED_FROM: return &fs.when;
	case ASK_MED_DOSE: return &fs.dose;
	case ASK_MED_TO: return &fs.until;
	default: return &fs.text;
	}
}

static void draw_prompt(struct ui *ui)
{
	int y = ui_body_rows() - 1;
	const char *label = fs.stage == ASK_MED_NAME ? "Medicine (its name): "
		: fs.stage == ASK_MED_DOSE ? "Dose (Enter for none): "
		: fs.stage == ASK_MED_FROM ? "Taken from (YYYY-MM-DD, Enter for today): "
		: fs.stage == ASK_MED_TO ? "Taken to (YYYY-MM-DD, or days; Enter: ongoing): "
		: fs.stage == ASK_WHEN ? "When (YYYY-MM-DD, Enter for today): "
		: fs.stage == ASK_WHO ? "Who: c a clinician (doctor, nurse, pharmacist, clinic),"
		" s yourself "
		: fs.for_flags ? "What was done? " : "Action (what was done): ";
	int lw = hg_utf8_width(label);
	/* Room for the answer: a whole date at least, at 40 columns too. */
	int room = fs.stage == ASK_WHO ? 6 : HG_DATE_LEN + 3;

	mvhline(y, 0, ' ', COLS);
	if (lw > COLS - room)
		lw = COLS - room;
	ui_put(ui, y, 1, lw, A_BOLD, label);
	if (fs.stage != ASK_WHO)
		ui_edit_draw(ui, field(), y, 1 + lw, COLS - 2 - lw, 1);
}

static void flags_draw(struct ui *ui)
{
	struct strbuf title = STRBUF_INIT;
	const char *sep = ui_glyph(ui, UI_G_SEP);
	int rows = ui_body_rows() - TOP - (fs.stage ? 1 : 0), y = TOP;
	char right[96];

	entries_build(ui);
	sb_puts(&title, "Flags");
	if (ui->have) {
		sb_puts(&title, sep);
		ui_describe_treatment(ui, &ui->rec.t, &title);
	}
	snprintf(right, sizeof right, "%zu open%s%zu in care%s%zu settled",
		 fs.count[HG_STATUS_OPEN], sep, fs.count[HG_STATUS_IN_CARE], sep,
		 fs.count[HG_STATUS_SETTLED]);
	ui_title(ui, sb_str(&title), right);
	sb_free(&title);
	ui_putf(ui, 2, 1, TEXT_END - 1, A_DIM, "%s %s   %s %s   %s %s   %s %s   %s settled",
		ui_level_symbol(ui, HG_LEVEL_EMERGENCY), rules_level_action(HG_LEVEL_EMERGENCY),
		ui_level_symbol(ui, HG_LEVEL_URGENT), rules_level_action(HG_LEVEL_URGENT),
		ui_level_symbol(ui, HG_LEVEL_DOCTOR), rules_level_action(HG_LEVEL_DOCTOR),
		ui_level_symbol(ui, HG_LEVEL_WATCH), rules_level_action(HG_LEVEL_WATCH),
		ui_glyph(ui, UI_G_CHECK));
	if (fs.n == 0 || (ui->nflags == 0 && y + 3 < TOP + rows)) {
		ui_put(ui, y++, 3, COLS - 6, A_BOLD, "No flags.");
		ui_put(ui, y++, 3, COLS - 6, A_NORMAL,
		       "healgrid raises a flag when a warning sign or a rating should go to a"
		       " doctor (man healgrid, WARNING RULES).");
		rows -= 2;
	}
	fs.rows = rows;
	keep_visible(ui, rows);
	size_t i = fs.sel.top;
	int cut = 0;

	for (; i < fs.n && y < TOP + rows; i++) {
		const struct entry *e = &fs.e[i];
		struct strbuf head = STRBUF_INIT;
		struct lines L;
		attr_t sel = i == fs.sel.selected ? A_REVERSE : A_NORMAL;
		attr_t lvl = A_BOLD;

		if (e->flag && e->flag->status == HG_STATUS_OPEN)
			lvl = ui_level_attr(ui, e->flag->level) | A_BOLD;
		else if ((e->flag && e->flag->status == HG_STATUS_SETTLED)
			 || (!e->flag && !e->block))
			lvl = A_DIM;
		entry_text(ui, i, &head, &L);
		mvhline(y, 1, ' ' | sel, COLS - 2);
		ui_put(ui, y++, 1, TEXT_END - 1, sel | lvl, sb_str(&head));
		int from = i == fs.sel.top ? fs.skip : 0;

		if (from)       /* lines scrolled off above, under the heading */
			ui_put_right(ui, y - 1, COLS - 1, A_BOLD, ui_glyph(ui, UI_G_UP));
		for (int k = from; k < L.n; k++) {
			if (y >= TOP + rows) {
				cut = 1;
				break;
			}
			ui_put(ui, y++, INDENT, TEXT_END - INDENT, L.attr[k], L.v[k]);
		}
		lines_free(&L);
		sb_free(&head);
	}
	if (fs.sel.top > 0)
		ui_put_right(ui, TOP - 1, COLS - 1, A_BOLD, ui_glyph(ui, UI_G_UP));
	if (cut || i < fs.n)
		ui_put_right(ui, TOP + rows - 1, COLS - 1, A_BOLD, ui_glyph(ui, UI_G_DOWN));
	if (fs.stage)
		draw_prompt(ui);
}

/* ---- recording what was done -------------------------------------------- */

static void ask_end(void)
{
	fs.stage = ASK_NONE;
	free(fs.ids);
	fs.ids = NULL;
	fs.nids = 0;
}

/* The last day of a course from `from`, as `medicine add` takes it: a
 * date (--to), a number of days counting the first (--days), or nothing
 * for a course still taken (0).  -1 with msg when it is neither. */
static int course_end(const char *s, int from, int *to, char *msg)
{
	long days;

	while (*s == ' ')
		s++;
	*to = 0;
	if (!*s)
		return 0;
	if (strspn(s, "0123456789") == strlen(s)) {
		if (validate_int(s, 1, HG_MEDICINE_DAYS_MAX, &days, msg) != 0)
			return -1;
		*to = from + (int)days - 1;
		return 0;
	}
	return validate_date(s, to, msg);
}

/* `m`: name, then dose, then the first day, then the last (or a number of
 * days, or none: still taken); one medicine. */
static void submit_medicine(struct ui *ui)
{
	char msg[HG_VALID_MSG], today[HG_DATE_LEN];
	struct hg_medicine m;
	char *name = NULL, *dose = NULL;
	int rc, from, to;

	/* Each answer is checked again on every Enter; a stage not yet
	 * answered is asked next.  name and dose are freed at done. */
	if (validate_medicine_text(ui_edit_text(&fs.text), 1, &name, msg) != 0) {
		ui_error(ui, "Medicine: %s", msg);
		fs.stage = ASK_MED_NAME;
		goto done;
	}
	if (fs.stage == ASK_MED_NAME) {
		fs.stage = ASK_MED_DOSE;
		goto done;
	}
	if (validate_medicine_text(ui_edit_text(&fs.dose), 0, &dose, msg) != 0) {
		ui_error(ui, "Dose: %s", msg);
		fs.stage = ASK_MED_DOSE;
		goto done;
	}
	if (fs.stage == ASK_MED_DOSE) {
		date_format(ui->today, today);
		ui_edit_set(&fs.when, today);
		fs.stage = ASK_MED_FROM;
		goto done;
	}
	if (validate_date(ui_edit_text(&fs.when), &from, msg) != 0) {
		ui_error(ui, "Taken from: %s", msg);
		fs.stage = ASK_MED_FROM;
		goto done;
	}
	if (fs.stage == ASK_MED_FROM) {
		ui_edit_set(&fs.until, "");
		fs.stage = ASK_MED_TO;
		goto done;
	}
	if (course_end(ui_edit_text(&fs.until), from, &to, msg) != 0) {
		ui_error(ui, "Taken to: %s", msg);
		goto done;
	}
	memset(&m, 0, sizeof m);
	m.treatment_id = ui->rec.t.id;
	m.name = name;
	m.dose = dose ? dose : xstrdup("");
	name = dose = NULL;             /* m owns them now */
	m.from = from;
	m.to = to;
	rc = record_medicine_add(ui->db, &m, "Taken to");
	model_medicine_free(&m);
	if (rc != HG_OK) {
		/* A last day before the first: the question stays, to mend. */
		ui_db_error(ui);
		return;
	}
	ui_message(ui, "Medicine recorded.");
	ask_end();
	ui_reload(ui);
done:
	free(name);
	free(dose);
}

/* The action asked for: one action, for fs.ids (r) or none (a). */
static void submit(struct ui *ui)
{
	const char *text = ui_edit_text(&fs.text);
	char *idv[64];
	struct hg_action a;
	int rc, date, self_urgent = 0;

	while (*text == ' ')
		text++;
	if (fs.stage == ASK_WHAT) {
		char today[HG_DATE_LEN];

		if (!*text) {
			ui_error(ui, "Say what was done, e.g. \"saw GP, antibiotics for 7 days\""
				 " (Esc: never mind).");
			return;
		}
		if (strlen(text) > HG_ACTION_TEXT_MAX) {
			ui_error(ui, "Longer than %d bytes.", HG_ACTION_TEXT_MAX);
			return;
		}
		/* Then who, then when it was done: today unless told otherwise. */
		date_format(ui->today, today);
		ui_edit_set(&fs.when, today);
		fs.stage = ASK_WHO;
		return;
	}
	if (fs.stage == ASK_WHO) {
		ui_error(ui, "Who: c for a clinician, s for yourself (Esc: never mind).");
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
	a.by = fs.by;
	a.text = xstrdup(text);
	for (size_t k = 0; k < fs.nids && k < 64; k++) {
		const struct hg_flag *f = NULL;

		idv[k] = fs.ids[k];
		for (size_t j = 0; j < ui->nflags && !f; j++)
			if (strcmp(ui->flags[j].id, fs.ids[k]) == 0)
				f = &ui->flags[j];
		self_urgent |= fs.by == HG_BY_SELF && f && f->level <= HG_LEVEL_URGENT;
	}
	rc = rules_check_flag_ids(ui->flags, ui->nflags, &ui->rec.t, date, idv,
				  fs.nids < 64 ? fs.nids : 64, &a.resolves, &a.nresolves);
	if (rc == HG_OK)
		rc = db_begin(ui->db);
	if (rc == HG_OK) {
		rc = record_action_add(ui->db, &a, ui->today);
		if (rc == HG_OK)
			rc = db_commit(ui->db);
		else
			db_rollback(ui->db);
	}
	model_action_free(&a);
	if (rc != HG_OK) {
		ui_db_error(ui);
		return;
	}
	if (fs.nids) {
		struct strbuf sb = STRBUF_INIT;

		for (size_t k = 0; k < fs.nids; k++)
			sb_printf(&sb, "%s%s", k ? (k + 1 == fs.nids ? " and " : ", ") : "",
				  fs.ids[k]);
		if (self_urgent)
			ui_message(ui, "Recorded for %s; an urgent problem stays open until a"
				   " clinician has seen it.", sb_str(&sb));
		else
			ui_message(ui, "Recorded for %s.", sb_str(&sb));
		sb_free(&sb);
		fs.nmarks = 0;
	} else {
		ui_message(ui, "Action recorded.");
	}
	ask_end();
	ui_reload(ui);
}

/* `m`: start the medicine's questions. */
static void ask_medicine(struct ui *ui)
{
	if (!ui->have) {
		ui_error(ui, "No treatment yet: T adds one.");
		return;
	}
	ask_end();
	fs.stage = ASK_MED_NAME;
	ui_edit_set(&fs.text, "");
	ui_edit_set(&fs.dose, "");
}

/* `r` (for_flags) or `a`: start the questions. */
static void ask(struct ui *ui, int for_flags)
{
	size_t i;

	if (!ui->have) {
		ui_error(ui, "No treatment yet: T adds one.");
		return;
	}
	ask_end();
	if (for_flags) {
		if (fs.nmarks) {
			fs.ids = xcalloc(fs.nmarks, sizeof *fs.ids);
			memcpy(fs.ids, fs.marks, fs.nmarks * sizeof *fs.ids);
			fs.nids = fs.nmarks;
		} else if (ui_sel_get(&fs.sel, &i) && i < fs.n && fs.e[i].flag) {
			fs.ids = xcalloc(1, sizeof *fs.ids);
			snprintf(fs.ids[0], sizeof fs.ids[0], "%s", fs.e[i].flag->id);
			fs.nids = 1;
		} else {
			ui_error(ui, "No flag selected: move to one, or mark flags with space.");
			return;
		}
	}
	fs.for_flags = for_flags;
	fs.stage = ASK_WHAT;
	ui_edit_set(&fs.text, "");
}

/* ---- the screen --------------------------------------------------------- */

static int flags_open(struct ui *ui, int64_t arg)
{
	(void)arg;
	memset(&fs, 0, sizeof fs);
	ui_edit_init(&fs.text, "", HG_ACTION_TEXT_MAX);
	ui_edit_init(&fs.when, "", HG_DATE_LEN - 1);
	ui_edit_init(&fs.dose, "", HG_MEDICINE_TEXT_MAX);
	ui_edit_init(&fs.until, "", HG_DATE_LEN - 1);
	entries_build(ui);
	return 0;
}

static void flags_close(struct ui *ui)
{
	(void)ui;
	free(fs.e);
	free(fs.marks);
	free(fs.ids);
	rules_precautions_free(fs.prec, fs.nprec);
	ui_edit_free(&fs.text);
	ui_edit_free(&fs.when);
	ui_edit_free(&fs.dose);
	ui_edit_free(&fs.until);
	model_medicines_free(fs.meds, fs.nmeds);
	memset(&fs, 0, sizeof fs);
}

static void flags_reload(struct ui *ui)
{
	entries_build(ui);
}

static int flags_act(struct ui *ui, enum ui_action act, int key)
{
	size_t i;

	(void)key;
	if (fs.stage) {
		if (fs.stage != ASK_WHO)
			ui_edit_act(field(), act);
		return 1;
	}
	switch (act) {
	case ACT_UP: sel_move(ui, -1); return 1;
	case ACT_DOWN: sel_move(ui, 1); return 1;
	case ACT_PAGE_UP: sel_move(ui, -5); return 1;
	case ACT_PAGE_DOWN: sel_move(ui, 5); return 1;
	case ACT_TOGGLE:
		if (ui_sel_get(&fs.sel, &i) && i < fs.n && fs.e[i].flag) {
			mark_toggle(fs.e[i].flag->id);
			ui_sel_move(&fs.sel, 1);
		} else {
			ui_error(ui, "Space marks a flag.");
		}
		return 1;
	case ACT_RESOLVE: ask(ui, 1); return 1;
	case ACT_ADD: ask(ui, 0); return 1;
	case ACT_MEDICINE: ask_medicine(ui); return 1;
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

/* Keys no binding took: the questions' text, Enter and Esc. */
static void flags_text(struct ui *ui, int key)
{
	if (!fs.stage)
		return;
	if (key == 27) {
		ask_end();
		return;
	}
	if (fs.stage == ASK_WHO) {
		if (key == 'c' || key == 'C' || key == 's' || key == 'S') {
			fs.by = key == 'c' || key == 'C' ? HG_BY_CLINICIAN : HG_BY_SELF;
			fs.stage = ASK_WHEN;
		} else {
			ui_error(ui, "Who: c for a clinician, s for yourself (Esc: never mind).");
		}
		return;
	}
	if (key == '\r' || key == '\n') {
		if (fs.stage >= ASK_MED_NAME)
			submit_medicine(ui);
		else
			submit(ui);
		return;
	}
	if (key < 0x20 || key == 0x7F)
		return;
	if (ui_edit_insert(field(), (unsigned)key) != 0)
		ui_error(ui, "At most %d bytes.", field() == &fs.when || field() == &fs.until
			 ? HG_DATE_LEN - 1
			 : field() == &fs.dose ? HG_MEDICINE_TEXT_MAX : HG_ACTION_TEXT_MAX);
}

static unsigned flags_context(struct ui *ui)
{
	(void)ui;
	/* While asking, only the text keys: every letter is text. */
	return fs.stage ? UI_K_TEXT : UI_K_FLAGS;
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
