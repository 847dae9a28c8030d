/* report_html.c — the report as one self-contained HTML file: inline CSS
 * with print styles (any paper: A4 and Letter both fit, a page break
 * before each treatment after the first), an inline SVG chart of the four
 * symptoms with flags marked and unrated days left as gaps, no scripts and
 * nothing fetched (a Content-Security-Policy says so too).  Every user
 * text is escaped.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "healgrid/date.h"
#include "report_int.h"

/* ---- escaping --------------------------------------------------------- */

/* Append s as HTML text (also safe inside a quoted attribute).  Control
 * characters become spaces; with keep_lines a line break becomes <br>. */
static void esc_lines(struct strbuf *sb, const char *s, int keep_lines)
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
			case '"': sb_puts(sb, "&quot;"); break;
			case '\'': sb_puts(sb, "&#39;"); break;
			default: sb_putc(sb, *q);
			}
		}
		free(clean);
		free(line);
		p += n;
		if (!*p)
			break;
		p++;
		if (*p)
			sb_puts(sb, keep_lines ? "<br>" : " ");
	}
}

static void esc(struct strbuf *sb, const char *s)
{
	esc_lines(sb, s, 0);
}

/* ---- the document ----------------------------------------------------- */

static const char css[] =
	"@page{margin:12mm 12mm 13mm}\n"
	"*{box-sizing:border-box}\n"
	"html{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
	"body{font:9pt/1.28 \"DejaVu Sans\",\"Liberation Sans\",Arial,Helvetica,sans-serif;"
	"color:#111;background:#fff;margin:0 auto;padding:6mm;max-width:190mm}\n"
	"h1{font-size:15pt;margin:0 0 1mm}\n"
	"h2{font-size:12.5pt;margin:3mm 0 1.5mm;padding-bottom:.8mm;border-bottom:.6mm solid #222}\n"
	"h3{font-size:10pt;margin:3mm 0 1mm;break-after:avoid;page-break-after:avoid}\n"
	"p{margin:0 0 1.5mm}\n"
	".notice{font-weight:bold;border:.3mm solid #555;padding:1mm 2.5mm}\n"
	"table{border-collapse:collapse;width:100%;margin:0 0 1mm}\n"
	"th,td{border:.2mm solid #999;padding:.25mm 1.4mm;text-align:left;vertical-align:top}\n"
	"th{background:#eee}\n"
	"thead{display:table-header-group}\n"
	"tr{break-inside:avoid;page-break-inside:avoid}\n"
	"table.details th{width:11%;background:#f5f5f5;font-weight:normal}\n"
	"table.details td{width:39%}\n"
	"table.days td,table.days th{font-size:7.6pt;line-height:1.12;padding:0 1.4mm}\n"
	"td.n,th.n{text-align:center}\n"
	".nw{white-space:nowrap}\n"
	"td.r0{background:#f3f8f3}td.r1{background:#fde6e0}"
	"td.r2{background:#f8b9ab}td.r3{background:#ee8470;font-weight:bold}\n"
	"td.na{color:#888}\n"
	"tr.gap td{color:#888}\n"
	".lv-emergency{color:#d00000;font-weight:bold}\n"
	".lv-urgent{color:#a40000;font-weight:bold}\n"
	"table.flags td{font-size:7.8pt;line-height:1.18}\n"
	".lv-doctor{color:#a84f00;font-weight:bold}\n"
	".lv-watch{color:#2a5d8a;font-weight:bold}\n"
	"figure{margin:0 0 1mm;break-inside:avoid;page-break-inside:avoid}\n"
	"figcaption{font-size:8pt;color:#333}\n"
	"svg.chart{width:100%;height:auto;display:block}\n"
	"ul{margin:0 0 1mm;padding-left:5mm}\n"
	"li{break-inside:avoid}\n"
	".small{font-size:8pt;color:#333}\n"
	"table.sum td,table.sum th{font-size:8.5pt}\n"
	".strip{display:flex;gap:2mm;margin:1mm 0 2mm;break-inside:avoid;page-break-inside:avoid}\n"
	".strip figure{flex:0 0 auto;margin:0}\n"
	".strip img{height:24mm;width:auto;max-width:30mm;object-fit:cover;display:block;border:.2mm solid #999}\n"
	".done{color:#1b5e20}\n"
	".days2{display:flex;gap:3mm;align-items:flex-start;break-inside:avoid;page-break-inside:avoid}\n"
	".days2 table{flex:1 1 0;width:auto}\n"
	"table.days th{font-weight:normal}table.days td:last-child{min-width:30mm}\n"
	"ul.notes li{font-size:8.5pt}\n"
	"section.treatment+section.treatment{break-before:page;page-break-before:always}\n"
	"footer{margin-top:4mm;border-top:.3mm solid #555;padding-top:1mm}\n"
	"@media print{body{padding:0;max-width:none}}\n";

