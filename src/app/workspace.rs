//! The workspace: the app's panes (reader, highlights, timeline, inspector)
//! as tiles of `egui_tiles`, rerun's tiling crate. Tiles can be dragged,
//! tabbed, resized, closed and maximised; the layout is kept in the state
//! file as a plain [`SavedLayout`].

use egui_tiles::{Container, Linear, LinearDir, Tabs, Tile, TileId, Tiles, Tree};

use crate::store::layout::{LayoutNode, Pane, SavedLayout};

/// Below this height (points) the default layout tabs the highlights and
/// the inspector, so the reader keeps most of a laptop screen.
const TALL: f32 = 780.0;

/// The tiles and which pane, if any, fills the window.
///
/// Invariant: every [`Pane`] is in the tree exactly once (hidden or not).
pub struct Workspace {
    tree: Tree<Pane>,
    /// The pane shown alone, filling the workspace.
    pub maximized: Option<Pane>,
}

impl std::fmt::Debug for Workspace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workspace")
            .field("layout", &self.to_saved())
            .finish()
    }
}

/// The default layout for a workspace of `size` points: the reader above
/// the timeline on the left; highlights and inspector on the right, one
/// above the other when the window is tall enough, else as tabs.
#[must_use]
pub fn default_layout(size: egui::Vec2) -> SavedLayout {
    let tall = size.y >= TALL;
    let pane = LayoutNode::Pane;
    let side_tiles = if tall {
        LayoutNode::Column(vec![
            (
                0.55,
                LayoutNode::Tabs {
                    active: 0,
                    children: vec![pane(Pane::Highlights), pane(Pane::Library)],
                },
            ),
            (0.45, pane(Pane::Inspector)),
        ])
    } else {
        LayoutNode::Tabs {
            active: 0,
            children: vec![
                pane(Pane::Highlights),
                pane(Pane::Inspector),
                pane(Pane::Library),
            ],
        }
    };
    // The reader keeps most of the height; the timeline a strip below.
    let timeline_share = if tall { 0.4 } else { 0.38 };
    let side_share = if size.x >= 1600.0 { 0.24 } else { 0.28 };
    SavedLayout {
        root: LayoutNode::Row(vec![
            (
                1.0 - side_share,
                LayoutNode::Column(vec![
                    (1.0 - timeline_share, pane(Pane::Reader)),
                    (
                        timeline_share,
                        // The chart and, beside it, the same events as a
                        // list that hides none of them.
                        LayoutNode::Row(vec![
                            (0.58, pane(Pane::Timeline)),
                            (0.42, pane(Pane::Chronology)),
                        ]),
                    ),
                ]),
            ),
            (side_share, side_tiles),
        ]),
        // The Library opens with a dossier.
        hidden: vec![Pane::Library],
        maximized: None,
    }
}

impl Workspace {
    /// The default workspace for a window of `size` points.
    #[must_use]
    pub fn default_for(size: egui::Vec2) -> Self {
        let saved = default_layout(size);
        Self::from_saved(&saved).unwrap_or_else(|| {
            let mut tiles = Tiles::default();
            let root = insert(&mut tiles, &saved.root);
            Self {
                tree: Tree::new(egui::Id::unique("workspace"), root, tiles),
                maximized: None,
            }
        })
    }

    /// A workspace from the state file, or `None` when the saved layout
    /// lost or repeats a pane.
    #[must_use]
    pub fn from_saved(saved: &SavedLayout) -> Option<Self> {
        let saved = &saved.clone().upgraded();
        if !saved.is_valid() {
            return None;
        }
        let mut tiles = Tiles::default();
        let root = insert(&mut tiles, &saved.root);
        let mut ws = Self {
            tree: Tree::new(egui::Id::unique("workspace"), root, tiles),
            maximized: saved.maximized,
        };
        for pane in &saved.hidden {
            if let Some(id) = ws.tile(*pane) {
                ws.tree.tiles.set_visible(id, false);
            }
        }
        Some(ws)
    }

