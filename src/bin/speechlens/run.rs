//! Analyses a stream of documents on every core and writes the results in input order.
//!
//! Documents are read a batch at a time (a few per thread), analysed in parallel, and written in
//! order before the next batch is read: memory holds one batch of texts and their lines, whatever
//! the size of the corpus, and the output is the same on any number of threads.

use crate::input::{Failure, Reading};
use crate::output::{Layout, Output};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use speechlens::{Analyzer, Options};
use std::io::{self, IsTerminal};
use std::time::Instant;

/// Documents per thread in a batch: enough that a thread rarely waits at the end of a batch for
/// another's last long document, few enough to keep memory small.
const DOCUMENTS_PER_THREAD: usize = 16;
/// Text per thread in a batch: a batch of long texts ends sooner.
const BYTES_PER_THREAD: u64 = 4 << 20;

/// What a run did, for the exit status and `--stats`.
pub struct Totals {
    pub documents: u64,
    pub failed: u64,
    pub bytes: u64,
    pub seconds: f64,
}

/// Analyses `documents` on `threads` threads, writing each as `layout` says into `output`;
/// `total_bytes` sizes the progress bar. A document that fails is reported on stderr.
pub fn run(
    documents: impl Iterator<Item = Reading>,
    total_bytes: u64,
    threads: usize,
    layout: &Layout,
    output: &mut Output,
) -> io::Result<Totals> {
    let started = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().map_err(io::Error::other)?;
    // Every word loaded once up front: each analysis then only reads the shared dictionary, so the
    // threads never wait for one another (see segment::update_shared).
    drop(speechlens::segment::full_dictionary());
    let analyzer = Analyzer::new();
    let bar = progress_bar(total_bytes);
    let mut totals = Totals { documents: 0, failed: 0, bytes: 0, seconds: 0.0 };
    let mut documents = documents;
    loop {
        let batch = next_batch(&mut documents, threads);
        if batch.is_empty() {
            break;
        }
        let results: Vec<_> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|reading| {
                    let document = reading?;
                    match analyzer.analyze(&document.text, &Options::default()) {
                        Ok(analysis) => Ok((layout.render(&document, &analysis), document.bytes)),
                        Err(e) => Err(Failure { name: document.name, reason: e.to_string(), bytes: document.bytes }),
                    }
                })
                .collect()
        });
        for result in results {
            let bytes = match result {
                Ok((chunks, bytes)) => {
                    output.write(chunks)?;
                    totals.documents += 1;
                    bytes
                }
                Err(Failure { name, reason, bytes }) => {
                    bar.suspend(|| eprintln!("speechlens: {name}: {reason}"));
                    totals.failed += 1;
                    bytes
                }
            };
            totals.bytes += bytes;
            bar.inc(bytes);
        }
        bar.set_message(format!("{} documents", totals.documents));
    }
    bar.finish_and_clear();
    totals.seconds = started.elapsed().as_secs_f64();
    Ok(totals)
}

/// The next documents to analyse together: a few per thread, less when they are long.
fn next_batch(documents: &mut impl Iterator<Item = Reading>, threads: usize) -> Vec<Reading> {
    let mut batch = Vec::new();
    let mut bytes = 0;
    for reading in documents.by_ref() {
        bytes += reading.as_ref().map_or(0, |d| d.bytes);
        batch.push(reading);
        if batch.len() >= DOCUMENTS_PER_THREAD * threads || bytes >= BYTES_PER_THREAD * threads as u64 {
            break;
        }
    }
    batch
}

/// A bar on stderr when a person watches it; nothing in a pipe or a log.
fn progress_bar(total_bytes: u64) -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total_bytes), ProgressDrawTarget::stderr());
    let style =
        ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} {binary_bytes_per_sec} {msg} ({eta} left)");
    if let Ok(style) = style {
        bar.set_style(style);
    }
    bar
}
