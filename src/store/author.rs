//! Whose name goes on what this user adds or changes: the name given
//! (`--author`, `STORYLINE_AUTHOR`, or set in the window), else git's
//! `user.name` (what the team's commits already carry), else the login.

use std::process::Command;

pub use crate::credit::clean_name as clean;

/// The name to record: `given` when set, else git's `user.name`, else the
/// system user; `None` when none is known.
#[must_use]
pub fn resolve(given: Option<&str>) -> Option<String> {
    clean(given)
        .or_else(git_user_name)
        .or_else(|| clean(std::env::var("USER").ok().as_deref()))
        .or_else(|| clean(std::env::var("USERNAME").ok().as_deref()))
}

/// `git config user.name`, when git is installed and it is set.
fn git_user_name() -> Option<String> {
    let out = Command::new("git")
        .args(["config", "--get", "user.name"])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| clean(Some(&String::from_utf8_lossy(&out.stdout))))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_given_name_wins_and_is_tidied() {
        assert_eq!(resolve(Some("  Ana \n Lima ")).as_deref(), Some("Ana Lima"));
        assert_eq!(clean(Some("   ")), None);
        assert_eq!(clean(Some(&"x".repeat(200))).map(|s| s.len()), Some(80));
    }
}
