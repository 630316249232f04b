//! A strict JSON tree for case documents.
//!
//! serde_json's own `Value` keeps the last of two equal keys and its type errors quote the
//! offending value. Case documents need neither: a duplicated key must be an error (nothing
//! silently dropped) and no value may reach an error message (it may be a victim's words).
//! This tree keeps object keys in document order, rejects duplicates, bounds nesting depth,
//! and lets the typed reader in `case.rs` name every problem by its JSON path.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::model::error::{CaseError, FieldName, JsonKind};

/// A JSON value with object keys in document order. Strings and keys borrow from the input
/// text where they have no escapes, so reading a case copies only what the case keeps.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Json<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'a, str>),
    Array(Vec<Json<'a>>),
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

/// A JSON number as the parser saw it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Number {
    Unsigned(u64),
    Signed(i64),
    Float(f64),
}

impl Json<'_> {
    pub(crate) fn kind(&self) -> JsonKind {
        match self {
            Json::Null => JsonKind::Null,
            Json::Bool(_) => JsonKind::Bool,
            Json::Number(_) => JsonKind::Number,
            Json::String(_) => JsonKind::String,
            Json::Array(_) => JsonKind::Array,
            Json::Object(_) => JsonKind::Object,
        }
    }

    /// The value as compact JSON, for [`CaseError::Revealed`] only.
    pub(crate) fn to_json_text(&self) -> String {
        let value = self.to_serde_value();
        serde_json::to_string(&value).unwrap_or_default()
    }

    fn to_serde_value(&self) -> serde_json::Value {
        match self {
            Json::Null => serde_json::Value::Null,
            Json::Bool(b) => serde_json::Value::Bool(*b),
            Json::Number(Number::Unsigned(n)) => (*n).into(),
            Json::Number(Number::Signed(n)) => (*n).into(),
            Json::Number(Number::Float(n)) => serde_json::Number::from_f64(*n)
                .map_or(serde_json::Value::Null, serde_json::Value::Number),
            Json::String(s) => serde_json::Value::String(s.to_string()),
            Json::Array(items) => items.iter().map(Json::to_serde_value).collect(),
            Json::Object(members) => serde_json::Value::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_serde_value()))
                    .collect(),
            ),
        }
    }
}

/// One step of a JSON path; paths are linked lists on the stack, rendered only on error.
#[derive(Clone, Copy)]
pub(crate) enum Step<'a> {
    Root,
    Key(&'a Path<'a>, &'static str),
    Index(&'a Path<'a>, usize),
}

/// A JSON path such as `$.observations[2].status`.
#[derive(Clone, Copy)]
pub(crate) struct Path<'a>(pub(crate) Step<'a>);

impl Path<'static> {
    pub(crate) const ROOT: Path<'static> = Path(Step::Root);
}

impl<'a> Path<'a> {
    pub(crate) fn key(&'a self, key: &'static str) -> Path<'a> {
        Path(Step::Key(self, key))
    }

    pub(crate) fn index(&'a self, index: usize) -> Path<'a> {
        Path(Step::Index(self, index))
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Step::Root => f.write_str("$"),
            Step::Key(parent, key) => write!(f, "{parent}.{key}"),
            Step::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// Which keys of a document an error may name, in a path or as the key given twice.
#[derive(Clone, Copy)]
pub(crate) enum Keys {
    /// Any snake_case token (and, as the key given twice, such tokens joined by dots): the
    /// keys of a policy document (a rule set, a catalogue, a locale file) are its author's,
    /// and a token cannot be a sentence.
    Tokens,
    /// Only the keys this knows: in a case, any other key may be what someone typed about a
    /// person, and a snake_case token can be a name (`maria_kim`).
    Only(fn(&str) -> bool),
}

impl Keys {
    /// Whether a path may name `key` as one of its steps: a dotted key is not, since its
    /// dots would read as steps of their own (`$.texts.?`, not `$.texts.level.sentence`);
    /// [`Keys::field`] names it in full as the key given twice.
    fn shows(self, key: &str) -> bool {
        match self {
            Keys::Tokens => crate::model::id::is_id(key),
            Keys::Only(known) => known(key),
        }
    }

    /// `key` as an error names it.
    fn field(self, key: &str) -> FieldName {
        match self {
            Keys::Tokens => FieldName::policy_key(key),
            Keys::Only(_) if self.shows(key) => FieldName::new(key),
            Keys::Only(_) => FieldName::not_in_format(None),
        }
    }
}

/// Parses `text` into a strict tree through serde_json's deserializer: duplicate keys and
/// nesting deeper than `max_depth` are errors, naming only the `keys` an error may name.
/// serde_json's syntax messages name what was expected, never the input text. Case documents
/// are read by [`json_in::read`], which takes a faster path for plainly well-formed documents
/// and this one for the rest.
///
/// [`json_in::read`]: super::json_in::read
pub(crate) fn parse(text: &str, max_depth: usize, keys: Keys) -> Result<Json<'_>, CaseError> {
    let failure = Cell::new(None);
    let seed = TreeSeed::root(max_depth, keys, &failure);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let result = seed
        .deserialize(&mut deserializer)
        .and_then(|tree| deserializer.end().map(|()| tree));
    match result {
        Ok(tree) => Ok(tree),
        Err(e) => Err(failure.take().unwrap_or_else(|| CaseError::Syntax {
            message: crate::model::error::strip_position(&e),
            line: e.line(),
            column: char_column(text, e.line(), e.column()),
        })),
    }
}

/// The column of a position as an editor shows it, in characters: serde_json counts bytes,
/// and a line with Korean text before the error (three bytes a character in UTF-8) would send
/// the reader too far to the right. `line` and `byte_column` are serde_json's, from 1.
pub(crate) fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(this_line) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column;
    };
    this_line
        .char_indices()
        .take_while(|(i, _)| *i < byte_column)
        .count()
}

