#!/usr/bin/env bash
# Runs every egov test: formatting, lints, API docs, the Rust test suites of every crate (unit,
# integration, property and doc tests), the README's tour, the C tests of the C ABI under
# valgrind, a smoke run of every fuzz target (regressions replayed), the Python package's pytest
# suite and the end-to-end runs in Spark and Chromium. This is the README's test command and
# what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo >/dev/null 2>&1; then
  echo "error: cargo not found. Install the Rust toolchain (https://rustup.rs) and run again." >&2
  exit 1
fi
# rustfmt and clippy are rustup components; add them if this toolchain lacks them.
if command -v rustup >/dev/null 2>&1; then
  cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt
  cargo clippy --version >/dev/null 2>&1 || rustup component add clippy
fi

# System tools the C and Python suites need: install them with apt-get when missing and we can.
missing=()
command -v gcc >/dev/null 2>&1 || missing+=(gcc)
command -v c++ >/dev/null 2>&1 || missing+=(g++)
command -v valgrind >/dev/null 2>&1 || missing+=(valgrind)
# zxing-cpp (the default QR decoder of egov-conversion) is C++17 built from source by cmake.
command -v cmake >/dev/null 2>&1 || missing+=(cmake)
# xmlsec1: the independent XMLDSig signer and verifier of the edXML signature tests.
command -v xmlsec1 >/dev/null 2>&1 || missing+=(xmlsec1)
# qpdf and poppler-utils: the independent PDF checkers of the conversion-mark PDF tests.
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
# openssl: the independent CMS verifier and time-stamping authority of the egov-sign tests.
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
# softhsm2 and opensc (pkcs11-tool): the PKCS#11 token of the egov-sign pkcs11 tests.
command -v softhsm2-util >/dev/null 2>&1 || missing+=(softhsm2)
command -v pkcs11-tool >/dev/null 2>&1 || missing+=(opensc)
# Apache PDFBox Preflight (PDF/A-1b) for the electronic copies built from scans; it runs on Java.
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
[[ -f /usr/share/java/preflight.jar ]] || missing+=(libpdfbox2-java libactivation-java libjaxb-api-java)
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || missing+=(python3-venv)
# groff: renders `egov man`'s pages in the CLI tests (egov-cli/tests/surface.rs), warnings fail.
command -v groff >/dev/null 2>&1 || missing+=(groff-base)
if ((${#missing[@]})); then
  if command -v apt-get >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]]; then
    echo "== installing ${missing[*]} (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  else
    echo "warning: missing ${missing[*]}; install them (the test command needs every one)" >&2
  fi
fi

# Each phase's header says how long the run has taken so far (CI's budget is 45 minutes).
phase() {
  printf '== [%dm%02ds, %s free] %s\n' $((SECONDS / 60)) $((SECONDS % 60)) \
    "$(df -h --output=avail "$PWD" 2>/dev/null | tail -1 | tr -d ' ')" "$*"
}

# A test run builds from scratch on CI: incremental caches only cost disk there.
export CARGO_INCREMENTAL=0
# The disk this run starts with and ends with (CI once ran out of space mid-run).
disk() { df -h --output=avail,target "$PWD" 2>/dev/null | tail -1 | awk '{ print "disk: " $1 " free on " $2 }'; }
disk
trap disk EXIT

# egov-python is outside the workspace (maturin builds it, with its own lock file). The test
# command builds it unoptimised in the workspace's target directory, where it finds most of its
# dependencies already compiled (its dev profile is the workspace's; checked below).
py_target="$PWD/target"

phase "cargo fmt --check"
cargo fmt --all -- --check
cargo fmt --manifest-path egov-python/Cargo.toml -- --check
cargo fmt --manifest-path benches/mark_robustness/Cargo.toml -- --check
cargo fmt --manifest-path fuzz/Cargo.toml -- --check
# The crates outside the workspace keep lock files of their own: each must be current, or a
# change of a workspace crate's dependencies goes unnoticed until someone builds them.
for manifest in fuzz/Cargo.toml benches/mark_robustness/Cargo.toml egov-python/Cargo.toml; do
  cargo metadata --manifest-path "$manifest" --locked --format-version 1 >/dev/null
done
# The Python extension shares the workspace's compiled dependencies only with the same profile.
python3 - <<'PY'
import sys, tomllib
root = tomllib.load(open("Cargo.toml", "rb"))["profile"]["dev"]
py = tomllib.load(open("egov-python/Cargo.toml", "rb")).get("profile", {}).get("dev")
if py != root:
    sys.exit("error: [profile.dev] of egov-python/Cargo.toml differs from the root Cargo.toml's; copy it")
PY
phase "cargo clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings
# Code behind features the workspace build leaves off (PDF marks, PKCS#11 tokens).
cargo clippy -p egov-conversion --features pdf --all-targets --locked -- -D warnings
cargo clippy -p egov-sign --features pkcs11 --all-targets --locked -- -D warnings
cargo clippy -p egov-platform-class --features parquet --all-targets --locked -- -D warnings
# The command-line tool without its default features (no PDF, no Parquet) builds and is clean too.
cargo clippy -p egov-cli --no-default-features --all-targets --locked -- -D warnings
CARGO_TARGET_DIR="$py_target" cargo clippy --manifest-path egov-python/Cargo.toml --locked -- -D warnings
# The fuzz targets and their seed generator (a workspace of their own; checked in the
# workspace's target directory, which already holds most of their dependencies: ~1.5 min).
CARGO_TARGET_DIR="$PWD/target" cargo clippy --manifest-path fuzz/Cargo.toml --bins --examples --locked -- -D warnings
phase "cargo doc (broken links and bad HTML in the API docs are errors)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked --exclude egov-cli --quiet
RUSTDOCFLAGS="-D warnings" cargo doc -p egov-conversion --features pdf --no-deps --locked --quiet
RUSTDOCFLAGS="-D warnings" cargo doc -p egov-sign --features pkcs11 --no-deps --locked --quiet
phase "Python tools (venv: maturin, pytest, mypy; zxing-cpp + pillow as the independent QR decoder; lxml and signxml as the independent canonicaliser and XMLDSig implementation; cryptography as a caller's own signer; pyHanko as the independent PAdES signer and validator)"
venv="target/venv"
if [[ ! -x "$venv/bin/python" ]]; then
  python3 -m venv "$venv"
fi
PATH="$PWD/$venv/bin:$PATH" "$venv/bin/python" -m pip install -q --disable-pip-version-check \
  "maturin>=1.16,<2" "pytest>=8" "mypy>=1.10" "zxing-cpp>=2.2" "pillow>=10" "lxml>=5" "signxml>=4" \
  "cryptography>=42" "pyhanko>=0.38" "pyhanko-cli>=0.6" "duckdb>=1.1" "pyarrow>=14" "jsonschema>=4.18"

log=$(mktemp)
trap 'rm -f "$log"; disk' EXIT
status=0
phase "rule coverage (scripts/rule-coverage.py: every in-force rule of testdata/spec/REQUIREMENTS.md has a test named after it)"
if python3 scripts/rule-coverage.py; then
  echo "rules: 1 passed, 0 failed" | tee -a "$log"
else
  echo "rules: 0 passed, 1 failed" | tee -a "$log"
  status=1
fi
phase "catalogue coverage (scripts/catalogue-coverage.py: every error code has a Vietnamese message in its crate's locales/vi.ftl)"
if python3 scripts/catalogue-coverage.py; then
  echo "catalogues: 1 passed, 0 failed" | tee -a "$log"
else
  echo "catalogues: 0 passed, 1 failed" | tee -a "$log"
  status=1
fi

# The features behind which the PDF marks (stamped real PDFs checked by qpdf, poppler-utils and
# zxing-cpp; PAdES signatures checked by pyHanko; PDF/A-1b copies by PDFBox Preflight), the
# PKCS#11 tokens (SoftHSM2, checked by openssl cms) and the Parquet partial counts sit. The CLI
# enables all three already, so the workspace build has them; naming them keeps their tests in
# this run if that ever changes (one build, each test once). The probe feature (live TLS
# handshakes of `egov trust probe`, tested against loopback TLS servers) is off by default: on
# here, so its tests run in the same build (a build of its own cost CI 2.5 minutes).
ws_features="egov-conversion/pdf,egov-sign/pkcs11,egov-platform-class/parquet,egov-trust/probe,egov-cli/probe"
phase "cargo test (workspace, with $ws_features)"
# The conversion tests cross-check stamped QR codes with zxing-cpp, the edXML tests
# canonicalise against libxml2 (lxml) and sign/verify against xmlsec1 and signxml, the platform
# tests count partial files with DuckDB: here none of them may be skipped.
EGOV_ZXING_PYTHON="$PWD/$venv/bin/python" EGOV_ZXING_REQUIRED=1 \
EGOV_LXML_PYTHON="$PWD/$venv/bin/python" EGOV_LXML_REQUIRED=1 \
EGOV_XMLSEC1="$(command -v xmlsec1 || echo missing-xmlsec1)" \
EGOV_SIGNXML_PYTHON="$PWD/$venv/bin/python" EGOV_DSIG_TOOLS_REQUIRED=1 \
EGOV_PDF_TOOLS_REQUIRED=1 EGOV_PYHANKO="$PWD/$venv/bin/pyhanko" \
EGOV_DUCKDB_PYTHON="$PWD/$venv/bin/python" EGOV_DUCKDB_REQUIRED=1 \
  cargo test --workspace --locked --features "$ws_features" 2>&1 | tee -a "$log"
phase "cargo test (egov-conversion with the pure-Rust decoder: --no-default-features --features scan-rxing)"
EGOV_ZXING_PYTHON="$PWD/$venv/bin/python" EGOV_ZXING_REQUIRED=1 \
  cargo test -p egov-conversion --no-default-features --features scan-rxing --locked 2>&1 | tee -a "$log"

phase "the tour (the README's first command; the example binary cargo test built above)"
python3 scripts/test_tour.py target/debug/examples/tour 2>&1 | tee -a "$log" || status=1

phase "C tests (egov-ffi/tests/c, under valgrind: required here)"
EGOV_VALGRIND_REQUIRED=1 egov-ffi/tests/c/run.sh 2>&1 | tee -a "$log" || status=1

phase "fuzz smoke (fuzz/: every regression input and seed replayed, then 5 s per target; unoptimised build, same checks)"
# cargo-fuzz is installed by scripts/fuzz.sh when missing; a crash in a known corner fails here.
fuzz_log=$(mktemp)
if scripts/fuzz.sh --dev --smoke 5 2>&1 | tee "$fuzz_log"; then
  echo "fuzz: $(grep -cE ' ok$' "$fuzz_log") passed, 0 failed" | tee -a "$log"
else
  status=1
  # fuzz.sh closes with "FAILED: target…" (or fails before any target ran).
  failed_targets=$(sed -n 's/^FAILED: //p' "$fuzz_log" | wc -w)
  echo "fuzz: $(grep -cE ' ok$' "$fuzz_log") passed, $((failed_targets > 0 ? failed_targets : 1)) failed" | tee -a "$log"
fi
rm -f "$fuzz_log"
# No later phase uses the fuzz build: give its disk back before the Python and Spark builds
# (campaigns build with -O into fuzz/target/<triple>/release, which is kept).
rm -rf fuzz/target/debug fuzz/target/*/debug

phase "Python (egov-python: build with maturin, pytest)"
py_rc=0
# --no-build-isolation builds with the venv's maturin (no second download); it must be on PATH.
# MATURIN_PEP517_ARGS: the dev profile (overflow checks and debug assertions on, the image and
# hashing crates optimised as in `cargo test`); the same code as the release wheel.
if PATH="$PWD/$venv/bin:$PATH" CARGO_TARGET_DIR="$py_target" MATURIN_PEP517_ARGS="--profile dev" \
     "$venv/bin/python" -m pip install -q \
     --disable-pip-version-check --no-build-isolation --force-reinstall --no-deps ./egov-python; then
  "$venv/bin/python" -m pytest -q -p no:cacheprovider egov-python/tests 2>&1 | tee -a "$log" || py_rc=$?
  # The package's annotations and the native module's stubs (_egov.pyi) must type-check, and
  # the stubs must match the built native module (mypy's stubtest: every name, signature, class).
  if ! (cd egov-python && "../$venv/bin/python" -m mypy --strict --no-incremental python/egov); then
    echo "python: 0 passed, 1 failed (mypy --strict)" | tee -a "$log"
    status=1
  fi
  if ! MYPY_CACHE_DIR="$PWD/target/mypy_cache" "$venv/bin/python" -m mypy.stubtest egov._egov; then
    echo "python: 0 passed, 1 failed (stubtest: _egov.pyi does not match the native module)" | tee -a "$log"
    status=1
  fi
else
  py_rc=2
fi
# pytest: 0 all passed, 1 some failed, 5 no tests collected (a failure here: tests must run).
if [[ $py_rc -ne 0 ]]; then
  status=1
  [[ $py_rc -ne 1 ]] && echo "python: 0 passed, 1 failed (build or pytest exit $py_rc)" | tee -a "$log"
fi

phase "Spark (egov-python/tests_spark: a local Apache Spark counts 1 M events in both modes of egov.spark)"
# Installs a Java 17 (apt) and PySpark 3.5 (the venv) when missing.
spark_rc=0
scripts/test-spark.sh "$venv/bin/python" "$PWD/target/debug/egov" 2>&1 | tee -a "$log" || spark_rc=$?
if [[ $spark_rc -ne 0 ]]; then
  status=1
  echo "spark: 0 passed, 1 failed (scripts/test-spark.sh exit $spark_rc)" | tee -a "$log"
fi

phase "verification page (web/verify: egov-wasm built for wasm32, Debian's Chromium through chromedriver)"
# Installs the wasm32 target, wasm-bindgen-cli (from crates.io, once, into target/tools),
# chromium and chromium-driver (apt) and selenium (the venv) when missing; prints the page's size.
page_rc=0
scripts/test-verify-page.sh "$venv/bin/python" 2>&1 | tee -a "$log" || page_rc=$?
if [[ $page_rc -ne 0 ]]; then
  status=1
  echo "page: 0 passed, 1 failed (scripts/test-verify-page.sh exit $page_rc)" | tee -a "$log"
fi

phase "batch report (egov batch over 1 000 generated edXML messages and testdata/edxml; the HTML report read back by Debian's Chromium)"
batch_rc=0
"$venv/bin/python" scripts/test_batch_report.py "$PWD/target/debug/egov" 2>&1 | tee -a "$log" || batch_rc=$?
if [[ $batch_rc -ne 0 ]]; then
  status=1
  echo "batch: 0 passed, 1 failed (scripts/test_batch_report.py exit $batch_rc)" | tee -a "$log"
fi

# One closing line for the whole run: the sum of every test binary's "test result" line, the C
# programs ("c: N passed, N failed") and pytest's summary ("N failed, N passed in 0.1s").
awk '/^test result:/ { p += $4; f += $6 }
     /^c: [0-9]+ passed, [0-9]+ failed$/ { p += $2; f += $4 }
     /^python: [0-9]+ passed, [0-9]+ failed/ { p += $2; f += $4 }
     /^fuzz: [0-9]+ passed, [0-9]+ failed$/ { p += $2; f += $4 }
     /^rules: [0-9]+ passed, [0-9]+ failed$/ { p += $2; f += $4 }
     /^catalogues: [0-9]+ passed, [0-9]+ failed$/ { p += $2; f += $4 }
     /^spark: [0-9]+ passed, [0-9]+ failed/ { p += $2; f += $4 }
     /^page: [0-9]+ passed, [0-9]+ failed/ { p += $2; f += $4 }
     /^batch: [0-9]+ passed, [0-9]+ failed/ { p += $2; f += $4 }
     /^tour: [0-9]+ passed, [0-9]+ failed$/ { p += $2; f += $4 }
     /^(=+ )?[0-9]+ (passed|failed).* in [0-9.]+s/ {
       for (i = 1; i < NF; i++) {
         if ($(i + 1) ~ /^passed/) p += $i
         if ($(i + 1) ~ /^(failed|errors?)/) f += $i
       }
     }
     END { printf "egov: %d passed, %d failed\n", p, f }' "$log"
phase "done"
exit $status
