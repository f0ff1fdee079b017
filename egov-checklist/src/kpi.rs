//! The targets of the strategy QĐ 942/QĐ-TTg (seed 002, 2021–2025 with a vision to 2030) as a
//! **tracker** (REQUIREMENTS §6.6, KPI-V1 and K1a…K5c). A strategy sets targets for the State's
//! own programme: **not binding** on anyone using this SDK, and every finding says so.
//!
//! A [`Target`] (id, rule ID, the strategy's words, value, unit, deadline) and dated
//! [`Observation`]s give a [`Status`]: **Met** when an observation on or before the deadline
//! reaches the target, **Missed** when the deadline has passed and none did, and before the
//! deadline **On track** or **Behind** by the straight line from the first observation to the
//! target value on the deadline. All arithmetic is exact ([`Rational`]: no floating point), so
//! 80 % is met by 80 % and not by 79.999 %.
//!
//! The targets ship as data (`kpi/qd942.toml`, [`qd942_targets`]), each quote checked by a
//! test to be the seed's own text. «Đến năm 2025» is read as by 31 December 2025 (an SDK
//! reading: the seed names the year, not a day).
//!
//! ```
//! use chrono::NaiveDate;
//! use egov_checklist::kpi::{qd942_targets, track, Observation, Rational, Status};
//! let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
//! let targets = qd942_targets()?;
//! let k1d = targets.iter().find(|t| t.id == "k1d").unwrap(); // ≥ 80 % fully online by 2025
//! let seen = [
//!     Observation::share(450, 1000, d("2023-12-31"))?, // 45 %
//!     Observation::new(Rational::parse("70.5")?, d("2024-12-31")),
//! ];
//! let t = track(k1d, &seen, d("2025-01-15"));
//! assert_eq!(t.status, Status::OnTrack); // the line asks 45 + 35·366/731 ≈ 62.5 % that day
//! assert!(t.finding.message.starts_with("[STRATEGY target, not binding]"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::cmp::Ordering;
use std::fmt;

use chrono::NaiveDate;
use egov_core::i18n::date_vi;
use egov_core::{Finding, Instrument, Lang, LegalRef, Outcome};
use serde::{Deserialize, Serialize};
use serde_json::json;

/// The strategy's targets, as shipped (`kpi/qd942.toml`).
pub const QD942_TOML: &str = include_str!("../kpi/qd942.toml");

/// An exact fraction `num / den` (den > 0, lowest terms).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rational {
    num: i128,
    den: i128,
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    a = a.abs();
    b = b.abs();
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Rational {
    /// `num / den`; `None` when `den` is 0.
    pub fn new(num: i128, den: i128) -> Option<Self> {
        if den == 0 {
            return None;
        }
        let g = gcd(num, den).max(1);
        let s = if den < 0 { -1 } else { 1 };
        Some(Rational {
            num: s * num / g,
            den: s * den / g,
        })
    }

    /// A whole number.
    pub fn integer(n: i64) -> Self {
        Rational {
            num: i128::from(n),
            den: 1,
        }
    }

    /// Reads a decimal such as `80`, `70.5` or `-3.25` exactly (at most 18 digits).
    pub fn parse(s: &str) -> Result<Self, KpiError> {
        let bad = || KpiError::Value(s.to_owned());
        let t = s.trim();
        let (neg, t) = match t.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, t),
        };
        let (int, frac) = t.split_once('.').unwrap_or((t, ""));
        if int.is_empty()
            || int.len() + frac.len() > 18
            || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
        {
            return Err(bad());
        }
        let digits: i128 = format!("{int}{frac}").parse().map_err(|_| bad())?;
        let den = 10i128.pow(u32::try_from(frac.len()).map_err(|_| bad())?);
        Rational::new(if neg { -digits } else { digits }, den).ok_or_else(bad)
    }

    /// Numerator (lowest terms).
    pub fn numer(&self) -> i128 {
        self.num
    }

    /// Denominator (lowest terms, positive).
    pub fn denom(&self) -> i128 {
        self.den
    }

    fn checked_sub(self, o: Rational) -> Option<Rational> {
        let num = self
            .num
            .checked_mul(o.den)?
            .checked_sub(o.num.checked_mul(self.den)?)?;
        Rational::new(num, self.den.checked_mul(o.den)?)
    }

    fn checked_mul_int(self, k: i128) -> Option<Rational> {
        Rational::new(self.num.checked_mul(k)?, self.den)
    }

    fn checked_cmp(&self, o: &Rational) -> Option<Ordering> {
        Some(self.cmp(o))
    }

    fn checked_div_int(self, k: i128) -> Option<Rational> {
        Rational::new(self.num, self.den.checked_mul(k)?)
    }

    fn checked_add(self, o: Rational) -> Option<Rational> {
        self.checked_sub(Rational::new(o.num.checked_neg()?, o.den)?)
    }
}

