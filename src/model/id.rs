//! Identifier newtypes: stable, human-readable names for indicators, concepts, lists and
//! references.
//!
//! Every identifier is an ASCII `snake_case` token (`[a-z][a-z0-9_]*`, at most
//! [`MAX_ID_LEN`] bytes). The grammar is checked whenever an identifier is made, so an
//! identifier never carries free text (spaces, punctuation, another script). A token can
//! still be a name (`maria_kim`): an error about a case's unknown id never repeats it
//! (DESIGN.md, "Errors and privacy"), whatever its shape.
//!
//! An [`Assessment`](crate::Assessment) names dozens of indicators, so cloning an identifier
//! must be cheap: the ids of the built-in catalogue are `&'static str` (the built-in catalogue
//! lives for the whole process), so cloning one is a copy; other ids are reference-counted
//! (`Arc<str>`), so cloning one costs no allocation.

use std::borrow::Borrow;
use std::fmt;
use std::sync::Arc;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The longest identifier accepted, in bytes.
pub const MAX_ID_LEN: usize = 64;

/// The regular expression every identifier matches, for schemas and documentation.
pub const ID_PATTERN: &str = "^[a-z][a-z0-9_]*$";

/// The ids of the built-in rule sets, in the order [`RuleSet::builtin_ids`] gives them: the
/// only place they are written. The policy pairs each with its file; the error for an unknown
/// id names them.
///
/// [`RuleSet::builtin_ids`]: crate::RuleSet::builtin_ids
pub(crate) const BUILTIN_RULE_SET_IDS: [&str; 3] = ["ilo-2009", "kr-2023", "kr-2024"];

/// Why a string is not a valid identifier.
///
/// The message never repeats the rejected text: it may be free text typed in the wrong place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IdError {
    /// The string is empty.
    #[error("an identifier cannot be empty")]
    Empty,
    /// The string is longer than [`MAX_ID_LEN`] bytes.
    #[error("an identifier is at most {MAX_ID_LEN} bytes long, this one has {0}")]
    TooLong(usize),
    /// The string has a character outside `a-z`, `0-9` and `_`, or does not start with a letter.
    #[error(
        "an identifier is snake_case: a lowercase letter, then lowercase letters, digits or `_`"
    )]
    NotSnakeCase,
}

/// Checks the identifier grammar.
pub(crate) fn check_id(s: &str) -> Result<(), IdError> {
    let bytes = s.as_bytes();
    let Some(first) = bytes.first() else {
        return Err(IdError::Empty);
    };
    if bytes.len() > MAX_ID_LEN {
        return Err(IdError::TooLong(bytes.len()));
    }
    if !first.is_ascii_lowercase()
        || !bytes
            .iter()
            .all(|&b| ID_BYTE.get(usize::from(b)) == Some(&true))
    {
        return Err(IdError::NotSnakeCase);
    }
    Ok(())
}

/// The bytes an identifier may hold after its first: `a-z`, `0-9` and `_` (a table, so that
/// the check is one load per byte).
#[allow(
    clippy::indexing_slicing,
    reason = "evaluated at compile time: an index out of bounds fails the build"
)]
static ID_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_';
        b += 1;
    }
    table
};

/// A stable token: 1 to 64 lowercase letters, digits, `-`, `_` or `.`, starting with a
/// letter or digit (the schema's pattern for rule-set ids and text namespaces; the id of a priors document).
pub(crate) fn is_token(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes().enumerate().all(|(i, b)| {
            b.is_ascii_lowercase()
                || b.is_ascii_digit()
                || (i > 0 && matches!(b, b'-' | b'_' | b'.'))
        })
}

