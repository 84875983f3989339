//! `cargo xtask bench [size|browser|api|statistics] [--quick] [--postgres]`: every benchmark, or one part
//! of them. They measure and print; none fails on a timing (the kiosk's size budget is held by
//! `cargo xtask test`). The whole run writes `docs/benchmarks.md` and `docs/benchmarks.json`
//! with the machine, the command and the date; a partial, `--quick` or `--postgres` run writes
//! the same files under `target/bench/` instead, so the committed figures always come from one
//! run. `--postgres` runs the API benchmark against a throwaway, durable PostgreSQL (fsync on)
//! instead of SQLite.
//!
//! - size: `size.rs`, plus what the kiosk's wasm is made of (twiggy).
//! - browser: `tests/bench/browser.mjs` (start-up, responsiveness, memory, outage) in headless
//!   Chromium against the release server, with a minimal Leptos app as a second floor
//!   (`minimal_leptos.rs`).
//! - api: `crates/server/examples/bench_api` (load, live-stream fan-out, faults).
//! - statistics: the same example's `--statistics-only`: a busy office's year, reported.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context;
use serde_json::{Value, json};

use crate::cmd::{Cmd, cargo};
use crate::postgres::TestPostgres;
use crate::size::{self, KIOSK_BUDGET_BYTES, kb};
use crate::tools::{self, CHROMIUM};
use crate::web::{self, APPS};
use crate::{root, target_dir};

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Part {
    Size,
    Browser,
    Api,
    Statistics,
}

/// One part's results: its JSON and its section of the markdown report.
struct Section {
    key: &'static str,
    json: Value,
    markdown: String,
}

pub fn run(only: Option<Part>, quick: bool, postgres: bool) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let out = target_dir().join("bench");
    std::fs::create_dir_all(&out)?;
    let wanted = |part: Part| only.is_none_or(|only| only == part);
    let tools = tools::ensure_build_tools()?;
    if wanted(Part::Size) || wanted(Part::Browser) {
        web::build_release(&tools)?;
    }
    if wanted(Part::Browser) || wanted(Part::Api) || wanted(Part::Statistics) {
        cargo(&["build", "--release", "--package", "willkommen-server", "--bin", "willkommen-server"]).run()?;
    }
    let mut sections = Vec::new();
    if wanted(Part::Size) {
        sections.push(size_section()?);
    }
    if wanted(Part::Browser) {
        let minimal = crate::minimal_leptos::build(&tools)?;
        sections.push(browser_section(&out, quick, &minimal)?);
    }
    if wanted(Part::Api) {
        sections.push(api_section(&out, quick, postgres)?);
    }
    if wanted(Part::Statistics) {
        sections.push(statistics_section(&out, quick, postgres)?);
    }

    let command = command_line(only, quick, postgres);
    let machine = machine();
    let date = Cmd::new("date").args(["-u", "+%Y-%m-%d %H:%M UTC"]).output().unwrap_or_default().trim().to_owned();
    let mut report = BTreeMap::new();
    report.insert("command", json!(command));
    report.insert("date", json!(date));
    report.insert("machine", machine.clone());
    report.insert("minutes", json!((started.elapsed().as_secs_f64() / 60.0 * 10.0).round() / 10.0));
    for section in &sections {
        report.insert(section.key, section.json.clone());
    }
    let markdown = render(&command, &date, &machine, started.elapsed().as_secs(), &sections);
    let dir = if only.is_none() && !quick && !postgres { root().join("docs") } else { out };
    std::fs::write(dir.join("benchmarks.json"), serde_json::to_string_pretty(&report)? + "\n")?;
    std::fs::write(dir.join("benchmarks.md"), &markdown)?;
    println!("{markdown}");
    println!("xtask: wrote {0}/benchmarks.md and {0}/benchmarks.json", dir.display());
    Ok(())
}

