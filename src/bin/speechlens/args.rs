//! The command line's arguments: what to do, on which inputs, written how.

use lexopt::prelude::*;
use serde::Deserialize;
use serde::de::IntoDeserializer;
use speechlens::Options;
use speechlens::csv::CorpusTable;
use speechlens::terms::PosFilter;
use std::path::{Path, PathBuf};

/// How to call it: printed first by `--help`, and after a usage error on stderr.
pub const USAGE: &str = "\
USAGE:
    speechlens analyze [OPTIONS] INPUT...
    speechlens compare [--format json|csv] [--user-words WORDS] [--pos POS] A B
    speechlens check [--format text|json] [--fix] [--date DATE] [--ignore RULES] [--words WORDS] [--lang en|zh] INPUT...
    speechlens trend --terms TERMS INPUT...
    speechlens --help | --version
";

/// What `--help` says before [`USAGE`].
pub const HELP: &str = "\
speechlens: terms, slogans and outline of Chinese speeches, a corpus at a time
";

/// What `--help` says after [`USAGE`].
pub const DETAILS: &str = "
INPUT is a text file, a JSONL file (*.jsonl: one JSON object a line with a \"text\" string; its
\"name\", \"id\", \"title\" and \"date\" are kept), a directory (its .txt and .jsonl files, in name
order, subdirectories too), or - for one text on stdin (named <stdin>). Text files are read as the
page reads them: UTF-16 by its BOM, UTF-8 with or without BOM, else GB18030. A JSONL line is a
document named by its \"name\", else its \"title\", else its \"id\", else FILE:LINE (the page names
it so too). An empty file is a document with nothing in it
(a row of zeros), not an error.

