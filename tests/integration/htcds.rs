//! HTCDS: the `vic_MethodsOfControl` picklist through the crosswalk, and the trafficking status
//! a screening may (and may never) claim.

use trafficking_indicators::interop::ctdc::{ControlColumn, Crosswalk};
use trafficking_indicators::interop::htcds::{
    self, HtcdsError, MethodOfControl, TraffickingStatus, trafficking_status,
};
use trafficking_indicators::model::CtdcMeansOfControl;
use trafficking_indicators::{Case, Level, ObservationStatus, Subject, assess};

use crate::common::root;

/// The v2.0 picklist as `Toolkit/Survey/htcds_xlsform.xml` lists it (values and labels).
const PICKLIST: [(&str, &str); 16] = [
    ("PhysicalThreats", "Physical threats"),
    ("ThreatsLawEnforcement", "Threats of law enforcement"),
    ("ThreatensChildrenFamily", "Threatens children/family"),
    ("DebtBondage", "Debt bondage"),
    ("FalsePromises", "False promises"),
    ("PhysicalAbuse", "Physical abuse"),
    ("SexualAbuse", "Sexual abuse"),
    ("TakesEarnings", "Takes earnings"),
    ("RestrictsFinancialAccess", "Restricts financial access"),
    ("RestrictsMedicalCare", "Restricts medical care"),
    ("WithholdsNecessities", "Withholds necessities"),
    ("PsychologicalAbuse", "Psychological abuse"),
    ("PsychoactiveSubstance", "Psychoactive substance"),
    ("ExcessiveWorkingHours", "Excessive working hours"),
    ("WithholdsDocuments", "Withholds documents"),
    ("Other", "Other"),
];

/// The shared crosswalk (`../shared/data/ctdc/means-of-control-crosswalk.csv`): CTDC column to
/// HTCDS picklist value.
const SHARED: [(&str, Option<&str>); 18] = [
    ("meansOfControlDebtBondage", Some("DebtBondage")),
    ("meansOfControlTakesEarnings", Some("TakesEarnings")),
    (
        "meansOfControlRestrictsFinancialAccess",
        Some("RestrictsFinancialAccess"),
    ),
    ("meansOfControlThreats", Some("PhysicalThreats")),
    (
        "meansOfControlPsychologicalAbuse",
        Some("PsychologicalAbuse"),
    ),
    ("meansOfControlPhysicalAbuse", Some("PhysicalAbuse")),
    ("meansOfControlSexualAbuse", Some("SexualAbuse")),
    ("meansOfControlFalsePromises", Some("FalsePromises")),
    (
        "meansOfControlPsychoactiveSubstances",
        Some("PsychoactiveSubstance"),
    ),
    ("meansOfControlRestrictsMovement", None),
    (
        "meansOfControlRestrictsMedicalCare",
        Some("RestrictsMedicalCare"),
    ),
    (
        "meansOfControlExcessiveWorkingHours",
        Some("ExcessiveWorkingHours"),
    ),
    (
        "meansOfControlUsesChildren",
        Some("ThreatensChildrenFamily"),
    ),
    (
        "meansOfControlThreatOfLawEnforcement",
        Some("ThreatsLawEnforcement"),
    ),
    (
        "meansOfControlWithholdsNecessities",
        Some("WithholdsNecessities"),
    ),
    (
        "meansOfControlWithholdsDocuments",
        Some("WithholdsDocuments"),
    ),
    ("meansOfControlOther", Some("Other")),
    ("meansOfControlNotSpecified", None),
];

#[test]
fn picklist_values_are_spelled_as_the_standard() {
    assert_eq!(MethodOfControl::ALL.len(), 16);
    for (m, (value, label)) in MethodOfControl::ALL.iter().zip(PICKLIST) {
        assert_eq!(m.as_str(), value);
        assert_eq!(m.label(), label);
        assert_eq!(serde_json::to_value(m).expect("json"), value);
        let back: MethodOfControl =
            serde_json::from_value(serde_json::Value::from(value)).expect("reads");
        assert_eq!(back, *m);
    }
}

#[test]
fn the_crosswalk_gives_each_column_its_shared_picklist_value() {
    for (column, value) in SHARED {
        let row = Crosswalk::builtin()
            .rows
            .iter()
            .find(|r| r.column.column() == column)
            .expect("a row");
        assert_eq!(
            row.htcds_picklist.map(MethodOfControl::as_str),
            value,
            "{column}"
        );
    }
    // Every picklist value is reached exactly once, and back.
    for m in MethodOfControl::ALL {
        let column = m.ctdc_column().expect("a column");
        assert_eq!(
            Crosswalk::builtin()
                .row(column)
                .and_then(|r| r.htcds_picklist),
            Some(m)
        );
        assert_eq!(
            m.indicators().is_empty(),
            m == MethodOfControl::Other,
            "{m}"
        );
    }
}

