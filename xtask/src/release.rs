//! `cargo xtask release`: what an office installs, as one archive. It holds the server binary,
//! the built web app, the deployment kit (`deploy/`) and the guides, in a folder named after
//! the release, so releases can sit side by side on a server and an upgrade is a switch of
//! one symlink (docs/deployment.md).

use std::path::Path;

use anyhow::{Context, bail};

use crate::cmd::{Cmd, cargo};
use crate::{root, size, target_dir, tools, web};

/// What goes into the archive besides the binary and `dist/`, relative to the repository.
const KIT: [&str; 3] = ["deploy", "README.md", "docs"];

pub fn run() -> anyhow::Result<()> {
    let name = format!("willkommen-{}", release_version()?);
    let tools = tools::ensure_build_tools()?;
    web::build_release(&tools)?;
    size::report(&root().join("dist"))?;
    cargo(&["build", "--release", "--locked", "--package", "willkommen-server"]).run()?;

    let out = target_dir().join("release-bundle");
    let folder = out.join(&name);
    if folder.exists() {
        std::fs::remove_dir_all(&folder).with_context(|| format!("cannot clear {}", folder.display()))?;
    }
    std::fs::create_dir_all(&folder)?;
    std::fs::copy(target_dir().join("release/willkommen-server"), folder.join("willkommen-server"))?;
    copy_tree(&root().join("dist"), &folder.join("dist"))?;
    for item in KIT {
        let from = root().join(item);
        let to = folder.join(item);
        if from.is_dir() {
            copy_tree(&from, &to)?;
        } else {
            std::fs::create_dir_all(to.parent().expect("kit files are inside the folder"))?;
            std::fs::copy(&from, &to).with_context(|| format!("cannot copy {}", from.display()))?;
        }
    }
    let archive = out.join(format!("{name}-{}-linux.tar.gz", std::env::consts::ARCH));
    // `tar` keeps the scripts' executable bits; --owner/--group make the archive the same
    // whoever built it.
    Cmd::new("tar")
        .args(["--create", "--gzip", "--owner=0", "--group=0", "--file"])
        .args([archive.as_os_str()])
        .args(["--directory".as_ref(), out.as_os_str(), name.as_ref()])
        .run()?;
    println!("xtask: release {name}");
    println!("xtask: {}", archive.display());
    println!("xtask: install or upgrade on a server: see docs/deployment.md");
    Ok(())
}

/// `<crate version>-<commit date>-<commit>`, with `-modified` when the working tree has
/// changes that are not committed: every build of a different tree gets a different name.
fn release_version() -> anyhow::Result<String> {
    let version = env!("CARGO_PKG_VERSION");
    let git = |args: &[&str]| Cmd::new("git").args(["-C".as_ref(), root().as_os_str()]).args(args).output();
    let (Some(commit), Some(date)) =
        (git(&["rev-parse", "--short=9", "HEAD"]), git(&["log", "-1", "--format=%cd", "--date=format:%Y%m%d"]))
    else {
        bail!("cargo xtask release needs the git history, to name the release after its commit");
    };
    let modified =
        git(&["status", "--porcelain", "--untracked-files=no"]).is_some_and(|changes| !changes.trim().is_empty());
    Ok(format!("{version}-{}-{}{}", date.trim(), commit.trim(), if modified { "-modified" } else { "" }))
}

/// Copies the folder `from` to `to` (created), with every file and subfolder.
fn copy_tree(from: &Path, to: &Path) -> anyhow::Result<()> {
    for relative in web::files_under(from)? {
        let target = to.join(&relative);
        std::fs::create_dir_all(target.parent().expect("a file inside `to`"))?;
        std::fs::copy(from.join(&relative), &target).with_context(|| format!("cannot copy {relative}"))?;
    }
    Ok(())
}
