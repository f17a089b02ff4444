//! Third-party parsers on untrusted input: a panic in one is contained and
//! reported as damage naming the file — quietly, without the panic message
//! and backtrace Rust would print to the terminal first.

use std::cell::Cell;
use std::panic::UnwindSafe;
use std::sync::Once;

thread_local! {
    /// True while this thread runs a contained parser.
    static CONTAINED: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`, returning `None` when it panics. The panic prints nothing;
/// panics elsewhere (on other threads, or outside `contained`) print as
/// they always did.
pub fn contained<T>(f: impl FnOnce() -> T + UnwindSafe) -> Option<T> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !CONTAINED.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was = CONTAINED.with(|c| c.replace(true));
    let out = std::panic::catch_unwind(f).ok();
    CONTAINED.with(|c| c.set(was));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_contained_and_the_flag_restored() {
        assert_eq!(contained(|| 2 + 2), Some(4));
        let out: Option<()> = contained(|| panic!("a parser bug"));
        assert!(out.is_none());
        assert!(!CONTAINED.with(Cell::get));
    }
}
