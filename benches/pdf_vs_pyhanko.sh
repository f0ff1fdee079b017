#!/bin/sh
# Conversion marks and PAdES on PDF: egov beside pyHanko 0.38, same files, same run (issue 13:
# target >= 10x faster than pyHanko doing the same stamp; memory on a ~200 MB scan stated).
#   benches/pdf_vs_pyhanko.sh [PROCESS_RUNS [IN_PROCESS_RUNS [SCAN_RUNS]]]   (default 9 30 3)
#
# 1. Inputs (benches/pdf_inputs.py): target/bench-pdf/text-100p.pdf (100 pages of a Word 2010
#    file) and scan-200mb.pdf (120 colour A4 JPEG pages at 300 dpi, 215 MB).
# 2. One process per operation, PROCESS_RUNS runs after a warm-up, median / min / max wall time
#    (output to disk, input in the page cache): `egov mark pdf stamp` (blank corner found / a
#    fixed corner) vs `pyhanko stamp` with a QR stamp style carrying the same QR payload and
#    the same lines in the same font (DejaVu Sans, embedded); `egov pdf sign` vs `pyhanko sign
#    addsig --use-pades pemder` (same RSA-2048 key and certificate); `egov pdf verify` vs
#    `pyhanko sign validate` on the same signed files; `egov mark pdf verify` with and without
#    rendering the page (pyHanko has no counterpart). Process start-up alone is timed too.
# 3. In process, no start-up, no file I/O: criterion (`cargo bench --bench pdf -- --quick`,
#    EGOV_BENCH_SCAN=1) and pyHanko's Python API in one interpreter
#    (benches/pdf_vs_pyhanko.py inproc, IN_PROCESS_RUNS runs, median).
# 4. The 215 MB scan: wall time and peak RSS (GNU time: %M, the "Maximum resident set size" of
#    `time -v`) of egov and pyHanko stamping, signing and verifying it, SCAN_RUNS runs each.
#
# Everything runs under `nice` (a shared 2-core machine: the figures carry its load, printed at
# the start and the end). Results: target/bench-pdf/results.tsv; see benches/pdf_results.md.
set -eu
cd "$(dirname "$0")/.."
RUNS=${1:-9}
INRUNS=${2:-30}
SCANRUNS=${3:-3}
D=target/bench-pdf
OUT=$D/out
PKI=testdata/pki
VENV=$D/venv
EGOV=target/release/egov
mkdir -p "$OUT"

if ! "$VENV/bin/python" -c "import pyhanko.cli, qrcode, img2pdf, fontTools, uharfbuzz" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check \
    "pyhanko[opentype,image-support]==0.38.0" "pyhanko-cli==0.6.0" "qrcode==8.2" "img2pdf==0.6.3"
fi
PY="nice $VENV/bin/python"
PYHANKO="nice $VENV/bin/pyhanko"
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)"; exit 1; }

nice cargo build --release --quiet -p egov-cli
$PY benches/pdf_inputs.py "$D"
TEXT=$D/text-100p.pdf
SCAN=$D/scan-200mb.pdf
[ -f "$D/key.json" ] || $EGOV keygen --out "$D/key.json" --label "UBND tinh Lao Cai" --trust-out "$D/trust.json" >/dev/null
$PY benches/pdf_vs_pyhanko.py style "$D/pyhanko.yml"

echo "== machine"
uname -srm
grep -m1 'model name' /proc/cpuinfo
echo "cores: $(nproc); memory: $(free -m | awk '/Mem:/ {print $2}') MiB"
echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$($EGOV --version 2>/dev/null || echo egov) · $(rustc --version) · $($VENV/bin/python --version) · pyHanko $($VENV/bin/pip show pyhanko 2>/dev/null | awk '/^Version/ {print $2}') · pyhanko-cli $($VENV/bin/pip show pyhanko-cli 2>/dev/null | awk '/^Version/ {print $2}') · $(qpdf --version | head -1)"
: > "$D/results.tsv"

