/* fuzz_cli.c — libFuzzer harness for the command line.
 *
 * The input is an argument list, arguments separated by NUL bytes (argv[0]
 * is added).  Each run starts from the same small database (two
 * treatments with check-ins, built once by cli_main itself) in a private
 * scratch folder that is the working directory, with HEALGRID_DB pointing
 * at it, and calls cli_main exactly as main() would.  Checked after each
 * run, besides what the sanitizers catch (memory errors, leaks, undefined
 * behaviour, and any exit() or abort() inside the program):
 *  - the status is 0, 1 or 2, and a status of 2 (bad input) comes with an
 *    error message (main() prints it as one sanitised line);
 *  - a command that failed left the database file byte for byte as it was.
 *
 * Inputs with an argument containing '/' are skipped, so that --db, -o and
 * backup can only name files inside the scratch folder (the working
 * directory while cli_main runs; give libFuzzer an absolute
 * -artifact_prefix, as run.sh does).  The full-screen
 * UI is replaced by a stub (curses has no terminal here); --demo still
 * builds its sample database.
 *
 * Build: see run.sh (clang -fsanitize=fuzzer,address,undefined).
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "healgrid/cli.h"
#include "healgrid/ui.h"
#include "healgrid/util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond) do { if (!(cond)) abort(); } while (0)

enum { MAX_ARGS = 64, MAX_BYTES = 8192 };

static char work[256];
static int home_fd = -1;        /* the working directory libFuzzer started in */
static char db_file[300];
static char *template_db;       /* the starting database, in memory */
static size_t template_len;

/* The UI needs a terminal; the command line is what is fuzzed here. */
int ui_need_terminal(void)
{
	return HG_OK;
}

int ui_run(struct hg_db *db, int today)
{
	(void)db;
	(void)today;
	return HG_OK;
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct strbuf sb = STRBUF_INIT;
	char buf[4096];
	size_t n;

	if (!f)
		return NULL;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sb_add(&sb, buf, n);
	CHECK(fclose(f) == 0);
	*len = sb.len;
	return sb_detach(&sb);
}

static void write_file(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	CHECK(fd >= 0);
	CHECK(write(fd, data, len) == (ssize_t)len);
	close(fd);
}

/* Empty the scratch folder (files, and the folders --demo makes). */
static void clean(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	CHECK(d != NULL);
	while ((e = readdir(d)) != NULL) {
		char p[600];
		struct stat st;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
			clean(p);
			rmdir(p);
		} else {
			unlink(p);
		}
	}
	closedir(d);
}

/* Run healgrid with a NULL-terminated list of arguments (argv[0] added). */
static int run(const char *const *args)
{
	char *argv[MAX_ARGS + 2];
	int argc = 0, rc;

	argv[argc++] = xstrdup("healgrid");
	for (; *args; args++)
		argv[argc++] = xstrdup(*args);
	argv[argc] = NULL;
	rc = cli_main(argc, argv);
	for (int i = 0; i < argc; i++)
		free(argv[i]);
	return rc;
}

static void remove_work(void)
{
	clean(work);
	rmdir(work);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char *const setup[][16] = {
		{ "treatment", "add", "--date", "2026-10-20", "--depth", "0.5", "--area",
		  "face", "--risk", "cold-sores", NULL },
		{ "treatment", "add", "--date", "2026-11-01", "--device", "home", "--window",
		  "14", "--products", "serum", "--note", "second", NULL },
		{ "checkin", "--treatment", "1", "--day", "0", "--redness", "3", "--swelling",
		  "2", "--note", "clinic day", NULL },
		{ "checkin", "--treatment", "1", "--day", "4", "--redness", "2", "--sign",
		  "warmth,pus", NULL },
		{ "checkin", "--day", "2", "--bruising", "1", "--bleeding", "-", NULL },
	};
	const char *tmp = getenv("FUZZ_TMPDIR");
	struct stat st;

	(void)argc;
	(void)argv;
	if (!tmp || !*tmp)
		tmp = stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) ? "/dev/shm" : "/tmp";
	snprintf(work, sizeof work, "%s/healgrid-fuzz-cli.XXXXXX", tmp);
	CHECK(mkdtemp(work) != NULL);
	home_fd = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	CHECK(home_fd >= 0);
	CHECK(atexit(remove_work) == 0);
	snprintf(db_file, sizeof db_file, "%s/healgrid.db", work);
	setenv("HEALGRID_DB", db_file, 1);
	setenv("HOME", work, 1);
	setenv("TMPDIR", work, 1);
	setenv("HEALGRID_TODAY", "2026-11-10", 1);
	setenv("TZ", "UTC", 1);
	unsetenv("XDG_DATA_HOME");
	umask(077);
	/* What healgrid prints is not checked here, only how it ends. */
	CHECK(freopen("/dev/null", "w", stdout) != NULL);
	CHECK(freopen("/dev/null", "r", stdin) != NULL);

	CHECK(chdir(work) == 0);
	for (size_t i = 0; i < sizeof setup / sizeof setup[0]; i++) {
		CHECK(run(setup[i]) == HG_OK);
		hg_error_clear();
	}
	CHECK(fchdir(home_fd) == 0);
	template_db = read_file(db_file, &template_len);
	CHECK(template_db != NULL && template_len > 0);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *args[MAX_ARGS + 1];
	char *copy;
	size_t nargs = 0, len;
	int rc;

	if (size > MAX_BYTES)
		return 0;
	/* NUL-separated arguments; a trailing NUL ends the last one. */
	copy = xmalloc(size + 1);
	memcpy(copy, data, size);
	copy[size] = '\0';
	for (size_t i = 0; i < size; i += strlen(copy + i) + 1) {
		if (nargs == MAX_ARGS || strchr(copy + i, '/')) {
			free(copy);
			return 0;
		}
		args[nargs++] = copy + i;
	}
	args[nargs] = NULL;

	clean(work);
	write_file(db_file, template_db, template_len);
	hg_error_clear();

	/* Relative paths (--db x.db, -o FILE) land in the scratch folder;
	 * libFuzzer's own relative paths need its folder back afterwards. */
	CHECK(chdir(work) == 0);
	rc = run(args);
	CHECK(fchdir(home_fd) == 0);

	CHECK(rc == HG_OK || rc == HG_ERR_RUNTIME || rc == HG_ERR_INPUT);
	CHECK(rc != HG_ERR_INPUT || *hg_error());
	if (rc != HG_OK) {
		char *after = read_file(db_file, &len);

		CHECK(after != NULL && len == template_len &&
		      memcmp(after, template_db, len) == 0);
		free(after);
	}
	/* cli_main checks stdout for errors; /dev/null has none to keep. */
	clearerr(stdout);
	hg_error_clear();
	free(copy);
	return 0;
}
