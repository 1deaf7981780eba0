#include "yusuan/input.h"
ys_result ys_input_read_xlsx(ys_ctx *ctx, const char *path, ys_budget **out)
{
	*out = NULL;
	return ys_error(ctx, YS_EIO, "%s: XLSX input is not built yet", path);
}
