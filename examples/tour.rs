//! A tour of egov on real inputs: what the SDK decides, and on which rule and article.
//!
//! Run it with `cargo run --release --example tour`. Every input below is real: agency codes,
//! document identifiers and status codes from packages exchanged on the national document axis
//! (testdata/edxml), document numbers from the legal texts themselves, and the 2026 Tết
//! schedule announced by the Government Office. The edXML section signs with egov-edxml's test
//! PKI (testdata/pki). The conversion-mark section signs with a fixed
//! demonstration key (use `egov keygen` for a real one) and writes the stamped page to
//! `target/tour-stamped-page.png` so you can look at it.

use egov::core::{Finding, Outcome, VnDateTime, WorkingCalendar};
use egov::docs::agency::AgencyCode;
use egov::docs::deadline::{judge_send, send_deadline, SendDeadlinePolicy};
use egov::docs::document_id::EdxmlDocumentId;
use egov::docs::legal_value::legal_value;
use egov::docs::metadata::{DocumentMetadata, MetadataPolicy};
use egov::docs::number::DocNumber;
use egov::docs::status::{StatusEvent, StatusTracker};
use egov::docs::urgency::Urgency;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn main() -> Result<()> {
    println!("egov tour: Vietnamese e-government rules, decided and explained\n");
    agency_codes();
    document_numbers();
    document_ids();
    let calendar = WorkingCalendar::vietnam();
    working_days(&calendar)?;
    send_deadlines(&calendar)?;
    status_machine()?;
    legal_values();
    metadata_record()?;
    edxml_packages()?;
    conversion_marks()?;
    trust_lists()?;
    electronic_copy()?;
    platform_class()?;
    network_trust()?;
    checklists()?;
    Ok(())
}

fn heading(title: &str) {
    println!("\n== {title}");
}

fn mark(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Pass => "ok  ",
        Outcome::Warning => "warn",
        Outcome::Unknown => "??  ",
        Outcome::Fail => "FAIL",
    }
}

fn show(finding: &Finding) {
    println!(
        "   [{}] {} ({}, {})",
        mark(finding.outcome),
        finding.message,
        finding.rule,
        finding.basis
    );
}

/// DOC-01…03: agency codes as they appear in edXML `OrganId` elements.
fn agency_codes() {
    heading("Agency codes (mã định danh cơ quan) — DOC-02/03, QĐ 28/2018/QĐ-TTg Đ10.2.a");
    for input in [
        "000.00.00.G22",
        "000.00.18.G12",
        "000.00.00.H41",
        "28.22.H17",
        "000.00.00.g22",
    ] {
        match AgencyCode::parse(input) {
            Ok(code) => {
                let parent = code
                    .parent()
                    .map_or_else(|| "none (level 1)".to_owned(), |p| p.to_string());
                println!(
                    "   {input:<16} level {}  parent {parent:<15} root {}",
                    code.level(),
                    code.root()
                );
            }
            Err(e) => println!("   {input:<16} rejected: {e}"),
        }
    }
}

/// "Số và ký hiệu" from the seed texts, including the irregular space and the empty draft number.
fn document_numbers() {
    heading("Document numbers (số và ký hiệu) — NĐ 30/2020 layout");
    for input in [
        "28/2018/QĐ-TTg",
        "512 /SY-VPUBND",
        "7816/VPCP-TTĐT",
        "15/QĐ-BNV",
        "/2021/NĐ-CP",
    ] {
        match DocNumber::parse(input) {
            Ok(parsed) => {
                let n = &parsed.value;
                let kind = n.doc_type().map_or("công văn / other", |t| t.name_vi());
                println!("   {input:<18} → {n:<16} type: {kind}");
                for f in parsed.findings() {
                    show(&f);
                }
            }
            Err(e) => println!("   {input:<18} rejected: {e}"),
        }
    }
}

/// DOC-08: document identifiers in the edXML axis form, one with an impossible date.
fn document_ids() {
    heading("Document identifiers (mã định danh văn bản) — DOC-08, Đ10.2.b");
    for input in [
        "000.00.00.G22,2018/09/20,7816/VPCP-TTĐT",
        "000.00.00.G22,2014/02/30,7806/VPCP-TTĐT",
    ] {
        match EdxmlDocumentId::parse(input) {
            Ok(parsed) => {
                let id = parsed.value;
                println!("   {input}");
                println!(
                    "      agency {} · date {} · number {}",
                    id.organ_id(),
                    id.promulgation_date(),
                    id.number()
                );
            }
            Err(e) => println!("   {input}\n      rejected: {e}"),
        }
    }
}

