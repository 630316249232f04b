//! Contact directories (an agency's own list of who to call, `ContactDirectory::from_json`):
//! any bytes give a directory that checks or a typed error (an invalid directory's problems at
//! plain paths; a parse error may quote serde's words, for the directory's author); a
//! directory that reads is written out and read back the same, is taken by an assessor (under
//! the Korean rule set, if it is Korea's; another country's is refused as such), and
//! changes only who to call: the level, score and recommendations of a case stay those of the
//! built-in directory, and every service named is the directory's, with its own number, mark
//! and date.

use super::common::{assert_holds_together, assert_plain_problems};
use trafficking_indicators::policy::ContactDirectory;
use trafficking_indicators::render::Locale;
use trafficking_indicators::{Assessor, Case, Catalogue, RuleSet};

/// Korean cases (the built-in directory is Korea's): a fisher, a woman in the sex trade held
/// for deportation, a man with a disability; a child in the sex trade and a case with nothing
/// recorded.
const CASES: [&str; 5] = [
    include_str!("../../examples/cases/kr_distant_water_fisher.json"),
    include_str!("../../examples/cases/kr_e62_entertainer_near_base.json"),
    include_str!("../../examples/cases/kr_salt_farm_intellectual_disability.json"),
    r#"{"subject": {"age_years": 15, "national": false}, "forms": ["sexual"],
        "observations": [{"indicator": "forced_tasks_or_clients", "status": "present"}],
        "offences": [{"kind": "prostitution"}]}"#,
    r#"{"subject": {}}"#,
];

/// The target's checks on one input; panics (an assertion) on a finding.
pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let directory = match ContactDirectory::from_json(text) {
        Ok(d) => d,
        Err(e) => {
            let _ = e.to_string();
            assert_plain_problems(&e.problems());
            return;
        }
    };
    assert!(directory.problems().is_empty());
    // Written out, it reads back the same (an agency edits and saves its directory).
    // Compact: never longer than a document that read (pretty printing could pass the limit).
    let written = serde_json::to_string(&directory);
    assert!(written.is_ok(), "a directory that reads is written out");
    if let Ok(written) = written {
        let back = ContactDirectory::from_json(&written);
        assert!(back.is_ok(), "a directory written out reads back");
        assert_eq!(back.ok().as_ref(), Some(&directory));
    }
    // An assessor takes it, and it decides nothing but who to call.
    let (Ok(rules), Ok(builtin)) = (RuleSet::builtin("kr-2024"), Assessor::builtin("kr-2024"))
    else {
        return;
    };
    let Ok(base) = Assessor::new(rules.clone(), Catalogue::builtin()) else {
        return;
    };
    let assessor = base.with_contacts(directory.clone());
    // A directory of another country is refused by the Korean rule set, as such, with no
    // value named; one of Korea's is taken.
    if directory.jurisdiction != "KR" {
        assert!(matches!(
            assessor,
            Err(trafficking_indicators::ContactDirectoryError::OtherJurisdiction)
        ));
        return;
    }
    assert!(
        assessor.is_ok(),
        "a directory that reads is taken by an assessor"
    );
    let Ok(assessor) = assessor else {
        return;
    };
    for text in CASES {
        let case = Case::from_json(text);
        assert!(case.is_ok(), "the check's own cases read");
        let Ok(case) = case else {
            continue;
        };
        let (own, plain) = (assessor.assess(&case), builtin.assess(&case));
        assert_eq!(own.is_ok(), plain.is_ok());
        let (Ok(own), Ok(plain)) = (own, plain) else {
            continue;
        };
        assert_holds_together(&own);
        assert_eq!(own.level, plain.level);
        assert_eq!(own.score, plain.score);
        let kinds = |a: &trafficking_indicators::Assessment| {
            a.recommendations.iter().map(|r| r.kind).collect::<Vec<_>>()
        };
        assert_eq!(kinds(&own), kinds(&plain));
        for named in &own.contacts {
            let entry = directory.contacts.iter().find(|c| c.id == named.id);
            assert!(entry.is_some(), "a service named is the directory's");
            if let Some(entry) = entry {
                // The right number under the right name: the advice's texts are kept apart
                // from the directory, in its order.
                assert_eq!(named.number.as_deref(), entry.number.as_deref());
                assert_eq!(named.verification, entry.verification);
                assert_eq!(&*named.checked, entry.checked.as_str());
            }
        }
        let _ = own.report_in(Locale::Ko);
        let _ = own.prose(Locale::Ko);
        let _ = own.to_json();
    }
}
