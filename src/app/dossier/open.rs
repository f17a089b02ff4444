//! Opening, changing and writing the dossier; keeping it in step with the
//! article being read.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::{DossierAction, MergeState, OpenDossier, SAVE_DELAY};
use crate::annotate::HighlightId;
use crate::app::{Command, Direction, ReaderCommand, StorylineApp, WindowCommand};
use crate::dossier::{
    ArticleImport, Dossier, DossierArticle, DossierCommand, History, add_article, forget_events,
    recall, suggest_merges,
};
use crate::store::dossier::{
    article_file, find_moved, read_dossier, save_dossier, stored_path, write_dossier,
};
use crate::store::layout::Pane;
use crate::timeline::EventId;

use crate::document::ARTICLE_EXTENSIONS;

impl StorylineApp {
    /// The open dossier.
    #[must_use]
    pub fn dossier(&self) -> Option<&OpenDossier> {
        self.dossier.as_ref()
    }

    /// Opens the dossier file at `path`: its library and timeline; the
    /// article read last in it (or its first) in the reader.
    pub(crate) fn open_dossier(&mut self, path: &Path, now: f64) {
        let path = crate::app::absolute(path);
        let read_only = crate::store::dossier::is_read_only(&path);
        // A synced folder's conflict copies of the dossier merge in first
        // (not in a folder that is not to be written).
        let absorbed = if read_only {
            Ok(Vec::new())
        } else {
            crate::store::conflict_copies::absorb_dossier(&path)
        };
        match absorbed {
            Ok(made) => {
                for m in made {
                    self.notice(format!(
                        "Merged changes from a conflicting copy of the dossier made on {m} (kept in {}).",
                        crate::store::conflict_copies::MERGED_FOLDER
                    ));
                }
            }
            Err(e) => self.error(format!(
                "A conflicting copy of the dossier was left as it is: {e}"
            )),
        }
        let mut dossier = match read_dossier(&path) {
            Ok(d) => d,
            Err(e) => {
                self.offer_restore(&path, format!("Could not open the dossier: {e}"));
                return;
            }
        };
        let mentions = dossier.events.iter().map(|e| e.mentions.len()).sum();
        if crate::store::versions::lost_half(&path, mentions) {
            self.offer_restore(
                &path,
                format!(
                    "{} holds less than half the mentions its last kept version had ({mentions} now): if that was not you, restore a previous version.",
                    path.display()
                ),
            );
        }
        let base = dossier.clone();
        // A dossier from someone else: what it lists outside its folder is
        // not read until the user agrees.
        if let Some(state) = &self.state_path {
            // Agreed in another window or the CLI meanwhile.
            let file = crate::store::trust::agreements_path(state);
            let on_disk = crate::store::trust::Agreements::load(&file);
            for (d, paths) in on_disk.dossiers {
                self.trusted.dossiers.entry(d).or_default().extend(paths);
            }
        }
        let outside: BTreeSet<String> = self.trusted.blocked(&path, &dossier).into_iter().collect();
        // Missing articles: found again by their text under the dossier's
        // folder, else listed as missing (their events are kept).
        let mut missing = BTreeSet::new();
        let mut moved = 0;
        for i in 0..dossier.articles.len() {
            let a = &dossier.articles[i];
            if outside.contains(&a.path) || article_file(&path, &a.path).is_file() {
                continue;
            }
            let taken: Vec<PathBuf> = dossier
                .articles
                .iter()
                .map(|a| article_file(&path, &a.path))
                .collect();
            match find_moved(&path, &a.fingerprint, &taken) {
                Some(found) => {
                    let old = a.path.clone();
                    let new = stored_path(&path, &found);
                    relocate(&mut dossier, &old, &new);
                    moved += 1;
                }
                None => {
                    missing.insert(a.path.clone());
                }
            }
        }
        dossier.normalize();
        if moved > 0 {
            self.notice(format!(
                "{} moved; found again by its text.",
                crate::wording::count(moved, "article", "articles")
            ));
        }
        if !missing.is_empty() {
            self.error(format!(
                "{} of {} not found (listed as missing; their highlights and events are kept).",
                crate::wording::count(missing.len(), "article", "articles"),
                path.display()
            ));
        }
        if !outside.is_empty() {
            let list: Vec<String> = outside.iter().cloned().collect();
            self.messages.push(crate::app::Message {
                text: format!(
                    "{}. Read them only if you trust whoever made this dossier.",
                    crate::store::trust::describe_blocked(&path, &list)
                ),
                error: true,
                action: Some((
                    if list.len() == 1 {
                        "Read it"
                    } else {
                        "Read them"
                    }
                    .to_owned(),
                    Command::Dossier(DossierAction::TrustOutside),
                )),
                shown_at: None,
            });
            missing.extend(outside.iter().cloned());
        }
        self.flush_annotations();
        self.state.touch_recent(&path);
        self.mark_state_dirty(now);
        if read_only {
            self.messages.push(crate::app::Message {
                text: format!(
                    "{} is read-only: Storyline shows it and never writes to it, so what you change here is not kept. Make a working copy to work on it.",
                    path.display()
                ),
                error: true,
                action: Some((
                    "Make a Working Copy".to_owned(),
                    Command::Window(crate::app::WindowCommand::WorkingCopy(path.clone())),
                )),
                shown_at: None,
            });
        }
        let mut open = OpenDossier {
            read_only,
            watch: None,
            outside,
            author: self.author.clone(),
            path,
            dossier,
            base,
            history: History::default(),
            missing,
            current: None,
            show_all: true,
            all_highlights: false,
            timeline: crate::app::timeline::TimelineState::default(),
            merges: MergeState::default(),
            key_dates: super::key_dates::KeyDatesState::default(),
            queue: super::queue::QueueState::default(),
            highlights: super::highlights::DossierHighlights::default(),
            revision: 0,
            dirty_at: None,
            synced: None,
            forgotten: Vec::new(),
            evidence: std::collections::BTreeMap::new(),
            filter: super::FilterText::default(),
            chart: (
                None,
                crate::dossier::view::EventFilter::default(),
                super::chart::ChartModel::empty(),
            ),
        };
        if moved > 0 {
            open.changed(now);
        }
        // The open article, if it is one of them; else the first present.
        let here = self
            .article
            .as_ref()
            .map(|a| stored_path(&open.path, &a.path))
            .filter(|p| open.dossier.article(p).is_some());
        let first = open
            .dossier
            .articles
            .iter()
            .find(|a| !open.missing.contains(&a.path))
            .map(|a| a.path.clone());
        // A dossier without events opens on what its articles suggest.
        let fresh = open.dossier.events.is_empty() && !open.dossier.articles.is_empty();
        open.queue.shown = fresh;
        open.queue.listed = super::queue::PAGE;
        self.dossier = Some(open);
        self.show_pane(Pane::Library);
        // …and one with events outside any lane, on the lanes it suggests.
        let laneless = self
            .dossier
            .as_ref()
            .is_some_and(|o| o.dossier.events.iter().any(|e| e.lanes.is_empty()));
        if fresh || laneless {
            self.show_pane(Pane::Inspector);
        }
        match here.or(first) {
            Some(p)
                if self
                    .article
                    .as_ref()
                    .is_some_and(|a| stored_path(&self.dossier_path(), &a.path) == p) =>
            {
                if let Some(d) = &mut self.dossier {
                    d.current = Some(p);
                }
            }
            Some(p) => self.send(Command::Dossier(DossierAction::OpenArticle(p, None))),
            None => {}
        }
    }

