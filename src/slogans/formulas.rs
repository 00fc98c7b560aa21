//! Numbered formulas (三高四新, 两个确立, 四链) and their expansions: the shapes of a formula and of
//! a quantity, the lexicon's versions of each formula's items by date, the senses a formula has in
//! its context, and the items a speech spells out after or lists before it.

use super::found::{Dictionary, Found, ITEM_MAX_CHARS};
use crate::finding::{Evidence, Flagged};
use crate::marks::{MARKS, is_phrase};
use crate::numerals::{chinese_number, chinese_numeral, is_formula_numeral};
use crate::segment::{Tok, lexicon_entries};
use crate::text::{is_blank, is_han, is_sentence_end};
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// Words after a numeral that make it a quantity, not a formula: `三个月` is three months.
/// Checked after an optional classifier (`个`, `项`); the first entry that starts the rest wins.
const QUANTITY_HEADS: &[(&str, &str)] = &[
    ("月", "三个月"),
    ("年", "两年"),
    ("天", "三天"),
    ("日", "五日"),
    ("星期", "两个星期"),
    ("小时", "两个小时"),
    ("季度", "三个季度"),
    ("世纪", "二十一世纪"),
    ("届", "十二届四次全会"),
    ("次", "四次全会"),
    ("人", "三个人"),
    ("倍", "两倍"),
    ("万", "三万"),
    ("亿", "两亿"),
    ("千", "五千"),
    ("百", "三百"),
    ("多", "二十多"),
    ("余", "十余"),
    ("些", "一些"),
    ("点", "两点"),
    ("方面", "三个方面"),
    ("部分", "两个部分"),
    ("岁", "十四岁"),
    ("家", "三家"),
    ("分", "十分重要"),
];

/// Classifiers a formula may put between its numeral and its noun: 两个确立, 四项基本原则.
const CLASSIFIERS: &[(char, &str)] =
    &[('个', "四个意识"), ('项', "四项基本原则"), ('大', "三大攻坚战"), ('条', "三条红线")];

/// What the lexicon knows of a word.
pub(super) struct Known {
    /// A numbered formula by its shape (两个确立, filed under `party`) or filed as one (双倍增,
    /// whose 倍 would read as a quantity). Worked out once here, not per occurrence.
    pub(super) numbered: bool,
    /// A set formulation (提法), which is a slogan; a topic (产业链, 人工智能) is a term only.
    pub(super) formulation: bool,
    /// The items an abbreviation stands for (`=a、b、c` in its note), in each version it had.
    expansions: Vec<Expansion>,
}

/// A version of an abbreviation's items and the months it held, counted as `year * 12 + month - 1`
/// (`2014.12-2020.10=全面建成小康社会、…`; open-ended without a date).
struct Expansion {
    months: std::ops::RangeInclusive<u32>,
    items: Vec<&'static str>,
}

/// What separates a lexicon note's items: never in an item, which keeps its own 、 (两个确立's
/// 习近平同志党中央的核心、全党的核心地位).
const ITEM_SEPARATOR: char = ';';

/// The versions of the items a lexicon note spells out (see data/lexicon.tsv, `note`).
fn expansions(note: &'static str) -> Vec<Expansion> {
    let month = |s: &str| {
        let (year, month) = s.split_once('.')?;
        Some(year.parse::<u32>().ok()? * 12 + month.parse::<u32>().ok()?.checked_sub(1)?)
    };
    note.split('|')
        .filter_map(|version| {
            let (era, items) = version.split_once('=')?;
            let months = match era.split_once('-') {
                None if era.is_empty() => 0..=u32::MAX,
                Some((from, until)) => {
                    month(from).unwrap_or(0)..=(if until.is_empty() { u32::MAX } else { month(until)? })
                }
                None => return None,
            };
            Some(Expansion { months, items: items.split(ITEM_SEPARATOR).collect() })
        })
        .collect()
}

