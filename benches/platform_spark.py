"""Monthly active users on Apache Spark, same data, same run (issue 15, PLAT-01):

1. Spark's own ``COUNT(DISTINCT user_id)`` as a user would write it (``from_utc_timestamp`` to
   Vietnam time, ``date_format``, ``countDistinct``);
2. egov engine-exact: Spark's ``COUNT(DISTINCT)`` over the SQL egov writes (``egov.engine_sql``),
   plus its row accounting query;
3. egov-native: egov's counter in every partition through ``mapInArrow``, partials shuffled by
   shard and merged by egov.

For each: wall time and CPU seconds of the whole local Spark (the JVM and every Python worker:
the process tree under the JVM, read from /proc before and after), and the monthly counts, which
must agree. Not part of the test suite; no target, an honest ratio.

Usage: python benches/platform_spark.py [EVENTS] [USERS] [WORKDIR]
(run by benches/platform_spark.sh, which installs PySpark and a Java 17).
"""

from __future__ import annotations

import os
import pathlib
import sys
import time
from typing import Any, Dict, List, Tuple

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

import egov.spark

EVENTS = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
USERS = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
WORK = pathlib.Path(sys.argv[3] if len(sys.argv) > 3 else "target/platform-spark")
YEAR_START_VN = 1735664400  # 2025-01-01 00:00 in Vietnam
TICK = os.sysconf("SC_CLK_TCK")


def generate(folder: pathlib.Path) -> None:
    """EVENTS events of USERS users over 2025, 10 files, integer ids, Unix seconds."""
    if folder.exists() and any(folder.glob("*.parquet")):
        return
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(15)
    files = 10
    per = EVENTS // files
    kinds = np.array(["login", "service", "access", "view"])
    for f in range(files):
        table = pa.table({
            "user_id": pa.array(rng.integers(0, USERS, per), pa.int64()),
            "timestamp": pa.array(YEAR_START_VN + rng.integers(0, 365 * 86400, per), pa.int64()),
            "kind": pa.array(kinds[rng.integers(0, 4, per)].tolist(), pa.string()),
            "in_vietnam": pa.array(rng.random(per) >= 0.05, pa.bool_()),
        })
        pq.write_table(table, folder / f"part-{f:02d}.parquet", row_group_size=1_000_000)


def _children() -> Dict[int, List[int]]:
    kids: Dict[int, List[int]] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(d))
    return kids


def tree_cpu_seconds(root: int) -> float:
    """utime + stime (and those of waited-for children) of `root` and all its descendants."""
    kids = _children()
    total = 0
    stack = [root]
    while stack:
        pid = stack.pop()
        try:
            with open(f"/proc/{pid}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # Fields 14-17 of stat (utime, stime, cutime, cstime) are 11..14 after the comm.
        total += sum(int(x) for x in fields[11:15])
        stack.extend(kids.get(pid, []))
    return total / TICK


def measure(name: str, jvm: int, fn: Any) -> Tuple[Dict[str, int], float, float]:
    cpu0, t0 = tree_cpu_seconds(jvm) + time.process_time(), time.perf_counter()
    months = fn()
    wall = time.perf_counter() - t0
    cpu = tree_cpu_seconds(jvm) + time.process_time() - cpu0
    print(f"{name}: {wall:.2f} s wall, {cpu:.1f} CPU-s, {sum(months.values())} user-months",
          flush=True)
    return months, wall, cpu


def main() -> None:
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    data = WORK / f"events-{EVENTS}-{USERS}"
    t = time.perf_counter()
    generate(data)
    print(f"data: {EVENTS} events, {USERS} users, {sum(p.stat().st_size for p in data.glob('*.parquet')) / 1e6:.0f} MB "
          f"Parquet ({time.perf_counter() - t:.1f} s)")
    cores = os.cpu_count() or 1
    spark = (SparkSession.builder.master(f"local[{cores}]").appName("egov-bench")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.driver.memory", "4g")
             .config("spark.sql.shuffle.partitions", str(cores * 2))
             .config("spark.sql.session.timeZone", "UTC").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    jvm = int(spark.sparkContext._jvm.java.lang.ProcessHandle.current().pid())  # type: ignore[union-attr]
    print(f"Spark {spark.version}, local[{cores}], JVM pid {jvm}, Python {sys.version.split()[0]}")
    df = spark.read.parquet(str(data))
    cols = {"timestamp_unit": "seconds"}

    def spark_own() -> Dict[str, int]:
        vn = F.from_utc_timestamp(F.timestamp_seconds("timestamp"), "Asia/Ho_Chi_Minh")
        rows = (df.where(F.col("in_vietnam") & F.col("kind").isin("login", "service", "access"))
                .groupBy(F.date_format(vn, "yyyy-MM").alias("month"))
                .agg(F.countDistinct("user_id").alias("n")).collect())
        return {r["month"]: r["n"] for r in rows}

    def engine() -> Dict[str, int]:
        s = egov.spark.count_active_users(df, mode="engine", columns=cols)
        return {m["month"]: m["active_users"] for m in s["months"]}

    def native() -> Dict[str, int]:
        s = egov.spark.count_active_users(df, mode="native", columns=cols, shards=cores * 2)
        return {m["month"]: m["active_users"] for m in s["months"]}

    spark_own()  # warm-up: JVM JIT, the file listing, the Python workers
    results = {}
    for name, fn in (("spark COUNT(DISTINCT)", spark_own), ("egov engine-exact", engine),
                     ("egov-native (mapInArrow)", native)):
        results[name] = measure(name, jvm, fn)
    months = [r[0] for r in results.values()]
    assert all(m == months[0] for m in months), "the three counts differ"
    base_wall, base_cpu = results["spark COUNT(DISTINCT)"][1:]
    print("\n| run | wall | CPU-seconds | CPU ratio to Spark's COUNT(DISTINCT) |")
    print("|---|---:|---:|---:|")
    for name, (_, wall, cpu) in results.items():
        print(f"| {name} | {wall:.2f} s | {cpu:.1f} | {cpu / base_cpu:.2f}× |")
    print(f"\nSame {len(months[0])} monthly counts in all three ({sum(months[0].values())} user-months).")
    spark.stop()


if __name__ == "__main__":
    main()
