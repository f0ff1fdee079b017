//! A 64 MiB attachment is built into a package, read, hashed and written back (extracted, then
//! rebuilt) with peak memory under 32 MiB above the process's baseline (issue #12; DOC-09:
//! the content includes every attachment, whatever its size). One test in its own binary, so
//! the peak (VmHWM, reset through /proc/self/clear_refs) is this test's alone.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};

use egov_edxml::*;

const SIZE: u64 = 64 << 20;

/// Pseudo-random bytes, never held whole.
struct Noise {
    left: u64,
    state: u64,
}

impl Read for Noise {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = (self.left.min(buf.len() as u64)) as usize;
        for b in &mut buf[..n] {
            self.state ^= self.state << 13;
            self.state ^= self.state >> 7;
            self.state ^= self.state << 17;
            *b = (self.state >> 24) as u8;
        }
        self.left -= n as u64;
        Ok(n)
    }
}

fn status_kib(field: &str) -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Resets the peak to the current resident size (Linux ≥ 4.0).
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// Writes each attachment to a file in `dir`, hashing nothing itself (the reader does).
struct FileSink {
    dir: std::path::PathBuf,
    file: Option<BufWriter<File>>,
}

impl AttachmentSink for FileSink {
    fn begin(&mut self, index: usize, _: &AttachmentMeta) -> io::Result<()> {
        self.file = Some(BufWriter::new(File::create(
            self.dir.join(format!("a{index}")),
        )?));
        Ok(())
    }
    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        match &mut self.file {
            Some(f) => f.write_all(bytes),
            None => Ok(()),
        }
    }
    fn end(&mut self, _: usize, _: &PayloadSummary) -> io::Result<()> {
        match self.file.take() {
            Some(mut f) => f.flush(),
            None => Ok(()),
        }
    }
}

#[test]
fn doc_09_a_64_mib_attachment_streams_with_bounded_memory() {
    let dir = std::env::temp_dir().join(format!("egov-edxml-memory-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
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
            document_id: Some("000.00.00.G22,2026/12/04,16/VPCP-TTĐT".into()),
            subject: Some("Tệp đính kèm lớn".into()),
            ..Default::default()
        },
        attachments: vec![Attachment {
            content_id: Some("cid:big".into()),
            attachment_name: Some("big.bin".into()),
            content_type: Some("application/octet-stream".into()),
            ..Default::default()
        }],
        ..Default::default()
    };
    let package = dir.join("big.edxml");
    let baseline_before_build = status_kib("VmRSS:").unwrap();
    let measured = reset_peak();

    // Build: the content streams from a reader through base64 into the file.
    let built = write_edoc(
        BufWriter::new(File::create(&package).unwrap()),
        &edoc,
        vec![AttachmentSource::reader(
            Noise {
                left: SIZE,
                state: 0x9E37_79B9_7F4A_7C15,
            },
            Wrap::Raw,
        )],
        &BuildOptions::default(),
    )
    .unwrap();
    assert_eq!(built.attachments[0].0, SIZE);
    let peak_build = status_kib("VmHWM:").unwrap();

    // Read: hash and write the attachment back out.
    let baseline = status_kib("VmRSS:").unwrap();
    reset_peak();
    let mut sink = FileSink {
        dir: dir.clone(),
        file: None,
    };
    let p = read(
        BufReader::with_capacity(64 << 10, File::open(&package).unwrap()),
        &ReadOptions::default(),
        &mut sink,
    )
    .unwrap();
    let peak_read = status_kib("VmHWM:").unwrap();
    let summary = p.edoc().unwrap().attachments[0].payload.clone().unwrap();
    assert_eq!(summary.content_bytes, SIZE);
    assert_eq!(summary.content_sha256, built.attachments[0].1);
    assert_eq!(std::fs::metadata(dir.join("a0")).unwrap().len(), SIZE);
    assert_eq!(
        p.sha256, built.sha256,
        "the file hash as read equals the hash as written"
    );

    // Written back: the extracted file rebuilt into a package, zipped as the JAR does.
    reset_peak();
    let again = write_edoc(
        BufWriter::new(File::create(dir.join("again.edxml")).unwrap()),
        &edoc,
        vec![AttachmentSource::reader(
            BufReader::new(File::open(dir.join("a0")).unwrap()),
            Wrap::default(),
        )],
        &BuildOptions::default(),
    )
    .unwrap();
    let peak_rebuild = status_kib("VmHWM:").unwrap();
    assert_eq!(again.attachments[0].1, summary.content_sha256);

    // And read once more through the ZIP inflater.
    reset_peak();
    let zipped = read(
        BufReader::new(File::open(dir.join("again.edxml")).unwrap()),
        &ReadOptions::default(),
        &mut DiscardSink,
    )
    .unwrap();
    let peak_unzip = status_kib("VmHWM:").unwrap();
    assert_eq!(
        zipped.edoc().unwrap().attachments[0]
            .payload
            .as_ref()
            .unwrap()
            .content_sha256,
        summary.content_sha256
    );
    std::fs::remove_dir_all(&dir).ok();

    let over = |peak: u64, base: u64| peak.saturating_sub(base);
    eprintln!(
        "64 MiB attachment, peak KiB above the resident baseline: build {} (baseline {} KiB), read+hash+extract {}, rebuild zipped {}, read zipped {}",
        over(peak_build, baseline_before_build),
        baseline_before_build,
        over(peak_read, baseline),
        over(peak_rebuild, baseline),
        over(peak_unzip, baseline),
    );
    assert!(
        measured,
        "/proc/self/clear_refs is needed to measure the peak"
    );
    for (what, peak) in [
        ("build", over(peak_build, baseline_before_build)),
        ("read", over(peak_read, baseline)),
        ("rebuild", over(peak_rebuild, baseline)),
        ("unzip", over(peak_unzip, baseline)),
    ] {
        assert!(peak < 32 * 1024, "{what}: {peak} KiB above the baseline");
    }
}
