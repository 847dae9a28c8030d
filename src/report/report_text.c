/* report_text.c — the report as plain text for `lpr`: every line at most
 * 80 columns (display width, so wide characters count twice), no escape
 * codes (user text goes through hg_sanitize), notes word-wrapped (util's
 * hg_wrap).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "healgrid/date.h"
#include "report_int.h"

enum { WIDTH = 80 };

/* ---- columns and wrapping --------------------------------------------- */

/* Printable ASCII only: one column a byte, nothing to sanitise. */
static int plain_ascii(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)p[i] < 0x20 || (unsigned char)p[i] > 0x7E)
			return 0;
	return 1;
}

/* Append s cut to at most w columns, then pad to w columns. */
static void cell(struct strbuf *sb, const char *s, int w)
{
	int used;
	char *clean = hg_sanitize(s);

	sb_add(sb, clean, hg_utf8_fit_n(clean, strlen(clean), w, &used));
	hg_spaces(sb, w - used);
	free(clean);
}

/* Right-align s in w columns (s is ASCII made here). */
static void rcell(struct strbuf *sb, const char *s, int w)
{
	hg_spaces(sb, w - (int)strlen(s));
	sb_puts(sb, s);
}

/* Display columns of the last line in sb. */
static int line_col(const struct strbuf *sb)
{
	size_t start = sb->len;

	while (start > 0 && sb->s[start - 1] != '\n')
		start--;
	return hg_utf8_width_n(sb->s + start, sb->len - start);
}

/* Pad the last line of sb with spaces up to column col. */
static void to_col(struct strbuf *sb, int col)
{
	hg_spaces(sb, col - line_col(sb));
}

/* Drop spaces at the end of the last line. */
static void trim(struct strbuf *sb)
{
	while (sb->len && sb->s[sb->len - 1] == ' ')
		sb->s[--sb->len] = '\0';
}

/* Append prefix then text, word-wrapped to WIDTH; continuation lines are
 * indented by `indent`.  Line breaks in text are kept, other control
 * characters become spaces, runs of spaces collapse.  Ends with '\n'. */
static void wrap(struct strbuf *sb, const char *prefix, const char *text, int indent)
{
	struct hg_wrap w;
	char *clean;
	const char *p;

	sb_puts(sb, prefix);
	hg_wrap_start(&w, sb, WIDTH, indent);
	for (p = text; ; ) {
		size_t n = strcspn(p, "\n");
		const char *q, *end;

		/* Most notes are plain ASCII: only copy and clean the rest. */
		clean = NULL;
		if (plain_ascii(p, n)) {
			q = p;
			end = p + n;
		} else {
			char *line = xmalloc(n + 1);

			memcpy(line, p, n);
			line[n] = '\0';
			clean = hg_sanitize(line);
			free(line);
			q = clean;
			end = clean + strlen(clean);
		}
		hg_wrap_words(&w, q, (size_t)(end - q));
		free(clean);
		p += n;
		if (!*p)
			break;
		p++;
		if (*p)
			hg_wrap_newline(&w);
	}
	sb_putc(sb, '\n');
}

/* ---- the report ------------------------------------------------------- */

static void rule(struct strbuf *sb, char c)
{
	for (int i = 0; i < WIDTH; i++)
		sb_putc(sb, c);
	sb_putc(sb, '\n');
}

static void heading(struct strbuf *sb, const char *title)
{
	sb_printf(sb, "\n%s\n", title);
}

static const char *const level_word[HG_LEVEL_COUNT] = {
	"EMERGENCY", "URGENT", "DOCTOR", "WATCH"
};

static void text_begin(struct strbuf *sb, const struct report_doc *doc)
{
	char today[HG_DATE_LEN];

	date_format(doc->today, today);
	sb_puts(sb, "HEALGRID RECOVERY REPORT\n");
	wrap(sb, "", "The recovery after microneedling as recorded day by day in"
	     " healgrid, with the warning flags its rules raised.", 0);
	sb_printf(sb, "Made on %s%s\n", today, doc->all ? " for all treatments." : ".");
	sb_printf(sb, "%s\n", report_notice);
	if (doc->profile) {
		struct strbuf line = STRBUF_INIT;

		report_profile_line(&line, doc->profile, sb_puts);
		wrap(sb, "Patient:    ", sb_str(&line), 12);
		sb_free(&line);
	}
}

