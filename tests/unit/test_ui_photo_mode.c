/* test_ui_photo_mode.c — the photo screen draws pixels only where the
 * terminal answered for a graphics protocol and no multiplexer (tmux,
 * GNU screen) is in the way; coloured symbols everywhere else. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "healgrid/ui_photo.h"

#define DA1_SIXEL "\033[?62;4;6;22c"
#define DA1_PLAIN "\033[?62;1;6;22c"
#define KITTY_OK "\033_Gi=31;OK\033\\"
#define ITERM_OK "\033]1337;ReportCellSize=17.0;8.0;2.0\033\\"

static enum ui_photo_mode choose(const char *term, const char *tmux, const char *sty,
				 const char *reply)
{
	return ui_photo_choose(term, tmux, sty, reply, reply ? strlen(reply) : 0);
}

static void test_answered_protocols(void **state)
{
	(void)state;
	assert_int_equal(choose("xterm-kitty", NULL, NULL, KITTY_OK DA1_PLAIN), UI_PHOTO_KITTY);
	assert_int_equal(choose("xterm-256color", NULL, NULL, ITERM_OK DA1_PLAIN),
			 UI_PHOTO_ITERM2);
	assert_int_equal(choose("xterm-256color", NULL, NULL, DA1_SIXEL), UI_PHOTO_SIXEL);
	/* kitty is preferred when a terminal answers for several */
	assert_int_equal(choose("xterm", NULL, NULL, KITTY_OK DA1_SIXEL), UI_PHOTO_KITTY);
	/* empty strings are "not set" */
	assert_int_equal(choose("xterm", "", "", DA1_SIXEL), UI_PHOTO_SIXEL);
}

static void test_no_answer_means_symbols(void **state)
{
	(void)state;
	assert_int_equal(choose("xterm-kitty", NULL, NULL, NULL), UI_PHOTO_SYMBOLS);
	assert_int_equal(choose("xterm-kitty", NULL, NULL, ""), UI_PHOTO_SYMBOLS);
	/* a terminal without sixel: the class 4 is not the feature 4 */
	assert_int_equal(choose("xterm", NULL, NULL, DA1_PLAIN), UI_PHOTO_SYMBOLS);
	assert_int_equal(choose("vt100", NULL, NULL, "\033[?4;1c"), UI_PHOTO_SYMBOLS);
	/* the name alone is not an answer */
	assert_int_equal(choose("xterm-kitty", NULL, NULL, DA1_PLAIN), UI_PHOTO_SYMBOLS);
	assert_int_equal(choose("dumb", NULL, NULL, KITTY_OK DA1_SIXEL), UI_PHOTO_SYMBOLS);
	assert_int_equal(choose(NULL, NULL, NULL, KITTY_OK DA1_SIXEL), UI_PHOTO_SYMBOLS);
}

static void test_never_inside_a_multiplexer(void **state)
{
	(void)state;
	/* even when the outer terminal's answer came through */
	assert_int_equal(choose("xterm-256color", "/tmp/tmux-0/default,1,0", NULL,
				KITTY_OK DA1_SIXEL), UI_PHOTO_SYMBOLS);
	assert_int_equal(choose("xterm-256color", NULL, "1234.pts-0.host", DA1_SIXEL),
			 UI_PHOTO_SYMBOLS);
	assert_int_equal(choose("screen-256color", NULL, NULL, DA1_SIXEL), UI_PHOTO_SYMBOLS);
	assert_int_equal(choose("tmux-256color", NULL, NULL, ITERM_OK DA1_PLAIN),
			 UI_PHOTO_SYMBOLS);
	assert_true(ui_photo_multiplexed("screen", NULL, NULL));
	assert_false(ui_photo_multiplexed("xterm", NULL, NULL));
}

static void test_reply_done(void **state)
{
	(void)state;
	assert_false(ui_photo_reply_done(NULL, 0));
	assert_false(ui_photo_reply_done(KITTY_OK, strlen(KITTY_OK)));
	assert_false(ui_photo_reply_done("\033[?62;4", 7));
	assert_true(ui_photo_reply_done(KITTY_OK DA1_SIXEL, strlen(KITTY_OK DA1_SIXEL)));
	assert_string_equal(ui_photo_mode_name(UI_PHOTO_SIXEL), "sixel");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_answered_protocols),
		cmocka_unit_test(test_no_answer_means_symbols),
		cmocka_unit_test(test_never_inside_a_multiplexer),
		cmocka_unit_test(test_reply_done),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
