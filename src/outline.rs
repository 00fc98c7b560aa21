//! The numbered skeleton of a speech: sections at every level, and the numbering slips a careful
//! reader would catch (a gap, a duplicate, numbers out of order, an announced count not kept).
//!
//! Levels come from the order marker styles appear in, not from a fixed ranking: the first style
//! seen is level 1, a new style met inside a section nests under it, and a style already open
//! closes everything opened after it.

use crate::address::is_address;
use crate::finding::{Evidence, Flagged, SeenMarker};
use crate::numerals::{chinese_number, chinese_numeral, split_marker_numeral};
use crate::rules::Rule;
use crate::text::{is_blank, is_clause_break, is_han, is_sentence_end};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// A way of numbering parts, with a real example of each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    /// `第一，要注重新的生产要素的组合。` / `第二部分` / `第三条`, with its unit (`""` for bare 第一):
    /// 第一部分 and 第一条 are two series, the 条 nested in the 部分.
    Ordinal(&'static str),
    /// `一、总体要求`
    HanComma,
    /// `（一）坚持党的领导` / `(二)`
    HanParen,
    /// `1. 加强组织领导` / `2、`
    Arabic,
    /// `（1）` / `(2)`
    ArabicParen,
    /// `①` … `⑳`
    Circled,
    /// `一是提升…能力。二是分业施策…` / `一要狠抓工作落实。二要…`, with its verb.
    Shi(&'static str),
    /// `首先，…其次，…再次，…最后，…`
    Sequence,
}

impl Style {
    /// How a marker of this style with number `n` is written, for "expected 第三" messages.
    pub fn render(self, n: u32) -> String {
        let han = chinese_numeral(n);
        match self {
            Style::Ordinal(unit) => format!("第{han}{unit}"),
            Style::HanComma => format!("{han}、"),
            Style::HanParen => format!("（{han}）"),
            Style::Arabic => format!("{n}."),
            Style::ArabicParen => format!("（{n}）"),
            Style::Circled => char::from_u32(0x2460 + n.saturating_sub(1)).map_or(n.to_string(), String::from),
            Style::Shi(verb) => format!("{han}{verb}"),
            Style::Sequence => {
                ["首先", "其次", "再次"].get(n.saturating_sub(1) as usize).unwrap_or(&"最后").to_string()
            }
        }
    }

    /// Styles that are often written mid-sentence (after a colon or comma) and not only at a sentence's start.
    fn runs_inline(self) -> bool {
        matches!(self, Style::Shi(_) | Style::Sequence | Style::Circled)
    }

    /// Styles that can follow a heading with no stop in between, as flattened text runs
    /// `一、总体要求（一）指导思想`: bracketed and circled numbers are never words.
    fn follows_heading(self) -> bool {
        matches!(self, Style::HanParen | Style::ArabicParen | Style::Circled)
    }
}

/// A marker found in the text.
#[derive(Clone, Debug)]
struct Marker {
    style: Style,
    ordinal: u32,
    /// The marker as written.
    range: Range<usize>,
    /// Not at the start of a paragraph: its section ends with the paragraph.
    inline: bool,
    /// Right after a colon: may be a list inside a sentence (`三件事：1.稳就业，2.保民生`).
    after_colon: bool,
    paragraph_end: usize,
    /// How many sentences came before it.
    sentence: usize,
}

/// A section by byte ranges; `analyze` turns it into the public `Section`.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub style: Style,
    pub ordinal: u32,
    pub level: u32,
    pub marker: Range<usize>,
    pub heading: Range<usize>,
    pub range: Range<usize>,
    pub children: Vec<Node>,
}

/// `我谈几点体会` → count `None` (几); `讲四个方面` → `Some(4)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Announcement {
    pub count: Option<u32>,
    pub range: Range<usize>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct OutlineTree {
    pub sections: Vec<Node>,
    /// The numbering slips, at the marker (or announcement) each concerns.
    pub issues: Vec<Flagged>,
    pub announced: Option<Announcement>,
}

/// Builds the outline of `speech` (chrome already blanked) within `body` (after the salutation);
/// sections stop at `end` (where the closing starts, or the body's end). `paragraphs` are the
/// paragraphs as pasted (`text::paragraphs` of the text before blanking: a blanked caption is no break).
pub fn build(speech: &str, body: Range<usize>, end: usize, paragraphs: &[Range<usize>]) -> OutlineTree {
    let end = end.max(body.start);
    let markers = find_markers(speech, body.start..end, paragraphs);
    let mut tree = OutlineTree { sections: nest(speech, &markers, end, paragraphs), ..OutlineTree::default() };
    check_series(&tree.sections, &mut HashMap::new(), &mut tree.issues);
    let first_top = tree.sections.first().map_or(end, |s| s.range.start);
    tree.announced = find_announcement(speech, body.start..first_top);
    let parts = tree.sections.len() as u32;
    if let Some(announced) = &tree.announced
        && let Some(count) = announced.count.filter(|&c| parts > 0 && c != parts)
    {
        let series = evidence(&tree.sections, 0);
        let evidence = Evidence::Count { announced: count, parts, level: 1, series };
        tree.issues.push(Flagged { range: announced.range.clone(), evidence });
    }
    crate::sort::sort_by_key(&mut tree.issues, |i| i.range.start);
    tree
}

