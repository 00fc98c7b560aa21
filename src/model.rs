//! The result contract: plain data that crosses to JS as plain objects.
//!
//! Field names are public API (camelCase in JS): later work adds fields, never renames.
//! Every offset here is a UTF-16 code-unit offset into the text the caller passed in,
//! so `text.slice(start, end)` in JS is the text the field describes.

use serde::{Deserialize, Serialize};

/// Offsets into the caller's text (defined with the UTF-16 index that makes them).
pub use crate::text::Span;

/// What the analysis flags (defined below the analyses that find it).
pub use crate::finding::{Evidence, Finding, FindingKind, SeenMarker};

/// One word of a segmentation.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Token {
    pub word: String,
    pub start: u32,
    pub end: u32,
    /// jieba's part-of-speech tag (`n`, `v`, `i`, …); `x` for punctuation and space.
    pub pos: String,
}

/// A segmentation as columns, for callers that want speed more than objects: token `i` is
/// `text.slice(starts[i], ends[i])` (UTF-16), tagged `tag_names[tags[i]]`. Tokens tile the text.
/// Crosses to JS as typed arrays (`Uint32Array`, `Uint8Array`), not through serde.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SegmentColumns {
    pub starts: Vec<u32>,
    pub ends: Vec<u32>,
    pub tags: Vec<u8>,
    /// The tags in order of first use: jieba's part-of-speech tags (`n`, `v`, `x`, …).
    pub tag_names: Vec<String>,
}

/// A term of the frequency table.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Term {
    pub term: String,
    pub count: u32,
    /// Occurrences per 10,000 characters of speech (the body, without spaces).
    pub per_ten_k: f64,
    /// The part of speech the term carries most often.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pos: Option<String>,
    /// Occurrences in each top-level section of the outline, in order;
    /// one entry for the whole body when the outline has no top level.
    pub by_section: Vec<u32>,
    /// Where the term first occurs.
    pub first_at: u32,
    /// What the lexicon files the term under, when it has it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lexicon: Option<LexiconTag>,
}

/// A lexicon term's category (`economy`, `governance`, `party`, `society`, `ecology`, `tech`,
/// `security`, `international`, `numbered`, `ideology`), whether it is a set formulation (提法,
/// also among the slogans) or a topic (a subject the speech talks about), and its English gloss.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct LexiconTag {
    pub category: String,
    pub formulation: bool,
    /// Its English rendering (the established translation where there is one), where the lexicon
    /// gives one: what the page shows in English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub english: Option<String>,
}

/// A term this speech uses significantly more than ordinary text and official speech in general do
/// (README: What the figures mean).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Keyword {
    pub term: String,
    /// The effect size, which ranks keywords: how many times as often the speech says the term as
    /// the reference (ordinary Chinese or official speech, whichever says it more) would in as many
    /// words, with 2 added to both counts so that thin evidence weighs little: (count + 2) ÷
    /// (expected count + 2). Show it as "×5.7", never bare.
    pub weight: f64,
    /// The significance: log-likelihood G² of the same comparison (every keyword has ≥ 15.13, p < 0.0001).
    pub log_likelihood: f64,
}

/// A word sequence the speech repeats.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Phrase {
    pub text: String,
    pub count: u32,
    pub occurrences: Vec<Span>,
}

/// What kind of set formulation a slogan is; the most specific that applies.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum SloganKind {
    Numbered,
    Quotation,
    Title,
    Quoted,
    Parallel,
    Idiom,
    Lexicon,
}

/// A catch-phrase with every place it occurs.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Slogan {
    pub text: String,
    pub kind: SloganKind,
    pub count: u32,
    pub occurrences: Vec<Span>,
    /// Salience: higher ranks first. See `slogans::score` for what goes into it.
    pub score: f64,
    /// The items a numbered formula is spelled out as, where the text spells it out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expansion: Option<Vec<String>>,
    /// The frame a parallel construction shares (`…不断…`, `…化`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frame: Option<String>,
    /// Who a quotation is attributed to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// What the lexicon files the slogan's text under (with its English gloss), when it has it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub lexicon: Option<LexiconTag>,
}

/// A numbered part of the speech and the parts nested in it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Section {
    pub start: u32,
    pub end: u32,
    /// 1 for the top level.
    pub level: u32,
    /// The marker as written: `第一`, `一、`, `（一）`, `一是`.
    pub marker: String,
    /// The marker's number: `第四` → 4.
    pub ordinal: u32,
    /// The marker's first sentence or clause, as the writer would name the part.
    pub heading: String,
    /// Characters of speech in the section (without spaces).
    pub speech_chars: u32,
    /// The section's Han characters as a share of the body's (`Stats.hanChars`), 0..=1.
    pub share: f64,
    /// The section's Han characters read at `analyze::CHARS_PER_MINUTE`.
    pub speaking_minutes: f64,
    /// The section's most frequent terms.
    pub top_terms: Vec<String>,
    pub children: Vec<Section>,
}

/// A located piece of text: title, salutation, closing.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Part {
    pub text: String,
    pub start: u32,
    pub end: u32,
}

