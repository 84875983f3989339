//! Cuts the kiosk's later screens out of its start-up download (issue 19).
//!
//! The kiosk is compiled with the feature `split-screens`: its screens after the welcome screen
//! sit behind one split point (`src/pages/kiosk/later_screens.rs`) and the wasm keeps its
//! relocations (`build.rs`). Trunk builds it as usual; then this step takes cargo's wasm again
//! and
//! 1. splits it with `wasm_split_cli_support` into the start-up module, the chunk with the
//!    later screens and a small JS loader for the chunk;
//! 2. runs wasm-bindgen on the start-up module with Trunk's settings, keeping the linker's
//!    exports (memory, function table) the chunk links against;
//! 3. runs wasm-opt on the start-up module and on the chunk (Trunk's own wasm-opt is off for the
//!    kiosk: it would optimise a module that is thrown away here);
//! 4. names the chunk and the loader after their contents, and puts the start-up module and
//!    glue where Trunk's were, under Trunk's names, with their integrity hashes and a
//!    `modulepreload` of the loader in `index.html`.

use std::path::Path;

use anyhow::Context;

use crate::target_dir;
use crate::tools::Tools;
use crate::web::integrity;

/// What Trunk's `data-wasm-opt="z"` runs, plus the WebAssembly features Rust 1.95 emits by
/// default (wasm-opt must be told; Trunk finds them in the module itself).
const WASM_OPT: &[&str] = &[
    "-Oz",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// The loader's name as the splitter writes it into the glue.
const LOADER: &str = "__wasm_split.js";

/// Splits the kiosk built by Trunk into `dist` (its folder).
pub fn split_kiosk(tools: &Tools, dist: &Path) -> anyhow::Result<()> {
    let raw = target_dir().join("wasm32-unknown-unknown/wasm-release/willkommen.wasm");
    let name = trunk_output_name(dist)?;
    let work = target_dir().join("wasm-split");
    let _ = std::fs::remove_dir_all(&work);
    let chunks_dir = work.join("chunks");
    std::fs::create_dir_all(&chunks_dir)?;

    // 1. Split. The loader imports `initSync` from the glue, which sits next to it.
    let input = std::fs::read(&raw).with_context(|| format!("cannot read {}", raw.display()))?;
    let main_module = format!("./{name}.js");
    let link_name = format!("./{LOADER}");
    let start_up = work.join("start_up.wasm");
    let split = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(&input);
        options.output_dir = &chunks_dir;
        options.main_out_path = &start_up;
        options.main_module = &main_module;
        options.link_name = &link_name;
        options
    })
    .map_err(|error| anyhow::anyhow!("splitting {} failed: {error:?}", raw.display()))?;
    anyhow::ensure!(
        !split.split_modules.is_empty(),
        "{} has no split point: was it built with the feature split-screens?",
        raw.display()
    );

    // 2. wasm-bindgen as Trunk runs it (index.html: data-weak-refs).
    let bound = work.join("bound");
    tools
        .command("wasm-bindgen")
        .args(["--target", "web", "--no-typescript", "--weak-refs", "--keep-lld-exports", "--out-name", &name])
        .args(["--out-dir".as_ref(), bound.as_os_str(), start_up.as_os_str()])
        .run()?;

    // 3 and 4. The chunks, optimised and named after their contents.
    let mut loader = std::fs::read_to_string(chunks_dir.join(LOADER))?;
    for chunk in &split.split_modules {
        let stem = chunk.file_stem().and_then(|s| s.to_str()).context("chunk without a name")?.to_owned();
        let optimised = work.join(format!("{stem}.opt.wasm"));
        optimise(tools, chunk, &optimised)?;
        let bytes = std::fs::read(&optimised)?;
        let hashed = format!("{stem}-{}.wasm", content_hash(&bytes));
        let reference = format!("\"./{stem}.wasm\"");
        anyhow::ensure!(loader.contains(&reference), "the loader does not fetch {stem}.wasm");
        loader = loader.replace(&reference, &format!("\"./{hashed}\""));
        std::fs::write(dist.join(&hashed), bytes)?;
    }
    let loader_name = format!("__wasm_split-{}.js", content_hash(loader.as_bytes()));
    std::fs::write(dist.join(&loader_name), &loader)?;

    // The start-up module and its glue replace Trunk's.
    let glue_path = dist.join(format!("{name}.js"));
    let wasm_path = dist.join(format!("{name}_bg.wasm"));
    let mut html = std::fs::read_to_string(dist.join("index.html"))?;
    let glue = std::fs::read_to_string(bound.join(format!("{name}.js")))?;
    let loader_import = format!("from \"./{LOADER}\"");
    anyhow::ensure!(glue.contains(&loader_import), "the glue does not import the loader");
    let glue = glue.replace(&loader_import, &format!("from \"./{loader_name}\""));
    for (path, bytes) in
        [(&glue_path, glue.into_bytes()), (&wasm_path, optimised_start_up(tools, &bound, &name, &work)?)]
    {
        let old = integrity(&std::fs::read(path)?);
        anyhow::ensure!(html.contains(&old), "index.html has no integrity hash for {}", path.display());
        html = html.replace(&old, &integrity(&bytes));
        std::fs::write(path, bytes)?;
    }
    // The glue imports the loader at once: fetched alongside it, not after it.
    let glue_link = format!("<link crossorigin href=/{name}.js");
    anyhow::ensure!(html.contains(&glue_link), "index.html does not preload the glue");
    let preload =
        format!("<link crossorigin href=/{loader_name} integrity={} rel=modulepreload>", integrity(loader.as_bytes()));
    html = html.replace(&glue_link, &format!("{preload}{glue_link}"));
    std::fs::write(dist.join("index.html"), html)?;
    Ok(())
}

fn optimised_start_up(tools: &Tools, bound: &Path, name: &str, work: &Path) -> anyhow::Result<Vec<u8>> {
    let optimised = work.join("start_up.opt.wasm");
    optimise(tools, &bound.join(format!("{name}_bg.wasm")), &optimised)?;
    Ok(std::fs::read(optimised)?)
}

pub fn optimise(tools: &Tools, input: &Path, output: &Path) -> anyhow::Result<()> {
    tools.command("wasm-opt").args(WASM_OPT).args([input.as_os_str(), "-o".as_ref(), output.as_os_str()]).run()
}

/// `willkommen-<hash>` from Trunk's `willkommen-<hash>_bg.wasm`.
fn trunk_output_name(dist: &Path) -> anyhow::Result<String> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dist)? {
        let file = entry?.file_name().to_string_lossy().into_owned();
        if let Some(name) = file.strip_suffix("_bg.wasm") {
            names.push(name.to_owned());
        }
    }
    match names.as_slice() {
        [name] => Ok(name.clone()),
        _ => anyhow::bail!("expected one *_bg.wasm in {}, found {names:?}", dist.display()),
    }
}

/// 16 hex digits of SHA-256, as file names that change with their content.
fn content_hash(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().take(8).map(|byte| format!("{byte:02x}")).collect()
}
