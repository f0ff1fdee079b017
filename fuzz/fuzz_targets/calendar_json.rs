//! Working-day calendars read from JSON (`egov_core::WorkingCalendar::from_json`): the JSON
//! form round trips, and the day queries agree with each other on dates taken from the table.
#![no_main]

use chrono::NaiveDate;
use egov_core::{CalendarError, WorkingCalendar, YearSchedule};
use egov_fuzz::utf8;
use libfuzzer_sys::fuzz_target;

/// Dates worth asking about: the table's own entries (and their neighbours) and a few fixed ones.
fn probe_dates(cal: &WorkingCalendar) -> Vec<NaiveDate> {
    let mut dates: Vec<NaiveDate> = cal
        .days_off()
        .map(|(d, _)| d)
        .chain(cal.working_rest_days().map(|(d, _)| d))
        .take(6)
        .collect();
    for (y, m, d) in [(2026, 2, 13), (2025, 12, 31), (1, 1, 1)] {
        dates.extend(NaiveDate::from_ymd_opt(y, m, d));
    }
    dates.extend([NaiveDate::MAX, NaiveDate::MIN]);
    let around: Vec<NaiveDate> = dates
        .iter()
        .flat_map(|d| [d.pred_opt(), d.succ_opt()])
        .flatten()
        .collect();
    dates.extend(around);
    dates
}

fn check_date(cal: &WorkingCalendar, d: NaiveDate) {
    let working = cal.is_working_day(d);
    assert_eq!(
        cal.day_kind(d).is_working(),
        working,
        "{d}: day_kind vs is_working_day"
    );
    match cal.next_working_day(d) {
        Ok(n) => {
            assert!(n > d, "next working day {n} of {d} is not after it");
            assert!(
                cal.is_working_day(n),
                "next working day {n} of {d} is not working"
            );
            // Nothing in between is a working day (at most MAX_SEARCH_DAYS apart).
            assert_eq!(
                cal.working_days_between(d.succ_opt().unwrap_or(d), n),
                0,
                "a working day between {d} and {n}"
            );
            assert_eq!(cal.working_days_between(d, n), u32::from(working));
            assert_eq!(
                cal.add_working_days(d, 1),
                Ok(n),
                "add 1 working day to {d}"
            );
            let this = cal.this_or_next_working_day(d);
            assert_eq!(this, Ok(if working { d } else { n }), "this_or_next of {d}");
            if let Ok(n2) = cal.add_working_days(d, 2) {
                assert_eq!(cal.next_working_day(n), Ok(n2), "add 2 working days to {d}");
            }
        }
        Err(CalendarError::NoWorkingDay { from }) => assert_eq!(from, d),
        Err(CalendarError::Overflow { from }) => assert_eq!(from, d),
        Err(e) => panic!("next_working_day({d}): {e:?}"),
    }
    assert_eq!(cal.add_working_days(d, 0), Ok(d));
    // Where the answer comes from (CORE-02): "not covered" exactly outside the coverage.
    assert_eq!(
        cal.schedule(d) == YearSchedule::NotCovered,
        !cal.covers(d),
        "schedule of {d}"
    );
    if let Some((first, last)) = cal.coverage() {
        assert!(
            first <= last || !cal.covers(d),
            "coverage ({first}, {last})"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let Some(s) = utf8(data) else { return };
    let cal = match WorkingCalendar::from_json(s) {
        Ok(c) => c,
        Err(e) => {
            assert!(matches!(e, CalendarError::InvalidTable { .. }), "{e:?}");
            return;
        }
    };
    let text = cal.to_json();
    match WorkingCalendar::from_json(&text) {
        Ok(again) => assert_eq!(again, cal, "JSON round trip through {text}"),
        Err(e) => panic!("the JSON form {text} of {cal:?} does not read back: {e}"),
    }
    for d in probe_dates(&cal) {
        check_date(&cal, d);
    }
});
