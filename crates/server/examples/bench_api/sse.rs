//! Reads a server-sent event stream the way a browser's `EventSource` does: lines up to a blank
//! line make one event; comments (keep-alives) and `retry:` are skipped.

use reqwest::Response;

/// One event: its `event:` name (`message` when none is given) and its data lines joined.
#[derive(Debug)]
pub struct Event {
    pub name: String,
    pub data: String,
}

pub struct EventReader {
    response: Response,
    /// Received bytes not yet ended by a newline (a chunk may end inside a character).
    pending: Vec<u8>,
    name: Option<String>,
    data: Vec<String>,
}

impl EventReader {
    pub fn new(response: Response) -> Self {
        Self { response, pending: Vec::new(), name: None, data: Vec::new() }
    }

    /// The next event, or `None` when the stream ended or broke.
    pub async fn next(&mut self) -> Option<Event> {
        loop {
            while let Some(end) = self.pending.iter().position(|&byte| byte == b'\n') {
                let line: Vec<u8> = self.pending.drain(..=end).collect();
                let line = String::from_utf8_lossy(&line);
                if let Some(event) = self.take_line(line.trim_end_matches(['\n', '\r'])) {
                    return Some(event);
                }
            }
            let chunk = self.response.chunk().await.ok()??;
            self.pending.extend_from_slice(&chunk);
        }
    }

    /// Applies one line; a blank line completes the event collected so far.
    fn take_line(&mut self, line: &str) -> Option<Event> {
        if line.is_empty() {
            let name = self.name.take();
            if self.data.is_empty() {
                return None;
            }
            let data = std::mem::take(&mut self.data).join("\n");
            return Some(Event { name: name.unwrap_or_else(|| "message".into()), data });
        }
        let (field, value) = line.split_once(':').unwrap_or((line, ""));
        let value = value.strip_prefix(' ').unwrap_or(value);
        match field {
            "event" => self.name = Some(value.to_owned()),
            "data" => self.data.push(value.to_owned()),
            _ => {} // comments (empty field), id, retry
        }
        None
    }
}
