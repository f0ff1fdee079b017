//! Deterministic degradations of a page rendered at 300 dpi, the way paper is degraded between
//! the printer and the verifier: a flatbed rescan (the whole page on a larger bed: skew, slight
//! perspective, blur,
//! resampling to 300 / 200 / 150 dpi), a photocopy in between (contrast loss, grey paper, toner
//! speckle), uneven lighting, sensor noise, JPEG compression, pages fed sideways or upside down;
//! and phone photos (the page on a table, perspective up to 8 %, a shadow across it, glare,
//! motion blur, colour cast, a 7- or 12-Mpx frame).
//!
//! Pure functions of (page, parameters, seed): the same inputs give the same JPEG bytes.
//! Used by `examples/mark_corpus.rs` (the corpus of `benches/mark_robustness.sh` and the
//! committed test subset).

use image::{GrayImage, Luma, Rgb, RgbImage};
use serde_json::{json, Value};

/// Scan or phone photo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Flatbed / sheet-fed scanner, possibly of a photocopy.
    Scan,
    /// A phone photo of the page lying on a table.
    Phone,
}

/// Every parameter of one degraded copy.
#[derive(Debug, Clone, PartialEq)]
pub struct Degradation {
    /// Scan or phone.
    pub kind: Kind,
    /// Scans: the rescan resolution (300, 200 or 150 dpi). Phones: the page's pixels per inch
    /// in the frame (derived from the frame size).
    pub dpi: u32,
    /// Skew, degrees (±5).
    pub rotation_deg: f64,
    /// Whole quarter turns the page was fed or photographed with (0–3).
    pub quarter_turns: u8,
    /// Largest corner displacement as a fraction of the page size (scans ≤ 3 %, phones ≤ 8 %).
    pub perspective: f64,
    /// Gaussian blur sigma in pixels at 300 dpi (≤ 1.5, i.e. ≤ 0.127 mm on paper: scanner
    /// and copier optics blur by a physical length, so a 150-dpi scan gets half the pixels).
    pub blur_sigma: f64,
    /// Photocopy in between: (paper grey, ink grey).
    pub photocopy: Option<(u8, u8)>,
    /// Uneven illumination: darkest corner darker by this fraction (≤ 0.35).
    pub lighting: f64,
    /// Gaussian sensor noise, grey levels (≤ 10).
    pub noise_sigma: f64,
    /// JPEG quality (40–90).
    pub jpeg_quality: u8,
    /// Phones: a shadow band darkening part of the page by this fraction (0 = none).
    pub shadow: f64,
    /// Phones: a glare spot of this strength, 0–1 (0 = none).
    pub glare: f64,
    /// Phones: linear motion blur length, pixels (≤ 3).
    pub motion_blur_px: f64,
    /// Phones: frame width × height in pixels (portrait).
    pub frame: (u32, u32),
}

/// A small deterministic generator (SplitMix64).
pub struct Rng(pub u64);

impl Rng {
    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Uniform in [a, b).
    pub fn range(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.unit()
    }
    /// Uniform integer in [0, n).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
    /// True with probability p.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    /// Standard normal (Box–Muller).
    pub fn normal(&mut self) -> f64 {
        let u1 = self.unit().max(1e-12);
        let u2 = self.unit();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
}

impl Degradation {
    /// No degradation: a clean 300-dpi scan at JPEG 90.
    pub fn clean() -> Self {
        Degradation {
            kind: Kind::Scan,
            dpi: 300,
            rotation_deg: 0.0,
            quarter_turns: 0,
            perspective: 0.0,
            blur_sigma: 0.0,
            photocopy: None,
            lighting: 0.0,
            noise_sigma: 0.0,
            jpeg_quality: 90,
            shadow: 0.0,
            glare: 0.0,
            motion_blur_px: 0.0,
            frame: (0, 0),
        }
    }

