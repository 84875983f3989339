//! Entry point of the lobby call display's app (`display.html`): mounts
//! [`willkommen::DisplayApp`].

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(willkommen::DisplayApp);
}
