//! The native side of `make bench`'s wasm-against-native row (issue 28): wall milliseconds of whole
//! analyses of text files, as the npm package is timed in Node. One line of JSON:
//! `{"dictionary": ms, "texts": {FILE: {"first": ms, "median": ms}}}`; `dictionary` is the first
//! analysis of the sample (the dictionary opened, its words loaded), each file's `first` its first
//! analysis after that, `median` that of RUNS more.
//!
//! `cargo run --release --example analyze_time -- RUNS FILE...`
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let runs: usize = args.next().and_then(|r| r.parse().ok()).expect("usage: analyze_time RUNS FILE...");
    let analyzer = speechlens::Analyzer::new();
    let options = speechlens::Options::default();
    let ms = |started: Instant| started.elapsed().as_secs_f64() * 1000.0;
    let started = Instant::now();
    analyzer.analyze(include_str!("../tests/fixtures/seed-speech.txt"), &options).expect("the sample analyses");
    let dictionary = ms(started);
    let texts: Vec<String> = args
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("a readable UTF-8 file");
            let started = Instant::now();
            std::hint::black_box(analyzer.analyze(&text, &options).expect("analysis"));
            let first = ms(started);
            let mut times: Vec<f64> = (0..runs)
                .map(|_| {
                    let started = Instant::now();
                    std::hint::black_box(analyzer.analyze(&text, &options).expect("analysis"));
                    ms(started)
                })
                .collect();
            speechlens::sort::sort_by(&mut times, f64::total_cmp);
            let median = times.get(runs / 2).copied().unwrap_or(first);
            format!("{}:{{\"first\":{first:.3},\"median\":{median:.3}}}", serde_json::to_string(&path).expect("a path"))
        })
        .collect();
    println!("{{\"dictionary\":{dictionary:.3},\"texts\":{{{}}}}}", texts.join(","));
}
