//! Word segmentation: jieba-rs with the political lexicon, plus units forced whole per analysis.

use jieba_rs::Jieba;
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;
use std::sync::{OnceLock, PoisonError, RwLock, RwLockReadGuard};

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

/// The lexicon's words with their category, in file order, read once (the term table, the
/// slogans and the check each index them their own way).
pub fn lexicon_entries() -> &'static [LexiconEntry] {
    static ENTRIES: OnceLock<Vec<LexiconEntry>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        LEXICON
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|line| {
                let mut fields = line.split('\t');
                let word = fields.next()?.trim();
                let category = fields.next().unwrap_or("").trim();
                let formulation = fields.next().unwrap_or("").trim() == "formulation";
                let note = fields.next().unwrap_or("").trim();
                let english = fields.next().unwrap_or("").trim();
                (!word.is_empty()).then_some(LexiconEntry { word, category, formulation, note, english })
            })
            .collect()
    })
}

pub struct LexiconEntry {
    pub word: &'static str,
    pub category: &'static str,
    /// A set formulation (提法), which is a slogan; else a topic, which is a term only.
    pub formulation: bool,
    /// A gloss; for a numbered formula, `=item、item、…` spells out what it stands for.
    pub note: &'static str,
    /// Its English rendering (the established translation where there is one).
    pub english: &'static str,
}

/// The lexicon's entry for `word`, if it has one.
pub fn lexicon_entry(word: &str) -> Option<&'static LexiconEntry> {
    // FxHash: the term table, the keywords and the slogans each ask once per term, and SipHash's
    // flooding defence buys nothing for a fixed table of our own words.
    static BY_WORD: OnceLock<FxHashMap<&'static str, &'static LexiconEntry>> = OnceLock::new();
    BY_WORD.get_or_init(|| lexicon_entries().iter().map(|e| (e.word, e)).collect()).get(word).copied()
}

/// What the lexicon says of `word`, as a result carries it (its category, whether it is a
/// formulation, its English gloss), if it has an entry: renderers read the gloss from the result.
#[inline(never)] // one copy of the lookup in the wasm, not one per caller
pub fn lexicon_tag(word: &str) -> Option<crate::model::LexiconTag> {
    lexicon_entry(word).map(|e| crate::model::LexiconTag {
        category: e.category.to_string(),
        formulation: e.formulation,
        english: Some(e.english.to_string()).filter(|g| !g.is_empty()),
    })
}

/// Whether `word` is an entry of the lexicon.
pub fn is_lexicon_word(word: &str) -> bool {
    lexicon_entry(word).is_some()
}

/// The segmentation dictionary: jieba's, pruned and packed by `scripts/dictionary.mjs` (its header
/// says what is kept, why, and the format).
const PACKED_DICTIONARY: &[u8] = include_bytes!("../data/dictionary.bin");

/// The sum of the packed dictionary's frequencies: jieba's own total, kept by the pruning.
pub const DICTIONARY_TOTAL: usize = 60_101_964;

/// The frequency and tag jieba gives each lexicon word when the lexicon is added, in order, to the
/// whole dictionary with jieba's rule for keeping a word whole (see [`lexicon_frequencies`]), and
/// the dictionary frequency it replaces. Generated, so that no start-up has to work them out:
/// `cargo run --release --example lexicon_freqs > data/lexicon-freqs.tsv`; a test fails when it is
/// stale.
const LEXICON_FREQS: &str = include_str!("../data/lexicon-freqs.tsv");

/// The entry that carries the frequency of the words left out (see `scripts/dictionary.mjs`):
/// a noncharacter, so no text ever uses it as a word.
const MASS: &str = "\u{FDD0}";

/// A text at least this long has the whole dictionary loaded at once: only scanning it for new
/// character pairs would take longer than loading everything (25 ms natively; looking up the
/// 20,000 pairs of a 1 MB speech takes 16).
const LOAD_ALL_BYTES: usize = 2 * 1024 * 1024;

/// Past this many new character pairs in one text, the rest of the dictionary is loaded at once:
/// each pair is a lookup, and some 35,000 of them cost as much as loading everything (random
/// Han text has a new pair at every character).
const MAX_NEW_PREFIXES: usize = 30_000;

/// Past this many pairs looked up in all, the whole dictionary is loaded: the set of pairs would
/// otherwise grow with every new text.
const MAX_LOADED_PREFIXES: usize = 200_000;

/// A frequency column's mark for a frequency too large for 16 bits, kept aside instead.
const LARGE_FREQ: u16 = u16::MAX;

/// The packed dictionary, read in place (`scripts/dictionary.mjs` gives the format): words are
/// front-coded in blocks whose first word is whole, in code point order (checked by the tests),
/// so a word, or the words that start with a prefix, are found by a binary search over the
/// blocks' first words and a few steps within one block. Opening it copies nothing.
struct Entries {
    /// The word lines, from the first block's first word to the end of the last word. Bytes, each
    /// line checked as UTF-8 when read: a cut reads a few thousand of its 183,000 lines.
    words: &'static [u8],
    /// Per block, where its first word's line starts in `words`.
    blocks: Vec<u32>,
    /// Per block, its first word's first 8 bytes ([`leading_bytes`]): a lookup's binary search reads
    /// these 46 KB instead of a line in each of 13 places of the 1.5 MB of words (a cache miss each).
    block_keys: Vec<u64>,
    block: usize,
    /// Per word, its frequency as a u16; [`LARGE_FREQ`] says it is in `large_freqs`.
    freqs: &'static [u8],
    /// (index, frequency) of the words of frequency [`LARGE_FREQ`] or more, by index.
    large_freqs: Vec<(u32, u32)>,
    tags: &'static [u8],
    tag_names: Vec<&'static str>,
    /// A bit per word, set for an idiom of the idiom list (`scripts/dictionary.mjs` says which).
    idioms: &'static [u8],
    /// Tags for words jieba finds outside its dictionary, by their final character, sorted.
    final_tags: Vec<(char, Pos)>,
}

