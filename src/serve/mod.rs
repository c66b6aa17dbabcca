//! `rapporteur serve`: the search page and its JSON API over one index, for people who do
//! not use a terminal. The routes ([`api`]) call the same library functions as the
//! command line, so a query gives the same hits, scores and counts either way. The page
//! ([`page`]) is embedded in the binary and fetches nothing from elsewhere.
//!
//! The index is opened once and reopened when a new commit lands (a poll of its current
//! generation and commit file), so searches see what `index` (or `serve --watch`) just
//! added, without a restart. Searches run on tokio's blocking pool, each bounded in time;
//! connections are served by hyper's HTTP/1 builder with a bound on the time a client may
//! take to send its request head, so a slow client holds only its own connection.
//!
//! Bound to 127.0.0.1 unless told otherwise; any other address needs a token ([`auth`]).

pub mod api;
pub mod auth;
pub mod error;
pub mod page;
pub mod params;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, SystemTime};

use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;

use crate::error::{Error, Result};
use crate::index::{store, IndexHandle};

/// How often the index folder is looked at for a new commit.
const FRESHNESS_POLL: Duration = Duration::from_millis(250);
/// How long a client may take to send its request head.
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// How the server is started.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The index folder.
    pub index: PathBuf,
    /// Where to listen.
    pub addr: SocketAddr,
    /// The bearer token every API request must carry, if any.
    pub token: Option<String>,
}

/// Checks that `options` may be served: an address other than loopback needs a token.
pub fn check_options(options: &ServeOptions) -> std::result::Result<(), String> {
    if !options.addr.ip().is_loopback() && options.token.is_none() {
        return Err(format!(
            "refusing to serve on {} without a token: anyone who can reach this address could read the index. Give --token SECRET (colleagues then sign in on the page with it), or bind 127.0.0.1",
            options.addr
        ));
    }
    if options
        .token
        .as_deref()
        .is_some_and(|t| t.trim().is_empty())
    {
        return Err("--token is empty: give a secret that colleagues type to sign in".to_string());
    }
    Ok(())
}

/// The commit a handle was opened on: the generation folder and its commit file's time
/// and size (tantivy rewrites `meta.json` at every commit).
#[derive(Debug, Clone, PartialEq, Eq)]
struct CommitMark(Option<PathBuf>, Option<(SystemTime, u64)>);

impl CommitMark {
    fn of(index: &Path) -> CommitMark {
        let generation = store::current(index);
        let meta = generation
            .as_ref()
            .and_then(|g| std::fs::metadata(g.join("meta.json")).ok())
            .and_then(|m| Some((m.modified().ok()?, m.len())));
        CommitMark(generation, meta)
    }
}

/// An index as served: the handle on one commit, and the agenda titles looked up on it
/// (a facet panel names the same items query after query; each lookup reads a stored
/// block, so they are kept until the next commit).
pub struct Served {
    /// The open index.
    pub handle: IndexHandle,
    titles: Mutex<HashMap<TitleKey, Option<String>>>,
}

/// An agenda item's label and the documents its title was looked up in.
type TitleKey = (String, Vec<String>);

impl Served {
    fn new(handle: IndexHandle) -> Served {
        Served {
            handle,
            titles: Mutex::new(HashMap::new()),
        }
    }

    /// The title agenda item `label` is printed with (in one of `documents`, if given).
    pub fn agenda_title(&self, label: &str, documents: &[String]) -> Result<Option<String>> {
        let key = (label.to_string(), documents.to_vec());
        if let Some(title) = self
            .titles
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
        {
            return Ok(title.clone());
        }
        let title = crate::query::agenda_title(&self.handle, label, documents)?;
        self.titles
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, title.clone());
        Ok(title)
    }
}

impl std::ops::Deref for Served {
    type Target = IndexHandle;

    fn deref(&self) -> &IndexHandle {
        &self.handle
    }
}

/// What every request shares: the open index (swapped when a commit lands) and the token.
pub struct AppState {
    index_path: PathBuf,
    current: RwLock<(CommitMark, Arc<Served>)>,
    token: Option<String>,
}

impl AppState {
    /// Opens the index at `options.index`.
    pub fn open(options: &ServeOptions) -> Result<AppState> {
        let mark = CommitMark::of(&options.index);
        let handle = IndexHandle::open(&options.index)?;
        Ok(AppState {
            index_path: options.index.clone(),
            current: RwLock::new((mark, Arc::new(Served::new(handle)))),
            token: options.token.clone(),
        })
    }

    /// The index as of its last commit seen.
    pub fn served(&self) -> Arc<Served> {
        let current = self.current.read().unwrap_or_else(|e| e.into_inner());
        Arc::clone(&current.1)
    }

    /// Reopens the index if a commit landed since it was opened. A commit that cannot be
    /// opened (a rebuild half-switched, a damaged file) leaves the last good one in use.
    fn refresh(&self) {
        let mark = CommitMark::of(&self.index_path);
        if self.current.read().unwrap_or_else(|e| e.into_inner()).0 == mark {
            return;
        }
        match IndexHandle::open(&self.index_path) {
            Ok(handle) => {
                *self.current.write().unwrap_or_else(|e| e.into_inner()) =
                    (mark, Arc::new(Served::new(handle)));
            }
            Err(error) => eprintln!("rapporteur: serving the last good commit: {error}"),
        }
    }
}

/// Serves until the process ends; `listening` is told the address bound (the port, when
/// 0 was asked).
pub fn run(options: &ServeOptions, listening: impl FnOnce(SocketAddr)) -> Result<()> {
    check_options(options).map_err(Error::Filter)?;
    // Searches reuse freed blocks, as `search` does. (With `--watch`, an update sets the
    // build's policy for the whole process, and searches run under it from then on.)
    crate::index::allocator::reuse_freed_for_search();
    let state = Arc::new(AppState::open(options)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|source| Error::Io {
            path: options.index.clone(),
            source,
        })?;
    let poller = Arc::clone(&state);
    std::thread::spawn(move || loop {
        std::thread::sleep(FRESHNESS_POLL);
        poller.refresh();
    });
    let router = api::router(Arc::clone(&state));
    let addr = options.addr;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| Error::Io {
                path: PathBuf::from(addr.to_string()),
                source,
            })?;
        let bound = listener.local_addr().map_err(|source| Error::Io {
            path: PathBuf::from(addr.to_string()),
            source,
        })?;
        listening(bound);
        loop {
            let stream = match listener.accept().await {
                Ok((stream, _)) => stream,
                // Out of file descriptors and the like: wait, then go on accepting.
                Err(error) => {
                    eprintln!("rapporteur: accepting a connection: {error}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            };
            let service = TowerToHyperService::new(router.clone());
            tokio::spawn(async move {
                let _ = hyper::server::conn::http1::Builder::new()
                    .timer(TokioTimer::new())
                    .header_read_timeout(HEADER_TIMEOUT)
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    })
}
