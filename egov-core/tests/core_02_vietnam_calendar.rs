//! The built-in Vietnamese public-sector calendar (rule CORE-02) against the published
//! reference data (DATA.md §4) and the statutory rule (BLLĐ 2019 Đ112.1, Đ111.3).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, Weekday};
use egov_core::calendar::vietnam;
use egov_core::{lunar, DayKind, WorkingCalendar};

/// DATA.md §4 "Flattened calendar", rows copied verbatim: year | count | weekdays off |
/// Saturdays worked.
const DATA_MD_SECTION_4: &str = "\
| 2018 | 11 | 01/01 Mon, 14/02 Wed, 15/02 Thu, 16/02 Fri, 19/02 Mon, 20/02 Tue, 25/04 Wed, 30/04 Mon, 01/05 Tue, 03/09 Mon, 31/12 Mon (swap for New Year 2019) | — |
| 2019 | 11 | 01/01 Tue, 04/02 Mon, 05/02 Tue, 06/02 Wed, 07/02 Thu, 08/02 Fri, 15/04 Mon, 29/04 Mon, 30/04 Tue, 01/05 Wed, 02/09 Mon | 05/01 Sat, 04/05 Sat |
| 2020 | 10 | 01/01 Wed, 23/01 Thu, 24/01 Fri, 27/01 Mon, 28/01 Tue, 29/01 Wed, 02/04 Thu, 30/04 Thu, 01/05 Fri, 02/09 Wed | — |
| 2021 | 11 | 01/01 Fri, 10/02 Wed, 11/02 Thu, 12/02 Fri, 15/02 Mon, 16/02 Tue, 21/04 Wed, 30/04 Fri, 03/05 Mon, 02/09 Thu, 03/09 Fri | — |
| 2022 | 11 | 03/01 Mon, 31/01 Mon, 01/02 Tue, 02/02 Wed, 03/02 Thu, 04/02 Fri, 11/04 Mon, 02/05 Mon, 03/05 Tue, 01/09 Thu, 02/09 Fri | — |
| 2023 | 11 | 02/01 Mon, 20/01 Fri, 23/01 Mon, 24/01 Tue, 25/01 Wed, 26/01 Thu, 01/05 Mon, 02/05 Tue, 03/05 Wed, 01/09 Fri, 04/09 Mon | — |
| 2024 | 12 | 01/01 Mon, 08/02 Thu, 09/02 Fri, 12/02 Mon, 13/02 Tue, 14/02 Wed, 18/04 Thu, 29/04 Mon, 30/04 Tue, 01/05 Wed, 02/09 Mon, 03/09 Tue | 04/05 Sat |
| 2025 | 12 | 01/01 Wed, 27/01 Mon, 28/01 Tue, 29/01 Wed, 30/01 Thu, 31/01 Fri, 07/04 Mon, 30/04 Wed, 01/05 Thu, 02/05 Fri, 01/09 Mon, 02/09 Tue | 26/04 Sat |
| 2026 | 14 | 01/01 Thu, 02/01 Fri, 16/02 Mon, 17/02 Tue, 18/02 Wed, 19/02 Thu, 20/02 Fri, 27/04 Mon, 30/04 Thu, 01/05 Fri, 31/08 Mon, 01/09 Tue, 02/09 Wed, 24/11 Tue | 10/01 Sat, 22/08 Sat |
| 2027 (announced part) | 7 | 04/02 Thu, 05/02 Fri, 08/02 Mon, 09/02 Tue, 10/02 Wed, 02/09 Thu, 03/09 Fri | — |
| 2027 (statutory projection, P) | +5 | 01/01 Fri, 16/04 Fri, 30/04 Fri, 03/05 Mon, 24/11 Wed | unknown |
";

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// `dd/mm Www` tokens of one table cell, as dates of `year`; checks the printed weekday.
fn parse_cell(year: i32, cell: &str) -> Vec<NaiveDate> {
    cell.split(',')
        .map(str::trim)
        .filter(|t| t.len() >= 9 && t.as_bytes()[2] == b'/')
        .map(|t| {
            let day = t[0..2].parse().unwrap();
            let month = t[3..5].parse().unwrap();
            let weekday: Weekday = t[6..9].parse().unwrap();
            let date = d(year, month, day);
            assert_eq!(date.weekday(), weekday, "DATA.md prints {t} for {year}");
            date
        })
        .collect()
}

