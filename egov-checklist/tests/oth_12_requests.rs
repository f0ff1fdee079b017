//! OTH-12 (NĐ 137/2024 Đ7.1): requests of organisations and individuals received, resolved or
//! refused with reasons, and the result notified electronically, as a typed state machine.

mod support;

use egov_checklist::requests::{
    check_request, check_request_with, parse_request, CitizenRequest, NotificationMeans,
    OtherMeansBasis, RefusalStage, RequestChannel, RequestError, RequestEvent, RequestOptions,
    RequestState, QUOTE_NOTIFY_VI, QUOTE_RECEIVE_VI, QUOTE_REFUSAL_VI, QUOTE_REGULATION_VI,
};
use egov_core::{ErrorCode, Finding, Outcome, VnDateTime};
use proptest::prelude::*;
use serde_json::json;
use support::normalise;

const SEED: &str = include_str!("../../testdata/seeds/001_60346f9cf7e19c5b.txt");

fn t(s: &str) -> VnDateTime {
    s.parse().unwrap()
}

fn at(day: u32, hour: u32) -> VnDateTime {
    VnDateTime::from_ymd_hms(2026, 3, day, hour, 0, 0).unwrap()
}

fn received() -> CitizenRequest {
    CitizenRequest::receive("YC-1", at(2, 8), RequestChannel::OnlinePublicService).unwrap()
}

fn by_point<'a>(f: &'a [Finding], point: &str) -> Vec<&'a Finding> {
    f.iter()
        .filter(|f| f.basis.point.as_deref() == Some(point))
        .collect()
}

fn outcomes(f: &[Finding]) -> Vec<(String, Outcome)> {
    f.iter().map(|f| (f.basis.to_string(), f.outcome)).collect()
}

#[test]
fn oth_12_quotes_are_the_seed_text_of_article_7_clause_1() {
    let text = normalise(SEED);
    let start = text.find("Điều 7.").unwrap();
    let end = text.find("Điều 8.").unwrap();
    let clause_1 = &text[start..end];
    let clause_1 = &clause_1[..clause_1.find("2. Kênh giao tiếp").unwrap()];
    for q in [
        QUOTE_RECEIVE_VI,
        QUOTE_REFUSAL_VI,
        QUOTE_REGULATION_VI,
        QUOTE_NOTIFY_VI,
    ] {
        assert!(clause_1.contains(&normalise(q)), "«{q}» is not in Đ7.1");
    }
    // The digest's words are the seed's too.
    assert!(SEED.contains("Trong trường hợp từ chối tiếp nhận, giải quyết phải nêu rõ lý do"));
    // The channels of Đ7.2, in the decree's words.
    let clause_2 = &text[start..end];
    for c in [
        RequestChannel::InformationChannel,
        RequestChannel::OnlinePublicService,
        RequestChannel::NationalPublicServicePortal,
        RequestChannel::Other,
    ] {
        assert!(
            clause_2
                .to_lowercase()
                .contains(&c.name_vi().to_lowercase()),
            "{c:?}"
        );
    }
}

#[test]
fn oth_12_accepted_resolved_and_notified_electronically_passes() {
    let mut r = received();
    assert_eq!(r.accept(at(2, 9)).unwrap(), RequestState::Accepted);
    assert_eq!(
        r.resolve(at(4, 16), "Đã cấp giấy xác nhận").unwrap(),
        RequestState::Resolved
    );
    assert_eq!(
        r.notify(
            at(4, 17),
            NotificationMeans::electronic("Cổng Dịch vụ công quốc gia")
        )
        .unwrap(),
        RequestState::ResultNotified
    );
    assert!(r.state().is_final());
    let f = check_request(&r, at(5, 0));
    assert_eq!(
        outcomes(&f),
        vec![("NĐ 137/2024/NĐ-CP Đ7.1.c".to_owned(), Outcome::Pass)]
    );
    let f = &f[0];
    assert_eq!(f.rule, "OTH-12");
    assert!(f.message_vi.contains(QUOTE_NOTIFY_VI), "{}", f.message_vi);
    assert!(f.message_vi.contains("phương tiện điện tử"));
    assert_eq!(f.evidence.as_ref().unwrap()["quote_vi"], QUOTE_NOTIFY_VI);
    assert!(f.message.contains("electronic means"));
    let states: Vec<RequestState> = r.timeline().into_iter().map(|(s, _)| s).collect();
    assert_eq!(
        states,
        [
            RequestState::Received,
            RequestState::Accepted,
            RequestState::Resolved,
            RequestState::ResultNotified
        ]
    );
}

