//! The person-level rule: adults need act, means and purpose; children (and persons whose age
//! is not established) need no means; and the non-punishment advisory.

use trafficking_indicators::assessment::NoticeKind;
use trafficking_indicators::{Level, OffenceKind, PalermoElement, RecommendationKind, Subject};

use crate::common::{adult, age_unknown, child, present, run, with_offences, with_subject};

/// Deceptive recruitment positive (strong + medium).
const ACT: [&str; 2] = ["deceived_about_nature_of_job", "deceived_about_wages"];
/// Exploitative conditions positive (strong + medium).
const PURPOSE: [&str; 2] = ["excessive_working_days_or_hours", "low_or_no_salary"];
/// Coercion at destination positive (strong + medium).
const MEANS: [&str; 2] = [
    "confiscation_of_documents_at_destination",
    "withholding_of_wages",
];

fn ids(groups: &[&[&'static str]]) -> Vec<&'static str> {
    groups.iter().flat_map(|g| g.iter().copied()).collect()
}

#[test]
fn adult_with_act_means_and_purpose_meets_the_definition() {
    let a = run(&adult(&present(&ids(&[&ACT, &PURPOSE, &MEANS]))));
    assert_eq!(a.level, Level::DefinitionMet);
    assert!(a.explanation.person_rule.met);
    assert!(a.explanation.person_rule.missing.is_empty());
}

#[test]
fn adult_without_means_does_not_meet_the_definition() {
    // Deceptive recruitment is itself a Palermo means, so exploitation plus deception gives
    // reasonable grounds, but the adult rule also needs a destination means dimension.
    let a = run(&adult(&present(&ids(&[&ACT, &PURPOSE]))));
    assert_eq!(a.level, Level::ReasonableGrounds);
    assert_eq!(
        a.explanation.person_rule.missing,
        vec![PalermoElement::Means]
    );
}

#[test]
fn adult_without_the_act_does_not_meet_the_definition() {
    let a = run(&adult(&present(&ids(&[&PURPOSE, &MEANS]))));
    assert_eq!(a.level, Level::ReasonableGrounds);
    assert_eq!(a.explanation.person_rule.missing, vec![PalermoElement::Act]);
}

#[test]
fn adult_without_exploitation_does_not_reach_reasonable_grounds_by_means_alone() {
    let a = run(&adult(&present(&ids(&[&ACT, &MEANS]))));
    assert_eq!(a.level, Level::FurtherInquiry);
    assert_eq!(
        a.explanation.person_rule.missing,
        vec![PalermoElement::Purpose]
    );
}

#[test]
fn child_needs_no_means_element() {
    // Exploitation positive and one recruitment-phase indicator present (not a positive
    // dimension): the act and purpose of Palermo Art. 3(c).
    let a = run(&child(&present(&[
        "deceived_about_wages",
        PURPOSE[0],
        PURPOSE[1],
    ])));
    assert_eq!(a.level, Level::DefinitionMet);
    assert!(!a.explanation.subject.means_required);
    let means = &a.explanation.elements[1];
    assert_eq!(means.element, PalermoElement::Means);
    assert!(!means.required && !means.met);
}

#[test]
fn the_same_evidence_is_not_enough_for_an_adult() {
    let a = run(&adult(&present(&[
        "deceived_about_wages",
        PURPOSE[0],
        PURPOSE[1],
    ])));
    assert_eq!(a.level, Level::FurtherInquiry);
}

#[test]
fn child_without_evidence_of_the_act_has_reasonable_grounds_only() {
    let a = run(&child(&present(&PURPOSE)));
    assert_eq!(a.level, Level::ReasonableGrounds);
    assert_eq!(a.explanation.person_rule.missing, vec![PalermoElement::Act]);
    assert!(
        a.recommendation(RecommendationKind::ChildProtectionReferral)
            .is_some()
    );
}

/// A missing age alone is no reason to believe the person is a child (CoE Convention
/// Art. 10(3), EU Directive Art. 13(2)): the adult rules apply, age is the first question, and
/// the level the child rules would give is shown beside the level.
#[test]
fn age_not_established_applies_adult_rules_and_shows_the_child_level() {
    let obs = present(&["deceived_about_wages", PURPOSE[0], PURPOSE[1]]);
    let a = run(&age_unknown(&obs));
    assert_eq!(a.level, Level::FurtherInquiry);
    assert_eq!(a.level_if_child, Some(Level::DefinitionMet));
    assert!(!a.explanation.subject.treated_as_child);
    assert_eq!(
        a.explanation.subject.ask_first,
        Some(trafficking_indicators::AgeQuestion::AgeOrReasonsToBelieveChild)
    );
    assert!(
        a.explanation
            .notices
            .iter()
            .any(|n| n.kind == NoticeKind::AgeNotEstablished)
    );
    assert!(
        a.recommendation(RecommendationKind::ChildProtectionReferral)
            .is_none()
    );
}

/// The report's first lines give the level the child rules would give when it differs, and
/// say that it is the same when it is not, instead of naming the same level twice; with no
/// age recorded, of a person who is a child now or was one when the exploitation began.
#[test]
fn the_report_names_the_child_level_only_when_it_differs() {
    use trafficking_indicators::render::Locale;
    let differs = run(&age_unknown(&present(&[
        "deceived_about_wages",
        PURPOSE[0],
        PURPOSE[1],
    ])));
    let same = run(&age_unknown(&[]));
    assert_ne!(differs.level_if_child, Some(differs.level));
    assert_eq!(same.level_if_child, Some(same.level));
    let head = |text: String| text.lines().take(8).collect::<Vec<_>>().join("\n");
    let en = head(differs.report());
    assert!(
        en.contains(
            "If the person is a child, or was one when the exploitation began, the level would be DEFINITION MET."
        ),
        "{en}"
    );
    let en = head(same.report());
    assert!(en.contains("the level would be the same."), "{en}");
    assert!(!en.contains("the level would be NO INDICATORS"), "{en}");
    let ko = head(differs.report_in(Locale::Ko));
    assert!(
        ko.contains("지금 아동(이 규칙 세트의 연령 기준)이거나 착취가 시작될 때 그러했다면 ‘정의 충족’ 수준임."),
        "{ko}"
    );
    let ko = head(same.report_in(Locale::Ko));
    assert!(
        ko.contains("지금 아동(이 규칙 세트의 연령 기준)이거나 착취가 시작될 때 그러했더라도 판단 수준은 같음."),
        "{ko}"
    );
}

/// A year of birth alone gives no age (no date is recorded to count from), so it may stand
/// beside `possibly_minor`, and the presumption applies; with the year the exploitation began
/// it records the age at the act, and the two contradict each other.
#[test]
fn a_year_of_birth_alone_leaves_room_for_the_presumption() {
    let obs = present(&["deceived_about_wages", PURPOSE[0], PURPOSE[1]]);
    let subject = Subject {
        possibly_minor: Some(true),
        birth_year: Some(2009),
        ..Subject::default()
    };
    let mut case = with_subject(subject, &obs);
    let a = run(&case);
    assert!(a.explanation.subject.treated_as_child);
    case.exploitation_began_year = Some(2024);
    let json = serde_json::to_string(&case).expect("JSON");
    let refused = trafficking_indicators::Case::from_json(&json).expect_err("contradiction");
    assert!(
        refused
            .to_string()
            .starts_with("`$.subject.possibly_minor` and `$.subject.birth_year` contradict"),
        "{refused}"
    );
}

/// With reasons to believe the person is a child, the child rules apply as a presumption.
#[test]
fn possible_minor_is_presumed_a_child_and_says_so() {
    let obs = present(&["deceived_about_wages", PURPOSE[0], PURPOSE[1]]);
    let subject = Subject {
        possibly_minor: Some(true),
        ..Subject::default()
    };
    let a = run(&with_subject(subject, &obs));
    assert_eq!(a.level, Level::DefinitionMet);
    assert_eq!(a.level_if_child, None);
    assert!(a.explanation.subject.treated_as_child);
    assert!(
        a.explanation
            .notices
            .iter()
            .any(|n| n.kind == NoticeKind::ChildPresumed)
    );
    assert!(
        a.recommendation(RecommendationKind::ChildProtectionReferral)
            .is_some()
    );
}

#[test]
fn age_rules_under_and_over_eighteen() {
    let obs = present(&["deceived_about_wages", PURPOSE[0], PURPOSE[1]]);
    let level = |subject: Subject| run(&with_subject(subject, &obs)).level;
    let age = |years| Subject {
        age_years: Some(years),
        ..Subject::default()
    };
    assert_eq!(level(age(17)), Level::DefinitionMet);
    assert_eq!(level(age(18)), Level::FurtherInquiry);
    assert_eq!(
        level(Subject {
            minor: Some(true),
            ..Subject::default()
        }),
        Level::DefinitionMet
    );
    assert_eq!(
        level(Subject {
            minor: Some(false),
            ..Subject::default()
        }),
        Level::FurtherInquiry
    );
}

#[test]
fn a_possible_child_is_never_assessed_below_an_adult() {
    // The child rule only removes a requirement and the children's strengths only raise
    // strengths, so the same evidence never gives a lower level for a possible child.
    for obs in [
        present(&ids(&[&ACT, &PURPOSE, &MEANS])),
        present(&ids(&[&PURPOSE, &MEANS])),
        present(&[
            "deceived_about_education",
            "no_access_to_education",
            PURPOSE[0],
        ]),
        present(&[MEANS[0]]),
    ] {
        assert!(run(&age_unknown(&obs)).level >= run(&adult(&obs)).level);
        assert!(run(&age_unknown(&obs)).score >= run(&adult(&obs)).score);
    }
}

#[test]
fn non_punishment_advisory_appears_with_offences_at_reasonable_grounds() {
    let case = with_offences(
        adult(&present(&ids(&[&PURPOSE, &MEANS]))),
        &[OffenceKind::IrregularStay],
    );
    let a = run(&case);
    assert_eq!(a.level, Level::ReasonableGrounds);
    let advisory = a
        .recommendation(RecommendationKind::NonPunishment)
        .expect("advisory");
    assert_eq!(advisory.offences.len(), 1);
    let linked: Vec<&str> = advisory.offences[0]
        .linked_indicators
        .iter()
        .map(|l| l.id.as_str())
        .collect();
    // Irregular stay with confiscated documents and withheld wages.
    assert_eq!(
        linked,
        vec![
            "confiscation_of_documents_at_destination",
            "withholding_of_wages"
        ]
    );
    let cites: Vec<&str> = advisory
        .legal_basis
        .iter()
        .map(|c| c.reference.as_str())
        .collect();
    assert_eq!(
        cites,
        vec![
            "coe_cets_197_art_26",
            "eu_directive_2011_36_art_8",
            "ohchr_guideline_4_5",
            "asean_actip_art_14_7"
        ]
    );
}

#[test]
fn prostitution_charge_is_linked_to_forced_clients() {
    let obs = present(&[
        "forced_tasks_or_clients",
        "debt_bondage_at_destination",
        PURPOSE[0],
        PURPOSE[1],
    ]);
    let a = run(&with_offences(adult(&obs), &[OffenceKind::Prostitution]));
    let advisory = a
        .recommendation(RecommendationKind::NonPunishment)
        .expect("advisory");
    let linked: Vec<&str> = advisory.offences[0]
        .linked_indicators
        .iter()
        .map(|l| l.id.as_str())
        .collect();
    assert!(linked.contains(&"forced_tasks_or_clients"), "{linked:?}");
    assert!(
        linked.contains(&"debt_bondage_at_destination"),
        "{linked:?}"
    );
}

#[test]
fn non_punishment_advisory_is_absent_below_reasonable_grounds() {
    let case = with_offences(adult(&present(&[MEANS[0]])), &[OffenceKind::IrregularStay]);
    let a = run(&case);
    assert_eq!(a.level, Level::FurtherInquiry);
    assert!(
        a.recommendation(RecommendationKind::NonPunishment)
            .is_none()
    );
    // ... but the reader is told offences are waiting on the open questions.
    assert!(
        a.explanation
            .notices
            .iter()
            .any(|n| n.kind == NoticeKind::OffencesBelowThreshold)
    );
}

#[test]
fn non_punishment_advisory_is_absent_without_offences() {
    let a = run(&adult(&present(&ids(&[&PURPOSE, &MEANS]))));
    assert_eq!(a.level, Level::ReasonableGrounds);
    assert!(
        a.recommendation(RecommendationKind::NonPunishment)
            .is_none()
    );
}

#[test]
fn each_offence_kind_gets_its_own_advisory_entry() {
    let case = with_offences(
        adult(&present(&ids(&[&ACT, &PURPOSE, &MEANS]))),
        &[
            OffenceKind::Prostitution,
            OffenceKind::IrregularStay,
            OffenceKind::Prostitution,
        ],
    );
    let a = run(&case);
    let advisory = a
        .recommendation(RecommendationKind::NonPunishment)
        .expect("advisory");
    let kinds: Vec<(OffenceKind, u32)> = advisory
        .offences
        .iter()
        .map(|o| (o.offence, o.recorded))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (OffenceKind::IrregularStay, 1),
            (OffenceKind::Prostitution, 2)
        ]
    );
}

#[test]
fn protection_recommendations_start_at_reasonable_grounds() {
    let rg = run(&adult(&present(&ids(&[&PURPOSE, &MEANS]))));
    let kinds: Vec<RecommendationKind> = rg.recommendations.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        vec![
            RecommendationKind::ReferralToAssistance,
            RecommendationKind::RecoveryAndReflectionPeriod,
            RecommendationKind::NoRemovalPendingIdentification
        ]
    );
    let fi = run(&adult(&present(&[MEANS[0]])));
    let kinds: Vec<RecommendationKind> = fi.recommendations.iter().map(|r| r.kind).collect();
    assert_eq!(kinds, vec![RecommendationKind::ContinueIdentification]);
    assert!(run(&adult(&[])).recommendations.is_empty());
}

