/* shim.c — fault injection for healgrid's fault sweep (tests/fault/run.sh),
 * loaded with LD_PRELOAD into the plain (not sanitizer) build.
 *
 *   HG_FAULT_ALLOC=N   the N-th allocation (malloc, calloc, realloc,
 *                      memalign and friends; strdup and the rest of the C
 *                      library allocate through these) counted from the
 *                      start of main() fails once with ENOMEM.
 *   HG_FAULT_WRITE=N   every write, pwrite, writev, fsync and fdatasync
 *                      on a regular file, from the N-th counted from the
 *                      start of main() on, fails with ENOSPC: a disk that
 *                      fills up.  Terminals and pipes are left alone, so
 *                      the error message still gets out.
 *   HG_FAULT_FROM=NAME  only allocations called from an object whose
 *                      file name holds NAME (libglib: GLib's g_malloc)
 *                      are counted, and so can fail.
 *   HG_FAULT_HIT=FILE  created when the fault was injected; a run that
 *                      ends without it never reached point N.
 *   HG_FAULT_COUNT=FILE  at exit, "ALLOCS WRITES": the points one run
 *                      passes (the length of a sweep).
 *   HG_FAULT_NOLINK=1  link() fails with EPERM, as on file systems
 *                      without hard links; =2 renameat2() fails with
 *                      EINVAL too (no RENAME_NOREPLACE either).
 *
 * Counting starts at main() (the shim wraps __libc_start_main), so the
 * points are the program's own and do not move with the dynamic loader.
 * The real allocator is glibc's __libc_* entry points: dlsym() itself
 * allocates, and must not find the shim half set up.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);

static long alloc_at, write_at;      /* 0: that fault is off (but counted) */
static const char *alloc_from;       /* HG_FAULT_FROM */
static long allocs, writes;
static int counting;
static const char *hit_file;

/* The fault point was reached: the hit file is created, holding the file
 * name of the object that made the failing call (the program or a
 * library, found with dladdr), so the sweep can tell a library that does
 * not check its own allocations from a bug of healgrid's. */
static void hit(const void *caller)
{
	static int done;
	Dl_info info;

	if (done || !hit_file)
		return;
	done = 1;
	/* Raw system calls: no allocation, and not our own write(). */
	int fd = (int)syscall(SYS_openat, AT_FDCWD, hit_file,
			      O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd >= 0) {
		if (caller && dladdr(caller, &info) && info.dli_fname)
			syscall(SYS_write, fd, info.dli_fname, strlen(info.dli_fname));
		syscall(SYS_close, fd);
	}
}

/* 1 when an allocation from caller is one the sweep counts. */
static int counted_caller(const void *caller)
{
	Dl_info info;

	if (!alloc_from)
		return 1;
	return caller && dladdr(caller, &info) && info.dli_fname &&
	       strstr(info.dli_fname, alloc_from);
}

static int alloc_fails_at(const void *caller)
{
	if (!counting || !counted_caller(caller))
		return 0;
	if (++allocs != alloc_at)
		return 0;
	hit(caller);
	errno = ENOMEM;
	return 1;
}

#define alloc_fails() alloc_fails_at(__builtin_return_address(0))

void *malloc(size_t n)
{
	return alloc_fails() ? NULL : __libc_malloc(n);
}

void *calloc(size_t n, size_t size)
{
	return alloc_fails() ? NULL : __libc_calloc(n, size);
}

void *realloc(void *p, size_t n)
{
	/* realloc(p, 0) frees: not an allocation that can fail. */
	if (p && n == 0)
		return __libc_realloc(p, n);
	return alloc_fails() ? NULL : __libc_realloc(p, n);
}

void *memalign(size_t align, size_t n)
{
	return alloc_fails() ? NULL : __libc_memalign(align, n);
}

void *aligned_alloc(size_t align, size_t n)
{
	return alloc_fails() ? NULL : __libc_memalign(align, n);
}

int posix_memalign(void **out, size_t align, size_t n)
{
	void *p;

	if (alloc_fails())
		return ENOMEM;
	p = __libc_memalign(align, n);
	if (!p)
		return ENOMEM;
	*out = p;
	return 0;
}

/* 1 when this call on fd is to fail with ENOSPC. */
static int write_fails(int fd)
{
	struct stat st;

	if (!counting)
		return 0;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		return 0;
	if (++writes < write_at || !write_at)
		return 0;
	hit(NULL);
	return 1;
}

