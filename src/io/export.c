/* export.c — the CSV (header in the man page) and the complete JSON export, written one
 * treatment at a time as the database hands them over.  What the columns mean on the way back in is
 * import.c's business; the RFC 4180 quoting is csv.c's. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "healgrid/csv.h"
#include "healgrid/date.h"
#include "healgrid/export.h"
#include "healgrid/json.h"
#include "healgrid/util.h"

/* Keys are fixed ASCII: paste them rather than quote them at run time. */
#define KEY1(sb, k) sb_puts(sb, "\"" k "\": ")
#define KEY(sb, k) sb_puts(sb, ", \"" k "\": ")

const char *const export_csv_header[EXPORT_COLUMNS] = {
	"treatment_date", "device", "depth_mm", "area", "risks", "day", "date",
	"redness", "swelling", "bruising", "bleeding", "signs", "note",
	"temperature_c", "care", "skin_type"
};

enum { FLUSH_AT = 1 << 16 };

void export_format_depth(double depth, char *buf, size_t len)
{
	if (depth <= 0) {
		snprintf(buf, len, "%s", "");
		return;
	}
	model_format_depth(depth, buf, len);
	if (strtod(buf, NULL) == depth)
		return;
	/* Not a round 1 or 2 decimals: the shortest form that reads back equal. */
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(buf, len, "%.*g", prec, depth);
		if (strtod(buf, NULL) == depth)
			return;
	}
}

static void flush(FILE *out, struct strbuf *sb)
{
	if (sb->len)
		fwrite(sb->s, 1, sb->len, out);
	sb->len = 0;
	if (sb->s)
		sb->s[0] = '\0';
}

static void csv_rows(struct strbuf *sb, const struct hg_recovery *rec)
{
	const struct hg_treatment *t = &rec->t;
	char tdate[HG_DATE_LEN], depth[32], risks[256];

	date_format(t->date, tdate);
	export_format_depth(t->depth, depth, sizeof depth);
	model_format_risks(t->risks, ';', risks, sizeof risks);
	for (size_t k = 0; k < rec->ndays; k++) {
		const struct hg_checkin *c = &rec->days[k];
		char day[12], date[HG_DATE_LEN], rating[HG_SYMPTOM_COUNT][12], signs[256];
		char temp[16], care[128], skin[4];
		const char *f[EXPORT_COLUMNS];

		snprintf(day, sizeof day, "%d", c->day);
		date_format(t->date + c->day, date);
		for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
			rating[s][0] = '\0';
			if (c->rating[s] != HG_UNRATED)
				snprintf(rating[s], sizeof rating[s], "%d", c->rating[s]);
		}
		/* "-": not assessed (an empty field is none) */
		if (c->signs_assessed)
			model_format_signs(c->signs, ';', signs, sizeof signs);
		else
			snprintf(signs, sizeof signs, "-");
		f[EXPORT_TREATMENT_DATE] = tdate;
		f[EXPORT_DEVICE] = model_device_name(t->device);
		f[EXPORT_DEPTH] = depth;
		f[EXPORT_AREA] = t->area;
		f[EXPORT_RISKS] = risks;
		f[EXPORT_DAY] = day;
		f[EXPORT_DATE] = date;
		for (int s = 0; s < HG_SYMPTOM_COUNT; s++)
			f[EXPORT_REDNESS + s] = rating[s];
		f[EXPORT_SIGNS] = signs;
		f[EXPORT_NOTE] = c->note ? c->note : "";
		model_format_temp(c->temp, temp, sizeof temp);
		f[EXPORT_TEMPERATURE] = temp;
		if (c->care_assessed)
			model_format_care(c->care, ';', care, sizeof care);
		else
			snprintf(care, sizeof care, "-");
		f[EXPORT_CARE] = care;
		skin[0] = '\0';
		if (t->skin_type >= HG_SKIN_MIN && t->skin_type <= HG_SKIN_MAX)
			snprintf(skin, sizeof skin, "%d", t->skin_type);
		f[EXPORT_SKIN_TYPE] = skin;
		csv_write_record(sb, f, EXPORT_COLUMNS);
	}
}

