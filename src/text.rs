//! Text primitives shared by every analysis: UTF-16 offsets, character classes, lines.

/// Where the numerals were before `numerals` held them: `slogans` and `check` still import them here.
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open range of UTF-16 code units.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

/// How many bytes of text one block of [`Utf16Index`] covers: a lookup counts at most this many
/// bytes, and the index costs 4 bytes per this many bytes of text.
const BLOCK_BYTES: usize = 32;

/// Maps byte offsets of a `str` to UTF-16 code-unit offsets (what JS strings index by).
pub struct Utf16Index<'t> {
    text: &'t str,
    /// The UTF-16 units before each [`BLOCK_BYTES`]-byte block. Blocks start at fixed bytes, not at
    /// char boundaries ([`utf16_len`] counts any run of bytes), so a lookup finds its block by a
    /// division: no search, and no cache miss but the block's own.
    blocks: Vec<u32>,
    len_utf16: u32,
}

impl<'t> Utf16Index<'t> {
    pub fn new(text: &'t str) -> Self {
        let mut blocks = Vec::with_capacity(text.len() / BLOCK_BYTES + 1);
        let mut units = 0u32;
        for block in text.as_bytes().chunks(BLOCK_BYTES) {
            blocks.push(units);
            units += utf16_len(block);
        }
        Utf16Index { text, blocks, len_utf16: units }
    }

    pub fn len_utf16(&self) -> u32 {
        self.len_utf16
    }

    /// The UTF-16 offset of byte offset `byte`, which must be a char boundary.
    pub fn utf16(&self, byte: usize) -> u32 {
        if byte >= self.text.len() {
            return self.len_utf16;
        }
        let block = byte / BLOCK_BYTES;
        self.blocks[block] + utf16_len(&self.text.as_bytes()[block * BLOCK_BYTES..byte])
    }

    pub fn span(&self, range: Range<usize>) -> Span {
        Span { start: self.utf16(range.start), end: self.utf16(range.end) }
    }

    /// The byte offset of UTF-16 offset `unit`, rounded down to a char boundary.
    pub fn byte(&self, unit: u32) -> usize {
        if unit >= self.len_utf16 {
            return self.text.len();
        }
        let block = self.blocks.partition_point(|&u| u <= unit) - 1;
        // The block may start inside a character: whole characters are counted from the next boundary.
        let mut byte = self.text.ceil_char_boundary(block * BLOCK_BYTES);
        let mut units = self.utf16(byte);
        for ch in self.text[byte..].chars() {
            let next = units + ch.len_utf16() as u32;
            if next > unit {
                break;
            }
            units = next;
            byte += ch.len_utf8();
        }
        byte
    }
}

/// UTF-16 code units of well-formed UTF-8, from its bytes without decoding: each leading byte
/// starts one unit, a four-byte sequence's starts two (a surrogate pair). The analyses map every
/// offset they report through this, so it runs hundreds of thousands of times on a long text.
pub(crate) fn utf16_len(utf8: &[u8]) -> u32 {
    utf8.iter().map(|&b| u32::from(b & 0xC0 != 0x80) + u32::from(b >= 0xF0)).sum()
}

/// A CJK unified ideograph (the blocks jieba segments as Han).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

/// Pasted text mixes full-width and ASCII punctuation (the sample uses `,` and `:`), so both count.
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '…' | '；' | ';')
}

pub fn is_clause_break(c: char) -> bool {
    is_sentence_end(c) || matches!(c, '，' | ',' | '：' | ':' | '、')
}

/// Blank but for the line structure: what chrome is masked with.
pub fn is_blank(c: char) -> bool {
    match c {
        // Han and most other text first: a range test, not Unicode's whitespace table.
        '\u{3001}'..='\u{FEFE}' | '\u{FF00}'..='\u{E001F}' => false,
        c => c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{3000}' | '\u{E0020}'),
    }
}

/// Paragraphs with their byte ranges, trimmed of blanks: pasted text breaks them with a newline or,
/// flattened onto one line, with a run of two or more spaces (`　　`, `\u{2003}\u{2003}`, two ASCII
/// spaces); one space is a space inside a paragraph (`构建新发展格局　实现互利共赢`).
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    paragraphs_in(text, 0..text.len())
}

/// The paragraphs of `range`, a part of `text`.
pub fn paragraphs_in(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut start = range.start;
    let mut run_start = 0;
    let mut run = 0;
    let mut at = range.start;
    while at < range.end {
        let lead = text.as_bytes()[at];
        // Its first byte tells most characters from a blank: only those that may be one are decoded.
        let c = if may_be_blank(lead) { text[at..].chars().next() } else { None };
        match c {
            Some('\n') => {
                found.extend(trim(text, start..at));
                start = at + 1;
                run = 0;
            }
            Some(c) if is_blank(c) => {
                if run == 0 {
                    run_start = at;
                }
                run += 1;
            }
            _ => {
                if run >= 2 {
                    found.extend(trim(text, start..run_start));
                    start = run_start;
                }
                run = 0;
            }
        }
        at += char_len(lead);
    }
    found.extend(trim(text, start..range.end));
    found
}

/// Where the [`is_clause_break`] characters of `s` start. Their first bytes are ASCII marks or
/// 0xE2, 0xE3, 0xEF (the tests try every character), never a Han character's, so only the few
/// characters that may break a clause are decoded.
pub(crate) fn clause_breaks(s: &str) -> impl Iterator<Item = usize> + '_ {
    let may_break = |at: &[u8]| matches!(at[0], b'!' | b',' | b':' | b';' | b'?' | 0xE2 | 0xE3 | 0xEF);
    chars_that_may_be(s, may_break).filter(|&(_, c)| is_clause_break(c)).map(|(at, _)| at)
}

