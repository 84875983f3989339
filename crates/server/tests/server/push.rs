//! Web Push (issue 21, under way): the office's public key for the phones' subscriptions.

use reqwest::StatusCode;

use crate::helpers::TestServer;

const KEY: &str = "/api/v1/push/key";

async fn public_key(server: &TestServer) -> String {
    let answer = server.get_json(KEY).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    answer.body["application_server_key"].as_str().expect("a key").to_owned()
}

#[tokio::test]
async fn the_office_keeps_one_push_key_across_restarts() {
    let data = tempfile::tempdir().unwrap();
    let server = TestServer::start(data.path());
    let key = public_key(&server).await;
    // An uncompressed P-256 point: 65 bytes starting with 4, in base64url without padding.
    assert_eq!(key.len(), 87, "{key}");
    assert!(key.starts_with('B'), "an uncompressed point's first byte is 4: {key}");
    assert!(key.bytes().all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_'), "{key}");
    assert_eq!(public_key(&server).await, key);
    server.stop();

    // Phones that subscribed before a restart must still be reachable after it.
    let server = TestServer::start(data.path());
    assert_eq!(public_key(&server).await, key);

    // Another office has its own.
    let other = tempfile::tempdir().unwrap();
    assert_ne!(public_key(&TestServer::start(other.path())).await, key);
}
