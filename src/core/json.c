/* json.c — JSON string quoting for every JSON output, and the reader of
 * the JSON import: a check of the whole text in one pass, then the items
 * of one container at a time, read from the text where it lies. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
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

/* ---- reading ---------------------------------------------------------- */

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int hex4(const char *p, const char *end, unsigned *v)
{
	*v = 0;
	if (end - p < 4)
		return -1;
	for (int k = 0; k < 4; k++) {
		char c = p[k];

		*v <<= 4;
		if (c >= '0' && c <= '9')
			*v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*v |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	return 0;
}

/* The end of the string whose opening quote is at p, or NULL. */
static const char *check_string(const char *p, const char *end)
{
	unsigned v;

	for (p++; p < end; p++) {
		unsigned char c = (unsigned char)*p;

		/* the common case first: a byte that is just itself */
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		if (c == '"')
			return p + 1;
		if (c < 0x20)
			return NULL;
		if (c == '\\') {
			if (++p == end)
				return NULL;
			if (*p == 'u') {
				if (hex4(p + 1, end, &v) != 0)
					return NULL;
				p += 4;
			} else if (!strchr("\"\\/bfnrt", *p) || !*p) {
				return NULL;
			}
		}
	}
	return NULL;
}

/* The end of the number at p, or NULL. */
static const char *check_number(const char *p, const char *end)
{
	if (p < end && *p == '-')
		p++;
	if (p == end || !is_digit(*p))
		return NULL;
	if (*p == '0')
		p++;
	else
		while (p < end && is_digit(*p))
			p++;
	if (p < end && *p == '.') {
		if (++p == end || !is_digit(*p))
			return NULL;
		while (p < end && is_digit(*p))
			p++;
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		if (p == end || !is_digit(*p))
			return NULL;
		while (p < end && is_digit(*p))
			p++;
	}
	return p;
}

static const char *skip_space(const char *p, const char *end)
{
	while (p < end && is_space(*p))
		p++;
	return p;
}

/* The end of the value at p (space skipped before it), or NULL. */
static const char *check_value(const char *p, const char *end, int depth, int *type)
{
	p = skip_space(p, end);
	if (p == end)
		return NULL;
	switch (*p) {
	case '{':
	case '[': {
		char close = *p == '{' ? '}' : ']';
		int t;

		*type = *p == '{' ? HG_JSON_OBJECT : HG_JSON_ARRAY;
		if (depth >= HG_JSON_MAX_DEPTH)
			return NULL;
		p = skip_space(p + 1, end);
		if (p < end && *p == close)
			return p + 1;
		for (;;) {
			if (close == '}') {
				p = skip_space(p, end);
				if (p == end || *p != '"' || !(p = check_string(p, end)))
					return NULL;
				p = skip_space(p, end);
				if (p == end || *p++ != ':')
					return NULL;
			}
			if (!(p = check_value(p, end, depth + 1, &t)))
				return NULL;
			p = skip_space(p, end);
			if (p == end)
				return NULL;
			if (*p == close)
				return p + 1;
			if (*p++ != ',')
				return NULL;
		}
	}
	case '"':
		*type = HG_JSON_TEXT;
		return check_string(p, end);
	case 't':
		*type = HG_JSON_TRUE;
		return end - p >= 4 && memcmp(p, "true", 4) == 0 ? p + 4 : NULL;
	case 'f':
		*type = HG_JSON_FALSE;
		return end - p >= 5 && memcmp(p, "false", 5) == 0 ? p + 5 : NULL;
	case 'n':
		*type = HG_JSON_NULL;
		return end - p >= 4 && memcmp(p, "null", 4) == 0 ? p + 4 : NULL;
	default: {
		const char *q = check_number(p, end);

		*type = HG_JSON_INTEGER;
		for (const char *k = p; q && k < q; k++)
			if (*k == '.' || *k == 'e' || *k == 'E')
				*type = HG_JSON_REAL;
		return q;
	}
	}
}

int json_check(const char *s, size_t len, int *type)
{
	const char *end = s + len;
	const char *p = check_value(s, end, 0, type);

	if (p && skip_space(p, end) == end)
		return 0;
	*type = HG_JSON_NULL;
	return -1;
}

/* The end of the checked string at p: its closing quote is the first
 * one not escaped, that is not after an odd run of backslashes. */
static const char *skip_string(const char *p, const char *end)
{
	const char *start = ++p;

	for (;;) {
		const char *q = memchr(p, '"', (size_t)(end - p));
		const char *b = q;

		while (b > start && b[-1] == '\\')
			b--;
		if ((q - b) % 2 == 0)
			return q + 1;
		p = q + 1;
	}
}

/* The end of the array or object at p in checked text. */
static const char *skip_value(const char *p, const char *end)
{
	int depth = 0;

	do {
		switch (*p) {
		case '"':
			p = skip_string(p, end);
			break;
		case '{':
		case '[':
			depth++;
			p++;
			break;
		case '}':
		case ']':
			depth--;
			p++;
			break;
		default:
			/* inside: a number, true, false, null, space, ',' or ':' */
			p++;
		}
	} while (depth > 0);
	return p;
}

static void put_utf8(struct strbuf *sb, unsigned v)
{
	char b[4];
	size_t n;

	if (v < 0x80) {
		b[0] = (char)v;
		n = 1;
	} else if (v < 0x800) {
		b[0] = (char)(0xC0 | (v >> 6));
		b[1] = (char)(0x80 | (v & 0x3F));
		n = 2;
	} else if (v < 0x10000) {
		b[0] = (char)(0xE0 | (v >> 12));
		b[1] = (char)(0x80 | ((v >> 6) & 0x3F));
		b[2] = (char)(0x80 | (v & 0x3F));
		n = 3;
	} else {
		b[0] = (char)(0xF0 | (v >> 18));
		b[1] = (char)(0x80 | ((v >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((v >> 6) & 0x3F));
		b[3] = (char)(0x80 | (v & 0x3F));
		n = 4;
	}
	sb_add(sb, b, n);
}

/* The checked string at p unescaped into *out (owned), its length in
 * *len; returns the end of the string.  A \u escape of a surrogate not
 * followed by its other half is kept as its three bytes, as SQLite's
 * JSON functions do. */
static const char *read_string(const char *p, const char *end, char **out, size_t *len)
{
	struct strbuf sb = STRBUF_INIT;
	const char *run = ++p;

	for (; *p != '"'; p++) {
		unsigned v, lo;

		if (*p != '\\')
			continue;
		sb_add(&sb, run, (size_t)(p - run));
		p++;
		switch (*p) {
		case 'b': sb_putc(&sb, '\b'); break;
		case 'f': sb_putc(&sb, '\f'); break;
		case 'n': sb_putc(&sb, '\n'); break;
		case 'r': sb_putc(&sb, '\r'); break;
		case 't': sb_putc(&sb, '\t'); break;
		case 'u':
			hex4(p + 1, end, &v);
			p += 4;
			if ((v & 0xFC00) == 0xD800 && end - p > 6 && p[1] == '\\' && p[2] == 'u'
			    && hex4(p + 3, end, &lo) == 0 && (lo & 0xFC00) == 0xDC00) {
				v = ((v & 0x3FF) << 10) + (lo & 0x3FF) + 0x10000;
				p += 6;
			}
			if (v == 0)
				sb_add(&sb, "", 1);
			else
				put_utf8(&sb, v);
			break;
		default:        /* " \ / */
			sb_putc(&sb, *p);
		}
		run = p + 1;
	}
	sb_add(&sb, run, (size_t)(p - run));
	*len = sb.len;
	*out = sb_detach(&sb);
	return p + 1;
}

/* A double as 64 bits: clamped, as SQLite converts a real. */
static int64_t real_to_int(double r)
{
	if (r != r)
		return 0;
	if (r <= -9223372036854775808.0)
		return INT64_MIN;
	if (r >= 9223372036854775807.0)
		return INT64_MAX;
	return (int64_t)r;
}

/* A real as text: 15 significant digits, always with a decimal point
 * ("100.0", "1.0e+20"), as SQLite writes a real. */
static char *real_text(double r)
{
	char buf[40];
	char *e;

	if (isinf(r))
		return xstrdup(r < 0 ? "-Inf" : "Inf");
	snprintf(buf, sizeof buf, "%.15g", r);
	if (!strchr(buf, '.')) {
		size_t at = (e = strchr(buf, 'e')) ? (size_t)(e - buf) : strlen(buf);

		memmove(buf + at + 2, buf + at, strlen(buf + at) + 1);
		buf[at] = '.';
		buf[at + 1] = '0';
	}
	return xstrdup(buf);
}

/* The checked number from p to q into it. */
static void read_number(const char *p, const char *q, struct hg_json_item *it)
{
	char *lit = NULL;
	const char *z = p;
	uint64_t u = 0;
	int neg = *z == '-', big = 0;

	if (it->type == HG_JSON_INTEGER) {
		z += neg;
		for (; z < q && !big; z++) {
			unsigned d = (unsigned)(*z - '0');

			if (u > (UINT64_MAX - d) / 10)
				big = 1;
			else
				u = u * 10 + d;
		}
		if (!big && (neg ? u <= (uint64_t)INT64_MAX + 1 : u <= (uint64_t)INT64_MAX)) {
			it->i = neg ? (int64_t)(0 - u) : (int64_t)u;
			it->r = (double)it->i;
			/* its digits as written (checked text has no leading
			 * zeros), but "-0" is "0" */
			it->len = (size_t)(q - p) - (u == 0 && neg);
			it->text = xmalloc(it->len + 1);
			memcpy(it->text, q - it->len, it->len);
			it->text[it->len] = '\0';
			return;
		}
	}
	/* a real, or an integer past 64 bits read as one */
	lit = xmalloc((size_t)(q - p) + 1);
	memcpy(lit, p, (size_t)(q - p));
	lit[q - p] = '\0';
	it->r = strtod(lit, NULL);
	free(lit);
	it->i = real_to_int(it->r);
	it->text = real_text(it->r);
	it->len = strlen(it->text);
}

void json_items(const char *s, size_t len, struct hg_json_item **out, size_t *n)
{
	const char *end = s + len;
	const char *p = skip_space(s, end);
	struct hg_json_item *v = NULL;
	size_t cap = 0, count = 0;
	int object = *p == '{';

	p = skip_space(p + 1, end);
	while (*p != '}' && *p != ']') {
		struct hg_json_item *it;
		const char *q;
		size_t klen;

		if (count == cap) {
			cap = cap ? cap * 2 : 16;
			v = xrealloc(v, cap * sizeof *v);
		}
		it = &v[count++];
		memset(it, 0, sizeof *it);
		if (object) {
			p = read_string(p, end, &it->key, &klen);
			p = skip_space(p, end) + 1;     /* the ':' */
			p = skip_space(p, end);
		}
		switch (*p) {
		case '{':
		case '[':
			it->type = *p == '{' ? HG_JSON_OBJECT : HG_JSON_ARRAY;
			q = skip_value(p, end);
			it->text = (char *)p;
			it->len = (size_t)(q - p);
			p = q;
			break;
		case '"':
			it->type = HG_JSON_TEXT;
			p = read_string(p, end, &it->text, &it->len);
			break;
		case 't':
		case 'f':
			it->type = *p == 't' ? HG_JSON_TRUE : HG_JSON_FALSE;
			it->i = *p == 't';
			it->r = (double)it->i;
			it->text = xstrdup(*p == 't' ? "1" : "0");
			it->len = 1;
			p += *p == 't' ? 4 : 5;
			break;
		case 'n':
			it->type = HG_JSON_NULL;
			p += 4;
			break;
		default:
			q = check_number(p, end);
			it->type = HG_JSON_INTEGER;
			for (const char *k = p; k < q; k++)
				if (*k == '.' || *k == 'e' || *k == 'E')
					it->type = HG_JSON_REAL;
			read_number(p, q, it);
			p = q;
		}
		p = skip_space(p, end);
		if (*p == ',')
			p = skip_space(p + 1, end);
	}
	*out = v;
	*n = count;
}

void json_items_free(struct hg_json_item *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].key);
		if (v[i].type != HG_JSON_ARRAY && v[i].type != HG_JSON_OBJECT)
			free(v[i].text);
	}
	free(v);
}
