/* ui_sel.c — the bounds-checked selection model of the list screens
 * (see ui_sel.h).  Plain arithmetic, no curses, unit-tested. */
#include "config.h"

#include "healgrid/ui_sel.h"

static void clamp(struct ui_sel *s)
{
	if (s->count == 0) {
		s->selected = s->top = 0;
		return;
	}
	if (s->selected >= s->count)
		s->selected = s->count - 1;
	if (s->top > s->selected)
		s->top = s->selected;
}

void ui_sel_set_count(struct ui_sel *s, size_t count)
{
	s->count = count;
	clamp(s);
}

void ui_sel_move(struct ui_sel *s, long delta)
{
	if (delta < 0) {
		size_t back = (size_t)-(delta + 1) + 1;

		s->selected = s->selected > back ? s->selected - back : 0;
	} else if (s->count > 0) {
		size_t room = s->count - 1 - (s->selected < s->count ? s->selected : s->count - 1);

		s->selected += (size_t)delta < room ? (size_t)delta : room;
	}
	clamp(s);
}

void ui_sel_set(struct ui_sel *s, size_t i)
{
	s->selected = i;
	clamp(s);
}

void ui_sel_end(struct ui_sel *s)
{
	ui_sel_set(s, s->count ? s->count - 1 : 0);
}

int ui_sel_get(const struct ui_sel *s, size_t *i)
{
	if (s->count == 0 || s->selected >= s->count)
		return 0;
	*i = s->selected;
	return 1;
}

void ui_sel_show(struct ui_sel *s, size_t rows)
{
	clamp(s);
	if (rows == 0)
		rows = 1;
	if (s->selected < s->top)
		s->top = s->selected;
	if (s->selected >= s->top + rows)
		s->top = s->selected - rows + 1;
}

void ui_sel_scroll(struct ui_sel *s, long delta, size_t rows)
{
	size_t max = s->count > rows ? s->count - rows : 0;

	if (delta < 0) {
		size_t back = (size_t)-(delta + 1) + 1;

		s->top = s->top > back ? s->top - back : 0;
	} else {
		s->top += (size_t)delta;
	}
	if (s->top > max)
		s->top = max;
	s->selected = s->top;
}
