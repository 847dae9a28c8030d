/* ui_handoff.c — what the day editor hands to programs outside healgrid.
 * `E`: the note, in $VISUAL, else $EDITOR, else vi, on a file in a private
 * (0700) folder of its own made for each edit (removed afterwards unless
 * the text could not come back).  `o`: a day's photos, written into a
 * private (0700) folder made once and removed at exit, for
 * $HEALGRID_VIEWER or xdg-open.  Both temporary folders and their files
 * are registered with hg_tmp_add, so the crash path removes them too.
 * The screen passes what is needed (the note text, the treatment and
 * day); nothing here reads the editor's state. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "healgrid/ui_handoff.h"

/* The folder the photos were written to for a viewer (removed at exit). */
static char *photo_dir;
static char **photo_files;
static size_t nphoto_files;

/* Run sh -c script with args in the foreground, the terminal given back
 * meanwhile.  Returns the exit status, or -1. */
static int run_foreground(const char *script, char *const *args, size_t nargs)
{
	struct sigaction ign, old_int, old_quit;
	char **argv = xcalloc(nargs + 5, sizeof *argv);
	int status = -1;
	pid_t pid;

	argv[0] = (char *)"sh";
	argv[1] = (char *)"-c";
	argv[2] = (char *)script;
	argv[3] = (char *)"sh";
	for (size_t i = 0; i < nargs; i++)
		argv[4 + i] = args[i];
	def_prog_mode();
	endwin();
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	(void)fflush(stdout);
	pid = fork();
	if (pid == 0) {
		sigaction(SIGINT, &old_int, NULL);
		(void)signal(SIGINT, SIG_DFL);
		(void)signal(SIGQUIT, SIG_DFL);
		execv("/bin/sh", argv);
		_exit(127);
	}
	if (pid > 0) {
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	}
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	free(argv);
	return status;
}

/* The line put over a note that came back too long or not UTF-8, when
 * the editor opens on it again; taken off when it comes back. */
#define NOTE_REDO_MARK "# healgrid: "

/* Write text (over which, when why is set, a first line saying why the
 * editor opened again) to the file at path.  0 on success. */
static int note_file_write(const char *path, const char *why, const char *text, size_t len)
{
	FILE *f = fopen(path, "wb");
	int ok;

	if (!f)
		return -1;
	ok = !why || fprintf(f, "%s%s\n", NOTE_REDO_MARK, why) >= 0;
	ok = ok && fwrite(text, 1, len, f) == len && (!len || fputc('\n', f) != EOF);
	return fclose(f) == 0 && ok ? 0 : -1;
}

/* Read the note file into text (at most a megabyte: more is no note);
 * the line over it when the editor opened again, and the editor's final
 * line breaks, are not part of it.  0 on success. */
static int note_file_read(const char *path, int marked, struct strbuf *text)
{
	char buf[4096];
	FILE *f = fopen(path, "rb");
	size_t n;

	sb_free(text);
	if (!f)
		return -1;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0 && text->len <= (size_t)1 << 20)
		sb_add(text, buf, n);
	(void)fclose(f);
	if (marked && strncmp(sb_str(text), NOTE_REDO_MARK, strlen(NOTE_REDO_MARK)) == 0) {
		size_t nl = strcspn(text->s, "\n");

		nl += text->s[nl] == '\n';
		memmove(text->s, text->s + nl, text->len - nl + 1);
		text->len -= nl;
	}
	while (text->len && (text->s[text->len - 1] == '\n' || text->s[text->len - 1] == '\r'))
		text->s[--text->len] = '\0';
	return 0;
}

/* `E`: the note in $VISUAL, else $EDITOR, else vi, on a private temporary
 * file.  A note that comes back too long (or not UTF-8) is never thrown
 * away: the editor opens again on it with the limit said in a first line;
 * when it comes back unchanged once more, the file is kept and its path
 * said. */
