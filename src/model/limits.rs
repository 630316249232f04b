//! Input limits: the sizes a real case, rule set or catalogue never reaches and a malicious
//! or broken one always does.
//!
//! Every limit is enforced with a typed error that names the limit. The values are generous:
//! the built-in catalogue has fewer than 200 indicators, so a case with more than 1,000
//! observations is not a real interview; a caseworker's note of 4,000 characters is two pages.
//!
//! The item limits also bound the cost of checking a document: a validator counts every array
//! first and, when one is over its limit, reports that and checks no item of the document, so
//! no check runs over an array of a million items; and the checks of the items find a
//! repeated id by a set or an index, never by comparing every item with every earlier one.

/// The limits applied to input documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Largest case document, in bytes of JSON: 1 MiB. A line ending after it (one `\n` or
    /// `\r\n`, as most editors save a file) is not counted, as it is not on a batch line.
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
    /// Most items in any one array of a rule set (references, lists, strength overrides,
    /// clauses and their requirements, criteria and their conditions, links, recommendations,
    /// notices, and the ids, levels and conditions inside each): 1,000. The built-in rule
    /// sets' longest array, `references`, has 91. A contact directory (read within the rule
    /// set's byte limit) has the same limit for each of its arrays: the built-in one lists 15
    /// contacts.
    pub max_rule_set_items: usize,
    /// Largest catalogue document, in bytes of JSON: 8 MiB.
    pub max_catalogue_bytes: usize,
    /// Most entries in a catalogue, built-in and extensions together: 10,000.
    pub max_catalogue_entries: usize,
    /// Most items in any one array of a catalogue document other than its entries (its
    /// references and lists, a list's forms, an entry's lists, forms and list strengths, a
    /// provenance record's notes): 1,000. The built-in documents' longest such array has 10
    /// items (a list's forms); their references number at most 9 and their lists 5.
    pub max_catalogue_items: usize,
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
        max_catalogue_items: 1_000,
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

/// The hash of the validators' sets and indexes of a document's ids: foldhash (fast on short
/// ids), seeded once per process, since a document's author chooses the ids and a fixed seed
/// would let one choose ids that all fall in one bucket. The tables are only looked up, never
/// iterated, so the seed changes no output.
pub(crate) type SeededState = foldhash::fast::RandomState;

/// The positions of the items that repeat an earlier item's key, in order: one pass with a set
/// of the keys seen, so a validator finds every repeated id of an array in time linear in its
/// length. (For a field-less enum, the key is the variant as a number: `*d as usize`.)
pub(crate) fn repeats<K: Eq + std::hash::Hash>(keys: impl IntoIterator<Item = K>) -> Vec<usize> {
    let keys = keys.into_iter();
    let mut seen = std::collections::HashSet::with_capacity_and_hasher(
        keys.size_hint().0,
        SeededState::default(),
    );
    keys.enumerate()
        .filter_map(|(i, key)| (!seen.insert(key)).then_some(i))
        .collect()
}

/// The longest texts of the data documents (rule sets, catalogue documents and contact
/// directories), in characters (Unicode scalar values, which is what JSON Schema's `maxLength`
/// counts). The schemas take their `maxLength` from these constants and the validators check
/// the same ones, so a document the schema rejects for a text's length the library rejects
/// too.
pub(crate) mod text {
    /// A contact's name, in the country's language or in English: 200.
    pub(crate) const NAME: usize = 200;
    /// A name, label or short title; a contact's legal basis: 300.
    pub(crate) const LABEL: usize = 300;
    /// A reference's title or address, a provenance section, an interviewer's question; how to
    /// reach a contact and what it does, the title and address of where it was read: 500.
    pub(crate) const TITLE: usize = 500;
    /// A note, an indicator's description, an offence link's reason: 1,000.
    pub(crate) const NOTE: usize = 1_000;
    /// The wording of a recommendation, notice or advisory, a rationale, a quote, a list's
    /// description, a contact directory's description: 2,000.
    pub(crate) const TEXT: usize = 2_000;
    /// A rule set's description: 4,000.
    pub(crate) const DESCRIPTION: usize = 4_000;
    /// A version string: 64.
    pub(crate) const VERSION: usize = 64;
    /// A reference's jurisdiction: 2 to 8 (`KR`, `UN`, `CoE`, `OSCE`).
    pub(crate) const JURISDICTION: (usize, usize) = (2, 8);

    /// What is wrong with a text that must be between `min` and `max` characters long, if
    /// anything. A required text (`min` at least 1) of spaces only counts as empty. The
    /// message never quotes the text.
    pub(crate) fn problem(text: &str, min: usize, max: usize) -> Option<String> {
        if min > 0 && text.trim().is_empty() {
            return Some("must not be empty".to_owned());
        }
        // Bytes are never fewer than characters, so a text within `max` bytes is within `max`
        // characters: count them only past it, or for a lower bound above one.
        if text.len() > max || min > 1 {
            let n = text.chars().count();
            if n < min {
                let what = if n == 1 { "character" } else { "characters" };
                return Some(format!("{n} {what}, fewer than the {min} required"));
            }
            if n > max {
                return Some(format!("{n} characters, more than the limit of {max}"));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::repeats;
    use super::text::{JURISDICTION, TEXT, problem};

    /// Every item whose key an earlier item has, by position; the first of each is not one.
    #[test]
    fn repeats_are_the_later_items_of_a_key() {
        assert_eq!(repeats(["a", "b", "a", "c", "b", "a"]), [2, 4, 5]);
        assert_eq!(repeats(Vec::<&str>::new()), Vec::<usize>::new());
        assert_eq!(repeats([3usize, 1, 2]), Vec::<usize>::new());
    }

    /// The bounds count characters, as JSON Schema's `maxLength` does, not bytes: 2,000
    /// Korean syllables (6,000 bytes) fit a 2,000-character text; one more does not.
    #[test]
    fn texts_are_measured_in_characters() {
        assert_eq!(problem(&"가".repeat(TEXT), 1, TEXT), None);
        assert!(problem(&"가".repeat(TEXT + 1), 1, TEXT).is_some_and(|m| m.contains("2001")));
        assert_eq!(problem(&"x".repeat(TEXT), 1, TEXT), None);
        let (min, max) = JURISDICTION;
        assert_eq!(problem("KR", min, max), None);
        // One character of two bytes is still one character, fewer than two.
        assert!(problem("é", min, max).is_some());
        assert!(problem("OSCE-EU-UN", min, max).is_some());
    }

    /// A required text of spaces only is empty; an optional one may be empty.
    #[test]
    fn a_required_text_is_not_blank() {
        assert_eq!(
            problem(" \n", 1, TEXT).as_deref(),
            Some("must not be empty")
        );
        assert_eq!(problem("", 0, TEXT), None);
    }
}
