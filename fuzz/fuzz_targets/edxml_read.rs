//! edXML packages read from untrusted bytes (`egov_edxml::read`) and checked (DOC-05, DOC-28):
//! never a panic; `read_bytes` (a tree borrowed from the input) reads what the streamed `read`
//! reads; what reads in one piece reads the same in small chunks; a package that reads
//! is checked, and rebuilt from its typed values reads back with the same values and the same
//! attachment content.
#![no_main]

use std::io::{BufReader, Read};

use egov_edxml::{
    build_status, check, read, read_bytes, write_edoc, AttachmentSource, BuildOptions,
    CheckOptions, DiscardSink, Limits, MemorySink, Message, ReadOptions, Wrap, Wrapping,
};
use libfuzzer_sys::fuzz_target;

/// Hands out at most 7 bytes per read.
struct Trickle<'a>(&'a [u8]);
impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = 7.min(buf.len()).min(self.0.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

fuzz_target!(|data: &[u8]| {
    // The in-memory fast path (a tree borrowed from the input) agrees with the streamed read.
    let fast = read_bytes(data);
    let streamed = read(data, &ReadOptions::default(), &mut DiscardSink);
    match (&fast, &streamed) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "read_bytes and read disagree"),
        (Err(a), Err(b)) => assert_eq!(
            a.to_string(),
            b.to_string(),
            "read_bytes and read fail differently"
        ),
        _ => panic!("read_bytes and read disagree on whether it reads: {fast:?} / {streamed:?}"),
    }
    // Small limits, so that the limit paths are reached too.
    let options = ReadOptions {
        limits: Limits {
            max_depth: 24,
            max_elements: 2_000,
            max_text_bytes: 4_096,
            max_markup_bytes: 4_096,
            ..Limits::default()
        },
        ..ReadOptions::default()
    };
    let mut sink = MemorySink::default();
    let whole = read(data, &options, &mut sink);
    let mut sink2 = MemorySink::default();
    let chunked = read(
        BufReader::with_capacity(16, Trickle(data)),
        &options,
        &mut sink2,
    );
    match (&whole, &chunked) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a, b, "chunking changed what was read");
            assert_eq!(sink.contents, sink2.contents);
        }
        (Err(a), Err(b)) => assert_eq!(a.code(), b.code(), "chunking changed the error: {a} / {b}"),
        _ => panic!("chunking changed whether the package reads: {whole:?} / {chunked:?}"),
    }
    let Ok(package) = whole else { return };
    let report = check(&package, &CheckOptions::default());
    for f in &report.findings {
        assert!(!f.message.is_empty() && !f.message_vi.is_empty());
    }
    // Rebuild and read back.
    let rebuilt = match &package.message {
        Message::Edoc(e) => {
            // One streamed payload per attachment, in order; otherwise the pairing is unknown.
            if e.attachments.iter().any(|a| a.payload.is_none())
                || e.attachments.len() != sink.contents.len()
            {
                return;
            }
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
            match write_edoc(&mut out, e, sources, &BuildOptions::default()) {
                Ok(_) => out,
                // Values XML cannot carry (control characters read from references) are refused.
                Err(err) => {
                    assert_eq!(err.code(), "edxml.build.invalid_char", "{err}");
                    return;
                }
            }
        }
        Message::Status(s) => match build_status(s, &BuildOptions::default()) {
            Ok(b) => b,
            Err(err) => {
                assert_eq!(err.code(), "edxml.build.invalid_char", "{err}");
                return;
            }
        },
    };
    let mut back_sink = MemorySink::default();
    let back = read(&rebuilt[..], &ReadOptions::default(), &mut back_sink)
        .unwrap_or_else(|e| panic!("a rebuilt package does not read: {e}"));
    assert_eq!(back.message.kind(), package.message.kind());
    assert_eq!(
        back_sink.contents, sink.contents,
        "attachment content changed through a rebuild"
    );
});
