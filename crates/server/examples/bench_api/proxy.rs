//! A TCP proxy that plays a slow network: it holds each request for a random time before
//! passing it to the server, and each answer before passing it back.
//!
//! A client that gives up meanwhile does not take its request back: as with packets already
//! on the way, the proxy still delivers it and lets the server answer (then drops the answer).
//! So a kiosk's retry can reach the server before, after or while its first try is handled.
//! Clients must send `Connection: close`: the proxy knows an answer is complete when the
//! server closes the connection.

use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

use crate::random;

/// Longest a connection may stay open through the proxy.
const CONNECTION_LIMIT: Duration = Duration::from_secs(30);

pub struct DelayProxy {
    /// Where clients connect, `http://127.0.0.1:<port>`.
    pub url: String,
    /// Connections not yet closed.
    open: Arc<AtomicUsize>,
    acceptor: JoinHandle<()>,
}

impl DelayProxy {
    /// Listens on a free port and relays to `upstream` (`127.0.0.1:<port>`), holding requests
    /// and answers for a random time in `delay` each.
    pub async fn start(upstream: String, delay: Range<Duration>) -> anyhow::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let url = format!("http://{}", listener.local_addr()?);
        let open = Arc::new(AtomicUsize::new(0));
        let counter = open.clone();
        let acceptor = tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                counter.fetch_add(1, Ordering::SeqCst);
                let (upstream, delay, counter) = (upstream.clone(), delay.clone(), counter.clone());
                tokio::spawn(async move {
                    let _ = tokio::time::timeout(CONNECTION_LIMIT, relay(client, &upstream, delay)).await;
                    counter.fetch_sub(1, Ordering::SeqCst);
                });
            }
        });
        Ok(Self { url, open, acceptor })
    }

    /// Waits until every relayed request has been answered by the server (or `patience` ends).
    pub async fn wait_until_idle(&self, patience: Duration) {
        let deadline = Instant::now() + patience;
        while self.open.load(Ordering::SeqCst) > 0 && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
}

impl Drop for DelayProxy {
    fn drop(&mut self) {
        self.acceptor.abort();
    }
}

async fn relay(client: TcpStream, upstream: &str, delay: Range<Duration>) {
    let Ok(server) = TcpStream::connect(upstream).await else { return };
    let (mut from_client, mut to_client) = client.into_split();
    let (mut from_server, mut to_server) = server.into_split();
    let request = async {
        forward_late(&mut from_client, &mut to_server, random::millis_in(delay.clone())).await;
        // The client is gone or done sending; keep the server's side open until it has
        // answered, as closing it could cancel the request in the server.
        std::future::pending::<()>().await
    };
    let answer = forward_late(&mut from_server, &mut to_client, random::millis_in(delay.clone()));
    tokio::select! {
        () = request => {}
        () = answer => {}
    }
}

/// Copies `from` to `to` until `from` ends, holding the first bytes back for `delay`. A
/// receiver that has gone away does not stop the reading: the sender finishes regardless.
async fn forward_late(from: &mut (impl AsyncRead + Unpin), to: &mut (impl AsyncWrite + Unpin), delay: Duration) {
    let mut buffer = vec![0u8; 16 * 1024];
    let mut delayed = false;
    let mut receiver_gone = false;
    while let Ok(n @ 1..) = from.read(&mut buffer).await {
        if !delayed {
            tokio::time::sleep(delay).await;
            delayed = true;
        }
        if !receiver_gone {
            receiver_gone = to.write_all(&buffer[..n]).await.is_err();
        }
    }
}
