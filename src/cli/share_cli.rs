//! Sharing a dossier folder over git: `storyline merge-driver` (git's
//! merge driver for Storyline's RON files) and `storyline dossier share`
//! (sets the folder's repository up to use it). The `git` program the user
//! has is run; no git library is linked in.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, bail};

use crate::store::merge_driver::{Merged, merge_files};

/// `storyline merge-driver BASE OURS THEIRS [PATH]`: the merged file is
/// written over OURS; exit 1 (git's own conflict, nothing overwritten) when
/// a side cannot be read.
pub fn merge_driver(
    (base, ours, theirs): (&Path, &Path, &Path),
    name: Option<&Path>,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    let read = |p: &Path| {
        crate::store::read_limited(p).with_context(|| format!("cannot read {}", p.display()))
    };
    let (b, o, t) = (read(base)?, read(ours)?, read(theirs)?);
    let name = name.unwrap_or(ours);
    let (kind, text) = merge_files(name, (&b, &o, &t))
        .with_context(|| format!("{}: left for git to mark as a conflict", name.display()))?;
    std::fs::write(ours, text).with_context(|| format!("cannot write {}", ours.display()))?;
    let what = match kind {
        Merged::Save => "highlights",
        Merged::Dossier => "dossier",
    };
    writeln!(out, "storyline: merged the {what} in {}", name.display())?;
    Ok(())
}

fn git(dir: &Path, args: &[&str]) -> anyhow::Result<std::process::Output> {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .context("cannot run git: is it installed?")
}

/// `storyline dossier share FILE`: the dossier's folder carries its saves
/// (adopted when needed), is (in) a git repository (`git init` when it is
/// in none), its `.gitattributes` sends `*.ron` to Storyline's merge, and
/// this clone's git config names the driver. Says what it did.
pub fn share(file: &Path, saves_dir: &Path, out: &mut dyn std::io::Write) -> anyhow::Result<()> {
    let d = crate::store::dossier::read_dossier(file)?;
    let folder: PathBuf = std::path::absolute(file)?
        .parent()
        .map(Path::to_owned)
        .context("the dossier has no folder")?;
    if !crate::store::dossier_folder::is_dossier_folder(file) {
        let a = crate::store::dossier_folder::adopt(file, &d, saves_dir)?;
        writeln!(
            out,
            "highlights: {} copied into {}",
            crate::wording::count(a.copied, "save", "saves"),
            a.saves.display()
        )?;
    }
    let top = git(&folder, &["rev-parse", "--show-toplevel"])?;
    if top.status.success() {
        writeln!(
            out,
            "git: the folder is in the repository at {}",
            String::from_utf8_lossy(&top.stdout).trim()
        )?;
    } else {
        let init = git(&folder, &["init", "--quiet"])?;
        if !init.status.success() {
            bail!(
                "git init failed: {}",
                String::from_utf8_lossy(&init.stderr).trim()
            );
        }
        writeln!(out, "git: made a repository in {}", folder.display())?;
    }
    // Every RON file of the folder merges with Storyline.
    let attributes = folder.join(".gitattributes");
    let line = "*.ron merge=storyline";
    let had = std::fs::read_to_string(&attributes).unwrap_or_default();
    if had.lines().any(|l| l.trim() == line) {
        writeln!(
            out,
            "git: {} already sends *.ron to Storyline",
            attributes.display()
        )?;
    } else {
        let mut text = had;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(line);
        text.push('\n');
        std::fs::write(&attributes, text)
            .with_context(|| format!("cannot write {}", attributes.display()))?;
        writeln!(
            out,
            "git: {} sends *.ron to Storyline's merge",
            attributes.display()
        )?;
    }
    // Each machine's own files stay out of the repository: backups, kept
    // versions, locks, merged conflict copies.
    let ignore = folder.join(".gitignore");
    let had = std::fs::read_to_string(&ignore).unwrap_or_default();
    let local = [
        "*.ron.bak",
        ".storyline-versions/",
        ".storyline.lock",
        ".storyline-merged/",
    ];
    let missing: Vec<&str> = local
        .iter()
        .copied()
        .filter(|l| !had.lines().any(|h| h.trim() == *l))
        .collect();
    if !missing.is_empty() {
        let mut text = had;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        for l in &missing {
            text.push_str(l);
            text.push('\n');
        }
        std::fs::write(&ignore, text)
            .with_context(|| format!("cannot write {}", ignore.display()))?;
        writeln!(
            out,
            "git: {} keeps each machine's backups, versions and locks out",
            ignore.display()
        )?;
    }
    // …and any already committed leave the index (the files stay).
    let _ = git(
        &folder,
        &[
            "rm",
            "-r",
            "--cached",
            "--quiet",
            "--ignore-unmatch",
            "--",
            "*.ron.bak",
            "*/.storyline-versions/*",
            ".storyline-versions",
            "*.storyline.lock",
            ".storyline.lock",
        ],
    );
    let exe = std::env::current_exe().context("cannot tell where storyline is")?;
    // The `storyline` on the PATH when it is this one (it survives an
    // upgrade or a move of the build); else this binary by its path.
    let on_path = std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|d| {
            std::fs::canonicalize(d.join("storyline")).ok() == std::fs::canonicalize(&exe).ok()
        })
    });
    let driver = if on_path {
        "storyline merge-driver %O %A %B %P".to_owned()
    } else {
        format!("\"{}\" merge-driver %O %A %B %P", exe.display())
    };
    for (key, value) in [
        ("merge.storyline.name", "Storyline three-way merge"),
        ("merge.storyline.driver", driver.as_str()),
    ] {
        let set = git(&folder, &["config", key, value])?;
        if !set.status.success() {
            bail!(
                "git config failed: {}",
                String::from_utf8_lossy(&set.stderr).trim()
            );
        }
    }
    writeln!(
        out,
        "git: this clone merges Storyline files with {} (each colleague runs \
         `storyline dossier share` once after cloning)",
        exe.display()
    )?;
    Ok(())
}
