#!/usr/bin/env bash
# Measures per-call cost from Rust (baseline), C and Python. Not part of the test command.
# Usage: egov-ffi/bench/run.sh   (needs target/venv from ./scripts/test.sh for the Python part)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
cargo build --release --locked -p egov-ffi --lib --example overhead_rust >&2
"$root/target/release/examples/overhead_rust"
gcc -std=c11 -O2 -I egov-ffi/include "$here/overhead.c" -o target/release/overhead_c \
  -L target/release -legov_ffi -Wl,-rpath,"$root/target/release"
target/release/overhead_c "$root/target/release"
if [[ -x target/venv/bin/python ]]; then
  target/venv/bin/python "$here/overhead.py" "$root/target/release"
fi
