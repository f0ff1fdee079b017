//! End-to-end tests of `egov trustlist …`, `egov keygen --entry-out` and `egov mark verify
//! --trust-list` (issue 14: signed trust lists of conversion-mark keys).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn egov(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_egov"))
        .env("EGOV_LANG", "en")
        .args(args)
        .output()
        .expect("the egov binary runs")
}

fn ok(o: Output) -> Output {
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string() + &String::from_utf8_lossy(&o.stderr)
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", text(o)))
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

struct World {
    d: PathBuf,
}

impl World {
    fn new(name: &str) -> Self {
        let d =
            std::env::temp_dir().join(format!("egov-cli-trustlist-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        World { d }
    }

    fn p(&self, name: &str) -> PathBuf {
        self.d.join(name)
    }

    /// A key file (and its trust-list entry) held by `label`.
    fn key(&self, name: &str, label: &str, role: &str) -> (PathBuf, PathBuf, String) {
        let key = self.p(&format!("{name}.json"));
        let entry = self.p(&format!("{name}.entry.json"));
        let o = ok(egov(&[
            "--json",
            "keygen",
            "--out",
            s(&key),
            "--label",
            label,
            "--entry-out",
            s(&entry),
            "--agency-code",
            "000.00.37.H37",
            "--role",
            role,
        ]));
        (key, entry, json(&o)["key_id"].as_str().unwrap().to_owned())
    }

    /// A payload file of a paper → data mark signed by `key` at `at`.
    fn mark(&self, key: &Path, at: &str) -> PathBuf {
        let page = self.p("page.png");
        if !page.exists() {
            image::GrayImage::from_pixel(1240, 1754, image::Luma([255u8]))
                .save(&page)
                .unwrap();
        }
        let payload = self.p(&format!("mark-{}.txt", at.replace(':', "")));
        ok(egov(&[
            "mark",
            "paper-to-data",
            "--page",
            s(&page),
            "--converter",
            "UBND phường Cốc Lếu",
            "--key",
            s(key),
            "--at",
            at,
            "--dpi",
            "150",
            "--out",
            s(&self.p("marked.png")),
            "--payload-out",
            s(&payload),
            "--force",
        ]));
        payload
    }

    fn check(
        &self,
        payload: &Path,
        lists: &[&Path],
        pin: &Path,
        at: &str,
    ) -> (i32, serde_json::Value) {
        let mut args = vec!["--json", "mark", "verify", s(payload), "--payload"];
        for l in lists {
            args.extend(["--trust-list", s(l)]);
        }
        args.extend(["--pin", s(pin), "--at", at]);
        let o = egov(&args);
        (o.status.code().unwrap(), json(&o))
    }
}

const T0: &str = "2026-01-01T00:00:00+07:00";
const NOW: &str = "2026-03-02T10:00:00+07:00";

/// A national list (operator `op`) holding a mark key `k`, issued at T0 for 90 days.
fn national(w: &World) -> (PathBuf, PathBuf, PathBuf, String) {
    let (op, _, _) = w.key("op", "Bộ Thông tin và Truyền thông", "list-operator");
    let (k, entry, kid) = w.key("k", "UBND phường Cốc Lếu", "mark-signer");
    let list = w.p("national.json");
    ok(egov(&[
        "trustlist",
        "new",
        "--issuer",
        "Bộ Thông tin và Truyền thông",
        "--issuer-code",
        "000.00.00.G12",
        "--out",
        s(&list),
    ]));
    ok(egov(&[
        "trustlist",
        "add",
        s(&list),
        "--entry",
        s(&entry),
        "--from",
        "2025-01-01T00:00:00+07:00",
    ]));
    ok(egov(&[
        "trustlist",
        "sign",
        s(&list),
        "--key",
        s(&op),
        "--at",
        T0,
        "--valid-days",
        "90",
    ]));
    (list, op, k, kid)
}

#[test]
fn conv_03_cli_trust_list_workflow_and_mark_states() {
    let w = World::new("flow");
    let (list, op, k, kid) = national(&w);
    let shown = ok(egov(&["trustlist", "show", s(&list)]));
    assert!(text(&shown).contains("UBND phường Cốc Lếu") && text(&shown).contains(&kid));
    let v = ok(egov(&[
        "--json",
        "trustlist",
        "verify",
        s(&list),
        "--pin",
        s(&op),
        "--at",
        NOW,
    ]));
    assert_eq!(json(&v)["lists"][0]["accepted"], true);

    let mark = w.mark(&k, "2026-03-02T09:15:00+07:00");
    let (code, j) = w.check(&mark, &[&list], &op, NOW);
    assert_eq!(code, 0, "{j}");
    assert_eq!(j["trust_list"]["status"], "verified");
    assert_eq!(j["trust_list"]["holder"]["name"], "UBND phường Cốc Lếu");
    // The text says it in Vietnamese first.
    let o = egov(&[
        "--lang",
        "vi",
        "mark",
        "verify",
        s(&mark),
        "--payload",
        "--trust-list",
        s(&list),
        "--pin",
        s(&op),
        "--at",
        NOW,
    ]);
    assert!(text(&o).contains("Đã xác thực"), "{}", text(&o));

    // Stale: after the next update (90 days after 1 January).
    let (code, j) = w.check(&mark, &[&list], &op, "2026-05-01T00:00:00+07:00");
    assert_eq!(code, 1);
    assert_eq!(j["trust_list"]["status"], "list_stale");
    let o = egov(&[
        "--lang",
        "vi",
        "trustlist",
        "verify",
        s(&list),
        "--pin",
        s(&op),
        "--at",
        "2026-05-01T00:00:00+07:00",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("quá hạn cập nhật"));

    // Unknown key: pinned another operator, nothing vouches.
    let (other, _, _) = w.key("other", "Sở khác", "list-operator");
    let (code, j) = w.check(&mark, &[&list], &other, NOW);
    assert_eq!(code, 1);
    assert_eq!(j["trust_list"]["status"], "key_unknown");

    // Revoked (after the mark's date): every mark untrusted; editing dropped the signature.
    let o = ok(egov(&[
        "trustlist",
        "revoke",
        s(&list),
        "--key-id",
        &kid,
        "--reason",
        "thiết bị ký bị mất",
        "--at",
        "2026-03-02T09:30:00+07:00",
    ]));
    assert!(text(&o).contains("sign it again"));
    let (_, j) = w.check(&mark, &[&list], &op, NOW);
    assert_eq!(
        j["trust_list"]["lists"][0]["accepted"], false,
        "unsigned after the edit"
    );
    ok(egov(&[
        "trustlist",
        "sign",
        s(&list),
        "--key",
        s(&op),
        "--at",
        NOW,
    ]));
    let (code, j) = w.check(&mark, &[&list], &op, NOW);
    assert_eq!(code, 1);
    assert_eq!(j["trust_list"]["status"], "key_revoked");
    assert_eq!(
        j["trust_list"]["key_status"]["reason"],
        "thiết bị ký bị mất"
    );
    assert_eq!(j["trust_list"]["lists"][0]["sequence"], 2);

    // A changed file (a value, not whitespace) is not accepted.
    let body = std::fs::read_to_string(&list).unwrap();
    let changed = w.p("changed.json");
    std::fs::write(&changed, body.replace("\"sequence\": 2", "\"sequence\": 3")).unwrap();
    let o = egov(&[
        "--json",
        "trustlist",
        "verify",
        s(&changed),
        "--pin",
        s(&op),
        "--at",
        NOW,
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json(&o)["lists"][0]["accepted"], false);
}

#[test]
fn conv_03_cli_chain_retire_and_cosign() {
    let w = World::new("chain");
    let (national, op, _, _) = national(&w);
    // The province operator, named in the national list; its own list names key p.
    let (prov_op, prov_entry, _) = w.key(
        "prov-op",
        "Sở Khoa học và Công nghệ tỉnh Lào Cai",
        "list-operator",
    );
    ok(egov(&[
        "trustlist",
        "add",
        s(&national),
        "--entry",
        s(&prov_entry),
        "--from",
        "2025-01-01T00:00:00+07:00",
    ]));
    ok(egov(&[
        "trustlist",
        "sign",
        s(&national),
        "--key",
        s(&op),
        "--at",
        T0,
        "--valid-days",
        "180",
    ]));
    let (p, _, pid) = w.key(
        "p",
        "Trung tâm Phục vụ hành chính công tỉnh Lào Cai",
        "mark-signer",
    );
    let province = w.p("province.json");
    ok(egov(&[
        "trustlist",
        "new",
        "--issuer",
        "Sở Khoa học và Công nghệ tỉnh Lào Cai",
        "--out",
        s(&province),
    ]));
    ok(egov(&[
        "trustlist",
        "add",
        s(&province),
        "--key",
        s(&p),
        "--from",
        "2025-06-01T00:00:00+07:00",
    ]));
    ok(egov(&[
        "trustlist",
        "sign",
        s(&province),
        "--key",
        s(&prov_op),
        "--at",
        "2026-02-01T00:00:00+07:00",
    ]));
    let mark = w.mark(&p, "2026-03-02T09:15:00+07:00");
    let (code, j) = w.check(
        &mark,
        &[&province, &national],
        &op,
        "2026-03-02T10:00:00+07:00",
    );
    assert_eq!(code, 0, "{j}");
    assert!(j["trust_list"]["lists"][0]["vouched_by"]
        .as_str()
        .unwrap()
        .starts_with("list operator"));
    // Without the national list nothing vouches for the province list.
    let (_, j) = w.check(&mark, &[&province], &op, "2026-03-02T10:00:00+07:00");
    assert_eq!(j["trust_list"]["status"], "key_unknown");

    // Retired on 1 March: the mark of 2 March is outside the key's period; one of 28 February
    // keeps its trust.
    ok(egov(&[
        "trustlist",
        "retire",
        s(&province),
        "--key-id",
        &pid,
        "--at",
        "2026-03-01T00:00:00+07:00",
    ]));
    ok(egov(&[
        "trustlist",
        "sign",
        s(&province),
        "--key",
        s(&prov_op),
        "--at",
        "2026-03-01T12:00:00+07:00",
    ]));
    let (_, j) = w.check(
        &mark,
        &[&province, &national],
        &op,
        "2026-03-02T10:00:00+07:00",
    );
    assert_eq!(j["trust_list"]["status"], "key_outside_period");
    let older = w.mark(&p, "2026-02-28T09:15:00+07:00");
    let (code, _) = w.check(
        &older,
        &[&province, &national],
        &op,
        "2026-03-02T10:00:00+07:00",
    );
    assert_eq!(code, 0);

    // Co-signing by a second operator; the same key twice is refused with its code.
    let (second, _, _) = w.key("second", "Cục Chuyển đổi số quốc gia", "list-operator");
    let o = ok(egov(&[
        "--json",
        "trustlist",
        "sign",
        s(&national),
        "--key",
        s(&second),
    ]));
    assert_eq!(json(&o)["signatures"].as_array().unwrap().len(), 2);
    let o = egov(&["trustlist", "sign", s(&national), "--key", s(&second)]);
    assert_ne!(o.status.code(), Some(0));
    assert!(text(&o).contains("trust_list.conflict"), "{}", text(&o));
    let v = ok(egov(&[
        "--json",
        "trustlist",
        "verify",
        s(&national),
        "--pin",
        s(&second),
        "--at",
        "2026-03-02T10:00:00+07:00",
    ]));
    assert_eq!(json(&v)["lists"][0]["accepted"], true);
}

#[test]
fn conv_03_cli_trust_list_errors_are_coded() {
    let w = World::new("errors");
    let bad = w.p("bad.json");
    std::fs::write(&bad, "{\"list\": 1}").unwrap();
    let o = egov(&["trustlist", "show", s(&bad)]);
    assert_ne!(o.status.code(), Some(0));
    assert!(text(&o).contains("trust_list.parse"), "{}", text(&o));
    let o = egov(&["trustlist", "show", s(&w.p("missing.json"))]);
    assert_ne!(o.status.code(), Some(0));
    let (list, op, k, _) = national(&w);
    let o = egov(&[
        "trustlist",
        "retire",
        s(&list),
        "--key-id",
        "ffffffffffffffff",
    ]);
    assert!(text(&o).contains("trust_list.no_such_key"), "{}", text(&o));
    let o = egov(&["trustlist", "verify", s(&list), "--pin", "abc"]);
    assert_ne!(o.status.code(), Some(0));
    // --trust and --trust-list together: a usage error.
    let mark = w.mark(&k, "2026-03-02T09:15:00+07:00");
    let o = egov(&[
        "mark",
        "verify",
        s(&mark),
        "--payload",
        "--trust",
        s(&list),
        "--trust-list",
        s(&list),
        "--pin",
        s(&op),
    ]);
    assert_eq!(o.status.code(), Some(2));
    // An existing output is not replaced without --force.
    let o = egov(&["trustlist", "new", "--issuer", "x", "--out", s(&list)]);
    assert!(text(&o).contains("io.exists"), "{}", text(&o));
}

/// CONV-03: after an edit, the tool says what to do next as it is: a list that had signatures
/// lost them and must be signed again; a list never signed must be signed, and nothing was
/// dropped from it.
#[test]
fn conv_03_cli_after_an_edit_says_sign_again_or_sign_first() {
    let w = World::new("next");
    let (list, _, _, _) = national(&w);
    let (_, entry, _) = w.key("k2", "UBND xã Thử", "mark-signer");
    let added = ok(egov(&["trustlist", "add", s(&list), "--entry", s(&entry)]));
    assert!(
        text(&added).contains("signatures dropped"),
        "{}",
        text(&added)
    );
    let fresh = w.p("fresh.json");
    ok(egov(&[
        "trustlist",
        "new",
        "--issuer",
        "X",
        "-o",
        s(&fresh),
    ]));
    let added = ok(egov(&["trustlist", "add", s(&fresh), "--entry", s(&entry)]));
    assert!(text(&added).contains("not signed yet"), "{}", text(&added));
    assert!(!text(&added).contains("dropped"), "{}", text(&added));
}
