//! Entry point of the kiosk's app (`index.html`): mounts [`willkommen::KioskApp`].

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(willkommen::KioskApp);
}
