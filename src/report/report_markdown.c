/* report_markdown.c — the report as Markdown: headings, bullet lists and
 * pipe tables that render on any CommonMark/GFM viewer.  User text is
 * escaped so it always renders as the text typed (never as markup or
 * HTML); line breaks inside a note become <br>.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "healgrid/date.h"
#include "report_int.h"

/* Append s as literal Markdown text. */
static void md(struct strbuf *sb, const char *s)
{
	const char *p = s;

	for (;;) {
		size_t n = strcspn(p, "\n");
		char *line = xmalloc(n + 1), *clean;

		memcpy(line, p, n);
		line[n] = '\0';
		clean = hg_sanitize(line);
		for (const char *q = clean; *q; q++) {
			switch (*q) {
			case '&': sb_puts(sb, "&amp;"); break;
			case '<': sb_puts(sb, "&lt;"); break;
			case '>': sb_puts(sb, "&gt;"); break;
			case '\\': case '`': case '*': case '_': case '[': case ']':
			case '|': case '#': case '~': case '!': case '(': case ')':
			case '{': case '}':
				sb_putc(sb, '\\');
				sb_putc(sb, *q);
				break;
			default:
				sb_putc(sb, *q);
			}
		}
		free(clean);
		free(line);
		p += n;
		if (!*p)
			break;
		p++;
		if (*p)
			sb_puts(sb, "<br>");
	}
}

static void md_begin(struct strbuf *sb, const struct report_doc *doc)
{
	char today[HG_DATE_LEN];

	date_format(doc->today, today);
	sb_printf(sb, "# Recovery report\n\n"
		  "The recovery after microneedling as recorded day by day in healgrid,"
		  " with the warning flags its rules raised.  Made on %s%s\n\n"
		  "> **%s**\n", today, doc->all ? " for all treatments." : ".", report_notice);
	if (doc->profile) {
		sb_puts(sb, "\n**Patient:** ");
		report_profile_line(sb, doc->profile, md);
		sb_putc(sb, '\n');
	}
}

static void details(struct strbuf *sb, const struct report_item *it)
{
	const struct hg_treatment *t = &it->r->t;
	char date[HG_DATE_LEN], end[HG_DATE_LEN], depth[32];
	int any = 0;

	date_format(t->date, date);
	date_format(t->date + t->window - 1, end);
	model_format_depth(t->depth, depth, sizeof depth);
	sb_printf(sb, "\n## Treatment %lld: ", (long long)t->id);
	md(sb, t->area);
	sb_printf(sb, ", treated %s\n\n", date);
	sb_printf(sb, "- **Device:** %s device, needle depth %s%s\n", model_device_name(t->device),
		  depth, t->depth > 0 ? " mm" : "");
	if (t->skin_type != HG_SKIN_NONE)
		sb_printf(sb, "- **Skin type:** Fitzpatrick %s\n", model_skin_type_name(t->skin_type));
	else
		sb_puts(sb, "- **Skin type:** not recorded\n");
	sb_printf(sb, "- **Expected:** redness and swelling usually settle within about %d days\n",
		  it->sum->downtime);
	if (t->products && *t->products) {
		sb_puts(sb, "- **Products:** ");
		md(sb, t->products);
		sb_putc(sb, '\n');
	}
	sb_puts(sb, "- **Risks:** ");
	for (int i = 0; i < HG_RISK_COUNT; i++)
		if (t->risks & HG_BIT(i)) {
			sb_printf(sb, "%s%s", any ? ", " : "", model_risk_name((enum hg_risk)i));
			any = 1;
		}
	sb_printf(sb, "%s\n- **Tracked:** %d days, %s to %s", any ? "" : "none recorded",
		  t->window, date, end);
	if (it->today_day < 0)
		sb_printf(sb, "; starts in %d day%s", -it->today_day, it->today_day == -1 ? "" : "s");
	else if (it->today_day < t->window)
		sb_printf(sb, "; today is day %d", it->today_day);
	else
		sb_puts(sb, "; ended");
	sb_printf(sb, "\n- **Check-ins:** %d of the %d day%s shown below\n", it->sum->checkins,
		  it->rows, it->rows == 1 ? "" : "s");
	if (t->note && *t->note) {
		sb_puts(sb, "- **Note:** ");
		md(sb, t->note);
		sb_putc(sb, '\n');
	}
}

static void summary(struct strbuf *sb, const struct report_item *it)
{
	struct strbuf line = STRBUF_INIT;
	char buf[96];

	sb_puts(sb, "\n### Summary\n\n- **Today:** ");
	report_today_text(sb, it);
	sb_puts(sb, "\n- **Open flags:** ");
	report_open_text(sb, it);
	sb_putc(sb, '\n');
	for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
		sb_printf(sb, "- **%s:** ", report_symptom_titles[s]);
		report_symptom_state(sb, &it->sum->s[s]);
		sb_putc(sb, '\n');
	}
	report_high_text(it->sum, buf, sizeof buf);
	sb_printf(sb, "- **Temperature:** %s\n- **Care:** ", buf);
	report_care_text(&line, it->r);
	sb_printf(sb, "%s\n", sb_str(&line));
	if (it->photos_total) {
		sb_printf(sb, "- **Photos:** %zu; the strip shows day%s ", it->photos_total,
			  it->nphotos > 1 ? "s" : "");
		for (size_t i = 0; i < it->nphotos; i++)
			sb_printf(sb, "%s%d", i ? ", " : "", it->photos[i].day);
		sb_puts(sb, " (in the HTML report)\n");
	}
	sb_free(&line);
}