fn command_line(only: Option<Part>, quick: bool, postgres: bool) -> String {
    let part = match only {
        None => "",
        Some(Part::Size) => " size",
        Some(Part::Browser) => " browser",
        Some(Part::Api) => " api",
        Some(Part::Statistics) => " statistics",
    };
    let quick = if quick { " --quick" } else { "" };
    let postgres = if postgres { " --postgres" } else { "" };
    format!("cargo xtask bench{part}{quick}{postgres}")
}

fn render(command: &str, date: &str, machine: &Value, seconds: u64, sections: &[Section]) -> String {
    let field = |key: &str| machine[key].as_str().unwrap_or("?").to_owned();
    let mut text = format!(
        "# Benchmarks\n\n\
         Measured by `{command}` on {date} ({} min), on {} ({} cores, {} RAM), {}, {}, {}. \
         The machine-readable figures are in `benchmarks.json` next to this file.\n\n\
         Benchmarks print figures and never fail on timing; the one budget that fails the build \
         is the kiosk's download size, checked by `cargo xtask test`. Each section names the \
         command that reproduces it.\n\n",
        seconds.div_ceil(60),
        field("cpu"),
        field("cores"),
        field("memory"),
        field("os"),
        field("rustc"),
        field("chromium"),
    );
    for section in sections {
        text.push_str(section.markdown.trim_end());
        text.push_str("\n\n");
    }
    text.push_str("What these figures led to in the product: [performance.md](performance.md).\n");
    text
}

fn machine() -> Value {
    let read = |path: &str| std::fs::read_to_string(path).unwrap_or_default();
    let cpuinfo = read("/proc/cpuinfo");
    let cpu = cpuinfo.lines().find_map(|line| line.strip_prefix("model name")?.split(':').nth(1)).unwrap_or("?");
    let cores = cpuinfo.lines().filter(|line| line.starts_with("processor")).count();
    let memory_kb: u64 = read("/proc/meminfo")
        .lines()
        .find_map(|line| line.strip_prefix("MemTotal:")?.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0);
    let output = |program: &str, args: &[&str]| {
        Cmd::new(program).args(args).output().unwrap_or_default().lines().next().unwrap_or("?").trim().to_owned()
    };
    json!({
        "cpu": cpu.trim(),
        "cores": cores.to_string(),
        "memory": format!("{:.0} GiB", memory_kb as f64 / 1024.0 / 1024.0),
        "os": output("uname", &["-sr"]),
        "rustc": output("rustc", &["--version"]),
        "chromium": output(CHROMIUM, &["--version"]),
    })
}

