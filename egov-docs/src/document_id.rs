//! The document identifier, «mã định danh văn bản» (rule DOC-08, A-02).
//!
//! QĐ 28/2018/QĐ-TTg Đ10.2.b defines it by its parts only: «Mã định danh của cơ quan, tổ
//! chức», «Năm ban hành văn bản, số thứ tự văn bản được ban hành trong năm». It gives **no
//! separators, widths or order**, so the law defines no canonical string. This module keeps
//! two things apart:
//!
//! * [`DocumentId`]: the structural form `{ agency, year, seq }` of the seed. It has no
//!   `Display`; every rendering is a named [`DocumentIdFormat`] (today one SDK convention,
//!   [`DocumentIdFormat::SdkTriple`], labelled as such).
//! * [`EdxmlDocumentId`]: the string that edXML packages carry in `DocumentId`,
//!   `000.00.00.G22,2018/09/20,7816/VPCP-TTĐT` = organ id, promulgation date `yyyy/MM/dd`,
//!   "số và ký hiệu". **Outside knowledge (O-06, confidence medium):** this is the practice of
//!   QCVN 102:2016/BTTTT integrations, not the seed's wording. The date is validated against the
//!   real calendar (`2014/02/30` is rejected, naming the field).
//!
//! Inconsistencies between an id and the package around it (year in the number vs year of the
//! date, organ id vs sender, the date and number given twice) are reported as findings by
//! [`EdxmlDocumentId::check_consistency`], never as parse errors.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use egov_core::i18n::date_vi;
use egov_core::{ErrorCode, Finding, Instrument, LegalRef, Outcome, Report};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use thiserror::Error;

use crate::agency::{AgencyCode, AgencyError, AgencyProfile, AgencyTolerance};
use crate::number::{DocNumber, NumberError, NumberWarning};
use crate::parsed::{Parsed, Tolerance};

/// Why a document identifier was rejected. Offsets are byte offsets into the input; `field`
/// names the field (`promulgation_date`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum DocumentIdError {
    /// Empty input.
    #[error("empty document identifier")]
    Empty,
    /// Not the expected number of separated fields.
    #[error("document identifier must have {expected} '{separator}'-separated fields ({layout}); found {found}")]
    FieldCount {
        /// Fields found.
        found: usize,
        /// Fields expected.
        expected: usize,
        /// The separator.
        separator: char,
        /// The expected layout.
        layout: &'static str,
    },
    /// The agency field is not an agency code.
    #[error("field {field} at byte {offset}: {source}")]
    Agency {
        /// Field name (`organ_id`, `agency`).
        field: &'static str,
        /// Offset of the field.
        offset: usize,
        /// Why the agency code was rejected.
        #[source]
        source: AgencyError,
    },
    /// The date field is not `yyyy/MM/dd`.
    #[error("field {field} at byte {offset} must be a date written yyyy/MM/dd")]
    DateFormat {
        /// Field name.
        field: &'static str,
        /// Offset of the field.
        offset: usize,
    },
    /// The date field is well formed but names no calendar day (`2014/02/30`).
    #[error(
        "field {field} at byte {offset}: {year:04}/{month:02}/{day:02} is not a calendar date"
    )]
    NoSuchDate {
        /// Field name.
        field: &'static str,
        /// Offset of the field.
        offset: usize,
        /// Year as written.
        year: u16,
        /// Month as written.
        month: u8,
        /// Day as written.
        day: u8,
    },
    /// The "số và ký hiệu" field was rejected.
    #[error("field {field} at byte {offset}: {source}")]
    Number {
        /// Field name.
        field: &'static str,
        /// Offset of the field.
        offset: usize,
        /// Why the number was rejected.
        #[source]
        source: NumberError,
    },
    /// The year is outside 1..=9999 or not four digits.
    #[error("field year at byte {offset} must be a four-digit year from 0001 to 9999")]
    Year {
        /// Offset of the field (0 for a constructor argument).
        offset: usize,
    },
    /// The sequence number is not a positive integer without leading zeros.
    #[error("field seq at byte {offset} must be a number from 1 (numbering starts at 01, Nghị định 30/2020/NĐ-CP Đ15) with no leading zero")]
    Seq {
        /// Offset of the field (0 for a constructor argument).
        offset: usize,
    },
}

/// The Vietnamese name of a field of a document identifier.
fn field_vi(field: &str) -> &'static str {
    match field {
        "organ_id" | "agency" => "mã định danh cơ quan",
        "promulgation_date" => "ngày ban hành",
        "number" => "số và ký hiệu văn bản",
        "year" => "năm",
        "seq" => "số thứ tự",
        _ => "không rõ tên",
    }
}

/// The Vietnamese form of a layout named in [`DocumentIdError::FieldCount`].
fn layout_vi(layout: &str) -> &'static str {
    match layout {
        EDXML_LAYOUT => "mã cơ quan,yyyy/MM/dd,số và ký hiệu",
        "agency:yyyy:seq" => "mã cơ quan:yyyy:số thứ tự",
        _ => "theo định dạng đã chọn",
    }
}

