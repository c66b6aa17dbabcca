//! Session numbers as reports write them: French and English ordinals in words
//! ("vingt et unième", "quatre-vingt-unième", "forty-third"), Spanish ones, which add up
//! ordinal words ("cuadragésimo tercer"), and figures ("20th", "20e", "43º"). Only what
//! identifies a session is needed, so numbers stop at 999.

/// Parses an ordinal written in words or figures; `None` if `text` is not one.
pub fn parse_ordinal(text: &str) -> Option<u32> {
    let text = text.trim().to_lowercase();
    if let Some(n) = parse_figures(&text) {
        return Some(n);
    }
    let words: Vec<&str> = text
        .split(|c: char| c == '-' || c.is_whitespace())
        .filter(|w| !w.is_empty() && *w != "et" && *w != "and")
        .collect();
    if let Some(n) = spanish_ordinal(&words) {
        return Some(n);
    }
    let (last, rest) = words.split_last()?;
    let last_value = ordinal_word(last)?;
    let mut total = 0;
    let mut previous = None;
    for word in rest.iter().copied().map(cardinal_word) {
        let value = word?;
        total = combine(total, previous, value);
        previous = Some(value);
    }
    let n = combine(total, previous, last_value);
    (n > 0).then_some(n)
}

/// Spanish ordinals are ordinal words added up: "cuadragésimo tercer" = 40 + 3,
/// "centésimo vigésimo" = 100 + 20.
fn spanish_ordinal(words: &[&str]) -> Option<u32> {
    const WORDS: [(&str, u32); 25] = [
        ("primer", 1),
        ("segund", 2),
        ("tercer", 3),
        ("cuart", 4),
        ("quint", 5),
        ("sext", 6),
        ("séptim", 7),
        ("septim", 7),
        ("octav", 8),
        ("noven", 9),
        ("décim", 10),
        ("decim", 10),
        ("undécim", 11),
        ("duodécim", 12),
        ("vigésim", 20),
        ("trigésim", 30),
        ("cuadragésim", 40),
        ("quincuagésim", 50),
        ("sexagésim", 60),
        ("septuagésim", 70),
        ("octogésim", 80),
        ("nonagésim", 90),
        ("centésim", 100),
        ("ducentésim", 200),
        ("tricentésim", 300),
    ];
    let value = |word: &str| {
        let stem = word.trim_end_matches(['o', 'a']);
        // "decimotercer" is written as one word: décimo + tercer.
        WORDS
            .iter()
            .find(|(w, _)| stem == *w)
            .map(|(_, n)| *n)
            .or_else(|| {
                let rest = word
                    .strip_prefix("decimo")
                    .or_else(|| word.strip_prefix("décimo"))?;
                let unit = rest.trim_end_matches(['o', 'a']);
                WORDS
                    .iter()
                    .find(|(w, n)| unit == *w && *n < 10)
                    .map(|(_, n)| 10 + n)
            })
    };
    let values: Vec<u32> = words.iter().map(|w| value(w)).collect::<Option<_>>()?;
    let total: u32 = values.iter().sum();
    (total > 0).then_some(total)
}

/// Adds `value` to a running total, multiplying where the language does so:
/// "quatre-vingt" is 4 × 20, "one hundred" and "deux cent" multiply by 100.
fn combine(total: u32, previous: Option<u32>, value: u32) -> u32 {
    match (previous, value) {
        (Some(4), 20) => total - 4 + 80,
        (Some(p), 100) if p < 10 => total - p + p * 100,
        (None, 100) => 100,
        _ => total + value,
    }
}

/// A rank as headings write it: "One", "Two", "Première", "Deuxième", "II", "3".
pub fn parse_rank(text: &str) -> Option<u32> {
    let word = text.trim().trim_end_matches(['.', ':']);
    if let Ok(n) = word.parse::<u32>() {
        return Some(n);
    }
    if let Some(n) = roman_value(word) {
        return Some(n);
    }
    let lower = word.to_lowercase();
    cardinal_word(&lower).or_else(|| parse_ordinal(&lower))
}

/// The value of a Roman numeral in capitals (`IV` = 4); `None` if it is not one.
pub fn roman_value(numeral: &str) -> Option<u32> {
    let value = |c| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    let digits: Vec<u32> = numeral.chars().map(value).collect::<Option<_>>()?;
    let mut total: i64 = 0;
    for (i, d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|next| next > d) {
            total -= i64::from(*d);
        } else {
            total += i64::from(*d);
        }
    }
    u32::try_from(total).ok().filter(|&t| t > 0)
}

