#!/usr/bin/env python3
"""Runs the tour (the README's first command, `cargo run --release --example tour`) and checks
that it still shows what the README promises: each section, and the decision it exists to show.

Usage: scripts/test_tour.py TARGET/debug/examples/tour

The test command runs the binary `cargo test` has already built (examples are compiled by
`cargo test`, not run). Prints "tour: 1 passed, 0 failed" (or "0 passed, 1 failed" with every
missing line named) for the test command's tally; exit status 1 on failure.
"""

import re
import subprocess
import sys

# (what the README promises, a regular expression the tour's output must match)
EXPECTED = [
    ("agency codes, a real malformed one rejected", r"28\.22\.H17 +rejected: agency code must have 4"),
    ("document numbers from the legal texts", r"512/SY-VPUBND type: Bản sao y"),
    ("a document identifier with an impossible date", r"2014/02/30 is not a calendar date"),
    ("the Tết 2026 schedule", r"2026-02-17 \(Tuesday +\) day off: Tết Nguyên Đán"),
    ("the send deadline around Tết", r"signed 2026-02-13T15:00:00\+07:00 \(not urgent\) → due 2026-02-23T12:00:00\+07:00"),
    ("a late send judged", r"\[FAIL\] Sent at 2026-02-23T13:15:00\+07:00, 1 h 15 min after the latest deadline"),
    ("the status machine refuses a rejection without reason", r"refusing without a reason is refused"),
    ("a metadata record with problems", r"Overall: Fail"),
    ("a PDF re-encoded as text", r"\[FAIL\] 1761209178887_TestTrucLienThong\.pdf: its pdf content holds \d+ U\+FFFD"),
    ("a placeholder signature", r"\[FAIL\] the signature carries the VPCP example program's placeholder values"),
    ("a rebuilt package signed and verified", r"\[ok  \] the XMLDSig signature verifies"),
    ("and tampered with", r"\[FAIL\] the document's digest does not match the signed DigestValue"),
    ("the mark placed on a blank area", r"placed automatically on a blank area"),
    ("verified back from the image", r"verified from the page image: ContentMatches"),
    ("and from a 150-dpi upside-down JPEG rescan", r"rescanned at 150 dpi, upside down, JPEG 60: ContentMatches \(Verified"),
    ("the signed lines to compare with the paper", r"\| Văn bản giấy được chuyển đổi từ thông điệp dữ liệu"),
    ("what tampering does to a mark", r"with one altered byte of content: .*\(content\.mismatch\)"),
    ("a trust list: an active key", r"a mark of Cốc Lếu: verified"),
    ("a revoked key", r"key_revoked"),
    ("an unknown key", r"key_unknown"),
    ("a stale list", r"list_stale"),
    ("an electronic copy built as PDF/A", r"PDF/A-2b copy written to .*tour-electronic-copy\.pdf"),
    ("the copy's mark verified", r"the mark: verified true \(printed QR read back from the rendered page: true\)"),
    ("the copy's signature verified", r"\[ok  \] the signature of CN=Văn thư TEST RSA.* chains to the trust anchor"),
    ("and broken by one byte", r"one byte of the scan changed: signature valid false"),
    ("monthly active users across the Vietnam-time month boundary", r"2025-01-31 17:30:00 UTC counts for 2025-02: 1 active user"),
    ("classified against 3 % / 10 %", r"→ Large, LargeIntermediaryPlatform"),
    ("the six network-trust criteria on a real chain", r"c\) \[ok  \] the server.s certificate and 1 intermediate\(s\) lead to a trusted root"),
    ("a real security.txt", r"security\.txt of 9-Security: \d+ problem"),
    ("missing evidence is never a pass", r"meets the criteria: false"),
    ("checklists judged on evidence", r"nd137-agency-system on 2026-03-02: \d+ items → Fail"),
]


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        run = subprocess.run([sys.argv[1]], capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as e:
        print(f"tour: cannot run {sys.argv[1]}: {e}")
        print("tour: 0 passed, 1 failed")
        return 1
    problems = []
    if run.returncode != 0:
        problems.append(f"exit status {run.returncode}; stderr: {run.stderr.strip()[-2000:]}")
    if run.stderr.strip():
        problems.append(f"wrote to stderr: {run.stderr.strip()[-2000:]}")
    headings = [line for line in run.stdout.splitlines() if line.startswith("== ")]
    if len(headings) < 15:
        problems.append(f"{len(headings)} sections, expected 15: {headings}")
    for what, pattern in EXPECTED:
        if not re.search(pattern, run.stdout):
            problems.append(f"no line shows {what} (/{pattern}/)")
    if problems:
        print(run.stdout)
        for p in problems:
            print(f"tour: {p}")
        print("tour: 0 passed, 1 failed")
        return 1
    print(f"tour: {len(headings)} sections, {len(EXPECTED)} promised decisions shown")
    print("tour: 1 passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
