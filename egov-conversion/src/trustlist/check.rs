//! Verifying trust lists against pinned keys (chains included) and a mark against the keys they
//! vouch for. Semantics in the module documentation of [`crate::trustlist`].

use std::collections::{BTreeMap, HashSet};

use egov_core::{Finding, Instrument, LegalRef, Outcome, VnDateTime};
use serde::{Deserialize, Serialize};

use super::{Holder, KeyStatus, ListEntry, Role, SignedTrustList};
use crate::mark::Direction;
use crate::payload::key_id;
use crate::verify::{verify, PublicKey, Step, TrustSet, TrustedKey, Verification};

/// How far a list's issue time may lie ahead of the verifier's clock before it is reported.
const CLOCK_SKEW_SECONDS: i64 = 300;

/// What became of one list given to [`verify_lists`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ListReport {
    /// The operator named in the list.
    pub issuer: Holder,
    /// Its sequence number.
    pub sequence: u64,
    /// When it was issued.
    pub issued_at: VnDateTime,
    /// When the next list was due.
    pub next_update: VnDateTime,
    /// A pinned key, or an operator key of an accepted list, signed it.
    pub accepted: bool,
    /// Who vouched for it, in English: `pinned key <id>` or
    /// `list operator <name> (<id>) of <issuer>` (the `Display` of [`ListReport::voucher`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vouched_by: Option<String>,
    /// Who vouched for it, as data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voucher: Option<Voucher>,
    /// Past its `next_update`, or accepted through a stale list.
    pub stale: bool,
    /// The keys it lists (mark signers and operators).
    pub entries: usize,
}

/// Who vouched for an accepted list: the key whose signature on it was accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Voucher {
    /// A key the verifier pinned.
    PinnedKey {
        /// Its key id.
        key_id: String,
    },
    /// A list-operator key named by another accepted list.
    ListOperator {
        /// The operator holding the key.
        operator: String,
        /// Its key id.
        key_id: String,
        /// The operator of the list naming it.
        list_issuer: String,
    },
}

impl std::fmt::Display for Voucher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Voucher::PinnedKey { key_id } => write!(f, "pinned key {key_id}"),
            Voucher::ListOperator {
                operator,
                key_id,
                list_issuer,
            } => write!(f, "list operator {operator} ({key_id}) of {list_issuer}"),
        }
    }
}

/// A mark-signing key as the accepted lists give it (merged over lists).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AcceptedKey {
    /// The entry of the first accepted list that names the key (status merged: revoked if any
    /// list revokes it, retired at the earliest retirement).
    pub entry: ListEntry,
    /// Indexes (into the lists given) of the accepted lists naming it.
    pub lists: Vec<usize>,
    /// Every list naming it is stale.
    pub stale: bool,
}

/// The outcome of [`verify_lists`]: the keys to verify marks with, and what was found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ListVerification {
    /// The verifier's time the lists were judged at.
    pub at: VnDateTime,
    /// One report per list, in the order given.
    pub lists: Vec<ListReport>,
    /// Mark-signing keys of the accepted lists, by key id.
    pub keys: Vec<AcceptedKey>,
    /// The same keys as a [`TrustSet`] for [`crate::verify()`] and the page and PDF verifiers.
    pub trust: TrustSet,
    /// Stale, future-dated and unaccepted lists.
    pub findings: Vec<Finding>,
}

impl ListVerification {
    /// The accepted key with `key_id`.
    pub fn key(&self, key_id: &str) -> Option<&AcceptedKey> {
        self.keys.iter().find(|k| k.entry.key_id == key_id)
    }

    /// True when at least one list was accepted and none of the accepted ones is stale.
    pub fn all_fresh(&self) -> bool {
        self.lists.iter().any(|l| l.accepted) && self.lists.iter().all(|l| !l.accepted || !l.stale)
    }
}

fn basis() -> LegalRef {
    // The QR code «để phục vụ việc tra cứu và sử dụng thông tin bằng phương tiện điện tử».
    LegalRef::point(Instrument::Nd137_2024, 4, 1, "a")
}

