//! The built-in Vietnamese public-sector calendar (rule CORE-02).
//!
//! [`public_sector_calendar`] (also [`WorkingCalendar::vietnam`]) is the calendar of state
//! agencies that rest on Saturday and Sunday (cán bộ, công chức, viên chức and workers of
//! administrative and public-service bodies). It is built from two parts.
//!
//! ## 1. Announced schedules, 2018–2026 and part of 2027
//!
//! Transcribed from the reference data (`DATA.md` §3 Table 1 and §4 "Flattened calendar"): the
//! holidays, compensatory days (nghỉ bù), swapped days off (hoán đổi ngày làm việc) and make-up
//! Saturdays (làm bù) as the Prime Minister decided them each year and the line ministry
//! (MOLISA to 2025, MOHA from 2026) announced them. The source and confidence tag of each year
//! are in the table's comments. Tags: **V** verified (official text or two independent sources),
//! **S** single source, **I** inferred from the statute and the lunar calendar, **2°** secondary
//! sources that cite the official document, **P** projection.
//!
//! * 2018–2020: Labour Code 2012 (BLLĐ 2012 Đ115): 10 days. Mostly V; New Year and the smaller
//!   holidays of 2019–2020 are S or I.
//! * 2021–2026: Labour Code 2019 (BLLĐ 2019 Đ112): 11 days; plus Vietnamese Culture Day 24/11
//!   from 2026 (Nghị quyết 28/2026/QH16, 2°). Mostly V.
//! * 2027: Tết (04–10/02) and National Day (02–03/09) announced by VPCP letter 10065/VPCP-KGVX
//!   (2°). New Year, Giỗ Tổ, 30/4–1/5 and 24/11 are not announced yet: the table holds the
//!   statutory projection (P), which is exactly what the rule below yields for 2027 (a test
//!   checks this). Swaps may still be added.
//!
//! ## 2. Statutory rule, 2028–2099 (projection, tag P)
//!
//! No annual notice exists yet, so these years hold only what the law fixes, plus two defaults
//! derived from the announced years. **No swaps are invented.**
//!
//! * Statutory days, BLLĐ 2019 Đ112.1: 01/01; Tết, 5 days; Giỗ Tổ Hùng Vương (10/3 lunar);
//!   30/04; 01/05; 02/09 and one adjacent day; plus 24/11 (Ngày Văn hóa Việt Nam, NQ 28/2026/QH16).
//!   Lunar dates come from [`crate::lunar`] (Vietnamese calendar, UTC+7).
//! * **Tết block** (Đ112.3 lets the Prime Minister choose it): the two days before mùng 1 and
//!   mùng 1–3; but when that block has a weekend day and the block from the eve (tất niên)
//!   through mùng 4 lies entirely on Monday–Friday, the latter. In practice: the eve + mùng 1–4
//!   when Tết falls on a Tuesday, else two days before + mùng 1–3. This reproduces all ten
//!   announced years 2018–2027 (Tuesday Tết: 2019, 2022, 2026; the other seven years use the
//!   two-days-before block, including 2025 where it is Mon–Fri).
//! * **National Day adjacent day** (Đ112.1.d «01 ngày liền kề trước hoặc sau»): the weekday
//!   neighbour of 02/09 that joins the break to a weekend, the day before when both or neither
//!   do. By weekday of 02/09: Mon → Tue 03/09 (2024); Tue → Mon 01/09 (2025); Wed → Tue 01/09
//!   (2026); Thu → Fri 03/09 (2021, 2027); Fri → Thu 01/09 (2022); Sat → Fri 01/09 (2023);
//!   Sun → Mon 03/09 (no announced year; 01/09 would be a Saturday). This reproduces 2021–2027.
//! * **Compensatory day** (BLLĐ 2019 Đ111.3): a statutory day on Saturday or Sunday gives a day
//!   off on the next Monday–Friday that is neither a statutory day nor already a compensatory day
//!   (chaining, as the notices apply it: 2022 and 2023 around 30/4–1/5). Whether Đ111.3 covers
//!   24/11 while it sits outside Đ112.1 is open (DATA.md §1.1); the default compensates it, as
//!   Nghị quyết 28/2026/QH16 tasks adding it to Đ112.1. This matters in 2029, 2030 and 2035.
//! * If two statutory days ever fall on the same date, the day counts once (no extra day off).
//!   Giỗ Tổ never falls on 30/04 or 01/05 between 2027 and 2099.
//!
//! Statutory days on a weekend are recorded as days off too, so [`WorkingCalendar::day_kind`]
//! can explain them; they do not change the working status of the date.
//!
//! [`WorkingCalendar::schedule`] tells the three parts apart for any date: `Announced` 2018–2026,
//! `PartlyAnnounced` 2027, `Projected` 2028–2099 (`NotCovered` outside), so an answer that rests
//! on a projection can say it may change; the send deadline carries it as `calendar_schedule`.
//!
//! ## Changing the table (CORE-02)
//!
//! The Government moves days every year, sometimes weeks ahead. Callers add a newly announced
//! swap, or replace a whole year, on their copy:
//!
//! ```
//! use chrono::NaiveDate;
//! use egov_core::WorkingCalendar;
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! let mut cal = WorkingCalendar::vietnam();
//! assert!(cal.is_working_day(d(2027, 4, 29)));
//! // A hypothetical swap announced after this table: Thu 29/04/2027 off, Sat 08/05/2027 worked.
//! cal.add_day_off(d(2027, 4, 29), "Hoán đổi ngày làm việc (swapped day off)")
//!     .add_working_day(d(2027, 5, 8), "Làm bù (make-up working Saturday)");
//! assert_eq!(cal.next_working_day(d(2027, 4, 28)).unwrap(), d(2027, 5, 4));
//! assert!(cal.is_working_day(d(2027, 5, 8)));
//! // Replace the projected 2028 with an announced schedule.
//! cal.clear_year(2028);
//! cal.add_day_off(d(2028, 1, 3), "Nghỉ bù Tết Dương lịch (compensatory day)");
//! assert!(!cal.is_working_day(d(2028, 1, 3)));
//! assert!(cal.is_working_day(d(2028, 1, 26))); // Tết 2028 must now be added by the caller
//! ```
//!
//! Scope: public sector only. Private employers choose their own Tết days and may ignore swaps;
//! agencies that work on Saturdays and local arrangements are not covered.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::{WorkingCalendar, YearSchedule};
use crate::legal::{Instrument, LegalRef};
use crate::lunar;

