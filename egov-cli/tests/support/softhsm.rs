//! A SoftHSM2 token of a test's own (DOC-18: signing with a key that never leaves a PKCS#11
//! token, as the USB tokens of the public CAs keep it). The test command installs SoftHSM2
//! and sets `EGOV_PDF_TOOLS_REQUIRED=1`, so a missing SoftHSM2 fails there.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The SoftHSM2 module, or `None` (the test returns) when SoftHSM2 is not installed and not
/// required.
pub fn module() -> Option<PathBuf> {
    let found = std::env::var_os("EGOV_PKCS11_MODULE")
        .map(PathBuf::from)
        .or_else(|| {
            [
                "/usr/lib/softhsm/libsofthsm2.so",
                "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
                "/usr/local/lib/softhsm/libsofthsm2.so",
            ]
            .iter()
            .map(PathBuf::from)
            .find(|p| p.exists())
        });
    let tool = Command::new("softhsm2-util").arg("--version").output();
    match (found, tool) {
        (Some(m), Ok(_)) => Some(m),
        _ => {
            assert!(
                !std::env::var("EGOV_PDF_TOOLS_REQUIRED").is_ok_and(|v| v == "1"),
                "SoftHSM2 is required (apt-get install softhsm2) but not installed"
            );
            eprintln!("SoftHSM2 not installed: the PKCS#11 test is skipped");
            None
        }
    }
}

fn run_tool(cmd: &mut Command) {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A token labelled `label` (user PIN 1234) in `dir`, holding the PKCS#8 key `key` (id 01,
/// label `key_label`) and no certificate. Returns the `SOFTHSM2_CONF` file to run with.
pub fn token(dir: &Path, label: &str, key: &Path, key_label: &str) -> PathBuf {
    std::fs::create_dir_all(dir.join("tokens")).unwrap();
    let conf = dir.join("softhsm2.conf");
    std::fs::write(
        &conf,
        format!(
            "directories.tokendir = {}\nobjectstore.backend = file\nlog.level = ERROR\n",
            dir.join("tokens").display()
        ),
    )
    .unwrap();
    run_tool(
        Command::new("softhsm2-util")
            .env("SOFTHSM2_CONF", &conf)
            .args([
                "--init-token",
                "--free",
                "--label",
                label,
                "--pin",
                "1234",
                "--so-pin",
                "5678",
            ]),
    );
    run_tool(
        Command::new("softhsm2-util")
            .env("SOFTHSM2_CONF", &conf)
            .arg("--import")
            .arg(key)
            .args([
                "--token", label, "--label", key_label, "--id", "01", "--pin", "1234",
            ]),
    );
    conf
}
