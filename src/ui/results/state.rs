//! The results workspace's state: the definition, the dataset gathered so far, the log of what
//! each import did, the filter in force and whether the data changed since they were last
//! exported. A [`Reducible`] with an [`Action`] enum, as the day's state is; saving to
//! IndexedDB happens in an effect of the page, never here.

use std::cell::RefCell;
use std::rc::Rc;

use serde::{Deserialize, Serialize};
use yew::prelude::*;

use super::files::{Content, Incoming};
use crate::core::dataset::{Dataset, ImportReport};
use crate::core::definition::{Definition, RecordKind};
use crate::core::results::Filter;

/// What one import did, as the log on screen shows it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LogEntry {
    pub source: String,
    pub accepted: usize,
    pub duplicates: usize,
    /// "participant 3f9c…: kept the version of 10:02, set aside the one of 09:30".
    pub conflicts: Vec<String>,
    /// What was refused, and why.
    pub rejected: Vec<(String, String)>,
}

impl LogEntry {
    fn of(source: &str, r: &ImportReport) -> LogEntry {
        LogEntry {
            source: source.to_string(),
            accepted: r.accepted,
            duplicates: r.duplicates,
            conflicts: r
                .conflicts
                .iter()
                .map(|c| {
                    let who = if c.kind == RecordKind::Table { "table record" } else { "participant" };
                    format!(
                        "{who} {}: kept the version saved {}, set aside the one saved {}",
                        c.respondent,
                        c.kept.replace('T', " ").trim_end_matches('Z'),
                        c.dropped.replace('T', " ").trim_end_matches('Z')
                    )
                })
                .collect(),
            rejected: r.rejected.iter().map(|x| (x.what.clone(), x.reason.clone())).collect(),
        }
    }
}

/// What is saved besides the bundle.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// Newest first.
    pub log: Vec<LogEntry>,
    /// The data were exported (bundle or data package) since they last changed.
    pub exported: bool,
}

pub struct Workspace {
    pub def: Rc<Definition>,
    /// Changed in place by imports; `revision` says when.
    pub data: Rc<RefCell<Dataset>>,
    pub log: Rc<Vec<LogEntry>>,
    pub filter: Filter,
    /// Bumped by every change of the data.
    pub revision: u64,
    pub exported: bool,
    /// The last change came from storage: nothing new to save.
    pub restored: bool,
}

impl PartialEq for Workspace {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
            && self.filter == other.filter
            && self.exported == other.exported
            && Rc::ptr_eq(&self.log, &other.log)
            && Rc::ptr_eq(&self.def, &other.def)
    }
}

impl Workspace {
    pub fn new(def: Rc<Definition>) -> Workspace {
        let data = Rc::new(RefCell::new(Dataset::new(&def)));
        Workspace {
            def,
            data,
            log: Rc::new(Vec::new()),
            filter: Filter::default(),
            revision: 0,
            exported: false,
            restored: false,
        }
    }

    pub fn meta(&self) -> Meta {
        Meta { log: (*self.log).clone(), exported: self.exported }
    }
}

pub enum Action {
    /// What the browser kept from the last visit.
    Restore {
        bundle: String,
        meta: Meta,
    },
    /// Files read or text pasted.
    Import(Vec<Incoming>),
    /// Forget everything (the page asked first).
    Clear,
    SetFilter(Filter),
    /// The data were just exported.
    Exported,
}

impl Reducible for Workspace {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = |data: Rc<RefCell<Dataset>>, log: Rc<Vec<LogEntry>>, exported: bool, restored: bool| {
            Rc::new(Workspace {
                def: self.def.clone(),
                data,
                log,
                filter: self.filter.clone(),
                revision: self.revision + 1,
                exported,
                restored,
            })
        };
        match action {
            Action::Restore { bundle, meta } => {
                let mut data = Dataset::new(&self.def);
                let report = data.import_text(&self.def, "saved in this browser", &bundle);
                let mut log = meta.log;
                if !report.rejected.is_empty() {
                    log.insert(0, LogEntry::of("saved in this browser", &report));
                }
                next(Rc::new(RefCell::new(data)), Rc::new(log), meta.exported, true)
            }
            Action::Import(incoming) => {
                let mut log = (*self.log).clone();
                let mut changed = false;
                {
                    let mut data = self.data.borrow_mut();
                    for Incoming { source, content } in incoming {
                        let report = match content {
                            Content::Bytes(b) => data.import_bytes(&self.def, &source, &b),
                            Content::Text(t) => data.import_text(&self.def, &source, &t),
                            Content::Unreadable(why) => {
                                let mut r = ImportReport::default();
                                r.rejected.push(crate::core::dataset::Rejection {
                                    what: source.clone(),
                                    reason: why,
                                });
                                r
                            }
                        };
                        changed |= report.accepted > 0 || !report.conflicts.is_empty();
                        log.insert(0, LogEntry::of(&source, &report));
                    }
                }
                let exported = self.exported && !changed;
                next(self.data.clone(), Rc::new(log), exported, false)
            }
            Action::Clear => {
                next(Rc::new(RefCell::new(Dataset::new(&self.def))), Rc::new(Vec::new()), false, false)
            }
            Action::SetFilter(filter) => Rc::new(Workspace {
                def: self.def.clone(),
                data: self.data.clone(),
                log: self.log.clone(),
                filter,
                revision: self.revision,
                exported: self.exported,
                restored: self.restored,
            }),
            Action::Exported => Rc::new(Workspace {
                def: self.def.clone(),
                data: self.data.clone(),
                log: self.log.clone(),
                filter: self.filter.clone(),
                revision: self.revision,
                exported: true,
                restored: false,
            }),
        }
    }
}
