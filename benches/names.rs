//! Name matching: pairwise scoring against strsim's Jaro-Winkler, index
//! build time and memory, and query latency at 1k, 100k and 1M synthetic
//! entries against brute force over the same entries.
//!
//! Synthetic entries combine given names from the nickname table with
//! surname spellings from the romanisation table (both built into the
//! crate), so they are as confusable as real watchlists get.

use std::hint::black_box;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use lurescan::names::{compare_persons, NameIndex};
use lurescan::watchlist::{Persona, Watchlist};

#[path = "common/corpus.rs"]
mod corpus;

fn column(csv: &str, col: usize) -> Vec<String> {
    let mut v: Vec<String> = csv
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(col))
        .map(str::to_string)
        .filter(|s| s.len() >= 2)
        .collect();
    v.sort();
    v.dedup();
    v
}

fn given_names() -> Vec<String> {
    column(include_str!("../src/names/data/nicknames.csv"), 0)
}

fn surnames() -> Vec<String> {
    column(
        include_str!("../src/names/data/surname_romanizations.csv"),
        0,
    )
}

/// `n` persona names: given + surname, and for every third a middle name.
fn synthetic_names(n: usize, seed: u64) -> Vec<String> {
    let (g, s) = (given_names(), surnames());
    let mut rng = corpus::Lcg::new(seed);
    (0..n)
        .map(|i| {
            let first = &g[rng.next() as usize % g.len()];
            let last = &s[rng.next() as usize % s.len()];
            if i % 3 == 0 {
                let middle = &g[rng.next() as usize % g.len()];
                format!("{first} {middle} {last}")
            } else {
                format!("{first} {last}")
            }
        })
        .collect()
}

fn watchlist(n: usize) -> Watchlist {
    let personas = synthetic_names(n, 7)
        .into_iter()
        .enumerate()
        .map(|(i, name)| Persona {
            id: format!("p{i}"),
            name,
            aliases: vec![],
            firms: vec![],
            source: String::new(),
            year: None,
            note: None,
        })
        .collect();
    Watchlist::from_entries(personas, vec![]).expect("synthetic watchlist is valid")
}

/// Queries: variants of names in the list (romanised, reordered, initials)
/// and names that are in no list.
fn queries(w: &Watchlist) -> Vec<String> {
    let mut q: Vec<String> = w
        .personas()
        .iter()
        .step_by(w.personas().len() / 20 + 1)
        .take(20)
        .map(|p| {
            let parts: Vec<&str> = p.name.split(' ').collect();
            format!("{}, {}", parts[parts.len() - 1].to_uppercase(), parts[0])
        })
        .collect();
    q.extend(
        [
            "Amanda Qiu",
            "A. Chiu",
            "Shirley Shen",
            "Jon Smith",
            "Mandy Wong",
            "Laetitia Tan",
        ]
        .map(String::from),
    );
    q
}

fn bench_pairwise(c: &mut Criterion) {
    let a = synthetic_names(1000, 1);
    let b = synthetic_names(1000, 2);
    let mut group = c.benchmark_group("names/pairwise/person");
    group.throughput(Throughput::Elements(a.len() as u64));
    group.bench_function("lurescan_compare_persons", |bench| {
        bench.iter(|| {
            a.iter()
                .zip(&b)
                .filter(|(x, y)| compare_persons(x, y).is_match)
                .count()
        })
    });
    group.bench_function("baseline_strsim_jaro_winkler", |bench| {
        bench.iter(|| {
            a.iter()
                .zip(&b)
                .filter(|(x, y)| strsim::jaro_winkler(x, y) > 0.9)
                .count()
        })
    });
    group.finish();
}

fn bench_index(c: &mut Criterion) {
    for n in [1_000usize, 100_000, 1_000_000] {
        let w = watchlist(n);
        let start = Instant::now();
        let index = NameIndex::new(&w);
        let built = start.elapsed();
        eprintln!(
            "names/index/{n}: built in {:.2?}, {} bytes ({:.0} bytes per entry)",
            built,
            index.memory_usage(),
            index.memory_usage() as f64 / n as f64
        );
        let qs = queries(&w);
        // The index must find what brute force finds: checked on every query.
        let expected: Vec<Vec<String>> = qs
            .iter()
            .map(|q| {
                index
                    .match_person_exhaustive(q)
                    .into_iter()
                    .map(|m| m.id)
                    .collect()
            })
            .collect();
        for (q, want) in qs.iter().zip(&expected) {
            let got: Vec<String> = index.match_person(q).into_iter().map(|m| m.id).collect();
            assert_eq!(&got, want, "index and brute force differ on {q:?} at {n}");
        }
        let mut group = c.benchmark_group(format!("names/query/{n}"));
        group.throughput(Throughput::Elements(qs.len() as u64));
        if n >= 100_000 {
            group.sample_size(10);
        }
        group.bench_function(BenchmarkId::from_parameter("lurescan_index"), |bench| {
            bench.iter(|| {
                qs.iter()
                    .map(|q| index.match_person(black_box(q)).len())
                    .sum::<usize>()
            })
        });
        group.bench_function(
            BenchmarkId::from_parameter("baseline_brute_force"),
            |bench| {
                bench.iter(|| {
                    qs.iter()
                        .map(|q| index.match_person_exhaustive(black_box(q)).len())
                        .sum::<usize>()
                })
            },
        );
        group.finish();
        if n <= 100_000 {
            let mut group = c.benchmark_group("names/build");
            group.sample_size(10);
            group.throughput(Throughput::Elements(n as u64));
            group.bench_function(BenchmarkId::from_parameter(n), |bench| {
                bench.iter(|| NameIndex::new(black_box(&w)).len())
            });
            group.finish();
        }
    }
}

criterion_group!(benches, bench_pairwise, bench_index);
criterion_main!(benches);
