# crash safety: SIGKILL import and build at random moments, 100 times; after
# each kill the database holds the previous state or the new one, never a mix
. tests/cli/lib.sh
EX=examples/2026-beijing-jiguan-shiwu
# 50 per command: 100 kills.  Under the sanitizers (make test SAN=1), whose
# job is memory errors, 10 per command: the killed runs are the same code.
case $YUSUAN in
*/san/*) KILLS=${CRASH_KILLS:-10} ;;
*) KILLS=${CRASH_KILLS:-50} ;;
esac
SEED0=${CRASH_SEED:-$(date +%s)}  # CRASH_SEED=N repeats a run's delays
echo "seed $SEED0 (CRASH_SEED=$SEED0 repeats these delays)"
cc -O2 -o $TMP/killer tests/crash/killer.c || fail "cannot compile tests/crash/killer.c"
K=$TMP/killer

# A state is the count of rows in every table of the schema (docs/storage.md):
# disclosures with their tables, header rows, rows and cells; budgets with
# their files, units, income, projects, indicators, items and the rest.
TABLES="disclosure dtable dheader drow dcell budget bfile bunit bincome bproject bindicator bitem bother"
Q=""
for t in $TABLES; do Q="$Q select count(*) from $t;"; done
counts() { sqlite3 -batch "$1" "$Q" | tr '\n' ' '; }

# check_state DB PREV REF: integrity, no dangling rows, the schema whole or
# absent, and every table holding N times what one run stores (N = PREV or
# PREV + 1).  Sets N.
check_state() {
	db=$1 prev=$2 ref=$3
	N=0
	if [ ! -e "$db" ]; then
		[ "$prev" -eq 0 ] || fail "[$i] the database disappeared"
		return
	fi
	ic=$(sqlite3 -batch "$db" 'pragma integrity_check' 2>&1)
	[ "$ic" = ok ] || fail "[$i] integrity_check: $ic"
	fk=$(sqlite3 -batch "$db" 'pragma foreign_key_check' 2>&1)
	[ -z "$fk" ] || fail "[$i] foreign_key_check: $fk"
	nt=$(sqlite3 -batch "$db" "select count(*) from sqlite_master where type = 'table'")
	if [ "$nt" -eq 0 ]; then
		[ "$prev" -eq 0 ] || fail "[$i] the schema vanished"
		return
	fi
	[ "$nt" -eq "$NTABLES" ] || fail "[$i] a half-made schema: $nt tables, wanted $NTABLES"
	[ "$(sqlite3 -batch "$db" 'pragma user_version')" -eq "$VERSION" ] || fail "[$i] schema version"
	got=$(counts "$db")
	N=${got%% *}
	[ "$N" -eq "$prev" ] || [ "$N" -eq $((prev + 1)) ] ||
		fail "[$i] $N disclosures after a kill, wanted $prev or $((prev + 1))"
	want=$(echo "$ref" | awk -v n="$N" '{ for (k = 1; k <= NF; k++) printf "%d ", $k * n }')
	[ "$got" = "$want" ] || fail "[$i] a mix: counts ($TABLES) are '$got', wanted '$want' ($N whole runs)"
	if [ "$N" -gt 0 ]; then
		newest=$(sqlite3 -batch "$db" "select count(*) from dcell where disclosure_id = (select max(id) from disclosure)")
		[ "$newest" -eq "$REFCELLS" ] || fail "[$i] the newest disclosure has $newest cells, a whole one $REFCELLS"
	fi
}

# import refuses a file it has stored (its SHA-256): every import run gets
# the seed with one more blank line at its end (the same tables)
runs=0
vary() {
	[ "$name" = import ] || return 0
	runs=$((runs + 1))
	{ cat $SEED; yes '' | head -n $runs; } > $SEEDFILE
}

# crash NAME CMD...: KILLS kills of CMD (which writes $DB); prints the tally
crash() {
	name=$1; shift
	rm -f $DB $DB-wal $DB-shm
	vary
	"$@" > /dev/null 2>&1 || fail "$name: a clean run failed"
	ref=$(counts $DB)
	REFCELLS=$(sqlite3 -batch $DB "select count(*) from dcell")
	NTABLES=$(sqlite3 -batch $DB "select count(*) from sqlite_master where type = 'table'")
	VERSION=$(sqlite3 -batch $DB 'pragma user_version')
	echo "$name: per-table rows of one run: $ref"
	before=0 during=0 during_new=0 after=0 ckpt=0 exited=0 prev=0
	i=0 killed=0
	# KILLS runs that were killed: a run that ended before its kill does
	# not count (its state is checked all the same)
	while [ $killed -lt $KILLS ]; do
		i=$((i + 1))
		[ $i -le $((3 * KILLS)) ] || fail "$name: $i runs and only $killed killed"
		if [ $((i % 10)) -eq 1 ]; then
			# where the write transaction lies in the run (the machine's load
			# changes: measured again every ten kills): three runs probed, the
			# one that took the median time
			for p in 1 2 3; do
				vary
				$K probe $DB -- "$@" || fail "$name: a probed run failed"
			done > $TMP/probe
			t=$(sort -n -k3 $TMP/probe | sed -n 2p)
			wfrom=${t%% *}; t=${t#* }; wto=${t%% *}; tend=${t#* }
			[ "$wfrom" -ge 0 ] || fail "$name: the probe never saw the write lock"
			w=$(((wto - wfrom) * 3 / 2 + 500))
			echo "$name: kills $i-$((i + 9)): a run takes $tend us and writes from $wfrom to $wto us"
			# and now and then from no database at all
			rm -f $DB $DB-wal $DB-shm
			prev=0
		fi
		# what the last killed build left: swept by the next one (the
		# folder is kept from run to run, as a user's would be)
		[ ! -d $TMP/out ] || tmpleft=$((tmpleft + $(find $TMP/out -name '*.tmp*' | wc -l)))
		# odd kills at a random moment of the whole run; even ones at a random
		# moment after the write lock is taken (the transaction is a tenth
		# of the run: this way it is hit whatever the machine's load)
		vary
		if [ $((i % 2)) -eq 1 ]; then
			r=$($K kill 0 $tend $((SEED0 + i)) $DB -- "$@") || fail "[$i] killer failed"
		else
			r=$($K lock $w $((SEED0 + i)) $DB -- "$@") || fail "[$i] killer failed"
		fi
		where=${r%% *}
		[ "$where" = exited ] || killed=$((killed + 1))
		check_state $DB $prev "$ref"
		case $where in
		exited) [ "${r##* }" -eq 0 ] || fail "[$i] $name exited ${r##* } (not killed)"
			[ ! -d $TMP/out ] || [ -z "$(find $TMP/out -name '*.tmp*')" ] ||
				fail "[$i] a build that ran to its end left temporary files: $(find $TMP/out -name '*.tmp*')"
			[ "$N" -eq $((prev + 1)) ] || fail "[$i] $name ran to its end but stored nothing"
			exited=$((exited + 1)) ;;
		during) during=$((during + 1)); [ "$N" -eq "$prev" ] || during_new=$((during_new + 1)) ;;
		checkpoint) [ "$N" -eq $((prev + 1)) ] || fail "[$i] killed checkpointing, but nothing committed"
			ckpt=$((ckpt + 1)) ;;
		outside) if [ "$N" -eq "$prev" ]; then before=$((before + 1)); else after=$((after + 1)); fi ;;
		esac
		# the database still works: check --db reads the newest disclosure
		if [ "$N" -gt 0 ]; then
			expect_exit 0 $YUSUAN check --db $DB
			has $TMP/o "；0 个错误"
		elif [ -e $DB ]; then
			expect_exit 3 $YUSUAN check --db $DB
			has $TMP/e "还没有存入公开文件"
		else
			expect_exit 4 $YUSUAN check --db $DB
			has $TMP/e "没有这个数据库"
		fi
		if [ "$name" = build ]; then
			# what build had published is whole, or absent
			[ ! -e $TMP/out/tables.txt ] || cmp -s $TMP/out/tables.txt $TMP/ref.txt ||
				fail "[$i] a killed build left a partial tables.txt"
			# and every fifth time: the stored budget rebuilds the same tables
			if [ "$N" -gt 0 ] && [ $((i % 5)) -eq 0 ]; then
				rm -rf $TMP/again
				expect_exit 0 $YUSUAN build --db $DB -o $TMP/again --quiet
				cmp -s $TMP/again/tables.txt $TMP/ref.txt || fail "[$i] the stored budget rebuilds other tables"
			fi
		fi
		prev=$N
	done
	echo "$name: $i runs, $KILLS killed: $before before the transaction, $during during it" \
		"($((during - during_new)) rolled back, $during_new already committed), $((after + ckpt)) after it" \
		"($ckpt checkpointing), $exited ran to their end; every state whole"
	[ "$before" -gt 0 ] && [ "$during" -gt 0 ] && [ $((after + ckpt)) -gt 0 ] ||
		fail "$name: the kills did not span the run"
}

DB=$TMP/crash.db
tmpleft=0
SEEDFILE=$TMP/seed.txt
crash import $YUSUAN import $SEEDFILE --db $DB
$YUSUAN build $EX -o $TMP/refout --quiet > /dev/null 2>&1 || fail "the example does not build"
cp $TMP/refout/tables.txt $TMP/ref.txt
crash build $YUSUAN build $EX --db $DB -o $TMP/out --quiet
# the last kill's leftovers go with the next build
$YUSUAN build $EX -o $TMP/out --quiet > /dev/null 2>&1 || fail "a build after the kills failed"
[ -z "$(find $TMP/out -name '*.tmp*')" ] || fail "temporary files of killed builds were not swept"
echo "ok: $((2 * KILLS)) kills, every database whole and checked; killed builds left $tmpleft temporary output files, each swept by the next build"
