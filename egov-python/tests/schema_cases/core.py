"""`--json` answers of the commands in egov-cli/src/schema.rs's own list (code, docnum, docid,
metadata, workday, deadline, checklist kpi|indicators|service-level|template|run, config,
batch, schema, template) and the error answer."""

from __future__ import annotations

from schema_cases import Case, Ctx


def cases(ctx: Ctx) -> list[Case]:
    tmp_path, t, testdata = ctx.tmp, ctx.templates, ctx.testdata
    reg = str(t["registry"])
    codes = tmp_path / "codes.txt"
    codes.write_text("000.00.18.G12\nnot-a-code\n", encoding="utf-8")
    (t["registry"].parent / "egov.toml").write_text(
        f'lang = "en"\nregistry = "{t["registry"].name}"\n', encoding="utf-8"
    )
    cases: list[Case] = [
        ("code", ["code", "000.00.18.G12"], {0}),
        ("code", ["code", "000.00.00.G22", "--registry", reg, "--as-of", "2026-01-01"], {0}),
        ("code", ["code", "000.00.00.H41", "--registry", reg, "--as-of", "2026-01-01"], {0, 1}),
        ("code", ["code", "000.00.00.X99", "--registry", reg, "--as-of", "2026-01-01"], {1}),
        ("docnum", ["docnum", "28/2018/QĐ-TTg"], {0}),
        ("docid", ["docid", "000.00.00.G22,2018/09/20,7816/VPCP-TTĐT"], {0}),
        ("metadata", ["metadata", str(t["metadata"])], {0}),
        ("workday", ["workday", "2026-02-17"], {0}),
        ("workday", ["workday", "2026-02-17", "--calendar", str(t["calendar"])], {0}),
        ("deadline", ["deadline", "--signed", "2026-02-13T15:00:00+07:00"], {0}),
        (
            "deadline",
            ["deadline", "--signed", "2026-02-13T15:00:00+07:00", "--urgency", "hỏa tốc",
             "--sent", "2026-02-20T15:00:00+07:00"],
            {1},
        ),
        ("checklist-kpi", ["checklist", "kpi", str(t["kpi-observations"])], {0, 1}),
        (
            "checklist-kpi",
            ["checklist", "kpi", str(testdata / "checklists" / "kpi-observations-example.json")],
            {0, 1},
        ),
        (
            "checklist-indicators",
            ["checklist", "indicators", str(testdata / "checklists" / "indicators-example.json")],
            {0, 1},
        ),
        (
            "checklist-service-level",
            ["checklist", "service-level",
             str(testdata / "checklists" / "service-facts-example.json")],
            {0},
        ),
        ("checklist-template", ["checklist", "template", "nd137-agency-system"], {0}),
        (
            "checklist-run",
            ["checklist", "run", "nd137-agency-system", "--evidence",
             str(testdata / "checklists" / "provincial-document-system.toml")],
            {1},
        ),
        (
            "checklist-run",
            ["checklist", "run", "nd137-qd28-document-management", "--evidence",
             str(testdata / "checklists" / "provincial-document-management.toml")],
            {0, 1},
        ),
        ("config", ["config"], {0}),
        ("config", ["--config", str(t["registry"].parent / "egov.toml"), "config"], {0}),
        ("batch", ["batch", "code", "@" + str(codes)], {1}),
        ("batch", ["batch", "edxml", "check", str(testdata / "edxml")], {2}),
        ("schema-list", ["schema"], {0}),
        ("template-list", ["template"], {0}),
        ("written", ["template", "calendar", "-o", str(tmp_path / "again.toml")], {0}),
        ("written", ["schema", "--all", str(tmp_path / "schemas")], {0}),
        # Error answers: unreadable, malformed and misspelt inputs, usage.
        ("error", ["metadata", str(tmp_path / "missing.json")], {2}),
        ("error", ["workday", "2026-02-31"], {1}),
        ("error", ["code", "not-a-code"], {1}),
        ("error", ["template", "calendar", "-o", str(t["calendar"])], {2}),
        ("error", ["template", "no-such-kind"], {2}),
        ("error", ["schema", "no-such-schema"], {2}),
    ]
    bad = tmp_path / "bad.toml"
    bad.write_text('agency_code = "000.00.00.G22"\nno_such_point = 1\n', encoding="utf-8")
    cases.append(("error", ["metadata", str(bad)], {1}))
    cases.append(("error", ["checklist", "run", "nd137-agency-system", "--evidence",
                            str(t["checklist-evidence"])], {1}))
    return cases