/// `a/b` against `c/d` (b, d > 0) exactly, without overflow: whole parts first, then the
/// reciprocals of the remainders (Euclid's steps).
fn cmp_fractions(mut a: i128, mut b: i128, mut c: i128, mut d: i128) -> Ordering {
    loop {
        let (q1, r1) = (a.div_euclid(b), a.rem_euclid(b));
        let (q2, r2) = (c.div_euclid(d), c.rem_euclid(d));
        let o = match q1.cmp(&q2) {
            Ordering::Equal => match (r1 == 0, r2 == 0) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Less,
                (false, true) => Ordering::Greater,
                (false, false) => {
                    // r1/b vs r2/d orders as d/r2 vs b/r1 (reciprocals, sides swapped).
                    (a, b, c, d) = (d, r2, b, r1);
                    continue;
                }
            },
            o => o,
        };
        return o;
    }
}

impl Ord for Rational {
    fn cmp(&self, o: &Self) -> Ordering {
        cmp_fractions(self.num, self.den, o.num, o.den)
    }
}

impl PartialOrd for Rational {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

impl fmt::Display for Rational {
    /// Exact: a finite decimal when there is one (`70.5`), else `num/den` (`200/3`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = self.den;
        let mut scale = 0u32;
        while d % 2 == 0 || d % 5 == 0 {
            d /= if d % 2 == 0 { 2 } else { 5 };
            scale += 1;
        }
        if d != 1 || scale > 30 {
            return write!(f, "{}/{}", self.num, self.den);
        }
        let mul = 10i128.pow(scale) / self.den;
        let scaled = self.num * mul;
        let p = 10i128.pow(scale);
        let sign = if scaled < 0 { "-" } else { "" };
        let (i, r) = (scaled.abs() / p, scaled.abs() % p);
        if scale == 0 {
            write!(f, "{sign}{i}")
        } else {
            let frac = format!("{r:0width$}", width = scale as usize);
            write!(f, "{sign}{i}.{}", frac.trim_end_matches('0'))
        }
    }
}

impl Serialize for Rational {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

/// JSON Schema: matches the hand-written serde form above.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Rational {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Rational".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^-?[0-9]+(\\.[0-9]+)?(/[0-9]+)?$",
            "description": "An exact decimal or fraction as text (\"92.5\", \"1/3\")."
        })
    }
}

impl<'de> Deserialize<'de> for Rational {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Rational::parse(&s).map_err(egov_core::i18n::de_error)
    }
}

/// What a target counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A share in per cent.
    Percent,
    /// A place in a ranking (1 = first): «nhóm 30 nước dẫn đầu» is rank ≤ 30.
    Rank,
}

/// Which way a target points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    /// Met at or above the value («tối thiểu 80%», «100%»).
    AtLeast,
    /// Met at or below the value (a rank: «nhóm 30 nước dẫn đầu»).
    AtMost,
}