/// Why a policy document (a rule set, a catalogue extension) could not be read; each reader
/// turns it into its own error.
pub(crate) enum DocumentProblem {
    /// Longer than the reader's limit.
    TooLarge {
        /// Its length in bytes.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// A key appears twice in one object (serde would keep the last one of a map).
    Duplicate(crate::model::error::Problem),
    /// Not readable as the document: UTF-16 text, or a JSON or shape error at a position.
    Parse {
        /// What is wrong, without the text.
        message: String,
        /// Where, from 1.
        line: usize,
        /// Where, from 1.
        column: usize,
    },
}

/// Each error of a document the strict reader reads (`TooLarge`, `Parse`, `Invalid`) made
/// from the reader's problem, in one place: too large, not parsed, or a key given twice (a
/// problem with its place).
macro_rules! from_document {
    ($($error:ident),+) => {$(
        impl crate::model::error::$error {
            pub(crate) fn from_document(problem: DocumentProblem) -> Self {
                use crate::model::error::{$error, Problems};
                match problem {
                    DocumentProblem::TooLarge { bytes, limit } => {
                        $error::TooLarge { bytes, limit }
                    }
                    DocumentProblem::Duplicate(problem) => {
                        $error::Invalid(Problems::one(problem))
                    }
                    DocumentProblem::Parse {
                        message,
                        line,
                        column,
                    } => $error::Parse {
                        message,
                        line,
                        column,
                    },
                }
            }
        }
    )+};
}

from_document!(
    CatalogueError,
    RuleSetError,
    PriorsError,
    ContactDirectoryError
);

/// Reads a policy document: a leading byte-order mark skipped, UTF-16 refused, at most
/// `limit` bytes, then parsed with serde, strictly (an array for an object is refused). A
/// parse error's message is serde's, without its position: it may name an unknown field or
/// quote a wrong value, which for a rule set, catalogue or priors document (never case data)
/// is what its author needs to find it.
pub(crate) fn read_document<T: serde::de::DeserializeOwned>(
    text: &str,
    limit: usize,
) -> Result<T, DocumentProblem> {
    let text = text_input(text).map_err(|_| DocumentProblem::Parse {
        message: "the text is UTF-16: save it as UTF-8".to_owned(),
        line: 1,
        column: 1,
    })?;
    if text.len() > limit {
        return Err(DocumentProblem::TooLarge {
            bytes: text.len(),
            limit,
        });
    }
    // Strictly: an array where the format has an object is refused (serde alone takes it).
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(crate::model::strict::Strict(&mut deserializer))
        .and_then(|value| deserializer.end().map(|()| value))
        .map_err(|e| DocumentProblem::Parse {
            line: e.line(),
            column: char_column(text, e.line(), e.column()),
            message: crate::model::error::strip_position(&e),
        })?;
    // A key twice in one object: serde refuses it for a struct's fields and keeps the last for
    // a map, so the document is read once more as the strict tree, which refuses both. (It
    // parsed above, so only a duplicate key can fail here; serde_json's nesting limit, 128,
    // is below this one.)
    match parse(text, 256, Keys::Tokens) {
        Ok(_) => Ok(value),
        Err(CaseError::DuplicateKey { path, key }) => Err(DocumentProblem::Duplicate(
            crate::model::error::Problem::new(path, format!("the key {key} appears twice")),
        )),
        Err(other) => Err(DocumentProblem::Parse {
            message: other.to_string(),
            line: 1,
            column: 1,
        }),
    }
}

/// Reads a strict tree from any serde deserializer (used by `Case`'s `Deserialize` impl, so
/// that there is one parser). Errors carry the [`CaseError`] message, never a value, and name
/// only the `keys` an error may name.
pub(crate) fn tree_from<'de, D: Deserializer<'de>>(
    deserializer: D,
    max_depth: usize,
    keys: Keys,
) -> Result<Json<'de>, D::Error> {
    let failure = Cell::new(None);
    let seed = TreeSeed::root(max_depth, keys, &failure);
    seed.deserialize(deserializer)
        .map_err(|e| match failure.take() {
            Some(error) => de::Error::custom(error),
            None => e,
        })
}

