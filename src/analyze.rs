//! Every analysis of one [`Document`], a step each (stats, terms, keywords, phrases, slogans,
//! outline, chrome), put together as one `Analysis`; and `Analyzer`, which makes the documents.

use crate::document::{Document, Options, Page, checked_index};
use crate::error::Error;
use crate::finding::Flagged;
use crate::model::*;
use crate::outline::{self, Node, OutlineTree};
use crate::segment::{self, Pos, Tok};
use crate::slogans;
use crate::terms::{self, PosFilter, TermCounter, Vocabulary};
use crate::text::{Utf16Index, is_blank, is_han, is_sentence_end};
use jieba_rs::Jieba;
use std::ops::Range;

/// A reading pace for official speeches, in Han characters a minute. Speeches are read
/// slower than news (新闻联播 runs near 300); drafting guides put a speech at about 200.
pub const CHARS_PER_MINUTE: f64 = 200.0;

/// The most top-level sections `Term.bySection` counts by: past this the outline is no
/// speech's skeleton (100,000 "一、" in a row) and a term's spread is given for the whole body.
pub const MAX_SECTION_BUCKETS: usize = 100;

/// How many top terms a section lists.
const SECTION_TOP_TERMS: usize = 5;

/// Analyses speeches; holds the words its user asked to keep whole.
/// The dictionary is shared by all analyzers and built on first use.
#[derive(Clone, Debug, Default)]
pub struct Analyzer {
    user_words: Vec<String>,
}

impl Analyzer {
    pub fn new() -> Self {
        Analyzer::default()
    }

    /// Words to keep whole in every later analysis by this analyzer.
    pub fn add_words<S: AsRef<str>>(&mut self, words: impl IntoIterator<Item = S>) {
        for w in words {
            let w = w.as_ref().trim();
            if !w.is_empty() && !self.user_words.iter().any(|u| u == w) {
                self.user_words.push(w.to_string());
            }
        }
    }

    pub fn words(&self) -> &[String] {
        &self.user_words
    }

    /// The words of `text` as jieba (with the lexicon and this analyzer's words) cuts them.
    pub fn segment(&self, text: &str, hmm: bool) -> Result<Vec<Token>, Error> {
        let index = checked_index(text)?;
        Ok(self
            .tokens(text, hmm)
            .iter()
            .map(|t| {
                let span = index.span(t.range());
                Token {
                    word: text[t.range()].to_string(),
                    start: span.start,
                    end: span.end,
                    pos: t.pos.as_str().to_string(),
                }
            })
            .collect())
    }

    /// What [`Analyzer::segment`] says, as columns: no string or object per word. The UTF-16
    /// offsets are counted in one walk along the tokens, which tile the text.
    pub fn segment_columns(&self, text: &str, hmm: bool) -> Result<SegmentColumns, Error> {
        checked_index(text)?;
        let tokens = self.tokens(text, hmm);
        let mut columns = SegmentColumns {
            starts: Vec::with_capacity(tokens.len()),
            ends: Vec::with_capacity(tokens.len()),
            tags: Vec::with_capacity(tokens.len()),
            tag_names: Vec::new(),
        };
        let mut ids: Vec<Pos> = Vec::new();
        let mut unit = 0u32;
        for t in &tokens {
            columns.starts.push(unit);
            unit += text[t.range()].chars().map(|c| c.len_utf16() as u32).sum::<u32>();
            columns.ends.push(unit);
            // jieba has about sixty tags: a text uses a few dozen, found by a short scan.
            let id = ids.iter().position(|p| *p == t.pos).unwrap_or_else(|| {
                ids.push(t.pos);
                ids.len() - 1
            });
            columns.tags.push(id as u8);
        }
        columns.tag_names = ids.iter().map(|p| p.as_str().to_string()).collect();
        Ok(columns)
    }

    /// `text` cut into tokens that tile it, this analyzer's words kept whole.
    fn tokens(&self, text: &str, hmm: bool) -> Vec<Tok> {
        let forced = segment::find_units(text, self.user_words.iter().map(String::as_str));
        segment::segment(segment::dictionary_for([text]).jieba(), text, hmm, &forced)
    }

