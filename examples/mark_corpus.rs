//! Generates a corpus of degraded pages carrying conversion marks: A4 pages stamped with the
//! library (both directions, with and without a lookup URL, the longest real agency and system
//! names, every position, on a Nghị định 30/2020 page and on a plain one), then printed and
//! rescanned, photocopied or photographed (`benches/support/degrade.rs`). Deterministic for a
//! seed. Writes `DIR/page-NNNN.jpg`, `DIR/manifest.json` (every page's mark, QR text,
//! degradation and its bucket per axis) and `DIR/trust.json`.
//!
//! ```sh
//! cargo run --release --example mark_corpus -- --out DIR [--count 1000] [--seed 1] [--subset] [--ec q]
//! ```
//!
//! `--ec q` prints the QR codes at error-correction level Q instead of the default M, and
//! `--module-mm X` with modules of X mm instead of the default 0.51 (to measure the choices).
//!
//! `--subset` writes the fixed list committed in `testdata/marks/degraded/` instead: every axis at
//! its hard end, and tampered marks that must fail at a named step.

use std::error::Error;
use std::path::{Path, PathBuf};
use std::time::Instant;

use egov::conversion::payload::{self, content_digest, PayloadOptions};
use egov::conversion::qr::EcLevel;
use egov::conversion::render::{self, Position, StampOptions};
use egov::conversion::{
    sign, AccessLocator, ConversionMark, Profile, SignedMark, SigningKey, SourceSystem, Wording,
};
use egov::core::VnDateTime;
use image::GrayImage;
use serde_json::{json, Value};

#[path = "../benches/support/degrade.rs"]
mod degrade;

use degrade::{Degradation, Kind, Rng};

/// The corpus signing key and a retired key (valid until the end of 2025).
const KEY: [u8; 32] = [0x42; 32];
const RETIRED_KEY: [u8; 32] = [0x43; 32];
const STRANGER_KEY: [u8; 32] = [0x66; 32];

/// A mark of the corpus: its facts and its lookup URL.
struct MarkSpec {
    id: &'static str,
    mark: ConversionMark,
    lookup: Option<&'static str>,
}

