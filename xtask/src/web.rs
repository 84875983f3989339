//! Building the web app with Trunk, and compressing it once at build time.

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use willkommen_api::WebApp;

use crate::cmd::cargo;
use crate::root;
use crate::service_worker;
use crate::tools::Tools;
use crate::wasm_split;

/// File types the server sends precompressed (`.br`, `.gz` next to the file).
const COMPRESSIBLE: &[&str] = &["wasm", "js", "css", "html", "svg", "json", "ftl"];

/// How one of the web app's downloads ([`WebApp`], whose folder and pages `willkommen-api`
/// keeps for the server too) is built: the page Trunk builds it from, and its title in reports.
pub struct AppBuild {
    pub app: WebApp,
    pub html: &'static str,
    pub title: &'static str,
}

impl AppBuild {
    /// The name `cargo xtask dev` and the size report use.
    pub fn name(&self) -> &'static str {
        self.app.name()
    }

    /// Its folder inside `dist`; empty for the kiosk's, which lives at the root.
    pub fn dir(&self) -> &'static str {
        self.app.folder()
    }

    /// The URL prefix its files are served under.
    pub fn public_url(&self) -> String {
        if self.dir().is_empty() { "/".to_owned() } else { format!("/{}/", self.dir()) }
    }

    /// Its page, as a path inside `dist`.
    pub fn page(&self) -> String {
        format!("{}index.html", self.public_url().trim_start_matches('/'))
    }
}

/// The kiosk first: its build empties `dist` and copies the interface texts and the service
/// worker, which the others share.
pub const APPS: [AppBuild; 4] = [
    AppBuild { app: WebApp::Kiosk, html: "index.html", title: "Kiosk start-up download (`/`)" },
    AppBuild { app: WebApp::Phone, html: "phone.html", title: "Phone ticket page (`/t/<ticket>`)" },
    AppBuild { app: WebApp::Display, html: "display.html", title: "Lobby call display (`/display`)" },
    AppBuild { app: WebApp::Office, html: "office.html", title: "Staff desk and admin console (office PCs)" },
];

/// `trunk build --release` of each app into `dist/`, then brotli and gzip copies of each
/// text asset.
pub fn build_release(tools: &Tools) -> anyhow::Result<()> {
    // Trunk runs cargo with --offline (Trunk.toml), so the registry is read here, once.
    cargo(&["fetch"]).run()?;
    let dist = root().join("dist");
    for app in &APPS {
        let out = dist.join(app.dir());
        let mut trunk = tools.trunk();
        trunk = trunk
            .args(["build", app.html, "--release", "true", "--public-url", &app.public_url(), "--dist"])
            .args([&out]);
        if app.app == WebApp::Kiosk {
            trunk = trunk.args(["--features", "split-screens"]);
        }
        trunk.run()?;
        if app.app == WebApp::Kiosk {
            wasm_split::split_kiosk(tools, &out)?;
        }
        move_loader_out_of_html(&out, &app.public_url())?;
        minify_glue(tools, &out)?;
    }
    service_worker::write_release(&dist)?;
    precompress(&dist)
}

/// Trunk starts the app with an inline `<script type=module>`. The server's
/// Content-Security-Policy allows scripts from the app's own files only, so the loader moves
/// into a file of its own, named after its content like Trunk's other files.
fn move_loader_out_of_html(dist: &Path, public_url: &str) -> anyhow::Result<()> {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).with_context(|| format!("cannot read {}", index.display()))?;
    let opening = "<script type=module>";
    let Some(start) = html.find(opening) else {
        anyhow::bail!("{}: Trunk's inline loader script was not found", index.display());
    };
    let body_start = start + opening.len();
    let end = body_start + html[body_start..].find("</script>").context("the loader script is not closed")?;
    let loader = &html[body_start..end];
    // FNV-1a: a stable name that changes with the content.
    let hash = loader
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3));
    let name = format!("start-{hash:016x}.js");
    std::fs::write(dist.join(&name), loader)?;
    let html = format!(
        "{}<script type=module src={public_url}{name}></script>{}",
        &html[..start],
        &html[end + "</script>".len()..]
    );
    anyhow::ensure!(
        !html.contains("<script>") && !html.contains("<script type=module>"),
        "index.html has another inline script"
    );
    std::fs::write(&index, html)?;
    Ok(())
}

/// An ES module minified in place by terser.
pub fn minify_js(tools: &Tools, path: &Path) -> anyhow::Result<()> {
    tools.command("terser").args(["--module", "--compress", "--mangle", "--output"]).args([path, path]).run()
}

/// Trunk's own minifier gives up on wasm-bindgen's JS glue (its `export default`) and would
/// ship it as written; terser (npm, pinned in package.json) minifies it, about 2 KB less per
/// start. The glue's integrity hash in `index.html` follows its new content.
fn minify_glue(tools: &Tools, dir: &Path) -> anyhow::Result<()> {
    let index = dir.join("index.html");
    let mut html = std::fs::read_to_string(&index)?;
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let is_glue = name.ends_with(".js") && !name.starts_with("start-") && name != "sw.js";
        if !is_glue {
            continue;
        }
        let old = integrity(&std::fs::read(&path)?);
        anyhow::ensure!(html.contains(&old), "{}: no integrity hash for {name}", index.display());
        minify_js(tools, &path)?;
        html = html.replace(&old, &integrity(&std::fs::read(&path)?));
    }
    std::fs::write(&index, html)?;
    Ok(())
}

/// A subresource-integrity value, as Trunk writes them.
pub fn integrity(bytes: &[u8]) -> String {
    use base64::Engine;
    use sha2::Digest;
    format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(bytes)))
}

/// Every file under `dist` (or any folder), as paths relative to it with `/` separators, sorted.
pub fn files_under(dist: &Path) -> anyhow::Result<Vec<String>> {
    fn walk(dir: &Path, base: &Path, found: &mut Vec<String>) -> anyhow::Result<()> {
        for entry in std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
            let path = entry?.path();
            if path.is_dir() {
                walk(&path, base, found)?;
            } else {
                let relative = path.strip_prefix(base)?.components();
                found.push(relative.map(|part| part.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"));
            }
        }
        Ok(())
    }
    let mut found = Vec::new();
    walk(dist, dist, &mut found)?;
    found.sort();
    Ok(found)
}

pub fn precompress(dist: &Path) -> anyhow::Result<()> {
    for relative in files_under(dist)? {
        let path = dist.join(&relative);
        let compressible = path.extension().and_then(|e| e.to_str()).is_some_and(|e| COMPRESSIBLE.contains(&e));
        if !compressible {
            continue;
        }
        let bytes = std::fs::read(&path)?;
        std::fs::write(append_extension(&path, "br"), brotli_bytes(&bytes)?)?;
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gzip.write_all(&bytes)?;
        std::fs::write(append_extension(&path, "gz"), gzip.finish()?)?;
    }
    Ok(())
}

/// Brotli at the highest quality, as served.
fn brotli_bytes(bytes: &[u8]) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out)
}

fn append_extension(path: &Path, extension: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(extension);
    name.into()
}
