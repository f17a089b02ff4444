//! Draws the workspace: each pane's `*_ui`, the tab bars' buttons
//! (maximise, close), and a maximised pane alone.

use egui::{RichText, Ui};
use egui_tiles::{Behavior, SimplificationOptions, TileId, Tiles, UiResponse};

use super::reader::{ReaderInput, reader_ui};
use super::theme::Palette;
use super::workspace::Workspace;
use super::{Command, ReaderCommand, StorylineApp, WorkspaceCommand, timeline};
use crate::store::layout::Pane;

/// What the tab bars asked for this frame.
#[derive(Default)]
struct Asked {
    maximize: Option<Pane>,
    close: Option<Pane>,
    edited: bool,
}

struct PaneBehavior<'a> {
    app: &'a mut StorylineApp,
    asked: Asked,
}

impl Behavior<Pane> for PaneBehavior<'_> {
    fn pane_ui(&mut self, ui: &mut Ui, _tile_id: TileId, pane: &mut Pane) -> UiResponse {
        pane_ui(ui, self.app, *pane);
        UiResponse::None
    }

    fn tab_title_for_pane(&mut self, pane: &Pane) -> egui::WidgetText {
        pane.title().into()
    }

    fn is_tab_closable(&self, tiles: &Tiles<Pane>, tile_id: TileId) -> bool {
        tiles.get_pane(&tile_id).is_some_and(|p| *p != Pane::Reader)
    }

    fn on_tab_close(&mut self, tiles: &mut Tiles<Pane>, tile_id: TileId) -> bool {
        // Closing hides the pane (View menu or its shortcut brings it back),
        // so it keeps its place.
        self.asked.close = tiles.get_pane(&tile_id).copied();
        false
    }

    fn top_bar_right_ui(
        &mut self,
        tiles: &Tiles<Pane>,
        ui: &mut Ui,
        _tile_id: TileId,
        tabs: &egui_tiles::Tabs,
        _scroll_offset: &mut f32,
    ) {
        let Some(pane) = tabs.active.and_then(|id| tiles.get_pane(&id)).copied() else {
            return;
        };
        ui.add_space(4.0);
        if maximise_button(ui)
            .on_hover_text(format!(
                "Maximise the {} ({})",
                pane.title(),
                shortcut(pane)
            ))
            .clicked()
        {
            self.asked.maximize = Some(pane);
        }
        if pane == Pane::Timeline {
            ui.separator();
            timeline::timeline_toolbar_ui(ui, self.app);
        }
        if pane == Pane::Reader {
            super::reader::toolbar::contents_ui(ui, self.app);
        }
    }

    fn tab_bar_height(&self, _style: &egui::Style) -> f32 {
        26.0
    }

    fn gap_width(&self, _style: &egui::Style) -> f32 {
        2.0
    }

    fn min_size(&self) -> f32 {
        60.0
    }

    fn simplification_options(&self) -> SimplificationOptions {
        SimplificationOptions {
            all_panes_must_have_tabs: true,
            ..SimplificationOptions::default()
        }
    }

    fn on_edit(&mut self, _edit_action: egui_tiles::EditAction) {
        self.asked.edited = true;
    }
}

/// A small button with a window drawn in it (no icon font needed).
fn maximise_button(ui: &mut Ui) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(20.0, 18.0), egui::Sense::click());
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, ui.is_enabled(), "Maximise"));
    let visuals = ui.style().interact(&response);
    if response.hovered() {
        ui.painter().rect_filled(rect, 3.0, visuals.weak_bg_fill);
    }
    let icon = egui::Rect::from_center_size(rect.center(), egui::vec2(10.0, 8.0));
    let stroke = egui::Stroke::new(1.2, visuals.fg_stroke.color);
    ui.painter()
        .rect_stroke(icon, 1.0, stroke, egui::StrokeKind::Inside);
    ui.painter().line_segment(
        [
            icon.left_top() + egui::vec2(0.0, 2.5),
            icon.right_top() + egui::vec2(0.0, 2.5),
        ],
        stroke,
    );
    response.on_hover_cursor(egui::CursorIcon::PointingHand)
}

