/* record.h — the record layer: every change a person can make to the
 * record, one function each, holding the rules of the record.  The
 * command line, the UI and both importers call these; none of them
 * writes to storage directly or re-states a rule. */
#ifndef HEALGRID_RECORD_H
#define HEALGRID_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "healgrid/db.h"

/* Read and clean every file (see image.h), then store them as photos of
 * day `day` of treatment tid, whose check-in must exist, within the
 * caller's transaction.  Nothing is stored when any file is refused; at
 * most HG_PHOTOS_PER_DAY a day in all. */
int record_photo_attach(struct hg_db *db, int64_t tid, int day, char **paths, size_t n);

#endif
