//! security.txt (RFC 9116) parser and validator for criterion e) (TRUST-02.e, NĐ 137/2024
//! Đ21.2.e). Every problem carries a stable machine code and, where it has one, a 1-based line.
//!
//! # Whose file it is
//!
//! A security.txt says who to contact about *one* site, so it is judged for the host it stands
//! for, not only on its own syntax:
//!
//! * **Where it came from.** The evidence is the bytes plus the URI they were fetched from
//!   ([`SecurityTxt::fetched_from`]; in a [`crate::SiteEvidence`] the second element of
//!   `security_txt`, filled in by the probe with `https://HOST/.well-known/security.txt`). RFC 9116
//!   §3: a file «only applies to the domain in the URI used to retrieve it». A file fetched from
//!   another site than the one assessed ([`OriginProblem::OtherSite`]) is not the site's: `Fail`.
//!   One fetched from another host of the same organisation (`www.` of the site, its parent
//!   domain) is a warning ([`OriginProblem::OtherHost`]).
//! * **`Canonical`** (RFC 9116 §2.5.2): when the file has Canonical fields, one of them should be
//!   the URI it was fetched from; «if … the URI used to retrieve that file is not listed within
//!   any canonical fields, then the contents of the file SHOULD NOT be trusted». Compared as URLs
//!   (host case and default port do not matter). None of them listing the fetched-from URI is a
//!   warning ([`ProblemKind::CanonicalMismatch`]) when some Canonical is on the site's own domain
//!   (a moved file, a second location); when **every** Canonical is on another site
//!   ([`OriginProblem::CanonicalElsewhere`]) the file is another site's copy: `Fail`, and its
//!   contacts are not counted. Without a fetched-from URI the Canonical fields are judged against
//!   the site's host.
//! * **Contacts** (RFC 9116 §2.5.3) at a domain not related to the site are a warning
//!   ([`OriginProblem::ForeignContact`]): reports may not reach the owner (outsourcing to a CERT
//!   or a vendor is legitimate, hence not a failure). `tel:` contacts have no domain.
//!
//! "Related" means the same organisation: the same registrable domain (one label below the
//! public suffix: `good.test.gov.vn`, `test.gov.vn` and `www.test.gov.vn` are one organisation,
//! `test.gov.vn` and `mic.gov.vn` are two) as the site's host, the fetched-from host, the
//! system's URL or a name the caller lists as the owner's (`gov_names`). The public suffixes are
//! approximated without the Public Suffix List: a two-letter country code with a shared second
//! level (`gov.vn`, `com.vn`, `edu.vn`, `co.uk`, …) or a single top-level label. For contacts
//! only, a `gov.vn` address is related to a `gov.vn` site: parent agencies and the state's
//! incident-response centres are all under `gov.vn`. See [`evaluate_contact_for`].

use egov_core::{ErrorCode, VnDateTime};
use serde::{Deserialize, Serialize};

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Violates a MUST of RFC 9116.
    Error,
    /// Violates a SHOULD / recommendation.
    Warning,
    /// Informational.
    Notice,
}

/// What is wrong, one variant per stable code (see [`ErrorCode`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// The file is not UTF-8 (RFC 9116 §3).
    InvalidUtf8,
    /// A line is neither a comment, blank, nor `Name: value` (RFC 9116 §3, ABNF §6).
    InvalidLine,
    /// A field has an empty value.
    EmptyValue,
    /// No `Contact` field (RFC 9116 §2.5.3: MUST be present).
    MissingContact,
    /// No `Expires` field (RFC 9116 §2.5.5: MUST be present).
    MissingExpires,
    /// More than one `Expires` (§2.5.5: MUST NOT appear more than once).
    MultipleExpires,
    /// `Expires` is not an RFC 3339 date-time (§2.5.5).
    InvalidExpires,
    /// `Expires` is not after the evaluation time (§2.5.5: stale).
    Expired,
    /// `Expires` is more than a year away (§2.5.5: SHOULD be less than a year).
    ExpiresTooFar,
    /// A value that must be a URI is not one (§2.5).
    InvalidUri,
    /// A web URI does not use https (§2.5: web URIs MUST begin with "https://").
    InsecureUri,
    /// More than one `Preferred-Languages` (§2.5.8: MUST NOT appear more than once).
    MultiplePreferredLanguages,
    /// A language tag is malformed (§2.5.8, RFC 5646).
    InvalidLanguageTag,
    /// A field name RFC 9116 does not define (§2.4: allowed, ignored).
    UnknownField,
    /// None of the `Canonical` URIs is the URI the file was fetched from (§2.5.2).
    CanonicalMismatch,
    /// The file is not signed (§2.3: SHOULD be digitally signed).
    NotSigned,
    /// The file starts as an OpenPGP cleartext signed message but the structure is broken.
    InvalidSignatureBlock,
}

