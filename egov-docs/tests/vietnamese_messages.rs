//! Vietnamese messages are Vietnamese throughout (DESIGN §2 "Vietnamese text is first class";
//! every finding carries `message_vi`, rules DOC-02…DOC-29, CORE-01, CORE-02).
//!
//! Some Vietnamese findings embedded the English text of an error (`Điểm c) «Số và kí hiệu văn
//! bản» không hợp lệ: no '/' between the number and the symbol`). Every error now has a
//! Vietnamese rendering, `message_vi()`, and the findings use it. For a broad set of bad inputs
//! this checks that no Vietnamese message contains English prose: none of the common English
//! words below, and no three consecutive words of the English message.

use chrono::{NaiveDate, TimeDelta};
use egov_core::{CalendarError, Finding, Outcome, VnDateTime, WorkingCalendar};
use egov_docs::agency::{AgencyCode, AgencyProfile, GapPolicy};
use egov_docs::deadline::{send_deadline, SendDeadlinePolicy};
use egov_docs::document_id::{DocumentId, DocumentIdFormat, EdxmlDocumentId};
use egov_docs::metadata::{DocumentMetadata, HistoryEntry, MetadataPolicy, Signer};
use egov_docs::number::DocNumber;
use egov_docs::registry::InMemoryRegistry;
use egov_docs::status::{
    from_edxml_code, ProcessingStatus, ReportedStatus, SenderEvent, SenderStatus, StatusEvent,
    StatusTracker,
};
use egov_docs::urgency::Urgency;

/// English words that never occur in a Vietnamese sentence of egov (`a` and `in` do: `A-Z`,
/// «chữ in hoa»).
const ENGLISH: &[&str] = &[
    "after",
    "allowed",
    "an",
    "and",
    "are",
    "at",
    "before",
    "between",
    "blank",
    "but",
    "cannot",
    "characters",
    "contains",
    "digit",
    "digits",
    "earlier",
    "empty",
    "expected",
    "field",
    "found",
    "group",
    "has",
    "have",
    "invalid",
    "is",
    "it",
    "letter",
    "long",
    "missing",
    "more",
    "most",
    "must",
    "neither",
    "no",
    "nor",
    "not",
    "number",
    "of",
    "only",
    "or",
    "out",
    "range",
    "should",
    "state",
    "status",
    "than",
    "the",
    "this",
    "to",
    "too",
    "unknown",
    "was",
    "with",
    "year",
    "zero",
];

/// Tokens both languages write the same way.
const TECHNICAL: &[&str] = &[
    "yyyy", "mm", "dd", "hh", "ss", "csv", "json", "utc", "iso", "qcvn", "edxml", "xnn", "nnn",
    "byte",
];

/// The lowercase words of `text`: runs of letters, digits and `_` (so that identifiers such as
/// `valid_to` stay whole).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Asserts that `vi` is Vietnamese: no English word of [`ENGLISH`] and no three consecutive
/// words of `en`. `echoed` is caller input the message may quote verbatim; it is removed first.
fn assert_vietnamese(what: &str, en: &str, vi: &str, echoed: &[&str]) {
    let mut text = vi.to_owned();
    for e in echoed.iter().filter(|e| !e.trim().is_empty()) {
        text = text.replace(e.trim(), " ");
    }
    let vi_words = words(&text);
    let english: Vec<&String> = vi_words
        .iter()
        .filter(|w| ENGLISH.contains(&w.as_str()))
        .collect();
    assert!(
        english.is_empty(),
        "{what}: English words {english:?} in the Vietnamese message\n  vi: {vi}\n  en: {en}"
    );
    // Three English words in a row: plain ASCII words that are neither numbers, codes,
    // identifiers nor the technical tokens both languages share.
    let english_word = |w: &String| {
        w.len() > 1 && w.bytes().all(|b| b.is_ascii_lowercase()) && !TECHNICAL.contains(&w.as_str())
    };
    let en_words = words(en);
    let joined = format!(" {} ", vi_words.join(" "));
    for window in en_words.windows(3).filter(|w| w.iter().all(english_word)) {
        let phrase = format!(" {} ", window.join(" "));
        assert!(
            !joined.contains(&phrase),
            "{what}: English phrase {phrase:?} in the Vietnamese message\n  vi: {vi}\n  en: {en}"
        );
    }
    assert_ne!(vi.trim(), "", "{what}: empty Vietnamese message");
}

