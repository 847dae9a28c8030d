/* fuzz_import_json.c — libFuzzer harness for the JSON importer
 * (import_json.c, with the JSON reader of json.c under it).
 *
 * The input is a JSON file.  Each run imports it into a copy of the same
 * small database (two treatments with check-ins, in a scratch folder), and
 * checks, besides what the sanitizers catch:
 *  - the status is one of the three;
 *  - a failed import changes nothing: the database file keeps its bytes;
 *    bad data is HG_ERR_INPUT with a message;
 *  - a successful import is idempotent: the same file again succeeds and
 *    saves, creates and widens nothing;
 *  - what it made survives the round trip: its JSON export imported into
 *    an empty database exports the same bytes.
 *
 * Build: see run.sh (clang -fsanitize=fuzzer,address,undefined).
 */
#include "config.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "healgrid/date.h"
#include "healgrid/db.h"
#include "healgrid/export.h"
#include "healgrid/import.h"
#include "healgrid/util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

enum { MAX_BYTES = 16384 };

static char work[256];
static char db_file[300];
static char *template_db;
static size_t template_len;
static int today;

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct strbuf sb = STRBUF_INIT;
	char buf[4096];
	size_t n;

	CHECK(f != NULL);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sb_add(&sb, buf, n);
	CHECK(fclose(f) == 0);
	*len = sb.len;
	return sb_detach(&sb);
}

/* Put the starting database back (and no log beside it). */
static void restore(void)
{
	char side[320];
	int fd = open(db_file, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	CHECK(fd >= 0);
	CHECK(write(fd, template_db, template_len) == (ssize_t)template_len);
	CHECK(close(fd) == 0);
	snprintf(side, sizeof side, "%s-wal", db_file);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", db_file);
	unlink(side);
}

/* Everything in the database, as export --format json writes it. */
static char *dump(struct hg_db *db)
{
	size_t len;
	char *text = NULL;
	FILE *f;

	f = open_memstream(&text, &len);
	CHECK(f != NULL);
	CHECK(export_write_db(f, EXPORT_JSON, db, NULL, NULL) == HG_OK);
	CHECK(fclose(f) == 0);
	return text;
}

struct outcome {
	int rc;
	char *msg;
	struct import_stats st;
	char *dump;             /* after a success */
};

static void outcome_free(struct outcome *o)
{
	free(o->msg);
	free(o->dump);
}

/* Import data with import_json. */
static int import_bytes(struct hg_db *db, const char *data, size_t size,
			struct import_stats *st)
{
	return import_json(db, "fuzz.json", data, size, today, st);
}

/* One import into a fresh copy of the starting database. */
static struct outcome import_once(const char *data, size_t size)
{
	struct outcome o;
	struct hg_db *db;

	memset(&o, 0, sizeof o);
	restore();
	hg_error_clear();
	CHECK(db_open(db_file, 0, &db) == HG_OK);
	o.rc = import_bytes(db, data, size, &o.st);
	o.msg = xstrdup(hg_error());
	hg_error_clear();
	if (o.rc == HG_OK)
		o.dump = dump(db);
	db_close(db);
	return o;
}

static void remove_work(void)
{
	static const char *const suffix[] = { "", "-wal", "-shm" };
	char empty[320];

	snprintf(empty, sizeof empty, "%s/empty.db", work);
	unlink(empty);
	char p[320];

	for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		snprintf(p, sizeof p, "%s%s", db_file, suffix[i]);
		unlink(p);
	}
	rmdir(work);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("FUZZ_TMPDIR");
	struct hg_treatment t;
	struct hg_checkin c;
	struct hg_db *db;
	struct stat st;
	int64_t first;

	(void)argc;
	(void)argv;
	if (!tmp || !*tmp)
		tmp = stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) ? "/dev/shm" : "/tmp";
	snprintf(work, sizeof work, "%s/healgrid-fuzz-import-json.XXXXXX", tmp);
	CHECK(mkdtemp(work) != NULL);
	snprintf(db_file, sizeof db_file, "%s/healgrid.db", work);
	CHECK(atexit(remove_work) == 0);
	CHECK(date_parse("2026-11-10", &today) == 0);

	CHECK(db_open(db_file, 0, &db) == HG_OK);
	model_treatment_init(&t);
	CHECK(date_parse("2026-10-20", &t.date) == 0);
	t.depth = 0.5;
	t.area = (char *)"face";
	t.products = (char *)"serum";
	t.note = (char *)"first";
	t.risks = HG_BIT(HG_RISK_COLD_SORES);
	CHECK(db_treatment_add(db, &t) == HG_OK);
	first = t.id;
	CHECK(date_parse("2026-11-01", &t.date) == 0);
	t.device = HG_DEVICE_HOME;
	t.depth = 0;
	t.area = (char *)"left cheek";
	t.window = 14;
	CHECK(db_treatment_add(db, &t) == HG_OK);
	for (int d = 0; d < 5; d++) {
		model_checkin_init(&c);
		c.treatment_id = d % 2 ? t.id : first;
		c.day = d;
		c.rating[HG_REDNESS] = 3 - d % 4;
		c.signs = d == 3 ? HG_BIT(HG_SIGN_PUS) : 0;
		c.note = (char *)(d == 1 ? "warm, \"tight\"\nline two" : "");
		CHECK(db_checkin_put(db, &c) == HG_OK);
	}
	db_close(db);
	template_db = read_file(db_file, &template_len);
	return 0;
}

/* Export of db imported into an empty database, exported again: equal. */
static void round_trip(const char *text)
{
	char path[320], *back;
	struct import_stats st;
	struct hg_db *db;

	snprintf(path, sizeof path, "%s/empty.db", work);
	unlink(path);
	CHECK(db_open(path, 0, &db) == HG_OK);
	hg_error_clear();
	CHECK(import_json(db, "export.json", text, strlen(text), today, &st) == HG_OK);
	back = dump(db);
	CHECK(strcmp(back, text) == 0);
	free(back);
	db_close(db);
	unlink(path);
	snprintf(path, sizeof path, "%s/empty.db-wal", work);
	unlink(path);
	snprintf(path, sizeof path, "%s/empty.db-shm", work);
	unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct outcome whole, again;
	const char *json = (const char *)data;

	if (size > MAX_BYTES)
		return 0;
	whole = import_once(json, size);
	CHECK(whole.rc == HG_OK || whole.rc == HG_ERR_INPUT || whole.rc == HG_ERR_RUNTIME);
	if (whole.rc != HG_OK) {
		size_t len;
		char *after = read_file(db_file, &len);

		CHECK(*whole.msg != '\0');
		CHECK(len == template_len && memcmp(after, template_db, len) == 0);
		free(after);
	} else {
		struct hg_db *db;

		CHECK(*whole.msg == '\0');
		CHECK(whole.st.created <= whole.st.treatments);
		CHECK(whole.st.widened <= whole.st.treatments);
		CHECK(db_open(db_file, 0, &db) == HG_OK);
		hg_error_clear();
		memset(&again, 0, sizeof again);
		again.rc = import_bytes(db, json, size, &again.st);
		CHECK(again.rc == HG_OK);
		CHECK(again.st.rows == 0 && again.st.created == 0 && again.st.widened == 0);
		again.dump = dump(db);
		CHECK(strcmp(again.dump, whole.dump) == 0);
		db_close(db);
		outcome_free(&again);
		round_trip(whole.dump);
	}
	outcome_free(&whole);
	hg_error_clear();
	return 0;
}
