"""The `--json` answers `test_schemas.py` checks against their output schemas, one module per
domain (as egov-cli/src/schema_types/<domain>.rs): each module has `cases(ctx) -> list[Case]`,
run in order of module name, and may have `inputs(ctx) -> list[tuple[str, Path]]`: (input
schema name, an example file the command accepts, JSON or TOML by its suffix), each validated
against its schema. A case is (output schema name, the arguments after `egov --json`,
the exit codes allowed)."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
EGOV = os.environ.get("EGOV_CLI", str(ROOT / "target" / "debug" / "egov"))

Case = tuple[str, list[str], set[int]]


@dataclass
class Ctx:
    """What a domain's cases may use."""

    tmp: Path
    """A fresh directory for the files a case writes."""
    templates: dict[str, Path]
    """`egov template KIND -o FILE` for every input kind, written into `tmp`."""
    testdata: Path
    """The repository's testdata/."""


def egov(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Runs the built `egov` binary."""
    assert Path(EGOV).is_file(), f"build the egov binary first ({EGOV})"
    return subprocess.run([EGOV, *args], capture_output=True, text=True, cwd=cwd, check=False)
