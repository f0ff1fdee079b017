#!/usr/bin/env bash
# Builds libegov_ffi, compiles every C test program in this directory with the system C compiler
# and runs each under valgrind (0 errors and 0 leaks required; AddressSanitizer when valgrind is
# missing, unless EGOV_VALGRIND_REQUIRED=1: then that is a failure). Prints one line per program and closes with "c: N passed, N failed".
# Usage: egov-ffi/tests/c/run.sh [--profile debug|release]
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
profile=debug
[[ "${1:-}" == "--profile" ]] && profile="$2"
cd "$root"

cargo_flags=(--locked -p egov-ffi)
[[ "$profile" == release ]] && cargo_flags+=(--release)
cargo build "${cargo_flags[@]}" >&2 || { echo "c: 0 passed, 1 failed"; exit 1; }

libdir="$root/target/$profile"
out="$root/target/c-tests"
mkdir -p "$out"
# pkg-config file for this build tree (the template is egov-ffi/egov.pc.in).
sed -e "s|@PREFIX@|$root|; s|@LIBDIR@|$libdir|; s|@INCLUDEDIR@|$root/egov-ffi/include|" \
    -e "s|@VERSION@|$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)|" \
    egov-ffi/egov.pc.in > "$out/egov.pc"
export PKG_CONFIG_PATH="$out${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"

cc=${CC:-gcc}
cflags=(-std=c11 -Wall -Wextra -Werror -g -O1 -pthread $(pkg-config --cflags egov))
sanitize=()
runner=()
if command -v valgrind >/dev/null 2>&1; then
  # valgrind.supp: one std runtime allocation per C thread (its comment says which).
  runner=(valgrind -q --num-callers=40 --leak-check=full --show-leak-kinds=definite,indirect,possible
          --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99
          --suppressions="$here/valgrind.supp")
  echo "c: memory checker: valgrind $(valgrind --version 2>/dev/null)"
elif [[ "${EGOV_VALGRIND_REQUIRED:-0}" == 1 ]]; then
  # The test command requires valgrind: a silent fallback would test less than it says.
  echo "FAILED: valgrind not found and EGOV_VALGRIND_REQUIRED=1"
  echo "c: 0 passed, 1 failed"
  exit 1
else
  echo "c: memory checker: AddressSanitizer (valgrind not found)"
  sanitize=(-fsanitize=address -fno-omit-frame-pointer)
fi

passed=0
failed=0
# The programs run side by side, one per core (EGOV_C_JOBS to choose; valgrind runs each on one
# core); their output is shown in the order they were started, each when all have finished.
jobs_max="${EGOV_C_JOBS:-$(nproc 2>/dev/null || echo 1)}"
((jobs_max >= 1)) || jobs_max=1
started=()
run() { # name, binary, args...
  local name="$1"; shift
  while (($(jobs -rp | wc -l) >= jobs_max)); do wait -n || true; done
  rm -f "$out/$name.rc"
  ("${runner[@]}" "$@" >"$out/$name.log" 2>&1; echo $? >"$out/$name.rc") &
  started+=("$name")
}
# Waits for every program started and counts them.
collect() {
  wait
  local name rc
  for name in "${started[@]}"; do
    cat "$out/$name.log"
    rc="$(cat "$out/$name.rc" 2>/dev/null || echo lost)"
    if [[ "$rc" == 0 ]]; then passed=$((passed + 1)); else
      echo "FAILED: $name (exit $rc)"; failed=$((failed + 1)); fi
  done
  started=()
}

for src in "$here"/test_*.c; do
  name="$(basename "$src" .c)"
  extra=()
  [[ "$name" == test_vectors ]] && extra=("$here/json.c")
  # Dynamic link through pkg-config, with an rpath so the binary finds libegov_ffi.so.
  if ! "$cc" "${cflags[@]}" "${sanitize[@]}" "$src" "${extra[@]}" -o "$out/$name" \
      $(pkg-config --libs egov) -Wl,-rpath,"$libdir"; then
    echo "FAILED: $name (compile)"; failed=$((failed + 1)); continue
  fi
  if [[ "$name" == test_vectors ]]; then
    run "$name" "$out/$name" "$root"/testdata/vectors/*.json
  else
    run "$name" "$out/$name"
  fi
done

# One program also linked against the static library.
if "$cc" "${cflags[@]}" "${sanitize[@]}" "$here/test_agency.c" -o "$out/test_agency_static" \
    "$libdir/libegov_ffi.a" $(pkg-config --static --libs-only-l egov | sed 's/-legov_ffi//'); then
  run test_agency_static "$out/test_agency_static"
else
  echo "FAILED: test_agency_static (compile)"; failed=$((failed + 1))
fi

# The header from C++ (vendors' C++ code): compiled with the system C++ compiler when there is one.
if command -v "${CXX:-c++}" >/dev/null 2>&1; then
  if "${CXX:-c++}" -std=c++17 -Wall -Wextra -Werror -g -O1 "${sanitize[@]}" \
      $(pkg-config --cflags egov) "$here/../cpp/header_check.cpp" -o "$out/header_check_cpp" \
      $(pkg-config --libs egov) -Wl,-rpath,"$libdir"; then
    run header_check_cpp "$out/header_check_cpp"
  else
    echo "FAILED: header_check_cpp (compile)"; failed=$((failed + 1))
  fi
else
  echo "note: no C++ compiler (\$CXX or c++): the C++ header check did not run"
fi

# The README's C example, exactly as printed, built against an installed copy of the library
# (egov-ffi/install.sh into a scratch prefix, found through its pkg-config file) and run.
awk '/^## Use it from C/{s=1} s && /^```c$/{p=1; next} p && /^```$/{exit} p' README.md \
  > "$out/readme_example.c"
rm -rf "$out/prefix"
if EGOV_PROFILE="$profile" egov-ffi/install.sh "$out/prefix" >/dev/null 2>&1 &&
    [[ -s "$out/readme_example.c" ]] &&
    "$cc" -std=c11 -Wall -Wextra -Werror -g "${sanitize[@]}" "$out/readme_example.c" \
      -o "$out/readme_example" \
      $(PKG_CONFIG_PATH="$out/prefix/lib/pkgconfig" pkg-config --cflags --libs egov) \
      -Wl,-rpath,"$out/prefix/lib"; then
  run readme_example "$out/readme_example"
else
  echo "FAILED: readme_example (install.sh failed, README.md has no C example, or it does not compile)"
  failed=$((failed + 1))
fi

collect
echo "c: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
