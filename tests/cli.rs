//! The command line as a user runs it: a directory of good, GB18030, UTF-16, empty and binary files
//! and a JSONL file in; JSONL and CSV out, read back; the exit status; stdin; compare; the same
//! output on one thread and on two. The texts are written for these tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A county-economy speech with a title, its date line and a numbering slip (第一, 第二, 第四).
const GOOD: &str = "在全省县域经济工作会议上的讲话\n（2021年3月5日）\n同志们：\n\
今天，我们召开全省县域经济工作会议，主要任务是总结工作、部署任务。\n\
第一，要推动县域经济高质量发展。县域经济是国民经济的基本单元，要因地制宜发展特色产业。\n\
第二，要坚持“数商兴农”。要发展农村电商，让农产品卖得出、卖得好。\n\
第四，要加强党的领导。各级党委要把县域经济摆在突出位置，真抓实干、久久为功。\n\
同志们，让我们团结一心，奋力开创县域经济发展新局面！\n";

/// A letter, saved as GB18030, signed and dated in Chinese numerals.
const LETTER: &str = "北京大学的同学们：\n来信收悉。得知你们扎根基层、服务群众，我很欣慰。\
希望你们坚定理想信念，练就过硬本领，在新时代的广阔天地中建功立业。\n习近平\n二〇二〇年五月十七日\n";

/// A short address, saved as UTF-16 with a BOM.
const ADDRESS: &str = "各位来宾，女士们，先生们：\n很高兴出席今天的论坛。\
我们要坚持开放合作，推动构建人类命运共同体，共同创造更加美好的未来。\n谢谢大家。\n";

/// Two speeches as JSONL lines with their metadata, then a line that is no JSON.
fn jsonl() -> String {
    let line = |id: u32, date: &str, text: &str| {
        serde_json::json!({ "id": id, "title": format!("讲话{id}"), "date": date, "text": text }).to_string()
    };
    format!("{}\n{}\n{{not json\n", line(1, "2021-03-06", GOOD), line(2, "2020-05-18", ADDRESS))
}

/// A directory of its own for a test, removed when the test ends.
struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        let dir = std::env::temp_dir().join(format!("speechlens-cli-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Dir(dir)
    }

    fn file(&self, name: &str, bytes: impl AsRef<[u8]>) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).unwrap();
        path.display().to_string()
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The corpus every test reads: one file of each kind a user has.
fn corpus(name: &str) -> Dir {
    let dir = Dir::new(name);
    dir.file("a-good.txt", GOOD);
    dir.file("b-letter-gb18030.txt", encoding_rs::GB18030.encode(LETTER).0);
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(ADDRESS.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    dir.file("c-address-utf16.txt", utf16);
    dir.file("d-empty.txt", "");
    dir.file("e-binary.txt", [0x7F, b'E', b'L', b'F', 0, 0, 0x01, 0xFF, 0xFE, 0x00, 0x9F]);
    dir.file("f-speeches.jsonl", jsonl());
    dir.file("g-notes.md", "not a text the walk reads");
    dir
}

fn speechlens(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_speechlens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> &str {
    std::str::from_utf8(&output.stdout).unwrap()
}

fn stderr(output: &Output) -> &str {
    std::str::from_utf8(&output.stderr).unwrap()
}

/// A CSV table as records of cells, the header first (the BOM dropped, as a spreadsheet does).
fn read_csv(text: &str) -> Vec<Vec<String>> {
    assert!(text.starts_with('\u{feff}'), "a BOM first");
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect()
}

fn column<'t>(table: &'t [Vec<String>], name: &str) -> Vec<&'t str> {
    let at = table[0].iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"));
    table[1..].iter().map(|row| row[at].as_str()).collect()
}

fn base_names(names: Vec<&str>) -> Vec<&str> {
    names.into_iter().map(|n| Path::new(n).file_name().unwrap().to_str().unwrap()).collect()
}

