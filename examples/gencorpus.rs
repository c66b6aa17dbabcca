//! Writes a synthetic corpus of session reports for benchmarks, deterministic from a seed:
//!
//!     cargo run --release --example gencorpus -- OUT_DIR MEGABYTES [SEED]
//!
//! Reports are built like the shipped one (cover, chapters and sections with agenda
//! items, numbered paragraphs, decisions, an agenda list, running headers and job numbers
//! every page, double-spaced lines) with varied symbols, sessions, dates, speaking
//! countries and agenda items. Sentences mix real ones from the shipped report with
//! synthetic ones over a 30,000-word Zipf vocabulary, so that a query word matches a
//! realistic share of paragraphs rather than a third of them. Never committed.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rapporteur::countries::{with_de, Countries};
use rapporteur::parse::parse_report;

/// xorshift64*: small, fast, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// Words ranked by frequency; sampling follows Zipf's law (rank r with weight 1/r).
struct Vocabulary {
    words: Vec<String>,
    cumulative: Vec<f64>,
}

impl Vocabulary {
    fn new(rng: &mut Rng, size: usize) -> Vocabulary {
        const SYLLABLES: [&str; 24] = [
            "ra", "po", "ti", "on", "dé", "ve", "lo", "ppe", "ment", "con", "sé", "qu", "en", "ce",
            "pro", "gra", "mme", "té", "ch", "no", "lo", "gie", "mar", "ché",
        ];
        let mut words = Vec::with_capacity(size);
        let mut seen = std::collections::HashSet::new();
        while words.len() < size {
            let parts = 2 + rng.below(3);
            let word: String = (0..parts)
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect();
            if seen.insert(word.clone()) {
                words.push(word);
            }
        }
        let mut total = 0.0;
        let cumulative = (1..=size)
            .map(|r| {
                total += 1.0 / r as f64;
                total
            })
            .collect();
        Vocabulary { words, cumulative }
    }

    fn sample(&self, rng: &mut Rng) -> &str {
        let total = *self.cumulative.last().unwrap_or(&1.0);
        let target = (rng.next() as f64 / u64::MAX as f64) * total;
        let i = self
            .cumulative
            .partition_point(|&c| c < target)
            .min(self.words.len() - 1);
        &self.words[i]
    }
}

const ORDINALS: [&str; 10] = [
    "dixième",
    "onzième",
    "douzième",
    "treizième",
    "quatorzième",
    "quinzième",
    "seizième",
    "dix-septième",
    "dix-huitième",
    "dix-neuvième",
];
const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const TOPICS: [&str; 10] = [
    "Activités du Centre pendant la période considérée",
    "Projet de programme de travail",
    "Questions financières et administratives",
    "Coopération régionale en matière de technologie",
    "Transfert de technologie et innovation",
    "Changements climatiques et énergie propre",
    "Questions diverses",
    "Dates et lieu de la prochaine session",
    "Gestion des connaissances et partenariats",
    "Adoption du rapport",
];

struct Generator {
    rng: Rng,
    sentences: Vec<String>,
    vocabulary: Vocabulary,
    delegations: Vec<String>,
}

impl Generator {
    fn sentence(&mut self) -> String {
        if self.rng.chance(15) {
            return self.sentences[self.rng.below(self.sentences.len())].clone();
        }
        let words = 8 + self.rng.below(14);
        let mut out = String::new();
        for i in 0..words {
            if i > 0 {
                out.push(' ');
            }
            if self.rng.chance(10) {
                let real = &self.sentences[self.rng.below(self.sentences.len())];
                let pick: Vec<&str> = real.split_whitespace().collect();
                out.push_str(
                    pick[self.rng.below(pick.len())].trim_matches(|c: char| !c.is_alphanumeric()),
                );
            } else {
                out.push_str(self.vocabulary.sample(&mut self.rng));
            }
        }
        let mut chars = out.chars();
        let first = chars
            .next()
            .map(|c| c.to_uppercase().collect::<String>())
            .unwrap_or_default();
        format!("{first}{}.", chars.as_str())
    }

    fn paragraph(&mut self, number: usize) -> String {
        let mut text = format!("{number}. ");
        if self.rng.chance(70) {
            let who = self.delegations[self.rng.below(self.delegations.len())].clone();
            let role = if self.rng.chance(50) {
                "La représentante"
            } else {
                "Le représentant"
            };
            write!(
                text,
                "{role} {who} {} ",
                ["salue", "propose", "souligne", "rappelle"][self.rng.below(4)]
            )
            .unwrap();
            let rest = self.sentence();
            let mut chars = rest.chars();
            text.extend(chars.next().into_iter().flat_map(char::to_lowercase));
            text.push_str(chars.as_str());
        } else {
            text.push_str(&self.sentence());
        }
        for _ in 0..(1 + self.rng.below(5)) {
            text.push(' ');
            text.push_str(&self.sentence());
        }
        text
    }

