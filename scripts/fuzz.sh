#!/usr/bin/env bash
# Builds and runs the cargo-fuzz targets of fuzz/ (issue #11).
#
#   scripts/fuzz.sh [--smoke SECONDS] [--runs N] [--timeout SECONDS] [--dev] [--sanitizer none] [--no-build] [TARGET…]
#
# For each target (default: every target of `cargo fuzz list`):
#   1. replays every file of fuzz/regressions/TARGET/ once (minimised crashers kept as
#      regression inputs): any crash fails the script;
#   2. fuzzes for --smoke SECONDS (default 10; the CI smoke runs 5) and/or --runs N executions,
#      starting from the committed seeds fuzz/corpus/TARGET/ plus the local working corpus
#      fuzz/target/corpus-work/TARGET/ (new inputs go there, never into the committed seeds).
# Prints one line per target (executions, exec/s, result), the total executions, and exits
# non-zero on any crash, timeout or out-of-memory; crash inputs are saved under
# fuzz/artifacts/TARGET/.
#
# Build: `cargo fuzz build -O --debug-assertions` (optimised, with overflow checks and debug
# assertions) with AddressSanitizer; with --dev, `cargo fuzz build --dev` (not optimised, same
# checks, built in a third of the time: what the test command's smoke run uses, where the
# build is most of the cost; long campaigns want the optimised build). With --sanitizer none the
# optimised build leaves AddressSanitizer out (same overflow checks and debug assertions, built
# into fuzz/target/nosan/): two to three times the executions per second on targets that reach
# no C or C++ code and no `unsafe` of egov's own, for long campaigns. The machine's stable toolchain builds it with
# RUSTC_BOOTSTRAP=1 (cargo fuzz passes nightly -Z flags). Everything runs under `nice -n 10`.
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=""
runs=""
timeout=30
build=1
dev=0
sanitizer=address
targets=()
usage() {
  sed -n '4p' "$0" | sed 's/^# *//' >&2
  exit 2
}
while (($#)); do
  case "$1" in
    --smoke) smoke="${2:?--smoke needs SECONDS}"; shift 2 ;;
    --smoke=*) smoke="${1#*=}"; shift ;;
    --runs) runs="${2:?--runs needs N}"; shift 2 ;;
    --runs=*) runs="${1#*=}"; shift ;;
    --timeout) timeout="${2:?--timeout needs SECONDS}"; shift 2 ;;
    --timeout=*) timeout="${1#*=}"; shift ;;
    --no-build) build=0; shift ;;
    --dev) dev=1; shift ;;
    --sanitizer) sanitizer="${2:?--sanitizer needs address or none}"; shift 2 ;;
    --sanitizer=*) sanitizer="${1#*=}"; shift ;;
    -h | --help) usage ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; usage ;;
    *) targets+=("$1"); shift ;;
  esac
done
if [[ -z "$smoke" && -z "$runs" ]]; then
  smoke=10
fi

export RUSTC_BOOTSTRAP=1
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== installing cargo-fuzz (cargo install cargo-fuzz --locked)"
  nice -n 10 cargo install cargo-fuzz --locked
fi
# zxing-cpp (egov-conversion's default QR decoder) is C++17 built from source by cmake.
if ! command -v cmake >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]]; then
    echo "== installing cmake (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq cmake
  else
    echo "fuzz.sh: cmake is needed to build zxing-cpp; install it" >&2
    exit 1
  fi
fi

if ((${#targets[@]} == 0)); then
  mapfile -t targets < <(cd fuzz && cargo fuzz list)
fi
triple="$(rustc -vV | sed -n 's/^host: //p')"
case "$sanitizer" in
  address) target_dir=fuzz/target; san_flags=() ;;
  # cargo fuzz resolves a relative --target-dir against the repository root, not fuzz/.
  none) target_dir=fuzz/target/nosan; san_flags=(-s none --target-dir "$PWD/fuzz/target/nosan") ;;
  *) echo "fuzz.sh: --sanitizer is address or none, not $sanitizer" >&2; usage ;;
esac
if ((dev)); then
  bin_dir="$target_dir/$triple/debug"
  build_flags=(--dev "${san_flags[@]}")
else
  bin_dir="$target_dir/$triple/release"
  build_flags=(-O --debug-assertions "${san_flags[@]}")
fi

