//! `technote serve`: a live preview for writers and translators.
//!
//! The site is built once, then served from its output folder while the
//! project's sources are watched. Every save renders again what it touches
//! (the edited page, the pages whose links into it must be checked again,
//! the listings when a title changed; everything after a template, string or
//! configuration change) and rewrites only the files that changed; open tabs
//! reload themselves through a small script this crate serves from memory
//! (it is never written into the site). When a rebuild fails, the last good
//! site stays online and every tab shows the build's diagnostics over the
//! page, with the same text the terminal prints.

mod error;
mod hosts;
mod http;
mod preview;
mod rebuild;
mod status;
mod terminal;
mod watch;

use std::net::{Ipv4Addr, SocketAddr};

use technote_site::BuildOptions;

pub use error::ServeError;
pub use preview::Preview;

/// Where the preview listens unless told otherwise: loopback only, so the
/// preview is never exposed to the network by accident.
pub const DEFAULT_ADDRESS: SocketAddr =
    SocketAddr::new(std::net::IpAddr::V4(Ipv4Addr::LOCALHOST), 1111);

/// What to build and where to listen.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The project to build. `out` should be a folder of its own (such as
    /// `target/technote-serve`), not the published `public/`; the preview
    /// turns `live_reload` on by itself.
    pub build: BuildOptions,
    /// On a loopback address the preview answers only to requests naming
    /// `localhost`, `127.0.0.1`, `[::1]` or the address itself as `Host`
    /// (others get 421), so that a page elsewhere cannot read it through a
    /// DNS name rebound to 127.0.0.1; on any other address, to every name.
    pub address: SocketAddr,
}

impl ServeOptions {
    /// Builds `build` and listens on [`DEFAULT_ADDRESS`].
    pub fn new(build: BuildOptions) -> Self {
        Self {
            build,
            address: DEFAULT_ADDRESS,
        }
    }
}

/// Builds the site, serves it and rebuilds it on every change until the
/// process is stopped. Returns early only when the preview cannot start
/// (address in use, watcher unavailable) or the server fails.
pub fn serve(options: ServeOptions) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(ServeError::Runtime)?;
    runtime.block_on(async {
        let preview = Preview::start(options).await?;
        terminal::say(format_args!("serving {} (Ctrl-C stops)", preview.url()));
        preview.wait().await
    })
}
