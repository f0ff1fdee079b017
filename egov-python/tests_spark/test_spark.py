"""PLAT-01 (NĐ 137/2024 Đ17.1) on a real local Apache Spark: 1 M generated events as Parquet in
several files, counted by egov in both modes of :mod:`egov.spark` and checked against Spark's
own ``COUNT(DISTINCT)`` written here independently (``from_utc_timestamp(…,
'Asia/Ho_Chi_Minh')``) and against the ``egov`` command-line tool on the same files.

Run by ``scripts/test-spark.sh`` (which installs PySpark and a Java 17 when missing); the
``egov`` binary is ``$EGOV_CLI``."""

from __future__ import annotations

import json
import os
import pathlib
import re
import subprocess
import sys
from typing import Any, Dict, Iterator, Tuple

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

import egov
import egov.spark

# 2025-01-01 00:00 in Vietnam (2024-12-31T17:00:00Z).
NEW_YEAR_VN = 1735664400
KINDS = np.array(["login", "service", "access", "view", "transaction"])
COUNTED_KINDS = ["login", "service", "access"]
EVENTS = 1_000_000
FILES = 5


def _write_events(folder: pathlib.Path, string_ids: bool, seed: int) -> None:
    """EVENTS events in FILES Parquet files: a third within a day of the Vietnam new year (so
    UTC and Vietnam months differ), 8 % outside Vietnam, a fifth of kinds not counted, and bad
    rows (no user, no timestamp, no in-Vietnam flag, a timestamp past 2200)."""
    rng = np.random.default_rng(seed)
    per = EVENTS // FILES
    folder.mkdir()
    for f in range(FILES):
        users = rng.integers(0, 150_000, per)
        near = rng.random(per) < 1 / 3
        spread = np.where(near, 86_400, 86_400 * 60)
        times = NEW_YEAR_VN + (rng.random(per) * 2 * spread - spread).astype(np.int64)
        times[:10] = 9_000_000_000  # year 2255: outside the valid time range
        kinds = KINDS[rng.integers(0, 5, per)]
        kinds[:40] = "login"
        in_vn = rng.random(per) >= 0.08
        in_vn[:40] = True
        mask_user = np.zeros(per, bool)
        mask_user[10:20] = True
        mask_time = np.zeros(per, bool)
        mask_time[20:30] = True
        mask_vn = np.zeros(per, bool)
        mask_vn[30:40] = True
        table = pa.table({
            "user_id": (pa.array([None if m else f"user-{u}@example.vn"
                                  for u, m in zip(users.tolist(), mask_user)], pa.string())
                        if string_ids else pa.array(users, pa.int64(), mask=mask_user)),
            "timestamp": pa.array(times, pa.int64(), mask=mask_time),
            "kind": pa.array(kinds.tolist(), pa.string()),
            "in_vietnam": pa.array(in_vn, pa.bool_(), mask=mask_vn),
        })
        pq.write_table(table, folder / f"part-{f}.parquet", row_group_size=50_000)


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    # local[2, 4]: two cores, and a failed task is retried (up to 4 attempts), as on a cluster.
    session = (SparkSession.builder.master("local[2,4]").appName("egov-test")
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.shuffle.partitions", "4")
               .config("spark.sql.session.timeZone", "UTC")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Dict[str, pathlib.Path]:
    root = tmp_path_factory.mktemp("events")
    out = {"integer": root / "integer", "string": root / "string"}
    _write_events(out["integer"], False, 1)
    _write_events(out["string"], True, 2)
    return out


def _spark_own_count(df: DataFrame) -> Dict[str, Tuple[int, int]]:
    """Spark's COUNT(DISTINCT) with Spark's own time-zone database: {month: (users, events)}."""
    vn_time = F.from_utc_timestamp(F.timestamp_seconds(F.col("timestamp")), "Asia/Ho_Chi_Minh")
    rows = (df.where(F.col("user_id").isNotNull() & F.col("timestamp").isNotNull()
                     & F.col("kind").isin(COUNTED_KINDS) & (F.col("in_vietnam") == F.lit(True))
                     & (F.col("timestamp") < F.lit(7_258_118_400 - 25_200)))
            .groupBy(F.date_format(vn_time, "yyyy-MM").alias("month"))
            .agg(F.countDistinct("user_id").alias("users"), F.count(F.lit(1)).alias("events"))
            .collect())
    return {r["month"]: (r["users"], r["events"]) for r in rows}


def _by_month(summary: Dict[str, Any]) -> Dict[str, Tuple[int, int]]:
    return {m["month"]: (m["active_users"], m["events"]) for m in summary["months"]}


def _cli(folder: pathlib.Path) -> Dict[str, Any]:
    cli = os.environ["EGOV_CLI"]
    out = subprocess.run([cli, "platform", "count", str(folder), "--json"],
                         check=True, capture_output=True, text=True)
    value: Dict[str, Any] = json.loads(out.stdout)
    return value


COLUMNS = {"timestamp_unit": "seconds"}


@pytest.mark.parametrize("ids", ["integer", "string"])
def test_plat_01_spark_engine_exact_and_egov_native_equal_spark_count_distinct_and_the_cli(
        spark: SparkSession, data: Dict[str, pathlib.Path], ids: str) -> None:
    df = spark.read.parquet(str(data[ids]))
    assert df.rdd.getNumPartitions() >= 2
    expected = _spark_own_count(df)
    assert len(expected) >= 3  # December, January, February at least

    engine = egov.spark.count_active_users(df, mode="engine", columns=COLUMNS)
    native = egov.spark.count_active_users(df, mode="native", columns=COLUMNS, shards=8)
    cli = _cli(data[ids])

    assert _by_month(engine) == expected
    assert _by_month(native) == expected
    assert _by_month(cli["counting"] if "counting" in cli else cli) == expected
    # Every row not counted is accounted for by reason, the same way in each.
    for s in (engine, native):
        reasons = s["lines"]["malformed_by_reason"]
        assert reasons["empty_user"] == 10 * FILES
        assert reasons["bad_timestamp"] == 10 * FILES
        assert reasons["bad_in_vietnam"] == 10 * FILES
        assert s["events"]["timestamp_out_of_range"] == 10 * FILES
        assert s["events"]["outside_vietnam"] > 0
        counted = sum(e for _, e in expected.values())
        assert counted + s["events"]["outside_vietnam"] + s["events"]["timestamp_out_of_range"] \
            + s["lines"]["malformed"] == EVENTS
    assert engine["lines"]["malformed_by_reason"] == native["lines"]["malformed_by_reason"]
    assert engine["method"].startswith("engine-exact: Apache Spark")
    assert native["method"].startswith("egov-native: egov's counter on Apache Spark")
    # The result feeds the classification (as few months as these: the history error names them).
    with pytest.raises(egov.EgovError) as e:
        egov.classify_platform(native, 100_000_000, "2025-03-01")
    assert e.value.code == "platform.insufficient_history"


def test_plat_01_spark_engine_sql_does_not_depend_on_the_session_time_zone(
        spark: SparkSession, data: Dict[str, pathlib.Path]) -> None:
    df = spark.read.parquet(str(data["integer"]))
    expected = _spark_own_count(df)
    with_ts = df.withColumn("timestamp", F.timestamp_seconds(F.col("timestamp")))
    spark.conf.set("spark.sql.session.timeZone", "America/Los_Angeles")
    try:
        engine = egov.spark.count_active_users(with_ts, mode="engine")
        native = egov.spark.count_active_users(with_ts, mode="native", shards=4)
    finally:
        spark.conf.set("spark.sql.session.timeZone", "UTC")
    assert _by_month(engine) == expected
    assert _by_month(native) == expected


def test_plat_01_spark_a_task_that_fails_on_its_first_attempt_is_retried_and_the_count_exact(
        spark: SparkSession, data: Dict[str, pathlib.Path], tmp_path: pathlib.Path) -> None:
    df = spark.read.parquet(str(data["integer"]))
    expected = _spark_own_count(df)
    failed = tmp_path / "failed-once"

    def flaky(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        from pyspark import TaskContext

        ctx = TaskContext.get()
        for i, batch in enumerate(batches):
            yield batch
            # The first attempt of partition 0 dies after egov has counted part of it.
            if ctx is not None and ctx.partitionId() == 0 and ctx.attemptNumber() == 0 and i == 1:
                failed.write_text(f"partition 0, attempt 0, after batch {i}")
                raise RuntimeError("simulated executor failure (first attempt)")

    unreliable = df.mapInArrow(flaky, df.schema)
    native = egov.spark.count_active_users(unreliable, mode="native", columns=COLUMNS, shards=8)
    assert failed.exists(), "the first attempt did not fail: nothing was tested"
    assert _by_month(native) == expected
    assert native["lines"]["lines"] == EVENTS


def test_plat_01_readme_spark_example_runs_as_written(
        spark: SparkSession, data: Dict[str, pathlib.Path],
        capsys: pytest.CaptureFixture[str]) -> None:
    readme = pathlib.Path(__file__).resolve().parents[2] / "README.md"
    text = readme.read_text(encoding="utf-8")
    section = text[text.index("## Use it from Python"):text.index("## Command line")]
    blocks = [b for b in re.findall(r"```python\n(.*?)```", section, re.S) if "egov.spark" in b]
    assert len(blocks) == 1
    code = blocks[0].replace('"lake/events/"', repr(str(data["integer"])))
    exec(compile(code, "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert "'bad_timestamp': 50" in printed
