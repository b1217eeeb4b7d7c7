//! The normaliser on any UTF-8 text: asserts its documented properties, not
//! only that it does not panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lurescan::normalize::{normalize, MAX_EXPANSION};

fuzz_target!(|data: &[u8]| {
    // Cap the size so each input runs quickly; the properties are local.
    if data.len() > 4096 {
        return;
    }
    let Ok(s) = std::str::from_utf8(data) else { return };
    let n = normalize(s);
    let out = n.as_str();
    assert!(out.len() <= s.len() * MAX_EXPANSION, "output bound broken for {s:?}");
    if s.is_ascii() {
        assert!(out.len() <= s.len());
    }
    assert_eq!(normalize(out).as_str(), out, "not idempotent for {s:?}");
    assert!(!out.starts_with(' ') && !out.ends_with(' ') && !out.contains("  "));
    for i in 0..out.len() {
        let span = n.original_span(i..i + 1).expect("every output byte maps");
        assert!(span.start < span.end && span.end <= s.len(), "span out of bounds for {s:?}");
        assert!(s.is_char_boundary(span.start) && s.is_char_boundary(span.end));
        let whole = n.original_span(i..out.len()).expect("suffix maps");
        assert!(whole.start <= whole.end && whole.end <= s.len());
    }
});
