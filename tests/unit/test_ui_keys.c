/* test_ui_keys.c — the key table: no key does two things in one place,
 * every binding says what it does, the status lines fit 80 columns, and
 * the man page's KEYS section is exactly what the table says (on a
 * mismatch the expected troff is printed, to paste into man/healgrid.1). */
#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "healgrid/ui_keys.h"
#include "healgrid/ui_sel.h"
#include "healgrid/util.h"

/* Every combination of contexts a screen can be in (ui_*.c context()). */
static const unsigned contexts[] = {
	UI_K_GRID, UI_K_DAY | UI_K_RATE, UI_K_DAY | UI_K_TEXT, UI_K_FLAGS,
	UI_K_TRENDS, UI_K_TREATS, UI_K_FORM | UI_K_TEXT, UI_K_FORM | UI_K_CHOICE,
	UI_K_HELP, UI_K_CONFIRM, UI_K_SMALL, UI_K_FIRST, UI_K_PHOTO
};
#define NCONTEXTS (sizeof contexts / sizeof contexts[0])

static void test_no_key_twice_in_one_context(void **state)
{
	(void)state;
	for (size_t c = 0; c < NCONTEXTS; c++)
		for (size_t i = 0; i < ui_keys_count(); i++) {
			const struct ui_binding *a = ui_keys_get(i);

			if (!(a->ctx & contexts[c]))
				continue;
			for (size_t j = i + 1; j < ui_keys_count(); j++) {
				const struct ui_binding *b = ui_keys_get(j);

				if (!(b->ctx & contexts[c]))
					continue;
				for (int k = 0; k < UI_KEYS_MAX && a->keys[k]; k++)
					for (int m = 0; m < UI_KEYS_MAX && b->keys[m]; m++)
						if (a->keys[k] == b->keys[m])
							fail_msg("key %d bound twice (%s: %s / %s)",
								 a->keys[k], a->label, a->help, b->help);
			}
		}
}

static void test_every_binding_documented(void **state)
{
	(void)state;
	for (size_t i = 0; i < ui_keys_count(); i++) {
		const struct ui_binding *b = ui_keys_get(i);

		assert_non_null(b->label);
		assert_non_null(b->help);
		assert_true(strlen(b->help) > 1);
		assert_true(b->keys[0] != 0);
		assert_true(b->section < UI_SEC_COUNT);
		if (b->status) {
			assert_non_null(b->status_utf8);
			assert_non_null(b->status_ascii);
		}
	}
}

static void test_find(void **state)
{
	(void)state;
	assert_int_equal(ui_keys_find(UI_K_GRID, 'h')->act, ACT_LEFT);
	assert_int_equal(ui_keys_find(UI_K_GRID, '\r')->act, ACT_OPEN);
	assert_int_equal(ui_keys_find(UI_K_DAY | UI_K_RATE, '2')->act, ACT_RATE);
	assert_int_equal(ui_keys_find(UI_K_DAY | UI_K_RATE, '\r')->act, ACT_SAVE);
	/* In a text field letters are text, not commands. */
	assert_null(ui_keys_find(UI_K_DAY | UI_K_TEXT, 'q'));
	assert_null(ui_keys_find(UI_K_DAY | UI_K_TEXT, 'y'));
	assert_int_equal(ui_keys_find(UI_K_DAY | UI_K_TEXT, 127)->act, ACT_TEXT_BACKSPACE);
	assert_int_equal(ui_keys_find(UI_K_DAY | UI_K_RATE, 127)->act, ACT_UNRATE);
	/* While a question is open only its answers (and redraw) work. */
	assert_int_equal(ui_keys_find(UI_K_CONFIRM, 'y')->act, ACT_YES);
	assert_null(ui_keys_find(UI_K_CONFIRM, 'q'));
	assert_int_equal(ui_keys_find(UI_K_SMALL, 'q')->act, ACT_QUIT);
	assert_null(ui_keys_find(UI_K_SMALL, '\r'));
}

static void test_status_lines(void **state)
{
	char *s;

	(void)state;
	s = ui_keys_status(UI_K_GRID, 1, 80);
	assert_string_equal(s, "\u2190\u2191\u2193\u2192 move  \u23ce check in  f flags  t trends"
			    "  T treatments  p report  ? help  q quit");
	free(s);
	for (size_t i = 0; i < NCONTEXTS; i++)
		for (int utf8 = 0; utf8 <= 1; utf8++) {
			s = ui_keys_status(contexts[i], utf8, 80);
			assert_true(hg_utf8_width(s) <= 80);
			assert_true(strlen(s) > 0);
			free(s);
		}
	/* A list's status line keeps moving, and the flags screen its own
	 * keys at 80 columns, r still at 40. */
	for (int utf8 = 0; utf8 <= 1; utf8++) {
		s = ui_keys_status(UI_K_FLAGS, utf8, 80);
		assert_non_null(strstr(s, " move"));
		assert_non_null(strstr(s, "r done"));
		assert_non_null(strstr(s, "m medicine"));
		free(s);
	}
	s = ui_keys_status(UI_K_FLAGS, 1, 40);
	assert_string_equal(s, "\u2191\u2193 move r done Esc back ? help q quit");
	free(s);
	/* Narrow: save and cancel stay, extras go. */
	s = ui_keys_status(UI_K_DAY | UI_K_RATE, 0, 40);
	assert_true(hg_utf8_width(s) <= 40);
	assert_non_null(strstr(s, "Enter save"));
	assert_non_null(strstr(s, "Esc cancel"));
	free(s);
}