#[test]
fn oth_12_refusal_of_receipt_or_of_resolution_states_the_reason() {
    // «từ chối tiếp nhận»: from Received.
    let mut r = received();
    r.refuse(at(2, 10), "Yêu cầu không thuộc thẩm quyền của cơ quan")
        .unwrap();
    assert_eq!(r.state(), RequestState::Refused);
    assert_eq!(r.refusal().unwrap().0, RefusalStage::Receipt);
    r.notify(at(2, 11), NotificationMeans::electronic("thư điện tử"))
        .unwrap();
    assert_eq!(r.state(), RequestState::RefusalNotified);
    let f = check_request(&r, at(3, 0));
    assert_eq!(
        outcomes(&f),
        vec![
            ("NĐ 137/2024/NĐ-CP Đ7.1.a".to_owned(), Outcome::Pass),
            ("NĐ 137/2024/NĐ-CP Đ7.1.c".to_owned(), Outcome::Pass)
        ]
    );
    assert!(f[0].message_vi.contains("từ chối tiếp nhận"));
    assert!(f[0].message_vi.contains("không thuộc thẩm quyền"));
    assert!(f[0].message_vi.contains(QUOTE_REFUSAL_VI));
    assert!(f[1].message_vi.contains("việc từ chối"));

    // «từ chối giải quyết»: from Accepted.
    let mut r = received();
    r.accept(at(2, 9)).unwrap();
    r.refuse(at(3, 9), "Hồ sơ thiếu bản sao giấy tờ tùy thân")
        .unwrap();
    assert_eq!(r.refusal().unwrap().0, RefusalStage::Resolution);
    let f = check_request(&r, at(3, 10));
    assert!(f[0].message_vi.contains("từ chối giải quyết"));
    // Refused, not yet notified: the law sets no time limit, so unknown, not failed.
    assert_eq!(f[1].outcome, Outcome::Unknown);

    // A refusal with a blank reason cannot be recorded by the builder.
    let mut r = received();
    let e = r.refuse(at(2, 10), "  \n").unwrap_err();
    assert_eq!(e, RequestError::BlankReason);
    assert_eq!(e.code(), "request.blank_reason");
    assert_eq!(r.state(), RequestState::Received, "unchanged on error");
    assert!(r.history().is_empty());
}

#[test]
fn oth_12_a_logged_refusal_without_reason_fails() {
    let r = parse_request(
        &json!({
            "id": "YC-7", "received_at": "2026-03-02T08:00:00+07:00", "channel": "national_public_service_portal",
            "history": [
                {"event": "refused", "at": "2026-03-02T09:00:00+07:00", "reason": ""},
                {"event": "notified", "at": "2026-03-02T09:05:00+07:00", "means": {"by": "electronic", "via": "SMS"}}
            ]
        })
        .to_string(),
    )
    .unwrap();
    assert_eq!(r.state(), RequestState::RefusalNotified);
    let f = check_request(&r, at(3, 0));
    let a = by_point(&f, "a");
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].outcome, Outcome::Fail);
    assert!(a[0].message_vi.contains("không nêu lý do"));
    assert!(a[0].message.contains("without stating a reason"));
    // The reason may also be absent altogether.
    let r = parse_request(
        r#"{"id": "YC-8", "received_at": "2026-03-02T08:00:00+07:00", "channel": "other",
            "history": [{"event": "refused", "at": "2026-03-02T09:00:00+07:00"}]}"#,
    )
    .unwrap();
    assert_eq!(
        by_point(&check_request(&r, at(3, 0)), "a")[0].outcome,
        Outcome::Fail
    );
}

