/* ui_photo.c — the photo screen: a day's photos drawn inside the
 * terminal with chafa, fitted to it at any size from 40x16 up, and a
 * second day beside it to compare (day 0 offered first).
 *
 * Two ways of drawing: coloured Unicode symbols put through curses like
 * any other text (works over SSH, in tmux, in the tests), or pixels
 * through the terminal's graphics protocol (kitty, iTerm2, sixel), written
 * around curses after each frame and only where the terminal answered
 * for the protocol and no multiplexer is in the way (the choice itself is
 * src/ui/ui_photo_mode.c).  Stored photos are decoded by image.c; no SQL
 * here.  The decoded picture and its cells are kept between frames, so a
 * key or a redraw costs only the drawing.
 */
#include "config.h"

#include <chafa.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "healgrid/date.h"
#include "healgrid/image.h"
#include "healgrid/ui_core.h"
#include "healgrid/ui_photo.h"
#include "healgrid/ui_term.h"
#include "healgrid/util.h"

extern char **environ;

/* A terminal cell is about half as wide as it is tall. */
#define FONT_RATIO 0.5f

/* One photo as drawn: the decoded picture and, for the size it was last
 * fitted to, its cells (symbols) or its escape sequence (pixels). */
struct shown {
	int64_t id;             /* the photo; 0: none */
	unsigned char *rgb;
	int w, h, side;         /* decoded size; side: the long side asked for */
	int area_w, area_h;     /* the cells it was fitted to */
	int cw, ch;             /* the cells it takes */
	wchar_t *chars;         /* cw * ch symbols */
	int *pairs;             /* cw * ch colour pairs (0: none) */
	char *seq;              /* pixels: the whole escape sequence */
	int y, x;               /* where it went this frame */
};

/* One side of the screen: a day and which of its photos. */
struct side {
	int day;
	int64_t photo;          /* the photo's id (kept across reloads) */
	struct shown shown;
};

static struct {
	int open;
	struct hg_photo_info *list;     /* the treatment's photos, by day */
	size_t n;
	int compare;
	struct side s[2];               /* [0] the day opened on, [1] compared */

	int mode_known;
	enum ui_photo_mode mode;
	ChafaTermInfo *term;            /* pixels: the terminal's sequences */

	/* Symbols: the palette chafa quantises to and its colour pairs. */
	int palette_known;
	ChafaCanvasMode canvas_mode;
	int nfg, nbg, off;              /* colours, and the first index */
	unsigned char *pair_made;       /* nfg * nbg: pair initialised */
} ph;

/* ---- the terminal: which mode ------------------------------------------ */

/* Ask the terminal which graphics it speaks, waiting at most 200 ms for
 * the answer; only when no multiplexer is in the way. */
static enum ui_photo_mode detect_mode(void)
{
	const char *term = getenv("TERM"), *tmux = getenv("TMUX"), *sty = getenv("STY");
	char reply[1024];
	size_t n = 0;
	struct timespec start, now;

	if (ui_photo_multiplexed(term, tmux, sty) || !isatty(STDIN_FILENO) ||
	    !isatty(STDOUT_FILENO))
		return UI_PHOTO_SYMBOLS;
	if (write(STDOUT_FILENO, ui_photo_query, strlen(ui_photo_query)) !=
	    (ssize_t)strlen(ui_photo_query))
		return UI_PHOTO_SYMBOLS;
	clock_gettime(CLOCK_MONOTONIC, &start);
	while (n < sizeof reply && !ui_photo_reply_done(reply, n)) {
		struct pollfd pfd = { .fd = STDIN_FILENO, .events = POLLIN };
		long left;
		ssize_t got;

		clock_gettime(CLOCK_MONOTONIC, &now);
		left = 200 - ((now.tv_sec - start.tv_sec) * 1000 +
			      (now.tv_nsec - start.tv_nsec) / 1000000);
		if (left <= 0 || poll(&pfd, 1, (int)left) <= 0)
			break;
		got = read(STDIN_FILENO, reply + n, sizeof reply - n);
		if (got <= 0 && errno != EINTR)
			break;
		if (got > 0)
			n += (size_t)got;
	}
	return ui_photo_choose(term, tmux, sty, reply, n);
}

