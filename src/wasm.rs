//! The wasm boundary: the only module that knows wasm-bindgen. Results cross as plain JS objects
//! (written as one tape, `crate::tape`, built by `src/tape.js`), arguments are read by
//! serde-wasm-bindgen, errors cross as real JS `Error`s with a stable `kind`. wasm32 builds abort on
//! panic, so a panic (none is known) traps: JS gets a `WebAssembly.RuntimeError`, and
//! `www/engine.js` replaces the instance (see SECURITY.md).
//!
//! Every argument is taken as a `JsValue` and checked here: the glue wasm-bindgen writes for a
//! `&str` or `Vec<String>` parameter checks nothing, so `analyze(42)` trapped (`memory access out of
//! bounds`) and `analyze(null)` threw a bare `TypeError`. Now any argument of the wrong type is an
//! `invalid_argument` error naming it.

use crate::analyze::Analyzer;
use crate::document::Options;
use crate::error::{Error, ErrorKind};
use crate::model::{ConcordanceLine, SegmentColumns};
use crate::tape::Tape;
use serde::Serialize;
use serde::de::{DeserializeOwned, Visitor};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// Options of one of the functions, `T` (`Options`, `CheckOptions`), or nothing: an object with
/// only the fields `T` has (a misspelt option is an error naming the known ones, as serde names
/// them), each left out, `undefined` or `null` one `T`'s default.
fn parse_options<T: DeserializeOwned + Default>(value: &JsValue) -> Result<T, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    let invalid = |message: String| Error::new(ErrorKind::InvalidArgument, message);
    let object = value
        .dyn_ref::<js_sys::Object>()
        .filter(|_| !js_sys::Array::is_array(value) && !value.is_function())
        .ok_or_else(|| invalid(format!("options must be an object, not {}", type_of(value))))?;
    check_nesting(value, "options")?;
    let names = field_names::<T>();
    let given = js_sys::Object::new();
    for key in js_sys::Object::keys(object).iter().filter_map(|k| k.as_string()) {
        if !names.contains(&key.as_str()) {
            return Err(invalid(format!("unknown option {key:?}; known: {}", names.join(", "))));
        }
        let part = js_sys::Reflect::get(object, &JsValue::from_str(&key))
            .map_err(|_| invalid(format!("options: {key} cannot be read")))?;
        if !part.is_undefined() && !part.is_null() {
            js_sys::Reflect::set(&given, &JsValue::from_str(&key), &part)
                .map_err(|_| invalid(format!("options: {key} cannot be read")))?;
        }
    }
    serde_wasm_bindgen::from_value(given.into()).map_err(|e| invalid(format!("options: {e}")))
}

/// The names of the fields serde reads a `T` by (renamed, without skipped ones): what derived
/// `Deserialize` hands `deserialize_struct`, caught by a deserializer that reads nothing else.
fn field_names<T: DeserializeOwned>() -> &'static [&'static str] {
    struct Names<'a>(&'a mut &'static [&'static str]);
    impl<'de> serde::Deserializer<'de> for Names<'_> {
        type Error = serde::de::value::Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(serde::de::Error::custom("not a struct"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = fields;
            Err(serde::de::Error::custom("only the names are read"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
            unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
        }
    }
    let mut names: &'static [&'static str] = &[];
    let _ = T::deserialize(Names(&mut names));
    names
}

/// The concordance `options` ask for: of a word, or of a string `anywhere`.
fn concordance_of(
    analyzer: &Analyzer,
    text: &str,
    term: &str,
    options: &Options,
) -> Result<Vec<ConcordanceLine>, Error> {
    if options.anywhere {
        analyzer.find(text, term, options.width, options)
    } else {
        analyzer.concordance(text, term, options.width, options)
    }
}

/// A real JS `Error` whose `kind` is the error's stable id.
fn js_error(error: &Error) -> JsValue {
    let js = js_sys::Error::new(error.message());
    js.set_name("SpeechlensError");
    let _ = js_sys::Reflect::set(&js, &JsValue::from_str("kind"), &JsValue::from_str(error.kind().id()));
    js.into()
}

