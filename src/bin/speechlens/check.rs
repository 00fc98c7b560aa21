//! `speechlens check`: the draft check over files, a line per finding as linters print them, the
//! certain fixes written back with `--fix`.

use crate::args::Check;
use crate::input::{self, Document, Failure};
use speechlens::check::{CheckResult, Finding, Severity, check};
use std::io::{self, Write};

/// Checks every document; whether any had an error or could not be read.
pub fn run(mut command: Check) -> io::Result<bool> {
    command.options.today = Some(today());
    let (documents, _) = input::documents(&command.inputs);
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut failed = false;
    for reading in documents {
        let document = match reading {
            Ok(document) => document,
            Err(Failure { name, reason, .. }) => {
                out.flush()?;
                eprintln!("speechlens: {name}: {reason}");
                failed = true;
                continue;
            }
        };
        let text = if command.fix { fixed(&document, &command)? } else { document.text.clone() };
        let result = match check(&text, &command.options) {
            Ok(result) => result,
            Err(e) => {
                out.flush()?;
                eprintln!("speechlens: {}: {e}", document.name);
                failed = true;
                continue;
            }
        };
        failed |= result.counts.error > 0;
        if command.json {
            let line =
                serde_json::json!({ "name": document.name, "findings": result.findings, "counts": result.counts });
            serde_json::to_writer(&mut out, &line)?;
            out.write_all(b"\n")?;
        } else {
            write_lines(&mut out, &document.name, &text, &result)?;
        }
    }
    out.flush()?;
    Ok(failed)
}

/// `FILE:LINE:COL: severity rule message`, a line per finding.
fn write_lines(out: &mut impl Write, name: &str, text: &str, result: &CheckResult) -> io::Result<()> {
    let mut place = Places::new(text);
    for f in &result.findings {
        let (line, column) = place.of(f.start);
        let severity = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        writeln!(out, "{name}:{line}:{column}: {severity} {} {}", f.rule, f.message)?;
    }
    Ok(())
}

/// Line and column (from 1, the column in characters) of UTF-16 offsets, asked for in order.
struct Places<'t> {
    chars: std::str::Chars<'t>,
    unit: u32,
    line: usize,
    column: usize,
}

impl<'t> Places<'t> {
    fn new(text: &'t str) -> Places<'t> {
        Places { chars: text.chars(), unit: 0, line: 1, column: 1 }
    }

    fn of(&mut self, unit: u32) -> (usize, usize) {
        while self.unit < unit {
            let Some(c) = self.chars.next() else { break };
            self.unit += c.len_utf16() as u32;
            if c == '\n' {
                (self.line, self.column) = (self.line + 1, 1);
            } else {
                self.column += 1;
            }
        }
        (self.line, self.column)
    }
}

/// The document's text with the certain fixes applied, written back to its file when it is a
/// UTF-8 text file (a JSONL line, stdin or another encoding is checked as it is, and said so).
fn fixed(document: &Document, command: &Check) -> io::Result<String> {
    let path = std::path::Path::new(&document.name);
    let utf8_file = path.is_file() && std::fs::read(path).is_ok_and(|bytes| std::str::from_utf8(&bytes).is_ok());
    if !utf8_file {
        eprintln!("speechlens: {}: --fix rewrites UTF-8 text files only; checked as it is", document.name);
        return Ok(document.text.clone());
    }
    let Ok(result) = check(&document.text, &command.options) else { return Ok(document.text.clone()) };
    let (text, applied) = apply_fixes(&document.text, &result.findings);
    if applied > 0 {
        let bom = if std::fs::read(path)?.starts_with("\u{feff}".as_bytes()) { "\u{feff}" } else { "" };
        std::fs::write(path, format!("{bom}{text}"))?;
        eprintln!("speechlens: {}: {applied} fixed", document.name);
    }
    Ok(text)
}

/// `text` with every fix applied that overlaps no earlier one, and how many were.
pub fn apply_fixes(text: &str, findings: &[Finding]) -> (String, usize) {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut out: Vec<u16> = Vec::with_capacity(units.len());
    let (mut at, mut applied) = (0usize, 0usize);
    for fix in findings.iter().filter_map(|f| f.fix.as_ref()) {
        let (start, end) = (fix.start as usize, fix.end as usize);
        if start < at || end > units.len() {
            continue;
        }
        out.extend_from_slice(&units[at..start]);
        out.extend(fix.replacement.encode_utf16());
        at = end;
        applied += 1;
    }
    out.extend_from_slice(&units[at..]);
    (String::from_utf16_lossy(&out), applied)
}

/// Today's date in UTC (the draft check's last resort for a draft's date), from the clock.
fn today() -> String {
    let days = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() / 86_400);
    // Howard Hinnant's civil_from_days: days since 1970-01-01 to a proleptic Gregorian date.
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}