# wall NAME CMD...: a warm-up run, then RUNS runs; median/min/max in ms (TSV, also results.tsv).
wall() {
  name=$1
  shift
  "$@" >/dev/null 2>"$D/.err" || { echo "FAILED: $*"; cat "$D/.err"; exit 1; }
  : > "$D/.runs"
  i=0
  while [ "$i" -lt "$RUNS" ]; do
    t0=$(date +%s%N)
    "$@" >/dev/null 2>"$D/.err" || { echo "FAILED: $*"; cat "$D/.err"; exit 1; }
    t1=$(date +%s%N)
    echo $(((t1 - t0) / 1000)) >> "$D/.runs"
    i=$((i + 1))
  done
  sort -n "$D/.runs" | awk -v n="$name" '{ a[NR] = $1 } END {
    printf "%s\t%.1f\t%.1f\t%.1f\t%d\n", n, a[int((NR + 1) / 2)] / 1000, a[1] / 1000, a[NR] / 1000, NR }' |
    tee -a "$D/results.tsv"
}

# The marks: data -> paper on the text file, paper -> data on the scan (fixed time, the CLI's
# Ed25519 key); the QR payloads kept for pyHanko's QR code.
stamp_text() { # OUT [extra flags]
  o=$1
  shift
  nice $EGOV mark pdf stamp "$TEXT" --out "$o" --force --direction data-to-paper --key "$D/key.json" \
    --at 2026-03-02T14:05:09+07:00 --converter "Văn phòng Ủy ban nhân dân tỉnh Lào Cai" \
    --system "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Lào Cai" \
    --owner "Ủy ban nhân dân tỉnh Lào Cai" \
    --url https://dichvucong.laocai.gov.vn/ho-so/000.00.37.H37-260302-0001 "$@"
}
# (GNU time runs programs, not shell functions: the scan's stamp command is spelled out.)
CONV_SCAN="Bộ phận Tiếp nhận và Trả kết quả, Ủy ban nhân dân phường Cốc Lếu, tỉnh Lào Cai"
SCAN_FLAGS="--force --direction paper-to-data --key $D/key.json --at 2026-03-02T09:15:27+07:00"
stamp_text "$OUT/text.egov-stamped.pdf" --payload-out "$D/payload-text.txt" >/dev/null
# shellcheck disable=SC2086
nice $EGOV mark pdf stamp "$SCAN" --out "$OUT/scan.egov-stamped.pdf" $SCAN_FLAGS --converter "$CONV_SCAN" \
  --payload-out "$D/payload-scan.txt" >/dev/null
rm -f "$OUT/scan.egov-stamped.pdf"
SIGN="--key $PKI/signer-rsa.key --cert $PKI/signer-rsa.pem"
PHSIGN="sign addsig --use-pades --field Signature1 pemder --key $PKI/signer-rsa.key --cert $PKI/signer-rsa.pem --no-pass"
PHVAL="sign validate --trust $PKI/root-ca.pem --trust-replace --no-revocation-check"

echo "== 100-page PDF ($(wc -c < "$TEXT") bytes), one process per operation: name, median ms, min, max, runs"
wall startup_egov_version nice $EGOV --version
wall startup_python_pass nice "$VENV/bin/python" -c pass
wall startup_python_import_pyhanko_stamp_sign nice "$VENV/bin/python" -c "import pyhanko.stamp, pyhanko.sign"
wall cli_egov_stamp_auto_corner stamp_text "$OUT/text.egov-stamped.pdf"
wall cli_egov_stamp_fixed_corner stamp_text "$OUT/text.egov-stamped-fixed.pdf" --position bottom-left
wall cli_pyhanko_stamp_qr_dejavu $PYHANKO --config "$D/pyhanko.yml" stamp --style-name mark \
  --stamp-url "$(cat "$D/payload-text.txt")" "$TEXT" "$OUT/text.pyhanko-stamped.pdf" 28 28
