/* test_db.c — storage on real temporary database files: schema, file
 * modes, round trips, NULL for unrated, merging, refusing foreign files. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "tmpdb.h"
#include "healgrid/date.h"
#include "healgrid/util.h"

static int64_t add(struct hg_db *db, const char *date, int window)
{
	struct hg_treatment t;

	model_treatment_init(&t);
	assert_int_equal(date_parse(date, &t.date), 0);
	t.window = window;
	t.area = (char *)"face";
	t.products = (char *)"serum, \"quoted\"";
	t.note = (char *)"";
	t.depth = 1.5;
	t.risks = HG_BIT(HG_RISK_COLD_SORES);
	assert_int_equal(db_treatment_add(db, &t), HG_OK);
	assert_true(t.id > 0);
	return t.id;
}

static void new_database_is_private_and_versioned(void **state)
{
	struct tmpdb t;
	struct stat st;
	sqlite3 *raw;
	sqlite3_stmt *q;

	(void)state;
	tmpdb_open(&t);
	assert_int_equal(stat(t.path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(sqlite3_open_v2(t.path, &raw, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(raw, "SELECT (SELECT user_version FROM pragma_user_version),"
		" (SELECT application_id FROM pragma_application_id),"
		" (SELECT journal_mode FROM pragma_journal_mode)", -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), db_schema_version());
	assert_int_equal(sqlite3_column_int(q, 1), HG_DB_APPLICATION_ID);
	assert_string_equal((const char *)sqlite3_column_text(q, 2), "wal");
	sqlite3_finalize(q);
	sqlite3_close(raw);
	tmpdb_close(&t);
}

static void make_dirs_creates_private_folder(void **state)
{
	struct tmpdb t;
	struct hg_db *db;
	struct stat st;
	char path[400], dir[400];

	(void)state;
	tmpdb_open(&t);
	snprintf(dir, sizeof dir, "%s/a", t.dir);
	snprintf(path, sizeof path, "%s/a/b/x.db", t.dir);
	assert_int_equal(db_open(path, 0, &db), HG_ERR_RUNTIME);   /* no folder, no create */
	assert_non_null(strstr(hg_error(), "does not exist"));
	hg_error_clear();
	assert_int_equal(db_open(path, 1, &db), HG_OK);
	db_close(db);
	snprintf(dir, sizeof dir, "%s/a/b", t.dir);
	assert_int_equal(stat(dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	unlink(path);
	rmdir(dir);
	snprintf(dir, sizeof dir, "%s/a", t.dir);
	rmdir(dir);
	tmpdb_close(&t);
}

static void checkin_round_trip_keeps_unrated_null(void **state)
{
	struct tmpdb t;
	struct hg_checkin c, got;
	int found;

	(void)state;
	tmpdb_open(&t);
	int64_t id = add(t.db, "2026-11-01", 28);
	model_checkin_init(&c);
	c.treatment_id = id;
	c.day = 3;
	c.rating[HG_REDNESS] = 2;
	c.rating[HG_BRUISING] = 0;
	c.signs = HG_BIT(HG_SIGN_PUS) | HG_BIT(HG_SIGN_LINES);
	c.note = (char *)"stings, \"a bit\"\nsecond line caf\xc3\xa9";
	assert_int_equal(db_checkin_put(t.db, &c), HG_OK);
	assert_int_equal(db_checkin_get(t.db, id, 3, &got, &found), HG_OK);
	assert_true(found);
	assert_int_equal(got.rating[HG_REDNESS], 2);
	assert_int_equal(got.rating[HG_SWELLING], HG_UNRATED);
	assert_int_equal(got.rating[HG_BRUISING], 0);
	assert_int_equal(got.rating[HG_BLEEDING], HG_UNRATED);
	assert_int_equal(got.signs, c.signs);
	assert_string_equal(got.note, c.note);
	model_checkin_free(&got);

	/* Saving again replaces the day: one row, new values. */
	c.rating[HG_REDNESS] = 1;
	c.note = (char *)"";
	assert_int_equal(db_checkin_put(t.db, &c), HG_OK);
	struct hg_recovery r;
	assert_int_equal(db_recovery_load(t.db, id, &r), HG_OK);
	assert_int_equal(r.ndays, 1);
	assert_int_equal(r.days[0].rating[HG_REDNESS], 1);
	assert_string_equal(r.t.products, "serum, \"quoted\"");
	assert_int_equal(r.t.risks, HG_BIT(HG_RISK_COLD_SORES));
	assert_true(r.t.depth > 1.49 && r.t.depth < 1.51);
	model_recovery_free(&r);

	/* Stored as SQL NULL, never 0. */
	sqlite3 *raw;
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_open(t.path, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(raw, "SELECT count(*) FROM checkin WHERE swelling IS NULL"
					    " AND bleeding IS NULL AND bruising = 0", -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), 1);
	sqlite3_finalize(q);
	sqlite3_close(raw);
	tmpdb_close(&t);
}

static void latest_list_and_delete(void **state)
{
	struct tmpdb t;
	int64_t id, a, b, c;
	struct hg_recovery *all;
	size_t n;

	(void)state;
	tmpdb_open(&t);
	assert_int_equal(db_treatment_latest(t.db, &id), HG_OK);
	assert_int_equal(id, 0);
	a = add(t.db, "2026-10-01", 28);
	b = add(t.db, "2026-11-01", 28);
	c = add(t.db, "2026-09-01", 28);   /* added last, but oldest */
	assert_int_equal(db_treatment_latest(t.db, &id), HG_OK);
	assert_int_equal(id, b);
	for (int64_t k = a; k <= c; k++) {
		struct hg_checkin ci;
		model_checkin_init(&ci);
		ci.treatment_id = k;
		ci.day = (int)k;
		ci.rating[HG_REDNESS] = 1;
		ci.note = (char *)"";
		assert_int_equal(db_checkin_put(t.db, &ci), HG_OK);
	}
	tmpdb_load_all(t.db, &all, &n);
	assert_int_equal(n, 3);
	assert_int_equal(all[0].t.id, c);
	assert_int_equal(all[1].t.id, a);
	assert_int_equal(all[2].t.id, b);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(all[i].ndays, 1);
		assert_int_equal(all[i].days[0].day, (int)all[i].t.id);
	}
	tmpdb_free_all(all, n);
	assert_int_equal(db_treatment_find(t.db, date_from_ymd(2026, 10, 1), "face", &id), HG_OK);
	assert_int_equal(id, a);
	/* Deleting a treatment takes its check-ins along (foreign keys on). */
	assert_int_equal(db_treatment_delete(t.db, a), HG_OK);
	int found;
	struct hg_checkin ci;
	assert_int_equal(db_checkin_get(t.db, a, (int)a, &ci, &found), HG_OK);
	assert_false(found);
	model_checkin_free(&ci);
	assert_int_equal(db_treatment_delete(t.db, a), HG_ERR_INPUT);
	hg_error_clear();
	struct hg_treatment tr;
	assert_int_equal(db_treatment_get(t.db, 999, &tr), HG_ERR_INPUT);
	assert_string_equal(hg_error(), "no treatment 999");
	hg_error_clear();
	tmpdb_close(&t);
}

