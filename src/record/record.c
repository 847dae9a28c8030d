/* record.c — the one layer through which every front end (the command
 * line, the UI and the importers) changes the record.  Each change a
 * person can make is one function here, holding its rules; the front
 * ends only gather input and show results, and storage (src/store/) only
 * stores.  No SQL here and no curses. */
#include "config.h"

#include <stdlib.h>

#include "healgrid/db.h"
#include "healgrid/image.h"
#include "healgrid/record.h"
#include "healgrid/util.h"

int record_photo_attach(struct hg_db *db, int64_t tid, int day, char **paths, size_t n)
{
	struct hg_image *img;
	int have, rc;

	if (n == 0)
		return HG_OK;
	rc = db_photo_count(db, tid, day, &have);
	if (rc != HG_OK)
		return rc;
	if ((size_t)have + n > HG_PHOTOS_PER_DAY)
		return hg_fail(HG_ERR_INPUT, "--photo: at most %d photos a day; day %d has %d"
			       " already (remove one with 'healgrid photo delete ID --yes')",
			       HG_PHOTOS_PER_DAY, day, have);
	/* Every file is read and cleaned before anything is stored: one bad
	 * file, and none is saved. */
	img = xcalloc(n, sizeof *img);
	for (size_t i = 0; i < n && rc == HG_OK; i++)
		rc = image_load_file(paths[i], &img[i]);
	for (size_t i = 0; i < n && rc == HG_OK; i++)
		rc = db_photo_add(db, tid, day, img[i].jpeg, img[i].jpeg_len, img[i].thumb,
				  img[i].thumb_len, img[i].width, img[i].height, NULL);
	for (size_t i = 0; i < n; i++)
		image_free(&img[i]);
	free(img);
	return rc;
}
