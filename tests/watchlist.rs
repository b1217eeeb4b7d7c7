//! The watchlist: the built-in rows, loading errors a user can act on, and
//! merging.

use lurescan::error::LoadErrorKind;
use lurescan::watchlist::{derive_id, Watchlist};

#[test]
fn builtin_holds_every_attributed_row() {
    let w = Watchlist::builtin();
    let personas = [
        "amanda-qiu",
        "shirly-shen",
        "rachel-li",
        "alex-li",
        "lily-wu",
        "laeticia-chen",
        "jason-wang",
        "allen-liu",
        "eva-han",
        "luo-jana",
        "joan-li",
        "chenping-tao",
        "jeffery-wang",
        "richard-yang",
        "aaron-shen",
    ];
    let firms = [
        "br-yr-executive-search",
        "internship-union",
        "risehr",
        "center-for-sino-europe-development-studies",
        "china-center-of-international-politics-and-economy",
        "afec",
        "drhr",
        "move-hr",
        "shanghai-academy-of-social-sciences",
        "resolute-consulting",
        "center-for-contemporary-world-studies",
        "data-31",
        "smiao-intelligence",
        "dustrategy",
        "rivermerge-strategies",
        "tsubasa-insight",
        "wavemax-innovation",
    ];
    for id in personas {
        let p = w
            .persona(id)
            .unwrap_or_else(|| panic!("persona {id} missing"));
        assert!(
            !p.source.is_empty() && p.year.is_some(),
            "{id} has no source or year"
        );
    }
    for id in firms {
        let f = w.firm(id).unwrap_or_else(|| panic!("firm {id} missing"));
        assert!(
            !f.source.is_empty() && f.year.is_some(),
            "{id} has no source or year"
        );
    }
    assert_eq!(w.personas().len(), personas.len());
    assert_eq!(w.firms().len(), firms.len());
    assert_eq!(
        w.persona("amanda-qiu").unwrap().firms,
        ["br-yr-executive-search"]
    );
    assert!(w
        .firm("internship-union")
        .unwrap()
        .aliases
        .contains(&"InternshipUnion".to_string()));
    assert!(w
        .persona("laeticia-chen")
        .unwrap()
        .aliases
        .contains(&"Laetitia Chen".to_string()));
    assert!(w
        .persona("richard-yang")
        .unwrap()
        .aliases
        .contains(&"Michael Yang".to_string()));
    assert!(w
        .persona("aaron-shen")
        .unwrap()
        .aliases
        .contains(&"Shen Yue".to_string()));
}

#[test]
fn ids_are_derived_as_kebab_case_ascii() {
    assert_eq!(
        derive_id("BR-YR Executive Search"),
        "br-yr-executive-search"
    );
    assert_eq!(derive_id("Data 31"), "data-31");
    assert_eq!(derive_id("RiseHR"), "risehr");
    assert_eq!(derive_id("Amanda Qiú"), "amanda-qiu");
    assert_eq!(derive_id("Аmanda Qiu"), "amanda-qiu");
}

fn err(json: &str) -> lurescan::LoadError {
    Watchlist::from_json(json).expect_err("must be rejected")
}

#[test]
fn syntax_errors_give_line_and_column() {
    let e = err("{\"personas\": [\n  {\"name\": \"A B\",}\n]}");
    assert_eq!(e.kind(), LoadErrorKind::Syntax);
    assert_eq!(e.line(), Some(2));
    assert!(e.column().is_some());
    assert!(e.to_string().contains("line 2"), "{e}");
    let e = err("{\"personas\": [{\"name\": \"A B\", \"nmae\": 1}]}");
    assert_eq!(
        e.kind(),
        LoadErrorKind::Syntax,
        "unknown fields are rejected: {e}"
    );
    assert_eq!(err("").kind(), LoadErrorKind::Syntax);
    assert_eq!(err("[]").kind(), LoadErrorKind::Syntax);
}

