//! Prints the analysis of a text file as JSON: `cargo run --example analyze -- FILE`.
use std::io::Read;

fn main() {
    let mut text = String::new();
    match std::env::args().nth(1) {
        Some(path) => text = std::fs::read_to_string(path).expect("readable UTF-8 file"),
        None => {
            std::io::stdin().read_to_string(&mut text).expect("UTF-8 on stdin");
        }
    }
    let analysis = speechlens::Analyzer::new().analyze(&text, &Default::default()).expect("analysis");
    println!("{}", serde_json::to_string_pretty(&analysis).expect("serializable"));
}