impl ErrorCode for ProblemKind {
    fn code(&self) -> &'static str {
        match self {
            ProblemKind::InvalidUtf8 => "security_txt.invalid_utf8",
            ProblemKind::InvalidLine => "security_txt.invalid_line",
            ProblemKind::EmptyValue => "security_txt.empty_value",
            ProblemKind::MissingContact => "security_txt.missing_contact",
            ProblemKind::MissingExpires => "security_txt.missing_expires",
            ProblemKind::MultipleExpires => "security_txt.multiple_expires",
            ProblemKind::InvalidExpires => "security_txt.invalid_expires",
            ProblemKind::Expired => "security_txt.expired",
            ProblemKind::ExpiresTooFar => "security_txt.expires_too_far",
            ProblemKind::InvalidUri => "security_txt.invalid_uri",
            ProblemKind::InsecureUri => "security_txt.insecure_uri",
            ProblemKind::MultiplePreferredLanguages => "security_txt.multiple_preferred_languages",
            ProblemKind::InvalidLanguageTag => "security_txt.invalid_language_tag",
            ProblemKind::UnknownField => "security_txt.unknown_field",
            ProblemKind::CanonicalMismatch => "security_txt.canonical_mismatch",
            ProblemKind::NotSigned => "security_txt.not_signed",
            ProblemKind::InvalidSignatureBlock => "security_txt.invalid_signature_block",
        }
    }
}

/// The problem in English (the Vietnamese is the catalogue's, [`egov_core::Localize`]).
impl std::fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ProblemKind::InvalidUtf8 => "the file is not UTF-8 (RFC 9116 §3)",
            ProblemKind::InvalidLine => {
                "a line is neither a comment, blank, nor `Name: value` (RFC 9116 §3)"
            }
            ProblemKind::EmptyValue => "a field has an empty value",
            ProblemKind::MissingContact => "no Contact field (RFC 9116 §2.5.3: required)",
            ProblemKind::MissingExpires => "no Expires field (RFC 9116 §2.5.5: required)",
            ProblemKind::MultipleExpires => "Expires appears more than once (RFC 9116 §2.5.5)",
            ProblemKind::InvalidExpires => "Expires is not an RFC 3339 date-time (RFC 9116 §2.5.5)",
            ProblemKind::Expired => {
                "the file has expired: Expires is not after the evaluation time (RFC 9116 §2.5.5)"
            }
            ProblemKind::ExpiresTooFar => {
                "Expires is more than a year after the evaluation time (RFC 9116 §2.5.5)"
            }
            ProblemKind::InvalidUri => "a value that must be a URI is not one (RFC 9116 §2.5)",
            ProblemKind::InsecureUri => "a web URI does not use https (RFC 9116 §2.5)",
            ProblemKind::MultiplePreferredLanguages => {
                "Preferred-Languages appears more than once (RFC 9116 §2.5.8)"
            }
            ProblemKind::InvalidLanguageTag => {
                "a language tag is malformed (RFC 9116 §2.5.8, RFC 5646)"
            }
            ProblemKind::UnknownField => {
                "a field RFC 9116 does not define (allowed, ignored: RFC 9116 §2.4)"
            }
            ProblemKind::CanonicalMismatch => {
                "no Canonical URI is the URI the file was fetched from (RFC 9116 §2.5.2)"
            }
            ProblemKind::NotSigned => "the file is not OpenPGP-signed (RFC 9116 §2.3)",
            ProblemKind::InvalidSignatureBlock => {
                "the file starts as an OpenPGP signed message but its signature block is broken"
            }
        })
    }
}

impl egov_core::Localize for ProblemKind {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
}

impl ProblemKind {
    /// The severity RFC 9116 gives this problem.
    pub fn severity(self) -> Severity {
        match self {
            ProblemKind::ExpiresTooFar | ProblemKind::CanonicalMismatch => Severity::Warning,
            ProblemKind::UnknownField | ProblemKind::NotSigned => Severity::Notice,
            _ => Severity::Error,
        }
    }
}

/// One problem found in a security.txt file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Problem {
    /// What is wrong.
    pub kind: ProblemKind,
    /// The stable machine code (`security_txt.missing_contact`).
    pub code: &'static str,
    /// Error, warning or notice.
    pub severity: Severity,
    /// 1-based line number in the file, when the problem is on a line.
    pub line: Option<usize>,
    /// What is wrong on this line, in English.
    pub message: String,
    /// What is wrong on this line, in Vietnamese (with the RFC 9116 section it breaks).
    pub message_vi: String,
}

/// A field as it appeared in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Field {
    /// The field name as written.
    pub name: String,
    /// The value, trimmed.
    pub value: String,
    /// 1-based line number.
    pub line: usize,
}

