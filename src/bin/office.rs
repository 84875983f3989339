//! Entry point of the office's app (the staff desk and the admin console): mounts
//! [`willkommen::OfficeApp`]. A download of its own, so kiosks never load it.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(willkommen::OfficeApp);
}
