/* report_json.c — the report as one JSON object with stable field names
 * (documented in the man page, section REPORT JSON): each treatment with
 * its details, flags, per-symptom summary, day rows and comparison.
 * Strings go through json_string; unrated ratings are null, never 0.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "healgrid/date.h"
#include "healgrid/export.h"
#include "healgrid/json.h"
#include "report_int.h"

/* Keys are fixed ASCII: paste them rather than quote them at run time. */
#define KEY1(sb, k) sb_puts(sb, "\"" k "\": ")
#define KEY(sb, k) sb_puts(sb, ", \"" k "\": ")

/* ", \"redness\": " ...: the symptom keys, ready to paste. */
static const char *const symptom_key[HG_SYMPTOM_COUNT] = {
	", \"redness\": ", ", \"swelling\": ", ", \"bruising\": ", ", \"bleeding\": "
};

static void json_int_or_null(struct strbuf *sb, int v, int is_null)
{
	if (is_null)
		sb_puts(sb, "null");
	else
		report_put_int(sb, v);
}

static void json_date(struct strbuf *sb, int day)
{
	char d[HG_DATE_LEN + 2];

	d[0] = '"';
	date_format(day, d + 1);
	d[HG_DATE_LEN] = '"';
	sb_add(sb, d, HG_DATE_LEN + 1);
}

static void json_begin(struct strbuf *sb, struct report_doc *doc)
{
	sb_puts(sb, "{");
	KEY1(sb, "made");
	json_date(sb, doc->today);
	KEY(sb, "notice");
	json_string(sb, report_notice);
	KEY(sb, "profile");
	if (doc->profile) {
		sb_putc(sb, '{');
		KEY1(sb, "name");
		json_string(sb, doc->profile->name);
		KEY(sb, "born");
		if (doc->profile->has_born)
			json_date(sb, doc->profile->born);
		else
			sb_puts(sb, "null");
		KEY(sb, "clinic");
		json_string(sb, doc->profile->clinic);
		sb_putc(sb, '}');
	} else {
		sb_puts(sb, "null");
	}
	KEY(sb, "treatments");
	sb_puts(sb, "[");
}

/* The problem list, as `flags --format json` gives each flag. */
static void problems(struct strbuf *sb, const struct rdoc *d)
{
	const struct report_item *it = d->item;

	KEY(sb, "problems");
	sb_putc(sb, '[');
	for (size_t i = 0; i < d->nproblems; i++) {
		const struct rd_problem *p = &d->problems[i];
		const struct hg_flag *f = p->flag;
		const struct rd_block *b = rdoc_field(d, "problems", p->id);

		sb_puts(sb, i ? ", {" : "{");
		KEY1(sb, "treatment");
		sb_printf(sb, "%lld", (long long)it->r->t.id);
		KEY(sb, "id");
		json_string(sb, p->id);
		KEY(sb, "kind");
		json_string(sb, p->kind);
		KEY(sb, "level");
		json_string(sb, rules_level_name(p->level));
		KEY(sb, "day");
		sb_printf(sb, "%d", p->first);
		KEY(sb, "date");
		json_date(sb, p->first_date);
		KEY(sb, "last_day");
		sb_printf(sb, "%d", p->last);
		KEY(sb, "last_date");
		json_date(sb, p->last_date);
		KEY(sb, "status");
		json_string(sb, p->status);
		KEY(sb, "since");
		sb_printf(sb, "%d", p->since);
		KEY(sb, "clinician_seen");
		sb_puts(sb, p->clinician_seen ? "true" : "false");
		KEY(sb, "findings");
		sb_putc(sb, '[');
		for (size_t k = 0; k < f->nfindings; k++) {
			const struct hg_finding *fd = &f->findings[k];
			const struct hg_rule_info *info = rules_find_rule(fd->rule);

			sb_puts(sb, k ? ", {" : "{");
			KEY1(sb, "rule");
			json_string(sb, fd->rule);
			KEY(sb, "level");
			json_string(sb, rules_level_name(fd->level));
			KEY(sb, "day");
			sb_printf(sb, "%d", fd->day);
			KEY(sb, "last_day");
			sb_printf(sb, "%d", fd->last_day);
			KEY(sb, "words");
			json_string(sb, info && info->short_name ? info->short_name : fd->rule);
			sb_putc(sb, '}');
		}
		sb_putc(sb, ']');
		KEY(sb, "findings_text");
		json_string(sb, p->findings);
		KEY(sb, "actions");
		sb_putc(sb, '[');
		for (size_t k = 0; k < f->nactions; k++)
			sb_printf(sb, "%s%lld", k ? ", " : "", (long long)f->actions[k]->id);
		sb_putc(sb, ']');
		KEY(sb, "line");
		json_string(sb, b ? b->text : "");
		sb_putc(sb, '}');
	}
	sb_putc(sb, ']');
}

