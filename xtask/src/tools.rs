//! The build and test tools, pinned and installed on first use, never downloaded from
//! anywhere but the package registries (crates.io, npm, Debian):
//!
//! | tool | version | from |
//! |---|---|---|
//! | wasm32-unknown-unknown target | toolchain's | rustup |
//! | trunk | 0.21.14 | `cargo install --locked` |
//! | wasm-bindgen-cli (+ test runner) | exactly Cargo.lock's wasm-bindgen | `cargo install` |
//! | wasm-opt | binaryen 132 | npm (`package.json`) |
//! | chromium, chromium-driver, Noto fonts, poppler-utils | Debian's | `apt-get` (tests only) |
//! | schemathesis | 4.32.5 | `pip` into its own virtual environment (tests only) |
//! | twiggy | 0.8.0 | `cargo install --locked` (benchmarks only) |
//!
//! A tool already on PATH in the right version is used as it is. Otherwise the cargo-installed
//! ones go to `$CARGO_HOME/willkommen-tools/<tool>-<version>/bin` (outside the repository, so
//! a fresh clone reuses them, and never over a different version the user installed).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::cmd::{Cmd, cargo};
use crate::root;

pub const TRUNK_VERSION: &str = "0.21.14";
pub const TWIGGY_VERSION: &str = "0.8.0";
pub const SCHEMATHESIS_VERSION: &str = "4.32.5";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Where the pinned tools are, as a PATH to run builds with.
pub struct Tools {
    path: OsString,
    pub wasm_bindgen_version: String,
}

impl Tools {
    /// Trunk, with PATH pointing at the pinned wasm-bindgen and wasm-opt.
    pub fn trunk(&self) -> Cmd {
        self.command("trunk").env("TRUNK_TOOLS_WASM_BINDGEN", &self.wasm_bindgen_version)
    }

    /// Any program, found on the tools' PATH.
    pub fn command(&self, program: &str) -> Cmd {
        let path = std::env::split_paths(&self.path)
            .map(|dir| dir.join(program))
            .find(|candidate| candidate.is_file())
            .unwrap_or_else(|| PathBuf::from(program));
        Cmd::new(path).env("PATH", &self.path)
    }

    pub fn path(&self) -> &OsString {
        &self.path
    }

    /// A Python virtual environment with schemathesis (from PyPI), made on first use.
    pub fn schemathesis_venv(&self) -> anyhow::Result<PathBuf> {
        let venv = tools_root()?.join(format!("schemathesis-{SCHEMATHESIS_VERSION}"));
        if reports_version(&venv.join("bin/st"), SCHEMATHESIS_VERSION) {
            return Ok(venv);
        }
        println!("xtask: installing schemathesis {SCHEMATHESIS_VERSION} into {} (once per machine)", venv.display());
        Cmd::new("python3").args(["-m".as_ref(), "venv".as_ref(), venv.as_os_str()]).run()?;
        let requirement = format!("schemathesis=={SCHEMATHESIS_VERSION}");
        Cmd::new(venv.join("bin/pip"))
            .args(["install", "--quiet", "--disable-pip-version-check", &requirement])
            .run()?;
        Ok(venv)
    }
}

/// Everything needed to build the web app.
pub fn ensure_build_tools() -> anyhow::Result<Tools> {
    ensure_wasm_target()?;
    let wasm_bindgen_version = wasm_bindgen_version_in_lockfile(&root().join("Cargo.lock"))?;
    let mut dirs = Vec::new();
    dirs.extend(ensure_cargo_tool("trunk", "trunk", TRUNK_VERSION, true)?);
    dirs.extend(ensure_cargo_tool("wasm-bindgen", "wasm-bindgen-cli", &wasm_bindgen_version, false)?);
    dirs.push(ensure_node_modules()?);
    let path = std::env::join_paths(
        dirs.into_iter().chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )?;
    Ok(Tools { path, wasm_bindgen_version })
}

/// twiggy, which tells what the kiosk's wasm is made of (`cargo xtask bench size`).
pub fn ensure_twiggy() -> anyhow::Result<PathBuf> {
    let dir = ensure_cargo_tool("twiggy", "twiggy", TWIGGY_VERSION, true)?;
    Ok(dir.map_or_else(|| PathBuf::from("twiggy"), |dir| dir.join("twiggy")))
}

fn ensure_wasm_target() -> anyhow::Result<()> {
    let installed = Cmd::new("rustup").args(["target", "list", "--installed"]).output().unwrap_or_default();
    if installed.lines().any(|line| line.trim() == "wasm32-unknown-unknown") {
        return Ok(());
    }
    Cmd::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]).run()
}

/// The bin folder to put on PATH for `binary` at `version`, installing it if needed; `None`
/// when PATH already has the right version.
fn ensure_cargo_tool(binary: &str, krate: &str, version: &str, locked: bool) -> anyhow::Result<Option<PathBuf>> {
    if reports_version(Path::new(binary), version) {
        return Ok(None);
    }
    let tools_root = tools_root()?.join(format!("{binary}-{version}"));
    let bin = tools_root.join("bin");
    if reports_version(&bin.join(binary), version) {
        return Ok(Some(bin));
    }
    println!("xtask: installing {krate} {version} into {} (once per machine)", tools_root.display());
    let version_arg = format!("={version}");
    let mut args = vec!["install", krate, "--version", &version_arg, "--root"];
    let root_arg = tools_root.to_string_lossy().into_owned();
    args.push(&root_arg);
    // wasm-bindgen-cli's own lockfile wants a crate version the registry lacks, so only
    // trunk is installed --locked (see shared toolchain notes).
    if locked {
        args.push("--locked");
    }
    cargo(&args).run()?;
    if !reports_version(&bin.join(binary), version) {
        bail!("{} does not report version {version} after installing", bin.join(binary).display());
    }
    Ok(Some(bin))
}

