//! `egov schema [NAME] [--all DIR]`: the JSON Schemas (draft 2020-12) of the files officers
//! write for `egov` and of its `--json` answers, generated from the Rust types serde reads and
//! writes (schemars). The committed copies live in `schemas/` at the repository root; the test
//! `egov-cli/tests/schema.rs` regenerates them and fails on any drift (`EGOV_BLESS=1` rewrites).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::Args;
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};
use serde::Serialize;

use crate::output::{self, CmdResult};

/// Where the committed schemas are published: `$id` is this base + `input/NAME.schema.json`.
pub const ID_BASE: &str = "https://github.com/egov-sdk/egov/raw/main/schemas/";

/// Input (a file `egov` reads) or output (what `--json` prints).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// A file an officer writes and a command reads.
    Input,
    /// A `--json` answer.
    Output,
}

impl Side {
    fn dir(self) -> &'static str {
        match self {
            Side::Input => "input",
            Side::Output => "output",
        }
    }
}

/// One committed schema.
pub struct Entry {
    /// Input or output.
    pub side: Side,
    /// File stem: `schemas/<side>/<name>.schema.json`.
    pub name: &'static str,
    /// The title (Vietnamese / English).
    pub title: &'static str,
    /// Which command reads or writes it (one line, for schemas/README.md).
    pub used_by: &'static str,
    /// Builds the schema from the settings of its side.
    pub generate: fn(SchemaSettings) -> Schema,
}

impl Entry {
    /// `input/metadata`.
    pub fn key(&self) -> String {
        format!("{}/{}", self.side.dir(), self.name)
    }

    /// `input/metadata.schema.json`.
    pub fn file(&self) -> String {
        format!("{}/{}.schema.json", self.side.dir(), self.name)
    }

    /// The schema, with its `$id`, title and description.
    pub fn schema(&self) -> Schema {
        let settings = SchemaSettings::draft2020_12();
        let settings = match self.side {
            Side::Input => settings.for_deserialize(),
            Side::Output => settings.for_serialize(),
        };
        let mut schema = (self.generate)(settings);
        let description = match schema.get("description").and_then(|d| d.as_str()) {
            Some(d) => format!("{}\n\n{d}", self.used_by),
            None => self.used_by.to_owned(),
        };
        schema.insert("$id".into(), format!("{ID_BASE}{}", self.file()).into());
        schema.insert("title".into(), self.title.into());
        schema.insert("description".into(), description.into());
        schema
    }

    /// The schema as the committed file holds it: pretty JSON and a final newline.
    pub fn text(&self) -> String {
        let mut s = serde_json::to_string_pretty(&self.schema()).unwrap_or_default();
        s.push('\n');
        s
    }
}

/// The schema of `T` (the generator of most entries).
pub fn of<T: JsonSchema>(settings: SchemaSettings) -> Schema {
    settings.into_generator().into_root_schema_for::<T>()
}

/// `egov edxml build`'s description: a [`egov_edxml::Message`] as the CLI reads it, where
/// `kind` may be left out (`edoc`) and an attachment may carry `"file"` (removed before the
/// message is read).
fn edxml_build(settings: SchemaSettings) -> Schema {
    use serde_json::{json, Value};
    let mut s = of::<egov_edxml::Message>(settings);
    if let Some(variants) = s.get_mut("oneOf").and_then(Value::as_array_mut) {
        for v in variants {
            if v.pointer("/properties/kind/const") != Some(&json!("edoc")) {
                continue;
            }
            if let Some(o) = v.as_object_mut() {
                let empty = o
                    .get_mut("required")
                    .and_then(Value::as_array_mut)
                    .map(|r| {
                        r.retain(|k| k != "kind");
                        r.is_empty()
                    });
                if empty == Some(true) {
                    o.remove("required");
                }
            }
        }
    }
    if let Some(props) = s
        .pointer_mut("/$defs/Attachment/properties")
        .and_then(Value::as_object_mut)
    {
        props.insert(
            "file".into(),
            json!({
                "description": "The content: a file, relative to the description (egov edxml build only).",
                "type": "string"
            }),
        );
    }
    s
}

macro_rules! entry {
    ($side:ident, $name:literal, $ty:ty, $title:literal, $used_by:literal) => {
        Entry {
            side: $crate::schema::Side::$side,
            name: $name,
            title: $title,
            used_by: $used_by,
            generate: $crate::schema::of::<$ty>,
        }
    };
}
pub(crate) use entry;

