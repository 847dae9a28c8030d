/* atomicfile.h — an output file that appears complete or not at all.
 *
 * atomic_open writes to a temporary file (mode 0600 whatever the umask)
 * in the same folder; atomic_commit flushes it to disk and renames it over
 * path; atomic_abort removes it.  An existing file is replaced; a
 * symbolic link is refused (HG_ERR_INPUT), but for the system's names
 * under /dev/ (/dev/stdout).  A failure leaves nothing behind and records
 * its message with hg_fail() (HG_ERR_RUNTIME).  A device or pipe
 * (/dev/stdout, a FIFO) is simply written to.
 *
 *     struct atomic_file f;
 *     if (atomic_open(&f, path) == HG_OK) {
 *             rc = write_everything(f.fp);
 *             rc = rc == HG_OK ? atomic_commit(&f) : (atomic_abort(&f), rc);
 *     }
 */
#ifndef HEALGRID_ATOMICFILE_H
#define HEALGRID_ATOMICFILE_H

#include <stdio.h>

struct atomic_file {
	char *path;             /* the target */
	char *tmp;              /* the temporary file; NULL for a device */
	FILE *fp;               /* write here between open and commit */
};

int atomic_open(struct atomic_file *f, const char *path);
int atomic_commit(struct atomic_file *f);       /* closes; frees */
void atomic_abort(struct atomic_file *f);       /* removes the temp file; frees */

#endif