#[test]
fn a_directory_in_every_encoding_gives_the_documents_table() {
    let dir = corpus("documents");
    let out = dir.0.join("out");
    let run = speechlens(&["analyze", "--format", "csv", "--out", out.to_str().unwrap(), dir.0.to_str().unwrap()], b"");
    // The binary file and the bad JSONL line are reported, the rest analysed: exit status 1.
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert!(stderr(&run).contains("e-binary.txt: binary"), "{}", stderr(&run));
    assert!(stderr(&run).contains("f-speeches.jsonl:3: not a JSON object"), "{}", stderr(&run));
    assert!(stdout(&run).is_empty());

    let documents = read_csv(&std::fs::read_to_string(out.join("documents.csv")).unwrap());
    assert_eq!(
        base_names(column(&documents, "name")),
        [
            "a-good.txt",
            "b-letter-gb18030.txt",
            "c-address-utf16.txt",
            "d-empty.txt",
            // A JSONL line without a name goes by its title (else its id, else FILE:LINE), as in the page.
            "讲话1",
            "讲话2"
        ]
    );
    // The date found in the text, unless the JSONL line gives one.
    assert_eq!(column(&documents, "date"), ["2021-03-05", "2020-05-17", "", "", "2021-03-06", "2020-05-18"]);
    // The same text read from UTF-8, GB18030, UTF-16 and JSONL counts the same.
    let han = column(&documents, "hanChars");
    assert_eq!((han[0], han[3]), (han[4], "0"));
    assert_eq!(han[2], han[5]);
    let han_of = |text: &str| text.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count();
    assert!(han[1].parse::<usize>().unwrap() > han_of(LETTER) / 2, "the GB18030 letter is read: {han:?}");
    // 第一, 第二, 第四: one numbering alarm, three parts.
    assert_eq!((column(&documents, "alarms")[0], column(&documents, "parts")[0]), ("1", "3"));

    let terms = read_csv(&std::fs::read_to_string(out.join("terms.csv")).unwrap());
    let good_terms: Vec<&Vec<String>> = terms[1..].iter().filter(|r| r[0].ends_with("a-good.txt")).collect();
    assert!(good_terms.iter().any(|r| r[1] == "县域经济" && r[2] == "5"), "{good_terms:?}");
    let slogans = read_csv(&std::fs::read_to_string(out.join("slogans.csv")).unwrap());
    assert!(slogans[1..].iter().any(|r| r[0].ends_with("a-good.txt") && r[2] == "数商兴农"), "{slogans:?}");
    let outline = read_csv(&std::fs::read_to_string(out.join("outline.csv")).unwrap());
    let markers: Vec<&str> =
        outline[1..].iter().filter(|r| r[0].ends_with("a-good.txt")).map(|r| r[2].as_str()).collect();
    assert_eq!(markers, ["第一，", "第二，", "第四，"]);
}

#[test]
fn jsonl_out_carries_each_analysis_with_its_metadata() {
    let dir = corpus("jsonl");
    let run = speechlens(&["analyze", &dir.0.join("f-speeches.jsonl").display().to_string()], b"");
    assert_eq!(run.status.code(), Some(1), "the line that is no JSON");
    let lines: Vec<serde_json::Value> = stdout(&run).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[0]["title"], "讲话1");
    assert_eq!(lines[0]["date"], "2021-03-06");
    // The analysis as the library makes it, with the date the text gives.
    let analysis: speechlens::Analysis = serde_json::from_value(lines[0]["analysis"].clone()).unwrap();
    assert_eq!(analysis.date.as_deref(), Some("2021-03-05"));
    assert_eq!(analysis.outline.issues.len(), 1);
}

#[test]
fn stdin_is_one_text() {
    let run = speechlens(&["analyze", "--format", "csv", "--table", "slogans", "-"], GOOD.as_bytes());
    assert!(run.status.success(), "{}", stderr(&run));
    let slogans = read_csv(stdout(&run));
    assert_eq!(slogans[0][..3], ["document", "kind", "text"]);
    assert!(slogans[1..].iter().all(|r| r[0] == "<stdin>"));
    assert!(slogans[1..].iter().any(|r| r[2] == "数商兴农"));
}