/// The path of the value being built, as a linked list on the stack: rendered only for a
/// duplicate-key error, so parsing allocates nothing for it. A key an error may not name
/// ([`Keys`]) renders as `?` (it may be free text, or a name).
#[derive(Clone, Copy)]
enum Seg<'p> {
    Root,
    Key(&'p Seg<'p>, &'p str),
    Index(&'p Seg<'p>, usize),
}

impl Seg<'_> {
    fn render(&self, keys: Keys) -> String {
        match self {
            Seg::Root => "$".to_owned(),
            Seg::Key(parent, key) if keys.shows(key) => {
                format!("{}.{key}", parent.render(keys))
            }
            Seg::Key(parent, _) => format!("{}.?", parent.render(keys)),
            Seg::Index(parent, i) => format!("{}[{i}]", parent.render(keys)),
        }
    }
}

struct TreeSeed<'f, 'p> {
    depth: usize,
    max_depth: usize,
    keys: Keys,
    path: &'p Seg<'p>,
    failure: &'f Cell<Option<CaseError>>,
}

impl<'f> TreeSeed<'f, 'static> {
    fn root(max_depth: usize, keys: Keys, failure: &'f Cell<Option<CaseError>>) -> Self {
        TreeSeed {
            depth: 0,
            max_depth,
            keys,
            path: &Seg::Root,
            failure,
        }
    }
}

impl<'f> TreeSeed<'f, '_> {
    fn fail<E: de::Error>(&self, error: CaseError) -> E {
        self.failure.set(Some(error));
        E::custom("case document rejected")
    }

    fn child<'c>(&self, path: &'c Seg<'c>) -> TreeSeed<'f, 'c> {
        TreeSeed {
            depth: self.depth + 1,
            max_depth: self.max_depth,
            keys: self.keys,
            path,
            failure: self.failure,
        }
    }
}

impl<'de> DeserializeSeed<'de> for TreeSeed<'_, '_> {
    type Value = Json<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json<'de>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

/// Reads an object key, borrowing it from the input when it has no escapes.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string key")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

impl<'de> Visitor<'de> for TreeSeed<'_, '_> {
    type Value = Json<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Json<'de>, E> {
        Ok(Json::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Json<'de>, E> {
        Ok(Json::Number(Number::Signed(v)))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Json<'de>, E> {
        Ok(Json::Number(Number::Unsigned(v)))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Json<'de>, E> {
        Ok(Json::Number(Number::Float(v)))
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Borrowed(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E>(self, v: String) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(v)))
    }

    fn visit_unit<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }

    fn visit_none<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
        if self.depth >= self.max_depth {
            return Err(self.fail(CaseError::TooDeep {
                limit: self.max_depth,
            }));
        }
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        loop {
            let seg = Seg::Index(self.path, items.len());
            match seq.next_element_seed(self.child(&seg))? {
                Some(item) => items.push(item),
                None => break,
            }
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
        if self.depth >= self.max_depth {
            return Err(self.fail(CaseError::TooDeep {
                limit: self.max_depth,
            }));
        }
        let mut members: Vec<(Cow<'de, str>, Json<'de>)> = Vec::new();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let value = {
                let seg = Seg::Key(self.path, &key);
                map.next_value_seed(self.child(&seg))?
            };
            members.push((key, value));
        }
        if let Some(key) = duplicate_key(&members) {
            return Err(self.fail(CaseError::DuplicateKey {
                path: self.path.render(self.keys),
                key: self.keys.field(key),
            }));
        }
        Ok(Json::Object(members))
    }
}

