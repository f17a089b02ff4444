//! Files that hold many articles: an `.mbox` of newsletters is split into
//! one `.eml` per message in a folder beside the dossier (the bundle itself
//! is only read), so each message is an article of its own, with its
//! headers as its metadata.

use std::path::{Path, PathBuf};

use super::StoreError;

/// Whether `path` names a bundle Storyline splits.
#[must_use]
pub fn is_bundle(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("mbox"))
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
        let mut path = into.join(format!("{:03}-{subject}.eml", n + 1));
        let mut k = 2;
        while let Ok(existing) = std::fs::read(&path) {
            if existing == bytes {
                break;
            }
            path = into.join(format!("{:03}-{subject}-{k}.eml", n + 1));
            k += 1;
        }
        if !path.exists() {
            super::atomic_write(&path, &bytes)?;
        }
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