/* What db_recovery_each hands its callback, recorded. */
struct walk {
	int calls, stop_after;
	int64_t id[4];
	size_t ndays[4];
	int last_day[4];
};

static int walk_one(const struct hg_recovery *r, size_t i, size_t n, void *arg)
{
	struct walk *w = arg;

	assert_int_equal(i, (size_t)w->calls);
	assert_int_equal(n, 3);

	if (w->calls < 4) {
		w->id[w->calls] = r->t.id;
		w->ndays[w->calls] = r->ndays;
		w->last_day[w->calls] = r->ndays ? r->days[r->ndays - 1].day : -1;
	}
	w->calls++;
	return w->calls == w->stop_after ? hg_fail(HG_ERR_INPUT, "stop") : HG_OK;
}

static void put_day(struct hg_db *db, int64_t id, int day)
{
	struct hg_checkin ci;

	model_checkin_init(&ci);
	ci.treatment_id = id;
	ci.day = day;
	ci.rating[HG_SWELLING] = 2;
	ci.note = (char *)"a note, \"quoted\"";
	assert_int_equal(db_checkin_put(db, &ci), HG_OK);
}

static void recovery_each_walks_oldest_first(void **state)
{
	struct tmpdb t;
	struct walk w = { 0 };
	int64_t a, b, c;

	(void)state;
	tmpdb_open(&t);
	assert_int_equal(db_recovery_each(t.db, walk_one, &w), HG_OK);
	assert_int_equal(w.calls, 0);
	a = add(t.db, "2026-10-01", 28);   /* no check-ins: still walked */
	b = add(t.db, "2026-11-01", 28);
	c = add(t.db, "2026-09-01", 28);
	put_day(t.db, c, 5);
	put_day(t.db, c, 1);
	put_day(t.db, b, 0);
	assert_int_equal(db_recovery_each(t.db, walk_one, &w), HG_OK);
	assert_int_equal(w.calls, 3);
	assert_int_equal(w.id[0], c);
	assert_int_equal(w.ndays[0], 2);
	assert_int_equal(w.last_day[0], 5);
	assert_int_equal(w.id[1], a);
	assert_int_equal(w.ndays[1], 0);
	assert_int_equal(w.id[2], b);
	assert_int_equal(w.ndays[2], 1);

	/* A callback's failure stops the walk and comes back. */
	memset(&w, 0, sizeof w);
	w.stop_after = 2;
	assert_int_equal(db_recovery_each(t.db, walk_one, &w), HG_ERR_INPUT);
	assert_int_equal(w.calls, 2);
	hg_error_clear();
	/* No read transaction is left open: writes still go through. */
	put_day(t.db, a, 3);
	tmpdb_close(&t);
}

