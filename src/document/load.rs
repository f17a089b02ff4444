//! The IO boundary for articles: reads a file, checks it is a readable text
//! article, decodes it, and picks the loader by extension and content.
//!
//! Storyline never writes to an article file.

use std::path::{Path, PathBuf};

use thiserror::Error;

use super::{Document, builder::Builder, html, markdown, plain};

/// The largest article Storyline opens, in bytes.
pub const MAX_ARTICLE_BYTES: u64 = 64 * 1_000_000;

/// Why an article could not be opened. Every message names the file.
#[derive(Debug, Error)]
pub enum LoadError {
    /// No file at that path.
    #[error("no such file: {}", .0.display())]
    NotFound(PathBuf),
    /// The path is a folder.
    #[error("is a folder, not an article: {}", .0.display())]
    IsFolder(PathBuf),
    /// The file exists but cannot be read.
    #[error("cannot read {}: {source}", .path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
    /// The file has no content.
    #[error("the file is empty: {}", .0.display())]
    Empty(PathBuf),
    /// The file holds no readable text after parsing (only markup, say).
    #[error("the file has no readable text: {}", .0.display())]
    NoText(PathBuf),
    /// The file looks binary (NUL bytes).
    #[error("not a text article (binary data): {}", .0.display())]
    Binary(PathBuf),
    /// The file is of a format Storyline reads but is damaged.
    #[error("cannot read {}: {why}", .path.display())]
    Damaged {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        why: String,
    },
    /// The file is larger than Storyline opens.
    #[error("too large to open ({} MB; the limit is {} MB): {}", .size / 1_000_000, MAX_ARTICLE_BYTES / 1_000_000, .path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
    },
}

/// Extensions of the files Storyline opens as articles (for dialogs,
/// folders added to a dossier, and finding moved articles).
pub const ARTICLE_EXTENSIONS: [&str; 12] = [
    "md", "markdown", "txt", "html", "htm", "eml", "mht", "mhtml", "epub", "docx", "rtf", "pdf",
];

/// The source formats Storyline reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceFormat {
    /// Markdown (`.md`, `.markdown`).
    Markdown,
    /// Plain text (`.txt` and unknown extensions).
    Text,
    /// HTML (`.html`, `.htm`, or content that starts like HTML).
    Html,
}

/// The kind of file an article was read from, as `storyline info` and the
/// window report it (the text parsers' [`SourceFormat`] is only the last
/// step for some of them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileFormat {
    /// Markdown.
    Markdown,
    /// Plain text.
    Text,
    /// A web page.
    Html,
    /// A saved web page (MHTML).
    Mhtml,
    /// An e-mail.
    Email,
    /// A PDF's text layer.
    Pdf,
    /// An EPUB book.
    Epub,
    /// A Word document.
    Docx,
    /// Rich Text Format.
    Rtf,
}

impl FileFormat {
    /// Its name in `storyline info --json` (`pdf`, `epub`, …).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Markdown => "markdown",
            Self::Text => "text",
            Self::Html => "html",
            Self::Mhtml => "mhtml",
            Self::Email => "email",
            Self::Pdf => "pdf",
            Self::Epub => "epub",
            Self::Docx => "docx",
            Self::Rtf => "rtf",
        }
    }
}

impl From<SourceFormat> for FileFormat {
    fn from(f: SourceFormat) -> Self {
        match f {
            SourceFormat::Markdown => Self::Markdown,
            SourceFormat::Text => Self::Text,
            SourceFormat::Html => Self::Html,
        }
    }
}

impl SourceFormat {
    /// The format for a path's extension, sniffing `content` when the extension says nothing.
    #[must_use]
    pub fn detect(path: &Path, content: &str) -> Self {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        match ext.as_str() {
            "md" | "markdown" | "mdown" | "mkd" | "mkdn" => Self::Markdown,
            "html" | "htm" | "xhtml" => Self::Html,
            "txt" | "text" => Self::Text,
            _ => {
                let head: String = content
                    .trim_start()
                    .chars()
                    .take(64)
                    .collect::<String>()
                    .to_ascii_lowercase();
                if head.starts_with("<!doctype html") || head.starts_with("<html") {
                    Self::Html
                } else {
                    Self::Text
                }
            }
        }
    }
}

/// A document and what the user should know about how it was read.
#[derive(Debug)]
pub struct LoadedDocument {
    /// The document.
    pub document: Document,
    /// The kind of file it was read from.
    pub format: FileFormat,
    /// Things that went wrong but did not stop loading (e.g. invalid UTF-8).
    pub warnings: Vec<String>,
}

