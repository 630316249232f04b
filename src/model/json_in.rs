//! Reading case documents into the strict tree, with a fast path for well-formed ones.
//!
//! [`json::parse`](super::json::parse) reads through serde_json's visitor interface, which
//! costs more than the parsing itself on a case of a few kilobytes. This parser builds the
//! same [`Json`] tree directly, for documents that are plainly well formed: it gives up (and
//! the serde path reads the document again, with its exact errors) at the first thing it
//! does not handle, so that every error a reader sees still comes from one place.
//!
//! It gives up on: any syntax error, a duplicate key, nesting at the depth limit (or deeper
//! than 64), a negative number, a number with a fraction or an exponent, an integer beyond
//! `u64`, a control character in a string, and an escape other than the JSON ones (a lone
//! surrogate included). Whatever it returns is what serde_json would build: the property
//! tests below compare the two on random documents, `tests/integration/case_format.rs` on
//! every data, bundled and generated case and damaged copies of them, and the `case` fuzz
//! target on every input it runs.

use std::borrow::Cow;

use super::json::{self, Json, Number, duplicate_key};
use super::json_out::{byte_needs_escape, escape_bytes, word_at};
use crate::model::error::CaseError;

/// Nesting the fast path reads at most, whatever the limit (serde_json's own recursion limit
/// is 128; deeper documents are left to it).
const MAX_FAST_DEPTH: usize = 64;

/// Parses `text` into the strict tree: by the fast path when it can, else (every error
/// included, naming only the `keys` an error may name) by [`json::parse`].
pub(crate) fn read(text: &str, max_depth: usize, keys: json::Keys) -> Result<Json<'_>, CaseError> {
    match parse_fast(text, max_depth) {
        Some(tree) => Ok(tree),
        None => json::parse(text, max_depth, keys),
    }
}

/// Parses `text`, or `None` when the serde path must read it (see the module
/// documentation).
fn parse_fast(text: &str, max_depth: usize) -> Option<Json<'_>> {
    let mut parser = Parser::new(text, max_depth);
    let value = parser.value(0)?;
    parser.at_end().then_some(value)
}

/// The fast path's parser; the case's direct reader (`case::direct`) reads with its
/// primitives too.
pub(crate) struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    max_depth: usize,
}

impl<'a> Parser<'a> {
    /// A parser at the start of `text`, reading trees at most `max_depth` deep (and never
    /// deeper than 64).
    pub(crate) fn new(text: &'a str, max_depth: usize) -> Parser<'a> {
        Parser {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            max_depth: max_depth.min(MAX_FAST_DEPTH),
        }
    }

    /// The next byte, if any.
    pub(crate) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Moves past the next byte.
    pub(crate) fn advance(&mut self) {
        self.pos += 1;
    }

    /// Whether only whitespace is left.
    pub(crate) fn at_end(&mut self) -> bool {
        self.whitespace();
        self.pos == self.bytes.len()
    }

    /// Whitespace, then `null` if it is next (consumed).
    pub(crate) fn null(&mut self) -> Option<bool> {
        self.whitespace();
        if self.peek()? == b'n' {
            self.literal(b"null", Json::Null)?;
            Some(true)
        } else {
            Some(false)
        }
    }

    /// Whitespace, then `true` or `false`.
    pub(crate) fn boolean(&mut self) -> Option<bool> {
        self.whitespace();
        match self.peek()? {
            b't' => self.literal(b"true", Json::Bool(true)).map(|_| true),
            b'f' => self.literal(b"false", Json::Bool(false)).map(|_| false),
            _ => None,
        }
    }

    /// Whitespace, then a non-negative integer that fits `u64`, without leading zeros,
    /// fraction or exponent.
    pub(crate) fn unsigned(&mut self) -> Option<u64> {
        self.whitespace();
        if !self.peek()?.is_ascii_digit() {
            return None;
        }
        match self.number()? {
            Json::Number(Number::Unsigned(n)) => Some(n),
            _ => None,
        }
    }

    /// Whitespace, then a whole string.
    pub(crate) fn quoted(&mut self) -> Option<Cow<'a, str>> {
        self.expect(b'"')?;
        self.string()
    }

    /// Moves past JSON whitespace (space, tab, line feed, carriage return).
    pub(crate) fn whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// Consumes `byte` after optional whitespace.
    pub(crate) fn expect(&mut self, byte: u8) -> Option<()> {
        self.whitespace();
        (self.peek()? == byte).then(|| self.pos += 1)
    }

