//! The floor of any Leptos client-side app: the smallest Leptos 0.8 program that shows what
//! the kiosk's start-up is measured by, a heading and an enabled start button, built with the
//! kiosk's release settings. `cargo xtask bench browser` times its cold start next to the
//! kiosk's and the static welcome page's (docs/performance.md).

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::*;
    leptos::mount::mount_to_body(|| {
        view! {
            <main>
                <h1>"Willkommen"</h1>
                <button type="button" class="start-button">"Start"</button>
            </main>
        }
    });
}

// Only the browser build runs it; natively it only has to compile.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