/// What each app downloads before its first screen is usable, and what the kiosk's wasm is
/// made of.
fn size_section() -> anyhow::Result<Section> {
    let dist = root().join("dist");
    let mut apps = serde_json::Map::new();
    let mut rows = String::new();
    for app in &APPS {
        let assets = size::startup_assets(&dist, &app.page())?;
        let total: usize = assets.iter().map(|asset| asset.brotli).sum();
        let of_kind = |ending: &str| -> usize {
            assets.iter().filter(|asset| asset.name.ends_with(ending)).map(|asset| asset.brotli).sum()
        };
        let (wasm, css) = (of_kind(".wasm"), of_kind(".css"));
        let js = of_kind(".js");
        rows.push_str(&format!(
            "| {} | **{}** | {} | {} | {} | {} |\n",
            app.title,
            kb(total),
            kb(wasm),
            kb(js),
            kb(css),
            kb(total - wasm - js - css)
        ));
        let files: Vec<Value> = assets
            .iter()
            .map(|asset| json!({"file": asset.name, "raw_bytes": asset.raw, "brotli_bytes": asset.brotli}))
            .collect();
        apps.insert(app.name().to_owned(), json!({"brotli_bytes": total, "files": files}));
    }
    let kiosk = apps["kiosk"]["brotli_bytes"].as_u64().unwrap_or(0) as usize;
    let contributors = wasm_contributors(&target_dir().join("wasm32-unknown-unknown/wasm-release/willkommen.wasm"))?;
    let code_total: usize = contributors.iter().map(|(_, bytes)| bytes).sum();
    let mut top = String::new();
    for (name, bytes) in contributors.iter().take(14) {
        top.push_str(&format!("| {name} | {} | {:.1} % |\n", kb(*bytes), 100.0 * *bytes as f64 / code_total as f64));
    }
    let markdown = format!(
        "## Download size\n\n\
         `cargo xtask bench size` (also printed by `cargo xtask size` and every `cargo xtask test`).\n\n\
         Brotli (quality 11, as the server sends it) of what each app loads before its first screen \
         is usable: its page and every file the page links, the German texts being compiled in. \
         Fonts: none are downloaded; every script's fonts are installed on the device \
         (docs/kiosk-device.md).\n\n\
         | app | total | wasm | JS | CSS | page, loader, icon |\n|---|---:|---:|---:|---:|---:|\n{rows}\n\
         **Kiosk budget: {} of {}** (`cargo xtask test` fails above it).\n\n\
         What the kiosk's wasm is made of, by crate: twiggy's shallow sizes in the wasm as the \
         compiler leaves it (before wasm-bindgen and wasm-opt, which shrink every part), \
         {} in all. What was done about the biggest parts is in docs/size.md.\n\n\
         | part | bytes | share |\n|---|---:|---:|\n{top}",
        kb(kiosk),
        kb(KIOSK_BUDGET_BYTES),
        kb(code_total),
    );
    let contributors: Vec<Value> =
        contributors.iter().map(|(name, bytes)| json!({"part": name, "bytes": bytes})).collect();
    let json = json!({
        "kiosk_budget_bytes": KIOSK_BUDGET_BYTES,
        "kiosk_within_budget": kiosk <= KIOSK_BUDGET_BYTES,
        "apps": apps,
        "kiosk_wasm_by_crate_before_optimising": contributors,
    });
    Ok(Section { key: "size", json, markdown })
}

/// twiggy's items of `wasm`, summed by the crate that owns them, biggest first. The sections
/// wasm-bindgen removes (its descriptors, the names) are left out.
fn wasm_contributors(wasm: &Path) -> anyhow::Result<Vec<(String, usize)>> {
    let twiggy = tools::ensure_twiggy()?;
    let listing = Cmd::new(twiggy)
        .args([
            "top".as_ref(),
            "-n".as_ref(),
            "1000000".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            wasm.as_os_str(),
        ])
        .output()
        .context("twiggy failed")?;
    let items: Vec<Value> = serde_json::from_str(&listing).context("twiggy's listing is not JSON")?;
    let mut by_part = BTreeMap::<String, usize>::new();
    for item in &items {
        let name = item["name"].as_str().unwrap_or_default();
        let bytes = item["shallow_size"].as_u64().unwrap_or(0) as usize;
        if let Some(part) = part_of(name) {
            *by_part.entry(part).or_default() += bytes;
        }
    }
    let mut parts: Vec<_> = by_part.into_iter().collect();
    parts.sort_by_key(|(_, bytes)| std::cmp::Reverse(*bytes));
    Ok(parts)
}

/// The crate (or kind of data) an item of twiggy's listing belongs to; `None` for what
/// wasm-bindgen strips anyway.
fn part_of(name: &str) -> Option<String> {
    if name.contains("__wasm_bindgen_unstable")
        || name.contains("names\" subsection")
        || name.contains("__wbindgen_describe")
        || name.starts_with("custom section")
    {
        return None;
    }
    if name.starts_with("data segment") {
        return Some("constant data (texts, tables)".into());
    }
    let symbol = name.trim_start_matches(['<', '&', '*', ' ']).trim_start_matches("dyn ");
    let ident: String = symbol.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
    let rest = &symbol[ident.len()..];
    // `core::…`, or with the crate's disambiguator, `core[c5930c85a12de822]::…`.
    let hashed = rest
        .strip_prefix('[')
        .and_then(|rest| rest.split_once("]::"))
        .is_some_and(|(hash, _)| !hash.is_empty() && hash.bytes().all(|b| b.is_ascii_hexdigit()));
    Some(if !ident.is_empty() && (rest.starts_with("::") || hashed) {
        match ident.as_str() {
            "core" | "alloc" | "std" => "Rust standard library".into(),
            "willkommen" | "willkommen_api" => "Willkommen's own code".into(),
            _ => ident,
        }
    } else {
        "other (imports, tables, glue)".into()
    })
}