    /// `text` made ready for every analysis with `options` and this analyzer's words.
    pub fn document<'t>(&self, text: &'t str, options: &Options) -> Result<Document<'t>, Error> {
        Document::new(text, options, &self.user_words)
    }

    /// Everything speechlens finds in `text`.
    pub fn analyze(&self, text: &str, options: &Options) -> Result<Analysis, Error> {
        Ok(analysis(&self.document(text, options)?))
    }

    /// Each occurrence of `term` in the speech with `width` characters of context either side.
    pub fn concordance(
        &self,
        text: &str,
        term: &str,
        width: usize,
        options: &Options,
    ) -> Result<Vec<ConcordanceLine>, Error> {
        self.lines(text, term, width, false, options)
    }

    /// Each occurrence of `needle` anywhere in the speech (inside longer words too: 发展 in
    /// 高质量发展), with context either side: what a search box shows.
    pub fn find(
        &self,
        text: &str,
        needle: &str,
        width: usize,
        options: &Options,
    ) -> Result<Vec<ConcordanceLine>, Error> {
        self.lines(text, needle, width, true, options)
    }

    fn lines(
        &self,
        text: &str,
        term: &str,
        width: usize,
        anywhere: bool,
        options: &Options,
    ) -> Result<Vec<ConcordanceLine>, Error> {
        let d = self.document(text, options)?;
        Ok(terms::concordance(&d.speech, &d.tokens, term.trim(), width, anywhere)
            .into_iter()
            .map(|(left, hit, right)| {
                let span = d.index.span(hit.clone());
                // The context is counted in `speech`, where masked chrome is a space per byte:
                // its outer ends may fall inside a character of `text`, so they snap to one.
                ConcordanceLine {
                    left: d.text[d.text.ceil_char_boundary(left.start)..left.end].to_string(),
                    keyword: d.text[hit].to_string(),
                    right: d.text[right.start..d.text.floor_char_boundary(right.end)].to_string(),
                    start: span.start,
                    end: span.end,
                }
            })
            .collect())
    }

    /// What changed from `a` to `b` (see [`crate::compare`]): both made into documents with
    /// `options` and analysed with every term kept, so the comparison reads the analyses' own
    /// words; the page chrome of either counts in neither.
    pub fn compare(&self, a: &str, b: &str, options: &Options) -> Result<Comparison, Error> {
        let options = Options { max_terms: usize::MAX, ..options.clone() };
        let (a, b) = (self.document(a, &options)?, self.document(b, &options)?);
        let (analysis_a, analysis_b) = (analysis(&a), analysis(&b));
        let side_a = crate::compare::Side { document: &a, analysis: &analysis_a };
        let side_b = crate::compare::Side { document: &b, analysis: &analysis_b };
        Ok(crate::compare::compare(&side_a, &side_b))
    }

    /// The terms followed across `texts` (see [`crate::corpus::trend`]): each text's speech found
    /// with `options` (only `keep_removed` matters: no words are cut).
    pub fn trend<S: AsRef<str>>(
        &self,
        texts: &[S],
        terms: &[String],
        options: &Options,
    ) -> Result<Vec<TrendSeries>, Error> {
        let rates = texts
            .iter()
            .map(|text| Ok(crate::corpus::rates(&Page::new(text.as_ref(), options)?, terms)))
            .collect::<Result<Vec<_>, Error>>()?;
        Ok(crate::corpus::trend(terms, &rates))
    }

    /// `text` in a line ([`Analysis::summary`]): what a corpus view keeps of each document.
    pub fn summarize(&self, text: &str, options: &Options) -> Result<DocumentSummary, Error> {
        Ok(self.analyze(text, options)?.summary())
    }

    /// The term table of `text` as CSV (see [`crate::csv::terms`]).
    pub fn terms_csv(&self, text: &str, options: &Options) -> Result<String, Error> {
        let analysis = self.analyze(text, options)?;
        Ok(crate::csv::terms(&analysis.terms, analysis.outline.sections.len()))
    }
}

/// Everything speechlens finds in `d`: each part of the result made by its own step.
fn analysis(d: &Document) -> Analysis {
    let dictionary = d.dictionary();
    let jieba = dictionary.jieba();
    let vocabulary = Vocabulary::new(&d.speech, &d.tokens);
    let tree = outline_tree(d);
    let stats = stats(d, &vocabulary);
    let mut counter = TermCounter::new(&vocabulary, &d.tokens);
    let options = &d.options;
    let counted = counter.count(0..d.tokens.len(), options.min_chars, options.pos, options.max_terms);
    let (terms, mut warnings) = term_list(d, &vocabulary, &counted, &tree, &stats);
    let keywords = keywords(jieba, &counted, &stats, options.max_terms);
    let phrases = phrases(d, &vocabulary);
    let (slogans, slogan_warnings) = slogans(d, jieba);
    warnings.extend(slogan_warnings);
    let outline = outline(d, &mut counter, tree, &stats);
    Analysis {
        version: crate::VERSION.to_string(),
        date: d.date.clone(),
        body: d.index.span(d.cleaned.body.clone()),
        removed: removed(d),
        stats,
        terms,
        keywords,
        phrases,
        slogans,
        outline,
        warnings,
    }
}