/// One target of the strategy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Stable id (`k1d`), also the id of its item in checklist `qd942-kpi`.
    pub id: String,
    /// Rule ID from the requirements digest (`K1d`, `KPI-V1`).
    pub rule: String,
    /// Where in QĐ 942/QĐ-TTg Điều 1 (`III.1.d`: Mục III, khoản 1, điểm d).
    pub section: String,
    /// The strategy's words, verbatim from seed 002.
    pub quote_vi: String,
    /// The target in Vietnamese.
    pub title_vi: String,
    /// The target in English.
    pub title_en: String,
    /// Which way it points.
    pub comparator: Comparator,
    /// The value to reach.
    pub value: Rational,
    /// What the value counts.
    pub unit: Unit,
    /// The last day it may be reached.
    pub deadline: NaiveDate,
}

impl Target {
    /// The legal reference: Điều 1 of QĐ 942/QĐ-TTg (the strategy itself; the section is in
    /// [`Target::section`], since a citation has no slot for Mục).
    pub fn basis(&self) -> LegalRef {
        LegalRef::article(Instrument::Qd942_2021, 1)
    }

    /// Whether `value` reaches the target.
    pub fn is_met_by(&self, value: &Rational) -> bool {
        match self.comparator {
            Comparator::AtLeast => value.checked_cmp(&self.value) != Some(Ordering::Less),
            Comparator::AtMost => value.checked_cmp(&self.value) != Some(Ordering::Greater),
        }
    }

    fn show(&self, v: &Rational) -> (String, String) {
        let en = for_people(v);
        // Vietnamese writes the decimal separator as a comma (70,5 %).
        let vi = Lang::Vi.number(&en);
        match self.unit {
            Unit::Percent => (format!("{en} %"), format!("{vi}%")),
            Unit::Rank => (format!("rank {en}"), format!("hạng {vi}")),
        }
    }

    fn goal(&self) -> (String, String) {
        let (v_en, v_vi) = self.show(&self.value);
        match self.comparator {
            Comparator::AtLeast => (format!("≥ {v_en}"), format!("≥ {v_vi}")),
            Comparator::AtMost => (format!("≤ {v_en}"), format!("≤ {v_vi}")),
        }
    }
}

/// A value as messages show it to people: exact when it has a finite decimal (`70.5`); else
/// (a line's point, 45705/731) rounded half away from zero to two places and marked «≈»
/// (`≈62.52`). Evidence keeps the exact value; a fraction too large to round without overflow
/// is shown exact (`num/den`).
fn for_people(v: &Rational) -> String {
    let exact = v.to_string();
    if !exact.contains('/') {
        return exact;
    }
    u128::try_from(v.den)
        .ok()
        .and_then(|den| egov_core::i18n::decimal(v.num, den, 2))
        .map_or(exact, |rounded| format!("≈{rounded}"))
}

/// A measured value on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Observation {
    /// The value (per cent or rank, as the target counts).
    pub value: Rational,
    /// The day it was measured.
    pub date: NaiveDate,
}

impl Observation {
    /// A value on a date.
    pub fn new(value: Rational, date: NaiveDate) -> Self {
        Observation { value, date }
    }

    /// `count` of `total` as an exact percentage (`812` of `1000` dossiers is 81.2 %).
    pub fn share(count: u64, total: u64, date: NaiveDate) -> Result<Self, KpiError> {
        let value = Rational::new(i128::from(count) * 100, i128::from(total))
            .ok_or_else(|| KpiError::Value(format!("{count} of {total}")))?;
        Ok(Observation { value, date })
    }
}

/// Where a target stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Reached by an observation on or before the deadline.
    Met,
    /// Not reached yet, at or beyond the straight line to the target.
    OnTrack,
    /// Not reached yet, short of the straight line to the target.
    Behind,
    /// The deadline has passed and no observation on or before it reached the target.
    Missed,
    /// Before the deadline, with fewer than two observations on different days: no trend.
    Undetermined,
}

impl Status {
    /// The outcome a finding carries: Met and On track pass, Behind warns, Missed fails,
    /// Undetermined is unknown.
    pub fn outcome(self) -> Outcome {
        match self {
            Status::Met | Status::OnTrack => Outcome::Pass,
            Status::Behind => Outcome::Warning,
            Status::Missed => Outcome::Fail,
            Status::Undetermined => Outcome::Unknown,
        }
    }
}

