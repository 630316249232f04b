//! Helpers shared by the integration tests.

use trafficking_indicators::{
    Assessment, Case, EvidenceSource, IndicatorId, Observation, ObservationStatus, Offence,
    OffenceKind, Subject, assess,
};

/// An adult (age 30) case with these observations, forms left open.
pub fn adult(observations: &[(&str, ObservationStatus)]) -> Case {
    with_subject(
        Subject {
            age_years: Some(30),
            ..Subject::default()
        },
        observations,
    )
}

/// A child (age 15) case with these observations.
pub fn child(observations: &[(&str, ObservationStatus)]) -> Case {
    with_subject(
        Subject {
            age_years: Some(15),
            ..Subject::default()
        },
        observations,
    )
}

/// A case whose subject's age is not established.
pub fn age_unknown(observations: &[(&str, ObservationStatus)]) -> Case {
    with_subject(Subject::default(), observations)
}

pub fn with_subject(subject: Subject, observations: &[(&str, ObservationStatus)]) -> Case {
    Case {
        subject,
        observations: observations
            .iter()
            .map(|(id, status)| {
                Observation::new(IndicatorId::new(id).expect("valid id"), *status)
                    .with_source(EvidenceSource::SelfReport)
            })
            .collect(),
        ..Case::default()
    }
}

/// Present indicators.
pub fn present(ids: &[&'static str]) -> Vec<(&'static str, ObservationStatus)> {
    ids.iter()
        .map(|id| (*id, ObservationStatus::Present))
        .collect()
}

pub fn with_offences(mut case: Case, kinds: &[OffenceKind]) -> Case {
    case.offences = kinds.iter().map(|k| Offence::new(*k)).collect();
    case
}

pub fn run(case: &Case) -> Assessment {
    assess(case).expect("the case assesses")
}

/// The path of a bundled file, from the crate root.
pub fn root(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}