/// Verifies `lists` against the keys the verifier pins, at the verifier's time `at`.
///
/// Lists may come in any order; a list signed by an active `list_operator` entry of an accepted
/// list is accepted too (chains). A list signed only by a revoked, retired or expired operator
/// key, or by nobody the verifier trusts, is reported and ignored. Findings (rule CONV-03,
/// NĐ 137/2024 Đ4.1.a: lookup by electronic means): `trust_list.stale` (Warning) for a list
/// past `next_update` or accepted through one, `trust_list.future` (Warning) for a list issued
/// after `at`, `trust_list.unaccepted` (Fail) for a list nothing vouches for.
pub fn verify_lists(
    lists: &[SignedTrustList],
    pins: &[PublicKey],
    at: VnDateTime,
) -> ListVerification {
    let messages: Vec<Option<Vec<u8>>> =
        lists.iter().map(|l| l.list.signed_message().ok()).collect();
    // Acceptance, repeated while a key used to vouch turns out revoked in an accepted list.
    let mut excluded: HashSet<[u8; 32]> = HashSet::new();
    let accepted = loop {
        let accepted = accept(lists, &messages, pins, &excluded, at);
        let revoked: HashSet<[u8; 32]> = accepted
            .iter()
            .enumerate()
            .filter_map(|(i, a)| a.as_ref().map(|_| i))
            .flat_map(|i| lists[i].list.entries.iter())
            .filter(|e| matches!(e.status, KeyStatus::Revoked { .. }))
            .map(|e| e.public_key.0)
            .collect();
        let used_revoked = accepted
            .iter()
            .flatten()
            .any(|v| revoked.contains(&v.key) && !excluded.contains(&v.key));
        if !used_revoked {
            break accepted;
        }
        excluded.extend(revoked);
    };

    let mut findings = Vec::new();
    let mut reports = Vec::with_capacity(lists.len());
    for (i, l) in lists.iter().enumerate() {
        let list = &l.list;
        let a = accepted[i].as_ref();
        let stale = a.is_some_and(|v| v.stale);
        if let Some(v) = a {
            if at > list.next_update {
                findings.push(Finding::new(
                    "CONV-03",
                    basis(),
                    Outcome::Warning,
                    format!("the trust list of {} (sequence {}) is stale: its next update was due at {}; revocations since then are not known", list.issuer.display(), list.sequence, list.next_update),
                    format!("danh sách tin cậy của {} (số thứ tự {}) đã quá hạn cập nhật ({}): các khóa bị thu hồi sau thời điểm đó chưa được biết", list.issuer.display(), list.sequence, egov_core::i18n::datetime_vi(list.next_update)),
                ).with_field("trust_list.stale"));
            } else if v.stale {
                findings.push(Finding::new(
                    "CONV-03",
                    basis(),
                    Outcome::Warning,
                    format!("the trust list of {} was accepted through a stale list: a revocation of its operator's key may be missing", list.issuer.display()),
                    format!("danh sách tin cậy của {} được chấp nhận qua một danh sách đã quá hạn cập nhật: việc thu hồi khóa của đơn vị vận hành có thể chưa được biết", list.issuer.display()),
                ).with_field("trust_list.stale"));
            }
            if list.issued_at.since(&at).num_seconds() > CLOCK_SKEW_SECONDS {
                findings.push(Finding::new(
                    "CONV-03",
                    basis(),
                    Outcome::Warning,
                    format!("the trust list of {} is dated {}, after the verifier's clock ({at}): check the clock", list.issuer.display(), list.issued_at),
                    format!("danh sách tin cậy của {} ghi lúc {}, sau giờ của thiết bị kiểm tra ({}): hãy kiểm tra đồng hồ", list.issuer.display(), egov_core::i18n::datetime_vi(list.issued_at), egov_core::i18n::datetime_vi(at)),
                ).with_field("trust_list.future"));
            }
        } else {
            findings.push(Finding::new(
                "CONV-03",
                basis(),
                Outcome::Fail,
                format!("the trust list of {} (sequence {}) is not signed by a pinned key or by an active operator key of an accepted list: its keys are ignored", list.issuer.display(), list.sequence),
                format!("danh sách tin cậy của {} (số thứ tự {}) không được ký bởi khóa đã ghim hoặc khóa đơn vị vận hành còn hiệu lực của danh sách đã chấp nhận: các khóa trong đó không được dùng", list.issuer.display(), list.sequence),
            ).with_field("trust_list.unaccepted"));
        }
        reports.push(ListReport {
            issuer: list.issuer.clone(),
            sequence: list.sequence,
            issued_at: list.issued_at,
            next_update: list.next_update,
            accepted: a.is_some(),
            vouched_by: a.map(|v| v.via.to_string()),
            voucher: a.map(|v| v.via.clone()),
            stale,
            entries: list.entries.len(),
        });
    }

    // Mark-signing keys, merged over the accepted lists.
    let mut merged: BTreeMap<String, AcceptedKey> = BTreeMap::new();
    for (i, l) in lists.iter().enumerate() {
        let Some(a) = &accepted[i] else { continue };
        for e in l.list.entries.iter().filter(|e| e.role == Role::MarkSigner) {
            match merged.get_mut(&e.key_id) {
                None => {
                    merged.insert(
                        e.key_id.clone(),
                        AcceptedKey {
                            entry: e.clone(),
                            lists: vec![i],
                            stale: a.stale,
                        },
                    );
                }
                Some(k) if k.entry.public_key == e.public_key => {
                    k.lists.push(i);
                    k.stale &= a.stale;
                    merge_entry(&mut k.entry, e);
                }
                // Same id, another key (a 64-bit id collision): keep both apart is impossible in
                // a map by id, so the later one is dropped and the earlier kept; verify() checks
                // the signature with the key itself, never the id alone.
                Some(_) => {}
            }
        }
    }
    let keys: Vec<AcceptedKey> = merged.into_values().collect();
    let trust = TrustSet {
        keys: keys
            .iter()
            .map(|k| TrustedKey {
                label: k.entry.holder.display(),
                public_key: k.entry.public_key,
                not_before: Some(k.entry.valid_from),
                not_after: k.entry.trusted_until(),
                compromised: matches!(k.entry.status, KeyStatus::Revoked { .. }),
            })
            .collect(),
    };
    ListVerification {
        at,
        lists: reports,
        keys,
        trust,
        findings,
    }
}