/// Test hook: a panic on demand, so the browser tests can prove that a panic reaches the page as
/// an error and the next analysis still works. Only script can arm it, in the realm running the
/// wasm (`globalThis.__speechlensTestPanic = true`); it fires once, on the next call.
fn panic_if_armed_for_test() {
    let (global, key) = (js_sys::global(), JsValue::from_str("__speechlensTestPanic"));
    if js_sys::Reflect::get(&global, &key).is_ok_and(|armed| armed.is_truthy()) {
        let _ = js_sys::Reflect::delete_property(&global, &key);
        panic!("forced by the __speechlensTestPanic test hook");
    }
}

/// Runs `f` and turns its result into a plain JS value or a JS `Error`. There is no
/// `catch_unwind` here on purpose: wasm32 aborts on panic, so a panic traps whatever this
/// function does, and JS sees a `WebAssembly.RuntimeError` (see SECURITY.md, *Panics*).
fn boundary<T: Serialize>(f: impl FnOnce() -> Result<T, Error>) -> Result<JsValue, JsValue> {
    panic_if_armed_for_test();
    let value = f().map_err(|e| js_error(&e))?;
    let tape = Tape::of(&value).map_err(|e| js_error(&Error::new(ErrorKind::Internal, format!("result: {e}"))))?;
    Ok(objects_of(&tape.ops, &tape.numbers, &tape.text, &tape.ends))
}

#[wasm_bindgen(module = "/src/tape.js")]
extern "C" {
    /// The plain objects `Tape` holds, built in JS in one pass.
    #[wasm_bindgen(js_name = objectsOf)]
    fn objects_of(ops: &[u32], numbers: &[f64], text: &str, ends: &[u32]) -> JsValue;
}

thread_local! {
    static DEFAULT: RefCell<Analyzer> = RefCell::new(Analyzer::new());
}

fn with_default<T>(f: impl FnOnce(&Analyzer) -> T) -> T {
    DEFAULT.with(|a| f(&a.borrow()))
}

/// Everything speechlens finds in `text`: terms, keywords, phrases, slogans, outline, stats.
#[wasm_bindgen(skip_typescript)]
pub fn analyze(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    boundary(|| {
        let (text, options) = (string(&text, "text")?, parse_options::<Options>(&options)?);
        with_default(|a| a.analyze(&text, &options))
    })
}

/// The words of `text`, each with its UTF-16 span and part of speech.
#[wasm_bindgen(skip_typescript)]
pub fn segment(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    boundary(|| {
        let (text, hmm) = (string(&text, "text")?, parse_options::<Options>(&options)?.hmm);
        with_default(|a| a.segment(&text, hmm))
    })
}

/// `text` in a line: its date, size, keywords, slogan and alarm counts, where its speech lies.
#[wasm_bindgen(skip_typescript)]
pub fn summarize(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    boundary(|| {
        let (text, options) = (string(&text, "text")?, parse_options::<Options>(&options)?);
        with_default(|a| a.summarize(&text, &options))
    })
}

/// What changed from `a` to `b`: terms by keyness, formulations new, dropped or kept, sizes.
#[wasm_bindgen(skip_typescript)]
pub fn compare(a: JsValue, b: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    boundary(|| {
        let (a, b, options) = (string(&a, "a")?, string(&b, "b")?, parse_options::<Options>(&options)?);
        with_default(|analyzer| analyzer.compare(&a, &b, &options))
    })
}

/// The terms followed across a corpus (`texts`, in the order given): each one's occurrences per
/// 10,000 Han characters of each text's speech (see `corpus::rates`), as the page's trend draws them.
#[wasm_bindgen(skip_typescript)]
pub fn trend(texts: JsValue, terms: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    boundary(|| {
        let (texts, terms) = (strings(texts, "texts")?, strings(terms, "terms")?);
        let options = parse_options::<Options>(&options)?;
        with_default(|a| a.trend(&texts, &terms, &options))
    })
}

