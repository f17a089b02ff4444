//! The workspace layout as the state file keeps it: a small tree of tiles
//! (tabs, rows, columns) whose leaves are the app's panes. Plain data, so
//! the state file stays readable and deterministic; the app converts it to
//! and from `egui_tiles`.

use serde::{Deserialize, Serialize};

/// A pane of the workspace.
///
/// Invariant of a valid layout: every pane appears exactly once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Pane {
    /// The reading pane.
    Reader,
    /// The article's details and its highlights.
    Highlights,
    /// The timeline.
    Timeline,
    /// The event and lane editors and the suggested events.
    Inspector,
    /// The open dossier's articles.
    Library,
    /// The timeline as a list: date, title, lanes, sources, verdict.
    Chronology,
}

impl Pane {
    /// Every pane, in menu order.
    pub const ALL: [Pane; 6] = [
        Pane::Reader,
        Pane::Highlights,
        Pane::Timeline,
        Pane::Inspector,
        Pane::Library,
        Pane::Chronology,
    ];

    /// The name shown on its tab and in the View menu.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Pane::Reader => "Reader",
            Pane::Highlights => "Highlights",
            Pane::Timeline => "Timeline",
            Pane::Inspector => "Inspector",
            Pane::Library => "Library",
            Pane::Chronology => "Chronology",
        }
    }
}

/// A node of the saved layout tree.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum LayoutNode {
    /// A pane.
    Pane(Pane),
    /// Tabs: one child shown at a time (`active` indexes `children`).
    Tabs {
        /// The open tab.
        active: usize,
        /// The tabs, in order.
        children: Vec<LayoutNode>,
    },
    /// Children side by side, each with its share of the width.
    Row(Vec<(f32, LayoutNode)>),
    /// Children one above the other, each with its share of the height.
    Column(Vec<(f32, LayoutNode)>),
    /// Children in a grid.
    Grid(Vec<LayoutNode>),
}

impl LayoutNode {
    /// The panes under this node, in tree order.
    #[must_use]
    pub fn panes(&self) -> Vec<Pane> {
        let mut out = Vec::new();
        self.collect(&mut out);
        out
    }

    fn collect(&self, out: &mut Vec<Pane>) {
        match self {
            LayoutNode::Pane(p) => out.push(*p),
            LayoutNode::Tabs { children, .. } | LayoutNode::Grid(children) => {
                for c in children {
                    c.collect(out);
                }
            }
            LayoutNode::Row(children) | LayoutNode::Column(children) => {
                for (_, c) in children {
                    c.collect(out);
                }
            }
        }
    }
}

/// The workspace as remembered between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedLayout {
    /// The tree of tiles.
    pub root: LayoutNode,
    /// Panes the user closed (still in the tree, not shown).
    #[serde(default)]
    pub hidden: Vec<Pane>,
    /// The pane filling the window, if one is maximised.
    #[serde(default)]
    pub maximized: Option<Pane>,
}

impl SavedLayout {
    /// Whether every pane appears exactly once (else the app starts from
    /// its default layout rather than lose a pane).
    #[must_use]
    pub fn is_valid(&self) -> bool {
        let mut panes = self.root.panes();
        panes.sort();
        panes == Pane::ALL
    }

    /// A layout saved before the Library pane existed gets it as a tab
    /// beside the Highlights, closed (it opens with a dossier).
    #[must_use]
    pub fn upgraded(mut self) -> Self {
        let panes = self.root.panes();
        if !panes.contains(&Pane::Library) && panes.contains(&Pane::Highlights) {
            add_tab_beside(&mut self.root, Pane::Highlights, Pane::Library);
            self.hidden.push(Pane::Library);
        }
        // Before the Chronology: beside the Timeline, sharing its space.
        if !self.root.panes().contains(&Pane::Chronology) {
            let placed = split_beside(&mut self.root, Pane::Timeline, Pane::Chronology, 0.4)
                || split_beside(&mut self.root, Pane::Reader, Pane::Chronology, 0.3);
            if !placed {
                let root = std::mem::replace(
                    &mut self.root,
                    LayoutNode::Tabs {
                        active: 0,
                        children: Vec::new(),
                    },
                );
                self.root =
                    LayoutNode::Row(vec![(0.7, root), (0.3, LayoutNode::Pane(Pane::Chronology))]);
            }
        }
        self
    }
}

