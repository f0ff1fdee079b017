"""The committed JSON Schemas (schemas/) checked by an independent implementation, the Python
`jsonschema` package (issue 17): every schema is a valid draft 2020-12 schema, every template
`egov template KIND` writes validates against its input schema, and the real `--json` answers of
the built `egov` binary (success and error cases, on the repository's testdata and the templates)
validate against their output schemas.

The binary is `$EGOV_CLI`, default `target/debug/egov` (scripts/test.sh builds it in its cargo
test phase, before this one).
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

import schema_cases
from schema_cases import egov

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schemas"
TESTDATA = ROOT / "testdata"

TEMPLATES = [
    "metadata",
    "calendar",
    "trust-request",
    "platform-history",
    "edxml-build",
    "kpi-observations",
    "registry",
    "config",
    "checklist-evidence",
]


def schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(schema(name), format_checker=Draft202012Validator.FORMAT_CHECKER)


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
    # The evidence template's placeholders (dates "YYYY-MM-DD", empty texts) are valid input
    # too: `egov checklist run` reads them as not given.
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


DOMAINS = sorted(m.name for m in pkgutil.iter_modules(schema_cases.__path__))


@pytest.mark.parametrize("domain", DOMAINS)
def test_outputs_of_the_commands_validate(domain: str, tmp_path: Path) -> None:
    t = {k: template(k, tmp_path) for k in TEMPLATES}
    ctx = schema_cases.Ctx(tmp=tmp_path, templates=t, testdata=TESTDATA)
    module = importlib.import_module(f"schema_cases.{domain}")
    for name, args, codes in module.cases(ctx):
        check_output(name, egov("--json", *args), codes)


@pytest.mark.parametrize("domain", DOMAINS)
def test_example_inputs_validate(domain: str, tmp_path: Path) -> None:
    """A domain's `inputs(ctx)`: (input schema name, an example file the command accepts)."""
    t = {k: template(k, tmp_path) for k in TEMPLATES}
    ctx = schema_cases.Ctx(tmp=tmp_path, templates=t, testdata=TESTDATA)
    module = importlib.import_module(f"schema_cases.{domain}")
    for name, path in getattr(module, "inputs", lambda _: [])(ctx):
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text) if path.suffix == ".toml" else json.loads(text)
        errors = list(validator(f"input/{name}").iter_errors(data))
        assert errors == [], (str(path), [f"{list(e.absolute_path)}: {e.message}" for e in errors])


def test_every_output_schema_is_exercised(tmp_path: Path) -> None:
    t = {k: template(k, tmp_path) for k in TEMPLATES}
    ctx = schema_cases.Ctx(tmp=tmp_path, templates=t, testdata=TESTDATA)
    seen = {
        name
        for domain in DOMAINS
        for name, _, _ in importlib.import_module(f"schema_cases.{domain}").cases(ctx)
    }
    outputs = {p.name.removesuffix(".schema.json") for p in (SCHEMAS / "output").glob("*.json")}
    assert outputs - seen == set()


def test_metadata_template_fails_validation_when_a_point_is_wrong(tmp_path: Path) -> None:
    data = tomllib.loads(template("metadata", tmp_path).read_text(encoding="utf-8"))
    data["history"] = {"at": "2018-09-20T14:05:00+07:00"}
    assert not validator("input/metadata").is_valid(data)
