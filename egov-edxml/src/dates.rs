//! edXML dates and times (EDXML.md §3.3): `yyyy/MM/dd` and `yyyy/MM/dd HH:mm:ss`, Vietnam local
//! time with no zone designator (the VNPT JAR's only two formats). Read leniently — the day-first
//! forms a provincial sender writes (`dd/MM/yyyy`, `dd/MM/yyyy HH:mm:ss`) and a date-time where a
//! date is expected are accepted and said so — and written only in the QCVN form.

use chrono::{NaiveDate, NaiveDateTime};
use egov_core::VnDateTime;

/// How a date or time was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// The QCVN form (`yyyy/MM/dd`, `yyyy/MM/dd HH:mm:ss`).
    Qcvn,
    /// Day first (`dd/MM/yyyy…`).
    DayFirst,
    /// A date-time where a date was expected (the time is dropped).
    WithTime,
    /// An ISO 8601 form (`yyyy-MM-dd…`).
    Iso,
}

/// Parses an edXML date. Err says why in English and Vietnamese.
pub fn parse_date(s: &str) -> Result<(NaiveDate, Written), (String, String)> {
    let t = s.trim();
    // The QCVN form exactly as written by every builder, without chrono's format-string
    // parser; anything else (an impossible date included) goes the general way below.
    if let Some(d) = qcvn_date(t.as_bytes()) {
        return Ok((d, Written::Qcvn));
    }
    if let Ok(d) = NaiveDate::parse_from_str(t, "%Y/%m/%d") {
        if t.len() == 10 {
            return Ok((d, Written::Qcvn));
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(t, "%d/%m/%Y") {
        return Ok((d, Written::DayFirst));
    }
    if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        return Ok((d, Written::Iso));
    }
    if let Ok((dt, _)) = parse_naive_time(t) {
        return Ok((dt.date(), Written::WithTime));
    }
    Err(why(t, "yyyy/MM/dd"))
}

/// Parses an edXML date-time as Vietnam time.
pub fn parse_timestamp(s: &str) -> Result<(VnDateTime, Written), (String, String)> {
    let t = s.trim();
    let (naive, written) = parse_naive_time(t).map_err(|_| why(t, "yyyy/MM/dd HH:mm:ss"))?;
    let vn = VnDateTime::from_local(naive).map_err(|e| (e.to_string(), e.message_vi()))?;
    Ok((vn, written))
}

/// `yyyy/MM/dd`, every digit present, on the calendar.
fn qcvn_date(b: &[u8]) -> Option<NaiveDate> {
    if b.len() != 10 || b[4] != b'/' || b[7] != b'/' {
        return None;
    }
    let year = digits(&b[0..4])?;
    let month = digits(&b[5..7])?;
    let day = digits(&b[8..10])?;
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

/// `yyyy/MM/dd HH:mm:ss`, every digit present, on the calendar and the clock (no leap second).
fn qcvn_time(b: &[u8]) -> Option<NaiveDateTime> {
    if b.len() != 19 || b[10] != b' ' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let date = qcvn_date(&b[..10])?;
    date.and_hms_opt(
        digits(&b[11..13])?,
        digits(&b[14..16])?,
        digits(&b[17..19])?,
    )
}

fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

fn parse_naive_time(t: &str) -> Result<(NaiveDateTime, Written), ()> {
    if let Some(dt) = qcvn_time(t.as_bytes()) {
        return Ok((dt, Written::Qcvn));
    }
    for (fmt, w) in [
        ("%Y/%m/%d %H:%M:%S", Written::Qcvn),
        ("%d/%m/%Y %H:%M:%S", Written::DayFirst),
        ("%Y-%m-%dT%H:%M:%S", Written::Iso),
        ("%Y-%m-%d %H:%M:%S", Written::Iso),
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(t, fmt) {
            return Ok((dt, w));
        }
    }
    Err(())
}

fn why(t: &str, form: &str) -> (String, String) {
    // Say "impossible date" when the shape is right but the calendar is not (2014/02/30).
    let digits: Vec<&str> = t.split(['/', ' ', ':']).collect();
    let shaped = digits.len() >= 3
        && digits
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    if shaped {
        (
            format!("{t:?} is not a date on the calendar ({form})"),
            format!(
                "{} không phải ngày có thật trên lịch ({form})",
                egov_core::i18n::quote_vi(t)
            ),
        )
    } else {
        (
            format!("{t:?} is not written {form}"),
            format!(
                "{} không viết theo dạng {form}",
                egov_core::i18n::quote_vi(t)
            ),
        )
    }
}

/// Writes a date in the QCVN form.
pub fn format_date(d: NaiveDate) -> String {
    use chrono::Datelike;
    if (0..=9999).contains(&d.year()) {
        return format!("{:04}/{:02}/{:02}", d.year(), d.month(), d.day());
    }
    d.format("%Y/%m/%d").to_string()
}

/// Writes a Vietnam time in the QCVN form.
pub fn format_timestamp(t: VnDateTime) -> String {
    t.naive_local().format("%Y/%m/%d %H:%M:%S").to_string()
}

/// A date or time of a message written in the QCVN form by [`write_dates_in_qcvn_form`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DateRewrite {
    /// The element (`MessageHeader/PromulgationInfo/PromulgationDate`, …).
    pub element: String,
    /// The value as given.
    pub given: String,
    /// The value as written (`yyyy/MM/dd` or `yyyy/MM/dd HH:mm:ss`, Vietnam time).
    pub written: String,
}

/// A value given for a date or time of a message that is not one (see
/// [`write_dates_in_qcvn_form`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{element}: {en}")]
pub struct DateFieldError {
    /// The element.
    pub element: String,
    /// Why, in English.
    pub en: String,
    /// Why, in Vietnamese.
    pub vi: String,
}

impl egov_core::ErrorCode for DateFieldError {
    fn code(&self) -> &'static str {
        "edxml.build.date"
    }
}

