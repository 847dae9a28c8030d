/* report_doc.c — the report of one treatment composed once, as blocks
 * (report_int.h), in the order a dermatologist reads it: the header
 * (profile, the procedure, risks, medicines), the problem list, now, what
 * was done, photos, the day table, the chart, notes and the comparison.
 * The writers of every format draw these blocks; none of them words
 * anything itself.
 *
 * The report speaks to a clinician: findings in clinical words with their
 * values, no advice to the patient, and nothing that was never recorded
 * shown as normal ("never measured", "not recorded", "not rated").
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "healgrid/date.h"
#include "report_int.h"

/* ---- building blocks -------------------------------------------------- */

static struct rd_block *add(struct rdoc *d, enum rd_kind kind, const char *section,
			    const char *key)
{
	struct rd_block *b;

	if (d->n == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 64;
		d->b = xrealloc(d->b, d->cap * sizeof *d->b);
	}
	b = &d->b[d->n++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->section = section;
	b->key = key;
	b->level = -1;
	return b;
}

static void heading(struct rdoc *d, const char *section, const char *title)
{
	add(d, RD_HEADING, section, NULL)->text = xstrdup(title);
}

static void field(struct rdoc *d, const char *section, const char *key, const char *label,
		  const char *text)
{
	struct rd_block *b = add(d, RD_FIELD, section, key);

	b->label = xstrdup(label);
	b->text = xstrdup(text);
}

static void line(struct rdoc *d, const char *section, const char *key, const char *text)
{
	add(d, RD_LINE, section, key)->text = xstrdup(text);
}

static void item(struct rdoc *d, const char *section, const char *key, const char *label,
		 const char *text, int level)
{
	struct rd_block *b = add(d, RD_ITEM, section, key);

	b->label = label ? xstrdup(label) : NULL;
	b->text = xstrdup(text);
	b->level = level;
}

static struct rd_table *table(struct rdoc *d, const char *section, int ncols, size_t nrows,
			      const char *const *head, const unsigned char *center,
			      const int *maxw)
{
	struct rd_block *b = add(d, RD_TABLE, section, NULL);
	struct rd_table *t = xcalloc(1, sizeof *t);

	t->ncols = ncols;
	t->head = head;
	t->center = center;
	t->maxw = maxw;
	t->cell = xcalloc((nrows ? nrows : 1) * (size_t)ncols, sizeof *t->cell);
	b->table = t;
	return t;
}

static void set_cell(struct rd_table *t, size_t r, int c, const char *s)
{
	free(t->cell[r * (size_t)t->ncols + (size_t)c]);
	t->cell[r * (size_t)t->ncols + (size_t)c] = xstrdup(s);
}

void rdoc_free(struct rdoc *d)
{
	for (size_t i = 0; i < d->n; i++) {
		struct rd_block *b = &d->b[i];

		free(b->label);
		free(b->text);
		if (b->table) {
			for (size_t k = 0; k < b->table->nrows * (size_t)b->table->ncols; k++)
				free(b->table->cell[k]);
			free(b->table->cell);
			free(b->table);
		}
	}
	free(d->b);
	for (size_t i = 0; i < d->nproblems; i++) {
		free(d->problems[i].findings);
		free(d->problems[i].done);
		free(d->problems[i].status_text);
	}
	free(d->problems);
	memset(d, 0, sizeof *d);
}

const struct rd_block *rdoc_field(const struct rdoc *d, const char *section, const char *key)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->b[i].key && strcmp(d->b[i].section, section) == 0 &&
		    strcmp(d->b[i].key, key) == 0)
			return &d->b[i];
	return NULL;
}

/* ---- clinical words --------------------------------------------------- */

/* The rules whose finding carries a value: the temperature, or a rating. */
static const struct {
	const char *rule;
	int value;              /* 1: the temperature's peak, 2: the redness, 3: the swelling */
} valued[] = {
	{ "fever", 1 }, { "fever-alone", 1 }, { "spreading-fever", 1 },
	{ "redness-rising", 2 }, { "redness-late", 2 },
	{ "swelling-rising", 3 }, { "swelling-late", 3 },
};

