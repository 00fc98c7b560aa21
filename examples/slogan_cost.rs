//! What slogan detection costs next to segmentation, natively, on a ~100k-character speech built
//! from the fixtures, and on adversarial inputs that would expose a quadratic scan:
//! `cargo run --release --example slogan_cost`. Prints the fastest and the median of 41 runs, in
//! milliseconds of this thread's CPU time (Linux; wall time elsewhere).

use speechlens::{marks, segment, slogans};
use std::time::Duration;
#[cfg(not(target_os = "linux"))]
use std::time::Instant;

/// Odd, so the median is one run. The two costs are timed in alternation, run by run, so a
/// busy machine slows both alike; the fastest run is printed too. CPU time may be counted in
/// scheduler ticks, so the medians are the figures to compare.
const RUNS: usize = 41;

/// CPU time of this thread on Linux, so that other processes on a busy machine do not count;
/// wall time elsewhere.
#[cfg(target_os = "linux")]
fn now() -> Duration {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    unsafe extern "C" {
        fn clock_gettime(clock: i32, out: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut t = Timespec { sec: 0, nsec: 0 };
    // SAFETY: `t` is a valid, writable timespec for the duration of the call.
    unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut t) };
    Duration::new(t.sec as u64, t.nsec as u32)
}

#[cfg(not(target_os = "linux"))]
fn now() -> Duration {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

fn time(f: &mut impl FnMut()) -> Duration {
    let start = now();
    f();
    now() - start
}

/// (fastest, median) of each of two jobs.
fn timings(mut a: impl FnMut(), mut b: impl FnMut()) -> [(Duration, Duration); 2] {
    let (mut ta, mut tb): (Vec<Duration>, Vec<Duration>) = (0..RUNS).map(|_| (time(&mut a), time(&mut b))).unzip();
    speechlens::sort::sort_by(&mut ta, Ord::cmp);
    speechlens::sort::sort_by(&mut tb, Ord::cmp);
    [(ta[0], ta[RUNS / 2]), (tb[0], tb[RUNS / 2])]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Segmentation (as `analyze` does it: quoted units forced whole) and detection, timed apart.
/// An argument to the program keeps only the inputs whose name contains it (`-- speech`).
fn measure(name: &str, text: &str) {
    if std::env::args().nth(1).is_some_and(|only| !name.contains(&only)) {
        return;
    }
    let dictionary = segment::full_dictionary();
    let jieba = dictionary.jieba();
    let runs = marks::mark_runs(text);
    let forced = segment::find_units(text, marks::marked_units(text, &runs));
    let tokens = segment::segment(jieba, text, true, &forced);
    let mut found = 0;
    let [segmenting, detecting] = timings(
        || {
            let runs = marks::mark_runs(text);
            let forced = segment::find_units(text, marks::marked_units(text, &runs));
            std::hint::black_box(segment::segment(jieba, text, true, &forced));
        },
        || found = std::hint::black_box(slogans::detect(text, &tokens, jieba, &runs, None)).slogans.len(),
    );
    println!(
        "{name:<34} {:>7} chars  segment {:>7.2} ms (median {:>7.2})  detect {:>7.2} ms (median {:>7.2})  \
         detect/segment (medians) {:>4.0}%  {found} slogans",
        text.chars().count(),
        ms(segmenting.0),
        ms(segmenting.1),
        ms(detecting.0),
        ms(detecting.1),
        100.0 * ms(detecting.1) / ms(segmenting.1),
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
    drop(segment::full_dictionary()); // built once per process; not part of either cost
    let speech = fixtures.repeat(100_000 / fixtures.chars().count() + 1);
    measure("speech (fixtures repeated)", &speech);
    // Ten times longer, so that CPU time counted in scheduler ticks is fine enough to compare.
    measure("speech x10", &speech.repeat(10));
    measure("100k unclosed “", &"“".repeat(100_000));
    measure("100k quoted formulas with colons", &"“四链”：".repeat(20_000));
    measure("one 1M-char line, no punctuation", &"县域经济高质量发展".repeat(110_000));
    measure("100k-item parallel run", &"智能化、".repeat(25_000));
    measure("100k numerals", &"一二三四五六七八九十".repeat(10_000));
}
