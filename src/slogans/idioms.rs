//! Idioms (成语) of the published idiom list: as whole words, and those of two clauses
//! (无源之水，无本之木) found whole in the text.

use super::chars_but_common_han;
use crate::segment::{IDIOM_BYTES, Tok};
use crate::text::is_han;
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;
use std::sync::OnceLock;

/// Idioms of two clauses (无源之水，无本之木; 三天打鱼，两天晒网), from the idiom list: no segmentation
/// holds one as a word, so they are found whole in the text (its halves alone are no idiom).
const IDIOM_SAYINGS: &str = include_str!("../../data/idiom-sayings.txt");

/// Entries of the idiom list that are ordinary nouns in today's speech, not 成语 a reader would name.
const ORDINARY_NOUNS: &[(&str, &str)] = &[
    ("十字路口", "a crossroads: 站在新的十字路口"),
    ("里程碑", "a milestone: 具有里程碑意义"),
    ("议事日程", "an agenda: 提上议事日程"),
];

/// A 成语 of the idiom list, as a word: not one of its [`ORDINARY_NOUNS`].
pub(super) fn is_idiom(word: &str) -> bool {
    crate::segment::is_idiom(word) && !ORDINARY_NOUNS.iter().any(|(noun, _)| *noun == word)
}

/// Which words of an idiom's length are idioms, as asked so far of one speech: its tokens say the
/// same words again and again, and each answer is a search of the packed dictionary.
#[derive(Default)]
pub(super) struct IdiomWords<'s>(FxHashMap<&'s str, bool>);

impl<'s> IdiomWords<'s> {
    pub(super) fn is_idiom(&mut self, word: &'s str) -> bool {
        IDIOM_BYTES.contains(&word.len()) && *self.0.entry(word).or_insert_with(|| is_idiom(word))
    }
}

/// The two-clause idioms ([`IDIOM_SAYINGS`]) by their first clause.
struct Sayings {
    by_first: FxHashMap<&'static str, Vec<&'static str>>,
    /// How first clauses end: their last two characters, as one number ([`last_two`]). Few
    /// clauses of a speech end so, and only those are looked up at each length.
    endings: FxHashSet<u64>,
}

fn sayings() -> &'static Sayings {
    static SAYINGS: OnceLock<Sayings> = OnceLock::new();
    SAYINGS.get_or_init(|| {
        let mut sayings = Sayings { by_first: FxHashMap::default(), endings: FxHashSet::default() };
        for (first, second) in IDIOM_SAYINGS.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once('，'))
        {
            sayings.by_first.entry(first).or_default().push(second);
            sayings.endings.extend(last_two(first));
        }
        sayings
    })
}

/// The last two characters of `s`, as one number.
fn last_two(s: &str) -> Option<u64> {
    let mut chars = s.chars().rev();
    let (last, before) = (chars.next()?, chars.next()?);
    Some((before as u64) << 32 | last as u64)
}

/// Where `speech` says a two-clause idiom whole, its clauses joined by `，`, `,` or `、` (无源之水,
/// 无本之木), starting and ending on word boundaries of `tokens`: 三天打鱼，两天晒网, not 三天打鱼 alone.
pub(super) fn idiom_sayings(speech: &str, tokens: &[Tok]) -> Vec<Range<usize>> {
    const CLAUSE_CHARS: std::ops::RangeInclusive<usize> = 3..=7;
    let sayings = sayings();
    let starts_word = |at: usize| tokens.binary_search_by_key(&at, |t| t.start).is_ok();
    let ends_word = |at: usize| tokens.binary_search_by_key(&at, |t| t.end).is_ok();
    let mut found = Vec::new();
    for (comma, c) in chars_but_common_han(speech).filter(|&(_, c)| matches!(c, '，' | ',' | '、')) {
        if !last_two(&speech[..comma]).is_some_and(|two| sayings.endings.contains(&two)) {
            continue;
        }
        let after = &speech[comma + c.len_utf8()..];
        let han_before = speech[..comma].char_indices().rev().take_while(|&(_, c)| is_han(c));
        for (start, _) in han_before.take(*CLAUSE_CHARS.end()).skip(CLAUSE_CHARS.start() - 1) {
            let Some(seconds) = sayings.by_first.get(&speech[start..comma]) else { continue };
            let end = seconds
                .iter()
                .find(|second| after.starts_with(**second))
                .map(|second| comma + c.len_utf8() + second.len());
            if let Some(end) = end.filter(|&end| starts_word(start) && ends_word(end)) {
                found.push(start..end);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_nouns_are_in_the_idiom_list_and_no_idioms() {
        for (noun, example) in ORDINARY_NOUNS {
            assert!(crate::segment::is_idiom(noun) && !is_idiom(noun), "{noun}");
            assert!(example.contains(noun), "{example}");
        }
        assert!(is_idiom("众志成城"));
    }
}
