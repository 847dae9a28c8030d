/* cmd_checkin.c — `healgrid checkin`: record, correct or clear one day,
 * merging into what is stored, in one transaction; then say what was saved
 * and every warning rule the day now matches. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "healgrid/cli.h"
#include "healgrid/date.h"
#include "healgrid/record.h"
#include "healgrid/json.h"
#include "healgrid/rules.h"
#include "healgrid/util.h"

enum { NOT_GIVEN = -2 };
enum { FMT_TEXT, FMT_JSON };

static const char *sign_name(int i)
{
	return model_sign_name((enum hg_sign)i);
}

static const char *care_name(int i)
{
	return model_care_name((enum hg_care)i);
}

/* "in care since 11-14 (clinician: cefalexin)", "open since 11-12". */
static void put_status(struct strbuf *sb, const struct hg_recovery *r,
                       const struct hg_day_flag *f)
{
	char date[HG_DATE_LEN];

	date_format(r->t.date + f->since, date);
	sb_printf(sb, "%s since %s", f->status == HG_STATUS_IN_CARE ? "in care"
	                             : rules_status_name(f->status), date + 5);
	if (f->care) {
		char *text = hg_sanitize(f->care->text);

		sb_printf(sb, " (%s: %s)", f->care->by == HG_BY_SELF ? "self"
		          : f->care->by == HG_BY_CLINICIAN ? "clinician" : "who: not recorded",
		          text);
		free(text);
	}
}

/* What was saved, then each flag with a finding on the day (an alert with
 * its message, a quiet line otherwise), then the noted signs. */
static void report(struct cli_ctx *ctx, int format, const struct hg_recovery *r,
                   const struct hg_action *actions, size_t nactions, int day,
                   int widened_from, int cleared)
{
	struct hg_day d = { NULL, 0, 0 };
	char date[HG_DATE_LEN];
	struct strbuf sb = STRBUF_INIT;

	date_format(r->t.date + day, date);
	if (!cleared)
		rules_day(r, actions, nactions, day, &d);
	if (format == FMT_JSON) {
		sb_printf(&sb, "{\"treatment\":%lld,\"day\":%d,\"date\":", (long long)r->t.id, day);
		json_string(&sb, date);
		sb_puts(&sb, ",\"flags\":[");
		for (size_t i = 0; i < d.nflags; i++) {
			const struct hg_day_flag *f = &d.flags[i];
			const char *alert = rules_alert_name(f->alert);

			sb_puts(&sb, i ? ",{\"id\":" : "{\"id\":");
			json_string(&sb, f->id);
			sb_puts(&sb, ",\"kind\":");
			json_string(&sb, rules_kind_name(f->kind));
			sb_puts(&sb, ",\"level\":");
			json_string(&sb, rules_level_name(f->level));
			sb_puts(&sb, ",\"status\":");
			json_string(&sb, rules_status_name(f->status));
			sb_puts(&sb, ",\"alert\":");
			if (alert)
				json_string(&sb, alert);
			else
				sb_puts(&sb, "null");
			sb_puts(&sb, ",\"findings\":[");
			for (size_t k = 0; k < f->nfindings; k++) {
				if (k)
					sb_putc(&sb, ',');
				json_string(&sb, f->findings[k]);
			}
			sb_puts(&sb, "],\"message\":");
			json_string(&sb, f->message);
			sb_putc(&sb, '}');
		}
		sb_puts(&sb, "],\"noted\":[");
		for (int g = 0, first = 1; g < HG_SIGN_COUNT; g++)
			if (d.noted & HG_BIT(g)) {
				if (!first)
					sb_putc(&sb, ',');
				json_string(&sb, model_sign_name((enum hg_sign)g));
				first = 0;
			}
		sb_puts(&sb, "]}\n");
	} else {
		if (cleared)
			sb_printf(&sb, "cleared day %d (%s) of treatment %lld\n", day, date,
			          (long long)r->t.id);
		else
			sb_printf(&sb, "saved day %d (%s) of treatment %lld\n", day, date,
			          (long long)r->t.id);
		if (widened_from > 0)
			sb_printf(&sb, "widened the window of treatment %lld from %d to %d days"
			          " to hold day %d\n", (long long)r->t.id, widened_from,
			          r->t.window, day);
		for (size_t i = 0; i < d.nflags; i++) {
			const struct hg_day_flag *f = &d.flags[i];

			if (f->alert != HG_ALERT_NONE) {
				sb_printf(&sb, "%s %s %s (%s): %s\n", rules_level_symbol_ascii(f->level),
				          rules_level_name(f->level), f->id,
				          rules_alert_name(f->alert), f->message);
				continue;
			}
			sb_printf(&sb, "%s, ", f->id);
			put_status(&sb, r, f);
			sb_puts(&sb, ": ");
			for (size_t k = 0; k < f->nfindings; k++)
				sb_printf(&sb, "%s%s", k ? ", " : "", f->findings[k]);
			sb_putc(&sb, '\n');
		}
		if (d.noted) {
			sb_puts(&sb, "noted: ");
			for (int g = 0, first = 1; g < HG_SIGN_COUNT; g++)
				if (d.noted & HG_BIT(g)) {
					sb_printf(&sb, "%s%s", first ? "" : ", ",
					          model_sign_name((enum hg_sign)g));
					first = 0;
				}
			sb_printf(&sb, ". %s\n", rules_noted_advice());
		}
	}
	fputs(sb_str(&sb), ctx->out);
	sb_free(&sb);
	rules_day_free(&d);
}
enum { OPT_PHOTO = 0x1300 };

