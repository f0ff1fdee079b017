//! The lists the Ministry publishes (rule PLAT-12, NĐ 137/2024 Đ18.4.b–c), as dated data.
//!
//! Đ18.4 makes the Ministry (then of Information and Communications) «công bố, cập nhật danh
//! sách nền tảng số trung gian quy mô lớn, rất lớn phục vụ giao dịch điện tử tại địa chỉ
//! www.mic.gov.vn hoặc tại trang thông tin điện tử của Hệ thống …» (point b) and «công bố danh
//! sách công cụ đo lường, thống kê độc lập số lượng người sử dụng có hoạt động … hoặc nguồn số
//! liệu tham khảo tin cậy» (point c). egov ships **no list**: a list is the caller's record of
//! what was published, with the date and the address it was read from, so a report can say
//! which version it was checked against. JSON (`egov-published-list/1`):
//!
//! ```json
//! {"format": "egov-published-list/1", "kind": "measurement_tools",
//!  "published_on": "2026-01-15", "source": "https://www.mic.gov.vn/…",
//!  "entries": [{"name": "Công cụ A", "listed_from": "2026-01-15"}]}
//! ```
//!
//! `kind` is `platforms` (point b; every entry has a `scale`, `large` or `very_large`) or
//! `measurement_tools` (point c; no `scale`). An entry is listed from `listed_from` (default:
//! the list's date) to `listed_to` inclusive (default: still listed). Names are compared in
//! Unicode NFC (composed or decomposed Vietnamese alike), without case and repeated spaces;
//! diacritics count.
//!
//! The decree does not oblige a platform to use a listed tool, nor does a place on the
//! platforms list replace the platform's own determination (Đ18.2): the checks here compare and
//! report (`Pass` / `Warning`), they never fail a report.

use chrono::NaiveDate;
use egov_core::{ErrorCode, Finding, Instrument, LegalRef, Outcome};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::classify::{Scale, UserCountSource};

/// The format tag of a published list file.
pub const FORMAT: &str = "egov-published-list/1";

/// Which of the two lists of Đ18.4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PublishedListKind {
    /// Đ18.4.b: large and very large intermediary platforms.
    Platforms,
    /// Đ18.4.c: independent measurement tools and trusted reference data sources.
    MeasurementTools,
}

impl PublishedListKind {
    fn basis(self) -> LegalRef {
        let point = match self {
            PublishedListKind::Platforms => "b",
            PublishedListKind::MeasurementTools => "c",
        };
        LegalRef::point(Instrument::Nd137_2024, 18, 4, point)
    }
}

/// One entry of a published list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PublishedEntry {
    /// The platform's or tool's name as published.
    pub name: String,
    /// First day listed; `None`: the list's `published_on`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listed_from: Option<NaiveDate>,
    /// Last day listed (inclusive); `None`: still listed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listed_to: Option<NaiveDate>,
    /// The scale published for a platform (`platforms` lists only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<Scale>,
}

/// A list as published on a date (PLAT-12, Đ18.4.b–c).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PublishedList {
    /// Always [`FORMAT`].
    pub format: String,
    /// Which list.
    pub kind: PublishedListKind,
    /// The date of this version of the list.
    pub published_on: NaiveDate,
    /// Where it was read (www.mic.gov.vn or the system's website, Đ18.4.b).
    pub source: String,
    /// What the file is, in the caller's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The entries.
    pub entries: Vec<PublishedEntry>,
}

/// Why a published list file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PublishedListError {
    /// Not JSON of the expected shape.
    #[error("not a published list: {0}")]
    Json(String),
    /// The `format` field is not [`FORMAT`].
    #[error("format is '{0}', expected '{FORMAT}'")]
    Format(String),
    /// The `source` is empty: a list without its address cannot be cited.
    #[error("the list has no source address")]
    NoSource,
    /// An entry's name is empty.
    #[error("entry {entry}: the name is empty")]
    EmptyName {
        /// 1-based entry number.
        entry: usize,
    },
    /// An entry ends before it starts.
    #[error("entry {entry} ('{name}'): listed_to is before listed_from")]
    Interval {
        /// 1-based entry number.
        entry: usize,
        /// The entry's name.
        name: String,
    },
    /// A platforms entry without a scale, a tools entry with one, or a platform published as
    /// below the threshold.
    #[error("entry {entry} ('{name}'): {what}")]
    Scale {
        /// 1-based entry number.
        entry: usize,
        /// The entry's name.
        name: String,
        /// What is wrong.
        what: &'static str,
    },
}

impl PublishedListError {
    /// The error in Vietnamese (the English text is `Display`): PLAT-12, NĐ 137/2024 Đ18.4.
    pub fn message_vi(&self) -> String {
        egov_core::Localize::message(self, egov_core::Lang::Vi)
    }
}