/// A person trafficked as a child who is an adult now keeps the child rules for the
/// definition (the age at the act), but an offence may have been committed after they came
/// of age, when whether they were compelled matters again: the non-punishment lines say so
/// instead of "do not ask whether the child was compelled" (an international verdict review,
/// thirtieth session: a woman of 24, brought to London at 14 by her aunt, overstaying for ten
/// years). The same case with an age now of 16 keeps the child's lines.
#[test]
fn a_person_trafficked_as_a_child_who_is_an_adult_now_gets_non_punishment_lines_of_their_own() {
    use trafficking_indicators::render::Locale;
    use trafficking_indicators::{Assessor, Case};
    let file = "tests/cases/p30_review_ilo_nigerian_woman_24_brought_at_14_by_aunt_domestic_servitude_london_ten_years_overstayer.json";
    let text = std::fs::read_to_string(crate::common::root(file)).expect("the data case");
    let doc: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    for (age_now, adult_now) in [(24, true), (16, false)] {
        let mut case = doc["case"].clone();
        case["subject"]["age_years"] = serde_json::json!(age_now);
        let case = Case::from_json(&case.to_string()).expect("case");
        for rule_set in ["ilo-2009", "kr-2024"] {
            let a = Assessor::builtin(rule_set)
                .expect("built in")
                .assess(&case)
                .expect("assesses");
            let np = a
                .recommendation(RecommendationKind::NonPunishment)
                .expect("the advisory");
            assert!(
                np.for_child,
                "{rule_set}: the child rules apply at {age_now}"
            );
            for locale in Locale::ALL {
                let report = a.report_in(locale);
                let said = report.contains("an adult now") || report.contains("현재 성인");
                assert_eq!(said, adult_now, "{rule_set} {locale:?} {age_now}\n{report}");
                if adult_now {
                    for told in [
                        "do not ask whether the child was compelled",
                        "아동이 강요받았는지 묻지 말 것",
                    ] {
                        assert!(!report.contains(told), "{rule_set} {locale:?}\n{report}");
                    }
                }
            }
        }
    }
}
