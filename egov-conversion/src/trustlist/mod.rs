//! Signed trust lists of conversion-mark keys: who may sign marks, since when, until when, and
//! which keys are retired or revoked — published by a list operator (a ministry, a province),
//! signed by the operator's keys that verifiers pin, and chainable (a national list naming the
//! province operators' keys). Anchors: the EU Digital COVID Certificate gateway's signed key
//! lists and France's 2D-Doc trust list; here the list also travels to a phone with the
//! verification page and is checked offline.
//!
//! The law leaves the distribution of verification keys open: the QR code is for «tra cứu và
//! sử dụng thông tin bằng phương tiện điện tử» (NĐ 137/2024 Đ4.1.a, CONV-03; Đ5.2.a, CONV-12),
//! and a verifier must learn from somewhere which keys stand behind which agency. This format
//! is SDK design, not a legal requirement.
//!
//! ## Format `egov-trust-list/1` (specification)
//!
//! A signed list is a JSON object `{"list": LIST, "signatures": [SIG, …]}`.
//!
//! `LIST` has exactly these members (unknown members are refused):
//!
//! | member | value |
//! |---|---|
//! | `format` | `"egov-trust-list/1"` |
//! | `issuer` | the operator: `{"name": …, "agency_code": …}` (`agency_code` optional: the mã định danh of QĐ 20/2020) |
//! | `sequence` | integer 0 … 2^53 − 1; a new list from the same issuer has a larger one |
//! | `issued_at`, `next_update` | RFC 3339 times with offset; `next_update` after `issued_at` |
//! | `entries` | array of `ENTRY`, key ids unique |
//!
//! `ENTRY`: `key_id` (16 hex digits: the first 8 bytes of SHA-256 of the public key, as in
//! the mark payload), `public_key` (64 hex digits, Ed25519), `role` (`"mark_signer"`: signs
//! conversion marks; `"list_operator"`: signs trust lists, for chains), `holder` (`{"name",
//! "agency_code"?}`), `valid_from` and optional `valid_until` (the key's signing period), and
//! `status`: `{"state": "active"}`, `{"state": "retired", "at": T}` or `{"state": "revoked",
//! "at": T, "reason": "…"}`. Text is NFC.
//!
//! `SIG`: `{"key_id": …, "signature": 128 hex digits}`, an Ed25519 signature over the ASCII
//! bytes `egov-trust-list:v1`, one `0x00` byte, then the **canonical form of `LIST`**: RFC 8785
//! (JSON Canonicalization Scheme; the list holds only strings, integers and objects, so no
//! number formatting arises). The list's own whitespace and member order therefore do not
//! matter; its values do. One list may carry several signatures (co-signing operators); each
//! key signs once.
//!
//! ## Verification semantics ([`verify_lists`], [`check_mark`])
//!
//! * A list is **accepted** when one of its signatures verifies with a key the verifier
//!   **pins**, or with a `list_operator` entry of an already accepted list that is active, in
//!   its signing period at the list's `issued_at`, and not revoked. Lists are accepted in any
//!   order given; a list nothing vouches for is reported and its entries ignored.
//! * A list past its `next_update` is **stale**: a finding, never silent trust. A list accepted
//!   through a stale list is stale too (a revocation may be missing upstream). A mark that
//!   otherwise verifies with keys only stale lists vouch for has the status `list_stale`.
//! * **Retired** at T (the holder stopped using the key): marks dated up to T keep their trust,
//!   later ones fail (`trust.outside_validity`), as after `valid_until`.
//! * **Revoked** for compromise at T: every mark the key signed is untrusted, whatever date it
//!   claims — the date is the signer's own claim, and a thief can backdate
//!   (`trust.key_compromised`). T and the reason are shown, not used to spare older marks.
//! * A key no accepted list names is **unknown**: the signature cannot be checked, which is
//!   not the same as invalid.
//! * The same key in several lists: revoked if any list revokes it; otherwise trusted in the
//!   intersection of the periods the lists give.

mod canonical;
mod check;

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use egov_core::{ErrorCode, VnDateTime};
use serde::{Deserialize, Serialize};
use unicode_normalization::{is_nfc, UnicodeNormalization};

