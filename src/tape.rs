//! A result written as one tape for JS to turn into plain objects in one pass (`src/tape.js`),
//! instead of serde-wasm-bindgen's one call into JS per value. Each value that way became an
//! externref-table entry and each string its own `TextDecoder` call: 22 % of an analysis in Node
//! (issue 28). Here every string goes into one buffer, decoded once and sliced; numbers cross as
//! one `Float64Array`; nothing but the finished result crosses as a JS value.
//!
//! The objects are those serde-wasm-bindgen's `Serializer::json_compatible()` made, key order
//! included: `None` and `()` are `null`, maps are objects with string keys, enums are externally
//! tagged, bytes are arrays of numbers, and a 64-bit integer beyond 2^53 is an error, not a
//! rounded number. 128-bit integers (which it made `BigInt`s) are an error: no result has one.
//!
//! | op | operands | value |
//! |---|---|---|
//! | `NULL`, `FALSE`, `TRUE` | — | `null`, `false`, `true` |
//! | `NUMBER` | — | the next of `numbers` |
//! | `STRING` | id | string `id` of the table |
//! | `ARRAY` | n | the n values that follow |
//! | `OBJECT` | n | n pairs of key (a string id) and the value that follows it |

use rustc_hash::FxHashMap;
use serde::ser::{self, Serialize};
use std::fmt::Display;
use std::hash::BuildHasher;

const NULL: u32 = 0;
const FALSE: u32 = 1;
const TRUE: u32 = 2;
const NUMBER: u32 = 3;
const STRING: u32 = 4;
const ARRAY: u32 = 5;
const OBJECT: u32 = 6;

/// The largest integer a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// One value written out: `ops` with their operands, `numbers` in the order `NUMBER` ops take them,
/// and the distinct strings, concatenated in `text`, string `i` ending at UTF-16 unit `ends[i]`.
#[derive(Default, Debug)]
pub struct Tape {
    pub ops: Vec<u32>,
    pub numbers: Vec<f64>,
    pub text: String,
    pub ends: Vec<u32>,
    /// Byte offset in `text` where each string ends (to compare a candidate duplicate).
    byte_ends: Vec<u32>,
    /// A string's hash to its id: a second string of the same hash is stored again, not compared
    /// further, so a collision costs a duplicate string, never a wrong one.
    ids: FxHashMap<u64, u32>,
    /// A field or variant name's id by its address and length: each is one `&'static str` (its
    /// bytes never change), written thousands of times.
    name_ids: FxHashMap<(usize, usize), u32>,
}

#[derive(Debug)]
pub struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(message: T) -> Self {
        Error(message.to_string())
    }
}

type Result<T = (), E = Error> = std::result::Result<T, E>;

impl Tape {
    /// `value` written out.
    pub fn of<T: Serialize + ?Sized>(value: &T) -> Result<Tape> {
        let mut tape = Tape::default();
        value.serialize(&mut tape)?;
        Ok(tape)
    }

    /// The id of `s` in the string table, added if new.
    fn string_id(&mut self, s: &str) -> u32 {
        let hash = rustc_hash::FxBuildHasher.hash_one(s);
        if let Some(&id) = self.ids.get(&hash)
            && self.string(id) == s
        {
            return id;
        }
        let id = self.ends.len() as u32;
        self.text.push_str(s);
        let units = self.ends.last().copied().unwrap_or(0) + crate::text::utf16_len(s.as_bytes());
        self.ends.push(units);
        self.byte_ends.push(self.text.len() as u32);
        self.ids.entry(hash).or_insert(id);
        id
    }

    /// The id of a field or variant name.
    fn name_id(&mut self, name: &'static str) -> u32 {
        let place = (name.as_ptr() as usize, name.len());
        if let Some(&id) = self.name_ids.get(&place) {
            return id;
        }
        let id = self.string_id(name);
        self.name_ids.insert(place, id);
        id
    }