/* A finding in clinical words (the rule's short name), with its value over
 * its days: "fever 38.4 °C", "rising redness (2 moderate)". */
static void finding_words(struct strbuf *sb, const struct hg_recovery *r,
			  const struct hg_finding *fd)
{
	const struct hg_rule_info *info = rules_find_rule(fd->rule);
	int value = 0, best = HG_UNRATED;

	sb_puts(sb, info && info->short_name ? info->short_name : fd->rule);
	for (size_t i = 0; i < sizeof valued / sizeof valued[0]; i++)
		if (strcmp(valued[i].rule, fd->rule) == 0)
			value = valued[i].value;
	if (!value)
		return;
	for (size_t i = 0; i < r->ndays; i++) {
		const struct hg_checkin *c = &r->days[i];
		int v;

		if (c->day < fd->day || c->day > fd->last_day)
			continue;
		v = value == 1 ? (c->temp != HG_TEMP_NONE ? c->temp : HG_UNRATED)
			: c->rating[value == 2 ? HG_REDNESS : HG_SWELLING];
		if (v != HG_UNRATED && v > best)
			best = v;
	}
	if (best == HG_UNRATED)
		return;
	if (value == 1) {
		char t[16];

		model_format_temp(best, t, sizeof t);
		sb_printf(sb, " %s \xC2\xB0""C", t);
	} else {
		sb_printf(sb, " (%d %s)", best, model_rating_label(best));
	}
}

/* What a level asks of the clinician, the levels named once. */
static const char *const level_clinical[HG_LEVEL_COUNT] = {
	"emergency care", "same-day care", "review within days", "note at the next visit"
};

static const char *who(enum hg_by by)
{
	switch (by) {
	case HG_BY_CLINICIAN: return "clinician";
	case HG_BY_SELF: return "self";
	default: return "who: not recorded";
	}
}

/* ---- problems --------------------------------------------------------- */

static int by_first_day(const void *a, const void *b)
{
	const struct rd_problem *x = a, *y = b;

	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	if (x->level != y->level)
		return x->level < y->level ? -1 : 1;
	return strcmp(x->id, y->id);
}

/* The flags as problems, by first day. */
static void problems(struct rdoc *d, const struct report_item *it)
{
	const struct hg_recovery *r = it->r;

	d->problems = xcalloc(it->nflags ? it->nflags : 1, sizeof *d->problems);
	for (size_t i = 0; i < it->nflags; i++) {
		const struct hg_flag *f = &it->flags[i];
		struct rd_problem *p = &d->problems[d->nproblems++];
		struct strbuf sb = STRBUF_INIT;

		p->flag = f;
		snprintf(p->id, sizeof p->id, "%s", f->id);
		p->kind = rules_kind_name(f->kind);
		p->level = f->level;
		p->first = f->day;
		p->last = f->last_day;
		p->first_date = f->date;
		p->last_date = f->date + f->last_day - f->day;
		p->status = rules_status_name(f->status);
		p->since = f->since;
		p->clinician_seen = f->clinician_seen;
		for (size_t k = 0; k < f->nfindings; k++) {
			if (k)
				sb_puts(&sb, ", ");
			finding_words(&sb, r, &f->findings[k]);
		}
		p->findings = sb_detach(&sb);
		/* what was done, by whom and when */
		for (size_t k = 0; k < f->nactions; k++) {
			const struct hg_action *a = f->actions[k];

			sb_printf(&sb, "%s%s%s day %d: %s", k ? "; " : "", who(a->by),
				  a->by == HG_BY_UNRECORDED ? "," : "", a->date - r->t.date, a->text);
		}
		p->done = f->nactions ? sb_detach(&sb) : NULL;
		switch (f->status) {
		case HG_STATUS_OPEN:
			if (f->back_day >= 0)
				sb_printf(&sb, "back on day %d, open", f->back_day);
			else
				sb_puts(&sb, "open");
			if (f->self_only_urgent)
				sb_puts(&sb, " (no clinician has seen it)");
			break;
		case HG_STATUS_IN_CARE:
			sb_printf(&sb, "in care since day %d", f->since);
			break;
		default:
			sb_printf(&sb, "settled by day %d", f->settled_day);
			if (f->level <= HG_LEVEL_URGENT && !f->clinician_seen)
				sb_puts(&sb, ", no clinician recorded");
		}
		p->status_text = sb_detach(&sb);
	}
	if (d->nproblems > 1)
		qsort(d->problems, d->nproblems, sizeof *d->problems, by_first_day);
}

