/* ui_tform.c — the treatment form behind the treatments screen's add and
 * edit: date, device, needle depth, area, products, tracking window, note
 * and risks.  Values are checked on Enter with the same limits as
 * `healgrid treatment add` (cli.h's parsers); a bad field gets the focus
 * and a message, and nothing is written until every field is right. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "healgrid/date.h"
#include "healgrid/record.h"
#include "healgrid/validate.h"
#include "healgrid/ui_core.h"
#include "healgrid/ui_edit.h"

enum field {
	F_DATE, F_DEVICE, F_DEPTH, F_AREA, F_PRODUCTS, F_WINDOW, F_SKIN, F_NOTE,
	F_RISK,                                  /* F_RISK + i, laid in two columns */
	F_COUNT = F_RISK + HG_RISK_COUNT
};

enum { NTEXT = F_NOTE + 1, RISK_ROWS = (HG_RISK_COUNT + 1) / 2, ROW_FIELDS = 2,
       ROW_RISKS = 11, FX = 14, RISK_COL_X = 40, AREA_MAX = HG_AREA_MAX };

static const char *const field_labels[NTEXT] = {
	"Date", "Device", "Depth", "Area", "Products", "Window", "Skin type", "Note"
};

static const char *const field_hints[NTEXT] = {
	"YYYY-MM-DD: the day of the session (day 0)",
	"",
	"mm, 0.1 to 3.0; leave empty when unknown",
	"where on the body, such as face or neck",
	"serums or numbing cream used",
	"days to follow, 7 to 180",
	"Fitzpatrick I-VI (or 1-6); empty when unknown",
	"",
};

/* Risks as two columns, top to bottom then left to right. */
static const enum hg_risk risk_at[HG_RISK_COUNT] = {
	HG_RISK_ACTIVE_INFECTION, HG_RISK_ACTIVE_ACNE, HG_RISK_BLEEDING_DISORDER,
	HG_RISK_BLOOD_THINNERS, HG_RISK_COLD_SORES,
	HG_RISK_KELOIDS, HG_RISK_ISOTRETINOIN, HG_RISK_DARK_SKIN, HG_RISK_PREGNANCY,
	HG_RISK_WEAK_IMMUNITY, HG_RISK_CANCER_TREATMENT, HG_RISK_METAL_ALLERGY,
};

static const char *const risk_labels[HG_RISK_COUNT] = {
	[HG_RISK_ACTIVE_INFECTION] = "active skin infection",
	[HG_RISK_ACTIVE_ACNE] = "active acne",
	[HG_RISK_BLEEDING_DISORDER] = "bleeding disorder",
	[HG_RISK_BLOOD_THINNERS] = "blood thinners",
	[HG_RISK_COLD_SORES] = "history of cold sores",
	[HG_RISK_KELOIDS] = "keloids",
	[HG_RISK_ISOTRETINOIN] = "isotretinoin, last 6 months",
	[HG_RISK_DARK_SKIN] = "darker skin (Fitzpatrick IV-VI)",
	[HG_RISK_PREGNANCY] = "pregnancy",
	[HG_RISK_WEAK_IMMUNITY] = "weak immunity, diabetes",
	[HG_RISK_METAL_ALLERGY] = "nickel or metal allergy",
	[HG_RISK_CANCER_TREATMENT] = "cancer treatment, last 6 weeks",
};

static struct {
	int open;
	int64_t id;                       /* 0: a new treatment */
	struct ui_edit text[NTEXT];       /* F_DEVICE's slot unused */
	enum hg_device device;
	unsigned risks;
	int focus;
	char *orig;                       /* the values at opening, to spot edits */
	int orig_window;                  /* the window at opening */
} fm;

static int is_text(int f)
{
	return f < NTEXT && f != F_DEVICE;
}

static char *snapshot(void)
{
	struct strbuf sb = STRBUF_INIT;

	for (int f = 0; f < NTEXT; f++)
		if (is_text(f))
			sb_printf(&sb, "%s%c", ui_edit_text(&fm.text[f]), '\x1f');
	sb_printf(&sb, "%d %u", (int)fm.device, fm.risks);
	return sb_detach(&sb);
}

