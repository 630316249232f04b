//! Question priors: any bytes must give a priors document or a typed error naming where (a
//! path of tokens, never the document's text); a document that reads and fits the catalogue
//! must rank the questions of a case without a panic and without changing its level, score or
//! number of open questions; one that does not fit is refused only for its list weights.

use super::common::assert_plain_problems;
use trafficking_indicators::catalogue::QuestionPriors;
use trafficking_indicators::{Assessor, Case, Catalogue, RuleSet};

const CASE: &str = include_str!("../../examples/cases/early_interview.json");

/// The target's checks on one input; panics (an assertion) on a finding.
pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let priors = match QuestionPriors::from_json(text) {
        Ok(p) => p,
        Err(e) => {
            let _ = e.to_string();
            assert_plain_problems(&e.problems());
            return;
        }
    };
    assert!(priors.problems().is_empty());
    let Ok(rules) = RuleSet::builtin("kr-2024") else {
        return;
    };
    // The built-in assessor, compiled once per process, is the one without the priors.
    let Ok(plain) = Assessor::builtin("kr-2024") else {
        return;
    };
    let Ok(assessor) = Assessor::new(rules.clone(), Catalogue::builtin()) else {
        return;
    };
    let assessor = match assessor.with_question_priors(&priors) {
        Ok(a) => a,
        Err(e) => {
            for p in e.problems() {
                assert!(p.path.starts_with("$.list_weights."), "{}", p.path);
            }
            return;
        }
    };
    let Ok(case) = Case::from_json(CASE) else {
        return;
    };
    if let (Ok(a), Ok(b)) = (assessor.assess(&case), plain.assess(&case)) {
        // The likelihoods order the questions; they never decide.
        assert_eq!(a.level, b.level);
        assert_eq!(a.score, b.score);
        assert_eq!(
            a.explanation.ask_next.len() + a.explanation.more_questions as usize,
            b.explanation.ask_next.len() + b.explanation.more_questions as usize
        );
    }
}