static void problem_list(struct rdoc *d, const struct report_item *it)
{
	const char *S = "problems";
	struct strbuf sb = STRBUF_INIT, label = STRBUF_INIT;
	int seen[HG_LEVEL_COUNT] = { 0 };

	heading(d, S, "Problems");
	if (d->nproblems == 0) {
		unsigned signs = 0;

		line(d, S, "none", "No problem flagged by healgrid's rules.");
		for (size_t i = 0; i < it->r->ndays; i++)
			signs |= it->r->days[i].signs;
		for (int g = 0; g < HG_SIGN_COUNT; g++) {
			struct strbuf days = STRBUF_INIT;

			if (!(signs & HG_BIT(g)))
				continue;
			report_sign_days(&days, it->r, (enum hg_sign)g);
			sb_printf(&sb, "%s%s (day%s %s)", sb.len ? ", " : "Signs ticked: ",
				  model_sign_name((enum hg_sign)g),
				  strchr(sb_str(&days), ',') ? "s" : "", sb_str(&days));
			sb_free(&days);
		}
		if (sb.len) {
			sb_putc(&sb, '.');
			line(d, S, "signs", sb_str(&sb));
		}
		sb_free(&sb);
		return;
	}
	for (size_t i = 0; i < d->nproblems; i++) {
		const struct rd_problem *p = &d->problems[i];

		rd_clear(&sb);
		rd_clear(&label);
		if (p->last > p->first)
			sb_printf(&label, "days %d\xE2\x80\x93%d", p->first, p->last);
		else
			sb_printf(&label, "day %d", p->first);
		sb_printf(&sb, "%s, %s: %s", p->kind, rules_level_name(p->level), p->findings);
		if (p->done)
			sb_printf(&sb, "; %s", p->done);
		sb_printf(&sb, "; %s", p->status_text);
		item(d, S, p->id, sb_str(&label), sb_str(&sb), (int)p->level);
		seen[p->level] = 1;
	}
	rd_clear(&sb);
	for (int l = 0; l < HG_LEVEL_COUNT; l++)
		if (seen[l])
			sb_printf(&sb, "%s%s: %s", sb.len ? "; " : "Levels: ",
				  rules_level_name((enum hg_level)l), level_clinical[l]);
	sb_putc(&sb, '.');
	line(d, S, "levels", sb_str(&sb));
	sb_free(&sb);
	sb_free(&label);
}

/* ---- header ----------------------------------------------------------- */