/// A target's standing with its finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Tracking {
    /// Where it stands.
    pub status: Status,
    /// What the straight line asks on the latest observation's day (before the deadline, with a
    /// trend).
    pub required: Option<Rational>,
    /// The bilingual finding, labelled as a strategy target, with the rule ID.
    pub finding: Finding,
}

/// Why KPI data cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KpiError {
    /// A value is not an exact decimal or a fraction with a zero denominator.
    #[error("«{0}» is not an exact value")]
    Value(String),
    /// The targets file cannot be read.
    #[error("KPI targets: {0}")]
    Parse(String),
}

impl egov_core::ErrorCode for KpiError {
    fn code(&self) -> &'static str {
        match self {
            KpiError::Value(_) => "kpi.value",
            KpiError::Parse(_) => "kpi.parse",
        }
    }
}

impl egov_core::Localize for KpiError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        match self {
            // `share` names the count and the total as «3 of 0».
            KpiError::Value(v) => egov_core::args!(value = v.replace(" of ", "/")),
            KpiError::Parse(m) => egov_core::args!(reason = kpi_reason_vi(m)),
        }
    }
}

/// The Vietnamese of a [`KpiError::Parse`] reason: this module's own reasons, or the place a
/// parser stopped.
fn kpi_reason_vi(m: &str) -> String {
    let quoted = |s: &str| {
        s.split_once('«')
            .and_then(|(_, r)| r.split_once('»'))
            .map(|(q, rest)| (q.to_owned(), rest.to_owned()))
    };
    if m.starts_with("target id «") {
        if let Some((id, _)) = quoted(m) {
            return format!("mã chỉ tiêu «{id}» có hai lần");
        }
    }
    if m.starts_with("no target «") {
        if let Some((id, rest)) = quoted(m) {
            let known = rest.split_once("are ").map_or("", |(_, k)| k);
            return format!("không có chỉ tiêu «{id}»; các chỉ tiêu là {known}");
        }
    }
    crate::format_error_vi("TOML hoặc JSON", m)
}

#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct TargetsFile {
    #[serde(rename = "target")]
    targets: Vec<Target>,
}

/// Reads targets from TOML (`[[target]]` tables, as in `kpi/qd942.toml`).
pub fn parse_targets(text: &str) -> Result<Vec<Target>, KpiError> {
    let f: TargetsFile = toml::from_str(text).map_err(|e| KpiError::Parse(e.to_string()))?;
    let mut ids = std::collections::BTreeSet::new();
    for t in &f.targets {
        if !ids.insert(t.id.as_str()) {
            return Err(KpiError::Parse(format!(
                "target id «{}» appears twice",
                t.id
            )));
        }
    }
    Ok(f.targets)
}

/// The targets of QĐ 942/QĐ-TTg shipped with egov.
pub fn qd942_targets() -> Result<Vec<Target>, KpiError> {
    parse_targets(QD942_TOML)
}

/// The straight line from `base` to the target on the deadline, on `day` (`None` on overflow).
fn line_at(t: &Target, base: &Observation, day: NaiveDate) -> Option<Rational> {
    let span = i128::from((t.deadline - base.date).num_days());
    let gone = i128::from((day - base.date).num_days());
    if span <= 0 {
        return None;
    }
    base.value.checked_add(
        t.value
            .checked_sub(base.value)?
            .checked_mul_int(gone)?
            .checked_div_int(span)?,
    )
}

