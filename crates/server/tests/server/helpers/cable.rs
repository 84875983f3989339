//! A TCP proxy between a server and its PostgreSQL, to pull the cable: while it is pulled,
//! every open connection is cut and new ones are closed at once, as a restarting or
//! failing-over database looks to its clients.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use tokio::net::{TcpListener, TcpStream};
use tokio::task::AbortHandle;

pub struct Cable {
    address: SocketAddr,
    pulled: Arc<AtomicBool>,
    connections: Arc<Mutex<Vec<AbortHandle>>>,
    accepting: AbortHandle,
}

impl Cable {
    /// A proxy on a free port of 127.0.0.1 to `target`.
    pub async fn to(target: SocketAddr) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let pulled = Arc::new(AtomicBool::new(false));
        let connections: Arc<Mutex<Vec<AbortHandle>>> = Arc::default();
        let accepting = tokio::spawn({
            let (pulled, connections) = (pulled.clone(), connections.clone());
            async move {
                while let Ok((mut client, _)) = listener.accept().await {
                    if pulled.load(Ordering::SeqCst) {
                        continue; // dropped: the client sees its connection closed
                    }
                    let forward = tokio::spawn(async move {
                        if let Ok(mut server) = TcpStream::connect(target).await {
                            let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                        }
                    });
                    connections.lock().unwrap().push(forward.abort_handle());
                }
            }
        })
        .abort_handle();
        Self { address, pulled, connections, accepting }
    }

    /// `url` (a `postgres://` URL) with its host and port replaced by this proxy's.
    pub fn url_through(&self, url: &str) -> String {
        let mut url = url::Url::parse(url).unwrap();
        url.set_host(Some("127.0.0.1")).unwrap();
        url.set_port(Some(self.address.port())).unwrap();
        url.to_string()
    }

    /// Cuts every connection and refuses new ones until [`Cable::plug_in`].
    pub fn pull(&self) {
        self.pulled.store(true, Ordering::SeqCst);
        for connection in self.connections.lock().unwrap().drain(..) {
            connection.abort();
        }
    }

    pub fn plug_in(&self) {
        self.pulled.store(false, Ordering::SeqCst);
    }
}

impl Drop for Cable {
    fn drop(&mut self) {
        self.accepting.abort();
        self.pull();
    }
}
