//! Input limits: the sizes a real case, rule set or catalogue never reaches and a malicious
//! or broken one always does.
//!
//! Every limit is enforced with a typed error that names the limit. The values are generous:
//! the built-in catalogue has fewer than 200 indicators, so a case with more than 1,000
//! observations is not a real interview; a caseworker's note of 4,000 characters is two pages.

/// The limits applied to input documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Largest case document, in bytes of JSON: 1 MiB.
    pub max_case_bytes: usize,
    /// Most observations in one case: 1,000.
    pub max_observations: usize,
    /// Most offences in one case: 100.
    pub max_offences: usize,
    /// Most forms of exploitation in one case: 16 (there are 10 forms).
    pub max_forms: usize,
    /// Longest free-text note (observation or offence), in characters: 4,000.
    pub max_note_chars: usize,
    /// Longest case reference, in characters: 128.
    pub max_case_reference_chars: usize,
    /// Oldest age accepted, in years: 130. Older is a data-entry error, not a guess.
    pub max_age_years: u64,
    /// Deepest nesting of JSON arrays and objects in a case: 32.
    pub max_case_depth: usize,
    /// Largest rule set document, in bytes of JSON: 1 MiB.
    pub max_rule_set_bytes: usize,
    /// Most items in any one array of a rule set (clauses, criteria, links, recommendations,
    /// references, list names): 1,000.
    pub max_rule_set_items: usize,
    /// Largest catalogue document, in bytes of JSON: 8 MiB.
    pub max_catalogue_bytes: usize,
    /// Most entries in a catalogue, built-in and extensions together: 10,000.
    pub max_catalogue_entries: usize,
    /// Longest line of a JSON Lines batch, in bytes: the case limit.
    pub max_batch_line_bytes: usize,
}

impl Limits {
    /// The limits this crate enforces.
    pub const DEFAULT: Limits = Limits {
        max_case_bytes: 1 << 20,
        max_observations: 1_000,
        max_offences: 100,
        max_forms: 16,
        max_note_chars: 4_000,
        max_case_reference_chars: 128,
        max_age_years: 130,
        max_case_depth: 32,
        max_rule_set_bytes: 1 << 20,
        max_rule_set_items: 1_000,
        max_catalogue_bytes: 8 << 20,
        max_catalogue_entries: 10_000,
        max_batch_line_bytes: 1 << 20,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// The most lists one rule set can use (lists are tracked as a 64-bit set).
pub const MAX_RULE_SET_LISTS: usize = 64;