/// Where a marker may stand, as a scan goes: what came before the character it is at.
struct Position {
    paragraph_start: bool,
    /// After a paragraph's start, a sentence's end, a colon or a blanked piece of chrome.
    after_break: bool,
    after_clause: bool,
    /// Inside a marker's first sentence: a heading that flattened text may run into the next marker.
    in_heading: bool,
    after_colon: bool,
}

impl Position {
    /// At a paragraph's start, or (`paragraph` false) after chrome blanked inside a paragraph
    /// (a caption before 第二), which ends what stood before it.
    fn open(&mut self, paragraph: bool) {
        self.paragraph_start |= paragraph;
        self.after_break = true;
        self.after_clause = true;
        self.in_heading = false;
    }

    /// Most characters follow a word: no marker can start there, so none is looked for.
    fn may_start(&self) -> bool {
        self.paragraph_start || self.after_break || self.after_clause || self.in_heading
    }

    fn admits(&self, style: Style) -> bool {
        self.paragraph_start
            || self.after_break
            || (style.runs_inline() && self.after_clause)
            || (style.follows_heading() && self.in_heading)
    }

    fn after_marker(&mut self) {
        *self = Position { in_heading: true, ..Position::NOWHERE };
    }

    fn after_char(&mut self, ch: char) {
        self.paragraph_start = false;
        self.after_break = is_sentence_end(ch) || matches!(ch, '：' | ':');
        self.after_clause = is_clause_break(ch);
        self.in_heading &= !is_sentence_end(ch);
        self.after_colon = matches!(ch, '：' | ':');
    }

    const NOWHERE: Position = Position {
        paragraph_start: false,
        after_break: false,
        after_clause: false,
        in_heading: false,
        after_colon: false,
    };
}

/// Every marker in `range`, in text order.
fn find_markers(speech: &str, range: Range<usize>, paragraphs: &[Range<usize>]) -> Vec<Marker> {
    let mut markers = scan_markers(speech, range, paragraphs);
    drop_colon_lists(&mut markers);
    drop_lists(&mut markers);
    drop_contents(&mut markers);
    drop_sequences_without_middle(&mut markers);
    number_sequences(&mut markers);
    drop_lone_points(&mut markers);
    markers
}

/// Every marker that stands where a marker may stand (see [`Position`]), in one pass.
fn scan_markers(speech: &str, range: Range<usize>, paragraphs: &[Range<usize>]) -> Vec<Marker> {
    let mut markers = Vec::new();
    let mut position = Position { paragraph_start: true, after_break: true, after_clause: true, ..Position::NOWHERE };
    let mut at = range.start;
    let bytes_end = range.end.min(speech.len());
    // The paragraph of the open 首先 sequence, while it is open: a 其次 inside a later paragraph's
    // prose (`……；其次，要……`) is a word, and 最后 closes the sequence.
    let mut sequence_open: Option<usize> = None;
    // End of the paragraph `at` is in, found once per paragraph (a 10 MB text may be one line).
    let mut paragraph_end = 0;
    // Sentences seen so far: markers of one style within one sentence are a list, not parts.
    let mut sentence = 0;
    let mut blanks = 0;
    let mut next_paragraph = 0;
    while at < bytes_end {
        if at >= paragraph_end {
            while paragraphs.get(next_paragraph).is_some_and(|p| p.end <= at) {
                next_paragraph += 1;
            }
            paragraph_end = paragraphs.get(next_paragraph).map_or(bytes_end, |p| p.end.min(bytes_end));
            position.open(true);
        }
        let rest = &speech[at..bytes_end];
        let Some(ch) = rest.chars().next() else { break };
        if is_blank(ch) {
            blanks += 1;
            if blanks == 2 {
                position.open(false);
            }
            at += ch.len_utf8();
            continue;
        }
        blanks = 0;
        // Inside a run of words a Han character changes nothing (it is no blank, break or mark): stepped over.
        if !position.may_start() && is_han(ch) {
            at += ch.len_utf8();
            continue;
        }
        let found = if position.may_start() { match_marker(rest) } else { None };
        if let Some((style, ordinal, len)) = found.filter(|(style, ..)| position.admits(*style)) {
            // 首先 opens a sequence; 其次/最后 without one are ordinary words.
            let in_sequence = sequence_open.is_some_and(|p| position.paragraph_start || p == paragraph_end);
            if style != Style::Sequence || ordinal == 1 || in_sequence {
                if style == Style::Sequence {
                    sequence_open = (ordinal != 0).then_some(paragraph_end);
                }
                let (inline, after_colon) = (!position.paragraph_start, position.after_colon);
                markers.push(Marker {
                    style,
                    ordinal,
                    range: at..at + len,
                    inline,
                    after_colon,
                    paragraph_end,
                    sentence,
                });
                position.after_marker();
                at += len;
                continue;
            }
        }
        sentence += usize::from(is_sentence_end(ch));
        position.after_char(ch);
        at += ch.len_utf8();
    }
    markers
}

