//! security.txt (RFC 9116) parser and validator for criterion e) (TRUST-02.e, NĐ 137/2024
//! Đ21.2.e). Every problem carries a stable machine code and, where it has one, a 1-based line.

use egov_core::{ErrorCode, VnDateTime};
use serde::{Deserialize, Serialize};

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
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
pub struct Problem {
    /// What is wrong.
    pub kind: ProblemKind,
    /// The stable machine code (`security_txt.missing_contact`).
    pub code: &'static str,
    /// Error, warning or notice.
    pub severity: Severity,
    /// 1-based line number in the file, when the problem is on a line.
    pub line: Option<usize>,
    /// Human-readable detail.
    pub message: String,
}

/// A field as it appeared in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

fn push(problems: &mut Vec<Problem>, kind: ProblemKind, line: Option<usize>, msg: String) {
    problems.push(Problem {
        kind,
        code: kind.code(),
        severity: kind.severity(),
        line,
        message: msg,
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
    let mut out = SecurityTxt::default();
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
                    );
                    continue;
                }
                match chrono_rfc3339(value) {
                    None => push(
                        &mut out.problems,
                        ProblemKind::InvalidExpires,
                        Some(line_no),
                        format!("{:?} is not an RFC 3339 date-time", truncate(value)),
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
                            );
                        } else if left > ONE_YEAR_SECS {
                            push(
                                &mut out.problems,
                                ProblemKind::ExpiresTooFar,
                                Some(line_no),
                                format!("expires {t}, more than a year after the evaluation time"),
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
                        );
                    }
                }
            }
            _ => push(
                &mut out.problems,
                ProblemKind::UnknownField,
                Some(line_no),
                format!("field {name} is not defined by RFC 9116"),
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
        );
    }
    if expires_seen == 0 {
        push(
            &mut out.problems,
            ProblemKind::MissingExpires,
            None,
            "no Expires field".into(),
        );
    }
    if let Some(from) = fetched_from {
        if !out.canonical.is_empty() && !out.canonical.iter().any(|c| c == from) {
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
            );
        }
    }
    if !out.signed {
        push(
            &mut out.problems,
            ProblemKind::NotSigned,
            None,
            "not an OpenPGP cleartext signed file".into(),
        );
    }
    out.problems.sort_by_key(|p| p.line.unwrap_or(usize::MAX));
    out
}

fn truncate(s: &str) -> String {
    s.chars().take(80).collect()
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
#[serde(deny_unknown_fields)]
pub struct ContactEvidence {
    /// Where it is published (URL).
    pub published_at: String,
    /// The contact (e-mail, phone or URL).
    pub contact: String,
}

/// TRUST-02.e (NĐ 137/2024 Đ21.2.e): a public security contact exists. `Pass` when the
/// security.txt has a usable Contact (RFC 9116 problems are reported as warnings, except that an
/// expired file is not used) or other published contact evidence is given; `Fail` when a
/// security.txt is given with no usable contact and there is no other evidence; `Unknown` when
/// nothing is given.
pub fn evaluate_contact(
    security_txt: Option<&SecurityTxt>,
    other: &[ContactEvidence],
) -> crate::CriterionVerdict {
    use crate::criteria::finding;
    use egov_core::{Instrument, LegalRef, Outcome};
    let c = crate::Criterion::E;
    let rfc = LegalRef::instrument(Instrument::Other("RFC 9116".to_owned()));
    let mut findings = Vec::new();
    let mut usable = false;
    if let Some(st) = security_txt {
        let expired = st.problems.iter().any(|p| p.kind == ProblemKind::Expired);
        for p in st
            .problems
            .iter()
            .filter(|p| p.severity != Severity::Notice)
        {
            let mut f = finding(
                c,
                Outcome::Warning,
                format!("security.txt {}: {}", p.code, p.message),
                format!("security.txt {}: {}", p.code, p.message),
            )
            .with_evidence(serde_json::json!({ "code": p.code, "line": p.line }));
            f.basis = rfc.clone();
            findings.push(f);
        }
        if !st.contacts.is_empty() && !expired {
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
    if !usable {
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