/* Shared chart symbols: one definition for every chart in the file. */
static const char svg_defs[] =
	"<svg width=\"0\" height=\"0\" style=\"position:absolute\" aria-hidden=\"true\"><defs>\n"
	"<marker id=\"m0\" viewBox=\"-5 -5 10 10\" markerWidth=\"7\" markerHeight=\"7\""
	" markerUnits=\"userSpaceOnUse\"><circle r=\"4\" fill=\"#c62828\"/></marker>\n"
	"<marker id=\"m1\" viewBox=\"-5 -5 10 10\" markerWidth=\"7\" markerHeight=\"7\""
	" markerUnits=\"userSpaceOnUse\"><rect x=\"-3.6\" y=\"-3.6\" width=\"7.2\" height=\"7.2\""
	" fill=\"#1565c0\"/></marker>\n"
	"<marker id=\"m2\" viewBox=\"-5 -5 10 10\" markerWidth=\"8\" markerHeight=\"8\""
	" markerUnits=\"userSpaceOnUse\"><path d=\"M0-4.5L4.5 3.5H-4.5Z\" fill=\"#6a1b9a\"/></marker>\n"
	"<marker id=\"m3\" viewBox=\"-5 -5 10 10\" markerWidth=\"8\" markerHeight=\"8\""
	" markerUnits=\"userSpaceOnUse\"><path d=\"M0-4.8L4.8 0 0 4.8-4.8 0Z\" fill=\"#4e342e\"/></marker>\n"
	"</defs></svg>\n";

static const struct {
	const char *color, *dash;
} series[HG_SYMPTOM_COUNT] = {
	{ "#c62828", "" },
	{ "#1565c0", " stroke-dasharray=\"7 4\"" },
	{ "#6a1b9a", " stroke-dasharray=\"2 3\"" },
	{ "#4e342e", " stroke-dasharray=\"9 3 2 3\"" },
};

static const char *const level_color[HG_LEVEL_COUNT] = { "#d00000", "#a40000", "#a84f00", "#2a5d8a" };
static const char *const level_mark[HG_LEVEL_COUNT] = { "!!!", "!!", "!", "&#8226;" };

