//! Judging checklist items on evidence: one [`Finding`] per item, bilingual, with what is
//! missing for each `Unknown` (issue 16).
//!
//! The rules of judgement are the same for every checklist:
//! * no evidence, or evidence without the fields its kind needs: **Unknown**, naming the fields;
//! * a date in the future, or older than the item's maximum age: not evidence (**Unknown**);
//! * `not_applicable` with a reason: **Pass**, and the finding says it was declared not
//!   applicable (the caller answers for that declaration);
//! * otherwise the kind decides (see [`crate::model::EvidenceSpec`]).

use chrono::NaiveDate;
use egov_core::i18n::date_vi;
use egov_core::{Finding, Outcome, WorkingCalendar};
use serde_json::json;

use crate::evidence::Evidence;
use crate::model::{Checklist, EvidenceSpec, Item, Status};

/// How old a dated piece of evidence is, judged against the evaluation date.
enum Age {
    Future,
    Stale(i64),
    Fresh,
}

fn age(date: NaiveDate, as_of: NaiveDate, max_days: Option<u32>) -> Age {
    let days = (as_of - date).num_days();
    if days < 0 {
        Age::Future
    } else if max_days.is_some_and(|m| days > i64::from(m)) {
        Age::Stale(days)
    } else {
        Age::Fresh
    }
}

/// The outcome, the messages and the evidence of one judgement, before the item's frame.
struct Verdict {
    outcome: Outcome,
    en: String,
    vi: String,
    missing: Vec<&'static str>,
}

impl Verdict {
    fn new(outcome: Outcome, en: impl Into<String>, vi: impl Into<String>) -> Self {
        Verdict {
            outcome,
            en: en.into(),
            vi: vi.into(),
            missing: Vec::new(),
        }
    }

    fn missing(fields: Vec<&'static str>) -> Self {
        let list = fields.join(", ");
        // The file's keys beside their Vietnamese names in backquotes: identifiers, not English
        // words in a Vietnamese sentence (CORE-06).
        let list_vi: Vec<String> = fields
            .iter()
            .map(|f| format!("{} (`{f}`)", field_vi(f)))
            .collect();
        Verdict {
            outcome: Outcome::Unknown,
            en: format!("no evidence yet: give {list}"),
            vi: format!("chưa có bằng chứng: cần {}", list_vi.join(", ")),
            missing: fields,
        }
    }
}

/// The Vietnamese name of an evidence field (the file keeps the English key).
fn field_vi(field: &str) -> &'static str {
    match field {
        "satisfied" => "đáp ứng hay không",
        "date" => "ngày",
        "reference" => "số, ký hiệu văn bản",
        "url" => "địa chỉ công bố",
        "value" => "giá trị",
        "choice" => "lựa chọn",
        "done_on" => "ngày thực hiện",
        _ => "thông tin",
    }
}

/// ` (who; reference)` after an attestation, or nothing.
/// Who attested and the reference, as given (Vietnamese data): quoted «…» in the English
/// message, where it is not the message's language (CORE-06).
fn source_en(e: &Evidence) -> String {
    let s = source(e);
    match s.strip_prefix(" (").and_then(|s| s.strip_suffix(')')) {
        Some(inner) => format!(" («{inner}»)"),
        None => s,
    }
}

fn source(e: &Evidence) -> String {
    let parts: Vec<&str> = [e.by.as_deref(), e.reference.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join("; "))
    }
}

/// A date judged for age: `None` when fresh, else the Unknown verdict.
fn stale_or_future(
    what_en: &str,
    what_vi: &str,
    date: NaiveDate,
    as_of: NaiveDate,
    max: Option<u32>,
) -> Option<Verdict> {
    match age(date, as_of, max) {
        Age::Fresh => None,
        Age::Future => Some(Verdict::new(
            Outcome::Unknown,
            format!("{what_en} is dated {date}, after the evaluation date {as_of}: not evidence"),
            format!(
                "{what_vi} đề ngày {}, sau ngày đánh giá {}: không phải là bằng chứng",
                date_vi(date),
                date_vi(as_of)
            ),
        )),
        Age::Stale(days) => Some(Verdict::new(
            Outcome::Unknown,
            format!(
                "{what_en} of {date} is {days} days old, older than the {} days allowed: renew it",
                max.unwrap_or(0)
            ),
            format!(
                "{what_vi} ngày {} đã {days} ngày, quá {} ngày cho phép: cần làm mới",
                date_vi(date),
                max.unwrap_or(0)
            ),
        )),
    }
}