    fn value(&mut self, depth: usize) -> Option<Json<'a>> {
        self.whitespace();
        match self.peek()? {
            b'{' => self.object(depth),
            b'[' => self.array(depth),
            b'"' => {
                self.pos += 1;
                self.string().map(Json::String)
            }
            b't' => self.literal(b"true", Json::Bool(true)),
            b'f' => self.literal(b"false", Json::Bool(false)),
            b'n' => self.literal(b"null", Json::Null),
            b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    fn literal(&mut self, word: &[u8], value: Json<'a>) -> Option<Json<'a>> {
        let end = self.pos.checked_add(word.len())?;
        (self.bytes.get(self.pos..end)? == word).then(|| {
            self.pos = end;
            value
        })
    }

    /// A non-negative integer that fits `u64`, without leading zeros.
    fn number(&mut self) -> Option<Json<'a>> {
        let start = self.pos;
        let mut n: u64 = 0;
        while let Some(b @ b'0'..=b'9') = self.peek() {
            n = n.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
            self.pos += 1;
        }
        if self.pos - start > 1 && self.bytes.get(start) == Some(&b'0') {
            return None;
        }
        if let Some(b'.' | b'e' | b'E') = self.peek() {
            return None;
        }
        Some(Json::Number(Number::Unsigned(n)))
    }

    /// A string after its opening quotation mark: borrowed when it has no escape.
    pub(crate) fn string(&mut self) -> Option<Cow<'a, str>> {
        let start = self.pos;
        self.plain_run();
        match self.peek()? {
            b'"' => {
                let text = self.text.get(start..self.pos)?;
                self.pos += 1;
                Some(Cow::Borrowed(text))
            }
            b'\\' => {
                let mut out = String::from(self.text.get(start..self.pos)?);
                self.escaped(&mut out)?;
                Some(Cow::Owned(out))
            }
            _ => None,
        }
    }

    /// Moves past bytes that need no attention in a string, eight at a time (one by one in
    /// the last seven bytes of the text). Stops at a quotation mark, a backslash, a control
    /// character or the end.
    fn plain_run(&mut self) {
        while let Some(word) = word_at(self.bytes, self.pos) {
            let special = escape_bytes(word);
            if special != 0 {
                self.pos += (special.trailing_zeros() / 8) as usize;
                return;
            }
            self.pos += 8;
        }
        while let Some(b) = self.peek() {
            if byte_needs_escape(b) {
                break;
            }
            self.pos += 1;
        }
    }