impl Entries {
    fn len(&self) -> usize {
        self.tags.len()
    }

    fn freq(&self, k: usize) -> usize {
        match u16::from_le_bytes([self.freqs[2 * k], self.freqs[2 * k + 1]]) {
            LARGE_FREQ => self
                .large_freqs
                .binary_search_by_key(&k, |&(at, _)| at as usize)
                .map_or(0, |i| self.large_freqs[i].1 as usize),
            small => usize::from(small),
        }
    }

    /// The tag of entry `k` (`x` for an index the tag line lacks, which the tests rule out).
    fn tag(&self, k: usize) -> &'static str {
        self.tag_names.get(usize::from(self.tags[k])).copied().unwrap_or("x")
    }

    fn is_idiom(&self, k: usize) -> bool {
        self.idioms.get(k / 8).is_some_and(|bits| bits & (1 << (k % 8)) != 0)
    }

    /// The whole first word of block `b`, as bytes: byte order is code point order.
    fn block_start(&self, b: usize) -> &'static [u8] {
        let (line, _) = next_line(&self.words[self.blocks[b] as usize..]);
        line.get(1..).unwrap_or_default()
    }

    /// Calls `visit(k, word)` for each entry from the first not before `from` (bytes: byte order is
    /// code point order), in order, until it returns false. The lines of the block before that entry
    /// are read as bytes; from it on, each line's rest is checked as UTF-8 as the word is rebuilt.
    fn walk_from(&self, from: &[u8], mut visit: impl FnMut(usize, &str) -> bool) {
        let block = self.last_block_before(from, |first| first < from).unwrap_or(0);
        let mut before = Vec::new();
        let mut word: Option<String> = None;
        // `unpack` checks the shape, the tests every word: malformed data ends the walk.
        self.walk_lines(block, |k, shared, rest_of_word| {
            let word = match &mut word {
                Some(word) => {
                    let Ok(rest_of_word) = std::str::from_utf8(rest_of_word) else { return false };
                    if !word.is_char_boundary(shared) {
                        return false;
                    }
                    word.truncate(shared);
                    word.push_str(rest_of_word);
                    word
                }
                None => {
                    before.truncate(shared);
                    before.extend_from_slice(rest_of_word);
                    if before.as_slice() < from {
                        return true;
                    }
                    let Ok(first) = String::from_utf8(std::mem::take(&mut before)) else { return false };
                    word.insert(first)
                }
            };
            visit(k, word)
        });
    }

    /// Calls `visit(k, shared, rest)` for each entry from the first of block `block` on, in order,
    /// until it returns false: entry `k` is the first `shared` bytes of the entry before it, then `rest`.
    fn walk_lines(&self, block: usize, mut visit: impl FnMut(usize, usize, &[u8]) -> bool) {
        let mut k = block * self.block;
        let mut rest = &self.words[self.blocks.get(block).map_or(self.words.len(), |&at| at as usize)..];
        let mut len = 0;
        while k < self.len() && !rest.is_empty() {
            let (line, tail) = next_line(rest);
            rest = tail;
            let Some((&coded, rest_of_word)) = line.split_first() else { return };
            let shared = usize::from(coded.saturating_sub(0x20));
            if shared > len || !visit(k, shared, rest_of_word) {
                return;
            }
            len = shared + rest_of_word.len();
            k += 1;
        }
    }

    /// The last block whose first word is `before` (which holds for the blocks up to some point and
    /// must agree with comparing with `word`): blocks of a smaller [`leading_bytes`] key are before it,
    /// those whose first 8 bytes are the word's (a long word's neighbours) are told apart whole.
    fn last_block_before(&self, word: &[u8], before: impl Fn(&[u8]) -> bool) -> Option<usize> {
        let key = leading_bytes(word);
        let equal_from = self.block_keys.partition_point(|&first| first < key);
        (equal_from..self.blocks.len())
            .take_while(|&b| self.block_keys[b] == key && before(self.block_start(b)))
            .last()
            .or_else(|| equal_from.checked_sub(1))
    }

    /// The entry of `word`. A lookup per token of every text (idioms, reference frequencies), so it
    /// compares bytes in place: a binary search over the blocks' first words, then one pass along the
    /// block, each line's rest compared with what `word` has past the bytes the line shares with
    /// the word before it. No word is rebuilt and no line is checked as UTF-8 (the tests check the data).
    fn find(&self, word: &str) -> Option<usize> {
        let word = word.as_bytes();
        let block = self.last_block_before(word, |first| first <= word)?;
        let mut rest = &self.words[self.blocks[block] as usize..];
        // How many bytes the entry before has in common with `word`; it is before `word`.
        let mut common = 0;
        for k in block * self.block..((block + 1) * self.block).min(self.len()) {
            let (line, tail) = next_line(rest);
            rest = tail;
            let (&coded, rest_of_word) = line.split_first()?;
            let shared = usize::from(coded.saturating_sub(0x20));
            // Sharing more with the entry before than `word` does, it is before `word` as that one is.
            if shared > common {
                continue;
            }
            let wanted = word.get(shared..)?;
            let same = rest_of_word.iter().zip(wanted).take_while(|(a, b)| a == b).count();
            match (rest_of_word.get(same), wanted.get(same)) {
                (None, None) => return Some(k),
                (Some(_), None) => return None,
                (Some(entry), Some(wanted)) if entry > wanted => return None,
                _ => common = shared + same,
            }
        }
        None
    }
}

