//! What floats over the reader: the selection toolbar, the highlight
//! tooltip, the context menu; and what a plain click on the text means.

use crate::app::actions::Action;
use egui::{Id, RichText, Ui, vec2};

use crate::annotate::{self, HighlightColor};
use crate::app::reader::ReaderOutput;
use crate::app::theme::Palette;
use crate::app::{Command, HighlightsCommand, HighlightsPaneState, OpenArticle, Show};

/// Height of the selection toolbar (with its frame).
const TOOLBAR_HEIGHT: f32 = 38.0;
/// Width of the selection toolbar (with its frame), roughly.
const TOOLBAR_WIDTH: f32 = 260.0;

/// Where the selection toolbar goes: above the selection's first line, so
/// the lines below stay free for Shift+click; beside the end of its last
/// line when the first is at the top of the page; below it only when
/// neither fits. Always inside the reader (`page`).
#[must_use]
pub fn toolbar_pos(page: egui::Rect, start: Option<egui::Rect>, end: egui::Rect) -> egui::Pos2 {
    if let Some(first) = start
        && first.top() - TOOLBAR_HEIGHT - 4.0 >= page.top()
    {
        let x = first
            .left()
            .min(page.right() - TOOLBAR_WIDTH)
            .max(page.left());
        return egui::pos2(x, first.top() - TOOLBAR_HEIGHT - 4.0);
    }
    if end.right() + 12.0 + TOOLBAR_WIDTH <= page.right() {
        return egui::pos2(end.right() + 12.0, end.center().y - TOOLBAR_HEIGHT / 2.0);
    }
    let below = end.bottom() + 6.0;
    if below + TOOLBAR_HEIGHT <= page.bottom() {
        egui::pos2(
            end.left()
                .min(page.right() - TOOLBAR_WIDTH)
                .max(page.left()),
            below,
        )
    } else {
        egui::pos2(
            end.left(),
            (end.top() - TOOLBAR_HEIGHT - 4.0).max(page.top()),
        )
    }
}

/// Draws the reader's floating extras and turns clicks into commands.
pub(crate) fn reader_extras_ui(
    ui: &mut Ui,
    article: &mut OpenArticle,
    panel: &HighlightsPaneState,
    out: &ReaderOutput,
    commands: &mut Vec<Command>,
) {
    let ctx = ui.ctx().clone();
    let palette = Palette::new(ui.visuals().dark_mode);
    let has_selection = !article.view.selection.is_empty();
    let read_only = article.save.annotations.is_read_only();
    if has_selection
        && !out.selecting
        && !read_only
        && let Some(rect) = out.selection_rect
    {
        let pos = toolbar_pos(ui.clip_rect(), out.selection_start_rect, rect);
        egui::Area::new(Id::unique("selection-toolbar"))
            .order(egui::Order::Foreground)
            .fixed_pos(pos)
            .constrain_to(ui.clip_rect())
            .show(&ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        if ui
                            .button("Highlight")
                            .on_hover_text("Highlight (H)")
                            .clicked()
                        {
                            commands.push(Command::Highlights(HighlightsCommand::Highlight(
                                HighlightColor::Yellow,
                            )));
                        }
                        for (n, color) in HighlightColor::ALL.into_iter().enumerate() {
                            let tip = format!("Highlight {} ({})", color.name(), n + 1);
                            let button = egui::Button::new(
                                RichText::new("  ").background_color(palette.mark_line(color)),
                            )
                            .min_size(vec2(20.0, 20.0));
                            let r = ui.add(button).on_hover_text(&tip);
                            r.widget_info(|| {
                                egui::WidgetInfo::labeled(egui::Role::Button, true, &tip)
                            });
                            if r.clicked() {
                                commands
                                    .push(Command::Highlights(HighlightsCommand::Highlight(color)));
                            }
                        }
                        if ui
                            .button(Action::Copy.label())
                            .on_hover_text(Action::Copy.hover_text())
                            .clicked()
                        {
                            commands.push(Action::Copy.command());
                        }
                    });
                });
            });
    }
    let Some(response) = &out.response else {
        return;
    };
    if let Some(id) = &out.hovered_highlight
        && !out.selecting
        && let Some(entry) = article.save.annotations.get(id)
    {
        let h = entry.highlight.clone();
        response.clone().on_hover_ui_at_pointer(|ui| {
            ui.set_max_width(320.0);
            if h.tags.is_empty() {
                ui.label(RichText::new("No tags").weak());
            } else {
                ui.label(
                    RichText::new(
                        h.tags
                            .iter()
                            .map(|t| format!("#{t}"))
                            .collect::<Vec<_>>()
                            .join("  "),
                    )
                    .strong(),
                );
            }
            if h.note.is_empty() {
                ui.label(RichText::new("No note. Click to edit it in the Highlights pane.").weak());
            } else {
                ui.label(&h.note);
            }
        });
    }
    if response.secondary_clicked() {
        // Remember what the menu is about while it stays open.
        let target = out.hovered_highlight.clone();
        ctx.data_mut(|d| d.insert_temp(Id::unique("context-target"), target));
    }
    if let Some(c) = out.clicked_char {
        let hit = article
            .save
            .annotations
            .overlapping(crate::document::CharRange::new(c.0, c.0 + 1))
            .last()
            .map(|e| e.highlight.id.clone());
        if hit.is_some() || panel.focused.is_some() {
            commands.push(Command::Highlights(HighlightsCommand::FocusHighlight(
                hit,
                Show::InList,
            )));
        }
    }
    response.context_menu(|ui| {
        let target: Option<annotate::HighlightId> = ctx
            .data(|d| d.get_temp(Id::unique("context-target")))
            .flatten();
        if has_selection {
            if ui
                .add_enabled(
                    !read_only,
                    egui::Button::new(format!(
                        "Highlight  ({})",
                        Action::HighlightSelection
                            .shortcut_text()
                            .unwrap_or_default()
                    )),
                )
                .clicked()
            {
                commands.push(Command::Highlights(HighlightsCommand::Highlight(
                    HighlightColor::Yellow,
                )));
                ui.close();
            }
            ui.menu_button("Highlight in colour", |ui| {
                for color in HighlightColor::ALL {
                    let action = Action::HighlightIn(color);
                    if ui
                        .add_enabled(!read_only, egui::Button::new(action.menu_text()))
                        .clicked()
                    {
                        commands.push(action.command());
                        ui.close();
                    }
                }
            });
            if ui.button(Action::Copy.menu_text()).clicked() {
                commands.push(Action::Copy.command());
                ui.close();
            }
        }
        if let Some(id) = target {
            if has_selection {
                ui.separator();
            }
            if ui.button("Edit highlight").clicked() {
                commands.push(Command::Highlights(HighlightsCommand::FocusHighlight(
                    Some(id.clone()),
                    Show::InList,
                )));
                ui.close();
            }
            ui.menu_button("Colour", |ui| {
                for color in HighlightColor::ALL {
                    if ui.button(color.name()).clicked() {
                        commands.push(Command::Highlights(HighlightsCommand::Annotate(
                            annotate::Command::SetColor(id.clone(), color),
                        )));
                        ui.close();
                    }
                }
            });
            if ui
                .add_enabled(!read_only, egui::Button::new("Delete highlight"))
                .clicked()
            {
                commands.push(Command::Highlights(HighlightsCommand::AskDeleteHighlight(
                    id,
                )));
                ui.close();
            }
        } else if !has_selection {
            ui.label(RichText::new("Select text to highlight it").weak());
        }
    });
}