/// Every committed schema, inputs first.
pub fn entries() -> Vec<Entry> {
    use crate::schema_types as t;
    let mut all = vec![
        entry!(Input, "metadata", egov_docs::metadata::DocumentMetadata,
            "Bản ghi thông tin văn bản a)–q) / Document metadata record a)–q) (DOC-10)",
            "Read by `egov metadata FILE` (JSON, or TOML for a .toml file); `egov template metadata` writes an example."),
        entry!(Input, "calendar", egov_core::WorkingCalendar,
            "Lịch làm việc / Working calendar (CORE-02)",
            "Read by `--calendar FILE` of `egov workday`, `egov deadline` and `egov edxml check` (JSON, or TOML for a .toml file); `egov template calendar` writes an example."),
        entry!(Input, "trust-request", egov_trust::EvaluationRequest,
            "Bằng chứng tín nhiệm mạng / Network-trust evidence request (TRUST-01…04)",
            "Read by `--attest FILE` of `egov trust check|declare|probe` (JSON, or TOML for a .toml file); `egov template trust-request` writes an example."),
        entry!(Input, "platform-history", t::MonthlyCountsFile,
            "Số người dùng hằng tháng / Monthly active users (PLAT-01…06)",
            "Read by `--monthly FILE` of `egov platform classify|report` (JSON or TOML for a .toml file; CSV `month,active_users` too); `egov template platform-history` writes an example."),
        entry!(Input, "checklist-evidence", egov_checklist::EvidenceFile,
            "Tệp bằng chứng của danh mục / Checklist evidence file",
            "Read by `egov checklist run ID --evidence FILE` (TOML or JSON); `egov checklist template ID` (or `egov template checklist-evidence`) writes one."),
        Entry {
            side: Side::Input,
            name: "edxml-build",
            title: "Mô tả gói edXML / edXML build description (DOC-05)",
            used_by: "Read by `egov edxml build DESCRIPTION --out FILE` (JSON or TOML); `kind` defaults to `edoc`, and each attachment may name its content with `\"file\": \"PATH\"`; `egov template edxml-build` writes an example.",
            generate: edxml_build,
        },
        entry!(Input, "kpi-observations", egov_checklist::kpi::ObservationsFile,
            "Số liệu đo các chỉ tiêu QĐ 942 / KPI observations (QĐ 942/QĐ-TTg)",
            "Read by `egov checklist kpi FILE` (JSON, or TOML for a .toml file); `egov template kpi-observations` writes an example."),
        entry!(Input, "registry", egov_docs::registry::InMemoryRegistry,
            "Danh mục mã định danh cơ quan / Agency registry (DOC-01, DOC-04)",
            "Read by `egov code CODE --registry FILE.json`, `egov registry check` and `egov edxml check --registry` (JSON; TOML for a .toml file where noted); `egov registry import` writes one; `egov template registry` writes an example."),
        entry!(Input, "trust-list", egov_conversion::trustlist::SignedTrustList,
            "Danh sách khóa tin cậy đã ký / Signed trust list (egov-trust-list/1)",
            "Read and written by `egov trustlist new|add|retire|revoke|sign|show|verify`."),
        entry!(Input, "config", crate::config::Settings,
            "Cấu hình egov.toml / The egov.toml configuration file",
            "Read from `--config FILE`, `EGOV_CONFIG`, `./egov.toml` or the user's configuration directory; `egov config` shows what is in effect."),
        entry!(Output, "error", t::ErrorOutput,
            "Lỗi / Error",
            "Printed by every command with `--json` when its input could not be used (exit 1 or 2), and for a usage error or a configuration file that does not load (`usage`, `usage.config`; exit 2)."),
        entry!(Output, "code", t::CodeOutput<'static>,
            "Mã định danh cơ quan / Agency code (DOC-02…04)",
            "Printed by `egov --json code CODE [--registry FILE --as-of DATE]`."),
        entry!(Output, "docnum", egov_docs::number::DocNumberView<'static>,
            "Số và ký hiệu văn bản / Document number and symbol",
            "Printed by `egov --json docnum NUMBER`."),
        entry!(Output, "docid", egov_docs::document_id::EdxmlDocumentIdView<'static>,
            "Mã định danh văn bản / Document identifier (DOC-08)",
            "Printed by `egov --json docid ID`."),
        entry!(Output, "metadata", t::MetadataOutput,
            "Kết quả kiểm tra bản ghi thông tin văn bản / Metadata record check (DOC-10)",
            "Printed by `egov --json metadata FILE`."),
        entry!(Output, "workday", t::WorkdayOutput,
            "Ngày làm việc / Working day (CORE-02)",
            "Printed by `egov --json workday DATE`."),
        entry!(Output, "deadline", t::DeadlineOutput,
            "Thời hạn gửi văn bản / Send deadline (DOC-19, DOC-21)",
            "Printed by `egov --json deadline --signed … [--sent …]`."),
        entry!(Output, "checklist-run", egov_checklist::ChecklistReport,
            "Kết quả đánh giá danh mục / Checklist report",
            "Printed by `egov --json checklist run ID --evidence FILE`."),
        entry!(Output, "checklist-kpi", t::KpiOutput,
            "Theo dõi chỉ tiêu QĐ 942 / KPI tracking",
            "Printed by `egov --json checklist kpi FILE`."),
        entry!(Output, "checklist-indicators", t::IndicatorsOutput,
            "Kiểm tra chỉ số định hướng / Direction indicators check (OTH-39/40)",
            "Printed by `egov --json checklist indicators FILE`."),
        entry!(Output, "checklist-service-level", t::ServiceLevelOutput,
            "Mức độ dịch vụ công trực tuyến / Online service level",
            "Printed by `egov --json checklist service-level FILE`."),
        entry!(Output, "checklist-template", t::TemplateText,
            "Mẫu tệp bằng chứng / Evidence file template",
            "Printed by `egov --json checklist template ID`."),
        entry!(Output, "config", crate::config::ConfigOutput,
            "Cấu hình đang dùng / Settings in effect",
            "Printed by `egov --json config`."),
        entry!(Output, "batch", crate::batch::BatchOutput,
            "Báo cáo chạy hàng loạt / Batch report",
            "Printed by `egov --json batch [OPTIONS] COMMAND…` (each row's `result` is that command's own answer)."),
        entry!(Output, "schema-list", t::SchemaList,
            "Danh sách lược đồ / Schema list",
            "Printed by `egov --json schema` (no name)."),
        entry!(Output, "template-list", t::TemplateList,
            "Danh sách mẫu / Template list",
            "Printed by `egov --json template` (no kind)."),
        entry!(Output, "written", t::WrittenOutput,
            "Tệp đã ghi / Files written",
            "Printed by `egov --json template KIND -o FILE` and `egov --json schema --all DIR`."),
    ];
    // Each domain's schemas (egov-cli/src/schema_types/<domain>.rs).
    for domain in [
        t::docs::entries,
        t::checklist::entries,
        t::platform::entries,
        t::trust::entries,
        t::registry::entries,
        t::edxml::entries,
        t::marks::entries,
    ] {
        all.extend(domain());
    }
    // Inputs first, in a stable order.
    all.sort_by_key(|e| e.side == Side::Output);
    all
}

