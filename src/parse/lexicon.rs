//! The words of the genre, as data: what each language calls a contents list, a part, a
//! chapter, an annex, a decision, the agenda; how a heading says "agenda item 3" or
//! "(continued)"; how a summary record opens and closes a meeting. Every stage of the
//! parser reads its words from here, so a new language or a new body's habit is a new
//! entry in [`LANGUAGES`], not a new regex in a stage.
//!
//! Entries are plain words and phrases, matched case-insensitively at word boundaries;
//! where a language puts the number inside a phrase ("point 3 de l'ordre du jour"), the
//! entry says which words come before and which after the number.
//! An apostrophe in an entry matches both `'` and `’`.

use std::sync::LazyLock;

use regex::{Captures, Regex};

/// The genre's words in one language.
pub struct Words {
    /// ISO 639-1 code.
    pub language: &'static str,
    /// The heading of a table of contents.
    pub contents: &'static [&'static str],
    /// Column heads of a contents list ("Paragraphs Page").
    pub contents_columns: &'static [&'static str],
    /// "Part" in "Part One"; the part number follows.
    pub part_before: &'static [&'static str],
    /// "partie" in "Première partie"; the part number comes before.
    pub part_after: &'static [&'static str],
    /// "Chapter" in "Chapter IV".
    pub chapter: &'static [&'static str],
    /// "Annex" in "Annex II".
    pub annex: &'static [&'static str],
    /// Numbered decisions in the running text: "Décision 3".
    pub decision: &'static [&'static str],
    /// Words that name a chapter of adopted texts, and the kind of act listed under it.
    pub acts: &'static [(&'static str, ActKind)],
    /// Titles of an annex or section that lists the agenda.
    pub agenda_heading: &'static [&'static str],
    /// Phrases that introduce the adopted agenda in a paragraph.
    pub agenda_adopted: &'static [&'static str],
    /// Agenda item marks: (words before the number, words after it).
    pub agenda_mark: &'static [(&'static str, &'static str)],
    /// What opens an entry of an agenda list or a chapter that is an item: "Item 3.".
    pub item_word: &'static [&'static str],
    /// "(continued)" after a heading that resumes an item.
    pub continued: &'static [&'static str],
    /// Titles before a person's name: "Mr.", "M.".
    pub honorifics: &'static [&'static str],
    /// Titles after a person's name, in languages that put them there: "女士".
    pub honorifics_after: &'static [&'static str],
    /// How a meeting record notes a speech's language after the speaker: "spoke in",
    /// "traduit de" (in parentheses, the language follows).
    pub speech_notes: &'static [&'static str],
    /// Those of [`Words::speech_notes`] that mark a translation printed after the
    /// original: "translation from", "traduit de".
    pub translation_notes: &'static [&'static str],
    /// How a speaker addresses a presiding officer in a heading: "Mr President", "Madam".
    pub addresses: &'static [&'static str],
    /// Where a commission's chapter says which item it took up: "considered agenda item"
    /// (the item's number follows).
    pub item_considered: &'static [&'static str],
    /// The names of the months, as a masthead's date prints them ("14 April 2025").
    pub months: &'static [&'static str],
    /// What a report's title starts with on its cover.
    pub report_title: &'static [&'static str],
    /// The title of a summary record.
    pub summary_record: &'static [&'static str],
    /// A record's title before its meeting's ordinal, where no "summary" says what it is:
    /// "Record of the Third Meeting" (the IAEA's records of a conference's meetings).
    pub record_title: &'static [&'static str],
    /// "Held at" after a summary record's title: where and when, not more title.
    pub held_at: &'static [&'static str],
    /// "The meeting was called to order at": a summary record's first paragraph.
    pub meeting_opened: &'static [&'static str],
    /// "The meeting rose at": the end of a meeting, never part of a paragraph.
    pub meeting_rose: &'static [&'static str],
    /// How a summary record tells what the meeting did, not what a speaker said: "At
    /// the invitation of the Chair", "The draft resolution was adopted". At a
    /// paragraph's start; it ends the statement before it.
    pub record_narration: &'static [&'static str],
    /// "meeting" in "Summary record of the 229th meeting".
    pub meeting: &'static [&'static str],
    /// Words between a meeting's ordinal and [`Words::meeting`]: "64th plenary meeting".
    pub meeting_qualifiers: &'static [&'static str],
    /// "session" in "Forty-third session"; the ordinal comes before it.
    pub session: &'static [&'static str],
    /// What introduces the group a delegation speaks for: "on behalf of".
    pub on_behalf_of: &'static [&'static str],
    /// Verbs (and auxiliaries) that follow a speaker's name: where an organisation's name
    /// written in lower case ("Union européenne") ends.
    pub speaker_verbs: &'static [&'static str],
    /// Definite articles before a speaker's role: "the", "la".
    pub articles: &'static [&'static str],
    /// Who speaks for a State or an organisation: "representative", "observer".
    pub delegates: &'static [&'static str],
    /// Words between the role and the preposition: "permanent", "adjointe".
    pub delegate_qualifiers: &'static [&'static str],
    /// Prepositions between the role and the State: "of", "for", "de la".
    pub delegate_of: &'static [&'static str],
    /// Officials' titles: "Chair", "Directrice", "High Commissioner".
    pub officials: &'static [&'static str],
    /// Words before an official's title: "Deputy", "Acting".
    pub official_prefixes: &'static [&'static str],
    /// Words after an official's title: "General", "adjointe".
    pub official_suffixes: &'static [&'static str],
    /// The body itself as the subject of a sentence: "The Council", "Le Comité".
    pub bodies: &'static [&'static str],
    /// Words that may join the countries of one list: "and", "de la".
    pub list_glue: &'static [&'static str],
    /// Function words that leave a heading line unfinished: "of", "de".
    pub open_endings: &'static [&'static str],
    /// Prefixes that keep their hyphen at a line end: "non-", "sous-".
    pub hyphen_prefixes: &'static [&'static str],
}

