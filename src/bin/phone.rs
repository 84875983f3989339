//! Entry point of the phone ticket page's app (`phone.html`): mounts [`willkommen::PhoneApp`].
//! A download of its own, light for a cheap phone on mobile data.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(willkommen::PhoneApp);
}
