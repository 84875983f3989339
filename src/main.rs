//! Entry point of the web app: mounts [`willkommen::App`] into the page.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(willkommen::App);
}
