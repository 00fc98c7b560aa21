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

/// Which parts of speech the term table keeps: `all`, `nouns` or `verbs` in JS (`Options::pos`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum PosFilter {
    #[default]
    All,
    Nouns,
    Verbs,
}

impl PosFilter {
    /// Whether the filter keeps a word tagged `tag` as a result gives it (`Term::pos`, jieba's code).
    pub fn keeps_tag(self, tag: &str) -> bool {
        self.keeps(Pos::new(tag))
    }

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
    has_letter(word) && !is_stopword(word)
}

/// Has a Han character or a letter of any script.
fn has_letter(word: &str) -> bool {
    word.chars().any(|c| is_han(c) || c.is_alphabetic())
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
        // Sized for a word in four tokens distinct (official text has fewer), so that the tables
        // are rarely grown and rehashed. A word of up to 15 bytes (five Han characters), nearly
        // every token, is looked up by its bytes packed into one integer: hashed and compared in
        // a few instructions, where a string key is hashed byte by byte and compared by a call.
        let mut short: FxHashMap<u128, u32> = FxHashMap::with_capacity_and_hasher(tokens.len() / 4, Default::default());
        let mut long: FxHashMap<&str, u32> = FxHashMap::default();
        let mut words = Vec::with_capacity(tokens.len() / 4);
        let ids = tokens
            .iter()
            .map(|tok| {
                let text = &speech[tok.range()];
                let add = || {
                    words.push(Word::new(text));
                    (words.len() - 1) as u32
                };
                match short_key(text) {
                    Some(key) => *short.entry(key).or_insert_with(add),
                    None => *long.entry(text).or_insert_with(add),
                }
            })
            .collect();
        Vocabulary { ids, words }
    }

    pub fn word(&self, token: usize) -> &Word<'s> {
        &self.words[self.ids[token] as usize]
    }
}

impl<'s> Word<'s> {
    fn new(text: &'s str) -> Self {
        let stop = is_stopword(text);
        // One pass over the characters for all four questions (one each cost four decodings).
        let (mut chars, mut wordlike, mut letter, mut blank) = (0, false, false, true);
        for c in text.chars() {
            chars += 1;
            let han = is_han(c);
            wordlike |= han || c.is_alphanumeric();
            letter |= han || c.is_alphabetic();
            blank &= c.is_whitespace();
        }
        // `content` is [`is_content`] with the stop list asked once; `letter` is [`has_letter`].
        Word { text, chars, wordlike, content: !stop && letter, stop, blank }
    }
}