/// `egov schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The schema: `input/metadata`, `output/code`, … or a name alone when only one side has
    /// it (`metadata` is the input). Omitted: the list.
    name: Option<String>,
    /// Write every schema into DIR (`DIR/input/…`, `DIR/output/…`, `DIR/README.md`).
    #[arg(long, value_name = "DIR", conflicts_with = "name")]
    all: Option<PathBuf>,
    /// With --all: replace files that exist.
    #[arg(long)]
    force: bool,
}

/// The index `schemas/README.md`: one line per schema.
pub fn readme() -> String {
    let mut s = String::from(
        "# JSON Schemas of egov's inputs and outputs\n\n\
         Generated from the Rust types by `egov schema --all schemas --force` (draft 2020-12,\n\
         schemars); `egov-cli/tests/schema.rs` fails when they drift from the code\n\
         (`EGOV_BLESS=1 cargo test -p egov-cli --test schema` rewrites them). Editors that know\n\
         JSON Schema (VS Code, JetBrains) check a file that names its schema; `egov template KIND`\n\
         writes a commented example of each input.\n\n\
         Inputs are described as the commands read them (fields with a default may be left out),\n\
         outputs as `--json` prints them.\n",
    );
    for side in [Side::Input, Side::Output] {
        let _ = write!(
            s,
            "\n## {}\n\n",
            match side {
                Side::Input => "Inputs (files you write)",
                Side::Output => "Outputs (`--json`)",
            }
        );
        for e in entries().iter().filter(|e| e.side == side) {
            let _ = writeln!(s, "- [`{}`]({}): {}", e.file(), e.file(), e.used_by);
        }
    }
    s
}

/// Finds a schema by `side/name` or a bare name (inputs first).
pub fn find(name: &str) -> Option<Entry> {
    let name = name.trim().trim_end_matches(".schema.json");
    let all = entries();
    if let Some(i) = all.iter().position(|e| e.key() == name) {
        return all.into_iter().nth(i);
    }
    all.into_iter().find(|e| e.name == name)
}

