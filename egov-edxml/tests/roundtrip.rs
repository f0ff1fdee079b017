//! Building (DOC-05, QĐ 28/2018/QĐ-TTg Đ14.2: the packet format of the Ministry): the VNPT
//! builder's layout byte for byte, and read(build(x)) == x for real packages and random ones.

use std::path::PathBuf;

use egov_edxml::*;
use proptest::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../testdata/edxml")
            .join(name),
    )
    .unwrap()
}

fn fixture_names() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../testdata/edxml");
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".edxml") || n.ends_with(".xml"))
        .collect();
    v.sort();
    v
}

/// The message with each payload reduced to what survives a rebuild: the content.
fn normalised(m: &Message) -> Message {
    let mut m = m.clone();
    if let Message::Edoc(e) = &mut m {
        for a in &mut e.attachments {
            if let Some(p) = &a.payload {
                let mut q = p.clone();
                q.base64_chars = 0;
                q.base64_whitespace = 0;
                q.transfer_bytes = 0;
                q.transfer_sha256.clear();
                q.wrapping = Wrapping::Raw;
                a.payload = Some(q);
            }
        }
        if let Some(s) = &mut e.signature {
            s.span = None;
        }
        // A package without a manifest is rebuilt with the one its attachments imply.
        if e.manifest.is_none() && !e.attachments.is_empty() {
            e.manifest = Some(
                e.attachments
                    .iter()
                    .map(|a| Reference {
                        content_id: a.content_id.clone(),
                        content_type: a.content_type.clone(),
                        description: a.description.clone(),
                        attachment_name: a.attachment_name.clone(),
                    })
                    .collect(),
            );
        }
    }
    m
}

fn rebuild(bytes: &[u8], line_ending: LineEnding) -> (Package, Vec<u8>, Vec<Vec<u8>>) {
    let mut sink = MemorySink::default();
    let first = read(bytes, &ReadOptions::default(), &mut sink).unwrap();
    let out = match &first.message {
        Message::Edoc(e) => {
            let sources = e
                .attachments
                .iter()
                .zip(&sink.contents)
                .map(|(a, c)| {
                    let wrap = match a.payload.as_ref().map(|p| &p.wrapping) {
                        Some(Wrapping::Zip { entry_name, .. }) => Wrap::Zip {
                            entry_name: Some(entry_name.clone()),
                        },
                        _ => Wrap::Raw,
                    };
                    AttachmentSource::reader(&c[..], wrap)
                })
                .collect();
            let mut out = Vec::new();
            write_edoc(&mut out, e, sources, &BuildOptions { line_ending }).unwrap();
            out
        }
        Message::Status(s) => build_status(s, &BuildOptions { line_ending }).unwrap(),
    };
    (first, out, sink.contents)
}

#[test]
fn doc_05_every_real_package_rebuilt_reads_back_equal() {
    for name in fixture_names() {
        let bytes = fixture(&name);
        for le in [LineEnding::Crlf, LineEnding::Lf] {
            let (first, out, contents) = rebuild(&bytes, le);
            let mut sink = MemorySink::default();
            let second = read(&out[..], &ReadOptions::default(), &mut sink)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            // The non-standard layout is rebuilt in the standard one: its attachment moves.
            assert_eq!(
                normalised(&first.message),
                normalised(&second.message),
                "{name}"
            );
            assert_eq!(contents, sink.contents, "{name}");
            // The rebuilt package is in the reference layout: what remains is what the content
            // lacks (missing elements) or carries (a Signature outside XMLDSig).
            assert!(
                second
                    .deviations
                    .iter()
                    .all(|d| d.code == "edxml.signature_namespace"
                        || d.code == "edxml.missing_element"),
                "{name}: {:#?}",
                second.deviations
            );
            let (crlf, lf) = second.line_breaks;
            match le {
                LineEnding::Crlf => assert_eq!(lf, 0, "{name}"),
                LineEnding::Lf => assert_eq!(crlf, 0, "{name}"),
            }
        }
    }
}

