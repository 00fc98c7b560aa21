//! What changed from one text to another: every term by keyness (the measure the single-text
//! keywords use, here one text against the other), the formulations new, dropped or kept, and
//! the two texts' sizes side by side.

use crate::document::Document;
use crate::model::{
    Analysis, Comparison, FormulationChange, FormulationKind, FormulationStatus, ParagraphChange, ParagraphStatus,
    PartMatch, PartRef, Section, SloganKind, Span, StatsPair, TermChange, TermStatus,
};
use crate::terms::{ZERO_FREQUENCY, log_likelihood};
use crate::text::Utf16Index;
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

/// One side of a comparison: the document (its speech, chrome blanked character for character, so
/// its offsets in bytes and in UTF-16 units are the text's as given; its words, cut as its
/// analysis cut them) and its analysis.
pub struct Side<'t> {
    pub document: &'t Document<'t>,
    pub analysis: &'t Analysis,
}

/// The slogans a comparison lists as formulations: the set phrases official speech is made of. An
/// idiom, a parallel run or a quotation is a matter of style, not a 提法 that comes or goes.
const FORMULATION_KINDS: [(SloganKind, FormulationKind); 4] = [
    (SloganKind::Lexicon, FormulationKind::Lexicon),
    (SloganKind::Numbered, FormulationKind::Numbered),
    (SloganKind::Quoted, FormulationKind::Quoted),
    (SloganKind::Title, FormulationKind::Title),
];

/// Compares `a` with `b`, each analysed with every term kept; formulations are counted and
/// paragraphs aligned in their speech (the body, chrome blanked), words as their documents cut them.
pub fn compare(a: &Side, b: &Side) -> Comparison {
    let formulations = formulation_changes(a, b);
    Comparison {
        terms: named_apart(term_changes(a.analysis, b.analysis), &formulations),
        formulations,
        outline: outline_matches(&a.analysis.outline.sections, &b.analysis.outline.sections),
        paragraphs: paragraph_changes(a.document, b.document),
        stats: StatsPair { a: a.analysis.stats.clone(), b: b.analysis.stats.clone() },
    }
}

/// A term both texts say is `more` or `less` when G² of its two counts is at least this (p < 0.05,
/// one degree of freedom), else `same`. Two texts are compared, not a text against a reference of
/// sixty million words: the keywords' p < 0.0001 left every shared term `same` (a formula said 24
/// times and then 8 has G² ≈ 8).
pub const MIN_CHANGE_LOG_LIKELIHOOD: f64 = 3.84;

fn term_changes(a: &Analysis, b: &Analysis) -> Vec<TermChange> {
    let mut counts: FxHashMap<&str, [(u32, f64); 2]> = FxHashMap::default();
    for (side, analysis) in [a, b].into_iter().enumerate() {
        for t in &analysis.terms {
            counts.entry(&t.term).or_default()[side] = (t.count, t.per_ten_k);
        }
    }
    let (n_a, n_b) = (f64::from(a.stats.tokens.max(1)), f64::from(b.stats.tokens.max(1)));
    let mut changes: Vec<TermChange> = counts
        .into_iter()
        .map(|(term, [(count_a, per_ten_k_a), (count_b, per_ten_k_b)])| {
            let (x, y) = (f64::from(count_a), f64::from(count_b));
            let log_likelihood = log_likelihood(y, n_b, x, n_a);
            let log_ratio = ((y.max(ZERO_FREQUENCY) / n_b) / (x.max(ZERO_FREQUENCY) / n_a)).log2();
            let status = match (count_a, count_b) {
                (0, _) => TermStatus::New,
                (_, 0) => TermStatus::Dropped,
                _ if log_likelihood < MIN_CHANGE_LOG_LIKELIHOOD => TermStatus::Same,
                _ if log_ratio > 0.0 => TermStatus::More,
                _ => TermStatus::Less,
            };
            TermChange {
                term: term.to_string(),
                count_a,
                count_b,
                per_ten_k_a,
                per_ten_k_b,
                log_likelihood,
                log_ratio,
                status,
            }
        })
        .collect();
    crate::sort::sort_by(&mut changes, |x, y| {
        y.log_likelihood.total_cmp(&x.log_likelihood).then_with(|| x.term.cmp(&y.term))
    });
    changes
}