    /// Draws every parameter uniformly within its range, as a real copy combines them all.
    pub fn sample(rng: &mut Rng, kind: Kind) -> Self {
        let mut d = Degradation::clean();
        d.kind = kind;
        d.rotation_deg = rng.range(-5.0, 5.0);
        d.lighting = rng.range(0.0, 0.35);
        match kind {
            Kind::Scan => {
                d.dpi = [150, 200, 300][rng.below(3) as usize];
                d.quarter_turns = if rng.chance(0.25) {
                    1 + rng.below(3) as u8
                } else {
                    0
                };
                d.perspective = rng.range(0.0, 0.03);
                d.blur_sigma = rng.range(0.0, 1.5);
                if rng.chance(0.4) {
                    d.photocopy =
                        Some((rng.range(195.0, 235.0) as u8, rng.range(35.0, 100.0) as u8));
                }
                d.noise_sigma = rng.range(0.0, 10.0);
                d.jpeg_quality = rng.range(40.0, 91.0) as u8;
            }
            Kind::Phone => {
                d.frame = if rng.chance(0.5) {
                    (3000, 4000)
                } else {
                    (2250, 3000)
                };
                d.quarter_turns = if rng.chance(0.3) {
                    1 + rng.below(3) as u8
                } else {
                    0
                };
                d.perspective = rng.range(0.02, 0.08);
                d.blur_sigma = rng.range(0.0, 1.2);
                d.motion_blur_px = rng.range(0.0, 3.0);
                d.shadow = if rng.chance(0.5) {
                    rng.range(0.25, 0.45)
                } else {
                    0.0
                };
                d.glare = if rng.chance(0.5) {
                    rng.range(0.3, 0.9)
                } else {
                    0.0
                };
                d.noise_sigma = rng.range(2.0, 10.0);
                d.jpeg_quality = rng.range(50.0, 91.0) as u8;
                d.dpi = phone_dpi(d.frame);
            }
        }
        d
    }

    /// The parameters as JSON.
    pub fn to_json(&self) -> Value {
        json!({
            "kind": match self.kind { Kind::Scan => "scan", Kind::Phone => "phone" },
            "dpi": self.dpi,
            "rotation_deg": round3(self.rotation_deg),
            "quarter_turns": self.quarter_turns,
            "perspective": round3(self.perspective),
            "blur_sigma": round3(self.blur_sigma),
            "photocopy": self.photocopy.map(|(p, i)| json!({"paper": p, "ink": i})),
            "lighting": round3(self.lighting),
            "noise_sigma": round3(self.noise_sigma),
            "jpeg_quality": self.jpeg_quality,
            "shadow": round3(self.shadow),
            "glare": round3(self.glare),
            "motion_blur_px": round3(self.motion_blur_px),
            "frame": if self.kind == Kind::Phone { json!([self.frame.0, self.frame.1]) } else { Value::Null },
        })
    }

