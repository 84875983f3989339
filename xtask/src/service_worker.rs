//! Fills in the built service worker (`dist/sw.js`): the release's files to keep for offline
//! starts, and a version derived from their contents, so that every release is a new worker
//! and an unchanged rebuild is not.

use std::hash::{DefaultHasher, Hasher};
use std::path::Path;

use anyhow::{Context, bail};

use crate::web::{APPS, files_under};

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
        // The other apps (phone page, call display, office) are not a kiosk's business.
        .filter(|file| !APPS.iter().any(|app| !app.dir().is_empty() && file.starts_with(&format!("{}/", app.dir()))))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kiosk_keeps_its_own_files_for_offline_starts_and_not_the_other_apps() {
        let dist = std::env::temp_dir().join(format!("willkommen-sw-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dist);
        std::fs::create_dir_all(dist.join("office")).unwrap();
        std::fs::write(dist.join("sw.js"), format!("{VERSION_LINE}\n{FILES_LINE}\n")).unwrap();
        std::fs::write(dist.join("index.html"), "kiosk").unwrap();
        std::fs::write(dist.join("index.html.br"), "compressed").unwrap();
        std::fs::write(dist.join("office/index.html"), "office").unwrap();
        std::fs::create_dir_all(dist.join("phone")).unwrap();
        std::fs::write(dist.join("phone/index.html"), "phone").unwrap();

        write_release(&dist).unwrap();
        let worker = std::fs::read_to_string(dist.join("sw.js")).unwrap();
        std::fs::remove_dir_all(&dist).unwrap();

        assert!(worker.contains("const FILES = [\"/index.html\"];"), "{worker}");
        assert!(!worker.contains("development"));
    }
}