/// The numbered parts of the speech, between the salutation and the closing: `同志们：第一，…`
/// opens part one.
fn outline_tree(d: &Document) -> OutlineTree {
    let opening_end = d.cleaned.salutation.as_ref().map_or(d.cleaned.body.start, |s| s.end);
    let closing_start = d.cleaned.closing.as_ref().map_or(d.cleaned.body.end, |c| c.start);
    outline::build(&d.speech, opening_end..d.cleaned.body.end, closing_start, &d.paragraphs)
}

/// The term table: each counted term with its rate, its spread across the top-level parts and
/// its lexicon tag; and the warning that the spread is for the whole body, when the parts are
/// too many to count by.
fn term_list(
    d: &Document,
    vocabulary: &Vocabulary,
    counted: &[terms::Counted],
    tree: &OutlineTree,
    stats: &Stats,
) -> (Vec<Term>, Vec<Finding>) {
    let top_level: Vec<Range<usize>> = tree.sections.iter().map(|s| s.range.clone()).collect();
    let mut warnings = Vec::new();
    let buckets = if top_level.len() > MAX_SECTION_BUCKETS {
        let evidence = Evidence::TooManySections { sections: top_level.len() as u32 };
        warnings.push(Flagged { range: d.cleaned.body.clone(), evidence }.locate(&d.index));
        &[][..]
    } else {
        &top_level[..]
    };
    let han = stats.han_chars.max(1) as f64;
    let by_section = section_counts(d, vocabulary, counted, buckets);
    let terms = counted
        .iter()
        .zip(by_section)
        .map(|(c, by_section)| Term {
            term: c.term.to_string(),
            count: c.count,
            per_ten_k: c.count as f64 * 10_000.0 / han,
            pos: Some(c.pos.as_str().to_string()),
            by_section,
            first_at: d.index.utf16(c.first),
            lexicon: segment::lexicon_tag(c.term),
        })
        .collect();
    (terms, warnings)
}

fn keywords(jieba: &Jieba, counted: &[terms::Counted], stats: &Stats, max_terms: usize) -> Vec<Keyword> {
    terms::keywords(jieba, counted, stats.tokens, max_terms)
        .into_iter()
        .map(|k| Keyword { weight: k.times, log_likelihood: k.log_likelihood, term: k.term })
        .collect()
}

fn phrases(d: &Document, vocabulary: &Vocabulary) -> Vec<Phrase> {
    terms::phrases(&d.speech, &d.tokens, vocabulary)
        .into_iter()
        .map(|(text, occ)| Phrase {
            text: text.to_string(),
            count: occ.len() as u32,
            occurrences: spans(&d.index, &occ),
        })
        .collect()
}

/// The slogans, in the version of the text's latest month, and their warnings.
fn slogans(d: &Document, jieba: &Jieba) -> (Vec<Slogan>, Vec<Finding>) {
    let month = crate::text::latest_month(d.text);
    let detected = slogans::detect(&d.speech, &d.tokens, jieba, &d.runs, month);
    let warnings = detected.warnings.into_iter().map(|w| w.locate(&d.index)).collect();
    let slogans = detected
        .slogans
        .into_iter()
        .map(|g| Slogan {
            lexicon: segment::lexicon_tag(&g.text),
            text: g.text,
            kind: g.kind,
            count: g.occurrences.len() as u32,
            occurrences: spans(&d.index, &g.occurrences),
            score: g.score,
            expansion: g.expansion,
            frame: g.frame,
            speaker: g.speaker,
        })
        .collect();
    (slogans, warnings)
}

/// The chrome left out, with its kind and text.
fn removed(d: &Document) -> Vec<Removed> {
    d.cleaned
        .removed
        .iter()
        .map(|(kind, r)| {
            let span = d.index.span(r.clone());
            Removed { kind: *kind, text: d.text[r.clone()].to_string(), start: span.start, end: span.end }
        })
        .collect()
}

/// The outline of the speech: its sections with their sizes and top terms, its checks, its parts.
fn outline(d: &Document, counter: &mut TermCounter, tree: OutlineTree, stats: &Stats) -> Outline {
    let part = |r: &Range<usize>| {
        let span = d.index.span(r.clone());
        Part { text: d.text[r.clone()].to_string(), start: span.start, end: span.end }
    };
    Outline {
        sections: tree.sections.iter().map(|n| section(d, counter, n, stats.han_chars).0).collect(),
        issues: tree.issues.into_iter().map(|i| i.locate(&d.index)).collect(),
        title: d.cleaned.title.as_ref().map(part),
        salutation: d.cleaned.salutation.as_ref().map(part),
        closing: d.cleaned.closing.as_ref().map(part),
        interjections: d.cleaned.interjections.iter().map(part).collect(),
        announced: tree.announced.map(|a| {
            let span = d.index.span(a.range.clone());
            Announced { count: a.count, text: d.text[a.range].to_string(), start: span.start, end: span.end }
        }),
    }
}