impl DocumentIdError {
    /// The error in Vietnamese (the English text is `Display`): DOC-08, QĐ 28/2018/QĐ-TTg
    /// Đ10.2.b; edXML layout O-06.
    pub fn message_vi(&self) -> String {
        egov_core::Localize::message(self, egov_core::Lang::Vi)
    }
}

impl egov_core::Localize for DocumentIdError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        use DocumentIdError as E;
        match self {
            E::Empty => egov_core::args!(),
            E::FieldCount {
                found,
                expected,
                separator,
                layout,
            } => egov_core::args!(
                found = found,
                expected = expected,
                separator = *separator,
                layout = layout_vi(layout)
            ),
            E::Agency {
                field,
                offset,
                source,
            } => egov_core::args!(
                field = field_vi(field),
                offset = offset,
                source = source.message(egov_core::Lang::Vi)
            ),
            E::Number {
                field,
                offset,
                source,
            } => egov_core::args!(
                field = field_vi(field),
                offset = offset,
                source = source.message(egov_core::Lang::Vi)
            ),
            E::DateFormat { field, offset } => {
                egov_core::args!(field = field_vi(field), offset = offset)
            }
            E::NoSuchDate {
                field,
                offset,
                year,
                month,
                day,
            } => egov_core::args!(
                field = field_vi(field),
                offset = offset,
                date = format!("{year:04}/{month:02}/{day:02}")
            ),
            E::Year { offset } | E::Seq { offset } => egov_core::args!(offset = offset),
        }
    }
}

impl ErrorCode for DocumentIdError {
    fn code(&self) -> &'static str {
        match self {
            DocumentIdError::Empty => "document_id.empty",
            DocumentIdError::FieldCount { .. } => "document_id.field_count",
            DocumentIdError::Agency { .. } => "document_id.agency",
            DocumentIdError::DateFormat { .. } => "document_id.date_format",
            DocumentIdError::NoSuchDate { .. } => "document_id.no_such_date",
            DocumentIdError::Number { .. } => "document_id.number",
            DocumentIdError::Year { .. } => "document_id.year",
            DocumentIdError::Seq { .. } => "document_id.seq",
        }
    }
}

/// A named rendering of the structural [`DocumentId`]. The seed defines none (A-02), so each
/// format says where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DocumentIdFormat {
    /// `000.00.00.G22:2018:7816` (agency, four-digit year, sequence without padding).
    /// **An SDK convention, not a legal format** (REQUIREMENTS §7 A-02): use it for logs and
    /// keys, never as "the" identifier in an exchange.
    #[default]
    SdkTriple,
}

/// The structural document identifier of QĐ 28/2018/QĐ-TTg Đ10.2.b (DOC-08): the issuing
/// agency's code, the year of issue, the sequence number of the document in that year.
///
/// Serialized as `{"agency": "000.00.00.G22", "year": 2018, "seq": 7816}`.
///
/// ```
/// use egov_docs::agency::AgencyCode;
/// use egov_docs::document_id::{DocumentId, DocumentIdFormat};
/// let vpcp: AgencyCode = "000.00.00.G22".parse().unwrap();
/// let id = DocumentId::new(vpcp, 2018, 7816).unwrap();
/// assert_eq!(id.render(DocumentIdFormat::SdkTriple).to_string(), "000.00.00.G22:2018:7816");
/// assert_eq!(DocumentId::parse("000.00.00.G22:2018:7816", DocumentIdFormat::SdkTriple).unwrap(), id);
/// assert!(DocumentId::new(vpcp, 2018, 0).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "DocumentIdFields", into = "DocumentIdFields")]
pub struct DocumentId {
    agency: AgencyCode,
    year: u16,
    seq: u32,
}

/// The serde form of [`DocumentId`].
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct DocumentIdFields {
    agency: AgencyCode,
    year: u16,
    seq: u32,
}

impl TryFrom<DocumentIdFields> for DocumentId {
    type Error = DocumentIdError;
    fn try_from(f: DocumentIdFields) -> Result<Self, Self::Error> {
        // serde(try_from) passes only the English text on: keep the Vietnamese beside it.
        DocumentId::new(f.agency, f.year, f.seq).inspect_err(|e| {
            egov_core::i18n::carry(e);
        })
    }
}

impl From<DocumentId> for DocumentIdFields {
    fn from(id: DocumentId) -> Self {
        DocumentIdFields {
            agency: id.agency,
            year: id.year,
            seq: id.seq,
        }
    }
}

impl DocumentId {
    /// A document identifier (DOC-08, QĐ 28/2018/QĐ-TTg Đ10.2.b). `year` must be 1..=9999 and
    /// `seq` at least 1 (numbering starts from 01 each year, Nghị định 30/2020/NĐ-CP Đ15.1,
    /// outside knowledge O-05).
    pub fn new(agency: AgencyCode, year: u16, seq: u32) -> Result<DocumentId, DocumentIdError> {
        if !(1..=9999).contains(&year) {
            return Err(DocumentIdError::Year { offset: 0 });
        }
        if seq == 0 {
            return Err(DocumentIdError::Seq { offset: 0 });
        }
        Ok(DocumentId { agency, year, seq })
    }

    /// The issuing agency.
    pub fn agency(&self) -> AgencyCode {
        self.agency
    }