/// "我谈几点体会" / "讲四个方面": the number of parts the speaker announces.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Announced {
    /// `None` (`null` in JS) for an unnumbered announcement (几点).
    #[cfg_attr(target_arch = "wasm32", tsify(type = "number | null"))]
    pub count: Option<u32>,
    /// The announcement as written: `我谈几点体会`.
    pub text: String,
    pub start: u32,
    pub end: u32,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Outline {
    pub sections: Vec<Section>,
    /// The slips a careful reader would catch in the numbering (`numbering.*` findings).
    #[cfg_attr(target_arch = "wasm32", tsify(type = "AnalysisFinding[]"))]
    pub issues: Vec<Finding>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Part>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub salutation: Option<Part>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closing: Option<Part>,
    /// Mid-speech re-addresses of the audience (女士们、先生们、朋友们！).
    pub interjections: Vec<Part>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub announced: Option<Announced>,
}

/// What a piece of chrome is, as [`Removed`]'s `kind` names it.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
pub enum RemovedKind {
    Navigation,
    Timestamp,
    EditorNote,
    /// The headline (also a bare heading a speech is printed under).
    Title,
    DuplicateTitle,
    /// ——在…上的讲话
    Subtitle,
    /// （2020年11月19日，北京）
    DateLine,
    /// A news report's words before the speech it prints.
    Lead,
    /// A news report printed after it, from its dateline on.
    Report,
    Tags,
    /// A wire dateline, also a bracketed source line: （新华社北京3月26日电）.
    Dateline,
    Byline,
    /// A letter's name and date.
    Signature,
    /// A photo credit with its caption.
    Caption,
    /// ※ notes.
    Footnote,
    /// A list of other articles.
    Related,
}

/// Text judged not to be speech (page chrome) and left out of every analysis.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Removed {
    pub kind: RemovedKind,
    pub text: String,
    pub start: u32,
    pub end: u32,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    /// UTF-16 code units in the whole input (JS's `text.length`).
    pub utf16_units: u32,
    /// Han characters in the body.
    pub han_chars: u32,
    /// Words (not punctuation or space) in the body.
    pub tokens: u32,
    pub sentences: u32,
    pub paragraphs: u32,
    /// The body's Han characters read at `analyze::CHARS_PER_MINUTE`.
    pub speaking_minutes: f64,
}

/// Everything `analyze` finds in one text.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Analysis {
    pub version: String,
    /// The date the text gives itself, `2020-05-17` (or `2020-05` for a month): when the speech was
    /// given, as its date line, a reprint's note or a letter's signature says, else the issue of the
    /// newspaper that printed it (see `date::SOURCES`); absent when none of these names a year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where the speech itself lies in the input.
    pub body: Span,
    pub removed: Vec<Removed>,
    pub stats: Stats,
    pub terms: Vec<Term>,
    pub keywords: Vec<Keyword>,
    pub phrases: Vec<Phrase>,
    pub slogans: Vec<Slogan>,
    pub outline: Outline,
    /// The other findings: a numbered formula spelled out with the wrong count, too many parts to count terms by.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "AnalysisFinding[]"))]
    pub warnings: Vec<Finding>,
}

/// A document of a corpus in a line: what the page's corpus view and the command line's
/// documents table show of each text (`summarize(text)`, or [`Analysis::summary`]).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DocumentSummary {
    /// As [`Analysis::date`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub han_chars: u32,
    pub words: u32,
    pub paragraphs: u32,
    pub speaking_minutes: f64,
    /// Top-level parts of the outline.
    pub parts: u32,
    /// The first keywords, the most characteristic first.
    pub keywords: Vec<String>,
    pub slogans: u32,
    /// The slips the numbering has (the outline's issues).
    pub alarms: u32,
    /// The other warnings (a numbered formula spelled out with the wrong count…).
    pub warnings: u32,
    /// Where the speech lies in the text.
    pub body: Span,
    /// The chrome inside `body` (a photo credit run into the speech), in order: what a count over
    /// the speech leaves out.
    pub chrome: Vec<Span>,
}

/// A document of a corpus as the page holds it: its name and its summary.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct CorpusDocument {
    pub name: String,
    pub summary: DocumentSummary,
}

/// A term followed across a corpus: its occurrences per 10,000 Han characters of each document's
/// speech, in the documents' order.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct TrendSeries {
    pub term: String,
    pub values: Vec<f64>,
}

/// How many keywords a [`DocumentSummary`] lists: enough to tell documents apart at a glance.
pub const SUMMARY_KEYWORDS: usize = 5;

impl Analysis {
    /// This analysis in a line.
    pub fn summary(&self) -> DocumentSummary {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        DocumentSummary {
            date: self.date.clone(),
            han_chars: self.stats.han_chars,
            words: self.stats.tokens,
            paragraphs: self.stats.paragraphs,
            speaking_minutes: self.stats.speaking_minutes,
            parts: count(self.outline.sections.len()),
            keywords: self.keywords.iter().take(SUMMARY_KEYWORDS).map(|k| k.term.clone()).collect(),
            slogans: count(self.slogans.len()),
            alarms: count(self.outline.issues.len()),
            warnings: count(self.warnings.len()),
            body: self.body,
            chrome: self
                .removed
                .iter()
                .filter(|r| self.body.start <= r.start && r.end <= self.body.end)
                .map(|r| Span { start: r.start, end: r.end })
                .collect(),
        }
    }
}