/// A key that appears twice among an object's members, if any.
pub(super) fn duplicate_key<'m>(members: &'m [(Cow<'_, str>, Json<'_>)]) -> Option<&'m str> {
    if members.len() <= 16 {
        // Small objects (every object of a real case): compare pairs, no allocation.
        members.iter().enumerate().find_map(|(i, (k, _))| {
            members
                .iter()
                .skip(i + 1)
                .any(|(other, _)| other == k)
                .then_some(k.as_ref())
        })
    } else {
        let mut keys: Vec<&str> = members.iter().map(|(k, _)| k.as_ref()).collect();
        keys.sort_unstable();
        keys.windows(2)
            .find(|w| w.first() == w.get(1))
            .and_then(|w| w.first().copied())
    }
}

/// Whether `text` is a calendar date written `YYYY-MM-DD`.
pub(crate) fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
            .then(|| text.get(r).and_then(|s| s.parse::<u32>().ok()))
            .flatten()
    };
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return false;
    }
    let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_calendar_dates() {
        assert!(is_date("2023-01-01"));
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2023-02-29"));
        assert!(!is_date("2023-13-01"));
        assert!(!is_date("2023-1-01"));
        assert!(!is_date("20230101"));
    }

    #[test]
    fn duplicate_keys_are_rejected_with_their_path() {
        let err = parse(
            r#"{"subject": {"minor": true, "minor": false}}"#,
            32,
            Keys::Tokens,
        )
        .err();
        assert_eq!(
            err.map(|e| e.to_string()),
            Some("$.subject: the key `minor` appears twice".to_owned())
        );
    }

    /// In a case, only the case format's own keys are named: any other one, in the path or
    /// as the key given twice, is not shown, though it is a snake_case token.
    #[test]
    fn a_case_names_only_its_own_keys() {
        let keys = Keys::Only(|k| ["subject", "minor"].contains(&k));
        let text = r#"{"maria_kim": {"minor": 1, "minor": 2}, "subject": {"kim": 1, "kim": 2}}"#;
        assert_eq!(
            parse(text, 32, keys).err().map(|e| e.to_string()),
            Some("$.?: the key `minor` appears twice".to_owned())
        );
        let text = r#"{"subject": {"kim": 1, "kim": 2}}"#;
        assert_eq!(
            parse(text, 32, keys).err().map(|e| e.to_string()),
            Some(
                "$.subject: the key (a name the case format does not have, not shown) appears twice"
                    .to_owned()
            )
        );
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
        assert_eq!(
            parse(&deep, 32, Keys::Tokens).err(),
            Some(CaseError::TooDeep { limit: 32 })
        );
        assert!(parse(&deep, 64, Keys::Tokens).is_ok());
    }

    #[test]
    fn syntax_errors_name_position_not_content() {
        let err = parse(r#"{"note": "Maria said" oops}"#, 32, Keys::Tokens).err();
        let text = err.map(|e| e.to_string()).unwrap_or_default();
        assert!(text.contains("line 1"), "{text}");
        assert!(!text.contains("Maria"), "{text}");
        assert!(!text.contains("oops"), "{text}");
    }

    #[test]
    fn a_column_counts_characters_not_bytes() {
        // Four Hangul characters (twelve bytes) before the error on the second line.
        let text = "{\n\"note\": \"가나다라\" x}";
        let Err(CaseError::Syntax { line, column, .. }) = parse(text, 32, Keys::Tokens) else {
            unreachable!("a syntax error")
        };
        assert_eq!((line, column), (2, 16), "the `x`, as an editor counts");
        assert_eq!(char_column("abc", 1, 2), 2);
        assert_eq!(char_column("가나", 1, 4), 2);
        assert_eq!(char_column("", 3, 5), 5);
    }

    #[test]
    fn trailing_text_is_an_error() {
        assert!(matches!(
            parse("{} {}", 32, Keys::Tokens),
            Err(CaseError::Syntax { .. })
        ));
    }
}

/// A text input as the readers take it: leading UTF-8 byte-order marks (editors on Windows
/// write one, and a file saved again by a second tool can carry two) are skipped; text that
/// is UTF-16 read as if it were UTF-8 (a UTF-16 byte-order mark reversed, or NUL bytes among
/// the first characters, after any byte-order mark or replacement characters: see
/// [`looks_utf16`]) is refused, so that the error can say so.
pub(crate) fn text_input(text: &str) -> Result<&str, NotUtf8> {
    let text = text.trim_start_matches('\u{feff}');
    if looks_utf16(text.as_bytes()) {
        Err(NotUtf8)
    } else {
        Ok(text)
    }
}

