//! One module per subcommand: each turns checked options into library calls and says
//! whether it found something (for the exit code).

pub mod index;
pub mod parse;
pub mod search;
pub mod serve;
pub mod show;
pub mod stats;
pub mod trend;

use std::io::IsTerminal;

use crate::cli::ColorChoice;

/// Colour on: `always`, or `auto` with stdout a terminal and `NO_COLOR` unset.
pub fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}