/// The terms without the `new` (`dropped`) ones said only inside longer new (dropped) formulations:
/// 稳住, 楼市 and 股市 of 稳住楼市股市 are no news of their own; 数字乡村, a formulation itself, stays.
fn named_apart(terms: Vec<TermChange>, formulations: &[FormulationChange]) -> Vec<TermChange> {
    let inside = |term: &TermChange, status: FormulationStatus, count: fn(&FormulationChange) -> u32| {
        let said: u32 = formulations
            .iter()
            .filter(|f| f.status == status && f.text != term.term && f.text.contains(&term.term))
            .map(count)
            .sum();
        said > 0 && term.count_a.max(term.count_b) <= said
    };
    terms
        .into_iter()
        .filter(|t| match t.status {
            TermStatus::New => !inside(t, FormulationStatus::New, |f| f.count_b),
            TermStatus::Dropped => !inside(t, FormulationStatus::Dropped, |f| f.count_a),
            _ => true,
        })
        .collect()
}

fn formulation_changes<'s>(a: &'s Side, b: &'s Side) -> Vec<FormulationChange> {
    // `b`'s kind where both texts have it as a slogan: the later text's reading.
    let mut kinds: FxHashMap<&str, FormulationKind> = FxHashMap::default();
    for analysis in [a.analysis, b.analysis] {
        for s in &analysis.slogans {
            if let Some(&(_, kind)) = FORMULATION_KINDS.iter().find(|(k, _)| *k == s.kind) {
                kinds.insert(&s.text, kind);
            }
        }
    }
    for side in [a, b] {
        for phrase in policy_phrases(side.document) {
            kinds.entry(phrase).or_insert(FormulationKind::Phrase);
        }
    }
    let texts: Vec<&str> = kinds.keys().copied().collect();
    let (counts_a, counts_b) = (occurrences(a.document.body(), &texts), occurrences(b.document.body(), &texts));
    let mut changes: Vec<FormulationChange> = texts
        .iter()
        .zip(counts_a.into_iter().zip(counts_b))
        .map(|(&text, (count_a, count_b))| {
            let kind = kinds[text];
            let status = match (count_a, count_b) {
                (0, _) => FormulationStatus::New,
                (_, 0) => FormulationStatus::Dropped,
                _ => FormulationStatus::Kept,
            };
            let lexicon = crate::segment::lexicon_tag(text);
            FormulationChange { text: text.to_string(), kind, count_a, count_b, status, lexicon }
        })
        .collect();
    let rank = |s: FormulationStatus| match s {
        FormulationStatus::New => 0,
        FormulationStatus::Dropped => 1,
        FormulationStatus::Kept => 2,
    };
    crate::sort::sort_by(&mut changes, |x, y| {
        rank(x.status)
            .cmp(&rank(y.status))
            .then((y.count_a + y.count_b).cmp(&(x.count_a + x.count_b)))
            .then_with(|| x.text.cmp(&y.text))
    });
    changes
}

/// Verbs a task opens with in official speech: a verb-object phrase with one of them (提振消费,
/// 稳住楼市股市) is a policy phrase; other verbs (发生深刻变化, 带来一系列新挑战) describe.
const TASK_VERBS: &[&str] = &[
    "提振", "稳住", "扩大", "促进", "推动", "加快", "深化", "提升", "增强", "培育", "打造", "激发", "释放", "优化",
    "完善", "健全", "实施", "推进", "加强", "落实", "巩固", "拓展", "做强", "做优", "稳定", "防范", "化解", "守住",
    "筑牢", "壮大", "发展", "建设", "保障", "降低", "减轻",
];

/// Words that announce a task before its verb and are no part of it: 要大力提振消费 → 提振消费.
const TASK_LEADS: &[&str] = &[
    "要",
    "还要",
    "也要",
    "更要",
    "必须",
    "着力",
    "大力",
    "全力",
    "坚决",
    "持续",
    "切实",
    "努力",
    "积极",
    "继续",
    "更加",
    "进一步",
];

/// A task said once names something specific: its object has at least this many characters
/// (稳住楼市股市; 加强管理, said once, is routine). Said twice, two will do (提振消费).
const TASK_OBJECT_CHARS: usize = 4;