    /// The year of issue («Năm ban hành văn bản»).
    pub fn year(&self) -> u16 {
        self.year
    }

    /// The sequence number in that year («số thứ tự văn bản được ban hành trong năm»).
    pub fn seq(&self) -> u32 {
        self.seq
    }

    /// A `Display` of the identifier in the given format (no allocation).
    pub fn render(&self, format: DocumentIdFormat) -> impl fmt::Display + '_ {
        Rendered { id: self, format }
    }

    /// Parses a rendering in the given format (DOC-08 parts; format per [`DocumentIdFormat`]).
    /// The agency field accepts exactly what [`AgencyCode`] displays.
    pub fn parse(s: &str, format: DocumentIdFormat) -> Result<DocumentId, DocumentIdError> {
        match format {
            DocumentIdFormat::SdkTriple => parse_triple(s),
        }
    }
}

struct Rendered<'a> {
    id: &'a DocumentId,
    format: DocumentIdFormat,
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.format {
            DocumentIdFormat::SdkTriple => {
                write!(f, "{}:{:04}:{}", self.id.agency, self.id.year, self.id.seq)
            }
        }
    }
}

/// Splits `s` on `sep` into exactly three fields with their offsets.
fn three_fields<'a>(
    s: &'a str,
    sep: char,
    layout: &'static str,
) -> Result<[(&'a str, usize); 3], DocumentIdError> {
    if s.is_empty() {
        return Err(DocumentIdError::Empty);
    }
    let found = s.matches(sep).count() + 1;
    let mut it = s.splitn(3, sep);
    match (it.next(), it.next(), it.next()) {
        (Some(a), Some(b), Some(c)) if found == 3 => {
            let ob = a.len() + sep.len_utf8();
            let oc = ob + b.len() + sep.len_utf8();
            Ok([(a, 0), (b, ob), (c, oc)])
        }
        _ => Err(DocumentIdError::FieldCount {
            found,
            expected: 3,
            separator: sep,
            layout,
        }),
    }
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn parse_triple(s: &str) -> Result<DocumentId, DocumentIdError> {
    let [(agency, oa), (year, oy), (seq, os)] = three_fields(s, ':', "agency:yyyy:seq")?;
    let agency = AgencyCode::parse_exact(agency).map_err(|source| DocumentIdError::Agency {
        field: "agency",
        offset: oa,
        source,
    })?;
    if year.len() != 4 || !all_digits(year) {
        return Err(DocumentIdError::Year { offset: oy });
    }
    let year: u16 = year
        .parse()
        .map_err(|_| DocumentIdError::Year { offset: oy })?;
    if !all_digits(seq) || seq.starts_with('0') || seq.len() > 10 {
        return Err(DocumentIdError::Seq { offset: os });
    }
    let seq: u32 = seq
        .parse()
        .map_err(|_| DocumentIdError::Seq { offset: os })?;
    DocumentId::new(agency, year, seq).map_err(|e| match e {
        DocumentIdError::Year { .. } => DocumentIdError::Year { offset: oy },
        _ => DocumentIdError::Seq { offset: os },
    })
}

/// Parses `yyyy/MM/dd` against the real calendar.
fn parse_slash_date(
    s: &str,
    field: &'static str,
    offset: usize,
) -> Result<NaiveDate, DocumentIdError> {
    let b = s.as_bytes();
    let well_formed = b.len() == 10
        && b.iter().enumerate().all(|(i, &c)| match i {
            4 | 7 => c == b'/',
            _ => c.is_ascii_digit(),
        });
    if !well_formed {
        return Err(DocumentIdError::DateFormat { field, offset });
    }
    let num = |r: std::ops::Range<usize>| -> u16 {
        b.get(r)
            .unwrap_or_default()
            .iter()
            .fold(0u16, |acc, &c| acc * 10 + u16::from(c - b'0'))
    };
    let (year, month, day) = (num(0..4), num(5..7), num(8..10));
    NaiveDate::from_ymd_opt(i32::from(year), u32::from(month), u32::from(day)).ok_or(
        DocumentIdError::NoSuchDate {
            field,
            offset,
            year,
            month: u8::try_from(month).unwrap_or(u8::MAX),
            day: u8::try_from(day).unwrap_or(u8::MAX),
        },
    )
}

/// What [`EdxmlDocumentId::parse_with`] tolerated in one of its fields. Offsets inside the
/// wrapped warning are relative to the field, which starts at `field_offset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DocumentIdWarning {
    /// In the organ id (lenient profile only).
    OrganId {
        /// Offset of the field.
        field_offset: usize,
        /// What was tolerated.
        tolerance: AgencyTolerance,
    },
    /// In the "số và ký hiệu".
    Number {
        /// Offset of the field.
        field_offset: usize,
        /// What was tolerated.
        warning: NumberWarning,
    },
}

impl Tolerance for DocumentIdWarning {
    fn code(&self) -> &'static str {
        match self {
            DocumentIdWarning::OrganId { tolerance, .. } => tolerance.code(),
            DocumentIdWarning::Number { warning, .. } => warning.code(),
        }
    }

    fn finding(&self) -> Finding {
        match self {
            DocumentIdWarning::OrganId { tolerance, .. } => {
                tolerance.finding().with_field("document_id.organ_id")
            }
            DocumentIdWarning::Number { warning, .. } => {
                warning.finding().with_field("document_id.number")
            }
        }
    }
}