static void details(struct strbuf *sb, const struct report_item *it)
{
	const struct hg_treatment *t = &it->r->t;
	char date[HG_DATE_LEN], end[HG_DATE_LEN], depth[32];
	struct strbuf line = STRBUF_INIT;

	date_format(t->date, date);
	date_format(t->date + t->window - 1, end);
	sb_putc(sb, '\n');
	rule(sb, '=');
	sb_printf(&line, "TREATMENT %lld: %s, treated %s", (long long)t->id, t->area, date);
	wrap(sb, "", sb_str(&line), 2);
	rule(sb, '=');
	line.len = 0;
	model_format_depth(t->depth, depth, sizeof depth);
	sb_printf(&line, "%s device, needle depth %s%s", model_device_name(t->device),
		  depth, t->depth > 0 ? " mm" : "");
	wrap(sb, "Device:     ", sb_str(&line), 12);
	line.len = 0;
	if (t->skin_type != HG_SKIN_NONE) {
		sb_printf(&line, "Fitzpatrick %s", model_skin_type_name(t->skin_type));
		wrap(sb, "Skin type:  ", sb_str(&line), 12);
	} else {
		wrap(sb, "Skin type:  ", "not recorded", 12);
	}
	line.len = 0;
	sb_printf(&line, "redness and swelling usually settle within about %d days",
		  it->sum->downtime);
	wrap(sb, "Expected:   ", sb_str(&line), 12);
	if (t->products && *t->products)
		wrap(sb, "Products:   ", t->products, 12);
	line.len = 0;
	for (int i = 0; i < HG_RISK_COUNT; i++)
		if (t->risks & HG_BIT(i))
			sb_printf(&line, "%s%s", line.len ? ", " : "",
				  model_risk_name((enum hg_risk)i));
	wrap(sb, "Risks:      ", line.len ? sb_str(&line) : "none recorded", 12);
	line.len = 0;
	sb_printf(&line, "%d days, %s to %s", t->window, date, end);
	if (it->today_day < 0)
		sb_printf(&line, "; starts in %d day%s", -it->today_day,
			  it->today_day == -1 ? "" : "s");
	else if (it->today_day < t->window)
		sb_printf(&line, "; today is day %d", it->today_day);
	else
		sb_puts(&line, "; ended");
	wrap(sb, "Tracked:    ", sb_str(&line), 12);
	line.len = 0;
	sb_printf(&line, "%d of the %d day%s shown below", it->sum->checkins, it->rows,
		  it->rows == 1 ? "" : "s");
	wrap(sb, "Check-ins:  ", sb_str(&line), 12);
	if (t->note && *t->note)
		wrap(sb, "Note:       ", t->note, 12);
	sb_free(&line);
}

static void legend(struct strbuf *sb)
{
	struct strbuf l = STRBUF_INIT;

	for (int k = 0; k < HG_LEVEL_COUNT; k++)
		sb_printf(&l, "%s%s %s: %s.", k ? "  " : "",
			  rules_level_symbol_ascii((enum hg_level)k), level_word[k],
			  rules_level_action((enum hg_level)k));
	wrap(sb, "  ", sb_str(&l), 2);
	sb_free(&l);
}

