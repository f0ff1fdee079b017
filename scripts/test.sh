#!/usr/bin/env bash
# Runs every egov test: formatting, lints, and the Rust test suites of every crate (unit,
# integration, property and doc tests). This is the README's test command and what CI runs.
# (The C and Python suites join here when the bindings land: issue 6.)
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

# One closing line for the whole run: the sum of every test binary's "test result" line.
awk '/^test result:/ { p += $4; f += $6 } END { printf "egov: %d passed, %d failed\n", p, f }' "$log"
