//! `rapporteur show SYMBOL REF`: one unit in full, with its section path, agenda item and
//! speakers.

use std::io::Write;

use anyhow::Result;

use crate::cli::ShowArgs;
use rapporteur::index::IndexHandle;
use rapporteur::parse::meta::normalize_symbol;
use rapporteur::query;
use rapporteur::render;

/// Prints the unit; `Ok(false)` when the report has no such unit.
pub fn run(args: &ShowArgs, out: &mut dyn Write) -> Result<bool> {
    let handle = IndexHandle::open(&args.locations.index)?;
    let symbol = normalize_symbol(&args.symbol);
    let language = args.lang.as_deref().map(|l| l.trim().to_lowercase());
    match query::find_typed(&handle, &symbol, &args.reference, language.as_deref())? {
        Some(unit) if args.context > 0 => {
            let asked = unit.order;
            let units = query::with_context(&handle, unit, args.context)?;
            render::human::write_in_context(&units, asked, out, super::use_color(args.color))?;
            Ok(true)
        }
        Some(unit) => {
            render::human::write_unit(&unit, out, super::use_color(args.color))?;
            Ok(true)
        }
        None => {
            let documents = query::documents(&handle)?;
            if documents.contains(&symbol) || query::leading_symbol(&handle, &symbol)?.is_some() {
                let version = language
                    .map(|l| format!(" in language {l}"))
                    .unwrap_or_default();
                eprintln!(
                    "rapporteur: {symbol} has no unit {}{version}",
                    args.reference
                );
            } else {
                let mut close: Vec<(f64, &String)> = documents
                    .iter()
                    .map(|d| (strsim::jaro_winkler(&symbol, d), d))
                    .collect();
                close.sort_by(|a, b| b.0.total_cmp(&a.0));
                let suggestions: Vec<&str> =
                    close.iter().take(5).map(|(_, d)| d.as_str()).collect();
                eprintln!(
                    "rapporteur: no document {symbol} in the index ({} documents); closest: {}",
                    documents.len(),
                    suggestions.join(", ")
                );
            }
            Ok(false)
        }
    }
}