static void summary(struct strbuf *sb, const struct report_item *it)
{
	struct strbuf line = STRBUF_INIT;
	char buf[96];

	heading(sb, "SUMMARY");
	report_today_text(&line, it);
	wrap(sb, "  Today:       ", sb_str(&line), 15);
	line.len = 0;
	report_open_text(&line, it);
	wrap(sb, "  Open flags:  ", sb_str(&line), 15);
	for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
		char prefix[32];

		line.len = 0;
		report_symptom_state(&line, &it->sum->s[s]);
		snprintf(prefix, sizeof prefix, "  %s:", report_symptom_titles[s]);
		snprintf(prefix + strlen(prefix), sizeof prefix - strlen(prefix), "%*s",
			 15 - (int)strlen(prefix), "");
		wrap(sb, prefix, sb_str(&line), 15);
	}
	report_high_text(it->sum, buf, sizeof buf);
	wrap(sb, "  Temperature: ", buf, 15);
	line.len = 0;
	report_care_text(&line, it->r);
	wrap(sb, "  Care:        ", sb_str(&line), 15);
	if (it->photos_total) {
		line.len = 0;
		sb_printf(&line, "%zu; the strip shows day%s ", it->photos_total,
			  it->nphotos > 1 ? "s" : "");
		for (size_t i = 0; i < it->nphotos; i++)
			sb_printf(&line, "%s%d", i ? ", " : "", it->photos[i].day);
		sb_puts(&line, " (in the HTML report)");
		wrap(sb, "  Photos:      ", sb_str(&line), 15);
	}
	sb_free(&line);
}

static void flags(struct strbuf *sb, const struct report_item *it)
{
	if (it->nflags == 0) {
		heading(sb, "FLAGS: none raised by healgrid's rules.");
		return;
	}
	sb_printf(sb, "\nFLAGS: %zu open, %zu resolved\n", it->nopen, it->nflags - it->nopen);
	for (size_t i = 0; i < it->nflags; i++) {
		const struct hg_flag *f = &it->flags[i];
		char date[HG_DATE_LEN];
		struct strbuf text = STRBUF_INIT;

		const struct hg_action *a = report_flag_action(f);

		date_format(f->date, date);
		sb_printf(sb, "  %-3s %-9s day %d, %s: %s (%s), ",
			  rules_level_symbol_ascii(f->level), level_word[f->level], f->day,
			  date, f->id, rules_kind_name(f->kind));
		report_flag_status(sb, f);
		sb_putc(sb, '\n');
		report_flag_short(&text, f);
		wrap(sb, "      ", sb_str(&text), 6);
		if (a) {
			text.len = 0;
			date_format(a->date, date);
			sb_printf(&text, "Done %s: %s", date, a->text);
			wrap(sb, "      ", sb_str(&text), 8);
		}
		sb_free(&text);
	}
	legend(sb);
}

static void done(struct strbuf *sb, const struct report_item *it)
{
	heading(sb, "WHAT WAS DONE");
	if (!it->nactions) {
		sb_puts(sb, "  No actions recorded.\n");
		return;
	}
	for (size_t i = 0; i < it->nactions; i++) {
		const struct hg_action *a = &it->actions[i];
		char date[HG_DATE_LEN], prefix[32];
		struct strbuf text = STRBUF_INIT;

		date_format(a->date, date);
		snprintf(prefix, sizeof prefix, "  %s: ", date);
		sb_puts(&text, a->text);
		if (a->nresolves) {
			sb_puts(&text, " (resolves ");
			report_action_refs(&text, it, a);
			sb_putc(&text, ')');
		}
		wrap(sb, prefix, sb_str(&text), 14);
		sb_free(&text);
	}
}

static void symptoms(struct strbuf *sb, const struct report_item *it)
{
	heading(sb, "SYMPTOMS: PEAK AND DAYS TO CLEAR");
	sb_puts(sb, "  Symptom   Peak                  Rated none from\n");
	for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
		char peak[64], clear[64];

		report_peak_text(&it->sum->s[s], peak, sizeof peak);
		report_clear_text(&it->sum->s[s], clear, sizeof clear);
		sb_printf(sb, "  %-9s %-21s %s\n", model_symptom_name((enum hg_symptom)s),
			  peak, clear);
	}
}

/* Columns of the day table: each rating sits under the middle of its
 * heading. */