/// The kind of an adopted text listed by its own number ("28/1", "PRST/28/1").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActKind {
    /// A resolution.
    Resolution,
    /// A decision.
    Decision,
    /// A President's statement.
    Statement,
}

/// A language with no entries: the base of a language the parser knows only a few of the
/// genre's words in.
const NO_WORDS: Words = Words {
    language: "",
    contents: &[],
    contents_columns: &[],
    part_before: &[],
    part_after: &[],
    chapter: &[],
    annex: &[],
    decision: &[],
    acts: &[],
    agenda_heading: &[],
    agenda_adopted: &[],
    agenda_mark: &[],
    item_word: &[],
    continued: &[],
    honorifics: &[],
    honorifics_after: &[],
    speech_notes: &[],
    translation_notes: &[],
    addresses: &[],
    item_considered: &[],
    months: &[],
    report_title: &[],
    summary_record: &[],
    record_title: &[],
    held_at: &[],
    meeting_opened: &[],
    meeting_rose: &[],
    record_narration: &[],
    meeting: &[],
    meeting_qualifiers: &[],
    session: &[],
    on_behalf_of: &[],
    speaker_verbs: &[],
    articles: &[],
    delegates: &[],
    delegate_qualifiers: &[],
    delegate_of: &[],
    officials: &[],
    official_prefixes: &[],
    official_suffixes: &[],
    bodies: &[],
    list_glue: &[],
    open_endings: &[],
    hyphen_prefixes: &[],
};

