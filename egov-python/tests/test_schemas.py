"""The committed JSON Schemas (schemas/) checked by an independent implementation, the Python
`jsonschema` package (issue 17): every schema is a valid draft 2020-12 schema, every template
`egov template KIND` writes validates against its input schema, and the real `--json` answers of
the built `egov` binary (success and error cases, on the repository's testdata and the templates)
validate against their output schemas.

The binary is `$EGOV_CLI`, default `target/debug/egov` (scripts/test.sh builds it in its cargo
test phase, before this one).
"""

from __future__ import annotations

import json
import os
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schemas"
EGOV = os.environ.get("EGOV_CLI", str(ROOT / "target" / "debug" / "egov"))
TESTDATA = ROOT / "testdata"

TEMPLATES = [
    "metadata",
    "calendar",
    "trust-request",
    "platform-history",
    "edxml-build",
    "kpi-observations",
    "registry",
    "checklist-evidence",
]


def schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(schema(name), format_checker=Draft202012Validator.FORMAT_CHECKER)


def egov(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    assert Path(EGOV).is_file(), f"build the egov binary first ({EGOV})"
    return subprocess.run([EGOV, *args], capture_output=True, text=True, cwd=cwd, check=False)


def all_schema_files() -> list[Path]:
    return sorted(SCHEMAS.glob("*/*.schema.json"))


def test_there_are_schemas_for_inputs_and_outputs() -> None:
    names = {p.parent.name + "/" + p.name for p in all_schema_files()}
    assert "input/metadata.schema.json" in names
    assert "output/error.schema.json" in names
    assert len(names) >= 20


@pytest.mark.parametrize("path", all_schema_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_each_schema_is_valid_draft_2020_12(path: Path) -> None:
    s = json.loads(path.read_text(encoding="utf-8"))
    assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert s["$id"].endswith(f"/schemas/{path.parent.name}/{path.name}")
    Draft202012Validator.check_schema(s)


def test_the_readme_lists_every_schema() -> None:
    readme = (SCHEMAS / "README.md").read_text(encoding="utf-8")
    for p in all_schema_files():
        assert f"]({p.parent.name}/{p.name})" in readme


def template(kind: str, tmp: Path) -> Path:
    out = tmp / f"{kind}.toml"
    r = egov("template", kind, "-o", str(out))
    assert r.returncode == 0, r.stderr
    return out


@pytest.mark.parametrize("kind", TEMPLATES)
def test_templates_validate_against_their_input_schema(kind: str, tmp_path: Path) -> None:
    data = tomllib.loads(template(kind, tmp_path).read_text(encoding="utf-8"))
    errors = list(validator(f"input/{kind}").iter_errors(data))
    if kind == "checklist-evidence":
        # Documented: the evidence template's dates are placeholders to fill in (YYYY-MM-DD),
        # and `egov checklist run` refuses it until they are.
        assert errors and all("date" in e.message for e in errors), errors
    else:
        assert errors == [], [e.message for e in errors]


def test_wrong_input_fails_its_schema() -> None:
    v = validator("input/metadata")
    assert not v.is_valid({"agency_code": "000.00.00.G22", "no_such_point": 1})
    assert not v.is_valid({"receivers": "000.00.00.H41"})
    v = validator("input/platform-history")
    assert not v.is_valid({"months": [{"month": "2025/01", "active_users": 1}]})


def answer(r: subprocess.CompletedProcess[str]) -> Any:
    assert r.stdout.strip(), r.stderr
    return json.loads(r.stdout)


def check_output(name: str, r: subprocess.CompletedProcess[str], exit_codes: set[int]) -> Any:
    assert r.returncode in exit_codes, (r.returncode, r.stdout, r.stderr)
    v = answer(r)
    errors = list(validator(f"output/{name}").iter_errors(v))
    assert errors == [], [f"{list(e.absolute_path)}: {e.message}" for e in errors]
    return v


def test_outputs_of_the_commands_validate(tmp_path: Path) -> None:
    t = {k: template(k, tmp_path) for k in TEMPLATES}
    reg = str(t["registry"])
    cases: list[tuple[str, list[str], set[int]]] = [
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
            ["checklist", "kpi", str(TESTDATA / "checklists" / "kpi-observations-example.json")],
            {0, 1},
        ),
        (
            "checklist-indicators",
            ["checklist", "indicators", str(TESTDATA / "checklists" / "indicators-example.json")],
            {0, 1},
        ),
        (
            "checklist-service-level",
            ["checklist", "service-level",
             str(TESTDATA / "checklists" / "service-facts-example.json")],
            {0},
        ),
        ("checklist-template", ["checklist", "template", "nd137-agency-system"], {0}),
        (
            "checklist-run",
            ["checklist", "run", "nd137-agency-system", "--evidence",
             str(TESTDATA / "checklists" / "provincial-document-system.toml")],
            {1},
        ),
        (
            "checklist-run",
            ["checklist", "run", "nd137-qd28-document-management", "--evidence",
             str(TESTDATA / "checklists" / "provincial-document-management.toml")],
            {0, 1},
        ),
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
    seen = set()
    for name, args, codes in cases:
        check_output(name, egov("--json", *args), codes)
        seen.add(name)
    # Every output schema but none is exercised here.
    outputs = {p.name.removesuffix(".schema.json") for p in (SCHEMAS / "output").glob("*.json")}
    assert outputs - seen == set()


def test_metadata_template_fails_validation_when_a_point_is_wrong(tmp_path: Path) -> None:
    data = tomllib.loads(template("metadata", tmp_path).read_text(encoding="utf-8"))
    data["history"] = {"at": "2018-09-20T14:05:00+07:00"}
    assert not validator("input/metadata").is_valid(data)