/// Year → (weekdays off, Saturdays worked) from DATA.md §4 (the two 2027 rows merged).
fn data_md() -> Vec<(i32, BTreeSet<NaiveDate>, BTreeSet<NaiveDate>)> {
    let mut years: Vec<(i32, BTreeSet<NaiveDate>, BTreeSet<NaiveDate>)> = Vec::new();
    for line in DATA_MD_SECTION_4.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let year: i32 = cells[1][0..4].parse().unwrap();
        let off = parse_cell(year, cells[3]);
        let count: usize = cells[2].trim_start_matches('+').parse().unwrap();
        assert_eq!(off.len(), count, "DATA.md count column for {}", cells[1]);
        let worked = parse_cell(year, cells[4]);
        match years.last_mut() {
            Some((y, o, w)) if *y == year => {
                o.extend(off);
                w.extend(worked);
            }
            _ => years.push((
                year,
                off.into_iter().collect(),
                worked.into_iter().collect(),
            )),
        }
    }
    years
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Every weekday off in DATA.md §4 is off, every worked Saturday is working, and no other day of
/// the year differs from the Saturday/Sunday pattern.
#[test]
fn core_02_announced_years_match_data_md_exactly() {
    let cal = WorkingCalendar::vietnam();
    let years = data_md();
    assert_eq!(
        years.iter().map(|y| y.0).collect::<Vec<_>>(),
        (2018..=2027).collect::<Vec<_>>()
    );
    for (year, off, worked) in years {
        for day in d(year, 1, 1).iter_days().take_while(|x| x.year() == year) {
            let expected_working = if off.contains(&day) {
                false
            } else if worked.contains(&day) {
                true
            } else {
                !is_weekend(day)
            };
            assert_eq!(cal.is_working_day(day), expected_working, "{day}");
            assert!(cal.covers(day));
        }
    }
}

#[test]
fn core_02_reasons_explain_each_kind_of_day() {
    let cal = WorkingCalendar::vietnam();
    let reason = |date| match cal.day_kind(date) {
        DayKind::DayOff { reason } | DayKind::WorkingWeekend { reason } => reason,
        other => panic!("{date}: {other:?}"),
    };
    assert_eq!(reason(d(2026, 2, 17)), "Tết Nguyên Đán (Lunar New Year)");
    assert_eq!(
        reason(d(2026, 4, 27)),
        "Nghỉ bù Giỗ Tổ Hùng Vương (compensatory day)"
    );
    assert!(reason(d(2026, 1, 2)).starts_with("Hoán đổi ngày làm việc"));
    assert!(reason(d(2026, 1, 2)).ends_with("(swapped day off)"));
    assert!(reason(d(2026, 1, 10)).starts_with("Làm bù"));
    assert!(reason(d(2026, 1, 10)).ends_with("(make-up working Saturday)"));
    assert!(reason(d(2026, 11, 24)).contains("Ngày Văn hóa Việt Nam"));
    // A statutory day on a Sunday is recorded for explanation but is still a rest day.
    assert!(reason(d(2026, 4, 26)).starts_with("Giỗ Tổ Hùng Vương"));
    assert!(!cal.is_working_day(d(2026, 4, 26)));
    assert_eq!(cal.day_kind(d(2026, 4, 25)), DayKind::Weekend);
    assert_eq!(cal.day_kind(d(2026, 4, 28)), DayKind::Working);
    // Every reason is Vietnamese followed by English in parentheses.
    for (date, r) in cal.days_off().chain(cal.working_rest_days()) {
        assert!(r.ends_with(')') && r.contains(" ("), "{date}: {r}");
    }
}

#[test]
fn core_02_next_working_day_over_tet() {
    let cal = WorkingCalendar::vietnam();
    // Tết Bính Ngọ 2026: off Sat 14/02 – Sun 22/02.
    assert_eq!(
        cal.next_working_day(d(2026, 2, 13)).unwrap(),
        d(2026, 2, 23)
    );
    assert_eq!(
        cal.add_working_days(d(2026, 2, 12), 2).unwrap(),
        d(2026, 2, 23)
    );
    assert_eq!(cal.working_days_between(d(2026, 2, 9), d(2026, 2, 27)), 9);
    // Tết Ất Tỵ 2025: off Sat 25/01 – Sun 02/02.
    assert_eq!(cal.next_working_day(d(2025, 1, 24)).unwrap(), d(2025, 2, 3));
    assert_eq!(cal.next_working_day(d(2025, 1, 28)).unwrap(), d(2025, 2, 3));
    // 2025 swap: Sat 26/04 worked, Fri 02/05 off.
    assert_eq!(
        cal.next_working_day(d(2025, 4, 25)).unwrap(),
        d(2025, 4, 26)
    );
    assert_eq!(cal.next_working_day(d(2025, 4, 29)).unwrap(), d(2025, 5, 5));
}

