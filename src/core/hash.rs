//! Content hashes: how a record names the exact definition it was answered against.
//!
//! The hash is SHA-256 over the definition's canonical JSON (keys sorted, no white space), so
//! reformatting a file keeps its hash while any change of content gives a new one.

use serde_json::Value;
use sha2::{Digest, Sha256};

/// `sha256:` and the hex digest of the canonical form of `value`.
pub fn content_hash(value: &Value) -> String {
    // serde_json's `Map` is a BTreeMap (the `preserve_order` feature is off), so this
    // serialisation has its keys sorted at every level.
    let canonical = serde_json::to_vec(value).unwrap_or_default();
    format!("sha256:{}", hex(&Sha256::digest(&canonical)))
}

/// Lowercase hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

/// The first 4 bytes of a `sha256:` hash (zeros if it is not one).
pub fn fingerprint(hash: &str) -> [u8; 4] {
    let mut out = [0u8; 4];
    let digits = hash.strip_prefix("sha256:").unwrap_or("");
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = digits.get(i * 2..i * 2 + 2).and_then(|h| u8::from_str_radix(h, 16).ok()).unwrap_or(0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formatting_does_not_change_the_hash() {
        let a: Value = serde_json::from_str(r#"{"b": 1, "a": [1, 2]}"#).unwrap();
        let b: Value = serde_json::from_str("{\n  \"a\":[1,2],\"b\":1}").unwrap();
        let c: Value = serde_json::from_str(r#"{"b": 2, "a": [1, 2]}"#).unwrap();
        assert_eq!(content_hash(&a), content_hash(&b));
        assert_ne!(content_hash(&a), content_hash(&c));
        assert_eq!(content_hash(&a).len(), 7 + 64);
    }

    #[test]
    fn known_digest() {
        // SHA-256 of the two bytes `{}`.
        let v: Value = serde_json::from_str("{}").unwrap();
        assert_eq!(
            content_hash(&v),
            "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
        );
        assert_eq!(fingerprint(&content_hash(&v)), [0x44, 0x13, 0x6f, 0xa3]);
    }
}