/// Every language the parser knows the genre in.
pub static LANGUAGES: &[Words] = &[
    Words {
        language: "en",
        contents: &["Contents", "Table of contents"],
        contents_columns: &["Page", "Pages", "Paragraphs", "Chapter", "Paragraphs Page"],
        part_before: &["Part"],
        part_after: &[],
        chapter: &["Chapter"],
        annex: &["Annex", "Appendix"],
        decision: &["Decision"],
        acts: &[
            ("Resolutions", ActKind::Resolution),
            ("Decisions", ActKind::Decision),
            ("President’s statements", ActKind::Statement),
            ("Presidential statements", ActKind::Statement),
        ],
        agenda_heading: &["Agenda", "Provisional agenda"],
        agenda_adopted: &[
            "following agenda",
            "agenda as follows",
            "agenda below",
            "agenda was adopted",
            "adopted its provisional agenda",
            "adopted the provisional agenda",
        ],
        agenda_mark: &[
            ("agenda items?", ""),
            ("items?", "of the agenda"),
            ("on items?", ""),
            ("under items?", ""),
        ],
        item_word: &["Item"],
        continued: &["continued"],
        honorifics: &[
            "Mr.",
            "Mrs.",
            "Ms.",
            "Mr",
            "Ms",
            "Mrs",
            "Dr.",
            "H.E.",
            "Dame",
            "Sir",
            "Archbishop",
            "Monsignor",
            "Cardinal",
            "Sheikh",
        ],
        honorifics_after: &[],
        speech_notes: &[
            "spoke in",
            "interpretation from",
            "translation from",
            "address delivered in",
        ],
        translation_notes: &["translation from"],
        addresses: &["Mr", "Mr.", "Madam", "Madame"],
        item_considered: &[
            "considered agenda item",
            "considered agenda items",
            "considered item",
            "took up agenda item",
            "took up item",
        ],
        months: &[
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        report_title: &[
            "Draft report",
            "Report",
            "Summary record",
            "Decision adopted by",
            "Resolution adopted by",
            "Letter dated",
            "Identical letters dated",
            "Note verbale dated",
            "Note by the",
        ],
        summary_record: &["Summary record"],
        record_title: &["Record of the"],
        held_at: &["Held at", "Held in"],
        meeting_opened: &["The meeting was called to order", "The meeting was opened"],
        meeting_rose: &["The meeting rose", "The meeting was closed"],
        record_narration: &[
            "At the invitation of",
            "The meeting was suspended",
            "The meeting was resumed",
            "The draft resolution",
            "The draft resolutions",
            "The draft decision",
            "The draft decisions",
            "The draft report",
            "The agenda was adopted",
            "A recorded vote was taken",
            "A vote was taken",
        ],
        meeting: &["meeting"],
        meeting_qualifiers: &["plenary"],
        session: &["session"],
        on_behalf_of: &[
            "speaking also on behalf of",
            "speaking on behalf of",
            "also on behalf of",
            "on behalf of",
        ],
        speaker_verbs: &[
            "made", "said", "stated", "has", "had", "was", "is", "welcomed", "noted",
        ],
        articles: &["the"],
        delegates: &[
            "representative",
            "representatives",
            "delegation",
            "delegations",
            "observer",
            "observers",
            "head of delegation",
            "head of the delegation",
        ],
        delegate_qualifiers: &["permanent", "deputy"],
        delegate_of: &["of", "for"],
        officials: &[
            "President",
            "Chair",
            "Chairperson",
            "Chairman",
            "Chairwoman",
            "Co-Chair",
            "Rapporteur",
            "Special Rapporteur",
            "Secretary",
            "Secretary-General",
            "Executive Secretary",
            "Under-Secretary-General",
            "Director",
            "Director-General",
            "High Commissioner",
            "Coordinator",
            "Facilitator",
            "Moderator",
            "Executive Director",
        ],
        official_prefixes: &["Deputy", "Acting", "Vice-"],
        official_suffixes: &["Executive", "Deputy", "General"],
        bodies: &[
            "The Council",
            "The Commission",
            "The Committee",
            "The Working Group",
            "The Board",
            "The Conference",
            "The Assembly",
            "The Bureau",
            "The Governing",
        ],
        list_glue: &["and", "the", "of"],
        open_endings: &[
            "of", "the", "and", "for", "on", "to", "in", "a", "an", "by", "with", "from", "at",
        ],
        hyphen_prefixes: &["non", "self", "quasi", "ex", "cross", "vice"],
    },
    Words {
        language: "fr",
        contents: &["Table des matières", "Sommaire"],
        contents_columns: &[
            "Page",
            "Pages",
            "Paragraphes",
            "Chapitre",
            "Paragraphes Page",
        ],
        part_before: &["Partie"],
        part_after: &["partie"],
        chapter: &["Chapitre"],
        annex: &["Annexe", "Appendice"],
        decision: &["Décision"],
        acts: &[
            ("Résolutions", ActKind::Resolution),
            ("Décisions", ActKind::Decision),
            ("Déclarations du Président", ActKind::Statement),
            ("Déclarations de la présidence", ActKind::Statement),
        ],
        agenda_heading: &["Ordre du jour", "Ordre du jour provisoire"],
        agenda_adopted: &[
            "ordre du jour ci-après",
            "ordre du jour suivant",
            "ordre du jour ci-dessous",
            "ordre du jour a été adopté",
            "adopté son ordre du jour provisoire",
            "adopté l'ordre du jour provisoire",
        ],
        agenda_mark: &[
            ("points?", "de l'ordre du jour"),
            ("sur le point", ""),
            ("au titre du point", ""),
            ("au titre des points", ""),
        ],
        item_word: &["Point"],
        continued: &["suite"],
        honorifics: &["M.", "Mme", "Mlle", "Mgr", "Dame", "Sir", "Cheikh"],
        honorifics_after: &[],
        speech_notes: &[
            "traduit de",
            "traduit du",
            "parle en",
            "a parlé en",
            "interprétation de",
        ],
        translation_notes: &["traduit de", "traduit du"],
        addresses: &["Monsieur", "Madame", "Monsieur le", "Madame la"],
        item_considered: &[
            "a examiné le point",
            "a examiné les points",
            "a examiné la question",
        ],
        months: &[
            "janvier",
            "février",
            "fevrier",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "aout",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
            "decembre",
        ],
        report_title: &[
            "Projet de rapport",
            "Rapport",
            "Compte rendu analytique",
            "Décision adoptée par",
            "Résolution adoptée par",
            "Lettre datée",
            "Lettres identiques datées",
            "Note verbale datée",
            "Note du",
            "Note de la",
        ],
        summary_record: &["Compte rendu analytique"],
        record_title: &["Compte rendu de la"],
        held_at: &["Tenue au", "Tenue à", "Tenue le"],
        meeting_opened: &["La séance est ouverte"],
        meeting_rose: &["La séance est levée"],
        record_narration: &[
            "Sur l'invitation",
            "À l'invitation",
            "A l'invitation",
            "La séance est suspendue",
            "La séance est reprise",
            "Le projet de résolution",
            "Les projets de résolution",
            "Le projet de décision",
            "Les projets de décision",
            "Le projet de rapport",
            "L'ordre du jour est adopté",
            "Il est procédé",
        ],
        meeting: &["séance"],
        meeting_qualifiers: &[],
        session: &["session"],
        on_behalf_of: &[
            "parlant également au nom",
            "parlant aussi au nom",
            "parlant au nom",
            "également au nom",
            "aussi au nom",
            "au nom",
        ],
        speaker_verbs: &[
            "a",
            "ont",
            "avait",
            "avaient",
            "est",
            "sont",
            "fait",
            "font",
            "dit",
            "disent",
            "prend",
            "prennent",
            "remercie",
            "remercient",
            "propose",
            "salue",
            "souligne",
            "indique",
            "déclare",
            "se",
            "s’est",
            "s'est",
        ],
        articles: &["le", "la", "les", "l’"],
        delegates: &[
            "représentant",
            "représentante",
            "représentants",
            "représentantes",
            "représentantes et représentants",
            "représentant(e)s",
            "délégation",
            "délégations",
            "observateur",
            "observatrice",
            "observateurs",
            "observatrices",
            "chef de délégation",
            "chef de la délégation",
            "cheffe de délégation",
            "cheffe de la délégation",
        ],
        delegate_qualifiers: &[
            "permanent",
            "permanente",
            "permanents",
            "permanentes",
            "adjoint",
            "adjointe",
            "adjoints",
            "adjointes",
        ],
        delegate_of: &["de la", "de l’", "du", "des", "d’", "de"],
        officials: &[
            "Modérateur",
            "Modératrice",
            "Président",
            "Présidente",
            "Rapporteur",
            "Rapporteuse",
            "Secrétaire",
            "Directrice",
            "Directeur",
            "Haut-Commissaire",
            "Haute-Commissaire",
            "Coordonnateur",
            "Coordonnatrice",
            "Facilitateur",
            "Facilitatrice",
        ],
        official_prefixes: &["Vice-"],
        official_suffixes: &[
            "exécutif",
            "exécutive",
            "adjoint",
            "adjointe",
            "général",
            "générale",
            "spécial",
            "spéciale",
            "principal",
            "principale",
            "par intérim",
        ],
        bodies: &[
            "Le Conseil",
            "La Commission",
            "Le Comité",
            "Le Groupe de travail",
            "La Conférence",
            "L’Assemblée",
            "Le Bureau",
        ],
        list_glue: &["de", "la", "du", "des", "l", "d", "et", "le"],
        open_endings: &[
            "de", "du", "des", "la", "le", "les", "l’", "d’", "au", "aux", "à", "et", "en", "pour",
            "sur", "par", "avec", "dans", "entre",
        ],
        hyphen_prefixes: &["sous", "vice", "demi", "mi", "non", "ex", "quasi"],
    },
    Words {
        language: "es",
        contents: &["Índice"],
        contents_columns: &["Página", "Párrafos", "Capítulo"],
        part_before: &["Parte"],
        part_after: &["parte"],
        chapter: &["Capítulo"],
        annex: &["Anexo", "Apéndice"],
        decision: &["Decisión"],
        acts: &[
            ("Resoluciones", ActKind::Resolution),
            ("Decisiones", ActKind::Decision),
            ("Declaraciones de la Presidencia", ActKind::Statement),
        ],
        agenda_heading: &["Programa", "Programa provisional"],
        agenda_adopted: &["programa siguiente"],
        agenda_mark: &[
            ("temas?", "del programa"),
            ("sobre el punto", ""),
            ("en relación con el tema", ""),
        ],
        item_word: &["Tema"],
        continued: &["continuación"],
        honorifics: &["Sr.", "Sra."],
        honorifics_after: &[],
        speech_notes: &[
            "habla en",
            "habló en",
            "traducido del",
            "interpretación del",
        ],
        translation_notes: &["traducido del"],
        addresses: &["Señor", "Señora", "Sr.", "Sra."],
        item_considered: &["examinó el tema", "examinó los temas"],
        months: &[
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "setiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ],
        report_title: &["Proyecto de informe", "Informe", "Acta resumida"],
        summary_record: &["Acta resumida"],
        record_title: &["Acta de la"],
        held_at: &["Celebrada en"],
        meeting_opened: &["Se abre la sesión"],
        meeting_rose: &["Se levanta la sesión"],
        record_narration: &[
            "Por invitación",
            "Se suspende la sesión",
            "Se reanuda la sesión",
            "El proyecto de resolución",
            "El proyecto de decisión",
            "Se procede a votación",
        ],
        meeting: &["sesión"],
        meeting_qualifiers: &[],
        session: &["período de sesiones", "periodo de sesiones"],
        on_behalf_of: &[
            "hablando también en nombre",
            "hablando en nombre",
            "también en nombre",
            "en nombre",
        ],
        speaker_verbs: &["ha", "han", "hizo", "dijo", "formuló", "es", "se"],
        articles: &["el", "la", "los", "las"],
        delegates: &[
            "representante",
            "representantes",
            "delegación",
            "delegaciones",
            "observador",
            "observadora",
            "observadores",
        ],
        delegate_qualifiers: &["permanente", "permanentes"],
        delegate_of: &["del", "de la", "de"],
        officials: &[
            "Moderador",
            "Moderadora",
            "Presidente",
            "Presidenta",
            "Relator",
            "Relatora",
            "Secretario",
            "Secretaria",
            "Director",
            "Directora",
        ],
        official_prefixes: &["Vice"],
        official_suffixes: &[
            "Ejecutivo",
            "Ejecutiva",
            "General",
            "Especial",
            "interino",
            "interina",
            "en funciones",
        ],
        bodies: &["El Comité", "La Comisión", "El Consejo"],
        list_glue: &["y", "de", "del", "la", "el", "los", "las"],
        open_endings: &[
            "del", "de", "y", "los", "las", "el", "la", "su", "en", "para",
        ],
        hyphen_prefixes: &[],
    },
    Words {
        language: "ru",
        contents: &["Содержание"],
        contents_columns: &["Стр.", "Пункты", "Глава"],
        part_before: &["Часть"],
        part_after: &[],
        chapter: &["Глава"],
        annex: &["Приложение"],
        decision: &["Решение"],
        acts: &[
            ("Резолюции", ActKind::Resolution),
            ("Решения", ActKind::Decision),
        ],
        agenda_heading: &["Повестка дня"],
        agenda_adopted: &["следующую повестку дня"],
        agenda_mark: &[("пункты? повестки дня", "")],
        item_word: &["Пункт"],
        continued: &["продолжение"],
        honorifics: &["Г-н", "Г-жа"],
        honorifics_after: &[],
        speech_notes: &["говорит по", "перевод с"],
        translation_notes: &["перевод с"],
        addresses: &["Господин", "Госпожа"],
        item_considered: &["рассмотрела пункт", "рассмотрел пункт"],
        months: &[
            "января",
            "февраля",
            "марта",
            "апреля",
            "мая",
            "июня",
            "июля",
            "августа",
            "сентября",
            "октября",
            "ноября",
            "декабря",
        ],
        report_title: &["Доклад", "Краткий отчет"],
        summary_record: &["Краткий отчет"],
        record_title: &[],
        held_at: &["Состоявшемся"],
        meeting_opened: &["Заседание открывается"],
        meeting_rose: &["Заседание закрывается"],
        record_narration: &[
            "По приглашению",
            "Заседание прерывается",
            "Заседание возобновляется",
            "Проект резолюции",
            "Проект решения",
        ],
        meeting: &["заседании"],
        meeting_qualifiers: &[],
        session: &["сессия", "сессии"],
        on_behalf_of: &["также от имени", "от имени"],
        speaker_verbs: &["сделал", "сделала", "заявил", "заявила"],
        articles: &[],
        delegates: &[
            "представитель",
            "представители",
            "наблюдатель",
            "наблюдатели",
        ],
        delegate_qualifiers: &[],
        delegate_of: &[],
        officials: &["Председатель", "Докладчик", "Секретарь", "Директор"],
        official_prefixes: &[],
        official_suffixes: &[],
        bodies: &["Совет", "Комитет", "Комиссия"],
        list_glue: &["и"],
        open_endings: &["и", "в", "на", "по", "для"],
        hyphen_prefixes: &[],
    },
    Words {
        language: "ar",
        honorifics: &["السيد", "السيدة"],
        officials: &["الرئيس", "الرئيسة"],
        ..NO_WORDS
    },
    Words {
        language: "zh",
        honorifics_after: &["先生", "女士"],
        officials: &["主席"],
        ..NO_WORDS
    },
];

/// Every language's entries of one kind, longest first (so an alternation built from them
/// prefers "Paragraphs Page" to "Paragraphs").
pub fn all(field: Field) -> Vec<&'static str> {
    let mut words: Vec<&'static str> = LANGUAGES.iter().flat_map(field).copied().collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words.dedup();
    words
}

/// A field of the lexicon, as read by the stages: `|w| w.annex`.
pub type Field = fn(&Words) -> &'static [&'static str];

