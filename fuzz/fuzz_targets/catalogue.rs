//! Agency catalogue import (`egov_docs::catalogue::import_csv`): any text either fails with a
//! typed error or imports with every data row imported or rejected with a reason, the rows
//! numbered within the file and listed in order, the registry consistent with what was
//! imported (overlapping records are rejected rows, never a failed import).
#![no_main]

use egov_core::ErrorCode;
use egov_docs::catalogue::import_csv;
use egov_docs::registry::AgencyRegistry;
use egov_fuzz::utf8;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = utf8(data) else { return };
    match import_csv(text, "fuzz") {
        Ok(imp) => {
            assert_eq!(
                imp.imported + imp.rejected.len(),
                imp.rows,
                "rows accounted for"
            );
            assert_eq!(
                imp.registry.len(),
                imp.imported,
                "registry holds the imported rows"
            );
            // Lines as editors count them (CRLF, LF or a bare CR).
            let lines = text
                .replace("\r\n", "\n")
                .replace('\r', "\n")
                .lines()
                .count()
                .max(1);
            assert!(
                imp.rejected.windows(2).all(|w| w[0].row <= w[1].row),
                "rejected rows in file order"
            );
            for r in &imp.rejected {
                assert!(
                    r.row >= 2 && r.row <= lines + 1,
                    "row {} of {lines} lines",
                    r.row
                );
                assert!(r.reason.starts_with("catalogue."), "{}", r.reason);
                assert!(!r.message.is_empty() && !r.message_vi.is_empty());
            }
            for e in imp.registry.entries() {
                assert!(!e.name_vi.is_empty());
                assert!(!imp.registry.history(&e.code).is_empty());
            }
            let _ = imp.finding();
        }
        Err(e) => {
            assert!(!e.code().is_empty());
            assert_ne!(e.code(), "registry.overlap", "an overlap is a rejected row");
            assert!(!e.message_vi().is_empty());
        }
    }
});
