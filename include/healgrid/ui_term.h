/* ui_term.h — the terminal under the interface (src/ui_term.c): only
 * the main loop in src/ui.c uses this. */
#ifndef HEALGRID_UI_TERM_H
#define HEALGRID_UI_TERM_H

#include <curses.h>

struct ui;

/* Install the signal handlers and take the terminal (curses modes, keys,
 * colours into ui->color).  On failure nothing is left installed. */
int ui_term_start(struct ui *ui, SCREEN **scr);
/* Give the terminal back and put the signal handlers back as they were. */
void ui_term_stop(SCREEN *scr);
/* 1 once SIGINT, SIGTERM or SIGHUP asked healgrid to end. */
int ui_term_stop_requested(void);
/* 1 when the terminal has gone (window closed, connection dropped). */
int ui_term_gone(void);

#endif
