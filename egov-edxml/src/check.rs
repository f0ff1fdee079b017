//! Checking a package as the receiving system must (QĐ 28/2018/QĐ-TTg Đ9.1, DOC-28: «Trước khi
//! tiếp nhận, Bên nhận phải kiểm tra tính đầy đủ, toàn vẹn, tính xác thực của văn bản điện tử»):
//! one call, one [`Report`] of findings, each with its rule, its article, English and
//! Vietnamese, the element path and, where the package gives one, its line and column.
//!
//! What is checked, and by which rule:
//!
//! | What | Rule | Basis |
//! |---|---|---|
//! | layout departures (strict profile) | DOC-05 | Đ14.2 «định dạng dữ liệu gói tin … theo quy định của Bộ TT&TT» (QCVN 102:2016) |
//! | `From`/`To` agency codes, layout, hierarchy | DOC-01…03 | Đ10.2.a, l, m |
//! | their registry status on the document date | DOC-04 | Đ16.1, Đ19.1.c |
//! | `DocumentId` grammar and agreement with `From`, `PromulgationDate`, `Code` | DOC-08 | Đ10.2.b |
//! | the metadata record a)–q) carried by the header | DOC-10 | Đ10.2 |
//! | `Priority` | DOC-12 | Đ10.2.k |
//! | send deadline from the document date and the sender's trace time | DOC-19, DOC-21 | Đ6.2 |
//! | business type and what it needs (revocation target, update, replacement) | DOC-27 | Đ8.2, Đ9.2 |
//! | attachments: manifest binding, base64, ZIP, content vs declared type | DOC-09, DOC-28 | Đ10.1, Đ9.1 |
//! | the signature as written (absent, placeholder, namespace) | DOC-14, DOC-18 | Đ4, Đ6.1 |
//! | status code, direction, rejection reason, time order | DOC-11, DOC-29, DOC-30 | Đ10.2.h, Đ5.4, Đ9.2 |
//!
//! The signature's cryptographic verification is not part of this check yet: a well-formed
//! XMLDSig signature is reported `Unknown` («chưa xác minh»), never `Pass`.

use std::borrow::Cow;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use egov_core::i18n::{date_vi, datetime_vi};
use egov_core::{Finding, Instrument, Lang, LegalRef, Outcome, Report, WorkingCalendar};
use egov_docs::agency::{AgencyCode, AgencyProfile};
use egov_docs::deadline::{judge_send, send_deadline_from_date, SendDeadlinePolicy};
use egov_docs::document_id::{EdxmlContext, EdxmlDocumentId};
use egov_docs::metadata::{
    Attachment as MetaAttachment, DocumentMetadata, HistoryEntry, MetadataField, MetadataPolicy,
    Signer,
};
use egov_docs::number::DocNumber;
use egov_docs::registry::AgencyRegistry;
use egov_docs::status::{from_edxml_code, EdxmlStatus};
use egov_docs::urgency::Urgency;

use crate::attachment::Wrapping;
use crate::dates::{parse_date, parse_timestamp, Written};
use crate::dsig::{self, TrustAnchors, VerifyOptions};
use crate::model::*;
use crate::read::{read_bytes, Package, ReadError};
use crate::xml::{Location, NS_DSIG};

const MH: &str = "edXMLEnvelope/edXMLHeader/MessageHeader";

/// What a check needs besides the package. Everything is optional; a check whose evidence is
/// missing reports `Unknown` or is skipped, as its finding says.
#[derive(Clone, Copy)]
pub struct CheckOptions<'a> {
    /// The agency-code registry, for DOC-04 (a code's status on the document date).
    pub registry: Option<&'a dyn AgencyRegistry>,
    /// The working calendar for the send deadline (DOC-19). Default: the built-in Vietnamese
    /// calendar ([`WorkingCalendar::vietnam`]).
    pub calendar: Option<&'a WorkingCalendar>,
    /// The send-deadline policy (morning end, urgent tolerance).
    pub deadline: SendDeadlinePolicy,
    /// How agency codes are read (default lenient: 13 characters in four groups, A-01).
    pub agency_profile: AgencyProfile,
    /// Whether layout departures (the strict profile) become DOC-05 findings. Default true.
    pub layout_findings: bool,
    /// Trust anchors for the signature's certificate chain ([`check_bytes`]); `None`: the
    /// signature is verified but who issued the certificate is `Unknown`.
    pub anchors: Option<&'a TrustAnchors>,
}

impl Default for CheckOptions<'_> {
    fn default() -> Self {
        CheckOptions {
            registry: None,
            calendar: None,
            deadline: SendDeadlinePolicy::default(),
            agency_profile: AgencyProfile::LENIENT,
            layout_findings: true,
            anchors: None,
        }
    }
}

impl std::fmt::Debug for CheckOptions<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CheckOptions")
            .field("registry", &self.registry.is_some())
            .field("calendar", &self.calendar.map(|c| c.name.clone()))
            .field("deadline", &self.deadline)
            .field("agency_profile", &self.agency_profile)
            .field("layout_findings", &self.layout_findings)
            .field("anchors", &self.anchors.map(TrustAnchors::len))
            .finish()
    }
}

/// The placeholder values of the VPCP example program (EDXML.md §6): a signature carrying them
/// was never computed.
const PLACEHOLDER_DIGEST: &str = "FwgIqsSYJshUS2+wlOM61L+q7Aw=";
const PLACEHOLDER_CERTIFICATE: &str = "MIIFqTCCBJG";

/// Checks a package (an `edoc` or a `status`).
///
/// ```
/// let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/edxml/vpcp-sdk-sample-status_rejection_02.edxml")).unwrap();
/// let package = egov_edxml::read_bytes(&bytes).unwrap();
/// let report = egov_edxml::check(&package, &egov_edxml::CheckOptions::default());
/// // The sample's status time runs ten days before the document it answers.
/// assert!(report.findings.iter().any(|f| f.rule == "DOC-30" && f.message.contains("before")));
/// ```
pub fn check(package: &Package, options: &CheckOptions<'_>) -> Report {
    let mut c = Checker {
        package,
        options,
        report: Report::new(),
    };
    if options.layout_findings {
        c.layout();
    }
    match &package.message {
        Message::Edoc(e) => c.edoc(e),
        Message::Status(s) => c.status(s),
    }
    c.report
}

