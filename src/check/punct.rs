//! Punctuation as GB/T 15834 sets it for Chinese text.

use super::{Draft, Found, Rule, Severity, is_numeral};
use crate::text::is_han;

pub const RULES: &[Rule] = &[
    Rule {
        id: "punct.halfwidth",
        severity: Severity::Error,
        flags: &[
            "各位领导:大家好,现在开会",
            "我们要坚定信心;迎难而上",
            "大家好!",
            "这是为什么?我们要想一想",
            "要(一)加强领导",
        ],
        leaves: &[
            "10:30开会",
            "经济增长5.2%",
            "1.加强组织领导",
            "他说：“Stay hungry, stay foolish.”",
            "第（1）项",
            "GDP (国内生产总值)",
        ],
        find: halfwidth,
    },
    Rule {
        id: "punct.unpaired",
        severity: Severity::Error,
        flags: &["学习“两个确立。", "学习两个确立”。", "认真学习《条例。", "要（一加强领导", "学习”两个确立“。"],
        leaves: &[
            "学习“两个确立”。",
            "他说：“第一段话，\n“第二段话。”",
            "认真学习《中国共产党章程》。",
            "（一）加强领导",
            "it’s a “test”",
        ],
        find: unpaired,
    },
    Rule {
        id: "punct.ellipsis",
        severity: Severity::Error,
        flags: &["等等...", "如此等等。。。", "各项工作…"],
        leaves: &["各项工作……", "1949—1986年", "版本1.2.3"],
        find: ellipsis,
    },
    Rule {
        id: "punct.dash",
        severity: Severity::Error,
        flags: &["一个目标--全面小康", "一个目标－－全面小康"],
        leaves: &["一个目标——全面小康", "1949—1986年", "参数--help"],
        find: dash,
    },
    Rule {
        id: "punct.doubled",
        severity: Severity::Error,
        flags: &["意义重大！！", "完成任务。。", "我们，，要"],
        leaves: &["难道不是吗？！", "意义重大！", "如此等等。。。"],
        find: doubled,
    },
    Rule {
        id: "punct.ordinal",
        severity: Severity::Error,
        flags: &[
            "（一）、加强领导",
            "第一、要加强领导",
            "一.总体要求",
            "（1）、加强领导",
            "要求如下：（二），落实责任",
        ],
        leaves: &[
            "（一）加强领导",
            "第一，要加强领导",
            "一、总体要求",
            "第一、二产业",
            "第一、第二季度",
            "1.加强领导",
            "第一,要加强领导",
        ],
        find: ordinal,
    },
    Rule {
        id: "punct.quoted-list-comma",
        severity: Severity::Info,
        flags: &["牢记“国之大者”、“关键少数”", "学习《决定》、《条例》", "学习《决定》、《条例》及其《说明》"],
        leaves: &[
            "牢记“国之大者”“关键少数”",
            "学习《决定》《条例》",
            "“国之大者”，要牢记",
            "防止硬约束变成“橡皮筋”、“长效”变成“无效”",
        ],
        find: quoted_list_comma,
    },
];

/// Marks that open (or close) a Chinese phrase: a half-width mark beside one is in Chinese text.
fn is_cjk_open(c: char) -> bool {
    matches!(c, '“' | '‘' | '《' | '（' | '【')
}

fn is_cjk_close(c: char) -> bool {
    matches!(c, '”' | '’' | '》' | '）' | '】')
}

/// The nearest character before `i` that is not a space or tab (a draft's `好 ,` is still `好,`).
fn before(d: &Draft, i: usize) -> Option<char> {
    d.chars[..i].iter().rev().map(|&(_, c)| c).find(|c| *c != ' ' && *c != '\t')
}

fn after(d: &Draft, i: usize) -> Option<char> {
    d.chars[i + 1..].iter().map(|&(_, c)| c).find(|c| *c != ' ' && *c != '\t')
}

/// `,` `:` `;` between Han, `!` `?` `.` after Han at a clause's end, `(…)` around Han.
fn halfwidth(d: &Draft, out: &mut Vec<Found>) {
    for (i, &(at, c)) in d.chars.iter().enumerate() {
        let han_before = before(d, i).is_some_and(|p| is_han(p) || is_cjk_close(p));
        let next = after(d, i);
        let han_after = next.is_some_and(|n| is_han(n) || is_cjk_open(n));
        let clause_end = next.is_none_or(|n| n == '\n' || n == '\u{3000}' || n == '”' || is_han(n));
        let full = match c {
            ',' if han_before && han_after => fullwidth(c),
            // `同志们:` ends its line: a colon or semicolon after Han stays one before a break.
            ':' | ';' if han_before && (han_after || clause_end) => fullwidth(c),
            '!' | '?' if han_before && clause_end => fullwidth(c),
            // `...` is an ellipsis, `5.2` a number, `1.` a marker: a lone stop after Han is a 。.
            '.' if han_before && clause_end && d.char_at(i + 1) != Some('.') && before(d, i) != Some('.') => '。',
            '(' => {
                if let Some(close) = han_parenthesis(d, i) {
                    let range = d.bytes(i, close + 1);
                    let inner = &d.speech[at + 1..range.end - 1];
                    out.push(Found::new(range.clone(), &["()", "（）"]).fix(range, format!("（{inner}）")));
                }
                continue;
            }
            _ => continue,
        };
        let range = at..at + c.len_utf8();
        out.push(Found::new(range.clone(), &[&c.to_string(), &full.to_string()]).fix(range, full.to_string()));
    }
}

