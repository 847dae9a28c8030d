/* report.c — the part of the report every format shares: the summary of a
 * recovery (peak day, days to clear), the comparison with earlier
 * treatments, the loop that hands one computed item per treatment to the
 * writer of the chosen format (src/report_<format>.c), the wording helpers
 * of report_int.h, and the UI's report files.
 *
 * The layout of each format lives in its own file; nothing here writes
 * text a reader sees except the shared phrases.
 */
#include "config.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "healgrid/atomicfile.h"
#include "healgrid/date.h"
#include "healgrid/record.h"
#include "healgrid/report.h"
#include "healgrid/rules.h"
#include "report_int.h"

const char *const report_format_names[REPORT_FORMAT_COUNT + 1] = {
	"text", "markdown", "html", "pdf", "csv", "json", NULL
};

const char *const report_paper_names[REPORT_PAPER_COUNT + 1] = { "a4", "letter", NULL };

enum report_paper report_paper_default(void)
{
#ifdef __GLIBC__
	/* glibc answers the width and height in millimetres as a number
	 * cast to a pointer. */
	int w = (int)(intptr_t)nl_langinfo(_NL_PAPER_WIDTH);
	int h = (int)(intptr_t)nl_langinfo(_NL_PAPER_HEIGHT);

	if (w == 216 && h == 279)
		return REPORT_PAPER_LETTER;
#endif
	return REPORT_PAPER_A4;
}

const char report_title[] = "Recovery report";

void report_end_line(struct strbuf *sb, const struct report_doc *doc)
{
	char today[HG_DATE_LEN];

	date_format(doc->today, today);
	sb_printf(sb, "%s Made on %s by healgrid.", report_notice, today);
}

const char report_notice[] =
	"healgrid is not medical advice: when in doubt, call your dermatologist.";

static const struct report_writer *const writers[REPORT_FORMAT_COUNT] = {
	[REPORT_TEXT] = &report_text_writer,
	[REPORT_MARKDOWN] = &report_markdown_writer,
	[REPORT_HTML] = &report_html_writer,
	[REPORT_CSV] = &report_csv_writer,
	[REPORT_JSON] = &report_json_writer,
	[REPORT_PDF] = &report_pdf_writer,
};

/* Output is handed to stdio once this much has gathered, so memory stays
 * small however many treatments there are. */
enum { FLUSH_AT = 1 << 16 };

/* ---- the summary ------------------------------------------------------ */

void report_summarize(const struct hg_recovery *r, struct report_summary *out)
{
	/* First day rated none since the last day rated above none. */
	int zero_since[HG_SYMPTOM_COUNT];
	/* For rebounds: whether some rating before the latest one was >= 2. */
	int was_high[HG_SYMPTOM_COUNT];

	memset(out, 0, sizeof *out);
	out->last_day = -1;
	out->high_day = -1;
	out->high_temp = HG_TEMP_NONE;
	out->downtime = rules_downtime(&r->t);
	for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
		out->s[s].peak = HG_UNRATED;
		out->s[s].peak_day = -1;
		out->s[s].clear_day = -1;
		out->s[s].last_day = -1;
		out->s[s].last = HG_UNRATED;
		zero_since[s] = -1;
		was_high[s] = 0;
	}
	for (size_t i = 0; i < r->ndays; i++) {
		const struct hg_checkin *c = &r->days[i];

		out->checkins++;
		if (c->day > out->last_day)
			out->last_day = c->day;
		if (c->temp >= REPORT_TEMP_HIGH || (c->signs & HG_BIT(HG_SIGN_FEVER))) {
			out->high_day = c->day;
			out->high_temp = c->temp;
		}
		for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
			struct report_symptom *sy = &out->s[s];
			int v = c->rating[s];

			if (v == HG_UNRATED)
				continue;
			sy->rated++;
			if (v >= 2 && sy->last != HG_UNRATED && sy->last <= 1 && was_high[s]) {
				if (sy->nrebound < REPORT_REBOUND_MAX)
					sy->rebound_day[sy->nrebound] = c->day;
				sy->nrebound++;
			}
			if (sy->last >= 2)
				was_high[s] = 1;
			if (v > sy->peak) {
				sy->peak = v;
				sy->peak_day = c->day;
			}
			sy->last_day = c->day;
			sy->last = v;
			if (v > 0)
				zero_since[s] = -1;
			else if (zero_since[s] < 0)
				zero_since[s] = c->day;
		}
	}
	for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
		struct report_symptom *sy = &out->s[s];

		if (sy->peak == HG_UNRATED) {
			sy->clear = REPORT_UNRATED;
		} else if (sy->peak == 0) {
			sy->clear = REPORT_NEVER;
			sy->peak_day = -1;
		} else if (sy->last > 0) {
			sy->clear = sy->last_day < out->last_day ? REPORT_LAST_RATED
				: REPORT_NOT_YET;
		} else {
			sy->clear = REPORT_CLEARED;
			sy->clear_day = zero_since[s];
		}
	}
}

