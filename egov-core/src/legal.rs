//! Legal references (rule CORE-14): every verdict carries the instrument, article, clause and
//! point it rests on, so callers can show the legal basis («căn cứ») next to each answer.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

/// How binding an instrument is (REQUIREMENTS "force tags").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Force {
    /// Enacted and in force (seeds 001 and 004, the Labour Code, …).
    InForce,
    /// A strategy or policy: targets for the State, not obligations on SDK users.
    Policy,
    /// A draft: guidance only, never binding as written.
    Draft,
    /// Not one of the seed texts: a regulation or convention the SDK relies on from outside
    /// (QCVN 102:2016, Nghị định 30/2020, edXML practice). Documented as outside knowledge.
    OutsideKnowledge,
    /// Not a legal rule: a default the SDK chose where the law is silent (REQUIREMENTS §7).
    SdkDefault,
}

/// A legal instrument the SDK cites.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Instrument {
    /// Quyết định 28/2018/QĐ-TTg on sending and receiving e-documents between state bodies (seed 004).
    Qd28_2018,
    /// Nghị định 137/2024/NĐ-CP on e-transactions of state agencies (seed 001).
    Nd137_2024,
    /// Quyết định 942/QĐ-TTg, e-Government → Digital Government strategy 2021–2025 (seed 002).
    Qd942_2021,
    /// Draft decree on IT application in state agencies (seed 000).
    Draft000,
    /// Draft 2 of the decree on digital services by state agencies (seed 003).
    Draft003,
    /// Nghị định 30/2020/NĐ-CP on clerical work: numbering, document types, urgency (outside knowledge).
    Nd30_2020,
    /// QCVN 102:2016/BTTTT: identifier structure and packet format for document systems (outside knowledge).
    Qcvn102_2016,
    /// Bộ luật Lao động 2012 (10/2012/QH13): public holidays until 2020.
    LabourCode2012,
    /// Bộ luật Lao động 2019 (45/2019/QH14): public holidays from 2021.
    LabourCode2019,
    /// Any other instrument, named by its citation.
    Other(String),
}

impl Instrument {
    /// The short citation, as printed in findings (`QĐ 28/2018/QĐ-TTg`).
    pub fn short_name(&self) -> &str {
        match self {
            Instrument::Qd28_2018 => "QĐ 28/2018/QĐ-TTg",
            Instrument::Nd137_2024 => "NĐ 137/2024/NĐ-CP",
            Instrument::Qd942_2021 => "QĐ 942/QĐ-TTg",
            Instrument::Draft000 => "Dự thảo NĐ ứng dụng CNTT (seed 000)",
            Instrument::Draft003 => "Dự thảo 2 NĐ dịch vụ số (seed 003)",
            Instrument::Nd30_2020 => "NĐ 30/2020/NĐ-CP",
            Instrument::Qcvn102_2016 => "QCVN 102:2016/BTTTT",
            Instrument::LabourCode2012 => "BLLĐ 2012",
            Instrument::LabourCode2019 => "BLLĐ 2019",
            Instrument::Other(name) => name,
        }
    }

    /// The full Vietnamese title.
    pub fn full_name_vi(&self) -> &str {
        match self {
            Instrument::Qd28_2018 => "Quyết định số 28/2018/QĐ-TTg về gửi, nhận văn bản điện tử giữa các cơ quan trong hệ thống hành chính nhà nước",
            Instrument::Nd137_2024 => "Nghị định số 137/2024/NĐ-CP quy định về giao dịch điện tử của cơ quan nhà nước và hệ thống thông tin phục vụ giao dịch điện tử",
            Instrument::Qd942_2021 => "Quyết định số 942/QĐ-TTg phê duyệt Chiến lược phát triển Chính phủ điện tử hướng tới Chính phủ số",
            Instrument::Draft000 => "Dự thảo Nghị định về ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước",
            Instrument::Draft003 => "Dự thảo 2 Nghị định về cung cấp dịch vụ số của cơ quan nhà nước",
            Instrument::Nd30_2020 => "Nghị định số 30/2020/NĐ-CP về công tác văn thư",
            Instrument::Qcvn102_2016 => "QCVN 102:2016/BTTTT về cấu trúc mã định danh và định dạng dữ liệu gói tin",
            Instrument::LabourCode2012 => "Bộ luật Lao động số 10/2012/QH13",
            Instrument::LabourCode2019 => "Bộ luật Lao động số 45/2019/QH14",
            Instrument::Other(name) => name,
        }
    }

