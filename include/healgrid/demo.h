/* demo.h — the throw-away database behind `healgrid --demo`. */
#ifndef HEALGRID_DEMO_H
#define HEALGRID_DEMO_H

#include "healgrid/db.h"

/* Fill an open, empty database with a realistic recovery: an earlier
 * treatment that healed normally and a current one, day 9 of 28 today,
 * whose day 4 raises flags. */
int demo_fill(struct hg_db *db, int today);

/* Create a temporary folder and database, fill it, open the UI on it
 * with `today` as today, and remove the folder and everything in it on
 * the way out. */
int demo_run(int today);

#endif