    /// The layout as the state file keeps it.
    #[must_use]
    pub fn to_saved(&self) -> SavedLayout {
        let root = self
            .tree
            .root
            .and_then(|r| node(&self.tree.tiles, r))
            .unwrap_or(LayoutNode::Pane(Pane::Reader));
        let hidden = Pane::ALL
            .into_iter()
            .filter(|p| {
                self.tile(*p)
                    .is_some_and(|id| !self.tree.tiles.is_visible(id))
            })
            .collect();
        SavedLayout {
            root,
            hidden,
            maximized: self.maximized,
        }
    }

    fn tile(&self, pane: Pane) -> Option<TileId> {
        self.tree.tiles.find_pane(&pane)
    }

    /// Whether `pane` is on screen (not closed, and the open tab if tabbed).
    #[must_use]
    pub fn is_shown(&self, pane: Pane) -> bool {
        if let Some(max) = self.maximized {
            return max == pane;
        }
        self.tile(pane)
            .is_some_and(|id| self.tree.active_tiles().contains(&id))
    }

    /// Whether `pane` is open (maybe as a background tab).
    #[must_use]
    pub fn is_open(&self, pane: Pane) -> bool {
        self.tile(pane).is_some_and(|id| self.tree.is_visible(id))
    }

    /// Opens `pane` and brings its tab to the front. A maximised other pane
    /// is restored first, so the asked-for one is seen.
    pub fn show(&mut self, pane: Pane) {
        if self.maximized.is_some_and(|m| m != pane) {
            self.maximized = None;
        }
        let Some(id) = self.tile(pane) else {
            return;
        };
        // The pane and every container above it.
        let mut at = Some(id);
        while let Some(t) = at {
            self.tree.tiles.set_visible(t, true);
            at = self.tree.tiles.parent_of(t);
        }
        self.tree.make_active(|tile_id, _| tile_id == id);
    }

    /// Closes `pane` (the reader stays).
    pub fn hide(&mut self, pane: Pane) {
        if pane == Pane::Reader {
            return;
        }
        if self.maximized == Some(pane) {
            self.maximized = None;
        }
        if let Some(id) = self.tile(pane) {
            self.tree.tiles.set_visible(id, false);
        }
    }

    /// Maximises `pane`, or restores the layout when it is maximised.
    pub fn toggle_maximized(&mut self, pane: Pane) {
        if self.maximized == Some(pane) {
            self.maximized = None;
        } else {
            self.show(pane);
            self.maximized = Some(pane);
        }
    }

    /// Where `pane`'s content was drawn last frame (its tab is just above).
    #[must_use]
    pub fn pane_rect(&self, pane: Pane) -> Option<egui::Rect> {
        self.tree.tiles.rect(self.tile(pane)?)
    }

    /// Whether a tile is being dragged (for benchmarks and tests).
    #[must_use]
    pub fn is_dragging(&self, ctx: &egui::Context) -> bool {
        self.tree.dragged_id(ctx).is_some()
    }

    /// The tree, for drawing.
    pub fn tree_mut(&mut self) -> &mut Tree<Pane> {
        &mut self.tree
    }
}

/// Inserts `node` and its children into `tiles`; every pane gets a tab bar.
fn insert(tiles: &mut Tiles<Pane>, node: &LayoutNode) -> TileId {
    match node {
        LayoutNode::Pane(p) => {
            let pane = tiles.insert_pane(*p);
            tiles.insert_tab_tile(vec![pane])
        }
        LayoutNode::Tabs { active, children } => {
            let ids: Vec<TileId> = children
                .iter()
                .map(|c| match c {
                    // A pane directly in tabs is a tab, not tabs in tabs.
                    LayoutNode::Pane(p) => tiles.insert_pane(*p),
                    other => insert(tiles, other),
                })
                .collect();
            let mut tabs = Tabs::new(ids.clone());
            if let Some(a) = ids.get(*active) {
                tabs.set_active(*a);
            }
            tiles.insert_container(tabs)
        }
        LayoutNode::Row(children) | LayoutNode::Column(children) => {
            let dir = if matches!(node, LayoutNode::Row(_)) {
                LinearDir::Horizontal
            } else {
                LinearDir::Vertical
            };
            let ids: Vec<(f32, TileId)> = children
                .iter()
                .map(|(share, c)| (*share, insert(tiles, c)))
                .collect();
            let mut linear = Linear::new(dir, ids.iter().map(|(_, id)| *id).collect());
            for (share, id) in ids {
                linear.shares.set_share(id, share.max(0.01));
            }
            tiles.insert_container(linear)
        }
        LayoutNode::Grid(children) => {
            let ids = children.iter().map(|c| insert(tiles, c)).collect();
            tiles.insert_grid_tile(ids)
        }
    }
}