/// The first 8 bytes of `word` as a number (zeros past its end), in the words' order: of two words,
/// the one with the smaller key comes first; equal keys say nothing.
fn leading_bytes(word: &[u8]) -> u64 {
    let mut bytes = [0u8; 8];
    bytes.iter_mut().zip(word).for_each(|(slot, &b)| *slot = b);
    u64::from_be_bytes(bytes)
}

/// The line at the start of `bytes` without its `\n`, and what follows it. Lines here are a few
/// bytes long, too short for `memchr` to pay off.
fn next_line(bytes: &[u8]) -> (&[u8], &[u8]) {
    match bytes.iter().position(|&b| b == b'\n') {
        Some(end) => (&bytes[..end], &bytes[end + 1..]),
        None => (bytes, &[]),
    }
}

fn entries() -> &'static Entries {
    static ENTRIES: OnceLock<Entries> = OnceLock::new();
    // Data compiled in and checked by the tests below: it cannot fail at run time.
    ENTRIES.get_or_init(|| unpack(PACKED_DICTIONARY).expect("the embedded dictionary unpacks"))
}

/// A lexicon word as jieba holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LexiconWord {
    pub word: &'static str,
    pub freq: usize,
    pub tag: &'static str,
    /// Its frequency in the packed dictionary, which `freq` replaces; 0 if it has none.
    pub replaces: usize,
}

/// The lexicon words with their frequencies ([`LEXICON_FREQS`]), in code point order: the order
/// the generator writes them in (a test holds it), so a page's first analysis sorts nothing.
fn lexicon_words() -> &'static [LexiconWord] {
    static WORDS: OnceLock<Vec<LexiconWord>> = OnceLock::new();
    WORDS.get_or_init(|| {
        LEXICON_FREQS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .filter_map(|line| {
                let [word, freq, tag, replaces] = line.split('\t').collect::<Vec<_>>()[..] else { return None };
                Some(LexiconWord { word, freq: freq.parse().ok()?, tag, replaces: replaces.parse().ok()? })
            })
            .collect()
    })
}

/// Whether `word` is one word of the dictionary: jieba's (as packed) or the lexicon.
pub fn in_dictionary(word: &str) -> bool {
    entries().find(word).is_some() || is_lexicon_word(word)
}

/// How often jieba's reference corpus of [`DICTIONARY_TOTAL`] words has `word` as one word: its
/// dictionary frequency as jieba ships it (a lexicon word's own, not the one the lexicon gives it
/// to stay whole), 0 for a word it never saw (or saw three times or less: those were pruned).
pub fn reference_frequency(word: &str) -> usize {
    let entries = entries();
    entries.find(word).map_or(0, |k| entries.freq(k))
}

/// Whether `word` is an idiom (成语) of the idiom list and a word of the dictionary, so that a
/// segmentation can hold it whole: 奋发有为 and 遥遥领先 are, 严峻形势 and 回顾过去 (jieba's `i`) are not.
pub fn is_idiom(word: &str) -> bool {
    let entries = entries();
    IDIOM_BYTES.contains(&word.len()) && entries.find(word).is_some_and(|k| entries.is_idiom(k))
}

/// How long the list's idioms are in UTF-8: 3 to 9 Han characters of three bytes each (the tests
/// check every one). A word of another length is none without a lookup, and its length is known
/// without counting characters: slogan detection asks of every token, and most are words of two.
pub const IDIOM_BYTES: std::ops::RangeInclusive<usize> = 9..=27;

/// jieba with the dictionary words the texts analysed so far can use, and the lexicon.
///
/// Building jieba's structure for all 183,000 words is most of a cold start, and a speech uses a
/// few thousand of them. A word can only change how a text is cut if it occurs in the text, so
/// before a text is cut the words starting with each of its character pairs (and each single
/// character) are added, once. The frequency of the words not yet added stays on the stand-in
/// entry U+FDD0 (`MASS`), so jieba's total, and with it every word's log-probability, is the
/// same as with the whole dictionary: a text is cut exactly as the whole dictionary would cut it.
/// (`MASS` is one character that no dictionary word contains, so its own frequency cannot change
/// a cut either.) Very long texts, texts of many new pairs, and many texts load everything at
/// once (`LOAD_ALL_BYTES`, `MAX_NEW_PREFIXES`, `MAX_LOADED_PREFIXES`).
pub struct Dictionary {
    jieba: Jieba,
    /// Prefixes whose words are in `jieba`: a character pair, or one character (its own word).
    /// As one number (see [`prefix_key`]): a long text looks up two per character.
    loaded: FxHashSet<u64>,
    /// The frequency of the entries not in `jieba` yet, carried by [`MASS`].
    pending: usize,
    mass: usize,
    complete: bool,
}