/// A parsed security.txt file.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SecurityTxt {
    /// Every field, in file order.
    pub fields: Vec<Field>,
    /// `Contact` URIs (valid ones only).
    pub contacts: Vec<String>,
    /// The `Expires` value, if it parsed.
    pub expires: Option<VnDateTime>,
    /// `Canonical` URIs.
    pub canonical: Vec<String>,
    /// `Encryption` URIs.
    pub encryption: Vec<String>,
    /// `Policy` URIs.
    pub policy: Vec<String>,
    /// Language tags from `Preferred-Languages`.
    pub preferred_languages: Vec<String>,
    /// Whether the file is an OpenPGP cleartext signed message (signature not verified).
    pub signed: bool,
    /// The URI the file was fetched from, as given to [`parse_security_txt`] (RFC 9116 §3: the
    /// file applies to that host only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fetched_from: Option<String>,
    /// Every problem, in line order (file-level problems last).
    pub problems: Vec<Problem>,
}

impl SecurityTxt {
    /// `true` when no problem has severity `Error`.
    pub fn is_valid(&self) -> bool {
        !self.problems.iter().any(|p| p.severity == Severity::Error)
    }

    /// The codes of all problems, in order.
    pub fn codes(&self) -> Vec<&'static str> {
        self.problems.iter().map(|p| p.code).collect()
    }
}

fn push(
    problems: &mut Vec<Problem>,
    kind: ProblemKind,
    line: Option<usize>,
    message: String,
    message_vi: String,
) {
    problems.push(Problem {
        kind,
        code: kind.code(),
        severity: kind.severity(),
        line,
        message,
        message_vi,
    });
}

const SIG_HEADER: &str = "-----BEGIN PGP SIGNED MESSAGE-----";
const SIG_START: &str = "-----BEGIN PGP SIGNATURE-----";
const SIG_END: &str = "-----END PGP SIGNATURE-----";
const ONE_YEAR_SECS: i64 = 366 * 24 * 3600;

