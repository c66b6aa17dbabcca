//! Summary records as a genre, on records written for it (a General Assembly committee in
//! English, a treaty body in French, a conference's "Record of the Third Meeting"): a statement reported over several numbered
//! paragraphs keeps its speaker and State in each of them, up to the next speaker, the
//! next agenda item's heading or the record's own narration; a delegation speaking for a
//! group keeps the group; "Agenda item 69: …" on its own line is a heading, not the end of
//! the paragraph before it.

use rapporteur::model::{Report, Unit};
use rapporteur::parse::parse_report;

fn paragraph(report: &Report, number: u32) -> &Unit {
    report
        .paragraphs
        .iter()
        .find(|u| u.kind.is_numbered() && u.number == number)
        .unwrap_or_else(|| panic!("no paragraph {number}"))
}

/// The speakers' States of each numbered paragraph, in order.
fn states_by_paragraph(report: &Report) -> Vec<(u32, Vec<&str>)> {
    report
        .paragraphs
        .iter()
        .filter(|u| u.kind.is_numbered())
        .map(|u| (u.number, u.speaker_countries()))
        .collect()
}

const THIRD_COMMITTEE: &str = "\
                                                                    A/C.3/80/SR.12
United Nations
General Assembly                                                    Distr.: General
Eightieth session                                                   20 November 2025
Official Records
                                                                    Original: English

Third Committee

Summary record of the 12th meeting
Held at Headquarters, New York, on Tuesday, 14 October 2025, at 10 a.m.

Chair:        Ms. Tanaka ............................................... (Japan)

Contents
Agenda item 68: Promotion and protection of the rights of children (continued)

The meeting was called to order at 10.05 a.m.

Agenda item 68: Promotion and protection of the rights of children (continued)
(A/80/201 and A/80/275)

1.    Mr. Ahmed (Pakistan), speaking on behalf of the Group of 77 and China, said
that poverty remained the greatest obstacle to the realization of the rights of the
child in developing countries.

2.    The Group called upon developed countries to honour their commitments on
official development assistance and to support national child protection systems.

3.    Ms. Rossi (Italy) said that her country had adopted a national plan against
child labour in 2024.

4.    In that regard, Italy had also increased funding for early childhood education,
and it encouraged France and Germany to do likewise.

5.    Replying to the questions raised, Mr. Kim (Republic of Korea) said that his
Government had submitted the matter to a public consultation.

6.    His delegation welcomed the report of the Special Representative and encouraged
Member States to endorse the Safe Schools Declaration.

7.    The Chair said that the Committee had thus concluded its general discussion of
agenda item 68.

8.    She invited the Committee to take action on draft resolution A/C.3/80/L.12.

9.    The draft resolution was adopted without a vote.

10.   The Committee then took up the rights of indigenous peoples.

Agenda item 69: Rights of indigenous peoples

11.   Mr. Ortiz (Bolivia (Plurinational State of)) said that the rights of indigenous
peoples to their lands must be respected.

12.   Bolivia had enshrined those rights in its Constitution, as Ecuador had.

13.   Ms. Haddad (Observer for the State of Palestine) said that the children of
Palestine were denied their right to education.

14.   Ms. Dupont (Observer for the European Union) said that the European Union
supported the rights of indigenous peoples.

The meeting rose at 1 p.m.
";

#[test]
fn a_statement_over_several_paragraphs_keeps_its_state_in_each() {
    let report = parse_report(THIRD_COMMITTEE, "A-C.3-80-SR.12.txt");
    assert_eq!(report.symbol, "A/C.3/80/SR.12");
    assert_eq!(report.meeting, Some(12));
    let none: Vec<&str> = Vec::new();
    assert_eq!(
        states_by_paragraph(&report),
        [
            (1, vec!["PAK"]),
            (2, vec!["PAK"]),
            (3, vec!["ITA"]),
            // France and Germany are named in Italy's statement; they do not speak.
            (4, vec!["ITA"]),
            (5, vec!["KOR"]),
            (6, vec!["KOR"]),
            (7, none.clone()),
            (8, none.clone()),
            // The record's own narration: nobody speaks, and no statement goes on.
            (9, none.clone()),
            (10, none.clone()),
            (11, vec!["BOL"]),
            (12, vec!["BOL"]),
            (13, vec!["PSE"]),
            (14, none.clone()),
        ]
    );
    // An observer speaks for a State or an organisation, as the bracket says.
    let observer = &paragraph(&report, 13).speakers[0];
    assert_eq!(observer.role.as_deref(), Some("Observer"));
    let union = &paragraph(&report, 14).speakers[0];
    assert_eq!(
        (union.role.as_deref(), union.organization.as_deref()),
        (Some("Observer"), Some("European Union"))
    );
    let group = &paragraph(&report, 1).speakers[0];
    assert_eq!(group.name.as_deref(), Some("Ahmed"));
    assert_eq!(
        group.on_behalf_of.as_deref(),
        Some("the Group of 77 and China")
    );
    assert_eq!(
        paragraph(&report, 2).speakers,
        paragraph(&report, 1).speakers
    );
    // The Chair's statement goes on in "She invited…", as the Chair's.
    for number in [7, 8] {
        let chair = &paragraph(&report, number).speakers;
        assert_eq!(chair.len(), 1, "paragraph {number}");
        assert_eq!(
            chair[0].role.as_deref(),
            Some("Chair"),
            "paragraph {number}"
        );
    }
    assert!(paragraph(&report, 9).speakers.is_empty());
}

