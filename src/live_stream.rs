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

use std::cell::Cell;
use std::rc::{Rc, Weak};

use leptos::prelude::*;
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
///
/// Only `connected` is a signal: a signal updated with every event's id cost the kiosk's
/// download 0.6 KB brotli (1.8 KB raw) although no screen reads it, and the kiosk is at its
/// budget; `last_event_id()` reads the id when asked instead.
#[derive(Clone, Copy)]
pub struct UseEventSource {
    /// Whether the stream is open now.
    pub connected: ReadSignal<bool>,
    stream: StoredValue<Rc<Stream>, LocalStorage>,
}

impl UseEventSource {
    /// The id of the last event handled that had one: a stream opened anew continues after it.
    pub fn last_event_id(&self) -> Option<String> {
        self.stream
            .try_with_value(|stream| {
                let id = stream.last_event_id.take();
                stream.last_event_id.set(id.clone());
                id
            })
            .flatten()
    }

    /// Closes the stream for good, as the cleanup of its reactive owner does.
    pub fn close(&self) {
        self.stream.try_with_value(|stream| stream.close());
    }
}

/// Opens the live stream at `url` (e.g. `/api/v1/queue/events`) and keeps it open, reconnecting
/// with growing pauses, until the current reactive owner is cleaned up.
pub fn use_event_source(url: impl Into<String>, options: UseEventSourceOptions) -> UseEventSource {
    let connected = RwSignal::new(false);
    let stream = Rc::new_cyclic(|weak: &Weak<Stream>| {
        let on_event = weak.clone();
        Stream {
            me: weak.clone(),
            url: url.into(),
            options,
            // One callback for all of the stream's events, of the type Leptos's own event
            // listeners use, so that they share their glue code (the kiosk's download counts).
            listener: Closure::wrap(Box::new(move |event: Event| {
                if let Some(stream) = on_event.upgrade() {
                    stream.dispatch(event);
                }
            })),
            source: Cell::new(None),
            backoff: Cell::new(Backoff::new(LONGEST_RETRY_MS)),
            closed: Cell::new(false),
            last_event_id: Cell::new(None),
            connected,
        }
    });
    stream.connect();
    let stream = StoredValue::new_local(stream);
    on_cleanup(move || {
        stream.try_with_value(|stream| stream.close());
    });
    UseEventSource { connected: connected.read_only(), stream }
}

/// The stream's state and the browser callbacks it owns. The callbacks hold it only weakly, so
/// it (and they) go when its reactive owner drops it.
struct Stream {
    me: Weak<Stream>,
    url: String,
    options: UseEventSourceOptions,
    listener: Closure<dyn FnMut(Event)>,
    source: Cell<Option<EventSource>>,
    backoff: Cell<Backoff>,
    closed: Cell<bool>,
    last_event_id: Cell<Option<String>>,
    connected: RwSignal<bool>,
}

impl Stream {
    /// Opens a new `EventSource`, after the last event received if there was one.
    fn connect(&self) {
        if self.closed.get() {
            return;
        }
        let last_event_id = self.last_event_id.take();
        let url = match &last_event_id {
            Some(id) => resume_url(&self.url, id),
            None => self.url.clone(),
        };
        self.last_event_id.set(last_event_id);
        // Only a malformed address fails here, and it would fail again.
        let Ok(source) = EventSource::new(&url) else { return };
        let names = self.options.events.iter().map(|(name, _)| *name);
        for name in ["open", "error"].into_iter().chain(names) {
            let _ = source.add_event_listener_with_callback(name, self.listener.as_ref().unchecked_ref());
        }
        // A closed EventSource fires nothing more.
        if let Some(old) = self.source.replace(Some(source)) {
            old.close();
        }
    }

    fn dispatch(&self, event: Event) {
        match event.type_().as_str() {
            "open" => {
                self.backoff.set(Backoff::new(LONGEST_RETRY_MS));
                self.connected.try_set(true);
                if let Some(on_open) = &self.options.on_open {
                    on_open();
                }
            }
            "error" => self.failed(),
            name => {
                let event: MessageEvent = event.unchecked_into();
                let id = event.last_event_id();
                if !id.is_empty() {
                    self.last_event_id.set(Some(id));
                }
                if let Some((_, handler)) = self.options.events.iter().find(|(handled, _)| *handled == name) {
                    handler(event);
                }
            }
        }
    }

    fn failed(&self) {
        self.connected.try_set(false);
        let source = self.source.take();
        let given_up = source.as_ref().is_some_and(|source| source.ready_state() == EventSource::CLOSED);
        self.source.set(source);
        if let Some(on_error) = &self.options.on_error {
            on_error();
        }
        // The handler may have closed the stream.
        if given_up && !self.closed.get() {
            let mut backoff = self.backoff.get();
            let delay = backoff.next_delay();
            self.backoff.set(backoff);
            let stream = self.me.clone();
            // The pause is not cancelled on cleanup; `connect` then does nothing.
            leptos::task::spawn_local(async move {
                sleep(delay).await;
                if let Some(stream) = stream.upgrade() {
                    stream.connect();
                }
            });
        }
    }

    fn close(&self) {
        self.closed.set(true);
        self.connected.try_set(false);
        if let Some(source) = self.source.take() {
            source.close();
        }
    }
}

/// `url` with `after=<last_event_id>` instead of any `after` it had: where a stream opened anew
/// continues. (The browser's own reconnects send the id as the `Last-Event-ID` header.)
pub fn resume_url(url: &str, last_event_id: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let mut resumed = String::from(path);
    let mut separator = '?';
    for pair in query.split('&') {
        if !pair.is_empty() && pair != "after" && !pair.starts_with("after=") {
            resumed.push(separator);
            resumed.push_str(pair);
            separator = '&';
        }
    }
    resumed.push(separator);
    resumed.push_str("after=");
    for byte in last_event_id.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            resumed.push(char::from(byte));
        } else {
            resumed.push('%');
            resumed.push(char::from(HEX[usize::from(byte >> 4)]));
            resumed.push(char::from(HEX[usize::from(byte & 15)]));
        }
    }
    resumed
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