#[test]
fn the_output_is_in_input_order_on_any_number_of_threads() {
    // More documents than one batch holds on one thread, of different lengths.
    let dir = Dir::new("order");
    let lines: Vec<String> = (0..60)
        .map(|i| serde_json::json!({ "text": GOOD.repeat(1 + i % 7) + &"同志们，努力！".repeat(i) }).to_string())
        .collect();
    let file = dir.file("many.jsonl", lines.join("\n"));
    let one = speechlens(&["analyze", "--jobs", "1", &file], b"");
    let two = speechlens(&["analyze", "--jobs", "2", &file], b"");
    assert!(one.status.success() && two.status.success());
    assert_eq!(stdout(&one).lines().count(), 60);
    assert!(stdout(&one) == stdout(&two), "one thread and two write the same");
    let names: Vec<String> = stdout(&one)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["name"].to_string())
        .collect();
    assert_eq!(names[59], format!("\"{file}:60\""));
}

#[test]
fn compare_writes_the_comparison_as_json_or_its_terms_as_csv() {
    let dir = Dir::new("compare");
    let a = dir.file("a.txt", GOOD);
    let b = dir.file("b.txt", GOOD.replace("数商兴农", "乡村振兴") + "第五，要加强作风建设。\n");
    let json = speechlens(&["compare", &a, &b], b"");
    assert!(json.status.success(), "{}", stderr(&json));
    let comparison: speechlens::model::Comparison = serde_json::from_str(stdout(&json)).unwrap();
    assert!(comparison.formulations.iter().any(|f| f.text == "数商兴农"));
    let csv = speechlens(&["compare", "--format", "csv", &a, &b], b"");
    let terms = read_csv(stdout(&csv));
    assert_eq!(terms[0][..3], ["term", "countA", "countB"]);
    assert!(terms.iter().any(|r| r[0] == "乡村振兴" && r[7] == "new"), "{terms:?}");
}

/// A spreadsheet or pandas reads a numeric column as numbers: a negative log ratio is `-1.68`, not
/// the `'-1.68` of a defused formula.
#[test]
fn compare_csv_numbers_are_numbers() {
    let dir = Dir::new("compare-numbers");
    let a = dir.file("a.txt", GOOD);
    let b = dir.file("b.txt", GOOD.replace("县域经济", "乡村振兴"));
    let run = speechlens(&["compare", "--format", "csv", &a, &b], b"");
    assert!(run.status.success(), "{}", stderr(&run));
    let table = read_csv(stdout(&run));
    for name in ["countA", "countB", "perTenKA", "perTenKB", "logLikelihood", "logRatio"] {
        for value in column(&table, name) {
            assert!(value.parse::<f64>().is_ok(), "{name}: {value:?} is no number");
        }
    }
    let ratios: Vec<f64> = column(&table, "logRatio").iter().map(|v| v.parse().unwrap()).collect();
    assert!(ratios.iter().any(|&r| r < 0.0), "a term said less has a negative log ratio: {ratios:?}");
}

#[test]
fn usage_errors_exit_with_2_and_say_how_to_call_it() {
    let bad: [&[&str]; 12] = [
        &[],
        &["analyze"],
        &["analyze", "--table", "words", "-"],
        &["analyze", "--pos", "adjectives", "-"],
        &["analyze", "--max-terms", "many", "-"],
        &["analyze", "--max-terms", "-3", "-"],
        &["compare", "a.txt"],
        &["compare", "--pos", "x", "a.txt", "b.txt"],
        &["frobnicate"],
        &["check"],
        &["check", "--date", "next week", "-"],
        &["check", "--lang", "fr", "-"],
    ];
    for args in bad {
        let run = speechlens(args, b"");
        assert_eq!(run.status.code(), Some(2), "{args:?}");
        assert!(stderr(&run).starts_with("speechlens: "), "{args:?}");
        assert!(stderr(&run).contains("USAGE:\n    speechlens analyze"), "{args:?}: {}", stderr(&run));
        assert!(stdout(&run).is_empty(), "{args:?}");
    }
}