fn reports_version(program: &Path, version: &str) -> bool {
    Cmd::new(program).args(["--version"]).output().is_some_and(|out| out.split_whitespace().any(|word| word == version))
}

fn tools_root() -> anyhow::Result<PathBuf> {
    if let Some(dir) = std::env::var_os("WILLKOMMEN_TOOLS_DIR") {
        return Ok(dir.into());
    }
    let cargo_home = match std::env::var_os("CARGO_HOME") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(std::env::var_os("HOME").context("neither CARGO_HOME nor HOME is set")?).join(".cargo"),
    };
    Ok(cargo_home.join("willkommen-tools"))
}

/// `npm ci` when node_modules is missing or older than package-lock.json; returns the
/// folder with wasm-opt and friends.
fn ensure_node_modules() -> anyhow::Result<PathBuf> {
    let root = root();
    let installed_marker = root.join("node_modules/.package-lock.json");
    let modified = |path: &Path| std::fs::metadata(path).and_then(|meta| meta.modified()).ok();
    let up_to_date = match (modified(&installed_marker), modified(&root.join("package-lock.json"))) {
        (Some(installed), Some(locked)) => installed >= locked,
        _ => false,
    };
    if !up_to_date {
        Cmd::new("npm").args(["ci", "--no-audit", "--no-fund"]).run()?;
    }
    Ok(root.join("node_modules/.bin"))
}

/// Chromium and its WebDriver for the browser tests, fonts for every kiosk script (Arabic,
/// Cyrillic, Ge'ez) so screenshots and printouts show text instead of boxes, and poppler's
/// pdftoppm/pdftotext to read the printed tickets back.
pub fn ensure_chromium() -> anyhow::Result<()> {
    let needed = [
        CHROMIUM,
        CHROMEDRIVER,
        "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
        "/usr/share/fonts/truetype/noto/NotoSansEthiopic-Regular.ttf",
        "/usr/bin/pdftoppm",
    ];
    if needed.iter().all(|path| Path::new(path).exists()) {
        return Ok(());
    }
    println!(
        "xtask: installing Debian's chromium, chromium-driver, fonts-noto-core and poppler-utils (once per machine)"
    );
    install_debian_packages(&["chromium", "chromium-driver", "fonts-noto-core", "poppler-utils"])
}

/// libfaketime, through which the server's tests step the clock of one server process (see
/// `crates/server/tests/server/clock.rs`).
pub const LIBFAKETIME: &str = "/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1";

pub fn ensure_faketime() -> anyhow::Result<()> {
    if Path::new(LIBFAKETIME).exists() {
        return Ok(());
    }
    println!("xtask: installing Debian's libfaketime (once per machine)");
    install_debian_packages(&["libfaketime"])
}

/// `apt-get install` of Debian's `packages` (through sudo unless this runs as root), for the
/// test tools that come from Debian rather than a language's registry.
pub fn install_debian_packages(packages: &[&str]) -> anyhow::Result<()> {
    let is_root = Cmd::new("id").args(["-u"]).output().is_some_and(|uid| uid.trim() == "0");
    let apt = |args: &[&str]| {
        let command =
            if is_root { Cmd::new("apt-get").args(args) } else { Cmd::new("sudo").args(["apt-get"]).args(args) };
        command.env("DEBIAN_FRONTEND", "noninteractive").run()
    };
    apt(&["update", "-q"])?;
    apt(&[&["install", "-y", "-q", "--no-install-recommends"][..], packages].concat())
}

/// The wasm-bindgen version Cargo.lock pins; the CLI must match it exactly.
pub fn wasm_bindgen_version_in_lockfile(lockfile: &Path) -> anyhow::Result<String> {
    let text = std::fs::read_to_string(lockfile).with_context(|| format!("cannot read {}", lockfile.display()))?;
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line.trim() == r#"name = "wasm-bindgen""#
            && let Some(version) = lines.next().and_then(|l| l.trim().strip_prefix("version = "))
        {
            return Ok(version.trim_matches('"').to_owned());
        }
    }
    bail!("Cargo.lock has no wasm-bindgen package")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_toml_pins_the_wasm_bindgen_of_cargo_lock() {
        let locked = wasm_bindgen_version_in_lockfile(&root().join("Cargo.lock")).unwrap();
        let trunk_toml = std::fs::read_to_string(root().join("Trunk.toml")).unwrap();

        assert!(
            trunk_toml.contains(&format!("wasm_bindgen = \"{locked}\"")),
            "Trunk.toml's [tools] wasm_bindgen must be {locked}, the version in Cargo.lock"
        );
        assert!(trunk_toml.contains(&format!("trunk-version = \"={TRUNK_VERSION}\"")));
    }
}