/// First year of the table.
pub const FIRST_YEAR: i32 = 2018;
/// Last year whose schedule is (at least partly) announced and transcribed in the table.
pub const LAST_ANNOUNCED_YEAR: i32 = 2027;
/// Last year the statutory rule is projected to; the calendar covers `FIRST_YEAR..=LAST_YEAR`.
pub const LAST_YEAR: i32 = 2099;
/// The date of the reference data the table was transcribed from.
pub const AS_OF: &str = "2026-11-23";

/// The statutory holidays (CORE-02): BLLĐ 2019 Đ112.1.
pub const HOLIDAYS_BASIS: LegalRef = LegalRef::clause(Instrument::LabourCode2019, 112, 1);
/// The compensatory-day rule (CORE-02): BLLĐ 2019 Đ111.3, a holiday on a weekly rest day gives a
/// day off on the next working day.
pub const COMPENSATION_BASIS: LegalRef = LegalRef::clause(Instrument::LabourCode2019, 111, 3);

/// A statutory holiday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Holiday {
    NewYear,
    Tet,
    HungKings,
    Victory,
    Labour,
    NationalDay,
    NationalDayAdjacent,
    CultureDay,
}

impl Holiday {
    /// Vietnamese and English names.
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Holiday::NewYear => ("Tết Dương lịch", "New Year's Day"),
            Holiday::Tet => ("Tết Nguyên Đán", "Lunar New Year"),
            Holiday::HungKings => ("Giỗ Tổ Hùng Vương", "Hùng Kings' Commemoration Day"),
            Holiday::Victory => ("Ngày Chiến thắng 30/4", "Victory Day"),
            Holiday::Labour => ("Ngày Quốc tế Lao động 1/5", "International Labour Day"),
            Holiday::NationalDay => ("Quốc khánh 2/9", "National Day"),
            Holiday::NationalDayAdjacent => {
                ("Quốc khánh, ngày liền kề", "National Day, adjacent day")
            }
            Holiday::CultureDay => ("Ngày Văn hóa Việt Nam 24/11", "Vietnamese Culture Day"),
        }
    }
}

/// A calendar date as written in the table (year, month, day).
type Ymd = (i32, u32, u32);

