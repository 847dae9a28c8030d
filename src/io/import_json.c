/* import_json.c — the JSON export back into the database.
 *
 * The text is checked whole once (json_check), then read one container
 * at a time where it lies (json_items, json.h): only the items of the
 * containers being read are held, never a tree of the whole file, so the
 * memory an import needs beyond the file's text does not grow with it.
 * This file walks the members, checks every one (unknown or repeated
 * members, types, ranges, ids given twice), and stores them in one
 * transaction.  Into a database without
 * treatments the ids are kept, so export, import, export gives the same
 * bytes.  Otherwise treatments are matched by (date, area) and must agree
 * in their details; a day that exists is skipped when it holds the same
 * content (its photos included) and refused when it does not; an action
 * that exists with the same date, text and flags is skipped.  Photos are
 * stored as given, so each must already be a clean JPEG (image.h).  The
 * first problem rolls everything back and is reported as
 * "NAME: treatments[0].checkins[3].day: what is wrong".  No SQL here.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "healgrid/date.h"
#include "healgrid/export.h"
#include "healgrid/image.h"
#include "healgrid/import.h"
#include "healgrid/json.h"
#include "healgrid/record.h"
#include "healgrid/rules.h"
#include "healgrid/util.h"
#include "healgrid/validate.h"

struct jrun {
	struct hg_db *db;
	const char *name;
	int today;
	int keep_ids;                   /* the database held no treatment */
	int version;                    /* of the file: 1 and 2 are upgraded */
	struct import_stats *st;
	int64_t *tids, *aids, *pids, *mids;     /* ids seen in the file */
	size_t ntids, naids, npids, nmids;
	size_t cap_t, cap_a, cap_p, cap_m;
	int64_t *dbtids;                /* stored treatments the file named */
	size_t ndbtids, cap_db;
};

static const char *const type_names[] = {
	"null", "true", "false", "a whole number", "a number", "a string", "an array",
	"an object"
};

/* ---- messages ------------------------------------------------------- */

static int fail_at(const struct jrun *x, const char *path, const char *fmt, ...)
	HG_PRINTF(3, 4);
static int fail_at(const struct jrun *x, const char *path, const char *fmt, ...)
{
	char msg[600];
	char *clean;
	va_list ap;
	int rc;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	clean = hg_sanitize(msg);
	rc = hg_fail(HG_ERR_INPUT, "%s: %s%s%s", x->name, path, *path ? ": " : "", clean);
	free(clean);
	return rc;
}

static int bad_type(const struct jrun *x, const char *path, const struct hg_json_item *it,
		    const char *want)
{
	return fail_at(x, path, "expected %s, got %s", want, type_names[it->type]);
}

static char *member_path(const char *path, const char *key)
{
	struct strbuf sb = STRBUF_INIT;

	sb_printf(&sb, "%s%s%s", path, *path ? "." : "", key);
	return sb_detach(&sb);
}

/* path.key[i]; made for every element read, so without printf */
static char *index_path(const char *path, const char *key, size_t i)
{
	struct strbuf sb = STRBUF_INIT;
	char digits[24];
	size_t k = sizeof digits;

	sb_puts(&sb, path);
	if (*path)
		sb_putc(&sb, '.');
	sb_puts(&sb, key);
	sb_putc(&sb, '[');
	do
		digits[--k] = (char)('0' + i % 10);
	while ((i /= 10) > 0);
	sb_add(&sb, digits + k, sizeof digits - k);
	sb_putc(&sb, ']');
	return sb_detach(&sb);
}

/* ---- members of an object -------------------------------------------- */

/* The members of object text, each a known name given once: *found[i]
 * points at the member named names[i] (NULL when absent). */
static int members(const struct jrun *x, const char *path, const struct hg_json_item *obj,
		   const char *const *names, size_t count, const struct hg_json_item **found,
		   struct hg_json_item **items, size_t *n)
{
	if (obj->type != HG_JSON_OBJECT)
		return bad_type(x, path, obj, "an object");
	json_items(obj->text, obj->len, items, n);
	for (size_t i = 0; i < count; i++)
		found[i] = NULL;
	for (size_t k = 0; k < *n; k++) {
		size_t i = 0;

		while (i < count && strcmp(names[i], (*items)[k].key) != 0)
			i++;
		if (i == count)
			return fail_at(x, path, "unknown field \"%s\"", (*items)[k].key);
		if (found[i])
			return fail_at(x, path, "field \"%s\" given twice", names[i]);
		found[i] = &(*items)[k];
	}
	return HG_OK;
}

static int want_type(const struct jrun *x, const char *path, const char *key,
		     const struct hg_json_item *it, int type, int null_ok)
{
	char *p;
	int rc;

	if (!it || it->type == type || (null_ok && it->type == HG_JSON_NULL))
		return HG_OK;
	p = member_path(path, key);
	rc = bad_type(x, p, it, type == HG_JSON_INTEGER ? "a whole number"
		      : type == HG_JSON_TEXT ? (null_ok ? "a string or null" : "a string")
		      : type == HG_JSON_ARRAY ? "an array" : "an object");
	free(p);
	return rc;
}

static int need(const struct jrun *x, const char *path, const char *key,
		const struct hg_json_item *it)
{
	return it ? HG_OK : fail_at(x, path, "missing field \"%s\"", key);
}

/* A string member checked by a validate.h function. */
static int text_field(const struct jrun *x, const char *path, const char *key,
		      const struct hg_json_item *it, size_t max, const char **out)
{
	char msg[HG_VALID_MSG];
	int rc = want_type(x, path, key, it, HG_JSON_TEXT, 0);

	if (rc != HG_OK || !it)
		return rc;
	if (strlen(it->text) != it->len) {
		char *p = member_path(path, key);
		rc = fail_at(x, p, "a NUL character is not allowed");
		free(p);
		return rc;
	}
	if (validate_text(it->text, max, msg) != 0) {
		char *p = member_path(path, key);
		rc = fail_at(x, p, "%s", msg);
		free(p);
		return rc;
	}
	*out = it->text;
	return HG_OK;
}

