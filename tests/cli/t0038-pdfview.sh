# yusuan serve: a document's pages as images with a finding's place boxed,
# a finding's own page, and the review's export (整改清单 workbook, the PDF
# with the confirmed findings marked) - docs/api.md, "原文页面与复核导出" -
# on SQLite and on PostgreSQL (the file kept as a BLOB, as a bytea).
[ -n "${YS_TEST_PG:-}" ] || exec tests/pg/run.sh sh "$0"
. tests/cli/lib.sh
. tests/cli/servelib.sh
command -v curl > /dev/null || fail "curl is needed (scripts/deps.sh --test)"
command -v pdfinfo > /dev/null && command -v pdftotext > /dev/null || fail "poppler-utils is needed (scripts/deps.sh --test)"
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
PIDS=""
cleanup() { for p in $PIDS; do kill "$p" 2> /dev/null; done; }
trap cleanup EXIT

# the seed with one amount changed (t0005): 预算03表 2050201/50501/30101
# 基本支出 393.779041 where the identities want 393.779040, printed as a PDF
sed '80s/393\.779040\t393\.779040/393.779040\t393.779041/' $SEED > $TMP/m.txt
expect_exit 0 $YUSUAN show $TMP/m.txt -o $TMP/out --format pdf
PDF=$TMP/out/tables.pdf
NPAGES=$(pdfinfo "$PDF" | sed -n 's/^Pages: *//p')
[ "$NPAGES" -gt 5 ] || fail "the PDF has $NPAGES pages"

start() {
	rm -f "$TMP/$2.fifo"
	mkfifo "$TMP/$2.fifo"
	$YUSUAN serve --db "$1" --listen 127.0.0.1:0 --threads 2 > "$TMP/$2.fifo" 2> "$TMP/$2.err" &
	PIDS="$PIDS $!"
	read -r line < "$TMP/$2.fifo"
	URL=$(printf %s "$line" | sed -n 's/^yusuan serve：\(http[^（]*\).*/\1/p')
	[ -n "$URL" ] || { cat "$TMP/$2.err"; fail "serve did not start on $1"; }
}
jget() { $PY -c "import json,sys; d=json.load(open('$TMP/b')); print($1)"; }

