//! The floor of any Leptos app, for the start-up benchmark: `examples/minimal_welcome.rs` (a
//! heading and an enabled start button), built as the kiosk is built (profile `wasm-release`,
//! wasm-bindgen with weak references, wasm-opt `-Oz`, minified glue, precompressed) into one
//! folder with its page, served by the benchmark as `/minimal-leptos/index.html`. Whatever the kiosk
//! needs beyond it is the kiosk's own start, not Leptos' or WebAssembly's.

use std::path::PathBuf;

use crate::cmd::cargo;
use crate::target_dir;
use crate::tools::Tools;

/// Where the page is, and the URL path the benchmark serves it under.
pub const URL_PATH: &str = "/minimal-leptos/";

pub fn build(tools: &Tools) -> anyhow::Result<PathBuf> {
    cargo(&[
        "build",
        "--example",
        "minimal_welcome",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        "wasm-release",
    ])
    .run()?;
    let raw = target_dir().join("wasm32-unknown-unknown/wasm-release/examples/minimal_welcome.wasm");
    let out = target_dir().join("minimal-leptos");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out)?;
    tools
        .command("wasm-bindgen")
        .args(["--target", "web", "--no-typescript", "--weak-refs", "--out-name", "minimal"])
        .args(["--out-dir".as_ref(), out.as_os_str(), raw.as_os_str()])
        .run()?;
    let wasm = out.join("minimal_bg.wasm");
    let optimised = out.join("minimal_bg.opt.wasm");
    crate::wasm_split::optimise(tools, &wasm, &optimised)?;
    std::fs::rename(&optimised, &wasm)?;
    crate::web::minify_js(tools, &out.join("minimal.js"))?;
    // As Trunk's output after `web::build_release`: a start script of its own (the server's
    // Content-Security-Policy allows no inline script), the glue and the wasm preloaded.
    std::fs::write(
        out.join("start.js"),
        format!(
            "import init from '{URL_PATH}minimal.js';\n\
             const wasm = await init({{ module_or_path: '{URL_PATH}minimal_bg.wasm' }});\n\
             dispatchEvent(new CustomEvent('TrunkApplicationStarted', {{ detail: {{ wasm }} }}));\n"
        ),
    )?;
    std::fs::write(
        out.join("index.html"),
        format!(
            "<!doctype html><html lang=de><meta charset=utf-8>\
             <meta content=\"width=device-width,initial-scale=1\" name=viewport><title>Willkommen</title>\
             <script type=module src={URL_PATH}start.js></script>\
             <link crossorigin href={URL_PATH}minimal.js rel=modulepreload>\
             <link as=fetch crossorigin href={URL_PATH}minimal_bg.wasm rel=preload type=application/wasm>\
             </head><body></body></html>\n"
        ),
    )?;
    crate::web::precompress(&out)?;
    Ok(out)
}