/* ---- wording shared by the formats ------------------------------------ */

void report_peak_text(const struct report_symptom *s, char *buf, size_t len)
{
	if (s->peak == HG_UNRATED)
		snprintf(buf, len, "not rated");
	else if (s->peak == 0)
		snprintf(buf, len, "none");
	else
		snprintf(buf, len, "%d %s on day %d", s->peak, model_rating_label(s->peak),
			 s->peak_day);
}

void report_clear_short(const struct report_symptom *s, char *buf, size_t len)
{
	switch (s->clear) {
	case REPORT_UNRATED:
		snprintf(buf, len, "?");
		break;
	case REPORT_NEVER:
		snprintf(buf, len, "-");
		break;
	case REPORT_CLEARED:
		snprintf(buf, len, "%d", s->clear_day);
		break;
	case REPORT_NOT_YET:
		snprintf(buf, len, "not yet");
		break;
	case REPORT_LAST_RATED:
		snprintf(buf, len, "last %d", s->last_day);
		break;
	}
}

const char *const report_symptom_titles[HG_SYMPTOM_COUNT] = {
	"Redness", "Swelling", "Bruising", "Bleeding"
};

const char report_compare_legend[] =
	"- never above none, ? not rated, not yet: still above none at its last"
	" rating, last N: above none when last rated on day N.  The average counts the earlier treatments where the symptom"
	" cleared.";

static void compare_values(struct report_cmp_row *row, const struct report_summary *s)
{
	for (int k = 0; k < HG_SYMPTOM_COUNT; k++)
		report_clear_short(&s->s[k], row->v[k], sizeof row->v[k]);
}

size_t report_compare_rows(const struct report_item *it, struct report_cmp_row *rows)
{
	const struct report_earlier *e = &it->earlier;
	char date[HG_DATE_LEN];
	size_t n = 0;

	if (e->total == 0)
		return 0;
	memset(rows, 0, REPORT_CMP_ROWS * sizeof *rows);
	rows[n].this_one = 1;
	date_format(it->r->t.date, rows[n].what);
	rows[n].area = it->r->t.area;
	compare_values(&rows[n++], it->sum);
	for (size_t i = 0; i < e->shown; i++) {
		date_format(e->past[i]->date, date);
		snprintf(rows[n].what, sizeof rows[n].what, "#%lld: %s",
			 (long long)e->past[i]->id, date);
		rows[n].area = e->past[i]->area;
		compare_values(&rows[n++], &e->past[i]->sum);
	}
	snprintf(rows[n].what, sizeof rows[n].what, "average of %zu earlier", e->total);
	for (int k = 0; k < HG_SYMPTOM_COUNT; k++) {
		if (e->avg_n[k])
			snprintf(rows[n].v[k], sizeof rows[n].v[k], "%.1f", e->avg[k]);
		else
			snprintf(rows[n].v[k], sizeof rows[n].v[k], "n/a");
	}
	return n + 1;
}