#[test]
fn oth_12_notice_by_another_means_needs_the_law_or_the_requester() {
    let notified = |means: NotificationMeans| {
        let mut r = received();
        r.accept(at(2, 9)).unwrap();
        r.resolve(at(3, 9), "Đã giải quyết").unwrap();
        r.notify(at(3, 10), means).unwrap();
        let f = check_request(&r, at(4, 0));
        assert_eq!(f.len(), 1);
        f.into_iter().next().unwrap()
    };
    let law = notified(NotificationMeans::other(
        "văn bản giấy",
        Some(OtherMeansBasis::LawProvidesOtherwise {
            provision: "khoản 3 Điều 5 Nghị định X".into(),
        }),
    ));
    assert_eq!(law.outcome, Outcome::Pass);
    assert!(law
        .message_vi
        .contains("theo quy định của pháp luật (khoản 3 Điều 5 Nghị định X)"));
    let asked = notified(NotificationMeans::other(
        "trực tiếp tại bộ phận một cửa",
        Some(OtherMeansBasis::RequesterAsked {
            note: String::new(),
        }),
    ));
    assert_eq!(asked.outcome, Outcome::Pass);
    assert!(asked
        .message_vi
        .contains("theo đề nghị của tổ chức, cá nhân có yêu cầu"));
    let none = notified(NotificationMeans::other("bưu chính", None));
    assert_eq!(none.outcome, Outcome::Fail);
    assert!(none.message_vi.contains("không nêu căn cứ"));
    // A provision left blank is no stated basis.
    let blank = notified(NotificationMeans::other(
        "bưu chính",
        Some(OtherMeansBasis::LawProvidesOtherwise {
            provision: " ".into(),
        }),
    ));
    assert_eq!(blank.outcome, Outcome::Fail);
    assert_eq!(blank.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ7.1.c");
}

#[test]
fn oth_12_not_yet_notified_is_unknown_because_d7_1_sets_no_time_limit() {
    let mut r = received();
    let f = check_request(&r, at(30, 0));
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].outcome, Outcome::Unknown);
    assert!(f[0].message_vi.contains("không quy định thời hạn"));
    r.accept(at(2, 9)).unwrap();
    r.resolve(at(3, 9), "Đã giải quyết").unwrap();
    let f = check_request(&r, at(30, 0));
    assert_eq!(f[0].outcome, Outcome::Unknown);
    assert!(f[0].message_vi.contains("chưa thông báo kết quả xử lý"));
    assert_eq!(
        f[0].evidence.as_ref().unwrap()["missing"],
        json!(["notified"])
    );
}

#[test]
fn oth_12_illegal_transitions_name_both_states() {
    let mut r = received();
    let e = r.resolve(at(2, 9), "x").unwrap_err();
    assert_eq!(
        e,
        RequestError::IllegalTransition {
            from: RequestState::Received,
            to: RequestState::Resolved
        }
    );
    assert_eq!(
        e.to_string(),
        "illegal transition from received to resolved"
    );
    assert_eq!(e.code(), "request.illegal_transition");
    let e = r
        .notify(at(2, 9), NotificationMeans::electronic("x"))
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "illegal transition from received to result_notified"
    );
    r.accept(at(2, 9)).unwrap();
    assert!(r.accept(at(2, 10)).is_err());
    r.refuse(at(2, 10), "Không đủ điều kiện").unwrap();
    let e = r.resolve(at(2, 11), "x").unwrap_err();
    assert_eq!(e.to_string(), "illegal transition from refused to resolved");
    r.notify(at(2, 11), NotificationMeans::electronic("x"))
        .unwrap();
    let e = r.refuse(at(2, 12), "y").unwrap_err();
    assert_eq!(
        e,
        RequestError::IllegalTransition {
            from: RequestState::RefusalNotified,
            to: RequestState::Refused
        }
    );
    // A resolution with a blank result is not recorded either.
    let mut r = received();
    r.accept(at(2, 9)).unwrap();
    assert_eq!(
        r.resolve(at(2, 10), " ").unwrap_err(),
        RequestError::BlankResult
    );
    assert!(CitizenRequest::receive(" ", at(2, 8), RequestChannel::Other).is_err());
}

#[test]
fn oth_12_a_step_earlier_than_the_one_before_is_an_error() {
    let mut r = received();
    let e = r.accept(at(1, 23)).unwrap_err();
    assert!(
        matches!(e, RequestError::TimeBackwards { index: 0, .. }),
        "{e:?}"
    );
    assert_eq!(e.code(), "request.time_backwards");
    r.accept(at(2, 8)).unwrap(); // the same instant is not earlier
    r.resolve(at(3, 8), "Đã giải quyết").unwrap();
    let e = r
        .notify(at(3, 7), NotificationMeans::electronic("x"))
        .unwrap_err();
    assert_eq!(
        e,
        RequestError::TimeBackwards {
            index: 2,
            at: at(3, 7),
            previous: at(3, 8)
        }
    );
    // Times in another offset are compared as instants.
    r.notify(
        t("2026-03-03T01:00:00Z"),
        NotificationMeans::electronic("x"),
    )
    .unwrap();
}

