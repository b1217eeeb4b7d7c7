//! Throughput of the normaliser against NFKC followed by `to_lowercase`
//! (unicode-normalization), which folds strictly less, on the same bytes.
//!
//! Ratios are read off one run: `normalize/<corpus>/lurescan` against
//! `normalize/<corpus>/baseline_nfkc_lowercase`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use unicode_normalization::UnicodeNormalization;

#[path = "common/corpus.rs"]
mod corpus;

const SIZE: usize = 1 << 20;

fn bench_normalize(c: &mut Criterion) {
    let corpora = [
        ("english", corpus::text(corpus::ENGLISH, SIZE, 1)),
        ("russian", corpus::text(corpus::RUSSIAN, SIZE, 2)),
        ("chinese", corpus::text(corpus::CHINESE, SIZE, 3)),
        ("adversarial", corpus::text(corpus::ADVERSARIAL, SIZE, 4)),
    ];
    for (name, text) in &corpora {
        let mut group = c.benchmark_group(format!("normalize/{name}"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.sample_size(20);
        let expected_len = lurescan::normalize(text).len();
        let mut reused = lurescan::Normalized::new();
        group.bench_function(BenchmarkId::from_parameter("lurescan"), |b| {
            b.iter(|| {
                reused.refill(black_box(text));
                // A benchmark is also a test: the output must not change.
                assert_eq!(reused.len(), expected_len);
            })
        });
        group.bench_function(
            BenchmarkId::from_parameter("baseline_nfkc_lowercase"),
            |b| {
                b.iter(|| {
                    let folded: String = black_box(text.as_str())
                        .nfkc()
                        .collect::<String>()
                        .to_lowercase();
                    black_box(folded.len())
                })
            },
        );
        group.finish();
    }
}

criterion_group!(benches, bench_normalize);
criterion_main!(benches);
