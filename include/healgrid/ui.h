/* ui.h — the full-screen ncursesw interface, as the rest of healgrid
 * sees it: it is handed an open database and the day taken as today,
 * and knows nothing of the command line. */
#ifndef HEALGRID_UI_H
#define HEALGRID_UI_H

#include "healgrid/db.h"

/* HG_OK when stdin and stdout are a terminal, else a failure recorded
 * for the caller to report (check before opening or creating anything). */
int ui_need_terminal(void);

/* Run the interface on db (owned by the caller, open until this returns)
 * with `today` (a date.h day number) as today; returns an hg_status. */
int ui_run(struct hg_db *db, int today);

#endif
