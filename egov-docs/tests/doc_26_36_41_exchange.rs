//! DOC-26 (QĐ 28/2018 Đ8.2) sender-side delivery tracking, DOC-36 (Đ11) statistics by agency
//! hierarchy, DOC-41 (Đ15.1) quarters, CORE-08 (Đ1.2) state secrets out of scope.

use egov_core::classification::Classification;
use egov_core::{ErrorCode, Outcome, VnDateTime, WorkingCalendar};
use egov_docs::delivery::{DeliveryState, DeliveryTracker};
use egov_docs::metadata::{DocumentMetadata, MetadataPolicy};
use egov_docs::stats::{ExchangeRecord, ExchangeStats, Quarter, QuarterError};
use egov_docs::status::{ProcessingStatus, ReportedStatus, StatusEvent, StatusTracker};
use proptest::prelude::*;

const SEED_004: &str = include_str!("../../testdata/seeds/004_470975e342d407df.txt");

fn t(s: &str) -> VnDateTime {
    VnDateTime::parse(s).unwrap()
}

fn sent() -> DeliveryTracker {
    DeliveryTracker::new(
        "000.00.00.G22,2026/03/02,15/VPCP-TTĐT",
        t("2026-03-02T09:00:00+07:00"),
        ["000.00.00.H37", " 000.00.00.h26 ", "000.00.00.B04"],
    )
}

// ---------------------------------------------------------------------------------------------
// DOC-26
// ---------------------------------------------------------------------------------------------

#[test]
fn doc_26_the_seed_puts_tracking_on_the_sender() {
    assert!(SEED_004.contains(
        "Bên gửi có trách nhiệm kiểm tra, theo dõi, bảo đảm văn bản điện tử được gửi đến đúng Bên nhận"
    ));
}

#[test]
fn doc_26_confirmed_pending_and_refused_receivers() {
    let mut d = sent();
    assert!(d.record(
        "000.00.00.H37",
        ProcessingStatus::Arrived,
        t("2026-03-02T09:01:00+07:00")
    ));
    assert!(d.record(
        "000.00.00.H37",
        ProcessingStatus::Accepted,
        t("2026-03-02T09:30:00+07:00")
    ));
    assert!(d.record(
        "000.00.00.B04",
        ProcessingStatus::Rejected,
        t("2026-03-02T10:00:00+07:00")
    ));
    let f = d.check(t("2026-03-02T11:00:00+07:00"), None);
    let by: Vec<(Outcome, &str)> = f.iter().map(|f| (f.outcome, f.message.as_str())).collect();
    // Code order: B04, H26, H37.
    assert_eq!(f.len(), 3);
    assert_eq!(by[0].0, Outcome::Fail, "{by:?}");
    assert!(by[0].1.contains("refused"));
    assert!(f[0].message_vi.contains("từ chối nhận (trả lại)"));
    assert_eq!(by[1].0, Outcome::Unknown);
    assert_eq!(by[2].0, Outcome::Pass);
    assert!(f[2].message_vi.contains("đã tiếp nhận"));
    assert!(f
        .iter()
        .all(|f| f.rule == "DOC-26" && f.basis.article == 8 && f.basis.clause == Some(2)));
    let states = d.states(t("2026-03-02T11:00:00+07:00"), None);
    assert_eq!(
        states["000.00.00.B04"],
        DeliveryState::Refused {
            at: t("2026-03-02T10:00:00+07:00")
        }
    );
    assert_eq!(states["000.00.00.H26"], DeliveryState::Pending);
    assert_eq!(
        states["000.00.00.H37"],
        DeliveryState::Confirmed {
            status: ProcessingStatus::Accepted.into(),
            at: t("2026-03-02T09:30:00+07:00")
        }
    );
}