/* The palette for symbols: as many colours as the terminal's colour
 * pairs allow one pair for each foreground and background. */
static void palette_choose(const struct ui *ui)
{
	long room = (long)COLOR_PAIRS - UI_PAIR_COUNT;

	ph.palette_known = 1;
	ph.nfg = ph.nbg = ph.off = 0;
	if (ui->color && COLORS >= 256 && room >= 240L * 240) {
		ph.canvas_mode = CHAFA_CANVAS_MODE_INDEXED_240;
		ph.nfg = ph.nbg = 240;
		ph.off = 16;
	} else if (ui->color && COLORS >= 16 && room >= 16L * 16) {
		ph.canvas_mode = CHAFA_CANVAS_MODE_INDEXED_16;
		ph.nfg = ph.nbg = 16;
	} else if (ui->color && COLORS >= 16 && room >= 16L * 8) {
		ph.canvas_mode = CHAFA_CANVAS_MODE_INDEXED_16_8;
		ph.nfg = 16;
		ph.nbg = 8;
	} else if (ui->color && COLORS >= 8 && room >= 8L * 8) {
		ph.canvas_mode = CHAFA_CANVAS_MODE_INDEXED_8;
		ph.nfg = ph.nbg = 8;
	} else {
		ph.canvas_mode = CHAFA_CANVAS_MODE_FGBG;
	}
	if (ph.nfg)
		ph.pair_made = xcalloc((size_t)ph.nfg * (size_t)ph.nbg, 1);
}

static int clamp(int v, int lo, int n)
{
	return v < lo ? lo : v >= lo + n ? lo + n - 1 : v;
}

/* The colour pair of palette colours fg on bg, made when first needed. */
static int pair_of(int fg, int bg)
{
	int f, b, pair;

	if (!ph.nfg)
		return 0;
	f = clamp(fg, ph.off, ph.nfg) - ph.off;
	b = clamp(bg, ph.off, ph.nbg) - ph.off;
	pair = UI_PAIR_COUNT + f * ph.nbg + b;
	if (!ph.pair_made[f * ph.nbg + b]) {
		if (init_extended_pair(pair, f + ph.off, b + ph.off) != OK)
			return 0;
		ph.pair_made[f * ph.nbg + b] = 1;
	}
	return pair;
}

/* ---- photos of the treatment -------------------------------------------- */

static void shown_clear_fit(struct shown *s)
{
	free(s->chars);
	free(s->pairs);
	free(s->seq);
	s->chars = NULL;
	s->pairs = NULL;
	s->seq = NULL;
	s->area_w = s->area_h = s->cw = s->ch = 0;
}

static void shown_free(struct shown *s)
{
	shown_clear_fit(s);
	free(s->rgb);
	memset(s, 0, sizeof *s);
}

static size_t day_count(int day)
{
	size_t k = 0;

	for (size_t i = 0; i < ph.n; i++)
		k += ph.list[i].day == day;
	return k;
}

/* The index in list of the day's k-th photo, or ph.n. */
static size_t day_nth(int day, size_t k)
{
	for (size_t i = 0; i < ph.n; i++)
		if (ph.list[i].day == day && k-- == 0)
			return i;
	return ph.n;
}

/* Which of its day's photos (0-based) the side shows, or -1. */
static long side_index(const struct side *sd)
{
	long k = 0;

	for (size_t i = 0; i < ph.n; i++)
		if (ph.list[i].day == sd->day) {
			if (ph.list[i].id == sd->photo)
				return k;
			k++;
		}
	return -1;
}

