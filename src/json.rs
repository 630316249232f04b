//! A strict JSON tree for case documents.
//!
//! serde_json's own `Value` keeps the last of two equal keys and its type errors quote the
//! offending value. Case documents need neither: a duplicated key must be an error (nothing
//! silently dropped) and no value may reach an error message (it may be a victim's words).
//! This tree keeps object keys in document order, rejects duplicates, bounds nesting depth,
//! and lets the typed reader in `case.rs` name every problem by its JSON path.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::error::{CaseError, FieldName, JsonKind};

/// A JSON value with object keys in document order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// A JSON number as the parser saw it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Number {
    Unsigned(u64),
    Signed(i64),
    Float(f64),
}

impl Json {
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
            Json::String(s) => serde_json::Value::String(s.clone()),
            Json::Array(items) => items.iter().map(Json::to_serde_value).collect(),
            Json::Object(members) => serde_json::Value::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.clone(), v.to_serde_value()))
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

/// Parses `text` into a strict tree: duplicate keys and nesting deeper than `max_depth` are
/// errors. serde_json's syntax messages name what was expected, never the input text.
pub(crate) fn parse(text: &str, max_depth: usize) -> Result<Json, CaseError> {
    let failure = Cell::new(None);
    let seed = TreeSeed {
        depth: 0,
        max_depth,
        path: PathBuf::default(),
        failure: &failure,
    };
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let result = seed
        .deserialize(&mut deserializer)
        .and_then(|tree| deserializer.end().map(|()| tree));
    match result {
        Ok(tree) => Ok(tree),
        Err(e) => Err(failure.take().unwrap_or_else(|| CaseError::Syntax {
            message: crate::error::strip_position(&e),
            line: e.line(),
            column: e.column(),
        })),
    }
}

/// Reads a strict tree from any serde deserializer (used by `Case`'s `Deserialize` impl, so
/// that there is one parser). Errors carry the [`CaseError`] message, never a value.
pub(crate) fn tree_from<'de, D: Deserializer<'de>>(
    deserializer: D,
    max_depth: usize,
) -> Result<Json, D::Error> {
    let failure = Cell::new(None);
    let seed = TreeSeed {
        depth: 0,
        max_depth,
        path: PathBuf::default(),
        failure: &failure,
    };
    seed.deserialize(deserializer)
        .map_err(|e| match failure.take() {
            Some(error) => de::Error::custom(error),
            None => e,
        })
}

/// The path of the value being built, owned, for duplicate-key errors found while parsing.
#[derive(Default, Clone)]
struct PathBuf(String);

impl PathBuf {
    fn render(&self) -> String {
        format!("${}", self.0)
    }

    fn child_key(&self, key: &str) -> PathBuf {
        if crate::id::is_id(key) {
            PathBuf(format!("{}.{key}", self.0))
        } else {
            PathBuf(format!("{}.?", self.0))
        }
    }

    fn child_index(&self, index: usize) -> PathBuf {
        PathBuf(format!("{}[{index}]", self.0))
    }
}

struct TreeSeed<'f> {
    depth: usize,
    max_depth: usize,
    path: PathBuf,
    failure: &'f Cell<Option<CaseError>>,
}

impl<'f> TreeSeed<'f> {
    fn fail<E: de::Error>(&self, error: CaseError) -> E {
        self.failure.set(Some(error));
        E::custom("case document rejected")
    }

    fn child(&self, path: PathBuf) -> TreeSeed<'f> {
        TreeSeed {
            depth: self.depth + 1,
            max_depth: self.max_depth,
            path,
            failure: self.failure,
        }
    }
}

impl<'de> DeserializeSeed<'de> for TreeSeed<'_> {
    type Value = Json;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for TreeSeed<'_> {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Number(Number::Signed(v)))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Number(Number::Unsigned(v)))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Number(Number::Float(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::String(v))
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        if self.depth >= self.max_depth {
            return Err(self.fail(CaseError::TooDeep {
                limit: self.max_depth,
            }));
        }
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) =
            seq.next_element_seed(self.child(self.path.child_index(items.len())))?
        {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        if self.depth >= self.max_depth {
            return Err(self.fail(CaseError::TooDeep {
                limit: self.max_depth,
            }));
        }
        let mut members: Vec<(String, Json)> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let child = self.child(self.path.child_key(&key));
            let value = map.next_value_seed(child)?;
            members.push((key, value));
        }
        if members.len() > 1 {
            let mut keys: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
            keys.sort_unstable();
            if let Some(pair) = keys.windows(2).find(|w| w.first() == w.get(1)) {
                let key = pair.first().copied().unwrap_or_default();
                return Err(self.fail(CaseError::DuplicateKey {
                    path: self.path.render(),
                    key: FieldName::new(key),
                }));
            }
        }
        Ok(Json::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_keys_are_rejected_with_their_path() {
        let err = parse(r#"{"subject": {"minor": true, "minor": false}}"#, 32).err();
        assert_eq!(
            err.map(|e| e.to_string()),
            Some("$.subject: the key `minor` appears twice".to_owned())
        );
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
        assert_eq!(
            parse(&deep, 32).err(),
            Some(CaseError::TooDeep { limit: 32 })
        );
        assert!(parse(&deep, 64).is_ok());
    }

    #[test]
    fn syntax_errors_name_position_not_content() {
        let err = parse(r#"{"note": "Maria said" oops}"#, 32).err();
        let text = err.map(|e| e.to_string()).unwrap_or_default();
        assert!(text.contains("line 1"), "{text}");
        assert!(!text.contains("Maria"), "{text}");
        assert!(!text.contains("oops"), "{text}");
    }

    #[test]
    fn trailing_text_is_an_error() {
        assert!(matches!(parse("{} {}", 32), Err(CaseError::Syntax { .. })));
    }
}
