//! Who speaks in a unit. Reports attribute statements in a few fixed ways, all in the
//! unit's first sentence:
//! - a delegation: "La représentante de la Chine", "Les représentantes de la Chine, de la
//!   Fédération de Russie et de la République de Corée", "The representative of China",
//!   "The observer for Palestine", "the head of the delegation of Slovenia";
//! - a person with a country: "M. X (Danemark)";
//! - a country as subject (universal periodic review style): "Rwanda commended Slovenia";
//! - an official: "La Directrice du Centre", "the Chair", "The Executive Secretary".
//!
//! The earliest of these in the sentence is the subject. A sentence whose subject is the
//! body itself ("Le Conseil d’administration remercie le représentant de …") has none.

use std::sync::LazyLock;

use regex::Regex;

use crate::countries::{Countries, CountryMention};
use crate::model::Speaker;

static DELEGATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:les?|la|the|l’|l'|el|los|las)\s*(représentantes et représentants|représentant\(e\)s|représentante?s?|representatives?|representantes?|délégations?|delegations?|observat(?:eur|rice)s?|observers?|head of (?:the )?delegation|chef(?:fe)? de (?:la )?délégation)\s+(?:permanente?s?\s+|adjointe?s?\s+)?(de la|du|de l’|de l'|des|d’|d'|del|de|of|for)\s+")
        .unwrap()
});
static PERSON_WITH_COUNTRY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:M\.|Mme|Mlle|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|H\.E\.)\s+([\p{Lu}][\p{L}.\-’' ]{0,60}?)\s*\(([^()]{2,60})\)")
        .unwrap()
});
static PERSON_AT_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:M\.|Mme|Mlle|Mr\.?|Ms\.?|Mrs\.?|Dr\.?)\s+((?:[\p{Lu}][\p{L}\-’']+\s*){1,4}?)\s+\p{Ll}").unwrap()
});
static OFFICIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?i:la|le|the|l’|l')\s*((?i:deputy\s+|acting\s+|vice-)?(?i:présidente?|president|chair(?:person|man|woman)?|co-chair|rapporteu(?:r|se)|secrétaire|secretary(?:-general)?|directrice|directeur|director(?:-general)?|executive secretary|under-secretary-general|high commissioner|haute?-commissaire|coordonnat(?:eur|rice)|coordinator|special rapporteur|facilitat(?:or|eur|rice))(?i:\s+(?:exécutive?|adjointe?|générale?|executive|deputy|general|spéciale?|principale?))*)(\s+(?:du|de la|de l’|de l'|des|of the|of)\s+(?:[\p{Lu}][\p{L}\-]*)(?:\s+[\p{Lu}][\p{L}\-]*)*)?")
        .unwrap()
});
static BODY_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Le Conseil|La Commission|Le Comité|Le Groupe de travail|La Conférence|L’Assemblée|L'Assemblée|Le Bureau|The Council|The Commission|The Committee|The Working Group|The Board|The Conference|The Assembly|The Bureau|The Governing|El Comité|La Comisión|El Consejo)\b").unwrap()
});

/// Lower-case stems of the officials' titles in [`OFFICIAL`].
const OFFICIAL_STEMS: [&str; 12] = [
    "présid",
    "presid",
    "chair",
    "rapporteu",
    "secr",
    "direct",
    "commissi",
    "coordina",
    "facilitat",
    "deputy",
    "acting",
    "vice-",
];

/// Words allowed between two countries of one list: "de la Chine, de la Fédération de
/// Russie et de la République de Corée", "China, India and the Philippines".
const LIST_GLUE: [&str; 11] = [
    "de", "la", "du", "des", "l", "d", "et", "and", "the", "of", "le",
];

/// The speakers of a unit whose text is `text`.
pub fn find_speakers(text: &str, countries: &Countries) -> Vec<Speaker> {
    find_speakers_with(text, &countries.find_in(text), countries)
}