const char *report_clear_name(enum report_clear c)
{
	static const char *const names[] = {
		"unrated", "never", "cleared", "not-yet", "last-rated"
	};

	return names[c];
}

void report_sign_days(struct strbuf *sb, const struct hg_recovery *r, enum hg_sign sign)
{
	int first = 1;

	for (size_t i = 0; i < r->ndays; i++)
		if (r->days[i].signs & HG_BIT(sign)) {
			sb_printf(sb, first ? "%d" : ", %d", r->days[i].day);
			first = 0;
		}
}

void report_care_days(struct strbuf *sb, const struct hg_recovery *r, enum hg_care care)
{
	int first = 1;

	for (size_t i = 0; i < r->ndays; i++)
		if (r->days[i].care & HG_BIT(care)) {
			sb_printf(sb, first ? "%d" : ", %d", r->days[i].day);
			first = 0;
		}
}

void report_rebound_days(struct strbuf *sb, const struct report_symptom *s)
{
	int n = s->nrebound < REPORT_REBOUND_MAX ? s->nrebound : REPORT_REBOUND_MAX;

	for (int i = 0; i < n; i++)
		sb_printf(sb, i ? ", %d" : "%d", s->rebound_day[i]);
	if (s->nrebound > n)
		sb_printf(sb, " and %d more", s->nrebound - n);
}

void report_high_text(const struct report_summary *s, char *buf, size_t len)
{
	char temp[16];

	if (s->high_day < 0) {
		snprintf(buf, len, "none at 37.5 C or above, no fever ticked");
	} else if (s->high_temp != HG_TEMP_NONE) {
		model_format_temp(s->high_temp, temp, sizeof temp);
		snprintf(buf, len, "%s C on day %d, the last at 37.5 C or above", temp,
			 s->high_day);
	} else {
		snprintf(buf, len, "fever ticked on day %d, the last above normal", s->high_day);
	}
}

void report_today_text(struct strbuf *sb, const struct report_item *it)
{
	if (it->today_day < 0)
		sb_printf(sb, "planned, starts in %d day%s", -it->today_day,
			  it->today_day == -1 ? "" : "s");
	else
		sb_printf(sb, "day %d after treatment%s", it->today_day,
			  it->today_day >= it->r->t.window ? " (past its window)" : "");
}

void report_ref_id(const struct report_item *it, const struct hg_flag_ref *ref, char *buf,
		   size_t len)
{
	int kind = ref->kind ? rules_kind_lookup(ref->kind) : rules_rule_kind(ref->rule, &it->r->t);

	snprintf(buf, len, "%s@%d", kind >= 0 ? rules_kind_name((enum hg_kind)kind) : ref->rule,
		 ref->date - it->r->t.date);
}

void report_action_refs(struct strbuf *sb, const struct report_item *it,
			const struct hg_action *a)
{
	for (size_t j = 0; j < a->nresolves; j++) {
		const struct hg_flag_ref *ref = &a->resolves[j];
		const struct hg_flag *f = rules_find_flag(it->flags, it->nflags, &it->r->t, ref,
							  a->date);
		char id[HG_FLAG_ID_MAX];

		if (f)
			snprintf(id, sizeof id, "%s", f->id);
		else
			report_ref_id(it, ref, id, sizeof id);
		sb_printf(sb, "%s%s%s", j ? ", " : "", id, f ? "" : " (no longer raised)");
	}
}

