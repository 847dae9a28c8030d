/* ui_note.h — the note viewer (src/ui_note.c): a day's whole note,
 * wrapped to the terminal with its line breaks kept, scrolled with the
 * arrows and PgUp/PgDn, left with Esc, q or Enter. */
#ifndef HEALGRID_UI_NOTE_H
#define HEALGRID_UI_NOTE_H

#include "healgrid/ui_core.h"

/* Show the stored note of day `day` of the current treatment (a message
 * when it has none).  Returns when the user leaves it. */
void ui_note_view(struct ui *ui, int day);
/* Show text (a note being edited) under the title. */
void ui_note_view_text(struct ui *ui, const char *title, const char *text);

#endif
