//! The draft check beside the analysis, natively (issue 27: a check costs no more than its
//! analysis): the fastest of RUNS runs of each after one unmeasured run (wall ms; on a shared machine
//! the least disturbed run is the cost), and their ratio.
//! With `--rules`, each rule's own time too, and that of making the draft the rules read.
//! `cargo run --release --example check_time -- RUNS FILE... [--rules]`
use speechlens::check::Draft;
use std::time::Instant;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let by_rule = args.iter().any(|a| a == "--rules");
    args.retain(|a| a != "--rules");
    let runs: usize = args.first().and_then(|r| r.parse().ok()).expect("usage: check_time RUNS FILE... [--rules]");
    let analyzer = speechlens::Analyzer::new();
    let (analysis, check) = (speechlens::Options::default(), speechlens::check::CheckOptions::default());
    for path in &args[1..] {
        let text = std::fs::read_to_string(path).expect("a readable UTF-8 file");
        let fastest = |run: &dyn Fn()| {
            run();
            (0..runs)
                .map(|_| {
                    let started = Instant::now();
                    run();
                    started.elapsed().as_secs_f64() * 1000.0
                })
                .fold(f64::INFINITY, f64::min)
        };
        let checked = fastest(&|| {
            std::hint::black_box(speechlens::check::check(&text, &check).expect("checked"));
        });
        let analysed = fastest(&|| {
            std::hint::black_box(analyzer.analyze(&text, &analysis).expect("analysed"));
        });
        println!("{path}: check {checked:.1} ms, analyze {analysed:.1} ms, check ÷ analyze {:.2}×", checked / analysed);
        if by_rule {
            let made = fastest(&|| {
                std::hint::black_box(Draft::new(&text, None, None));
            });
            println!("  {:<28} {made:.1} ms", "(the draft)");
            let draft = Draft::new(&text, None, None);
            for rule in speechlens::check::rules() {
                let ms = fastest(&|| {
                    let mut found = Vec::new();
                    (rule.find)(&draft, &mut found);
                    std::hint::black_box(found);
                });
                println!("  {:<28} {ms:.1} ms", rule.id);
            }
        }
    }
}