/// TRUST-02.e (NĐ 137/2024 Đ21.2.e; RFC 9116 §2–§3): parses and validates a security.txt file.
/// `now` is the evaluation time (for `Expires`); `fetched_from` is the URI the file was read
/// from, compared with `Canonical` when given. Never panics, whatever the input.
pub fn parse_security_txt(
    input: &[u8],
    now: VnDateTime,
    fetched_from: Option<&str>,
) -> SecurityTxt {
    let mut out = SecurityTxt {
        fetched_from: fetched_from.map(str::to_owned),
        ..SecurityTxt::default()
    };
    let text = match std::str::from_utf8(input) {
        Ok(t) => std::borrow::Cow::Borrowed(t),
        Err(e) => {
            push(
                &mut out.problems,
                ProblemKind::InvalidUtf8,
                Some(
                    1 + input[..e.valid_up_to()]
                        .iter()
                        .filter(|&&b| b == b'\n')
                        .count(),
                ),
                format!("not UTF-8 after byte {}", e.valid_up_to()),
                format!(
                    "tệp không phải văn bản UTF-8 từ byte {} (RFC 9116 §3)",
                    e.valid_up_to()
                ),
            );
            String::from_utf8_lossy(input)
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();

    // Cleartext-signed message (RFC 4880 §7): header, Hash: lines, blank, body, signature.
    let mut body_start = 0;
    let mut body_end = lines.len();
    let first = lines.iter().position(|l| !l.trim().is_empty());
    if first.is_some_and(|i| lines[i].trim_end() == SIG_HEADER) {
        out.signed = true;
        let i = first.unwrap_or(0) + 1;
        let blank = lines[i..].iter().position(|l| l.trim().is_empty());
        let sig = lines.iter().position(|l| l.trim_end() == SIG_START);
        let end = lines.iter().position(|l| l.trim_end() == SIG_END);
        match (blank, sig, end) {
            (Some(b), Some(s), Some(e)) if i + b < s && s < e => {
                body_start = i + b + 1;
                body_end = s;
            }
            _ => {
                push(
                    &mut out.problems,
                    ProblemKind::InvalidSignatureBlock,
                    Some(first.unwrap_or(0) + 1),
                    "signed message without a well-formed signature block".into(),
                    "thông điệp ký OpenPGP không có khối chữ ký đúng cấu trúc (RFC 4880 §7)".into(),
                );
                body_start = i;
                body_end = sig.unwrap_or(lines.len()).max(body_start);
            }
        }
    }

    let mut expires_seen = 0usize;
    let mut languages_seen = 0usize;
    for (idx, raw) in lines.iter().enumerate().take(body_end).skip(body_start) {
        let line_no = idx + 1;
        // Dash-escaped lines inside a signed message (RFC 4880 §7.1).
        let raw = if out.signed {
            raw.strip_prefix("- ").unwrap_or(raw)
        } else {
            raw
        };
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((name, value)) = line.split_once(':') else {
            push(
                &mut out.problems,
                ProblemKind::InvalidLine,
                Some(line_no),
                format!("expected `Name: value`, found {:?}", truncate(line)),
                format!(
                    "cần dạng «Tên: giá trị», gặp «{}» (RFC 9116 §3)",
                    truncate(line)
                ),
            );
            continue;
        };
        let name_ok = !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !name_ok {
            push(
                &mut out.problems,
                ProblemKind::InvalidLine,
                Some(line_no),
                format!("invalid field name {:?}", truncate(name)),
                if name.trim().is_empty() {
                    "dòng không có tên trường trước dấu «:» (RFC 9116 §3)".to_owned()
                } else {
                    format!("tên trường «{}» không hợp lệ (RFC 9116 §3)", truncate(name))
                },
            );
            continue;
        }
        let value = value.trim();
        out.fields.push(Field {
            name: name.to_owned(),
            value: value.to_owned(),
            line: line_no,
        });
        if value.is_empty() {
            push(
                &mut out.problems,
                ProblemKind::EmptyValue,
                Some(line_no),
                format!("field {name} has no value"),
                format!("trường {name} không có giá trị"),
            );
            continue;
        }
        match name.to_ascii_lowercase().as_str() {
            "contact" => {
                if check_uri(&mut out.problems, value, line_no, true) {
                    out.contacts.push(value.to_owned());
                }
            }
            "expires" => {
                expires_seen += 1;
                if expires_seen > 1 {
                    push(
                        &mut out.problems,
                        ProblemKind::MultipleExpires,
                        Some(line_no),
                        "Expires appears more than once".into(),
                        "trường Expires xuất hiện nhiều lần (RFC 9116 §2.5.5: chỉ được một lần)"
                            .into(),
                    );
                    continue;
                }
                match chrono_rfc3339(value) {
                    None => push(
                        &mut out.problems,
                        ProblemKind::InvalidExpires,
                        Some(line_no),
                        format!("{:?} is not an RFC 3339 date-time", truncate(value)),
                        format!(
                            "«{}» không phải mốc thời gian theo RFC 3339 (RFC 9116 §2.5.5)",
                            truncate(value)
                        ),
                    ),
                    Some(t) => {
                        out.expires = Some(t);
                        let left = t.unix_seconds().saturating_sub(now.unix_seconds());
                        if left <= 0 {
                            push(
                                &mut out.problems,
                                ProblemKind::Expired,
                                Some(line_no),
                                format!("expired at {t}"),
                                format!(
                                    "tệp đã hết hạn lúc {} (RFC 9116 §2.5.5)",
                                    egov_core::i18n::datetime_vi(t)
                                ),
                            );
                        } else if left > ONE_YEAR_SECS {
                            push(
                                &mut out.problems,
                                ProblemKind::ExpiresTooFar,
                                Some(line_no),
                                format!("expires {t}, more than a year after the evaluation time"),
                                format!(
                                    "hết hạn lúc {}, hơn một năm sau thời điểm đánh giá (RFC 9116 §2.5.5: nên dưới một năm)",
                                    egov_core::i18n::datetime_vi(t)
                                ),
                            );
                        }
                    }
                }
            }
            "canonical" => {
                if check_uri(&mut out.problems, value, line_no, false) {
                    out.canonical.push(value.to_owned());
                }
            }
            "encryption" => {
                if check_uri(&mut out.problems, value, line_no, false) {
                    out.encryption.push(value.to_owned());
                }
            }
            "policy" => {
                if check_uri(&mut out.problems, value, line_no, false) {
                    out.policy.push(value.to_owned());
                }
            }
            "acknowledgments" | "hiring" | "csaf" => {
                check_uri(&mut out.problems, value, line_no, false);
            }
            "preferred-languages" => {
                languages_seen += 1;
                if languages_seen > 1 {
                    push(
                        &mut out.problems,
                        ProblemKind::MultiplePreferredLanguages,
                        Some(line_no),
                        "Preferred-Languages appears more than once".into(),
                        "trường Preferred-Languages xuất hiện nhiều lần (RFC 9116 §2.5.8)".into(),
                    );
                    continue;
                }
                for tag in value.split(',').map(str::trim) {
                    if is_language_tag(tag) {
                        out.preferred_languages.push(tag.to_owned());
                    } else {
                        push(
                            &mut out.problems,
                            ProblemKind::InvalidLanguageTag,
                            Some(line_no),
                            format!("{:?} is not a language tag", truncate(tag)),
                            format!(
                                "«{}» không phải mã ngôn ngữ (RFC 9116 §2.5.8, RFC 5646)",
                                truncate(tag)
                            ),
                        );
                    }
                }
            }
            _ => push(
                &mut out.problems,
                ProblemKind::UnknownField,
                Some(line_no),
                format!("field {name} is not defined by RFC 9116"),
                format!("trường {name} không do RFC 9116 định nghĩa (được phép, bị bỏ qua: §2.4)"),
            ),
        }
    }

    if out.contacts.is_empty()
        && !out
            .fields
            .iter()
            .any(|f| f.name.eq_ignore_ascii_case("contact"))
    {
        push(
            &mut out.problems,
            ProblemKind::MissingContact,
            None,
            "no Contact field".into(),
            "thiếu trường Contact (RFC 9116 §2.5.3: bắt buộc)".into(),
        );
    }
    if expires_seen == 0 {
        push(
            &mut out.problems,
            ProblemKind::MissingExpires,
            None,
            "no Expires field".into(),
            "thiếu trường Expires (RFC 9116 §2.5.5: bắt buộc)".into(),
        );
    }
    if let Some(from) = fetched_from {
        if !out.canonical.is_empty() && !out.canonical.iter().any(|c| same_uri(c, from)) {
            let line = out
                .fields
                .iter()
                .find(|f| f.name.eq_ignore_ascii_case("canonical"))
                .map(|f| f.line);
            push(
                &mut out.problems,
                ProblemKind::CanonicalMismatch,
                line,
                format!("fetched from {from}, which is not a Canonical URI"),
                format!(
                    "tệp được tải từ {from}, không phải URI nào ghi trong Canonical (RFC 9116 §2.5.2)"
                ),
            );
        }
    }
    if !out.signed {
        push(
            &mut out.problems,
            ProblemKind::NotSigned,
            None,
            "not an OpenPGP cleartext signed file".into(),
            "tệp không được ký số OpenPGP (RFC 9116 §2.3: nên ký)".into(),
        );
    }
    out.problems.sort_by_key(|p| p.line.unwrap_or(usize::MAX));
    out
}

fn truncate(s: &str) -> String {
    s.chars().take(80).collect()
}

/// Two URIs are the same resource: equal after URL parsing (host case, default port, empty path
/// normalised), else equal as text.
fn same_uri(a: &str, b: &str) -> bool {
    match (url::Url::parse(a.trim()), url::Url::parse(b.trim())) {
        (Ok(a), Ok(b)) => a == b,
        _ => a.trim() == b.trim(),
    }
}

fn chrono_rfc3339(value: &str) -> Option<VnDateTime> {
    egov_core::chrono::DateTime::parse_from_rfc3339(value)
        .ok()
        .map(VnDateTime::from_fixed)
}

/// RFC 9116 §2.5: values are URIs; web URIs must be https. `contact` also allows mailto: and
/// tel:. Returns whether the value is usable.
fn check_uri(problems: &mut Vec<Problem>, value: &str, line: usize, contact: bool) -> bool {
    let Ok(u) = url::Url::parse(value) else {
        push(
            problems,
            ProblemKind::InvalidUri,
            Some(line),
            format!("{:?} is not a URI", truncate(value)),
            format!("«{}» không phải URI (RFC 9116 §2.5)", truncate(value)),
        );
        return false;
    };
    match u.scheme() {
        "https" => true,
        "http" => {
            push(
                problems,
                ProblemKind::InsecureUri,
                Some(line),
                format!("{value} is a web URI without https"),
                format!(
                    "{value} là địa chỉ web không dùng https (RFC 9116 §2.5: phải bắt đầu bằng https://)"
                ),
            );
            false
        }
        "mailto" | "tel" if contact => true,
        _ if contact => {
            push(
                problems,
                ProblemKind::InvalidUri,
                Some(line),
                format!("{value}: a contact must be https:, mailto: or tel:"),
                format!(
                    "{value}: đầu mối liên hệ phải là https:, mailto: hoặc tel: (RFC 9116 §2.5.3)"
                ),
            );
            false
        }
        _ => true,
    }
}

/// A loose RFC 5646 check: 1–8 alphanumerics per subtag, the first alphabetic (or `*`).
fn is_language_tag(tag: &str) -> bool {
    if tag == "*" {
        return true;
    }
    let mut parts = tag.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    first_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Other published contact evidence (a page listing the security contact, an e-mail, a phone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ContactEvidence {
    /// Where it is published (URL).
    pub published_at: String,
    /// The contact (e-mail, phone or URL).
    pub contact: String,
}

/// How a security.txt relates to the site it is judged for (RFC 9116 §2.5.2, §3), one variant
/// per stable code (see [`ErrorCode`] and the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OriginProblem {
    /// Fetched from a host of another organisation than the site (RFC 9116 §3): not the site's
    /// file. Fails e).
    OtherSite,
    /// Fetched from another host of the site's organisation (RFC 9116 §3). A warning.
    OtherHost,
    /// Every `Canonical` URI is on another site (RFC 9116 §2.5.2): another site's file. Fails e).
    CanonicalElsewhere,
    /// A `Contact` at a domain not related to the site (RFC 9116 §2.5.3). A warning.
    ForeignContact,
}

impl ErrorCode for OriginProblem {
    fn code(&self) -> &'static str {
        match self {
            OriginProblem::OtherSite => "security_txt.other_site",
            OriginProblem::OtherHost => "security_txt.other_host",
            OriginProblem::CanonicalElsewhere => "security_txt.canonical_elsewhere",
            OriginProblem::ForeignContact => "security_txt.foreign_contact",
        }
    }
}

/// The problem in English (the Vietnamese is the catalogue's, [`egov_core::Localize`]).
impl std::fmt::Display for OriginProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            OriginProblem::OtherSite => {
                "fetched from a host of another organisation: not the site's file (RFC 9116 §3)"
            }
            OriginProblem::OtherHost => {
                "fetched from another host of the site's organisation (RFC 9116 §3)"
            }
            OriginProblem::CanonicalElsewhere => {
                "every Canonical URI is on another site: another site's copy (RFC 9116 §2.5.2)"
            }
            OriginProblem::ForeignContact => {
                "a Contact at a domain not related to the site: reports may not reach the owner (RFC 9116 §2.5.3)"
            }
        })
    }
}

