//! Numbers as GB/T 15835 writes them in Chinese text: dates, 〇, estimates, numbered formulas.

use super::{Draft, Found, Rule, Severity};
use crate::numerals::chinese_number;

pub const RULES: &[Rule] = &[
    Rule {
        id: "number.date-form",
        severity: Severity::Warning,
        flags: &[
            "24年1月起施行",
            "2024年01月05日召开",
            "于2024年1月05日召开",
            "2024.1.5召开会议",
            "定于2024-01-05召开",
        ],
        leaves: &["2024年1月5日召开", "二〇二四年一月五日", "改革开放40年来", "版本1.2.3发布", "增长5.2%"],
        find: date_form,
    },
    Rule {
        id: "number.zero-form",
        severity: Severity::Error,
        flags: &["二0二四年", "二O二四年", "二○二四年"],
        leaves: &["二〇二四年", "三千零五十", "2020年", "一O"],
        find: zero_form,
    },
    Rule {
        id: "number.estimate-comma",
        severity: Severity::Info,
        flags: &["用了三、四个月", "休息3、4天"],
        leaves: &["用了三四个月", "第三、四季度", "三、四月份", "一、总体要求", "三、四个坚持", "在六、七十年代"],
        find: estimate_comma,
    },
    Rule {
        id: "number.formula-digits",
        severity: Severity::Error,
        flags: &["协调推进4个全面战略布局", "制定14五规划", "增强“4个意识”"],
        leaves: &["协调推进“四个全面”战略布局", "完成4个项目", "2014五年"],
        find: formula_digits,
    },
    Rule {
        id: "number.mixed-style",
        severity: Severity::Warning,
        flags: &["全年增长5.2%，其中工业增长百分之三点一。"],
        leaves: &["十一届全国人大一次会议以来，全年增长5.2%。", "增长5.2%，工业增长3.1%。"],
        find: mixed_style,
    },
];

fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// The run of ASCII digits starting at character `i`, as (end index, value).
fn digits_at(d: &Draft, i: usize) -> Option<(usize, u32)> {
    let end = (i..d.chars.len()).find(|&j| !is_digit(d.chars[j].1)).unwrap_or(d.chars.len());
    (end > i && end - i <= 4).then(|| (end, d.speech[d.bytes(i, end)].parse().unwrap_or(0)))
}

/// `24年1月` (a two-digit year), `2024年01月05日` (zero-padded), `2024.1.5` in running text.
fn date_form(d: &Draft, out: &mut Vec<Found>) {
    let mut i = 0;
    while i < d.chars.len() {
        let starts_number = is_digit(d.chars[i].1) && !(i > 0 && is_digit(d.chars[i - 1].1));
        match starts_number.then(|| digits_at(d, i)).flatten() {
            Some((end, _)) => {
                date_at(d, i, end, out);
                i = end;
            }
            None => i += 1,
        }
    }
}

/// The date (if any) whose year is the digits `start..end`.
fn date_at(d: &Draft, start: usize, end: usize, out: &mut Vec<Found>) {
    let year_digits = end - start;
    match d.char_at(end) {
        Some('年') => {
            let Some((month_end, _)) = digits_at(d, end + 1).filter(|_| d.char_at(end + 1).is_some()) else { return };
            if d.char_at(month_end) != Some('月') {
                return;
            }
            if year_digits == 2 {
                let range = d.bytes(start, month_end + 1);
                out.push(Found::new(range.clone(), &[&d.speech[range]]));
            } else if year_digits == 4 {
                padded(d, end + 1, month_end, out);
                if let Some((day_end, _)) = digits_at(d, month_end + 1).filter(|&(e, _)| d.char_at(e) == Some('日')) {
                    padded(d, month_end + 1, day_end, out);
                }
            }
        }
        Some(sep @ ('.' | '-' | '/')) if year_digits == 4 => numeric_date(d, start, end, sep, out),
        _ => {}
    }
}

/// A month or day written with a leading zero (`01月`): GB/T 15835 writes `1月`.
fn padded(d: &Draft, start: usize, end: usize, out: &mut Vec<Found>) {
    if end - start == 2 && d.chars[start].1 == '0' {
        let range = d.bytes(start, end + 1);
        let zero = d.bytes(start, start + 1);
        out.push(Found::new(range.clone(), &[&d.speech[range]]).fix(zero, ""));
    }
}

/// `2024.1.5`, `2024-01-05`, `2024/1/5`: in running Chinese text, `2024年1月5日`.
fn numeric_date(d: &Draft, start: usize, year_end: usize, sep: char, out: &mut Vec<Found>) {
    let Some((month_end, month)) = digits_at(d, year_end + 1) else { return };
    if d.char_at(month_end) != Some(sep) {
        return;
    }
    let Some((day_end, day)) = digits_at(d, month_end + 1) else { return };
    let year: u32 = d.speech[d.bytes(start, year_end)].parse().unwrap_or(0);
    // `1.2.3.4` and `2024.1.5.1` are versions or sections, not dates.
    let continues = d.char_at(day_end).is_some_and(|c| is_digit(c) || c == sep);
    let preceded = start > 0 && matches!(d.char_at(start - 1), Some('.' | '-' | '/'));
    if (1900..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day) && !continues && !preceded
    {
        let range = d.bytes(start, day_end);
        out.push(
            Found::new(range.clone(), &[&d.speech[range.clone()]]).fix(range, format!("{year}年{month}月{day}日")),
        );
    }
}

/// What a draft writes for 〇 by mistake: a digit zero, a letter O, a circle.
fn is_false_zero(c: char) -> bool {
    matches!(c, '0' | 'O' | 'o' | '○' | '◯' | 'Ｏ' | '０')
}

