//! Compact JSON output, byte for byte the same as `serde_json::to_writer`, but faster on the
//! text this crate writes: ids, keys and words that need no escaping.
//!
//! `serde_json` looks up every byte of every string in an escape table, one at a time; on an
//! assessment that was about three quarters of the time spent writing it. This writer checks
//! eight bytes at a time and copies a string that needs no escaping in one go; the names of
//! fields and variants, the crate's own, it copies without the check (see [`write_name`]).
//! Whatever it does not do itself it hands to `serde_json`, so the bytes stay the same:
//!
//! - a string that does need escaping, and every floating-point number, are written by
//!   `serde_json`;
//! - a map key of a kind other than a string, a character, an integer or a unit variant is an
//!   error, and [`to_vec`] then writes the whole value with `serde_json`.
//!
//! Differential tests compare the two writers: on random JSON trees and strings (the unit
//! tests below), and on every data, bundled and generated assessment
//! (`tests/integration/assessment_json.rs`).

use serde::ser::{self, Serialize};

/// The writer could not write a value itself (the caller then uses `serde_json`). It carries
/// no text of the value.
#[derive(Debug)]
pub(crate) struct Unsupported;

impl std::fmt::Display for Unsupported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a value the compact JSON writer does not write")
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: std::fmt::Display>(_msg: T) -> Self {
        Unsupported
    }
}

/// Appends `value` to `out` as compact JSON: the same bytes as `serde_json::to_writer`.
///
/// # Errors
///
/// When `serde_json` itself fails (a map with keys that are not strings, a value whose
/// `Serialize` fails); `out` then holds what it held before.
pub(crate) fn write<T: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    value: &T,
) -> Result<(), serde_json::Error> {
    let mark = out.len();
    if value.serialize(Writer { out: &mut *out }).is_ok() {
        return Ok(());
    }
    out.truncate(mark);
    let written = serde_json::to_writer(&mut *out, value);
    if written.is_err() {
        out.truncate(mark);
    }
    written
}

/// `value` as compact JSON: the same bytes as `serde_json::to_vec`.
pub(crate) fn to_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, serde_json::Error> {
    let mut out = Vec::with_capacity(8192);
    write(&mut out, value)?;
    Ok(out)
}

/// A byte of 1 in every byte of a word.
const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte of a word.
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit set in the bytes of `x` (read little-endian: the first byte in the text is
/// the lowest) that JSON must escape: a control character (below 0x20), a quotation mark or
/// a backslash. Only the lowest set bit is exact (a borrow may also mark a byte above a
/// marked one), so the word is non-zero exactly when it has such a byte, and the lowest set
/// bit finds the first of them (the case reader's fast path uses both).
pub(super) const fn escape_bytes(x: u64) -> u64 {
    // A byte below 0x20: subtracting 0x20 borrows into its high bit, which `!x` keeps only
    // for bytes below 0x80. A quotation mark or a backslash: a zero byte after the XOR.
    let control = x.wrapping_sub(ONES * 0x20) & !x;
    let quote = x ^ (ONES * b'"' as u64);
    let backslash = x ^ (ONES * b'\\' as u64);
    (control | (quote.wrapping_sub(ONES) & !quote) | (backslash.wrapping_sub(ONES) & !backslash))
        & HIGHS
}

/// Whether any byte of an eight-byte word is one JSON must escape.
const fn word_needs_escape(x: u64) -> bool {
    escape_bytes(x) != 0
}

/// Whether a byte is one JSON must escape.
pub(super) const fn byte_needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// The eight bytes of `bytes` from `at`, as a little-endian word (`None` past the end).
pub(super) fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    let eight = bytes.get(at..at.checked_add(8)?)?;
    <[u8; 8]>::try_from(eight).ok().map(u64::from_le_bytes)
}

/// Whether a string has a byte JSON must escape: eight bytes at a time, the last word
/// overlapping the one before it.
fn needs_escape(bytes: &[u8]) -> bool {
    let n = bytes.len();
    if n < 8 {
        return bytes.iter().any(|&b| byte_needs_escape(b));
    }
    let mut at = 0;
    while let Some(word) = word_at(bytes, at) {
        if word_needs_escape(word) {
            return true;
        }
        at += 8;
    }
    // (Never `None`: n is at least 8.)
    at < n && word_at(bytes, n - 8).is_none_or(word_needs_escape)
}

