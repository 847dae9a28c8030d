/* export.c — the CSV of SPEC 2.2 and the complete JSON export, written one
 * treatment at a time.  What the columns mean on the way back in is
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
	"redness", "swelling", "bruising", "bleeding", "signs", "note"
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

static int finish(FILE *out)
{
	if (fflush(out) != 0 || ferror(out))
		return hg_fail(HG_ERR_RUNTIME, "cannot write the export: %s", strerror(errno));
	return HG_OK;
}

int export_csv(FILE *out, const struct hg_recovery *r, size_t n)
{
	struct strbuf sb = STRBUF_INIT;

	csv_write_record(&sb, export_csv_header, EXPORT_COLUMNS);
	for (size_t i = 0; i < n; i++) {
		const struct hg_treatment *t = &r[i].t;
		char tdate[HG_DATE_LEN], depth[32], risks[256];

		date_format(t->date, tdate);
		export_format_depth(t->depth, depth, sizeof depth);
		model_format_risks(t->risks, ';', risks, sizeof risks);
		for (size_t k = 0; k < r[i].ndays; k++) {
			const struct hg_checkin *c = &r[i].days[k];
			char day[12], date[HG_DATE_LEN], rating[HG_SYMPTOM_COUNT][12], signs[256];
			const char *f[EXPORT_COLUMNS];

			snprintf(day, sizeof day, "%d", c->day);
			date_format(t->date + c->day, date);
			for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
				rating[s][0] = '\0';
				if (c->rating[s] != HG_UNRATED)
					snprintf(rating[s], sizeof rating[s], "%d", c->rating[s]);
			}
			model_format_signs(c->signs, ';', signs, sizeof signs);
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
			csv_write_record(&sb, f, EXPORT_COLUMNS);
		}
		if (sb.len >= FLUSH_AT)
			flush(out, &sb);
	}
	flush(out, &sb);
	sb_free(&sb);
	return finish(out);
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
static const char *sign_name(int i) { return model_sign_name((enum hg_sign)i); }

int export_json(FILE *out, const struct hg_recovery *r, size_t n)
{
	struct strbuf sb = STRBUF_INIT;

	sb_puts(&sb, "{");
	KEY1(&sb, "format");
	json_string(&sb, "healgrid-export");
	KEY(&sb, "version");
	sb_puts(&sb, "1");
	KEY(&sb, "treatments");
	sb_puts(&sb, "[");
	for (size_t i = 0; i < n; i++) {
		const struct hg_treatment *t = &r[i].t;
		char date[HG_DATE_LEN], depth[32];

		sb_puts(&sb, i ? ",\n{" : "\n{");
		KEY1(&sb, "id");
		sb_printf(&sb, "%lld", (long long)t->id);
		KEY(&sb, "date");
		date_format(t->date, date);
		json_string(&sb, date);
		KEY(&sb, "device");
		json_string(&sb, model_device_name(t->device));
		KEY(&sb, "depth_mm");
		export_format_depth(t->depth, depth, sizeof depth);
		sb_puts(&sb, *depth ? depth : "null");
		KEY(&sb, "area");
		json_string(&sb, t->area);
		KEY(&sb, "products");
		json_string(&sb, t->products ? t->products : "");
		KEY(&sb, "risks");
		names(&sb, t->risks, HG_RISK_COUNT, risk_name);
		KEY(&sb, "window");
		sb_printf(&sb, "%d", t->window);
		KEY(&sb, "note");
		json_string(&sb, t->note ? t->note : "");
		KEY(&sb, "checkins");
		sb_putc(&sb, '[');
		for (size_t k = 0; k < r[i].ndays; k++) {
			const struct hg_checkin *c = &r[i].days[k];

			sb_puts(&sb, k ? ",\n  {" : "\n  {");
			KEY1(&sb, "day");
			sb_printf(&sb, "%d", c->day);
			KEY(&sb, "date");
			date_format(t->date + c->day, date);
			json_string(&sb, date);
			for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
				json_key(&sb, model_symptom_name((enum hg_symptom)s), 0);
				if (c->rating[s] == HG_UNRATED)
					sb_puts(&sb, "null");
				else
					sb_printf(&sb, "%d", c->rating[s]);
			}
			KEY(&sb, "signs");
			names(&sb, c->signs, HG_SIGN_COUNT, sign_name);
			KEY(&sb, "note");
			json_string(&sb, c->note ? c->note : "");
			sb_putc(&sb, '}');
		}
		sb_puts(&sb, "]}");
		if (sb.len >= FLUSH_AT)
			flush(out, &sb);
	}
	sb_puts(&sb, "\n]}\n");
	flush(out, &sb);
	sb_free(&sb);
	return finish(out);
}