/// A list inside a sentence numbers no part: after a colon, a marker needs a sibling in its paragraph.
fn drop_colon_lists(markers: &mut Vec<Marker>) {
    let mut per_paragraph: HashMap<(usize, Style), usize> = HashMap::new();
    for m in markers.iter() {
        *per_paragraph.entry((m.paragraph_end, m.style)).or_default() += 1;
    }
    markers.retain(|m| !(m.inline && m.after_colon && per_paragraph[&(m.paragraph_end, m.style)] < 2));
}

/// A lone 一是 counts nothing: a series needs a second member.
fn drop_lone_points(markers: &mut Vec<Marker>) {
    for verb in SHI_VERBS {
        if markers.iter().filter(|m| m.style == Style::Shi(verb)).count() < 2 {
            markers.retain(|m| m.style != Style::Shi(verb));
        }
    }
}

/// Drops each 首先 run (a 首先 and the sequence words up to the next 首先) that has no 其次 or 再次:
/// 首先 and 最后 alone open a thank-you and a good wish (首先，我代表……；最后，预祝……).
fn drop_sequences_without_middle(markers: &mut Vec<Marker>) {
    let mut keep = vec![true; markers.len()];
    let sequence: Vec<usize> = (0..markers.len()).filter(|&i| markers[i].style == Style::Sequence).collect();
    for run in sequence.chunk_by(|_, &next| markers[next].ordinal != 1) {
        if !run.iter().any(|&i| (2..=3).contains(&markers[i].ordinal)) {
            run.iter().for_each(|&i| keep[i] = false);
        }
    }
    let mut keep = keep.into_iter();
    markers.retain(|_| keep.next().unwrap_or(true));
}

/// Drops the items of lists inside one sentence (`三件事：一是同大家谈谈心，二是给大家鼓鼓劲，三是……。`):
/// markers of one style that follow each other within a sentence number no parts.
fn drop_lists(markers: &mut Vec<Marker>) {
    let in_list: Vec<bool> = (0..markers.len())
        .map(|i| {
            let same_sentence = |j: usize| {
                markers
                    .get(j)
                    .is_some_and(|n: &Marker| n.style == markers[i].style && n.sentence == markers[i].sentence)
            };
            markers[i].inline && (same_sentence(i + 1) || i.checked_sub(1).is_some_and(same_sentence))
        })
        .collect();
    let mut keep = in_list.iter().map(|l| !l);
    markers.retain(|_| keep.next().unwrap_or(true));
}

/// Drops a table of contents run into a paragraph (`报告分六个部分：一、……；二、……。`): markers
/// inside one paragraph, the first after a colon, whose style opens a paragraph of its own later
/// with 一 (the parts themselves).
fn drop_contents(markers: &mut Vec<Marker>) {
    let mut keep = vec![true; markers.len()];
    for (i, m) in markers.iter().enumerate() {
        let opens_run = m.inline && m.after_colon && (i == 0 || markers[i - 1].paragraph_end != m.paragraph_end);
        // Looked for only where a run opens: every marker reading all that follow it was quadratic.
        let parts_follow = || {
            markers[i + 1..]
                .iter()
                .any(|n| n.style == m.style && !n.inline && n.ordinal == 1 && n.range.start >= m.paragraph_end)
        };
        if opens_run && parts_follow() {
            for (j, n) in markers.iter().enumerate().skip(i) {
                if n.paragraph_end != m.paragraph_end {
                    break;
                }
                keep[j] &= n.style != m.style;
            }
        }
    }
    let mut keep = keep.into_iter();
    markers.retain(|_| keep.next().unwrap_or(true));
}

/// 最后 closes a 首先 sequence whatever its length: give it the next number.
fn number_sequences(markers: &mut [Marker]) {
    let mut last = 0;
    for m in markers.iter_mut().filter(|m| m.style == Style::Sequence) {
        if m.ordinal == 0 {
            m.ordinal = last + 1;
        }
        last = m.ordinal;
    }
}

/// Whether `line` opens with a section marker: such a line is speech, never a page's title.
pub fn opens_section(line: &str) -> bool {
    match_marker(line).is_some()
}

/// What may follow 第一 in a marker: `第一部分`, `第一个方面`, `第一方面`, `第一个问题`, `第一条`.
const ORDINAL_UNITS: &[&str] = &["部分", "个方面", "方面", "个问题", "条"];

/// What follows 一 in a series of points: `一是…，二是…`, `一要狠抓工作落实。二要…`.
const SHI_VERBS: [&str; 2] = ["是", "要"];

/// A marker read at the start of a text: its style, number and length in bytes.
type Read = Option<(Style, u32, usize)>;

/// A reader of one style of marker.
type MarkerRule = Rule<fn(&str) -> Read>;

