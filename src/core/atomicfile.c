/* atomicfile.c — output files that appear complete or not at all, and
 * private (mode 0600): written to a temporary file beside the target,
 * flushed to disk, then renamed over it. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "healgrid/atomicfile.h"
#include "healgrid/util.h"

static void file_free(struct atomic_file *f)
{
	free(f->path);
	free(f->tmp);
	f->path = f->tmp = NULL;
	f->fp = NULL;
}

int atomic_open(struct atomic_file *f, const char *path)
{
	struct strbuf tmp = STRBUF_INIT;
	struct stat st;
	int fd;

	f->fp = NULL;
	f->tmp = NULL;
	f->path = NULL;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return hg_fail(HG_ERR_RUNTIME, "%s: cannot write: %s; nothing was written", path,
			       strerror(EISDIR));
	/* A symbolic link is refused, as backup refuses one: written through,
	 * it would replace a file someone else chose (a link planted where
	 * the report goes).  The system's own names for the standard streams
	 * (/dev/stdout, /dev/fd/N) are links too, and are written in place. */
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) && strncmp(path, "/dev/", 5) != 0)
		return hg_fail(HG_ERR_INPUT, "%s: is a symbolic link; healgrid does not write"
			       " through one (give the file's own path)", path);
	if (stat(path, &st) == 0 && (!S_ISREG(st.st_mode) || strncmp(path, "/dev/", 5) == 0)) {
		/* A device or a pipe (/dev/stdout, a FIFO) is written to in place:
		 * renaming over it would replace it with a plain file. */
		f->path = xstrdup(path);
		f->fp = fopen(path, "w");
		if (!f->fp) {
			int rc = hg_fail(HG_ERR_RUNTIME, "%s: cannot write: %s", path, strerror(errno));
			file_free(f);
			return rc;
		}
		return HG_OK;
	}
	f->path = xstrdup(path);
	sb_printf(&tmp, "%s.tmp-XXXXXX", f->path);
	f->tmp = sb_detach(&tmp);
	/* mkstemp makes the file 0600 whatever the umask. */
	fd = mkstemp(f->tmp);
	if (fd < 0) {
		int rc = hg_fail(HG_ERR_RUNTIME, "%s: cannot create: %s", path, strerror(errno));
		file_free(f);
		return rc;
	}
	fchmod(fd, 0600);
	f->fp = fdopen(fd, "w");
	if (!f->fp) {
		int rc = hg_fail(HG_ERR_RUNTIME, "%s: cannot create: %s", path, strerror(errno));
		close(fd);
		unlink(f->tmp);
		file_free(f);
		return rc;
	}
	return HG_OK;
}

int atomic_commit(struct atomic_file *f)
{
	int bad = 0, err = 0;

	if (fflush(f->fp) != 0 || ferror(f->fp)) {
		bad = 1;
		err = errno;
	}
	if (!bad && f->tmp && fsync(fileno(f->fp)) != 0) {
		bad = 1;
		err = errno;
	}
	if (fclose(f->fp) != 0 && !bad) {
		bad = 1;
		err = errno;
	}
	f->fp = NULL;
	if (!bad && f->tmp && rename(f->tmp, f->path) != 0) {
		bad = 1;
		err = errno;
	}
	if (bad) {
		int rc = hg_fail(HG_ERR_RUNTIME, "%s: cannot write: %s%s", f->path,
				 strerror(err ? err : EIO), f->tmp ? "; nothing was written" : "");
		if (f->tmp)
			unlink(f->tmp);
		file_free(f);
		return rc;
	}
	file_free(f);
	return HG_OK;
}

void atomic_abort(struct atomic_file *f)
{
	if (f->fp)
		(void)fclose(f->fp);    /* thrown away: its errors do not matter */
	if (f->tmp)
		unlink(f->tmp);
	file_free(f);
}