/// The section of `node` and its Han characters. A section's characters are its children's and
/// those of the text around them, so each byte is read once however deep the nesting.
fn section(d: &Document, counter: &mut TermCounter, node: &Node, body_han: u32) -> (Section, u32) {
    let mut children = Vec::with_capacity(node.children.len());
    let (mut chars, mut han) = (0u32, 0u32);
    let mut at = node.range.start;
    for child in &node.children {
        let (text_chars, text_han) = char_counts(&d.speech[at..child.range.start]);
        let (section, child_han) = section(d, counter, child, body_han);
        chars += text_chars + section.speech_chars;
        han += text_han + child_han;
        at = child.range.end;
        children.push(section);
    }
    let (text_chars, text_han) = char_counts(&d.speech[at..node.range.end]);
    chars += text_chars;
    han += text_han;
    let from = d.tokens.partition_point(|t| t.start < node.range.start);
    let to = d.tokens.partition_point(|t| t.start < node.range.end);
    let top_terms =
        counter.count(from..to, 2, PosFilter::All, SECTION_TOP_TERMS).into_iter().map(|c| c.term.to_string()).collect();
    let span = d.index.span(node.range.clone());
    let section = Section {
        start: span.start,
        end: span.end,
        level: node.level,
        marker: d.speech[node.marker.clone()].to_string(),
        ordinal: node.ordinal,
        heading: d.speech[node.heading.clone()].to_string(),
        speech_chars: chars,
        share: han as f64 / body_han.max(1) as f64,
        speaking_minutes: han as f64 / CHARS_PER_MINUTE,
        top_terms,
        children,
    };
    (section, han)
}

/// Characters that are not blank, and Han characters.
fn char_counts(text: &str) -> (u32, u32) {
    text.chars().fold((0, 0), |(chars, han), c| (chars + !is_blank(c) as u32, han + is_han(c) as u32))
}

fn spans(index: &Utf16Index, ranges: &[Range<usize>]) -> Vec<Span> {
    ranges.iter().map(|r| index.span(r.clone())).collect()
}

/// Per counted term, its occurrences in each top-level section (one bucket for the whole body
/// when there are none), in one pass over the tokens.
fn section_counts(
    d: &Document,
    vocabulary: &Vocabulary,
    counted: &[terms::Counted],
    sections: &[Range<usize>],
) -> Vec<Vec<u32>> {
    let buckets = sections.len().max(1);
    let mut row = vec![None; vocabulary.words.len()];
    for (i, c) in counted.iter().enumerate() {
        row[c.id as usize] = Some(i);
    }
    let mut table = vec![vec![0u32; buckets]; counted.len()];
    // The sections starting at or before the token: tokens and sections are both in text order,
    // so a walk along the sections finds it, not a search for each token.
    let mut started = 0;
    for (tok, &id) in d.tokens.iter().zip(&vocabulary.ids) {
        let Some(i) = row[id as usize] else {
            continue;
        };
        let bucket = if sections.is_empty() {
            Some(0)
        } else {
            started += sections[started..].iter().take_while(|s| s.start <= tok.start).count();
            started.checked_sub(1).filter(|&k| tok.start < sections[k].end)
        };
        if let Some(b) = bucket {
            table[i][b] += 1;
        }
    }
    table
}

/// Paragraphs of the input (broken as pasted, `text::paragraphs`) that hold speech: a caption's
/// paragraph, blanked, is none.
fn paragraphs(d: &Document) -> u32 {
    let body = &d.cleaned.body;
    let holds_speech = |r: &Range<usize>| {
        let r = r.start.max(body.start)..r.end.min(body.end);
        r.start < r.end && d.speech[r].contains(|c: char| !is_blank(c))
    };
    d.paragraphs.iter().filter(|r| holds_speech(r)).count() as u32
}

fn stats(d: &Document, vocabulary: &Vocabulary) -> Stats {
    let body = d.body();
    let han_chars = d.han_chars();
    let tokens = vocabulary.ids.iter().filter(|&&id| vocabulary.words[id as usize].wordlike).count() as u32;
    let mut sentences = 0;
    let mut open = false;
    for c in body.chars() {
        if is_sentence_end(c) {
            sentences += open as u32;
            open = false;
        } else if !is_blank(c) {
            open = true;
        }
    }
    sentences += open as u32;
    Stats {
        utf16_units: d.index.len_utf16(),
        han_chars,
        tokens,
        sentences,
        paragraphs: paragraphs(d),
        speaking_minutes: han_chars as f64 / CHARS_PER_MINUTE,
    }
}
