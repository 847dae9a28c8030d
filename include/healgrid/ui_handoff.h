/* ui_handoff.h — the day editor's hand-offs to programs outside healgrid
 * (src/ui/ui_handoff.c): the note to $VISUAL/$EDITOR, a day's photos to
 * the viewer, each through a private temporary folder. */
#ifndef HEALGRID_UI_HANDOFF_H
#define HEALGRID_UI_HANDOFF_H

#include <stdint.h>

#include "healgrid/ui_core.h"
#include "healgrid/util.h"

/* Edit note in $VISUAL, else $EDITOR, else vi, on a file in a private
 * temporary folder.  Returns 1 with the edited text in out (which the
 * caller frees) and "Note edited" said; 0 when the note stays as it was
 * (why said on the message line; a text that did not fit is kept in its
 * file, whose path is said). */
int ui_handoff_note(struct ui *ui, const char *note, struct strbuf *out);
/* Write the photos of day `day` of treatment `treatment` into a private
 * temporary folder (removed at exit, and on the crash path) and hand
 * them to $HEALGRID_VIEWER, else xdg-open on a desktop; says on the
 * message line what happened. */
void ui_handoff_photos(struct ui *ui, int64_t treatment, int day);

#endif
