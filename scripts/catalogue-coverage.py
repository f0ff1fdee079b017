#!/usr/bin/env python3
"""Every error code has a Vietnamese message in its crate's catalogue (issue #17, CORE-06).

    scripts/catalogue-coverage.py [--list] [--root DIR]

For every error type of the library crates — each `impl … ErrorCode for Type` block in
egov-*/src — collects the code strings its `fn code(&self)` returns (following a delegation to
the type's inherent `fn code`; a code delegated to a nested error, `e.code()`, is that error's
own and checked with it). Then checks, per crate:

  1. `<crate>/locales/vi.ftl` exists and has an entry for each code, its id being the code with
     "." written "-" (`agency_code.group_count` → `agency_code-group_count`);
  2. the type implements `egov_core::Localize` (`impl … Localize for Type` in the crate);
  3. every `{ $var }` named in the entry of one of the type's codes is supplied somewhere in the
     type's `fn message_args` (`args!(var = …)` or `.with("var", …)`): a textual, best-effort
     check; the crates' own tests (`core_06_every_error_code_has_a_vietnamese_message`) fill
     every message for real.

Prints each gap and exits 1 if there is any; `--list` also prints every type with its codes.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

IMPL_CODE = re.compile(r"impl\s+(?:egov_core::|crate::)?(?:error::)?ErrorCode\s+for\s+(\w+)\s*\{")
IMPL_LOCALIZE = r"impl\s+(?:egov_core::|crate::)?(?:i18n::)?Localize\s+for\s+{name}\s*\{{"
CODE = re.compile(r'(?:=>|\{)\s*"([a-z0-9_]+(?:\.[a-z0-9_]+)*)"')
FTL_ENTRY = re.compile(r"^([a-zA-Z][a-zA-Z0-9_-]*)\s*=(.*)$")
FTL_VAR = re.compile(r"\{\s*\$([a-zA-Z][a-zA-Z0-9_-]*)\s*(?:\}|->)")
ARG_MACRO_NAME = re.compile(r"\b([a-z_][a-z0-9_]*)\s*=(?![=>])")
ARG_WITH_NAME = re.compile(r'\.with\(\s*"([a-zA-Z0-9_-]+)"')


def block(text: str, open_brace: int) -> str:
    """The text of the `{ … }` block starting at `open_brace` (string literals skipped)."""
    depth, i, n = 0, open_brace, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
        elif c == "'" and i + 2 < n and (text[i + 2] == "'" or text[i + 1] == "\\"):
            i = text.index("'", i + 2)  # a char literal such as '{'
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return text[open_brace : i + 1]
        i += 1
    return text[open_brace:]


def fn_body(text: str, name: str) -> str | None:
    m = re.search(r"fn\s+" + name + r"\s*\([^)]*\)[^{]*\{", text)
    return block(text, m.end() - 1) if m else None


def inherent_code(text: str, type_name: str) -> str:
    """The body of `fn code` in `impl Type { … }` of the same file."""
    for m in re.finditer(r"impl\s+" + type_name + r"\s*\{", text):
        body = fn_body(block(text, m.end() - 1), "code")
        if body:
            return body
    return ""


def ftl_entries(path: Path) -> dict[str, set[str]]:
    """Message id → the variables its text names."""
    entries: dict[str, set[str]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        m = FTL_ENTRY.match(line)
        if m:
            current = m.group(1)
            entries[current] = set(FTL_VAR.findall(m.group(2)))
        elif current and line[:1] in (" ", "\t") and line.strip():
            entries[current] |= set(FTL_VAR.findall(line))
        elif not line.strip() or line.startswith("#"):
            current = None if line.startswith("#") else current
    return entries


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", action="store_true", help="print every error type and its codes")
    ap.add_argument("--root", default=Path(__file__).resolve().parent.parent, type=Path)
    args = ap.parse_args()
    root: Path = args.root

    gaps: list[str] = []
    n_types = n_codes = 0
    for crate in sorted(p for p in root.glob("egov-*") if (p / "src").is_dir()):
        sources = {f: f.read_text(encoding="utf-8") for f in sorted((crate / "src").rglob("*.rs"))}
        types: list[tuple[Path, str, list[str]]] = []
        for f, text in sources.items():
            for m in IMPL_CODE.finditer(text):
                name = m.group(1)
                body = block(text, m.end() - 1)
                if not CODE.search(body) and re.search(name + r"::code\(self\)|Self::code\(self\)", body):
                    body = inherent_code(text, name)
                codes = list(dict.fromkeys(CODE.findall(body)))
                types.append((f, name, codes))
        if not types:
            continue
        ftl = crate / "locales" / "vi.ftl"
        entries = ftl_entries(ftl) if ftl.is_file() else None
        if entries is None:
            gaps.append(f"{crate.name}: no catalogue {ftl.relative_to(root)}")
        for f, name, codes in types:
            n_types += 1
            n_codes += len(codes)
            where = f"{f.relative_to(root)}: {name}"
            if args.list:
                print(f"{where}: {', '.join(codes) or '(codes of nested errors only)'}")
            supplied: set[str] | None = None
            for text in sources.values():
                m = re.search(IMPL_LOCALIZE.format(name=name), text)
                if m:
                    impl = block(text, m.end() - 1)
                    body = fn_body(impl, "message_args") or ""
                    supplied = set(ARG_MACRO_NAME.findall(body)) | set(ARG_WITH_NAME.findall(body))
                    break
            if supplied is None:
                gaps.append(f"{where}: does not implement egov_core::Localize")
                supplied = set()
            if entries is None:
                continue
            for code in codes:
                ident = code.replace(".", "-")
                if ident not in entries:
                    gaps.append(f"{where}: {ftl.relative_to(root)} has no entry {ident} (code {code})")
                    continue
                missing = sorted(entries[ident] - supplied)
                if missing:
                    gaps.append(
                        f"{where}: entry {ident} names "
                        + ", ".join(f"{{ ${v} }}" for v in missing)
                        + f", which {name}'s message_args does not supply"
                    )

    print(f"catalogue coverage: {n_codes} error codes of {n_types} error types, {len(gaps)} gaps")
    for g in gaps:
        print(f"  {g}")
    return 1 if gaps else 0


if __name__ == "__main__":
    sys.exit(main())
