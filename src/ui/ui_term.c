/* ui_term.c — the terminal under the interface: curses set-up (modes,
 * keys, colours), the one function that gives the terminal back (from
 * the normal way out and from atexit), the signal handlers (a stop flag
 * for SIGINT/SIGTERM/SIGHUP; a crash handler that restores the terminal
 * and removes the temporary files with async-signal-safe calls and
 * re-raises; running out of memory gives the terminal back before saying
 * so), and noticing a terminal
 * that has gone away.  Nothing here knows a screen.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "healgrid/ui_core.h"
#include "healgrid/ui_term.h"
#include "healgrid/util.h"

/* Set by the SIGINT/SIGTERM/SIGHUP handler; the main loop sees it and
 * returns normally, so every clean-up on the way out runs. */
static volatile sig_atomic_t stop_signal;
/* Curses owns the terminal: the restore function has work to do. */
static volatile sig_atomic_t curses_active;

/* Set while ncurses reads the terminal description (newterm).  ncurses
 * does not survive every failed allocation there: it may print its own
 * "Out of memory" and exit(1), or dereference the NULL.  Either way the
 * terminal is still untouched, so healgrid says what happened in one line
 * and exits 1 instead of dumping core. */
static volatile sig_atomic_t in_setup;
static const char setup_failed[] =
	"healgrid: out of memory while setting up the terminal; nothing was changed\n";

/* A line on stderr from a signal handler: write(2) only. */
static void say_raw(const char *s)
{
	ssize_t n = write(STDERR_FILENO, s, strlen(s));

	(void)n;
}

static void setup_failed_say(void)
{
	say_raw(setup_failed);
}

/* Set while a library that aborts on a failed allocation runs (see
 * ui_term_abort_means_oom): what healgrid was doing. */
static const char *volatile abort_means_oom;

void ui_term_abort_means_oom(const char *what)
{
	abort_means_oom = what;
}

static const int stop_signals[] = { SIGINT, SIGTERM, SIGHUP };
static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP, SIGQUIT };
#define NSTOP (sizeof stop_signals / sizeof stop_signals[0])
#define NCRASH (sizeof crash_signals / sizeof crash_signals[0])
static struct sigaction saved_stop[NSTOP], saved_crash[NCRASH];

/* What the crash handler needs, made before curses takes the terminal:
 * the terminal's own sequences to leave the alternate screen, show the
 * cursor, reset the attributes and the keypad and mouse modes, and the
 * terminal modes as they were.  A handler may only call async-signal-safe
 * functions: write(2) and tcsetattr(3) are, curses is not. */
static char crash_reset[256];
static size_t crash_reset_len;
static struct termios saved_tty;
static volatile sig_atomic_t have_saved_tty;

static int cap_ok(const char *seq)
{
	return seq && seq != (const char *)-1;
}

static void crash_reset_add(const char *seq)
{
	size_t n;

	if (!cap_ok(seq))
		return;
	n = strlen(seq);
	if (n < sizeof crash_reset - crash_reset_len) {
		memcpy(crash_reset + crash_reset_len, seq, n);
		crash_reset_len += n;
	}
}

/* After newterm(): the sequences of the terminal curses now drives. */
static void crash_reset_prepare(void)
{
	const char *xm = tigetstr("XM");

	crash_reset_len = 0;
	/* Mouse reporting off: the terminal's XM with 0, else xterm's. */
	if (cap_ok(xm))
		crash_reset_add(tiparm(xm, 0));
	else if (cap_ok(tigetstr("kmous")))
		crash_reset_add("\033[?1000l");
	crash_reset_add(tigetstr("sgr0"));
	crash_reset_add(tigetstr("cnorm"));
	crash_reset_add(tigetstr("rmkx"));
	crash_reset_add(tigetstr("rmcup"));
}

/* The one way back to a usable terminal: leaves the alternate screen,
 * shows the cursor, restores the modes.  Safe to call more than once;
 * not from a signal handler (on_crash has its own). */
static void ui_restore_terminal(void)
{
	if (in_setup) {         /* ncurses gave up inside newterm: exit(1) */
		in_setup = 0;
		setup_failed_say();
	}
	if (!curses_active)
		return;
	curses_active = 0;
	curs_set(1);
	endwin();
}

static void on_stop(int sig)
{
	stop_signal = sig;
}

/* A crash: give the terminal back with async-signal-safe calls only,
 * then die of the same signal (installed with SA_RESETHAND, so the
 * re-raise takes the default action). */
static void on_crash(int sig)
{
	int saved = errno;

	if (in_setup && (sig == SIGSEGV || sig == SIGBUS)) {
		setup_failed_say();
		_exit(1);
	}
	if (curses_active) {
		const char *p = crash_reset;
		size_t left = crash_reset_len;

		while (left > 0) {
			ssize_t n = write(STDOUT_FILENO, p, left);

			if (n <= 0)
				break;
			p += n;
			left -= (size_t)n;
		}
		if (have_saved_tty)
			(void)tcsetattr(STDIN_FILENO, TCSANOW, &saved_tty);
		curses_active = 0;
	}
	/* The photo copies and the demo database go too. */
	hg_tmp_remove_all();
	/* GLib's g_error() raises SIGTRAP, its g_abort() SIGABRT */
	if ((sig == SIGABRT || sig == SIGTRAP) && abort_means_oom) {
		/* after the terminal is back, where the line stays */
		say_raw("healgrid: out of memory while ");
		say_raw(abort_means_oom);
		say_raw("; what was saved is kept\n");
		_exit(1);
	}
	(void)raise(sig);
	/* raise() does return: sig stays blocked until this handler returns,
	 * and is delivered (fatally) then. */
	/* cppcheck-suppress unreachableCode */
	errno = saved;
}

