//! The normaliser: named cases from `tests/data/normalize_cases.json` and
//! properties over arbitrary text.

use std::collections::HashSet;

use lurescan::normalize::{normalize, MAX_EXPANSION};
use proptest::prelude::*;
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    original: String,
    normalized: String,
    /// Pairs of (a piece of the normalised text, the original text it must map to).
    #[serde(default)]
    spans: Vec<(String, String)>,
}

fn cases() -> Vec<Case> {
    serde_json::from_str(include_str!("data/normalize_cases.json")).expect("cases parse")
}

#[test]
fn case_names_are_unique() {
    let cases = cases();
    let names: HashSet<&str> = cases.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names.len(), cases.len());
}

#[test]
fn named_cases() {
    let mut failures = Vec::new();
    for case in cases() {
        let n = normalize(&case.original);
        if n.as_str() != case.normalized {
            failures.push(format!(
                "{}: got {:?}, want {:?}",
                case.name,
                n.as_str(),
                case.normalized
            ));
            continue;
        }
        for (piece, want) in &case.spans {
            let Some(at) = n.as_str().find(piece.as_str()) else {
                failures.push(format!("{}: {:?} not in output", case.name, piece));
                continue;
            };
            let span = n.original_span(at..at + piece.len()).expect("span");
            let got = &case.original[span.range()];
            if got != want {
                failures.push(format!(
                    "{}: {:?} maps to {:?}, want {:?}",
                    case.name, piece, got, want
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Text that leans on the folds: homoglyphs, invisibles, marks, leet, spacing.
fn hostile_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "B",
        " ",
        "  ",
        "-",
        ".",
        "@",
        "$",
        "1",
        "3",
        "0",
        "42",
        "wechat",
        "Qiu",
        "\u{200b}",
        "\u{202e}",
        "\u{0301}",
        "\u{fe0f}",
        "а",
        "е",
        "ԛ",
        "ｗ",
        "𝐐",
        "ﬁ",
        "ß",
        "İ",
        "ς",
        "🙂",
        "有限",
        "\u{0}",
        "\n",
        "ǅ",
        "ﷺ",
        "㎏",
        "⒜",
        "\u{e0041}",
        "ꭰ",
        "Ꭰ",
        "x",
        "y",
        "z",
        "@gmail.com",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

fn check_properties(s: &str) -> Result<(), TestCaseError> {
    let n = normalize(s);
    let out = n.as_str();
    prop_assert!(
        out.len() <= s.len() * MAX_EXPANSION,
        "too long: {} from {}",
        out.len(),
        s.len()
    );
    if s.is_ascii() {
        prop_assert!(out.len() <= s.len());
    }
    let again = normalize(out);
    prop_assert_eq!(again.as_str(), out, "not idempotent for {:?}", s);
    prop_assert!(!out.starts_with(' ') && !out.ends_with(' ') && !out.contains("  "));
    for i in 0..out.len() {
        for j in [i + 1, out.len()] {
            let span = n
                .original_span(i..j)
                .expect("non-empty in-bounds range maps");
            prop_assert!(span.start < span.end && span.end <= s.len());
            prop_assert!(s.is_char_boundary(span.start) && s.is_char_boundary(span.end));
        }
    }
    prop_assert!(n.original_span(0..0).is_none());
    prop_assert!(n.original_span(0..out.len() + 1).is_none());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn properties_on_hostile_text(s in hostile_text()) {
        check_properties(&s)?;
    }

    #[test]
    fn properties_on_any_text(s in "\\PC{0,60}") {
        check_properties(&s)?;
    }

    #[test]
    fn words_map_back_to_their_characters(s in hostile_text()) {
        let n = normalize(&s);
        for (range, word) in n.words() {
            let span = n.original_span(range).unwrap();
            // The original span holds the characters that produced the word:
            // normalised on its own it yields the word's characters in order
            // (context such as an e-mail domain after `@` may add some).
            let back = normalize(&s[span.range()]);
            let mut rest = back.as_str().chars();
            prop_assert!(word.chars().all(|c| rest.any(|d| d == c)),
                "{:?} from {:?} normalises to {:?}", word, &s[span.range()], back.as_str());
        }
    }
}

#[test]
fn every_single_character_respects_the_bound_and_is_idempotent() {
    for cp in 0..=0x10FFFFu32 {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        let s = c.to_string();
        let n = normalize(&s);
        assert!(n.len() <= s.len() * MAX_EXPANSION, "U+{cp:04X}");
        assert_eq!(normalize(n.as_str()).as_str(), n.as_str(), "U+{cp:04X}");
    }
}

#[test]
fn linear_on_long_adversarial_input() {
    // Patterns that make naive folders quadratic: long runs of bidi
    // controls, of combining marks, of '@' look-ahead and of spaced letters.
    let unit = "\u{202e}\u{0301}a@b@c@d \u{200b}w e c h a t ";
    let s = unit.repeat(20_000);
    let n = normalize(&s);
    assert!(n.len() <= s.len());
    let big = "a ".repeat(200_000);
    assert_eq!(normalize(&big).len(), 200_000);
    let at = "a@".repeat(200_000);
    assert!(normalize(&at).len() <= at.len());
}