static void html_begin(struct strbuf *sb, const struct report_doc *doc)
{
	char today[HG_DATE_LEN];

	date_format(doc->today, today);
	sb_puts(sb, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
		" style-src 'unsafe-inline'; img-src data:\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		"<meta name=\"generator\" content=\"healgrid\">\n");
	sb_printf(sb, "<title>Recovery report, made %s</title>\n<style>\n%s</style>\n"
		  "</head>\n<body>\n%s", today, css, svg_defs);
	sb_printf(sb, "<header>\n<h1>Recovery report</h1>\n<p>The recovery after microneedling"
		  " as recorded day by day in healgrid, with the warning flags its rules"
		  " raised. Made on <time>%s</time>%s</p>\n<p class=\"notice\">%s</p>\n</header>\n",
		  today, doc->all ? " for all treatments." : ".", report_notice);
	if (doc->profile) {
		sb_puts(sb, "<p><b>Patient:</b> ");
		report_profile_line(sb, doc->profile, esc);
		sb_puts(sb, "</p>\n");
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
	sb_printf(sb, "<section class=\"treatment\" id=\"t%lld\">\n<h2>Treatment %lld: ",
		  (long long)t->id, (long long)t->id);
	esc(sb, t->area);
	sb_printf(sb, ", treated %s</h2>\n<table class=\"details\">\n", date);
	sb_printf(sb, "<tr><th>Device</th><td>%s device, needle depth %s%s</td>"
		  "<th>Expected</th><td>redness and swelling usually settle within about"
		  " %d days</td></tr>\n", model_device_name(t->device), depth,
		  t->depth > 0 ? " mm" : "", it->sum->downtime);
	if (t->skin_type != HG_SKIN_NONE)
		sb_printf(sb, "<tr><th>Skin type</th><td>Fitzpatrick %s</td>",
			  model_skin_type_name(t->skin_type));
	else
		sb_puts(sb, "<tr><th>Skin type</th><td>not recorded</td>");
	sb_puts(sb, "<th>Risks</th><td>");
	for (int i = 0; i < HG_RISK_COUNT; i++)
		if (t->risks & HG_BIT(i)) {
			sb_printf(sb, "%s%s", any ? ", " : "", model_risk_name((enum hg_risk)i));
			any = 1;
		}
	sb_printf(sb, "%s</td></tr>\n<tr><th>Products</th><td>", any ? "" : "none recorded");
	if (t->products && *t->products)
		esc(sb, t->products);
	else
		sb_puts(sb, "none recorded");
	sb_printf(sb, "</td><th>Tracked</th><td>%d days, %s to %s", t->window, date, end);
	if (it->today_day < 0)
		sb_printf(sb, "; starts in %d day%s", -it->today_day, it->today_day == -1 ? "" : "s");
	else if (it->today_day < t->window)
		sb_printf(sb, "; today is day %d", it->today_day);
	else
		sb_puts(sb, "; ended");
	sb_printf(sb, "</td></tr>\n<tr><th>Check-ins</th><td>%d of the %d day%s shown below</td>",
		  it->sum->checkins, it->rows, it->rows == 1 ? "" : "s");
	sb_puts(sb, "<th>Note</th><td>");
	if (t->note && *t->note)
		esc_lines(sb, t->note, 1);
	sb_puts(sb, "</td></tr>\n");
	sb_puts(sb, "</table>\n");
}

static void strip(struct strbuf *sb, const struct report_item *it)
{
	if (!it->nphotos)
		return;
	sb_puts(sb, "<div class=\"strip\">\n");
	for (size_t i = 0; i < it->nphotos; i++) {
		const struct report_photo *p = &it->photos[i];
		char date[HG_DATE_LEN];

		date_format(p->date, date);
		sb_printf(sb, "<figure><img alt=\"photo of day %d\" src=\"data:image/jpeg;base64,",
			  p->day);
		if (p->thumb)
			hg_base64(sb, p->thumb, p->len);
		sb_printf(sb, "\"><figcaption>day %d, %s</figcaption></figure>\n", p->day, date);
	}
	sb_puts(sb, "</div>\n");
}

static void summary(struct strbuf *sb, const struct report_item *it)
{
	struct strbuf line = STRBUF_INIT;
	char buf[96];

	sb_puts(sb, "<h3>Summary</h3>\n<table class=\"details sum\">\n<tr><th>Today</th><td>");
	report_today_text(sb, it);
	sb_puts(sb, "</td><th>Open flags</th><td>");
	report_open_text(sb, it);
	sb_puts(sb, "</td></tr>\n");
	for (int s = 0; s < HG_SYMPTOM_COUNT; s += 2) {
		sb_puts(sb, "<tr>");
		for (int k = s; k < s + 2; k++) {
			line.len = 0;
			report_symptom_state(&line, &it->sum->s[k]);
			sb_printf(sb, "<th>%s</th><td>%s</td>", report_symptom_titles[k],
				  sb_str(&line));
		}
		sb_puts(sb, "</tr>\n");
	}
	report_high_text(it->sum, buf, sizeof buf);
	line.len = 0;
	report_care_text(&line, it->r);
	sb_printf(sb, "<tr><th>Temperature</th><td>%s</td><th>Care</th><td>%s</td></tr>\n"
		  "</table>\n", buf, sb_str(&line));
	if (it->photos_total)
		sb_printf(sb, "<p class=\"small\">Photos: %zu in all; %zu shown.</p>\n",
			  it->photos_total, it->nphotos);
	strip(sb, it);
	sb_free(&line);
}

static void flags(struct strbuf *sb, const struct report_item *it)
{
	sb_puts(sb, "<h3>Flags</h3>\n");
	if (it->nflags == 0) {
		sb_puts(sb, "<p>None raised by healgrid's rules.</p>\n");
		return;
	}
	sb_puts(sb, "<table class=\"flags\">\n<thead><tr><th>Level</th><th>Day</th><th>Date</th>"
		"<th>Rule</th><th>Finding and what to do; status</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < it->nflags; i++) {
		const struct hg_flag *f = &it->flags[i];
		char date[HG_DATE_LEN];
		struct strbuf text = STRBUF_INIT;

		date_format(f->date, date);
		sb_printf(sb, "<tr><td class=\"nw lv-%s\">%s&#160;%s</td><td class=\"n\">%d</td>"
			  "<td class=\"nw\">%s</td><td>%s (%s)</td><td>", rules_level_name(f->level),
			  level_mark[f->level], rules_level_name(f->level), f->day, date, f->id,
			  rules_kind_name(f->kind));
		report_flag_short(&text, f);
		esc(sb, sb_str(&text));
		text.len = 0;
		report_flag_status(&text, f);
		sb_puts(sb, " <b>");
		esc(sb, sb_str(&text));
		sb_puts(sb, "</b>");
		if (report_flag_action(f)) {
			date_format(report_flag_action(f)->date, date);
			sb_printf(sb, "<br><span class=\"done\">done %s: ", date);
			esc(sb, report_flag_action(f)->text);
			sb_puts(sb, "</span>");
		}
		sb_puts(sb, "</td></tr>\n");
		sb_free(&text);
	}
	sb_puts(sb, "</tbody>\n</table>\n<p class=\"small\">");
	for (int l = 0; l < HG_LEVEL_COUNT; l++) {
		sb_printf(sb, "%s<b>%s</b>: ", l ? "; " : "", rules_level_name((enum hg_level)l));
		esc(sb, rules_level_action((enum hg_level)l));
	}
	sb_puts(sb, ".</p>\n");
}

static void done(struct strbuf *sb, const struct report_item *it)
{
	sb_puts(sb, "<h3>What was done</h3>\n");
	if (!it->nactions) {
		sb_puts(sb, "<p>No actions recorded.</p>\n");
		return;
	}
	sb_puts(sb, "<ul>\n");
	for (size_t i = 0; i < it->nactions; i++) {
		const struct hg_action *a = &it->actions[i];
		char date[HG_DATE_LEN];

		date_format(a->date, date);
		sb_printf(sb, "<li><b>%s</b> (day %d): ", date, a->date - it->r->t.date);
		esc(sb, a->text);
		if (a->nresolves) {
			struct strbuf refs = STRBUF_INIT;

			report_action_refs(&refs, it, a);
			sb_printf(sb, " <span class=\"small\">resolves %s</span>", sb_str(&refs));
			sb_free(&refs);
		}
		sb_puts(sb, "</li>\n");
	}
	sb_puts(sb, "</ul>\n");
}

/* ---- the chart -------------------------------------------------------- */

/* Whole user units: 1/720 of the width is finer than print needs, and
 * integers keep both the file and the loop over every check-in small. */
enum { CW = 720, CH = 176, LEFT = 74, RIGHT = 8, TOP = 24, BOTTOM = 36 };
enum { PLOT_W = CW - LEFT - RIGHT, PLOT_H = CH - TOP - BOTTOM };

static int chart_x(int day, int ndays)
{
	return LEFT + (2 * day + 1) * PLOT_W / (2 * ndays);
}

static int chart_y(int rating, int s)
{
	/* Symptoms with equal ratings sit a little apart so every line shows. */
	return TOP + (3 - rating) * PLOT_H / 3 + (2 * s - 3) * 3 / 2;
}

static void put_xy(struct strbuf *sb, char cmd, int x, int y)
{
	sb_putc(sb, cmd);
	report_put_int(sb, x);
	sb_putc(sb, ' ');
	report_put_int(sb, y);
}

static void chart(struct strbuf *sb, const struct report_item *it)
{
	static const char *const labels[] = { "0 none", "1 mild", "2 moderate", "3 severe" };
	const struct hg_recovery *r = it->r;
	int ndays = it->rows < 7 ? 7 : it->rows;
	int step = ndays <= 31 ? 1 : 7;
	size_t k;

	if (it->rows == 0)
		return;
	sb_printf(sb, "<figure>\n<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\""
		  " aria-label=\"Ratings of redness, swelling, bruising and bleeding by day\""
		  " font-size=\"11\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n", CW, CH);
	/* Days without a check-in are shaded, so a gap never reads as "none". */
	sb_puts(sb, "<path fill=\"#eeeeee\" d=\"");
	k = 0;
	for (int d = 0; d < it->rows; d++) {
		while (k < r->ndays && r->days[k].day < d)
			k++;
		if (k < r->ndays && r->days[k].day == d)
			continue;
		put_xy(sb, 'M', LEFT + d * PLOT_W / ndays, TOP - 6);
		sb_putc(sb, 'H');
		report_put_int(sb, LEFT + (d + 1) * PLOT_W / ndays);
		sb_putc(sb, 'v');
		report_put_int(sb, PLOT_H + 12);
		sb_putc(sb, 'H');
		report_put_int(sb, LEFT + d * PLOT_W / ndays);
		sb_putc(sb, 'Z');
	}
	sb_puts(sb, "\"/>\n");
	for (int v = 0; v <= 3; v++) {
		int y = TOP + (3 - v) * PLOT_H / 3;
		sb_printf(sb, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#bbb\""
			  " stroke-width=\"0.7\"/><text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n",
			  LEFT, y, CW - RIGHT, y, LEFT - 6, y + 4, labels[v]);
	}
	sb_printf(sb, "<g text-anchor=\"middle\"><text x=\"%d\" y=\"%d\" text-anchor=\"end\">day</text>",
		  LEFT - 6, CH - BOTTOM + 19);
	for (int d = 0; d < ndays; d += step) {
		sb_puts(sb, "<text x=\"");
		report_put_int(sb, chart_x(d, ndays));
		sb_puts(sb, "\" y=\"");
		report_put_int(sb, CH - BOTTOM + 19);
		sb_puts(sb, "\">");
		report_put_int(sb, d);
		sb_puts(sb, "</text>");
	}
	sb_puts(sb, "</g>\n");
	/* Flags: a line on the first day each applies, in its level's colour. */
	for (int d = 0; d < it->rows; d++) {
		int lv = (int)it->level_on[d], x = chart_x(d, ndays);
		struct strbuf rules = STRBUF_INIT;

		if (lv < 0)
			continue;
		report_day_rules(&rules, it, d, ',');
		sb_printf(sb, "<g><title>day %d: %s</title><line x1=\"%d\" y1=\"%d\" x2=\"%d\""
			  " y2=\"%d\" stroke=\"%s\" stroke-width=\"1.4\" stroke-dasharray=\"3 2\"/>"
			  "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\""
			  " fill=\"%s\">%s</text></g>\n", d, sb_str(&rules), x, TOP - 4, x,
			  CH - BOTTOM + 4, level_color[lv], x, TOP - 9, level_color[lv], level_mark[lv]);
		sb_free(&rules);
	}
	/* Actions: a green line on the day each was done, marked A. */
	for (size_t i = 0; i < it->nactions; i++) {
		int d = it->actions[i].date - r->t.date, x;

		if (d < 0 || d >= ndays)
			continue;
		x = chart_x(d, ndays) + 3;
		sb_printf(sb, "<g><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#1b5e20\""
			  " stroke-width=\"1.4\"/><text x=\"%d\" y=\"%d\" font-weight=\"bold\""
			  " fill=\"#1b5e20\">A</text></g>\n", x, TOP - 4, x, CH - BOTTOM + 4, x + 2,
			  CH - BOTTOM + 4);
	}
	/* One path per symptom, with a new subpath after every day it was not
	 * rated: the gap shows, nothing is drawn as zero. */
	for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
		int prev = -2;

		sb_printf(sb, "<path fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s"
			  " marker-start=\"url(#m%d)\" marker-mid=\"url(#m%d)\" marker-end=\"url(#m%d)\" d=\"",
			  series[s].color, series[s].dash, s, s, s);
		for (k = 0; k < r->ndays; k++) {
			const struct hg_checkin *c = &r->days[k];

			if (c->day >= it->rows || c->rating[s] == HG_UNRATED)
				continue;
			put_xy(sb, c->day == prev + 1 ? 'L' : 'M', chart_x(c->day, ndays),
			       chart_y(c->rating[s], s));
			if (c->day != prev + 1) {
				/* a lone point gets a zero-length segment so its marker shows */
				const struct hg_checkin *n = k + 1 < r->ndays ? &r->days[k + 1] : NULL;
				if (!n || n->day != c->day + 1 || n->rating[s] == HG_UNRATED)
					sb_puts(sb, "h0");
			}
			prev = c->day;
		}
		sb_puts(sb, "\"/>\n");
	}
	/* legend */
	for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
		int x = 24 + s * 106;
		sb_printf(sb, "<path d=\"M%d %dh13h13\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s"
			  " marker-mid=\"url(#m%d)\"/><text x=\"%d\" y=\"%d\">%s</text>\n", x, CH - 6,
			  series[s].color, series[s].dash, s, x + 32, CH - 2,
			  model_symptom_name((enum hg_symptom)s));
	}
	sb_printf(sb, "<text x=\"%d\" y=\"%d\">flags: <tspan fill=\"%s\" font-weight=\"bold\">!!"
		  "</tspan> urgent <tspan fill=\"%s\" font-weight=\"bold\">!</tspan> doctor"
		  " <tspan fill=\"%s\" font-weight=\"bold\">&#8226;</tspan> watch"
		  " <tspan fill=\"#1b5e20\" font-weight=\"bold\">A</tspan> action</text>\n",
		  24 + 4 * 106 + 8, CH - 2, level_color[HG_LEVEL_URGENT],
		  level_color[HG_LEVEL_DOCTOR], level_color[HG_LEVEL_WATCH]);
	sb_puts(sb, "</svg>\n<figcaption>Ratings by day (0 none to 3 severe). Grey days have no"
		" check-in; a break in a line is a day that symptom was not rated, never a"
		" zero. Dashed vertical lines mark the first day of each flag, green lines"
		" (A) the day of each action.</figcaption>\n"
		"</figure>\n");
}

