//! Kinds of state bodies and whether QĐ 28/2018/QĐ-TTg applies to them (rule CORE-04; QĐ
//! 28/2018 Đ2.1–2.2).
//!
//! Đ2.1: «Quyết định này áp dụng đối với các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban
//! nhân dân các cấp và các cơ quan, đơn vị trực thuộc (sau đây gọi chung là bộ, ngành, địa
//! phương).» Đ2.2: organisations outside khoản 1 that exchange documents with them apply it «nếu
//! đáp ứng hạ tầng kỹ thuật, công nghệ để áp dụng» (rule DOC-24).
//!
//! ```
//! use egov_core::agency_kind::{AgencyKind, Qd28Scope};
//! assert_eq!(AgencyKind::CommunePc.qd28_scope(), Qd28Scope::Applies);
//! assert_eq!(AgencyKind::PublicNonBusinessUnit.qd28_scope(), Qd28Scope::MayApply);
//! ```

use serde::{Deserialize, Serialize};

use crate::finding::{Finding, Outcome};
use crate::legal::{Instrument, LegalRef};

/// The kind of a body (CORE-04). JSON: snake_case (`ministry`, `provincial_pc`, …).
///
/// The district level (`DistrictPc`) was abolished by the 2025 administrative reform (outside the
/// seeds; REQUIREMENTS CORE-03): it stays for documents and histories dated before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AgencyKind {
    /// «bộ».
    Ministry,
    /// «cơ quan ngang bộ».
    MinistryLevelAgency,
    /// «cơ quan thuộc Chính phủ».
    GovernmentAgency,
    /// «Ủy ban nhân dân» of a province or centrally-run city.
    ProvincialPc,
    /// «Ủy ban nhân dân» of a district (before the 2025 reform).
    DistrictPc,
    /// «Ủy ban nhân dân» of a commune, ward or township.
    CommunePc,
    /// «các cơ quan, đơn vị trực thuộc» one of the above.
    SubordinateUnit,
    /// A public non-business unit («đơn vị sự nghiệp công lập») not subordinate to one of the
    /// above: outside Đ2.1.
    PublicNonBusinessUnit,
    /// Any other organisation (an enterprise, a political or social organisation, …).
    Other,
}

/// Whether QĐ 28/2018 applies to a body (Đ2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Qd28Scope {
    /// Đ2.1: the decision applies.
    Applies,
    /// Đ2.2: the decision applies when the body exchanges documents with ministries, sectors or
    /// localities and has the technical infrastructure to apply it.
    MayApply,
}

impl AgencyKind {
    /// Every kind.
    pub const ALL: [AgencyKind; 9] = [
        AgencyKind::Ministry,
        AgencyKind::MinistryLevelAgency,
        AgencyKind::GovernmentAgency,
        AgencyKind::ProvincialPc,
        AgencyKind::DistrictPc,
        AgencyKind::CommunePc,
        AgencyKind::SubordinateUnit,
        AgencyKind::PublicNonBusinessUnit,
        AgencyKind::Other,
    ];

