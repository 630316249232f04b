//! Test cases as data: every `tests/cases/*.json` file is a case, the rule set to use, and
//! the expected outcome. A domain expert adds a case without writing Rust.
//!
//! ```json
//! {
//!   "description": "what the case checks, in words",
//!   "rule_set": "ilo-2009",
//!   "case": { ... a case document ... },
//!   "expected": {
//!     "level": "reasonable_grounds",
//!     "positive_dimensions": ["coercion_at_destination"],
//!     "recommendations": ["referral_to_assistance", "no_removal_pending_identification"],
//!     "score": 25.0,
//!     "non_punishment_links": { "irregular_stay": ["confiscation_of_documents_at_destination"] }
//!   }
//! }
//! ```
//!
//! `positive_dimensions` and `recommendations` are compared as sets. `score` and
//! `non_punishment_links` are optional. A case that must be rejected gives
//! `"expected": { "error": "text the error message contains" }` instead. The runner checks every
//! file and reports every mismatch, by file, before failing.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use trafficking_indicators::{Assessor, Case, RecommendationKind};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DataCase {
    description: String,
    rule_set: String,
    case: serde_json::Value,
    expected: Expected,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    /// The level (`no_indicators`, `further_inquiry`, `reasonable_grounds`,
    /// `definition_met`); required unless `error` is given.
    level: Option<String>,
    /// The dimensions positive under the combination rule (set equality).
    positive_dimensions: Option<BTreeSet<String>>,
    /// Every recommendation kind given (set equality).
    recommendations: Option<BTreeSet<String>>,
    /// The score, to within 1e-6.
    score: Option<f64>,
    /// Per offence of the non-punishment advisory, the ids of the indicators linked to it
    /// (map and sets compared exactly; no advisory is an empty map).
    non_punishment_links: Option<BTreeMap<String, BTreeSet<String>>>,
    /// The case must be refused (by the reader or the assessment) with an error whose message
    /// contains this text; nothing else is then checked. (A rule set that does not load fails
    /// the data case whatever it expects.)
    error: Option<String>,
    /// The Palermo elements met: `act`, `means`, `purpose` (set equality).
    elements_met: Option<BTreeSet<String>>,
    /// Whether the child rules applied (the age at the act, else the age now, or the
    /// presumption).
    treated_as_child: Option<bool>,
    /// The level the child rules would give where the adult rules applied; `null` means it
    /// must be absent.
    #[serde(default, deserialize_with = "present")]
    level_if_child: Option<Option<String>>,
    /// What the subject finding asks first (`age_or_reasons_to_believe_child`, `birth_year`,
    /// `age_at_exploitation`, ...); `null` means nothing.
    #[serde(default, deserialize_with = "present")]
    ask_first: Option<Option<String>>,
    /// Notice kinds that must be among the explanation's notices.
    notices_include: Option<BTreeSet<String>>,
    /// Recommendation kinds that must, or must not, be given (others may be).
    recommendations_include: Option<BTreeSet<String>>,
    recommendations_exclude: Option<BTreeSet<String>>,
    /// The offences the non-punishment advisory names (set equality; none is empty).
    non_punishment_offences: Option<BTreeSet<String>>,
    /// Per recommendation kind: reference ids its legal basis must include (its own, its
    /// additions' and, for the non-punishment advisory, its offences').
    citations_include: Option<BTreeMap<String, BTreeSet<String>>>,
    /// The offences and measures protection pending identification names.
    pending_grounds: Option<BTreeSet<String>>,
    /// Offences past the decision to charge (every listing charged or convicted), as both
    /// protection pending identification and the non-punishment advisory give them.
    already_charged: Option<BTreeSet<String>>,
    /// Offences the non-punishment advisory covers unconditionally (a child).
    unconditional_offences: Option<BTreeSet<String>>,
    /// Contact ids that must, or must not, be named.
    contacts_include: Option<BTreeSet<String>>,
    contacts_exclude: Option<BTreeSet<String>>,
    /// Recommendation kinds flagged "if the person is not a national" (set equality).
    if_not_national: Option<BTreeSet<String>>,
    /// Words no recommendation text (or addition) may contain.
    texts_exclude: Option<Vec<String>>,
    /// Words some recommendation text (or addition) must contain, each in the English prose.
    texts_include: Option<Vec<String>>,
}

/// A field given as `null` is `Some(None)`: "expected absent", not "not checked".
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

