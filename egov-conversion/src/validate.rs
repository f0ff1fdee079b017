//! Validation of a conversion mark: findings with citations (CONV-02, CONV-05, CONV-06,
//! CONV-09, CONV-10, CONV-11, CONV-14, CONV-15; A-11).

use egov_core::{Finding, Instrument, LegalRef, Outcome, Report};
use serde_json::json;

use crate::mark::{nfc, AccessLocator, ConversionMark, Direction, Profile};

/// Longest string accepted in any mark field, in UTF-8 bytes: the signed payload stores each
/// field with a one-byte length (see the payload spec in the crate docs).
pub const MAX_FIELD_BYTES: usize = 255;

fn basis_point_a(d: Direction) -> LegalRef {
    match d {
        Direction::PaperToData => LegalRef::point(Instrument::Nd137_2024, 4, 1, "a"),
        Direction::DataToPaper => LegalRef::point(Instrument::Nd137_2024, 5, 2, "a"),
    }
}

fn rule_point_a(d: Direction) -> &'static str {
    match d {
        Direction::PaperToData => "CONV-02",
        Direction::DataToPaper => "CONV-11",
    }
}

/// Validates a mark and returns one finding per requirement.
///
/// - CONV-02 (NĐ 137/2024 Đ4.1.a) / CONV-11 (Đ5.2.a): a non-empty text mark, the conversion
///   time, and the converter's full name.
/// - CONV-09 (Đ5.1.a), CONV-10 (Đ5.1.b): data → paper needs the system name, its owner's name
///   and an access locator (full URL, or unique code plus search interface).
/// - CONV-06 (Đ4.1.c) / CONV-15 (Đ5.2.c): administrative-procedure results follow point a.
/// - CONV-05 (Đ4.1.b) / CONV-14 (Đ5.2.b): clerical copies follow the law on clerical work
///   (Nghị định 30/2020, outside knowledge): a warning when the text does not name the copy form.
/// - extra fields on a paper → data mark are reported as extensions (warning).
///
/// Fields longer than [`MAX_FIELD_BYTES`] fail, because they cannot be signed.
pub fn validate(mark: &ConversionMark) -> Report {
    let mut r = Report::new();
    let d = mark.direction;
    let basis = basis_point_a(d);
    let rule = rule_point_a(d);

    r.push(non_empty(
        rule,
        basis.clone(),
        "mark_text",
        &mark.mark_text,
        "the text mark saying the document was converted",
        "ký hiệu riêng bằng chữ thể hiện việc chuyển đổi",
    ));
    r.push(
        Finding::new(
            rule,
            basis.clone(),
            Outcome::Pass,
            format!("conversion time recorded: {}", mark.converted_at),
            format!(
                "có thời gian thực hiện chuyển đổi: {}",
                egov_core::i18n::datetime_vi(mark.converted_at)
            ),
        )
        .with_field("converted_at"),
    );
    r.push(non_empty(
        rule,
        basis.clone(),
        "converter_full_name",
        &mark.converter_full_name,
        "the full name of the converting agency, organisation or individual",
        "tên đầy đủ của cơ quan, tổ chức, cá nhân thực hiện chuyển đổi",
    ));

    match (d, &mark.source_system) {
        (Direction::DataToPaper, None) => {
            r.push(
                Finding::new(
                    "CONV-09",
                    LegalRef::point(Instrument::Nd137_2024, 5, 1, "a"),
                    Outcome::Fail,
                    "data → paper: the information system and its owner are missing",
                    "thiếu tên hệ thống thông tin và tên chủ quản hệ thống thông tin",
                )
                .with_field("source_system"),
            );
            r.push(
                Finding::new(
                    "CONV-10",
                    LegalRef::point(Instrument::Nd137_2024, 5, 1, "b"),
                    Outcome::Fail,
                    "data → paper: no access locator (full URL or unique code)",
                    "thiếu đường dẫn đầy đủ hoặc mã duy nhất để truy cập thông điệp dữ liệu",
                )
                .with_field("source_system.locator"),
            );
        }
        (Direction::DataToPaper, Some(s)) => {
            let b = LegalRef::point(Instrument::Nd137_2024, 5, 1, "a");
            r.push(non_empty(
                "CONV-09",
                b.clone(),
                "source_system.system_name",
                &s.system_name,
                "the name of the information system",
                "tên hệ thống thông tin",
            ));
            r.push(non_empty(
                "CONV-09",
                b,
                "source_system.owner_name",
                &s.owner_name,
                "the name of the information system's owner",
                "tên chủ quản hệ thống thông tin",
            ));
            r.push(locator_finding(&s.locator));
        }
        (Direction::PaperToData, Some(_)) => r.push(extension_finding("source_system")),
        (Direction::PaperToData, None) => {}
    }
    if !mark.extensions.is_empty() {
        let outcome = match d {
            Direction::PaperToData => Outcome::Warning,
            Direction::DataToPaper => Outcome::Pass,
        };
        let mut f = extension_finding("extensions");
        f.outcome = outcome;
        r.push(f.with_evidence(json!({ "names": mark.extensions.keys().collect::<Vec<_>>() })));
    }
    r.push(profile_finding(mark));
    for (field, value) in field_values(mark) {
        if value.len() > MAX_FIELD_BYTES {
            r.push(
                Finding::new(
                    rule,
                    basis.clone(),
                    Outcome::Fail,
                    format!(
                        "{field} is {} bytes long; the signed mark holds at most {MAX_FIELD_BYTES}",
                        value.len()
                    ),
                    format!(
                        "trường {field} dài {} byte, vượt quá {MAX_FIELD_BYTES} byte",
                        value.len()
                    ),
                )
                .with_field(field),
            );
        }
    }
    r
}

