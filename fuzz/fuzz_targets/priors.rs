//! Question priors: any bytes must give a priors document or a typed error naming where; a
//! document that reads and fits the catalogue must rank the questions of a case (finite
//! likelihoods, no panic) without changing its level or score.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trafficking_indicators::catalogue::QuestionPriors;
use trafficking_indicators::{Assessor, Case, Catalogue, RuleSet};

const CASE: &str = include_str!("../../examples/cases/early_interview.json");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let priors = match QuestionPriors::from_json(text) {
        Ok(p) => p,
        Err(e) => {
            assert!(!e.problems().is_empty());
            let _ = e.to_string();
            return;
        }
    };
    assert!(priors.problems().is_empty());
    let Ok(rules) = RuleSet::builtin("kr-2024") else {
        return;
    };
    let Ok(plain) = Assessor::new(rules.clone(), Catalogue::builtin()) else {
        return;
    };
    let Ok(assessor) = Assessor::new(rules.clone(), Catalogue::builtin()) else {
        return;
    };
    let Ok(assessor) = assessor.with_question_priors(&priors) else {
        return;
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
});
