#!/usr/bin/env bash
# Runs every egov test: formatting, lints, the Rust test suites of every crate (unit,
# integration, property and doc tests), the C tests of the C ABI under valgrind, and the Python
# package's pytest suite. This is the README's test command and what CI runs.
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

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== cargo test (workspace)"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
cargo test --workspace --locked 2>&1 | tee "$log"

echo "== C tests (egov-ffi/tests/c, under valgrind)"
status=0
egov-ffi/tests/c/run.sh 2>&1 | tee -a "$log" || status=1

# One closing line for the whole run: the sum of every test binary's "test result" line, the C
# programs ("c: N passed, N failed").
awk '/^test result:/ { p += $4; f += $6 }
     /^c: [0-9]+ passed, [0-9]+ failed$/ { p += $2; f += $4 }
     END { printf "egov: %d passed, %d failed\n", p, f }' "$log"
exit $status
