//! Dates and local times as officers and edXML packages write them (issue 17; CORE-01): ISO,
//! day-first Vietnamese forms and edXML's year-first slashes, all one date.

use egov_core::chrono::{Datelike, NaiveDate};
use egov_core::time::parse_date;
use egov_core::{ErrorCode, VnDateTime};
use proptest::prelude::*;

#[test]
fn core_01_the_date_forms_officers_write() {
    let d = NaiveDate::from_ymd_opt(2026, 2, 13).unwrap();
    for s in [
        "2026-02-13",
        "13/02/2026",
        "13-02-2026",
        "13.02.2026",
        "2026/02/13",
        " 13/2/2026 ",
    ] {
        assert_eq!(parse_date(s), Ok(d), "{s}");
    }
    // Day first, never month first: 02/03 is 2 March.
    assert_eq!(parse_date("02/03/2026").unwrap().month(), 3);
    assert_eq!(
        parse_date("30/02/2026").unwrap_err().code(),
        "time.out_of_range"
    );
    for bad in [
        "2026-13",
        "13/02/26",
        "2026.02.13",
        "13/02-2026",
        "tháng 2",
        "1/2/3/2026",
        "",
    ] {
        assert!(parse_date(bad).is_err(), "{bad}");
    }
}

#[test]
fn core_01_local_times_in_the_same_forms_are_vietnam_time() {
    let want = "2026-02-13T09:15:00+07:00";
    for s in [
        "2026-02-13 09:15",
        "13/02/2026 09:15",
        "2026/02/13 09:15:00",
        "13/02/2026T09:15",
    ] {
        assert_eq!(VnDateTime::parse_local(s).unwrap().to_string(), want, "{s}");
    }
    assert_eq!(
        VnDateTime::parse_local("13/02/2026").unwrap().to_string(),
        "2026-02-13T00:00:00+07:00"
    );
    // With an offset the strict parser still decides; without one it still refuses.
    assert_eq!(
        VnDateTime::parse("13/02/2026 09:15").unwrap_err().code(),
        "time.invalid"
    );
    assert_eq!(
        VnDateTime::parse_local("31/04/2026 08:00")
            .unwrap_err()
            .code(),
        "time.out_of_range"
    );
    assert!(VnDateTime::parse_local("13/02/2026 25:00").is_err());
}

proptest! {
    #[test]
    fn core_01_every_form_of_a_date_reads_back(days in 0i64..80_000) {
        let d = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono_days(days);
        for s in [
            d.format("%Y-%m-%d").to_string(),
            d.format("%d/%m/%Y").to_string(),
            d.format("%-d/%-m/%Y").to_string(),
            d.format("%Y/%m/%d").to_string(),
        ] {
            prop_assert_eq!(parse_date(&s), Ok(d));
        }
    }

    #[test]
    fn core_01_parse_date_never_panics(s in "\\PC{0,40}") {
        let _ = parse_date(&s);
        let _ = VnDateTime::parse_local(&s);
    }
}

fn chrono_days(n: i64) -> egov_core::chrono::TimeDelta {
    egov_core::chrono::TimeDelta::days(n)
}