/// How each style of marker is written: a reader per style, with texts it must read as a marker
/// at their start and texts in which no style may read one (`outline::tests` runs them all).
/// The readers exclude each other (each starts with its own characters), so their order is free.
const MARKERS: &[MarkerRule] = &[
    Rule {
        kind: "ordinal",
        catches: &["第一，要注重新的生产要素的组合。", "第二部分 总体要求", "第三条", "第十二、"],
        leaves: &["第一次召开", "第一时间", "第一书记", "第一条件"],
        find: ordinal_marker,
    },
    Rule {
        kind: "han-comma", catches: &["一、总体要求", "十二、"], leaves: &["一、二等奖"], find: han_comma_marker
    },
    Rule {
        kind: "shi",
        catches: &["一是提升能力。", "二要狠抓工作落实。"],
        leaves: &["一是一、二是二", "一是，"],
        find: shi_marker,
    },
    Rule {
        kind: "han-paren", catches: &["（一）坚持党的领导", "(二)"], leaves: &["（一些）"], find: han_paren_marker
    },
    Rule {
        kind: "arabic-paren", catches: &["（1）", "(12)"], leaves: &["（123）", "(1"], find: arabic_paren_marker
    },
    Rule {
        kind: "arabic",
        catches: &["1. 加强组织领导", "2、", "12．"],
        leaves: &["1.5万", "2020年"],
        find: arabic_marker,
    },
    Rule { kind: "circled", catches: &["①", "⑳"], leaves: &["⑴"], find: circled_marker },
    Rule {
        kind: "sequence",
        catches: &["首先，", "其次，", "再次：", "最后，"],
        leaves: &["首先要明白这个道理", "最后一公里"],
        find: sequence_marker,
    },
];

/// The marker at the start of `s`: its style, number and length in bytes.
fn match_marker(s: &str) -> Read {
    MARKERS.iter().find_map(|row| (row.find)(s))
}

/// `第一，`, `第二部分`: 第, a numeral, a unit, then a mark or the end of a heading's line;
/// `第一次`, `第一时间`, `第一书记`, `第一条件` number no part.
fn ordinal_marker(s: &str) -> Read {
    let rest = s.strip_prefix('第')?;
    let (numeral, after) = split_marker_numeral(rest);
    let n = chinese_number(numeral)?;
    let unit = ORDINAL_UNITS.iter().find(|u| after.starts_with(**u)).map_or("", |u| u);
    let after_unit = &after[unit.len()..];
    let next = after_unit.chars().next();
    let punct = next.filter(|&c| matches!(c, '，' | ',' | '、' | '：' | ':' | '.' | '．'));
    let heading_line = !unit.is_empty() && next.is_none_or(is_blank);
    (punct.is_some() || heading_line).then(|| {
        (Style::Ordinal(unit), n, '第'.len_utf8() + numeral.len() + unit.len() + punct.map_or(0, char::len_utf8))
    })
}

/// `一、`: "一、二等奖" lists numbers; a section title follows with a word.
fn han_comma_marker(s: &str) -> Read {
    let (numeral, rest) = split_marker_numeral(s);
    let n = chinese_number(numeral)?;
    let after = rest.strip_prefix('、')?;
    split_marker_numeral(after).0.is_empty().then_some((Style::HanComma, n, numeral.len() + '、'.len_utf8()))
}

/// `一是`, `一要`: "一是一、二是二" says a thing is itself, it numbers nothing.
fn shi_marker(s: &str) -> Read {
    let (numeral, rest) = split_marker_numeral(s);
    let n = chinese_number(numeral)?;
    let (verb, after) = SHI_VERBS.iter().find_map(|v| Some((*v, rest.strip_prefix(v)?)))?;
    (!after.starts_with(numeral) && !after.starts_with(is_clause_break)).then_some((
        Style::Shi(verb),
        n,
        numeral.len() + verb.len(),
    ))
}

/// The opening bracket of `s` (full-width or ASCII), what follows it, and the bracket that closes it.
fn bracketed(s: &str) -> Option<(char, &str, char)> {
    [('（', '）'), ('(', ')')].into_iter().find_map(|(open, close)| Some((open, s.strip_prefix(open)?, close)))
}

/// `（一）`, `(二)`.
fn han_paren_marker(s: &str) -> Read {
    let (open, inner, close) = bracketed(s)?;
    let (numeral, after) = split_marker_numeral(inner);
    let n = chinese_number(numeral)?;
    after.starts_with(close).then_some((Style::HanParen, n, open.len_utf8() + numeral.len() + close.len_utf8()))
}

/// `（1）`, `(12)`: one or two digits.
fn arabic_paren_marker(s: &str) -> Read {
    let (open, inner, close) = bracketed(s)?;
    let digits = inner.len() - inner.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=2).contains(&digits) || !inner[digits..].starts_with(close) {
        return None;
    }
    Some((Style::ArabicParen, inner[..digits].parse().ok()?, open.len_utf8() + digits + close.len_utf8()))
}

