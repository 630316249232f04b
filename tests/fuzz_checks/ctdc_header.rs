//! CTDC headers: any line of column names (split at `;`) gives a header or a typed error. UTF-16
//! text (a NUL byte in a name) is named as such; a column the mapping needs, missing or given
//! twice, is named (a name from the crate's own list, never the line's text); a header that
//! reads has every needed column exactly once (a byte-order mark skipped before the first
//! name only), and a row of empty cells under it maps and assesses.

use trafficking_indicators::assess;
use trafficking_indicators::interop::ctdc::{CtdcError, CtdcHeader, CtdcRecord};

/// The target's checks on one input; panics (an assertion) on a finding.
pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let fields: Vec<&str> = text.split(';').collect();
    let required = CtdcHeader::required_columns();
    // How often a name stands in the line, as a CTDC file names its columns.
    let count = |column: &str| {
        let first = fields.first().map(|f| f.trim_start_matches('\u{feff}'));
        let rest = fields.iter().skip(1).copied();
        first
            .into_iter()
            .chain(rest)
            .filter(|f| *f == column)
            .count()
    };
    let utf16 = fields.iter().any(|f| f.contains('\0'))
        || fields.first().is_some_and(|f| f.starts_with('\u{fffe}'));
    match CtdcHeader::from_fields(&fields) {
        Ok(header) => {
            assert!(!utf16, "UTF-16 is refused");
            for column in &required {
                assert_eq!(count(column), 1, "a header has every needed column once");
            }
            assert_eq!(header.len(), fields.len());
            let row = vec![""; header.len()];
            let record = CtdcRecord::from_fields(&header, 1, &row).expect("an empty row maps");
            assess(&record.case).expect("and assesses");
        }
        Err(CtdcError::Utf16) => assert!(utf16, "only UTF-16 is called UTF-16"),
        Err(CtdcError::MissingColumn { column }) => {
            assert!(!utf16 && required.contains(&column) && count(column) == 0);
        }
        Err(CtdcError::DuplicateColumn { column }) => {
            assert!(!utf16 && required.contains(&column) && count(column) >= 2);
        }
        Err(e) => panic!("a header gives no other error: {e}"),
    }
}