int ui_handoff_note(struct ui *ui, const char *note, struct strbuf *out)
{
	const char *tmpdir = getenv("TMPDIR");
	const char *editor = getenv("VISUAL");
	struct strbuf dir = STRBUF_INIT, path = STRBUF_INIT, text = STRBUF_INIT, last = STRBUF_INIT;
	struct strbuf script = STRBUF_INIT;
	char why[160] = "";
	int fd, rc, keep = 0, edited = 0;

	if (!editor || !*editor)
		editor = getenv("EDITOR");
	if (!editor || !*editor)
		editor = "vi";
	/* In a private (0700) folder of its own: nobody else can read the
	 * note or put a file where the editor will look. */
	sb_printf(&dir, "%s/healgrid-note-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	if (!mkdtemp(dir.s)) {
		ui_error(ui, "Cannot make a folder for the note: %s", strerror(errno));
		sb_free(&dir);
		return 0;
	}
	hg_tmp_add(dir.s);
	sb_printf(&path, "%s/note.txt", dir.s);
	hg_tmp_add(path.s);
	fd = open(path.s, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0600);
	if (fd < 0 || write(fd, note, strlen(note)) != (ssize_t)strlen(note) ||
	    (*note && write(fd, "\n", 1) != 1)) {
		ui_error(ui, "Cannot write the note to a temporary file: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		goto out;
	}
	close(fd);
	sb_printf(&script, "%s \"$1\"", editor);
	for (;;) {
		rc = run_foreground(sb_str(&script), &path.s, 1);
		if (rc != 0 && !*why) {
			ui_error(ui, "The editor (%s) failed (exit %d); the note is unchanged.",
				 editor, rc);
			break;
		}
		if (rc != 0 || note_file_read(path.s, *why != 0, &text) != 0) {
			keep = 1;
			break;
		}
		if (text.len <= HG_NOTE_MAX && hg_utf8_valid(sb_str(&text), text.len)) {
			sb_free(out);
			sb_add(out, sb_str(&text), text.len);
			edited = 1;
			ui_message(ui, "Note edited: Enter saves the day.");
			break;
		}
		/* Too long: the same text back again means the writer gave up. */
		if (*why && text.len == last.len && memcmp(sb_str(&text), sb_str(&last), text.len) == 0) {
			keep = 1;
			break;
		}
		if (text.len > HG_NOTE_MAX)
			snprintf(why, sizeof why, "a note holds at most %d bytes; this one has %zu."
				 " Shorten it and save (this line is left out).", HG_NOTE_MAX, text.len);
		else
			snprintf(why, sizeof why, "this note is not valid UTF-8: correct it and save"
				 " (this line is left out).");
		sb_free(&last);
		sb_add(&last, sb_str(&text), text.len);
		if (note_file_write(path.s, why, sb_str(&text), text.len) != 0) {
			keep = 1;
			break;
		}
	}
	if (keep)
		ui_error(ui, "The note is unchanged here; what you wrote (%zu bytes, at most %d"
			 " fit) is kept in %s.", text.len, HG_NOTE_MAX, path.s);
out:
	if (!keep) {
		unlink(path.s);
		rmdir(dir.s);
	}
	/* Kept: what was written stays for the person, past the exit. */
	hg_tmp_forget(path.s);
	hg_tmp_forget(dir.s);
	sb_free(&script);
	sb_free(&path);
	sb_free(&dir);
	sb_free(&text);
	sb_free(&last);
	return edited;
}

static void photo_dir_remove(void)
{
	for (size_t i = 0; i < nphoto_files; i++) {
		unlink(photo_files[i]);
		hg_tmp_forget(photo_files[i]);
		free(photo_files[i]);
	}
	free(photo_files);
	photo_files = NULL;
	nphoto_files = 0;
	if (photo_dir) {
		rmdir(photo_dir);
		hg_tmp_forget(photo_dir);
		free(photo_dir);
		photo_dir = NULL;
	}
}

static int write_file(const char *path, const unsigned char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	size_t off = 0;

	if (fd < 0)
		return -1;
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			close(fd);
			return -1;
		}
		off += (size_t)w;
	}
	return close(fd);
}

/* The folder for the viewer's copies: made once, private (0700), and made
 * again when something removed it meanwhile. */
