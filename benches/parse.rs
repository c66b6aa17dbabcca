//! Parser throughput: parses the shipped report and the English sample (from
//! `../shared/samples/`) repeatedly, one report per call, then one large report made of
//! the English sample 40 times over (to catch anything worse than linear), and prints
//! MB/s. The first parse of a process builds the genre's patterns and automata (the
//! lexicon's regexes, the country names): it is timed and printed on its own, before the
//! rounds, so the figures are the parser's throughput, not a process's start. In the same run it times `grep -c` over the same bytes as a peer, since these
//! machines are shared and only ratios hold.
//!
//!     cargo bench --bench parse

use std::path::Path;
use std::time::Instant;

use rapporteur::parse::parse_report;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let french =
        std::fs::read_to_string(root.join("corpus/APCTT-GC-20-4.fr.txt")).expect("shipped report");
    let english = std::fs::read_to_string(root.join("../shared/samples/A-HRC-43-15.en.txt"))
        .unwrap_or_default();
    let reports: Vec<&str> = [french.as_str(), english.as_str()]
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect();

    let started = Instant::now();
    for report in &reports {
        parse_report(report, "warm-up.txt");
    }
    println!(
        "first parse of each report, patterns built: {:.0} ms",
        started.elapsed().as_secs_f64() * 1e3
    );

    let rounds = 200;
    let bytes: usize = reports.iter().map(|r| r.len()).sum::<usize>() * rounds;
    let started = Instant::now();
    let mut units = 0;
    for _ in 0..rounds {
        for report in &reports {
            units += parse_report(report, "bench.txt").paragraphs.len();
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "parse, one report per call: {:.1} MB in {:.2} s = {:.1} MB/s, {:.0} units/s (1 core)",
        bytes as f64 / 1e6,
        seconds,
        bytes as f64 / 1e6 / seconds,
        units as f64 / seconds
    );

    let big = english.repeat(40);
    let started = Instant::now();
    let report = parse_report(&big, "big.txt");
    let big_seconds = started.elapsed().as_secs_f64();
    println!(
        "parse, one {:.1} MB report: {:.2} s = {:.1} MB/s ({} units)",
        big.len() as f64 / 1e6,
        big_seconds,
        big.len() as f64 / 1e6 / big_seconds,
        report.paragraphs.len()
    );

    let scratch = std::env::temp_dir().join("rapporteur-parse-bench.txt");
    std::fs::write(&scratch, reports.concat().repeat(rounds)).expect("scratch file");
    let started = Instant::now();
    let grep = std::process::Command::new("grep")
        .arg("-c")
        .arg("représentant")
        .arg(&scratch)
        .output();
    let grep_seconds = started.elapsed().as_secs_f64();
    if grep.is_ok() {
        println!(
            "peer: grep -c over the same {:.1} MB: {:.3} s = {:.0} MB/s; parse is {:.0}x slower than grep",
            bytes as f64 / 1e6,
            grep_seconds,
            bytes as f64 / 1e6 / grep_seconds,
            seconds / grep_seconds
        );
    }
    let _ = std::fs::remove_file(scratch);
}
