/* tmpdb.c — temporary database files for unit tests. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "tmpdb.h"
#include "healgrid/util.h"

void tmpdb_open(struct tmpdb *t)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(t->dir, sizeof t->dir, "%s/healgrid-unit.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	assert_non_null(mkdtemp(t->dir));
	snprintf(t->path, sizeof t->path, "%s/test.db", t->dir);
	hg_error_clear();
	assert_int_equal(db_open(t->path, 0, &t->db), HG_OK);
}

void tmpdb_close(struct tmpdb *t)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	char p[320];

	db_close(t->db);
	t->db = NULL;
	for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		snprintf(p, sizeof p, "%s%s", t->path, suffix[i]);
		unlink(p);
	}
	rmdir(t->dir);
}

struct gather {
	struct hg_recovery *r;
	size_t n;
};

static int gather_one(const struct hg_recovery *r, size_t i, size_t n, void *arg)
{
	struct gather *g = arg;
	struct hg_recovery *c;

	if (!g->r)
		g->r = xcalloc(n ? n : 1, sizeof *g->r);
	c = &g->r[i];
	c->t = r->t;
	c->t.area = xstrdup(r->t.area);
	c->t.products = xstrdup(r->t.products);
	c->t.note = xstrdup(r->t.note);
	c->ndays = r->ndays;
	c->days = xcalloc(r->ndays ? r->ndays : 1, sizeof *c->days);
	for (size_t k = 0; k < r->ndays; k++) {
		c->days[k] = r->days[k];
		c->days[k].note = xstrdup(r->days[k].note);
	}
	g->n = i + 1;
	return HG_OK;
}

void tmpdb_load_all(struct hg_db *db, struct hg_recovery **out, size_t *n)
{
	struct gather g = { NULL, 0 };

	assert_int_equal(db_recovery_each(db, gather_one, &g), HG_OK);
	*out = g.r;
	*n = g.n;
}

void tmpdb_free_all(struct hg_recovery *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		model_recovery_free(&r[i]);
	free(r);
}
