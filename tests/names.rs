//! Name matching: named pairs from `tests/data/name_pairs.json`, properties
//! of the scores, and the index against brute force.

use std::collections::HashSet;

use lurescan::names::{compare_firms, compare_persons, How, NameIndex, NameKind};
use lurescan::watchlist::{Firm, Persona, Watchlist};
use proptest::prelude::*;
use serde::Deserialize;

#[derive(Deserialize)]
struct Pair {
    name: String,
    kind: String,
    a: String,
    b: String,
    #[serde(rename = "match")]
    is_match: bool,
}

fn pairs() -> Vec<Pair> {
    serde_json::from_str(include_str!("data/name_pairs.json")).expect("pairs parse")
}

fn compare(kind: &str, a: &str, b: &str) -> lurescan::names::Comparison {
    match kind {
        "person" => compare_persons(a, b),
        "firm" => compare_firms(a, b),
        other => panic!("unknown kind {other}"),
    }
}

#[test]
fn pair_names_are_unique() {
    let p = pairs();
    let names: HashSet<&str> = p.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names.len(), p.len());
}

#[test]
fn named_pairs() {
    let mut failures = Vec::new();
    for p in pairs() {
        let c = compare(&p.kind, &p.a, &p.b);
        if c.is_match != p.is_match {
            failures.push(format!(
                "{}: {:?} vs {:?} scored {:.3}, want match={}",
                p.name, p.a, p.b, c.score, p.is_match
            ));
        }
        let back = compare(&p.kind, &p.b, &p.a);
        if (back.score - c.score).abs() > 1e-6 {
            failures.push(format!(
                "{}: not symmetric ({} vs {})",
                p.name, c.score, back.score
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn explanations_say_how() {
    let c = compare_persons("Amanda Qiu", "Mandy Chiu");
    let hows: Vec<How> = c.pairs.iter().map(|p| p.how).collect();
    assert!(
        hows.contains(&How::Nickname) && hows.contains(&How::Romanization),
        "{hows:?}"
    );
    let c = compare_persons("Amanda Qiu", "A. Qiu");
    assert!(c
        .pairs
        .iter()
        .any(|p| p.how == How::Initial && p.left == "amanda" && p.right == "a"));
    let c = compare_persons("Laeticia Chen", "Laetitia Chen");
    assert!(c.pairs.iter().any(|p| p.how == How::Edit(1)));
}

#[test]
fn exact_ranks_above_every_variant() {
    let exact = compare_persons("Amanda Qiu", "Amanda Qiu").score;
    assert_eq!(exact, 1.0);
    for variant in [
        "QIU Amanda",
        "Amanda Chiu",
        "Mandy Qiu",
        "A. Qiu",
        "AmandaQiu",
        "Amanda Mei Qiu",
    ] {
        let s = compare_persons("Amanda Qiu", variant).score;
        assert!(s < exact, "{variant} scored {s}");
    }
    let romanised = compare_persons("Amanda Qiu", "Amanda Chiu").score;
    let reordered = compare_persons("Amanda Qiu", "Qiu Amanda").score;
    assert!(reordered > romanised);
}

fn name_piece() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "Amanda",
        "Qiu",
        "Chiu",
        "A.",
        "Mandy",
        "Shen",
        "Shirly",
        "Li",
        "Lee",
        "Wang",
        "Wong",
        "BR-YR",
        "Executive",
        "Search",
        "Ltd",
        "Union",
        "Internship",
        "InternshipUnion",
        "Q.",
        "Аmanda",
        "Laetitia",
        "&",
        "有限公司",
        "1nternship",
    ])
    .prop_map(str::to_string)
}

fn name() -> impl Strategy<Value = String> {
    prop::collection::vec(name_piece(), 0..5).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn scores_are_symmetric_and_bounded(a in name(), b in name()) {
        for kind in ["person", "firm"] {
            let x = compare(kind, &a, &b);
            let y = compare(kind, &b, &a);
            prop_assert!((0.0..=1.0).contains(&x.score));
            prop_assert!((x.score - y.score).abs() < 1e-6, "{} {:?} {:?}: {} vs {}", kind, a, b, x.score, y.score);
        }
    }

    #[test]
    fn identical_names_score_one(a in name()) {
        prop_assume!(!lurescan::normalize(&a).is_empty());
        prop_assert_eq!(compare("firm", &a, &a).score, 1.0);
        prop_assume!(a.split_whitespace().count() >= 2 || !a.contains(' '));
        let p = compare("person", &a, &a).score;
        // A name of initials only is no name; every other scores 1.
        let tokens = lurescan::normalize(&a);
        let all_initials = tokens.as_str().split(' ').all(|t| t.chars().count() == 1);
        prop_assert!(p == 1.0 || all_initials, "{:?} scored {}", a, p);
    }
}

/// A synthetic watchlist from the built-in names and generated variants.
fn random_watchlist(seed: u64, n: usize) -> Watchlist {
    let given = [
        "amanda",
        "shirly",
        "rachel",
        "alex",
        "lily",
        "jason",
        "allen",
        "eva",
        "joan",
        "jeffery",
        "mandy",
        "alexander",
        "shirley",
        "laetitia",
    ];
    let surnames = [
        "qiu", "shen", "li", "wu", "chen", "wang", "liu", "han", "tao", "yang", "chiu", "lee",
        "wong", "tan", "ng",
    ];
    let words = [
        "br",
        "yr",
        "internship",
        "union",
        "risehr",
        "data",
        "31",
        "smiao",
        "dustrategy",
        "rivermerge",
        "wavemax",
        "tsubasa",
    ];
    let generic = [
        "executive search",
        "consulting",
        "group",
        "insight",
        "innovation",
        "ltd",
        "",
    ];
    let mut x = seed;
    let mut next = |m: usize| {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((x >> 33) as usize) % m
    };
    let mut personas = Vec::new();
    let mut firms = Vec::new();
    for i in 0..n {
        let name = format!(
            "{} {}",
            given[next(given.len())],
            surnames[next(surnames.len())]
        );
        personas.push(Persona {
            id: format!("p{i}"),
            name,
            aliases: vec![],
            firms: vec![],
            source: String::new(),
            year: None,
            note: None,
        });
        let name = format!(
            "{} {} {}",
            words[next(words.len())],
            words[next(words.len())],
            generic[next(generic.len())]
        );
        firms.push(Firm {
            id: format!("f{i}"),
            name: name.trim().to_string(),
            aliases: vec![],
            personas: vec![],
            source: String::new(),
            year: None,
            note: None,
        });
    }
    Watchlist::from_entries(personas, firms).expect("valid")
}

#[test]
fn index_agrees_with_brute_force() {
    let queries_p = [
        "Amanda Qiu",
        "A. Qiu",
        "Qiu Amanda",
        "AmandaQiu",
        "Mandy Chiu",
        "Shirley Shen",
        "Lily Ng",
        "Alex Lee",
        "Jefferey Wang",
        "Rachel",
        "Wang",
        "J. Wang",
        "Laeticia Chen",
        "Eva Hon",
        "Alexander Li Wei",
        "amandaqiu",
        "shirlyshen",
    ];
    let queries_f = [
        "BR-YR Executive Search",
        "BRYR",
        "Internship Union Ltd",
        "InternshipUnion",
        "Data31",
        "Smiao Consulting",
        "Dustrategi Group",
        "Wavemax",
        "br yr group",
        "RiseHR",
        "rivermerge wavemax",
        "DS",
    ];
    for seed in 0..6 {
        let w = random_watchlist(seed, 300);
        let idx = NameIndex::new(&w);
        for q in queries_p {
            let a: Vec<(String, u32)> = idx
                .match_person(q)
                .iter()
                .map(|m| (m.id.clone(), (m.score * 1e6) as u32))
                .collect();
            let b: Vec<(String, u32)> = idx
                .match_person_exhaustive(q)
                .iter()
                .map(|m| (m.id.clone(), (m.score * 1e6) as u32))
                .collect();
            assert_eq!(a, b, "person query {q:?} seed {seed}");
        }
        for q in queries_f {
            let a: Vec<(String, u32)> = idx
                .match_firm(q)
                .iter()
                .map(|m| (m.id.clone(), (m.score * 1e6) as u32))
                .collect();
            let b: Vec<(String, u32)> = idx
                .match_firm_exhaustive(q)
                .iter()
                .map(|m| (m.id.clone(), (m.score * 1e6) as u32))
                .collect();
            assert_eq!(a, b, "firm query {q:?} seed {seed}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    #[test]
    fn index_equals_brute_force_on_random_queries(seed in 0u64..1000, q in name()) {
        let w = random_watchlist(seed, 120);
        let idx = NameIndex::new(&w);
        let ids = |v: Vec<lurescan::NameMatch>| v.into_iter().map(|m| m.id).collect::<Vec<_>>();
        prop_assert_eq!(ids(idx.match_person(&q)), ids(idx.match_person_exhaustive(&q)));
        prop_assert_eq!(ids(idx.match_firm(&q)), ids(idx.match_firm_exhaustive(&q)));
    }
}

#[test]
fn builtin_index_matches_fields_and_text() {
    let idx = NameIndex::new(&Watchlist::builtin());
    let m = idx.match_person("Ms. Аmanda Ch'iu");
    assert_eq!(m.first().map(|m| m.id.as_str()), Some("amanda-qiu"));
    assert!(m[0].folded, "a Cyrillic A was folded");
    let f = idx.match_firm("BR YR Exec. Search Co., Ltd");
    assert_eq!(
        f.first().map(|m| m.id.as_str()),
        Some("br-yr-executive-search")
    );
    assert!(idx.match_firm("Korn Ferry Executive Search").is_empty());
    assert!(idx.match_person("Amanda Quinn").is_empty());

    let text = "Forwarded: my colleague Mandy Qiu of BR-YR asked; also see InternshipUnion and Shirley Shen.";
    let found = idx.find_in_text(text);
    let ids: HashSet<(NameKind, &str)> = found.iter().map(|m| (m.kind, m.id.as_str())).collect();
    for want in [
        (NameKind::Person, "amanda-qiu"),
        (NameKind::Firm, "br-yr-executive-search"),
        (NameKind::Firm, "internship-union"),
        (NameKind::Person, "shirly-shen"),
    ] {
        assert!(ids.contains(&want), "{want:?} not in {ids:?}");
    }
    for m in &found {
        assert_eq!(&text[m.span.range()], m.matched);
    }
    // Whole words only.
    assert!(idx.find_in_text("the embryryonic stage").is_empty());
    assert!(idx
        .find_in_text("Amanda Quinn of Korn Ferry Executive Search")
        .is_empty());
}