pub use canonical::{to_canonical, MAX_SAFE_INTEGER};
pub use check::{
    check_mark, judge, verify_lists, AcceptedKey, ListReport, ListVerification, MarkCheck,
    MarkStatus, Voucher,
};

use crate::payload::{hex, key_id, parse_hex};
use crate::verify::PublicKey;

/// The `format` member of version 1.
pub const FORMAT: &str = "egov-trust-list/1";
/// Domain-separation tag at the start of the signed message.
pub const LIST_SIGNING_CONTEXT: &[u8] = b"egov-trust-list:v1";
/// Largest signed list [`SignedTrustList::from_json`] reads, bytes.
pub const MAX_LIST_BYTES: usize = 8 * 1024 * 1024;
/// Most entries a list may hold.
pub const MAX_ENTRIES: usize = 50_000;
/// Most signatures a list may carry.
pub const MAX_SIGNATURES: usize = 16;
/// Longest text field (names, codes, reasons), bytes.
pub const MAX_TEXT_BYTES: usize = 1024;

/// Who operates a list or holds a key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Holder {
    /// Full name (agency, organisation or system).
    pub name: String,
    /// The agency's code (mã định danh, QĐ 20/2020), if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency_code: Option<String>,
}

impl Holder {
    /// A holder, its text normalised to NFC and trimmed.
    pub fn new(name: &str, agency_code: Option<&str>) -> Self {
        Holder {
            name: nfc(name),
            agency_code: agency_code.map(nfc),
        }
    }

    /// `name (agency_code)`, or the name alone.
    pub fn display(&self) -> String {
        match &self.agency_code {
            Some(c) => format!("{} ({c})", self.name),
            None => self.name.clone(),
        }
    }
}

fn nfc(s: &str) -> String {
    s.trim().nfc().collect()
}

/// What a listed key may sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Signs conversion marks.
    MarkSigner,
    /// Signs trust lists (a national list naming province operators).
    ListOperator,
}

/// Where a key stands.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "state", rename_all = "snake_case", deny_unknown_fields)]
pub enum KeyStatus {
    /// In use.
    Active,
    /// The holder stopped using the key at `at`; what it signed before stays trusted.
    Retired {
        /// When.
        at: VnDateTime,
    },
    /// The key's secret is, or may be, known to others: nothing it signed is trusted.
    Revoked {
        /// When the compromise was declared (shown; not used to spare older marks).
        at: VnDateTime,
        /// Why, in the operator's words.
        reason: String,
    },
}

/// One key of a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ListEntry {
    /// First 8 bytes of SHA-256 of the public key, 16 hex digits.
    pub key_id: String,
    /// The Ed25519 public key.
    pub public_key: PublicKey,
    /// What the key signs.
    pub role: Role,
    /// Who holds it.
    pub holder: Holder,
    /// Start of the signing period.
    pub valid_from: VnDateTime,
    /// End of the signing period, if planned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<VnDateTime>,
    /// Active, retired or revoked.
    pub status: KeyStatus,
}

impl ListEntry {
    /// An active entry for `public_key`.
    pub fn new(
        public_key: PublicKey,
        role: Role,
        holder: Holder,
        valid_from: VnDateTime,
        valid_until: Option<VnDateTime>,
    ) -> Self {
        ListEntry {
            key_id: key_id(&public_key.0),
            public_key,
            role,
            holder,
            valid_from,
            valid_until,
            status: KeyStatus::Active,
        }
    }

    /// The last instant the key may have signed something still trusted: the earlier of
    /// `valid_until` and a retirement; `None` when open.
    pub fn trusted_until(&self) -> Option<VnDateTime> {
        let retired = match &self.status {
            KeyStatus::Retired { at } => Some(*at),
            _ => None,
        };
        match (self.valid_until, retired) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// True when the key may sign at `t`: in its period, not retired before `t`, not revoked.
    pub fn usable_at(&self, t: VnDateTime) -> bool {
        !matches!(self.status, KeyStatus::Revoked { .. })
            && t >= self.valid_from
            && self.trusted_until().is_none_or(|u| t <= u)
    }
}

/// The list itself (what is signed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TrustList {
    /// [`FORMAT`].
    pub format: String,
    /// The operator.
    pub issuer: Holder,
    /// Grows with every new list of the same issuer.
    pub sequence: u64,
    /// When this list was issued.
    pub issued_at: VnDateTime,
    /// When the next list is due; after it this one is stale.
    pub next_update: VnDateTime,
    /// The keys.
    pub entries: Vec<ListEntry>,
}

