//! `rapporteur search`: options checked into a `SearchRequest`, the index built first if
//! there is none, results printed for people or as JSON Lines.

use std::io::Write;

use anyhow::Result;

use crate::cli::{Format, SearchArgs, Sort};
use rapporteur::countries::Countries;
use rapporteur::index::{reader, IndexHandle};
use rapporteur::parse::meta::normalize_symbol;
use rapporteur::query::{self, SearchRequest, SortOrder};
use rapporteur::render;

/// Runs the search; `Ok(true)` when something was found.
pub fn run(args: &SearchArgs, out: &mut dyn Write) -> Result<bool> {
    let request = request_from(args)?;
    let locations = &args.locations;
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
    let handle = IndexHandle::open(&locations.index)?;
    let results = query::search(&handle, &request)?;
    for note in &results.notes {
        eprintln!("rapporteur: note: {note}");
    }
    let format = if args.json { Format::Json } else { args.format };
    match format {
        Format::Human => render::human::write_results(&results, out, super::use_color(args.color))?,
        Format::Json => render::json::write_results(&results, out)?,
        Format::Csv => render::formats::write_csv(&results, out)?,
        Format::Md => render::formats::write_markdown(&results, args.full, out)?,
        Format::Cite => render::formats::write_citations(&results, out)?,
    }
    Ok(results.total > 0)
}

fn request_from(args: &SearchArgs) -> Result<SearchRequest> {
    let countries = Countries::get();
    let codes = |names: &[String]| -> Result<Vec<String>> {
        names
            .iter()
            .map(|n| Ok(countries.lookup(n)?.alpha3.clone()))
            .collect()
    };
    if args.limit == 0 {
        anyhow::bail!("--limit must be at least 1");
    }
    Ok(SearchRequest {
        query: args.query.join(" "),
        speaker_countries: codes(&args.country)?,
        mentioned_countries: codes(&args.mentions)?,
        agenda_item: args.agenda,
        document: args.doc.as_deref().map(normalize_symbol),
        session: args.session,
        language: args.lang.as_deref().map(|l| l.trim().to_lowercase()),
        limit: args.limit,
        sort: match args.sort {
            Sort::Relevance => SortOrder::Relevance,
            Sort::Date => SortOrder::Date,
            Sort::Document => SortOrder::Document,
        },
    })
}
