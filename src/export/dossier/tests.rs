//! The dossier's exports on a small dossier (its fixtures are the
//! dossier's own).

use crate::dossier::fixtures::{dossier, uk_pair};
use crate::dossier::{DossierCommand, History};
use crate::timeline::EventId;

#[test]
fn exports_list_every_source_and_escape_quotes() {
    let mut d = dossier(uk_pair());
    d.events[1].mentions[0].quote =
        "The British government <script>decided</script> on Tuesday".into();
    let mut h = History::default();
    let (one, two) = (EventId("e-1".into()), EventId("e-2".into()));
    h.apply(
        &mut d,
        &DossierCommand::Merge(one, two),
        &crate::credit::Stamp::default(),
    )
    .expect("merge");
    let md = super::markdown(&d);
    assert!(
        md.contains("### January 28, 2020 — UK government decides on Huawei"),
        "{md}"
    );
    assert!(md.contains("2 sources"), "{md}");
    assert!(
        md.contains(
            "expected January 27, 2020 – February 2, 2020 (a.md, Jan 23, 2020), happened January 28, 2020 (b.md, Jan 28, 2020): as expected"
        ),
        "{md}"
    );
    assert!(
        md.contains("*a.md*, January 23, 2020 (expected")
            && md.contains("*b.md*, January 28, 2020 (reported"),
        "{md}"
    );
    assert!(
        md.contains("&lt;script&gt;") && !md.contains("<script>"),
        "{md}"
    );
    let tl: serde_json::Value = serde_json::from_str(&super::timelinejs(&d)).expect("json");
    let slide = &tl["events"][0];
    assert_eq!(slide["start_date"]["day"], 28);
    assert_eq!(slide["group"], "l-uk");
    let text = slide["text"]["text"].as_str().expect("text");
    assert!(
        text.contains("&lt;script&gt;") && !text.contains("<script>"),
        "{text}"
    );
    assert_eq!(text.matches("<blockquote>").count(), 2);
}
