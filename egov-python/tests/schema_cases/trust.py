"""`--json` answers of the commands in egov-cli/src/schema_types/trust.rs (trust check,
declare, security-txt; `probe` needs the network and the `probe` feature, and prints the
`trust-check` shape), and the TLS policy input."""

from __future__ import annotations

import json
from pathlib import Path

from schema_cases import Case, Ctx, egov

NOW = "2026-11-23T09:00:00+07:00"


def _evidence_args(ctx: Ctx, attest: Path | None = None, now: str = NOW,
                   page: Path | None = None) -> list[str]:
    """Every evidence file of the six criteria, from testdata/trust (`attest`: another
    request than the example's; `page`: another page than one linking the commitment)."""
    td = ctx.testdata / "trust"
    page_given = page
    page = ctx.tmp / "page.html"
    page.write_text("<a href='/bao-mat'>Bảo mật</a> <a href='https://dichvucong.gov.vn/'>DVC</a>",
                    encoding="utf-8")
    blocklist = ctx.tmp / "blocklist.txt"
    blocklist.write_text("evil.vn\n198.51.100.0/24\n", encoding="utf-8")
    return [
        "--cert", str(td / "certs" / "good.pem"), "--anchors", str(td / "certs" / "test-root.pem"),
        "--host", "good.test.gov.vn", "--tls-version", "TLSv1.3",
        "--cipher", "TLS_AES_128_GCM_SHA256", "--page", str(page_given or page),
        "--security-txt", str(td / "securitytxt" / "good-test-gov-vn.txt"),
        "--blocklist", str(blocklist), "--blocklist-fetched-at", "2026-11-22T08:00:00+07:00",
        "--attest", str(attest or td / "attest-example.json"), "--now", now,
    ]


def _policies(tmp: Path) -> tuple[Path, Path]:
    """The built-in policy (`policy_settings` of `trust declare`), as JSON and as TOML."""
    r = egov("--json", "trust", "declare", "--now", NOW)
    assert r.returncode == 0, r.stderr
    policy = json.loads(r.stdout)["policy_settings"]
    as_json = tmp / "policy.json"
    as_json.write_text(json.dumps(policy, ensure_ascii=False), encoding="utf-8")
    lines = [f"name = {json.dumps(policy['name'], ensure_ascii=False)}"]
    for table, values in policy.items():
        if isinstance(values, dict):
            lines.append(f"\n[{table}]")
            lines += [f"{json.dumps(k)} = {json.dumps(v)}" for k, v in values.items()]
    as_toml = tmp / "policy.toml"
    as_toml.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return as_json, as_toml


def inputs(ctx: Ctx) -> list[tuple[str, Path]]:
    as_json, as_toml = _policies(ctx.tmp)
    return [
        ("trust-policy", as_json),
        ("trust-policy", as_toml),
        ("trust-request", ctx.testdata / "trust" / "attest-example.json"),
    ]


def cases(ctx: Ctx) -> list[Case]:
    tmp, td = ctx.tmp, ctx.testdata / "trust"
    full = _evidence_args(ctx)
    policy_json, policy_toml = _policies(tmp)
    attest = json.loads((td / "attest-example.json").read_text(encoding="utf-8"))
    attest["certification"] = {
        "code": "TNM-0001", "issuer": "Cơ quan cấp (ví dụ)", "issued_on": "2026-03-01",
        "valid_until": "2027-02-28", "system": "good.test.gov.vn",
    }
    certified = tmp / "attest-certified.json"
    certified.write_text(json.dumps(attest, ensure_ascii=False), encoding="utf-8")
    strict = json.loads(policy_json.read_text(encoding="utf-8"))
    strict["versions"]["TLSv1.3"] = "insufficient"
    strict_policy = tmp / "policy-strict.json"
    strict_policy.write_text(json.dumps(strict), encoding="utf-8")
    bad_policy = tmp / "policy-bad.toml"
    bad_policy.write_text('name = "x"\nno_such_key = 1\n', encoding="utf-8")
    bad_attest = tmp / "attest-bad.json"
    bad_attest.write_text('{"system": 3}', encoding="utf-8")
    bad_cert = tmp / "bad.pem"
    bad_cert.write_text("not a certificate", encoding="utf-8")
    return [
        # check: every criterion evidenced; with a certification code (valid, then expired);
        # the policies; no evidence at all; a policy that fails c).
        ("trust-check", ["trust", "check", *full], {0}),
        ("trust-check", ["trust", "check",
                         *_evidence_args(ctx, page=td / "pages" / "portal.html")], {1}),
        ("trust-check", ["trust", "check", *_evidence_args(ctx, certified)], {0}),
        ("trust-check", ["trust", "check",
                         *_evidence_args(ctx, certified, "2027-03-01T09:00:00+07:00")], {1}),
        ("trust-check", ["trust", "check", *full, "--policy", str(policy_toml)], {0, 1}),
        ("trust-check", ["trust", "check", *full, "--policy", str(strict_policy)], {1}),
        ("trust-check", ["trust", "check", "--now", NOW], {1}),
        ("trust-check", ["trust", "check", "--cert", str(td / "certs" / "sha1.pem"),
                         "--anchors", str(td / "certs" / "test-root.pem"),
                         "--host", "sha1.test.gov.vn", "--now", NOW], {1}),
        # declare: every criterion evidenced, with a JSON policy and age limits; nothing.
        ("trust-declare", ["trust", "declare", *full, "--policy", str(policy_json),
                           "--max-scan-age-days", "14"], {0}),
        ("trust-declare", ["trust", "declare", "--now", NOW], {0}),
        # security-txt: valid, invalid, compared with the URI it came from.
        ("trust-security-txt", ["trust", "security-txt",
                                str(td / "securitytxt" / "nine-security.txt"),
                                "--now", "2026-11-23"], {0}),
        ("trust-security-txt", ["trust", "security-txt", str(td / "securitytxt" / "4mica.txt"),
                                "--now", "2026-11-23"], {1}),
        ("trust-security-txt", ["trust", "security-txt",
                                str(td / "securitytxt" / "good-test-gov-vn.txt"),
                                "--now", NOW, "--url",
                                "https://other.test.gov.vn/.well-known/security.txt"], {0, 1}),
        ("trust-security-txt", ["trust", "security-txt",
                                str(td / "securitytxt" / "datum-signed.txt"),
                                "--now", "2026-11-23"], {0, 1}),
        # Errors: missing file, not a certificate, a bad policy, a bad request, a bad time.
        ("error", ["trust", "check", "--cert", str(tmp / "missing.pem")], {2}),
        ("error", ["trust", "check", "--cert", str(bad_cert), "--now", NOW], {1}),
        ("error", ["trust", "check", "--policy", str(bad_policy), "--now", NOW], {1}),
        ("error", ["trust", "declare", "--attest", str(bad_attest), "--now", NOW], {1}),
        ("error", ["trust", "security-txt", str(tmp / "missing.txt")], {2}),
        ("error", ["trust", "security-txt", str(td / "securitytxt" / "4mica.txt"),
                   "--now", "not-a-time"], {1, 2}),
    ]
