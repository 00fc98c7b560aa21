//! Parallel runs (排比): clauses between `、，；` that share a frame of form, three or more, or a
//! pair of four-character set phrases that mirror each other.

use super::chars_but_common_han;
use super::found::{Dictionary, Found, ITEM_MAX_CHARS};
use crate::marks::{MARKS, Role};
use crate::model::SloganKind;
use crate::numerals::is_formula_numeral;
use crate::segment::Tok;
use crate::text::{is_blank, is_han, is_sentence_end};
use std::ops::Range;

/// Characters a frame of function words alone would be made of: 我的、你的、他的 is no 排比.
const FRAME_FILLERS: &str = "的了和与及等在是也都而并之对把被从向就还又";

/// A clause between soft separators, as a candidate item of a parallel run.
#[derive(Clone, Debug)]
struct Clause {
    range: Range<usize>,
    /// The clause ends at `、，；`, so the next one continues the run.
    continues: bool,
    /// An opening quotation mark cuts the clause: its phrase goes on inside the quote (关系到全面
    /// 建成小康社会和完成“十三五”规划), so the clause is no item.
    cut_by_quote: bool,
    /// Its length in characters when the whole clause can be an item ([`item_chars`]): counted
    /// once here, as a clause is read as a first item, a second, a next one and a neighbour.
    item_chars: Option<usize>,
}

/// The clauses of `speech`: text between separators; quotes, brackets, colons and sentence ends
/// end a run of them.
fn clauses(speech: &str) -> Vec<Clause> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, c) in chars_but_common_han(speech).filter(|&(_, c)| !is_han(c)) {
        let soft = matches!(c, '、' | '，' | ',' | '；' | ';');
        let hard = !soft
            && (is_sentence_end(c)
                || c == '\n'
                || matches!(c, '：' | ':' | '(' | ')' | '（' | '）' | '—')
                || MARKS.iter().any(|m| m.0 == c || m.1 == c));
        if soft || hard {
            if let Some(range) = trimmed(speech, start..at) {
                let cut_by_quote = MARKS.iter().any(|m| m.0 == c && m.2 == Role::Quote);
                let item_chars = item_chars(&speech[range.clone()]);
                out.push(Clause { range, continues: soft, cut_by_quote, item_chars });
            } else if let Some(last) = out.last_mut() {
                last.continues = false;
            }
            start = at + c.len_utf8();
        }
    }
    if let Some(range) = trimmed(speech, start..speech.len()) {
        let item_chars = item_chars(&speech[range.clone()]);
        out.push(Clause { range, continues: false, cut_by_quote: false, item_chars });
    }
    out
}

/// `range` of `speech` without blanks at its ends. Most clauses open and close with a character
/// U+4000 to U+9FFF (its first byte E4 to E9), no blank: those are kept without reading them.
fn trimmed(speech: &str, range: Range<usize>) -> Option<Range<usize>> {
    let wide_at = |at: usize| speech.as_bytes().get(at).is_some_and(|b| (0xE4..=0xE9).contains(b));
    if range.len() >= 3 && wide_at(range.start) && wide_at(range.end - 3) {
        Some(range)
    } else {
        crate::text::trim(speech, range)
    }
}

/// An item's length in characters: 2 to ITEM_MAX_CHARS Han characters, counted in one pass.
fn item_chars(s: &str) -> Option<usize> {
    let mut n = 0;
    let han = s.len() <= ITEM_MAX_CHARS * 4
        && s.chars().all(|c| {
            n += 1;
            is_han(c)
        });
    (han && (2..=ITEM_MAX_CHARS).contains(&n)).then_some(n)
}

/// How many characters a shared word may stand earlier or later in one clause than in the
/// first: 整体实力不断增强 and 城镇化水平不断提升 put 不断 at the fifth and sixth.
const FRAME_DRIFT: usize = 2;

/// Items this short are phrases (强信心、暖人心、聚民心), longer ones clauses: a phrase glued to a
/// verb is cut to its neighbours' length, a clause is taken whole.
const PHRASE_ITEM_CHARS: usize = 6;

/// Most character pairs an item has.
const PAIRS_MAX: usize = ITEM_MAX_CHARS - 1;