/// Builds a document from already decoded source text. Pure.
///
/// `name` (the file name without extension) is the title of last resort.
#[must_use]
pub fn parse_source(source: &str, format: SourceFormat, name: &str) -> Document {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut b = Builder::default();
    match format {
        SourceFormat::Markdown => markdown::build(source, &mut b),
        SourceFormat::Text => plain::build(source, &mut b),
        SourceFormat::Html => {
            let meta = html::build(source, &mut b, name);
            return b.into_document(meta);
        }
    }
    b.into_detected_document(name)
}

/// Decodes bytes as text: UTF-8, UTF-16 with a BOM, else the charset an
/// HTML file declares, else Windows-1252 (what "Latin-1" text almost
/// always is), with a warning naming the encoding used.
fn decode(bytes: &[u8], path: &Path, warnings: &mut Vec<String>) -> Result<String, LoadError> {
    let utf16 = |le: bool| {
        let units = bytes[2..].chunks_exact(2).map(|c| {
            if le {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        });
        char::decode_utf16(units)
            .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect::<String>()
    };
    match bytes {
        [0xFF, 0xFE, ..] => return Ok(utf16(true)),
        [0xFE, 0xFF, ..] => return Ok(utf16(false)),
        _ => {}
    }
    // Trailing NULs are padding (Windows' RichEdit ends RTF files so), not
    // binary data.
    let bytes = &bytes[..bytes.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1)];
    if bytes.iter().take(64 * 1024).any(|&b| b == 0) {
        return Err(LoadError::Binary(path.to_owned()));
    }
    match String::from_utf8(bytes.to_vec()) {
        Ok(s) => Ok(s),
        Err(e) => {
            let bytes = e.into_bytes();
            let encoding = declared_charset(&bytes)
                .filter(|enc| *enc != encoding_rs::UTF_8)
                .unwrap_or(encoding_rs::WINDOWS_1252);
            let (text, _, had_errors) = encoding.decode(&bytes);
            let lossy = if had_errors {
                "; undecodable bytes are shown as �"
            } else {
                ""
            };
            warnings.push(format!(
                "{} is not UTF-8: read as {}{lossy}.",
                path.display(),
                encoding.name()
            ));
            Ok(text.into_owned())
        }
    }
}

/// The encoding an HTML or XML file declares in its first 2 KB
/// (`<meta charset=…>`, `content="…; charset=…"`, `encoding="…"`).
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    ["charset=", "encoding="].iter().find_map(|key| {
        let at = head.find(key)? + key.len();
        let label: String = head[at..]
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
            .collect();
        encoding_rs::Encoding::for_label(label.as_bytes())
    })
}

/// Reads and parses the article at `path`.
///
/// # Errors
/// A [`LoadError`] naming the file when it is missing, a folder, unreadable,
/// empty, binary, too large, or holds no text.
pub fn load_path(path: &Path) -> Result<LoadedDocument, LoadError> {
    load_path_with_preview(path, &mut |_| {})
}