/// The saved form of tile `id` (`None` for a missing tile or empty container).
fn node(tiles: &Tiles<Pane>, id: TileId) -> Option<LayoutNode> {
    match tiles.get(id)? {
        Tile::Pane(p) => Some(LayoutNode::Pane(*p)),
        Tile::Container(Container::Tabs(tabs)) => {
            let mut children = Vec::new();
            let mut active = 0;
            for c in &tabs.children {
                if let Some(n) = node(tiles, *c) {
                    if tabs.active == Some(*c) {
                        active = children.len();
                    }
                    children.push(n);
                }
            }
            // Single-pane tabs are how every pane is drawn: save the pane.
            if children.len() == 1 && matches!(children[0], LayoutNode::Pane(_)) {
                return children.pop();
            }
            (!children.is_empty()).then_some(LayoutNode::Tabs { active, children })
        }
        Tile::Container(Container::Linear(linear)) => {
            let total: f32 = linear.children.iter().map(|c| linear.shares[*c]).sum();
            let children: Vec<(f32, LayoutNode)> = linear
                .children
                .iter()
                .filter_map(|c| {
                    let share = linear.shares[*c] / total.max(1e-6);
                    // Two decimals keep the state file readable.
                    Some(((share * 100.0).round() / 100.0, node(tiles, *c)?))
                })
                .collect();
            if children.is_empty() {
                return None;
            }
            Some(match linear.dir {
                LinearDir::Horizontal => LayoutNode::Row(children),
                LinearDir::Vertical => LayoutNode::Column(children),
            })
        }
        Tile::Container(Container::Grid(grid)) => {
            let children: Vec<LayoutNode> =
                grid.children().filter_map(|c| node(tiles, *c)).collect();
            (!children.is_empty()).then_some(LayoutNode::Grid(children))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_layouts_hold_every_pane_and_round_trip() {
        for size in [
            egui::vec2(900.0, 700.0),
            egui::vec2(1366.0, 768.0),
            egui::vec2(1920.0, 1080.0),
        ] {
            let saved = default_layout(size);
            assert!(saved.is_valid(), "{size:?}");
            let ws = Workspace::default_for(size);
            assert_eq!(ws.to_saved(), saved, "{size:?}");
            let again = Workspace::from_saved(&saved).expect("valid");
            assert_eq!(again.to_saved(), saved);
        }
    }

    #[test]
    fn laptop_tabs_the_side_panes_and_a_big_screen_shows_all() {
        let small = Workspace::default_for(egui::vec2(1366.0, 768.0));
        assert!(small.is_shown(Pane::Highlights));
        assert!(!small.is_shown(Pane::Inspector));
        let big = Workspace::default_for(egui::vec2(1920.0, 1080.0));
        // Every pane but the Library, which opens with a dossier.
        for pane in Pane::ALL {
            assert_eq!(big.is_shown(pane), pane != Pane::Library, "{pane:?}");
        }
    }

    #[test]
    fn show_hide_and_maximise() {
        let mut ws = Workspace::default_for(egui::vec2(1366.0, 768.0));
        ws.show(Pane::Inspector);
        assert!(ws.is_shown(Pane::Inspector));
        assert!(!ws.is_shown(Pane::Highlights));
        ws.hide(Pane::Timeline);
        assert!(!ws.is_open(Pane::Timeline));
        assert!(ws.to_saved().hidden.contains(&Pane::Timeline));
        ws.toggle_maximized(Pane::Timeline);
        assert!(ws.is_open(Pane::Timeline));
        assert!(ws.is_shown(Pane::Timeline));
        assert!(!ws.is_shown(Pane::Reader));
        ws.toggle_maximized(Pane::Timeline);
        assert!(ws.is_shown(Pane::Reader));
        ws.hide(Pane::Reader);
        assert!(ws.is_open(Pane::Reader), "the reader cannot be closed");
    }
}