/// What a table entry does to its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    /// A statutory holiday (may fall on a weekend: then it only explains the day).
    Holiday(Holiday),
    /// Nghỉ bù for the holiday that fell on a weekend.
    Compensatory(Holiday),
    /// A weekday made a day off, worked back on the given Saturday.
    SwappedOff(Ymd),
    /// A Saturday worked for the given swapped day off.
    MakeUp(Ymd),
}

impl Kind {
    /// The reason shown for the day: Vietnamese, then English in parentheses.
    fn reason(self) -> String {
        let dmy = |(y, m, d): Ymd| format!("{d:02}/{m:02}/{y}");
        match self {
            Kind::Holiday(h) => {
                let (vi, en) = h.names();
                format!("{vi} ({en})")
            }
            Kind::Compensatory(h) => format!("Nghỉ bù {} (compensatory day)", h.names().0),
            Kind::SwappedOff(make_up) => format!(
                "Hoán đổi ngày làm việc, làm bù thứ Bảy {} (swapped day off)",
                dmy(make_up)
            ),
            Kind::MakeUp(day_off) => format!(
                "Làm bù cho ngày nghỉ {} (make-up working Saturday)",
                dmy(day_off)
            ),
        }
    }

    /// Enters the day in `cal`.
    fn apply(self, cal: &mut WorkingCalendar, date: NaiveDate) {
        match self {
            Kind::MakeUp(_) => cal.add_working_day(date, self.reason()),
            _ => cal.add_day_off(date, self.reason()),
        };
    }
}

/// The announced schedules, transcribed from DATA.md §3 (Table 1) and §4.
mod table {
    use super::Holiday::*;
    use super::Kind::{self, *};
    use super::Ymd;

    /// One dated entry of an announced schedule.
    pub(super) type Entry = (Ymd, Kind);