static void header(struct rdoc *d, const struct report_doc *doc, const struct report_item *it)
{
	const char *S = "header";
	const struct hg_treatment *t = &it->r->t;
	struct strbuf sb = STRBUF_INIT;
	char date[HG_DATE_LEN], depth[32];

	date_format(t->date, date);
	sb_printf(&sb, "Treatment %lld: %s, treated %s", (long long)t->id, t->area, date);
	add(d, RD_TITLE, S, "treatment")->text = sb_detach(&sb);
	if (doc->profile) {
		report_profile_line(&sb, doc->profile, sb_puts);
		field(d, S, "patient", "Patient", sb_str(&sb));
		rd_clear(&sb);
	}
	model_format_depth(t->depth, depth, sizeof depth);
	sb_printf(&sb, "%s, %s device, depth %s%s, %s", date, model_device_name(t->device),
		  depth, t->depth > 0 ? " mm" : "", t->area);
	if (t->products && *t->products)
		sb_printf(&sb, "; products: %s", t->products);
	if (t->skin_type != HG_SKIN_NONE)
		sb_printf(&sb, "; Fitzpatrick %s", model_skin_type_name(t->skin_type));
	else
		sb_puts(&sb, "; skin type not recorded");
	sb_printf(&sb, "; expected downtime %d days", it->sum->downtime);
	field(d, S, "procedure", "Procedure", sb_str(&sb));
	rd_clear(&sb);
	for (int i = 0; i < HG_RISK_COUNT; i++)
		if (t->risks & HG_BIT(i))
			sb_printf(&sb, "%s%s", sb.len ? ", " : "", model_risk_name((enum hg_risk)i));
	field(d, S, "risks", "Risks", sb.len ? sb_str(&sb) : "none recorded");
	rd_clear(&sb);
	for (size_t i = 0; i < it->nmedicines; i++) {
		const struct hg_medicine *m = &it->medicines[i];

		sb_printf(&sb, "%s%s", sb.len ? "; " : "", m->name);
		if (m->dose && *m->dose)
			sb_printf(&sb, " %s", m->dose);
	}
	field(d, S, "medicines", "Medicines", sb.len ? sb_str(&sb) : "none recorded");
	if (t->note && *t->note)
		field(d, S, "note", "Note", t->note);
	sb_free(&sb);
}

/* ---- now -------------------------------------------------------------- */

static const char *trend(int before, int now)
{
	if (before == HG_UNRATED || now == HG_UNRATED)
		return NULL;
	return now < before ? "better" : now > before ? "worse" : "same";
}

static void signs_of(struct strbuf *sb, const struct hg_checkin *c)
{
	char buf[256];

	if (!c->signs_assessed && !c->signs) {
		sb_puts(sb, "not assessed");
		return;
	}
	if (!c->signs) {
		sb_puts(sb, "none");
		return;
	}
	model_format_signs(c->signs, ',', buf, sizeof buf);
	for (char *p = buf; *p; p++)
		if (*p == ',')
			*p = ' ';
	/* "warmth pain" back to "warmth, pain" */
	for (size_t i = 0, first = 1; buf[i]; ) {
		size_t n = strcspn(buf + i, " ");

		sb_printf(sb, "%s%.*s", first ? "" : ", ", (int)n, buf + i);
		first = 0;
		i += n;
		while (buf[i] == ' ')
			i++;
	}
}