#define REAL(name) static __typeof__(name) *real_##name; \
	if (!real_##name) real_##name = (__typeof__(name) *)dlsym(RTLD_NEXT, #name)

ssize_t write(int fd, const void *buf, size_t n)
{
	REAL(write);
	if (write_fails(fd)) {
		errno = ENOSPC;
		return -1;
	}
	return real_write(fd, buf, n);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	REAL(pwrite);
	if (write_fails(fd)) {
		errno = ENOSPC;
		return -1;
	}
	return real_pwrite(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off64_t off)
{
	REAL(pwrite64);
	if (write_fails(fd)) {
		errno = ENOSPC;
		return -1;
	}
	return real_pwrite64(fd, buf, n, off);
}

ssize_t writev(int fd, const struct iovec *iov, int cnt)
{
	REAL(writev);
	if (write_fails(fd)) {
		errno = ENOSPC;
		return -1;
	}
	return real_writev(fd, iov, cnt);
}

int fsync(int fd)
{
	REAL(fsync);
	if (write_fails(fd)) {
		errno = ENOSPC;
		return -1;
	}
	return real_fsync(fd);
}

int fdatasync(int fd)
{
	REAL(fdatasync);
	if (write_fails(fd)) {
		errno = ENOSPC;
		return -1;
	}
	return real_fdatasync(fd);
}

int link(const char *from, const char *to)
{
	REAL(link);
	const char *nolink = getenv("HG_FAULT_NOLINK");

	if (nolink && *nolink >= '1') {
		errno = EPERM;
		return -1;
	}
	return real_link(from, to);
}

int linkat(int fromfd, const char *from, int tofd, const char *to, int flags)
{
	REAL(linkat);
	const char *nolink = getenv("HG_FAULT_NOLINK");

	if (nolink && *nolink >= '1') {
		errno = EPERM;
		return -1;
	}
	return real_linkat(fromfd, from, tofd, to, flags);
}

int renameat2(int fromfd, const char *from, int tofd, const char *to, unsigned flags)
{
	REAL(renameat2);
	const char *nolink = getenv("HG_FAULT_NOLINK");

	if (nolink && *nolink >= '2') {
		errno = EINVAL;
		return -1;
	}
	return real_renameat2(fromfd, from, tofd, to, flags);
}

/* ---- counting from main() ---------------------------------------------- */

__attribute__((destructor)) static void report_counts(void)
{
	const char *path = getenv("HG_FAULT_COUNT");
	char line[64];
	int n = 0;

	if (!path || !counting)
		return;
	/* "ALLOCS WRITES\n" by hand: no stdio, no allocation */
	long v[2] = { allocs, writes };
	for (int k = 0; k < 2; k++) {
		char digits[24];
		int d = 0;
		long x = v[k];
		do {
			digits[d++] = (char)('0' + x % 10);
			x /= 10;
		} while (x > 0);
		while (d > 0)
			line[n++] = digits[--d];
		line[n++] = k ? '\n' : ' ';
	}
	int fd = (int)syscall(SYS_openat, AT_FDCWD, path,
			      O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd >= 0) {
		syscall(SYS_write, fd, line, (size_t)n);
		syscall(SYS_close, fd);
	}
}

typedef int main_fn(int, char **, char **);
static main_fn *real_main;

static int counted_main(int argc, char **argv, char **envp)
{
	const char *a = getenv("HG_FAULT_ALLOC");
	const char *w = getenv("HG_FAULT_WRITE");

	alloc_at = a ? strtol(a, NULL, 10) : 0;
	write_at = w ? strtol(w, NULL, 10) : 0;
	hit_file = getenv("HG_FAULT_HIT");
	alloc_from = getenv("HG_FAULT_FROM");
	counting = 1;
	return real_main(argc, argv, envp);
}

typedef int start_fn(main_fn *, int, char **, void (*)(void), void (*)(void),
		     void (*)(void), void *);

int __libc_start_main(main_fn *main, int argc, char **argv, void (*init)(void),
		      void (*fini)(void), void (*rtld_fini)(void), void *stack_end)
{
	start_fn *real = (start_fn *)dlsym(RTLD_NEXT, "__libc_start_main");

	real_main = main;
	return real(counted_main, argc, argv, init, fini, rtld_fini, stack_end);
}