#[test]
fn an_agenda_item_heading_on_its_own_line_starts_the_next_item() {
    let report = parse_report(THIRD_COMMITTEE, "A-C.3-80-SR.12.txt");
    let items: Vec<(u32, Option<&str>)> = report
        .paragraphs
        .iter()
        .filter(|u| u.kind.is_numbered())
        .map(|u| (u.number, u.agenda_item.as_deref()))
        .collect();
    assert!(items[..10].iter().all(|(_, item)| *item == Some("68")));
    assert!(items[10..].iter().all(|(_, item)| *item == Some("69")));
    assert_eq!(items.len(), 14);
    let before = paragraph(&report, 10);
    assert!(
        !before.text.contains("Agenda item 69"),
        "the heading is not the end of paragraph 10: {}",
        before.text
    );
    assert_eq!(
        paragraph(&report, 11).section.last().map(String::as_str),
        Some("Agenda item 69: Rights of indigenous peoples")
    );
}

const HUMAN_RIGHTS_COMMITTEE: &str = "\
             Nations Unies                                                    CCPR/C/SR.4120
             Pacte international relatif                  Distr. générale
             aux droits civils et politiques              2 juillet 2025

                                                          Original : français


Comité des droits de l’homme
Cent quarante-quatrième session

Compte rendu analytique de la 4120e séance
Tenue au Palais Wilson, à Genève, le mardi 24 juin 2025, à 10 heures

Présidente : Mme Abdo Rocholl

Sommaire
Examen des rapports soumis par les États parties en application de l’article 40 du
Pacte (suite)
Cinquième rapport périodique du Sénégal

La séance est ouverte à 10 h 5.

Examen des rapports soumis par les États parties en application de l’article 40
du Pacte (suite)
Cinquième rapport périodique du Sénégal (CCPR/C/SEN/5)
1.     Sur l’invitation de la Présidente, la délégation sénégalaise prend place à la
table du Comité.
2.     M. Diallo (Sénégal) dit que son pays a adopté en 2024 une loi relative à la
lutte contre la traite des personnes.
3.     Le Gouvernement a par ailleurs créé un observatoire national des lieux de
privation de liberté, à l’image de ce qu’ont fait le Mali et la Côte d’Ivoire.
4.     Mme Kpatcha Tchamdja demande des précisions sur la durée de la garde à vue.
5.     Elle souhaiterait aussi savoir si les avocats ont accès aux personnes gardées à
vue dès la première heure.
6.     Le Comité poursuit l’examen du rapport.
7.     Mme Ndiaye (Sénégal), répondant aux questions posées, dit que la garde à vue est
limitée à quarante-huit heures.

La séance est levée à 13 heures.
";

#[test]
fn a_french_summary_record_carries_each_statement_to_its_end() {
    let report = parse_report(HUMAN_RIGHTS_COMMITTEE, "CCPR-C-SR.4120.txt");
    assert_eq!(report.symbol, "CCPR/C/SR.4120");
    assert_eq!(report.meeting, Some(4120));
    let none: Vec<&str> = Vec::new();
    assert_eq!(
        states_by_paragraph(&report),
        [
            // The delegation takes its place: the record's narration, not a statement.
            (1, none.clone()),
            (2, vec!["SEN"]),
            (3, vec!["SEN"]),
            (4, none.clone()),
            (5, none.clone()),
            (6, none.clone()),
            (7, vec!["SEN"]),
        ]
    );
    // A member's question goes on over the next paragraph, under her name.
    for number in [4, 5] {
        let member = &paragraph(&report, number).speakers;
        assert_eq!(member.len(), 1, "paragraph {number}");
        assert_eq!(member[0].name.as_deref(), Some("Kpatcha Tchamdja"));
    }
    // The Committee as the subject is the record speaking.
    assert!(paragraph(&report, 6).speakers.is_empty());
    assert_eq!(
        paragraph(&report, 7).speakers[0].name.as_deref(),
        Some("Ndiaye")
    );
}

const SIXTH_COMMITTEE: &str = "\
             Nations Unies                                                    A/C.6/80/SR.5
             Assemblée générale                                Distr. générale
             Quatre-vingtième session                          30 octobre 2025
             Documents officiels
                                                               Original : français

Sixième Commission

Compte rendu analytique de la 5e séance
Tenue au Siège, à New York, le mercredi 8 octobre 2025, à 10 heures

Président : M. Mavroyiannis ........................................ (Chypre)

Sommaire
Point 83 de l’ordre du jour : Responsabilité pénale des fonctionnaires et des experts
en mission des Nations Unies (suite)

La séance est ouverte à 10 h 5.

