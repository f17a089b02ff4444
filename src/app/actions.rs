//! The table of actions: each thing the reader can do from a menu, a key or
//! a button, with its label, its shortcuts, where it sits in the menus and
//! the command it queues — in one place, as rerun's `UICommand` does. The
//! menus (`menu.rs`), the keys (`keys.rs`), the tiles' tooltips (`panes.rs`)
//! and the toolbar read it, so a label and its shortcut never disagree.

use egui::{Key, KeyboardShortcut, ModifierNames, Modifiers};

use super::dossier::DossierAction;
use super::{
    Command, Direction, ExportCommand, HighlightsCommand, ReaderCommand, WindowCommand,
    WorkspaceCommand,
};
use crate::annotate::HighlightColor;
use crate::store::layout::Pane;

/// Something the reader can do by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Open an article or a dossier (a dialog).
    Open,
    /// Type the path of an article or a dossier.
    OpenPath,
    /// Open the sample dossier (a copy in the user's data folder).
    OpenSampleDossier,
    /// Show the export window.
    Export,
    /// Import annotations onto the open article (a dialog).
    ImportAnnotations,
    /// Show the kept versions.
    RestoreVersion,
    /// Close the window.
    Quit,
    /// Undo the last change, the article's or the dossier's.
    Undo,
    /// Redo it.
    Redo,
    /// Highlight the selection (yellow).
    HighlightSelection,
    /// Highlight the selection in a colour.
    HighlightIn(HighlightColor),
    /// Copy the selection.
    Copy,
    /// Show the find bar.
    Find,
    /// Larger text.
    ZoomIn,
    /// Smaller text.
    ZoomOut,
    /// Text at 100 %.
    ActualSize,
    /// Show a pane (the timeline, when in front: maximise it).
    ShowPane(Pane),
    /// The dossier's previous article by date.
    PreviousArticle,
    /// The dossier's next article by date.
    NextArticle,
    /// Ask for the article's publication date.
    SetPublished,
}

/// When an action's keys work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeysWork {
    /// Always, even while typing in a text field.
    Always,
    /// Not while a text field has the keyboard (it has its own keys).
    NotTyping,
    /// Only with text selected in the article, and not while typing.
    WithSelection,
}

/// The menus of the menu bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    /// File.
    File,
    /// Edit.
    Edit,
    /// View.
    View,
    /// Article.
    Article,
}

impl Menu {
    /// Every menu, left to right.
    pub const ALL: [Self; 4] = [Self::File, Self::Edit, Self::View, Self::Article];

    /// Its title in the menu bar.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::File => "File",
            Self::Edit => "Edit",
            Self::View => "View",
            Self::Article => "Article",
        }
    }
}

const fn ctrl(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn ctrl_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(
        Modifiers {
            alt: false,
            ctrl: false,
            shift: true,
            mac_cmd: false,
            command: true,
        },
        key,
    )
}

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

impl Action {
    /// Every action, in menu order.
    pub const ALL: [Self; 29] = [
        Self::Open,
        Self::OpenPath,
        Self::OpenSampleDossier,
        Self::Export,
        Self::ImportAnnotations,
        Self::RestoreVersion,
        Self::Quit,
        Self::Undo,
        Self::Redo,
        Self::HighlightSelection,
        Self::HighlightIn(HighlightColor::Yellow),
        Self::HighlightIn(HighlightColor::Green),
        Self::HighlightIn(HighlightColor::Blue),
        Self::HighlightIn(HighlightColor::Pink),
        Self::HighlightIn(HighlightColor::Purple),
        Self::Copy,
        Self::Find,
        Self::ShowPane(Pane::Reader),
        Self::ShowPane(Pane::Highlights),
        Self::ShowPane(Pane::Timeline),
        Self::ShowPane(Pane::Inspector),
        Self::ShowPane(Pane::Library),
        Self::ShowPane(Pane::Chronology),
        Self::ZoomIn,
        Self::ZoomOut,
        Self::ActualSize,
        Self::PreviousArticle,
        Self::NextArticle,
        Self::SetPublished,
    ];