/* Point the side at the day's k-th photo (its first when k is past). */
static void side_pick(struct side *sd, int day, size_t k)
{
	size_t i = day_nth(day, k);

	if (i == ph.n)
		i = day_nth(day, 0);
	sd->day = day;
	sd->photo = i < ph.n ? ph.list[i].id : 0;
}

/* The nearest day before (dir -1) or after (dir 1) day with a photo,
 * skipping `avoid`; -1 when none. */
static int day_with_photo(int day, int dir, int avoid)
{
	int best = -1;

	for (size_t i = 0; i < ph.n; i++) {
		int d = ph.list[i].day;

		if (d == avoid || (dir < 0 ? d >= day : d <= day))
			continue;
		if (best < 0 || (dir < 0 ? d > best : d < best))
			best = d;
	}
	return best;
}

static int read_list(struct ui *ui)
{
	struct hg_photo_info *list = NULL;
	size_t n = 0;

	if (db_photo_list(ui->db, ui->rec.t.id, &list, &n) != HG_OK) {
		ui_db_error(ui);
		return -1;
	}
	free(ph.list);
	ph.list = list;
	ph.n = n;
	return 0;
}

/* ---- fitting a photo to an area ----------------------------------------- */

/* Decode the side's photo, large enough for an area of w x h cells. */
static int decode(struct ui *ui, struct side *sd, int w, int h)
{
	struct shown *s = &sd->shown;
	/* Four pixels across a cell is enough for symbols, and keeps a
	 * frame well within 100 ms; up to the thumbnail's size it is read. */
	int side = (w > 2 * h ? w : 2 * h) * (ph.mode == UI_PHOTO_SYMBOLS ? 4 : 12);
	struct hg_photo_info info;
	unsigned char *data = NULL;
	size_t len = 0;
	char name[64];
	int rc;

	if (side > HG_IMAGE_LONG_SIDE)
		side = HG_IMAGE_LONG_SIDE;
	if (s->id == sd->photo && s->rgb && s->side >= side)
		return 0;
	shown_free(s);
	if (!sd->photo)
		return -1;
	if (db_photo_get(ui->db, sd->photo, side <= HG_IMAGE_THUMB_SIDE, &info, &data,
			 &len) != HG_OK) {
		ui_db_error(ui);
		return -1;
	}
	snprintf(name, sizeof name, "photo %lld", (long long)sd->photo);
	rc = image_decode_rgb(data, len, name, side, &s->rgb, &s->w, &s->h);
	free(data);
	if (rc != HG_OK) {
		ui_db_error(ui);
		return -1;
	}
	s->id = sd->photo;
	s->side = side;
	return 0;
}

/* Cell size in pixels, from the terminal (a usual one when it says not). */
static void cell_pixels(int *cw, int *ch)
{
	struct winsize ws;

	*cw = 10;
	*ch = 20;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col && ws.ws_row &&
	    ws.ws_xpixel >= ws.ws_col && ws.ws_ypixel >= ws.ws_row) {
		*cw = ws.ws_xpixel / ws.ws_col;
		*ch = ws.ws_ypixel / ws.ws_row;
	}
}

/* Fit the decoded photo into w x h cells: its symbols and colours, or its
 * pixels' escape sequence. */
