//! QR symbol construction at error-correction level M (the default) or Q, with a fast mask
//! choice.
//!
//! The `qrcode` crate segments the data, adds error correction and draws the symbol; choosing
//! the mask with its `apply_best_mask` costs ~3 ms for a version-15 code, most of a mark's
//! budget. This module scores the eight masks itself with the ISO/IEC 18004 §7.8.3 penalty
//! rules (N1 runs, N2 blocks, N3 finder-like patterns, N4 dark balance) on a flat module array.

use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::Color;

/// A QR symbol: `width × width` modules, row-major, `true` = dark. No quiet zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrMatrix {
    /// Modules per side.
    pub width: usize,
    /// The modules, row-major.
    pub dark: Vec<bool>,
    /// The QR version (1–40).
    pub version: u8,
}

const MASKS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

/// Error-correction level of the printed symbol. In JSON `"m"` or `"q"`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum EcLevel {
    /// ~15 % of codewords recoverable (default: measured to read as well as Q on the
    /// degraded-scan corpus at the default module size, with a smaller code).
    #[default]
    M,
    /// ~25 % recoverable; a larger code (more modules) for the same payload.
    Q,
}

impl EcLevel {
    fn to_qrcode(self) -> qrcode::EcLevel {
        match self {
            EcLevel::M => qrcode::EcLevel::M,
            EcLevel::Q => qrcode::EcLevel::Q,
        }
    }
}

/// Builds the symbol for `text` at level M with the lowest-penalty mask.
pub fn encode(text: &str) -> Result<QrMatrix, String> {
    encode_at(text, EcLevel::M)
}

/// Builds the symbol for `text` at `level` with the lowest-penalty mask.
pub fn encode_at(text: &str, level: EcLevel) -> Result<QrMatrix, String> {
    let level = level.to_qrcode();
    let bits = qrcode::bits::encode_auto(text.as_bytes(), level).map_err(|e| e.to_string())?;
    let version = bits.version();
    let v = match version {
        qrcode::Version::Normal(v) => u8::try_from(v).map_err(|e| e.to_string())?,
        qrcode::Version::Micro(_) => return Err("micro QR not used".to_owned()),
    };
    let data = bits.into_bytes();
    let (encoded, ec) =
        qrcode::ec::construct_codewords(&data, version, level).map_err(|e| e.to_string())?;
    let mut canvas = Canvas::new(version, level);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&encoded, &ec);
    let width = usize::from(v) * 4 + 17;
    let mut best: Option<(u32, Vec<bool>)> = None;
    for mask in MASKS {
        let mut c = canvas.clone();
        c.apply_mask(mask);
        let dark: Vec<bool> = c
            .into_colors()
            .into_iter()
            .map(|m| m == Color::Dark)
            .collect();
        let p = penalty(&dark, width);
        if best.as_ref().is_none_or(|(bp, _)| p < *bp) {
            best = Some((p, dark));
        }
    }
    let (_, dark) = best.ok_or("no mask")?;
    Ok(QrMatrix {
        width,
        dark,
        version: v,
    })
}

/// ISO/IEC 18004 §7.8.3 penalty score of a symbol.
fn penalty(m: &[bool], w: usize) -> u32 {
    let at = |x: usize, y: usize| m.get(y * w + x).copied().unwrap_or(false);
    let mut score = 0u32;
    // N1 (runs of ≥ 5) and N3 (1:1:3:1:1 with 4 light modules), rows then columns.
    for transpose in [false, true] {
        for i in 0..w {
            let get = |j: usize| if transpose { at(i, j) } else { at(j, i) };
            let mut run = 1u32;
            for j in 1..w {
                if get(j) == get(j - 1) {
                    run += 1;
                } else {
                    if run >= 5 {
                        score += 3 + run - 5;
                    }
                    run = 1;
                }
            }
            if run >= 5 {
                score += 3 + run - 5;
            }
            // The 11-module window: dark-light-dark×3-light-dark + 4 light on one side.
            const P1: [bool; 11] = [
                true, false, true, true, true, false, true, false, false, false, false,
            ];
            const P2: [bool; 11] = [
                false, false, false, false, true, false, true, true, true, false, true,
            ];
            for j in 0..w.saturating_sub(10) {
                let window = |p: &[bool; 11]| p.iter().enumerate().all(|(k, &d)| get(j + k) == d);
                if window(&P1) {
                    score += 40;
                }
                if window(&P2) {
                    score += 40;
                }
            }
        }
    }
    // N2: 2×2 blocks of one colour.
    for y in 0..w.saturating_sub(1) {
        for x in 0..w.saturating_sub(1) {
            let c = at(x, y);
            if at(x + 1, y) == c && at(x, y + 1) == c && at(x + 1, y + 1) == c {
                score += 3;
            }
        }
    }
    // N4: 10 points per 5 % deviation of the dark share from 50 %.
    let total = m.len().max(1);
    let dark = m.iter().filter(|&&d| d).count();
    let pct = dark * 100 / total;
    let dev = pct.abs_diff(50) / 5;
    score + 10 * u32::try_from(dev).unwrap_or(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qr_matrix_matches_qrcode_version_and_size() {
        let text = "https://dichvucong.gov.vn/x#EGCM:0123456789012345678901234567890";
        let q = encode(text).unwrap();
        let reference =
            qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M)
                .unwrap();
        assert_eq!(q.width, reference.width());
        assert_eq!(q.dark.len(), q.width * q.width);
        assert_eq!(
            qrcode::Version::Normal(i16::from(q.version)),
            reference.version()
        );
    }
}