/// The stricter of two entries for one key: revoked wins; otherwise the latest start, the
/// earliest end or retirement.
fn merge_entry(into: &mut ListEntry, other: &ListEntry) {
    into.valid_from = into.valid_from.max(other.valid_from);
    into.valid_until = match (into.valid_until, other.valid_until) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    match (&into.status, &other.status) {
        (KeyStatus::Revoked { .. }, _) => {}
        (_, KeyStatus::Revoked { .. }) => into.status = other.status.clone(),
        (KeyStatus::Retired { at: a }, KeyStatus::Retired { at: b }) => {
            into.status = KeyStatus::Retired { at: (*a).min(*b) }
        }
        (KeyStatus::Active, KeyStatus::Retired { .. }) => into.status = other.status.clone(),
        _ => {}
    }
}

struct Accepted {
    /// The key that vouched (pinned or operator); kept to re-run acceptance without it when
    /// an accepted list revokes it.
    key: [u8; 32],
    via: Voucher,
    stale: bool,
}

fn accept(
    lists: &[SignedTrustList],
    messages: &[Option<Vec<u8>>],
    pins: &[PublicKey],
    excluded: &HashSet<[u8; 32]>,
    at: VnDateTime,
) -> Vec<Option<Accepted>> {
    let mut accepted: Vec<Option<Accepted>> = lists.iter().map(|_| None).collect();
    loop {
        let mut progress = false;
        for i in 0..lists.len() {
            if accepted[i].is_some() {
                continue;
            }
            let Some(message) = &messages[i] else {
                continue;
            };
            let list = &lists[i];
            // Pinned keys first (no period to check), then operators of accepted lists.
            let mut found = pins
                .iter()
                .filter(|p| !excluded.contains(&p.0))
                .find(|p| list.verifies_with(p, message))
                .map(|p| Accepted {
                    key: p.0,
                    via: Voucher::PinnedKey {
                        key_id: key_id(&p.0),
                    },
                    stale: false,
                });
            if found.is_none() {
                'outer: for (j, parent) in accepted.iter().enumerate() {
                    let Some(parent) = parent else { continue };
                    for e in lists[j].list.entries.iter().filter(|e| {
                        e.role == Role::ListOperator
                            && !excluded.contains(&e.public_key.0)
                            && e.usable_at(list.list.issued_at)
                    }) {
                        if list.verifies_with(&e.public_key, message) {
                            found = Some(Accepted {
                                key: e.public_key.0,
                                via: Voucher::ListOperator {
                                    operator: e.holder.display(),
                                    key_id: e.key_id.clone(),
                                    list_issuer: lists[j].list.issuer.display(),
                                },
                                stale: parent.stale,
                            });
                            break 'outer;
                        }
                    }
                }
            }
            if let Some(mut a) = found {
                a.stale |= at > list.list.next_update;
                accepted[i] = Some(a);
                progress = true;
            }
        }
        if !progress {
            return accepted;
        }
    }
}

