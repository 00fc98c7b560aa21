//! Fixed wording: offices in their official form, terms to avoid, the classics quoted as written,
//! and the congress whose 精神 a draft studies at its date. The tables are data: `data/wording.tsv`
//! and `data/congresses.tsv`, each row with where it is set.

use super::{Draft, Found, Rule, Severity};
use crate::date::Date;

pub const RULES: &[Rule] = &[
    Rule {
        id: "term.title",
        severity: Severity::Warning,
        flags: &["中共浙江省省委书记", "中共杭州市市委常委", "全国人大副委员长"],
        leaves: &["浙江省省长", "省委书记", "中共浙江省委书记", "全国人大常委会副委员长"],
        find: |d, out| {
            table(d, "term.title", out);
            party_committee(d, out);
        },
    },
    Rule {
        id: "term.avoid",
        severity: Severity::Warning,
        flags: &["推进“一带一路”战略", "访问北朝鲜"],
        leaves: &["推进“一带一路”倡议", "访问朝鲜"],
        find: |d, out| table(d, "term.avoid", out),
    },
    Rule {
        id: "quote.misquoted",
        severity: Severity::Warning,
        flags: &["不义而富且贵，于我为浮云", "不怕浮云遮望眼"],
        leaves: &["不义而富且贵，于我如浮云", "不畏浮云遮望眼"],
        find: |d, out| table(d, "quote.misquoted", out),
    },
    Rule {
        id: "formula.congress",
        severity: Severity::Warning,
        flags: &[
            "在全市工作会议上的讲话\n（2023年3月1日）\n同志们：\n要认真学习贯彻党的十二大精神。",
            "在全市工作会议上的讲话\n（2019年3月1日）\n同志们：\n要认真学习贯彻党的二十大精神。",
        ],
        leaves: &[
            "在全市工作会议上的讲话\n（1983年3月1日）\n同志们：\n要认真学习贯彻党的十二大精神。",
            "在全市工作会议上的讲话\n（2023年3月1日）\n同志们：\n党的十一届三中全会以来，我们取得了巨大成就。",
            "在全市工作会议上的讲话\n（2023年3月1日）\n同志们：\n要认真学习贯彻党的二十大精神。",
            "同志们：\n要认真学习贯彻党的十二大精神。",
        ],
        find: congress,
    },
];

const WORDING: &str = include_str!("../../data/wording.tsv");

/// The rows of `data/wording.tsv` for `rule`: (wrong, right; empty when no fix is certain).
fn rows(rule: &str) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
    WORDING.lines().filter(|l| !l.starts_with('#')).filter_map(move |l| {
        let mut fields = l.split('\t');
        (fields.next()? == rule).then_some(())?;
        Some((fields.next()?, fields.next().unwrap_or("")))
    })
}

/// Words before a term that say the text does not use it but speaks of it (`不能称`, `防止`).
const DISTANCING: &[&str] = &["不能", "不要", "不得", "不再", "不是", "防止", "避免", "杜绝", "所谓"];

fn table(d: &Draft, rule: &str, out: &mut Vec<Found>) {
    for (range, wrong, right) in super::find_all(d, rows(rule)) {
        let found = Found::new(range.clone(), &[wrong, right]);
        let found = if right.is_empty() { found } else { found.fix(range.clone(), right) };
        out.push(if distanced(d, range) {
            Found { severity: Some(Severity::Info), fix: None, ..found }
        } else {
            found
        });
    }
}

/// Quoted (`“北朝鲜”`) or negated within the clause before it: spoken of, not used.
fn distanced(d: &Draft, range: std::ops::Range<usize>) -> bool {
    let quoted = d.speech[..range.start].ends_with('“') && d.speech[range.end..].starts_with('”');
    let before: String = d.speech[..range.start].chars().rev().take(8).collect::<Vec<_>>().into_iter().rev().collect();
    let clause = before.rsplit(['，', '。', '；', '：']).next().unwrap_or("");
    quoted || DISTANCING.iter().any(|w| clause.contains(w))
}

/// `中共浙江省省委`: the party committee of a province is `中共浙江省委` (the 省 is said once).
fn party_committee(d: &Draft, out: &mut Vec<Found>) {
    for unit in ["省", "市", "县"] {
        let doubled = format!("{unit}{unit}委");
        for (at, _) in d.speech.match_indices(&doubled) {
            let clause_start = d.speech[..at].rfind(['，', '。', '、', '\n']).map_or(0, |p| p + 3);
            let Some(party) = d.speech[clause_start..at].rfind("中共").map(|p| clause_start + p) else { continue };
            if d.speech[party..at].chars().count() > 12 {
                continue;
            }
            let second = at + unit.len()..at + 2 * unit.len();
            let range = party..at + doubled.len();
            let right = format!("{}{}", &d.speech[party..second.start], &d.speech[second.end..range.end]);
            out.push(Found::new(range.clone(), &[&d.speech[range], &right]).fix(second, ""));
        }
    }
}

const CONGRESSES: &str = include_str!("../../data/congresses.tsv");

/// The congresses in order: (name, the day it opened).
fn congresses() -> impl Iterator<Item = (&'static str, Date)> {
    CONGRESSES.lines().filter(|l| !l.starts_with('#')).filter_map(|l| {
        let mut fields = l.split('\t');
        Some((fields.next()?, super::parse_iso(fields.next()?)?))
    })
}

/// How long after a congress opens drafts may still study the one before (months).
const CONGRESS_GRACE_MONTHS: u32 = 6;

/// `学习贯彻党的十二大精神` in a 2023 draft: the 精神 a draft studies is its date's congress's.
fn congress(d: &Draft, out: &mut Vec<Found>) {
    let Some(date) = d.date else { return };
    let month = |x: Date| x.year * 12 + x.month;
    let held: Vec<(&str, Date)> = congresses().collect();
    let Some(current) = held.iter().rposition(|(_, opened)| month(*opened) <= month(date)) else { return };
    for (i, (name, opened)) in held.iter().enumerate() {
        let superseded = i < current && month(date) >= month(held[i + 1].1) + CONGRESS_GRACE_MONTHS;
        let not_yet = month(*opened) > month(date);
        if !(superseded || not_yet) {
            continue;
        }
        let cited = format!("党的{name}");
        for (at, m) in d.speech.match_indices(&cited) {
            let before = &d.speech[d.speech[..at].char_indices().rev().nth(7).map_or(0, |(p, _)| p)..at];
            let after: String = d.speech[at + m.len()..].chars().take(24).collect();
            let studied =
                before.contains("贯彻") && after.split(['。', '；']).next().is_some_and(|s| s.contains("精神"));
            if studied {
                let range = at..at + m.len();
                let year = date.year.to_string();
                out.push(Found::new(range, &[name, held[current].0, &year]));
            }
        }
    }
}
