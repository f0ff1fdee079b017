"""PLAT-01 (NĐ 137/2024 Đ17.1) from Arrow data: pyarrow batches counted without JSON, and the
engine-exact SQL run by an independent engine (DuckDB) giving the same monthly counts.

The expected counts are computed here independently, with Python's ``zoneinfo`` for the
Vietnam-time month (Asia/Ho_Chi_Minh), not with egov."""

from __future__ import annotations

import collections
import datetime as dt
import json
import random
import zoneinfo
from typing import Any, Dict, List, Tuple

import duckdb
import pyarrow as pa
import pytest

import egov

VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
# 2025-01-01 00:00 in Vietnam (2024-12-31T17:00:00Z): events straddle the month boundary.
NEW_YEAR_VN = 1735664400
COUNTED_KINDS = {"login", "service", "access"}


def _events(n: int, seed: int) -> Dict[str, List[Any]]:
    rnd = random.Random(seed)
    users: List[Any] = []
    times: List[Any] = []
    kinds: List[Any] = []
    flags: List[Any] = []
    for i in range(n):
        users.append(rnd.randrange(2000))
        # Within a day of the boundary for a third of the events.
        span = 86400 if i % 3 == 0 else 86400 * 45
        times.append(NEW_YEAR_VN + rnd.randrange(-span, span))
        kinds.append(rnd.choice(["login", "service", "access", "view"]))
        flags.append(rnd.random() < 0.9)
    # Bad rows: no user, no timestamp, no in-Vietnam flag.
    users[5], times[6], flags[7] = None, None, None
    kinds[5] = kinds[6] = kinds[7] = "login"
    return {"user_id": users, "timestamp": times, "kind": kinds, "in_vietnam": flags}


def _expected(ev: Dict[str, List[Any]]) -> Tuple[Dict[str, int], Dict[str, int]]:
    users: Dict[str, set[Any]] = collections.defaultdict(set)
    events: Dict[str, int] = collections.Counter()
    for u, t, k, f in zip(ev["user_id"], ev["timestamp"], ev["kind"], ev["in_vietnam"]):
        if u is None or t is None or k not in COUNTED_KINDS or f is not True:
            continue
        month = dt.datetime.fromtimestamp(t, VN).strftime("%Y-%m")
        users[month].add(u)
        events[month] += 1
    return {m: len(s) for m, s in users.items()}, dict(events)


def _months(summary: Dict[str, Any]) -> Dict[str, int]:
    return {m["month"]: m["active_users"] for m in summary["months"]}


def test_plat_01_arrow_batches_count_as_an_independent_zoneinfo_count() -> None:
    ev = _events(30_000, 1)
    table = pa.table({"user_id": pa.array(ev["user_id"], pa.int64()),
                      "timestamp": pa.array(ev["timestamp"], pa.int64()),
                      "kind": ev["kind"], "in_vietnam": pa.array(ev["in_vietnam"], pa.bool_())})
    users, events = _expected(ev)
    s = egov.count_active_users_arrow(table, columns={"timestamp_unit": "seconds"})
    assert _months(s) == users
    assert {m["month"]: m["events"] for m in s["months"]} == events
    lines = s["lines"]
    assert lines["lines"] == 30_000
    reasons = lines["malformed_by_reason"]
    assert reasons["empty_user"] == 1 and reasons["bad_timestamp"] == 1
    assert reasons["bad_in_vietnam"] == 1
    # Every row is accounted for: counted, outside Vietnam, or malformed by reason.
    counted = sum(events.values())
    assert counted + s["events"]["outside_vietnam"] + lines["malformed"] == 30_000
    # Batch by batch (a stream) gives the same answer.
    counter = egov.ArrowCounter(columns={"timestamp_unit": "seconds"})
    counter.add(table.to_batches(max_chunksize=4096))
    assert counter.summary()["months"] == s["months"]