static void medicines(struct strbuf *sb, const struct report_item *it)
{
	KEY(sb, "medicines");
	sb_putc(sb, '[');
	for (size_t i = 0; i < it->nmedicines; i++) {
		const struct hg_medicine *m = &it->medicines[i];

		sb_puts(sb, i ? ", {" : "{");
		KEY1(sb, "id");
		sb_printf(sb, "%lld", (long long)m->id);
		KEY(sb, "treatment");
		sb_printf(sb, "%lld", (long long)m->treatment_id);
		KEY(sb, "name");
		json_string(sb, m->name);
		KEY(sb, "dose");
		json_string(sb, m->dose ? m->dose : "");
		KEY(sb, "from");
		json_date(sb, m->from);
		KEY(sb, "to");
		if (m->to)
			json_date(sb, m->to);
		else
			sb_puts(sb, "null");
		sb_putc(sb, '}');
	}
	sb_putc(sb, ']');
}

/* The sections made of fields ("header", "now") as objects of their
 * composed lines, key by key. */
static void fields(struct strbuf *sb, const struct rdoc *d, const char *section)
{
	int first = 1;

	sb_printf(sb, ", \"%s\": {", section);
	for (size_t i = 0; i < d->n; i++) {
		const struct rd_block *b = &d->b[i];

		if (b->kind != RD_FIELD || strcmp(b->section, section) != 0)
			continue;
		json_key(sb, b->key, first);
		json_string(sb, b->text);
		first = 0;
	}
	sb_putc(sb, '}');
}

/* The temperature as numbers: peak and last, or null when never measured. */
static void temperature(struct strbuf *sb, const struct hg_recovery *r)
{
	int peak = HG_TEMP_NONE, peak_day = -1, last = HG_TEMP_NONE, last_day = -1;
	char t[16];

	for (size_t i = 0; i < r->ndays; i++)
		if (r->days[i].temp != HG_TEMP_NONE) {
			if (r->days[i].temp > peak) {
				peak = r->days[i].temp;
				peak_day = r->days[i].day;
			}
			last = r->days[i].temp;
			last_day = r->days[i].day;
		}
	KEY(sb, "temperature_c");
	if (peak_day < 0) {
		sb_puts(sb, "null");
		return;
	}
	model_format_temp(peak, t, sizeof t);
	sb_printf(sb, "{\"peak\": %s, \"peak_day\": %d", t, peak_day);
	model_format_temp(last, t, sizeof t);
	sb_printf(sb, ", \"last\": %s, \"last_day\": %d}", t, last_day);
}

