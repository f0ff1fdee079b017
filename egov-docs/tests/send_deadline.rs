//! Send deadlines on hand-built calendars (DOC-19, DOC-21; QĐ 28/2018/QĐ-TTg Đ6.2; REQUIREMENTS
//! §9 deadline cases). Calendars are built explicitly so these tests do not depend on the
//! built-in holiday table.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use egov_core::{Outcome, VnDateTime, WorkingCalendar};
use egov_docs::deadline::{judge_send, send_deadline, SendDeadlinePolicy, SendTiming};
use egov_docs::urgency::Urgency;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn t(y: i32, m: u32, day: u32, h: u32, mi: u32) -> VnDateTime {
    VnDateTime::from_ymd_hms(y, m, day, h, mi, 0).unwrap()
}

/// Tết Bính Ngọ 2026 as a caller would enter it: Mon 16/02 – Fri 20/02/2026 off.
fn tet_2026() -> WorkingCalendar {
    let mut cal = WorkingCalendar::weekends_only();
    cal.name = "test: Tết 2026 by hand".to_owned();
    for day in d(2026, 2, 16).iter_days().take(5) {
        cal.add_day_off(day, "Tết Nguyên Đán 2026");
    }
    cal
}

#[test]
fn doc_19_friday_afternoon_is_due_monday_noon() {
    let cal = WorkingCalendar::weekends_only();
    let dl = send_deadline(
        t(2026, 3, 6, 16, 0),
        None,
        &cal,
        &SendDeadlinePolicy::default(),
    )
    .unwrap();
    assert_eq!(dl.next_working_day, d(2026, 3, 9));
    assert_eq!(dl.latest, t(2026, 3, 9, 12, 0));
}

#[test]
fn doc_19_signed_before_tet_is_due_the_first_working_day_after_it() {
    let cal = tet_2026();
    let dl = send_deadline(
        t(2026, 2, 13, 15, 0),
        None,
        &cal,
        &SendDeadlinePolicy::default(),
    )
    .unwrap();
    assert_eq!(dl.latest, t(2026, 2, 23, 12, 0));
    assert_eq!(dl.latest.to_string(), "2026-02-23T12:00:00+07:00");
    assert_eq!(dl.calendar, "test: Tết 2026 by hand");

    // Sent during the holiday: lawful, but not on the signing day.
    assert_eq!(
        judge_send(&dl, t(2026, 2, 17, 9, 0)).outcome,
        Outcome::Warning
    );
    assert_eq!(
        judge_send(&dl, t(2026, 2, 23, 11, 59)).outcome,
        Outcome::Warning
    );
    let late = judge_send(&dl, t(2026, 2, 23, 14, 0));
    assert_eq!(late.outcome, Outcome::Fail);
    assert_eq!(
        dl.timing(t(2026, 2, 23, 14, 0)),
        SendTiming::Late {
            by_seconds: 7200,
            by_minutes: 120
        }
    );
    assert_eq!(late.rule, "DOC-19");
    assert!(late.message.contains(", 2 h after"), "{}", late.message);
    assert!(
        late.message_vi.contains(", chậm 2 giờ so với"),
        "{}",
        late.message_vi
    );
}

#[test]
fn doc_19_signed_during_tet_is_due_after_it() {
    let dl = send_deadline(
        t(2026, 2, 18, 10, 0),
        None,
        &tet_2026(),
        &SendDeadlinePolicy::default(),
    )
    .unwrap();
    assert_eq!(dl.latest, t(2026, 2, 23, 12, 0));
}

#[test]
fn doc_21_urgent_before_tet_is_still_due_immediately() {
    let signed = t(2026, 2, 13, 15, 0);
    let dl = send_deadline(
        signed,
        Some(Urgency::ThuongKhan),
        &tet_2026(),
        &SendDeadlinePolicy::default(),
    )
    .unwrap();
    assert_eq!(dl.binding(), signed);
    let f = judge_send(&dl, t(2026, 2, 13, 15, 1));
    assert_eq!(f.outcome, Outcome::Fail);
    assert_eq!(f.rule, "DOC-21");
    assert!(f.message_vi.contains("Thượng khẩn"), "{}", f.message_vi);
}

