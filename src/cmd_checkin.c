/* cmd_checkin.c — `healgrid checkin`: record or correct one day, merging
 * into what is stored, in one transaction. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "healgrid/cli.h"
#include "healgrid/date.h"
#include "healgrid/util.h"

enum { NOT_GIVEN = -2 };
enum { OPT_PHOTO = 0x1300 };                                    /* photos */

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
		{ "note", required_argument, NULL, 'n' },
		{ "photo", required_argument, NULL, OPT_PHOTO },    /* photos */
		{ NULL, 0, NULL, 0 }
	};
	int rating[HG_SYMPTOM_COUNT] = { NOT_GIVEN, NOT_GIVEN, NOT_GIVEN, NOT_GIVEN };
	int64_t tid = 0;
	long day = -1;
	int date = 0, have_date = 0, have_signs = 0, rc = HG_OK, c;
	unsigned signs = 0;
	const char *note = NULL;
	char opt[16];
	char *photos[HG_PHOTOS_PER_DAY];                        /* photos */
	size_t nphotos = 0;                                     /* photos */

	while (rc == HG_OK && (c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
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
				rc = hg_fail(HG_ERR_INPUT, "--sign: unknown sign \"%s\" (known: warmth,"
					     " pus, crusting, spreading, pain, fever, blisters, rash,"
					     " dark-patches, light-patches, bumps, lines)", bad);
				free(bad);
			} else {
				signs |= bits;
				have_signs = 1;
			}
			break;
		}
		case 'n':
			note = optarg;
			rc = cli_parse_note("--note", optarg);
			break;
		case OPT_PHOTO:                                         /* photos */
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
	int given = have_signs || note || nphotos;
	for (int i = 0; i < HG_SYMPTOM_COUNT; i++)
		given |= rating[i] != NOT_GIVEN;
	if (!given)
		return hg_fail(HG_ERR_INPUT, "checkin: nothing to record: give a rating"
			       " (--redness ...), --sign or --note");

	struct hg_db *db;
	struct hg_treatment t;
	struct hg_checkin ci;
	int found;
	char when[HG_DATE_LEN], today[HG_DATE_LEN];

	rc = cli_db(ctx, &db);
	if (rc == HG_OK)
		rc = db_begin(db);
	if (rc != HG_OK)
		return rc;
	rc = cli_pick_treatment(ctx, tid, &tid);
	if (rc == HG_OK)
		rc = db_treatment_get(db, tid, &t);
	if (rc != HG_OK) {
		db_rollback(db);
		return rc;
	}
	if (have_date)
		day = date - t.date;
	date_format(t.date + (int)day, when);
	date_format(ctx->today, today);
	if (day < 0 || day >= t.window) {
		char first[HG_DATE_LEN], last[HG_DATE_LEN];

		date_format(t.date, first);
		date_format(t.date + t.window - 1, last);
		if (have_date)
			rc = hg_fail(HG_ERR_INPUT, "--date: %s is outside treatment %lld's window"
				     " (%s to %s)", when, (long long)tid, first, last);
		else
			rc = hg_fail(HG_ERR_INPUT, "--day: expected a day from 0 to %d for"
				     " treatment %lld, got \"%ld\"", t.window - 1, (long long)tid, day);
	}
	else if (t.date + day > ctx->today)
		rc = hg_fail(HG_ERR_INPUT, "%s: day %ld is %s, after today (%s): future days"
			     " cannot be rated", have_date ? "--date" : "--day", day, when, today);
	if (rc == HG_OK)
		rc = db_checkin_get(db, tid, (int)day, &ci, &found);
	if (rc == HG_OK) {
		for (int i = 0; i < HG_SYMPTOM_COUNT; i++)
			if (rating[i] != NOT_GIVEN)
				ci.rating[i] = rating[i];
		if (have_signs)
			ci.signs = signs;
		if (note) {
			free(ci.note);
			ci.note = xstrdup(note);
		}
		rc = db_checkin_put(db, &ci);
		if (rc == HG_OK)                                        /* photos */
			rc = photo_attach_files(db, tid, (int)day, photos, nphotos);
		model_checkin_free(&ci);
	}
	model_treatment_free(&t);
	if (rc == HG_OK)
		rc = db_commit(db);
	else
		db_rollback(db);
	return rc;
}
