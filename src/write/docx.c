/*
 * write/docx.c - report.docx: a WordprocessingML package (libzip) written
 * with a small XML writer, so that Word and WPS open it for editing: the
 * title, a 目录, the 情况说明 with Word's own heading styles (标题 1-4, the
 * built-in "heading N" that the navigation pane and a 目录 field read),
 * numbered paragraphs as text (their markers are the text's, as published),
 * then the 13 tables as real tables - header rows repeated on each page,
 * merged cells merged (gridSpan, vMerge) - on landscape pages.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "render/grid.h"
#include "write/write_int.h"

/* ---- the XML writer ---- */

static void esc(ys_buf *o, const char *s)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		switch (c) {
		case '<': ys_buf_adds(o, "&lt;"); break;
		case '>': ys_buf_adds(o, "&gt;"); break;
		case '&': ys_buf_adds(o, "&amp;"); break;
		case '"': ys_buf_adds(o, "&quot;"); break;
		default:
			/* XML 1.0 has no place for the other C0 controls */
			if (c >= 0x20 || c == '\t' || c == '\n')
				ys_buf_addc(o, (char)c);
		}
	}
}

/* A run of text: tabs and line ends as Word writes them. */
static void run(ys_buf *o, const char *s, int bold)
{
	ys_buf_adds(o, "<w:r>");
	if (bold)
		ys_buf_adds(o, "<w:rPr><w:b/></w:rPr>");
	ys_buf_adds(o, "<w:t xml:space=\"preserve\">");
	esc(o, s);
	ys_buf_adds(o, "</w:t></w:r>");
}

/* A paragraph of style (NULL: Normal), jc (NULL: left), text and an
 * optional marker before it. */
static void para(ys_buf *o, const char *style, const char *jc, int indent, const char *marker, const char *text)
{
	ys_buf_adds(o, "<w:p>");
	if (style || jc || indent) {
		ys_buf_adds(o, "<w:pPr>");
		if (style)
			ys_buf_addf(o, "<w:pStyle w:val=\"%s\"/>", style);
		if (indent)
			ys_buf_adds(o, "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>");
		if (jc)
			ys_buf_addf(o, "<w:jc w:val=\"%s\"/>", jc);
		ys_buf_adds(o, "</w:pPr>");
	}
	ys_buf_adds(o, "<w:r><w:t xml:space=\"preserve\">");
	esc(o, marker);
	esc(o, text);
	ys_buf_adds(o, "</w:t></w:r></w:p>");
}

/* ---- the parts of the package ---- */