size_t report_strip_pick(const int *days, size_t n, const int *want, const int *want_last,
			 size_t nwant, size_t pick[REPORT_STRIP_MAX])
{
	size_t first[HG_WINDOW_MAX + 1], ndays = 0, k = 0;
	unsigned char taken[HG_WINDOW_MAX + 1];

	/* One photo a day: the first of each day. */
	for (size_t i = 0; i < n && ndays < HG_WINDOW_MAX + 1; i++)
		if (i == 0 || days[i] != days[i - 1])
			first[ndays++] = i;
	if (ndays <= REPORT_STRIP_MAX) {
		for (size_t i = 0; i < ndays; i++)
			pick[k++] = first[i];
		return k;
	}
	memset(taken, 0, sizeof taken);
	/* Day 0 (or the first), then the latest. */
	taken[0] = taken[ndays - 1] = 1;
	k = 2;
	/* Each problem's worst day: the first photo on or after it, within
	 * the problem's days. */
	for (size_t w = 0; w < nwant && k < REPORT_STRIP_MAX; w++)
		for (size_t j = 0; j < ndays; j++)
			if (days[first[j]] >= want[w]) {
				if (days[first[j]] <= want_last[w] && !taken[j]) {
					taken[j] = 1;
					k++;
				}
				break;
			}
	/* Room left: days spread evenly between. */
	for (size_t j = 1; k < REPORT_STRIP_MAX && j + 1 < REPORT_STRIP_MAX; j++) {
		size_t at = j * (ndays - 1) / (REPORT_STRIP_MAX - 1);

		while (at < ndays - 1 && taken[at])
			at++;
		if (!taken[at]) {
			taken[at] = 1;
			k++;
		}
	}
	k = 0;
	for (size_t j = 0; j < ndays; j++)
		if (taken[j])
			pick[k++] = first[j];
	return k;
}

void report_put_int(struct strbuf *sb, long v)
{
	char buf[24];
	size_t i = sizeof buf;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;

	do {
		buf[--i] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		buf[--i] = '-';
	sb_add(sb, buf + i, sizeof buf - i);
}

/* Days without a check-in from day d on (k: index of the first check-in
 * on or after d), up to the end of the table. */
static int gap_run(const struct report_item *it, int d, size_t k)
{
	int next = k < it->r->ndays ? it->r->days[k].day : it->rows;

	if (next > it->rows)
		next = it->rows;
	return next > d ? next - d : 0;
}

int report_day_row(const struct report_item *it, int d, size_t *k, struct report_day *row)
{
	const struct hg_recovery *r = it->r;

	while (*k < r->ndays && r->days[*k].day < d)
		(*k)++;
	row->c = *k < r->ndays && r->days[*k].day == d ? &r->days[*k] : NULL;
	row->last = d;
	if (!row->c && gap_run(it, d, *k) >= REPORT_GAP_MIN)
		row->last = d + gap_run(it, d, *k) - 1;
	return row->last + 1;
}

/* ---- the loop --------------------------------------------------------- */

struct report_run {
	FILE *out;
	const struct report_writer *w;
	struct report_doc doc;
	int64_t tid;                    /* 0: every treatment */
	int begun;                      /* the beginning is written */
	int done;                       /* tid has been written */
	struct strbuf sb;
	/* The treatments seen so far: the latest few, and sums for averages. */
	struct report_past ring[REPORT_COMPARE_MAX];
	size_t total;
	double sum[HG_SYMPTOM_COUNT];
	int n[HG_SYMPTOM_COUNT];
	struct hg_profile profile;      /* doc.profile points here when set */
};

static void history_add(struct report_run *run, const struct hg_recovery *r,
			const struct report_summary *s)
{
	struct report_past *p = &run->ring[run->total % REPORT_COMPARE_MAX];

	free(p->area);
	p->id = r->t.id;
	p->date = r->t.date;
	p->area = xstrdup(r->t.area ? r->t.area : "");
	p->sum = *s;
	run->total++;
	for (int k = 0; k < HG_SYMPTOM_COUNT; k++)
		if (s->s[k].clear == REPORT_CLEARED) {
			run->sum[k] += s->s[k].clear_day;
			run->n[k]++;
		}
}

static void history_fill(const struct report_run *run, struct report_earlier *e)
{
	memset(e, 0, sizeof *e);
	e->total = run->total;
	for (size_t k = 0; k < REPORT_COMPARE_MAX && k < run->total; k++)
		e->past[e->shown++] = &run->ring[(run->total - 1 - k) % REPORT_COMPARE_MAX];
	for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
		e->avg_n[s] = run->n[s];
		e->avg[s] = run->n[s] ? run->sum[s] / run->n[s] : 0;
	}
}