    /// One report, as lines (before page furniture and double spacing).
    fn report(&mut self, id: usize) -> (String, Vec<String>) {
        let session = 10 + self.rng.below(10);
        let year = 2005 + session;
        let symbol = format!("E/ESCAP/GEN({session})/{id}");
        let mut lines = vec![
            format!(
                "Rapport du Conseil d’administration du Centre régional numéro {} sur les",
                id % 97
            ),
            format!("travaux de sa {} session", ORDINALS[session - 10]),
            " I. Questions portées à l’attention de la Commission".to_string(),
            "1. Les décisions ci-après sont portées à l’attention de la Commission :".to_string(),
        ];
        for d in 1..=(1 + self.rng.below(4)) {
            lines.push(format!("Décision {d}"));
            lines.push(self.sentence());
        }
        lines.push(" II. Compte rendu des travaux".to_string());
        let items = 3 + self.rng.below(5);
        let mut number = 2;
        let letters = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
        for item in 0..items {
            let topic = TOPICS[(id + item) % TOPICS.len()];
            lines.push(format!(
                " {}. {topic} (point {} de l’ordre du jour)",
                letters[item],
                item + 2
            ));
            for _ in 0..(2 + self.rng.below(8)) {
                lines.push(self.paragraph(number));
                number += 1;
            }
        }
        lines.push(" III. Organisation".to_string());
        let month = MONTHS[self.rng.below(12)];
        lines.push(format!(
            "{number}. Le Conseil d’administration a tenu sa {} session à Bangkok les {} et {} {month} {year}.",
            ORDINALS[session - 10],
            3 + self.rng.below(20),
            24 + self.rng.below(3)
        ));
        number += 1;
        lines.push(format!(
            "{number}. Le Conseil d’administration a adopté l’ordre du jour ci-après :"
        ));
        lines.push("1. Ouverture de la session.".to_string());
        for item in 0..items {
            lines.push(format!(
                "{}. {}.",
                item + 2,
                TOPICS[(id + item) % TOPICS.len()]
            ));
        }
        (symbol, lines)
    }
}

/// Wraps, adds running headers and job numbers every page, and double-spaces the lines,
/// as the PDF extractor left the shipped report.
fn lay_out(symbol: &str, lines: &[String], rng: &mut Rng) -> String {
    let mut wrapped = Vec::new();
    for line in lines {
        let mut current = String::new();
        for word in line.split_whitespace() {
            if current.chars().count() + word.chars().count() > 78 && !current.is_empty() {
                wrapped.push(std::mem::take(&mut current));
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        if !current.is_empty() {
            wrapped.push(current);
        }
    }
    let job = format!("B{:02}-{:05}", 20 + rng.below(6), rng.below(100_000));
    let mut out = String::new();
    for (i, line) in wrapped.iter().enumerate() {
        if i > 0 && i % 45 == 0 {
            let page = i / 45 + 1;
            writeln!(out, "{symbol} \n\n{page} {job} \n").unwrap();
        }
        writeln!(out, "{line} \n").unwrap();
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(out), Some(megabytes)) =
        (args.get(1), args.get(2).and_then(|m| m.parse::<f64>().ok()))
    else {
        eprintln!("usage: gencorpus OUT_DIR MEGABYTES [SEED]");
        std::process::exit(2);
    };
    let seed: u64 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(42);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shipped = std::fs::read_to_string(root.join("corpus/APCTT-GC-20-4.fr.txt"))
        .expect("the shipped report");
    let sentences: Vec<String> = parse_report(&shipped, "seed.txt")
        .paragraphs
        .iter()
        .flat_map(|u| {
            u.text
                .split(". ")
                .map(|s| s.trim_end_matches('.').to_string() + ".")
                .collect::<Vec<_>>()
        })
        .filter(|s| s.len() > 30)
        .collect();
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let vocabulary = Vocabulary::new(&mut rng, 30_000);
    let delegations = Countries::get()
        .all()
        .iter()
        .map(|c| with_de(&c.french[0]))
        .collect();
    let mut generator = Generator {
        rng,
        sentences,
        vocabulary,
        delegations,
    };
    let target = (megabytes * 1e6) as usize;
    let mut written = 0;
    let mut id = 0;
    while written < target {
        let (symbol, lines) = generator.report(id);
        let text = lay_out(&symbol, &lines, &mut generator.rng);
        let folder: PathBuf = Path::new(out).join(format!("{}", 2015 + id % 10));
        std::fs::create_dir_all(&folder).expect("the output folder");
        std::fs::write(folder.join(format!("report-{id:05}.fr.txt")), &text)
            .expect("a report written");
        written += text.len();
        id += 1;
    }
    println!("{id} reports, {:.1} MB in {out}", written as f64 / 1e6);
}
