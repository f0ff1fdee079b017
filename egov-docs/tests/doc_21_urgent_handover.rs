//! DOC-21, receive side (QĐ 28/2018/QĐ-TTg Đ6.2): an urgent e-document «phải được trình, chuyển
//! giao xử lý ngay sau khi tiếp nhận».

use chrono::TimeDelta;
use egov_core::{ErrorCode, Outcome, VnDateTime};
use egov_docs::handover::{
    judge_tracker_handover, judge_urgent_handover, HandoverError, HandoverPolicy,
};
use egov_docs::status::{StatusEvent, StatusTracker};
use egov_docs::urgency::Urgency;
use proptest::prelude::*;

fn t(h: u32, m: u32, s: u32) -> VnDateTime {
    VnDateTime::from_ymd_hms(2026, 3, 2, h, m, s).unwrap()
}

fn tolerance(minutes: i64) -> HandoverPolicy {
    HandoverPolicy {
        tolerance: TimeDelta::minutes(minutes),
    }
}

#[test]
fn doc_21_default_reads_ngay_as_at_once_and_reports_minutes_late() {
    let policy = HandoverPolicy::default();
    assert_eq!(policy.tolerance, TimeDelta::zero());
    let on_time = judge_urgent_handover(
        Urgency::Khan,
        t(8, 0, 0),
        Some(t(8, 0, 0)),
        t(9, 0, 0),
        &policy,
    )
    .unwrap();
    assert_eq!(on_time.outcome, Outcome::Pass);
    assert_eq!(on_time.rule, "DOC-21");
    assert_eq!(on_time.basis.to_string(), "QĐ 28/2018/QĐ-TTg Đ6.2");
    assert!(on_time.message_vi.contains("trình, chuyển giao xử lý"));

    let late = judge_urgent_handover(
        Urgency::Khan,
        t(8, 0, 0),
        Some(t(8, 0, 1)),
        t(9, 0, 0),
        &policy,
    )
    .unwrap();
    assert_eq!(late.outcome, Outcome::Fail);
    let ev = late.evidence.unwrap();
    assert_eq!(ev["late_by_seconds"], 1);
    assert_eq!(ev["late_by_minutes"], 1, "minutes are rounded up");
    assert!(ev["sdk_defaults"].as_str().unwrap().contains("A-07"));
}

#[test]
fn doc_21_tolerance_is_the_callers_and_inclusive() {
    let policy = tolerance(10);
    let f = judge_urgent_handover(
        Urgency::ThuongKhan,
        t(8, 0, 0),
        Some(t(8, 10, 0)),
        t(9, 0, 0),
        &policy,
    )
    .unwrap();
    assert_eq!(f.outcome, Outcome::Pass);
    let f = judge_urgent_handover(
        Urgency::ThuongKhan,
        t(8, 0, 0),
        Some(t(8, 12, 30)),
        t(9, 0, 0),
        &policy,
    )
    .unwrap();
    assert_eq!(f.outcome, Outcome::Fail);
    assert_eq!(f.evidence.unwrap()["late_by_minutes"], 3);
    assert!(f.message_vi.contains("Thượng khẩn"));
}

#[test]
fn doc_21_not_yet_handed_over_is_unknown_before_the_deadline_and_fails_after() {
    let policy = tolerance(30);
    let pending =
        judge_urgent_handover(Urgency::HoaToc, t(8, 0, 0), None, t(8, 20, 0), &policy).unwrap();
    assert_eq!(pending.outcome, Outcome::Unknown);
    assert!(pending.message_vi.contains("chưa đến hạn"));
    let overdue =
        judge_urgent_handover(Urgency::HoaToc, t(8, 0, 0), None, t(9, 0, 0), &policy).unwrap();
    assert_eq!(overdue.outcome, Outcome::Fail);
    assert_eq!(overdue.evidence.unwrap()["late_by_minutes"], 30);
}

