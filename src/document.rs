//! One text made ready for analysis, once, with its options: where its speech lies (chrome found
//! and blanked), its paragraphs and date ([`Page`]), then its marked runs and its words
//! ([`Document`]). Every analysis reads a `Document` and makes its part of the result; a
//! comparison reads two, a corpus trend many `Page`s.

use crate::clean::{self, Cleaned};
use crate::error::{Error, ErrorKind};
use crate::marks;
use crate::segment::{self, Dictionary, Tok};
use crate::terms::PosFilter;
use crate::text::{Utf16Index, is_han};
use serde::Deserialize;
use std::ops::{Deref, Range};
use std::sync::RwLockReadGuard;

/// The longest text accepted, in UTF-16 code units (what JS's `text.length` counts):
/// 16 Mi, a few hundred times the longest speech, small enough that the analysis of the
/// largest text stays within a few hundred MB of wasm memory.
pub const MAX_INPUT_UNITS: u32 = 16 * 1024 * 1024;

/// Choices for one analysis; `Default` is what the page uses. The one definition of the options:
/// JS passes an object of these fields (camelCase, each optional: a missing one is its default
/// here), `wasm.rs` reads it by serde and names these fields when an option is unknown, the
/// package's TypeScript `Options` is generated from it (tsify), and the command line's flags set
/// its fields.
#[derive(Clone, Debug, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(default, rename_all = "camelCase")]
pub struct Options {
    /// Let jieba's HMM find words its dictionary lacks (default true).
    pub hmm: bool,
    /// Words to keep whole in this analysis (up to 64 characters each; longer ones are not).
    pub user_words: Vec<String>,
    /// Which parts of speech the term table keeps (default 'all').
    pub pos: PosFilter,
    /// Shortest term in characters (default 2): single characters are mostly function words.
    pub min_chars: usize,
    /// Longest term table and keyword list (default 500).
    pub max_terms: usize,
    /// Analyse page chrome too instead of leaving it out (default false).
    pub keep_removed: bool,
    /// Concordance context either side, in characters (default 20).
    pub width: usize,
    /// Concordance of the string anywhere in the text (inside longer words too), as a search finds it (default false: where it is a word).
    pub anywhere: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            hmm: true,
            user_words: Vec::new(),
            pos: PosFilter::All,
            min_chars: 2,
            max_terms: 500,
            keep_removed: false,
            width: 20,
            anywhere: false,
        }
    }
}

/// A text with its speech found: what needs no words cut (a corpus trend counts characters).
pub struct Page<'t> {
    /// The text as given: offsets in bytes into it are the analyses' offsets.
    pub text: &'t str,
    pub index: Utf16Index<'t>,
    pub cleaned: Cleaned,
    /// The date the text gives itself (`date::of`), as ISO.
    pub date: Option<String>,
    /// `text` with chrome blanked byte for byte: the analyses read this.
    pub speech: String,
    /// The paragraphs of `text` as pasted (`text::paragraphs`).
    pub paragraphs: Vec<Range<usize>>,
}

impl<'t> Page<'t> {
    /// `text` with its chrome found (and kept as speech when `options.keep_removed`).
    pub fn new(text: &'t str, options: &Options) -> Result<Page<'t>, Error> {
        let index = checked_index(text)?;
        let cleaned = clean::clean(text);
        // Read from the chrome: before a caller who keeps the chrome has it counted as speech.
        let date = crate::date::of(text, &cleaned.removed).map(|d| d.iso());
        let cleaned =
            if options.keep_removed { Cleaned { body: 0..text.len(), ..cleaned }.without_removed() } else { cleaned };
        let speech = clean::mask(text, &cleaned);
        let paragraphs = crate::text::paragraphs(text);
        Ok(Page { text, index, cleaned, date, speech, paragraphs })
    }

    /// The speech between the salutation's start and the closing's end, chrome blanked.
    pub fn body(&self) -> &str {
        &self.speech[self.cleaned.body.clone()]
    }

    /// The Han characters of [`Page::body`]: what rates per 10,000 characters divide by.
    pub fn han_chars(&self) -> u32 {
        self.body().chars().filter(|&c| is_han(c)).count() as u32
    }
}

/// A text made ready for every analysis: its [`Page`], its marked runs and its words, cut with
/// the options it was made with.
pub struct Document<'t> {
    pub page: Page<'t>,
    /// The marked runs of `speech`: the cut keeps quoted phrases whole, and slogans start from them.
    pub runs: Vec<marks::Run>,
    /// `speech` cut into words that tile it (jieba, the lexicon, the user's words, marked units).
    pub tokens: Vec<Tok>,
    pub options: Options,
}

impl<'t> Deref for Document<'t> {
    type Target = Page<'t>;

    fn deref(&self) -> &Page<'t> {
        &self.page
    }
}

impl<'t> Document<'t> {
    /// `text` prepared with `options`, its words cut with `user_words` kept whole as well as the
    /// options' own (an [`crate::Analyzer`]'s words).
    pub fn new(text: &'t str, options: &Options, user_words: &[String]) -> Result<Document<'t>, Error> {
        let page = Page::new(text, options)?;
        let speech = page.speech.as_str();
        let user_words: Vec<&str> = user_words.iter().chain(&options.user_words).map(String::as_str).collect();
        let runs = marks::mark_runs(speech);
        let units = segment::find_units(
            speech,
            marks::marked_units(speech, &runs).into_iter().chain(user_words.iter().copied()),
        );
        let plain = segment::segment(segment::dictionary_for([speech]).jieba(), speech, options.hmm, &[]);
        let forced = marks::units_as_words(speech, &runs, units, &plain, &user_words);
        let tokens = segment::overlay(plain, &forced);
        Ok(Document { page, runs, tokens, options: options.clone() })
    }

    /// The shared dictionary, holding every word this document's speech can use (it was loaded
    /// for it when the document was cut, and the dictionary only grows), for as long as an
    /// analysis looks words up.
    pub fn dictionary(&self) -> RwLockReadGuard<'static, Dictionary> {
        segment::loaded_dictionary()
    }

    /// The tokens inside `range` of the speech, clipped to it (a unit kept whole may run across a
    /// sentence's end), without the blank ones.
    pub fn words_in(&self, range: Range<usize>) -> impl Iterator<Item = Tok> + '_ {
        let from = self.tokens.partition_point(|t| t.end <= range.start);
        self.tokens[from..]
            .iter()
            .take_while(move |t| t.start < range.end)
            .map(move |t| Tok { start: t.start.max(range.start), end: t.end.min(range.end), pos: t.pos })
            .filter(|t| !self.speech[t.range()].chars().all(|c| c == '\n' || c == '\r' || crate::text::is_blank(c)))
    }
}

/// The UTF-16 index of `text`, or `too_large` past [`MAX_INPUT_UNITS`].
pub(crate) fn checked_index(text: &str) -> Result<Utf16Index<'_>, Error> {
    let index = Utf16Index::new(text);
    if index.len_utf16() > MAX_INPUT_UNITS {
        return Err(Error::new(
            ErrorKind::TooLarge,
            format!("text is {} characters long; the limit is {MAX_INPUT_UNITS}", index.len_utf16()),
        ));
    }
    Ok(index)
}