static int changed(void)
{
	if (!fm.open)
		return 0;
	char *now = snapshot();
	int c = strcmp(now, fm.orig) != 0;

	free(now);
	return c;
}

static int tform_open(struct ui *ui, int64_t id)
{
	struct hg_treatment t;
	char date[HG_DATE_LEN], depth[16] = "", window[8], skin[8] = "";

	memset(&fm, 0, sizeof fm);
	model_treatment_init(&t);
	if (id) {
		if (db_treatment_get(ui->db, id, &t) != HG_OK) {
			ui_db_error(ui);
			return -1;
		}
	} else {
		t.date = ui->today;
		t.area = xstrdup("face");
		t.products = xstrdup("");
		t.note = xstrdup("");
		t.window = HG_WINDOW_DEFAULT;
	}
	fm.open = 1;
	fm.id = id;
	date_format(t.date, date);
	if (t.depth > 0)
		model_format_depth(t.depth, depth, sizeof depth);
	snprintf(window, sizeof window, "%d", t.window);
	fm.orig_window = t.window;
	ui_edit_init(&fm.text[F_DATE], date, 10);
	ui_edit_init(&fm.text[F_DEPTH], depth, 8);
	ui_edit_init(&fm.text[F_AREA], t.area, AREA_MAX);
	ui_edit_init(&fm.text[F_PRODUCTS], t.products, HG_NOTE_MAX);
	ui_edit_init(&fm.text[F_WINDOW], window, 3);
	if (t.skin_type != HG_SKIN_NONE)
		snprintf(skin, sizeof skin, "%s", model_skin_type_name(t.skin_type));
	ui_edit_init(&fm.text[F_SKIN], skin, 3);
	ui_edit_init(&fm.text[F_NOTE], t.note, HG_NOTE_MAX);
	fm.device = t.device;
	fm.risks = t.risks;
	fm.orig = snapshot();
	model_treatment_free(&t);
	return 0;
}

static void tform_close(struct ui *ui)
{
	(void)ui;
	if (!fm.open)
		return;
	for (int f = 0; f < NTEXT; f++)
		if (is_text(f))
			ui_edit_free(&fm.text[f]);
	free(fm.orig);
	memset(&fm, 0, sizeof fm);
}

static void tform_draw(struct ui *ui)
{
	char title[64];

	if (fm.id)
		snprintf(title, sizeof title, "Edit treatment %lld", (long long)fm.id);
	else
		snprintf(title, sizeof title, "New treatment");
	ui_title(ui, title, NULL);
	for (int f = 0; f < NTEXT; f++) {
		int y = ROW_FIELDS + f, focused = fm.focus == f;

		ui_put(ui, y, 2, FX - 3, focused ? A_REVERSE | A_BOLD : A_BOLD, field_labels[f]);
		if (f == F_DEVICE) {
			int x = FX - 1;
			for (int d = 0; d < HG_DEVICE_COUNT; d++) {
				int on = fm.device == (enum hg_device)d;
				x += ui_putf(ui, y, x, 30, (on ? A_BOLD : A_NORMAL) |
					     (focused && on ? A_REVERSE : A_NORMAL), "(%s) %s",
					     on ? "*" : " ", model_device_name((enum hg_device)d));
				x += 3;
			}
			ui_put(ui, y, x, COLS - x - 1, A_DIM, "a pen at a clinic, or a roller");
			continue;
		}
		int w = f == F_DATE ? 11 : f == F_DEPTH ? 7 : f == F_WINDOW || f == F_SKIN ? 4
			: COLS - FX - 2;
		if (w < COLS - FX - 2)
			ui_put(ui, y, FX + w + 2, COLS - FX - w - 3, A_DIM, field_hints[f]);
		mvaddch(y, FX - 1, '[');
		mvaddch(y, FX + w, ']');
		ui_edit_draw(ui, &fm.text[f], y, FX, w, focused);
	}
	ui_put(ui, ROW_RISKS - 1, 2, COLS - 4, A_BOLD, "Risks (space to tick)");
	for (int i = 0; i < HG_RISK_COUNT; i++) {
		int y = ROW_RISKS + i % RISK_ROWS, x = i < RISK_ROWS ? 2 : RISK_COL_X;
		int on = (fm.risks & HG_BIT(risk_at[i])) != 0;

		ui_putf(ui, y, x, RISK_COL_X - 4, (fm.focus == F_RISK + i ? A_REVERSE : A_NORMAL) |
			(on ? A_BOLD : A_NORMAL), "[%s] %s", on ? "x" : " ", risk_labels[risk_at[i]]);
	}
	if (fm.focus >= NTEXT || fm.focus == F_DEVICE)
		ui_put(ui, ROW_RISKS + RISK_ROWS + 1, 2, COLS - 4, A_DIM,
		       "Risks raise precaution flags and change some advice.");
}

