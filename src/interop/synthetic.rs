//! Realistic synthetic cases, seeded and reproducible, for benchmarks, load tests and the
//! batch example's `--generate N`.
//!
//! The cases are invented: no record is derived from real people. They are shaped like real
//! screening records so that measured speeds mean something: mostly adults, some children
//! and some of unknown age; one or two forms of exploitation; about 20 observations drawn from
//! the lists relevant to the person, mixing present, absent and not-assessed answers, with a
//! source on most and a short note on some; offences on one case in five.
//!
//! The same seed always gives the same sequence of cases.

use crate::case::{
    Case, CaseReference, EvidenceSource, Note, Observation, ObservationStatus, Offence,
    OffenceKind, OffenceStage, Subject,
};
use crate::catalogue::Catalogue;
use crate::model::indicator::{AgeGroup, ExploitationForm};

/// SplitMix64: small, fast, and good enough for test data.
#[derive(Debug, Clone)]
pub(crate) struct SplitMix64(pub(crate) u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// An endless, reproducible stream of synthetic cases over a catalogue.
#[derive(Debug, Clone)]
pub struct SyntheticCases {
    rng: SplitMix64,
    seed: u64,
    count: u64,
    /// Indicator positions by list audience: adults, children, all.
    adult_ids: Vec<crate::model::id::IndicatorId>,
    child_ids: Vec<crate::model::id::IndicatorId>,
    observations: usize,
}

impl SyntheticCases {
    /// Cases over the built-in catalogue, about 20 observations each.
    pub fn new(seed: u64) -> Self {
        SyntheticCases::with_catalogue(seed, &Catalogue::builtin(), 20)
    }

    /// Cases over `catalogue`, with about `observations` observations each.
    pub fn with_catalogue(seed: u64, catalogue: &Catalogue, observations: usize) -> Self {
        let for_audience = |child: bool| {
            catalogue
                .entries()
                .iter()
                .filter(|e| {
                    e.lists.iter().any(|l| {
                        catalogue.list(l.as_str()).is_some_and(|list| {
                            list.scope.audience.covers(if child {
                                AgeGroup::Child
                            } else {
                                AgeGroup::Adult
                            })
                        })
                    })
                })
                .map(|e| e.id.clone())
                .collect::<Vec<_>>()
        };
        SyntheticCases {
            rng: SplitMix64(seed),
            seed,
            count: 0,
            adult_ids: for_audience(false),
            child_ids: for_audience(true),
            observations,
        }
    }

    fn form(&mut self) -> ExploitationForm {
        match self.rng.below(100) {
            0..=49 => ExploitationForm::Labour,
            50..=79 => ExploitationForm::Sexual,
            80..=89 => ExploitationForm::DomesticServitude,
            90..=93 => ExploitationForm::ForcedCriminality,
            94..=96 => ExploitationForm::Begging,
            97..=98 => ExploitationForm::ForcedMarriage,
            _ => ExploitationForm::Other,
        }
    }
}

impl Iterator for SyntheticCases {
    type Item = Case;

    fn next(&mut self) -> Option<Case> {
        self.count += 1;
        let rng = &mut self.rng;
        let subject = match rng.below(100) {
            0..=79 => Subject {
                age_years: Some(18 + rng.below(50) as u8),
                minor: None,
                disability: if rng.chance(5) { Some(true) } else { None },
                ..Subject::default()
            },
            80..=94 => Subject {
                age_years: Some(10 + rng.below(8) as u8),
                minor: None,
                disability: None,
                ..Subject::default()
            },
            _ => Subject::default(),
        };
        let child = subject.age_group() != AgeGroup::Adult;
        let mut forms = vec![self.form()];
        if self.rng.chance(15) {
            let second = self.form();
            if !forms.contains(&second) {
                forms.push(second);
            }
        }
        let pool = if child {
            &self.child_ids
        } else {
            &self.adult_ids
        };
        let rng = &mut self.rng;
        // Saturating: `observations` is the caller's number, and any number is allowed (no
        // case can hold more observations than the pool has entries).
        let wanted = self
            .observations
            .saturating_sub(5)
            .saturating_add(rng.below(11) as usize);
        let mut observations: Vec<Observation> = Vec::with_capacity(wanted.min(pool.len()));
        let mut tries = 0;
        while observations.len() < wanted.min(pool.len()) && tries < wanted.saturating_mul(4) {
            tries += 1;
            let Some(id) = pool.get(rng.below(pool.len() as u64) as usize) else {
                continue;
            };
            if observations.iter().any(|o| &o.indicator == id) {
                continue;
            }
            let status = match rng.below(10) {
                0..=2 => ObservationStatus::Present,
                3..=6 => ObservationStatus::Absent,
                _ => ObservationStatus::NotAssessed,
            };
            let mut o = Observation::new(id.clone(), status);
            if status != ObservationStatus::NotAssessed {
                o.source = EvidenceSource::ALL.get(rng.below(4) as usize).copied();
            }
            if rng.chance(25) {
                o.note = Some(Note::new(format!(
                    "synthetic note {}: recorded at interview {}",
                    rng.below(1000),
                    rng.below(5)
                )));
            }
            observations.push(o);
        }
        let offences = if rng.chance(20) {
            let kinds = [
                OffenceKind::IrregularStay,
                OffenceKind::IrregularEntry,
                OffenceKind::Prostitution,
                OffenceKind::DocumentOffence,
                OffenceKind::TheftOrPettyCrime,
            ];
            vec![Offence {
                kind: kinds
                    .get(rng.below(kinds.len() as u64) as usize)
                    .copied()
                    .unwrap_or(OffenceKind::Other),
                stage: Some(if rng.chance(50) {
                    OffenceStage::Suspected
                } else {
                    OffenceStage::Charged
                }),
                note: None,
            }]
        } else {
            Vec::new()
        };
        Some(Case {
            case_reference: Some(CaseReference::new(format!(
                "SYN-{}-{}",
                self.seed, self.count
            ))),
            subject,
            forms,
            sexual_exploitation_types: Vec::new(),
            observations,
            offences,
            exploitation_began_year: None,
            sector: None,
            measures: Vec::new(),
            interview_conditions: Vec::new(),
            interview: None,
        })
    }
}

impl SyntheticCases {
    /// The next `n` cases as a JSON Lines stream, serialized as they are read, so that a
    /// million-case batch never holds more than one case in memory.
    pub fn into_jsonl_reader(self, n: u64) -> JsonlReader {
        JsonlReader {
            cases: self,
            remaining: n,
            buf: Vec::new(),
            pos: 0,
        }
    }
}

/// A JSON Lines stream of synthetic cases (see [`SyntheticCases::into_jsonl_reader`]).
#[derive(Debug)]
pub struct JsonlReader {
    cases: SyntheticCases,
    remaining: u64,
    buf: Vec<u8>,
    pos: usize,
}

impl std::io::BufRead for JsonlReader {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.pos >= self.buf.len() && self.remaining > 0 {
            self.buf.clear();
            self.pos = 0;
            if let Some(case) = self.cases.next() {
                serde_json::to_writer(&mut self.buf, &case).map_err(std::io::Error::other)?;
                self.buf.push(b'\n');
            }
            self.remaining -= 1;
        }
        Ok(self.buf.get(self.pos..).unwrap_or(&[]))
    }

    fn consume(&mut self, amount: usize) {
        self.pos = (self.pos + amount).min(self.buf.len());
    }
}