/// Weekdays off of `year`, from the built-in calendar.
fn weekdays_off(cal: &WorkingCalendar, year: i32) -> BTreeSet<NaiveDate> {
    d(year, 1, 1)
        .iter_days()
        .take_while(|x| x.year() == year)
        .filter(|x| !is_weekend(*x) && !cal.is_working_day(*x))
        .collect()
}

fn dates(list: &[(i32, u32, u32)]) -> BTreeSet<NaiveDate> {
    list.iter().map(|&(y, m, day)| d(y, m, day)).collect()
}

/// The projected years hold the statutory days of BLLĐ 2019 Đ112.1 (+ 24/11) with Đ111.3
/// compensation, worked out by hand from the weekday of each date and the lunar golden table.
#[test]
fn core_02_statutory_rule_for_projected_years() {
    let cal = WorkingCalendar::vietnam();
    // 2028: New Year Sat → Mon 03/01; Tết Wed 26/01 → Mon 24 – Fri 28/01; Giỗ Tổ Tue 04/04;
    // 30/4 Sun chains past Mon 01/05 → Tue 02/05; 2/9 Sat → Fri 01/09 + Mon 04/09; 24/11 Fri.
    let expected_2028 = dates(&[
        (2028, 1, 3),
        (2028, 1, 24),
        (2028, 1, 25),
        (2028, 1, 26),
        (2028, 1, 27),
        (2028, 1, 28),
        (2028, 4, 4),
        (2028, 5, 1),
        (2028, 5, 2),
        (2028, 9, 1),
        (2028, 9, 4),
        (2028, 11, 24),
    ]);
    assert_eq!(weekdays_off(&cal, 2028), expected_2028);
    // 2030: Tết Sat 02/02 (Vietnamese calendar; the Chinese one says Sun 03/02) → Thu 31/01 –
    // Mon 04/02 with Tue 05/02, Wed 06/02 for the weekend; 2/9 Mon → Tue 03/09; 24/11 Sun →
    // Mon 25/11.
    let expected_2030 = dates(&[
        (2030, 1, 1),
        (2030, 1, 31),
        (2030, 2, 1),
        (2030, 2, 4),
        (2030, 2, 5),
        (2030, 2, 6),
        (2030, 4, 12),
        (2030, 4, 30),
        (2030, 5, 1),
        (2030, 9, 2),
        (2030, 9, 3),
        (2030, 11, 25),
    ]);
    assert_eq!(weekdays_off(&cal, 2030), expected_2030);
    assert_eq!(cal.next_working_day(d(2030, 1, 30)).unwrap(), d(2030, 2, 7));
    // 2033: New Year Sat → Mon 03/01; Tết Mon 31/01 → Sat 29/01 – Wed 02/02, compensated
    // Thu 03/02, Fri 04/02; Giỗ Tổ Sat 09/04 → Mon 11/04; 30/4 Sat, 1/5 Sun → Mon 02/05,
    // Tue 03/05; 2/9 Fri → Thu 01/09; 24/11 Thu.
    let expected_2033 = dates(&[
        (2033, 1, 3),
        (2033, 1, 31),
        (2033, 2, 1),
        (2033, 2, 2),
        (2033, 2, 3),
        (2033, 2, 4),
        (2033, 4, 11),
        (2033, 5, 2),
        (2033, 5, 3),
        (2033, 9, 1),
        (2033, 9, 2),
        (2033, 11, 24),
    ]);
    assert_eq!(weekdays_off(&cal, 2033), expected_2033);
    // 2035: 2/9 Sun → Mon 03/09 adjacent, and its compensation chains to Tue 04/09.
    assert!(!cal.is_working_day(d(2035, 9, 3)));
    assert!(!cal.is_working_day(d(2035, 9, 4)));
    assert!(cal.is_working_day(d(2035, 9, 5)));
    assert!(cal.is_working_day(d(2035, 8, 31)));
    // No swaps are invented: no Saturday is worked after the announced table.
    assert!(cal
        .working_rest_days()
        .all(|(date, _)| date.year() <= vietnam::LAST_ANNOUNCED_YEAR));
}

