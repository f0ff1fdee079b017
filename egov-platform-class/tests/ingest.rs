//! PLAT-01 input handling (NĐ 137/2024 Đ17.1): every line accounted for, compressed input, any
//! column order, true line numbers whatever the thread count, no "0 users" from unusable input.

use std::io::Write;

use egov_platform_class::csv::{KindAliases, MalformedReason};
use egov_platform_class::{count_csv_reader, Compression, CountOptions, CountResult, IngestError};

/// `n` lines: users `i % 5000`, one per 5 minutes from 2025-01-01, every 7th line of kind
/// `view`, every 1000th line broken.
fn events_csv(n: usize, header: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if header {
        out.extend_from_slice(b"user_id,timestamp,kind,in_vietnam\n");
    }
    for i in 0..n {
        let t = 1_735_664_400 + (i as i64) * 300;
        let line = if i % 1000 == 999 {
            format!("{},not-a-time,l,1\n", i % 5000)
        } else if i % 7 == 0 {
            format!("{},{t},view,1\n", i % 5000)
        } else {
            format!("{},{t},{},1\n", i % 5000, ["l", "login", "s", "a"][i % 4])
        };
        out.extend_from_slice(line.as_bytes());
    }
    out
}

fn count(bytes: &[u8], threads: usize) -> Result<CountResult, IngestError> {
    count_csv_reader(
        bytes,
        "test",
        Some(bytes.len() as u64),
        &CountOptions {
            threads,
            ..Default::default()
        },
    )
}

#[test]
fn plat_01_lines_not_counted_are_accounted_for_by_reason() {
    let data = events_csv(20_000, true);
    let r = count(&data, 1).unwrap();
    let lines = r.summary.lines.as_ref().unwrap();
    assert_eq!(lines.lines, 20_001);
    assert_eq!(lines.header_lines, 1);
    let views = (0..20_000)
        .filter(|i| i % 7 == 0 && i % 1000 != 999)
        .count() as u64;
    assert_eq!(lines.unrecognised_kinds["view"], views);
    assert_eq!(lines.malformed_by_reason[&MalformedReason::BadKind], views);
    assert_eq!(
        lines.malformed_by_reason[&MalformedReason::BadTimestamp],
        20
    );
    assert_eq!(
        lines.lines,
        lines.header_lines + lines.blank_lines + lines.events + lines.malformed
    );
    assert_eq!(r.summary.events.events_seen, lines.events);
}

#[test]
fn plat_01_line_numbers_and_offsets_do_not_depend_on_threads() {
    // About 6 MB: several 1 MiB blocks, so the threads really split the input.
    let data = events_csv(250_000, true);
    let one = count(&data, 1).unwrap();
    for threads in [2, 3, 8] {
        let many = count(&data, threads).unwrap();
        assert_eq!(many.threads, threads);
        assert_eq!(many.summary, one.summary, "{threads} threads");
    }
    let lines = one.summary.lines.unwrap();
    let text = String::from_utf8(data.clone()).unwrap();
    for e in &lines.examples {
        // The reported line number and byte offset both point at the reported text.
        let by_number = text.lines().nth(e.line as usize - 1).unwrap();
        assert_eq!(by_number, e.text);
        assert!(text[e.offset as usize..].starts_with(&e.text));
    }
    assert_eq!(lines.examples.len(), egov_platform_class::csv::MAX_EXAMPLES);
}

#[test]
fn plat_01_gzip_and_zstd_read_transparently() {
    let data = events_csv(30_000, true);
    let plain = count(&data, 2).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&data).unwrap();
    let gz = gz.finish().unwrap();
    let zst = zstd::encode_all(&data[..], 3).unwrap();
    for (bytes, kind) in [(gz, Compression::Gzip), (zst, Compression::Zstd)] {
        let r = count(&bytes, 2).unwrap();
        assert_eq!(r.compression, kind);
        assert_eq!(r.summary, plain.summary, "{kind:?}");
    }
    // A truncated compressed file is an I/O error, not a short count.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&data).unwrap();
    let gz = gz.finish().unwrap();
    let err = count(&gz[..gz.len() / 2], 1).unwrap_err();
    assert!(matches!(err, IngestError::Io { .. }), "{err}");
}

#[test]
fn plat_01_header_in_any_column_order_counts_the_same() {
    let data = events_csv(5_000, false);
    let plain = count(&data, 1).unwrap();
    let mut swapped = b"kind,in_vietnam,timestamp,user_id\n".to_vec();
    for line in String::from_utf8(data).unwrap().lines() {
        let f: Vec<&str> = line.split(',').collect();
        swapped.extend_from_slice(format!("{},{},{},{}\n", f[2], f[3], f[1], f[0]).as_bytes());
    }
    let r = count(&swapped, 2).unwrap();
    assert!(r.columns.named);
    assert_eq!(r.summary.months, plain.summary.months);
    assert_eq!(r.summary.events, plain.summary.events);
}