static void item_fill(struct report_item *it, const struct hg_recovery *r,
		      const struct report_summary *sum, int today)
{
	int last = sum->last_day;

	it->r = r;
	it->sum = sum;
	it->today_day = today - r->t.date;
	if (it->today_day >= 0) {
		int upto = it->today_day < r->t.window - 1 ? it->today_day : r->t.window - 1;
		if (upto > last)
			last = upto;
	}
	if (last >= HG_WINDOW_MAX)
		last = HG_WINDOW_MAX - 1;
	it->rows = last + 1;

}

static void flush(FILE *out, struct strbuf *sb)
{
	if (sb->len)
		fwrite(sb->s, 1, sb->len, out);
	sb->len = 0;
	if (sb->s)
		sb->s[0] = '\0';
}

struct report_run *report_start(FILE *out, enum report_format fmt, int64_t tid, int today)
{
	struct report_run *run = xcalloc(1, sizeof *run);

	run->out = out;
	run->w = writers[fmt];
	run->tid = tid;
	run->doc.today = today;
	run->doc.all = tid == 0;
	run->doc.paper = REPORT_PAPER_A4;
	/* The beginning waits for the first treatment, so a report of a
	 * treatment that is not there writes nothing at all. */
	return run;
}

void report_set_paper(struct report_run *run, enum report_paper paper)
{
	run->doc.paper = paper;
}

void report_set_profile(struct report_run *run, const struct hg_profile *p)
{
	db_profile_free(&run->profile);
	run->doc.profile = NULL;
	if (!p || ((!p->name || !*p->name) && !p->has_born && (!p->clinic || !*p->clinic)))
		return;
	run->profile.name = xstrdup(p->name ? p->name : "");
	run->profile.clinic = xstrdup(p->clinic ? p->clinic : "");
	run->profile.born = p->born;
	run->profile.has_born = p->has_born;
	run->doc.profile = &run->profile;
}

/* Open flags first, then in care, then settled (by level within each);
 * counts the open ones by level. */
static void flags_order(struct report_item *it, struct hg_flag *flags, size_t n)
{
	rules_sort_by_status(flags, n);
	for (size_t i = 0; i < n && flags[i].status == HG_STATUS_OPEN; i++) {
		it->open[flags[i].level]++;
		it->nopen++;
	}
}

int report_add(struct report_run *run, const struct hg_recovery *r)
{
	return report_add_with(run, r, NULL);
}

int report_add_with(struct report_run *run, const struct hg_recovery *r,
		    const struct report_extra *x)
{
	struct report_summary sum;

	if (run->done)
		return HG_OK;
	report_summarize(r, &sum);
	if (run->tid == 0 || r->t.id == run->tid) {
		struct report_item it;
		struct hg_flag *flags = NULL;
		size_t nflags = 0;

		if (!run->begun) {
			run->w->begin(&run->sb, &run->doc);
			run->begun = 1;
		}
		memset(&it, 0, sizeof it);
		rules_eval(r, x ? x->actions : NULL, x ? x->nactions : 0, &flags, &nflags);
		if (x) {
			it.actions = x->actions;
			it.nactions = x->nactions;
			it.photos = x->photos;
			it.nphotos = x->nphotos;
			it.photos_total = x->photos_total;
			it.medicines = x->medicines;
			it.nmedicines = x->nmedicines;
			it.later_same_area = x->later_same_area;
		}
		flags_order(&it, flags, nflags);
		it.index = run->doc.count;
		it.flags = flags;
		it.nflags = nflags;
		item_fill(&it, r, &sum, run->doc.today);
		history_fill(run, &it.earlier);
		{
			struct rdoc d;

			rdoc_compose(&d, &run->doc, &it);
			run->w->treatment(&run->sb, &run->doc, &d);
			rdoc_free(&d);
		}
		run->doc.count++;
		rules_flags_free(flags, nflags);
		if (run->sb.len >= FLUSH_AT)
			flush(run->out, &run->sb);
		/* Later treatments are not "earlier" for anyone in this report. */
		if (run->tid)
			run->done = 1;
	}
	history_add(run, r, &sum);
	return HG_OK;
}

