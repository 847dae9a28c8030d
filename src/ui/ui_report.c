/* ui_report.c — the `p` key: the report for the dermatologist of the
 * treatment on screen, as PDF (on the locale's paper), HTML and text,
 * written beside the database as healgrid-report-<treatment date>-<id>.pdf,
 * .html and .txt (mode 0600, each atomically: a failed write leaves the
 * old file or none).  What a
 * report says is report.c's; where the UI puts it is decided here. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "healgrid/atomicfile.h"
#include "healgrid/date.h"
#include "healgrid/report.h"
#include "healgrid/ui_core.h"

static int write_one(struct ui *ui, const char *path, enum report_format fmt)
{
	struct atomic_file f;
	int rc = atomic_open(&f, path);

	if (rc != HG_OK)
		return rc;
	rc = report_write_db_paper(f.fp, ui->db, ui->rec.t.id, fmt, ui->today,
				   report_paper_default());
	if (rc == HG_OK)
		rc = atomic_commit(&f);
	else
		atomic_abort(&f);
	return rc;
}

void ui_report(struct ui *ui)
{
	static const struct {
		const char *ext;
		enum report_format fmt;
	} files[] = { { "pdf", REPORT_PDF }, { "html", REPORT_HTML }, { "txt", REPORT_TEXT } };
	struct strbuf path = STRBUF_INIT, first = STRBUF_INIT;
	char date[HG_DATE_LEN], *folder;
	int rc = HG_OK;

	if (!ui->have) {
		ui_error(ui, "No treatment yet: nothing to report.");
		return;
	}
	date_format(ui->rec.t.date, date);
	folder = hg_dirname(db_path(ui->db));
	for (size_t i = 0; i < sizeof files / sizeof files[0] && rc == HG_OK; i++) {
		path.len = 0;
		if (path.s)
			path.s[0] = '\0';
		sb_printf(&path, "%s/healgrid-report-%s-%lld.%s", folder, date,
			  (long long)ui->rec.t.id, files[i].ext);
		if (i == 0)
			sb_puts(&first, sb_str(&path));
		rc = write_one(ui, sb_str(&path), files[i].fmt);
	}
	free(folder);
	if (rc != HG_OK) {
		ui_db_error(ui);
	} else {
		/* The whole path, folder included: a message longer than
		 * the line is shown wrapped in a box (src/ui.c). */
		ui_message(ui, "Report written: %s (and .html, .txt)", sb_str(&first));
	}
	sb_free(&path);
	sb_free(&first);
}
