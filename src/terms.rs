//! What the speech keeps saying: the term table, keywords, repeated phrases and concordance lines.

use crate::segment::{Pos, Tok};
use crate::text::is_han;
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;
use std::sync::OnceLock;

/// Stop and function words (see the file's header for what is in it and why).
pub const STOPWORDS: &str = include_str!("../data/stopwords.txt");

pub fn is_stopword(word: &str) -> bool {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOPWORDS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect())
        .contains(word)
}

/// Which parts of speech the term table keeps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PosFilter {
    #[default]
    All,
    Nouns,
    Verbs,
}

impl PosFilter {
    fn keeps(self, pos: Pos) -> bool {
        match self {
            PosFilter::All => true,
            PosFilter::Nouns => pos.is_noun(),
            PosFilter::Verbs => pos.is_verb(),
        }
    }
}

/// A word worth counting: it has a Han character or a Latin letter, and is no stop word.
pub fn is_content(word: &str) -> bool {
    word.chars().any(|c| is_han(c) || c.is_alphabetic()) && !is_stopword(word)
}

/// The distinct words of a segmentation, each looked at once. A 1 MB speech has some 180,000
/// tokens but a few tens of thousands of distinct words, and the term table, the section spreads,
/// the phrases and the statistics all ask the same questions of every token; asking them of each
/// token's text (hashing it, decoding its characters) was a third of an analysis's cost.
pub struct Vocabulary<'s> {
    /// Per token, the index of its word in `words`.
    pub ids: Vec<u32>,
    pub words: Vec<Word<'s>>,
}

/// One distinct word and what the analyses ask of it.
pub struct Word<'s> {
    pub text: &'s str,
    pub chars: usize,
    /// Has a Han character, letter or digit: a word, not punctuation.
    pub wordlike: bool,
    /// Counted in the term table ([`is_content`]).
    pub content: bool,
    pub stop: bool,
    /// Nothing but whitespace (a line break, a masked stretch of chrome).
    pub blank: bool,
}

impl<'s> Vocabulary<'s> {
    pub fn new(speech: &'s str, tokens: &[Tok]) -> Self {
        // FxHash: fast on short keys; the text is the user's own, so hash flooding is no threat.
        let mut index: FxHashMap<&str, u32> = FxHashMap::default();
        let mut words = Vec::new();
        let ids = tokens
            .iter()
            .map(|tok| {
                let text = &speech[tok.range()];
                *index.entry(text).or_insert_with(|| {
                    words.push(Word {
                        text,
                        chars: text.chars().count(),
                        wordlike: text.chars().any(|c| is_han(c) || c.is_alphanumeric()),
                        content: is_content(text),
                        stop: is_stopword(text),
                        blank: text.trim().is_empty(),
                    });
                    (words.len() - 1) as u32
                })
            })
            .collect();
        Vocabulary { ids, words }
    }

    pub fn word(&self, token: usize) -> &Word<'s> {
        &self.words[self.ids[token] as usize]
    }
}

/// Counts of one term, by byte offsets.
pub struct Counted<'s> {
    pub term: &'s str,
    /// The term's index in the [`Vocabulary`].
    pub id: u32,
    pub count: u32,
    pub pos: Pos,
    pub first: usize,
}

/// A term's count so far in one span, where it first occurs, and how often each tag was given
/// to it. A word carries one tag but where a forced unit clipped it: the first tag is kept
/// inline and any other in a list, which stays empty (unallocated) in practice.
#[derive(Clone)]
struct Tally {
    count: u32,
    first: usize,
    tag: Pos,
    tag_count: u32,
    other_tags: Vec<(Pos, u32)>,
}

impl Tally {
    /// The tag given most often; ties go to the lesser tag.
    fn pos(&self) -> Pos {
        std::iter::once((self.tag, self.tag_count))
            .chain(self.other_tags.iter().copied())
            .max_by_key(|&(pos, n)| (n, std::cmp::Reverse(pos)))
            .map_or(Pos::OTHER, |(pos, _)| pos)
    }
}

/// Counts terms over spans of one segmentation. Its tallies are indexed by word id and reset
/// after each span, so a long speech's thousands of sections each cost their own tokens only:
/// no hashing, no table built per section.
pub struct TermCounter<'v, 's> {
    vocabulary: &'v Vocabulary<'s>,
    tokens: &'v [Tok],
    tallies: Vec<Tally>,
    /// The ids tallied in the current span, in first-seen order.
    seen: Vec<u32>,
}

impl<'v, 's> TermCounter<'v, 's> {
    pub fn new(vocabulary: &'v Vocabulary<'s>, tokens: &'v [Tok]) -> Self {
        let unseen = Tally { count: 0, first: 0, tag: Pos::OTHER, tag_count: 0, other_tags: Vec::new() };
        TermCounter { vocabulary, tokens, tallies: vec![unseen; vocabulary.words.len()], seen: Vec::new() }
    }