    /// The rest of a string from its first backslash, unescaped into `out`.
    fn escaped(&mut self, out: &mut String) -> Option<()> {
        loop {
            match self.peek()? {
                b'"' => {
                    self.pos += 1;
                    return Some(());
                }
                b'\\' => {
                    let escape = *self.bytes.get(self.pos + 1)?;
                    self.pos += 2;
                    let c = match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return None,
                    };
                    out.push(c);
                }
                b if b < 0x20 => return None,
                _ => {
                    let start = self.pos;
                    self.plain_run();
                    out.push_str(self.text.get(start..self.pos)?);
                }
            }
        }
    }

    /// The character of a `\u` escape (its `\u` consumed): a surrogate pair as one
    /// character; a lone surrogate gives up.
    fn unicode_escape(&mut self) -> Option<char> {
        let first = self.hex4()?;
        match first {
            0xD800..=0xDBFF => {
                if self.bytes.get(self.pos..self.pos + 2)? != b"\\u" {
                    return None;
                }
                self.pos += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return None;
                }
                char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
            }
            0xDC00..=0xDFFF => None,
            _ => char::from_u32(first),
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes.get(self.pos..self.pos.checked_add(4)?)?;
        let mut n = 0u32;
        for &b in digits {
            let d = char::from(b).to_digit(16)?;
            n = n * 16 + d;
        }
        self.pos += 4;
        Some(n)
    }

    fn array(&mut self, depth: usize) -> Option<Json<'a>> {
        if depth >= self.max_depth {
            return None;
        }
        self.pos += 1;
        let mut items = Vec::new();
        self.whitespace();
        if self.peek()? == b']' {
            self.pos += 1;
            return Some(Json::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.whitespace();
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => {
                    self.pos += 1;
                    return Some(Json::Array(items));
                }
                _ => return None,
            }
        }
    }

    fn object(&mut self, depth: usize) -> Option<Json<'a>> {
        if depth >= self.max_depth {
            return None;
        }
        self.pos += 1;
        let mut members = Vec::new();
        self.whitespace();
        if self.peek()? == b'}' {
            self.pos += 1;
            return Some(Json::Object(members));
        }
        loop {
            self.expect(b'"')?;
            let key = self.string()?;
            self.expect(b':')?;
            let value = self.value(depth + 1)?;
            members.push((key, value));
            self.whitespace();
            match self.peek()? {
                b',' => self.pos += 1,
                b'}' => {
                    self.pos += 1;
                    break;
                }
                _ => return None,
            }
        }
        if duplicate_key(&members).is_some() {
            return None;
        }
        Some(Json::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast path either gives up or builds exactly what the serde path builds.
    fn agrees(text: &str) -> bool {
        match parse_fast(text, 32) {
            None => true,
            Some(fast) => json::parse(text, 32, json::Keys::Tokens).ok() == Some(fast),
        }
    }

    #[test]
    fn plain_documents_are_read_by_the_fast_path() {
        for text in [
            "{}",
            "[]",
            " { \"a\" : [1, 2, {\"b\": null}], \"c\": true, \"d\": false } ",
            r#"{"note": "she said \"no\" \\ \/ \b\f\n\r\t \u00e9 \ud83d\ude00 한국어"}"#,
            "\"a string of more than eight bytes, then a quote\"",
            "18446744073709551615",
            "0",
        ] {
            assert!(parse_fast(text, 32).is_some(), "{text}");
            assert!(agrees(text), "{text}");
        }
    }

    #[test]
    fn the_fast_path_gives_up_where_serde_must_answer() {
        for text in [
            "",
            "{",
            "{\"a\":1,}",
            "[1,]",
            "{\"a\":1 \"b\":2}",
            "{\"a\":1,\"a\":2}",
            "-1",
            "1.5",
            "1e3",
            "01",
            "18446744073709551616",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud800\\u0041\"",
            "\"\\x\"",
            "\"tab\tin a string\"",
            "\"unterminated",
            "nul",
            "true false",
            "{} {}",
            "{'a': 1}",
        ] {
            assert!(parse_fast(text, 32).is_none(), "{text:?}");
        }
    }

    #[test]
    fn the_first_byte_to_escape_in_a_word_is_found_exactly() {
        // Every byte value at every position, after plain bytes next to the special ones
        // (0x20, 0x21, 0x23, 0x5b, 0x5d) or high, and before plain or special ones.
        let prefixes = [b'x', 0x20, 0x21, 0x23, 0x5b, 0x5d, 0x80, 0xff];
        for (prefix, fill) in prefixes
            .into_iter()
            .zip([b'a', 0xE0, b'"', 0x01, 0x1f, b'\\', 0x20, 0x00])
        {
            for at in 0..8 {
                for b in 0..=255u8 {
                    let mut word = [prefix; 8];
                    word[at] = b;
                    for slot in word.iter_mut().skip(at + 1) {
                        *slot = fill;
                    }
                    let first = word.iter().position(|&c| byte_needs_escape(c));
                    let mask = escape_bytes(u64::from_le_bytes(word));
                    let found = (mask != 0).then(|| (mask.trailing_zeros() / 8) as usize);
                    assert_eq!(found, first, "{word:?}");
                }
            }
        }
    }

    #[test]
    fn depth_is_left_to_the_serde_path() {
        let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
        assert!(parse_fast(&deep, 32).is_none());
        assert!(parse_fast(&deep, 64).is_some());
        let deeper = format!("{}{}", "[".repeat(70), "]".repeat(70));
        assert!(parse_fast(&deeper, 1000).is_none());
        assert_eq!(parse_fast("[[]]", 1), None);
        assert_eq!(
            parse_fast("[[]]", 2),
            json::parse("[[]]", 2, json::Keys::Tokens).ok()
        );
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// JSON-like text: tokens of JSON, valid or nearly so, in random order.
        fn token() -> impl Strategy<Value = String> {
            prop_oneof![
                Just("{".to_owned()),
                Just("}".to_owned()),
                Just("[".to_owned()),
                Just("]".to_owned()),
                Just(",".to_owned()),
                Just(":".to_owned()),
                Just(" ".to_owned()),
                Just("\n".to_owned()),
                Just("null".to_owned()),
                Just("true".to_owned()),
                Just("-".to_owned()),
                "[0-9]{1,21}",
                "\"([a-z_é한 ]|\\\\[\"\\\\/bfnrtu]|\\\\u[0-9a-fA-F]{4}|\\\\ud8[0-9a-f]{2}|[\\x00-\\x1f])*\"",
                "\"[a-z]{0,3}\"",
            ]
        }

        fn value() -> impl Strategy<Value = serde_json::Value> {
            let leaf = prop_oneof![
                Just(serde_json::Value::Null),
                any::<bool>().prop_map(serde_json::Value::Bool),
                any::<u64>().prop_map(serde_json::Value::from),
                any::<i64>().prop_map(serde_json::Value::from),
                "[a-z]{0,4}|.{0,12}".prop_map(serde_json::Value::String),
            ];
            leaf.prop_recursive(5, 48, 6, |inner| {
                prop_oneof![
                    prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
                    prop::collection::vec(("[a-c]{1,2}|.{0,6}", inner), 0..6).prop_map(|members| {
                        serde_json::Value::Object(members.into_iter().collect())
                    }),
                ]
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]

            #[test]
            fn token_soup_agrees(tokens in prop::collection::vec(token(), 0..24)) {
                let text = tokens.concat();
                prop_assert!(agrees(&text), "{:?}", text);
            }

            #[test]
            fn documents_are_read_by_the_fast_path_as_serde_reads_them(v in value(), pretty: bool) {
                let text = if pretty {
                    serde_json::to_string_pretty(&v)
                } else {
                    serde_json::to_string(&v)
                }.unwrap_or_default();
                prop_assert!(agrees(&text), "{:?}", text);
                // Without a negative number, every such document takes the fast path.
                if !has_negative(&v) {
                    prop_assert!(parse_fast(&text, 32).is_some(), "{:?}", text);
                }
            }
        }

        fn has_negative(v: &serde_json::Value) -> bool {
            match v {
                serde_json::Value::Number(n) => n.as_u64().is_none(),
                serde_json::Value::Array(items) => items.iter().any(has_negative),
                serde_json::Value::Object(m) => m.values().any(has_negative),
                _ => false,
            }
        }
    }
}