    #[rustfmt::skip]
    pub(super) static ANNOUNCED: &[Entry] = &[
        // 2018, BLLĐ 2012. Tết and National Day: Government Office notice 573/TB-VPCP (14/12/2017);
        // full year: MOLISA announcement of 22/12/2017. V.
        ((2018, 1, 1), Holiday(NewYear)),
        ((2018, 2, 14), Holiday(Tet)),   // 29/12 AL
        ((2018, 2, 15), Holiday(Tet)),   // 30/12 AL
        ((2018, 2, 16), Holiday(Tet)),   // mùng 1
        ((2018, 2, 17), Holiday(Tet)),   // Sat
        ((2018, 2, 18), Holiday(Tet)),   // Sun
        ((2018, 2, 19), Compensatory(Tet)),
        ((2018, 2, 20), Compensatory(Tet)),
        ((2018, 4, 25), Holiday(HungKings)),
        ((2018, 4, 30), Holiday(Victory)),
        ((2018, 5, 1), Holiday(Labour)),
        ((2018, 9, 2), Holiday(NationalDay)), // Sun
        ((2018, 9, 3), Compensatory(NationalDay)),
        // New Year 2019 swap: VPCP letter 6519/VPCP-KGVX (11/07/2018). V.
        ((2018, 12, 31), SwappedOff((2019, 1, 5))),
        // 2019, BLLĐ 2012. VPCP letter 6519/VPCP-KGVX (11/07/2018). V, except Giỗ Tổ and
        // National Day: I (statute + lunar calendar; one aggregator agrees).
        ((2019, 1, 1), Holiday(NewYear)),
        ((2019, 1, 5), MakeUp((2018, 12, 31))),
        ((2019, 2, 4), Holiday(Tet)),    // 30/12 AL
        ((2019, 2, 5), Holiday(Tet)),    // mùng 1
        ((2019, 2, 6), Holiday(Tet)),
        ((2019, 2, 7), Holiday(Tet)),
        ((2019, 2, 8), Holiday(Tet)),    // mùng 4
        ((2019, 4, 14), Holiday(HungKings)), // Sun, I
        ((2019, 4, 15), Compensatory(HungKings)), // I
        ((2019, 4, 29), SwappedOff((2019, 5, 4))),
        ((2019, 4, 30), Holiday(Victory)),
        ((2019, 5, 1), Holiday(Labour)),
        ((2019, 5, 4), MakeUp((2019, 4, 29))),
        ((2019, 9, 2), Holiday(NationalDay)), // I
        // 2020, BLLĐ 2012. Tết: MOLISA notice 4544/TB-LĐTBXH (25/10/2019), V. Other days: S
        // (news reports and a provincial notice).
        ((2020, 1, 1), Holiday(NewYear)),
        ((2020, 1, 23), Holiday(Tet)),   // 29/12 AL
        ((2020, 1, 24), Holiday(Tet)),   // 30/12 AL
        ((2020, 1, 25), Holiday(Tet)),   // mùng 1, Sat
        ((2020, 1, 26), Holiday(Tet)),   // Sun
        ((2020, 1, 27), Holiday(Tet)),
        ((2020, 1, 28), Compensatory(Tet)),
        ((2020, 1, 29), Compensatory(Tet)),
        ((2020, 4, 2), Holiday(HungKings)),
        ((2020, 4, 30), Holiday(Victory)),
        ((2020, 5, 1), Holiday(Labour)),
        ((2020, 9, 2), Holiday(NationalDay)),
        // 2021, BLLĐ 2019. Tết and National Day: MOLISA notice 4875/TB-LĐTBXH, V; 30/4–1/5: V;
        // New Year and Giỗ Tổ: S.
        ((2021, 1, 1), Holiday(NewYear)),
        ((2021, 2, 10), Holiday(Tet)),   // 29/12 AL
        ((2021, 2, 11), Holiday(Tet)),   // 30/12 AL
        ((2021, 2, 12), Holiday(Tet)),   // mùng 1
        ((2021, 2, 13), Holiday(Tet)),   // Sat
        ((2021, 2, 14), Holiday(Tet)),   // Sun
        ((2021, 2, 15), Compensatory(Tet)),
        ((2021, 2, 16), Compensatory(Tet)),
        ((2021, 4, 21), Holiday(HungKings)),
        ((2021, 4, 30), Holiday(Victory)),
        ((2021, 5, 1), Holiday(Labour)), // Sat
        ((2021, 5, 3), Compensatory(Labour)),
        ((2021, 9, 2), Holiday(NationalDay)),
        ((2021, 9, 3), Holiday(NationalDayAdjacent)),
        // 2022, BLLĐ 2019. VPCP letter 245/VPCP-KGVX (11/01/2022); MOLISA 119/TB-LĐTBXH (2°).
        // V, except New Year: S.
        ((2022, 1, 1), Holiday(NewYear)), // Sat
        ((2022, 1, 3), Compensatory(NewYear)),
        ((2022, 1, 31), Holiday(Tet)),   // 29/12 AL
        ((2022, 2, 1), Holiday(Tet)),    // mùng 1
        ((2022, 2, 2), Holiday(Tet)),
        ((2022, 2, 3), Holiday(Tet)),
        ((2022, 2, 4), Holiday(Tet)),    // mùng 4
        ((2022, 4, 10), Holiday(HungKings)), // Sun
        ((2022, 4, 11), Compensatory(HungKings)),
        ((2022, 4, 30), Holiday(Victory)), // Sat
        ((2022, 5, 1), Holiday(Labour)), // Sun
        ((2022, 5, 2), Compensatory(Victory)),
        ((2022, 5, 3), Compensatory(Labour)),
        ((2022, 9, 1), Holiday(NationalDayAdjacent)),
        ((2022, 9, 2), Holiday(NationalDay)),
        // 2023, BLLĐ 2019. VPCP letter 8056/VPCP-KGVX (01/12/2022); MOLISA 5034/TB-LĐTBXH (2°).
        // V, except New Year: S.
        ((2023, 1, 1), Holiday(NewYear)), // Sun
        ((2023, 1, 2), Compensatory(NewYear)),
        ((2023, 1, 20), Holiday(Tet)),   // 29/12 AL
        ((2023, 1, 21), Holiday(Tet)),   // 30/12 AL, Sat
        ((2023, 1, 22), Holiday(Tet)),   // mùng 1, Sun
        ((2023, 1, 23), Holiday(Tet)),
        ((2023, 1, 24), Holiday(Tet)),
        ((2023, 1, 25), Compensatory(Tet)),
        ((2023, 1, 26), Compensatory(Tet)),
        ((2023, 4, 29), Holiday(HungKings)), // Sat
        ((2023, 4, 30), Holiday(Victory)), // Sun
        ((2023, 5, 1), Holiday(Labour)),
        ((2023, 5, 2), Compensatory(HungKings)), // chained past 01/05
        ((2023, 5, 3), Compensatory(Victory)),
        ((2023, 9, 1), Holiday(NationalDayAdjacent)),
        ((2023, 9, 2), Holiday(NationalDay)), // Sat
        ((2023, 9, 4), Compensatory(NationalDay)),
        // 2024, BLLĐ 2019. VPCP letter 8662/VPCP-KGVX (03/11/2023); swap: VPCP letter
        // 2450/VPCP-KGVX (12/04/2024). V, except New Year: S; Giỗ Tổ: I.
        ((2024, 1, 1), Holiday(NewYear)),
        ((2024, 2, 8), Holiday(Tet)),    // 29/12 AL
        ((2024, 2, 9), Holiday(Tet)),    // 30/12 AL
        ((2024, 2, 10), Holiday(Tet)),   // mùng 1, Sat
        ((2024, 2, 11), Holiday(Tet)),   // Sun
        ((2024, 2, 12), Holiday(Tet)),
        ((2024, 2, 13), Compensatory(Tet)),
        ((2024, 2, 14), Compensatory(Tet)),
        ((2024, 4, 18), Holiday(HungKings)),
        ((2024, 4, 29), SwappedOff((2024, 5, 4))),
        ((2024, 4, 30), Holiday(Victory)),
        ((2024, 5, 1), Holiday(Labour)),
        ((2024, 5, 4), MakeUp((2024, 4, 29))),
        ((2024, 9, 2), Holiday(NationalDay)),
        ((2024, 9, 3), Holiday(NationalDayAdjacent)),
        // 2025, BLLĐ 2019. VPCP letter 8726/VPCP-KGVX (26/11/2024); MOLISA 6150/TB-BLĐTBXH
        // (03/12/2024, 2°). V, except New Year: S.
        ((2025, 1, 1), Holiday(NewYear)),
        ((2025, 1, 27), Holiday(Tet)),   // 28/12 AL
        ((2025, 1, 28), Holiday(Tet)),   // 29/12 AL (tất niên)
        ((2025, 1, 29), Holiday(Tet)),   // mùng 1
        ((2025, 1, 30), Holiday(Tet)),
        ((2025, 1, 31), Holiday(Tet)),
        ((2025, 4, 7), Holiday(HungKings)),
        ((2025, 4, 26), MakeUp((2025, 5, 2))), // make-up Saturday before the holiday
        ((2025, 4, 30), Holiday(Victory)),
        ((2025, 5, 1), Holiday(Labour)),
        ((2025, 5, 2), SwappedOff((2025, 4, 26))),
        ((2025, 9, 1), Holiday(NationalDayAdjacent)),
        ((2025, 9, 2), Holiday(NationalDay)),
        // 2026, BLLĐ 2019 + NQ 28/2026/QH16. New Year swap: VPCP letter 12729/VPCP-KGVX
        // (25/12/2025); Tết and National Day: VPCP letter 9859/VPCP-KGVX (13/10/2025), MOHA
        // 9441/TB-BNV (2°); no 30/4 swap: MOHA 3383/BNV-CVL (2°). V. Culture Day: VPCP letter
        // 10065/VPCP-KGVX (02/10/2026), 2°; the proposed 23/11 ⇄ 28/11 swap was not adopted.
        ((2026, 1, 1), Holiday(NewYear)),
        ((2026, 1, 2), SwappedOff((2026, 1, 10))),
        ((2026, 1, 10), MakeUp((2026, 1, 2))),
        ((2026, 2, 16), Holiday(Tet)),   // 29/12 AL (tất niên)
        ((2026, 2, 17), Holiday(Tet)),   // mùng 1
        ((2026, 2, 18), Holiday(Tet)),
        ((2026, 2, 19), Holiday(Tet)),
        ((2026, 2, 20), Holiday(Tet)),   // mùng 4
        ((2026, 4, 26), Holiday(HungKings)), // Sun
        ((2026, 4, 27), Compensatory(HungKings)),
        ((2026, 4, 30), Holiday(Victory)),
        ((2026, 5, 1), Holiday(Labour)),
        ((2026, 8, 22), MakeUp((2026, 8, 31))),
        ((2026, 8, 31), SwappedOff((2026, 8, 22))),
        ((2026, 9, 1), Holiday(NationalDayAdjacent)),
        ((2026, 9, 2), Holiday(NationalDay)),
        ((2026, 11, 24), Holiday(CultureDay)),
        // 2027, partly announced: Tết and National Day by VPCP letter 10065/VPCP-KGVX
        // (02/10/2026), 2°. The rest is the statutory projection, P (DATA.md §4).
        ((2027, 1, 1), Holiday(NewYear)), // P
        ((2027, 2, 4), Holiday(Tet)),    // 28/12 AL
        ((2027, 2, 5), Holiday(Tet)),    // 29/12 AL (tất niên)
        ((2027, 2, 6), Holiday(Tet)),    // mùng 1, Sat
        ((2027, 2, 7), Holiday(Tet)),    // Sun
        ((2027, 2, 8), Holiday(Tet)),
        ((2027, 2, 9), Compensatory(Tet)),
        ((2027, 2, 10), Compensatory(Tet)),
        ((2027, 4, 16), Holiday(HungKings)), // P
        ((2027, 4, 30), Holiday(Victory)), // P
        ((2027, 5, 1), Holiday(Labour)), // Sat, P
        ((2027, 5, 3), Compensatory(Labour)), // P
        ((2027, 9, 2), Holiday(NationalDay)),
        ((2027, 9, 3), Holiday(NationalDayAdjacent)),
        ((2027, 11, 24), Holiday(CultureDay)), // P
    ];
}

