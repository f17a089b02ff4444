//! A long document's Contents, as a reader uses it: the Reader's tab bar
//! names the chapter being read ("Contents" above the first); its menu lists every heading, the current
//! one marked; choosing one goes there and the name follows.

use crate::common;

use std::fmt::Write as _;

use common::window;
use egui_kittest::kittest::Queryable as _;

#[test]
fn the_contents_menu_names_the_chapter_and_jumps_to_another() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut text = String::from("# A long report\n\n");
    for chapter in ["Harbour", "Strike", "Talks", "Settlement"] {
        let _ = write!(text, "## The {chapter}\n\n");
        for i in 0..40 {
            let _ = write!(
                text,
                "Paragraph {i} of the {chapter} chapter, long enough to take a line or two \
                 of the reading column at the usual size.\n\n"
            );
        }
    }
    let file = dir.path().join("report.md");
    std::fs::write(&file, text).expect("write");
    let saves = dir.path().join("saves");
    std::fs::create_dir_all(&saves).expect("saves");
    let mut h = window(Some(&file), &saves, vec![]);
    h.run_steps(2);
    // Above the first heading: the menu is simply "Contents".
    assert!(h.query_by_label("§ Contents").is_some());
    h.get_by_label("§ Contents").click();
    h.run_steps(2);
    h.get_by_label("The Settlement").click();
    h.run_steps(4);
    assert!(
        h.query_by_label("§ The Settlement").is_some(),
        "the reader went there and the name followed"
    );
    let at = h.state().article().expect("open").view.top_char();
    let start = h.state().article().expect("open").outline[3].start;
    assert!(at >= start, "{at:?} before {start:?}");
}