static void transaction_rolls_back_everything(void **state)
{
	struct tmpdb t;
	struct hg_checkin c;
	struct hg_recovery r;

	(void)state;
	tmpdb_open(&t);
	int64_t id = add(t.db, "2026-11-01", 28);
	assert_int_equal(db_begin(t.db), HG_OK);
	model_checkin_init(&c);
	c.treatment_id = id;
	c.day = 1;
	c.rating[HG_REDNESS] = 1;   /* an empty day would be deleted, not stored */
	c.note = (char *)"";
	assert_int_equal(db_checkin_put(t.db, &c), HG_OK);
	c.day = 200;    /* violates the day CHECK: the whole transaction goes */
	assert_int_equal(db_checkin_put(t.db, &c), HG_ERR_RUNTIME);
	hg_error_clear();
	db_rollback(t.db);
	assert_int_equal(db_recovery_load(t.db, id, &r), HG_OK);
	assert_int_equal(r.ndays, 0);
	model_recovery_free(&r);
	tmpdb_close(&t);
}

static void write_file(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
}

static char *read_all(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *buf = xmalloc(1 << 20);

	assert_non_null(f);
	*n = fread(buf, 1, 1 << 20, f);
	fclose(f);
	return buf;
}

static void refuses_files_that_are_not_healgrid(void **state)
{
	struct tmpdb t;
	struct hg_db *db = NULL;
	char path[400];
	size_t n1, n2;

	(void)state;
	tmpdb_open(&t);
	/* A text file. */
	snprintf(path, sizeof path, "%s/notes.txt", t.dir);
	write_file(path, "just some notes\n", 16);
	assert_int_equal(db_open(path, 0, &db), HG_ERR_RUNTIME);
	assert_non_null(strstr(hg_error(), "not a healgrid database"));
	hg_error_clear();
	char *before = read_all(path, &n1);
	assert_int_equal(n1, 16);
	free(before);
	unlink(path);

	/* An empty file. */
	write_file(path, "", 0);
	assert_int_equal(db_open(path, 0, &db), HG_ERR_RUNTIME);
	hg_error_clear();
	before = read_all(path, &n1);
	assert_int_equal(n1, 0);
	free(before);
	unlink(path);

	/* Another program's SQLite database. */
	sqlite3 *raw;
	assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, "CREATE TABLE songs (title TEXT); INSERT INTO songs"
				      " VALUES ('x');", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	before = read_all(path, &n1);
	assert_int_equal(db_open(path, 0, &db), HG_ERR_RUNTIME);
	assert_non_null(strstr(hg_error(), "another program"));
	hg_error_clear();
	char *after = read_all(path, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	free(before);
	free(after);
	unlink(path);

	/* A healgrid database from the future. */
	db_close(t.db);
	assert_int_equal(sqlite3_open(t.path, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	assert_int_equal(db_open(t.path, 0, &t.db), HG_ERR_RUNTIME);
	assert_non_null(strstr(hg_error(), "newer healgrid"));
	hg_error_clear();
	t.db = NULL;
	tmpdb_close(&t);
}

/* Signs and care: a list (possibly none) or NULL, not assessed. */
static void signs_and_care_assessed_or_not(void **state)
{
	struct tmpdb t;
	struct hg_checkin c, got;
	int found;

	(void)state;
	tmpdb_open(&t);
	int64_t id = add(t.db, "2026-11-01", 28);
	model_checkin_init(&c);
	c.treatment_id = id;
	c.day = 1;
	c.rating[HG_REDNESS] = 1;
	c.note = (char *)"";
	assert_int_equal(db_checkin_put(t.db, &c), HG_OK);
	assert_int_equal(db_checkin_get(t.db, id, 1, &got, &found), HG_OK);
	assert_true(found);
	assert_int_equal(got.signs_assessed, 0);
	assert_int_equal(got.care_assessed, 0);
	model_checkin_free(&got);
	c.signs_assessed = 1;           /* none of them */
	c.care = HG_BIT(HG_CARE_SUN);   /* a ticked item says assessed too */
	assert_int_equal(db_checkin_put(t.db, &c), HG_OK);
	assert_int_equal(db_checkin_get(t.db, id, 1, &got, &found), HG_OK);
	assert_int_equal(got.signs_assessed, 1);
	assert_int_equal(got.signs, 0);
	assert_int_equal(got.care_assessed, 1);
	assert_int_equal(got.care, HG_BIT(HG_CARE_SUN));
	model_checkin_free(&got);
	tmpdb_close(&t);
}

/* Actions: who, and flags by kind and date (a version 2 rule by its
 * kind, a precaution not at all, one kind and date once); several
 * actions to one flag. */
static void actions_by_kind_and_who(void **state)
{
	struct tmpdb t;
	struct hg_action a, b, *list;
	struct hg_flag_ref refs[4] = {
		{ NULL, 0, (char *)"infection" }, { (char *)"pus", 0, NULL },
		{ (char *)"home-deep", 0, NULL }, { (char *)"crusting", 0, NULL },
	};
	size_t n;
	int d, found;

	(void)state;
	tmpdb_open(&t);
	int64_t id = add(t.db, "2026-11-01", 28);       /* face, cold-sores */
	assert_int_equal(date_parse("2026-11-03", &d), 0);
	for (int i = 0; i < 4; i++)
		refs[i].date = d;
	model_action_init(&a);
	a.treatment_id = id;
	a.date = d + 1;
	a.text = (char *)"saw GP";
	a.by = HG_BY_CLINICIAN;
	a.resolves = refs;
	a.nresolves = 4;
	assert_int_equal(db_action_add(t.db, &a), HG_OK);
	b = a;
	b.by = HG_BY_SELF;
	b.nresolves = 1;
	assert_int_equal(db_action_add(t.db, &b), HG_OK);
	assert_int_equal(db_action_list(t.db, id, &list, &n), HG_OK);
	assert_int_equal(n, 2);
	assert_int_equal(list[0].by, HG_BY_CLINICIAN);
	assert_int_equal(list[0].nresolves, 2);
	assert_string_equal(list[0].resolves[0].kind, "cold-sore");
	assert_string_equal(list[0].resolves[1].kind, "infection");
	assert_int_equal(list[0].resolves[1].date, d);
	assert_int_equal(list[1].by, HG_BY_SELF);
	assert_string_equal(list[1].resolves[0].kind, "infection");
	model_actions_free(list, n);
	assert_int_equal(db_action_first_date(t.db, id, &d, &found), HG_OK);
	assert_true(found);
	tmpdb_close(&t);
}

static void medicines_round_trip(void **state)
{
	struct tmpdb t;
	struct hg_medicine m, got, *list;
	size_t n;

	(void)state;
	tmpdb_open(&t);
	int64_t id = add(t.db, "2026-11-01", 28);
	memset(&m, 0, sizeof m);
	m.treatment_id = id;
	m.name = (char *)"valaciclovir";
	m.dose = (char *)"500 mg";
	assert_int_equal(date_parse("2026-10-30", &m.from), 0);
	assert_int_equal(db_medicine_add(t.db, &m), HG_OK);
	assert_true(m.id > 0);
	assert_int_equal(db_medicine_get(t.db, m.id, &got), HG_OK);
	assert_string_equal(got.name, "valaciclovir");
	assert_int_equal(got.from, m.from);
	assert_int_equal(got.to, 0);
	model_medicine_free(&got);
	assert_int_equal(db_medicine_stop(t.db, m.id, m.from + 4), HG_OK);
	assert_int_equal(db_medicine_list(t.db, 0, &list, &n), HG_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].to, m.from + 4);
	model_medicines_free(list, n);
	/* storage refuses to end a course before it begins */
	assert_int_equal(db_medicine_stop(t.db, m.id, m.from - 1), HG_ERR_RUNTIME);
	hg_error_clear();
	assert_int_equal(db_medicine_delete(t.db, m.id), HG_OK);
	assert_int_equal(db_medicine_delete(t.db, m.id), HG_ERR_INPUT);
	hg_error_clear();
	assert_int_equal(db_medicine_get(t.db, m.id, &got), HG_ERR_INPUT);
	hg_error_clear();
	tmpdb_close(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(new_database_is_private_and_versioned),
		cmocka_unit_test(make_dirs_creates_private_folder),
		cmocka_unit_test(checkin_round_trip_keeps_unrated_null),
		cmocka_unit_test(signs_and_care_assessed_or_not),
		cmocka_unit_test(actions_by_kind_and_who),
		cmocka_unit_test(medicines_round_trip),
		cmocka_unit_test(latest_list_and_delete),
		cmocka_unit_test(recovery_each_walks_oldest_first),
		cmocka_unit_test(transaction_rolls_back_everything),
		cmocka_unit_test(refuses_files_that_are_not_healgrid),
	};

	umask(077);
	return cmocka_run_group_tests_name("db", tests, NULL, NULL);
}