fn browser_section(out: &Path, quick: bool, minimal_leptos: &Path) -> anyhow::Result<Section> {
    tools::ensure_chromium()?;
    let mut node = Cmd::new("node")
        .args(["tests/bench/browser.mjs".as_ref(), "--out".as_ref(), out.as_os_str()])
        .env("WILLKOMMEN_SERVER_BIN", target_dir().join("release/willkommen-server"))
        .env("WILLKOMMEN_DIST_DIR", root().join("dist"))
        .env("WILLKOMMEN_MINIMAL_LEPTOS_DIR", minimal_leptos)
        .env("CHROMIUM", CHROMIUM);
    if quick {
        node = node.args(["--quick"]);
    }
    node.run()?;
    read_section("browser", out)
}

fn api_section(out: &Path, quick: bool, postgres: bool) -> anyhow::Result<Section> {
    run_bench_api(out, quick, postgres, &[])?;
    read_section("api", out)
}

/// A busy office's year of statistics (`crates/server/examples/bench_api/statistics_year.rs`).
fn statistics_section(out: &Path, quick: bool, postgres: bool) -> anyhow::Result<Section> {
    run_bench_api(out, quick, postgres, &["--statistics-only"])?;
    read_section("statistics", out)
}

/// Runs `crates/server/examples/bench_api` against the release server, writing into `out`.
fn run_bench_api(out: &Path, quick: bool, postgres: bool, more: &[&str]) -> anyhow::Result<()> {
    cargo(&["build", "--release", "--package", "willkommen-server", "--features", "bench", "--example", "bench_api"])
        .run()?;
    let mut bench = Cmd::new(target_dir().join("release/examples/bench_api"))
        .args(["--server".as_ref(), target_dir().join("release/willkommen-server").as_os_str()])
        .args(["--out".as_ref(), out.as_os_str()])
        .args(more);
    if quick {
        bench = bench.args(["--quick"]);
    }
    // Durable: figures from a database that skips fsync would flatter every write.
    let database = if postgres { Some(TestPostgres::start_durable()?) } else { None };
    if let Some(database) = &database {
        bench = bench.args(["--database-url", &database.url]);
    }
    bench.run()?;
    drop(database);
    Ok(())
}

/// A part's `<name>.json` and `<name>.md`, as its benchmark wrote them into `out`.
fn read_section(key: &'static str, out: &Path) -> anyhow::Result<Section> {
    let json_file = out.join(format!("{key}.json"));
    let text = std::fs::read_to_string(&json_file).with_context(|| format!("no {}", json_file.display()))?;
    let markdown = std::fs::read_to_string(out.join(format!("{key}.md")))?;
    Ok(Section { key, json: serde_json::from_str(&text)?, markdown })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twiggy_items_are_summed_by_their_crate() {
        assert_eq!(part_of("tachys::view::Render::build::h0123").as_deref(), Some("tachys"));
        assert_eq!(
            part_of("<tachys::html::element::HtmlElement<E,At,Ch> as tachys::view::Render>::build").as_deref(),
            Some("tachys")
        );
        assert_eq!(part_of("core[c5930c85a12de822]::fmt::write").as_deref(), Some("Rust standard library"));
        assert_eq!(part_of("willkommen::main::h1").as_deref(), Some("Willkommen's own code"));
        assert_eq!(part_of("data segment \".rodata\"").as_deref(), Some("constant data (texts, tables)"));
        assert_eq!(part_of("custom section '__wasm_bindgen_unstable'"), None);
        assert_eq!(part_of("export \"__wbindgen_describe___wbg_get\""), None);
        assert_eq!(part_of("elem[0]").as_deref(), Some("other (imports, tables, glue)"));
    }
}