/* ---- checking and saving ---- */

static int fail_at(struct ui *ui, int field, const char *msg)
{
	fm.focus = field;
	ui_error(ui, "%s", msg);
	return -1;
}

static void save(struct ui *ui)
{
	static const struct record_names names = { "Area", "Date", "Window" };
	struct record_result res = { 0 };
	struct hg_treatment t;
	int rc;
	char msg[HG_VALID_MSG + 16], vmsg[HG_VALID_MSG];

	model_treatment_init(&t);
	t.id = fm.id;
	if (validate_treatment_date(ui_edit_text(&fm.text[F_DATE]), &t.date, vmsg) != 0) {
		snprintf(msg, sizeof msg, "Date: %s.", vmsg);
		fail_at(ui, F_DATE, msg);
		return;
	}
	if (validate_depth(ui_edit_text(&fm.text[F_DEPTH]), 1, &t.depth, vmsg) != 0) {
		snprintf(msg, sizeof msg, "Depth: %s.", vmsg);
		fail_at(ui, F_DEPTH, msg);
		return;
	}
	if (validate_area(ui_edit_text(&fm.text[F_AREA]), vmsg) != 0) {
		snprintf(msg, sizeof msg, "Area: %s.", vmsg);
		fail_at(ui, F_AREA, msg);
		return;
	}
	if (validate_window(ui_edit_text(&fm.text[F_WINDOW]), &t.window, vmsg) != 0) {
		snprintf(msg, sizeof msg, "Window: %s.", vmsg);
		fail_at(ui, F_WINDOW, msg);
		return;
	}
	if (*ui_edit_text(&fm.text[F_SKIN])) {
		t.skin_type = model_parse_skin_type(ui_edit_text(&fm.text[F_SKIN]));
		if (t.skin_type < 0) {
			fail_at(ui, F_SKIN, "Skin type: expected I to VI (or 1 to 6), or empty.");
			return;
		}
	}
	t.device = fm.device;
	t.risks = fm.risks;
	t.area = xstrdup(ui_edit_text(&fm.text[F_AREA]));
	t.products = xstrdup(ui_edit_text(&fm.text[F_PRODUCTS]));
	t.note = xstrdup(ui_edit_text(&fm.text[F_NOTE]));
	/* The record layer holds the rules: check-ins keep their calendar
	 * dates when the date moves, a window that was not changed widens to
	 * fit them, no two treatments share date and area. */
	if (t.id)
		rc = record_treatment_edit(ui->db, &t, t.window != fm.orig_window, &names, NULL,
					   &res);
	else
		rc = record_treatment_add(ui->db, &t, &names);
	model_treatment_free(&t);
	if (rc != HG_OK) {
		const char *e = hg_error();

		fm.focus = strncmp(e, "Window", 6) == 0 ? F_WINDOW
			: strncmp(e, "Date", 4) == 0 ? F_DATE
			: strncmp(e, "Area", 4) == 0 ? F_AREA : fm.focus;
		ui_db_error(ui);
		return;
	}
	ui->changes++;
	if (!fm.id) {
		/* A new treatment is the one to follow now. */
		int64_t id = t.id;

		if (ui_load(ui, id) == HG_OK) {
			ui_home(ui);
			if (t.date > ui->today)
				ui_message(ui, "Added treatment %lld, planned in %d day%s: f lists what to "
					   "check before the session.", (long long)id, t.date - ui->today,
					   t.date - ui->today == 1 ? "" : "s");
			else
				ui_message(ui, "Added treatment %lld: Enter on a day to check in.",
					   (long long)id);
		}
		return;
	}
	if (ui->have && ui->rec.t.id == fm.id)
		ui_reload(ui);
	int64_t id = fm.id;
	ui_pop(ui);
	if (res.widened_from)
		ui_message(ui, "Saved treatment %lld; its window widened to %d days to keep day %d.",
			   (long long)id, res.window, res.window - 1);
	else
		ui_message(ui, "Saved treatment %lld.", (long long)id);
}