/// Every version of every formula the lexicon spells out: (formula, the months it held as
/// `year * 12 + month - 1`, its items in their fixed order). The draft check holds lists to them.
pub fn formula_versions()
-> impl Iterator<Item = (&'static str, &'static std::ops::RangeInclusive<u32>, &'static [&'static str])> {
    lexicon()
        .iter()
        .flat_map(|(word, known)| known.expansions.iter().map(move |v| (*word, &v.months, v.items.as_slice())))
}

/// FxHash, as for every per-analysis table: the lexicon is looked up once per token, where std's
/// SipHash costs more than the lookup. Its keys are fixed, so crafted input cannot pile collisions into it.
type LexiconMap = FxHashMap<&'static str, Known>;

/// The lexicon's words with what it knows of them.
pub(super) fn lexicon() -> &'static LexiconMap {
    static LEXICON: OnceLock<LexiconMap> = OnceLock::new();
    LEXICON.get_or_init(|| {
        lexicon_entries()
            .iter()
            .map(|e| {
                let numbered = e.category == "numbered" || formula_count(e.word).is_some();
                (e.word, Known { numbered, formulation: e.formulation, expansions: expansions(e.note) })
            })
            .collect()
    })
}

fn is_classifier(c: char) -> bool {
    CLASSIFIERS.iter().any(|(k, _)| *k == c)
}

/// `rest` begins with a quantity word: the numeral before it counts things, it names no formula.
fn is_quantity(rest: &str) -> bool {
    QUANTITY_HEADS.iter().any(|(head, _)| rest.starts_with(head))
}

/// How many items a formula names, judged by its shape; `None` when it is no formula.
/// `Some(None)`: a formula whose shape gives no count (十四五 is a plan, not fourteen-five things).
/// 新 or 老 may open it: 新三样 (电动汽车、锂电池、光伏产品), 老三样.
fn formula_count(s: &str) -> Option<Option<u32>> {
    if let Some(rest) = s.strip_prefix(['新', '老']).filter(|rest| rest.starts_with(is_formula_numeral)) {
        return formula_count(rest);
    }
    let chars: Vec<char> = s.chars().collect();
    // 十四五, 十三五: a five-year plan.
    if let ['十', d, '五'] = chars[..]
        && is_formula_numeral(d)
    {
        return Some(None);
    }
    // 三高四新, 一带一路, 三去一降一补: numeral and one character, at least twice, alternating.
    if chars.len() >= 4
        && chars.len().is_multiple_of(2)
        && chars.chunks(2).all(|p| {
            let counted = p[1].to_string();
            is_formula_numeral(p[0])
                && is_han(p[1])
                && !is_formula_numeral(p[1])
                && !is_quantity(&counted)
                && !is_classifier(p[1])
        })
    {
        return Some(chars.chunks(2).map(|p| chinese_number(&p[0].to_string())).sum());
    }
    // 四链, 双倍增, 两个确立, 五位一体: a number (not 一, which starts 一直 and 一些), an optional
    // classifier, then the thing counted.
    let digits = chars.iter().take_while(|c| is_formula_numeral(**c)).count();
    let number = chinese_number(&s[..chars[..digits].iter().map(|c| c.len_utf8()).sum()])?;
    let mut rest = &chars[digits..];
    if let [c, tail @ ..] = rest
        && is_classifier(*c)
        && !tail.is_empty()
    {
        rest = tail;
    }
    let rest: String = rest.iter().collect();
    (chars[0] != '一' && !rest.is_empty() && rest.chars().all(is_han) && !is_quantity(&rest)).then_some(Some(number))
}

/// A numbered formula by its shape (三高四新) or as the lexicon files it.
pub(super) fn is_numbered(word: &str) -> bool {
    lexicon().get(word).map_or_else(|| formula_count(word).is_some(), |known| known.numbered)
}

/// The items a formula is known to stand for, from the lexicon, in the version of `month` (the
/// text's own latest date, `year * 12 + month - 1`; the current version when it has none).
pub(super) fn known_expansion(formula: &str, month: Option<u32>) -> Option<&'static [&'static str]> {
    let versions = &lexicon().get(formula)?.expansions;
    let dated = month.and_then(|m| versions.iter().find(|v| v.months.contains(&m)));
    dated.or(versions.last()).map(|v| v.items.as_slice())
}