#[test]
fn the_standards_inconsistencies_are_recorded() {
    // 1. RestrictsMovement: defined, not in the picklist.
    let row = Crosswalk::builtin()
        .row(ControlColumn::Means(CtdcMeansOfControl::RestrictsMovement))
        .expect("row");
    assert_eq!(row.htcds_picklist, None);
    assert_eq!(
        row.htcds_field_definitions_name.as_deref(),
        Some("MethodsOfControlRestrictsMovement")
    );
    assert!(row.note.as_deref().is_some_and(|n| n.contains("picklist")));
    // 2. Field Definitions names differ from the picklist values for four values.
    let differing: Vec<MethodOfControl> = MethodOfControl::ALL
        .into_iter()
        .filter(|m| m.field_definitions_name() != format!("MethodsOfControl{}", m.as_str()))
        .collect();
    assert_eq!(
        differing,
        [
            MethodOfControl::PhysicalThreats,
            MethodOfControl::ThreatsLawEnforcement,
            MethodOfControl::ThreatensChildrenFamily,
            MethodOfControl::PsychoactiveSubstance,
        ]
    );
    for m in MethodOfControl::ALL {
        assert_eq!(
            m.crosswalk_row()
                .and_then(|r| r.htcds_field_definitions_name.as_deref()),
            Some(m.field_definitions_name())
        );
    }
    // 3. The XLSForm field name.
    assert_eq!(htcds::METHODS_OF_CONTROL_FIELD, "vic_MethodsOfControl");
    assert_eq!(
        htcds::METHODS_OF_CONTROL_FIELD_XLSFORM,
        "vic_Methods_of_Control"
    );
    assert_eq!(Crosswalk::builtin().notes.len(), 4);
}

fn adult_case(values: &[MethodOfControl]) -> Case {
    Case {
        subject: Subject {
            minor: Some(false),
            ..Subject::default()
        },
        observations: htcds::observations(values),
        ..Case::default()
    }
}

#[test]
fn picklist_values_become_present_observations_and_come_back() {
    for m in MethodOfControl::ALL {
        let observations = htcds::observations(&[m]);
        assert_eq!(observations.len(), m.indicators().len(), "{m}");
        assert!(
            observations
                .iter()
                .all(|o| o.status == ObservationStatus::Present && o.source.is_none())
        );
        let a = assess(&adult_case(&[m])).expect("assesses");
        let found = htcds::methods_of_control(&a);
        assert_eq!(
            found.iter().any(|f| f.value == m),
            m != MethodOfControl::Other,
            "{m}"
        );
    }
    // Everything at once: values that share an indicator come back as "one of".
    let a = assess(&adult_case(&MethodOfControl::ALL)).expect("assesses");
    let summary = htcds::summary(&a);
    assert_eq!(
        summary.one_of,
        vec![
            vec![MethodOfControl::PhysicalAbuse, MethodOfControl::SexualAbuse],
            vec![
                MethodOfControl::PsychologicalAbuse,
                MethodOfControl::PsychoactiveSubstance
            ],
        ]
    );
    assert_eq!(summary.methods_of_control.len(), 11);
    assert!(!summary.methods_of_control.contains(&MethodOfControl::Other));
    assert_eq!(
        summary.trafficking_status,
        Some(TraffickingStatus::PossibleVictimOfTrafficking)
    );
    let json = serde_json::to_value(&summary).expect("json");
    assert!(json.get("vic_TraffickingStatus").is_some());
    assert!(json.get("vic_MethodsOfControl").is_some());
    // Repeated values give one observation each.
    let twice =
        htcds::observations(&[MethodOfControl::PhysicalAbuse, MethodOfControl::SexualAbuse]);
    assert_eq!(twice.len(), 1);
}

#[test]
fn what_htcds_cannot_express_is_listed() {
    let mut case = adult_case(&[MethodOfControl::ExcessiveWorkingHours]);
    case.observations
        .push(trafficking_indicators::Observation::new(
            "isolation_confinement_or_surveillance_at_destination"
                .parse()
                .expect("id"),
            ObservationStatus::Present,
        ));
    let summary = htcds::summary(&assess(&case).expect("assesses"));
    assert_eq!(
        summary
            .without_picklist_value
            .iter()
            .map(|i| i.as_str())
            .collect::<Vec<_>>(),
        ["isolation_confinement_or_surveillance_at_destination"]
    );
    assert_eq!(
        summary.methods_of_control,
        [MethodOfControl::ExcessiveWorkingHours]
    );
}