/// The policy phrases of a document: clauses of their own (between marks that end a clause, not
/// items of a list joined by 、) that state a task, a [`TASK_VERBS`] verb and its object, said twice
/// or with a specific object. A phrase cut from a longer clause (保障重点 of 保障重点地区) or a list
/// item (加强非洲猪瘟、…) is none, nor is a clause that describes (发生深刻变化).
fn policy_phrases<'d>(d: &'d Document) -> Vec<&'d str> {
    let (body, offset) = (d.body(), d.cleaned.body.start);
    let (mut found, mut short) = (Vec::new(), Vec::new());
    let mut start = 0;
    let mut listed = false;
    for (at, c) in body.char_indices().filter(|&(_, c)| !crate::text::is_han(c)).chain([(body.len(), '。')]) {
        let ends_clause = matches!(c, '，' | ',' | '。' | '；' | ';' | '！' | '？' | '\n');
        if let Some((task, object_chars)) = task(d, offset + start..offset + at).filter(|_| ends_clause && !listed) {
            if object_chars >= TASK_OBJECT_CHARS { found.push(task) } else { short.push(task) }
        }
        listed = c == '、';
        start = at + c.len_utf8().min(body.len() - at);
    }
    // Short tasks said twice, anywhere: all counted in one pass over the text.
    crate::sort::sort_by(&mut short, |x, y| x.cmp(y));
    short.dedup();
    found.extend(short.iter().zip(occurrences(body, &short)).filter(|(_, n)| *n >= 2).map(|(task, _)| *task));
    found
}

/// The task the clause at `clause` states, without the words that announce it, and its object's
/// length: a [`TASK_VERBS`] verb and an object of 2 to 8 Han characters whose words (as the
/// document cut them, the verb a word of its own) are nouns or modify one, a noun last.
fn task<'d>(d: &'d Document, clause: Range<usize>) -> Option<(&'d str, usize)> {
    let mut rest = &d.speech[clause.clone()];
    while let Some(lead) = TASK_LEADS.iter().find(|l| rest.starts_with(*l) && rest.len() > l.len()) {
        rest = &rest[lead.len()..];
    }
    let verb = TASK_VERBS.iter().find(|v| rest.starts_with(*v))?;
    let object = clause.end - rest.len() + verb.len()..clause.end;
    let object_chars = d.speech[object.clone()].chars().count();
    if !(2..=8).contains(&object_chars) || d.tokens.binary_search_by_key(&object.start, |t| t.start).is_err() {
        return None;
    }
    let words: Vec<_> = d.words_in(object).collect();
    let nominal = |tag: &str| tag.starts_with('n') || matches!(tag, "vn" | "j" | "an");
    let modifies = |tag: &str| nominal(tag) || matches!(tag, "a" | "b");
    let last_noun = words.last().is_some_and(|w| nominal(w.pos.as_str()));
    (last_noun && words.iter().all(|w| modifies(w.pos.as_str()))).then_some((rest, object_chars))
}

/// How often each of `needles` occurs in `haystack` (without overlapping itself, as
/// `str::matches` counts), in one pass over `haystack` rather than one per needle: a comparison
/// counts hundreds of formulations in both texts.
pub(crate) fn occurrences(haystack: &str, needles: &[&str]) -> Vec<u32> {
    let mut by_first: FxHashMap<char, Vec<usize>> = FxHashMap::default();
    for (k, needle) in needles.iter().enumerate() {
        if let Some(first) = needle.chars().next() {
            by_first.entry(first).or_default().push(k);
        }
    }
    let mut counts = vec![0; needles.len()];
    let mut free_from = vec![0; needles.len()]; // where a needle's next occurrence may start
    for (at, c) in haystack.char_indices() {
        for &k in by_first.get(&c).map_or(&[][..], Vec::as_slice) {
            if at >= free_from[k] && haystack[at..].starts_with(needles[k]) {
                counts[k] += 1;
                free_from[k] = at + needles[k].len();
            }
        }
    }
    counts
}

/// How alike two parts must be to correspond: their headings half, their top terms half.
const SAME_PART: f64 = 0.3;

