//! End-to-end exchange of one e-document: sender steps (DOC-25), send deadline (DOC-19), one
//! status tracker per receiver with acceptance, rejection and recall (DOC-27…30), legal
//! value and paper copy (DOC-14, DOC-17).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use egov_core::{ErrorCode, Outcome, VnDateTime, WorkingCalendar};
use egov_docs::deadline::{judge_send, send_deadline, SendDeadlinePolicy};
use egov_docs::legal_value::{
    legal_value, paper_copy_required, LegalValue, PaperCopyCase, PaperCopyPolicy,
};
use egov_docs::status::{
    to_edxml_code, NoticeKind, Party, ProcessingStatus, ReceiptCheck, SenderEvent, SenderStatus,
    StatusEvent, StatusTracker,
};

fn t(d: u32, h: u32, m: u32) -> VnDateTime {
    VnDateTime::from_ymd_hms(2026, 3, d, h, m, 0).unwrap()
}

#[test]
fn a_30_each_receiver_has_its_own_status_and_history() {
    // Sender side: approve, sign, digitally sign, send (Đ8.1).
    let mut sender = SenderStatus::Draft;
    for step in [
        SenderEvent::Approve,
        SenderEvent::SignForIssue,
        SenderEvent::DigitallySign,
    ] {
        sender = sender.apply(step).unwrap();
    }
    let signed_at = t(6, 16, 0);
    let sent_at = t(6, 16, 20);
    assert_eq!(sender.apply(SenderEvent::Send).unwrap(), SenderStatus::Sent);
    let deadline = send_deadline(
        signed_at,
        None,
        &WorkingCalendar::weekends_only(),
        &SendDeadlinePolicy::default(),
    )
    .unwrap();
    assert_eq!(judge_send(&deadline, sent_at).outcome, Outcome::Pass);

    // Three receivers (field m), one tracker each.
    let mut receivers: Vec<StatusTracker> = ["000.00.00.H41", "000.00.00.H14", "000.00.00.G12"]
        .iter()
        .map(|code| StatusTracker::new(*code, t(6, 16, 21)))
        .collect();

    // H41 accepts and processes to completion.
    let ok = ReceiptCheck {
        complete: true,
        intact: true,
        authentic: true,
    };
    let h41 = &mut receivers[0];
    h41.record(ok.event(), t(6, 16, 30)).unwrap();
    h41.record(StatusEvent::Forward, t(9, 8, 0)).unwrap();
    h41.record(StatusEvent::StartProcessing, t(9, 8, 5))
        .unwrap();
    h41.record(StatusEvent::Complete, t(10, 15, 0)).unwrap();

    // H14's check fails: it refuses, and the sender is told why.
    let bad = ReceiptCheck {
        intact: false,
        ..ok
    };
    let notice = receivers[1]
        .record(bad.event(), t(6, 16, 40))
        .unwrap()
        .notices[0]
        .clone();
    assert_eq!(notice.kind, NoticeKind::Rejection);
    assert_eq!(notice.to, Party::Sender);
    assert!(notice.reason.unwrap().contains("toàn vẹn"));

    // G12 accepts, then the sender recalls; G12 cancels and confirms.
    let g12 = &mut receivers[2];
    g12.record(StatusEvent::Accept, t(6, 17, 0)).unwrap();
    g12.record(
        StatusEvent::Recall {
            reason: Some("Văn bản ban hành nhầm".into()),
        },
        t(9, 9, 0),
    )
    .unwrap();
    // Processing a recalled document is refused: the receiver must cancel it (Đ9.2).
    let err = g12.record(StatusEvent::Forward, t(9, 9, 1)).unwrap_err();
    assert_eq!(err.code(), "status.forbidden_transition");
    let confirm = g12
        .record(StatusEvent::ConfirmCancellation, t(9, 9, 30))
        .unwrap();
    assert_eq!(confirm.notices[0].kind, NoticeKind::CancellationConfirmed);
    assert_eq!(confirm.basis.to_string(), "QĐ 28/2018/QĐ-TTg Đ9.2");

    let statuses: Vec<(&str, ProcessingStatus)> = receivers
        .iter()
        .map(|r| (r.receiver(), r.status()))
        .collect();
    assert_eq!(
        statuses,
        vec![
            ("000.00.00.H41", ProcessingStatus::Completed),
            ("000.00.00.H14", ProcessingStatus::Rejected),
            ("000.00.00.G12", ProcessingStatus::Deleted),
        ]
    );
    let codes: Vec<&str> = receivers
        .iter()
        .map(|r| to_edxml_code(r.status()).unwrap())
        .collect();
    assert_eq!(codes, vec!["06", "02", "15"]);

    // The whole exchange serialises as the JSON contract and reads back identical.
    let json = serde_json::to_string(&receivers).unwrap();
    let back: Vec<StatusTracker> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, receivers);
}

#[test]
fn doc_14_and_doc_17_signed_document_needs_no_paper() {
    let value = legal_value(true, true).value.unwrap();
    assert_eq!(value, LegalValue::EquivalentToPaper);
    let decision = paper_copy_required(
        &PaperCopyCase {
            document_type: "Công văn".into(),
            legal_value: value,
            to_government_per_working_regulation: false,
        },
        &PaperCopyPolicy::default(),
    );
    assert!(!decision.required);
    assert_eq!(decision.finding.rule, "DOC-17");
}
