//! What the fuzz targets' checks share.

use trafficking_indicators::{Assessment, Problem};

/// Planted for every `@@` of an input. It has a capital, so it is never a token (a key, an id,
/// a value of a closed set) that an error may name: wherever it stands, it is the input's own
/// text, which no message repeats. It is short (three ASCII letters and digits) so that a
/// message quoting only short tokens, as CTDC and HTCDS errors did until the sixteenth
/// session, would repeat it and fail the check.
pub const MARKER: &str = "Qz7";

/// Planted for every `@@` of a case input in a second pass: the marker as a snake_case token,
/// the shape of a key, an indicator id or a name (`maria_kim`) alike. A case's errors never
/// repeat an unknown key or an unknown indicator id either (since the seventeenth session;
/// until then a snake_case token was quoted), and `MARKER`, with its capital, cannot find a
/// message that does: this one can. It is in no catalogue id and no field name of the case
/// format, the names a case's errors may quote. (Policy documents' errors quote tokens:
/// their checks plant `MARKER` only.)
pub const TOKEN_MARKER: &str = "qz7";

/// The input with `marker` for every `@@` (the input need not be text).
pub fn planted(data: &[u8], marker: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut rest = data;
    while let Some((&first, tail)) = rest.split_first() {
        if first == b'@' && tail.first() == Some(&b'@') {
            out.extend_from_slice(marker.as_bytes());
            rest = tail.get(1..).unwrap_or_default();
        } else {
            out.push(first);
            rest = tail;
        }
    }
    out
}

/// The markers a case input's checks plant, one pass each: the second only when the input
/// has an `@@` (otherwise the two passes would read the same bytes).
pub fn case_markers(data: &[u8]) -> &'static [&'static str] {
    if data.windows(2).any(|w| w == b"@@") {
        &[MARKER, TOKEN_MARKER]
    } else {
        &[MARKER]
    }
}

/// The invariants every assessment holds, whatever its input: the score from 0 to 100, the
/// level not above its range's maximum, the contributions summing to the score; and its text
/// report renders.
pub fn assert_holds_together(a: &Assessment) {
    assert!((0.0..=100.0).contains(&a.score));
    assert!(a.level <= a.level_range.max);
    let sum: f64 = a
        .explanation
        .score
        .contributions
        .iter()
        .map(|c| c.points)
        .sum();
    assert!((sum - a.score).abs() < 1e-6);
    let _ = a.report();
}

/// A path as the policy documents' readers write one: `$`, then keys of ASCII letters, digits
/// and `_` (or `?` for one not shown) and indices, never free text.
pub fn plain_path(path: &str) -> bool {
    path.starts_with('$')
        && path.bytes().all(|b| {
            b.is_ascii_alphanumeric() || matches!(b, b'$' | b'.' | b'[' | b']' | b'?' | b'_')
        })
}

/// A policy document's error as its problems: at least one, each at a plain path. (An error
/// of the whole document, too large or not parsed, is one problem at `$`, which the error type
/// builds itself: the assertion bites on an invalid document's problems.)
pub fn assert_plain_problems(problems: &[Problem]) {
    assert!(!problems.is_empty());
    for p in problems {
        assert!(plain_path(&p.path), "{}", p.path);
    }
}