/// Every projected year has its statutory days off, whatever the weekday.
#[test]
fn core_02_every_projected_year_has_its_statutory_days() {
    let cal = WorkingCalendar::vietnam();
    for year in vietnam::LAST_ANNOUNCED_YEAR + 1..=vietnam::LAST_YEAR {
        let tet = lunar::tet(year).unwrap();
        let statutory = [
            d(year, 1, 1),
            tet,
            tet.succ_opt().unwrap(),
            lunar::lunar_new_years_eve(year).unwrap(),
            lunar::hung_kings_day(year).unwrap(),
            d(year, 4, 30),
            d(year, 5, 1),
            d(year, 9, 2),
            d(year, 11, 24),
        ];
        for day in statutory {
            assert!(matches!(cal.day_kind(day), DayKind::DayOff { .. }), "{day}");
        }
        // 11 Labour Code days + Culture Day; weekend ones are compensated one for one.
        let off = weekdays_off(&cal, year);
        assert_eq!(off.len(), 12, "{year}: {off:?}");
    }
    assert!(cal.covers(d(vietnam::LAST_YEAR, 12, 31)));
    assert!(!cal.covers(d(vietnam::LAST_YEAR + 1, 1, 1)));
    assert!(!cal.covers(d(vietnam::FIRST_YEAR - 1, 12, 31)));
}

#[test]
fn core_02_name_coverage_and_json() {
    let cal = vietnam::public_sector_calendar();
    assert_eq!(
        cal.coverage(),
        Some((vietnam::FIRST_YEAR, vietnam::LAST_YEAR))
    );
    assert!(cal.name.starts_with("vn-public-sector "));
    assert!(cal.name.contains("announced 2018–2026"));
    assert_eq!(cal, WorkingCalendar::vietnam());
    let back = WorkingCalendar::from_json(&cal.to_json()).unwrap();
    assert_eq!(back, cal);
    // The caller's copy is independent of the cached table.
    let mut mine = WorkingCalendar::vietnam();
    mine.clear_year(2026);
    assert!(mine.is_working_day(d(2026, 2, 17)));
    assert!(!WorkingCalendar::vietnam().is_working_day(d(2026, 2, 17)));
}

/// Each year says where its answer comes from: the announced schedules 2018–2026, 2027 partly
/// announced (Tết and National Day), the statutory projection 2028–2099 (DATA.md tag P), nothing
/// outside. A caller replacing a year makes it announced; the marks survive the JSON form, and a
/// table read from JSON without them is the caller's announced schedule.
#[test]
fn core_02_each_year_says_whether_its_schedule_is_announced() {
    use egov_core::YearSchedule::*;
    let cal = WorkingCalendar::vietnam();
    for year in vietnam::FIRST_YEAR..vietnam::LAST_ANNOUNCED_YEAR {
        assert_eq!(cal.schedule(d(year, 6, 1)), Announced, "{year}");
    }
    assert_eq!(cal.schedule(d(2027, 1, 1)), PartlyAnnounced);
    assert_eq!(cal.schedule(d(2027, 12, 31)), PartlyAnnounced);
    for year in vietnam::LAST_ANNOUNCED_YEAR + 1..=vietnam::LAST_YEAR {
        assert_eq!(cal.schedule(d(year, 6, 1)), Projected, "{year}");
    }
    assert_eq!(cal.schedule(d(vietnam::FIRST_YEAR - 1, 12, 31)), NotCovered);
    assert_eq!(cal.schedule(d(vietnam::LAST_YEAR + 1, 1, 1)), NotCovered);
    assert!(!Announced.is_provisional());
    assert!(PartlyAnnounced.is_provisional() && Projected.is_provisional());

    // The caller loads 2028 as announced; 2029 stays a projection.
    let mut mine = WorkingCalendar::vietnam();
    mine.clear_year(2028);
    assert_eq!(mine.schedule(d(2028, 1, 26)), Announced);
    assert_eq!(mine.schedule(d(2029, 1, 26)), Projected);
    mine.set_schedule(2027, Announced);
    assert_eq!(mine.schedule(d(2027, 4, 30)), Announced);
    let back = WorkingCalendar::from_json(&mine.to_json()).unwrap();
    assert_eq!(back.schedule(d(2027, 4, 30)), Announced);
    assert_eq!(back.schedule(d(2029, 1, 26)), Projected);
    assert_eq!(back, mine);

    // A caller's own table, without marks: announced where covered.
    let own = WorkingCalendar::from_json(
        r#"{"name":"my-office","weekly_rest_days":["Sat","Sun"],"coverage":[2026,2026]}"#,
    )
    .unwrap();
    assert_eq!(own.schedule(d(2026, 3, 2)), Announced);
    assert_eq!(own.schedule(d(2027, 3, 2)), NotCovered);
    // Projected years are not serialised one by one when there are none.
    assert!(!own.to_json().contains("projected_years"));
}