/// The Reader's Contents menu (in its tab bar): the chapter being read,
/// and every heading to jump to, the current one marked. Nothing when the
/// article has fewer than two headings.
pub(crate) fn contents_ui(ui: &mut Ui, app: &mut crate::app::StorylineApp) {
    let Some(article) = app.article.as_ref() else {
        return;
    };
    let outline = &article.outline;
    if outline.len() < 2 {
        return;
    }
    let at = article.view.top_char();
    let current = crate::document::outline::current(outline, at);
    let label = current.map_or_else(
        || "Contents".to_owned(),
        |i| {
            let t = &outline[i].title;
            if t.chars().count() > 36 {
                format!("{}…", t.chars().take(35).collect::<String>().trim_end())
            } else {
                t.clone()
            }
        },
    );
    let mut jump = None;
    ui.menu_button(format!("§ {label}"), |ui| {
        egui::ScrollArea::vertical()
            .max_height(ui.ctx().content_rect().height() * 0.7)
            .show(ui, |ui| {
                for (i, e) in outline.iter().enumerate() {
                    ui.horizontal(|ui| {
                        ui.add_space(f32::from(e.level.saturating_sub(1)) * 12.0);
                        if ui.selectable_label(current == Some(i), &e.title).clicked() {
                            jump = Some(e.start);
                            ui.close();
                        }
                    });
                }
            });
    })
    .response
    .on_hover_text("Chapters and sections: the one you are reading, and where to go");
    if let Some(at) = jump {
        app.commands
            .push(Command::Reader(crate::app::ReaderCommand::JumpTo(at)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Rect, pos2};

    #[test]
    fn the_toolbar_never_covers_the_line_below_the_selection() {
        let page = Rect::from_min_max(pos2(0.0, 0.0), pos2(900.0, 600.0));
        let line = |top: f32, left: f32, right: f32| {
            Rect::from_min_max(pos2(left, top), pos2(right, top + 28.0))
        };
        // A selection in mid page: above its first line.
        let (first, last) = (line(200.0, 100.0, 700.0), line(256.0, 100.0, 400.0));
        let p = toolbar_pos(page, Some(first), last);
        assert!(p.y + TOOLBAR_HEIGHT <= first.top());
        // First line at the top of the page: beside the end of the last line.
        let (first, last) = (line(2.0, 100.0, 700.0), line(30.0, 100.0, 300.0));
        let p = toolbar_pos(page, Some(first), last);
        assert!(p.x >= last.right() && p.y < last.bottom());
        let toolbar = Rect::from_min_size(p, egui::vec2(TOOLBAR_WIDTH, TOOLBAR_HEIGHT));
        assert!(page.contains_rect(toolbar));
        // Nothing below the last line is covered in either case.
        assert!(toolbar.bottom() <= last.bottom() + TOOLBAR_HEIGHT / 2.0);
    }
}
