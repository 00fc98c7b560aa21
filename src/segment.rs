//! Word segmentation: jieba-rs with the political lexicon, plus units forced whole per analysis.

use aho_corasick::{AhoCorasick, MatchKind};
use jieba_rs::Jieba;
use std::ops::Range;
use std::sync::OnceLock;

/// The lexicon of current political and economic terms (see its header for the columns).
pub const LEXICON: &str = include_str!("../data/lexicon.tsv");

/// A jieba part-of-speech tag, kept inline: tags are short ASCII (`n`, `vn`, `nrfg`, `eng`),
/// and a 1 MB text has half a million tokens, so one heap string each would dominate the cost.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
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

/// The segmentation dictionary: jieba's, pruned and packed by `scripts/dictionary.mjs` (its header
/// says what is kept, why, and the format).
const PACKED_DICTIONARY: &[u8] = include_bytes!("../data/dictionary.br");

/// The sum of the packed dictionary's frequencies: jieba's own total, kept by the pruning.
pub const DICTIONARY_TOTAL: usize = 60_101_964;

/// jieba's dictionary with the lexicon added, built once (the first analysis waits for it).
pub fn dictionary() -> &'static Jieba {
    &loaded().jieba
}

struct Loaded {
    jieba: Jieba,
    /// Tags for words jieba finds outside its dictionary, by their final character, sorted.
    final_tags: Vec<(char, Pos)>,
}

fn loaded() -> &'static Loaded {
    static LOADED: OnceLock<Loaded> = OnceLock::new();
    LOADED.get_or_init(|| {
        let mut jieba = Jieba::empty();
        // Data compiled in and checked by the tests below: it cannot fail at run time.
        let final_tags = unpack(PACKED_DICTIONARY, |word, freq, tag| {
            jieba.add_word(word, Some(freq), Some(tag));
        })
        .expect("the embedded dictionary unpacks");
        for entry in lexicon_entries() {
            // jieba's own rule for "keep this whole": a frequency just above what its parts would score.
            let freq = jieba.suggest_freq(entry.word);
            jieba.add_word(entry.word, Some(freq), Some("nz"));
        }
        Loaded { jieba, final_tags }
    })
}

/// The tag for a word outside the dictionary (jieba-rs says `x`): that of the dictionary's words
/// ending in the same character (`scripts/dictionary.mjs` says why and how well it does).
fn guess_pos(word: &str) -> Pos {
    let final_tags = &loaded().final_tags;
    word.chars()
        .next_back()
        .and_then(|last| final_tags.binary_search_by_key(&last, |&(c, _)| c).ok())
        .map_or(Pos::OTHER, |i| final_tags[i].1)
}

/// Calls `add(word, frequency, tag)` for each entry of a packed dictionary; returns its
/// final-character tags, or `None` if the data is malformed.
fn unpack(packed: &[u8], mut add: impl FnMut(&str, usize, &str)) -> Option<Vec<(char, Pos)>> {
    let mut bytes = Vec::with_capacity(packed.len() * 3);
    std::io::copy(&mut brotli_decompressor::Decompressor::new(packed, 1 << 16), &mut bytes).ok()?;
    let mut rest = &bytes[..];
    let mut line = || {
        let end = rest.iter().position(|&b| b == b'\n')?;
        let (text, tail) = rest.split_at(end);
        rest = &tail[1..];
        std::str::from_utf8(text).ok()
    };
    let header: Vec<&str> = line()?.split(' ').collect();
    let [_, "2", entries, total, finals] = header[..] else { return None };
    let (entries, total, finals) =
        (entries.parse::<usize>().ok()?, total.parse::<usize>().ok()?, finals.parse::<usize>().ok()?);
    let tags: Vec<&str> = line()?.split(' ').collect();
    // Words are front-coded: 0x20 + characters shared with the previous word, then the rest.
    let mut words = String::with_capacity(entries * 9);
    let mut spans = Vec::with_capacity(entries);
    for _ in 0..entries {
        let coded = line()?;
        let shared = usize::from(*coded.as_bytes().first()?).checked_sub(0x20)?;
        let previous = spans.last().map_or("", |r: &Range<usize>| &words[r.clone()]);
        let prefix = previous.char_indices().nth(shared).map_or(previous.len(), |(at, _)| at);
        let start = words.len();
        words.extend_from_within(start - previous.len()..start - previous.len() + prefix);
        words.push_str(&coded[1..]);
        spans.push(start..words.len());
    }
    let freqs: Vec<usize> = (0..entries).map(|_| line()?.parse().ok()).collect::<Option<_>>()?;
    if freqs.iter().sum::<usize>() != total {
        return None;
    }
    let final_chars = line()?;
    let (entry_tags, final_char_tags) = rest.split_at_checked(entries)?;
    for ((span, freq), &tag) in spans.into_iter().zip(freqs).zip(entry_tags) {
        add(&words[span], freq, tags.get(usize::from(tag))?);
    }
    let final_tags = final_chars
        .chars()
        .zip(final_char_tags)
        .map(|(c, &tag)| Some((c, Pos::new(tags.get(usize::from(tag))?))))
        .collect::<Option<Vec<_>>>()?;
    let sorted = final_tags.windows(2).all(|w| w[0].0 < w[1].0);
    (final_tags.len() == finals && final_char_tags.len() == finals && sorted).then_some(final_tags)
}