static void names(struct strbuf *sb, unsigned bits, int count, const char *(*name)(int))
{
	int first = 1;

	sb_putc(sb, '[');
	for (int i = 0; i < count; i++)
		if (bits & HG_BIT(i)) {
			if (!first)
				sb_puts(sb, ", ");
			json_string(sb, name(i));
			first = 0;
		}
	sb_putc(sb, ']');
}

static const char *risk_name(int i) { return model_risk_name((enum hg_risk)i); }
static const char *care_name(int i) { return model_care_name((enum hg_care)i); }
static const char *sign_name(int i) { return model_sign_name((enum hg_sign)i); }

void export_treatment_fields(struct strbuf *sb, const struct hg_treatment *t)
{
	char date[HG_DATE_LEN], depth[32];

	KEY1(sb, "id");
	sb_printf(sb, "%lld", (long long)t->id);
	KEY(sb, "date");
	date_format(t->date, date);
	json_string(sb, date);
	KEY(sb, "device");
	json_string(sb, model_device_name(t->device));
	KEY(sb, "depth_mm");
	export_format_depth(t->depth, depth, sizeof depth);
	sb_puts(sb, *depth ? depth : "null");
	KEY(sb, "area");
	json_string(sb, t->area);
	KEY(sb, "products");
	json_string(sb, t->products ? t->products : "");
	KEY(sb, "risks");
	names(sb, t->risks, HG_RISK_COUNT, risk_name);
	KEY(sb, "window");
	sb_printf(sb, "%d", t->window);
	KEY(sb, "note");
	json_string(sb, t->note ? t->note : "");
	KEY(sb, "skin_type");
	if (t->skin_type >= HG_SKIN_MIN && t->skin_type <= HG_SKIN_MAX)
		sb_printf(sb, "%d", t->skin_type);
	else
		sb_puts(sb, "null");
}


/* The photos of one day, each with its thumbnail, base64. */
static int json_photos(struct strbuf *sb, struct hg_db *db, const struct hg_photo_info *p,
		       size_t n, int day)
{
	int first = 1, rc = HG_OK;

	KEY(sb, "photos");
	sb_putc(sb, '[');
	for (size_t i = 0; i < n && rc == HG_OK; i++) {
		unsigned char *data = NULL;
		size_t len = 0;

		if (p[i].day != day)
			continue;
		sb_puts(sb, first ? "\n   {" : ",\n   {");
		first = 0;
		KEY1(sb, "id");
		sb_printf(sb, "%lld", (long long)p[i].id);
		KEY(sb, "width");
		sb_printf(sb, "%d", p[i].width);
		KEY(sb, "height");
		sb_printf(sb, "%d", p[i].height);
		KEY(sb, "added");
		json_string(sb, p[i].added);
		for (int thumb = 0; thumb <= 1 && rc == HG_OK; thumb++) {
			struct hg_photo_info info;

			rc = db_photo_get(db, p[i].id, thumb, &info, &data, &len);
			if (rc != HG_OK)
				break;
			if (thumb)
				KEY(sb, "thumb");
			else
				KEY(sb, "jpeg");
			sb_putc(sb, '"');
			hg_base64(sb, data, len);
			sb_putc(sb, '"');
			free(data);
		}
		sb_putc(sb, '}');
	}
	sb_putc(sb, ']');
	return rc;
}

/* A treatment's actions, each with who did it and the flags it is for as
 * KIND@DAY (the day of the stored date: a flag no longer raised is kept
 * as stored). */
static int json_actions(struct strbuf *sb, struct hg_db *db, const struct hg_treatment *t)
{
	struct hg_action *a = NULL;
	size_t n = 0;
	char date[HG_DATE_LEN];
	int rc = db_action_list(db, t->id, &a, &n);

	KEY(sb, "actions");
	sb_putc(sb, '[');
	for (size_t i = 0; rc == HG_OK && i < n; i++) {
		sb_puts(sb, i ? ",\n  {" : "\n  {");
		KEY1(sb, "id");
		sb_printf(sb, "%lld", (long long)a[i].id);
		KEY(sb, "date");
		date_format(a[i].date, date);
		json_string(sb, date);
		KEY(sb, "by");
		if (model_by_name(a[i].by))
			json_string(sb, model_by_name(a[i].by));
		else
			sb_puts(sb, "null");
		KEY(sb, "text");
		json_string(sb, a[i].text);
		KEY(sb, "for");
		sb_putc(sb, '[');
		for (size_t k = 0; k < a[i].nresolves; k++) {
			struct strbuf id = STRBUF_INIT;

			sb_printf(&id, "%s@%d", a[i].resolves[k].kind, a[i].resolves[k].date - t->date);
			if (k)
				sb_puts(sb, ", ");
			json_string(sb, sb_str(&id));
			sb_free(&id);
		}
		sb_puts(sb, "]}");
	}
	sb_putc(sb, ']');
	model_actions_free(a, n);
	return rc;
}