/// What the items of a run share so far. A few words of plain data: a frame is tried for
/// every clause of the speech, so it allocates nothing and is cheap to copy.
#[derive(Clone, Copy, Debug)]
struct Frame<'s> {
    first: &'s str,
    prefix: &'s str,
    suffix: &'s str,
    /// Which character pairs of the first item every item holds (不断 in 整体实力不断增强), one bit
    /// per pair in order. Pairs, not jieba's words: jieba may fuse the frame with an item (稳步增长
    /// beside 稳步/缩小).
    shared: u32,
    shortest: usize,
    longest: usize,
    /// An item was cut from a longer clause (智能化 from 加快构建具有智能化). Only an edge the
    /// items share says where to cut; a word inside would leave arbitrary fragments.
    cut: bool,
}

/// The character pairs of an item (at most `ITEM_MAX_CHARS` characters) in order, each as one
/// number (see [`pairs`]).
fn char_pairs(item: &str) -> [u64; PAIRS_MAX] {
    let mut pairs = [0u64; PAIRS_MAX];
    let mut chars = item.chars();
    if let Some(mut last) = chars.next() {
        for (slot, c) in pairs.iter_mut().zip(chars) {
            *slot = (last as u64) << 32 | c as u64;
            last = c;
        }
    }
    pairs
}

/// The character pairs of `item`: where each starts and the pair as one number, so that
/// comparing two items' pairs costs integer compares.
fn pairs(item: &str) -> impl Iterator<Item = (usize, u64)> + '_ {
    let mut chars = item.char_indices().peekable();
    std::iter::from_fn(move || {
        let (at, a) = chars.next()?;
        let &(_, b) = chars.peek()?;
        Some((at, (a as u64) << 32 | b as u64))
    })
    .take(PAIRS_MAX)
}

