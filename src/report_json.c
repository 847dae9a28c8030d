/* report_json.c — the report as one JSON object with stable field names
 * (documented in the man page, section REPORT JSON): each treatment with
 * its details, flags, per-symptom summary, day rows and comparison.
 * Strings go through json_string; unrated ratings are null, never 0.
 */
#include "config.h"

#include <stdio.h>

#include "healgrid/date.h"
#include "healgrid/export.h"
#include "healgrid/json.h"
#include "report_int.h"

static void json_int_or_null(struct strbuf *sb, int v, int is_null)
{
	if (is_null)
		sb_puts(sb, "null");
	else
		sb_printf(sb, "%d", v);
}

static void json_date(struct strbuf *sb, int day)
{
	char d[HG_DATE_LEN];

	date_format(day, d);
	json_string(sb, d);
}

static void json_begin(struct strbuf *sb, const struct report_doc *doc)
{
	sb_puts(sb, "{");
	json_key(sb, "made", 1);
	json_date(sb, doc->today);
	json_key(sb, "notice", 0);
	json_string(sb, report_notice);
	json_key(sb, "treatments", 0);
	sb_puts(sb, "[");
}

static void treatment_fields(struct strbuf *sb, const struct hg_treatment *t)
{
	char depth[32];

	json_key(sb, "id", 1);
	sb_printf(sb, "%lld", (long long)t->id);
	json_key(sb, "date", 0);
	json_date(sb, t->date);
	json_key(sb, "device", 0);
	json_string(sb, model_device_name(t->device));
	json_key(sb, "depth_mm", 0);
	if (t->depth > 0) {
		export_format_depth(t->depth, depth, sizeof depth);
		sb_puts(sb, depth);
	} else {
		sb_puts(sb, "null");
	}
	json_key(sb, "area", 0);
	json_string(sb, t->area);
	json_key(sb, "products", 0);
	json_string(sb, t->products ? t->products : "");
	json_key(sb, "risks", 0);
	sb_putc(sb, '[');
	for (int r = 0, first = 1; r < HG_RISK_COUNT; r++)
		if (t->risks & HG_BIT(r)) {
			if (!first)
				sb_puts(sb, ", ");
			json_string(sb, model_risk_name((enum hg_risk)r));
			first = 0;
		}
	sb_putc(sb, ']');
	json_key(sb, "window", 0);
	sb_printf(sb, "%d", t->window);
	json_key(sb, "note", 0);
	json_string(sb, t->note ? t->note : "");
}

static void flags(struct strbuf *sb, const struct report_item *it)
{
	json_key(sb, "flags", 0);
	sb_putc(sb, '[');
	for (size_t i = 0; i < it->nflags; i++) {
		const struct hg_flag *f = &it->flags[i];

		sb_puts(sb, i ? ", {" : "{");
		json_key(sb, "treatment", 1);
		sb_printf(sb, "%lld", (long long)f->treatment_id);
		json_key(sb, "rule", 0);
		json_string(sb, f->rule);
		json_key(sb, "category", 0);
		json_string(sb, rules_category_name(f->category));
		json_key(sb, "level", 0);
		json_string(sb, rules_level_name(f->level));
		json_key(sb, "day", 0);
		sb_printf(sb, "%d", f->day);
		json_key(sb, "date", 0);
		json_date(sb, f->date);
		json_key(sb, "message", 0);
		json_string(sb, f->message);
		sb_putc(sb, '}');
	}
	sb_putc(sb, ']');
}

static void symptoms(struct strbuf *sb, const struct report_summary *sum)
{
	json_key(sb, "symptoms", 0);
	sb_putc(sb, '{');
	for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
		const struct report_symptom *y = &sum->s[s];

		json_key(sb, model_symptom_name((enum hg_symptom)s), s == 0);
		sb_putc(sb, '{');
		json_key(sb, "rated_days", 1);
		sb_printf(sb, "%d", y->rated);
		json_key(sb, "peak", 0);
		json_int_or_null(sb, y->peak, y->peak == HG_UNRATED);
		json_key(sb, "peak_day", 0);
		json_int_or_null(sb, y->peak_day, y->peak_day < 0);
		json_key(sb, "status", 0);
		json_string(sb, report_clear_name(y->clear));
		json_key(sb, "clear_day", 0);
		json_int_or_null(sb, y->clear_day, y->clear_day < 0);
		json_key(sb, "last_day", 0);
		json_int_or_null(sb, y->last_day, y->last_day < 0);
		json_key(sb, "last", 0);
		json_int_or_null(sb, y->last, y->last == HG_UNRATED);
		sb_putc(sb, '}');
	}
	sb_putc(sb, '}');
}