fn judge_kind(
    spec: &EvidenceSpec,
    e: &Evidence,
    as_of: NaiveDate,
    calendar: &WorkingCalendar,
) -> Verdict {
    match spec {
        EvidenceSpec::Attestation { max_age_days } => {
            let mut missing = Vec::new();
            if e.satisfied.is_none() {
                missing.push("satisfied");
            }
            if e.date.is_none() {
                missing.push("date");
            }
            let (Some(satisfied), Some(date)) = (e.satisfied, e.date) else {
                return Verdict::missing(missing);
            };
            if let Some(v) =
                stale_or_future("the attestation", "xác nhận", date, as_of, *max_age_days)
            {
                return v;
            }
            let src = source(e);
            let src_en = source_en(e);
            if satisfied {
                Verdict::new(
                    Outcome::Pass,
                    format!("attested met on {date}{src_en}"),
                    format!("đã xác nhận đáp ứng ngày {}{src}", date_vi(date)),
                )
            } else {
                Verdict::new(
                    Outcome::Fail,
                    format!("attested NOT met on {date}{src_en}"),
                    format!("đã xác nhận CHƯA đáp ứng ngày {}{src}", date_vi(date)),
                )
            }
        }
        EvidenceSpec::Document { max_age_days } => {
            let Some(reference) = e.reference.as_deref().filter(|r| !r.trim().is_empty()) else {
                return Verdict::missing(vec!["reference"]);
            };
            if let Some(date) = e.date {
                if let Some(v) =
                    stale_or_future("the document", "văn bản", date, as_of, *max_age_days)
                {
                    return v;
                }
            } else if max_age_days.is_some() {
                return Verdict::missing(vec!["date"]);
            }
            Verdict::new(
                Outcome::Pass,
                format!("document: {reference}"),
                format!("văn bản: {reference}"),
            )
        }
        EvidenceSpec::Url { https_only } => {
            let Some(url) = e.url.as_deref().map(str::trim).filter(|u| !u.is_empty()) else {
                return Verdict::missing(vec!["url"]);
            };
            let lower = url.to_ascii_lowercase();
            if lower.starts_with("https://") && url.len() > "https://".len() {
                Verdict::new(
                    Outcome::Pass,
                    format!("published at {url}"),
                    format!("công bố tại {url}"),
                )
            } else if lower.starts_with("http://") && url.len() > "http://".len() {
                Verdict::new(
                    if *https_only {
                        Outcome::Warning
                    } else {
                        Outcome::Pass
                    },
                    format!("published at {url} (not https)"),
                    format!("công bố tại {url} (không dùng https)"),
                )
            } else {
                Verdict::new(
                    Outcome::Fail,
                    format!("«{url}» is not an http(s) address"),
                    format!("«{url}» không phải là địa chỉ http(s)"),
                )
            }
        }
        EvidenceSpec::Number { min, max, unit } => {
            let Some(v) = e.value.filter(|v| v.is_finite()) else {
                return Verdict::missing(vec!["value"]);
            };
            let low = min.is_some_and(|m| v < m);
            let high = max.is_some_and(|m| v > m);
            let bounds = match (min, max) {
                (Some(a), Some(b)) => format!("{a}…{b}"),
                (Some(a), None) => format!("≥ {a}"),
                (None, Some(b)) => format!("≤ {b}"),
                (None, None) => "any".into(),
            };
            if low || high {
                Verdict::new(
                    Outcome::Fail,
                    format!("{v} {unit} is outside {bounds}"),
                    format!("{v} {unit} nằm ngoài {bounds}"),
                )
            } else {
                Verdict::new(
                    Outcome::Pass,
                    format!("{v} {unit} within {bounds}"),
                    format!("{v} {unit} trong khoảng {bounds}"),
                )
            }
        }
        EvidenceSpec::Deadline {
            due,
            roll_to_working_day,
        } => {
            let due = if *roll_to_working_day && !calendar.is_working_day(*due) {
                calendar.next_working_day(*due).unwrap_or(*due)
            } else {
                *due
            };
            match e.done_on {
                Some(done) if done > as_of => Verdict::new(
                    Outcome::Unknown,
                    format!("done on {done}, after the evaluation date {as_of}: not evidence"),
                    format!(
                        "ngày thực hiện {} sau ngày đánh giá {}: không phải là bằng chứng",
                        date_vi(done),
                        date_vi(as_of)
                    ),
                ),
                Some(done) if done <= due => Verdict::new(
                    Outcome::Pass,
                    format!("done on {done}, by the deadline {due}"),
                    format!(
                        "thực hiện ngày {}, đúng hạn {}",
                        date_vi(done),
                        date_vi(due)
                    ),
                ),
                Some(done) => Verdict::new(
                    Outcome::Fail,
                    format!(
                        "done on {done}, {} days after the deadline {due}",
                        (done - due).num_days()
                    ),
                    format!(
                        "thực hiện ngày {}, chậm {} ngày so với hạn {}",
                        date_vi(done),
                        (done - due).num_days(),
                        date_vi(due)
                    ),
                ),
                None if as_of > due => Verdict::new(
                    Outcome::Fail,
                    format!("not done, and the deadline {due} has passed"),
                    format!("chưa thực hiện, đã quá hạn {}", date_vi(due)),
                ),
                None => {
                    let mut v = Verdict::missing(vec!["done_on"]);
                    v.en = format!("not done yet; due {due}");
                    v.vi = format!("chưa thực hiện; hạn {}", date_vi(due));
                    v
                }
            }
        }
        EvidenceSpec::Choice { options } => {
            let Some(choice) = e.choice.as_deref().filter(|c| !c.trim().is_empty()) else {
                return Verdict::missing(vec!["choice"]);
            };
            match options.iter().find(|o| o.value == choice) {
                Some(o) => Verdict::new(
                    o.outcome,
                    format!("{}: {}", o.value, o.label_en),
                    format!("{}: {}", o.value, o.label_vi),
                ),
                None => {
                    let allowed: Vec<&str> = options.iter().map(|o| o.value.as_str()).collect();
                    Verdict::new(
                        Outcome::Unknown,
                        format!(
                            "«{choice}» is not one of the allowed values: {}",
                            allowed.join(", ")
                        ),
                        format!(
                            "«{choice}» không thuộc các giá trị cho phép: {}",
                            allowed.join(", ")
                        ),
                    )
                }
            }
        }
    }
}