static void actions(struct strbuf *sb, const struct report_item *it)
{
	KEY(sb, "actions");
	sb_putc(sb, '[');
	for (size_t i = 0; i < it->nactions; i++) {
		const struct hg_action *a = &it->actions[i];

		sb_puts(sb, i ? ", {" : "{");
		KEY1(sb, "id");
		sb_printf(sb, "%lld", (long long)a->id);
		KEY(sb, "date");
		json_date(sb, a->date);
		KEY(sb, "day");
		sb_printf(sb, "%d", a->date - it->r->t.date);
		KEY(sb, "by");
		if (a->by == HG_BY_UNRECORDED)
			sb_puts(sb, "null");
		else
			json_string(sb, a->by == HG_BY_CLINICIAN ? "clinician" : "self");
		KEY(sb, "text");
		json_string(sb, a->text);
		KEY(sb, "for");
		{
			struct strbuf refs = STRBUF_INIT;

			report_action_refs(&refs, it, a);
			sb_putc(sb, '[');
			for (const char *p = sb_str(&refs); *p; ) {
				size_t n = strcspn(p, ",");
				char id[HG_FLAG_ID_MAX + 32];

				snprintf(id, sizeof id, "%.*s", (int)n, p);
				if (strchr(id, ' '))
					*strchr(id, ' ') = '\0';
				json_string(sb, id);
				p += n;
				while (*p == ',' || *p == ' ')
					p++;
				if (*p)
					sb_puts(sb, ", ");
			}
			sb_putc(sb, ']');
			sb_free(&refs);
		}
		KEY(sb, "resolves");
		sb_putc(sb, '[');
		for (size_t j = 0; j < a->nresolves; j++) {
			const struct hg_flag_ref *ref = &a->resolves[j];
			const struct hg_flag *f = rules_find_flag(it->flags, it->nflags,
								  &it->r->t, ref, a->date);
			char id[HG_FLAG_ID_MAX];

			if (f)
				snprintf(id, sizeof id, "%s", f->id);
			else
				report_ref_id(it, ref, id, sizeof id);
			sb_puts(sb, j ? ", {" : "{");
			KEY1(sb, "flag");
			json_string(sb, id);
			KEY(sb, "raised");
			sb_puts(sb, f ? "true" : "false");
			sb_putc(sb, '}');
		}
		sb_puts(sb, "]}");
	}
	sb_putc(sb, ']');
}

static void day_list(struct strbuf *sb, const struct hg_recovery *r, unsigned care_bit)
{
	int first = 1;

	sb_putc(sb, '[');
	for (size_t i = 0; i < r->ndays; i++)
		if (r->days[i].care & care_bit) {
			if (!first)
				sb_puts(sb, ", ");
			report_put_int(sb, r->days[i].day);
			first = 0;
		}
	sb_putc(sb, ']');
}

static void summary(struct strbuf *sb, const struct report_item *it)
{
	const struct report_summary *sum = it->sum;

	KEY(sb, "summary");
	sb_putc(sb, '{');
		KEY1(sb, "open");
	sb_putc(sb, '{');
	for (int l = 0; l < HG_LEVEL_COUNT; l++) {
		json_key(sb, rules_level_name((enum hg_level)l), l == 0);
		sb_printf(sb, "%d", it->open[l]);
	}
	sb_putc(sb, '}');
	KEY(sb, "resolved");
	sb_printf(sb, "%zu", it->nflags - it->nopen);
	KEY(sb, "last_high_temperature");
	if (sum->high_day >= 0) {
		sb_putc(sb, '{');
		KEY1(sb, "day");
		sb_printf(sb, "%d", sum->high_day);
		KEY(sb, "date");
		json_date(sb, it->r->t.date + sum->high_day);
		KEY(sb, "temperature_c");
		if (sum->high_temp != HG_TEMP_NONE) {
			char temp[16];

			model_format_temp(sum->high_temp, temp, sizeof temp);
			sb_puts(sb, temp);
		} else {
			sb_puts(sb, "null");
		}
		sb_putc(sb, '}');
	} else {
		sb_puts(sb, "null");
	}
	KEY(sb, "sun_days");
	day_list(sb, it->r, HG_BIT(HG_CARE_SUN));
	KEY(sb, "actives_days");
	day_list(sb, it->r, HG_BIT(HG_CARE_ACTIVES));
	KEY(sb, "photos");
	sb_printf(sb, "%zu", it->photos_total);
	KEY(sb, "photo_strip");
	sb_putc(sb, '[');
	for (size_t i = 0; i < it->nphotos; i++) {
		sb_puts(sb, i ? ", {" : "{");
		KEY1(sb, "id");
		sb_printf(sb, "%lld", (long long)it->photos[i].id);
		KEY(sb, "day");
		sb_printf(sb, "%d", it->photos[i].day);
		KEY(sb, "date");
		json_date(sb, it->photos[i].date);
		sb_putc(sb, '}');
	}
	sb_puts(sb, "]}");
}

