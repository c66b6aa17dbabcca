//! `rapporteur trend`: the query's matching units counted per year or session, as a
//! chart on the terminal, JSON Lines, or an SVG/PNG file.

use std::io::Write;

use anyhow::Result;

use crate::cli::{By, Split, TrendArgs};
use rapporteur::query::trend::{self, Period, TrendRequest};
use rapporteur::render;

/// Runs the trend; `Ok(true)` when something matched.
pub fn run(args: &TrendArgs, out: &mut dyn Write) -> Result<bool> {
    let request = TrendRequest {
        search: super::search::filtered_request(&args.query, &args.filters)?,
        by: match args.by {
            By::Year => Period::Year,
            By::Session => Period::Session,
        },
        split: args.split.map(|split| match split {
            Split::Country => trend::Split::Country,
            Split::Agenda => trend::Split::Agenda,
        }),
        top: args.top,
    };
    let handle = super::search::open_index(&args.locations)?;
    let counted = trend::trend(&handle, &request)?;
    for note in &counted.notes {
        eprintln!("rapporteur: note: {note}");
    }
    let query = args.query.join(" ");
    let labels = render::trend::TrendLabels {
        query: &query,
        by: match args.by {
            By::Year => "year",
            By::Session => "session",
        },
        split: args.split.map(|split| match split {
            Split::Country => "country",
            Split::Agenda => "agenda",
        }),
    };
    if let Some(path) = &args.plot {
        render::plot::write_plot(&counted, &labels, path).map_err(|reason| {
            anyhow::anyhow!("drawing the chart into {}: {reason}", path.display())
        })?;
    }
    if args.json {
        render::trend::write_json(&counted, &labels, out)?;
    } else {
        render::trend::write_chart(&counted, &labels, out, super::use_color(args.color))?;
    }
    Ok(counted.total > 0)
}