impl<'s> Frame<'s> {
    /// The frame of a first item of `chars` characters.
    fn new(item: &'s str, chars: usize) -> Frame<'s> {
        debug_assert_eq!(chars, item.chars().count());
        let shared = (1u32 << chars.saturating_sub(1).min(PAIRS_MAX)) - 1;
        Frame { first: item, prefix: item, suffix: item, shared, shortest: chars, longest: chars, cut: false }
    }

    /// The frame grown by `item`, an item of `chars` characters (at most `ITEM_MAX_CHARS`, as the
    /// first): the callers have counted them.
    fn with(&self, item: &'s str, chars: usize) -> Frame<'s> {
        debug_assert_eq!(chars, item.chars().count());
        debug_assert!(self.first.chars().nth(ITEM_MAX_CHARS).is_none() && chars <= ITEM_MAX_CHARS);
        let (shortest, longest) = (self.shortest.min(chars), self.longest.max(chars));
        // Shared pairs frame only uncut items of nearly one length (see `shared_part`), and items
        // added to a run only make it more unequal: past that, they are no longer worked out.
        let mut shared = if self.cut || longest * 2 > shortest * 3 { 0 } else { self.shared };
        if shared != 0 {
            // A frame word stands at about the same place in every clause (整体实力不断增强、县域产业
            // 不断壮大); one that wanders (第一时间…，是第一书记…，也是…第一条件) is only a repeated word.
            let (ours, theirs, held) = (char_pairs(self.first), char_pairs(item), chars.saturating_sub(1));
            let mut left = shared;
            while left != 0 {
                let bit = left.trailing_zeros() as usize;
                left &= left - 1;
                let nearby = bit.saturating_sub(FRAME_DRIFT).min(held)..held.min(bit + FRAME_DRIFT + 1);
                if !theirs[nearby].contains(&ours[bit]) {
                    shared &= !(1 << bit);
                }
            }
        }
        // The bytes in common, back to a character boundary: UTF-8 marks where characters start,
        // so this is the characters in common, none of them decoded.
        let mut prefix_len = self.prefix.bytes().zip(item.bytes()).take_while(|(a, b)| a == b).count();
        while !item.is_char_boundary(prefix_len) {
            prefix_len -= 1;
        }
        let mut suffix_len = self.suffix.bytes().rev().zip(item.bytes().rev()).take_while(|(a, b)| a == b).count();
        while !item.is_char_boundary(item.len() - suffix_len) {
            suffix_len -= 1;
        }
        Frame {
            first: self.first,
            prefix: &self.prefix[..prefix_len],
            suffix: &self.suffix[self.suffix.len() - suffix_len..],
            shared,
            shortest,
            longest,
            cut: self.cut,
        }
    }

    /// The frame as shown (`…化`, `坚持…`, `…不断…`), when the items share one.
    fn shown(&self) -> Option<String> {
        self.shared_part()
            .map(|(before, inner, after)| if inner { format!("…{before}…") } else { format!("{before}…{after}") })
    }

    /// What the items share, without building it: an affix that leaves every item something of
    /// its own, or failing that the longest stretch of shared pairs inside (`true`); items of like
    /// length (within twice, for a word inside within half as long again), not function words alone.
    fn shared_part(&self) -> Option<(&'s str, bool, &'s str)> {
        let meaningful = |s: &str| s.chars().any(|c| is_han(c) && !FRAME_FILLERS.contains(c));
        if self.longest > self.shortest * 2 || self.shortest < 2 {
            return None;
        }
        let affix = self.affix_chars();
        // One character frames only short phrases (看病难、上学难; 保工资、保运转、保基本民生):
        // clauses ending in one (…救治患者，…一个感染者，…每一位病患者; 盯着问题改，对标整改) merely rhyme.
        let edge_frames = affix >= 2
            || (self.prefix.is_empty() && self.longest <= 4)
            || (!self.prefix.is_empty() && self.shortest <= 4);
        if affix > 0 && affix < self.shortest && edge_frames && (meaningful(self.prefix) || meaningful(self.suffix)) {
            return Some((self.prefix, false, self.suffix));
        }
        // A word inside frames only whole clauses of nearly one length (8 and 9 characters in the
        // 不断 run): without an edge in common, unequal clauses sharing a word are prose repeating it.
        if self.cut || self.longest * 2 > self.shortest * 3 {
            return None;
        }
        // Overlapping pairs (不断, 断增) join into one stretch; the longest meaningful one frames.
        let width = |c: u64| char::from_u32(c as u32).map_or(0, char::len_utf8);
        let spans = pairs(self.first)
            .enumerate()
            .filter(|(bit, _)| self.shared & 1 << bit != 0)
            .map(|(_, (at, pair))| at..at + width(pair >> 32) + width(pair));
        let mut stretches: [Range<usize>; PAIRS_MAX] = std::array::from_fn(|_| 0..0);
        let mut count: usize = 0;
        for r in spans {
            match count.checked_sub(1).map(|last| &mut stretches[last]) {
                Some(s) if r.start < s.end => s.end = r.end,
                _ => {
                    stretches[count] = r;
                    count += 1;
                }
            }
        }
        let best =
            stretches[..count].iter().map(|r| &self.first[r.clone()]).filter(|w| meaningful(w)).max_by_key(|w| w.len());
        best.map(|w| (w, true, ""))
    }

    /// How much of the frame is prefix and suffix: a run that shares an edge (坚持…) is framed
    /// by it more plainly than by a word inside.
    fn affix_chars(&self) -> usize {
        self.prefix.chars().count() + self.suffix.chars().count()
    }
}

/// Runs of clauses that share a frame: three or more (整体实力不断增强、县域产业不断壮大、
/// 城镇化水平不断提升 → `…不断…`; 智能化、绿色化、融合化 → `…化`), or a pair of four-character
/// set phrases that mirror each other (百舸争流、千帆竞发 → `百…千…`).
/// An edge item glued to the words around it (具有智能化) is cut to its neighbour's length at a
/// word boundary. Each clause is looked at a bounded number of times, so the scan is linear.
pub(super) fn parallels(speech: &str, tokens: &[Tok], dictionary: &mut Dictionary) -> Vec<Found> {
    let scan = ClauseScan { speech, tokens, clauses: clauses(speech), cursor: std::cell::Cell::new(0) };
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < scan.clauses.len() {
        i = match scan.run_at(i, dictionary) {
            Some((found, next)) => {
                out.push(found);
                next
            }
            None => i + 1,
        };
    }
    out
}

/// The clauses of a speech, read for parallel runs.
struct ClauseScan<'s, 't> {
    speech: &'s str,
    tokens: &'t [Tok],
    clauses: Vec<Clause>,
    /// Where [`ClauseScan::cuts`] last stood among the tokens.
    cursor: std::cell::Cell<usize>,
}

/// A candidate first item: its range, its length in characters, and whether it was cut from its clause.
type FirstItem = (Range<usize>, usize, bool);

/// A run grown from its first two items: its frame, how many items, where it ends, the clause after
/// it, and whether its last item was cut short.
struct Grown<'s> {
    frame: Frame<'s>,
    count: usize,
    end: usize,
    next: usize,
    cut_short: bool,
}

/// Whether the items a frame was built from share a part.
fn framed(frame: &Frame<'_>) -> bool {
    frame.shared_part().is_some()
}

impl<'s> ClauseScan<'s, '_> {
    fn is_item(&self, r: &Range<usize>) -> bool {
        item_chars(&self.speech[r.clone()]).is_some()
    }