    fn dossier_path(&self) -> PathBuf {
        self.dossier
            .as_ref()
            .map(|d| d.path.clone())
            .unwrap_or_default()
    }

    /// Applies a dossier action.
    pub(crate) fn apply_dossier_action(&mut self, action: DossierAction, now: f64) {
        match action {
            DossierAction::AskNew => {
                if !self.picker.busy() {
                    self.pick_purpose = crate::app::PickPurpose::NewDossier;
                    self.picker.start(
                        &self.egui_ctx.clone(),
                        crate::app::picker::PickRequest::Save {
                            title: "New dossier".into(),
                            file_name: format!("Story{}", crate::store::dossier::DOSSIER_SUFFIX),
                            filter: "Storyline dossier".into(),
                            extensions: vec!["ron".into()],
                        },
                    );
                }
                return;
            }
            DossierAction::New(path) => {
                self.new_dossier(path, now);
                return;
            }
            DossierAction::ImportBundle(bundle) => {
                self.import_bundle(&bundle, now);
                return;
            }
            DossierAction::Add(paths) => {
                self.add_to_dossier(&paths, now);
                return;
            }
            // The rest act on the open dossier, below.
            DossierAction::OpenArticle(..)
            | DossierAction::Step(_)
            | DossierAction::Merge(..)
            | DossierAction::KeepApart(..)
            | DossierAction::Unmerge(..)
            | DossierAction::Undo
            | DossierAction::Redo
            | DossierAction::Select(_)
            | DossierAction::ShowAll(_)
            | DossierAction::AskAdd
            | DossierAction::Remove(_)
            | DossierAction::Close
            | DossierAction::AllHighlights(_)
            | DossierAction::Edit(..)
            | DossierAction::TrustOutside
            | DossierAction::Delete(_) => {}
            DossierAction::KeyDates(a) => {
                self.key_dates_action(a, now);
                return;
            }
            DossierAction::Queue(a) => {
                self.queue_action(a, now);
                return;
            }
            DossierAction::Adopt => {
                self.adopt_dossier_folder();
                return;
            }
        }
        let Some(open) = &mut self.dossier else {
            return;
        };
        // What to do once `open` is no longer borrowed.
        let mut then: Vec<Command> = Vec::new();
        let mut said: Vec<crate::app::Message> = Vec::new();
        let mut show = None;
        // Shown for a selection, unless a pane is maximised.
        let mut offer = None;
        match action {
            DossierAction::OpenArticle(stored, at) => {
                let file = article_file(&open.path, &stored);
                if open.missing.contains(&stored) {
                    said.push(crate::app::Message::error(format!(
                        "{} is missing: it is not at {} any more.",
                        open.dossier
                            .article(&stored)
                            .map_or(stored.as_str(), |a| &a.title),
                        file.display()
                    )));
                } else {
                    open.current = Some(stored);
                    let same = self
                        .article
                        .as_ref()
                        .is_some_and(|a| a.path == crate::app::absolute(&file));
                    if !same {
                        then.push(Command::Window(WindowCommand::Open(file)));
                    }
                    if let Some(at) = at {
                        then.push(Command::Reader(ReaderCommand::Reveal(
                            crate::document::CharRange::new(at, at),
                        )));
                    }
                    show = Some(Pane::Reader);
                }
            }
            DossierAction::Step(by) => {
                let n = open.dossier.articles.len();
                let present: Vec<usize> = (0..n)
                    .filter(|&i| !open.missing.contains(&open.dossier.articles[i].path))
                    .collect();
                let at = open.current_index();
                let next = match (at, by) {
                    (Some(i), Direction::Forward) => present.iter().find(|&&j| j > i),
                    (Some(i), Direction::Back) => present.iter().rev().find(|&&j| j < i),
                    (None, _) => present.first(),
                };
                if let Some(&j) = next {
                    let p = open.dossier.articles[j].path.clone();
                    then.push(Command::Dossier(DossierAction::OpenArticle(p, None)));
                }
            }
            DossierAction::Merge(a, b) => {
                said.extend(open.command(&DossierCommand::Merge(a, b), now));
            }
            DossierAction::KeepApart(a, b) => {
                said.extend(open.command(&DossierCommand::KeepApart(a, b), now));
            }
            DossierAction::Edit(id, edit) => {
                said.extend(open.command(&DossierCommand::EditEvent(id, edit), now));
            }
            DossierAction::Delete(id) => {
                let title = open.dossier.event(&id).map(|e| e.title.clone());
                if open.timeline.selected.as_ref() == Some(&id) {
                    open.timeline.selected = None;
                }
                match open.command(&DossierCommand::DeleteEvent(id), now) {
                    Some(err) => said.push(err),
                    None => said.push(crate::app::Message::notice(format!(
                        "Deleted “{}” from the dossier. Ctrl+Z brings it back.",
                        title.unwrap_or_default()
                    ))),
                }
            }
            DossierAction::Unmerge(id, article) => {
                let new_id = (2..open.dossier.events.len() + 3)
                    .map(|n| EventId(format!("{}-{n}", id.0)))
                    .find(|e| open.dossier.event(e).is_none())
                    .unwrap_or_else(|| EventId(format!("{}-split", id.0)));
                said.extend(open.command(&DossierCommand::Unmerge(id, article, new_id), now));
            }
            DossierAction::Undo => {
                if open.history.undo(&mut open.dossier) {
                    open.changed(now);
                }
            }
            DossierAction::Redo => {
                if open.history.redo(&mut open.dossier) {
                    open.changed(now);
                }
            }
            DossierAction::Select(id) => {
                open.timeline.selected = id;
                if open.timeline.selected.is_some() {
                    offer = Some(Pane::Inspector);
                }
            }
            DossierAction::ShowAll(all) => open.show_all = all,
            DossierAction::AllHighlights(all) => open.all_highlights = all,
            DossierAction::TrustOutside => {
                let list: Vec<String> = open.outside.iter().cloned().collect();
                let path = open.path.clone();
                self.trusted.agree(&path, &list);
                // Remembered when the window remembers anything.
                if let Some(state) = &self.state_path
                    && let Err(e) = self
                        .trusted
                        .save(&crate::store::trust::agreements_path(state))
                {
                    self.error(format!("Your agreement holds for this session only: {e}"));
                }
                self.send(Command::Window(WindowCommand::Open(path)));
            }
            DossierAction::AskAdd => {
                if !self.picker.busy() {
                    self.pick_purpose = crate::app::PickPurpose::AddToDossier;
                    self.picker.start(
                        &self.egui_ctx.clone(),
                        crate::app::picker::PickRequest::OpenMany,
                    );
                }
            }
            DossierAction::Remove(stored) => {
                let events = open.dossier.events.len();
                match open.history.apply(
                    &mut open.dossier,
                    &DossierCommand::RemoveArticle(stored.clone()),
                    &crate::credit::Stamp::new(jiff::Timestamp::now(), open.author.as_deref()),
                ) {
                    Ok(()) => {
                        let gone = events - open.dossier.events.len();
                        open.missing.remove(&stored);
                        if open.current.as_deref() == Some(stored.as_str()) {
                            open.current = None;
                        }
                        open.changed(now);
                        said.push(crate::app::Message::notice(format!(
                            "Removed {stored} from the dossier ({} with no other source went; its highlights stay in its own save). Ctrl+Z puts it back.",
                            crate::wording::count(gone, "event", "events")
                        )));
                    }
                    Err(e) => said.push(crate::app::Message::error(format!(
                        "Could not remove it: {e}"
                    ))),
                }
            }
            DossierAction::Close => {
                self.write_dossier_now();
                self.dossier = None;
                if let Some(ws) = &mut self.workspace {
                    ws.hide(Pane::Library);
                }
            }
            // Handled above.
            DossierAction::AskNew
            | DossierAction::New(_)
            | DossierAction::ImportBundle(_)
            | DossierAction::Add(_)
            | DossierAction::KeyDates(_)
            | DossierAction::Queue(_)
            | DossierAction::Adopt => {}
        }
        self.messages.extend(said);
        if let Some(p) = show {
            self.show_pane(p);
        }
        if let Some(p) = offer {
            self.offer_pane(p);
        }
        let ctx = self.egui_ctx.clone();
        for c in then {
            self.apply(&ctx, c);
        }
    }

