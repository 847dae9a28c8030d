/* demo.c — `healgrid --demo`: a sample recovery in a temporary database
 * that is removed when healgrid exits. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "healgrid/demo.h"
#include "healgrid/record.h"
#include "healgrid/ui.h"
#include "healgrid/util.h"

struct demo_day {
	int day;
	int r, s, b, l;         /* ratings, -1 = not rated */
	unsigned signs;
	const char *note;
};

static const struct demo_day earlier[] = {
	{ 0, 3, 2, 1, 1, 0, "Numbing cream worked; pinpoint bleeding stopped in minutes." },
	{ 1, 2, 1, 1, 0, 0, "" },
	{ 2, 1, 1, 0, 0, 0, "" },
	{ 3, 1, 0, 0, 0, 0, "Skin a little dry." },
	{ 4, 0, 0, 0, 0, 0, "" },
	{ 5, 0, 0, 0, 0, 0, "" },
};

static const struct demo_day current[] = {
	{ 0, 3, 2, 1, 1, 0, "Treatment at the clinic, 1.0 mm. Tight and warm, like sunburn." },
	{ 1, 2, 2, 1, 0, 0, "" },
	{ 2, 2, 1, 1, 0, 0, "Used the hyaluronic serum morning and night." },
	{ 3, 2, 1, 0, 0, HG_BIT(HG_SIGN_WARMTH), "Cheeks warmer again in the evening." },
	{ 4, 2, 2, 0, 0, HG_BIT(HG_SIGN_WARMTH) | HG_BIT(HG_SIGN_CRUSTING),
	  "Yellowish crust near the chin, stings after washing." },
	{ 5, -1, -1, -1, -1, 0, "" },
	{ 6, 1, 1, 0, 0, 0, "Clinic said keep it clean; crust is smaller." },
	{ 7, 1, 0, 0, 0, 0, "" },
	{ 8, 1, 0, 0, 0, 0, "" },
};

static int fill_days(struct hg_db *db, int64_t tid, const struct demo_day *d, size_t n,
		     int today)
{
	int rc = HG_OK;

	for (size_t i = 0; i < n && rc == HG_OK; i++) {
		struct hg_checkin c;

		if (d[i].r < 0 && !d[i].signs && !*d[i].note)
			continue;       /* a day the person forgot: left unrated */
		model_checkin_init(&c);
		c.treatment_id = tid;
		c.day = d[i].day;
		c.rating[HG_REDNESS] = d[i].r;
		c.rating[HG_SWELLING] = d[i].s;
		c.rating[HG_BRUISING] = d[i].b;
		c.rating[HG_BLEEDING] = d[i].l;
		c.signs = d[i].signs;
		c.note = xstrdup(d[i].note);
		rc = record_checkin_save(db, &c, NULL, 0, today, NULL);
		model_checkin_free(&c);
	}
	return rc;
}

static int add_treatment(struct hg_db *db, int date, double depth, const char *products,
			 const char *note, int64_t *id)
{
	struct hg_treatment t;
	int rc;

	model_treatment_init(&t);
	t.date = date;
	t.depth = depth;
	t.area = xstrdup("face");
	t.products = xstrdup(products);
	t.note = xstrdup(note);
	rc = record_treatment_add(db, &t, NULL);
	*id = t.id;
	model_treatment_free(&t);
	return rc;
}

int demo_fill(struct hg_db *db, int today)
{
	int64_t id;
	int rc = db_begin(db);

	if (rc != HG_OK)
		return rc;
	rc = add_treatment(db, today - 9 - 56, 0.75, "hyaluronic serum", "First session.", &id);
	if (rc == HG_OK)
		rc = fill_days(db, id, earlier, sizeof earlier / sizeof earlier[0], today);
	if (rc == HG_OK)
		rc = add_treatment(db, today - 9, 1.0, "numbing cream; hyaluronic serum",
				   "Second session, deeper.", &id);
	if (rc == HG_OK)
		rc = fill_days(db, id, current, sizeof current / sizeof current[0], today);
	if (rc != HG_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

static void remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		struct strbuf p = STRBUF_INIT;
		sb_printf(&p, "%s/%s", dir, e->d_name);
		unlink(sb_str(&p));
		sb_free(&p);
	}
	closedir(d);
	rmdir(dir);
}

/* The database's files, beside its name. */
static const char *const demo_files[] = { "", "-wal", "-shm", "-journal" };

int demo_run(int today)
{
	const char *tmp = getenv("TMPDIR");
	struct strbuf dir = STRBUF_INIT, path = STRBUF_INIT;
	struct hg_db *db = NULL;
	int rc;

	rc = ui_need_terminal();
	if (rc != HG_OK)
		return rc;
	sb_printf(&dir, "%s/healgrid-demo-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir.s)) {
		rc = hg_fail(HG_ERR_RUNTIME, "cannot make a folder for the demo in %s",
			     tmp && *tmp ? tmp : "/tmp");
		sb_free(&dir);
		return rc;
	}
	sb_printf(&path, "%s/healgrid.db", sb_str(&dir));
	/* Removed on every way out, a crash signal included. */
	hg_tmp_add(sb_str(&dir));
	for (size_t i = 0; i < sizeof demo_files / sizeof demo_files[0]; i++) {
		struct strbuf f = STRBUF_INIT;

		sb_printf(&f, "%s%s", sb_str(&path), demo_files[i]);
		hg_tmp_add(sb_str(&f));
		sb_free(&f);
	}
	rc = db_open(sb_str(&path), 0, &db);
	if (rc == HG_OK)
		rc = demo_fill(db, today);
	if (rc == HG_OK)
		rc = ui_run(db, today);
	db_close(db);
	remove_tree(sb_str(&dir));
	for (size_t i = 0; i < sizeof demo_files / sizeof demo_files[0]; i++) {
		struct strbuf f = STRBUF_INIT;

		sb_printf(&f, "%s%s", sb_str(&path), demo_files[i]);
		hg_tmp_forget(sb_str(&f));
		sb_free(&f);
	}
	hg_tmp_forget(sb_str(&dir));
	sb_free(&path);
	sb_free(&dir);
	return rc;
}