/// A formula said in another sense than the lexicon's, by what stands right before or after it:
/// its items then are these (none if empty).
struct Sense {
    formula: &'static str,
    before: &'static str,
    after: &'static str,
    items: &'static str,
    #[cfg_attr(not(test), expect(dead_code, reason = "documents the rule; the tests check it"))]
    example: &'static str,
}

/// Formulas a context gives another sense.
const OTHER_SENSES: &[Sense] = &[
    // 新经济组织和新社会组织, not equipment renewal and trade-ins.
    Sense { formula: "两新", before: "", after: "组织", items: "", example: "加强“两新”组织党建" },
    Sense {
        formula: "两个大局",
        before: "国内国际",
        after: "",
        items: "国内大局;国际大局",
        example: "统筹国内国际两个大局",
    },
];

/// The items `formula` stands for at `at` (its first occurrence in `speech`): another sense's, if
/// the context gives it one, else the lexicon's for the text's `month`.
pub(super) fn expansion_at(speech: &str, formula: &str, at: Range<usize>, month: Option<u32>) -> Option<Vec<String>> {
    let before = &speech[..at.start];
    let after = speech[at.end..].trim_start_matches(|c: char| MARKS.iter().any(|m| m.1 == c));
    let sense =
        OTHER_SENSES.iter().find(|s| s.formula == formula && before.ends_with(s.before) && after.starts_with(s.after));
    match sense {
        Some(sense) => {
            (!sense.items.is_empty()).then(|| sense.items.split(ITEM_SEPARATOR).map(str::to_string).collect())
        }
        None => known_expansion(formula, month).map(|items| items.iter().map(|s| s.to_string()).collect()),
    }
}

/// How the text spells out a formula right after it, each with what it catches.
const EXPANSIONS: &[(Spelled, &str)] = &[
    (Spelled::Parenthesised, "“四链”(创新链、产业链、资金链、人才链)"),
    (Spelled::ColonList, "“三个导向”：目标导向、问题导向、结果导向。"),
    (Spelled::Counted, "“两个坚持”：一是坚持创新；二是坚持开放。"),
];

#[derive(Clone, Copy, Debug)]
enum Spelled {
    Parenthesised,
    ColonList,
    Counted,
}

/// How far past a formula a counted spelling-out (一是…二是…) may run: its items run to a few
/// sentences each. The bound keeps the scan linear when formulas crowd one long line.
const COUNTED_MAX_BYTES: usize = 3000;

/// The items spelled out right after `at`, and where they end.
fn expansion_after(speech: &str, at: usize) -> Option<(Vec<String>, usize)> {
    EXPANSIONS.iter().find_map(|(shape, _)| spelled(&speech[at..], *shape)).map(|(items, end)| (items, at + end))
}

/// Short items separated by `separators` up to the first `end`, read lazily: the first item too
/// long or a line end gives up, so prose after a colon costs a few characters, not the line.
fn short_items<'t>(text: &'t str, separators: &[char], end: impl Fn(char) -> bool) -> Option<(Vec<&'t str>, usize)> {
    let mut items = Vec::new();
    let mut start = 0;
    for (at, c) in text.char_indices() {
        if separators.contains(&c) || end(c) {
            items.push(text[start..at].trim_matches(|c: char| is_blank(c) || c.is_ascii_punctuation()));
            start = at + c.len_utf8();
            if end(c) {
                return (items.len() >= 2 && items.iter().all(|i| !i.is_empty())).then_some((items, start));
            }
        } else if c == '\n' || at - start > ITEM_MAX_CHARS * 4 {
            return None;
        }
    }
    None
}