static void fit(const struct ui *ui, struct shown *s, int w, int h)
{
	ChafaSymbolMap *map;
	ChafaCanvasConfig *cfg;
	ChafaCanvas *canvas;
	int cw = w, ch = h, px_w = 0, px_h = 0;
	int pixels = ph.mode != UI_PHOTO_SYMBOLS;

	if (s->area_w == w && s->area_h == h && (s->chars || s->seq))
		return;
	shown_clear_fit(s);
	if (pixels)
		cell_pixels(&px_w, &px_h);
	chafa_calc_canvas_geometry(s->w, s->h, &cw, &ch,
				   pixels ? (float)px_w / (float)px_h : FONT_RATIO, TRUE, FALSE);
	if (cw < 1 || ch < 1)
		return;
	map = chafa_symbol_map_new();
	if (ui->utf8) {
		chafa_symbol_map_add_by_tags(map, CHAFA_SYMBOL_TAG_BLOCK | CHAFA_SYMBOL_TAG_SPACE);
		chafa_symbol_map_remove_by_tags(map, CHAFA_SYMBOL_TAG_WIDE |
						CHAFA_SYMBOL_TAG_AMBIGUOUS);
	} else {
		chafa_symbol_map_add_by_tags(map, CHAFA_SYMBOL_TAG_ASCII);
	}
	cfg = chafa_canvas_config_new();
	chafa_canvas_config_set_geometry(cfg, cw, ch);
	chafa_canvas_config_set_symbol_map(cfg, map);
	chafa_canvas_config_set_work_factor(cfg, 0.3f);
	if (pixels) {
		chafa_canvas_config_set_canvas_mode(cfg, CHAFA_CANVAS_MODE_TRUECOLOR);
		chafa_canvas_config_set_cell_geometry(cfg, px_w, px_h);
		chafa_canvas_config_set_pixel_mode(cfg, ph.mode == UI_PHOTO_KITTY
						   ? CHAFA_PIXEL_MODE_KITTY
						   : ph.mode == UI_PHOTO_ITERM2
						   ? CHAFA_PIXEL_MODE_ITERM2
						   : CHAFA_PIXEL_MODE_SIXELS);
	} else {
		chafa_canvas_config_set_canvas_mode(cfg, ph.canvas_mode);
		chafa_canvas_config_set_pixel_mode(cfg, CHAFA_PIXEL_MODE_SYMBOLS);
	}
	canvas = chafa_canvas_new(cfg);
	chafa_canvas_draw_all_pixels(canvas, CHAFA_PIXEL_RGB8, s->rgb, s->w, s->h, s->w * 3);
	if (pixels) {
		GString *gs = chafa_canvas_print(canvas, ph.term);

		s->seq = xstrdup(gs->str);
		g_string_free(gs, TRUE);
	} else {
		size_t cells = (size_t)cw * (size_t)ch;

		s->chars = xcalloc(cells, sizeof *s->chars);
		s->pairs = xcalloc(cells, sizeof *s->pairs);
		for (int y = 0; y < ch; y++)
			for (int x = 0; x < cw; x++) {
				size_t i = (size_t)y * (size_t)cw + (size_t)x;
				gint fg = 0, bg = 0;
				gunichar c = chafa_canvas_get_char_at(canvas, x, y);

				s->chars[i] = c ? (wchar_t)c : L' ';
				if (ph.nfg) {
					chafa_canvas_get_raw_colors_at(canvas, x, y, &fg, &bg);
					s->pairs[i] = pair_of(fg, bg);
				}
			}
	}
	chafa_canvas_unref(canvas);
	chafa_canvas_config_unref(cfg);
	chafa_symbol_map_unref(map);
	s->area_w = w;
	s->area_h = h;
	s->cw = cw;
	s->ch = ch;
}

/* ---- drawing ------------------------------------------------------------ */

/* "Day 4 · Sat 11-07 · photo 1 of 2" for a side, within width columns. */
static void side_title(const struct ui *ui, const struct side *sd, int x, int width)
{
	struct strbuf sb = STRBUF_INIT;
	char date[16];
	long k = side_index(sd);

	date_format(ui->rec.t.date + sd->day, date);
	sb_printf(&sb, "Day %d%s%s %s", sd->day, ui_glyph(ui, UI_G_SEP),
		  ui_weekday(ui->rec.t.date + sd->day), width >= 40 ? date : date + 5);
	if (k >= 0)
		sb_printf(&sb, "%sphoto %ld of %zu", ui_glyph(ui, UI_G_SEP), k + 1,
			  day_count(sd->day));
	else
		sb_printf(&sb, "%sno photo", ui_glyph(ui, UI_G_SEP));
	ui_put(ui, 0, x, width, A_BOLD | ui_pair(ui, UI_PAIR_TITLE), sb_str(&sb));
	sb_free(&sb);
}

