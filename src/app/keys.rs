//! Keyboard shortcuts: each key press becomes a [`Command`] — the named
//! actions' keys from the table in `actions.rs`, and the reader's own keys
//! (paging, selecting, the Highlights list) here.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::actions::{self, Action};
use super::dossier::DossierAction;
use super::{Command, HighlightsCommand, ReaderCommand, Show, StorylineApp, WindowCommand};
use crate::document::CharIdx;

impl StorylineApp {
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        let has_selection = self
            .article
            .as_ref()
            .is_some_and(|a| !a.view.selection.is_empty());
        let list_focus = self.panel.list_focus && self.panel.focused.is_some();
        let has_dossier = self.dossier.is_some();
        // The Chronology steps through its rows with the arrows itself.
        let chronology_focus = self.timeline.chronology.has_focus
            || self
                .dossier
                .as_ref()
                .is_some_and(|d| d.timeline.chronology.has_focus);
        let has_article = self.article.is_some();
        let mut cmds = Vec::new();
        ctx.input_mut(|i| {
            // The named actions' keys (`actions.rs`): menus show the same.
            cmds.extend(
                actions::pressed(i, typing, has_selection)
                    .into_iter()
                    .map(Action::command),
            );
            // With a dossier open, dropped articles (or folders) join it.
            let dropped: Vec<std::path::PathBuf> = i
                .raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .collect();
            // A dropped annotations file (JSON) is imported onto the open article.
            let (annotation_files, dropped): (Vec<_>, Vec<_>) =
                dropped.into_iter().partition(|p| {
                    has_article
                        && p.extension().is_some_and(|e| {
                            e.eq_ignore_ascii_case("json") || e.eq_ignore_ascii_case("jsonld")
                        })
                });
            for file in annotation_files {
                cmds.push(Command::Highlights(HighlightsCommand::ImportAnnotations(
                    file,
                    crate::app::Unmatched::Refuse,
                )));
            }
            let (dossiers, articles): (Vec<_>, Vec<_>) = dropped
                .into_iter()
                .partition(|p| crate::store::dossier::is_dossier_path(p));
            if let Some(d) = dossiers.into_iter().next() {
                cmds.push(Command::Window(WindowCommand::Open(d)));
            } else if has_dossier && !articles.is_empty() {
                if let [one] = articles.as_slice()
                    && one.is_file()
                {
                    cmds.push(Command::Window(WindowCommand::Open(one.clone())));
                }
                cmds.push(Command::Dossier(DossierAction::Add(articles)));
            } else if let Some(first) = articles.into_iter().next() {
                cmds.push(Command::Window(WindowCommand::Open(first)));
            }
            if typing {
                // Text fields keep their own editing keys (their own undo too).
                return;
            }
            if has_selection {
                // Copy from the system's menu or key as well.
                if i.events.iter().any(|e| matches!(e, egui::Event::Copy)) {
                    cmds.push(Action::Copy.command());
                }
                if i.consume_key(Modifiers::NONE, Key::Escape) {
                    cmds.push(Command::Reader(ReaderCommand::ClearSelection));
                }
            }
            // Shift+arrows select: by char, Ctrl for words, Up/Down by paragraph.
            for (key, forward, block) in [
                (Key::ArrowLeft, false, false),
                (Key::ArrowRight, true, false),
                (Key::ArrowUp, false, true),
                (Key::ArrowDown, true, true),
            ] {
                if i.consume_key(Modifiers::SHIFT, key) {
                    cmds.push(Command::Reader(ReaderCommand::ExtendSelection {
                        forward,
                        word: false,
                        block,
                    }));
                }
                if i.consume_key(Modifiers::SHIFT | Modifiers::COMMAND, key) {
                    cmds.push(Command::Reader(ReaderCommand::ExtendSelection {
                        forward,
                        word: true,
                        block,
                    }));
                }
            }
            if list_focus {
                if i.consume_key(Modifiers::NONE, Key::ArrowDown) {
                    cmds.push(Command::Highlights(HighlightsCommand::MoveFocus(1)));
                }
                if i.consume_key(Modifiers::NONE, Key::ArrowUp) {
                    cmds.push(Command::Highlights(HighlightsCommand::MoveFocus(-1)));
                }
                if i.consume_key(Modifiers::NONE, Key::Enter) {
                    cmds.push(Command::Highlights(HighlightsCommand::RevealFocused));
                }
                if i.consume_key(Modifiers::NONE, Key::Delete)
                    || i.consume_key(Modifiers::NONE, Key::Backspace)
                {
                    cmds.push(Command::Highlights(HighlightsCommand::DeleteFocused));
                }
                if i.consume_key(Modifiers::NONE, Key::Escape) {
                    cmds.push(Command::Highlights(HighlightsCommand::FocusHighlight(
                        None,
                        Show::InList,
                    )));
                }
            }
            if i.consume_key(Modifiers::NONE, Key::PageDown)
                || i.consume_key(Modifiers::NONE, Key::Space)
            {
                cmds.push(Command::Reader(ReaderCommand::Page(1.0)));
            }
            if i.consume_key(Modifiers::NONE, Key::PageUp)
                || i.consume_key(Modifiers::SHIFT, Key::Space)
            {
                cmds.push(Command::Reader(ReaderCommand::Page(-1.0)));
            }
            if !chronology_focus && i.consume_key(Modifiers::NONE, Key::ArrowDown) {
                cmds.push(Command::Reader(ReaderCommand::Page(0.1)));
            }
            if !chronology_focus && i.consume_key(Modifiers::NONE, Key::ArrowUp) {
                cmds.push(Command::Reader(ReaderCommand::Page(-0.1)));
            }
            let ctrl = |k| KeyboardShortcut::new(Modifiers::COMMAND, k);
            if i.consume_key(Modifiers::NONE, Key::Home) || i.consume_shortcut(&ctrl(Key::Home)) {
                cmds.push(Command::Reader(ReaderCommand::JumpTo(CharIdx(0))));
            }
            if i.consume_key(Modifiers::NONE, Key::End) || i.consume_shortcut(&ctrl(Key::End)) {
                cmds.push(Command::Reader(ReaderCommand::JumpTo(CharIdx(usize::MAX))));
            }
        });
        self.commands.extend(cmds);
    }
}
