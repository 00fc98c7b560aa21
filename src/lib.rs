//! speechlens: read a Chinese speech closely — what it keeps saying, the slogans it is made of,
//! and its numbered outline — entirely in the browser.
//!
//! The analysis core is plain Rust with no JS types, so it is tested natively with `cargo test`;
//! `wasm` alone knows wasm-bindgen and `render` alone knows the DOM.
//!
//! ```
//! let analysis = speechlens::Analyzer::new()
//!     .analyze("同志们：\n第一，要推动高质量发展。\n第二，要坚持“数商兴农”。", &Default::default())
//!     .unwrap();
//! assert_eq!(analysis.outline.sections.len(), 2);
//! assert_eq!(analysis.slogans[0].text, "数商兴农");
//! ```

pub mod address;
pub mod analyze;
pub mod anatomy;
pub mod check;
pub mod clean;
pub mod compare;
pub mod corpus;
pub mod csv;
pub mod date;
pub mod document;
pub mod error;
pub mod finding;
pub mod labels;
pub mod marks;
pub mod model;
pub mod numerals;
pub mod outline;
#[cfg(target_arch = "wasm32")]
pub mod render;
pub mod rules;
pub mod segment;
pub mod slogans;
pub mod sort;
pub mod tape;
pub mod terms;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use analyze::Analyzer;
pub use document::{Document, MAX_INPUT_UNITS, Options, Page};
pub use error::{Error, ErrorKind};
pub use model::Analysis;

/// The crate's version, reported in every result.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