/// `1.`, `2、`: one or two digits and a mark; "1.5万" is a number, "1. 加强" a marker.
fn arabic_marker(s: &str) -> Read {
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let after = &s[digits..];
    let punct = after.chars().next().filter(|&c| matches!(c, '.' | '．' | '、'))?;
    let next = after[punct.len_utf8()..].chars().next();
    if next.is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((Style::Arabic, s[..digits].parse().ok()?, digits + punct.len_utf8()))
}

/// `①` … `⑳`.
fn circled_marker(s: &str) -> Read {
    let first = s.chars().next()?;
    ('\u{2460}'..='\u{2473}').contains(&first).then(|| (Style::Circled, first as u32 - 0x2460 + 1, first.len_utf8()))
}

/// `首先，` … `其次，` … `再次，` … `最后，` (最后 numbered when the sequence is known).
fn sequence_marker(s: &str) -> Read {
    [("首先", 1), ("其次", 2), ("再次", 3), ("最后", 0)].into_iter().find_map(|(word, ordinal)| {
        s.strip_prefix(word)?.starts_with(['，', ',', '：', ':']).then_some((Style::Sequence, ordinal, word.len()))
    })
}

/// How a speech turns from its numbered parts to what stands outside them: it addresses its
/// audience again (`同志们，乡村振兴任重道远。`, `各位代表！`) or sums up (`总之，……`).
const SUMS_UP: [&str; 4] = ["总之", "总而言之", "综上所述", "总的来说"];

/// Whether a paragraph opens the unnumbered rest after the last part (see `SUMS_UP`); `同志们都知道`
/// and `各位代表对报告` address no one.
fn opens_rest(paragraph: &str) -> bool {
    let head: String =
        paragraph.chars().take_while(|&c| !matches!(c, '，' | ',' | '！' | '!' | '：' | ':')).take(40).collect();
    let punctuated = paragraph[head.len()..].starts_with(['，', ',', '！', '!', '：', ':']);
    punctuated && (SUMS_UP.contains(&head.as_str()) || is_address(&head))
}

/// Arranges markers into a tree by the order styles appear in, and gives each section its extent.
fn nest(speech: &str, markers: &[Marker], end: usize, paragraphs: &[Range<usize>]) -> Vec<Node> {
    let mut levels = Vec::with_capacity(markers.len());
    // Each open style with where its latest marker's part must end: an inline marker's part ends
    // with its paragraph, so a marker past that cannot nest in it (or in anything nested in it).
    let mut open_styles: Vec<(Style, usize)> = Vec::new();
    for m in markers {
        let until = if m.inline { m.paragraph_end } else { usize::MAX };
        if let Some(closed) = open_styles.iter().position(|&(_, until)| until <= m.range.start) {
            open_styles.truncate(closed);
        }
        match open_styles.iter().position(|&(s, _)| s == m.style) {
            Some(depth) => {
                open_styles.truncate(depth + 1);
                open_styles[depth].1 = until;
            }
            None => open_styles.push((m.style, until)),
        }
        levels.push(open_styles.len() as u32);
    }
    // A section runs to the next marker at its level or above (one pass with a stack of open sections).
    let mut ends = vec![end; markers.len()];
    let mut has_next_peer = vec![false; markers.len()];
    let mut open: Vec<usize> = Vec::new();
    for (j, m) in markers.iter().enumerate() {
        while let Some(&i) = open.last().filter(|&&i| levels[i] >= levels[j]) {
            ends[i] = m.range.start;
            has_next_peer[i] = levels[i] == levels[j];
            open.pop();
        }
        open.push(j);
    }
    for (i, m) in markers.iter().enumerate() {
        if m.inline {
            ends[i] = ends[i].min(m.paragraph_end);
        }
    }
    // The last of a run of parts ends where the unnumbered rest of its parent begins; children
    // first, so a part's rest is looked for after its last child's.
    for i in (0..markers.len()).rev().filter(|&i| !has_next_peer[i] && !markers[i].inline) {
        let children_end = (i + 1..markers.len())
            .take_while(|&k| levels[k] > levels[i] && markers[k].range.start < ends[i])
            .map(|k| ends[k])
            .max();
        let from = children_end.unwrap_or(0).max(markers[i].paragraph_end);
        // Paragraphs are in order: those from `from` on are found by a binary search, not a walk from the first.
        let rest = paragraphs[paragraphs.partition_point(|p| p.start < from)..]
            .iter()
            .take_while(|p| p.start < ends[i])
            .find(|p| speech.get(p.start..p.end).is_some_and(opens_rest));
        if let Some(rest) = rest {
            ends[i] = rest.start;
        }
    }
    let mut next = 0;
    build_level(speech, markers, &levels, &ends, &mut next, 1, end)
}

/// The run of sections at `level` starting at `markers[*next]`, each clipped to `parent_end`.
fn build_level(
    speech: &str,
    markers: &[Marker],
    levels: &[u32],
    ends: &[usize],
    next: &mut usize,
    level: u32,
    parent_end: usize,
) -> Vec<Node> {
    let mut nodes = Vec::new();
    while *next < markers.len() && levels[*next] == level {
        let m = &markers[*next];
        let stop = trim_end(speech, m.range.start..ends[*next].min(parent_end).max(m.range.end));
        *next += 1;
        let children = build_level(speech, markers, levels, ends, next, level + 1, stop);
        // A heading never runs into the first part it contains.
        let heading_end = children.first().map_or(stop, |c| c.range.start);
        nodes.push(Node {
            style: m.style,
            ordinal: m.ordinal,
            level,
            marker: m.range.clone(),
            heading: heading(speech, m.range.end..heading_end),
            range: m.range.start..stop,
            children,
        });
    }
    nodes
}