    /// The bucket of each axis, for the results table.
    pub fn buckets(&self) -> Value {
        let phone = self.kind == Kind::Phone;
        let r = self.rotation_deg.abs();
        json!({
            "source": if phone { "phone photo" } else { "scan" },
            "dpi": if phone { "phone".to_owned() } else { format!("{} dpi", self.dpi) },
            "rotation": if r < 1.0 { "<1°" } else if r < 3.0 { "1–3°" } else { "3–5°" },
            "quarter turn": format!("{}°", u32::from(self.quarter_turns) * 90),
            "perspective": if self.perspective < 0.01 { "<1 %" } else if self.perspective < 0.03 { "1–3 %" } else { "3–8 %" },
            "blur": if self.blur_sigma < 0.5 { "σ<0.5" } else if self.blur_sigma < 1.0 { "σ 0.5–1" } else { "σ 1–1.5" },
            "photocopy": if self.photocopy.is_some() { "yes" } else { "no" },
            "lighting": if self.lighting < 0.1 { "<10 %" } else if self.lighting < 0.2 { "10–20 %" } else { "20–35 %" },
            "JPEG quality": if self.jpeg_quality < 60 { "40–59" } else if self.jpeg_quality < 75 { "60–74" } else { "75–90" },
            "phone extras": if !phone { "—" } else if self.glare > 0.0 && self.shadow > 0.0 { "shadow+glare" } else if self.glare > 0.0 { "glare" } else if self.shadow > 0.0 { "shadow" } else { "none" },
        })
    }
}

fn round3(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

/// Pixels per inch of an A4 page filling ~85 % of a phone frame's width.
fn phone_dpi(frame: (u32, u32)) -> u32 {
    (f64::from(frame.0) * 0.85 / (210.0 / 25.4)).round() as u32
}

/// A 3×3 projective transform.
#[derive(Debug, Clone, Copy)]
struct Homography([f64; 9]);

impl Homography {
    /// The transform mapping the four `from` points onto the four `to` points (DLT, h33 = 1).
    fn from_points(from: [(f64, f64); 4], to: [(f64, f64); 4]) -> Self {
        let mut a = [[0f64; 9]; 8];
        for i in 0..4 {
            let (x, y) = from[i];
            let (u, v) = to[i];
            a[2 * i] = [x, y, 1.0, 0.0, 0.0, 0.0, -u * x, -u * y, u];
            a[2 * i + 1] = [0.0, 0.0, 0.0, x, y, 1.0, -v * x, -v * y, v];
        }
        // Gaussian elimination with partial pivoting on the 8×8 system.
        for col in 0..8 {
            let pivot = (col..8)
                .max_by(|&p, &q| a[p][col].abs().total_cmp(&a[q][col].abs()))
                .unwrap_or(col);
            a.swap(col, pivot);
            let d = a[col][col];
            if d.abs() < 1e-12 {
                continue;
            }
            for v in a[col].iter_mut().skip(col) {
                *v /= d;
            }
            let pivot_row = a[col];
            for (row, r) in a.iter_mut().enumerate() {
                if row != col {
                    let f = r[col];
                    for (v, p) in r.iter_mut().zip(pivot_row).skip(col) {
                        *v -= f * p;
                    }
                }
            }
        }
        let h: Vec<f64> = (0..8).map(|i| a[i][8]).collect();
        Homography([h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], 1.0])
    }

    fn apply(&self, x: f64, y: f64) -> (f64, f64) {
        let h = &self.0;
        let w = h[6] * x + h[7] * y + h[8];
        (
            (h[0] * x + h[1] * y + h[2]) / w,
            (h[3] * x + h[4] * y + h[5]) / w,
        )
    }
}

fn bilinear(img: &GrayImage, x: f64, y: f64) -> Option<f64> {
    let (w, h) = img.dimensions();
    if x < 0.0 || y < 0.0 || x > f64::from(w - 1) || y > f64::from(h - 1) {
        return None;
    }
    let (x0, y0) = (x.floor() as u32, y.floor() as u32);
    let (x1, y1) = ((x0 + 1).min(w - 1), (y0 + 1).min(h - 1));
    let (fx, fy) = (x - f64::from(x0), y - f64::from(y0));
    let p = |xx, yy| f64::from(img.get_pixel(xx, yy).0[0]);
    let top = p(x0, y0) * (1.0 - fx) + p(x1, y0) * fx;
    let bottom = p(x0, y1) * (1.0 - fx) + p(x1, y1) * fx;
    Some(top * (1.0 - fy) + bottom * fy)
}

/// Degrades `page` (A4 at 300 dpi) as `d` says; returns the JPEG file.
pub fn apply(page: &GrayImage, d: &Degradation, seed: u64) -> Vec<u8> {
    let mut rng = Rng(seed ^ 0xD1B5_4A32_D192_ED03);
    // 1. Photocopy: contrast loss towards grey paper and lighter ink, toner speckle.
    let mut src = page.clone();
    if let Some((paper, ink)) = d.photocopy {
        let (paper, ink) = (f64::from(paper), f64::from(ink));
        for p in src.pixels_mut() {
            let v = f64::from(p.0[0]) / 255.0;
            p.0[0] = (ink + (paper - ink) * v).round().clamp(0.0, 255.0) as u8;
        }
        let (w, h) = src.dimensions();
        let specks = u64::from(w) * u64::from(h) / 4000;
        for _ in 0..specks {
            let (x, y) = (
                rng.below(u64::from(w)) as u32,
                rng.below(u64::from(h)) as u32,
            );
            src.put_pixel(x, y, Luma([ink as u8 + 40]));
        }
    }
    // 2. The scanner integrates light: bring the page to about the output scale first.
    let (pw, ph) = page.dimensions();
    let scale = f64::from(d.dpi) / 300.0;
    let (sw, sh) = (
        ((f64::from(pw) * scale).round() as u32).max(1),
        ((f64::from(ph) * scale).round() as u32).max(1),
    );
    if (sw, sh) != (pw, ph) {
        src = image::imageops::resize(&src, sw, sh, image::imageops::FilterType::Triangle);
    }
    // 3. One projective warp: skew about the centre plus random corner displacement; phones
    // place the page on a table inside a larger frame.
    let (ow, oh, offset) = match d.kind {
        Kind::Scan => (sw, sh, (0.0, 0.0)),
        Kind::Phone => (
            d.frame.0,
            d.frame.1,
            (
                (f64::from(d.frame.0) - f64::from(sw)) / 2.0,
                (f64::from(d.frame.1) - f64::from(sh)) / 2.0,
            ),
        ),
    };
    let (cx, cy) = (f64::from(sw) / 2.0, f64::from(sh) / 2.0);
    let (sin, cos) = d.rotation_deg.to_radians().sin_cos();
    let max_shift = d.perspective * f64::from(sw.max(sh));
    let src_corners = [
        (0.0, 0.0),
        (f64::from(sw), 0.0),
        (f64::from(sw), f64::from(sh)),
        (0.0, f64::from(sh)),
    ];
    let mut dst_corners = [(0.0, 0.0); 4];
    for (i, &(x, y)) in src_corners.iter().enumerate() {
        let (dx, dy) = (x - cx, y - cy);
        let (rx, ry) = (cx + dx * cos - dy * sin, cy + dx * sin + dy * cos);
        let angle = rng.range(0.0, std::f64::consts::TAU);
        let len = max_shift * rng.range(0.5, 1.0);
        dst_corners[i] = (
            rx + offset.0 + len * angle.cos(),
            ry + offset.1 + len * angle.sin(),
        );
    }
    // A scanner bed is larger than the page: the frame holds the whole skewed page plus 3 mm
    // of lid all round (a phone frame is what it is).
    let (ow, oh) = match d.kind {
        Kind::Scan => {
            let margin = 3.0 * f64::from(d.dpi) / 25.4;
            let min_x = dst_corners.iter().map(|c| c.0).fold(f64::MAX, f64::min);
            let min_y = dst_corners.iter().map(|c| c.1).fold(f64::MAX, f64::min);
            let max_x = dst_corners.iter().map(|c| c.0).fold(f64::MIN, f64::max);
            let max_y = dst_corners.iter().map(|c| c.1).fold(f64::MIN, f64::max);
            for c in &mut dst_corners {
                *c = (c.0 - min_x + margin, c.1 - min_y + margin);
            }
            (
                (max_x - min_x + 2.0 * margin).ceil() as u32,
                (max_y - min_y + 2.0 * margin).ceil() as u32,
            )
        }
        Kind::Phone => (ow, oh),
    };
    let inverse = Homography::from_points(dst_corners, src_corners);
    // Table texture for phone photos: a smooth brown-grey field.
    let table_base = rng.range(60.0, 110.0);
    let (tfx, tfy, tph) = (
        rng.range(0.002, 0.006),
        rng.range(0.002, 0.006),
        rng.range(0.0, 6.0),
    );
    let mut out = GrayImage::new(ow, oh);
    for y in 0..oh {
        for x in 0..ow {
            let (sx, sy) = inverse.apply(f64::from(x) + 0.5, f64::from(y) + 0.5);
            let v = match bilinear(&src, sx - 0.5, sy - 0.5) {
                Some(v) => v,
                None => match d.kind {
                    Kind::Scan => 250.0,
                    Kind::Phone => {
                        table_base
                            + 12.0 * ((f64::from(x) * tfx + tph).sin() + (f64::from(y) * tfy).cos())
                    }
                },
            };
            out.put_pixel(x, y, Luma([v.clamp(0.0, 255.0) as u8]));
        }
    }
    // 4. Optics: gaussian blur, then motion blur along a random direction.
    let sigma = d.blur_sigma * f64::from(d.dpi) / 300.0;
    if sigma > 0.05 {
        out = image::imageops::blur(&out, sigma as f32);
    }
    if d.motion_blur_px > 0.3 {
        let angle = rng.range(0.0, std::f64::consts::PI);
        let steps = (d.motion_blur_px.ceil() as i64).max(1) * 2 + 1;
        let (ux, uy) = (angle.cos(), angle.sin());
        let src = out.clone();
        for y in 0..oh {
            for x in 0..ow {
                let mut sum = 0.0;
                let mut n = 0.0;
                for k in 0..steps {
                    let t = (k as f64 / (steps - 1) as f64 - 0.5) * d.motion_blur_px;
                    let (xx, yy) = (f64::from(x) + t * ux, f64::from(y) + t * uy);
                    if let Some(v) = bilinear(&src, xx, yy) {
                        sum += v;
                        n += 1.0;
                    }
                }
                if n > 0.0 {
                    out.put_pixel(x, y, Luma([(sum / n) as u8]));
                }
            }
        }
    }
    // 5. Light: a gradient from a random corner, a shadow band with a soft edge, a glare spot;
    // then sensor noise.
    let (fw, fh) = (f64::from(ow), f64::from(oh));
    let dark_corner = (
        if rng.chance(0.5) { 0.0 } else { fw },
        if rng.chance(0.5) { 0.0 } else { fh },
    );
    let diag = (fw * fw + fh * fh).sqrt();
    let shadow_angle = rng.range(0.0, std::f64::consts::TAU);
    let shadow_at = rng.range(0.3, 0.7);
    let (snx, sny) = (shadow_angle.cos(), shadow_angle.sin());
    let glare_c = (rng.range(0.2, 0.8) * fw, rng.range(0.2, 0.8) * fh);
    let glare_r = rng.range(0.05, 0.15) * fw;
    for y in 0..oh {
        for x in 0..ow {
            let (fx, fy) = (f64::from(x), f64::from(y));
            let mut v = f64::from(out.get_pixel(x, y).0[0]);
            let dist = ((fx - dark_corner.0).powi(2) + (fy - dark_corner.1).powi(2)).sqrt() / diag;
            v *= 1.0 - d.lighting * (1.0 - dist).max(0.0);
            if d.shadow > 0.0 {
                let s = ((fx / fw - 0.5) * snx + (fy / fh - 0.5) * sny) - (shadow_at - 0.5);
                let edge = (s / 0.03).clamp(-1.0, 1.0) * 0.5 + 0.5;
                v *= 1.0 - d.shadow * edge;
            }
            if d.glare > 0.0 {
                let r2 =
                    ((fx - glare_c.0).powi(2) + (fy - glare_c.1).powi(2)) / (glare_r * glare_r);
                let g = d.glare * (-r2 / 2.0).exp();
                v += (255.0 - v) * g;
            }
            if d.noise_sigma > 0.0 {
                v += rng.normal() * d.noise_sigma;
            }
            out.put_pixel(x, y, Luma([v.round().clamp(0.0, 255.0) as u8]));
        }
    }
    // 6. Orientation as fed or photographed.
    let out = match d.quarter_turns % 4 {
        1 => image::imageops::rotate90(&out),
        2 => image::imageops::rotate180(&out),
        3 => image::imageops::rotate270(&out),
        _ => out,
    };
    // 7. The file: greyscale JPEG for scans, colour with a white-balance cast for phones.
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut buf, d.jpeg_quality);
    let result = match d.kind {
        Kind::Scan => enc.encode_image(&out),
        Kind::Phone => {
            let cast = [
                rng.range(0.95, 1.05),
                rng.range(0.97, 1.03),
                rng.range(0.88, 1.0),
            ];
            let (w, h) = out.dimensions();
            let rgb = RgbImage::from_fn(w, h, |x, y| {
                let v = f64::from(out.get_pixel(x, y).0[0]);
                Rgb(cast.map(|c| (v * c).clamp(0.0, 255.0) as u8))
            });
            enc.encode_image(&rgb)
        }
    };
    match result {
        Ok(()) => buf.into_inner(),
        Err(_) => Vec::new(),
    }
}
