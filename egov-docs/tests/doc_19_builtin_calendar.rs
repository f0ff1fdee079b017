//! DOC-19 with the built-in Vietnamese public-sector calendar: a document signed on the last
//! working day before Tết is due at 12:00 on the first working day after the Tết holiday.

use egov_core::{Outcome, VnDateTime, WorkingCalendar};
use egov_docs::deadline::{judge_send, send_deadline, SendDeadlinePolicy};

fn latest(signed: &str) -> String {
    let signed = VnDateTime::parse(signed).unwrap();
    send_deadline(
        signed,
        None,
        &WorkingCalendar::vietnam(),
        &SendDeadlinePolicy::default(),
    )
    .unwrap()
    .latest
    .to_string()
}

#[test]
fn doc_19_signed_before_tet_2026_is_due_the_first_working_day_after_it() {
    // Tết Bính Ngọ: Sat 14/02 – Sun 22/02/2026 off (VPCP 9859/VPCP-KGVX).
    assert_eq!(
        latest("2026-02-13T15:00:00+07:00"),
        "2026-02-23T12:00:00+07:00"
    );
}

#[test]
fn doc_19_signed_before_tet_2025_and_2024() {
    // Tết Ất Tỵ: Sat 25/01 – Sun 02/02/2025; the last working day before it is Fri 24/01.
    assert_eq!(
        latest("2025-01-24T17:45:00+07:00"),
        "2025-02-03T12:00:00+07:00"
    );
    // Tết Giáp Thìn: Thu 08/02 – Wed 14/02/2024; the last working day before it is Wed 07/02.
    assert_eq!(
        latest("2024-02-07T10:00:00+07:00"),
        "2024-02-15T12:00:00+07:00"
    );
}

#[test]
fn doc_19_friday_afternoon_without_holiday_is_due_monday_noon() {
    assert_eq!(
        latest("2026-03-06T16:00:00+07:00"),
        "2026-03-09T12:00:00+07:00"
    );
}

#[test]
fn doc_19_make_up_saturday_counts_as_the_next_working_day() {
    // Sat 10/01/2026 is a worked make-up day (VPCP 12729/VPCP-KGVX): Friday's document is due then.
    assert_eq!(
        latest("2026-01-09T16:00:00+07:00"),
        "2026-01-10T12:00:00+07:00"
    );
    let signed = VnDateTime::parse("2026-01-09T16:00:00+07:00").unwrap();
    let d = send_deadline(
        signed,
        None,
        &WorkingCalendar::vietnam(),
        &SendDeadlinePolicy::default(),
    )
    .unwrap();
    let monday = VnDateTime::parse("2026-01-12T08:00:00+07:00").unwrap();
    assert_eq!(judge_send(&d, monday).outcome, Outcome::Fail);
}
