//! Name scoring on any two strings: scores are in [0, 1], symmetric, and
//! 1 for a name against itself (unless it is no name at all).
#![no_main]

use libfuzzer_sys::fuzz_target;
use lurescan::names::{compare_firms, compare_persons};

fuzz_target!(|data: &[u8]| {
    if data.len() > 512 {
        return;
    }
    let Ok(s) = std::str::from_utf8(data) else { return };
    let (a, b) = s.split_once('\u{1f}').unwrap_or((s, ""));
    for compare in [compare_persons, compare_firms] {
        let x = compare(a, b);
        let y = compare(b, a);
        assert!((0.0..=1.0).contains(&x.score), "{a:?} {b:?}: {}", x.score);
        assert!((x.score - y.score).abs() < 1e-6, "not symmetric: {a:?} {b:?}");
        assert_eq!(x.is_match, y.is_match);
    }
    let firm_self = compare_firms(a, a);
    assert!(firm_self.score == 1.0 || lurescan::normalize(a).is_empty(), "{a:?} vs itself: {}", firm_self.score);
});
