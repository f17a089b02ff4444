//! `storyline restore FILE [--list] [--version N]`: the kept versions of a
//! dossier or a save, and putting one back.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};

use crate::store::versions::{self, Version};

/// The file whose versions `file` names: a dossier or save as it is; an
/// article's save in the saves folder.
fn target(file: &Path, saves: Option<&Path>) -> anyhow::Result<PathBuf> {
    let is_ron = file.extension().is_some_and(|e| e == "ron");
    if is_ron || !versions::list(file).is_empty() {
        return Ok(file.to_owned());
    }
    let doc = super::load_article(file)?.document;
    let dir = crate::store::saves::saves_dir(saves);
    let (handle, _, _) = crate::store::article::open_annotations(&dir, file, &doc)
        .with_context(|| format!("cannot find the save of {}", file.display()))?;
    Ok(handle.path)
}

/// Lists the versions of `file`, or restores version `n` (1 = newest).
pub fn restore(
    file: &Path,
    saves: Option<&Path>,
    list: bool,
    n: usize,
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    let file = target(file, saves)?;
    let kept: Vec<Version> = versions::list(&file);
    if list {
        if kept.is_empty() {
            writeln!(out, "{}: no earlier versions kept", file.display())?;
        }
        for (i, v) in kept.iter().enumerate() {
            writeln!(
                out,
                "{}  {}  {}  {}",
                i + 1,
                v.taken.strftime("%Y-%m-%d %H:%M:%S UTC"),
                versions::summary(&v.path),
                v.path.display()
            )?;
        }
        return Ok(());
    }
    let Some(v) = n.checked_sub(1).and_then(|i| kept.get(i)) else {
        bail!(
            "{}: no version {n} (it has {} kept; see --list)",
            file.display(),
            kept.len()
        );
    };
    if crate::store::from_ron::<ron::Value>(&std::fs::read_to_string(&v.path)?, &v.path).is_err() {
        bail!("{} is damaged: not restored", v.path.display());
    }
    versions::restore(&file, &v.path)?;
    writeln!(
        out,
        "restored {} from its version of {} ({}); what it held is kept as the newest version",
        file.display(),
        v.taken.strftime("%Y-%m-%d %H:%M:%S UTC"),
        versions::summary(&file)
    )?;
    Ok(())
}
