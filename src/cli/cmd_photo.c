/* cmd_photo.c — `healgrid photo list|export|delete`.  Attaching lives in
 * the record layer (src/record/record.c), decoding and cleaning in
 * src/image/image.c, storage in src/store/db.c. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "healgrid/cli.h"
#include "healgrid/date.h"
#include "healgrid/record.h"
#include "healgrid/image.h"
#include "healgrid/json.h"
#include "healgrid/atomicfile.h"
#include "healgrid/util.h"

static void list_text(FILE *out, int64_t tid, const struct hg_photo_info *p, size_t n)
{
	if (n == 0) {
		fprintf(out, "no photos of treatment %lld (add one with 'healgrid checkin"
			" --photo FILE')\n", (long long)tid);
		return;
	}
	fprintf(out, "%6s  %-10s  %4s  %-9s  %9s\n", "id", "date", "day", "size", "bytes");
	for (size_t i = 0; i < n; i++) {
		char date[HG_DATE_LEN], size[32];

		date_format(p[i].date, date);
		snprintf(size, sizeof size, "%dx%d", p[i].width, p[i].height);
		fprintf(out, "%6lld  %-10s  %4d  %-9s  %9lld\n", (long long)p[i].id, date,
			p[i].day, size, (long long)p[i].bytes);
	}
}

static void list_json(FILE *out, const struct hg_photo_info *p, size_t n)
{
	struct strbuf sb = STRBUF_INIT;

	sb_puts(&sb, "{\"photos\": [");
	for (size_t i = 0; i < n; i++) {
		char date[HG_DATE_LEN];

		date_format(p[i].date, date);
		sb_printf(&sb, "%s{\"id\": %lld, \"treatment\": %lld, \"day\": %d, \"date\": \"%s\","
			  " \"width\": %d, \"height\": %d, \"bytes\": %lld}", i ? ", " : "",
			  (long long)p[i].id, (long long)p[i].treatment_id, p[i].day, date,
			  p[i].width, p[i].height, (long long)p[i].bytes);
	}
	sb_puts(&sb, "]}\n");
	fputs(sb_str(&sb), out);
	sb_free(&sb);
}

static int photo_list(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "treatment", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const formats[] = { "text", "json", NULL };
	struct hg_photo_info *p = NULL;
	struct hg_db *db;
	int64_t tid = 0;
	size_t n = 0;
	int format = 0, rc = HG_OK, c;

	while (rc == HG_OK && (c = cli_getopt("photo list", argc, argv, "", opts)) != -1) {
		if (cli_common_option(ctx, "photo", c, &rc))
			continue;
		if (c == 't')
			rc = cli_parse_id("--treatment", optarg, &tid);
		else if (c == 'f')
			rc = cli_parse_format("--format", optarg, formats, &format);
		else
			rc = cli_bad_option("photo list", argv);
	}
	if (rc == HG_OK && optind < argc)
		rc = hg_fail(HG_ERR_INPUT, "photo list: unexpected argument \"%s\"", argv[optind]);
	ctx->db_mode = CLI_DB_EXISTING;     /* listing never creates a database */
	if (rc == HG_OK)
		rc = cli_db(ctx, &db);
	if (rc == HG_OK)
		rc = cli_pick_treatment(ctx, tid, &tid);
	if (rc == HG_OK)
		rc = db_photo_list(db, tid, &p, &n);
	if (rc == HG_OK) {
		if (format == 1)
			list_json(ctx->out, p, n);
		else
			list_text(ctx->out, tid, p, n);
	}
	free(p);
	return rc;
}

/* The one ID argument of export and delete. */
static int photo_id(const char *action, int argc, char **argv, int64_t *id)
{
	const char *s;
	char *end;
	long long v;

	if (optind >= argc)
		return hg_fail(HG_ERR_INPUT, "photo %s: which photo? give its id (see"
			       " 'healgrid photo list')", action);
	if (optind + 1 < argc)
		return hg_fail(HG_ERR_INPUT, "photo %s: unexpected argument \"%s\"", action,
			       argv[optind + 1]);
	s = argv[optind];
	errno = 0;
	v = strtoll(s, &end, 10);
	if (!*s || *end || errno || v < 1 || s[0] == ' ' || s[0] == '+')
		return hg_fail(HG_ERR_INPUT, "photo %s: expected a photo id (a number from"
			       " 'healgrid photo list'), got \"%s\"", action, s);
	*id = v;
	return HG_OK;
}

