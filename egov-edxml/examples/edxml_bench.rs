//! Side-by-side benchmark driver (benches/edxml_vs_lxml.sh): times egov's read + check of each
//! package, the same files Python lxml parses in the same run.
//!
//!   edxml_bench gen OUT.edxml MIB        write a package with one MIB-MiB attachment (zipped)
//!   edxml_bench time SECONDS FILE…       read + check each file repeatedly for about SECONDS
//!   edxml_bench read SECONDS FILE…       read only (attachments still decoded, unzipped, hashed)
//!   edxml_bench floor SECONDS FILE…      quick-xml's tokeniser alone: every event of the file,
//!                                         borrowed, nothing resolved, kept, decoded or checked
//!                                         (the floor under any reader built on quick-xml)
//!                                         (time, read, floor: SECONDS as `Nx` for exactly N runs,
//!                                         for instruction counts)
//!   edxml_bench sign IN OUT KEY CERTS    sign a package (PKCS#8 key, PEM chain)
//!   edxml_bench verify SECONDS FILE ROOT verify repeatedly in process; verify1 FILE ROOT once
//!                                         prints `file<TAB>bytes<TAB>runs<TAB>µs per run`
use std::io::{BufWriter, Read};
use std::time::{Duration, Instant};

use egov_edxml::*;

