//! Rule set parsing plus validation: any bytes must give a rule set or a typed error; a rule
//! set that validates must compile and assess a bundled case without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use trafficking_indicators::{Assessor, Case, Catalogue, RuleSet, validate};

const CASE: &str = include_str!("../../examples/cases/entertainment_visa_bar.json");

fuzz_target!(|data: &[u8]| {
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
            if let Ok(case) = Case::from_json(CASE) {
                let _ = assessor.assess(&case);
            }
        }
        Err(e) => {
            assert!(!problems.is_empty());
            let _ = e.to_string();
        }
    }
});