/// Where `target` stands on `as_of` given `observations` (any order; those dated after
/// `as_of` are not evidence and are left out).
pub fn track(target: &Target, observations: &[Observation], as_of: NaiveDate) -> Tracking {
    let mut seen: Vec<&Observation> = observations.iter().filter(|o| o.date <= as_of).collect();
    seen.sort_by_key(|o| o.date);
    let ignored = observations.len() - seen.len();
    let (goal_en, goal_vi) = target.goal();
    let deadline = target.deadline;
    let met = seen
        .iter()
        .find(|o| o.date <= deadline && target.is_met_by(&o.value));
    let latest = seen.last().copied();
    let mut required = None;
    let (status, en, vi) = if let Some(m) = met {
        let (v_en, v_vi) = target.show(&m.value);
        (
            Status::Met,
            format!("met: {v_en} on {}, by the deadline {deadline}", m.date),
            format!(
                "đã đạt: {v_vi} ngày {}, trong hạn {}",
                date_vi(m.date),
                date_vi(deadline)
            ),
        )
    } else if as_of > deadline {
        let (l_en, l_vi) = latest.map_or_else(
            || ("no observation".to_owned(), "không có số liệu".to_owned()),
            |o| {
                let (v_en, v_vi) = target.show(&o.value);
                (
                    format!("latest {v_en} on {}", o.date),
                    format!("gần nhất {v_vi} ngày {}", date_vi(o.date)),
                )
            },
        );
        (
            Status::Missed,
            format!("missed: no observation by the deadline {deadline} reaches it ({l_en})"),
            format!(
                "không đạt: không có số liệu nào đến hạn {} đạt mục tiêu ({l_vi})",
                date_vi(deadline)
            ),
        )
    } else {
        let first = seen.first().copied();
        match (first, latest) {
            (Some(b), Some(l)) if b.date < l.date => {
                let (v_en, v_vi) = target.show(&l.value);
                let (b_en, b_vi) = target.show(&b.value);
                match line_at(target, b, l.date) {
                    Some(req) => {
                        required = Some(req);
                        let (r_en, r_vi) = target.show(&req);
                        let ahead = match target.comparator {
                            Comparator::AtLeast => {
                                l.value.checked_cmp(&req) != Some(Ordering::Less)
                            }
                            Comparator::AtMost => {
                                l.value.checked_cmp(&req) != Some(Ordering::Greater)
                            }
                        };
                        let (s, w_en, w_vi) = if ahead {
                            (Status::OnTrack, "on track", "đúng tiến độ")
                        } else {
                            (Status::Behind, "behind", "chậm tiến độ")
                        };
                        (
                            s,
                            format!(
                                "{w_en}: {v_en} on {}; the straight line from {b_en} on {} to the target on {deadline} asks {r_en} that day",
                                l.date, b.date
                            ),
                            format!(
                                "{w_vi}: {v_vi} ngày {}; đường thẳng từ {b_vi} ngày {} đến mục tiêu ngày {} đòi hỏi {r_vi} vào ngày đó",
                                date_vi(l.date),
                                date_vi(b.date),
                                date_vi(deadline)
                            ),
                        )
                    }
                    None => (
                        Status::Undetermined,
                        "the values are too large to compare exactly".to_owned(),
                        "giá trị quá lớn để so sánh chính xác".to_owned(),
                    ),
                }
            }
            _ => (
                Status::Undetermined,
                format!(
                    "not reached yet; {} observation(s) before the deadline {deadline}: two on different days are needed to see the trend",
                    seen.len()
                ),
                format!(
                    "chưa đạt; có {} số liệu trước hạn {}: cần hai số liệu ở hai ngày khác nhau để thấy xu hướng",
                    seen.len(),
                    date_vi(deadline)
                ),
            ),
        }
    };
    let mut f = Finding::new(
        "",
        target.basis(),
        status.outcome(),
        format!(
            "[STRATEGY target, not binding] {} (QĐ 942/QĐ-TTg Đ1.{}, target {goal_en} by {deadline}): {en}",
            target.title_en, target.section
        ),
        format!(
            "[MỤC TIÊU chiến lược, không bắt buộc] {} (QĐ 942/QĐ-TTg Điều 1 mục {}, mục tiêu {goal_vi} đến {}): {vi}",
            target.title_vi,
            target.section,
            date_vi(deadline)
        ),
    );
    f.rule = target.rule.clone().into();
    f.field = Some(format!("qd942-kpi.{}", target.id).into());
    f.evidence = Some(json!({
        "force": "policy",
        "target": target.id,
        "section": target.section,
        "quote_vi": target.quote_vi,
        "status": status,
        "required": required,
        "latest": latest,
        "ignored_after_as_of": ignored,
    }));
    Tracking {
        status,
        required,
        finding: f,
    }
}