/// The outlines aligned: of every pair of parts at one level, the most alike first (headings by
/// their character pairs, content by the top terms they share) pair up while both are free.
fn outline_matches(a: &[Section], b: &[Section]) -> Vec<PartMatch> {
    fn flatten<'s>(sections: &'s [Section], out: &mut Vec<&'s Section>) {
        for s in sections {
            out.push(s);
            flatten(&s.children, out);
        }
    }
    let (mut pa, mut pb) = (Vec::new(), Vec::new());
    flatten(a, &mut pa);
    flatten(b, &mut pb);
    let (heads_a, heads_b): (Vec<_>, Vec<_>) =
        (pa.iter().map(|s| char_pairs(&s.heading)).collect(), pb.iter().map(|s| char_pairs(&s.heading)).collect());
    let alike = |i: usize, j: usize| {
        let (x, y) = (pa[i], pb[j]);
        let shared = x.top_terms.iter().filter(|t| y.top_terms.contains(t)).count();
        let terms = x.top_terms.len() + y.top_terms.len();
        let content = if terms == 0 { 0.0 } else { 2.0 * shared as f64 / terms as f64 };
        0.5 * dice(&heads_a[i], &heads_b[j]) + 0.5 * content
    };
    let (parts_a, parts_b) = (&pa, &pb);
    let candidates = (pa.len() * pb.len() <= MAX_PAIRINGS).then(|| {
        (0..pb.len())
            .flat_map(|j| {
                (0..parts_a.len()).filter(move |&i| parts_a[i].level == parts_b[j].level).map(move |i| (i, j))
            })
            .map(|(i, j)| (alike(i, j), i, j))
            .filter(|c| c.0 >= SAME_PART)
            .collect()
    });
    let of_b = most_alike_pairs(candidates.unwrap_or_default());
    let taken_a: FxHashSet<usize> = of_b.values().map(|&(i, _)| i).collect();
    let part = |s: &Section| PartRef {
        level: s.level,
        marker: s.marker.clone(),
        heading: s.heading.clone(),
        start: s.start,
        end: s.end,
    };
    let matched = pb.iter().enumerate().map(|(j, y)| {
        let counterpart = of_b.get(&j);
        PartMatch {
            a: counterpart.map(|&(i, _)| part(pa[i])),
            b: Some(part(y)),
            similarity: counterpart.map_or(0.0, |c| c.1),
        }
    });
    let only_a = pa.iter().enumerate().filter(|(i, _)| !taken_a.contains(i)).map(|(_, x)| PartMatch {
        a: Some(part(x)),
        b: None,
        similarity: 0.0,
    });
    matched.chain(only_a).collect()
}

/// How alike two paragraphs must be (Dice's coefficient over their character pairs) to be one
/// paragraph edited rather than one deleted and another inserted.
const SAME_PARAGRAPH: f64 = 0.4;

/// The most pairs of left-over paragraphs weighed for an edit (two texts with nothing in common
/// would otherwise cost the product of their paragraphs); past it, they are inserted and deleted.
const MAX_PAIRINGS: usize = 250_000;

