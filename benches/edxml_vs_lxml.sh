#!/bin/sh
# Reading an edXML package: egov read + check (release) beside Python lxml parsing the same
# files, in the same run (issue 12: target ≥ 5× lxml). The files: every real package in
# testdata/edxml/ and a generated package with a 10 MiB attachment (zipped, as the VNPT JAR).
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
echo "== lxml etree.fromstring (file, bytes, runs, µs/run)"
# shellcheck disable=SC2086
"$VENV/bin/python" benches/edxml_vs_lxml.py "$SECONDS_PER_FILE" $FILES > target/edxml-bench-lxml.tsv
cat target/edxml-bench-lxml.tsv
echo "== ratio (lxml µs / egov µs; > 1 means egov is faster)"
paste target/edxml-bench-egov.tsv target/edxml-bench-lxml.tsv |
  awk -F'\t' '{ printf "%-70s %10d B  egov %9.1f µs  lxml %9.1f µs  %5.2f×\n", $1, $2, $4, $9, $9 / $4 }'