fn name<T: serde::Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Runs one file; returns its mismatches.
fn check(text: &str) -> Vec<String> {
    let data: DataCase = match serde_json::from_str(text) {
        Ok(d) => d,
        Err(e) => return vec![format!("not a test case file: {e}")],
    };
    let mut problems = Vec::new();
    if data.description.trim().is_empty() {
        problems.push("description is empty".to_owned());
    }
    let assessor = match Assessor::builtin(&data.rule_set) {
        Ok(a) => a,
        Err(e) => return vec![format!("rule set: {e}")],
    };
    let outcome = Case::from_json(&data.case.to_string()).and_then(|c| assessor.assess(&c));
    let e = &data.expected;
    let a = match (outcome, &e.error) {
        (Err(err), Some(want)) => {
            if !err.to_string().contains(want.as_str()) {
                problems.push(format!("error `{err}` does not contain `{want}`"));
            }
            return problems;
        }
        (Err(err), None) => return vec![format!("unexpected error: {err}")],
        (Ok(a), Some(want)) => {
            return vec![format!(
                "expected an error containing `{want}`, got level {}",
                a.level
            )];
        }
        (Ok(a), None) => a,
    };
    if e.level.is_none() {
        problems.push("expected.level is required".to_owned());
    }
    if let Some(level) = &e.level
        && a.level.as_str() != level
    {
        problems.push(format!("level: expected {level}, got {}", a.level));
    }
    if let Some(dims) = &e.positive_dimensions {
        let got: BTreeSet<String> = a
            .positive_dimensions()
            .iter()
            .map(|d| d.as_str().to_owned())
            .collect();
        if &got != dims {
            problems.push(format!(
                "positive dimensions: expected {dims:?}, got {got:?}"
            ));
        }
    }
    if let Some(recs) = &e.recommendations {
        let got: BTreeSet<String> = a.recommendations.iter().map(|r| name(r.kind)).collect();
        if &got != recs {
            problems.push(format!("recommendations: expected {recs:?}, got {got:?}"));
        }
    }
    if let Some(score) = e.score
        && (a.score - score).abs() > 1e-6
    {
        problems.push(format!("score: expected {score}, got {}", a.score));
    }
    if let Some(links) = &e.non_punishment_links {
        let got: BTreeMap<String, BTreeSet<String>> = a
            .recommendation(RecommendationKind::NonPunishment)
            .map(|r| {
                r.offences
                    .iter()
                    .map(|o| {
                        (
                            o.offence.as_str().to_owned(),
                            o.linked_indicators
                                .iter()
                                .map(|l| l.id.to_string())
                                .collect(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        if &got != links {
            problems.push(format!(
                "non-punishment links: expected {links:?}, got {got:?}"
            ));
        }
    }
    let x = &a.explanation;
    if let Some(want) = &e.elements_met {
        let got: BTreeSet<String> = x
            .elements
            .iter()
            .filter(|el| el.met)
            .map(|el| name(el.element))
            .collect();
        if &got != want {
            problems.push(format!("elements met: expected {want:?}, got {got:?}"));
        }
    }
    if let Some(want) = e.treated_as_child
        && x.subject.treated_as_child != want
    {
        problems.push(format!(
            "treated as child: expected {want}, got {}",
            x.subject.treated_as_child
        ));
    }
    if let Some(want) = &e.level_if_child {
        let got = a.level_if_child.map(|l| l.as_str().to_owned());
        if &got != want {
            problems.push(format!("level_if_child: expected {want:?}, got {got:?}"));
        }
    }
    if let Some(want) = &e.ask_first {
        let got = x.subject.ask_first.map(name);
        if &got != want {
            problems.push(format!("ask_first: expected {want:?}, got {got:?}"));
        }
    }
    if let Some(want) = &e.notices_include {
        let got: BTreeSet<String> = x.notices.iter().map(|n| name(n.kind)).collect();
        for kind in want.difference(&got) {
            problems.push(format!("notice `{kind}` missing; got {got:?}"));
        }
    }
    let recs: BTreeSet<String> = a.recommendations.iter().map(|r| name(r.kind)).collect();
    if let Some(want) = &e.recommendations_include {
        for kind in want.difference(&recs) {
            problems.push(format!("recommendation `{kind}` missing; got {recs:?}"));
        }
    }
    if let Some(unwanted) = &e.recommendations_exclude {
        for kind in unwanted.intersection(&recs) {
            problems.push(format!("recommendation `{kind}` must not be given"));
        }
    }
    if let Some(want) = &e.non_punishment_offences {
        let got: BTreeSet<String> = a
            .recommendation(RecommendationKind::NonPunishment)
            .map(|r| r.offences.iter().map(|o| name(o.offence)).collect())
            .unwrap_or_default();
        if &got != want {
            problems.push(format!(
                "non-punishment offences: expected {want:?}, got {got:?}"
            ));
        }
    }
    if let Some(want) = &e.citations_include {
        for (kind, ids) in want {
            let Some(r) = a.recommendations.iter().find(|r| &name(r.kind) == kind) else {
                problems.push(format!("citations: recommendation `{kind}` not given"));
                continue;
            };
            let got: BTreeSet<String> = r
                .legal_basis
                .iter()
                .chain(r.additions.iter().flat_map(|p| p.legal_basis.iter()))
                .chain(r.offences.iter().flat_map(|o| o.legal_basis.iter()))
                .map(|c| c.reference.to_string())
                .collect();
            for id in ids.difference(&got) {
                problems.push(format!("`{kind}` does not cite `{id}`; cites {got:?}"));
            }
        }
    }
    if let Some(want) = &e.pending_grounds {
        let got: BTreeSet<String> = a
            .recommendation(RecommendationKind::ProtectionPendingIdentification)
            .map(|r| {
                r.pending_offences
                    .iter()
                    .map(|o| name(*o))
                    .chain(r.measures.iter().map(|m| name(*m)))
                    .collect()
            })
            .unwrap_or_default();
        if &got != want {
            problems.push(format!("pending grounds: expected {want:?}, got {got:?}"));
        }
    }
    if let Some(want) = &e.already_charged {
        for kind in [
            RecommendationKind::ProtectionPendingIdentification,
            RecommendationKind::NonPunishment,
        ] {
            let got: Option<BTreeSet<String>> = a
                .recommendation(kind)
                .map(|r| r.already_charged.iter().map(|o| name(*o)).collect());
            if got.as_ref() != Some(want) {
                problems.push(format!(
                    "{}: already charged: expected {want:?}, got {got:?}",
                    name(kind)
                ));
            }
        }
    }
    if let Some(want) = &e.unconditional_offences {
        let got: BTreeSet<String> = a
            .recommendation(RecommendationKind::NonPunishment)
            .map(|r| {
                r.offences
                    .iter()
                    .filter(|o| o.unconditional)
                    .map(|o| name(o.offence))
                    .collect()
            })
            .unwrap_or_default();
        if &got != want {
            problems.push(format!(
                "unconditional offences: expected {want:?}, got {got:?}"
            ));
        }
    }
    let contacts: BTreeSet<String> = a.contacts.iter().map(|c| c.id.to_string()).collect();
    if let Some(want) = &e.contacts_include {
        for id in want.difference(&contacts) {
            problems.push(format!("contact `{id}` missing; got {contacts:?}"));
        }
    }
    if let Some(unwanted) = &e.contacts_exclude {
        for id in unwanted.intersection(&contacts) {
            problems.push(format!("contact `{id}` must not be named"));
        }
    }
    if let Some(want) = &e.if_not_national {
        let got: BTreeSet<String> = a
            .recommendations
            .iter()
            .filter(|r| r.if_not_national || r.additions.iter().any(|p| p.if_not_national))
            .map(|r| name(r.kind))
            .collect();
        if &got != want {
            problems.push(format!("if_not_national: expected {want:?}, got {got:?}"));
        }
    }
    if e.texts_exclude.is_some() || e.texts_include.is_some() {
        // Every recommendation text and addition, in the English prose, with its kind.
        let prose = a.prose(trafficking_indicators::render::Locale::En);
        let texts: Vec<(RecommendationKind, &str)> = prose
            .recommendations
            .iter()
            .flat_map(|r| {
                std::iter::once(r.text.as_str())
                    .chain(r.additions.iter().map(String::as_str))
                    .map(move |text| (r.kind, text))
            })
            .collect();
        for w in e.texts_exclude.iter().flatten() {
            for (kind, text) in &texts {
                if text.contains(w.as_str()) {
                    problems.push(format!("`{}` says `{w}`", name(*kind)));
                }
            }
        }
        for w in e.texts_include.iter().flatten() {
            if !texts.iter().any(|(_, text)| text.contains(w.as_str())) {
                problems.push(format!("no recommendation says `{w}`"));
            }
        }
    }
    problems
}

#[test]
fn every_data_case_gives_its_expected_outcome() {
    let files = crate::common::data_case_files();
    let mut report = Vec::new();
    let mut rule_sets = BTreeSet::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("readable");
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&text)
            && let Some(id) = v["rule_set"].as_str()
        {
            rule_sets.insert(id.to_owned());
        }
        for problem in check(&text) {
            report.push(format!(
                "{}: {problem}",
                path.file_name().and_then(|n| n.to_str()).unwrap_or("?")
            ));
        }
    }
    assert!(
        report.is_empty(),
        "{} mismatch(es):\n{}",
        report.len(),
        report.join("\n")
    );
    assert!(
        files.len() >= 20,
        "at least 20 data cases, found {}",
        files.len()
    );
    assert!(
        rule_sets.contains("ilo-2009") && rule_sets.contains("kr-2023"),
        "{rule_sets:?}"
    );
}

#[test]
fn a_wrong_expectation_is_reported_not_ignored() {
    let text = r#"{"description": "deliberately wrong", "rule_set": "ilo-2009",
        "case": {"subject": {"age_years": 30}},
        "expected": {"level": "definition_met", "positive_dimensions": ["coercion_at_destination"], "recommendations": ["non_punishment"]}}"#;
    let problems = check(text);
    assert_eq!(problems.len(), 3, "{problems:?}");
}