fn trim_end(speech: &str, range: Range<usize>) -> usize {
    range.start + speech[range].trim_end_matches(is_blank).len()
}

/// What the writer names the part by: the marker's first clause (`一是分业施策，在重点领域…` →
/// `分业施策`), or its first sentence when that clause is too short to name anything (`同时，…`);
/// never past its paragraph, which a flattened paste ends with a run of blanks
/// (`一、准确把握目标要求　　总的要求是，…`).
fn heading(speech: &str, range: Range<usize>) -> Range<usize> {
    const LONGEST: usize = 40;
    const SHORTEST_CLAUSE: usize = 4;
    let s = &speech[range.clone()];
    let lead =
        s.len() - s.trim_start_matches(|c: char| is_blank(c) || matches!(c, '，' | ',' | '：' | ':' | '、')).len();
    let s = &s[lead..];
    // The first sentence, up to the paragraph's break if that comes first: one scan that stops at
    // either (looking for the break to the section's end made a long unbroken section quadratic).
    let mut chars = s.char_indices().peekable();
    let sentence = loop {
        match chars.next() {
            None => break s.len(),
            Some((at, c)) if is_sentence_end(c) || c == '\n' => break at,
            Some((at, c)) if is_blank(c) && chars.peek().is_some_and(|&(_, next)| is_blank(next)) => break at,
            _ => {}
        }
    };
    // 、 joins a heading's items (提高认识、统一思想), it does not end the heading.
    let clause = s[..sentence].find(['，', ',', '：', ':']).unwrap_or(sentence);
    let mut len = if s[..clause].chars().count() >= SHORTEST_CLAUSE { clause } else { sentence };
    if let Some((cut, _)) = s[..len].char_indices().nth(LONGEST) {
        len = cut;
    }
    let start = range.start + lead;
    start..start + s[..len].trim_end_matches(|c| is_blank(c) || is_clause_break(c)).len()
}

/// Gaps, duplicates and disorder in each run of siblings.
/// A run may go on numbering where the same style left off under an earlier parent, as articles
/// do through parts (第一部分 第一条 第二条 第二部分 第三条): `last_seen` holds where each style left off.
/// At most this many markers of a series stand as an issue's evidence, those nearest the issue.
const EVIDENCE_MARKERS: usize = 12;

/// The markers of `series` nearest its `at`th, as an issue's evidence (normalised, and where, in bytes).
fn evidence(series: &[Node], at: usize) -> Vec<SeenMarker> {
    let from = at.saturating_sub(EVIDENCE_MARKERS / 2).min(series.len().saturating_sub(EVIDENCE_MARKERS));
    let seen = |n: &Node| SeenMarker {
        marker: n.style.render(n.ordinal),
        start: n.marker.start as u32,
        end: n.marker.end as u32,
    };
    series[from..].iter().take(EVIDENCE_MARKERS).map(seen).collect()
}

fn check_series(sections: &[Node], last_seen: &mut HashMap<Style, u32>, issues: &mut Vec<Flagged>) {
    let continued = sections.first().and_then(|s| last_seen.get(&s.style).copied().filter(|&last| s.ordinal > last));
    let mut expected = continued.map_or(1, |last| last + 1);
    // A 一 after a later number starts a new series (a new lead-in: 一是……六是。……一是……).
    let restarts: Vec<usize> =
        (1..sections.len()).filter(|&i| sections[i].ordinal == 1 && sections[i - 1].ordinal > 1).collect();
    let mut series_start = 0;
    let mut next_restart = restarts.iter().copied();
    let mut series_end = next_restart.next().unwrap_or(sections.len());
    // Per series, its numbers: a gap is only what the series has nowhere.
    let mut numbers: HashSet<u32> = HashSet::new();
    // Where the series before a restart left off: a list nested in its last part may reuse its
    // markers (四、……几方面：一、二、三、 then 五、), and the number after it resumes that series.
    let mut left_off = None;
    for (i, s) in sections.iter().enumerate() {
        if i == series_end {
            left_off = sections.get(i.wrapping_sub(1)).map(|p: &Node| p.ordinal).max(left_off);
            (series_start, expected) = (i, 1);
            series_end = next_restart.next().unwrap_or(sections.len());
            numbers.clear();
        }
        if left_off.is_some_and(|last| s.ordinal == last + 1) && s.ordinal > expected {
            expected = s.ordinal;
        }
        if i == series_start {
            numbers.extend(sections[i..series_end].iter().map(|n| n.ordinal));
        }
        let found = s.style.render(s.ordinal);
        let prev = (i > series_start).then(|| sections[i - 1].ordinal);
        let (level, series) = (s.level, || evidence(&sections[series_start..series_end], i - series_start));
        let issue = |evidence| Flagged { range: s.marker.clone(), evidence };
        // Only numbers the series has nowhere are missing (（一）（三）（二） is an order slip), and
        // only after a number the text has: an excerpt may start at 第二.
        let missing: Vec<u32> = (expected..s.ordinal).filter(|n| !numbers.contains(n)).collect();
        let counted_before = prev.is_some() || continued.is_some();
        // 两件大事：一是……；一是…… says "the one…, the other…".
        let one_and_other = s.ordinal == 1 && series_end - series_start == 2 && matches!(s.style, Style::Shi(_));
        if prev == Some(s.ordinal) && !one_and_other {
            let expected = s.style.render(expected);
            issues.push(issue(Evidence::Duplicate { expected, found, level, series: series() }));
        } else if let Some(prev) = prev.filter(|&p| s.ordinal < p) {
            let (expected, previous) = (s.style.render(expected), s.style.render(prev));
            issues.push(issue(Evidence::Order { expected, found, previous, level, series: series() }));
        } else if !missing.is_empty() && counted_before {
            let missing: Vec<String> = missing.iter().map(|&n| s.style.render(n)).collect();
            let expected = missing[0].clone();
            issues.push(issue(Evidence::Gap { expected, found, missing, level, series: series() }));
        }
        expected = expected.max(s.ordinal + 1);
        last_seen.insert(s.style, s.ordinal);
        check_series(&s.children, last_seen, issues);
    }
}

