//! A file picker that answers with prepared outcomes: the test double
//! for the native dialog, kept out of the shipped app. Shared by the
//! integration tests (through `tests/common`) and the benchmarks.

#![allow(dead_code)]

use storyline::app::picker::{FilePicker, PickOutcome, PickRequest};

/// A picker that answers with prepared outcomes, for tests.
#[derive(Default)]
pub struct ScriptedPicker {
    /// Outcomes to give, in order.
    pub outcomes: std::collections::VecDeque<PickOutcome>,
    started: usize,
    answered: usize,
}

impl ScriptedPicker {
    /// A picker that will answer `outcomes` in order.
    #[must_use]
    pub fn new(outcomes: impl IntoIterator<Item = PickOutcome>) -> Self {
        Self {
            outcomes: outcomes.into_iter().collect(),
            started: 0,
            answered: 0,
        }
    }
}

impl FilePicker for ScriptedPicker {
    fn start(&mut self, _ctx: &egui::Context, _request: PickRequest) {
        self.started += 1;
    }

    fn poll(&mut self) -> Option<PickOutcome> {
        if self.answered < self.started {
            self.answered += 1;
            return Some(self.outcomes.pop_front().unwrap_or(PickOutcome::Cancelled));
        }
        None
    }

    fn busy(&self) -> bool {
        self.answered < self.started
    }
}