/// The items `rest` opens with in `shape`, and where in `rest` they end.
fn spelled(rest: &str, shape: Spelled) -> Option<(Vec<String>, usize)> {
    let owned = |(items, end): (Vec<&str>, usize)| (items.into_iter().map(str::to_string).collect(), end);
    let offset = |inner: &str| rest.len() - inner.len();
    match shape {
        Spelled::Parenthesised => {
            let inner = rest.strip_prefix(['(', '（'])?;
            short_items(inner, &['、', '，', ','], |c| matches!(c, ')' | '）'))
                .map(|(items, end)| owned((items, offset(inner) + end)))
        }
        Spelled::ColonList => {
            let inner = rest.strip_prefix(['：', ':'])?;
            // The last item ends at the sentence's end, which is not part of the list.
            short_items(inner, &['、'], is_sentence_end).map(|(items, end)| {
                owned((items, offset(inner) + end - inner[..end].chars().last().map_or(0, char::len_utf8)))
            })
        }
        Spelled::Counted => {
            let inner = rest.strip_prefix(['：', ':'])?.trim_start_matches(is_blank);
            if !inner.starts_with("一是") {
                return None;
            }
            // Where the items start, taken before `inner` is cut short (`offset` measures from its end).
            let start = offset(inner);
            let inner = &inner[..floor_boundary(inner, COUNTED_MAX_BYTES)];
            let inner = &inner[..inner.find('\n').unwrap_or(inner.len())];
            let mut items = Vec::new();
            let mut from = 0;
            for n in 1.. {
                let marker = format!("{}是", chinese_numeral(n));
                let Some(found) = inner[from..].find(&marker).map(|f| from + f) else { break };
                let item_start = found + marker.len();
                let item_len =
                    inner[item_start..].find(crate::text::is_clause_break).unwrap_or(inner.len() - item_start);
                items.push(inner[item_start..item_start + item_len].trim_matches(is_blank).to_string());
                from = item_start + item_len;
            }
            let fits = items.len() >= 2 && items.iter().all(|i| (1..=ITEM_MAX_CHARS).contains(&i.chars().count()));
            fits.then(|| (items, start + from))
        }
    }
}

fn floor_boundary(s: &str, mut at: usize) -> usize {
    if at >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Numbered formulas said as one, joined by 、: “一个中心、两个基本点”, and the lexicon's key for
/// them (一个中心两个基本点).
pub(super) fn joined_formulas(inner: &str) -> Option<String> {
    let parts: Vec<&str> = inner.split('、').collect();
    let joined = parts.concat();
    let formulas = (2..=4).contains(&parts.len())
        && (lexicon().get(joined.as_str()).is_some_and(|known| known.numbered)
            || parts.iter().all(|p| is_phrase(p) && is_numbered(p)));
    formulas.then_some(joined)
}

/// The items listed right before a quoted formula, as many as it counts: 电动汽车、锂电池、光伏产品
/// “新三样”. `before` is where its opening mark stands.
pub(super) fn listed_before(speech: &str, before: usize, formula: &str) -> Option<Vec<String>> {
    let count = formula_count(formula).flatten()? as usize;
    let clause_start = speech[..before]
        .rfind(|c: char| !is_han(c) && c != '、')
        .map_or(0, |at| at + speech[at..].chars().next().map_or(0, char::len_utf8));
    let mut items: Vec<&str> = speech[clause_start..before].split('、').collect();
    if let (Some(first), Some(last)) = (items.first().copied(), items.last_mut()) {
        *last = without_shared_head(first, last);
    }
    let listed = items.len() == count && items.iter().all(|i| (2..=ITEM_MAX_CHARS).contains(&i.chars().count()));
    listed.then(|| items.into_iter().map(str::to_string).collect())
}

/// Words that make the items before a quoted formula a subject the formula is said of: 耕地、林地
/// 面积持续“双缩减” lists 耕地 and 林地, whose shared 面积 and the verb are no part of the last.
const LISTED_PREDICATES: &[(&str, &str)] = &[
    ("持续", "耕地、林地面积持续“双缩减”"),
    ("不断", "城镇、农村居民收入不断“双提高”"),
    ("实现", "出口、进口总额实现“双增长”"),
    ("保持", "城镇、农村就业保持“双稳定”"),
];

/// The last of the items listed before a formula, without the head noun and verb the items share
/// (林地面积持续 after 耕地 → 林地: as long as the first item); unchanged without such a verb
/// (耕地、永久基本农田“双保护”).
fn without_shared_head<'t>(first: &str, last: &'t str) -> &'t str {
    let Some((verb, _)) = LISTED_PREDICATES.iter().find(|(v, _)| last.ends_with(v)) else {
        return last;
    };
    let subject = &last[..last.len() - verb.len()];
    let length = first.chars().count();
    subject.char_indices().nth(length).map_or(subject, |(at, _)| &subject[..at])
}