    /// Its name in a menu or on a button.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Open => "Open…",
            Self::OpenPath => "Open Path…",
            Self::OpenSampleDossier => "Open the Sample Dossier",
            Self::Export => "Export…",
            Self::ImportAnnotations => "Import Annotations…",
            Self::RestoreVersion => "Restore a Previous Version…",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::HighlightSelection => "Highlight Selection",
            Self::HighlightIn(color) => color.name(),
            Self::Copy => "Copy",
            Self::Find => "Find…",
            Self::ZoomIn => "Zoom In",
            Self::ZoomOut => "Zoom Out",
            Self::ActualSize => "Actual Size",
            Self::ShowPane(pane) => pane.title(),
            Self::PreviousArticle => "Previous Article",
            Self::NextArticle => "Next Article",
            Self::SetPublished => "Set Publication Date…",
        }
    }

    /// Its keys, the one shown first.
    #[must_use]
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        match self {
            Self::Open => vec![ctrl(Key::O)],
            Self::OpenPath => vec![ctrl_shift(Key::L)],
            Self::Export => vec![ctrl(Key::E)],
            Self::Quit => vec![ctrl(Key::Q)],
            Self::Undo => vec![ctrl(Key::Z)],
            Self::Redo => vec![ctrl_shift(Key::Z), ctrl(Key::Y)],
            Self::HighlightSelection => vec![plain(Key::H)],
            Self::HighlightIn(color) => match color {
                HighlightColor::Yellow => vec![plain(Key::Num1)],
                HighlightColor::Green => vec![plain(Key::Num2)],
                HighlightColor::Blue => vec![plain(Key::Num3)],
                HighlightColor::Pink => vec![plain(Key::Num4)],
                HighlightColor::Purple => vec![plain(Key::Num5)],
            },
            Self::Copy => vec![ctrl(Key::C)],
            Self::Find => vec![ctrl(Key::F)],
            Self::ZoomIn => vec![ctrl(Key::Plus), ctrl(Key::Equals)],
            Self::ZoomOut => vec![ctrl(Key::Minus)],
            Self::ActualSize => vec![ctrl(Key::Num0)],
            Self::ShowPane(pane) => match pane {
                Pane::Reader => vec![ctrl(Key::Num1)],
                Pane::Highlights => vec![ctrl(Key::Num2)],
                Pane::Timeline => vec![ctrl(Key::T), ctrl(Key::Num3)],
                Pane::Inspector => vec![ctrl(Key::I), ctrl(Key::Num4)],
                Pane::Library => vec![ctrl(Key::Num5)],
                Pane::Chronology => vec![ctrl(Key::L), ctrl(Key::Num6)],
            },
            Self::PreviousArticle => vec![ctrl(Key::PageUp)],
            Self::NextArticle => vec![ctrl(Key::PageDown)],
            Self::OpenSampleDossier
            | Self::ImportAnnotations
            | Self::RestoreVersion
            | Self::SetPublished => vec![],
        }
    }

    /// When its keys work.
    #[must_use]
    pub fn keys_work(self) -> KeysWork {
        match self {
            Self::Undo | Self::Redo => KeysWork::NotTyping,
            Self::HighlightSelection | Self::HighlightIn(_) | Self::Copy => KeysWork::WithSelection,
            Self::Open
            | Self::OpenPath
            | Self::OpenSampleDossier
            | Self::Export
            | Self::ImportAnnotations
            | Self::RestoreVersion
            | Self::Quit
            | Self::Find
            | Self::ZoomIn
            | Self::ZoomOut
            | Self::ActualSize
            | Self::ShowPane(_)
            | Self::PreviousArticle
            | Self::NextArticle
            | Self::SetPublished => KeysWork::Always,
        }
    }

    /// The menu it sits in (`None`: the toolbar and keys only).
    #[must_use]
    pub fn menu(self) -> Option<Menu> {
        match self {
            Self::Open
            | Self::OpenPath
            | Self::OpenSampleDossier
            | Self::Export
            | Self::ImportAnnotations
            | Self::RestoreVersion
            | Self::Quit => Some(Menu::File),
            Self::Undo | Self::Redo | Self::HighlightSelection | Self::Copy | Self::Find => {
                Some(Menu::Edit)
            }
            Self::ZoomIn | Self::ZoomOut | Self::ActualSize | Self::ShowPane(_) => Some(Menu::View),
            Self::SetPublished | Self::PreviousArticle | Self::NextArticle => Some(Menu::Article),
            Self::HighlightIn(_) => None,
        }
    }

    /// The command it queues.
    pub fn command(self) -> Command {
        match self {
            Self::Open => Command::Window(WindowCommand::ShowOpenDialog),
            Self::OpenPath => Command::Window(WindowCommand::ShowPathPrompt),
            Self::OpenSampleDossier => Command::Window(WindowCommand::OpenSampleDossier),
            Self::Export => Command::Export(ExportCommand::ShowExport),
            Self::ImportAnnotations => Command::Highlights(HighlightsCommand::ShowImportDialog),
            Self::RestoreVersion => Command::Window(WindowCommand::ShowRestore(None)),
            Self::Quit => Command::Window(WindowCommand::Quit),
            Self::Undo => Command::Window(WindowCommand::Undo),
            Self::Redo => Command::Window(WindowCommand::Redo),
            Self::HighlightSelection => {
                Command::Highlights(HighlightsCommand::Highlight(HighlightColor::Yellow))
            }
            Self::HighlightIn(color) => Command::Highlights(HighlightsCommand::Highlight(color)),
            Self::Copy => Command::Reader(ReaderCommand::CopySelection),
            Self::Find => Command::Reader(ReaderCommand::OpenFind),
            Self::ZoomIn => Command::Reader(ReaderCommand::Zoom(1.1)),
            Self::ZoomOut => Command::Reader(ReaderCommand::Zoom(1.0 / 1.1)),
            Self::ActualSize => Command::Reader(ReaderCommand::ZoomReset),
            Self::ShowPane(pane) => Command::Workspace(WorkspaceCommand::ShowPane(pane)),
            Self::PreviousArticle => Command::Dossier(DossierAction::Step(Direction::Back)),
            Self::NextArticle => Command::Dossier(DossierAction::Step(Direction::Forward)),
            Self::SetPublished => Command::Highlights(HighlightsCommand::AskPublished),
        }
    }

    /// Its first shortcut as text ("Ctrl+Shift+Z"), if it has one.
    #[must_use]
    pub fn shortcut_text(self) -> Option<String> {
        self.shortcuts().first().copied().map(shortcut_text)
    }

    /// Its label with its shortcut, for a menu: "Undo  (Ctrl+Z)".
    #[must_use]
    pub fn menu_text(self) -> String {
        match self.shortcut_text() {
            Some(keys) => format!("{}  ({keys})", self.label()),
            None => self.label().to_owned(),
        }
    }

    /// Its label for a tooltip: "Undo (Ctrl+Z)".
    #[must_use]
    pub fn hover_text(self) -> String {
        match self.shortcut_text() {
            Some(keys) => format!("{} ({keys})", self.label()),
            None => self.label().to_owned(),
        }
    }
}