impl Dictionary {
    /// An empty jieba whose total is already the whole dictionary's with the lexicon: words come
    /// as texts need them.
    pub fn new() -> Dictionary {
        let entries = entries();
        let mass = entries.find(MASS).map_or(0, |k| entries.freq(k));
        let lexicon = lexicon_words();
        let pending = DICTIONARY_TOTAL - mass - lexicon.iter().map(|w| w.replaces).sum::<usize>()
            + lexicon.iter().map(|w| w.freq).sum::<usize>();
        let mut jieba = Jieba::empty();
        jieba.add_word(MASS, Some(mass + pending), Some("x"));
        Dictionary { jieba, loaded: FxHashSet::default(), pending, mass, complete: false }
    }

    pub fn jieba(&self) -> &Jieba {
        &self.jieba
    }

    /// Adds every word `text` can use.
    pub fn load_for(&mut self, text: &str) {
        if self.complete {
            return;
        }
        if text.len() >= LOAD_ALL_BYTES || self.loaded.len() >= MAX_LOADED_PREFIXES {
            return self.load_all();
        }
        let loaded_before = self.loaded.len();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if self.loaded.len() - loaded_before > MAX_NEW_PREFIXES {
                return self.load_all();
            }
            let pair = (c, chars.peek().copied());
            // A character alone is marked loaded before any pair it starts (the loop below): a
            // pair loaded already means both are, one lookup where a text read before asked two.
            if self.loaded.contains(&prefix_key(pair)) {
                continue;
            }
            for prefix in [(c, None), pair] {
                // Added before the prefix counts as loaded: `add` tells words loaded before by it.
                if !self.loaded.contains(&prefix_key(prefix)) {
                    let mut buf = [0u8; 8];
                    let (first, second) = prefix;
                    let len = first.encode_utf8(&mut buf).len();
                    let len = len + second.map_or(0, |s| s.encode_utf8(&mut buf[len..]).len());
                    let key = std::str::from_utf8(&buf[..len]).unwrap_or_default();
                    match second {
                        None => self.add(|w| w == key, key),
                        Some(_) => self.add(|w| w.starts_with(key), key),
                    }
                    self.loaded.insert(prefix_key(prefix));
                }
            }
        }
        self.settle_mass();
    }

    pub fn load_all(&mut self) {
        if !self.complete {
            self.add(|_| true, "");
            self.settle_mass();
            self.complete = true;
            self.loaded = FxHashSet::default();
        }
    }

    /// Adds the words to `keep`, which start at `from` (those before it are not kept, nor are any
    /// after the first not kept): first the lexicon's, with their own frequencies, then the
    /// dictionary's that jieba does not hold yet.
    fn add(&mut self, keep: impl Fn(&str) -> bool, from: &str) {
        let lexicon = lexicon_words();
        let lexicon = &lexicon[lexicon.partition_point(|w| w.word < from)..];
        let lexicon = &lexicon[..lexicon.iter().take_while(|w| keep(w.word)).count()];
        for w in lexicon {
            if !self.jieba.has_word(w.word) {
                self.jieba.add_word(w.word, Some(w.freq), Some(w.tag));
                self.pending -= w.freq;
            }
        }
        // A dictionary word jieba holds already is one of these lexicon words (they are in the same
        // order: a merge finds them) or one of a prefix loaded before; asking jieba instead was a
        // sixth of loading.
        let mut lexicon = lexicon.iter().map(|w| w.word).peekable();
        let entries = entries();
        let (jieba, pending, loaded) = (&mut self.jieba, &mut self.pending, &self.loaded);
        entries.walk_from(from.as_bytes(), |k, word| {
            if !keep(word) {
                return false;
            }
            while lexicon.next_if(|&w| w < word).is_some() {}
            let held = lexicon.peek() == Some(&word) || (!loaded.is_empty() && loaded.contains(&word_prefix_key(word)));
            if word != MASS && !held {
                jieba.add_word(word, Some(entries.freq(k)), Some(entries.tag(k)));
                *pending -= entries.freq(k);
            }
            true
        });
    }

    /// Puts the frequency of what is still to come back on [`MASS`]: jieba's total stays the same.
    fn settle_mass(&mut self) {
        self.jieba.add_word(MASS, Some(self.mass + self.pending), Some("x"));
    }
}

impl Default for Dictionary {
    fn default() -> Self {
        Dictionary::new()
    }
}

