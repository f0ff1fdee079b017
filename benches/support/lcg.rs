//! A tiny deterministic generator shared by the benches (no `rand` dependency): the batches
//! are the same every run.

/// Linear congruential generator (Knuth's MMIX constants), upper bits out.
pub struct Lcg(pub u64);

impl Lcg {
    /// Next value (31 bits).
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// A value below `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}