/// CORE-02: the public-sector calendar around Tết Bính Ngọ 2026.
fn working_days(cal: &WorkingCalendar) -> Result<()> {
    heading("Working days — CORE-02 (built-in public-sector calendar)");
    println!("   calendar: {}", cal.name);
    for day in [
        "2026-01-10",
        "2026-02-13",
        "2026-02-17",
        "2026-02-23",
        "2030-02-04",
    ] {
        let date = egov::core::chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")?;
        let kind = cal.day_kind(date);
        let what = match &kind {
            egov::core::DayKind::Working => "working day".to_owned(),
            egov::core::DayKind::WorkingWeekend { reason } => format!("working day: {reason}"),
            egov::core::DayKind::Weekend => "weekend".to_owned(),
            egov::core::DayKind::DayOff { reason } => format!("day off: {reason}"),
        };
        println!("   {day} ({:<9}) {what}", date.format("%A").to_string());
    }
    Ok(())
}

/// DOC-19 / DOC-21: send deadlines, «chậm nhất là trong buổi sáng của ngày làm việc tiếp theo».
fn send_deadlines(cal: &WorkingCalendar) -> Result<()> {
    heading("Send deadlines — DOC-19/21, QĐ 28/2018/QĐ-TTg Đ6.2");
    let policy = SendDeadlinePolicy::default();
    let cases: [(&str, Option<Urgency>, &str); 4] = [
        (
            "2026-03-06T16:00:00+07:00",
            None,
            "2026-03-09T09:00:00+07:00",
        ),
        (
            "2026-02-13T15:00:00+07:00",
            None,
            "2026-02-23T11:30:00+07:00",
        ),
        (
            "2026-02-13T15:00:00+07:00",
            None,
            "2026-02-23T13:15:00+07:00",
        ),
        (
            "2026-03-06T16:00:00+07:00",
            Some(Urgency::HoaToc),
            "2026-03-06T16:20:00+07:00",
        ),
    ];
    for (signed, urgency, sent) in cases {
        let d = send_deadline(VnDateTime::parse(signed)?, urgency, cal, &policy)?;
        let u = urgency.map_or("not urgent", |u| u.name_vi());
        println!("   signed {signed} ({u}) → due {}", d.binding());
        show(&judge_send(&d, VnDateTime::parse(sent)?));
    }
    Ok(())
}

/// DOC-25…30: the receiver's status machine, as the axis status codes 01, 03, 04, 05, 06 report it.
fn status_machine() -> Result<()> {
    heading("Processing status — DOC-11/22/27–30, QĐ 28/2018/QĐ-TTg Đ5.4, Đ8, Đ9");
    let t = |s: &str| VnDateTime::parse(s);
    let mut tracker = StatusTracker::new("000.00.00.H41", t("2026-03-09T09:00:00+07:00")?);
    let steps = [
        (StatusEvent::Accept, "2026-03-09T09:10:00+07:00"),
        (StatusEvent::Forward, "2026-03-09T09:30:00+07:00"),
        (StatusEvent::StartProcessing, "2026-03-09T10:00:00+07:00"),
        (StatusEvent::Complete, "2026-03-10T16:00:00+07:00"),
    ];
    for (event, at) in steps {
        let tr = tracker.record(event, t(at)?)?;
        println!(
            "   {at}  {} → {}  ({}, {})",
            tr.from.name_vi(),
            tr.to.name_vi(),
            tr.rule,
            tr.basis
        );
    }
    let fresh = StatusTracker::new("000.00.00.G12", t("2026-03-09T09:00:00+07:00")?);
    let blank = fresh.status().apply(
        StatusEvent::Reject {
            reason: "  ".into(),
        },
        t("2026-03-09T09:05:00+07:00")?,
    );
    if let Err(e) = blank {
        println!("   refusing without a reason is refused: {e}");
    }
    let tr = fresh.status().apply(
        StatusEvent::Reject {
            reason: "Thiếu phụ lục kèm theo".into(),
        },
        t("2026-03-09T09:05:00+07:00")?,
    )?;
    for notice in &tr.notices {
        println!("   notice to {:?}: {}", notice.to, notice.message);
    }
    Ok(())
}

/// DOC-14: legal value of an e-document.
fn legal_values() {
    heading("Legal value — DOC-14, QĐ 28/2018/QĐ-TTg Đ4");
    for (signed, via_system) in [(true, true), (false, true)] {
        let a = legal_value(signed, via_system);
        println!("   digitally signed: {signed:<5} sent via the system: {via_system}");
        show(&a.finding);
    }
}

