//! What one settled frame asks the GPU to draw: triangles, and the pixels
//! they cover (overdraw included), for the whole window and by layer. Under
//! software OpenGL (llvmpipe) the covered pixels are what a frame costs, so
//! this says where to look when a frame is slow to reach the screen.
//!
//!     cargo run --release --example paint_cost

#![allow(missing_docs, clippy::print_stdout, clippy::unwrap_used)]

#[path = "../benches/scenarios/mod.rs"]
mod scenarios;
#[path = "../benches/workloads.rs"]
mod workloads;

use scenarios::{Frames, Workload};
use storyline::app::{Command, WorkspaceCommand};

/// Triangles and covered pixels of tessellated primitives.
fn cost(prims: &[egui::ClippedPrimitive]) -> (usize, f64) {
    let mut triangles = 0;
    let mut area = 0.0;
    for p in prims {
        let egui::epaint::Primitive::Mesh(mesh) = &p.primitive else {
            continue;
        };
        for t in mesh.indices.chunks_exact(3) {
            let [a, b, c] = [t[0], t[1], t[2]].map(|i| mesh.vertices[i as usize].pos);
            let tri = 0.5 * f64::from(((b - a).x * (c - a).y - (c - a).x * (b - a).y).abs());
            // Clipping: a triangle outside its clip rect costs (almost) nothing.
            let clip = p.clip_rect;
            let inside = [a, b, c].iter().any(|v| clip.expand(1.0).contains(*v));
            if inside {
                area += tri;
            }
            triangles += 1;
        }
    }
    (triangles, area)
}

fn report(name: &str, frames: &mut Frames) {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, frames.size)),
        time: Some(100.0),
        ..Default::default()
    };
    let app = &mut frames.app;
    let out = frames.ctx.run_ui(input, |ui| app.ui(ui));
    let window = f64::from(frames.size.x * frames.size.y);
    let all = frames.ctx.tessellate(out.shapes, out.pixels_per_point);
    let (tris, area) = cost(&all);
    println!(
        "| {name} | {tris} | {:.2} Mpx | {:.1}× the window |",
        area / 1e6,
        area / window
    );
}

fn main() {
    for (label, work) in [
        ("sample", Workload::sample()),
        ("5 MB + 10 000 highlights", Workload::big()),
    ] {
        println!("| frame ({label}) | triangles | covered | overdraw |");
        println!("| --- | --- | --- | --- |");
        let mut frames = Frames::settled(work.app());
        frames.size = egui::vec2(1400.0, 900.0);
        for _ in 0..3 {
            frames.frame(Vec::new());
        }
        report("timeline shown", &mut frames);
        frames
            .app
            .send(Command::Workspace(WorkspaceCommand::TogglePane(
                storyline::store::layout::Pane::Timeline,
            )));
        for _ in 0..3 {
            frames.frame(Vec::new());
        }
        report("timeline hidden", &mut frames);
        println!();
    }
}
