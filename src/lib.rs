//! Storyline: read news articles closely, highlight and annotate them, and
//! build a side-by-side timeline of their storylines.
//!
//! Data flows one way: file → [`document::Document`] → annotations → timeline →
//! export. The model modules are pure; `app` is the egui shell around them.

pub mod annotate;
pub mod app;
pub mod cli;
pub mod credit;
pub mod document;
pub mod dossier;
pub mod export;
pub mod ids;
pub mod store;
pub mod timeline;
pub mod trace;
pub mod wording;
