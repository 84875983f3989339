//! With the feature `split-screens`, the kiosk's wasm is linked with its relocations kept: the
//! release build splits it into the start-up module and a chunk loaded later
//! (xtask/src/wasm_split.rs), and the splitter needs them to move code. Only the kiosk's
//! final link is affected; nothing is rebuilt for it.
fn main() {
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_SPLIT_SCREENS").is_some() {
        println!("cargo:rustc-link-arg-bin=willkommen=--emit-relocs");
    }
}
