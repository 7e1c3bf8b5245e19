//! Why the preview could not start or stopped.

use std::io;
use std::net::SocketAddr;

/// A failure of the preview itself. Problems in the project's files are
/// never errors here: they are diagnostics shown in the terminal and the
/// browser while the preview keeps running.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The output folder is one a build must not replace: refused before
    /// anything else happens, like `technote build` refuses it.
    #[error("{0}")]
    Output(technote_diagnostics::Diagnostic),
    #[error("could not start the async runtime: {0}")]
    Runtime(#[source] io::Error),
    #[error(
        "could not listen on {address}: {source} (is another preview running? pick another address)"
    )]
    Bind {
        address: SocketAddr,
        #[source]
        source: io::Error,
    },
    #[error("could not watch the project for changes: {0}")]
    Watch(#[source] notify_debouncer_full::notify::Error),
    #[error("the preview server stopped: {0}")]
    Server(#[source] io::Error),
    #[error("the preview server stopped unexpectedly: {0}")]
    Crashed(String),
}
