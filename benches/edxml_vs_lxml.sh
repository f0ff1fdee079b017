#!/bin/sh
# Reading an edXML package: egov read + check (release) beside Python lxml parsing the same
# files, in the same run (issue 12: target ≥ 5× lxml). The files: every real package in
# testdata/edxml/ and a generated package with a 10 MiB attachment (zipped, as the VNPT JAR).
# A third column, "floor": quick-xml's tokeniser alone over the same file (every event,
# borrowed; nothing resolved, kept, decoded or checked), and "ceiling" = lxml parse / floor, the
# best ratio any read + check built on quick-xml could reach.
#   benches/edxml_vs_lxml.sh [SECONDS_PER_FILE]
set -eu
cd "$(dirname "$0")/.."
SECONDS_PER_FILE=${1:-1}
VENV=target/edxml-bench-venv
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --disable-pip-version-check lxml
cargo build --release --quiet -p egov-edxml --example edxml_bench
BIN=target/release/examples/edxml_bench
BIG=target/edxml-bench-10mib.edxml
[ -f "$BIG" ] || "$BIN" gen "$BIG" 10
FILES="$(ls testdata/edxml/*.edxml testdata/edxml/*.xml) $BIG"
echo "== egov read + check (file, bytes, runs, µs/run, findings)"
# shellcheck disable=SC2086
"$BIN" time "$SECONDS_PER_FILE" $FILES > target/edxml-bench-egov.tsv
cat target/edxml-bench-egov.tsv
echo "== quick-xml tokeniser alone (file, bytes, runs, µs/run, events)"
# shellcheck disable=SC2086
"$BIN" floor "$SECONDS_PER_FILE" $FILES > target/edxml-bench-floor.tsv
cat target/edxml-bench-floor.tsv
echo "== lxml (file, bytes, runs, µs/run, mode)"
# shellcheck disable=SC2086
"$VENV/bin/python" benches/edxml_vs_lxml.py "$SECONDS_PER_FILE" $FILES > target/edxml-bench-lxml.tsv
cat target/edxml-bench-lxml.tsv
echo "== ratio (lxml µs / egov µs; > 1 means egov is faster)"
grep -P '\tparse$' target/edxml-bench-lxml.tsv > target/edxml-bench-lxml-parse.tsv
grep -P '\tdecode$' target/edxml-bench-lxml.tsv > target/edxml-bench-lxml-decode.tsv
printf '%-66s %10s %12s %12s %7s %12s %7s %10s %8s\n' file bytes "egov µs" "lxml parse" ratio "lxml+decode" ratio "floor µs" ceiling
paste target/edxml-bench-egov.tsv target/edxml-bench-lxml-parse.tsv target/edxml-bench-lxml-decode.tsv target/edxml-bench-floor.tsv |
  awk -F'\t' '{ printf "%-66s %10d %12.1f %12.1f %6.2fx %12.1f %6.2fx %10.1f %7.2fx\n", $1, $2, $4, $9, $9 / $4, $14, $14 / $4, $19, $9 / $19 }'