/// [`find_speakers`] when the countries named in `text` are already known.
pub fn find_speakers_with(
    text: &str,
    mentions_in_text: &[CountryMention],
    countries: &Countries,
) -> Vec<Speaker> {
    let mut end = sentence_end(text, 0);
    // "…les représentants des pays suivants : Inde, Japon et Népal."
    if text[end..].starts_with(':')
        && ["suivant", "following"]
            .iter()
            .any(|w| text[..end].contains(w))
    {
        end = sentence_end(text, end + 1);
    }
    let sentence = &text[..end];
    let names: Vec<&CountryMention> = mentions_in_text
        .iter()
        .filter(|m| !m.adjective && m.end <= end)
        .collect();

    // Cheap word checks first: the patterns are only run where they can match.
    let lower = sentence.to_lowercase();
    let mentions_any = |stems: &[&str]| stems.iter().any(|s| lower.contains(s));
    let titled = mentions_any(&["m. ", "mme ", "mlle ", "mr", "ms", "dr", "h.e."]);
    let mut candidates: Vec<(usize, Vec<Speaker>)> = Vec::new();
    if mentions_any(&[
        "représent",
        "represent",
        "délégation",
        "delegation",
        "observ",
        "head of",
    ]) {
        candidates.extend(delegations(sentence, &names));
    }
    if titled && sentence.contains('(') {
        candidates.extend(person_with_country(sentence, countries));
    }
    candidates.extend(country_as_subject(sentence, &names));
    if mentions_any(&OFFICIAL_STEMS) {
        candidates.extend(official(sentence));
    }
    if titled {
        candidates.extend(person_at_start(sentence));
    }
    let body_speaks = BODY_SUBJECT.is_match(sentence);
    candidates
        .into_iter()
        .filter(|(start, _)| !body_speaks || *start == 0)
        .min_by_key(|(start, _)| *start)
        .map(|(_, speakers)| speakers)
        .unwrap_or_default()
}

fn delegations(sentence: &str, names: &[&CountryMention]) -> Option<(usize, Vec<Speaker>)> {
    let found = DELEGATION.captures(sentence)?;
    let whole = found.get(0)?;
    let role = found[1].to_lowercase();
    let mut rest_start = whole.end();
    let rest = &sentence[rest_start..];
    // "les représentants des pays suivants : Chine, Inde…"
    if let Some(colon) = rest.find(':').filter(|&i| i < 80) {
        let intro = rest[..colon].to_lowercase();
        if intro.contains("suivant") || intro.contains("following") {
            rest_start += colon + 1;
        }
    }
    let listed = listed_countries(sentence, rest_start, names);
    let speakers: Vec<Speaker> = if listed.is_empty() {
        let organization = organization_name(&sentence[rest_start..])?;
        vec![Speaker {
            country: None,
            role: Some(role),
            name: None,
            organization: Some(organization),
        }]
    } else {
        listed
            .into_iter()
            .map(|code| Speaker {
                country: Some(code),
                role: Some(role.clone()),
                name: None,
                organization: None,
            })
            .collect()
    };
    Some((whole.start(), speakers))
}

/// Countries named one after the other from `from` on, joined only by list glue.
fn listed_countries(sentence: &str, from: usize, names: &[&CountryMention]) -> Vec<String> {
    let mut codes = Vec::new();
    let mut position = from;
    for mention in names.iter().filter(|m| m.start >= from) {
        let gap = &sentence[position..mention.start];
        let only_glue = gap
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| LIST_GLUE.contains(&w.to_lowercase().as_str()));
        if !only_glue {
            break;
        }
        if !codes.contains(&mention.code) {
            codes.push(mention.code.clone());
        }
        position = mention.end;
    }
    codes
}