/// The paragraphs of both speeches aligned: the longest common run of identical paragraphs in
/// order is `same`; of the rest, a text found on both sides is `moved`; a paragraph of `b` much
/// like one of `a` is that one `changed` (with its words compared), the most alike first; what is
/// left is `inserted` or `deleted`.
fn paragraph_changes(a: &Document, b: &Document) -> Vec<ParagraphChange> {
    let (pa, pb) = laid_out_alike(
        crate::text::paragraphs_in(&a.speech, a.cleaned.body.clone()),
        crate::text::paragraphs_in(&b.speech, b.cleaned.body.clone()),
    );
    let (ia, ib) = (&a.index, &b.index);
    let text_a = |i: usize| &a.speech[pa[i].clone()];
    let text_b = |j: usize| &b.speech[pb[j].clone()];
    let anchors = common_run(
        &pa.iter().map(|r| &a.speech[r.clone()]).collect::<Vec<_>>(),
        &pb.iter().map(|r| &b.speech[r.clone()]).collect::<Vec<_>>(),
    );
    let anchored_a: FxHashSet<usize> = anchors.iter().map(|&(i, _)| i).collect();
    let anchored_b: FxHashSet<usize> = anchors.iter().map(|&(_, j)| j).collect();
    // Moved: an unanchored paragraph whose text the other side has unanchored too.
    let mut loose_a: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for i in (0..pa.len()).rev().filter(|i| !anchored_a.contains(i)) {
        loose_a.entry(text_a(i)).or_default().push(i);
    }
    let mut moved: FxHashMap<usize, usize> = FxHashMap::default(); // b → a
    for j in (0..pb.len()).filter(|j| !anchored_b.contains(j)) {
        if let Some(i) = loose_a.get_mut(text_b(j)).and_then(Vec::pop) {
            moved.insert(j, i);
        }
    }
    let moved_a: FxHashSet<usize> = moved.values().copied().collect();
    // Changed: of what is left, the most alike pairs first, wherever they stand (a paragraph may
    // move and change at once).
    let left_a: Vec<usize> = (0..pa.len()).filter(|i| !anchored_a.contains(i) && !moved_a.contains(i)).collect();
    let left_b: Vec<usize> = (0..pb.len()).filter(|j| !anchored_b.contains(j) && !moved.contains_key(j)).collect();
    let candidates = (left_a.len() * left_b.len() <= MAX_PAIRINGS).then(|| {
        let pairs_a: Vec<_> = left_a.iter().map(|&i| char_pairs(text_a(i))).collect();
        left_b
            .iter()
            .flat_map(|&j| {
                let pairs_b = char_pairs(text_b(j));
                let scores: Vec<_> = left_a.iter().zip(&pairs_a).map(|(&i, pa)| (dice(pa, &pairs_b), i, j)).collect();
                scores
            })
            .filter(|c| c.0 >= SAME_PARAGRAPH)
            .collect()
    });
    let changed = most_alike_pairs(candidates.unwrap_or_default()); // b → (a, score)
    let changed_a: FxHashSet<usize> = changed.values().map(|&(i, _)| i).collect();
    let span = |index: &Utf16Index, r: &Range<usize>| index.span(r.clone());
    // A paragraph with no words of its own marked: kept, moved, or only on one side.
    let whole = |status, a, b| ParagraphChange { status, a, b, deleted: vec![], inserted: vec![] };
    let mut out = Vec::new();
    let (mut next_a, mut next_b) = (0, 0);
    for &(anchor_a, anchor_b) in anchors.iter().chain(std::iter::once(&(pa.len(), pb.len()))) {
        for (j, para_b) in pb.iter().enumerate().take(anchor_b).skip(next_b) {
            let b_span = Some(span(ib, para_b));
            let change = if let Some(&i) = moved.get(&j) {
                whole(ParagraphStatus::Moved, Some(span(ia, &pa[i])), b_span)
            } else if let Some(&(i, _)) = changed.get(&j) {
                let (deleted, inserted) = word_changes((a, &pa[i]), (b, para_b));
                // Paragraphs that differ in blanks only (a line broken elsewhere) say the same.
                let same = deleted.is_empty() && inserted.is_empty();
                ParagraphChange {
                    status: if same { ParagraphStatus::Same } else { ParagraphStatus::Changed },
                    a: Some(span(ia, &pa[i])),
                    b: b_span,
                    deleted,
                    inserted,
                }
            } else {
                whole(ParagraphStatus::Inserted, None, b_span)
            };
            out.push(change);
        }
        for i in (next_a..anchor_a).filter(|i| !moved_a.contains(i) && !changed_a.contains(i)) {
            out.push(whole(ParagraphStatus::Deleted, Some(span(ia, &pa[i])), None));
        }
        if anchor_a < pa.len() {
            out.push(whole(ParagraphStatus::Same, Some(span(ia, &pa[anchor_a])), Some(span(ib, &pb[anchor_b]))));
        }
        (next_a, next_b) = (anchor_a + 1, anchor_b + 1);
    }
    out
}

/// How many times more paragraphs one text may have than the other and still be aligned paragraph
/// by paragraph. Past it, the two are one speech laid out twice, or texts with nothing to pair (a
/// copy flattened onto a line or a few against one paragraphed as printed): each is compared as
/// one stretch, its sentences matched first, rather than one paragraph of the few paired with one
/// of the many and the rest called inserted.
const LAYOUT_RATIO: usize = 2;