#[test]
fn doc_19_finding_json_is_the_cli_contract() {
    let dl = send_deadline(
        t(2026, 3, 6, 16, 0),
        None,
        &WorkingCalendar::weekends_only(),
        &SendDeadlinePolicy::default(),
    )
    .unwrap();
    let json = serde_json::to_value(judge_send(&dl, t(2026, 3, 6, 17, 0))).unwrap();
    assert_eq!(json["rule"], "DOC-19");
    assert_eq!(json["outcome"], "pass");
    assert_eq!(json["basis"]["article"], 6);
    assert_eq!(json["basis"]["clause"], 2);
    assert_eq!(json["evidence"]["timing"]["kind"], "same_day");
    assert_eq!(
        json["evidence"]["deadline"]["policy"]["morning_end"],
        "12:00:00"
    );
    let back: egov_docs::deadline::SendDeadline =
        serde_json::from_value(json["evidence"]["deadline"].clone()).unwrap();
    assert_eq!(back, dl);
}

/// A deadline says how certain its calendar is over the days it depends on (DOC-19 on CORE-02):
/// a document signed on the last day of 2027 (partly announced) is due in 2028, whose schedule
/// is only the statutory projection, so the deadline is provisional; one signed in 2026 is not.
#[test]
fn doc_19_deadline_in_a_projected_year_says_so() {
    use egov_core::YearSchedule;
    let cal = WorkingCalendar::vietnam();
    let policy = SendDeadlinePolicy::default();
    let announced = send_deadline(t(2026, 3, 6, 16, 0), None, &cal, &policy).unwrap();
    assert_eq!(announced.calendar_schedule, YearSchedule::Announced);
    let partly = send_deadline(t(2027, 4, 29, 16, 0), None, &cal, &policy).unwrap();
    assert_eq!(partly.calendar_schedule, YearSchedule::PartlyAnnounced);
    let across = send_deadline(t(2027, 12, 31, 16, 0), None, &cal, &policy).unwrap();
    // New Year 2028 is a Saturday: the projection gives Monday 03/01 off (BLLĐ 2019 Đ111.3).
    assert_eq!(across.next_working_day, d(2028, 1, 4));
    assert_eq!(across.calendar_schedule, YearSchedule::Projected);
    assert!(across.calendar_covers);
    let json = serde_json::to_value(&across).unwrap();
    assert_eq!(json["calendar_schedule"], "projected");
    // A judgement that rests on the projected 04/01/2028 says it may move; one that does not
    // rest on the calendar (sent the same day) says nothing of it.
    let late = judge_send(&across, t(2028, 1, 4, 14, 0));
    assert_eq!(late.outcome, Outcome::Fail);
    assert!(
        late.message_vi
            .ends_with("Lịch nghỉ năm 2028 chưa được công bố: hạn này tính theo Bộ luật Lao động 2019 và có thể thay đổi khi lịch được công bố."),
        "{}",
        late.message_vi
    );
    assert!(late
        .message
        .contains("The 2028 holiday schedule is not announced yet"));
    let warned = judge_send(&partly, t(2027, 5, 4, 9, 0));
    assert_eq!(warned.outcome, Outcome::Warning);
    assert!(warned
        .message_vi
        .contains("Lịch nghỉ năm 2027 mới được công bố một phần"));
    let same_day = judge_send(&across, t(2027, 12, 31, 17, 0));
    assert_eq!(same_day.outcome, Outcome::Pass);
    assert!(!same_day.message.contains("holiday schedule"));
    let announced_late = judge_send(&announced, t(2026, 3, 9, 14, 0));
    assert!(!announced_late.message.contains("holiday schedule"));
    // `judgement_is_provisional` says which judgements carry the sentence.
    assert!(across.judgement_is_provisional(t(2028, 1, 4, 14, 0)));
    assert!(partly.judgement_is_provisional(t(2027, 5, 4, 9, 0)));
    assert!(!across.judgement_is_provisional(t(2027, 12, 31, 17, 0)));
    assert!(!announced.judgement_is_provisional(t(2026, 3, 9, 14, 0)));
    // A hand-built calendar with no coverage declared covers nothing.
    let own = send_deadline(t(2026, 3, 6, 16, 0), None, &tet_2026(), &policy).unwrap();
    assert_eq!(own.calendar_schedule, YearSchedule::NotCovered);
}
