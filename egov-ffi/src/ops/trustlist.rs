//! Signed trust lists of conversion-mark keys (issue 14; `egov_conversion::trustlist`): build,
//! issue and co-sign a list, verify lists against pinned keys, check a mark against them.
//! Lists travel as the JSON of the format `egov-trust-list/1`.

use egov_conversion::trustlist::{
    check_mark, verify_lists, Holder, ListEntry, Role, SignedTrustList, TrustList,
};
use egov_conversion::PublicKey;

use super::conversion::signing_key;
use super::*;

/// The entry `trustlist.add` takes: the key, what it signs (default `mark_signer`), who holds
/// it, its signing period. `key_id`, when given, must be the public key's.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryRequest {
    public_key: PublicKey,
    #[serde(default)]
    key_id: Option<String>,
    #[serde(default = "mark_signer")]
    role: Role,
    holder: Holder,
    valid_from: VnDateTime,
    #[serde(default)]
    valid_until: Option<VnDateTime>,
}

fn mark_signer() -> Role {
    Role::MarkSigner
}

fn list(text: &str) -> OpResult<SignedTrustList> {
    check_len("trust list", text)?;
    SignedTrustList::from_json(text).map_err(dom)
}

/// A JSON array of signed lists (objects, or strings holding one).
fn lists(text: &str) -> OpResult<Vec<SignedTrustList>> {
    let items: Vec<Value> = from_json("trust lists (a JSON array)", text)?;
    items
        .iter()
        .map(|v| match v {
            Value::String(s) => list(s),
            other => list(&other.to_string()),
        })
        .collect()
}

/// A JSON array of pinned keys, 64 hex digits each.
fn pins(text: &str) -> OpResult<Vec<PublicKey>> {
    let items: Vec<String> = from_json("pins", text)?;
    items
        .iter()
        .enumerate()
        .map(|(i, s)| {
            egov_conversion::trustlist::parse_public_key(s).ok_or_else(|| {
                OpError::input(BindingError::InvalidKey {
                    name: format!("pins[{i}]"),
                })
            })
        })
        .collect()
}

/// `trustlist.new`: an empty, unsigned list of `issuer` (sequence 0).
pub fn trustlist_new(
    issuer: &str,
    agency_code: Option<&str>,
    issued_at: &str,
    next_update: &str,
) -> OpResult<String> {
    check_len("issuer", issuer)?;
    let l = TrustList::new(
        Holder::new(issuer, agency_code),
        parse_time(issued_at, false)?,
        parse_time(next_update, false)?,
    );
    l.validate().map_err(dom)?;
    to_text(&SignedTrustList::unsigned(l))
}

/// `trustlist.add`: the list with one more entry, its signatures dropped.
pub fn trustlist_add(list_json: &str, entry: &str) -> OpResult<String> {
    let mut s = list(list_json)?;
    let r: EntryRequest = from_json("entry", entry)?;
    let mut e = ListEntry::new(
        r.public_key,
        r.role,
        Holder::new(&r.holder.name, r.holder.agency_code.as_deref()),
        r.valid_from,
        r.valid_until,
    );
    if let Some(id) = r.key_id {
        if id.trim().to_ascii_lowercase() != e.key_id {
            return Err(OpError::input(BindingError::KeyIdMismatch {
                given: clip(&id),
                actual: e.key_id,
            }));
        }
        e.key_id = id.trim().to_ascii_lowercase();
    }
    s.edit().add(e).map_err(dom)?;
    s.list.validate().map_err(dom)?;
    to_text(&s)
}

/// `trustlist.retire`: key `key_id` retired at `at`; signatures dropped.
pub fn trustlist_retire(list_json: &str, key_id: &str, at: &str) -> OpResult<String> {
    let mut s = list(list_json)?;
    let at = parse_time(at, false)?;
    s.edit().retire(key_id, at).map_err(dom)?;
    to_text(&s)
}

/// `trustlist.revoke`: key `key_id` revoked for compromise at `at`, with `reason`; signatures
/// dropped.
pub fn trustlist_revoke(list_json: &str, key_id: &str, at: &str, reason: &str) -> OpResult<String> {
    let mut s = list(list_json)?;
    let at = parse_time(at, false)?;
    check_len("reason", reason)?;
    s.edit().revoke(key_id, at, reason).map_err(dom)?;
    s.list.validate().map_err(dom)?;
    to_text(&s)
}

