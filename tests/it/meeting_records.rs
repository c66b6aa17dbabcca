//! Meeting records as a genre, on records written for it (a General Assembly plenary
//! with no labels, a French record with labelled turns and a translation, bare States
//! and chairs speaking as such) and on the public UNESCO plenary records: every
//! paragraph of a turn carries its speaker and State, translations are marked, each unit
//! is analysed in its own language.

use crate::common;

use common::shared;
use rapporteur::model::{Report, Unit};
use rapporteur::parse::parse_report;

fn states(unit: &Unit) -> Vec<&str> {
    unit.speaker_countries()
}

fn unit_with<'r>(report: &'r Report, words: &str) -> &'r Unit {
    report
        .paragraphs
        .iter()
        .find(|u| u.text.contains(words))
        .unwrap_or_else(|| panic!("no unit holds {words:?}"))
}

/// The unit holding `words`, after checking it speaks for `state` (or for none) under
/// agenda item `item`.
fn speech_under<'r>(report: &'r Report, words: &str, state: Option<&str>, item: &str) -> &'r Unit {
    let unit = unit_with(report, words);
    assert_eq!(states(unit), Vec::from_iter(state), "{words}");
    assert_eq!(unit.agenda_item.as_deref(), Some(item), "{words}");
    unit
}

const GENERAL_ASSEMBLY: &str = "\
United Nations                                   A/79/PV.64
General Assembly
Seventy-ninth session
64th plenary meeting
Tuesday, 10 December 2024, 10 a.m.
New York

President: Mr. Yang .......................................... (Cameroon)

Agenda item 125 (continued)

Strengthening of the United Nations system

The Acting President: I now give the floor to the representative of Luxembourg.

Mr. Maes (Luxembourg) (spoke in French): On behalf of Luxembourg, I thank the
Secretary-General for his report.

We welcome the progress made on the revitalization of the work of the General
Assembly, which our delegation has supported from the start.

Finally, we call on all Member States to pay their contributions in full and on
time.

The Acting President: I now give the floor to the representative of Japan.

Mr. Yamazaki (Japan): Japan aligns itself with the statement made on behalf of the
group of like-minded States.

Our country will continue to support the reform of the Organization.
";

#[test]
fn every_paragraph_of_a_plenary_speech_names_its_state() {
    let report = parse_report(GENERAL_ASSEMBLY, "A-79-PV.64.txt");
    assert_eq!(report.symbol, "A/79/PV.64");
    assert_eq!(report.meeting, Some(64), "the masthead's meeting");
    for words in [
        "On behalf of Luxembourg",
        "revitalization of the work",
        "pay their contributions",
    ] {
        assert_eq!(states(unit_with(&report, words)), ["LUX"], "{words}");
    }
    for words in ["aligns itself", "support the reform"] {
        assert_eq!(states(unit_with(&report, words)), ["JPN"], "{words}");
    }
    let president = unit_with(
        &report,
        "I now give the floor to the representative of Luxembourg",
    );
    assert!(
        states(president).is_empty(),
        "the presiding officer speaks for no State"
    );
    assert_eq!(president.speakers[0].role.as_deref(), Some("President"));
    // The item heading above the first turn is the section of every speech under it,
    // without the masthead's roster above it.
    assert_eq!(president.agenda_item.as_deref(), Some("125"));
    assert_eq!(
        president.section,
        ["Agenda item 125 (continued) Strengthening of the United Nations system"]
    );
    // A record that numbers nothing: its units are numbered in order, each citable.
    let numbers: Vec<u32> = report
        .paragraphs
        .iter()
        .filter(|u| !u.speakers.is_empty())
        .map(|u| u.number)
        .collect();
    assert_eq!(numbers, (1..=numbers.len() as u32).collect::<Vec<_>>());
}

/// A General Assembly record whose speaker headings the extractor wrapped: the colon on
/// the next line, the break inside a long State's name or before the language note.
const WRAPPED_HEADINGS: &str = "\
United Nations                                   A/80/PV.30
General Assembly
Eightieth session
30th plenary meeting
Monday, 3 November 2025, 3 p.m.
New York

