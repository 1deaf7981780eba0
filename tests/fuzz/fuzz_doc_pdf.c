/*
 * fuzz_doc_pdf.c - the PDF reader (ys_doc_read_pdf): poppler's text layer,
 * then the layout step - characters grouped into visual lines by their
 * vertical centres and into fragments at the gutters, letter-spaced labels
 * joined - then the general reader, ys_check and the JSON renderer.
 *
 * Mutating a real PDF mostly exercises poppler's parser, and real ones
 * are compressed; so the fuzz input describes a page layout and the
 * harness draws it with cairo (Noto Sans CJK SC) into a PDF:
 *   - lines of tab-separated cells; each line 14 pt below the last, each
 *     cell 110 pt right of the last (from 40, 40);
 *   - a line "-- page N --" or a form feed starts a new page (at most 16);
 *   - a line starting "^Y " puts it at y = Y; a cell starting "@X " at
 *     x = X; "%S " sets the font size (Y, X, S are numbers as strtod reads
 *     them, so huge and negative positions are reachable).
 * Input starting "%PDF" is written as it is (raw PDF bytes).
 *
 * Invariants: as fuzz_doc_general - a failed read leaves no document and a
 * message; a document read has tables whose rows hold their columns.
 */
#include "fuzzutil.h"
#include "fuzzdoc.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include "yusuan/doc.h"
#include "yusuan/render.h"
#include "yusuan/rules.h"
#include "yusuan/text.h"

static char path[512];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	snprintf(path, sizeof path, "%s/doc.pdf", fz_scratch("doc-pdf"));
	return 0;
}

/* A number at *p (strtod), then one space; returns 1 and advances. */
static int number(const char **p, const char *end, double *v)
{
	char tmp[64];
	size_t n = 0;
	while (*p + n < end && n < sizeof tmp - 1 && (*p)[n] != ' ' && (*p)[n] != '\t')
		n++;
	memcpy(tmp, *p, n);
	tmp[n] = '\0';
	char *e;
	double d = strtod(tmp, &e);
	if (e == tmp || *e || d != d)
		return 0;
	*v = d;
	*p += n;
	if (*p < end && **p == ' ')
		(*p)++;
	return 1;
}

static int draw(const uint8_t *data, size_t size)
{
	cairo_surface_t *sf = cairo_pdf_surface_create(path, 842, 595);
	cairo_t *cr = cairo_create(sf);
	cairo_select_font_face(cr, "Noto Sans CJK SC", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, 9);
	const char *p = (const char *)data, *end = p + size;
	double y = 40;
	int pages = 1, cells = 0;
	char cell[256];
	while (p < end && cells < 3000) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		if ((le - p >= 11 && !strncmp(p, "-- page ", 8)) || (le > p && *p == '\f')) {
			if (pages == 16)
				break;
			cairo_show_page(cr);
			pages++;
			y = 40;
			p = nl ? nl + 1 : end;
			continue;
		}
		double v;
		if (p < le && *p == '^') {
			const char *q = p + 1;
			if (number(&q, le, &v)) {
				y = v;
				p = q;
			}
		}
		double x = 40;
		const char *c = p;
		while (c <= le && cells < 3000) {
			const char *t = memchr(c, '\t', (size_t)(le - c));
			if (!t)
				t = le;
			const char *s = c;
			for (int k = 0; k < 2 && s < t && (*s == '@' || *s == '%'); k++) {
				const char *q = s + 1;
				if (!number(&q, t, &v))
					break;
				if (*s == '@')
					x = v;
				else if (v > 0 && v < 1000)
					cairo_set_font_size(cr, v);
				s = q;
			}
			size_t n = (size_t)(t - s);
			if (n > sizeof cell - 1)
				n = sizeof cell - 1;
			memcpy(cell, s, n);
			cell[n] = '\0';
			if (n && ys_utf8_valid(cell, n, NULL) && !memchr(cell, '\0', n)) {
				cairo_move_to(cr, x, y);
				cairo_show_text(cr, cell);
				cells++;
			}
			x += 110;
			c = t + 1;
		}
		y += 14;
		p = nl ? nl + 1 : end;
	}
	cairo_status_t st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(sf);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(sf);
	cairo_surface_destroy(sf);
	return st == CAIRO_STATUS_SUCCESS ? 0 : -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size >= 4 && !memcmp(data, "%PDF", 4))
		fz_write(path, data, size);
	else if (draw(data, size))
		return 0;
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_doc *doc = (ys_doc *)1;
	ys_result r = ys_doc_read_pdf(&ctx, path, &doc);
	if (fz_failed("read", r, &ctx, doc))
		return 0;
	if (!doc || doc->nothers + doc->ntables <= 0)
		die("a document without tables was accepted");
	for (int i = 0; i < YS_NTABLES + doc->nothers; i++) {
		const ys_table *t = ys_doc_table_at(doc, i);
		for (int k = 0; t && k < t->nrows; k++)
			for (int c = 0; c < t->def->ncols; c++)
				if (!t->rows[k].cells[c].text)
					die("table %d row %d column %d: NULL text", i, k, c);
	}
	fz_check_doc(doc);
	ys_buf out = YS_BUF_INIT;
	if (ys_render_json(&ctx, doc, -1, &out) != YS_OK)
		die("render_json failed: %s", ctx.msg);
	ys_buf_release(&out);
	ys_doc_free(doc);
	return 0;
}
