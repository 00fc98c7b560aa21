//! What every result must satisfy whatever the input: the one checker the property tests, the
//! sample tests and the fuzz targets share (`#[path = "support/invariants.rs"] mod invariants;`).
//!
//! Each check panics with the input's offending part named, so proptest can shrink to it and
//! libFuzzer saves it as a crash. Offsets are checked as JS sees them: UTF-16 code units, and
//! `text.slice(start, end)` must be exactly what the result says is there.
#![allow(dead_code)] // each test crate that includes this uses some of it

use speechlens::model::{Analysis, Comparison, ConcordanceLine, ParagraphStatus, Section, SegmentColumns, Token};

/// The text as JS holds it, for slicing by UTF-16 offsets.
pub struct Js {
    units: Vec<u16>,
}

impl Js {
    pub fn new(text: &str) -> Js {
        Js { units: text.encode_utf16().collect() }
    }

    pub fn len(&self) -> u32 {
        self.units.len() as u32
    }

    /// Whether `at` is inside the text and not between the two halves of a surrogate pair.
    fn on_boundary(&self, at: u32) -> bool {
        let at = at as usize;
        at == self.units.len() || (at < self.units.len() && !(0xDC00..0xE000).contains(&self.units[at]))
    }

    /// `text.slice(start, end)`, after checking the span is ordered, inside and on boundaries.
    pub fn slice(&self, what: &str, start: u32, end: u32) -> String {
        assert!(start <= end, "{what}: start {start} after end {end}");
        assert!(end <= self.len(), "{what}: end {end} past the text ({} units)", self.len());
        assert!(self.on_boundary(start) && self.on_boundary(end), "{what}: {start}..{end} splits a surrogate pair");
        String::from_utf16(&self.units[start as usize..end as usize]).expect("valid UTF-16 between boundaries")
    }

    /// Checks `text.slice(start, end) === expected`.
    pub fn holds(&self, what: &str, start: u32, end: u32, expected: &str) {
        let got = self.slice(what, start, end);
        assert_eq!(got, expected, "{what}: text.slice({start}, {end}) is not what the result says");
    }

    /// Checks `expected` is in the text at `start`.
    pub fn holds_at(&self, what: &str, start: u32, expected: &str) {
        self.holds(what, start, start + expected.encode_utf16().count() as u32, expected);
    }
}

