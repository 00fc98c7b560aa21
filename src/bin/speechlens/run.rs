//! Analyses a stream of documents on every core and writes the results in input order.
//!
//! Three stages run at once: a thread reads documents, the pool analyses them as they come (each
//! thread takes the next one as soon as it is free, so a long document holds up no other), and
//! this thread writes the results in input order. A document is only read when fewer than
//! [`IN_FLIGHT_PER_THREAD`] per thread are read and not yet written: memory holds those, whatever
//! the size of the corpus, and the output is the same on any number of threads.

use crate::input::{Failure, Reading};
use crate::output::{Layout, Output};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::iter::{ParallelBridge, ParallelIterator};
use speechlens::{Analyzer, Options};
use std::collections::BTreeMap;
use std::io::{self, IsTerminal};
use std::sync::mpsc;
use std::time::Instant;

/// Documents per thread read and not yet written: enough that the threads go on while a long
/// document holds up the output, few enough to keep memory small.
const IN_FLIGHT_PER_THREAD: usize = 16;

/// What a run did, for the exit status and `--stats`.
pub struct Totals {
    pub documents: u64,
    pub failed: u64,
    pub bytes: u64,
    pub seconds: f64,
}

/// A document's lines for each output and its size, or why it failed.
type Analysed = Result<(Vec<Vec<u8>>, u64), Failure>;

/// Analyses `documents` with `options` on `threads` threads, writing each as `layout` says into
/// `output`; `total_bytes` sizes the progress bar. A document that fails is reported on stderr.
pub fn run(
    documents: impl Iterator<Item = Reading> + Send,
    total_bytes: u64,
    threads: usize,
    options: &Options,
    layout: &Layout,
    output: &mut Output,
) -> io::Result<Totals> {
    let started = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().map_err(io::Error::other)?;
    // Every word loaded once up front: each analysis then only reads the shared dictionary, so the
    // threads never wait for one another (see segment::update_shared).
    drop(speechlens::segment::full_dictionary());
    let analyzer = Analyzer::new();
    let analyse = |reading: Reading| -> Analysed {
        let document = reading?;
        match analyzer.analyze(&document.text, options) {
            Ok(analysis) => Ok((layout.render(&document, &analysis), document.bytes)),
            Err(e) => Err(Failure { name: document.name, reason: e.to_string(), bytes: document.bytes }),
        }
    };
    // A slot per document in flight: the reader takes one to read a document, the writer gives it
    // back once the document is written. When the writer stops (an error), the reader stops, the
    // pool runs dry, and the other stages end.
    let (slot_sender, slots) = mpsc::channel();
    for _ in 0..IN_FLIGHT_PER_THREAD * threads {
        let _ = slot_sender.send(());
    }
    let (read_sender, read) = mpsc::channel();
    let (analysed_sender, analysed) = mpsc::channel();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            for (i, reading) in documents.enumerate() {
                if slots.recv().is_err() || read_sender.send((i, reading)).is_err() {
                    break;
                }
            }
        });
        // Moved in, so that the writer's loop ends when the pool is done.
        scope.spawn(move || {
            pool.install(|| {
                read.into_iter().par_bridge().try_for_each(|(i, reading)| analysed_sender.send((i, analyse(reading))))
            })
        });
        write_in_order(analysed, slot_sender, output, progress_bar(total_bytes))
    })
    .map(|mut totals| {
        totals.seconds = started.elapsed().as_secs_f64();
        totals
    })
}

/// Writes each result as its turn comes (results arrive in the order they were finished), giving
/// a slot back for each; the totals of the run.
fn write_in_order(
    analysed: mpsc::Receiver<(usize, Analysed)>,
    slots: mpsc::Sender<()>,
    output: &mut Output,
    bar: ProgressBar,
) -> io::Result<Totals> {
    let mut totals = Totals { documents: 0, failed: 0, bytes: 0, seconds: 0.0 };
    let mut waiting = BTreeMap::new();
    let mut next = 0;
    for (i, result) in analysed {
        waiting.insert(i, result);
        while let Some(result) = waiting.remove(&next) {
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
            bar.set_message(format!("{} documents", totals.documents));
            next += 1;
            let _ = slots.send(());
        }
    }
    bar.finish_and_clear();
    Ok(totals)
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