#[test]
fn oth_12_records_read_from_json_round_trip_and_errors_are_typed() {
    let text = r#"{"id": "YC-2026-15", "received_at": "2026-03-02T08:30:00+07:00",
        "channel": "information_channel", "history": [
        {"event": "accepted", "at": "2026-03-02T09:00:00+07:00"},
        {"event": "resolved", "at": "2026-03-04T15:00:00+07:00", "result": "Trả lời bằng văn bản điện tử"},
        {"event": "notified", "at": "2026-03-04T15:30:00+07:00",
         "means": {"by": "other", "via": "văn bản giấy", "basis": {"kind": "requester_asked", "note": "đơn ngày 02/3"}}}]}"#;
    let r = parse_request(text).unwrap();
    assert_eq!(r.id(), "YC-2026-15");
    assert_eq!(r.channel(), RequestChannel::InformationChannel);
    assert_eq!(r.received_at(), t("2026-03-02T08:30:00+07:00"));
    assert_eq!(r.history().len(), 3);
    assert_eq!(r.state(), RequestState::ResultNotified);
    let back = serde_json::to_string(&r).unwrap();
    assert_eq!(parse_request(&back).unwrap(), r);
    assert_eq!(serde_json::from_str::<CitizenRequest>(&back).unwrap(), r);
    let v: serde_json::Value = serde_json::from_str(&back).unwrap();
    assert_eq!(v["history"][2]["means"]["basis"]["kind"], "requester_asked");
    assert!(v.get("state").is_none());

    // Not JSON, an unknown field, an unknown event, an unknown channel: typed JSON errors.
    for bad in [
        "{",
        r#"{"id": "x", "received_at": "2026-03-02T08:30:00+07:00", "channel": "other", "colour": 1}"#,
        r#"{"id": "x", "received_at": "2026-03-02T08:30:00+07:00", "channel": "other", "history": [{"event": "closed", "at": "2026-03-02T08:30:00+07:00"}]}"#,
        r#"{"id": "x", "received_at": "2026-03-02T08:30:00+07:00", "channel": "fax"}"#,
        r#"{"id": "x", "received_at": "2026-03-02T08:30:00", "channel": "other"}"#,
    ] {
        let e = parse_request(bad).unwrap_err();
        assert_eq!(e.code(), "request.json", "{bad}: {e}");
    }
    // An illegal history or one going back in time: the machine's own errors.
    let e = parse_request(
        r#"{"id": "x", "received_at": "2026-03-02T08:30:00+07:00", "channel": "other",
        "history": [{"event": "resolved", "at": "2026-03-02T09:00:00+07:00", "result": "r"}]}"#,
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "illegal transition from received to resolved"
    );
    let e = parse_request(
        r#"{"id": "x", "received_at": "2026-03-02T08:30:00+07:00", "channel": "other",
        "history": [{"event": "accepted", "at": "2026-03-02T08:00:00+07:00"}]}"#,
    )
    .unwrap_err();
    assert_eq!(e.code(), "request.time_backwards");
    // Through serde directly, the same check (as a serde error).
    assert!(serde_json::from_str::<CitizenRequest>(
        r#"{"id": "x", "received_at": "2026-03-02T08:30:00+07:00", "channel": "other",
        "history": [{"event": "accepted", "at": "2026-03-02T08:00:00+07:00"}]}"#
    )
    .is_err());
}

#[test]
fn oth_12_judged_as_it_stood_at_the_evaluation_time() {
    let mut r = received();
    r.refuse(at(5, 9), "Không thuộc thẩm quyền").unwrap();
    r.notify(at(6, 9), NotificationMeans::other("bưu chính", None))
        .unwrap();
    assert_eq!(r.state_at(at(1, 0)), None);
    assert_eq!(r.state_at(at(4, 0)), Some(RequestState::Received));
    assert_eq!(r.state_at(at(5, 9)), Some(RequestState::Refused));
    // Before receipt: one unknown finding.
    let f = check_request(&r, at(1, 0));
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].outcome, Outcome::Unknown);
    assert_eq!(f[0].basis.to_string(), "NĐ 137/2024/NĐ-CP Đ7.1.a");
    // Received only: the refusal is later, so no Đ7.1.a finding yet.
    let f = check_request(&r, at(4, 0));
    assert!(by_point(&f, "a").is_empty());
    assert_eq!(by_point(&f, "c")[0].outcome, Outcome::Unknown);
    // After the notice by post with no stated exception: failed.
    let f = check_request(&r, at(7, 0));
    assert_eq!(by_point(&f, "a")[0].outcome, Outcome::Pass);
    assert_eq!(by_point(&f, "c")[0].outcome, Outcome::Fail);
}