/// Reads and checks a package held in memory, and verifies its XMLDSig signature (DOC-18)
/// against [`CheckOptions::anchors`]: the full receiving check of Đ9.1.
///
/// ```
/// let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/edxml/vnpt-edxml102-builder-output-2019-04-11.edxml")).unwrap();
/// let (_, report) = egov_edxml::check_bytes(&bytes, &egov_edxml::CheckOptions::default()).unwrap();
/// assert!(!report.is_compliant());
/// ```
pub fn check_bytes(
    bytes: &[u8],
    options: &CheckOptions<'_>,
) -> Result<(Package, Report), ReadError> {
    let package = read_bytes(bytes)?;
    let mut report = check(&package, options);
    if may_carry_xmldsig(&package) {
        let verify_options = VerifyOptions {
            anchors: options.anchors.cloned().unwrap_or_default(),
            ..VerifyOptions::default()
        };
        let verification = dsig::verify(bytes, &verify_options);
        if package.status().is_some()
            && matches!(verification.failure, Some(dsig::Failure::NoSignature))
        {
            // A status message's `Signature` outside the XMLDSig namespace: the reader's
            // deviation (an element the layout does not have) says so already.
            return Ok((package, report));
        }
        let at = package.location(SIGNATURE_PATH).or_else(|| {
            package
                .deviations
                .iter()
                .find(|d| d.path == SIGNATURE_PATH)
                .map(|d| d.at)
        });
        // The verification replaces the check's "not verified" and placeholder findings.
        report
            .findings
            .retain(|f| !(f.rule == "DOC-18" && f.field.as_deref() == Some(SIGNATURE_PATH)));
        let mut c = Checker {
            package: &package,
            options,
            report,
        };
        for f in verification.findings() {
            c.push(f, SIGNATURE_PATH, at);
        }
        report = c.report;
    }
    Ok((package, report))
}

const SIGNATURE_PATH: &str = "edXMLEnvelope/edXMLHeader/Signature";

/// Whether [`check_bytes`] verifies a signature of this package (DOC-18, Đ6.1): an `edoc` whose
/// `Signature` is in the XMLDSig namespace, or a status message that carries a `Signature` in
/// its `edXMLHeader` (the layout has none, but a sender may sign one, and egov can: what is
/// signed is verified, never silently passed over). Callers that read a package as a stream
/// use it to decide whether to read the bytes whole for [`check_bytes`].
pub fn may_carry_xmldsig(package: &Package) -> bool {
    match &package.message {
        Message::Edoc(e) => e
            .signature
            .as_ref()
            .is_some_and(|s| s.namespace.as_deref() == Some(NS_DSIG)),
        Message::Status(_) => package.deviations.iter().any(|d| d.path == SIGNATURE_PATH),
    }
}

struct Checker<'p, 'o> {
    package: &'p Package,
    options: &'o CheckOptions<'o>,
    report: Report,
}

fn qd28(article: u16, clause: u8) -> LegalRef {
    LegalRef::clause(Instrument::Qd28_2018, article, clause)
}

fn qd28_point(article: u16, clause: u8, point: &'static str) -> LegalRef {
    LegalRef::point(Instrument::Qd28_2018, article, clause, point)
}

impl Checker<'_, '_> {
    fn push(&mut self, mut f: Finding, path: &str, at: Option<Location>) {
        if !path.is_empty() {
            f.field = Some(Cow::Owned(path.to_owned()));
        }
        let at = at.or_else(|| self.package.location(path));
        if let Some(at) = at {
            // The same values as json!, without going through serde for each number.
            let mut loc = serde_json::Map::new();
            loc.insert("line".to_owned(), at.line.into());
            loc.insert("column".to_owned(), at.column.into());
            loc.insert("offset".to_owned(), at.offset.into());
            let loc = serde_json::Value::Object(loc);
            f.evidence = Some(match f.evidence.take() {
                Some(serde_json::Value::Object(mut m)) => {
                    m.insert("location".into(), loc);
                    serde_json::Value::Object(m)
                }
                Some(other) => serde_json::json!({ "value": other, "location": loc }),
                None => {
                    let mut m = serde_json::Map::new();
                    m.insert("location".to_owned(), loc);
                    serde_json::Value::Object(m)
                }
            });
        }
        self.report.push(f);
    }

    #[allow(clippy::too_many_arguments)]
    fn finding(
        &mut self,
        rule: &'static str,
        basis: LegalRef,
        outcome: Outcome,
        path: &str,
        en: String,
        vi: String,
    ) {
        self.push(Finding::new(rule, basis, outcome, en, vi), path, None);
    }

    // -----------------------------------------------------------------------------------------
    // DOC-05: the strict profile.

    fn layout(&mut self) {
        for d in &self.package.deviations {
            // Departures that lose information the receiver needs fail; the rest warn.
            let outcome = match d.code.as_str() {
                "edxml.nonstandard_attachments" | "edxml.unbound_prefix" => Outcome::Fail,
                "edxml.missing_element"
                    if [
                        "From",
                        "To",
                        "DocumentId",
                        "Subject",
                        "StatusCode",
                        "ResponseFor",
                    ]
                    .iter()
                    .any(|m| {
                        d.path
                            .strip_suffix(m)
                            .is_some_and(|head| head.ends_with('/'))
                    }) =>
                {
                    Outcome::Fail
                }
                _ => Outcome::Warning,
            };
            let tagged = |message: &str| {
                let mut s = String::with_capacity(message.len() + d.code.len() + 3);
                s.push_str(message);
                s.push_str(" [");
                s.push_str(&d.code);
                s.push(']');
                s
            };
            let mut f = Finding::new(
                "DOC-05",
                qd28(14, 2),
                outcome,
                tagged(&d.message),
                tagged(&d.message_vi),
            );
            let mut evidence = serde_json::Map::new();
            evidence.insert("code".to_owned(), serde_json::Value::String(d.code.clone()));
            f.evidence = Some(serde_json::Value::Object(evidence));
            self.push(f, &d.path, Some(d.at));
        }
    }

    // -----------------------------------------------------------------------------------------
    // Agency codes.

    /// Reads and checks an agency code at `path` (DOC-01…03, Đ10.2.a); `role` says whose it is.
    /// Returns the code when it parses.
    fn agency(
        &mut self,
        value: Option<&str>,
        path: &str,
        role: (&str, &str),
        required: bool,
        on: Option<NaiveDate>,
    ) -> Option<AgencyCode> {
        let basis = qd28_point(10, 2, "a");
        let Some(raw) = value else {
            if required {
                self.finding(
                    "DOC-01",
                    basis,
                    Outcome::Fail,
                    path,
                    format!("the {} has no OrganId", role.0),
                    format!("{} không có OrganId", role.1),
                );
            }
            return None;
        };
        match AgencyCode::parse_with(raw, self.options.agency_profile) {
            Ok(parsed) => {
                let code = parsed.value;
                for f in parsed.findings() {
                    self.push(f, path, None);
                }
                for f in code.check() {
                    self.push(f, path, None);
                }
                if let (Some(reg), Some(on)) = (self.options.registry, on) {
                    let f = reg.check(&code, on);
                    self.push(f, path, None);
                }
                Some(code)
            }
            Err(e) => {
                let shape = classify_organ_id(raw);
                let outcome = if required {
                    Outcome::Fail
                } else {
                    Outcome::Warning
                };
                let mut f = Finding::new(
                    "DOC-01",
                    basis,
                    outcome,
                    format!("the {} OrganId {raw:?} is not an agency code of 13 characters in four groups ({}): {e}", role.0, shape.0),
                    format!("OrganId {} của {} không phải mã định danh 13 ký tự, bốn nhóm ({}): {}", egov_core::i18n::quote_vi(raw), role.1, shape.1, e.message_vi()),
                );
                f.evidence = Some(serde_json::json!({ "value": raw, "shape": shape.2 }));
                self.push(f, path, None);
                None
            }
        }
    }