int report_wants_more(const struct report_run *run)
{
	return !run->done;
}

int report_finish(struct report_run *run)
{
	int rc = HG_OK;

	if (run->tid && !run->done) {
		rc = hg_fail(HG_ERR_INPUT, "no treatment %lld", (long long)run->tid);
	} else {
		if (!run->begun)
			run->w->begin(&run->sb, &run->doc);
		run->w->end(&run->sb, &run->doc);
		flush(run->out, &run->sb);
		if (run->doc.failed)
			rc = hg_fail(HG_ERR_RUNTIME, "cannot draw the PDF report");
		else if (fflush(run->out) != 0 || ferror(run->out))
			rc = hg_fail(HG_ERR_RUNTIME, "cannot write the report: %s",
				     strerror(errno));
	}
	for (size_t i = 0; i < REPORT_COMPARE_MAX; i++)
		free(run->ring[i].area);
	db_profile_free(&run->profile);
	sb_free(&run->sb);
	free(run);
	return rc;
}

/* For db_recovery_each: stop the walk once nothing more can change the
 * report (the one treatment asked for is written). */
enum { WALK_DONE = 100 };

struct walk {
	struct report_run *run;
	struct hg_db *db;
	int thumbs;                     /* the format shows the photos */
};

/* The medicines of treatment tid, by their first day. */
static int medicines_get(struct hg_db *db, int64_t tid, struct hg_medicine **out, size_t *n)
{
	return db_medicine_list(db, tid, out, n);
}

/* The days the strip wants besides the first and the latest: each
 * problem's worst day (the first day of its highest level), most serious
 * problem first, and the last day it may be shown. */
static size_t strip_wants(const struct hg_recovery *r, const struct hg_action *actions,
			  size_t nactions, int *want, int *last, size_t max)
{
	struct hg_flag *flags = NULL;
	size_t nflags = 0, n = 0;

	rules_eval(r, actions, nactions, &flags, &nflags);
	/* rules_eval sorts by level, then day. */
	for (size_t i = 0; i < nflags && n < max; i++) {
		const struct hg_flag *f = &flags[i];
		int worst = f->last_day;

		/* the first day a finding reached the flag's level */
		for (size_t k = 0; k < f->nfindings; k++)
			if (f->findings[k].level == f->level && f->findings[k].day < worst)
				worst = f->findings[k].day;
		want[n] = worst;
		last[n] = f->settled_day >= 0 ? f->settled_day : r->t.window - 1;
		n++;
	}
	rules_flags_free(flags, nflags);
	return n;
}

