//! Closed sets of names (the case vocabularies, the HTCDS picklists) and the one serde reader
//! they share, which names the type and the names it allows but never repeats the value it
//! was given (serde's derived reader quotes it: ``unknown variant `Maria Kim said yes` ``,
//! ``invalid type: integer `17` ``; a value may be a victim's words).

use std::fmt;

use serde::Deserializer;

/// A closed set of names: each value's name is its `as_str`, the same name serde writes (a
/// test checks they agree for the case vocabularies).
pub(crate) trait Keyword: Copy + 'static {
    /// Every value.
    const ALL: &'static [Self];
    /// Every name, in the order of the variants (what serde's `deserialize_enum` is told).
    const NAMES: &'static [&'static str];
    /// What the reader expects, for error messages (`one of ...`); empty to list nothing.
    const EXPECTED: &'static str;
    /// The Rust type's name, for serde's error messages.
    const TYPE: &'static str;
    /// Whether a format that is not self-describing wrote the value as an enum variant (a
    /// derived `Serialize`: by name or index), else as a string.
    const WRITTEN_AS_ENUM: bool;
    /// The name.
    fn name(self) -> &'static str;
    /// The variant's index, as serde's derived `Serialize` numbers it (declaration order).
    fn index(self) -> u32;
    /// The value with this name.
    fn named(text: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.name() == text)
    }
    /// What a value is of, in an error message: the type's name unless the set says better
    /// (an HTCDS picklist names its field).
    fn what(f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`", Self::TYPE)
    }
}

/// Reads a keyword of `T` from any serde format. A self-describing format (JSON) is asked for
/// any value, so that a number or a boolean reaches [`KeywordValue`], which does not repeat it
/// (asked for a string, serde_json would word the error itself, with the value); any other
/// format is asked for what `T`'s `Serialize` wrote (an enum's name or variant index, or a
/// string).
pub(crate) fn read_keyword<'de, T: Keyword, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    let visitor = KeywordValue::<T, false>(std::marker::PhantomData);
    if deserializer.is_human_readable() {
        deserializer.deserialize_any(visitor)
    } else if T::WRITTEN_AS_ENUM {
        deserializer.deserialize_enum(T::TYPE, T::NAMES, visitor)
    } else {
        deserializer.deserialize_str(visitor)
    }
}

/// What a value of `T` is, in an error message ([`Keyword::what`]).
struct What<T>(std::marker::PhantomData<T>);

impl<T: Keyword> fmt::Display for What<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        T::what(f)
    }
}

/// `, expected <names>`, or nothing when the set lists none.
struct Expected<T>(std::marker::PhantomData<T>);

impl<T: Keyword> fmt::Display for Expected<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if T::EXPECTED.is_empty() {
            Ok(())
        } else {
            write!(f, ", expected {}", T::EXPECTED)
        }
    }
}

/// Reads a keyword from any serde format, naming the type and the names it allows but never
/// the value given. With `VARIANT`, the seed of an enum's variant in a format that is not
/// self-describing, which may give it by its index (a number is never a keyword's value in
/// JSON).
struct KeywordValue<T, const VARIANT: bool>(std::marker::PhantomData<T>);

impl<T: Keyword, const VARIANT: bool> KeywordValue<T, VARIANT> {
    fn unknown<E: serde::de::Error>() -> E {
        E::custom(format_args!(
            "not a value of {} (the value is not shown){}",
            What::<T>(std::marker::PhantomData),
            Expected::<T>(std::marker::PhantomData),
        ))
    }

    fn not_a_string<E: serde::de::Error>() -> E {
        E::custom(format_args!(
            "a value of {} is a string, and this is not one (the value is not shown){}",
            What::<T>(std::marker::PhantomData),
            Expected::<T>(std::marker::PhantomData),
        ))
    }
}

impl<'de, T: Keyword, const VARIANT: bool> serde::de::Visitor<'de> for KeywordValue<T, VARIANT> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a value of {}", What::<T>(std::marker::PhantomData))?;
        if !T::EXPECTED.is_empty() {
            write!(f, ": {}", T::EXPECTED)?;
        }
        Ok(())
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<T, E> {
        T::named(value).ok_or_else(Self::unknown)
    }

    fn visit_bytes<E: serde::de::Error>(self, value: &[u8]) -> Result<T, E> {
        std::str::from_utf8(value)
            .ok()
            .and_then(T::named)
            .ok_or_else(Self::unknown)
    }

    /// A variant index, from a format that writes enums by number; elsewhere not a string.
    fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<T, E> {
        if !VARIANT {
            return Err(Self::not_a_string());
        }
        T::ALL
            .iter()
            .copied()
            .find(|v| u64::from(v.index()) == value)
            .ok_or_else(Self::unknown)
    }

    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<T, E> {
        Err(Self::not_a_string())
    }

    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<T, E> {
        Err(Self::not_a_string())
    }

    fn visit_i128<E: serde::de::Error>(self, _: i128) -> Result<T, E> {
        Err(Self::not_a_string())
    }

    fn visit_u128<E: serde::de::Error>(self, _: u128) -> Result<T, E> {
        Err(Self::not_a_string())
    }

    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<T, E> {
        Err(Self::not_a_string())
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<T, E> {
        Err(Self::not_a_string())
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<T, E> {
        Err(Self::not_a_string())
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, _: A) -> Result<T, A::Error> {
        Err(Self::not_a_string())
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, _: A) -> Result<T, A::Error> {
        Err(Self::not_a_string())
    }

    /// The enum a format that is not self-describing wrote: its variant, by name or index.
    fn visit_enum<A: serde::de::EnumAccess<'de>>(self, data: A) -> Result<T, A::Error> {
        use serde::de::VariantAccess;
        let (value, variant) = data.variant_seed(KeywordValue::<T, true>(self.0))?;
        variant.unit_variant()?;
        Ok(value)
    }
}

impl<'de, T: Keyword> serde::de::DeserializeSeed<'de> for KeywordValue<T, true> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

/// Writes the `NAMES` of a [`Keyword`] from its `ALL` and `as_str` at compile time.
macro_rules! keyword_names {
    ($t:ty) => {{
        let mut names = [""; <$t>::ALL.len()];
        let mut i = 0;
        while i < names.len() {
            // Evaluated at compile time: an index out of bounds would not build.
            #[allow(clippy::indexing_slicing)]
            {
                names[i] = <$t>::ALL[i].as_str();
            }
            i += 1;
        }
        names
    }};
}
pub(crate) use keyword_names;

#[cfg(test)]
pub(crate) mod tests {
    use serde::{Deserialize, Deserializer};

    /// A deserializer that says it is not human-readable, as a binary format does.
    pub(crate) struct Binary<D>(pub(crate) D);

    impl<'de, D: Deserializer<'de>> Deserializer<'de> for Binary<D> {
        type Error = D::Error;
        fn deserialize_any<V: serde::de::Visitor<'de>>(self, v: V) -> Result<V::Value, D::Error> {
            self.0.deserialize_any(v)
        }
        fn deserialize_enum<V: serde::de::Visitor<'de>>(
            self,
            name: &'static str,
            variants: &'static [&'static str],
            v: V,
        ) -> Result<V::Value, D::Error> {
            self.0.deserialize_enum(name, variants, v)
        }
        fn is_human_readable(&self) -> bool {
            false
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map
            struct identifier ignored_any
        }
    }

    /// The HTCDS picklists, written as strings, read back from a binary format by their names
    /// (as a string or as bytes); a number there is not a picklist value, and the error names
    /// the field, never the value.
    #[test]
    fn picklists_read_back_from_a_binary_format_by_name_and_never_quote_a_value() {
        use crate::interop::htcds::{MethodOfControl, TraffickingStatus};
        use serde::de::value::{BytesDeserializer, Error, StrDeserializer, U32Deserializer};

        fn check<T: super::Keyword + for<'de> Deserialize<'de> + PartialEq + std::fmt::Debug>(
            field: &str,
        ) {
            for v in T::ALL {
                let read = T::deserialize(Binary(StrDeserializer::<Error>::new(v.name())));
                assert_eq!(read.ok(), Some(*v));
                let read =
                    T::deserialize(Binary(BytesDeserializer::<Error>::new(v.name().as_bytes())));
                assert_eq!(read.ok(), Some(*v));
            }
            for err in [
                T::deserialize(Binary(U32Deserializer::<Error>::new(73_317))).err(),
                T::deserialize(Binary(StrDeserializer::<Error>::new("Maria Kim"))).err(),
            ] {
                let err = err.map(|e| e.to_string()).unwrap_or_default();
                assert!(err.contains(field), "{err}");
                assert!(!err.contains("73317") && !err.contains("Maria"), "{err}");
            }
        }
        check::<MethodOfControl>("vic_MethodsOfControl");
        check::<TraffickingStatus>("vic_TraffickingStatus");
    }
}