/* ---- tables and lists ------------------------------------------------- */

static const char days_head[] =
	"<table class=\"days\">\n<thead><tr><th class=\"n\">Day</th><th>Date</th>"
	"<th class=\"n\">Redness</th><th class=\"n\">Swelling</th><th class=\"n\">Bruising</th>"
	"<th class=\"n\">Bleeding</th><th class=\"n\">Flag</th><th>Warning signs, temperature,"
	" care</th></tr></thead>\n<tbody>\n";

static void day_table(struct strbuf *sb, const struct report_item *it)
{
	const struct hg_recovery *r = it->r;
	size_t k = 0;
	int nrows = 0, half;

	sb_puts(sb, "<h3>Day by day</h3>\n");
	if (it->rows == 0) {
		sb_puts(sb, "<p>No days to show yet.</p>\n");
		return;
	}
	/* A long table goes in two halves side by side. */
	for (int d = 0; d < it->rows; nrows++) {
		struct report_day row;

		d = report_day_row(it, d, &k, &row);
	}
	k = 0;
	half = nrows > 8 ? (nrows + 1) / 2 : nrows;
	sb_puts(sb, nrows > half ? "<div class=\"days2\">\n" : "<div>\n");
	for (int d = 0, next, i = 0; d < it->rows; d = next, i++) {
		struct report_day row;
		static const char *const cell[HG_RATING_MAX + 1] = {
			"<td class=\"n r0\">0</td>", "<td class=\"n r1\">1</td>",
			"<td class=\"n r2\">2</td>", "<td class=\"n r3\">3</td>"
		};
		const struct hg_checkin *c;
		char date[HG_DATE_LEN];

		if (i == 0 || i == half) {
			if (i)
				sb_puts(sb, "</tbody>\n</table>\n");
			sb_puts(sb, days_head);
		}
		next = report_day_row(it, d, &k, &row);
		c = row.c;
		date_format(r->t.date + d, date);
		if (row.last > d) {
			int last = row.last;
			char end[HG_DATE_LEN];

			date_format(r->t.date + last, end);
			sb_printf(sb, "<tr class=\"gap\"><td class=\"n nw\">%d&#8211;%d</td>"
				  "<td class=\"nw\">%s&#8211;%s</td><td colspan=\"6\">no check-ins"
				  " for %d days</td></tr>\n", d, last, date, end + 5, last - d + 1);
			continue;
		}
		sb_puts(sb, c ? "<tr><td class=\"n\">" : "<tr class=\"gap\"><td class=\"n\">");
		report_put_int(sb, d);
		sb_puts(sb, "</td><td class=\"nw\">");
		sb_puts(sb, date);
		sb_puts(sb, "</td>");
		for (int s = 0; s < HG_SYMPTOM_COUNT; s++) {
			int v = c ? c->rating[s] : HG_UNRATED;
			sb_puts(sb, v >= 0 && v <= HG_RATING_MAX ? cell[v] : "<td class=\"n na\">-</td>");
		}
		if (it->level_on[d] >= 0) {
			sb_puts(sb, "<td class=\"n lv-");
			sb_puts(sb, rules_level_name((enum hg_level)it->level_on[d]));
			sb_puts(sb, "\">");
			sb_puts(sb, level_mark[it->level_on[d]]);
			sb_puts(sb, "</td>");
		} else {
			sb_puts(sb, "<td></td>");
		}
		if (!c) {
			sb_puts(sb, "<td>no check-in</td></tr>\n");
			continue;
		}
		sb_puts(sb, "<td>");
		{
			int first = 1;

			for (int g = 0; g < HG_SIGN_COUNT; g++)
				if (c->signs & HG_BIT(g)) {
					if (!first)
						sb_puts(sb, ", ");
					sb_puts(sb, model_sign_name((enum hg_sign)g));
					first = 0;
				}
			if (c->temp != HG_TEMP_NONE) {
				char temp[16];

				model_format_temp(c->temp, temp, sizeof temp);
				sb_printf(sb, "%s%s&#160;&#176;C", first ? "" : "; ", temp);
				first = 0;
			}
			for (int g = 0, one = 1; g < HG_CARE_COUNT; g++)
				if (c->care & HG_BIT(g)) {
					sb_printf(sb, "%s%s", one ? (first ? "care: " : "; care: ")
						  : ", ", model_care_name((enum hg_care)g));
					one = 0;
				}
		}
		sb_puts(sb, "</td></tr>\n");
	}
	sb_puts(sb, "</tbody>\n</table>\n</div>\n<p class=\"small\">0 none, 1 mild, 2 moderate, 3 severe,"
		" - not rated. Flag: the most serious flag first raised that day"
		" (!!! emergency, !! urgent, ! doctor, &#8226; watch).</p>\n");
}

