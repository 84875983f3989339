//! Every screen after the welcome screen. In release builds (feature `split-screens`, which
//! `cargo xtask` turns on for the kiosk) they are a wasm chunk of their own: the kiosk starts
//! with the welcome screen's code only, about a third less to download and compile, and
//! fetches the rest as soon as the office's data is there, long before a visitor's first tap.
//! xtask/src/wasm_split.rs cuts the chunk out of the built app; docs/size.md has the figures.

use leptos::prelude::*;

use super::appointment::AppointmentScreen;
use super::checklist::ChecklistScreen;
use super::concerns::ConcernScreen;
use super::language::LanguageScreen;
use super::reference::ReferenceScreen;
use super::summary::SummaryScreen;
use super::ticket::TicketScreen;
use super::visit::Step;
use super::welcome::WelcomeScreen;

/// The screen for `step`, once its code is there. If it cannot be fetched (the server is gone
/// at that moment), the visitor reads why and can try again; the navigation stays usable.
pub fn screen(step: Step) -> AnyView {
    #[cfg(feature = "split-screens")]
    {
        split::screen(step)
    }
    #[cfg(not(feature = "split-screens"))]
    {
        build(step)
    }
}

/// Starts fetching the screens' code if it is not there yet. Cheap when it is; after a failed
/// attempt it tries again.
pub fn prefetch() {
    #[cfg(feature = "split-screens")]
    leptos::task::spawn_local(async {
        // Not before the welcome screen is painted: compiling the chunk would hold it up.
        crate::timing::idle().await;
        // A failure is shown when a visitor needs the screens; the next call tries again.
        let _ = split::prefetch_later_screens().await;
    });
}

fn build(step: Step) -> AnyView {
    match step {
        Step::Welcome => view! { <WelcomeScreen/> }.into_any(),
        Step::Language => view! { <LanguageScreen/> }.into_any(),
        Step::Concern => view! { <ConcernScreen/> }.into_any(),
        Step::Reference => view! { <ReferenceScreen/> }.into_any(),
        Step::Appointment => view! { <AppointmentScreen/> }.into_any(),
        Step::Checklist => view! { <ChecklistScreen/> }.into_any(),
        Step::Summary => view! { <SummaryScreen/> }.into_any(),
        Step::Ticket => view! { <TicketScreen/> }.into_any(),
    }
}

#[cfg(feature = "split-screens")]
mod split {
    use leptos::prelude::*;
    use leptos::wasm_split::{SplitLoaderError, wasm_split};

    use super::super::FailurePanel;
    use super::super::visit::Step;
    use crate::api_client::ApiFailure;

    /// The chunk could not be fetched.
    pub struct Unavailable;

    impl From<SplitLoaderError> for Unavailable {
        fn from(_: SplitLoaderError) -> Self {
            Unavailable
        }
    }

    /// The split point: everything only this function reaches moves into the chunk
    /// `later_screens`. `fallible` makes a failed fetch an error instead of a panic (which
    /// would stop the kiosk), and a later call fetches again.
    #[wasm_split(later_screens, wasm_split_path = ::leptos::wasm_split, fallible, preload(prefetch_later_screens))]
    pub fn build_loaded(step: Step) -> Result<AnyView, Unavailable> {
        Ok(super::build(step))
    }

    pub fn screen(step: Step) -> AnyView {
        let attempt = RwSignal::new(0_u32);
        let load = move || {
            attempt.track();
            // Once the chunk is there this is ready at the first poll: the screen is built in
            // the same frame as the tap, as it would be without the split.
            Suspend::new(async move {
                match build_loaded(step).await {
                    Ok(screen) => screen,
                    Err(Unavailable) => view! {
                        <FailurePanel failure=ApiFailure::Unreachable on_retry=move || attempt.update(|n| *n += 1)/>
                    }
                    .into_any(),
                }
            })
        };
        load.into_any()
    }
}