static int date_field(const struct jrun *x, const char *path, const char *key,
		      const struct hg_json_item *it, int *out)
{
	char msg[HG_VALID_MSG];
	int rc = want_type(x, path, key, it, HG_JSON_TEXT, 0);

	if (rc == HG_OK && it && validate_date(it->text, out, msg) != 0) {
		char *p = member_path(path, key);
		rc = fail_at(x, p, "%s", msg);
		free(p);
	}
	return rc;
}

static int int_field(const struct jrun *x, const char *path, const char *key,
		     const struct hg_json_item *it, int64_t lo, int64_t hi, int64_t *out)
{
	int rc = want_type(x, path, key, it, HG_JSON_INTEGER, 0);
	char digits[24];

	/* SQLite reads an integer past 64 bits as a real: its text then is
	 * not the integer's, which would be the clamped value. */
	if (rc == HG_OK && it) {
		snprintf(digits, sizeof digits, "%lld", (long long)it->i);
		if (!it->text || strcmp(digits, it->text) != 0) {
			char *p = member_path(path, key);
			rc = fail_at(x, p, "expected %lld-%lld, got %s", (long long)lo,
				     (long long)hi, it->text ? it->text : "a number too large");
			free(p);
		}
	}
	if (rc == HG_OK && it && (it->i < lo || it->i > hi)) {
		char *p = member_path(path, key);
		rc = fail_at(x, p, "expected %lld-%lld, got %lld", (long long)lo, (long long)hi,
			     (long long)it->i);
		free(p);
	}
	if (rc == HG_OK && it)
		*out = it->i;
	return rc;
}

/* A list of names (signs, risks, care) into bits. */
static int names_field(const struct jrun *x, const char *path, const char *key,
		       const struct hg_json_item *it, int (*lookup)(const char *), unsigned *out)
{
	struct hg_json_item *v;
	size_t n;
	int rc = want_type(x, path, key, it, HG_JSON_ARRAY, 0);

	*out = 0;
	if (rc != HG_OK || !it)
		return rc;
	json_items(it->text, it->len, &v, &n);
	for (size_t i = 0; rc == HG_OK && i < n; i++) {
		char *p = index_path(path, key, i);
		int bit;

		if (v[i].type != HG_JSON_TEXT)
			rc = bad_type(x, p, &v[i], "a string");
		else if ((bit = lookup(v[i].text)) < 0)
			rc = fail_at(x, p, "unknown name \"%s\"", v[i].text);
		else if (*out & HG_BIT(bit))
			rc = fail_at(x, p, "\"%s\" given twice", v[i].text);
		else
			*out |= HG_BIT(bit);
		free(p);
	}
	json_items_free(v, n);
	return rc;
}

/* A sign of a version 1 or 2 file: its "lips" (lips, tongue or throat,
 * or trouble breathing) is the sign stored at bit 12 (lips-airway since),
 * whatever the name means today. */
enum { V2_SIGN_LIPS = HG_SIGN_LIPS_AIRWAY };

static int v2_sign_lookup(const char *name)
{
	return strcmp(name, "lips") == 0 ? V2_SIGN_LIPS : model_sign_lookup(name);
}

/* Signs or care of a check-in: a list (assessed, possibly none), or in a
 * version 3 file null or absent: not assessed. */
static int assessed_field(const struct jrun *x, const char *path, const char *key,
			  const struct hg_json_item *it, int (*lookup)(const char *),
			  unsigned *out, int *assessed)
{
	*out = 0;
	*assessed = 1;
	if (x->version >= 3 && (!it || it->type == HG_JSON_NULL)) {
		*assessed = 0;
		return HG_OK;
	}
	if (x->version >= 3 && it->type != HG_JSON_ARRAY) {
		char *p = member_path(path, key);
		int rc = bad_type(x, p, it, "a list or null");

		free(p);
		return rc;
	}
	return names_field(x, path, key, it, lookup, out);
}

/* An id seen once in the file. */
static int id_once(const struct jrun *x, const char *path, int64_t id, int64_t **ids, size_t *n,
		   size_t *cap, const char *what)
{
	for (size_t i = 0; i < *n; i++)
		if ((*ids)[i] == id) {
			return fail_at(x, path, "%s id %lld is given twice", what, (long long)id);
		}
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*ids = xrealloc(*ids, *cap * sizeof **ids);
	}
	(*ids)[(*n)++] = id;
	return HG_OK;
}

/* The record's "id": given, a whole number from 1, and seen once in the
 * file among the ids of its kind. */
static int new_id(const struct jrun *x, const char *path, const struct hg_json_item *it,
		  int64_t **ids, size_t *n, size_t *cap, const char *what, int64_t *id)
{
	int rc = need(x, path, "id", it);

	if (rc == HG_OK)
		rc = int_field(x, path, "id", it, 1, INT64_MAX, id);
	if (rc == HG_OK)
		rc = id_once(x, path, *id, ids, n, cap, what);
	return rc;
}

/* ---- photos --------------------------------------------------------- */

struct jphoto {
	struct hg_photo_info info;
	unsigned char *jpeg, *thumb;
	size_t jpeg_len, thumb_len;
};

static void photos_free(struct jphoto *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(p[i].jpeg);
		free(p[i].thumb);
	}
	free(p);
}

static int blob_field(const struct jrun *x, const char *path, const char *key,
		      const struct hg_json_item *it, int max_side, unsigned char **out,
		      size_t *len, int *w, int *h)
{
	char *p = member_path(path, key);
	int rc = need(x, path, key, it);

	if (rc == HG_OK)
		rc = want_type(x, path, key, it, HG_JSON_TEXT, 0);
	if (rc == HG_OK && hg_unbase64(it->text, it->len, out, len) != 0)
		rc = fail_at(x, p, "not base64");
	if (rc == HG_OK) {
		struct strbuf who = STRBUF_INIT;

		/* Its own message names what is wrong (EXIF, a comment, ...). */
		sb_printf(&who, "%s: %s", x->name, p);
		if (!image_is_clean_jpeg(*out, *len, sb_str(&who), w, h))
			rc = HG_ERR_INPUT;
		sb_free(&who);
	}
	if (rc == HG_OK && (*w > max_side || *h > max_side)) {
		char dim[32];
		snprintf(dim, sizeof dim, "%dx%d", *w, *h);
		rc = fail_at(x, p, "%s px is larger than a thumbnail", dim);
	}
	free(p);
	return rc;
}

