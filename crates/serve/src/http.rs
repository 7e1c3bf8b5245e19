//! The preview's HTTP side: the built site from its output folder, plus the
//! reload script and the event stream, both from memory.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, HOST, LOCATION, REFERRER_POLICY,
    X_CONTENT_TYPE_OPTIONS,
};
use axum::http::{HeaderValue, StatusCode, Uri};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream::{self, Stream, StreamExt};
use tokio::sync::watch;
use tower::ServiceExt;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::hosts::AllowedHosts;
use crate::status::{LatestBuild, SiteStatus};

/// The reload script. It lives here, not in `www/`, so that it can never
/// ship with a published site.
const LIVE_SCRIPT: &str = include_str!("live.js");

/// Paths of the preview's own endpoints, below the site's base path.
const LIVE_SCRIPT_PATH: &str = "__technote/live.js";
const EVENTS_PATH: &str = "__technote/events";

/// How soon a tab reconnects after losing the preview (restarted, say).
const RECONNECT_AFTER: Duration = Duration::from_millis(500);

/// The policy of the site's pages (`templates/base.html`), sent with every
/// response so that the preview's own pages (the reload script, the waiting
/// page) and the site's files are held to it too; the checker needs
/// `wasm-unsafe-eval` to compile its WebAssembly, and the reload script's
/// event stream is `'self'`. Nobody has a reason to frame the preview. The
/// site's `_headers` file sends the same.
const CONTENT_SECURITY_POLICY_VALUE: &str = technote_site::CONTENT_SECURITY_POLICY;

#[derive(Clone)]
struct Preview {
    out: Arc<PathBuf>,
    status: watch::Receiver<SiteStatus>,
    hosts: Arc<AllowedHosts>,
}