President: Ms. Baerbock .......................................... (Germany)

Agenda item 29

Report of the Human Rights Council

The President: I give the floor to the representative of Venezuela.

Mr. Rodríguez (Venezuela (Bolivarian Republic of)) (spoke in Spanish): My
delegation rejects the selective use of human rights.

We call for dialogue and cooperation among all States.

Mr. Al-Mubarak Al Nahyan (United Arab Emirates) (spoke in
Arabic): The United Arab Emirates supports the work of the Council.

We have contributed 10 million dollars to its trust fund.

Ms. Whitfield (United Kingdom of Great Britain and Northern
Ireland): The United Kingdom will vote in favour of the draft resolution.

It reflects the consensus reached in Geneva.

Mr. Mohamed (Observer for the African Union): The African Union stands
ready to work with all Member States.

The President: We have heard the last speaker in the debate on this item.
";

#[test]
fn a_speaker_heading_wrapped_onto_the_next_line_opens_its_turn() {
    let report = parse_report(WRAPPED_HEADINGS, "A-80-PV.30.txt");
    for (words, state) in [
        ("selective use of human rights", "VEN"),
        ("dialogue and cooperation", "VEN"),
        ("supports the work of the Council", "ARE"),
        ("10 million dollars", "ARE"),
        ("vote in favour", "GBR"),
        ("consensus reached in Geneva", "GBR"),
    ] {
        assert_eq!(states(unit_with(&report, words)), [state], "{words}");
    }
    let emirates = unit_with(&report, "supports the work of the Council");
    assert_eq!(
        emirates.speakers[0].name.as_deref(),
        Some("Al-Mubarak Al Nahyan")
    );
    // An observer speaks for an organisation, not a State.
    let union = &unit_with(&report, "stands ready").speakers[0];
    assert_eq!(
        (
            union.country.as_deref(),
            union.role.as_deref(),
            union.organization.as_deref()
        ),
        (None, Some("Observer"), Some("African Union"))
    );
    assert!(states(unit_with(&report, "last speaker")).is_empty());
}

/// A French General Assembly record: the acting President "par intérim (parle en
/// anglais)", items as "Point 125 de l’ordre du jour (suite)", a sentence that starts
/// "rapport sur …" (not a title), a speech followed by the next item's heading.
const FRENCH_GENERAL_ASSEMBLY: &str = "\
Nations Unies                                                          A/79/PV.64
Assemblée générale
Soixante-dix-neuvième session
64e séance plénière
Mardi 10 décembre 2024, à 10 heures
New York

Président :    M. Yang . . . . . . . . . . . . . . . . . . . . . . . . (Cameroun)

En l’absence du Président, M. Rai (Népal), Vice-Président, assume la présidence.

La séance est ouverte à 10 h 5.

Point 125 de l’ordre du jour (suite)

Renforcement du système des Nations Unies

Le Président par intérim (parle en anglais) : Je donne maintenant la parole au
représentant du Luxembourg.

M. Maes (Luxembourg) : Au nom du Luxembourg, je remercie le Secrétaire général de son
rapport sur la revitalisation des travaux de l’Assemblée.

Nous saluons les progrès accomplis, que notre délégation soutient depuis le début.

Mme Ngom (Sénégal) : Le Sénégal s’associe à la déclaration faite au nom du Groupe des
États d’Afrique.

Notre pays continuera d’appuyer la réforme de l’Organisation.

Point 126 de l’ordre du jour

Coopération entre l’Organisation des Nations Unies et les organisations régionales

Le Président par intérim (parle en anglais) : Je donne la parole à l’observateur de
l’Union européenne.

M. Skoog (Union européenne) : L’Union européenne attache une grande importance à la
coopération régionale.

La séance est levée à 13 heures.
";