enum { COL_DATE = 7, COL_RATING0 = 19, COL_FLAG = 54, COL_SIGNS = 59 };
static const int rating_col[HG_SYMPTOM_COUNT] = { 22, 30, 39, 48 };

static void day_table(struct strbuf *sb, const struct report_item *it)
{
	const struct hg_recovery *r = it->r;
	size_t k = 0;

	heading(sb, "DAY BY DAY: 0 none, 1 mild, 2 moderate, 3 severe, - not rated");
	if (it->rows == 0) {
		sb_puts(sb, "  No days to show yet.\n");
		return;
	}
	sb_puts(sb, "  Day  Date");
	to_col(sb, COL_RATING0);
	sb_puts(sb, "Redness Swelling Bruising Bleeding");
	to_col(sb, COL_FLAG);
	sb_puts(sb, "Flag Warning signs\n");
	for (int d = 0, next; d < it->rows; d = next) {
		struct report_day row;
		const struct hg_checkin *c;
		char line[COL_SIGNS + 16];
		size_t len = COL_FLAG;

		next = report_day_row(it, d, &k, &row);
		c = row.c;
		/* One row is plain ASCII at fixed columns: fill it in place. */
		memset(line, ' ', sizeof line);
		line[2] = (char)(d >= 100 ? '0' + d / 100 : ' ');
		line[3] = (char)(d >= 10 ? '0' + d / 10 % 10 : ' ');
		line[4] = (char)('0' + d % 10);
		date_format(r->t.date + d, line + COL_DATE);
		line[COL_DATE + 10] = ' ';
		for (int s = 0; s < HG_SYMPTOM_COUNT; s++)
			line[rating_col[s]] = (char)(c && c->rating[s] != HG_UNRATED
				? '0' + c->rating[s] : '-');
		len = (size_t)rating_col[HG_SYMPTOM_COUNT - 1] + 1;
		if (it->level_on[d] >= 0) {
			const char *sym = rules_level_symbol_ascii((enum hg_level)it->level_on[d]);
			/* line is a row of fixed columns, not a C string (len). */
			memcpy(line + COL_FLAG, sym, strlen(sym)); /* NOLINT(bugprone-not-null-terminated-result) */
			len = COL_FLAG + strlen(sym);
		}
		if (!c) {
			int run = row.last - d + 1;

			if (row.last > d) {
				char end[HG_DATE_LEN];

				date_format(r->t.date + d + run - 1, end);
				sb_add(sb, line, COL_DATE + 10);
				sb_printf(sb, "  to day %d, %s: no check-ins\n", d + run - 1, end);
				continue;
			}
			memcpy(line + COL_SIGNS, "(no check-in)\n", 14); /* NOLINT(bugprone-not-null-terminated-result) */
			sb_add(sb, line, COL_SIGNS + 14);
			continue;
		}
		if (!c->signs && c->temp == HG_TEMP_NONE && !c->care) {
			line[len++] = '\n';
			sb_add(sb, line, len);
			continue;
		}
		sb_add(sb, line, COL_SIGNS);
		struct strbuf list = STRBUF_INIT;
		for (int g = 0; g < HG_SIGN_COUNT; g++)
			if (c->signs & HG_BIT(g)) {
				if (list.len)
					sb_puts(&list, ", ");
				sb_puts(&list, model_sign_name((enum hg_sign)g));
			}
		/* the temperature and care of the day follow its signs */
		if (c->temp != HG_TEMP_NONE) {
			char temp[16];
			model_format_temp(c->temp, temp, sizeof temp);
			sb_printf(&list, "%s%s C", list.len ? "; " : "", temp);
		}
		for (int g = 0, first = 1; g < HG_CARE_COUNT; g++)
			if (c->care & HG_BIT(g)) {
				sb_printf(&list, "%s%s", first ? (list.len ? "; care: " : "care: ")
					  : ", ", model_care_name((enum hg_care)g));
				first = 0;
			}
		wrap(sb, "", sb_str(&list), COL_SIGNS);
		sb_free(&list);
	}
	sb_puts(sb, "  Flag: most serious flag first raised that day: !!! emergency,\n"
		"  !! urgent, ! doctor, . watch\n");
}

