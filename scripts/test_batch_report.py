#!/usr/bin/env python3
"""`egov batch` end to end, read back by a real browser (issue 17).

1. Generates a folder of 1 000 edXML status messages from a real one (testdata/edxml, the VPCP
   SDK's inbox sample): 880 as sent, 100 whose sender's OrganId is not an agency code, 20 cut
   short (malformed XML), and one hidden file.
2. Runs `egov batch edxml check` over it (JSON, and an HTML report), and over testdata/edxml.
3. Opens each HTML report in headless Chromium (Debian's, installed by scripts/test-verify-page.sh
   in the same run), reads the DOM Chromium built (--dump-dom) and checks the counts and the
   rows, and takes a screenshot (target/batch-report.png; docs/batch-report.png is the README's).

Usage: test_batch_report.py EGOV_BINARY. Prints "batch: N passed, M failed"; exit 1 on a failure.
"""
import html.parser
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
EGOV = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "target/debug/egov")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
passed, failed = 0, 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name}: {detail}")


def egov(*args, env=None):
    e = dict(os.environ, EGOV_CONFIG="none", EGOV_LANG="vi")
    e.update(env or {})
    return subprocess.run([EGOV, *args], capture_output=True, text=True, env=e, cwd=ROOT)


class Report(html.parser.HTMLParser):
    """The counts element's data-* attributes and the rows' classes, from Chromium's DOM."""

    def __init__(self):
        super().__init__()
        self.counts, self.rows = {}, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id") == "counts":
            self.counts = {k[5:]: int(v) for k, v in a.items() if k.startswith("data-")}
        if tag == "tr" and "row" in (a.get("class") or "").split():
            self.rows.append(a["class"].split()[1])


def chromium_dom(path, profile):
    out = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", path.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    r = Report()
    r.feed(out.stdout)
    return r, out


def generate(folder):
    template = (ROOT / "testdata/edxml/vpcp-sdk-sample-status_inbox_01.edxml").read_text("utf-8")
    expected = {"valid": 0, "invalid": 0, "error": 0}
    for i in range(1000):
        text = template.replace("7816/VPCP-TTĐT", f"{7000 + i}/VPCP-TTĐT")
        if i % 50 == 7:
            text = text[: len(text) // 2]  # cut short: malformed XML, exit 2
            kind = "error"
        elif i % 10 == 3:
            text = text.replace("<edXML:OrganId>000.00.00.H41", "<edXML:OrganId>vxp.saas.03", 1)
            kind = "invalid"
        else:
            kind = "valid"
        expected[kind] += 1
        (folder / f"trang-thai-{i:04}.edxml").write_text(text, "utf-8")
    (folder / ".DS_Store").write_bytes(b"\0")
    return expected


def main():
    if not CHROMIUM:
        check("chromium is installed", False, "chromium not found (scripts/test-verify-page.sh installs it)")
        return
    work = pathlib.Path(tempfile.mkdtemp(prefix="egov-batch-"))
    folder = work / "hop-thu-den"
    folder.mkdir()
    expected = generate(folder)

    out = egov("--json", "batch", "edxml", "check", str(folder))
    doc = json.loads(out.stdout)
    counts = doc["counts"]
    check("batch of 1 000: every input has a row", len(doc["results"]) == 1000, counts)
    check(
        "batch of 1 000: counts by result",
        (counts["valid"], counts["invalid"], counts["errors"], counts["skipped"])
        == (expected["valid"], expected["invalid"], expected["error"], 1),
        f"{counts} vs {expected}",
    )
    check("batch of 1 000: exit status of the worst input (2)", out.returncode == 2, out.returncode)

    report = work / "bao-cao.html"
    out = egov("batch", "--out", str(report), "edxml", "check", str(folder))
    check("HTML report written, summary on stderr", report.is_file() and "Tổng cộng 1000 đầu vào" in out.stderr, out.stderr)
    dom, raw = chromium_dom(report, work / "profile1")
    check(
        "Chromium reads the report: counts",
        dom.counts == {"inputs": 1000, "valid": expected["valid"], "invalid": expected["invalid"],
                       "errors": expected["error"], "skipped": 1},
        f"{dom.counts} {raw.stderr[-500:]}",
    )
    check(
        "Chromium reads the report: 1 000 rows with their result",
        len(dom.rows) == 1000 and dom.rows.count("invalid") == expected["invalid"],
        f"{len(dom.rows)} rows",
    )

    # The real packages of testdata/edxml, in English this time; the screenshot of this one.
    report2 = work / "testdata-edxml.html"
    out = egov("batch", "--out", str(report2), "edxml", "check", "testdata/edxml", env={"EGOV_LANG": "en"})
    dom, raw = chromium_dom(report2, work / "profile2")
    real = sorted(p for p in (ROOT / "testdata/edxml").iterdir() if not p.name.startswith("."))
    check("testdata/edxml: one row per file", len(dom.rows) == len(real), f"{len(dom.rows)} vs {len(real)}")
    check("testdata/edxml: the corrupt-PDF package is invalid", "invalid" in dom.rows and out.returncode == 2, out.stderr)
    shot = ROOT / "target/batch-report.png"
    shot.parent.mkdir(exist_ok=True)
    report3 = work / "vi.html"
    egov("batch", "--out", str(report3), "edxml", "check", "testdata/edxml")
    r = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={work / 'profile3'}", "--window-size=1280,900",
         f"--screenshot={shot}", report3.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    size = shot.stat().st_size if shot.exists() else 0
    check("Chromium screenshot of the Vietnamese report", size > 20_000, f"{size} bytes {r.stderr[-300:]}")
    shutil.rmtree(work, ignore_errors=True)


main()
print(f"batch: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
