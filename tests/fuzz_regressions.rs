//! Inputs the fuzz targets found, replayed through the same checks as
//! ordinary tests. Each file under `tests/data/fuzz/<target>/` is one input.

use std::path::Path;

use lurescan::names::{compare_firms, compare_persons};

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fuzz")
        .join(target);
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for e in entries.flatten() {
            let bytes = std::fs::read(e.path()).expect("readable");
            out.push((e.file_name().to_string_lossy().into_owned(), bytes));
        }
    }
    out
}

/// Regression: a name of some forty one-letter tokens made the firm
/// alignment search run for minutes before distinctive tokens were capped.
#[test]
fn names_regressions() {
    let cases = inputs("names");
    assert!(!cases.is_empty(), "the regression inputs are committed");
    for (name, bytes) in cases {
        let s = String::from_utf8_lossy(&bytes);
        let (a, b) = s.split_once('\u{1f}').unwrap_or((&s, ""));
        for compare in [compare_persons, compare_firms] {
            let x = compare(a, b);
            let y = compare(b, a);
            assert!((0.0..=1.0).contains(&x.score), "{name}");
            assert!((x.score - y.score).abs() < 1e-6, "{name}: not symmetric");
        }
    }
}
