//! The size of what each of the web app's downloads loads before its first screen is usable:
//! its `index.html` and everything it references (wasm, JS glue, CSS, icon), brotli-compressed
//! as served. The kiosk's has a budget that the test command holds.

use std::path::Path;

use anyhow::Context;

use crate::web::APPS;

/// The most the kiosk may download (brotli) before its welcome screen is usable: kiosks are
/// weak machines, and every byte is downloaded and compiled at every start. 200 KB until the
/// live streams learnt to come back after a proxy's error page (1.1 KB), 202 KB until the
/// kiosk learnt to check in appointments (18.5 KB), 222 KB until the Fluent texts were
/// formatted without fluent-bundle (issue 19, 28.8 KB), 196 KB until the screens after the
/// welcome screen became a chunk fetched after start-up (issue 19, 49 KB). docs/size.md says
/// what each part costs.
pub const KIOSK_BUDGET_BYTES: usize = 160_000;

/// One downloaded file: name, bytes on disk, bytes brotli-compressed.
pub struct Asset {
    pub name: String,
    pub raw: usize,
    pub brotli: usize,
}

/// Prints a table for each app, and the kiosk's total against its budget.
pub fn report(dist: &Path) -> anyhow::Result<()> {
    for app in &APPS {
        report_page(dist, &app.page(), app.title)?;
    }
    let kiosk = kiosk_total(dist)?;
    println!("Kiosk start-up budget: {} of {} brotli\n", kb(kiosk), kb(KIOSK_BUDGET_BYTES));
    Ok(())
}

/// Fails when the kiosk's start-up download is over [`KIOSK_BUDGET_BYTES`].
pub fn check_budget(dist: &Path) -> anyhow::Result<()> {
    let total = kiosk_total(dist)?;
    anyhow::ensure!(
        total <= KIOSK_BUDGET_BYTES,
        "the kiosk's start-up download is {} brotli, over its budget of {} (see docs/size.md)",
        kb(total),
        kb(KIOSK_BUDGET_BYTES)
    );
    Ok(())
}

fn kiosk_total(dist: &Path) -> anyhow::Result<usize> {
    Ok(startup_assets(dist, &APPS[0].page())?.iter().map(|asset| asset.brotli).sum())
}

fn report_page(dist: &Path, page: &str, title: &str) -> anyhow::Result<()> {
    let assets = startup_assets(dist, page)?;
    println!("\n{title}:");
    println!("  {:<44} {:>10} {:>10}", "file", "raw", "brotli");
    for asset in &assets {
        println!("  {:<44} {:>10} {:>10}", asset.name, kb(asset.raw), kb(asset.brotli));
    }
    let raw: usize = assets.iter().map(|a| a.raw).sum();
    let brotli: usize = assets.iter().map(|a| a.brotli).sum();
    println!("  {:<44} {:>10} {:>10}\n", "total", kb(raw), kb(brotli));
    let later = later_chunks(dist, page, &assets)?;
    for asset in &later {
        println!("  {:<44} {:>10} {:>10}", asset.name, kb(asset.raw), kb(asset.brotli));
    }
    if !later.is_empty() {
        let raw = raw + later.iter().map(|a| a.raw).sum::<usize>();
        let brotli = brotli + later.iter().map(|a| a.brotli).sum::<usize>();
        println!("  {:<44} {:>10} {:>10}\n", "with what is fetched after start-up", kb(raw), kb(brotli));
    }
    Ok(())
}

/// The wasm chunks next to `page` that it does not load at start (the kiosk's later screens,
/// fetched once it is ready): not in the start-up figure, but downloaded all the same.
fn later_chunks(dist: &Path, page: &str, start_up: &[Asset]) -> anyhow::Result<Vec<Asset>> {
    let folder = Path::new(page).parent().unwrap_or(Path::new(""));
    let mut later = Vec::new();
    for entry in std::fs::read_dir(dist.join(folder))? {
        let file = entry?.file_name().to_string_lossy().into_owned();
        let name = folder.join(&file).to_string_lossy().into_owned();
        if file.ends_with(".wasm") && !start_up.iter().any(|asset| asset.name == name) {
            later.push(asset(dist, page, name)?);
        }
    }
    later.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(later)
}

/// `page` (a path inside `dist`) plus each local file it links to.
pub fn startup_assets(dist: &Path, page: &str) -> anyhow::Result<Vec<Asset>> {
    let index = std::fs::read_to_string(dist.join(page)).with_context(|| format!("no {page} in {}", dist.display()))?;
    let mut names = vec![page.to_owned()];
    for name in referenced_files(&index) {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.into_iter().map(|name| asset(dist, page, name)).collect()
}

/// `name`'s size on disk and as the release build compressed it for the server: what travels.
fn asset(dist: &Path, page: &str, name: String) -> anyhow::Result<Asset> {
    let size = |path: &Path| std::fs::metadata(path).map(|meta| meta.len() as usize);
    let raw = size(&dist.join(&name)).with_context(|| format!("{page} links to missing {name}"))?;
    let compressed = dist.join(format!("{name}.br"));
    let brotli =
        size(&compressed).with_context(|| format!("no {} (the release build writes it)", compressed.display()))?;
    Ok(Asset { raw, brotli, name })
}

/// Root-relative paths of files in `index.html`: attributes (quoted or, after Trunk's
/// minifier, unquoted) and the `'/x.wasm'` strings in Trunk's inline loader.
fn referenced_files(html: &str) -> Vec<String> {
    html.split(|c: char| c.is_whitespace() || "\"'=<>(),;{}".contains(c))
        .filter(|token| token.starts_with('/') && !token.starts_with("//") && token.contains('.'))
        .map(|token| token.trim_start_matches('/').to_owned())
        .collect()
}

/// `bytes` as kilobytes (1,000 bytes), as the size figures are given.
pub fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_files_trunk_links_from_index_html() {
        let html = r#"<link rel="modulepreload" href="/willkommen-ab12.js" crossorigin=anonymous>
            <link rel="preload" href="/willkommen-ab12_bg.wasm" as="fetch"><link href=/main-cd34.css rel=stylesheet></head>
            <script type="module">import init from '/willkommen-ab12.js';init({ module_or_path: '/willkommen-ab12_bg.wasm' });</script>
            <a href="https://example.org/x.html">x</a>"#;

        let files = referenced_files(html);

        assert!(files.contains(&"willkommen-ab12.js".to_owned()));
        assert!(files.contains(&"willkommen-ab12_bg.wasm".to_owned()));
        assert!(files.contains(&"main-cd34.css".to_owned()));
        assert!(!files.iter().any(|f| f.contains("example.org")));
    }
}