/* A treatment's medicines; to is null while still taken. */
static int json_medicines(struct strbuf *sb, struct hg_db *db, const struct hg_treatment *t)
{
	struct hg_medicine *m = NULL;
	size_t n = 0;
	char date[HG_DATE_LEN];
	int rc = db_medicine_list(db, t->id, &m, &n);

	KEY(sb, "medicines");
	sb_putc(sb, '[');
	for (size_t i = 0; rc == HG_OK && i < n; i++) {
		sb_puts(sb, i ? ",\n  {" : "\n  {");
		KEY1(sb, "id");
		sb_printf(sb, "%lld", (long long)m[i].id);
		KEY(sb, "name");
		json_string(sb, m[i].name);
		KEY(sb, "dose");
		json_string(sb, m[i].dose);
		KEY(sb, "from");
		date_format(m[i].from, date);
		json_string(sb, date);
		KEY(sb, "to");
		if (m[i].to) {
			date_format(m[i].to, date);
			json_string(sb, date);
		} else {
			sb_puts(sb, "null");
		}
		sb_putc(sb, '}');
	}
	sb_putc(sb, ']');
	model_medicines_free(m, n);
	return rc;
}

static int json_treatment(struct strbuf *sb, struct hg_db *db, const struct hg_recovery *rec,
			  int first)
{
	const struct hg_treatment *t = &rec->t;
	char date[HG_DATE_LEN];
	struct hg_photo_info *photos = NULL;
	size_t nphotos = 0;

	if (db) {
		int rc = db_photo_list(db, t->id, &photos, &nphotos);
		if (rc != HG_OK)
			return rc;
	}

	sb_puts(sb, first ? "\n{" : ",\n{");
	export_treatment_fields(sb, t);
	KEY(sb, "checkins");
	sb_putc(sb, '[');
	for (size_t k = 0; k < rec->ndays; k++) {
		const struct hg_checkin *c = &rec->days[k];

		sb_puts(sb, k ? ",\n  {" : "\n  {");
		KEY1(sb, "day");
		sb_printf(sb, "%d", c->day);
		KEY(sb, "date");
		date_format(t->date + c->day, date);
		json_string(sb, date);
		for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
			json_key(sb, model_symptom_name((enum hg_symptom)s), 0);
			if (c->rating[s] == HG_UNRATED)
				sb_puts(sb, "null");
			else
				sb_printf(sb, "%d", c->rating[s]);
		}
		KEY(sb, "signs");
		if (c->signs_assessed)
			names(sb, c->signs, HG_SIGN_COUNT, sign_name);
		else
			sb_puts(sb, "null");
		KEY(sb, "note");
		json_string(sb, c->note ? c->note : "");
		KEY(sb, "temperature_c");
		if (c->temp == HG_TEMP_NONE) {
			sb_puts(sb, "null");
		} else {
			char temp[16];
			model_format_temp(c->temp, temp, sizeof temp);
			sb_puts(sb, temp);
		}
		KEY(sb, "care");
		if (c->care_assessed)
			names(sb, c->care, HG_CARE_COUNT, care_name);
		else
			sb_puts(sb, "null");
		if (db && json_photos(sb, db, photos, nphotos, c->day) != HG_OK) {
			free(photos);
			return HG_ERR_RUNTIME;
		}
		sb_putc(sb, '}');
	}
	sb_putc(sb, ']');
	free(photos);
	if (db) {
		int rc = json_actions(sb, db, t);
		if (rc == HG_OK)
			rc = json_medicines(sb, db, t);
		if (rc != HG_OK)
			return rc;
	}
	sb_putc(sb, '}');
	return HG_OK;
}

