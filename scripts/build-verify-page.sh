#!/usr/bin/env bash
# Builds the verification page (issue 14): egov-wasm for wasm32-unknown-unknown (profile `wasm`:
# size-optimised, LTO), the JavaScript glue with wasm-bindgen-cli (from crates.io, the version
# egov-wasm pins, built once into target/tools), into web/verify/pkg/. Prints the page's size
# as transferred (each file gzip -9, the total).
#   scripts/build-verify-page.sh
set -euo pipefail
cd "$(dirname "$0")/.."
WB_VERSION=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' egov-wasm/Cargo.toml)
TOOLS="$PWD/target/tools"

rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown ||
  rustup target add wasm32-unknown-unknown
if ! "$TOOLS/bin/wasm-bindgen" --version 2>/dev/null | grep -q "$WB_VERSION"; then
  echo "== installing wasm-bindgen-cli $WB_VERSION into target/tools (cargo install, from source)"
  cargo install wasm-bindgen-cli --version "=$WB_VERSION" --root "$TOOLS" --quiet
fi
echo "== cargo build -p egov-wasm --target wasm32-unknown-unknown --profile wasm"
cargo build -p egov-wasm --target wasm32-unknown-unknown --profile wasm --locked --quiet
rm -rf web/verify/pkg
"$TOOLS/bin/wasm-bindgen" --target web --no-typescript --remove-name-section --remove-producers-section --out-dir web/verify/pkg \
  target/wasm32-unknown-unknown/wasm/egov_wasm.wasm
python3 - <<'PY'
import gzip, os
root = "web/verify"
files = ["index.html", "app.js", "style.css", "sw.js", "config.json", "trust-list.json",
         "pkg/egov_wasm.js", "pkg/egov_wasm_bg.wasm"]
total_raw = total_gz = 0
for f in files:
    data = open(os.path.join(root, f), "rb").read()
    gz = len(gzip.compress(data, 9))
    total_raw += len(data)
    total_gz += gz
    print(f"  {f:28} {len(data):9,} bytes, gzip -9 {gz:9,}")
print(f"page: {total_raw:,} bytes, transferred (gzip -9): {total_gz:,} bytes = {total_gz/1000:.1f} kB (target <= 300 kB)")
PY
