//! `rapporteur search`: options checked into a `SearchRequest`, the index built first if
//! there is none, results printed for people or as JSON Lines.

use std::io::Write;

use anyhow::Result;

use crate::cli::{Filters, Format, Locations, SearchArgs, Sort};
use rapporteur::index::{reader, IndexHandle};
use rapporteur::query::{self, request, SearchRequest, SortOrder};
use rapporteur::render;

/// Runs the search; `Ok(true)` when something was found.
pub fn run(args: &SearchArgs, out: &mut dyn Write) -> Result<bool> {
    rapporteur::index::allocator::reuse_freed_for_search();
    let request = request_from(args)?;
    let handle = open_index(&args.locations)?;
    let results = query::search(&handle, &request)?;
    for note in &results.notes {
        eprintln!("rapporteur: note: {note}");
    }
    match output_format(args) {
        Format::Human => render::human::write_results(&results, out, super::use_color(args.color))?,
        Format::Json => render::json::write_results(&results, out)?,
        Format::Csv => render::formats::write_csv(&results, out)?,
        Format::Md => render::formats::write_markdown(&results, args.full, out)?,
        Format::Cite => render::formats::write_citations(&results, out)?,
    }
    // The process ends next. Dropping the index would unmap its files one by one, each
    // unmapping interrupting the search threads' cores to flush their address caches:
    // a seventh of a one-word search's time at 500 MB. Exiting releases them at once.
    std::mem::forget(handle);
    Ok(results.total > 0)
}

fn output_format(args: &SearchArgs) -> Format {
    if args.json {
        Format::Json
    } else {
        args.format
    }
}

/// The index at `locations`, built first from the corpus if there is none.
pub fn open_index(locations: &Locations) -> Result<IndexHandle> {
    if !reader::exists(&locations.index) {
        eprintln!(
            "rapporteur: no index at {}: building it from {} first",
            locations.index.display(),
            locations.corpus.display()
        );
        let settings = super::index::Settings::default();
        super::index::update_once(
            &locations.corpus,
            &locations.index,
            true,
            &settings,
            &mut std::io::sink(),
        )?;
    }
    Ok(IndexHandle::open(&locations.index)?)
}

fn request_from(args: &SearchArgs) -> Result<SearchRequest> {
    if args.limit == 0 {
        anyhow::bail!("--limit must be at least 1");
    }
    let mut request = filtered_request(&args.query, &args.filters)?;
    request.limit = args.limit;
    request.with_translations = args.with_translations;
    // Facet values are read only as far as the format shows them: the footer its first
    // few, JSON all, the other formats none (their counts are still over all hits).
    request.facet_values = match output_format(args) {
        Format::Human => Some(render::human::FOOTER_VALUES),
        Format::Json => None,
        Format::Csv | Format::Md | Format::Cite => Some(0),
    };
    request.sort = match args.sort {
        Sort::Relevance => SortOrder::Relevance,
        Sort::Date => SortOrder::Date,
        Sort::Document => SortOrder::Document,
    };
    Ok(request)
}

/// The query and filters that `search` and `trend` share, checked (an unknown country is
/// an error that suggests close names).
pub fn filtered_request(query: &[String], filters: &Filters) -> Result<SearchRequest> {
    Ok(request::checked(&query.join(" "), &filters.typed())?)
}