#[test]
fn doc_21_inconsistent_times_and_negative_tolerance_are_typed_errors() {
    let policy = HandoverPolicy::default();
    let err = judge_urgent_handover(
        Urgency::Khan,
        t(8, 0, 0),
        Some(t(7, 59, 0)),
        t(9, 0, 0),
        &policy,
    )
    .unwrap_err();
    assert!(matches!(err, HandoverError::BeforeAcceptance { .. }));
    assert_eq!(err.code(), "handover.before_acceptance");
    assert!(err.message_vi().contains("sớm hơn thời điểm tiếp nhận"));

    let err =
        judge_urgent_handover(Urgency::Khan, t(8, 0, 0), None, t(7, 0, 0), &policy).unwrap_err();
    assert_eq!(err.code(), "handover.as_of_before_acceptance");

    let err = judge_urgent_handover(Urgency::Khan, t(8, 0, 0), None, t(9, 0, 0), &tolerance(-1))
        .unwrap_err();
    assert_eq!(err.code(), "handover.negative_tolerance");
    assert!(err.to_string().contains("A-07"));
}

#[test]
fn doc_21_policy_json_is_whole_seconds_with_default() {
    let p: HandoverPolicy = serde_json::from_str(r#"{"tolerance_seconds": 300}"#).unwrap();
    assert_eq!(p.tolerance, TimeDelta::minutes(5));
    let p: HandoverPolicy = serde_json::from_str("{}").unwrap();
    assert_eq!(p, HandoverPolicy::default());
    assert_eq!(
        serde_json::to_value(tolerance(1)).unwrap(),
        serde_json::json!({"tolerance_seconds": 60})
    );
}

#[test]
fn doc_21_tracker_handover_is_the_first_forward_or_start_after_acceptance() {
    let mut tracker = StatusTracker::new("000.00.00.H41", t(8, 0, 0));
    tracker.record(StatusEvent::Accept, t(8, 5, 0)).unwrap();
    // Not urgent: Đ6.2 sets no handover deadline (DOC-20 asks for prompt processing only).
    assert_eq!(
        judge_tracker_handover(&tracker, None, t(12, 0, 0), &HandoverPolicy::default()).unwrap(),
        None
    );
    // Urgent and still only taken in: overdue from the time taken in, not the time it arrived.
    let f = judge_tracker_handover(&tracker, Some(Urgency::Khan), t(8, 15, 0), &tolerance(5))
        .unwrap()
        .unwrap();
    assert_eq!(f.outcome, Outcome::Fail);
    assert_eq!(f.evidence.as_ref().unwrap()["late_by_minutes"], 5);

    tracker.record(StatusEvent::Forward, t(8, 9, 0)).unwrap();
    let f = judge_tracker_handover(&tracker, Some(Urgency::Khan), t(12, 0, 0), &tolerance(5))
        .unwrap()
        .unwrap();
    assert_eq!(f.outcome, Outcome::Pass);
    assert_eq!(
        f.evidence.unwrap()["handed_over_at"],
        serde_json::json!(t(8, 9, 0))
    );
}

#[test]
fn doc_21_a_document_refused_on_receipt_has_no_handover_duty() {
    let mut tracker = StatusTracker::new("000.00.00.H41", t(8, 0, 0));
    tracker
        .record(
            StatusEvent::Reject {
                reason: "Thiếu chữ ký số".into(),
            },
            t(8, 1, 0),
        )
        .unwrap();
    assert_eq!(
        judge_tracker_handover(
            &tracker,
            Some(Urgency::HoaToc),
            t(12, 0, 0),
            &HandoverPolicy::default()
        )
        .unwrap(),
        None
    );
}

#[test]
fn doc_21_quote_is_the_seed_text() {
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../testdata/seeds/004_470975e342d407df.txt"
    ))
    .unwrap();
    assert!(seed.contains("phải được trình, chuyển giao xử lý ngay sau khi tiếp nhận"));
}

proptest! {
    /// Pass exactly when the handover is within the tolerance; late otherwise, by the right
    /// number of seconds; never a panic.
    #[test]
    fn doc_21_pass_iff_within_tolerance(after in 0i64..100_000, tol in 0i64..50_000) {
        let accepted = t(8, 0, 0);
        let handed = accepted.checked_add(TimeDelta::seconds(after)).unwrap();
        let policy = HandoverPolicy { tolerance: TimeDelta::seconds(tol) };
        let f = judge_urgent_handover(Urgency::Khan, accepted, Some(handed), handed, &policy).unwrap();
        if after <= tol {
            prop_assert_eq!(f.outcome, Outcome::Pass);
        } else {
            prop_assert_eq!(f.outcome, Outcome::Fail);
            prop_assert_eq!(f.evidence.unwrap()["late_by_seconds"].as_i64(), Some(after - tol));
        }
    }
}