#[test]
fn a_french_plenary_record_keeps_its_items_and_its_acting_president() {
    let report = parse_report(FRENCH_GENERAL_ASSEMBLY, "A-79-PV.64.fr.txt");
    assert_eq!(report.meeting, Some(64), "64e séance plénière");
    assert!(
        unit_with(&report, "assume la présidence")
            .speakers
            .is_empty(),
        "the record's own lines outside every turn have no speaker"
    );
    let first_president = unit_with(&report, "Je donne maintenant la parole");
    assert_eq!(
        first_president.speakers[0].role.as_deref(),
        Some("Président"),
        "the acting President's heading opens a turn"
    );
    assert!(states(first_president).is_empty());
    for words in ["revitalisation des travaux", "progrès accomplis"] {
        let unit = unit_with(&report, words);
        assert_eq!(states(unit), ["LUX"], "{words}");
        assert_eq!(unit.agenda_item.as_deref(), Some("125"), "{words}");
    }
    let senegal = unit_with(&report, "continuera d’appuyer");
    assert_eq!(states(senegal), ["SEN"]);
    assert!(
        !senegal.text.contains("Point 126"),
        "the next item's heading is not the end of the speech before it"
    );
    assert_eq!(senegal.agenda_item.as_deref(), Some("125"));
    let next_item = unit_with(&report, "Je donne la parole à l’observateur");
    assert_eq!(next_item.agenda_item.as_deref(), Some("126"));
    assert!(states(next_item).is_empty());
    let union = unit_with(&report, "grande importance");
    assert!(
        states(union).is_empty(),
        "the European Union is not a State"
    );
    assert_eq!(union.agenda_item.as_deref(), Some("126"));
}

/// A Security Council record: titles other than Mr./Ms. ("Dame", "Archbishop", "Sir"),
/// the President speaking through interpretation, the Holy See.
const SECURITY_COUNCIL: &str = "\
United Nations                                                        S/PV.9801
Security Council
Seventy-ninth year
9801st meeting
Wednesday, 4 December 2024, 10 a.m.
New York

The meeting was called to order at 10.05 a.m.

The situation in the Middle East

The President (spoke in Spanish): I now give the floor to the representative of the
United Kingdom.

Dame Barbara Woodward (United Kingdom): The United Kingdom welcomes the briefing and
remains gravely concerned by the humanitarian situation.

We call for the immediate release of all hostages.

Archbishop Caccia (Holy See): The Holy See appeals to all parties to choose the path of
dialogue.

Sir Jeremy Smith (Australia): Australia supports the efforts of the mediators.

The meeting rose at 11.20 a.m.
";

#[test]
fn a_security_council_record_reads_every_title_of_its_speakers() {
    let report = parse_report(SECURITY_COUNCIL, "S-PV-9801.txt");
    assert_eq!(report.meeting, Some(9801));
    for (words, state) in [
        ("gravely concerned", "GBR"),
        ("release of all hostages", "GBR"),
        ("path of dialogue", "VAT"),
        ("efforts of the mediators", "AUS"),
    ] {
        assert_eq!(states(unit_with(&report, words)), [state], "{words}");
    }
    let president = unit_with(&report, "I now give the floor");
    assert!(states(president).is_empty());
    assert_eq!(president.speakers[0].role.as_deref(), Some("President"));
}

/// A UNESCO-style record of another session and layout: its symbol after the session's
/// number, the President's heading in capitals, each heading on its speech's line, the
/// masthead's roster right above the first item's heading, the next item's heading inside
/// the President's turn, an observer named by role, and a speaker the parser cannot read.
const UNESCO_CAPITALS: &str = "\
                                                                    40 C/VR.3
   Third plenary meeting
   Wednesday 13 November 2019 at 3 p.m.
   President: Ms Zohour Alaoui (Morocco)
   Présidente : Mme Zohour Alaoui (Maroc)

Item 3.2 – Report of the Director-General on the activities of the Organization
Point 3.2 – Rapport du Directeur général sur les activités de l'Organisation

