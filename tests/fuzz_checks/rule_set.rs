//! Rule set parsing plus validation: any bytes must give a rule set or a typed error; a rule
//! set compiles exactly when it validates, and one that does must assess a bundled case (an
//! assessment whose score, level and contributions hold together), unless the rule set
//! weighs none of the lists of one of the case's indicators (a valid rule set may leave a
//! list out: the case is then refused with `IndicatorNotInRuleSet`, and nothing else).

use trafficking_indicators::CaseError;
use trafficking_indicators::{Assessor, Case, Catalogue, RuleSet, validate};

use super::common;

const CASE: &str = include_str!("../../examples/cases/entertainment_visa_bar.json");

/// The target's checks on one input; panics (an assertion) on a finding.
pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(rules) = RuleSet::from_json(text) else {
        return;
    };
    let catalogue = Catalogue::builtin();
    let problems = validate(&rules, &catalogue);
    match Assessor::new(rules, catalogue) {
        Ok(assessor) => {
            assert!(problems.is_empty());
            let case = Case::from_json(CASE).expect("the bundled case reads");
            let a = match assessor.assess(&case) {
                Ok(a) => a,
                Err(CaseError::IndicatorNotInRuleSet { .. }) => return,
                Err(e) => panic!("a rule set that validates assesses a bundled case: {e}"),
            };
            common::assert_holds_together(&a);
        }
        Err(e) => {
            assert!(!problems.is_empty());
            let _ = e.to_string();
        }
    }
}
