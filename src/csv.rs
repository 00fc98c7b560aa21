//! CSV for the downloads (the term table, the slogans, the outline, a concordance) and for the
//! command line's corpus tables (a row per document, or per term, slogan or part with its document
//! first). UTF-8 with a BOM (so a spreadsheet reads the Chinese), CRLF lines, RFC 4180 quoting, and
//! a leading `'` on cells a spreadsheet would run as a formula; a number (`-1.68`) is no formula and
//! stays a number, so pandas, R and Excel read a numeric column as numbers.

use crate::check::{Finding, Severity};
use crate::model::{
    Analysis, ConcordanceLine, CorpusDocument, DocumentSummary, Section, Slogan, SloganKind, Term, TermChange,
    TermStatus, TrendSeries,
};
use crate::text::Utf16Index;
use std::borrow::Cow;

/// What a CSV file starts with, so that a spreadsheet reads it as UTF-8.
pub const BOM: &str = "\u{feff}";

/// A table with `header` and `rows`, each row as many cells as the header.
fn table<S: AsRef<str>>(header: &[String], rows: impl Iterator<Item = Vec<S>>) -> String {
    let mut out = String::from(BOM);
    write_record(&mut out, header);
    for row in rows {
        write_record(&mut out, &row);
    }
    out
}

/// One line of CSV: the cells quoted and defused, then CRLF.
pub fn record(row: &[String]) -> String {
    let mut out = String::new();
    write_record(&mut out, row);
    out
}

/// Appends one line of CSV to `out`. Written in place: a string per cell and per line, joined,
/// were most of what the command line's tables cost.
fn write_record<S: AsRef<str>>(out: &mut String, cells: impl IntoIterator<Item = S>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_cell(out, cell.as_ref());
    }
    out.push_str("\r\n");
}

/// Appends `value` as a cell: a `'` before what a spreadsheet would run as a formula, and in
/// quotes, its quotes doubled, when it holds a comma, a quote or a line break.
fn write_cell(out: &mut String, value: &str) {
    // The marks are ASCII, so a byte scan finds them (a char pattern decodes every character).
    let quoted = value.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'));
    if quoted {
        out.push('"');
    }
    if runs_as_formula(value) {
        out.push('\'');
    }
    if quoted {
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

/// Whether a spreadsheet would take `value` for a formula (OWASP's CSV injection: a cell starting
/// with `=`, `+`, `-`, `@`, a tab or a carriage return), unless it is a plain number:
///
/// | cell                | a formula? | why                                     |
/// |---------------------|------------|-----------------------------------------|
/// | `-1.68`, `+3`, `-2e-5` | no      | a signed number, read as a number       |
/// | `-1+1`              | yes        | arithmetic: the spreadsheet computes it |
/// | `=SUM(A1)`, `@SUM(1)` | yes      | a formula, a function call              |
/// | `-`, `-.`, `-inf`   | yes        | a sign alone, or no digits, is no number |
/// | `\t1`, `-1 `        | yes        | a hidden lead or tail around the number |
fn runs_as_formula(value: &str) -> bool {
    value.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(value)
}

/// `[+-]digits[.digits][e[+-]digits]`, with digits on at least one side of the point: what the
/// tables write for a number, and nothing a spreadsheet would compute (`inf`, `NaN` and hex are out).
fn is_plain_number(value: &str) -> bool {
    let digits = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = value.strip_prefix(['+', '-']).unwrap_or(value);
    let whole = digits(rest);
    let rest = &rest[whole..];
    let (fraction, rest) = match rest.strip_prefix('.') {
        Some(after) => (digits(after), &after[digits(after)..]),
        None => (0, rest),
    };
    if whole + fraction == 0 {
        return false;
    }
    match rest.strip_prefix(['e', 'E']) {
        None => rest.is_empty(),
        Some(exponent) => {
            let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
            !exponent.is_empty() && digits(exponent) == exponent.len()
        }
    }
}

fn header(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

/// The term table. The spread columns follow `bySection`: `section1…sectionN`, or one `body`
/// column when the counts are for the whole body (no outline, or too many sections to count by).
pub fn terms(terms: &[Term], sections: usize) -> String {
    let mut names = header(&TERM_COLUMNS);
    match terms.first().map_or(sections, |t| t.by_section.len()) {
        n if n == sections => names.extend((1..=n).map(|i| format!("section{i}"))),
        _ => names.push("body".into()),
    }
    table(
        &names,
        terms.iter().map(|t| {
            let mut row = term_row(t);
            row.extend(t.by_section.iter().map(|n| n.to_string().into()));
            row
        }),
    )
}

const TERM_COLUMNS: [&str; 5] = ["term", "count", "perTenK", "pos", "firstAt"];

/// A term's cells; its words borrowed, not copied (a corpus's term table has a row per term of
/// every document).
fn term_row(t: &Term) -> Vec<Cow<'_, str>> {
    vec![
        t.term.as_str().into(),
        t.count.to_string().into(),
        format!("{:.2}", t.per_ten_k).into(),
        t.pos.as_deref().unwrap_or_default().into(),
        t.first_at.to_string().into(),
    ]
}

/// The slogans, most salient first: kind, text, count, where first said, and what each kind adds.
pub fn slogans(slogans: &[Slogan]) -> String {
    table(&header(&SLOGAN_COLUMNS), slogans.iter().map(slogan_row))
}

const SLOGAN_COLUMNS: [&str; 8] = ["kind", "text", "count", "firstAt", "expansion", "frame", "speaker", "score"];

fn slogan_row(s: &Slogan) -> Vec<Cow<'_, str>> {
    vec![
        kind_id(s.kind).into(),
        s.text.as_str().into(),
        s.count.to_string().into(),
        s.occurrences.first().map_or(String::new(), |o| o.start.to_string()).into(),
        s.expansion.as_ref().map_or(String::new(), |items| items.join("、")).into(),
        s.frame.as_deref().unwrap_or_default().into(),
        s.speaker.as_deref().unwrap_or_default().into(),
        format!("{:.2}", s.score).into(),
    ]
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
    table(&header(&OUTLINE_COLUMNS), outline_rows(sections).into_iter())
}

const OUTLINE_COLUMNS: [&str; 8] =
    ["level", "marker", "heading", "start", "end", "speechChars", "speakingMinutes", "topTerms"];

fn outline_rows(sections: &[Section]) -> Vec<Vec<Cow<'_, str>>> {
    fn walk<'a>(sections: &'a [Section], out: &mut Vec<Vec<Cow<'a, str>>>) {
        for s in sections {
            out.push(vec![
                s.level.to_string().into(),
                s.marker.as_str().into(),
                s.heading.as_str().into(),
                s.start.to_string().into(),
                s.end.to_string().into(),
                s.speech_chars.to_string().into(),
                format!("{:.1}", s.speaking_minutes).into(),
                s.top_terms.join(" ").into(),
            ]);
            walk(&s.children, out);
        }
    }
    let mut rows = Vec::new();
    walk(sections, &mut rows);
    rows
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