    fn chars(&self, r: &Range<usize>) -> usize {
        self.speech[r.clone()].chars().count()
    }

    /// The last `n` characters of `r` (`from_end`) or its first: cut on the nearest word boundary
    /// inward (近年来整体实力不断增强 → 整体实力不断增强), or exactly where jieba's words straddle the
    /// cut (绿色/化发展 → 绿色化). The frame check decides which, if either, is an item.
    fn cuts(&self, r: &Range<usize>, n: usize, from_end: bool) -> [Option<Range<usize>>; 2] {
        let (speech, tokens) = (self.speech, self.tokens);
        // Counted from the cut's side, so a clause as long as a 10 MB line costs `n` steps.
        let s = &speech[r.clone()];
        let edge = if from_end {
            s.char_indices().rev().nth(n).map(|(i, c)| i + c.len_utf8())
        } else {
            s.char_indices().nth(n).map(|(i, _)| i)
        };
        let Some(edge) = edge.filter(|&e| 0 < e && e < s.len()) else {
            return [Some(r.clone()).filter(|r| self.is_item(r)), None];
        };
        let at = r.start + edge;
        // `tokens.partition_point(|t| t.start < at)`, walked from the last answer: clauses come
        // in text order, so this is a step or two, not a binary search through the whole speech.
        let mut k = self.cursor.get().min(tokens.len());
        while k > 0 && tokens[k - 1].start >= at {
            k -= 1;
        }
        while k < tokens.len() && tokens[k].start < at {
            k += 1;
        }
        self.cursor.set(k);
        let snapped = match tokens.get(k) {
            Some(t) if t.start == at => at,
            _ if from_end => tokens.get(k).map_or(r.end, |t| t.start),
            _ => tokens.get(k.wrapping_sub(1)).map_or(r.start, |t| t.start),
        };
        // An item opens with a word of its own, not a particle left of the one before (盯着 → 着问题改).
        let opens_item =
            |c: &Range<usize>| !speech[c.clone()].starts_with(|ch: char| FRAME_FILLERS.contains(ch) || ch == '着');
        let cut = |edge: usize| {
            Some(if from_end { edge..r.end } else { r.start..edge })
                .filter(|c| c.start < c.end && self.is_item(c) && opens_item(c))
        };
        [cut(snapped), Some(at).filter(|&at| at != snapped).and_then(cut)]
    }

    /// The run, if any, whose second item is clause `i + 1`, and the clause to read on from.
    fn run_at(&self, i: usize, dictionary: &mut Dictionary) -> Option<(Found, usize)> {
        let clauses = &self.clauses;
        let second = clauses[i + 1].range.clone();
        let second_chars = clauses[i + 1].item_chars.filter(|_| clauses[i].continues)?;
        let firsts = self.firsts(i, second_chars);
        for (frame, first) in self.framed_pairs(&firsts, &second, second_chars).into_iter().flatten() {
            let run = self.grow(frame, i, &second);
            if run.count >= 3
                && self.complete(&run, i, &first)
                && frames_clauses(self.speech, self.tokens, &run.frame, first.start..run.end, dictionary)
                && let Some(shown) = run.frame.shown()
                && is_parallel(self.speech, self.tokens, first.start..run.end, !run.frame.prefix.is_empty())
            {
                let found = Found { frame: Some(shown), ..Found::new(SloganKind::Parallel, first.start..run.end) };
                // A clause cut short may open the next run: 融合化特征和符合完整性 ends one, starts another.
                return Some((found, if run.cut_short { run.next - 1 } else { run.next }));
            }
        }
        self.mirrored_at(i, &firsts, &second, dictionary)
    }

