//! JSON Lines for programs. The format (also in the README):
//!
//! - one `{"type": "hit", …}` object per hit, best first, with `doc`, `language`, `file`,
//!   `annex`, `kind`, `number`, `label`, `section`, `agenda_item`, `agenda_title`,
//!   `speakers` (`[{"country", "role", "name", "organization"}]`), `countries`, `session`,
//!   `title`, `versions` (other languages of the same unit), `printed` (a meeting record's
//!   label), `translated_as` / `translation_of` (a record's printed translation of the
//!   unit, or the unit it translates, where there is one), `text`, `score` and `snippet` (`{"text", "highlights": [[start, end], …]}`,
//!   byte offsets into the snippet text);
//! - then one `{"type": "summary", "total": N, "shown": n, "facets": {"country": {"CHN": 3,
//!   …}, "agenda_item": {"3": 5, …}, "doc": {…}, "language": {…}}, "notes": […]}`,
//!   facet counts over all `total` hits, largest first.

use std::io::{self, Write};

use serde_json::{json, Map, Value};

use crate::query::{FacetCount, SearchResults};

/// Writes the hits and the summary, one JSON object per line.
pub fn write_results(results: &SearchResults, out: &mut dyn Write) -> io::Result<()> {
    for hit in &results.hits {
        let mut object = Map::new();
        object.insert("type".to_string(), json!("hit"));
        if let Value::Object(fields) = serde_json::to_value(hit).map_err(io::Error::other)? {
            object.extend(fields);
        }
        serde_json::to_writer(&mut *out, &object).map_err(io::Error::other)?;
        writeln!(out)?;
    }
    let facets = &results.facets;
    let summary = json!({
        "type": "summary",
        "total": results.total,
        "shown": results.hits.len(),
        "facets": {
            "country": counts(&facets.country),
            "agenda_item": counts(&facets.agenda_item),
            "doc": counts(&facets.doc),
            "language": counts(&facets.language),
        },
        "notes": results.notes,
    });
    serde_json::to_writer(&mut *out, &summary).map_err(io::Error::other)?;
    writeln!(out)
}

fn counts(counts: &FacetCount) -> Value {
    Value::Object(
        counts
            .values
            .iter()
            .map(|(k, n)| (k.clone(), json!(n)))
            .collect(),
    )
}