/// `text`'s bytes and its length in one integer, when it is shorter than 16 bytes: one key per text.
fn short_key(text: &str) -> Option<u128> {
    let bytes = text.as_bytes();
    (bytes.len() < 16).then(|| {
        let mut key = [0u8; 16];
        key[..bytes.len()].copy_from_slice(bytes);
        key[15] = bytes.len() as u8;
        u128::from_le_bytes(key)
    })
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

/// A term's count so far in one span, where it first occurs (a byte offset: texts are far under
/// 4 GB), and its first tag with how often it was given. A word carries one tag but where a forced
/// unit clipped it; other tags go to [`TermCounter::other_tags`]. Small, as the section counts
/// touch one per token.
#[derive(Clone, Copy)]
struct Tally {
    count: u32,
    first: u32,
    tag: Pos,
    tag_count: u32,
}

/// Counts terms over spans of one segmentation. Its tallies are indexed by word id and reset
/// after each span, so a long speech's thousands of sections each cost their own tokens only:
/// no hashing, no table built per section.
pub struct TermCounter<'v, 's> {
    vocabulary: &'v Vocabulary<'s>,
    tokens: &'v [Tok],
    /// Per word, its length in characters if it is content (saturating), else 0: one byte read
    /// per token to skip the function words and punctuation that are most of a text.
    content_chars: Vec<u8>,
    tallies: Vec<Tally>,
    /// The ids tallied in the current span, in first-seen order.
    seen: Vec<u32>,
    /// Tags other than a word's first in the current span: (id, tag, count).
    other_tags: Vec<(u32, Pos, u32)>,
}

impl<'v, 's> TermCounter<'v, 's> {
    pub fn new(vocabulary: &'v Vocabulary<'s>, tokens: &'v [Tok]) -> Self {
        let content_chars =
            vocabulary.words.iter().map(|w| if w.content { w.chars.min(u8::MAX as usize) as u8 } else { 0 }).collect();
        let unseen = Tally { count: 0, first: 0, tag: Pos::OTHER, tag_count: 0 };
        TermCounter {
            vocabulary,
            tokens,
            content_chars,
            tallies: vec![unseen; vocabulary.words.len()],
            seen: Vec::new(),
            other_tags: Vec::new(),
        }
    }

    /// The `limit` most frequent content words among `tokens[span]` with their counts, most
    /// frequent first (ties: first seen first).
    pub fn count(&mut self, span: Range<usize>, min_chars: usize, filter: PosFilter, limit: usize) -> Vec<Counted<'s>> {
        let words = &self.vocabulary.words;
        let long_enough = |id: usize| match self.content_chars[id] {
            0 => false,
            u8::MAX => words[id].chars >= min_chars,
            chars => chars as usize >= min_chars,
        };
        for (tok, &id) in self.tokens[span.clone()].iter().zip(&self.vocabulary.ids[span]) {
            if !long_enough(id as usize) {
                continue;
            }
            let tally = &mut self.tallies[id as usize];
            if tally.count == 0 {
                self.seen.push(id);
                *tally = Tally { count: 0, first: tok.start as u32, tag: tok.pos, tag_count: 0 };
            }
            tally.count += 1;
            if tally.tag == tok.pos {
                tally.tag_count += 1;
            } else {
                match self.other_tags.iter_mut().find(|(other, pos, _)| *other == id && *pos == tok.pos) {
                    Some((_, _, n)) => *n += 1,
                    None => self.other_tags.push((id, tok.pos, 1)),
                }
            }
        }
        // Ranked by one integer key, most frequent then first seen first (each word's first
        // occurrence is its own, so no two keys tie); a `Counted` is built for the winners only.
        let mut ranked: Vec<(u64, u32)> = Vec::with_capacity(self.seen.len());
        for id in self.seen.drain(..) {
            let tally = &mut self.tallies[id as usize];
            if filter == PosFilter::All || filter.keeps(Self::pos(tally, id, &self.other_tags)) {
                ranked.push((u64::from(u32::MAX - tally.count) << 32 | u64::from(tally.first), id));
            }
            // Only the count marks a tally as used: the rest is read below, before any next span.
            tally.count = 0;
        }
        // Sections ask for five of thousands of words: pick them before sorting.
        if limit < ranked.len() {
            ranked.select_nth_unstable_by_key(limit, |&(key, _)| key);
            ranked.truncate(limit);
        }
        crate::sort::sort_by_key(&mut ranked, |&(key, _)| key);
        let counted = ranked
            .into_iter()
            .map(|(key, id)| {
                let (count, first) = (u32::MAX - (key >> 32) as u32, key as u32 as usize);
                let pos = Self::pos(&self.tallies[id as usize], id, &self.other_tags);
                Counted { term: words[id as usize].text, id, count, pos, first }
            })
            .collect();
        self.other_tags.clear();
        counted
    }

    /// The tag given most often; ties go to the lesser tag.
    fn pos(tally: &Tally, id: u32, other_tags: &[(u32, Pos, u32)]) -> Pos {
        let others = other_tags.iter().filter(|(other, ..)| *other == id).map(|&(_, pos, n)| (pos, n));
        std::iter::once((tally.tag, tally.tag_count))
            .chain(others)
            .max_by_key(|&(pos, n)| (n, std::cmp::Reverse(pos)))
            .map_or(Pos::OTHER, |(pos, _)| pos)
    }
}