/// DOC-10: a metadata record with problems, validated in one pass.
fn metadata_record() -> Result<()> {
    heading("Metadata record a)–q) — DOC-10, QĐ 28/2018/QĐ-TTg Đ10.2");
    let record = DocumentMetadata::from_json(
        r#"{
        "agency_code": "000.00.00.G22",
        "document_id": "000.00.00.G22,2015/09/30,7816/VPCP-TTĐT",
        "number": "7816/VPCP-TTĐT",
        "date": "2015-09-30",
        "doc_type": "Công văn",
        "summary": "",
        "status": "đã đến",
        "signer": {"position": "KT. BỘ TRƯỞNG, CHỦ NHIỆM", "full_name": ""},
        "urgency": "hoả tốc",
        "sender": "000.00.00.H41",
        "receivers": ["000.00.00.H41"],
        "sent_at": "2015-09-30 10:15:00",
        "history": [{"at": "2015-09-30T10:15:00+07:00", "status": "đã đến"}]
    }"#,
    )?;
    let report = record.validate(&MetadataPolicy::default());
    for f in report
        .findings
        .iter()
        .filter(|f| f.outcome != Outcome::Pass)
    {
        show(f);
    }
    let passed = report.with_outcome(Outcome::Pass).count();
    println!(
        "   … and {passed} points pass. Overall: {:?}",
        report.overall()
    );
    Ok(())
}