/// The built-in Vietnamese public-sector calendar (CORE-02): the announced schedules 2018–2026
/// and part of 2027, then the statutory projection to [`LAST_YEAR`] (BLLĐ 2019 Đ112.1 holidays,
/// Đ111.3 compensatory days; see the module documentation for the defaults).
///
/// The name of a calendar as people read it in `lang` (CORE-06): the built-in public-sector
/// calendar's name (`vn-public-sector 2026-11-23 (…)`, of this or an earlier egov, as a
/// deadline or a report carries it) is «lịch làm việc của cơ quan nhà nước (vn-public-sector,
/// phiên bản 23/11/2026)» in Vietnamese; in English, and for any other calendar, the name as
/// it is.
///
/// ```
/// use egov_core::calendar::vietnam::name_for_people;
/// use egov_core::{Lang, WorkingCalendar};
/// let name = WorkingCalendar::vietnam().name;
/// assert!(name_for_people(&name, Lang::Vi)
///     .starts_with("lịch làm việc của cơ quan nhà nước (vn-public-sector, phiên bản "));
/// assert_eq!(name_for_people(&name, Lang::En), name);
/// assert_eq!(name_for_people("my-office 2026", Lang::Vi), "my-office 2026");
/// ```
pub fn name_for_people(name: &str, lang: crate::Lang) -> String {
    const ID: &str = "vn-public-sector";
    let version = name
        .strip_prefix(ID)
        .and_then(|rest| rest.strip_prefix(' '))
        .map(|rest| rest.split_once(' ').map_or(rest, |(v, _)| v))
        .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok());
    match (lang, version) {
        (crate::Lang::Vi, Some(v)) => format!(
            "lịch làm việc của cơ quan nhà nước ({ID}, phiên bản {})",
            crate::i18n::date_vi(v)
        ),
        _ => name.to_owned(),
    }
}

