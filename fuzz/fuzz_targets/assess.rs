//! Arbitrary approaches: spans in bounds and on character boundaries of
//! their fields, `field[span] == matched`, scores in [0, 1], the verdict
//! following the score, no panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use lurescan::assess::{Approach, Field};
use lurescan::{Detector, Verdict};

fn detector() -> &'static Detector {
    static D: OnceLock<Detector> = OnceLock::new();
    D.get_or_init(Detector::builtin)
}

fuzz_target!(|data: &[u8]| {
    if data.len() > 8192 || data.len() < 2 {
        return;
    }
    let (meta, rest) = data.split_at(2);
    let Ok(s) = std::str::from_utf8(rest) else { return };
    let mut parts = s.split('\u{1f}');
    let mut approach = Approach::from_text(parts.next().unwrap_or(""));
    if let Some(n) = parts.next() {
        approach = approach.sender_name(n);
    }
    if let Some(c) = parts.next() {
        approach = approach.sender_company(c);
    }
    if let Some(h) = parts.next() {
        approach = approach.sender_headline(h);
    }
    if meta[0] & 1 == 1 {
        approach = approach.connections(meta[1] as u64);
    }
    if meta[0] & 2 == 2 {
        approach = approach.account_age_days(meta[1] as u64 * 3);
    }
    let a = detector().assess(&approach);
    assert!((0.0..=1.0).contains(&a.score));
    assert_eq!(Verdict::from_score(a.score), a.verdict);
    for f in &a.findings {
        assert!((0.0..=1.0).contains(&f.score));
        let text = match f.field {
            Field::SenderName => approach.sender.name.as_deref(),
            Field::SenderCompany => approach.sender.company.as_deref(),
            Field::SenderHeadline => approach.sender.headline.as_deref(),
            Field::Text => approach.text.as_deref(),
            _ => None,
        };
        if let (Some(span), Some(text)) = (f.span, text) {
            assert!(span.start <= span.end && span.end <= text.len());
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            assert_eq!(&text[span.range()], f.matched);
        }
    }
});
