/* report_csv.c — the report's day table as RFC 4180 CSV for a spreadsheet:
 * one row per day shown (days without a check-in included, so gaps stay
 * visible), with the flags first raised that day.  The summary sections
 * (peak, days to clear, comparison) have no place in one flat table; they
 * are in the other formats.  Import/export CSV lives in export.c/import.c.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "healgrid/csv.h"
#include "healgrid/date.h"
#include "report_int.h"

static const char *const header[] = {
	"treatment", "treatment_date", "area", "day", "date", "checked_in",
	"redness", "swelling", "bruising", "bleeding", "signs", "flag_level",
	"flags", "note", "temperature_c", "care"
};
enum { NCOLS = sizeof header / sizeof header[0] };

static void csv_begin(struct strbuf *sb, const struct report_doc *doc)
{
	(void)doc;
	csv_write_record(sb, header, NCOLS);
}

static void csv_treatment(struct strbuf *sb, const struct report_doc *doc,
			  const struct report_item *it)
{
	const struct hg_recovery *r = it->r;
	char id[24], tdate[HG_DATE_LEN], day[12], date[HG_DATE_LEN];
	char rating[HG_SYMPTOM_COUNT][12];
	char signs[256], temp[16], care[128];
	struct strbuf rules = STRBUF_INIT;
	size_t k = 0;

	(void)doc;
	snprintf(id, sizeof id, "%lld", (long long)r->t.id);
	date_format(r->t.date, tdate);
	for (int d = 0; d < it->rows; d++) {
		const struct hg_checkin *c = NULL;
		const char *f[NCOLS];

		while (k < r->ndays && r->days[k].day < d)
			k++;
		if (k < r->ndays && r->days[k].day == d)
			c = &r->days[k];
		snprintf(day, sizeof day, "%d", d);
		date_format(r->t.date + d, date);
		for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
			rating[s][0] = '\0';
			if (c && c->rating[s] != HG_UNRATED)
				snprintf(rating[s], sizeof rating[s], "%d", c->rating[s]);
		}
		signs[0] = '\0';
		if (c)
			model_format_signs(c->signs, ';', signs, sizeof signs);
		rules.len = 0;
		if (rules.s)
			rules.s[0] = '\0';
		report_day_rules(&rules, it, d, ';');
		f[0] = id;
		f[1] = tdate;
		f[2] = r->t.area;
		f[3] = day;
		f[4] = date;
		f[5] = c ? "1" : "0";
		for (int s = 0; s < HG_SYMPTOM_COUNT; s++)
			f[6 + s] = rating[s];
		f[10] = signs;
		f[11] = it->level_on[d] >= 0 ? rules_level_name((enum hg_level)it->level_on[d]) : "";
		f[12] = sb_str(&rules);
		f[13] = c ? c->note : "";
		temp[0] = care[0] = '\0';
		if (c) {
			model_format_temp(c->temp, temp, sizeof temp);
			model_format_care(c->care, ';', care, sizeof care);
		}
		f[14] = temp;
		f[15] = care;
		csv_write_record(sb, f, NCOLS);
	}
	sb_free(&rules);
}

static void csv_end(struct strbuf *sb, const struct report_doc *doc)
{
	(void)sb;
	(void)doc;
}

const struct report_writer report_csv_writer = {
	csv_begin, csv_treatment, csv_end
};
