//! The `rapporteur` binary: parses the command line, runs the subcommand, and turns the
//! outcome into an exit code (0 hits, 1 no hits, 2 error). A closed pipe is a normal exit.

mod cli;
mod commands;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};

fn main() -> ExitCode {
    bound_allocator_retention();
    quiet_pdf_panics();
    let cli = Cli::parse_from(cli::exclusions_as_words(std::env::args_os()));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let outcome = match &cli.command {
        Command::Search(args) => commands::search::run(args, &mut out),
        Command::Index(args) => commands::index::run(args, &mut out).map(|()| true),
        Command::Show(args) => commands::show::run(args, &mut out),
        Command::Parse(args) => commands::parse::run(args, &mut out).map(|()| true),
        Command::Stats(args) => commands::stats::run(args, &mut out).map(|()| true),
        Command::Trend(args) => commands::trend::run(args, &mut out),
        Command::Completions(args) => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(args.shell, &mut command, "rapporteur", &mut out);
            Ok(true)
        }
        Command::Man => {
            let command = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(command)
                .render(&mut out)
                .map(|()| true)
                .map_err(Into::into)
        }
    };
    let outcome = outcome.and_then(|found| out.flush().map(|()| found).map_err(Into::into));
    match outcome {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("rapporteur: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// glibc's allocator keeps what a thread freed in that thread's arena (one per thread, up
/// to eight per core) and serves allocations above a threshold it raises as it goes from
/// those arenas too: the indexer, a dozen threads allocating and freeing tantivy's
/// buffers, held 314 MB of heap on a 500 MB build where heaptrack saw under 100 MB in
/// use. Two arenas, large blocks always mapped (and so returned when freed) and the heap
/// trimmed past 1 MB took that to 187 MB, no slower (BENCHMARKS.md).
fn bound_allocator_retention() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        const ARENAS: i32 = 2;
        const MAPPED_FROM_BYTES: i32 = 256 * 1024;
        const TRIMMED_PAST_BYTES: i32 = 1024 * 1024;
        // SAFETY: mallopt only sets allocator parameters; it is called first thing in
        // main, before any other thread exists.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, ARENAS);
            libc::mallopt(libc::M_MMAP_THRESHOLD, MAPPED_FROM_BYTES);
            libc::mallopt(libc::M_TRIM_THRESHOLD, TRIMMED_PAST_BYTES);
        }
    }
}

/// pdf-extract panics on some damaged files; the library catches that and reports the
/// file as damaged, so the panic's own message would only be noise.
fn quiet_pdf_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !rapporteur::pdf::is_extracting() {
            previous(info);
        }
    }));
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .filter_map(|e| e.downcast_ref::<std::io::Error>())
        .any(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}