/// A numbered formula said bare and not in the lexicon: 三高四新 and 一村一品 by their alternating
/// shape, starting at `tok` and ending on a word boundary, and not an idiom or numeral of that
/// shape (一心一意, 一五一十).
pub(super) fn unquoted_formula(
    speech: &str,
    tokens: &[Tok],
    tok: &Tok,
    dictionary: &mut Dictionary,
) -> Option<Range<usize>> {
    let rest = &speech[tok.start..];
    let mut head = rest.chars();
    // Numeral, counted character, numeral: checked first, as almost no token opens that way.
    let shape = (head.next(), head.next(), head.next());
    if !matches!(shape, (Some(a), Some(b), Some(c)) if is_formula_numeral(a) && !is_formula_numeral(b) && is_formula_numeral(c))
    {
        return None;
    }
    let ends_word = |end: usize| tokens.binary_search_by_key(&end, |t| t.end).is_ok();
    let end = rest
        .char_indices()
        .take(8)
        .map(|(i, c)| tok.start + i + c.len_utf8())
        .filter(|&end| ends_word(end) && speech[tok.start..end].chars().nth(2).is_some_and(is_formula_numeral))
        .filter(|&end| formula_count(&speech[tok.start..end]).is_some())
        .last()?;
    let shape = &speech[tok.start..end];
    // 一件一件, 一时一刻: said bare, numerals that are all 一 count nothing (一村一品 is in the lexicon).
    let counts = shape.chars().step_by(2).any(|c| c != '一');
    (counts && !dictionary.tag(shape).is_some_and(|t| matches!(t, "i" | "l" | "m"))).then_some(tok.start..end)
}

/// A numeral, a classifier and what it counts, said bare and spelled out right after with as many
/// items: 要做到四个坚持：一是…；二是…；三是…；四是…. Without the items, 四个坚持 could be any
/// four things, so only the count the text keeps makes it a formula.
pub(super) fn spelled_formula(speech: &str, tokens: &[Tok], tok: &Tok) -> Option<Range<usize>> {
    let mut chars = speech[tok.start..].chars();
    let (numeral, classifier) = (chars.next()?, chars.next()?);
    if !is_formula_numeral(numeral) || numeral == '一' || !is_classifier(classifier) {
        return None;
    }
    let first = tokens.partition_point(|t| t.start < tok.start);
    // What is counted: the words after the classifier, up to four characters in all.
    tokens[first..].iter().take(3).map(|t| t.end).filter(|&end| speech[tok.start..end].chars().count() <= 6).find_map(
        |end| {
            let count = formula_count(&speech[tok.start..end]).flatten()?;
            let (items, _) = expansion_after(speech, end)?;
            (items.len() == count as usize && speech[tok.start..end].chars().nth(2).is_some()).then_some(tok.start..end)
        },
    )
}