    // -----------------------------------------------------------------------------------------
    // edoc.

    fn edoc(&mut self, e: &Edoc) {
        let h = &e.header;
        let promulgation = h.promulgation_info.as_ref().and_then(|p| p.date.as_deref());
        let date = self.date(
            promulgation,
            &format!("{MH}/PromulgationInfo/PromulgationDate"),
            "DOC-10",
            qd28_point(10, 2, "d"),
            true,
        );

        // a) l) m): sender and receivers, their registry status as of the send date (the first
        // trace entry), else the document date.
        let sent_on = e
            .trace
            .as_ref()
            .and_then(|t| t.trace_headers.first())
            .and_then(|t| t.timestamp.as_deref())
            .and_then(|t| parse_timestamp(t).ok())
            .map(|(t, _)| t.date())
            .or(date);
        let from_path = format!("{MH}/From/OrganId");
        let from = self.agency(
            h.from.as_ref().and_then(|f| f.organ_id.as_deref()),
            &from_path,
            ("sender <From>", "bên gửi <From>"),
            true,
            sent_on,
        );
        if h.to.is_empty() {
            self.finding(
                "DOC-10",
                qd28_point(10, 2, "m"),
                Outcome::Fail,
                &format!("{MH}/To"),
                "the package names no receiver <To>".into(),
                "gói tin không có bên nhận <To>".into(),
            );
        }
        for (i, to) in h.to.iter().enumerate() {
            let path = format!("{MH}/To[{}]/OrganId", i + 1);
            self.agency(
                to.organ_id.as_deref(),
                &path,
                ("receiver <To>", "bên nhận <To>"),
                true,
                sent_on,
            );
        }

        // b): the document identifier.
        let number = h
            .code
            .as_ref()
            .and_then(|c| match (&c.number, &c.notation) {
                (Some(n), Some(s)) => Some(format!("{n}/{s}")),
                _ => None,
            });
        let parsed_number = number
            .as_deref()
            .and_then(|n| self.number(n, &format!("{MH}/Code")));
        self.document_id(
            h.document_id.as_deref(),
            &format!("{MH}/DocumentId"),
            from,
            date,
            parsed_number.clone(),
            "DOC-08",
        );

        // The metadata record a)–q) as the header carries it.
        self.metadata(e, number.as_deref(), date);

        // k) urgency.
        let urgency = self.urgency(h);

        // o) the processing deadline against the document date.
        if let Some(due) = h.due_date.as_deref() {
            let path = format!("{MH}/DueDate");
            if let Some(due_date) =
                self.date(Some(due), &path, "DOC-10", qd28_point(10, 2, "o"), false)
            {
                if let Some(d) = date {
                    if due_date < d {
                        self.finding(
                            "DOC-10",
                            qd28_point(10, 2, "o"),
                            Outcome::Warning,
                            &path,
                            format!(
                                "the processing deadline {due} is before the document date {}",
                                crate::dates::format_date(d)
                            ),
                            format!(
                                "thời hạn xử lý {due} trước ngày văn bản {}",
                                crate::dates::format_date(d)
                            ),
                        );
                    }
                }
            }
        }

        // Trace: send time, deadline.
        self.trace(e, from, date, urgency);
        // Business type.
        self.business(e, from);
        // Attachments.
        self.attachments(e);
        // Signature as written.
        self.signature(e);
    }

    fn number(&mut self, raw: &str, path: &str) -> Option<DocNumber> {
        match DocNumber::parse(raw) {
            Ok(p) => {
                for f in p.findings() {
                    self.push(f, path, None);
                }
                Some(p.value)
            }
            Err(e) => {
                self.finding(
                    "DOC-10",
                    qd28_point(10, 2, "c"),
                    Outcome::Fail,
                    path,
                    format!("the number and symbol {raw:?} cannot be read: {e}"),
                    format!(
                        "số và ký hiệu {} không đọc được: {}",
                        egov_core::i18n::quote_vi(raw),
                        e.message_vi()
                    ),
                );
                None
            }
        }
    }