/// "Centre international pour la coopération Sud-Sud" from "du Centre international pour
/// la coopération Sud-Sud, un centre de…": the capitalised name after the preposition.
fn organization_name(rest: &str) -> Option<String> {
    let rest = rest.trim_start();
    if !rest.starts_with(char::is_uppercase) {
        return None;
    }
    let generic = ["États", "Etats", "Member", "States", "pays"];
    if generic.iter().any(|g| rest.starts_with(g)) {
        return None;
    }
    let end = rest.find([',', '(', ';']).unwrap_or(rest.len());
    let words: Vec<&str> = rest[..end].split_whitespace().take(12).collect();
    Some(words.join(" "))
}

fn person_with_country(sentence: &str, countries: &Countries) -> Option<(usize, Vec<Speaker>)> {
    for found in PERSON_WITH_COUNTRY.captures_iter(sentence) {
        if let Ok(country) = countries.lookup(&found[2]) {
            let speaker = Speaker {
                country: Some(country.alpha3.clone()),
                role: None,
                name: Some(found[1].trim().to_string()),
                organization: None,
            };
            return Some((found.get(0)?.start(), vec![speaker]));
        }
    }
    None
}

fn person_at_start(sentence: &str) -> Option<(usize, Vec<Speaker>)> {
    let found = PERSON_AT_START.captures(sentence)?;
    let speaker = Speaker {
        country: None,
        role: None,
        name: Some(found[1].trim().to_string()),
        organization: None,
    };
    Some((0, vec![speaker]))
}

/// "Rwanda commended…", "The United States of America commended…", "China and India
/// welcomed…": countries at the very start, followed by a word in lower case (the verb).
fn country_as_subject(sentence: &str, names: &[&CountryMention]) -> Option<(usize, Vec<Speaker>)> {
    let first = names.first()?;
    let lead = sentence[..first.start].trim();
    if !(lead.is_empty() || ["The", "La", "Le", "Les", "L’", "L'"].contains(&lead)) {
        return None;
    }
    let codes = listed_countries(sentence, first.start, names);
    let last_end = names
        .iter()
        .filter(|m| codes.contains(&m.code))
        .map(|m| m.end)
        .max()?;
    let after = sentence[last_end..].trim_start_matches([')', ' ']);
    let verb_follows = after.starts_with(|c: char| c.is_lowercase())
        && !after.starts_with("et ")
        && !after.starts_with("and ");
    if !verb_follows
        || after.starts_with("de ")
        || after.starts_with("du ")
        || after.starts_with("of ")
    {
        return None;
    }
    let speakers = codes
        .into_iter()
        .map(|code| Speaker {
            country: Some(code),
            role: Some("delegation".to_string()),
            name: None,
            organization: None,
        })
        .collect();
    Some((0, speakers))
}

fn official(sentence: &str) -> Option<(usize, Vec<Speaker>)> {
    let found = OFFICIAL.captures(sentence)?;
    let start = found.get(0)?.start();
    let before = sentence[..start].trim_end();
    // The subject opens the sentence or follows an introductory clause.
    if !(before.is_empty() || before.ends_with(',')) {
        return None;
    }
    let mut role = found[1].to_string();
    if let Some(of) = found.get(2) {
        role.push_str(of.as_str());
    }
    let speaker = Speaker {
        country: None,
        role: Some(role.trim().to_string()),
        name: None,
        organization: None,
    };
    Some((start, vec![speaker]))
}

