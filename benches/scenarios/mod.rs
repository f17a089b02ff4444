//! The benchmark scenarios, shared by `cargo bench` (divan) and the summary
//! printer (`cargo run --release --example perf_summary`). Every figure runs
//! the real code path on deterministic generated workloads.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use storyline::annotate::Annotations;
#[path = "../../tests/it/common/picker.rs"]
pub mod picker;
use picker::ScriptedPicker;
use storyline::app::{
    AppOptions, Command, HighlightsCommand, ReaderCommand, StorylineApp, TimelineCommand,
    WorkspaceCommand,
};
use storyline::document::{CharIdx, CharRange, Document, load_path};
use storyline::store::AppState;
use storyline::store::article::{open_annotations, save_file};
use storyline::store::saves::SaveHandle;

/// Size of the book-scale article.
pub const BIG_BYTES: usize = 5_000_000;
/// Highlights and events of the big workload.
pub const HIGHLIGHTS: usize = 10_000;
pub const EVENTS: usize = 500;
pub const LANES: usize = 5;

/// A workload on disk: the article and a saves folder holding its annotations.
pub struct Workload {
    pub dir: tempfile::TempDir,
    pub article: PathBuf,
    pub saves: PathBuf,
    pub source: String,
    pub doc: Document,
    pub annotations: Annotations,
}

impl Workload {
    /// The ~5 MB article with 10 000 highlights and 500 events in 5 lanes.
    pub fn big() -> Self {
        let source = crate::workloads::big_markdown(BIG_BYTES, 42);
        Self::from_source("big.md", source, HIGHLIGHTS, EVENTS)
    }

    /// The bundled sample with its shipped save.
    pub fn sample() -> Self {
        let source = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/articles/huawei-5g-2020-01-23.md"),
        )
        .expect("sample");
        let w = Self::from_source("huawei-5g-2020-01-23.md", source, 0, 0);
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/huawei-5g-2020-01-23.ron"),
            w.saves.join("huawei-5g-2020-01-23.ron"),
        )
        .expect("sample save");
        let (_, annotations, _) = open_annotations(&w.saves, &w.article, &w.doc).expect("open");
        Self { annotations, ..w }
    }

    /// A crowded timeline: 2 000 events over two and a half years in 5
    /// lanes, with 4 000 highlights in a 600 KB article.
    pub fn crowded_timeline() -> Self {
        let source = crate::workloads::big_markdown(600_000, 7);
        Self::from_source("timeline.md", source, 4_000, 2_000)
    }

    fn from_source(name: &str, source: String, highlights: usize, events: usize) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let article = dir.path().join(name);
        std::fs::write(&article, &source).expect("write article");
        let saves = dir.path().join("saves");
        let doc = load_path(&article).expect("load").document;
        let annotations = if highlights > 0 {
            crate::workloads::annotations(&doc, highlights, events, LANES)
        } else {
            Annotations::default()
        };
        if highlights > 0 {
            let (mut handle, _, identity) = open_annotations(&saves, &article, &doc).expect("open");
            handle
                .write(&save_file(&identity, &annotations, &doc))
                .expect("save");
        } else {
            std::fs::create_dir_all(&saves).expect("saves");
        }
        Self {
            dir,
            article,
            saves,
            source,
            doc,
            annotations,
        }
    }

    /// The app opened on this workload, as the window would be.
    pub fn app(&self) -> StorylineApp {
        StorylineApp::new(AppOptions {
            state_path: None,
            state: AppState::default(),
            initial: Some((
                self.article.clone(),
                load_path(&self.article).expect("load"),
            )),
            picker: Box::new(ScriptedPicker::new(vec![])),
            saves_dir: self.saves.clone(),
        })
    }
}

/// A headless window: the real app UI run by `Context::run_ui` and
/// tessellated, as eframe does each frame (minus the GPU upload).
pub struct Frames {
    pub ctx: egui::Context,
    pub app: StorylineApp,
    time: f64,
    pub size: egui::Vec2,
}

impl Frames {
    pub fn new(app: StorylineApp) -> Self {
        let mut f = Self {
            ctx: egui::Context::default(),
            app,
            time: 0.0,
            size: egui::vec2(1280.0, 840.0),
        };
        for _ in 0..3 {
            f.frame(Vec::new());
        }
        f
    }

    /// A window after its background work (finding the suggested events of
    /// a long article) has finished, as a reader sees it a moment after opening.
    pub fn settled(app: StorylineApp) -> Self {
        let mut f = Self::new(app);
        std::thread::sleep(Duration::from_secs(2));
        for _ in 0..3 {
            f.frame(Vec::new());
        }
        f
    }