/// A digit of a year in Chinese numerals (二〇二四): 十 is no digit.
fn is_han_digit(c: char) -> bool {
    c == '〇' || (super::is_numeral(c) && c != '十')
}

/// `二0二四年`: a zero among Chinese numerals is 〇.
fn zero_form(d: &Draft, out: &mut Vec<Found>) {
    let mut i = 0;
    while i < d.chars.len() {
        let in_number = |c: char| is_han_digit(c) || is_false_zero(c);
        if !in_number(d.chars[i].1) {
            i += 1;
            continue;
        }
        let start = i;
        while i < d.chars.len() && in_number(d.chars[i].1) {
            i += 1;
        }
        let run = &d.chars[start..i];
        if run.iter().filter(|&&(_, c)| is_han_digit(c)).count() >= 2 {
            for (k, &(_, c)) in run.iter().enumerate().filter(|&(_, &(_, c))| is_false_zero(c)) {
                let range = d.bytes(start + k, start + k + 1);
                out.push(Found::new(range.clone(), &[&c.to_string()]).fix(range, "〇"));
            }
        }
    }
}

/// Units an estimate counts (`三四个月`, `三四天`); 月 and 季度 name months and quarters
/// (`三、四月份` is March and April).
const COUNTED: &str = "个天年次人名家种项条位件倍岁周万千百十批户所";

/// `三、四个月`: two neighbouring numbers for an estimate take no 顿号.
fn estimate_comma(d: &Draft, out: &mut Vec<Found>) {
    for (i, &(at, c)) in d.chars.iter().enumerate() {
        if c != '、' || i == 0 || d.heading_start(i - 1) {
            continue;
        }
        let (Some(first), Some(second), Some(unit)) = (d.char_at(i - 1), d.char_at(i + 1), d.char_at(i + 2)) else {
            continue;
        };
        let value = |c: char| chinese_number(&c.to_string()).or_else(|| c.to_digit(10));
        let before = i.checked_sub(2).and_then(|p| d.char_at(p));
        let neighbours = matches!((value(first), value(second)), (Some(a), Some(b)) if b == a + 1);
        let same_kind = first.is_ascii_digit() == second.is_ascii_digit();
        // `第三、四季度` are two ordinals; `13、14` is a list of numbers.
        let lone = before.is_none_or(|p| p != '第' && value(p).is_none());
        // `六、七十年代` is 六十年代、七十年代 shortened (GB/T 15834 4.5.3.5 keeps its 顿号), not an estimate.
        let decades = d.speech[d.chars[i + 2].0..].starts_with("十年代");
        if neighbours && same_kind && lone && COUNTED.contains(unit) && !decades {
            let range = d.bytes(i - 1, i + 2);
            let found = Found::new(range.clone(), &[&d.speech[range]]);
            out.push(if first.is_ascii_digit() { found } else { found.fix(at..at + c.len_utf8(), "") });
        }
    }
}

/// A numbered formula of the lexicon with its number in Arabic digits (`4个全面`, `14五`).
fn formula_digits(d: &Draft, out: &mut Vec<Found>) {
    let variants = arabic_formulas().iter().map(|(formula, arabic)| (arabic.as_str(), *formula));
    for (range, arabic, formula) in super::find_all(d, variants) {
        if !d.speech[..range.start].chars().next_back().is_some_and(is_digit) {
            out.push(Found::new(range.clone(), &[arabic, formula]).fix(range, formula));
        }
    }
}

/// The lexicon's numbered formulas that open with a Chinese number, each with that number in
/// Arabic digits: (`四个全面`, `4个全面`), (`十四五`, `14五`).
fn arabic_formulas() -> &'static [(&'static str, String)] {
    static FORMULAS: std::sync::OnceLock<Vec<(&'static str, String)>> = std::sync::OnceLock::new();
    FORMULAS.get_or_init(|| {
        crate::segment::lexicon_entries()
            .iter()
            // 十四五 is filed as numbered, 四个意识 under party with its items spelled out (`=…`).
            .filter(|e| e.category == "numbered" || e.note.contains('='))
            .filter_map(|e| {
                let numeral_chars = e.word.chars().take_while(|c| "一二两三四五六七八九十".contains(*c)).count();
                // The longest opening that is a number: 十四五 opens with 十四.
                (1..=numeral_chars).rev().find_map(|n| {
                    let split = e.word.char_indices().nth(n).map_or(e.word.len(), |(at, _)| at);
                    let value = chinese_number(&e.word[..split])?;
                    (split < e.word.len()).then(|| (e.word, format!("{value}{}", &e.word[split..])))
                })
            })
            .collect()
    })
}

/// Percentages in both Arabic (`5.2%`) and Chinese (`百分之三点一`): the fewer are flagged
/// (the Chinese ones on a tie: statistics take Arabic digits).
fn mixed_style(d: &Draft, out: &mut Vec<Found>) {
    let arabic: Vec<_> = d
        .speech
        .match_indices(['%', '％'])
        .filter_map(|(at, m)| {
            let start = d.speech[..at].trim_end_matches(|c: char| c.is_ascii_digit() || c == '.').len();
            (start < at).then_some(start..at + m.len())
        })
        .collect();
    let chinese: Vec<_> = d
        .speech
        .match_indices("百分之")
        .map(|(at, m)| {
            let digits = d.speech[at + m.len()..].chars().take_while(|c| "〇零一二两三四五六七八九十百点".contains(*c));
            at..at + m.len() + digits.map(char::len_utf8).sum::<usize>()
        })
        .filter(|r| r.len() > "百分之".len())
        .collect();
    if arabic.is_empty() || chinese.is_empty() {
        return;
    }
    let flagged = if chinese.len() > arabic.len() { arabic } else { chinese };
    for range in flagged {
        out.push(Found::new(range.clone(), &[&d.speech[range]]));
    }
}