/// Attaches to a numbered formula the items the text spells it out as, and reports a count that
/// does not match what the formula promises.
pub(super) fn spell_out(
    speech: &str,
    f: &mut Found,
    after: usize,
    warnings: &mut Vec<Flagged>,
    expansions: &mut Vec<Range<usize>>,
) {
    let Some((items, end)) = expansion_after(speech, after) else { return };
    let formula = &speech[f.text.clone()];
    let promised = known_expansion(formula, None).map(|k| k.len() as u32).or_else(|| formula_count(formula).flatten());
    if let Some(n) = promised
        && n as usize != items.len()
    {
        let (formula, found, items) = (formula.to_string(), items.len() as u32, items.clone());
        let evidence = Evidence::ExpansionCount { formula, expected: n, found, items };
        warnings.push(Flagged { range: f.text.start..end, evidence });
    }
    expansions.push(after..end);
    f.expansion = Some(items);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_quantity_head_stops_its_example_being_a_formula() {
        for (head, example) in QUANTITY_HEADS {
            assert!(example.contains(head), "{example}");
            let formula = example.trim_start_matches(|c: char| !is_formula_numeral(c));
            assert_eq!(formula_count(formula), None, "{example}");
        }
    }

    #[test]
    fn formula_shapes_and_their_counts() {
        for (formula, count) in [
            ("三高四新", Some(7)),
            ("一带一路", Some(2)),
            ("三去一降一补", Some(5)),
            ("四链", Some(4)),
            ("两个确立", Some(2)),
            ("两个一批", Some(2)),
            ("四项基本原则", Some(4)),
            ("十四五", None),
        ] {
            assert_eq!(formula_count(formula), Some(count), "{formula}");
        }
        // 双倍增's 倍 reads as a quantity (三倍); the lexicon files it as a formula.
        assert!(formula_count("双倍增").is_none() && is_numbered("双倍增"));
        for not in ["一直", "一些", "九二共识", "县域经济", "三个月", "一心"] {
            assert_eq!(formula_count(not), None, "{not}");
        }
        for (c, example) in CLASSIFIERS {
            assert!(example.contains(*c) && formula_count(example).is_some(), "{example}");
        }
    }

    #[test]
    fn each_spelling_out_shape_reads_its_example() {
        for (shape, example) in EXPANSIONS {
            let after = example.find('”').map(|i| i + '”'.len_utf8()).unwrap_or(0);
            let (items, _) = spelled(&example[after..], *shape).unwrap_or_else(|| panic!("{example}"));
            assert!(items.len() >= 2, "{example}: {items:?}");
        }
    }

    #[test]
    fn every_other_sense_holds_in_its_example() {
        for sense in OTHER_SENSES {
            let at = sense.example.find(sense.formula).expect("the example says the formula");
            let items = expansion_at(sense.example, sense.formula, at..at + sense.formula.len(), None);
            let want: Option<Vec<String>> =
                (!sense.items.is_empty()).then(|| sense.items.split(ITEM_SEPARATOR).map(str::to_string).collect());
            assert_eq!(items, want, "{}", sense.example);
        }
    }

    #[test]
    fn listed_items_leave_out_the_head_they_share() {
        for (verb, example) in LISTED_PREDICATES {
            let open = example.find('“').expect("a quoted formula");
            let formula = &example[open + '“'.len_utf8()..example.rfind('”').expect("closed")];
            let items = listed_before(example, open, formula).unwrap_or_else(|| panic!("{example}"));
            assert!(items.iter().all(|i| i.chars().count() == 2 && !i.contains(verb)), "{example}: {items:?}");
        }
        let text = "耕地、永久基本农田“双保护”";
        let items = listed_before(text, text.find('“').unwrap_or(0), "双保护");
        assert_eq!(items, Some(vec!["耕地".to_string(), "永久基本农田".to_string()]));
    }

    #[test]
    fn lexicon_items_keep_their_own_enumeration_marks() {
        let items = known_expansion("两个确立", None).expect("两个确立 expands");
        assert_eq!(items, ["习近平同志党中央的核心、全党的核心地位", "习近平新时代中国特色社会主义思想的指导地位"]);
        for e in crate::segment::lexicon_entries().iter().filter(|e| e.note.contains('=')) {
            for version in expansions(e.note) {
                assert!(version.items.len() >= 2, "{}: {}", e.word, e.note);
                assert!(
                    version.items.iter().all(|i| !i.is_empty() && i.chars().all(|c| is_han(c) || c == '、')),
                    "{}",
                    e.word
                );
            }
        }
    }

    #[test]
    fn expansions_are_read_in_the_version_of_the_texts_date() {
        let month = |y: u32, m: u32| Some(y * 12 + m - 1);
        let first = |m| known_expansion("四个全面", m).map(|items| items[0]);
        assert_eq!(first(month(2017, 10)), Some("全面建成小康社会"));
        assert_eq!(first(month(2020, 10)), Some("全面建成小康社会"));
        assert_eq!(first(month(2020, 11)), Some("全面建设社会主义现代化国家"));
        assert_eq!(first(None), Some("全面建设社会主义现代化国家"));
    }
}
