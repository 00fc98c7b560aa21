//! One call that runs every analysis over one text: clean, segment, count, detect, outline.

use crate::clean::{self, Cleaned};
use crate::error::{Error, ErrorKind};
use crate::marks;
use crate::model::*;
use crate::outline::{self, Node, OutlineTree};
use crate::segment::{self, Dictionary, Pos, Tok};
use crate::slogans;
use crate::terms::{self, PosFilter, TermCounter, Vocabulary};
use crate::text::{Utf16Index, is_blank, is_han, is_sentence_end};
use std::ops::Range;
use std::sync::RwLockReadGuard;

/// The longest text accepted, in UTF-16 code units (what JS's `text.length` counts):
/// 16 Mi, a few hundred times the longest speech, small enough that the analysis of the
/// largest text stays within a few hundred MB of wasm memory.
pub const MAX_INPUT_UNITS: u32 = 16 * 1024 * 1024;

/// A reading pace for official speeches, in Han characters a minute. Speeches are read
/// slower than news (新闻联播 runs near 300); drafting guides put a speech at about 200.
pub const CHARS_PER_MINUTE: f64 = 200.0;

/// The most top-level sections `Term.bySection` counts by: past this the outline is no
/// speech's skeleton (100,000 "一、" in a row) and a term's spread is given for the whole body.
pub const MAX_SECTION_BUCKETS: usize = 100;

/// How many top terms a section lists.
const SECTION_TOP_TERMS: usize = 5;

/// Choices for one analysis; `Default` is what the page uses.
#[derive(Clone, Debug)]
pub struct Options {
    /// Let jieba's HMM find words its dictionary lacks.
    pub hmm: bool,
    /// Words to keep whole in this analysis, wherever they occur.
    pub user_words: Vec<String>,
    /// Which parts of speech the term table keeps.
    pub pos: PosFilter,
    /// Shortest term, in characters: single characters are mostly function words.
    pub min_chars: usize,
    /// Longest term table and keyword list.
    pub max_terms: usize,
    /// Analyse the page chrome too (the page's "keep removed text" toggle).
    pub keep_removed: bool,
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
        }
    }
}

/// Analyses speeches; holds the words its user asked to keep whole.
/// The dictionary is shared by all analyzers and built on first use.
#[derive(Clone, Debug, Default)]
pub struct Analyzer {
    user_words: Vec<String>,
}

