//! Writes `testdata/vectors/trustlist.json` (issue 14) from fixed Ed25519 seeds and times, so
//! the file is the same on every run:
//! `cargo run -p egov-ffi --example trustlist_vectors > testdata/vectors/trustlist.json`.
//! Lists and marks are made through `egov_ffi::ops` (the operations every binding runs); the
//! expected answers are written by hand below, not copied from the answers.

use egov_conversion::payload::{content_digest, PayloadOptions};
use egov_conversion::{sign, ConversionMark, Profile, SigningKey, Wording};
use egov_core::VnDateTime;
use egov_ffi::ops;
use serde_json::{json, Value};

const AT: &str = "2026-03-02T10:00:00+07:00";
const LOOKUP: &str = "https://xacthuc.laocai.gov.vn/kiem-tra";
const CONTENT: &str = "bản quét chưa đóng dấu";

fn seed(b: u8) -> String {
    format!("{b:02x}").repeat(32)
}

fn public(b: u8) -> String {
    egov_conversion::payload::hex(&SigningKey::from_bytes(&[b; 32]).verifying_key().to_bytes())
}

fn op(name: &str, args: Value) -> Value {
    ops::call(name, &args).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn entry(b: u8, role: &str, name: &str, code: &str, until: Option<&str>) -> Value {
    let mut e = json!({"public_key": public(b), "role": role,
        "holder": {"name": name, "agency_code": code}, "valid_from": "2025-01-01T00:00:00+07:00"});
    if let Some(u) = until {
        e["valid_until"] = json!(u);
    }
    e
}

fn mark(b: u8, at: &str, lookup: bool) -> String {
    let m = ConversionMark::paper_to_data(
        Profile::General,
        VnDateTime::parse(at).unwrap(),
        "Bộ phận Tiếp nhận và Trả kết quả, Ủy ban nhân dân phường Cốc Lếu",
        &Wording::default(),
    );
    let opts = PayloadOptions {
        lookup_url: lookup.then(|| LOOKUP.to_owned()),
        ..Default::default()
    };
    sign(
        &m,
        &content_digest(CONTENT.as_bytes()),
        &SigningKey::from_bytes(&[b; 32]),
        &opts,
    )
    .unwrap()
    .qr_text
}

fn case(id: &str, rule: &str, description: &str, op: &str, args: Value, expect: Value) -> Value {
    json!({"id": id, "rule": rule, "description": description, "op": op, "args": args,
        "expect": expect})
}

fn main() {
    // The national list: operator seed 01 (pinned), mark keys 0a (active), 0b (revoked for
    // compromise on 1 February), 0c (retired on 1 February), the province operator 14.
    let mut nat = op(
        "trustlist.new",
        json!({"issuer": "Bộ Thông tin và Truyền thông",
        "agency_code": "000.00.00.G12", "issued_at": "2025-12-01T00:00:00+07:00",
        "next_update": "2026-01-01T00:00:00+07:00"}),
    );
    for e in [
        entry(
            0x0a,
            "mark_signer",
            "Ủy ban nhân dân phường Cốc Lếu",
            "000.01.37.H37",
            None,
        ),
        entry(
            0x0b,
            "mark_signer",
            "Ủy ban nhân dân phường Kim Tân",
            "000.02.37.H37",
            None,
        ),
        entry(
            0x0c,
            "mark_signer",
            "Ủy ban nhân dân xã Cam Đường",
            "000.03.37.H37",
            None,
        ),
        entry(
            0x14,
            "list_operator",
            "Sở Khoa học và Công nghệ tỉnh Lào Cai",
            "000.00.37.H37",
            Some("2028-01-01T00:00:00+07:00"),
        ),
    ] {
        nat = op("trustlist.add", json!({"list": nat, "entry": e}));
    }
    let kid = |b: u8| {
        egov_conversion::payload::key_id(
            &SigningKey::from_bytes(&[b; 32]).verifying_key().to_bytes(),
        )
    };
    nat = op(
        "trustlist.revoke",
        json!({"list": nat, "key_id": kid(0x0b),
        "at": "2026-02-01T00:00:00+07:00", "reason": "thiết bị ký bị mất"}),
    );
    nat = op(
        "trustlist.retire",
        json!({"list": nat, "key_id": kid(0x0c),
        "at": "2026-02-01T00:00:00+07:00"}),
    );
    let unsigned_nat = nat.clone();
    nat = op(
        "trustlist.issue",
        json!({"list": nat, "secret_key": seed(0x01),
        "issued_at": "2026-01-01T00:00:00+07:00", "next_update": "2026-07-01T00:00:00+07:00"}),
    );
    // The province list: operator 14 (named in the national list), mark key 1e.
    let mut prov = op(
        "trustlist.new",
        json!({"issuer": "Sở Khoa học và Công nghệ tỉnh Lào Cai",
        "agency_code": "000.00.37.H37", "issued_at": "2026-02-01T00:00:00+07:00",
        "next_update": "2026-02-02T00:00:00+07:00"}),
    );
    prov = op(
        "trustlist.add",
        json!({"list": prov,
        "entry": entry(0x1e, "mark_signer", "Trung tâm Phục vụ hành chính công tỉnh Lào Cai", "000.00.37.H37", None)}),
    );
    prov = op(
        "trustlist.issue",
        json!({"list": prov, "secret_key": seed(0x14),
        "issued_at": "2026-02-01T00:00:00+07:00", "next_update": "2026-05-01T00:00:00+07:00"}),
    );

    let pins = json!([public(0x01)]);
    let lists = json!([nat]);
    let both = json!([prov, nat]);
    let check = |qr: &str, lists: &Value, at: &str| json!({"qr_text": qr, "lists": lists, "pins": pins, "at": at});
    let valid = mark(0x0a, "2026-03-02T09:15:00+07:00", false);
    let mut tampered = valid.clone().into_bytes();
    let n = tampered.len();
    tampered[n - 3] = if tampered[n - 3] == b'1' { b'2' } else { b'1' };
    let tampered = String::from_utf8(tampered).unwrap();
    let mut changed_list = nat.clone();
    changed_list["list"]["sequence"] = json!(8);

    let mut cases = vec![
        case("mark-verified", "CONV-03", "A paper → data mark signed by an active key of the national list, which the pinned operator key signed: verified, with who holds the key", "trustlist.check_mark",
            check(&valid, &lists, AT),
            json!({"ok": {"status": "verified", "holder": {"name": "Ủy ban nhân dân phường Cốc Lếu", "agency_code": "000.01.37.H37"}, "key_status": {"state": "active"}, "verification": {"state": "key_trusted", "key_id": kid(0x0a)}, "findings": [{"rule": "CONV-03", "outcome": "pass"}]}})),
        case("mark-verified-content", "CONV-03", "The same mark with the unmarked scan it was made for: the content hash matches", "trustlist.check_mark",
            { let mut a = check(&valid, &lists, AT); a["content_text"] = json!(CONTENT); a },
            json!({"ok": {"status": "verified", "verification": {"state": "content_matches", "content_checked": true}}})),
        case("mark-content-mismatch", "CONV-03", "Another file than the one the mark was made for", "trustlist.check_mark",
            { let mut a = check(&valid, &lists, AT); a["content_text"] = json!("bản khác"); a },
            json!({"ok": {"status": "content_mismatch", "findings": [{"outcome": "fail"}]}})),
        case("mark-lookup-url", "CONV-03", "The QR text with a lookup URL, the payload in its fragment (what a phone camera opens)", "trustlist.check_mark",
            check(&mark(0x0a, "2026-03-02T09:15:00+07:00", true), &lists, AT),
            json!({"ok": {"status": "verified", "verification": {"lookup_url": LOOKUP}}})),
        case("mark-tampered", "CONV-03", "One digit of the signature changed: still well-formed, the signature does not verify", "trustlist.check_mark",
            check(&tampered, &lists, AT),
            json!({"ok": {"status": "signature_invalid", "verification": {"state": "well_formed", "failure": {"code": "signature.invalid"}}}})),
        case("mark-unknown-key", "CONV-03", "A key no list names: the signature cannot be checked (unknown, not invalid)", "trustlist.check_mark",
            check(&mark(0x0d, "2026-03-02T09:15:00+07:00", false), &lists, AT),
            json!({"ok": {"status": "key_unknown", "verification": {"failure": {"code": "signature.unknown_key"}}, "findings": [{"outcome": "unknown"}]}})),
        case("mark-revoked-key", "CONV-03", "A key revoked for compromise on 1 February: a mark claiming 15 January is untrusted too (the date is the signer's claim)", "trustlist.check_mark",
            check(&mark(0x0b, "2026-01-15T09:00:00+07:00", false), &lists, AT),
            json!({"ok": {"status": "key_revoked", "holder": {"name": "Ủy ban nhân dân phường Kim Tân"}, "key_status": {"state": "revoked", "at": "2026-02-01T00:00:00+07:00", "reason": "thiết bị ký bị mất"}, "verification": {"failure": {"code": "trust.key_compromised"}}}})),
        case("mark-retired-key-before", "CONV-03", "A key retired on 1 February keeps a mark of 15 January", "trustlist.check_mark",
            check(&mark(0x0c, "2026-01-15T09:00:00+07:00", false), &lists, AT),
            json!({"ok": {"status": "verified", "key_status": {"state": "retired", "at": "2026-02-01T00:00:00+07:00"}}})),
        case("mark-retired-key-after", "CONV-03", "…but not a mark claiming 15 February", "trustlist.check_mark",
            check(&mark(0x0c, "2026-02-15T09:00:00+07:00", false), &lists, AT),
            json!({"ok": {"status": "key_outside_period", "verification": {"failure": {"code": "trust.outside_validity"}}}})),
        case("mark-list-stale", "CONV-03", "Checked on 1 August, after the list's next update (1 July): the signature verifies but the state is list_stale, with the list's finding", "trustlist.check_mark",
            check(&valid, &lists, "2026-08-01T00:00:00+07:00"),
            json!({"ok": {"status": "list_stale", "lists": [{"accepted": true, "stale": true}], "findings": [{"outcome": "warning"}, {"outcome": "warning", "field": "trust_list.stale"}]}})),
        case("mark-malformed", "CONV-03", "Not a payload", "trustlist.check_mark",
            check("EGCM:12", &lists, AT),
            json!({"ok": {"status": "malformed", "verification": {"state": "malformed"}}})),
        case("mark-chain", "CONV-03", "A key of the province list, which the province operator named in the national list signed (lists in any order)", "trustlist.check_mark",
            check(&mark(0x1e, "2026-03-02T09:15:00+07:00", false), &both, AT),
            json!({"ok": {"status": "verified", "holder": {"name": "Trung tâm Phục vụ hành chính công tỉnh Lào Cai"}, "lists": [{"accepted": true, "stale": false}, {"accepted": true}]}})),
        case("mark-chain-without-parent", "CONV-03", "The province list alone: nothing the verifier pins vouches for it, so its key is unknown", "trustlist.check_mark",
            check(&mark(0x1e, "2026-03-02T09:15:00+07:00", false), &json!([prov]), AT),
            json!({"ok": {"status": "key_unknown", "lists": [{"accepted": false}]}})),
        case("lists-verify", "CONV-03", "The national list against its pinned operator key", "trustlist.verify",
            json!({"lists": lists, "pins": pins, "at": AT}),
            json!({"ok": {"lists": [{"accepted": true, "stale": false, "sequence": 1, "vouched_by": format!("pinned key {}", kid(0x01)), "entries": 4}], "findings": []}})),
        case("lists-verify-chain", "CONV-03", "Province list first, national second: both accepted, the province list through its operator", "trustlist.verify",
            json!({"lists": both, "pins": pins, "at": AT}),
            json!({"ok": {"lists": [{"accepted": true, "vouched_by": format!("list operator Sở Khoa học và Công nghệ tỉnh Lào Cai (000.00.37.H37) ({}) of Bộ Thông tin và Truyền thông (000.00.00.G12)", kid(0x14))}, {"accepted": true}]}})),
        case("lists-verify-changed", "CONV-03", "The national list with its sequence changed after signing: not accepted, a fail finding", "trustlist.verify",
            json!({"lists": [changed_list], "pins": pins, "at": AT}),
            json!({"ok": {"lists": [{"accepted": false}], "findings": [{"outcome": "fail", "field": "trust_list.unaccepted"}]}})),
        case("lists-verify-other-pin", "CONV-03", "Pinning another key: the list is not accepted", "trustlist.verify",
            json!({"lists": lists, "pins": [public(0x02)], "at": AT}),
            json!({"ok": {"lists": [{"accepted": false}]}})),
        case("new", "CONV-03", "An empty list: format, issuer (NFC), sequence 0, no signature", "trustlist.new",
            json!({"issuer": "Bộ Thông tin và Truyền thông", "agency_code": "000.00.00.G12", "issued_at": "2025-12-01T00:00:00+07:00", "next_update": "2026-01-01T00:00:00+07:00"}),
            json!({"ok": {"list": {"format": "egov-trust-list/1", "issuer": {"name": "Bộ Thông tin và Truyền thông"}, "sequence": 0, "entries": []}, "signatures": []}})),
        case("issue", "CONV-03", "Issuing: times set, sequence + 1, the operator's deterministic Ed25519 signature over the RFC 8785 form", "trustlist.issue",
            json!({"list": unsigned_nat, "secret_key": seed(0x01), "issued_at": "2026-01-01T00:00:00+07:00", "next_update": "2026-07-01T00:00:00+07:00"}),
            json!({"ok": {"list": {"sequence": 1, "issued_at": "2026-01-01T00:00:00+07:00"}, "signatures": [{"key_id": kid(0x01), "signature": nat["signatures"][0]["signature"]}]}})),
        case("issue-twice", "CONV-03", "An issued list cannot be issued again without an edit", "trustlist.issue",
            json!({"list": nat, "secret_key": seed(0x01), "issued_at": AT, "next_update": "2026-09-01T00:00:00+07:00"}),
            json!({"error": "trust_list.conflict"})),
        case("cosign", "CONV-03", "A second operator co-signs the issued list", "trustlist.cosign",
            json!({"list": nat, "secret_key": seed(0x02)}),
            json!({"ok": {"list": {"sequence": 1}, "signatures": [{"key_id": kid(0x01)}, {"key_id": kid(0x02)}]}})),
        case("cosign-same-key", "CONV-03", "The same key cannot sign twice", "trustlist.cosign",
            json!({"list": nat, "secret_key": seed(0x01)}),
            json!({"error": "trust_list.conflict"})),
        case("add-entry", "CONV-03", "Adding a key computes its id and drops the signatures", "trustlist.add",
            json!({"list": nat, "entry": entry(0x0d, "mark_signer", "Ủy ban nhân dân xã Tả Phời", "000.04.37.H37", None)}),
            json!({"ok": {"signatures": [], "list": {"sequence": 1}}})),
        case("add-duplicate", "CONV-03", "A key already listed", "trustlist.add",
            json!({"list": nat, "entry": entry(0x0a, "mark_signer", "x", "000.01.37.H37", None)}),
            json!({"error": "trust_list.conflict"})),
        case("add-wrong-key-id", "CONV-03", "An entry whose key_id is not its public key's", "trustlist.add",
            json!({"list": nat, "entry": {"public_key": public(0x0d), "key_id": "0000000000000000", "holder": {"name": "x"}, "valid_from": AT}}),
            json!({"error": "trust_list.invalid"})),
        case("retire-unknown", "CONV-03", "Retiring a key the list does not hold", "trustlist.retire",
            json!({"list": nat, "key_id": "ffffffffffffffff", "at": AT}),
            json!({"error": "trust_list.no_such_key"})),
        case("revoke", "CONV-03", "Revoking: the status records time and reason, the signatures are dropped", "trustlist.revoke",
            json!({"list": nat, "key_id": kid(0x0a), "at": AT, "reason": "lộ khóa bí mật"}),
            json!({"ok": {"signatures": []}})),
        case("error-lists-not-array", "CONV-03", "lists must be a JSON array of lists (a number is refused before any list is read)", "trustlist.verify",
            json!({"lists": 5, "pins": pins, "at": AT}),
            json!({"error": "ffi.invalid_json"})),
        case("error-pin", "CONV-03", "A pinned key that is not 64 hex digits", "trustlist.verify",
            json!({"lists": lists, "pins": ["abc"], "at": AT}),
            json!({"error": "ffi.invalid_key"})),
        case("error-format", "CONV-03", "A list of another format version", "trustlist.verify",
            json!({"lists": [{"list": {"format": "egov-trust-list/2", "issuer": {"name": "x"}, "sequence": 1, "issued_at": AT, "next_update": "2026-09-01T00:00:00+07:00", "entries": []}, "signatures": []}], "pins": pins, "at": AT}),
            json!({"error": "trust_list.invalid"})),
        case("error-unknown-member", "CONV-03", "A list with a misspelt member", "trustlist.verify",
            json!({"lists": [{"list": {"format": "egov-trust-list/1", "isuer": {"name": "x"}}, "signatures": []}], "pins": pins, "at": AT}),
            json!({"error": "trust_list.parse"})),
        case("error-time", "CONV-03", "A verifier time without an offset", "trustlist.verify",
            json!({"lists": lists, "pins": pins, "at": "2026-03-02 10:00"}),
            json!({"error": "time.missing_offset"})),
    ];
    // Check the hand-written expectations hold before writing the file.
    for c in &mut cases {
        let got = ops::call(c["op"].as_str().unwrap(), &c["args"]);
        let ok = match (&got, c["expect"].get("ok"), c["expect"].get("error")) {
            (Ok(v), Some(e), _) => subset(e, v),
            (Err(err), _, Some(code)) => code.as_str() == Some(&*err.code),
            _ => false,
        };
        assert!(ok, "{}: got {:?}", c["id"], got.map(|v| v.to_string()));
    }
    let file = json!({
        "format": "egov-vectors/1",
        "capability": "trustlist",
        "description": "Signed trust lists of conversion-mark keys (issue 14, format egov-trust-list/1): a national list signed by the pinned operator key (seed 01…01) naming an active key (0a), a key revoked for compromise (0b), a retired key (0c) and a province operator (14) whose list names key 1e; marks signed with those seeds over the text «bản quét chưa đóng dấu»; every state a verifier shows (verified, content matches or not, lookup URL form, tampered, unknown key, revoked, retired before/after, stale list, malformed, chains in any order, a list without its parent), list verification (pinned, chained, changed after signing, another pin), building (new, add, issue with its deterministic signature, co-sign, retire, revoke) and refusals. Written by `cargo run -p egov-ffi --example trustlist_vectors`.",
        "cases": cases,
    });
    println!("{}", serde_json::to_string_pretty(&file).unwrap());
}

fn subset(expect: &Value, got: &Value) -> bool {
    match (expect, got) {
        (Value::Object(e), Value::Object(g)) => e
            .iter()
            .all(|(k, v)| g.get(k).is_some_and(|gv| subset(v, gv))),
        (Value::Array(e), Value::Array(g)) => {
            e.len() == g.len() && e.iter().zip(g).all(|(a, b)| subset(a, b))
        }
        (e, g) => e == g,
    }
}