/// What a person holding the paper (or the file) is told: one state, the order of precedence
/// being the order below.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MarkStatus {
    /// Not a payload this SDK can read.
    Malformed,
    /// A listed key, but the signature does not verify: the mark was altered or forged.
    SignatureInvalid,
    /// No accepted list names the key: the signature cannot be checked (not the same as
    /// invalid).
    KeyUnknown,
    /// The key is revoked for compromise: nothing it signed is trusted, whatever its date.
    KeyRevoked,
    /// The mark's conversion time lies outside the key's signing period (before it, after its
    /// end or its retirement).
    KeyOutsidePeriod,
    /// The file supplied is not the one the mark was made for.
    ContentMismatch,
    /// Everything verifies, but only with stale lists: a revocation may be missing.
    ListStale,
    /// The signature verifies with a listed key valid at the conversion time (and the content
    /// matches, when a file was supplied), with a fresh list.
    Verified,
}

impl MarkStatus {
    /// The state's stable code (`verified`, `key_revoked`, …).
    pub fn code(self) -> &'static str {
        match self {
            MarkStatus::Malformed => "malformed",
            MarkStatus::SignatureInvalid => "signature_invalid",
            MarkStatus::KeyUnknown => "key_unknown",
            MarkStatus::KeyRevoked => "key_revoked",
            MarkStatus::KeyOutsidePeriod => "key_outside_period",
            MarkStatus::ContentMismatch => "content_mismatch",
            MarkStatus::ListStale => "list_stale",
            MarkStatus::Verified => "verified",
        }
    }

    /// A short sentence in Vietnamese.
    pub fn message_vi(self) -> &'static str {
        match self {
            MarkStatus::Malformed => "Mã QR không phải ký hiệu chuyển đổi hợp lệ",
            MarkStatus::SignatureInvalid => {
                "Chữ ký không hợp lệ: ký hiệu đã bị sửa đổi hoặc giả mạo"
            }
            MarkStatus::KeyUnknown => {
                "Không kiểm tra được chữ ký: khóa ký không có trong danh sách tin cậy"
            }
            MarkStatus::KeyRevoked => "Khóa ký đã bị thu hồi: không tin cậy ký hiệu này",
            MarkStatus::KeyOutsidePeriod => {
                "Thời gian chuyển đổi nằm ngoài thời hạn sử dụng của khóa ký"
            }
            MarkStatus::ContentMismatch => "Tệp đã chọn không phải tệp được chuyển đổi",
            MarkStatus::ListStale => "Chữ ký hợp lệ, nhưng danh sách tin cậy đã quá hạn cập nhật",
            MarkStatus::Verified => "Đã xác thực: chữ ký hợp lệ, khóa ký được tin cậy",
        }
    }

    /// The same in English.
    pub fn message_en(self) -> &'static str {
        match self {
            MarkStatus::Malformed => "The QR code is not a valid conversion mark",
            MarkStatus::SignatureInvalid => "Invalid signature: the mark was altered or forged",
            MarkStatus::KeyUnknown => {
                "The signature cannot be checked: the signing key is not on the trust list"
            }
            MarkStatus::KeyRevoked => "The signing key has been revoked: do not trust this mark",
            MarkStatus::KeyOutsidePeriod => {
                "The conversion time lies outside the signing key's period of use"
            }
            MarkStatus::ContentMismatch => "The file chosen is not the file that was converted",
            MarkStatus::ListStale => "Valid signature, but the trust list is past its update date",
            MarkStatus::Verified => "Verified: valid signature by a trusted key",
        }
    }
}