static int parse_photo(struct jrun *x, const char *path, const struct hg_json_item *obj,
		       struct jphoto *ph)
{
	static const char *const names[] = { "id", "width", "height", "added", "jpeg", "thumb" };
	enum { F_ID, F_W, F_H, F_ADDED, F_JPEG, F_THUMB, F_N };
	const struct hg_json_item *f[F_N];
	struct hg_json_item *items = NULL;
	size_t n = 0;
	int64_t id = 0, w = 0, h = 0;
	int rc, jw = 0, jh = 0, tw = 0, th = 0;

	memset(ph, 0, sizeof *ph);
	rc = members(x, path, obj, names, F_N, f, &items, &n);
	if (rc == HG_OK)
		rc = new_id(x, path, f[F_ID], &x->pids, &x->npids, &x->cap_p, "photo", &id);
	if (rc == HG_OK)
		rc = int_field(x, path, "width", f[F_W], 1, HG_IMAGE_LONG_SIDE, &w);
	if (rc == HG_OK)
		rc = int_field(x, path, "height", f[F_H], 1, HG_IMAGE_LONG_SIDE, &h);
	if (rc == HG_OK)
		rc = want_type(x, path, "added", f[F_ADDED], HG_JSON_TEXT, 0);
	if (rc == HG_OK && f[F_ADDED]) {
		/* YYYY-MM-DDTHH:MM:SSZ, as the database records it */
		static const char shape[] = "0000-00-00T00:00:00Z";
		const char *t = f[F_ADDED]->text;
		char date[HG_DATE_LEN];
		int d, ok = f[F_ADDED]->len == sizeof shape - 1;

		for (size_t i = 0; ok && i < sizeof shape - 1; i++)
			ok = shape[i] == '0' ? t[i] >= '0' && t[i] <= '9' : t[i] == shape[i];
		if (ok) {
			memcpy(date, t, HG_DATE_LEN - 1);
			date[HG_DATE_LEN - 1] = '\0';
			ok = date_parse(date, &d) == 0 && (t[11] - '0') * 10 + (t[12] - '0') <= 23
				&& t[14] <= '5' && t[17] <= '6';
		}
		if (!ok) {
			char *p = member_path(path, "added");
			rc = fail_at(x, p, "expected a UTC time YYYY-MM-DDTHH:MM:SSZ, got \"%s\"",
				     f[F_ADDED]->text);
			free(p);
		} else {
			snprintf(ph->info.added, sizeof ph->info.added, "%s", f[F_ADDED]->text);
		}
	}
	if (rc == HG_OK)
		rc = blob_field(x, path, "jpeg", f[F_JPEG], HG_IMAGE_LONG_SIDE, &ph->jpeg,
				&ph->jpeg_len, &jw, &jh);
	if (rc == HG_OK)
		rc = blob_field(x, path, "thumb", f[F_THUMB], HG_IMAGE_THUMB_SIDE, &ph->thumb,
				&ph->thumb_len, &tw, &th);
	if (rc == HG_OK && ((f[F_W] && w != jw) || (f[F_H] && h != jh))) {
		char dim[32];
		snprintf(dim, sizeof dim, "%dx%d", jw, jh);
		rc = fail_at(x, path, "width and height differ from the JPEG's (%s)", dim);
	}
	ph->info.id = x->keep_ids ? id : 0;
	ph->info.width = jw;
	ph->info.height = jh;
	json_items_free(items, n);
	return rc;
}

/* ---- check-ins -------------------------------------------------------- */

struct jtreat {
	struct hg_treatment t;
	int exists;                     /* matched a stored treatment */
	int widened;                    /* its window grew to hold a day */
	int max_day;
	uint64_t seen[(HG_WINDOW_MAX + 63) / 64];
};

static int same_day(struct jrun *x, const struct hg_checkin *a, const struct hg_checkin *b,
		    const struct jphoto *ph, size_t nph, int *same)
{
	struct hg_photo_info *stored = NULL;
	size_t ns = 0, k = 0;
	int rc;

	*same = a->signs == b->signs && a->care == b->care && a->temp == b->temp
		&& !a->signs_assessed == !b->signs_assessed
		&& !a->care_assessed == !b->care_assessed
		&& strcmp(a->note ? a->note : "", b->note ? b->note : "") == 0;
	for (int s = 0; s < HG_SYMPTOM_COUNT; s++)
		*same = *same && a->rating[s] == b->rating[s];
	if (!*same)
		return HG_OK;
	rc = db_photo_list(x->db, a->treatment_id, &stored, &ns);
	for (size_t i = 0; rc == HG_OK && i < ns && *same; i++) {
		unsigned char *data = NULL;
		size_t len = 0;
		struct hg_photo_info info;

		if (stored[i].day != a->day)
			continue;
		if (k >= nph) {
			*same = 0;
			break;
		}
		rc = db_photo_get(x->db, stored[i].id, 0, &info, &data, &len);
		if (rc == HG_OK)
			*same = len == ph[k].jpeg_len && memcmp(data, ph[k].jpeg, len) == 0;
		free(data);
		k++;
	}
	if (rc == HG_OK && k != nph)
		*same = 0;
	free(stored);
	return rc;
}

static int parse_checkin(struct jrun *x, const char *path, const struct hg_json_item *obj,
			 struct jtreat *jt)
{
	static const char *const names[] = {
		"day", "date", "redness", "swelling", "bruising", "bleeding", "signs", "note",
		"temperature_c", "care", "photos"
	};
	enum { F_DAY, F_DATE, F_RATING, F_SIGNS = F_RATING + HG_SYMPTOM_COUNT, F_NOTE, F_TEMP,
	       F_CARE, F_PHOTOS, F_N };
	const struct hg_json_item *f[F_N];
	struct hg_json_item *items = NULL, *pv = NULL;
	size_t n = 0, np = 0, nph = 0;
	struct jphoto *ph = NULL;
	struct hg_checkin c, old;
	const char *note = "";
	int64_t day = 0;
	int rc, date = 0, found = 0;

