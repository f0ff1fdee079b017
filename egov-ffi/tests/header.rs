//! The committed header `include/egov.h` must be what cbindgen generates from the code today.
//! Regenerate with `EGOV_BLESS=1 cargo test -p egov-ffi --test header`.

use std::path::PathBuf;

#[test]
fn header_matches_the_code() {
    let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let config = cbindgen::Config::from_file(crate_dir.join("cbindgen.toml")).unwrap();
    let mut generated = Vec::new();
    cbindgen::Builder::new()
        .with_crate(&crate_dir)
        .with_config(config)
        .generate()
        .unwrap()
        .write(&mut generated);
    let generated = String::from_utf8(generated).unwrap();
    let path = crate_dir.join("include/egov.h");
    if std::env::var_os("EGOV_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "include/egov.h is out of date with egov-ffi/src; regenerate it with \
         `EGOV_BLESS=1 cargo test -p egov-ffi --test header` and commit the result"
    );
}
