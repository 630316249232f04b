//! CTDC files through `CtdcReader` (`--features ctdc`): any bytes under the real file's header
//! give one record or one error per line that is not empty, in order and numbered from 1, so
//! that no row is lost and none is read twice, whatever quotes or line ends the bytes hold. A
//! naive reading written from the CSV rules here says which lines open a quote they do not
//! close (the reader's `UnclosedQuote`, naming the cell) or are too long (`LineTooLong`); a
//! line with no quote maps exactly as its cells split at `;` map. A record assesses, and no
//! error repeats the marker planted for every `@@` of the input.

use trafficking_indicators::interop::ctdc::{
    CtdcError, CtdcHeader, CtdcReader, CtdcRecord, MAX_LINE_BYTES,
};

use super::common::{MARKER, assert_holds_together, planted};

/// The target's checks on one input; panics (an assertion) on a finding.
pub fn check(data: &[u8]) {
    let data = planted(data, MARKER);
    // The header of the real file (its column names; the rows are not published), then the
    // input as the file's rows.
    let header_line = include_str!("../../tests/fixtures/ctdc_header.txt").trim_end();
    let mut file = format!("{header_line}\r\n").into_bytes();
    file.extend_from_slice(&data);
    let names: Vec<&str> = header_line.split(';').collect();
    let header = CtdcHeader::from_fields(&names).expect("the real file's header reads");

    let mut reader = CtdcReader::new(file.as_slice()).expect("the header reads");
    let results: Vec<Result<CtdcRecord, CtdcError>> = reader.by_ref().collect();
    let lines = rows(&data);
    assert_eq!(
        results.len(),
        lines.len(),
        "one result per line that is not empty"
    );
    assert_eq!(reader.rows_read(), lines.len() as u64);

    for (i, (line, result)) in lines.iter().zip(&results).enumerate() {
        let row = i as u64 + 1;
        match result {
            Ok(record) => {
                assert_eq!(record.row, row);
                let a =
                    trafficking_indicators::assess(&record.case).expect("a mapped row assesses");
                assert_holds_together(&a);
            }
            Err(e) => {
                assert_eq!(e.row(), Some(row), "{e}");
                let (shown, debug) = (e.to_string(), format!("{e:?}"));
                assert!(
                    !shown.contains(MARKER),
                    "an error repeats a cell of the row"
                );
                assert!(
                    !debug.contains(MARKER),
                    "an error repeats a cell of the row"
                );
            }
        }
        let expected = if line.len() > MAX_LINE_BYTES {
            Some(Err(CtdcError::LineTooLong {
                row,
                limit: MAX_LINE_BYTES,
            }))
        } else if let Some(field) = open_quote(line) {
            Some(Err(CtdcError::UnclosedQuote {
                row,
                field,
                column: header.column_at(field - 1),
            }))
        } else if !line.contains(&b'"') {
            let text = String::from_utf8_lossy(line);
            let cells: Vec<&str> = text.split(';').collect();
            Some(CtdcRecord::from_fields(&header, row, &cells))
        } else {
            None
        };
        if let Some(expected) = expected {
            assert_eq!(result, &expected, "row {row}");
        }
    }
}

/// The input's lines that are not empty, each without its line end (`\n`, `\r\n` or `\r`)
/// and without a byte-order mark before it (the reader takes each line as a file of its own).
fn rows(data: &[u8]) -> Vec<&[u8]> {
    data.split(|b| *b == b'\n' || *b == b'\r')
        .filter(|line| !line.is_empty())
        .map(|line| line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(line))
        .collect()
}

/// The cell (from 1) whose quote the line opens and does not close, read by the CSV rules: a
/// cell that starts with `"` is quoted to the next `"` that is not doubled; elsewhere a `"` is
/// a character; `;` outside quotes ends a cell.
fn open_quote(line: &[u8]) -> Option<usize> {
    let (mut cell, mut at_start, mut quoted) = (1, true, false);
    let mut bytes = line.iter().peekable();
    while let Some(&b) = bytes.next() {
        if quoted {
            if b == b'"' && bytes.next_if_eq(&&b'"').is_none() {
                quoted = false;
            }
        } else if b == b';' {
            cell += 1;
            at_start = true;
            continue;
        } else if b == b'"' && at_start {
            quoted = true;
        }
        at_start = false;
    }
    quoted.then_some(cell)
}