/// The edXML `DocumentId` string `"<OrganId>,<yyyy/MM/dd>,<Số và ký hiệu>"` (DOC-08 in
/// practice; layout outside knowledge O-06, QCVN 102:2016 integrations).
///
/// `Display` and serde give `000.00.00.G22,2018/09/20,7816/VPCP-TTĐT`; `FromStr` uses the
/// strict agency profile and drops number warnings.
///
/// ```
/// use egov_docs::document_id::{DocumentIdError, EdxmlDocumentId};
/// let id: EdxmlDocumentId = "000.00.00.G22,2018/09/20,7816/VPCP-TTĐT".parse().unwrap();
/// assert_eq!(id.organ_id().as_str(), "000.00.00.G22");
/// assert_eq!(id.promulgation_date().to_string(), "2018-09-20");
/// assert_eq!(id.number().as_str(), "7816/VPCP-TTĐT");
/// assert_eq!(id.to_document_id().unwrap().seq(), 7816);
///
/// let bad = EdxmlDocumentId::parse("000.00.00.G22,2014/02/30,7806/VPCP-TTĐT").unwrap_err();
/// assert!(matches!(bad, DocumentIdError::NoSuchDate { field: "promulgation_date", offset: 14, .. }));
/// assert_eq!(bad.to_string(), "field promulgation_date at byte 14: 2014/02/30 is not a calendar date");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EdxmlDocumentId {
    organ_id: AgencyCode,
    promulgation_date: NaiveDate,
    number: DocNumber,
}

const EDXML_LAYOUT: &str = "organ_id,yyyy/MM/dd,number";

/// The description of an edXML identifier that `egov docid --json` and the C and Python
/// bindings answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EdxmlDocumentIdView<'a> {
    /// The identifier.
    pub id: &'a EdxmlDocumentId,
    /// The issuing agency.
    pub organ_id: AgencyCode,
    /// The promulgation date.
    pub promulgation_date: NaiveDate,
    /// The document number.
    pub number: &'a DocNumber,
    /// The structural form (DOC-08), when the number gives one.
    pub structural: Option<DocumentId>,
    /// Findings (syntax, calendar, consistency).
    pub findings: Vec<Finding>,
}

