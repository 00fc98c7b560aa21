//! What slogan detection costs next to segmentation, natively, on a ~100k-character speech built
//! from the fixtures, and on adversarial inputs that would expose a quadratic scan:
//! `cargo run --release --example slogan_cost`. Prints median milliseconds of several runs.

use speechlens::{segment, slogans};
use std::time::{Duration, Instant};

/// Odd, so the median is one run. The two costs are timed in alternation, run by run, so a
/// busy machine slows both alike.
const RUNS: usize = 21;

fn time(f: &mut impl FnMut()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

fn medians(mut a: impl FnMut(), mut b: impl FnMut()) -> (Duration, Duration) {
    let (mut ta, mut tb): (Vec<Duration>, Vec<Duration>) = (0..RUNS).map(|_| (time(&mut a), time(&mut b))).unzip();
    ta.sort();
    tb.sort();
    (ta[RUNS / 2], tb[RUNS / 2])
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Segmentation (as `analyze` does it: quoted units forced whole) and detection, timed apart.
fn measure(name: &str, text: &str) {
    let jieba = segment::dictionary();
    let forced = segment::find_units(text, slogans::marked_units(text));
    let tokens = segment::segment(jieba, text, true, &forced);
    let mut found = 0;
    let (segmenting, detecting) = medians(
        || {
            let forced = segment::find_units(text, slogans::marked_units(text));
            std::hint::black_box(segment::segment(jieba, text, true, &forced));
        },
        || found = std::hint::black_box(slogans::detect(text, &tokens, jieba)).slogans.len(),
    );
    println!(
        "{name:<34} {:>9} chars  segment {:>9.2} ms  detect {:>9.2} ms  ({:>5.1}% of segment)  {found} slogans",
        text.chars().count(),
        ms(segmenting),
        ms(detecting),
        100.0 * ms(detecting) / ms(segmenting),
    );
}

fn main() {
    let fixtures = [
        include_str!("../tests/fixtures/seed-speech.txt"),
        include_str!("../tests/fixtures/slogans-formulas.txt"),
        include_str!("../tests/fixtures/slogans-quotes.txt"),
        include_str!("../tests/fixtures/slogans-parallel.txt"),
    ]
    .concat();
    segment::dictionary(); // built once per process; not part of either cost
    let speech = fixtures.repeat(100_000 / fixtures.chars().count() + 1);
    measure("speech (fixtures repeated)", &speech);
    measure("100k unclosed “", &"“".repeat(100_000));
    measure("100k quoted formulas with colons", &"“四链”：".repeat(20_000));
    measure("one 1M-char line, no punctuation", &"县域经济高质量发展".repeat(110_000));
    measure("100k-item parallel run", &"智能化、".repeat(25_000));
    measure("100k numerals", &"一二三四五六七八九十".repeat(10_000));
}
