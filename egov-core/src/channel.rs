//! Communication channels for disclosures and notices (rule CORE-07; NĐ 137/2024 Đ19.1.a:
//! «trang thông tin điện tử, thư điện tử, qua ứng dụng trên thiết bị di động hoặc kênh giao tiếp
//! khác»).
//!
//! Which channels a provision allows differs per provision: Đ19.1.a and Đ20.2.a list all four,
//! Đ20.1.a (content-recommendation criteria) lists no e-mail. The allowed sets live with the
//! rules that use them (`egov-platform-class`); this is the shared vocabulary.
//!
//! ```
//! use egov_core::channel::Channel;
//! let c: Channel = "mobile_app".parse().unwrap();
//! assert_eq!(c.name_vi(), "ứng dụng trên thiết bị di động");
//! assert_eq!(serde_json::to_value(c).unwrap(), "mobile_app");
//! ```

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A communication channel named by NĐ 137/2024 Đ19–20 (CORE-07). JSON: `website`, `email`,
/// `mobile_app`, `other`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// «trang thông tin điện tử».
    Website,
    /// «thư điện tử».
    Email,
    /// «ứng dụng trên thiết bị di động».
    MobileApp,
    /// «kênh giao tiếp khác».
    Other,
}

impl Channel {
    /// The four channels in the order of Đ19.1.a.
    pub const ALL: [Channel; 4] = [
        Channel::Website,
        Channel::Email,
        Channel::MobileApp,
        Channel::Other,
    ];

    /// The JSON and command-line name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Channel::Website => "website",
            Channel::Email => "email",
            Channel::MobileApp => "mobile_app",
            Channel::Other => "other",
        }
    }

    /// The channel in the decree's words.
    pub fn name_vi(&self) -> &'static str {
        match self {
            Channel::Website => "trang thông tin điện tử",
            Channel::Email => "thư điện tử",
            Channel::MobileApp => "ứng dụng trên thiết bị di động",
            Channel::Other => "kênh giao tiếp khác",
        }
    }

    /// The channel in English.
    pub fn name_en(&self) -> &'static str {
        match self {
            Channel::Website => "website",
            Channel::Email => "e-mail",
            Channel::MobileApp => "mobile app",
            Channel::Other => "other channel",
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A channel name that is not one of [`Channel::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown channel {0:?} (expected website, email, mobile_app or other)")]
pub struct UnknownChannel(pub String);

impl crate::ErrorCode for UnknownChannel {
    fn code(&self) -> &'static str {
        "channel.unknown"
    }
}

impl FromStr for Channel {
    type Err = UnknownChannel;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let key = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        match key.as_str() {
            "website" | "web" => Ok(Channel::Website),
            "email" | "e_mail" => Ok(Channel::Email),
            "mobile_app" | "app" => Ok(Channel::MobileApp),
            "other" => Ok(Channel::Other),
            _ => Err(UnknownChannel(s.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_07_four_channels_of_d19_1_a_in_the_decree_s_words() {
        let seed = include_str!("../../testdata/seeds/001_60346f9cf7e19c5b.txt");
        let listed = "trang thông tin điện tử, thư điện tử, qua ứng dụng trên thiết bị di động hoặc kênh giao tiếp khác";
        assert!(seed.contains(listed));
        for c in Channel::ALL {
            assert!(listed.contains(c.name_vi()), "{c}");
            assert_eq!(c.as_str().parse::<Channel>(), Ok(c));
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(serde_json::from_str::<Channel>(&json).unwrap(), c);
        }
        assert_eq!("E-mail".parse::<Channel>(), Ok(Channel::Email));
        let err = "fax".parse::<Channel>().unwrap_err();
        assert_eq!(crate::ErrorCode::code(&err), "channel.unknown");
    }
}
