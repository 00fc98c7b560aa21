//! Timings of the clean and outline passes (and the whole analysis) on adversarial inputs:
//! `cargo run --release --example outline_bench`. Prints one line per input; every pass is linear,
//! so each figure should stay near the time of the plain-prose line of the same size.

use speechlens::{Analyzer, Options, clean, outline};
use std::time::Instant;

const SIZE: usize = 5 * 1024 * 1024;

/// `unit` repeated to about 5 MB, on one line unless the unit holds its own newline.
fn fill(unit: &str) -> String {
    unit.repeat(SIZE / unit.len() + 1)
}

fn main() {
    let inputs = [
        ("plain prose, one line", fill("我们要坚持以人民为中心的发展思想，推动高质量发展。")),
        ("一、 one line", fill("一、")),
        ("第一， one line", fill("第一，")),
        ("100k 一、甲。 + padding, one line", "一、甲。推动高质量发展。加快发展。".repeat(100_000)),
        ("第一，甲。 one line", fill("第一，甲。")),
        ("（一） after headings, no stops", fill("（一）甲")),
        ("一是…； inline", fill("一是甲；")),
        ("首先，… inline", fill("首先，甲；")),
        ("①② circled", fill("①甲，")),
        ("同志们： repeated", fill("同志们：")),
        ("谢谢大家！ repeated", fill("谢谢大家！")),
        ("女士们、先生们！ repeated", fill("女士们、先生们！")),
        ("short title-like lines", fill("县域经济发展研讨材料\n")),
        ("日电 and 讯 heads", fill("新华社北京10月13日电本报讯")),
        ("我讲三个方面 repeated", fill("我讲三个方面")),
    ];
    println!(
        "{:<34} {:>8} {:>9} {:>10} {:>9} {:>11}",
        "input", "MB", "clean ms", "outline ms", "sections", "analyze ms"
    );
    for (name, text) in &inputs {
        let t = Instant::now();
        let cleaned = clean::clean(text);
        let clean_ms = t.elapsed().as_secs_f64() * 1e3;
        let speech = clean::mask(text, &cleaned);
        let t = Instant::now();
        let tree = outline::build(&speech, cleaned.body.clone(), cleaned.body.end, &speechlens::text::paragraphs(text));
        let outline_ms = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let analysis = Analyzer::new().analyze(text, &Options::default()).expect("analyses");
        let analyze_ms = t.elapsed().as_secs_f64() * 1e3;
        assert_eq!(analysis.outline.sections.len(), tree.sections.len());
        println!(
            "{name:<34} {:>8.1} {clean_ms:>9.1} {outline_ms:>10.1} {:>9} {analyze_ms:>11.1}",
            text.len() as f64 / 1048576.0,
            tree.sections.len()
        );
    }
}