/// The draft check's findings (what `check` returns) in `text`, the text checked: a row per
/// finding with the words it flags and the certain replacement, where there is one.
pub fn findings(text: &str, findings: &[Finding]) -> String {
    let index = Utf16Index::new(text);
    let names = header(&["rule", "severity", "start", "end", "flagged", "message", "replacement"]);
    table(
        &names,
        findings.iter().map(|f| {
            let (start, end) = (index.byte(f.start.min(f.end)), index.byte(f.end));
            let severity = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "info",
            };
            vec![
                f.rule.clone(),
                severity.into(),
                f.start.to_string(),
                f.end.to_string(),
                text[start..end].to_string(),
                f.message.clone(),
                f.fix.as_ref().map_or_else(String::new, |fix| fix.replacement.clone()),
            ]
        }),
    )
}

/// The command line's tables over a corpus: one of the documents, and the terms, slogans and
/// outline parts of every document, each row led by the document's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CorpusTable {
    Documents,
    Terms,
    Slogans,
    Outline,
}

impl CorpusTable {
    pub const ALL: [CorpusTable; 4] =
        [CorpusTable::Documents, CorpusTable::Terms, CorpusTable::Slogans, CorpusTable::Outline];

    /// Its name: the `--table` value and the file name.
    pub fn name(self) -> &'static str {
        match self {
            CorpusTable::Documents => "documents",
            CorpusTable::Terms => "terms",
            CorpusTable::Slogans => "slogans",
            CorpusTable::Outline => "outline",
        }
    }

    /// The first line: the BOM and the column names.
    pub fn header(self) -> String {
        let columns = match self {
            CorpusTable::Documents => DOCUMENT_COLUMNS.to_vec(),
            CorpusTable::Terms => [&["document"][..], &TERM_COLUMNS, &["category"]].concat(),
            CorpusTable::Slogans => [&["document"][..], &SLOGAN_COLUMNS].concat(),
            CorpusTable::Outline => [&["document"][..], &OUTLINE_COLUMNS].concat(),
        };
        format!("{BOM}{}", record(&header(&columns)))
    }

    /// The lines of `analysis`, of the document called `name` and dated `date`.
    pub fn lines(self, name: &str, date: Option<&str>, analysis: &Analysis) -> String {
        let rows: Vec<Vec<Cow<str>>> = match self {
            CorpusTable::Documents => return record(&document_row(name, date, &analysis.summary())),
            CorpusTable::Terms => analysis
                .terms
                .iter()
                .map(|t| {
                    let mut row = term_row(t);
                    row.push(t.lexicon.as_ref().map_or("", |l| l.category.as_str()).into());
                    row
                })
                .collect(),
            CorpusTable::Slogans => analysis.slogans.iter().map(slogan_row).collect(),
            CorpusTable::Outline => outline_rows(&analysis.outline.sections),
        };
        let mut out = String::new();
        for row in rows {
            write_record(&mut out, std::iter::once(name).chain(row.iter().map(|cell| cell.as_ref())));
        }
        out
    }
}