static void now(struct rdoc *d, const struct report_item *it)
{
	const char *S = "now";
	const struct hg_recovery *r = it->r;
	const struct hg_checkin *last = r->ndays ? &r->days[r->ndays - 1] : NULL;
	const struct hg_checkin *prev = r->ndays > 1 ? &r->days[r->ndays - 2] : NULL;
	struct strbuf sb = STRBUF_INIT;
	static const char *const keys[HG_SYMPTOM_COUNT] = {
		"redness", "swelling", "bruising", "bleeding"
	};
	int peak = HG_TEMP_NONE, peak_day = -1, tlast = HG_TEMP_NONE, tlast_day = -1;
	unsigned care_seen = 0;
	int care_assessed = 0;

	heading(d, S, "Now");
	report_today_text(&sb, it);
	if (last)
		sb_printf(&sb, "; last check-in day %d, %d in all", last->day, it->sum->checkins);
	else
		sb_puts(&sb, "; no check-in yet");
	field(d, S, "today", "Today", sb_str(&sb));
	for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
		const struct report_symptom *sy = &it->sum->s[s];

		rd_clear(&sb);
		if (!last || last->rating[s] == HG_UNRATED) {
			sb_puts(&sb, last ? "not rated at the last check-in" : "not rated");
			if (sy->last_day >= 0)
				sb_printf(&sb, "; last rated %d %s on day %d", sy->last,
					  model_rating_label(sy->last), sy->last_day);
		} else {
			const char *tr = prev ? trend(prev->rating[s], last->rating[s]) : NULL;

			sb_printf(&sb, "%d %s on day %d", last->rating[s],
				  model_rating_label(last->rating[s]), last->day);
			if (tr)
				sb_printf(&sb, " (%s %s day %d)", tr, strcmp(tr, "same") ? "than" : "as",
					  prev->day);
			else if (prev)
				sb_printf(&sb, " (not rated on day %d)", prev->day);
		}
		if (sy->peak > 0) {
			char buf[64];

			report_peak_text(sy, buf, sizeof buf);
			sb_printf(&sb, "; peak %s", buf);
		}
		if (sy->nrebound) {
			sb_puts(&sb, sy->nrebound > 1 ? "; rebound days " : "; rebound day ");
			report_rebound_days(&sb, sy);
		}
		if (sy->clear == REPORT_CLEARED)
			sb_printf(&sb, "; cleared day %d", sy->clear_day);
		else if (sy->clear == REPORT_NOT_YET || sy->clear == REPORT_LAST_RATED)
			sb_puts(&sb, "; not cleared");
		field(d, S, keys[s], report_symptom_titles[s], sb_str(&sb));
	}
	rd_clear(&sb);
	if (prev) {
		sb_printf(&sb, "day %d: ", prev->day);
		signs_of(&sb, prev);
		sb_puts(&sb, "; ");
	}
	if (last) {
		sb_printf(&sb, "day %d: ", last->day);
		signs_of(&sb, last);
	} else {
		sb_puts(&sb, "not assessed");
	}
	field(d, S, "signs", "Signs", sb_str(&sb));
	for (size_t i = 0; i < r->ndays; i++) {
		const struct hg_checkin *c = &r->days[i];

		if (c->temp != HG_TEMP_NONE) {
			if (c->temp > peak) {
				peak = c->temp;
				peak_day = c->day;
			}
			tlast = c->temp;
			tlast_day = c->day;
		}
		care_seen |= c->care;
		care_assessed |= c->care_assessed;
	}
	rd_clear(&sb);
	if (peak_day < 0) {
		sb_puts(&sb, "never measured");
	} else {
		char t[16];

		model_format_temp(peak, t, sizeof t);
		if (tlast_day == peak_day) {
			sb_printf(&sb, "peak and last %s \xC2\xB0""C on day %d", t, peak_day);
		} else {
			sb_printf(&sb, "peak %s \xC2\xB0""C on day %d", t, peak_day);
			model_format_temp(tlast, t, sizeof t);
			sb_printf(&sb, "; last %s \xC2\xB0""C on day %d", t, tlast_day);
		}
	}
	field(d, S, "temperature", "Temperature", sb_str(&sb));
	rd_clear(&sb);
	if (!care_seen) {
		sb_puts(&sb, care_assessed ? "none noted" : "not recorded");
	} else {
		for (int g = 0; g < HG_CARE_COUNT; g++) {
			struct strbuf days = STRBUF_INIT;

			if (!(care_seen & HG_BIT(g)))
				continue;
			report_care_days(&days, r, (enum hg_care)g);
			sb_printf(&sb, "%s%s on day%s %s", sb.len ? "; " : "",
				  model_care_label((enum hg_care)g),
				  strchr(sb_str(&days), ',') ? "s" : "", sb_str(&days));
			sb_free(&days);
		}
	}
	field(d, S, "care", "Care", sb_str(&sb));
	rd_clear(&sb);
	{
		int end = rules_tracking_end(r, it->flags, it->nflags);
		int today = r->t.date + it->today_day;
		int look = rules_look_next(r, today, it->later_same_area);

		if (it->today_day < 0)
			sb_puts(&sb, "not started");
		else if (end >= 0)
			sb_printf(&sb, "daily check-ins can stop (since day %d)", end);
		else
			sb_puts(&sb, "daily check-ins asked for");
		if (look >= 0) {
			char date[HG_DATE_LEN];
			int day = rules_look_day(look);

			date_format(r->t.date + day, date);
			sb_printf(&sb, "; next look day %d (the %s look), %s", day, rules_look_name(look), date);
		}
	}
	field(d, S, "tracking", "Tracking", sb_str(&sb));
	sb_free(&sb);
}