    /// The first item clause `i` may give, before a second of `second_chars` characters: the whole
    /// clause, or its end cut to the second's length on a word boundary or exactly.
    fn firsts(&self, i: usize, second_chars: usize) -> [Option<FirstItem>; 3] {
        let clause = &self.clauses[i].range;
        let whole = self.clauses[i].item_chars.map(|n| (clause.clone(), n));
        let longer = whole.as_ref().is_none_or(|(_, n)| *n > second_chars);
        let [cut, exact] = if longer { self.cuts(clause, second_chars, true) } else { [None, None] };
        let with_chars = |r: Option<Range<usize>>| r.map(|r| (r.clone(), self.chars(&r), true));
        [whole.map(|(r, n)| (r, n, false)), with_chars(cut), with_chars(exact)]
    }

    /// The frames each first item shares with the second, best first (then `None`s). An array, as
    /// every clause of the speech is tried: no allocation for the few that frame anything.
    fn framed_pairs(
        &self,
        firsts: &[Option<FirstItem>; 3],
        second: &Range<usize>,
        second_chars: usize,
    ) -> [Option<(Frame<'s>, Range<usize>)>; 3] {
        let speech = self.speech;
        // Items of like length only (see `Frame::shared_part`): most neighbouring clauses fail
        // this before any frame is built.
        let alike = |(_, n, _): &FirstItem| *n <= 2 * second_chars && second_chars <= 2 * n;
        let mut framed_pairs = [0, 1, 2].map(|candidate| {
            let pair = firsts[candidate]
                .clone()
                .filter(alike)
                .map(|(f, n, cut)| {
                    (Frame { cut, ..Frame::new(&speech[f.clone()], n) }.with(&speech[second.clone()], second_chars), f)
                })
                .filter(|(frame, _)| framed(frame));
            (candidate, pair)
        });
        // 我们坚持稳中求进、坚持改革创新: the cut item sharing the edge 坚持… beats the whole clause;
        // sharing as much, among short phrases a cut on a word boundary nearer the second's length
        // (营造强信心、暖人心 → 强信心) beats it; a whole clause beats a cut one; a cut inside a word comes last.
        // Most pairs of clauses share no frame, and one needs no order.
        if framed_pairs.iter().filter(|(_, pair)| pair.is_some()).nth(1).is_none() {
            return framed_pairs.map(|(_, pair)| pair);
        }
        crate::sort::sort_by_key(&mut framed_pairs, |(candidate, pair)| {
            let affix = pair.as_ref().map(|(frame, _)| frame.affix_chars());
            let misfit = match pair {
                Some((_, first)) if second_chars <= PHRASE_ITEM_CHARS => self.chars(first).abs_diff(second_chars),
                _ => *candidate,
            };
            (std::cmp::Reverse(affix), *candidate == 2, misfit)
        });
        framed_pairs.map(|(_, pair)| pair)
    }

    /// The run `frame` grows from its first two items (clause `i + 1` the second) over the clauses
    /// after them, as long as each fits.
    fn grow(&self, frame: Frame<'s>, i: usize, second: &Range<usize>) -> Grown<'s> {
        let mut run = Grown { frame, count: 2, end: second.end, next: i + 2, cut_short: false };
        while run.next < self.clauses.len() && self.clauses[run.next - 1].continues {
            let Some((item, frame, cut_short)) = self.next_item(run.next, &run.frame) else { break };
            (run.frame, run.count, run.end, run.cut_short) = (frame, run.count + 1, item.end, cut_short);
            run.next += 1;
            if cut_short {
                break;
            }
        }
        run
    }

    /// Clause `j` as the next item of a run framed by `frame`: the item, the frame grown by it, and
    /// whether the item was cut short of its clause (the run ends there).
    fn next_item(&self, j: usize, frame: &Frame<'s>) -> Option<(Range<usize>, Frame<'s>, bool)> {
        let (speech, clauses) = (self.speech, &self.clauses);
        let fits = |r: &Range<usize>, cut: bool| {
            Some(Frame { cut, ..*frame }.with(&speech[r.clone()], self.chars(r))).filter(framed)
        };
        let whole_chars = clauses[j].item_chars.filter(|_| !clauses[j].cut_by_quote);
        let whole = whole_chars.map(|_| clauses[j].range.clone());
        // The last item may modify what follows it (只讲利用不讲修复的老路走下去, 为民造福的
        // 责任感): the run ends at its 的. A clause that neither fits whole nor so ends the
        // run: cut to its neighbours' length it was mostly cut inside a phrase (更加管用|有效).
        let longer = whole_chars.is_none_or(|n| n > frame.longest);
        let clause = &speech[clauses[j].range.clone()];
        // Past as many characters as the shortest item has: items have a 的 of their own
        // (最优秀的人员、最急需的资源).
        let phrases = frame.longest <= 2 * PHRASE_ITEM_CHARS;
        let modifier = (longer && phrases)
            .then(|| clause.char_indices().skip(frame.shortest).find(|&(_, c)| matches!(c, '的' | '等')))
            .flatten()
            .map(|(at, _)| clauses[j].range.start..clauses[j].range.start + at)
            .filter(|r| self.is_item(r));
        // Short items under a shared opening may end in what they all govern: 全面动员、全面部署、
        // 全面加强疫情防控 ends at 全面加强.
        let item = modifier.clone().or_else(|| whole.clone());
        let listed = speech[..clauses[j].range.start].ends_with('、');
        let governs = item
            .as_ref()
            .filter(|r| listed && !frame.prefix.is_empty() && frame.longest <= 4 && self.chars(r) >= 2 * frame.longest);
        let object_cut = governs
            .and_then(|r| self.cuts(r, frame.longest, false)[0].clone())
            .filter(|r| self.chars(r) == frame.longest);
        // Items ending alike end the last one there too: 改革开放史、社会主义发展史|结合起来.
        let suffix_cut = (listed && frame.prefix.is_empty() && !frame.suffix.is_empty() && longer)
            .then(|| {
                let skip = frame.shortest.saturating_sub(frame.suffix.chars().count());
                let at = clause.char_indices().nth(skip).map_or(clause.len(), |(at, _)| at);
                clause[at..].find(frame.suffix).map(|found| at + found + frame.suffix.len())
            })
            .flatten()
            .map(|end| clauses[j].range.start..clauses[j].range.start + end)
            .filter(|r| r.end < clauses[j].range.end && self.is_item(r));
        let cut = object_cut.or(suffix_cut).or(modifier).and_then(|r| fits(&r, true).map(|f| (r, f, true)));
        cut.or_else(|| whole.as_ref().and_then(|r| fits(r, frame.cut).map(|f| (r.clone(), f, false))))
    }

    /// A run is all of its members: a clause beside it that opens as its items do is a member it
    /// missed (关系到…，关系到…，关系到…，关系到…“十三五”规划), and a run that shows part of a 排比 is no run.
    fn complete(&self, run: &Grown<'s>, i: usize, first: &Range<usize>) -> bool {
        let (speech, clauses, frame) = (self.speech, &self.clauses, &run.frame);
        let misses_member = |k: usize| {
            frame.prefix.chars().nth(1).is_some() && speech[clauses[k].range.clone()].starts_with(frame.prefix)
        };
        let j = run.next;
        !(i > 0
            && clauses[i - 1].continues
            && first.start == clauses[i].range.start
            && separator_after(speech, &clauses[i - 1].range) == separator_after(speech, first)
            && misses_member(i - 1))
            && !(!run.cut_short && j < clauses.len() && clauses[j - 1].continues && misses_member(j))
    }

    /// A pair of mirrored set phrases, clause `i + 1` the second, and the clause after it.
    fn mirrored_at(
        &self,
        i: usize,
        firsts: &[Option<FirstItem>; 3],
        second: &Range<usize>,
        dictionary: &mut Dictionary,
    ) -> Option<(Found, usize)> {
        let clauses = &self.clauses;
        // A pair is two items alone: two of a longer run (休戚与共、荣辱与共、命运与共) are none.
        let in_longer_run = (i > 0 && clauses[i - 1].continues && clauses[i - 1].item_chars == Some(4))
            || (clauses[i + 1].continues && clauses.get(i + 2).is_some_and(|c| c.item_chars == Some(4)));
        if in_longer_run {
            return None;
        }
        firsts.iter().flatten().find_map(|(first, _, _)| {
            let shown = mirrored_pair(self.speech, first, second, dictionary)?;
            Some((Found { frame: Some(shown), ..Found::new(SloganKind::Parallel, first.start..second.end) }, i + 2))
        })
    }
}

/// Whether `frame` makes its run parallel, beyond sharing: clauses between commas need a shared
/// opening, a word inside that is no noun (整体实力不断增强，县域产业不断壮大), or a noun inside
/// clauses that each open with a verb (完善劳模政策，提升劳模地位，落实劳模待遇). Clauses repeating a
/// noun otherwise (…精神的传承和发展，是中国精神的…，丰富了民族精神…) are prose on a topic, and long
/// clauses that end in one noun a list of tasks (构筑…公共卫生体系，完善…体系，建设…体系).
fn frames_clauses(
    speech: &str,
    tokens: &[Tok],
    frame: &Frame<'_>,
    run: Range<usize>,
    dictionary: &mut Dictionary,
) -> bool {
    let clauses = speech[run.clone()].contains(['，', ',', '；', ';']);
    match frame.shared_part() {
        _ if !clauses || !frame.prefix.is_empty() => true,
        Some((word, true, _)) => {
            !dictionary.tag(word).is_some_and(|tag| tag.starts_with('n'))
                || (items(speech, run.clone()).all(|item| {
                    let first = tokens.partition_point(|t| t.start < item.start);
                    tokens.get(first).is_some_and(|t| t.start == item.start && is_predicate(t))
                }) && noun_in_place(speech, run, word))
        }
        Some(_) => frame.longest <= PHRASE_ITEM_CHARS,
        None => false,
    }
}

/// Whether a shared noun stands in one place of every item, counted from its start or its end:
/// a frame of form (完善劳模政策，提升劳模地位，落实劳模待遇), not a topic word that falls where the
/// sentence puts it (发展职业教育，办好人民满意的继续教育，推进教育公平).
fn noun_in_place(speech: &str, run: Range<usize>, word: &str) -> bool {
    let places: Vec<Option<(usize, usize)>> = items(speech, run)
        .map(|item| {
            let item = &speech[item];
            item.find(word).map(|at| (item[..at].chars().count(), item[at + word.len()..].chars().count()))
        })
        .collect();
    let same = |side: fn(&(usize, usize)) -> usize| {
        let first = places.first().copied().flatten().map(|p| side(&p));
        places.iter().all(|p| p.map(|p| side(&p)) == first)
    };
    places.iter().all(Option::is_some) && (same(|p| p.0) || same(|p| p.1))
}

/// Whether a word says something of its own: a verb or an adjective, not one used as a noun (vn, an).
fn is_predicate(tok: &Tok) -> bool {
    let tag = tok.pos.as_str();
    (tag.starts_with('v') && tag != "vn") || (tag.starts_with('a') && tag != "an")
}

/// The items of a run: its text between 、，；.
fn items(speech: &str, run: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    speech[run.clone()].split(['、', '，', ',', '；', ';']).scan(run.start, |at, item| {
        let item_range = *at..*at + item.len();
        *at += item.len() + speech[*at + item.len()..].chars().next().map_or(0, char::len_utf8);
        Some(item_range)
    })
}

/// The separator right after `clause`, if any.
fn separator_after(speech: &str, clause: &Range<usize>) -> Option<char> {
    speech[clause.end..].trim_start_matches(is_blank).chars().next()
}

/// Whether a run (`range`, its items between 、，；) is parallel, not a list: items that open with
/// a shared frame (坚持稳中求进、坚持改革创新; 中国力量、中国精神、中国效率; 唯论文、唯职称), or clauses
/// that each say something, with a verb, an adjective or an adverb (整体实力不断增强、县域产业不断
/// 壮大; 看病难、上学难、就业难). Nouns sharing only a suffix are a list (领导能力、应对能力; 香港同胞、
/// 澳门同胞; 智能化、绿色化), an open list of long items names things (…委员会、…委员会等会议), and
/// address terms are a salutation (女士们，先生们，朋友们).
fn is_parallel(speech: &str, tokens: &[Tok], range: Range<usize>, shared_opening: bool) -> bool {
    let predicated = |item: Range<usize>| {
        let first = tokens.partition_point(|t| t.start < item.start);
        tokens[first..].iter().take_while(|t| t.end <= item.end).any(|t| is_predicate(t) || t.pos.as_str() == "d")
    };
    // An open list of long items (…、中央外事工作委员会等会议) names things; short ones are phrases
    // that may well be parallel (看病难、上学难、就业难等问题).
    let last = items(speech, range.clone()).last().map_or("", |r| &speech[r]);
    let long = items(speech, range.clone()).all(|r| speech[r].chars().count() > PHRASE_ITEM_CHARS);
    let open_list = long
        && (speech[range.end..].starts_with('等')
            || last.rsplit_once('等').is_some_and(|(_, kind)| (1..=3).contains(&kind.chars().count())));
    // Nouns under a shared modifier are a list of things (绿色建筑、绿色能源、绿色交通), as nouns under
    // a shared suffix are; a shared opening frames items that say something (坚持稳中求进、坚持改革创新).
    let nominal = |item: Range<usize>| {
        let first = tokens.partition_point(|t| t.start < item.start);
        tokens[first..].iter().take_while(|t| t.end <= item.end).all(is_nominal)
    };
    !open_list
        && !crate::address::is_address(&speech[range.clone()])
        && ((shared_opening && !items(speech, range.clone()).all(nominal)) || items(speech, range).all(predicated))
}

/// A noun or a word that modifies one (绿色, 中国): what a list of things is made of.
fn is_nominal(tok: &Tok) -> bool {
    let tag = tok.pos.as_str();
    tag.starts_with('n') || matches!(tag, "b" | "vn" | "an" | "j")
}

/// Two four-character set phrases (jieba's `i`: a pair needs no idiom dictionary) that mirror each
/// other, and the frame they share: the characters they have in common (无源之水，无本之木 → `无…之…`,
/// unless the idiom list has the pair as one idiom), or the numerals they open with (百舸争流、千帆竞发 → `百…千…`).
fn mirrored_pair(speech: &str, a: &Range<usize>, b: &Range<usize>, dictionary: &mut Dictionary) -> Option<String> {
    let (a, b) = (&speech[a.clone()], &speech[b.clone()]);
    let four = |s: &str| s.len() == 4 * 3 && s.chars().count() == 4;
    if !four(a) || !four(b) {
        return None;
    }
    // The frame first, then the set phrases: most pairs of four characters share no frame, and
    // asking jieba for a word's tag is a cut of it.
    let frame = mirrored_frame(a, b)?;
    (dictionary.tag(a) == Some("i") && dictionary.tag(b) == Some("i")).then_some(frame)
}

/// The frame two phrases of four characters share, if any: the characters they have in common in
/// place (`无…之…`), or the numerals they open with (`百…千…`).
fn mirrored_frame(a: &str, b: &str) -> Option<String> {
    let mut frame = String::new();
    for (x, y) in a.chars().zip(b.chars()) {
        if x == y {
            frame.push(x);
        } else if !frame.ends_with('…') {
            frame.push('…');
        }
    }
    // Two shared characters make a frame (无…之…); one is a coincidence (急于求成、急功近利).
    if frame.chars().filter(|&c| c != '…').nth(1).is_some() {
        return Some(frame);
    }
    let counts = |s: &str| s.starts_with(|c: char| is_formula_numeral(c) || "百千万".contains(c));
    (counts(a) && counts(b))
        .then(|| format!("{}…{}…", a.chars().next().unwrap_or('…'), b.chars().next().unwrap_or('…')))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustc_hash::FxHashMap;

    #[test]
    fn function_words_alone_frame_nothing() {
        let text = "我的、你的、他的";
        let dictionary = crate::segment::full_dictionary();
        let tokens = crate::segment::segment(dictionary.jieba(), text, true, &[]);
        let mut d = Dictionary { jieba: dictionary.jieba(), tags: FxHashMap::default() };
        assert!(parallels(text, &tokens, &mut d).is_empty());
        let text = "坚持改革、坚持开放、坚持创新";
        let tokens = crate::segment::segment(dictionary.jieba(), text, true, &[]);
        let frames: Vec<Option<String>> = parallels(text, &tokens, &mut d).into_iter().map(|f| f.frame).collect();
        assert_eq!(frames, [Some("坚持…".to_string())]);
    }
}