/// DOC-05/09/18/28: edXML packages as received on the axis, checked; one rebuilt, signed,
/// verified, and what tampering does.
#[cfg(feature = "edxml")]
fn edxml_packages() -> Result<()> {
    use egov::edxml::dsig::{self, KeyPairSigner, SignOptions, TrustAnchors, VerifyOptions};
    use egov::edxml::{build_edoc, check_bytes, BuildOptions, CheckOptions};
    heading("edXML packages — DOC-05/09/18/28, QĐ 28/2018/QĐ-TTg Đ6.1, Đ9.1, Đ10, Đ14.2");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/edxml/");
    for (file, what) in [
        (
            "vxp-saas-received-2025-10-23-9e272474-corrupt-pdf.edxml",
            "received on the axis's SaaS test environment, 2025",
        ),
        (
            "vnpt-edxml102-builder-output-2019-04-11.edxml",
            "written by the VNPT EdXML102 builder",
        ),
        (
            "vpcp-sdk-sample-status_cancellation_13.edxml",
            "a recall status message from the VPCP SDK",
        ),
    ] {
        let bytes = std::fs::read(format!("{dir}{file}"))?;
        let (package, report) = check_bytes(&bytes, &CheckOptions::default())?;
        println!(
            "   {file} ({what}, {} bytes, {}):",
            package.bytes,
            package.message.kind()
        );
        for f in report
            .findings
            .iter()
            .filter(|f| f.outcome == Outcome::Fail)
        {
            let at = f
                .evidence
                .as_ref()
                .and_then(|e| e.get("location"))
                .map(|l| format!(" [line {}]", l["line"]))
                .unwrap_or_default();
            println!("     [FAIL] {}{at} ({}, {})", f.message, f.rule, f.basis);
        }
        let fails = report.with_outcome(Outcome::Fail).count();
        println!(
            "     … and {} other findings (warnings, passes, unknowns): {} in all.",
            report.findings.len() - fails,
            report.findings.len()
        );
    }
    // Rebuild the SaaS package's header with a clean PDF, sign it with the test PKI's signer
    // (testdata/pki; real roots are the caller's to obtain), verify, then tamper.
    let received = std::fs::read(format!(
        "{dir}vxp-saas-received-2025-10-23-9e272474-corrupt-pdf.edxml"
    ))?;
    let package = egov::edxml::read_bytes(&received)?;
    let Some(edoc) = package.edoc() else {
        return Ok(());
    };
    let built = build_edoc(
        edoc,
        &[b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"],
        &BuildOptions::default(),
    )?;
    let pki = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/pki/");
    let signer = KeyPairSigner::from_pem(
        &std::fs::read(format!("{pki}signer-ec.key"))?,
        &[
            std::fs::read(format!("{pki}signer-ec.pem"))?,
            std::fs::read(format!("{pki}intermediate-ca.pem"))?,
        ]
        .concat(),
    )?;
    let signed = dsig::sign(&built, &signer, &SignOptions::default())?;
    let options = VerifyOptions {
        anchors: TrustAnchors::from_pem(&std::fs::read(format!("{pki}root-ca.pem"))?)?,
        at: Some(VnDateTime::parse("2026-12-04T09:00:00+07:00")?),
        ..VerifyOptions::default()
    };
    println!(
        "   rebuilt in the VNPT layout ({} bytes) and signed (ECDSA P-256, exclusive C14N):",
        signed.len()
    );
    for f in dsig::verify(&signed, &options).findings() {
        show(&f);
    }
    let tampered = String::from_utf8_lossy(&signed).replace("vxp.saas.03", "vxp.saas.09");
    println!("   the sender's OrganId changed after signing:");
    for f in dsig::verify(tampered.as_bytes(), &options).findings() {
        show(&f);
    }
    Ok(())
}

#[cfg(not(feature = "edxml"))]
fn edxml_packages() -> Result<()> {
    Ok(())
}

/// CONV-02…15: a data → paper conversion mark, signed, stamped on an A4 page at 300 dpi, then
/// found and verified on the page image; and what verification says about tampered content.
fn conversion_marks() -> Result<()> {
    use egov::conversion::payload::{content_digest, PayloadOptions};
    use egov::conversion::{
        render, scan, sign, AccessLocator, ConversionMark, Profile, PublicKey, SigningKey,
        SourceSystem, TrustSet, TrustedKey, Wording,
    };

    heading("Conversion mark, data → paper — CONV-09…15, NĐ 137/2024/NĐ-CP Đ5.2");
    let key = SigningKey::from_bytes(&[42; 32]); // demonstration key only
    let mark = ConversionMark::data_to_paper(
        Profile::AdminProcedureResult,
        VnDateTime::parse("2026-03-02T09:15:00+07:00")?,
        "Nguyễn Thị Hồng Nhung",
        SourceSystem {
            system_name: "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Lào Cai".into(),
            owner_name: "Ủy ban nhân dân tỉnh Lào Cai".into(),
            locator: AccessLocator::FullUrl {
                url: "https://dichvucong.laocai.gov.vn/tra-cuu/HS-2026-000731".into(),
            },
        },
        &Wording::default(),
    );
    println!("   text mark: «{}»", mark.mark_text);
    for f in egov::conversion::validate(&mark)
        .findings
        .iter()
        .filter(|f| f.outcome != Outcome::Pass)
    {
        show(f);
    }
    println!(
        "   every mandatory element present: {}",
        egov::conversion::validate(&mark).is_compliant()
    );

    // The original data message (here: a sample A4 page laid out as Nghị định 30/2020 shows
    // it, national heading top right) is what the signed hash covers.
    let original = render::encode_png(&render::sample_nd30_page(300))?;
    let signed = sign(
        &mark,
        &content_digest(&original),
        &key,
        &PayloadOptions::default(),
    )?;
    let stamped = render::stamp(&original, &signed, &Default::default())?;
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/tour-stamped-page.png");
    if std::fs::write(&out, &stamped.image).is_ok() {
        println!("   stamped A4 page written to {}", out.display());
    }
    let p = stamped.printed;
    println!(
        "   placed automatically on a blank area at {:.0} mm × {:.0} mm from the top left (the national heading holds the top right); QR {:.0} mm square, modules {:.2} mm = {:.0} px in a 150-dpi scan",
        stamped.rect[0] as f32 * 25.4 / 300.0,
        stamped.rect[1] as f32 * 25.4 / 300.0,
        p.qr_mm,
        p.module_mm,
        p.px_per_module_at_150dpi
    );

    let trust = TrustSet {
        keys: vec![TrustedKey::new(
            "UBND tỉnh Lào Cai (demo)",
            PublicKey(key.verifying_key().to_bytes()),
        )],
    };
    let good = scan::verify_page_bytes(&stamped.image, &trust, Some(&original))?;
    println!(
        "   verified from the page image: {:?}",
        good.verification.state
    );
    // Printed, photocopied at 150 dpi and fed in upside down, as a JPEG.
    let page = scan::load_greyscale(&stamped.image)?;
    let copy = image::imageops::rotate180(&image::imageops::resize(
        &page,
        page.width() / 2,
        page.height() / 2,
        image::imageops::FilterType::Triangle,
    ));
    let mut jpeg = std::io::Cursor::new(Vec::new());
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 60).encode_image(&copy)?;
    let scanned = scan::verify_page_bytes(jpeg.get_ref(), &trust, Some(&original))?;
    println!(
        "   the same page rescanned at 150 dpi, upside down, JPEG 60: {:?} ({:?}, decoder {})",
        scanned.verification.state, scanned.verdict, scanned.decoder
    );
    println!("   the signed lines, to compare with the text printed beside the QR code:");
    for line in &scanned.printed_lines {
        println!("     | {line}");
    }
    let mut altered = original.clone();
    if let Some(byte) = altered.last_mut() {
        *byte ^= 1;
    }
    let bad = scan::verify_page_bytes(&stamped.image, &trust, Some(&altered))?;
    let why = bad
        .verification
        .failure
        .map_or_else(String::new, |f| format!("{} ({})", f.reason, f.code));
    println!(
        "   with one altered byte of content: {:?}: {why}",
        bad.verification.state
    );
    let stranger = TrustSet { keys: vec![] };
    let unknown = scan::verify_page_bytes(&stamped.image, &stranger, None)?;
    println!(
        "   with an empty trust set: {:?}",
        unknown.verification.state
    );
    Ok(())
}