/// All routes of the preview. Every response says `no-cache` so that a
/// reload fetches the rebuilt styles and scripts too, not only the page,
/// and carries the security headers a published site would have.
pub(crate) fn router(
    out: PathBuf,
    status: watch::Receiver<SiteStatus>,
    address: SocketAddr,
) -> Router {
    let state = Preview {
        out: Arc::new(out),
        status,
        hosts: Arc::new(AllowedHosts::for_address(address)),
    };
    let headers = [
        (CACHE_CONTROL, "no-cache"),
        (CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_VALUE),
        (X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (REFERRER_POLICY, "no-referrer"),
    ];
    headers.into_iter().fold(
        Router::new().fallback(respond).with_state(state),
        |router, (name, value)| {
            router.layer(SetResponseHeaderLayer::overriding(
                name,
                HeaderValue::from_static(value),
            ))
        },
    )
}

/// Routes by hand because the base path comes from `technote.toml` and may
/// change while the preview runs.
async fn respond(State(preview): State<Preview>, request: Request) -> Response {
    let host = request.headers().get(HOST).and_then(|h| h.to_str().ok());
    if !preview.hosts.allows(host) {
        return misdirected();
    }
    let base_path = preview.status.borrow().base_path.clone();
    let path = request.uri().path().to_string();
    let Some(below_base) = path.strip_prefix(&*base_path) else {
        return outside_base_path(&preview, &path, &base_path).await;
    };
    match below_base {
        LIVE_SCRIPT_PATH => live_script(),
        EVENTS_PATH => events(preview.status.clone()).into_response(),
        _ => site_file(&preview, &base_path, below_base, request).await,
    }
}

/// The answer to a request for another host, such as a rebound DNS name.
fn misdirected() -> Response {
    (
        StatusCode::MISDIRECTED_REQUEST,
        [(CONTENT_TYPE, "text/plain; charset=utf-8")],
        "This preview answers only to localhost, 127.0.0.1 and [::1]: open it at one of those \
         names. To reach it by another name, start it with --address on a non-loopback address.\n",
    )
        .into_response()
}

fn live_script() -> Response {
    (
        [(CONTENT_TYPE, "text/javascript; charset=utf-8")],
        LIVE_SCRIPT,
    )
        .into_response()
}

/// The event stream of one tab: `error` at once if the last build failed
/// (`warnings` if it passed with some), then `reload` or `error` after
/// every build.
fn events(
    mut status: watch::Receiver<SiteStatus>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let retry = Event::default().retry(RECONNECT_AFTER);
    let current = match &status.borrow_and_update().latest {
        LatestBuild::Failed(diagnostics) => Some(error_event(diagnostics)),
        LatestBuild::Succeeded(warnings) if &**warnings != "[]" => {
            Some(Event::default().event("warnings").data(&**warnings))
        }
        LatestBuild::Succeeded(_) => None,
    };
    let opening = stream::iter(std::iter::once(retry).chain(current));
    let builds = stream::unfold(status, |mut status| async move {
        // Ends the stream when the preview shuts down.
        status.changed().await.ok()?;
        let event = match &status.borrow_and_update().latest {
            LatestBuild::Succeeded(_) => Event::default().event("reload").data("reload"),
            LatestBuild::Failed(diagnostics) => error_event(diagnostics),
        };
        Some((event, status))
    });
    Sse::new(opening.chain(builds).map(Ok)).keep_alive(KeepAlive::default())
}

fn error_event(diagnostics: &str) -> Event {
    Event::default().event("error").data(diagnostics)
}

/// A file of the built site. `ServeDir` refuses anything that would leave
/// the output folder (`..`, encoded or not, and absolute paths) with a 404.
async fn site_file(
    preview: &Preview,
    base_path: &str,
    below_base: &str,
    mut request: Request,
) -> Response {
    let rewritten = match request.uri().query() {
        Some(query) => format!("/{below_base}?{query}"),
        None => format!("/{below_base}"),
    };
    let Ok(uri) = Uri::try_from(rewritten) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    *request.uri_mut() = uri;
    let files =
        ServeDir::new(preview.out.as_path()).redirect_path_prefix(base_path.trim_end_matches('/'));
    let response = match files.oneshot(request).await {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    };
    if response.status() == StatusCode::NOT_FOUND {
        return not_found(preview, base_path, below_base).await;
    }
    response
}

/// The site's own 404 page (its locale's one when the path starts with a
/// locale), or, before any build has succeeded, a page that explains why and
/// loads the reload script so that it shows the errors and then the site.
async fn not_found(preview: &Preview, base_path: &str, below_base: &str) -> Response {
    let locale_page = below_base
        .split('/')
        .next()
        .filter(|segment| is_plain_name(segment))
        .map(|locale| preview.out.join(locale).join("404.html"));
    let candidates = locale_page
        .into_iter()
        .chain(std::iter::once(preview.out.join("404.html")));
    for candidate in candidates {
        if let Ok(page) = tokio::fs::read(&candidate).await {
            return html(StatusCode::NOT_FOUND, Body::from(page));
        }
    }
    html(StatusCode::NOT_FOUND, Body::from(waiting_page(base_path)))
}

/// A path segment that is a plain file name, safe to join to the output folder.
fn is_plain_name(segment: &str) -> bool {
    !segment.is_empty()
        && segment
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn waiting_page(base_path: &str) -> String {
    let script = html_escape::encode_double_quoted_attribute(base_path);
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<meta charset=\"utf-8\">\n<title>technote preview</title>\n\
         <script type=\"module\" src=\"{script}{LIVE_SCRIPT_PATH}\"></script>\n\
         <h1>No page here yet</h1>\n\
         <p>Either this page does not exist, or the site has not been built yet: the terminal running \
         <code>technote serve</code> lists what to fix, and this page reloads once the build succeeds.</p>\n"
    )
}

/// Paths outside the base path: the root and the base path without its
/// slash lead to the site; anything else does not exist.
async fn outside_base_path(preview: &Preview, path: &str, base_path: &str) -> Response {
    if (path == "/" || path == base_path.trim_end_matches('/'))
        && let Ok(location) = HeaderValue::from_str(base_path)
    {
        return (StatusCode::TEMPORARY_REDIRECT, [(LOCATION, location)]).into_response();
    }
    not_found(preview, base_path, "").await
}

fn html(status: StatusCode, body: Body) -> Response {
    (status, [(CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response()
}