impl egov_core::Localize for OriginProblem {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
}

/// The site a security.txt and its contacts are judged for (TRUST-02.e; RFC 9116 §2.5.2, §3).
/// The fetched-from URI is the file's own ([`SecurityTxt::fetched_from`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SiteNames {
    /// The host name of the site assessed.
    pub host: Option<String>,
    /// Other names of the same owner (the system's URL host, the agency's names): a Canonical or
    /// a contact there is the owner's own. Host names or URLs.
    pub own_names: Vec<String>,
}

/// Public-suffix approximation: second-level labels under which unrelated organisations
/// register (`gov.vn`, `com.vn`, `co.uk`, …) when the top level is a two-letter country code.
const SHARED_SECOND_LEVEL: &[&str] = &[
    "ac", "biz", "co", "com", "edu", "go", "gob", "gouv", "gov", "govt", "gv", "health", "id",
    "info", "int", "io", "ltd", "mil", "name", "ne", "net", "nic", "or", "org", "plc", "pro",
    "sch",
];

/// A host name from a host, URL or `mailto:` address: lower-case ASCII (IDNA), no trailing dot.
fn host_of(name: &str) -> Option<String> {
    let name = name.trim();
    let host = match url::Url::parse(name) {
        Ok(u) if u.scheme() == "mailto" => u.path().rsplit_once('@')?.1.to_owned(),
        Ok(u) => u
            .host_str()?
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_owned(),
        Err(_) => name.to_owned(),
    };
    crate::normalize_host(&host).or_else(|| {
        let h = host.trim_end_matches('.').to_ascii_lowercase();
        (!h.is_empty()).then_some(h)
    })
}