/// The verbs that announce a count of parts (`我谈几点体会`, `讲四个方面`).
const ANNOUNCING_VERBS: &[&str] = &["谈", "讲", "提", "说", "汇报", "分享", "强调", "提出"];

/// The characters [`ANNOUNCING_VERBS`] start with (a test checks): only at these is a verb looked
/// for, where eight `starts_with` at every character of a text without parts were most of the
/// outline's cost.
const ANNOUNCING_VERB_STARTS: [char; 7] = ['谈', '讲', '提', '说', '汇', '分', '强'];

/// `我谈几点体会`, `讲四个方面`, `提3点建议`, `讲了以下两个问题`: a verb of speaking, a count, a unit,
/// outside quotation marks.
fn find_announcement(speech: &str, range: Range<usize>) -> Option<Announcement> {
    // Words a speaker puts between the verb and the count: 讲了两点, 谈以下三个方面, 说这么几点.
    const FILLERS: &[&str] = &["了", "以下", "这么", "这"];
    const UNITS: &[&str] = &["点", "个方面", "方面", "条", "个问题", "个部分", "部分"];
    let s = &speech[range.clone()];
    // A count inside a quotation is someone else's (`……都讲这三条……”`).
    let mut quoted = 0usize;
    for (at, c) in s.char_indices() {
        match c {
            '“' => quoted += 1,
            '”' => quoted = quoted.saturating_sub(1),
            _ => {}
        }
        if quoted > 0 || !ANNOUNCING_VERB_STARTS.contains(&c) {
            continue;
        }
        let rest = &s[at..];
        let Some(verb) = ANNOUNCING_VERBS.iter().find(|v| rest.starts_with(**v)) else {
            continue;
        };
        let mut after = &rest[verb.len()..];
        for filler in FILLERS {
            after = after.strip_prefix(filler).unwrap_or(after);
        }
        let (count, len) = if let Some(a) = after.strip_prefix('几') {
            (None, a.len())
        } else {
            let (numeral, a) = split_marker_numeral(after);
            let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            match (chinese_number(numeral), digits) {
                (Some(n), _) => (Some(n), a.len()),
                (None, 1..=2) => (after[..digits].parse().ok(), after.len() - digits),
                _ => continue,
            }
        };
        let tail = &after[after.len() - len..];
        if let Some(unit) = UNITS.iter().find(|u| tail.starts_with(**u)) {
            let start = range.start + at;
            return Some(Announcement { count, range: start..start + (rest.len() - tail.len()) + unit.len() });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::FindingKind as Kind;

    /// (style, ordinal, level, heading) per section, depth first.
    fn check(text: &str, expect: &[(&str, u32, &str)]) -> OutlineTree {
        let tree = build(text, 0..text.len(), text.len(), &crate::text::paragraphs(text));
        let mut got = Vec::new();
        fn walk<'a>(text: &'a str, nodes: &[Node], got: &mut Vec<(&'a str, u32, &'a str)>) {
            for n in nodes {
                got.push((&text[n.marker.clone()], n.level, &text[n.heading.clone()]));
                walk(text, &n.children, got);
            }
        }
        walk(text, &tree.sections, &mut got);
        assert_eq!(got, expect);
        tree
    }

    #[test]
    fn mixed_levels_nest_by_order_of_appearance() {
        check(
            "一、总体要求\n（一）指导思想。坚持稳中求进。\n1. 加强领导。\n2. 压实责任。\n（二）基本原则。\n二、重点任务\n",
            &[
                ("一、", 1, "总体要求"),
                ("（一）", 2, "指导思想"),
                ("1.", 3, "加强领导"),
                ("2.", 3, "压实责任"),
                ("（二）", 2, "基本原则"),
                ("二、", 1, "重点任务"),
            ],
        );
    }

    #[test]
    fn inline_and_flattened_markers() {
        let tree = check(
            "同志们：第一，抓好落实。要求如下：一是提高认识；二是压实责任。第二，加强领导。",
            &[("第一，", 1, "抓好落实"), ("一是", 2, "提高认识"), ("二是", 2, "压实责任"), ("第二，", 1, "加强领导")],
        );
        assert!(tree.issues.is_empty());
    }

    #[test]
    fn gap_duplicate_and_order() {
        let tree = check(
            "第一，甲。\n第二，乙。\n第四，丁。\n",
            &[("第一，", 1, "甲"), ("第二，", 1, "乙"), ("第四，", 1, "丁")],
        );
        assert_eq!(tree.issues.len(), 1);
        assert!(matches!(&tree.issues[0].evidence, Evidence::Gap { expected, .. } if expected == "第三"));
        let text = "一、甲\n一、乙\n";
        let tree = build(text, 0..text.len(), text.len(), &crate::text::paragraphs(text));
        assert_eq!(tree.issues[0].evidence.kind(), Kind::Duplicate);
        let text = "1. 甲\n3. 乙\n2. 丙\n";
        let tree = build(text, 0..text.len(), text.len(), &crate::text::paragraphs(text));
        // 2 comes after 3: an order slip, and nothing is missing.
        let kinds: Vec<_> = tree.issues.iter().map(|i| i.evidence.kind()).collect();
        assert_eq!(kinds, [Kind::Order]);
        let seen: Vec<&str> = tree.issues[0].evidence.series().iter().map(|m| m.marker.as_str()).collect();
        assert_eq!(seen, ["1.", "3.", "2."]);
        // An excerpt may start at 第二: nothing before it was counted.
        let text = "第二，乙。\n第三，丙。\n";
        assert!(build(text, 0..text.len(), text.len(), &crate::text::paragraphs(text)).issues.is_empty());
    }

    #[test]
    fn evidence_is_bounded_on_a_long_series() {
        let text = "第一，甲。\n".repeat(20_000);
        let tree = build(&text, 0..text.len(), text.len(), &crate::text::paragraphs(&text));
        assert_eq!(tree.issues.len(), 19_999, "each repeated 第一 is a duplicate");
        assert!(tree.issues.iter().all(|i| i.evidence.series().len() == EVIDENCE_MARKERS));
        let last = tree.issues.last().map(|i| i.evidence.series().last().map(|m| m.end as usize));
        assert_eq!(last, Some(Some(text.len() - "甲。\n".len())), "the evidence is around the issue");
    }

    #[test]
    fn every_announcing_verb_starts_with_a_character_looked_at() {
        for verb in ANNOUNCING_VERBS {
            assert!(
                verb.starts_with(ANNOUNCING_VERB_STARTS),
                "{verb}: add its first character to ANNOUNCING_VERB_STARTS"
            );
        }
    }

    #[test]
    fn announced_counts() {
        let text = "下面我讲三个方面。\n第一，甲。\n第二，乙。\n";
        let tree = build(text, 0..text.len(), text.len(), &crate::text::paragraphs(text));
        assert_eq!(tree.announced.as_ref().and_then(|a| a.count), Some(3));
        assert_eq!(tree.issues[0].evidence.kind(), Kind::Count);
        let text = "我提2点建议。\n第一，甲。\n第二，乙。\n";
        let tree = build(text, 0..text.len(), text.len(), &crate::text::paragraphs(text));
        assert!(tree.issues.is_empty());
        let text = "我谈几点体会。\n第一，甲。\n";
        assert_eq!(
            build(text, 0..text.len(), text.len(), &crate::text::paragraphs(text)).announced.map(|a| a.count),
            Some(None)
        );
    }

    #[test]
    fn ordinary_sentences_are_not_sections() {
        check(
            "这是第一次召开这样的会议。一是一、二是二，实事求是。增长1.5倍，达到9.87万家。\n首先要明白这个道理。",
            &[],
        );
    }

    #[test]
    fn every_marker_style_reads_its_examples_and_leaves_its_counter_examples() {
        for row in MARKERS {
            for example in row.catches {
                let read = (row.find)(example);
                assert!(read.is_some(), "{} misses {example}", row.kind);
                assert_eq!(match_marker(example), read, "{}: {example}", row.kind);
            }
            for text in row.leaves {
                assert_eq!(match_marker(text), None, "{} reads {text}", row.kind);
            }
        }
    }

    #[test]
    fn sequences_and_circled() {
        check(
            "首先，统一思想。其次，明确任务。最后，狠抓落实。",
            &[("首先", 1, "统一思想"), ("其次", 1, "明确任务"), ("最后", 1, "狠抓落实")],
        );
        check("①甲。②乙。", &[("①", 1, "甲"), ("②", 1, "乙")]);
    }
}