    fn new_dossier(&mut self, mut path: PathBuf, now: f64) {
        if !crate::store::dossier::is_dossier_path(&path) {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let stem = name.trim_end_matches(".ron").trim_end_matches(".dossier");
            path.set_file_name(format!("{stem}{}", crate::store::dossier::DOSSIER_SUFFIX));
        }
        if path.exists() {
            self.error(format!(
                "{} already exists: open it with File > Open.",
                path.display()
            ));
            return;
        }
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .map_or("Dossier", |n| {
                n.trim_end_matches(crate::store::dossier::DOSSIER_SUFFIX)
            })
            .to_owned();
        if let Err(e) = write_dossier(&path, &Dossier::new(&name)) {
            self.error(format!("Could not create the dossier: {e}"));
            return;
        }
        self.open_dossier(&path, now);
        if let Some(a) = &self.article {
            let p = a.path.clone();
            self.add_to_dossier(&[p], now);
        }
        // A new dossier is a folder that carries its highlights.
        self.write_dossier_now();
        self.adopt_dossier_folder();
    }

    /// Imports a bundle's articles into the open dossier, or — none open —
    /// into the dossier beside the bundle named after it (created, or
    /// opened when it is there: importing twice adds nothing).
    fn import_bundle(&mut self, bundle: &Path, now: f64) {
        self.messages
            .retain(|m| !matches!(&m.action, Some((_, Command::Dossier(DossierAction::ImportBundle(p)))) if p == bundle));
        if self.dossier.is_none() {
            let stem = bundle
                .file_stem()
                .map_or("Story".into(), |s| s.to_string_lossy().into_owned());
            let path =
                bundle.with_file_name(format!("{stem}{}", crate::store::dossier::DOSSIER_SUFFIX));
            if !path.exists()
                && let Err(e) = write_dossier(&path, &Dossier::new(&stem))
            {
                self.error(format!("Could not create the dossier: {e}"));
                return;
            }
            self.open_dossier(&path, now);
            if self.dossier.is_none() {
                return;
            }
        }
        let reading_it = self.article.as_ref().is_some_and(|a| a.path == bundle);
        self.add_to_dossier(&[bundle.to_owned()], now);
        // Reading the export as one file: go on with its first article.
        let first = self.dossier.as_ref().and_then(|d| {
            let articles = &d.dossier.articles;
            articles
                .iter()
                .filter(|a| a.published.is_some())
                .min_by_key(|a| a.published)
                .or_else(|| articles.first())
                .map(|a| a.path.clone())
        });
        if reading_it && let Some(p) = first {
            self.send(Command::Dossier(DossierAction::OpenArticle(p, None)));
        }
    }