/// A keyword: a term the speech uses significantly more than ordinary text and official speech in
/// general do.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyness {
    pub term: String,
    /// Log-likelihood G² of the term's count here against its frequency in the reference.
    pub log_likelihood: f64,
    /// How many times as often the speech says the term as the reference would in as many words:
    /// (count + [`KEYWORD_PRIOR`]) ÷ (expected count + [`KEYWORD_PRIOR`]).
    pub times: f64,
}

/// G² at or above this is significant at p < 0.0001 (one degree of freedom): a speech has
/// thousands of terms, and a looser cut-off lets chance through.
pub(crate) const MIN_LOG_LIKELIHOOD: f64 = 15.13;

/// A keyword is said at least this often (twice in a speech of under 1,000 words): a word said
/// once, however rare elsewhere, is no keyword.
const MIN_KEYWORD_COUNT: u32 = 3;

/// The frequency a term the reference never has is counted with, so that its ratio is finite.
pub(crate) const ZERO_FREQUENCY: f64 = 0.5;

/// Official speech in general: the lines every speech of these years says, whatever its subject
/// (see the file's header). A term it says often is no keyword of a speech that says it too.
const OFFICIAL_REFERENCE: &str = include_str!("../data/official-reference.txt");

/// Han characters to a word of official speech, to count the reference's words.
const CHARS_PER_WORD: f64 = 1.6;

/// How often official speech says any one formulation of the lexicon the reference does not say:
/// once in 10,000 words. A formulation is no rare word: a speech that says it three times says a
/// set phrase, not its subject.
const FORMULATION_RATE: f64 = 1.0 / 10_000.0;

/// Counts added to both sides of the ratio that ranks keywords: the evidence of a term said 4 times
/// is thin, of one said 30 times strong, so that of two terms the reference never says, the one
/// said more ranks higher (30 times: 16×; 4 times: 3×).
const KEYWORD_PRIOR: f64 = 2.0;

/// The official reference, read once: its text without comments, its size in words, and its
/// suffixes in order, so that counting a term is two binary searches instead of a scan of the text
/// for each of a long report's thousands of terms.
struct OfficialReference {
    text: String,
    words: f64,
    /// The byte offset of every character of `text`, ordered by the text that starts there.
    suffixes: Vec<u32>,
}

impl OfficialReference {
    fn get() -> &'static OfficialReference {
        static REFERENCE: OnceLock<OfficialReference> = OnceLock::new();
        REFERENCE.get_or_init(|| Self::new(OFFICIAL_REFERENCE.lines().filter(|l| !l.starts_with('#')).collect()))
    }

    fn new(text: String) -> Self {
        let words = (text.chars().filter(|&c| is_han(c)).count() as f64 / CHARS_PER_WORD).max(1.0);
        let mut suffixes: Vec<u32> = text.char_indices().map(|(i, _)| i as u32).collect();
        crate::sort::sort_by_key(&mut suffixes, |&i| &text[i as usize..]);
        OfficialReference { text, words, suffixes }
    }

    /// How many times `term` occurs, counted as `str::matches` counts (leftmost first, never
    /// overlapping: 哈哈 is in 哈哈哈 once).
    fn count(&self, term: &str) -> usize {
        let suffix = |i: &u32| &self.text[*i as usize..];
        let first = self.suffixes.partition_point(|i| suffix(i) < term);
        let len = self.suffixes[first..].partition_point(|i| suffix(i).starts_with(term));
        // Occurrences of a term that cannot overlap itself all count, in any order: most terms.
        if len < 2 || !overlaps_itself(term) {
            return len;
        }
        let mut starts: Vec<u32> = self.suffixes[first..first + len].to_vec();
        crate::sort::sort_by_key(&mut starts, |&start| start);
        let mut free_from = 0;
        starts
            .iter()
            .filter(|&&start| {
                let taken = start >= free_from;
                if taken {
                    free_from = start + term.len() as u32;
                }
                taken
            })
            .count()
    }
}

/// Whether two occurrences of `term` can overlap: an end of it is also its start (哈哈, 一个一).
fn overlaps_itself(term: &str) -> bool {
    term.char_indices().skip(1).any(|(i, _)| term.starts_with(&term[i..]))
}