/// The registrable domain of a normalised host (see the module docs); an IP address as is.
fn organisation(host: &str) -> &str {
    if host.parse::<std::net::IpAddr>().is_ok() {
        return host;
    }
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    let keep = match labels.as_slice() {
        [.., second, tld] if tld.len() == 2 && SHARED_SECOND_LEVEL.contains(second) => 3,
        _ => 2,
    };
    if n <= keep {
        return host;
    }
    let cut: usize = labels[..n - keep].iter().map(|l| l.len() + 1).sum();
    &host[cut..]
}

fn is_gov_vn(host: &str) -> bool {
    host == "gov.vn" || host.ends_with(".gov.vn")
}

fn related(host: &str, names: &[String]) -> bool {
    let org = organisation(host);
    names.iter().any(|n| organisation(n) == org)
}

/// Each domain of a Contact URI (`mailto:` may list several addresses); none for `tel:`.
fn contact_domains(contact: &str) -> Vec<String> {
    match url::Url::parse(contact.trim()) {
        Ok(u) if u.scheme() == "mailto" => u
            .path()
            .split(',')
            .filter_map(|a| host_of(&format!("mailto:{}", a.trim())))
            .collect(),
        Ok(u) if u.scheme() == "tel" => Vec::new(),
        Ok(_) => host_of(contact).into_iter().collect(),
        Err(_) => Vec::new(),
    }
}

/// TRUST-02.e (NĐ 137/2024 Đ21.2.e): a public security contact exists. Judges the security.txt
/// for the host it was fetched from ([`SecurityTxt::fetched_from`]), with no other names of the
/// site; see [`evaluate_contact_for`].
pub fn evaluate_contact(
    security_txt: Option<&SecurityTxt>,
    other: &[ContactEvidence],
) -> crate::CriterionVerdict {
    evaluate_contact_for(security_txt, other, &SiteNames::default())
}