/* One side's photo in the area from (y, x), w x h cells, centred. */
static void draw_side(struct ui *ui, struct side *sd, int y, int x, int w, int h)
{
	struct shown *s = &sd->shown;

	s->y = -1;
	if (w < 1 || h < 1 || !sd->photo) {
		if (!sd->photo && h > 0)
			ui_put(ui, y, x, w, A_NORMAL, "No photo on this day.");
		return;
	}
	if (decode(ui, sd, w, h) != 0)
		return;
	fit(ui, s, w, h);
	if (s->cw < 1)
		return;
	s->y = y + (h - s->ch) / 2;
	s->x = x + (w - s->cw) / 2;
	if (!s->chars)
		return;         /* pixels: written after the frame (photo_after) */
	for (int r = 0; r < s->ch; r++)
		for (int c = 0; c < s->cw; c++) {
			size_t i = (size_t)r * (size_t)s->cw + (size_t)c;
			wchar_t wc[2] = { s->chars[i], L'\0' };
			int pair = s->pairs[i];
			cchar_t cc;

			if (setcchar(&cc, wc, A_NORMAL, 0, &pair) == OK)
				mvadd_wch(s->y + r, s->x + c, &cc);
		}
}

static void photo_draw(struct ui *ui)
{
	int body = ui_body_rows();
	int h = body - 1;

	if (!ph.compare) {
		side_title(ui, &ph.s[0], 1, COLS - 2);
		draw_side(ui, &ph.s[0], 1, 0, COLS, h);
	} else {
		int half = (COLS - 1) / 2;

		side_title(ui, &ph.s[0], 1, half - 1);
		side_title(ui, &ph.s[1], half + 2, COLS - half - 2);
		draw_side(ui, &ph.s[0], 1, 0, half, h);
		draw_side(ui, &ph.s[1], 1, half + 1, COLS - half - 1, h);
	}
}

/* Pixels go straight to the terminal once curses has drawn the frame
 * (whose cells under the photo stay blank), then the cursor goes back to
 * where curses left it. */
static void photo_after(struct ui *ui)
{
	int any = 0;

	(void)ui;
	if (ph.mode == UI_PHOTO_SYMBOLS)
		return;
	for (int i = 0; i < 1 + ph.compare; i++) {
		const struct shown *s = &ph.s[i].shown;

		if (!s->seq || s->y < 0)
			continue;
		if (!any && ph.mode == UI_PHOTO_KITTY)
			fputs("\033_Ga=d\033\\", stdout);
		any = 1;
		printf("\033[%d;%dH%s", s->y + 1, s->x + 1, s->seq);
	}
	if (any) {
		printf("\033[%d;%dH", getcury(curscr) + 1, getcurx(curscr) + 1);
		(void)fflush(stdout);
	}
}

/* ---- keys --------------------------------------------------------------- */

/* Compare with another day: day 0 first, else the nearest day before,
 * else after. */
static void compare_start(struct ui *ui)
{
	int day = ph.s[0].day, other = -1;

	if (day != 0 && day_count(0) > 0)
		other = 0;
	if (other < 0)
		other = day_with_photo(day, -1, day);
	if (other < 0)
		other = day_with_photo(day, 1, day);
	if (other < 0) {
		ui_error(ui, "No other day has a photo to compare with.");
		return;
	}
	shown_free(&ph.s[1].shown);
	side_pick(&ph.s[1], other, 0);
	ph.compare = 1;
}

/* Left and right: the compared day (or, alone, the day shown) moves to
 * the next day with a photo. */
static void other_day(struct ui *ui, int dir)
{
	struct side *sd = &ph.s[ph.compare ? 1 : 0];
	int avoid = ph.compare ? ph.s[0].day : -1;
	int day = day_with_photo(sd->day, dir, avoid);

	if (day < 0) {
		ui_message(ui, "No %s day has a photo.", dir < 0 ? "earlier" : "later");
		return;
	}
	side_pick(sd, day, 0);
}