#[test]
fn plat_01_input_without_any_event_is_an_error_not_zero_users() {
    for bytes in [
        &b""[..],
        b"user_id,timestamp,kind,in_vietnam\n",
        b"1,1738344600,view,1\n2,1738344600,view,1\n",
        b"\x1f\x8b\x08\x00garbage",
        b"1;1738344600;l;1\n",
    ] {
        let err = count(bytes, 1).unwrap_err();
        assert_eq!(
            egov_core::ErrorCode::code(&err),
            match err {
                IngestError::Io { .. } => "io.read",
                _ => "platform.no_events",
            }
        );
        if let IngestError::NoEvents(lines) = &err {
            assert_eq!(lines.events, 0);
            assert!(!err.message_vi().is_empty());
        }
    }
    let err = count(b"1,1738344600,view,1\n", 1).unwrap_err();
    assert!(err.to_string().contains("\"view\" × 1"), "{err}");
}

#[test]
fn plat_01_kind_aliases_are_the_callers_choice() {
    let data = b"1,1738344600,view,1\n2,1738344600,view,1\n";
    let mut kinds = KindAliases::default();
    let (k, v) = KindAliases::parse_pair("view=access").unwrap();
    kinds.0.insert(k, v);
    let r = count_csv_reader(
        &data[..],
        "test",
        None,
        &CountOptions {
            kinds,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(r.summary.months[0].active_users, 2);
}

#[test]
fn plat_01_line_longer_than_a_block_is_counted_and_numbering_continues() {
    let mut data = b"1,1738344600,l,1\n".to_vec();
    data.extend(std::iter::repeat_n(b'x', 3 << 20));
    data.extend_from_slice(b"\n2,1738344600,l,1\nbad\n");
    for threads in [1, 2] {
        let r = count(&data, threads).unwrap();
        let lines = r.summary.lines.unwrap();
        assert_eq!(lines.lines, 4);
        assert_eq!(lines.events, 2);
        assert_eq!(lines.malformed_by_reason[&MalformedReason::LineTooLong], 1);
        let bad = lines.examples.iter().find(|e| e.text == "bad").unwrap();
        assert_eq!(bad.line, 4);
        assert_eq!(bad.offset as usize, data.len() - 4);
        assert_eq!(lines.examples[0].line, 2);
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// One line: a valid event, a kind outside Đ17.1, a broken line, a blank or a long one.
    fn line() -> impl Strategy<Value = String> {
        prop_oneof![
            6 => (0u64..50, 0i64..40_000_000, 0usize..4, any::<bool>()).prop_map(|(u, t, k, vn)| {
                format!("{u},{},{},{}", 1_735_664_400 + t, ["l", "access", "s", "view"][k], u8::from(vn))
            }),
            1 => "[a-z0-9,:; -]{0,30}",
            1 => Just(String::new()),
            1 => (4000usize..4200).prop_map(|n| "9".repeat(n)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        /// PLAT-01: the accounting (line numbers and offsets included) and the counts do not depend
        /// on the thread count, the block size or the line endings' position in the blocks.
        #[test]
        fn plat_01_threads_and_blocks_never_change_the_result(
            lines in prop::collection::vec(line(), 1..400),
            header in any::<bool>(),
            crlf in any::<bool>(),
            threads in 2usize..5,
            block in 4098usize..9000,
        ) {
            let end = if crlf { "\r\n" } else { "\n" };
            let mut text = if header { format!("user_id,timestamp,kind,in_vietnam{end}") } else { String::new() };
            for l in &lines {
                text.push_str(l);
                text.push_str(end);
            }
            let one = count_csv_reader(text.as_bytes(), "t", None, &CountOptions { threads: 1, ..Default::default() });
            let many = count_csv_reader(text.as_bytes(), "t", None, &CountOptions { threads, block_size: block, ..Default::default() });
            match (one, many) {
                (Ok(a), Ok(b)) => {
                    prop_assert_eq!(&a.summary, &b.summary);
                    let l = a.summary.lines.unwrap();
                    prop_assert_eq!(l.lines, l.header_lines + l.blank_lines + l.events + l.malformed);
                    for e in &l.examples {
                        let by_number = text.split(end).nth(e.line as usize - 1).unwrap_or_default();
                        let shown: String = by_number.chars().take(120).collect();
                        prop_assert_eq!(&shown, &e.text);
                        prop_assert!(text.as_bytes()[e.offset as usize..].starts_with(by_number.as_bytes()));
                    }
                }
                (Err(IngestError::NoEvents(a)), Err(IngestError::NoEvents(b))) => prop_assert_eq!(a, b),
                (a, b) => prop_assert!(false, "{:?} vs {:?}", a.map(|r| r.summary), b.map(|r| r.summary)),
            }
        }
    }
}
