"""The README's Python example runs as written and prints what its comments say."""

from __future__ import annotations

import contextlib
import io
import pathlib
import re

README = pathlib.Path(__file__).resolve().parents[2] / "README.md"


def _python_example() -> str:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Use it from Python"):]
    return re.findall(r"```python\n(.*?)```", section, re.S)[0]


def _expected_output(code: str) -> list[str]:
    """What each print(...) should show: the comment on the line that closes the call, or the
    comment line right after it."""
    lines = code.splitlines()
    out = []
    for i, line in enumerate(lines):
        if not line.lstrip().startswith("print("):
            continue
        depth, j = 0, i
        while True:
            depth += lines[j].split("#", 1)[0].count("(") - lines[j].split("#", 1)[0].count(")")
            if depth <= 0:
                break
            j += 1
        comment = lines[j] if "#" in lines[j] else lines[j + 1]
        out.append(comment.split("#", 1)[1].strip())
    return out


def test_readme_python_example_prints_its_comments():
    code = _python_example()
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(compile(code, "README.md", "exec"), {})
    printed = [l.strip() for l in buf.getvalue().splitlines()]
    assert printed == _expected_output(code)


def test_python_tour_runs_and_shows_each_domain():
    import subprocess
    import sys
    tour = README.parent / "egov-python" / "examples" / "tour.py"
    out = subprocess.run([sys.executable, str(tour)], capture_output=True, text=True, check=True,
                         timeout=120).stdout
    for line in ("parent 000.00.00.G12", "send by 23/02/2026 12:00", "verified offline: True",
                 "tampered content: False", "[('2025-01', 1), ('2025-02', 1)]",
                 "large → large_intermediary_platform", "due 2025-10-23 (PLAT-09)",
                 "  c) pass", "meets the criteria: False",
                 "received package: fail, 5 failing of 21",
                 "rebuilt and signed (ecdsa_p256_sha256): valid True",
                 "changed after signing: dsig.digest_mismatch"):
        assert line in out, line
