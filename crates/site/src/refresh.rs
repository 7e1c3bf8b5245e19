//! The preview's search indexes, rebuilt in the background after edits.
//!
//! Indexing a locale of thousands of pages takes far longer than rendering
//! the edited page, so a rebuild writes its pages at once and the locale's
//! index follows a moment later. A newer refresh or a full build outdates
//! one under way: it then writes nothing.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use technote_diagnostics::Diagnostic;

use crate::output::SiteFolder;
use crate::search::LocaleSearch;

pub struct SearchRefresh {
    /// One thread, so refreshes run in order and never hold up the
    /// rebuilds' own threads. `None` if it could not be started: refreshes
    /// then run in the caller's thread.
    pool: Option<rayon::ThreadPool>,
    /// Bumped by every refresh and cancellation. Held while a refresh
    /// writes, so a cancellation waits for that write and no write follows it.
    generation: Arc<Mutex<u64>>,
    /// Problems of refreshes, until the builder reports them.
    problems: Arc<Mutex<Vec<Diagnostic>>>,
}

impl SearchRefresh {
    pub fn new() -> Self {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .thread_name(|_| "technote-search".to_string())
            .build()
            .ok();
        Self {
            pool,
            generation: Arc::new(Mutex::new(0)),
            problems: Arc::new(Mutex::new(Vec::new())),
        }
    }

    /// Outdates every refresh under way or waiting.
    pub fn cancel(&self) {
        *self
            .generation
            .lock()
            .unwrap_or_else(PoisonError::into_inner) += 1;
    }

    /// Indexes `locales` and writes their files into `out`, unless a later
    /// refresh or a cancellation came first.
    pub fn start(&self, out: PathBuf, locales: Vec<LocaleSearch>) {
        let generation = {
            let mut current = self
                .generation
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            *current += 1;
            *current
        };
        let current = Arc::clone(&self.generation);
        let problems = Arc::clone(&self.problems);
        let job = move || {
            let outdated = || *current.lock().unwrap_or_else(PoisonError::into_inner) != generation;
            for locale in locales {
                if outdated() {
                    return;
                }
                let written = locale.index().and_then(|files| {
                    let guard = current.lock().unwrap_or_else(PoisonError::into_inner);
                    if *guard != generation {
                        return Ok(());
                    }
                    let folder = SiteFolder::at(&out);
                    files.iter().try_for_each(|file| {
                        folder.write_if_changed(&file.path, &file.bytes).map(|_| ())
                    })
                });
                if let Err(problem) = written {
                    problems
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .push(problem);
                }
            }
        };
        match &self.pool {
            Some(pool) => pool.spawn(job),
            None => job(),
        }
    }

    /// Blocks until every refresh started so far is done.
    pub fn wait(&self) {
        if let Some(pool) = &self.pool {
            pool.install(|| ());
        }
    }

    /// Problems of refreshes since the last call.
    pub fn take_problems(&self) -> Vec<Diagnostic> {
        std::mem::take(&mut *self.problems.lock().unwrap_or_else(PoisonError::into_inner))
    }
}
