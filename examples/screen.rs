//! Approaches in, verdicts out: JSON Lines as specified in the evaluation
//! contract.
//!
//! ```text
//! cargo run --release --example screen -- [--watchlist FILE] [--no-builtin] [INPUT.jsonl]
//! ```
//!
//! Reads one approach per line (standard input when no file is named):
//! `{"id": "a1", "sender": {"name": ..., "headline": ..., "company": ...,
//! "connections": 41, "account_age_days": 60}, "text": "..."}`; every field
//! but `id` is optional and unknown fields are ignored. Writes one line per
//! input line, in order: `{"id", "verdict", "score", "findings", "reason"}`.
//! A line that cannot be read gives `{"id": ..., "error": "..."}` (id null
//! when unreadable) and the run goes on; the exit status is non-zero only
//! when the input as a whole cannot be read.
//!
//! `--watchlist FILE` merges a watchlist (JSON, as `Watchlist::from_json`
//! reads) over the built-in one; with `--no-builtin` it replaces it.

use std::io::{BufRead, BufReader, Write};

use lurescan::assess::{Approach, Assessment};
use lurescan::{Detector, Lexicon, Watchlist};
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Deserialize)]
struct Input {
    id: Value,
    #[serde(flatten)]
    approach: Approach,
}

#[derive(Serialize)]
struct Output<'a> {
    id: &'a Value,
    verdict: &'static str,
    score: f64,
    findings: Vec<FindingOut<'a>>,
    reason: &'a str,
}

#[derive(Serialize)]
struct FindingOut<'a> {
    kind: &'static str,
    id: &'a str,
    field: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    span: Option<[usize; 2]>,
    matched: &'a str,
    score: f64,
    note: &'a str,
}

#[derive(Serialize)]
struct Failed<'a> {
    id: &'a Value,
    error: String,
}

fn round(x: f32) -> f64 {
    (x as f64 * 1000.0).round() / 1000.0
}

fn render(id: &Value, a: &Assessment) -> String {
    let findings = a
        .findings
        .iter()
        .map(|f| FindingOut {
            kind: f.kind.name(),
            id: &f.id,
            field: f.field.name(),
            span: f.span.map(|s| [s.start, s.end]),
            matched: &f.matched,
            score: round(f.score),
            note: &f.note,
        })
        .collect();
    let out = Output {
        id,
        verdict: a.verdict.name(),
        score: round(a.score),
        findings,
        reason: &a.reason,
    };
    serde_json::to_string(&out).unwrap_or_default()
}

fn fail(id: &Value, error: String) -> String {
    serde_json::to_string(&Failed { id, error }).unwrap_or_default()
}

fn usage() -> ! {
    eprintln!("usage: screen [--watchlist FILE] [--no-builtin] [INPUT.jsonl]");
    std::process::exit(2);
}

fn main() {
    let mut watchlist_path = None;
    let mut builtin = true;
    let mut input_path = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--watchlist" => watchlist_path = Some(args.next().unwrap_or_else(|| usage())),
            "--no-builtin" => builtin = false,
            "-h" | "--help" => usage(),
            _ if a.starts_with("--") => usage(),
            _ => input_path = Some(a),
        }
    }
    let mut watchlist = if builtin {
        Watchlist::builtin()
    } else {
        Watchlist::default()
    };
    if let Some(p) = &watchlist_path {
        let json = std::fs::read_to_string(p).unwrap_or_else(|e| {
            eprintln!("screen: cannot read watchlist {p}: {e}");
            std::process::exit(2);
        });
        if let Err(e) = watchlist.merge_json(&json) {
            eprintln!("screen: watchlist {p}: {e}");
            std::process::exit(2);
        }
    }
    let detector = Detector::new(&watchlist, &Lexicon::builtin());
    let input: Box<dyn BufRead> = match &input_path {
        Some(p) => match std::fs::File::open(p) {
            Ok(f) => Box::new(BufReader::new(f)),
            Err(e) => {
                eprintln!("screen: cannot open {p}: {e}");
                std::process::exit(2);
            }
        },
        None => Box::new(BufReader::new(std::io::stdin())),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut counts = [0usize; 4];
    let mut lines = 0usize;
    // Each line read: the parsed approach, or the id (when readable) and why not.
    let mut batch: Vec<Result<Input, (Value, String)>> = Vec::new();
    let mut reader = input.split(b'\n');
    loop {
        let next = reader.next();
        let done = next.is_none();
        if let Some(line) = next {
            let line = match line {
                Ok(l) => l,
                Err(e) => {
                    eprintln!("screen: read error after line {lines}: {e}");
                    std::process::exit(2);
                }
            };
            lines += 1;
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let parsed = match std::str::from_utf8(&line) {
                Err(e) => Err((Value::Null, format!("line {lines}: not UTF-8: {e}"))),
                Ok(text) => match serde_json::from_str::<Value>(text) {
                    Err(e) => Err((Value::Null, format!("line {lines}: invalid JSON: {e}"))),
                    Ok(v) => {
                        let id = v.get("id").cloned().unwrap_or(Value::Null);
                        if id.is_null() {
                            Err((id, format!("line {lines}: missing \"id\"")))
                        } else {
                            serde_json::from_value::<Input>(v)
                                .map_err(|e| (id, format!("line {lines}: {e}")))
                        }
                    }
                },
            };
            batch.push(parsed);
        }
        if batch.len() >= 256 || (done && !batch.is_empty()) {
            let approaches: Vec<Approach> = batch
                .iter()
                .filter_map(|r| r.as_ref().ok().map(|i| i.approach.clone()))
                .collect();
            let mut results = detector.assess_all(&approaches).into_iter();
            for r in batch.drain(..) {
                let line = match r {
                    Ok(input) => match results.next() {
                        Some(a) => {
                            counts[a.verdict as usize] += 1;
                            render(&input.id, &a)
                        }
                        None => fail(&input.id, "internal: no assessment".into()),
                    },
                    Err((id, e)) => {
                        counts[3] += 1;
                        fail(&id, e)
                    }
                };
                if writeln!(out, "{line}").is_err() {
                    return;
                }
            }
            if lines % 10_000 < 256 && lines >= 10_000 {
                eprintln!("screen: {lines} lines read");
            }
        }
        if done {
            break;
        }
    }
    let _ = out.flush();
    eprintln!(
        "screen: {} approaches: {} alert, {} review, {} clear, {} unreadable",
        counts.iter().sum::<usize>(),
        counts[2],
        counts[1],
        counts[0],
        counts[3]
    );
}