    /// Offers to import the articles of a news-database export just
    /// opened as one file.
    pub(crate) fn offer_bundle(&mut self, path: &Path) {
        let Some(crate::store::bundle::Bundle::NewsExport(articles)) =
            crate::store::bundle::bundle(path)
        else {
            return;
        };
        let n = articles.len();
        if n < 2 {
            return;
        }
        let into = self.dossier.as_ref().map_or_else(
            || "a dossier".to_owned(),
            |d| format!("“{}”", d.dossier.name),
        );
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        self.messages.push(crate::app::Message {
            text: format!("{name} is a news-database export holding {n} articles."),
            error: false,
            action: Some((
                format!("Import {n} articles into {into}"),
                Command::Dossier(DossierAction::ImportBundle(path.to_owned())),
            )),
            shown_at: None,
        });
    }

    /// Adds articles (a folder: every article in it) to the open dossier.
    fn add_to_dossier(&mut self, paths: &[PathBuf], now: f64) {
        let mut files = Vec::new();
        for p in paths {
            if p.is_dir() {
                let mut found: Vec<PathBuf> = std::fs::read_dir(p)
                    .into_iter()
                    .flatten()
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|f| {
                        f.is_file()
                            && f.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                                ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str())
                            })
                    })
                    .collect();
                found.sort();
                files.extend(found);
            } else {
                files.push(p.clone());
            }
        }
        let Some(open) = &mut self.dossier else {
            return;
        };
        let (mut added, mut errors) = (0, Vec::new());
        // A bundle (an .mbox, a news-database export): one article per
        // message or article, beside the dossier.
        let mut expanded = Vec::new();
        for f in files {
            match crate::store::bundle::split_beside(&f, &open.path) {
                Ok(Some(split)) => expanded.extend(split.files),
                Ok(None) => expanded.push(f),
                Err(e) => errors.push(e.to_string()),
            }
        }
        let files = expanded;
        for file in &files {
            match crate::store::dossier_io::import_from_disk(
                &open.path,
                &mut open.dossier,
                file,
                &self.saves_dir,
            ) {
                Ok(r) if !r.already => added += 1,
                Ok(_) => {}
                Err(e) => errors.push(format!("{e:#}")),
            }
        }
        // Files the reader chose are read from now on, wherever they are.
        let chosen = crate::store::trust::chosen_outside(&open.path, &open.dossier, &files);
        let path = open.path.clone();
        open.changed(now);
        if !chosen.is_empty() {
            self.trusted.agree(&path, &chosen);
            if let Some(state) = &self.state_path
                && let Err(e) = self
                    .trusted
                    .save(&crate::store::trust::agreements_path(state))
            {
                self.error(format!(
                    "The articles you added from outside the dossier's folder are read this session only: {e}"
                ));
            }
        }
        let what = crate::wording::count(added, "article", "articles");
        self.notice(format!("Added {what} to the dossier."));
        for e in errors {
            self.error(format!("Not added: {e}"));
        }
        self.show_pane(Pane::Library);
    }

    /// Brings the open article's lanes and events into the dossier when
    /// they changed; writes the dossier a little after a change; starts
    /// working out merge suggestions when the events changed.
    pub(crate) fn tick_dossier(&mut self, ctx: &egui::Context, now: f64) {
        self.sync_article(now);
        self.follow_dossier_file(ctx, now);
        let Some(open) = &mut self.dossier else {
            return;
        };
        if let Some(t) = open.dirty_at {
            if now - t >= SAVE_DELAY {
                self.write_dossier_now();
            } else {
                ctx.request_repaint_after_secs((SAVE_DELAY - (now - t)) as f32 + 0.02);
            }
        }
        let Some(open) = &mut self.dossier else {
            return;
        };
        open.tick_key_dates(ctx);
        open.tick_queue(ctx);
        let m = &mut open.merges;
        if let Some((rev, rx)) = &m.pending
            && let Ok(list) = rx.try_recv()
        {
            if *rev == open.revision {
                m.list = list;
                m.for_revision = Some(*rev);
            }
            m.pending = None;
        }
        if m.pending.is_none() && m.for_revision != Some(open.revision) {
            let (tx, rx) = std::sync::mpsc::channel();
            let d = open.dossier.clone();
            let ctx = ctx.clone();
            let spawned = std::thread::Builder::new()
                .name("merge-suggestions".into())
                .spawn(move || {
                    let _ = tx.send(suggest_merges(&d));
                    ctx.request_repaint();
                });
            if spawned.is_ok() {
                m.pending = Some((open.revision, rx));
            } else {
                m.list = suggest_merges(&open.dossier);
                m.for_revision = Some(open.revision);
            }
        }
    }

    /// Brings the open article's events into the dossier. Absence is not
    /// deletion: an event its save lacks (no save here, another machine's,
    /// not read yet) keeps its mentions; only the events the reader's own
    /// commands took out go, kept aside so an undo puts them back.
    pub(crate) fn sync_article(&mut self, now: f64) {
        let (Some(open), Some(article)) = (&mut self.dossier, &mut self.article) else {
            return;
        };
        let stored = stored_path(&open.path, &article.path);
        if open.dossier.article(&stored).is_none() {
            open.current = None;
            return;
        }
        open.current = Some(stored.clone());
        let deleted = std::mem::take(&mut article.save.deleted_events);
        let ann = &article.save.annotations;
        let key = (stored.clone(), ann.revision());
        if open.synced.as_ref() == Some(&key) && deleted.is_empty() {
            return;
        }
        open.synced = Some(key);
        open.evidence.clear();
        let before = open.dossier.clone();
        let gone: Vec<EventId> = deleted
            .into_iter()
            .filter(|id| ann.event(id).is_none())
            .collect();
        if !gone.is_empty() {
            let taken = forget_events(&mut open.dossier, &stored, &gone);
            open.forgotten.extend(taken);
        }
        let present: Vec<EventId> = ann.events().iter().map(|e| e.id.clone()).collect();
        recall(&mut open.dossier, &mut open.forgotten, &stored, &present);
        let doc = &article.doc;
        let published = self
            .state
            .articles
            .get(&article.path)
            .and_then(|a| a.published.as_deref())
            .and_then(|s| s.parse().ok())
            .or(doc.meta.published);
        // No save here when it opened: the library keeps the dossier's own
        // counts (another machine's save), never fewer.
        let (highlights, orphans) = match open.dossier.article(&stored) {
            Some(a) if !article.save.save_found => (
                a.highlights.max(ann.entries().len()),
                a.orphans.max(ann.orphans().len()),
            ),
            _ => (ann.entries().len(), ann.orphans().len()),
        };
        let entry = DossierArticle {
            path: stored,
            fingerprint: doc.fingerprint(),
            title: doc.meta.title.clone(),
            source: doc.meta.source.clone(),
            published,
            highlights,
            orphans,
        };
        let evidence = |id: &HighlightId| {
            let range = ann.get(id)?.range()?;
            Some((doc.slice(range)?.replace('\n', " "), range.start.0))
        };
        add_article(
            &mut open.dossier,
            &ArticleImport {
                article: entry,
                lanes: ann.lanes(),
                events: ann.events(),
                evidence: &evidence,
            },
        );
        if open.dossier != before {
            open.changed(now);
        }
    }

    /// Follows the dossier file: a pull or a sync that changed it (or left
    /// a conflict copy beside it) is merged with what the window holds, and
    /// the window says what came in.
    fn follow_dossier_file(&mut self, ctx: &egui::Context, now: f64) {
        let Some(open) = &mut self.dossier else {
            return;
        };
        let Some(watch) = &open.watch else {
            let ctx = ctx.clone();
            open.watch = Some(crate::store::watch::FileWatch::spawn(
                open.path.clone(),
                std::time::Duration::from_secs(2),
                move || ctx.request_repaint(),
            ));
            return;
        };
        if !watch.take_changed() {
            return;
        }
        let mut notes = Vec::new();
        match crate::store::conflict_copies::absorb_dossier(&open.path) {
            Ok(made) => notes.extend(made.into_iter().map(|m| {
                crate::app::Message::notice(format!(
                    "Merged changes from a conflicting copy of the dossier made on {m}."
                ))
            })),
            Err(e) => notes.push(crate::app::Message::error(format!(
                "A conflicting copy of the dossier was left as it is: {e}"
            ))),
        }
        match read_dossier(&open.path) {
            Ok(mut theirs) if theirs != open.base => {
                theirs.normalize();
                let came = crate::dossier::describe_change(&open.base, &theirs);
                let unsaved = open.dirty_at.is_some();
                let mut merged = crate::dossier::merge3(&open.base, &open.dossier, &theirs);
                merged.normalize();
                open.dossier = merged;
                open.base = theirs;
                open.revision += 1;
                if unsaved || open.dossier != open.base {
                    open.dirty_at.get_or_insert(now);
                }
                if !came.is_empty() {
                    notes.push(crate::app::Message::notice(format!(
                        "The dossier changed on disk: {came}."
                    )));
                }
            }
            Ok(_) => {}
            Err(e) => notes.push(crate::app::Message::error(format!(
                "The dossier changed on disk but cannot be read; the window keeps its copy: {e}"
            ))),
        }
        self.messages.extend(notes);
    }

    /// Writes the dossier now if it changed (merged with another writer's
    /// changes since it was read).
    pub(crate) fn write_dossier_now(&mut self) {
        let Some(open) = &mut self.dossier else {
            return;
        };
        if open.dirty_at.take().is_none() || open.read_only {
            return;
        }
        match save_dossier(&open.path, Some(&open.base), &open.dossier) {
            Ok(written) => {
                if written != open.dossier {
                    // Another writer's changes came in.
                    open.dossier = written.clone();
                    open.revision += 1;
                }
                open.base = written;
                // Our own write is no news to the watch.
                if let Some(w) = &open.watch {
                    w.rebase();
                }
            }
            Err(e) => {
                let text = format!("The dossier was not saved: {e}");
                self.error(text);
            }
        }
    }
}

