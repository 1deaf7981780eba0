#!/bin/sh
# readers.sh OBJDIR - the readers form a one-way house (docs/internals.md,
# "Readers"): from the object files' defined and undefined symbols (nm),
# list which file of src/read calls which, and fail on
#   - a reader calling another reader (only open.c, above them, joins them),
#   - a base (below the readers) calling a reader or open.c,
#   - a file of src/read in no layer (a new one must be placed here).
# OBJDIR: build/obj/src/read (or build/san/...).  With --edges FILE the
# "from to" lines are read from FILE instead (the check's own test).
set -u
TOP="open"
READERS="text json xlsx general seedpdf narrative csvdir"
BASES="lines detail"
layer() {
	for x in $TOP; do [ "$1" = "$x" ] && { echo top; return; }; done
	for x in $READERS; do [ "$1" = "$x" ] && { echo reader; return; }; done
	for x in $BASES; do [ "$1" = "$x" ] && { echo base; return; }; done
	echo none
}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ys-readers.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
if [ "${1:-}" = --edges ]; then
	cp "$2" "$tmp/edges"
	files=$(tr ' ' '\n' < "$2" | sort -u)
else
	dir=${1:?usage: readers.sh OBJDIR | --edges FILE}
	set -- "$dir"/*.o
	[ -e "$1" ] || { echo "readers.sh: no object files in $dir" >&2; exit 2; }
	: > "$tmp/defs"; : > "$tmp/undefs"
	for o in "$@"; do
		f=$(basename "$o" .o)
		nm -g --defined-only "$o" | awk -v f="$f" 'NF == 3 { print $3, f }' >> "$tmp/defs"
		nm -u "$o" | awk -v f="$f" '{ print $NF, f }' >> "$tmp/undefs"
	done
	sort -o "$tmp/defs" "$tmp/defs"
	sort -o "$tmp/undefs" "$tmp/undefs"
	# symbol caller callee, for the symbols one file of src/read defines and another uses
	join "$tmp/undefs" "$tmp/defs" | awk '$2 != $3 { print $2, $3, $1 }' | sort > "$tmp/calls"
	awk '{ print $1, $2 }' "$tmp/calls" | sort -u > "$tmp/edges"
	files=$(for o in "$@"; do basename "$o" .o; done)
fi
bad=0
for f in $files; do
	[ "$(layer "$f")" = none ] && { echo "src/read/$f.c is in no layer: place it in tests/structure/readers.sh and docs/internals.md"; bad=1; }
done
while read -r from to; do
	lf=$(layer "$from") lt=$(layer "$to")
	ok=1
	case "$lf:$lt" in
	top:*) ;;
	reader:base) ;;
	base:base) ;;
	*) ok=0 ;;
	esac
	if [ $ok = 1 ]; then
		echo "ok   $from ($lf) -> $to ($lt)"
	else
		how=""
		[ -f "$tmp/calls" ] && how=": $(awk -v a="$from" -v b="$to" '$1 == a && $2 == b { printf "%s ", $3 }' "$tmp/calls")"
		echo "BAD  $from ($lf) -> $to ($lt)$how"
		bad=1
	fi
done < "$tmp/edges"
exit $bad
