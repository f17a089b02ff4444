//! Files that hold many articles, split into one article file each in a
//! folder beside the dossier (the bundle itself is only read), each with its
//! metadata: an `.mbox` of newsletters (one `.eml` per message), and a
//! news-database export — several articles behind metadata blocks in one
//! TXT, RTF or DOCX (one small `.html` page per article, see
//! [`crate::document::newsdb`]).

use std::path::{Path, PathBuf};

use crate::document::newsdb::{self, BundledArticle};

use super::StoreError;

/// What a bundle holds.
#[derive(Debug)]
pub enum Bundle {
    /// A mailbox: its messages are read when it is split.
    Mbox,
    /// A news-database export and its articles.
    NewsExport(Vec<BundledArticle>),
}

/// The bundle at `path`, if it is one: an `.mbox`, or a TXT, RTF or DOCX
/// file whose paragraphs are a news-database export. Files that cannot be
/// read are not bundles (opening them reports why).
#[must_use]
pub fn bundle(path: &Path) -> Option<Bundle> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "mbox" => Some(Bundle::Mbox),
        "txt" | "text" => {
            let bytes = std::fs::read(path).ok()?;
            let text = String::from_utf8_lossy(&bytes).replace("\r\n", "\n");
            let paragraphs: Vec<String> = text.split("\n\n").map(str::to_owned).collect();
            newsdb::split(&paragraphs).map(|(_, a)| Bundle::NewsExport(a))
        }
        "rtf" | "docx" => {
            let loaded = crate::document::load_path(path).ok()?;
            let doc = &loaded.document;
            let paragraphs: Vec<String> = doc
                .blocks
                .iter()
                .map(|b| doc.block_text(b).to_owned())
                .collect();
            newsdb::split(&paragraphs).map(|(_, a)| Bundle::NewsExport(a))
        }
        _ => None,
    }
}

/// Whether `path` names a bundle Storyline splits.
#[must_use]
pub fn is_bundle(path: &Path) -> bool {
    bundle(path).is_some()
}

/// A bundle split beside a dossier.
#[derive(Debug)]
pub struct Split {
    /// The folder the articles are in.
    pub into: PathBuf,
    /// The article files, in the bundle's order.
    pub files: Vec<PathBuf>,
    /// What they were: "messages" or "articles".
    pub what: &'static str,
}

/// Splits the bundle at `path` into a folder beside `dossier` named after
/// it; `None` when `path` is not a bundle.
///
/// # Errors
/// When the bundle cannot be read or an article cannot be written.
pub fn split_beside(path: &Path, dossier: &Path) -> Result<Option<Split>, StoreError> {
    let Some(bundle) = bundle(path) else {
        return Ok(None);
    };
    let stem = path
        .file_stem()
        .map_or("bundle".into(), |s| s.to_string_lossy().into_owned());
    let into = dossier.parent().unwrap_or(Path::new(".")).join(stem);
    let (files, what) = match bundle {
        Bundle::Mbox => (split_mbox(path, &into)?, "messages"),
        Bundle::NewsExport(articles) => (write_articles(&articles, &into)?, "articles"),
    };
    Ok(Some(Split { into, files, what }))
}

/// Writes each article as a page in `into` (created), named by number and
/// headline; twice writes nothing new.
fn write_articles(articles: &[BundledArticle], into: &Path) -> Result<Vec<PathBuf>, StoreError> {
    std::fs::create_dir_all(into).map_err(|source| StoreError::Io {
        action: "cannot create the folder",
        path: into.to_owned(),
        source,
    })?;
    let mut out = Vec::new();
    for (n, article) in articles.iter().enumerate() {
        let name = format!(
            "{:03}-{}",
            n + 1,
            non_empty(slug(&article.headline), "article")
        );
        out.push(write_new(
            into,
            &name,
            "html",
            newsdb::to_html(article).as_bytes(),
        )?);
    }
    Ok(out)
}

fn non_empty(s: String, or: &str) -> String {
    if s.is_empty() { or.to_owned() } else { s }
}

/// Writes `bytes` as `into/name.ext`; a file already there with the same
/// bytes is reused, one with other bytes is never overwritten (another
/// name is chosen).
fn write_new(into: &Path, name: &str, ext: &str, bytes: &[u8]) -> Result<PathBuf, StoreError> {
    let mut path = into.join(format!("{name}.{ext}"));
    let mut k = 2;
    while let Ok(existing) = std::fs::read(&path) {
        if existing == bytes {
            return Ok(path);
        }
        path = into.join(format!("{name}-{k}.{ext}"));
        k += 1;
    }
    super::atomic_write(&path, bytes)?;
    Ok(path)
}

/// A file-name-safe slug of a subject ("Britain decides — what it means"
/// → "britain-decides-what-it-means"), at most 60 chars.
fn slug(subject: &str) -> String {
    let mut out = String::new();
    for c in subject.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// Splits the mbox at `bundle` into `into` (created), one `.eml` per
/// message, named by number and subject. A file already there with the
/// same bytes is reused (importing twice adds nothing); one with other
/// bytes is never overwritten (another name is chosen). Returns the files,
/// in the bundle's order.
pub fn split_mbox(bundle: &Path, into: &Path) -> Result<Vec<PathBuf>, StoreError> {
    let file = std::fs::File::open(bundle).map_err(|source| StoreError::Io {
        action: "cannot read",
        path: bundle.to_owned(),
        source,
    })?;
    std::fs::create_dir_all(into).map_err(|source| StoreError::Io {
        action: "cannot create the folder",
        path: into.to_owned(),
        source,
    })?;
    let mut out = Vec::new();
    let messages = mail_parser::mailbox::mbox::MessageIterator::new(std::io::BufReader::new(file));
    for (n, message) in messages.enumerate() {
        let message = message.map_err(|source| StoreError::Io {
            action: "cannot read",
            path: bundle.to_owned(),
            source,
        })?;
        let bytes = message.unwrap_contents();
        let subject = mail_parser::MessageParser::default()
            .parse_headers(&bytes)
            .and_then(|m| m.subject().map(slug))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "message".to_owned());
        let path = write_new(into, &format!("{:03}-{subject}", n + 1), "eml", &bytes)?;
        out.push(path);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_mbox_splits_into_one_eml_per_message_and_twice_adds_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mbox = dir.path().join("brief.mbox");
        std::fs::write(
            &mbox,
            "From news@example.org Tue Jan 28 18:05:00 2020\nSubject: Britain decides \u{2014} what it means\nFrom: The Brief <news@example.org>\nDate: Tue, 28 Jan 2020 18:05:00 +0000\n\nBritain decided on Tuesday.\n\nFrom news@example.org Fri Apr 23 09:00:00 2021\nSubject: The German vote\nDate: Fri, 23 Apr 2021 09:00:00 +0200\n\nThe Bundestag voted on Friday.\n",
        )
        .expect("write");
        let into = dir.path().join("brief");
        let files = split_mbox(&mbox, &into).expect("split");
        let names: Vec<String> = files
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        assert_eq!(
            names,
            [
                "001-britain-decides-what-it-means.eml",
                "002-the-german-vote.eml"
            ]
        );
        let again = split_mbox(&mbox, &into).expect("split");
        assert_eq!(again, files);
        assert_eq!(std::fs::read_dir(&into).expect("dir").count(), 2);
        // The bundle itself is untouched.
        assert!(
            std::fs::read_to_string(&mbox)
                .expect("read")
                .starts_with("From news@")
        );
    }
}