    /// The `limit` most frequent content words among `tokens[span]` with their counts, most
    /// frequent first (ties: first seen first).
    pub fn count(&mut self, span: Range<usize>, min_chars: usize, filter: PosFilter, limit: usize) -> Vec<Counted<'s>> {
        let words = &self.vocabulary.words;
        for (tok, &id) in self.tokens[span.clone()].iter().zip(&self.vocabulary.ids[span]) {
            let word = &words[id as usize];
            if word.chars < min_chars || !word.content {
                continue;
            }
            let tally = &mut self.tallies[id as usize];
            if tally.count == 0 {
                self.seen.push(id);
                tally.first = tok.start;
                tally.tag = tok.pos;
                tally.tag_count = 0;
                tally.other_tags.clear();
            }
            tally.count += 1;
            if tally.tag == tok.pos {
                tally.tag_count += 1;
            } else {
                match tally.other_tags.iter_mut().find(|(pos, _)| *pos == tok.pos) {
                    Some((_, n)) => *n += 1,
                    None => tally.other_tags.push((tok.pos, 1)),
                }
            }
        }
        let mut counted: Vec<Counted> = Vec::with_capacity(self.seen.len());
        for id in self.seen.drain(..) {
            let tally = &mut self.tallies[id as usize];
            let (count, first, pos) = (tally.count, tally.first, tally.pos());
            tally.count = 0;
            if filter.keeps(pos) {
                counted.push(Counted { term: words[id as usize].text, id, count, pos, first });
            }
        }
        let rank = |c: &Counted| (std::cmp::Reverse(c.count), c.first);
        // Sections ask for five of thousands of words: pick them before sorting.
        if limit < counted.len() {
            counted.select_nth_unstable_by_key(limit, rank);
            counted.truncate(limit);
        }
        crate::sort::sort_by_key(&mut counted, rank);
        counted
    }
}

/// TF-IDF keywords: a term's share of the speech's words times how rare it is in ordinary text,
/// `ln(N / f)`, where `f` is the term's frequency in jieba's reference corpus of
/// N = [`DICTIONARY_TOTAL`](crate::segment::DICTIONARY_TOTAL) words
/// (for a word jieba does not know, the frequency its parts suggest). High weight: said often
/// here, seldom elsewhere.
pub fn keywords(jieba: &jieba_rs::Jieba, counted: &[Counted], tokens_total: u32, limit: usize) -> Vec<(String, f64)> {
    let total = tokens_total.max(1) as f64;
    let mut weighted: Vec<(String, f64)> = counted
        .iter()
        .map(|c| {
            let idf =
                (crate::segment::DICTIONARY_TOTAL as f64 / jieba.suggest_freq(c.term).max(1) as f64).ln().max(0.0);
            (c.term.to_string(), c.count as f64 / total * idf)
        })
        .collect();
    crate::sort::sort_by(&mut weighted, |a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    weighted.truncate(limit);
    weighted
}

/// The longest word sequences: 2 to 6 words.
const PHRASE_WORDS: Range<usize> = 2..7;

/// Word n-grams said at least twice, maximal: a phrase is left out when a longer listed one with
/// the same count contains it. A phrase does not cross punctuation, does not end on a stop word,
/// and starts on one only where it is a preposition heading the phrase (以科技创新…).
pub fn phrases<'s>(speech: &'s str, tokens: &[Tok], vocabulary: &Vocabulary) -> Vec<(&'s str, Vec<Range<usize>>)> {
    let words: Vec<usize> = (0..tokens.len()).filter(|&t| !vocabulary.word(t).blank).collect();
    // How many words from each on can make a phrase: word-like, side by side or a space apart,
    // on one line (a wider blank may be masked chrome, whose blanks are not the text's
    // characters, or a paragraph break). A window fits where its first word's run is as long.
    let mut run = vec![0usize; words.len()];
    for k in (0..words.len()).rev() {
        run[k] = match vocabulary.word(words[k]).wordlike {
            false => 0,
            true if k + 1 < words.len()
                && matches!(&speech[tokens[words[k]].end..tokens[words[k + 1]].start], "" | " ") =>
            {
                run[k + 1] + 1
            }
            true => 1,
        };
    }
    // Per candidate: its text, occurrences, and the first window (index into `words`, length).
    let mut found: Vec<(&str, Vec<Range<usize>>, usize, usize)> = Vec::new();
    for n in PHRASE_WORDS.rev() {
        // Most windows are said once: they are counted first, and only the candidates said
        // twice or more get a list of occurrences (one allocation per window was half the cost).
        let mut class_of: FxHashMap<&str, u32> = FxHashMap::default();
        let mut classes: Vec<(Range<usize>, usize, u32)> = Vec::new(); // (first range, its window, count)
        let mut windows: Vec<(Range<usize>, u32)> = Vec::new();
        for i in (0..words.len()).filter(|&i| run[i] >= n) {
            let (first, last) = (&tokens[words[i]], &tokens[words[i + n - 1]]);
            if vocabulary.word(words[i + n - 1]).stop || (vocabulary.word(words[i]).stop && first.pos.as_str() != "p") {
                continue;
            }
            let range = first.start..last.end;
            let class = *class_of.entry(&speech[range.clone()]).or_insert_with(|| {
                classes.push((range.clone(), i, 0));
                (classes.len() - 1) as u32
            });
            classes[class as usize].2 += 1;
            windows.push((range, class));
        }
        // Per class, its index in `found` if it is a candidate.
        let slots: Vec<Option<usize>> = classes
            .into_iter()
            .map(|(range, i, count)| {
                let text = &speech[range];
                (count >= 2 && text.chars().filter(|&c| is_han(c)).count() >= 4).then(|| {
                    found.push((text, Vec::with_capacity(count as usize), i, n));
                    found.len() - 1
                })
            })
            .collect();
        for (range, class) in windows {
            if let Some(k) = slots[class as usize] {
                found[k].1.push(range);
            }
        }
    }
    crate::sort::sort_by_key(&mut found, |(text, occ, ..)| {
        (std::cmp::Reverse(text.len()), std::cmp::Reverse(occ.len()), occ[0].start)
    });
    // The word-aligned parts of every listed phrase, with its count: a candidate found here is
    // contained in a longer listed phrase said as often. A set, so the check is not quadratic.
    let mut covered: FxHashSet<(&str, usize)> = FxHashSet::default();
    let mut kept: Vec<(&str, Vec<Range<usize>>)> = Vec::new();
    for (text, occurrences, i, n) in found {
        let count = occurrences.len();
        if covered.contains(&(text, count)) {
            continue;
        }
        for a in 0..n {
            for b in a + 2..=n {
                covered.insert((&speech[tokens[words[i + a]].start..tokens[words[i + b - 1]].end], count));
            }
        }
        kept.push((text, occurrences));
    }
    crate::sort::sort_by_key(&mut kept, |(text, occ)| {
        (std::cmp::Reverse(occ.len()), std::cmp::Reverse(text.chars().count()), occ[0].start)
    });
    kept
}