#[test]
fn doc_26_pending_past_the_expected_confirmation_fails() {
    let d = sent();
    let by = t("2026-03-03T09:00:00+07:00");
    let before = d.check(t("2026-03-02T17:00:00+07:00"), Some(by));
    assert!(before.iter().all(|f| f.outcome == Outcome::Unknown));
    let at_the_time = d.check(by, Some(by));
    assert!(at_the_time.iter().all(|f| f.outcome == Outcome::Unknown));
    let after = d.check(t("2026-03-03T09:00:01+07:00"), Some(by));
    assert!(after.iter().all(|f| f.outcome == Outcome::Fail));
    assert!(after[0]
        .message_vi
        .contains("Bên gửi cần kiểm tra, theo dõi"));
    assert_eq!(
        d.states(t("2026-03-03T09:00:01+07:00"), Some(by))["000.00.00.H37"],
        DeliveryState::Overdue { confirm_by: by }
    );
}

#[test]
fn doc_26_pending_deadline_in_working_days_skips_tet() {
    // Sent on Friday 13 February 2026, the last working day before Tết (14–22 February).
    let d = DeliveryTracker::new("doc", t("2026-02-13T15:00:00+07:00"), ["000.00.00.H37"]);
    let cal = WorkingCalendar::vietnam();
    let by = d.confirm_by_working_days(&cal, 1).unwrap();
    assert_eq!(by.to_string(), "2026-02-24T00:00:00+07:00");
    assert_eq!(
        d.confirm_by_working_days(&cal, 0).unwrap().to_string(),
        "2026-02-14T00:00:00+07:00"
    );
    let during_tet = d.check(t("2026-02-20T10:00:00+07:00"), Some(by));
    assert_eq!(during_tet[0].outcome, Outcome::Unknown);
    let after = d.check(t("2026-02-24T08:00:00+07:00"), Some(by));
    assert_eq!(after[0].outcome, Outcome::Fail);
    // An impossible count is a typed error, not a panic.
    assert!(d.confirm_by_working_days(&cal, u32::MAX).is_err());
}

#[test]
fn doc_26_a_status_from_an_agency_not_sent_to_is_kept_and_reported() {
    let mut d = sent();
    assert!(!d.record(
        "000.00.00.H01",
        ProcessingStatus::Arrived,
        t("2026-03-02T09:05:00+07:00")
    ));
    assert_eq!(d.unexpected["000.00.00.H01"].len(), 1);
    let f = d.check(t("2026-03-02T10:00:00+07:00"), None);
    assert_eq!(f.len(), 4);
    let w = f.last().unwrap();
    assert_eq!((w.rule.as_ref(), w.outcome), ("DOC-26", Outcome::Warning));
    assert!(w.message.contains("000.00.00.H01"));
    assert!(w.message_vi.contains("đúng Bên nhận"));
    // It is not a receiver, so it has no delivery state.
    assert!(!d
        .states(t("2026-03-02T10:00:00+07:00"), None)
        .contains_key("000.00.00.H01"));
}

#[test]
fn doc_26_receiver_codes_match_in_any_case_and_spacing() {
    let mut d = sent();
    assert!(d.record(
        "  000.00.00.h26",
        ProcessingStatus::Arrived,
        t("2026-03-02T09:02:00+07:00")
    ));
    assert!(d.receivers.contains_key("000.00.00.H26"));
    assert!(d.unexpected.is_empty());
}

#[test]
fn doc_26_recall_is_settled_and_cancellation_is_told_apart() {
    let mut d = sent();
    d.record(
        "000.00.00.H26",
        ProcessingStatus::Arrived,
        t("2026-03-02T09:05:00+07:00"),
    );
    d.record(
        "000.00.00.H26",
        ProcessingStatus::Recalled,
        t("2026-03-02T09:10:00+07:00"),
    );
    let f = d.check(t("2026-03-02T10:00:00+07:00"), None);
    assert_eq!(f[1].outcome, Outcome::Pass);
    assert!(f[1].message.contains("recalled"), "{f:#?}");
    assert!(f[1].message_vi.contains("chưa thông báo việc hủy bỏ"));
    d.record(
        "000.00.00.H26",
        ProcessingStatus::Deleted,
        t("2026-03-02T09:20:00+07:00"),
    );
    let states = d.states(t("2026-03-02T10:00:00+07:00"), None);
    assert_eq!(
        states["000.00.00.H26"],
        DeliveryState::Recalled {
            cancelled: true,
            at: t("2026-03-02T09:20:00+07:00")
        }
    );
}

