"""Counting monthly active users where the data lives: Apache Spark (PySpark 3.5 and 4.x).

Two ways, the same answer (PLAT-01, NĐ 137/2024 Đ17.1; issue 15):

* ``mode="engine"`` (*engine-exact*): egov writes the Spark SQL that applies its counting rules
  (activity kinds, the in-Vietnam flag, Vietnam-time months, the valid time range; see
  :func:`egov.engine_sql`) and Spark counts with its own ``COUNT(DISTINCT)``; egov checks the
  result and accounts for every row not counted.
* ``mode="native"`` (*egov-native*): egov's own counter runs on every partition through
  ``mapInArrow``; the partials (distinct user keys by month and shard, and the accounting) are
  shuffled by shard, merged by egov on the executors, and only the monthly counts reach the
  driver. The cross-check an auditor can run on the same data.

Both return the summary :func:`egov.classify_platform` takes as ``monthly``, with ``method``
(recorded as the counting method, Đ18.4.c) and the rows not counted by reason.

This module needs ``pyspark`` and ``pyarrow``; ``import egov`` does not.
"""

from __future__ import annotations

import json as _json
from typing import Any, Dict, Iterator, Mapping, Optional

from . import _egov, engine_sql, summary_from_engine_rows

__all__ = ["count_active_users"]

_KEYS_SCHEMA = "month string, shard int, key long, accounting string"
_COUNTS_SCHEMA = "month string, active_users long, accounting string"


def _columns_json(columns: Optional[Mapping[str, Any]]) -> Optional[str]:
    return None if columns is None else _json.dumps(dict(columns))


def count_active_users(df: Any, *, mode: str = "native",
                       columns: Optional[Mapping[str, Any]] = None,
                       kinds: Optional[Mapping[str, str]] = None,
                       id_salt: Optional[str] = None, shards: int = 16,
                       view_name: str = "egov_events") -> Dict[str, Any]:
    """Monthly active users of the activity events of the Spark DataFrame ``df``.

    ``columns`` maps the columns as :data:`egov.ArrowColumns` (``user``, ``timestamp``,
    ``timestamp_unit``, ``kind``, ``in_vietnam``, ``default_kind``); ``kinds`` maps other
    activity names to a kind of Đ17.1 (your judgement); ``id_salt`` (native mode) keys string
    ids under the platform's salt; ``shards`` is the number of shuffle partitions of the
    merge (native mode). ``view_name`` is the temporary view the engine-exact SQL reads.
    """
    if mode == "native":
        return _native(df, columns, kinds, id_salt, shards)
    if mode == "engine":
        return _engine(df, columns, kinds, view_name)
    raise ValueError(f"mode must be 'native' or 'engine', not {mode!r}")


def _engine(df: Any, columns: Optional[Mapping[str, Any]], kinds: Optional[Mapping[str, str]],
            view_name: str) -> Dict[str, Any]:
    from pyspark.sql import types as T

    c = dict(columns or {})
    user = c.get("user", "user_id")
    timestamp = c.get("timestamp", "timestamp")
    field = df.schema[timestamp].dataType
    if isinstance(field, (T.TimestampType, T.TimestampNTZType)):
        time = "timestamp"
    else:
        time = str(c.get("timestamp_unit", "seconds"))
    sql = engine_sql("spark", table=view_name, user=user, timestamp=timestamp, time=time,
                     kind=c.get("kind", "kind"), in_vietnam=c.get("in_vietnam", "in_vietnam"),
                     default_kind=str(c.get("default_kind", "login")), kinds=kinds)
    df.createOrReplaceTempView(view_name)
    spark = df.sparkSession
    # One scan: the months' distinct users and every row's outcome together.
    rows = [(r["outcome"], r["month"], r["active_users"], r["n"])
            for r in spark.sql(sql["combined"]).collect()]
    summary = summary_from_engine_rows(
        rows, method=f"engine-exact: Apache Spark {spark.version} COUNT(DISTINCT) over egov's SQL")
    summary["sql"] = sql
    return summary


def _native(df: Any, columns: Optional[Mapping[str, Any]], kinds: Optional[Mapping[str, str]],
            id_salt: Optional[str], shards: int) -> Dict[str, Any]:
    import pyarrow as pa
    import pyarrow.compute as pc

    columns_json = _columns_json(columns)
    kinds_json = None if kinds is None else _json.dumps(dict(kinds))
    keys_schema = pa.schema([("month", pa.string()), ("shard", pa.int32()),
                             ("key", pa.int64()), ("accounting", pa.string())])
    counts_schema = pa.schema([("month", pa.string()), ("active_users", pa.int64()),
                               ("accounting", pa.string())])

    def count_partition(batches: Iterator[Any]) -> Iterator[Any]:
        counter = _egov.EventBatchCounter(columns_json, kinds_json, id_salt)
        for batch in batches:
            counter.add(batch)
        keys, accounting = counter.partial_arrow(shards)
        n = keys.num_rows
        yield pa.RecordBatch.from_arrays(
            [keys.column(0), keys.column(1), keys.column(2), pa.nulls(n, pa.string())],
            schema=keys_schema)
        yield pa.RecordBatch.from_arrays(
            [pa.nulls(1, pa.string()), pa.array([-1], pa.int32()), pa.nulls(1, pa.int64()),
             pa.array([accounting], pa.string())], schema=keys_schema)

    def merge_shards(batches: Iterator[Any]) -> Iterator[Any]:
        merger = _egov.PartialMerger()
        for batch in batches:
            is_key = pc.is_null(batch.column("accounting"))
            keys = batch.filter(is_key)
            if keys.num_rows:
                merger.add_keys(pa.RecordBatch.from_arrays(
                    [keys.column("month").cast(pa.string()), keys.column("shard"),
                     keys.column("key")], names=["month", "shard", "key"]))
            for text in batch.filter(pc.invert(is_key)).column("accounting").to_pylist():
                merger.add_accounting(text)
        counts = merger.counts()
        accounting = merger.accounting_json()
        yield pa.RecordBatch.from_arrays(
            [pa.array([m for m, _ in counts], pa.string()),
             pa.array([n for _, n in counts], pa.int64()), pa.nulls(len(counts), pa.string())],
            schema=counts_schema)
        if accounting is not None:
            yield pa.RecordBatch.from_arrays(
                [pa.nulls(1, pa.string()), pa.nulls(1, pa.int64()),
                 pa.array([accounting], pa.string())], schema=counts_schema)

    rows = (df.mapInArrow(count_partition, _KEYS_SCHEMA)
            .repartition(shards, "shard")
            .mapInArrow(merge_shards, _COUNTS_SCHEMA)
            .collect())
    merger = _egov.PartialMerger()
    for r in rows:
        if r["accounting"] is not None:
            merger.add_accounting(r["accounting"])
        else:
            merger.add_count(r["month"], int(r["active_users"]))
    summary: Dict[str, Any] = _json.loads(merger.summary())
    spark = df.sparkSession
    summary["method"] = (f"egov-native: egov's counter on Apache Spark {spark.version} "
                         f"(mapInArrow, {shards} shards merged by egov)")
    return summary
