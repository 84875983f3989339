//! Reading a live stream (server-sent events) the way a browser's EventSource does.

use std::time::Duration;

use reqwest::{Client, Response, StatusCode};

/// One server-sent event.
#[derive(Debug)]
pub struct SseEvent {
    pub event: String,
    pub id: String,
    pub data: String,
}

/// Reads events from an open stream.
pub struct SseReader {
    response: Response,
    buffer: String,
}

impl SseReader {
    pub async fn open(client: &Client, url: &str, last_event_id: Option<&str>) -> Self {
        let mut request = client.get(url);
        if let Some(id) = last_event_id {
            request = request.header("Last-Event-ID", id);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.headers()["content-type"], "text/event-stream");
        Self { response, buffer: String::new() }
    }

    /// The next event with a name (comments and keep-alives skipped). Live events arrive in
    /// milliseconds; the generous wait only keeps a loaded CI machine from failing the test.
    pub async fn next(&mut self) -> Option<SseEvent> {
        self.next_within(Duration::from_secs(10)).await
    }

    pub async fn next_within(&mut self, patience: Duration) -> Option<SseEvent> {
        tokio::time::timeout(patience, async {
            loop {
                while let Some(end) = self.buffer.find("\n\n") {
                    let block: String = self.buffer.drain(..end + 2).collect();
                    let field = |name: &str| {
                        block.lines().find_map(|line| line.strip_prefix(&format!("{name}: "))).unwrap_or("").to_owned()
                    };
                    if !field("event").is_empty() {
                        return Some(SseEvent { event: field("event"), id: field("id"), data: field("data") });
                    }
                }
                let chunk = self.response.chunk().await.ok()??;
                self.buffer.push_str(&String::from_utf8_lossy(&chunk));
            }
        })
        .await
        .ok()
        .flatten()
    }
}