/// The lexicon's frequencies worked out from scratch, as jieba would hold them: the whole packed
/// dictionary added in order, then each lexicon word, in file order, with the frequency jieba's
/// `suggest_freq` gives it (just above what its parts would score: it stays whole). Returns that
/// jieba too: the reference a [`Dictionary`] must cut exactly as. Slow (the whole dictionary); for
/// the generator of `data/lexicon-freqs.tsv` and the tests.
pub fn lexicon_frequencies() -> (Jieba, Vec<LexiconWord>) {
    let entries = entries();
    let mut jieba = Jieba::empty();
    entries.walk_from(b"", |k, word| {
        jieba.add_word(word, Some(entries.freq(k)), Some(entries.tag(k)));
        true
    });
    let words = lexicon_entries()
        .iter()
        .map(|entry| {
            let known = entries.find(entry.word);
            let freq = jieba.suggest_freq(entry.word);
            jieba.add_word(entry.word, Some(freq), Some("nz"));
            LexiconWord {
                word: entry.word,
                freq,
                // add_word keeps the tag of a word jieba already has.
                tag: known.map_or("nz", |k| entries.tag(k)),
                replaces: known.map_or(0, |k| entries.freq(k)),
            }
        })
        .collect();
    (jieba, words)
}

/// The key of the prefix under which `word` is loaded: its first two characters, or its one.
fn word_prefix_key(word: &str) -> u64 {
    let mut chars = word.chars();
    chars.next().map_or(0, |first| prefix_key((first, chars.next())))
}

/// A prefix of [`Dictionary::loaded`] as one number: a character's 21 bits, then the second's
/// (or one past the last code point for none).
fn prefix_key((first, second): (char, Option<char>)) -> u64 {
    u64::from(first) << 21 | second.map_or(0x11_0000, u64::from)
}

/// The shared dictionary, with every word `texts` can use loaded. Hold the guard while cutting
/// and looking words up; words added meanwhile for other texts cannot change this text's cut.
pub fn dictionary_for<'a>(texts: impl IntoIterator<Item = &'a str>) -> RwLockReadGuard<'static, Dictionary> {
    update_shared(|dictionary| texts.into_iter().for_each(|text| dictionary.load_for(text)))
}

/// The shared dictionary with every word loaded, for tools that look up any word.
pub fn full_dictionary() -> RwLockReadGuard<'static, Dictionary> {
    update_shared(Dictionary::load_all)
}

/// The shared dictionary as it is, nothing loaded: it holds every word of the texts loaded so far
/// (it only grows), so an analysis of a text cut before reads it without a write.
pub fn loaded_dictionary() -> RwLockReadGuard<'static, Dictionary> {
    shared().read().unwrap_or_else(PoisonError::into_inner)
}

fn shared() -> &'static RwLock<Dictionary> {
    static SHARED: OnceLock<RwLock<Dictionary>> = OnceLock::new();
    SHARED.get_or_init(|| RwLock::new(Dictionary::new()))
}

fn update_shared(update: impl FnOnce(&mut Dictionary)) -> RwLockReadGuard<'static, Dictionary> {
    let shared = shared();
    // A whole dictionary has nothing to add: the texts analysed on many threads at once (the
    // command line) then only read it, and none waits for another's analysis to end.
    let read = shared.read().unwrap_or_else(PoisonError::into_inner);
    if read.complete {
        return read;
    }
    drop(read);
    // A panic elsewhere while the lock was held leaves the dictionary whole: words are added one
    // at a time, and a cut only needs the words of its own text.
    update(&mut shared.write().unwrap_or_else(PoisonError::into_inner));
    shared.read().unwrap_or_else(PoisonError::into_inner)
}

/// The tag for a word outside the dictionary (jieba-rs says `x`): that of the dictionary's words
/// ending in the same character (`scripts/dictionary.mjs` says why and how well it does).
fn guess_pos(word: &str) -> Pos {
    let final_tags = &entries().final_tags;
    word.chars()
        .next_back()
        // Punctuation, which jieba tags `x` as well, ends no dictionary word: no search for it.
        .filter(|&last| may_end_a_word(last))
        .and_then(|last| final_tags.binary_search_by_key(&last, |&(c, _)| c).ok())
        .map_or(Pos::OTHER, |i| final_tags[i].1)
}

/// Whether a dictionary word may end with `c`: every final character is ASCII or in the Han blocks
/// up to U+9FFF (the tests check the data).
fn may_end_a_word(c: char) -> bool {
    c.is_ascii() || ('\u{3400}'..='\u{9FFF}').contains(&c)
}

