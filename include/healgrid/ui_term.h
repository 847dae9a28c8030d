/* ui_term.h — the terminal under the interface (src/ui/ui_term.c): the
 * main loop in src/ui/ui.c uses it, and the photo screen marks where GLib
 * may abort. */
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
/* Before calls into a library that aborts when one of its allocations
 * fails (GLib, under chafa): from then on an abort (SIGABRT, or the
 * SIGTRAP of g_error) gives the terminal back, says "healgrid: out of
 * memory while WHAT" and exits 1, as healgrid's own allocations do.  It
 * stays set: chafa's worker threads outlive the call.  WHAT is a string
 * literal; NULL unsets it. */
void ui_term_abort_means_oom(const char *what);

#endif