/// Puts `new` to the right of `at`, with `share` of its width.
fn split_beside(node: &mut LayoutNode, at: Pane, new: Pane, share: f32) -> bool {
    match node {
        LayoutNode::Pane(p) if *p == at => {
            *node = LayoutNode::Row(vec![
                (1.0 - share, LayoutNode::Pane(at)),
                (share, LayoutNode::Pane(new)),
            ]);
            true
        }
        LayoutNode::Pane(_) => false,
        LayoutNode::Tabs { children, .. } | LayoutNode::Grid(children) => {
            children.iter_mut().any(|c| split_beside(c, at, new, share))
        }
        LayoutNode::Row(children) | LayoutNode::Column(children) => children
            .iter_mut()
            .any(|(_, c)| split_beside(c, at, new, share)),
    }
}

/// Puts `new` as a tab beside `at` (in its tab group, or a new one).
fn add_tab_beside(node: &mut LayoutNode, at: Pane, new: Pane) -> bool {
    match node {
        LayoutNode::Pane(p) if *p == at => {
            *node = LayoutNode::Tabs {
                active: 0,
                children: vec![LayoutNode::Pane(at), LayoutNode::Pane(new)],
            };
            true
        }
        LayoutNode::Pane(_) => false,
        LayoutNode::Tabs { children, .. } => {
            if children
                .iter()
                .any(|c| matches!(c, LayoutNode::Pane(p) if *p == at))
            {
                children.push(LayoutNode::Pane(new));
                return true;
            }
            children.iter_mut().any(|c| add_tab_beside(c, at, new))
        }
        LayoutNode::Grid(children) => children.iter_mut().any(|c| add_tab_beside(c, at, new)),
        LayoutNode::Row(children) | LayoutNode::Column(children) => {
            children.iter_mut().any(|(_, c)| add_tab_beside(c, at, new))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_older_layout_gets_the_chronology_beside_the_timeline() {
        let old = SavedLayout {
            root: LayoutNode::Column(vec![
                (0.6, LayoutNode::Pane(Pane::Reader)),
                (
                    0.4,
                    LayoutNode::Tabs {
                        active: 0,
                        children: vec![
                            LayoutNode::Pane(Pane::Timeline),
                            LayoutNode::Pane(Pane::Highlights),
                            LayoutNode::Pane(Pane::Inspector),
                            LayoutNode::Pane(Pane::Library),
                        ],
                    },
                ),
            ]),
            hidden: Vec::new(),
            maximized: None,
        };
        assert!(!old.is_valid());
        let new = old.upgraded();
        assert!(new.is_valid());
        let LayoutNode::Column(rows) = &new.root else {
            panic!("{:?}", new.root)
        };
        let LayoutNode::Tabs { children, .. } = &rows[1].1 else {
            panic!("{:?}", rows[1].1)
        };
        assert!(matches!(&children[0], LayoutNode::Row(r) if r.len() == 2));
    }

    #[test]
    fn a_layout_missing_or_repeating_a_pane_is_invalid() {
        let all = LayoutNode::Row(
            Pane::ALL
                .iter()
                .map(|p| (1.0, LayoutNode::Pane(*p)))
                .collect(),
        );
        let ok = SavedLayout {
            root: all,
            hidden: Vec::new(),
            maximized: None,
        };
        assert!(ok.is_valid());
        let missing = SavedLayout {
            root: LayoutNode::Tabs {
                active: 0,
                children: vec![LayoutNode::Pane(Pane::Reader)],
            },
            ..ok.clone()
        };
        assert!(!missing.is_valid());
        let twice = SavedLayout {
            root: LayoutNode::Grid(
                [Pane::Reader, Pane::Reader, Pane::Timeline, Pane::Inspector]
                    .map(LayoutNode::Pane)
                    .into(),
            ),
            ..ok
        };
        assert!(!twice.is_valid());
    }
}