	model_checkin_init(&c);
	model_checkin_init(&old);
	rc = members(x, path, obj, names, F_N, f, &items, &n);
	if (rc == HG_OK)
		rc = need(x, path, "day", f[F_DAY]);
	if (rc == HG_OK)
		rc = int_field(x, path, "day", f[F_DAY], 0, HG_DAY_MAX, &day);
	if (rc == HG_OK)
		rc = need(x, path, "date", f[F_DATE]);
	if (rc == HG_OK)
		rc = date_field(x, path, "date", f[F_DATE], &date);
	if (rc == HG_OK && date != jt->t.date + (int)day) {
		char want[HG_DATE_LEN + 40];
		char td[HG_DATE_LEN], d[HG_DATE_LEN];

		date_format(jt->t.date, td);
		date_format(jt->t.date + (int)day, d);
		snprintf(want, sizeof want, "%s + %d = %s", td, (int)day, d);
		char *p = member_path(path, "date");
		rc = fail_at(x, p, "%s is not the treatment's date + day (%s)", f[F_DATE]->text,
			     want);
		free(p);
	}
	if (rc == HG_OK && date > x->today)
		rc = fail_at(x, path, "date %s is after today; a day cannot be recorded before"
			     " it comes", f[F_DATE]->text);
	if (rc == HG_OK && (jt->seen[day / 64] & ((uint64_t)1 << (day % 64))))
		rc = fail_at(x, path, "day %s is given twice", f[F_DAY]->text);
	c.day = (int)day;
	for (int s = 0; rc == HG_OK && s < HG_SYMPTOM_COUNT; s++) {
		const struct hg_json_item *r = f[F_RATING + s];
		int64_t v = 0;

		c.rating[s] = HG_UNRATED;
		if (r && r->type != HG_JSON_NULL) {
			rc = int_field(x, path, names[F_RATING + s], r, 0, HG_RATING_MAX, &v);
			c.rating[s] = (int)v;
		}
	}
	if (rc == HG_OK)
		rc = assessed_field(x, path, "signs", f[F_SIGNS],
				    x->version >= 3 ? model_sign_lookup : v2_sign_lookup, &c.signs,
				    &c.signs_assessed);
	if (rc == HG_OK)
		rc = assessed_field(x, path, "care", f[F_CARE], model_care_lookup, &c.care,
				    &c.care_assessed);
	if (rc == HG_OK)
		rc = text_field(x, path, "note", f[F_NOTE], HG_NOTE_MAX, &note);
	if (rc == HG_OK && f[F_TEMP] && f[F_TEMP]->type != HG_JSON_NULL) {
		const struct hg_json_item *t = f[F_TEMP];
		double tenths = t->type == HG_JSON_INTEGER ? (double)t->i * 10 : t->r * 10;

		if (t->type != HG_JSON_INTEGER && t->type != HG_JSON_REAL)
			rc = want_type(x, path, "temperature_c", t, HG_JSON_INTEGER, 1);
		else if (!(tenths > HG_TEMP_MIN - 0.5 && tenths < HG_TEMP_MAX + 0.5)
			 || tenths - (int)(tenths + 0.5) > 1e-6
			 || tenths - (int)(tenths + 0.5) < -1e-6) {
			char *p = member_path(path, "temperature_c");
			rc = fail_at(x, p, "expected 34.0-43.0 with at most one decimal, got %s",
				     t->text);
			free(p);
		} else {
			c.temp = (int)(tenths + 0.5);
		}
	}
	if (rc == HG_OK)
		rc = want_type(x, path, "photos", f[F_PHOTOS], HG_JSON_ARRAY, 0);
	if (rc == HG_OK && f[F_PHOTOS])
		json_items(f[F_PHOTOS]->text, f[F_PHOTOS]->len, &pv, &np);
	if (rc == HG_OK && np > HG_PHOTOS_PER_DAY)
		rc = fail_at(x, path, "more than 4 photos");
	if (np)
		ph = xcalloc(np, sizeof *ph);
	for (size_t i = 0; rc == HG_OK && i < np; i++) {
		char *p = index_path(path, "photos", i);
		rc = parse_photo(x, p, &pv[i], &ph[i]);
		nph = i + 1;
		free(p);
	}
	c.note = xstrdup(note);
	if (rc == HG_OK && model_checkin_is_empty(&c) && np == 0)
		rc = fail_at(x, path, "the day records nothing");
	if (rc == HG_OK) {
		jt->seen[day / 64] |= (uint64_t)1 << (day % 64);
		if ((int)day > jt->max_day)
			jt->max_day = (int)day;
		c.treatment_id = jt->t.id;
	}
	if (rc == HG_OK && jt->exists)
		rc = db_checkin_get(x->db, jt->t.id, c.day, &old, &found);
	if (rc == HG_OK && found) {
		int same = 0;

		old.treatment_id = jt->t.id;
		rc = same_day(x, &old, &c, ph, nph, &same);
		if (rc == HG_OK && !same) {
			char d[HG_DATE_LEN], cd[HG_DATE_LEN];

			date_format(jt->t.date, d);
			date_format(jt->t.date + c.day, cd);
			rc = fail_at(x, path, "day %d (%s) of the treatment of %s (%s) exists with"
				     " other content", c.day, cd, d, jt->t.area);
		}
	} else if (rc == HG_OK) {
		struct record_photo_in *in = nph ? xcalloc(nph, sizeof *in) : NULL;
		struct record_result res;

		for (size_t i = 0; i < nph; i++) {
			in[i].info = ph[i].info;
			in[i].jpeg = ph[i].jpeg;
			in[i].jpeg_len = ph[i].jpeg_len;
			in[i].thumb = ph[i].thumb;
			in[i].thumb_len = ph[i].thumb_len;
		}
		rc = record_day_import(x->db, &jt->t, &c, in, nph, &res);
		free(in);
		if (rc == HG_OK && res.widened_from)
			jt->widened = 1;
		if (rc == HG_OK && res.stored)
			x->st->rows++;
	}
	photos_free(ph, nph ? nph : np);
	json_items_free(pv, np);
	json_items_free(items, n);
	model_checkin_free(&c);
	model_checkin_free(&old);
	return rc;
}

/* ---- actions ---------------------------------------------------------- */