    /// String `id` of the table.
    fn string(&self, id: u32) -> &str {
        let start = id.checked_sub(1).map_or(0, |before| self.byte_ends[before as usize]) as usize;
        &self.text[start..self.byte_ends[id as usize] as usize]
    }

    fn push_string(&mut self, s: &str) {
        let id = self.string_id(s);
        self.ops.extend([STRING, id]);
    }

    fn number(&mut self, n: f64) {
        self.ops.push(NUMBER);
        self.numbers.push(n);
    }

    /// Opens an array or object whose length is patched in when it ends.
    fn open(&mut self, op: u32) -> Compound<'_> {
        self.ops.extend([op, 0]);
        Compound { at: self.ops.len() - 1, len: 0, tape: self }
    }

    /// Opens `{variant: …}`, the externally tagged enum's object, with the variant's key written.
    fn open_variant(&mut self, variant: &'static str) {
        self.ops.extend([OBJECT, 1]);
        let id = self.name_id(variant);
        self.ops.push(id);
    }
}

/// An array or object being written; `len` counts its elements (or keys).
pub struct Compound<'a> {
    tape: &'a mut Tape,
    at: usize,
    len: u32,
}

impl Compound<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.len += 1;
        value.serialize(&mut *self.tape)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        let id = self.tape.name_id(key);
        self.tape.ops.push(id);
        self.element(value)
    }

    fn end(self) -> Result {
        self.tape.ops[self.at] = self.len;
        Ok(())
    }
}

/// The numbers every value of which a JS number holds exactly.
macro_rules! numbers_exact_in_f64 {
    ($($method:ident($ty:ty))*) => {$(
        fn $method(self, v: $ty) -> Result {
            self.serialize_f64(v.into())
        }
    )*};
}

