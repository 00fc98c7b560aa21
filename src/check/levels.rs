//! The outline's levels: GB/T 9704's order of headings (一、 over （一） over 1. over （1）), and
//! one level numbered with two sets of ordinals (`第一，…二是…第三，…`).

use super::{Draft, Found, Rule, Severity};
use crate::outline::{Node, Style};

pub const RULES: &[Rule] = &[
    Rule {
        id: "numbering.level",
        severity: Severity::Warning,
        flags: &["同志们：\n1.抓发展\n（一）抓工业。\n（二）抓农业。\n2.抓改革\n（一）抓国企。"],
        leaves: &[
            "同志们：\n一、抓发展\n（一）抓工业。\n（二）抓农业。\n二、抓改革\n（一）抓国企。",
            "同志们：\n一、抓发展\n1.抓工业。\n2.抓农业。\n二、抓改革\n1.抓国企。",
        ],
        find: |d, out| levels(d, &d.outline.sections, None, out, Placement::Above),
    },
    Rule {
        id: "numbering.level-skip",
        severity: Severity::Info,
        flags: &["同志们：\n一、抓发展\n1.抓工业。\n2.抓农业。\n二、抓改革\n1.抓国企。"],
        leaves: &["同志们：\n一、抓发展\n（一）抓工业。\n（二）抓农业。\n二、抓改革\n（一）抓国企。"],
        find: |d, out| levels(d, &d.outline.sections, None, out, Placement::Skipped),
    },
    Rule {
        id: "numbering.mixed",
        severity: Severity::Warning,
        flags: &[
            "同志们：\n第一，抓发展。\n二是抓改革。\n第三，抓落实。",
            "同志们：\n首先，抓发展。\n其次，抓改革。\n第三，抓落实。",
        ],
        leaves: &[
            "同志们：\n第一，抓发展。一是抓工业，二是抓农业。\n第二，抓改革。\n第三，抓落实。",
            "同志们：\n首先，抓发展。\n其次，抓改革。\n再次，抓落实。",
        ],
        find: |d, out| {
            mixed(d, &d.outline.sections, None, out);
            written_in_another_set(d, out);
        },
    },
];

/// GB/T 9704's rank of a heading style (1 is the top); other styles have none.
fn rank(style: Style) -> Option<u32> {
    match style {
        Style::HanComma => Some(1),
        Style::HanParen => Some(2),
        Style::Arabic => Some(3),
        Style::ArabicParen => Some(4),
        _ => None,
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Placement {
    /// A heading nested under one it should stand above (`（一）` inside `1.`).
    Above,
    /// A level left out (`1.` directly under `一、`): allowed, worth a note.
    Skipped,
}

/// Each series' first heading placed against its parent's rank; `parent` is the parent's style.
fn levels(d: &Draft, nodes: &[Node], parent: Option<Style>, out: &mut Vec<Found>, placement: Placement) {
    let mut styles_seen = Vec::new();
    for node in nodes {
        if let (Some(outer), Some(inner)) = (parent.and_then(rank), rank(node.style))
            && !styles_seen.contains(&node.style)
        {
            let wrong = match placement {
                Placement::Above => inner <= outer,
                Placement::Skipped => inner > outer + 1,
            };
            if wrong {
                let names = [parent.map(|p| p.render(1)).unwrap_or_default(), node.style.render(1)];
                out.push(Found::new(d.marker(node.marker.clone()), &[&names[1], &names[0]]));
            }
        }
        styles_seen.push(node.style);
        levels(d, &node.children, Some(node.style), out, placement);
    }
}

/// A series nested in a part that starts at the part's next number (`第一，…二是…第三`): the
/// writer numbered one level with two sets.
fn mixed(d: &Draft, nodes: &[Node], parent: Option<&Node>, out: &mut Vec<Found>) {
    let mut styles_seen = Vec::new();
    for node in nodes {
        if let Some(parent) = parent
            && parent.style != node.style
            && !styles_seen.contains(&node.style)
            && node.ordinal == parent.ordinal + 1
        {
            out.push(Found::new(
                d.marker(node.marker.clone()),
                &[&node.style.render(node.ordinal), &parent.style.render(1)],
            ));
        }
        styles_seen.push(node.style);
        mixed(d, &node.children, Some(node), out);
    }
}

/// A gap whose missing number the text writes in another set where it belongs (`第一，…二是…第三`:
/// 第二 is missing because the writer wrote 二是).
fn written_in_another_set(d: &Draft, out: &mut Vec<Found>) {
    for issue in &d.outline.issues {
        let crate::finding::Evidence::Gap { missing, .. } = &issue.evidence else { continue };
        let Some(missing) = missing.first() else { continue };
        let numeral: String = missing.chars().filter(|&c| super::is_numeral(c)).collect();
        let Some(n) = crate::numerals::chinese_number(&numeral) else { continue };
        let series = issue.evidence.series();
        let before = series.iter().rev().find(|m| (m.start as usize) < issue.range.start).map_or(0, |m| m.end as usize);
        let stretch = before..issue.range.start;
        let han = crate::numerals::chinese_numeral(n);
        let other_sets = [format!("{han}是"), format!("{han}要"), format!("{han}、"), format!("（{han}）")];
        for written in &other_sets {
            let places = d.speech[stretch.clone()].match_indices(written.as_str()).map(|(at, _)| stretch.start + at);
            if let Some(at) =
                places.into_iter().find(|&at| d.speech[..at].chars().next_back().is_none_or(super::opens_heading))
            {
                out.push(Found::new(at..at + written.len(), &[written, missing]));
                break;
            }
        }
    }
}