fn at(s: &str) -> VnDateTime {
    VnDateTime::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn marks() -> Vec<MarkSpec> {
    let w = Wording::default();
    let src = |system: &str, owner: &str, locator: AccessLocator| SourceSystem {
        system_name: system.into(),
        owner_name: owner.into(),
        locator,
    };
    let hcm_url = "https://dichvucong.hochiminhcity.gov.vn/ho-so/000.00.00.H29-260302-000731";
    vec![
        MarkSpec {
            id: "p2d-general",
            mark: ConversionMark::paper_to_data(
                Profile::General,
                at("2026-03-02T09:15:27+07:00"),
                "Trung tâm Phục vụ hành chính công tỉnh Bà Rịa - Vũng Tàu",
                &w,
            ),
            lookup: None,
        },
        MarkSpec {
            id: "p2d-result-longest-lookup",
            mark: ConversionMark::paper_to_data(
                Profile::AdminProcedureResult,
                at("2026-03-02T10:42:05+07:00"),
                "Bộ phận Tiếp nhận và Trả kết quả, Văn phòng Đăng ký đất đai thuộc Sở Tài nguyên và Môi trường thành phố Hồ Chí Minh",
                &w,
            ),
            lookup: Some("https://dichvucong.gov.vn/p/tra-cuu"),
        },
        MarkSpec {
            id: "d2p-code-locator",
            mark: ConversionMark::data_to_paper(
                Profile::General,
                at("2026-03-03T14:05:09+07:00"),
                "Văn phòng Ủy ban nhân dân tỉnh Thừa Thiên Huế",
                src(
                    "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Thừa Thiên Huế",
                    "Ủy ban nhân dân tỉnh Thừa Thiên Huế",
                    AccessLocator::UniqueCode {
                        code: "000.00.31.H57-260303-0123".into(),
                        search_interface: "https://dichvucong.thuathienhue.gov.vn/tra-cuu".into(),
                    },
                ),
                &w,
            ),
            lookup: None,
        },
        MarkSpec {
            id: "d2p-longest-url-lookup",
            mark: ConversionMark::data_to_paper(
                Profile::AdminProcedureResult,
                at("2026-03-04T08:30:00+07:00"),
                "Văn phòng Đăng ký đất đai thuộc Sở Tài nguyên và Môi trường thành phố Hồ Chí Minh",
                src(
                    "Hệ thống thông tin giải quyết thủ tục hành chính thành phố Hồ Chí Minh",
                    "Ủy ban nhân dân thành phố Hồ Chí Minh",
                    AccessLocator::FullUrl {
                        url: hcm_url.into(),
                    },
                ),
                &w,
            ),
            lookup: Some(hcm_url),
        },
        MarkSpec {
            id: "d2p-ministry-two-urls",
            mark: ConversionMark::data_to_paper(
                Profile::General,
                at("2026-03-05T16:20:41+07:00"),
                "Văn phòng Bộ Nông nghiệp và Phát triển nông thôn",
                src(
                    "Hệ thống quản lý văn bản và điều hành Bộ Nông nghiệp và Phát triển nông thôn",
                    "Bộ Nông nghiệp và Phát triển nông thôn",
                    AccessLocator::FullUrl {
                        url: "https://vanban.mard.gov.vn/van-ban/2026/123-QD-BNN".into(),
                    },
                ),
                &w,
            ),
            lookup: Some("https://dichvucong.mard.gov.vn/q"),
        },
    ]
}

/// Where a mark is stamped: the page and the position.
const PLACEMENTS: [(&str, Position); 5] = [
    ("nd30", Position::Auto),
    ("nd30", Position::BottomLeft),
    ("nd30", Position::BottomRight),
    ("plain", Position::TopRight),
    ("plain", Position::TopLeft),
];

fn position_name(p: Position) -> &'static str {
    match p {
        Position::Auto => "auto",
        Position::TopRight => "top_right",
        Position::TopLeft => "top_left",
        Position::BottomRight => "bottom_right",
        Position::BottomLeft => "bottom_left",
        Position::Millimetres { .. } => "millimetres",
    }
}

/// A stamped 300-dpi page, ready to degrade.
struct Stamped {
    page: GrayImage,
    signed: SignedMark,
    variant: Value,
}

/// How a mark is tampered with, and the step at which verification must then fail.
#[derive(Clone, Copy)]
enum Tamper {
    None,
    /// A letter of the converter's name changed in the signed payload.
    EditedPayload,
    /// Signed by a key outside the trust set.
    UnknownKey,
    /// Signed by a key whose validity ended before the conversion time.
    RetiredKey,
}

impl Tamper {
    fn expect(self) -> Option<Value> {
        match self {
            Tamper::None => None,
            Tamper::EditedPayload => {
                Some(json!({"state": "well_formed", "code": "signature.invalid"}))
            }
            Tamper::UnknownKey => {
                Some(json!({"state": "well_formed", "code": "signature.unknown_key"}))
            }
            Tamper::RetiredKey => {
                Some(json!({"state": "signature_valid", "code": "trust.outside_validity"}))
            }
        }
    }
}

