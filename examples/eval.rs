//! How the analysis compares with what a careful reader sees in real texts (`make eval FILE=…`):
//! `cargo run --release --example eval -- TEXTS.jsonl ANNOTATIONS.jsonl [SLOGAN_LABELS.jsonl] [--verbose]
//! [--half=tune|validate]`. The formats are in eval/README.md. A half is the corpus's lines with an even
//! (`tune`) or odd (`validate`) 0-based index: rules are tuned on the one and measured on both.

use serde::Deserialize;
use speechlens::model::{Analysis, Section};
use speechlens::{Analyzer, Options};
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

#[derive(Deserialize)]
struct Text {
    #[serde(default)]
    date: String,
    text: String,
}

#[derive(Deserialize)]
struct Annotation {
    fnv: String,
    speech: (String, String),
    title: Option<String>,
    salutation: Option<String>,
    chrome: Vec<(String, String)>,
    sections: Vec<(u32, String)>,
    alarms: Vec<(String, String)>,
    paragraphs: Option<u32>,
}

/// A reader's judgement of the slogans one version found in a text (eval/README.md).
#[derive(Deserialize)]
struct SloganLabels {
    fnv: String,
    /// The kinds whose every slogan in this text was judged.
    kinds: Vec<String>,
    slogans: Vec<SloganLabel>,
}

#[derive(Deserialize)]
struct SloganLabel {
    /// The slogan, or its first 30 characters when it has `chars` more than 40.
    text: String,
    chars: Option<usize>,
    /// The kind a careful reader gives it here, or `none`.
    gold: String,
    speaker: Option<String>,
    speaker_ok: Option<bool>,
    /// The right speaker, where the one judged was wrong and the text names one.
    speaker_gold: Option<String>,
    expansion: Option<String>,
    expansion_ok: Option<bool>,
}

impl SloganLabel {
    fn labels(&self, text: &str) -> bool {
        match self.chars {
            Some(chars) => text.chars().count() == chars && text.starts_with(&self.text),
            None => text == self.text,
        }
    }
}

/// Slogan figures by the analysis's kind.
#[derive(Default)]
struct SloganFigures {
    /// Strict precision: judged a slogan, and of this kind.
    precision: BTreeMap<String, Tally>,
    unjudged: BTreeMap<String, usize>,
    /// Speakers named: right of judged.
    speakers: Tally,
    /// Quotations whose speaker is left out (the text names none, or only by a pronoun).
    speakers_left_out: usize,
    speakers_unjudged: usize,
    expansions: Tally,
}

fn evaluate_slogans(labels: &SloganLabels, a: &Analysis, f: &mut SloganFigures, verbose: bool, name: &str) {
    for s in &a.slogans {
        let kind = serde_json::to_value(s.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        if !labels.kinds.contains(&kind) {
            continue;
        }
        let Some(label) = labels.slogans.iter().find(|l| l.labels(&s.text)) else {
            *f.unjudged.entry(kind.clone()).or_default() += 1;
            if verbose {
                println!("  {name}: unjudged {kind} {:?}", s.text);
            }
            continue;
        };
        let right = label.gold == kind;
        f.precision.entry(kind.clone()).or_default().add(right);
        if verbose && !right {
            println!("  {name}: {kind} {:?} is {}", s.text, label.gold);
        }
        if label.gold == "quotation" {
            match &s.speaker {
                None => f.speakers_left_out += 1,
                Some(speaker) if label.speaker_gold.as_ref() == Some(speaker) => f.speakers.add(true),
                Some(speaker) if label.speaker.as_ref() == Some(speaker) => {
                    f.speakers.add(label.speaker_ok == Some(true) && label.speaker_gold.is_none())
                }
                Some(speaker) => {
                    f.speakers_unjudged += 1;
                    if verbose {
                        println!("  {name}: unjudged speaker {speaker:?} of {:?}", s.text);
                    }
                }
            }
        }
        if let (Some(ok), Some(items)) = (label.expansion_ok, &s.expansion)
            && label.expansion.as_deref() == Some(items.join("、").as_str())
        {
            f.expansions.add(ok);
        }
    }
}

/// FNV-1a 64 of the text's UTF-8 bytes, as eval/fnv.py prints it.
fn fnv(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    format!("{hash:016x}")
}

/// A found/total tally.
#[derive(Default, Clone, Copy)]
struct Tally {
    hit: usize,
    of: usize,
}

impl Tally {
    fn add(&mut self, hit: bool) {
        self.hit += usize::from(hit);
        self.of += 1;
    }
}

impl std::fmt::Display for Tally {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        if self.of == 0 {
            return write!(f, "–");
        }
        write!(f, "{}/{} ({:.0} %)", self.hit, self.of, 100.0 * self.hit as f64 / self.of as f64)
    }
}

