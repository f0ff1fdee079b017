"""PLAT-01…05 from Python: counts that account for every line and feed the classification."""

from __future__ import annotations

import gzip
import pathlib

import pytest

import egov


def _half_view_csv(users: int) -> bytes:
    lines = []
    for m in range(1, 13):
        for u in range(users):
            lines.append(f"{u},2025-{m:02d}-10T10:00:00+07:00,login,1")
            lines.append(f"{u},2025-{m:02d}-10T10:00:00+07:00,view,1")
    return ("\n".join(lines) + "\n").encode()


def test_plat_01_lines_not_counted_are_reported_by_reason_and_kind() -> None:
    r = egov.count_active_users_csv(_half_view_csv(4))
    assert r["lines"]["malformed"] == 48
    assert r["lines"]["unrecognised_kinds"] == {"view": 48}
    assert r["findings"][0]["rule"] == "PLAT-01"
    assert r["findings"][0]["outcome"] == "warning"
    assert "(50 %)" in r["findings"][0]["message"]
    mapped = egov.count_active_users_csv(_half_view_csv(4), kinds={"view": "information_access"})
    assert mapped["lines"]["malformed"] == 0


def test_plat_01_a_csv_given_as_a_path_is_read_not_counted_as_its_name(
        tmp_path: pathlib.Path) -> None:
    csv = tmp_path / "events.csv"
    csv.write_bytes(_half_view_csv(4))
    assert egov.count_active_users_csv(csv) == egov.count_active_users_csv(_half_view_csv(4))
    with pytest.raises(TypeError, match="^content: expected bytes or a path"):
        egov.count_active_users_csv(str(csv))  # type: ignore[arg-type]
    counter = egov.ActiveUserCounter()
    with pytest.raises(TypeError, match="^block: expected bytes"):
        counter.feed_csv(csv)  # type: ignore[arg-type]


def test_plat_01_no_event_at_all_raises() -> None:
    with pytest.raises(egov.EgovError) as e:
        egov.count_active_users_csv(b"1,1738344600,view,1\n")
    assert e.value.code == "platform.no_events"


def test_plat_01_count_file_reads_gzip_with_a_header_in_any_order(tmp_path: pathlib.Path) -> None:
    text = b"in_vietnam,kind,timestamp,user_id\n1,login,1738344600,7\n1,service,1738344600,8\n"
    path = tmp_path / "events.csv.gz"
    path.write_bytes(gzip.compress(text))
    r = egov.count_active_users_file(path, threads=2)
    assert r["compression"] == "gzip"
    assert r["columns"]["named"] is True
    assert r["months"] == [{"month": "2025-02", "active_users": 2, "events": 2}]
    with pytest.raises(egov.EgovError) as e:
        egov.count_active_users_file(tmp_path / "missing.csv")
    assert e.value.code == "io.read"


def test_plat_01_every_count_output_feeds_classify_platform() -> None:
    counted = egov.count_active_users_csv(_half_view_csv(3))
    c = egov.classify_platform(counted, 100_000_000, "2026-01-15")
    assert c["source"] == {"kind": "egov_counter"}
    assert any(f["rule"] == "PLAT-01" and f["outcome"] == "warning" for f in c["findings"])
    counter = egov.ActiveUserCounter()
    counter.add_batch([{"user": 1, "at": f"2025-{m:02d}-10T10:00:00+07:00"} for m in range(1, 13)])
    # months() (with "events") and summary() both feed the classification.
    assert egov.classify_platform(counter.months(), 100, "2026-01-15")["sum"] == 12
    assert egov.classify_platform(counter.summary(), 100, "2026-01-15")["source"]["kind"] == "egov_counter"


def test_plat_02_default_population_is_chosen_by_date_and_stated() -> None:
    months = [{"month": f"2025-{m:02d}", "active_users": 3_500_000} for m in range(1, 13)]
    c = egov.classify_platform(months, None, "2026-01-15")
    assert c["population"]["value"] == 102_300_000
    assert c["defaults"] == {"population": True, "thresholds": True}
    assert c["findings"][0]["rule"] == "PLAT-02"
    assert egov.classify_platform(months, None, "2026-01-03")["population"]["value"] == 101_300_000

