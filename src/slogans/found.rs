//! What the slogan scans hand on: a slogan found once ([`Found`]), grouped ([`Grouped`]), the
//! inconsistencies the slogans show, and what every scan shares (jieba's dictionary, looked up once
//! per word; the longest item).

use crate::finding::Flagged;
use crate::model::SloganKind;
use jieba_rs::Jieba;
use rustc_hash::FxHashMap;
use std::ops::Range;

/// Longest item of an enumeration or a parallel run, in characters: longer clauses are prose.
pub(super) const ITEM_MAX_CHARS: usize = 30;

/// A slogan found once, by byte range, before grouping.
#[derive(Clone, Debug)]
pub struct Found {
    pub kind: SloganKind,
    /// What the slogan is, as grouped and as located: a quoted phrase without its marks.
    pub text: Range<usize>,
    pub expansion: Option<Vec<String>>,
    pub frame: Option<String>,
    pub speaker: Option<String>,
}

impl Found {
    pub(super) fn new(kind: SloganKind, text: Range<usize>) -> Found {
        Found { kind, text, expansion: None, frame: None, speaker: None }
    }
}

/// A distinct slogan with every occurrence, by byte ranges.
#[derive(Clone, Debug)]
pub struct Grouped {
    pub text: String,
    pub kind: SloganKind,
    pub occurrences: Vec<Range<usize>>,
    pub score: f64,
    pub expansion: Option<Vec<String>>,
    pub frame: Option<String>,
    pub speaker: Option<String>,
}

/// Everything [`detect`](super::detect) finds.
#[derive(Clone, Debug, Default)]
pub struct Detected {
    pub slogans: Vec<Grouped>,
    /// What the slogans show inconsistent (a formula spelled out with another count), by byte range.
    pub warnings: Vec<Flagged>,
}

/// Looks words up in jieba's dictionary, once per distinct word.
pub(super) struct Dictionary<'j> {
    pub(super) jieba: &'j Jieba,
    pub(super) tags: FxHashMap<String, Option<String>>,
}

impl Dictionary<'_> {
    /// The tag jieba's dictionary gives `word` as one word.
    pub(super) fn tag(&mut self, word: &str) -> Option<&str> {
        if !self.tags.contains_key(word) {
            let tag = match self.jieba.tag(word, false).as_slice() {
                [one] if one.word == word => Some(one.tag.to_string()),
                _ => None,
            };
            self.tags.insert(word.to_string(), tag);
        }
        self.tags.get(word).and_then(Option::as_deref)
    }
}