static int same_action(const struct hg_action *a, const struct hg_action *b)
{
	if (a->date != b->date || strcmp(a->text, b->text) != 0 || a->by != b->by
	    || a->nresolves != b->nresolves)
		return 0;
	for (size_t i = 0; i < a->nresolves; i++) {
		size_t k = 0;

		while (k < b->nresolves && (b->resolves[k].date != a->resolves[i].date
					    || strcmp(b->resolves[k].kind, a->resolves[i].kind) != 0))
			k++;
		if (k == b->nresolves)
			return 0;
	}
	return 1;
}

/* One flag an action is for: KIND@DAY, or in a version 1 or 2 file
 * RULE@DAY, which becomes its rule's kind (*kind NULL: a precaution, not
 * kept).  The day may lie before day 0 (a flag of a day since moved). */
static int parse_ref(const struct jrun *x, const char *p, const struct hg_json_item *it,
		     const struct hg_treatment *t, const char **kind, int *day)
{
	const char *want = x->version >= 3 ? "a flag id such as \"infection@3\""
		: "a flag id such as \"pus@3\"";
	const char *at, *rule;
	char name[HG_FLAG_ID_MAX];
	char *end;
	long d;

	*kind = NULL;
	if (it->type != HG_JSON_TEXT)
		return bad_type(x, p, it, want);
	at = strrchr(it->text, '@');
	if (!at || at == it->text || (size_t)(at - it->text) >= sizeof name
	    || !((at[1] >= '0' && at[1] <= '9') || (at[1] == '-' && at[2] >= '0' && at[2] <= '9')))
		return fail_at(x, p, "expected %s, got \"%s\"", want, it->text);
	d = strtol(at + 1, &end, 10);
	if (*end || d < -HG_DAY_MAX || d > HG_DAY_MAX)
		return fail_at(x, p, "expected %s, got \"%s\"", want, it->text);
	*day = (int)d;
	memcpy(name, it->text, (size_t)(at - it->text));
	name[at - it->text] = '\0';
	if (x->version >= 3) {
		int k = rules_kind_lookup(name);

		if (k < 0)
			return fail_at(x, p, "unknown kind of flag \"%s\"", name);
		*kind = rules_kind_name((enum hg_kind)k);
		return HG_OK;
	}
	if (d < 0 || rules_parse_flag_id(it->text, &rule, day) != 0)
		return fail_at(x, p, "expected %s, got \"%s\"", want, it->text);
	int k = rules_rule_kind(rule, t);

	*kind = k >= 0 ? rules_kind_name((enum hg_kind)k) : NULL;
	return HG_OK;
}

static int parse_action(struct jrun *x, const char *path, const struct hg_json_item *obj,
			const struct jtreat *jt, const struct hg_action *stored, size_t nstored)
{
	static const char *const names[] = { "id", "date", "text", "by", "for", "resolves" };
	enum { F_ID, F_DATE, F_TEXT, F_BY, F_FOR, F_RES, F_N };
	const struct hg_json_item *f[F_N];
	const struct hg_json_item *refs;
	const char *refs_key = x->version >= 3 ? "for" : "resolves";
	struct hg_json_item *items = NULL, *rv = NULL;
	size_t n = 0, nr = 0;
	struct hg_action a;
	const char *text = "";
	int64_t id = 0;
	int rc;

	model_action_init(&a);
	rc = members(x, path, obj, names, F_N, f, &items, &n);
	/* version 3 writes by and for; versions 1 and 2 wrote resolves */
	if (rc == HG_OK && x->version >= 3 && f[F_RES])
		rc = fail_at(x, path, "unknown field \"resolves\" (version 3 writes \"for\")");
	if (rc == HG_OK && x->version < 3 && (f[F_BY] || f[F_FOR]))
		rc = fail_at(x, path, "unknown field \"%s\" (a version %d file)",
			     f[F_BY] ? "by" : "for", x->version);
	refs = x->version >= 3 ? f[F_FOR] : f[F_RES];
	if (rc == HG_OK)
		rc = new_id(x, path, f[F_ID], &x->aids, &x->naids, &x->cap_a, "action", &id);
	if (rc == HG_OK)
		rc = need(x, path, "date", f[F_DATE]);
	if (rc == HG_OK)
		rc = date_field(x, path, "date", f[F_DATE], &a.date);
	if (rc == HG_OK && a.date > x->today)
		rc = fail_at(x, path, "date %s is after today", f[F_DATE]->text);
	if (rc == HG_OK)
		rc = need(x, path, "text", f[F_TEXT]);
	if (rc == HG_OK)
		rc = text_field(x, path, "text", f[F_TEXT], HG_ACTION_TEXT_MAX, &text);
	if (rc == HG_OK && !*text)
		rc = fail_at(x, path, "text: empty");
	a.text = xstrdup(text);
	if (rc == HG_OK)
		rc = want_type(x, path, "by", f[F_BY], HG_JSON_TEXT, 1);
	if (rc == HG_OK && f[F_BY] && f[F_BY]->type == HG_JSON_TEXT) {
		int by = model_by_lookup(f[F_BY]->text);
		char *p = member_path(path, "by");

		if (by < 0)
			rc = fail_at(x, p, "expected clinician, self or null, got \"%s\"",
				     f[F_BY]->text);
		else
			a.by = (enum hg_by)by;
		free(p);
	}
	if (rc == HG_OK)
		rc = want_type(x, path, refs_key, refs, HG_JSON_ARRAY, 0);
	if (rc == HG_OK && refs)
		json_items(refs->text, refs->len, &rv, &nr);
	if (nr)
		a.resolves = xcalloc(nr, sizeof *a.resolves);
	for (size_t i = 0; rc == HG_OK && i < nr; i++) {
		char *p = index_path(path, refs_key, i);
		const char *kind = NULL;
		int day = 0, dup = 0;

		rc = parse_ref(x, p, &rv[i], &jt->t, &kind, &day);
		for (size_t k = 0; rc == HG_OK && kind && k < a.nresolves; k++)
			dup |= strcmp(a.resolves[k].kind, kind) == 0
			       && a.resolves[k].date == jt->t.date + day;
		if (rc == HG_OK && x->version >= 3 && dup)
			rc = fail_at(x, p, "%s is given twice", rv[i].text);
		/* version 2 references landing on one kind and date are one */
		if (rc == HG_OK && kind && !dup) {
			a.resolves[a.nresolves].kind = xstrdup(kind);
			a.resolves[a.nresolves].rule = NULL;
			a.resolves[a.nresolves].date = jt->t.date + day;
			a.nresolves++;
		}
		free(p);
	}
	a.treatment_id = jt->t.id;
	for (size_t k = 0; rc == HG_OK && k < nstored; k++)
		if (same_action(&a, &stored[k]))
			goto out;       /* imported before */
	a.id = id;
	if (rc == HG_OK)
		rc = x->keep_ids ? db_action_add_as(x->db, &a) : db_action_add(x->db, &a);
out:
	json_items_free(rv, nr);
	json_items_free(items, n);
	model_action_free(&a);
	return rc;
}