/// The words of `text` as columns of typed arrays (see `SegmentColumns`): several times faster
/// than `segment` on a long text, which makes an object and a string per word.
#[wasm_bindgen(js_name = segmentColumns, skip_typescript)]
pub fn segment_columns(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    columns_boundary(|| {
        let (text, hmm) = (string(&text, "text")?, parse_options::<Options>(&options)?.hmm);
        with_default(|a| a.segment_columns(&text, hmm))
    })
}

/// The words of `text`, as jieba-wasm's `cut` gives them: strings only, sliced from the caller's
/// own string rather than decoded from wasm memory one by one.
#[wasm_bindgen(skip_typescript)]
pub fn cut(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    cut_boundary(text, &options, |text, hmm| with_default(|a| a.segment_columns(text, hmm)))
}

/// Each occurrence of `term` in the speech with context either side (`options.width`, default 20).
#[wasm_bindgen(skip_typescript)]
pub fn concordance(text: JsValue, term: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    boundary(|| {
        let (text, term, options) = (string(&text, "text")?, string(&term, "term")?, parse_options(&options)?);
        with_default(|a| concordance_of(a, &text, &term, &options))
    })
}

/// The term table as CSV (UTF-8 with BOM, RFC 4180 quoting).
#[wasm_bindgen(js_name = termsCsv, skip_typescript)]
pub fn terms_csv(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    boundary(|| {
        let (text, options) = (string(&text, "text")?, parse_options::<Options>(&options)?);
        with_default(|a| a.terms_csv(&text, &options))
    })
}

/// An analysis's slogans (`analysis.slogans`) as CSV.
#[wasm_bindgen(js_name = slogansCsv, skip_typescript)]
pub fn slogans_csv(slogans: JsValue) -> Result<JsValue, JsValue> {
    boundary(|| Ok(crate::csv::slogans(&from_js::<Vec<_>>(slogans, "slogans")?)))
}

/// A corpus's documents (`{ name, summary }`) and the terms followed across them as CSV.
#[wasm_bindgen(js_name = corpusCsv, skip_typescript)]
pub fn corpus_csv(documents: JsValue, trend: JsValue) -> Result<JsValue, JsValue> {
    boundary(|| {
        Ok(crate::csv::corpus(&from_js::<Vec<_>>(documents, "documents")?, &from_js::<Vec<_>>(trend, "trend")?))
    })
}

/// An analysis's outline parts (`analysis.outline.sections`) as CSV, in reading order.
#[wasm_bindgen(js_name = outlineCsv, skip_typescript)]
pub fn outline_csv(sections: JsValue) -> Result<JsValue, JsValue> {
    boundary(|| Ok(crate::csv::outline(&from_js::<Vec<_>>(sections, "sections")?)))
}

/// A comparison's terms (`comparison.terms`) as CSV.
#[wasm_bindgen(js_name = comparisonCsv, skip_typescript)]
pub fn comparison_csv(terms: JsValue) -> Result<JsValue, JsValue> {
    boundary(|| Ok(crate::csv::term_changes(&from_js::<Vec<_>>(terms, "terms")?)))
}

/// A concordance (what `concordance` returns) as CSV.
#[wasm_bindgen(js_name = concordanceCsv, skip_typescript)]
pub fn concordance_csv(lines: JsValue) -> Result<JsValue, JsValue> {
    boundary(|| Ok(crate::csv::concordance(&from_js::<Vec<_>>(lines, "lines")?)))
}

/// Today in the local time zone, as the user's calendar has it: the draft's date when neither
/// the caller nor the text gives one.
fn local_today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

/// What a careful editor would flag in `text` (see `check::check`).
#[wasm_bindgen(skip_typescript)]
pub fn check(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    boundary(|| {
        let text = string(&text, "text")?;
        let options = crate::check::CheckOptions { today: Some(local_today()), ..parse_options(&options)? };
        crate::check::check(&text, &options)
    })
}