/// The shortcut that shows `pane` (from the table of actions).
#[must_use]
pub fn shortcut(pane: Pane) -> String {
    super::actions::Action::ShowPane(pane)
        .shortcut_text()
        .unwrap_or_default()
}

/// Draws the workspace in `ui` (all of its remaining space).
pub(super) fn workspace_ui(ui: &mut Ui, app: &mut StorylineApp) {
    let mut ws = app
        .workspace
        .take()
        .unwrap_or_else(|| Workspace::default_for(ui.available_size()));
    let asked = if let Some(pane) = ws.maximized {
        maximized_ui(ui, app, pane)
    } else {
        let mut behavior = PaneBehavior {
            app,
            asked: Asked::default(),
        };
        ws.tree_mut().ui(&mut behavior, ui);
        behavior.asked
    };
    let now = ui.input(|i| i.time);
    if let Some(pane) = asked.maximize {
        ws.toggle_maximized(pane);
    }
    if let Some(pane) = asked.close {
        ws.hide(pane);
    }
    if asked.maximize.is_some() || asked.close.is_some() || asked.edited {
        app.layout_changed(now);
    }
    app.workspace = Some(ws);
}

/// One pane alone, under a bar that restores the layout.
fn maximized_ui(ui: &mut Ui, app: &mut StorylineApp, pane: Pane) -> Asked {
    let mut asked = Asked::default();
    egui::Panel::top("maximized-bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.strong(pane.title());
            ui.label(RichText::new("maximised").weak());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button("Restore layout")
                    .on_hover_text(format!("Show every tile again ({})", shortcut(pane)))
                    .clicked()
                {
                    asked.maximize = Some(pane);
                }
                if pane == Pane::Timeline {
                    ui.separator();
                    timeline::timeline_toolbar_ui(ui, app);
                }
            });
        });
    });
    egui::CentralPanel::default()
        .frame(egui::Frame::NONE)
        .show(ui, |ui| pane_ui(ui, app, pane));
    asked
}

fn pane_ui(ui: &mut Ui, app: &mut StorylineApp, pane: Pane) {
    match pane {
        Pane::Reader => reader_pane_ui(ui, app),
        Pane::Highlights => padded(ui, |ui| {
            if let Some(open) = app.dossier.as_ref() {
                super::dossier::highlights::scope_ui(ui, open, &mut app.commands);
                if open.all_highlights {
                    super::dossier::highlights::dossier_highlights_ui(ui, app);
                    return;
                }
            }
            super::highlights::header::article_info_ui(ui, app);
        }),
        Pane::Library => padded(ui, |ui| super::dossier::library::library_pane_ui(ui, app)),
        Pane::Chronology => padded(ui, |ui| timeline::chronology::chronology_pane_ui(ui, app)),
        // The chart uses every point of its height for rows.
        Pane::Timeline => padded_by(ui, egui::Margin::symmetric(6, 0), |ui| {
            timeline::timeline_pane_ui(ui, app);
        }),
        Pane::Inspector => padded(ui, |ui| timeline::inspector_pane_ui(ui, app)),
    }
}

/// A pane's content with a small margin, on the panel colour.
fn padded(ui: &mut Ui, add: impl FnOnce(&mut Ui)) {
    padded_by(ui, egui::Margin::symmetric(8, 4), add);
}

fn padded_by(ui: &mut Ui, margin: egui::Margin, add: impl FnOnce(&mut Ui)) {
    let fill = ui.visuals().panel_fill;
    egui::Frame::NONE
        .fill(fill)
        .inner_margin(margin)
        .show(ui, |ui| {
            ui.set_min_size(ui.available_size());
            add(ui);
        });
}

