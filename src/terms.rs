//! What the speech keeps saying: the term table, keywords, repeated phrases and concordance lines.

use crate::segment::{Pos, Tok};
use crate::text::is_han;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

/// Stop and function words (see the file's header for what is in it and why).
pub const STOPWORDS: &str = include_str!("../data/stopwords.txt");

pub fn is_stopword(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
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

/// Counts of one term, by byte offsets.
pub struct Counted<'s> {
    pub term: &'s str,
    pub count: u32,
    pub pos: Pos,
    pub first: usize,
}

/// A term's count so far, where it first occurs, and how often each tag was given to it.
struct Tally {
    count: u32,
    first: usize,
    tags: Vec<(Pos, u32)>,
}

/// Content words of `tokens` with their counts, most frequent first (ties: first seen first).
pub fn count<'s>(speech: &'s str, tokens: &[Tok], min_chars: usize, filter: PosFilter) -> Vec<Counted<'s>> {
    let mut table: HashMap<&str, Tally> = HashMap::new();
    for tok in tokens {
        let word = &speech[tok.range()];
        if word.chars().count() < min_chars || !is_content(word) {
            continue;
        }
        let tally = table.entry(word).or_insert_with(|| Tally { count: 0, first: tok.start, tags: Vec::new() });
        tally.count += 1;
        // A word carries one or two tags in practice: a short list beats a map.
        match tally.tags.iter_mut().find(|(pos, _)| *pos == tok.pos) {
            Some((_, n)) => *n += 1,
            None => tally.tags.push((tok.pos, 1)),
        }
    }
    let mut counted: Vec<Counted> = table
        .into_iter()
        .map(|(term, Tally { count, first, tags })| {
            let pos =
                tags.into_iter().max_by_key(|&(pos, n)| (n, std::cmp::Reverse(pos))).map_or(Pos::OTHER, |(p, _)| p);
            Counted { term, count, pos, first }
        })
        .filter(|c| filter.keeps(c.pos))
        .collect();
    counted.sort_by_key(|c| (std::cmp::Reverse(c.count), c.first));
    counted
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
    weighted.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    weighted.truncate(limit);
    weighted
}

/// The longest word sequences: 2 to 6 words.
const PHRASE_WORDS: Range<usize> = 2..7;

/// Word n-grams said at least twice, maximal: a phrase is left out when a longer listed one with
/// the same count contains it. A phrase does not cross punctuation, does not end on a stop word,
/// and starts on one only where it is a preposition heading the phrase (以科技创新…).
pub fn phrases<'s>(speech: &'s str, tokens: &[Tok]) -> Vec<(&'s str, Vec<Range<usize>>)> {
    let words: Vec<&Tok> = tokens.iter().filter(|t| !speech[t.range()].trim().is_empty()).collect();
    let is_word = |t: &Tok| speech[t.range()].chars().any(|c| is_han(c) || c.is_alphanumeric());
    // Per candidate: its text, occurrences, and the first window (index into `words`, length).
    let mut found: Vec<(&str, Vec<Range<usize>>, usize, usize)> = Vec::new();
    for n in PHRASE_WORDS.rev() {
        let mut seen: HashMap<&str, (usize, Vec<Range<usize>>)> = HashMap::new();
        for (i, window) in words.windows(n).enumerate() {
            let (first, last) = (window[0], window[n - 1]);
            // Words side by side or a space apart, on one line: a wider blank may be masked chrome
            // (whose blanks are not the text's characters) or a paragraph break.
            let adjoining = window.windows(2).all(|p| matches!(&speech[p[0].end..p[1].start], "" | " "));
            if !adjoining || !window.iter().all(|t| is_word(t)) {
                continue;
            }
            let (head, tail) = (&speech[first.range()], &speech[last.range()]);
            if is_stopword(tail) || (is_stopword(head) && first.pos.as_str() != "p") {
                continue;
            }
            seen.entry(&speech[first.start..last.end]).or_insert_with(|| (i, Vec::new())).1.push(first.start..last.end);
        }
        for (text, (i, occurrences)) in seen {
            if occurrences.len() >= 2 && text.chars().filter(|&c| is_han(c)).count() >= 4 {
                found.push((text, occurrences, i, n));
            }
        }
    }
    found.sort_by_key(|(text, occ, ..)| (std::cmp::Reverse(text.len()), std::cmp::Reverse(occ.len()), occ[0].start));
    // The word-aligned parts of every listed phrase, with its count: a candidate found here is
    // contained in a longer listed phrase said as often. A set, so the check is not quadratic.
    let mut covered: HashSet<(&str, usize)> = HashSet::new();
    let mut kept: Vec<(&str, Vec<Range<usize>>)> = Vec::new();
    for (text, occurrences, i, n) in found {
        let count = occurrences.len();
        if covered.contains(&(text, count)) {
            continue;
        }
        for a in 0..n {
            for b in a + 2..=n {
                covered.insert((&speech[words[i + a].start..words[i + b - 1].end], count));
            }
        }
        kept.push((text, occurrences));
    }
    kept.sort_by_key(|(text, occ)| {
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