fn check_findings(what: &str, findings: &[Finding], echoed: &[&str]) {
    for f in findings {
        assert_vietnamese(
            &format!("{what} / {} {:?}", f.rule, f.field),
            &f.message,
            &f.message_vi,
            echoed,
        );
    }
}

#[test]
fn doc_10_number_errors_and_warnings_are_vietnamese() {
    let long = "1/".to_owned() + &"A".repeat(254);
    let too_long = "1/".to_owned() + &"A".repeat(300);
    let bad = [
        "",
        "   ",
        "7816",
        "1/2/3/4",
        "BINTEST123/GW-AUTO",
        "20251020104803/GW-AUTO",
        "9999999999",
        "00/BNV-VP",
        "28/18/QĐ-TTg",
        "28/",
        "28/QĐ--TTg",
        "28/QĐ-TTg.",
        "28/VP UBND",
        "      /2021/NĐ-CP",
        long.as_str(),
        too_long.as_str(),
    ];
    for input in bad {
        let e = DocNumber::parse(input).unwrap_err();
        assert_vietnamese(input, &e.to_string(), &e.message_vi(), &[input]);
    }
    for input in [
        "5 /BNV-VP",
        "007/BNV-VP",
        "28/2018/QD-TTg",
        "512 /SY-VPUBND",
        "Số: 12/QĐ-UBND",
    ] {
        let p = DocNumber::parse(input).unwrap();
        assert!(!p.warnings.is_empty());
        check_findings(input, &p.findings(), &[input]);
    }
}

#[test]
fn doc_02_agency_errors_and_tolerances_are_vietnamese() {
    let strict = [
        "",
        " 000.00.00.G22",
        "000,00,00,G22",
        "000.00.00.Ğ22",
        "000.00.00.G22.1",
        "000..00.G2222",
        "0000.0.00.G22",
        "000.0A.00.G22",
        "000.00.00.GX2",
        "000.00.00.g22",
        "28.22.H17",
    ];
    for input in strict {
        let e = AgencyCode::parse(input).unwrap_err();
        assert_vietnamese(input, &e.to_string(), &e.message_vi(), &[input]);
    }
    for input in ["01.02.G22.AB", "001.00.05.G12"] {
        let profile = AgencyProfile::LENIENT.with_gaps(GapPolicy::Reject);
        let e = AgencyCode::parse_with(input, profile).unwrap_err();
        assert_vietnamese(input, &e.to_string(), &e.message_vi(), &[input]);
    }
    let p = AgencyCode::parse_with(" 001.00.20.tt2 ", AgencyProfile::LENIENT).unwrap();
    check_findings("lenient", &p.findings(), &[]);
    check_findings("check", &p.value.check(), &[]);
}

#[test]
fn doc_08_document_id_errors_are_vietnamese() {
    let edxml = [
        "",
        "test-doc",
        "a,b,c,d",
        "28.22.H17,2015/09/30,7816/VPCP-TTĐT",
        "000.00.00.G22,2015-09-30,7816/VPCP-TTĐT",
        "000.00.00.G22,2014/02/30,7806/VPCP-TTĐT",
        "000.00.00.G22,2015/09/30,/2015/NĐ-CP",
        "000.00.00.G22,2015/09/30,x/VPCP",
        "000.00.00.G22,2015/09/30,99999999999/VPCP",
    ];
    for input in edxml {
        let e = EdxmlDocumentId::parse(input).unwrap_err();
        assert_vietnamese(input, &e.to_string(), &e.message_vi(), &[input]);
    }
    for input in [
        "000.00.00.G22:2018",
        "000.00.00.G2:2018:1",
        "000.00.00.G22:18:1",
        "000.00.00.G22:2018:0",
        "000.00.00.G22:2018:x",
    ] {
        let e = DocumentId::parse(input, DocumentIdFormat::SdkTriple).unwrap_err();
        assert_vietnamese(input, &e.to_string(), &e.message_vi(), &[input]);
    }
}

#[test]
fn doc_11_doc_29_status_errors_are_vietnamese() {
    let at = |h, m| VnDateTime::from_ymd_hms(2026, 3, 2, h, m, 0).unwrap();
    let mut errors = vec![
        ProcessingStatus::parse("").unwrap_err(),
        ProcessingStatus::parse(&"x".repeat(65)).unwrap_err(),
        ProcessingStatus::parse("lưu trữ").unwrap_err(),
        ReportedStatus::parse(&"x".repeat(300)).unwrap_err(),
        from_edxml_code("07").unwrap_err(),
        ProcessingStatus::Rejected
            .apply(StatusEvent::Accept, at(9, 0))
            .unwrap_err(),
        ProcessingStatus::Arrived
            .apply(StatusEvent::Reject { reason: " ".into() }, at(9, 0))
            .unwrap_err(),
        SenderStatus::Signed.apply(SenderEvent::Send).unwrap_err(),
    ];
    let mut tracker = StatusTracker::new("000.00.00.H41", at(8, 0));
    errors.push(tracker.record(StatusEvent::Accept, at(7, 0)).unwrap_err());
    let mut json = serde_json::to_value(&tracker).unwrap();
    json["status"] = "deleted".into();
    let forged = serde_json::from_value::<StatusTracker>(json).unwrap_err();
    assert!(!forged.to_string().is_empty());
    for e in &errors {
        assert_vietnamese(&format!("{e:?}"), &e.to_string(), &e.message_vi(), &[]);
    }
    let unlisted = ReportedStatus::parse("lưu trữ").unwrap();
    check_findings("unlisted", &[unlisted.finding()], &["lưu trữ"]);
}

#[test]
fn doc_12_urgency_errors_are_vietnamese() {
    for input in ["", "thường", "rất gấp", "9"] {
        let e = Urgency::parse(input).unwrap_err();
        assert_vietnamese(input, &e.to_string(), &e.message_vi(), &[input]);
    }
    let e = Urgency::parse(&"x".repeat(65)).unwrap_err();
    assert_vietnamese("long", &e.to_string(), &e.message_vi(), &[]);
}

#[test]
fn doc_04_registry_errors_are_vietnamese() {
    let bad = [
        "name_vi,source\nX,Y\n",
        "code,name_vi,colour\n000.00.00.G22,A,B\n",
        "code,name_vi,name_vi\n000.00.00.G22,A,B\n",
        "code,name_vi,source\n000.00.00.G22,A\n",
        "code,name_vi,source\n000.00.00.g22,A,B\n",
        "code,name_vi,source\n000.00.00.G22, ,B\n",
        "code,name_vi,valid_from\n000.00.00.G22,A,2020-02-30\n",
        "code,name_vi,source\n000.00.00.G22,\"A,B\n",
        "code,name_vi,source\n000.00.00.G22,\"A\"x,B\n",
        "code,name_vi,source\n000.00.00.G22,A\"B,C\n",
        "code,name_vi,valid_from,valid_to\n000.00.00.G22,A,2020-01-01,2019-01-01\n",
        "code,name_vi,replaced_by\n000.00.00.G22,A,000.00.00.G22\n",
        "code,name_vi,valid_from\n000.00.00.G22,A,2020-01-01\n000.00.00.G22,B,2021-01-01\n",
    ];
    for text in bad {
        let e = InMemoryRegistry::from_csv(text).unwrap_err();
        assert_vietnamese(text, &e.to_string(), &e.message_vi(), &[]);
    }
    let e = InMemoryRegistry::from_json("{\"entries\": 3}").unwrap_err();
    assert_vietnamese("json", &e.to_string(), &e.message_vi(), &[]);
}

#[test]
fn doc_19_deadline_errors_are_vietnamese() {
    let signed = VnDateTime::from_ymd_hms(2026, 3, 6, 16, 0, 0).unwrap();
    let negative = SendDeadlinePolicy {
        urgent_tolerance: TimeDelta::seconds(-1),
        ..SendDeadlinePolicy::default()
    };
    let e = send_deadline(
        signed,
        Some(Urgency::Khan),
        &WorkingCalendar::weekends_only(),
        &negative,
    )
    .unwrap_err();
    assert_vietnamese("negative", &e.to_string(), &e.message_vi(), &[]);
    let mut closed = WorkingCalendar::weekends_only();
    for day in NaiveDate::from_ymd_opt(2026, 3, 7)
        .unwrap()
        .iter_days()
        .take(400)
    {
        closed.add_day_off(day, "closed");
    }
    let e = send_deadline(signed, None, &closed, &SendDeadlinePolicy::default()).unwrap_err();
    assert_vietnamese("closed", &e.to_string(), &e.message_vi(), &[]);
}

#[test]
fn core_02_calendar_errors_are_vietnamese() {
    let errors = [
        CalendarError::NoWorkingDay {
            from: NaiveDate::from_ymd_opt(2030, 1, 1).unwrap(),
        },
        CalendarError::Overflow {
            from: NaiveDate::MAX,
        },
        WorkingCalendar::from_json("{").unwrap_err(),
    ];
    for e in errors {
        assert_vietnamese(&format!("{e:?}"), &e.to_string(), &e.message_vi(), &[]);
    }
}

#[test]
fn doc_10_metadata_findings_are_vietnamese() {
    let record = DocumentMetadata {
        agency_code: Some("000.00.00.g22".into()),
        document_id: Some("000.00.00.G22,2014/02/30,7806/VPCP-TTĐT".into()),
        number: Some("7816".into()),
        date: Some("2018-02-30".into()),
        doc_type: Some("QD".into()),
        summary: Some("V/v thử".into()),
        attachments: vec![Default::default()],
        status: Some("x".repeat(300)),
        signer: Some(Signer::default()),
        urgency: Some("rất gấp".into()),
        sender: Some("000.00.00.G22".into()),
        receivers: vec![" ".into()],
        sent_at: Some("2018-09-20 14:05:00".into()),
        received_at: Some("2018-09-20T14:00:00".into()),
        processing_deadline: Some("tomorrow".into()),
        history: vec![
            HistoryEntry {
                at: "2018-09-20T14:05:00+07:00".into(),
                status: "đã đến".into(),
                by: None,
            },
            HistoryEntry {
                at: "2018-09-20T09:00:00+07:00".into(),
                status: " ".into(),
                by: None,
            },
            HistoryEntry {
                at: "yesterday".into(),
                status: "đã tiếp nhận".into(),
                by: None,
            },
        ],
        ..DocumentMetadata::default()
    };
    let report = record.validate(&MetadataPolicy::default());
    let failed = report.with_outcome(Outcome::Fail).count();
    assert!(failed >= 12, "{report:#?}");
    check_findings(
        "metadata",
        &report.findings,
        &["tomorrow", "yesterday", "rất gấp", "7816", "QD"],
    );

    // A second record: received before sent, a consistent id that disagrees with the number.
    let record = DocumentMetadata {
        number: Some("7817/VPCP-TTĐT".into()),
        date: Some("2018-09-21".into()),
        document_id: Some("000.00.00.G22,2018/09/20,7816/VPCP-TTĐT".into()),
        sender: Some("000.00.00.H41".into()),
        sent_at: Some("2018-09-20T14:05:00+07:00".into()),
        received_at: Some("2018-09-20T14:00:00+07:00".into()),
        status: Some("Lưu trữ".into()),
        ..DocumentMetadata::default()
    };
    let report = record.validate(&MetadataPolicy::default());
    check_findings("metadata 2", &report.findings, &["Lưu trữ"]);

    let e = DocumentMetadata::from_json("{\n  \"agency_cod\": \"000.00.00.G22\"\n}").unwrap_err();
    assert_vietnamese("json", &e.to_string(), &e.message_vi(), &[]);
}