/// Keywords by keyness, as corpus linguistics measures it (Dunning's log-likelihood as the
/// significance): each term's count among the speech's `tokens_total` words against its
/// frequency in the reference, the more of what ordinary text (jieba's reference corpus, of
/// [`DICTIONARY_TOTAL`](crate::segment::DICTIONARY_TOTAL) words) and official speech in general
/// ([`official_frequency`]) say. Kept: terms said more here than there, at least
/// [`MIN_KEYWORD_COUNT`] times, with G² ≥ [`MIN_LOG_LIKELIHOOD`]; ranked by how many times as often
/// they are said here ([`Keyness::times`]), so that the words every speech says (发展, 高质量发展,
/// 新时代) rank below the speech's own, and a term said 30 times above one said 4.
pub fn keywords(jieba: &jieba_rs::Jieba, counted: &[Counted], tokens_total: u32, limit: usize) -> Vec<Keyness> {
    let here_total = f64::from(tokens_total.max(1));
    let there_total = crate::segment::DICTIONARY_TOTAL as f64;
    let min_count = if tokens_total < 1000 { 2 } else { MIN_KEYWORD_COUNT };
    let mut found: Vec<Keyness> = counted
        .iter()
        .filter(|c| c.count >= min_count)
        .filter_map(|c| {
            let here = f64::from(c.count);
            // Looked up once for both frequencies (a hash of the term each time).
            let lexicon = crate::segment::lexicon_entry(c.term);
            let there = reference_frequency(jieba, c.term, lexicon.is_some())
                .max(official_frequency(c.term, lexicon.is_some_and(|e| e.formulation)) * there_total);
            let log_likelihood = log_likelihood(here, here_total, there, there_total);
            let expected = there.max(ZERO_FREQUENCY) / there_total * here_total;
            (here > expected && log_likelihood >= MIN_LOG_LIKELIHOOD).then(|| Keyness {
                term: c.term.to_string(),
                log_likelihood,
                times: (here + KEYWORD_PRIOR) / (expected + KEYWORD_PRIOR),
            })
        })
        .collect();
    crate::sort::sort_by(&mut found, |a, b| {
        b.times.total_cmp(&a.times).then(b.log_likelihood.total_cmp(&a.log_likelihood)).then(a.term.cmp(&b.term))
    });
    found.truncate(limit);
    found
}

/// How often ordinary text says `term`: its frequency in jieba's reference corpus; for a word the
/// corpus lacks, what its characters suggest (jieba's estimate: 这是 or 之心 cut out of 人民群众之心
/// is common, 新冠 is not); a formulation of the lexicon is counted as absent, which it is.
fn reference_frequency(jieba: &jieba_rs::Jieba, term: &str, in_lexicon: bool) -> f64 {
    match crate::segment::reference_frequency(term) {
        0 if !in_lexicon => jieba.suggest_freq(term) as f64,
        known => known as f64,
    }
}

/// How often official speech in general says `term`, per word: as often as the official reference
/// says its characters, and a `formulation` of the lexicon at least [`FORMULATION_RATE`].
fn official_frequency(term: &str, formulation: bool) -> f64 {
    let reference = OfficialReference::get();
    let said = if term.chars().nth(1).is_some() { reference.count(term) as f64 / reference.words } else { 0.0 };
    said.max(if formulation { FORMULATION_RATE } else { 0.0 })
}