/// Every string field with its name, for the length check.
fn field_values(mark: &ConversionMark) -> Vec<(&'static str, &str)> {
    let mut v = vec![
        ("mark_text", mark.mark_text.as_str()),
        ("converter_full_name", mark.converter_full_name.as_str()),
    ];
    if let Some(s) = &mark.source_system {
        v.push(("source_system.system_name", &s.system_name));
        v.push(("source_system.owner_name", &s.owner_name));
        match &s.locator {
            AccessLocator::FullUrl { url } => v.push(("source_system.locator.url", url)),
            AccessLocator::UniqueCode {
                code,
                search_interface,
            } => {
                v.push(("source_system.locator.code", code));
                v.push(("source_system.locator.search_interface", search_interface));
            }
        }
    }
    for (k, val) in &mark.extensions {
        v.push(("extensions", k));
        v.push(("extensions", val));
    }
    v
}

fn non_empty(
    rule: &'static str,
    basis: LegalRef,
    field: &'static str,
    value: &str,
    what_en: &str,
    what_vi: &str,
) -> Finding {
    if value.trim().is_empty() {
        Finding::new(
            rule,
            basis,
            Outcome::Fail,
            format!("missing: {what_en}"),
            format!("thiếu {what_vi}"),
        )
    } else {
        Finding::new(
            rule,
            basis,
            Outcome::Pass,
            format!("present: {what_en}"),
            format!("có {what_vi}"),
        )
    }
    .with_field(field)
}

fn extension_finding(field: &'static str) -> Finding {
    Finding::new(
        "CONV-02",
        LegalRef::point(Instrument::Nd137_2024, 4, 1, "a"),
        Outcome::Warning,
        "extra information beyond Đ4.1.a on a paper → data mark: kept as an extension (A-11)",
        "thông tin bổ sung ngoài điểm a khoản 1 Điều 4: ghi nhận là phần mở rộng",
    )
    .with_field(field)
}

/// A URL the SDK accepts in a locator: `https://` or `http://`, a host, no white space or
/// control characters. A technical check, not a legal one.
pub(crate) fn looks_like_url(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    }
}

/// CONV-10 (NĐ 137/2024 Đ5.1.b): the access locator is a full URL, or a unique code with the
/// search interface it is entered in.
fn locator_finding(l: &AccessLocator) -> Finding {
    let basis = LegalRef::point(Instrument::Nd137_2024, 5, 1, "b");
    let (ok, field, en, vi) = match l {
        AccessLocator::FullUrl { url } => (
            looks_like_url(url),
            "source_system.locator.url",
            format!("full URL of the data message: '{url}'"),
            format!("đường dẫn đầy đủ của thông điệp dữ liệu: «{url}»"),
        ),
        AccessLocator::UniqueCode {
            code,
            search_interface,
        } => (
            !code.trim().is_empty() && looks_like_url(search_interface),
            "source_system.locator",
            format!("unique code '{code}' with search interface '{search_interface}'"),
            format!("mã duy nhất «{code}» tra cứu tại «{search_interface}»"),
        ),
    };
    if ok {
        Finding::new("CONV-10", basis, Outcome::Pass, en, vi)
    } else {
        Finding::new(
            "CONV-10",
            basis,
            Outcome::Fail,
            format!("{en} is not usable: need an http(s) URL and a non-empty code"),
            format!("{vi} không hợp lệ: cần URL http(s) và mã không rỗng"),
        )
    }
    .with_field(field)
}