1.1 The PRESIDENT: I call the meeting to order. We now turn to item 3.2 of the agenda. I give
the floor to the delegate of Germany.
2.1 Mr HOFMANN (Germany): Madam President, Germany thanks the Director-General for her
report, which shows steady progress on education for sustainable development.
2.2 We will contribute a further two million euros to the heritage emergency fund in the
coming biennium.
3.1 The Observer for Palestine: Madam President, we thank the Director-General for the support
of the Organization to the education of Palestinian refugee children.
4.1 H.R.H. Princess Dina Mired (Union for International Cancer Control): Madam President, cancer
control is part of every national health and education plan.
5.1 The PRESIDENT: Thank you. We have concluded our consideration of item 3.2. We now turn to
item 4.1.

Item 4.1 – Draft programme and budget for 2020-2021
Point 4.1 – Projet de programme et de budget pour 2020-2021

5.2 I invite the Chair of the Finance and Administrative Commission to introduce the report.
6.1 Mr KUMAR (India): Madam President, India proposes that the Organization strengthen its
field network in South Asia so that its programmes reach rural communities.
7.1 The PRESIDENT: Thank you. The meeting is adjourned.
";

#[test]
fn a_record_of_another_session_keeps_its_symbol_officers_items_and_observers() {
    let report = parse_report(UNESCO_CAPITALS, "40C-VR3.txt");
    assert_eq!(report.symbol, "40 C/VR.3");
    for (words, state, item) in [
        ("heritage emergency fund", Some("DEU"), "3.2"),
        ("Palestinian refugee children", Some("PSE"), "3.2"),
        // Nobody's words are the speaker's before: an unread heading opens its turn.
        ("cancer control", None, "3.2"),
        ("field network in South Asia", Some("IND"), "4.1"),
    ] {
        speech_under(&report, words, state, item);
    }
    assert_eq!(
        unit_with(&report, "Palestinian refugee").speakers[0]
            .role
            .as_deref(),
        Some("Observer")
    );
    // The President in capitals opens turns, speaks for no State, and keeps the floor
    // across the next item's heading.
    for (words, item) in [
        ("call the meeting to order", "3.2"),
        ("concluded our consideration", "3.2"),
        ("I invite the Chair of the Finance", "4.1"),
    ] {
        let unit = unit_with(&report, words);
        assert!(states(unit).is_empty(), "{words}");
        assert_eq!(
            unit.speakers[0].role.as_deref(),
            Some("President"),
            "{words}"
        );
        assert_eq!(unit.agenda_item.as_deref(), Some(item), "{words}");
    }
    // The roster above the first item's heading is the masthead's, not the heading's.
    let first = unit_with(&report, "call the meeting to order");
    assert!(
        first.section[0].starts_with("Item 3.2 – Report"),
        "{:?}",
        first.section
    );
    assert!(!first.section[0].contains("Alaoui"), "{:?}", first.section);
}

/// The same genre in French: "Le PRÉSIDENT", "L'Observateur de la Palestine", items as
/// "Point 4.2 – …" between turns.
const UNESCO_CAPITALS_FRENCH: &str = "\
                                                                    41 C/VR.2
   Deuxième séance plénière
   Mardi 9 novembre 2021 à 10 heures
   Président : M. Santiago Irazabal Mourão (Brésil)

Point 3.1 – Rapport de la Directrice générale sur l'exécution du programme

