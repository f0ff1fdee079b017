#!/bin/sh
# Verifying a signed 10 MiB package: egov (in process, and as a process per verification)
# beside `xmlsec1 --verify` on the same file, in the same run (issue 12: target not slower).
#   benches/edxml_vs_xmlsec1.sh [RUNS]
set -eu
cd "$(dirname "$0")/.."
RUNS=${1:-20}
command -v xmlsec1 >/dev/null || { echo "xmlsec1 is needed (Debian package xmlsec1)" >&2; exit 2; }
cargo build --release --quiet -p egov-edxml --example edxml_bench
BIN=target/release/examples/edxml_bench
PKI=testdata/pki
BIG=target/edxml-bench-10mib.edxml
SIGNED=target/edxml-bench-10mib-signed.edxml
[ -f "$BIG" ] || "$BIN" gen "$BIG" 10
"$BIN" sign "$BIG" "$SIGNED" "$PKI/signer-rsa.key" "$PKI/signer-rsa.pem"
ls -l "$SIGNED"
# Both must accept the file before timing.
"$BIN" verify1 "$SIGNED" "$PKI/root-ca.pem"
xmlsec1 --verify --enabled-reference-uris empty --trusted-pem "$PKI/root-ca.pem" "$SIGNED" 2>&1 | head -1
now() { date +%s%N; }
t0=$(now); i=0; while [ $i -lt "$RUNS" ]; do "$BIN" verify1 "$SIGNED" "$PKI/root-ca.pem" >/dev/null; i=$((i+1)); done; t1=$(now)
xmlsec_t0=$(now); i=0; while [ $i -lt "$RUNS" ]; do xmlsec1 --verify --enabled-reference-uris empty --trusted-pem "$PKI/root-ca.pem" "$SIGNED" >/dev/null 2>&1; i=$((i+1)); done; xmlsec_t1=$(now)
echo "== $RUNS verifications of a $(stat -c %s "$SIGNED")-byte signed package (RSA-SHA256, exclusive C14N)"
echo "egov process per run:    $(( (t1 - t0) / RUNS / 1000 )) µs/run"
echo "xmlsec1 process per run: $(( (xmlsec_t1 - xmlsec_t0) / RUNS / 1000 )) µs/run"
echo "egov in process:"
"$BIN" verify 2 "$SIGNED" "$PKI/root-ca.pem"
