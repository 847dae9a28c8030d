/* ui_edit.h — a one-line UTF-8 text field for the day editor's note and
 * the treatment form: insert at the cursor, move and delete by whole
 * characters (never splitting a multi-byte sequence), a byte limit, and
 * horizontal scrolling when the text is wider than the field.
 */
#ifndef HEALGRID_UI_EDIT_H
#define HEALGRID_UI_EDIT_H

#include <stddef.h>

#include "healgrid/ui_core.h"
#include "healgrid/util.h"

struct ui_edit {
	struct strbuf text;      /* UTF-8, always valid */
	size_t cur;              /* byte offset of the cursor */
	size_t max;              /* bytes allowed */
	int scroll;              /* first column shown */
};

void ui_edit_init(struct ui_edit *e, const char *text, size_t max);
void ui_edit_free(struct ui_edit *e);
const char *ui_edit_text(const struct ui_edit *e);
void ui_edit_set(struct ui_edit *e, const char *text);
/* Insert one character (a Unicode code point).  Returns 0, or -1 when it
 * is a control character or would not fit. */
int ui_edit_insert(struct ui_edit *e, unsigned cp);
/* The ACT_TEXT_* actions; returns 1 when act was one of them. */
int ui_edit_act(struct ui_edit *e, enum ui_action act);
/* Draw in width columns at (y, x); when focused, place the cursor. */
void ui_edit_draw(struct ui *ui, struct ui_edit *e, int y, int x, int width, int focused);

#endif