static void symptoms(struct strbuf *sb, const struct report_summary *sum)
{
	KEY(sb, "symptoms");
	sb_putc(sb, '{');
	for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
		const struct report_symptom *y = &sum->s[s];

		json_key(sb, model_symptom_name((enum hg_symptom)s), s == 0);
		sb_putc(sb, '{');
		KEY1(sb, "rated_days");
		sb_printf(sb, "%d", y->rated);
		KEY(sb, "peak");
		json_int_or_null(sb, y->peak, y->peak == HG_UNRATED);
		KEY(sb, "peak_day");
		json_int_or_null(sb, y->peak_day, y->peak_day < 0);
		KEY(sb, "status");
		json_string(sb, report_clear_name(y->clear));
		KEY(sb, "clear_day");
		json_int_or_null(sb, y->clear_day, y->clear_day < 0);
		KEY(sb, "last_day");
		json_int_or_null(sb, y->last_day, y->last_day < 0);
		KEY(sb, "last");
		json_int_or_null(sb, y->last, y->last == HG_UNRATED);
		KEY(sb, "rebounds");
		sb_printf(sb, "%d", y->nrebound);
		KEY(sb, "rebound_days");
		sb_putc(sb, '[');
		for (int i = 0; i < y->nrebound && i < REPORT_REBOUND_MAX; i++)
			sb_printf(sb, i ? ", %d" : "%d", y->rebound_day[i]);
		sb_putc(sb, ']');
		sb_putc(sb, '}');
	}
	sb_putc(sb, '}');
}

static void days(struct strbuf *sb, const struct report_item *it)
{
	const struct hg_recovery *r = it->r;
	size_t k = 0;

	KEY(sb, "days");
	sb_putc(sb, '[');
	for (int d = 0; d < it->rows; d++) {
		const struct hg_checkin *c = NULL;

		while (k < r->ndays && r->days[k].day < d)
			k++;
		if (k < r->ndays && r->days[k].day == d)
			c = &r->days[k];
		sb_puts(sb, d ? ", {" : "{");
		KEY1(sb, "day");
		report_put_int(sb, d);
		KEY(sb, "date");
		json_date(sb, r->t.date + d);
		KEY(sb, "checked_in");
		sb_puts(sb, c ? "true" : "false");
		for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
			sb_puts(sb, symptom_key[s]);
			json_int_or_null(sb, c ? c->rating[s] : 0, !c || c->rating[s] == HG_UNRATED);
		}
		KEY(sb, "signs");
		sb_putc(sb, '[');
		for (int g = 0, first = 1; c && g < HG_SIGN_COUNT; g++)
			if (c->signs & HG_BIT(g)) {
				if (!first)
					sb_puts(sb, ", ");
				json_string(sb, model_sign_name((enum hg_sign)g));
				first = 0;
			}
		sb_putc(sb, ']');
		KEY(sb, "temperature_c");
		if (c && c->temp != HG_TEMP_NONE) {
			char temp[16];
			model_format_temp(c->temp, temp, sizeof temp);
			sb_puts(sb, temp);
		} else {
			sb_puts(sb, "null");
		}
		KEY(sb, "care");
		sb_putc(sb, '[');
		for (int g = 0, first = 1; c && g < HG_CARE_COUNT; g++)
			if (c->care & HG_BIT(g)) {
				if (!first)
					sb_puts(sb, ", ");
				json_string(sb, model_care_name((enum hg_care)g));
				first = 0;
			}
		sb_putc(sb, ']');
		KEY(sb, "flags");
		sb_putc(sb, '[');
		for (size_t i = 0, first = 1; i < it->nflags; i++)
			if (it->flags[i].day == d) {
				if (!first)
					sb_puts(sb, ", ");
				json_string(sb, it->flags[i].id);
				first = 0;
			}
		sb_putc(sb, ']');
		KEY(sb, "note");
		json_string(sb, c ? c->note : "");
		sb_putc(sb, '}');
	}
	sb_putc(sb, ']');
}