/* ---- what was done ---------------------------------------------------- */

static void done(struct rdoc *d, const struct report_item *it)
{
	const char *S = "done";
	const struct hg_recovery *r = it->r;
	struct strbuf sb = STRBUF_INIT, label = STRBUF_INIT;
	size_t a = 0, m = 0;

	heading(d, S, "What was done");
	if (!it->nactions && !it->nmedicines) {
		line(d, S, "none", "No action or medicine recorded.");
		return;
	}
	/* Actions and medicines merged by date, actions first on a tie. */
	while (a < it->nactions || m < it->nmedicines) {
		char date[HG_DATE_LEN], to[HG_DATE_LEN];

		rd_clear(&sb);
		rd_clear(&label);
		if (m >= it->nmedicines ||
		    (a < it->nactions && it->actions[a].date <= it->medicines[m].from)) {
			const struct hg_action *x = &it->actions[a++];

			date_format(x->date, date);
			sb_printf(&label, "%s (day %d)", date, x->date - r->t.date);
			sb_printf(&sb, "%s%s %s", who(x->by), x->by == HG_BY_UNRECORDED ? ";" : ":",
				  x->text);
			if (x->nresolves) {
				sb_puts(&sb, " (for ");
				report_action_refs(&sb, it, x);
				sb_putc(&sb, ')');
			}
			item(d, S, "action", sb_str(&label), sb_str(&sb), -1);
		} else {
			const struct hg_medicine *x = &it->medicines[m++];

			date_format(x->from, date);
			if (x->to) {
				date_format(x->to, to);
				sb_printf(&label, "%s to %s", date, to);
			} else {
				sb_printf(&label, "%s on", date);
			}
			sb_printf(&sb, "medicine: %s", x->name);
			if (x->dose && *x->dose)
				sb_printf(&sb, ", %s", x->dose);
			if (!x->to)
				sb_puts(&sb, " (still taken)");
			item(d, S, "medicine", sb_str(&label), sb_str(&sb), -1);
		}
	}
	sb_free(&sb);
	sb_free(&label);
}

/* ---- photos, table, chart, notes, comparison -------------------------- */

static void photos(struct rdoc *d, const struct report_item *it)
{
	struct strbuf sb = STRBUF_INIT;

	if (!it->photos_total)
		return;
	heading(d, "photos", "Photos");
	sb_printf(&sb, "%zu of %zu photo%s:", it->nphotos, it->photos_total,
		  it->photos_total == 1 ? "" : "s");
	for (size_t i = 0; i < it->nphotos; i++) {
		char date[HG_DATE_LEN];

		date_format(it->photos[i].date, date);
		sb_printf(&sb, "%s day %d, %s", i ? ";" : "", it->photos[i].day, date);
	}
	sb_putc(&sb, '.');
	add(d, RD_PHOTOS, "photos", "photos")->text = sb_detach(&sb);
}

static const char *const day_head[] = {
	"Day", "Date", "Redness", "Swelling", "Bruising", "Bleeding", "Flag",
	"Signs, temp., care"
};
/* 2: a rating, shaded by value where a format can */
static const unsigned char day_center[] = { 1, 0, 2, 2, 2, 2, 1, 0 };
enum { DAY_COLS = 8 };