static void days(struct strbuf *sb, const struct report_item *it)
{
	const struct hg_recovery *r = it->r;
	size_t k = 0;

	json_key(sb, "days", 0);
	sb_putc(sb, '[');
	for (int d = 0; d < it->rows; d++) {
		const struct hg_checkin *c = NULL;

		while (k < r->ndays && r->days[k].day < d)
			k++;
		if (k < r->ndays && r->days[k].day == d)
			c = &r->days[k];
		sb_puts(sb, d ? ", {" : "{");
		json_key(sb, "day", 1);
		sb_printf(sb, "%d", d);
		json_key(sb, "date", 0);
		json_date(sb, r->t.date + d);
		json_key(sb, "checked_in", 0);
		sb_puts(sb, c ? "true" : "false");
		for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
			json_key(sb, model_symptom_name((enum hg_symptom)s), 0);
			json_int_or_null(sb, c ? c->rating[s] : 0, !c || c->rating[s] == HG_UNRATED);
		}
		json_key(sb, "signs", 0);
		sb_putc(sb, '[');
		for (int g = 0, first = 1; c && g < HG_SIGN_COUNT; g++)
			if (c->signs & HG_BIT(g)) {
				if (!first)
					sb_puts(sb, ", ");
				json_string(sb, model_sign_name((enum hg_sign)g));
				first = 0;
			}
		sb_putc(sb, ']');
		json_key(sb, "flags", 0);
		sb_putc(sb, '[');
		for (size_t i = 0, first = 1; i < it->nflags; i++)
			if (it->flags[i].day == d) {
				if (!first)
					sb_puts(sb, ", ");
				json_string(sb, it->flags[i].rule);
				first = 0;
			}
		sb_putc(sb, ']');
		json_key(sb, "note", 0);
		json_string(sb, c ? c->note : "");
		sb_putc(sb, '}');
	}
	sb_putc(sb, ']');
}

static void clear_days(struct strbuf *sb, const struct report_summary *s)
{
	json_key(sb, "clear_day", 0);
	sb_putc(sb, '{');
	for (int k = 0; k < HG_SYMPTOM_COUNT; k++) {
		json_key(sb, model_symptom_name((enum hg_symptom)k), k == 0);
		json_int_or_null(sb, s->s[k].clear_day, s->s[k].clear_day < 0);
	}
	sb_putc(sb, '}');
	json_key(sb, "status", 0);
	sb_putc(sb, '{');
	for (int k = 0; k < HG_SYMPTOM_COUNT; k++) {
		json_key(sb, model_symptom_name((enum hg_symptom)k), k == 0);
		json_string(sb, report_clear_name(s->s[k].clear));
	}
	sb_putc(sb, '}');
}

static void comparison(struct strbuf *sb, const struct report_item *it)
{
	const struct report_earlier *e = &it->earlier;

	json_key(sb, "comparison", 0);
	sb_putc(sb, '{');
	json_key(sb, "earlier_count", 1);
	sb_printf(sb, "%zu", e->total);
	json_key(sb, "earlier", 0);
	sb_putc(sb, '[');
	for (size_t i = 0; i < e->shown; i++) {
		sb_puts(sb, i ? ", {" : "{");
		json_key(sb, "treatment", 1);
		sb_printf(sb, "%lld", (long long)e->r[i]->t.id);
		json_key(sb, "date", 0);
		json_date(sb, e->r[i]->t.date);
		json_key(sb, "area", 0);
		json_string(sb, e->r[i]->t.area);
		clear_days(sb, e->sum[i]);
		sb_putc(sb, '}');
	}
	sb_putc(sb, ']');
	json_key(sb, "average_clear_day", 0);
	sb_putc(sb, '{');
	for (int k = 0; k < HG_SYMPTOM_COUNT; k++) {
		json_key(sb, model_symptom_name((enum hg_symptom)k), k == 0);
		if (e->avg_n[k])
			sb_printf(sb, "%.2f", e->avg[k]);
		else
			sb_puts(sb, "null");
	}
	sb_putc(sb, '}');
	json_key(sb, "average_of", 0);
	sb_putc(sb, '{');
	for (int k = 0; k < HG_SYMPTOM_COUNT; k++) {
		json_key(sb, model_symptom_name((enum hg_symptom)k), k == 0);
		sb_printf(sb, "%d", e->avg_n[k]);
	}
	sb_puts(sb, "}}");
}

static void json_treatment(struct strbuf *sb, const struct report_doc *doc,
			   const struct report_item *it)
{
	(void)doc;
	sb_puts(sb, it->index ? ",\n{" : "\n{");
	treatment_fields(sb, &it->r->t);
	json_key(sb, "expected_downtime_days", 0);
	sb_printf(sb, "%d", it->sum->downtime);
	json_key(sb, "today_day", 0);
	sb_printf(sb, "%d", it->today_day);
	json_key(sb, "checkins", 0);
	sb_printf(sb, "%d", it->sum->checkins);
	flags(sb, it);
	symptoms(sb, it->sum);
	days(sb, it);
	comparison(sb, it);
	sb_putc(sb, '}');
}

static void json_end(struct strbuf *sb, const struct report_doc *doc)
{
	(void)doc;
	sb_puts(sb, "]}\n");
}

const struct report_writer report_json_writer = {
	json_begin, json_treatment, json_end
};