static void signs(struct strbuf *sb, const struct report_item *it)
{
	unsigned seen = 0;

	for (size_t i = 0; i < it->r->ndays; i++)
		seen |= it->r->days[i].signs;
	heading(sb, "WARNING SIGNS BY DAY");
	if (!seen) {
		sb_puts(sb, "  None ticked.\n");
		return;
	}
	for (int g = 0; g < HG_SIGN_COUNT; g++) {
		struct strbuf line = STRBUF_INIT, days = STRBUF_INIT;

		if (!(seen & HG_BIT(g)))
			continue;
		report_sign_days(&days, it->r, (enum hg_sign)g);
		sb_printf(&line, "  %s (%s): day%s ", model_sign_name((enum hg_sign)g),
			  model_sign_label((enum hg_sign)g), strchr(sb_str(&days), ',') ? "s" : "");
		wrap(sb, sb_str(&line), sb_str(&days), 6);
		sb_free(&line);
		sb_free(&days);
	}
}

static void notes(struct strbuf *sb, const struct report_item *it)
{
	int any = 0;

	heading(sb, "NOTES");
	for (size_t i = 0; i < it->r->ndays; i++) {
		const struct hg_checkin *c = &it->r->days[i];
		char date[HG_DATE_LEN], prefix[48];

		if (!c->note || !*c->note)
			continue;
		date_format(it->r->t.date + c->day, date);
		snprintf(prefix, sizeof prefix, "  Day %d, %s: ", c->day, date);
		wrap(sb, prefix, c->note, 4);
		any = 1;
	}
	if (!any)
		sb_puts(sb, "  No notes on any day.\n");
}

enum { CMP_LABEL = 34 };

static void compare_row(struct strbuf *sb, const char *label, const char *const v[HG_SYMPTOM_COUNT])
{
	sb_puts(sb, "  ");
	cell(sb, label, CMP_LABEL);
	for (int k = 0; k < HG_SYMPTOM_COUNT; k++)
		rcell(sb, v[k], k == 0 ? 7 : 9);
	trim(sb);
	sb_putc(sb, '\n');
}

static void comparison(struct strbuf *sb, const struct report_item *it)
{
	struct report_cmp_row rows[REPORT_CMP_ROWS];
	size_t n = report_compare_rows(it, rows);
	struct strbuf label = STRBUF_INIT;

	heading(sb, "COMPARED WITH EARLIER TREATMENTS: day each symptom was rated none");
	if (n == 0) {
		sb_puts(sb, "  No earlier treatment to compare with.\n");
		return;
	}
	compare_row(sb, "Treatment", report_symptom_titles);
	for (size_t i = 0; i < n; i++) {
		const char *v[HG_SYMPTOM_COUNT];

		label.len = 0;
		sb_printf(&label, "%s%s%s%s", rows[i].this_one ? "this one: " : "", rows[i].what,
			  rows[i].area ? " " : "", rows[i].area ? rows[i].area : "");
		for (int k = 0; k < HG_SYMPTOM_COUNT; k++)
			v[k] = rows[i].v[k];
		compare_row(sb, sb_str(&label), v);
	}
	wrap(sb, "  ", report_compare_legend, 2);
	sb_free(&label);
}

static void text_treatment(struct strbuf *sb, const struct report_doc *doc,
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

static void text_end(struct strbuf *sb, const struct report_doc *doc)
{
	char today[HG_DATE_LEN];

	date_format(doc->today, today);
	if (doc->all && doc->count == 0)
		sb_puts(sb, "\nNo treatments recorded yet.\n");
	sb_putc(sb, '\n');
	rule(sb, '-');
	sb_printf(sb, "%s\nMade on %s by healgrid.\n", report_notice, today);
}

const struct report_writer report_text_writer = {
	text_begin, text_treatment, text_end
};
