/* ui_photo.h — how the photo screen draws a photo: as pixels through a
 * terminal graphics protocol (kitty, iTerm2, sixel), or as coloured
 * Unicode symbols through curses.  The choice is a pure function of the
 * environment and of what the terminal answered to ui_photo_query, so a
 * unit test can check it without a terminal.  No curses here.
 */
#ifndef HEALGRID_UI_PHOTO_H
#define HEALGRID_UI_PHOTO_H

#include <stddef.h>

enum ui_photo_mode {
	UI_PHOTO_SYMBOLS,       /* coloured symbols drawn through curses */
	UI_PHOTO_KITTY,         /* kitty graphics protocol */
	UI_PHOTO_ITERM2,        /* iTerm2 inline images */
	UI_PHOTO_SIXEL          /* DEC sixel graphics */
};

/* What to send the terminal to learn which protocols it speaks: a kitty
 * graphics query, an iTerm2 cell-size report request and, last, primary
 * device attributes, which every terminal answers (so the answer is
 * complete once that reply has come). */
extern const char ui_photo_query[];

/* 1 when a multiplexer sits between healgrid and the terminal (TMUX or
 * STY set, TERM screen* or tmux*): it would drop or misplace pixels. */
int ui_photo_multiplexed(const char *term, const char *tmux, const char *sty);

/* 1 when reply (len bytes, may hold NULs) holds the device-attributes
 * answer that ends the terminal's reply to ui_photo_query. */
int ui_photo_reply_done(const char *reply, size_t len);

/* The mode for this terminal: pixels only where no multiplexer is in the
 * way and the terminal answered for the protocol (kitty first, then
 * iTerm2, then sixel); symbols otherwise.  reply may be NULL (no answer). */
enum ui_photo_mode ui_photo_choose(const char *term, const char *tmux, const char *sty,
				   const char *reply, size_t len);

/* "symbols", "kitty", "iterm2", "sixel". */
const char *ui_photo_mode_name(enum ui_photo_mode m);

#endif
