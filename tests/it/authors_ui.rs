//! Who did what, in the window: the name set once (File ▸ Your Name…) goes
//! on what this user adds; the Highlights pane shows each highlight's
//! writer and filters by them; exports carry the names.

use crate::common;
use crate::common::SAMPLE;

use egui::Key;
use egui_kittest::kittest::Queryable as _;
use storyline::annotate::{Command as A, Highlight, HighlightColor, HighlightId, Selector};
use storyline::app::{Command, HighlightsCommand};

/// The CLI as `who`.
fn annotate_as(saves: &std::path::Path, who: &str, quote: &str) {
    let out = common::storyline_as(
        saves,
        who,
        &["annotate", SAMPLE, "--quote", quote, "--note", "checked"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn names_are_shown_filtered_set_and_recorded() {
    let saves = tempfile::tempdir().expect("tempdir");
    annotate_as(saves.path(), "Ana Lima", "restrict but not forbid");
    annotate_as(saves.path(), "Ben Okafor", "Where Germany goes");
    let mut h = common::window(Some(std::path::Path::new(SAMPLE)), saves.path(), vec![]);
    let credits: Vec<String> = common::annotations(&h)
        .entries()
        .iter()
        .map(|e| e.highlight.credit.describe())
        .collect();
    assert_eq!(credits, ["Ana Lima", "Ben Okafor"]);

    // "By": everyone, or one person's.
    h.get_by(|n| n.value().as_deref() == Some("Everyone"))
        .click();
    h.run_steps(2);
    h.get_by_label("Ben Okafor (1)").click();
    h.run_steps(3);
    h.get_by_label("Showing 1 of 2 highlights");

    // The name set in the window goes on what this user adds from now on.
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label("Your Name…").click();
    h.run_steps(2);
    // The field has the focus when the dialog opens.
    h.event(egui::Event::Text("Cai Chen".into()));
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert_eq!(h.state().author(), Some("Cai Chen"));
    let article = h.state().article().expect("article");
    let text = article.doc.text.clone();
    let start = text.find("Huawei is the world").expect("quote");
    let index = storyline::document::TextIndex::new(&text);
    let range = storyline::document::CharRange::new(
        text[..start].chars().count(),
        text[..start].chars().count() + 19,
    );
    let new = Highlight::new(
        HighlightId("h-cai".into()),
        Selector::from_range(&index, range),
        HighlightColor::Green,
        jiff::Timestamp::now(),
    );
    h.state_mut()
        .send(Command::Highlights(HighlightsCommand::Annotate(A::Add(
            new,
        ))));
    // Cai edits Ana's note: Ana made it, Cai changed it last.
    let ana = h
        .state()
        .article()
        .expect("article")
        .save
        .annotations
        .entries()[0]
        .highlight
        .id
        .clone();
    h.state_mut()
        .send(Command::Highlights(HighlightsCommand::Annotate(
            A::SetNote(ana, "checked twice".into()),
        )));
    h.run_steps(3);
    let ann = common::annotations(&h);
    let cai = ann.get(&HighlightId("h-cai".into())).expect("added");
    assert_eq!(cai.highlight.credit.author.as_deref(), Some("Cai Chen"));
    assert_eq!(
        ann.entries()[0].highlight.credit.describe(),
        "Ana Lima, edited by Cai Chen"
    );
    h.state_mut().flush_annotations();

    // Exports carry the names: W3C creator, CSV columns, Markdown lines.
    let out = common::storyline(saves.path(), &["export", SAMPLE, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let names: Vec<&str> = json["first"]["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|a| a["creator"]["name"].as_str())
        .collect();
    assert_eq!(names, ["Ana Lima", "Cai Chen", "Ben Okafor"]);
    let edited: Vec<&str> = json["first"]["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|a| a["storyline:editedBy"]["name"].as_str())
        .collect();
    assert_eq!(edited, ["Cai Chen"]);
    let md = common::storyline(saves.path(), &["export", SAMPLE, "--format", "md"]);
    let md = String::from_utf8(md.stdout).expect("utf-8");
    assert!(md.contains("> — Ana Lima, edited by Cai Chen"), "{md}");
}