/// The paragraphs to align: as they are, or each body whole when the two are laid out too
/// differently ([`LAYOUT_RATIO`]).
fn laid_out_alike(pa: Vec<Range<usize>>, pb: Vec<Range<usize>>) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let whole = |p: &[Range<usize>]| p.first().zip(p.last()).map(|(f, l)| f.start..l.end).into_iter().collect();
    match (pa.len().min(pb.len()), pa.len().max(pb.len())) {
        (fewest, most) if fewest > 0 && most > LAYOUT_RATIO * fewest => (whole(&pa), whole(&pb)),
        _ => (pa, pb),
    }
}

/// The most cells the table of a longest common run may have (4 bytes each): two long texts with
/// little in common would otherwise need the product of their lengths.
const MAX_TABLE_CELLS: usize = 2_000_000;

/// The longest common subsequence of two lists, as pairs of indices: identical paragraphs in
/// order, or identical words. The common start and end are matched in one pass; what differs
/// between them is compared in full when its table fits [`MAX_TABLE_CELLS`], else left unmatched.
fn common_run<T: PartialEq>(a: &[T], b: &[T]) -> Vec<(usize, usize)> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let (middle_a, middle_b) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let middle = if (middle_a.len() + 1) * (middle_b.len() + 1) <= MAX_TABLE_CELLS {
        longest_common_subsequence(middle_a, middle_b)
    } else {
        Vec::new()
    };
    (0..prefix)
        .map(|k| (k, k))
        .chain(middle.into_iter().map(|(i, j)| (prefix + i, prefix + j)))
        .chain((0..suffix).map(|k| (a.len() - suffix + k, b.len() - suffix + k)))
        .collect()
}

