/* db.h — storage: the one module that speaks SQL.
 *
 * Opens or creates the database (folder 0700, file 0600, WAL, foreign keys,
 * busy timeout), refuses files that are not healgrid databases, migrates
 * old schemas forward, and reads and writes treatments and check-ins with
 * prepared statements only.  Every write is one transaction: a function
 * that writes opens its own unless the caller already holds one with
 * db_begin().  Failures return HG_ERR_RUNTIME or HG_ERR_INPUT with the
 * message recorded by hg_fail().
 */
#ifndef HEALGRID_DB_H
#define HEALGRID_DB_H

#include <stddef.h>
#include <stdint.h>

#include "healgrid/model.h"

struct hg_db;

enum { HG_DB_APPLICATION_ID = 0x48674964 };  /* "HgId" */
enum { HG_DB_BUSY_TIMEOUT_MS = 5000 };

/* The database path: $HEALGRID_DB, else
 * $XDG_DATA_HOME/healgrid/healgrid.db, else ~/.local/share/healgrid/healgrid.db.
 * Sets *is_default when the path is not from --db/$HEALGRID_DB (then the
 * folder may be created).  Caller frees. */
int db_default_path(char **out, int *is_default);

/* Open (creating when missing).  make_dirs: create missing parent folders
 * (0700); otherwise a missing folder is an error. */
int db_open(const char *path, int make_dirs, struct hg_db **out);
/* Open a database that exists, never creating one: *missing = 1 (and
 * HG_ERR_RUNTIME, no message) when there is no file at path.  For the
 * commands that only read. */
int db_open_existing(const char *path, struct hg_db **out, int *missing);
/* The same for reading only (check): a file of an older schema that is
 * read-only is not refused but copied into memory and upgraded there;
 * the file stays as it is. */
int db_open_reading(const char *path, struct hg_db **out, int *missing);
void db_close(struct hg_db *db);
const char *db_path(const struct hg_db *db);
int db_schema_version(void);

int db_begin(struct hg_db *db);       /* BEGIN IMMEDIATE */
int db_commit(struct hg_db *db);
void db_rollback(struct hg_db *db);
/* Nonzero while a transaction begun with db_begin is open. */
int db_in_transaction(struct hg_db *db);

int db_treatment_add(struct hg_db *db, struct hg_treatment *t);  /* sets t->id */
/* The same with the id t->id as given (an import keeping ids). */
int db_treatment_add_as(struct hg_db *db, struct hg_treatment *t);
int db_treatment_update(struct hg_db *db, const struct hg_treatment *t);
int db_treatment_delete(struct hg_db *db, int64_t id);
/* HG_ERR_INPUT "no treatment N" when missing. */
int db_treatment_get(struct hg_db *db, int64_t id, struct hg_treatment *out);
/* Most recent treatment (latest date, then highest id); *id = 0 when none. */
int db_treatment_latest(struct hg_db *db, int64_t *id);
/* The current treatment: the most recent dated today or earlier (then the
 * highest id); one dated after today is planned, never current.  *id = 0
 * when none. */
int db_treatment_current(struct hg_db *db, int today, int64_t *id);
/* All treatments, oldest first. */
int db_treatment_list(struct hg_db *db, struct hg_treatment **out, size_t *n);
/* The treatment with this date and area, *id = 0 when none. */
int db_treatment_find(struct hg_db *db, int date, const char *area, int64_t *id);
void db_treatments_free(struct hg_treatment *t, size_t n);

/* *found = 0 and out initialised unrated when the day has no check-in. */
int db_checkin_get(struct hg_db *db, int64_t tid, int day, struct hg_checkin *out, int *found);
/* Insert or update the check-in of (c->treatment_id, c->day); a day left
 * with nothing recorded and no photo is removed instead. */
int db_checkin_put(struct hg_db *db, const struct hg_checkin *c);
/* The same, but a day that records nothing stays stored, for photos to be
 * attached to it in the same transaction (see photo_attach_files). */
int db_checkin_put_keep(struct hg_db *db, const struct hg_checkin *c);
int db_checkin_delete(struct hg_db *db, int64_t tid, int day);
/* The treatment's date moved by delta days: every check-in keeps its
 * calendar date, so its day number becomes day - delta.  The caller has
 * checked that each new day is in range. */
int db_checkin_renumber(struct hg_db *db, int64_t tid, int delta);

/* Actions.  db_action_add inserts a->text (1-500 bytes, checked by the
 * caller), who did it (a->by; HG_BY_UNRECORDED stores none) and the flags
 * it is for, each by kind and calendar date (a reference with kind NULL is
 * stored by the kind of its version 2 rule, or not at all for a
 * precaution; references to one kind and date are one), and sets a->id.
 * A flag may have any number of actions. */
int db_action_add(struct hg_db *db, struct hg_action *a);
/* The same with the id a->id as given (an import keeping ids). */
int db_action_add_as(struct hg_db *db, struct hg_action *a);
/* HG_ERR_INPUT "no action N" when missing. */
int db_action_delete(struct hg_db *db, int64_t id);
/* Actions of treatment tid (0 = every treatment), by date then id, with
 * who did each and the flags each is for (kind and date filled; rule is
 * a copy of the kind). */
