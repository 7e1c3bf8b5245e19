//! A scratch copy of the shipped project and a small HTTP client that sends
//! request paths exactly as written (no `..` clean-up), for the preview's
//! integration tests. Every wait is bounded.

use std::fs;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::time::Duration;

use eventsource_stream::{Event, Eventsource};
use futures_util::{Stream, StreamExt};
use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper::{HeaderMap, Request, StatusCode};
use hyper_util::rt::TokioIo;
use technote_serve::ServeOptions;
use technote_site::BuildOptions;
use tokio::net::TcpStream;

/// How long any single step may take before the test fails.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// A copy of the shipped project (config, content, locales, templates, www).
pub struct Project {
    dir: tempfile::TempDir,
}

impl Project {
    pub fn copy_of_shipped_site() -> Self {
        Self::copy_of(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
    }

    /// A copy of the project at `root` (its config, content, locales,
    /// templates and www).
    pub fn copy_of(root: &Path) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        for part in ["content", "locales", "templates", "www"] {
            copy_tree(&root.join(part), &dir.path().join(part));
        }
        fs::copy(root.join("technote.toml"), dir.path().join("technote.toml"))
            .expect("copy config");
        Self { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Options as the CLI passes them: a dedicated output folder, any free
    /// loopback port, no checker assets.
    pub fn serve_options(&self) -> ServeOptions {
        let mut build = BuildOptions::for_project(self.root(), &[]);
        build.out = self.root().join("target/technote-serve");
        let mut options = ServeOptions::new(build);
        options.address = SocketAddr::from((Ipv4Addr::LOCALHOST, 0));
        options
    }

    pub fn write(&self, relative: &str, contents: impl AsRef<[u8]>) {
        let path = self.root().join(relative);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, contents).expect("write");
    }

    pub fn read(&self, relative: &str) -> String {
        fs::read_to_string(self.root().join(relative)).expect("read")
    }

    pub fn remove(&self, relative: &str) {
        fs::remove_file(self.root().join(relative)).expect("remove");
    }
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for entry in fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target: PathBuf = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).expect("copy");
        }
    }
}

async fn send(address: SocketAddr, raw_path: &str) -> hyper::Response<hyper::body::Incoming> {
    send_as(address, raw_path, Some(&address.to_string())).await
}

/// Sends a GET with this `Host` header (none when `host` is None).
async fn send_as(
    address: SocketAddr,
    raw_path: &str,
    host: Option<&str>,
) -> hyper::Response<hyper::body::Incoming> {
    let stream = TcpStream::connect(address).await.expect("connect");
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .expect("handshake");
    tokio::spawn(connection);
    let mut request = Request::get(raw_path);
    if let Some(host) = host {
        request = request.header("host", host);
    }
    let request = request.body(Empty::<Bytes>::new()).expect("request");
    sender.send_request(request).await.expect("response")
}

/// GETs `raw_path` naming `host` (or no host); returns the status, the
/// headers and, unless it is the event stream, the body as text.
pub async fn get_as(
    address: SocketAddr,
    raw_path: &str,
    host: Option<&str>,
) -> (StatusCode, HeaderMap, String) {
    tokio::time::timeout(PATIENCE, async {
        let response = send_as(address, raw_path, host).await;
        let status = response.status();
        let headers = response.headers().clone();
        let streams = headers
            .get(hyper::header::CONTENT_TYPE)
            .is_some_and(|t| t.as_bytes().starts_with(b"text/event-stream"));
        if streams {
            return (status, headers, String::new());
        }
        let body = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        (status, headers, String::from_utf8_lossy(&body).into_owned())
    })
    .await
    .expect("the preview answers in time")
}

/// GETs `raw_path` byte for byte; returns the status and the body as text.
pub async fn get(address: SocketAddr, raw_path: &str) -> (StatusCode, String) {
    tokio::time::timeout(PATIENCE, async {
        let response = send(address, raw_path).await;
        let status = response.status();
        let body = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        (status, String::from_utf8_lossy(&body).into_owned())
    })
    .await
    .expect("the preview answers in time")
}

/// GETs `raw_path`; returns the status and the `Location` header.
pub async fn get_redirect(address: SocketAddr, raw_path: &str) -> (StatusCode, String) {
    let response = tokio::time::timeout(PATIENCE, send(address, raw_path))
        .await
        .expect("the preview answers in time");
    let location = response
        .headers()
        .get(hyper::header::LOCATION)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_string();
    (response.status(), location)
}

pub type Events = Pin<Box<dyn Stream<Item = Event> + Send>>;

/// Opens the event stream as a tab does; returns once the preview has
/// accepted it (so no later build can be missed).
pub async fn subscribe(address: SocketAddr) -> Events {
    let response = tokio::time::timeout(PATIENCE, send(address, "/__technote/events"))
        .await
        .expect("the event stream opens in time");
    assert_eq!(response.status(), StatusCode::OK);
    let events = response
        .into_body()
        .into_data_stream()
        .eventsource()
        .map(|event| event.expect("well-formed server-sent event"));
    Box::pin(events)
}

/// The next event of the stream, failing the test after [`PATIENCE`].
pub async fn next_event(events: &mut Events) -> Event {
    tokio::time::timeout(PATIENCE, events.next())
        .await
        .expect("an event arrives in time")
        .expect("the stream stays open")
}