/// A list with its signatures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SignedTrustList {
    /// The list.
    pub list: TrustList,
    /// Signatures over its canonical form.
    pub signatures: Vec<ListSignature>,
}

/// One operator's signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ListSignature {
    /// The signing key's id (16 hex digits).
    pub key_id: String,
    /// Ed25519 signature, 128 hex digits.
    pub signature: String,
}

/// Why a trust list could not be read, built or signed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TrustListError {
    /// Not JSON of this format (serde's message gives line and column).
    #[error("not a trust list: {0}")]
    Parse(String),
    /// Larger than [`MAX_LIST_BYTES`], or too many entries or signatures.
    #[error("trust list too large: {0}")]
    TooLarge(String),
    /// Well-formed JSON, but a rule of the format is broken (the message names the member).
    #[error("invalid trust list: {0}")]
    Invalid(String),
    /// An entry, or a key, that the operation needs is not there.
    #[error("no entry with key id {0}")]
    NoSuchKey(String),
    /// The operation would break the list (a duplicate key, a second signature by one key).
    #[error("{0}")]
    Conflict(String),
}

impl egov_core::Localize for TrustListError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        use egov_core::args;
        match self {
            TrustListError::Parse(m) => args!(reason = crate::format_error_vi("JSON", m)),
            TrustListError::NoSuchKey(k) => args!(key = k),
            TrustListError::TooLarge(_)
            | TrustListError::Invalid(_)
            | TrustListError::Conflict(_) => {
                args!()
            }
        }
    }
}

impl ErrorCode for TrustListError {
    fn code(&self) -> &'static str {
        match self {
            TrustListError::Parse(_) => "trust_list.parse",
            TrustListError::TooLarge(_) => "trust_list.too_large",
            TrustListError::Invalid(_) => "trust_list.invalid",
            TrustListError::NoSuchKey(_) => "trust_list.no_such_key",
            TrustListError::Conflict(_) => "trust_list.conflict",
        }
    }
}

fn invalid(s: String) -> TrustListError {
    TrustListError::Invalid(s)
}

fn check_text(what: &str, s: &str, required: bool) -> Result<(), TrustListError> {
    if required && s.trim().is_empty() {
        return Err(invalid(format!("{what} is empty")));
    }
    if s.len() > MAX_TEXT_BYTES {
        return Err(invalid(format!(
            "{what} is {} bytes, more than {MAX_TEXT_BYTES}",
            s.len()
        )));
    }
    if !is_nfc(s) {
        return Err(invalid(format!(
            "{what} is not in Unicode NFC (normalise it before signing)"
        )));
    }
    if s.trim() != s {
        return Err(invalid(format!(
            "{what} has leading or trailing white space"
        )));
    }
    Ok(())
}

fn check_holder(what: &str, h: &Holder) -> Result<(), TrustListError> {
    check_text(&format!("{what}.name"), &h.name, true)?;
    if let Some(c) = &h.agency_code {
        check_text(&format!("{what}.agency_code"), c, true)?;
    }
    Ok(())
}

impl TrustList {
    /// An empty list (sequence 0: the first signature makes it 1).
    pub fn new(issuer: Holder, issued_at: VnDateTime, next_update: VnDateTime) -> Self {
        TrustList {
            format: FORMAT.to_owned(),
            issuer,
            sequence: 0,
            issued_at,
            next_update,
            entries: Vec::new(),
        }
    }

