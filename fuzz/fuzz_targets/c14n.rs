//! Canonical XML 1.0 (`egov_edxml::c14n`, the bytes XMLDSig hashes for DOC-18) on untrusted
//! bytes: never a panic, for inclusive and exclusive C14N with and without comments, over the
//! whole document, an apex element and the enveloped-signature transform; what canonicalises is
//! canonical (canonicalising the output again gives the same bytes); whether a document
//! canonicalises does not depend on the algorithm; errors point inside the input.
#![no_main]

use egov_edxml::c14n::{canonicalize_to_vec, Algorithm, C14nError, Subset};
use libfuzzer_sys::fuzz_target;

fn algorithms() -> [Algorithm; 4] {
    [
        Algorithm::inclusive(),
        Algorithm::inclusive().with_comments(true),
        Algorithm::exclusive(),
        Algorithm::exclusive()
            .with_comments(true)
            .with_inclusive_prefixes(vec!["a".into(), "#default".into()]),
    ]
}

/// Canonicalises; on success checks idempotence, on failure that the error is placed in `data`.
fn run(data: &[u8], alg: &Algorithm, subset: &Subset) -> bool {
    match canonicalize_to_vec(data, alg, subset) {
        Ok(c) => {
            let again = match canonicalize_to_vec(&c, alg, &Subset::document()) {
                Ok(a) => a,
                // Leaving out the document element (or an apex inside the left-out element)
                // leaves no element: nothing to canonicalise again.
                Err(C14nError::Malformed { reason, .. })
                    if subset.omitted().is_some() && reason == "no document element" =>
                {
                    return true
                }
                Err(e) => panic!(
                    "the canonical form {:?} does not canonicalise ({alg:?}, {subset:?}): {e}",
                    String::from_utf8_lossy(&c)
                ),
            };
            assert!(
                again == c,
                "not idempotent ({alg:?}, {subset:?}):\n{:?}\n{:?}",
                String::from_utf8_lossy(&c),
                String::from_utf8_lossy(&again)
            );
            true
        }
        Err(e) => {
            let _ = e.to_string();
            if let Some(at) = e.position() {
                assert!(at.offset <= data.len() as u64, "{e:?} is past the end");
                assert!(at.line >= 1 && at.column >= 1, "{e:?}");
            }
            false
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let algs = algorithms();
    let whole: Vec<bool> = algs
        .iter()
        .map(|a| run(data, a, &Subset::document()))
        .collect();
    assert!(
        whole.iter().all(|&ok| ok == whole[0]),
        "canonicalises with one algorithm but not another: {whole:?}"
    );
    if !whole[0] {
        return;
    }
    // Subsets at three start-tag candidates (first, middle, last `<`): an apex and the
    // enveloped transform; offsets that are not start tags are errors, never panics.
    let lts = lt_positions(data);
    if lts.is_empty() {
        return;
    }
    for at in [lts[0], lts[lts.len() / 2], lts[lts.len() - 1]] {
        for alg in [&algs[0], &algs[3]] {
            run(data, alg, &Subset::element_at(at));
            run(data, alg, &Subset::enveloped(at));
        }
    }
});

/// The offsets of every `<`.
fn lt_positions(data: &[u8]) -> Vec<u64> {
    data.iter()
        .enumerate()
        .filter(|(_, &b)| b == b'<')
        .map(|(i, _)| i as u64)
        .collect()
}