static void clear_days(struct strbuf *sb, const struct report_summary *s)
{
	KEY(sb, "clear_day");
	sb_putc(sb, '{');
	for (int k = 0; k < HG_SYMPTOM_COUNT; k++) {
		json_key(sb, model_symptom_name((enum hg_symptom)k), k == 0);
		json_int_or_null(sb, s->s[k].clear_day, s->s[k].clear_day < 0);
	}
	sb_putc(sb, '}');
	KEY(sb, "status");
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

	KEY(sb, "comparison");
	sb_putc(sb, '{');
	KEY1(sb, "earlier_count");
	sb_printf(sb, "%zu", e->total);
	KEY(sb, "earlier");
	sb_putc(sb, '[');
	for (size_t i = 0; i < e->shown; i++) {
		sb_puts(sb, i ? ", {" : "{");
		KEY1(sb, "treatment");
		sb_printf(sb, "%lld", (long long)e->past[i]->id);
		KEY(sb, "date");
		json_date(sb, e->past[i]->date);
		KEY(sb, "area");
		json_string(sb, e->past[i]->area);
		clear_days(sb, &e->past[i]->sum);
		sb_putc(sb, '}');
	}
	sb_putc(sb, ']');
	KEY(sb, "average_clear_day");
	sb_putc(sb, '{');
	for (int k = 0; k < HG_SYMPTOM_COUNT; k++) {
		json_key(sb, model_symptom_name((enum hg_symptom)k), k == 0);
		if (e->avg_n[k])
			sb_printf(sb, "%.2f", e->avg[k]);
		else
			sb_puts(sb, "null");
	}
	sb_putc(sb, '}');
	KEY(sb, "average_of");
	sb_putc(sb, '{');
	for (int k = 0; k < HG_SYMPTOM_COUNT; k++) {
		json_key(sb, model_symptom_name((enum hg_symptom)k), k == 0);
		sb_printf(sb, "%d", e->avg_n[k]);
	}
	sb_puts(sb, "}}");
}

static void json_treatment(struct strbuf *sb, struct report_doc *doc, const struct rdoc *d)
{
	const struct report_item *it = d->item;

	(void)doc;
	sb_puts(sb, it->index ? ",\n{" : "\n{");
	export_treatment_fields(sb, &it->r->t);
	KEY(sb, "expected_downtime_days");
	sb_printf(sb, "%d", it->sum->downtime);
	KEY(sb, "today_day");
	sb_printf(sb, "%d", it->today_day);
	KEY(sb, "checked_in_days");
	sb_printf(sb, "%d", it->sum->checkins);
	fields(sb, d, "header");
	problems(sb, d);
	fields(sb, d, "now");
	temperature(sb, it->r);
	summary(sb, it);
	actions(sb, it);
	medicines(sb, it);
	symptoms(sb, it->sum);
	days(sb, it);
	comparison(sb, it);
	sb_putc(sb, '}');
}

static void json_end(struct strbuf *sb, struct report_doc *doc)
{
	(void)doc;
	sb_puts(sb, "]}\n");
}

const struct report_writer report_json_writer = {
	json_begin, json_treatment, json_end
};