impl EdxmlDocumentId {
    /// The description of this identifier with `findings` (see [`EdxmlDocumentIdView`]).
    pub fn view(&self, findings: Vec<Finding>) -> EdxmlDocumentIdView<'_> {
        EdxmlDocumentIdView {
            id: self,
            organ_id: self.organ_id(),
            promulgation_date: self.promulgation_date(),
            number: self.number(),
            structural: self.to_document_id().ok(),
            findings,
        }
    }

    /// An edXML document id from its parts (DOC-08, QĐ 28/2018/QĐ-TTg Đ10.2.b; layout O-06).
    ///
    /// The string form writes the date `yyyy/MM/dd`, so its year must be 0000–9999; any other
    /// date is [`DocumentIdError::Year`], since its string form could not be read back.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use egov_docs::document_id::EdxmlDocumentId;
    /// let date = NaiveDate::from_ymd_opt(2018, 9, 20).unwrap();
    /// let id = EdxmlDocumentId::new("000.00.00.G22".parse().unwrap(), date, "7816/VPCP-TTĐT".parse().unwrap()).unwrap();
    /// assert_eq!(id.to_string(), "000.00.00.G22,2018/09/20,7816/VPCP-TTĐT");
    /// ```
    pub fn new(
        organ_id: AgencyCode,
        promulgation_date: NaiveDate,
        number: DocNumber,
    ) -> Result<Self, DocumentIdError> {
        if !(0..=9999).contains(&promulgation_date.year()) {
            return Err(DocumentIdError::Year { offset: 0 });
        }
        Ok(EdxmlDocumentId {
            organ_id,
            promulgation_date,
            number,
        })
    }

    /// Parses with the strict agency profile (DOC-02 via QCVN 102:2016; id layout O-06),
    /// validating the date against the real calendar and tolerating what
    /// [`DocNumber::parse`] tolerates.
    pub fn parse(s: &str) -> Result<Parsed<EdxmlDocumentId, DocumentIdWarning>, DocumentIdError> {
        Self::parse_with(s, AgencyProfile::STRICT)
    }

    /// Parses with the given agency profile (DOC-08; A-01 profiles; layout O-06).
    pub fn parse_with(
        s: &str,
        profile: AgencyProfile,
    ) -> Result<Parsed<EdxmlDocumentId, DocumentIdWarning>, DocumentIdError> {
        Self::parse_impl(s, |a| AgencyCode::parse_with(a, profile))
    }

    fn parse_impl(
        s: &str,
        agency: impl Fn(&str) -> Result<Parsed<AgencyCode, AgencyTolerance>, AgencyError>,
    ) -> Result<Parsed<EdxmlDocumentId, DocumentIdWarning>, DocumentIdError> {
        let [(organ, oo), (date, od), (number, on)] = three_fields(s, ',', EDXML_LAYOUT)?;
        let organ = agency(organ).map_err(|source| DocumentIdError::Agency {
            field: "organ_id",
            offset: oo,
            source,
        })?;
        let promulgation_date = parse_slash_date(date, "promulgation_date", od)?;
        let number = DocNumber::parse(number).map_err(|source| DocumentIdError::Number {
            field: "number",
            offset: on,
            source,
        })?;
        let warnings = organ
            .warnings
            .into_iter()
            .map(|tolerance| DocumentIdWarning::OrganId {
                field_offset: oo,
                tolerance,
            })
            .chain(
                number
                    .warnings
                    .into_iter()
                    .map(|warning| DocumentIdWarning::Number {
                        field_offset: on,
                        warning,
                    }),
            )
            .collect();
        Ok(Parsed {
            value: EdxmlDocumentId {
                organ_id: organ.value,
                promulgation_date,
                number: number.value,
            },
            warnings,
        })
    }

    /// The issuing organ's agency code.
    pub fn organ_id(&self) -> AgencyCode {
        self.organ_id
    }

    /// The promulgation date («Ngày, tháng, năm văn bản»).
    pub fn promulgation_date(&self) -> NaiveDate {
        self.promulgation_date
    }

    /// The "số và ký hiệu".
    pub fn number(&self) -> &DocNumber {
        &self.number
    }

    /// The structural identifier of DOC-08 (QĐ 28/2018/QĐ-TTg Đ10.2.b): organ id, year of the
    /// promulgation date, number. Fails only for years outside 1..=9999.
    pub fn to_document_id(&self) -> Result<DocumentId, DocumentIdError> {
        let year = u16::try_from(self.promulgation_date.year())
            .map_err(|_| DocumentIdError::Year { offset: 0 })?;
        DocumentId::new(self.organ_id, year, self.number.number())
    }

    /// Consistency of the id with itself and with the package around it, as findings (never
    /// errors):
    ///
    /// * **DOC-08** year (QĐ 28/2018/QĐ-TTg Đ10.2.b «Năm ban hành văn bản»): when the number
    ///   carries a year (`28/2018/QĐ-TTg`), it must equal the year of the date: `Pass`/`Fail`.
    /// * **DOC-08** issuer vs sender (Đ10.2.b «Mã định danh của cơ quan, tổ chức»): the organ id
    ///   should be the sending agency. A forwarded document may legitimately differ, so a
    ///   mismatch is a `Warning`, or a `Fail` when the caller sets
    ///   [`EdxmlContext::sender_is_issuer`].
    /// * **DOC-10.d / DOC-10.c** (Đ10.2.d, Đ10.2.c): the date and number given next to the id
    ///   (`PromulgationDate`, `Code`) must equal the ones inside it: `Pass`/`Fail`.
    ///
    /// Checks whose context is missing are skipped.
    pub fn check_consistency(&self, ctx: &EdxmlContext) -> Report {
        let mut report = Report::new();
        let id = self.to_string();
        let point_b = || LegalRef::point(Instrument::Qd28_2018, 10, 2, "b");
        if let Some(number_year) = self.number.year() {
            let date_year = self.promulgation_date.year();
            report.push(
                agreement(
                    "DOC-08",
                    point_b(),
                    i32::from(number_year) == date_year,
                    Outcome::Fail,
                    [
                        format!("the year in the number ({number_year}) is the year of the promulgation date"),
                        format!("the year in the number ({number_year}) differs from the year of the promulgation date ({date_year}) in {id}"),
                    ],
                    [
                        format!("năm trong số văn bản ({number_year}) trùng năm ban hành"),
                        format!("năm trong số văn bản ({number_year}) khác năm ban hành ({date_year}) trong {id}"),
                    ],
                )
                .with_field("document_id")
                .with_evidence(serde_json::json!({ "number_year": number_year, "date_year": date_year })),
            );
        }
        if let Some(sender) = ctx.sender {
            let organ = self.organ_id;
            report.push(
                agreement(
                    "DOC-08",
                    point_b(),
                    sender == organ,
                    if ctx.sender_is_issuer {
                        Outcome::Fail
                    } else {
                        Outcome::Warning
                    },
                    [
                        format!("the organ id {organ} in the document id is the sender"),
                        format!("the organ id {organ} in the document id is not the sender {sender}"),
                    ],
                    [
                        format!("mã định danh cơ quan {organ} trong mã định danh văn bản là bên gửi"),
                        format!("mã định danh cơ quan {organ} trong mã định danh văn bản khác bên gửi {sender}"),
                    ],
                )
                .with_field("document_id.organ_id")
                .with_evidence(serde_json::json!({ "organ_id": organ, "sender": sender })),
            );
        }
        if let Some(date) = ctx.promulgation_date {
            let inner = self.promulgation_date;
            report.push(
                agreement(
                    "DOC-10",
                    LegalRef::point(Instrument::Qd28_2018, 10, 2, "d"),
                    date == inner,
                    Outcome::Fail,
                    [
                        format!("the promulgation date {date} matches the document id"),
                        format!("the promulgation date {date} differs from the date {inner} in the document id {id}"),
                    ],
                    [
                        format!("ngày ban hành {} khớp mã định danh văn bản", date_vi(date)),
                        format!(
                            "ngày ban hành {} khác ngày {} trong mã định danh văn bản {id}",
                            date_vi(date),
                            date_vi(inner)
                        ),
                    ],
                )
                .with_field("promulgation_date"),
            );
        }
        if let Some(number) = &ctx.number {
            let inner = &self.number;
            report.push(
                agreement(
                    "DOC-10",
                    LegalRef::point(Instrument::Qd28_2018, 10, 2, "c"),
                    number == inner,
                    Outcome::Fail,
                    [
                        format!("the number {number} matches the document id"),
                        format!("the number {number} differs from {inner} in the document id {id}"),
                    ],
                    [
                        format!("số và ký hiệu {number} khớp mã định danh văn bản"),
                        format!(
                            "số và ký hiệu {number} khác {inner} trong mã định danh văn bản {id}"
                        ),
                    ],
                )
                .with_field("code"),
            );
        }
        report
    }
}

