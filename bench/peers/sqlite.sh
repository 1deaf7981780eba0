#!/bin/sh
# sqlite.sh CSV OUTDIR - the benchmark's aggregations in the sqlite3 shell, end to
# end: import the CSV, convert 万元 to integer 分, run every query into OUTDIR.
set -eu
csv=$1 out=$2
here=$(dirname "$0")
mkdir -p "$out"
{
	echo "CREATE TABLE raw(dept TEXT, unit TEXT, unit_type TEXT, func TEXT, econ TEXT, gov TEXT, fund TEXT,"
	echo "  carry TEXT, kind TEXT, project TEXT, amount TEXT);"
	echo ".mode csv"
	echo ".import --skip 1 '$csv' raw"
	# 万元 with 6 decimals -> 分, exactly: drop the point
	echo "CREATE TABLE items AS SELECT dept, unit, unit_type, func, econ, gov, fund, carry, kind, project,"
	echo "  CAST(replace(amount, '.', '') AS INTEGER) AS amount FROM raw;"
	echo ".headers on"
	awk -v out="$out" '/^--@ /{ name=$2; sub(":", "", name); print ".output " out "/" name ".csv"; next } /^--/{next} { print }' \
		"$here/queries.sql"
} | sqlite3 :memory:
