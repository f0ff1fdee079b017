//! The real edXML status messages and packages in `testdata/edxml` (SOURCES.md) against
//! the status-code table (DOC-11, DOC-22; outside knowledge O-06) and the Priority codes (DOC-12).

// Test helpers outside #[test] functions may unwrap: a missing fixture is a test failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};

use egov_docs::status::{from_edxml_code, EdxmlStatus, ProcessingStatus, StatusEventKind};
use egov_docs::urgency::Urgency;
use regex::Regex;

fn fixtures() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata/edxml")).to_path_buf()
}

fn files(prefix: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = fs::read_dir(fixtures())
        .expect("testdata/edxml is part of the repository")
        .map(|e| e.unwrap().path())
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?.to_owned();
            name.starts_with(prefix)
                .then(|| (name, fs::read_to_string(&p).unwrap()))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn doc_11_every_status_fixture_maps_as_its_file_name_says() {
    let code_re = Regex::new(r"<edXML:StatusCode>\s*([^<]*?)\s*</edXML:StatusCode>").unwrap();
    let name_re = Regex::new(r"^vpcp-sdk-sample-status_([a-z-]+)_(\d{2})\.edxml$").unwrap();
    let status_files = files("vpcp-sdk-sample-status_");
    assert_eq!(
        status_files.len(),
        10,
        "SOURCES.md lists ten status samples"
    );
    for (name, xml) in status_files {
        let caps = name_re.captures(&name).unwrap_or_else(|| panic!("{name}"));
        let (label, number) = (&caps[1], &caps[2]);
        let code = &code_re.captures(&xml).unwrap_or_else(|| panic!("{name}"))[1];
        assert_eq!(code, number, "{name}: StatusCode vs file name");
        let status = from_edxml_code(code).unwrap();
        assert_eq!(status.code(), number);
        let expected = match label {
            "builder" | "inbox" => EdxmlStatus::Arrived,
            "rejection" => EdxmlStatus::Rejected,
            "acceptance" => EdxmlStatus::Accepted,
            "assignment" => EdxmlStatus::Assigned,
            "processing" => EdxmlStatus::InProgress,
            "finish" => EdxmlStatus::Completed,
            "cancellation" => EdxmlStatus::RecallRequested,
            "change-acceptance" => EdxmlStatus::RecallAccepted,
            "change-rejection" => EdxmlStatus::RecallRefused,
            other => panic!("unexpected fixture label {other}"),
        };
        assert_eq!(status, expected, "{name}");
    }
}

#[test]
fn doc_27_recall_messages_are_events_not_states() {
    let recall = from_edxml_code("13").unwrap();
    assert_eq!(recall.state(), None);
    assert_eq!(recall.event(), Some(StatusEventKind::Recall));
    assert_eq!(
        from_edxml_code("15").unwrap().event(),
        Some(StatusEventKind::ConfirmCancellation)
    );
    assert_eq!(
        from_edxml_code("02").unwrap().state(),
        Some(ProcessingStatus::Rejected)
    );
}

#[test]
fn doc_12_fixture_priorities_read_as_urgency() {
    let re = Regex::new(r"<edXML:Priority>\s*([^<]*?)\s*</edXML:Priority>").unwrap();
    let mut seen = Vec::new();
    for (name, xml) in files("") {
        for caps in re.captures_iter(&xml) {
            let urgency =
                Urgency::from_edxml_priority(&caps[1]).unwrap_or_else(|e| panic!("{name}: {e}"));
            seen.push((name.clone(), urgency));
        }
    }
    // SOURCES.md: the corrupt-pdf package carries Priority 1; the others carry 0.
    assert!(seen.len() >= 5, "{seen:?}");
    for (name, urgency) in &seen {
        let expected = name
            .contains("9e272474-corrupt-pdf")
            .then_some(Urgency::Khan);
        assert_eq!(*urgency, expected, "{name}");
    }
}