    fn date(
        &mut self,
        raw: Option<&str>,
        path: &str,
        rule: &'static str,
        basis: LegalRef,
        required: bool,
    ) -> Option<NaiveDate> {
        let Some(raw) = raw else {
            // Required only of an edoc's PromulgationDate (point d).
            if required {
                self.finding(
                    rule,
                    basis,
                    Outcome::Fail,
                    path,
                    format!(
                        "Point d) the document's date is missing (no {}); the system must show it.",
                        path.rsplit('/').next().unwrap_or(path)
                    ),
                    format!(
                        "Thiếu điểm d) «Ngày, tháng, năm văn bản» (không có {}); hệ thống phải thể hiện thông tin này.",
                        path.rsplit('/').next().unwrap_or(path)
                    ),
                );
            }
            return None;
        };
        match parse_date(raw) {
            Ok((d, w)) => {
                if w != Written::Qcvn {
                    self.finding(
                        "DOC-05",
                        qd28(14, 2),
                        Outcome::Warning,
                        path,
                        format!("the date {raw:?} is read, but edXML writes dates yyyy/MM/dd"),
                        format!(
                            "đọc được ngày {}, nhưng edXML viết ngày theo dạng yyyy/MM/dd",
                            egov_core::i18n::quote_vi(raw)
                        ),
                    );
                }
                Some(d)
            }
            Err((en, vi)) => {
                self.finding(rule, basis, Outcome::Fail, path, en, vi);
                None
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn document_id(
        &mut self,
        raw: Option<&str>,
        path: &str,
        sender: Option<AgencyCode>,
        date: Option<NaiveDate>,
        number: Option<DocNumber>,
        rule: &'static str,
    ) -> Option<EdxmlDocumentId> {
        let basis = qd28_point(10, 2, "b");
        let raw = raw?;
        match EdxmlDocumentId::parse_with(raw, self.options.agency_profile) {
            Ok(parsed) => {
                for f in parsed.findings() {
                    self.push(f, path, None);
                }
                let id = parsed.value;
                let ctx = EdxmlContext {
                    sender,
                    sender_is_issuer: false,
                    promulgation_date: date,
                    number,
                };
                for f in id.check_consistency(&ctx).findings {
                    self.push(f, path, None);
                }
                Some(id)
            }
            Err(err) => {
                let uuid = looks_like_uuid(raw);
                let (en, vi) = if uuid {
                    (
                        format!("the document identifier {raw:?} is a UUID: it does not show the agency code, year and number Đ10.2.b makes it of (the axis's test environments deliver such ids)"),
                        format!("mã định danh văn bản {} là UUID: không thể hiện mã cơ quan, năm và số thứ tự theo điểm b khoản 2 Điều 10 (môi trường thử nghiệm của trục vẫn chuyển)", egov_core::i18n::quote_vi(raw)),
                    )
                } else {
                    (
                        format!("the document identifier {raw:?} is not <OrganId>,<yyyy/MM/dd>,<number/symbol>: {err}"),
                        format!("mã định danh văn bản {} không theo dạng <mã cơ quan>,<yyyy/MM/dd>,<số/ký hiệu>: {}", egov_core::i18n::quote_vi(raw), err.message_vi()),
                    )
                };
                let mut f = Finding::new(rule, basis, Outcome::Fail, en, vi);
                f.evidence = Some(serde_json::json!({ "value": raw, "uuid": uuid }));
                self.push(f, path, None);
                None
            }
        }
    }

    fn metadata(&mut self, e: &Edoc, number: Option<&str>, date: Option<NaiveDate>) {
        let h = &e.header;
        let first_trace = e.trace.as_ref().and_then(|t| t.trace_headers.first());
        let sent_at = first_trace
            .and_then(|t| t.timestamp.as_deref())
            .and_then(|t| parse_timestamp(t).ok())
            .map(|(t, _)| t.to_string());
        let record = DocumentMetadata {
            agency_code: h.from.as_ref().and_then(|f| f.organ_id.clone()),
            document_id: h.document_id.clone(),
            number: number.map(str::to_owned),
            date: date.map(|d| d.format("%Y-%m-%d").to_string()),
            doc_type: h.document_type.as_ref().and_then(|t| t.type_name.clone()),
            summary: h.subject.clone(),
            attachments: e
                .attachments
                .iter()
                .map(|a| MetaAttachment {
                    name: a.attachment_name.clone().unwrap_or_default(),
                    media_type: a.content_type.clone(),
                    size: a.payload.as_ref().map(|p| p.content_bytes),
                })
                .collect(),
            status: None,
            signer: h.signer_info.as_ref().map(|s| Signer {
                position: [s.competence.as_deref(), s.position.as_deref()]
                    .into_iter()
                    .flatten()
                    .filter(|x| !x.trim().is_empty())
                    .collect::<Vec<_>>()
                    .join(" "),
                full_name: s.full_name.clone().unwrap_or_default(),
            }),
            urgency: None,
            sender: h
                .from
                .as_ref()
                .and_then(|f| f.organ_id.clone().or_else(|| f.organ_name.clone())),
            receivers: h
                .to
                .iter()
                .filter_map(|t| t.organ_id.clone().or_else(|| t.organ_name.clone()))
                .collect(),
            sent_at,
            received_at: None,
            processing_deadline: h
                .due_date
                .as_deref()
                .and_then(|d| parse_date(d).ok())
                .map(|(d, _)| d.format("%Y-%m-%d").to_string()),
            history: e
                .trace
                .iter()
                .flat_map(|t| t.trace_headers.iter())
                .filter_map(|t| {
                    let at = parse_timestamp(t.timestamp.as_deref()?).ok()?.0.to_string();
                    Some(HistoryEntry {
                        at,
                        status: "đã gửi".into(),
                        by: t.organ_id.clone(),
                    })
                })
                .collect(),
            other: BTreeMap::new(),
            // edXML carries no classification: an axis package is within QĐ 28/2018.
            classification: Default::default(),
        };
        // A package carries what the sender knows; status h), the receive time of n) and the
        // receiver's own history are the receiving system's to fill.
        let mut policy = MetadataPolicy::default();
        policy.required.remove(&MetadataField::Status);
        policy.required.remove(&MetadataField::History);
        let report = record.validate(&policy);
        for f in report.findings {
            // The agency code, identifier, number and date are checked above with their paths;
            // keep the record's view of the remaining points.
            let checked_above = matches!(
                f.field.as_deref(),
                Some(
                    "agency_code"
                        | "document_id"
                        | "number"
                        | "code"
                        | "date"
                        | "promulgation_date"
                )
            );
            if f.rule.starts_with("DOC-10") && !checked_above {
                let path = match f.field.as_deref() {
                    Some("summary") => format!("{MH}/Subject"),
                    Some("doc_type") => format!("{MH}/DocumentType/TypeName"),
                    Some("signer") | Some("signer.full_name") | Some("signer.position") => {
                        format!("{MH}/SignerInfo")
                    }
                    Some("receivers") => format!("{MH}/To"),
                    Some("sender") => format!("{MH}/From"),
                    Some("sent_at") => {
                        "edXMLEnvelope/edXMLHeader/TraceHeaderList/TraceHeader[1]/Timestamp".into()
                    }
                    Some(other) => other.to_owned(),
                    None => String::new(),
                };
                self.push(f, &path, None);
            }
        }
    }

    fn urgency(&mut self, h: &EdocHeader) -> Option<Urgency> {
        let raw = h.other_info.as_ref().and_then(|o| o.priority.as_deref())?;
        let path = format!("{MH}/OtherInfo/Priority");
        match Urgency::from_edxml_priority(raw) {
            Ok(u) => {
                let name = u.map_or(("not urgent", "thường"), |u| (u.name_en(), u.name_vi()));
                let (mut en, mut vi) = (
                    format!("Priority {raw} reads as {}", name.0),
                    format!("Priority {raw}: mức độ khẩn «{}»", name.1),
                );
                // Code 4, «hỏa tốc hẹn giờ»: what reading it as hỏa tốc leaves out.
                if let Some((note_en, note_vi)) = egov_docs::urgency::appointed_time_note(raw) {
                    en = format!("{en} ({note_en})");
                    vi = format!("{vi} ({note_vi})");
                }
                self.finding(
                    "DOC-12",
                    qd28_point(10, 2, "k"),
                    Outcome::Pass,
                    &path,
                    en,
                    vi,
                );
                u
            }
            Err(e) => {
                self.finding(
                    "DOC-12",
                    qd28_point(10, 2, "k"),
                    Outcome::Fail,
                    &path,
                    format!("Priority {raw:?} is not an urgency code (0 not urgent, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc, 4 hỏa tốc hẹn giờ): {e}"),
                    format!("Priority {} không phải mã độ khẩn (0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc, 4 hỏa tốc hẹn giờ): {}", egov_core::i18n::quote_vi(raw), e.message_vi()),
                );
                None
            }
        }
    }

    fn trace(
        &mut self,
        e: &Edoc,
        from: Option<AgencyCode>,
        date: Option<NaiveDate>,
        urgency: Option<Urgency>,
    ) {
        let Some(trace) = &e.trace else {
            self.finding(
                "DOC-19",
                qd28(6, 2),
                Outcome::Unknown,
                "edXMLEnvelope/edXMLHeader/TraceHeaderList",
                "the package has no TraceHeaderList, so its send time is unknown".into(),
                "gói tin không có TraceHeaderList nên không biết thời điểm gửi".into(),
            );
            return;
        };
        let tp = "edXMLEnvelope/edXMLHeader/TraceHeaderList";
        let mut times = Vec::new();
        for (i, t) in trace.trace_headers.iter().enumerate() {
            let path = format!("{tp}/TraceHeader[{}]", i + 1);
            match t.organ_id.as_deref().map(str::trim) {
                None | Some("") | Some("null") => self.finding(
                    "DOC-10",
                    qd28_point(10, 2, "p"),
                    Outcome::Warning,
                    &format!("{path}/OrganId"),
                    format!("trace entry {} names no agency ({}): the send/receive history does not say who handled the package", i + 1, t.organ_id.as_deref().map_or("no OrganId".to_owned(), |o| format!("{o:?}"))),
                    format!("mục vết {} không ghi cơ quan ({}): lịch sử gửi, nhận không cho biết ai đã xử lý gói tin", i + 1, t.organ_id.as_deref().map_or("không có OrganId".to_owned(), egov_core::i18n::quote_vi)),
                ),
                Some(_) => {}
            }
            match t.timestamp.as_deref().map(parse_timestamp) {
                Some(Ok((ts, _))) => times.push((i, ts, t.organ_id.clone())),
                Some(Err((en, vi))) => self.finding(
                    "DOC-10",
                    qd28_point(10, 2, "n"),
                    Outcome::Fail,
                    &format!("{path}/Timestamp"),
                    en,
                    vi,
                ),
                None => {}
            }
        }
        for w in times.windows(2) {
            if w[1].1.to_utc() < w[0].1.to_utc() {
                self.finding(
                    "DOC-10",
                    qd28_point(10, 2, "p"),
                    Outcome::Warning,
                    &format!("{tp}/TraceHeader[{}]/Timestamp", w[1].0 + 1),
                    format!(
                        "trace entry {} ({}) is earlier than entry {} ({})",
                        w[1].0 + 1,
                        w[1].1,
                        w[0].0 + 1,
                        w[0].1
                    ),
                    format!(
                        "mục vết {} ({}) sớm hơn mục {} ({})",
                        w[1].0 + 1,
                        w[1].1,
                        w[0].0 + 1,
                        w[0].1
                    ),
                );
            }
        }
        // The send time: the sender's own entry, else the first.
        let sender_entry = times
            .iter()
            .find(|(_, _, o)| from.is_some_and(|f| o.as_deref().map(str::trim) == Some(f.as_str())))
            .or_else(|| times.first());
        let (Some(date), Some((i, sent, _))) = (date, sender_entry) else {
            return;
        };
        // The built-in calendar is built once (`WorkingCalendar::vietnam` clones its tables on
        // every call, about a third of a package's check).
        static VIETNAM: std::sync::OnceLock<WorkingCalendar> = std::sync::OnceLock::new();
        let calendar = match self.options.calendar {
            Some(c) => c,
            None => VIETNAM.get_or_init(WorkingCalendar::vietnam),
        };
        match send_deadline_from_date(date, urgency, calendar, &self.options.deadline) {
            Ok(deadline) => {
                let f = judge_send(&deadline, *sent);
                let path = format!("{tp}/TraceHeader[{}]/Timestamp", i + 1);
                self.push(f, &path, None);
            }
            Err(err) => self.finding(
                "DOC-19",
                qd28(6, 2),
                Outcome::Unknown,
                tp,
                format!("the send deadline cannot be computed: {err}"),
                format!("không tính được hạn gửi: {}", err.message_vi()),
            ),
        }
    }

    fn business(&mut self, e: &Edoc, from: Option<AgencyCode>) {
        let bp = "edXMLEnvelope/edXMLHeader/TraceHeaderList/Bussiness";
        let Some(b) = e.trace.as_ref().and_then(|t| t.business.as_ref()) else {
            return;
        };
        let Some(kind) = b.doc_type.as_deref().map(str::trim) else {
            self.finding(
                "DOC-05",
                qd28(14, 2),
                Outcome::Warning,
                bp,
                "Bussiness has no BussinessDocType; the package is read as a new document".into(),
                "Bussiness thiếu BussinessDocType; gói tin được hiểu là văn bản mới".into(),
            );
            return;
        };
        let basis_recall = || qd28(8, 2);
        // The document acted on: Bussiness/DocumentId, else ResponseFor/DocumentId (the
        // revocation sample names it only there).
        let target = b
            .document_id
            .as_deref()
            .map(|d| (d, format!("{bp}/DocumentId")))
            .or_else(|| {
                e.header
                    .response_for
                    .iter()
                    .find_map(|r| r.document_id.as_deref())
                    .map(|d| (d, format!("{MH}/ResponseFor/DocumentId")))
            });
        let (en_kind, vi_kind) = match kind {
            "0" => ("a new document", "văn bản mới"),
            "1" => ("a revocation", "thu hồi"),
            "2" => ("an update", "cập nhật"),
            "3" => ("a replacement", "thay thế"),
            other => {
                self.finding(
                    "DOC-05",
                    qd28(14, 2),
                    Outcome::Fail,
                    &format!("{bp}/BussinessDocType"),
                    format!("BussinessDocType {other:?} is none of 0 new, 1 revocation, 2 update, 3 replacement"),
                    format!("BussinessDocType {} không thuộc 0 mới, 1 thu hồi, 2 cập nhật, 3 thay thế", egov_core::i18n::quote_vi(other)),
                );
                return;
            }
        };
        if kind == "0" {
            if let Some(id) = b.document_id.as_deref() {
                self.document_id(
                    Some(id),
                    &format!("{bp}/DocumentId"),
                    from,
                    None,
                    None,
                    "DOC-08",
                );
            }
        } else {
            match &target {
                Some((id, path)) => {
                    let sender = from;
                    self.document_id(Some(id), path, sender, None, None, "DOC-27");
                }
                None => self.finding(
                    "DOC-27",
                    basis_recall(),
                    Outcome::Fail,
                    &format!("{bp}/DocumentId"),
                    format!("the package is {en_kind} but names no document it acts on (Bussiness/DocumentId or ResponseFor/DocumentId)"),
                    format!("gói tin là {vi_kind} nhưng không nêu văn bản bị tác động (Bussiness/DocumentId hoặc ResponseFor/DocumentId)"),
                ),
            }
            if b.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
                self.finding(
                    "DOC-27",
                    basis_recall(),
                    Outcome::Warning,
                    &format!("{bp}/BussinessDocReason"),
                    format!("the package is {en_kind} without a reason (BussinessDocReason)"),
                    format!("gói tin là {vi_kind} nhưng không nêu lý do (BussinessDocReason)"),
                );
            }
        }
        if kind == "2" && b.document_info.is_none() {
            self.finding(
                "DOC-27",
                basis_recall(),
                Outcome::Warning,
                &format!("{bp}/BussinessDocumentInfo"),
                "an update without BussinessDocumentInfo does not say whether the document's information or its receivers changed".into(),
                "gói cập nhật thiếu BussinessDocumentInfo nên không rõ thay đổi thông tin văn bản hay danh sách nơi nhận".into(),
            );
        }
        if kind == "3" {
            let reps = b.replacements.as_deref().unwrap_or_default();
            if reps.is_empty() {
                self.finding(
                    "DOC-27",
                    basis_recall(),
                    Outcome::Fail,
                    &format!("{bp}/ReplacementInfoList"),
                    "a replacement names no replaced document (ReplacementInfoList)".into(),
                    "gói thay thế không nêu văn bản bị thay thế (ReplacementInfoList)".into(),
                );
            }
            for (i, r) in reps.iter().enumerate() {
                if reps[..i].contains(r) {
                    self.finding(
                        "DOC-05",
                        qd28(14, 2),
                        Outcome::Warning,
                        &format!("{bp}/ReplacementInfoList/ReplacementInfo[{}]", i + 1),
                        format!("ReplacementInfo {} repeats an earlier entry", i + 1),
                        format!("ReplacementInfo {} lặp lại một mục trước", i + 1),
                    );
                }
            }
        }
    }

    fn attachments(&mut self, e: &Edoc) {
        let basis_content = || qd28(10, 1);
        let basis_check = || qd28(9, 1);
        let strip = |s: &str| s.trim().strip_prefix("cid:").unwrap_or(s.trim()).to_owned();
        let manifest = e.manifest.as_deref().unwrap_or_default();
        // Manifest ↔ attachments, by content id without `cid:`.
        for (i, r) in manifest.iter().enumerate() {
            let path = format!("edXMLEnvelope/edXMLBody/edXMLManifest/Reference[{}]", i + 1);
            let id = r.content_id.as_deref().map(strip);
            let found = e
                .attachments
                .iter()
                .find(|a| a.content_id.as_deref().map(strip) == id && id.is_some());
            match found {
                None => self.finding(
                    "DOC-09",
                    basis_content(),
                    Outcome::Fail,
                    &path,
                    format!("the manifest announces {} ({}) but the package carries no attachment with that ContentId", r.attachment_name.as_deref().unwrap_or("an attachment"), r.content_id.as_deref().unwrap_or("no ContentId")),
                    format!("manifest khai báo {} ({}) nhưng gói tin không có tệp đính kèm mang ContentId đó", r.attachment_name.as_deref().unwrap_or("một tệp"), r.content_id.as_deref().unwrap_or("không có ContentId")),
                ),
                Some(a) => {
                    if let (Some(m), Some(t)) = (&r.content_type, &a.content_type) {
                        if m.trim() != t.trim() {
                            self.finding(
                                "DOC-05",
                                qd28(14, 2),
                                Outcome::Warning,
                                &path,
                                format!("the manifest says {m} but the attachment says {t} for {}", a.content_id.as_deref().unwrap_or("")),
                                format!("manifest ghi {m} nhưng tệp đính kèm ghi {t} cho {}", a.content_id.as_deref().unwrap_or("")),
                            );
                        }
                    }
                }
            }
        }
        for (i, a) in e.attachments.iter().enumerate() {
            let path = format!("AttachmentEncoded/Attachment[{}]", i + 1);
            let name = a
                .attachment_name
                .clone()
                .unwrap_or_else(|| format!("attachment {}", i + 1));
            if e.manifest.is_some() {
                let id = a.content_id.as_deref().map(strip);
                if id.is_none()
                    || !manifest
                        .iter()
                        .any(|r| r.content_id.as_deref().map(strip) == id)
                {
                    self.finding(
                        "DOC-09",
                        basis_content(),
                        Outcome::Warning,
                        &path,
                        format!("{name} is not announced in the manifest"),
                        format!("{name} không được khai báo trong manifest"),
                    );
                }
            }
            let Some(p) = &a.payload else {
                self.finding(
                    "DOC-28",
                    basis_check(),
                    Outcome::Fail,
                    &path,
                    format!("{name} has no content"),
                    format!("{name} không có nội dung"),
                );
                continue;
            };
            let mut problems: Vec<(Outcome, String, String)> = Vec::new();
            if let Some(err) = &p.base64_error {
                let err_vi = p.base64_error_vi.as_deref().unwrap_or(err);
                problems.push((
                    Outcome::Fail,
                    format!("its content is not base64: {err}"),
                    format!("nội dung không phải base64: {err_vi}"),
                ));
            }
            match &p.wrapping {
                Wrapping::Zip { crc_ok: Some(false), .. } => problems.push((Outcome::Fail, "its ZIP entry fails its CRC-32: the content is damaged".into(), "mục ZIP sai CRC-32: nội dung bị hỏng".into())),
                Wrapping::Zip { error: Some(err), error_vi, .. } => problems.push((Outcome::Fail, format!("its ZIP entry cannot be read whole: {err}"), format!("không đọc trọn được mục ZIP: {}", error_vi.as_deref().unwrap_or(err)))),
                Wrapping::Zip { complete: false, .. } => problems.push((Outcome::Warning, "its ZIP archive is cut short after the entry (end record incomplete): strict ZIP readers refuse it, the entry itself is intact".into(), "tệp ZIP bị cắt cụt sau mục dữ liệu (thiếu bản ghi kết thúc): trình đọc ZIP chặt chẽ sẽ từ chối, riêng mục dữ liệu vẫn nguyên vẹn".into())),
                Wrapping::Zip { more_entries: true, .. } => problems.push((Outcome::Warning, "its ZIP holds more than one entry; only the first is the content".into(), "tệp ZIP có nhiều mục; chỉ mục đầu là nội dung".into())),
                Wrapping::ZipUnreadable { reason, reason_vi } => problems.push((Outcome::Fail, format!("it is a ZIP whose entry cannot be taken out: {reason}"), format!("là tệp ZIP không lấy được nội dung: {}", if reason_vi.is_empty() { reason } else { reason_vi }))),
                _ => {}
            }
            if p.text_reencoded() {
                problems.push((
                    Outcome::Fail,
                    format!("its {} content holds {} U+FFFD replacement characters and is otherwise valid UTF-8: the binary file was decoded as text and re-encoded, and is not the original", p.content_kind.as_str(), p.replacement_chars),
                    format!("nội dung {} chứa {} ký tự thay thế U+FFFD và toàn bộ là UTF-8 hợp lệ: tệp nhị phân đã bị đọc như văn bản rồi mã hóa lại, không còn là tệp gốc", p.content_kind.as_str(), p.replacement_chars),
                ));
            }
            if p.pdf_eof == Some(false) {
                problems.push((
                    Outcome::Warning,
                    "its PDF content does not end with %%EOF (possibly truncated)".into(),
                    "nội dung PDF không kết thúc bằng %%EOF (có thể bị cắt cụt)".into(),
                ));
            }
            if let Some(declared) =
                p.declared_otherwise(a.content_type.as_deref(), a.attachment_name.as_deref())
            {
                problems.push((
                    Outcome::Fail,
                    format!(
                        "it is declared {declared} but its content is {} ({} bytes)",
                        p.content_kind.as_str(),
                        Lang::En.count(p.content_bytes)
                    ),
                    format!(
                        "được khai báo là {declared} nhưng nội dung là {} ({} byte)",
                        p.content_kind.as_str(),
                        Lang::Vi.count(p.content_bytes)
                    ),
                ));
            }
            if problems.is_empty() {
                let mut f = Finding::new(
                    "DOC-28",
                    basis_check(),
                    Outcome::Pass,
                    format!(
                        "{name}: {} bytes of {} content, decoded whole",
                        Lang::En.count(p.content_bytes),
                        p.content_kind.as_str()
                    ),
                    format!(
                        "{name}: nội dung {} {} byte, giải mã trọn vẹn",
                        p.content_kind.as_str(),
                        Lang::Vi.count(p.content_bytes)
                    ),
                );
                f.evidence = Some(
                    serde_json::json!({ "sha256": p.content_sha256, "bytes": p.content_bytes, "kind": p.content_kind }),
                );
                self.push(f, &path, None);
            }
            for (outcome, en, vi) in problems {
                let mut f = Finding::new(
                    "DOC-28",
                    basis_check(),
                    outcome,
                    format!("{name}: {en}"),
                    format!("{name}: {vi}"),
                );
                f.evidence = Some(
                    serde_json::json!({ "sha256": p.content_sha256, "bytes": p.content_bytes, "kind": p.content_kind }),
                );
                self.push(f, &path, None);
            }
        }
    }

    fn signature(&mut self, e: &Edoc) {
        let path = "edXMLEnvelope/edXMLHeader/Signature";
        let basis = || qd28(6, 1);
        let Some(s) = &e.signature else {
            self.finding(
                "DOC-14",
                LegalRef::clause(Instrument::Qd28_2018, 4, 2),
                Outcome::Warning,
                path,
                "the package carries no digital signature: an e-document that is not digitally signed is for information and reference only (Đ4.2)".into(),
                "gói tin không có chữ ký số: văn bản điện tử không được ký số chỉ có giá trị để biết, tham khảo (khoản 2 Điều 4)".into(),
            );
            return;
        };
        let loc = self.package.location(path);
        let placeholder = s
            .references
            .iter()
            .any(|r| r.digest_value.as_deref().map(str::trim) == Some(PLACEHOLDER_DIGEST))
            || s.certificates
                .iter()
                .any(|c| c.trim() == PLACEHOLDER_CERTIFICATE);
        if placeholder {
            let f = Finding::new(
                "DOC-18",
                basis(),
                Outcome::Fail,
                "the signature carries the VPCP example program's placeholder values (DigestValue FwgIqsSY…, certificate MIIFqTCCBJG): it was never computed and authenticates nothing",
                "chữ ký mang giá trị giữ chỗ của chương trình mẫu VPCP (DigestValue FwgIqsSY…, chứng thư MIIFqTCCBJG): chưa từng được tính, không xác thực được gì",
            );
            self.push(f, path, loc);
        }
        if s.namespace.as_deref() != Some(NS_DSIG) {
            let f = Finding::new(
                "DOC-18",
                basis(),
                Outcome::Fail,
                "the Signature element is not in the XML Signature namespace, so it is not an XMLDSig signature and cannot be verified",
                "phần tử Signature không thuộc không gian tên chữ ký XML nên không phải chữ ký XMLDSig và không kiểm tra được",
            );
            self.push(f, path, loc);
        } else if !placeholder {
            let f = Finding::new(
                "DOC-18",
                basis(),
                Outcome::Unknown,
                "the package carries an XMLDSig signature; this check does not verify it",
                "gói tin có chữ ký XMLDSig; bước kiểm tra này chưa xác minh chữ ký",
            );
            self.push(f, path, loc);
        }
        if s.signature_method.as_deref() == Some("http://www.w3.org/2000/09/xmldsig#rsa-sha1") {
            let f = Finding::new(
                "DOC-18",
                basis(),
                Outcome::Warning,
                "the signature uses RSA-SHA1, a legacy algorithm no longer considered secure",
                "chữ ký dùng RSA-SHA1, thuật toán cũ không còn được coi là an toàn",
            );
            self.push(f, &format!("{path}/SignedInfo/SignatureMethod"), loc);
        }
        for r in &s.references {
            for t in &r.transforms {
                if t == "http://www.w3.org/TR/xml-exc-c14n#" {
                    let f = Finding::new(
                        "DOC-18",
                        basis(),
                        Outcome::Warning,
                        "a Transform names http://www.w3.org/TR/xml-exc-c14n#, which is not an algorithm identifier (exclusive C14N is http://www.w3.org/2001/10/xml-exc-c14n#)",
                        "Transform ghi http://www.w3.org/TR/xml-exc-c14n#, không phải định danh thuật toán (C14N loại trừ là http://www.w3.org/2001/10/xml-exc-c14n#)",
                    );
                    self.push(f, &format!("{path}/SignedInfo/Reference/Transforms"), loc);
                }
            }
        }
    }

    // -----------------------------------------------------------------------------------------
    // status.

    fn status(&mut self, s: &StatusMessage) {
        let rf = s.response_for.clone().unwrap_or_default();
        let rp = format!("{MH}/ResponseFor");
        let promulgation = self.date(
            rf.promulgation_date.as_deref(),
            &format!("{rp}/PromulgationDate"),
            "DOC-10",
            qd28_point(10, 2, "d"),
            false,
        );
        let reporter = self.agency(
            s.from.as_ref().and_then(|f| f.organ_id.as_deref()),
            &format!("{MH}/From/OrganId"),
            ("reporting agency <From>", "cơ quan báo trạng thái <From>"),
            true,
            promulgation,
        );
        let issuer = self.agency(
            rf.organ_id.as_deref(),
            &format!("{rp}/OrganId"),
            (
                "answered document's agency (ResponseFor)",
                "cơ quan của văn bản được phản hồi (ResponseFor)",
            ),
            true,
            promulgation,
        );
        let number = rf
            .code
            .as_deref()
            .and_then(|c| self.number(c, &format!("{rp}/Code")));
        if rf.document_id.is_none() {
            self.finding("DOC-30", qd28(9, 2), Outcome::Fail, &format!("{rp}/DocumentId"), "the status names no DocumentId: it cannot be matched to the document it reports on".into(), "thông báo trạng thái không có DocumentId: không đối chiếu được với văn bản".into());
        }
        if let Some(id) = self.document_id(
            rf.document_id.as_deref(),
            &format!("{rp}/DocumentId"),
            issuer,
            promulgation,
            number,
            "DOC-08",
        ) {
            if let Some(issuer) = issuer {
                if id.organ_id() != issuer {
                    self.finding(
                        "DOC-08",
                        qd28_point(10, 2, "b"),
                        Outcome::Fail,
                        &format!("{rp}/OrganId"),
                        format!(
                            "ResponseFor names agency {issuer} but its DocumentId belongs to {}",
                            id.organ_id()
                        ),
                        format!(
                            "ResponseFor ghi cơ quan {issuer} nhưng DocumentId thuộc {}",
                            id.organ_id()
                        ),
                    );
                }
            }
        }
        let code_path = format!("{MH}/StatusCode");
        let Some(code) = s.status_code.as_deref().map(str::trim) else {
            return;
        };
        let status = match from_edxml_code(code) {
            Ok(st) => {
                self.finding(
                    "DOC-11",
                    qd28_point(10, 2, "h"),
                    Outcome::Pass,
                    &code_path,
                    format!("status {code}: {}", st.name_en()),
                    format!("trạng thái {code}: {}", st.name_vi()),
                );
                Some(st)
            }
            Err(_) => {
                self.finding(
                    "DOC-11",
                    qd28_point(10, 2, "h"),
                    Outcome::Warning,
                    &code_path,
                    format!("status code {code:?} is not one of the axis codes 01–06, 13, 15, 16; the list of Đ10.2.h is open («...»)"),
                    format!("mã trạng thái {} không thuộc các mã 01–06, 13, 15, 16 của trục; danh sách tại điểm h khoản 2 Điều 10 là danh sách mở («...»)", egov_core::i18n::quote_vi(code)),
                );
                None
            }
        };
        // Direction: a recall (13) comes from the document's sender; every other status from a
        // receiver.
        if let (Some(st), Some(reporter)) = (status, reporter) {
            let issuer_agency = rf
                .document_id
                .as_deref()
                .and_then(|d| EdxmlDocumentId::parse_with(d, self.options.agency_profile).ok())
                .map(|p| p.value.organ_id())
                .or(issuer);
            if let Some(issuer_agency) = issuer_agency {
                let from_sender = reporter == issuer_agency;
                let recall = st == EdxmlStatus::RecallRequested;
                if recall != from_sender {
                    let (en, vi) = if recall {
                        (format!("a recall (13) must come from the document's sender {issuer_agency}, not {reporter}"), format!("yêu cầu thu hồi (13) phải do bên gửi văn bản {issuer_agency} gửi, không phải {reporter}"))
                    } else {
                        (format!("status {code} is a receiver's report but comes from the document's own sender {reporter}"), format!("trạng thái {code} là phản hồi của bên nhận nhưng lại do chính bên gửi văn bản {reporter} gửi"))
                    };
                    self.finding(
                        "DOC-27",
                        qd28(8, 2),
                        Outcome::Warning,
                        &format!("{MH}/From/OrganId"),
                        en,
                        vi,
                    );
                }
            }
        }
        // A refusal carries its reason (DOC-29: the receiver is accountable for refusing).
        if status == Some(EdxmlStatus::Rejected) {
            let ok = s
                .description
                .as_deref()
                .is_some_and(|d| !d.trim().is_empty());
            self.finding(
                "DOC-29",
                qd28(5, 4),
                if ok { Outcome::Pass } else { Outcome::Fail },
                &format!("{MH}/Description"),
                if ok {
                    "the refusal gives its reason in Description".into()
                } else {
                    "a refusal (02) must say why: Description is empty".into()
                },
                if ok {
                    "thông báo từ chối nêu lý do trong Description".into()
                } else {
                    "từ chối nhận (02) phải nêu lý do: Description trống".into()
                },
            );
        }
        // Time order.
        match s.timestamp.as_deref().map(parse_timestamp) {
            Some(Ok((ts, _))) => {
                if let Some(d) = promulgation {
                    if ts.date() < d {
                        self.finding(
                            "DOC-30",
                            qd28(9, 2),
                            Outcome::Warning,
                            &format!("{MH}/Timestamp"),
                            format!("the status time {ts} is before the date of the document it reports on ({})", crate::dates::format_date(d)),
                            format!("thời điểm trạng thái {} trước ngày của văn bản được phản hồi ({})", datetime_vi(ts), date_vi(d)),
                        );
                    }
                }
            }
            Some(Err((en, vi))) => self.finding(
                "DOC-30",
                qd28(9, 2),
                Outcome::Fail,
                &format!("{MH}/Timestamp"),
                en,
                vi,
            ),
            None => {}
        }
    }
}

/// Classifies an `OrganId` that is not an agency code (EDXML.md §3.1): (English, Vietnamese,
/// stable shape name).
fn classify_organ_id(raw: &str) -> (&'static str, &'static str, &'static str) {
    let t = raw.trim();
    let groups: Vec<&str> = t.split('.').collect();
    if t.is_empty() {
        ("empty", "trống", "empty")
    } else if t.eq_ignore_ascii_case("null") {
        ("the literal text null", "chữ null", "null")
    } else if t.len() == 9 && groups.len() == 3 {
        ("a 9-character legacy code", "mã cũ 9 ký tự", "legacy_9")
    } else if t.len() == 3 && t.as_bytes()[0].is_ascii_alphabetic() && groups.len() == 1 {
        ("a bare level-1 code", "mã cấp 1 đứng riêng", "level_1")
    } else if t.bytes().all(|b| b.is_ascii_digit()) {
        ("a numeric code", "mã số", "numeric")
    } else if t.starts_with("vxp.") || t.contains("saas") {
        (
            "a system id of the axis's test environment",
            "mã hệ thống của môi trường thử nghiệm trục",
            "system_id",
        )
    } else {
        (
            "an unrecognised value",
            "giá trị không nhận dạng được",
            "invalid",
        )
    }
}

fn looks_like_uuid(s: &str) -> bool {
    let t = s.trim();
    t.len() == 36
        && t.bytes().enumerate().all(|(i, b)| {
            if [8, 13, 18, 23].contains(&i) {
                b == b'-'
            } else {
                b.is_ascii_hexdigit()
            }
        })
}