/// A shortcut as the menus show it, the same on every platform's names
/// ("Ctrl+-" rather than "Ctrl+Minus").
fn shortcut_text(shortcut: KeyboardShortcut) -> String {
    let mut text = ModifierNames::NAMES.format(&shortcut.modifiers, false);
    if !text.is_empty() {
        text.push('+');
    }
    text.push_str(match shortcut.logical_key {
        Key::Plus => "+",
        Key::Minus => "-",
        Key::Equals => "=",
        Key::PageUp => "PgUp",
        Key::PageDown => "PgDn",
        key => key.name(),
    });
    text
}

/// The actions whose keys were pressed this frame (their shortcuts are
/// consumed), given what the window allows now. Shortcuts with more
/// modifiers are tried first: egui lets Ctrl+Z match Ctrl+Shift+Z.
pub(super) fn pressed(i: &mut egui::InputState, typing: bool, selection: bool) -> Vec<Action> {
    let mut keys: Vec<(Action, KeyboardShortcut)> = Action::ALL
        .into_iter()
        .filter(|a| match a.keys_work() {
            KeysWork::Always => true,
            KeysWork::NotTyping => !typing,
            KeysWork::WithSelection => !typing && selection,
        })
        .flat_map(|a| a.shortcuts().into_iter().map(move |s| (a, s)))
        .collect();
    keys.sort_by_key(|(_, s)| {
        let m = s.modifiers;
        std::cmp::Reverse(
            u8::from(m.alt) + u8::from(m.shift) + u8::from(m.ctrl || m.command || m.mac_cmd),
        )
    });
    let mut actions = Vec::new();
    for (action, shortcut) in keys {
        if i.consume_shortcut(&shortcut) && !actions.contains(&action) {
            actions.push(action);
        }
    }
    actions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn menu_texts_name_their_first_shortcut() {
        assert_eq!(Action::Open.menu_text(), "Open…  (Ctrl+O)");
        assert_eq!(Action::Redo.menu_text(), "Redo  (Ctrl+Shift+Z)");
        assert_eq!(Action::ZoomIn.menu_text(), "Zoom In  (Ctrl++)");
        assert_eq!(Action::ZoomOut.menu_text(), "Zoom Out  (Ctrl+-)");
        assert_eq!(
            Action::HighlightSelection.menu_text(),
            "Highlight Selection  (H)"
        );
        assert_eq!(
            Action::ShowPane(Pane::Timeline).shortcut_text().as_deref(),
            Some("Ctrl+T")
        );
        assert_eq!(Action::NextArticle.hover_text(), "Next Article (Ctrl+PgDn)");
        assert_eq!(Action::SetPublished.menu_text(), "Set Publication Date…");
    }

    #[test]
    fn no_two_actions_share_a_key_where_both_work() {
        let mut seen: Vec<(KeyboardShortcut, Action)> = Vec::new();
        for a in Action::ALL {
            for s in a.shortcuts() {
                if let Some((_, other)) = seen.iter().find(|(t, _)| *t == s) {
                    panic!("{a:?} and {other:?} share {}", shortcut_text(s));
                }
                seen.push((s, a));
            }
        }
    }

    #[test]
    fn every_pane_and_colour_has_its_action() {
        for pane in Pane::ALL {
            assert!(Action::ALL.contains(&Action::ShowPane(pane)));
        }
        for color in HighlightColor::ALL {
            assert!(Action::ALL.contains(&Action::HighlightIn(color)));
        }
    }
}