/// The longest common subsequence by the textbook table: quadratic, so [`common_run`] bounds it.
fn longest_common_subsequence<T: PartialEq>(a: &[T], b: &[T]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    // lengths[i][j]: the longest common run of a[i..] and b[j..].
    let mut lengths = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lengths[at(i, j)] = if a[i] == b[j] {
                lengths[at(i + 1, j + 1)] + 1
            } else {
                lengths[at(i + 1, j)].max(lengths[at(i, j + 1)])
            };
        }
    }
    let (mut i, mut j, mut pairs) = (0, 0, Vec::new());
    while i < n && j < m {
        if a[i] == b[j] {
            pairs.push((i, j));
            (i, j) = (i + 1, j + 1);
        } else if lengths[at(i + 1, j)] >= lengths[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

/// Of candidate pairs `(score, a, b)`, the most alike first, each taken while both its sides are
/// free: `b` → `(a, score)`. Ties go to the earlier `b`, then the earlier `a`.
fn most_alike_pairs(mut candidates: Vec<(f64, usize, usize)>) -> FxHashMap<usize, (usize, f64)> {
    crate::sort::sort_by(&mut candidates, |x, y| y.0.total_cmp(&x.0).then((x.2, x.1).cmp(&(y.2, y.1))));
    let mut of_b = FxHashMap::default();
    let mut taken_a = FxHashSet::default();
    for (score, i, j) in candidates {
        if !of_b.contains_key(&j) && taken_a.insert(i) {
            of_b.insert(j, (i, score));
        }
    }
    of_b
}

/// A text's character pairs with their counts.
fn char_pairs(s: &str) -> FxHashMap<(char, char), u32> {
    let chars: Vec<char> = s.chars().collect();
    let mut counts = FxHashMap::default();
    for w in chars.windows(2) {
        *counts.entry((w[0], w[1])).or_insert(0) += 1;
    }
    counts
}

/// Dice's coefficient of two texts' [`char_pairs`]: 1 for the same pairs, 0 for none shared (or
/// none to share: texts of one character).
fn dice(x: &FxHashMap<(char, char), u32>, y: &FxHashMap<(char, char), u32>) -> f64 {
    let total: u32 = x.values().sum::<u32>() + y.values().sum::<u32>();
    let shared: u32 = x.iter().map(|(k, n)| (*n).min(y.get(k).copied().unwrap_or(0))).sum();
    if total == 0 { 0.0 } else { 2.0 * f64::from(shared) / f64::from(total) }
}

/// The words of paragraph `ra` of `a` that `b`'s paragraph `rb` lacks, and those it adds, as
/// UTF-16 spans (runs of neighbouring words joined). Sentences the two share in order are matched
/// first and only the words between them compared: a paragraph flattened from a whole speech
/// would otherwise cost the product of its words.
fn word_changes((a, ra): (&Document, &Range<usize>), (b, rb): (&Document, &Range<usize>)) -> (Vec<Span>, Vec<Span>) {
    let (sa, sb) = (sentences(&a.speech, ra), sentences(&b.speech, rb));
    let same = common_run(
        &sa.iter().map(|r| &a.speech[r.clone()]).collect::<Vec<_>>(),
        &sb.iter().map(|r| &b.speech[r.clone()]).collect::<Vec<_>>(),
    );
    let (mut deleted, mut inserted) = (Vec::new(), Vec::new());
    let (mut from_a, mut from_b) = (ra.start, rb.start);
    for (i, j) in same.into_iter().map(|(i, j)| (Some(i), Some(j))).chain([(None, None)]) {
        let to_a = i.map_or(ra.end, |i| sa[i].start);
        let to_b = j.map_or(rb.end, |j| sb[j].start);
        // Between two matched sentences there is most often nothing: no words to cut.
        if from_a < to_a || from_b < to_b {
            let (d, n) = gap_changes((a, from_a..to_a), (b, from_b..to_b));
            deleted.extend(d.into_iter().map(|r| a.index.span(r)));
            inserted.extend(n.into_iter().map(|r| b.index.span(r)));
        }
        (from_a, from_b) = (i.map_or(ra.end, |i| sa[i].end), j.map_or(rb.end, |j| sb[j].end));
    }
    (deleted, inserted)
}

/// A paragraph's sentences with their byte ranges, each up to and with its closing mark, without
/// the blanks and line breaks before it (a paragraph compared whole has its breaks inside).
fn sentences(text: &str, r: &Range<usize>) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut start = r.start;
    let mut push = |start: usize, end: usize| {
        let lead = text[start..end].len() - text[start..end].trim_start_matches(is_space).len();
        if start + lead < end {
            found.push(start + lead..end);
        }
    };
    for (at, c) in text[r.clone()].char_indices() {
        if crate::text::is_sentence_end(c) {
            push(start, r.start + at + c.len_utf8());
            start = r.start + at + c.len_utf8();
        }
    }
    push(start, r.end);
    found
}

/// A blank or a line break: layout, never a word changed.
fn is_space(c: char) -> bool {
    c == '\n' || c == '\r' || crate::text::is_blank(c)
}

/// The words of `a`'s speech at `ra` that `b`'s at `rb` lacks, and those it adds, as byte ranges
/// (runs of neighbouring words joined), by a common run over the words as each document cut them.
fn gap_changes(
    (a, ra): (&Document, Range<usize>),
    (b, rb): (&Document, Range<usize>),
) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let words = |d: &Document, r: Range<usize>| -> Vec<Range<usize>> { d.words_in(r).map(|t| t.range()).collect() };
    let (wa, wb) = (words(a, ra), words(b, rb));
    let (text_a, text_b) = (&a.speech, &b.speech);
    let kept = common_run(
        &wa.iter().map(|r| &text_a[r.clone()]).collect::<Vec<_>>(),
        &wb.iter().map(|r| &text_b[r.clone()]).collect::<Vec<_>>(),
    );
    let (kept_a, kept_b): (FxHashSet<usize>, FxHashSet<usize>) = kept.into_iter().unzip();
    let runs = |words: &[Range<usize>], kept: &FxHashSet<usize>| -> Vec<Range<usize>> {
        let mut spans: Vec<Range<usize>> = Vec::new();
        for (k, w) in words.iter().enumerate().filter(|(k, _)| !kept.contains(k)) {
            match spans.last_mut() {
                Some(last) if k > 0 && !kept.contains(&(k - 1)) => last.end = w.end,
                _ => spans.push(w.clone()),
            }
        }
        spans
    };
    (runs(&wa, &kept_a), runs(&wb, &kept_b))
}

#[cfg(test)]
mod tests {
    use super::occurrences;

    #[test]
    fn occurrences_count_as_str_matches_does() {
        let haystack = "新发展格局，构建新发展格局；发展发展发展，“新发展”";
        let needles = ["新发展格局", "发展发展", "发展", "新发展", "格局", "没有"];
        let expected: Vec<u32> = needles.iter().map(|n| haystack.matches(n).count() as u32).collect();
        assert_eq!(occurrences(haystack, &needles), expected);
        assert_eq!(expected, [2, 1, 6, 3, 2, 0]);
    }
}
