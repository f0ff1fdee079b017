"""`--json` answers of the commands in egov-cli/src/schema_types/checklist.rs, and the checklist
inputs (service facts, indicators, a checklist file, KPI targets)."""

from __future__ import annotations

from pathlib import Path

from schema_cases import ROOT, Case, Ctx

OWN = """\
id = "own-list"
version = "2026-03-02"
title_vi = "Danh mục riêng"
title_en = "Own list"
status = "draft"
includes = ["nd137-d14-experts"]

[[item]]
id = "own_1"
rule = "OTH-43"
basis = { instrument = "nd137_2024", article = 14, clause = 1 }
quote_vi = "Hoạt động tư vấn xây dựng cơ sở dữ liệu"
title_vi = "Nghĩa vụ riêng"
title_en = "Own duty"
evidence = { kind = "attestation" }
"""


def _own(ctx: Ctx) -> Path:
    p = ctx.tmp / "own-list.toml"
    p.write_text(OWN, encoding="utf-8")
    return p


def inputs(ctx: Ctx) -> list[tuple[str, Path]]:
    lists = sorted((ROOT / "egov-checklist" / "checklists").glob("*.toml"))
    return [
        ("service-facts", ctx.testdata / "checklists" / "service-facts-example.json"),
        ("indicators", ctx.testdata / "checklists" / "indicators-example.json"),
        ("kpi-targets", ROOT / "egov-checklist" / "kpi" / "qd942.toml"),
        ("checklist", _own(ctx)),
        *[("checklist", p) for p in lists],
    ]


def cases(ctx: Ctx) -> list[Case]:
    own = str(_own(ctx))
    bad = ctx.tmp / "bad-list.toml"
    bad.write_text('id = "x"\nno_such_key = 1\n', encoding="utf-8")
    return [
        ("checklist-list", ["checklist", "list"], {0}),
        ("checklist-list", ["checklist", "list", "--file", own], {0}),
        ("checklist-show", ["checklist", "show", "nd137-agency-system"], {0}),
        ("checklist-show", ["checklist", "show", "qd942-kpi"], {0}),
        ("checklist-show", ["checklist", "show", "own-list", "--file", own], {0}),
        ("error", ["checklist", "show", "no-such-checklist"], {1}),
        ("error", ["checklist", "list", "--file", str(bad)], {1, 2}),
        ("error", ["checklist", "list", "--file", str(ctx.tmp / "missing.toml")], {2}),
    ]
