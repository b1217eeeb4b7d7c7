//! Assessment throughput against the floor: one aho-corasick automaton of
//! every lexicon phrase and term (ASCII case-insensitive) over the raw
//! bytes, which finds strictly less (no folding, no rules, no names).
//!
//! Groups: `assess/english/<size>` and `assess/non_ascii/<size>` at 1 KB,
//! 100 KB and 10 MB (linearity), each with `lurescan_assess` and
//! `baseline_raw_aho_corasick`; `assess/message_1kb` for the latency of one
//! typical message with sender fields (name checks included); and
//! `assess/build` for building the detector.

use std::hint::black_box;

use aho_corasick::AhoCorasick;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use lurescan::{Approach, Detector, Verdict};

#[path = "common/corpus.rs"]
mod corpus;

/// Realistic messages: ordinary recruiting and correspondence with a
/// sprinkling of lures.
const MESSAGES: &[&str] = &[
    "Hi Claire, I have a Regulatory Affairs Manager role at a biotech in Cambridge (£70–80k). What's the best email to send the full job spec to?",
    "Dear Dr Osei, we are organising a two-day workshop on EU–China trade at the University of Edinburgh. The grant covers economy flights and two nights' hotel for all speakers.",
    "Our client is a consulting company, they need an expert to prepare short analysis on UK rail policy, 2-3 pages each time, and the payment is 2000 GBP for each one. We can talk more on WeChat.",
    "Thanks for the code review yesterday. Want to pair on the caching bug this afternoon? I'll bring coffee.",
    "Please keep our conversation between us for now. Which colleagues in your unit are working on the programme? Better if we talk on Signal.",
    "Security reminder: be cautious of approaches that flatter your expertise or offer paid trips. Report any suspicious approach to the security desk.",
    "Good morning Aisha, I came across your profile and wanted to share a Financial Controller opportunity in Milton Keynes. Salary £85k–£95k plus bonus.",
    "We would be delighted to welcome you to Chengdu; flights, hotel and meals covered. Our hosts hope you can share the committee's internal thinking before the report comes out.",
];

const NON_ASCII: &[&str] = &[
    "Sehr geehrter Herr Dr. Braun, unsere Mandanten suchen bezahlte Gutachten zur deutschen China-Politik, Honorar 5.000 Euro pro Gutachten.",
    "Bonjour Monsieur, nos clients recherchent des notes de synthèse rémunérées 3 000 € la note. Pourrions-nous poursuivre sur WhatsApp ?",
    "Спасибо за приглашение на конференцию. Мы оплатим перелёт и проживание.",
    "您好，我们的客户希望您撰写关于英国政策的报告，每篇报酬丰厚。请加我的微信。",
    "Аdd mе оn W\u{200b}еСhаt: Аmаndа Qі\u{0301}u of В.R.-Ү.R. — 𝐩𝐚𝐢𝐝 𝐩𝐞𝐫 𝐩𝐚𝐠𝐞",
];

fn corpus_of(sentences: &[&str], bytes: usize, seed: u64) -> String {
    corpus::text(sentences, bytes, seed)
}

fn bench_throughput(c: &mut Criterion) {
    let detector = Detector::builtin();
    let floor = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(detector.scanner().raw_patterns())
        .expect("baseline automaton builds");
    for (name, sentences) in [("english", MESSAGES), ("non_ascii", NON_ASCII)] {
        for size in [1_000usize, 100_000, 10_000_000] {
            let text = corpus_of(sentences, size, 11);
            let approach = Approach::from_text(text.clone());
            let expected = detector.assess(&approach);
            let mut group = c.benchmark_group(format!("assess/{name}/{size}"));
            group.throughput(Throughput::Bytes(text.len() as u64));
            if size >= 10_000_000 {
                group.sample_size(10);
            }
            group.bench_function(BenchmarkId::from_parameter("lurescan_assess"), |b| {
                b.iter(|| {
                    let a = detector.assess(black_box(&approach));
                    // A benchmark is also a test: the result must not drift.
                    assert_eq!(a.verdict, expected.verdict);
                })
            });
            group.bench_function(
                BenchmarkId::from_parameter("baseline_raw_aho_corasick"),
                |b| {
                    b.iter(|| {
                        floor
                            .find_overlapping_iter(black_box(text.as_str()))
                            .count()
                    })
                },
            );
            group.finish();
        }
    }
}

fn bench_message(c: &mut Criterion) {
    let detector = Detector::builtin();
    let mut text = String::new();
    while text.len() < 1_000 {
        text.push_str(MESSAGES[2]);
        text.push(' ');
    }
    let approach = Approach::from_text(text)
        .sender_name("QIU Amanda")
        .sender_headline("Chief Executive Officer - BR-YR Executive Search | Beijing")
        .sender_company("BR-YR Executive Search Ltd")
        .connections(38)
        .account_age_days(210);
    assert_eq!(detector.assess(&approach).verdict, Verdict::Alert);
    let mut group = c.benchmark_group("assess/message_1kb");
    group.bench_function("lurescan_assess_with_names", |b| {
        b.iter(|| detector.assess(black_box(&approach)).score)
    });
    group.finish();

    let mut group = c.benchmark_group("assess/build");
    group.sample_size(10);
    group.bench_function("builtin_detector", |b| {
        b.iter(|| Detector::builtin().names().len())
    });
    group.finish();
}

criterion_group!(benches, bench_throughput, bench_message);
criterion_main!(benches);
