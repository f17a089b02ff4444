//! Timing marks for the launch benchmark: with `STORYLINE_TRACE=1`, the
//! window prints `storyline-trace LABEL MILLISECONDS` lines to standard error
//! (milliseconds since the process started).

use std::sync::OnceLock;
use std::time::Instant;

static START: OnceLock<Instant> = OnceLock::new();
static ENABLED: OnceLock<bool> = OnceLock::new();

/// Marks the process start (call first thing in `main`).
pub fn start() {
    START.get_or_init(Instant::now);
}

/// True when tracing was asked for.
#[must_use]
pub fn enabled() -> bool {
    *ENABLED.get_or_init(|| std::env::var_os("STORYLINE_TRACE").is_some())
}

/// Milliseconds since [`start`].
#[must_use]
pub fn elapsed_ms() -> f64 {
    START.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
}

/// Prints a mark when tracing is on: the label, milliseconds since the
/// process started, and the wall-clock time in Unix milliseconds (so a
/// script that started the process can measure from its own clock).
pub fn mark(label: &str) {
    if enabled() {
        let unix_ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        eprintln!("storyline-trace {label} {:.2} {unix_ms}", elapsed_ms());
    }
}
