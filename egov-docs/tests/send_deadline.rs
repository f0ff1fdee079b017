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