#[test]
fn multi_select_text_is_read_and_a_value_never_shown() {
    assert_eq!(
        MethodOfControl::parse_list("DebtBondage;TakesEarnings DebtBondage ;"),
        Ok(vec![
            MethodOfControl::DebtBondage,
            MethodOfControl::TakesEarnings
        ])
    );
    assert_eq!(MethodOfControl::parse_list(""), Ok(vec![]));
    // A byte-order mark before the text (read from the start of a file written on Windows).
    assert_eq!(
        MethodOfControl::parse_list("\u{feff}DebtBondage;Other"),
        Ok(vec![MethodOfControl::DebtBondage, MethodOfControl::Other])
    );
    let err = MethodOfControl::parse_list("DebtBondage;RestrictsMovement").expect_err("gap");
    let HtcdsError::UnknownValue { position, .. } = &err else {
        panic!("{err}");
    };
    assert_eq!(*position, 1);
    // The message counts as a person reading the export does: the second item is number 2.
    assert!(
        err.to_string().contains("item number 2 of the list"),
        "{err}"
    );
    assert!(!err.to_string().contains("RestrictsMovement"), "{err}");
    // A short word is never shown either: a value is about a person.
    let err = MethodOfControl::parse_list("Beaten").expect_err("unknown");
    assert!(!err.to_string().contains("Beaten"), "{err}");
    assert!(
        err.to_string().ends_with("(the value is not shown)"),
        "{err}"
    );
    let err = "he;beat;her;every;day;confidential"
        .parse::<MethodOfControl>()
        .expect_err("x");
    assert!(!err.to_string().contains("confidential"), "{err}");
    // Read through serde (an export read as JSON): the same values, and no value repeated,
    // whatever its type (serde's derived reader quoted `Beaten`, `17`, `true`).
    let read = |v: serde_json::Value| serde_json::from_value::<Vec<MethodOfControl>>(v);
    assert_eq!(
        read(serde_json::json!(["DebtBondage", "TakesEarnings"])).expect("values"),
        [MethodOfControl::DebtBondage, MethodOfControl::TakesEarnings]
    );
    for (value, shown) in [
        (serde_json::json!(["Beaten"]), "Beaten"),
        (serde_json::json!([17]), "17"),
        (serde_json::json!([true]), "true"),
        (serde_json::json!([1.5]), "1.5"),
    ] {
        let err = read(value).expect_err("not a picklist value");
        assert!(!err.to_string().contains(shown), "{err}");
        assert!(err.to_string().contains("not shown"), "{err}");
    }
}

/// `vic_TraffickingStatus` read back (a stored summary, an export) gives each value, and an
/// error never repeats what the cell held (serde's derived reader quoted it, a name
/// included, until the nineteenth session).
#[test]
fn a_trafficking_status_is_read_back_without_quoting_a_wrong_value() {
    for status in TraffickingStatus::ALL {
        let json = serde_json::to_string(&status).expect("serializes");
        assert_eq!(json, format!("\"{status}\""));
        assert_eq!(
            serde_json::from_str::<TraffickingStatus>(&json).expect("reads back"),
            status
        );
    }
    for (value, shown) in [
        (r#""Maria Kim, 17, Busan""#, "Maria"),
        ("17", "17"),
        ("true", "true"),
    ] {
        let err = serde_json::from_str::<TraffickingStatus>(value).expect_err("not a status");
        assert!(!err.to_string().contains(shown), "{err}");
        assert!(err.to_string().contains("vic_TraffickingStatus"), "{err}");
        assert!(err.to_string().contains("not shown"), "{err}");
    }
}

/// A screening never claims `ActualVictimOfTrafficking` (a legal decision) or
/// `NotAVictimOfTrafficking`; it says `PossibleVictimOfTrafficking` from reasonable grounds.
#[test]
fn the_status_is_possible_from_reasonable_grounds_and_never_actual() {
    let mut assessments: Vec<_> = super::ctdc::sample_records()
        .iter()
        .map(|r| assess(&r.case).expect("assesses"))
        .collect();
    for entry in std::fs::read_dir(root("examples/cases")).expect("cases") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        assessments.push(assess(&Case::from_json(&text).expect("case")).expect("assesses"));
    }
    let mut levels = std::collections::BTreeSet::new();
    for a in &assessments {
        levels.insert(a.level);
        let status = trafficking_status(a);
        assert_ne!(status, Some(TraffickingStatus::ActualVictimOfTrafficking));
        assert_ne!(status, Some(TraffickingStatus::NotAVictimOfTrafficking));
        assert_eq!(
            status == Some(TraffickingStatus::PossibleVictimOfTrafficking),
            a.level >= Level::ReasonableGrounds
        );
    }
    assert!(levels.len() >= 3, "{levels:?}");
}