    /// How binding the instrument is.
    pub fn force(&self) -> Force {
        match self {
            Instrument::Qd28_2018
            | Instrument::Nd137_2024
            | Instrument::LabourCode2012
            | Instrument::LabourCode2019 => Force::InForce,
            Instrument::Qd942_2021 => Force::Policy,
            Instrument::Draft000 | Instrument::Draft003 => Force::Draft,
            Instrument::Nd30_2020 | Instrument::Qcvn102_2016 | Instrument::Other(_) => {
                Force::OutsideKnowledge
            }
        }
    }
}

/// A citation: instrument, article (Điều), clause (khoản) and point (điểm).
///
/// ```
/// use egov_core::{Instrument, LegalRef};
/// const DOC_19: LegalRef = LegalRef::clause(Instrument::Qd28_2018, 6, 2);
/// assert_eq!(DOC_19.to_string(), "QĐ 28/2018/QĐ-TTg Đ6.2");
/// let a = LegalRef::point(Instrument::Qd28_2018, 10, 2, "a");
/// assert_eq!(a.to_string(), "QĐ 28/2018/QĐ-TTg Đ10.2.a");
/// assert_eq!(a.to_string_vi(), "điểm a khoản 2 Điều 10 QĐ 28/2018/QĐ-TTg");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LegalRef {
    /// The instrument.
    pub instrument: Instrument,
    /// Article number (Điều); 0 when the whole instrument is cited.
    pub article: u16,
    /// Clause number (khoản), if cited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<u8>,
    /// Point letter (điểm: a, b, c, d, đ, e, …), if cited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub point: Option<Cow<'static, str>>,
}

impl LegalRef {
    /// The whole instrument.
    pub const fn instrument(instrument: Instrument) -> Self {
        LegalRef {
            instrument,
            article: 0,
            clause: None,
            point: None,
        }
    }

    /// An article (Điều).
    pub const fn article(instrument: Instrument, article: u16) -> Self {
        LegalRef {
            instrument,
            article,
            clause: None,
            point: None,
        }
    }

    /// A clause (khoản) of an article.
    pub const fn clause(instrument: Instrument, article: u16, clause: u8) -> Self {
        LegalRef {
            instrument,
            article,
            clause: Some(clause),
            point: None,
        }
    }

    /// A point (điểm) of a clause.
    pub const fn point(
        instrument: Instrument,
        article: u16,
        clause: u8,
        point: &'static str,
    ) -> Self {
        LegalRef {
            instrument,
            article,
            clause: Some(clause),
            point: Some(Cow::Borrowed(point)),
        }
    }

    /// How binding the cited instrument is.
    pub fn force(&self) -> Force {
        self.instrument.force()
    }

    /// The citation in Vietnamese word order: `điểm a khoản 2 Điều 10 QĐ 28/2018/QĐ-TTg`.
    pub fn to_string_vi(&self) -> String {
        let mut parts = Vec::with_capacity(4);
        if let Some(p) = &self.point {
            parts.push(format!("điểm {p}"));
        }
        if let Some(c) = self.clause {
            parts.push(format!("khoản {c}"));
        }
        if self.article > 0 {
            parts.push(format!("Điều {}", self.article));
        }
        parts.push(self.instrument.short_name().to_owned());
        parts.join(" ")
    }
}

impl fmt::Display for LegalRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.instrument.short_name())?;
        if self.article > 0 {
            write!(f, " Đ{}", self.article)?;
            if let Some(c) = self.clause {
                write!(f, ".{c}")?;
                if let Some(p) = &self.point {
                    write!(f, ".{p}")?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_14_citation_forms() {
        let r = LegalRef::point(Instrument::Qd28_2018, 10, 2, "đ");
        assert_eq!(r.to_string(), "QĐ 28/2018/QĐ-TTg Đ10.2.đ");
        assert_eq!(r.to_string_vi(), "điểm đ khoản 2 Điều 10 QĐ 28/2018/QĐ-TTg");
        assert_eq!(r.force(), Force::InForce);
        assert_eq!(
            LegalRef::article(Instrument::Qcvn102_2016, 0).to_string(),
            "QCVN 102:2016/BTTTT"
        );
        assert_eq!(Instrument::Draft003.force(), Force::Draft);
    }

    #[test]
    fn core_14_serde_round_trip() {
        let r = LegalRef::point(Instrument::Nd137_2024, 17, 2, "a");
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(
            json,
            r#"{"instrument":"nd137_2024","article":17,"clause":2,"point":"a"}"#
        );
        assert_eq!(serde_json::from_str::<LegalRef>(&json).unwrap(), r);
    }
}
