//! The checklists egov ships (`checklists/*.toml`, compiled in) and the caller's own, with
//! includes resolved (issue 16).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use crate::model::{Checklist, Item};

/// The checklists shipped with this crate: (file name, TOML text).
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "nd137-d4-d5-conversion.toml",
        include_str!("../checklists/nd137-d4-d5-conversion.toml"),
    ),
    (
        "nd137-d6-information-systems.toml",
        include_str!("../checklists/nd137-d6-information-systems.toml"),
    ),
    (
        "nd137-d6-plans.toml",
        include_str!("../checklists/nd137-d6-plans.toml"),
    ),
    (
        "nd137-d7-d8-online-services.toml",
        include_str!("../checklists/nd137-d7-d8-online-services.toml"),
    ),
    (
        "nd137-d9-internal-administration.toml",
        include_str!("../checklists/nd137-d9-internal-administration.toml"),
    ),
    (
        "nd137-d10-direction-system.toml",
        include_str!("../checklists/nd137-d10-direction-system.toml"),
    ),
    (
        "nd137-d12-supervision.toml",
        include_str!("../checklists/nd137-d12-supervision.toml"),
    ),
    (
        "nd137-d13-incident-plans.toml",
        include_str!("../checklists/nd137-d13-incident-plans.toml"),
    ),
    (
        "nd137-d14-experts.toml",
        include_str!("../checklists/nd137-d14-experts.toml"),
    ),
    (
        "qd28-d2-d7-exchange.toml",
        include_str!("../checklists/qd28-d2-d7-exchange.toml"),
    ),
    (
        "qd28-document-system.toml",
        include_str!("../checklists/qd28-document-system.toml"),
    ),
    (
        "qd28-d15-government-office.toml",
        include_str!("../checklists/qd28-d15-government-office.toml"),
    ),
    (
        "qd28-d16-conformity.toml",
        include_str!("../checklists/qd28-d16-conformity.toml"),
    ),
    (
        "nd137-agency-system.toml",
        include_str!("../checklists/nd137-agency-system.toml"),
    ),
    (
        "nd137-qd28-document-management.toml",
        include_str!("../checklists/nd137-qd28-document-management.toml"),
    ),
    // Optional profiles from a draft (000, 003) or a strategy (002): never in an in-force profile.
    (
        "draft003-portal-functions.toml",
        include_str!("../checklists/draft003-portal-functions.toml"),
    ),
    (
        "draft003-satisfaction.toml",
        include_str!("../checklists/draft003-satisfaction.toml"),
    ),
    (
        "qd942-kpi.toml",
        include_str!("../checklists/qd942-kpi.toml"),
    ),
];

/// Why a checklist cannot be loaded or resolved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ChecklistError {
    /// The TOML does not describe a checklist.
    #[error("checklist {source_name}: {message}")]
    Parse {
        /// File name or `caller`.
        source_name: String,
        /// What is wrong, with line and column.
        message: String,
    },
    /// No checklist has this id.
    #[error("no checklist «{0}»; `egov checklist list` shows them")]
    Unknown(String),
    /// A checklist of this id is already loaded.
    #[error("a checklist «{0}» is already loaded")]
    Duplicate(String),
    /// Checklists include each other in a circle.
    #[error("checklists include each other in a circle: {0}")]
    Cycle(String),
    /// Two items of one run have the same id (evidence could not tell them apart).
    #[error("item id «{item}» appears in both «{first}» and «{second}»")]
    DuplicateItem {
        /// The item id.
        item: String,
        /// The checklist where it first appears.
        first: String,
        /// The other.
        second: String,
    },
}

impl egov_core::ErrorCode for ChecklistError {
    fn code(&self) -> &'static str {
        match self {
            ChecklistError::Parse { .. } => "checklist.parse",
            ChecklistError::Unknown(_) => "checklist.unknown",
            ChecklistError::Duplicate(_) => "checklist.duplicate",
            ChecklistError::Cycle(_) => "checklist.cycle",
            ChecklistError::DuplicateItem { .. } => "checklist.duplicate_item",
        }
    }
}

impl egov_core::Localize for ChecklistError {
    fn catalogue(&self) -> &'static egov_core::i18n::Catalogue {
        &crate::CATALOGUE
    }
    fn message_args(&self) -> egov_core::i18n::Args {
        match self {
            ChecklistError::Parse {
                source_name,
                message,
            } => {
                let twice = message
                    .strip_prefix("item id «")
                    .and_then(|r| r.split_once('»'))
                    .map(|(id, _)| format!("mục «{id}» có hai lần"));
                egov_core::args!(
                    source = source_name,
                    reason = twice.unwrap_or_else(|| crate::format_error_vi("TOML", message))
                )
            }
            ChecklistError::Unknown(id) | ChecklistError::Duplicate(id) => {
                egov_core::args!(id = id)
            }
            ChecklistError::Cycle(path) => egov_core::args!(path = path),
            ChecklistError::DuplicateItem {
                item,
                first,
                second,
            } => egov_core::args!(item = item, first = first, second = second),
        }
    }
}

