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

fn parse_naive_time(t: &str) -> Result<(NaiveDateTime, Written), ()> {
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
            format!("{t:?} không phải ngày có thật trên lịch ({form})"),
        )
    } else {
        (
            format!("{t:?} is not written {form}"),
            format!("{t:?} không viết theo dạng {form}"),
        )
    }
}

/// Writes a date in the QCVN form.
pub fn format_date(d: NaiveDate) -> String {
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
}
