//! The `rapporteur` binary: parses the command line, runs the subcommand, and turns the
//! outcome into an exit code (0 hits, 1 no hits, 2 error). A closed pipe is a normal exit.

mod cli;
mod commands;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};

fn main() -> ExitCode {
    quiet_pdf_panics();
    let cli = Cli::parse_from(cli::exclusions_as_words(std::env::args_os()));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let outcome = match &cli.command {
        Command::Search(args) => commands::search::run(args, &mut out),
        Command::Index(args) => commands::index::run(args, &mut out).map(|()| true),
        Command::Show(args) => commands::show::run(args, &mut out),
        Command::Parse(args) => commands::parse::run(args, &mut out).map(|()| true),
        Command::Serve(args) => commands::serve::run(args, &mut out).map(|()| true),
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