/// One line of a concordance: an occurrence with the text around it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct ConcordanceLine {
    pub left: String,
    pub keyword: String,
    pub right: String,
    pub start: u32,
    pub end: u32,
}

/// What changed from one text (`a`) to another (`b`): `compare(a, b)`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Comparison {
    /// Every term of either text, the most changed first (by G²): the strongest changes, shared
    /// (`more`, `less`) or not (`new`, `dropped`), lead, whatever their status. A `new` (`dropped`)
    /// term said only inside new (dropped) formulations is left out: the formulation names it
    /// (稳住楼市股市, not 稳住, 楼市, 股市).
    pub terms: Vec<TermChange>,
    /// Every formulation of either text (lexicon formulations, numbered formulas, quoted coinages,
    /// cited documents and laws, policy phrases), new ones first, then dropped, then kept; each
    /// counted in both texts wherever its words occur, quoted or not.
    pub formulations: Vec<FormulationChange>,
    /// The two outlines aligned: each part of `b` in order with its counterpart in `a`, then the
    /// parts only `a` has.
    pub outline: Vec<PartMatch>,
    /// The two texts aligned paragraph by paragraph, in `b`'s order.
    pub paragraphs: Vec<ParagraphChange>,
    pub stats: StatsPair,
}

/// How a term's use changed: `new` (only in `b`), `dropped` (only in `a`), `more` or `less` (in
/// both, and the difference is significant: G² ≥ 3.84, p < 0.05,
/// `compare::MIN_CHANGE_LOG_LIKELIHOOD`), else `same`. A view
/// of the strongest changes shows the `more` and `less` beside the `new` and `dropped`, by G².
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum TermStatus {
    New,
    Dropped,
    More,
    Less,
    Same,
}

/// A term in both texts.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TermChange {
    pub term: String,
    pub count_a: u32,
    pub count_b: u32,
    /// Occurrences per 10,000 Han characters of each text's body.
    pub per_ten_k_a: f64,
    pub per_ten_k_b: f64,
    /// Dunning's G² of the two counts among each text's words: how sure the difference is.
    pub log_likelihood: f64,
    /// log₂ of the term's relative frequency in `b` over `a` (a zero counted as 0.5): how big the
    /// difference is; positive when `b` says it more.
    pub log_ratio: f64,
    pub status: TermStatus,
}

/// Whether a formulation is `new` (only in `b`), `dropped` (only in `a`) or `kept` (in both).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum FormulationStatus {
    New,
    Dropped,
    Kept,
}

/// What a compared formulation is: a slogan of one of these kinds (`lexicon`, `numbered`, `quoted`,
/// `title`: a cited document or law), or a `phrase`, a policy phrase of verb and object that a text
/// repeats or states as a task of its own (提振消费, 稳住楼市股市), which no list of slogans has yet.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum FormulationKind {
    Lexicon,
    Numbered,
    Quoted,
    Title,
    Phrase,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FormulationChange {
    pub text: String,
    /// Its kind in the text that has it as a slogan (`b`'s where both do), else `phrase`.
    pub kind: FormulationKind,
    /// Occurrences of its words in each text's body, quoted or not.
    pub count_a: u32,
    pub count_b: u32,
    pub status: FormulationStatus,
    /// What the lexicon files it under (with its English gloss), when it has it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub lexicon: Option<LexiconTag>,
}

/// The two texts' sizes side by side.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct StatsPair {
    pub a: Stats,
    pub b: Stats,
}

/// How a paragraph fared from `a` to `b`: `same` (in order), `moved` (the same text, elsewhere),
/// `changed` (edited: see its words), `inserted` (only in `b`), `deleted` (only in `a`).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum ParagraphStatus {
    Same,
    Moved,
    Changed,
    Inserted,
    Deleted,
}

/// A paragraph of either text and what became of it, in the order of `b` (a deleted paragraph
/// stands where it stood, after the paragraphs before it).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct ParagraphChange {
    pub status: ParagraphStatus,
    /// Where it is in `a`: `a.slice(start, end)`; absent when `inserted`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub a: Option<Span>,
    /// Where it is in `b`; absent when `deleted`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub b: Option<Span>,
    /// `changed`: the words `a` has that `b` no longer has (spans in `a`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<Span>,
    /// `changed`: the words `b` puts in (spans in `b`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inserted: Vec<Span>,
}

/// A numbered part of one outline and its counterpart in the other.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct PartMatch {
    /// The part in `a`; absent when only `b` has it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub a: Option<PartRef>,
    /// The part in `b`; absent when only `a` has it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub b: Option<PartRef>,
    /// How alike the two are, 0 to 1: their headings' character pairs and their top terms.
    pub similarity: f64,
}

/// A part of an outline, as a comparison names it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct PartRef {
    pub level: u32,
    pub marker: String,
    pub heading: String,
    pub start: u32,
    pub end: u32,
}