int db_action_list(struct hg_db *db, int64_t tid, struct hg_action **out, size_t *n);
/* The date of treatment tid's earliest action; *found = 0 when none. */
int db_action_first_date(struct hg_db *db, int64_t tid, int *date, int *found);

/* What the database holds that the CSV export does not carry: bits of
 * HG_HELD_* (1: photos, 2: actions, 4: medicines, 8: a profile). */
enum { HG_HELD_PHOTOS = 1, HG_HELD_ACTIONS = 2, HG_HELD_MEDICINES = 4, HG_HELD_PROFILE = 8 };
int db_beyond_csv(struct hg_db *db, unsigned *held);

/* Medicines.  db_medicine_add stores m (name 1-100 bytes, dose at most
 * 100, to 0 or on or after from: checked by the caller) with the id m->id
 * when it is above 0 (an import keeping ids), else a new one, and sets
 * m->id.  get, stop and delete say "no medicine N" (HG_ERR_INPUT) when it
 * is missing; stop sets `to`. */
int db_medicine_add(struct hg_db *db, struct hg_medicine *m);
int db_medicine_get(struct hg_db *db, int64_t id, struct hg_medicine *out);
int db_medicine_stop(struct hg_db *db, int64_t id, int to);
int db_medicine_delete(struct hg_db *db, int64_t id);
/* Medicines of treatment tid (0 = every treatment's), by treatment (oldest
 * first), then from, then id.  Free with model_medicines_free. */
int db_medicine_list(struct hg_db *db, int64_t tid, struct hg_medicine **out, size_t *n);

/* One treatment with its check-ins sorted by day. */
int db_recovery_load(struct hg_db *db, int64_t tid, struct hg_recovery *out);
/* Every treatment (oldest first) with its check-ins, one at a time: memory
 * stays at one recovery whatever the size of the database.  fn gets the
 * recovery's place i among the n treatments; it may not keep r; a return
 * other than HG_OK stops the walk and is returned.  The walk reads one
 * snapshot of the database. */
typedef int db_recovery_fn(const struct hg_recovery *r, size_t i, size_t n, void *arg);
int db_recovery_each(struct hg_db *db, db_recovery_fn *fn, void *arg);

/* A number that changes whenever another connection (another healgrid,
 * the command line) commits a change to the database: the UI reloads
 * when it moves. */
int db_data_version(struct hg_db *db, int64_t *out);

/* Check the database: SQLite's integrity_check and foreign_key_check,
 * then healgrid's own rules (days within windows, ratings, dates, note
 * lengths ...).  fn gets each problem as one line; *problems counts them.
 * Reads only.  HG_OK when the check ran (problems or not). */
typedef void db_problem_fn(const char *line, void *arg);
int db_check(struct hg_db *db, db_problem_fn *fn, void *arg, size_t *problems);

/* A consistent copy through SQLite's online backup API, written to a new
 * file with mode 0600.  Refuses an existing dest unless force. */
int db_backup(struct hg_db *db, const char *dest, int force);

/* ---- photos: stored cleaned (see image.h), removed with their day ---- */

struct hg_photo_info {
	int64_t id, treatment_id;
	int day;
	int date;               /* calendar date of the day */
	int width, height;
	int64_t bytes;          /* size of the stored JPEG */
	char added[24];         /* when it was attached, UTC ISO 8601 */
};

enum { HG_PHOTOS_PER_DAY = 4 };

int db_photo_count(struct hg_db *db, int64_t tid, int day, int *n);
/* The day's check-in must exist.  Sets *id (may be NULL). */
int db_photo_add(struct hg_db *db, int64_t tid, int day, const void *jpeg, size_t len,
		 const void *thumb, size_t thumb_len, int width, int height, int64_t *id);
/* The same for an import: info's id (0: a new one), treatment, day, width,
 * height and added ("": now) are stored as given. */
int db_photo_put(struct hg_db *db, const struct hg_photo_info *info, const void *jpeg,
		 size_t len, const void *thumb, size_t thumb_len, int64_t *id);
/* A treatment's photos by day (tid 0: every treatment's, oldest first). */
int db_photo_list(struct hg_db *db, int64_t tid, struct hg_photo_info **out, size_t *n);
/* The same for treatment tid (dated `date`), with only id, treatment_id,
 * day and date filled: read from the index alone, never a photo's row. */
int db_photo_days(struct hg_db *db, int64_t tid, int date, struct hg_photo_info **out,
		  size_t *n);
/* One photo (thumb: its thumbnail instead); *data is the caller's to free.
 * HG_ERR_INPUT "no photo N" when missing. */
int db_photo_get(struct hg_db *db, int64_t id, int thumb, struct hg_photo_info *info,
		 unsigned char **data, size_t *len);
/* Removes the photo, and its day too when nothing else is recorded there. */
int db_photo_delete(struct hg_db *db, int64_t id);

/* ---- profile: one per database, every field optional ---------------- */

struct hg_profile {
	char *name;             /* "" when not set; owned */
	int born, has_born;     /* date.h day number */
	char *clinic;           /* "" when not set; owned */
};

/* *found = 0 (and an empty profile) when none is stored. */
int db_profile_get(struct hg_db *db, struct hg_profile *out, int *found);
int db_profile_put(struct hg_db *db, const struct hg_profile *p);
int db_profile_clear(struct hg_db *db);
void db_profile_free(struct hg_profile *p);

#endif
