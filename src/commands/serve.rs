//! `rapporteur serve`: the index built first if there is none, `--watch` keeping it in
//! step with the corpus on a thread of its own, then the page and API until the process
//! ends ([`rapporteur::serve`]).

use std::io::Write;
use std::time::Duration;

use anyhow::Result;

use crate::cli::ServeArgs;
use rapporteur::serve::{self, ServeOptions};

/// How long `--watch` waits after a failed update (another indexer holding the lock, a
/// full disk) before it tries again.
const RETRY_AFTER: Duration = Duration::from_secs(5);

pub fn run(args: &ServeArgs, out: &mut dyn Write) -> Result<()> {
    let options = ServeOptions {
        index: args.locations.index.clone(),
        addr: args.addr,
        token: args.token.clone(),
    };
    serve::check_options(&options).map_err(anyhow::Error::msg)?;
    drop(super::search::open_index(&args.locations)?);
    if args.watch {
        let (corpus, index) = (args.locations.corpus.clone(), args.locations.index.clone());
        std::thread::spawn(move || loop {
            if let Err(error) = super::index::keep_in_step(&corpus, &index) {
                eprintln!("rapporteur: keeping the index in step: {error:#}");
                std::thread::sleep(RETRY_AFTER);
            }
        });
    }
    serve::run(&options, |bound| {
        let _ = writeln!(
            out,
            "rapporteur: serving {} on http://{bound}/ (Ctrl-C stops)",
            args.locations.index.display()
        );
        let _ = out.flush();
    })?;
    Ok(())
}
