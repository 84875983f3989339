//! Fills in the built service worker (`dist/sw.js`): the release's files to keep for offline
//! starts, and a version derived from their contents, so that every release is a new worker
//! and an unchanged rebuild is not.

use std::hash::{DefaultHasher, Hasher};
use std::path::Path;

use anyhow::{Context, bail};

use crate::web::files_under;

const VERSION_LINE: &str = "const VERSION = \"development\";";
const FILES_LINE: &str = "const FILES = [];";

pub fn write_release(dist: &Path) -> anyhow::Result<()> {
    let worker = dist.join("sw.js");
    let source = std::fs::read_to_string(&worker).with_context(|| format!("cannot read {}", worker.display()))?;
    if !source.contains(VERSION_LINE) || !source.contains(FILES_LINE) {
        bail!("{} lacks the VERSION and FILES lines to fill in", worker.display());
    }
    let files: Vec<String> = files_under(dist)?
        .into_iter()
        .filter(|file| file != "sw.js" && !file.ends_with(".br") && !file.ends_with(".gz"))
        .collect();
    let mut hasher = DefaultHasher::new();
    for file in &files {
        hasher.write(file.as_bytes());
        hasher.write(&std::fs::read(dist.join(file))?);
    }
    let version = format!("{:016x}", hasher.finish());
    let urls: Vec<String> = files.iter().map(|file| format!("\"/{file}\"")).collect();
    let filled = source
        .replace(VERSION_LINE, &format!("const VERSION = \"{version}\";"))
        .replace(FILES_LINE, &format!("const FILES = [{}];", urls.join(", ")));
    std::fs::write(&worker, filled)?;
    Ok(())
}