1.1 Le PRÉSIDENT : Je déclare ouverte la deuxième séance plénière. Nous abordons le point 3.1
de l'ordre du jour. Je donne la parole à la délégation de la France.
2.1 M. DUPONT (France) : Monsieur le Président, la France remercie la Directrice générale pour
la qualité de son rapport et pour l'attention portée à l'égalité des genres.
2.2 La France annonce une contribution supplémentaire au Fonds du patrimoine mondial pour
l'exercice biennal à venir.
3.1 Mr SMITH (United Kingdom): Mr President, the United Kingdom welcomes the report and the
reform of the field network in Africa and in the Pacific.
(3.1) M. SMITH (Royaume-Uni) (traduit de l'anglais) : Monsieur le Président, le Royaume-Uni
se félicite du rapport et de la réforme du réseau hors Siège en Afrique et dans le Pacifique.
4.1 L'Observateur de la Palestine : Monsieur le Président, nous remercions l'Organisation pour
son soutien à l'éducation des enfants réfugiés palestiniens.
5.1 Mme NGUYEN (Viet Nam) : Monsieur le Président, le Viet Nam soutient pleinement les
priorités de l'Organisation en matière d'éducation et de sciences océaniques.
6.1 Le PRÉSIDENT : Merci. Nous avons achevé l'examen du point 3.1.

Point 4.2 – Projet de programme et de budget pour 2022-2025

7.1 Le PRÉSIDENT : Je donne la parole au Président de la Commission administrative.
8.1 M. KONAN (Côte d'Ivoire) : Monsieur le Président, la Côte d'Ivoire appuie le projet de
programme et de budget et demande un renforcement des bureaux régionaux en Afrique.
9.1 Le PRÉSIDENT : La séance est levée.
La séance est levée à 13 h 5.
";

#[test]
fn a_french_record_of_another_session_keeps_its_officers_items_and_observers() {
    let report = parse_report(UNESCO_CAPITALS_FRENCH, "41C-VR2.txt");
    assert_eq!(report.symbol, "41 C/VR.2");
    for (words, state, item) in [
        ("Fonds du patrimoine mondial", Some("FRA"), "3.1"),
        ("se félicite du rapport", Some("GBR"), "3.1"),
        ("enfants réfugiés palestiniens", Some("PSE"), "3.1"),
        ("sciences océaniques", Some("VNM"), "3.1"),
        (
            "Je donne la parole au Président de la Commission",
            None,
            "4.2",
        ),
        ("renforcement des bureaux régionaux", Some("CIV"), "4.2"),
    ] {
        speech_under(&report, words, state, item);
    }
    let chair = unit_with(&report, "Je déclare ouverte");
    assert_eq!(chair.speakers[0].role.as_deref(), Some("Président"));
}

/// An older General Assembly record: the President in capitals, surnames in capitals,
/// "(interpretation from French)", items as "AGENDA ITEM 38 (continued)" with their
/// titles in capitals, no labels.
const OLDER_GENERAL_ASSEMBLY: &str = "\
UNITED NATIONS                                                        A/48/PV.40
General Assembly                                                      26 October 1993
FORTY-EIGHTH SESSION
Official Records
                     PROVISIONAL VERBATIM RECORD OF THE 40th MEETING
                  Held at Headquarters, New York, on Tuesday, 19 October 1993, at 3 p.m.

President: Mr. INSANALLY (Guyana)

AGENDA ITEM 38 (continued)

QUESTION OF PALESTINE

     The PRESIDENT: I call on the representative of Tunisia.

     Mr. ABDELLAH (Tunisia) (interpretation from French): The signing of the Declaration of
Principles in Washington marked the beginning of a new phase in the search for peace in the
Middle East.

     Tunisia will continue to support every effort towards a just and lasting settlement of the
question of Palestine, in accordance with the resolutions of the United Nations.

     The PRESIDENT: I now call on the representative of Japan.

     Mr. HATANO (Japan): Japan welcomes the mutual recognition between Israel and the Palestine
Liberation Organization and pledges assistance to the Palestinian people.

     Japan has decided to extend some $200 million over the next two years for this purpose.

AGENDA ITEM 20

STRENGTHENING OF THE COORDINATION OF HUMANITARIAN ASSISTANCE

     The PRESIDENT: The Assembly will now take up agenda item 20. I call on the representative of
Sweden.

     Mr. OSVALD (Sweden): The Nordic countries attach great importance to the coordination of
humanitarian emergency assistance of the United Nations system.

     The meeting rose at 6.10 p.m.
";

#[test]
fn an_older_plenary_record_in_capitals_keeps_its_president_states_and_items() {
    let report = parse_report(OLDER_GENERAL_ASSEMBLY, "A-48-PV.40.txt");
    assert_eq!(report.symbol, "A/48/PV.40");
    assert_eq!(report.meeting, Some(40));
    for (words, state, item) in [
        ("I call on the representative of Tunisia", None, "38"),
        ("just and lasting settlement", Some("TUN"), "38"),
        ("$200 million", Some("JPN"), "38"),
        ("take up agenda item 20", None, "20"),
        ("Nordic countries", Some("SWE"), "20"),
    ] {
        let unit = speech_under(&report, words, state, item);
        if state.is_none() {
            assert_eq!(
                unit.speakers[0].role.as_deref(),
                Some("President"),
                "{words}"
            );
        }
    }
}

/// A French record with labelled turns, a Spanish speech and its printed translation, a
/// bare State and a chair (the API tests index it too).
pub(crate) const FRENCH_RECORD: &str = "\
Quatrième séance plénière
Mercredi 6 novembre 2013 à 15 h 15
Débat de politique générale (suite)
11.       Le Président :
          Je donne la parole à Son Excellence M. Sok, ministre du Cambodge.
12.1      M. Sok (Cambodge) :
          Monsieur le Président, le Cambodge remercie l’Organisation pour son soutien constant à
l’éducation de base dans les zones rurales.
12.2      Notre gouvernement a doublé le budget de l’enseignement primaire depuis cinq ans et
formé dix mille enseignants.
13.1      Sra. Lafuente (Paraguay):
          Señor Presidente, distinguidos ministros, la educación es la base del desarrollo humano y
social sostenible de nuestros pueblos y de nuestras comunidades indígenas.
13.2      El Paraguay ha duplicado la inversión en las escuelas rurales y en la formación de maestros
bilingües durante los últimos cinco años.
          (13.1)     Mme Lafuente (Paraguay) (traduit de l’espagnol) :
                      Monsieur le Président, Mesdames et Messieurs les ministres, l’éducation est la base
          du développement humain et social durable de nos peuples et de nos communautés autochtones.
          (13.2)     Le Paraguay a doublé l’investissement dans les écoles rurales et dans la formation
          d’enseignants bilingues au cours des cinq dernières années.
14.       Netherlands:
          Thank you, Mr President. The Netherlands wishes to reply to the statement made this morning
by another delegation about the financing of the programme.
15.       Ms Katagum (Nigeria) (Chairperson of the Credentials Committee):
          Mr President, the Credentials Committee met this morning and examined the credentials of
the delegations listed in the report before you.
";

#[test]
fn labelled_turns_translations_and_speakers_without_a_state() {
    let report = parse_report(FRENCH_RECORD, "record.txt");
    assert_eq!(report.meeting, Some(4), "Quatrième séance plénière");
    let sok = unit_with(&report, "remercie l’Organisation");
    assert_eq!(
        (sok.printed.as_deref(), states(sok)),
        (Some("12.1"), vec!["KHM"])
    );
    let budget = unit_with(&report, "doublé le budget");
    assert_eq!(
        (budget.printed.as_deref(), states(budget)),
        (Some("12.2"), vec!["KHM"])
    );
    let original = unit_with(&report, "la educación es la base");
    let translation = unit_with(&report, "l’éducation est la base");
    assert_eq!(states(original), ["PRY"]);
    assert_eq!(states(translation), ["PRY"]);
    assert_eq!(original.translation_of, None);
    assert_eq!(translation.translation_of.as_deref(), Some("13.1"));
    assert_eq!(translation.printed.as_deref(), Some("(13.1)"));
    assert_eq!(original.translated_as.as_deref(), Some("(13.1)"));
    let (second, its_translation) = (
        unit_with(&report, "escuelas rurales"),
        unit_with(&report, "écoles rurales"),
    );
    assert_eq!(
        (
            second.translated_as.as_deref(),
            its_translation.translation_of.as_deref()
        ),
        (Some("(13.2)"), Some("13.2")),
        "each paragraph of a translation is paired with the one it translates"
    );
    assert_eq!(unit_with(&report, "remercie").translated_as, None);
    // Each unit in its own language; the record's is its majority.
    assert_eq!(report.language, "fr");
    assert_eq!(original.language.as_deref(), Some("es"));
    assert_eq!(
        unit_with(&report, "Netherlands wishes").language.as_deref(),
        Some("en")
    );
    assert_eq!(
        translation.language, None,
        "a French unit is in the record's language"
    );
    assert_eq!(states(unit_with(&report, "Netherlands wishes")), ["NLD"]);
    let chair = unit_with(&report, "Credentials Committee met");
    assert!(
        states(chair).is_empty(),
        "a chair speaking as such speaks for no State"
    );
    let president = unit_with(&report, "Je donne la parole");
    assert_eq!(president.speakers[0].role.as_deref(), Some("Président"));
    assert!(
        unit_with(&report, "Débat de politique générale")
            .speakers
            .is_empty(),
        "the record's section heading is found, and nobody speaks in it"
    );
}

#[test]
fn a_report_with_one_speaker_line_is_not_cut_into_turns() {
    let text = "\
1. The Council met on 3 May.
2. The President: the Council decided to postpone the item.
3. The Council adopted the report.
";
    let report = parse_report(text, "E-2025-1.txt");
    let numbers: Vec<u32> = report.paragraphs.iter().map(|u| u.number).collect();
    assert_eq!(numbers, [1, 2, 3]);
    assert!(report.paragraphs.iter().all(|u| u.printed.is_none()));
}

#[test]
fn public_unesco_plenary_records_keep_every_speech_under_its_state() {
    let read = |name: &str| {
        let path = shared(&format!("samples/verbatim/{name}"));
        let text = std::fs::read_to_string(&path).expect("the shared record reads");
        parse_report(&text, name)
    };
    let sixth = read("unesco-38C-plenary-6.txt");
    assert_eq!(sixth.language, "fr", "the 6th meeting is mostly in French");
    assert_eq!(sixth.meeting, Some(6), "Sixth plenary meeting");
    for (label, state) in [
        ("2.3", "PRY"),
        ("(2.3)", "PRY"),
        ("42.5", "BLR"),
        ("16.1", "TUN"),
        ("64", "GMB"),
    ] {
        let unit = sixth
            .paragraphs
            .iter()
            .find(|u| u.printed.as_deref() == Some(label))
            .unwrap_or_else(|| panic!("no unit labelled {label}"));
        assert_eq!(states(unit), [state], "{label}");
    }
    let ninth = read("unesco-38C-plenary-9.txt");
    assert_eq!(ninth.meeting, Some(9), "Ninth plenary meeting");
    let eu = ninth
        .paragraphs
        .iter()
        .find(|u| u.text.starts_with("Mr Leffler (European Union)"))
        .expect("the European Union speaks");
    assert!(states(eu).is_empty(), "the European Union is not a State");
    // ALECSO's translated speech, under a heading wrapped over two lines: every
    // paragraph of it is ALECSO's.
    let translated = ninth
        .paragraphs
        .iter()
        .position(|u| u.printed.as_deref() == Some("(50.1)"))
        .expect("the translation's heading opens a turn");
    let translation = &ninth.paragraphs[translated..translated + 3];
    assert!(
        translation
            .iter()
            .all(|u| u.speakers.first().and_then(|s| s.name.as_deref()) == Some("Muhareb")),
        "{:?}",
        translation.iter().map(|u| &u.speakers).collect::<Vec<_>>()
    );
    let spanish = ninth
        .paragraphs
        .iter()
        .find(|u| u.printed.as_deref() == Some("18.1"))
        .expect("Nicaragua speaks");
    assert_eq!(spanish.language.as_deref(), Some("es"));
}

#[test]
fn show_finds_a_speech_by_the_label_its_citation_prints() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("A-C.3-79-SR.4.txt");
    std::fs::write(&file, format!("A/C.3/79/SR.4\n{FRENCH_RECORD}")).unwrap();
    let copy = common::indexed_copy(&[file]);
    let index = copy.index.to_str().unwrap();
    let hit = common::stdout(&common::rapporteur([
        "search",
        "doublé le budget",
        "--json",
        "--index",
        index,
    ]));
    let hit: serde_json::Value = serde_json::from_str(hit.lines().next().unwrap()).unwrap();
    let doc = hit["doc"].as_str().unwrap().to_string();
    assert_eq!(
        (doc.as_str(), hit["printed"].as_str()),
        ("A/C.3/79/SR.4", Some("12.2")),
        "{hit}"
    );
    for (typed, words) in [
        ("12.2", "doublé le budget"),
        ("12.1", "remercie l’Organisation"),
        ("(13.1)", "l’éducation est la base"),
        ("13.1", "la educación es la base"),
    ] {
        let shown = common::rapporteur(["show", &doc, typed, "--index", index]);
        assert!(
            shown.status.success(),
            "{typed}: {}",
            common::stderr(&shown)
        );
        assert!(common::stdout(&shown).contains(words), "{typed}");
    }
    let unknown = common::rapporteur(["show", &doc, "(99.9)", "--index", index]);
    assert_eq!(
        unknown.status.code(),
        Some(2),
        "{}",
        common::stderr(&unknown)
    );
    assert!(common::stderr(&unknown).contains("cannot read the reference \"(99.9)\""));
}

/// The hits of `rapporteur search QUERY --json EXTRA…` as (printed label, JSON object).
fn hits(index: &str, query: &str, extra: &[&str]) -> Vec<(String, serde_json::Value)> {
    let mut args = vec!["search", query, "--json", "--limit", "50", "--index", index];
    args.extend(extra);
    common::stdout(&common::rapporteur(args))
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap())
        .filter(|object| object["type"] == "hit")
        .map(|hit| (hit["printed"].as_str().unwrap_or("").to_string(), hit))
        .collect()
}

