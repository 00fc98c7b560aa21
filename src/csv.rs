//! CSV for the downloads: the term table, the slogans, the outline and a concordance. UTF-8 with
//! a BOM (so a spreadsheet reads the Chinese), CRLF lines, RFC 4180 quoting, and a leading `'`
//! on cells a spreadsheet would run as a formula.

use crate::model::{ConcordanceLine, Section, Slogan, SloganKind, Term, TermChange, TermStatus};

/// A table with `header` and `rows`, each row as many cells as the header.
fn table(header: &[String], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut out = String::from("\u{feff}");
    for row in std::iter::once(header.to_vec()).chain(rows) {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

fn cell(value: &str) -> String {
    let value =
        if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_string() };
    if value.contains([',', '"', '\n', '\r']) { format!("\"{}\"", value.replace('"', "\"\"")) } else { value }
}

fn header(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

/// The term table. The spread columns follow `bySection`: `section1…sectionN`, or one `body`
/// column when the counts are for the whole body (no outline, or too many sections to count by).
pub fn terms(terms: &[Term], sections: usize) -> String {
    let mut names = header(&["term", "count", "perTenK", "pos", "firstAt"]);
    match terms.first().map_or(sections, |t| t.by_section.len()) {
        n if n == sections => names.extend((1..=n).map(|i| format!("section{i}"))),
        _ => names.push("body".into()),
    }
    table(
        &names,
        terms.iter().map(|t| {
            let mut row = vec![
                t.term.clone(),
                t.count.to_string(),
                format!("{:.2}", t.per_ten_k),
                t.pos.clone().unwrap_or_default(),
                t.first_at.to_string(),
            ];
            row.extend(t.by_section.iter().map(u32::to_string));
            row
        }),
    )
}

/// The slogans, most salient first: kind, text, count, where first said, and what each kind adds.
pub fn slogans(slogans: &[Slogan]) -> String {
    let names = header(&["kind", "text", "count", "firstAt", "expansion", "frame", "speaker", "score"]);
    table(
        &names,
        slogans.iter().map(|s| {
            vec![
                kind_id(s.kind).into(),
                s.text.clone(),
                s.count.to_string(),
                s.occurrences.first().map_or(String::new(), |o| o.start.to_string()),
                s.expansion.as_ref().map_or(String::new(), |items| items.join("、")),
                s.frame.clone().unwrap_or_default(),
                s.speaker.clone().unwrap_or_default(),
                format!("{:.2}", s.score),
            ]
        }),
    )
}

fn kind_id(kind: SloganKind) -> &'static str {
    match kind {
        SloganKind::Quoted => "quoted",
        SloganKind::Numbered => "numbered",
        SloganKind::Parallel => "parallel",
        SloganKind::Idiom => "idiom",
        SloganKind::Title => "title",
        SloganKind::Quotation => "quotation",
        SloganKind::Lexicon => "lexicon",
    }
}

/// The outline's parts in reading order, each with its level and where it stands.
pub fn outline(sections: &[Section]) -> String {
    fn walk<'s>(sections: &'s [Section], out: &mut Vec<&'s Section>) {
        for s in sections {
            out.push(s);
            walk(&s.children, out);
        }
    }
    let mut all = Vec::new();
    walk(sections, &mut all);
    let names = header(&["level", "marker", "heading", "start", "end", "speechChars", "speakingMinutes", "topTerms"]);
    table(
        &names,
        all.into_iter().map(|s| {
            vec![
                s.level.to_string(),
                s.marker.clone(),
                s.heading.clone(),
                s.start.to_string(),
                s.end.to_string(),
                s.speech_chars.to_string(),
                format!("{:.1}", s.speaking_minutes),
                s.top_terms.join(" "),
            ]
        }),
    )
}

/// A comparison's terms, the most changed first.
pub fn term_changes(terms: &[TermChange]) -> String {
    let names = header(&["term", "countA", "countB", "perTenKA", "perTenKB", "logLikelihood", "logRatio", "status"]);
    let status = |s: TermStatus| match s {
        TermStatus::New => "new",
        TermStatus::Dropped => "dropped",
        TermStatus::More => "more",
        TermStatus::Less => "less",
        TermStatus::Same => "same",
    };
    table(
        &names,
        terms.iter().map(|t| {
            vec![
                t.term.clone(),
                t.count_a.to_string(),
                t.count_b.to_string(),
                format!("{:.2}", t.per_ten_k_a),
                format!("{:.2}", t.per_ten_k_b),
                format!("{:.2}", t.log_likelihood),
                format!("{:.2}", t.log_ratio),
                status(t.status).into(),
            ]
        }),
    )
}

/// A concordance, a line per occurrence.
pub fn concordance(lines: &[ConcordanceLine]) -> String {
    let names = header(&["start", "end", "left", "keyword", "right"]);
    table(
        &names,
        lines
            .iter()
            .map(|l| vec![l.start.to_string(), l.end.to_string(), l.left.clone(), l.keyword.clone(), l.right.clone()]),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=1+1"), "'=1+1");
        assert_eq!(cell("县域"), "县域");
    }
}
