//! The owner class of an information system serving e-transactions (rule CORE-05; NĐ 137/2024
//! Điều 15.1–15.2).
//!
//! The owner («chủ quản») is defined in Đ15.1: «Chủ quản hệ thống thông tin phục vụ giao dịch
//! điện tử là cơ quan, tổ chức, cá nhân có thẩm quyền quản lý trực tiếp đối với hệ thống thông tin
//! đó.» Đ15.2 classes systems by their owner into three classes, [`OwnerClass`]. How the owner is
//! determined for each class (Đ15.3, rule PLAT-07) is checked by `egov-platform-class`.
//!
//! ```
//! use egov_core::owner::OwnerClass;
//! let c: OwnerClass = "organisation".parse().unwrap();
//! assert_eq!(c.name_vi(), "Chủ quản là tổ chức, doanh nghiệp");
//! assert_eq!(c.basis().to_string(), "NĐ 137/2024/NĐ-CP Đ15.2.b");
//! assert_eq!(serde_json::to_value(c).unwrap(), "organisation");
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::legal::{Instrument, LegalRef};

/// The class of an information system by its owner (CORE-05; NĐ 137/2024 Đ15.2: «Hệ thống
/// thông tin phục vụ giao dịch điện tử được phân loại theo chủ quản hệ thống thông tin, bao
/// gồm: …»). JSON: `state`, `organisation`, `individual`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OwnerClass {
    /// Đ15.2.a «Chủ quản là cơ quan, tổ chức nhà nước» (the owner is a state agency or
    /// organisation).
    State,
    /// Đ15.2.b «Chủ quản là tổ chức, doanh nghiệp» (the owner is an organisation or enterprise).
    Organisation,
    /// Đ15.2.c «Chủ quản là cá nhân» (the owner is an individual).
    Individual,
}

impl OwnerClass {
    /// Every class, in the decree's order (Đ15.2.a–c).
    pub const ALL: [OwnerClass; 3] = [
        OwnerClass::State,
        OwnerClass::Organisation,
        OwnerClass::Individual,
    ];

    /// The JSON and command-line name (`state`, `organisation`, `individual`).
    pub fn as_str(&self) -> &'static str {
        match self {
            OwnerClass::State => "state",
            OwnerClass::Organisation => "organisation",
            OwnerClass::Individual => "individual",
        }
    }

    /// The class in the decree's words (Đ15.2.a–c).
    pub fn name_vi(&self) -> &'static str {
        match self {
            OwnerClass::State => "Chủ quản là cơ quan, tổ chức nhà nước",
            OwnerClass::Organisation => "Chủ quản là tổ chức, doanh nghiệp",
            OwnerClass::Individual => "Chủ quản là cá nhân",
        }
    }

    /// The class in English.
    pub fn name_en(&self) -> &'static str {
        match self {
            OwnerClass::State => "The owner is a state agency or organisation",
            OwnerClass::Organisation => "The owner is an organisation or enterprise",
            OwnerClass::Individual => "The owner is an individual",
        }
    }

    /// The point of Đ15.2 that defines the class (CORE-05).
    pub fn basis(&self) -> LegalRef {
        LegalRef::point(Instrument::Nd137_2024, 15, 2, self.point())
    }

    /// The point of Đ15.3 that says how the owner of this class is determined (PLAT-07).
    pub fn determination_basis(&self) -> LegalRef {
        LegalRef::point(Instrument::Nd137_2024, 15, 3, self.point())
    }

    fn point(&self) -> &'static str {
        match self {
            OwnerClass::State => "a",
            OwnerClass::Organisation => "b",
            OwnerClass::Individual => "c",
        }
    }
}

impl fmt::Display for OwnerClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An owner class name that is none of `state`, `organisation`, `individual`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown owner class '{0}' (expected state, organisation or individual; NĐ 137/2024 Đ15.2)"
)]
pub struct UnknownOwnerClass(pub String);

impl crate::error::ErrorCode for UnknownOwnerClass {
    fn code(&self) -> &'static str {
        "owner.unknown_class"
    }
}

impl FromStr for OwnerClass {
    type Err = UnknownOwnerClass;

    /// Parses the JSON name (`state`, `organisation`, `individual`), case-insensitively.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        OwnerClass::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(t))
            .ok_or_else(|| UnknownOwnerClass(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_05_three_owner_classes_with_their_points_of_d15_2() {
        let points: Vec<String> = OwnerClass::ALL
            .iter()
            .map(|c| c.basis().to_string())
            .collect();
        assert_eq!(
            points,
            [
                "NĐ 137/2024/NĐ-CP Đ15.2.a",
                "NĐ 137/2024/NĐ-CP Đ15.2.b",
                "NĐ 137/2024/NĐ-CP Đ15.2.c"
            ]
        );
        assert_eq!(
            OwnerClass::State.determination_basis().to_string_vi(),
            "điểm a khoản 3 Điều 15 NĐ 137/2024/NĐ-CP"
        );
        assert_eq!(
            OwnerClass::State.name_vi(),
            "Chủ quản là cơ quan, tổ chức nhà nước"
        );
        assert_eq!(OwnerClass::Individual.name_vi(), "Chủ quản là cá nhân");
    }

    #[test]
    fn core_05_serde_snake_case_and_parse_round_trip() {
        for c in OwnerClass::ALL {
            let j = serde_json::to_value(c).unwrap();
            assert_eq!(j, c.as_str());
            assert_eq!(serde_json::from_value::<OwnerClass>(j).unwrap(), c);
            assert_eq!(c.to_string().parse::<OwnerClass>().unwrap(), c);
        }
        assert_eq!(" State ".parse::<OwnerClass>().unwrap(), OwnerClass::State);
        assert!(serde_json::from_str::<OwnerClass>("\"enterprise\"").is_err());
        let e = "enterprise".parse::<OwnerClass>().unwrap_err();
        assert_eq!(crate::ErrorCode::code(&e), "owner.unknown_class");
    }
}