#[test]
fn oth_12_deadlines_are_the_callers_and_missing_one_is_a_warning() {
    let mut r = received();
    r.accept(at(2, 9)).unwrap();
    let opts = RequestOptions {
        decide_by: Some(at(9, 17)),
        notify_by: Some(at(10, 17)),
    };
    // Not yet due: unknown.
    let f = check_request_with(&r, at(5, 0), &opts);
    let b = by_point(&f, "b");
    assert_eq!(b.len(), 2);
    assert!(b.iter().all(|f| f.outcome == Outcome::Unknown));
    assert!(b.iter().all(|f| f.rule == "OTH-12"));
    assert!(b[0].message_vi.contains(QUOTE_REGULATION_VI));
    // Overdue: a warning that says the deadline is the caller's and Đ7.1 sets none.
    let f = check_request_with(&r, at(11, 0), &opts);
    let b = by_point(&f, "b");
    assert!(b.iter().all(|f| f.outcome == Outcome::Warning));
    assert!(b[0].message_vi.contains("do cơ quan tự đặt"));
    assert!(b[0].message_vi.contains("không quy định thời hạn"));
    assert!(b[0].message.contains("not of Đ7.1"));
    assert_eq!(b[0].evidence.as_ref().unwrap()["callers_deadline"], true);
    // Resolved on time, notified late.
    r.resolve(at(9, 10), "Đã giải quyết").unwrap();
    r.notify(at(11, 9), NotificationMeans::electronic("ứng dụng"))
        .unwrap();
    let f = check_request_with(&r, at(12, 0), &opts);
    let b: Vec<Outcome> = by_point(&f, "b").iter().map(|f| f.outcome).collect();
    assert_eq!(b, [Outcome::Pass, Outcome::Warning]);
    // Without options: no deadline findings at all.
    assert!(by_point(&check_request(&r, at(12, 0)), "b").is_empty());
    // The options read from JSON.
    let o: RequestOptions =
        serde_json::from_str(r#"{"decide_by": "2026-03-09T17:00:00+07:00"}"#).unwrap();
    assert_eq!(o.decide_by, Some(at(9, 17)));
    assert!(serde_json::from_str::<RequestOptions>(r#"{"deadline": 5}"#).is_err());
}

fn step() -> impl Strategy<Value = (u8, i64, bool)> {
    (0u8..4, -5_000i64..200_000, any::<bool>())
}

fn event(kind: u8, at: VnDateTime, blank: bool) -> RequestEvent {
    let text = if blank {
        " ".to_owned()
    } else {
        "lý do".to_owned()
    };
    match kind {
        0 => RequestEvent::Accepted { at },
        1 => RequestEvent::Refused { at, reason: text },
        2 => RequestEvent::Resolved { at, result: text },
        _ => RequestEvent::Notified {
            at,
            means: if blank {
                NotificationMeans::other("bưu chính", None)
            } else {
                NotificationMeans::electronic("thư điện tử")
            },
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// OTH-12: any sequence of steps at random times is, step by step, either taken or refused
    /// with a typed error (never a panic), leaves the request unchanged when refused, and an
    /// accepted history always starts with Received, follows the machine with non-decreasing
    /// times, and reads back the same from JSON. The check never panics and names OTH-12.
    #[test]
    fn oth_12_random_steps_are_taken_or_refused_with_a_typed_error(
        steps in proptest::collection::vec(step(), 0..12)
    ) {
        let start = at(2, 8);
        let mut r = CitizenRequest::receive("YC-P", start, RequestChannel::Other).unwrap();
        let mut last = start;
        for (kind, offset, blank) in steps {
            let when = last.checked_add(chrono::TimeDelta::seconds(offset)).unwrap();
            let before = r.clone();
            match r.apply(event(kind, when, blank)) {
                Ok(s) => {
                    prop_assert_eq!(s, r.state());
                    prop_assert!(when >= last);
                    last = when;
                }
                Err(e) => {
                    prop_assert_eq!(&r, &before);
                    prop_assert!(e.code().starts_with("request."));
                    prop_assert!(!e.to_string().is_empty());
                }
            }
        }
        let tl = r.timeline();
        prop_assert_eq!(tl[0], (RequestState::Received, start));
        for w in tl.windows(2) {
            prop_assert!(w[0].1 <= w[1].1);
            prop_assert!(!w[0].0.is_final());
        }
        prop_assert_eq!(tl.last().unwrap().0, r.state());
        let back = parse_request(&serde_json::to_string(&r).unwrap()).unwrap();
        prop_assert_eq!(&back, &r);
        for f in check_request(&r, last) {
            prop_assert_eq!(f.rule.as_ref(), "OTH-12");
            prop_assert_eq!(f.basis.article, 7);
        }
    }

    /// The parser takes any text without panicking: a request or a typed error.
    #[test]
    fn oth_12_parse_request_takes_any_text(text in ".{0,300}") {
        if let Err(e) = parse_request(&text) {
            prop_assert!(e.code().starts_with("request."));
        }
    }
}