static void next_photo(struct side *sd)
{
	long k = side_index(sd);
	size_t n = day_count(sd->day);

	if (n > 0)
		side_pick(sd, sd->day, k < 0 ? 0 : (size_t)(k + 1) % n);
}

static int photo_act(struct ui *ui, enum ui_action act, int key)
{
	(void)key;
	switch (act) {
	case ACT_LEFT: other_day(ui, -1); return 1;
	case ACT_RIGHT: other_day(ui, 1); return 1;
	case ACT_PHOTO_NEXT: next_photo(&ph.s[0]); return 1;
	case ACT_PHOTO_NEXT_OTHER:
		if (ph.compare)
			next_photo(&ph.s[1]);
		return 1;
	case ACT_PHOTO_COMPARE:
		if (ph.compare)
			ph.compare = 0;
		else
			compare_start(ui);
		return 1;
	default: return 0;
	}
}

static unsigned photo_context(struct ui *ui)
{
	(void)ui;
	return UI_K_PHOTO;
}

/* ---- life cycle --------------------------------------------------------- */

static int photo_open(struct ui *ui, int64_t day)
{
	if (!ui->have || day < 0 || day >= HG_WINDOW_MAX)
		return -1;
	if (read_list(ui) != 0)
		return -1;
	if (day_count((int)day) == 0) {
		ui_error(ui, "Day %d has no photo: attach one in the day editor (a).", (int)day);
		free(ph.list);
		ph.list = NULL;
		ph.n = 0;
		return -1;
	}
	if (!ph.mode_known) {
		ph.mode = detect_mode();
		ph.mode_known = 1;
	}
	/* chafa (GLib) is used from here on, its worker threads too */
	ui_term_abort_means_oom("drawing the photo");
	if (ph.mode != UI_PHOTO_SYMBOLS && !ph.term) {
		ph.term = chafa_term_db_detect(chafa_term_db_get_default(), environ);
		if (!ph.term)
			ph.mode = UI_PHOTO_SYMBOLS;
	}
	if (!ph.palette_known)
		palette_choose(ui);
	memset(ph.s, 0, sizeof ph.s);
	ph.compare = 0;
	side_pick(&ph.s[0], (int)day, 0);
	ph.open = 1;
	return 0;
}

static void photo_close(struct ui *ui)
{
	(void)ui;
	if (ph.mode == UI_PHOTO_KITTY) {
		fputs("\033_Ga=d\033\\", stdout);
		(void)fflush(stdout);
	}
	/* Pixels left in cells curses believes blank: paint everything. */
	if (ph.mode != UI_PHOTO_SYMBOLS)
		clearok(curscr, TRUE);
	shown_free(&ph.s[0].shown);
	shown_free(&ph.s[1].shown);
	free(ph.list);
	ph.list = NULL;
	ph.n = 0;
	free(ph.pair_made);
	ph.pair_made = NULL;
	ph.palette_known = 0;
	if (ph.term)
		chafa_term_info_unref(ph.term);
	ph.term = NULL;
	ph.open = 0;
}

/* Another program added or removed photos: keep each side on its photo,
 * or the first of its day. */
static void photo_reload(struct ui *ui)
{
	if (!ph.open || read_list(ui) != 0)
		return;
	for (int i = 0; i < 2; i++)
		if (side_index(&ph.s[i]) < 0) {
			shown_free(&ph.s[i].shown);
			side_pick(&ph.s[i], ph.s[i].day, 0);
		}
}

const struct screen_ops ui_photo_screen = {
	.name = "photo",
	.open = photo_open,
	.draw = photo_draw,
	.context = photo_context,
	.act = photo_act,
	.close = photo_close,
	.reload = photo_reload,
	.after = photo_after,
};
