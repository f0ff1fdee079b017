"""`--json` answers of the commands in egov-cli/src/schema_types/platform.rs (platform count,
merge, classify, report) and the platform evidence inputs they read."""

from __future__ import annotations

import json
from pathlib import Path

from schema_cases import Case, Ctx

# Twelve months at 3 % of a population of 100 000 000: a large platform (PLAT-03).
MONTHS = ",".join(f"2025-{m:02}=3000000" for m in range(1, 13))
POPULATION = ["--population", "100000000", "--population-publisher", "test",
              "--population-date", "2026-01-05", "--date", "2026-01-15"]


def _write(path: Path, value: object) -> Path:
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return path


def _evidence(tmp: Path) -> dict[str, Path]:
    """Example evidence files of `platform report`, written into `tmp`."""
    return {
        "evidence": _write(tmp / "platform-evidence.json", {
            "items": {
                "d19_1_b_notify_result": {"satisfied": True, "reference": "https://cho.so/thong-bao"},
                "d19_1_a_issue_channel_agreed": {"satisfied": True, "channel": "website"},
            },
            "has_prioritised_search": False,
        }),
        "failing": _write(tmp / "platform-evidence-fail.json",
                          {"items": {"d19_1_b_notify_result": {"satisfied": False}}}),
        "owner": _write(tmp / "owner.json", {
            "owner_name": "Công ty cổ phần Chợ Số",
            "approving_authority": {"name": "Hội đồng quản trị", "approval": "investment_policy"},
        }),
        "owner-contradiction": _write(tmp / "owner-ministry.json",
                                      {"state_body": {"kind": "ministry", "name": "Bộ Tài chính"}}),
        "functions": _write(tmp / "functions.json", {
            "main_functions": ["electronic_contracting"], "classes": ["commerce", "banking"],
        }),
        "platforms": _write(tmp / "platforms.json", {
            "format": "egov-published-list/1", "kind": "platforms",
            "published_on": "2026-01-05", "source": "https://www.mic.gov.vn/",
            "entries": [{"name": "Chợ Số", "scale": "very_large"}],
        }),
    }


def _parquet_events(path: Path) -> bool:
    """A small events Parquet file (pyarrow, in the test venv); False when pyarrow is absent."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        return False
    n = 300
    table = pa.table({
        "user_id": [f"u{i % 40}" for i in range(n)],
        "timestamp": [1738339200 + i * 3600 * 24 for i in range(n)],
        "kind": ["view" if i % 10 == 0 else "login" for i in range(n)],
        "in_vietnam": [i % 7 != 0 for i in range(n)],
    })
    pq.write_table(table, path, row_group_size=100)
    return True


def inputs(ctx: Ctx) -> list[tuple[str, Path]]:
    e = _evidence(ctx.tmp)
    partial = ctx.tmp / "partial.json"
    from schema_cases import egov

    r = egov("platform", "count", str(ctx.testdata / "platform" / "events-2025.csv.gz"),
             "--partial-out", str(partial), "--shards", "4")
    assert r.returncode == 0, r.stderr
    return [
        ("platform-evidence", e["evidence"]),
        ("platform-evidence", e["failing"]),
        ("platform-owner-evidence", e["owner"]),
        ("platform-owner-evidence", e["owner-contradiction"]),
        ("platform-functions", e["functions"]),
        ("published-list", e["platforms"]),
        ("published-list", ctx.testdata / "platform" / "published-tools-example.json"),
        ("platform-partial", partial),
    ]


def cases(ctx: Ctx) -> list[Case]:
    tmp, testdata = ctx.tmp, ctx.testdata
    events = str(testdata / "platform" / "events-2025.csv.gz")
    e = _evidence(tmp)
    lines = tmp / "events-with-bad-lines.csv"
    lines.write_text(
        "user_id,timestamp,kind,in_vietnam\n1,1738344600,login,1\n2,1738344600,access,0\n"
        "3,not-a-time,login,1\n4,1738344600,view,1\n", encoding="utf-8")
    p1, p2, merged = tmp / "p1.json", tmp / "p2.json", tmp / "merged.json"
    bad_partial = _write(tmp / "bad-partial.json", {"shards": "four"})
    report = ["platform", "report", "--monthly", MONTHS, *POPULATION, "--intermediary"]
    cases: list[Case] = [
        # count: gzip CSV with a header, a plain CSV with lines not counted, a partial written.
        ("platform-count", ["platform", "count", events], {0}),
        ("platform-count", ["platform", "count", str(lines), "--threads", "1"], {0}),
        ("platform-count", ["platform", "count", events, "--partial-out", str(p1),
                            "--shards", "4"], {0}),
        ("platform-count", ["platform", "count", str(lines), "--partial-out", str(p2),
                            "--shards", "4"], {0}),
        # merge (after the counts above wrote p1 and p2).
        ("platform-merge", ["platform", "merge", str(p1), str(p2)], {0}),
        ("platform-merge", ["platform", "merge", str(p1), str(p2), "--out", str(merged)], {0}),
        # classify: monthly counts from a CSV, the template, inline; events; partials.
        ("platform-classify", ["platform", "classify", "--monthly",
                               str(testdata / "platform" / "monthly-2025.csv"),
                               "--date", "2026-01-15"], {0}),
        ("platform-classify", ["platform", "classify", "--monthly",
                               str(ctx.templates["platform-history"]), "--date", "2026-01-15"],
         {0}),
        ("platform-classify", ["platform", "classify", "--monthly", MONTHS, *POPULATION,
                               "--intermediary"], {0}),
        ("platform-classify", ["platform", "classify", "--events", events,
                               "--date", "2026-01-15"], {0}),
        ("platform-classify", ["platform", "classify", "--partials", str(p1), str(p2),
                               "--date", "2026-01-15"], {0}),
        # report: complete and compliant; a failed obligation; an owner contradiction.
        ("platform-report", [*report, "--first-classified", "2025-10-01",
                             "--evidence", str(e["evidence"]),
                             "--owner-class", "organisation",
                             "--owner-evidence", str(e["owner"]),
                             "--functions", str(e["functions"]),
                             "--source", "tool:công cụ a",
                             "--published-list",
                             str(testdata / "platform" / "published-tools-example.json"),
                             "--published-list", str(e["platforms"]),
                             "--platform-name", "Chợ Số"], {0, 1}),
        ("platform-report", [*report, "--evidence", str(e["failing"])], {1}),
        ("platform-report", [*report, "--owner-class", "organisation",
                             "--owner-evidence", str(e["owner-contradiction"])], {1}),
        ("platform-report", ["platform", "report", "--events", events,
                             "--date", "2026-01-15"], {0, 1}),
        # Errors: a missing file, a partial that is not one, bad evidence, too few months.
        ("error", ["platform", "count", str(tmp / "missing.csv")], {2}),
        ("error", ["platform", "merge", str(bad_partial)], {1}),
        ("error", ["platform", "classify", "--monthly", "2025-01=1,2025-02=2",
                   "--date", "2026-01-15"], {1}),
        ("error", [*report, "--owner-evidence", str(e["platforms"])], {1, 2}),
        ("error", [*report, "--published-list", str(bad_partial)], {1}),
    ]
    parquet = tmp / "events.parquet"
    if _parquet_events(parquet):
        cases.append(("platform-count", ["platform", "count", str(parquet)], {0}))
        cases.append(("platform-count", ["platform", "count", str(parquet), "--columns",
                                         "kind=,in_vietnam=", "--timestamp-unit", "s"], {0}))
    return cases