/// The full-width form of an ASCII mark (`,` → `，`); any other character as it is.
fn fullwidth(c: char) -> char {
    if c.is_ascii_graphic() { char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c) } else { c }
}

/// The index of the `)` closing the `(` at `open` when what they hold is Chinese: Han inside
/// and Han or Chinese marks outside (`GDP (国内生产总值)` is an English gloss's brackets).
fn han_parenthesis(d: &Draft, open: usize) -> Option<usize> {
    const LONGEST: usize = 30;
    let close = (open + 1..d.chars.len().min(open + LONGEST)).find(|&j| matches!(d.char_at(j), Some(')' | '\n')))?;
    let inner = &d.chars[open + 1..close];
    let chinese_inside = inner.iter().any(|&(_, c)| is_han(c)) && !inner.iter().any(|&(_, c)| c.is_ascii_alphabetic());
    let chinese_outside =
        before(d, open).is_none_or(|c| is_han(c) || is_cjk_close(c)) && d.char_at(open.saturating_sub(1)) != Some(' ');
    (d.char_at(close) == Some(')') && chinese_inside && chinese_outside).then_some(close)
}

/// The pairs GB/T 15834 closes within a paragraph (a quotation over several paragraphs opens
/// each with “ and closes only the last).
const PAIRS: [(char, char); 5] = [('“', '”'), ('‘', '’'), ('《', '》'), ('（', '）'), ('【', '】')];

fn unpaired(d: &Draft, out: &mut Vec<Found>) {
    for (p, paragraph) in d.paragraphs.iter().enumerate() {
        let mut open: Vec<(char, std::ops::Range<usize>)> = Vec::new();
        for (at, c) in d.speech[paragraph.clone()].char_indices().map(|(i, c)| (paragraph.start + i, c)) {
            let range = at..at + c.len_utf8();
            if apostrophe(&d.speech, at, c) {
                continue;
            }
            if let Some(&(_, close)) = PAIRS.iter().find(|(o, _)| *o == c) {
                open.push((close, range));
            } else if PAIRS.iter().any(|(_, cl)| *cl == c) {
                match open.iter().rposition(|(close, _)| *close == c) {
                    // Marks opened inside the pair and never closed are unpaired themselves.
                    Some(k) => open.drain(k..).skip(1).for_each(|(_, r)| out.push(unclosed(d, r))),
                    None => out.push(Found::new(range, &[&c.to_string()])),
                }
            }
        }
        let continued = d.paragraphs.get(p + 1).is_some_and(|next| d.speech[next.clone()].starts_with('“'));
        for (close, range) in open {
            if !(close == '”' && continued) {
                out.push(unclosed(d, range));
            }
        }
    }
}

fn unclosed(d: &Draft, range: std::ops::Range<usize>) -> Found {
    Found::new(range.clone(), &[&d.speech[range]])
}

/// `’` between Latin letters (`it’s`) is an apostrophe, not a closing quote.
fn apostrophe(speech: &str, at: usize, c: char) -> bool {
    c == '’'
        && speech[..at].chars().next_back().is_some_and(|p| p.is_ascii_alphabetic())
        && speech[at + c.len_utf8()..].chars().next().is_some_and(|n| n.is_ascii_alphabetic())
}

/// `...`, `。。。` and a lone `…` where the ellipsis is `……`.
fn ellipsis(d: &Draft, out: &mut Vec<Found>) {
    for mark in ['.', '。', '…'] {
        out.extend(runs(
            d,
            move |c| c == mark,
            move |range, run: &str| {
                let n = run.chars().count();
                // `1.2.3` is no ellipsis, nor `。` alone: only a run of three stops or more.
                let wrong = if mark == '…' { n == 1 || n == 3 } else { n >= 3 };
                wrong.then(|| Found::new(range.clone(), &[run]).fix(range, "……"))
            },
        ));
    }
}

/// `--` or `－－` beside Chinese, where the dash is `——`.
fn dash(d: &Draft, out: &mut Vec<Found>) {
    out.extend(runs(
        d,
        |c| matches!(c, '-' | '－'),
        |range, run: &str| {
            let (before, after) = (d.speech[..range.start].chars().next_back(), d.speech[range.end..].chars().next());
            // `--help` is an option, `a--b` no Chinese: a dash joins Chinese on both sides or ends a Chinese clause.
            let beside_han = (before.is_some_and(is_han) || after.is_some_and(is_han))
                && !before.is_some_and(|c| c.is_ascii_alphanumeric())
                && !after.is_some_and(|c| c.is_ascii_alphanumeric());
            (run.chars().count() >= 2 && beside_han).then(|| Found::new(range.clone(), &[run]).fix(range, "——"))
        },
    ));
}

