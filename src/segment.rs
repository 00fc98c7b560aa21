//! Word segmentation: jieba-rs with the political lexicon, plus units forced whole per analysis.

use jieba_rs::Jieba;
use std::ops::Range;
use std::sync::OnceLock;

/// The lexicon of current political and economic terms (see its header for the columns).
pub const LEXICON: &str = include_str!("../data/lexicon.tsv");

/// A jieba part-of-speech tag, kept inline: tags are short ASCII (`n`, `vn`, `nrfg`, `eng`),
/// and a 1 MB text has half a million tokens, so one heap string each would dominate the cost.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Pos([u8; 4]);

impl Pos {
    pub const OTHER: Pos = Pos(*b"x\0\0\0");
    /// What a unit forced whole gets: jieba's tag for other proper nouns.
    pub const PROPER: Pos = Pos(*b"nz\0\0");

    pub fn new(tag: &str) -> Pos {
        let mut bytes = [0u8; 4];
        for (slot, b) in bytes.iter_mut().zip(tag.bytes().filter(u8::is_ascii)) {
            *slot = b;
        }
        if bytes[0] == 0 { Pos::OTHER } else { Pos(bytes) }
    }

    pub fn as_str(&self) -> &str {
        let len = self.0.iter().position(|&b| b == 0).unwrap_or(4);
        std::str::from_utf8(&self.0[..len]).unwrap_or("x")
    }

    pub fn is_noun(&self) -> bool {
        self.0[0] == b'n' || self.as_str() == "vn"
    }

    pub fn is_verb(&self) -> bool {
        self.0[0] == b'v'
    }

    /// 成语 (`i`) and set expressions (`l`).
    pub fn is_idiom(&self) -> bool {
        matches!(self.as_str(), "i" | "l")
    }
}

/// A word of a segmentation, by byte range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub pos: Pos,
}

impl Tok {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// The lexicon's words with their category, in file order.
pub fn lexicon_entries() -> impl Iterator<Item = LexiconEntry> {
    LEXICON.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).filter_map(|line| {
        let mut fields = line.split('\t');
        let word = fields.next()?.trim();
        let category = fields.next().unwrap_or("").trim();
        let note = fields.next().unwrap_or("").trim();
        (!word.is_empty()).then_some(LexiconEntry { word, category, note })
    })
}

pub struct LexiconEntry {
    pub word: &'static str,
    pub category: &'static str,
    /// A gloss; for a numbered formula, `=item、item、…` spells out what it stands for.
    pub note: &'static str,
}

/// Whether `word` is an entry of the lexicon.
pub fn is_lexicon_word(word: &str) -> bool {
    static WORDS: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| lexicon_entries().map(|e| e.word).collect()).contains(word)
}

/// jieba's dictionary with the lexicon added, built once: building it parses 350,000 entries.
pub fn dictionary() -> &'static Jieba {
    static DICTIONARY: OnceLock<Jieba> = OnceLock::new();
    DICTIONARY.get_or_init(|| {
        let mut jieba = Jieba::new();
        for entry in lexicon_entries() {
            // jieba's own rule for "keep this whole": a frequency just above what its parts would score.
            let freq = jieba.suggest_freq(entry.word);
            jieba.add_word(entry.word, Some(freq), Some("nz"));
        }
        jieba
    })
}

/// Segments `text` line by line (so memory follows the longest line, not the text), then
/// replaces whatever falls inside a `forced` range by one token for the range.
/// `forced` must be sorted and non-overlapping, on char boundaries.
pub fn segment(jieba: &Jieba, text: &str, hmm: bool, forced: &[Range<usize>]) -> Vec<Tok> {
    let mut tokens = Vec::with_capacity(text.len() / 4);
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        for tag in jieba.tag(line, hmm) {
            tokens.push(Tok { start: at + tag.byte_start, end: at + tag.byte_end, pos: Pos::new(tag.tag) });
        }
        at += line.len();
    }
    if forced.is_empty() { tokens } else { overlay(tokens, forced) }
}

/// Tokens with every `forced` range made one token; a token straddling a range edge is clipped.
fn overlay(tokens: Vec<Tok>, forced: &[Range<usize>]) -> Vec<Tok> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut pending = forced.iter().peekable();
    for tok in tokens {
        let mut at = tok.start;
        while at < tok.end {
            while pending.next_if(|r| r.end <= at).is_some() {}
            match pending.peek() {
                Some(r) if r.start < tok.end => {
                    if at < r.start {
                        out.push(Tok { start: at, end: r.start, pos: tok.pos });
                        at = r.start;
                    }
                    if at == r.start {
                        out.push(Tok { start: r.start, end: r.end, pos: Pos::PROPER });
                    }
                    at = r.end.min(tok.end);
                }
                _ => {
                    out.push(Tok { start: at, end: tok.end, pos: tok.pos });
                    at = tok.end;
                }
            }
        }
    }
    out
}

/// Every occurrence of each of `words` in `text`, longest match first where they overlap,
/// sorted and non-overlapping: the shape [`segment`] takes for `forced`.
pub fn find_units<'w>(text: &str, words: impl IntoIterator<Item = &'w str>) -> Vec<Range<usize>> {
    let mut found: Vec<Range<usize>> = Vec::new();
    for word in words.into_iter().filter(|w| !w.is_empty()) {
        found.extend(text.match_indices(word).map(|(at, w)| at..at + w.len()));
    }
    found.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut units: Vec<Range<usize>> = Vec::with_capacity(found.len());
    for r in found {
        if units.last().is_none_or(|last| r.start >= last.end) {
            units.push(r);
        }
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words<'a>(text: &'a str, tokens: &[Tok]) -> Vec<&'a str> {
        tokens.iter().map(|t| &text[t.range()]).collect()
    }

    #[test]
    fn forced_units_stay_whole_and_cover_the_text() {
        let text = "存在“县域不经济”现象，县域不经济。";
        let forced = find_units(text, ["县域不经济"]);
        let tokens = segment(dictionary(), text, true, &forced);
        let got = words(text, &tokens);
        assert_eq!(got.iter().filter(|w| **w == "县域不经济").count(), 2, "{got:?}");
        assert_eq!(got.concat(), text);
    }

    #[test]
    fn overlay_clips_straddling_tokens() {
        let pos = Pos::new("n");
        let tokens = vec![Tok { start: 0, end: 4, pos }, Tok { start: 4, end: 8, pos }];
        let out = overlay(tokens, &[Range { start: 2, end: 6 }]);
        let ranges: Vec<_> = out.iter().map(Tok::range).collect();
        assert_eq!(ranges, [0..2, 2..6, 6..8]);
    }

    #[test]
    fn longest_unit_wins_where_units_overlap() {
        assert_eq!(find_units("新质生产力", ["生产力", "新质生产力"]), vec![Range { start: 0, end: 15 }]);
    }

    #[test]
    fn lexicon_terms_are_kept_whole() {
        let text = "加快形成新质生产力，推动高质量发展。";
        let tokens = segment(dictionary(), text, true, &[]);
        let got = words(text, &tokens);
        assert!(got.contains(&"新质生产力"), "{got:?}");
        assert!(got.contains(&"高质量发展"), "{got:?}");
    }

    #[test]
    fn pos_tags_keep_their_text() {
        assert_eq!(Pos::new("nrfg").as_str(), "nrfg");
        assert_eq!(Pos::new("").as_str(), "x");
        assert!(Pos::new("vn").is_noun());
    }
}
