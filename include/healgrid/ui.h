/* ui.h — the full-screen ncursesw interface. */
#ifndef HEALGRID_UI_H
#define HEALGRID_UI_H

#include "healgrid/cli.h"

/* Open the UI on ctx's database; returns an hg_status. */
int ui_run(struct cli_ctx *ctx);

#endif
