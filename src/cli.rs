//! The command line: clap's view of the options. Nothing past `commands` sees clap types.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Search intergovernmental session reports by paragraph: who said what, under which
/// agenda item, in which session.
#[derive(Parser, Debug)]
#[command(name = "rapporteur", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Search the index for paragraphs.
    #[command(after_help = SEARCH_EXAMPLES)]
    Search(SearchArgs),
    /// Count matching paragraphs per year or session, split by delegation or agenda item.
    #[command(after_help = TREND_EXAMPLES)]
    Trend(TrendArgs),
    /// Build or update the index from the corpus.
    #[command(after_help = INDEX_EXAMPLES)]
    Index(IndexArgs),
    /// Print one unit of a report in full.
    #[command(after_help = SHOW_EXAMPLES)]
    Show(ShowArgs),
    /// Parse one report and print its outline (or JSON).
    #[command(after_help = PARSE_EXAMPLES)]
    Parse(ParseArgs),
    /// Serve the search page and its JSON API (for colleagues without a terminal).
    #[command(after_help = SERVE_EXAMPLES)]
    Serve(ServeArgs),
    /// Describe the index: reports, units, languages, speakers, sizes, last update.
    #[command(after_help = STATS_EXAMPLES)]
    Stats(StatsArgs),
    /// Print a completion script for a shell.
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions(CompletionsArgs),
    /// Print the manual page (roff).
    #[command(after_help = MAN_EXAMPLES)]
    Man,
}

const SEARCH_EXAMPLES: &str = "Examples:
  rapporteur search \"hydrogène vert\" --country Chine
  rapporteur search dessalement --agenda 3 --format md
  rapporteur search \"pollution de l'air\" --sort date --format cite";
const TREND_EXAMPLES: &str = "Examples:
  rapporteur trend \"hydrogène vert\"
  rapporteur trend \"green hydrogen\" --by session --split country --top 3
  rapporteur trend dessalement --plot trend.svg";
const INDEX_EXAMPLES: &str = "Examples:
  rapporteur index
  rapporteur index --corpus ~/reports --index ~/reports-index
  rapporteur index --watch";
const SHOW_EXAMPLES: &str = "Examples:
  rapporteur show \"APCTT/GC(20)/4\" 12
  rapporteur show \"APCTT/GC(20)/4\" II.13 --context 2
  rapporteur show \"A/HRC/14/37\" r14/1";
const PARSE_EXAMPLES: &str = "Examples:
  rapporteur parse corpus/APCTT-GC-20-4.fr.txt
  rapporteur parse report.pdf --json
  rapporteur parse report.pdf --text";
const SERVE_EXAMPLES: &str = "Examples:
  rapporteur serve                                   # http://127.0.0.1:8080, this machine only
  rapporteur serve --watch                           # and keep the index in step with the corpus
  rapporteur serve --addr 0.0.0.0:8080 --token S3CRET  # for colleagues: they sign in with the token";
const STATS_EXAMPLES: &str = "Examples:
  rapporteur stats
  rapporteur stats --json";
const COMPLETIONS_EXAMPLES: &str = "Examples:
  rapporteur completions bash > ~/.local/share/bash-completion/completions/rapporteur
  rapporteur completions zsh > ~/.zfunc/_rapporteur
  rapporteur completions fish > ~/.config/fish/completions/rapporteur.fish";
const MAN_EXAMPLES: &str = "Examples:
  rapporteur man > ~/.local/share/man/man1/rapporteur.1
  rapporteur man | man -l -";

/// `rapporteur completions`.
#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `rapporteur serve`.
#[derive(Args, Debug)]
pub struct ServeArgs {
    /// Address and port to listen on. Any address but loopback needs --token.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR:PORT")]
    pub addr: std::net::SocketAddr,
    /// The secret every request must carry (Authorization: Bearer, or the page's sign-in).
    #[arg(
        long,
        value_name = "SECRET",
        env = "RAPPORTEUR_TOKEN",
        hide_env_values = true
    )]
    pub token: Option<String>,
    /// Keep the index in step with the corpus while serving, as `index --watch` does.
    #[arg(long)]
    pub watch: bool,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub locations: Locations,
}

/// `rapporteur stats`.
#[derive(Args, Debug)]
pub struct StatsArgs {
    /// Print the figures as one JSON object.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub locations: Locations,
}