#[test]
fn doc_26_the_latest_status_decides_whatever_the_order_recorded() {
    let mut d = sent();
    // A refusal, then the document sent again and accepted; recorded out of order.
    d.record(
        "000.00.00.B04",
        ProcessingStatus::Accepted,
        t("2026-03-02T11:00:00+07:00"),
    );
    d.record(
        "000.00.00.B04",
        ProcessingStatus::Rejected,
        t("2026-03-02T10:00:00+07:00"),
    );
    let f = d.check(t("2026-03-02T12:00:00+07:00"), None);
    assert_eq!(f[0].outcome, Outcome::Pass, "{f:#?}");
}

#[test]
fn doc_26_an_unlisted_status_still_confirms_arrival() {
    // Đ10.2.h ends its list with «...»: «lưu trữ» is a lawful answer from the receiver.
    let mut d = sent();
    let other = ReportedStatus::parse("lưu trữ").unwrap();
    assert!(d.record("000.00.00.H37", other, t("2026-03-02T09:30:00+07:00")));
    let f = d.check(t("2026-03-02T10:00:00+07:00"), None);
    assert_eq!(f[2].outcome, Outcome::Pass);
    assert!(f[2].message_vi.contains("«lưu trữ»"), "{}", f[2].message_vi);
}

#[test]
fn doc_26_statuses_dated_before_the_sending_are_flagged() {
    let mut d = sent();
    d.record(
        "000.00.00.H37",
        ProcessingStatus::Arrived,
        t("2026-03-02T08:00:00+07:00"),
    );
    let f = d.check(t("2026-03-02T10:00:00+07:00"), None);
    assert_eq!(f.len(), 4);
    let w = f.last().unwrap();
    assert_eq!(w.outcome, Outcome::Warning);
    assert!(w.message_vi.contains("trước khi văn bản được gửi"));
}

#[test]
fn doc_26_a_document_with_no_receiver_is_unknown() {
    let d = DeliveryTracker::new("doc", t("2026-03-02T09:00:00+07:00"), Vec::<String>::new());
    let f = d.check(t("2026-03-02T10:00:00+07:00"), None);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].rule.as_ref(), f[0].outcome),
        ("DOC-26", Outcome::Unknown)
    );
}

#[test]
fn doc_26_tracker_json_round_trip() {
    let mut d = sent();
    d.record(
        "000.00.00.H37",
        ProcessingStatus::InProgress,
        t("2026-03-02T09:30:00+07:00"),
    );
    d.record(
        "000.00.00.H01",
        ReportedStatus::parse("chờ ký số").unwrap(),
        t("2026-03-02T09:40:00+07:00"),
    );
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(
        json["receivers"]["000.00.00.H37"][0]["status"],
        "in_progress"
    );
    assert!(json.get("classification").is_none());
    let back: DeliveryTracker = serde_json::from_value(json).unwrap();
    assert_eq!(back, d);
    let states = serde_json::to_value(d.states(t("2026-03-02T10:00:00+07:00"), None)).unwrap();
    assert_eq!(states["000.00.00.H37"]["state"], "confirmed");
    assert_eq!(states["000.00.00.H26"]["state"], "pending");
}

