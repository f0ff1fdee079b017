"""`--json` answers of the commands in egov-cli/src/schema_types/edxml.rs."""

from __future__ import annotations

from schema_cases import Case, Ctx, egov


def cases(ctx: Ctx) -> list[Case]:
    tmp, t, edxml = ctx.tmp, ctx.templates, ctx.testdata / "edxml"
    pki = ctx.testdata / "pki"
    vnpt = str(edxml / "vnpt-edxml102-builder-output-2019-04-11.edxml")
    status_msg = str(edxml / "vpcp-sdk-sample-status_rejection_02.edxml")
    corrupt = str(edxml / "vxp-saas-received-2025-10-23-9e272474-corrupt-pdf.edxml")
    minimal = str(edxml / "pvn-gateway-minimal-test_user_edxml.xml")
    malformed = tmp / "malformed.edxml"
    malformed.write_text("<edXML><unclosed></edXML>", encoding="utf-8")
    not_edxml = tmp / "not-edxml.xml"
    not_edxml.write_text("<html><body/></html>", encoding="utf-8")
    # An edoc package with an attachment element that carries no content.
    empty_att = tmp / "empty-attachment.edxml"
    text = (edxml / "pvn-gateway-minimal-test_user_edxml.xml").read_text(encoding="utf-8")
    start = text.index("<edXML:ContentTransferEncoded")
    end = text.index("</edXML:ContentTransferEncoded>") + len("</edXML:ContentTransferEncoded>")
    empty_att.write_text(text[:start] + text[end:], encoding="utf-8")
    # The content `egov template edxml-build` names (`file = "cong-van.pdf"`, beside it).
    (t["edxml-build"].parent / "cong-van.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    other = tmp / "phu-luc.txt"
    other.write_text("Phụ lục", encoding="utf-8")
    built = tmp / "built.edxml"
    signed = tmp / "signed.edxml"
    a_file = tmp / "a-file"
    a_file.write_text("x", encoding="utf-8")
    cases: list[Case] = []
    for f in sorted(edxml.glob("*.edxml")) + [edxml / "pvn-gateway-minimal-test_user_edxml.xml"]:
        cases.append(("edxml-check", ["edxml", "check", str(f)], {0, 1}))
        cases.append(("edxml-show", ["edxml", "show", str(f)], {0}))
    cases += [
        ("edxml-check", ["edxml", "check", vnpt, "--registry", str(t["registry"]),
                         "--calendar", str(t["calendar"]), "--no-layout"], {0, 1}),
        ("edxml-check", ["edxml", "check", vnpt, "--anchors", str(pki / "root-ca.pem")], {0, 1}),
        ("edxml-check", ["edxml", "check", status_msg], {0, 1}),
        ("edxml-show", ["edxml", "show", status_msg], {0}),
        ("edxml-extract", ["edxml", "extract", vnpt, "--out", str(tmp / "x1")], {0, 1}),
        ("edxml-extract", ["edxml", "extract", vnpt, "--out", str(tmp / "x2"), "--raw"], {0, 1}),
        ("edxml-extract", ["edxml", "extract", corrupt, "--out", str(tmp / "x3")], {0, 1}),
        ("edxml-extract", ["edxml", "extract", minimal, "--out", str(tmp / "x4")], {0, 1}),
        ("edxml-extract", ["edxml", "extract", str(empty_att), "--out", str(tmp / "x5")], {0, 1}),
        # Unreadable packages and an output directory that cannot be created.
        ("edxml-error", ["edxml", "check", str(malformed)], {2}),
        ("edxml-error", ["edxml", "check", str(not_edxml)], {2}),
        ("edxml-error", ["edxml", "check", str(tmp / "missing.edxml")], {2}),
        ("edxml-error", ["edxml", "show", str(malformed)], {2}),
        ("edxml-error", ["edxml", "status", str(malformed), "--code", "03",
                         "--out", str(tmp / "s-malformed.edxml")], {2}),
        ("edxml-error", ["edxml", "extract", str(malformed), "--out", str(tmp / "x6")], {2}),
        ("edxml-error", ["edxml", "extract", vnpt, "--out", str(a_file / "sub")], {2}),
        ("error", ["edxml", "check", vnpt, "--calendar", str(tmp / "missing.json")], {2}),
        # Build, status, sign, verify.
        ("edxml-build", ["edxml", "build", str(t["edxml-build"]), "--out", str(built)], {0}),
        ("edxml-build", ["edxml", "build", str(t["edxml-build"]), "--out", str(tmp / "lf.edxml"),
                         "--eol", "lf", "--raw"], {0}),
        ("edxml-build", ["edxml", "build", str(t["edxml-build"]), "--out", str(tmp / "at.edxml"),
                         "--attach", str(other)], {0}),
        ("error", ["edxml", "build", str(t["edxml-build"]), "--out", str(built)], {2}),
        ("edxml-status", ["edxml", "status", vnpt, "--code", "01", "--at",
                          "2026-12-04T10:00:00+07:00", "--out", str(tmp / "s1.edxml")], {0}),
        ("edxml-status", ["edxml", "status", vnpt, "--code", "02", "--description",
                          "Sai thể thức", "--department", "Văn thư", "--staff", "Nguyễn Văn A",
                          "--out", str(tmp / "s2.edxml")], {0}),
        ("error", ["edxml", "status", vnpt, "--code", "02", "--out", str(tmp / "s3.edxml")], {2}),
        ("edxml-sign", ["edxml", "sign", vnpt, "--key", str(pki / "signer-rsa.key"),
                        "--cert", str(pki / "signer-rsa.pem"), "--out", str(signed)], {0}),
        ("edxml-sign", ["edxml", "sign", vnpt, "--key", str(pki / "signer-ec.key"),
                        "--cert", str(pki / "signer-ec.pem"), "--c14n", "inclusive",
                        "--out", str(tmp / "signed-ec.edxml")], {0}),
        ("error", ["edxml", "sign", vnpt, "--key", str(tmp / "missing.pem"),
                   "--cert", str(pki / "signer-rsa.pem"), "--out", str(tmp / "no.edxml")], {2}),
        ("edxml-verify", ["edxml", "verify", vnpt], {1}),
        ("edxml-verify", ["edxml", "verify", str(signed)], {0, 1}),
        ("edxml-verify", ["edxml", "verify", str(signed), "--anchors", str(pki / "root-ca.pem")],
         {0, 1}),
        ("edxml-verify", ["edxml", "verify", str(signed), "--anchors",
                          str(pki / "other-root-ca.pem"), "--at", "2026-01-01T00:00:00+07:00"],
         {1}),
        ("edxml-check", ["edxml", "check", str(signed), "--anchors", str(pki / "root-ca.pem")],
         {0, 1}),
        ("error", ["edxml", "verify", str(tmp / "missing.edxml")], {2}),
    ]
    return cases