static void signals_install(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a signal interrupts the blocking read of a key. */
	sa.sa_handler = on_stop;
	for (size_t i = 0; i < NSTOP; i++)
		sigaction(stop_signals[i], &sa, &saved_stop[i]);
	sa.sa_handler = on_crash;
	sa.sa_flags = (int)SA_RESETHAND;
	for (size_t i = 0; i < NCRASH; i++)
		sigaction(crash_signals[i], &sa, &saved_crash[i]);
}

static void signals_restore(void)
{
	for (size_t i = 0; i < NSTOP; i++)
		sigaction(stop_signals[i], &saved_stop[i], NULL);
	for (size_t i = 0; i < NCRASH; i++)
		sigaction(crash_signals[i], &saved_crash[i], NULL);
}

static void colors_init(struct ui *ui)
{
	const char *no_color = getenv("NO_COLOR");

	ui->color = has_colors() && !(no_color && *no_color);
	if (!ui->color)
		return;
	if (start_color() != OK) {
		ui->color = 0;
		return;
	}
	short bg = use_default_colors() == OK ? -1 : COLOR_BLACK;
	init_pair(UI_PAIR_R0, COLOR_GREEN, bg);
	init_pair(UI_PAIR_R1, COLOR_YELLOW, bg);
	init_pair(UI_PAIR_R2, COLOR_MAGENTA, bg);
	init_pair(UI_PAIR_R3, COLOR_RED, bg);
	init_pair(UI_PAIR_URGENT, COLOR_RED, bg);
	init_pair(UI_PAIR_DOCTOR, COLOR_YELLOW, bg);
	init_pair(UI_PAIR_WATCH, COLOR_CYAN, bg);
	init_pair(UI_PAIR_H0, COLOR_BLACK, COLOR_GREEN);
	init_pair(UI_PAIR_H1, COLOR_BLACK, COLOR_YELLOW);
	init_pair(UI_PAIR_H2, COLOR_BLACK, COLOR_MAGENTA);
	init_pair(UI_PAIR_H3, COLOR_WHITE, COLOR_RED);
	init_pair(UI_PAIR_TITLE, COLOR_CYAN, bg);
	init_pair(UI_PAIR_ERROR, COLOR_RED, bg);
}

static int curses_start(struct ui *ui, SCREEN **scr)
{
	const char *term = getenv("TERM");

	have_saved_tty = tcgetattr(STDIN_FILENO, &saved_tty) == 0;
	in_setup = 1;
	*scr = newterm(NULL, stdout, stdin);
	in_setup = 0;
	if (!*scr)
		return hg_fail(HG_ERR_RUNTIME, "cannot drive this terminal (TERM=%s);"
			       " 'healgrid show' prints the grid as text", term ? term : "");
	crash_reset_prepare();
	curses_active = 1;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	/* Esc backs out of screens: do not wait a second to tell it from an
	 * escape sequence. */
	set_escdelay(25);
	/* Wake up now and then even without keys, so a signal that arrived
	 * just before the read is seen within a second. */
	timeout(1000);
	mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED, NULL);
	/* Home and End as terminals really send them, whatever TERM claims
	 * (inside tmux or screen with TERM=xterm, say): an unknown sequence
	 * would otherwise arrive as Esc plus letters. */
	static const struct { const char *seq; int key; } extra_keys[] = {
		{ "\033[1~", KEY_HOME }, { "\033[7~", KEY_HOME }, { "\033[H", KEY_HOME },
		{ "\033OH", KEY_HOME }, { "\033[4~", KEY_END }, { "\033[8~", KEY_END },
		{ "\033[F", KEY_END }, { "\033OF", KEY_END }, { "\033[3~", KEY_DC },
		{ "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE }, { "\033[Z", KEY_BTAB },
	};
	for (size_t i = 0; i < sizeof extra_keys / sizeof extra_keys[0]; i++)
		if (key_defined(extra_keys[i].seq) <= 0)
			define_key(extra_keys[i].seq, extra_keys[i].key);
	colors_init(ui);
	return HG_OK;
}

int ui_term_start(struct ui *ui, SCREEN **scr)
{
	static int registered;
	int rc;

	stop_signal = 0;
	signals_install();
	if (!registered && atexit(ui_restore_terminal) == 0)
		registered = 1;
	rc = curses_start(ui, scr);
	if (rc != HG_OK)
		signals_restore();
	else
		hg_set_before_fatal(ui_restore_terminal);
	return rc;
}

void ui_term_stop(SCREEN *scr)
{
	mousemask(0, NULL);
	hg_set_before_fatal(NULL);
	ui_restore_terminal();
	delscreen(scr);
	signals_restore();
}

int ui_term_stop_requested(void)
{
	return stop_signal != 0;
}

/* get_wch() also returns ERR, at once and forever, when the terminal has
 * gone (window closed, ssh dropped, tmux killed) and no SIGHUP came: ask
 * the descriptor, so healgrid ends instead of spinning. */
int ui_term_gone(void)
{
	struct pollfd pfd = { .fd = STDIN_FILENO, .events = POLLIN };

	if (poll(&pfd, 1, 0) < 0)
		return errno != EINTR;
	return (pfd.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}