/// Opens the packed dictionary, or `None` if its shape is wrong.
fn unpack(packed: &'static [u8]) -> Option<Entries> {
    let header_end = packed.iter().position(|&b| b == b'\n')?;
    let header: Vec<&str> = std::str::from_utf8(&packed[..header_end]).ok()?.split(' ').collect();
    let [_, "6", entries, total, finals, block, large, idiom_count] = header[..] else { return None };
    let number = |s: &str| s.parse::<usize>().ok();
    let (len, finals, block) = (number(entries)?, number(finals)?, number(block)?.max(1));
    number(total)?;
    let (large, block_count) = (number(large)?, len.div_ceil(block));
    let binary = (4 * block_count)
        .checked_add(3 * len)?
        .checked_add(8 * large)?
        .checked_add(finals)?
        .checked_add(len.div_ceil(8))?;
    let (text, binary) = packed.split_at_checked(packed.len().checked_sub(binary)?)?;
    let (block_offsets, binary) = binary.split_at(4 * block_count);
    let (freqs, binary) = binary.split_at(2 * len);
    let (large_freqs, binary) = binary.split_at(8 * large);
    let (tags, binary) = binary.split_at(len);
    let (final_char_tags, idioms) = binary.split_at(finals);
    if idioms.iter().map(|b| b.count_ones() as usize).sum::<usize>() != number(idiom_count)? {
        return None;
    }
    let u32_at = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    let large_freqs: Vec<(u32, u32)> =
        large_freqs.chunks_exact(8).map(|e| (u32_at(&e[..4]), u32_at(&e[4..]))).collect();
    if !large_freqs.is_sorted_by_key(|&(at, _)| at) {
        return None;
    }

    let (tag_line, _) = next_line(text.get(header_end + 1..)?);
    let tag_names: Vec<&'static str> = std::str::from_utf8(tag_line).ok()?.split(' ').collect();
    let words_start = header_end + 1 + tag_line.len() + 1;
    let finals_start = text.strip_suffix(b"\n")?.iter().rposition(|&b| b == b'\n')? + 1;
    let words = text.get(words_start..finals_start)?;
    let blocks = block_offsets
        .chunks_exact(4)
        .map(|b| {
            let at = (u32_at(b) as usize).checked_sub(words_start)?;
            // Each block starts a line with a whole word (nothing shared).
            let starts_line = at == 0 || words.get(at - 1) == Some(&b'\n');
            (starts_line && words.get(at) == Some(&0x20)).then_some(at as u32)
        })
        .collect::<Option<Vec<_>>>()?;
    let final_tags = std::str::from_utf8(&text[finals_start..text.len() - 1])
        .ok()?
        .chars()
        .zip(final_char_tags)
        .map(|(c, &tag)| Some((c, Pos::new(tag_names.get(usize::from(tag))?))))
        .collect::<Option<Vec<_>>>()?;
    // That the frequencies sum to `total` and every tag is named is checked by the tests, not at each
    // start: the data is compiled in, and that pass over 183,000 entries was a third of opening it
    // (README, Performance). Nothing here can index out of bounds either way (`Entries::tag`).
    let block_keys = (0..blocks.len())
        .map(|b| leading_bytes(next_line(&words[blocks[b] as usize..]).0.get(1..).unwrap_or_default()))
        .collect();
    (final_tags.len() == finals).then_some(Entries {
        words,
        blocks,
        block_keys,
        block,
        freqs,
        large_freqs,
        tags,
        tag_names,
        final_tags,
        idioms,
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
pub fn overlay(tokens: Vec<Tok>, forced: &[Range<usize>]) -> Vec<Tok> {
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

/// The longest word kept whole, in characters. A quoted phrase is a unit only up to a dozen
/// (`marks::is_phrase`); a word the user adds is no longer than a name or a formulation. The
/// bound is what keeps [`find_units`] linear: a walk from each character goes no further.
pub const MAX_UNIT_CHARS: usize = 64;

/// Every occurrence of each of `words` in `text`, longest match first where they overlap,
/// sorted and non-overlapping: the shape [`segment`] takes for `forced`. Words longer than
/// [`MAX_UNIT_CHARS`] are left out. One pass over the text for all the words together: at each
/// character, the longest word starting there is found by a walk down a trie of the words (at
/// most `MAX_UNIT_CHARS` steps), and the scan goes on after it. A speech marks hundreds of units;
/// searching the text once per unit made this the costliest step of an analysis, and an
/// Aho-Corasick automaton was a sixth of our code, all compiled before the first result.
pub fn find_units<'w>(text: &str, words: impl IntoIterator<Item = &'w str>) -> Vec<Range<usize>> {
    let mut trie = Trie::default();
    words.into_iter().filter(|w| !w.is_empty() && w.chars().nth(MAX_UNIT_CHARS).is_none()).for_each(|w| trie.insert(w));
    let mut found = Vec::new();
    if trie.is_empty() {
        return found;
    }
    // Where the scan goes on: after the last word found.
    let mut next = 0;
    for (at, c) in text.char_indices() {
        if at < next || !trie.may_start(c) {
            continue;
        }
        if let Some(len) = trie.longest_prefix(&text[at..]) {
            found.push(at..at + len);
            next = at + len;
        }
    }
    found
}

/// Words by their characters: node 0 is the root, an edge is (node, character) → node.
#[derive(Default)]
struct Trie {
    edges: FxHashMap<(u32, char), u32>,
    /// Per node: a word ends there.
    ends: Vec<bool>,
    /// A bit per character of the Basic Multilingual Plane that starts a word: most characters of
    /// a text start none, and a bit test is cheaper than the root's hash lookup.
    starts: Vec<u64>,
}

impl Trie {
    fn is_empty(&self) -> bool {
        self.edges.is_empty()
    }

    fn may_start(&self, c: char) -> bool {
        let c = c as usize;
        self.starts.get(c / 64).is_none_or(|bits| bits & 1 << (c % 64) != 0)
    }

    fn insert(&mut self, word: &str) {
        if self.ends.is_empty() {
            self.ends.push(false);
            self.starts = vec![0; 0x1_0000 / 64];
        }
        if let Some(first) = word.chars().next().map(|c| c as usize).filter(|&c| c < 0x1_0000) {
            self.starts[first / 64] |= 1 << (first % 64);
        }
        let mut node = 0;
        for c in word.chars() {
            let next = self.ends.len() as u32;
            node = *self.edges.entry((node, c)).or_insert(next);
            if node == next {
                self.ends.push(false);
            }
        }
        self.ends[node as usize] = true;
    }

    /// The byte length of the longest word `text` starts with.
    fn longest_prefix(&self, text: &str) -> Option<usize> {
        let (mut node, mut longest) = (0, None);
        for (at, c) in text.char_indices() {
            let Some(&next) = self.edges.get(&(node, c)) else { break };
            node = next;
            if self.ends[node as usize] {
                longest = Some(at + c.len_utf8());
            }
        }
        longest
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words<'a>(text: &'a str, tokens: &[Tok]) -> Vec<&'a str> {
        tokens.iter().map(|t| &text[t.range()]).collect()
    }

    #[test]
    fn every_lexicon_line_has_its_five_fields() {
        for line in LEXICON.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 5, "{line}");
            let english = fields[4];
            assert!(!english.is_empty() && english.len() < 60 && english.is_ascii(), "{line}");
        }
    }

    #[test]
    fn forced_units_stay_whole_and_cover_the_text() {
        let text = "存在“县域不经济”现象，县域不经济。";
        let forced = find_units(text, ["县域不经济"]);
        let tokens = segment(dictionary_for([text]).jieba(), text, true, &forced);
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
    fn units_longer_than_the_bound_are_not_kept_whole() {
        let longest = "一".repeat(MAX_UNIT_CHARS);
        let text = longest.repeat(3);
        let bytes = longest.len();
        assert_eq!(find_units(&text, [longest.as_str()]), [0..bytes, bytes..2 * bytes, 2 * bytes..3 * bytes]);
        assert_eq!(find_units(&text, [format!("{longest}一").as_str()]), []);
    }

    #[test]
    fn lexicon_terms_are_kept_whole() {
        let text = "加快形成新质生产力，推动高质量发展。";
        let tokens = segment(dictionary_for([text]).jieba(), text, true, &[]);
        let got = words(text, &tokens);
        assert!(got.contains(&"新质生产力"), "{got:?}");
        assert!(got.contains(&"高质量发展"), "{got:?}");
    }

    #[test]
    fn packed_dictionary_holds_jiebas_total_and_its_everyday_words() {
        let entries = unpack(PACKED_DICTIONARY).expect("the embedded dictionary unpacks");
        assert_eq!((0..entries.len()).map(|k| entries.freq(k)).sum::<usize>(), DICTIONARY_TOTAL);
        let header_total = PACKED_DICTIONARY.split(|&b| b == b' ').nth(3).map(|t| std::str::from_utf8(t).unwrap_or(""));
        assert_eq!(header_total, Some(DICTIONARY_TOTAL.to_string().as_str()));
        assert!(entries.tags.iter().all(|&t| usize::from(t) < entries.tag_names.len()), "every tag is named");
        let idioms = (0..entries.len()).filter(|&k| entries.tag(k) == "i").count();
        entries.walk_from(b"", |k, word| {
            let han = word.chars().all(|c| c.len_utf8() == 3) && (3..=9).contains(&word.chars().count());
            assert!(!entries.is_idiom(k) || (han && IDIOM_BYTES.contains(&word.len())), "{word}: IDIOM_BYTES");
            true
        });
        assert!(entries.len() > 180_000 && idioms > 8_000, "{} entries, {idioms} idioms", entries.len());
        assert!(entries.final_tags.len() > 5_000, "{} final characters", entries.final_tags.len());
        // Searches rely on the order and the walk on the coding; the data is compiled in, so both
        // are checked here, word by word, rather than each time it is opened.
        let mut words = Vec::new();
        entries.walk_from(b"", |k, word| {
            assert_eq!(k, words.len());
            words.push(word.to_string());
            true
        });
        assert_eq!(words.len(), entries.len());
        assert!(words.windows(2).all(|w| w[0] < w[1]), "words in code point order");
        for (b, first) in words.iter().step_by(entries.block).enumerate() {
            assert_eq!(entries.block_start(b), first.as_bytes());
        }
        // `find` compares bytes in place: held to a plain search of the words, for every word, and
        // for strings next to words (cut short, run on, a character changed) that may be none.
        let plain = |w: &str| words.binary_search_by(|x| x.as_str().cmp(w)).ok();
        for (k, word) in words.iter().enumerate() {
            assert_eq!(entries.find(word), Some(k), "{word}");
            if k % 5 == 0 {
                let mut chars: Vec<char> = word.chars().collect();
                let last = chars.pop().unwrap_or('a');
                let short: String = chars.iter().collect();
                for near in [
                    short.clone(),
                    format!("{word}的"),
                    format!("{word}\u{0}"),
                    format!("{short}{}", char::from_u32(last as u32 + 1).unwrap_or('a')),
                ] {
                    assert_eq!(entries.find(&near), plain(&near), "{near}");
                }
            }
        }
        assert_eq!(entries.find(""), plain(""));
        assert!(entries.final_tags.windows(2).all(|w| w[0].0 < w[1].0), "final characters in order");
        assert!(entries.final_tags.iter().all(|&(c, _)| may_end_a_word(c)), "may_end_a_word admits every final");
        let full = full_dictionary();
        for word in ["我们", "经济", "现代化", "一帆风顺", "人民代表大会", "新质生产力"] {
            assert!(in_dictionary(word) && full.jieba().has_word(word), "{word}");
        }
        assert!(!in_dictionary("县域不经济"));
    }

    #[test]
    fn lexicon_frequencies_are_current() {
        let mut computed = lexicon_frequencies().1;
        crate::sort::sort_by_key(&mut computed, |w| w.word);
        // Equal to the sorted computation: current, and in the code point order the lookups need.
        assert!(
            computed == lexicon_words(),
            "data/lexicon-freqs.tsv is stale: cargo run --release --example lexicon_freqs > data/lexicon-freqs.tsv"
        );
    }

    #[test]
    fn a_lazily_loaded_dictionary_cuts_as_the_whole_one() {
        let mut lazy = Dictionary::new();
        let (reference, _) = lexicon_frequencies();
        let mut whole = Dictionary::new();
        whole.load_all();
        let texts = [
            include_str!("../tests/fixtures/seed-speech.txt"),
            include_str!("../tests/fixtures/slogans-parallel.txt"),
            "网红经济要锚定目标，一帆风顺。\u{FDD0}中国特色社会主义ABC123",
        ];
        for text in texts {
            lazy.load_for(text);
            for hmm in [true, false] {
                let expected = segment(&reference, text, hmm, &[]);
                assert_eq!(segment(lazy.jieba(), text, hmm, &[]), expected);
                assert_eq!(segment(whole.jieba(), text, hmm, &[]), expected);
            }
            let words: Vec<&str> = lazy.jieba().cut(text, true).iter().map(|t| t.word).collect();
            // MASS's own frequency does differ; it is no term (no Han, no letter), so nothing asks.
            for word in words.into_iter().filter(|&w| w != MASS) {
                assert_eq!(lazy.jieba().suggest_freq(word), reference.suggest_freq(word), "{word}");
            }
        }
        assert!(lazy.jieba().suggest_freq("新质生产力") > 1);
        // Everything loaded after that: each word added once, none left out (the frequency still
        // to come would not be 0), and the cut still the whole dictionary's, on a text never seen.
        assert_ne!(lazy.pending, 0);
        lazy.load_all();
        assert_eq!((lazy.pending, whole.pending), (0, 0));
        let unseen = include_str!("../tests/fixtures/wire-report.txt");
        assert_eq!(segment(lazy.jieba(), unseen, true, &[]), segment(&reference, unseen, true, &[]));
    }

    #[test]
    fn a_long_speech_is_looked_up_and_a_text_of_many_new_pairs_loads_everything() {
        let mut dictionary = Dictionary::new();
        // A megabyte of speech: the same pairs again and again, so looking them up stays cheap.
        dictionary.load_for(&include_str!("../tests/fixtures/seed-speech.txt").repeat(150));
        assert!(!dictionary.complete && dictionary.loaded.len() < MAX_NEW_PREFIXES);
        // Every pair of 200 characters in one text: more new pairs than are worth looking up.
        let chars: Vec<char> = ('\u{4E00}'..).take(200).collect();
        let text: String =
            chars.iter().flat_map(|&first| chars.iter().flat_map(move |&second| [first, second])).collect();
        dictionary.load_for(&text);
        assert!(dictionary.complete && dictionary.loaded.is_empty());
    }

    #[test]
    fn many_new_character_pairs_load_the_whole_dictionary_instead() {
        let mut dictionary = Dictionary::new();
        // Every pair of 600 common characters, in texts short enough to be looked up pair by pair.
        let chars: Vec<char> = ('\u{4E00}'..).take(600).collect();
        for first in &chars {
            let text: String = chars.iter().flat_map(|second| [*first, *second]).collect();
            dictionary.load_for(&text);
            assert!(dictionary.complete || dictionary.loaded.len() < MAX_LOADED_PREFIXES + 2 * text.chars().count());
        }
        assert!(dictionary.complete && dictionary.loaded.is_empty());
    }

    #[test]
    fn words_outside_the_dictionary_are_tagged_by_their_final_character() {
        for (word, class) in [("网红", "noun"), ("锚定", "verb"), ("县域化", "noun")] {
            assert!(!in_dictionary(word), "{word} is in the dictionary: pick another");
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
        let set_phrase = |pos: &Pos| matches!(pos.as_str(), "i" | "l");
        assert!(!entries().final_tags.iter().any(|(_, pos)| set_phrase(pos)), "a guess may not say set phrase");
        assert_eq!(guess_pos("，"), Pos::OTHER);
        let text = "网红经济要锚定目标。";
        let tokens = segment(dictionary_for([text]).jieba(), text, true, &[]);
        let untagged: Vec<_> = tokens.iter().filter(|t| t.pos == Pos::OTHER).map(|t| &text[t.range()]).collect();
        assert_eq!(untagged, ["。"]);
    }

    #[test]
    fn malformed_packed_dictionary_is_refused() {
        assert!(unpack(b"not a dictionary").is_none());
        assert!(unpack(&PACKED_DICTIONARY[..PACKED_DICTIONARY.len() - 1]).is_none());
    }

    #[test]
    fn pos_tags_keep_their_text() {
        assert_eq!(Pos::new("nrfg").as_str(), "nrfg");
        assert_eq!(Pos::new("").as_str(), "x");
        assert!(Pos::new("vn").is_noun());
    }
}