/* ---- medicines -------------------------------------------------------- */

static int parse_medicine(struct jrun *x, const char *path, const struct hg_json_item *obj,
			  const struct jtreat *jt, const struct hg_medicine *stored,
			  size_t nstored)
{
	static const char *const names[] = { "id", "name", "dose", "from", "to" };
	enum { F_ID, F_NAME, F_DOSE, F_FROM, F_TO, F_N };
	const struct hg_json_item *f[F_N];
	struct hg_json_item *items = NULL;
	struct hg_medicine m;
	char msg[HG_VALID_MSG];
	size_t n = 0;
	int64_t id = 0;
	int rc;

	memset(&m, 0, sizeof m);
	rc = members(x, path, obj, names, F_N, f, &items, &n);
	if (rc == HG_OK)
		rc = new_id(x, path, f[F_ID], &x->mids, &x->nmids, &x->cap_m, "medicine", &id);
	if (rc == HG_OK)
		rc = need(x, path, "name", f[F_NAME]);
	if (rc == HG_OK)
		rc = want_type(x, path, "name", f[F_NAME], HG_JSON_TEXT, 0);
	if (rc == HG_OK)
		rc = want_type(x, path, "dose", f[F_DOSE], HG_JSON_TEXT, 0);
	for (int k = F_NAME; rc == HG_OK && k <= F_DOSE; k++) {
		char **out = k == F_NAME ? &m.name : &m.dose;

		if (f[k] && validate_medicine_text(f[k]->text, k == F_NAME, out, msg) != 0) {
			char *p = member_path(path, names[k]);
			rc = fail_at(x, p, "%s", msg);
			free(p);
		} else if (f[k] && strcmp(*out, f[k]->text) != 0) {
			/* export writes them clean: anything else was not */
			char *p = member_path(path, names[k]);
			rc = fail_at(x, p, "control characters or spaces at the ends");
			free(p);
		}
	}
	if (!m.dose)
		m.dose = xstrdup("");
	if (rc == HG_OK)
		rc = need(x, path, "from", f[F_FROM]);
	if (rc == HG_OK)
		rc = date_field(x, path, "from", f[F_FROM], &m.from);
	if (rc == HG_OK && f[F_TO] && f[F_TO]->type != HG_JSON_NULL)
		rc = date_field(x, path, "to", f[F_TO], &m.to);
	if (rc == HG_OK && f[F_TO] && f[F_FROM] && m.to && m.to < m.from)
		rc = fail_at(x, path, "to %s is before from %s", f[F_TO]->text, f[F_FROM]->text);
	m.treatment_id = jt->t.id;
	for (size_t k = 0; rc == HG_OK && k < nstored; k++)
		if (strcmp(stored[k].name, m.name) == 0 && strcmp(stored[k].dose, m.dose) == 0
		    && stored[k].from == m.from && stored[k].to == m.to)
			goto out;       /* imported before */
	m.id = x->keep_ids ? id : 0;
	if (rc == HG_OK)
		rc = record_medicine_add(x->db, &m, "to");
out:
	json_items_free(items, n);
	model_medicine_free(&m);
	return rc;
}

/* ---- treatments ------------------------------------------------------- */

static int agree(const struct jrun *x, const char *path, const struct hg_treatment *a,
		 const struct hg_treatment *b)
{
	const char *what = NULL;

	if (a->device != b->device)
		what = "device";
	else if (a->depth != b->depth)
		what = "depth_mm";
	else if (a->skin_type != b->skin_type)
		what = "skin_type";
	else if (a->risks != b->risks)
		what = "risks";
	else if (strcmp(a->products, b->products) != 0)
		what = "products";
	else if (strcmp(a->note, b->note) != 0)
		what = "note";
	if (!what)
		return HG_OK;
	char d[HG_DATE_LEN];
	date_format(b->date, d);
	return fail_at(x, path, "%s differs from the stored treatment %lld (%s, %s)", what,
		       (long long)b->id, d, b->area);
}