#[test]
fn doc_26_a_tracker_read_from_unsorted_json_still_takes_the_latest_status() {
    let json = r#"{"document": "doc", "sent_at": "2026-03-02T09:00:00+07:00",
        "receivers": {"000.00.00.H37": [
            {"status": "accepted", "at": "2026-03-02T11:00:00+07:00"},
            {"status": "rejected", "at": "2026-03-02T10:00:00+07:00"}]}}"#;
    let d: DeliveryTracker = serde_json::from_str(json).unwrap();
    let f = d.check(t("2026-03-02T12:00:00+07:00"), None);
    assert_eq!(f[0].outcome, Outcome::Pass, "{f:#?}");
    let records = ExchangeRecord::from_delivery("000.00.00.G22", &d);
    assert_eq!(records[0].status, Some(ProcessingStatus::Accepted.into()));
}

// ---------------------------------------------------------------------------------------------
// DOC-36
// ---------------------------------------------------------------------------------------------

fn rec(sender: &str, receiver: &str, at: &str, status: Option<ProcessingStatus>) -> ExchangeRecord {
    let r = ExchangeRecord::new(sender, receiver, t(at));
    match status {
        Some(s) => r.with_status(s),
        None => r,
    }
}

#[test]
fn doc_36_statistics_roll_up_the_agency_hierarchy() {
    assert!(SEED_004.contains("được thực hiện tự động trên các hệ thống"));
    let records = [
        // A provincial department (level 3) to the Government Office.
        rec(
            "000.01.37.H37",
            "000.00.00.G22",
            "2026-01-05T09:00:00+07:00",
            Some(ProcessingStatus::Accepted),
        ),
        // A commune committee under a district (level 4) to the province.
        rec(
            "001.01.37.H37",
            "000.00.00.H37",
            "2026-02-05T09:00:00+07:00",
            None,
        ),
        // The Government Office to the province.
        rec(
            "000.00.00.G22",
            "000.00.00.H37",
            "2026-03-05T09:00:00+07:00",
            Some(ProcessingStatus::Completed),
        ),
        rec(
            "not a code",
            "000.00.00.H37",
            "2026-03-06T09:00:00+07:00",
            None,
        ),
        rec("000.00.00.G22", "H37", "2026-03-06T09:00:00+07:00", None),
    ];
    let s = ExchangeStats::aggregate(records.iter(), None);
    assert_eq!(s.records, 3);
    assert_eq!(s.excluded.get("bad_sender_code"), Some(&1));
    assert_eq!(s.excluded.get("bad_receiver_code"), Some(&1));
    assert_eq!(s.records + s.excluded_total(), records.len() as u64);
    assert_eq!(s.by_agency["000.01.37.H37"].sent, 1);
    assert_eq!(
        s.by_agency["000.01.37.H37"].sent_by_status.get("accepted"),
        Some(&1)
    );
    // The province holds its department's and commune's sending, and its own receiving.
    let p = &s.rolled_up["000.00.00.H37"];
    assert_eq!((p.sent, p.received), (2, 2));
    assert_eq!(p.received_by_status.get("none"), Some(&1));
    assert_eq!(p.received_by_status.get("completed"), Some(&1));
    assert_eq!(
        s.rolled_up["000.00.37.H37"].sent, 2,
        "the district-level group of both"
    );
    assert_eq!(s.rolled_up["000.01.37.H37"].sent, 2, "the district");
    // The Government Office: its own sending and receiving.
    let g = &s.rolled_up["000.00.00.G22"];
    assert_eq!((g.sent, g.received), (1, 1));
    let f = s.finding();
    assert_eq!((f.rule.as_ref(), f.outcome), ("DOC-36", Outcome::Warning));
    assert_eq!(f.basis.article, 11);
    assert!(f.message_vi.contains("3 lượt"));
    assert!(f
        .message_vi
        .contains("2 lượt có mã định danh cơ quan không hợp lệ"));
}

#[test]
fn doc_36_codes_are_read_leniently_and_keyed_canonically() {
    let records = [rec(
        " 000.01.37.h37",
        "000.00.00.g22 ",
        "2026-01-05T09:00:00+07:00",
        None,
    )];
    let s = ExchangeStats::aggregate(records.iter(), None);
    assert_eq!(s.records, 1);
    assert!(s.by_agency.contains_key("000.01.37.H37"));
    assert!(s.by_agency.contains_key("000.00.00.G22"));
}

