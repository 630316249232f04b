//! HTCDS `vic_MethodsOfControl` values as exported (`;`- or space-separated): any text gives the
//! values, each once and in order, or a typed error giving the item's position; values read back
//! the same when written out again either way; and no error repeats a marker planted for every
//! `@@` of the input (an error never quotes a value: it is about a person).

use trafficking_indicators::interop::htcds::{HtcdsError, MethodOfControl};

use super::common::MARKER;

/// The target's checks on one input; panics (an assertion) on a finding.
pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let planted = text.replace("@@", MARKER);
    let items = planted
        .split(|c: char| c == ';' || c.is_ascii_whitespace())
        .filter(|s| !s.is_empty())
        .count();
    match MethodOfControl::parse_list(&planted) {
        Ok(values) => {
            assert!(values.len() <= items);
            for (i, v) in values.iter().enumerate() {
                assert!(!values[..i].contains(v), "a value is kept twice");
            }
            for separator in [";", " "] {
                let written: Vec<&str> = values.iter().map(|v| v.as_str()).collect();
                let again = MethodOfControl::parse_list(&written.join(separator));
                assert_eq!(again.as_ref(), Ok(&values), "values do not read back");
            }
        }
        Err(e) => {
            let HtcdsError::UnknownValue { position, .. } = &e else {
                panic!("an unexpected error variant");
            };
            assert!(*position < items, "the position is not an item's");
            assert!(!e.to_string().contains(MARKER), "an error repeats a value");
        }
    }
    // One value read is the value of that name, and reads the same through serde (an export
    // read as JSON); a value read neither way is refused both ways without being repeated.
    let one = MethodOfControl::parse(&planted);
    if let Ok(m) = one {
        assert_eq!(
            m.as_str(),
            planted,
            "a value reads as the value of its name"
        );
    }
    let json = serde_json::Value::from(planted.as_str());
    match serde_json::from_value::<MethodOfControl>(json) {
        Ok(m) => assert_eq!(Ok(m), one, "serde and the reader agree"),
        Err(e) => {
            assert!(one.is_err(), "serde and the reader agree");
            assert!(
                !e.to_string().contains(MARKER),
                "serde's error repeats a value"
            );
        }
    }
}
