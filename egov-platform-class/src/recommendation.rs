//! The user's choice about data-driven recommendation and ads on a very large intermediary platform
//! (PLAT-24, NĐ 137/2024 Đ20.1.b).
//!
//! Đ20.1.b: users may opt out of content recommendation and ad display based on analysis of their
//! data («lựa chọn phương án không sử dụng tính năng khuyến nghị … dựa trên phân tích dữ liệu về
//! người sử dụng»); on opting out the owner must tell them how their access to content changes
//! («cung cấp thông tin cho người sử dụng về sự thay đổi khả năng tiếp cận nội dung»); and the owner
//! must not change the user's choice automatically without consent («không được tự động thay đổi
//! lựa chọn phương án của người sử dụng khi chưa có sự đồng ý»).

use egov_core::{ErrorCode, Instrument, LegalRef};
use serde::{Deserialize, Serialize};

/// The user's current choice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RecoPreference {
    /// Recommendation and ads based on the user's data.
    #[default]
    Personalized,
    /// The user opted out of data-driven recommendation and ads.
    OptedOut,
}

/// Who asks for a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChangeRequest {
    /// The user chooses, by their own action.
    UserChoice(RecoPreference),
    /// The platform proposes a change; `consent` says whether the user agreed to it.
    PlatformChange {
        /// The proposed preference.
        to: RecoPreference,
        /// Whether the user consented to this change.
        consent: bool,
    },
}

/// What the platform must do after a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Transition {
    /// The preference after the change.
    pub preference: RecoPreference,
    /// Whether the user must be told how their access to content changes (entering `OptedOut`).
    pub accessibility_notice_required: bool,
    /// The legal basis.
    pub basis: LegalRef,
}

/// A change the decree forbids.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RecoError {
    /// The platform changed the user's choice without consent (Đ20.1.b).
    #[error("the platform may not change the user's choice from {from:?} to {to:?} without consent (NĐ 137/2024 Đ20.1.b)")]
    ChangeWithoutConsent {
        /// The user's choice.
        from: RecoPreference,
        /// The proposed preference.
        to: RecoPreference,
    },
}

impl ErrorCode for RecoError {
    fn code(&self) -> &'static str {
        match self {
            RecoError::ChangeWithoutConsent { .. } => "platform.reco_change_without_consent",
        }
    }
}

/// Applies a change request to the current preference (PLAT-24, NĐ 137/2024 Đ20.1.b).
///
/// ```
/// use egov_platform_class::recommendation::{apply, ChangeRequest, RecoPreference};
/// let t = apply(RecoPreference::Personalized, ChangeRequest::UserChoice(RecoPreference::OptedOut)).unwrap();
/// assert!(t.accessibility_notice_required);
/// let back = ChangeRequest::PlatformChange { to: RecoPreference::Personalized, consent: false };
/// assert!(apply(t.preference, back).is_err());
/// ```
pub fn apply(current: RecoPreference, request: ChangeRequest) -> Result<Transition, RecoError> {
    let to = match request {
        ChangeRequest::UserChoice(to) => to,
        ChangeRequest::PlatformChange { to, consent } => {
            if to != current && !consent {
                return Err(RecoError::ChangeWithoutConsent { from: current, to });
            }
            to
        }
    };
    Ok(Transition {
        preference: to,
        accessibility_notice_required: current != RecoPreference::OptedOut
            && to == RecoPreference::OptedOut,
        basis: LegalRef::point(Instrument::Nd137_2024, 20, 1, "b"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use RecoPreference::{OptedOut, Personalized};

    #[test]
    fn plat_24_opt_out_requires_an_accessibility_notice() {
        let t = apply(Personalized, ChangeRequest::UserChoice(OptedOut)).unwrap();
        assert_eq!(t.preference, OptedOut);
        assert!(t.accessibility_notice_required);
        let t = apply(OptedOut, ChangeRequest::UserChoice(OptedOut)).unwrap();
        assert!(!t.accessibility_notice_required, "no change, no notice");
        let t = apply(OptedOut, ChangeRequest::UserChoice(Personalized)).unwrap();
        assert_eq!(t.preference, Personalized);
    }

    #[test]
    fn plat_24_platform_never_switches_back_without_consent() {
        let err = apply(
            OptedOut,
            ChangeRequest::PlatformChange {
                to: Personalized,
                consent: false,
            },
        )
        .unwrap_err();
        assert_eq!(err.code(), "platform.reco_change_without_consent");
        let t = apply(
            OptedOut,
            ChangeRequest::PlatformChange {
                to: Personalized,
                consent: true,
            },
        )
        .unwrap();
        assert_eq!(t.preference, Personalized);
        // Keeping the user's choice needs no consent.
        assert!(apply(
            OptedOut,
            ChangeRequest::PlatformChange {
                to: OptedOut,
                consent: false
            }
        )
        .is_ok());
    }
}
