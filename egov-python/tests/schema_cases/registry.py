"""`--json` answers of the commands in egov-cli/src/schema_types/registry.rs (registry import,
registry check), and the registry `import --out` writes checked against `input/registry`."""

from __future__ import annotations

from pathlib import Path

from schema_cases import Case, Ctx, egov


def inputs(ctx: Ctx) -> list[tuple[str, Path]]:
    out = ctx.tmp / "imported-registry.json"
    r = egov("registry", "import", str(ctx.testdata / "registry" / "catalogue-semicolon.csv"),
             "--out", str(out))
    assert r.returncode in (0, 1) and out.is_file(), r.stderr
    return [("registry", out)]


def cases(ctx: Ctx) -> list[Case]:
    tmp, testdata = ctx.tmp, ctx.testdata
    xlsx = str(testdata / "registry" / "catalogue-province.xlsx")
    csv = str(testdata / "registry" / "catalogue-semicolon.csv")
    reg_json, reg_csv = tmp / "registry.json", tmp / "registry.csv"
    two_codes = tmp / "two-codes.csv"
    two_codes.write_text("code,name_vi\n000.01.31.H29,Sở Tư pháp\n000.02.31.H29,Sở Tư Pháp\n",
                         encoding="utf-8")
    latin = tmp / "latin.csv"
    latin.write_bytes("Mã định danh;Tên cơ quan\n".encode("cp1258", errors="replace"))
    bad_json = tmp / "bad-registry.json"
    bad_json.write_text('{"entries": [{"code": "not-a-code"}]}', encoding="utf-8")
    return [
        # import: a spreadsheet with a rejected row (exit 1), a CSV with --source, both written.
        ("registry-import", ["registry", "import", xlsx, "--out", str(reg_json)], {1}),
        ("registry-import", ["registry", "import", csv, "--source", "Danh mục tỉnh (minh họa)",
                             "--out", str(reg_csv)], {0, 1}),
        ("registry-import", ["registry", "import", csv], {0, 1}),
        # check: the registries just written, the template (TOML), two codes for one body.
        ("registry-check", ["registry", "check", str(reg_json), "--as-of", "30/06/2025"], {0}),
        ("registry-check", ["registry", "check", str(reg_csv), "--as-of", "2025-07-01"], {0}),
        ("registry-check", ["registry", "check", str(ctx.templates["registry"]),
                            "--as-of", "2026-01-01"], {0}),
        ("registry-check", ["registry", "check", str(two_codes), "--as-of", "2026-01-01"], {0}),
        # Errors: missing file, not UTF-8, no such sheet, a registry that is not one, a bad date.
        ("error", ["registry", "import", str(tmp / "missing.csv")], {2}),
        ("error", ["registry", "import", str(latin)], {1}),
        ("error", ["registry", "import", xlsx, "--sheet", "Sheet9"], {1}),
        ("error", ["registry", "check", str(bad_json)], {1}),
        ("error", ["registry", "check", str(two_codes), "--as-of", "31/02/2026"], {1, 2}),
        ("error", ["registry", "check", str(tmp / "missing.json")], {2}),
    ]
