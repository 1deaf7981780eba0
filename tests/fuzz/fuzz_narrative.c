/*
 * fuzz_narrative.c - the 情况说明 reader (ys_narrative_read_text), then the
 * narrative rules on a document whose prose is the same text
 * (ys_doc_add_prose_text, ys_check).
 *
 * Invariants: a failed read leaves no narrative and a message; every
 * block's sentences and every sentence's figures lie inside the arrays;
 * a sentence's printed lines start at 0 and rise within its text; a
 * figure lies inside its sentence and its text is the sentence's bytes
 * there; an exact money figure is its printed number scaled to 分;
 * check's counts add up.
 */
#include "fuzzutil.h"
#include "fuzzdoc.h"

#include "yusuan/doc.h"
#include "yusuan/narrative.h"
#include "yusuan/rules.h"

static void walk(const ys_narrative *n)
{
	int sents = 0;
	for (int b = 0; b < n->nblocks; b++) {
		const ys_nblock *k = &n->blocks[b];
		if (!k->text || !k->marker)
			die("block %d without text", b);
		if (k->sent0 < 0 || k->nsent < 0 || k->sent0 + k->nsent > n->nsents)
			die("block %d's sentences %d+%d outside %d", b, k->sent0, k->nsent, n->nsents);
		sents += k->nsent;
	}
	if (sents != n->nsents)
		die("blocks hold %d sentences of %d", sents, n->nsents);
	for (int i = 0; i < n->nsents; i++) {
		const ys_nsent *s = &n->sents[i];
		size_t len = strlen(s->text);
		if (s->block < 0 || s->block >= n->nblocks)
			die("sentence %d in block %d of %d", i, s->block, n->nblocks);
		if (s->nbreaks < 1 || s->breaks[0].off != 0)
			die("sentence %d's printed lines do not start at 0", i);
		for (int k = 1; k < s->nbreaks; k++)
			if (s->breaks[k].off <= s->breaks[k - 1].off || (size_t)s->breaks[k].off >= len)
				die("sentence %d's line %d at %d", i, k, s->breaks[k].off);
		if (s->fig0 < 0 || s->nfig < 0 || s->fig0 + s->nfig > n->nfigs)
			die("sentence %d's figures %d+%d outside %d", i, s->fig0, s->nfig, n->nfigs);
		for (int f = s->fig0; f < s->fig0 + s->nfig; f++) {
			const ys_nfig *g = &n->figs[f];
			if (g->sent != i || g->off + g->len > len || strncmp(s->text + g->off, g->text, g->len) ||
			    strlen(g->text) != g->len)
				die("figure %d is not in sentence %d", f, i);
			if (g->dp < 0 || g->dp > 18 || g->mant < 0)
				die("figure %d: %lld at %d decimals", f, (long long)g->mant, g->dp);
			if (g->exact && (g->unit == YS_NU_WANYUAN || g->unit == YS_NU_YUAN || g->unit == YS_NU_YIYUAN)) {
				int ex = g->unit == YS_NU_WANYUAN ? 6 : g->unit == YS_NU_YIYUAN ? 10 : 2;
				int64_t v = g->mant;
				for (int d = g->dp; d < ex; d++)
					v *= 10;
				if (g->dp > ex || v != g->fen)
					die("figure %d: %lld 分 for %lld at %d decimals", f, (long long)g->fen, (long long)g->mant, g->dp);
			}
			char buf[64];
			ys_nfig_format(g, buf, sizeof buf);
		}
	}
	if (!n->title || !n->name)
		die("narrative without title or name");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ys_ctx ctx;
	ys_ctx_init(&ctx);
	ys_narrative *n = (ys_narrative *)1;
	ys_result r = ys_narrative_read_text(&ctx, "fuzz.txt", (const char *)data, size, 0, &n);
	if (r != YS_OK) {
		if (n)
			die("a failed read left a narrative");
		if (!ctx.msg[0])
			die("a failed read left no message");
		return 0;
	}
	walk(n);
	ys_narrative_free(n);

	ys_doc *doc = ys_doc_new("fuzz.txt");
	if (!doc)
		return 0;
	ys_ctx_init(&ctx);
	if (ys_doc_add_prose_text(&ctx, doc, "fuzz.txt", (const char *)data, size) == YS_OK)
		fz_check_doc(doc);
	ys_doc_free(doc);
	return 0;
}