#[test]
fn doc_05_the_status_builder_sample_is_rebuilt_byte_for_byte() {
    let bytes = fixture("vpcp-sdk-sample-status_builder_01.edxml");
    let (_, out, _) = rebuild(&bytes, LineEnding::Crlf);
    assert_eq!(
        String::from_utf8_lossy(&out),
        String::from_utf8_lossy(&bytes)
    );
}

#[test]
fn doc_05_the_vnpt_builder_output_is_rebuilt_byte_for_byte_but_the_zip() {
    // Everything but the attachment's base64 (another deflater, another ZIP timestamp) is
    // the JAR's own bytes.
    let bytes = fixture("vnpt-edxml102-builder-output-2019-04-11.edxml");
    let (_, out, _) = rebuild(&bytes, LineEnding::Crlf);
    let split = |b: &[u8]| {
        let s = String::from_utf8_lossy(b).into_owned();
        let start = s.find("<edXML:ContentTransferEncoded").unwrap();
        let body_start = start + s[start..].find('>').unwrap() + 1;
        let end = s.find("</edXML:ContentTransferEncoded>").unwrap();
        (s[..body_start].to_owned(), s[end..].to_owned())
    };
    let (a_head, a_tail) = split(&bytes);
    let (b_head, b_tail) = split(&out);
    assert_eq!(b_head, a_head);
    assert_eq!(b_tail, a_tail);
}

#[test]
fn doc_05_the_builder_zips_as_the_jar_does_with_a_data_descriptor() {
    let edoc = Edoc {
        header: EdocHeader {
            from: Some(Organization {
                organ_id: Some("000.00.00.G22".into()),
                ..Default::default()
            }),
            to: vec![Organization {
                organ_id: Some("000.00.00.H41".into()),
                ..Default::default()
            }],
            document_id: Some("000.00.00.G22,2026/12/04,15/VPCP-TTĐT".into()),
            subject: Some("V/v thử nghiệm".into()),
            ..Default::default()
        },
        attachments: vec![Attachment {
            content_id: Some("cid:1".into()),
            attachment_name: Some("Công văn.pdf".into()),
            content_type: Some("application/pdf".into()),
            ..Default::default()
        }],
        ..Default::default()
    };
    let content = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n";
    let out = build_edoc(&edoc, &[content], &BuildOptions::default()).unwrap();
    let text = String::from_utf8(out.clone()).unwrap();
    // The manifest is derived from the attachments.
    assert!(text.contains("<edXML:ContentId>cid:1</edXML:ContentId>"));
    let mut sink = MemorySink::default();
    let p = read(&out[..], &ReadOptions::default(), &mut sink).unwrap();
    assert_eq!(sink.contents[0], content);
    match &p.edoc().unwrap().attachments[0]
        .payload
        .as_ref()
        .unwrap()
        .wrapping
    {
        Wrapping::Zip {
            entry_name,
            method,
            crc_ok,
            complete,
            ..
        } => {
            assert!(
                entry_name.ends_with(".pdf") && entry_name.len() == 40,
                "{entry_name}"
            );
            assert_eq!((*method, *crc_ok, *complete), (8, Some(true), true));
        }
        other => panic!("{other:?}"),
    }
    // The same input builds the same bytes.
    assert_eq!(
        build_edoc(&edoc, &[content], &BuildOptions::default()).unwrap(),
        out
    );
    // Control characters are refused with the element's path.
    let mut bad = edoc.clone();
    bad.header.subject = Some("a\u{1}b".into());
    let err = build_edoc(&bad, &[content], &BuildOptions::default()).unwrap_err();
    assert_eq!(err.code(), "edxml.build.invalid_char");
    assert!(err.to_string().contains("Subject"), "{err}");
    let err = build_edoc(&edoc, &[], &BuildOptions::default()).unwrap_err();
    assert_eq!(err.code(), "edxml.build.attachment_count");
}

fn text() -> impl Strategy<Value = String> {
    // Vietnamese, markup characters, CR and LF, spaces at the ends.
    proptest::string::string_regex("[ a-zA-Z0-9&<>\"'/.,:;Đđăâêôơưáàảãạếềểễệ\r\n\t-]{0,24}")
        .unwrap()
}

fn opt() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(text())
}

fn org() -> impl Strategy<Value = Organization> {
    (opt(), opt(), opt(), opt()).prop_map(|(organ_id, organ_name, email, website)| Organization {
        organ_id,
        organ_name,
        email,
        website,
        ..Default::default()
    })
}