/// A finding on two values that should agree: `Pass` with the first message of each pair when
/// they do, `mismatch` with the second otherwise.
fn agreement(
    rule: &'static str,
    basis: LegalRef,
    agree: bool,
    mismatch: Outcome,
    [en_ok, en_bad]: [String; 2],
    [vi_ok, vi_bad]: [String; 2],
) -> Finding {
    if agree {
        Finding::new(rule, basis, Outcome::Pass, en_ok, vi_ok)
    } else {
        Finding::new(rule, basis, mismatch, en_bad, vi_bad)
    }
}

/// What surrounds an edXML document id in its package, for
/// [`EdxmlDocumentId::check_consistency`]. Every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EdxmlContext {
    /// The sending agency (`From/OrganId`), or the organ a `ResponseFor` names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender: Option<AgencyCode>,
    /// Set when the sender is known to be the issuer (not a forwarder): a mismatch then fails.
    #[serde(default)]
    pub sender_is_issuer: bool,
    /// The `PromulgationDate` given next to the id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promulgation_date: Option<NaiveDate>,
    /// The `Code` ("số và ký hiệu") given next to the id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<DocNumber>,
}

impl FromStr for EdxmlDocumentId {
    type Err = DocumentIdError;

    /// [`EdxmlDocumentId::parse`] without the warnings.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EdxmlDocumentId::parse(s).map(Parsed::into_value)
    }
}

impl fmt::Display for EdxmlDocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{},{},{}",
            self.organ_id,
            self.promulgation_date.format("%Y/%m/%d"),
            self.number
        )
    }
}

impl Serialize for EdxmlDocumentId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// JSON Schema: matches the hand-written serde form above.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for EdxmlDocumentId {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "EdxmlDocumentId".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A document identifier in edXML form agency,yyyy/MM/dd,number (DOC-08): 000.00.00.G22,2018/09/20,7816/VPCP-TTĐT."
        })
    }
}

