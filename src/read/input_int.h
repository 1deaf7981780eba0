/*
 * input_int.h - what the detail readers share: a source of records (CSV
 * file or XLSX sheet) and the sheet reader that maps headers to fields.
 */
#ifndef YS_INPUT_INT_H
#define YS_INPUT_INT_H

#include "csv.h"
#include "yusuan/budget.h"
#include "yusuan/money.h"

typedef struct ys_recsrc ys_recsrc;
struct ys_recsrc {
	const char *name;                        /* for messages: file, or workbook:sheet */
	int (*next)(ys_recsrc *src, ys_ctx *ctx); /* 1 a record, 0 the end, -1 error */
	const ys_csv_field *f;                   /* the current record */
	size_t nf;
};

int ys_input_nsheets(void);
const char *ys_input_sheet_id(int i);
int ys_input_sheet_required(int i);
/* The sheet a file or worksheet name stands for (id, Chinese name or alias), or -1. */
int ys_input_sheet_find(const char *name);

void *ys_input_state_new(void);
void ys_input_state_free(void *state);
/* Read every record of src as sheet `sheet` into b. */
ys_result ys_input_read_sheet(ys_ctx *ctx, ys_budget *b, int sheet, ys_recsrc *src, void *state);
/* Check that the required parts are there once every sheet is read. */
ys_result ys_input_finish(ys_ctx *ctx, ys_budget *b, const char *where);

/* The value of an enumerated field ("type", "fund", "kind", "carry",
 * "flags", "class") written s[0..n): 0 and *out, or -1. */
int ys_input_enum_value(const char *field, const char *s, size_t n, int *out);
/* Is the header cell s[0..n) field field_id of sheet field_sheet (by its
 * Chinese name or alias)?  Also says the unit written in it. */
int ys_input_header_is(const char *field_sheet, const char *field_id, const char *s, size_t n, ys_unit *unit,
                       int *has_unit);

#endif