/// A mark checked against verified trust lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MarkCheck {
    /// The one state to show.
    pub status: MarkStatus,
    /// The verification ladder underneath (mark, key id, failure with its code).
    pub verification: Verification,
    /// Who holds the signing key, when an accepted list names it (also for a revoked key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<Holder>,
    /// The key's status in the lists (merged).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_status: Option<KeyStatus>,
    /// The lists, as judged.
    pub lists: Vec<ListReport>,
    /// The mark's finding first, then the lists' findings.
    pub findings: Vec<Finding>,
}

/// Checks a mark's QR text (or a lookup URL with the payload in its fragment) against the
/// keys of `lists` (see [`verify_lists`]); `content`, when given, must hash to the signed
/// SHA-256. The result's finding cites CONV-03 (NĐ 137/2024 Đ4.1.a) for paper → data marks and
/// CONV-12 (Đ5.2.a) for data → paper marks.
pub fn check_mark(qr_text: &str, lists: &ListVerification, content: Option<&[u8]>) -> MarkCheck {
    judge(verify(qr_text, &lists.trust, content), lists)
}

/// [`check_mark`] of a verification already made with `lists.trust` (a mark found on a page
/// image or in a PDF): the one state, who holds the key, the findings.
pub fn judge(v: Verification, lists: &ListVerification) -> MarkCheck {
    let accepted = v.key_id.as_deref().and_then(|id| lists.key(id));
    let status = match v.failure.as_ref() {
        Some(f) => match (f.step, f.code.as_str()) {
            (Step::Decode, _) => MarkStatus::Malformed,
            (_, "signature.unknown_key") => MarkStatus::KeyUnknown,
            (_, "trust.key_compromised") => MarkStatus::KeyRevoked,
            (Step::Trust, _) => MarkStatus::KeyOutsidePeriod,
            (Step::Content, _) => MarkStatus::ContentMismatch,
            _ => MarkStatus::SignatureInvalid,
        },
        None if accepted.is_some_and(|k| k.stale) => MarkStatus::ListStale,
        None => MarkStatus::Verified,
    };
    let (rule, basis) = match v.mark.as_ref().map(|m| m.direction) {
        Some(Direction::DataToPaper) => (
            "CONV-12",
            LegalRef::point(Instrument::Nd137_2024, 5, 2, "a"),
        ),
        _ => ("CONV-03", basis()),
    };
    let outcome = match status {
        MarkStatus::Verified => Outcome::Pass,
        MarkStatus::ListStale => Outcome::Warning,
        MarkStatus::KeyUnknown => Outcome::Unknown,
        _ => Outcome::Fail,
    };
    let who = accepted.map(|k| k.entry.holder.display());
    let detail_en = match (&who, v.failure.as_ref()) {
        (_, Some(f)) => format!(": {}", f.reason),
        (Some(w), None) => format!(" (key {} held by {w})", v.key_id.as_deref().unwrap_or("")),
        (None, None) => String::new(),
    };
    let detail_vi = match (&who, v.failure.as_ref(), accepted.map(|k| &k.entry.status)) {
        (Some(w), _, Some(KeyStatus::Revoked { at, reason })) => {
            format!(
                " (khóa {} của {w}, thu hồi lúc {}: {reason})",
                v.key_id.as_deref().unwrap_or(""),
                egov_core::i18n::datetime_vi(*at)
            )
        }
        (Some(w), _, _) => format!(" (khóa {} của {w})", v.key_id.as_deref().unwrap_or("")),
        (None, _, _) => v
            .key_id
            .as_deref()
            .map(|id| format!(" (khóa {id})"))
            .unwrap_or_default(),
    };
    let mut findings = vec![Finding::new(
        rule,
        basis,
        outcome,
        format!("{}{detail_en}", status.message_en()),
        format!("{}{detail_vi}", status.message_vi()),
    )
    .with_field(status.code())];
    findings.extend(lists.findings.iter().cloned());
    MarkCheck {
        status,
        holder: accepted.map(|k| k.entry.holder.clone()),
        key_status: accepted.map(|k| k.entry.status.clone()),
        verification: v,
        lists: lists.lists.clone(),
        findings,
    }
}