#[test]
fn invalid_entries_name_the_entry_and_the_reason() {
    let cases = [
        (r#"{"personas": [{"name": "  "}]}"#, "empty name"),
        (
            r#"{"personas": [{"name": "Ann Lee"}, {"name": "Ann  Lee"}]}"#,
            "duplicate persona id",
        ),
        (
            r#"{"personas": [{"name": "Ann Lee", "firms": ["nope"]}]}"#,
            "unknown firm id \"nope\"",
        ),
        (
            r#"{"firms": [{"name": "X Ltd", "personas": ["ghost"]}]}"#,
            "unknown persona id \"ghost\"",
        ),
        (
            r#"{"personas": [{"name": "Ann Lee", "aliases": ["\u200b!!"]}]}"#,
            "normalises to nothing",
        ),
        (r#"{"personas": [{"name": "王小明"}]}"#, "kebab-case"),
        (
            r#"{"firms": [{"id": "Bad Id", "name": "X"}]}"#,
            "kebab-case",
        ),
    ];
    for (json, want) in cases {
        let e = err(json);
        assert_eq!(e.kind(), LoadErrorKind::InvalidEntry, "{json}");
        assert!(e.to_string().contains(want), "{json}: {e}");
    }
    let ok = Watchlist::from_json(r#"{"personas": [{"id": "wang-xiaoming", "name": "王小明"}]}"#)
        .expect("explicit id");
    assert_eq!(ok.personas()[0].id, "wang-xiaoming");
}

#[test]
fn merge_replaces_adds_and_rolls_back_on_error() {
    let mut w = Watchlist::builtin();
    let before = w.clone();
    let user = Watchlist::from_json(
        r#"{"personas": [{"name": "Amanda Qiu", "aliases": ["Mandy Q"], "source": "internal case 7", "firms": ["br-yr-executive-search"]},
                         {"name": "Ann Lee", "source": "internal case 9"}]}"#,
    );
    // Links to built-in firms are checked when merged, not when loaded.
    assert!(user.is_err());
    let user = Watchlist::from_json(
        r#"{"personas": [{"name": "Amanda Qiu", "aliases": ["Mandy Q"], "source": "internal case 7"},
                         {"name": "Ann Lee", "source": "internal case 9"}]}"#,
    )
    .unwrap();
    w.merge(user).unwrap();
    assert_eq!(w.persona("amanda-qiu").unwrap().source, "internal case 7");
    assert!(w.persona("ann-lee").is_some());
    assert_eq!(w.personas().len(), before.personas().len() + 1);

    // A user's list may link to built-in entries when merged from JSON.
    let mut w3 = before.clone();
    w3.merge_json(r#"{"personas": [{"name": "Ann Lee", "firms": ["br-yr-executive-search"], "source": "case 9"}]}"#)
        .unwrap();
    assert_eq!(
        w3.persona("ann-lee").unwrap().firms,
        ["br-yr-executive-search"]
    );
    // A failed merge leaves the watchlist as it was.
    let mut w4 = before.clone();
    let e = w4
        .merge_json(r#"{"personas": [{"name": "Ann Lee", "firms": ["no-such-firm"]}]}"#)
        .unwrap_err();
    assert_eq!(e.kind(), LoadErrorKind::InvalidEntry);
    assert_eq!(w4, before);
    assert!(w4.merge_json("{not json").is_err());
    assert_eq!(w4, before);

    let mut w2 = before.clone();
    let bad = Watchlist::from_entries(
        vec![],
        vec![lurescan::Firm {
            id: "afec".into(),
            name: "AFEC".into(),
            aliases: vec![],
            personas: vec![],
            source: "x".into(),
            year: None,
            note: None,
        }],
    )
    .unwrap();
    w2.merge(bad).unwrap();
    assert_eq!(w2.firm("afec").unwrap().source, "x");
}

#[test]
fn json_round_trip() {
    let w = Watchlist::builtin();
    let again = Watchlist::from_json(&w.to_json()).unwrap();
    assert_eq!(w, again);
}
