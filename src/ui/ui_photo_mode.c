/* ui_photo_mode.c — choosing how the photo screen draws: pixels through
 * a graphics protocol only where the terminal answered for it and no
 * multiplexer is in the way, coloured symbols otherwise.  Pure: no
 * curses, no terminal I/O (src/ui/ui_photo.c asks the terminal). */
#include "config.h"

#include <string.h>

#include "healgrid/ui_photo.h"

const char ui_photo_query[] =
	"\033_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\033\\"   /* kitty: answers i=31;OK */
	"\033]1337;ReportCellSize\a"                   /* iTerm2: 1337;ReportCellSize= */
	"\033[c";                                      /* everyone: ESC [ ? ... c */

static int starts(const char *s, const char *prefix)
{
	return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

int ui_photo_multiplexed(const char *term, const char *tmux, const char *sty)
{
	return (tmux && *tmux) || (sty && *sty) || starts(term, "screen") ||
		starts(term, "tmux");
}

/* The first occurrence of needle (nlen bytes) in hay (len bytes), or NULL. */
static const char *find(const char *hay, size_t len, const char *needle)
{
	size_t nlen = strlen(needle);

	for (size_t i = 0; nlen <= len && i <= len - nlen; i++)
		if (memcmp(hay + i, needle, nlen) == 0)
			return hay + i;
	return NULL;
}

/* The parameters of the device-attributes answer (ESC [ ? P;P;... c):
 * sets *params and *plen, returns 1 when a whole one is there. */
static int da1(const char *reply, size_t len, const char **params, size_t *plen)
{
	for (const char *p = reply; p && (size_t)(p - reply) < len;) {
		size_t rest = len - (size_t)(p - reply);
		const char *at = find(p, rest, "\033[?");
		size_t i;

		if (!at)
			return 0;
		rest = len - (size_t)(at - reply) - 3;
		for (i = 0; i < rest && ((at[3 + i] >= '0' && at[3 + i] <= '9') ||
					 at[3 + i] == ';'); i++)
			;
		if (i < rest && at[3 + i] == 'c') {
			*params = at + 3;
			*plen = i;
			return 1;
		}
		p = at + 3;
	}
	return 0;
}

int ui_photo_reply_done(const char *reply, size_t len)
{
	const char *params;
	size_t plen;

	return reply && da1(reply, len, &params, &plen);
}

/* 1 when the device attributes list 4 (sixel graphics). */
static int has_sixel(const char *reply, size_t len)
{
	const char *params;
	size_t plen, i = 0;

	if (!da1(reply, len, &params, &plen))
		return 0;
	while (i < plen) {
		size_t j = i;
		unsigned v = 0;

		while (j < plen && params[j] != ';')
			v = v * 10 + (unsigned)(params[j++] - '0');
		/* The first parameter is the terminal class, not a feature. */
		if (i > 0 && j - i == 1 && v == 4)
			return 1;
		i = j + 1;
	}
	return 0;
}

enum ui_photo_mode ui_photo_choose(const char *term, const char *tmux, const char *sty,
				   const char *reply, size_t len)
{
	if (ui_photo_multiplexed(term, tmux, sty) || !reply || !term || !*term ||
	    strcmp(term, "dumb") == 0)
		return UI_PHOTO_SYMBOLS;
	if (find(reply, len, "\033_Gi=31;OK"))
		return UI_PHOTO_KITTY;
	if (find(reply, len, "\033]1337;ReportCellSize="))
		return UI_PHOTO_ITERM2;
	if (has_sixel(reply, len))
		return UI_PHOTO_SIXEL;
	return UI_PHOTO_SYMBOLS;
}

const char *ui_photo_mode_name(enum ui_photo_mode m)
{
	switch (m) {
	case UI_PHOTO_KITTY: return "kitty";
	case UI_PHOTO_ITERM2: return "iterm2";
	case UI_PHOTO_SIXEL: return "sixel";
	default: return "symbols";
	}
}
