/* ui_note.c — the note viewer: the whole note, wrapped to the terminal
 * with its line breaks kept, scrolled with the arrows, PgUp/PgDn, Home
 * and End; Esc, q or Enter go back.  It runs its own small key loop over
 * the screen it covers, so any screen can open it; a resize rewraps. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "healgrid/date.h"
#include "healgrid/ui_note.h"
#include "healgrid/ui_term.h"

struct lines {
	char **v;
	size_t n;
};

/* Each line of text wrapped to width columns; an empty line stays. */
static void wrap_all(const char *text, int width, struct lines *out)
{
	const char *p = text;

	out->v = NULL;
	out->n = 0;
	for (;;) {
		size_t len = strcspn(p, "\n");
		char *para = xmalloc(len + 1);
		size_t n, max;
		char **tmp;

		memcpy(para, p, len);
		para[len] = '\0';
		/* ui_wrap fills at most max lines: ask for as many as the
		 * paragraph could need. */
		max = len + 1;
		tmp = xcalloc(max, sizeof *tmp);
		n = ui_wrap(para, width, tmp, max);
		if (n > max)
			n = max;
		out->v = xrealloc(out->v, (out->n + (n ? n : 1)) * sizeof *out->v);
		if (n == 0)
			out->v[out->n++] = xstrdup("");
		for (size_t i = 0; i < n; i++)
			out->v[out->n++] = tmp[i];
		free(tmp);
		free(para);
		if (!p[len])
			break;
		p += len + 1;
	}
}

static void lines_free(struct lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
}

void ui_note_view_text(struct ui *ui, const char *title, const char *text)
{
	int top = 0, done = 0;

	while (!done && !ui->quit) {
		struct lines l;
		int rows = LINES - 4, width = COLS - 4;
		wint_t wc;
		int r;

		if (rows < 1)
			rows = 1;
		if (width < 8)
			width = 8;
		wrap_all(text, width, &l);
		if (top > (int)l.n - rows)
			top = (int)l.n - rows;
		if (top < 0)
			top = 0;
		erase();
		ui_title(ui, title, "");
		for (int i = 0; i < rows && top + i < (int)l.n; i++)
			ui_put(ui, 2 + i, 2, width, A_NORMAL, l.v[top + i]);
		if (top > 0)
			ui_put_right(ui, 2, COLS, A_BOLD, ui_glyph(ui, UI_G_UP));
		if (top + rows < (int)l.n)
			ui_put_right(ui, 1 + rows, COLS, A_BOLD, ui_glyph(ui, UI_G_DOWN));
		ui_putf(ui, LINES - 2, 0, COLS, A_NORMAL, " %s%s scroll  PgUp PgDn  Esc back   (%d/%zu)",
			ui_glyph(ui, UI_G_UP), ui_glyph(ui, UI_G_DOWN),
			l.n ? top + 1 : 0, l.n);
		ui_put(ui, LINES - 1, 1, COLS - 1, A_DIM, ui_safety_line(ui, COLS - 2));
		curs_set(0);
		refresh();
		r = get_wch(&wc);
		if (r == KEY_CODE_YES) {
			switch (wc) {
			case KEY_UP: top--; break;
			case KEY_DOWN: top++; break;
			case KEY_PPAGE: top -= rows - 1; break;
			case KEY_NPAGE: top += rows - 1; break;
			case KEY_HOME: top = 0; break;
			case KEY_END: top = (int)l.n; break;
			case KEY_ENTER: done = 1; break;
			default: break;
			}
		} else if (r == OK) {
			switch (wc) {
			case 'k': top--; break;
			case 'j': top++; break;
			case ' ': top += rows - 1; break;
			case 27: case 'q': case '\r': case '\n': done = 1; break;
			default: break;
			}
		} else if (ui_term_gone() || ui_term_stop_requested()) {
			/* The main loop sees the same and ends. */
			done = 1;
		}
		lines_free(&l);
	}
}

void ui_note_view(struct ui *ui, int day)
{
	const struct hg_checkin *c = ui->have ? model_recovery_day(&ui->rec, day) : NULL;
	char title[64], date[HG_DATE_LEN];

	if (!c || !c->note || !*c->note) {
		ui_error(ui, "Day %d has no note.", day);
		return;
	}
	date_format(ui->rec.t.date + day, date);
	snprintf(title, sizeof title, "Note%sday %d%s%s", ui_glyph(ui, UI_G_SEP), day,
		 ui_glyph(ui, UI_G_SEP), date);
	ui_note_view_text(ui, title, c->note);
}
