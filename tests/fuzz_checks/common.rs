//! What the fuzz targets' checks share.

use trafficking_indicators::Assessment;

/// Planted for every `@@` of an input. It has a capital, so it is never a token (a key, an id,
/// a value of a closed set) that an error may name: wherever it stands, it is the input's own
/// text, which no message repeats. It is short (three ASCII letters and digits) so that a
/// message quoting only short tokens, as CTDC and HTCDS errors did until the sixteenth
/// session, would repeat it and fail the check.
pub const MARKER: &str = "Qz7";

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
