//! The ids that name things across the model: highlights, lanes and
//! events. A leaf: it imports nothing of the crate, so every room may use
//! it without importing another room.

use serde::{Deserialize, Serialize};

/// A highlight's id: stable across sessions and unique across processes.
///
/// Invariant: non-empty, made of `[a-z0-9-]`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct HighlightId(pub String);

impl HighlightId {
    /// A new id from a time in nanoseconds, the process id and a per-process
    /// counter, mixed so ids made in the same nanosecond by two processes differ.
    #[must_use]
    pub fn from_parts(nanos: i128, pid: u32, counter: u64) -> Self {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in nanos
            .to_le_bytes()
            .iter()
            .chain(pid.to_le_bytes().iter())
            .chain(counter.to_le_bytes().iter())
        {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        Self(format!("h-{:012x}", hash & 0xffff_ffff_ffff))
    }
}

impl std::fmt::Display for HighlightId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A lane's id: stable across sessions.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LaneId(pub String);

/// An event's id: stable across sessions.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EventId(pub String);
