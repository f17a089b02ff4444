//! File ▸ Import Annotations…: a W3C or Hypothesis file read, parsed and
//! anchored off the UI thread (a large file on a long text takes a while),
//! then applied to the open article as one undoable step.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::picker::PickRequest;
use super::{Command, HighlightsCommand, Message, PickPurpose, StorylineApp};
use crate::annotate::import_plan::{ImportPlan, plan};
use crate::wording::file_name as name_of;

/// An import being read.
pub struct ImportJob {
    /// The annotations file.
    file: PathBuf,
    /// The article it is for (the one open when it was asked for).
    article: PathBuf,
    /// Import even when no quote is found.
    keep_orphans: bool,
    rx: Receiver<Result<ImportPlan, String>>,
}

impl StorylineApp {
    /// Asks for a file of annotations to import onto the open article.
    pub(super) fn show_import_dialog(&mut self) {
        if self.article.is_none() || self.picker.busy() {
            return;
        }
        self.pick_purpose = PickPurpose::ImportAnnotations;
        self.picker
            .start(&self.egui_ctx, PickRequest::OpenAnnotations);
    }

    /// Starts reading `file` (on a background thread: it may be large).
    pub(super) fn start_import(&mut self, file: PathBuf, keep_orphans: bool) {
        let Some(article) = &self.article else {
            self.error("Open the article the annotations are for, then import them.".into());
            return;
        };
        if article.save.annotations.is_read_only() {
            self.error(format!(
                "Cannot import into {}: its annotations are read-only.",
                name_of(&article.path)
            ));
            return;
        }
        let (tx, rx) = channel();
        let ctx = self.egui_ctx.clone();
        let path = file.clone();
        let doc = article.doc.clone();
        let existing = article.save.annotations.clone();
        std::thread::spawn(move || {
            let result = crate::store::annotation_file::read_annotations(&path)
                .map(|parsed| plan(&parsed, &doc.text, &existing, crate::store::article::now()))
                .map_err(|e| e.to_string());
            let _ = tx.send(result);
            ctx.request_repaint();
        });
        self.import = Some(ImportJob {
            file,
            article: article.path.clone(),
            keep_orphans,
            rx,
        });
    }

    /// Places a finished read onto the article, as one undoable step.
    pub(super) fn poll_import(&mut self) {
        let Some(job) = &self.import else { return };
        let planned = match job.rx.try_recv() {
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => Err(format!(
                "Reading {} stopped unexpectedly; nothing was imported.",
                job.file.display()
            )),
            Ok(r) => r.map_err(|e| format!("Nothing was imported: {e}")),
        };
        let Some(job) = self.import.take() else {
            return;
        };
        let planned = match planned {
            Ok(p) => p,
            Err(e) => return self.error(e),
        };
        if self.article.as_ref().is_none_or(|a| a.path != job.article) {
            return self.error(format!(
                "{} was for {}, which is no longer open; nothing was imported.",
                name_of(&job.file),
                name_of(&job.article)
            ));
        }
        // Highlights made while it was read may have taken an id or a lane
        // name since: the batch then fails as a whole and says so.
        let s = &planned.summary;
        // A dialog that could not be shown, an earlier failed import: done with.
        self.messages.retain(|m| !m.error);
        let (file, into) = (name_of(&job.file), name_of(&job.article));
        let what = s.format.label();
        if s.none_found() && !job.keep_orphans {
            self.messages.push(Message {
                action: Some((
                    format!("Import {} as orphans", s.orphaned),
                    Command::Highlights(HighlightsCommand::ImportAnnotations(job.file.clone(), crate::app::Unmatched::KeepAsOrphans)),
                )),
                ..Message::error(format!(
                    "None of the {} annotations in {file} quotes {into}: they are probably for another document. Nothing was imported.",
                    s.orphaned
                ))
            });
            return;
        }
        if !s.changes() {
            self.notice(format!("Nothing new in {file} ({what}): {}.", s.counts()));
            return;
        }
        let orphans = if s.orphaned > 0 {
            " Orphans are listed at the end of the Highlights panel, to reattach by hand."
        } else {
            ""
        };
        self.notice(format!(
            "Imported {} from {file} ({what}): {}. Undo (Ctrl+Z) takes it all back.{orphans}",
            crate::wording::count(s.added.len(), "annotation", "annotations"),
            s.counts()
        ));
        self.send(Command::Highlights(HighlightsCommand::Annotate(
            planned.command,
        )));
    }
}