#[test]
fn help_exits_0_and_documents_every_option() {
    const OPTIONS: [&str; 15] = [
        "--format",
        "--table",
        "--max-terms",
        "--out",
        "--jobs",
        "--stats",
        "--user-words",
        "--pos",
        "--version",
        "--fix",
        "--date",
        "--ignore",
        "--words",
        "--lang",
        "--terms",
    ];
    let commands = ["analyze", "compare", "check", "trend"].map(|c| [c, "--help"]);
    for args in [&["--help"][..], &["-h"]].into_iter().chain(commands.iter().map(|c| &c[..])) {
        let run = speechlens(args, b"");
        assert_eq!(run.status.code(), Some(0), "{args:?}");
        let help = stdout(&run);
        for option in OPTIONS {
            assert!(help.contains(option), "{args:?}: --help says nothing of {option}");
        }
    }
    // README's command-line section names every option too.
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = readme.split("\n## Command line\n").nth(1).and_then(|s| s.split("\n## ").next()).unwrap();
    for option in OPTIONS.into_iter().filter(|o| *o != "--version") {
        assert!(section.contains(option), "README's command-line section says nothing of {option}");
    }
}

/// `speechlens trend` over the corpus: a row per document with its name, date and Han characters,
/// then each term's occurrences per 10,000 of them, the figures of the library's trend (which the
/// page's `trend` calls) written as the page's corpus CSV writes them, and, for the county speech,
/// those a reader counts by hand.
#[test]
fn trend_gives_the_figures_of_the_page_trend() {
    let dir = corpus("trend");
    let run = speechlens(&["trend", "--terms", "县域经济，数商兴农 县域经济", dir.0.to_str().unwrap()], b"");
    assert_eq!(run.status.code(), Some(1), "the binary file and the bad JSONL line: {}", stderr(&run));
    assert!(stderr(&run).contains("e-binary.txt: binary"), "{}", stderr(&run));
    let table = read_csv(stdout(&run));
    assert_eq!(table[0], ["name", "date", "hanChars", "per10k:县域经济", "per10k:数商兴农"], "a term once");
    let names = base_names(column(&table, "name"));
    assert_eq!(names, ["a-good.txt", "b-letter-gb18030.txt", "c-address-utf16.txt", "d-empty.txt", "讲话1", "讲话2"]);
    assert_eq!(column(&table, "date"), ["2021-03-05", "2020-05-17", "", "", "2021-03-06", "2020-05-18"]);

    let texts = [GOOD, LETTER, ADDRESS, "", GOOD, ADDRESS];
    let terms = ["县域经济".to_string(), "数商兴农".to_string()];
    let options = speechlens::Options::default();
    let trend = speechlens::Analyzer::new().trend(&texts, &terms, &options).unwrap();
    for series in &trend {
        let figures: Vec<String> = series.values.iter().map(|v| format!("{v:.2}")).collect();
        assert_eq!(column(&table, &format!("per10k:{}", series.term)), figures, "{}", series.term);
        assert!(series.values[0] > 0.0 && series.values[3] == 0.0, "the county speech and the empty file: {series:?}");
    }
    // By hand: the county speech says 县域经济 six times (its title once, chrome), 数商兴农 once.
    let han: f64 = column(&table, "hanChars")[0].parse().unwrap();
    let page = speechlens::Page::new(GOOD, &options).unwrap();
    assert_eq!(page.body().matches("县域经济").count(), 5, "{}", page.body());
    assert_eq!(column(&table, "per10k:县域经济")[0], format!("{:.2}", 5.0 * 10_000.0 / han));
    assert_eq!(column(&table, "per10k:数商兴农")[0], format!("{:.2}", 10_000.0 / han));
}