impl<'a> ser::Serializer for &'a mut Tape {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result {
        self.ops.push(if v { TRUE } else { FALSE });
        Ok(())
    }
    numbers_exact_in_f64! { serialize_i8(i8) serialize_i16(i16) serialize_i32(i32) serialize_u8(u8) serialize_u16(u16)
    serialize_u32(u32) serialize_f32(f32) }
    fn serialize_i64(self, v: i64) -> Result {
        if v.unsigned_abs() > MAX_SAFE_INTEGER {
            return Err(Error(format!("{v} can't be represented as a JavaScript number")));
        }
        self.serialize_f64(v as f64)
    }
    fn serialize_u64(self, v: u64) -> Result {
        if v > MAX_SAFE_INTEGER {
            return Err(Error(format!("{v} can't be represented as a JavaScript number")));
        }
        self.serialize_f64(v as f64)
    }
    fn serialize_i128(self, v: i128) -> Result {
        Err(Error(format!("{v}: 128-bit integers are not written for JS")))
    }
    fn serialize_u128(self, v: u128) -> Result {
        Err(Error(format!("{v}: 128-bit integers are not written for JS")))
    }
    fn serialize_f64(self, v: f64) -> Result {
        self.number(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result {
        self.push_string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result {
        self.push_string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result {
        let mut array = self.open(ARRAY);
        v.iter().try_for_each(|b| array.element(b))?;
        array.end()
    }
    fn serialize_none(self) -> Result {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result {
        self.ops.push(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result {
        let id = self.name_id(variant);
        self.ops.extend([STRING, id]);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result {
        self.open_variant(variant);
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'a>> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, variant: &'static str, _: usize) -> Result<Compound<'a>> {
        self.open_variant(variant);
        Ok(self.open(ARRAY))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>> {
        Ok(self.open(OBJECT))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>> {
        Ok(self.open(OBJECT))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>> {
        self.open_variant(variant);
        Ok(self.open(OBJECT))
    }
}

/// serde's compound traits that take values one after another (`element`) or by name (`field`).
macro_rules! compound {
    ($($trait:ident :: $method:ident ($($key:ident)?) => $take:ident;)*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, $($key: &'static str,)? value: &T) -> Result {
                self.$take($($key,)? value)
            }
            fn end(self) -> Result {
                Compound::end(self)
            }
        }
    )*};
}

compound! {
    SerializeSeq::serialize_element() => element;
    SerializeTuple::serialize_element() => element;
    SerializeTupleStruct::serialize_field() => element;
    SerializeTupleVariant::serialize_field() => element;
    SerializeStruct::serialize_field(key) => field;
    SerializeStructVariant::serialize_field(key) => field;
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result {
        let id = key.serialize(KeyId(self.tape))?;
        self.tape.ops.push(id);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.element(value)
    }
    fn end(self) -> Result {
        Compound::end(self)
    }
}

/// A map's key: a string (or what serializes as one), as an object's key must be.
struct KeyId<'a>(&'a mut Tape);

fn not_a_key<T>() -> Result<T, Error> {
    Err(Error("Map key is not a string and cannot be an object key".into()))
}

/// The scalars no object key can be.
macro_rules! refuse_scalars {
    ($($method:ident($ty:ty))*) => {$(
        fn $method(self, _: $ty) -> Result<u32> {
            not_a_key()
        }
    )*};
}

impl ser::Serializer for KeyId<'_> {
    type Ok = u32;
    type Error = Error;
    type SerializeSeq = ser::Impossible<u32, Error>;
    type SerializeTuple = ser::Impossible<u32, Error>;
    type SerializeTupleStruct = ser::Impossible<u32, Error>;
    type SerializeTupleVariant = ser::Impossible<u32, Error>;
    type SerializeMap = ser::Impossible<u32, Error>;
    type SerializeStruct = ser::Impossible<u32, Error>;
    type SerializeStructVariant = ser::Impossible<u32, Error>;

    fn serialize_str(self, v: &str) -> Result<u32> {
        Ok(self.0.string_id(v))
    }
    fn serialize_char(self, v: char) -> Result<u32> {
        Ok(self.0.string_id(v.encode_utf8(&mut [0; 4])))
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<u32> {
        Ok(self.0.string_id(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<u32> {
        value.serialize(self)
    }
    fn serialize_none(self) -> Result<u32> {
        not_a_key()
    }
    fn serialize_unit(self) -> Result<u32> {
        not_a_key()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<u32> {
        not_a_key()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<u32> {
        not_a_key()
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<u32> {
        not_a_key()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq> {
        not_a_key()
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple> {
        not_a_key()
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct> {
        not_a_key()
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        not_a_key()
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap> {
        not_a_key()
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct> {
        not_a_key()
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant> {
        not_a_key()
    }
    refuse_scalars! { serialize_bool(bool) serialize_i8(i8) serialize_i16(i16) serialize_i32(i32) serialize_i64(i64)
    serialize_u8(u8) serialize_u16(u16) serialize_u32(u32) serialize_u64(u64) serialize_f32(f32) serialize_f64(f64)
    serialize_bytes(&[u8]) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use serde_json::{Value, json};
    use std::collections::BTreeMap;

    /// The tape's string table, as `src/tape.js` slices it.
    fn strings_of(tape: &Tape) -> Vec<String> {
        let units: Vec<u16> = tape.text.encode_utf16().collect();
        let starts = std::iter::once(0).chain(tape.ends.iter().copied());
        starts
            .zip(&tape.ends)
            .map(|(start, &end)| String::from_utf16(&units[start as usize..end as usize]).unwrap())
            .collect()
    }

    /// What `src/tape.js` builds, built in Rust as a JSON tree, numbers all `f64` as in JS.
    fn read(tape: &Tape) -> Value {
        let strings = strings_of(tape);
        let (mut ops, mut numbers) = (tape.ops.iter().copied(), tape.numbers.iter().copied());
        let value = value_of(&mut ops, &mut numbers, &strings);
        assert_eq!((ops.next(), numbers.next()), (None, None), "the tape holds one value, all of it read");
        value
    }

    fn value_of(
        ops: &mut impl Iterator<Item = u32>,
        numbers: &mut impl Iterator<Item = f64>,
        strings: &[String],
    ) -> Value {
        let mut next = || ops.next().expect("an op");
        match next() {
            NULL => Value::Null,
            FALSE => Value::Bool(false),
            TRUE => Value::Bool(true),
            NUMBER => json!(numbers.next().expect("a number")),
            STRING => Value::String(strings[next() as usize].clone()),
            ARRAY => (0..next()).map(|_| value_of(ops, numbers, strings)).collect(),
            OBJECT => {
                let len = next();
                let mut object = serde_json::Map::new();
                for _ in 0..len {
                    let key = strings[ops.next().expect("a key") as usize].clone();
                    object.insert(key, value_of(ops, numbers, strings));
                }
                Value::Object(object)
            }
            op => panic!("no op {op}"),
        }
    }

    /// `value` with every number an `f64`, as JS holds it.
    fn as_js(value: Value) -> Value {
        match value {
            Value::Number(n) => json!(n.as_f64().unwrap()),
            Value::Array(items) => items.into_iter().map(as_js).collect(),
            Value::Object(object) => Value::Object(object.into_iter().map(|(k, v)| (k, as_js(v))).collect()),
            other => other,
        }
    }

    #[derive(Serialize)]
    enum Kind {
        Plain,
        Wrapped(u8),
        Pair(u8, char),
        Named { at: u64 },
    }

    #[derive(Serialize)]
    struct Every {
        missing: Option<u32>,
        unit: (),
        kinds: Vec<Kind>,
        by_name: BTreeMap<&'static str, f32>,
        astral: &'static str,
        again: [&'static str; 2],
        negative: i64,
    }

    #[test]
    fn every_shape_reads_back_as_serde_json_writes_it() {
        let every = Every {
            missing: None,
            unit: (),
            kinds: vec![Kind::Plain, Kind::Wrapped(7), Kind::Pair(1, '𠀀'), Kind::Named { at: MAX_SAFE_INTEGER }],
            by_name: BTreeMap::from([("甲", 0.5), ("乙", -1.0)]),
            astral: "𠀀𠀁二",
            again: ["二", "甲"],
            negative: -(1 << 40),
        };
        let tape = Tape::of(&every).unwrap();
        assert_eq!(read(&tape), as_js(serde_json::to_value(&every).unwrap()));
        assert_eq!(
            read(&tape)["kinds"],
            json!(["Plain", {"Wrapped": 7.0}, {"Pair": [1.0, "𠀀"]}, {"Named": {"at": 9007199254740991.0}}])
        );
        // Each distinct string once (甲 was a key before it was a value), 𠀀 two UTF-16 units.
        let distinct =
            ["missing", "unit", "kinds", "Plain", "Wrapped", "Pair", "𠀀", "Named", "at", "by_name", "乙", "甲"];
        assert_eq!(strings_of(&tape), [&distinct[..], &["astral", "𠀀𠀁二", "again", "二", "negative"]].concat());
    }

    #[test]
    fn what_a_js_object_cannot_hold_is_an_error() {
        let too_large = Tape::of(&(MAX_SAFE_INTEGER + 1)).unwrap_err();
        assert_eq!(too_large.to_string(), "9007199254740992 can't be represented as a JavaScript number");
        assert!(Tape::of(&i64::MIN).is_err());
        assert!(Tape::of(&1u128).is_err());
        let number_keyed = BTreeMap::from([(1, "one")]);
        assert_eq!(
            Tape::of(&number_keyed).unwrap_err().to_string(),
            "Map key is not a string and cannot be an object key"
        );
    }

    #[test]
    fn a_whole_analysis_reads_back_as_its_json() {
        let analyzer = crate::Analyzer::new();
        for text in
            [include_str!("../tests/fixtures/seed-speech.txt"), "同志们：\n第一，𠀀要“数商兴农”。\n谢谢大家！", ""]
        {
            let analysis = analyzer.analyze(text, &Default::default()).unwrap();
            assert_eq!(read(&Tape::of(&analysis).unwrap()), as_js(serde_json::to_value(&analysis).unwrap()));
        }
    }
}