#[derive(Default)]
struct Figures {
    texts: usize,
    speech_chars: usize,
    speech_removed: usize,
    texts_losing_speech: usize,
    /// By annotated kind: pieces wholly removed.
    chrome_recall: BTreeMap<String, Tally>,
    /// By the analysis's kind: removed pieces holding no speech.
    chrome_precision: BTreeMap<String, Tally>,
    salutation: Tally,
    false_salutations: usize,
    title: Tally,
    sections: Tally,
    false_sections: usize,
    alarms_true: usize,
    alarms_false: usize,
    alarms_missed: usize,
    paragraphs: Tally,
}

/// Byte offsets of each UTF-16 offset of `text` (one past the end included).
fn byte_of_unit(text: &str) -> Vec<usize> {
    let mut map = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        map.extend(std::iter::repeat_n(at, c.len_utf16()));
    }
    map.push(text.len());
    map
}

fn flatten(sections: &[Section], out: &mut Vec<(u32, u32, String)>) {
    for s in sections {
        out.push((s.start, s.level, s.marker.clone()));
        flatten(&s.children, out);
    }
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

fn evaluate(text: &str, note: &Annotation, a: &Analysis, f: &mut Figures, verbose: bool, name: &str) {
    let say = |what: String| {
        if verbose {
            println!("  {name}: {what}");
        }
    };
    let units = byte_of_unit(text);
    let byte = |u: u32| units[(u as usize).min(units.len() - 1)];
    let Some(first) = text.find(&note.speech.0) else { return say("speech start not found".into()) };
    let Some(last) = text.find(&note.speech.1) else { return say("speech end not found".into()) };
    let region = first..last + note.speech.1.len();

    // Annotated chrome, located in order.
    let mut chrome: Vec<(&str, Range<usize>)> = Vec::new();
    let mut from = 0;
    for (kind, s) in &note.chrome {
        if let Some(at) = text[from..].find(s.as_str()) {
            chrome.push((kind, from + at..from + at + s.len()));
            from += at + s.len();
        }
    }
    // Each character: speech or not (by the annotation), removed or not (by the analysis).
    let mut is_speech = vec![false; text.len()];
    for (at, c) in text[region.clone()].char_indices() {
        is_speech[region.start + at] = !is_blank(c);
    }
    for (_, r) in &chrome {
        is_speech[r.clone()].iter_mut().for_each(|s| *s = false);
    }
    let mut removed = vec![true; text.len()];
    removed[byte(a.body.start)..byte(a.body.end)].iter_mut().for_each(|r| *r = false);
    for r in &a.removed {
        removed[byte(r.start)..byte(r.end)].iter_mut().for_each(|x| *x = true);
    }
    let chars = |r: Range<usize>| text[r.clone()].char_indices().map(move |(at, c)| (r.start + at, c));
    let speech_chars = chars(0..text.len()).filter(|&(at, _)| is_speech[at]).count();
    let lost: Vec<usize> =
        chars(0..text.len()).filter(|&(at, _)| is_speech[at] && removed[at]).map(|(at, _)| at).collect();
    f.speech_chars += speech_chars;
    f.speech_removed += lost.len();
    if let Some(&at) = lost.first() {
        f.texts_losing_speech += 1;
        say(format!(
            "{} speech characters removed, from {:?}",
            lost.len(),
            &text[at..text.ceil_char_boundary(at + 30)]
        ));
    }
    for (kind, r) in &chrome {
        let whole = chars(r.clone()).all(|(at, c)| is_blank(c) || removed[at]);
        f.chrome_recall.entry(kind.to_string()).or_default().add(whole);
        if !whole {
            say(format!("{kind} kept: {:?}", &text[r.clone()]));
        }
    }
    for r in &a.removed {
        let range = byte(r.start)..byte(r.end);
        let clean = !chars(range).any(|(at, _)| is_speech[at]);
        let kind = serde_json::to_value(r.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        f.chrome_precision.entry(kind.clone()).or_default().add(clean);
        if !clean {
            say(format!("{kind} removed speech: {:?}", r.text.chars().take(40).collect::<String>()));
        }
    }

    let part = |p: &Option<speechlens::model::Part>| p.as_ref().map(|p| p.text.trim().to_string());
    match (&note.salutation, part(&a.outline.salutation)) {
        (Some(want), got) => {
            f.salutation.add(got.as_deref() == Some(want.as_str()));
            if got.as_deref() != Some(want.as_str()) {
                say(format!("salutation {got:?}, not {want:?}"));
            }
        }
        (None, Some(got)) => {
            f.false_salutations += 1;
            say(format!("salutation {got:?} where there is none"));
        }
        (None, None) => {}
    }
    if let Some(want) = &note.title {
        let got = part(&a.outline.title);
        f.title.add(got.as_deref() == Some(want.as_str()));
        if got.as_deref() != Some(want.as_str()) {
            say(format!("title {got:?}, not {want:?}"));
        }
    }

    let mut found = Vec::new();
    flatten(&a.outline.sections, &mut found);
    let want: Vec<usize> = note.sections.iter().filter_map(|(_, s)| text.find(s.as_str())).collect();
    let found_at: Vec<usize> = found.iter().map(|(start, ..)| byte(*start)).collect();
    for (at, (_, s)) in want.iter().zip(&note.sections) {
        let hit = found_at.contains(at);
        f.sections.add(hit);
        if !hit {
            say(format!("section missed: {s:?}"));
        }
    }
    for (at, (_, level, marker)) in found_at.iter().zip(&found) {
        if !want.contains(at) {
            f.false_sections += 1;
            say(format!(
                "false section (level {level}) {marker:?}: {:?}",
                &text[*at..text.ceil_char_boundary(at + 30)]
            ));
        }
    }

    let mut matched = vec![false; note.alarms.len()];
    for issue in &a.outline.issues {
        let at = Some(byte(issue.start));
        let hit = note.alarms.iter().enumerate().find(|(_, (_, s))| {
            text.find(s.as_str()).is_some_and(|start| at.is_some_and(|at| (start..start + s.len()).contains(&at)))
        });
        match hit {
            Some((i, _)) => {
                matched[i] = true;
                f.alarms_true += 1;
            }
            None => {
                f.alarms_false += 1;
                say(format!("false alarm: {}", issue.message));
            }
        }
    }
    f.alarms_missed += matched.iter().filter(|m| !**m).count();

    if let Some(want) = note.paragraphs {
        f.paragraphs.add(a.stats.paragraphs == want);
        if a.stats.paragraphs != want {
            say(format!("{} paragraphs, not {want}", a.stats.paragraphs));
        }
    }
    f.texts += 1;
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    let half = match args.iter().find_map(|a| a.strip_prefix("--half=")) {
        None | Some("") => None,
        Some("tune") => Some(0),
        Some("validate") => Some(1),
        Some(other) => {
            eprintln!("eval: --half is tune or validate, not {other:?}");
            std::process::exit(2);
        }
    };
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let (texts, annotations, slogan_labels) = match paths[..] {
        [texts, annotations] => (texts, annotations, None),
        [texts, annotations, labels] => (texts, annotations, Some(labels)),
        _ => {
            eprintln!(
                "usage: eval TEXTS.jsonl ANNOTATIONS.jsonl [SLOGAN_LABELS.jsonl] [--verbose] [--half=tune|validate]"
            );
            std::process::exit(2);
        }
    };
    let read = |path: &str| std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let notes: HashMap<String, Annotation> = read(annotations)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<Annotation>(l).expect("an annotation line"))
        .map(|a| (a.fnv.clone(), a))
        .collect();
    let judged: HashMap<String, SloganLabels> = slogan_labels
        .map(|path| read(path))
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<SloganLabels>(l).expect("a slogan label line"))
        .map(|l| (l.fnv.clone(), l))
        .collect();
    let analyzer = Analyzer::new();
    let mut f = Figures::default();
    let mut slogans = SloganFigures::default();
    let mut unannotated = 0;
    let lines = read(texts);
    let in_half = |i: &usize| half.is_none_or(|h| i % 2 == h);
    for (i, line) in lines.lines().filter(|l| !l.trim().is_empty()).enumerate().filter(|(i, _)| in_half(i)) {
        let row: Text = serde_json::from_str(line).expect("a JSON line with a text field");
        let hash = fnv(&row.text);
        let Some(note) = notes.get(&hash) else {
            unannotated += 1;
            continue;
        };
        let analysis = analyzer.analyze(&row.text, &Options::default()).expect("an analysis");
        let name = format!("#{i} {}", row.date);
        evaluate(&row.text, note, &analysis, &mut f, verbose, &name);
        if let Some(labels) = judged.get(&hash) {
            evaluate_slogans(labels, &analysis, &mut slogans, verbose, &name);
        }
    }
    let which = match half {
        Some(0) => " of the tuning half (even lines)",
        Some(_) => " of the validation half (odd lines)",
        None => "",
    };
    println!("texts evaluated{which}: {} (without annotations: {unannotated})", f.texts);
    println!(
        "speech characters removed: {} of {} ({} texts lose speech)",
        f.speech_removed, f.speech_chars, f.texts_losing_speech
    );
    for (kind, t) in &f.chrome_recall {
        println!("chrome recall    {kind:<12} {t}");
    }
    for (kind, t) in &f.chrome_precision {
        println!("chrome precision {kind:<12} {t}");
    }
    println!("salutation exact: {}; salutations where there is none: {}", f.salutation, f.false_salutations);
    println!("title exact: {}", f.title);
    println!("sections found: {}; false sections: {}", f.sections, f.false_sections);
    println!("alarms: {} true, {} false, {} missed", f.alarms_true, f.alarms_false, f.alarms_missed);
    println!("paragraph counts right: {}", f.paragraphs);
    if !judged.is_empty() {
        for (kind, t) in &slogans.precision {
            let unjudged = slogans.unjudged.get(kind).copied().unwrap_or(0);
            println!("slogan precision {kind:<10} {t}; not yet judged: {unjudged}");
        }
        println!(
            "quotation speakers right: {}; left out: {}; not yet judged: {}",
            slogans.speakers, slogans.speakers_left_out, slogans.speakers_unjudged
        );
        println!("numbered expansions right: {}", slogans.expansions);
    }
}