static int photo_export(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	struct hg_photo_info info;
	struct hg_db *db;
	unsigned char *data = NULL;
	const char *output = NULL;
	size_t len = 0;
	int64_t id = 0;
	int rc = HG_OK, c;

	while (rc == HG_OK && (c = cli_getopt("photo export", argc, argv, "o:", opts)) != -1) {
		if (cli_common_option(ctx, "photo", c, &rc))
			continue;
		if (c == 'o') {
			output = optarg;
			if (!*optarg)
				rc = hg_fail(HG_ERR_INPUT, "-o: expected a file name, got \"\"");
		} else {
			rc = cli_bad_option("photo export", argv);
		}
	}
	if (rc == HG_OK)
		rc = photo_id("export", argc, argv, &id);
	if (rc == HG_OK && !output)
		rc = hg_fail(HG_ERR_INPUT, "photo export: give -o FILE (the JPEG to write)");
	if (rc == HG_OK)
		rc = cli_db(ctx, &db);
	if (rc == HG_OK)
		rc = db_photo_get(db, id, 0, &info, &data, &len);
	if (rc == HG_OK && output && strcmp(output, "-") == 0) {
		if (fwrite(data, 1, len, ctx->out) != len)
			rc = hg_fail(HG_ERR_RUNTIME, "cannot write output");
	} else if (rc == HG_OK) {
		struct atomic_file f;

		rc = atomic_open(&f, output);
		if (rc == HG_OK) {
			if (fwrite(data, 1, len, f.fp) == len)
				rc = atomic_commit(&f);
			else {
				atomic_abort(&f);
				rc = hg_fail(HG_ERR_RUNTIME, "%s: cannot write; nothing was written",
					     output);
			}
		}
	}
	free(data);
	return rc;
}

static int photo_delete(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "yes", no_argument, NULL, 'y' },
		{ NULL, 0, NULL, 0 }
	};
	struct hg_photo_info info;
	struct hg_db *db;
	unsigned char *data = NULL;
	size_t len;
	int64_t id = 0;
	int yes = 0, rc = HG_OK, c;
	char date[HG_DATE_LEN];

	while (rc == HG_OK && (c = cli_getopt("photo delete", argc, argv, "", opts)) != -1) {
		if (cli_common_option(ctx, "photo", c, &rc))
			continue;
		if (c == 'y')
			yes = 1;
		else
			rc = cli_bad_option("photo delete", argv);
	}
	if (rc == HG_OK)
		rc = photo_id("delete", argc, argv, &id);
	if (rc == HG_OK)
		rc = cli_db(ctx, &db);
	if (rc == HG_OK)
		rc = db_photo_get(db, id, 1, &info, &data, &len);
	free(data);
	if (rc != HG_OK)
		return rc;
	date_format(info.date, date);
	if (!yes)
		return hg_fail(HG_ERR_INPUT, "photo delete: this removes photo %lld (day %d, %s,"
			       " of treatment %lld) for good; add --yes to confirm", (long long)id,
			       info.day, date, (long long)info.treatment_id);
	rc = record_photo_delete(db, id);
	if (rc == HG_OK)
		fprintf(ctx->out, "deleted photo %lld (day %d, %s, of treatment %lld)\n",
			(long long)id, info.day, date, (long long)info.treatment_id);
	return rc;
}

int cmd_photo(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc < 2)
		return hg_fail(HG_ERR_INPUT, "photo: expected list, export or delete"
			       " (see healgrid photo --help)");
	const char *sub = argv[1];
	if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0) {
		cli_usage("photo", stdout);
		return HG_OK;
	}
	if (strcmp(sub, "list") == 0)
		return photo_list(ctx, argc - 1, argv + 1);
	if (strcmp(sub, "export") == 0)
		return photo_export(ctx, argc - 1, argv + 1);
	if (strcmp(sub, "delete") == 0)
		return photo_delete(ctx, argc - 1, argv + 1);
	return hg_fail(HG_ERR_INPUT, "photo: unknown action \"%s\" (expected list, export"
		       " or delete)", sub);
}