/* ---- keys ---- */

static void cancel_answer(struct ui *ui, int64_t id, int yes)
{
	(void)id;
	if (yes && ui_current(ui) == UI_TFORM)
		ui_pop(ui);
}

static void quit_answer(struct ui *ui, int64_t id, int yes)
{
	(void)id;
	if (yes)
		ui->quit = 1;
}

static int field_down(int f)
{
	if (f < F_RISK - 1)
		return f + 1;
	if (f == F_RISK - 1)
		return F_RISK;
	int i = f - F_RISK;
	if (i % RISK_ROWS < RISK_ROWS - 1 && i + 1 < HG_RISK_COUNT)
		return f + 1;
	return f;
}

static int field_up(int f)
{
	if (f <= F_RISK)
		return f > 0 ? f - 1 : 0;
	int i = f - F_RISK;
	if (i % RISK_ROWS == 0)
		return F_RISK - 1;
	return f - 1;
}

static int tform_act(struct ui *ui, enum ui_action act, int key)
{
	int f = fm.focus;

	(void)key;
	if (is_text(f) && ui_edit_act(&fm.text[f], act))
		return 1;
	switch (act) {
	case ACT_UP:
		fm.focus = field_up(f);
		return 1;
	case ACT_DOWN:
		fm.focus = field_down(f);
		return 1;
	case ACT_LEFT:
	case ACT_RIGHT:
		if (f == F_DEVICE) {
			fm.device = fm.device == HG_DEVICE_HOME ? HG_DEVICE_PROFESSIONAL : HG_DEVICE_HOME;
		} else if (f >= F_RISK) {
			int i = f - F_RISK, row = i % RISK_ROWS;
			int to = act == ACT_LEFT ? row : row + RISK_ROWS;
			if (to < HG_RISK_COUNT)
				fm.focus = F_RISK + to;
		}
		return 1;
	case ACT_TOGGLE:
		if (f == F_DEVICE)
			fm.device = fm.device == HG_DEVICE_HOME ? HG_DEVICE_PROFESSIONAL : HG_DEVICE_HOME;
		else if (f >= F_RISK)
			fm.risks ^= HG_BIT(risk_at[f - F_RISK]);
		return 1;
	case ACT_SAVE:
		save(ui);
		return 1;
	case ACT_CANCEL:
		if (changed())
			ui_ask(ui, cancel_answer, fm.id, "Throw away this treatment's changes?");
		else
			ui_pop(ui);
		return 1;
	case ACT_QUIT:
		if (!changed())
			return 0;
		ui_ask(ui, quit_answer, fm.id, "Quit without saving this treatment?");
		return 1;
	default:
		return 0;
	}
}

static void tform_text(struct ui *ui, int key)
{
	if (!is_text(fm.focus)) {
		if (key > ' ')
			ui_error(ui, "Space ticks, Up/Down moves between fields, Enter saves.");
		return;
	}
	if (key < 0x20 || key == 0x7F)
		return;
	if (ui_edit_insert(&fm.text[fm.focus], (unsigned)key) != 0)
		ui_error(ui, "%s is full.", field_labels[fm.focus]);
}

static int tform_busy(struct ui *ui)
{
	(void)ui;
	return changed();
}

static unsigned tform_context(struct ui *ui)
{
	(void)ui;
	return UI_K_FORM | (is_text(fm.focus) ? UI_K_TEXT : UI_K_CHOICE);
}

const struct screen_ops ui_tform_screen = {
	.name = "treatment form",
	.open = tform_open,
	.draw = tform_draw,
	.context = tform_context,
	.act = tform_act,
	.text = tform_text,
	.busy = tform_busy,
	.close = tform_close,
};