/// TRUST-02.e (NĐ 137/2024 Đ21.2.e; RFC 9116 §2.5.2, §2.5.3, §3): a public security contact of
/// the site exists. `Pass` when the security.txt is the site's and has a usable Contact (RFC
/// 9116 problems are reported as warnings, except that an expired file is not used) or other
/// published contact evidence is given. `Fail` when the security.txt is another site's (fetched
/// from another site, or every `Canonical` elsewhere: see the module docs), or when a
/// security.txt is given with no usable contact and there is no other evidence; `Unknown` when
/// nothing is given. A contact at a domain not related to the site, or a file fetched from
/// another host of the same organisation, is a warning. Without any host (no fetched-from URI,
/// no `site.host`) the file is judged on its own.
pub fn evaluate_contact_for(
    security_txt: Option<&SecurityTxt>,
    other: &[ContactEvidence],
    site: &SiteNames,
) -> crate::CriterionVerdict {
    use crate::criteria::finding;
    use egov_core::{Instrument, LegalRef, Outcome};
    let c = crate::Criterion::E;
    let rfc = LegalRef::instrument(Instrument::Other("RFC 9116".to_owned()));
    let mut findings = Vec::new();
    let mut usable = false;
    let mut foreign_file = false;
    if let Some(st) = security_txt {
        let expired = st.problems.iter().any(|p| p.kind == ProblemKind::Expired);
        let origin = origin_findings(st, site);
        foreign_file = origin.iter().any(|(_, f)| f.outcome == Outcome::Fail);
        let canonical_elsewhere = origin
            .iter()
            .any(|(k, _)| *k == OriginProblem::CanonicalElsewhere);
        for p in st.problems.iter().filter(|p| {
            p.severity != Severity::Notice
                // Said more strongly by the canonical_elsewhere failure.
                && !(canonical_elsewhere && p.kind == ProblemKind::CanonicalMismatch)
        }) {
            let mut f = finding(
                c,
                Outcome::Warning,
                format!("security.txt {}: {}", p.code, p.message),
                format!("security.txt {}: {}", p.code, p.message_vi),
            )
            .with_evidence(serde_json::json!({ "code": p.code, "line": p.line }));
            f.basis = rfc.clone();
            findings.push(f);
        }
        findings.extend(origin.into_iter().map(|(_, f)| f));
        if !st.contacts.is_empty() && !expired && !foreign_file {
            usable = true;
            findings.push(
                finding(
                    c,
                    Outcome::Pass,
                    format!("security.txt publishes contact {}", st.contacts.join(", ")),
                    format!("security.txt công bố đầu mối {}", st.contacts.join(", ")),
                )
                .with_evidence(
                    serde_json::json!({ "contacts": st.contacts, "expires": st.expires }),
                ),
            );
        }
    }
    for o in other.iter().filter(|o| !o.contact.trim().is_empty()) {
        usable = true;
        findings.push(
            finding(
                c,
                Outcome::Pass,
                format!("contact {} published at {}", o.contact, o.published_at),
                format!("đầu mối {} được công bố tại {}", o.contact, o.published_at),
            )
            .with_evidence(serde_json::json!(o)),
        );
    }
    if !usable && !foreign_file {
        findings.push(if security_txt.is_some() {
            finding(
                c,
                Outcome::Fail,
                "security.txt gives no usable, current contact and no other contact was given",
                "security.txt không có đầu mối hợp lệ, còn hiệu lực và không có bằng chứng khác",
            )
        } else {
            finding(
                c,
                Outcome::Unknown,
                "no security.txt or other published security contact was given",
                "chưa có security.txt hoặc thông tin công khai khác về đầu mối an toàn thông tin",
            )
        });
    }
    crate::CriterionVerdict::from_findings(c, findings)
}