    /// Checks every rule of the format; the error names the member.
    pub fn validate(&self) -> Result<(), TrustListError> {
        if self.format != FORMAT {
            return Err(invalid(format!(
                "format is {:?}, this SDK reads {FORMAT:?}",
                self.format
            )));
        }
        check_holder("issuer", &self.issuer)?;
        if self.sequence > MAX_SAFE_INTEGER {
            return Err(invalid("sequence is above 2^53 - 1".into()));
        }
        if self.next_update <= self.issued_at {
            return Err(invalid(format!(
                "next_update {} is not after issued_at {}",
                self.next_update, self.issued_at
            )));
        }
        if self.entries.len() > MAX_ENTRIES {
            return Err(TrustListError::TooLarge(format!(
                "{} entries, at most {MAX_ENTRIES}",
                self.entries.len()
            )));
        }
        let mut seen = std::collections::HashSet::new();
        for (i, e) in self.entries.iter().enumerate() {
            let at = format!("entries[{i}]");
            let id = key_id(&e.public_key.0);
            if e.key_id != id {
                return Err(invalid(format!(
                    "{at}.key_id is {}, but the public key's id is {id}",
                    e.key_id
                )));
            }
            if !seen.insert(id) {
                return Err(invalid(format!("{at}: key {} is listed twice", e.key_id)));
            }
            check_holder(&format!("{at}.holder"), &e.holder)?;
            if e.valid_until.is_some_and(|u| u < e.valid_from) {
                return Err(invalid(format!("{at}.valid_until is before valid_from")));
            }
            if let KeyStatus::Revoked { reason, .. } = &e.status {
                check_text(&format!("{at}.status.reason"), reason, true)?;
            }
        }
        Ok(())
    }

    /// The canonical bytes (RFC 8785) of the list, after [`validate`](Self::validate).
    pub fn canonical_bytes(&self) -> Result<Vec<u8>, TrustListError> {
        self.validate()?;
        let v = serde_json::to_value(self).map_err(|e| invalid(e.to_string()))?;
        to_canonical(&v).map_err(invalid)
    }

    /// The message an operator signs: [`LIST_SIGNING_CONTEXT`], `0x00`, the canonical bytes.
    pub fn signed_message(&self) -> Result<Vec<u8>, TrustListError> {
        let mut m = LIST_SIGNING_CONTEXT.to_vec();
        m.push(0);
        m.extend(self.canonical_bytes()?);
        Ok(m)
    }

    /// The entry of `key_id` (16 hex digits, either case).
    pub fn entry(&self, key_id: &str) -> Option<&ListEntry> {
        let k = key_id.trim().to_ascii_lowercase();
        self.entries.iter().find(|e| e.key_id == k)
    }

    fn entry_mut(&mut self, key_id: &str) -> Result<&mut ListEntry, TrustListError> {
        let k = key_id.trim().to_ascii_lowercase();
        self.entries
            .iter_mut()
            .find(|e| e.key_id == k)
            .ok_or(TrustListError::NoSuchKey(k))
    }

    /// Adds an entry; refuses a key already listed.
    pub fn add(&mut self, entry: ListEntry) -> Result<(), TrustListError> {
        if self.entry(&entry.key_id).is_some() {
            return Err(TrustListError::Conflict(format!(
                "key {} is already in the list",
                entry.key_id
            )));
        }
        self.entries.push(entry);
        Ok(())
    }

    /// Retires a key at `at`: what it signed up to `at` stays trusted. Refuses a revoked key
    /// (revocation is final).
    pub fn retire(&mut self, key_id: &str, at: VnDateTime) -> Result<(), TrustListError> {
        let e = self.entry_mut(key_id)?;
        if matches!(e.status, KeyStatus::Revoked { .. }) {
            return Err(TrustListError::Conflict(format!(
                "key {} is revoked; a revoked key cannot be retired",
                e.key_id
            )));
        }
        e.status = KeyStatus::Retired { at };
        Ok(())
    }

    /// Revokes a key for compromise: nothing it signed stays trusted.
    pub fn revoke(
        &mut self,
        key_id: &str,
        at: VnDateTime,
        reason: &str,
    ) -> Result<(), TrustListError> {
        let e = self.entry_mut(key_id)?;
        e.status = KeyStatus::Revoked {
            at,
            reason: nfc(reason),
        };
        Ok(())
    }
}