/// A text made ready for analysis: chrome found and blanked, words cut.
struct Prepared<'t> {
    text: &'t str,
    index: Utf16Index<'t>,
    cleaned: Cleaned,
    /// The date the text gives itself (`date::of`), as ISO.
    date: Option<String>,
    /// `text` with chrome blanked byte for byte: the analyses read this.
    speech: String,
    /// The marked runs of `speech`: the cut keeps quoted phrases whole, and slogans start from them.
    runs: Vec<marks::Run>,
    tokens: Vec<Tok>,
    /// The paragraphs of `text` as pasted (`text::paragraphs`).
    paragraphs: Vec<Range<usize>>,
    /// Holding every word `speech` can use, for as long as the analysis looks words up.
    dictionary: RwLockReadGuard<'static, Dictionary>,
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

    fn prepare<'t>(&self, text: &'t str, options: &Options) -> Result<Prepared<'t>, Error> {
        let index = checked_index(text)?;
        let cleaned = clean::clean(text);
        // Read from the chrome: before a caller who keeps the chrome has it counted as speech.
        let date = crate::date::of(text, &cleaned.removed).map(|d| d.iso());
        let cleaned =
            if options.keep_removed { Cleaned { body: 0..text.len(), ..cleaned }.without_removed() } else { cleaned };
        let speech = clean::mask(text, &cleaned);
        let user_words: Vec<&str> = self.user_words.iter().chain(&options.user_words).map(String::as_str).collect();
        let runs = marks::mark_runs(&speech);
        let units = segment::find_units(
            &speech,
            marks::marked_units(&speech, &runs).into_iter().chain(user_words.iter().copied()),
        );
        let dictionary = segment::dictionary_for([speech.as_str()]);
        let plain = segment::segment(dictionary.jieba(), &speech, options.hmm, &[]);
        let forced = marks::units_as_words(&speech, &runs, units, &plain, &user_words);
        let tokens = segment::overlay(plain, &forced);
        let paragraphs = crate::text::paragraphs(text);
        Ok(Prepared { text, index, cleaned, date, speech, runs, tokens, paragraphs, dictionary })
    }

    /// Everything speechlens finds in `text`.
    pub fn analyze(&self, text: &str, options: &Options) -> Result<Analysis, Error> {
        let p = self.prepare(text, options)?;
        let vocabulary = Vocabulary::new(&p.speech, &p.tokens);
        // Parts are numbered between the salutation and the closing: `同志们：第一，…` opens part one.
        let opening_end = p.cleaned.salutation.as_ref().map_or(p.cleaned.body.start, |s| s.end);
        let closing_start = p.cleaned.closing.as_ref().map_or(p.cleaned.body.end, |c| c.start);
        let tree = outline::build(&p.speech, opening_end..p.cleaned.body.end, closing_start, &p.paragraphs);
        let top_level: Vec<Range<usize>> = tree.sections.iter().map(|s| s.range.clone()).collect();

        let stats = stats(&p, &vocabulary);
        let han = stats.han_chars.max(1) as f64;
        let mut counter = TermCounter::new(&vocabulary, &p.tokens);
        let counted = counter.count(0..p.tokens.len(), options.min_chars, options.pos, options.max_terms);
        let mut warnings = Vec::new();
        let buckets = if top_level.len() > MAX_SECTION_BUCKETS {
            warnings.push(Warning {
                kind: "too-many-sections".into(),
                message: format!(
                    "{} top-level sections: term spread is given for the whole body, not per section",
                    top_level.len()
                ),
                start: p.index.utf16(p.cleaned.body.start),
                end: p.index.utf16(p.cleaned.body.end),
            });
            &[][..]
        } else {
            &top_level[..]
        };
        let by_section = section_counts(&p, &vocabulary, &counted, buckets);
        let term_list: Vec<Term> = counted
            .iter()
            .zip(by_section)
            .map(|(c, by_section)| Term {
                term: c.term.to_string(),
                count: c.count,
                per_ten_k: c.count as f64 * 10_000.0 / han,
                pos: Some(c.pos.as_str().to_string()),
                by_section,
                first_at: p.index.utf16(c.first),
                lexicon: segment::lexicon_entry(c.term)
                    .map(|e| LexiconTag { category: e.category.to_string(), formulation: e.formulation }),
            })
            .collect();
        let keywords = terms::keywords(p.dictionary.jieba(), &counted, stats.tokens, options.max_terms)
            .into_iter()
            .map(|k| Keyword { weight: k.times, log_likelihood: k.log_likelihood, term: k.term })
            .collect();
        let phrases = terms::phrases(&p.speech, &p.tokens, &vocabulary)
            .into_iter()
            .map(|(text, occ)| Phrase {
                text: text.to_string(),
                count: occ.len() as u32,
                occurrences: spans(&p.index, &occ),
            })
            .collect();
        let month = crate::text::latest_month(p.text);
        let detected = slogans::detect(&p.speech, &p.tokens, p.dictionary.jieba(), &p.runs, month);
        warnings.extend(detected.warnings.into_iter().map(|w| {
            let span = p.index.span(w.range);
            Warning { kind: w.kind.to_string(), message: w.message, start: span.start, end: span.end }
        }));
        let slogans = detected
            .slogans
            .into_iter()
            .map(|g| Slogan {
                text: g.text,
                kind: g.kind,
                count: g.occurrences.len() as u32,
                occurrences: spans(&p.index, &g.occurrences),
                score: g.score,
                expansion: g.expansion,
                frame: g.frame,
                speaker: g.speaker,
            })
            .collect();
        let outline = outline(&p, &mut counter, tree, &stats);

        Ok(Analysis {
            version: crate::VERSION.to_string(),
            date: p.date.clone(),
            body: p.index.span(p.cleaned.body.clone()),
            removed: p
                .cleaned
                .removed
                .iter()
                .map(|(kind, r)| {
                    let span = p.index.span(r.clone());
                    Removed {
                        kind: kind.to_string(),
                        text: p.text[r.clone()].to_string(),
                        start: span.start,
                        end: span.end,
                    }
                })
                .collect(),
            stats,
            terms: term_list,
            keywords,
            phrases,
            slogans,
            outline,
            warnings,
        })
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
        let p = self.prepare(text, options)?;
        Ok(terms::concordance(&p.speech, &p.tokens, term.trim(), width, anywhere)
            .into_iter()
            .map(|(left, hit, right)| {
                let span = p.index.span(hit.clone());
                // The context is counted in `speech`, where masked chrome is a space per byte:
                // its outer ends may fall inside a character of `text`, so they snap to one.
                ConcordanceLine {
                    left: p.text[p.text.ceil_char_boundary(left.start)..left.end].to_string(),
                    keyword: p.text[hit].to_string(),
                    right: p.text[right.start..p.text.floor_char_boundary(right.end)].to_string(),
                    start: span.start,
                    end: span.end,
                }
            })
            .collect())
    }

    /// What changed from `a` to `b` (see [`crate::compare`]): both analysed with `options` and every
    /// term kept; the page chrome of either counts in neither.
    pub fn compare(&self, a: &str, b: &str, options: &Options) -> Result<Comparison, Error> {
        let options = Options { max_terms: usize::MAX, ..options.clone() };
        let (analysis_a, analysis_b) = (self.analyze(a, &options)?, self.analyze(b, &options)?);
        // Each text with its chrome blanked, as its analysis saw it: a photo credit inside the speech
        // is neither a paragraph, nor a word put in, nor a formulation.
        fn speech(text: &str, analysis: &Analysis) -> (String, Range<usize>) {
            let index = Utf16Index::new(text);
            let bytes = |start: u32, end: u32| index.byte(start)..index.byte(end);
            let body = bytes(analysis.body.start, analysis.body.end);
            (clean::mask_outside(text, body.clone(), analysis.removed.iter().map(|r| bytes(r.start, r.end))), body)
        }
        let ((speech_a, body_a), (speech_b, body_b)) = (speech(a, &analysis_a), speech(b, &analysis_b));
        let side_a = crate::compare::Side { speech: &speech_a, analysis: &analysis_a, body: body_a };
        let side_b = crate::compare::Side { speech: &speech_b, analysis: &analysis_b, body: body_b };
        let dictionary = segment::dictionary_for([a, b]);
        Ok(crate::compare::compare(&side_a, &side_b, dictionary.jieba()))
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

/// The outline of the speech: its sections with their sizes and top terms, its checks, its parts.
fn outline(p: &Prepared, counter: &mut TermCounter, tree: OutlineTree, stats: &Stats) -> Outline {
    let part = |r: &Range<usize>| {
        let span = p.index.span(r.clone());
        Part { text: p.text[r.clone()].to_string(), start: span.start, end: span.end }
    };
    Outline {
        sections: tree.sections.iter().map(|n| section(p, counter, n, stats.han_chars).0).collect(),
        issues: tree
            .issues
            .into_iter()
            .map(|i| {
                let span = p.index.span(i.range);
                OutlineIssue {
                    kind: i.kind,
                    message: i.message,
                    expected: i.expected,
                    start: Some(span.start),
                    end: Some(span.end),
                    found: i.found,
                    previous: i.previous,
                    missing: i.missing,
                    announced: i.announced,
                    parts: i.parts,
                    level: i.level,
                    series: i
                        .series
                        .into_iter()
                        .map(|(marker, range)| {
                            let span = p.index.span(range);
                            SeenMarker { marker, start: span.start, end: span.end }
                        })
                        .collect(),
                }
            })
            .collect(),
        title: p.cleaned.title.as_ref().map(part),
        salutation: p.cleaned.salutation.as_ref().map(part),
        closing: p.cleaned.closing.as_ref().map(part),
        interjections: p.cleaned.interjections.iter().map(part).collect(),
        announced: tree.announced.map(|a| {
            let span = p.index.span(a.range.clone());
            Announced { count: a.count, text: p.text[a.range].to_string(), start: span.start, end: span.end }
        }),
    }
}

/// The section of `node` and its Han characters. A section's characters are its children's and
/// those of the text around them, so each byte is read once however deep the nesting.
fn section(p: &Prepared, counter: &mut TermCounter, node: &Node, body_han: u32) -> (Section, u32) {
    let mut children = Vec::with_capacity(node.children.len());
    let (mut chars, mut han) = (0u32, 0u32);
    let mut at = node.range.start;
    for child in &node.children {
        let (text_chars, text_han) = char_counts(&p.speech[at..child.range.start]);
        let (section, child_han) = section(p, counter, child, body_han);
        chars += text_chars + section.speech_chars;
        han += text_han + child_han;
        at = child.range.end;
        children.push(section);
    }
    let (text_chars, text_han) = char_counts(&p.speech[at..node.range.end]);
    chars += text_chars;
    han += text_han;
    let from = p.tokens.partition_point(|t| t.start < node.range.start);
    let to = p.tokens.partition_point(|t| t.start < node.range.end);
    let top_terms =
        counter.count(from..to, 2, PosFilter::All, SECTION_TOP_TERMS).into_iter().map(|c| c.term.to_string()).collect();
    let span = p.index.span(node.range.clone());
    let section = Section {
        start: span.start,
        end: span.end,
        level: node.level,
        marker: p.speech[node.marker.clone()].to_string(),
        ordinal: node.ordinal,
        heading: p.speech[node.heading.clone()].to_string(),
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

fn spans(index: &Utf16Index, ranges: &[Range<usize>]) -> Vec<Span> {
    ranges.iter().map(|r| index.span(r.clone())).collect()
}

/// Per counted term, its occurrences in each top-level section (one bucket for the whole body
/// when there are none), in one pass over the tokens.
fn section_counts(
    p: &Prepared,
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
    for (tok, &id) in p.tokens.iter().zip(&vocabulary.ids) {
        let Some(i) = row[id as usize] else {
            continue;
        };
        let bucket = if sections.is_empty() {
            Some(0)
        } else {
            let k = sections.partition_point(|s| s.start <= tok.start);
            k.checked_sub(1).filter(|&k| tok.start < sections[k].end)
        };
        if let Some(b) = bucket {
            table[i][b] += 1;
        }
    }
    table
}

/// Paragraphs of the input (broken as pasted, `text::paragraphs`) that hold speech: a caption's
/// paragraph, blanked, is none.
fn paragraphs(p: &Prepared) -> u32 {
    let body = &p.cleaned.body;
    let holds_speech = |r: &Range<usize>| {
        let r = r.start.max(body.start)..r.end.min(body.end);
        r.start < r.end && p.speech[r].contains(|c: char| !is_blank(c))
    };
    p.paragraphs.iter().filter(|r| holds_speech(r)).count() as u32
}

fn stats(p: &Prepared, vocabulary: &Vocabulary) -> Stats {
    let body = &p.speech[p.cleaned.body.clone()];
    let han_chars = body.chars().filter(|&c| is_han(c)).count() as u32;
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
        utf16_units: p.index.len_utf16(),
        han_chars,
        tokens,
        sentences,
        paragraphs: paragraphs(p),
        speaking_minutes: han_chars as f64 / CHARS_PER_MINUTE,
    }
}
