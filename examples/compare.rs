//! Name pairs in, scores out: JSON Lines as specified in the evaluation
//! contract.
//!
//! ```text
//! cargo run --release --example compare -- [INPUT.jsonl]   # stdin when no file
//! ```
//!
//! Input lines: `{"id": "p1", "a": "Amanda Qiu", "b": "QIU Amanda", "kind": "person"}`
//! (`kind` is `person` or `firm`; `person` when absent). Output lines:
//! `{"id": "p1", "score": 0.97, "match": true}`, where `match` applies the
//! crate's default threshold for the kind. A line that cannot be read gives
//! `{"id": ..., "error": "..."}` and the run goes on.

use std::io::{BufRead, BufReader, Write};

use lurescan::names::{compare_firms, compare_persons};
use serde::Serialize;
use serde_json::Value;

/// One output line; a struct keeps the fields in the documented order.
#[derive(Serialize)]
struct Scored {
    id: Value,
    score: f64,
    #[serde(rename = "match")]
    is_match: bool,
}

/// An output line for an input line that could not be scored.
#[derive(Serialize)]
struct Failed {
    id: Value,
    error: String,
}

fn to_line<T: Serialize>(v: T) -> String {
    serde_json::to_string(&v).unwrap_or_default()
}

fn main() {
    let path = std::env::args().nth(1);
    let input: Box<dyn BufRead> = match &path {
        Some(p) => match std::fs::File::open(p) {
            Ok(f) => Box::new(BufReader::new(f)),
            Err(e) => {
                eprintln!("compare: cannot open {p}: {e}");
                std::process::exit(2);
            }
        },
        None => Box::new(BufReader::new(std::io::stdin())),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (n, line) in input.split(b'\n').enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                eprintln!("compare: read error after line {n}: {e}");
                std::process::exit(2);
            }
        };
        let text = String::from_utf8_lossy(&line);
        if text.trim().is_empty() {
            continue;
        }
        let result = match serde_json::from_str::<Value>(&text) {
            Err(e) => to_line(Failed {
                id: Value::Null,
                error: format!("line {}: invalid JSON: {e}", n + 1),
            }),
            Ok(v) => {
                let id = v.get("id").cloned().unwrap_or(Value::Null);
                let a = v.get("a").and_then(Value::as_str);
                let b = v.get("b").and_then(Value::as_str);
                let kind = v.get("kind").and_then(Value::as_str).unwrap_or("person");
                match (a, b, kind) {
                    (Some(a), Some(b), "person") => {
                        let c = compare_persons(a, b);
                        to_line(Scored {
                            id,
                            score: round(c.score),
                            is_match: c.is_match,
                        })
                    }
                    (Some(a), Some(b), "firm") => {
                        let c = compare_firms(a, b);
                        to_line(Scored {
                            id,
                            score: round(c.score),
                            is_match: c.is_match,
                        })
                    }
                    (Some(_), Some(_), other) => to_line(Failed {
                        id,
                        error: format!("unknown kind {other:?}: expected \"person\" or \"firm\""),
                    }),
                    _ => to_line(Failed {
                        id,
                        error: "fields \"a\" and \"b\" must be strings".into(),
                    }),
                }
            }
        };
        if writeln!(out, "{result}").is_err() {
            return;
        }
    }
}

fn round(x: f32) -> f64 {
    (x as f64 * 1000.0).round() / 1000.0
}
