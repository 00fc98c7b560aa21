//! `speechlens`: the analysis of a corpus from the command line (`speechlens --help`). Built with
//! `--features cli`, so that the library and the wasm build never compile its dependencies.

mod args;
mod check;
mod input;
mod output;
mod run;

use args::{Command, Input};
use output::{Layout, Output};
use speechlens::csv::CorpusTable;
use speechlens::{Analyzer, Options};
use std::io::{self, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let command = match args::parse() {
        Ok(command) => command,
        Err(e) => {
            eprintln!("speechlens: {e}\n\n{}\nspeechlens --help says the rest.", args::USAGE);
            return ExitCode::from(2);
        }
    };
    let status = match command {
        Command::Help => print(&format!("{}\n{}{}", args::HELP, args::USAGE, args::DETAILS)),
        Command::Version => print(&format!("speechlens {}\n", speechlens::VERSION)),
        Command::Analyze(command) => analyze(command),
        Command::Compare { a, b, csv, options } => compare(&a, &b, csv, &options),
        Command::Check(command) => check::run(command),
        Command::Trend { inputs, terms } => trend(&inputs, &terms),
    };
    match status {
        Ok(failed) => ExitCode::from(u8::from(failed)),
        // A reader that stopped reading (`| head`) has what it wanted.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("speechlens: {e}");
            ExitCode::FAILURE
        }
    }
}

fn print(text: &str) -> io::Result<bool> {
    io::stdout().write_all(text.as_bytes()).map(|()| false)
}

/// Runs `analyze`; whether a document failed.
fn analyze(command: args::Analyze) -> io::Result<bool> {
    let layout = match (command.csv, &command.out) {
        (false, _) => Layout::Jsonl,
        (true, None) => Layout::Tables(vec![command.table]),
        (true, Some(_)) => Layout::Tables(CorpusTable::ALL.to_vec()),
    };
    let threads = command.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let (documents, total_bytes) = input::documents(&command.inputs);
    let mut output = Output::open(&layout, command.out.as_deref())?;
    let totals = run::run(documents, total_bytes, threads, &command.options, &layout, &mut output)?;
    output.finish()?;
    if command.stats {
        eprintln!("{}", stats(&totals, threads));
    }
    Ok(totals.failed > 0)
}

/// The figures of a run as one JSON line, for scripts (the benchmark reads it).
fn stats(totals: &run::Totals, threads: usize) -> serde_json::Value {
    let per_second = |n: f64| if totals.seconds > 0.0 { n / totals.seconds } else { 0.0 };
    serde_json::json!({
        "documents": totals.documents,
        "failed": totals.failed,
        "bytes": totals.bytes,
        "threads": threads,
        "seconds": totals.seconds,
        "documentsPerSecond": per_second(totals.documents as f64),
        "megabytesPerSecond": per_second(totals.bytes as f64 / 1e6),
        "peakRssMegabytes": peak_rss_bytes().map(|b| b as f64 / 1e6),
    })
}

/// The most memory the process has held (Linux: `VmHWM`); `None` elsewhere.
fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find_map(|l| l.strip_prefix("VmHWM:"))?;
    Some(line.trim().strip_suffix("kB")?.trim().parse::<u64>().ok()? * 1024)
}

/// Runs `trend`: a line per document as it is read (no words are cut, so one thread keeps up);
/// whether a document failed.
fn trend(inputs: &[Input], terms: &[String]) -> io::Result<bool> {
    let (documents, _) = input::documents(inputs);
    let mut out = io::BufWriter::new(io::stdout().lock());
    out.write_all(speechlens::csv::trend_header(terms).as_bytes())?;
    let mut failed = false;
    for reading in documents {
        let line = reading.and_then(|document| match speechlens::Page::new(&document.text, &Options::default()) {
            Ok(page) => {
                let date = document.meta.date.as_deref().or(page.date.as_deref());
                let rates = speechlens::corpus::rates(&page, terms);
                Ok(speechlens::csv::trend_line(&document.name, date, page.han_chars(), &rates))
            }
            Err(e) => Err(input::Failure { name: document.name.clone(), reason: e.to_string(), bytes: document.bytes }),
        });
        match line {
            Ok(line) => out.write_all(line.as_bytes())?,
            Err(input::Failure { name, reason, .. }) => {
                eprintln!("speechlens: {name}: {reason}");
                failed = true;
            }
        }
    }
    out.flush().map(|()| failed)
}

/// Runs `compare`; whether it failed (a text that cannot be read or analysed).
fn compare(a: &Input, b: &Input, csv: bool, options: &Options) -> io::Result<bool> {
    let (documents, _) = input::documents(&[a.clone(), b.clone()]);
    let mut texts = Vec::new();
    for reading in documents {
        match reading {
            Ok(document) => texts.push(document.text),
            Err(input::Failure { name, reason, .. }) => {
                eprintln!("speechlens: {name}: {reason}");
                return Ok(true);
            }
        }
    }
    let [a, b] = <[String; 2]>::try_from(texts)
        .map_err(|_| io::Error::other("compare reads one text from each of A and B, not a JSONL file or directory"))?;
    let comparison = match Analyzer::new().compare(&a, &b, options) {
        Ok(comparison) => comparison,
        Err(e) => {
            eprintln!("speechlens: {e}");
            return Ok(true);
        }
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    if csv {
        out.write_all(speechlens::csv::term_changes(&comparison.terms).as_bytes())?;
    } else {
        serde_json::to_writer_pretty(&mut out, &comparison)?;
        out.write_all(b"\n")?;
    }
    out.flush().map(|()| false)
}
