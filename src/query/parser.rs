//! The query language: words (all required), "quoted phrases", `OR` between two
//! alternatives, `-word` or `-"phrase"` to exclude. Parsing is lenient: an unbalanced
//! quote closes at the end of the query, a stray `OR` or `-` is ignored. A query with
//! nothing to look for is refused with a message that says why.

use crate::error::{Error, Result};

/// One thing to look for: a word or a phrase, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// A single word (it may still analyse to several tokens: "Asie-Pacifique").
    Word(String),
    /// A quoted phrase.
    Phrase(String),
}

impl Term {
    /// The text to analyse.
    pub fn text(&self) -> &str {
        match self {
            Term::Word(t) | Term::Phrase(t) => t,
        }
    }
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QueryAst {
    /// Each group must match; a group matches when any of its alternatives does.
    pub required: Vec<Vec<Term>>,
    /// None of these may match.
    pub excluded: Vec<Term>,
    /// Notes for the user about what was ignored or repaired.
    pub notes: Vec<String>,
}

#[derive(Debug, PartialEq)]
enum Token {
    Term(Term),
    Not(Term),
    Or,
}

/// Parses a query string.
pub fn parse_query(input: &str) -> Result<QueryAst> {
    let mut notes = Vec::new();
    let tokens = tokenize(input, &mut notes);
    let mut ast = QueryAst::default();
    let mut pending_or = false;
    for token in tokens {
        match token {
            Token::Or => {
                if ast.required.is_empty() {
                    notes.push("OR with nothing before it was ignored".to_string());
                } else {
                    pending_or = true;
                }
            }
            Token::Not(term) => {
                if pending_or {
                    notes.push("OR before an excluded word was ignored".to_string());
                    pending_or = false;
                }
                ast.excluded.push(term);
            }
            Token::Term(term) => {
                match ast.required.last_mut() {
                    Some(group) if pending_or => group.push(term),
                    _ => ast.required.push(vec![term]),
                }
                pending_or = false;
            }
        }
    }
    if pending_or {
        notes.push("OR at the end of the query was ignored".to_string());
    }
    if ast.required.is_empty() {
        let reason = if ast.excluded.is_empty() {
            "the query has no words: type the words to look for, e.g. rapporteur search \"hydrogène vert\""
        } else {
            "the query only excludes words: add at least one word to look for"
        };
        return Err(Error::Query(reason.to_string()));
    }
    ast.notes = notes;
    Ok(ast)
}

fn tokenize(input: &str, notes: &mut Vec<String>) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = input.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let negated = c == '-' || c == '\u{2212}';
        if negated {
            chars.next();
            if chars.peek().is_none_or(|c| c.is_whitespace()) {
                notes.push("a lone '-' was ignored".to_string());
                continue;
            }
        }
        let term = if chars.peek().is_some_and(|&c| is_quote(c)) {
            chars.next();
            let mut phrase = String::new();
            let mut closed = false;
            for c in chars.by_ref() {
                if is_quote(c) {
                    closed = true;
                    break;
                }
                phrase.push(c);
            }
            if !closed {
                notes.push("unbalanced quote: the phrase runs to the end of the query".to_string());
            }
            if phrase.trim().is_empty() {
                continue;
            }
            Term::Phrase(phrase.trim().to_string())
        } else {
            let mut word = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() || is_quote(c) {
                    break;
                }
                word.push(c);
                chars.next();
            }
            if word == "OR" && !negated {
                tokens.push(Token::Or);
                continue;
            }
            Term::Word(word)
        };
        tokens.push(if negated {
            Token::Not(term)
        } else {
            Token::Term(term)
        });
    }
    tokens
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '«' | '»')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(w: &str) -> Term {
        Term::Word(w.to_string())
    }

    #[test]
    fn words_phrases_or_and_exclusions() {
        let ast = parse_query(r#"hydrogène "pollution de l'air" Chine OR Inde -Moscou"#).unwrap();
        assert_eq!(
            ast.required,
            vec![
                vec![word("hydrogène")],
                vec![Term::Phrase("pollution de l'air".into())],
                vec![word("Chine"), word("Inde")]
            ]
        );
        assert_eq!(ast.excluded, vec![word("Moscou")]);
        assert!(ast.notes.is_empty());
    }

    #[test]
    fn malformed_queries_are_repaired_with_a_note() {
        let ast = parse_query(r#"hydrogène "vert"#).unwrap();
        assert_eq!(ast.required[1], vec![Term::Phrase("vert".into())]);
        assert!(ast.notes[0].contains("unbalanced quote"));
        let ast = parse_query("OR vert OR").unwrap();
        assert_eq!(ast.required, vec![vec![word("vert")]]);
        assert_eq!(ast.notes.len(), 2);
        let ast = parse_query("vert - «énergie»").unwrap();
        assert_eq!(ast.required.len(), 2);
    }

    #[test]
    fn queries_with_nothing_to_find_are_refused() {
        assert!(matches!(parse_query("   "), Err(Error::Query(_))));
        assert!(
            matches!(parse_query("-vert"), Err(Error::Query(m)) if m.contains("only excludes"))
        );
        assert!(matches!(parse_query("\"\""), Err(Error::Query(_))));
        assert_eq!(
            parse_query("vert \u{2212}Chine").unwrap().excluded,
            vec![word("Chine")]
        );
    }
}
