/* ui_sel.h — the one selection model every list screen uses: how many
 * rows there are, which one is selected, which one is first on screen.
 * Every change goes through these functions, which keep `selected` and
 * `top` within the list (or 0 for an empty one), so an index read from
 * it after the list was read again always names a row that exists.
 * No curses here. */
#ifndef HEALGRID_UI_SEL_H
#define HEALGRID_UI_SEL_H

#include <stddef.h>

struct ui_sel {
	size_t count;
	size_t selected;
	size_t top;
};

/* A new row count (the list was read again): selected and top move
 * back inside it. */
void ui_sel_set_count(struct ui_sel *s, size_t count);
/* Move by delta rows, stopping at the first and the last. */
void ui_sel_move(struct ui_sel *s, long delta);
/* Select row i (clamped to the last one). */
void ui_sel_set(struct ui_sel *s, size_t i);
/* Select the last row. */
void ui_sel_end(struct ui_sel *s);
/* The selected row in *i; 0 when the list is empty. */
int ui_sel_get(const struct ui_sel *s, size_t *i);
/* Scroll so the selected row is among `rows` rows from top. */
void ui_sel_show(struct ui_sel *s, size_t rows);
/* For a list that only scrolls (no selection): move top by delta, and
 * keep it where `rows` rows from it still end at the last row. */
void ui_sel_scroll(struct ui_sel *s, long delta, size_t rows);

#endif
