#!/usr/bin/env bash
# Side-by-side benchmark of exact monthly-active-user counting (PLAT-01):
#   1. egov, in-memory batch, one thread (examples/platform_bench.rs)
#   2. egov CLI on a CSV file (`egov platform count`, all cores)
#   3. DuckDB on the same CSV: COUNT(DISTINCT user_id) GROUP BY month (Vietnam time), all cores
#   4. the same events as Parquet (written by DuckDB: BIGINT ids and Unix seconds, VARCHAR kind,
#      BOOLEAN flag, row groups of 1 M rows): egov platform count on 1, 2 and all threads, and
#      DuckDB's COUNT(DISTINCT) on the same file (issue 15: target >= 2x faster, <= 1/4 memory)
# Peak memory of each with /usr/bin/time -v. Not part of the test suite.
#
# Usage: benches/platform_vs_duckdb.sh [EVENTS] [USERS] [WORKDIR]
# Defaults: 100 000 000 events, 10 000 000 users, target/platform-bench (CSV ≈ 2.4 GB, deleted at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-100000000}
USERS=${2:-10000000}
WORK=${3:-target/platform-bench}
mkdir -p "$WORK"
CSV="$WORK/events.csv"
PARQUET="$WORK/events.parquet"
trap 'rm -f "$CSV" "$PARQUET"' EXIT

echo "== machine"; nproc; grep -m1 "model name" /proc/cpuinfo || true; uptime
df -h "$WORK" | tail -1

echo "== build (release)"
cargo build --release -q -p egov-cli
cargo build --release -q --example platform_bench --features platform

if [ ! -x "$WORK/venv/bin/python" ]; then
  python3 -m venv "$WORK/venv"
  "$WORK/venv/bin/pip" install -q duckdb
fi
"$WORK/venv/bin/python" -c "import duckdb; print('duckdb', duckdb.__version__)"

echo "== generate $EVENTS events over $USERS users (2025, Vietnam time)"
/usr/bin/time -f "generated in %e s" target/release/examples/platform_bench gen "$CSV" "$EVENTS" "$USERS"
ls -l "$CSV"

peak() { grep -E "Maximum resident set size|Elapsed \(wall" "$1" | sed 's/^\s*//'; }

echo "== 1. egov in-memory batch, 1 thread"
/usr/bin/time -v -o "$WORK/mem.time" target/release/examples/platform_bench mem "$EVENTS" "$USERS"
peak "$WORK/mem.time"

echo "== 2. egov platform count (CSV, $(nproc) threads)"
/usr/bin/time -v -o "$WORK/egov.time" target/release/egov --json platform count "$CSV" > "$WORK/egov.json"
peak "$WORK/egov.time"
"$WORK/venv/bin/python" - "$WORK/egov.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
c = d["counting"]
um = sum(m["active_users"] for m in c["months"])
print(f"egov: {d['seconds']:.2f} s counting, {d['threads']} threads, {c['events']['events_seen']/d['seconds']/1e6:.1f} M events/s, {um} user-months")
for m in c["months"]:
    print(" ", m["month"], m["active_users"])
PY

echo "== 3. DuckDB (CSV, $(nproc) threads)"
cat > "$WORK/duck.py" <<'PY'
import sys, time, duckdb
csv = sys.argv[1]
con = duckdb.connect()
t = time.time()
rows = con.execute(f"""
  SELECT strftime(make_timestamp((timestamp + 25200) * 1000000), '%Y-%m') AS month,
         COUNT(DISTINCT user_id) AS active_users
  FROM read_csv('{csv}', header = true,
                columns = {{'user_id': 'UBIGINT', 'timestamp': 'BIGINT', 'kind': 'VARCHAR', 'in_vietnam': 'TINYINT'}})
  WHERE in_vietnam = 1 AND kind IN ('l', 'a', 's', 'login', 'access', 'service')
  GROUP BY month ORDER BY month""").fetchall()
s = time.time() - t
threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
print(f"duckdb: {s:.2f} s, threads {threads}, {sum(r[1] for r in rows)} user-months")
for r in rows:
    print(" ", r[0], r[1])
PY
/usr/bin/time -v -o "$WORK/duck.time" "$WORK/venv/bin/python" "$WORK/duck.py" "$CSV"
peak "$WORK/duck.time"

echo "== 4. Parquet: the same events written by DuckDB"
"$WORK/venv/bin/python" - "$CSV" "$PARQUET" <<'PY'
import sys, time, duckdb
t = time.time()
duckdb.sql(f"""COPY (SELECT CAST(user_id AS BIGINT) AS user_id, timestamp, kind, in_vietnam = 1 AS in_vietnam
  FROM read_csv('{sys.argv[1]}', header = true,
                columns = {{'user_id': 'UBIGINT', 'timestamp': 'BIGINT', 'kind': 'VARCHAR', 'in_vietnam': 'TINYINT'}}))
  TO '{sys.argv[2]}' (FORMAT PARQUET, ROW_GROUP_SIZE 1000000, COMPRESSION ZSTD)""")
print(f"written in {time.time() - t:.1f} s")
PY
ls -l "$PARQUET"
for t in 1 2 "$(nproc)"; do
  echo "== 4a. egov platform count (Parquet, $t threads)"
  /usr/bin/time -v -o "$WORK/egov-pq-$t.time" target/release/egov --json platform count "$PARQUET" --threads "$t" > "$WORK/egov-pq-$t.json"
  peak "$WORK/egov-pq-$t.time"
  "$WORK/venv/bin/python" - "$WORK/egov-pq-$t.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
c = d["counting"]
um = sum(m["active_users"] for m in c["months"])
print(f"egov parquet: {d['seconds']:.2f} s counting, {d['threads']} threads, {c['events']['events_seen']/d['seconds']/1e6:.1f} M events/s, {um} user-months")
PY
done
echo "== 4b. DuckDB (Parquet, $(nproc) threads)"
cat > "$WORK/duck_pq.py" <<'PY'
import sys, time, duckdb
pq = sys.argv[1]
con = duckdb.connect()
t = time.time()
rows = con.execute(f"""
  SELECT strftime(make_timestamp((timestamp + 25200) * 1000000), '%Y-%m') AS month,
         COUNT(DISTINCT user_id) AS active_users
  FROM read_parquet('{pq}')
  WHERE in_vietnam AND kind IN ('l', 'a', 's', 'login', 'access', 'service')
  GROUP BY month ORDER BY month""").fetchall()
s = time.time() - t
print(f"duckdb parquet: {s:.2f} s, {sum(r[1] for r in rows)} user-months")
PY
/usr/bin/time -v -o "$WORK/duck-pq.time" "$WORK/venv/bin/python" "$WORK/duck_pq.py" "$PARQUET"
peak "$WORK/duck-pq.time"