    /// The kind in Vietnamese.
    pub fn name_vi(&self) -> &'static str {
        match self {
            AgencyKind::Ministry => "bộ",
            AgencyKind::MinistryLevelAgency => "cơ quan ngang bộ",
            AgencyKind::GovernmentAgency => "cơ quan thuộc Chính phủ",
            AgencyKind::ProvincialPc => "Ủy ban nhân dân cấp tỉnh",
            AgencyKind::DistrictPc => "Ủy ban nhân dân cấp huyện",
            AgencyKind::CommunePc => "Ủy ban nhân dân cấp xã",
            AgencyKind::SubordinateUnit => "cơ quan, đơn vị trực thuộc",
            AgencyKind::PublicNonBusinessUnit => "đơn vị sự nghiệp công lập",
            AgencyKind::Other => "cơ quan, tổ chức khác",
        }
    }

    /// The kind in English.
    pub fn name_en(&self) -> &'static str {
        match self {
            AgencyKind::Ministry => "ministry",
            AgencyKind::MinistryLevelAgency => "ministry-level agency",
            AgencyKind::GovernmentAgency => "government agency",
            AgencyKind::ProvincialPc => "provincial People's Committee",
            AgencyKind::DistrictPc => "district People's Committee",
            AgencyKind::CommunePc => "commune People's Committee",
            AgencyKind::SubordinateUnit => "subordinate agency or unit",
            AgencyKind::PublicNonBusinessUnit => "public non-business unit",
            AgencyKind::Other => "other organisation",
        }
    }

    /// CORE-04 (QĐ 28/2018 Đ2): whether the decision applies to this kind of body.
    /// A public non-business unit that is subordinate to a ministry or committee is a
    /// [`AgencyKind::SubordinateUnit`].
    pub fn qd28_scope(&self) -> Qd28Scope {
        match self {
            AgencyKind::PublicNonBusinessUnit | AgencyKind::Other => Qd28Scope::MayApply,
            _ => Qd28Scope::Applies,
        }
    }

    /// CORE-04 / DOC-24 (QĐ 28/2018 Đ2.1–2.2): a finding saying whether the decision applies.
    /// For a body outside Đ2.1, `technically_ready` says whether it has the infrastructure to
    /// apply it (Đ2.2); `None` leaves the finding Unknown.
    pub fn qd28_scope_finding(&self, technically_ready: Option<bool>) -> Finding {
        match (self.qd28_scope(), technically_ready) {
            (Qd28Scope::Applies, _) => Finding::new(
                "CORE-04",
                LegalRef::clause(Instrument::Qd28_2018, 2, 1),
                Outcome::Pass,
                format!("QĐ 28/2018 applies to a {} (Đ2.1).", self.name_en()),
                format!("QĐ 28/2018/QĐ-TTg áp dụng đối với {} (khoản 1 Điều 2).", self.name_vi()),
            ),
            (Qd28Scope::MayApply, Some(true)) => Finding::new(
                "DOC-24",
                LegalRef::clause(Instrument::Qd28_2018, 2, 2),
                Outcome::Pass,
                format!(
                    "A {} outside Đ2.1 that has the technical infrastructure applies QĐ 28/2018 (Đ2.2).",
                    self.name_en()
                ),
                format!(
                    "{} không thuộc khoản 1 Điều 2, đáp ứng hạ tầng kỹ thuật, công nghệ: thực hiện theo QĐ 28/2018/QĐ-TTg (khoản 2 Điều 2).",
                    capitalise(self.name_vi())
                ),
            ),
            (Qd28Scope::MayApply, Some(false)) => Finding::new(
                "DOC-24",
                LegalRef::clause(Instrument::Qd28_2018, 2, 2),
                Outcome::Pass,
                format!(
                    "QĐ 28/2018 does not bind a {} without the technical infrastructure to apply it (Đ2.2): not applicable.",
                    self.name_en()
                ),
                format!(
                    "{} chưa đáp ứng hạ tầng kỹ thuật, công nghệ: QĐ 28/2018/QĐ-TTg chưa áp dụng (khoản 2 Điều 2).",
                    capitalise(self.name_vi())
                ),
            ),
            (Qd28Scope::MayApply, None) => Finding::new(
                "DOC-24",
                LegalRef::clause(Instrument::Qd28_2018, 2, 2),
                Outcome::Unknown,
                format!(
                    "A {} is outside Đ2.1: QĐ 28/2018 applies if it has the technical infrastructure (Đ2.2); not stated.",
                    self.name_en()
                ),
                format!(
                    "{} không thuộc khoản 1 Điều 2: áp dụng QĐ 28/2018/QĐ-TTg nếu đáp ứng hạ tầng kỹ thuật, công nghệ (khoản 2 Điều 2); chưa cho biết.",
                    capitalise(self.name_vi())
                ),
            ),
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_04_kinds_in_scope_of_qd28_d2_1() {
        let seed = include_str!("../../testdata/seeds/004_470975e342d407df.txt");
        assert!(seed.contains("các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các cấp và các cơ quan, đơn vị trực thuộc"));
        for k in AgencyKind::ALL {
            let expected = !matches!(k, AgencyKind::PublicNonBusinessUnit | AgencyKind::Other);
            assert_eq!(k.qd28_scope() == Qd28Scope::Applies, expected, "{k:?}");
            let json = serde_json::to_string(&k).unwrap();
            assert_eq!(serde_json::from_str::<AgencyKind>(&json).unwrap(), k);
        }
        let f = AgencyKind::Ministry.qd28_scope_finding(None);
        assert_eq!((f.rule.as_ref(), f.outcome), ("CORE-04", Outcome::Pass));
        assert_eq!(f.basis.clause, Some(1));
    }

    #[test]
    fn doc_24_other_organisations_apply_qd28_only_when_technically_ready() {
        let k = AgencyKind::PublicNonBusinessUnit;
        let unknown = k.qd28_scope_finding(None);
        assert_eq!(
            (unknown.rule.as_ref(), unknown.outcome),
            ("DOC-24", Outcome::Unknown)
        );
        assert_eq!(unknown.basis.clause, Some(2));
        assert!(unknown.message_vi.starts_with("Đơn vị sự nghiệp công lập"));
        assert_eq!(k.qd28_scope_finding(Some(true)).outcome, Outcome::Pass);
        let not_ready = AgencyKind::Other.qd28_scope_finding(Some(false));
        assert_eq!(not_ready.outcome, Outcome::Pass);
        assert!(not_ready.message.contains("not applicable"));
    }
}