/// Every span of `a` lies in `text` on UTF-16 boundaries and names what the result says it does;
/// counts equal occurrences; sections nest inside their parents and follow each other in order.
pub fn check_analysis(text: &str, a: &Analysis) {
    let js = Js::new(text);
    assert_eq!(a.stats.utf16_units, js.len(), "stats.utf16Units is the text's UTF-16 length");
    assert!(a.stats.speaking_minutes.is_finite() && a.stats.speaking_minutes >= 0.0);
    js.slice("body", a.body.start, a.body.end);

    let mut removed_end = 0;
    for r in &a.removed {
        js.holds(&format!("removed {:?}", r.kind), r.start, r.end, &r.text);
        assert!(r.start >= removed_end, "removed pieces overlap or are out of order at {}", r.start);
        removed_end = r.end;
    }

    let top_level = a.outline.sections.len();
    // Counting a term's occurrences scans the whole text: as many terms as keep the check linear.
    let scanned = (64 << 20) / text.len().max(1);
    for (i, t) in a.terms.iter().enumerate() {
        js.holds_at(&format!("term {:?} firstAt", t.term), t.first_at, &t.term);
        assert!(t.count >= 1, "term {:?} counted {} times", t.term, t.count);
        if i < scanned {
            // Tokens are disjoint pieces of the text: a term cannot be counted more often than it occurs.
            let occurs = text.matches(t.term.as_str()).count() as u32;
            assert!(t.count <= occurs, "term {:?}: count {} but {occurs} in the text", t.term, t.count);
        }
        assert!(t.per_ten_k.is_finite() && t.per_ten_k >= 0.0, "term {:?}: perTenK {}", t.term, t.per_ten_k);
        let in_sections: u32 = t.by_section.iter().sum();
        assert!(in_sections <= t.count, "term {:?}: {in_sections} by section, {} in all", t.term, t.count);
        assert!(
            t.by_section.len() == top_level || t.by_section.len() == 1,
            "term {:?}: {} section counts for {top_level} sections",
            t.term,
            t.by_section.len()
        );
        if top_level == 0 {
            assert_eq!(in_sections, t.count, "term {:?}: with no sections the one bucket is the whole count", t.term);
        }
    }
    for k in &a.keywords {
        assert!(k.weight.is_finite(), "keyword {:?}: weight {}", k.term, k.weight);
    }
    for p in &a.phrases {
        assert_eq!(p.count as usize, p.occurrences.len(), "phrase {:?}: count vs occurrences", p.text);
        assert!(p.count >= 2, "phrase {:?}: a repeated phrase occurs at least twice", p.text);
        check_occurrences(&js, &format!("phrase {:?}", p.text), &p.occurrences, &p.text);
    }
    for s in &a.slogans {
        assert_eq!(s.count as usize, s.occurrences.len(), "slogan {:?}: count vs occurrences", s.text);
        assert!(s.count >= 1, "slogan {:?} occurs", s.text);
        assert!(s.score.is_finite(), "slogan {:?}: score {}", s.text, s.score);
        check_occurrences(&js, &format!("slogan {:?}", s.text), &s.occurrences, &s.text);
    }

    let o = &a.outline;
    for (name, part) in [("title", &o.title), ("salutation", &o.salutation), ("closing", &o.closing)] {
        if let Some(p) = part {
            js.holds(name, p.start, p.end, &p.text);
        }
    }
    for p in &o.interjections {
        js.holds("interjection", p.start, p.end, &p.text);
    }
    if let Some(n) = &o.announced {
        js.holds("announced", n.start, n.end, &n.text);
    }
    for issue in &o.issues {
        assert!(issue.rule.starts_with("numbering."), "issue {:?} is a numbering finding", issue.rule);
        js.slice(&format!("issue {:?}", issue.message), issue.start, issue.end);
        for seen in issue.evidence.series() {
            js.slice(&format!("evidence {:?}", seen.marker), seen.start, seen.end);
        }
    }
    check_sections(&js, "section", &o.sections, 1, a.body.start, a.body.end);
    for w in &a.warnings {
        js.slice(&format!("warning {:?}", w.rule), w.start, w.end);
        assert!(w.evidence.series().is_empty(), "warning {:?} cites no numbering", w.rule);
    }
}

/// Every occurrence names `expected`, in text order.
fn check_occurrences(js: &Js, what: &str, occurrences: &[speechlens::model::Span], expected: &str) {
    let mut previous = None;
    for o in occurrences {
        js.holds(what, o.start, o.end, expected);
        assert!(previous.is_none_or(|p| p < o.start), "{what}: occurrences out of order or repeated at {}", o.start);
        previous = Some(o.start);
    }
}

/// Sections at `level` lie within `from..to`, in order, without overlapping; each starts with its
/// marker and holds its heading; their children obey the same one level down, inside them.
fn check_sections(js: &Js, what: &str, sections: &[Section], level: u32, from: u32, to: u32) {
    let mut at = from;
    for (i, s) in sections.iter().enumerate() {
        let name = format!("{what} {} {:?}", i + 1, s.marker);
        let inside = js.slice(&name, s.start, s.end);
        assert!(
            s.start >= at && s.end <= to,
            "{name}: {}..{} outside {at}..{to} (parent or previous sibling)",
            s.start,
            s.end
        );
        assert_eq!(s.level, level, "{name}: level");
        assert!(!s.marker.is_empty() && inside.starts_with(&s.marker), "{name}: does not start with its marker");
        assert!(inside.contains(&s.heading), "{name}: heading {:?} not inside the section", s.heading);
        assert!((0.0..=1.0).contains(&s.share), "{name}: share {}", s.share);
        assert!(s.speaking_minutes.is_finite());
        check_sections(js, &format!("{name} >"), &s.children, level + 1, s.start, s.end);
        at = s.end;
    }
}

/// The tokens tile the text: in order, no gaps, no overlaps, each the word it says.
pub fn check_tokens(text: &str, tokens: &[Token]) {
    let js = Js::new(text);
    let mut at = 0;
    for t in tokens {
        assert_eq!(t.start, at, "token {:?} at {} leaves a gap or overlaps (previous ended at {at})", t.word, t.start);
        assert!(t.start < t.end, "token {:?} at {} is empty", t.word, t.start);
        js.holds(&format!("token {:?}", t.word), t.start, t.end, &t.word);
        assert!(!t.pos.is_empty(), "token {:?} has a part of speech", t.word);
        at = t.end;
    }
    assert_eq!(at, js.len(), "the tokens stop at {at} of {}", js.len());
}

