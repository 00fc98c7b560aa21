//! The documents of the inputs, read one at a time as the analysis asks for them, so that a corpus
//! is never in memory at once: text files, JSONL files (a document a line), directories, stdin.

use crate::args::Input;
use encoding_rs::{GB18030, UTF_16BE, UTF_16LE};
use serde::Deserialize;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// The largest file worth reading: the library refuses a text over `MAX_INPUT_UNITS` UTF-16 units,
/// and no encoding read here spends more than 3 bytes on a unit.
const MAX_BYTES: u64 = 3 * speechlens::MAX_INPUT_UNITS as u64;

/// One text to analyse, with what its JSONL line said about it.
pub struct Document {
    pub name: String,
    pub text: String,
    pub meta: Meta,
    /// Its size as read, for the progress bar and the figures.
    pub bytes: u64,
}

/// The fields of a JSONL line kept with its analysis.
#[derive(Deserialize, Default)]
pub struct Meta {
    pub id: Option<serde_json::Value>,
    pub title: Option<String>,
    pub date: Option<String>,
}

impl Meta {
    /// The name a line without one goes by: its title, else its id (a string as it is, anything
    /// else as JSON writes it, as JS's `String(id)` does for a number).
    fn name(&self) -> Option<String> {
        self.title.clone().or_else(|| {
            self.id.as_ref().map(|id| match id {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            })
        })
    }
}

/// A document that could not be read or analysed.
pub struct Failure {
    pub name: String,
    pub reason: String,
    pub bytes: u64,
}

/// A document as read, or why it could not be.
pub type Reading = Result<Document, Failure>;

/// Where documents come from: a directory is expanded into its files when the command starts (a
/// list of names is small); the files are read as the analysis reaches them.
enum Source {
    Text(PathBuf),
    Jsonl(PathBuf),
    Stdin,
    Unreadable(PathBuf, String),
}

/// The documents of `inputs`, in order, and their total size in bytes (for the progress bar).
pub fn documents(inputs: &[Input]) -> (impl Iterator<Item = Reading> + Send + use<>, u64) {
    let mut sources = Vec::new();
    for input in inputs {
        match input {
            Input::Stdin => sources.push(Source::Stdin),
            Input::Path(path) if path.is_dir() => walk(path, &mut sources),
            Input::Path(path) => sources.push(source(path.clone())),
        }
    }
    let bytes = sources
        .iter()
        .filter_map(|s| match s {
            Source::Text(path) | Source::Jsonl(path) => path.metadata().ok().map(|m| m.len()),
            _ => None,
        })
        .sum();
    (sources.into_iter().flat_map(read), bytes)
}

fn source(path: PathBuf) -> Source {
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("jsonl")) {
        Source::Jsonl(path)
    } else {
        Source::Text(path)
    }
}

/// The `.txt` and `.jsonl` files under `dir`, in name order, depth first. Links to directories are
/// not followed, so a link to a parent cannot loop.
fn walk(dir: &Path, sources: &mut Vec<Source>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return sources.push(Source::Unreadable(dir.to_path_buf(), e.to_string())),
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    speechlens::sort::sort_by_key(&mut entries, |e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let wanted = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("jsonl"));
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            walk(&path, sources);
        } else if wanted && path.is_file() {
            sources.push(source(path));
        }
    }
}

/// The documents of one source, read lazily.
fn read(source: Source) -> Box<dyn Iterator<Item = Reading> + Send> {
    match source {
        Source::Text(path) => Box::new(std::iter::once_with(move || text_file(&path))),
        Source::Stdin => Box::new(std::iter::once_with(stdin)),
        Source::Jsonl(path) => match File::open(&path) {
            Ok(file) => Box::new(jsonl(path.display().to_string(), BufReader::new(file))),
            Err(e) => Box::new(std::iter::once(Err(failure(&path.display().to_string(), e.to_string(), 0)))),
        },
        Source::Unreadable(path, reason) => {
            Box::new(std::iter::once(Err(failure(&path.display().to_string(), reason, 0))))
        }
    }
}