struct Noise(u64, u64);
impl Read for Noise {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = (self.0.min(buf.len() as u64)) as usize;
        for b in &mut buf[..n] {
            self.1 ^= self.1 << 13;
            self.1 ^= self.1 >> 7;
            self.1 ^= self.1 << 17;
            // Text-like bytes, so that the zip wrapper compresses as it would a document.
            *b = b"abcdefghij klmnop\n"[(self.1 % 18) as usize];
        }
        self.0 -= n as u64;
        Ok(n)
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("gen") if args.len() == 3 => {
            let mib: u64 = args[2].parse().unwrap_or(10);
            let edoc = Edoc {
                header: EdocHeader {
                    from: Some(Organization {
                        organ_id: Some("000.00.00.G22".into()),
                        organ_name: Some("Văn phòng Chính phủ".into()),
                        ..Default::default()
                    }),
                    to: vec![Organization {
                        organ_id: Some("000.00.00.H41".into()),
                        ..Default::default()
                    }],
                    document_id: Some("000.00.00.G22,2026/12/04,17/VPCP-TTĐT".into()),
                    code: Some(Code {
                        number: Some("17".into()),
                        notation: Some("VPCP-TTĐT".into()),
                    }),
                    promulgation_info: Some(PromulgationInfo {
                        place: Some("Hà Nội".into()),
                        date: Some("2026/12/04".into()),
                    }),
                    document_type: Some(DocumentType {
                        type_code: Some("1".into()),
                        type_detail: Some("0".into()),
                        type_name: Some("Công văn".into()),
                    }),
                    subject: Some("V/v thử nghiệm hiệu năng".into()),
                    signer_info: Some(SignerInfo {
                        competence: Some("KT. BỘ TRƯỞNG".into()),
                        position: Some("THỨ TRƯỞNG".into()),
                        full_name: Some("Nguyễn Văn A".into()),
                    }),
                    ..Default::default()
                },
                trace: Some(TraceHeaderList {
                    trace_headers: vec![TraceHeader {
                        organ_id: Some("000.00.00.G22".into()),
                        timestamp: Some("2026/12/04 09:00:00".into()),
                    }],
                    ..Default::default()
                }),
                attachments: vec![Attachment {
                    content_id: Some("cid:1".into()),
                    attachment_name: Some("big.txt".into()),
                    content_type: Some("text/plain".into()),
                    ..Default::default()
                }],
                ..Default::default()
            };
            let out = BufWriter::new(
                std::fs::File::create(&args[1]).unwrap_or_else(|e| fail(&e.to_string())),
            );
            let source =
                AttachmentSource::reader(Noise(mib << 20, 0x2545_F491_4F6C_DD1D), Wrap::default());
            match write_edoc(out, &edoc, vec![source], &BuildOptions::default()) {
                Ok(s) => println!("{}\t{} bytes", args[1], s.bytes),
                Err(e) => fail(&e.to_string()),
            }
        }
        Some(mode @ ("time" | "read" | "floor")) if args.len() >= 3 => {
            // `Nx`: exactly N runs (callgrind: the difference of two counts is per run).
            let exact: Option<u64> = args[1].strip_suffix('x').and_then(|n| n.parse().ok());
            let budget = Duration::from_secs_f64(args[1].parse().unwrap_or(2.0));
            for path in &args[2..] {
                let bytes = std::fs::read(path).unwrap_or_else(|e| fail(&e.to_string()));
                let start = Instant::now();
                let mut runs = 0u64;
                // Findings (time) or events (floor), over every run.
                let mut count = 0usize;
                while match exact {
                    Some(n) => runs < n,
                    None => runs < 3 || start.elapsed() < budget,
                } {
                    count += if mode == "floor" {
                        tokenise(std::hint::black_box(&bytes))
                    } else {
                        let package = read_bytes(&bytes).unwrap_or_else(|e| fail(&e.to_string()));
                        match mode {
                            "time" => check(&package, &CheckOptions::default()).findings.len(),
                            _ => 0,
                        }
                    };
                    runs += 1;
                }
                let us = start.elapsed().as_secs_f64() * 1e6 / runs as f64;
                println!(
                    "{path}\t{}\t{runs}\t{us:.1}\t{}",
                    bytes.len(),
                    count / runs as usize
                );
            }
        }
        Some("sign") if args.len() == 5 => {
            let input = std::fs::read(&args[1]).unwrap_or_else(|e| fail(&e.to_string()));
            let key = std::fs::read(&args[3]).unwrap_or_else(|e| fail(&e.to_string()));
            let certs = std::fs::read(&args[4]).unwrap_or_else(|e| fail(&e.to_string()));
            let signer = dsig::KeyPairSigner::from_pem(&key, &certs).unwrap_or_else(|e| fail(&e.to_string()));
            let signed = dsig::sign(&input, &signer, &dsig::SignOptions::default()).unwrap_or_else(|e| fail(&e.to_string()));
            std::fs::write(&args[2], signed).unwrap_or_else(|e| fail(&e.to_string()));
        }
        Some("verify") if args.len() == 4 => {
            let budget = Duration::from_secs_f64(args[1].parse().unwrap_or(2.0));
            let bytes = std::fs::read(&args[2]).unwrap_or_else(|e| fail(&e.to_string()));
            let anchors = anchors(&args[3]);
            let start = Instant::now();
            let mut runs = 0u64;
            while runs < 3 || start.elapsed() < budget {
                let v = dsig::verify(&bytes, &anchors);
                if !v.is_valid() {
                    fail(&format!("{:?}", v.failure));
                }
                runs += 1;
            }
            let us = start.elapsed().as_secs_f64() * 1e6 / runs as f64;
            println!("{}\t{}\t{runs}\t{us:.1}", args[2], bytes.len());
        }
        Some("verify1") if args.len() == 3 => {
            let bytes = std::fs::read(&args[1]).unwrap_or_else(|e| fail(&e.to_string()));
            let v = dsig::verify(&bytes, &anchors(&args[2]));
            if !v.is_valid() {
                fail(&format!("{:?}", v.failure));
            }
            println!("OK");
        }
        _ => fail("usage: edxml_bench gen OUT MIB | time|read|floor SECONDS FILE… | sign IN OUT KEY CERTS | verify SECONDS FILE ANCHOR | verify1 FILE ANCHOR"),
    }
}

/// Counts the XML events of `bytes` with quick-xml's slice reader (borrowed events, no
/// namespace resolution, nothing kept); stops at the first error.
fn tokenise(bytes: &[u8]) -> usize {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut events = 0;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) | Err(_) => return events,
            Ok(event) => {
                std::hint::black_box(&event);
                events += 1;
            }
        }
    }
}

fn anchors(path: &str) -> dsig::VerifyOptions {
    let pem = std::fs::read(path).unwrap_or_else(|e| fail(&e.to_string()));
    let anchors = dsig::TrustAnchors::from_pem(&pem).unwrap_or_else(|e| fail(&e.to_string()));
    dsig::VerifyOptions {
        anchors,
        ..dsig::VerifyOptions::default()
    }
}

fn fail(msg: &str) -> ! {
    eprintln!("edxml_bench: {msg}");
    std::process::exit(2)
}
