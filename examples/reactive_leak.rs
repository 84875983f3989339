//! What Leptos 0.8's reactive graph keeps of reactive code that is gone, measured natively:
//! `cargo run --release --example reactive_leak`. docs/performance.md has the figures and
//! what the kiosk does about it; this program is small enough to go upstream as it is.
//!
//! 1. A render effect that read a long-lived signal and was then dropped stays in the signal's
//!    subscriber list (a weak reference, which keeps its allocation) until the signal itself is
//!    dropped: reactive_graph's `RenderEffect` has no `Drop` that unsubscribes it, and a
//!    signal's notification clones its subscriber list instead of taking it.
//! 2. An owner created under a long-lived owner and then dropped stays in its parent's list
//!    of children (again a weak reference) until the parent is cleaned up.
//! 3. Both are gone when the signal (or owner) they hang on is disposed: what the kiosk does by
//!    giving every visitor an owner and signals of their own.

// A native program: the browser build of the workspace's examples only has to compile.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::sync::atomic::{AtomicIsize, Ordering};

    use leptos::prelude::*;
    use leptos::reactive::effect::RenderEffect;

    /// Bytes allocated and not yet freed.
    static LIVE: AtomicIsize = AtomicIsize::new(0);

    struct Counting;

    // SAFETY: defers to the system allocator and only counts.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
            unsafe { System.alloc(layout) }
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
            unsafe { System.dealloc(ptr, layout) }
        }
    }

    #[global_allocator]
    static ALLOCATOR: Counting = Counting;

    const ROUNDS: isize = 10_000;

    /// Bytes still allocated per round after `round` ran `ROUNDS` times (a warm-up round first).
    fn kept_per_round(mut round: impl FnMut()) -> isize {
        // Each round's effects end their tasks on the executor, as a browser's would between two
        // screens.
        let mut round = move || {
            round();
            any_spawner::Executor::poll_local();
        };
        round();
        let before = LIVE.load(Ordering::Relaxed);
        for _ in 0..ROUNDS {
            round();
        }
        (LIVE.load(Ordering::Relaxed) - before) / ROUNDS
    }

    pub fn main() {
        // Render effects hand their later runs to tasks on the executor, run after each round.
        let _ = any_spawner::Executor::init_futures_executor();
        let root = Owner::new();
        root.set();
        let language = RwSignal::new("de".to_owned());

        // 1. A screen's reactive text: an effect that reads the long-lived language, dropped.
        let effect_kept = kept_per_round(|| {
            let text = RenderEffect::new(move |_| language.with(|language| language.len()));
            drop(text);
        });
        println!("render effect reading a long-lived signal, dropped:  {effect_kept:>4} bytes kept each");

        // ... unless the signal is notified afterwards? It clones its subscribers: still kept.
        let notified_kept = kept_per_round(|| {
            let text = RenderEffect::new(move |_| language.with(|language| language.len()));
            drop(text);
            language.update(|_| {});
        });
        println!("the same, with the signal notified after each drop: {notified_kept:>4} bytes kept each");

        // 2. A screen's owner under the long-lived one, dropped.
        let owner_kept = kept_per_round(|| {
            let screen = Owner::new();
            drop(screen);
        });
        println!("child owner under a long-lived owner, dropped:      {owner_kept:>4} bytes kept each");

        // 3. The kiosk's way: each visit has an owner and a signal of its own, and the screens'
        //    effects read the visit's signal; all of it goes with the visit.
        let visit_kept = kept_per_round(|| {
            let visit = root.child();
            visit.with(|| {
                let visit_language = RwSignal::new(language.get_untracked());
                for _ in 0..10 {
                    let screen = Owner::new();
                    screen.with(|| {
                        let text = RenderEffect::new(move |_| visit_language.with(|language| language.len()));
                        drop(text);
                    });
                }
            });
            visit.cleanup();
            drop(visit);
        });
        println!("a visit of 10 screens with signals of its own:      {visit_kept:>4} bytes kept each");
    }
}