#[test]
fn doc_36_records_from_status_tracker_histories() {
    let sent = t("2026-02-02T08:00:00+07:00");
    let mut tracker = StatusTracker::new("000.00.00.H37", t("2026-02-02T08:01:00+07:00"));
    tracker
        .record(StatusEvent::Accept, t("2026-02-02T08:30:00+07:00"))
        .unwrap();
    tracker
        .record(StatusEvent::Forward, t("2026-04-02T08:30:00+07:00"))
        .unwrap();
    let r = ExchangeRecord::from_tracker("000.00.00.G22", sent, &tracker);
    assert_eq!(r.status, Some(ProcessingStatus::Forwarded.into()));
    // For the first quarter, the status at the quarter's end.
    let q = Quarter::of(sent);
    let (_, end) = q.bounds().unwrap();
    let r = ExchangeRecord::from_tracker_before("000.00.00.G22", sent, &tracker, end);
    assert_eq!(r.status, Some(ProcessingStatus::Accepted.into()));
    let early = ExchangeRecord::from_tracker_before(
        "000.00.00.G22",
        sent,
        &tracker,
        t("2026-02-02T08:01:00+07:00"),
    );
    assert_eq!(early.status, None, "not arrived yet");
    let s = ExchangeStats::for_quarter([r].iter(), q);
    assert_eq!(
        s.by_agency["000.00.00.H37"]
            .received_by_status
            .get("accepted"),
        Some(&1)
    );
}

#[test]
fn doc_36_records_from_the_senders_delivery_tracker() {
    let mut d = sent();
    d.record(
        "000.00.00.H37",
        ProcessingStatus::Accepted,
        t("2026-03-02T09:30:00+07:00"),
    );
    d.record(
        "000.00.00.B04",
        ReportedStatus::parse("lưu trữ").unwrap(),
        t("2026-03-02T09:30:00+07:00"),
    );
    let records = ExchangeRecord::from_delivery("000.00.00.G22", &d);
    assert_eq!(records.len(), 3);
    let s = ExchangeStats::aggregate(records.iter(), None);
    let g = &s.by_agency["000.00.00.G22"];
    assert_eq!(g.sent, 3);
    assert_eq!(g.sent_by_status.get("accepted"), Some(&1));
    assert_eq!(g.sent_by_status.get("other"), Some(&1));
    assert_eq!(g.sent_by_status.get("none"), Some(&1));
}

#[test]
fn doc_36_statistics_are_deterministic_json() {
    let records = [
        rec(
            "000.00.00.H37",
            "000.00.00.G22",
            "2026-01-05T09:00:00+07:00",
            None,
        ),
        rec(
            "000.00.00.B04",
            "000.00.00.G22",
            "2026-01-05T09:00:00+07:00",
            Some(ProcessingStatus::Accepted),
        ),
    ];
    let mut reversed = records.clone();
    reversed.reverse();
    let a = serde_json::to_string(&ExchangeStats::aggregate(records.iter(), None)).unwrap();
    let b = serde_json::to_string(&ExchangeStats::aggregate(reversed.iter(), None)).unwrap();
    assert_eq!(a, b);
    let back: ExchangeStats = serde_json::from_str(&a).unwrap();
    assert_eq!(serde_json::to_string(&back).unwrap(), a);
    let json: serde_json::Value = serde_json::from_str(&a).unwrap();
    let keys: Vec<&String> = json["by_agency"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["000.00.00.B04", "000.00.00.G22", "000.00.00.H37"]);
}

// ---------------------------------------------------------------------------------------------
// DOC-41
// ---------------------------------------------------------------------------------------------