/// Appends a JSON string: copied as it is when it needs no escaping, else written by
/// `serde_json`.
fn write_str(out: &mut Vec<u8>, s: &str) -> Result<(), Unsupported> {
    let bytes = s.as_bytes();
    if needs_escape(bytes) {
        return write_escaped(out, s);
    }
    push_quoted(out, bytes);
    Ok(())
}

/// Appends `bytes` between quotation marks, as they are.
fn push_quoted(out: &mut Vec<u8>, bytes: &[u8]) {
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    out.extend_from_slice(bytes);
    out.push(b'"');
}

/// Appends the name of a struct field or of an enum variant as a JSON string, without
/// looking for bytes to escape: these are the names of the crate's own types (the writer is
/// only used on them), which never need escaping. Debug builds, which run the differential
/// tests against `serde_json`, check every name written; a test checks every name the
/// schemas give.
fn write_name(out: &mut Vec<u8>, name: &'static str) {
    debug_assert!(
        !needs_escape(name.as_bytes()),
        "a field or variant name that needs escaping"
    );
    push_quoted(out, name.as_bytes());
}

/// Appends a JSON string that needs escaping, as `serde_json` writes it.
#[cold]
#[inline(never)]
fn write_escaped(out: &mut Vec<u8>, s: &str) -> Result<(), Unsupported> {
    write_by_serde_json(out, s)
}

/// Appends an unsigned integer in decimal.
pub(crate) fn write_u64(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        if let Some(d) = digits.get_mut(start) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || start == 0 {
            break;
        }
    }
    out.extend_from_slice(digits.get(start..).unwrap_or_default());
}

/// Appends a signed integer in decimal.
fn write_i64(out: &mut Vec<u8>, n: i64) {
    if n < 0 {
        out.push(b'-');
    }
    write_u64(out, n.unsigned_abs());
}

/// Appends a value as `serde_json` writes it (strings that need escaping, floating-point
/// numbers, 128-bit integers).
fn write_by_serde_json<T: Serialize>(out: &mut Vec<u8>, v: T) -> Result<(), Unsupported> {
    serde_json::to_writer(&mut *out, &v).map_err(|_| Unsupported)
}

/// The serializer: appends compact JSON to a byte vector.
struct Writer<'a> {
    out: &'a mut Vec<u8>,
}

/// A sequence or map being written: whether an element was already written (a comma comes
/// before the next).
struct Compound<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
    /// What closes it: `]` or `}`, then `}` again for a variant (`{"variant":[...]}`).
    close: &'static [u8],
}

impl Compound<'_> {
    fn comma(&mut self) {
        if self.first {
            self.first = false;
        } else {
            self.out.push(b',');
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.comma();
        value.serialize(Writer {
            out: &mut *self.out,
        })
    }

    fn field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.comma();
        write_name(self.out, key);
        self.out.push(b':');
        value.serialize(Writer {
            out: &mut *self.out,
        })
    }

    fn finish(self) -> Result<(), Unsupported> {
        self.out.extend_from_slice(self.close);
        Ok(())
    }
}

