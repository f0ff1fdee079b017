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

#[cfg(test)]
mod tests {
    use super::*;

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
