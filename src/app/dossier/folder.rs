//! Making the open dossier's folder carry its articles' highlights (a
//! `saves/` folder beside the dossier file), from the window: the same as
//! `storyline dossier adopt`. The store does the copying
//! (`store::dossier_folder`); this says what happened and reopens the
//! article being read so its highlights are written there from now on.

use std::fmt::Write as _;

use crate::app::{Command, StorylineApp, WindowCommand};

impl StorylineApp {
    /// Copies the dossier's articles' saves into its folder and reports.
    pub(crate) fn adopt_dossier_folder(&mut self) {
        // Pending edits go to the save as it is, then get copied.
        self.flush_annotations();
        let Some(open) = &self.dossier else {
            return;
        };
        let result =
            crate::store::dossier_folder::adopt(&open.path, &open.dossier, &self.saves_dir);
        match result {
            Ok(a) => {
                let mut said = format!(
                    "The dossier's folder now keeps its highlights, in {}: {} copied \
                     (the originals stay in {}).",
                    a.saves.display(),
                    crate::wording::count(a.copied, "save", "saves"),
                    self.saves_dir.display()
                );
                if !a.outside.is_empty() {
                    let _ = write!(
                        said,
                        " {} outside the folder keep theirs where they are.",
                        crate::wording::count(a.outside.len(), "article", "articles")
                    );
                }
                self.notice(said);
                // The article being read writes there from now on.
                if let Some(path) = self.article.as_ref().map(|a| a.path.clone()) {
                    self.send(Command::Window(WindowCommand::Open(path)));
                }
            }
            Err(e) => self.error(format!(
                "Could not keep the highlights with the dossier: {e}"
            )),
        }
    }
}