/// `trustlist.issue`: a new version (times set, sequence + 1) signed with the operator's seed.
pub fn trustlist_issue(
    list_json: &str,
    secret_key: &str,
    issued_at: &str,
    next_update: &str,
) -> OpResult<String> {
    let mut s = list(list_json)?;
    let key = signing_key(secret_key)?;
    s.issue(
        &key,
        parse_time(issued_at, false)?,
        parse_time(next_update, false)?,
    )
    .map_err(dom)?;
    to_text(&s)
}

/// `trustlist.cosign`: another operator's signature on the issued list, content unchanged.
pub fn trustlist_cosign(list_json: &str, secret_key: &str) -> OpResult<String> {
    let mut s = list(list_json)?;
    let key = signing_key(secret_key)?;
    s.sign(&key).map_err(dom)?;
    to_text(&s)
}

/// `trustlist.verify`: `lists` (a JSON array) against `pins` (a JSON array of hex keys) at
/// `at`: which lists are accepted, by whom, which are stale, the mark keys they vouch for.
pub fn trustlist_verify(lists_json: &str, pins_json: &str, at: &str) -> OpResult<String> {
    let v = verify_lists(
        &lists(lists_json)?,
        &pins(pins_json)?,
        parse_time(at, false)?,
    );
    to_text(&v)
}

/// `trustlist.check_mark`: one mark (QR text, or the lookup URL with the payload in its
/// fragment) against `lists` and `pins` at `at`; `content`, when given, must hash to the signed
/// SHA-256. The result's `status` is the one state to show.
pub fn trustlist_check_mark(
    qr_text: &str,
    lists_json: &str,
    pins_json: &str,
    at: &str,
    content: Option<&[u8]>,
) -> OpResult<String> {
    check_len("QR text", qr_text)?;
    if let Some(c) = content {
        check_image_size("content", c.len())?;
    }
    let v = verify_lists(
        &lists(lists_json)?,
        &pins(pins_json)?,
        parse_time(at, false)?,
    );
    to_text(&check_mark(qr_text, &v, content))
}

fn required_json(args: &Value, key: &str) -> OpResult<String> {
    json_arg(args, key)?.ok_or_else(|| missing(key))
}

/// The `trustlist.*` operations of [`call`].
pub(crate) fn call_trustlist(op: &str, args: &Value) -> OpResult {
    let text = match op {
        "trustlist.new" => trustlist_new(
            str_arg(args, "issuer")?,
            opt_str_arg(args, "agency_code")?,
            str_arg(args, "issued_at")?,
            str_arg(args, "next_update")?,
        )?,
        "trustlist.add" => trustlist_add(
            &required_json(args, "list")?,
            &required_json(args, "entry")?,
        )?,
        "trustlist.retire" => trustlist_retire(
            &required_json(args, "list")?,
            str_arg(args, "key_id")?,
            str_arg(args, "at")?,
        )?,
        "trustlist.revoke" => trustlist_revoke(
            &required_json(args, "list")?,
            str_arg(args, "key_id")?,
            str_arg(args, "at")?,
            str_arg(args, "reason")?,
        )?,
        "trustlist.issue" => trustlist_issue(
            &required_json(args, "list")?,
            str_arg(args, "secret_key")?,
            str_arg(args, "issued_at")?,
            str_arg(args, "next_update")?,
        )?,
        "trustlist.cosign" => {
            trustlist_cosign(&required_json(args, "list")?, str_arg(args, "secret_key")?)?
        }
        "trustlist.verify" => trustlist_verify(
            &required_json(args, "lists")?,
            &required_json(args, "pins")?,
            str_arg(args, "at")?,
        )?,
        "trustlist.check_mark" => trustlist_check_mark(
            str_arg(args, "qr_text")?,
            &required_json(args, "lists")?,
            &required_json(args, "pins")?,
            str_arg(args, "at")?,
            content_arg(args)?.as_deref(),
        )?,
        _ => return Err(unknown_operation(op)),
    };
    parse_text(&text)
}
