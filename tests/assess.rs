//! Signals and verdicts: named signal cases, whole approaches with expected
//! verdicts and entities, span checks on every finding, hostile inputs.

use std::collections::HashSet;

use lurescan::assess::{Approach, Field};
use lurescan::scan::{Scanner, Signal};
use lurescan::{Detector, Verdict};
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
struct SignalCase {
    name: String,
    text: String,
    #[serde(default)]
    present: Vec<String>,
    #[serde(default)]
    absent: Vec<String>,
}

#[test]
fn signal_cases() {
    let cases: Vec<SignalCase> =
        serde_json::from_str(include_str!("data/signal_cases.json")).unwrap();
    let names: HashSet<&str> = cases.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names.len(), cases.len(), "case names are unique");
    let scanner = Scanner::builtin();
    let mut failures = Vec::new();
    for c in &cases {
        let r = scanner.scan(&c.text);
        let found: HashSet<&str> = r
            .hits
            .iter()
            .filter(|h| h.weight >= 0.1)
            .map(|h| h.signal.id())
            .collect();
        for p in &c.present {
            if !found.contains(p.as_str()) {
                failures.push(format!(
                    "{}: {p} not found in {:?} (found {found:?})",
                    c.name, c.text
                ));
            }
        }
        for a in &c.absent {
            if found.contains(a.as_str()) {
                failures.push(format!("{}: {a} found in {:?}", c.name, c.text));
            }
        }
        for h in &r.hits {
            assert_eq!(&c.text[h.span.range()], h.matched, "{}", c.name);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_signal_has_a_case() {
    let cases: Vec<SignalCase> =
        serde_json::from_str(include_str!("data/signal_cases.json")).unwrap();
    for s in Signal::ALL {
        if matches!(s, Signal::ThinNetwork | Signal::NewAccount) {
            continue;
        }
        assert!(
            cases.iter().any(|c| c.present.iter().any(|p| p == s.id())),
            "no positive case for {s}"
        );
    }
}

#[test]
fn warnings_describe_rather_than_lure() {
    let scanner = Scanner::builtin();
    let r = scanner.scan(
        "Security reminder: hostile actors offer paid reports, all-expenses-paid trips and payment in crypto, \
         and ask you to move to WeChat. Report any suspicious approach.",
    );
    assert!(r.warning_cues > 0);
    assert!(r.hits.iter().all(|h| h.weight < 0.1), "{:?}", r.hits);
}

#[test]
fn a_negated_warning_word_buys_no_discount() {
    let scanner = Scanner::builtin();
    let r =
        scanner.scan("This is not phishing, promise. We pay $3,000 per report; add me on WeChat.");
    assert_eq!(r.warning_cues, 0);
    assert!(r
        .hits
        .iter()
        .any(|h| h.signal == Signal::PaidWriting && h.weight >= 0.1));
}

#[derive(Deserialize)]
struct Labelled {
    id: String,
    #[serde(flatten)]
    approach: Approach,
    label: Label,
}

#[derive(Deserialize)]
struct Label {
    expect: String,
    #[serde(default)]
    personas: Vec<String>,
    #[serde(default)]
    firms: Vec<String>,
    #[serde(default)]
    signals: Vec<String>,
}

fn field_text(a: &Approach, f: Field) -> Option<&str> {
    match f {
        Field::SenderName => a.sender.name.as_deref(),
        Field::SenderCompany => a.sender.company.as_deref(),
        Field::SenderHeadline => a.sender.headline.as_deref(),
        Field::Text => a.text.as_deref(),
        _ => None,
    }
}

#[test]
fn approaches_get_their_verdicts() {
    let detector = Detector::builtin();
    let mut failures = Vec::new();
    for line in include_str!("data/approaches.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
    {
        let case: Labelled = serde_json::from_str(line).expect("case parses");
        let a = detector.assess(&case.approach);
        if a.verdict.name() != case.label.expect {
            failures.push(format!(
                "{}: {} (want {}): {}",
                case.id, a.verdict, case.label.expect, a.reason
            ));
        }
        let ids = |kind: &str| -> Vec<String> {
            let mut v: Vec<String> = a
                .findings
                .iter()
                .filter(|f| f.kind.name() == kind)
                .map(|f| f.id.clone())
                .collect();
            v.sort();
            v
        };
        let mut want_p = case.label.personas.clone();
        want_p.sort();
        let mut want_f = case.label.firms.clone();
        want_f.sort();
        if ids("persona") != want_p || ids("firm") != want_f {
            failures.push(format!(
                "{}: entities {:?}/{:?}, want {want_p:?}/{want_f:?}",
                case.id,
                ids("persona"),
                ids("firm")
            ));
        }
        let signals: HashSet<String> = ids("signal").into_iter().collect();
        for s in &case.label.signals {
            if !signals.contains(s) {
                failures.push(format!("{}: signal {s} missing", case.id));
            }
        }
        // Every finding points at the bytes that carry it.
        for f in &a.findings {
            match (f.span, field_text(&case.approach, f.field)) {
                (Some(span), Some(text)) => {
                    assert_eq!(
                        text.get(span.range()),
                        Some(f.matched.as_str()),
                        "{} {:?}",
                        case.id,
                        f
                    )
                }
                (None, None) => {}
                other => panic!(
                    "{}: finding {:?} has span/field mismatch {:?}",
                    case.id, f, other.0
                ),
            }
            assert!((0.0..=1.0).contains(&f.score), "{}: {:?}", case.id, f);
        }
        assert!((0.0..=1.0).contains(&a.score));
        assert_eq!(Verdict::from_score(a.score), a.verdict);
        assert!(!a.reason.is_empty() && a.reason.starts_with(a.verdict.name()));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn findings_are_ordered_by_weight() {
    let detector = Detector::builtin();
    let a = detector.assess(
        &Approach::from_text(
            "Our client pays $3,000 per report for non-public information. Add me on WeChat.",
        )
        .sender_name("Amanda Qiu")
        .connections(12),
    );
    assert_eq!(a.verdict, Verdict::Alert);
    assert!(a
        .findings
        .windows(2)
        .all(|w| w[0].contribution >= w[1].contribution));
    assert!(a.findings.iter().any(|f| f.id == "amanda-qiu"));
}

#[test]
fn batch_equals_one_by_one() {
    let detector = Detector::builtin();
    let approaches: Vec<Approach> = include_str!("data/approaches.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .map(|v| serde_json::from_value::<Approach>(v).unwrap())
        .collect();
    let batch = detector.assess_all(&approaches);
    let single: Vec<_> = approaches.iter().map(|a| detector.assess(a)).collect();
    assert_eq!(batch, single);
}

#[test]
fn hostile_inputs_get_bounded_verdicts() {
    let detector = Detector::builtin();
    let inputs = vec![
        Approach::default(),
        Approach::from_text(""),
        Approach::from_text("\u{200b}\u{202e}\u{fe0f}".repeat(10_000)),
        Approach::from_text("w e c h a t ".repeat(50_000)),
        Approach::from_text("a@".repeat(100_000)).sender_name("A. ".repeat(5000)),
        Approach::from_text("paid report ".repeat(20_000)).sender_company("BR-YR ".repeat(2000)),
        Approach::from_text("£9 ".repeat(100_000)),
        Approach::default()
            .sender_name("\u{0301}".repeat(3000))
            .sender_headline("🙂".repeat(3000)),
    ];
    for a in &inputs {
        let r = detector.assess(a);
        assert!((0.0..=1.0).contains(&r.score));
        for f in &r.findings {
            if let (Some(span), Some(text)) = (f.span, field_text(a, f.field)) {
                assert!(
                    text.is_char_boundary(span.start)
                        && text.is_char_boundary(span.end)
                        && span.end <= text.len()
                );
            }
        }
    }
}

#[test]
fn public_types_are_send_sync_unwind_safe() {
    fn check<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
    check::<Detector>();
    check::<lurescan::Assessment>();
    check::<lurescan::Finding>();
    check::<lurescan::NameIndex>();
    check::<lurescan::NameMatch>();
    check::<lurescan::Scanner>();
    check::<lurescan::Lexicon>();
    check::<lurescan::Watchlist>();
    check::<lurescan::Normalized>();
    check::<lurescan::LoadError>();
    check::<lurescan::scan::ScanResult>();
    check::<Approach>();
}

#[test]
fn lexicon_loading_errors_are_actionable() {
    use lurescan::{Lexicon, LoadErrorKind};
    let e = Lexicon::from_json(r#"{"phrases": [{"signal": "nope", "texts": ["x"]}]}"#).unwrap_err();
    assert_eq!(e.kind(), LoadErrorKind::InvalidEntry);
    assert!(e.to_string().contains("unknown signal \"nope\""), "{e}");
    let e = Lexicon::from_json(r#"{"terms": {"colours": ["red"]}}"#).unwrap_err();
    assert!(e.to_string().contains("unknown term class"), "{e}");
    let e = Lexicon::from_json("{\n\"phrases\": [}").unwrap_err();
    assert_eq!(e.kind(), LoadErrorKind::Syntax);
    assert_eq!(e.line(), Some(2));
    let mut lex = Lexicon::builtin();
    lex.merge_json(r#"{"phrases": [{"signal": "off_platform", "texts": ["add me on line"]}]}"#)
        .unwrap();
    let scanner = Scanner::new(&lex);
    assert!(scanner
        .scan("please add me on LINE")
        .hits
        .iter()
        .any(|h| h.signal == Signal::OffPlatform));
    assert_eq!(
        Lexicon::from_json(&Lexicon::builtin().to_json()).unwrap(),
        Lexicon::builtin()
    );
}