Point 83 de l’ordre du jour : Responsabilité pénale des fonctionnaires et des experts
en mission des Nations Unies (suite) (A/80/155)

1.     M. Dupont (France), parlant au nom du Groupe des États d’Europe occidentale et
autres États, dit que la responsabilité pénale des fonctionnaires reste une priorité.

2.     Le Groupe encourage les États Membres à établir leur compétence à l’égard des
infractions graves commises par leurs ressortissants.

3.     Mme Mbaye (Sénégal) dit que son pays soutient l’élaboration d’une convention.

4.     À cet égard, le Sénégal a transmis au Secrétariat des informations sur sa
législation, comme l’ont fait le Maroc et la Tunisie.

5.     Le Président dit que la Commission a ainsi achevé l’examen du point 83.

6.     Le projet de résolution A/C.6/80/L.7 est adopté.

Point 84 de l’ordre du jour : État de droit aux niveaux national et international

7.     M. Rodríguez (Venezuela (République bolivarienne du)) dit que l’état de droit
suppose le respect de la souveraineté des États.

8.     Sa délégation rejette les mesures coercitives unilatérales.

9.     Mme Haddad (Observatrice de l’État de Palestine) dit que l’état de droit doit
s’appliquer à tous.

La séance est levée à 13 heures.
";

#[test]
fn a_french_committee_record_keeps_groups_items_and_observers() {
    let report = parse_report(SIXTH_COMMITTEE, "A-C.6-80-SR.5.txt");
    assert_eq!(report.symbol, "A/C.6/80/SR.5");
    let none: Vec<&str> = Vec::new();
    assert_eq!(
        states_by_paragraph(&report),
        [
            (1, vec!["FRA"]),
            (2, vec!["FRA"]),
            (3, vec!["SEN"]),
            // Morocco and Tunisia are named in Senegal's statement.
            (4, vec!["SEN"]),
            (5, none.clone()),
            (6, none.clone()),
            (7, vec!["VEN"]),
            (8, vec!["VEN"]),
            (9, vec!["PSE"]),
        ]
    );
    assert_eq!(
        paragraph(&report, 2).speakers[0].on_behalf_of.as_deref(),
        Some("Groupe des États d’Europe occidentale et autres États")
    );
    assert_eq!(
        paragraph(&report, 9).speakers[0].role.as_deref(),
        Some("Observatrice")
    );
    // "Point 84 de l’ordre du jour : …", a long title on one line, heads the next item.
    let items: Vec<Option<&str>> = report
        .paragraphs
        .iter()
        .filter(|u| u.kind.is_numbered())
        .map(|u| u.agenda_item.as_deref())
        .collect();
    assert_eq!(
        items,
        [
            Some("83"),
            Some("83"),
            Some("83"),
            Some("83"),
            Some("83"),
            Some("83"),
            Some("84"),
            Some("84"),
            Some("84")
        ]
    );
    assert!(!paragraph(&report, 6).text.contains("Point 84"));
}

/// A conference's record of another body (the IAEA's): its title says "Record of the
/// Third Meeting", not "Summary record", its President is in capitals.
const CONFERENCE_RECORD: &str = "\
                                                                  GC(65)/OR.3
                                                                  Issued: December 2021
General Conference
Sixty-fifth regular session
Plenary
Record of the Third Meeting
Held at Headquarters, Vienna, on Tuesday, 21 September 2021, at 10.05 a.m.
President: Mr ABDULLAH (Malaysia)

Contents
Item of the provisional agenda                                         Paragraphs
7     General debate and Annual Report for 2020 (continued)            1–12

7. General debate and Annual Report for 2020 (continued)
1. Mr SANCHEZ (Spain) said that his country remained committed to the Agency's work in nuclear
safety and security and welcomed the progress made on the Rays of Hope initiative.
2. Spain had increased its extrabudgetary contribution to the Technical Cooperation Fund and
would host a regional training course on radiation protection in 2022.
3. Ms OKAFOR (Nigeria) said that nuclear power was essential for her country's energy mix and
that Nigeria was working closely with the Agency on the development of its infrastructure.
4. The PRESIDENT invited the representative of Indonesia to take the floor.
5. Mr WIBOWO (Indonesia) commended the Agency on its response to the COVID-19 pandemic and its
support for Member States through the provision of testing equipment.
6. In that regard, Indonesia welcomed the Zoonotic Disease Integrated Action project.
";

#[test]
fn a_record_titled_without_summary_is_read_as_a_summary_record() {
    let report = parse_report(CONFERENCE_RECORD, "GC-65-OR-3.txt");
    assert_eq!(report.meeting, Some(3));
    assert_eq!(
        states_by_paragraph(&report),
        [
            (1, vec!["ESP"]),
            (2, vec!["ESP"]),
            (3, vec!["NGA"]),
            (4, vec![]),
            (5, vec!["IDN"]),
            (6, vec!["IDN"]),
        ]
    );
    assert_eq!(
        paragraph(&report, 4).speakers[0].role.as_deref(),
        Some("President")
    );
}