/// Each occurrence of `term` (as a word of the segmentation, or as text when it is no single
/// word) with up to `width` characters either side, not reaching past the line.
pub fn concordance(
    speech: &str,
    tokens: &[Tok],
    term: &str,
    width: usize,
) -> Vec<(Range<usize>, Range<usize>, Range<usize>)> {
    if term.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<Range<usize>> = tokens.iter().filter(|t| &speech[t.range()] == term).map(Tok::range).collect();
    if hits.is_empty() {
        hits = speech.match_indices(term).map(|(at, w)| at..at + w.len()).collect();
    }
    hits.into_iter()
        .map(|hit| {
            let before = &speech[..hit.start];
            let left_start = before
                .char_indices()
                .rev()
                .take_while(|&(_, c)| c != '\n')
                .take(width)
                .last()
                .map_or(hit.start, |(i, _)| i);
            let after = &speech[hit.end..];
            let right_end = hit.end
                + after
                    .char_indices()
                    .take_while(|&(_, c)| c != '\n')
                    .take(width)
                    .last()
                    .map_or(0, |(i, c)| i + c.len_utf8());
            (left_start..hit.start, hit.clone(), hit.end..right_end)
        })
        .collect()
}

/// The term table as CSV for spreadsheets: UTF-8 with a BOM (so Excel reads the Chinese),
/// RFC 4180 quoting, and a leading `'` on cells a spreadsheet would run as a formula.
/// The spread columns follow `bySection`: `section1…sectionN`, or one `body` column when the
/// counts are for the whole body (no outline, or too many sections to count by).
pub fn to_csv(terms: &[crate::model::Term], sections: usize) -> String {
    let mut out = String::from("\u{feff}term,count,perTenK,pos,firstAt");
    match terms.first().map_or(sections, |t| t.by_section.len()) {
        n if n == sections => (1..=n).for_each(|i| out.push_str(&format!(",section{i}"))),
        _ => out.push_str(",body"),
    }
    out.push_str("\r\n");
    for t in terms {
        let mut cells = vec![
            csv_cell(&t.term),
            t.count.to_string(),
            format!("{:.2}", t.per_ten_k),
            csv_cell(t.pos.as_deref().unwrap_or("")),
            t.first_at.to_string(),
        ];
        cells.extend(t.by_section.iter().map(u32::to_string));
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_cell(value: &str) -> String {
    let value =
        if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_string() };
    if value.contains([',', '"', '\n', '\r']) { format!("\"{}\"", value.replace('"', "\"\"")) } else { value }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopword_list_is_loaded() {
        for w in ["的", "了", "在", "是", "和"] {
            assert!(is_stopword(w), "{w}");
        }
        assert!(!is_stopword("发展"));
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=1+1"), "'=1+1");
        assert_eq!(csv_cell("县域"), "县域");
    }
}