    /// One frame with these input events; returns its CPU time.
    pub fn frame(&mut self, events: Vec<egui::Event>) -> Duration {
        self.time += 1.0 / 60.0;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, self.size)),
            time: Some(self.time),
            events,
            ..Default::default()
        };
        let started = Instant::now();
        let app = &mut self.app;
        let out = self.ctx.run_ui(input, |ui| app.ui(ui));
        let clipped = self.ctx.tessellate(out.shapes, out.pixels_per_point);
        std::hint::black_box(clipped);
        started.elapsed()
    }

    /// Scrolls the article to its middle and lets it settle.
    pub fn scroll_to_middle(&mut self, doc: &Document) {
        self.app.send(Command::Reader(ReaderCommand::JumpTo(CharIdx(
            doc.char_len / 2,
        ))));
        for _ in 0..6 {
            self.frame(Vec::new());
        }
    }

    pub fn page_down() -> Vec<egui::Event> {
        vec![egui::Event::Key {
            key: egui::Key::PageDown,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        }]
    }

    /// Highlights a passage near the view's top and times the frame that shows it.
    pub fn add_highlight(&mut self, doc: &Document, at: usize) -> Duration {
        let start = at.min(doc.char_len.saturating_sub(100));
        self.app.select(CharRange::new(start, start + 60));
        self.app
            .send(Command::Highlights(HighlightsCommand::Highlight(
                storyline::annotate::HighlightColor::Green,
            )));
        // The command is applied at the end of this frame; the next shows it.
        let a = self.frame(Vec::new());
        a + self.frame(Vec::new())
    }
}

impl Frames {
    /// The timeline maximised on a 1920×1080 screen with every event in view.
    pub fn timeline_maximised(&mut self, events: &[storyline::timeline::Event]) {
        self.size = egui::vec2(1920.0, 1080.0);
        self.frame(Vec::new());
        self.app.send(Command::Workspace(WorkspaceCommand::ShowPane(
            storyline::store::layout::Pane::Timeline,
        )));
        self.app
            .send(Command::Timeline(TimelineCommand::SetTimelineView(
                storyline::timeline::layout::fit_all(events, None),
            )));
        for _ in 0..3 {
            self.frame(Vec::new());
        }
    }

    /// Frames of a drag across the timeline (a pan): press, `moves` moves,
    /// release; returns the moves' frame times.
    pub fn pan_timeline(&mut self, moves: usize) -> Vec<Duration> {
        let start = egui::pos2(self.size.x * 0.6, self.size.y * 0.5);
        self.drag(start, egui::vec2(-4.0, 0.0), moves)
    }

    /// Frames of dragging the Timeline's tab over the reader (`egui_tiles`
    /// shows where it would land), then back; returns the moves' times.
    pub fn drag_tile(&mut self, moves: usize) -> Vec<Duration> {
        let ws = self.app.workspace().expect("workspace");
        let rect = ws
            .pane_rect(storyline::store::layout::Pane::Timeline)
            .expect("timeline drawn");
        // Its tab, just above its content.
        let tab = rect.left_top() + egui::vec2(30.0, -13.0);
        // Dropped back where it started, so the layout stays.
        let mut dragging = false;
        let times = self.drag_checking(tab, egui::vec2(6.0, -12.0), moves, &mut dragging);
        assert!(dragging, "the tab was dragged (egui_tiles saw a drag)");
        times
    }

    fn drag(&mut self, from: egui::Pos2, step: egui::Vec2, moves: usize) -> Vec<Duration> {
        self.drag_checking(from, step, moves, &mut false)
    }

    fn drag_checking(
        &mut self,
        from: egui::Pos2,
        step: egui::Vec2,
        moves: usize,
        tile_dragged: &mut bool,
    ) -> Vec<Duration> {
        let button = |pos, pressed| egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        };
        self.frame(vec![egui::Event::PointerMoved(from)]);
        self.frame(vec![button(from, true)]);
        let mut at = from;
        let mut times = Vec::with_capacity(moves);
        for _ in 0..moves {
            at += step;
            times.push(self.frame(vec![egui::Event::PointerMoved(at)]));
            *tile_dragged |= self
                .app
                .workspace()
                .is_some_and(|w| w.is_dragging(&self.ctx));
        }
        self.frame(vec![egui::Event::PointerMoved(from), button(from, false)]);
        self.frame(Vec::new());
        times.sort();
        times
    }
}

/// Times `f` `runs` times; returns the sorted durations.
pub fn sample_times(runs: usize, mut f: impl FnMut() -> Duration) -> Vec<Duration> {
    let mut v: Vec<Duration> = (0..runs).map(|_| f()).collect();
    v.sort();
    v
}

/// Times a closure.
pub fn time(f: impl FnOnce()) -> Duration {
    let t = Instant::now();
    f();
    t.elapsed()
}

/// Opens an article as the window does, through the first frame's layout.
pub fn open_to_first_frame(w: &Workload) -> Duration {
    let t = Instant::now();
    let mut frames = Frames::new(w.app());
    frames.frame(Vec::new());
    let d = t.elapsed();
    std::hint::black_box(&frames.app);
    d
}

/// Writes the big save (serialise + lock + atomic write) once.
pub fn save_once(w: &Workload, handle: &mut SaveHandle) -> Duration {
    let identity = storyline::store::article::identity_for(&w.doc, &w.article, &w.saves);
    time(|| {
        // A changed note so the write is never skipped as identical.
        handle
            .write(&save_file(&identity, &w.annotations, &w.doc))
            .expect("save");
    })
}
