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

use std::cell::{Cell, RefCell};
use std::fmt::Write;
use std::rc::{Rc, Weak};

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{EventSource, MessageEvent};

use crate::timing::Backoff;

/// The longest pause between two streams the helper opens itself.
const LONGEST_RETRY_MS: i32 = 15_000;

type Handler = Box<dyn Fn(MessageEvent)>;
/// An event's name and the browser callback that hands its events to the handler.
type Listener = (&'static str, Closure<dyn Fn(MessageEvent)>);

/// What a live stream does with its events: `UseEventSourceOptions::default().on("call",
/// ..).on_error(..)`.
#[derive(Default)]
pub struct UseEventSourceOptions {
    events: Vec<(&'static str, Handler)>,
    on_open: Option<Box<dyn Fn()>>,
    on_error: Option<Box<dyn Fn()>>,
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
}

/// A live stream opened by [`use_event_source`].
#[derive(Clone, Copy)]
pub struct UseEventSource {
    /// Whether the stream is open now.
    pub connected: Signal<bool>,
    /// The id of the last event handled (named in the options) that had one; a stream the
    /// helper opens anew continues after it.
    pub last_event_id: Signal<Option<String>>,
    stream: StoredValue<Rc<Stream>, LocalStorage>,
}

impl UseEventSource {
    /// Closes the stream for good, as the cleanup of its reactive owner does.
    pub fn close(&self) {
        self.stream.try_with_value(|stream| stream.close());
    }
}

/// Opens the live stream at `url` (e.g. `/api/v1/queue/events`) and keeps it open, reconnecting
/// with growing pauses, until the current reactive owner is cleaned up.
pub fn use_event_source(url: impl Into<String>, options: UseEventSourceOptions) -> UseEventSource {
    let connected = RwSignal::new(false);
    let last_event_id = RwSignal::new(None::<String>);
    let UseEventSourceOptions { events, on_open, on_error } = options;
    let stream = Rc::new_cyclic(|weak| {
        let listeners = events
            .into_iter()
            .map(|(name, handler)| {
                let listener = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
                    let id = event.last_event_id();
                    if !id.is_empty() {
                        last_event_id.try_set(Some(id));
                    }
                    handler(event);
                });
                (name, listener)
            })
            .collect();
        Stream {
            url: url.into(),
            listeners,
            on_open,
            on_error,
            opened: calling(weak, Stream::opened),
            failed: calling(weak, Stream::failed),
            retry: calling(weak, Stream::connect),
            source: RefCell::new(None),
            timer: Cell::new(None),
            backoff: Cell::new(Backoff::new(LONGEST_RETRY_MS)),
            closed: Cell::new(false),
            connected,
            last_event_id,
        }
    });
    stream.connect();
    let stream = StoredValue::new_local(stream);
    on_cleanup(move || {
        stream.try_with_value(|stream| stream.close());
    });
    UseEventSource { connected: connected.into(), last_event_id: last_event_id.into(), stream }
}

/// The stream's state and the browser callbacks it owns. The callbacks hold it only weakly, so
/// it (and they) go when its reactive owner drops it.
struct Stream {
    url: String,
    listeners: Vec<Listener>,
    on_open: Option<Box<dyn Fn()>>,
    on_error: Option<Box<dyn Fn()>>,
    opened: Closure<dyn Fn()>,
    failed: Closure<dyn Fn()>,
    retry: Closure<dyn Fn()>,
    source: RefCell<Option<EventSource>>,
    /// The pending reconnect's `setTimeout` handle.
    timer: Cell<Option<i32>>,
    backoff: Cell<Backoff>,
    closed: Cell<bool>,
    connected: RwSignal<bool>,
    last_event_id: RwSignal<Option<String>>,
}

/// A browser callback that calls `method` on the stream while it exists.
fn calling(stream: &Weak<Stream>, method: fn(&Stream)) -> Closure<dyn Fn()> {
    let stream = stream.clone();
    Closure::new(move || {
        if let Some(stream) = stream.upgrade() {
            method(&stream);
        }
    })
}

impl Stream {
    /// Opens a new `EventSource`, after the last event received if there was one.
    fn connect(&self) {
        self.timer.set(None);
        if self.closed.get() {
            return;
        }
        let url = match self.last_event_id.try_get_untracked().flatten() {
            Some(id) => resume_url(&self.url, &id),
            None => self.url.clone(),
        };
        // Only a malformed address fails here, and it would fail again.
        let Ok(source) = EventSource::new(&url) else { return };
        for (name, listener) in &self.listeners {
            let _ = source.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
        }
        source.set_onopen(Some(self.opened.as_ref().unchecked_ref()));
        source.set_onerror(Some(self.failed.as_ref().unchecked_ref()));
        // A closed EventSource fires nothing more.
        if let Some(old) = self.source.replace(Some(source)) {
            old.close();
        }
    }

    fn opened(&self) {
        self.backoff.set(Backoff::new(LONGEST_RETRY_MS));
        self.connected.try_set(true);
        if let Some(on_open) = &self.on_open {
            on_open();
        }
    }

    fn failed(&self) {
        self.connected.try_set(false);
        let given_up = self.source.borrow().as_ref().is_some_and(|source| source.ready_state() == EventSource::CLOSED);
        if let Some(on_error) = &self.on_error {
            on_error();
        }
        // The handler may have closed the stream.
        if given_up && !self.closed.get() {
            let mut backoff = self.backoff.get();
            let delay = backoff.next_delay();
            self.backoff.set(backoff);
            let timer = window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(self.retry.as_ref().unchecked_ref(), delay);
            self.timer.set(timer.ok());
        }
    }

    fn close(&self) {
        self.closed.set(true);
        if let Some(timer) = self.timer.take() {
            window().clear_timeout_with_handle(timer);
        }
        if let Some(source) = self.source.take() {
            source.close();
        }
        self.connected.try_set(false);
    }
}

/// `url` with `after=<last_event_id>` instead of any `after` it had: where a stream opened anew
/// continues. (The browser's own reconnects send the id as the `Last-Event-ID` header.)
pub fn resume_url(url: &str, last_event_id: &str) -> String {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let mut after = String::from("after=");
    for byte in last_event_id.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            after.push(char::from(byte));
        } else {
            let _ = write!(after, "%{byte:02X}");
        }
    }
    let mut pairs: Vec<&str> =
        query.split('&').filter(|pair| !pair.is_empty() && pair.split('=').next() != Some("after")).collect();
    pairs.push(&after);
    format!("{path}?{}", pairs.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stream_without_a_query_continues_after_the_last_id() {
        assert_eq!(resume_url("/api/v1/queue/events", "42"), "/api/v1/queue/events?after=42");
    }

    #[test]
    fn the_last_id_replaces_the_starting_point_and_keeps_other_parameters() {
        let url = "/api/v1/display/events?lang=de&after=17&afterwards=1";

        assert_eq!(resume_url(url, "42"), "/api/v1/display/events?lang=de&afterwards=1&after=42");
        assert_eq!(resume_url("/api/v1/display/events?after=17", "42"), "/api/v1/display/events?after=42");
    }

    #[test]
    fn an_id_with_other_characters_is_percent_encoded() {
        assert_eq!(resume_url("/events", "7 & ü"), "/events?after=7%20%26%20%C3%BC");
    }
}