static int parse_treatment(struct jrun *x, const char *path, const struct hg_json_item *obj)
{
	static const char *const names[] = {
		"id", "date", "device", "depth_mm", "area", "products", "risks", "window", "note",
		"skin_type", "checkins", "actions", "medicines"
	};
	enum { F_ID, F_DATE, F_DEVICE, F_DEPTH, F_AREA, F_PRODUCTS, F_RISKS, F_WINDOW, F_NOTE,
	       F_SKIN, F_CHECKINS, F_ACTIONS, F_MEDICINES, F_N };
	const struct hg_json_item *f[F_N];
	struct hg_json_item *items = NULL, *cv = NULL, *av = NULL, *mv = NULL;
	size_t n = 0, nc = 0, na = 0, nm = 0, nstored = 0, nmstored = 0;
	struct hg_action *stored = NULL;
	struct hg_medicine *mstored = NULL;
	struct jtreat jt;
	const char *area = "face", *products = "", *note = "";
	char msg[HG_VALID_MSG];
	int64_t id = 0, window = HG_WINDOW_DEFAULT, skin = 0, sid = 0;
	int rc;

	memset(&jt, 0, sizeof jt);
	model_treatment_init(&jt.t);
	jt.max_day = -1;
	rc = members(x, path, obj, names, F_N, f, &items, &n);
	if (rc == HG_OK)
		rc = new_id(x, path, f[F_ID], &x->tids, &x->ntids, &x->cap_t, "treatment", &id);
	if (rc == HG_OK)
		rc = need(x, path, "date", f[F_DATE]);
	if (rc == HG_OK)
		rc = want_type(x, path, "date", f[F_DATE], HG_JSON_TEXT, 0);
	if (rc == HG_OK && validate_treatment_date(f[F_DATE]->text, &jt.t.date, msg) != 0) {
		char *p = member_path(path, "date");
		rc = fail_at(x, p, "%s", msg);
		free(p);
	}
	if (rc == HG_OK)
		rc = want_type(x, path, "device", f[F_DEVICE], HG_JSON_TEXT, 0);
	if (rc == HG_OK && f[F_DEVICE]) {
		int dev = model_device_lookup(f[F_DEVICE]->text);
		char *p = member_path(path, "device");

		if (dev < 0)
			rc = fail_at(x, p, "expected professional or home, got \"%s\"",
				     f[F_DEVICE]->text);
		jt.t.device = dev < 0 ? HG_DEVICE_PROFESSIONAL : (enum hg_device)dev;
		free(p);
	}
	if (rc == HG_OK && f[F_DEPTH] && f[F_DEPTH]->type != HG_JSON_NULL) {
		const struct hg_json_item *d = f[F_DEPTH];
		double v = d->type == HG_JSON_INTEGER ? (double)d->i : d->r;
		char *p = member_path(path, "depth_mm");

		if (d->type != HG_JSON_INTEGER && d->type != HG_JSON_REAL)
			rc = bad_type(x, p, d, "a number or null");
		else if (!(v >= HG_DEPTH_MIN && v <= HG_DEPTH_MAX))
			rc = fail_at(x, p, "expected 0.1-3.0 mm, got %s", d->text);
		jt.t.depth = v;
		free(p);
	}
	if (rc == HG_OK)
		rc = text_field(x, path, "area", f[F_AREA], HG_AREA_MAX, &area);
	if (rc == HG_OK && validate_area(area, msg) != 0) {
		char *p = member_path(path, "area");
		rc = fail_at(x, p, "%s", msg);
		free(p);
	}
	if (rc == HG_OK)
		rc = text_field(x, path, "products", f[F_PRODUCTS], HG_PRODUCTS_MAX, &products);
	if (rc == HG_OK)
		rc = text_field(x, path, "note", f[F_NOTE], HG_NOTE_MAX, &note);
	if (rc == HG_OK)
		rc = names_field(x, path, "risks", f[F_RISKS], model_risk_lookup, &jt.t.risks);
	if (rc == HG_OK && f[F_WINDOW])
		rc = int_field(x, path, "window", f[F_WINDOW], HG_WINDOW_MIN, HG_WINDOW_MAX, &window);
	if (rc == HG_OK && f[F_SKIN] && f[F_SKIN]->type != HG_JSON_NULL)
		rc = int_field(x, path, "skin_type", f[F_SKIN], HG_SKIN_MIN, HG_SKIN_MAX, &skin);
	if (rc == HG_OK)
		rc = want_type(x, path, "checkins", f[F_CHECKINS], HG_JSON_ARRAY, 0);
	if (rc == HG_OK)
		rc = want_type(x, path, "actions", f[F_ACTIONS], HG_JSON_ARRAY, 0);
	if (rc == HG_OK && x->version < 3 && f[F_MEDICINES])
		rc = fail_at(x, path, "unknown field \"medicines\" (a version %d file)",
			     x->version);
	if (rc == HG_OK)
		rc = want_type(x, path, "medicines", f[F_MEDICINES], HG_JSON_ARRAY, 0);
	jt.t.area = xstrdup(area);
	jt.t.products = xstrdup(products);
	jt.t.note = xstrdup(note);
	jt.t.window = (int)window;
	jt.t.skin_type = (int)skin;
	if (rc == HG_OK)
		rc = db_treatment_find(x->db, jt.t.date, jt.t.area, &sid);
	if (rc == HG_OK && (sid || jt.t.id)) {
		char d[HG_DATE_LEN];

		date_format(jt.t.date, d);
		for (size_t i = 0; rc == HG_OK && i < x->ndbtids; i++)
			if (x->dbtids[i] == sid)
				rc = fail_at(x, path, "the treatment of %s (%s) is given twice", d,
					     jt.t.area);
	}
	if (rc == HG_OK && sid) {
		struct hg_treatment old;

		rc = db_treatment_get(x->db, sid, &old);
		if (rc == HG_OK)
			rc = agree(x, path, &jt.t, &old);
		if (rc == HG_OK) {
			model_treatment_free(&jt.t);
			jt.t = old;
			jt.exists = 1;
		} else {
			model_treatment_free(&old);
		}
		if (rc == HG_OK)
			rc = db_action_list(x->db, sid, &stored, &nstored);
		if (rc == HG_OK)
			rc = db_medicine_list(x->db, sid, &mstored, &nmstored);
	} else if (rc == HG_OK) {
		jt.t.id = id;
		if (!x->keep_ids)
			jt.t.id = 0;
		rc = record_treatment_add(x->db, &jt.t, NULL);
		x->st->created++;
	}
	if (rc == HG_OK) {
		x->st->treatments++;
		rc = id_once(x, path, jt.t.id, &x->dbtids, &x->ndbtids, &x->cap_db, "treatment");
	}
	if (rc == HG_OK && f[F_CHECKINS])
		json_items(f[F_CHECKINS]->text, f[F_CHECKINS]->len, &cv, &nc);
	for (size_t i = 0; rc == HG_OK && i < nc; i++) {
		char *p = index_path(path, "checkins", i);
		rc = parse_checkin(x, p, &cv[i], &jt);
		free(p);
	}
	if (rc == HG_OK && f[F_ACTIONS])
		json_items(f[F_ACTIONS]->text, f[F_ACTIONS]->len, &av, &na);
	for (size_t i = 0; rc == HG_OK && i < na; i++) {
		char *p = index_path(path, "actions", i);
		rc = parse_action(x, p, &av[i], &jt, stored, nstored);
		free(p);
	}
	if (rc == HG_OK && f[F_MEDICINES])
		json_items(f[F_MEDICINES]->text, f[F_MEDICINES]->len, &mv, &nm);
	for (size_t i = 0; rc == HG_OK && i < nm; i++) {
		char *p = index_path(path, "medicines", i);
		rc = parse_medicine(x, p, &mv[i], &jt, mstored, nmstored);
		free(p);
	}
	if (rc == HG_OK && jt.widened && jt.exists)
		x->st->widened++;
	model_actions_free(stored, nstored);
	model_medicines_free(mstored, nmstored);
	json_items_free(mv, nm);
	json_items_free(av, na);
	json_items_free(cv, nc);
	json_items_free(items, n);
	model_treatment_free(&jt.t);
	return rc;
}