impl<'a> Writer<'a> {
    fn open(self, open: &[u8], close: &'static [u8]) -> Compound<'a> {
        self.out.extend_from_slice(open);
        Compound {
            out: self.out,
            first: true,
            close,
        }
    }

    /// `{"variant":` before the value of a variant that carries data.
    fn variant_key(&mut self, variant: &'static str) {
        self.out.push(b'{');
        write_name(self.out, variant);
        self.out.push(b':');
    }
}

impl<'a> ser::Serializer for Writer<'a> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Unsupported> {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Unsupported> {
        write_i64(self.out, i64::from(v));
        Ok(())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Unsupported> {
        write_i64(self.out, i64::from(v));
        Ok(())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Unsupported> {
        write_i64(self.out, i64::from(v));
        Ok(())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Unsupported> {
        write_i64(self.out, v);
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result<(), Unsupported> {
        write_by_serde_json(self.out, v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Unsupported> {
        write_u64(self.out, u64::from(v));
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Unsupported> {
        write_u64(self.out, u64::from(v));
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Unsupported> {
        write_u64(self.out, u64::from(v));
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Unsupported> {
        write_u64(self.out, v);
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result<(), Unsupported> {
        write_by_serde_json(self.out, v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Unsupported> {
        write_by_serde_json(self.out, v)
    }
    fn serialize_f64(self, v: f64) -> Result<(), Unsupported> {
        write_by_serde_json(self.out, v)
    }
    fn serialize_char(self, v: char) -> Result<(), Unsupported> {
        write_str(self.out, v.encode_utf8(&mut [0u8; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Unsupported> {
        write_str(self.out, v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Unsupported> {
        let mut seq = self.open(b"[", b"]");
        for b in v {
            seq.comma();
            write_u64(seq.out, u64::from(*b));
        }
        seq.finish()
    }
    fn serialize_none(self) -> Result<(), Unsupported> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Unsupported> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Unsupported> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Unsupported> {
        write_name(self.out, variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        mut self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.variant_key(variant);
        value.serialize(Writer {
            out: &mut *self.out,
        })?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, Unsupported> {
        Ok(self.open(b"[", b"]"))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'a>, Unsupported> {
        Ok(self.open(b"[", b"]"))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Unsupported> {
        Ok(self.open(b"[", b"]"))
    }
    fn serialize_tuple_variant(
        mut self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Unsupported> {
        self.variant_key(variant);
        Ok(self.open(b"[", b"]}"))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, Unsupported> {
        Ok(self.open(b"{", b"}"))
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Unsupported> {
        Ok(self.open(b"{", b"}"))
    }
    fn serialize_struct_variant(
        mut self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Unsupported> {
        self.variant_key(variant);
        Ok(self.open(b"{", b"}}"))
    }
}

/// The sequence-like compounds, written `[...]` element by element.
macro_rules! sequence_like {
    ($($trait:ident :: $method:ident),* $(,)?) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Unsupported;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
                self.element(value)
            }
            fn end(self) -> Result<(), Unsupported> {
                self.finish()
            }
        }
    )*};
}

sequence_like!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unsupported> {
        self.comma();
        key.serialize(KeyWriter {
            out: &mut *self.out,
        })?;
        self.out.push(b':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        value.serialize(Writer {
            out: &mut *self.out,
        })
    }
    fn end(self) -> Result<(), Unsupported> {
        self.finish()
    }
}

/// The struct-like compounds, written `{...}` field by field.
macro_rules! struct_like {
    ($($trait:ident),* $(,)?) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Unsupported;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Unsupported> {
                self.field(key, value)
            }
            fn end(self) -> Result<(), Unsupported> {
                self.finish()
            }
        }
    )*};
}

struct_like!(SerializeStruct, SerializeStructVariant);

/// Writes a map key: a string, a character, an integer (quoted, as `serde_json` does) or a
/// unit variant. Anything else is [`Unsupported`], and [`write`] falls back to `serde_json`.
struct KeyWriter<'a> {
    out: &'a mut Vec<u8>,
}

impl KeyWriter<'_> {
    fn quoted(self, write: impl FnOnce(&mut Vec<u8>)) -> Result<(), Unsupported> {
        self.out.push(b'"');
        write(self.out);
        self.out.push(b'"');
        Ok(())
    }
}

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = ser::Impossible<(), Unsupported>;
    type SerializeTuple = ser::Impossible<(), Unsupported>;
    type SerializeTupleStruct = ser::Impossible<(), Unsupported>;
    type SerializeTupleVariant = ser::Impossible<(), Unsupported>;
    type SerializeMap = ser::Impossible<(), Unsupported>;
    type SerializeStruct = ser::Impossible<(), Unsupported>;
    type SerializeStructVariant = ser::Impossible<(), Unsupported>;

    fn serialize_str(self, v: &str) -> Result<(), Unsupported> {
        write_str(self.out, v)
    }
    fn serialize_char(self, v: char) -> Result<(), Unsupported> {
        write_str(self.out, v.encode_utf8(&mut [0u8; 4]))
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Unsupported> {
        write_name(self.out, variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_i8(self, v: i8) -> Result<(), Unsupported> {
        self.quoted(|out| write_i64(out, i64::from(v)))
    }
    fn serialize_i16(self, v: i16) -> Result<(), Unsupported> {
        self.quoted(|out| write_i64(out, i64::from(v)))
    }
    fn serialize_i32(self, v: i32) -> Result<(), Unsupported> {
        self.quoted(|out| write_i64(out, i64::from(v)))
    }
    fn serialize_i64(self, v: i64) -> Result<(), Unsupported> {
        self.quoted(|out| write_i64(out, v))
    }
    fn serialize_u8(self, v: u8) -> Result<(), Unsupported> {
        self.quoted(|out| write_u64(out, u64::from(v)))
    }
    fn serialize_u16(self, v: u16) -> Result<(), Unsupported> {
        self.quoted(|out| write_u64(out, u64::from(v)))
    }
    fn serialize_u32(self, v: u32) -> Result<(), Unsupported> {
        self.quoted(|out| write_u64(out, u64::from(v)))
    }
    fn serialize_u64(self, v: u64) -> Result<(), Unsupported> {
        self.quoted(|out| write_u64(out, v))
    }
    fn serialize_bool(self, _v: bool) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_f32(self, _v: f32) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_f64(self, _v: f64) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_none(self) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_unit(self) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), Unsupported> {
        Err(Unsupported)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        Err(Unsupported)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every name the schemas give (property names, enum values and constants), in `out`.
    fn names_in(schema: &serde_json::Value, out: &mut Vec<String>) {
        match schema {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::Object(props)) = map.get("properties") {
                    out.extend(props.keys().cloned());
                }
                for key in ["enum", "const"] {
                    match map.get(key) {
                        Some(serde_json::Value::Array(values)) => {
                            out.extend(values.iter().filter_map(|v| v.as_str().map(str::to_owned)))
                        }
                        Some(serde_json::Value::String(v)) => out.push(v.clone()),
                        _ => {}
                    }
                }
                for v in map.values() {
                    names_in(v, out);
                }
            }
            serde_json::Value::Array(values) => values.iter().for_each(|v| names_in(v, out)),
            _ => {}
        }
    }

    #[test]
    fn no_field_or_variant_name_needs_escaping() {
        // `write_name` copies these names without looking for bytes to escape.
        let mut names = Vec::new();
        for file in crate::interop::schema::schemas() {
            names_in(&file.schema, &mut names);
        }
        assert!(
            names.len() > 300,
            "the walk finds the names ({})",
            names.len()
        );
        assert!(names.iter().any(|n| n == "ask_next"));
        assert!(names.iter().any(|n| n == "reasonable_grounds"));
        for name in &names {
            assert!(!needs_escape(name.as_bytes()), "{name:?} needs escaping");
        }
        // The check itself finds what it must.
        assert!(needs_escape(b"say \"no\""));
    }

    #[test]
    fn the_eight_byte_check_agrees_with_the_byte_check_for_every_byte_at_every_position() {
        // Every byte value at every position, among neighbours from both sides of each edge.
        for fill in [b'a', 0x20, 0x21, 0x23, 0x5b, 0x5d, 0x7f, 0x80, 0xff] {
            for pos in 0..8 {
                for b in 0..=255u8 {
                    let mut eight = [fill; 8];
                    if let Some(x) = eight.get_mut(pos) {
                        *x = b;
                    }
                    assert_eq!(
                        word_needs_escape(u64::from_le_bytes(eight)),
                        eight.iter().any(|&x| byte_needs_escape(x)),
                        "byte {b:#x} at {pos} among {fill:#x}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_byte_to_escape_is_escaped_at_every_position_of_every_length() {
        let same = |s: &str| {
            let mut out = vec![b'x'];
            assert!(write_str(&mut out, s).is_ok());
            let mut expected = vec![b'x'];
            expected.extend(serde_json::to_vec(s).unwrap_or_default());
            assert_eq!(out, expected, "{s:?}");
        };
        for len in 0..40 {
            let plain: String = (0..len)
                .map(|i| char::from(b'a' + (i % 26) as u8))
                .collect();
            same(&plain);
            for pos in 0..len {
                for c in ['\0', '\u{1f}', '"', '\\', '\n', 'é', '한'] {
                    let s: String = plain
                        .chars()
                        .enumerate()
                        .map(|(i, x)| if i == pos { c } else { x })
                        .collect();
                    same(&s);
                }
            }
        }
    }

    #[test]
    fn strings_are_written_as_serde_json_writes_them() {
        let samples = [
            "",
            "a",
            "plain_id_of_some_length",
            "quote \" inside",
            "back\\slash",
            "tab\there",
            "new\nline",
            "\u{1}\u{1f}\u{7f}",
            "한국어 문장",
            "ends with quote\"",
            "\"",
            "exactly8",
            "sixteen_bytes_ok",
            "é\u{0}é",
        ];
        for s in samples {
            let mut out = Vec::new();
            assert!(write_str(&mut out, s).is_ok());
            let expected = serde_json::to_vec(s).unwrap_or_default();
            assert_eq!(out, expected, "{s:?}");
        }
    }

    #[test]
    fn integers_are_written_as_serde_json_writes_them() {
        for n in [
            0i64,
            1,
            -1,
            9,
            10,
            99,
            100,
            i64::MIN,
            i64::MAX,
            1234567890,
            -42,
        ] {
            let mut out = Vec::new();
            write_i64(&mut out, n);
            assert_eq!(out, n.to_string().into_bytes());
        }
        let mut out = Vec::new();
        write_u64(&mut out, u64::MAX);
        assert_eq!(out, u64::MAX.to_string().into_bytes());
    }

    #[test]
    fn what_the_writer_does_not_write_itself_is_written_by_serde_json_or_refused_as_it_does() {
        use std::collections::BTreeMap;
        // Keys the writer leaves to serde_json.
        let bools: BTreeMap<bool, u8> = [(false, 1), (true, 2)].into_iter().collect();
        assert_eq!(to_vec(&bools).ok(), serde_json::to_vec(&bools).ok());
        let floats: BTreeMap<u8, f64> = [(1, 0.1), (2, f64::NAN), (3, 1e300)].into_iter().collect();
        assert_eq!(to_vec(&floats).ok(), serde_json::to_vec(&floats).ok());
        // Keys serde_json refuses: an error, and the output as it was.
        let pairs: BTreeMap<(u8, u8), u8> = [((1, 2), 3)].into_iter().collect();
        let mut out = b"kept".to_vec();
        assert!(write(&mut out, &pairs).is_err());
        assert!(serde_json::to_vec(&pairs).is_err());
        assert_eq!(out, b"kept");
        // Enums of every shape, and 128-bit integers.
        #[derive(serde::Serialize)]
        enum Shape {
            Unit,
            Newtype(u8),
            Tuple(u8, &'static str),
            Struct { a: i8, b: Option<u8> },
        }
        let shapes = (
            [
                Shape::Unit,
                Shape::Newtype(1),
                Shape::Tuple(2, "x"),
                Shape::Struct { a: -3, b: None },
            ],
            u128::MAX,
            i128::MIN,
            'é',
            (),
        );
        assert_eq!(to_vec(&shapes).ok(), serde_json::to_vec(&shapes).ok());
    }

    /// Any JSON value: strings from any characters, numbers of every kind, nesting.
    fn any_value() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        use serde_json::Value;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            any::<String>().prop_map(Value::String),
            "[a-z_]{0,40}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 64, 8, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
                proptest::collection::vec((any::<String>(), inner), 0..8)
                    .prop_map(|kv| Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        #[test]
        fn any_json_value_is_written_as_serde_json_writes_it(v in any_value()) {
            let ours = to_vec(&v).unwrap_or_default();
            proptest::prop_assert_eq!(ours, serde_json::to_vec(&v).unwrap_or_default());
        }

        #[test]
        fn any_string_is_written_as_serde_json_writes_it(s in proptest::prelude::any::<String>()) {
            let mut ours = Vec::new();
            proptest::prop_assert!(write_str(&mut ours, &s).is_ok());
            proptest::prop_assert_eq!(ours, serde_json::to_vec(&s).unwrap_or_default());
        }
    }
}
