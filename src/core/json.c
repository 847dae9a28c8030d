/* json.c — JSON string quoting for every JSON output. */
#include "config.h"

#include <string.h>

#include "healgrid/json.h"

/* Besides what JSON requires, C1 controls (U+0080-U+009F) and DEL are
 * escaped so JSON printed on a terminal cannot drive it, and bytes that
 * are not UTF-8 (a database edited by another tool) become U+FFFD so the
 * output stays valid JSON. */
void json_string(struct strbuf *sb, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	sb_putc(sb, '"');
	while (*p) {
		unsigned cp;
		size_t n = hg_utf8_decode((const char *)p, strnlen((const char *)p, 4), &cp);

		if (n == 0) {
			sb_puts(sb, "\\ufffd");
			p++;
			continue;
		}
		if (n == 2 && p[0] == 0xC2 && p[1] < 0xA0) {
			sb_printf(sb, "\\u%04x", p[1]);
		} else if (n > 1) {
			sb_add(sb, (const char *)p, n);
		} else {
			switch (*p) {
			case '"':  sb_puts(sb, "\\\""); break;
			case '\\': sb_puts(sb, "\\\\"); break;
			case '\n': sb_puts(sb, "\\n"); break;
			case '\r': sb_puts(sb, "\\r"); break;
			case '\t': sb_puts(sb, "\\t"); break;
			default:
				if (*p < 0x20 || *p == 0x7F)
					sb_printf(sb, "\\u%04x", *p);
				else
					sb_putc(sb, (char)*p);
			}
		}
		p += n;
	}
	sb_putc(sb, '"');
}

void json_key(struct strbuf *sb, const char *key, int first)
{
	if (!first)
		sb_puts(sb, ", ");
	json_string(sb, key);
	sb_puts(sb, ": ");
}