/// The documents table's columns; the first is the document's `name`, as in the JSONL output.
const DOCUMENT_COLUMNS: [&str; 11] = [
    "name",
    "date",
    "hanChars",
    "words",
    "paragraphs",
    "speakingMinutes",
    "parts",
    "keywords",
    "slogans",
    "alarms",
    "warnings",
];

/// A document in a line: its size, its speaking time, its top-level parts, its keywords, its
/// slogans, the slips its numbering has (`alarms`: the outline's issues) and the other warnings.
fn document_row(name: &str, date: Option<&str>, d: &DocumentSummary) -> Vec<String> {
    vec![
        name.to_string(),
        date.unwrap_or_default().to_string(),
        d.han_chars.to_string(),
        d.words.to_string(),
        d.paragraphs.to_string(),
        format!("{:.1}", d.speaking_minutes),
        d.parts.to_string(),
        d.keywords.join(" "),
        d.slogans.to_string(),
        d.alarms.to_string(),
        d.warnings.to_string(),
    ]
}

/// The page's corpus table: the command line's documents table, then a column per term of the
/// trend (`per10k:新质生产力`), its occurrences per 10,000 Han characters in each document.
pub fn corpus(documents: &[CorpusDocument], trend: &[TrendSeries]) -> String {
    let names: Vec<String> =
        DOCUMENT_COLUMNS.iter().map(|c| c.to_string()).chain(trend.iter().map(|s| rate_column(&s.term))).collect();
    let rows = documents.iter().enumerate().map(|(i, d)| {
        let mut row = document_row(&d.name, d.summary.date.as_deref(), &d.summary);
        row.extend(trend.iter().map(|s| s.values.get(i).map_or(String::new(), |&v| rate(v))));
        row
    });
    table(&names, rows)
}

/// The column of a term followed: `per10k:新质生产力`.
fn rate_column(term: &str) -> String {
    format!("per10k:{term}")
}

/// A rate per 10,000 characters as the corpus tables write it.
fn rate(value: f64) -> String {
    format!("{value:.2}")
}

/// The command line's trend (`speechlens trend`): its first line, the BOM and the columns `name`,
/// `date`, `hanChars`, then [`corpus`]'s `per10k:TERM` for each of `terms`.
pub fn trend_header(terms: &[String]) -> String {
    let names: Vec<String> = ["name", "date", "hanChars"]
        .map(String::from)
        .into_iter()
        .chain(terms.iter().map(|t| rate_column(t)))
        .collect();
    format!("{BOM}{}", record(&names))
}

/// A document's line of the trend: its name, date, Han characters, and its `rates` (`corpus::rates`).
pub fn trend_line(name: &str, date: Option<&str>, han_chars: u32, rates: &[f64]) -> String {
    let cells = [name.to_string(), date.unwrap_or_default().to_string(), han_chars.to_string()];
    record(&cells.into_iter().chain(rates.iter().map(|&r| rate(r))).collect::<Vec<_>>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_corpus_is_its_documents_then_a_column_per_term_followed() {
        let summary = |date: Option<&str>, han_chars| DocumentSummary {
            date: date.map(String::from),
            han_chars,
            words: 10,
            paragraphs: 2,
            speaking_minutes: 0.25,
            parts: 3,
            keywords: vec!["县域经济".into(), "新质生产力".into()],
            slogans: 4,
            alarms: 1,
            warnings: 0,
            body: crate::model::Span { start: 0, end: 50 },
            chrome: vec![],
        };
        let documents = [
            CorpusDocument { name: "2023.txt".into(), summary: summary(Some("2023-03-05"), 50) },
            CorpusDocument { name: "=notes, draft".into(), summary: summary(None, 40) },
        ];
        let trend = [TrendSeries { term: "新质生产力".into(), values: vec![0.0, 1250.0] }];
        let csv = corpus(&documents, &trend);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines,
            [
                "\u{feff}name,date,hanChars,words,paragraphs,speakingMinutes,parts,keywords,slogans,alarms,warnings,per10k:新质生产力",
                "2023.txt,2023-03-05,50,10,2,0.2,3,县域经济 新质生产力,4,1,0,0.00",
                "\"'=notes, draft\",,40,10,2,0.2,3,县域经济 新质生产力,4,1,0,1250.00",
            ]
        );
    }

    fn cell(value: &str) -> String {
        let mut out = String::new();
        write_cell(&mut out, value);
        out
    }

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=1+1"), "'=1+1");
        assert_eq!(cell("县域"), "县域");
    }

    /// The table of `runs_as_formula`, each row checked.
    #[test]
    fn numbers_stay_numbers_and_formulas_are_defused() {
        for number in ["-1.68", "-1", "+3", "-0.00", "-.5", "-5.", "-2e-5", "+1E10", "12", "3.14"] {
            assert_eq!(cell(number), number, "a number stays as it is");
        }
        for formula in [
            "-1+1", "=SUM(A1)", "+A1", "-", "+", "-.", "-e5", "-1e", "-1e+", "-1.2.3", "-inf", "-NaN", "-0x1F",
            "@SUM(1)", "\t1", "- 1", "-1 ",
        ] {
            assert_eq!(cell(formula).trim_matches('"'), format!("'{formula}"), "{formula:?} is defused");
        }
    }
}
