//! The readers: one module per file format, each turning its bytes into a
//! `Document` through `builder::Builder` (see `docs/formats.md` for what
//! each keeps and drops). Which reader a file gets is `load.rs`'s choice.

pub mod docx;
pub mod epub;
pub(crate) mod html;
pub(crate) mod html_clean;
pub mod mail;
pub(crate) mod markdown;
pub(crate) mod mathml;
pub mod newsdb;
pub mod pdf;
pub(crate) mod pdf_layout;
pub(crate) mod pdf_words;
pub(crate) mod plain;
pub mod rtf;