/// A country code: two capital letters, `KR` (the schemas' pattern `^[A-Z]{2}$` for the
/// jurisdiction of a rule set and of a contact directory).
pub(crate) fn is_country_code(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// The longest key [`is_dotted_key`] takes: a locale file's keys reach about 80 bytes.
const MAX_DOTTED_KEY_LEN: usize = 160;

/// Whether `s` is a key of a policy document that a message may quote: a snake_case token
/// ([`is_id`]), or such tokens and numbers joined by dots, as a locale file's keys are
/// (`rules.kr.action.no_removal_pending_identification.addition.0`), at most 160 bytes. Such
/// a key cannot be a sentence, and a policy document holds no one's case.
pub(crate) fn is_dotted_key(s: &str) -> bool {
    s.len() <= MAX_DOTTED_KEY_LEN
        && s.split('.').enumerate().all(|(i, part)| {
            is_id(part) || (i > 0 && !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// Whether `s` is a well-formed identifier, so that it is safe to quote in a message.
pub(crate) fn is_id(s: &str) -> bool {
    check_id(s).is_ok()
}

/// The candidate nearest to `name`, if one is near enough to be what `name` misspells: at
/// most a third of `name`'s length away (rounded up) in edit distance (bytes inserted,
/// deleted or replaced); of equally near candidates, the first. For error messages about a
/// name the reader does not know: the candidates are the crate's own names (catalogue ids,
/// the case format's fields), which a message may quote where it may not quote `name`.
/// Cheap whatever `name` is: a candidate whose length is too far from `name`'s is passed
/// over without comparing them, so a long `name` is compared with none.
///
/// A name cut short at a word is read as the one candidate it begins (`purpose_forced_labour`
/// is `purpose_forced_labour_or_services`, though `purpose_forced_marriage` is fewer edits
/// away); where it begins several, the edit distance decides.
pub(crate) fn nearest<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let candidates: Vec<&'a str> = candidates.into_iter().collect();
    let mut begun = candidates.iter().filter(|c| {
        c.len() > name.len() && c.starts_with(name) && c.as_bytes().get(name.len()) == Some(&b'_')
    });
    if let (Some(only), None) = (begun.next(), begun.next())
        && name.len() >= 4
    {
        return Some(only);
    }
    let name = name.as_bytes();
    let most = name.len().div_ceil(3).max(1);
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        let within = best.map_or(most, |(d, _)| d.saturating_sub(1));
        if candidate.len().abs_diff(name.len()) > within {
            continue;
        }
        let d = edit_distance(name, candidate.as_bytes());
        if d <= within {
            best = Some((d, candidate));
            if d == 0 {
                break;
            }
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// The edit distance between two byte strings (Levenshtein: insertions, deletions and
/// replacements, one each).
fn edit_distance(a: &[u8], b: &[u8]) -> usize {
    // One row of the table at a time: `prev` is row i, `row` becomes row i + 1.
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut row: Vec<usize> = Vec::with_capacity(b.len() + 1);
    for (i, &ca) in a.iter().enumerate() {
        row.clear();
        let mut left = i + 1;
        row.push(left);
        for ((&cb, &diagonal), &up) in b.iter().zip(prev.iter()).zip(prev.iter().skip(1)) {
            let d = (diagonal + usize::from(ca != cb)).min(up + 1).min(left + 1);
            row.push(d);
            left = d;
        }
        std::mem::swap(&mut prev, &mut row);
    }
    prev.last().copied().unwrap_or(0)
}

/// The text of an identifier: borrowed for the whole process, or shared.
#[derive(Clone)]
enum IdText {
    Static(&'static str),
    Shared(Arc<str>),
}

impl IdText {
    fn as_str(&self) -> &str {
        match self {
            IdText::Static(s) => s,
            IdText::Shared(s) => s,
        }
    }
}

impl std::ops::Deref for IdText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for IdText {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for IdText {}

impl PartialOrd for IdText {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for IdText {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::hash::Hash for IdText {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

macro_rules! identifier {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(IdText);

        impl $name {
            #[doc = concat!("Makes ", $what, " from a snake_case token, checking the grammar.")]
            pub fn new(id: &str) -> Result<Self, IdError> {
                check_id(id)?;
                Ok(Self(IdText::Shared(Arc::from(id))))
            }

            #[doc = concat!("The ", $what, " as text.")]
            pub fn as_str(&self) -> &str {
                self.0.as_str()
            }

            /// Whether the text is held for the whole process (not reference-counted).
            #[cfg(test)]
            #[allow(dead_code, reason = "used for indicator ids only")]
            pub(crate) fn is_static(&self) -> bool {
                matches!(self.0, IdText::Static(_))
            }

            /// The same id with its text held for the whole process (for data that lives as
            /// long, such as the built-in catalogue), so that clones are plain copies.
            pub(crate) fn into_static(self) -> Self {
                match self.0 {
                    IdText::Static(_) => self,
                    IdText::Shared(text) => {
                        let leaked: &'static str = Box::leak(Box::<str>::from(&*text));
                        Self(IdText::Static(leaked))
                    }
                }
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(self.0.as_str(), f)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.0.as_str())
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.0.as_str()
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                self.0.as_str()
            }
        }

        impl std::str::FromStr for $name {
            type Err = IdError;
            fn from_str(s: &str) -> Result<Self, IdError> {
                Self::new(s)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0.as_str() == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0.as_str() == *other
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.0.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
                Self::new(&text).map_err(serde::de::Error::custom)
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({
                    "type": "string",
                    "description": concat!(
                        "A stable snake_case identifier: ", $what,
                        ". Lowercase ASCII letters, digits and underscores, starting with a letter."
                    ),
                    "pattern": ID_PATTERN,
                    "minLength": 1,
                    "maxLength": MAX_ID_LEN,
                })
            }
        }
    };
}

identifier!(
    /// The stable identifier of one indicator entry, such as
    /// `confiscation_of_documents_at_destination`.
    ///
    /// An id names one phenomenon *in one dimension*: document confiscation during recruitment
    /// and at destination are two entries with two ids, linked by one [`ConceptId`].
    /// Ids are never renumbered or reused; the committed snapshot test
    /// (`tests/snapshots/indicator_ids.txt`) fails if one changes.
    IndicatorId,
    "an indicator id"
);

identifier!(
    /// The phenomenon an indicator entry describes, shared by the entries for the same
    /// phenomenon in different dimensions or lists (for example `confiscation_of_documents`).
    ///
    /// Within one dimension, present indicators that share a concept count once, so the same
    /// fact recorded under two lists' wording is never double counted.
    ConceptId,
    "a concept id"
);

identifier!(
    /// The identifier of a published indicator list, such as `ilo_ec_2009_adult_labour`.
    ListId,
    "a list id"
);

identifier!(
    /// The identifier of a source document in a catalogue's reference table, such as
    /// `ilo_ec_2009`.
    ReferenceId,
    "a reference id"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grammar_accepts_snake_case_only() {
        assert!(IndicatorId::new("debt_bondage_at_destination").is_ok());
        assert!(IndicatorId::new("a1").is_ok());
        assert_eq!(IndicatorId::new(""), Err(IdError::Empty));
        assert_eq!(IndicatorId::new("1abc"), Err(IdError::NotSnakeCase));
        assert_eq!(IndicatorId::new("Debt"), Err(IdError::NotSnakeCase));
        assert_eq!(IndicatorId::new("debt bondage"), Err(IdError::NotSnakeCase));
        assert_eq!(IndicatorId::new("debt-bondage"), Err(IdError::NotSnakeCase));
        assert_eq!(IndicatorId::new("ü"), Err(IdError::NotSnakeCase));
        let long = "a".repeat(MAX_ID_LEN + 1);
        assert_eq!(
            IndicatorId::new(&long),
            Err(IdError::TooLong(MAX_ID_LEN + 1))
        );
    }

    #[test]
    fn id_error_never_repeats_the_input() {
        let err = IndicatorId::new("Maria said her boss kept it").err();
        let text = err.map(|e| e.to_string()).unwrap_or_default();
        assert!(!text.contains("Maria"));
    }

    #[test]
    fn the_nearest_name_is_a_likely_misspelling_or_none() {
        let names = ["status", "source", "note", "indicator"];
        assert_eq!(edit_distance(b"kitten", b"sitting"), 3);
        assert_eq!(edit_distance(b"", b"abc"), 3);
        assert_eq!(nearest("statsu", names), Some("status"));
        assert_eq!(nearest("Status", names), Some("status"));
        assert_eq!(nearest("notes", names), Some("note"));
        assert_eq!(nearest("sauce", names), Some("source"));
        assert_eq!(nearest("indicatr", names), Some("indicator"));
        // Too far to be a misspelling: none, rather than a guess.
        assert_eq!(nearest("maria_kim", names), None);
        assert_eq!(nearest("x", names), None);
        assert_eq!(nearest(&"status".repeat(1000), names), None);
        // Cut short at a word: the one candidate it begins, not the fewest edits.
        let ids = [
            "purpose_forced_marriage",
            "purpose_forced_labour_or_services",
        ];
        assert_eq!(
            nearest("purpose_forced_labour", ids),
            Some("purpose_forced_labour_or_services")
        );
        let ids = ["debt_bondage_at_recruitment", "debt_bondage_at_destination"];
        assert_eq!(
            nearest("debt_bondage_at_destinaton", ids),
            Some("debt_bondage_at_destination")
        );
        // Of two equally near, the first.
        assert_eq!(nearest("sxxtus", ["sxatus", "sxxtux"]), Some("sxatus"));
        assert_eq!(nearest("ab", []), None);
    }
}
