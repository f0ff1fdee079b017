#!/usr/bin/env python3
"""Every in-force rule has a test named after it (issue #16).

    scripts/rule-coverage.py [--list] [--requirements FILE] [--root DIR]

Reads the rule digest (default: testdata/spec/REQUIREMENTS.md, a copy of the project's digest)
and classifies each rule ID (CORE-, DOC-, CONV-, PLAT-, TRUST-, OTH-, DOM-) by force:

  1. the rule's own tag at the start of its entry: [IN FORCE …], [DRAFT …], [POLICY …], or
     "(adjacent, POLICY/DRAFT)" and similar (an "adjacent" rule without such a tag is judged by
     its citations);
  2. else the tag of its sub-section heading ("### 2.7 … [DRAFT 003 — optional profile]");
  3. else its section's default ("All from **004 [IN FORCE]** unless tagged otherwise.");
  4. else its citations: a rule citing seed 001 or 004 (the enacted instruments) is in force,
     one citing only 000/003 is a draft, only 002 policy; a rule citing no seed (a design
     recommendation) has no force.

Then it collects the names of the tests in the repository — Rust functions marked #[test]
(proptest's too), Python functions named test_* — and requires, for every IN FORCE rule, a test
whose name contains the lower-case ID with "_" as a whole word (`oth_40` in
`oth_40_indicator_needs_one_of_five_criteria`, not in `oth_400`). Prints the count and each rule
left without a test; exits 1 if any is. `--list` prints every rule with its force and tests.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter
from pathlib import Path

TAG = re.compile(r"\[(IN FORCE|DRAFT|POLICY)[^\]]*\]")
RULE = re.compile(r"^\* \*\*((?:CORE|DOC|CONV|PLAT|TRUST|OTH|DOM)-\d+)\*\*(.*)")
CITE = re.compile(r"`(00[0-4])[ `]")
RUST_TEST = re.compile(r"#\[test\]\s*(?:#\[[^\]]*\]\s*)*(?:async\s+)?fn\s+(\w+)")
PY_TEST = re.compile(r"^\s*(?:async\s+)?def\s+(test_\w+)", re.M)
SKIP_DIRS = {"target", ".git", "node_modules", "__pycache__", ".venv", "venv"}


def force_tag(text: str) -> str | None:
    m = TAG.search(text)
    return m.group(1) if m else None


def rules(path: Path) -> list[tuple[str, str]]:
    """(rule id, force) for every rule of sections 1–6, in file order."""
    section = sub = None
    entries: list[dict[str, str | None]] = []
    current: dict[str, str | None] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            if re.match(r"## [7-9]\.", line):
                break  # §7 ambiguities, §8 outside knowledge, §9 fixtures: no rules
            section, sub, current = force_tag(line), None, None
            continue
        if line.startswith("### "):
            sub, current = force_tag(line), None
            continue
        if line.startswith("All ") or line.startswith("Core source"):
            section = force_tag(line)
            continue
        m = RULE.match(line)
        if m:
            current = {"id": m.group(1), "head": m.group(2), "body": line, "sub": sub, "section": section}
            entries.append(current)
        elif current is not None and line.startswith("  "):
            current["body"] = f"{current['body']}\n{line}"
        elif not line.strip():
            current = None
    out = []
    for e in entries:
        head = str(e["head"])
        own = force_tag(head[:60])
        if "(adjacent" in head[:40]:
            own = "POLICY" if "POLICY" in head[:70] else ("DRAFT" if "DRAFT" in head[:70] else None)
        force = own or e["sub"] or e["section"]
        if not force:
            cites = set(CITE.findall(str(e["body"])))
            if cites & {"001", "004"}:
                force = "IN FORCE"
            elif cites & {"000", "003"}:
                force = "DRAFT"
            elif "002" in cites:
                force = "POLICY"
            else:
                force = "NONE"
        out.append((str(e["id"]), force))
    return out


def test_names(root: Path) -> set[str]:
    names: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
        for name in filenames:
            if name.endswith(".rs"):
                pattern = RUST_TEST
            elif name.endswith(".py"):
                pattern = PY_TEST
            else:
                continue
            text = (Path(dirpath) / name).read_text(encoding="utf-8", errors="replace")
            names.update(pattern.findall(text))
    return names


def main() -> int:
    root = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--requirements", type=Path, default=root / "testdata/spec/REQUIREMENTS.md")
    ap.add_argument("--root", type=Path, default=root)
    ap.add_argument("--list", action="store_true", help="print every rule, its force and its tests")
    args = ap.parse_args()

    all_rules = rules(args.requirements)
    if not all_rules:
        print(f"rule-coverage: no rule found in {args.requirements}", file=sys.stderr)
        return 2
    names = test_names(args.root)
    missing = []
    for rule, force in all_rules:
        key = re.compile(r"(^|_)" + rule.lower().replace("-", "_") + r"(_|$)")
        tests = sorted(n for n in names if key.search(n))
        if args.list:
            print(f"{rule:9} {force:8} {len(tests):3}  {' '.join(tests[:3])}")
        if force == "IN FORCE" and not tests:
            missing.append(rule)
    counts = Counter(force for _, force in all_rules)
    in_force = counts["IN FORCE"]
    print(
        f"rules: {in_force - len(missing)} of {in_force} in-force rules have a test named after them "
        f"({len(all_rules)} rules: {counts['IN FORCE']} in force, {counts['DRAFT']} draft, "
        f"{counts['POLICY']} policy, {counts['NONE']} design only; {len(names)} tests read)"
    )
    if missing:
        print("rules without a test named after them: " + " ".join(missing))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
