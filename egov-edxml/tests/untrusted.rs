//! Packages come from other agencies' systems (QĐ 28/2018/QĐ-TTg Đ9.1, DOC-28): the reader
//! refuses DOCTYPEs, bounds every size before buffering, never panics, and reads the same
//! whatever the input's chunking.

use std::io::{BufReader, Read, Write};

use egov_edxml::{
    read, read_bytes, AttachmentMeta, AttachmentSink, Limits, MemorySink, PayloadSummary,
    ReadError, ReadOptions, XmlError,
};
use proptest::prelude::*;

const NS: &str = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

fn status_with(extra_header: &str, body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>{extra_header}\n<edXML xmlns=\"{NS}\"><edXML:edXMLEnvelope xmlns:edXML=\"{NS}\"><edXML:edXMLHeader><edXML:MessageHeader>{body}</edXML:MessageHeader></edXML:edXMLHeader></edXML:edXMLEnvelope></edXML>"
    )
}

fn edoc_with_attachment(b64: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<edXML xmlns=\"{NS}\"><edXML:edXMLEnvelope xmlns:edXML=\"{NS}\"><edXML:edXMLHeader><edXML:MessageHeader><edXML:From><edXML:OrganId>000.00.00.G22</edXML:OrganId></edXML:From><edXML:To><edXML:OrganId>000.00.00.H41</edXML:OrganId></edXML:To><edXML:DocumentId>000.00.00.G22,2026/12/01,12/VPCP-TTĐT</edXML:DocumentId><edXML:Subject>a &amp; b &#x110;</edXML:Subject></edXML:MessageHeader></edXML:edXMLHeader><edXML:edXMLBody><edXML:edXMLManifest version=\"1.0\"><edXML:Reference><edXML:ContentId>cid:1</edXML:ContentId><edXML:ContentType>application/pdf</edXML:ContentType><edXML:AttachmentName>a.pdf</edXML:AttachmentName></edXML:Reference></edXML:edXMLManifest></edXML:edXMLBody></edXML:edXMLEnvelope><AttachmentEncoded><Attachment><ContentId>cid:1</ContentId><AttachmentName>a.pdf</AttachmentName><ContentType>application/pdf</ContentType><edXML:ContentTransferEncoded xmlns:edXML=\"{NS}\">{b64}</edXML:ContentTransferEncoded></Attachment></AttachmentEncoded></edXML>"
    )
}

#[test]
fn doc_28_a_doctype_is_refused_external_entity_and_entity_expansion() {
    let xxe = status_with(
        "<!DOCTYPE edXML [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
        "<edXML:Description>&x;</edXML:Description>",
    );
    let err = read_bytes(xxe.as_bytes()).unwrap_err();
    assert_eq!(err.code(), "edxml.doctype");
    assert!(err.to_string().contains("external entities"), "{err}");
    assert!(err.message_vi().contains("DOCTYPE"));
    let laughs = status_with(
        "<!DOCTYPE edXML [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>",
        "<edXML:Description>&c;</edXML:Description>",
    );
    assert_eq!(
        read_bytes(laughs.as_bytes()).unwrap_err().code(),
        "edxml.doctype"
    );
    // Without a DOCTYPE, an undeclared entity is malformed, never expanded or kept.
    let unknown = status_with("", "<edXML:Description>&nbsp;</edXML:Description>");
    let err = read_bytes(unknown.as_bytes()).unwrap_err();
    assert_eq!(err.code(), "edxml.malformed");
    assert!(err.to_string().contains("unknown entity &nbsp;"), "{err}");
}

#[test]
fn doc_28_references_resolve_and_names_go_by_namespace_not_prefix() {
    let with_other_prefix = format!(
        "<q:edXML xmlns:q=\"{NS}\"><q:edXMLEnvelope><q:edXMLHeader><q:MessageHeader><q:From><q:OrganId>000.00.00.H41</q:OrganId></q:From><q:StatusCode>01</q:StatusCode><q:Description>a &amp; b &lt;c&gt; &#x110;&#272;</q:Description></q:MessageHeader></q:edXMLHeader></q:edXMLEnvelope></q:edXML>"
    );
    let p = read_bytes(with_other_prefix.as_bytes()).unwrap();
    let s = p.status().unwrap();
    assert_eq!(s.description.as_deref(), Some("a & b <c> ĐĐ"));
    assert_eq!(
        s.from.as_ref().unwrap().organ_id.as_deref(),
        Some("000.00.00.H41")
    );
    // The strict profile says the prefix is not the reference layout's.
    assert!(
        p.deviations.iter().any(|d| d.code == "edxml.prefix"),
        "{:?}",
        p.deviations
    );
    // The same names in another namespace are recorded as such.
    let wrong_ns = with_other_prefix.replace(NS, "urn:other");
    let p = read_bytes(wrong_ns.as_bytes()).unwrap();
    assert!(p.deviations.iter().any(|d| d.code == "edxml.namespace"));
}