/// CONV-03/12: who stands behind a mark's key — a signed national list naming a province's list
/// operator, the province's list naming the mark keys, a key revoked after a theft — and the one
/// state a verifier (the phone page of `web/verify/`) shows for a mark.
fn trust_lists() -> Result<()> {
    use egov::conversion::payload::{content_digest, PayloadOptions};
    use egov::conversion::trustlist::{
        check_mark, verify_lists, Holder, KeyStatus, ListEntry, Role, SignedTrustList, TrustList,
    };
    use egov::conversion::{sign, ConversionMark, Profile, PublicKey, SigningKey, Wording};

    heading(
        "Trust lists of mark keys — CONV-03/12 (SDK design: the law leaves key distribution open)",
    );
    let key = |b: u8| SigningKey::from_bytes(&[b; 32]); // demonstration keys only
    let public = |b: u8| PublicKey(key(b).verifying_key().to_bytes());
    let t = |s: &str| VnDateTime::parse(s);
    let since = t("2025-01-01T00:00:00+07:00")?;
    let mut national = SignedTrustList::unsigned(TrustList::new(
        Holder::new("Bộ Khoa học và Công nghệ", None),
        since,
        t("2026-07-01T00:00:00+07:00")?,
    ));
    national.edit().add(ListEntry::new(
        public(20),
        Role::ListOperator,
        Holder::new(
            "Sở Khoa học và Công nghệ tỉnh Lào Cai",
            Some("000.00.37.H37"),
        ),
        since,
        None,
    ))?;
    national.issue(
        &key(1),
        t("2026-01-01T00:00:00+07:00")?,
        t("2026-07-01T00:00:00+07:00")?,
    )?;
    let mut province = SignedTrustList::unsigned(TrustList::new(
        Holder::new(
            "Sở Khoa học và Công nghệ tỉnh Lào Cai",
            Some("000.00.37.H37"),
        ),
        since,
        t("2026-05-01T00:00:00+07:00")?,
    ));
    for (b, name) in [
        (30, "Ủy ban nhân dân phường Cốc Lếu"),
        (31, "Ủy ban nhân dân phường Kim Tân"),
    ] {
        province.edit().add(ListEntry::new(
            public(b),
            Role::MarkSigner,
            Holder::new(name, None),
            since,
            None,
        ))?;
    }
    province.edit().revoke(
        &egov::conversion::payload::key_id(&public(31).0),
        t("2026-02-20T00:00:00+07:00")?,
        "thiết bị ký bị mất",
    )?;
    province.issue(
        &key(20),
        t("2026-02-21T00:00:00+07:00")?,
        t("2026-05-01T00:00:00+07:00")?,
    )?;
    println!(
        "   national list no. {} signed by the pinned key, naming the province's operator; the province's list no. {} names two mark keys, one revoked",
        national.list.sequence, province.list.sequence
    );
    let lists = [province, national];
    let mark = |b: u8, at: &str| -> Result<String> {
        let m = ConversionMark::paper_to_data(
            Profile::General,
            t(at)?,
            "UBND phường Cốc Lếu",
            &Wording::default(),
        );
        Ok(sign(
            &m,
            &content_digest(b"scan"),
            &key(b),
            &PayloadOptions::default(),
        )?
        .qr_text)
    };
    for (label, at, b, seen_at) in [
        (
            "a mark of Cốc Lếu",
            "2026-03-02T09:15:00+07:00",
            30,
            "2026-03-02T10:00:00+07:00",
        ),
        (
            "a mark of Kim Tân dated before the theft",
            "2026-02-10T09:15:00+07:00",
            31,
            "2026-03-02T10:00:00+07:00",
        ),
        (
            "a mark by a key no list names",
            "2026-03-02T09:15:00+07:00",
            40,
            "2026-03-02T10:00:00+07:00",
        ),
        (
            "the Cốc Lếu mark, checked in June (the province list was due 1 May)",
            "2026-03-02T09:15:00+07:00",
            30,
            "2026-06-02T10:00:00+07:00",
        ),
    ] {
        let v = verify_lists(&lists, &[public(1)], t(seen_at)?);
        let c = check_mark(&mark(b, at)?, &v, Some(b"scan"));
        let status = c.status;
        println!("   {label}: {} — {}", status.code(), status.message_vi());
        if let Some(KeyStatus::Revoked { reason, .. }) = &c.key_status {
            println!("     (revoked: {reason}; the date on the mark is the signer's own claim)");
        }
    }
    Ok(())
}

