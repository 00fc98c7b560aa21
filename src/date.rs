//! The date a text gives itself: when the speech was given, as the chrome around it says (the date
//! line under its title, the note a reprint adds, a letter's signature), else when it was printed.
//!
//! A speech names many dates (到2035年, 2018年1月，我在……): none of its own words is read. The
//! date is taken from the pieces the cleaner already cut out as chrome, by their kind, so a date
//! counts only where a news copy puts the date of the text.

use crate::model::RemovedKind as Kind;
use crate::numerals::{arabic, small_number, year_digit};
use std::ops::{Range, RangeInclusive};

/// A date as a text writes it: a day, or a month (`2020年2月两篇讲话`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Date {
    pub year: u32,
    pub month: u32,
    pub day: Option<u32>,
}

impl Date {
    /// `2020-05-17`, or `2020-02` for a month.
    pub fn iso(&self) -> String {
        match self.day {
            Some(day) => format!("{:04}-{:02}-{:02}", self.year, self.month, day),
            None => format!("{:04}-{:02}", self.year, self.month),
        }
    }
}

/// Where a copy states the date of its text, most telling first: the date of the text is the first
/// date in a piece of chrome of the first kind here that has one. (kind, real example, why here.)
/// A piece without a year (新华社北京5月18日电, most wire datelines) takes the year of the newspaper
/// issue the copy ends with, so the date of a report is the day it was filed, not the day after.
pub(crate) const SOURCES: &[(Kind, &str, &str)] = &[
    // Over the date lines: a reprint of excerpts dates each one (（2020年2月5日在……）, （2020年2月14日
    // 在……）) and its note names them all (※这是习近平总书记2020年2月两篇讲话中……).
    (Kind::Footnote, "※这是习近平总书记2020年6月2日在专家学者座谈会上的讲话。", "a reprint says when it was said"),
    (Kind::DateLine, "（2020年11月19日，北京）", "the date under the title"),
    (Kind::Signature, "习近平　二〇二〇年五月十七日", "a letter's date under its name"),
    (Kind::Dateline, "（新华社北京5月18日电）", "the day the wire filed the speech"),
    // The issue of a newspaper: the day after the speech, as a rule; better than no date.
    (Kind::Byline, "《 人民日报 》（ 2020年05月19日 01 版）", "the day the text was printed"),
];

/// The date of a text from the chrome the cleaner `removed` from it (see [`SOURCES`]). Never a date
/// of its speech (到2035年) nor of a photo caption (2020年2月10日，中共中央总书记……); `None` when no
/// piece of those kinds has a date with a year (its own or its newspaper's).
pub fn of(text: &str, removed: &[(Kind, Range<usize>)]) -> Option<Date> {
    let pieces = |kind: Kind| removed.iter().filter(move |(k, _)| *k == kind).map(|(_, r)| &text[r.clone()]);
    let printed = pieces(Kind::Byline).find_map(|piece| dates(piece).next()).map(|(_, date)| date);
    SOURCES.iter().find_map(|&(kind, _, _)| {
        pieces(kind).find_map(|piece| dates(piece).next().map(|(_, date)| date).or_else(|| dated_by(piece, printed?)))
    })
}

/// The first month and day of `piece` (`5月18日`), in the year of `printed` (the year before for a
/// December day in a January issue).
fn dated_by(piece: &str, printed: Date) -> Option<Date> {
    piece.match_indices('月').find_map(|(at, _)| {
        let before: Vec<(usize, char)> = piece[..at].char_indices().rev().take(3).collect();
        let digits = before.iter().take_while(|(_, c)| arabic(*c).is_some()).count();
        let start = before.get(digits.checked_sub(1)?).filter(|_| digits <= 2)?.0;
        let (month, rest) = number(&piece[start..], '月')?;
        let (day, _) = number(rest, '日')?;
        let (month, day) = (within(small_number(month)?, 1..=12)?, within(small_number(day)?, 1..=31)?);
        let year = if month > printed.month { printed.year - 1 } else { printed.year };
        Some(Date { year, month, day: Some(day) })
    })
}

/// Every date in `s` with where it is: a four-digit year, a month and a day if written
/// (`2020年5月17日`, `2020年05月19日`, `２０２０年５月１７日`, `二〇二〇年五月十七日`, `2020年2月`).
/// A year alone (到2035年, 二〇三五年远景目标) is no date.
pub fn dates(s: &str) -> impl Iterator<Item = (Range<usize>, Date)> + '_ {
    s.match_indices('年').filter_map(|(at, _)| {
        let before: Vec<(usize, char)> = s[..at].char_indices().rev().take(5).collect();
        let year_digits = before.iter().take_while(|(_, c)| year_digit(*c).is_some()).count();
        let start = before.get(3).filter(|_| year_digits == 4)?.0;
        parse(&s[start..]).map(|(date, len)| (start..start + len, date))
    })
}

/// The date at the start of `s` and its length in bytes (see [`dates`]). Years outside 1949–2100
/// are no dates, as for `text::latest_month`.
pub fn parse(s: &str) -> Option<(Date, usize)> {
    let (year, rest) = number(s, '年')?;
    let year =
        (year.chars().count() == 4).then(|| year.chars().try_fold(0, |n, c| Some(n * 10 + year_digit(c)?)))??;
    let year = within(year, 1949..=2100)?;
    let (month, rest) = number(rest, '月')?;
    let month = within(small_number(month)?, 1..=12)?;
    let (day, rest) = match number(rest, '日') {
        Some((day, after)) => (Some(within(small_number(day)?, 1..=31)?), after),
        None => (None, rest),
    };
    Some((Date { year, month, day }, s.len() - rest.len()))
}

/// The numeral at the start of `s` up to `unit` (年, 月, 日), and what follows the unit.
fn number(s: &str, unit: char) -> Option<(&str, &str)> {
    let len = s.len() - s.trim_start_matches(|c| year_digit(c).is_some() || c == '十').len();
    let rest = s[len..].strip_prefix(unit)?;
    (len > 0).then(|| (&s[..len], rest))
}

/// `n` when it lies in `range`: a month is 1–12, a day 1–31.
fn within(n: u32, range: RangeInclusive<u32>) -> Option<u32> {
    range.contains(&n).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_texts_write_them() {
        let cases: &[(&str, Option<&str>)] = &[
            ("2020年5月17日", Some("2020-05-17")),
            ("2020年05月19日 01 版", Some("2020-05-19")),
            ("２０２０年５月１７日", Some("2020-05-17")),
            ("二〇二〇年五月十七日", Some("2020-05-17")),
            ("二零一九年十二月三十一日", Some("2019-12-31")),
            ("2020年2月两篇讲话", Some("2020-02")),
            // A year alone, a month or day out of range, a year no speech has: no date.
            ("2035年", None),
            ("二〇三五年远景目标", None),
            ("2020年13月", None),
            ("2020年5月32日", None),
            ("1800年1月1日", None),
        ];
        for (s, expected) in cases {
            assert_eq!(parse(s).map(|(d, _)| d.iso()).as_deref(), *expected, "{s}");
        }
        let found: Vec<_> = dates("到2035年，12020年1月，（二〇二〇年五月十七日）").map(|(_, d)| d.iso()).collect();
        assert_eq!(found, ["2020-05-17"]);
    }
}
