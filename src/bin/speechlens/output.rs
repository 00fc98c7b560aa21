//! Where the results go: JSONL, or CSV tables (one to stdout, or all four into a directory). A
//! document's lines are made on the thread that analysed it; only writing them is done in order.

use crate::input::{Document, Meta};
use serde::Serialize;
use speechlens::Analysis;
use speechlens::csv::CorpusTable;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// What each output receives: a line per document, or one table each.
pub enum Layout {
    Jsonl,
    Tables(Vec<CorpusTable>),
}

/// Room made for a JSONL line per byte of its text (the dev corpus's lines are 3.1 to 9.1 times
/// their text, 5.7 in the median).
const JSONL_BYTES_PER_TEXT_BYTE: usize = 6;

/// A line of the JSONL output.
#[derive(Serialize)]
struct Record<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    analysis: &'a Analysis,
}

impl Layout {
    /// What `document`'s analysis adds to each output, in the order of the outputs.
    pub fn render(&self, document: &Document, analysis: &Analysis) -> Vec<Vec<u8>> {
        let Meta { id, title, date } = &document.meta;
        // The date its JSONL line gives, else the one the text gives itself.
        let date = date.as_deref().or(analysis.date.as_deref());
        match self {
            Layout::Jsonl => {
                let record = Record { name: &document.name, id: id.as_ref(), title: title.as_deref(), date, analysis };
                // A line is 3 to 9 times its text's bytes (the term table is most of it): room for
                // the usual line up front, so that it is not copied again and again as it grows.
                let mut line = Vec::with_capacity(document.text.len() * JSONL_BYTES_PER_TEXT_BYTE + 1024);
                // Plain data with string keys, written to memory: serialising it cannot fail.
                let _ = serde_json::to_writer(&mut line, &record);
                line.push(b'\n');
                vec![line]
            }
            Layout::Tables(tables) => {
                tables.iter().map(|t| t.lines(&document.name, date, analysis).into_bytes()).collect()
            }
        }
    }
}

/// The open outputs, each buffered.
pub struct Output {
    writers: Vec<BufWriter<Box<dyn Write>>>,
}

impl Output {
    /// Opens the outputs of `layout` (stdout, or files in `dir`) and writes the tables' headers.
    pub fn open(layout: &Layout, dir: Option<&Path>) -> io::Result<Output> {
        let names: Vec<String> = match layout {
            Layout::Jsonl => vec!["analyses.jsonl".into()],
            Layout::Tables(tables) => tables.iter().map(|t| format!("{}.csv", t.name())).collect(),
        };
        let writers = match dir {
            None => vec![BufWriter::new(Box::new(io::stdout().lock()) as Box<dyn Write>)],
            Some(dir) => {
                std::fs::create_dir_all(dir)?;
                let open = |name: &String| -> io::Result<_> {
                    Ok(BufWriter::new(Box::new(File::create(dir.join(name))?) as Box<dyn Write>))
                };
                names.iter().map(open).collect::<io::Result<_>>()?
            }
        };
        let mut output = Output { writers };
        if let Layout::Tables(tables) = layout {
            output.write(tables.iter().map(|t| t.header().into_bytes()).collect())?;
        }
        Ok(output)
    }

    /// Writes each chunk to its output.
    pub fn write(&mut self, chunks: Vec<Vec<u8>>) -> io::Result<()> {
        for (writer, chunk) in self.writers.iter_mut().zip(chunks) {
            writer.write_all(&chunk)?;
        }
        Ok(())
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.writers.iter_mut().try_for_each(Write::flush)
    }
}