static void flags(struct strbuf *sb, const struct report_item *it)
{
	sb_puts(sb, "\n### Flags\n\n");
	if (it->nflags == 0) {
		sb_puts(sb, "None raised by healgrid's rules.\n");
		return;
	}
	sb_puts(sb, "| Level | Day | Date | Rule | Finding and what to do | Status |\n"
		"|---|--:|---|---|---|---|\n");
	for (size_t i = 0; i < it->nflags; i++) {
		const struct hg_flag *f = &it->flags[i];
		char date[HG_DATE_LEN];
		struct strbuf text = STRBUF_INIT;

		date_format(f->date, date);
		sb_printf(sb, "| **%s** | %d | %s | %s (%s) | ", rules_level_name(f->level),
			  f->day, date, f->id, rules_kind_name(f->kind));
		report_flag_short(&text, f);
		md(sb, sb_str(&text));
		sb_puts(sb, " | ");
		text.len = 0;
		report_flag_status(&text, f);
		sb_printf(sb, f->status == HG_STATUS_OPEN ? "**%s**" : "%s", sb_str(&text));
		if (report_flag_action(f)) {
			date_format(report_flag_action(f)->date, date);
			sb_printf(sb, "; done %s: ", date);
			md(sb, report_flag_action(f)->text);
		}
		sb_puts(sb, " |\n");
		sb_free(&text);
	}
	sb_putc(sb, '\n');
	for (int l = 0; l < HG_LEVEL_COUNT; l++)
		sb_printf(sb, "%s%s: %s", l ? "; " : "", rules_level_name((enum hg_level)l),
			  rules_level_action((enum hg_level)l));
	sb_puts(sb, ".\n");
}

static void done(struct strbuf *sb, const struct report_item *it)
{
	sb_puts(sb, "\n### What was done\n\n");
	if (!it->nactions) {
		sb_puts(sb, "No actions recorded.\n");
		return;
	}
	for (size_t i = 0; i < it->nactions; i++) {
		const struct hg_action *a = &it->actions[i];
		char date[HG_DATE_LEN];

		date_format(a->date, date);
		sb_printf(sb, "- **%s** (day %d): ", date, a->date - it->r->t.date);
		md(sb, a->text);
		if (a->nresolves) {
			struct strbuf refs = STRBUF_INIT;

			report_action_refs(&refs, it, a);
			sb_puts(sb, " (resolves ");
			md(sb, sb_str(&refs));
			sb_putc(sb, ')');
			sb_free(&refs);
		}
		sb_putc(sb, '\n');
	}
}

static void symptoms(struct strbuf *sb, const struct report_item *it)
{
	sb_puts(sb, "\n### Symptoms: peak and days to clear\n\n"
		"| Symptom | Peak | Rated none from |\n|---|---|---|\n");
	for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
		char peak[64], clear[64];

		report_peak_text(&it->sum->s[s], peak, sizeof peak);
		report_clear_text(&it->sum->s[s], clear, sizeof clear);
		sb_printf(sb, "| %s | %s | %s |\n", model_symptom_name((enum hg_symptom)s),
			  peak, clear);
	}
}