/// Reads and parses the article at `path` as [`load_path`] does; a long
/// PDF hands its first pages to `preview` first (see
/// [`super::pdf::parse_pdf_with_preview`]).
///
/// # Errors
/// As [`load_path`].
pub fn load_path_with_preview(
    path: &Path,
    preview: &mut dyn FnMut(super::pdf::Preview),
) -> Result<LoadedDocument, LoadError> {
    let unreadable = |source| LoadError::Unreadable {
        path: path.to_owned(),
        source,
    };
    let metadata = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound(path.to_owned()),
        _ => unreadable(e),
    })?;
    if metadata.is_dir() {
        return Err(LoadError::IsFolder(path.to_owned()));
    }
    if metadata.len() > MAX_ARTICLE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size: metadata.len(),
        });
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty(path.to_owned()));
    }
    let mut warnings = Vec::new();
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if ext == "epub" || ext == "docx" || ext == "pdf" || bytes.starts_with(b"%PDF-") {
        let (document, format) = if ext == "epub" {
            (super::epub::parse_epub(&bytes, path)?, FileFormat::Epub)
        } else if ext == "pdf" || bytes.starts_with(b"%PDF-") {
            (
                super::pdf::parse_pdf_with_preview(&bytes, path, preview)?,
                FileFormat::Pdf,
            )
        } else {
            (super::docx::parse_docx(&bytes, path)?, FileFormat::Docx)
        };
        // A book or a page whose only line is its title (a one-line form,
        // a test page) still has text to read.
        let text = document
            .blocks
            .iter()
            .any(|b| !document.block_text(b).trim().is_empty());
        if !text {
            return Err(LoadError::NoText(path.to_owned()));
        }
        return Ok(LoadedDocument {
            document,
            format,
            warnings,
        });
    }
    if let Some(kind) = super::mail::MimeKind::of(path) {
        let (document, _) = super::mail::parse_mime(&bytes, path, kind)?;
        let format = match kind {
            super::mail::MimeKind::Email => FileFormat::Email,
            super::mail::MimeKind::WebArchive => FileFormat::Mhtml,
        };
        let body = document
            .blocks
            .iter()
            .any(|b| !matches!(b.kind, super::BlockKind::Title | super::BlockKind::Dateline));
        if !body {
            return Err(LoadError::NoText(path.to_owned()));
        }
        return Ok(LoadedDocument {
            document,
            format,
            warnings,
        });
    }
    let source = decode(&bytes, path, &mut warnings)?;
    if ext == "rtf" || source.starts_with("{\\rtf") {
        let document = super::rtf::parse_rtf(&source, path)?;
        if document.blocks.is_empty() {
            return Err(LoadError::NoText(path.to_owned()));
        }
        return Ok(LoadedDocument {
            document,
            format: FileFormat::Rtf,
            warnings,
        });
    }
    let format = SourceFormat::detect(path, &source);
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let document = parse_source(&source, format, &name);
    let only_heading = format == SourceFormat::Html
        && document
            .blocks
            .iter()
            .all(|b| matches!(b.kind, super::BlockKind::Title | super::BlockKind::Dateline));
    if document.blocks.is_empty() || only_heading {
        return Err(LoadError::NoText(path.to_owned()));
    }
    Ok(LoadedDocument {
        document,
        format: format.into(),
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).expect("write");
        p
    }

    #[test]
    fn bad_inputs_give_errors_naming_the_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let missing = dir.path().join("missing.md");
        let cases: Vec<(PathBuf, &str)> = vec![
            (missing, "no such file"),
            (dir.path().to_owned(), "is a folder"),
            (write(&dir, "empty.md", b""), "empty"),
            (write(&dir, "blank.txt", b" \n\n "), "empty"),
            (write(&dir, "bin.txt", b"PK\x03\x04\x00\x00abc"), "binary"),
            (
                write(&dir, "tags.html", b"<html><script>x</script></html>"),
                "no readable text",
            ),
        ];
        for (path, want) in cases {
            let err = load_path(&path).expect_err("must fail").to_string();
            assert!(err.contains(want), "{err}");
            assert!(err.contains(&path.display().to_string()), "{err}");
        }
    }

    #[test]
    fn trailing_nuls_are_padding_not_binary_data() {
        let dir = tempfile::tempdir().expect("tempdir");
        // As Windows' RichEdit (WordPad) writes RTF: a NUL at the end.
        let p = write(
            &dir,
            "wordpad.rtf",
            b"{\\rtf1\\ansi This is a simple one paragraph document.\\par}\0",
        );
        let doc = load_path(&p).expect("reads").document;
        assert!(doc.text.contains("simple one paragraph"), "{:?}", doc.text);
        let p = write(&dir, "nul.txt", b"Plain text.\n\0\0");
        assert!(load_path(&p).is_ok());
    }

    #[test]
    fn latin1_text_is_read_as_windows_1252_and_says_so() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = write(
            &dir,
            "latin1.txt",
            b"Caf\xe9 society \x93quoted\x94\n\nSecond",
        );
        let loaded = load_path(&p).expect("loads");
        assert_eq!(loaded.document.text, "Café society “quoted”\n\nSecond");
        assert!(loaded.warnings[0].contains("latin1.txt is not UTF-8: read as windows-1252"));
    }

    #[test]
    fn html_declaring_its_charset_is_read_in_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = write(
            &dir,
            "koi8.html",
            b"<html><head><meta charset=\"koi8-r\"><title>t</title></head><body><p>\xf0\xd2\xc9\xd7\xc5\xd4</p></body></html>",
        );
        let loaded = load_path(&p).expect("loads");
        assert!(
            loaded.document.text.contains("Привет"),
            "{}",
            loaded.document.text
        );
        assert!(
            loaded.warnings[0].contains("KOI8-R"),
            "{:?}",
            loaded.warnings
        );
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Hi there".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let p = write(&dir, "u16.txt", &bytes);
        assert_eq!(load_path(&p).expect("loads").document.text, "Hi there");
    }

    #[test]
    fn format_is_sniffed_when_extension_is_unknown() {
        let p = Path::new("page");
        assert_eq!(
            SourceFormat::detect(p, "  <!DOCTYPE html><p>x"),
            SourceFormat::Html
        );
        assert_eq!(SourceFormat::detect(p, "just words"), SourceFormat::Text);
        assert_eq!(
            SourceFormat::detect(Path::new("a.MD"), ""),
            SourceFormat::Markdown
        );
    }
}