#[test]
fn a_speech_and_its_printed_translation_are_one_hit_and_each_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("A-C.3-79-SR.4.txt");
    std::fs::write(&file, format!("A/C.3/79/SR.4\n{FRENCH_RECORD}")).unwrap();
    let copy = common::indexed_copy(&[file]);
    let index = copy.index.to_str().unwrap();
    let labels = |found: &[(String, serde_json::Value)]| -> Vec<String> {
        let mut labels: Vec<String> = found.iter().map(|(label, _)| label.clone()).collect();
        labels.sort();
        labels
    };

    // "Paraguay" is in the Spanish original and in its French translation: one hit each
    // paragraph, the original, which names its translation.
    let paraguay = hits(index, "Paraguay", &[]);
    assert_eq!(labels(&paraguay), ["13.1", "13.2"]);
    assert_eq!(
        paraguay[0].1["translated_as"],
        format!("({})", paraguay[0].0)
    );
    let all = hits(index, "Paraguay", &["--with-translations"]);
    assert_eq!(labels(&all), ["(13.1)", "(13.2)", "13.1", "13.2"]);
    let summary = common::stdout(&common::rapporteur([
        "search", "Paraguay", "--index", index, "--color", "never",
    ]));
    assert!(summary.contains("2 hits"), "{summary}");
    assert!(summary.contains("translated as (13.1)"), "{summary}");

    // Words of one language find the unit in it: the translation where only it has
    // them, the Spanish original without asking for Spanish.
    let french = hits(index, "écoles rurales", &[]);
    assert_eq!(labels(&french), ["(13.2)"]);
    assert_eq!(french[0].1["translation_of"], "13.2");
    let spanish = hits(index, "escuelas rurales", &[]);
    assert_eq!(labels(&spanish), ["13.2"]);
    assert_eq!(spanish[0].1["language"], "es");
    assert_eq!(
        spanish[0].1["label"], "¶13.2",
        "cited in the record's style"
    );

    // A unit's context is its report's, whatever the language of the units around it.
    let shown = common::rapporteur([
        "show",
        "A/C.3/79/SR.4",
        "(13.2)",
        "--context",
        "1",
        "--index",
        index,
    ]);
    let shown = common::stdout(&shown);
    assert!(
        shown.contains("l’éducation est la base") && shown.contains("Netherlands wishes"),
        "{shown}"
    );
}