/// CONV-05 / CONV-06 / CONV-14 / CONV-15: the profile and where its rules come from.
fn profile_finding(mark: &ConversionMark) -> Finding {
    let d = mark.direction;
    match mark.profile {
        Profile::General => Finding::new(
            rule_point_a(d),
            basis_point_a(d),
            Outcome::Pass,
            "general profile: point a applies",
            "trường hợp chung: áp dụng điểm a",
        ),
        Profile::AdminProcedureResult => {
            let (rule, basis) = match d {
                Direction::PaperToData => (
                    "CONV-06",
                    LegalRef::point(Instrument::Nd137_2024, 4, 1, "c"),
                ),
                Direction::DataToPaper => (
                    "CONV-15",
                    LegalRef::point(Instrument::Nd137_2024, 5, 2, "c"),
                ),
            };
            Finding::new(
                rule,
                basis,
                Outcome::Pass,
                "administrative-procedure result: the mark follows point a (checked above)",
                "kết quả giải quyết thủ tục hành chính: ký hiệu riêng thực hiện theo điểm a",
            )
        }
        Profile::SaoY | Profile::SaoLuc | Profile::TrichSao => {
            let form = crate::mark::Wording::sdk_default()
                .text_for(d, mark.profile)
                .to_owned();
            let rule = match d {
                Direction::PaperToData => "CONV-05",
                Direction::DataToPaper => "CONV-14",
            };
            let names_form = nfc(&mark.mark_text).to_uppercase().contains(&form);
            let basis = LegalRef::article(Instrument::Nd30_2020, 25);
            let f = if names_form {
                Finding::new(
                    rule,
                    basis,
                    Outcome::Pass,
                    format!("clerical copy: the text names the copy form «{form}»"),
                    format!("bản sao: ký hiệu nêu hình thức sao «{form}»"),
                )
            } else {
                Finding::new(
                    rule,
                    basis,
                    Outcome::Warning,
                    format!(
                        "clerical copy: the law on clerical work governs the content; the text does not name the copy form «{form}»"
                    ),
                    format!(
                        "bản sao thực hiện theo pháp luật về công tác văn thư; ký hiệu không nêu hình thức sao «{form}»"
                    ),
                )
            };
            f.with_field("profile")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mark::{SourceSystem, Wording};
    use egov_core::VnDateTime;

    fn at() -> VnDateTime {
        VnDateTime::parse("2026-03-02T09:15:00+07:00").unwrap()
    }

    fn source() -> SourceSystem {
        SourceSystem {
            system_name: "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Lào Cai".into(),
            owner_name: "Ủy ban nhân dân tỉnh Lào Cai".into(),
            locator: AccessLocator::FullUrl {
                url: "https://dichvucong.laocai.gov.vn/ho-so/000.00.00.H37-260302-0001".into(),
            },
        }
    }

    fn failed(r: &Report) -> Vec<(&str, &str)> {
        r.with_outcome(Outcome::Fail)
            .map(|f| (f.rule.as_ref(), f.field.as_deref().unwrap_or("")))
            .collect()
    }

    #[test]
    fn conv_02_complete_paper_to_data_mark_passes() {
        let m = ConversionMark::paper_to_data(
            Profile::General,
            at(),
            "Văn phòng Ủy ban nhân dân tỉnh Lào Cai",
            &Wording::default(),
        );
        let r = validate(&m);
        assert!(r.is_compliant(), "{r:?}");
        assert!(r.for_rule("CONV-02").count() >= 3);
        assert_eq!(r.findings[0].basis.to_string(), "NĐ 137/2024/NĐ-CP Đ4.1.a");
    }

    #[test]
    fn conv_02_empty_text_and_converter_fail_with_fields() {
        let mut m =
            ConversionMark::paper_to_data(Profile::General, at(), "  ", &Wording::default());
        m.mark_text = String::new();
        let r = validate(&m);
        assert_eq!(
            failed(&r),
            vec![("CONV-02", "mark_text"), ("CONV-02", "converter_full_name")]
        );
    }

    #[test]
    fn conv_11_conv_09_conv_10_data_to_paper_needs_system_and_locator() {
        let m = ConversionMark::data_to_paper(
            Profile::General,
            at(),
            "Nguyễn Thị Bình",
            source(),
            &Wording::default(),
        );
        assert!(validate(&m).is_compliant());
        let mut bare = m.clone();
        bare.source_system = None;
        assert_eq!(
            failed(&validate(&bare)),
            vec![
                ("CONV-09", "source_system"),
                ("CONV-10", "source_system.locator")
            ]
        );
        let mut no_owner = m.clone();
        if let Some(s) = &mut no_owner.source_system {
            s.owner_name.clear();
            s.locator = AccessLocator::UniqueCode {
                code: "".into(),
                search_interface: "https://x.gov.vn".into(),
            };
        }
        assert_eq!(
            failed(&validate(&no_owner)),
            vec![
                ("CONV-09", "source_system.owner_name"),
                ("CONV-10", "source_system.locator")
            ]
        );
    }

    #[test]
    fn conv_17_data_to_paper_mark_is_text_mark_plus_system_plus_locator_qr_optional() {
        let m = ConversionMark::data_to_paper(
            Profile::General,
            at(),
            "Nguyễn Thị Bình",
            source(),
            &Wording::default(),
        );
        // The mark itself, unsigned and without a QR code, carries the three parts and is
        // compliant: the QR code is an optional carrier of the same facts.
        assert!(validate(&m).is_compliant());
        let lines = m.display_lines();
        assert_eq!(lines[0], m.mark_text, "CONV-11 text mark");
        assert!(lines.iter().any(|l| l == "Hệ thống thông tin: Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Lào Cai"), "CONV-09: {lines:?}");
        assert!(
            lines
                .iter()
                .any(|l| l == "Chủ quản: Ủy ban nhân dân tỉnh Lào Cai"),
            "CONV-09: {lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("Tra cứu: https://dichvucong.laocai.gov.vn/")),
            "CONV-10: {lines:?}"
        );
        // Any of the three missing: not the composite artifact.
        let mut no_text = m.clone();
        no_text.mark_text.clear();
        assert!(!validate(&no_text).is_compliant());
        let mut no_system = m;
        no_system.source_system = None;
        assert!(!validate(&no_system).is_compliant());
        assert!(no_system.display_lines().len() < lines.len());
    }

    #[test]
    fn conv_10_locator_url_must_be_http() {
        let mut m = ConversionMark::data_to_paper(
            Profile::General,
            at(),
            "A",
            source(),
            &Wording::default(),
        );
        if let Some(s) = &mut m.source_system {
            s.locator = AccessLocator::FullUrl {
                url: "ftp://x y".into(),
            };
        }
        assert_eq!(
            failed(&validate(&m)),
            vec![("CONV-10", "source_system.locator.url")]
        );
    }

    #[test]
    fn conv_06_conv_15_admin_result_cites_point_c() {
        let m = ConversionMark::paper_to_data(
            Profile::AdminProcedureResult,
            at(),
            "UBND phường Hàng Bạc",
            &Wording::default(),
        );
        let r = validate(&m);
        assert!(r.is_compliant());
        let f = r.for_rule("CONV-06").next().unwrap();
        assert_eq!(f.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ4.1.c");
        let m = ConversionMark::data_to_paper(
            Profile::AdminProcedureResult,
            at(),
            "A",
            source(),
            &Wording::default(),
        );
        let f = validate(&m).for_rule("CONV-15").next().cloned().unwrap();
        assert_eq!(f.basis.to_string(), "NĐ 137/2024/NĐ-CP Đ5.2.c");
    }

    #[test]
    fn conv_05_conv_14_clerical_copy_warns_when_form_missing() {
        let mut m = ConversionMark::paper_to_data(
            Profile::SaoY,
            at(),
            "Văn phòng UBND tỉnh Lào Cai",
            &Wording::default(),
        );
        let r = validate(&m);
        assert_eq!(r.for_rule("CONV-05").next().unwrap().outcome, Outcome::Pass);
        m.mark_text = "Bản điện tử".into();
        let r = validate(&m);
        assert_eq!(
            r.for_rule("CONV-05").next().unwrap().outcome,
            Outcome::Warning
        );
        assert!(r.is_compliant());
        let m = ConversionMark::data_to_paper(
            Profile::TrichSao,
            at(),
            "A",
            source(),
            &Wording::default(),
        );
        let f = validate(&m).for_rule("CONV-14").next().cloned().unwrap();
        assert_eq!(f.outcome, Outcome::Pass);
        assert_eq!(f.basis.instrument, Instrument::Nd30_2020);
    }

    #[test]
    fn a_11_paper_to_data_extensions_are_warnings() {
        let m = ConversionMark::paper_to_data(Profile::General, at(), "A", &Wording::default())
            .with_extension("số hồ sơ", "H37-0001");
        let r = validate(&m);
        assert_eq!(r.with_outcome(Outcome::Warning).count(), 1);
        assert!(r.is_compliant());
    }

    #[test]
    fn conv_02_overlong_field_fails() {
        let long = "đ".repeat(200);
        let m = ConversionMark::paper_to_data(Profile::General, at(), &long, &Wording::default());
        assert_eq!(
            failed(&validate(&m)),
            vec![("CONV-02", "converter_full_name")]
        );
    }
}
