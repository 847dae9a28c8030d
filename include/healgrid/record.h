/* record.h — the record layer: every change a person can make to the
 * record, one function each, holding the rules of the record.  The
 * command line, the UI and both importers call these; none of them
 * writes to storage directly or re-states a rule.
 *
 * The rules held here:
 * - a treatment's date moves: its check-ins keep their calendar dates and
 *   their day numbers follow (none may fall before day 0 or past the last
 *   day a window can hold); no two treatments share date and area;
 * - a day past the window widens it to fit (check-ins, photos, imports);
 * - a day left with nothing recorded (no rating, sign, temperature, care,
 *   note or photo) is removed, never stored empty; an imported day with
 *   nothing in it changes nothing;
 * - at most HG_PHOTOS_PER_DAY photos a day.
 *
 * Each function runs in the caller's transaction when one is open
 * (db_begin), else in one of its own: it changes everything or nothing.
 * Failures record their message with hg_fail() and return its status. */
#ifndef HEALGRID_RECORD_H
#define HEALGRID_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "healgrid/db.h"

/* What a change did beyond what was asked, for the front end to say. */
struct record_result {
	int widened_from;       /* the window before this change widened it; 0: not widened */
	int window;             /* the window after the change */
	int removed;            /* the day was left with nothing recorded: removed */
	int stored;             /* an imported day was stored (0: it held nothing) */
	int kept_photos;        /* the day holds nothing but photos, and stays for them */
};

/* How the front end names the fields in its messages: the command line
 * "--date" and "--window", a form "Date" and "Window". */
struct record_names {
	const char *command;    /* "treatment edit" */
	const char *date;
	const char *window;
};

/* ---- treatments ---- */

/* Add t (sets t->id; an import keeping ids gives t->id, which is kept).
 * No two treatments share date and area. */
int record_treatment_add(struct hg_db *db, struct hg_treatment *t,
			 const struct record_names *names);
/* Store t over the treatment t->id.  When the date moves, every check-in
 * keeps its calendar date and its day number follows; refused when one
 * would fall before day 0 or past day HG_WINDOW_MAX - 1, or an action
 * before the new day 0 (medicines keep their dates).  A window too
 * short for the stored days is refused when window_given, else widened
 * to fit (t->window follows; res->widened_from says so).  res may be
 * NULL; *moved_days (may be NULL) is the number of check-ins renumbered. */
int record_treatment_edit(struct hg_db *db, struct hg_treatment *t, int window_given,
			  const struct record_names *names, size_t *moved_days,
			  struct record_result *res);
/* Remove treatment id with its check-ins, photos and actions. */
int record_treatment_delete(struct hg_db *db, int64_t id);

/* ---- check-ins ---- */

/* Save c as the whole day (c->treatment_id, c->day): the caller has
 * merged what was given into what was stored.  The day must lie within
 * 0 .. HG_WINDOW_MAX - 1 and not after today.  A day past the window
 * widens it; then the files in photos[0..nphotos) are attached (see
 * record_photo_attach).  A day left with nothing recorded is removed (it
 * stays while it has photos: res->kept_photos), or not stored when it
 * did not exist. */
int record_checkin_save(struct hg_db *db, const struct hg_checkin *c, char **photos,
			size_t nphotos, int today, struct record_result *res);
/* Remove day `day` of treatment tid, its photos with it; refused when the
 * day has no check-in.  Actions stay. */
int record_checkin_clear(struct hg_db *db, int64_t tid, int day);

/* ---- photos ---- */

/* Read and clean every file (see image.h), then store them as photos of
 * day `day` of treatment tid, keeping what the day records (a day with no
 * check-in gets one holding only the photos).  A day past the window
 * widens it.  Nothing is stored when any file is refused; at most
 * HG_PHOTOS_PER_DAY a day in all.  res may be NULL. */
int record_photo_attach(struct hg_db *db, int64_t tid, int day, char **paths, size_t n,
			struct record_result *res);
/* Remove photo id; its day goes too when nothing else is recorded there. */
int record_photo_delete(struct hg_db *db, int64_t id);

/* ---- actions ---- */

/* Add action a (sets a->id): its text 1-HG_ACTION_TEXT_MAX bytes, its
 * date not after today.  The flags it names were checked by the caller
 * against the rules' flags. */
int record_action_add(struct hg_db *db, struct hg_action *a, int today);
int record_action_delete(struct hg_db *db, int64_t id);

/* ---- medicines ---- */

/* Add medicine m (sets m->id; m->id above 0 is kept, for an import): its
 * name 1-HG_MEDICINE_TEXT_MAX bytes and its dose at most that, as
 * validate_medicine_text leaves them; to 0 (still taken) or on or after
 * from, else HG_ERR_INPUT naming to_name ("--to"). */
int record_medicine_add(struct hg_db *db, struct hg_medicine *m, const char *to_name);
/* The last day of medicine id's course: on or after its first, else
 * HG_ERR_INPUT naming to_name ("--date"). */
int record_medicine_stop(struct hg_db *db, int64_t id, int to, const char *to_name);
int record_medicine_delete(struct hg_db *db, int64_t id);

/* ---- what the front ends read alike ---- */

/* The later_same_area that rules_look_due and rules_look_next take for t
 * (rules_later_same_area over every stored treatment), so `show`, `due`,
 * the grid's header and the report name the same looks. */
int record_later_same_area(struct hg_db *db, const struct hg_treatment *t, int today,
                           int *out);

/* ---- import ---- */

/* One imported photo: cleaned already (image_is_clean_jpeg), stored as
 * given (info's id, width, height and added kept). */
struct record_photo_in {
	struct hg_photo_info info;
	const unsigned char *jpeg, *thumb;
	size_t jpeg_len, thumb_len;
};

/* Store day c of treatment *t (the importer's copy, which follows the
 * window) as imported, with its photos.  A day past the window widens it
 * (t->window follows); a day with nothing recorded and no photo changes
 * nothing (res->stored = 0); more than HG_PHOTOS_PER_DAY photos are
 * refused. */
int record_day_import(struct hg_db *db, struct hg_treatment *t, const struct hg_checkin *c,
		      const struct record_photo_in *photos, size_t nphotos,
		      struct record_result *res);

#endif
