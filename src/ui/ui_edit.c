/* ui_edit.c — the one-line UTF-8 text field (day note, treatment form).
 * The text stays valid UTF-8 at every step: insertion encodes a whole
 * code point, and cursor moves and deletions step over whole sequences.
 * Drawing scrolls sideways to keep the cursor in view.  Which keys reach
 * the field is decided by the key table and the screen, not here. */
#include "config.h"

#include <string.h>

#include "healgrid/ui_edit.h"

void ui_edit_init(struct ui_edit *e, const char *text, size_t max)
{
	memset(e, 0, sizeof *e);
	e->max = max;
	ui_edit_set(e, text);
}

void ui_edit_free(struct ui_edit *e)
{
	sb_free(&e->text);
	e->cur = 0;
}

const char *ui_edit_text(const struct ui_edit *e)
{
	return sb_str(&e->text);
}

void ui_edit_set(struct ui_edit *e, const char *text)
{
	sb_free(&e->text);
	sb_puts(&e->text, text ? text : "");
	e->cur = e->text.len;
	e->scroll = 0;
}

static size_t encode(unsigned cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

int ui_edit_insert(struct ui_edit *e, unsigned cp)
{
	char buf[4];
	size_t n;

	/* Control characters (C0, DEL, C1), surrogates and non-characters
	 * beyond Unicode never enter a note. */
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0xD800 && cp <= 0xDFFF) ||
	    cp > 0x10FFFF)
		return -1;
	n = encode(cp, buf);
	if (e->text.len + n > e->max)
		return -1;
	/* Open a gap at the cursor. */
	sb_add(&e->text, buf, n);
	memmove(e->text.s + e->cur + n, e->text.s + e->cur, e->text.len - n - e->cur);
	memcpy(e->text.s + e->cur, buf, n);
	e->cur += n;
	return 0;
}

static int is_cont(char c)
{
	return ((unsigned char)c & 0xC0) == 0x80;
}

static size_t prev_pos(const struct ui_edit *e, size_t at)
{
	if (at == 0)
		return 0;
	at--;
	while (at > 0 && is_cont(e->text.s[at]))
		at--;
	return at;
}

static size_t next_pos(const struct ui_edit *e, size_t at)
{
	if (at >= e->text.len)
		return e->text.len;
	at++;
	while (at < e->text.len && is_cont(e->text.s[at]))
		at++;
	return at;
}

static void cut(struct ui_edit *e, size_t from, size_t to)
{
	memmove(e->text.s + from, e->text.s + to, e->text.len - to + 1);
	e->text.len -= to - from;
}

int ui_edit_act(struct ui_edit *e, enum ui_action act)
{
	size_t p;

	switch (act) {
	case ACT_TEXT_LEFT:
		e->cur = prev_pos(e, e->cur);
		return 1;
	case ACT_TEXT_RIGHT:
		e->cur = next_pos(e, e->cur);
		return 1;
	case ACT_TEXT_HOME:
		e->cur = 0;
		return 1;
	case ACT_TEXT_END:
		e->cur = e->text.len;
		return 1;
	case ACT_TEXT_BACKSPACE:
		p = prev_pos(e, e->cur);
		if (p < e->cur)
			cut(e, p, e->cur);
		e->cur = p;
		return 1;
	case ACT_TEXT_DELETE:
		p = next_pos(e, e->cur);
		if (p > e->cur)
			cut(e, e->cur, p);
		return 1;
	case ACT_TEXT_CLEAR:
		ui_edit_set(e, "");
		return 1;
	default:
		return 0;
	}
}

/* Columns taken by the text from byte `from` to byte `to`. */
static int columns(const struct ui *ui, const char *s, size_t from, size_t to)
{
	int cols = 0;

	while (from < to) {
		unsigned cp;
		int w;

		from += ui_char(ui, s + from, &cp, &w);
		cols += w;
	}
	return cols;
}

void ui_edit_draw(struct ui *ui, struct ui_edit *e, int y, int x, int width, int focused)
{
	const char *s = sb_str(&e->text);
	int cur_col = columns(ui, s, 0, e->cur);
	size_t at = 0;
	int col = 0;

	if (width < 2)
		return;
	/* Keep the cursor inside the field, with the last column free for
	 * it at the end of the text. */
	if (cur_col < e->scroll)
		e->scroll = cur_col;
	if (cur_col > e->scroll + width - 1)
		e->scroll = cur_col - width + 1;
	while (at < e->text.len && col < e->scroll) {
		unsigned cp;
		int w;
		size_t n = ui_char(ui, s + at, &cp, &w);

		if (col + w > e->scroll)
			break;          /* a wide character cut by the edge */
		col += w;
		at += n;
	}
	mvhline(y, x, ' ', width);
	/* A wide character straddling the left edge shows as a blank. */
	ui_put(ui, y, x + (col < e->scroll ? 1 : 0), width - (col < e->scroll ? 1 : 0), A_NORMAL,
	       col < e->scroll ? s + next_pos(e, at) : s + at);
	if (focused)
		ui_place_cursor(ui, y, x + cur_col - e->scroll);
}
