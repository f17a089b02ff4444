//! One undo history for the window: the order in which the open article's
//! annotations and the open dossier changed, so Ctrl+Z undoes the last
//! change whichever it was, and Ctrl+Shift+Z redoes it.
//!
//! Each store keeps its own steps (the article's commands with their
//! inverses, the dossier's snapshots); [`UndoOrder`] only remembers which
//! store each step belongs to.

/// Which store a change was made in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Store {
    /// The open article's annotations.
    Article,
    /// The open dossier.
    Dossier,
}

/// The window's undo order.
///
/// Invariant: `done` lists changes oldest first; `undone` lists undone
/// changes, most recently undone last; a new change clears `undone`.
#[derive(Debug, Default)]
pub struct UndoOrder {
    done: Vec<Store>,
    undone: Vec<Store>,
}

impl UndoOrder {
    /// A new change was made in `store`.
    pub fn changed(&mut self, store: Store) {
        self.done.push(store);
        self.undone.clear();
    }

    /// Which store to undo in: the newest change whose store can still
    /// undo (`can` says which can), else any store that can.
    pub fn undo(&mut self, can: impl Fn(Store) -> bool) -> Option<Store> {
        let store = pick(&mut self.done, &can)?;
        self.undone.push(store);
        Some(store)
    }

    /// Which store to redo in, as [`UndoOrder::undo`].
    pub fn redo(&mut self, can: impl Fn(Store) -> bool) -> Option<Store> {
        let store = pick(&mut self.undone, &can)?;
        self.done.push(store);
        Some(store)
    }

    /// A store's own Undo button undid its last change.
    pub fn undone_in(&mut self, store: Store) {
        if let Some(i) = self.done.iter().rposition(|s| *s == store) {
            self.done.remove(i);
        }
        self.undone.push(store);
    }

    /// A store's own Redo button redid its last undone change.
    pub fn redone_in(&mut self, store: Store) {
        if let Some(i) = self.undone.iter().rposition(|s| *s == store) {
            self.undone.remove(i);
        }
        self.done.push(store);
    }

    /// A store closed (or another article opened): its steps are gone.
    pub fn forget(&mut self, store: Store) {
        self.done.retain(|s| *s != store);
        self.undone.retain(|s| *s != store);
    }
}

/// Pops the newest entry whose store can act; entries whose store cannot
/// (its history ended) are dropped. With none, any store that can.
fn pick(stack: &mut Vec<Store>, can: &impl Fn(Store) -> bool) -> Option<Store> {
    while let Some(store) = stack.pop() {
        if can(store) {
            return Some(store);
        }
    }
    [Store::Article, Store::Dossier]
        .into_iter()
        .find(|s| can(*s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_follows_the_order_of_changes_across_stores() {
        let mut order = UndoOrder::default();
        order.changed(Store::Article);
        order.changed(Store::Dossier);
        order.changed(Store::Article);
        let all = |_| true;
        assert_eq!(order.undo(all), Some(Store::Article));
        assert_eq!(order.undo(all), Some(Store::Dossier));
        assert_eq!(order.redo(all), Some(Store::Dossier));
        assert_eq!(order.undo(all), Some(Store::Dossier));
        assert_eq!(order.undo(all), Some(Store::Article));
        // Nothing recorded is left: whichever store still can.
        assert_eq!(order.undo(|s| s == Store::Dossier), Some(Store::Dossier));
        assert_eq!(order.undo(|_| false), None);
    }

    #[test]
    fn a_new_change_clears_redo_and_a_closed_store_is_skipped() {
        let mut order = UndoOrder::default();
        order.changed(Store::Dossier);
        order.changed(Store::Article);
        assert_eq!(order.undo(|_| true), Some(Store::Article));
        order.changed(Store::Dossier);
        assert_eq!(order.redo(|s| s == Store::Article), Some(Store::Article));
        order.forget(Store::Article);
        assert_eq!(order.undo(|s| s == Store::Dossier), Some(Store::Dossier));
        order.undone_in(Store::Dossier);
        order.redone_in(Store::Dossier);
        assert_eq!(order.undo(|_| true), Some(Store::Dossier));
    }
}