static int photo_dir_ready(struct ui *ui)
{
	const char *tmpdir = getenv("TMPDIR");
	static int registered;
	struct stat st;

	if (photo_dir && (lstat(photo_dir, &st) != 0 || !S_ISDIR(st.st_mode)))
		photo_dir_remove();     /* gone: its files with it */
	if (photo_dir)
		return 0;
	struct strbuf d = STRBUF_INIT;

	sb_printf(&d, "%s/healgrid-photos-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	if (!mkdtemp(d.s)) {
		ui_error(ui, "Cannot make a folder for the photos: %s", strerror(errno));
		sb_free(&d);
		return -1;
	}
	photo_dir = sb_detach(&d);
	hg_tmp_add(photo_dir);
	if (!registered && atexit(photo_dir_remove) == 0)
		registered = 1;
	return 0;
}

/* The place of path in photo_files, added when it is not there yet. */
static size_t photo_file_slot(const char *path)
{
	for (size_t k = 0; k < nphoto_files; k++)
		if (strcmp(photo_files[k], path) == 0)
			return k;
	photo_files = xrealloc(photo_files, (nphoto_files + 1) * sizeof *photo_files);
	photo_files[nphoto_files] = xstrdup(path);
	hg_tmp_add(path);
	return nphoto_files++;
}

/* `o`: the day's photos into a private folder (removed at exit), shown by
 * $HEALGRID_VIEWER, else xdg-open on a desktop.  Each time, the day's
 * files are written afresh and only they are handed over: their list is
 * this call's own, never a range of the folder's list. */
void ui_handoff_photos(struct ui *ui, int64_t treatment, int day)
{
	struct hg_photo_info *list = NULL;
	size_t n = 0, nmine = 0;
	char **mine;
	const char *viewer = getenv("HEALGRID_VIEWER");

	if (db_photo_list(ui->db, treatment, &list, &n) != HG_OK) {
		ui_db_error(ui);
		return;
	}
	if (photo_dir_ready(ui) != 0) {
		free(list);
		return;
	}
	mine = xcalloc(n + 1, sizeof *mine);
	for (size_t i = 0; i < n; i++) {
		unsigned char *data = NULL;
		size_t len = 0, k;
		struct hg_photo_info info;
		struct strbuf p = STRBUF_INIT;

		if (list[i].day != day)
			continue;
		sb_printf(&p, "%s/day%d-photo%lld.jpg", photo_dir, day, (long long)list[i].id);
		k = photo_file_slot(p.s);      /* known before it exists */
		unlink(p.s);            /* an earlier copy: written again */
		if (db_photo_get(ui->db, list[i].id, 0, &info, &data, &len) != HG_OK ||
		    write_file(p.s, data, len) != 0) {
			hg_error_clear();
			free(data);
			sb_free(&p);
			continue;
		}
		free(data);
		mine[nmine++] = photo_files[k];
		sb_free(&p);
	}
	free(list);
	if (nmine == 0) {
		ui_error(ui, "Day %d has no photo: a attaches one.", day);
		free(mine);
		return;
	}
	if (viewer && *viewer) {
		struct strbuf script = STRBUF_INIT;
		int rc;

		sb_printf(&script, "%s \"$@\"", viewer);
		rc = run_foreground(sb_str(&script), mine, nmine);
		sb_free(&script);
		if (rc != 0)
			ui_error(ui, "The viewer ($HEALGRID_VIEWER) failed (exit %d).", rc);
		free(mine);
		return;
	}
	const char *x11 = getenv("DISPLAY"), *wayland = getenv("WAYLAND_DISPLAY");

	if ((x11 && *x11) || (wayland && *wayland)) {
		pid_t pid = fork();

		if (pid == 0) {
			int null = open("/dev/null", O_RDWR);

			setsid();
			if (null >= 0) {
				dup2(null, 0);
				dup2(null, 1);
				dup2(null, 2);
			}
			/* Detached: the grandchild is nobody's to wait for. */
			if (fork() == 0) {
				execlp("xdg-open", "xdg-open", mine[0], (char *)NULL);
				_exit(127);
			}
			_exit(0);
		}
		if (pid > 0)
			while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
				;
		ui_message(ui, "Opened %s.", mine[0]);
		free(mine);
		return;
	}
	ui_message(ui, "No viewer: set HEALGRID_VIEWER, or run healgrid photo export (copies in %s "
		   "until you quit).", photo_dir);
	free(mine);
}