/// CONV-05, NĐ 30/2020 Đ25: a paper page scanned, made a PDF/A, marked and signed by the
/// copying agency (PAdES), then verified as a receiver would.
fn electronic_copy() -> Result<()> {
    use egov::conversion::pdf::{self, CopyOptions, PadesOptions, SignatureVerifyOptions};
    use egov::conversion::{
        render, ConversionMark, Profile, PublicKey, SigningKey, TrustSet, TrustedKey, Wording,
    };
    use egov::sign::{KeyPairSigner, TrustAnchors};

    heading("Electronic copy from a scan, «sao y» — CONV-02/05, NĐ 137/2024 Đ4, NĐ 30/2020 Đ25");
    // The paper page as a flatbed scanner delivers it: a 300-dpi colour JPEG.
    let page = image::DynamicImage::ImageLuma8(render::sample_nd30_page(300)).into_rgb8();
    let mut jpeg = std::io::Cursor::new(Vec::new());
    let mut enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 85);
    enc.set_pixel_density(image::codecs::jpeg::PixelDensity::dpi(300));
    enc.encode_image(&page)?;
    let key = SigningKey::from_bytes(&[42; 32]); // demonstration key only
    let mark = ConversionMark::paper_to_data(
        Profile::SaoY,
        VnDateTime::parse("2026-12-05T08:30:00+07:00")?,
        "Văn phòng Ủy ban nhân dân tỉnh Lào Cai",
        &Wording::default(),
    );
    // The agency's certificate: the test PKI's PKCS#12 file (a USB token works the same way
    // through egov::sign::pkcs11).
    let pki = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/pki");
    let signer =
        KeyPairSigner::from_pkcs12(&std::fs::read(pki.join("signer-rsa.p12"))?, "egov-test")?;
    let copy = pdf::electronic_copy(
        &[("trang-1.jpg".into(), jpeg.into_inner())],
        &mark,
        &key,
        &Default::default(),
        &signer,
        None,
        &CopyOptions {
            agency: "Văn phòng Ủy ban nhân dân tỉnh Lào Cai".into(),
            pades: PadesOptions {
                signing_time: Some(VnDateTime::parse("2026-12-05T08:30:00+07:00")?),
                ..Default::default()
            },
            ..Default::default()
        },
    )?;
    for p in &copy.scans.pages {
        println!(
            "   page {}: {} {}×{} px at {:.0} dpi, {}",
            p.page,
            p.format,
            p.width_px,
            p.height_px,
            p.dpi,
            if p.colour { "colour" } else { "grey" }
        );
    }
    for f in &copy.findings {
        show(f);
    }
    let out =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/tour-electronic-copy.pdf");
    if std::fs::write(&out, &copy.pdf).is_ok() {
        println!("   PDF/A-2b copy written to {} ({} bytes): the scan, the mark, then the agency's signature at the top right", out.display(), copy.pdf.len());
    }
    // The receiver: the mark against the converting system's key, the signature against the
    // agency's root.
    let trust = TrustSet {
        keys: vec![TrustedKey::new(
            "UBND tỉnh Lào Cai (demo)",
            PublicKey(key.verifying_key().to_bytes()),
        )],
    };
    let v = pdf::verify_pdf(&copy.pdf, &trust, &Default::default())?;
    println!(
        "   the mark: verified {} (printed QR read back from the rendered page: {})",
        v.verified,
        v.printed.as_ref().is_some_and(|p| p.matches_xmp)
    );
    let anchors = SignatureVerifyOptions {
        anchors: TrustAnchors::from_pem(&std::fs::read(pki.join("root-ca.pem"))?)?,
        ..Default::default()
    };
    let r = pdf::verify_signatures(&copy.pdf, &anchors)?;
    for f in &r.findings {
        show(f);
    }
    let mut tampered = copy.pdf.clone();
    let at = copy.stamped.original_len / 2;
    tampered[at] ^= 1;
    let bad = pdf::verify_signatures(&tampered, &anchors)?;
    println!(
        "   one byte of the scan changed: signature valid {}",
        bad.all_valid
    );
    Ok(())
}

