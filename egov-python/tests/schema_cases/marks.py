"""`--json` answers of the commands in egov-cli/src/schema_types/marks.rs: `egov keygen`,
`egov mark paper-to-data|data-to-paper|verify`, `egov mark pdf stamp|verify|from-scans`,
`egov pdf sign|verify` (keys in files and on a PKCS#11 token, PAdES-B-T through a TSA command)
and `egov trustlist …`, verified and not (wrong key, tampered content, tampered page, stale or
unpinned list) and their errors; and the inputs they read (trust set,
key file, trust-list entry)."""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

from schema_cases import Case, Ctx, egov

AT = "2026-03-02T09:15:00+07:00"
CONVERTER = "Ủy ban nhân dân phường Cốc Lếu"
AGENCY = "Văn phòng Ủy ban nhân dân tỉnh Lào Cai"
PDF = "libreoffice-7-3-writer-pdfa-pdfua.pdf"


def page_png(path: Path, width: int = 1240, height: int = 1754, dpi: int = 0,
             colour: bool = False) -> None:
    """A blank page (A4 at 150 dpi by default) with a dark bar across the middle, as the CLI
    tests draw it (egov-cli/tests/mark.rs), written without an imaging library: greyscale, or
    RGB with a red bar; with `dpi`, the resolution stated in a pHYs chunk."""
    px = 3 if colour else 1
    white = b"\xff" * px
    ink = b"\xc0\x10\x10" if colour else b"\x00"
    plain = b"\x00" + white * width
    bar = b"\x00" + white * 100 + ink * (width - 200) + white * 100
    rows = [bar if height // 2 - 15 <= y < height // 2 + 15 else plain for y in range(height)]

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2 if colour else 0, 0, 0, 0)
    phys = b""
    if dpi:
        ppm = round(dpi / 0.0254)
        phys = chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1))
    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + phys
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 6))
        + chunk(b"IEND", b"")
    )
    path.write_bytes(png)


def keygen(d: Path, name: str, label: str) -> tuple[Path, Path, Path]:
    """`egov keygen` into `d`: (key file, trust set, trust-list entry)."""
    key, trust, entry = d / f"{name}.key.json", d / f"{name}.trust.json", d / f"{name}.entry.json"
    r = egov("keygen", "--out", str(key), "--label", label, "--trust-out", str(trust),
             "--entry-out", str(entry), "--agency-code", "000.00.18.G12", "--force")
    assert r.returncode == 0, r.stderr
    return key, trust, entry


SOFTHSM_MODULES = [
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
]


def softhsm_token(d: Path, key: Path) -> str:
    """A SoftHSM2 token of its own in `d` (label `egov-schema`, user PIN 1234) holding `key`
    with id 01, as the CLI's pdf_sign tests make one; SOFTHSM2_CONF and EGOV_TEST_PIN are set
    for the `egov` runs that follow. Returns the module's path. SoftHSM2 is installed by the
    test command: without it this fails, it does not skip."""
    module = next((m for m in SOFTHSM_MODULES if Path(m).is_file()), None)
    assert module, "SoftHSM2 is required (apt-get install softhsm2)"
    (d / "tokens").mkdir(exist_ok=True)
    conf = d / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {d / 'tokens'}\nobjectstore.backend = file\n"
                    "log.level = ERROR\n", encoding="utf-8")
    os.environ["SOFTHSM2_CONF"] = str(conf)
    os.environ["EGOV_TEST_PIN"] = "1234"
    for args in (["--init-token", "--free", "--label", "egov-schema", "--pin", "1234",
                  "--so-pin", "5678"],
                 ["--import", str(key), "--token", "egov-schema", "--label", "signer-rsa",
                  "--id", "01", "--pin", "1234"]):
        r = subprocess.run(["softhsm2-util", *args], capture_output=True, text=True,
                           check=False)
        assert r.returncode == 0, r.stderr + r.stdout
    return module