static void day_table(struct strbuf *sb, const struct report_item *it)
{
	const struct hg_recovery *r = it->r;
	size_t k = 0;

	sb_puts(sb, "\n### Day by day\n\n0 none, 1 mild, 2 moderate, 3 severe, - not rated."
		"  Flag: the most serious flag first raised that day.\n\n");
	if (it->rows == 0) {
		sb_puts(sb, "No days to show yet.\n");
		return;
	}
	sb_puts(sb, "| Day | Date | Redness | Swelling | Bruising | Bleeding | Flag | Warning signs |\n"
		"|--:|---|:-:|:-:|:-:|:-:|---|---|\n");
	for (int d = 0, next; d < it->rows; d = next) {
		struct report_day row;
		const struct hg_checkin *c;
		char date[HG_DATE_LEN];

		next = report_day_row(it, d, &k, &row);
		c = row.c;
		date_format(r->t.date + d, date);
		if (row.last > d) {
			int last = row.last;
			char end[HG_DATE_LEN];

			date_format(r->t.date + last, end);
			sb_printf(sb, "| %d-%d | %s to %s | | | | | | *no check-ins* |\n", d, last,
				  date, end);
			continue;
		}
		sb_printf(sb, "| %d | %s |", d, date);
		for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
			if (c && c->rating[s] != HG_UNRATED)
				sb_printf(sb, " %d |", c->rating[s]);
			else
				sb_puts(sb, " - |");
		}
		sb_printf(sb, " %s |", it->level_on[d] >= 0
			  ? rules_level_name((enum hg_level)it->level_on[d]) : "");
		if (!c) {
			sb_puts(sb, " *no check-in* |\n");
			continue;
		}
		int first = 1;
		for (int g = 0; g < HG_SIGN_COUNT; g++)
			if (c->signs & HG_BIT(g)) {
				sb_printf(sb, "%s%s", first ? " " : ", ", model_sign_name((enum hg_sign)g));
				first = 0;
			}
		/* the temperature and care of the day follow its signs */
		if (c->temp != HG_TEMP_NONE) {
			char temp[16];

			model_format_temp(c->temp, temp, sizeof temp);
			sb_printf(sb, "%s%s C", first ? " " : "; ", temp);
			first = 0;
		}
		for (int g = 0, one = 1; g < HG_CARE_COUNT; g++)
			if (c->care & HG_BIT(g)) {
				sb_printf(sb, "%s%s", one ? (first ? " care: " : "; care: ") : ", ",
					  model_care_name((enum hg_care)g));
				one = 0;
			}
		sb_puts(sb, " |\n");
	}
}

static void signs(struct strbuf *sb, const struct report_item *it)
{
	unsigned seen = 0;

	for (size_t i = 0; i < it->r->ndays; i++)
		seen |= it->r->days[i].signs;
	sb_puts(sb, "\n### Warning signs by day\n\n");
	if (!seen) {
		sb_puts(sb, "None ticked.\n");
		return;
	}
	for (int g = 0; g < HG_SIGN_COUNT; g++) {
		struct strbuf days = STRBUF_INIT;

		if (!(seen & HG_BIT(g)))
			continue;
		report_sign_days(&days, it->r, (enum hg_sign)g);
		sb_printf(sb, "- **%s** (%s): day%s %s\n", model_sign_name((enum hg_sign)g),
			  model_sign_label((enum hg_sign)g), strchr(sb_str(&days), ',') ? "s" : "",
			  sb_str(&days));
		sb_free(&days);
	}
}

static void notes(struct strbuf *sb, const struct report_item *it)
{
	int any = 0;

	sb_puts(sb, "\n### Notes\n\n");
	for (size_t i = 0; i < it->r->ndays; i++) {
		const struct hg_checkin *c = &it->r->days[i];
		char date[HG_DATE_LEN];

		if (!c->note || !*c->note)
			continue;
		date_format(it->r->t.date + c->day, date);
		sb_printf(sb, "- **Day %d, %s:** ", c->day, date);
		md(sb, c->note);
		sb_putc(sb, '\n');
		any = 1;
	}
	if (!any)
		sb_puts(sb, "No notes on any day.\n");
}

static void comparison(struct strbuf *sb, const struct report_item *it)
{
	struct report_cmp_row rows[REPORT_CMP_ROWS];
	size_t n = report_compare_rows(it, rows);

	sb_puts(sb, "\n### Compared with earlier treatments\n\n");
	if (n == 0) {
		sb_puts(sb, "No earlier treatment to compare with.\n");
		return;
	}
	sb_puts(sb, "Day each symptom was rated none.\n\n| Treatment |");
	for (int k = 0; k < HG_SYMPTOM_COUNT; k++)
		sb_printf(sb, " %s |", report_symptom_titles[k]);
	sb_puts(sb, "\n|---|--:|--:|--:|--:|\n");
	for (size_t i = 0; i < n; i++) {
		sb_printf(sb, "| %s%s", rows[i].this_one ? "**this one:** " : "", rows[i].what);
		if (rows[i].area) {
			sb_putc(sb, ' ');
			md(sb, rows[i].area);
		}
		sb_puts(sb, " |");
		for (int k = 0; k < HG_SYMPTOM_COUNT; k++)
			sb_printf(sb, " %s |", rows[i].v[k]);
		sb_putc(sb, '\n');
	}
	sb_printf(sb, "\n\\%s\n", report_compare_legend);
}

static void md_treatment(struct strbuf *sb, const struct report_doc *doc,
			 const struct report_item *it)
{
	(void)doc;
	details(sb, it);
	summary(sb, it);
	flags(sb, it);
	done(sb, it);
	symptoms(sb, it);
	day_table(sb, it);
	signs(sb, it);
	notes(sb, it);
	comparison(sb, it);
}

static void md_end(struct strbuf *sb, const struct report_doc *doc)
{
	char today[HG_DATE_LEN];

	date_format(doc->today, today);
	if (doc->all && doc->count == 0)
		sb_puts(sb, "\nNo treatments recorded yet.\n");
	sb_printf(sb, "\n---\n\n*%s*  Made on %s by healgrid.\n", report_notice, today);
}

const struct report_writer report_markdown_writer = {
	md_begin, md_treatment, md_end
};