/// Runs `egov schema`.
pub fn run(a: &SchemaArgs, as_json: bool) -> std::process::ExitCode {
    if let Some(dir) = &a.all {
        return output::emit(write_all(dir, a.force), as_json);
    }
    match &a.name {
        Some(name) => match find(name) {
            Some(e) => {
                // The schema is the answer, with or without --json.
                output::out(e.text().trim_end());
                std::process::ExitCode::SUCCESS
            }
            None => output::emit(
                CmdResult::Error {
                    code: "usage.schema".into(),
                    message: format!(
                        "không có lược đồ «{name}» / no schema named «{name}»; `egov schema` lists them"
                    ),
                },
                as_json,
            ),
        },
        None => {
            let names: Vec<String> = entries().iter().map(Entry::key).collect();
            let human = names.join("\n");
            output::emit(
                match crate::schema_types::to_json(&crate::schema_types::SchemaList {
                    schemas: names,
                }) {
                    Ok(json) => CmdResult::Valid { human, json },
                    Err(e) => e,
                },
                as_json,
            )
        }
    }
}

/// What `--all DIR` and `template -o FILE` wrote.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Written {
    /// The files written, in order.
    pub written: Vec<String>,
}

fn write_all(dir: &Path, force: bool) -> CmdResult {
    let mut files: Vec<(PathBuf, String)> = entries()
        .iter()
        .map(|e| (dir.join(e.file()), e.text()))
        .collect();
    files.push((dir.join("README.md"), readme()));
    if !force {
        if let Some((p, _)) = files.iter().find(|(p, _)| p.symlink_metadata().is_ok()) {
            return crate::files::exists_error(p);
        }
    }
    let mut written = Vec::new();
    for (path, text) in files {
        if let Some(parent) = path.parent() {
            if let Err(e) = std::fs::create_dir_all(parent) {
                return CmdResult::Error {
                    code: "io.write".into(),
                    message: format!("cannot create {}: {e}", parent.display()),
                };
            }
        }
        let result = crate::files::AtomicFile::create(&path, force)
            .and_then(|f| f.finish_with(text.as_bytes()));
        if let Err(e) = result {
            return e;
        }
        written.push(path.display().to_string());
    }
    let human = crate::i18n::t!(
        "files-wrote-count",
        count = written.len(),
        dir = dir.display().to_string()
    );
    match crate::schema_types::to_json(&Written { written }) {
        Ok(json) => CmdResult::Valid { human, json },
        Err(e) => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Commands whose `--json` answer is not a JSON object with a schema: they print a file
    /// (a schema, a completion script, a manual page) or clap's help.
    const NOT_JSON: &[&str] = &["completions", "man", "help"];

    /// `["code", "platform count", …]`: every command that runs, as typed after `egov`.
    fn leaves(cmd: &clap::Command, prefix: &str, out: &mut Vec<String>) {
        for sub in cmd.get_subcommands() {
            let name = sub.get_name();
            if name == "help" {
                continue;
            }
            let path = if prefix.is_empty() {
                name.to_owned()
            } else {
                format!("{prefix} {name}")
            };
            if sub.has_subcommands() && sub.is_subcommand_required_set() {
                leaves(sub, &path, out);
            } else {
                if sub.has_subcommands() {
                    leaves(sub, &path, out);
                }
                out.push(path);
            }
        }
    }

    /// CORE-06 / issue 17: every `--json` answer of every command has a committed schema whose
    /// `used_by` names it as "Printed by `egov --json COMMAND …`".
    #[test]
    fn core_06_every_command_has_an_output_schema() {
        let mut all = Vec::new();
        leaves(&crate::Cli::command(), "", &mut all);
        assert!(all.len() > 30, "{all:?}");
        let entries = entries();
        let printed: Vec<&str> = entries
            .iter()
            .filter(|e| e.side == Side::Output)
            .map(|e| e.used_by)
            .collect();
        let covered = |cmd: &str| {
            let needle = format!("`egov --json {cmd}");
            printed.iter().any(|u| {
                u.match_indices(&needle)
                    .any(|(i, _)| matches!(u[i + needle.len()..].chars().next(), Some(' ' | '`')))
            })
        };
        let missing: Vec<&String> = all
            .iter()
            .filter(|c| !NOT_JSON.contains(&c.as_str()))
            .filter(|c| !covered(c))
            .collect();
        assert!(
            missing.is_empty(),
            "commands without an output schema: {missing:?}"
        );
    }
}