/// Where the sentence that starts at or before `from` ends (". ", " : ", "; "), not
/// fooled by "M. X".
fn sentence_end(text: &str, from: usize) -> usize {
    const ABBREVIATIONS: [&str; 12] = [
        "M", "Mme", "Mr", "Ms", "Mrs", "Dr", "No", "Nos", "St", "p", "para", "E",
    ];
    let bytes = text.as_bytes();
    for (i, ch) in text[from..].char_indices().map(|(i, c)| (i + from, c)) {
        if !matches!(ch, '.' | ';' | ':' | '?' | '!') {
            continue;
        }
        let next_is_space = bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace());
        if !next_is_space {
            continue;
        }
        if ch == '.' {
            let word = text[..i]
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let single_capital = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
            if ABBREVIATIONS.contains(&word) || single_capital {
                continue;
            }
        }
        return i;
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn countries_of(text: &str) -> Vec<String> {
        find_speakers(text, Countries::get())
            .into_iter()
            .filter_map(|s| s.country)
            .collect()
    }

    fn roles_of(text: &str) -> Vec<String> {
        find_speakers(text, Countries::get())
            .into_iter()
            .filter_map(|s| s.role)
            .collect()
    }

    #[test]
    fn french_delegations() {
        assert_eq!(
            countries_of("La représentante de la Chine salue le nombre d’activités."),
            ["CHN"]
        );
        assert_eq!(
            countries_of("Le représentant de l’Inde dit que son Gouvernement apprécie."),
            ["IND"]
        );
        assert_eq!(
            countries_of("Les représentantes de la Chine, de la Fédération de Russie et de la République de Corée remercient le Centre."),
            ["CHN", "RUS", "KOR"]
        );
        assert_eq!(
            countries_of(
                "Le représentant de la République islamique d’Iran fait part de l’intérêt."
            ),
            ["IRN"]
        );
        assert_eq!(
            countries_of("Le représentant du Danemark a dit que..."),
            ["DNK"]
        );
        assert_eq!(
            countries_of("La représentante des Philippines propose."),
            ["PHL"]
        );
        assert_eq!(
            countries_of("M. Jensen (Danemark) dit que son pays appuie le projet."),
            ["DNK"]
        );
        assert_eq!(
            countries_of("Des déclarations ont été faites par les représentants des pays suivants : Inde, Japon et Népal."),
            ["IND", "JPN", "NPL"]
        );
    }

    #[test]
    fn english_delegations_and_states_as_subjects() {
        assert_eq!(
            countries_of("The representative of China said that the plan was sound."),
            ["CHN"]
        );
        assert_eq!(
            countries_of("Rwanda commended Slovenia for the steps taken."),
            ["RWA"]
        );
        assert_eq!(
            countries_of(
                "The United Kingdom of Great Britain and Northern Ireland commended Slovenia."
            ),
            ["GBR"]
        );
        assert_eq!(
            countries_of("The Bolivarian Republic of Venezuela recognized the work done."),
            ["VEN"]
        );
        assert_eq!(
            countries_of("At the same meeting, the observer for the State of Palestine spoke."),
            ["PSE"]
        );
        assert_eq!(
            countries_of("China and India welcomed the report."),
            ["CHN", "IND"]
        );
    }

    #[test]
    fn officials_and_organisations_have_no_country() {
        assert_eq!(
            countries_of("La Directrice du Centre informe le Conseil d’administration."),
            Vec::<String>::new()
        );
        assert_eq!(
            roles_of("La Directrice du Centre informe le Conseil."),
            ["Directrice du Centre"]
        );
        assert_eq!(
            roles_of("The Chair thanked the representative of China."),
            ["Chair"]
        );
        assert!(countries_of("The Chair thanked the representative of China.").is_empty());
        assert!(countries_of(
            "Dans son résumé, le Président présente les conclusions (voir annexe II)."
        )
        .is_empty());
        let organisation = find_speakers(
            "La représentante du Centre international pour la coopération Sud-Sud, un centre de l’UNESCO, propose.",
            Countries::get(),
        );
        assert_eq!(
            organisation[0].organization.as_deref(),
            Some("Centre international pour la coopération Sud-Sud")
        );
        assert!(
            countries_of("Le Conseil d’administration remercie le représentant de la Chine.")
                .is_empty()
        );
        assert!(countries_of(
            "Le Conseil a élu le Bureau suivant : Président : M. X (République islamique d’Iran)"
        )
        .is_empty());
        assert!(
            countries_of("Au Népal, l’intégration des données a renforcé la résilience.")
                .is_empty()
        );
    }
}
