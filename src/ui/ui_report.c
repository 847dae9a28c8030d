/* ui_report.c — the `p` key: the report for the dermatologist of the
 * treatment on screen, as HTML and as text, written beside the database
 * as healgrid-report-<treatment date>-<id>.html and .txt (mode 0600,
 * each atomically: a failed write leaves the old file or none).  What a
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
	rc = report_write_db(f.fp, ui->db, ui->rec.t.id, fmt, ui->today);
	if (rc == HG_OK)
		rc = atomic_commit(&f);
	else
		atomic_abort(&f);
	return rc;
}

void ui_report(struct ui *ui)
{
	struct strbuf html = STRBUF_INIT, txt = STRBUF_INIT;
	char date[HG_DATE_LEN], *folder;

	if (!ui->have) {
		ui_error(ui, "No treatment yet: nothing to report.");
		return;
	}
	date_format(ui->rec.t.date, date);
	folder = hg_dirname(db_path(ui->db));
	sb_printf(&html, "%s/healgrid-report-%s-%lld.html", folder, date, (long long)ui->rec.t.id);
	sb_printf(&txt, "%s/healgrid-report-%s-%lld.txt", folder, date, (long long)ui->rec.t.id);
	free(folder);
	if (write_one(ui, sb_str(&html), REPORT_HTML) != HG_OK ||
	    write_one(ui, sb_str(&txt), REPORT_TEXT) != HG_OK) {
		ui_db_error(ui);
	} else {
		/* The whole path, folder included: a message longer than
		 * the line is shown wrapped in a box (src/ui.c). */
		ui_message(ui, "Report written: %s (and .txt)", sb_str(&html));
	}
	sb_free(&html);
	sb_free(&txt);
}