/// The draft check's findings in `text` (the text checked) as CSV.
#[wasm_bindgen(js_name = checkCsv, skip_typescript)]
pub fn check_csv(text: JsValue, findings: JsValue) -> Result<JsValue, JsValue> {
    boundary(|| Ok(crate::csv::findings(&string(&text, "text")?, &from_js::<Vec<_>>(findings, "findings")?)))
}

/// An array of strings from JS. An array, not any iterable: a `String` object would be read as its
/// characters one by one.
fn strings(value: JsValue, what: &str) -> Result<Vec<String>, Error> {
    if !js_sys::Array::is_array(&value) {
        let message = format!("{what} must be an array of strings, not {}", type_of(&value));
        return Err(Error::new(ErrorKind::InvalidArgument, message));
    }
    from_js(value, what)
}

/// A part of a result handed back from JS, or an `invalid_argument` error naming it.
fn from_js<T: serde::de::DeserializeOwned>(value: JsValue, what: &str) -> Result<T, Error> {
    if value.is_undefined() || value.is_null() {
        return Err(Error::new(ErrorKind::InvalidArgument, format!("{what} must be given, not {}", type_of(&value))));
    }
    check_nesting(&value, what)?;
    serde_wasm_bindgen::from_value(value).map_err(|e| Error::new(ErrorKind::InvalidArgument, format!("{what}: {e}")))
}

/// The deepest nesting of arrays and objects read from JS: a result's deepest part, an outline, is
/// a dozen levels at most. serde reads a value, and describes it in an error, recursively, so a
/// deeper or a cyclic value (`section.children = [section]`) overflowed the stack: a `RangeError`
/// without a `kind`.
const MAX_NESTING: usize = 64;

/// How many arrays and objects an argument may hold: bounds the walk below when a value shares its
/// parts (`a = [b, b]; b = [c, c]; …` has few objects but very many paths). A corpus of 10,000
/// documents has some 50,000.
const MAX_CONTAINERS: usize = 1 << 20;

/// Whether `value` nests no deeper than [`MAX_NESTING`], walked with a stack of its own. Read
/// through `Reflect`, whose failures (a getter or a proxy that throws) come back as values: an
/// exception thrown through the wasm would leave an `Analyzer` borrowed for good.
fn check_nesting(value: &JsValue, what: &str) -> Result<(), Error> {
    let invalid = |message: String| Error::new(ErrorKind::InvalidArgument, format!("{what}: {message}"));
    let unreadable = |e: JsValue| {
        let reason = e.dyn_ref::<js_sys::Error>().map_or_else(|| type_of(&e), |e| String::from(e.message()));
        invalid(format!("cannot be read: {reason}"))
    };
    let mut stack: Vec<(JsValue, usize)> = value.is_object().then(|| (value.clone(), 0)).into_iter().collect();
    let mut containers = 0;
    while let Some((value, depth)) = stack.pop() {
        containers += 1;
        if depth > MAX_NESTING || containers > MAX_CONTAINERS {
            return Err(invalid(format!("nested more than {MAX_NESTING} levels deep, or cyclic")));
        }
        let object = value.unchecked_ref::<js_sys::Object>();
        for key in js_sys::Reflect::own_keys(object).map_err(unreadable)?.iter() {
            let part = js_sys::Reflect::get(object, &key).map_err(unreadable)?;
            if part.is_object() {
                stack.push((part, depth + 1));
            }
        }
    }
    Ok(())
}

/// A string argument called `what`, or an `invalid_argument` error. A lone surrogate arrives as
/// U+FFFD, one UTF-16 unit for one, so offsets still line up with the caller's string.
fn string(value: &JsValue, what: &str) -> Result<String, Error> {
    value.as_string().ok_or_else(|| {
        Error::new(ErrorKind::InvalidArgument, format!("{what} must be a string, not {}", type_of(value)))
    })
}

