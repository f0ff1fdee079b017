#!/bin/sh
# Link extraction, egov-trust (lol_html) beside Python lxml and BeautifulSoup on the same 5 MB page.
# Makes a venv under target/, runs the Rust benchmark (which writes the page), then the Python one.
set -eu
cd "$(dirname "$0")/.."
VENV=target/trust-bench-venv
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet lxml beautifulsoup4
cargo bench --bench trust -- --quick trust_links
"$VENV/bin/python" benches/trust_links.py target/trust-bench-page.html