static const char content_types[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Override PartName=\"/word/document.xml\" "
	"ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
	"<Override PartName=\"/word/styles.xml\" "
	"ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
	"<Override PartName=\"/word/settings.xml\" "
	"ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
	"<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
	"<Override PartName=\"/docProps/app.xml\" "
	"ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
	"</Types>";

static const char rels[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" "
	"Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
	"Target=\"word/document.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
	"Target=\"docProps/core.xml\"/>"
	"<Relationship Id=\"rId3\" "
	"Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" "
	"Target=\"docProps/app.xml\"/>"
	"</Relationships>";

static const char doc_rels[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
	"Target=\"styles.xml\"/>"
	"<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" "
	"Target=\"settings.xml\"/>"
	"</Relationships>";

static const char settings[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
	"<w:defaultTabStop w:val=\"420\"/><w:characterSpacingControl w:val=\"compressPunctuation\"/>"
	"<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" "
	"w:val=\"15\"/></w:compat></w:settings>";

static const char app[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
	"<Application>yusuan</Application></Properties>";

/* Word's built-in styles by their built-in names ("heading 1" is shown as
 * 标题 1 in a Chinese Word and WPS); the body in 仿宋, headings in 黑体,
 * as government documents are set. */
static void styles(ys_buf *o)
{
	ys_buf_adds(o,
	            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	            "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
	            "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
	            "w:eastAsia=\"仿宋\" w:cs=\"Times New Roman\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>"
	            "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault>"
	            "<w:pPrDefault><w:pPr><w:spacing w:line=\"560\" w:lineRule=\"exact\"/><w:jc w:val=\"both\"/></w:pPr>"
	            "</w:pPrDefault></w:docDefaults>"
	            "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>"
	            "</w:style>"
	            "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
	            "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:jc w:val=\"center\"/><w:spacing w:line=\"240\" "
	            "w:lineRule=\"auto\" w:before=\"240\" w:after=\"240\"/></w:pPr><w:rPr><w:rFonts w:eastAsia=\"方正小标宋简体\"/>"
	            "<w:b/><w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/></w:rPr></w:style>");
	static const int size[4] = { 36, 32, 32, 32 };
	static const char *const font[4] = { "黑体", "黑体", "楷体", "仿宋" };
	for (int l = 1; l <= 4; l++)
		ys_buf_addf(o,
		            "<w:style w:type=\"paragraph\" w:styleId=\"Heading%d\"><w:name w:val=\"heading %d\"/>"
		            "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>"
		            "<w:pPr><w:keepNext/><w:keepLines/>%s<w:outlineLvl w:val=\"%d\"/></w:pPr>"
		            "<w:rPr><w:rFonts w:eastAsia=\"%s\"/>%s<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/></w:rPr></w:style>",
		            l, l, l == 1 ? "<w:jc w:val=\"center\"/>" : "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>",
		            l - 1, font[l - 1], l <= 2 ? "<w:b/>" : "", size[l - 1], size[l - 1]);
	ys_buf_adds(o,
	            "<w:style w:type=\"paragraph\" w:styleId=\"TableCaption\"><w:name w:val=\"caption\"/>"
	            "<w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:jc w:val=\"center\"/>"
	            "<w:spacing w:line=\"240\" w:lineRule=\"auto\" w:before=\"120\" w:after=\"60\"/></w:pPr>"
	            "<w:rPr><w:rFonts w:eastAsia=\"黑体\"/><w:b/><w:sz w:val=\"28\"/></w:rPr></w:style>"
	            "<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/>"
	            "<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/>"
	            "</w:pPr><w:rPr><w:rFonts w:eastAsia=\"宋体\"/><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr></w:style>"
	            "<w:style w:type=\"paragraph\" w:styleId=\"TOC\"><w:name w:val=\"toc 1\"/><w:basedOn w:val=\"Normal\"/>"
	            "</w:style>"
	            "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
	            "<w:tblPr><w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar>"
	            "</w:tblPr></w:style>"
	            "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/>"
	            "<w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders>"
	            "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	            "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	            "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	            "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	            "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	            "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
	            "</w:tblBorders></w:tblPr></w:style>"
	            "</w:styles>");
}

static void core(ys_buf *o, const ys_story *s)
{
	ys_buf_adds(o,
	            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	            "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
	            "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>");
	for (const char *p = s->title; *p; p++) {
		char one[2] = { *p == '\n' ? ' ' : *p, 0 };
		esc(o, one);
	}
	ys_buf_adds(o, "</dc:title><dc:creator>");
	esc(o, s->department);
	ys_buf_adds(o, "</dc:creator></cp:coreProperties>");
}

/* ---- a table ---- */

/* Page geometry in twentieths of a point: A4, 2.5 cm margins (landscape: 2 cm). */
#define A4_SHORT 11906
#define A4_LONG 16838
#define MARGIN_P 1418
#define MARGIN_L 1134

static void cell_open(ys_buf *o, int w, int span, const char *vmerge, int shade)
{
	ys_buf_addf(o, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", w);
	if (span > 1)
		ys_buf_addf(o, "<w:gridSpan w:val=\"%d\"/>", span);
	if (vmerge)
		ys_buf_addf(o, "<w:vMerge%s/>", vmerge);
	if (shade)
		ys_buf_adds(o, "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"EDEDED\"/>");
	ys_buf_adds(o, "<w:vAlign w:val=\"center\"/></w:tcPr>");
}

static void cell_text(ys_buf *o, const char *text, const char *jc, int bold)
{
	ys_buf_addf(o, "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/><w:jc w:val=\"%s\"/></w:pPr>", jc);
	if (text && text[0])
		run(o, text, bold);
	ys_buf_adds(o, "</w:p></w:tc>");
}

static void header_rows(ys_buf *o, const ys_table *t, int h0, int h1, int width, const int *colw)
{
	enum { MAXSP = 16 * YS_GRID_MAX };
	ys_gspan *sp = malloc(sizeof *sp * MAXSP);
	if (!sp) {
		o->oom = 1;
		return;
	}
	int n = ys_grid_header(t, h0, h1, width, sp, MAXSP);
	int rows = h1 - h0 > 16 ? 16 : h1 - h0;
	for (int r = 0; r < rows; r++) {
		ys_buf_adds(o, "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
		for (int c = 0; c < width;) {
			/* the span covering (r, c) */
			const ys_gspan *g = NULL;
			for (int i = 0; i < n && !g; i++)
				if (sp[i].r <= r && r < sp[i].r + sp[i].rows && sp[i].c <= c && c < sp[i].c + sp[i].cols)
					g = &sp[i];
			int cols = g ? g->cols : 1, w = 0;
			for (int k = c; k < c + cols && k < width; k++)
				w += colw[k];
			const char *vm = g && g->rows > 1 ? (g->r == r ? " w:val=\"restart\"" : "") : NULL;
			cell_open(o, w, cols, vm, 1);
			cell_text(o, g && g->r == r ? g->text : "", "center", 1);
			c += cols;
		}
		ys_buf_adds(o, "</w:tr>");
	}
	free(sp);
}

static void table(ys_buf *o, const ys_table *t)
{
	int width = ys_grid_width(t);
	ys_gcell g[YS_GRID_MAX];
	para(o, "TableCaption", NULL, 0, "", t->title);
	const char *sub = t->unit_line ? t->unit_text : t->subtitle;
	if (sub && sub[0])
		para(o, "TableText", "right", 0, "", sub);
	/* widths: amount columns a fixed share, text columns the rest */
	int colw[YS_GRID_MAX], avail = A4_LONG - 2 * MARGIN_L, namt = 0, ntext = 0;
	int amt[YS_GRID_MAX] = { 0 };
	for (int r = 0; r < t->nrows; r++) {
		ys_grid_row(t, &t->rows[r], width, g);
		for (int c = 0; c < width; c++)
			if (g[c].span == 1 && ys_grid_amount(t, g[c].col))
				amt[c] = 1;
	}
	for (int c = 0; c < width; c++)
		amt[c] ? namt++ : ntext++;
	int aw = ntext ? (namt ? avail * 2 / 3 / namt : 0) : (namt ? avail / namt : 0);
	if (aw > 1500)
		aw = 1500;
	int tw = ntext ? (avail - aw * namt) / ntext : 0;
	for (int c = 0; c < width; c++)
		colw[c] = amt[c] ? aw : tw;
	ys_buf_adds(o, "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
	               "<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\"/></w:tblPr><w:tblGrid>");
	for (int c = 0; c < width; c++)
		ys_buf_addf(o, "<w:gridCol w:w=\"%d\"/>", colw[c]);
	ys_buf_adds(o, "</w:tblGrid>");
	int h = 0;
	while (h < t->nheaders && t->headers[h].before == 0)
		h++;
	if (h)
		header_rows(o, t, 0, h, width, colw);
	for (int r = 0; r < t->nrows; r++) {
		const ys_row *row = &t->rows[r];
		int h0 = h;
		while (h < t->nheaders && t->headers[h].before == r)
			h++;
		if (h > h0)
			header_rows(o, t, h0, h, width, colw);
		ys_grid_row(t, row, width, g);
		int total = row->kind == YS_ROW_TOTAL;
		ys_buf_adds(o, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
		for (int c = 0; c < width; c++) {
			if (!g[c].span)
				continue;
			int w = 0;
			for (int k = c; k < c + g[c].span && k < width; k++)
				w += colw[k];
			cell_open(o, w, g[c].span, NULL, 0);
			int a = ys_grid_amount(t, g[c].col);
			cell_text(o, g[c].text, a ? "right" : total && ys_is_total_label(g[c].text) ? "center" : "left", total);
		}
		ys_buf_adds(o, "</w:tr>");
	}
	ys_buf_adds(o, "</w:tbl>");
	para(o, NULL, NULL, 0, "", "");
}

/* A section's end: its page size and orientation. */
static void section(ys_buf *o, int landscape, int in_para)
{
	if (in_para)
		ys_buf_adds(o, "<w:p><w:pPr>");
	if (landscape)
		ys_buf_addf(o,
		            "<w:sectPr><w:pgSz w:w=\"%d\" w:h=\"%d\" w:orient=\"landscape\"/><w:pgMar w:top=\"%d\" w:right=\"%d\" "
		            "w:bottom=\"%d\" w:left=\"%d\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>",
		            A4_LONG, A4_SHORT, MARGIN_L, MARGIN_L, MARGIN_L, MARGIN_L);
	else
		ys_buf_addf(o,
		            "<w:sectPr><w:pgSz w:w=\"%d\" w:h=\"%d\"/><w:pgMar w:top=\"%d\" w:right=\"%d\" w:bottom=\"%d\" "
		            "w:left=\"%d\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>",
		            A4_SHORT, A4_LONG, MARGIN_P, MARGIN_P, MARGIN_P, MARGIN_P);
	if (in_para)
		ys_buf_adds(o, "</w:pPr></w:p>");
}

static void page_break(ys_buf *o)
{
	ys_buf_adds(o, "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
}

static void document(ys_buf *o, const ys_story *s, const ys_doc *doc)
{
	ys_buf_adds(o, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	               "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
	/* the cover: the title's lines */
	for (const char *p = s->title; *p;) {
		size_t n = strcspn(p, "\n");
		char line[1024];
		snprintf(line, sizeof line, "%.*s", (int)n, p);
		para(o, "Title", NULL, 0, "", line);
		p += n + (p[n] == '\n');
	}
	page_break(o);
	/* the 目录 */
	para(o, "Title", NULL, 0, "", "目录");
	for (int i = 0; i < s->n; i++) {
		const ys_block *b = &s->b[i];
		if (ys_story_in_toc(b)) {
			ys_buf_addf(o, "<w:p><w:pPr><w:pStyle w:val=\"TOC\"/>%s</w:pPr><w:r><w:t xml:space=\"preserve\">",
			            b->kind == YS_B_PART ? "" : "<w:ind w:left=\"640\"/>");
			esc(o, b->marker);
			esc(o, b->text);
			ys_buf_adds(o, "</w:t></w:r></w:p>");
		}
		if (i == s->tables_part)
			for (int k = 0; k < doc->ntables; k++) {
				char e[256];
				ys_story_table_entry(doc, k, e, sizeof e);
				ys_buf_adds(o, "<w:p><w:pPr><w:pStyle w:val=\"TOC\"/><w:ind w:left=\"640\"/></w:pPr><w:r><w:t "
				               "xml:space=\"preserve\">");
				esc(o, e);
				ys_buf_adds(o, "</w:t></w:r></w:p>");
			}
	}
	page_break(o);
	/* the 情况说明 */
	for (int i = 0; i < s->n; i++) {
		const ys_block *b = &s->b[i];
		char style[32];
		switch (b->kind) {
		case YS_B_PART:
			if (i && i == s->tables_part)
				page_break(o);
			para(o, "Heading1", NULL, 0, "", b->text);
			break;
		case YS_B_HEADING:
			snprintf(style, sizeof style, "Heading%d", b->level + 1 > 4 ? 4 : b->level + 1);
			para(o, style, NULL, 0, b->marker, b->text);
			break;
		case YS_B_ITEM:
		case YS_B_PARA:
			para(o, NULL, NULL, 1, b->marker, b->text);
			break;
		}
	}
	/* the tables, landscape */
	section(o, 0, 1);
	for (int k = 0; k < doc->ntables; k++) {
		if (k)
			page_break(o);
		table(o, doc->tables[doc->order[k]]);
	}
	section(o, 1, 0);
	ys_buf_adds(o, "</w:body></w:document>");
}

ys_result ys_story_write_docx(ys_ctx *ctx, const ys_story *s, const ys_doc *doc, const char *path)
{
	ys_buf part[4] = { YS_BUF_INIT, YS_BUF_INIT, YS_BUF_INIT, YS_BUF_INIT };
	document(&part[0], s, doc);
	styles(&part[1]);
	core(&part[2], s);
	for (int i = 0; i < 3; i++)
		if (part[i].oom) {
			for (int k = 0; k < 4; k++)
				ys_buf_release(&part[k]);
			return ys_error(ctx, YS_ENOMEM, "内存不足");
		}
	struct {
		const char *name;
		const char *data;
		size_t len;
	} files[] = {
		{ "[Content_Types].xml", content_types, sizeof content_types - 1 },
		{ "_rels/.rels", rels, sizeof rels - 1 },
		{ "word/document.xml", part[0].s, part[0].len },
		{ "word/_rels/document.xml.rels", doc_rels, sizeof doc_rels - 1 },
		{ "word/styles.xml", part[1].s, part[1].len },
		{ "word/settings.xml", settings, sizeof settings - 1 },
		{ "docProps/core.xml", part[2].s, part[2].len },
		{ "docProps/app.xml", app, sizeof app - 1 },
	};
	int zerr = 0;
	ys_result res = YS_OK;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
	if (!z)
		res = ys_error(ctx, YS_EWRITE, "%s：无法建立文件", path);
	for (size_t i = 0; !res && i < sizeof files / sizeof files[0]; i++) {
		zip_source_t *src = zip_source_buffer(z, files[i].data, files[i].len, 0);
		if (!src || zip_file_add(z, files[i].name, src, ZIP_FL_ENC_UTF_8) < 0) {
			zip_source_free(src);
			res = ys_error(ctx, YS_EWRITE, "%s：无法写入 %s：%s", path, files[i].name, zip_strerror(z));
		}
	}
	if (z && !res && zip_close(z) != 0) {
		res = ys_error(ctx, YS_EWRITE, "%s：无法写出：%s", path, zip_strerror(z));
		zip_discard(z);
	} else if (z && res) {
		zip_discard(z);
	}
	for (int k = 0; k < 4; k++)
		ys_buf_release(&part[k]);
	return res;
}
