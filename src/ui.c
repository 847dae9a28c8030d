/* ui.c — placeholder until the full-screen interface lands: prints the
 * grid of the current treatment with `show`. */
#include "config.h"

#include "healgrid/ui.h"

int ui_run(struct cli_ctx *ctx)
{
	char arg0[] = "show";
	char *argv[] = { arg0, NULL };

	optind = 0;
	return cmd_show(ctx, 1, argv);
}
