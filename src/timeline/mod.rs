//! The timeline: lanes (storylines) and events on one date axis, each event
//! linked to the highlights it rests on; dated phrases found in the text.
//!
//! Pure: no egui, no file IO.

pub mod extract;
pub mod when;

pub use extract::{
    DatedPhrase, TimeKind, extract_dates, extract_from_document, for_each_dated_phrase,
};
pub use when::{OpenEnd, Precision, When, parse_user_date};
pub mod lanes;
pub use lanes::{
    Event, EventId, EventKind, Lane, LaneColor, LaneId, keywords_from_name, suggest_lane,
};
pub mod suggest;
pub use suggest::{
    Suggestion, all_suggestions, found_phrases, key_hash, open_suggestions, suggestion_for,
    suggestion_key, title_for,
};
pub mod accept;
pub mod chronology;
pub mod layout;
pub use accept::{
    event_for_highlight, event_for_highlight_dated, phrase_for_range, phrases_for_range,
};
