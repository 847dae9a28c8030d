/* json.h — the few pieces of JSON writing every output shares. */
#ifndef HEALGRID_JSON_H
#define HEALGRID_JSON_H

#include "healgrid/util.h"

/* Append s as a quoted JSON string (UTF-8 kept, controls escaped). */
void json_string(struct strbuf *sb, const char *s);
/* Append "key": (with a leading comma unless first). */
void json_key(struct strbuf *sb, const char *key, int first);

#endif