/// Built once per process and cloned; the clone is the caller's to modify.
pub fn public_sector_calendar() -> WorkingCalendar {
    static CALENDAR: OnceLock<WorkingCalendar> = OnceLock::new();
    CALENDAR.get_or_init(build).clone()
}

fn build() -> WorkingCalendar {
    let mut cal = WorkingCalendar::weekends_only();
    cal.name = format!(
        "vn-public-sector {AS_OF} (announced 2018–2026, partial {LAST_ANNOUNCED_YEAR}, \
         statutory rule {LAST_ANNOUNCED_YEAR}–{LAST_YEAR})"
    );
    for &((y, m, d), kind) in table::ANNOUNCED {
        if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
            kind.apply(&mut cal, date);
        }
    }
    for year in LAST_ANNOUNCED_YEAR + 1..=LAST_YEAR {
        for (date, kind) in statutory_year(year).unwrap_or_default() {
            kind.apply(&mut cal, date);
        }
        cal.set_schedule(year, YearSchedule::Projected);
    }
    cal.set_schedule(LAST_ANNOUNCED_YEAR, YearSchedule::PartlyAnnounced);
    cal.set_coverage(FIRST_YEAR, LAST_YEAR);
    cal
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The five statutory Tết days of `year` (CORE-02, BLLĐ 2019 Đ112.1.b, chosen under Đ112.3):
/// two days before mùng 1 through mùng 3, or the eve through mùng 4 when only that block lies on
/// Monday–Friday (Tết on a Tuesday). Default derived from the announced years 2018–2027.
fn tet_block(year: i32) -> Option<Vec<NaiveDate>> {
    let tet = lunar::tet(year)?;
    let block = |days_before: u64| -> Option<Vec<NaiveDate>> {
        let start = tet.checked_sub_days(Days::new(days_before))?;
        Some(start.iter_days().take(5).collect())
    };
    let two_before = block(2)?;
    let eve_to_mung_4 = block(1)?;
    let on_weekdays = |days: &[NaiveDate]| days.iter().all(|d| !is_weekend(*d));
    if !on_weekdays(&two_before) && on_weekdays(&eve_to_mung_4) {
        Some(eve_to_mung_4)
    } else {
        Some(two_before)
    }
}

