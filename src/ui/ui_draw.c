/* ui_draw.c — drawing helpers every screen uses: text put within its
 * columns by display width (control characters shown as spaces, anything
 * a non-UTF-8 terminal cannot show as '?'), titles, boxes, word wrapping,
 * glyphs with ASCII stand-ins, and the attributes of levels and ratings.
 * Only curses calls and util.c's UTF-8 helpers; no state of its own.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "healgrid/date.h"
#include "healgrid/ui_core.h"
#include "healgrid/util.h"

int ui_body_rows(void)
{
	return LINES - UI_FOOTER_ROWS;
}

const char *ui_glyph(const struct ui *ui, enum ui_glyph g)
{
	static const char *const utf8[UI_G_COUNT] = {
		"\u00b7", "\u2014", "\u25b6", "\u25c0", "\u23ce", "\u2191", "\u2193", "\u00d7",
		" \u00b7 ", "\u2713", "\u25a3", "\u270e"
	};
	static const char *const ascii[UI_G_COUNT] = {
		".", "-", ">", "<", "Enter", "^", "v", "x", " - ", "+", "#", "n"
	};
	return ui->utf8 ? utf8[g] : ascii[g];
}

const char *ui_safety_line(const struct ui *ui, int width)
{
	static const char *const utf8[] = {
		"Not medical advice: healgrid does not diagnose. Trouble breathing, a swollen"
		" tongue or throat, eye pain or changed vision, or feeling very unwell: call 112,"
		" 911 or 999. Otherwise, when in doubt, call your clinic or GP the same day.",
		"Not medical advice \u00b7 trouble breathing, swollen tongue or throat, eye pain,"
		" feeling very unwell: call 112, 911 or 999 \u00b7 when in doubt, call your clinic"
		" or GP the same day",
		"Not medical advice \u00b7 emergency: 112 / 911 / 999 \u00b7 when in doubt, call"
		" your clinic or GP the same day",
		"Not medical advice \u00b7 emergency: 112 / 911 / 999 \u00b7 in doubt? call your"
		" clinic",
		"Not medical advice \u00b7 emergency: 112 / 911 / 999",
		"Not medical advice \u00b7 call 112/911/999",
	};
	static const char *const ascii[] = {
		"Not medical advice: healgrid does not diagnose. Trouble breathing, a swollen"
		" tongue or throat, eye pain or changed vision, or feeling very unwell: call 112,"
		" 911 or 999. Otherwise, when in doubt, call your clinic or GP the same day.",
		"Not medical advice - trouble breathing, swollen tongue or throat, eye pain,"
		" feeling very unwell: call 112, 911 or 999 - when in doubt, call your clinic"
		" or GP the same day",
		"Not medical advice - emergency: 112 / 911 / 999 - when in doubt, call"
		" your clinic or GP the same day",
		"Not medical advice - emergency: 112 / 911 / 999 - in doubt? call your clinic",
		"Not medical advice - emergency: 112 / 911 / 999",
		"Not medical advice - call 112/911/999",
	};
	const char *const *forms = ui->utf8 ? utf8 : ascii;
	size_t n = sizeof utf8 / sizeof utf8[0];

	for (size_t i = 0; i + 1 < n; i++)
		if (hg_utf8_width(forms[i]) <= width)
			return forms[i];
	return forms[n - 1];
}

const char *ui_safety_least(const struct ui *ui)
{
	return ui->utf8 ? "Not medical advice \u00b7 emergency: 112 / 911 / 999"
		: "Not medical advice - emergency: 112 / 911 / 999";
}

const char *ui_weekday(int date)
{
	static const char *const names[7] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
	int w = date_weekday(date);

	return w >= 0 && w < 7 ? names[w] : "?";
}

const char *ui_level_symbol(const struct ui *ui, enum hg_level l)
{
	return ui->utf8 ? rules_level_symbol(l) : rules_level_symbol_ascii(l);
}

attr_t ui_pair(const struct ui *ui, enum ui_pair p)
{
	return ui->color ? (attr_t)COLOR_PAIR(p) : A_NORMAL;
}

attr_t ui_level_attr(const struct ui *ui, enum hg_level l)
{
	static const enum ui_pair pairs[HG_LEVEL_COUNT] = {
		UI_PAIR_URGENT, UI_PAIR_URGENT, UI_PAIR_DOCTOR, UI_PAIR_WATCH
	};
	/* Bold carries urgency without colour; the symbol carries the level. */
	attr_t bold = l == HG_LEVEL_WATCH ? A_NORMAL : A_BOLD;

	return ui_pair(ui, pairs[l]) | bold;
}

attr_t ui_rating_attr(const struct ui *ui, int rating)
{
	if (rating < 0 || rating > HG_RATING_MAX)
		return A_NORMAL;
	return ui_pair(ui, (enum ui_pair)(UI_PAIR_R0 + rating)) |
		(rating == HG_RATING_MAX ? A_BOLD : A_NORMAL);
}

size_t ui_char(const struct ui *ui, const char *s, unsigned *cp, int *width)
{
	size_t n = hg_utf8_decode(s, strnlen(s, 4), cp);
	int w;

	*width = 1;
	if (n == 0) {
		*cp = '?';
		return 1;
	}
	if (*cp < 0x20 || *cp == 0x7F || (*cp >= 0x80 && *cp < 0xA0)) {
		*cp = ' ';
		return n;
	}
	if (*cp < 0x80)
		return n;
	if (!ui->utf8) {
		*cp = '?';
		return n;
	}
	w = wcwidth((wchar_t)*cp);
	if (w < 0)
		*cp = '?';
	else
		*width = w;
	return n;
}