impl egov_core::Localize for DateFieldError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        egov_core::args!(element = self.element.as_str(), reason = self.vi.as_str())
    }
}

/// For a message built from what a person wrote (a description, a form), every date and time
/// it carries in the QCVN form the axis reads (`yyyy/MM/dd`, `yyyy/MM/dd HH:mm:ss` Vietnam
/// time; EDXML.md §3.3): `PromulgationDate`, `DueDate`, `ResponseFor/PromulgationDate`, each
/// `TraceHeader/Timestamp` and a status message's `Timestamp`. Values are read as this module
/// reads a package (day first, ISO) and as people write them
/// ([`egov_core::time::parse_date`], [`VnDateTime::parse_local`]: `04/12/2026`, `ngày 4 tháng
/// 12 năm 2026`, `9h ngày 04/12/2026`, an instant with any UTC offset, converted); a date-time
/// given for a date keeps its date. Returns what was rewritten, in document order; a value that
/// is not a date or time is an error naming its element, and the message is then left as it
/// was given. `DocumentId` is not touched (its date is part of an identifier).
///
/// A message read from a package is not passed through this: it is rebuilt as it was read.
pub fn write_dates_in_qcvn_form(
    message: &mut crate::Message,
) -> Result<Vec<DateRewrite>, DateFieldError> {
    enum Kind {
        Date,
        Time,
    }
    let mut fields: Vec<(String, Kind, &mut Option<String>)> = Vec::new();
    match message {
        crate::Message::Edoc(e) => {
            let h = &mut e.header;
            if let Some(p) = h.promulgation_info.as_mut() {
                fields.push((
                    "MessageHeader/PromulgationInfo/PromulgationDate".into(),
                    Kind::Date,
                    &mut p.date,
                ));
            }
            fields.push(("MessageHeader/DueDate".into(), Kind::Date, &mut h.due_date));
            for (i, r) in h.response_for.iter_mut().enumerate() {
                fields.push((
                    format!("MessageHeader/ResponseFor[{}]/PromulgationDate", i + 1),
                    Kind::Date,
                    &mut r.promulgation_date,
                ));
            }
            if let Some(t) = e.trace.as_mut() {
                for (i, th) in t.trace_headers.iter_mut().enumerate() {
                    fields.push((
                        format!("TraceHeaderList/TraceHeader[{}]/Timestamp", i + 1),
                        Kind::Time,
                        &mut th.timestamp,
                    ));
                }
            }
        }
        crate::Message::Status(st) => {
            if let Some(r) = st.response_for.as_mut() {
                fields.push((
                    "ResponseFor/PromulgationDate".into(),
                    Kind::Date,
                    &mut r.promulgation_date,
                ));
            }
            fields.push(("Timestamp".into(), Kind::Time, &mut st.timestamp));
        }
    }
    // Every value is read before any is written: on an error nothing has changed.
    let mut written = Vec::with_capacity(fields.len());
    for (element, kind, value) in &fields {
        let Some(given) = value.as_deref() else {
            written.push(None);
            continue;
        };
        let qcvn = match kind {
            Kind::Date => parse_date(given)
                .map(|(d, _)| d)
                .or_else(|why| egov_core::time::parse_date(given).map_err(|_| why))
                .map(format_date),
            Kind::Time => parse_timestamp(given)
                .map(|(t, _)| t)
                .or_else(|why| VnDateTime::parse_local(given).map_err(|_| why))
                .map(format_timestamp),
        }
        .map_err(|(en, vi)| DateFieldError {
            element: element.clone(),
            en,
            vi,
        })?;
        written.push(Some(qcvn));
    }
    let mut rewrites = Vec::new();
    for ((element, _, value), qcvn) in fields.into_iter().zip(written) {
        let Some(qcvn) = qcvn else { continue };
        if let Some(given) = value.replace(qcvn.clone()).filter(|g| *g != qcvn) {
            rewrites.push(DateRewrite {
                element,
                given,
                written: qcvn,
            });
        }
    }
    Ok(rewrites)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// DOC-10 d/n/o: a message built from what a person wrote carries its dates and times in
    /// the QCVN form; a value that is not one is refused by element, and nothing is changed.
    #[test]
    fn doc_10_dates_of_a_description_are_written_in_the_qcvn_form() {
        use crate::model::{Edoc, EdocHeader, PromulgationInfo, TraceHeader, TraceHeaderList};
        let edoc = |date: &str, due: &str, stamp: &str| {
            crate::Message::Edoc(Box::new(Edoc {
                header: EdocHeader {
                    promulgation_info: Some(PromulgationInfo {
                        date: Some(date.into()),
                        ..PromulgationInfo::default()
                    }),
                    due_date: Some(due.into()),
                    ..EdocHeader::default()
                },
                trace: Some(TraceHeaderList {
                    trace_headers: vec![TraceHeader {
                        organ_id: Some("000.00.00.G22".into()),
                        timestamp: Some(stamp.into()),
                    }],
                    ..TraceHeaderList::default()
                }),
                ..Edoc::default()
            }))
        };
        let mut m = edoc(
            "04/12/2026",
            "ngày 14 tháng 12 năm 2026",
            "9h ngày 4/12/2026",
        );
        let r = write_dates_in_qcvn_form(&mut m).unwrap();
        assert_eq!(
            r.iter()
                .map(|r| (r.element.as_str(), r.given.as_str(), r.written.as_str()))
                .collect::<Vec<_>>(),
            [
                (
                    "MessageHeader/PromulgationInfo/PromulgationDate",
                    "04/12/2026",
                    "2026/12/04"
                ),
                (
                    "MessageHeader/DueDate",
                    "ngày 14 tháng 12 năm 2026",
                    "2026/12/14"
                ),
                (
                    "TraceHeaderList/TraceHeader[1]/Timestamp",
                    "9h ngày 4/12/2026",
                    "2026/12/04 09:00:00"
                ),
            ]
        );
        assert_eq!(m, edoc("2026/12/04", "2026/12/14", "2026/12/04 09:00:00"));
        // Already in the QCVN form: nothing to say. An instant with an offset is converted.
        let mut m = edoc("2026/12/04", "2026-12-14", "2026-12-04T02:00:00Z");
        let r = write_dates_in_qcvn_form(&mut m).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(m, edoc("2026/12/04", "2026/12/14", "2026/12/04 09:00:00"));
        // Not a date: refused by element, in both languages, and the message is unchanged.
        let mut m = edoc("04/12/2026", "mai", "2026/12/04 09:00:00");
        let before = m.clone();
        let e = write_dates_in_qcvn_form(&mut m).unwrap_err();
        assert_eq!(e.element, "MessageHeader/DueDate");
        assert_eq!(egov_core::ErrorCode::code(&e), "edxml.build.date");
        assert!(
            egov_core::Localize::message(&e, egov_core::Lang::Vi)
                .contains("MessageHeader/DueDate: «mai» không viết theo dạng yyyy/MM/dd"),
            "{e}"
        );
        assert_eq!(m, before);
        let mut m = edoc("30/02/2026", "2026/12/14", "2026/12/04 09:00:00");
        let e = write_dates_in_qcvn_form(&mut m).unwrap_err();
        assert!(e.vi.contains("không phải ngày có thật"), "{}", e.vi);
    }

    #[test]
    fn doc_10_d_edxml_dates_read_leniently_and_write_in_the_qcvn_form() {
        let (d, w) = parse_date("2019/04/11").unwrap();
        assert_eq!((format_date(d).as_str(), w), ("2019/04/11", Written::Qcvn));
        assert_eq!(parse_date("11/04/2019").unwrap().1, Written::DayFirst);
        assert_eq!(
            parse_date("2023/03/14 00:00:00").unwrap().1,
            Written::WithTime
        );
        let (en, vi) = parse_date("2014/02/30").unwrap_err();
        assert!(en.contains("not a date on the calendar"), "{en}");
        assert!(vi.contains("không phải ngày có thật"), "{vi}");
        assert!(parse_date("30-02").is_err());
        let (t, w) = parse_timestamp("2018/09/28 17:25:11").unwrap();
        assert_eq!(w, Written::Qcvn);
        assert_eq!(t.to_string(), "2018-09-28T17:25:11+07:00");
        assert_eq!(format_timestamp(t), "2018/09/28 17:25:11");
        assert_eq!(
            parse_timestamp("28/09/2018 17:25:11").unwrap().1,
            Written::DayFirst
        );
    }

    /// The QCVN forms read without chrono's format parser read as chrono reads them.
    #[test]
    fn the_qcvn_fast_forms_agree_with_chrono() {
        for t in [
            "2019/04/11",
            "2024/02/29",
            "2023/02/29",
            "2019/13/01",
            "2019/00/10",
            "0000/01/01",
            "9999/12/31",
            "2019/4/11x",
            "2019/04/1a",
            "+019/04/11",
            "2019-04-11",
        ] {
            // None: the general way reads it (as before).
            let chrono = NaiveDate::parse_from_str(t, "%Y/%m/%d").ok();
            let fast = qcvn_date(t.as_bytes());
            assert!(fast.is_none() || fast == chrono, "{t}");
        }
        for t in [
            "2018/09/28 17:25:11",
            "2018/09/28 24:00:00",
            "2018/09/28 23:59:60",
            "2018/09/28 23:60:00",
            "2018/09/28 7:25:11x",
            "2018/02/30 10:00:00",
        ] {
            let chrono = NaiveDateTime::parse_from_str(t, "%Y/%m/%d %H:%M:%S").ok();
            let fast = qcvn_time(t.as_bytes());
            assert!(fast.is_none() || fast == chrono, "{t}");
        }
        for y in [0, 1, 999, 2026, 9999] {
            let d = NaiveDate::from_ymd_opt(y, 3, 7).unwrap();
            assert_eq!(format_date(d), d.format("%Y/%m/%d").to_string());
        }
    }
}