static void notes(struct strbuf *sb, const struct report_item *it)
{
	int any = 0;

	sb_puts(sb, "<h3>Notes</h3>\n");
	for (size_t i = 0; i < it->r->ndays; i++) {
		const struct hg_checkin *c = &it->r->days[i];
		char date[HG_DATE_LEN];

		if (!c->note || !*c->note)
			continue;
		date_format(it->r->t.date + c->day, date);
		sb_printf(sb, "%s<li><b>Day %d, %s:</b> ", any ? "" : "<ul class=\"notes\">\n",
			  c->day, date);
		esc_lines(sb, c->note, 1);
		sb_puts(sb, "</li>\n");
		any = 1;
	}
	sb_puts(sb, any ? "</ul>\n" : "<p>No notes on any day.</p>\n");
}

static void comparison(struct strbuf *sb, const struct report_item *it)
{
	struct report_cmp_row rows[REPORT_CMP_ROWS];
	size_t n = report_compare_rows(it, rows);

	sb_puts(sb, "<h3>Compared with earlier treatments</h3>\n");
	if (n == 0) {
		sb_puts(sb, "<p>No earlier treatment to compare with.</p>\n");
		return;
	}
	sb_puts(sb, "<table class=\"compare\">\n<thead><tr><th>Treatment: day each symptom was"
		" rated none</th>");
	for (int k = 0; k < HG_SYMPTOM_COUNT; k++)
		sb_printf(sb, "<th class=\"n\">%s</th>", report_symptom_titles[k]);
	sb_puts(sb, "</tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < n; i++) {
		sb_printf(sb, "<tr><td>%s%s", rows[i].this_one ? "<b>this one:</b> " : "",
			  rows[i].what);
		if (rows[i].area) {
			sb_putc(sb, ' ');
			esc(sb, rows[i].area);
		}
		sb_puts(sb, "</td>");
		for (int k = 0; k < HG_SYMPTOM_COUNT; k++)
			sb_printf(sb, "<td class=\"n\">%s</td>", rows[i].v[k]);
		sb_puts(sb, "</tr>\n");
	}
	sb_printf(sb, "</tbody>\n</table>\n<p class=\"small\">%s</p>\n", report_compare_legend);
}

static void html_treatment(struct strbuf *sb, const struct report_doc *doc,
			   const struct report_item *it)
{
	(void)doc;
	details(sb, it);
	summary(sb, it);
	flags(sb, it);
	done(sb, it);
	chart(sb, it);
	day_table(sb, it);
	notes(sb, it);
	comparison(sb, it);
	sb_puts(sb, "</section>\n");
}

static void html_end(struct strbuf *sb, const struct report_doc *doc)
{
	char today[HG_DATE_LEN];

	date_format(doc->today, today);
	if (doc->all && doc->count == 0)
		sb_puts(sb, "<p>No treatments recorded yet.</p>\n");
	sb_printf(sb, "<footer><p><b>%s</b> Made on <time>%s</time> by healgrid.</p></footer>\n"
		  "</body>\n</html>\n", report_notice, today);
}

const struct report_writer report_html_writer = {
	html_begin, html_treatment, html_end
};
