//! File ▸ Restore a Previous Version…: the kept versions of the open
//! dossier and of the open article's save (`store::versions`), and putting
//! one back. Offered too on a damaged file and on one that lost more than
//! half of what its last version held.

use std::path::{Path, PathBuf};

use egui::{Id, RichText};

use super::highlights::save::ArticleSave;
use super::{Command, Message, StorylineApp, WindowCommand};
use crate::store::versions;
use crate::wording::file_name as name;

/// The restore window's state.
#[derive(Default)]
pub struct RestoreState {
    /// The window is shown.
    pub open: bool,
    /// A file named by a message (a damaged dossier not open): its
    /// versions are listed first.
    pub extra: Option<PathBuf>,
    /// What the window lists, read once when it opens (not every frame).
    listed: Vec<Listed>,
}

/// A file whose versions the window lists.
struct Listed {
    what: String,
    file: PathBuf,
    /// What the file holds now.
    now: String,
    versions: Vec<(versions::Version, String)>,
}

impl StorylineApp {
    /// The files whose versions can be restored now: the file a message
    /// named, the open dossier, the open article's save.
    fn restorable(&self) -> Vec<(String, PathBuf)> {
        let mut out = Vec::new();
        if let Some(f) = &self.restore.extra {
            out.push((format!("The dossier {}", name(f)), f.clone()));
        }
        if let Some(d) = &self.dossier
            && Some(&d.path) != self.restore.extra.as_ref()
        {
            out.push((format!("The dossier “{}”", d.dossier.name), d.path.clone()));
        }
        if let Some(a) = &self.article
            && let Some(save) = &a.save.save_path
        {
            out.push((
                format!("The highlights of “{}”", a.doc.meta.title),
                save.clone(),
            ));
        }
        out
    }

    /// Reads the versions the restore window lists (and what each holds).
    pub(crate) fn list_versions(&mut self) {
        self.restore.listed = self
            .restorable()
            .into_iter()
            .map(|(what, file)| Listed {
                now: versions::summary(&file),
                versions: versions::list(&file)
                    .into_iter()
                    .map(|v| {
                        let s = versions::summary(&v.path);
                        (v, s)
                    })
                    .collect(),
                what,
                file,
            })
            .collect();
    }

    /// Puts `version` back as `file`, then reads the file again: the
    /// dossier is reopened, the article's highlights reloaded.
    pub(crate) fn restore_version(&mut self, file: &Path, version: &Path, now: f64) {
        let is_dossier = crate::store::dossier::is_dossier_path(file);
        let dossier_open = self.dossier.as_ref().is_some_and(|d| d.path == file);
        if dossier_open {
            self.write_dossier_now();
        } else if !is_dossier {
            self.flush_annotations();
        }
        let taken = versions::list(file)
            .into_iter()
            .find(|v| v.path == version)
            .map_or_else(String::new, |v| format!(" of {}", local_time(v.taken)));
        if let Err(e) = versions::restore(file, version) {
            self.error(format!("Could not restore {}: {e}", file.display()));
            return;
        }
        self.messages.retain(|m| {
            !matches!(
                m.action,
                Some((_, Command::Window(WindowCommand::ShowRestore(_))))
            )
        });
        self.notice(format!(
            "Restored {} from its version{taken} ({}); what it held before is kept as a version too.",
            file.display(),
            versions::summary(file)
        ));
        if is_dossier {
            // Read again from the file, without writing what was open.
            if dossier_open {
                self.dossier = None;
            }
            self.restore.extra = None;
            self.open_dossier(file, now);
        } else if let Some(article) = &mut self.article
            && article.save.save_path.as_deref() == Some(file)
        {
            let (mut save, messages) =
                ArticleSave::open(&self.saves_dir, &article.path, &article.doc);
            save.author.clone_from(&self.author);
            article.save = save;
            self.messages.extend(messages);
            self.panel.reload_editor(article);
        }
    }

    /// A message offering the versions of `file` ("Restore a previous
    /// version…"), when it has any.
    pub(crate) fn offer_restore(&mut self, file: &Path, text: String) {
        let mut m = Message::error(text);
        if !versions::list(file).is_empty() {
            m.action = Some((
                "Restore a previous version…".to_owned(),
                Command::Window(WindowCommand::ShowRestore(Some(file.to_owned()))),
            ));
        }
        self.messages.push(m);
    }
}

/// A version's time as the reader's clock shows it.
fn local_time(t: jiff::Timestamp) -> String {
    t.to_zoned_datetime(jiff::tz::TimeZone::system())
        .strftime("%b %-d, %Y %H:%M:%S")
        .to_string()
}

/// The restore window.
pub(super) fn restore_window_ui(ctx: &egui::Context, app: &mut StorylineApp) {
    if !app.restore.open {
        return;
    }
    let listed = std::mem::take(&mut app.restore.listed);
    let mut open = true;
    let mut commands = Vec::new();
    egui::Window::new("Restore a previous version")
        .id(Id::unique("restore-window"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .max_width(620.0)
        .show(ctx, |ui| {
            ui.set_max_width(620.0);
            ui.label(format!(
                "Storyline keeps the last {} versions of each dossier and save, beside it in {}/, and the one before the last save as .bak.",
                versions::KEEP,
                versions::FOLDER
            ));
            if listed.is_empty() {
                ui.label(RichText::new("Open a dossier or an article first.").weak());
            }
            for l in &listed {
                ui.add_space(6.0);
                ui.strong(&l.what);
                ui.add(
                    egui::Label::new(
                        RichText::new(format!("now: {} · {}", l.now, l.file.display()))
                            .weak()
                            .small(),
                    )
                    .wrap(),
                );
                if l.versions.is_empty() {
                    ui.label(RichText::new("No earlier versions kept yet.").weak());
                }
                egui::Grid::new(("versions", l.file.display().to_string()))
                    .num_columns(3)
                    .spacing([12.0, 4.0])
                    .show(ui, |ui| {
                        for (v, summary) in &l.versions {
                            let when = if v.path.extension().is_some_and(|e| e == "bak") {
                                format!("{} (.bak)", local_time(v.taken))
                            } else {
                                local_time(v.taken)
                            };
                            // The button first: never pushed out of the window.
                            let restore = ui.button("Restore");
                            ui.label(when);
                            ui.add(egui::Label::new(summary.as_str()).truncate());
                            if restore
                                .on_hover_text(format!(
                                    "Put this version back as {} (what it holds now is kept as a version)",
                                    name(&l.file)
                                ))
                                .clicked()
                            {
                                commands
                                    .push(Command::Window(WindowCommand::RestoreVersion(l.file.clone(), v.path.clone())));
                            }
                            ui.end_row();
                        }
                    });
            }
        });
    app.restore.listed = listed;
    if !open {
        app.restore.open = false;
        app.restore.extra = None;
    }
    for c in commands {
        app.restore.open = false;
        app.send(c);
    }
}
