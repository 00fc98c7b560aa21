//! The draft check on published texts (`make check-rate FILE=…`): texts edited by professionals
//! should have next to no errors, so every error found there is a false alarm to look at.
//! `cargo run --release --example check_rate -- TEXTS.jsonl [--half tune|validate] [--verbose]`:
//! findings per rule, errors and warnings per 10,000 Han characters; `--verbose` prints each
//! finding with its context. A half is the dev corpus's even (tune) or odd (validate) lines.

use serde::Deserialize;
use speechlens::check::{CheckOptions, Severity, check};
use std::collections::BTreeMap;

#[derive(Deserialize)]
struct Text {
    #[serde(default)]
    date: String,
    text: String,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().expect("usage: check_rate TEXTS.jsonl [--half tune|validate] [--verbose]");
    let verbose = args.iter().any(|a| a == "--verbose");
    let half = args.iter().position(|a| a == "--half").and_then(|i| args.get(i + 1)).map(String::as_str);
    let lines = std::fs::read_to_string(path).expect("a readable JSONL file");
    let (mut han, mut errors, mut warnings, mut infos) = (0usize, 0usize, 0usize, 0usize);
    let mut by_rule: BTreeMap<String, usize> = BTreeMap::new();
    for (n, line) in lines.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        match half {
            Some("tune") if n % 2 == 1 => continue,
            Some("validate") if n % 2 == 0 => continue,
            _ => {}
        }
        let text: Text = serde_json::from_str(line).expect("a JSON object with a text");
        han += text.text.chars().filter(|&c| speechlens::text::is_han(c)).count();
        let result = check(&text.text, &CheckOptions::default()).expect("checked");
        let units: Vec<u16> = text.text.encode_utf16().collect();
        for f in &result.findings {
            *by_rule.entry(f.rule.clone()).or_default() += 1;
            match f.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                Severity::Info => infos += 1,
            }
            if verbose {
                let slice =
                    |a: usize, b: usize| String::from_utf16_lossy(&units[a.min(units.len())..b.min(units.len())]);
                let (s, e) = (f.start as usize, f.end as usize);
                println!(
                    "{n} {} {:?} {}: …{}[{}]{}…",
                    text.date,
                    f.severity,
                    f.rule,
                    slice(s.saturating_sub(15), s),
                    slice(s, e),
                    slice(e, e + 15)
                );
            }
        }
    }
    let per_10k = |n: usize| n as f64 * 10_000.0 / han.max(1) as f64;
    for (rule, count) in &by_rule {
        println!("{rule:<28} {count}");
    }
    println!(
        "{han} Han characters: {errors} errors ({:.2} per 10k), {warnings} warnings ({:.2} per 10k), {infos} info ({:.2} per 10k)",
        per_10k(errors),
        per_10k(warnings),
        per_10k(infos)
    );
}