/* Troff for one string: '-' is a minus/hyphen escape. */
static void troff(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		if (*s == '-' || *s == '\\')
			sb_putc(sb, '\\');
		sb_putc(sb, *s);
	}
}

static char *expected_keys_section(void)
{
	struct strbuf sb = STRBUF_INIT;

	for (int s = 0; s < UI_SEC_COUNT; s++) {
		sb_puts(&sb, ".SS ");
		troff(&sb, ui_section_title((enum ui_section)s));
		sb_putc(&sb, '\n');
		for (size_t i = 0; i < ui_keys_count(); i++) {
			const struct ui_binding *b = ui_keys_get(i);

			if (b->section != (enum ui_section)s)
				continue;
			sb_puts(&sb, ".TP\n.B \"");
			troff(&sb, b->label);
			sb_puts(&sb, "\"\n");
			troff(&sb, b->help);
			sb_putc(&sb, '\n');
		}
	}
	return sb_detach(&sb);
}

/* The KEYS section from its first .SS up to the next .SH. */
static char *man_keys_section(const char *path)
{
	FILE *f = fopen(path, "r");
	struct strbuf sb = STRBUF_INIT;
	char line[1024];
	int in = 0, subs = 0;

	if (!f)
		return NULL;
	while (fgets(line, sizeof line, f)) {
		if (strncmp(line, ".SH", 3) == 0) {
			if (in)
				break;
			in = strncmp(line, ".SH KEYS", 8) == 0;
			continue;
		}
		if (in && strncmp(line, ".SS", 3) == 0)
			subs = 1;
		if (in && subs)
			sb_puts(&sb, line);
	}
	fclose(f);
	return sb_detach(&sb);
}

static void test_man_page_keys(void **state)
{
	const char *top = getenv("top_srcdir");
	struct strbuf path = STRBUF_INIT;
	char *want, *got;

	(void)state;
	sb_printf(&path, "%s/man/healgrid.1", top && *top ? top : ".");
	got = man_keys_section(sb_str(&path));
	if (!got)
		fail_msg("cannot read %s", sb_str(&path));
	want = expected_keys_section();
	if (strcmp(want, got) != 0) {
		printf("# man/healgrid.1 KEYS section should read:\n");
		for (char *p = want, *nl; *p; p = nl + 1) {
			nl = strchr(p, '\n');
			printf("# %.*s\n", (int)(nl - p), p);
		}
	}
	assert_string_equal(got, want);
	free(want);
	free(got);
	sb_free(&path);
}

/* The selection model: whatever happens to the list, the selection
 * names a row that exists (or none, in an empty list). */
static void test_selection_stays_in_list(void **state)
{
	struct ui_sel s = { 0, 0, 0 };
	size_t i = 99;

	(void)state;
	assert_false(ui_sel_get(&s, &i));
	ui_sel_move(&s, 1);
	ui_sel_move(&s, -1);
	assert_false(ui_sel_get(&s, &i));
	ui_sel_set_count(&s, 7);
	ui_sel_end(&s);
	assert_true(ui_sel_get(&s, &i));
	assert_int_equal(i, 6);
	ui_sel_show(&s, 3);
	assert_int_equal(s.top, 4);
	/* The list was read again with fewer rows. */
	ui_sel_set_count(&s, 2);
	assert_true(ui_sel_get(&s, &i));
	assert_int_equal(i, 1);
	assert_true(s.top <= s.selected);
	ui_sel_move(&s, 100);
	assert_int_equal(s.selected, 1);
	ui_sel_move(&s, -100);
	assert_int_equal(s.selected, 0);
	ui_sel_set(&s, 50);
	assert_int_equal(s.selected, 1);
	ui_sel_set_count(&s, 0);
	assert_false(ui_sel_get(&s, &i));
	assert_int_equal(s.selected, 0);
	assert_int_equal(s.top, 0);
}

static void test_scroll_stays_in_list(void **state)
{
	struct ui_sel s = { 0, 0, 0 };

	(void)state;
	ui_sel_set_count(&s, 10);
	ui_sel_scroll(&s, 100, 4);
	assert_int_equal(s.top, 6);
	ui_sel_scroll(&s, -2, 4);
	assert_int_equal(s.top, 4);
	ui_sel_scroll(&s, -100, 4);
	assert_int_equal(s.top, 0);
	ui_sel_set_count(&s, 3);
	ui_sel_scroll(&s, 5, 4);
	assert_int_equal(s.top, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_key_twice_in_one_context),
		cmocka_unit_test(test_every_binding_documented),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_status_lines),
		cmocka_unit_test(test_man_page_keys),
		cmocka_unit_test(test_selection_stays_in_list),
		cmocka_unit_test(test_scroll_stays_in_list),
	};

	/* Column widths of the arrows need a UTF-8 locale. */
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
