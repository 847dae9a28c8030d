/* engine_dump.c — the warning engine as a filter, for tests/engine_ref.py.
 *
 * Reads recoveries as lines on standard input and writes what rules_eval,
 * rules_day and rules_tracking_end make of each, one fact a line, so that
 * an independent reference implementation can compare.  Input:
 *
 *   T DATE DEVICE DEPTH RISKS SKIN AREA       AREA: '_' stands for a space
 *   C DAY RED SWE BRU BLE SIGNS_ASSESSED SIGNS TEMP CARE_ASSESSED CARE
 *   A ID DATE BY KIND REFDATE                 BY: 0 unrecorded, 1 clinician, 2 self
 *   E                                         evaluate, then start again
 *
 * Output per recovery:
 *   F ID LEVEL DAY LAST STATUS SINCE SEEN RULE:LEVEL:DAY:LAST,... ACTION,...
 *   D DAY ID ALERT LEVEL STATUS RULE,...      one per flag rules_day lists
 *   N DAY SIGNS                               noted signs, when any
 *   X END                                     daily tracking's end, or -1
 *   E
 *
 * With --table it prints the rule table instead (id, kind, level,
 * escalation, trigger, source, once; apart by tabs), from which the
 * manual's Rules list was written.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "healgrid/rules.h"
#include "healgrid/util.h"

static void dump(struct hg_recovery *r, struct hg_action *a, size_t na)
{
	struct hg_flag *f = NULL;
	size_t n = 0;

	rules_eval(r, a, na, &f, &n);
	for (size_t i = 0; i < n; i++) {
		printf("F %s %s %d %d %s %d %d ", f[i].id, rules_level_name(f[i].level), f[i].day,
		       f[i].last_day, rules_status_name(f[i].status), f[i].since,
		       f[i].clinician_seen);
		for (size_t k = 0; k < f[i].nfindings; k++)
			printf("%s%s:%s:%d:%d", k ? "," : "", f[i].findings[k].rule,
			       rules_level_name(f[i].findings[k].level), f[i].findings[k].day,
			       f[i].findings[k].last_day);
		putchar(' ');
		for (size_t k = 0; k < f[i].nactions; k++)
			printf("%s%lld", k ? "," : "", (long long)f[i].actions[k]->id);
		if (!f[i].nactions)
			putchar('-');
		putchar('\n');
	}
	for (size_t i = 0; i < r->ndays; i++) {
		struct hg_day d;

		rules_day(r, a, na, r->days[i].day, &d);
		for (size_t k = 0; k < d.nflags; k++) {
			const char *alert = rules_alert_name(d.flags[k].alert);

			printf("D %d %s %s %s %s ", r->days[i].day, d.flags[k].id,
			       alert ? alert : "-", rules_level_name(d.flags[k].level),
			       rules_status_name(d.flags[k].status));
			for (size_t j = 0; j < d.flags[k].nfindings; j++)
				printf("%s%s", j ? "," : "", d.flags[k].findings[j]);
			putchar('\n');
		}
		if (d.noted)
			printf("N %d %u\n", r->days[i].day, d.noted);
		rules_day_free(&d);
	}
	printf("X %d\nE\n", rules_tracking_end(r, f, n));
	rules_flags_free(f, n);
}

int main(int argc, char **argv)
{
	struct hg_recovery r;
	struct hg_action *a = NULL;
	size_t na = 0;
	char line[512];

	/* --table: the rule table, one rule a line, fields apart by tabs */
	if (argc > 1 && strcmp(argv[1], "--table") == 0) {
		for (size_t i = 0; i < rules_count(); i++) {
			const struct hg_rule_info *ri = rules_info(i);

			printf("%s\t%s\t%s\t%s\t%s\t%s\t%d\n", ri->id, rules_kind_name(ri->kind),
			       rules_level_name(ri->level), ri->escalation ? ri->escalation : "",
			       ri->trigger, ri->source, ri->once);
		}
		return 0;
	}
	memset(&r, 0, sizeof r);
	while (fgets(line, sizeof line, stdin)) {
		if (line[0] == 'T') {
			char area[256];
			int dev;

			memset(&r.t, 0, sizeof r.t);
			if (sscanf(line, "T %d %d %lf %u %d %255s", &r.t.date, &dev, &r.t.depth,
			           &r.t.risks, &r.t.skin_type, area) != 6)
				return 2;
			for (char *p = area; *p; p++)
				if (*p == '_')
					*p = ' ';
			r.t.id = 1;
			r.t.device = (enum hg_device)dev;
			r.t.window = 28;
			r.t.area = xstrdup(area);
		} else if (line[0] == 'C') {
			struct hg_checkin *c;

			r.days = xrealloc(r.days, (r.ndays + 1) * sizeof *r.days);
			c = &r.days[r.ndays++];
			memset(c, 0, sizeof *c);
			c->treatment_id = 1;
			c->note = xstrdup("");
			if (sscanf(line, "C %d %d %d %d %d %d %u %d %d %u", &c->day,
			           &c->rating[HG_REDNESS], &c->rating[HG_SWELLING],
			           &c->rating[HG_BRUISING], &c->rating[HG_BLEEDING],
			           &c->signs_assessed, &c->signs, &c->temp, &c->care_assessed,
			           &c->care) != 10)
				return 2;
		} else if (line[0] == 'A') {
			struct hg_action *x;
			long long id;
			int by;
			char kind[32];

			a = xrealloc(a, (na + 1) * sizeof *a);
			x = &a[na++];
			model_action_init(x);
			x->resolves = xcalloc(1, sizeof *x->resolves);
			x->nresolves = 1;
			if (sscanf(line, "A %lld %d %d %31s %d", &id, &x->date, &by, kind,
			           &x->resolves[0].date) != 5)
				return 2;
			x->id = id;
			x->treatment_id = 1;
			x->by = (enum hg_by)by;
			x->text = xstrdup("done");
			x->resolves[0].kind = xstrdup(kind);
			x->resolves[0].rule = xstrdup(kind);
		} else if (line[0] == 'E') {
			dump(&r, a, na);
			fflush(stdout);
			model_recovery_free(&r);
			memset(&r, 0, sizeof r);
			model_actions_free(a, na);
			a = NULL;
			na = 0;
		}
	}
	return 0;
}