static void day_table(struct rdoc *d, const struct report_item *it)
{
	const char *S = "days";
	const struct hg_recovery *r = it->r;
	struct rd_table *t;
	struct strbuf sb = STRBUF_INIT;
	size_t k = 0, rows = 0;
	int seen[HG_LEVEL_COUNT] = { 0 };

	heading(d, S, "Day by day");
	if (it->rows == 0) {
		line(d, S, "none", "No days to show yet.");
		return;
	}
	t = table(d, S, DAY_COLS, (size_t)it->rows, day_head, day_center, NULL);
	for (int day = 0, next; day < it->rows; day = next) {
		struct report_day row;
		const struct hg_checkin *c;
		char buf[HG_DATE_LEN + 24];

		next = report_day_row(it, day, &k, &row);
		c = row.c;
		if (row.last > day)
			snprintf(buf, sizeof buf, "%d-%d", day, row.last);
		else
			snprintf(buf, sizeof buf, "%d", day);
		set_cell(t, rows, 0, buf);
		date_format(r->t.date + day, buf);
		set_cell(t, rows, 1, buf);
		for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
			buf[0] = '-';
			if (c && c->rating[s] >= 0 && c->rating[s] <= HG_RATING_MAX)
				buf[0] = "0123"[c->rating[s]];
			buf[1] = '\0';
			set_cell(t, rows, 2 + s, row.last > day ? "" : buf);
		}
		set_cell(t, rows, 6, "");
		for (int x = day; x <= row.last; x++)
			if (d->chart.flag[x] >= 0) {
				set_cell(t, rows, 6, rules_level_symbol_ascii((enum hg_level)d->chart.flag[x]));
				seen[d->chart.flag[x]] = 1;
			}
		rd_clear(&sb);
		if (!c) {
			sb_puts(&sb, row.last > day ? "no check-ins" : "no check-in");
		} else {
			if (c->signs) {
				signs_of(&sb, c);
			} else if (!c->signs_assessed) {
				sb_puts(&sb, "signs not assessed");
			}
			if (c->temp != HG_TEMP_NONE) {
				char temp[16];

				model_format_temp(c->temp, temp, sizeof temp);
				sb_printf(&sb, "%s%s \xC2\xB0""C", sb.len ? "; " : "", temp);
			}
			for (int g = 0, first = 1; g < HG_CARE_COUNT; g++)
				if (c->care & HG_BIT(g)) {
					sb_printf(&sb, "%s%s", first ? (sb.len ? "; care: " : "care: ")
						  : ", ", model_care_name((enum hg_care)g));
					first = 0;
				}
		}
		set_cell(t, rows, 7, sb_str(&sb));
		rows++;
	}
	t->nrows = rows;
	rd_clear(&sb);
	sb_puts(&sb, "0 none, 1 mild, 2 moderate, 3 severe, - not rated; signs not ticked on"
		" a day where they were assessed are left blank.");
	for (int l = 0, first = 1; l < HG_LEVEL_COUNT; l++)
		if (seen[l]) {
			sb_printf(&sb, "%s%s %s", first ? " Flag: the most serious problem that began"
				  " that day, " : ", ", rules_level_symbol_ascii((enum hg_level)l),
				  rules_level_name((enum hg_level)l));
			first = 0;
		}
	d->b[d->n - 1].text = sb_detach(&sb);
}

static void chart_fill(struct rdoc *d, const struct report_item *it)
{
	struct rd_chart *ch = &d->chart;
	const struct hg_recovery *r = it->r;

	ch->ndays = it->rows;
	memset(ch->rating, HG_UNRATED, sizeof ch->rating);
	memset(ch->flag, -1, sizeof ch->flag);
	for (size_t i = 0; i < r->ndays; i++) {
		const struct hg_checkin *c = &r->days[i];

		if (c->day < 0 || c->day >= HG_WINDOW_MAX)
			continue;
		ch->checked[c->day] = 1;
		for (int s = 0; s < HG_SYMPTOM_COUNT; s++)
			ch->rating[s][c->day] = c->rating[s];
	}
	for (size_t i = 0; i < d->nproblems; i++) {
		int day = d->problems[i].first;

		if (day >= 0 && day < HG_WINDOW_MAX &&
		    (ch->flag[day] < 0 || (int)d->problems[i].level < ch->flag[day]))
			ch->flag[day] = (int)d->problems[i].level;
	}
	for (size_t i = 0; i < it->nactions; i++) {
		int day = it->actions[i].date - r->t.date;

		if (day >= 0 && day < HG_WINDOW_MAX)
			ch->action[day] = 1;
	}
}

