//! Keyboard shortcuts: each key press becomes a [`Command`].

use egui::{Key, KeyboardShortcut, Modifiers};

use super::dossier::DossierAction;
use super::{
    Command, Direction, ExportCommand, HighlightsCommand, ReaderCommand, Show, StorylineApp,
    WindowCommand, WorkspaceCommand,
};
use crate::annotate::HighlightColor;
use crate::document::CharIdx;
use crate::store::layout::Pane;

impl StorylineApp {
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        let has_selection = self
            .article
            .as_ref()
            .is_some_and(|a| !a.view.selection.is_empty());
        let list_focus = self.panel.list_focus && self.panel.focused.is_some();
        let has_dossier = self.dossier.is_some();
        let has_article = self.article.is_some();
        let mut cmds = Vec::new();
        ctx.input_mut(|i| {
            let cmd = |k| KeyboardShortcut::new(Modifiers::COMMAND, k);
            let cmd_shift = |k| KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, k);
            if i.consume_shortcut(&cmd(Key::O)) {
                cmds.push(Command::Window(WindowCommand::ShowOpenDialog));
            }
            if i.consume_shortcut(&cmd(Key::Q)) {
                cmds.push(Command::Window(WindowCommand::Quit));
            }
            if i.consume_shortcut(&cmd(Key::F)) {
                cmds.push(Command::Reader(ReaderCommand::OpenFind));
            }
            if i.consume_shortcut(&cmd(Key::Plus)) || i.consume_shortcut(&cmd(Key::Equals)) {
                cmds.push(Command::Reader(ReaderCommand::Zoom(1.1)));
            }
            if i.consume_shortcut(&cmd(Key::Minus)) {
                cmds.push(Command::Reader(ReaderCommand::Zoom(1.0 / 1.1)));
            }
            if i.consume_shortcut(&cmd(Key::Num0)) {
                cmds.push(Command::Reader(ReaderCommand::ZoomReset));
            }
            if i.consume_shortcut(&cmd(Key::E)) {
                cmds.push(Command::Export(ExportCommand::ShowExport));
            }
            for (key, pane) in [
                (Key::T, Pane::Timeline),
                (Key::Num1, Pane::Reader),
                (Key::Num2, Pane::Highlights),
                (Key::Num3, Pane::Timeline),
                (Key::I, Pane::Inspector),
                (Key::Num4, Pane::Inspector),
                (Key::Num5, Pane::Library),
            ] {
                if i.consume_shortcut(&cmd(key)) {
                    cmds.push(Command::Workspace(WorkspaceCommand::ShowPane(pane)));
                }
            }
            if i.consume_shortcut(&cmd_shift(Key::L)) {
                cmds.push(Command::Window(WindowCommand::ShowPathPrompt));
            }
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
            if i.consume_shortcut(&cmd(Key::PageUp)) {
                cmds.push(Command::Dossier(DossierAction::Step(Direction::Back)));
            }
            if i.consume_shortcut(&cmd(Key::PageDown)) {
                cmds.push(Command::Dossier(DossierAction::Step(Direction::Forward)));
            }
            if typing {
                // Text fields keep their own editing keys (their own undo too).
                return;
            }
            if i.consume_shortcut(&cmd_shift(Key::Z)) || i.consume_shortcut(&cmd(Key::Y)) {
                cmds.push(Command::Window(WindowCommand::Redo));
            }
            if i.consume_shortcut(&cmd(Key::Z)) {
                cmds.push(Command::Window(WindowCommand::Undo));
            }
            if has_selection {
                if i.consume_shortcut(&cmd(Key::C))
                    || i.events.iter().any(|e| matches!(e, egui::Event::Copy))
                {
                    cmds.push(Command::Reader(ReaderCommand::CopySelection));
                }
                if i.consume_key(Modifiers::NONE, Key::H) {
                    cmds.push(Command::Highlights(HighlightsCommand::Highlight(
                        HighlightColor::Yellow,
                    )));
                }
                let digits = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];
                for (key, color) in digits.into_iter().zip(HighlightColor::ALL) {
                    if i.consume_key(Modifiers::NONE, key) {
                        cmds.push(Command::Highlights(HighlightsCommand::Highlight(color)));
                    }
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
            if i.consume_key(Modifiers::NONE, Key::ArrowDown) {
                cmds.push(Command::Reader(ReaderCommand::Page(0.1)));
            }
            if i.consume_key(Modifiers::NONE, Key::ArrowUp) {
                cmds.push(Command::Reader(ReaderCommand::Page(-0.1)));
            }
            if i.consume_key(Modifiers::NONE, Key::Home) || i.consume_shortcut(&cmd(Key::Home)) {
                cmds.push(Command::Reader(ReaderCommand::JumpTo(CharIdx(0))));
            }
            if i.consume_key(Modifiers::NONE, Key::End) || i.consume_shortcut(&cmd(Key::End)) {
                cmds.push(Command::Reader(ReaderCommand::JumpTo(CharIdx(usize::MAX))));
            }
        });
        self.commands.extend(cmds);
    }
}