impl egov_core::Localize for PublishedListError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        match self {
            PublishedListError::Json(e) => {
                egov_core::args!(reason = egov_core::i18n::format_error_vi("JSON", e))
            }
            PublishedListError::Format(f) => egov_core::args!(found = f, expected = FORMAT),
            PublishedListError::NoSource => egov_core::args!(),
            PublishedListError::EmptyName { entry } => egov_core::args!(entry = entry),
            PublishedListError::Interval { entry, name }
            | PublishedListError::Scale { entry, name, .. } => {
                egov_core::args!(entry = entry, name = name)
            }
        }
    }
}

impl ErrorCode for PublishedListError {
    fn code(&self) -> &'static str {
        match self {
            PublishedListError::Json(_) => "published_list.json",
            PublishedListError::Format(_) => "published_list.format",
            PublishedListError::NoSource => "published_list.no_source",
            PublishedListError::EmptyName { .. } => "published_list.empty_name",
            PublishedListError::Interval { .. } => "published_list.interval",
            PublishedListError::Scale { .. } => "published_list.scale",
        }
    }
}

/// The form names are compared in: Unicode NFC (Vietnamese typed on one system arrives
/// decomposed, NFD, from another), lower case, white space runs as one space. Diacritics are
/// kept: «Sàn X» and «San X» may be different names.
fn key(name: &str) -> String {
    name.nfc()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl PublishedList {
    /// Reads and checks a list file (see the [module docs](self)).
    pub fn from_json(text: &str) -> Result<Self, PublishedListError> {
        let list: PublishedList =
            serde_json::from_str(text).map_err(|e| PublishedListError::Json(e.to_string()))?;
        list.validate()?;
        Ok(list)
    }

    fn validate(&self) -> Result<(), PublishedListError> {
        if self.format != FORMAT {
            return Err(PublishedListError::Format(self.format.clone()));
        }
        if self.source.trim().is_empty() {
            return Err(PublishedListError::NoSource);
        }
        for (i, e) in self.entries.iter().enumerate() {
            let entry = i + 1;
            if e.name.trim().is_empty() {
                return Err(PublishedListError::EmptyName { entry });
            }
            let from = e.listed_from.unwrap_or(self.published_on);
            if e.listed_to.is_some_and(|to| to < from) {
                return Err(PublishedListError::Interval {
                    entry,
                    name: e.name.clone(),
                });
            }
            let what = match (self.kind, e.scale) {
                (PublishedListKind::Platforms, None) => Some("a platform is listed with its scale"),
                (PublishedListKind::Platforms, Some(Scale::BelowThreshold)) => {
                    Some("the list is of large and very large platforms")
                }
                (PublishedListKind::MeasurementTools, Some(_)) => {
                    Some("a measurement tool has no scale")
                }
                _ => None,
            };
            if let Some(what) = what {
                return Err(PublishedListError::Scale {
                    entry,
                    name: e.name.clone(),
                    what,
                });
            }
        }
        Ok(())
    }

    /// The entry named `name` listed on `on`, if any (names compared in Unicode NFC, without
    /// case and repeated spaces).
    pub fn find(&self, name: &str, on: NaiveDate) -> Option<&PublishedEntry> {
        let wanted = key(name);
        self.entries.iter().find(|e| {
            key(&e.name) == wanted
                && e.listed_from.unwrap_or(self.published_on) <= on
                && e.listed_to.is_none_or(|to| on <= to)
        })
    }

    fn evidence(&self, on: NaiveDate, entry: Option<&PublishedEntry>) -> serde_json::Value {
        serde_json::json!({
            "list": {
                "kind": self.kind,
                "published_on": self.published_on,
                "source": self.source,
                "entries": self.entries.len(),
            },
            "on": on,
            "entry": entry,
        })
    }
}

/// The counting source against the published list of tools and reference sources (PLAT-12,
/// NĐ 137/2024 Đ18.4.c). `None` when there is nothing to compare: the count was made by egov or
/// by the platform itself. Otherwise one finding: `Pass` when the named tool or source is on the
/// list on `on`; `Warning` when it is not (the decree does not require a listed tool, but the
/// list is the Ministry's reference); `Warning` too when `list` is the platforms list.
pub fn check_count_source(
    source: &UserCountSource,
    list: &PublishedList,
    on: NaiveDate,
) -> Option<Finding> {
    let name = match source {
        UserCountSource::IndependentTool(n) | UserCountSource::TrustedReference(n) => n,
        UserCountSource::EgovCounter | UserCountSource::SelfMeasured => return None,
    };
    let basis = PublishedListKind::MeasurementTools.basis();
    if list.kind != PublishedListKind::MeasurementTools {
        return Some(
            Finding::new(
                "PLAT-12",
                basis,
                Outcome::Warning,
                "the list given is the platforms list (Đ18.4.b), not the list of measurement tools (Đ18.4.c)",
                "danh sách được cung cấp là danh sách nền tảng (điểm b khoản 4 Điều 18), không phải danh sách công cụ đo lường, thống kê độc lập (điểm c)",
            )
            .with_field("counting.method"),
        );
    }
    let entry = list.find(name, on);
    let published = list.published_on;
    let (published_vi, on_vi) = (
        egov_core::i18n::date_vi(published),
        egov_core::i18n::date_vi(on),
    );
    let (outcome, en, vi) = match entry {
        Some(_) => (
            Outcome::Pass,
            format!("'{name}' is on the list of independent measurement tools and trusted sources published on {published} ({}), on {on}", list.source),
            format!("«{name}» có trong danh sách công cụ đo lường, thống kê độc lập, nguồn số liệu tham khảo tin cậy công bố ngày {published_vi} ({}), tại ngày {on_vi}", list.source),
        ),
        None => (
            Outcome::Warning,
            format!("'{name}' is not on the list of independent measurement tools and trusted sources published on {published} ({}), on {on}; the decree does not require a listed tool, but the count may be questioned", list.source),
            format!("«{name}» không có trong danh sách công cụ đo lường, thống kê độc lập, nguồn số liệu tham khảo tin cậy công bố ngày {published_vi} ({}), tại ngày {on_vi}; Nghị định không bắt buộc dùng công cụ trong danh sách nhưng số liệu có thể bị xem xét lại", list.source),
        ),
    };
    Some(
        Finding::new("PLAT-12", basis, outcome, en, vi)
            .with_field("counting.method")
            .with_evidence(list.evidence(on, entry)),
    )
}

/// The platform's own scale against the published list of large and very large platforms
/// (PLAT-12, NĐ 137/2024 Đ18.4.b). One finding: `Pass` when the list agrees on `on` (listed with
/// the same scale, or not listed and below the threshold); `Warning` when it does not (listed
/// with another scale, listed while the platform finds itself below the threshold, or large or
/// very large by its own count and not listed), naming both. The platform's determination
/// (Đ18.2) is not replaced by the list; the warning says to reconcile them.
pub fn check_platform_listing(
    platform: &str,
    own_scale: Scale,
    list: &PublishedList,
    on: NaiveDate,
) -> Finding {
    let basis = PublishedListKind::Platforms.basis();
    if list.kind != PublishedListKind::Platforms {
        return Finding::new(
            "PLAT-12",
            basis,
            Outcome::Warning,
            "the list given is the list of measurement tools (Đ18.4.c), not the platforms list (Đ18.4.b)",
            "danh sách được cung cấp là danh sách công cụ đo lường (điểm c khoản 4 Điều 18), không phải danh sách nền tảng (điểm b)",
        );
    }
    let entry = list.find(platform, on);
    let published = list.published_on;
    let (published_vi, on_vi) = (
        egov_core::i18n::date_vi(published),
        egov_core::i18n::date_vi(on),
    );
    let listed = entry.and_then(|e| e.scale);
    let scale_en = |s: Option<Scale>| match s {
        None | Some(Scale::BelowThreshold) => "not listed (below the thresholds)",
        Some(Scale::Large) => "large",
        Some(Scale::VeryLarge) => "very large",
    };
    let scale_vi = |s: Option<Scale>| match s {
        None | Some(Scale::BelowThreshold) => "không có trong danh sách (dưới ngưỡng)",
        Some(Scale::Large) => "quy mô lớn",
        Some(Scale::VeryLarge) => "quy mô rất lớn",
    };
    let own = match own_scale {
        Scale::BelowThreshold => None,
        s => Some(s),
    };
    let agrees = own == listed;
    let (outcome, en, vi) = if agrees {
        (
            Outcome::Pass,
            format!("The list published on {published} ({}) agrees with the platform's own determination for '{platform}' on {on}: {}", list.source, scale_en(own)),
            format!("Danh sách công bố ngày {published_vi} ({}) thống nhất với kết quả tự xác định của «{platform}» tại ngày {on_vi}: {}", list.source, scale_vi(own)),
        )
    } else {
        (
            Outcome::Warning,
            format!("The list published on {published} ({}) shows '{platform}' as {} on {on}; the platform's own determination is {}. Reconcile them with the Ministry: the list does not replace the determination of Đ18.2", list.source, scale_en(listed), scale_en(own)),
            format!("Danh sách công bố ngày {published_vi} ({}) ghi «{platform}» là {} tại ngày {on_vi}; kết quả tự xác định là {}. Cần làm rõ với Bộ: danh sách không thay thế việc tự xác định theo khoản 2 Điều 18", list.source, scale_vi(listed), scale_vi(own)),
        )
    };
    Finding::new("PLAT-12", basis, outcome, en, vi)
        .with_field("classification.scale")
        .with_evidence(list.evidence(on, entry))
}
