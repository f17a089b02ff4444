//! One article's annotations as the app and the CLI use them: the save
//! handle plus the anchored model, and the conversions between them.

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use super::StoreError;
use super::saves::{ArticleIdentity, SAVE_VERSION, SaveFile, SaveHandle, identity_path};
use crate::annotate::{Annotations, HighlightId};
use crate::document::Document;

/// The identity written into the article's save.
#[must_use]
pub fn identity_for(doc: &Document, article: &Path, saves_dir: &Path) -> ArticleIdentity {
    ArticleIdentity {
        path: identity_path(article, &super::saves::saves_for(article, saves_dir)),
        title: doc.meta.title.clone(),
        published: doc.meta.published.map(|d| d.to_string()),
        fingerprint: doc.fingerprint(),
    }
}

/// Opens the save of `article` in `saves_dir` and anchors its highlights to
/// `doc`. A save from a newer version gives read-only annotations.
pub fn open_annotations(
    saves_dir: &Path,
    article: &Path,
    doc: &Document,
) -> Result<(SaveHandle, Annotations, ArticleIdentity), StoreError> {
    let identity = identity_for(doc, article, saves_dir);
    let (handle, save) = SaveHandle::open(saves_dir, article, &identity)?;
    let mut annotations = Annotations::default();
    if let Some(save) = save {
        apply_save(&mut annotations, save, &doc.text);
    }
    annotations.set_read_only(handle.read_only);
    Ok((handle, annotations, identity))
}

/// The save file for the current annotations of `doc`.
#[must_use]
pub fn save_file(
    identity: &ArticleIdentity,
    annotations: &Annotations,
    doc: &Document,
) -> SaveFile {
    SaveFile {
        version: SAVE_VERSION,
        article: identity.clone(),
        highlights: annotations.to_highlights(&doc.text),
        lanes: annotations.lanes().to_vec(),
        events: annotations.events().to_vec(),
        dismissed: annotations.dismissed(),
        removed: annotations.removed(),
    }
}

/// Loads a save's content into `annotations` (keeping its undo history),
/// anchoring the highlights to `text`.
pub fn apply_save(annotations: &mut Annotations, save: SaveFile, text: &str) {
    annotations.replace_all(save.highlights, text);
    annotations.replace_timeline(save.lanes, save.events, save.dismissed);
    annotations.set_removed(save.removed);
}

/// A fresh highlight id: unique across processes and calls.
#[must_use]
pub fn new_highlight_id() -> HighlightId {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = jiff::Timestamp::now().as_nanosecond();
    HighlightId::from_parts(
        nanos,
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
    )
}

/// Now, to the second (saves stay short and diff well).
#[must_use]
pub fn now() -> jiff::Timestamp {
    let now = jiff::Timestamp::now();
    jiff::Timestamp::from_second(now.as_second()).unwrap_or(now)
}
