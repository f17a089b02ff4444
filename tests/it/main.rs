//! Every integration test in one binary (as helix does): one link instead of
//! one per file, which kept a fresh-clone CI run on two cores near its limit.
//! Each module is one area's tests; `common` holds the helpers they share.

mod common;
#[path = "../../benches/workloads.rs"]
mod workloads;

mod annotations;
mod authors_ui;
mod bundles;
mod chronology_ui;
mod cli;
mod contents_ui;
mod dates;
mod dates_corpus;
mod dossier;
mod dossier_desk_ui;
mod dossier_folder;
mod dossier_reliability;
mod dossier_ui;
mod export;
mod formats;
mod formats_pdf;
mod highlights_ui;
mod hostile;
mod idle_ui;
mod import;
mod key_dates;
mod key_dates_ui;
mod nothing_lost;
mod properties;
mod reliability;
mod safe_writes;
mod sample;
mod synced_folder;
mod team_git;
mod team_simulation;
mod timeline_ui;
mod ui;
mod web_cleanup;
mod workspace_ui;