/// Lets `rapporteur search hydrogène vert -Chine` exclude a word without `--`: after
/// `search`, an argument like `-Chine` (a dash, then more than one character, not a
/// second dash) is not an option of ours, so it is passed on with a minus sign (U+2212),
/// which the query language also reads as "exclude".
pub fn exclusions_as_words(args: impl Iterator<Item = OsString>) -> Vec<OsString> {
    let args: Vec<OsString> = args.collect();
    if args.get(1).is_none_or(|a| a != "search") {
        return args;
    }
    let mut after_separator = false;
    args.into_iter()
        .map(|arg| {
            let text = arg.to_string_lossy();
            after_separator |= text == "--";
            let exclusion = !after_separator
                && text.starts_with('-')
                && !text.starts_with("--")
                && text.chars().count() > 2;
            if exclusion {
                OsString::from(format!("\u{2212}{}", &text[1..]))
            } else {
                arg
            }
        })
        .collect()
}

/// Where the corpus and the index are.
#[derive(Args, Debug, Clone)]
pub struct Locations {
    /// Index directory.
    #[arg(long, default_value = "index", global = true)]
    pub index: PathBuf,
    /// Corpus directory (searched recursively for reports).
    #[arg(long, default_value = "corpus", global = true)]
    pub corpus: PathBuf,
}

/// When to colour output.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorChoice {
    /// When stdout is a terminal and NO_COLOR is unset.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// `rapporteur search`.
#[derive(Args, Debug)]
pub struct SearchArgs {
    /// Words (all required), "quoted phrases", OR between alternatives, -word to exclude.
    #[arg(required = true, num_args = 1..)]
    pub query: Vec<String>,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub filters: Filters,
    /// How many hits to print.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub limit: usize,
    /// JSON Lines output: one hit object per line, then a summary object (= --format json).
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// Output: human (default), json (JSON Lines), csv, md (a Markdown list to paste into a
    /// draft), cite (one citation per line).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// With --format md: the full text of each hit instead of its snippet.
    #[arg(long)]
    pub full: bool,
    /// Order of hits: relevance (default), date (newest report first, then reading order),
    /// document (reading order). Facet counts are the same in every order.
    #[arg(long, value_enum, default_value_t = Sort::Relevance)]
    pub sort: Sort,
    /// List a meeting record's printed translation of a unit beside the unit when both
    /// match (by default a speech and its translation are one hit, the original).
    #[arg(long)]
    pub with_translations: bool,
    /// Colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub locations: Locations,
}

/// The filters `search` and `trend` share.
#[derive(Args, Debug)]
pub struct Filters {
    /// Only what this delegation said (French or English name, or ISO code); repeatable.
    #[arg(long, value_name = "COUNTRY")]
    pub country: Vec<String>,
    /// Only units that name this country; repeatable.
    #[arg(long, value_name = "COUNTRY")]
    pub mentions: Vec<String>,
    /// Only units under this agenda item or its sub-items, as printed: 3, 3.1, "4 (a)";
    /// repeatable.
    #[arg(long, value_name = "ITEM", value_parser = agenda_label)]
    pub agenda: Vec<String>,
    /// Only this document (symbol, e.g. APCTT/GC(20)/4); repeatable.
    #[arg(long, value_name = "SYMBOL")]
    pub doc: Vec<String>,
    /// Only this session number; repeatable.
    #[arg(long, value_name = "N")]
    pub session: Vec<u32>,
    /// Only reports of this year; repeatable.
    #[arg(long, value_name = "YEAR")]
    pub year: Vec<u32>,
    /// Only units in this language (fr, en, …); repeatable.
    #[arg(long, value_name = "LANG")]
    pub lang: Vec<String>,
}

impl Filters {
    /// The filters as the library takes them.
    pub fn typed(&self) -> rapporteur::query::request::TypedFilters {
        rapporteur::query::request::TypedFilters {
            country: self.country.clone(),
            mentions: self.mentions.clone(),
            agenda: self.agenda.clone(),
            doc: self.doc.clone(),
            session: self.session.clone(),
            year: self.year.clone(),
            lang: self.lang.clone(),
        }
    }
}