impl StorylineApp {
    /// Whether a mention's evidence (its highlights) is on this machine:
    /// in the open article, or in the save of its article here (read once
    /// and kept until the dossier changes).
    pub(crate) fn evidence_here(&mut self, m: &crate::dossier::Mention) -> bool {
        if m.evidence.is_empty() {
            return true;
        }
        let Some(open) = &mut self.dossier else {
            return true;
        };
        if open.current.as_deref() == Some(m.article.as_str())
            && let Some(a) = &self.article
        {
            let ann = &a.save.annotations;
            return m.evidence.iter().all(|h| ann.get(h).is_some());
        }
        let file = article_file(&open.path, &m.article);
        let fingerprint = open
            .dossier
            .article(&m.article)
            .map(|a| a.fingerprint.clone())
            .unwrap_or_default();
        let saves_dir = &self.saves_dir;
        let ids = open.evidence.entry(m.article.clone()).or_insert_with(|| {
            crate::store::saves::read_save_of(saves_dir, &file, &fingerprint)
                .ok()
                .flatten()
                .map(|s| s.highlights.into_iter().map(|h| h.id).collect())
                .unwrap_or_default()
        });
        m.evidence.iter().all(|h| ids.contains(h))
    }
}

impl OpenDossier {
    /// Applies a merge, split or keep-apart (one undo step); an error is a
    /// message.
    pub(super) fn command(
        &mut self,
        cmd: &DossierCommand,
        now: f64,
    ) -> Option<crate::app::Message> {
        let stamp = crate::credit::Stamp::new(jiff::Timestamp::now(), self.author.as_deref());
        match self.history.apply(&mut self.dossier, cmd, &stamp) {
            Ok(()) => {
                self.changed(now);
                None
            }
            Err(e) => Some(crate::app::Message::error(format!(
                "Could not change the dossier: {e}"
            ))),
        }
    }
}

/// Points the dossier's entry and mentions at an article's new path.
fn relocate(d: &mut Dossier, old: &str, new: &str) {
    for a in &mut d.articles {
        if a.path == old {
            new.clone_into(&mut a.path);
        }
    }
    for m in d.events.iter_mut().flat_map(|e| &mut e.mentions) {
        if m.article == old {
            new.clone_into(&mut m.article);
        }
    }
}
