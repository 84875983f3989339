//! Live streams (server-sent events) in the style of leptos-use's `use_event_source`: one call
//! opens the stream, named events reach their handlers, and the stream is closed when the
//! reactive owner that opened it is cleaned up.
//!
//! Unlike a bare `EventSource`, it never gives up. The browser reconnects by itself only while
//! the stream is connecting or open; when a server or proxy answers with an HTTP error or
//! something that is not an event stream (a server restarting behind nginx: 502 or 503; a
//! lapsed staff session: 401), the `EventSource` is closed for good. The helper then opens a new
//! one after 1 s, 2 s, 4 s … up to 15 s, for ever, starting over after each success. A new
//! `EventSource` sends no `Last-Event-ID` header, so it carries the last id received as
//! `?after=<id>`, which every live stream of the server reads the same way.
//!
//! Every kiosk downloads this at start-up, so it is written for size: no URL parsing (the
//! caller gives the starting point with [`UseEventSourceOptions::after`]), one browser callback
//! per stream, and no reactive storage beyond the one signal it offers.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{Event, EventSource, MessageEvent};

use crate::timing::{Backoff, sleep};

/// The longest pause between two streams the helper opens itself.
const LONGEST_RETRY_MS: i32 = 15_000;

type Handler = Box<dyn Fn(MessageEvent)>;

/// What a live stream does with its events: `UseEventSourceOptions::default().on("call",
/// ..).on_error(..)`.
#[derive(Default)]
pub struct UseEventSourceOptions {
    events: Vec<(&'static str, Handler)>,
    on_open: Option<Box<dyn Fn()>>,
    on_error: Option<Box<dyn Fn()>>,
    after: Option<i64>,
}

impl UseEventSourceOptions {
    /// Calls `handler` with every event named `name`, each one on its own (several can arrive
    /// in one tick).
    pub fn on(mut self, name: &'static str, handler: impl Fn(MessageEvent) + 'static) -> Self {
        self.events.push((name, Box::new(handler)));
        self
    }

    /// Called whenever the stream opens, the first time and after each reconnect.
    pub fn on_open(mut self, handler: impl Fn() + 'static) -> Self {
        self.on_open = Some(Box::new(handler));
        self
    }

    /// Called whenever the stream breaks or cannot be opened; a new try follows by itself.
    pub fn on_error(mut self, handler: impl Fn() + 'static) -> Self {
        self.on_error = Some(Box::new(handler));
        self
    }

    /// Starts after the event with this id (e.g. where a page loaded from continues).
    pub fn after(mut self, id: i64) -> Self {
        self.after = Some(id);
        self
    }
}

/// A live stream opened by [`use_event_source`].
#[derive(Clone, Copy)]
pub struct UseEventSource {
    /// Whether the stream is open now.
    pub connected: ReadSignal<bool>,
}

/// Opens the live stream at `url` (e.g. `/api/v1/queue/events`, without `after`) and keeps it
/// open, reconnecting with growing pauses, until the current reactive owner is cleaned up.
pub fn use_event_source(url: impl Into<String>, options: UseEventSourceOptions) -> UseEventSource {
    let connected = RwSignal::new(false);
    let stream = Rc::new_cyclic(|me: &Weak<Stream>| {
        let weak = me.clone();
        Stream {
            me: me.clone(),
            // One callback for all of the stream's events, of the type Leptos's own event
            // listeners use, so that they share their glue code.
            listener: Closure::wrap(Box::new(move |event: Event| {
                if let Some(stream) = weak.upgrade() {
                    stream.dispatch(event);
                }
            })),
            url: url.into(),
            after: Cell::new(options.after),
            options,
            source: RefCell::new(None),
            backoff: Cell::new(Backoff::new(LONGEST_RETRY_MS)),
            connected,
        }
    });
    stream.connect();
    // The owner keeps the stream; the browser's callbacks and the pause before a new try hold
    // it only weakly, so it goes, closed, with the owner.
    let kept = SendWrapper::new(stream);
    on_cleanup(move || kept.close());
    UseEventSource { connected: connected.read_only() }
}

/// The stream's state and the browser callback it owns.
struct Stream {
    me: Weak<Stream>,
    listener: Closure<dyn FnMut(Event)>,
    url: String,
    /// The last event id received (or the caller's starting point): where a new stream continues.
    after: Cell<Option<i64>>,
    options: UseEventSourceOptions,
    /// `None` once closed for good.
    source: RefCell<Option<EventSource>>,
    backoff: Cell<Backoff>,
    connected: RwSignal<bool>,
}

impl Stream {
    /// Opens a new `EventSource`, after the last event received if there was one.
    fn connect(&self) {
        let url = stream_url(&self.url, self.after.get());
        // Only a malformed address fails here, and it would fail again.
        let Ok(source) = EventSource::new(&url) else { return };
        let names = self.options.events.iter().map(|(name, _)| *name);
        for name in ["open", "error"].into_iter().chain(names) {
            let _ = source.add_event_listener_with_callback(name, self.listener.as_ref().unchecked_ref());
        }
        if let Some(old) = self.source.replace(Some(source)) {
            old.close();
        }
    }

    fn dispatch(&self, event: Event) {
        match event.type_().as_str() {
            "open" => {
                self.backoff.set(Backoff::new(LONGEST_RETRY_MS));
                self.connected.set(true);
                if let Some(on_open) = &self.options.on_open {
                    on_open();
                }
            }
            "error" => self.failed(),
            name => {
                let event: MessageEvent = event.unchecked_into();
                // The server's ids are whole numbers; anything else is no place to continue.
                if let Ok(id) = event.last_event_id().parse() {
                    self.after.set(Some(id));
                }
                if let Some((_, handler)) = self.options.events.iter().find(|(handled, _)| *handled == name) {
                    handler(event);
                }
            }
        }
    }

    fn failed(&self) {
        self.connected.set(false);
        if let Some(on_error) = &self.options.on_error {
            on_error();
        }
        // The browser tries again by itself unless it gave up (or the handler closed us).
        let given_up = self.source.borrow().as_ref().is_some_and(|source| source.ready_state() == EventSource::CLOSED);
        if given_up {
            let mut backoff = self.backoff.get();
            let delay = backoff.next_delay();
            self.backoff.set(backoff);
            let me = self.me.clone();
            leptos::task::spawn_local(async move {
                sleep(delay).await;
                // Gone with its owner, or closed meanwhile: no new try.
                if let Some(stream) = me.upgrade().filter(|stream| stream.source.borrow().is_some()) {
                    stream.connect();
                }
            });
        }
    }

    fn close(&self) {
        if let Some(source) = self.source.take() {
            source.close();
        }
        self.connected.try_set(false);
    }
}

/// Where a stream is opened: `url`, and `after=<id>` once there is a place to continue from.
fn stream_url(url: &str, after: Option<i64>) -> String {
    match after {
        Some(id) => format!("{url}{}after={id}", if url.contains('?') { '&' } else { '?' }),
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stream_continues_after_the_last_id_it_had() {
        assert_eq!(stream_url("/api/v1/queue/events", None), "/api/v1/queue/events");
        assert_eq!(stream_url("/api/v1/queue/events", Some(42)), "/api/v1/queue/events?after=42");
        assert_eq!(stream_url("/api/v1/x/events?lang=de", Some(7)), "/api/v1/x/events?lang=de&after=7");
    }
}