/// Segments `text` line by line (so memory follows the longest line, not the text), then
/// replaces whatever falls inside a `forced` range by one token for the range.
/// `forced` must be sorted and non-overlapping, on char boundaries.
pub fn segment(jieba: &Jieba, text: &str, hmm: bool, forced: &[Range<usize>]) -> Vec<Tok> {
    let mut tokens = Vec::with_capacity(text.len() / 4);
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        for tag in jieba.tag(line, hmm) {
            let pos = match Pos::new(tag.tag) {
                Pos::OTHER => guess_pos(tag.word),
                known => known,
            };
            tokens.push(Tok { start: at + tag.byte_start, end: at + tag.byte_end, pos });
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
/// sorted and non-overlapping: the shape [`segment`] takes for `forced`. One pass over the text
/// for all the words together (Aho-Corasick): a speech marks hundreds of units, and searching
/// the text once per unit made this the costliest step of an analysis.
pub fn find_units<'w>(text: &str, words: impl IntoIterator<Item = &'w str>) -> Vec<Range<usize>> {
    let words: Vec<&str> = words.into_iter().filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return Vec::new();
    }
    match AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&words) {
        Ok(searcher) => searcher.find_iter(text).map(|m| m.range()).collect(),
        // Only past the automaton's size limit, far beyond any speech: no unit is forced.
        Err(_) => Vec::new(),
    }
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
    fn packed_dictionary_holds_jiebas_total_and_its_everyday_words() {
        let (mut entries, mut sum, mut idioms) = (0, 0, 0);
        let final_tags = unpack(PACKED_DICTIONARY, |word, freq, tag| {
            entries += 1;
            sum += freq;
            idioms += usize::from(tag == "i");
            assert!(!word.is_empty() && !tag.is_empty(), "{word:?} {tag:?}");
        })
        .expect("the embedded dictionary unpacks");
        assert!(final_tags.len() > 5_000, "{} final characters", final_tags.len());
        assert_eq!(sum, DICTIONARY_TOTAL);
        assert!(entries > 180_000 && idioms > 8_000, "{entries} entries, {idioms} idioms");
        let jieba = dictionary();
        for word in ["我们", "经济", "现代化", "一帆风顺", "人民代表大会"] {
            assert!(jieba.has_word(word), "{word}");
        }
    }

    #[test]
    fn words_outside_the_dictionary_are_tagged_by_their_final_character() {
        let jieba = dictionary();
        for (word, class) in [("网红", "noun"), ("锚定", "verb"), ("县域化", "noun")] {
            assert!(!jieba.has_word(word), "{word} is in the dictionary: pick another");
            let pos = guess_pos(word);
            let got = if pos.is_noun() {
                "noun"
            } else if pos.is_verb() {
                "verb"
            } else {
                pos.as_str()
            };
            assert_eq!(got, class, "{word}: {}", pos.as_str());
        }
        assert!(loaded().final_tags.iter().all(|(_, pos)| !pos.is_idiom()), "a guess may not say idiom");
        assert_eq!(guess_pos("，"), Pos::OTHER);
        let text = "网红经济要锚定目标。";
        let tokens = segment(jieba, text, true, &[]);
        let untagged: Vec<_> = tokens.iter().filter(|t| t.pos == Pos::OTHER).map(|t| &text[t.range()]).collect();
        assert_eq!(untagged, ["。"]);
    }

    #[test]
    fn malformed_packed_dictionary_is_refused() {
        assert!(unpack(b"not brotli", |_, _, _| {}).is_none());
    }

    #[test]
    fn pos_tags_keep_their_text() {
        assert_eq!(Pos::new("nrfg").as_str(), "nrfg");
        assert_eq!(Pos::new("").as_str(), "x");
        assert!(Pos::new("vn").is_noun());
    }
}