/// The columns of a segmentation say what its tokens say (which must tile the text): the same
/// spans and tags in the same order, each tag named once.
pub fn check_columns(text: &str, columns: &SegmentColumns, tokens: &[Token]) {
    check_tokens(text, tokens);
    let n = tokens.len();
    assert_eq!((columns.starts.len(), columns.ends.len(), columns.tags.len()), (n, n, n), "one row per token");
    for (i, t) in tokens.iter().enumerate() {
        assert_eq!((columns.starts[i], columns.ends[i]), (t.start, t.end), "token {i} {:?}", t.word);
        let tag = columns.tag_names.get(columns.tags[i] as usize);
        assert_eq!(tag, Some(&t.pos), "token {i} {:?}: tag id {}", t.word, columns.tags[i]);
    }
    for (i, name) in columns.tag_names.iter().enumerate() {
        assert!(!columns.tag_names[..i].contains(name), "tag {name:?} named twice");
    }
}

/// Each concordance line is `term` at its span with its context on either side.
pub fn check_concordance(text: &str, lines: &[ConcordanceLine]) {
    let js = Js::new(text);
    for l in lines {
        js.holds("concordance keyword", l.start, l.end, &l.keyword);
        let left = l.left.encode_utf16().count() as u32;
        assert!(left <= l.start, "concordance left context longer than the text before it");
        js.holds("concordance left", l.start - left, l.start, &l.left);
        js.holds_at("concordance right", l.end, &l.right);
    }
}

/// The CSV parses as RFC 4180 and every row has as many cells as the header.
pub fn check_csv(csv: &str) {
    let body = csv.strip_prefix('\u{feff}').expect("CSV starts with a byte-order mark for Excel");
    let rows = parse_csv(body);
    let header = rows.first().expect("a header row");
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(
            row.len(),
            header.len(),
            "CSV row {i} has {} cells, the header {}: {row:?}",
            row.len(),
            header.len()
        );
        // A number (-1.68) is left as it is; any other cell with a formula's lead is defused.
        for cell in row.iter().filter(|c| c.starts_with(['=', '+', '-', '@'])) {
            assert!(
                cell.parse::<f64>().is_ok_and(f64::is_finite),
                "CSV cell {cell:?} would run as a spreadsheet formula"
            );
        }
    }
}

/// Rows of cells, quotes undone; every row ends with CRLF.
fn parse_csv(csv: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let mut chars = csv.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CSV: CR without LF");
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => {
                assert!(c != '\n', "CSV: bare LF outside quotes");
                cell.push(c);
            }
        }
    }
    assert!(!quoted && cell.is_empty() && row.is_empty(), "CSV does not end with a complete row");
    rows
}

/// Every span of a comparison of `a` with `b` lies in its own text: paragraphs where their status
/// says they are, their changed words inside them, the outlines' parts.
pub fn check_comparison(a: &str, b: &str, c: &Comparison) {
    let (ja, jb) = (Js::new(a), Js::new(b));
    for p in &c.paragraphs {
        assert_eq!(p.a.is_some(), p.status != ParagraphStatus::Inserted, "{p:?}");
        assert_eq!(p.b.is_some(), p.status != ParagraphStatus::Deleted, "{p:?}");
        if let Some(s) = p.a {
            ja.slice("paragraph in a", s.start, s.end);
            for w in &p.deleted {
                assert!(s.start <= w.start && w.end <= s.end, "deleted words outside their paragraph: {p:?}");
            }
        }
        if let Some(s) = p.b {
            jb.slice("paragraph in b", s.start, s.end);
            for w in &p.inserted {
                assert!(s.start <= w.start && w.end <= s.end, "inserted words outside their paragraph: {p:?}");
            }
        }
    }
    for m in &c.outline {
        assert!(m.a.is_some() || m.b.is_some(), "a match of nothing");
        assert!((0.0..=1.0).contains(&m.similarity), "{m:?}");
        for (js, part) in [(&ja, &m.a), (&jb, &m.b)] {
            if let Some(p) = part {
                js.slice("outline part", p.start, p.end);
            }
        }
    }
    for t in &c.terms {
        assert!(t.log_likelihood.is_finite() && t.log_ratio.is_finite(), "{t:?}");
        assert!(t.count_a + t.count_b > 0, "{t:?}");
    }
}
