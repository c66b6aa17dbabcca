//! One module per subcommand: each turns checked options into library calls.

pub mod parse;
