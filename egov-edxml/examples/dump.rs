//! Prints what egov-edxml reads from packages and the check's findings other than `Pass`:
//! `cargo run -p egov-edxml --example dump -- [--json] FILE…`.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    for path in args.iter().filter(|a| *a != "--json") {
        println!("== {path}");
        match egov_edxml::read_file(
            std::path::Path::new(path),
            &egov_edxml::ReadOptions::default(),
            &mut egov_edxml::DiscardSink,
        ) {
            Ok(p) => {
                if json {
                    println!("{}", serde_json::to_string_pretty(&p).unwrap_or_default());
                }
                let report = egov_edxml::check(&p, &egov_edxml::CheckOptions::default());
                for f in &report.findings {
                    if f.outcome != egov_core::Outcome::Pass {
                        let loc = f
                            .evidence
                            .as_ref()
                            .and_then(|e| e.get("location"))
                            .map(|l| format!("{}:{}", l["line"], l["column"]))
                            .unwrap_or_default();
                        println!(
                            "  {:?} {} {} {}: {}",
                            f.outcome,
                            f.rule,
                            loc,
                            f.field.as_deref().unwrap_or(""),
                            f.message
                        );
                    }
                }
            }
            Err(e) => println!("error {}: {e}", e.code()),
        }
    }
}