#[test]
fn doc_28_malformed_xml_is_refused_with_its_line_and_column() {
    let broken = "<?xml version=\"1.0\"?>\n<edXML>\n  <edXMLEnvelope>\n    <From></To>\n</edXML>";
    let err = read_bytes(broken.as_bytes()).unwrap_err();
    assert_eq!(err.code(), "edxml.malformed");
    let at = match &err {
        ReadError::Xml(e) => e.location(),
        other => panic!("{other:?}"),
    };
    assert_eq!(at.line, 4, "{err}");
    // Cut short.
    let cut = "<edXML><edXMLEnvelope>";
    assert!(read_bytes(cut.as_bytes())
        .unwrap_err()
        .to_string()
        .contains("ends inside"));
    // Not edXML at all.
    let html = "<html><body/></html>";
    let err = read_bytes(html.as_bytes()).unwrap_err();
    assert_eq!(err.code(), "edxml.not_edxml");
    assert!(err.message_vi().contains("không phải gói tin edXML"));
    // Two roots, text outside the root.
    assert!(read_bytes(b"<edXML/><edXML/>").is_err());
    assert!(read_bytes(b"junk<edXML/>").is_err());
}

#[test]
fn doc_28_limits_are_enforced_before_buffering() {
    let deep = format!("<edXML>{}{}</edXML>", "<a>".repeat(100), "</a>".repeat(100));
    let err = read_bytes(deep.as_bytes()).unwrap_err();
    assert!(
        matches!(
            err,
            ReadError::Xml(XmlError::Limit {
                what: "max_depth",
                ..
            })
        ),
        "{err}"
    );

    let small = ReadOptions {
        limits: Limits {
            max_text_bytes: 1000,
            max_markup_bytes: 1000,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    let long_text = status_with(
        "",
        &format!(
            "<edXML:Description>{}</edXML:Description>",
            "x".repeat(5000)
        ),
    );
    let err = read(long_text.as_bytes(), &small, &mut egov_edxml::DiscardSink).unwrap_err();
    assert!(
        matches!(err, ReadError::Xml(XmlError::Limit { .. })),
        "{err}"
    );

    let long_attr = status_with(
        "",
        &format!("<edXML:Description a=\"{}\"/>", "y".repeat(5000)),
    );
    let err = read(long_attr.as_bytes(), &small, &mut egov_edxml::DiscardSink).unwrap_err();
    assert!(
        matches!(err, ReadError::Xml(XmlError::Limit { .. })),
        "{err}"
    );

    let many = format!("<edXML>{}</edXML>", "<a/>".repeat(200));
    let few = ReadOptions {
        limits: Limits {
            max_elements: 100,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    let err = read(many.as_bytes(), &few, &mut egov_edxml::DiscardSink).unwrap_err();
    assert!(
        matches!(
            err,
            ReadError::Xml(XmlError::Limit {
                what: "max_elements",
                ..
            })
        ),
        "{err}"
    );

    let attrs = format!(
        "<edXML {}/>",
        (0..100)
            .map(|i| format!("a{i}=\"\""))
            .collect::<Vec<_>>()
            .join(" ")
    );
    let err = read_bytes(attrs.as_bytes()).unwrap_err();
    assert!(
        matches!(
            err,
            ReadError::Xml(XmlError::Limit {
                what: "max_attributes",
                ..
            })
        ),
        "{err}"
    );

    // The whole input, also inside a streamed attachment.
    let big = edoc_with_attachment(&"QUJD".repeat(10_000));
    let tight = ReadOptions {
        limits: Limits {
            max_input_bytes: 20_000,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    let err = read(big.as_bytes(), &tight, &mut egov_edxml::DiscardSink).unwrap_err();
    assert!(
        matches!(
            err,
            ReadError::Xml(XmlError::Limit {
                what: "max_input_bytes",
                ..
            })
        ),
        "{err}"
    );
}

#[test]
fn doc_09_attachments_stream_to_the_sink_and_bad_base64_is_a_finding_not_an_error() {
    use base64::Engine;
    let content: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
    let mut pdf = b"%PDF-1.7\n".to_vec();
    pdf.extend_from_slice(&content);
    pdf.extend_from_slice(b"\n%%EOF\n");
    let b64 = base64::engine::general_purpose::STANDARD.encode(&pdf);
    let xml = edoc_with_attachment(&b64);
    let mut sink = MemorySink::default();
    let p = read(
        BufReader::with_capacity(97, xml.as_bytes()),
        &ReadOptions::default(),
        &mut sink,
    )
    .unwrap();
    assert_eq!(sink.contents, vec![pdf.clone()]);
    let s = p.edoc().unwrap().attachments[0].payload.clone().unwrap();
    assert_eq!(s.content_bytes, pdf.len() as u64);
    assert_eq!(s.pdf_eof, Some(true));
    assert_eq!(p.edoc().unwrap().header.subject.as_deref(), Some("a & b Đ"));

    // With line breaks every 76 characters (MIME style): tolerated, counted.
    let wrapped: String = b64
        .as_bytes()
        .chunks(76)
        .map(|c| format!("{}\r\n", String::from_utf8_lossy(c)))
        .collect();
    let p2 = read_bytes(edoc_with_attachment(&wrapped).as_bytes()).unwrap();
    let s2 = p2.edoc().unwrap().attachments[0].payload.clone().unwrap();
    assert_eq!(s2.content_sha256, s.content_sha256);
    assert!(s2.base64_whitespace > 0);
    assert!(s2.base64_error.is_none());

    // A JMeter placeholder where base64 should be (the VPCP template's defect).
    let p3 =
        read_bytes(edoc_with_attachment("${__StringFromFile(test.txt,,,)}").as_bytes()).unwrap();
    let s3 = p3.edoc().unwrap().attachments[0].payload.clone().unwrap();
    assert!(
        s3.base64_error
            .as_deref()
            .unwrap()
            .contains("'$' at character 1"),
        "{:?}",
        s3.base64_error
    );
    assert_eq!(
        s3.base64_error_vi.as_deref(),
        Some("'$' tại ký tự thứ 1 không phải base64")
    );
    let report = egov_edxml::check(&p3, &egov_edxml::CheckOptions::default());
    assert!(report.findings.iter().any(|f| f.rule == "DOC-28"
        && f.outcome == egov_core::Outcome::Fail
        && f.message.contains("not base64")
        // The Vietnamese message is Vietnamese throughout.
        && f.message_vi.contains("tại ký tự thứ 1 không phải base64")
        && !f.message_vi.contains("is not base64")));
}

#[test]
fn doc_09_a_zip_wrapped_attachment_with_a_data_descriptor_is_inflated_in_a_stream() {
    use base64::Engine;
    let content = "Nội dung văn bản điện tử. ".repeat(5000).into_bytes();
    // Written by an independent implementation: the zip crate, deflate, streaming (data
    // descriptor, as Java's ZipOutputStream writes).
    let mut zipped = Vec::new();
    {
        let mut w = zip::ZipWriter::new_stream(&mut zipped);
        w.start_file(
            "5c7082fe-1111-2222-3333-444455556666.txt",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        w.write_all(&content).unwrap();
        w.finish().unwrap();
    }
    assert_eq!(&zipped[..4], b"PK\x03\x04");
    let b64 = base64::engine::general_purpose::STANDARD.encode(&zipped);
    let mut sink = MemorySink::default();
    let p = read(
        edoc_with_attachment(&b64).as_bytes(),
        &ReadOptions::default(),
        &mut sink,
    )
    .unwrap();
    assert_eq!(sink.contents[0], content);
    let s = p.edoc().unwrap().attachments[0].payload.clone().unwrap();
    match &s.wrapping {
        egov_edxml::Wrapping::Zip {
            entry_name,
            crc_ok,
            complete,
            more_entries,
            error,
            ..
        } => {
            assert_eq!(entry_name, "5c7082fe-1111-2222-3333-444455556666.txt");
            assert_eq!(
                (*crc_ok, *complete, *more_entries, error.is_none()),
                (Some(true), true, false, true)
            );
        }
        other => panic!("{other:?}"),
    }
    // A flipped byte inside the deflate data: the CRC or the inflater says so.
    let mut damaged = zipped.clone();
    let mid = damaged.len() / 2;
    damaged[mid] ^= 0x55;
    let b64 = base64::engine::general_purpose::STANDARD.encode(&damaged);
    let p = read_bytes(edoc_with_attachment(&b64).as_bytes()).unwrap();
    let report = egov_edxml::check(&p, &egov_edxml::CheckOptions::default());
    assert!(
        report.findings.iter().any(|f| f.rule == "DOC-28"
            && f.outcome == egov_core::Outcome::Fail
            && (f.message.contains("CRC-32") || f.message.contains("ZIP entry"))),
        "{:#?}",
        report.findings
    );
    // Unwrap::Never keeps the transfer bytes.
    let mut raw = MemorySink::default();
    let opts = ReadOptions {
        unwrap: egov_edxml::Unwrap::Never,
        ..ReadOptions::default()
    };
    read(
        edoc_with_attachment(&base64::engine::general_purpose::STANDARD.encode(&zipped)).as_bytes(),
        &opts,
        &mut raw,
    )
    .unwrap();
    assert_eq!(raw.contents[0], zipped);
}

/// A sink that fails: the error surfaces as a typed I/O error with a location, not a panic.
struct Failing;
impl AttachmentSink for Failing {
    fn begin(&mut self, _: usize, _: &AttachmentMeta) -> std::io::Result<()> {
        Ok(())
    }
    fn write(&mut self, _: &[u8]) -> std::io::Result<()> {
        Err(std::io::Error::other("disk full"))
    }
    fn end(&mut self, _: usize, _: &PayloadSummary) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn doc_09_a_failing_sink_is_a_typed_error() {
    let xml = edoc_with_attachment("JVBERi0xLjcK");
    let err = read(xml.as_bytes(), &ReadOptions::default(), &mut Failing).unwrap_err();
    assert_eq!(err.code(), "edxml.io");
    assert!(err.to_string().contains("disk full"), "{err}");
}

fn all_fixture_bytes() -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/edxml");
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("edxml" | "xml")
            )
        })
        .collect();
    v.sort();
    v.into_iter().map(|p| std::fs::read(p).unwrap()).collect()
}

/// A reader that hands out at most `n` bytes per read: the worst chunking.
struct Trickle<'a>(&'a [u8], usize);
impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.1.min(buf.len()).min(self.0.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// DOC-28: the chunking of the input never changes what is read (values, deviations,
    /// locations, hashes, attachment content).
    #[test]
    fn doc_28_chunking_never_changes_what_is_read(index in 0usize..18, chunk in 1usize..300, capacity in 8usize..4096) {
        let fixtures = all_fixture_bytes();
        let bytes = &fixtures[index % fixtures.len()];
        let whole = read_bytes(bytes).unwrap();
        let mut sink_a = MemorySink::default();
        let a = read(&bytes[..], &ReadOptions::default(), &mut sink_a).unwrap();
        let mut sink_b = MemorySink::default();
        let b = read(BufReader::with_capacity(capacity, Trickle(bytes, chunk)), &ReadOptions::default(), &mut sink_b).unwrap();
        prop_assert_eq!(&whole, &a);
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(a.locations, b.locations);
        prop_assert_eq!(sink_a.contents, sink_b.contents);
    }

    /// DOC-28: arbitrary bytes, and real packages with bytes flipped or cut, never panic.
    #[test]
    fn doc_28_damaged_input_never_panics(index in 0usize..18, cut in 0usize..40_000, flips in proptest::collection::vec((0usize..40_000, any::<u8>()), 0..8), junk in proptest::collection::vec(any::<u8>(), 0..256)) {
        let fixtures = all_fixture_bytes();
        let mut bytes = fixtures[index % fixtures.len()].clone();
        for (at, b) in flips {
            if !bytes.is_empty() {
                let i = at % bytes.len();
                bytes[i] = b;
            }
        }
        bytes.truncate(cut.min(bytes.len()));
        if let Ok(p) = read_bytes(&bytes) {
            let _ = egov_edxml::check(&p, &egov_edxml::CheckOptions::default());
        }
        let _ = read_bytes(&junk);
    }
}

#[test]
fn doc_28_a_zip_header_without_name_or_extra_field_neither_hangs_nor_loses_bytes() {
    use base64::Engine;
    // Found by the edxml_read fuzz target: a local header whose name and extra lengths are 0
    // made the header stage wait forever. An empty stored entry, then a raw deflate entry.
    let mut empty = b"PK\x03\x04".to_vec();
    empty.extend_from_slice(&[0u8; 26]);
    let p = read_bytes(
        edoc_with_attachment(&base64::engine::general_purpose::STANDARD.encode(&empty)).as_bytes(),
    )
    .unwrap();
    let s = p.edoc().unwrap().attachments[0].payload.clone().unwrap();
    assert_eq!(s.content_bytes, 0);
    assert!(
        matches!(s.wrapping, egov_edxml::Wrapping::Zip { ref entry_name, method: 0, crc_ok: Some(true), .. } if entry_name.is_empty()),
        "{:?}",
        s.wrapping
    );
    let mut deflated = b"PK\x03\x04\x14\x00\x00\x00\x08\x00".to_vec();
    deflated.extend_from_slice(&[0u8; 20]);
    deflated.extend_from_slice(&[0x03, 0x00]); // an empty final deflate block
    let p = read_bytes(
        edoc_with_attachment(&base64::engine::general_purpose::STANDARD.encode(&deflated))
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(
        p.edoc().unwrap().attachments[0]
            .payload
            .as_ref()
            .unwrap()
            .content_bytes,
        0
    );
}

#[test]
fn doc_28_a_byte_order_mark_keeps_offsets_lines_and_spans_in_file_bytes() {
    // Found by the edxml_read fuzz target: quick-xml does not count a BOM in its offsets.
    let plain = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../testdata/edxml/vnpt-edxml102-builder-output-2019-04-11.edxml"),
    )
    .unwrap();
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(&plain);
    let a = read_bytes(&plain).unwrap();
    let b = read_bytes(&bom).unwrap();
    let unspanned = |p: &egov_edxml::Package| {
        let mut m = p.message.clone();
        if let egov_edxml::Message::Edoc(e) = &mut m {
            if let Some(s) = &mut e.signature {
                s.span = None;
            }
        }
        m
    };
    assert_eq!(unspanned(&a), unspanned(&b));
    let sig = "edXMLEnvelope/edXMLHeader/Signature";
    let (la, lb) = (a.location(sig).unwrap(), b.location(sig).unwrap());
    assert_eq!((la.line, la.column), (lb.line, lb.column));
    assert_eq!(lb.offset, la.offset + 3);
    let span =
        |p: &egov_edxml::Package| p.edoc().unwrap().signature.as_ref().unwrap().span.unwrap();
    assert_eq!(span(&b), (span(&a).0 + 3, span(&a).1 + 3));
    assert_eq!(
        &bom[span(&b).0 as usize..span(&b).0 as usize + 10],
        b"<Signature"
    );
    assert!(b.deviations.iter().any(|d| d.code == "edxml.bom"));
    // Damaged after a BOM: no panic, whatever the input.
    let crash = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../fuzz/regressions/edxml_read/bom-line-offsets"),
    )
    .unwrap();
    let _ = read_bytes(&crash);
}

/// DOC-09, DOC-28: where the base64 text breaks, everything decodable before the break still
/// reaches the sink (whole groups of four), so a receiver keeps what was sent and sees where it
/// stopped — whatever the chunking and however far the break is from a buffer boundary.
#[test]
fn doc_28_bytes_before_broken_base64_reach_the_sink() {
    use base64::Engine;
    let text: Vec<u8> = (0..60_000u32).map(|i| b'a' + (i % 26) as u8).collect();
    let b64 = base64::engine::general_purpose::STANDARD.encode(&text);
    for (cut, bad) in [(25_001usize, "!"), (16_384, "*"), (3, "?"), (40_000, "===")] {
        let broken = format!("{}{bad}{}", &b64[..cut], &b64[cut..]);
        let xml = edoc_with_attachment(&broken);
        for chunk in [61usize, 4096, 1 << 20] {
            let mut sink = MemorySink::default();
            let p = read(
                BufReader::with_capacity(chunk, xml.as_bytes()),
                &ReadOptions::default(),
                &mut sink,
            )
            .unwrap();
            let s = p.edoc().unwrap().attachments[0].payload.clone().unwrap();
            assert!(s.base64_error.is_some(), "{cut} {bad}");
            let kept = cut / 4 * 3;
            assert_eq!(
                s.content_bytes, kept as u64,
                "cut {cut} {bad:?} chunk {chunk}"
            );
            assert_eq!(sink.contents[0], text[..kept], "cut {cut} chunk {chunk}");
        }
    }
}