/// Reads one checklist from TOML; `source_name` names it in errors.
pub fn parse_checklist(source_name: &str, text: &str) -> Result<Checklist, ChecklistError> {
    let c: Checklist = toml::from_str(text).map_err(|e| ChecklistError::Parse {
        source_name: source_name.to_owned(),
        message: e.to_string(),
    })?;
    let mut seen = BTreeSet::new();
    for item in &c.items {
        if !seen.insert(item.id.as_str()) {
            return Err(ChecklistError::Parse {
                source_name: source_name.to_owned(),
                message: format!("item id «{}» appears twice", item.id),
            });
        }
    }
    Ok(c)
}

/// Loaded checklists by id.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    lists: BTreeMap<String, Checklist>,
}

impl Registry {
    /// An empty registry.
    pub fn new() -> Self {
        Registry::default()
    }

    /// The checklists shipped with egov ([`BUILTIN`]).
    ///
    /// Their TOML is parsed once per process; each call returns its own copy, which the caller
    /// may change ([`Registry::add`], [`Registry::remove`]) without affecting the next call.
    pub fn builtin() -> Result<Self, ChecklistError> {
        static PARSED: OnceLock<Result<Registry, ChecklistError>> = OnceLock::new();
        PARSED
            .get_or_init(|| {
                let mut r = Registry::new();
                for (name, text) in BUILTIN {
                    r.add(parse_checklist(name, text)?)?;
                }
                Ok(r)
            })
            .clone()
    }

    /// Adds a checklist (the caller's own, or a newer version of a shipped one after
    /// [`Registry::remove`]); an id already loaded is [`ChecklistError::Duplicate`].
    pub fn add(&mut self, c: Checklist) -> Result<(), ChecklistError> {
        if self.lists.contains_key(&c.id) {
            return Err(ChecklistError::Duplicate(c.id));
        }
        self.lists.insert(c.id.clone(), c);
        Ok(())
    }

    /// Adds a checklist from TOML text.
    pub fn add_toml(&mut self, source_name: &str, text: &str) -> Result<(), ChecklistError> {
        self.add(parse_checklist(source_name, text)?)
    }

    /// Removes a checklist (to replace it).
    pub fn remove(&mut self, id: &str) -> Option<Checklist> {
        self.lists.remove(id)
    }

    /// One checklist.
    pub fn get(&self, id: &str) -> Result<&Checklist, ChecklistError> {
        self.lists
            .get(id)
            .ok_or_else(|| ChecklistError::Unknown(id.to_owned()))
    }

    /// Every checklist, by id.
    pub fn iter(&self) -> impl Iterator<Item = &Checklist> {
        self.lists.values()
    }

    /// The items of `id` with those of the checklists it includes first (depth first, each
    /// checklist once), with the checklist each item comes from.
    pub fn resolve(&self, id: &str) -> Result<Vec<(&Checklist, &Item)>, ChecklistError> {
        let mut out = Vec::new();
        let mut done = BTreeSet::new();
        let mut path = Vec::new();
        self.walk(id, &mut path, &mut done, &mut out)?;
        let mut owner: BTreeMap<&str, &str> = BTreeMap::new();
        for (c, item) in &out {
            if let Some(first) = owner.insert(item.id.as_str(), c.id.as_str()) {
                return Err(ChecklistError::DuplicateItem {
                    item: item.id.clone(),
                    first: first.to_owned(),
                    second: c.id.clone(),
                });
            }
        }
        Ok(out)
    }

    fn walk<'a>(
        &'a self,
        id: &str,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        out: &mut Vec<(&'a Checklist, &'a Item)>,
    ) -> Result<(), ChecklistError> {
        if path.iter().any(|p| p == id) {
            path.push(id.to_owned());
            return Err(ChecklistError::Cycle(path.join(" → ")));
        }
        if done.contains(id) {
            return Ok(());
        }
        let c = self.get(id)?;
        path.push(id.to_owned());
        for inc in &c.includes {
            self.walk(inc, path, done, out)?;
        }
        path.pop();
        done.insert(id.to_owned());
        out.extend(c.items.iter().map(|i| (c, i)));
        Ok(())
    }
}