const char *rd_chart_row(const struct rd_chart *ch, int row, int from, int to, char *buf)
{
	char *o = buf;

	for (int d = from; d < to; d++, o++) {
		*o = ' ';
		if (row == 0) {
			if (d % 10 == 0)
				*o = "0123456789"[d / 10 % 10];
			else if (d % 5 == 0)
				*o = '+';
		} else if (row <= HG_SYMPTOM_COUNT) {
			int v = ch->rating[row - 1][d];

			if (ch->checked[d] && v >= 0 && v <= HG_RATING_MAX)
				*o = "0123"[v];
			else if (ch->checked[d])
				*o = '.';
		} else if (ch->flag[d] >= 0) {
			*o = rules_level_symbol_ascii((enum hg_level)ch->flag[d])[0];
		} else if (ch->action[d]) {
			*o = 'A';
		}
	}
	*o = '\0';
	return buf;
}

static void chart(struct rdoc *d)
{
	if (d->chart.ndays == 0)
		return;
	heading(d, "chart", "Chart");
	add(d, RD_CHART, "chart", "chart")->text = xstrdup(
		"Ratings by day, 0 none to 3 severe; a gap is a day not rated, never a"
		" zero. Marks: the first day of each problem by level, A an action.");
}

static void notes(struct rdoc *d, const struct report_item *it)
{
	const char *S = "notes";
	int any = 0;

	heading(d, S, "Notes");
	for (size_t i = 0; i < it->r->ndays; i++) {
		const struct hg_checkin *c = &it->r->days[i];
		char date[HG_DATE_LEN], label[64];
		struct rd_block *b;

		if (!c->note || !*c->note)
			continue;
		date_format(it->r->t.date + c->day, date);
		snprintf(label, sizeof label, "Day %d, %s", c->day, date);
		b = add(d, RD_NOTE, S, "note");
		b->label = xstrdup(label);
		b->text = xstrdup(c->note);
		any = 1;
	}
	if (!any)
		line(d, S, "none", "No notes on any day.");
}

static const char *const cmp_head[] = {
	"Treatment", "Redness", "Swelling", "Bruising", "Bleeding"
};
static const unsigned char cmp_center[] = { 0, 1, 1, 1, 1 };
static const int cmp_maxw[] = { 34, 0, 0, 0, 0 };

static void comparison(struct rdoc *d, const struct report_item *it)
{
	struct report_cmp_row rows[REPORT_CMP_ROWS];
	size_t n = report_compare_rows(it, rows);
	struct strbuf sb = STRBUF_INIT;
	struct rd_table *t;

	if (n == 0)
		return;
	heading(d, "comparison", "Compared with earlier treatments: day each symptom was rated none");
	t = table(d, "comparison", 5, n, cmp_head, cmp_center, cmp_maxw);
	t->nrows = n;
	for (size_t i = 0; i < n; i++) {
		rd_clear(&sb);
		sb_printf(&sb, "%s%s%s%s", rows[i].this_one ? "this one: " : "", rows[i].what,
			  rows[i].area ? " " : "", rows[i].area ? rows[i].area : "");
		set_cell(t, i, 0, sb_str(&sb));
		for (int k = 0; k < HG_SYMPTOM_COUNT; k++)
			set_cell(t, i, 1 + k, rows[i].v[k]);
	}
	d->b[d->n - 1].text = xstrdup(report_compare_legend);
	sb_free(&sb);
}

/* ---- the whole -------------------------------------------------------- */

void rdoc_compose(struct rdoc *d, const struct report_doc *doc, const struct report_item *it)
{
	memset(d, 0, sizeof *d);
	d->item = it;
	problems(d, it);
	chart_fill(d, it);
	header(d, doc, it);
	problem_list(d, it);
	now(d, it);
	done(d, it);
	photos(d, it);
	day_table(d, it);
	chart(d);
	notes(d, it);
	comparison(d, it);
}