/// How many bytes after the marks a text starts with [`looks_utf16`] searches for a NUL: the
/// first characters. UTF-16 has a NUL beside every ASCII character, and a JSON document starts
/// with one (`{`, `[` or a space); eight bytes also cover a byte-order mark decoded as two
/// Latin-1 letters (`ÿþ`, four bytes in UTF-8). A NUL is never valid in a JSON text, so no
/// document that reads is refused.
const NUL_WINDOW: usize = 8;

/// Whether bytes read as text are UTF-16: they start with a UTF-16 byte-order mark (which no
/// UTF-8 text can), or, after any UTF-8 byte-order marks (U+FEFF) and replacement characters
/// (U+FFFD, which is what `String::from_utf8_lossy` makes of a UTF-16 byte-order mark, one for
/// each of its bytes), with a reversed mark (U+FFFE) or with a NUL byte among the first
/// characters, as UTF-16 has beside every ASCII letter. Replacement characters alone are not
/// a sign: the start of a text in CP949 or another 8-bit encoding, decoded so, gives them too.
/// The one sign the readers use, of a document and of a batch line.
pub(crate) fn looks_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return true;
    }
    let mut rest = bytes;
    while let Some(after) = ["\u{feff}", "\u{fffd}"]
        .iter()
        .find_map(|mark| rest.strip_prefix(mark.as_bytes()))
    {
        rest = after;
    }
    rest.starts_with("\u{fffe}".as_bytes()) || rest.iter().take(NUL_WINDOW).any(|&b| b == 0)
}

/// The text is UTF-16, not UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NotUtf8;

#[cfg(test)]
mod text_input_tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_skipped_and_utf16_is_refused() {
        assert_eq!(text_input("\u{feff}{}"), Ok("{}"));
        // A file saved by two tools in turn can carry two marks: still UTF-8, not UTF-16.
        assert_eq!(text_input("\u{feff}\u{feff}{}"), Ok("{}"));
        assert_eq!(text_input("{}"), Ok("{}"));
        assert_eq!(text_input("{\0\"\0"), Err(NotUtf8));
        assert_eq!(text_input("\0{\0"), Err(NotUtf8));
        assert_eq!(text_input("\u{fffe}{"), Err(NotUtf8));
    }

    /// A UTF-16 file decoded by `String::from_utf8_lossy` (or as Latin-1) before it reaches a
    /// reader: its byte-order mark is two replacement characters (or `ÿþ`), and its first NUL
    /// is at byte 7 (or 5, or 6 in big-endian), not 0 or 1.
    #[test]
    fn utf16_decoded_lossily_is_refused_and_replacement_characters_alone_are_not() {
        for (bom, big_endian) in [([0xff_u8, 0xfe], false), ([0xfe, 0xff], true)] {
            let units = "{}".encode_utf16().flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            });
            let bytes: Vec<u8> = bom.into_iter().chain(units).collect();
            let lossy = String::from_utf8_lossy(&bytes);
            assert!(lossy.starts_with("\u{fffd}\u{fffd}"), "{lossy:?}");
            assert_eq!(text_input(&lossy), Err(NotUtf8), "{lossy:?}");
            let latin1: String = bytes.iter().map(|&b| char::from(b)).collect();
            assert_eq!(text_input(&latin1), Err(NotUtf8), "{latin1:?}");
            assert_eq!(text_input(&format!("\u{feff}{lossy}")), Err(NotUtf8));
        }
        assert_eq!(text_input("\u{fffd}\u{fffd}\u{fffe}{"), Err(NotUtf8));
        // CP949 or another 8-bit encoding decoded lossily: replacement characters, no NUL.
        assert_eq!(text_input("\u{fffd}\u{fffd}{}"), Ok("\u{fffd}\u{fffd}{}"));
        assert_eq!(
            text_input("{\"a\": \"\u{fffd}\"}"),
            Ok("{\"a\": \"\u{fffd}\"}")
        );
        // A NUL far into a UTF-8 text is a syntax error of its own, not a sign of UTF-16.
        assert_eq!(text_input("{\"note\": \"\0\"}"), Ok("{\"note\": \"\0\"}"));
    }
}
