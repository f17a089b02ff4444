//! Measures a window from outside its process, as a person sees it: the
//! time from a key press to the first changed picture on the X screen.
//! Used by `benches/idle.sh`; works on any X window (Storyline, mousepad,
//! Okular), so they are measured the same way.
//!
//! ```text
//! xprobe key-latency WINDOW_ID [RUNS] [KEYSYM]  # ms from key to changed screen, one per line
//!                                               # (default keys: Page Down, Page Up, in turn)
//! xprobe unfocus                                # give the keyboard focus to nobody
//! XPROBE_VERBOSE=1 xprobe key-latency …           # also say when each key was sent (Unix ms,
//!                                               # to match STORYLINE_TRACE's marks)
//! ```
//!
//! The key is sent with the XTEST extension (as `xdotool key` does) from this
//! process, so no process start-up is counted; the screen is read with
//! `GetImage` every half millisecond or so (three thin strips of the window,
//! well under a millisecond per look, which bounds the error).

#![expect(
    clippy::print_stdout,
    reason = "a measuring tool: its figures go to standard output"
)]

use std::time::{Duration, Instant};

use x11rb::connection::Connection as _;
use x11rb::protocol::xproto::{
    ConnectionExt as _, ImageFormat, InputFocus, KEY_PRESS_EVENT, KEY_RELEASE_EVENT, Window,
};
use x11rb::protocol::xtest::ConnectionExt as _;
use x11rb::wrapper::ConnectionExt as _;

/// Rows in each strip of the window that is watched for a change.
const STRIP_ROWS: u16 = 6;
/// `XK_Next`, the Page Down key.
const XK_NEXT: u32 = 0xff56;
/// `XK_Prior`, the Page Up key.
const XK_PRIOR: u32 = 0xff55;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("key-latency") => key_latency(&args[1..]),
        Some("unfocus") => unfocus(),
        _ => Err("usage: xprobe key-latency WINDOW_ID [RUNS] [KEYSYM] | xprobe unfocus".into()),
    };
    if let Err(e) = result {
        eprintln!("xprobe: {e}");
        std::process::exit(1);
    }
}

type Error = Box<dyn std::error::Error>;

fn parse_id(text: &str) -> Result<u32, Error> {
    Ok(match text.strip_prefix("0x") {
        Some(hex) => u32::from_str_radix(hex, 16)?,
        None => text.parse()?,
    })
}

fn unfocus() -> Result<(), Error> {
    let (conn, _) = x11rb::connect(None)?;
    conn.set_input_focus(InputFocus::NONE, x11rb::NONE, x11rb::CURRENT_TIME)?;
    conn.sync()?;
    Ok(())
}

fn key_latency(args: &[String]) -> Result<(), Error> {
    let window: Window = parse_id(args.first().ok_or("WINDOW_ID is missing")?)?;
    let runs: usize = args.get(1).map_or(Ok(5), |s| s.parse())?;
    // By default Page Down and Page Up in turn, so a short article never
    // runs out of pages.
    let keysyms = match args.get(2) {
        Some(s) => vec![parse_id(s)?],
        None => vec![XK_NEXT, XK_PRIOR],
    };
    let (conn, screen_num) = x11rb::connect(None)?;
    let root = conn.setup().roots[screen_num].root;
    let keycodes = keysyms
        .iter()
        .map(|&k| keycode_for(&conn, k))
        .collect::<Result<Vec<_>, _>>()?;
    let geometry = conn.get_geometry(window)?.reply()?;
    // Three thin strips across the window (at 30, 50 and 70 % of its
    // height): a page turn redraws at least one of them, and grabbing so
    // little keeps the X server free to draw what the app sends it.
    let (w, h) = (geometry.width, geometry.height);
    let strips: Vec<i16> = [3, 5, 7]
        .iter()
        .map(|tenths| i16::try_from(h / 10 * tenths).unwrap_or(i16::MAX))
        .collect();
    let grab = || -> Result<Vec<u8>, Error> {
        let mut pixels = Vec::new();
        for &y in &strips {
            let reply = conn
                .get_image(ImageFormat::Z_PIXMAP, window, 0, y, w, STRIP_ROWS, u32::MAX)?
                .reply()?;
            pixels.extend_from_slice(&reply.data);
        }
        Ok(pixels)
    };
    conn.set_input_focus(InputFocus::PARENT, window, x11rb::CURRENT_TIME)?;
    conn.sync()?;
    std::thread::sleep(Duration::from_millis(300));
    for run in 0..runs {
        let keycode = keycodes[run % keycodes.len()];
        let before = grab()?;
        let started = Instant::now();
        if std::env::var_os("XPROBE_VERBOSE").is_some() {
            let unix = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_millis());
            eprintln!("key sent at unix ms {unix}");
        }
        conn.xtest_fake_input(KEY_PRESS_EVENT, keycode, 0, root, 0, 0, 0)?;
        conn.xtest_fake_input(KEY_RELEASE_EVENT, keycode, 0, root, 0, 0, 0)?;
        conn.flush()?;
        let mut latency = None;
        while started.elapsed() < Duration::from_secs(3) {
            if grab()? != before {
                latency = Some(started.elapsed());
                break;
            }
            std::thread::sleep(Duration::from_micros(500));
        }
        match latency {
            Some(d) => println!("{:.1}", d.as_secs_f64() * 1000.0),
            None => println!("timeout"),
        }
        // Let the window settle before the next press.
        std::thread::sleep(Duration::from_millis(500));
    }
    Ok(())
}

/// The keycode that produces `keysym` without modifiers.
fn keycode_for(conn: &impl x11rb::connection::Connection, keysym: u32) -> Result<u8, Error> {
    let setup = conn.setup();
    let (min, max) = (setup.min_keycode, setup.max_keycode);
    let map = conn.get_keyboard_mapping(min, max - min + 1)?.reply()?;
    let per = usize::from(map.keysyms_per_keycode);
    map.keysyms
        .chunks(per.max(1))
        .position(|syms| syms.first() == Some(&keysym))
        .and_then(|i| u8::try_from(i).ok())
        .map(|i| min + i)
        .ok_or_else(|| format!("no key produces keysym {keysym:#x}").into())
}