/// PLAT-01…06: counting active users in Vietnam time, then the 3 % / 10 % classes.
fn platform_class() -> Result<()> {
    use egov::platform::{
        classify, ActivityEvent, ActivityKind, ClassificationInput, Intermediary,
        MonthlyActiveCounter, MonthlyCount, UserCountSource, UserKey, YearMonth,
    };

    heading("Platform size classes — PLAT-01…06, NĐ 137/2024/NĐ-CP Đ17–18");
    // 2025-01-31T17:30:00Z is 00:30 on 1 February in Vietnam: a February activity (Đ17.1).
    let boundary = VnDateTime::parse("2025-01-31T17:30:00Z")?;
    let mut counter = MonthlyActiveCounter::new();
    counter.add(&ActivityEvent {
        user: UserKey::from_str_id("user-0042"),
        at: boundary.unix_seconds(),
        kind: ActivityKind::Login,
        in_vietnam: true,
    });
    for m in counter.monthly_counts() {
        println!(
            "   an event at {} counts for {}: {} active user",
            boundary.to_utc(),
            m.month,
            m.active_users
        );
    }

    // Twelve monthly counts around 3 % of the 2025 population (102 300 000, Cục Thống kê).
    let counts = [
        3_100_000u64,
        3_050_000,
        3_200_000,
        3_000_000,
        2_950_000,
        3_120_000,
        3_180_000,
        3_090_000,
        3_010_000,
        3_150_000,
        3_220_000,
        3_300_000,
    ];
    let months: Vec<MonthlyCount> = counts
        .iter()
        .zip(1u8..)
        .filter_map(|(&active_users, m)| {
            Some(MonthlyCount {
                month: YearMonth::new(2025, m)?,
                active_users,
            })
        })
        .collect();
    let mut input = ClassificationInput::new(months, UserCountSource::EgovCounter);
    input.intermediary = Intermediary::Attested;
    let date = egov::core::chrono::NaiveDate::from_ymd_opt(2026, 1, 15).ok_or("date")?;
    let c = classify(&input, date)?;
    println!(
        "   mean {} users = {} % of {} → {:?}, {:?}",
        c.mean_users, c.share_percent, c.population.value, c.scale, c.class
    );
    for d in &c.distances {
        println!(
            "   {}: {} pp away (reached: {})",
            d.threshold, d.distance_percentage_points, d.reached
        );
    }
    input.monthly.truncate(11);
    if let Err(e) = classify(&input, date) {
        println!("   with only 11 months: {e}");
    }
    Ok(())
}