analyze writes one result per document, in input order:
    --format jsonl    (default) a line per document: {\"name\", \"id\"?, \"title\"?, \"date\"?, \"analysis\"}
                      (date: the JSONL's, else the date found in the text; analysis: as the npm package
                      returns it)
    --format csv      a table (UTF-8 with BOM, as the page's downloads):
    --table NAME          documents (default): name, date, size, speaking time, keywords, slogans,
                          numbering alarms; terms, slogans or outline: a row per term, slogan or
                          part, its document first
    --max-terms N     the longest term table (and keyword list) of a document: N terms, most said
                      first (default 500; 0 or all: every term, for a document x term matrix)
    --out DIR         write into DIR instead of stdout: analyses.jsonl, or with --format csv all four
                      tables (documents.csv, terms.csv, slogans.csv, outline.csv)
    -j, --jobs N      analyse on N threads (default: every core)
    --stats           at the end, one JSON line on stderr: documents, failed, bytes, seconds,
                      documents and MB (10^6 bytes) per second, peak memory (Linux)

compare writes what changed from text A to text B (the page's compare tab): the whole comparison as
JSON, or with --format csv its term table.

trend writes the page's trend chart as CSV (UTF-8 with BOM): a row per document, in input order
(sort by date for the page's order), its name, date (the JSONL's, else the text's) and hanChars (Han
characters of its speech), then a column per term, per10k:TERM, the times the term occurs in the
speech per 10,000 Han characters (wherever its characters occur, inside longer words too; the page
chrome left out), as the page's corpus download has them:
    --terms TERMS     the terms to follow, as a list (新质生产力,县域经济) or a FILE, as --user-words;
                      may be given more than once

check is the draft check (审校) of the page's 审校 tab: what an editor catches before a speech is
given. It writes a line per finding, as linters do, FILE:LINE:COL: severity rule message (LINE and
COL count from 1, COL in characters), and exits 1 when any finding is an error:
    --format json     a line per document instead: {\"name\", \"findings\", \"counts\"}, as the npm
                      package's check returns them (offsets in UTF-16 code units)
    --fix             apply the fixes that are certainly right to each text file (UTF-8 files only;
                      JSONL lines and stdin are not rewritten), then report what is left
    --date DATE       the draft's date (2024-03-05, 2024-03 or 2024): formulations are held to their
                      version of that date (default: the date the text gives itself, else today)
    --ignore RULES    rule ids or families not to check (punct.halfwidth, typo), as --user-words
                      lists them; may be given more than once
    --words WORDS     names and terms never to flag, as a list or a FILE, as --user-words
    --lang en|zh      the language of the messages (default en)

analyze and compare both take, as the page's options:
    --user-words WORDS  words to keep whole wherever they occur (the page's user words), as a list
                        (飞地经济,县域不经济: commas, 、, ; or blanks between) or as a FILE of them
                        (a word a line, read as a text file is); may be given more than once
    --pos POS           the parts of speech the term tables keep: all (default), nouns or verbs
                        (n, v), as the page's filter

A file that cannot be analysed (unreadable, binary, over the 16 Mi UTF-16 unit limit, a JSONL line
without text) is reported on stderr as `speechlens: NAME: reason`; the others are still analysed, and
the exit status is then 1 (2 for a usage error). A progress bar shows on a terminal only.
";

pub enum Command {
    Analyze(Analyze),
    Check(Check),
    Compare { a: Input, b: Input, csv: bool, options: Options },
    Trend { inputs: Vec<Input>, terms: Vec<String> },
    Help,
    Version,
}

pub struct Analyze {
    pub inputs: Vec<Input>,
    pub csv: bool,
    pub table: CorpusTable,
    pub out: Option<PathBuf>,
    pub jobs: Option<usize>,
    pub stats: bool,
    pub options: Options,
}

pub struct Check {
    pub inputs: Vec<Input>,
    pub json: bool,
    pub fix: bool,
    pub options: speechlens::check::CheckOptions,
}

#[derive(Clone, Debug)]
pub enum Input {
    Path(PathBuf),
    Stdin,
}

pub fn parse() -> Result<Command, lexopt::Error> {
    let mut parser = lexopt::Parser::from_env();
    match parser.next()? {
        Some(Value(command)) if command == "analyze" => analyze(parser),
        Some(Value(command)) if command == "compare" => compare(parser),
        Some(Value(command)) if command == "check" => check(parser),
        Some(Value(command)) if command == "trend" => trend(parser),
        Some(Long("help") | Short('h')) => Ok(Command::Help),
        Some(Long("version") | Short('V')) => Ok(Command::Version),
        None => Err("a command is needed: analyze, compare, check or trend".into()),
        Some(arg) => Err(arg.unexpected()),
    }
}

fn analyze(mut parser: lexopt::Parser) -> Result<Command, lexopt::Error> {
    let mut command = Analyze {
        inputs: Vec::new(),
        csv: false,
        table: CorpusTable::Documents,
        out: None,
        jobs: None,
        stats: false,
        options: Options::default(),
    };
    while let Some(arg) = parser.next()? {
        match arg {
            Long("format") => command.csv = format(&mut parser, "jsonl")?,
            Long("user-words") => command.options.user_words.extend(user_words(parser.value()?)?),
            Long("pos") => command.options.pos = pos(&parser.value()?.string()?)?,
            Long("max-terms") => command.options.max_terms = max_terms(parser.value()?.string()?)?,
            Long("table") => {
                let name = parser.value()?.string()?;
                command.table = CorpusTable::ALL
                    .into_iter()
                    .find(|t| t.name() == name)
                    .ok_or_else(|| format!("--table is documents, terms, slogans or outline, not {name:?}"))?;
            }
            Long("out") => command.out = Some(parser.value()?.into()),
            Short('j') | Long("jobs") => {
                command.jobs = Some(parser.value()?.parse::<usize>()?).filter(|&n| n > 0);
            }
            Long("stats") => command.stats = true,
            Long("help") | Short('h') => return Ok(Command::Help),
            Value(value) => command.inputs.push(input(value)),
            _ => return Err(arg.unexpected()),
        }
    }
    if command.inputs.is_empty() {
        return Err("analyze needs at least one INPUT (a file, a directory, or - for stdin)".into());
    }
    Ok(Command::Analyze(command))
}

fn compare(mut parser: lexopt::Parser) -> Result<Command, lexopt::Error> {
    let (mut csv, mut inputs, mut options) = (false, Vec::new(), Options::default());
    while let Some(arg) = parser.next()? {
        match arg {
            Long("format") => csv = format(&mut parser, "json")?,
            Long("user-words") => options.user_words.extend(user_words(parser.value()?)?),
            Long("pos") => options.pos = pos(&parser.value()?.string()?)?,
            Long("help") | Short('h') => return Ok(Command::Help),
            Value(value) => inputs.push(input(value)),
            _ => return Err(arg.unexpected()),
        }
    }
    match <[Input; 2]>::try_from(inputs) {
        Ok([a, b]) => Ok(Command::Compare { a, b, csv, options }),
        Err(_) => Err("compare needs two texts: A B".into()),
    }
}

fn trend(mut parser: lexopt::Parser) -> Result<Command, lexopt::Error> {
    let (mut inputs, mut terms) = (Vec::new(), Vec::<String>::new());
    while let Some(arg) = parser.next()? {
        match arg {
            Long("terms") => terms.extend(user_words(parser.value()?)?),
            Long("help") | Short('h') => return Ok(Command::Help),
            Value(value) => inputs.push(input(value)),
            _ => return Err(arg.unexpected()),
        }
    }
    if terms.is_empty() {
        return Err("trend needs the terms to follow: --terms TERMS".into());
    }
    if inputs.is_empty() {
        return Err("trend needs at least one INPUT (a file, a directory, or - for stdin)".into());
    }
    let mut seen = std::collections::HashSet::new();
    terms.retain(|t| seen.insert(t.clone()));
    Ok(Command::Trend { inputs, terms })
}

fn check(mut parser: lexopt::Parser) -> Result<Command, lexopt::Error> {
    let mut command = Check {
        inputs: Vec::new(),
        json: false,
        fix: false,
        options: speechlens::check::CheckOptions { lang: "en".into(), ..Default::default() },
    };
    while let Some(arg) = parser.next()? {
        match arg {
            Long("format") => {
                command.json = match parser.value()?.string()?.as_str() {
                    "json" => true,
                    "text" => false,
                    f => return Err(format!("--format is text or json, not {f:?}").into()),
                }
            }
            Long("fix") => command.fix = true,
            Long("date") => {
                let date = parser.value()?.string()?;
                if speechlens::check::parse_iso(&date).is_none() {
                    return Err(format!("--date is a date like 2024-03-05, 2024-03 or 2024, not {date:?}").into());
                }
                command.options.date = Some(date);
            }
            Long("ignore") => command.options.ignore.extend(user_words(parser.value()?)?),
            Long("words") => command.options.words.extend(user_words(parser.value()?)?),
            Long("lang") => {
                command.options.lang = match parser.value()?.string()?.as_str() {
                    lang @ ("en" | "zh") => lang.to_string(),
                    l => return Err(format!("--lang is en or zh, not {l:?}").into()),
                }
            }
            Long("help") | Short('h') => return Ok(Command::Help),
            Value(value) => command.inputs.push(input(value)),
            _ => return Err(arg.unexpected()),
        }
    }
    if command.inputs.is_empty() {
        return Err("check needs at least one INPUT (a file, a directory, or - for stdin)".into());
    }
    Ok(Command::Check(command))
}

/// Whether `--format` asks for CSV rather than the command's `structured` format.
fn format(parser: &mut lexopt::Parser, structured: &str) -> Result<bool, lexopt::Error> {
    match parser.value()?.string()? {
        f if f == "csv" => Ok(true),
        f if f == structured => Ok(false),
        f => Err(format!("--format is {structured} or csv, not {f:?}").into()),
    }
}

/// The words of `--user-words`: those of the file it names, else the list it is, split as the page
/// splits its `user-words` attribute (blanks, commas, 、 or semicolons between).
fn user_words(value: std::ffi::OsString) -> Result<Vec<String>, lexopt::Error> {
    let path = Path::new(&value);
    let list = if path.is_file() {
        let bytes = std::fs::read(path).map_err(|e| format!("--user-words {}: {e}", path.display()))?;
        crate::input::decode(&bytes).map_err(|e| format!("--user-words {}: {e}", path.display()))?
    } else {
        value.string()?
    };
    let separator = |c: char| c.is_whitespace() || [',', '，', '、', ';', '；'].contains(&c);
    Ok(list.split(separator).filter(|w| !w.is_empty()).map(String::from).collect())
}

/// `--pos`: the page's part-of-speech filter, by the names JS gives `Options::pos` (and `n`, `v`).
fn pos(value: &str) -> Result<PosFilter, lexopt::Error> {
    let name = match value {
        "n" => "nouns",
        "v" => "verbs",
        name => name,
    };
    PosFilter::deserialize(name.into_deserializer())
        .map_err(|_: serde::de::value::Error| format!("--pos is all, nouns (n) or verbs (v), not {value:?}").into())
}

/// `--max-terms`: a number of terms, 0 or `all` for every term.
fn max_terms(value: String) -> Result<usize, lexopt::Error> {
    match value.as_str() {
        "0" | "all" => Ok(usize::MAX),
        n => n
            .parse()
            .map_err(|_| format!("--max-terms is a number of terms, or 0 or all for every term, not {n:?}").into()),
    }
}

fn input(value: std::ffi::OsString) -> Input {
    if value == "-" { Input::Stdin } else { Input::Path(value.into()) }
}