/// Dunning's G² for a count `a` of `n` words against `b` of `m`: 2 Σ O ln(O/E) over the two corpora.
pub(crate) fn log_likelihood(a: f64, n: f64, b: f64, m: f64) -> f64 {
    let expected = |total: f64| total * (a + b) / (n + m);
    let term = |observed: f64, expected: f64| if observed > 0.0 { observed * (observed / expected).ln() } else { 0.0 };
    2.0 * (term(a, expected(n)) + term(b, expected(m)))
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
    // Most windows are said once: they are counted first, and only the candidates said twice or
    // more get a list of occurrences (one allocation per window was half the cost). Each length
    // has at most a window per word, so the tables are sized once and reused: growing them
    // (rehashing) cost as much as filling them.
    let mut class_of: FxHashMap<&str, u32> = FxHashMap::with_capacity_and_hasher(words.len(), Default::default());
    let mut classes: Vec<(Range<usize>, usize, u32)> = Vec::with_capacity(words.len()); // (first range, its window, count)
    let mut windows: Vec<(Range<usize>, u32)> = Vec::with_capacity(words.len());
    // Compared as a tag, not as its text (decoding it was a tenth of the window loop).
    let preposition = Pos::new("p");
    for n in PHRASE_WORDS.rev() {
        class_of.clear();
        for i in (0..words.len()).filter(|&i| run[i] >= n) {
            let (first, last) = (&tokens[words[i]], &tokens[words[i + n - 1]]);
            if vocabulary.word(words[i + n - 1]).stop || (vocabulary.word(words[i]).stop && first.pos != preposition) {
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
            .drain(..)
            .map(|(range, i, count)| {
                let text = &speech[range];
                (count >= 2 && text.chars().filter(|&c| is_han(c)).count() >= 4).then(|| {
                    found.push((text, Vec::with_capacity(count as usize), i, n));
                    found.len() - 1
                })
            })
            .collect();
        for (range, class) in windows.drain(..) {
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
    most_said_first(joined_pieces(speech, kept))
}

/// `phrases` ranked: the most said first, then the longest, then the first said. Each phrase's
/// rank is computed once, not at each comparison (counting its characters again and again was
/// most of the sort).
fn most_said_first(phrases: Vec<(&str, Vec<Range<usize>>)>) -> Vec<(&str, Vec<Range<usize>>)> {
    let mut ranked: Vec<_> = phrases
        .into_iter()
        .map(|(text, occ)| {
            ((std::cmp::Reverse(occ.len()), std::cmp::Reverse(text.chars().count()), occ[0].start), text, occ)
        })
        .collect();
    crate::sort::sort_by_key(&mut ranked, |&(rank, ..)| rank);
    ranked.into_iter().map(|(_, text, occ)| (text, occ)).collect()
}

/// Phrases said as often whose occurrences overlap pairwise, each pair at the same distance, are
/// pieces of one longer stretch said that often (a window holds six words at most): they are
/// listed as that stretch, not as overlapping pieces of one sentence.
fn joined_pieces<'s>(
    speech: &'s str,
    mut phrases: Vec<(&'s str, Vec<Range<usize>>)>,
) -> Vec<(&'s str, Vec<Range<usize>>)> {
    crate::sort::sort_by_key(&mut phrases, |(_, occ)| (occ.len(), occ[0].start, std::cmp::Reverse(occ[0].end)));
    let mut joined: Vec<Vec<Range<usize>>> = Vec::with_capacity(phrases.len());
    // The joined stretches whose first occurrence a later piece may still overlap.
    let mut open: Vec<usize> = Vec::new();
    for (_, occurrences) in phrases {
        let count = occurrences.len();
        open.retain(|&k| joined[k].len() == count && joined[k][0].end > occurrences[0].start);
        match open.iter().find_map(|&k| one_stretch(&joined[k], &occurrences).map(|union| (k, union))) {
            Some((k, union)) => joined[k] = union,
            None => {
                open.push(joined.len());
                joined.push(occurrences);
            }
        }
    }
    joined.into_iter().map(|occ| (&speech[occ[0].clone()], occ)).collect()
}

/// The occurrences of the stretch `a` and `b` are pieces of: each of `b`'s overlaps `a`'s of the
/// same rank at one distance, and the stretches do not overlap one another.
fn one_stretch(a: &[Range<usize>], b: &[Range<usize>]) -> Option<Vec<Range<usize>>> {
    let shift = b[0].start as isize - a[0].start as isize;
    let pieces = a
        .iter()
        .zip(b)
        .all(|(x, y)| y.start as isize - x.start as isize == shift && y.start < x.end && x.start < y.end);
    let union: Vec<Range<usize>> = a.iter().zip(b).map(|(x, y)| x.start.min(y.start)..x.end.max(y.end)).collect();
    (pieces && union.windows(2).all(|w| w[0].end <= w[1].start)).then_some(union)
}

/// Each occurrence of `term` (as a word of the segmentation, or as text when it is no single
/// word, or `anywhere` as text) with up to `width` characters either side, not reaching past the line.
pub fn concordance(
    speech: &str,
    tokens: &[Tok],
    term: &str,
    width: usize,
    anywhere: bool,
) -> Vec<(Range<usize>, Range<usize>, Range<usize>)> {
    if term.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<Range<usize>> = if anywhere {
        Vec::new()
    } else {
        tokens.iter().filter(|t| &speech[t.range()] == term).map(Tok::range).collect()
    };
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokens over `words` joined with nothing between them, each with its tag.
    fn tokens(words: &[(&str, &str)]) -> (String, Vec<Tok>) {
        let (mut text, mut toks) = (String::new(), Vec::new());
        for (word, tag) in words {
            toks.push(Tok { start: text.len(), end: text.len() + word.len(), pos: Pos::new(tag) });
            text.push_str(word);
        }
        (text, toks)
    }

    /// The suffix index counts what a scan of the reference counts: every piece of the reference of
    /// 2 to 8 characters, pieces that overlap themselves (哈哈 in 哈哈哈), and words it lacks.
    #[test]
    fn official_reference_counts_as_a_scan_does() {
        let reference = OfficialReference::get();
        let chars: Vec<(usize, char)> = reference.text.char_indices().collect();
        let mut checked = 0;
        for (i, &(start, _)) in chars.iter().enumerate().step_by(7) {
            for len in 2..=8 {
                let Some(&(end, _)) = chars.get(i + len) else { break };
                let term = &reference.text[start..end];
                assert_eq!(reference.count(term), reference.text.matches(term).count(), "{term}");
                checked += 1;
            }
        }
        assert!(checked > 1000, "{checked} pieces checked");
        for term in ["高质量发展", "新时代", "飞地经济", "。", "\u{10FFFF}"] {
            assert_eq!(reference.count(term), reference.text.matches(term).count(), "{term}");
        }
        let overlapping = OfficialReference::new("哈哈哈，哈哈哈哈".into());
        assert_eq!(overlapping.count("哈哈"), 3);
        assert_eq!(overlapping.count("哈哈哈"), 2);
    }

    #[test]
    fn counts_by_span_with_each_terms_most_given_tag() {
        let (text, toks) = tokens(&[
            ("发展", "vn"),
            ("的", "uj"),
            ("改革", "v"),
            ("发展", "v"),
            ("发展", "v"),
            ("改革", "vn"),
            ("改革", "vn"),
            ("开放", "v"),
        ]);
        let vocabulary = Vocabulary::new(&text, &toks);
        let mut counter = TermCounter::new(&vocabulary, &toks);
        let got = |c: Vec<Counted>| {
            c.into_iter().map(|c| (c.term.to_string(), c.count, c.pos.as_str().to_string())).collect::<Vec<_>>()
        };
        let all = counter.count(0..toks.len(), 2, PosFilter::All, 10);
        assert_eq!(
            got(all),
            [("发展".into(), 3, "v".into()), ("改革".into(), 3, "vn".into()), ("开放".into(), 1, "v".into())]
        );
        // A later span starts afresh; the limit keeps the most frequent, first seen first on ties
        // (发展 is said as often), and a tie of tags goes to the lesser one.
        assert_eq!(got(counter.count(2..6, 2, PosFilter::All, 1)), [("改革".into(), 2, "v".into())]);
        assert_eq!(got(counter.count(0..toks.len(), 2, PosFilter::Nouns, 10)), [("改革".into(), 3, "vn".into())]);
        assert_eq!(counter.count(0..toks.len(), 3, PosFilter::All, 10).len(), 0);
    }

    #[test]
    fn stopword_list_is_loaded() {
        for w in ["的", "了", "在", "是", "和"] {
            assert!(is_stopword(w), "{w}");
        }
        assert!(!is_stopword("发展"));
    }
}