fn reader_pane_ui(ui: &mut Ui, app: &mut StorylineApp) {
    if app.find.open {
        super::find_bar::find_bar_ui(ui, app);
    }
    let palette = Palette::new(ui.visuals().dark_mode);
    egui::CentralPanel::default()
        .frame(egui::Frame::NONE.fill(palette.page))
        .show(ui, |ui| {
            let area = ui.max_rect();
            let (zoom, evidence) = (app.state.zoom, app.state.evidence);
            if let Some(preview) = app.opening_preview() {
                let input = ReaderInput {
                    doc: &preview.doc,
                    zoom,
                    palette,
                    matches: &[],
                    current_match: None,
                    annotations: None,
                    focused: None,
                    evidence,
                };
                reader_ui(ui, &mut preview.view, &input);
            } else if let Some(article) = &mut app.article {
                let input = ReaderInput {
                    doc: &article.doc,
                    zoom: app.state.zoom,
                    palette,
                    matches: &app.find.matches,
                    current_match: app.find.current,
                    annotations: Some(&article.save.annotations),
                    focused: app.panel.focused.as_ref(),
                    evidence: app.state.evidence,
                };
                let before = article.view.top_char();
                let out = reader_ui(ui, &mut article.view, &input);
                if let Some(url) = out.clicked_link.clone() {
                    app.commands
                        .push(Command::Reader(ReaderCommand::OpenLink(url)));
                }
                super::reader::toolbar::reader_extras_ui(
                    ui,
                    article,
                    &app.panel,
                    &out,
                    &mut app.commands,
                );
                if article.view.top_char() != before {
                    let now = ui.input(|i| i.time);
                    app.state_dirty_at.get_or_insert(now);
                }
            } else {
                super::status::empty_ui(ui, app);
            }
            super::messages::messages_ui(ui, app, area);
        });
}

impl StorylineApp {
    /// The workspace's layout changed (a tile moved, resized, closed…).
    pub(super) fn layout_changed(&mut self, now: f64) {
        self.mark_state_dirty(now);
    }

    /// Shows `pane` and brings its tab to the front.
    pub(super) fn show_pane(&mut self, pane: Pane) {
        if let Some(ws) = &mut self.workspace
            && !ws.is_shown(pane)
        {
            ws.show(pane);
            let now = self.egui_ctx.input(|i| i.time);
            self.layout_changed(now);
        }
    }

    /// Brings `pane` forward for a selection, unless another pane fills
    /// the window: a maximised timeline or chronology stays so (what is
    /// selected shows there).
    pub(super) fn offer_pane(&mut self, pane: Pane) {
        let other_maximised = self
            .workspace
            .as_ref()
            .is_some_and(|ws| ws.maximized.is_some_and(|m| m != pane));
        if !other_maximised {
            self.show_pane(pane);
        }
    }

    /// Whether `pane` is on screen.
    #[must_use]
    pub fn pane_shown(&self, pane: Pane) -> bool {
        self.workspace.as_ref().is_some_and(|ws| ws.is_shown(pane))
    }

    /// Shows, hides, maximises or resets the workspace's tiles.
    pub(super) fn apply_workspace_command(
        &mut self,
        ctx: &egui::Context,
        command: WorkspaceCommand,
        now: f64,
    ) {
        match command {
            WorkspaceCommand::ShowPane(pane) => {
                if let Some(ws) = &mut self.workspace {
                    if pane == Pane::Timeline && ws.is_shown(pane) {
                        ws.toggle_maximized(pane);
                    } else {
                        ws.show(pane);
                    }
                    self.layout_changed(now);
                }
            }
            WorkspaceCommand::TogglePane(pane) => {
                if let Some(ws) = &mut self.workspace {
                    if ws.is_open(pane) {
                        ws.hide(pane);
                    } else {
                        ws.show(pane);
                    }
                    self.layout_changed(now);
                }
            }
            WorkspaceCommand::ToggleMaximized(pane) => {
                if let Some(ws) = &mut self.workspace {
                    ws.toggle_maximized(pane);
                    self.layout_changed(now);
                }
            }
            WorkspaceCommand::ResetLayout => {
                let size = ctx.content_rect().size();
                self.workspace = Some(Workspace::default_for(size));
                self.layout_changed(now);
            }
        }
    }
}
