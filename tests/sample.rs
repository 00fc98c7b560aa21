//! The sample speech, as pasted from a web page: what a reader must see in it.

use speechlens::model::{Analysis, Evidence, SloganKind};
use speechlens::{Analyzer, Options};

const SAMPLE: &str = include_str!("fixtures/seed-speech.txt");

fn analysis() -> Analysis {
    Analyzer::new().analyze(SAMPLE, &Options::default()).expect("the sample analyses")
}

/// The UTF-16 slice `[start, end)` of `text`, as JS's `text.slice` would give it.
fn slice(text: &str, start: u32, end: u32) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start as usize..end as usize]).expect("span on UTF-16 boundaries")
}

#[test]
fn outline_is_first_second_fourth_with_a_gap() {
    let a = analysis();
    let top: Vec<(&str, u32, &str)> =
        a.outline.sections.iter().map(|s| (s.marker.as_str(), s.ordinal, s.heading.as_str())).collect();
    assert_eq!(
        top,
        [
            ("第一,", 1, "要注重新的生产要素的组合"),
            ("第二,", 2, "要以科技创新激活县域经济发展新动能"),
            ("第四,", 4, "要建设高质量县域现代化产业体系"),
        ]
    );
    let nested: Vec<&str> = a.outline.sections[2].children.iter().map(|s| s.marker.as_str()).collect();
    assert_eq!(nested, ["一是", "二是", "三是"]);
    assert!(a.outline.sections[..2].iter().all(|s| s.children.is_empty()));
    assert_eq!(a.outline.issues.len(), 1);
    let gap = &a.outline.issues[0];
    assert!(matches!(&gap.evidence, Evidence::Gap { expected, .. } if expected == "第三"), "{gap:?}");
    assert_eq!((gap.rule.as_str(), gap.message.as_str()), ("numbering.gap", "第三 is missing before 第四"));
    for s in &a.outline.sections {
        assert!(slice(SAMPLE, s.start, s.end).starts_with(&s.marker));
        assert!(slice(SAMPLE, s.start, s.end).contains(&s.heading));
    }
}

#[test]
fn slogans_include_the_coinages() {
    let a = analysis();
    for text in ["县域不经济", "三高四新", "数商兴农", "四链"] {
        let s = a.slogans.iter().find(|s| s.text == text).unwrap_or_else(|| panic!("{text} missing"));
        for o in &s.occurrences {
            assert_eq!(slice(SAMPLE, o.start, o.end), text);
        }
    }
    let quoted = a.slogans.iter().find(|s| s.text == "县域不经济").map(|s| (s.kind, s.count));
    assert_eq!(quoted, Some((SloganKind::Quoted, 4)));
}

#[test]
fn county_terms_lead_the_table() {
    let a = analysis();
    let top: Vec<&str> = a.terms.iter().take(5).map(|t| t.term.as_str()).collect();
    assert!(top.contains(&"县域"), "{top:?}");
    assert!(top.contains(&"县域经济"), "{top:?}");
    let county = a.terms.iter().find(|t| t.term == "县域").expect("县域 counted");
    assert_eq!(slice(SAMPLE, county.first_at, county.first_at + 2), "县域");
}

#[test]
fn chrome_is_out_of_the_body() {
    let a = analysis();
    let body = slice(SAMPLE, a.body.start, a.body.end);
    assert!(body.starts_with("同志们:") && body.ends_with("谢谢大家!"), "{body:.10}");
    for r in &a.removed {
        assert_eq!(slice(SAMPLE, r.start, r.end), r.text);
    }
    assert!(!a.terms.iter().any(|t| t.term == "小编" || t.term == "Tags" || t.term == "标签"));
}

#[test]
fn odd_inputs_give_results() {
    let analyzer = Analyzer::new();
    for text in ["", "   \n\n", "Hello, world. No Chinese here.", "<img src=x onerror=alert(1)>", "\0\u{1}\u{fffd}😀"]
    {
        let a = analyzer.analyze(text, &Options::default()).expect("a result");
        assert_eq!(a.stats.utf16_units as usize, text.encode_utf16().count());
        assert!(a.outline.sections.is_empty());
    }
}

#[test]
fn five_megabytes_analyse() {
    let text = SAMPLE.repeat(5 * 1024 * 1024 / SAMPLE.len() + 1);
    let a = Analyzer::new().analyze(&text, &Options::default()).expect("a result");
    assert!(a.stats.han_chars > 1_000_000);
}

#[test]
fn too_large_is_a_clear_error() {
    let text = "a".repeat(speechlens::MAX_INPUT_UNITS as usize + 1);
    let error = Analyzer::new().analyze(&text, &Options::default()).unwrap_err();
    assert_eq!(error.kind().id(), "too_large");
}
