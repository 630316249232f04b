//! CTDC rows: any row of cells (split at `;`) under the real file's header gives a record or a typed
//! error naming the row and column; a record assesses. Every `@@` of the input becomes a marker,
//! and no error message may repeat it: a cell is about a person, and an error never quotes one.

use trafficking_indicators::assess;
use trafficking_indicators::interop::ctdc::{CtdcHeader, CtdcRecord};

use super::common::MARKER;

/// The target's checks on one input; panics (an assertion) on a finding.
pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let planted = text.replace("@@", MARKER);
    // The header of the real file (its column names; the rows are not published).
    let line = include_str!("../../tests/fixtures/ctdc_header.txt");
    let names: Vec<&str> = line.trim_end().split(';').collect();
    let header = CtdcHeader::from_fields(&names).expect("the real file's header reads");
    let mut cells: Vec<&str> = planted.split(';').collect();
    cells.resize(header.len(), "");
    match CtdcRecord::from_fields(&header, 1, &cells) {
        Ok(record) => {
            let a = assess(&record.case).expect("a mapped row assesses");
            assert!((0.0..=100.0).contains(&a.score));
        }
        Err(e) => {
            assert!(
                !e.to_string().contains(MARKER),
                "an error repeats a cell of the row"
            );
            assert_eq!(e.row(), Some(1), "an error about a row names it");
        }
    }
}