impl<'de> Deserialize<'de> for EdxmlDocumentId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = EdxmlDocumentId;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "an edXML document id such as \"000.00.00.G22,2018/09/20,7816/VPCP-TTĐT\"",
                )
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<EdxmlDocumentId, E> {
                EdxmlDocumentId::parse_impl(v, |a| AgencyCode::parse_exact(a).map(Parsed::clean))
                    .map(Parsed::into_value)
                    .map_err(|e| {
                        E::custom(format_args!(
                            "{} ({})",
                            egov_core::i18n::carry(&e),
                            e.code()
                        ))
                    })
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn code(s: &str) -> AgencyCode {
        s.parse().unwrap()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn doc_08_structural_id_and_named_format() {
        let id = DocumentId::new(code("000.00.00.G22"), 2018, 7816).unwrap();
        assert_eq!(id.agency(), code("000.00.00.G22"));
        assert_eq!((id.year(), id.seq()), (2018, 7816));
        let s = id.render(DocumentIdFormat::SdkTriple).to_string();
        assert_eq!(s, "000.00.00.G22:2018:7816");
        assert_eq!(
            DocumentId::parse(&s, DocumentIdFormat::SdkTriple).unwrap(),
            id
        );
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, r#"{"agency":"000.00.00.G22","year":2018,"seq":7816}"#);
        assert_eq!(serde_json::from_str::<DocumentId>(&json).unwrap(), id);
        let bad = r#"{"agency":"000.00.00.G22","year":2018,"seq":0}"#;
        assert!(serde_json::from_str::<DocumentId>(bad).is_err());
    }

    #[test]
    fn doc_08_structural_errors_name_the_field() {
        let f = DocumentIdFormat::SdkTriple;
        let cases: &[(&str, &str)] = &[
            ("", "document_id.empty"),
            ("000.00.00.G22:2018", "document_id.field_count"),
            ("000.00.00.G2:2018:1", "document_id.agency"),
            ("000.00.00.G22:18:1", "document_id.year"),
            ("000.00.00.G22:0000:1", "document_id.year"),
            ("000.00.00.G22:2018:0", "document_id.seq"),
            ("000.00.00.G22:2018:01", "document_id.seq"),
            ("000.00.00.G22:2018:99999999999", "document_id.seq"),
            ("000.00.00.G22:2018:x", "document_id.seq"),
        ];
        for (input, expected) in cases {
            let e = DocumentId::parse(input, f).unwrap_err();
            assert_eq!(e.code(), *expected, "{input:?}: {e}");
        }
        assert_eq!(
            DocumentId::parse("000.00.00.G22:2018:x", f).unwrap_err(),
            DocumentIdError::Seq { offset: 19 }
        );
        assert_eq!(
            DocumentId::new(code("000.00.00.G22"), 0, 1).unwrap_err(),
            DocumentIdError::Year { offset: 0 }
        );
    }

    #[test]
    fn doc_08_edxml_id_parses_into_parts() {
        let p = EdxmlDocumentId::parse("000.00.00.G22,2018/09/20,7816/VPCP-TTĐT").unwrap();
        assert!(p.is_clean());
        let id = p.value;
        assert_eq!(id.organ_id(), code("000.00.00.G22"));
        assert_eq!(id.promulgation_date(), date(2018, 9, 20));
        assert_eq!(id.number().as_str(), "7816/VPCP-TTĐT");
        assert_eq!(id.to_string(), "000.00.00.G22,2018/09/20,7816/VPCP-TTĐT");
        let structural = id.to_document_id().unwrap();
        assert_eq!(
            structural,
            DocumentId::new(code("000.00.00.G22"), 2018, 7816).unwrap()
        );
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, "\"000.00.00.G22,2018/09/20,7816/VPCP-TTĐT\"");
        assert_eq!(serde_json::from_str::<EdxmlDocumentId>(&json).unwrap(), id);
    }

    #[test]
    fn doc_08_impossible_date_is_rejected_naming_the_field() {
        let e = EdxmlDocumentId::parse("000.00.00.G22,2014/02/30,7806/VPCP-TTĐT").unwrap_err();
        assert_eq!(
            e,
            DocumentIdError::NoSuchDate {
                field: "promulgation_date",
                offset: 14,
                year: 2014,
                month: 2,
                day: 30
            }
        );
        assert_eq!(e.code(), "document_id.no_such_date");
        assert!(e.to_string().contains("promulgation_date"));
        // Leap years are real.
        assert!(EdxmlDocumentId::parse("000.00.00.G22,2016/02/29,01/VPCP-TTĐT").is_ok());
        assert!(EdxmlDocumentId::parse("000.00.00.G22,2015/02/29,01/VPCP-TTĐT").is_err());
        assert!(EdxmlDocumentId::parse("000.00.00.G22,2015/13/01,01/VPCP-TTĐT").is_err());
    }

    #[test]
    fn doc_08_edxml_errors_name_the_field() {
        let cases: &[(&str, &str)] = &[
            ("", "document_id.empty"),
            (
                "1da394ba-2117-4354-a23f-6ec3e47ba81b",
                "document_id.field_count",
            ),
            ("test-doc", "document_id.field_count"),
            ("a,b,c,d", "document_id.field_count"),
            ("28.22.H17,2015/09/30,7816/VPCP-TTĐT", "document_id.agency"),
            (
                "000.00.00.G22,2015-09-30,7816/VPCP-TTĐT",
                "document_id.date_format",
            ),
            (
                "000.00.00.G22,2015/9/30,7816/VPCP-TTĐT",
                "document_id.date_format",
            ),
            ("000.00.00.G22,2015/09/30,/2015/NĐ-CP", "document_id.number"),
        ];
        for (input, expected) in cases {
            let e = EdxmlDocumentId::parse(input).unwrap_err();
            assert_eq!(e.code(), *expected, "{input:?}: {e}");
        }
        let e = EdxmlDocumentId::parse("28.22.H17,2015/09/30,7816/VPCP-TTĐT").unwrap_err();
        assert!(matches!(
            e,
            DocumentIdError::Agency {
                field: "organ_id",
                offset: 0,
                source: AgencyError::GroupCount { .. }
            }
        ));
        let e = EdxmlDocumentId::parse("000.00.00.G22,2015/09/30,x/VPCP").unwrap_err();
        assert!(matches!(
            e,
            DocumentIdError::Number {
                field: "number",
                offset: 25,
                ..
            }
        ));
        assert!(std::error::Error::source(&e).is_some());
    }

    #[test]
    fn doc_08_warnings_and_lenient_profile() {
        let p = EdxmlDocumentId::parse("000.00.00.G22,2018/09/20,7816 /VPCP-TTĐT").unwrap();
        assert_eq!(
            p.warnings,
            [DocumentIdWarning::Number {
                field_offset: 25,
                warning: NumberWarning::StraySpace { offset: 4 }
            }]
        );
        assert_eq!(p.findings()[0].field.as_deref(), Some("document_id.number"));
        let p = EdxmlDocumentId::parse_with(
            "000.00.00.h41,2018/09/20,7816/VPCP-TTĐT",
            AgencyProfile::LENIENT,
        )
        .unwrap();
        assert_eq!(p.value.organ_id(), code("000.00.00.H41"));
        assert_eq!(p.warnings[0].code(), "agency_code.uppercased");
    }

    #[test]
    fn doc_08_consistency_findings() {
        let id: EdxmlDocumentId = "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT".parse().unwrap();
        // Fixture vpcp-sdk-sample-edoc_new: sender A80, PromulgationDate 2019/01/16.
        let ctx = EdxmlContext {
            sender: Some(code("000.00.00.A80")),
            promulgation_date: Some(date(2019, 1, 16)),
            number: Some("7816/VPCP-TTĐT".parse().unwrap()),
            ..EdxmlContext::default()
        };
        let r = id.check_consistency(&ctx);
        let outcomes: Vec<_> = r
            .findings
            .iter()
            .map(|f| (f.rule.as_ref(), f.outcome))
            .collect();
        assert_eq!(
            outcomes,
            [
                ("DOC-08", Outcome::Warning),
                ("DOC-10", Outcome::Fail),
                ("DOC-10", Outcome::Pass)
            ]
        );
        assert_eq!(r.overall(), Outcome::Fail);
        let strict = EdxmlContext {
            sender_is_issuer: true,
            ..ctx.clone()
        };
        assert_eq!(
            id.check_consistency(&strict).findings[0].outcome,
            Outcome::Fail
        );

        // Year in a normative number vs the date.
        let n: EdxmlDocumentId = "000.00.00.G22,2018/07/12,28/2018/QĐ-TTg".parse().unwrap();
        let r = n.check_consistency(&EdxmlContext::default());
        assert_eq!(r.findings.len(), 1);
        assert_eq!(r.findings[0].outcome, Outcome::Pass);
        let n: EdxmlDocumentId = "000.00.00.G22,2019/01/02,28/2018/QĐ-TTg".parse().unwrap();
        let r = n.check_consistency(&EdxmlContext::default());
        assert_eq!(r.findings[0].outcome, Outcome::Fail);
        assert!(r.findings[0].message.contains("2019"));
        // Nothing to compare: empty report (overall Unknown, never Pass).
        let r = id.check_consistency(&EdxmlContext::default());
        assert!(r.findings.is_empty());
        assert_eq!(r.overall(), Outcome::Unknown);
        let json = serde_json::to_value(&ctx).unwrap();
        assert_eq!(json["sender"], "000.00.00.A80");
        assert_eq!(json["promulgation_date"], "2019-01-16");
    }

    fn edxml_strategy() -> impl Strategy<Value = String> {
        (
            "[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}",
            1900i32..2100,
            1u32..=12,
            1u32..=31,
            1u32..100_000,
            proptest::option::of(Just("/2018")),
            "[A-ZĐ]{1,5}(-[A-Za-zĐ0-9]{1,5}){0,2}",
        )
            .prop_filter_map("real date", |(a, y, m, d, n, year, sym)| {
                let date = NaiveDate::from_ymd_opt(y, m, d)?;
                let num = if n < 10 {
                    format!("0{n}")
                } else {
                    n.to_string()
                };
                Some(format!(
                    "{a},{},{num}{}/{sym}",
                    date.format("%Y/%m/%d"),
                    year.unwrap_or_default()
                ))
            })
    }

    proptest! {
        #[test]
        fn edxml_round_trip(s in edxml_strategy()) {
            let p = EdxmlDocumentId::parse(&s).unwrap();
            // A generated symbol that is a type abbreviation typed without diacritics (`ND` for
            // `NĐ`) is recognised with a warning and written properly: not a round trip (DOC-10).
            prop_assume!(!p.warnings.iter().any(|w| w.code() == "doc_number.type_without_diacritics"));
            prop_assert!(p.is_clean());
            prop_assert_eq!(p.value.to_string(), s.clone());
            prop_assert_eq!(EdxmlDocumentId::parse(&p.value.to_string()).unwrap().value, p.value.clone());
            let json = serde_json::to_string(&p.value).unwrap();
            prop_assert_eq!(serde_json::from_str::<EdxmlDocumentId>(&json).unwrap(), p.value);
        }

        #[test]
        fn triple_round_trip(a in "[0-9]{3}\\.[0-9]{2}\\.[0-9]{2}\\.[A-Z][0-9]{2}", year in 1u16..=9999, seq in 1u32..) {
            let id = DocumentId::new(a.parse().unwrap(), year, seq).unwrap();
            let s = id.render(DocumentIdFormat::SdkTriple).to_string();
            prop_assert_eq!(DocumentId::parse(&s, DocumentIdFormat::SdkTriple).unwrap(), id);
        }

        #[test]
        fn arbitrary_input_never_panics(s in "\\PC{0,60}") {
            let _ = EdxmlDocumentId::parse(&s);
            let _ = EdxmlDocumentId::parse_with(&s, AgencyProfile::LENIENT);
            let _ = DocumentId::parse(&s, DocumentIdFormat::SdkTriple);
        }

        #[test]
        fn near_miss_input_never_panics(s in "[0-9G.,/:\\- ]{0,45}") {
            if let Err(e) = EdxmlDocumentId::parse(&s) {
                let _ = (e.code(), e.to_string());
            }
            let _ = DocumentId::parse(&s, DocumentIdFormat::SdkTriple);
        }
    }
}
