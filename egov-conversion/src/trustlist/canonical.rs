//! The canonical bytes a trust list is signed over: RFC 8785 (JSON Canonicalization Scheme)
//! restricted to what a trust list holds — objects, arrays, strings, booleans, null and
//! integers of at most 2^53 − 1 in magnitude. No float ever appears, so JCS's number rules
//! reduce to the integer's decimal digits; anything else is refused rather than approximated.
//!
//! For that domain JCS equals Python's
//! `json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`, which the test
//! suite uses as the independent implementation.

use serde_json::Value;

/// The largest integer JCS (an IEEE-754 double) carries exactly.
pub const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// Writes `v` canonically. Errors name the JSON path of a value outside the domain.
pub fn to_canonical(v: &Value) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(1024);
    write(v, &mut out, &mut String::from("$"))?;
    Ok(out)
}

fn write(v: &Value, out: &mut Vec<u8>, path: &mut String) -> Result<(), String> {
    match v {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Value::Number(n) => {
            let ok = n.as_u64().is_some_and(|u| u <= MAX_SAFE_INTEGER)
                || n.as_i64()
                    .is_some_and(|i| i.unsigned_abs() <= MAX_SAFE_INTEGER);
            if !ok {
                return Err(format!(
                    "{path}: {n} is not an integer of at most 2^53 - 1 in magnitude"
                ));
            }
            out.extend_from_slice(n.to_string().as_bytes());
        }
        Value::String(s) => string(s, out),
        Value::Array(a) => {
            out.push(b'[');
            for (i, item) in a.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                write(item, out, path)?;
                path.truncate(len);
            }
            out.push(b']');
        }
        Value::Object(o) => {
            // JCS sorts member names by their UTF-16 code units; for names in the Basic
            // Multilingual Plane below the surrogates (every name a trust list uses) that is
            // the order of their UTF-8 bytes. Sort explicitly: serde_json's map may keep
            // insertion order when another crate enables `preserve_order`.
            let mut members: Vec<(&String, &Value)> = o.iter().collect();
            members.sort_by(|a, b| utf16_cmp(a.0, b.0));
            out.push(b'{');
            for (i, (k, item)) in members.into_iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                string(k, out);
                out.push(b':');
                let len = path.len();
                path.push('.');
                path.push_str(k);
                write(item, out, path)?;
                path.truncate(len);
            }
            out.push(b'}');
        }
    }
    Ok(())
}

fn utf16_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// A JSON string as JCS writes it: `"` and `\` escaped, control characters as `\b \t \n \f \r`
/// or `\u00xx` (lowercase hex), everything else as its UTF-8 bytes.
fn string(s: &str, out: &mut Vec<u8>) {
    out.push(b'"');
    for c in s.chars() {
        match c {
            '"' => out.extend_from_slice(b"\\\""),
            '\\' => out.extend_from_slice(b"\\\\"),
            '\u{8}' => out.extend_from_slice(b"\\b"),
            '\t' => out.extend_from_slice(b"\\t"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\u{c}' => out.extend_from_slice(b"\\f"),
            '\r' => out.extend_from_slice(b"\\r"),
            c if u32::from(c) < 0x20 => {
                out.extend_from_slice(format!("\\u{:04x}", u32::from(c)).as_bytes())
            }
            c => {
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn c(v: Value) -> String {
        String::from_utf8(to_canonical(&v).unwrap()).unwrap()
    }

    #[test]
    fn rfc8785_examples_in_the_integer_domain() {
        assert_eq!(
            c(json!({"b": [1, "x", null, true], "a": {"d": 2, "c": "é\n\u{1f}\"\\/"}})),
            "{\"a\":{\"c\":\"é\\n\\u001f\\\"\\\\/\",\"d\":2},\"b\":[1,\"x\",null,true]}"
        );
        // UTF-16 order: U+E000 sorts after U+1F600 (a surrogate pair starts 0xD83D).
        assert_eq!(
            c(json!({"\u{e000}": 1, "\u{1f600}": 2})),
            "{\"😀\":2,\"\u{e000}\":1}"
        );
        assert_eq!(c(json!(MAX_SAFE_INTEGER)), "9007199254740991");
        assert_eq!(c(json!(-5)), "-5");
    }

    #[test]
    fn values_outside_the_domain_are_refused_with_their_path() {
        let e = to_canonical(&json!({"list": {"entries": [{"n": 1.5}]}})).unwrap_err();
        assert!(e.starts_with("$.list.entries[0].n"), "{e}");
        assert!(to_canonical(&json!(MAX_SAFE_INTEGER + 1)).is_err());
    }
}
