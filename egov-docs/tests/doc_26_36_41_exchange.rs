//! DOC-26 (QĐ 28/2018 Đ8.2) sender-side delivery tracking, DOC-36 (Đ11) statistics by agency
//! hierarchy, DOC-41 (Đ15.1) quarters, CORE-08 (Đ1.2) state secrets out of scope.

use egov_core::classification::Classification;
use egov_core::{Outcome, VnDateTime};
use egov_docs::delivery::DeliveryTracker;
use egov_docs::metadata::{DocumentMetadata, MetadataPolicy};
use egov_docs::stats::{ExchangeRecord, ExchangeStats, Quarter};
use egov_docs::status::ProcessingStatus;
use proptest::prelude::*;

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
    assert_eq!(by[0].0, Outcome::Fail, "{by:?}");
    assert!(by[0].1.contains("refused"));
    assert_eq!(by[1].0, Outcome::Unknown);
    assert_eq!(by[2].0, Outcome::Pass);
    assert!(f[2].message_vi.contains("đã tiếp nhận"));
    assert!(f.iter().all(|f| f.rule == "DOC-26" && f.basis.article == 8));
}

#[test]
fn doc_26_pending_past_the_expected_confirmation_fails() {
    let d = sent();
    let by = t("2026-03-03T09:00:00+07:00");
    let before = d.check(t("2026-03-02T17:00:00+07:00"), Some(by));
    assert!(before.iter().all(|f| f.outcome == Outcome::Unknown));
    let after = d.check(t("2026-03-03T09:00:01+07:00"), Some(by));
    assert!(after.iter().all(|f| f.outcome == Outcome::Fail));
    assert!(after[0]
        .message_vi
        .contains("Bên gửi cần kiểm tra, theo dõi"));
}

#[test]
fn doc_26_a_status_from_an_agency_not_sent_to_is_kept_and_reported() {
    let mut d = sent();
    assert!(!d.record(
        "000.00.00.H01",
        ProcessingStatus::Arrived,
        t("2026-03-02T09:05:00+07:00")
    ));
    let f = d.check(t("2026-03-02T10:00:00+07:00"), None);
    assert_eq!(f.len(), 4);
    let w = f.last().unwrap();
    assert_eq!(w.outcome, Outcome::Warning);
    assert!(w.message.contains("000.00.00.H01"));
    // And a recall by the sender counts as settled.
    d.record(
        "000.00.00.H26",
        ProcessingStatus::Recalled,
        t("2026-03-02T09:10:00+07:00"),
    );
    let f = d.check(t("2026-03-02T10:00:00+07:00"), None);
    assert!(f[1].message.contains("recalled"), "{f:#?}");
}

fn rec(sender: &str, receiver: &str, at: &str, status: Option<ProcessingStatus>) -> ExchangeRecord {
    ExchangeRecord {
        sender: sender.into(),
        receiver: receiver.into(),
        sent_at: t(at),
        status,
    }
}

#[test]
fn doc_36_statistics_roll_up_the_agency_hierarchy() {
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
    ];
    let s = ExchangeStats::aggregate(records.iter(), None);
    assert_eq!(s.records, 3);
    assert_eq!(s.excluded.get("bad_sender_code"), Some(&1));
    assert_eq!(s.by_agency["000.01.37.H37"].sent, 1);
    // The province holds its department's and commune's sending, and its own receiving.
    let p = &s.rolled_up["000.00.00.H37"];
    assert_eq!((p.sent, p.received), (2, 2));
    assert_eq!(p.received_by_status.get("none"), Some(&1));
    assert_eq!(p.received_by_status.get("completed"), Some(&1));
    assert_eq!(
        s.rolled_up["000.00.37.H37"].sent, 2,
        "the district-level group of both"
    );
    let f = s.finding();
    assert_eq!((f.rule.as_ref(), f.outcome), ("DOC-36", Outcome::Warning));
    assert!(f.message_vi.contains("3 lượt"));
}

#[test]
fn doc_41_quarters_in_vietnam_time_and_events_outside_are_counted() {
    // 31 December 17:30 UTC is 00:30 on 1 January in Vietnam: Q1 of the new year.
    assert_eq!(
        Quarter::of(t("2025-12-31T17:30:00Z")),
        Quarter {
            year: 2026,
            quarter: 1
        }
    );
    assert_eq!(
        Quarter::of(t("2025-12-31T16:59:59Z")),
        Quarter {
            year: 2025,
            quarter: 4
        }
    );
    let (start, end) = Quarter {
        year: 2025,
        quarter: 4,
    }
    .bounds()
    .unwrap();
    assert_eq!(start.to_string(), "2025-10-01T00:00:00+07:00");
    assert_eq!(end.to_string(), "2026-01-01T00:00:00+07:00");
    assert!(Quarter {
        year: 2025,
        quarter: 5
    }
    .bounds()
    .is_none());
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
    ];
    let s = ExchangeStats::aggregate(
        records.iter(),
        Some(Quarter {
            year: 2026,
            quarter: 1,
        }),
    );
    assert_eq!(s.records, 1);
    assert_eq!(s.excluded.get("outside_quarter"), Some(&1));
    let f = s.finding();
    assert_eq!((f.rule.as_ref(), f.outcome), ("DOC-41", Outcome::Pass));
    assert!(f.message_vi.contains("quý 1 năm 2026"));
}

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
    // The default stays out of the JSON (records written before keep their form).
    assert!(!serde_json::to_string(&empty)
        .unwrap()
        .contains("classification"));
}

proptest! {
    #[test]
    fn doc_36_totals_add_up(n in proptest::collection::vec((0u8..4, 0u8..4, 0i64..400), 0..60)) {
        let codes = ["000.00.00.G22", "000.00.00.H37", "000.01.37.H37", "bad"];
        let records: Vec<ExchangeRecord> = n.iter().map(|&(a, b, d)| ExchangeRecord {
            sender: codes[a as usize].into(),
            receiver: codes[b as usize].into(),
            sent_at: VnDateTime::from_unix_seconds(1_767_200_000 + d * 86_400).unwrap(),
            status: None,
        }).collect();
        let q = Quarter { year: 2026, quarter: 1 };
        let s = ExchangeStats::aggregate(records.iter(), Some(q));
        let excluded: u64 = s.excluded.values().sum();
        prop_assert_eq!(s.records + excluded, records.len() as u64);
        let sent: u64 = s.by_agency.values().map(|c| c.sent).sum();
        let received: u64 = s.by_agency.values().map(|c| c.received).sum();
        prop_assert_eq!(sent, s.records);
        prop_assert_eq!(received, s.records);
        let roots: u64 = s.rolled_up.iter().filter(|(k, _)| k.starts_with("000.00.00.")).map(|(_, c)| c.sent).sum();
        prop_assert_eq!(roots, s.records);
    }
}

#[test]
fn doc_36_records_from_status_tracker_histories() {
    use egov_docs::status::{StatusEvent, StatusTracker};
    let sent = t("2026-02-02T08:00:00+07:00");
    let mut tracker = StatusTracker::new("000.00.00.H37", t("2026-02-02T08:01:00+07:00"));
    tracker
        .record(StatusEvent::Accept, t("2026-02-02T08:30:00+07:00"))
        .unwrap();
    let r = ExchangeRecord::from_tracker("000.00.00.G22", sent, &tracker);
    assert_eq!(r.status, Some(ProcessingStatus::Accepted));
    let s = ExchangeStats::aggregate([r].iter(), Some(Quarter::of(sent)));
    assert_eq!(
        s.by_agency["000.00.00.H37"]
            .received_by_status
            .get("accepted"),
        Some(&1)
    );
}
