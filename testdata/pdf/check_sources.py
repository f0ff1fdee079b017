#!/usr/bin/env python3
"""Check that the PDFs in this folder are exactly the ones SOURCES.md describes.

For every row of SOURCES.md whose first cell is a `*.pdf` file name and which carries a
64-digit SHA-256, the file must exist here, hash to that value and have the size given in
the same row. Every *.pdf in this folder must be listed. Standard library only.

Usage: python3 check_sources.py [FOLDER]   (default: the folder of this script)
Exit status: 0 if the corpus is intact, 1 otherwise.
"""

import hashlib
import re
import sys
from pathlib import Path

ROW = re.compile(r"^\|\s*`(?P<name>[^`/]+\.pdf)`\s*\|(?P<rest>.*)$")
SHA = re.compile(r"`([0-9a-f]{64})`")
SIZE = re.compile(r"^\s*(\d+)\s*$")


def expected(sources: Path) -> dict:
    """Map file name -> (sha256, size or None) from the rows of SOURCES.md that carry a hash."""
    out = {}
    for line in sources.read_text(encoding="utf-8").splitlines():
        m = ROW.match(line)
        if not m:
            continue
        sha = SHA.search(m.group("rest"))
        if not sha:
            continue
        cells = m.group("rest").split("|")
        size = next((int(s.group(1)) for c in cells if (s := SIZE.match(c))), None)
        name = m.group("name")
        if name in out and out[name][0] != sha.group(1):
            raise SystemExit(f"SOURCES.md gives two different hashes for {name}")
        out[name] = (sha.group(1), size)
    return out


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    table = expected(folder / "SOURCES.md")
    if not table:
        print("SOURCES.md lists no file with a SHA-256")
        return 1
    passed = failed = 0
    for name, (sha, size) in sorted(table.items()):
        path = folder / name
        if not path.is_file():
            print(f"FAIL {name}: missing")
            failed += 1
            continue
        data = path.read_bytes()
        got = hashlib.sha256(data).hexdigest()
        if got != sha:
            print(f"FAIL {name}: sha256 {got}, SOURCES.md says {sha}")
            failed += 1
        elif size is not None and len(data) != size:
            print(f"FAIL {name}: {len(data)} bytes, SOURCES.md says {size}")
            failed += 1
        else:
            print(f"ok   {name} ({len(data)} bytes)")
            passed += 1
    for path in sorted(folder.glob("*.pdf")):
        if path.name not in table:
            print(f"FAIL {path.name}: not listed in SOURCES.md")
            failed += 1
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