/// TRUST-02/03: the six «tín nhiệm mạng» criteria on real and synthetic evidence.
fn network_trust() -> Result<()> {
    use egov::trust::{
        evaluate_site, load_chain, parse_security_txt, Anchors, BlocklistSnapshot, Context,
        Criterion, EvaluationRequest, Page, SiteEvidence, TlsEvidence, TlsPolicy,
    };

    heading("Network trust (tín nhiệm mạng) — TRUST-02/03, NĐ 137/2024/NĐ-CP Đ21");
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/trust");
    let now = VnDateTime::parse("2026-02-01T09:00:00+07:00")?;

    // A real security.txt (9-Security, RFC 9116): problems come with codes and line numbers.
    let txt = std::fs::read(data.join("securitytxt/nine-security.txt"))?;
    let parsed = parse_security_txt(&txt, now, None);
    println!(
        "   security.txt of 9-Security: {} problem(s)",
        parsed.problems.len()
    );
    for p in parsed.problems.iter().take(3) {
        println!(
            "      line {}: {} ({})",
            p.line.map_or_else(|| "-".into(), |l| l.to_string()),
            p.message,
            p.code
        );
    }

    let blocklist = BlocklistSnapshot::parse(
        "tour example list",
        Some(now),
        "evil.vn\nexample.com\n203.0.113.0/24\n",
    );
    for host in ["Sub.Example.COM.", "notevil.vn", "evil.vn"] {
        println!(
            "   {host:<18} listed: {}",
            blocklist.match_host(host).is_some()
        );
    }

    // The real www.digicert.com chain (valid 2026-01-05 … 2026-02-20), a test page with bad links,
    // and 9-Security's security.txt: another site's file, so criterion e) fails (RFC 9116 §3).
    let evidence = SiteEvidence {
        host: Some("www.digicert.com".into()),
        tls: Some(TlsEvidence {
            chain: load_chain(&std::fs::read(data.join("certs/digicert_chain.pem"))?)?,
            host: "www.digicert.com".into(),
            version: Some("TLSv1.3".into()),
            cipher_suite: Some("TLS_AES_256_GCM_SHA384".into()),
        }),
        page: Some(Page {
            url: "https://dichvucong.gov.vn/p/".parse()?,
            html: std::fs::read(data.join("pages/portal.html"))?,
        }),
        security_txt: Some((txt, None)),
        ..SiteEvidence::default()
    };
    let policy = TlsPolicy::default();
    let anchors = Anchors::BuiltIn;
    let ctx = Context {
        now,
        anchors: &anchors,
        policy: &policy,
        blocklist: Some(&blocklist),
    };
    let assessment = evaluate_site(&evidence, &ctx);
    for v in &assessment.verdicts {
        let first = v
            .findings
            .iter()
            .find(|f| f.outcome == v.outcome)
            .or(v.findings.first());
        println!(
            "   {}) [{}] {}",
            v.criterion.letter(),
            mark(v.outcome),
            first.map_or("", |f| f.message.as_str())
        );
    }
    println!(
        "   meets the criteria: {} (all six must pass; missing evidence is Unknown, never Pass)",
        assessment.meets_criteria
    );

    // The same evidence as the JSON request the C and Python bindings take, and the Đ21.3
    // self-declaration made from it.
    let request = serde_json::json!({
        "now": "2026-02-01T09:00:00+07:00",
        "system": {"name": "www.digicert.com (example)", "owner": "DigiCert, Inc."},
        "host": "www.digicert.com",
        "tls": {"chain": std::fs::read_to_string(data.join("certs/digicert_chain.pem"))?,
                "version": "TLSv1.3", "cipher_suite": "TLS_AES_256_GCM_SHA384"},
        "blocklist": {"source": "tour example list", "entries": "evil.vn\n"},
    });
    let prepared = EvaluationRequest::from_json(&request.to_string())?.prepare()?;
    let tls = prepared.criterion(Criterion::C);
    println!(
        "   from the JSON request (as C and Python send it): c) [{}] {} finding(s)",
        mark(tls.outcome),
        tls.findings.len()
    );
    let declaration = prepared.declare();
    println!(
        "   Đ21.3 self-declaration ({}): {} criteria, meets them: {}, policy \"{}\"",
        declaration.format,
        declaration.criteria.len(),
        declaration.meets_criteria,
        declaration.policy
    );
    Ok(())
}

/// Issue 16: the other in-force duties as checklists judged on evidence, and direction
/// indicators (OTH-39/40).
fn checklists() -> Result<()> {
    use egov::checklist::indicators::{check_indicator, Indicator};
    use egov::checklist::{run, EvidenceFile, Registry};

    heading("Checklists: the other in-force duties, judged on evidence (issue 16)");
    let registry = Registry::builtin()?;
    println!("   {} built-in checklists", registry.iter().count());
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/checklists/provincial-document-system.toml");
    let evidence = EvidenceFile::parse(&std::fs::read_to_string(&path)?)?;
    let report = run(
        &registry,
        "nd137-agency-system",
        &evidence,
        None,
        &WorkingCalendar::vietnam(),
    )?;
    println!(
        "   {} on {}: {} items → {:?} ({})",
        report.checklist,
        report.as_of,
        report.findings.len(),
        report.overall,
        report
            .counts
            .iter()
            .map(|(o, n)| format!("{n} {o:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for f in report
        .findings
        .iter()
        .filter(|f| f.outcome != Outcome::Pass)
        .take(3)
    {
        show(f);
    }

    // OTH-39/40: an indicator needs its seven elements and one selection criterion.
    let indicator: Indicator = serde_json::from_value(serde_json::json!({
        "code": "KT-01", "name": "Tăng trưởng GRDP quý", "set": "provincial_leaders",
        "group": "daily_monthly_socio_economic", "method": "so với cùng kỳ", "unit": "%",
        "attributes": ["giá so sánh"], "breakdowns": ["khu vực kinh tế"], "period": "quý",
        "source": "Cục Thống kê tỉnh", "comparability": "", "criteria": []
    }))?;
    for f in check_indicator(&indicator) {
        show(&f);
    }
    Ok(())
}
