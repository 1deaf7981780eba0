# servelib.sh - what the CLI tests of yusuan serve share (sourced after
# lib.sh): a request's status with its body in $TMP/b, and a login's token.
# $URL is the server's; $PY the python3 to run.
# code METHOD URL [CURL ARGS...]: the status, the body in $TMP/b
code() {
	m=$1 u=$2
	shift 2
	curl -s -o "$TMP/b" -w '%{http_code}' -X "$m" "$@" "$u"
}
login() {
	curl -s -H 'Content-Type: application/json' -d "{\"name\":\"$1\",\"password\":\"$2\"}" "${URL}api/v1/login" |
		$PY -c 'import json,sys; print(json.load(sys.stdin)["token"])' || fail "login $1"
}