/// Every language's entries of one field as a regex alternation (see [`alternation`]).
pub fn pattern(field: Field) -> String {
    alternation(&all(field))
}

/// A regex alternation of `words`, escaped, apostrophes matching `'` and `’`.
pub fn alternation(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| {
            regex::escape(w)
                .replace(['\'', '’'], "['’]")
                .replace(' ', r"\s+")
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// A case-insensitive regex that matches one of `words` at the start of a text, as a
/// whole word.
pub fn starts_with_any(words: &[&str]) -> Regex {
    Regex::new(&format!(r"(?i)^(?:{})(?:\b|$)", alternation(words)))
        .expect("lexicon entries are escaped")
}

/// An agenda item's label as printed: `3`, `3.1`, `11.2`, `4 (a)`, `4(a)`, and French
/// `3 a)`.
pub const ITEM_LABEL: &str = r"\d{1,3}(?:\.\d{1,2}){0,2}(?:\s?\([a-z]\)|\s[a-z]\))?";

/// A label as the index keeps it: `4(a)` and `4 a)` are `4 (a)`.
pub fn item_label(printed: &str) -> String {
    if let Some(open) = printed.find('(') {
        return format!("{} {}", printed[..open].trim_end(), &printed[open..]);
    }
    match printed.strip_suffix(')').and_then(|p| p.rsplit_once(' ')) {
        Some((number, letter)) => format!("{} ({letter})", number.trim_end()),
        None => printed.to_string(),
    }
}

/// The agenda-item marks of every language as one regex; the item's label is in the
/// first group that matched. A mark starts a word: searched with [`at_word_starts`].
pub static AGENDA_MARK: LazyLock<Regex> = LazyLock::new(|| {
    let marks: Vec<String> = LANGUAGES
        .iter()
        .flat_map(|w| w.agenda_mark.iter())
        .map(|(before, after)| {
            let before = before.replace(' ', r"\s+");
            let after = if after.is_empty() {
                String::new()
            } else {
                format!(r"\s+{}", alternation(&[after]))
            };
            // "points 4 et 5", "items 3 (a) and 4": the first number is the item.
            format!(r"{before}\s+({ITEM_LABEL})(?:\s*(?:,|et|and|y|и)\s*{ITEM_LABEL})*{after}")
        })
        .collect();
    let pattern = marks
        .iter()
        .map(|m| format!("(?:{m})"))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!("(?i){pattern}")).expect("agenda marks are valid patterns")
});

/// The matches of `pattern` in `text` that start a word (none right after a word
/// character, as `\b` defines it; the patterns start with a letter), leftmost first,
/// not overlapping. A `\b` in the pattern itself would keep the regex engine off its
/// fast automaton on any text with a letter outside ASCII.
pub fn at_word_starts<'t>(pattern: &'t Regex, text: &'t str) -> impl Iterator<Item = Captures<'t>> {
    let mut from = 0;
    std::iter::from_fn(move || {
        while from <= text.len() {
            let found = pattern.captures_at(text, from)?;
            let whole = found.get(0)?;
            let after_word = text[..whole.start()]
                .chars()
                .next_back()
                .is_some_and(regex_syntax::is_word_character);
            if !after_word {
                from = whole.end().max(whole.start() + 1);
                return Some(found);
            }
            from = whole.start()
                + text[whole.start()..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
        }
        None
    })
}

/// The agenda item a heading or a cover line marks, if any ("(agenda item 3)", "on item
/// 1.3"), as printed.
pub fn agenda_mark(text: &str) -> Option<String> {
    // A mark has a number. Tested first: the pattern's word boundaries keep the regex
    // engine off its fast automaton on text with accents, and most headings have none.
    let numbered = text.bytes().any(|b| b.is_ascii_digit())
        || (!text.is_ascii() && text.chars().any(char::is_numeric));
    if !numbered {
        return None;
    }
    let found = at_word_starts(&AGENDA_MARK, text).next()?;
    found
        .iter()
        .skip(1)
        .flatten()
        .next()
        .map(|m| item_label(m.as_str()))
}

/// The kind of act a chapter heading's title announces ("Resolutions"), if any.
pub fn act_kind(title: &str) -> Option<ActKind> {
    let title = title.trim().trim_end_matches('.').to_lowercase();
    LANGUAGES
        .iter()
        .flat_map(|w| w.acts.iter())
        .find(|(word, _)| {
            let word = word.to_lowercase();
            title == word || title.replace('\'', "’") == word
        })
        .map(|(_, kind)| *kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_labels_are_kept_one_way_however_printed() {
        for (printed, kept) in [
            ("3", "3"),
            ("9.1", "9.1"),
            ("4(a)", "4 (a)"),
            ("4 (a)", "4 (a)"),
            ("3 a)", "3 (a)"),
        ] {
            assert_eq!(item_label(printed), kept, "{printed}");
        }
    }

    #[test]
    fn agenda_marks_in_every_known_language() {
        for (text, item) in [
            ("B. Draft programme of work (agenda item 3)", Some("3")),
            ("General debate on agenda item 10", Some("10")),
            ("B. Programme (point 3 de l’ordre du jour)", Some("3")),
            ("Questions (points 4 et 5 de l'ordre du jour)", Some("4")),
            ("Debate (temas 2 y 3 del programa)", Some("2")),
            ("Consideration of item 4 of the agenda", Some("4")),
            ("Agenda item 125 (continued)", Some("125")),
            (
                "Report of the APX Commission on item 1.3 “Report by",
                Some("1.3"),
            ),
            ("Rapport de la Commission sur le point 9.1", Some("9.1")),
            ("Debate (agenda item 4(a))", Some("4 (a)")),
            ("Organizational and procedural matters", None),
        ] {
            assert_eq!(agenda_mark(text).as_deref(), item, "{text}");
        }
    }

    #[test]
    fn chapters_of_adopted_texts_name_their_kind() {
        assert_eq!(act_kind("Resolutions"), Some(ActKind::Resolution));
        assert_eq!(act_kind("President's statements"), Some(ActKind::Statement));
        assert_eq!(act_kind("Décisions"), Some(ActKind::Decision));
        assert_eq!(act_kind("Resolutions adopted by the Council"), None);
    }

    #[test]
    fn alternations_prefer_the_longest_entry() {
        let columns = all(|w| w.contents_columns);
        let re = starts_with_any(&columns);
        assert_eq!(
            re.find("Paragraphs Page").map(|m| m.as_str()),
            Some("Paragraphs Page")
        );
    }
}
