//! Catalogue extensions: any bytes must give an extended catalogue or a typed error; an
//! extension that loads must work with a rule set that weighs its lists: the rule set
//! compiles (when the lists fit the limit a rule set has), and a case recording its first 20
//! entries present reads and assesses (an assessment, not an error) with a score, a level and
//! contributions that hold together.

use std::sync::Arc;

use trafficking_indicators::catalogue::CatalogueDocument;
use trafficking_indicators::model::MAX_RULE_SET_LISTS;
use trafficking_indicators::{Assessor, Case, Catalogue, RuleSet};

use super::common;

/// The target's checks on one input; panics (an assertion) on a finding.
pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Catalogue::builtin().extend_from_json(text) {
        Ok(extended) => {
            let Ok(doc) = CatalogueDocument::from_json(text) else {
                panic!("an extension that loads parses");
            };
            let Ok(rules) = RuleSet::builtin("kr-2024") else {
                return;
            };
            let mut rules = rules.clone();
            for l in doc.lists {
                if !rules.lists.contains(&l.id) {
                    rules.lists.push(l.id);
                }
            }
            // An extension may bring more lists than one rule set can weigh; such a rule set
            // is refused by validation (its own check), not by this target.
            if rules.lists.len() > MAX_RULE_SET_LISTS {
                return;
            }
            let assessor = Assessor::new(rules, Arc::new(extended))
                .expect("a rule set that adds an extension's lists compiles");
            let ids: Vec<String> = doc.entries.iter().map(|e| e.id.to_string()).collect();
            let observations: Vec<String> = ids
                .iter()
                .take(20)
                .map(|id| format!(r#"{{"indicator": "{id}", "status": "present"}}"#))
                .collect();
            let case = format!(r#"{{"observations": [{}]}}"#, observations.join(","));
            let case = Case::from_json(&case).expect("a case of the extension's ids reads");
            let a = assessor
                .assess(&case)
                .expect("a case of the extension's entries assesses");
            common::assert_holds_together(&a);
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
}