/// The terms table of `text` (on stdin) with `options`: the rows, the header first.
fn terms_of(text: &str, options: &[&str]) -> Vec<Vec<String>> {
    let args = [&["analyze", "--format", "csv", "--table", "terms"][..], options, &["-"]].concat();
    let run = speechlens(&args, text.as_bytes());
    assert!(run.status.success(), "{options:?}: {}", stderr(&run));
    read_csv(stdout(&run))
}

#[test]
fn user_words_from_a_list_or_a_file_are_kept_whole() {
    // Neither is a word of the dictionary: without being asked, each is cut into pieces.
    let words = ["农产品卖得出", "全省县域经济工作会议"];
    let kept = |table: &[Vec<String>]| -> Vec<String> {
        words.iter().filter(|w| column(table, "term").contains(w)).map(|w| w.to_string()).collect()
    };
    assert_eq!(kept(&terms_of(GOOD, &[])), Vec::<String>::new());
    assert_eq!(kept(&terms_of(GOOD, &["--user-words", "农产品卖得出，全省县域经济工作会议"])), words);
    assert_eq!(kept(&terms_of(GOOD, &["--user-words", "农产品卖得出", "--user-words", "全省县域经济工作会议"])), words);
    let dir = Dir::new("user-words");
    let file = dir.file("words.txt", encoding_rs::GB18030.encode("农产品卖得出\n全省县域经济工作会议\n").0);
    assert_eq!(kept(&terms_of(GOOD, &["--user-words", &file])), words);

    // compare keeps them whole in both texts, as the page's compare does.
    let a = dir.file("a.txt", GOOD);
    let b = dir.file("b.txt", GOOD.replace("农产品卖得出", "农产品卖得快"));
    let run = speechlens(&["compare", "--format", "csv", "--user-words", "农产品卖得出", &a, &b], b"");
    assert!(run.status.success(), "{}", stderr(&run));
    let table = read_csv(stdout(&run));
    let row = table.iter().find(|r| r[0] == "农产品卖得出").unwrap_or_else(|| panic!("{table:?}"));
    assert_eq!((row[1].as_str(), row[2].as_str(), row[7].as_str()), ("1", "0", "dropped"));
}

#[test]
fn max_terms_bounds_the_term_table_and_0_gives_every_term() {
    // More than 500 terms: every term of the lexicon, a sentence each.
    let lexicon = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/lexicon.tsv")).unwrap();
    let terms: Vec<&str> =
        lexicon.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).filter_map(|l| l.split('\t').next()).collect();
    let text = terms.join("。") + "。";
    let rows = |options: &[&str]| terms_of(&text, options).len() - 1;
    let all = rows(&["--max-terms", "0"]);
    assert!(all > 600, "{all} terms");
    assert_eq!(rows(&[]), 500, "the default, as before");
    assert_eq!(rows(&["--max-terms", "all"]), all);
    assert_eq!(rows(&["--max-terms", "1000000"]), all);
    assert_eq!(rows(&["--max-terms", "7"]), 7);
}

#[test]
fn pos_keeps_the_parts_of_speech_the_page_filter_keeps() {
    let pos_of = |options: &[&str]| -> Vec<String> {
        let table = terms_of(GOOD, options);
        column(&table, "pos").into_iter().map(String::from).collect()
    };
    let all = pos_of(&[]);
    assert!(all.iter().any(|p| p.starts_with('n')) && all.iter().any(|p| p.starts_with('v')), "{all:?}");
    for nouns in [pos_of(&["--pos", "nouns"]), pos_of(&["--pos", "n"])] {
        assert!(!nouns.is_empty() && nouns.iter().all(|p| p.starts_with('n') || p == "vn"), "{nouns:?}");
    }
    let verbs = pos_of(&["--pos", "verbs"]);
    assert!(!verbs.is_empty() && verbs.iter().all(|p| p.starts_with('v')), "{verbs:?}");
    assert_eq!(pos_of(&["--pos", "all"]), all);
}