/* ---- profile and the whole file --------------------------------------- */

static int parse_profile(struct jrun *x, const struct hg_json_item *obj)
{
	static const char *const names[] = { "name", "born", "clinic" };
	const struct hg_json_item *f[3];
	struct hg_json_item *items = NULL;
	struct hg_profile p, old;
	const char *name = "", *clinic = "";
	size_t n = 0;
	int rc, found = 0;

	memset(&p, 0, sizeof p);
	memset(&old, 0, sizeof old);
	if (obj->type == HG_JSON_NULL)
		return HG_OK;
	rc = members(x, "profile", obj, names, 3, f, &items, &n);
	if (rc == HG_OK)
		rc = text_field(x, "profile", "name", f[0], HG_AREA_MAX, &name);
	if (rc == HG_OK)
		rc = text_field(x, "profile", "clinic", f[2], HG_AREA_MAX, &clinic);
	if (rc == HG_OK && f[1] && f[1]->type != HG_JSON_NULL) {
		rc = date_field(x, "profile", "born", f[1], &p.born);
		p.has_born = 1;
	}
	p.name = (char *)name;          /* borrowed for the put; never freed here */
	p.clinic = (char *)clinic;
	if (rc == HG_OK)
		rc = db_profile_get(x->db, &old, &found);
	if (rc == HG_OK && found && (strcmp(old.name, p.name) != 0 || strcmp(old.clinic, p.clinic) != 0
				     || old.has_born != p.has_born || (p.has_born && old.born != p.born)))
		rc = fail_at(x, "profile", "differs from the stored profile (see healgrid"
			     " profile)");
	else if (rc == HG_OK && !found)
		rc = db_profile_put(x->db, &p);
	db_profile_free(&old);
	json_items_free(items, n);
	return rc;
}

/* 1 when a string of the JSON at data holds the escape of a NUL: SQLite
 * would cut the text there ("fa\u0000ce" read as "fa"). */
static int escaped_nul(const char *data, size_t len)
{
	for (size_t i = 0; i + 1 < len; i++)
		if (data[i] == '\\') {
			if (data[i + 1] == 'u' && len - i >= 6 && memcmp(data + i + 2, "0000", 4) == 0)
				return 1;
			i++;    /* the escaped character */
		}
	return 0;
}

int import_json(struct hg_db *db, const char *name, const char *data, size_t len, int today,
		struct import_stats *st)
{
	static const char *const names[] = { "format", "version", "profile", "treatments" };
	enum { F_FORMAT, F_VERSION, F_PROFILE, F_TREATMENTS, F_N };
	const struct hg_json_item *f[F_N] = { NULL };
	struct hg_json_item top, *items = NULL, *tv = NULL;
	size_t n = 0, nt = 0;
	struct hg_treatment *list = NULL;
	size_t nlist = 0;
	struct jrun x;
	int rc, valid = 0, type = 0, begun = 0;

	memset(&x, 0, sizeof x);
	memset(st, 0, sizeof *st);
	x.db = db;
	x.name = name;
	x.today = today;
	x.st = st;
	valid = json_check(data, len, &type) == 0;
	rc = HG_OK;
	if (!valid || memchr(data, '\0', len))
		rc = hg_fail(HG_ERR_INPUT, "%s: not valid JSON (cut short, or not written by"
			     " healgrid export)", name);
	if (rc == HG_OK && escaped_nul(data, len))
		rc = hg_fail(HG_ERR_INPUT, "%s: a text holds a NUL character (\\u0000), which"
			     " no healgrid text may hold", name);
	memset(&top, 0, sizeof top);
	top.type = type;
	top.text = (char *)data;
	top.len = len;
	if (rc == HG_OK)
		rc = members(&x, "", &top, names, F_N, f, &items, &n);
	if (rc == HG_OK && (!f[F_FORMAT] || f[F_FORMAT]->type != HG_JSON_TEXT
			    || strcmp(f[F_FORMAT]->text, "healgrid-export") != 0))
		rc = fail_at(&x, "format", "expected \"healgrid-export\"");
	if (rc == HG_OK && (!f[F_VERSION] || f[F_VERSION]->type != HG_JSON_INTEGER
			    || strlen(f[F_VERSION]->text) != 1 || f[F_VERSION]->i < 1
			    || f[F_VERSION]->i > 3))
		rc = fail_at(&x, "version", "expected 1, 2 or 3 (a newer healgrid wrote this"
			     " file?)");
	if (rc == HG_OK && f[F_VERSION]) {
		x.version = (int)f[F_VERSION]->i;
		rc = need(&x, "", "treatments", f[F_TREATMENTS]);
	}
	if (rc == HG_OK)
		rc = want_type(&x, "", "treatments", f[F_TREATMENTS], HG_JSON_ARRAY, 0);
	if (rc == HG_OK)
		rc = db_begin(db);
	begun = rc == HG_OK;
	if (rc == HG_OK)
		rc = db_treatment_list(db, &list, &nlist);
	x.keep_ids = nlist == 0;
	db_treatments_free(list, nlist);
	if (rc == HG_OK && f[F_PROFILE])
		rc = parse_profile(&x, f[F_PROFILE]);
	if (rc == HG_OK && f[F_TREATMENTS])    /* need() made sure of it */
		json_items(f[F_TREATMENTS]->text, f[F_TREATMENTS]->len, &tv, &nt);
	for (size_t i = 0; rc == HG_OK && i < nt; i++) {
		char *p = index_path("", "treatments", i);
		rc = parse_treatment(&x, p, &tv[i]);
		free(p);
	}
	if (begun) {
		if (rc == HG_OK)
			rc = db_commit(db);
		else
			db_rollback(db);
	}
	if (rc != HG_OK)
		memset(st, 0, sizeof *st);
	json_items_free(tv, nt);
	json_items_free(items, n);
	free(x.tids);
	free(x.aids);
	free(x.pids);
	free(x.mids);
	free(x.dbtids);
	return rc;
}