fn stamp(
    spec: &MarkSpec,
    placement: (&str, Position),
    pages: &[(String, Vec<u8>)],
    tamper: Tamper,
    ec: EcLevel,
    module_mm: f32,
) -> Result<Stamped, Box<dyn Error>> {
    let (page_name, position) = placement;
    let png = &pages
        .iter()
        .find(|(n, _)| n == page_name)
        .ok_or("unknown page")?
        .1;
    let key = match tamper {
        Tamper::UnknownKey => SigningKey::from_bytes(&STRANGER_KEY),
        Tamper::RetiredKey => SigningKey::from_bytes(&RETIRED_KEY),
        _ => SigningKey::from_bytes(&KEY),
    };
    let options = PayloadOptions {
        lookup_url: spec.lookup.map(str::to_owned),
        ..Default::default()
    };
    let mut signed = sign(&spec.mark, &content_digest(png), &key, &options)?;
    if let Tamper::EditedPayload = tamper {
        // Change one letter of the converter's name inside the signed body, and print the
        // changed name too, as a forger would.
        let name = signed.mark.converter_full_name.clone();
        let forged_name = name.replacen('n', "m", 1);
        let at = signed
            .body
            .windows(name.len())
            .position(|w| w == name.as_bytes())
            .ok_or("name not in body")?;
        signed.body[at..at + name.len()].copy_from_slice(forged_name.as_bytes());
        signed.qr_text = payload::qr_text(spec.lookup, &signed.body);
        signed.mark.converter_full_name = forged_name;
    }
    let mut opts = StampOptions {
        position,
        ..Default::default()
    };
    opts.render.ec_level = ec;
    opts.render.module_mm = module_mm;
    let stamped = render::stamp(png, &signed, &opts)?;
    let page = image::load_from_memory(&stamped.image)?.into_luma8();
    let variant = json!({
        "mark": spec.id,
        "direction": signed.mark.direction,
        "converter": signed.mark.converter_full_name,
        "lookup_url": spec.lookup,
        "page": page_name,
        "position": position_name(position),
        "rect_px_300dpi": stamped.rect,
        "qr_version": signed.qr_version,
        "ec_level": ec,
        "module_mm": module_mm,
        "qr_mm": (stamped.printed.qr_mm * 10.0).round() / 10.0,
    });
    Ok(Stamped {
        page,
        signed,
        variant,
    })
}

/// One page of the corpus to write.
struct Job {
    index: usize,
    mark: usize,
    placement: usize,
    degradation: Degradation,
    tamper: Tamper,
    seed: u64,
}

fn random_jobs(count: usize, seed: u64, n_marks: usize) -> Vec<Job> {
    let mut rng = Rng(seed);
    (0..count)
        .map(|i| {
            let kind = if rng.chance(0.15) {
                Kind::Phone
            } else {
                Kind::Scan
            };
            Job {
                index: i,
                mark: i % n_marks,
                placement: (i / n_marks) % PLACEMENTS.len(),
                degradation: Degradation::sample(&mut rng, kind),
                tamper: Tamper::None,
                seed: rng.next_u64(),
            }
        })
        .collect()
}