/// The characters of `s` that `may_be` lets through, with where each starts. `may_be` sees the
/// bytes from a character's start and tells most characters apart by their first byte or two, so
/// a scan of a long text for a few kinds of character decodes only those that may be one.
pub(crate) fn chars_that_may_be<'a>(
    s: &'a str,
    may_be: impl Fn(&[u8]) -> bool + 'a,
) -> impl Iterator<Item = (usize, char)> + 'a {
    let bytes = s.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(&lead) = bytes.get(at) {
            let start = at;
            at += char_len(lead);
            if may_be(&bytes[start..]) {
                return s[start..].chars().next().map(|c| (start, c));
            }
        }
        None
    })
}

/// Whether the character that starts with byte `lead` may be [`is_blank`] (the tests try every
/// character): Han and most other characters start with a byte no blank starts with, so a scan
/// for blanks need not decode them.
pub(crate) fn may_be_blank(lead: u8) -> bool {
    lead <= b' ' || matches!(lead, 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF | 0xF3)
}

/// The length in bytes of the character that starts with byte `lead`.
pub(crate) fn char_len(lead: u8) -> usize {
    match lead {
        0..0x80 => 1,
        0x80..0xE0 => 2,
        0xE0..0xF0 => 3,
        _ => 4,
    }
}

/// Non-empty lines with their byte ranges, trimmed of blanks.
pub fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    text.split_inclusive('\n').filter_map(move |line| {
        let start = at;
        at += line.len();
        trim(text, start..start + line.len())
    })
}

/// `range` without leading and trailing blanks; `None` when nothing is left.
pub fn trim(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let s = &text[range.clone()];
    let lead = s.len() - s.trim_start_matches(is_blank).len();
    let body = s.trim_matches(is_blank);
    (!body.is_empty()).then(|| range.start + lead..range.start + lead + body.len())
}

/// At most `max` characters long, found without counting a long string to its end.
pub fn short(s: &str, max: usize) -> bool {
    s.chars().nth(max).is_none()
}

/// The latest year and month `text` names (`2020年11月24日`, `2025年3月`), as `year * 12 + month - 1`:
/// a speech refers back to what came before it, and its copy is dated, so this is about when it
/// was given. Years outside 1949–2100 and months outside 1–12 are no dates.
pub fn latest_month(text: &str) -> Option<u32> {
    let mut latest = None;
    for (at, _) in text.match_indices('年') {
        let year =
            text[..at].get(at.saturating_sub(4)..).filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
        let Some(year) = year.and_then(|y| y.parse::<u32>().ok()).filter(|y| (1949..=2100).contains(y)) else {
            continue;
        };
        let after = &text[at + '年'.len_utf8()..];
        let digits = after.bytes().take(2).take_while(u8::is_ascii_digit).count();
        let month =
            after[..digits].parse::<u32>().ok().filter(|m| (1..=12).contains(m) && after[digits..].starts_with('月'));
        if let Some(month) = month {
            latest = latest.max(Some(year * 12 + month - 1));
        }
    }
    latest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        let text = "a😀中\né𠀀b".repeat(100);
        let index = Utf16Index::new(&text);
        let mut units = 0;
        for (byte, ch) in text.char_indices() {
            assert_eq!(index.utf16(byte), units);
            assert_eq!(index.byte(units), byte);
            units += ch.len_utf16() as u32;
        }
        assert_eq!(index.utf16(text.len()), units);
        assert_eq!(index.len_utf16(), units);
        // Backwards and in jumps, as offsets come from different lists.
        let expected = |byte: usize| text[..byte].encode_utf16().count() as u32;
        let boundaries: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        for &byte in
            boundaries.iter().rev().chain(boundaries.iter().step_by(37)).chain(boundaries.iter().rev().step_by(101))
        {
            assert_eq!(index.utf16(byte), expected(byte), "byte {byte}");
        }
    }

    #[test]
    fn a_blank_starts_with_a_byte_may_be_blank_admits() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let lead = c.encode_utf8(&mut [0; 4]).as_bytes()[0];
            assert_eq!(char_len(lead), c.len_utf8(), "{c:?}");
            assert!(!is_blank(c) || may_be_blank(lead), "{c:?}");
            let alone = c.to_string();
            assert_eq!(clause_breaks(&alone).next().is_some(), is_clause_break(c), "{c:?}");
        }
    }

    #[test]
    fn clause_breaks_are_found_where_they_start() {
        let s = "一，二:三。…四、a!b";
        let expected: Vec<usize> = s.char_indices().filter(|&(_, c)| is_clause_break(c)).map(|(at, _)| at).collect();
        assert_eq!(clause_breaks(s).collect::<Vec<_>>(), expected);
        assert_eq!(expected.len(), 6);
    }

    #[test]
    fn paragraphs_break_at_newlines_and_runs_of_spaces() {
        let text = "  a\n\n\u{a0}b c \n甲。\u{3000}\u{3000}乙\u{3000}丙\u{2003}\u{2003}丁  e";
        let got: Vec<&str> = paragraphs(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, ["a", "b c", "甲。", "乙\u{3000}丙", "丁", "e"]);
    }

    #[test]
    fn the_latest_month_a_text_names() {
        let month = |y: u32, m: u32| Some(y * 12 + m - 1);
        assert_eq!(latest_month("（2020年11月24日）2018年1月，我在……"), month(2020, 11));
        assert_eq!(latest_month("2025年3月5日在第十四届全国人民代表大会上"), month(2025, 3));
        // No month, a month out of range, a year no speech has: no date.
        assert_eq!(latest_month("到2035年基本实现现代化，13月，9999年1月"), None);
    }
}