if ((build)); then
  echo "== cargo fuzz build ${build_flags[*]} (${#targets[@]} targets)"
  if ((${#targets[@]} == $(cd fuzz && cargo fuzz list | wc -l))); then
    nice -n 10 cargo fuzz build "${build_flags[@]}"
  else
    for t in "${targets[@]}"; do
      nice -n 10 cargo fuzz build "${build_flags[@]}" "$t"
    done
  fi
fi

# libFuzzer's final statistics: `stat::number_of_executed_units: N`.
stat() { sed -n "s/^stat::$1: *//p" "$2" | tail -1; }

logs="fuzz/target/fuzz-logs"
mkdir -p "$logs"

# One target: regressions, then fuzzing. Writes its table line to $logs/$t.line and its
# executions to $logs/$t.execs; returns non-zero when the target failed.
one_target() {
  local t="$1"
  local bin="$bin_dir/$t"
  local artifacts work result execs rate n crash kind
  local -a common regressions limits
  if [[ ! -x "$bin" ]]; then
    echo "fuzz.sh: no binary $bin (unknown target, or run without --no-build)" >&2
    printf '%-16s %12s %10s  %s\n' "$t" 0 - "NO BINARY" >"$logs/$t.line"
    echo 0 >"$logs/$t.execs"
    return 1
  fi
  artifacts="fuzz/artifacts/$t"
  work="fuzz/target/corpus-work/$t"
  mkdir -p "$artifacts" "$work" "fuzz/corpus/$t"
  common=(-artifact_prefix="$artifacts/" -timeout="$timeout" -print_final_stats=1)
  result=ok
  execs=0

  # 1. Regression inputs: each file runs once; no fuzzing, nothing written.
  regressions=()
  if [[ -d "fuzz/regressions/$t" ]]; then
    mapfile -t regressions < <(find "fuzz/regressions/$t" -type f ! -name '*.md' | sort)
  fi
  if ((${#regressions[@]})); then
    if ! nice -n 10 "$bin" "${common[@]}" -runs=1 "${regressions[@]}" >"$logs/$t.regressions.log" 2>&1; then
      result="REGRESSION (see $logs/$t.regressions.log)"
    fi
    execs=$((execs + ${#regressions[@]}))
  fi

  # 2. Fuzzing from the seeds and the working corpus.
  limits=()
  [[ -n "$smoke" ]] && limits+=(-max_total_time="$smoke")
  [[ -n "$runs" ]] && limits+=(-runs="$runs")
  rate=-
  if [[ "$result" == ok ]]; then
    if nice -n 10 "$bin" "${common[@]}" "${limits[@]}" "$work" "fuzz/corpus/$t" >"$logs/$t.log" 2>&1; then
      result=ok
    else
      crash="$(sed -n 's/.*Test unit written to //p' "$logs/$t.log" | tail -1)"
      kind="$(grep -m1 -oE 'ERROR: libFuzzer: [a-z-]+|panicked at [^:]+:[0-9]+' "$logs/$t.log" || true)"
      result="CRASH ${kind:+($kind) }${crash:-} (see $logs/$t.log)"
    fi
    n="$(stat number_of_executed_units "$logs/$t.log")"
    execs=$((execs + ${n:-0}))
    rate="$(stat average_exec_per_sec "$logs/$t.log")"
  fi
  printf '%-16s %12s %10s  %s\n' "$t" "$execs" "${rate:--}" "$result" >"$logs/$t.line"
  echo "$execs" >"$logs/$t.execs"
  [[ "$result" == ok ]]
}

# Targets run side by side, one per core (EGOV_FUZZ_JOBS to choose): each is single-threaded
# and gets its --smoke seconds of wall time either way. The table keeps the targets' order.
jobs_max="${EGOV_FUZZ_JOBS:-$(nproc 2>/dev/null || echo 1)}"
((jobs_max >= 1)) || jobs_max=1
for t in "${targets[@]}"; do
  while (($(jobs -rp | wc -l) >= jobs_max)); do wait -n || true; done
  rm -f "$logs/$t.rc"
  (one_target "$t"; echo $? >"$logs/$t.rc") &
done
wait
failed=()
total=0
printf '%-16s %12s %10s  %s\n' target executions exec/s result
for t in "${targets[@]}"; do
  [[ "$(cat "$logs/$t.rc" 2>/dev/null)" == 0 ]] || failed+=("$t")
  cat "$logs/$t.line"
  total=$((total + $(cat "$logs/$t.execs")))
done
echo "total executions: $total"
if ((${#failed[@]})); then
  echo "FAILED: ${failed[*]}" >&2
  exit 1
fi
