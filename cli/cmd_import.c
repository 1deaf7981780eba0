#include "cli.h"
int cmd_import(int argc, char **argv) { (void)argc; (void)argv; return EXIT_USAGE; }
ys_result cli_load_from_db(ys_ctx *ctx, const char *db, const char *docid, ys_doc **out)
{
	(void)db; (void)docid; *out = NULL;
	return ys_error(ctx, YS_ESTORE, "not yet");
}