#[test]
fn doc_41_quarters_in_vietnam_time_and_events_outside_are_counted() {
    assert!(SEED_004.contains("hàng quý chịu trách nhiệm tổng hợp"));
    // 31 December 17:30 UTC is 00:30 on 1 January in Vietnam: Q1 of the new year.
    assert_eq!(
        Quarter::of(t("2025-12-31T17:30:00Z")),
        Quarter::new(2026, 1).unwrap()
    );
    assert_eq!(
        Quarter::of(t("2025-12-31T16:59:59Z")),
        Quarter::new(2025, 4).unwrap()
    );
    assert_eq!(
        Quarter::of(t("2025-12-31T17:00:00Z")),
        Quarter::new(2026, 1).unwrap()
    );
    let (start, end) = Quarter::new(2025, 4).unwrap().bounds().unwrap();
    assert_eq!(start.to_string(), "2025-10-01T00:00:00+07:00");
    assert_eq!(end.to_string(), "2026-01-01T00:00:00+07:00");
    assert_eq!(end.to_utc().to_rfc3339(), "2025-12-31T17:00:00+00:00");
    let records = [
        rec(
            "000.00.00.G22",
            "000.00.00.H37",
            "2026-03-31T23:59:59+07:00",
            None,
        ),
        rec(
            "000.00.00.G22",
            "000.00.00.H37",
            "2026-04-01T00:00:00+07:00",
            None,
        ),
        // 31 March 17:30 UTC is already 1 April in Vietnam.
        rec(
            "000.00.00.G22",
            "000.00.00.H37",
            "2026-03-31T17:30:00Z",
            None,
        ),
        rec(
            "000.00.00.G22",
            "000.00.00.H37",
            "2025-12-31T23:59:59+07:00",
            None,
        ),
    ];
    let q1 = Quarter::new(2026, 1).unwrap();
    let s = ExchangeStats::for_quarter(records.iter(), q1);
    assert_eq!(s.records, 1);
    assert_eq!(s.excluded.get("outside_quarter"), Some(&3));
    assert_eq!(s.records + s.excluded_total(), records.len() as u64);
    let f = s.finding();
    assert_eq!((f.rule.as_ref(), f.outcome), ("DOC-41", Outcome::Pass));
    assert_eq!((f.basis.article, f.basis.clause), (15, Some(1)));
    assert!(f.message_vi.contains("quý 1 năm 2026"));
    assert!(f.message_vi.contains("3 lượt gửi ngoài kỳ"));
    let ev = f.evidence.unwrap();
    assert_eq!(ev["period"]["start"], "2026-01-01T00:00:00+07:00");
    assert_eq!(ev["period"]["end"], "2026-04-01T00:00:00+07:00");
    assert_eq!(serde_json::to_value(&s).unwrap()["quarter"]["quarter"], 1);
}