suite() {
	DB=$1
	echo "== $DB"
	printf 'admin-pass\n' | $YUSUAN user add 管理 --role admin --db "$DB" > /dev/null || fail "user add"
	printf 'editor-pass\n' | $YUSUAN user add 别的编辑 --role editor --department 别的部门 --db "$DB" > /dev/null ||
		fail "user add"
	start "$DB" a
	A=$(login 管理 admin-pass)
	R=$A
	E2=$(login 别的编辑 editor-pass)

	# a text document first (the same department and year: the PDF is the
	# newer, the one reviewed)
	[ "$(code POST "${URL}api/v1/documents?name=seed.txt" -H "Authorization: Bearer $A" --data-binary @$SEED)" = 201 ] ||
		fail "upload text"
	TXT=$(jget 'd["id"]')
	[ "$(code POST "${URL}api/v1/documents?name=tables.pdf" -H "Authorization: Bearer $A" --data-binary @"$PDF")" = 201 ] ||
		{ cat $TMP/b; fail "upload"; }
	DOC=$(jget 'd["id"]')

	# the changed cell's finding, its key and its index
	[ "$(code GET "${URL}api/v1/documents/$DOC" -H "Authorization: Bearer $R")" = 200 ] || fail "document"
	N=$(jget '[i for i, f in enumerate(d["findings"]) if f["rule"] == "sum.row"][0]')
	KEY=$(jget "d['findings'][$N]['key']")
	OTHER=$(jget '[f["key"] for f in d["findings"] if f["rule"] == "pres.numbering"][0]')
	[ "$(code GET "${URL}api/v1/documents/$DOC/findings/$N" -H "Authorization: Bearer $R")" = 200 ] ||
		{ cat $TMP/b; fail "finding $N"; }
	cp $TMP/b $TMP/finding.json
	PAGE=$(jget 'd["place"]["page"]')
	IMG=$(jget 'd["image"]')
	[ "$(jget 'd["page"]')" = "$PAGE" ] || fail "the place's page is not the finding's"
	# the place is where pdftotext says 393.779041 is printed on that page
	pdftotext -bbox -f "$PAGE" -l "$PAGE" "$PDF" $TMP/bbox.html
	$PY - "$TMP/finding.json" "$TMP/bbox.html" <<-'PY' || fail "the place is not where the figure is printed"
		import json, re, sys
		p = json.load(open(sys.argv[1]))["place"]
		words = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">393\.779041<', open(sys.argv[2]).read())
		assert len(words) == 1, words
		box = [float(v) for v in words[0]]
		got = [p["x0"], p["y0"], p["x1"], p["y1"]]
		sys.exit(0 if all(abs(a - b) < 0.5 for a, b in zip(box, got)) else print(box, got) or 1)
	PY

	# review: confirm it, dismiss another with a reason
	body=$($PY -c 'import json,sys; print(json.dumps({"key": sys.argv[1], "state": "confirmed", "reason": "", "comment": "请核对基本工资"}, ensure_ascii=False))' "$KEY")
	[ "$(code POST "${URL}api/v1/documents/$DOC/reviews" -H "Authorization: Bearer $R" -H 'Content-Type: application/json' --data-raw "$body")" = 200 ] ||
		fail "confirm: $(cat $TMP/b)"
	body=$($PY -c 'import json,sys; print(json.dumps({"key": sys.argv[1], "state": "dismissed", "reason": "编号写法不影响理解", "comment": ""}, ensure_ascii=False))' "$OTHER")
	[ "$(code POST "${URL}api/v1/documents/$DOC/reviews" -H "Authorization: Bearer $R" -H 'Content-Type: application/json' --data-raw "$body")" = 200 ] ||
		fail "dismiss: $(cat $TMP/b)"

	# the page's image: a PNG of the page's size at 1.5 pixels a point,
	# red on the box's border, not red there without the finding
	case $IMG in "/documents/$DOC/pages/$PAGE.png?finding="*) ;; *) fail "image URL $IMG" ;; esac
	curl -s -o $TMP/box.png -D $TMP/h -H "Authorization: Bearer $R" "${URL%/}$IMG" || fail "image"
	grep -qi '^content-type: image/png' $TMP/h || fail "not image/png"
	curl -s -o $TMP/plain.png -H "Authorization: Bearer $R" "${URL}api/v1/documents/$DOC/pages/$PAGE.png"
	pdfinfo -f "$PAGE" -l "$PAGE" "$PDF" > $TMP/pinfo
	$PY - $TMP/box.png $TMP/plain.png $TMP/finding.json $TMP/pinfo <<-'PY' || fail "the page image"
		import json, math, re, struct, sys, zlib
		def png(path, xmax, ymax):
		    # pixels (x <= xmax, y <= ymax) of an 8-bit RGB(A) PNG: the rows
		    # above and the bytes to the left are all a pixel's filter needs
		    d = open(path, "rb").read()
		    assert d[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
		    i, idat = 8, b""
		    while i < len(d):
		        n, t = struct.unpack(">I4s", d[i:i + 8])
		        c = d[i + 8:i + 8 + n]
		        if t == b"IHDR":
		            w, h, depth, ctype = struct.unpack(">IIBB", c[:10])
		            assert depth == 8 and ctype in (2, 6), (depth, ctype)
		            bpp = 3 if ctype == 2 else 4
		        elif t == b"IDAT":
		            idat += c
		        i += 12 + n
		    raw, stride = zlib.decompress(idat), w * bpp
		    keep = min(stride, (xmax + 1) * bpp)
		    rows, prev = [], bytes(keep)
		    for y in range(min(h, ymax + 1)):
		        at = y * (stride + 1)
		        f, line = raw[at], bytearray(raw[at + 1:at + 1 + keep])
		        if f == 2:
		            line = bytearray((x + p) & 255 for x, p in zip(line, prev))
		        elif f in (1, 3, 4):
		            for x in range(keep):
		                a = line[x - bpp] if x >= bpp else 0
		                b, c = prev[x], prev[x - bpp] if x >= bpp else 0
		                if f == 1: line[x] = (line[x] + a) & 255
		                elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
		                else:
		                    p = a + b - c
		                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
		                    line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
		        rows.append(line)
		        prev = line
		    return w, h, lambda x, y: tuple(rows[y][x * bpp:x * bpp + 3])
		p = json.load(open(sys.argv[3]))["place"]
		ym, xm = round((p["y0"] + p["y1"]) / 2 * 1.5), round((p["x0"] + p["x1"]) / 2 * 1.5)
		left, right = round((p["x0"] - 2) * 1.5), round((p["x1"] + 2) * 1.5)
		top, bottom = round((p["y0"] - 2) * 1.5), round((p["y1"] + 2) * 1.5)
		w, h, px = png(sys.argv[1], right, bottom)
		w2, h2, plain = png(sys.argv[2], right, bottom)
		pw, ph = map(float, re.search(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", open(sys.argv[4]).read()).groups())
		assert (w, h) == (w2, h2) == (math.ceil(pw * 1.5), math.ceil(ph * 1.5)), (w, h, pw, ph)
		red = lambda v: v[0] > 220 and v[1] < 40 and v[2] < 40
		for x, y in ((left, ym), (right, ym), (xm, top), (xm, bottom)):
		    assert red(px(x, y)), ("not red", x, y, px(x, y))
		    assert not red(plain(x, y)), ("red without the finding", x, y)
		assert not red(px(left - 10, ym)) and not red(px(xm, ym)), "red outside the border"
	PY
	# pages out of range, another document's key, a text document: 404
	[ "$(code GET "${URL}api/v1/documents/$DOC/pages/0.png" -H "Authorization: Bearer $R")" = 404 ] || fail "page 0"
	[ "$(code GET "${URL}api/v1/documents/$DOC/pages/$((NPAGES + 1)).png" -H "Authorization: Bearer $R")" = 404 ] ||
		fail "page past the end"
	[ "$(code GET "${URL}api/v1/documents/$DOC/pages/1.png?finding=no.such%7Ckey" -H "Authorization: Bearer $R")" = 404 ] ||
		fail "unknown finding"
	[ "$(code GET "${URL}api/v1/documents/$TXT/pages/1.png" -H "Authorization: Bearer $R")" = 404 ] || fail "text doc image"
	[ "$(code GET "${URL}api/v1/documents/$TXT/review.pdf" -H "Authorization: Bearer $R")" = 404 ] || fail "text doc pdf"
	[ "$(code GET "${URL}api/v1/documents/$TXT/review.xlsx" -H "Authorization: Bearer $R")" = 200 ] || fail "text doc xlsx"
	# who may not see the document gets none of it
	for p in "pages/$PAGE.png" "findings/$N" review.xlsx review.pdf; do
		[ "$(code GET "${URL}api/v1/documents/$DOC/$p" -H "Authorization: Bearer $E2")" = 403 ] || fail "$p to another editor"
		[ "$(code GET "${URL}api/v1/documents/$DOC/$p")" = 401 ] || fail "$p to nobody"
	done

	# the 整改清单: exactly the confirmed finding, with its figures as 万元
	# text; the dismissed one on the second sheet with its reason
	[ "$(code GET "${URL}api/v1/documents/$DOC/review.xlsx" -H "Authorization: Bearer $R")" = 200 ] || fail "review.xlsx"
	cp $TMP/b $TMP/review.xlsx
	$PY - $TMP/review.xlsx $TMP/finding.json <<-'PY' || fail "review.xlsx"
		import json, re, sys, zipfile
		z = zipfile.ZipFile(sys.argv[1])
		f = json.load(open(sys.argv[2]))
		sst = [re.sub(r"<[^>]+>", "", s) for s in re.findall(r"<si>(.*?)</si>", z.read("xl/sharedStrings.xml").decode())]
		def rows(sheet):
		    out = []
		    for r in re.findall(r"<row [^>]*>(.*?)</row>", z.read(sheet).decode()):
		        cells = []
		        for attrs, v in re.findall(r"<c ([^>]*?)(?:/>|>(.*?)</c>)", r):
		            m = re.search(r"<v>(.*?)</v>", v or "")
		            val = m.group(1) if m else ""
		            cells.append(sst[int(val)] if 't="s"' in attrs and val else val)
		        out.append(cells)
		    return out
		one, two = rows("xl/worksheets/sheet1.xml"), rows("xl/worksheets/sheet2.xml")
		assert one[0][0].startswith("整改清单：北京市机关事务管理中心 2026年 · tables.pdf"), one[0]
		assert one[1] == ["序号", "表", "行", "列", "页", "规则", "问题说明", "应为（万元）", "实为（万元）", "复核人", "复核时间", "备注"], one[1]
		assert len(one) == 3, one
		row = one[2]
		assert row[:7] == ["1", "03", f["row"], f["column"], str(f["page"]), "sum.row", f["message"]], row
		assert row[7:10] == ["393.779040", "393.779041", "管理"] and row[11] == "请核对基本工资", row
		assert len(two) == 3 and two[2][5] == "pres.numbering" and two[2][7] == "编号写法不影响理解", two
	PY

	# the marked PDF: a list page, then the original's pages
	[ "$(code GET "${URL}api/v1/documents/$DOC/review.pdf" -H "Authorization: Bearer $R")" = 200 ] || fail "review.pdf"
	cp $TMP/b $TMP/review.pdf
	[ "$(pdfinfo $TMP/review.pdf | sed -n 's/^Pages: *//p')" = $((NPAGES + 1)) ] || fail "review.pdf pages"
	pdftotext -f 1 -l 1 $TMP/review.pdf $TMP/list.txt
	has $TMP/list.txt "1. 第 $PAGE 页 表 03 行 2050201/50501/30101 列 基本支出［sum.row］"
	has $TMP/list.txt "应为 393.779040 万元，实为 393.779041 万元"
	hasnt $TMP/list.txt "pres.numbering"
	pdftotext -f $((PAGE + 1)) -l $((PAGE + 1)) $TMP/review.pdf $TMP/p.txt
	pdftotext -f "$PAGE" -l "$PAGE" "$PDF" $TMP/o.txt
	has $TMP/p.txt "$(sed -n 1p $TMP/o.txt)"

	# the pages: the document links each finding to its own page, which
	# shows the page image with its box; the exports are offered
	[ "$(code GET "${URL}documents/$DOC" -H "Authorization: Bearer $R")" = 200 ] || fail "document page"
	has $TMP/b "<a id=\"fp$N\" href=\"/documents/$DOC/findings/$N\">"
	has $TMP/b "id=\"export-xlsx\" href=\"/documents/$DOC/review.xlsx\""
	has $TMP/b "id=\"export-pdf\" href=\"/documents/$DOC/review.pdf\""
	[ "$(code GET "${URL}documents/$TXT" -H "Authorization: Bearer $R")" = 200 ] || fail "text document page"
	hasnt $TMP/b "id=\"export-pdf\""
	[ "$(code GET "${URL}documents/$DOC/findings/$N" -H "Authorization: Bearer $R")" = 200 ] || fail "finding page"
	has $TMP/b "<img id=\"finding-page\" src=\"$IMG\""
	has $TMP/b "已确认"
	[ "$(code GET "${URL}documents/$DOC/pages/$PAGE.png" -H "Authorization: Bearer $R")" = 200 ] || fail "page image"
	[ "$(code GET "${URL}documents/$DOC/findings/999")" = 303 ] || fail "finding page without login"
	[ "$(code GET "${URL}documents/$DOC/findings/999" -H "Authorization: Bearer $R")" = 404 ] || fail "finding 999"
	cleanup
	PIDS=""
}

suite "$TMP/s.db"

# PostgreSQL keeps the file as a bytea: the same place, the same image
psql -X -q -v ON_ERROR_STOP=1 "${YS_TEST_PG}postgres" -c "DROP DATABASE IF EXISTS cli38 WITH (FORCE)" \
	-c "CREATE DATABASE cli38" > /dev/null 2>&1 || fail "CREATE DATABASE"
DB="${YS_TEST_PG}cli38"
echo "== $DB"
printf 'admin-pass\n' | $YUSUAN user add 管理 --role admin --db "$DB" > /dev/null || fail "user add"
start "$DB" p
A=$(login 管理 admin-pass)
[ "$(code POST "${URL}api/v1/documents?name=tables.pdf" -H "Authorization: Bearer $A" --data-binary @"$PDF")" = 201 ] ||
	{ cat $TMP/b; fail "upload to PostgreSQL"; }
DOC=$(jget 'd["id"]')
[ "$(code GET "${URL}api/v1/documents/$DOC/findings/$N" -H "Authorization: Bearer $A")" = 200 ] || fail "finding"
$PY - $TMP/b $TMP/finding.json <<-'PY' || fail "another place on PostgreSQL"
	import json, sys
	a, b = (json.load(open(p)) for p in sys.argv[1:3])
	sys.exit(0 if a["place"] == b["place"] and a["key"] == b["key"] else 1)
PY
curl -s -o $TMP/pg.png -H "Authorization: Bearer $A" "${URL%/}$(jget 'd["image"]')" || fail "image"
cmp -s $TMP/pg.png $TMP/box.png || fail "another image on PostgreSQL"
[ "$(code GET "${URL}api/v1/documents/$DOC/review.pdf" -H "Authorization: Bearer $A")" = 200 ] || fail "review.pdf"
[ "$(pdfinfo $TMP/b | sed -n 's/^Pages: *//p')" = $((NPAGES + 1)) ] || fail "review.pdf pages"