/// The day adjacent to National Day `national` (02/09) that is also off (CORE-02, BLLĐ 2019
/// Đ112.1.d «và 01 ngày liền kề trước hoặc sau»): the weekday neighbour that joins the break to a
/// weekend, the day before when both or neither do. Default derived from 2021–2027.
fn national_day_adjacent(national: NaiveDate) -> Option<NaiveDate> {
    match national.weekday() {
        Weekday::Mon | Weekday::Thu | Weekday::Sun => national.succ_opt(),
        Weekday::Tue | Weekday::Wed | Weekday::Fri | Weekday::Sat => national.pred_opt(),
    }
}

/// The statutory schedule of `year` without swaps (CORE-02): the holidays of BLLĐ 2019 Đ112.1
/// (BLLĐ 2012 Đ115.1 up to 2020: National Day is one day), 24/11 from 2026 (NQ 28/2026/QH16),
/// and the compensatory days of BLLĐ 2019 Đ111.3 (BLLĐ 2012 Đ115.3) with chaining. Holidays on
/// a weekend are included (they explain the day). `None` outside the lunar calendar's range.
fn statutory_year(year: i32) -> Option<Vec<(NaiveDate, Kind)>> {
    let ymd = |m, d| NaiveDate::from_ymd_opt(year, m, d);
    let national_day = ymd(9, 2)?;
    let mut days: Vec<(NaiveDate, Holiday)> = vec![(ymd(1, 1)?, Holiday::NewYear)];
    days.extend(tet_block(year)?.into_iter().map(|d| (d, Holiday::Tet)));
    days.push((lunar::hung_kings_day(year)?, Holiday::HungKings));
    days.push((ymd(4, 30)?, Holiday::Victory));
    days.push((ymd(5, 1)?, Holiday::Labour));
    days.push((national_day, Holiday::NationalDay));
    if year >= 2021 {
        let adjacent = national_day_adjacent(national_day)?;
        days.push((adjacent, Holiday::NationalDayAdjacent));
    }
    if year >= 2026 {
        days.push((ymd(11, 24)?, Holiday::CultureDay));
    }
    let mut holidays: BTreeMap<NaiveDate, Holiday> = BTreeMap::new();
    for (date, holiday) in days {
        holidays.entry(date).or_insert(holiday);
    }

    let mut compensatory: BTreeMap<NaiveDate, Holiday> = BTreeMap::new();
    for (&date, &holiday) in holidays.iter().filter(|(d, _)| is_weekend(**d)) {
        let next_free = date.iter_days().skip(1).take(14).find(|d| {
            !is_weekend(*d) && !holidays.contains_key(d) && !compensatory.contains_key(d)
        });
        if let Some(day) = next_free {
            compensatory.insert(day, holiday);
        }
    }
    let mut out: Vec<(NaiveDate, Kind)> = holidays
        .into_iter()
        .map(|(d, h)| (d, Kind::Holiday(h)))
        .chain(
            compensatory
                .into_iter()
                .map(|(d, h)| (d, Kind::Compensatory(h))),
        )
        .collect();
    out.sort_by_key(|(d, _)| *d);
    Some(out)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn announced(year: i32) -> Vec<(NaiveDate, Kind)> {
        table::ANNOUNCED
            .iter()
            .map(|&((y, m, day), k)| (d(y, m, day), k))
            .filter(|(date, _)| date.year() == year)
            .collect()
    }

    #[test]
    fn core_02_every_table_entry_is_a_valid_date_in_range_and_in_order() {
        let dates: Vec<NaiveDate> = table::ANNOUNCED
            .iter()
            .map(|&((y, m, day), _)| NaiveDate::from_ymd_opt(y, m, day).unwrap())
            .collect();
        assert!(
            dates.windows(2).all(|w| w[0] < w[1]),
            "sorted, no duplicates"
        );
        assert!(dates
            .iter()
            .all(|x| (FIRST_YEAR..=LAST_ANNOUNCED_YEAR).contains(&x.year())));
        for &(date, kind) in table::ANNOUNCED {
            let date = d(date.0, date.1, date.2);
            match kind {
                Kind::MakeUp(off) => {
                    assert_eq!(date.weekday(), Weekday::Sat, "{date}");
                    let off = d(off.0, off.1, off.2);
                    assert!(!is_weekend(off));
                    assert!(announced(off.year()).contains(&(
                        off,
                        Kind::SwappedOff((date.year(), date.month(), date.day()))
                    )));
                }
                Kind::Compensatory(_) | Kind::SwappedOff(_) => assert!(!is_weekend(date)),
                Kind::Holiday(_) => {}
            }
        }
    }

    /// The rule, run on the announced years, gives the announced schedule minus the swaps:
    /// this is the evidence for the Tết-block and National-Day defaults and for chaining.
    #[test]
    fn core_02_statutory_rule_reproduces_announced_years_without_swaps() {
        for year in FIRST_YEAR..=LAST_ANNOUNCED_YEAR {
            let expected: BTreeSet<(NaiveDate, Kind)> = announced(year)
                .into_iter()
                .filter(|(_, k)| matches!(k, Kind::Holiday(_) | Kind::Compensatory(_)))
                .collect();
            let rule: BTreeSet<(NaiveDate, Kind)> =
                statutory_year(year).unwrap().into_iter().collect();
            assert_eq!(rule, expected, "{year}");
        }
    }

    #[test]
    fn core_02_tet_block_default() {
        // Tết on a Tuesday (2029-02-13): the eve through mùng 4, Monday to Friday.
        assert_eq!(
            tet_block(2029).unwrap(),
            d(2029, 2, 12).iter_days().take(5).collect::<Vec<_>>()
        );
        // Tết on a Thursday (2031-01-23): two days before through mùng 3, Tue to Sat.
        assert_eq!(
            tet_block(2031).unwrap(),
            d(2031, 1, 21).iter_days().take(5).collect::<Vec<_>>()
        );
        assert_eq!(tet_block(lunar::MAX_YEAR + 1), None);
    }

    #[test]
    fn core_02_national_day_adjacent_day_by_weekday() {
        // One year for each weekday of 02/09; 2022–2027 announced, 2029 (Sunday) projected.
        let cases = [
            (2024, d(2024, 9, 3)), // Mon → Tue
            (2025, d(2025, 9, 1)), // Tue → Mon
            (2026, d(2026, 9, 1)), // Wed → Tue
            (2027, d(2027, 9, 3)), // Thu → Fri
            (2022, d(2022, 9, 1)), // Fri → Thu
            (2023, d(2023, 9, 1)), // Sat → Fri
            (2029, d(2029, 9, 3)), // Sun → Mon
        ];
        for (year, adjacent) in cases {
            assert_eq!(
                national_day_adjacent(d(year, 9, 2)),
                Some(adjacent),
                "{year}"
            );
            assert!(!is_weekend(adjacent));
        }
    }

    #[test]
    fn core_02_reasons_are_vietnamese_with_english() {
        assert_eq!(
            Kind::Holiday(Holiday::Tet).reason(),
            "Tết Nguyên Đán (Lunar New Year)"
        );
        assert_eq!(
            Kind::Compensatory(Holiday::HungKings).reason(),
            "Nghỉ bù Giỗ Tổ Hùng Vương (compensatory day)"
        );
        assert_eq!(
            Kind::SwappedOff((2026, 1, 10)).reason(),
            "Hoán đổi ngày làm việc, làm bù thứ Bảy 10/01/2026 (swapped day off)"
        );
        assert_eq!(
            Kind::MakeUp((2026, 1, 2)).reason(),
            "Làm bù cho ngày nghỉ 02/01/2026 (make-up working Saturday)"
        );
    }

    #[test]
    fn core_02_legal_bases() {
        assert_eq!(HOLIDAYS_BASIS.to_string(), "BLLĐ 2019 Đ112.1");
        assert_eq!(COMPENSATION_BASIS.to_string(), "BLLĐ 2019 Đ111.3");
    }
}