struct export_run {
	FILE *out;
	struct hg_db *db;               /* JSON: actions, photos, profile */
	enum export_format fmt;
	struct strbuf sb;
	size_t treatments;
	size_t without;                 /* treatments without check-ins */
	struct strbuf ids;              /* the first few of them */
};

struct export_run *export_start(FILE *out, enum export_format fmt)
{
	struct export_run *run = xcalloc(1, sizeof *run);

	run->out = out;
	run->fmt = fmt;
	if (fmt == EXPORT_JSON) {
		sb_puts(&run->sb, "{");
		KEY1(&run->sb, "format");
		json_string(&run->sb, "healgrid-export");
		KEY(&run->sb, "version");
		sb_puts(&run->sb, "1");
		KEY(&run->sb, "treatments");
		sb_puts(&run->sb, "[");
	} else {
		csv_write_record(&run->sb, export_csv_header, EXPORT_COLUMNS);
	}
	return run;
}

int export_add(struct export_run *run, const struct hg_recovery *r)
{
	if (r->ndays == 0) {
		if (run->without < 10)
			sb_printf(&run->ids, "%s%lld", run->without ? ", " : "", (long long)r->t.id);
		run->without++;
	}
	if (run->fmt == EXPORT_JSON) {
		int rc = json_treatment(&run->sb, run->db, r, run->treatments == 0);
		if (rc != HG_OK)
			return rc;
	} else
		csv_rows(&run->sb, r);
	run->treatments++;
	if (run->sb.len >= FLUSH_AT)
		flush(run->out, &run->sb);
	return HG_OK;
}

size_t export_without_checkins(const struct export_run *run, const char **ids)
{
	if (ids)
		*ids = sb_str(&run->ids);
	return run->without;
}

int export_finish(struct export_run *run)
{
	int rc = HG_OK;

	if (run->fmt == EXPORT_JSON)
		sb_puts(&run->sb, "\n]}\n");
	flush(run->out, &run->sb);
	if (fflush(run->out) != 0 || ferror(run->out))
		rc = hg_fail(HG_ERR_RUNTIME, "cannot write the export: %s", strerror(errno));
	sb_free(&run->sb);
	sb_free(&run->ids);
	free(run);
	return rc;
}

static int add_one(const struct hg_recovery *r, size_t i, size_t n, void *arg)
{
	(void)i;
	(void)n;
	return export_add(arg, r);
}

int export_write_db(FILE *out, enum export_format fmt, struct hg_db *db, size_t *without,
		    struct strbuf *ids)
{
	struct export_run *run = export_start(out, fmt);
	int rc = HG_OK;

	run->db = db;
	if (fmt == EXPORT_JSON) {
		/* The first members are written: put the profile before the
		 * treatments by rewriting the opening. */
		struct hg_profile p;
		int found = 0;

		run->sb.len = 0;
		sb_puts(&run->sb, "{");
		KEY1(&run->sb, "format");
		json_string(&run->sb, "healgrid-export");
		KEY(&run->sb, "version");
		sb_puts(&run->sb, "3");
		KEY(&run->sb, "profile");
		rc = db_profile_get(db, &p, &found);
		if (rc == HG_OK && found) {
			char born[HG_DATE_LEN];

			sb_putc(&run->sb, '{');
			KEY1(&run->sb, "name");
			json_string(&run->sb, p.name);
			KEY(&run->sb, "born");
			if (p.has_born) {
				date_format(p.born, born);
				json_string(&run->sb, born);
			} else {
				sb_puts(&run->sb, "null");
			}
			KEY(&run->sb, "clinic");
			json_string(&run->sb, p.clinic);
			sb_putc(&run->sb, '}');
		} else {
			sb_puts(&run->sb, "null");
		}
		db_profile_free(&p);
		KEY(&run->sb, "treatments");
		sb_puts(&run->sb, "[");
	}
	if (rc == HG_OK)
		rc = db_recovery_each(db, add_one, run);
	const char *list;

	if (without)
		*without = export_without_checkins(run, &list);
	else
		export_without_checkins(run, &list);
	if (ids)
		sb_puts(ids, list);
	int rc2 = export_finish(run);
	return rc != HG_OK ? rc : rc2;
}