/// `rapporteur trend`.
#[derive(Args, Debug)]
pub struct TrendArgs {
    /// Words (all required), "quoted phrases", OR between alternatives, -word to exclude.
    #[arg(required = true, num_args = 1..)]
    pub query: Vec<String>,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub filters: Filters,
    /// One bar per year of the reports (default) or per session.
    #[arg(long, value_enum, default_value_t = By::Year)]
    pub by: By,
    /// Split each bar by speaking country or by agenda item.
    #[arg(long, value_enum)]
    pub split: Option<Split>,
    /// With --split: how many series to show; the rest are added up as "others".
    #[arg(long, default_value_t = 5, value_name = "N")]
    pub top: usize,
    /// JSON Lines: one bucket object per bar (and series), then a summary object.
    #[arg(long)]
    pub json: bool,
    /// Also draw the chart into FILE (.svg or .png).
    #[arg(long, value_name = "FILE")]
    pub plot: Option<PathBuf>,
    /// Colour the chart.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub locations: Locations,
}

/// `trend --by`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum By {
    /// The year of each report's session.
    Year,
    /// The session number of each report.
    Session,
}

/// `trend --split`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Split {
    /// By speaking country.
    Country,
    /// By agenda item.
    Agenda,
}

/// `search --format`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Hits with highlighted snippets and a footer of counts.
    Human,
    /// JSON Lines: hits, then a summary.
    Json,
    /// RFC 4180 CSV with a header row.
    Csv,
    /// A Markdown list, citations in bold.
    Md,
    /// One citation per line.
    Cite,
}

/// `search --sort`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sort {
    /// Best match first.
    Relevance,
    /// Newest report first, then reading order.
    Date,
    /// Reading order, report by report.
    Document,
}

/// `rapporteur index`.
#[derive(Args, Debug)]
pub struct IndexArgs {
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
    /// Build a fresh index beside the current one and switch to it when complete.
    #[arg(long)]
    pub rebuild: bool,
    /// Keep running and index reports as they land in the corpus.
    #[arg(long)]
    pub watch: bool,
    /// If another indexer is running, wait for it instead of failing.
    #[arg(long)]
    pub wait: bool,
    /// Follow links to folders inside the corpus (a link back to a folder above is
    /// reported, not followed). Links to files are always read.
    #[arg(long)]
    pub follow_links: bool,
    /// Time one PDF's text extraction may take before the file is skipped (90s, 2m, 500ms).
    #[arg(long, value_name = "DURATION", default_value = "60s", value_parser = parse_duration)]
    pub pdf_timeout: std::time::Duration,
    /// Largest PDF read, in MB; larger ones are skipped with a message.
    #[arg(long, value_name = "MB", default_value_t = 200)]
    pub max_pdf_mb: u64,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub locations: Locations,
}

/// An agenda item as printed (`3`, `3.1`, `4 (a)`, `4(a)`), as the index keeps it.
fn agenda_label(text: &str) -> Result<String, String> {
    rapporteur::query::request::agenda_label(text).map_err(|e| e.to_string())
}

fn parse_duration(text: &str) -> Result<std::time::Duration, String> {
    humantime::parse_duration(text)
        .map_err(|e| format!("{e}: write a duration such as 90s, 2m or 500ms"))
}

/// `rapporteur show`.
#[derive(Args, Debug)]
pub struct ShowArgs {
    /// Document symbol, e.g. APCTT/GC(20)/4.
    pub symbol: String,
    /// Unit: 12 (paragraph), d3 (decision), II.13 (annex II, paragraph 13), b2 (block),
    /// r28/1 (resolution 28/1), d28/101 (decision 28/101), s28/1 (President's statement),
    /// or the label a meeting record prints (12.1; (12.1) for its translation).
    pub reference: String,
    /// The version in this language (fr, en, …), when the report exists in several.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// Also print N units before and after it, in reading order (the asked one marked).
    #[arg(long, short = 'C', value_name = "N", default_value_t = 0)]
    pub context: usize,
    /// Colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    #[command(flatten)]
    #[allow(missing_docs)]
    pub locations: Locations,
}

/// `rapporteur parse`.
#[derive(Args, Debug)]
pub struct ParseArgs {
    /// The report file.
    pub file: PathBuf,
    /// Print the report as one JSON object.
    #[arg(long, conflicts_with = "text")]
    pub json: bool,
    /// Print the text the parser reads (what the PDF extractor or decoder gave), unparsed.
    #[arg(long)]
    pub text: bool,
}