/// TRUST-02.e (NĐ 137/2024 Đ21.2.e; RFC 9116 §2.5.2, §2.5.3, §3): the findings on whose file
/// `st` is (module docs), each with its [`OriginProblem`].
fn origin_findings(st: &SecurityTxt, site: &SiteNames) -> Vec<(OriginProblem, egov_core::Finding)> {
    use crate::criteria::finding;
    use egov_core::Outcome;
    let c = crate::Criterion::E;
    let mut out = Vec::new();
    let fetched_host = st.fetched_from.as_deref().and_then(host_of);
    let site_host = site.host.as_deref().and_then(host_of);
    // The site's names (its host and the owner's), and with the fetched-from host the names the
    // file may speak for.
    let mut site_names: Vec<String> = site.own_names.iter().filter_map(|n| host_of(n)).collect();
    site_names.extend(site_host.clone());
    let mut names = site_names.clone();
    names.extend(fetched_host.clone());
    if names.is_empty() {
        return out;
    }
    let subject = fetched_host
        .clone()
        .or_else(|| site_host.clone())
        .unwrap_or_default();
    let push = |out: &mut Vec<_>, kind: OriginProblem, outcome, en: String, vi: String, ev| {
        let mut e: serde_json::Value = ev;
        e["code"] = serde_json::json!(kind.code());
        out.push((kind, finding(c, outcome, en, vi).with_evidence(e)));
    };
    if let (Some(from), Some(fh), Some(sh)) = (&st.fetched_from, &fetched_host, &site_host) {
        if fh != sh {
            let ev = serde_json::json!({ "fetched_from": from, "host": sh });
            if related(fh, &site_names) {
                push(
                    &mut out,
                    OriginProblem::OtherHost,
                    Outcome::Warning,
                    format!("security.txt was fetched from {from}, not from the site's host {sh} (same organisation; RFC 9116 §3: a security.txt applies only to the host it is fetched from)"),
                    format!("security.txt được lấy từ {from}, không phải từ tên miền {sh} của trang (cùng tổ chức; RFC 9116 §3: security.txt chỉ áp dụng cho tên miền mà nó được lấy về)"),
                    ev,
                );
            } else {
                push(
                    &mut out,
                    OriginProblem::OtherSite,
                    Outcome::Fail,
                    format!("security.txt was fetched from {from}, another site than {sh}: a security.txt applies only to the host it is fetched from (RFC 9116 §3), so its contacts are not the site's"),
                    format!("security.txt được lấy từ {from}, là trang khác với {sh}: security.txt chỉ áp dụng cho tên miền mà nó được lấy về (RFC 9116 §3), đầu mối trong đó không phải của trang"),
                    ev,
                );
            }
        }
    }
    let canonical_hosts: Vec<String> = st.canonical.iter().filter_map(|u| host_of(u)).collect();
    if !st.canonical.is_empty() && !canonical_hosts.iter().any(|h| related(h, &names)) {
        let list = st.canonical.join(", ");
        push(
            &mut out,
            OriginProblem::CanonicalElsewhere,
            Outcome::Fail,
            format!("security.txt names another site as canonical ({list}), not {subject}: per RFC 9116 §2.5.2 its content is not to be trusted for {subject}, so its contacts are not the site's"),
            format!("security.txt khai báo Canonical là trang khác ({list}), không phải {subject}: theo RFC 9116 §2.5.2 không được tin cậy nội dung này cho {subject}, đầu mối trong đó không phải của trang"),
            serde_json::json!({ "canonical": st.canonical, "host": subject }),
        );
    }
    if out.iter().any(|(_, f)| f.outcome == Outcome::Fail) {
        // Another site's file: its contacts are not judged as the site's.
        return out;
    }
    let gov_site = names.iter().any(|n| is_gov_vn(n));
    for contact in &st.contacts {
        for domain in contact_domains(contact) {
            if related(&domain, &names) || (gov_site && is_gov_vn(&domain)) {
                continue;
            }
            push(
                &mut out,
                OriginProblem::ForeignContact,
                Outcome::Warning,
                format!("security.txt contact {contact} is at {domain}, which is not a domain of {subject} or its owner: check that reports reach the site's owner (RFC 9116 §2.5.3)"),
                format!("đầu mối {contact} trong security.txt thuộc tên miền {domain}, không phải tên miền của {subject} hoặc chủ quản: cần bảo đảm thông báo đến được chủ quản (RFC 9116 §2.5.3)"),
                serde_json::json!({ "contact": contact, "domain": domain, "host": subject }),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trust_02e_organisation_approximates_registrable_domains() {
        for (host, org) in [
            ("good.test.gov.vn", "test.gov.vn"),
            ("test.gov.vn", "test.gov.vn"),
            ("gov.vn", "gov.vn"),
            ("shop.example.com.vn", "example.com.vn"),
            ("www.example.com", "example.com"),
            ("a.b.example.co.uk", "example.co.uk"),
            ("chinhphu.vn", "chinhphu.vn"),
            ("www.chinhphu.vn", "chinhphu.vn"),
            ("localhost", "localhost"),
            ("192.0.2.1", "192.0.2.1"),
            ("2001:db8::1", "2001:db8::1"),
        ] {
            assert_eq!(organisation(host), org, "{host}");
        }
        assert_eq!(
            host_of("mailto:SOC@Good.Test.Gov.VN").as_deref(),
            Some("good.test.gov.vn")
        );
        assert_eq!(
            host_of("https://[2001:db8::1]/x").as_deref(),
            Some("2001:db8::1")
        );
        assert_eq!(
            host_of("https://Bộ.gov.vn/").as_deref(),
            Some("xn--b-8xm.gov.vn")
        );
        assert_eq!(
            contact_domains("mailto:a@x.gov.vn,b@y.com?subject=hi"),
            ["x.gov.vn", "y.com"]
        );
        assert!(contact_domains("tel:+84-24-3000-0000").is_empty());
    }
}