fn parse_figures(text: &str) -> Option<u32> {
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return None;
    }
    let suffix = &text[digits.len()..];
    let is_ordinal_suffix = matches!(
        suffix,
        "st" | "nd" | "rd" | "th" | "e" | "ème" | "eme" | "ᵉ" | "er" | "re" | "ère" | "º" | "ª"
    );
    is_ordinal_suffix.then(|| digits.parse().ok()).flatten()
}

fn cardinal_word(word: &str) -> Option<u32> {
    Some(match word {
        "un" | "une" | "one" => 1,
        "deux" | "two" => 2,
        "trois" | "three" => 3,
        "quatre" | "four" => 4,
        "cinq" | "five" => 5,
        "six" => 6,
        "sept" | "seven" => 7,
        "huit" | "eight" => 8,
        "neuf" | "nine" => 9,
        "dix" | "ten" => 10,
        "onze" | "eleven" => 11,
        "douze" | "twelve" => 12,
        "treize" | "thirteen" => 13,
        "quatorze" | "fourteen" => 14,
        "quinze" | "fifteen" => 15,
        "seize" | "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "vingt" | "vingts" | "twenty" => 20,
        "trente" | "thirty" => 30,
        "quarante" | "forty" => 40,
        "cinquante" | "fifty" => 50,
        "soixante" | "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "cent" | "cents" | "hundred" => 100,
        _ => return None,
    })
}

fn ordinal_word(word: &str) -> Option<u32> {
    let special = match word {
        "premier" | "première" | "premiere" | "first" => Some(1),
        "second" | "seconde" | "second-" => Some(2),
        "third" => Some(3),
        "fifth" => Some(5),
        "eighth" => Some(8),
        "ninth" => Some(9),
        "twelfth" => Some(12),
        "cinquième" | "cinquieme" => Some(5),
        "neuvième" | "neuvieme" => Some(9),
        _ => None,
    };
    if special.is_some() {
        return special;
    }
    if let Some(stem) = word
        .strip_suffix("ième")
        .or_else(|| word.strip_suffix("ieme"))
    {
        // quatrième -> quatre, onzième -> onze, trentième -> trente, unième -> un
        return cardinal_word(stem).or_else(|| cardinal_word(&format!("{stem}e")));
    }
    if let Some(stem) = word.strip_suffix("ieth") {
        return cardinal_word(&format!("{stem}y"));
    }
    word.strip_suffix("th").and_then(cardinal_word)
}

#[cfg(test)]
mod tests {
    use super::{parse_ordinal, parse_rank};

    #[test]
    fn french_and_english_ordinals_in_words_and_figures() {
        for (text, n) in [
            ("vingtième", 20),
            ("vingt et unième", 21),
            ("vingt-et-unième", 21),
            ("quatre-vingt-unième", 81),
            ("quatre-vingtième", 80),
            ("soixante-dixième", 70),
            ("soixante et onzième", 71),
            ("quatre-vingt-dix-neuvième", 99),
            ("dix-neuvième", 19),
            ("première", 1),
            ("cent unième", 101),
            ("forty-third", 43),
            ("twentieth", 20),
            ("Seventy-eighth", 78),
            ("first", 1),
            ("one hundred and first", 101),
            ("twenty-second", 22),
            ("20th", 20),
            ("20e", 20),
            ("1st", 1),
        ] {
            assert_eq!(parse_ordinal(text), Some(n), "{text}");
        }
    }

    #[test]
    fn spanish_ordinals_add_up() {
        assert_eq!(parse_ordinal("cuadragésimo tercer"), Some(43));
        assert_eq!(parse_ordinal("Vigésimo octavo"), Some(28));
        assert_eq!(parse_ordinal("decimotercer"), Some(13));
        assert_eq!(parse_ordinal("primer"), Some(1));
        assert_eq!(parse_ordinal("43º"), Some(43));
        assert_eq!(parse_ordinal("tercer mundo"), None);
    }

    #[test]
    fn ranks_of_parts_and_chapters() {
        assert_eq!(parse_rank("One"), Some(1));
        assert_eq!(parse_rank("Deuxième"), Some(2));
        assert_eq!(parse_rank("IV"), Some(4));
        assert_eq!(parse_rank("XIX"), Some(19));
        assert_eq!(parse_rank("3"), Some(3));
        assert_eq!(parse_rank("Q"), None);
    }

    #[test]
    fn words_that_are_not_ordinals() {
        for text in ["session", "vingt", "forty", "20", "", "programme"] {
            assert_eq!(parse_ordinal(text), None, "{text}");
        }
    }
}