/* Columns s takes as ui_put shows it. */
static int shown_width(const struct ui *ui, const char *s)
{
	int w = 0;

	while (*s) {
		unsigned cp;
		int cw;

		s += ui_char(ui, s, &cp, &cw);
		w += cw;
	}
	return w;
}

int ui_put(const struct ui *ui, int y, int x, int width, attr_t attr, const char *s)
{
	wchar_t buf[128];
	int used = 0, n = 0, room, cut;

	if (y < 0 || y >= LINES || x < 0 || width <= 0)
		return 0;
	if (x + width > COLS)
		width = COLS - x;
	if (width <= 0)
		return 0;
	/* Text longer than its columns ends in an ellipsis, after the last
	 * whole character that fits with it. */
	cut = shown_width(ui, s) > width;
	room = cut ? width - 1 : width;
	attrset(attr);
	move(y, x);
	while (*s) {
		unsigned cp;
		int w;
		size_t len = ui_char(ui, s, &cp, &w);

		if (used + w > room)
			break;
		if (w == 0 && n == 0 && used == 0) {
			s += len;       /* a combining mark with nothing to sit on */
			continue;
		}
		buf[n++] = (wchar_t)cp;
		used += w;
		s += len;
		if (n == (int)(sizeof buf / sizeof buf[0]) - 1) {
			addnwstr(buf, n);
			n = 0;
		}
	}
	if (cut)
		buf[n++] = ui->utf8 ? L'\u2026' : L'~';
	if (n)
		addnwstr(buf, n);
	attrset(A_NORMAL);
	return used + cut;
}

int ui_put_right(const struct ui *ui, int y, int x_end, attr_t attr, const char *s)
{
	int w = shown_width(ui, s);

	if (w > x_end)
		w = x_end;
	return ui_put(ui, y, x_end - w, w, attr, s);
}

int ui_putf(const struct ui *ui, int y, int x, int width, attr_t attr, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	int n, len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0)
		return 0;
	sb.s = xmalloc((size_t)len + 1);
	sb.cap = (size_t)len + 1;
	va_start(ap, fmt);
	vsnprintf(sb.s, (size_t)len + 1, fmt, ap);
	va_end(ap);
	n = ui_put(ui, y, x, width, attr, sb.s);
	sb_free(&sb);
	return n;
}

void ui_title(const struct ui *ui, const char *left, const char *right)
{
	int rw = right ? ui_put_right(ui, 0, COLS - 1, A_NORMAL, right) : 0;

	ui_put(ui, 0, 1, COLS - rw - 3, A_BOLD | ui_pair(ui, UI_PAIR_TITLE), left);
	mvhline_set(1, 1, WACS_HLINE, COLS - 2);
}

size_t ui_wrap(const char *s, int width, char **lines, size_t max)
{
	struct strbuf sb = STRBUF_INIT;
	struct hg_wrap w;
	size_t n = 0;

	/* util.c's word wrapper; line breaks in s are kept. */
	hg_wrap_start(&w, &sb, width > 0 ? width : 1, 0);
	for (;;) {
		size_t k = strcspn(s, "\n");

		hg_wrap_words(&w, s, k);
		if (!s[k])
			break;
		hg_wrap_newline(&w);
		s += k + 1;
	}
	for (const char *p = sb_str(&sb); *p && n < max;) {
		size_t k = strcspn(p, "\n");

		lines[n] = xmalloc(k + 1);
		memcpy(lines[n], p, k);
		lines[n][k] = '\0';
		n++;
		p += k + (p[k] == '\n');
	}
	sb_free(&sb);
	return n;
}

void ui_describe_treatment(const struct ui *ui, const struct hg_treatment *t, struct strbuf *sb)
{
	const char *sep = ui_glyph(ui, UI_G_SEP);
	char date[HG_DATE_LEN];

	date_format(t->date, date);
	sb_printf(sb, "%s%s%s%s%s", t->area, sep, date, sep, model_device_name(t->device));
	if (t->depth > 0) {
		char depth[16];

		model_format_depth(t->depth, depth, sizeof depth);
		sb_printf(sb, " %s mm", depth);
	}
}

void ui_place_cursor(struct ui *ui, int y, int x)
{
	ui->show_cursor = 1;
	ui->cursor_y = y;
	ui->cursor_x = x;
}

void ui_box(int y, int x, int h, int w)
{
	for (int r = y; r < y + h; r++)
		mvhline(r, x, ' ', w);
	mvhline_set(y, x + 1, WACS_HLINE, w - 2);
	mvhline_set(y + h - 1, x + 1, WACS_HLINE, w - 2);
	mvvline_set(y + 1, x, WACS_VLINE, h - 2);
	mvvline_set(y + 1, x + w - 1, WACS_VLINE, h - 2);
	mvadd_wch(y, x, WACS_ULCORNER);
	mvadd_wch(y, x + w - 1, WACS_URCORNER);
	mvadd_wch(y + h - 1, x, WACS_LLCORNER);
	mvadd_wch(y + h - 1, x + w - 1, WACS_LRCORNER);
}