/// What an argument is, for an error message: `null`, `an array`, else its `typeof`.
fn type_of(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if js_sys::Array::is_array(value) {
        "an array".into()
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}

/// Unpacks the dictionary now rather than on the first analysis (it takes a moment).
#[wasm_bindgen(skip_typescript)]
pub fn warmup() -> Result<JsValue, JsValue> {
    boundary(|| {
        drop(crate::segment::dictionary_for([]));
        Ok(())
    })
}

/// An analyzer with words of its own to keep whole, on top of the shared dictionary.
#[wasm_bindgen(js_name = Analyzer, skip_typescript)]
pub struct JsAnalyzer {
    inner: Analyzer,
}

#[wasm_bindgen(js_class = Analyzer)]
impl JsAnalyzer {
    #[wasm_bindgen(constructor)]
    pub fn new() -> JsAnalyzer {
        JsAnalyzer { inner: Analyzer::new() }
    }

    /// Keeps each of `words` whole in every later analysis by this analyzer.
    #[wasm_bindgen(js_name = addWords)]
    pub fn add_words(&mut self, words: JsValue) -> Result<(), JsValue> {
        self.inner.add_words(strings(words, "words").map_err(|e| js_error(&e))?);
        Ok(())
    }

    /// The words added so far.
    #[wasm_bindgen(getter)]
    pub fn words(&self) -> Vec<String> {
        self.inner.words().to_vec()
    }

    pub fn analyze(&self, text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        boundary(|| self.inner.analyze(&string(&text, "text")?, &parse_options::<Options>(&options)?))
    }

    pub fn segment(&self, text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        boundary(|| self.inner.segment(&string(&text, "text")?, parse_options::<Options>(&options)?.hmm))
    }

    pub fn compare(&self, a: JsValue, b: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        boundary(|| self.inner.compare(&string(&a, "a")?, &string(&b, "b")?, &parse_options::<Options>(&options)?))
    }

    pub fn summarize(&self, text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        boundary(|| self.inner.summarize(&string(&text, "text")?, &parse_options::<Options>(&options)?))
    }

    #[wasm_bindgen(js_name = segmentColumns)]
    pub fn segment_columns(&self, text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        columns_boundary(|| {
            self.inner.segment_columns(&string(&text, "text")?, parse_options::<Options>(&options)?.hmm)
        })
    }

    pub fn cut(&self, text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        cut_boundary(text, &options, |text, hmm| self.inner.segment_columns(text, hmm))
    }

    pub fn concordance(&self, text: JsValue, term: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        boundary(|| {
            let options = parse_options(&options)?;
            concordance_of(&self.inner, &string(&text, "text")?, &string(&term, "term")?, &options)
        })
    }

    #[wasm_bindgen(js_name = termsCsv)]
    pub fn terms_csv(&self, text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        boundary(|| self.inner.terms_csv(&string(&text, "text")?, &parse_options::<Options>(&options)?))
    }
}

impl Default for JsAnalyzer {
    fn default() -> Self {
        JsAnalyzer::new()
    }
}

/// [`boundary`] for a segmentation as columns: typed arrays copied out of wasm memory in one go,
/// where serde would make a JS number per offset.
fn columns_boundary(f: impl FnOnce() -> Result<SegmentColumns, Error>) -> Result<JsValue, JsValue> {
    panic_if_armed_for_test();
    let columns = f().map_err(|e| js_error(&e))?;
    let object = js_sys::Object::new();
    let tag_names: js_sys::Array = columns.tag_names.iter().map(|t| JsValue::from_str(t)).collect();
    let fields: [(&str, JsValue); 4] = [
        ("starts", js_sys::Uint32Array::from(&columns.starts[..]).into()),
        ("ends", js_sys::Uint32Array::from(&columns.ends[..]).into()),
        ("tags", js_sys::Uint8Array::from(&columns.tags[..]).into()),
        ("tagNames", tag_names.into()),
    ];
    for (name, value) in fields {
        js_sys::Reflect::set(&object, &JsValue::from_str(name), &value)?;
    }
    Ok(object.into())
}

/// [`boundary`] for `cut`: the words as slices of `text`, the JS string itself.
fn cut_boundary(
    text: JsValue,
    options: &JsValue,
    f: impl FnOnce(&str, bool) -> Result<SegmentColumns, Error>,
) -> Result<JsValue, JsValue> {
    panic_if_armed_for_test();
    let columns =
        (|| f(&string(&text, "text")?, parse_options::<Options>(options)?.hmm))().map_err(|e| js_error(&e))?;
    let text = js_sys::JsString::from(text);
    let words: js_sys::Array =
        columns.starts.iter().zip(&columns.ends).map(|(&start, &end)| JsValue::from(text.slice(start, end))).collect();
    Ok(words.into())
}

/// The crate version.
#[wasm_bindgen(js_name = version, skip_typescript)]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// The TypeScript declarations of everything above, written once here so they ship in the
/// generated `.d.ts` of every build; `tests/types/check.ts` holds them to the real results.
#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT: &'static str = r#"
/**
 * What the analysis flags (`outline.issues`, `warnings`): a stable dotted `rule`, the span, the English
 * `message` and its values `args`, and the evidence, a union discriminated by `kind` (Rust's
 * `finding::Finding`, its `Evidence` flattened in; named apart from the draft check's `Finding`).
 */
export type AnalysisFinding = { rule: string; start: number; end: number; message: string; args: string[] } & Evidence;
/**
 * A segmentation as columns, the fast form of `segment`: token `i` is `text.slice(starts[i], ends[i])`
 * (UTF-16), its part of speech `tagNames[tags[i]]`. Tokens tile the text: `ends[i] === starts[i + 1]`.
 */
export interface SegmentColumns { starts: Uint32Array; ends: Uint32Array; tags: Uint8Array; tagNames: string[] }
/** Thrown for bad input; `kind` is stable: 'invalid_argument' | 'too_large' | 'internal'. */
export interface SpeechlensError extends Error { kind: 'invalid_argument' | 'too_large' | 'internal' }
/** A stretch of the text view to mark: class `hl-{kind}`; `id` → `data-id`, `title` → hover text. */
export interface Mark extends Span { kind: string; id?: string; title?: string }

export function analyze(text: string, options?: Options): Analysis;
/** `text` in a line, as a corpus view lists it: date, size, keywords, slogan and numbering-alarm counts, where its speech lies. */
export function summarize(text: string, options?: Options): DocumentSummary;
/** What changed from `a` to `b`: every term by keyness (G² and log ratio), formulations new, dropped or kept, both texts' stats. */
export function compare(a: string, b: string, options?: Options): Comparison;
/** Each term followed across `texts` (in their order): its occurrences (wherever its characters occur, chrome left out) per 10,000 Han characters of each text's speech; the page's trend chart and `speechlens trend` (only `keepRemoved` of the options matters). */
export function trend(texts: string[], terms: string[], options?: Options): TrendSeries[];
export function segment(text: string, options?: Pick<Options, 'hmm'>): Token[];
export function segmentColumns(text: string, options?: Pick<Options, 'hmm'>): SegmentColumns;
/** The words of `text` only, as jieba-wasm's `cut(text, hmm)` gives them. */
export function cut(text: string, options?: Pick<Options, 'hmm'>): string[];
export function concordance(text: string, term: string, options?: Options): ConcordanceLine[];
export function termsCsv(text: string, options?: Options): string;
/** `analysis.slogans` as CSV (UTF-8 with BOM, RFC 4180): kind, text, count, firstAt, expansion, frame, speaker, score. */
export function slogansCsv(slogans: Slogan[]): string;
/** `analysis.outline.sections` as CSV, parts in reading order: level, marker, heading, start, end, speechChars, speakingMinutes, topTerms. */
export function outlineCsv(sections: Section[]): string;
/** A corpus as CSV: a row per document (name, date, hanChars, words, paragraphs, speakingMinutes, parts, keywords, slogans, alarms, warnings), then `per10k:TERM` for each term followed. */
export function corpusCsv(documents: CorpusDocument[], trend: TrendSeries[]): string;
/** `comparison.terms` as CSV: term, countA, countB, perTenKA, perTenKB, logLikelihood, logRatio, status. */
export function comparisonCsv(terms: TermChange[]): string;
/** Browser only: draws a comparison of `a` with `b` (sizes, keyness chart, new and dropped formulations, outlines, changed paragraphs). */
export function renderComparison(container: Element, comparison: Comparison, a: string, b: string, lang: string): void;
/** A concordance as CSV: start, end, left, keyword, right. */
export function concordanceCsv(lines: ConcordanceLine[]): string;
/** What a careful editor would flag in `text`: findings in text order (UTF-16 spans, a fix where one replacement is certainly right) and their counts by severity. */
export function check(text: string, options?: CheckOptions): CheckResult;
/** `check(text).findings` as CSV: rule, severity, start, end, flagged, message, replacement. */
export function checkCsv(text: string, findings: Finding[]): string;
/**
 * Browser only: draws a check of `text` (its counts, its findings grouped by family, each the words it flags in their context
 * and its message), each finding a button carrying `data-finding`
 * (its index), with `data-fix` (index), `data-fix-rule` and `data-ignore` (rule id) buttons; `ignored` rules are listed
 * with `data-unignore` buttons.
 */
export function renderCheck(container: Element, result: CheckResult, text: string, lang: string, ignored?: string[]): void;
/** Builds the dictionary now rather than on the first analysis. */
export function warmup(): void;
export function version(): string;
export class Analyzer {
  free(): void;
  constructor();
  addWords(words: string[]): void;
  readonly words: string[];
  analyze(text: string, options?: Options): Analysis;
  compare(a: string, b: string, options?: Options): Comparison;
  summarize(text: string, options?: Options): DocumentSummary;
  segment(text: string, options?: Pick<Options, 'hmm'>): Token[];
  segmentColumns(text: string, options?: Pick<Options, 'hmm'>): SegmentColumns;
  cut(text: string, options?: Pick<Options, 'hmm'>): string[];
  concordance(text: string, term: string, options?: Options): ConcordanceLine[];
  termsCsv(text: string, options?: Options): string;
}
/**
 * Browser only: fills `container` with `text`, `marks` wrapped in `<mark class="hl-{kind}">` (marks may
 * overlap); given `analysis`, its removed chrome, outline issues and warnings are marked too, titled in `lang`.
 */
export function renderText(container: Element, text: string, marks?: Mark[], analysis?: Analysis, lang?: string): void;
/**
 * `sort`: 'count' | 'term' (pinyin order) | 'perTenK' | 'pos' | 'first', optionally suffixed ':asc' or ':desc'.
 * Draws `limit` rows from row `offset` (default 0) and a pager whose buttons carry `data-offset`.
 */
export function renderTerms(container: Element, analysis: Analysis, lang: string, sort: string, limit: number, offset?: number): void;
export function renderTermChart(container: Element, analysis: Analysis, lang: string, limit: number): void;
export function renderWordCloud(container: Element, analysis: Analysis, lang: string, limit: number): void;
export function renderSlogans(container: Element, analysis: Analysis, lang: string): void;
export function renderOutline(container: Element, analysis: Analysis, lang: string): void;
export function renderConcordance(container: Element, lines: ConcordanceLine[], lang?: string, term?: string): void;
export function renderWords(container: Element, words: string[], lang: string): void;
/** Browser only: a table of documents, each name a button carrying `data-doc` (its index); `sort`: a column (document, date, hanChars, minutes, slogansCount, alarms), optionally suffixed :asc or :desc; headers carry `data-corpus-sort`. */
export function renderCorpus(container: Element, documents: CorpusDocument[], lang: string, sort?: string): void;
/** Browser only: a line per term over the documents called `labels` (values per 10,000 Han characters); points carry `data-doc`. */
export function renderTrend(container: Element, series: TrendSeries[], labels: string[], lang: string): void;
"#;
