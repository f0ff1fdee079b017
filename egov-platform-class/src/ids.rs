//! Keyed hashing of string user ids (issue 15): partial counts may leave the platform (to
//! another machine, a data lake, an auditor), and an unsalted hash of a phone number or an
//! e-mail address can be reversed by hashing every candidate. Under a secret 128-bit salt the
//! platform keeps, SipHash-2-4 (a keyed pseudo-random function designed for short inputs) gives
//! keys nobody can reverse or match without the salt.

use std::hash::Hasher;

use siphasher::sip::SipHasher24;

use crate::counter::UserKey;

/// The platform's secret salt for string ids. Its `Debug` form hides it.
#[derive(Clone, PartialEq, Eq)]
pub struct IdSalt {
    k0: u64,
    k1: u64,
}

impl std::fmt::Debug for IdSalt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "IdSalt({})", self.salt_id())
    }
}

impl IdSalt {
    /// A salt from 16 bytes (keep them secret, e.g. from the operating system's random source).
    pub fn from_bytes(bytes: &[u8; 16]) -> Self {
        let mut a = [0u8; 8];
        let mut b = [0u8; 8];
        a.copy_from_slice(&bytes[..8]);
        b.copy_from_slice(&bytes[8..]);
        IdSalt {
            k0: u64::from_le_bytes(a),
            k1: u64::from_le_bytes(b),
        }
    }

    /// A salt from 32 hex digits.
    pub fn from_hex(hex: &str) -> Option<Self> {
        let hex = hex.trim().as_bytes();
        if hex.len() != 32 {
            return None;
        }
        let mut bytes = [0u8; 16];
        for (o, pair) in bytes.iter_mut().zip(hex.chunks(2)) {
            let s = std::str::from_utf8(pair).ok()?;
            *o = u8::from_str_radix(s, 16).ok()?;
        }
        Some(Self::from_bytes(&bytes))
    }

    fn hash(&self, bytes: &[u8]) -> u64 {
        let mut h = SipHasher24::new_with_keys(self.k0, self.k1);
        h.write(bytes);
        h.finish()
    }

    /// The key of a string id (its bytes, as given: normalise case or format first if the
    /// platform's ids vary).
    #[inline]
    pub fn key(&self, id: &[u8]) -> UserKey {
        UserKey(self.hash(id))
    }

    /// Names the salt without revealing it: the first 8 bytes of SipHash-2-4 of
    /// `egov-salt-id` under the salt, 16 hex digits. Partials of different salts never merge.
    pub fn salt_id(&self) -> String {
        format!("{:016x}", self.hash(b"egov-salt-id"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plat_01_siphash_2_4_reference_vector() {
        // The SipHash paper's test vector: key 00..0f, message 00..0e (15 bytes) → a129ca6149be45e5.
        let key: [u8; 16] = core::array::from_fn(|i| i as u8);
        let msg: Vec<u8> = (0u8..15).collect();
        assert_eq!(IdSalt::from_bytes(&key).key(&msg).0, 0xa129_ca61_49be_45e5);
        let s = IdSalt::from_hex("000102030405060708090a0b0c0d0e0f").unwrap();
        assert_eq!(s, IdSalt::from_bytes(&key));
        assert!(IdSalt::from_hex("00").is_none());
        assert!(!format!("{s:?}").contains("0001020304"));
        assert_ne!(s.salt_id(), IdSalt::from_bytes(&[9; 16]).salt_id());
    }
}