fn edoc() -> impl Strategy<Value = Edoc> {
    (
        proptest::option::of(org()),
        proptest::collection::vec(org(), 0..3),
        (opt(), opt(), opt(), opt()),
        proptest::option::of((opt(), opt())),
        proptest::option::of(proptest::collection::vec(text(), 0..3)),
        proptest::collection::vec((opt(), opt(), opt(), opt()), 0..2),
        proptest::option::of((
            proptest::collection::vec((opt(), opt()), 0..3),
            any::<bool>(),
            proptest::option::of((opt(), opt(), opt())),
        )),
        proptest::collection::vec(
            (
                opt(),
                opt(),
                opt(),
                proptest::collection::vec(any::<u8>(), 0..200),
            ),
            0..3,
        ),
    )
        .prop_map(
            |(
                from,
                to,
                (document_id, subject, due_date, steering_type),
                code,
                to_places,
                rfs,
                trace,
                atts,
            )| {
                let (attachments, _contents): (Vec<Attachment>, Vec<Vec<u8>>) = atts
                    .into_iter()
                    .map(|(content_id, attachment_name, content_type, bytes)| {
                        (
                            Attachment {
                                content_id,
                                attachment_name,
                                content_type,
                                description: None,
                                payload: None,
                            },
                            bytes,
                        )
                    })
                    .unzip();
                Edoc {
                    header: EdocHeader {
                        from,
                        to,
                        document_id,
                        subject,
                        due_date,
                        steering_type,
                        code: code.map(|(number, notation)| Code { number, notation }),
                        to_places,
                        response_for: rfs
                            .into_iter()
                            .map(
                                |(organ_id, code, promulgation_date, document_id)| ResponseFor {
                                    organ_id,
                                    code,
                                    promulgation_date,
                                    document_id,
                                },
                            )
                            .collect(),
                        ..Default::default()
                    },
                    trace: trace.map(|(hs, business_first, b)| TraceHeaderList {
                        trace_headers: hs
                            .into_iter()
                            .map(|(organ_id, timestamp)| TraceHeader {
                                organ_id,
                                timestamp,
                            })
                            .collect(),
                        business_first,
                        business: b.map(|(document_id, doc_type, reason)| Business {
                            document_id,
                            doc_type,
                            reason,
                            ..Default::default()
                        }),
                    }),
                    attachments,
                    ..Default::default()
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// DOC-05: read(build(x)) == x for any package the model can hold (text with markup
    /// characters, CR, LF, tabs, Vietnamese; empty and absent elements; either trace order).
    #[test]
    fn doc_05_read_of_build_is_identity(e in edoc(), contents in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..300), 3), lf in any::<bool>()) {
        let contents: Vec<&[u8]> = contents.iter().take(e.attachments.len()).map(|c| c.as_slice()).collect();
        let options = BuildOptions { line_ending: if lf { LineEnding::Lf } else { LineEnding::Crlf } };
        let bytes = build_edoc(&e, &contents, &options).unwrap();
        let mut sink = MemorySink::default();
        let back = read(&bytes[..], &ReadOptions::default(), &mut sink).unwrap();
        let Message::Edoc(got) = &back.message else { panic!("not an edoc") };
        let mut got = (**got).clone();
        for a in &mut got.attachments {
            a.payload = None;
        }
        let mut want = e.clone();
        // A trace with business but no entries reads back business-first.
        if let Some(t) = &mut want.trace {
            if t.trace_headers.is_empty() && t.business.is_some() {
                t.business_first = true;
            }
            if t.business.is_none() {
                t.business_first = false;
            }
        }
        // The manifest is derived from the attachments.
        want.manifest = Some(e.attachments.iter().map(|a| Reference { content_id: a.content_id.clone(), content_type: a.content_type.clone(), description: a.description.clone(), attachment_name: a.attachment_name.clone() }).collect());
        prop_assert_eq!(got, want);
        let contents: Vec<Vec<u8>> = contents.iter().map(|c| c.to_vec()).collect();
        prop_assert_eq!(sink.contents, contents);
    }
}
