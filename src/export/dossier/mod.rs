//! The dossier's exports: every event with its sources, as Markdown and
//! `TimelineJS` (`text.rs`), an HTML page, an SVG picture, a CSV table and W3C
//! JSON-LD (`publish.rs`), and Obsidian notes (`notes.rs`). Pure: the
//! formats that need each article's highlights take them as arguments
//! (`store::dossier_io` reads them).

pub mod notes;
pub mod publish;
pub mod text;

pub use publish::{ArticleAnnotations, csv, html, json, svg};
pub use text::{markdown, timelinejs};

#[cfg(test)]
mod tests;