def test_plat_01_arrow_timestamps_with_zone_and_string_ids_keyed_under_a_salt() -> None:
    ev = _events(5_000, 2)
    ids = [None if u is None else f"+8490{u:07d}" for u in ev["user_id"]]
    millis = [None if t is None else t * 1000 for t in ev["timestamp"]]
    table = pa.table({"uid": pa.array(ids, pa.string()),
                      "at": pa.array(millis, pa.timestamp("ms", tz="UTC")),
                      "kind": ev["kind"], "in_vietnam": pa.array(ev["in_vietnam"], pa.bool_())})
    users, _ = _expected(ev)
    columns = {"user": "uid", "timestamp": "at"}
    plain = egov.count_active_users_arrow(table, columns=columns)
    assert _months(plain) == users
    salt = "00112233445566778899aabbccddeeff"
    salted = egov.count_active_users_arrow(table, columns=columns, id_salt=salt)
    assert _months(salted) == users
    assert "SipHash" in salted["id_hash"] and "SipHash" not in plain["id_hash"]
    # A partial of salted keys names its salt (not the salt itself).
    counter = egov.ArrowCounter(columns=columns, id_salt=salt)
    counter.add(table)
    partial = json.dumps(counter.partial(shards=4))
    assert salt not in partial


def test_plat_01_a_batch_without_the_named_columns_is_refused_and_nothing_counted() -> None:
    counter = egov.ArrowCounter()
    with pytest.raises(egov.EgovError) as e:
        counter.add(pa.record_batch({"who": pa.array([1], pa.int64())}))
    assert e.value.code == "arrow.column"
    with pytest.raises(egov.EgovError) as e2:
        egov.ArrowCounter(id_salt="not hex")
    assert e2.value.code == "platform.id_salt"


@pytest.mark.parametrize("time_kind", ["seconds", "timestamp"])
def test_plat_01_engine_sql_run_by_duckdb_equals_egov_and_zoneinfo(time_kind: str) -> None:
    ev = _events(20_000, 3)
    if time_kind == "seconds":
        ts = pa.array(ev["timestamp"], pa.int64())
    else:
        ts = pa.array([None if t is None else t * 1_000_000 for t in ev["timestamp"]],
                      pa.timestamp("us", tz="UTC"))
    events = pa.table({"user_id": pa.array(ev["user_id"], pa.int64()), "timestamp": ts,
                       "kind": ev["kind"], "in_vietnam": pa.array(ev["in_vietnam"], pa.bool_())})
    sql = egov.engine_sql("duckdb", table="events", time=time_kind)
    con = duckdb.connect()
    con.register("events", events)
    months = [{"month": m, "active_users": u, "events": n}
              for m, u, n in con.execute(sql["monthly"]).fetchall()]
    outcomes = dict(con.execute(sql["outcomes"]).fetchall())
    s = egov.summary_from_engine(months, outcomes, method=f"DuckDB {duckdb.__version__}")
    users, _ = _expected(ev)
    assert _months(s) == users
    native = egov.count_active_users_arrow(
        events, columns={"timestamp_unit": "seconds"} if time_kind == "seconds" else None)
    assert s["months"] == native["months"]
    assert s["lines"]["malformed_by_reason"] == native["lines"]["malformed_by_reason"]
    assert s["events"]["outside_vietnam"] == native["events"]["outside_vietnam"]
    assert s["method"].startswith("DuckDB")
    # The combined query (one scan) gives the same summary.
    one_scan = egov.summary_from_engine_rows(con.execute(sql["combined"]).fetchall())
    assert one_scan["months"] == s["months"]
    assert one_scan["lines"] == s["lines"] and one_scan["events"] == s["events"]


def test_plat_01_engine_results_that_do_not_add_up_are_refused() -> None:
    with pytest.raises(egov.EgovError) as e:
        egov.summary_from_engine([{"month": "2025-01", "active_users": 5, "events": 9}],
                                 {"counted": 10})
    assert e.value.code == "platform.engine_result"
    with pytest.raises(egov.EgovError) as e2:
        egov.engine_sql("oracle")
    assert e2.value.code == "platform.dialect"
