//! A leader's name and title: a surname with a title the official style does not use
//! (`习总书记`), and a name one character off where a title or set phrase of its own says who is
//! meant (`习近乎总书记`). The table is `data/leaders.tsv`: who, which titles, from when to when,
//! and where that was published.

use super::{Draft, Found, Rule, Severity};
use crate::date::Date;
use crate::text::is_han;

pub const RULES: &[Rule] = &[
    Rule {
        id: "term.leader-title",
        severity: Severity::Error,
        flags: &["认真贯彻习总书记重要讲话精神", "习总书记强调，要抓落实。"],
        leaves: &[
            "习近平总书记强调，要抓落实。总书记指出，要敢于担当。",
            "认真学习总书记重要讲话精神",
            "在全市工作会议上的讲话\n（2010年3月1日）\n同志们：\n要贯彻习总书记的要求。",
        ],
        find: short_forms,
    },
    Rule {
        id: "typo.leader-name",
        severity: Severity::Warning,
        flags: &[
            "深入学习贯彻习近乎总书记重要讲话精神",
            "中共中央总书记、国家主席、中央军委主席习进平在北京出席会议",
            "更加紧密地团结在以习近萍同志为核心的党中央周围",
            "坚持以毛择东思想为指导",
        ],
        leaves: &[
            "习远平同志出席会议",
            "李克农同志是隐蔽战线的卓越领导人",
            "毛泽民同志主持国家银行工作",
            "国务院总理李强强调，要稳住经济大盘。",
            "敬爱的近平总书记来到我们村",
            "习近平总书记强调，要抓落实。",
            "在全市工作会议上的讲话\n（2024年3月1日）\n同志们：\n李克农总理曾说过一句话。",
        ],
        find: misspelt_names,
    },
];

const LEADERS: &str = include_str!("../../data/leaders.tsv");

/// A row of `data/leaders.tsv`.
#[derive(Clone, Copy)]
struct Row {
    /// `short` (a form not to use) or `title` (a title or phrase said with the name).
    kind: &'static str,
    /// `习总书记`; or the title with `~` where the name goes: `~总书记`, `国家主席~`.
    form: &'static str,
    name: &'static str,
    from: Date,
    to: Option<Date>,
    /// Characters before a short form that make its surname part of another word (学习总书记).
    not_after: &'static str,
}

fn rows() -> impl Iterator<Item = Row> {
    LEADERS.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).filter_map(|l| {
        let mut fields = l.split('\t');
        let (kind, form, name) = (fields.next()?, fields.next()?, fields.next()?);
        let from = super::parse_iso(fields.next()?)?;
        let to = super::parse_iso(fields.next()?);
        Some(Row { kind, form, name, from, to, not_after: fields.next()? })
    })
}

impl Row {
    /// Whether the leader held the title at the draft's date (by month); an undated draft: always.
    fn held_at(&self, date: Option<Date>) -> bool {
        let month = |x: Date| x.year * 12 + x.month;
        date.is_none_or(|d| month(self.from) <= month(d) && self.to.is_none_or(|to| month(d) <= month(to)))
    }

    /// The form's parts before and after the name.
    fn around(&self) -> (&'static str, &'static str) {
        self.form.split_once('~').unwrap_or((self.form, ""))
    }
}

/// `习总书记` → `习近平总书记`, unless the surname ends another word (`学习总书记`). Inside a
/// quotation (`他说：“习总书记……”`) it may be someone's own words: a warning, and no fix.
fn short_forms(d: &Draft, out: &mut Vec<Found>) {
    let rows: Vec<Row> = rows().filter(|r| r.kind == "short" && r.held_at(d.date)).collect();
    for (range, form, row) in super::find_all(d, rows.iter().map(|r| (r.form, r))) {
        if d.speech[..range.start].chars().next_back().is_some_and(|c| row.not_after.contains(c)) {
            continue;
        }
        let surname_len = row.name.chars().next().map_or(0, char::len_utf8);
        let full = format!("{}{}", row.name, &form[surname_len..]);
        let line = &d.speech[d.speech[..range.start].rfind('\n').map_or(0, |p| p + 1)..range.start];
        out.push(if line.matches('“').count() > line.matches('”').count() {
            Found { severity: Some(Severity::Warning), ..Found::new(range, &[form, &full]) }
        } else {
            Found::new(range.clone(), &[form, &full]).fix(range, full)
        });
    }
}

/// A listed name of three characters or more written one character off, where a title or phrase
/// of its own, held at the draft's date, stands beside it. The character on the open side (the
/// surname before `~总书记`, the last character after `国家主席~`) must be right: a word boundary
/// there reads another person (`敬爱的近平总书记`, `国务院总理李强强调`).
fn misspelt_names(d: &Draft, out: &mut Vec<Found>) {
    let titles: Vec<Row> = rows().filter(|r| r.kind == "title").collect();
    let checked = titles.iter().filter(|r| r.name.chars().count() >= 3 && r.held_at(d.date));
    // The part of the form beside the name anchors the search: `总书记`, `国家主席`.
    let anchors = checked.map(|r| match r.around() {
        (before, "") => (before, r),
        (_, after) => (after, r),
    });
    for (anchor, _, row) in super::find_all(d, anchors) {
        let (before, after) = row.around();
        let length = row.name.chars().count();
        let start = if after.is_empty() {
            d.chars.partition_point(|&(at, _)| at < anchor.end)
        } else {
            let Some(start) = d.chars.partition_point(|&(at, _)| at < anchor.start).checked_sub(length) else {
                continue;
            };
            start
        };
        if start + length > d.chars.len() {
            continue;
        }
        let range = d.bytes(start, start + length);
        let written = &d.speech[range.clone()];
        let framed = d.speech[..range.start].ends_with(before) && d.speech[range.end..].starts_with(after);
        if !framed || !written.chars().all(is_han) {
            continue;
        }
        // Another listed name, whole or cut by the open side (`李强` of `国务院总理李强强调`).
        let open_start = before.is_empty();
        let open_end = after.is_empty();
        let someone_else = titles.iter().any(|r| {
            written == r.name || (open_start && written.ends_with(r.name)) || (open_end && written.starts_with(r.name))
        });
        let wrong: Vec<usize> =
            written.chars().zip(row.name.chars()).enumerate().filter(|(_, (a, b))| a != b).map(|(i, _)| i).collect();
        let open_side_wrong = (open_start && wrong == [0]) || (open_end && wrong == [length - 1]);
        if someone_else || wrong.len() != 1 || open_side_wrong {
            continue;
        }
        let said = row.form.replace('~', "…");
        out.push(Found::new(range.clone(), &[written, row.name, &said]).fix(range, row.name));
    }
}
