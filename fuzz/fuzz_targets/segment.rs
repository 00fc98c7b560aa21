//! Any bytes through `segment`, every result held to the shared invariants: see
//! `tests/support/fuzz_case.rs` for how the bytes are read and what is checked.
#![no_main]

#[path = "../../tests/support/fuzz_case.rs"]
mod fuzz_case;
#[path = "../../tests/support/invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_case::check_segment(data));