def openssl_tsa(d: Path, pki: Path) -> str:
    """A directory where `openssl ts -reply` answers as the test TSA, and the `--tsa-command`
    that runs it (as the CLI's pdf_sign tests do)."""
    for f in ("tsa.cnf", "tsa.pem", "tsa.key"):
        shutil.copy(pki / f, d / f)
    (d / "tsaserial").write_text("01\n", encoding="utf-8")
    return (f"cd '{d}' && cat > req.tsq && openssl ts -reply -config tsa.cnf -queryfile req.tsq"
            " -out resp.tsr 2>/dev/null && cat resp.tsr")


def flip(src: Path, dst: Path, at: int) -> None:
    """A copy of `src` with the byte at `at` changed (a tampered file)."""
    data = bytearray(src.read_bytes())
    data[at] ^= 0x01
    dst.write_bytes(bytes(data))


def cases(ctx: Ctx) -> list[Case]:
    d, testdata = ctx.tmp / "marks", ctx.testdata
    d.mkdir(exist_ok=True)
    pki = testdata / "pki"
    degraded = testdata / "marks" / "degraded"
    corpus_trust = str(degraded / "trust.json")
    page = d / "page.png"
    page_png(page)
    scan = d / "scan-200dpi.png"
    page_png(scan, 1169, 1654, dpi=200, colour=True)  # A5 at 200 dpi
    other = d / "other.bin"
    other.write_bytes(b"not the page that was marked\n")

    # Keys: the converter's (a), another agency's (b), a list operator's (op).
    a_key, a_trust, _ = keygen(d, "a", CONVERTER)
    _, b_trust, b_entry = keygen(d, "b", "Ủy ban nhân dân phường Duyên Hải")
    op_key, _, _ = keygen(d, "op", "Sở Khoa học và Công nghệ tỉnh Lào Cai")

    # The artefacts the tampered cases start from: a marked page and payload, a stamped PDF,
    # a signed PDF.
    marked, payload = d / "marked.png", d / "marked.payload.txt"
    r = egov("mark", "paper-to-data", "--page", str(page), "--converter", CONVERTER,
             "--key", str(a_key), "--at", AT, "--dpi", "150", "--out", str(marked),
             "--payload-out", str(payload))
    assert r.returncode == 0, r.stderr
    text = payload.read_text(encoding="utf-8").strip()
    bad_payload = d / "tampered.payload.txt"
    # A digit changed in the middle of the payload: the signature no longer holds.
    mid = len(text) // 2
    bad_payload.write_text(
        text[:mid] + ("1" if text[mid] != "1" else "2") + text[mid + 1:], encoding="utf-8"
    )
    garbage = d / "garbage.payload.txt"
    garbage.write_text("not a conversion mark\n", encoding="utf-8")

    stamped = d / "stamped.pdf"
    r = egov("mark", "pdf", "stamp", str(testdata / "pdf" / PDF), "--out", str(stamped),
             "--direction", "paper-to-data", "--converter", CONVERTER, "--key", str(a_key),
             "--at", AT, "--force")
    assert r.returncode == 0, r.stderr
    # The binary comment on the header's second line: the file still parses, its hash differs.
    tampered_pdf = d / "stamped-tampered.pdf"
    flip(stamped, tampered_pdf, 11)

    signed = d / "signed.pdf"
    r = egov("pdf", "sign", str(testdata / "pdf" / PDF), "--out", str(signed),
             "--key", str(pki / "signer-rsa.key"), "--cert", str(pki / "signer-rsa.pem"),
             "--at", AT, "--force")
    assert r.returncode == 0, r.stderr
    tampered_signed = d / "signed-tampered.pdf"
    flip(signed, tampered_signed, 11)

    # A key on a PKCS#11 token (SoftHSM2), and a time-stamping authority (openssl ts).
    module = softhsm_token(d, pki / "signer-rsa.key")
    tsa_dir = d / "tsa"
    tsa_dir.mkdir(exist_ok=True)
    tsa = openssl_tsa(tsa_dir, pki)

    lst = d / "list.json"
    pin = str(op_key)
    scans = [str(degraded / "page-0003.jpg"), str(degraded / "page-0002.jpg")]

    return [
        # keygen: a new key, and the trust set of an existing one.
        ("keygen", ["keygen", "--out", str(d / "c.key.json"), "--label", AGENCY,
                    "--trust-out", str(d / "c.trust.json")], {0}),
        ("keygen", ["keygen", "--from", str(a_key), "--trust-out", str(d / "a2.trust.json")],
         {0}),
        ("error", ["keygen", "--out", str(a_key), "--label", AGENCY], {2}),
        # A usage error (no holder's name for a new key) is JSON too.
        ("error", ["keygen", "--out", str(d / "n.key.json")], {2}),
        ("error", ["keygen", "--from", str(other), "--trust-out", str(d / "x.trust.json")],
         {1, 2}),
        # mark paper-to-data | data-to-paper.
        ("mark", ["mark", "paper-to-data", "--page", str(page), "--converter", CONVERTER,
                  "--key", str(a_key), "--at", AT, "--dpi", "150", "--profile", "sao-y",
                  "--out", str(d / "p2d.png")], {0}),
        ("mark", ["mark", "data-to-paper", "--page", str(page), "--converter", CONVERTER,
                  "--key", str(a_key), "--at", AT, "--dpi", "150",
                  "--system", "Hệ thống quản lý văn bản và điều hành tỉnh Lào Cai",
                  "--owner", "Ủy ban nhân dân tỉnh Lào Cai",
                  "--code", "QLVB-2026-000123", "--search", "https://qlvb.laocai.gov.vn/tra-cuu",
                  "--out", str(d / "d2p.png")], {0}),
        ("error", ["mark", "paper-to-data", "--page", str(page), "--converter", CONVERTER,
                   "--key", str(other), "--out", str(d / "x.png")], {1, 2}),
        ("error", ["mark", "paper-to-data", "--page", str(other), "--converter", CONVERTER,
                   "--key", str(a_key), "--out", str(d / "x.png")], {1, 2}),
        # mark verify: page images (ours; the corpus's scans, one tampered), one payload.
        ("mark-verify", ["mark", "verify", str(marked), "--trust", str(a_trust),
                         "--content", str(page)], {0}),
        ("mark-verify", ["mark", "verify", str(marked), "--trust", str(b_trust)], {1}),
        ("mark-verify", ["mark", "verify", str(marked), "--trust", str(a_trust),
                         "--content", str(other)], {1}),
        ("mark-verify", ["mark", "verify", scans[0], "--trust", corpus_trust], {0}),
        ("mark-verify", ["mark", "verify", str(degraded / "page-0045.jpg"),
                         "--trust", corpus_trust], {1}),
        ("mark-verify", ["mark", "verify", str(page), str(marked), "--trust", str(a_trust)],
         {0}),
        ("mark-verify", ["mark", "verify", "--payload", str(payload), "--trust", str(a_trust)],
         {0}),
        ("mark-verify", ["mark", "verify", "--payload", str(bad_payload),
                         "--trust", str(a_trust)], {1}),
        ("mark-verify", ["mark", "verify", "--payload", str(garbage), "--trust", str(a_trust)],
         {1}),
        ("error", ["mark", "verify", str(page), "--trust", str(a_trust)], {1}),
        ("error", ["mark", "verify", str(marked), "--trust", str(a_key)], {1}),
        # trustlist: new, add (key file, entry), sign, show, verify; then with the lists.
        ("trust-list", ["trustlist", "new", "--issuer", "Sở Khoa học và Công nghệ tỉnh Lào Cai",
                        "--issuer-code", "000.00.18.H29", "--out", str(lst), "--force"], {0}),
        ("trust-list", ["trustlist", "add", str(lst), "--key", str(a_key), "--from", AT], {0}),
        ("trust-list", ["trustlist", "add", str(lst), "--entry", str(b_entry)], {0}),
        ("trust-list", ["trustlist", "sign", str(lst), "--key", str(op_key), "--at", AT,
                        "--valid-days", "3650"], {0}),
        ("trust-list", ["trustlist", "show", str(lst)], {0}),
        ("trustlist-verify", ["trustlist", "verify", str(lst), "--pin", pin,
                              "--at", "2026-03-03T09:00:00+07:00"], {0}),
        ("trustlist-verify", ["trustlist", "verify", str(lst), "--pin", str(a_key),
                              "--at", "2026-03-03T09:00:00+07:00"], {1}),
        ("mark-verify", ["mark", "verify", str(marked), "--trust-list", str(lst), "--pin", pin,
                         "--at", "2026-03-03T09:00:00+07:00"], {0}),
        ("mark-verify", ["mark", "verify", "--payload", str(payload), "--trust-list", str(lst),
                         "--pin", pin, "--at", "2036-03-03T09:00:00+07:00"], {1}),
        # Retire and revoke drop the signatures: the unsigned list is not accepted.
        ("trust-list", ["trustlist", "retire", str(lst), "--key-id",
                        json.loads(a_key.read_text(encoding="utf-8"))["key_id"], "--at", AT],
         {0}),
        ("trust-list", ["trustlist", "revoke", str(lst), "--key-id",
                        json.loads(a_key.read_text(encoding="utf-8"))["key_id"],
                        "--reason", "Khóa bị lộ", "--at", AT], {0}),
        ("trustlist-verify", ["trustlist", "verify", str(lst), "--pin", pin], {1}),
        ("error", ["trustlist", "revoke", str(lst), "--key-id", "0000000000000000",
                   "--reason", "x"], {1}),
        ("error", ["trustlist", "show", str(a_key)], {1}),
        # mark pdf stamp | verify.
        ("mark-pdf-stamp", ["mark", "pdf", "stamp", str(testdata / "pdf" / PDF),
                            "--out", str(d / "d2p.pdf"), "--direction", "data-to-paper",
                            "--converter", AGENCY, "--key", str(a_key), "--at", AT,
                            "--system", "Hệ thống thông tin giải quyết thủ tục hành chính",
                            "--owner", "Ủy ban nhân dân tỉnh Lào Cai",
                            "--url", "https://dichvucong.laocai.gov.vn/tra-cuu/123",
                            "--payload-out", str(d / "d2p.payload.txt")], {0}),
        ("mark-pdf-verify", ["mark", "pdf", "verify", str(stamped), "--trust", str(a_trust)],
         {0}),
        ("mark-pdf-verify", ["mark", "pdf", "verify", str(stamped), "--trust", str(b_trust)],
         {1}),
        ("mark-pdf-verify", ["mark", "pdf", "verify", str(tampered_pdf),
                             "--trust", str(a_trust)], {1}),
        ("mark-pdf-verify", ["mark", "pdf", "verify", str(testdata / "pdf" / PDF),
                             "--trust", str(a_trust)], {1}),
        ("error", ["mark", "pdf", "stamp", str(testdata / "pdf" / PDF), "--out", str(stamped),
                   "--direction", "paper-to-data", "--converter", CONVERTER,
                   "--key", str(a_key)], {2}),
        ("error", ["mark", "pdf", "verify",
                   str(testdata / "pdf" / "libreoffice-writer-user-password-encrypted.pdf"),
                   "--trust", str(a_trust)], {1, 2}),
        # mark pdf from-scans: a colour page at 200 dpi (a conforming copy), two greyscale scans
        # of the corpus and one at 150 dpi (not conforming: NĐ 30/2020 Phụ lục I).
        ("mark-pdf-from-scans", ["mark", "pdf", "from-scans", str(scan),
                                 "--out", str(d / "copy-colour.pdf"), "--converter", CONVERTER,
                                 "--key", str(a_key), "--at", AT, "--agency", AGENCY,
                                 "--agency-key", str(pki / "signer-rsa.key"),
                                 "--cert", str(pki / "signer-rsa.pem"),
                                 "--reason", "Sao y bản chính", "--location", "Lào Cai"], {0}),
        ("mark-pdf-from-scans", ["mark", "pdf", "from-scans", *scans,
                                 "--out", str(d / "copy.pdf"), "--converter", CONVERTER,
                                 "--key", str(a_key), "--at", AT, "--agency", AGENCY,
                                 "--agency-key", str(pki / "signer-rsa.key"),
                                 "--cert", str(pki / "signer-rsa.pem"),
                                 "--payload-out", str(d / "copy.payload.txt")], {1}),
        ("mark-pdf-from-scans", ["mark", "pdf", "from-scans", str(degraded / "page-0001.jpg"),
                                 "--out", str(d / "copy150.pdf"), "--converter", CONVERTER,
                                 "--key", str(a_key), "--at", AT, "--agency", AGENCY,
                                 "--agency-key", str(pki / "signer-ec.key"),
                                 "--cert", str(pki / "signer-ec.pem")], {1}),
        ("error", ["mark", "pdf", "from-scans", str(other), "--out", str(d / "x.pdf"),
                   "--converter", CONVERTER, "--key", str(a_key), "--agency", AGENCY,
                   "--agency-key", str(pki / "signer-rsa.key"),
                   "--cert", str(pki / "signer-rsa.pem")], {1, 2}),
        # pdf sign | verify.
        ("pdf-sign", ["pdf", "sign", str(testdata / "pdf" / PDF), "--out", str(d / "s2.pdf"),
                      "--key", str(pki / "signer-ec.key"), "--cert", str(pki / "signer-ec.pem"),
                      "--at", AT, "--reason", "Phát hành văn bản", "--location", "Lào Cai"],
         {0}),
        # A key on a PKCS#11 token; PAdES-B-T through --tsa-command.
        ("pdf-sign", ["pdf", "sign", str(testdata / "pdf" / PDF), "--out", str(d / "s4.pdf"),
                      "--pkcs11-module", module, "--token", "egov-schema",
                      "--pin-env", "EGOV_TEST_PIN", "--key-id", "01",
                      "--cert", str(pki / "signer-rsa.pem"), "--at", AT], {0}),
        ("pdf-sign", ["pdf", "sign", str(testdata / "pdf" / PDF), "--out", str(d / "s5.pdf"),
                      "--key", str(pki / "signer-rsa.key"), "--cert", str(pki / "signer-rsa.pem"),
                      "--tsa-command", tsa], {0}),
        # A token that is not there: the answer is an error.
        ("error", ["pdf", "sign", str(testdata / "pdf" / PDF), "--out", str(d / "s6.pdf"),
                   "--pkcs11-module", module, "--token", "no-such-token",
                   "--pin-env", "EGOV_TEST_PIN", "--key-id", "01",
                   "--cert", str(pki / "signer-rsa.pem")], {1, 2}),
        ("pdf-verify", ["pdf", "verify", str(signed), "--anchors", str(pki / "root-ca.pem")],
         {0}),
        ("pdf-verify", ["pdf", "verify", str(signed)], {0, 1}),
        ("pdf-verify", ["pdf", "verify", str(tampered_signed),
                        "--anchors", str(pki / "root-ca.pem")], {1}),
        ("pdf-verify", ["pdf", "verify",
                        str(testdata / "pdf" / "pyhanko-pades-b-lta-dss-doctimestamp.pdf")],
         {0, 1}),
        ("pdf-verify", ["pdf", "verify", str(testdata / "pdf" / PDF)], {0, 1}),
        ("error", ["pdf", "sign", str(testdata / "pdf" / PDF), "--out", str(d / "s3.pdf"),
                   "--key", str(pki / "signer-ec.key"), "--cert", str(pki / "root-ca.pem")],
         {1, 2}),
        ("error", ["pdf", "verify", str(other)], {1, 2}),
    ]


def inputs(ctx: Ctx) -> list[tuple[str, Path]]:
    d = ctx.tmp / "marks-inputs"
    d.mkdir(exist_ok=True)
    key, trust, entry = keygen(d, "k", CONVERTER)
    lst = d / "list.json"
    r = egov("trustlist", "new", "--issuer", "Sở Khoa học và Công nghệ tỉnh Lào Cai",
             "--out", str(lst))
    assert r.returncode == 0, r.stderr
    r = egov("trustlist", "add", str(lst), "--entry", str(entry))
    assert r.returncode == 0, r.stderr
    r = egov("trustlist", "sign", str(lst), "--key", str(key))
    assert r.returncode == 0, r.stderr
    return [
        ("trust-list", lst),
        ("trust-set", ctx.testdata / "marks" / "degraded" / "trust.json"),
        ("trust-set", trust),
        ("key-file", key),
        ("trust-list-entry", entry),
    ]
