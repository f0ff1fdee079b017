//! Working-day arithmetic over long spans (rule CORE-02; QĐ 28/2018/QĐ-TTg Đ6.2 counts in
//! working days).
//!
//! `calendar.add_working_days` with 67 000 000 days walked about 95 million days before
//! answering. The answer must come from arithmetic on whole weeks, agree exactly with a
//! day-by-day walk, and counts that cannot land before the last representable date must be the
//! typed `calendar.overflow` error at once.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use egov_core::{CalendarError, ErrorCode, WorkingCalendar};
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The reference: one working day at a time.
fn walk(cal: &WorkingCalendar, date: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
    let mut day = date;
    for _ in 0..n {
        day = cal.next_working_day(day).map_err(|e| match e {
            CalendarError::Overflow { .. } => CalendarError::Overflow { from: date },
            other => other,
        })?;
    }
    Ok(day)
}

/// The reference: every day of `from..to` looked at.
fn count(cal: &WorkingCalendar, from: NaiveDate, to: NaiveDate) -> u32 {
    from.iter_days()
        .take_while(|x| *x < to)
        .filter(|x| cal.is_working_day(*x))
        .count() as u32
}

#[test]
fn core_02_sixty_seven_million_working_days_by_whole_weeks() {
    let cal = WorkingCalendar::weekends_only();
    // Five working days after a Monday is the next Monday: 5k after it, k weeks later.
    let monday = d(2026, 1, 5);
    assert_eq!(monday.weekday(), Weekday::Mon);
    let n: u32 = 67_000_000;
    let expected = monday + Days::new(7 * u64::from(n / 5));
    assert_eq!(expected.weekday(), Weekday::Mon);
    assert_eq!(
        cal.add_working_days(monday, n - 1).unwrap().weekday(),
        Weekday::Fri
    );
    assert_eq!(cal.add_working_days(monday, n), Ok(expected));
    // And back: as many working days lie between them.
    assert_eq!(
        cal.working_days_between(monday.succ_opt().unwrap(), expected.succ_opt().unwrap()),
        n
    );

    // The built-in calendar's holidays end in 2099; the answer counts them.
    let vn = WorkingCalendar::vietnam();
    let start = d(2026, 1, 5);
    let far = vn.add_working_days(start, n).unwrap();
    let holidays_on_weekdays = vn
        .days_off()
        .filter(|(x, _)| *x > start && *x <= far)
        .filter(|(x, _)| !matches!(x.weekday(), Weekday::Sat | Weekday::Sun))
        .count() as u64;
    let make_up_days = vn.working_rest_days().filter(|(x, _)| *x > start).count() as u64;
    let weekdays = u64::from(n) + holidays_on_weekdays - make_up_days;
    assert!(vn.is_working_day(far));
    assert_eq!(
        u64::from(vn.working_days_between(start.succ_opt().unwrap(), far.succ_opt().unwrap())),
        u64::from(n)
    );
    assert_eq!(
        u64::from(cal.working_days_between(start.succ_opt().unwrap(), far.succ_opt().unwrap())),
        weekdays
    );
}

#[test]
fn core_02_counts_past_the_last_date_are_the_typed_overflow() {
    let cal = WorkingCalendar::vietnam();
    for start in [d(2026, 1, 1), NaiveDate::MIN, NaiveDate::MAX - Days::new(3)] {
        for n in [u32::MAX, u32::MAX / 2, 200_000_000, 137_000_000] {
            let e = cal.add_working_days(start, n).unwrap_err();
            assert_eq!(e, CalendarError::Overflow { from: start }, "{start} + {n}");
            assert_eq!(e.code(), "calendar.overflow");
        }
    }
    assert_eq!(
        cal.add_working_days(NaiveDate::MAX, 1).unwrap_err(),
        CalendarError::Overflow {
            from: NaiveDate::MAX
        }
    );
    // The largest count that still lands: the last working day before the end.
    let start = d(2026, 1, 1);
    let last = (0..7)
        .map(|k| NaiveDate::MAX - Days::new(k))
        .find(|x| cal.is_working_day(*x))
        .unwrap();
    let most = cal.working_days_between(start.succ_opt().unwrap(), last) + 1;
    assert_eq!(cal.add_working_days(start, most), Ok(last));
    assert_eq!(
        cal.add_working_days(start, most + 1),
        Err(CalendarError::Overflow { from: start })
    );
    // The whole range is counted without looking at every day.
    let all = cal.working_days_between(NaiveDate::MIN, NaiveDate::MAX);
    assert!(all > 130_000_000, "{all}");
}

#[test]
fn core_02_a_calendar_without_working_weekdays_still_ends() {
    let mut cal = WorkingCalendar::weekends_only();
    cal.weekly_rest_days = vec![
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    cal.add_working_day(d(2030, 1, 5), "make-up");
    let start = d(2030, 1, 1);
    assert_eq!(cal.add_working_days(start, 1), Ok(d(2030, 1, 5)));
    assert_eq!(
        cal.add_working_days(start, 2).unwrap_err().code(),
        "calendar.no_working_day"
    );
    assert_eq!(
        cal.add_working_days(start, u32::MAX).unwrap_err().code(),
        "calendar.no_working_day"
    );
    assert_eq!(cal.working_days_between(NaiveDate::MIN, NaiveDate::MAX), 1);
}

fn calendar() -> impl Strategy<Value = WorkingCalendar> {
    (
        proptest::collection::btree_set(0u32..7, 0..4),
        proptest::collection::vec((0u64..400, any::<bool>()), 0..40),
    )
        .prop_map(|(rest, entries)| {
            let mut cal = WorkingCalendar::weekends_only();
            cal.weekly_rest_days = rest
                .into_iter()
                .map(|i| Weekday::try_from(i as u8).unwrap())
                .collect();
            let base = d(2030, 1, 1);
            for (offset, off) in entries {
                let day = base + Days::new(offset);
                if off {
                    cal.add_day_off(day, "off");
                } else {
                    cal.add_working_day(day, "worked");
                }
            }
            cal
        })
}

proptest! {
    #[test]
    fn core_02_add_working_days_agrees_with_the_walk(
        cal in calendar(),
        start in 0u64..500,
        n in 0u32..600,
    ) {
        let start = d(2029, 11, 1) + Days::new(start);
        prop_assert_eq!(cal.add_working_days(start, n), walk(&cal, start, n));
    }

    #[test]
    fn core_02_working_days_between_agrees_with_the_count(
        cal in calendar(),
        from in 0u64..600,
        len in 0u64..600,
    ) {
        let from = d(2029, 11, 1) + Days::new(from);
        let to = from + Days::new(len);
        prop_assert_eq!(cal.working_days_between(from, to), count(&cal, from, to));
        prop_assert_eq!(cal.working_days_between(to, from), count(&cal, to, from));
    }

    #[test]
    fn core_02_near_the_last_date_agrees_with_the_walk(
        cal in calendar(),
        back in 0u64..40,
        n in 0u32..40,
    ) {
        let start = NaiveDate::MAX - Days::new(back);
        prop_assert_eq!(cal.add_working_days(start, n), walk(&cal, start, n));
    }
}
