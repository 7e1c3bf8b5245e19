//! A running preview: first build, server, watcher and rebuild task.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use technote_site::SiteBuilder;
use tokio::net::TcpListener;
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;

use crate::error::ServeError;
use crate::rebuild::{Trigger, base_path, build_and_publish, rebuild_on_changes};
use crate::status::{SiteStatus, no_warnings};
use crate::watch::{SourceWatcher, watch_sources};
use crate::{ServeOptions, http};

/// A preview that is serving and watching. Dropping it stops the server,
/// the watcher and any pending rebuild.
pub struct Preview {
    address: SocketAddr,
    status: watch::Receiver<SiteStatus>,
    server: JoinHandle<std::io::Result<()>>,
    rebuilds: JoinHandle<()>,
    _watcher: SourceWatcher,
}

impl Preview {
    /// Listens, builds the site once, then serves it and starts watching.
    /// A failed first build does not stop the preview: its diagnostics are
    /// printed and shown in the browser until a save fixes them.
    pub async fn start(options: ServeOptions) -> Result<Self, ServeError> {
        let ServeOptions { mut build, address } = options;
        build.live_reload = true;
        technote_site::check_output_folder(
            &build.out,
            &technote_site::protected_folders(&build),
            technote_site::SITE_MARKER,
            build.force,
        )
        .map_err(ServeError::Output)?;
        // Listen first, so a busy port is reported before a long build.
        let listener = TcpListener::bind(address)
            .await
            .map_err(|source| ServeError::Bind { address, source })?;
        let address = listener.local_addr().map_err(ServeError::Server)?;

        // Watch before the first build, so a save during it is not missed.
        let (changes_sender, changes) = mpsc::unbounded_channel();
        let watcher = watch_sources(&build, changes_sender)?;

        let initial_base_path = base_path(&build).unwrap_or_else(|| "/".into());
        let (status_sender, status) =
            watch::channel(SiteStatus::new(initial_base_path, no_warnings()));
        let builder = Arc::new(Mutex::new(SiteBuilder::new(build.clone())));
        build_and_publish(&builder, &build, &status_sender, Trigger::Start).await;

        let app = http::router(build.out.clone(), status.clone(), address);
        let server = tokio::spawn(async move { axum::serve(listener, app).await });
        let rebuilds = tokio::spawn(rebuild_on_changes(builder, build, status_sender, changes));
        Ok(Self {
            address,
            status,
            server,
            rebuilds,
            _watcher: watcher,
        })
    }

    /// The address the preview listens on (the actual port when 0 was asked).
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The site's address, with its base path.
    pub fn url(&self) -> String {
        format!("http://{}{}", self.address, self.status.borrow().base_path)
    }

    /// Serves until the server fails or the rebuilds stop; the preview
    /// normally runs until the process is stopped.
    pub async fn wait(mut self) -> Result<(), ServeError> {
        tokio::select! {
            served = &mut self.server => match served {
                Ok(Ok(())) => Ok(()),
                Ok(Err(error)) => Err(ServeError::Server(error)),
                Err(crash) => Err(ServeError::Crashed(crash.to_string())),
            },
            rebuilt = &mut self.rebuilds => {
                rebuilt.map_err(|crash| ServeError::Crashed(crash.to_string()))
            }
        }
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        self.server.abort();
        self.rebuilds.abort();
    }
}