wall cli_egov_mark_verify_no_render nice $EGOV mark pdf verify "$OUT/text.egov-stamped.pdf" --trust "$D/trust.json" --no-render
wall cli_egov_mark_verify_render_150dpi nice $EGOV mark pdf verify "$OUT/text.egov-stamped.pdf" --trust "$D/trust.json"
# shellcheck disable=SC2086
wall cli_egov_pades_sign nice $EGOV pdf sign "$TEXT" --out "$OUT/text.egov-signed.pdf" --force $SIGN --at 2026-03-02T14:05:09+07:00
# shellcheck disable=SC2086
wall cli_pyhanko_pades_sign $PYHANKO $PHSIGN "$TEXT" "$OUT/text.pyhanko-signed.pdf"
wall cli_egov_pades_verify_egov_signed nice $EGOV pdf verify "$OUT/text.egov-signed.pdf" --anchors $PKI/root-ca.pem
# shellcheck disable=SC2086
wall cli_pyhanko_validate_egov_signed $PYHANKO $PHVAL "$OUT/text.egov-signed.pdf"
wall cli_egov_pades_verify_pyhanko_signed nice $EGOV pdf verify "$OUT/text.pyhanko-signed.pdf" --anchors $PKI/root-ca.pem
# shellcheck disable=SC2086
wall cli_pyhanko_validate_pyhanko_signed $PYHANKO $PHVAL "$OUT/text.pyhanko-signed.pdf"

echo "== in process, 100-page PDF: criterion (egov; then the 215 MB scan, EGOV_BENCH_SCAN=1)"
EGOV_BENCH_SCAN=1 nice cargo bench --quiet --bench pdf -- --quick 2>/dev/null |
  awk '/^pdf_/ { name = $1 } /time:/ { v = $4; u = $5
    ms = (u == "s") ? v * 1000 : (u == "ms") ? v : (u == "µs" || u == "us") ? v / 1000 : v / 1e6
    printf "criterion_%s\t%.3f\n", name, ms }' | tee -a "$D/results.tsv"
echo "== in process, 100-page PDF: pyHanko API, one interpreter ($INRUNS runs, median ms, min, max)"
$PY benches/pdf_vs_pyhanko.py inproc "$TEXT" "$D/payload-text.txt" "$OUT/text.egov-signed.pdf" \
  $PKI/root-ca.pem $PKI/signer-rsa.key $PKI/signer-rsa.pem "$INRUNS" 2>/dev/null | tee -a "$D/results.tsv"

# scan NAME CMD...: SCAN_RUNS runs: median wall s, min, max, user+sys s (median run), peak RSS MiB (max).
scan() {
  name=$1
  shift
  : > "$D/.runs"
  i=0
  while [ "$i" -lt "$SCANRUNS" ]; do
    /usr/bin/time -f "%e %U %S %M" -o "$D/.time" "$@" >/dev/null 2>"$D/.err" ||
      { echo "FAILED: $*"; cat "$D/.err"; exit 1; }
    cat "$D/.time" >> "$D/.runs"
    i=$((i + 1))
  done
  sort -n "$D/.runs" | awk -v n="$name" '{ w[NR] = $1; c[NR] = $2 + $3; if ($4 > m) m = $4 } END {
    k = int((NR + 1) / 2); printf "%s\t%.2f\t%.2f\t%.2f\t%.2f\t%.0f\n", n, w[k], w[1], w[NR], c[k], m / 1024 }' |
    tee -a "$D/results.tsv"
}
echo "== scan, $(wc -c < "$SCAN") bytes, $(qpdf --show-npages "$SCAN") pages: name, median wall s, min, max, CPU s, peak RSS MiB"
# shellcheck disable=SC2086
scan scan_egov_stamp_auto_corner nice $EGOV mark pdf stamp "$SCAN" --out "$OUT/scan.egov-stamped.pdf" \
  $SCAN_FLAGS --converter "$CONV_SCAN"