impl std::io::Read for JsonlReader {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let available = std::io::BufRead::fill_buf(self)?;
        let n = available.len().min(out.len());
        if let (Some(dst), Some(src)) = (out.get_mut(..n), available.get(..n)) {
            dst.copy_from_slice(src);
        }
        std::io::BufRead::consume(self, n);
        Ok(n)
    }
}

/// A case observing every indicator of the adult labour list: a worst case for the engine.
pub fn full_adult_labour_case(seed: u64) -> Case {
    let catalogue = Catalogue::builtin();
    let mut rng = SplitMix64(seed);
    let observations = catalogue
        .in_list("ilo_ec_2009_adult_labour")
        .map(|e| {
            let status = match rng.below(3) {
                0 => ObservationStatus::Present,
                1 => ObservationStatus::Absent,
                _ => ObservationStatus::NotAssessed,
            };
            Observation::new(e.id.clone(), status).with_source(EvidenceSource::SelfReport)
        })
        .collect();
    Case {
        case_reference: Some(CaseReference::new(format!("SYN-FULL-{seed}"))),
        subject: Subject {
            age_years: Some(30),
            minor: None,
            disability: None,
            ..Subject::default()
        },
        forms: vec![ExploitationForm::Labour],
        sexual_exploitation_types: Vec::new(),
        observations,
        offences: vec![Offence::new(OffenceKind::IrregularStay)],
        exploitation_began_year: None,
        sector: None,
        measures: Vec::new(),
        interview_conditions: Vec::new(),
        interview: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_cases() {
        let a: Vec<Case> = SyntheticCases::new(7).take(50).collect();
        let b: Vec<Case> = SyntheticCases::new(7).take(50).collect();
        assert_eq!(a, b);
        let c: Vec<Case> = SyntheticCases::new(8).take(50).collect();
        assert_ne!(a, c);
    }

    #[test]
    fn the_jsonl_reader_streams_one_case_per_line() {
        use std::io::BufRead;
        let reader = SyntheticCases::new(3).into_jsonl_reader(25);
        let lines: Vec<String> = reader.lines().map(|l| l.expect("line")).collect();
        assert_eq!(lines.len(), 25);
        let expected: Vec<Case> = SyntheticCases::new(3).take(25).collect();
        for (line, case) in lines.iter().zip(&expected) {
            assert_eq!(&Case::from_json(line).expect("valid"), case);
        }
    }

    #[test]
    fn synthetic_cases_are_valid_and_typical() {
        let cases: Vec<Case> = SyntheticCases::new(1).take(500).collect();
        let mean =
            cases.iter().map(|c| c.observations.len()).sum::<usize>() as f64 / cases.len() as f64;
        assert!((15.0..=25.0).contains(&mean), "{mean}");
        for case in &cases {
            assert!(crate::assess(case).is_ok());
        }
        assert!(crate::assess(&full_adult_labour_case(1)).is_ok());
    }

    /// Any number of observations is allowed: a case holds at most the pool's entries, and
    /// the arithmetic saturates instead of overflowing.
    #[test]
    fn any_number_of_observations_is_allowed() {
        let catalogue = Catalogue::builtin();
        for wanted in [0, 1, 1000, usize::MAX] {
            let case = SyntheticCases::with_catalogue(5, &catalogue, wanted)
                .next()
                .expect("a case");
            assert!(case.observations.len() <= catalogue.entries().len());
            assert!(crate::assess(&case).is_ok());
        }
    }
}
