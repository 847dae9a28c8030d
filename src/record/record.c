/* record.c — the one layer through which every front end (the command
 * line, the UI and the importers) changes the record.  Each change a
 * person can make is one function here, holding its rules (record.h
 * lists them); the front ends only gather input and show results, and
 * storage (src/store/) only stores.  No SQL here and no curses. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "healgrid/date.h"
#include "healgrid/db.h"
#include "healgrid/image.h"
#include "healgrid/record.h"
#include "healgrid/rules.h"
#include "healgrid/util.h"

static const struct record_names cli_names = { "treatment", "--date", "--window" };

/* Every change is one transaction: the caller's, or one of our own. */
static int begin(struct hg_db *db, int *own)
{
	*own = !db_in_transaction(db);
	return *own ? db_begin(db) : HG_OK;
}

static int end(struct hg_db *db, int own, int rc)
{
	if (!own)
		return rc;
	if (rc != HG_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

static void result_init(struct record_result *res)
{
	if (res)
		memset(res, 0, sizeof *res);
}

/* The rule of the window: a day past it widens it to fit.  t is the
 * stored treatment, updated in place. */
static int widen_for(struct hg_db *db, struct hg_treatment *t, int day,
		     struct record_result *res)
{
	int rc = HG_OK, old = t->window;

	if (day >= t->window) {
		t->window = day + 1;
		rc = db_treatment_update(db, t);
		if (rc != HG_OK)
			t->window = old;
		else if (res && !res->widened_from)
			res->widened_from = old;
	}
	if (res)
		res->window = t->window;
	return rc;
}

static int widen_stored(struct hg_db *db, int64_t tid, int day, struct record_result *res)
{
	struct hg_treatment t;
	int rc = db_treatment_get(db, tid, &t);

	if (rc == HG_OK)
		rc = widen_for(db, &t, day, res);
	model_treatment_free(&t);
	return rc;
}

/* ---- treatments ---- */

/* No two treatments share date and area: other than `self`. */
static int check_unique(struct hg_db *db, const struct hg_treatment *t, int64_t self,
			const char *cmd)
{
	int64_t other;
	char date[HG_DATE_LEN];
	int rc = db_treatment_find(db, t->date, t->area, &other);

	if (rc != HG_OK || other == 0 || other == self)
		return rc;
	date_format(t->date, date);
	char *area = hg_sanitize(t->area);
	rc = hg_fail(HG_ERR_INPUT, "%s: treatment %lld is already %s on %s (no two treatments"
		     " share date and area: give another %s, such as \"%s (2)\")",
		     cmd, (long long)other, area, date,
		     strncmp(cmd, "treatment", 9) == 0 ? "--area" : "area", area);
	free(area);
	return rc;
}

int record_treatment_add(struct hg_db *db, struct hg_treatment *t,
			 const struct record_names *names)
{
	int own, rc = begin(db, &own);

	if (!names)
		names = &cli_names;
	if (rc != HG_OK)
		return rc;
	rc = check_unique(db, t, 0, names->command);
	if (rc == HG_OK)
		rc = t->id ? db_treatment_add_as(db, t) : db_treatment_add(db, t);
	return end(db, own, rc);
}

/* The stored days of r, renumbered by the date's move, must stay within
 * day 0 .. HG_WINDOW_MAX - 1 and the window (widened unless given). */
static int check_days(struct hg_recovery *r, const struct hg_treatment *t, int window_given,
		      const struct record_names *nm, int *window)
{
	int old_date = r->t.date, delta = t->date - old_date;
	char date[HG_DATE_LEN], limit[HG_DATE_LEN];

	*window = t->window;
	if (r->ndays == 0)
		return HG_OK;
	int first = r->days[0].day - delta, last = r->days[r->ndays - 1].day - delta;
	if (first < 0) {
		date_format(old_date + r->days[0].day, date);
		return hg_fail(HG_ERR_INPUT, "%s: %s is checked in and would fall before the"
			       " treatment day; the date can be %s at the latest", nm->date, date,
			       date);
	}
	if (last > HG_WINDOW_MAX - 1) {
		date_format(old_date + r->days[r->ndays - 1].day, date);
		date_format(old_date + r->days[r->ndays - 1].day - (HG_WINDOW_MAX - 1), limit);
		return hg_fail(HG_ERR_INPUT, "%s: %s is checked in and would be day %d, past"
			       " day %d; the date can be %s at the earliest", nm->date, date, last,
			       HG_WINDOW_MAX - 1, limit);
	}
	if (t->window <= last) {
		if (window_given)
			return hg_fail(HG_ERR_INPUT, "%s: day %d is checked in; at least %d",
				       nm->window, last, last + 1);
		*window = last + 1 < HG_WINDOW_MIN ? HG_WINDOW_MIN : last + 1;
	}
	return HG_OK;
}

int record_treatment_edit(struct hg_db *db, struct hg_treatment *t, int window_given,
			  const struct record_names *names, size_t *moved_days,
			  struct record_result *res)
{
	struct hg_recovery r;
	int own, window = t->window, rc = begin(db, &own);

	if (!names)
		names = &cli_names;
	result_init(res);
	if (moved_days)
		*moved_days = 0;
	if (rc != HG_OK)
		return rc;
	rc = db_recovery_load(db, t->id, &r);
	if (rc != HG_OK)
		return end(db, own, rc);
	rc = check_days(&r, t, window_given, names, &window);
	if (rc == HG_OK && t->date > r.t.date) {
		/* an action stays on its date, which may not fall before day 0;
		 * medicines stay on theirs, whatever the date */
		int first = 0, found = 0;

		rc = db_action_first_date(db, t->id, &first, &found);
		if (rc == HG_OK && found && first < t->date) {
			char d[HG_DATE_LEN];

			date_format(first, d);
			rc = hg_fail(HG_ERR_INPUT, "%s: an action is dated %s and would fall before"
				     " the treatment day; the date can be %s at the latest", names->date,
				     d, d);
		}
	}
	if (rc == HG_OK)
		rc = check_unique(db, t, t->id, names->command);
	if (rc == HG_OK && t->date != r.t.date) {
		rc = db_checkin_renumber(db, t->id, t->date - r.t.date);
		if (moved_days)
			*moved_days = r.ndays;
	}
	if (rc == HG_OK && window != t->window) {
		if (res)
			res->widened_from = t->window;
		t->window = window;
	}
	if (rc == HG_OK)
		rc = db_treatment_update(db, t);
	if (res)
		res->window = t->window;
	model_recovery_free(&r);
	return end(db, own, rc);
}

int record_treatment_delete(struct hg_db *db, int64_t id)
{
	return db_treatment_delete(db, id);
}

/* ---- check-ins ---- */

int record_checkin_save(struct hg_db *db, const struct hg_checkin *c, char **photos,
			size_t nphotos, int today, struct record_result *res)
{
	struct hg_treatment t;
	struct hg_checkin old;
	int own, found = 0, rc;
	int empty = model_checkin_is_empty(c);
	char when[HG_DATE_LEN], first[HG_DATE_LEN], last[HG_DATE_LEN], now[HG_DATE_LEN];

	result_init(res);
	rc = begin(db, &own);
	if (rc != HG_OK)
		return rc;
	model_checkin_init(&old);
	rc = db_treatment_get(db, c->treatment_id, &t);
	if (rc != HG_OK) {
		model_treatment_free(&t);
		return end(db, own, rc);
	}
	date_format(t.date + c->day, when);
	if (c->day < 0 || c->day > HG_WINDOW_MAX - 1) {
		date_format(t.date, first);
		date_format(t.date + HG_WINDOW_MAX - 1, last);
		rc = hg_fail(HG_ERR_INPUT, "day %d (%s) is outside treatment %lld's days"
			     " (%s to %s)", c->day, when, (long long)t.id, first, last);
	} else if (t.date + c->day > today) {
		date_format(today, now);
		rc = hg_fail(HG_ERR_INPUT, "day %d is %s, after today (%s): future days"
			     " cannot be rated", c->day, when, now);
	}
	if (rc == HG_OK)
		rc = db_checkin_get(db, t.id, c->day, &old, &found);
	/* A day that records something, or will hold photos, is stored and
	 * may widen the window; an emptied one is removed unless photos keep
	 * it; an empty day that was not there stays absent. */
	if (rc == HG_OK && (!empty || nphotos))
		rc = widen_for(db, &t, c->day, res);
	if (rc == HG_OK && nphotos) {
		rc = db_checkin_put_keep(db, c);
		if (rc == HG_OK)
			rc = record_photo_attach(db, t.id, c->day, photos, nphotos, NULL);
	} else if (rc == HG_OK && !empty) {
		rc = db_checkin_put_keep(db, c);
	} else if (rc == HG_OK) {
		/* Emptied: removed, unless photos keep it. */
		int have = 0;

		if (found)
			rc = db_photo_count(db, t.id, c->day, &have);
		if (rc == HG_OK && have)
			rc = db_checkin_put_keep(db, c);
		else if (rc == HG_OK && found)
			rc = db_checkin_delete(db, t.id, c->day);
		if (res) {
			res->removed = !have;
			res->kept_photos = have > 0;
		}
	}
	if (res && !res->window)
		res->window = t.window;
	model_checkin_free(&old);
	model_treatment_free(&t);
	return end(db, own, rc);
}

int record_checkin_clear(struct hg_db *db, int64_t tid, int day)
{
	struct hg_treatment t;
	struct hg_checkin old;
	int own, found = 0, rc = begin(db, &own);
	char when[HG_DATE_LEN];

	if (rc != HG_OK)
		return rc;
	model_treatment_init(&t);
	model_checkin_init(&old);
	rc = db_treatment_get(db, tid, &t);
	if (rc == HG_OK)
		rc = db_checkin_get(db, tid, day, &old, &found);
	if (rc == HG_OK && !found) {
		date_format(t.date + day, when);
		rc = hg_fail(HG_ERR_INPUT, "checkin --clear: day %d (%s) of treatment %lld"
			     " has no check-in", day, when, (long long)tid);
	}
	if (rc == HG_OK)
		rc = db_checkin_delete(db, tid, day);
	model_checkin_free(&old);
	model_treatment_free(&t);
	return end(db, own, rc);
}

/* ---- photos ---- */

static int photo_room(struct hg_db *db, int64_t tid, int day, size_t n)
{
	int have, rc = db_photo_count(db, tid, day, &have);

	if (rc != HG_OK)
		return rc;
	if ((size_t)have + n > HG_PHOTOS_PER_DAY)
		return hg_fail(HG_ERR_INPUT, "--photo: at most %d photos a day; day %d has %d"
			       " already (remove one with 'healgrid photo delete ID --yes')",
			       HG_PHOTOS_PER_DAY, day, have);
	return HG_OK;
}

int record_photo_attach(struct hg_db *db, int64_t tid, int day, char **paths, size_t n,
			struct record_result *res)
{
	struct hg_image *img;
	struct hg_checkin c;
	int own, found = 0, rc;

	result_init(res);
	if (n == 0)
		return HG_OK;
	model_checkin_init(&c);
	rc = begin(db, &own);
	if (rc != HG_OK)
		return rc;
	rc = photo_room(db, tid, day, n);
	/* The day keeps what it records; photos need its check-in to exist. */
	if (rc == HG_OK)
		rc = db_checkin_get(db, tid, day, &c, &found);
	if (rc == HG_OK && !found)
		rc = db_checkin_put_keep(db, &c);
	model_checkin_free(&c);
	if (rc == HG_OK)
		rc = widen_stored(db, tid, day, res);
	if (rc != HG_OK)
		return end(db, own, rc);
	/* Every file is read and cleaned before anything is stored: one bad
	 * file, and none is saved. */
	img = xcalloc(n, sizeof *img);
	for (size_t i = 0; i < n && rc == HG_OK; i++)
		rc = image_load_file(paths[i], &img[i]);
	for (size_t i = 0; i < n && rc == HG_OK; i++)
		rc = db_photo_add(db, tid, day, img[i].jpeg, img[i].jpeg_len, img[i].thumb,
				  img[i].thumb_len, img[i].width, img[i].height, NULL);
	for (size_t i = 0; i < n; i++)
		image_free(&img[i]);
	free(img);
	return end(db, own, rc);
}

int record_photo_delete(struct hg_db *db, int64_t id)
{
	return db_photo_delete(db, id);
}

/* ---- actions ---- */

int record_action_add(struct hg_db *db, struct hg_action *a, int today)
{
	char d[HG_DATE_LEN], now[HG_DATE_LEN];

	if (!a->text || !*a->text)
		return hg_fail(HG_ERR_INPUT, "--text: say what was done");
	if (strlen(a->text) > HG_ACTION_TEXT_MAX)
		return hg_fail(HG_ERR_INPUT, "--text: at most %d bytes, got %zu",
			       HG_ACTION_TEXT_MAX, strlen(a->text));
	if (a->date > today) {
		date_format(a->date, d);
		date_format(today, now);
		return hg_fail(HG_ERR_INPUT, "--date: %s is after today (%s): record what"
			       " was done once it is done", d, now);
	}
	return db_action_add(db, a);
}

int record_action_delete(struct hg_db *db, int64_t id)
{
	return db_action_delete(db, id);
}

/* ---- medicines ---- */

/* A course ends on or after the day it starts. */
static int check_course(const char *to_name, int from, int to)
{
	char f[HG_DATE_LEN], t[HG_DATE_LEN];

	/* A number of days from a late first day can run past the last
	 * date there is. */
	if (to > date_from_ymd(9999, 12, 31))
		return hg_fail(HG_ERR_INPUT, "%s: the course would end after 9999-12-31", to_name);
	if (!to || to >= from)
		return HG_OK;
	date_format(from, f);
	date_format(to, t);
	return hg_fail(HG_ERR_INPUT, "%s: %s is before the course began (%s): a medicine"
		       " ends on or after the day it starts", to_name, t, f);
}

int record_medicine_add(struct hg_db *db, struct hg_medicine *m, const char *to_name)
{
	size_t name = m->name ? strlen(m->name) : 0, dose = m->dose ? strlen(m->dose) : 0;

	if (name == 0)
		return hg_fail(HG_ERR_INPUT, "--name: empty: give the medicine's name");
	if (name > HG_MEDICINE_TEXT_MAX || dose > HG_MEDICINE_TEXT_MAX)
		return hg_fail(HG_ERR_INPUT, "--%s: longer than %d bytes (got %zu)",
			       name > HG_MEDICINE_TEXT_MAX ? "name" : "dose", HG_MEDICINE_TEXT_MAX,
			       name > HG_MEDICINE_TEXT_MAX ? name : dose);
	int rc = check_course(to_name, m->from, m->to);

	return rc == HG_OK ? db_medicine_add(db, m) : rc;
}

int record_medicine_stop(struct hg_db *db, int64_t id, int to, const char *to_name)
{
	struct hg_medicine m;
	int own, rc = begin(db, &own);

	if (rc != HG_OK)
		return rc;
	rc = db_medicine_get(db, id, &m);
	if (rc == HG_OK) {
		rc = check_course(to_name, m.from, to);
		model_medicine_free(&m);
	}
	if (rc == HG_OK)
		rc = db_medicine_stop(db, id, to);
	return end(db, own, rc);
}

int record_medicine_delete(struct hg_db *db, int64_t id)
{
	return db_medicine_delete(db, id);
}

/* ---- import ---- */

int record_day_import(struct hg_db *db, struct hg_treatment *t, const struct hg_checkin *c,
		      const struct record_photo_in *photos, size_t nphotos,
		      struct record_result *res)
{
	int own, rc;

	result_init(res);
	if (res)
		res->window = t->window;
	/* Nothing in it: an export writes a day that holds only photos this
	 * way, and such a row must not empty the stored day. */
	if (model_checkin_is_empty(c) && nphotos == 0)
		return HG_OK;
	if (nphotos > HG_PHOTOS_PER_DAY)
		return hg_fail(HG_ERR_INPUT, "more than %d photos on day %d", HG_PHOTOS_PER_DAY,
			       c->day);
	rc = begin(db, &own);
	if (rc != HG_OK)
		return rc;
	rc = widen_for(db, t, c->day, res);
	if (rc == HG_OK)
		rc = db_checkin_put_keep(db, c);
	if (rc == HG_OK && nphotos)
		rc = photo_room(db, t->id, c->day, nphotos);
	for (size_t i = 0; rc == HG_OK && i < nphotos; i++) {
		struct hg_photo_info info = photos[i].info;

		info.treatment_id = t->id;
		info.day = c->day;
		rc = db_photo_put(db, &info, photos[i].jpeg, photos[i].jpeg_len, photos[i].thumb,
				  photos[i].thumb_len, NULL);
	}
	if (rc == HG_OK && res)
		res->stored = 1;
	return end(db, own, rc);
}

int record_later_same_area(struct hg_db *db, const struct hg_treatment *t, int today,
                           int *out)
{
	struct hg_treatment *all;
	size_t n;
	int rc = db_treatment_list(db, &all, &n);

	*out = 0;
	if (rc == HG_OK) {
		*out = rules_later_same_area(all, n, t, today);
		db_treatments_free(all, n);
	}
	return rc;
}
