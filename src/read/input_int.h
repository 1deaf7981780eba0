/*
 * input_int.h - what the detail readers share: a source of records (CSV
 * file or XLSX sheet) and the sheet reader (read/detail.c) that maps
 * headers to fields.
 */
#ifndef YS_INPUT_INT_H
#define YS_INPUT_INT_H

#include "csv.h"
#include "yusuan/budget.h"
#include "yusuan/input.h"
#include "yusuan/money.h"

typedef struct ys_recsrc ys_recsrc;
struct ys_recsrc {
	const char *name;                        /* the CSV file, or the workbook */
	const char *sheet;                       /* the workbook's sheet; NULL for a CSV file */
	int (*next)(ys_recsrc *src, ys_ctx *ctx); /* 1 a record, 0 the end, -1 error */
	const ys_csv_field *f;                   /* the current record */
	size_t nf;
};

int ys_input_nsheets(void);
const char *ys_input_sheet_id(int i);
const char *ys_input_sheet_zh(int i);
const char *ys_input_sheet_aliases(int i); /* "a|b", or "" */
int ys_input_sheet_required(int i);
/* The sheet a file or worksheet name stands for (id, Chinese name or alias), or -1. */
int ys_input_sheet_find(const char *name);

/* The reading's state: where its errors go (dl, or a list of its own when
 * NULL) and what it has read.  Functions taking it return YS_OK to go on -
 * an input error is recorded on the list, not returned - and anything else
 * to stop: out of memory, or YS_INPUT_ERRORS_MAX errors recorded. */
void *ys_input_state_new(ys_diags *dl);
void ys_input_state_free(void *state);
/* Read every record of src as sheet `sheet` into b. */
ys_result ys_input_read_sheet(ys_ctx *ctx, ys_budget *b, int sheet, ys_recsrc *src, void *state);
/* Record an error at place ("" when the message says) about sheet which (-1:
 * none), whose rows are then taken as unread. */
ys_result ys_input_note(void *state, ys_ctx *ctx, int which, ys_result code, const char *place, const char *fmt, ...)
	YS_PRINTF(6, 7);
/* Record the error ctx holds (its message says where). */
ys_result ys_input_note_ctx(void *state, ys_ctx *ctx, int which);
/* Once every sheet is read (res: what the reading returned): the required
 * parts are checked, and the result is YS_OK, or the first error's code
 * with ctx saying it. */
ys_result ys_input_finish(ys_ctx *ctx, ys_budget *b, const char *where, void *state, ys_result res);
/* The readers behind ys_input_read_all (read/open.c chooses): a folder of
 * CSV files (read/csvdir.c), a workbook (read/xlsx.c). */
ys_result ys_input_csvdir_read(ys_ctx *ctx, const char *dir, ys_diags *dl, ys_budget **out);
ys_result ys_input_xlsx_read(ys_ctx *ctx, const char *path, ys_diags *dl, ys_budget **out);

/* The value of an enumerated field ("type", "fund", "kind", "carry",
 * "flags", "class") written s[0..n): 0 and *out, or -1. */
int ys_input_enum_value(const char *field, const char *s, size_t n, int *out);
/* Is the header cell s[0..n) field field_id of sheet field_sheet (by its
 * Chinese name or alias)?  Also says the unit written in it. */
int ys_input_header_is(const char *field_sheet, const char *field_id, const char *s, size_t n, ys_unit *unit,
                       int *has_unit);

#endif