#[test]
fn doc_41_quarter_values_are_checked_and_step_across_the_year() {
    let e = Quarter::new(2026, 5).unwrap_err();
    assert_eq!(e, QuarterError::OutOfRange { quarter: 5 });
    assert_eq!(e.code(), "stats.quarter_out_of_range");
    assert!(e.message_vi().contains("từ 1 đến 4"));
    assert!(Quarter::new(2026, 0).is_err());
    assert_eq!(
        Quarter::new(i32::MAX, 4).unwrap_err().code(),
        "stats.year_out_of_range"
    );
    assert!(serde_json::from_str::<Quarter>(r#"{"year": 2026, "quarter": 5}"#).is_err());
    let q: Quarter = serde_json::from_str(r#"{"year": 2026, "quarter": 4}"#).unwrap();
    assert_eq!(q.to_string(), "Q4/2026");
    assert_eq!(q.name_vi(), "quý 4 năm 2026");
    assert_eq!(q.next(), Some(Quarter::new(2027, 1).unwrap()));
    assert_eq!(q.next().unwrap().previous(), Some(q));
    assert_eq!(
        Quarter::new(2026, 1).unwrap().previous(),
        Some(Quarter::new(2025, 4).unwrap())
    );
    // A literal outside 1–4 has no bounds and contains nothing; it never panics.
    let bad = Quarter {
        year: 2026,
        quarter: 9,
    };
    assert!(bad.bounds().is_none());
    assert!(bad.next().is_none() && bad.previous().is_none());
    let s = ExchangeStats::for_quarter(
        [rec(
            "000.00.00.G22",
            "000.00.00.H37",
            "2026-03-01T00:00:00+07:00",
            None,
        )]
        .iter(),
        bad,
    );
    assert_eq!(s.excluded.get("outside_quarter"), Some(&1));
}

// ---------------------------------------------------------------------------------------------
// CORE-08
// ---------------------------------------------------------------------------------------------

#[test]
fn core_08_a_state_secret_record_is_outside_qd28_and_not_judged() {
    let empty = DocumentMetadata::default();
    let judged = empty.validate(&MetadataPolicy::default());
    assert!(!judged.is_compliant(), "an empty record fails DOC-10");
    let secret: DocumentMetadata =
        serde_json::from_str(r#"{"classification": "state_secret"}"#).unwrap();
    assert_eq!(secret.classification, Classification::StateSecret);
    let r = secret.validate(&MetadataPolicy::default());
    assert_eq!(r.findings.len(), 1);
    assert_eq!(r.findings[0].rule, "CORE-08");
    assert_eq!(r.findings[0].outcome, Outcome::Warning);
    assert_eq!(
        (r.findings[0].basis.article, r.findings[0].basis.clause),
        (1, Some(2))
    );
    // The default stays out of the JSON (records written before keep their form).
    assert!(!serde_json::to_string(&empty)
        .unwrap()
        .contains("classification"));
}

#[test]
fn core_08_a_state_secret_document_is_not_tracked_under_qd28() {
    let mut d = sent().with_classification(Classification::StateSecret);
    d.record(
        "000.00.00.B04",
        ProcessingStatus::Rejected,
        t("2026-03-02T10:00:00+07:00"),
    );
    let f = d.check(
        t("2026-03-09T10:00:00+07:00"),
        Some(t("2026-03-03T00:00:00+07:00")),
    );
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].rule.as_ref(), f[0].outcome),
        ("CORE-08", Outcome::Warning)
    );
    assert!(f[0].message_vi.contains("bí mật nhà nước"));
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(json["classification"], "state_secret");
    assert_eq!(serde_json::from_value::<DeliveryTracker>(json).unwrap(), d);
}

#[test]
fn core_08_state_secret_records_are_excluded_from_statistics() {
    let records = [
        rec(
            "000.00.00.G22",
            "000.00.00.H37",
            "2026-01-05T09:00:00+07:00",
            None,
        ),
        rec(
            "000.00.00.G22",
            "000.00.00.H37",
            "2026-01-06T09:00:00+07:00",
            None,
        )
        .with_classification(Classification::StateSecret),
    ];
    let s = ExchangeStats::aggregate(records.iter(), None);
    assert_eq!(s.records, 1);
    assert_eq!(s.excluded.get("state_secret"), Some(&1));
    assert!(s
        .finding()
        .message_vi
        .contains("1 lượt có nội dung thuộc bí mật nhà nước"));
    // From a state-secret delivery tracker, every record carries the classification.
    let d = sent().with_classification(Classification::StateSecret);
    let from = ExchangeRecord::from_delivery("000.00.00.G22", &d);
    let s = ExchangeStats::aggregate(from.iter(), None);
    assert_eq!((s.records, s.excluded.get("state_secret")), (0, Some(&3)));
    // JSON without the field means unclassified.
    let r: ExchangeRecord = serde_json::from_str(
        r#"{"sender": "000.00.00.G22", "receiver": "000.00.00.H37", "sent_at": "2026-01-05T09:00:00+07:00"}"#,
    )
    .unwrap();
    assert_eq!(r.classification, Classification::Unclassified);
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

fn any_status() -> impl Strategy<Value = Option<ProcessingStatus>> {
    proptest::option::of(proptest::sample::select(ProcessingStatus::ALL.to_vec()))
}

proptest! {
    #[test]
    fn doc_36_totals_add_up(
        n in proptest::collection::vec((0u8..5, 0u8..5, -40i64..400, any_status(), any::<bool>()), 0..60),
        quarterly in any::<bool>(),
    ) {
        let codes = ["000.00.00.G22", "000.00.00.H37", "000.01.37.H37", "001.01.37.H37", "bad"];
        let records: Vec<ExchangeRecord> = n.iter().map(|&(a, b, d, st, secret)| {
            let r = ExchangeRecord::new(
                codes[a as usize],
                codes[b as usize],
                VnDateTime::from_unix_seconds(1_767_200_000 + d * 86_400).unwrap(),
            );
            let r = match st { Some(s) => r.with_status(s), None => r };
            if secret { r.with_classification(Classification::StateSecret) } else { r }
        }).collect();
        let q = quarterly.then(|| Quarter::new(2026, 1).unwrap());
        let s = ExchangeStats::aggregate(records.iter(), q);
        // Every record is counted or excluded, exactly once.
        prop_assert_eq!(s.records + s.excluded_total(), records.len() as u64);
        let sent: u64 = s.by_agency.values().map(|c| c.sent).sum();
        let received: u64 = s.by_agency.values().map(|c| c.received).sum();
        prop_assert_eq!(sent, s.records);
        prop_assert_eq!(received, s.records);
        for c in s.by_agency.values().chain(s.rolled_up.values()) {
            prop_assert_eq!(c.sent_by_status.values().sum::<u64>(), c.sent);
            prop_assert_eq!(c.received_by_status.values().sum::<u64>(), c.received);
        }
        // The level-1 roots hold everything once.
        let roots = s.rolled_up.iter().filter(|(k, _)| k.starts_with("000.00.00."));
        let (root_sent, root_received) = roots.fold((0, 0), |(a, b), (_, c)| (a + c.sent, b + c.received));
        prop_assert_eq!((root_sent, root_received), (s.records, s.records));
        // A parent holds at least what each child holds.
        for (code, c) in &s.rolled_up {
            let parsed = egov_docs::agency::AgencyCode::parse(code).unwrap();
            if let Some(p) = parsed.parent() {
                let pc = &s.rolled_up[&p.to_string()];
                prop_assert!(pc.sent >= c.sent && pc.received >= c.received);
            }
        }
    }

    #[test]
    fn doc_26_one_finding_per_receiver_and_no_panic(
        receivers in proptest::collection::vec("\\PC{0,16}", 0..6),
        reports in proptest::collection::vec(("\\PC{0,16}", any_status(), -7_200i64..7_200), 0..12),
        now_offset in -7_200i64..86_400,
        deadline in proptest::option::of(0i64..86_400),
    ) {
        let base = 1_772_416_800; // 2026-03-02T09:00:00+07:00
        let at = |d: i64| VnDateTime::from_unix_seconds(base + d).unwrap();
        let mut d = DeliveryTracker::new("doc", at(0), &receivers);
        let mut expected = 0;
        for (from, st, off) in &reports {
            let status = st.unwrap_or(ProcessingStatus::Arrived);
            if d.record(from, status, at(*off)) { expected += 1; }
        }
        prop_assert_eq!(d.receivers.values().map(Vec::len).sum::<usize>(), expected);
        prop_assert_eq!(
            d.unexpected.values().map(Vec::len).sum::<usize>(),
            reports.len() - expected
        );
        let f = d.check(at(now_offset), deadline.map(at));
        let per_receiver = f.iter().filter(|f| f.evidence.as_ref().is_some_and(|e| e.get("delivery").is_some())).count();
        prop_assert_eq!(per_receiver, d.receivers.len());
        prop_assert!(f.iter().all(|f| f.rule == "DOC-26"));
        let json = serde_json::to_string(&d).unwrap();
        prop_assert_eq!(serde_json::from_str::<DeliveryTracker>(&json).unwrap(), d);
    }
}
