//! The accept loop: what `axum::serve` does, but with hyper's HTTP/1 connection itself.
//!
//! `axum::serve` hands each connection to hyper-util's "auto" connection, which first reads a
//! few bytes to tell HTTP/1 from HTTP/2 and gives them back through a buffer. hyper then grows
//! the connection's read buffer from 8 to 16 KiB, and keeps it as long as the connection
//! lasts. A live stream lasts hours: with 10,000 phones following their tickets that was
//! 80 MB of buffers for nothing, since the server speaks HTTP/1 only (axum's `http2` feature
//! is off; a proxy in front speaks HTTP/2 to browsers where wanted).

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use axum::http::Request;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::TokioIo;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tower::ServiceExt;

/// Serves `router` on `listener` until `shutdown` completes, then lets open requests finish.
/// Each request carries its client's address as [`ConnectInfo`]. No route upgrades its
/// connection (no WebSockets: live updates are server-sent events).
pub async fn serve(listener: TcpListener, router: Router, shutdown: impl Future<Output = ()>) {
    let connections = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (socket, address) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    accept_failed(&error).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let service = router.clone().map_request(move |mut request: Request<Incoming>| {
            request.extensions_mut().insert(ConnectInfo::<SocketAddr>(address));
            request
        });
        let connection =
            http1::Builder::new().serve_connection(TokioIo::new(socket), TowerToHyperService::new(service));
        let connection = connections.watch(connection);
        tokio::spawn(async move {
            if let Err(error) = connection.await {
                tracing::trace!(%error, "connection ended with an error");
            }
        });
    }
    drop(listener);
    connections.shutdown().await;
}

/// A failed accept. A client that gave up before it was accepted is nothing to report; any
/// other error (above all, no file descriptor left for the connection) is, and is waited out
/// a moment instead of being retried at once in a busy loop.
async fn accept_failed(error: &io::Error) {
    if matches!(
        error.kind(),
        io::ErrorKind::ConnectionRefused | io::ErrorKind::ConnectionAborted | io::ErrorKind::ConnectionReset
    ) {
        return;
    }
    let no_files = matches!(error.raw_os_error(), Some(libc::EMFILE | libc::ENFILE));
    if no_files {
        tracing::error!(
            %error,
            "cannot accept a connection: no file descriptor left (raise LimitNOFILE, see docs/deployment.md); \
             retrying in a second"
        );
    } else {
        tracing::error!(%error, "cannot accept a connection; retrying in a second");
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
}