/// Judges one item of `checklist` on its evidence (if any), on `as_of`.
pub fn judge_item(
    checklist: &Checklist,
    item: &Item,
    evidence: Option<&Evidence>,
    as_of: NaiveDate,
    calendar: &WorkingCalendar,
) -> Finding {
    // An entry that gives nothing (`[items.x]` alone, or a template's placeholders left as
    // written) is no evidence, as an absent one: for a deadline it is not "not done".
    let v = match evidence.filter(|e| !e.is_empty()) {
        None => Verdict::missing(required_fields(&item.evidence)),
        Some(e) => match e.not_applicable.as_deref().map(str::trim) {
            Some(reason) if !reason.is_empty() => Verdict::new(
                Outcome::Pass,
                format!("declared not applicable: {reason}"),
                format!("đã khai báo không áp dụng: {reason}"),
            ),
            _ => judge_kind(&item.evidence, e, as_of, calendar),
        },
    };
    let (tag_en, tag_vi) = match checklist.status {
        Status::InForce => ("", ""),
        Status::Draft => ("[DRAFT, not law] ", "[DỰ THẢO, chưa phải là quy định] "),
        Status::Policy => (
            "[STRATEGY target, not binding] ",
            "[MỤC TIÊU chiến lược, không bắt buộc] ",
        ),
    };
    let note = evidence.and_then(|e| e.note.as_deref());
    let mut f = Finding::new(
        "",
        item.basis.clone(),
        v.outcome,
        format!("{tag_en}{}: {}", item.title_en, v.en),
        format!("{tag_vi}{}: {}", item.title_vi, v.vi),
    );
    f.rule = item.rule.clone().into();
    f.field = Some(format!("{}.{}", checklist.id, item.id).into());
    f.evidence = Some(json!({
        "checklist": checklist.id,
        "checklist_version": checklist.version,
        "item": item.id,
        "quote_vi": item.quote_vi,
        "missing": v.missing,
        "reference": evidence.and_then(|e| e.reference.clone()),
        "note": note,
    }));
    f
}

/// The fields a kind of evidence needs, for an item with no evidence at all.
pub fn required_fields(spec: &EvidenceSpec) -> Vec<&'static str> {
    match spec {
        EvidenceSpec::Attestation { .. } => vec!["satisfied", "date"],
        EvidenceSpec::Document { max_age_days } => {
            if max_age_days.is_some() {
                vec!["reference", "date"]
            } else {
                vec!["reference"]
            }
        }
        EvidenceSpec::Url { .. } => vec!["url"],
        EvidenceSpec::Number { .. } => vec!["value"],
        EvidenceSpec::Deadline { .. } => vec!["done_on"],
        EvidenceSpec::Choice { .. } => vec!["choice"],
    }
}