int cmd_checkin(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "treatment", required_argument, NULL, 't' },
		{ "day", required_argument, NULL, 'd' },
		{ "date", required_argument, NULL, 'D' },
		{ "redness", required_argument, NULL, '0' + HG_REDNESS },
		{ "swelling", required_argument, NULL, '0' + HG_SWELLING },
		{ "bruising", required_argument, NULL, '0' + HG_BRUISING },
		{ "bleeding", required_argument, NULL, '0' + HG_BLEEDING },
		{ "sign", required_argument, NULL, 's' },
		{ "temp", required_argument, NULL, 'T' },
		{ "care", required_argument, NULL, 'c' },
		{ "note", required_argument, NULL, 'n' },
		{ "clear", no_argument, NULL, 'C' },
		{ "format", required_argument, NULL, 'f' },
		{ "photo", required_argument, NULL, OPT_PHOTO },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const formats[] = { "text", "json", NULL };
	int rating[HG_SYMPTOM_COUNT] = { NOT_GIVEN, NOT_GIVEN, NOT_GIVEN, NOT_GIVEN };
	int64_t tid = 0;
	long day = -1;
	int date = 0, have_date = 0, have_signs = 0, have_care = 0, clear = 0;
	int temp = NOT_GIVEN, format = FMT_TEXT, rc = HG_OK, c;
	unsigned signs = 0, care = 0;
	const char *note = NULL;
	char opt[16];
	char *photos[HG_PHOTOS_PER_DAY];                    
	size_t nphotos = 0; 

	while (rc == HG_OK && (c = cli_getopt("checkin", argc, argv, "", opts)) != -1) {
		if (cli_common_option(ctx, "checkin", c, &rc))
			continue;
		switch (c) {
		case 't':
			rc = cli_parse_id("--treatment", optarg, &tid);
			break;
		case 'd':
			rc = cli_parse_int("--day", optarg, 0, HG_WINDOW_MAX - 1, &day);
			break;
		case 'D':
			rc = cli_parse_date("--date", optarg, &date);
			have_date = 1;
			break;
		case '0' + HG_REDNESS:
		case '0' + HG_SWELLING:
		case '0' + HG_BRUISING:
		case '0' + HG_BLEEDING:
			snprintf(opt, sizeof opt, "--%s", model_symptom_name((enum hg_symptom)(c - '0')));
			rc = cli_parse_rating(opt, optarg, &rating[c - '0']);
			break;
		case 's': {
			unsigned bits;
			char *bad;
			if (model_parse_signs(optarg, &bits, &bad) != 0) {
				rc = cli_unknown_name("--sign", "sign", bad, sign_name, HG_SIGN_COUNT,
				                      HG_SIGNS_RETIRED);
				free(bad);
			} else if (bits & HG_SIGNS_RETIRED) {
				rc = hg_fail(HG_ERR_INPUT, "--sign: lips-airway is kept for older"
				             " records only: give airway (swollen tongue or throat,"
				             " trouble breathing or swallowing) or lips (swollen lips"
				             " or face)");
			} else {
				signs |= bits;
				have_signs = 1;
			}
			break;
		}
		case 'c': {
			unsigned bits;
			char *bad;
			if (model_parse_care(optarg, &bits, &bad) != 0) {
				rc = cli_unknown_name("--care", "care item", bad, care_name,
				                      HG_CARE_COUNT, 0);
				free(bad);
			} else {
				care |= bits;
				have_care = 1;
			}
			break;
		}
		case 'T': {
			const char *why;
			if (strcmp(optarg, "-") == 0)
				temp = HG_TEMP_NONE;
			else if (model_parse_temp(optarg, &temp, &why) != 0)
				rc = hg_fail(HG_ERR_INPUT, "--temp: %s, got \"%s\"", why, optarg);
			break;
		}
		case 'n':
			note = optarg;
			rc = cli_parse_note("--note", optarg);
			break;
		case 'C':
			clear = 1;
			break;
		case 'f':
			rc = cli_parse_format("--format", optarg, formats, &format);
			break;
		case OPT_PHOTO:     
			if (nphotos == HG_PHOTOS_PER_DAY)
				rc = hg_fail(HG_ERR_INPUT, "--photo: at most %d photos a day",
					     HG_PHOTOS_PER_DAY);
			else
				photos[nphotos++] = optarg;
			break;
		default:
			rc = cli_bad_option("checkin", argv);
		}
	}
	if (rc != HG_OK)
		return rc;
	if (optind < argc)
		return hg_fail(HG_ERR_INPUT, "checkin: unexpected argument \"%s\"", argv[optind]);
	if ((day >= 0) == have_date)
		return hg_fail(HG_ERR_INPUT, "checkin: give either --day N or --date YYYY-MM-DD");
	int given = have_signs || have_care || note || temp != NOT_GIVEN || nphotos;
	for (int i = 0; i < HG_SYMPTOM_COUNT; i++)
		given |= rating[i] != NOT_GIVEN;
	if (clear && given)
		return hg_fail(HG_ERR_INPUT, "checkin: --clear removes the whole day; it takes"
			       " no other field (--redness, --sign, --temp, --care, --note)");
	if (!given && !clear)
		return hg_fail(HG_ERR_INPUT, "checkin: nothing to record: give a rating"
			       " (--redness ...), --sign, --temp, --care or --note");

	struct hg_db *db;
	struct hg_recovery r;
	struct hg_checkin ci;
	int found = 0, widened_from = 0;
	char when[HG_DATE_LEN], today[HG_DATE_LEN];

	model_checkin_init(&ci);
	rc = cli_db(ctx, &db);
	if (rc == HG_OK)
		rc = db_begin(db);
	if (rc != HG_OK)
		return rc;
	rc = cli_pick_treatment(ctx, tid, &tid);
	if (rc == HG_OK)
		rc = db_treatment_get(db, tid, &r.t);
	if (rc != HG_OK) {
		db_rollback(db);
		return rc;
	}
	if (have_date)
		day = date - r.t.date;
	date_format(r.t.date + (int)day, when);
	date_format(ctx->today, today);
	if (day < 0 || day >= HG_WINDOW_MAX) {
		char first[HG_DATE_LEN], last[HG_DATE_LEN];

		date_format(r.t.date, first);
		date_format(r.t.date + HG_WINDOW_MAX - 1, last);
		rc = hg_fail(HG_ERR_INPUT, "--date: %s is outside treatment %lld's days"
			     " (%s to %s)", when, (long long)tid, first, last);
	} else if (r.t.date + day > ctx->today) {
		rc = hg_fail(HG_ERR_INPUT, "%s: day %ld is %s, after today (%s): future days"
			     " cannot be rated", have_date ? "--date" : "--day", day, when, today);
	}
	if (rc == HG_OK)
		rc = db_checkin_get(db, tid, (int)day, &ci, &found);
	if (rc == HG_OK && clear) {
		rc = record_checkin_clear(db, tid, (int)day);
	} else if (rc == HG_OK) {
		struct record_result res;

		/* What was given replaces what was stored; the rest stays. */
		for (int i = 0; i < HG_SYMPTOM_COUNT; i++)
			if (rating[i] != NOT_GIVEN)
				ci.rating[i] = rating[i];
		/* A list given assesses it ('' for none); one not given keeps
		 * what is stored (on a new day: not assessed). */
		if (have_signs) {
			ci.signs = signs;
			ci.signs_assessed = 1;
		}
		if (have_care) {
			ci.care = care;
			ci.care_assessed = 1;
		}
		if (temp != NOT_GIVEN)
			ci.temp = temp;
		if (note) {
			free(ci.note);
			ci.note = xstrdup(note);
		}
		rc = record_checkin_save(db, &ci, photos, nphotos, ctx->today, &res);
		widened_from = res.widened_from;
		clear = res.removed;
	}
	model_checkin_free(&ci);
	model_treatment_free(&r.t);
	if (rc == HG_OK)
		rc = db_commit(db);
	else
		db_rollback(db);
	if (rc == HG_OK)
		rc = db_recovery_load(db, tid, &r);
	if (rc == HG_OK) {
		struct hg_action *actions = NULL;
		size_t nactions = 0;

		rc = db_action_list(db, tid, &actions, &nactions);
		if (rc == HG_OK)
			report(ctx, format, &r, actions, nactions, (int)day, widened_from, clear);
		model_actions_free(actions, nactions);
		model_recovery_free(&r);
	}
	return rc;
}
