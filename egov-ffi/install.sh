#!/usr/bin/env bash
# Builds the C library in release mode and installs it under a prefix:
#   PREFIX/lib/libegov_ffi.{so,a}, PREFIX/include/egov.h, PREFIX/lib/pkgconfig/egov.pc
# Usage: egov-ffi/install.sh [PREFIX]   (default /usr/local; then `pkg-config --cflags --libs egov`)
# EGOV_PROFILE=debug installs the debug build instead (the C test run uses it).
set -euo pipefail
prefix="${1:-/usr/local}"
profile="${EGOV_PROFILE:-release}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [[ "$profile" == release ]]; then
  cargo build --release --locked -p egov-ffi
else
  cargo build --locked -p egov-ffi
fi
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)"
install -d "$prefix/lib/pkgconfig" "$prefix/include"
install -m 0644 egov-ffi/include/egov.h "$prefix/include/egov.h"
install -m 0755 "target/$profile/libegov_ffi.so" "$prefix/lib/libegov_ffi.so"
install -m 0644 "target/$profile/libegov_ffi.a" "$prefix/lib/libegov_ffi.a"
sed -e "s|@PREFIX@|$prefix|; s|@LIBDIR@|$prefix/lib|; s|@INCLUDEDIR@|$prefix/include|" \
    -e "s|@VERSION@|$version|" egov-ffi/egov.pc.in > "$prefix/lib/pkgconfig/egov.pc"
echo "installed egov $version under $prefix (PKG_CONFIG_PATH=$prefix/lib/pkgconfig)"
