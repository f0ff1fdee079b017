//! What an image file states about itself, read from its headers without decoding it: size,
//! colour and the resolution a scanner wrote (JPEG's JFIF density, PNG's pHYs chunk). Used to
//! size a mark block for the page it goes on and to lay scans out at their own size.

/// The resolution the file states, dots per inch (JPEG JFIF density, PNG pHYs in metres), if
/// it states one; `None` for other formats and files that state nothing (a resolution "in no
/// unit", an aspect ratio, is nothing).
pub fn stated_dpi(bytes: &[u8]) -> Option<f32> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        png_facts(bytes)?.3
    } else if bytes.starts_with(&[0xff, 0xd8]) {
        jpeg_facts(bytes)?.3
    } else {
        None
    }
}

/// JPEG: size, components and JFIF density from the markers (the data is embedded unchanged).
pub(crate) fn jpeg_facts(b: &[u8]) -> Option<(u32, u32, u8, Option<f32>)> {
    let mut i = 2;
    let mut dpi = None;
    while i + 4 <= b.len() {
        if b[i] != 0xff {
            return None;
        }
        let marker = b[i + 1];
        let len = usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]]));
        let seg = b.get(i + 4..i + 2 + len)?;
        if marker == 0xe0 && seg.starts_with(b"JFIF\0") && seg.len() >= 12 {
            let x = f32::from(u16::from_be_bytes([seg[8], seg[9]]));
            dpi = match seg[7] {
                1 if x > 0.0 => Some(x),
                2 if x > 0.0 => Some(x * 2.54),
                _ => None,
            };
        }
        if matches!(marker, 0xc0..=0xcf) && !matches!(marker, 0xc4 | 0xc8 | 0xcc) && seg.len() >= 6
        {
            let h = u32::from(u16::from_be_bytes([seg[1], seg[2]]));
            let w = u32::from(u16::from_be_bytes([seg[3], seg[4]]));
            return Some((w, h, seg[5], dpi));
        }
        i += 2 + len;
    }
    None
}

/// PNG: size, colour type and pHYs density.
pub(crate) fn png_facts(b: &[u8]) -> Option<(u32, u32, u8, Option<f32>)> {
    let w = u32::from_be_bytes(b.get(16..20)?.try_into().ok()?);
    let h = u32::from_be_bytes(b.get(20..24)?.try_into().ok()?);
    let colour_type = *b.get(25)?;
    let mut i = 8;
    let mut dpi = None;
    while i + 8 <= b.len() {
        let len = u32::from_be_bytes(b[i..i + 4].try_into().ok()?) as usize;
        let kind = &b[i + 4..i + 8];
        if kind == b"pHYs" {
            let d = b.get(i + 8..i + 17)?;
            let ppm = u32::from_be_bytes(d[0..4].try_into().ok()?);
            if d[8] == 1 && ppm > 0 {
                dpi = Some(ppm as f32 * 0.0254);
            }
        }
        if kind == b"IDAT" {
            break;
        }
        i = i.checked_add(12 + len)?;
    }
    Some((w, h, colour_type, dpi))
}

#[cfg(test)]
mod tests {
    use super::stated_dpi;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";

    proptest::proptest! {
        /// Any bytes, and any bytes behind a PNG or JPEG signature: an answer, never a panic,
        /// and a stated resolution is a positive number.
        #[test]
        fn any_header_is_read_without_panicking(body in proptest::collection::vec(proptest::num::u8::ANY, 0..256)) {
            for prefix in [&b""[..], PNG, &[0xff, 0xd8]] {
                let bytes = [prefix, &body].concat();
                if let Some(dpi) = stated_dpi(&bytes) {
                    proptest::prop_assert!(dpi > 0.0);
                }
            }
        }
    }

    #[test]
    fn jfif_density_in_inches_and_centimetres() {
        let jfif = |unit: u8, x: u16| {
            let mut b = vec![0xff, 0xd8, 0xff, 0xe0, 0, 16];
            b.extend_from_slice(b"JFIF\0\x01\x02");
            b.push(unit);
            b.extend_from_slice(&x.to_be_bytes());
            b.extend_from_slice(&x.to_be_bytes());
            b.extend_from_slice(&[0, 0]);
            b.extend_from_slice(&[0xff, 0xc0, 0, 11, 8, 0, 10, 0, 20, 1, 1, 0x11, 0]);
            b
        };
        assert_eq!(stated_dpi(&jfif(1, 300)), Some(300.0));
        assert_eq!(stated_dpi(&jfif(2, 118)).map(f32::round), Some(300.0));
        assert_eq!(
            stated_dpi(&jfif(0, 1)),
            None,
            "an aspect ratio is no resolution"
        );
        assert_eq!(stated_dpi(b"GIF89a"), None);
    }
}