/// The caller's measurements, by target id (JSON or TOML):
/// `{"as_of"?: "2025-01-15", "observations": {"k1d": [{"value": "70.5", "date": "2024-12-31"}]}}`.
/// Values are exact decimals or fractions written as strings (`"70.5"`, `"812/10"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ObservationsFile {
    /// The day the targets are judged on, if the file sets it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<NaiveDate>,
    /// Observations by target id.
    pub observations: std::collections::BTreeMap<String, Vec<Observation>>,
}

impl ObservationsFile {
    /// Reads the JSON form.
    pub fn from_json(text: &str) -> Result<Self, KpiError> {
        serde_json::from_str(text).map_err(|e| KpiError::Parse(e.to_string()))
    }
}

/// One target's standing, with its id.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TrackedTarget {
    /// The target id.
    pub id: String,
    /// Where it stands.
    pub tracking: Tracking,
}

/// The standing of every target the caller measured ([`track_all`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Progress {
    /// The targets with observations, in the targets' order.
    pub tracked: Vec<TrackedTarget>,
    /// The ids of the targets without observations.
    pub without_observations: Vec<String>,
}

/// Where every target with observations stands on `as_of` ([`track`]), in the targets' order.
/// An id that names no target is an error listing the ids there are: a misspelt id is never
/// silently dropped. Targets without observations are not tracked (the caller has no data on
/// them); their ids are returned alongside.
pub fn track_all(
    targets: &[Target],
    file: &ObservationsFile,
    as_of: NaiveDate,
) -> Result<Progress, KpiError> {
    if let Some(unknown) = file
        .observations
        .keys()
        .find(|id| !targets.iter().any(|t| &t.id == *id))
    {
        let known: Vec<&str> = targets.iter().map(|t| t.id.as_str()).collect();
        return Err(KpiError::Parse(format!(
            "no target «{unknown}»; the targets are {}",
            known.join(", ")
        )));
    }
    let mut tracked = Vec::new();
    let mut without = Vec::new();
    for t in targets {
        match file.observations.get(&t.id) {
            Some(obs) => tracked.push(TrackedTarget {
                id: t.id.clone(),
                tracking: track(t, obs, as_of),
            }),
            None => without.push(t.id.clone()),
        }
    }
    Ok(Progress {
        tracked,
        without_observations: without,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(n: i128, d: i128) -> Rational {
        Rational::new(n, d).unwrap()
    }

    #[test]
    fn kpi_values_shown_to_people_round_half_away_from_zero_both_signs() {
        assert_eq!(for_people(&r(141, 2)), "70.5");
        assert_eq!(for_people(&r(-13, 4)), "-3.25");
        assert_eq!(for_people(&r(45705, 731)), "≈62.52");
        assert_eq!(for_people(&r(1, 3)), "≈0.33");
        assert_eq!(for_people(&r(2, 3)), "≈0.67");
        // Negative values were rounded towards zero: -2/3 read ≈-0.66.
        assert_eq!(for_people(&r(-1, 3)), "≈-0.33");
        assert_eq!(for_people(&r(-2, 3)), "≈-0.67");
        assert_eq!(for_people(&r(-1, 600)), "≈0.00");
        assert_eq!(for_people(&r(1, 600)), "≈0.00");
        assert_eq!(for_people(&r(1, 120)), "≈0.01");
        // Too large to round: exact, never a panic.
        let big = r(i128::MAX, 3);
        assert_eq!(for_people(&big), big.to_string());
        // A denominator at the end of i128 still rounds (egov_core's unsigned arithmetic).
        assert_eq!(for_people(&r(1, i128::MAX)), "≈0.00");
    }
}
