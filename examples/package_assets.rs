//! Writes what the Debian package installs beside the binary, generated
//! from the command line's clap definitions: the man page (`storyline.1`,
//! with one page per subcommand, `storyline-dossier.1` …) and shell
//! completions for bash, zsh and fish.
//!
//!     cargo run --example package_assets -- target/package
#![allow(clippy::print_stdout)] // it says what it wrote

use std::path::PathBuf;

use clap::CommandFactory as _;
use clap_complete::Shell;

fn main() -> anyhow::Result<()> {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "target/package".to_owned()),
    );
    let man = out.join("man");
    let completions = out.join("completions");
    std::fs::create_dir_all(&man)?;
    std::fs::create_dir_all(&completions)?;
    let cmd = storyline::cli::Cli::command();
    clap_mangen::generate_to(cmd.clone(), &man)?;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        let mut cmd = cmd.clone();
        clap_complete::generate_to(shell, &mut cmd, "storyline", &completions)?;
    }
    println!("wrote {} and {}", man.display(), completions.display());
    Ok(())
}