/// The committed subset: every axis at its hard end, each combined with mild other
/// degradations, then tampered marks.
fn subset_jobs(n_marks: usize) -> Vec<Job> {
    let mut rng = Rng(2026);
    let mild = |rng: &mut Rng, dpi: u32| {
        let mut d = Degradation::clean();
        d.dpi = dpi;
        d.rotation_deg = rng.range(-1.5, 1.5);
        d.perspective = rng.range(0.0, 0.01);
        d.blur_sigma = rng.range(0.3, 0.8);
        d.lighting = rng.range(0.0, 0.15);
        d.noise_sigma = rng.range(1.0, 4.0);
        d.jpeg_quality = 70;
        d
    };
    let phone = |rng: &mut Rng| {
        let mut d = Degradation::sample(rng, Kind::Phone);
        d.frame = (2250, 3000);
        d.dpi = 231;
        d.jpeg_quality = 70;
        d.noise_sigma = 3.0;
        d
    };
    let mut list: Vec<(Degradation, Tamper)> = Vec::new();
    let mut add = |d: Degradation| list.push((d, Tamper::None));
    for dpi in [150, 200, 300] {
        add(mild(&mut rng, dpi));
    }
    for (dpi, rot) in [(150, 5.0), (200, -5.0), (150, -4.9)] {
        let mut d = mild(&mut rng, dpi);
        d.rotation_deg = rot;
        add(d);
    }
    for dpi in [150, 200] {
        let mut d = mild(&mut rng, dpi);
        d.perspective = 0.03;
        add(d);
    }
    for dpi in [150, 200, 300] {
        let mut d = mild(&mut rng, dpi);
        d.blur_sigma = 1.5;
        add(d);
    }
    for (dpi, copy) in [(150, (205, 70)), (200, (235, 100)), (150, (195, 35))] {
        let mut d = mild(&mut rng, dpi);
        d.photocopy = Some(copy);
        add(d);
    }
    for dpi in [150, 200] {
        let mut d = mild(&mut rng, dpi);
        d.lighting = 0.35;
        add(d);
    }
    for dpi in [150, 200] {
        let mut d = mild(&mut rng, dpi);
        d.jpeg_quality = 40;
        add(d);
    }
    {
        let mut d = mild(&mut rng, 150);
        d.noise_sigma = 10.0;
        add(d);
    }
    for (dpi, turns) in [(150, 1), (200, 2), (150, 3), (300, 2)] {
        let mut d = mild(&mut rng, dpi);
        d.quarter_turns = turns;
        add(d);
    }
    for _ in 0..3 {
        // Everything at once, near the hard end.
        let mut d = Degradation::sample(&mut rng, Kind::Scan);
        d.dpi = 150;
        d.rotation_deg = 4.5 * d.rotation_deg.signum();
        d.perspective = 0.025;
        d.blur_sigma = 1.2;
        d.photocopy = Some((215, 80));
        d.lighting = 0.3;
        d.noise_sigma = 8.0;
        d.jpeg_quality = 45;
        add(d);
    }
    // Phone photos: 8 % perspective, shadow, glare, motion blur, sideways and upside down.
    for (persp, shadow, glare, motion, turns) in [
        (0.08, 0.0, 0.0, 0.5, 0),
        (0.08, 0.45, 0.0, 1.0, 0),
        (0.05, 0.0, 0.9, 1.0, 0),
        (0.06, 0.35, 0.6, 3.0, 0),
        (0.04, 0.3, 0.0, 2.0, 1),
        (0.07, 0.0, 0.5, 1.5, 2),
        (0.08, 0.4, 0.7, 2.5, 3),
    ] {
        let mut d = phone(&mut rng);
        d.perspective = persp;
        d.shadow = shadow;
        d.glare = glare;
        d.motion_blur_px = motion;
        d.quarter_turns = turns;
        add(d);
    }
    // Random scans to reach every mark and position.
    while list.len() < 44 {
        let mut d = Degradation::sample(&mut rng, Kind::Scan);
        d.dpi = [150, 200][list.len() % 2];
        d.jpeg_quality = d.jpeg_quality.min(75);
        list.push((d, Tamper::None));
    }
    // Tampered marks on degraded pages.
    for tamper in [
        Tamper::EditedPayload,
        Tamper::UnknownKey,
        Tamper::RetiredKey,
        Tamper::EditedPayload,
    ] {
        let mut d = mild(&mut rng, 150);
        d.blur_sigma = 1.0;
        d.photocopy = Some((220, 70));
        list.push((d, tamper));
    }
    list.into_iter()
        .enumerate()
        .map(|(i, (degradation, tamper))| Job {
            index: i,
            mark: i % n_marks,
            placement: (i * 3 / n_marks + i) % PLACEMENTS.len(),
            degradation,
            tamper,
            seed: 1000 + i as u64,
        })
        .collect()
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut out: Option<PathBuf> = None;
    let (mut count, mut seed, mut subset) = (1000usize, 1u64, false);
    let mut ec = EcLevel::M;
    let mut module_mm = render::DEFAULT_MODULE_MM;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--out" => out = args.next().map(PathBuf::from),
            "--count" => count = args.next().ok_or("--count N")?.parse()?,
            "--seed" => seed = args.next().ok_or("--seed S")?.parse()?,
            "--subset" => subset = true,
            "--module-mm" => module_mm = args.next().ok_or("--module-mm X")?.parse()?,
            "--ec" => {
                ec = match args.next().as_deref() {
                    Some("m" | "M") => EcLevel::M,
                    Some("q" | "Q") => EcLevel::Q,
                    _ => return Err("--ec m|q".into()),
                }
            }
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    let out = out.ok_or("usage: mark_corpus --out DIR [--count N] [--seed S] [--subset]")?;
    std::fs::create_dir_all(&out)?;
    let started = Instant::now();

    let pages = vec![
        (
            "nd30".to_owned(),
            render::encode_png(&render::sample_nd30_page(300))?,
        ),
        (
            "plain".to_owned(),
            render::encode_png(&render::sample_a4_page(300))?,
        ),
    ];
    let specs = marks();
    let jobs = if subset {
        subset_jobs(specs.len())
    } else {
        random_jobs(count, seed, specs.len())
    };
    // Stamp each (mark, placement, tamper) once; a placement that does not fit is reported.
    let mut stamped: Vec<((usize, usize, u8), Stamped)> = Vec::new();
    let mut skipped = 0usize;
    let mut entries: Vec<Option<Value>> = vec![None; jobs.len()];
    let tamper_id = |t: Tamper| t as u8;
    for job in &jobs {
        let k = (job.mark, job.placement, tamper_id(job.tamper));
        if stamped.iter().any(|(key, _)| *key == k) {
            continue;
        }
        match stamp(
            &specs[job.mark],
            PLACEMENTS[job.placement],
            &pages,
            job.tamper,
            ec,
            module_mm,
        ) {
            Ok(s) => stamped.push((k, s)),
            Err(e) => {
                eprintln!(
                    "skipped: mark {} at {:?} on the {} page: {e}",
                    specs[job.mark].id, PLACEMENTS[job.placement].1, PLACEMENTS[job.placement].0
                );
            }
        }
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .max(1);
    let results: Vec<(usize, Result<Value, String>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let jobs = &jobs;
                let stamped = &stamped;
                let out = &out;
                scope.spawn(move || {
                    jobs.iter()
                        .filter(|j| j.index % threads == t)
                        .map(|job| (job.index, write_page(job, stamped, out)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let mut bytes = 0u64;
    for (i, r) in results {
        match r {
            Ok(v) => {
                bytes += v["bytes"].as_u64().unwrap_or(0);
                entries[i] = Some(v);
            }
            Err(e) => {
                skipped += 1;
                eprintln!("skipped page {i}: {e}");
            }
        }
    }
    let manifest: Vec<Value> = entries.into_iter().flatten().collect();
    std::fs::write(
        out.join("manifest.json"),
        serde_json::to_string_pretty(&manifest)? + "\n",
    )?;
    let public = |k: [u8; 32]| payload::hex(&SigningKey::from_bytes(&k).verifying_key().to_bytes());
    let trust = json!({"keys": [
        {"label": "egov corpus key", "public_key": public(KEY)},
        {"label": "egov corpus key, retired", "public_key": public(RETIRED_KEY),
         "not_after": "2025-12-31T23:59:59+07:00"},
    ]});
    std::fs::write(
        out.join("trust.json"),
        serde_json::to_string_pretty(&trust)? + "\n",
    )?;
    println!(
        "{} pages written to {} ({:.1} MB), {skipped} skipped, {:.1} s",
        manifest.len(),
        out.display(),
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    if skipped > 0 {
        return Err(format!("{skipped} pages skipped").into());
    }
    Ok(())
}

fn write_page(
    job: &Job,
    stamped: &[((usize, usize, u8), Stamped)],
    out: &Path,
) -> Result<Value, String> {
    let k = (job.mark, job.placement, job.tamper as u8);
    let s = &stamped
        .iter()
        .find(|(key, _)| *key == k)
        .ok_or("its mark could not be stamped")?
        .1;
    let jpeg = degrade::apply(&s.page, &job.degradation, job.seed);
    if jpeg.is_empty() {
        return Err("JPEG encoding failed".into());
    }
    let file = format!("page-{:04}.jpg", job.index + 1);
    std::fs::write(out.join(&file), &jpeg).map_err(|e| e.to_string())?;
    let mut v = json!({
        "file": file,
        "bytes": jpeg.len(),
        "seed": job.seed,
        "variant": s.variant,
        "qr_text": s.signed.qr_text,
        "printed_lines": s.signed.mark.display_lines(),
        "degradation": job.degradation.to_json(),
        "buckets": job.degradation.buckets(),
        "tampered": !matches!(job.tamper, Tamper::None),
    });
    if let Some(e) = job.tamper.expect() {
        v["expect_failure"] = e;
    }
    Ok(v)
}