# shellcheck disable=SC2086
scan scan_egov_stamp_fixed_corner nice $EGOV mark pdf stamp "$SCAN" --out "$OUT/scan.egov-stamped-fixed.pdf" \
  $SCAN_FLAGS --converter "$CONV_SCAN" --position top-right
# Where egov's automatic placement put its block (top right, 10 mm): x 283, y 712 pt.
scan scan_pyhanko_stamp_qr_dejavu $PYHANKO --config "$D/pyhanko.yml" stamp --style-name mark \
  --stamp-url "$(cat "$D/payload-scan.txt")" "$SCAN" "$OUT/scan.pyhanko-stamped.pdf" 283 712
# shellcheck disable=SC2086
scan scan_egov_pades_sign nice $EGOV pdf sign "$SCAN" --out "$OUT/scan.egov-signed.pdf" --force $SIGN --at 2026-03-02T14:05:09+07:00
# shellcheck disable=SC2086
scan scan_pyhanko_pades_sign $PYHANKO $PHSIGN "$SCAN" "$OUT/scan.pyhanko-signed.pdf"
scan scan_egov_mark_verify_no_render nice $EGOV mark pdf verify "$OUT/scan.egov-stamped.pdf" --trust "$D/trust.json" --no-render
scan scan_egov_mark_verify_render_150dpi nice $EGOV mark pdf verify "$OUT/scan.egov-stamped.pdf" --trust "$D/trust.json"
scan scan_egov_pades_verify nice $EGOV pdf verify "$OUT/scan.egov-signed.pdf" --anchors $PKI/root-ca.pem
# shellcheck disable=SC2086
scan scan_pyhanko_validate $PYHANKO $PHVAL "$OUT/scan.egov-signed.pdf"
rm -f "$OUT"/scan.*.pdf

echo "== ratios (pyHanko / egov; > 1: egov faster)"
awk -F'\t' '{ v[$1] = $2 } END {
  r("process: stamp (egov blank corner found)", "cli_pyhanko_stamp_qr_dejavu", "cli_egov_stamp_auto_corner")
  r("process: stamp (egov fixed corner)", "cli_pyhanko_stamp_qr_dejavu", "cli_egov_stamp_fixed_corner")
  r("process: PAdES sign", "cli_pyhanko_pades_sign", "cli_egov_pades_sign")
  r("process: verify the egov-signed file", "cli_pyhanko_validate_egov_signed", "cli_egov_pades_verify_egov_signed")
  r("process: verify the pyHanko-signed file", "cli_pyhanko_validate_pyhanko_signed", "cli_egov_pades_verify_pyhanko_signed")
  r("in process: stamp, DejaVu (egov blank corner found)", "pyhanko_stamp_qr_dejavu", "criterion_pdf_100p/stamp_page1_auto_corner")
  r("in process: stamp, DejaVu (egov fixed corner)", "pyhanko_stamp_qr_dejavu", "criterion_pdf_100p/stamp_page1_fixed_corner")
  r("in process: stamp, pyHanko Courier (egov blank corner found)", "pyhanko_stamp_qr_courier", "criterion_pdf_100p/stamp_page1_auto_corner")
  r("in process: PAdES sign", "pyhanko_sign_pades_rsa2048", "criterion_pdf_100p/pades_sign_rsa2048")
  r("in process: verify the egov-signed file", "pyhanko_validate_egov_signed", "criterion_pdf_100p/pades_verify_chain")
  r("scan: stamp wall (egov blank corner found)", "scan_pyhanko_stamp_qr_dejavu", "scan_egov_stamp_auto_corner")
  r("scan: PAdES sign wall", "scan_pyhanko_pades_sign", "scan_egov_pades_sign")
  r("scan: verify wall", "scan_pyhanko_validate", "scan_egov_pades_verify")
}
function r(label, a, b) { if (v[a] && v[b]) printf "%-62s %8.2fx\n", label, v[a] / v[b] }' "$D/results.tsv"
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