#[test]
fn check_prints_a_line_per_finding_and_exits_1_on_errors() {
    let dir = Dir::new("check");
    let draft = dir.file("draft.txt", "同志们:\n第一，要抓发展,要抓改革。\n第二，要抓落实。\n第四，要抓作风。\n");
    let run = speechlens(&["check", &draft], b"");
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let lines: Vec<&str> = stdout(&run).lines().collect();
    assert_eq!(
        lines,
        [
            format!("{draft}:1:4: error punct.halfwidth Half-width “:” in Chinese text: use the full-width “：”"),
            format!("{draft}:2:8: error punct.halfwidth Half-width “,” in Chinese text: use the full-width “，”"),
            format!("{draft}:4:1: error numbering.gap Numbering skips 第三 (here: 第四)"),
        ]
    );
    // As JSON, with the package's fields; in Chinese; a family switched off.
    let run = speechlens(&["check", "--format", "json", "--lang", "zh", "--ignore", "numbering", &draft], b"");
    let line: serde_json::Value = serde_json::from_str(stdout(&run).trim()).unwrap();
    assert_eq!(line["counts"]["error"], 2);
    assert_eq!(line["findings"][0]["rule"], "punct.halfwidth");
    assert_eq!(line["findings"][0]["message"], "汉字之间用了半角“:”，应为全角“：”");
    assert_eq!(line["findings"][0]["fix"]["replacement"], "：");
    assert!(line["findings"][0].get("evidence").is_none(), "only numbering findings carry the outline's evidence");
    // The gap's typed evidence, as the package gives it: fields to read, not a message to parse;
    // each marker of the series as written (`第一，`), in UTF-16 units.
    let run = speechlens(&["check", "--format", "json", &draft], b"");
    let line: serde_json::Value = serde_json::from_str(stdout(&run).trim()).unwrap();
    let gap = &line["findings"][2];
    assert_eq!(gap["rule"], "numbering.gap");
    let evidence = &gap["evidence"];
    assert_eq!(
        (&evidence["kind"], &evidence["expected"], &evidence["found"]),
        (&"gap".into(), &"第三".into(), &"第四".into())
    );
    assert_eq!((&evidence["missing"], &evidence["level"]), (&serde_json::json!(["第三"]), &1.into()));
    let series: Vec<_> = evidence["series"].as_array().unwrap().iter().map(|m| m.to_string()).collect();
    assert_eq!(
        series,
        [
            r#"{"end":8,"marker":"第一","start":5}"#,
            r#"{"end":22,"marker":"第二","start":19}"#,
            r#"{"end":31,"marker":"第四","start":28}"#
        ]
    );
    // A clean text exits 0 and prints nothing.
    let run = speechlens(&["check", "-"], "同志们：\n要抓发展。\n".as_bytes());
    assert_eq!((run.status.code(), stdout(&run)), (Some(0), ""));
}

#[test]
fn check_fix_writes_the_certain_fixes_and_reports_what_is_left() {
    let dir = Dir::new("check-fix");
    let draft = dir.file("draft.txt", "同志们:\n第一，要抓发展,要抓改革。\n第二，要抓落实。\n第四，要抓作风。\n");
    let run = speechlens(&["check", "--fix", &draft], b"");
    assert_eq!(
        std::fs::read_to_string(&draft).unwrap(),
        "同志们：\n第一，要抓发展，要抓改革。\n第二，要抓落实。\n第四，要抓作风。\n"
    );
    assert!(stderr(&run).contains("2 fixed"), "{}", stderr(&run));
    assert_eq!(stdout(&run).lines().count(), 1, "the gap has no certain fix: {}", stdout(&run));
    assert_eq!(run.status.code(), Some(1));
    // A GB18030 file is checked but not rewritten.
    let gb = dir.file("draft-gb.txt", encoding_rs::GB18030.encode("同志们:\n要抓发展。\n").0);
    let before = std::fs::read(&gb).unwrap();
    let run = speechlens(&["check", "--fix", &gb], b"");
    assert_eq!(std::fs::read(&gb).unwrap(), before);
    assert!(stderr(&run).contains("UTF-8 text files only"), "{}", stderr(&run));
    assert_eq!(stdout(&run).lines().count(), 1);
}
