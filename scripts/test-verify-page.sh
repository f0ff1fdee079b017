#!/usr/bin/env bash
# The verification page (issue 14) in a real browser: builds the page (scripts/build-verify-page.sh),
# makes fixtures (a fresh and a stale signed list, payloads for every state), and runs
# web/verify/tests/test_page.py with Debian's Chromium and chromedriver through Selenium.
# Installs chromium, chromium-driver (apt, as root) and selenium (into the venv) when missing.
#   scripts/test-verify-page.sh [PYTHON]   (a Python with pytest; default target/venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${1:-target/venv/bin/python}
PORT=8731
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "== installing chromium and chromium-driver (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "verify page: chromium and chromedriver are needed (apt-get install chromium chromium-driver)" >&2
    exit 1
  fi
fi
"$PY" -c "import selenium" 2>/dev/null || "$PY" -m pip install -q --disable-pip-version-check "selenium>=4.20"
scripts/build-verify-page.sh
fixtures=$(mktemp -d)
trap 'rm -rf "$fixtures"' EXIT
cargo run -q --locked -p egov-wasm --example page_fixtures -- "$fixtures/fresh" "http://127.0.0.1:$PORT/"
cargo run -q --locked -p egov-wasm --example page_fixtures -- "$fixtures/stale" "http://127.0.0.1:$((PORT + 1))/" stale
mkdir -p docs
EGOV_PAGE_DIR="$PWD/web/verify" EGOV_FIXTURES="$fixtures/fresh" EGOV_STALE_FIXTURES="$fixtures/stale" \
EGOV_PAGE_PORT=$PORT EGOV_SCREENSHOT="$PWD/docs/verify-page.png" \
  "$PY" -m pytest -q -p no:cacheprovider web/verify/tests/test_page.py