/// The same mark twice (`！！`, `。。`); `？！` is allowed, three stops are an ellipsis.
fn doubled(d: &Draft, out: &mut Vec<Found>) {
    for mark in ['，', '、', '；', '：', '。', '！', '？'] {
        out.extend(runs(
            d,
            move |c| c == mark,
            move |range, run: &str| {
                let n = run.chars().count();
                (n >= 2 && !(mark == '。' && n >= 3))
                    .then(|| Found::new(range.clone(), &[run]).fix(range, mark.to_string()))
            },
        ));
    }
}

/// Maximal runs of characters for which `is_mark` holds, each offered to `judge`.
fn runs<'d>(
    d: &'d Draft,
    is_mark: impl Fn(char) -> bool + 'd,
    judge: impl Fn(std::ops::Range<usize>, &str) -> Option<Found> + 'd,
) -> impl Iterator<Item = Found> + 'd {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < d.chars.len() {
            if !is_mark(d.chars[i].1) {
                i += 1;
                continue;
            }
            let start = i;
            while i < d.chars.len() && is_mark(d.chars[i].1) {
                i += 1;
            }
            let range = d.bytes(start, i);
            if let Some(found) = judge(range.clone(), &d.speech[range]) {
                return Some(found);
            }
        }
        None
    })
}

/// A marker followed by a mark it does not take, at a heading's start: `（一）、` (a bracketed
/// number takes none), `第一、` (takes ，), `一.` (takes 、).
fn ordinal(d: &Draft, out: &mut Vec<Found>) {
    for (i, &(at, c)) in d.chars.iter().enumerate() {
        if !d.heading_start(i) {
            continue;
        }
        let numeral_end = |from: usize, digits: fn(char) -> bool| {
            (from..d.chars.len()).find(|&j| !digits(d.chars[j].1)).filter(|&j| j > from)
        };
        let (mark_at, takes) = match c {
            '（' | '(' => {
                let Some(close) = numeral_end(i + 1, is_numeral).or_else(|| numeral_end(i + 1, |c| c.is_ascii_digit()))
                else {
                    continue;
                };
                if !matches!(d.char_at(close), Some('）' | ')')) {
                    continue;
                }
                (close + 1, "")
            }
            '第' => match numeral_end(i + 1, is_numeral) {
                // `第一、二产业`, `第一、第二季度`: the 、 joins two ordinals.
                Some(end) if !d.char_at(end + 1).is_some_and(|n| is_numeral(n) || n == '第') => (end, "，"),
                _ => continue,
            },
            _ if is_numeral(c) => match numeral_end(i, is_numeral) {
                Some(end) if matches!(d.char_at(end), Some('.' | '．')) => (end, "、"),
                _ => continue,
            },
            _ => continue,
        };
        let Some(mark) = d.char_at(mark_at).filter(|m| wrong_after_ordinal(*m, takes)) else { continue };
        let mark_range = d.bytes(mark_at, mark_at + 1);
        let marker = &d.speech[at..mark_range.start];
        out.push(
            Found::new(at..mark_range.end, &[marker, &mark.to_string(), takes]).fix(mark_range, takes.to_string()),
        );
    }
}

/// A mark the ordinal does not take; `第一,` takes the right mark in half-width, which
/// `punct.halfwidth` flags.
fn wrong_after_ordinal(mark: char, takes: &str) -> bool {
    matches!(mark, '、' | '，' | ',' | '.' | '．') && !takes.starts_with(mark) && !takes.starts_with(fullwidth(mark))
}

/// `”、“` and `》、《`: items each in quotation marks or 书名号 need no 顿号 between them.
fn quoted_list_comma(d: &Draft, out: &mut Vec<Found>) {
    for (pattern, close) in [("”、“", '”'), ("》、《", '》')] {
        for (at, _) in d.speech.match_indices(pattern) {
            let comma = at + '”'.len_utf8()..at + '”'.len_utf8() + '、'.len_utf8();
            if !starts_a_clause(&d.speech[comma.end..], close) {
                out.push(Found::new(comma.clone(), &["、"]).fix(comma, ""));
            }
        }
    }
}

/// Whether the quoted item at the start of `rest` opens a clause that quotes again before it ends:
/// in `变成“橡皮筋”、“长效”变成“无效”` the 顿号 parts two clauses, not two items of a list
/// (`《决定》、《条例》及其《说明》` is one list, its last item joined by a conjunction).
fn starts_a_clause(rest: &str, close: char) -> bool {
    let Some(end) = rest.find(close) else { return false };
    let after = &rest[end + close.len_utf8()..];
    let clause = after.find(|c: char| "，。；：、！？\n".contains(c)).map_or(after, |e| &after[..e]);
    let verb = clause.chars().next().is_some_and(|c| is_han(c) && !"和与及或暨并以等".contains(c));
    verb && clause.contains(['“', '《'])
}
