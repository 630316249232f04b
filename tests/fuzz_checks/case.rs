//! Case parsing plus assessment under every built-in rule set: any bytes must give a case or a
//! typed error, never a panic; a parsed case must assess or give a typed error; an error's
//! message (of the reader or of the assessment), in English or Korean, must never carry the
//! marker the target plants wherever the input has `@@` (in a note, a visa, a key, an id:
//! anywhere), checked once with `MARKER` and once with the snake_case `TOKEN_MARKER`, which an
//! unknown key or indicator id quoted as a token would repeat; the assessment JSON must be
//! byte for byte what serde_json writes; the fast reader behind `Case::from_json` must read
//! every document as `Case`'s serde `Deserialize` does (the same case, or both an error).

use trafficking_indicators::render::Locale;
use trafficking_indicators::{Assessor, Case, CaseError};

use super::common;

/// No message of the error, in English or Korean, repeats the planted marker.
fn assert_never_repeats_the_case(e: &CaseError, marker: &str) {
    for message in [e.to_string(), e.message_in(Locale::Ko)] {
        assert!(
            !message.contains(marker),
            "an error repeats the case's text"
        );
    }
}

/// The target's checks on one input; panics (an assertion) on a finding.
pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for marker in common::case_markers(data) {
        check_planted(&text.replace("@@", marker), marker);
    }
}

/// The checks on the input with `marker` planted.
fn check_planted(text: &str, marker: &str) {
    let read = Case::from_json(text);
    if !text.starts_with('\u{feff}') {
        // (`from_json` skips a byte-order mark; serde_json does not.)
        match (&read, serde_json::from_str::<Case>(text)) {
            (Ok(a), Ok(b)) => assert!(*a == b, "the readers read different cases"),
            (Err(_), Err(_)) => {}
            (a, b) => panic!("the readers disagree: {} against {}", a.is_ok(), b.is_ok()),
        }
    }
    match read {
        Ok(case) => {
            for id in ["ilo-2009", "kr-2023", "kr-2024"] {
                if let Ok(assessor) = Assessor::builtin(id) {
                    match assessor.assess(&case) {
                        Err(e) => assert_never_repeats_the_case(&e, marker),
                        Ok(a) => {
                            common::assert_holds_together(&a);
                            // The crate's compact writer writes exactly serde_json's bytes.
                            assert_eq!(
                                a.to_json(),
                                serde_json::to_string(&a).expect("an assessment serializes")
                            );
                        }
                    }
                }
            }
        }
        Err(e) => assert_never_repeats_the_case(&e, marker),
    }
}