impl SignedTrustList {
    /// A list without signatures yet.
    pub fn unsigned(list: TrustList) -> Self {
        SignedTrustList {
            list,
            signatures: Vec::new(),
        }
    }

    /// The list for editing: its signatures are dropped (they would no longer verify), so
    /// the edited list must be issued again ([`issue`](Self::issue)).
    pub fn edit(&mut self) -> &mut TrustList {
        self.signatures.clear();
        &mut self.list
    }

    /// Issues the list as a new version and signs it with the first operator key: sets
    /// `issued_at` and `next_update`, increments `sequence`, then signs. Refuses a list that
    /// already carries signatures (co-signers use [`sign`](Self::sign) on the issued list).
    pub fn issue(
        &mut self,
        key: &SigningKey,
        issued_at: VnDateTime,
        next_update: VnDateTime,
    ) -> Result<(), TrustListError> {
        if !self.signatures.is_empty() {
            return Err(TrustListError::Conflict(
                "the list is already issued and signed: co-sign it as it is, or edit it first"
                    .into(),
            ));
        }
        let mut next = self.list.clone();
        next.issued_at = issued_at;
        next.next_update = next_update;
        next.sequence = next.sequence.saturating_add(1);
        next.validate()?;
        self.list = next;
        self.sign(key)
    }

    /// Adds `key`'s signature over the list as it is (co-signing an issued list). Refuses a
    /// second signature by one key.
    pub fn sign(&mut self, key: &SigningKey) -> Result<(), TrustListError> {
        let public = key.verifying_key().to_bytes();
        let id = key_id(&public);
        if self.signatures.iter().any(|s| s.key_id == id) {
            return Err(TrustListError::Conflict(format!(
                "key {id} has already signed this list"
            )));
        }
        if self.signatures.len() >= MAX_SIGNATURES {
            return Err(TrustListError::TooLarge(format!(
                "at most {MAX_SIGNATURES} signatures"
            )));
        }
        let sig = key.sign(&self.list.signed_message()?);
        self.signatures.push(ListSignature {
            key_id: id,
            signature: hex(&sig.to_bytes()),
        });
        Ok(())
    }

    /// The ids of the keys whose signatures verify with `keys` (public keys the caller offers).
    pub fn signed_by(&self, keys: &[PublicKey]) -> Result<Vec<PublicKey>, TrustListError> {
        let message = self.list.signed_message()?;
        Ok(keys
            .iter()
            .filter(|k| self.verifies_with(k, &message))
            .copied()
            .collect())
    }

    /// True when a signature of this list verifies (strictly) with `key`.
    pub(crate) fn verifies_with(&self, key: &PublicKey, message: &[u8]) -> bool {
        let id = key_id(&key.0);
        let Ok(vk) = VerifyingKey::from_bytes(&key.0) else {
            return false;
        };
        self.signatures.iter().any(|s| {
            s.key_id == id
                && parse_hex::<64>(&s.signature)
                    .map(|b| Signature::from_bytes(&b))
                    .is_some_and(|sig| vk.verify_strict(message, &sig).is_ok())
        })
    }

    /// Reads the JSON form (at most [`MAX_LIST_BYTES`]) and checks the format's rules; it does
    /// not check signatures ([`verify_lists`] does).
    pub fn from_json(text: &str) -> Result<Self, TrustListError> {
        if text.len() > MAX_LIST_BYTES {
            return Err(TrustListError::TooLarge(format!(
                "{} bytes, at most {MAX_LIST_BYTES}",
                text.len()
            )));
        }
        let s: SignedTrustList =
            serde_json::from_str(text).map_err(|e| TrustListError::Parse(e.to_string()))?;
        if s.signatures.len() > MAX_SIGNATURES {
            return Err(TrustListError::TooLarge(format!(
                "{} signatures, at most {MAX_SIGNATURES}",
                s.signatures.len()
            )));
        }
        s.list.validate()?;
        Ok(s)
    }

    /// The JSON form, indented (members in the order of the specification).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Parses a pinned key: 64 hex digits.
pub fn parse_public_key(s: &str) -> Option<PublicKey> {
    parse_hex::<32>(s).map(PublicKey)
}
