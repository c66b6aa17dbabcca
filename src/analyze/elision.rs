//! Elision: the French article or pronoun glued to the next word by an apostrophe
//! (l’hydrogène, qu’il, jusqu’à) is dropped, so "l’hydrogène" is found by "hydrogène".
//! Both the typographic ’ and the ASCII ' count. English drops the possessive "’s".

/// Words dropped when an apostrophe follows them, for French.
pub const FRENCH: &[&str] = &[
    "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu",
];

/// Words dropped when an apostrophe precedes them, for English ("People’s", "Slovenia’s").
pub const ENGLISH_CLITICS: &[&str] = &["s"];

/// Apostrophes as they appear in reports and in what users type.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘')
}

/// Whether `word` (as written) is one of `elisions`, ignoring case.
pub fn is_listed(word: &str, list: &[&str]) -> bool {
    word.len() <= 7 && list.iter().any(|e| e.eq_ignore_ascii_case(word))
}