fn failure(name: &str, reason: String, bytes: u64) -> Failure {
    Failure { name: name.to_string(), reason, bytes }
}

fn text_file(path: &Path) -> Reading {
    let name = path.display().to_string();
    let size = path.metadata().map_err(|e| failure(&name, e.to_string(), 0))?.len();
    if size > MAX_BYTES {
        return Err(failure(&name, too_large(size), size));
    }
    let bytes = std::fs::read(path).map_err(|e| failure(&name, e.to_string(), size))?;
    let text = decode(&bytes).map_err(|reason| failure(&name, reason.to_string(), size))?;
    Ok(Document { name, text, meta: Meta::default(), bytes: size })
}

/// The name of the text read from stdin (a file may be called `-`; none is called this).
const STDIN: &str = "<stdin>";

fn stdin() -> Reading {
    let mut bytes = Vec::new();
    let read = std::io::stdin().lock().take(MAX_BYTES + 1).read_to_end(&mut bytes);
    let size = bytes.len() as u64;
    read.map_err(|e| failure(STDIN, e.to_string(), size))?;
    if size > MAX_BYTES {
        return Err(failure(STDIN, too_large(size), size));
    }
    let text = decode(&bytes).map_err(|reason| failure(STDIN, reason.to_string(), size))?;
    Ok(Document { name: STDIN.into(), text, meta: Meta::default(), bytes: size })
}

fn too_large(bytes: u64) -> String {
    format!("too large: {bytes} bytes, over the limit of {} UTF-16 units", speechlens::MAX_INPUT_UNITS)
}

/// A JSONL line: the text and what is kept with it.
#[derive(Deserialize)]
struct Line {
    text: String,
    name: Option<String>,
    #[serde(flatten)]
    meta: Meta,
}

/// A document per non-blank line of `reader`, named by its `name`, else its `title`, else its `id`,
/// else `FILE:LINE`: the page's rule (`jsonlDocuments` in www/widget/speech-lens.js).
fn jsonl(file: String, reader: impl BufRead + Send + 'static) -> impl Iterator<Item = Reading> + Send {
    reader.lines().enumerate().filter_map(move |(i, line)| {
        let at = format!("{file}:{}", i + 1);
        let line = match line {
            Ok(line) if line.trim().is_empty() => return None,
            Ok(line) => line,
            Err(e) => return Some(Err(failure(&at, e.to_string(), 0))),
        };
        let bytes = line.len() as u64 + 1;
        Some(match serde_json::from_str::<Line>(&line) {
            Ok(Line { text, .. }) if text.contains('\0') => {
                Err(failure(&at, "binary: the text has NUL characters".into(), bytes))
            }
            Ok(Line { text, name, meta }) => {
                Ok(Document { name: name.or_else(|| meta.name()).unwrap_or(at), text, meta, bytes })
            }
            Err(e) => Err(failure(&at, format!("not a JSON object with a \"text\" string: {e}"), bytes)),
        })
    })
}

/// A file's text, read as the page reads a file (`decode` in www/widget/speech-lens.js): UTF-16 by its
/// BOM, else UTF-8 (a BOM dropped), else GB18030. Bytes that GB18030 cannot read either, or a NUL
/// character (which no text has), make it binary.
pub fn decode(bytes: &[u8]) -> Result<String, &'static str> {
    let text = match bytes {
        [0xFF, 0xFE, rest @ ..] => UTF_16LE.decode_without_bom_handling(rest).0.into_owned(),
        [0xFE, 0xFF, rest @ ..] => UTF_16BE.decode_without_bom_handling(rest).0.into_owned(),
        _ => {
            let utf8 = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            match std::str::from_utf8(utf8) {
                Ok(text) => text.to_string(),
                Err(_) => GB18030
                    .decode_without_bom_handling_and_without_replacement(bytes)
                    .ok_or("binary: not text in UTF-8, UTF-16 or GB18030")?
                    .into_owned(),
            }
        }
    };
    if text.contains('\0') {
        return Err("binary: it has NUL bytes");
    }
    Ok(text)
}