/* The actions, medicines and strip photos of r, then report_add_with. */
static int add_one(const struct hg_recovery *r, size_t i, size_t n, void *arg)
{
	struct walk *w = arg;
	struct report_run *run = w->run;
	struct report_extra x;
	struct hg_action *actions = NULL;
	struct hg_medicine *medicines = NULL;
	struct hg_photo_info *info = NULL;
	struct report_photo photos[REPORT_STRIP_MAX];
	size_t nactions = 0, nmedicines = 0, ninfo = 0;
	int rc = HG_OK;

	(void)i;
	(void)n;
	memset(&x, 0, sizeof x);
	memset(photos, 0, sizeof photos);
	if (run->done || (run->tid && r->t.id != run->tid))
		return report_add(run, r);
	rc = db_action_list(w->db, r->t.id, &actions, &nactions);
	if (rc == HG_OK)
		rc = medicines_get(w->db, r->t.id, &medicines, &nmedicines);
	if (rc == HG_OK)
		rc = record_later_same_area(w->db, &r->t, run->doc.today, &x.later_same_area);
	if (rc == HG_OK)
		rc = db_photo_days(w->db, r->t.id, r->t.date, &info, &ninfo);
	if (rc == HG_OK && ninfo) {
		int *days = xmalloc(ninfo * sizeof *days);
		int want[REPORT_STRIP_MAX], want_last[REPORT_STRIP_MAX];
		size_t pick[REPORT_STRIP_MAX], nwant;

		for (size_t k = 0; k < ninfo; k++)
			days[k] = info[k].day;
		nwant = strip_wants(r, actions, nactions, want, want_last, REPORT_STRIP_MAX);
		x.nphotos = report_strip_pick(days, ninfo, want, want_last, nwant, pick);
		free(days);
		/* Only the photos shown are read, and only their thumbnails. */
		for (size_t k = 0; k < x.nphotos && rc == HG_OK; k++) {
			const struct hg_photo_info *p = &info[pick[k]];
			unsigned char *data = NULL;
			struct hg_photo_info got;

			photos[k].id = p->id;
			photos[k].day = p->day;
			photos[k].date = p->date;
			if (w->thumbs) {
				rc = db_photo_get(w->db, p->id, 1, &got, &data, &photos[k].len);
				photos[k].thumb = data;
			}
		}
	}
	if (rc == HG_OK) {
		x.actions = actions;
		x.nactions = nactions;
		x.medicines = medicines;
		x.nmedicines = nmedicines;
		x.photos = photos;
		x.photos_total = ninfo;
		rc = report_add_with(run, r, &x);
	}
	for (size_t k = 0; k < REPORT_STRIP_MAX; k++)
		free((void *)photos[k].thumb);
	free(info);
	model_actions_free(actions, nactions);
	model_medicines_free(medicines, nmedicines);
	return rc == HG_OK && !report_wants_more(run) ? WALK_DONE : rc;
}

int report_write_db(FILE *out, struct hg_db *db, int64_t tid, enum report_format fmt,
		    int today)
{
	return report_write_db_paper(out, db, tid, fmt, today, REPORT_PAPER_A4);
}

int report_write_db_paper(FILE *out, struct hg_db *db, int64_t tid, enum report_format fmt,
			  int today, enum report_paper paper)
{
	struct report_run *run = report_start(out, fmt, tid, today);
	struct walk w = { run, db, fmt == REPORT_HTML || fmt == REPORT_PDF };
	struct hg_profile prof;
	int found = 0, rc, rc2;

	report_set_paper(run, paper);
	memset(&prof, 0, sizeof prof);
	rc = db_profile_get(db, &prof, &found);
	if (rc == HG_OK) {
		if (found)
			report_set_profile(run, &prof);
		db_profile_free(&prof);
		rc = db_recovery_each(db, add_one, &w);
	}
	rc2 = report_finish(run);

	if (rc == WALK_DONE)
		rc = HG_OK;
	return rc != HG_OK ? rc : rc2;
}

void report_profile_line(struct strbuf *sb, const struct hg_profile *p,
			 void (*put)(struct strbuf *, const char *))
{
	int any = 0;

	if (p->name && *p->name) {
		put(sb, p->name);
		any = 1;
	}
	if (p->has_born) {
		char born[HG_DATE_LEN];

		date_format(p->born, born);
		sb_printf(sb, "%sborn %s", any ? ", " : "", born);
		any = 1;
	}
	if (p->clinic && *p->clinic) {
		sb_puts(sb, any ? "; clinic: " : "clinic: ");
		put(sb, p->clinic);
	}
}

/* text with its line breaks kept and every other control character made
 * a space, valid UTF-8 (hg_sanitize line by line).  Caller frees. */
char *report_clean_lines(const char *text)
{
	struct strbuf sb = STRBUF_INIT;

	for (const char *p = text; ; ) {
		size_t n = strcspn(p, "\n");
		char *line = xmalloc(n + 1), *clean;

		memcpy(line, p, n);
		line[n] = '\0';
		clean = hg_sanitize(line);
		sb_puts(&sb, clean);
		free(clean);
		free(line);
		p += n;
		if (!*p)
			break;
		p++;
		sb_putc(&sb, '\n');
	}
	return sb_detach(&sb);
}
